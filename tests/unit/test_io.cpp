// tests/unit/test_io.cpp — the map loader on single documents: parsing and limits, every rule
// of data/README.md, references and duplicates. Overlays, files, toJson, robustness and the
// shipped maps are in test_io_overlay.cpp.
//
// Contents
//   1. Parsing and limits
//   2. Validation rules, one by one
//   3. References and duplicates

#include <algorithm>
#include <fstream>

#include "test_io_fixture.h"

// ---------------------------------------------------------------------------
// 1. Parsing and limits
// ---------------------------------------------------------------------------

TEST_CASE("the fixture map loads completely") {
    LoadResult r = loadJson(baseMap());
    INFO(dump(r));
    REQUIRE(r.ok);
    CHECK(r.problems.empty());
    const qfq::Map& m = r.map;
    CHECK(m.id == "base");
    CHECK(m.title.en == "Base");
    CHECK(m.description.fr == "Une carte de test.");
    CHECK(m.levels.size() == 3);
    CHECK(m.levels[1].label.fr == "Académie");
    CHECK(m.levels[1].colour == 0x2e75b6);
    CHECK(m.relationKinds[0].verb.en == "steers");
    CHECK(m.relationKinds[1].dash == qfq::Dash::Dashed);
    REQUIRE(m.actors.size() == 3);
    const qfq::Actor& dne = m.actors[0];
    CHECK(dne.name.en == "Digital Education Directorate");
    CHECK(dne.formerNames.size() == 1);
    CHECK(dne.formerNames[0].expansion.fr == "Ancienne");
    CHECK(dne.missions.size() == 2);
    CHECK(dne.missions[1].en == "Steer");
    CHECK(dne.missions[1].fr.empty());
    CHECK(dne.pinned);
    CHECK(dne.x == doctest::Approx(-120.5));
    CHECK(dne.sources[0].title == "Page DNE");
    const qfq::Actor& drane = m.actors[1];
    CHECK(drane.level == 1);
    CHECK(drane.territory == 1);
    CHECK(drane.confidence == qfq::Confidence::Unsure);
    REQUIRE(drane.variants.size() == 2);
    CHECK(drane.variants[1].variant == "toulouse");  // object keys come sorted
    CHECK(drane.variants[1].name.fr == "DRANE Toulouse");
    CHECK(drane.variants[0].description.fr == "Site de Montpellier");
    REQUIRE(m.relations.size() == 2);
    CHECK(m.relations[0].id == "dne--pilote--drane");
    CHECK(m.relations[1].directed == false);
    CHECK(m.relations[1].from == 1);
    CHECK(m.glossary[0].see == std::vector<uint32_t>{0, 2});
    CHECK(m.territories[1].parent == 0);
    CHECK(m.tours[0].steps[0].path == std::vector<uint32_t>{0, 1});
    CHECK(m.tours[0].steps[0].zoom == doctest::Approx(1.5));
    CHECK(m.findActor("college") == 2);
    CHECK(m.extendsChain.empty());
}

TEST_CASE("the README example loads") {
    std::ifstream in(std::string(QFQ_SOURCE_DIR) + "/data/README.md");
    std::string readme((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // The complete example of section 10 (earlier sections show fragments).
    const size_t section = readme.find("## 10. A complete small example");
    REQUIRE(section != std::string::npos);
    size_t start = readme.find("```json\n", section), end = readme.find("```", start + 8);
    REQUIRE(start != std::string::npos);
    LoadResult r = loadText(readme.substr(start + 8, end - start - 8));
    INFO(dump(r));
    CHECK(r.ok);
    CHECK(r.map.actors.size() == 2);
}

TEST_CASE("empty and blank files") {
    CHECK_PROBLEM(loadText(""), "", "empty");
    CHECK_PROBLEM(loadText(" \n\t "), "", "empty");
}

TEST_CASE("a UTF-8 byte order mark is accepted silently") {
    LoadResult r = loadText("\xEF\xBB\xBF" + baseMap().dump());
    CHECK(r.ok);
    CHECK(r.problems.empty());
}

TEST_CASE("invalid UTF-8 is located") {
    std::string text = baseMap().dump(2);
    size_t at = text.find("Une carte");
    text[at + 1] = char(0xFF);
    LoadResult r = loadText(text);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.en.find("invalid UTF-8 (byte 0xFF)") != std::string::npos);
    CHECK(r.problems[0].line > 1);
    // An overlong encoding and a lone surrogate are invalid too.
    CHECK_PROBLEM(loadText("{\"a\": \"\xC0\xAF\"}"), "", "invalid UTF-8");
    CHECK_PROBLEM(loadText("{\"a\": \"\xED\xA0\x80\"}"), "", "invalid UTF-8");
}

TEST_CASE("syntax errors give line and column") {
    LoadResult r = loadText("{\n  \"schema\": \"qfq-map/1\",\n  \"id\" \"x\"\n}");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 3);
    CHECK(r.problems[0].column == 8);
    CHECK(r.problems[0].message.en.find("JSON syntax error") != std::string::npos);

    LoadResult comma = loadText("{\n  \"a\": [1, 2,\n  ]\n}");
    REQUIRE(comma.problems.size() == 1);
    CHECK(comma.problems[0].message.en == "trailing comma before \"]\"");
    CHECK(comma.problems[0].line == 2);
    CHECK(comma.problems[0].column == 13);

    LoadResult open = loadText("{\"a\": [1, 2");
    CHECK(open.problems[0].message.en.find("unexpected end of file") != std::string::npos);
    CHECK(open.problems[0].column == 12);
}

TEST_CASE("columns count characters, not bytes") {
    LoadResult r = loadText("{\"é\": \"àà\", }");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].column == 11);
}

TEST_CASE("nesting limit is checked before parsing") {
    // Stopped at level 65 (column 65), not after reading the 100,000 brackets: no time is
    // asserted (flaky on a loaded machine), the position says where it stopped.
    LoadResult deep = loadText(std::string(100000, '['));
    REQUIRE(deep.problems.size() == 1);
    CHECK(deep.problems[0].message.en.find("nesting too deep") != std::string::npos);
    CHECK(deep.problems[0].column == 65);
    // 64 levels are fine as far as the limit goes (the map is then just wrong).
    std::string ok = "{\"x-deep\": " + std::string(63, '[') + std::string(63, ']') + "}";
    LoadResult r = loadText(ok);
    CHECK(find(r, "", "nesting") == nullptr);
    // Brackets inside strings do not count.
    json doc = baseMap();
    doc["description"] = std::string(200, '[');
    CHECK(loadJson(doc).ok);
}

TEST_CASE("files over 50 MB are refused before parsing") {
    std::string big(50u * 1024u * 1024u + 1u, ' ');
    LoadResult r = loadText(big);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.en.find("file too large") != std::string::npos);
}

TEST_CASE("strings over 10,000 characters are refused") {
    json doc = baseMap();
    doc["actors"][1]["description"] = std::string(10001, 'a');
    CHECK_PROBLEM(loadJson(doc), "/actors/1/description", "string too long (10001 characters");
    doc["actors"][1]["description"] = std::string(10000, 'a');
    CHECK(loadJson(doc).ok);
    // Counted in characters: 10,000 "é" are 20,000 bytes but fine.
    std::string accents;
    for (int i = 0; i < 10000; ++i) accents += "é";
    doc["actors"][1]["description"] = accents;
    CHECK(loadJson(doc).ok);
}

TEST_CASE("numbers that overflow are located") {
    LoadResult r = loadText("{\n \"a\": 1,\n \"b\": 1e999\n}");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.en == "number too large");
    CHECK(r.problems[0].line == 3);
    CHECK(r.problems[0].column == 7);
}

TEST_CASE("duplicate keys are errors, located at the second one") {
    std::string text = baseMap().dump(2);
    text.insert(text.find("\"licence\""), "\"licence\": \"MIT\",\n  ");
    LoadResult r = loadText(text);
    CHECK_PROBLEM(r, "/licence", "duplicate key \"licence\"");
    const Problem* p = find(r, "/licence", "duplicate");
    REQUIRE(p);
    size_t second = text.rfind("\"licence\"");
    CHECK(p->line == 1 + std::count(text.begin(), text.begin() + long(second), '\n'));
    // Nested: pointer through arrays.
    LoadResult nested = loadText(R"({"a": [{"b": 1}, {"c": 1, "c": 2}]})");
    CHECK(find(nested, "/a/1/c", "duplicate key") != nullptr);
}

TEST_CASE("the top level must be an object") {
    CHECK_PROBLEM(loadText("[1, 2]"), "", "expected a JSON object");
    CHECK_PROBLEM(loadText("\"map\""), "", "expected a JSON object");
    CHECK_PROBLEM(loadText("null"), "", "expected a JSON object");
}

// ---------------------------------------------------------------------------
// 2. Validation rules
// ---------------------------------------------------------------------------

TEST_CASE("required top-level fields") {
    for (const char* key : {"schema", "id", "title", "language", "licence", "maintainers", "updated",
                            "actors", "levels", "actorKinds", "relationKinds"}) {
        json doc = baseMap();
        doc.erase(key);
        if (std::string(key) == "levels" || std::string(key) == "actorKinds" ||
            std::string(key) == "relationKinds") {
            // Without them, actors also refer to undeclared ids.
        }
        CAPTURE(key);
        CHECK_PROBLEM(loadJson(doc), "", std::string("missing required field \"") + key + "\"");
    }
}

TEST_CASE("required fields of items") {
    struct Case {
        const char *list, *field;
        int index;
    };
    for (Case c :
         {Case{"levels", "colour", 0}, Case{"levels", "label", 1}, Case{"actors", "name", 0},
          Case{"actors", "sources", 1}, Case{"actors", "level", 2}, Case{"actors", "kind", 0},
          Case{"relations", "from", 0}, Case{"relations", "kind", 1}, Case{"glossary", "definition", 0},
          Case{"glossary", "term", 0}, Case{"territories", "level", 0}, Case{"tours", "steps", 0},
          Case{"variants", "label", 0}}) {
        json doc = baseMap();
        doc[c.list][c.index].erase(c.field);
        std::string pointer = std::string("/") + c.list + "/" + std::to_string(c.index);
        CAPTURE(pointer);
        CHECK_PROBLEM(loadJson(doc), pointer, std::string("missing required field \"") + c.field);
    }
    json doc = baseMap();
    doc["actors"][0]["sources"] = json::array();
    CHECK_PROBLEM(loadJson(doc), "/actors/0/sources", "at least 1 item");
    doc = baseMap();
    doc["maintainers"] = json::array();
    CHECK_PROBLEM(loadJson(doc), "/maintainers", "at least 1 item");
    doc = baseMap();
    doc["tours"][0]["steps"][0].erase("focus");
    CHECK_PROBLEM(loadJson(doc), "/tours/0/steps/0", "missing required field \"focus\"");
}

TEST_CASE("schema version") {
    json doc = baseMap();
    doc["schema"] = "qfq-map/2";
    CHECK_PROBLEM(loadJson(doc), "/schema", "unsupported schema \"qfq-map/2\"");
    doc["schema"] = 1;
    CHECK_PROBLEM(loadJson(doc), "/schema", "expected \"qfq-map/1\", got a number");
}

TEST_CASE("id pattern") {
    for (std::string bad :
         std::vector<std::string>{"DNE", "-dne", "d_ne", "dné", "", "a b", std::string(65, 'a')}) {
        json doc = baseMap();
        doc["actors"][2]["id"] = bad;
        CAPTURE(bad);
        CHECK_PROBLEM(loadJson(doc), "/actors/2/id", "invalid id");
    }
    json doc = baseMap();
    doc["actors"].push_back(actor(std::string(64, 'a')));
    doc["actors"].push_back(actor("0-a"));
    LoadResult good = loadJson(doc);
    INFO(dump(good));
    CHECK(good.ok);
    doc["actors"][0]["topics"][1] = "Equipment";
    CHECK_PROBLEM(loadJson(doc), "/actors/0/topics/1", "invalid id");
    doc = baseMap();
    doc["id"] = "Base";
    CHECK_PROBLEM(loadJson(doc), "/id", "invalid id");
}

TEST_CASE("colours") {
    for (std::string bad : {"1f4e79", "#1f4e7", "#1f4e79a", "#gggggg", "red", "#FFF"}) {
        json doc = baseMap();
        doc["levels"][0]["colour"] = bad;
        CAPTURE(bad);
        CHECK_PROBLEM(loadJson(doc), "/levels/0/colour", "invalid colour");
    }
}

TEST_CASE("dates") {
    for (std::string bad : {"2026-13-01", "2026-02-29", "2026-04-31", "2026-1-01", "26-11-29", "2026/11/29",
                            "2026-11-29T10:00", "2026-00-10"}) {
        json doc = baseMap();
        doc["updated"] = bad;
        CAPTURE(bad);
        CHECK_PROBLEM(loadJson(doc), "/updated", "invalid date");
    }
    json doc = baseMap();
    doc["updated"] = "2024-02-29";  // leap year
    CHECK(loadJson(doc).ok);
    doc["actors"][0]["sources"][0]["verified"] = "2023-02-29";
    CHECK_PROBLEM(loadJson(doc), "/actors/0/sources/0/verified", "invalid date");
}

TEST_CASE("URLs and email addresses") {
    json doc = baseMap();
    doc["actors"][0]["url"] = "www.education.gouv.fr";
    CHECK_PROBLEM(loadJson(doc), "/actors/0/url", "invalid URL");
    doc = baseMap();
    doc["actors"][0]["sources"][0]["url"] = "https://exa mple.org";
    CHECK_PROBLEM(loadJson(doc), "/actors/0/sources/0/url", "invalid URL");
    doc = baseMap();
    doc["maintainers"][0]["email"] = "nobody";
    CHECK_PROBLEM(loadJson(doc), "/maintainers/0/email", "invalid email");
    doc = baseMap();
    doc["actors"][0]["url"] = "mailto:dne@education.gouv.fr";  // the schema wants http(s)
    CHECK_PROBLEM(loadJson(doc), "/actors/0/url", "invalid URL");
}

TEST_CASE("unknown fields, x- fields and suggestions") {
    json doc = baseMap();
    doc["actors"][0]["acronyme"] = "DNE";
    LoadResult r = loadJson(doc);
    CHECK_PROBLEM(r, "/actors/0/acronyme", "unknown field \"acronyme\" (did you mean \"acronym\"?)");
    const Problem* p = find(r, "/actors/0/acronyme", "unknown field");
    REQUIRE(p);
    CHECK(p->message.fr.find("vouliez-vous dire « acronym »") != std::string::npos);
    doc = baseMap();
    doc["colour"] = "#000000";
    CHECK_PROBLEM(loadJson(doc), "/colour", "unknown field \"colour\"");
    doc = baseMap();
    doc["levels"][0]["x-comment"] = {{"anything", {1, 2, 3}}};
    doc["x-source"] = "somewhere";
    CHECK(loadJson(doc).ok);
    // Texts take only "fr" and "en", not even x- keys.
    doc["title"]["de"] = "Karte";
    doc["description"] = {{"fr", "x"}, {"x-note", "no"}};
    LoadResult r2 = loadJson(doc);
    CHECK_PROBLEM(r2, "/title/de", "unknown field \"de\"");
    CHECK_PROBLEM(r2, "/description/x-note", "unknown field \"x-note\"");
}

TEST_CASE("enumerations") {
    json doc = baseMap();
    doc["language"] = "de";
    CHECK_PROBLEM(loadJson(doc), "/language", "invalid value \"de\" (allowed: \"fr\", \"en\")");
    doc = baseMap();
    doc["actors"][0]["confidence"] = "maybe";
    CHECK_PROBLEM(loadJson(doc), "/actors/0/confidence", "invalid value \"maybe\"");
    doc = baseMap();
    doc["relationKinds"][0]["dash"] = "dash-dot";
    CHECK_PROBLEM(loadJson(doc), "/relationKinds/0/dash", "invalid value");
    doc = baseMap();
    doc["levels"][0]["dash"] = "dashed";  // only relation kinds have a dash
    CHECK_PROBLEM(loadJson(doc), "/levels/0/dash", "unknown field");
    doc = baseMap();
    doc["relations"][0]["directed"] = "yes";
    CHECK_PROBLEM(loadJson(doc), "/relations/0/directed", "expected a boolean");
}

TEST_CASE("wrong types everywhere are reported with the type found") {
    json doc = baseMap();
    doc["actors"][0]["level"] = 3;
    doc["actors"][1]["name"] = nullptr;
    doc["actors"][2]["aliases"] = "one";
    doc["relations"] = {{"from", "dne"}};
    doc["title"] = json::array();
    LoadResult r = loadJson(doc);
    CHECK_PROBLEM(r, "/actors/0/level", "expected an id (string), got a number");
    CHECK_PROBLEM(r, "/actors/1/name", "expected a text (string or {\"fr\", \"en\"}), got null");
    CHECK_PROBLEM(r, "/actors/2/aliases", "expected an array, got a string");
    CHECK_PROBLEM(r, "/relations", "expected an array, got an object");
    CHECK_PROBLEM(r, "/title", "got an array");
}

TEST_CASE("texts") {
    json doc = baseMap();
    doc["actors"][0]["name"] = json::object();
    CHECK_PROBLEM(loadJson(doc), "/actors/0/name", "empty text");
    doc["actors"][0]["name"] = "";
    CHECK_PROBLEM(loadJson(doc), "/actors/0/name", "empty text");
    doc["actors"][0]["name"] = {{"fr", 3}};
    CHECK_PROBLEM(loadJson(doc), "/actors/0/name/fr", "expected a string");
    // Plain strings are in the map's language.
    doc = baseMap();
    doc["language"] = "en";
    LoadResult r = loadJson(doc);
    REQUIRE(r.ok);
    CHECK(r.map.actors[1].name.en == "Délégation régionale académique au numérique éducatif");
    CHECK(r.map.actors[1].name.fr.empty());
    CHECK(r.map.actors[1].name.get(Lang::Fr) == r.map.actors[1].name.en);  // falls back
}

TEST_CASE("positions must be finite and bounded; negative is fine") {
    json doc = baseMap();
    doc["actors"][0]["position"] = {{"x", 1e300}, {"y", 0}};
    CHECK_PROBLEM(loadJson(doc), "/actors/0/position/x", "number out of range");
    doc["actors"][0]["position"] = {{"x", "1"}, {"y", 0}};
    CHECK_PROBLEM(loadJson(doc), "/actors/0/position/x", "expected a number");
    doc["actors"][0]["position"] = {{"x", 1}};
    CHECK_PROBLEM(loadJson(doc), "/actors/0/position", "missing required field \"y\"");
    doc["actors"][0]["position"] = {{"x", -999999}, {"y", -0.5}};
    CHECK(loadJson(doc).ok);
    CHECK_PROBLEM(loadText(R"({"actors": [{"position": {"x": -1e999, "y": 0}}]})"), "", "number too large");
}

TEST_CASE("tours") {
    json doc = baseMap();
    doc["tours"][0]["steps"][0]["path"] = {"dne"};
    CHECK_PROBLEM(loadJson(doc), "/tours/0/steps/0/path", "at least 2 item");
    doc["tours"][0]["steps"][0]["path"] = {"dne", "drane", "college"};
    CHECK_PROBLEM(loadJson(doc), "/tours/0/steps/0/path", "exactly two actors");
    doc = baseMap();
    doc["tours"][0]["steps"][0]["zoom"] = 0;
    CHECK_PROBLEM(loadJson(doc), "/tours/0/steps/0/zoom", "out of range");
    doc = baseMap();
    doc["tours"][0]["steps"] = json::array();
    CHECK_PROBLEM(loadJson(doc), "/tours/0/steps", "at least 1 item");
}

TEST_CASE("override and remove only in overlays") {
    json doc = baseMap();
    doc["override"] = {{"actors", json::object()}};
    doc["remove"] = {{"actors", json::array()}};
    LoadResult r = loadJson(doc);
    CHECK_PROBLEM(r, "/override", "only makes sense in a map that extends another");
    CHECK_PROBLEM(r, "/remove", "only makes sense");
}

TEST_CASE("several problems are all reported, in file order") {
    json doc = baseMap();
    doc["updated"] = "yesterday";
    doc["levels"][2]["colour"] = "brown";
    doc["actors"][2]["level"] = "ecole";
    doc["relations"][1]["to"] = "colege";
    LoadResult r = loadJson(doc);
    CHECK(errorCount(r) == 4);
    CHECK_PROBLEM(r, "/updated", "invalid date");
    CHECK_PROBLEM(r, "/levels/2/colour", "invalid colour");
    CHECK_PROBLEM(r, "/actors/2/level", "level \"ecole\" does not exist");
    CHECK_PROBLEM(r, "/relations/1/to", "did you mean \"college\"?");
    for (size_t i = 1; i < r.problems.size(); ++i) CHECK(r.problems[i - 1].line <= r.problems[i].line);
}

// ---------------------------------------------------------------------------
// 3. References and duplicates
// ---------------------------------------------------------------------------

TEST_CASE("unknown references") {
    struct Case {
        std::string pointer, value, message;
    };
    for (const Case& c :
         std::vector<Case>{{"/actors/0/level", "region", "level \"region\" does not exist"},
                           {"/actors/0/kind", "etab", "actor kind \"etab\" does not exist"},
                           {"/actors/0/territory", "occitanie", "territory \"occitanie\" does not exist"},
                           {"/relations/0/from", "dgesco", "actor \"dgesco\" does not exist"},
                           {"/relations/0/to", "rectorat", "actor \"rectorat\" does not exist"},
                           {"/relations/1/kind", "finance", "relation kind \"finance\" does not exist"},
                           {"/territories/1/level", "region", "level \"region\" does not exist"},
                           {"/territories/1/parent", "europe", "territory \"europe\" does not exist"},
                           {"/glossary/0/see/1", "canope", "actor \"canope\" does not exist"},
                           {"/tours/0/steps/1/focus/0", "canope", "actor \"canope\" does not exist"},
                           {"/tours/0/steps/0/path/1", "canope", "actor \"canope\" does not exist"}}) {
        json doc = baseMap();
        doc[json::json_pointer(c.pointer)] = c.value;
        CAPTURE(c.pointer);
        CHECK_PROBLEM(loadJson(doc), c.pointer, c.message);
    }
    json doc = baseMap();
    doc["actors"][1]["variants"]["rouen"] = {{"name", "x"}};
    CHECK_PROBLEM(loadJson(doc), "/actors/1/variants/rouen", "variant \"rouen\" does not exist");
    // The message lists what is declared, in both languages.
    doc = baseMap();
    doc["actors"][0]["level"] = "region";
    LoadResult r = loadJson(doc);
    const Problem* p = find(r, "/actors/0/level", "declared: national, academie, etablissement");
    REQUIRE(p);
    CHECK(p->message.fr ==
          "le niveau « region » n'existe pas (niveaux déclarés : national, academie, etablissement)");
}

TEST_CASE("duplicate ids in every list") {
    for (const char* list : {"levels", "actorKinds", "relationKinds", "variants", "territories", "actors",
                             "relations", "glossary", "tours"}) {
        json doc = baseMap();
        doc[list].push_back(doc[list][0]);
        std::string key = std::string(list) == "glossary" ? "term" : "id";
        std::string pointer = std::string("/") + list + '/' + std::to_string(doc[list].size() - 1);
        pointer += '/' + key;
        CAPTURE(list);
        CHECK_PROBLEM(loadJson(doc), pointer, "already used at /" + std::string(list) + "/0");
    }
    // Two relations with the same ends and kind and no id collide on the default id.
    json doc = baseMap();
    doc["relations"].push_back({{"from", "dne"}, {"to", "drane"}, {"kind", "pilote"}});
    CHECK_PROBLEM(loadJson(doc), "/relations/2/id", "duplicate id \"dne--pilote--drane\"");
}

TEST_CASE("territory cycles") {
    json doc = baseMap();
    doc["territories"][0]["parent"] = "toulouse";
    CHECK_PROBLEM(loadJson(doc), "/territories/0/parent",
                  "territories form a cycle: france → toulouse → france");
    doc = baseMap();
    doc["territories"][0]["parent"] = "france";
    CHECK_PROBLEM(loadJson(doc), "/territories/0/parent", "cycle: france → france");
}

TEST_CASE("a relation from an actor to itself is only a warning") {
    json doc = baseMap();
    doc["relations"].push_back({{"from", "dne"}, {"to", "dne"}, {"kind", "partenaire"}});
    LoadResult r = loadJson(doc);
    CHECK(r.ok);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].warning);
    CHECK(qfq::io::formatProblem(r.problems[0], Lang::En).find("warning: the relation joins") !=
          std::string::npos);
}

TEST_CASE("topics: the vocabulary is kept, and checked once declared") {
    json doc = baseMap();
    doc["topics"] = {{{"id", "ent"}, {"label", "ENT"}, {"description", "Espaces numériques"}},
                     {{"id", "equipment"}, {"label", {{"en", "Equipment"}}}}};
    LoadResult r = loadJson(doc);
    INFO(dump(r));
    REQUIRE(r.ok);
    REQUIRE(r.map.topics.size() == 2);
    CHECK(r.map.topics[0].description.fr == "Espaces numériques");
    CHECK(r.map.topics[1].label.en == "Equipment");
    doc["actors"][0]["topics"][0] = "enf";
    CHECK_PROBLEM(loadJson(doc), "/actors/0/topics/0", "topic \"enf\" does not exist; did you mean \"ent\"?");
    doc["actors"][0]["topics"][0] = "ent";
    doc["topics"].push_back({{"id", "ent"}, {"label", "x"}});
    CHECK_PROBLEM(loadJson(doc), "/topics/2/id", "duplicate id \"ent\"");
}

TEST_CASE("variant texts merge key by key over the actor's own") {
    json doc = baseMap();
    doc["actors"][0]["variants"] = {
        {"toulouse", {{"name", {{"en", "DNE Toulouse"}}}, {"sources", json::array()}}}};
    LoadResult r = loadJson(doc);
    INFO(dump(r));
    REQUIRE(r.ok);
    const qfq::VariantText& v = r.map.actors[0].variants[0];
    CHECK(v.name.en == "DNE Toulouse");
    CHECK(v.name.fr == "Direction du numérique pour l'éducation");
    CHECK(v.description.empty());  // not given: the app falls back to the actor's
    doc["actors"][0]["variants"]["toulouse"]["level"] = "academie";  // not a per-variant field
    CHECK_PROBLEM(loadJson(doc), "/actors/0/variants/toulouse/level", "unknown field \"level\"");
}
