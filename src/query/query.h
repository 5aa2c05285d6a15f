// query/query.h — questions asked of a map: filters, neighbourhood, paths, centrality and
// "whom do I contact for topic T in territory X".
//
// Contents
//   1. Filters → visibility masks
//   2. Network: the visible relation graph (Boost.Graph CSR), built once per map/filter
//      2a. neighbourhood (actors within N hops)
//      2b. k shortest paths (directed first, undirected fallback)
//      2c. centrality (degree, betweenness)
//   3. Territories and contacts
//
// Everything takes indices into the Map's arrays and tolerates bad input (unknown indices,
// self-loops, duplicate relations, empty maps): results are then empty, never a crash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/map.h"

namespace qfq::query {

// ---------------------------------------------------------------------------
// 1. Filters
// ---------------------------------------------------------------------------

// Per-actor and per-relation visibility (1 = shown). Empty vectors mean "all shown".
struct Masks {
    std::vector<uint8_t> actors, relations;
    bool actorShown(size_t a) const { return actors.empty() || (a < actors.size() && actors[a]); }
    bool relationShown(size_t r) const { return relations.empty() || (r < relations.size() && relations[r]); }
};

struct Filter {
    // Per category index (Map::levels, actorKinds, relationKinds): 1 = shown. Empty = all.
    std::vector<uint8_t> levels, kinds, relationKinds;
    // -1 = everywhere. Else only actors of that territory, of the territories above it
    // (who it reports to), of those below it, and actors without a territory.
    int territory = -1;
    bool sureOnly = false;  // hide "unsure" actors and relations
};

// A relation is shown when its kind and confidence pass and both its actors are shown.
Masks applyFilter(const Map& map, const Filter& filter);

// ---------------------------------------------------------------------------
// 2. Network
// ---------------------------------------------------------------------------

struct Neighbourhood {
    std::vector<uint32_t> actors;     // BFS order, the centre first
    std::vector<int> depth;           // hops from the centre, parallel to actors
    std::vector<uint32_t> relations;  // shown relations between these actors, ascending
};

struct Path {
    std::vector<uint32_t> actors;     // from ... to
    std::vector<uint32_t> relations;  // relations[i] links actors[i] and actors[i + 1]
    std::vector<uint8_t> forward;     // 1 = walked in the relation's direction (or undirected)
    double cost = 0;                  // chainPaths(): the summed institutional cost
};

struct PathResult {
    std::vector<Path> paths;  // shortest first, distinct actor sequences
    bool undirected = false;  // no directed path: these ignore relation directions
    bool truncated = false;   // the work budget ran out: fewer than k paths, the shortest first
};

struct Centrality {
    std::vector<uint32_t> in, out, degree;  // shown relations; self-loops count once
    std::vector<double> betweenness;        // normalised 0..1; empty when not computed
};

class Network {
public:
    Network();
    ~Network();
    Network(Network&&) noexcept;
    Network& operator=(Network&&) noexcept;
    Network(const Network&) = delete;
    Network& operator=(const Network&) = delete;

    // Keeps no reference to the map; masks may be null (all shown).
    void build(const Map& map, const Masks* masks = nullptr);
    uint32_t actorCount() const { return n_; }

    // Actors within `depth` hops of `actor`, relations taken both ways.
    Neighbourhood neighbourhood(uint32_t actor, int depth) const;
    // Up to k (at most 64) shortest paths with distinct actor sequences (Yen's algorithm on
    // BFS). Directed relations are first followed in their direction only; when no such path
    // exists, directions are ignored and `undirected` is set. Yen runs one BFS per hop of
    // each path found: on a 100k-long chain that is 10^10 steps, so once the BFS work
    // (actors reset + arcs examined) passes `maxWork` it stops and sets `truncated` (the
    // shortest path is always returned).
    PathResult paths(uint32_t from, uint32_t to, int k = 3, uint64_t maxWork = kDefaultPathWork) const;
    static constexpr uint64_t kDefaultPathWork = 50'000'000;
    // The same, ranked by institutional cost instead of hop count ("how does X reach Y"):
    // each relation costs relationCost() (authority, steering and appointment cheapest,
    // funding and membership dearest) and passing through a programme, a service or an
    // association costs extra, so DNE → DRANE → IA-DASEN → ERUN → école comes before
    // DNE → TNE → école. Directed first, undirected fallback, bounded as paths().
    PathResult chainPaths(uint32_t from, uint32_t to, int k = 3, uint64_t maxWork = kDefaultPathWork) const;
    // Betweenness (Brandes, Boost.Graph) costs about n × (n + m) steps: it is computed only
    // while that stays under `maxBetweennessWork` (a complete graph of 2,000 actors would
    // take 4·10^9); above, `betweenness` is empty and degree is the measure.
    Centrality centrality(uint64_t maxBetweennessWork = kDefaultBetweennessWork) const;
    static constexpr uint64_t kDefaultBetweennessWork = 50'000'000;

    struct Impl;

private:
    PathResult yen(uint32_t from, uint32_t to, int k, uint64_t maxWork, bool byCost) const;
    Impl* impl_ = nullptr;
    uint32_t n_ = 0;
};

// What one step costs a chain path: the relation kind's weight (by kind id: authority,
// steers, appoints 1 … funds, member-of 4; kinds a map declares that are not in the
// table cost 3) plus, when the step enters an actor that is a programme, a digital
// service, an association, a company or users, a detour cost (a chain passes through
// offices and persons). `relation` out of range: 0.
double relationCost(const Map& map, uint32_t relation, uint32_t enteredActor);

// ---------------------------------------------------------------------------
// 3. Territories and contacts
// ---------------------------------------------------------------------------

// A territory by id ("ac-toulouse"), else by name, accent- and case-insensitively
// ("Ariège", "academie de toulouse"); whole name first, then names containing the words.
// -1 when none.
int findTerritory(const Map& map, std::string_view idOrName);

// The territory and the ones above it, nearest first (cycles and bad parents stop it).
std::vector<int> territoryChain(const Map& map, int territory);

// The office holding role `actor` for `territory`: the nearest territory, from `territory`
// upwards, whose `offices` name one (data/README.md section 3), or nullptr. `foundAt`, when
// given, receives the index of that territory (-1 when none).
const Office* officeFor(const Map& map, uint32_t actor, int territory, int* foundAt = nullptr);

struct ContactHit {
    uint32_t actor = 0;
    int territory = -1;    // the chain territory it answers for; -1 = the whole map
    int distance = 0;      // steps up from the asked territory (whole map = chain length)
    bool byTopic = true;   // listed in `topics`; false = one of its missions mentions it
    bool typical = false;  // no territory of its own: a typical role ("the DRANE") that
                           // stands for the chain's territory of its level
    std::string explanation;
    // The concrete office of this role for the asked territory ("DSDEN du Finistère"), from
    // officeFor(); officeTerritory = -1 and empty strings when the map names none.
    int officeTerritory = -1;
    std::string officeName, officeUrl;
    bool officeUnsure = false;
};

struct ContactResult {
    bool ok = false;
    std::string error;  // unknown territory, empty topic…
    int territory = -1;
    std::vector<ContactHit> hits;  // nearest territory first
};

// Actors whose `topics` hold the topic (or one of whose missions mentions it as whole
// words, folded), in the asked territory (id or name) or a territory above it, nearest
// first; then topic before mission, then the more local level. An actor without a
// territory is a typical role and answers for the chain's territory of its level.
ContactResult contact(const Map& map, std::string_view topic, std::string_view territory,
                      Lang lang = Lang::Fr, const Masks* masks = nullptr);

}  // namespace qfq::query
