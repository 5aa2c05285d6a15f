// query/query.cpp — filters, the relation network (Boost.Graph), territories, contacts.
//
// Contents
//   1. Filters
//   2. Network: CSR graph of arcs, filtered BFS
//   3. Neighbourhood
//   4. k shortest paths (Yen)
//   5. Centrality
//   6. Territories and contacts
#include "query/query.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <queue>
#include <utility>

#include "query/search.h"

namespace qfq::query {

// ---------------------------------------------------------------------------
// 1. Filters
// ---------------------------------------------------------------------------

static bool shownIn(const std::vector<uint8_t>& set, int i) {
    return set.empty() || (i >= 0 && size_t(i) < set.size() && set[size_t(i)]);
}

Masks applyFilter(const Map& map, const Filter& f) {
    Masks m;
    const size_t nt = map.territories.size();
    // Territories related to the filter's: itself, its ancestors and its descendants.
    std::vector<uint8_t> related;
    if (f.territory >= 0 && size_t(f.territory) < nt) {
        // Descendants: below[t] is 0 = not known yet, 1 = below the filter's territory (or
        // it), 2 = not. Each walk up stops at the first territory already known, so the pass
        // is linear in the number of territories even for a 100k-long parent chain.
        std::vector<uint8_t> below(nt, 0), onWalk(nt, 0);
        below[size_t(f.territory)] = 1;
        std::vector<size_t> walk;
        for (size_t t = 0; t < nt; ++t) {
            walk.clear();
            uint8_t verdict = 2;  // reached the top without meeting it
            for (int u = int(t); u >= 0 && size_t(u) < nt; u = map.territories[size_t(u)].parent) {
                if (onWalk[size_t(u)]) break;  // a cycle: not below
                if (below[size_t(u)]) {
                    verdict = below[size_t(u)];
                    break;
                }
                onWalk[size_t(u)] = 1;
                walk.push_back(size_t(u));
            }
            for (size_t u : walk) below[u] = verdict, onWalk[u] = 0;
        }
        related.assign(nt, 0);
        for (size_t t = 0; t < nt; ++t) related[t] = below[t] == 1;
        for (int t : territoryChain(map, f.territory)) related[size_t(t)] = 1;  // above it
    }
    m.actors.resize(map.actors.size());
    for (size_t a = 0; a < map.actors.size(); ++a) {
        const Actor& x = map.actors[a];
        bool shown = shownIn(f.levels, x.level) && shownIn(f.kinds, x.kind) &&
                     !(f.sureOnly && x.confidence == Confidence::Unsure);
        if (shown && !related.empty() && x.territory >= 0)
            shown = size_t(x.territory) < nt && related[size_t(x.territory)];
        m.actors[a] = shown;
    }
    m.relations.resize(map.relations.size());
    for (size_t r = 0; r < map.relations.size(); ++r) {
        const Relation& x = map.relations[r];
        m.relations[r] = shownIn(f.relationKinds, x.kind) &&
                         !(f.sureOnly && x.confidence == Confidence::Unsure) && m.actorShown(x.from) &&
                         m.actorShown(x.to) && x.from < map.actors.size() && x.to < map.actors.size();
    }
    return m;
}

// ---------------------------------------------------------------------------
// 2. Network
// ---------------------------------------------------------------------------

namespace {

struct Arc {
    uint32_t relation = 0;
    uint8_t forward = 1;  // follows the relation's direction (both arcs of an undirected one)
};
using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, Arc, boost::no_property,
                                               uint32_t, uint32_t>;
using Vertex = boost::graph_traits<Csr>::vertex_descriptor;
using Edge = boost::graph_traits<Csr>::edge_descriptor;

// Which arcs a search may take: directions, removed arcs/nodes (Yen), a depth limit (BFS
// stops expanding nodes at maxDepth: their out-arcs are filtered away).
struct ArcFilter {
    const Csr* g = nullptr;
    bool directedOnly = false;
    const uint8_t* removedArc = nullptr;
    const int* dist = nullptr;
    int maxDepth = 0;
    bool operator()(const Edge& e) const {
        if (directedOnly && !(*g)[e].forward) return false;
        if (removedArc && removedArc[get(boost::edge_index, *g, e)]) return false;
        if (dist && dist[source(e, *g)] >= maxDepth) return false;
        return true;
    }
};
struct NodeFilter {
    const uint8_t* removed = nullptr;
    bool operator()(Vertex v) const { return !removed || !removed[v]; }
};
using View = boost::filtered_graph<Csr, ArcFilter, NodeFilter>;

struct Found {};  // thrown to stop a BFS once the target is reached

struct Recorder : boost::default_bfs_visitor {
    const Csr* g;
    int* dist;
    uint32_t* predArc;  // arc index that discovered the vertex
    Vertex target;
    uint64_t* work;  // arcs examined, for callers that bound their total work
    template <class E, class G>
    void examine_edge(E, const G&) const {
        ++*work;
    }
    template <class E, class G>
    void tree_edge(E e, const G&) const {
        Vertex u = source(e, *g), v = boost::target(e, *g);
        dist[v] = dist[u] + 1;
        predArc[v] = get(boost::edge_index, *g, e);
        if (v == target) throw Found{};
    }
};

}  // namespace

struct Network::Impl {
    Csr g;
    std::vector<uint32_t> arcSource, arcTarget;  // per arc index
    std::vector<Arc> arcs;
    std::vector<double> arcCost;           // per arc index: relationCost() of its step
    std::vector<uint8_t> shown;            // per actor
    std::vector<uint32_t> relFrom, relTo;  // shown relations (for degree)
    std::vector<uint32_t> relIds;
    std::vector<uint8_t> relDirected;
    // BFS scratch
    mutable uint64_t work = 0;  // steps taken by bfs() so far (vertices reset + arcs examined)
    mutable std::vector<int> dist;
    mutable std::vector<uint32_t> predArc;
    mutable std::vector<boost::default_color_type> colour;

    // Runs a BFS from src; returns true when dst (if any) was reached.
    // With maxDepth > 0 in af, expansion stops at that depth (af.dist is set here, after
    // the scratch arrays are sized).
    bool bfs(uint32_t src, uint32_t dst, ArcFilter af, const NodeFilter& nf) const {
        const uint32_t n = uint32_t(num_vertices(g));
        dist.assign(n, -1);
        af.dist = af.maxDepth > 0 ? dist.data() : nullptr;
        predArc.assign(n, UINT32_MAX);
        colour.assign(n, boost::white_color);
        dist[src] = 0;
        View view(g, af, nf);
        Recorder rec;
        rec.g = &g;
        rec.dist = dist.data();
        rec.predArc = predArc.data();
        rec.target = dst < n ? dst : Vertex(-1);
        rec.work = &work;
        work += n;  // the scratch arrays above
        try {
            boost::breadth_first_search(view, src,
                                        boost::visitor(rec).color_map(boost::make_iterator_property_map(
                                            colour.begin(), get(boost::vertex_index, g))));
        } catch (const Found&) {
            return true;
        }
        return dst < n && dist[dst] >= 0;
    }
    // Path from the last BFS's predecessor arcs.
    Path pathTo(uint32_t src, uint32_t dst) const {
        Path p;
        for (uint32_t v = dst; v != src;) {
            const uint32_t a = predArc[v];
            p.actors.push_back(v);
            p.relations.push_back(arcs[a].relation);
            p.forward.push_back(arcs[a].forward);
            v = arcSource[a];
        }
        p.actors.push_back(src);
        std::reverse(p.actors.begin(), p.actors.end());
        std::reverse(p.relations.begin(), p.relations.end());
        std::reverse(p.forward.begin(), p.forward.end());
        for (uint32_t v = dst; v != src; v = arcSource[predArc[v]]) p.cost += arcCost[predArc[v]];
        return p;
    }
    // Cheapest path by arcCost (Dijkstra) under the same filters as bfs(); fills predArc.
    bool dijkstra(uint32_t src, uint32_t dst, const ArcFilter& af, const NodeFilter& nf) const {
        const uint32_t n = uint32_t(num_vertices(g));
        work += n;
        cost.assign(n, 1e300);
        predArc.assign(n, UINT32_MAX);
        using Item = std::pair<double, uint32_t>;
        std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
        cost[src] = 0;
        heap.push({0.0, src});
        while (!heap.empty()) {
            auto [d, u] = heap.top();
            heap.pop();
            if (d > cost[u]) continue;
            if (u == dst) return true;
            for (auto e : boost::make_iterator_range(out_edges(u, g))) {
                ++work;
                if (!af(e)) continue;
                const uint32_t v = uint32_t(target(e, g));
                if (!nf(v)) continue;
                const uint32_t i = get(boost::edge_index, g, e);
                const double nd = d + arcCost[i];
                if (nd < cost[v]) {
                    cost[v] = nd;
                    predArc[v] = i;
                    heap.push({nd, v});
                }
            }
        }
        return false;
    }
    mutable std::vector<double> cost;  // Dijkstra scratch
};

Network::Network() = default;
Network::~Network() {
    delete impl_;
}
Network::Network(Network&& o) noexcept : impl_(o.impl_), n_(o.n_) {
    o.impl_ = nullptr;
    o.n_ = 0;
}
Network& Network::operator=(Network&& o) noexcept {
    if (this != &o) {
        delete impl_;
        impl_ = o.impl_;
        n_ = o.n_;
        o.impl_ = nullptr;
        o.n_ = 0;
    }
    return *this;
}

void Network::build(const Map& map, const Masks* masks) {
    delete impl_;
    impl_ = new Impl;
    n_ = uint32_t(map.actors.size());
    Impl& s = *impl_;
    s.shown.resize(n_);
    for (uint32_t a = 0; a < n_; ++a) s.shown[a] = !masks || masks->actorShown(a);
    std::vector<std::pair<uint32_t, uint32_t>> ends;
    for (uint32_t r = 0; r < map.relations.size(); ++r) {
        const Relation& x = map.relations[r];
        if (x.from >= n_ || x.to >= n_ || (masks && !masks->relationShown(r))) continue;
        if (!s.shown[x.from] || !s.shown[x.to]) continue;
        s.relIds.push_back(r);
        s.relFrom.push_back(x.from);
        s.relTo.push_back(x.to);
        s.relDirected.push_back(x.directed);
        if (x.from == x.to) continue;  // a self-loop never shortens a path
        ends.push_back({x.from, x.to});
        s.arcs.push_back({r, 1});
        ends.push_back({x.to, x.from});
        s.arcs.push_back({r, uint8_t(!x.directed)});
    }
    // The CSR constructor sorts arcs by source; keep our arc data in the same order.
    std::vector<uint32_t> idx(ends.size());
    for (uint32_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::stable_sort(idx.begin(), idx.end(),
                     [&](uint32_t a, uint32_t b) { return ends[a].first < ends[b].first; });
    std::vector<std::pair<uint32_t, uint32_t>> sortedEnds(ends.size());
    std::vector<Arc> sortedArcs(ends.size());
    for (size_t i = 0; i < idx.size(); ++i) {
        sortedEnds[i] = ends[idx[i]];
        sortedArcs[i] = s.arcs[idx[i]];
    }
    s.g = Csr(boost::edges_are_sorted, sortedEnds.begin(), sortedEnds.end(), sortedArcs.begin(), n_);
    s.arcs = std::move(sortedArcs);
    s.arcSource.resize(s.arcs.size());
    s.arcTarget.resize(s.arcs.size());
    for (auto e : boost::make_iterator_range(edges(s.g))) {
        const uint32_t i = get(boost::edge_index, s.g, e);
        s.arcSource[i] = uint32_t(source(e, s.g));
        s.arcTarget[i] = uint32_t(target(e, s.g));
        s.arcs[i] = s.g[e];  // the graph's own copy is authoritative
    }
    s.arcCost.resize(s.arcs.size());
    for (size_t i = 0; i < s.arcs.size(); ++i) {
        // Against a directed relation's direction (undirected fallback only): dearer.
        const double c = relationCost(map, s.arcs[i].relation, s.arcTarget[i]);
        s.arcCost[i] = s.arcs[i].forward ? c : 2.0 * c;
    }
}

double relationCost(const Map& map, uint32_t relation, uint32_t entered) {
    if (relation >= map.relations.size()) return 0;
    const Relation& rel = map.relations[relation];
    static const std::pair<const char*, double> kWeights[] = {
        {"authority", 1.0},        {"steers", 1.0},   {"appoints", 1.0}, {"coordinates", 1.5},
        {"advises", 2.0},          {"supports", 2.0}, {"partners", 2.5}, {"trains", 3.0},
        {"provides-service", 3.0}, {"equips", 4.0},   {"funds", 4.0},    {"member-of", 4.0},
    };
    double c = 3.0;
    if (rel.kind >= 0 && size_t(rel.kind) < map.relationKinds.size())
        for (const auto& [id, w] : kWeights)
            if (map.relationKinds[size_t(rel.kind)].id == id) c = w;
    if (entered < map.actors.size()) {
        const int k = map.actors[entered].kind;
        static const std::pair<const char*, double> kDetours[] = {
            {"programme", 3.0},  {"service-numerique", 2.0}, {"association", 2.0},
            {"entreprise", 3.0}, {"usagers", 3.0},
        };
        if (k >= 0 && size_t(k) < map.actorKinds.size())
            for (const auto& [id, w] : kDetours)
                if (map.actorKinds[size_t(k)].id == id) c += w;
    }
    return c;
}

// ---------------------------------------------------------------------------
// 3. Neighbourhood
// ---------------------------------------------------------------------------

Neighbourhood Network::neighbourhood(uint32_t actor, int depth) const {
    Neighbourhood out;
    if (!impl_ || actor >= n_ || !impl_->shown[actor]) return out;
    const Impl& s = *impl_;
    depth = std::clamp(depth, 0, 1 << 20);
    ArcFilter af;
    af.g = &s.g;
    af.maxDepth = depth;
    if (depth == 0) {
        out.actors.push_back(actor);
        out.depth.push_back(0);
        for (size_t i = 0; i < s.relIds.size(); ++i)
            if (s.relFrom[i] == actor && s.relTo[i] == actor) out.relations.push_back(s.relIds[i]);
        return out;
    }
    s.bfs(actor, UINT32_MAX, af, NodeFilter{});
    std::vector<std::pair<int, uint32_t>> found;
    for (uint32_t v = 0; v < n_; ++v)
        if (s.dist[v] >= 0) found.push_back({s.dist[v], v});
    std::sort(found.begin(), found.end());
    for (auto& [d, v] : found) {
        out.actors.push_back(v);
        out.depth.push_back(d);
    }
    for (size_t i = 0; i < s.relIds.size(); ++i)
        if (s.dist[s.relFrom[i]] >= 0 && s.dist[s.relTo[i]] >= 0) out.relations.push_back(s.relIds[i]);
    std::sort(out.relations.begin(), out.relations.end());
    return out;
}

// ---------------------------------------------------------------------------
// 4. k shortest paths (Yen)
// ---------------------------------------------------------------------------

// Yen's algorithm: the k best simple paths, spurring at each node of the last path found.
// `byCost` ranks them by relationCost (Dijkstra, the institutional chain first), else by hops
// (BFS). Directed arcs first; undirected ones only when no directed path exists.
PathResult Network::yen(uint32_t from, uint32_t to, int k, uint64_t maxWork, bool byCost) const {
    PathResult out;
    if (!impl_ || from >= n_ || to >= n_ || k <= 0 || !impl_->shown[from] || !impl_->shown[to]) return out;
    const Impl& s = *impl_;
    if (from == to) {
        out.paths.push_back(Path{{from}, {}, {}, 0});
        return out;
    }
    k = std::min(k, 64);
    const uint64_t workAtStart = s.work;
    std::vector<uint8_t> removedArc(s.arcs.size(), 0), removedNode(n_, 0);
    auto better = [byCost](const Path& a, const Path& b) {
        if (byCost && a.cost != b.cost) return a.cost < b.cost;
        if (a.actors.size() != b.actors.size()) return a.actors.size() < b.actors.size();
        return a.actors < b.actors;
    };
    auto search = [&](uint32_t src, const ArcFilter& af, const NodeFilter& nf) {
        return byCost ? s.dijkstra(src, to, af, nf) : s.bfs(src, to, af, nf);
    };
    for (int pass = 0; pass < 2 && out.paths.empty(); ++pass) {
        ArcFilter af;
        af.g = &s.g;
        af.directedOnly = pass == 0;
        af.removedArc = removedArc.data();
        NodeFilter nf{removedNode.data()};
        if (!search(from, af, nf)) continue;
        std::vector<Path> A{s.pathTo(from, to)};
        std::vector<Path> B;
        while (int(A.size()) < k) {
            const Path prev = A.back();
            for (size_t i = 0; i + 1 < prev.actors.size(); ++i) {
                if (s.work - workAtStart > maxWork) {
                    out.truncated = true;
                    break;
                }
                const uint32_t spur = prev.actors[i];
                // Take away the next hop of every known path sharing this root, and the root.
                std::vector<uint32_t> cut;
                for (const Path& p : A) {
                    if (p.actors.size() <= i + 1 ||
                        !std::equal(p.actors.begin(), p.actors.begin() + long(i) + 1, prev.actors.begin()))
                        continue;
                    for (auto e : boost::make_iterator_range(out_edges(spur, s.g)))
                        if (target(e, s.g) == p.actors[i + 1]) cut.push_back(get(boost::edge_index, s.g, e));
                }
                for (uint32_t a : cut) removedArc[a] = 1;
                for (size_t j = 0; j < i; ++j) removedNode[prev.actors[j]] = 1;
                if (search(spur, af, nf)) {
                    Path spurPath = s.pathTo(spur, to);
                    Path total;
                    total.actors.assign(prev.actors.begin(), prev.actors.begin() + long(i));
                    total.relations.assign(prev.relations.begin(), prev.relations.begin() + long(i));
                    total.forward.assign(prev.forward.begin(), prev.forward.begin() + long(i));
                    for (size_t j = 0; j < i; ++j) {
                        // The root's cost, arc by arc (the same arcs the first search took).
                        for (auto e : boost::make_iterator_range(out_edges(prev.actors[j], s.g)))
                            if (target(e, s.g) == prev.actors[j + 1] &&
                                s.arcs[get(boost::edge_index, s.g, e)].relation == prev.relations[j]) {
                                total.cost += s.arcCost[get(boost::edge_index, s.g, e)];
                                break;
                            }
                    }
                    total.actors.insert(total.actors.end(), spurPath.actors.begin(), spurPath.actors.end());
                    total.relations.insert(total.relations.end(), spurPath.relations.begin(),
                                           spurPath.relations.end());
                    total.forward.insert(total.forward.end(), spurPath.forward.begin(),
                                         spurPath.forward.end());
                    total.cost += spurPath.cost;
                    auto same = [&](const Path& p) { return p.actors == total.actors; };
                    if (std::none_of(A.begin(), A.end(), same) && std::none_of(B.begin(), B.end(), same))
                        B.push_back(std::move(total));
                }
                for (uint32_t a : cut) removedArc[a] = 0;
                for (size_t j = 0; j < i; ++j) removedNode[prev.actors[j]] = 0;
            }
            if (B.empty() || out.truncated) break;
            auto best = std::min_element(B.begin(), B.end(), better);
            A.push_back(std::move(*best));
            B.erase(best);
        }
        out.paths = std::move(A);
        out.undirected = pass == 1;
    }
    return out;
}

PathResult Network::paths(uint32_t from, uint32_t to, int k, uint64_t maxWork) const {
    return yen(from, to, k, maxWork, false);
}

PathResult Network::chainPaths(uint32_t from, uint32_t to, int k, uint64_t maxWork) const {
    return yen(from, to, k, maxWork, true);
}

// ---------------------------------------------------------------------------
// 5. Centrality
// ---------------------------------------------------------------------------

Centrality Network::centrality(uint64_t maxBetweennessWork) const {
    Centrality c;
    c.in.assign(n_, 0);
    c.out.assign(n_, 0);
    c.degree.assign(n_, 0);
    if (!impl_) return c;
    const Impl& s = *impl_;
    for (size_t i = 0; i < s.relIds.size(); ++i) {
        const uint32_t a = s.relFrom[i], b = s.relTo[i];
        ++c.out[a];
        ++c.in[b];
        if (!s.relDirected[i] && a != b) {
            ++c.out[b];
            ++c.in[a];
        }
        ++c.degree[a];
        if (a != b) ++c.degree[b];
    }
    uint32_t shown = 0;
    for (uint8_t v : s.shown) shown += v;
    if (uint64_t(shown) * (uint64_t(shown) + s.relIds.size()) > maxBetweennessWork) return c;
    // Brandes on the simple undirected graph (duplicates and self-loops removed: they
    // would count the same shortest path twice).
    std::vector<std::pair<uint32_t, uint32_t>> e;
    for (size_t i = 0; i < s.relIds.size(); ++i) {
        uint32_t a = s.relFrom[i], b = s.relTo[i];
        if (a == b) continue;
        e.push_back({std::min(a, b), std::max(a, b)});
    }
    std::sort(e.begin(), e.end());
    e.erase(std::unique(e.begin(), e.end()), e.end());
    using UG = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    UG ug(e.begin(), e.end(), n_);
    c.betweenness.assign(n_, 0.0);
    boost::brandes_betweenness_centrality(ug, boost::centrality_map(boost::make_iterator_property_map(
                                                  c.betweenness.begin(), get(boost::vertex_index, ug))));
    // Pairs of other actors whose shortest paths may cross one actor: (n-1)(n-2)/2.
    const double norm = shown > 2 ? double(shown - 1) * double(shown - 2) * 0.5 : 0.0;
    for (double& b : c.betweenness) b = norm > 0 ? b / norm : 0.0;
    return c;
}

// ---------------------------------------------------------------------------
// 6. Territories and contacts
// ---------------------------------------------------------------------------

std::vector<int> territoryChain(const Map& map, int t) {
    std::vector<int> chain;
    const int nt = int(map.territories.size());
    std::vector<uint8_t> seen;  // a cycle stops the walk; linear even for a 100k-long chain
    while (t >= 0 && t < nt) {
        if (seen.empty()) seen.assign(size_t(nt), 0);
        if (seen[size_t(t)]) break;
        seen[size_t(t)] = 1;
        chain.push_back(t);
        t = map.territories[size_t(t)].parent;
    }
    return chain;
}

// Whole-word containment of folded `needle` in folded `hay`.
static bool containsWords(std::string_view hay, std::string_view needle) {
    if (needle.empty()) return false;
    for (size_t p = hay.find(needle); p != std::string_view::npos; p = hay.find(needle, p + 1)) {
        const bool startOk = p == 0 || hay[p - 1] == ' ';
        const bool endOk = p + needle.size() == hay.size() || hay[p + needle.size()] == ' ';
        if (startOk && endOk) return true;
    }
    return false;
}

int findTerritory(const Map& map, std::string_view q) {
    const auto& ts = map.territories;
    for (size_t t = 0; t < ts.size(); ++t)
        if (ts[t].id == q) return int(t);
    const std::string f = fold(q);
    if (f.empty()) return -1;
    for (size_t t = 0; t < ts.size(); ++t)
        if (fold(ts[t].name.fr) == f || fold(ts[t].name.en) == f || fold(ts[t].id) == f) return int(t);
    // Names containing the words: the most general such territory (lowest level index),
    // so "Toulouse" finds the académie rather than a circonscription named after it.
    int best = -1;
    for (size_t t = 0; t < ts.size(); ++t)
        if (containsWords(fold(ts[t].name.fr), f) || containsWords(fold(ts[t].name.en), f))
            if (best < 0 || ts[t].level < ts[size_t(best)].level) best = int(t);
    return best;
}

const Office* officeFor(const Map& map, uint32_t actor, int territory, int* foundAt) {
    if (foundAt) *foundAt = -1;
    for (int t : territoryChain(map, territory))
        for (const Office& o : map.territories[size_t(t)].offices)
            if (o.actor == actor) {
                if (foundAt) *foundAt = t;
                return &o;
            }
    return nullptr;
}

ContactResult contact(const Map& map, std::string_view topic, std::string_view territory, Lang lang,
                      const Masks* masks) {
    ContactResult r;
    const bool fr = lang == Lang::Fr;
    const std::string ft = fold(topic);
    if (ft.empty()) {
        r.error = fr ? "thème vide" : "empty topic";
        return r;
    }
    r.territory = findTerritory(map, territory);
    if (r.territory < 0) {
        r.error = (fr ? "territoire inconnu : " : "unknown territory: ") + std::string(territory);
        return r;
    }
    r.ok = true;
    const std::vector<int> chain = territoryChain(map, r.territory);
    std::vector<int> step(map.territories.size(), -1);
    for (size_t i = 0; i < chain.size(); ++i) step[size_t(chain[i])] = int(i);
    const std::string& asked = map.territories[size_t(r.territory)].name.get(lang);

    for (uint32_t a = 0; a < map.actors.size(); ++a) {
        if (masks && !masks->actorShown(a)) continue;
        const Actor& x = map.actors[a];
        // An actor without a territory is a typical role ("the DRANE", "the IA-DASEN"):
        // it stands for the chain's territory of its own level; roles more local than the
        // asked territory are not upward and are left out.
        int d, where = x.territory;
        if (x.territory >= 0) {
            if (size_t(x.territory) >= step.size() || step[size_t(x.territory)] < 0) continue;
            d = step[size_t(x.territory)];
        } else {
            d = int(chain.size());
            for (size_t i = 0; i < chain.size(); ++i)
                if (map.territories[size_t(chain[i])].level == x.level) {
                    d = int(i);
                    where = chain[i];
                    break;
                }
            if (where < 0 && x.level > map.territories[size_t(r.territory)].level) continue;
        }
        bool byTopic = false, byMission = false;
        for (const std::string& t : x.topics) byTopic |= fold(t) == ft;
        if (!byTopic)
            for (const Text& m : x.missions)
                byMission |= containsWords(fold(m.fr), ft) || containsWords(fold(m.en), ft);
        if (!byTopic && !byMission) continue;
        ContactHit h;
        h.actor = a;
        h.territory = where;
        h.distance = d;
        h.byTopic = byTopic;
        h.typical = x.territory < 0;
        std::string place;
        if (where < 0)
            place = fr ? "toute la carte" : "the whole map";
        else {
            place = map.territories[size_t(where)].name.get(lang);
            if (h.typical) place = (fr ? "rôle type, pour " : "typical role, for ") + place;
            if (d == 0)
                place += fr ? " (territoire demandé)" : " (the territory asked)";
            else
                place += " (" + std::to_string(d) + (fr ? " niveau(x) au-dessus de " : " level(s) above ") +
                         asked + ")";
        }
        h.explanation =
            x.label(lang) + " — " + place + " ; " +
            (byTopic ? (fr ? "thème « " : "topic \"") + std::string(topic) +
                           (fr ? " » dans ses thèmes" : "\" in its topics")
                     : (fr ? "une de ses missions mentionne « " : "one of its missions mentions \"") +
                           std::string(topic) + (fr ? " »" : "\""));
        if (const Office* o = officeFor(map, a, r.territory, &h.officeTerritory)) {
            h.officeName = o->name.get(lang);
            h.officeUrl = o->url;
            h.officeUnsure = o->confidence == Confidence::Unsure;
        }
        r.hits.push_back(std::move(h));
    }
    // Nearest territory first; topic before mission; then the more local level; then index.
    std::stable_sort(r.hits.begin(), r.hits.end(), [&](const ContactHit& a, const ContactHit& b) {
        if (a.distance != b.distance) return a.distance < b.distance;
        if (a.byTopic != b.byTopic) return a.byTopic;
        const int la = map.actors[a.actor].level, lb = map.actors[b.actor].level;
        if (la != lb) return la > lb;
        return a.actor < b.actor;
    });
    return r;
}

}  // namespace qfq::query
