// tests/unit/test_query_national.cpp — layout and query on the real maps in data/
// (loaded with io::loadFile): the questions a newcomer asks on day one.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "io/load.h"
#include "layout/layout.h"
#include "query/query.h"
#include "query/search.h"

using namespace qfq;

namespace {

const Map& national() {
    static io::LoadResult r = io::loadFile(std::string(QFQ_SOURCE_DIR) + "/data/national.json");
    REQUIRE(r.ok);
    return r.map;
}

const Map& ariege() {
    static io::LoadResult r = io::loadFile(std::string(QFQ_SOURCE_DIR) + "/data/territories/ariege.json");
    REQUIRE(r.ok);
    return r.map;
}

std::string topId(const Map& m, const query::SearchIndex& ix, const char* q) {
    auto h = ix.search(q, 1);
    if (h.empty()) return "";
    return h[0].glossary ? "glossary:" + m.glossary[h[0].index].term : m.actors[h[0].index].id;
}

}  // namespace

TEST_CASE("national map: search finds what newcomers type") {
    const Map& m = national();
    query::SearchIndex ix;
    ix.build(m);
    CHECK(topId(m, ix, "drane") == "drane");
    CHECK(topId(m, ix, "DRANE") == "drane");
    CHECK(topId(m, ix, "délégation numérique") == "drane");
    CHECK(topId(m, ix, "educonect") == "educonnect");
    CHECK(topId(m, ix, "erun") == "erun");
    CHECK(topId(m, ix, "Canopé") == "canope");
    auto dane = ix.search("DANE", 3);
    REQUIRE(!dane.empty());
    CHECK(m.actors[dane[0].index].id == "drane");
    CHECK(dane[0].field == query::Field::FormerName);
    CHECK(query::explain(dane[0], m, Lang::En).rfind("former name of DRANE", 0) == 0);
}

TEST_CASE("national map: a path from the DNE down to an école") {
    const Map& m = national();
    query::Network net;
    net.build(m);
    long dne = m.findActor("dne"), ecole = m.findActor("ecole");
    REQUIRE(dne >= 0);
    REQUIRE(ecole >= 0);
    auto r = net.paths(uint32_t(dne), uint32_t(ecole), 3);
    REQUIRE(!r.paths.empty());
    CHECK(!r.undirected);
    CHECK(r.paths[0].actors.front() == uint32_t(dne));
    CHECK(r.paths[0].actors.back() == uint32_t(ecole));
    for (size_t i = 1; i < r.paths.size(); ++i)
        CHECK(r.paths[i].actors.size() >= r.paths[i - 1].actors.size());
    auto c = net.centrality();
    REQUIRE(c.betweenness.size() == m.actors.size());
    for (double b : c.betweenness) CHECK((b >= 0 && b <= 1));
}

TEST_CASE("national map: whom to contact for the ENT in the académie de Toulouse") {
    const Map& m = national();
    auto r = query::contact(m, "ent", "ac-toulouse", Lang::Fr);
    REQUIRE(r.ok);
    REQUIRE(!r.hits.empty());
    for (size_t i = 1; i < r.hits.size(); ++i) CHECK(r.hits[i - 1].distance <= r.hits[i].distance);
    // The académie's own typical actors first, then the région académique's (the DRANE).
    CHECK(r.hits[0].distance == 0);
    bool drane = false;
    for (const auto& h : r.hits) drane |= m.actors[h.actor].id == "drane";
    CHECK(drane);
}

TEST_CASE("Ariège map: contacts start in the département") {
    const Map& m = ariege();
    auto r = query::contact(m, "ent", "Ariège", Lang::Fr);
    REQUIRE(r.ok);
    REQUIRE(!r.hits.empty());
    CHECK(m.territories[size_t(r.territory)].id == "dep-09");
    CHECK(r.hits[0].distance == 0);
}

TEST_CASE("national map: layered layout keeps labels apart, force layout stays finite") {
    const Map& m = national();
    layout::Graph g = layout::graphFromMap(m, Lang::Fr);
    layout::Options o;
    std::vector<layout::Band> bands;
    layout::Positions p = layout::layered(g, o, &bands);
    CHECK(bands.size() == m.levels.size());
    int overlaps = 0;
    for (uint32_t a = 0; a < g.n; ++a)
        for (uint32_t b = a + 1; b < g.n; ++b)
            if (p.y[a] == p.y[b] &&
                std::fabs(p.x[a] - p.x[b]) <
                    (layout::labelWidth(o, g.labelChars[a]) + layout::labelWidth(o, g.labelChars[b])) * 0.5f -
                        0.01f)
                ++overlaps;
    CHECK(overlaps == 0);
    o.mode = layout::Mode::Force;
    o.levelGravity = 0.5f;
    layout::Positions f = layout::force(g, o);
    for (uint32_t i = 0; i < g.n; ++i) CHECK((std::isfinite(f.x[i]) && std::isfinite(f.y[i])));
}
