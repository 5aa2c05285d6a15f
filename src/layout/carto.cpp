// layout/carto.cpp — cartographic placement for the layered layout: every actor reserves a
// box for its disc and its label, bands wrap into rows sized to fill the screen, and edges
// are routed through the gaps between boxes so they never run under a label.
//
// Contents
//   1. Boxes (from the label metrics of layout/labels.h)
//   2. Wrap width: the one that lets the drawing fill the target screen at the largest zoom
//   3. Pairs (parallel relations share one route) and rows (which actor in which row)
//   4. Placement: rows packed and slid toward their neighbours (isotonic regression)
//   5. cartoPlace: rows, the proper layered graph and its order (carto_order.cpp), routes
//
// Geometry (layout units = CSS pixels at zoom 1): a box spans [x - r, x + r + gap + label]
// horizontally and its row's height vertically; rows of a band are separated by `channel`,
// bands by a caption strip. A route leaves its disc vertically inside its own box, bends
// only in the free channels between rows, and crosses intermediate rows at a dummy item of
// its own, placed between boxes like one (Sugiyama's long-edge dummies), so by
// construction it meets no other box, and routes cross only where their order says so.
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
// 3. Pairs and rows
// ---------------------------------------------------------------------------

// Relations between the same two actors are drawn as one edge: they get one route.
struct Pairs {
    std::vector<uint32_t> end;          // 2 per pair: its first edge's from, to
    std::vector<uint32_t> ofEdge;       // per edge: its pair, UINT32_MAX = no route
    std::vector<uint32_t> adjOff, adj;  // CSR: per node, the other end of each of its pairs
};

Pairs pairsOf(const Graph& g) {
    Pairs p;
    const uint32_t m = g.edgeCount();
    p.ofEdge.assign(m, UINT32_MAX);
    std::vector<std::pair<uint64_t, uint32_t>> keys;
    for (uint32_t e = 0; e < m; ++e) {
        const uint32_t a = g.edges[2 * e], c = g.edges[2 * e + 1];
        if (a >= g.n || c >= g.n || a == c || g.pinned[a] || g.pinned[c]) continue;
        keys.push_back({(uint64_t(std::min(a, c)) << 32) | std::max(a, c), e});
    }
    std::sort(keys.begin(), keys.end());
    for (size_t i = 0; i < keys.size(); ++i) {
        if (i == 0 || keys[i].first != keys[i - 1].first) {
            const uint32_t e = keys[i].second;
            p.end.push_back(g.edges[2 * e]);
            p.end.push_back(g.edges[2 * e + 1]);
        }
        p.ofEdge[keys[i].second] = uint32_t(p.end.size() / 2 - 1);
    }
    p.adjOff.assign(g.n + 1, 0);
    for (uint32_t v : p.end) ++p.adjOff[v + 1];
    for (uint32_t v = 0; v < g.n; ++v) p.adjOff[v + 1] += p.adjOff[v];
    p.adj.resize(p.end.size());
    std::vector<uint32_t> fill(p.adjOff.begin(), p.adjOff.end() - 1);
    for (size_t k = 0; k + 1 < p.end.size(); k += 2) {
        p.adj[fill[p.end[k]]++] = p.end[k + 1];
        p.adj[fill[p.end[k + 1]]++] = p.end[k];
    }
    return p;
}

struct Row {
    int band = 0;
    float top = 0, bottom = 0, width = 0;  // width: boxes and gaps of its actors
};

// Rows of every band: as many as the band's order needs at the wrap width; then actors
// move (or trade places) between the rows of their band while that shortens their
// relations, the rows staying within the wrap width: relations to the band above pull
// an actor to the top rows, to the band below to the bottom rows, and actors linked
// inside their band end up in neighbouring rows rather than side by side. The cost of a
// pair whose ends are d rows apart is one per dummy (d - 1), `same` when they share a row.
// extra[band] more rows than its width needs give room to split a band's own relations
// over rows (as ELK layers a partition); rows left empty are dropped.
void assignRows(const LayeredState& s, const Graph& g, const Boxes& b, const Options& o, float wrap,
                const Pairs& p, int same, const std::vector<int>& extra, std::vector<Row>& rows,
                std::vector<int>& rowOf) {
    auto spanCost = [same](int d) { return d == 0 ? same : d - 1; };
    rows.clear();
    rowOf.assign(g.n, 0);
    std::vector<int> firstRow(size_t(s.bandCount) + 1, 0);
    for (int bi = 0; bi < s.bandCount; ++bi) {
        firstRow[size_t(bi)] = int(rows.size());
        const auto& ord = s.order[size_t(bi)];
        if (ord.empty()) continue;
        std::vector<size_t> st = fillRows(ord, b, o.boxGap, wrap);
        std::vector<uint32_t> seq = ord;
        if (st.size() > 2) {
            std::vector<float> affinity(g.n, 0.0f);
            for (uint32_t v : ord) {
                int upward = 0, downward = 0;
                for (uint32_t k = s.adj.offset[v]; k < s.adj.offset[v + 1]; ++k) {
                    const int d = s.band[s.adj.target[k]] - bi;
                    upward += d<0, downward += d> 0;
                }
                affinity[v] = upward + downward ? float(downward - upward) / float(upward + downward) : 0.0f;
            }
            std::stable_sort(seq.begin(), seq.end(),
                             [&](uint32_t q, uint32_t r) { return affinity[q] < affinity[r]; });
            st = fillRows(seq, b, o.boxGap, wrap);
        }
        for (size_t r = 0; r + 1 < st.size(); ++r) {
            Row row;
            row.band = bi;
            for (size_t i = st[r]; i < st[r + 1]; ++i) {
                const uint32_t v = seq[i];
                rowOf[v] = int(rows.size());
                row.width += b.left[v] + b.right[v] + (i > st[r] ? o.boxGap : 0);
            }
            rows.push_back(row);
        }
        for (int k = 0; k < extra[size_t(bi)]; ++k) rows.push_back(Row{bi, 0, 0, 0});
    }
    firstRow[size_t(s.bandCount)] = int(rows.size());
    std::vector<int> count(rows.size(), 0);
    for (uint32_t v = 0; v < g.n; ++v) ++count[size_t(rowOf[v])];

    auto moveDelta = [&](uint32_t v, int to) {
        int d = 0;
        for (uint32_t k = p.adjOff[v]; k < p.adjOff[v + 1]; ++k) {
            const int x = rowOf[p.adj[k]];
            d += spanCost(std::abs(to - x)) - spanCost(std::abs(rowOf[v] - x));
        }
        return d;
    };
    auto linked = [&](uint32_t u, uint32_t v) {
        for (uint32_t k = p.adjOff[u]; k < p.adjOff[u + 1]; ++k)
            if (p.adj[k] == v) return true;
        return false;
    };
    auto widthOf = [&](uint32_t v) { return b.left[v] + b.right[v]; };
    for (int pass = 0; pass < 30; ++pass) {
        bool improved = false;
        for (int bi = 0; bi < s.bandCount; ++bi) {
            const int r0 = firstRow[size_t(bi)], r1 = firstRow[size_t(bi) + 1];
            if (r1 - r0 < 2) continue;
            const auto& ord = s.order[size_t(bi)];
            for (uint32_t v : ord) {
                if (g.pinned[v]) continue;
                const int from = rowOf[v];
                int bestDelta = 0, bestRow = -1;
                uint32_t bestSwap = UINT32_MAX;
                for (int to = r0; to < r1; ++to) {
                    if (to == from) continue;
                    const int d = moveDelta(v, to);
                    if (d < bestDelta && count[size_t(from)] > 1 &&
                        rows[size_t(to)].width + o.boxGap + widthOf(v) <= wrap)
                        bestDelta = d, bestRow = to, bestSwap = UINT32_MAX;
                }
                for (size_t j = 0; j < ord.size() && ord.size() <= 400; ++j) {  // trades: small bands
                    const uint32_t u = ord[j];
                    const int to = rowOf[u];
                    if (to == from || g.pinned[u]) continue;
                    const float dw = widthOf(u) - widthOf(v);
                    if (rows[size_t(from)].width + dw > wrap || rows[size_t(to)].width - dw > wrap) continue;
                    int d = moveDelta(v, to) + moveDelta(u, from);
                    if (linked(u, v)) d -= 2 * (spanCost(0) - spanCost(std::abs(to - from)));
                    if (d < bestDelta) bestDelta = d, bestRow = to, bestSwap = u;
                }
                if (bestRow < 0) continue;
                improved = true;
                if (bestSwap == UINT32_MAX) {
                    rows[size_t(from)].width -= widthOf(v) + o.boxGap;
                    rows[size_t(bestRow)].width += widthOf(v) + o.boxGap;
                    --count[size_t(from)], ++count[size_t(bestRow)];
                } else {
                    const float dw = widthOf(bestSwap) - widthOf(v);
                    rows[size_t(from)].width += dw, rows[size_t(bestRow)].width -= dw;
                    rowOf[bestSwap] = from;
                }
                rowOf[v] = bestRow;
            }
        }
        if (!improved) break;
    }
    std::vector<int> renumber(rows.size(), -1);
    std::vector<Row> kept;
    for (size_t r = 0; r < rows.size(); ++r)
        if (count[r] > 0) renumber[r] = int(kept.size()), kept.push_back(rows[r]);
    for (int& r : rowOf) r = renumber[size_t(r)];
    rows = std::move(kept);
}

// ---------------------------------------------------------------------------
// 4. Placement
// ---------------------------------------------------------------------------

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

// Horizontal extents of the items of the row graph: a node's box, a dummy's line.
struct Items {
    std::vector<float> x, left, right;
    uint32_t real = 0;
    float dummyGap = 5, boxToLine = 9, boxGap = 18;
    float gap(uint32_t a, uint32_t c) const {
        const bool ra = a < real, rc = c < real;
        return ra && rc ? boxGap : ra || rc ? boxToLine : dummyGap;
    }
};

// Minimum distance from the first item's centre to each item's centre, and the row width.
float offsets(const std::vector<uint32_t>& ord, const Items& it, std::vector<float>& shift) {
    shift.resize(ord.size());
    for (size_t j = 0; j < ord.size(); ++j)
        shift[j] = j == 0
                       ? 0.0f
                       : shift[j - 1] + it.right[ord[j - 1]] + it.gap(ord[j - 1], ord[j]) + it.left[ord[j]];
    return ord.empty() ? 0.0f : shift.back() + it.left[ord.front()] + it.right[ord.back()];
}

// Slides a row's items toward their neighbours in the rows above and below, keeping
// order and spacing, inside max(wrap, the row's own width). Dummies weigh more, so long
// routes run straight (Brandes–Köpf's priority to inner segments, in spirit).
void compactRow(const RowGraph& rg, const std::vector<uint32_t>& ord, float wrap, Items& it) {
    const size_t k = ord.size();
    if (k == 0) return;
    std::vector<float> a(k), w(k), shift;
    const float width = offsets(ord, it, shift);
    for (size_t j = 0; j < k; ++j) {
        const uint32_t v = ord[j];
        float sum = 0, ws = 0;
        for (uint32_t q = rg.upOff[v]; q < rg.upOff[v + 1]; ++q) sum += it.x[rg.up[q]], ws += 1;
        for (uint32_t q = rg.downOff[v]; q < rg.downOff[v + 1]; ++q) sum += it.x[rg.down[q]], ws += 1;
        const bool linked = ws > 0;
        a[j] = (linked ? sum / ws : it.x[v]) - shift[j];
        w[j] = !linked ? 0.05f : v < it.real ? 1.0f : 4.0f;
    }
    const float half = std::max(wrap, width) * 0.5f;
    const float lo = -half + it.left[ord.front()];
    const float hi = std::max(lo, half - shift[k - 1] - it.right[ord.back()]);
    isotonicClamped(a, w, lo, hi);
    for (size_t j = 0; j < k; ++j) it.x[ord[j]] = a[j] + shift[j];
}

void packRow(const std::vector<uint32_t>& ord, Items& it) {
    std::vector<float> shift;
    const float width = offsets(ord, it, shift);
    for (size_t j = 0; j < ord.size(); ++j) it.x[ord[j]] = -width * 0.5f + it.left[ord.front()] + shift[j];
}

// One way to lay the rows: which actor in which row, and the ordered proper layered graph
// (rows as layers, a dummy per row a route passes through).
struct Layering {
    std::vector<Row> rows;
    std::vector<int> rowOf;
    std::vector<std::vector<uint32_t>> members;  // per row: its actors
    RowGraph rg;
    Items it;
    std::vector<uint32_t> chainFirst;  // per pair: its first dummy (consecutive, top row first)
    std::vector<int32_t> inRowOf;      // per pair: its index in rg.inRow, -1 if its ends' rows differ
    long cost = 0;                     // crossings (RowGraph::crossings) after ordering
    float zoom = 0;                    // the zoom at which it fits the target screen
};

// Rows (assignRows), the first order (the band order of the barycentre sweeps, dummies
// where the straight line between their ends crosses their row), then orderRows.
void buildLayering(const LayeredState& s, const Graph& g, const Boxes& b, const Options& o, float wrap,
                   const Pairs& pairs, int same, const std::vector<int>& extra, Layering& l, int effort) {
    l = Layering{};
    assignRows(s, g, b, o, wrap, pairs, same, extra, l.rows, l.rowOf);
    const std::vector<Row>& rows = l.rows;
    const std::vector<int>& rowOf = l.rowOf;
    l.members.assign(rows.size(), {});
    for (uint32_t v = 0; v < g.n; ++v) l.members[size_t(rowOf[v])].push_back(v);
    Items& it = l.it;
    it.real = g.n;
    it.boxGap = o.boxGap;
    it.boxToLine = std::max(4.0f, o.boxGap * 0.5f);
    it.dummyGap = o.routeGap;
    it.x.assign(g.n, 0), it.left = b.left, it.right = b.right;
    RowGraph& rg = l.rg;
    rg.real = g.n;
    rg.row.assign(rowOf.begin(), rowOf.end());
    for (uint32_t v = 0; v < g.n; ++v)
        if (g.pinned[v]) rg.row[v] = -1;
    rg.order.assign(rows.size(), {});
    // A same-row edge may detour over its row unless the band's caption strip is there.
    rg.detourAbove.assign(rows.size(), 0);
    for (size_t r = 1; r < rows.size(); ++r) rg.detourAbove[r] = rows[r - 1].band == rows[r].band;
    for (size_t r = 0; r < rows.size(); ++r) {
        auto& ord = rg.order[r];
        for (uint32_t v : l.members[r])
            if (!g.pinned[v]) ord.push_back(v);
        std::stable_sort(ord.begin(), ord.end(),
                         [&](uint32_t p, uint32_t q) { return s.rank[p] < s.rank[q]; });
        packRow(ord, it);
    }
    const uint32_t np = uint32_t(pairs.end.size() / 2);
    l.chainFirst.assign(np, 0);
    l.inRowOf.assign(np, -1);
    for (uint32_t q = 0; q < np; ++q) {
        uint32_t top = pairs.end[2 * q], bottom = pairs.end[2 * q + 1];
        if (rowOf[top] > rowOf[bottom]) std::swap(top, bottom);
        const int rt = rowOf[top], rb = rowOf[bottom];
        l.chainFirst[q] = uint32_t(rg.row.size());
        if (rt == rb) {
            l.inRowOf[q] = int32_t(rg.inRow.size());
            rg.inRow.push_back({top, bottom});
            continue;
        }
        uint32_t prev = top;
        for (int k = rt + 1; k < rb; ++k) {
            const uint32_t d = rg.addDummy(k);
            const float t = float(k - rt) / float(rb - rt);
            it.x.push_back(it.x[top] + (it.x[bottom] - it.x[top]) * t);
            it.left.push_back(0), it.right.push_back(0);
            rg.order[size_t(k)].push_back(d);
            rg.link(prev, d);
            prev = d;
        }
        rg.link(prev, bottom);
    }
    for (auto& ord : rg.order)
        std::stable_sort(ord.begin(), ord.end(), [&](uint32_t p, uint32_t q) { return it.x[p] < it.x[q]; });
    rg.finish();
    l.cost = orderRows(rg, o.seed, effort);

    // The fit: rows as wide as their items need (at least the wrap), heights as drawn.
    double height = 0, width = wrap;
    std::vector<float> shift;
    for (size_t r = 0; r < rows.size(); ++r) {
        if (r == 0 || rows[r - 1].band != rows[r].band) height += o.captionHeight;
        float h = 0;
        for (uint32_t v : l.members[r]) h = std::max(h, b.height[v]);
        const bool last = r + 1 == rows.size() || rows[r + 1].band != rows[r].band;
        height += h + (last ? o.channel * 0.5f : o.channel);
        width = std::max<double>(width, offsets(rg.order[r], it, shift));
    }
    const double vw = std::max(100.0f, o.viewWidth), vh = std::max(100.0f, o.viewHeight);
    l.zoom = float(std::min({2.0, vw / std::max(1.0, width), vh / std::max(1.0, height)}));
}

// A dense map would open with small text: it trades free space for text size, its gaps
// and channels (where routes pass and bend) narrowed as long as the fit's zoom gains. A
// roomy map keeps them whole. The zoom of each is that of a quick layering (one start).
Options compacted(const LayeredState& s, const Graph& g, const Boxes& b, const Options& given,
                  const Pairs& pairs) {
    constexpr float kRoomyTextPx = 11.0f;  // text at the fit from which the free space stays
    const std::vector<int> extra(size_t(s.bandCount), 0);
    auto zoomOf = [&](const Options& o) {
        Layering l;
        buildLayering(s, g, b, o, chooseWrap(s, b, o), pairs, 3, extra, l, 1);
        return l.zoom;
    };
    float bestZoom = zoomOf(given);
    Options best = given;
    if (bestZoom * given.fontSize >= kRoomyTextPx || given.wrapWidth > 0) return best;
    for (float k : {0.7f, 0.5f, 0.35f}) {
        Options o = given;
        o.channel = std::max(10.0f, given.channel * k);
        o.boxGap = std::max(8.0f, given.boxGap * k);
        o.routeGap = std::max(2.5f, given.routeGap * k);
        const float zoom = zoomOf(o);
        if (zoom > bestZoom * 1.03f) bestZoom = zoom, best = o;
    }
    return best;
}

}  // namespace

void cartoPlace(LayeredState& s, const Graph& g, const Options& given, Positions& pos, std::vector<Band>& bands) {
    const Boxes b = boxes(g, given);
    const Pairs pairs = pairsOf(g);
    const Options o = compacted(s, g, b, given, pairs);
    const float wrap = chooseWrap(s, b, o);

    // 5. Candidates: a few costs for a shared row, then one or two extra rows in bands whose
    // own relations still detour, kept when crossings drop and labels stay readable (the
    // fit loses under a tenth of its zoom, or text stays at least 18 px); fewest crossings win.
    // Candidates of a small map are ordered in earnest; those of bigger ones on one start
    // (the winner is then ordered in earnest), so the layout stays within tens of ms.
    std::vector<int> extra(size_t(s.bandCount), 0);
    Layering best;
    buildLayering(s, g, b, o, wrap, pairs, 3, extra, best, 1);
    int bestSame = 3;
    const size_t work = best.rg.row.size() + best.rg.segments.size();
    const int kTry = work < 400 ? 8 : 1;
    if (kTry > 1) buildLayering(s, g, b, o, wrap, pairs, 3, extra, best, kTry);
    if (work < 6000) {
        for (int same : {1, 6}) {
            Layering l;
            buildLayering(s, g, b, o, wrap, pairs, same, extra, l, kTry);
            if (l.cost < best.cost) best = std::move(l), bestSame = same;
        }
        const float baseZoom = best.zoom;
        for (int bi = 0; bi < s.bandCount; ++bi) {
            bool detours = false;
            for (size_t k = 0; k < best.rg.inRow.size(); ++k)
                detours |= best.rows[size_t(best.rowOf[best.rg.inRow[k][0]])].band == bi &&
                           best.rg.detourCost(k).first > 0;
            if (!detours) continue;
            // One more row, or two (a cycle of four needs three rows to be drawn without a
            // crossing: two rows make it a K2,2).
            int keep = 0;
            for (int add = 1; add <= 2; ++add) {
                extra[size_t(bi)] = add;
                Layering l;
                buildLayering(s, g, b, o, wrap, pairs, bestSame, extra, l, kTry);
                if (l.cost < best.cost && (l.zoom >= 0.9f * baseZoom || l.zoom * o.fontSize >= 18.0f))
                    best = std::move(l), keep = add;
            }
            extra[size_t(bi)] = keep;
        }
    }
    if (kTry < 8 && work < 20000) best.cost = orderRows(best.rg, o.seed + 1, 8);
    std::vector<Row>& rows = best.rows;
    const std::vector<int>& rowOf = best.rowOf;
    const std::vector<std::vector<uint32_t>>& members = best.members;
    RowGraph& rg = best.rg;
    Items& it = best.it;
    const std::vector<uint32_t>& chainFirst = best.chainFirst;
    const uint32_t np = uint32_t(pairs.end.size() / 2);

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
        for (uint32_t v : members[r]) h = std::max(h, b.height[v]);
        rows[r].top = y;
        rows[r].bottom = y + h;
        y += h;
        Band& band = bands.back();
        band.rows++;
        band.nodes += uint32_t(members[r].size());
        if (lastOfBand) {
            band.y1 = y + o.channel * 0.5f;
            y = band.y1;
        } else {
            y += o.channel;
        }
    }

    // Horizontal placement: packed rows, then slid toward their neighbours (down and up).
    for (const auto& ord : rg.order) packRow(ord, it);
    for (int pass = 0; pass < 8; ++pass)
        for (size_t i = 0; i < rows.size(); ++i)
            compactRow(rg, rg.order[pass % 2 == 0 ? i : rows.size() - 1 - i], wrap, it);
    for (uint32_t v = 0; v < g.n; ++v)
        pos.x[v] = it.x[v], pos.y[v] = (rows[size_t(rowOf[v])].top + rows[size_t(rowOf[v])].bottom) * 0.5f;
    for (Band& band : bands) band.x0 = 1e30f, band.x1 = -1e30f;
    {
        size_t bi = 0;
        for (size_t r = 0; r < rows.size(); ++r) {
            if (r > 0 && rows[r - 1].band != rows[r].band) ++bi;
            for (uint32_t v : rg.order[r]) {  // boxes, and the routes passing between them
                bands[bi].x0 = std::min(bands[bi].x0, it.x[v] - (v < g.n ? b.left[v] : it.boxToLine));
                bands[bi].x1 = std::max(bands[bi].x1, it.x[v] + (v < g.n ? b.right[v] : it.boxToLine));
            }
        }
    }

    // Routes: down from the upper end's disc, through its dummies' gaps, into the lower end;
    // a same-row pair side by side goes straight, otherwise it detours just under (or over)
    // its row, on the side where it crosses fewer routes.
    std::vector<Route> pairRoute(np);

    for (uint32_t q = 0; q < np; ++q) {
        const uint32_t a = pairs.end[2 * q], c = pairs.end[2 * q + 1];
        Route& route = pairRoute[q];
        const int ra = rowOf[a], rc = rowOf[c];
        if (ra == rc) {
            if (std::abs(int(rg.pos[a]) - int(rg.pos[c])) == 1) continue;
            const bool above = rg.detourCost(size_t(best.inRowOf[q])).second;
            const float dip = std::min(6.0f, o.channel * 0.25f);
            const float yd = above ? rows[size_t(ra)].top - dip : rows[size_t(ra)].bottom + dip;
            route = {{pos.x[a], yd}, {pos.x[c], yd}};
            continue;
        }
        const bool down = ra < rc;
        const uint32_t top = down ? a : c, bottom = down ? c : a;
        const int rt = std::min(ra, rc), rb = std::max(ra, rc);
        route.push_back({pos.x[top], rows[size_t(rt)].bottom});
        for (int k = rt + 1; k < rb; ++k) {
            const float gx = it.x[chainFirst[q] + uint32_t(k - rt - 1)];
            route.push_back({gx, rows[size_t(k)].top});
            route.push_back({gx, rows[size_t(k)].bottom});
        }
        route.push_back({pos.x[bottom], rows[size_t(rb)].top});
        if (!down) std::reverse(route.begin(), route.end());
    }
    const uint32_t m = g.edgeCount();
    s.routes.assign(m, {});
    for (uint32_t e = 0; e < m; ++e) {
        const uint32_t q = pairs.ofEdge[e];
        if (q == UINT32_MAX) continue;
        s.routes[e] = pairRoute[q];
        if (g.edges[2 * e] != pairs.end[2 * q]) std::reverse(s.routes[e].begin(), s.routes[e].end());
    }

    for (uint32_t v = 0; v < g.n; ++v)
        if (g.pinned[v]) {
            pos.x[v] = g.pinX[v];
            pos.y[v] = g.pinY[v];
        }
}

}  // namespace qfq::layout::detail
