// tests/unit/test_io_overlay.cpp — the map loader across documents: overlays (add, override,
// remove, variants, extends by id and path, cycles), native files and catalogues, extendsOf,
// formatProblem, toJson round trip, robustness, and the maps shipped under data/.
//
// Contents
//   1. Overlays
//   2. Files, catalogues, extendsOf, formatProblem
//   3. toJson round trip
//   4. Robustness (every value replaced by every type)
//   5. Shipped maps (data/index.json)

#include <chrono>
#include <filesystem>
#include <fstream>

#include "test_io_fixture.h"

// ---------------------------------------------------------------------------
// 1. Overlays
// ---------------------------------------------------------------------------

TEST_CASE("overlay: add, override field by field, remove, in README order") {
    Files files;
    files.put("base.json", baseMap());
    json o = minimalOverlay("base");
    o["language"] = "en";
    o["levels"] = {{{"id", "departement"}, {"label", "Département"}, {"colour", "#aaaaaa"}}};
    o["actors"] = json::array({actor("dsden", "departement")});
    o["relations"] = {{{"from", "drane"}, {"to", "dsden"}, {"kind", "pilote"}}};
    o["glossary"] = {{{"term", "SDET"}, {"expansion", "Schéma"}, {"definition", "Cadre."}}};
    o["remove"] = {{"actors", {"college"}}, {"glossary", json::array()}};
    o["override"] = {{"actors",
                      {{"dne",
                        {{"name", {{"en", "DNE (overlay)"}}},
                         {"aliases", {"dne"}},
                         {"description", "Plain English text"},
                         {"position", {{"x", 5}}}}}}},
                     {"relations", {{"dne--pilote--drane", {{"kind", "partenaire"}}}}},
                     {"glossary", {{"ENT", {{"definition", {{"fr", "Nouveau."}}}}}}}};
    files.put("overlay.json", o);
    LoadResult r = files.load("overlay.json");
    INFO(dump(r));
    REQUIRE(r.ok);
    const qfq::Map& m = r.map;
    CHECK(m.id == "overlay");
    CHECK(m.extendsChain == std::vector<std::string>{"base"});
    CHECK(m.levels.size() == 4);
    CHECK(m.levels[3].id == "departement");
    CHECK(m.levels[3].label.en == "Département");  // the overlay is in English
    REQUIRE(m.actors.size() == 3);                 // dne, drane, dsden (college removed)
    CHECK(m.findActor("college") == -1);
    const qfq::Actor& dne = m.actors[0];
    CHECK(dne.name.en == "DNE (overlay)");                            // merged key by key...
    CHECK(dne.name.fr == "Direction du numérique pour l'éducation");  // ...keeping the French
    CHECK(dne.aliases == std::vector<std::string>{"dne"});            // arrays replaced
    CHECK(dne.description.en == "Plain English text");
    CHECK(dne.description.fr == "Pilote le numérique.");
    CHECK(dne.x == doctest::Approx(5));
    CHECK(dne.y == doctest::Approx(40));  // position merged key by key
    CHECK(m.actors[2].id == "dsden");
    CHECK(m.actors[2].level == 3);
    // The relation to college went with it; the overridden one changed kind.
    REQUIRE(m.relations.size() == 2);
    CHECK(m.relations[0].id == "dne--pilote--drane");
    CHECK(m.relationKinds[size_t(m.relations[0].kind)].id == "partenaire");
    CHECK(m.relations[1].id == "drane--pilote--dsden");
    // Inherited references to the removed actor are skipped.
    CHECK(m.glossary[0].see == std::vector<uint32_t>{0});
    CHECK(m.glossary[0].definition.fr == "Nouveau.");
    CHECK(m.glossary[1].term == "SDET");
    CHECK(m.tours[0].steps[1].focus == std::vector<uint32_t>{1});
}

TEST_CASE("overlay: variants") {
    Files files;
    files.put("base.json", baseMap());
    json o = minimalOverlay("base");
    o["variants"] = {{{"id", "rouen"}, {"label", "Rouen"}}};
    o["override"]["actors"]["drane"]["variants"] = {{"toulouse", {{"description", "Nouvelle description"}}},
                                                    {"rouen", {{"name", "DRANE Normandie"}}}};
    files.put("overlay.json", o);
    LoadResult r = files.load("overlay.json");
    INFO(dump(r));
    REQUIRE(r.ok);
    const qfq::Actor& drane = r.map.actors[1];
    REQUIRE(drane.variants.size() == 3);
    CHECK(drane.variants[1].variant == "rouen");
    CHECK(drane.variants[2].variant == "toulouse");
    CHECK(drane.variants[2].name.fr == "DRANE Toulouse");  // kept: objects merge recursively
    CHECK(drane.variants[2].description.fr == "Nouvelle description");
    CHECK(r.map.variants.size() == 3);
    // A variant the map does not declare, reported in the override.
    o["override"]["actors"]["drane"]["variants"] = {{"lille", {{"name", "x"}}}};
    files.put("overlay.json", o);
    CHECK_PROBLEM(files.load("overlay.json"), "/override/actors/drane/variants/lille",
                  "variant \"lille\" does not exist");
}

TEST_CASE("overlay errors are reported in the overlay, at the right place") {
    Files files;
    files.put("base.json", baseMap());
    json o = minimalOverlay("base");
    o["actors"] = json::array({actor("dne")});
    o["remove"] = {{"actors", {"dnee"}}, {"relations", {"nope"}}};
    o["override"] = {{"actors", {{"canope", {{"acronym", "Canopé"}}}}},
                     {"glossary", {{"ENTT", {{"definition", "x"}}}}}};
    files.put("overlay.json", o);
    LoadResult r = files.load("overlay.json");
    CHECK_PROBLEM(r, "/actors/0/id", "actor \"dne\" already exists in the base map base.json");
    CHECK_PROBLEM(r, "/remove/actors/0",
                  "cannot remove actor \"dnee\": not in the base map (did you mean \"dne\"?)");
    CHECK_PROBLEM(r, "/remove/relations/0", "cannot remove relation \"nope\"");
    CHECK_PROBLEM(r, "/override/actors/canope", "cannot override actor \"canope\"");
    CHECK_PROBLEM(r, "/override/glossary/ENTT", "cannot override glossary entry \"ENTT\"");
    for (const Problem& p : r.problems) CHECK(p.file == "overlay.json");

    // An overridden field with a bad reference points into the override.
    o = minimalOverlay("base");
    o["override"] = {{"actors", {{"dne", {{"level", "region"}}}}}};
    files.put("overlay.json", o);
    r = files.load("overlay.json");
    CHECK_PROBLEM(r, "/override/actors/dne/level", "level \"region\" does not exist");
    const Problem* p = find(r, "/override/actors/dne/level", "");
    REQUIRE(p);
    CHECK(p->line > 0);
    // override cannot change ids; override fields are checked like the items.
    o["override"] = {{"actors", {{"dne", {{"id", "x"}, {"url", "nope"}}}}}};
    files.put("overlay.json", o);
    r = files.load("overlay.json");
    CHECK_PROBLEM(r, "/override/actors/dne/id", "the id cannot be changed");
    CHECK_PROBLEM(r, "/override/actors/dne/url", "invalid URL");
    // A new actor may not refer to a removed one.
    o = minimalOverlay("base");
    o["remove"] = {{"actors", {"college"}}};
    o["relations"] = {{{"from", "dne"}, {"to", "college"}, {"kind", "pilote"}}};
    files.put("overlay.json", o);
    CHECK_PROBLEM(files.load("overlay.json"), "/relations/0/to", "(removed by \"remove\")");
}

TEST_CASE("errors in a base are reported in the base file") {
    Files files;
    json base = baseMap();
    base["actors"][0]["level"] = "regio";
    files.put("base.json", base);
    files.put("overlay.json", minimalOverlay("base.json"));
    LoadResult r = files.load("overlay.json");
    CHECK_PROBLEM(r, "/actors/0/level", "level \"regio\" does not exist");
    CHECK(r.problems[0].file == "base.json");
    CHECK(r.problems[0].line > 1);
    // A syntax error in the base too.
    files.texts["base.json"] = "{ oops";
    r = files.load("overlay.json");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].file == "base.json");
}

TEST_CASE("extends by id, by relative path, chains, cycles, missing bases") {
    Files files;
    files.put("base.json", baseMap());
    json mid = minimalOverlay("./base.json");
    mid["id"] = "mid";
    mid["actors"] = json::array({actor("mid-actor")});
    files.put("mid.json", mid);
    json leaf = minimalOverlay("mid");
    leaf["id"] = "leaf";
    leaf["override"]["actors"]["mid-actor"] = {{"acronym", "MA"}};
    files.put("leaf.json", leaf);
    LoadResult r = files.load("leaf.json");
    INFO(dump(r));
    REQUIRE(r.ok);
    CHECK(r.map.extendsChain == std::vector<std::string>{"mid", "./base.json"});
    CHECK(r.map.actors.back().acronym == "MA");

    // Cycle through two files.
    json a = minimalOverlay("b.json"), b = minimalOverlay("a.json");
    a["id"] = "a";
    b["id"] = "b";
    files.put("a.json", a);
    files.put("b.json", b);
    r = files.load("a.json");
    CHECK_PROBLEM(r, "/extends", "\"extends\" cycle: a.json → b.json → a.json");
    CHECK(r.problems[0].file == "b.json");
    // A map extending itself.
    json self = minimalOverlay("self.json");
    self["id"] = "self";
    files.put("self.json", self);
    CHECK_PROBLEM(files.load("self.json"), "/extends", "cycle");
    // The same map under two names (same id).
    json twin = minimalOverlay("twin2.json");
    twin["id"] = "twin";
    files.put("twin.json", twin);
    twin["extends"] = "twin.json";
    files.put("twin2.json", twin);
    CHECK_PROBLEM(files.load("twin.json"), "/extends", "same id \"twin\"");
    // Missing base; no fetch at all.
    files.put("orphan.json", minimalOverlay("nowhere"));
    CHECK_PROBLEM(files.load("orphan.json"), "/extends", "base map \"nowhere\" not found");
    CHECK_PROBLEM(loadJson(minimalOverlay("base")), "/extends", "not found");
    // A fetch that throws is a missing base, not a crash.
    qfq::io::Fetch throwing = [](const std::string&, const std::string&, Document&) -> bool {
        throw std::runtime_error("network down");
    };
    CHECK_PROBLEM(qfq::io::loadMap({"x.json", minimalOverlay("base").dump()}, throwing), "/extends",
                  "not found");
}

TEST_CASE("a long chain of extends stops at 16") {
    Files files;
    files.put("m0.json", baseMap());
    for (int i = 1; i <= 20; ++i) {
        std::string previous = std::to_string(i - 1), name = std::to_string(i);
        json o = minimalOverlay('m' + previous + ".json");
        o["id"] = 'm' + name;
        files.put('m' + name + ".json", o);
    }
    CHECK(files.load("m10.json").ok);
    CHECK_PROBLEM(files.load("m20.json"), "/extends", "too long");
}

// ---------------------------------------------------------------------------
// 2. Files, catalogues, extendsOf, formatProblem
// ---------------------------------------------------------------------------

TEST_CASE("loadFile: relative paths and index.json catalogues") {
    namespace fs = std::filesystem;
    fs::path root =
        fs::temp_directory_path() /
        ("qfq-test-io-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::remove_all(root);
    fs::create_directories(root / "data" / "territories");
    auto write = [](const fs::path& p, const std::string& text) { std::ofstream(p) << text; };
    write(root / "data" / "national.json", baseMap().dump());
    write(root / "data" / "index.json",
          R"({"schema": "qfq-catalogue/1", "default": "national",
              "maps": [{"id": "national", "path": "national.json", "title": "France"}]})");
    write(root / "data" / "territories" / "ariege.json", minimalOverlay("occitanie").dump());
    json occitanie = minimalOverlay("national");
    occitanie["id"] = "occitanie";
    write(root / "data" / "territories" / "occitanie.json", occitanie.dump());
    json relative = minimalOverlay("../national.json");
    write(root / "data" / "territories" / "relative.json", relative.dump());

    LoadResult r = qfq::io::loadFile((root / "data" / "territories" / "relative.json").string());
    INFO(dump(r));
    CHECK(r.ok);
    // "occitanie" is not in the catalogue.
    r = qfq::io::loadFile((root / "data" / "territories" / "ariege.json").string());
    CHECK_PROBLEM(r, "/extends", "base map \"occitanie\" not found");
    // Once listed, it is found, and its own "national" too.
    write(root / "data" / "index.json",
          R"({"schema": "qfq-catalogue/1", "default": "national",
              "maps": [{"id": "national", "path": "national.json"},
                       {"id": "occitanie", "path": "territories/occitanie.json"}]})");
    r = qfq::io::loadFile((root / "data" / "territories" / "ariege.json").string());
    INFO(dump(r));
    CHECK(r.ok);
    CHECK(r.map.extendsChain == std::vector<std::string>{"occitanie", "national"});

    r = qfq::io::loadFile((root / "missing.json").string());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.en == "cannot read the file");
    CHECK(qfq::io::formatProblem(r.problems[0], Lang::En) ==
          (root / "missing.json").string() + ": cannot read the file");
    fs::remove_all(root);
}

TEST_CASE("extendsOf") {
    CHECK(qfq::io::extendsOf(minimalOverlay("national").dump()) == "national");
    CHECK(qfq::io::extendsOf("\xEF\xBB\xBF{\"a\": {\"extends\": \"no\"}, \"extends\": \"../n.json\"}") ==
          "../n.json");
    CHECK(qfq::io::extendsOf(baseMap().dump()).empty());
    CHECK(qfq::io::extendsOf("").empty());
    CHECK(qfq::io::extendsOf("[\"extends\"]").empty());
    CHECK(qfq::io::extendsOf(std::string(100000, '[')).empty());
    CHECK(qfq::io::extendsOf("{\"extends\": 3}").empty());
    CHECK(qfq::io::extendsOf("{\"extends\": \"x\", oops").empty() == false);  // found before the error
}

TEST_CASE("formatProblem") {
    Problem p;
    p.file = "data/national.json";
    p.pointer = "/actors/3/level";
    p.line = 12;
    p.column = 7;
    p.message = {"le niveau « region » n'existe pas", "level \"region\" does not exist"};
    CHECK(qfq::io::formatProblem(p, Lang::Fr) ==
          "data/national.json:12:7: /actors/3/level: le niveau « region » n'existe pas");
    CHECK(qfq::io::formatProblem(p, Lang::En) ==
          "data/national.json:12:7: /actors/3/level: level \"region\" does not exist");
    p.pointer.clear();
    p.warning = true;
    CHECK(qfq::io::formatProblem(p, Lang::Fr) ==
          "data/national.json:12:7: attention : le niveau « region » n'existe pas");
}

TEST_CASE("pointers with escaped characters are located") {
    json doc = baseMap();
    doc["glossary"].push_back({{"term", "a/b~c"}, {"expansion", "x"}, {"definition", "y"}, {"see", {"zzz"}}});
    LoadResult r = loadJson(doc);
    CHECK_PROBLEM(r, "/glossary/1/see/0", "actor \"zzz\" does not exist");
    Files files;
    files.put("base.json", doc);
    json o = minimalOverlay("base");
    o["override"]["glossary"]["a/b~c"] = {{"unknown", 1}};
    files.put("overlay.json", o);
    r = files.load("overlay.json");
    const Problem* p = find(r, "/override/glossary/a~1b~0c/unknown", "unknown field");
    REQUIRE(p);
    CHECK(p->line > 1);
}

// ---------------------------------------------------------------------------
// 3. toJson round trip
// ---------------------------------------------------------------------------

TEST_CASE("toJson round-trips through loadMap") {
    LoadResult first = loadJson(baseMap());
    REQUIRE(first.ok);
    json written = qfq::io::toJson(first.map);
    CHECK_FALSE(written.contains("extends"));
    LoadResult second = loadJson(written);
    INFO(dump(second));
    REQUIRE(second.ok);
    CHECK(qfq::io::toJson(second.map) == written);
    CHECK(second.map.actors[0].name.en == first.map.actors[0].name.en);
    CHECK(second.map.actors[0].x == first.map.actors[0].x);
    CHECK(second.map.relations[1].directed == false);
    CHECK(second.map.tours[0].steps[0].zoom == first.map.tours[0].steps[0].zoom);

    // An overlay resolves to a standalone map.
    Files files;
    files.put("base.json", baseMap());
    json o = minimalOverlay("base");
    o["remove"] = {{"actors", {"college"}}};
    files.put("overlay.json", o);
    LoadResult merged = files.load("overlay.json");
    REQUIRE(merged.ok);
    json standalone = qfq::io::toJson(merged.map);
    LoadResult again = loadJson(standalone);
    INFO(dump(again));
    REQUIRE(again.ok);
    CHECK(again.map.actors.size() == 2);
    CHECK(qfq::io::toJson(again.map) == standalone);
}

// ---------------------------------------------------------------------------
// 4. Robustness
// ---------------------------------------------------------------------------

TEST_CASE("every value replaced by every type: no crash, no half-loaded map") {
    json base = baseMap();
    json flat = base.flatten();
    const json replacements[] = {nullptr, -1.5, "x", json::array({1, "a"}), json::object()};
    size_t runs = 0;
    for (auto it = flat.begin(); it != flat.end(); ++it) {
        for (const json& value : replacements) {
            json doc = base;
            doc[json::json_pointer(it.key())] = value;
            LoadResult r = loadJson(doc);
            if (!r.ok) {
                CHECK(r.map.actors.empty());
                CHECK_FALSE(r.problems.empty());
                for (const Problem& p : r.problems) {
                    CHECK(p.line > 0);
                    CHECK(p.message.en.find("internal error") == std::string::npos);
                }
            }
            ++runs;
        }
    }
    CHECK(runs > 500);
    // Same in an overlay, so that merging sees bad shapes too.
    Files files;
    files.put("base.json", base);
    json o = minimalOverlay("base");
    o["override"] = {
        {"actors",
         {{"dne", {{"name", {{"en", "x"}}}, {"variants", {{"toulouse", {{"url", "https://x.fr"}}}}}}}}},
        {"relations", {{"drane-college", {{"from", "dne"}}}}}};
    o["remove"] = {{"actors", {"college"}}, {"relations", {"dne--pilote--drane"}}};
    o["actors"] = json::array({actor("new")});
    json oflat = o.flatten();
    for (auto it = oflat.begin(); it != oflat.end(); ++it)
        for (const json& value : replacements) {
            json doc = o;
            doc[json::json_pointer(it.key())] = value;
            files.put("overlay.json", doc);
            LoadResult r = files.load("overlay.json");
            if (!r.ok)
                for (const Problem& p : r.problems)
                    CHECK(p.message.en.find("internal error") == std::string::npos);
        }
}

TEST_CASE("truncated documents never crash") {
    std::string text = baseMap().dump(1);
    for (size_t n = 0; n < text.size(); n += 7) {
        LoadResult r = loadText(text.substr(0, n));
        CHECK_FALSE(r.ok);
        REQUIRE_FALSE(r.problems.empty());
        CHECK(r.problems[0].line > 0);
    }
}

// ---------------------------------------------------------------------------
// 5. Shipped maps
// ---------------------------------------------------------------------------

TEST_CASE("every map listed in data/index.json loads without errors") {
    namespace fs = std::filesystem;
    fs::path data = fs::path(QFQ_SOURCE_DIR) / "data";
    std::ifstream in(data / "index.json");
    if (!in) {
        MESSAGE("data/index.json is not there yet: no shipped map checked");
        return;
    }
    json index = json::parse(in, nullptr, false);
    REQUIRE(index.is_object());
    CHECK(index.value("schema", "") == "qfq-catalogue/1");
    REQUIRE(index.contains("maps"));
    for (const json& entry : index["maps"]) {
        std::string path = (data / entry.value("path", "")).string();
        CAPTURE(path);
        LoadResult r = qfq::io::loadFile(path);
        INFO(dump(r));
        CHECK(r.ok);
        CHECK(errorCount(r) == 0);
        if (!r.ok) continue;
        CHECK(r.map.id == entry.value("id", ""));
        LoadResult again = loadJson(qfq::io::toJson(r.map));
        CHECK(again.ok);
    }
    if (index.contains("default")) {
        bool listed = false;
        for (const json& entry : index["maps"]) listed = listed || entry.value("id", "") == index["default"];
        CHECK(listed);
    }
}
