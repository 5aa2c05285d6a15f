// layout/carto_order.cpp — crossing minimisation over the cartographic rows (Sugiyama's
// ordering phase on a proper layered graph: every row is a layer, a relation that skips
// rows has one dummy item per row it passes, so its route goes through a gap of its own).
//
// Contents
//   1. RowGraph: building the channel adjacency
//   2. Counting crossings (per channel: inversions, Barth–Jünger–Mutzel accumulator)
//   3. Barycentre sweeps and transposition
//   4. orderRows: several starts, each swept until it stops improving; the best order wins
//
// A channel is the free strip between two consecutive rows. Routes bend only there, each
// as one straight segment from an item of the upper row to an item of the lower one, so two
// routes cross in a channel exactly when their ends come in opposite orders: counting
// inversions per channel counts what is drawn (Gansner et al., "A technique for drawing
// directed graphs", 1993, §3). An edge inside one row goes straight when its ends are side
// by side, else it detours just under (or over) the row: it then crosses the routes that
// leave the items between its ends on that side.
#include <algorithm>
#include <numeric>

#include "layout/internal.h"

namespace qfq::layout::detail {

// ---------------------------------------------------------------------------
// 1. RowGraph
// ---------------------------------------------------------------------------

uint32_t RowGraph::addDummy(int r) {
    row.push_back(r);
    return uint32_t(row.size() - 1);
}

void RowGraph::link(uint32_t upper, uint32_t lower) {
    segments.push_back(upper);
    segments.push_back(lower);
}

void RowGraph::finish() {
    const size_t n = row.size();
    upOff.assign(n + 1, 0), downOff.assign(n + 1, 0);
    for (size_t k = 0; k + 1 < segments.size(); k += 2)
        ++downOff[segments[k] + 1], ++upOff[segments[k + 1] + 1];
    for (size_t i = 0; i < n; ++i) upOff[i + 1] += upOff[i], downOff[i + 1] += downOff[i];
    up.assign(upOff[n], 0), down.assign(downOff[n], 0);
    std::vector<uint32_t> fillUp(upOff.begin(), upOff.end() - 1),
        fillDown(downOff.begin(), downOff.end() - 1);
    for (size_t k = 0; k + 1 < segments.size(); k += 2) {
        down[fillDown[segments[k]]++] = segments[k + 1];
        up[fillUp[segments[k + 1]]++] = segments[k];
    }
    inRowOf.assign(n, {});
    for (size_t k = 0; k < inRow.size(); ++k) {
        inRowOf[inRow[k][0]].push_back(uint32_t(k));
        inRowOf[inRow[k][1]].push_back(uint32_t(k));
    }
    pos.assign(n, 0);
    for (const auto& ord : order)
        for (size_t j = 0; j < ord.size(); ++j) pos[ord[j]] = uint32_t(j);
}

// ---------------------------------------------------------------------------
// 2. Counting crossings
// ---------------------------------------------------------------------------

namespace {

struct Scratch {
    std::vector<uint32_t> seq, tree;
    std::vector<float> key;
    std::vector<uint32_t> idx;
};

// Crossings in the channel under row r: the segments listed by upper end, then lower end;
// a pair crosses when the lower ends come in the opposite order (strictly).
long channelCrossings(const RowGraph& g, size_t r, Scratch& s) {
    if (r + 1 >= g.order.size()) return 0;
    s.seq.clear();
    for (uint32_t u : g.order[r]) {
        const size_t b = s.seq.size();
        for (uint32_t k = g.downOff[u]; k < g.downOff[u + 1]; ++k) s.seq.push_back(g.pos[g.down[k]]);
        std::sort(s.seq.begin() + long(b), s.seq.end());
    }
    const size_t m = g.order[r + 1].size();
    s.tree.assign(m + 1, 0);
    long c = 0;
    for (size_t i = 0; i < s.seq.size(); ++i) {
        long atMost = 0;  // inserted values <= seq[i]
        for (size_t p = s.seq[i] + 1; p > 0; p -= p & (~p + 1)) atMost += s.tree[p];
        c += long(i) - atMost;
        for (size_t p = s.seq[i] + 1; p <= m; p += p & (~p + 1)) ++s.tree[p];
    }
    return c;
}

long inRowCost(const RowGraph& g) {
    long c = 0;
    for (size_t k = 0; k < g.inRow.size(); ++k) c += g.detourCost(k).first;
    return c;
}

long total(const RowGraph& g, Scratch& s) {
    long c = inRowCost(g);
    for (size_t r = 0; r + 1 < g.order.size(); ++r) c += channelCrossings(g, r, s);
    return c;
}

// ---------------------------------------------------------------------------
// 3. Sweeps and transposition
// ---------------------------------------------------------------------------

// Sorts row r by the mean position of each item's neighbours in the row above (dir < 0)
// or below (dir > 0), on the 0..1 scale of that row; items without such neighbours keep
// their own relative place.
void sortByBarycentre(RowGraph& g, size_t r, int dir, Scratch& s) {
    auto& ord = g.order[r];
    const size_t k = ord.size();
    if (k < 2) return;
    const size_t other = dir < 0 ? r - 1 : r + 1;
    const float invOther = 1.0f / float(std::max<size_t>(1, g.order[other].size()));
    s.key.resize(k);
    for (size_t j = 0; j < k; ++j) {
        const uint32_t v = ord[j];
        const uint32_t* b = dir < 0 ? &g.up[g.upOff[v]] : &g.down[g.downOff[v]];
        const uint32_t count = dir < 0 ? g.upOff[v + 1] - g.upOff[v] : g.downOff[v + 1] - g.downOff[v];
        if (count == 0) {
            s.key[j] = (float(j) + 0.5f) / float(k);
            continue;
        }
        float sum = 0;
        for (uint32_t i = 0; i < count; ++i) sum += (float(g.pos[b[i]]) + 0.5f) * invOther;
        s.key[j] = sum / float(count);
    }
    s.idx.resize(k);
    std::iota(s.idx.begin(), s.idx.end(), 0u);
    std::stable_sort(s.idx.begin(), s.idx.end(), [&](uint32_t p, uint32_t q) { return s.key[p] < s.key[q]; });
    std::vector<uint32_t> sorted(k);
    for (size_t j = 0; j < k; ++j) sorted[j] = ord[s.idx[j]];
    ord = std::move(sorted);
    for (size_t j = 0; j < k; ++j) g.pos[ord[j]] = uint32_t(j);
}

// Crossings among the segments of a and b in both channels when a is left of b (first)
// and when b is left of a (second).
std::pair<long, long> pairCrossings(const RowGraph& g, uint32_t a, uint32_t b) {
    long ab = 0, ba = 0;
    for (uint32_t i = g.upOff[a]; i < g.upOff[a + 1]; ++i)
        for (uint32_t j = g.upOff[b]; j < g.upOff[b + 1]; ++j) {
            const uint32_t pa = g.pos[g.up[i]], pb = g.pos[g.up[j]];
            ab += pa > pb, ba += pa < pb;
        }
    for (uint32_t i = g.downOff[a]; i < g.downOff[a + 1]; ++i)
        for (uint32_t j = g.downOff[b]; j < g.downOff[b + 1]; ++j) {
            const uint32_t pa = g.pos[g.down[i]], pb = g.pos[g.down[j]];
            ab += pa > pb, ba += pa < pb;
        }
    return {ab, ba};
}

// Change of the same-row cost when a and its right neighbour b trade places: only the
// same-row edges ending at a or b change (items strictly between others' ends stay so).
long inRowDelta(RowGraph& g, uint32_t a, uint32_t b) {
    if (g.inRowOf[a].empty() && g.inRowOf[b].empty()) return 0;
    auto cost = [&]() {
        long c = 0;
        for (uint32_t k : g.inRowOf[a]) c += g.detourCost(k).first;
        for (uint32_t k : g.inRowOf[b])
            if (g.inRow[k][0] != a && g.inRow[k][1] != a) c += g.detourCost(k).first;
        return c;
    };
    const long before = cost();
    std::swap(g.pos[a], g.pos[b]);
    const long after = cost();
    std::swap(g.pos[a], g.pos[b]);
    return after - before;
}

// Swaps neighbours while that removes crossings (Gansner et al.'s "transpose").
void transpose(RowGraph& g, int maxPasses) {
    for (int pass = 0; pass < maxPasses; ++pass) {
        bool improved = false;
        for (auto& ord : g.order)
            for (size_t j = 0; j + 1 < ord.size(); ++j) {
                const uint32_t a = ord[j], b = ord[j + 1];
                const auto [ab, ba] = pairCrossings(g, a, b);
                if (ba + inRowDelta(g, a, b) < ab) {
                    std::swap(ord[j], ord[j + 1]);
                    g.pos[a] = uint32_t(j + 1), g.pos[b] = uint32_t(j);
                    improved = true;
                }
            }
        if (!improved) break;
    }
}

}  // namespace

std::pair<long, bool> RowGraph::detourCost(size_t k) const {
    const uint32_t a = inRow[k][0], c = inRow[k][1];
    const uint32_t lo = std::min(pos[a], pos[c]), hi = std::max(pos[a], pos[c]);
    if (hi - lo <= 1) return {0, false};
    const auto& ord = order[size_t(row[a])];
    long below = 0, above = 0;
    for (uint32_t j = lo + 1; j < hi; ++j) {
        const uint32_t v = ord[j];
        below += downOff[v + 1] - downOff[v];
        above += upOff[v + 1] - upOff[v];
    }
    // One more for the detour itself: side by side is better than a detour that crosses nothing.
    if (!detourAbove.empty() && detourAbove[size_t(row[a])] && above < below) return {above + 1, true};
    return {below + 1, false};
}

long RowGraph::crossings() const {
    Scratch s;
    return total(*this, s);
}

// ---------------------------------------------------------------------------
// 4. orderRows
// ---------------------------------------------------------------------------

long orderRows(RowGraph& g, uint64_t seed, int effort) {
    Scratch s;
    const size_t rows = g.order.size();
    std::vector<std::vector<uint32_t>> best = g.order, start = g.order;
    long bestCost = total(g, s);
    // Work bounded by the size of the graph: maps of a few hundred items get many starts.
    const size_t items = g.row.size() + g.segments.size();
    const int starts = std::max(1, items < 3000 ? effort : items < 20000 ? effort / 3 : 1);
    const int iterations = items < 20000 ? 24 : 4;
    const int passes = items < 20000 ? 8 : 2;
    Rng rng(seed);
    for (int st = 0; st < starts; ++st) {
        g.order = start;
        if (st > 0) {
            // Perturbed starts: the given order with random neighbour swaps (st == 1: as
            // given but swept up first), so the sweeps can leave a poor local optimum.
            for (auto& ord : g.order)
                for (size_t j = 0; j + 1 < ord.size(); ++j)
                    if (st > 1 && rng.uniform() < 0.08f * float(st)) std::swap(ord[j], ord[j + 1]);
        }
        for (const auto& ord : g.order)
            for (size_t j = 0; j < ord.size(); ++j) g.pos[ord[j]] = uint32_t(j);
        long current = total(g, s);
        if (current < bestCost) bestCost = current, best = g.order;
        int stale = 0;
        for (int it = 0; it < iterations && stale < 6; ++it) {
            const bool down = (it + st) % 2 == 0;
            for (size_t i = 1; i < rows; ++i) {
                const size_t r = down ? i : rows - 1 - i;
                sortByBarycentre(g, r, down ? -1 : 1, s);
            }
            transpose(g, passes);
            current = total(g, s);
            if (current < bestCost) {
                bestCost = current, best = g.order, stale = 0;
            } else {
                ++stale;
            }
            if (bestCost == 0) break;
        }
        if (bestCost == 0) break;
    }
    g.order = std::move(best);
    for (const auto& ord : g.order)
        for (size_t j = 0; j < ord.size(); ++j) g.pos[ord[j]] = uint32_t(j);
    return bestCost;
}

}  // namespace qfq::layout::detail
