// tests/unit/test_editor_session.cpp — the editor's session on the overlay document: every
// change through edit.* commands, refusals with the loader's messages, undo/redo, saving with
// unknown fields and untouched formatting kept, the changes view, and the CSV set / ZIP it saves.
//
// Contents
//   1. Building a territory from an empty overlay
//   2. Refusals point at the field
//   3. Inherited items: override and remove
//   4. Opening an existing overlay: x- fields and formatting survive
//   5. ZIP

#include <doctest/doctest.h>

#include "io/csv.h"
#include "io/export.h"
#include "io/publish.h"
#include "test_export_fixture.h"
#include "ui/editor_session.h"

using namespace qfq;

namespace {

const std::string kData = std::string(QFQ_SOURCE_DIR) + "/data/";

ui::EditSession newSession() {
    ui::EditSession s;
    io::Document national{"national.json", qfq_test::readFile(kData + "national.json")};
    s.bases["national"] = national;
    ui::openNew(s, "national", "2026-12-01");
    return s;
}

nlohmann::json edit(ui::EditSession& s, const nlohmann::json& command) {
    nlohmann::json answer;
    REQUIRE(ui::applyEdit(s, command, answer));
    return answer;
}

const nlohmann::json kSource = {{"url", "https://example.org/page"}, {"verified", "2026-12-01"}};

}  // namespace

// ---------------------------------------------------------------------------
// 1. Building a territory
// ---------------------------------------------------------------------------

TEST_CASE("editor: a territory from an empty overlay, undo and redo, valid at every step") {
    ui::EditSession s = newSession();
    REQUIRE(s.result.ok);
    const size_t base = s.result.map.actors.size();
    CHECK(edit(s, {{"cmd", "edit.addTerritory"},
                   {"id", "circ-22-lannion"},
                   {"name", "Circonscription de Lannion"},
                   {"level", "circonscription"},
                   {"parent", "dep-22"}})["ok"] == true);
    for (const char* id : {"dsden-22", "erun-22", "canope-22"})
        CHECK(edit(s, {{"cmd", "edit.addActor"},
                       {"id", id},
                       {"name", std::string("Acteur ") + id},
                       {"level", "departement"},
                       {"kind", "service-deconcentre"},
                       {"territory", "circ-22-lannion"},
                       {"source", kSource}})["ok"] == true);
    CHECK(edit(s, {{"cmd", "edit.addRelation"},
                   {"from", "ia-dasen"},
                   {"to", "dsden-22"},
                   {"kind", "steers"}})["ok"] == true);
    CHECK(edit(s, {{"cmd", "edit.addRelation"},
                   {"from", "dsden-22"},
                   {"to", "erun-22"},
                   {"kind", "coordinates"}})["ok"] == true);
    CHECK(edit(s, {{"cmd", "edit.addGlossary"},
                   {"term", "PDN"},
                   {"expansion", "Plan départemental du numérique"},
                   {"definition", "Le plan du département."},
                   {"see", {"dsden-22"}}})["ok"] == true);
    CHECK(edit(s, {{"cmd", "edit.addTourStep"},
                   {"tour", "decouvrir-22"},
                   {"tourTitle", "Découvrir le 22"},
                   {"title", "La DSDEN"},
                   {"text", "Elle pilote."},
                   {"focus", {"dsden-22"}}})["ok"] == true);
    CHECK(edit(s, {{"cmd", "edit.moveActor"}, {"id", "dsden-22"}, {"x", 120.5}, {"y", -40}})["ok"] == true);
    REQUIRE(s.result.ok);
    CHECK(s.result.map.actors.size() == base + 3);
    CHECK(s.result.map.actors[size_t(s.result.map.findActor("dsden-22"))].pinned);

    const uint64_t before = s.revision;
    CHECK(edit(s, {{"cmd", "edit.undo"}})["ok"] == true);
    CHECK_FALSE(s.result.map.actors[size_t(s.result.map.findActor("dsden-22"))].pinned);
    CHECK(edit(s, {{"cmd", "edit.redo"}})["ok"] == true);
    CHECK(s.result.map.actors[size_t(s.result.map.findActor("dsden-22"))].pinned);
    CHECK(s.revision == before + 2);

    // Removing an actor of the territory takes its relations, glossary `see` and tour focus.
    CHECK(edit(s, {{"cmd", "edit.removeActor"}, {"id", "erun-22"}})["ok"] == true);
    CHECK(s.result.map.findActor("erun-22") < 0);
    CHECK(s.doc["relations"].size() == 1);

    // Saved, it loads on its own; its CSV set imports back to the same map.
    std::string saved = ui::savedText(s);
    io::LoadResult reloaded = io::loadMap({"mon-territoire.json", saved},
                                          [&](const std::string& ref, const std::string&, io::Document& out) {
                                              out = s.bases.at(ref);
                                              return ref == "national";
                                          });
    INFO(saved);
    REQUIRE(reloaded.ok);
    std::vector<std::pair<std::string, std::string>> set = io::csvSet(reloaded.map);
    std::vector<io::Document> docs;
    for (const auto& [name, text] : set) docs.push_back({name, text});
    io::LoadResult base0 = io::loadMap(s.bases.at("national"), {});
    io::CsvImportOptions options;
    options.base = &base0.map;
    options.extends = "national";
    options.id = "mon-territoire";
    io::CsvImport back =
        io::importCsv(io::CsvFiles{&docs[0], &docs[1], &docs[2], &docs[3], &docs[4]}, options,
                      [&](const std::string& ref, const std::string&, io::Document& out) {
                          out = s.bases.at("national");
                          return ref == "national";
                      });
    REQUIRE(back.ok);
    nlohmann::json a = io::toJson(reloaded.map), b = io::toJson(back.map);
    for (const char* key : {"actors", "relations", "territories", "glossary", "tours"}) {
        CAPTURE(key);
        CHECK(a.value(key, nlohmann::json()) == b.value(key, nlohmann::json()));
    }

    nlohmann::json c = ui::changes(s);
    CHECK(c["added"]["actors"] == nlohmann::json({"dsden-22", "canope-22"}));
    CHECK(c["added"]["territories"] == nlohmann::json({"circ-22-lannion"}));
    CHECK(c["added"]["tours"] == nlohmann::json({"decouvrir-22"}));
}

// ---------------------------------------------------------------------------
// 2. Refusals
// ---------------------------------------------------------------------------

TEST_CASE(
    "editor: a change that would make the map invalid is refused with the loader's message at the field") {
    ui::EditSession s = newSession();
    const uint64_t revision = s.revision;
    nlohmann::json a = edit(s, {{"cmd", "edit.addActor"},
                                {"id", "x"},
                                {"name", "X"},
                                {"level", "academy"},
                                {"kind", "service-deconcentre"},
                                {"source", kSource}});
    CHECK(a["ok"] == false);
    REQUIRE(a["problems"].size() >= 1);
    CHECK(a["problems"][0]["pointer"] == "/actors/0/level");
    CHECK(a["problems"][0]["field"] == "level");
    CHECK(a["problems"][0]["message"]["en"].get<std::string>().find("did you mean \"academie\"") !=
          std::string::npos);
    CHECK(s.revision == revision);  // nothing changed
    CHECK(s.doc["actors"].empty());
    a = edit(s, {{"cmd", "edit.addRelation"}, {"from", "dne"}, {"to", "nobody"}, {"kind", "steers"}});
    CHECK(a["ok"] == false);
    CHECK(a["problems"][0]["field"] == "to");
    CHECK(edit(s, {{"cmd", "edit.removeTerritory"}, {"id", "ac-rennes"}})["ok"] == false);
}

// ---------------------------------------------------------------------------
// 3. Inherited items
// ---------------------------------------------------------------------------

TEST_CASE("editor: changing an inherited actor writes an override; removing one writes remove") {
    ui::EditSession s = newSession();
    CHECK(edit(s, {{"cmd", "edit.updateActor"},
                   {"id", "dsden"},
                   {"set",
                    {{"name", {{"fr", "DSDEN des Côtes-d'Armor"}, {"en", "Côtes-d'Armor DSDEN"}}}}}})["ok"] ==
          true);
    CHECK(s.doc["override"]["actors"]["dsden"]["name"]["en"] == "Côtes-d'Armor DSDEN");
    CHECK(edit(s, {{"cmd", "edit.removeActor"}, {"id", "cnfs"}})["ok"] == true);
    CHECK(s.doc["remove"]["actors"] == ui::OrderedJson({"cnfs"}));
    CHECK(s.result.map.findActor("cnfs") < 0);
    nlohmann::json c = ui::changes(s);
    CHECK(c["overridden"]["actors"]["dsden"] == nlohmann::json({"name"}));
    CHECK(c["removed"]["actors"] == nlohmann::json({"cnfs"}));
    // An override of one language only is kept, with the loader's warning.
    CHECK(edit(s, {{"cmd", "edit.updateActor"},
                   {"id", "drane"},
                   {"set", {{"name", "DRANE de Bretagne"}}}})["ok"] == true);
    bool warned = false;
    for (const ui::EditProblem& p : s.problems) warned = warned || (p.warning && p.field == "name");
    CHECK(warned);
}

// ---------------------------------------------------------------------------
// 4. Opening an existing overlay
// ---------------------------------------------------------------------------

TEST_CASE("editor: x- fields and the formatting of untouched items survive an edit") {
    ui::EditSession s;
    s.bases["national"] = {"national.json", qfq_test::readFile(kData + "national.json")};
    const std::string text =
        "{\n"
        "  \"schema\": \"qfq-map/1\", \"id\": \"essai\", \"title\": \"Essai\", \"language\": \"fr\",\n"
        "  \"licence\": \"CC-BY-4.0\", \"maintainers\": [{\"name\": \"X\"}], \"updated\": \"2026-11-30\",\n"
        "  \"extends\": \"national\",\n"
        "  \"x-note\": {\"why\": \"kept\"},\n"
        "  \"actors\": [\n"
        "    {\"id\": \"a1\", \"name\": \"Un\", \"level\": \"academie\", \"kind\": \"service-deconcentre\",\n"
        "     \"sources\": [{\"url\": \"https://example.org/1\", \"verified\": \"2026-11-30\"}], "
        "\"x-local\": 1},\n"
        "    {\"id\": \"a2\", \"name\": \"Deux\", \"level\": \"academie\", \"kind\": "
        "\"service-deconcentre\", \"sources\": [{\"url\": \"https://example.org/2\", \"verified\": "
        "\"2026-11-30\"}]}\n"
        "  ]\n"
        "}\n";
    REQUIRE(ui::openDocument(s, text, "essai.json"));
    REQUIRE(s.result.ok);
    CHECK(edit(s, {{"cmd", "edit.updateActor"}, {"id", "a2"}, {"set", {{"acronym", "D2"}}}})["ok"] == true);
    std::string saved = ui::savedText(s);
    INFO(saved);
    // a1 untouched: its text, line break and x- field as written.
    CHECK(saved.find("    {\"id\": \"a1\", \"name\": \"Un\", \"level\": \"academie\", \"kind\": "
                     "\"service-deconcentre\",\n"
                     "     \"sources\": [{\"url\": \"https://example.org/1\", \"verified\": "
                     "\"2026-11-30\"}], \"x-local\": 1}") != std::string::npos);
    CHECK(saved.find("\"x-note\": {\"why\": \"kept\"}") != std::string::npos);
    CHECK(saved.find("\"acronym\": \"D2\"") != std::string::npos);
    // Keys keep their order: schema first, actors last.
    CHECK(saved.find("\"schema\"") < saved.find("\"actors\""));
    nlohmann::json reread = nlohmann::json::parse(saved);
    CHECK(reread["actors"][0]["x-local"] == 1);
    // Nothing changed: the very same bytes.
    ui::EditSession same;
    same.bases = s.bases;
    REQUIRE(ui::openDocument(same, text, "essai.json"));
    CHECK(ui::savedText(same) == text);
}

// ---------------------------------------------------------------------------
// 5. ZIP
// ---------------------------------------------------------------------------

TEST_CASE("zip: store-only archive with CRC-32 and a central directory") {
    CHECK(io::crc32("123456789") == 0xCBF43926u);  // the standard check value
    std::string zip = io::zipStore({{"index.html", "<p>ok</p>"}, {"data/index.json", "{}"}});
    CHECK(zip.substr(0, 4) == std::string("PK\x03\x04", 4));
    CHECK(zip.find("data/index.json") != std::string::npos);
    CHECK(zip.substr(zip.size() - 22, 4) == std::string("PK\x05\x06", 4));
    CHECK(uint8_t(zip[zip.size() - 22 + 10]) == 2);                   // two entries
    CHECK(io::zipStore({{"a", "x"}}) == io::zipStore({{"a", "x"}}));  // deterministic
}
