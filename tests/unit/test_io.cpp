// tests/unit/test_io.cpp — the map loader: parsing, every rule of data/README.md, overlays,
// toJson round trip, robustness, and the maps shipped under data/.
//
// Contents
//   1. Fixtures (a small complete map, an in-memory fetch)
//   2. Parsing and limits
//   3. Validation rules, one by one
//   4. References and duplicates
//   5. Overlays
//   6. Files, catalogues, extendsOf, formatProblem
//   7. toJson round trip
//   8. Robustness (every value replaced by every type)
//   9. Shipped maps (data/index.json)

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>

#include "io/load.h"

using nlohmann::json;
using qfq::Lang;
using qfq::io::Document;
using qfq::io::LoadResult;
using qfq::io::Problem;

namespace {

// ---------------------------------------------------------------------------
// 1. Fixtures
// ---------------------------------------------------------------------------

json baseMap() {
    return json::parse(R"({
  "schema": "qfq-map/1", "id": "base", "title": {"fr": "Base", "en": "Base"}, "language": "fr",
  "licence": "CC-BY-4.0", "maintainers": [{"name": "Équipe", "url": "https://example.org", "email": "a@b.fr"}],
  "updated": "2026-11-29", "description": "Une carte de test.",
  "levels": [
    {"id": "national", "label": {"fr": "National", "en": "National"}, "colour": "#1f4e79"},
    {"id": "academie", "label": "Académie", "colour": "#2E75B6"},
    {"id": "etablissement", "label": "Établissement", "colour": "#7f6000"}],
  "actorKinds": [{"id": "etat", "label": {"fr": "État", "en": "State"}, "colour": "#2e75b6"},
                 {"id": "collectivite", "label": "Collectivité", "colour": "#548235"}],
  "relationKinds": [{"id": "pilote", "label": "pilote", "colour": "#c00000", "verb": {"fr": "pilote", "en": "steers"}},
                    {"id": "partenaire", "label": "partenaire", "colour": "#808080", "dash": "dashed"}],
  "variants": [{"id": "toulouse", "label": "Académie de Toulouse"}, {"id": "montpellier", "label": "Académie de Montpellier"}],
  "territories": [
    {"id": "france", "name": "France", "level": "national"},
    {"id": "toulouse", "name": "Académie de Toulouse", "level": "academie", "parent": "france"}],
  "actors": [
    {"id": "dne", "acronym": "DNE", "name": {"fr": "Direction du numérique pour l'éducation", "en": "Digital Education Directorate"},
     "aliases": ["la DNE"], "formerNames": [{"name": "DNE-old", "expansion": "Ancienne", "until": "2019"}],
     "level": "national", "kind": "etat", "description": "Pilote le numérique.", "missions": ["Piloter", {"en": "Steer"}],
     "topics": ["ent", "equipment"], "url": "https://www.education.gouv.fr/",
     "sources": [{"url": "https://www.education.gouv.fr/dne", "verified": "2026-11-29", "title": "Page DNE"}],
     "position": {"x": -120.5, "y": 40}, "x-note": "kept and ignored"},
    {"id": "drane", "acronym": "DRANE", "name": "Délégation régionale académique au numérique éducatif",
     "level": "academie", "kind": "etat", "territory": "toulouse", "confidence": "unsure",
     "sources": [{"url": "https://www.ac-toulouse.fr/drane", "verified": "2026-01-15"}],
     "variants": {"toulouse": {"name": "DRANE Toulouse", "url": "https://drane.ac-toulouse.fr"},
                  "montpellier": {"description": "Site de Montpellier"}}},
    {"id": "college", "name": "Collège", "level": "etablissement", "kind": "collectivite",
     "sources": [{"url": "https://example.org/college", "verified": "2026-11-29"}]}],
  "relations": [
    {"from": "dne", "to": "drane", "kind": "pilote", "sources": [{"url": "https://example.org/r", "verified": "2026-11-29"}]},
    {"id": "drane-college", "from": "drane", "to": "college", "kind": "partenaire", "directed": false,
     "description": "Accompagne.", "confidence": "unsure"}],
  "glossary": [{"term": "ENT", "expansion": "Espace numérique de travail", "definition": "Portail.", "see": ["dne", "college"]}],
  "tours": [{"id": "decouverte", "title": "Découverte", "steps": [
    {"title": "Le national", "text": "La DNE pilote.", "focus": ["dne"], "path": ["dne", "drane"], "zoom": 1.5},
    {"title": "Le terrain", "text": "Le collège.", "focus": ["college", "drane"]}]}]
})");
}

json minimalOverlay(const std::string& extends) {
    return {{"schema", "qfq-map/1"}, {"id", "overlay"},       {"title", "Surcouche"},
            {"language", "fr"},      {"licence", "CC-BY-4.0"}, {"maintainers", {{{"name", "X"}}}},
            {"updated", "2026-11-30"}, {"extends", extends},   {"actors", json::array()}};
}

json actor(const std::string& id, const std::string& level = "national") {
    return {{"id", id},
            {"name", "Acteur " + id},
            {"level", level},
            {"kind", "etat"},
            {"sources", {{{"url", "https://example.org/" + id}, {"verified", "2026-11-29"}}}}};
}

// Files by name; catalogue ids resolve to "ID.json".
struct Files {
    std::map<std::string, std::string> texts;
    int fetches = 0;

    void put(const std::string& name, const json& doc) { texts[name] = doc.dump(2); }
    LoadResult load(const std::string& name) {
        qfq::io::Fetch fetch = [this](const std::string& ref, const std::string&, Document& out) {
            ++fetches;
            std::string file = ref.find(".json") != std::string::npos ? ref : ref + ".json";
            if (file.rfind("./", 0) == 0) file = file.substr(2);
            auto it = texts.find(file);
            if (it == texts.end()) return false;
            out = {file, it->second};
            return true;
        };
        return qfq::io::loadMap({name, texts.at(name)}, fetch);
    }
};

LoadResult loadText(const std::string& text, const std::string& name = "test.json") {
    return qfq::io::loadMap({name, text}, nullptr);
}
LoadResult loadJson(const json& doc) { return loadText(doc.dump(2)); }

std::string dump(const LoadResult& r) {
    std::string out;
    for (const Problem& p : r.problems) out += qfq::io::formatProblem(p, Lang::En) + "\n";
    return out;
}

// The first problem at `pointer` whose English message contains `text`, or nullptr.
const Problem* find(const LoadResult& r, const std::string& pointer, const std::string& text) {
    for (const Problem& p : r.problems)
        if (p.pointer == pointer && p.message.en.find(text) != std::string::npos) return &p;
    return nullptr;
}

size_t errorCount(const LoadResult& r) {
    size_t n = 0;
    for (const Problem& p : r.problems) n += !p.warning;
    return n;
}

// Asserts that `doc` is invalid with a problem at `pointer` mentioning `text`, that the map
// is empty (never half-loaded) and that every problem has both languages.
#define CHECK_PROBLEM(result, pointer, text)                                              \
    do {                                                                                  \
        const LoadResult& r_ = (result);                                                  \
        INFO(dump(r_));                                                                   \
        CHECK_FALSE(r_.ok);                                                               \
        CHECK(r_.map.actors.empty());                                                     \
        CHECK(find(r_, pointer, text) != nullptr);                                        \
        for (const Problem& p_ : r_.problems) CHECK((!p_.message.fr.empty() && !p_.message.en.empty())); \
    } while (0)

}  // namespace

// ---------------------------------------------------------------------------
// 2. Parsing and limits
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
    size_t start = readme.find("```json\n"), end = readme.find("```", start + 8);
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
    CHECK(comma.problems[0].column == 14);

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
    auto start = std::chrono::steady_clock::now();
    LoadResult deep = loadText(std::string(100000, '['));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
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
// 3. Validation rules
// ---------------------------------------------------------------------------

TEST_CASE("required top-level fields") {
    for (const char* key :
         {"schema", "id", "title", "language", "licence", "maintainers", "updated", "actors",
          "levels", "actorKinds", "relationKinds"}) {
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
    for (Case c : {Case{"levels", "colour", 0}, Case{"levels", "label", 1}, Case{"actors", "name", 0},
                   Case{"actors", "sources", 1}, Case{"actors", "level", 2}, Case{"actors", "kind", 0},
                   Case{"relations", "from", 0}, Case{"relations", "kind", 1},
                   Case{"glossary", "definition", 0}, Case{"glossary", "term", 0},
                   Case{"territories", "level", 0}, Case{"tours", "steps", 0},
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
    for (std::string bad : std::vector<std::string>{"DNE", "-dne", "d_ne", "dné", "", "a b",
                                                    std::string(65, 'a')}) {
        json doc = baseMap();
        doc["actors"][2]["id"] = bad;
        CAPTURE(bad);
        CHECK_PROBLEM(loadJson(doc), "/actors/2/id", "invalid id");
    }
    json doc = baseMap();
    doc["actors"][2]["id"] = std::string(64, 'a');
    CHECK(loadJson(doc).ok);
    doc["actors"][2]["id"] = "0-a";
    CHECK(loadJson(doc).ok);
    doc["topics"] = 1;  // an unknown top-level field, not an id
    doc.erase("topics");
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
    for (std::string bad : {"2026-13-01", "2026-02-29", "2026-04-31", "2026-1-01", "26-11-29",
                            "2026/11/29", "2026-11-29T10:00", "2026-00-10"}) {
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
    doc["actors"][0]["url"] = "mailto:dne@education.gouv.fr";
    CHECK(loadJson(doc).ok);
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
    doc["title"]["x-note"] = "ok";
    CHECK(loadJson(doc).ok);
    doc["title"]["de"] = "Karte";
    CHECK_PROBLEM(loadJson(doc), "/title/de", "unknown field \"de\"");
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
    for (size_t i = 1; i < r.problems.size(); ++i)
        CHECK(r.problems[i - 1].line <= r.problems[i].line);
}

// ---------------------------------------------------------------------------
// 4. References and duplicates
// ---------------------------------------------------------------------------

TEST_CASE("unknown references") {
    struct Case {
        std::string pointer, value, message;
    };
    for (const Case& c : std::vector<Case>{
             {"/actors/0/level", "region", "level \"region\" does not exist"},
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
    for (const char* list : {"levels", "actorKinds", "relationKinds", "variants", "territories",
                             "actors", "relations", "glossary", "tours"}) {
        json doc = baseMap();
        doc[list].push_back(doc[list][0]);
        std::string key = std::string(list) == "glossary" ? "term" : "id";
        std::string pointer = "/" + std::string(list) + "/" + std::to_string(doc[list].size() - 1) +
                              (std::string(list) == "relations" ? "" : "/" + key);
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

// ---------------------------------------------------------------------------
// 5. Overlays
// ---------------------------------------------------------------------------

TEST_CASE("overlay: add, override field by field, remove, in README order") {
    Files files;
    files.put("base.json", baseMap());
    json o = minimalOverlay("base");
    o["language"] = "en";
    o["levels"] = {{{"id", "departement"}, {"label", "Département"}, {"colour", "#aaaaaa"}}};
    o["actors"] = {actor("dsden", "departement")};
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
    REQUIRE(m.actors.size() == 3);                  // dne, drane, dsden (college removed)
    CHECK(m.findActor("college") == -1);
    const qfq::Actor& dne = m.actors[0];
    CHECK(dne.name.en == "DNE (overlay)");                             // merged key by key...
    CHECK(dne.name.fr == "Direction du numérique pour l'éducation");  // ...keeping the French
    CHECK(dne.aliases == std::vector<std::string>{"dne"});             // arrays replaced
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
    o["override"]["actors"]["drane"]["variants"] = {
        {"toulouse", {{"description", "Nouvelle description"}}},
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
    o["actors"] = {actor("dne")};
    o["remove"] = {{"actors", {"dnee"}}, {"relations", {"nope"}}};
    o["override"] = {{"actors", {{"canope", {{"acronym", "Canopé"}}}}},
                     {"glossary", {{"ENTT", {{"definition", "x"}}}}}};
    files.put("overlay.json", o);
    LoadResult r = files.load("overlay.json");
    CHECK_PROBLEM(r, "/actors/0/id", "actor \"dne\" already exists in the base map base.json");
    CHECK_PROBLEM(r, "/remove/actors/0", "cannot remove actor \"dnee\": not in the base map (did you mean \"dne\"?)");
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
    mid["actors"] = {actor("mid-actor")};
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
        json o = minimalOverlay("m" + std::to_string(i - 1) + ".json");
        o["id"] = "m" + std::to_string(i);
        files.put("m" + std::to_string(i) + ".json", o);
    }
    CHECK(files.load("m10.json").ok);
    CHECK_PROBLEM(files.load("m20.json"), "/extends", "too long");
}

// ---------------------------------------------------------------------------
// 6. Files, catalogues, extendsOf, formatProblem
// ---------------------------------------------------------------------------

TEST_CASE("loadFile: relative paths and index.json catalogues") {
    namespace fs = std::filesystem;
    fs::path root = fs::temp_directory_path() / ("qfq-test-io-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
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
// 7. toJson round trip
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
// 8. Robustness
// ---------------------------------------------------------------------------

TEST_CASE("every value replaced by every type: no crash, no half-loaded map") {
    json base = baseMap();
    json flat = base.flatten();
    const json replacements[] = {nullptr, 0, -1.5, true, "", "x", json::array(), json::object(),
                                 json::array({1, "a"}), 1e300};
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
    CHECK(runs > 1000);
    // Same in an overlay, so that merging sees bad shapes too.
    Files files;
    files.put("base.json", base);
    json o = minimalOverlay("base");
    o["override"] = {{"actors", {{"dne", {{"name", {{"en", "x"}}}, {"variants", {{"toulouse", {{"url", "https://x.fr"}}}}}}}}},
                     {"relations", {{"drane-college", {{"from", "dne"}}}}}};
    o["remove"] = {{"actors", {"college"}}, {"relations", {"dne--pilote--drane"}}};
    o["actors"] = {actor("new")};
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
// 9. Shipped maps
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
