// layout/force.cpp — force-directed layout: spring-electrical model with Barnes–Hut
// repulsion, O(n log n) per iteration, flat float arrays.
//
// Contents
//   1. Quadtree (Morton-sorted points, preorder nodes with skip links)
//   2. Begin: initial and new-node positions, step length
//   3. Iteration: repulsion, attraction, gravity, adaptive step
//
// Forces (Fruchterman–Reingold / Hu): repulsion K^2 / d, attraction d^2 / K, so connected
// pairs rest near K. Repulsion is written K^2 * delta / d^2: no square root per pair.
// Moves are capped by a step length that adapts to the energy (Hu 2005: grow after
// five improving iterations, shrink otherwise) under a cap that decays linearly to the
// last iteration, so a fixed iteration budget always ends cool.
#include <algorithm>
#include <cmath>

#include "layout/internal.h"

namespace qfq::layout::detail {

// ---------------------------------------------------------------------------
// 1. Quadtree
// ---------------------------------------------------------------------------

constexpr uint32_t kLeafSize = 16;
constexpr int kMaxDepth = 16;  // 16 bits per axis in the Morton code

static uint32_t spreadBits(uint32_t v) {  // 16 bits -> even bits of 32
    v &= 0xFFFF;
    v = (v | (v << 8)) & 0x00FF00FF;
    v = (v | (v << 4)) & 0x0F0F0F0F;
    v = (v | (v << 2)) & 0x33333333;
    v = (v | (v << 1)) & 0x55555555;
    return v;
}

void QuadTree::build(const float* x, const float* y, uint32_t n) {
    comX.clear();
    comY.clear();
    mass.clear();
    size2.clear();
    skip.clear();
    begin.clear();
    end.clear();
    pend.clear();
    if (n == 0) return;
    float minX = x[0], maxX = x[0], minY = y[0], maxY = y[0];
    for (uint32_t i = 1; i < n; ++i) {
        minX = std::min(minX, x[i]);
        maxX = std::max(maxX, x[i]);
        minY = std::min(minY, y[i]);
        maxY = std::max(maxY, y[i]);
    }
    const float side = std::max(std::max(maxX - minX, maxY - minY), 1e-3f) * 1.0001f;
    const float scale = 65535.0f / side;
    codes.resize(n);
    order.resize(n);
    tmpCodes.resize(n);
    tmpOrder.resize(n);
    for (uint32_t i = 0; i < n; ++i) {
        uint32_t qx = uint32_t(std::clamp((x[i] - minX) * scale, 0.0f, 65535.0f));
        uint32_t qy = uint32_t(std::clamp((y[i] - minY) * scale, 0.0f, 65535.0f));
        codes[i] = spreadBits(qx) | (spreadBits(qy) << 1);
        order[i] = i;
    }
    // LSD radix sort, 4 passes of 8 bits: stable, O(n), identical on every platform.
    for (int shift = 0; shift < 32; shift += 8) {
        uint32_t count[257] = {};
        for (uint32_t i = 0; i < n; ++i) ++count[((codes[i] >> shift) & 0xFF) + 1];
        for (int k = 0; k < 256; ++k) count[k + 1] += count[k];
        for (uint32_t i = 0; i < n; ++i) {
            uint32_t d = count[(codes[i] >> shift) & 0xFF]++;
            tmpCodes[d] = codes[i];
            tmpOrder[d] = order[i];
        }
        codes.swap(tmpCodes);
        order.swap(tmpOrder);
    }
    px.resize(n);
    py.resize(n);
    for (uint32_t i = 0; i < n; ++i) {
        px[i] = x[order[i]];
        py[i] = y[order[i]];
    }
    buildNode(0, n, 0, side);
}

// Builds the node for sorted points [b, e) whose codes share their top 2*depth bits.
uint32_t QuadTree::buildNode(uint32_t b, uint32_t e, int depth, float size) {
    const uint32_t id = uint32_t(comX.size());
    comX.push_back(0);
    comY.push_back(0);
    mass.push_back(0);
    size2.push_back(size * size);
    skip.push_back(0);
    begin.push_back(b);
    end.push_back(0);
    pend.push_back(e);
    if (e - b <= kLeafSize || depth >= kMaxDepth) {
        float sx = 0, sy = 0;
        for (uint32_t i = b; i < e; ++i) {
            sx += px[i];
            sy += py[i];
        }
        const float m = float(e - b);
        comX[id] = sx / m;
        comY[id] = sy / m;
        mass[id] = m;
        end[id] = e;
    } else {
        const int shift = 2 * (kMaxDepth - 1 - depth);
        float sx = 0, sy = 0, m = 0;
        uint32_t lo = b;
        for (uint32_t q = 0; q < 4 && lo < e; ++q) {
            // Codes are sorted: the quadrant's points are a contiguous run.
            uint32_t hi = uint32_t(
                std::upper_bound(codes.begin() + lo, codes.begin() + e, q,
                                 [shift](uint32_t qq, uint32_t c) { return qq < ((c >> shift) & 3u); }) -
                codes.begin());
            if (hi > lo) {
                uint32_t child = buildNode(lo, hi, depth + 1, size * 0.5f);
                sx += comX[child] * mass[child];
                sy += comY[child] * mass[child];
                m += mass[child];
            }
            lo = hi;
        }
        comX[id] = sx / m;
        comY[id] = sy / m;
        mass[id] = m;
    }
    skip[id] = uint32_t(comX.size());
    return id;
}

// ---------------------------------------------------------------------------
// 2. Begin
// ---------------------------------------------------------------------------

void forceBegin(ForceState& s, const Graph& g, const Options& o, Positions& pos, const Positions* initial) {
    s = ForceState{};
    const uint32_t n = g.n;
    const float K = o.edgeLength;
    Rng rng(o.seed);
    const float spread = K * std::sqrt(float(std::max<uint32_t>(n, 1)));

    // 1) Given positions (finite ones) and pins.
    std::vector<uint8_t> placed(n, 0);
    uint32_t kept = 0;
    for (uint32_t v = 0; v < n; ++v) {
        if (g.pinned[v]) {
            pos.x[v] = g.pinX[v];
            pos.y[v] = g.pinY[v];
            placed[v] = 1;
        } else if (initial && std::isfinite(initial->x[v]) && std::isfinite(initial->y[v])) {
            pos.x[v] = initial->x[v];
            pos.y[v] = initial->y[v];
            placed[v] = 1;
            ++kept;
        }
    }
    // A cold start from foreign positions (all given, none pinned, e.g. random ones at
    // another scale): keep their shape, but bring them to our natural size K·sqrt(n), or
    // the first iterations only expand or shrink the drawing and it freezes tangled.
    if (initial && kept == n && n > 1) {
        float x0 = pos.x[0], x1 = x0, y0 = pos.y[0], y1 = y0;
        for (uint32_t v = 1; v < n; ++v) {
            x0 = std::min(x0, pos.x[v]);
            x1 = std::max(x1, pos.x[v]);
            y0 = std::min(y0, pos.y[v]);
            y1 = std::max(y1, pos.y[v]);
        }
        const float extent = std::max(x1 - x0, y1 - y0);
        if (extent > 0 && (extent < spread * 0.5f || extent > spread * 2.0f)) {
            const float k = spread / extent, cx = (x0 + x1) * 0.5f, cy = (y0 + y1) * 0.5f;
            for (uint32_t v = 0; v < n; ++v) {
                pos.x[v] = (pos.x[v] - cx) * k;
                pos.y[v] = (pos.y[v] - cy) * k;
            }
            kept = 0;  // treated as a cold start below
        }
    }
    // 2) New nodes: near the mean of their placed neighbours (two rounds reach chains),
    //    else uniformly in the placed nodes' box (or a square sized for n).
    Adjacency adj;
    adj.build(g);
    float minX = 0, maxX = 0, minY = 0, maxY = 0;
    bool anyPlaced = false;
    for (uint32_t v = 0; v < n; ++v)
        if (placed[v]) {
            if (!anyPlaced) {
                minX = maxX = pos.x[v];
                minY = maxY = pos.y[v];
                anyPlaced = true;
            }
            minX = std::min(minX, pos.x[v]);
            maxX = std::max(maxX, pos.x[v]);
            minY = std::min(minY, pos.y[v]);
            maxY = std::max(maxY, pos.y[v]);
        }
    if (!anyPlaced || maxX - minX < K || maxY - minY < K) {
        const float cx = (minX + maxX) * 0.5f, cy = (minY + maxY) * 0.5f;
        minX = cx - spread * 0.5f;
        maxX = cx + spread * 0.5f;
        minY = cy - spread * 0.5f;
        maxY = cy + spread * 0.5f;
    }
    for (int round = 0; round < 2 && anyPlaced; ++round) {
        std::vector<uint32_t> now;
        for (uint32_t v = 0; v < n; ++v) {
            if (placed[v]) continue;
            float sx = 0, sy = 0;
            uint32_t c = 0;
            for (uint32_t k = adj.offset[v]; k < adj.offset[v + 1]; ++k) {
                uint32_t u = adj.target[k];
                if (placed[u]) {
                    sx += pos.x[u];
                    sy += pos.y[u];
                    ++c;
                }
            }
            if (c == 0) continue;
            pos.x[v] = sx / float(c) + (rng.uniform() - 0.5f) * K;
            pos.y[v] = sy / float(c) + (rng.uniform() - 0.5f) * K;
            now.push_back(v);
        }
        for (uint32_t v : now) placed[v] = 1;
    }
    for (uint32_t v = 0; v < n; ++v)
        if (!placed[v]) {
            pos.x[v] = minX + rng.uniform() * (maxX - minX);
            pos.y[v] = minY + rng.uniform() * (maxY - minY);
        }

    // Level gravity targets: band centres, one band height apart.
    s.targetY.assign(n, NAN);
    if (o.levelGravity > 0)
        for (uint32_t v = 0; v < n; ++v)
            if (g.level[v] >= 0) s.targetY[v] = (float(g.level[v]) + 0.5f) * o.bandHeight;

    s.fx.assign(n, 0.0f);
    s.fy.assign(n, 0.0f);
    // A warm start (most nodes kept) moves little; a cold one must untangle globally.
    const bool warm = initial && kept * 2 >= n;
    s.step0 = o.initialStep > 0 ? o.initialStep : (warm ? K * 0.1f : std::max(K, spread * 0.1f));
    s.step = s.step0;
}

// ---------------------------------------------------------------------------
// 3. Iteration
// ---------------------------------------------------------------------------

void forceIteration(ForceState& s, const Graph& g, const Options& o, Positions& pos, int iter) {
    const uint32_t n = g.n;
    if (n == 0) return;
    float* X = pos.x.data();
    float* Y = pos.y.data();
    float* FX = s.fx.data();
    float* FY = s.fy.data();
    const float K = o.edgeLength, K2 = K * K;
    const float theta2 = o.theta * o.theta;
    QuadTree& t = s.tree;
    t.build(X, Y, n);

    // Repulsion, one tree walk per leaf (Barnes' grouping): the walk gathers what acts on
    // the leaf's up to 8 points (far cells as single masses, near leaves point by point)
    // into flat lists, then a tight branch-free loop applies them to each point. This cuts
    // the walks 8-fold and keeps the inner loop free of mispredicted branches.
    const uint32_t* skip = t.skip.data();
    const uint32_t* tb = t.begin.data();
    const uint32_t* te = t.end.data();
    const uint32_t* tp = t.pend.data();
    const float* cx = t.comX.data();
    const float* cy = t.comY.data();
    const float* cm = t.mass.data();
    const float* cs = t.size2.data();
    const float* px = t.px.data();
    const float* py = t.py.data();
    const uint32_t nodes = uint32_t(t.comX.size());
    std::vector<float>& lx = s.listX;
    std::vector<float>& ly = s.listY;
    std::vector<float>& lm = s.listM;
    for (uint32_t leaf = 0; leaf < nodes; ++leaf) {
        if (!te[leaf]) continue;
        const uint32_t b = tb[leaf], e = te[leaf];
        float x0 = px[b], x1 = px[b], y0 = py[b], y1 = py[b];
        for (uint32_t q = b + 1; q < e; ++q) {
            x0 = std::min(x0, px[q]);
            x1 = std::max(x1, px[q]);
            y0 = std::min(y0, py[q]);
            y1 = std::max(y1, py[q]);
        }
        // The list is sized for the worst case up front, so the walk appends without checks.
        size_t ln = 0;
        uint32_t j = 0;
        while (j < nodes) {
            if (lx.size() < ln + (te[j] ? te[j] - tb[j] : 1)) {
                const size_t grow = std::max<size_t>(lx.size() * 2, ln + n + 64);
                lx.resize(grow);
                ly.resize(grow);
                lm.resize(grow);
            }
            if (j == leaf) {
                j = skip[j];
                continue;
            }
            if (b < tb[j] || b >= tp[j]) {  // not an ancestor of this leaf
                // Distance from the cell's centre of mass to the leaf's box.
                const float dx = std::max(0.0f, std::max(x0 - cx[j], cx[j] - x1));
                const float dy = std::max(0.0f, std::max(y0 - cy[j], cy[j] - y1));
                const bool far = cs[j] < theta2 * (dx * dx + dy * dy);
                const bool crowd = te[j] && te[j] - tb[j] > kLeafSize;  // at the depth cap: one spot
                if (far || crowd) {                                     // acts as one mass
                    lx[ln] = cx[j];
                    ly[ln] = cy[j];
                    lm[ln] = cm[j];
                    ++ln;
                    j = skip[j];
                    continue;
                }
                if (te[j]) {
                    for (uint32_t q = tb[j]; q < te[j]; ++q, ++ln) {
                        lx[ln] = px[q];
                        ly[ln] = py[q];
                        lm[ln] = 1.0f;
                    }
                    j = skip[j];
                    continue;
                }
            }
            ++j;  // open the cell: its first child follows it in preorder
        }
        const float* LX = lx.data();
        const float* LY = ly.data();
        const float* LM = lm.data();
        for (uint32_t p = b; p < e; ++p) {
            const float xi = px[p], yi = py[p];
            float fx = 0, fy = 0;
            for (size_t k = 0; k < ln; ++k) {
                const float dx = xi - LX[k], dy = yi - LY[k];
                const float d2 = std::max(dx * dx + dy * dy, 1e-4f);
                const float f = LM[k] * K2 / d2;
                fx += dx * f;
                fy += dy * f;
            }
            // The leaf's own points, pair by pair. A leaf only holds more than kLeafSize
            // points at the depth cap (thousands of actors on one spot, e.g. all pinned
            // there): then each point meets the next kLeafSize of the run, scaled up to the
            // whole crowd, so that a hostile map costs O(n), not O(n^2), per iteration.
            const uint32_t size = e - b;
            const bool crowded = size > kLeafSize + 1;
            const float crowd = crowded ? float(size - 1) / float(kLeafSize) : 1.0f;
            for (uint32_t w = 0; w < (crowded ? kLeafSize : size); ++w) {
                const uint32_t q = crowded ? b + (p - b + 1 + w) % size : b + w;
                if (q == p) continue;
                float ex = xi - px[q], ey = yi - py[q];
                float e2 = ex * ex + ey * ey;
                if (e2 < 1e-4f) {  // coincident points: push apart in a fixed direction
                    uint32_t h = (p * 2654435761u) ^ (q * 40503u);
                    ex = float(int(h & 15) - 8) * 0.01f + (p < q ? -0.005f : 0.005f);
                    ey = float(int((h >> 4) & 15) - 8) * 0.01f;
                    e2 = ex * ex + ey * ey;
                }
                const float f = crowd * K2 / e2;
                fx += ex * f;
                fy += ey * f;
            }
            const uint32_t v = t.order[p];
            FX[v] = fx;
            FY[v] = fy;
        }
    }

    // Attraction along edges.
    const uint32_t m = g.edgeCount();
    const float invK = 1.0f / K;
    for (uint32_t e = 0; e < m; ++e) {
        const uint32_t a = g.edges[2 * e], b = g.edges[2 * e + 1];
        if (a == b || a >= n || b >= n) continue;
        const float dx = X[b] - X[a], dy = Y[b] - Y[a];
        const float f = std::sqrt(dx * dx + dy * dy) * invK;
        FX[a] += dx * f;
        FY[a] += dy * f;
        FX[b] -= dx * f;
        FY[b] -= dy * f;
    }

    // Gravity toward the origin (keeps components from drifting apart) and toward bands.
    const float grav = o.gravity, lg = o.levelGravity;
    const float* TY = s.targetY.data();
    double energy = 0;
    const float cap = s.step0 * (1.0f - float(iter) / float(std::max(1, o.iterations))) + K * 0.01f;
    const float stepLen = std::min(s.step, cap);
    for (uint32_t v = 0; v < n; ++v) {
        float fx = FX[v] - grav * X[v];
        float fy = FY[v] - grav * Y[v];
        if (lg > 0 && TY[v] == TY[v]) fy += lg * (TY[v] - Y[v]);
        const float f2 = fx * fx + fy * fy;
        if (!(f2 < 1e30f)) continue;  // NaN or overflow: leave the node where it is
        energy += f2;
        if (g.pinned[v] || f2 <= 0) continue;
        const float f = std::sqrt(f2);
        const float move = std::min(f, stepLen) / f;
        X[v] += fx * move;
        Y[v] += fy * move;
    }

    // Adaptive step (Hu): reward steady progress, cool otherwise.
    if (energy < s.energy) {
        if (++s.progressCount >= 5) {
            s.progressCount = 0;
            s.step = std::min(s.step / 0.9f, s.step0);
        }
    } else {
        s.progressCount = 0;
        s.step *= 0.9f;
    }
    s.energy = energy;
}

}  // namespace qfq::layout::detail
