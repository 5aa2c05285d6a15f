// tests/unit/test_query.cpp — search, neighbourhood, paths, filters, centrality, contacts.
//
// Contents
//   1. fold
//   2. Search
//   3. Network: neighbourhood, paths, centrality
//   4. Filters
//   5. Contacts
//   6. Bad input
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "query/query.h"
#include "query/search.h"
#include "test_query_fixture.h"

using namespace qfq;
using namespace qfq::query;

namespace {
uint32_t idx(const Map& m, const char* id) {
    return uint32_t(m.findActor(id));
}
const Actor& top(const Map& m, const std::vector<Hit>& hits) {
    REQUIRE(!hits.empty());
    REQUIRE(!hits[0].glossary);
    return m.actors[hits[0].index];
}
}  // namespace

// ---------------------------------------------------------------------------
// 1. fold
// ---------------------------------------------------------------------------

TEST_CASE("fold: accents, case, ligatures, punctuation") {
    CHECK(fold("Délégation Numérique") == "delegation numerique");
    CHECK(fold("ŒUVRE cœur") == "oeuvre coeur");
    CHECK(fold("L’ÉCOLE d'Ariège") == "l ecole d ariege");
    CHECK(fold("Straße Æsir") == "strasse aesir");
    CHECK(fold("  «  INSPÉ  »  ") == "inspe");
    CHECK(fold("ac-toulouse") == "ac toulouse");
    CHECK(fold("Ÿ ĉ ł ž") == "y c l z");
    CHECK(fold("") == "");
    CHECK(fold("\xff\xfe\xc3") == "");  // invalid UTF-8: dropped, no crash
    CHECK(fold("日本") == "日本");      // other scripts kept
}

// ---------------------------------------------------------------------------
// 2. Search
// ---------------------------------------------------------------------------

TEST_CASE("search: acronyms, names, typos, former names, glossary") {
    Map m = testmaps::ariege();
    SearchIndex ix;
    ix.build(m);

    SUBCASE("drane: exact acronym first") {
        auto h = ix.search("drane");
        CHECK(top(m, h).id == "drane-toulouse");
        CHECK(h[0].field == Field::Acronym);
        CHECK(h[0].tier == Tier::Exact);
    }
    SUBCASE("case and accents do not matter") {
        CHECK(top(m, ix.search("DrAnE")).id == "drane-toulouse");
        CHECK(top(m, ix.search("inspe")).id == "inspe-toulouse");
        CHECK(top(m, ix.search("ÉCOLE élém")).id == "ecole-foix");
    }
    SUBCASE("délégation numérique: words of the name, any order") {
        auto h = ix.search("délégation numérique");
        CHECK(top(m, h).id == "drane-toulouse");
        CHECK(top(m, ix.search("numerique delegation")).id == "drane-toulouse");
        CHECK(top(m, ix.search("deleg acad")).id == "drane-toulouse");
    }
    SUBCASE("educonect: one typo still finds EduConnect") {
        auto h = ix.search("educonect");
        CHECK(top(m, h).id == "educonnect");
        CHECK(h[0].tier == Tier::Fuzzy);
        CHECK(h[0].typos == 1);
        CHECK(explain(h[0], m, Lang::En).find("close spelling") != std::string::npos);
        CHECK(top(m, ix.search("eduocnnect")).id == "educonnect");  // transposition
        CHECK(top(m, ix.search("educ")).id == "educonnect");        // prefix while typing
    }
    SUBCASE("DANE: DRANE, because it is its former name") {
        auto h = ix.search("DANE");
        CHECK(top(m, h).id == "drane-toulouse");
        CHECK(h[0].field == Field::FormerName);
        CHECK(h[0].tier == Tier::Exact);
        CHECK(h[0].text == "DANE");
        CHECK(explain(h[0], m, Lang::En) == "former name of DRANE (until 2020)");
        CHECK(explain(h[0], m, Lang::Fr) == "ancien nom de DRANE (jusqu'en 2020)");
        CHECK(top(m, ix.search("espe")).id == "inspe-toulouse");
        CHECK(top(m, ix.search("cndp")).id == "canope");
    }
    SUBCASE("erun") {
        auto h = ix.search("erun");
        CHECK(top(m, h).id == "erun-foix");
        CHECK(h[0].tier == Tier::Exact);
    }
    SUBCASE("alias and glossary say why") {
        auto h = ix.search("ENT");
        REQUIRE(!h.empty());
        CHECK(h[0].glossary);
        CHECK(h[0].field == Field::GlossaryTerm);
        CHECK(explain(h[0], m, Lang::Fr).find("glossaire") == 0);
        auto e = ix.search("espace numérique de travail");
        REQUIRE(!e.empty());
        CHECK(e[0].glossary);
        auto a = ix.search("delegation numerique");
        CHECK(a[0].field == Field::Alias);  // the alias is an exact match
        CHECK(explain(a[0], m, Lang::En) == "alias of DRANE");
    }
    SUBCASE("ranking: exact > prefix > word prefix > fuzzy; one hit per actor") {
        auto h = ix.search("d");
        for (size_t i = 1; i < h.size(); ++i) CHECK(h[i - 1].tier <= h[i].tier);
        for (size_t i = 0; i < h.size(); ++i)
            for (size_t j = i + 1; j < h.size(); ++j)
                CHECK(!(h[i].index == h[j].index && h[i].glossary == h[j].glossary));
        CHECK(ix.search("d", 2).size() == 2);
    }
    SUBCASE("nothing to find") {
        CHECK(ix.search("").empty());
        CHECK(ix.search("   ' - ").empty());
        CHECK(ix.search("zzzzzzzz").empty());
        CHECK(ix.search("drane", 0).empty());
    }
}

TEST_CASE("search: an empty map and a map of one actor") {
    Map empty;
    SearchIndex ix;
    ix.build(empty);
    CHECK(ix.search("drane").empty());
    Map one;
    one.levels = {testmaps::cat("national", "National")};
    testmaps::addActor(one, "a", "A", "Alpha", "national");
    one.reindex();
    ix.build(one);
    CHECK(ix.search("alpha").size() == 1);
    CHECK(ix.search("alpah").size() == 1);
}

// ---------------------------------------------------------------------------
// 3. Network
// ---------------------------------------------------------------------------

TEST_CASE("neighbourhood: actors within N hops, undirected") {
    Map m = testmaps::ariege();
    Network net;
    net.build(m);
    auto n0 = net.neighbourhood(idx(m, "drane-toulouse"), 0);
    CHECK(n0.actors.size() == 1);
    auto n1 = net.neighbourhood(idx(m, "drane-toulouse"), 1);
    CHECK(n1.actors[0] == idx(m, "drane-toulouse"));
    CHECK(n1.actors.size() == 4);  // itself, DNE (incoming), ERUN, INSPÉ
    for (size_t i = 1; i < n1.actors.size(); ++i) CHECK(n1.depth[i] == 1);
    CHECK(n1.relations.size() == 4);  // + INSPÉ trains ERUN: both are in
    auto n2 = net.neighbourhood(idx(m, "drane-toulouse"), 2);
    CHECK(n2.actors.size() == 8);  // + ecole, canope, educonnect, dsden-34
    CHECK(net.neighbourhood(9999, 2).actors.empty());
    CHECK(net.neighbourhood(idx(m, "dne"), 100).actors.size() == m.actors.size());
}

TEST_CASE("paths: relation kinds on the way, directed first, undirected fallback, k paths") {
    Map m = testmaps::ariege();
    Network net;
    net.build(m);
    auto r = net.paths(idx(m, "dne"), idx(m, "ecole-foix"));
    REQUIRE(!r.paths.empty());
    CHECK(!r.undirected);
    const Path& p = r.paths[0];
    REQUIRE(p.actors.size() == 4);
    CHECK(m.actors[p.actors[1]].id == "drane-toulouse");
    CHECK(m.actors[p.actors[2]].id == "erun-foix");
    REQUIRE(p.relations.size() == 3);
    CHECK(m.relationKinds[size_t(m.relations[p.relations[0]].kind)].id == "pilote");
    CHECK(m.relationKinds[size_t(m.relations[p.relations[2]].kind)].id == "accompagne");
    // Second path goes through the INSPÉ (undirected partnership with the DRANE).
    REQUIRE(r.paths.size() == 2);
    CHECK(r.paths[1].actors.size() == 5);

    auto back = net.paths(idx(m, "ecole-foix"), idx(m, "dne"), 3);
    REQUIRE(!back.paths.empty());
    CHECK(back.undirected);
    CHECK(back.paths[0].actors.size() == 4);
    CHECK(back.paths[0].forward[0] == 0);  // walked against "ERUN accompagne école"

    auto self = net.paths(idx(m, "dne"), idx(m, "dne"));
    CHECK(self.paths.size() == 1);
    CHECK(net.paths(idx(m, "dne"), 12345).paths.empty());
}

TEST_CASE("paths: k shortest distinct paths in a lattice, none across components") {
    Map m;
    m.levels = {testmaps::cat("national", "N")};
    m.relationKinds = {testmaps::cat("k", "k")};
    const char* ids[] = {"s", "a", "b", "c", "t", "x", "y"};
    for (const char* id : ids) testmaps::addActor(m, id, "", id, "national");
    m.reindex();
    for (auto [f, t] :
         {std::pair{"s", "a"}, {"s", "b"}, {"s", "c"}, {"a", "t"}, {"b", "t"}, {"c", "t"}, {"x", "y"}})
        testmaps::addRelation(m, f, "k", t);
    testmaps::addRelation(m, "s", "k", "a");  // duplicate
    testmaps::addRelation(m, "a", "k", "a");  // self-loop
    Network net;
    net.build(m);
    auto r = net.paths(idx(m, "s"), idx(m, "t"), 5);
    CHECK(r.paths.size() == 3);
    for (auto& p : r.paths) CHECK(p.actors.size() == 3);
    CHECK(r.paths[0].actors != r.paths[1].actors);
    CHECK(net.paths(idx(m, "s"), idx(m, "x"), 3).paths.empty());
}

TEST_CASE("centrality: degree and betweenness") {
    Map m;
    m.levels = {testmaps::cat("national", "N")};
    m.relationKinds = {testmaps::cat("k", "k")};
    for (const char* id : {"hub", "l1", "l2", "l3", "l4"}) testmaps::addActor(m, id, "", id, "national");
    m.reindex();
    for (const char* l : {"l1", "l2", "l3", "l4"}) testmaps::addRelation(m, "hub", "k", l);
    testmaps::addRelation(m, "hub", "k", "l1");  // duplicate: counts in degree, not in betweenness
    Network net;
    net.build(m);
    auto c = net.centrality();
    CHECK(c.out[0] == 5);
    CHECK(c.degree[0] == 5);
    CHECK(c.in[1] == 2);
    REQUIRE(c.betweenness.size() == 5);
    CHECK(c.betweenness[0] == doctest::Approx(1.0));
    CHECK(c.betweenness[1] == doctest::Approx(0.0));
    CHECK(net.centrality(3).betweenness.empty());  // above the threshold: degree only
}

// ---------------------------------------------------------------------------
// 4. Filters
// ---------------------------------------------------------------------------

TEST_CASE("filters: level, kind, relation kind, territory, confidence") {
    Map m = testmaps::ariege();
    Filter f;
    f.levels.assign(m.levels.size(), 1);
    f.levels[0] = 0;  // hide national
    Masks k = applyFilter(m, f);
    CHECK(!k.actors[idx(m, "dne")]);
    CHECK(k.actors[idx(m, "erun-foix")]);
    CHECK(!k.relations[0]);  // DNE → DRANE
    CHECK(k.relations[1]);

    Filter sure;
    sure.sureOnly = true;
    k = applyFilter(m, sure);
    CHECK(!k.actors[idx(m, "dsden-34")]);
    CHECK(!k.relations.back());

    Filter terr;
    terr.territory = findTerritory(m, "dep-09");
    k = applyFilter(m, terr);
    CHECK(k.actors[idx(m, "drane-toulouse")]);  // above Ariège
    CHECK(k.actors[idx(m, "erun-foix")]);       // below
    CHECK(k.actors[idx(m, "educonnect")]);      // everywhere
    CHECK(!k.actors[idx(m, "dsden-34")]);       // Hérault

    Filter rk;
    rk.relationKinds.assign(m.relationKinds.size(), 0);
    rk.relationKinds[3] = 1;  // "forme" only
    k = applyFilter(m, rk);
    int shown = 0;
    for (uint8_t v : k.relations) shown += v;
    CHECK(shown == 2);

    // Masks feed the network: no path through hidden actors.
    Filter noDrane;
    noDrane.kinds = {1, 1};
    Masks hide = applyFilter(m, noDrane);
    hide.actors[idx(m, "drane-toulouse")] = 0;
    hide.relations = applyFilter(m, noDrane).relations;
    for (size_t r = 0; r < m.relations.size(); ++r)
        if (m.relations[r].from == idx(m, "drane-toulouse") || m.relations[r].to == idx(m, "drane-toulouse"))
            hide.relations[r] = 0;
    Network net;
    net.build(m, &hide);
    auto p = net.paths(idx(m, "dne"), idx(m, "ecole-foix"));
    CHECK(p.paths.empty());
}

// ---------------------------------------------------------------------------
// 5. Contacts
// ---------------------------------------------------------------------------

TEST_CASE("contact: walk the territory chain upward, nearest first") {
    Map m = testmaps::ariege();
    CHECK(findTerritory(m, "ac-toulouse") == 2);
    CHECK(findTerritory(m, "Ariège") == 4);
    CHECK(findTerritory(m, "ariege") == 4);
    CHECK(findTerritory(m, "Toulouse") == 2);  // words of a name: the most general
    CHECK(findTerritory(m, "Lyon") == -1);

    auto r = contact(m, "ent", "École élémentaire de Foix", Lang::Fr);
    REQUIRE(r.ok);
    REQUIRE(r.hits.size() == 3);
    CHECK(m.actors[r.hits[0].actor].id == "erun-foix");  // a mission mentions the ENT
    CHECK(!r.hits[0].byTopic);
    CHECK(r.hits[0].distance == 1);
    CHECK(m.actors[r.hits[1].actor].id == "drane-toulouse");
    CHECK(r.hits[1].distance == 3);
    CHECK(m.actors[r.hits[2].actor].id == "dne");
    CHECK(r.hits[1].explanation.find("Académie de Toulouse") != std::string::npos);

    auto a = contact(m, "ent", "Ariège", Lang::En);
    REQUIRE(a.ok);
    REQUIRE(a.hits.size() == 2);  // ERUN is below Ariège, the Hérault DSDEN elsewhere
    CHECK(m.actors[a.hits[0].actor].id == "drane-toulouse");
    CHECK(a.hits[0].explanation.find("level(s) above Ariège") != std::string::npos);

    auto eq = contact(m, "equipment", "ac-toulouse");
    CHECK(eq.ok);
    CHECK(eq.hits.empty());  // the département is below the académie
    eq = contact(m, "equipment", "dep-09");
    REQUIRE(eq.hits.size() == 1);
    CHECK(m.actors[eq.hits[0].actor].id == "cd09");

    CHECK(!contact(m, "ent", "Atlantide").ok);
    CHECK(!contact(m, "", "dep-09").ok);
}

// ---------------------------------------------------------------------------
// 6. Bad input
// ---------------------------------------------------------------------------

TEST_CASE("bad input: no actors, cycles in territories, bad indices") {
    Map empty;
    Network net;
    net.build(empty);
    CHECK(net.neighbourhood(0, 3).actors.empty());
    CHECK(net.paths(0, 1).paths.empty());
    CHECK(net.centrality().degree.empty());
    CHECK(!contact(empty, "ent", "fr").ok);
    Masks k = applyFilter(empty, Filter{});
    CHECK(k.actors.empty());

    Map m = testmaps::ariege();
    m.territories[0].parent = 4;  // France under Ariège: a cycle
    CHECK(territoryChain(m, 4).size() == 4);
    auto r = contact(m, "ent", "dep-09");
    CHECK(r.ok);
    Filter f;
    f.territory = 4;
    f.levels = {1};  // shorter than the level list: the rest hidden
    k = applyFilter(m, f);
    CHECK(k.actors[idx(m, "dne")]);
    CHECK(!k.actors[idx(m, "erun-foix")]);

    m.relations.push_back(Relation{});
    m.relations.back().from = 999;  // dangling: ignored
    net.build(m);
    CHECK(net.paths(idx(m, "dne"), idx(m, "ecole-foix")).paths.size() >= 1);
    Network moved = std::move(net);
    CHECK(moved.actorCount() == m.actors.size());
}
