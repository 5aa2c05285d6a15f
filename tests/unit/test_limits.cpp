// tests/unit/test_limits.cpp — hostile inputs stay bounded: the loader's limits (io/limits.h,
// data/README.md section 9) and the engine on adversarial graphs (a star of 100k leaves, a
// complete graph of 2,000 actors, a 100k-long chain, 100k actors pinned on one spot, a
// 100k-deep territory chain). Each test checks what the bound produces (a refusal naming
// the limit, a truncated answer, a skipped measure), never a time.
//
// Contents
//   1. Loader limits
//   2. Adversarial graphs: layout
//   3. Adversarial graphs: queries

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "io/internal.h"
#include "io/limits.h"
#include "layout/layout.h"
#include "query/query.h"
#include "query/search.h"
#include "test_io_fixture.h"

using qfq::io::Limits;

namespace {

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

// A map built in memory (the loader's limits do not apply: this is what the engine must
// survive whatever reaches it).
qfq::Map plainMap(uint32_t actors) {
    qfq::Map m;
    m.levels = {{"national", {"National", ""}, 0x1f4e79}, {"local", {"Local", ""}, 0x2e75b6}};
    m.actorKinds = {{"etat", {"État", ""}, 0x2e75b6}};
    m.relationKinds = {{"pilote", {"pilote", ""}, 0xc00000}};
    m.actors.resize(actors);
    for (uint32_t i = 0; i < actors; ++i) {
        m.actors[i].id = numbered("a", i);
        m.actors[i].name = {"Acteur " + std::to_string(i), ""};
        m.actors[i].level = i == 0 ? 0 : 1;
        m.actors[i].topics = {"ent"};
    }
    m.reindex();
    return m;
}

void relate(qfq::Map& m, uint32_t a, uint32_t b, bool directed = true) {
    qfq::Relation r;
    r.from = a, r.to = b, r.directed = directed;
    m.relations.push_back(r);
}

qfq::Map star(uint32_t leaves) {
    qfq::Map m = plainMap(leaves + 1);
    m.relations.reserve(leaves);
    for (uint32_t i = 1; i <= leaves; ++i) relate(m, 0, i);
    return m;
}

qfq::Map complete(uint32_t n) {
    qfq::Map m = plainMap(n);
    m.relations.reserve(size_t(n) * (n - 1) / 2);
    for (uint32_t i = 0; i < n; ++i)
        for (uint32_t j = i + 1; j < n; ++j) relate(m, i, j, false);
    return m;
}

bool allFinite(const qfq::layout::Positions& p) {
    for (size_t i = 0; i < p.x.size(); ++i)
        if (!std::isfinite(p.x[i]) || !std::isfinite(p.y[i])) return false;
    return true;
}

// Runs a whole layout; returns the number of work units it took.
int runLayout(const qfq::layout::Graph& g, qfq::layout::Options o, qfq::layout::Positions& out) {
    qfq::layout::LayoutRun run;
    run.start(g, o);
    int units = 0;
    while (!run.done() && units < 100000) run.stepIterations(1), ++units;
    out = run.positions();
    return units;
}

json manyActors(size_t n) {
    json doc = baseMap();
    json& actors = doc["actors"];
    for (size_t i = 0; i < n; ++i) actors.push_back(actor(numbered("x", i)));
    return doc;
}

}  // namespace

// ---------------------------------------------------------------------------
// 1. Loader limits
// ---------------------------------------------------------------------------

TEST_CASE("limits: names, labels and titles over 300 characters are refused, at their place") {
    json doc = baseMap();
    doc["actors"][0]["name"] = {{"fr", std::string(Limits::kNameChars, 'n')}};  // at the limit: fine
    CHECK(loadJson(doc).ok);
    doc["actors"][0]["name"] = {{"fr", std::string(Limits::kNameChars + 1, 'n')}};
    doc["levels"][1]["label"] = std::string(400, 'l');
    doc["actors"][0]["aliases"] = {std::string(301, 'a')};
    LoadResult r = loadJson(doc);
    CHECK_PROBLEM(r, "/actors/0/name/fr", "string too long (301 characters, limit 300)");
    CHECK(find(r, "/levels/1/label", "limit 300") != nullptr);
    CHECK(find(r, "/actors/0/aliases/0", "limit 300") != nullptr);
    // Code points, not bytes: 300 accented letters are 600 bytes and still fine.
    std::string accented;
    for (size_t i = 0; i < Limits::kNameChars; ++i) accented += "é";
    doc = baseMap();
    doc["actors"][0]["name"] = accented;
    CHECK(loadJson(doc).ok);
}

TEST_CASE("limits: a 10 MB string is refused by the parser, quickly and once") {
    json doc = baseMap();
    doc["actors"][0]["name"] = std::string(10 * 1024 * 1024, 'A');
    LoadResult r = loadJson(doc);
    CHECK_PROBLEM(r, "/actors/0/name", "string too long");
    CHECK(errorCount(r) == 1);  // no second report of the same string by the checker
}

TEST_CASE("limits: too many tours, steps, glossary entries or categories name the array and the limit") {
    json doc = baseMap();
    json tour = doc["tours"][0];
    for (size_t i = 0; i < Limits::kTours; ++i) {
        tour["id"] = numbered("t", i);
        doc["tours"].push_back(tour);
    }
    json kind = doc["actorKinds"][0];
    for (size_t i = 0; i < Limits::kCategories; ++i) {
        kind["id"] = numbered("k", i);
        doc["actorKinds"].push_back(kind);
    }
    LoadResult r = loadJson(doc);
    CHECK_PROBLEM(r, "/tours", "too many items (201, limit 200)");
    CHECK(find(r, "/actorKinds", "too many items (1002, limit 1000)") != nullptr);
    doc = baseMap();
    json step = doc["tours"][0]["steps"][0];
    for (size_t i = 0; i < Limits::kTours; ++i) doc["tours"][0]["steps"].push_back(step);
    CHECK_PROBLEM(loadJson(doc), "/tours/0/steps", "too many items (202, limit 200)");
}

TEST_CASE("limits: at most 200 problems are listed, then one line counts the rest") {
    json doc = baseMap();
    for (int i = 0; i < 1000; ++i)
        doc["relations"].push_back({{"from", "nobody"}, {"to", "dne"}, {"kind", "pilote"}});
    LoadResult r = loadJson(doc);
    CHECK_FALSE(r.ok);
    CHECK(r.map.actors.empty());
    REQUIRE(r.problems.size() == qfq::io::detail::Problems::kMaxListed + 1);
    const Problem& last = r.problems.back();
    CHECK(last.message.en.find("more problem(s) not shown") != std::string::npos);
    CHECK(last.message.fr.find("non affiché") != std::string::npos);
    // Each relation is reported (unknown actor, and its default id "nobody--pilote--dne"
    // repeated): the rest are counted, not located nor formatted.
    CHECK(last.message.en.find("… and ") == 0);
}

TEST_CASE("limits: merged maps are bounded too (glossary of base + overlay)") {
    Files files;
    json base = baseMap();
    json entry = base["glossary"][0];
    entry.erase("see");
    for (size_t i = 0; i < Limits::kGlossary - 10; ++i) {
        entry["term"] = numbered("B", i);
        base["glossary"].push_back(entry);
    }
    files.put("base.json", base);
    json overlay = minimalOverlay("base");
    overlay["glossary"] = json::array();
    for (int i = 0; i < 20; ++i) {
        entry["term"] = numbered("O", i);
        overlay["glossary"].push_back(entry);
    }
    files.put("overlay.json", overlay);
    CHECK(files.load("base.json").ok);  // each file alone is within the limit
    LoadResult r = files.load("overlay.json");
    CHECK_PROBLEM(r, "/glossary", "too many items once the base maps are merged (20011, limit 20000)");
}

TEST_CASE("limits: removing and overriding 20,000 actors stays linear and exact") {
    Files files;
    files.put("base.json", manyActors(20000));
    json overlay = minimalOverlay("base");
    json removed = json::array(), overrides = json::object();
    for (int i = 0; i < 20000; i += 2) removed.push_back(numbered("x", i));
    for (int i = 1; i < 20000; i += 2) overrides[numbered("x", i)] = {{"acronym", numbered("O", i)}};
    removed.push_back("x0");  // twice: the second time it is no longer there
    overlay["remove"] = {{"actors", removed}};
    overlay["override"] = {{"actors", overrides}};
    files.put("overlay.json", overlay);
    LoadResult r = files.load("overlay.json");
    CHECK_PROBLEM(r, "/remove/actors/10000", "cannot remove actor \"x0\"");
    CHECK(errorCount(r) == 1);
    removed.erase(removed.size() - 1);
    overlay["remove"] = {{"actors", removed}};
    files.put("overlay.json", overlay);
    r = files.load("overlay.json");
    INFO(dump(r));
    REQUIRE(r.ok);
    CHECK(r.map.actors.size() == 3 + 10000);
    CHECK(r.map.findActor("x0") < 0);
    REQUIRE(r.map.findActor("x19999") >= 0);
    CHECK(r.map.actors[size_t(r.map.findActor("x19999"))].acronym == "O19999");
}

// ---------------------------------------------------------------------------
// 2. Adversarial graphs: layout
// ---------------------------------------------------------------------------

TEST_CASE("adversarial layout: star of 100k leaves, complete graph of 2,000, 100k actors on one spot") {
    using namespace qfq::layout;
    qfq::layout::Positions p;
    {
        Graph g = graphFromMap(star(100000), qfq::Lang::Fr);
        Options o;
        int units = runLayout(g, o, p);
        CHECK(units < 100);  // a handful of phases, whatever the degree
        CHECK(p.x.size() == 100001);
        CHECK(allFinite(p));
        o.mode = Mode::Force;
        o.iterations = 3;
        CHECK(runLayout(g, o, p) == 3);
        CHECK(allFinite(p));
    }
    {
        Graph g = graphFromMap(complete(2000), qfq::Lang::Fr);
        CHECK(g.edgeCount() == 1999000);
        Options o;
        runLayout(g, o, p);
        CHECK(allFinite(p));
        o.mode = Mode::Force;
        o.iterations = 3;
        CHECK(runLayout(g, o, p) == 3);
        CHECK(allFinite(p));
    }
    {
        // Every leaf pinned on the same spot: one quadtree leaf of 100k points at the depth
        // cap, which must not be walked pair by pair (10^10 pairs per iteration).
        qfq::Map m = star(100000);
        for (qfq::Actor& a : m.actors) a.pinned = true, a.x = 5, a.y = 5;
        m.actors[0].pinned = false;
        Graph g = graphFromMap(m, qfq::Lang::Fr);
        Options o;
        o.mode = Mode::Force;
        o.iterations = 3;
        CHECK(runLayout(g, o, p) == 3);
        CHECK(allFinite(p));
        CHECK(p.x[1] == 5.0f);  // pins hold
        // Unpinned, the crowd spreads out (the repulsion inside it is still felt).
        for (uint8_t& pinned : g.pinned) pinned = 0;
        o.iterations = 5;
        runLayout(g, o, p);
        CHECK(allFinite(p));
        float minX = p.x[0], maxX = p.x[0];
        for (float x : p.x) minX = std::min(minX, x), maxX = std::max(maxX, x);
        CHECK(maxX - minX > 100.0f);
    }
}

// ---------------------------------------------------------------------------
// 3. Adversarial graphs: queries
// ---------------------------------------------------------------------------

TEST_CASE("adversarial queries: star of 100k leaves") {
    qfq::Map m = star(100000);
    qfq::query::Network net;
    net.build(m);
    auto nb = net.neighbourhood(1, 2);
    CHECK(nb.actors.size() == 100001);
    CHECK(nb.relations.size() == 100000);
    auto paths = net.paths(1, 2, 64);
    REQUIRE(paths.paths.size() == 1);  // leaf → hub → leaf is the only way
    CHECK(paths.undirected);
    CHECK(paths.paths[0].actors.size() == 3);
    auto c = net.centrality();
    CHECK(c.degree[0] == 100000);
    CHECK(c.betweenness.empty());  // 10^5 × 2·10^5 steps: over the budget, degree only
    qfq::query::SearchIndex index;
    index.build(m);
    auto hits = index.search("acteur 99999", 5);
    REQUIRE(!hits.empty());
    CHECK(m.actors[hits[0].index].id == "a99999");
}

TEST_CASE("adversarial queries: complete graph of 2,000 actors") {
    qfq::Map m = complete(2000);
    qfq::query::Network net;
    net.build(m);
    auto c = net.centrality();
    CHECK(c.betweenness.empty());  // 2,000 × 2·10^6: 4·10^9 steps would take minutes
    CHECK(c.degree[7] == 1999);
    auto paths = net.paths(0, 1, 64);
    CHECK(paths.paths.size() == 64);  // the direct edge, then 63 two-hop detours
    CHECK(paths.paths[0].actors.size() == 2);
    CHECK(paths.paths[1].actors.size() == 3);
    CHECK_FALSE(paths.truncated);
    CHECK(net.neighbourhood(0, 1).actors.size() == 2000);
    // A small graph still gets its betweenness under the same default budget.
    qfq::query::Network small;
    small.build(complete(50));
    CHECK(small.centrality().betweenness.size() == 50);
}

TEST_CASE("adversarial queries: k paths along a 100k-long chain stop early, shortest first") {
    qfq::Map m = plainMap(100000);
    for (uint32_t i = 0; i + 1 < 100000; ++i) relate(m, i, i + 1);
    qfq::query::Network net;
    net.build(m);
    auto r = net.paths(0, 99999, 3);
    REQUIRE(r.paths.size() == 1);
    CHECK(r.paths[0].actors.size() == 100000);
    CHECK(r.truncated);  // Yen would run one BFS per hop: 10^5 × 10^5
    // On a small chain the same call is complete (and says so).
    qfq::query::Network small;
    qfq::Map s = plainMap(10);
    for (uint32_t i = 0; i + 1 < 10; ++i) relate(s, i, i + 1);
    small.build(s);
    auto one = small.paths(0, 9, 3);
    CHECK(one.paths.size() == 1);
    CHECK_FALSE(one.truncated);
}

TEST_CASE("adversarial queries: a 100k-deep territory chain, with a cycle at its top") {
    qfq::Map m = plainMap(4);
    const int n = 100000;
    m.territories.resize(size_t(n));
    for (int t = 0; t < n; ++t) {
        m.territories[size_t(t)].id = numbered("t", t);
        m.territories[size_t(t)].parent = t + 1 < n ? t + 1 : n - 2;  // t99998 ↔ t99999
    }
    m.actors[1].territory = 0;      // the bottom
    m.actors[2].territory = n - 1;  // in the cycle at the top
    m.actors[3].territory = 50000;  // the middle
    CHECK(qfq::query::territoryChain(m, 0).size() == size_t(n));
    qfq::query::Filter f;
    f.territory = 50000;
    qfq::query::Masks masks = qfq::query::applyFilter(m, f);
    CHECK(masks.actorShown(0));  // no territory: shown everywhere
    CHECK(masks.actorShown(1));  // below the filter's territory
    CHECK(masks.actorShown(2));  // above it
    CHECK(masks.actorShown(3));  // it
    // A side branch (t → a territory that is not on the chain) is neither above nor below.
    m.territories.push_back({"side", {"Side", ""}, 1, 40000});
    m.actors[1].territory = n;  // under t40000, below t50000
    f.territory = 60000;
    masks = qfq::query::applyFilter(m, f);
    CHECK(masks.actorShown(1));
    f.territory = n;  // the side branch itself: t40000 … are above it, t50000 too
    masks = qfq::query::applyFilter(m, f);
    CHECK(masks.actorShown(3));
    m.actors[3].territory = 0;  // t0 is below t40000 but not below the side branch
    masks = qfq::query::applyFilter(m, f);
    CHECK_FALSE(masks.actorShown(3));
}
