// layout/layered.cpp — level bands: each actor in its level's band, ordered to keep
// related actors close (barycentre sweeps), spaced so labels never overlap.
//
// Contents
//   1. Begin: bands, adjacency, first order
//   2. Barycentre sweeps (ordering)
//   3. Placement: rows, wrapping, compaction toward neighbours (isotonic regression)
//   4. Phase dispatcher
//
// Phases (one per LayoutRun unit): 2 * sweeps ordering passes (down, up, ...), then one
// placement. With initial positions (a filter change), the old left-to-right order is
// kept and only new nodes are inserted at their barycentre, so the picture stays familiar.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "layout/internal.h"

namespace qfq::layout::detail {

// ---------------------------------------------------------------------------
// 1. Begin
// ---------------------------------------------------------------------------

static void updateRanks(LayeredState& s, int b) {
    const auto& ord = s.order[size_t(b)];
    const float inv = ord.empty() ? 0.0f : 1.0f / float(ord.size());
    for (size_t i = 0; i < ord.size(); ++i) s.rank[ord[i]] = (float(i) + 0.5f) * inv;
}

void layeredBegin(LayeredState& s, const Graph& g, const Options& o, const Positions* initial) {
    s = LayeredState{};
    const int levels = std::max(1, g.levelCount);
    bool unknown = false;
    s.band.resize(g.n);
    for (uint32_t v = 0; v < g.n; ++v) {
        int l = g.level[v];
        if (l < 0 || l >= levels) {
            l = levels;  // actors without a (valid) level go to an extra band at the bottom
            unknown = true;
        }
        s.band[v] = l;
    }
    s.bandCount = levels + (unknown ? 1 : 0);
    s.adj.build(g);
    s.order.assign(size_t(s.bandCount), {});
    s.rank.assign(g.n, 0.5f);
    s.key.assign(g.n, 0.0f);
    s.keepOrder = initial != nullptr;
    for (uint32_t v = 0; v < g.n; ++v) s.order[size_t(s.band[v])].push_back(v);
    if (s.keepOrder) {
        // Old nodes by their previous place: x, or (row, x) in bands big enough to wrap;
        // new ones (NaN) after them, inserted in the phase.
        for (auto& ord : s.order) {
            const bool rows = ord.size() >= o.wrapMinNodes;
            auto row = [&](uint32_t v) {
                return rows ? std::floor(initial->y[v] / o.rowHeight + 0.5f) : 0.0f;
            };
            std::stable_sort(ord.begin(), ord.end(), [&](uint32_t a, uint32_t b) {
                const bool na = !std::isfinite(initial->x[a]) || !std::isfinite(initial->y[a]);
                const bool nb = !std::isfinite(initial->x[b]) || !std::isfinite(initial->y[b]);
                if (na != nb) return nb;
                if (na) return false;
                const float ra = row(a), rb = row(b);
                return ra != rb ? ra < rb : initial->x[a] < initial->x[b];
            });
        }
        for (uint32_t v = 0; v < g.n; ++v)
            s.key[v] = std::isfinite(initial->x[v]) && std::isfinite(initial->y[v]) ? 0.0f : 1.0f;
        s.phases = 2;
    } else {
        s.phases = 2 * o.sweeps + 1;
    }
    for (int b = 0; b < s.bandCount; ++b) updateRanks(s, b);
}

// ---------------------------------------------------------------------------
// 2. Barycentre sweeps
// ---------------------------------------------------------------------------

// Barycentre of v's neighbours in the bands selected by `dir` (-1 above, +1 below, 0 any
// other band), weighted by 1 / band distance so the adjacent band counts most.
static bool barycentre(const LayeredState& s, uint32_t v, int dir, float& out) {
    const int bv = s.band[v];
    float sum = 0, wsum = 0;
    for (uint32_t k = s.adj.offset[v]; k < s.adj.offset[v + 1]; ++k) {
        uint32_t u = s.adj.target[k];
        int d = s.band[u] - bv;
        if (d == 0 || (dir < 0 && d > 0) || (dir > 0 && d < 0)) continue;
        float w = 1.0f / float(d < 0 ? -d : d);
        sum += w * s.rank[u];
        wsum += w;
    }
    if (wsum <= 0) return false;
    out = sum / wsum;
    return true;
}

static void sortBand(LayeredState& s, int b) {
    auto& ord = s.order[size_t(b)];
    std::stable_sort(ord.begin(), ord.end(), [&](uint32_t a, uint32_t c) { return s.key[a] < s.key[c]; });
    updateRanks(s, b);
}

static void sweep(LayeredState& s, bool down) {
    for (int i = 0; i < s.bandCount; ++i) {
        const int b = down ? i : s.bandCount - 1 - i;
        for (uint32_t v : s.order[size_t(b)]) {
            float bc;
            s.key[v] = barycentre(s, v, down ? -1 : +1, bc) ? bc : s.rank[v];
        }
        sortBand(s, b);
    }
}

// Keeps old nodes where they were and slides each new node (key == 1) to its barycentre.
static void insertNew(LayeredState& s) {
    for (int b = 0; b < s.bandCount; ++b) {
        bool any = false;
        for (uint32_t v : s.order[size_t(b)]) any |= s.key[v] != 0.0f;
        if (!any) continue;
        for (uint32_t v : s.order[size_t(b)]) {
            float bc;
            if (s.key[v] == 0.0f)
                s.key[v] = s.rank[v];
            else
                s.key[v] = barycentre(s, v, 0, bc) ? bc : 2.0f;  // unconnected: at the end
        }
        sortBand(s, b);
    }
}

// ---------------------------------------------------------------------------
// 3. Placement
// ---------------------------------------------------------------------------

// Pool-adjacent-violators: the non-decreasing y minimising sum w_i (y_i - a_i)^2.
static void isotonic(std::vector<float>& a, const std::vector<float>& w) {
    struct Block {
        double sum, weight;
        size_t count;
    };
    std::vector<Block> blocks;
    blocks.reserve(a.size());
    for (size_t i = 0; i < a.size(); ++i) {
        blocks.push_back({double(a[i]) * w[i], double(w[i]), 1});
        while (blocks.size() > 1) {
            Block& hi = blocks.back();
            Block& lo = blocks[blocks.size() - 2];
            if (lo.sum / lo.weight <= hi.sum / hi.weight) break;
            lo.sum += hi.sum;
            lo.weight += hi.weight;
            lo.count += hi.count;
            blocks.pop_back();
        }
    }
    size_t i = 0;
    for (const Block& bl : blocks) {
        float mean = float(bl.sum / bl.weight);
        for (size_t k = 0; k < bl.count; ++k) a[i++] = mean;
    }
}

static void place(LayeredState& s, const Graph& g, const Options& o, Positions& pos,
                  std::vector<Band>& bands) {
    const int nb = s.bandCount;
    std::vector<float> width(g.n);
    for (uint32_t v = 0; v < g.n; ++v) {
        float c = g.labelChars[v];
        width[v] = labelWidth(o, std::isfinite(c) && c > 0 ? std::min(c, 200.0f) : 0.0f);
    }
    std::vector<double> total(size_t(nb), 0.0);
    for (int b = 0; b < nb; ++b)
        for (uint32_t v : s.order[size_t(b)]) total[size_t(b)] += width[v] + o.labelGap;

    // Wrap width: as wide as the widest band that does not wrap, and at least what makes
    // a wrapped band about three times wider than tall.
    float wrapW = o.wrapWidth;
    if (!(wrapW > 0)) {
        double w = 2000.0;
        for (int b = 0; b < nb; ++b) {
            if (s.order[size_t(b)].size() < o.wrapMinNodes)
                w = std::max(w, total[size_t(b)]);
            else
                w = std::max(w, std::sqrt(total[size_t(b)] * o.rowHeight * 3.0));
        }
        wrapW = float(w);
    }

    std::vector<uint8_t> wrapped(size_t(nb), 0);
    float y0 = 0;
    bands.clear();
    for (int b = 0; b < nb; ++b) {
        const auto& ord = s.order[size_t(b)];
        if (ord.empty()) continue;  // empty bands take no room (e.g. a level filtered out)
        const bool wrap = ord.size() >= o.wrapMinNodes && total[size_t(b)] > wrapW;
        wrapped[size_t(b)] = wrap;
        // Rows: greedy fill up to wrapW.
        std::vector<size_t> rowStart{0};
        if (wrap) {
            double acc = 0;
            for (size_t i = 0; i < ord.size(); ++i) {
                double wv = width[ord[i]] + o.labelGap;
                if (acc > 0 && acc + wv > wrapW) {
                    rowStart.push_back(i);
                    acc = 0;
                }
                acc += wv;
            }
        }
        rowStart.push_back(ord.size());
        const uint32_t rows = uint32_t(rowStart.size() - 1);
        const float height = std::max(o.bandHeight, float(rows) * o.rowHeight + o.bandHeight - o.rowHeight);
        const float firstRow = y0 + height * 0.5f - float(rows - 1) * o.rowHeight * 0.5f;
        for (uint32_t r = 0; r < rows; ++r) {
            const size_t rb = rowStart[r], re = rowStart[r + 1];
            double rw = 0;
            for (size_t i = rb; i < re; ++i) rw += width[ord[i]] + o.labelGap;
            // Reading order (rows left to right, top to bottom), so a restart can read the
            // order back from (row, x).
            double x = -rw * 0.5;
            for (size_t i = rb; i < re; ++i) {
                uint32_t v = ord[i];
                double slot = width[v] + o.labelGap;
                pos.x[v] = float(x + slot * 0.5);
                pos.y[v] = firstRow + float(r) * o.rowHeight;
                x += slot;
            }
        }
        bands.push_back({b < g.levelCount ? b : -1, y0, y0 + height, rows, uint32_t(ord.size())});
        y0 += height;
    }

    // Compaction: slide the nodes of each one-row band toward the mean x of their
    // neighbours in other bands, keeping order and label spacing (a down and an up pass).
    std::vector<float> a, w, shift;
    for (int pass = 0; pass < 2; ++pass) {
        for (int i = 0; i < nb; ++i) {
            const int b = pass == 0 ? i : nb - 1 - i;
            const auto& ord = s.order[size_t(b)];
            if (ord.empty() || wrapped[size_t(b)]) continue;
            const size_t k = ord.size();
            a.resize(k);
            w.resize(k);
            shift.resize(k);
            for (size_t j = 0; j < k; ++j) {
                const uint32_t v = ord[j];
                shift[j] = j == 0 ? 0.0f : shift[j - 1] + (width[ord[j - 1]] + width[v]) * 0.5f + o.labelGap;
                float sum = 0, ws = 0;
                for (uint32_t e = s.adj.offset[v]; e < s.adj.offset[v + 1]; ++e) {
                    uint32_t u = s.adj.target[e];
                    int d = std::abs(s.band[u] - b);
                    if (d == 0) continue;
                    float wu = 1.0f / float(d);
                    sum += wu * pos.x[u];
                    ws += wu;
                }
                // Unconnected nodes follow their row mates (low weight on where they are).
                float target = ws > 0 ? sum / ws : pos.x[v];
                a[j] = target - shift[j];
                w[j] = ws > 0 ? 1.0f : 0.05f;
            }
            isotonic(a, w);
            for (size_t j = 0; j < k; ++j) pos.x[ord[j]] = a[j] + shift[j];
        }
    }

    for (uint32_t v = 0; v < g.n; ++v)
        if (g.pinned[v]) {
            pos.x[v] = g.pinX[v];
            pos.y[v] = g.pinY[v];
        }
}

// ---------------------------------------------------------------------------
// 4. Phase dispatcher
// ---------------------------------------------------------------------------

bool layeredPhase(LayeredState& s, const Graph& g, const Options& o, Positions& pos,
                  std::vector<Band>& bands) {
    if (s.phase >= s.phases) return false;
    const bool last = s.phase == s.phases - 1;
    if (last && o.cartographic)
        cartoPlace(s, g, o, pos, bands);
    else if (last)
        place(s, g, o, pos, bands);
    else if (s.keepOrder)
        insertNew(s);
    else
        sweep(s, s.phase % 2 == 0);
    ++s.phase;
    return s.phase < s.phases;
}

}  // namespace qfq::layout::detail
