// tests/unit/test_roundtrip_property.cpp — property tests: random valid maps (seeded, so a
// failure names the seed that reproduces it) go through load → resolve → export → import for
// every format we call lossless (JSON, CSV pair, GraphML) and come back field for field; and
// the loader and the exporters are deterministic (same input, same output bytes).
//
// Contents
//   1. Random map generator (every feature of data/README.md, hostile text)
//   2. Properties

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "io/csv.h"
#include "io/export.h"
#include "test_export_fixture.h"

namespace {

// ---------------------------------------------------------------------------
// 1. Random map generator
// ---------------------------------------------------------------------------

struct Rng {  // splitmix64: the same maps on every platform
    uint64_t s;
    uint64_t next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    size_t below(size_t n) { return n ? size_t(next() % n) : 0; }
    bool chance(int percent) { return below(100) < size_t(percent); }
};

// Pieces that break naive writers: delimiters and quotes of CSV, XML and JSON, formula
// starters, HTML, list separators, non-Latin scripts, emoji, line breaks, spaces at the ends.
const char* const kPieces[] = {"DNE",
                               "École",
                               "académie",
                               "numérique",
                               "«",
                               "»",
                               "’",
                               ";",
                               ",",
                               "|",
                               "\"",
                               "'",
                               "=",
                               "+1",
                               "-",
                               "@",
                               "<script>alert(1)</script>",
                               "&amp;",
                               "&",
                               "<",
                               ">",
                               "]]>",
                               "\\",
                               "/",
                               "{",
                               "}",
                               "#",
                               "%20",
                               "مدرسة",
                               "ש",
                               "🌍",
                               "🏫",
                               "中文",
                               "\t",
                               "  ",
                               "x-",
                               "0",
                               "1e6",
                               "-3.5",
                               "null",
                               "true",
                               "ÿ",
                               "Œuvre",
                               "ﬁ"};

std::string words(Rng& r, size_t maxPieces, bool lineBreaks) {
    std::string s;
    const size_t n = 1 + r.below(maxPieces);
    for (size_t i = 0; i < n; ++i) {
        if (i) s += r.chance(70) ? " " : "";
        s += kPieces[r.below(sizeof kPieces / sizeof *kPieces)];
        if (lineBreaks && r.chance(10)) s += r.chance(50) ? "\n" : "\r\n";
    }
    if (s.find_first_not_of(" \t\r\n") == std::string::npos) s += "x";  // blank values are refused
    if (r.chance(10)) s = " " + s;  // spaces at the ends: the loader drops them, every format agrees
    if (r.chance(10)) s += "\t ";
    return s;
}

// A text: plain string (in the map's language), or {"fr"} / {"en"} / both.
json text(Rng& r, size_t maxPieces, bool lineBreaks = false) {
    switch (r.below(4)) {
        case 0:
            return words(r, maxPieces, lineBreaks);
        case 1:
            return {{"fr", words(r, maxPieces, lineBreaks)}};
        case 2:
            return {{"en", words(r, maxPieces, lineBreaks)}};
        default:
            return {{"fr", words(r, maxPieces, lineBreaks)}, {"en", words(r, maxPieces, lineBreaks)}};
    }
}

std::string date(Rng& r) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 1990 + int(r.below(40)), 1 + int(r.below(12)),
                  1 + int(r.below(28)));
    return buf;
}

std::string url(Rng& r) {
    std::string u = r.chance(80) ? "https://" : "http://";
    u += "ex" + std::to_string(r.below(50)) + ".fr/";
    if (r.chance(50)) u += "a;b,c|d'e?q=%C3%A9&x=1#f";
    return u;
}

json sources(Rng& r, size_t min) {
    json list = json::array();
    for (size_t i = 0, n = min + r.below(3); i < n; ++i) {
        json s = {{"url", url(r)}, {"verified", date(r)}};
        if (r.chance(40)) s["title"] = words(r, 4, false);
        list.push_back(s);
    }
    return list;
}

std::string colour(Rng& r) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06x", unsigned(r.below(0x1000000)));
    return buf;
}

// One random standalone map, valid by construction.
json randomMap(uint64_t seed) {
    Rng r{seed};
    json m = {{"schema", "qfq-map/1"},
              {"id", numbered("m", seed)},
              {"title", text(r, 4)},
              {"language", r.chance(70) ? "fr" : "en"},
              {"licence", "CC-BY-4.0"},
              {"maintainers", {{{"name", words(r, 3, false)}, {"url", url(r)}, {"email", "a@b.fr"}}}},
              {"updated", date(r)}};
    if (r.chance(50)) m["description"] = text(r, 12, true);
    auto categories = [&](const char* key, const char* prefix, size_t n, bool relation) {
        json list = json::array();
        for (size_t i = 0; i < n; ++i) {
            json c = {{"id", std::string(prefix) + std::to_string(i)},
                      {"label", text(r, 3)},
                      {"colour", colour(r)}};
            if (relation && r.chance(50)) c["dash"] = r.chance(50) ? "dashed" : "dotted";
            if (relation && r.chance(50)) c["verb"] = text(r, 2);
            list.push_back(c);
        }
        m[key] = list;
    };
    const size_t levels = 1 + r.below(4), kinds = 1 + r.below(3), relationKinds = 1 + r.below(3);
    categories("levels", "lv", levels, false);
    categories("actorKinds", "kind", kinds, false);
    categories("relationKinds", "rk", relationKinds, true);
    const size_t topics = r.below(4), variants = r.below(3), territories = r.below(6);
    m["topics"] = json::array();
    for (size_t i = 0; i < topics; ++i) {
        json t = {{"id", "topic-" + std::to_string(i)}, {"label", text(r, 3)}};
        if (r.chance(50)) t["description"] = text(r, 8, true);
        m["topics"].push_back(t);
    }
    m["variants"] = json::array();
    for (size_t i = 0; i < variants; ++i)
        m["variants"].push_back({{"id", "ac-" + std::to_string(i)}, {"label", text(r, 3)}});
    m["territories"] = json::array();
    for (size_t i = 0; i < territories; ++i) {
        json t = {{"id", numbered("t", i)},
                  {"name", text(r, 3)},
                  {"level", "lv" + std::to_string(r.below(levels))}};
        if (i && r.chance(70)) t["parent"] = "t" + std::to_string(r.below(i));  // parents first: no cycle
        m["territories"].push_back(t);
    }

    const size_t actors = 1 + r.below(30);
    m["actors"] = json::array();
    for (size_t i = 0; i < actors; ++i) {
        json a = {{"id", numbered("a", i) + (r.chance(30) ? "-x" : "")},
                  {"name", text(r, 5)},
                  {"level", "lv" + std::to_string(r.below(levels))},
                  {"kind", "kind" + std::to_string(r.below(kinds))},
                  {"sources", sources(r, 1)}};
        if (r.chance(60)) a["acronym"] = words(r, 2, false);
        if (r.chance(30)) {
            a["aliases"] = json::array();
            for (size_t k = 0, n = 1 + r.below(3); k < n; ++k) a["aliases"].push_back(words(r, 3, false));
        }
        if (r.chance(20)) {
            json f = {{"name", words(r, 2, false)}};
            if (r.chance(50)) f["expansion"] = text(r, 4);
            if (r.chance(50)) f["until"] = std::to_string(1990 + r.below(35));
            a["formerNames"] = json::array({f});  // not {f}: clang reads that as the object f
        }
        if (territories && r.chance(50)) a["territory"] = "t" + std::to_string(r.below(territories));
        if (r.chance(50)) a["description"] = text(r, 15, true);
        if (r.chance(40)) {
            a["missions"] = json::array();
            for (size_t k = 0, n = 1 + r.below(3); k < n; ++k) a["missions"].push_back(text(r, 6, true));
        }
        if (topics && r.chance(50)) a["topics"] = {"topic-" + std::to_string(r.below(topics))};
        if (r.chance(50)) a["url"] = url(r);
        if (r.chance(20)) a["confidence"] = r.chance(50) ? "unsure" : "sure";
        if (r.chance(20))  // quarter units: exact in float, in decimal text and in JSON
            a["position"] = {{"x", double(int64_t(r.below(8000000)) - 4000000) / 4.0},
                             {"y", double(int64_t(r.below(8000000)) - 4000000) / 4.0}};
        if (variants && r.chance(30)) {
            json v = json::object();
            if (r.chance(50)) v["name"] = text(r, 3);
            if (r.chance(50)) v["description"] = text(r, 6, true);
            if (r.chance(50)) v["url"] = url(r);
            a["variants"] = {{"ac-" + std::to_string(r.below(variants)), v}};
        }
        m["actors"].push_back(a);
    }
    auto actorId = [&](size_t i) { return m["actors"][i]["id"].get<std::string>(); };

    m["relations"] = json::array();
    for (size_t i = 0, n = r.below(actors * 2); i < n; ++i) {
        json rel = {{"id", numbered("r", i)},
                    {"from", actorId(r.below(actors))},
                    {"to", actorId(r.below(actors))},
                    {"kind", "rk" + std::to_string(r.below(relationKinds))}};
        if (r.chance(30)) rel["directed"] = r.chance(50);
        if (r.chance(40)) rel["description"] = text(r, 8, true);
        if (r.chance(40)) rel["sources"] = sources(r, 0);
        if (r.chance(20)) rel["confidence"] = "unsure";
        m["relations"].push_back(rel);
    }
    m["glossary"] = json::array();
    for (size_t i = 0, n = r.below(5); i < n; ++i) {
        json g = {{"term", numbered("T", i) + words(r, 1, false)},
                  {"expansion", text(r, 4)},
                  {"definition", text(r, 10, true)}};
        if (r.chance(50)) g["see"] = {actorId(r.below(actors))};
        if (r.chance(30)) g["sources"] = sources(r, 1);
        m["glossary"].push_back(g);
    }
    m["tours"] = json::array();
    if (r.chance(40)) {
        json steps = json::array();
        for (size_t i = 0, n = 1 + r.below(3); i < n; ++i) {
            json s = {
                {"title", text(r, 3)}, {"text", text(r, 10, true)}, {"focus", {actorId(r.below(actors))}}};
            if (r.chance(40)) s["path"] = {actorId(r.below(actors)), actorId(r.below(actors))};
            if (r.chance(40)) s["zoom"] = 0.5 + double(r.below(8)) / 4.0;
            steps.push_back(s);
        }
        m["tours"].push_back({{"id", "visite"}, {"title", text(r, 3)}, {"steps", steps}});
    }
    return m;
}

qfq::io::LoadResult load(const std::string& text) {
    return qfq::io::loadMap(qfq::io::Document{"random.json", text}, {});
}

constexpr uint64_t kMaps = 150;

}  // namespace

// ---------------------------------------------------------------------------
// 2. Properties
// ---------------------------------------------------------------------------

TEST_CASE("property: every generated map is valid (the generator covers the format)") {
    size_t actors = 0, relations = 0, variants = 0, tours = 0;
    for (uint64_t seed = 1; seed <= kMaps; ++seed) {
        CAPTURE(seed);
        qfq::io::LoadResult r = load(randomMap(seed).dump());
        INFO(dump(r));
        REQUIRE(r.ok);
        actors += r.map.actors.size();
        relations += r.map.relations.size();
        for (const qfq::Actor& a : r.map.actors) variants += a.variants.size();
        tours += r.map.tours.size();
    }
    // Enough material for the properties below to mean something.
    CHECK(actors > 1000);
    CHECK(relations > 1000);
    CHECK(variants > 50);
    CHECK(tours > 20);
}

TEST_CASE("property: the loader is deterministic (same bytes in, same map and bytes out)") {
    for (uint64_t seed = 1; seed <= kMaps; seed += 3) {
        CAPTURE(seed);
        const std::string text = randomMap(seed).dump(2);
        qfq::io::LoadResult a = load(text), b = load(text);
        REQUIRE(a.ok);
        REQUIRE(b.ok);
        CHECK(qfq::io::toJson(a.map).dump() == qfq::io::toJson(b.map).dump());
        std::vector<float> x, y;
        qfq_test::gridPositions(a.map, x, y);
        CHECK(qfq::io::actorsCsv(a.map) == qfq::io::actorsCsv(b.map));
        CHECK(qfq::io::relationsCsv(a.map) == qfq::io::relationsCsv(b.map));
        CHECK(qfq::io::toGraphML(a.map, x, y) == qfq::io::toGraphML(b.map, x, y));
        CHECK(qfq::io::toGEXF(a.map, x, y) == qfq::io::toGEXF(b.map, x, y));
        // The same map written compactly or indented, loaded again, writes the same bytes.
        CHECK(qfq::io::toJson(load(randomMap(seed).dump()).map).dump() == qfq::io::toJson(a.map).dump());
    }
}

TEST_CASE("property: load → toJson → load loses nothing") {
    for (uint64_t seed = 1; seed <= kMaps; ++seed) {
        CAPTURE(seed);
        qfq::io::LoadResult a = load(randomMap(seed).dump());
        REQUIRE(a.ok);
        qfq::io::LoadResult b = load(qfq::io::toJson(a.map).dump(1));
        INFO(dump(b));
        REQUIRE(b.ok);
        qfq_test::checkSameMap(a.map, b.map);
    }
}

TEST_CASE("property: load → actors.csv + relations.csv → import loses nothing (';' and ',')") {
    for (uint64_t seed = 1; seed <= kMaps; ++seed) {
        CAPTURE(seed);
        qfq::io::LoadResult a = load(randomMap(seed).dump());
        REQUIRE(a.ok);
        const char delimiter = seed % 2 ? ';' : ',';
        qfq::io::CsvImportOptions options;
        options.base = &a.map;
        options.keepBase = true;
        qfq::io::CsvImport b = qfq::io::importCsv(
            qfq::io::Document{"actors.csv", qfq::io::actorsCsv(a.map, delimiter)},
            qfq::io::Document{"relations.csv", qfq::io::relationsCsv(a.map, delimiter)}, options);
        INFO(dump(b.problems));
        REQUIRE(b.ok);
        qfq_test::checkSameMap(a.map, b.map);
    }
}

TEST_CASE("property: load → GraphML → import loses nothing") {
    for (uint64_t seed = 1; seed <= kMaps; ++seed) {
        CAPTURE(seed);
        qfq::io::LoadResult a = load(randomMap(seed).dump());
        REQUIRE(a.ok);
        std::vector<float> x, y;
        qfq_test::gridPositions(a.map, x, y);
        qfq::io::LoadResult b =
            qfq::io::fromGraphML(qfq::io::Document{"map.graphml", qfq::io::toGraphML(a.map, x, y)});
        INFO(dump(b));
        REQUIRE(b.ok);
        qfq_test::checkSameMap(a.map, b.map);
    }
}

TEST_CASE("normalisation: spaces and line breaks at the ends of values are dropped, blank values refused") {
    nlohmann::json doc = baseMap();
    doc["actors"][0]["acronym"] = " DNE\t";
    doc["actors"][0]["name"] = {{"fr", "\n Direction du numérique "}, {"en", "   "}};
    doc["actors"][0]["aliases"] = {"  la DNE  "};
    doc["actors"][0]["description"] = "Pilote.\nDeux lignes.\r\n";
    qfq::io::LoadResult r = load(doc.dump());
    INFO(dump(r));
    REQUIRE(r.ok);
    const qfq::Actor& a = r.map.actors[0];
    CHECK(a.acronym == "DNE");
    CHECK(a.name.fr == "Direction du numérique");
    CHECK(a.name.en.empty());  // blank in one language: as if absent
    CHECK(a.aliases[0] == "la DNE");
    CHECK(a.description.fr == "Pilote.\nDeux lignes.");  // inner line breaks are content
    doc["actors"][1]["name"] = " \t ";
    CHECK_PROBLEM(load(doc.dump()), "/actors/1/name", "empty text");
}
