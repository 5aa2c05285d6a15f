// tests/unit/test_export_fixture.h — shared by test_export*.cpp and test_csv*.cpp: loading
// maps for the exporters and a field-by-field comparison of two maps (round trips).
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "io/load.h"
#include "test_io_fixture.h"

namespace qfq_test {

inline qfq::Map loadJson(const nlohmann::json& doc, const std::string& name = "map.json") {
    qfq::io::LoadResult r = qfq::io::loadMap(qfq::io::Document{name, doc.dump()}, {});
    for (const qfq::io::Problem& p : r.problems)
        if (!p.warning) FAIL_CHECK(qfq::io::formatProblem(p, qfq::Lang::En));
    REQUIRE(r.ok);
    return r.map;
}

// The fixture of test_io (every feature of the format) and the national base, resolved.
inline qfq::Map fixtureMap() {
    return loadJson(baseMap(), "base.json");
}
inline qfq::Map nationalMap() {
    qfq::io::LoadResult r = qfq::io::loadFile(std::string(QFQ_SOURCE_DIR) + "/data/national.json");
    REQUIRE(r.ok);
    return r.map;
}

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void checkText(const qfq::Text& a, const qfq::Text& b) {
    CHECK(a.fr == b.fr);
    CHECK(a.en == b.en);
}

inline void checkSources(const std::vector<qfq::Source>& a, const std::vector<qfq::Source>& b) {
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].url == b[i].url);
        CHECK(a[i].verified == b[i].verified);
        CHECK(a[i].title == b[i].title);
    }
}

// Every field of every actor and relation, then the whole map through toJson.
inline void checkSameMap(const qfq::Map& a, const qfq::Map& b) {
    REQUIRE(a.actors.size() == b.actors.size());
    for (size_t i = 0; i < a.actors.size(); ++i) {
        const qfq::Actor &x = a.actors[i], &y = b.actors[i];
        CAPTURE(x.id);
        CHECK(x.id == y.id);
        CHECK(x.acronym == y.acronym);
        checkText(x.name, y.name);
        checkText(x.description, y.description);
        CHECK(x.aliases == y.aliases);
        REQUIRE(x.formerNames.size() == y.formerNames.size());
        for (size_t k = 0; k < x.formerNames.size(); ++k) {
            CHECK(x.formerNames[k].name == y.formerNames[k].name);
            CHECK(x.formerNames[k].until == y.formerNames[k].until);
            checkText(x.formerNames[k].expansion, y.formerNames[k].expansion);
        }
        CHECK(a.levels[size_t(x.level)].id == b.levels[size_t(y.level)].id);
        CHECK(a.actorKinds[size_t(x.kind)].id == b.actorKinds[size_t(y.kind)].id);
        CHECK((x.territory < 0 ? "" : a.territories[size_t(x.territory)].id) ==
              (y.territory < 0 ? "" : b.territories[size_t(y.territory)].id));
        REQUIRE(x.missions.size() == y.missions.size());
        for (size_t k = 0; k < x.missions.size(); ++k) checkText(x.missions[k], y.missions[k]);
        CHECK(x.topics == y.topics);
        CHECK(x.url == y.url);
        checkSources(x.sources, y.sources);
        CHECK(x.confidence == y.confidence);
        CHECK(x.pinned == y.pinned);
        CHECK(x.x == y.x);
        CHECK(x.y == y.y);
        REQUIRE(x.variants.size() == y.variants.size());
        for (size_t k = 0; k < x.variants.size(); ++k) {
            CHECK(x.variants[k].variant == y.variants[k].variant);
            checkText(x.variants[k].name, y.variants[k].name);
            checkText(x.variants[k].description, y.variants[k].description);
            CHECK(x.variants[k].url == y.variants[k].url);
        }
    }
    REQUIRE(a.relations.size() == b.relations.size());
    for (size_t i = 0; i < a.relations.size(); ++i) {
        const qfq::Relation &x = a.relations[i], &y = b.relations[i];
        CAPTURE(x.id);
        CHECK(x.id == y.id);
        CHECK(a.actors[x.from].id == b.actors[y.from].id);
        CHECK(a.actors[x.to].id == b.actors[y.to].id);
        CHECK(a.relationKinds[size_t(x.kind)].id == b.relationKinds[size_t(y.kind)].id);
        CHECK(x.directed == y.directed);
        checkText(x.description, y.description);
        checkSources(x.sources, y.sources);
        CHECK(x.confidence == y.confidence);
    }
    CHECK(qfq::io::toJson(a) == qfq::io::toJson(b));
}

// Positions: a simple grid, one per actor.
inline void gridPositions(const qfq::Map& m, std::vector<float>& x, std::vector<float>& y) {
    x.clear(), y.clear();
    for (size_t i = 0; i < m.actors.size(); ++i) {
        x.push_back(float(i % 8) * 120.0f - 300.5f);
        y.push_back(float(m.actors[i].level) * 160.0f);
    }
}

}  // namespace qfq_test
