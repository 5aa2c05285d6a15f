// layout/layout.cpp — graph building, the time-sliced LayoutRun driver, quality metrics.
//
// Contents
//   1. Graph from a Map, adjacency
//   2. LayoutRun
//   3. One-shot helpers
//   4. Metrics: stress, crossings
#include <algorithm>
#include <chrono>
#include <cmath>

#include "layout/internal.h"
#include "layout/labels.h"

namespace qfq::layout {

// ---------------------------------------------------------------------------
// 1. Graph from a Map, adjacency
// ---------------------------------------------------------------------------

uint32_t codePoints(std::string_view s) {
    uint32_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;  // count non-continuation bytes
    return n;
}

Graph graphFromMap(const Map& map, Lang lang, std::span<const uint8_t> actorMask,
                   std::span<const uint8_t> relationMask, std::vector<uint32_t>* nodeToActor,
                   std::vector<uint32_t>* edgeToRelation) {
    Graph g;
    const size_t na = map.actors.size();
    std::vector<uint32_t> actorToNode(na, UINT32_MAX);
    std::vector<uint32_t> toActor;
    for (uint32_t a = 0; a < na; ++a) {
        if (!actorMask.empty() && (a >= actorMask.size() || !actorMask[a])) continue;
        actorToNode[a] = uint32_t(toActor.size());
        toActor.push_back(a);
    }
    g.n = uint32_t(toActor.size());
    g.levelCount = int(std::max<size_t>(1, map.levels.size()));
    g.level.resize(g.n);
    g.pinned.resize(g.n);
    g.pinX.resize(g.n);
    g.pinY.resize(g.n);
    g.labelChars.resize(g.n);
    g.labelEm.resize(g.n);
    g.labelLines.resize(g.n);
    for (uint32_t i = 0; i < g.n; ++i) {
        const Actor& a = map.actors[toActor[i]];
        g.level[i] = a.level;
        g.pinned[i] = a.pinned;
        g.pinX[i] = a.x;
        g.pinY[i] = a.y;
        g.labelChars[i] = float(codePoints(a.label(lang)));
        LabelText t = actorLabel(a, lang);
        g.labelEm[i] = t.widthEm;
        g.labelLines[i] = uint8_t(t.count);
    }
    if (edgeToRelation) edgeToRelation->clear();
    for (uint32_t r = 0; r < map.relations.size(); ++r) {
        if (!relationMask.empty() && (r >= relationMask.size() || !relationMask[r])) continue;
        const Relation& rel = map.relations[r];
        if (rel.from >= na || rel.to >= na) continue;
        uint32_t a = actorToNode[rel.from], b = actorToNode[rel.to];
        if (a == UINT32_MAX || b == UINT32_MAX) continue;
        g.addEdge(a, b);
        if (edgeToRelation) edgeToRelation->push_back(r);
    }
    if (nodeToActor) *nodeToActor = std::move(toActor);
    return g;
}

namespace detail {
void Adjacency::build(const Graph& g) {
    offset.assign(g.n + 1, 0);
    const uint32_t m = g.edgeCount();
    for (uint32_t e = 0; e < m; ++e) {
        uint32_t a = g.edges[2 * e], b = g.edges[2 * e + 1];
        if (a == b || a >= g.n || b >= g.n) continue;
        ++offset[a + 1];
        ++offset[b + 1];
    }
    for (uint32_t v = 0; v < g.n; ++v) offset[v + 1] += offset[v];
    target.resize(offset[g.n]);
    std::vector<uint32_t> fill(offset.begin(), offset.end() - 1);
    for (uint32_t e = 0; e < m; ++e) {
        uint32_t a = g.edges[2 * e], b = g.edges[2 * e + 1];
        if (a == b || a >= g.n || b >= g.n) continue;
        target[fill[a]++] = b;
        target[fill[b]++] = a;
    }
}
}  // namespace detail

// ---------------------------------------------------------------------------
// 2. LayoutRun
// ---------------------------------------------------------------------------

struct LayoutRun::Impl {
    detail::LayeredState layered;
    detail::ForceState force;
};

LayoutRun::LayoutRun() : impl_(new Impl) {}
LayoutRun::~LayoutRun() {
    delete impl_;
}
LayoutRun::LayoutRun(LayoutRun&& o) noexcept
    : graph_(std::move(o.graph_)),
      opt_(o.opt_),
      pos_(std::move(o.pos_)),
      bands_(std::move(o.bands_)),
      iter_(o.iter_),
      total_(o.total_),
      impl_(o.impl_) {
    o.impl_ = nullptr;
}
LayoutRun& LayoutRun::operator=(LayoutRun&& o) noexcept {
    if (this != &o) {
        delete impl_;
        graph_ = std::move(o.graph_);
        opt_ = o.opt_;
        pos_ = std::move(o.pos_);
        bands_ = std::move(o.bands_);
        iter_ = o.iter_;
        total_ = o.total_;
        impl_ = o.impl_;
        o.impl_ = nullptr;
    }
    return *this;
}

void LayoutRun::start(const Graph& graph, const Options& options, const Positions* initial) {
    if (!impl_) impl_ = new Impl;
    *impl_ = Impl{};
    graph_ = graph;
    // Vectors may be short or empty: pad them so the layouts never index out of range.
    const uint32_t n = graph_.n;
    graph_.level.resize(n, -1);
    graph_.pinned.resize(n, 0);
    graph_.pinX.resize(n, 0.0f);
    graph_.pinY.resize(n, 0.0f);
    graph_.labelChars.resize(n, 6.0f);
    graph_.labelEm.resize(n, 4.0f);
    graph_.labelLines.resize(n, 1);
    graph_.radius.resize(n, 8.0f);
    for (uint32_t i = 0; i < n; ++i)
        if (graph_.pinned[i] && !(std::isfinite(graph_.pinX[i]) && std::isfinite(graph_.pinY[i])))
            graph_.pinned[i] = 0;
    opt_ = options;
    opt_.iterations = std::max(0, opt_.iterations);
    opt_.sweeps = std::clamp(opt_.sweeps, 0, 100);
    if (!(opt_.edgeLength > 0)) opt_.edgeLength = 80.0f;
    if (!(opt_.theta >= 0)) opt_.theta = 0.9f;
    if (!(opt_.bandHeight > 0)) opt_.bandHeight = 160.0f;
    if (!(opt_.rowHeight > 0)) opt_.rowHeight = 34.0f;
    iter_ = 0;
    bands_.clear();
    pos_.x.assign(n, 0.0f);
    pos_.y.assign(n, 0.0f);
    const Positions* init = initial && initial->x.size() == n && initial->y.size() == n ? initial : nullptr;
    if (opt_.mode == Mode::Layered) {
        detail::layeredBegin(impl_->layered, graph_, opt_, init);
        total_ = impl_->layered.phases;
    } else {
        detail::forceBegin(impl_->force, graph_, opt_, pos_, init);
        total_ = opt_.iterations;
    }
}

bool LayoutRun::doUnit() {
    if (iter_ >= total_) return false;
    if (opt_.mode == Mode::Layered)
        detail::layeredPhase(impl_->layered, graph_, opt_, pos_, bands_);
    else
        detail::forceIteration(impl_->force, graph_, opt_, pos_, iter_);
    ++iter_;
    return iter_ < total_;
}

float LayoutRun::step(double budgetMs) {
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    while (doUnit()) {
        double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        if (ms >= budgetMs) break;
    }
    return progress();
}

float LayoutRun::stepIterations(int iterations) {
    for (int i = 0; i < iterations && doUnit(); ++i) {
    }
    return progress();
}

const std::vector<Route>& LayoutRun::routes() const {
    static const std::vector<Route> none;
    return impl_ && opt_.mode == Mode::Layered && opt_.cartographic ? impl_->layered.routes : none;
}

float LayoutRun::progress() const {
    return total_ <= 0 ? 1.0f : std::min(1.0f, float(iter_) / float(total_));
}

// ---------------------------------------------------------------------------
// 3. One-shot helpers
// ---------------------------------------------------------------------------

Positions layered(const Graph& graph, const Options& options, std::vector<Band>* bands,
                  const Positions* initial) {
    LayoutRun run;
    Options o = options;
    o.mode = Mode::Layered;
    run.start(graph, o, initial);
    while (!run.done()) run.stepIterations(1 << 20);
    if (bands) *bands = run.bands();
    return run.positions();
}

Positions force(const Graph& graph, const Options& options, const Positions* initial) {
    LayoutRun run;
    Options o = options;
    o.mode = Mode::Force;
    run.start(graph, o, initial);
    while (!run.done()) run.stepIterations(1 << 20);
    return run.positions();
}

// ---------------------------------------------------------------------------
// 4. Metrics
// ---------------------------------------------------------------------------

double stress(const Graph& g, const Positions& pos, uint32_t samples, uint64_t seed) {
    if (g.n < 2 || pos.x.size() < g.n || pos.y.size() < g.n || samples == 0) return 0.0;
    detail::Adjacency adj;
    adj.build(g);
    Rng rng(seed);
    // A few BFS sources, many targets each: a BFS per pair would cost O(samples * (n + m)).
    const uint32_t sources = std::min<uint32_t>(g.n, std::max<uint32_t>(1, samples / 256 + 8));
    const uint32_t perSource = std::max<uint32_t>(1, samples / sources);
    std::vector<int32_t> dist(g.n);
    std::vector<uint32_t> queue(g.n);
    double sumDH = 0, sumD2H2 = 0;
    std::vector<double> d, h;
    for (uint32_t s = 0; s < sources; ++s) {
        uint32_t src = rng.below(g.n);
        std::fill(dist.begin(), dist.end(), -1);
        uint32_t qh = 0, qt = 0;
        queue[qt++] = src;
        dist[src] = 0;
        while (qh < qt) {
            uint32_t v = queue[qh++];
            for (uint32_t k = adj.offset[v]; k < adj.offset[v + 1]; ++k) {
                uint32_t u = adj.target[k];
                if (dist[u] < 0) {
                    dist[u] = dist[v] + 1;
                    queue[qt++] = u;
                }
            }
        }
        for (uint32_t t = 0; t < perSource; ++t) {
            uint32_t dst = rng.below(g.n);
            if (dist[dst] <= 0) continue;  // self or other component
            double dx = double(pos.x[src]) - pos.x[dst], dy = double(pos.y[src]) - pos.y[dst];
            double dd = std::sqrt(dx * dx + dy * dy), hh = dist[dst];
            if (!std::isfinite(dd)) return INFINITY;
            d.push_back(dd);
            h.push_back(hh);
            sumDH += dd / hh;
            sumD2H2 += dd * dd / (hh * hh);
        }
    }
    if (d.empty() || sumD2H2 <= 0) return d.empty() ? 0.0 : 1.0;
    const double scale = sumDH / sumD2H2;
    double st = 0;
    for (size_t i = 0; i < d.size(); ++i) {
        double r = (scale * d[i] - h[i]) / h[i];
        st += r * r;
    }
    return st / double(d.size());
}

static bool segmentsCross(double ax, double ay, double bx, double by, double cx, double cy, double dx,
                          double dy) {
    auto orient = [](double px, double py, double qx, double qy, double rx, double ry) {
        double v = (qx - px) * (ry - py) - (qy - py) * (rx - px);
        return (v > 0) - (v < 0);
    };
    int o1 = orient(ax, ay, bx, by, cx, cy), o2 = orient(ax, ay, bx, by, dx, dy);
    int o3 = orient(cx, cy, dx, dy, ax, ay), o4 = orient(cx, cy, dx, dy, bx, by);
    return o1 * o2 < 0 && o3 * o4 < 0;  // proper crossings only (collinear touches ignored)
}

uint64_t crossings(const Graph& g, const Positions& pos, uint32_t samples, uint64_t seed) {
    const uint32_t m = g.edgeCount();
    if (m < 2 || pos.x.size() < g.n) return 0;
    std::vector<uint32_t> pick;
    if (m <= samples) {
        for (uint32_t e = 0; e < m; ++e) pick.push_back(e);
    } else {
        Rng rng(seed);
        for (uint32_t i = 0; i < samples; ++i) pick.push_back(rng.below(m));
        std::sort(pick.begin(), pick.end());
        pick.erase(std::unique(pick.begin(), pick.end()), pick.end());
    }
    uint64_t count = 0;
    for (size_t i = 0; i < pick.size(); ++i) {
        uint32_t a = g.edges[2 * pick[i]], b = g.edges[2 * pick[i] + 1];
        if (a >= g.n || b >= g.n || a == b) continue;
        for (size_t j = i + 1; j < pick.size(); ++j) {
            uint32_t c = g.edges[2 * pick[j]], d = g.edges[2 * pick[j] + 1];
            if (c >= g.n || d >= g.n || c == d) continue;
            if (a == c || a == d || b == c || b == d) continue;  // sharing an end is not a crossing
            count +=
                segmentsCross(pos.x[a], pos.y[a], pos.x[b], pos.y[b], pos.x[c], pos.y[c], pos.x[d], pos.y[d]);
        }
    }
    return count;
}

}  // namespace qfq::layout
