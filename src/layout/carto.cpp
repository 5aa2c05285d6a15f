// layout/carto.cpp — cartographic placement for the layered layout: every actor reserves a
// box for its disc and its label, bands wrap into rows sized to fill the screen, and edges
// are routed through the gaps between boxes so they never run under a label.
//
// Contents
//   1. Boxes (from the label metrics of layout/labels.h)
//   2. Wrap width: the one that lets the drawing fill the target screen at the largest zoom
//   3. Rows: assignment (up-linked actors on top), ordering, placement, compaction
//   4. Routes: vertical stubs, bends in the channels between rows, gaps through rows
//
// Geometry (layout units = CSS pixels at zoom 1): a box spans [x - r, x + r + gap + label]
// horizontally and its row's height vertically; rows of a band are separated by `channel`,
// bands by a caption strip. A route leaves its disc vertically inside its own box, bends
// only in the free channels between rows, and crosses intermediate rows through the gaps
// between boxes (Sugiyama-style dummy points), so by construction it meets no other box.
#include <algorithm>
#include <cmath>

#include "layout/internal.h"
#include "layout/labels.h"

namespace qfq::layout::detail {

namespace {

// ---------------------------------------------------------------------------
// 1. Boxes
// ---------------------------------------------------------------------------

struct Boxes {
    std::vector<float> left, right, height;  // extents around the node's centre
};

Boxes boxes(const Graph& g, const Options& o) {
    Boxes b;
    b.left.resize(g.n), b.right.resize(g.n), b.height.resize(g.n);
    const float size = o.fontSize;
    for (uint32_t v = 0; v < g.n; ++v) {
        float r = g.radius[v];
        r = std::isfinite(r) ? std::clamp(r, 2.0f, 40.0f) : 8.0f;
        float em = g.labelEm[v];
        em = std::isfinite(em) ? std::clamp(em, 0.0f, 40.0f) : 4.0f;
        const int lines = std::clamp(int(g.labelLines[v]), 1, 2);
        const Box lb = labelBox(0, 0, r, em, lines, size, Side::Right);
        b.left[v] = r;
        b.right[v] = em > 0 ? lb.x1 : r;
        b.height[v] = std::max(2 * r, lb.y1 - lb.y0);
    }
    return b;
}

// ---------------------------------------------------------------------------
// 2. Wrap width
// ---------------------------------------------------------------------------

// Rows of `ord` filled greedily up to `wrap`: the start index of every row.
std::vector<size_t> fillRows(const std::vector<uint32_t>& ord, const Boxes& b, float gap, float wrap) {
    std::vector<size_t> start{0};
    double acc = 0;
    for (size_t i = 0; i < ord.size(); ++i) {
        const double w = b.left[ord[i]] + b.right[ord[i]];
        if (acc > 0 && acc + gap + w > wrap) {
            start.push_back(i);
            acc = 0;
        }
        acc += (acc > 0 ? gap : 0) + w;
    }
    start.push_back(ord.size());
    return start;
}

struct Extent {
    double width = 0, height = 0;
};

Extent simulate(const LayeredState& s, const Boxes& b, const Options& o, float wrap) {
    Extent e;
    for (const auto& ord : s.order) {
        if (ord.empty()) continue;
        const std::vector<size_t> st = fillRows(ord, b, o.boxGap, wrap);
        e.height += o.captionHeight;
        for (size_t r = 0; r + 1 < st.size(); ++r) {
            double w = 0, h = 0;
            for (size_t i = st[r]; i < st[r + 1]; ++i) {
                w += b.left[ord[i]] + b.right[ord[i]] + (i > st[r] ? o.boxGap : 0);
                h = std::max<double>(h, b.height[ord[i]]);
            }
            e.width = std::max(e.width, w);
            e.height += h + (r + 2 < st.size() ? o.channel : o.channel * 0.5);
        }
    }
    return e;
}

float chooseWrap(const LayeredState& s, const Boxes& b, const Options& o) {
    double widest = 1, longest = 1;
    for (const auto& ord : s.order) {
        double total = 0;
        for (uint32_t v : ord) {
            widest = std::max<double>(widest, b.left[v] + b.right[v]);
            total += b.left[v] + b.right[v] + o.boxGap;
        }
        longest = std::max(longest, total);
    }
    if (o.wrapWidth > 0) return std::max(float(widest), o.wrapWidth);
    const double vw = std::max(100.0f, o.viewWidth), vh = std::max(100.0f, o.viewHeight);
    float best = float(longest);
    double bestZoom = -1;
    const int steps = 48;
    for (int i = 0; i <= steps; ++i) {
        const double w = widest * std::pow(longest / widest, double(i) / steps);
        const Extent e = simulate(s, b, o, float(w));
        const double zoom = std::min(vw / std::max(1.0, e.width), vh / std::max(1.0, e.height));
        if (zoom > bestZoom * 1.005) bestZoom = zoom, best = float(w);
    }
    return best;
}

// ---------------------------------------------------------------------------
// 3. Rows
// ---------------------------------------------------------------------------

struct Row {
    int band = 0;
    float top = 0, bottom = 0;
    std::vector<uint32_t> nodes;  // left to right
};

// Pool-adjacent-violators with every value kept inside [lo, hi].
void isotonicClamped(std::vector<float>& a, const std::vector<float>& w, float lo, float hi) {
    struct Block {
        double sum, weight;
        size_t count;
    };
    std::vector<Block> blocks;
    for (size_t i = 0; i < a.size(); ++i) {
        const float v = std::clamp(a[i], lo, hi);
        blocks.push_back({double(v) * w[i], double(w[i]), 1});
        while (blocks.size() > 1) {
            Block& top = blocks.back();
            Block& below = blocks[blocks.size() - 2];
            if (below.sum / below.weight <= top.sum / top.weight) break;
            below.sum += top.sum, below.weight += top.weight, below.count += top.count;
            blocks.pop_back();
        }
    }
    size_t i = 0;
    for (const Block& bl : blocks)
        for (size_t k = 0; k < bl.count; ++k) a[i++] = std::clamp(float(bl.sum / bl.weight), lo, hi);
}

// Mean x of v's neighbours in other rows (1 / row distance weights); false if none.
bool neighbourX(const LayeredState& s, const std::vector<int>& rowOf, const Positions& pos, uint32_t v,
                float& out) {
    float sum = 0, ws = 0;
    for (uint32_t k = s.adj.offset[v]; k < s.adj.offset[v + 1]; ++k) {
        const uint32_t u = s.adj.target[k];
        const int d = std::abs(rowOf[u] - rowOf[v]);
        if (d == 0) continue;
        const float w = 1.0f / float(d);
        sum += w * pos.x[u];
        ws += w;
    }
    if (ws <= 0) return false;
    out = sum / ws;
    return true;
}

// Places a row's nodes side by side, centred on 0.
void packRow(const Row& row, const Boxes& b, const Options& o, Positions& pos) {
    double w = 0;
    for (size_t i = 0; i < row.nodes.size(); ++i)
        w += b.left[row.nodes[i]] + b.right[row.nodes[i]] + (i ? o.boxGap : 0);
    double x = -w * 0.5;
    const float cy = (row.top + row.bottom) * 0.5f;
    for (uint32_t v : row.nodes) {
        pos.x[v] = float(x + b.left[v]);
        pos.y[v] = cy;
        x += b.left[v] + b.right[v] + o.boxGap;
    }
}

// Slides a row's nodes toward their neighbours, keeping order, gaps, and the wrap width.
void compactRow(const LayeredState& s, const std::vector<int>& rowOf, const Row& row, const Boxes& b,
                const Options& o, float wrap, Positions& pos) {
    const size_t k = row.nodes.size();
    if (k == 0) return;
    std::vector<float> a(k), w(k), shift(k);
    for (size_t j = 0; j < k; ++j) {
        const uint32_t v = row.nodes[j];
        shift[j] = j == 0 ? 0.0f : shift[j - 1] + b.right[row.nodes[j - 1]] + o.boxGap + b.left[v];
        float target;
        const bool linked = neighbourX(s, rowOf, pos, v, target);
        a[j] = (linked ? target : pos.x[v]) - shift[j];
        w[j] = linked ? 1.0f : 0.05f;
    }
    const float half = std::max(wrap, shift[k - 1] + b.left[row.nodes[0]] + b.right[row.nodes[k - 1]]) * 0.5f;
    const float lo = -half + b.left[row.nodes[0]];
    const float hi = std::max(lo, half - shift[k - 1] - b.right[row.nodes[k - 1]]);
    isotonicClamped(a, w, lo, hi);
    for (size_t j = 0; j < k; ++j) pos.x[row.nodes[j]] = a[j] + shift[j];
}

// ---------------------------------------------------------------------------
// 4. Routes
// ---------------------------------------------------------------------------

struct Gaps {
    std::vector<float> centre, half;
    std::vector<int> uses;
};

Gaps rowGaps(const Row& row, const Boxes& b, const Positions& pos, const Options& o) {
    Gaps g;
    if (row.nodes.empty()) return g;
    const uint32_t first = row.nodes.front(), last = row.nodes.back();
    g.centre.push_back(pos.x[first] - b.left[first] - o.boxGap * 0.5f);
    g.half.push_back(o.boxGap * 0.5f);
    for (size_t i = 1; i < row.nodes.size(); ++i) {
        const float x0 = pos.x[row.nodes[i - 1]] + b.right[row.nodes[i - 1]];
        const float x1 = pos.x[row.nodes[i]] - b.left[row.nodes[i]];
        g.centre.push_back((x0 + x1) * 0.5f);
        g.half.push_back(std::max(0.0f, (x1 - x0) * 0.5f));
    }
    g.centre.push_back(pos.x[last] + b.right[last] + o.boxGap * 0.5f);
    g.half.push_back(o.boxGap * 0.5f);
    g.uses.assign(g.centre.size(), 0);
    return g;
}

// The gap of `gaps` to pass through near x: close, and not already crowded. Returns the x
// to use (spread inside the gap when several routes share it).
float passThrough(Gaps& gaps, float x) {
    const auto& c = gaps.centre;
    size_t i = size_t(std::lower_bound(c.begin(), c.end(), x) - c.begin());
    size_t best = i < c.size() ? i : c.size() - 1;
    float bestCost = 1e30f;
    for (size_t j = i >= 2 ? i - 2 : 0; j < std::min(c.size(), i + 2); ++j) {
        if (gaps.half[j] < 2.0f) continue;
        const float cost = std::fabs(c[j] - x) + 8.0f * float(gaps.uses[j]);
        if (cost < bestCost) bestCost = cost, best = j;
    }
    const int u = gaps.uses[best]++;
    const float step = std::min(3.0f, gaps.half[best] * 0.3f);
    const int order[5] = {0, -1, 1, -2, 2};  // around the centre
    return c[best] + float(order[u % 5]) * step;
}

}  // namespace

void cartoPlace(LayeredState& s, const Graph& g, const Options& o, Positions& pos, std::vector<Band>& bands) {
    const Boxes b = boxes(g, o);
    const float wrap = chooseWrap(s, b, o);

    // Rows per band. In a band that wraps, actors linked mostly upward go to the top rows
    // and those linked downward to the bottom rows, so few edges cross the band.
    std::vector<Row> rows;
    std::vector<int> bandOfRowStart;
    for (int bi = 0; bi < s.bandCount; ++bi) {
        const auto& ord = s.order[size_t(bi)];
        if (ord.empty()) continue;
        std::vector<size_t> st = fillRows(ord, b, o.boxGap, wrap);
        const size_t count = st.size() - 1;
        std::vector<uint32_t> seq = ord;
        if (count > 1) {
            std::vector<float> affinity(g.n, 0.0f);
            for (uint32_t v : ord) {
                int up = 0, down = 0;
                for (uint32_t k = s.adj.offset[v]; k < s.adj.offset[v + 1]; ++k) {
                    const int d = s.band[s.adj.target[k]] - bi;
                    up += d<0, down += d> 0;
                }
                affinity[v] = up + down ? float(down - up) / float(up + down) : 0.0f;
            }
            std::stable_sort(seq.begin(), seq.end(),
                             [&](uint32_t p, uint32_t q) { return affinity[p] < affinity[q]; });
            st = fillRows(seq, b, o.boxGap, wrap);
        }
        for (size_t r = 0; r + 1 < st.size(); ++r) {
            Row row;
            row.band = bi;
            row.nodes.assign(seq.begin() + long(st[r]), seq.begin() + long(st[r + 1]));
            std::stable_sort(row.nodes.begin(), row.nodes.end(),
                             [&](uint32_t p, uint32_t q) { return s.rank[p] < s.rank[q]; });
            rows.push_back(std::move(row));
        }
    }

    // Vertical geometry: caption strip, rows, channels.
    bands.clear();
    float y = 0;
    for (size_t r = 0; r < rows.size(); ++r) {
        const bool firstOfBand = r == 0 || rows[r - 1].band != rows[r].band;
        const bool lastOfBand = r + 1 == rows.size() || rows[r + 1].band != rows[r].band;
        if (firstOfBand) {
            Band band;
            band.level = rows[r].band < g.levelCount ? rows[r].band : -1;
            band.y0 = y;
            bands.push_back(band);
            y += o.captionHeight;
        }
        float h = 0;
        for (uint32_t v : rows[r].nodes) h = std::max(h, b.height[v]);
        rows[r].top = y;
        rows[r].bottom = y + h;
        y += h;
        Band& band = bands.back();
        band.rows++;
        band.nodes += uint32_t(rows[r].nodes.size());
        if (lastOfBand) {
            band.y1 = y + o.channel * 0.5f;
            y = band.y1;
        } else {
            y += o.channel;
        }
    }
    std::vector<int> rowOf(g.n, 0);
    for (size_t r = 0; r < rows.size(); ++r)
        for (uint32_t v : rows[r].nodes) rowOf[v] = int(r);

    // Horizontal order: barycentre sweeps over the rows (down: neighbours above count;
    // up: below), each followed by transpositions, keeping the order with the fewest
    // crossings (Sugiyama's ordering phase, rows as layers).
    for (const Row& row : rows) packRow(row, b, o, pos);
    auto sortRow = [&](Row& row, int dir) {
        std::vector<float> key(row.nodes.size());
        for (size_t j = 0; j < row.nodes.size(); ++j) {
            const uint32_t v = row.nodes[j];
            float sum = 0, ws = 0;
            for (uint32_t k = s.adj.offset[v]; k < s.adj.offset[v + 1]; ++k) {
                const uint32_t u = s.adj.target[k];
                const int d = rowOf[u] - rowOf[v];
                if (d == 0 || (dir < 0 && d > 0) || (dir > 0 && d < 0)) continue;
                const float w = 1.0f / float(std::abs(d));
                sum += w * pos.x[u], ws += w;
            }
            key[j] = ws > 0 ? sum / ws : pos.x[v];
        }
        std::vector<size_t> idx(row.nodes.size());
        for (size_t j = 0; j < idx.size(); ++j) idx[j] = j;
        std::stable_sort(idx.begin(), idx.end(), [&](size_t p, size_t q) { return key[p] < key[q]; });
        std::vector<uint32_t> sorted;
        for (size_t j : idx) sorted.push_back(row.nodes[j]);
        row.nodes = std::move(sorted);
        packRow(row, b, o, pos);
    };
    // Swaps neighbours in a row when that removes crossings with the edges of other rows
    // (Sugiyama's "transpose" step).
    auto crossingsIf = [&](uint32_t left, uint32_t right) {
        int c = 0;
        const int rl = rowOf[left];
        for (uint32_t k = s.adj.offset[left]; k < s.adj.offset[left + 1]; ++k) {
            const uint32_t a = s.adj.target[k];
            const int da = rowOf[a] - rl;
            if (da == 0) continue;
            for (uint32_t q = s.adj.offset[right]; q < s.adj.offset[right + 1]; ++q) {
                const uint32_t bb = s.adj.target[q];
                const int db = rowOf[bb] - rl;
                if (db == 0 || (da < 0) != (db < 0)) continue;
                c += pos.x[a] > pos.x[bb];
            }
        }
        return c;
    };
    auto transpose = [&](Row& row) {
        if (row.nodes.size() > 400) return;
        for (int pass = 0; pass < 3; ++pass) {
            bool changed = false;
            for (size_t j = 0; j + 1 < row.nodes.size(); ++j) {
                const uint32_t u = row.nodes[j], w = row.nodes[j + 1];
                if (crossingsIf(w, u) < crossingsIf(u, w)) {
                    std::swap(row.nodes[j], row.nodes[j + 1]);
                    std::swap(pos.x[u], pos.x[w]);  // close enough until the row is packed again
                    changed = true;
                }
            }
            packRow(row, b, o, pos);
            if (!changed) break;
        }
    };
    // Straight-line crossings of the current order (small maps only: it is quadratic).
    const uint32_t m0 = g.edgeCount();
    auto countCrossings = [&]() -> long {
        long c = 0;
        for (uint32_t e = 0; e < m0; ++e) {
            const uint32_t a = g.edges[2 * e], a2 = g.edges[2 * e + 1];
            for (uint32_t f = e + 1; f < m0; ++f) {
                const uint32_t c1 = g.edges[2 * f], c2 = g.edges[2 * f + 1];
                if (a == c1 || a == c2 || a2 == c1 || a2 == c2) continue;
                auto side = [&](uint32_t p, uint32_t q, uint32_t r) {
                    const float v = (pos.x[q] - pos.x[p]) * (pos.y[r] - pos.y[p]) -
                                    (pos.y[q] - pos.y[p]) * (pos.x[r] - pos.x[p]);
                    return (v > 0) - (v < 0);
                };
                c += side(a, a2, c1) * side(a, a2, c2) < 0 && side(c1, c2, a) * side(c1, c2, a2) < 0;
            }
        }
        return c;
    };
    const bool measure = m0 <= 2500;
    std::vector<std::vector<uint32_t>> best;
    long bestCrossings = measure ? countCrossings() : 0;
    for (const Row& row : rows) best.push_back(row.nodes);
    const int sweeps = measure ? 8 : 2;
    for (int it = 0; it < sweeps; ++it) {
        const bool down = it % 2 == 0;
        for (size_t i = 0; i < rows.size(); ++i) {
            Row& row = rows[down ? i : rows.size() - 1 - i];
            sortRow(row, it < 2 ? 0 : down ? -1 : 1);
            transpose(row);
        }
        if (!measure) continue;
        const long c = countCrossings();
        if (c < bestCrossings) {
            bestCrossings = c;
            for (size_t r = 0; r < rows.size(); ++r) best[r] = rows[r].nodes;
        }
    }
    if (measure)
        for (size_t r = 0; r < rows.size(); ++r) {
            rows[r].nodes = best[r];
            packRow(rows[r], b, o, pos);
        }
    for (int pass = 0; pass < 4; ++pass)
        for (size_t i = 0; i < rows.size(); ++i) {
            const size_t r = pass % 2 == 0 ? i : rows.size() - 1 - i;
            compactRow(s, rowOf, rows[r], b, o, wrap, pos);
        }
    for (Band& band : bands) band.x0 = 1e30f, band.x1 = -1e30f;
    {
        size_t bi = 0;
        for (size_t r = 0; r < rows.size(); ++r) {
            if (r > 0 && rows[r - 1].band != rows[r].band) ++bi;
            for (uint32_t v : rows[r].nodes) {
                bands[bi].x0 = std::min(bands[bi].x0, pos.x[v] - b.left[v]);
                bands[bi].x1 = std::max(bands[bi].x1, pos.x[v] + b.right[v]);
            }
        }
    }

    // Routes.
    std::vector<Gaps> gaps;
    gaps.reserve(rows.size());
    for (const Row& row : rows) gaps.push_back(rowGaps(row, b, pos, o));
    std::vector<int> indexInRow(g.n, 0);
    for (const Row& row : rows)
        for (size_t j = 0; j < row.nodes.size(); ++j) indexInRow[row.nodes[j]] = int(j);
    const uint32_t m = g.edgeCount();
    s.routes.assign(m, {});
    for (uint32_t e = 0; e < m; ++e) {
        uint32_t a = g.edges[2 * e], c = g.edges[2 * e + 1];
        if (a >= g.n || c >= g.n || a == c || g.pinned[a] || g.pinned[c]) continue;
        Route& route = s.routes[e];
        const int ra = rowOf[a], rc = rowOf[c];
        if (ra == rc) {
            if (std::abs(indexInRow[a] - indexInRow[c]) == 1) continue;  // side by side: straight
            const float yb = rows[size_t(ra)].bottom + o.channel * 0.5f;
            route = {{pos.x[a], yb}, {pos.x[c], yb}};
            continue;
        }
        const bool down = ra < rc;
        const uint32_t top = down ? a : c, bottom = down ? c : a;
        const int rt = std::min(ra, rc), rb = std::max(ra, rc);
        route.push_back({pos.x[top], rows[size_t(rt)].bottom});
        for (int k = rt + 1; k < rb; ++k) {
            const float t = float(k - rt) / float(rb - rt);
            const float ideal = pos.x[top] + (pos.x[bottom] - pos.x[top]) * t;
            const float gx = passThrough(gaps[size_t(k)], ideal);
            route.push_back({gx, rows[size_t(k)].top});
            route.push_back({gx, rows[size_t(k)].bottom});
        }
        route.push_back({pos.x[bottom], rows[size_t(rb)].top});
        if (!down) std::reverse(route.begin(), route.end());
    }

    for (uint32_t v = 0; v < g.n; ++v)
        if (g.pinned[v]) {
            pos.x[v] = g.pinX[v];
            pos.y[v] = g.pinY[v];
        }
}

}  // namespace qfq::layout::detail
