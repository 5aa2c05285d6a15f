// tests/unit/test_csv.cpp — CSV reading, formula injection, export and import of spreadsheets.
//
// Contents
//   1. readCsv: delimiters, BOM, Windows-1252, quotes, positions
//   2. Formula injection
//   3. Round trip json -> csv -> json
//   4. Import problems (missing column, unknown level, row/column positions)
//   5. Overlays and the templates

#include <doctest/doctest.h>

#include "io/csv.h"
#include "io/export.h"
#include "test_export_fixture.h"

using namespace qfq;

namespace {

io::CsvTable table(const std::string& bytes) {
    io::CsvTable t;
    io::Problem p;
    REQUIRE(io::readCsv(bytes, "t.csv", t, p));
    return t;
}

// A base with the fixture's vocabularies and nothing else to compare against.
io::CsvImport import(const std::string& actors, const std::string& relations, const Map& base,
                     const std::string& extends = "", const io::Fetch& fetch = {}) {
    io::CsvImportOptions options;
    options.base = &base;
    options.extends = extends;
    options.id = "essai";
    options.updated = "2026-11-29";
    return io::importCsv(io::Document{"actors.csv", actors}, io::Document{"relations.csv", relations},
                         options, fetch);
}

std::string messages(const std::vector<io::Problem>& problems, Lang lang) {
    std::string all;
    for (const io::Problem& p : problems) all += io::formatProblem(p, lang) + "\n";
    return all;
}

const std::string kRelHeader = "from;to;kind\n";

}  // namespace

// ---------------------------------------------------------------------------
// 1. readCsv
// ---------------------------------------------------------------------------

TEST_CASE("csv: semicolons, commas, tabs, BOM, CRLF, quotes with delimiters and line breaks") {
    io::CsvTable t = table("\xEF\xBB\xBFid;name\r\na;\"b;c\"\r\n\r\nd;\"x\"\"y\nz\"\r\n");
    CHECK(t.bom);
    CHECK(t.delimiter == ';');
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0][0].text == "id");
    CHECK(t.rows[1][1].text == "b;c");
    CHECK(t.rows[2][1].text == "x\"y\nz");
    CHECK(t.rows[2][0].line == 4);  // the blank line 3 is skipped but counted
    CHECK(t.rows[1][1].column == 3);
    t = table("id,name,level\na,\"Collège, lycée\",national");
    CHECK(t.delimiter == ',');
    CHECK(t.rows[1][1].text == "Collège, lycée");
    CHECK(t.rows[1][2].column == 20);  // columns count characters, not bytes
    t = table("id\tname\na\tb\n");
    CHECK(t.delimiter == '\t');
    CHECK(t.rows[1][1].text == "b");
    // A header with more commas than semicolons inside quotes still picks ';'.
    t = table("\"a,b,c\";d\n1;2\n");
    CHECK(t.delimiter == ';');
}

TEST_CASE("csv: Windows-1252 when the bytes are not UTF-8") {
    io::CsvTable t = table("id;name\nc;Coll\xE8ge \x80 \x9C\x75vre\n");
    CHECK(t.latin1);
    CHECK(t.rows[1][1].text == "Collège € œuvre");
    t = table("id;name\nc;Collège\n");
    CHECK_FALSE(t.latin1);
}

TEST_CASE("csv: an unclosed quote is an error at the quote") {
    io::CsvTable t;
    io::Problem p;
    CHECK_FALSE(io::readCsv("id;name\na;\"open\nstill open", "x.csv", t, p));
    CHECK(p.file == "x.csv");
    CHECK(p.line == 2);
    CHECK(p.column == 3);
    CHECK(p.message.fr.find("guillemet") != std::string::npos);
}

// ---------------------------------------------------------------------------
// 2. Formula injection
// ---------------------------------------------------------------------------

TEST_CASE("csv: formula cells are neutralised on export and restored on import") {
    CHECK(io::neutraliseCell("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0");
    CHECK(io::neutraliseCell("+33 1") == "'+33 1");
    CHECK(io::neutraliseCell("-x") == "'-x");
    CHECK(io::neutraliseCell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(io::neutraliseCell("\t=1") == "'\t=1");
    CHECK(io::neutraliseCell("-120.5") == "-120.5");  // numbers are no formula
    CHECK(io::neutraliseCell("DNE") == "DNE");
    CHECK(io::neutraliseCell("'plain") == "'plain");
    CHECK(io::neutraliseCell("'=x") == "''=x");
    for (const char* s : {"=1+1", "'=x", "''=x", "'plain", "-3", "-x", "@a", "", "'", "=", "a=b"})
        CHECK(io::restoreCell(io::neutraliseCell(s)) == s);
    CHECK(io::csvCell("a;b", ';') == "\"a;b\"");
    CHECK(io::csvCell("=a\"b", ',') == "\"'=a\"\"b\"");

    // Import: stored as text, never evaluated.
    Map base = qfq_test::fixtureMap();
    io::CsvImport r = import(
        "id;name_fr;level;kind;sources;description_fr\n"
        "x1;=1+1;national;etat;https://a.fr|2026-11-29;\"=cmd|' /C calc'!A0\"\n"
        "x2;'=SUM(A1);national;etat;https://a.fr|2026-11-29;@x\n",
        kRelHeader, base);
    INFO(messages(r.problems, Lang::En));
    REQUIRE(r.ok);
    CHECK(r.map.actors[0].name.fr == "=1+1");
    CHECK(r.map.actors[0].description.fr == "=cmd|' /C calc'!A0");
    CHECK(r.map.actors[1].name.fr == "=SUM(A1)");
    CHECK(r.map.actors[1].description.fr == "@x");
    std::string csv = io::actorsCsv(r.map);
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.find(";'=1+1;") != std::string::npos);
    CHECK(csv.find(";'=cmd|' /C calc'!A0;") != std::string::npos);
    CHECK(csv.find(";'@x;") != std::string::npos);
}

// ---------------------------------------------------------------------------
// 3. Round trip
// ---------------------------------------------------------------------------

TEST_CASE("csv: json -> csv -> json loses no field (fixture and national, ';' and ',')") {
    for (Map m : {qfq_test::fixtureMap(), qfq_test::nationalMap()})
        for (char delimiter : {';', ','}) {
            CAPTURE(m.id);
            CAPTURE(delimiter);
            io::CsvImportOptions options;
            options.base = &m;
            options.keepBase = true;
            io::CsvImport r =
                io::importCsv(io::Document{"actors.csv", io::actorsCsv(m, delimiter)},
                              io::Document{"relations.csv", io::relationsCsv(m, delimiter)}, options);
            INFO(messages(r.problems, Lang::En));
            REQUIRE(r.ok);
            qfq_test::checkSameMap(m, r.map);
        }
}

TEST_CASE("csv: tricky values survive the round trip") {
    nlohmann::json doc = baseMap();
    doc["actors"][0]["aliases"] = {"a|b", " spaced "};
    doc["actors"][0]["missions"] = {"Une | deux", {{"en", "only english"}}, "=formule"};
    doc["actors"][0]["sources"] = {
        {{"url", "https://x.fr/a;b"}, {"verified", "2026-01-02"}, {"title", "T|U"}}};
    doc["actors"][0]["formerNames"] = {{{"name", "OLD"}, {"expansion", {{"fr", "Ancien"}, {"en", "Old"}}}}};
    doc["actors"][1]["description"] = "-tiret\nsur deux lignes";
    doc["actors"][1]["position"] = {{"x", -0.125}, {"y", 1e6}};
    Map m = qfq_test::loadJson(doc);
    io::CsvImportOptions options;
    options.base = &m;
    options.keepBase = true;
    io::CsvImport r = io::importCsv(io::Document{"actors.csv", io::actorsCsv(m)},
                                    io::Document{"relations.csv", io::relationsCsv(m)}, options);
    INFO(messages(r.problems, Lang::En));
    REQUIRE(r.ok);
    qfq_test::checkSameMap(m, r.map);
}

// ---------------------------------------------------------------------------
// 4. Import problems
// ---------------------------------------------------------------------------

TEST_CASE("csv import: a missing column is named") {
    Map base = qfq_test::fixtureMap();
    io::CsvImport r = import("id;name_fr;kind;sources\nx;X;etat;https://a.fr|2026-11-29\n", kRelHeader, base);
    CHECK_FALSE(r.ok);
    std::string fr = messages(r.problems, Lang::Fr), en = messages(r.problems, Lang::En);
    CHECK(fr.find("actors.csv:1:1: colonne « level » manquante") != std::string::npos);
    CHECK(en.find("missing column \"level\"") != std::string::npos);
    r = import("id;name;level;kind;sources\n", "from;kind\n", base);
    CHECK(messages(r.problems, Lang::En).find("relations.csv:1:1: missing column \"to\"") !=
          std::string::npos);
}

TEST_CASE("csv import: unknown level, kind, actor with file, line, column and header") {
    Map base = qfq_test::fixtureMap();
    io::CsvImport r = import(
        "id;name_fr;level;kind;sources\n"
        "ok;Bon;national;etat;https://a.fr|2026-11-29\n"
        "bad;Mauvais;academy;etat;https://a.fr|2026-11-29\n"
        "bad2;Mauvais;national;etta;https://a.fr|2026-11-29\n",
        "from;to;kind\nok;nobody;pilote\nok;ok;pilotte\n", base);
    CHECK_FALSE(r.ok);
    std::string fr = messages(r.problems, Lang::Fr), en = messages(r.problems, Lang::En);
    INFO(fr);
    CHECK(
        fr.find(
            "actors.csv:3:3: ligne 3, colonne C « level » : niveau inconnu « academy » (vouliez-vous dire « "
            "academie » ?)") != std::string::npos);
    CHECK(en.find("actors.csv:3:3: row 3, column C \"level\": unknown level \"academy\"") !=
          std::string::npos);
    CHECK(en.find("actors.csv:4:") != std::string::npos);
    CHECK(en.find("row 4, column D \"kind\": unknown kind \"etta\" (did you mean \"etat\"?)") !=
          std::string::npos);
    CHECK(en.find("relations.csv:2:2: row 2, column B \"to\": unknown actor \"nobody\"") !=
          std::string::npos);
    CHECK(en.find("relations.csv:3:3: row 3, column C \"kind\": unknown relation kind \"pilotte\"") !=
          std::string::npos);
}

TEST_CASE("csv import: bad cells and loader problems point at their cell") {
    Map base = qfq_test::fixtureMap();
    io::CsvImport r = import(
        "id;name_fr;level;kind;sources;x;y;confidence\n"
        "a;A;national;etat;https://a.fr|2026-11-29;abc;1;sure\n"
        "b;B;national;etat;https://a.fr;;;peut-être\n",
        kRelHeader, base);
    CHECK_FALSE(r.ok);
    std::string en = messages(r.problems, Lang::En);
    INFO(en);
    CHECK(en.find("actors.csv:2:") != std::string::npos);
    CHECK(en.find("row 2, column F \"x\": number expected, got \"abc\"") != std::string::npos);
    CHECK(en.find("row 3, column E \"sources\": source \"https://a.fr\" has no verification date") !=
          std::string::npos);
    CHECK(en.find("column H \"confidence\"") != std::string::npos);
    // Problems the loader finds (a bad date, a bad id) come back to the spreadsheet cell.
    r = import("id;name_fr;level;kind;sources\nBad Id;A;national;etat;https://a.fr|2026-13-45\n", kRelHeader,
               base);
    CHECK_FALSE(r.ok);
    en = messages(r.problems, Lang::En);
    INFO(en);
    CHECK(en.find("actors.csv:2:1: row 2, column A \"id\":") != std::string::npos);
    CHECK(en.find("actors.csv:2:") != std::string::npos);
    CHECK(en.find("row 2, column E \"sources\":") != std::string::npos);
    CHECK(en.find("map.json") == std::string::npos);
}

TEST_CASE("csv import: French spreadsheet in Windows-1252 with comma decimals and lists") {
    Map base = qfq_test::fixtureMap();
    std::string actors =
        "id;acronym;name;level;kind;missions_fr;topics;sources;x;y;aliases\r\n"
        "coll;CLG;Coll\xE8ge "
        "Jean-Jaur\xE8s;etablissement;collectivite;\"Accueillir\r\nFormer\";ent|equipment;"
        "https://a.fr|2026-11-29|Page;12,5;-3;un|deux\r\n";
    io::CsvImport r = import(actors, "from;to;kind;directed\r\ncoll;coll;partenaire;non\r\n", base);
    INFO(messages(r.problems, Lang::En));
    REQUIRE(r.ok);
    const Actor& a = r.map.actors[0];
    CHECK(a.name.fr == "Collège Jean-Jaurès");
    REQUIRE(a.missions.size() == 2);
    CHECK(a.missions[1].fr == "Former");
    CHECK(a.topics == std::vector<std::string>{"ent", "equipment"});
    CHECK(a.aliases == std::vector<std::string>{"un", "deux"});
    CHECK(a.sources[0].title == "Page");
    CHECK(a.pinned);
    CHECK(a.x == 12.5f);
    CHECK(a.y == -3.0f);
    CHECK_FALSE(r.map.relations[0].directed);
    CHECK(r.document["maintainers"].is_array());
    CHECK(r.document["levels"].size() == base.levels.size());
}

TEST_CASE("csv import: unknown columns are warnings, x- columns are ignored") {
    Map base = qfq_test::fixtureMap();
    io::CsvImport r =
        import("id;name_fr;level;kind;sources;levle;x-notes\nz;Z;national;etat;https://a.fr|2026-11-29;;n\n",
               kRelHeader, base);
    REQUIRE(r.ok);
    std::string en = messages(r.problems, Lang::En);
    CHECK(en.find("unknown column \"levle\", ignored (did you mean \"level\"?)") != std::string::npos);
    CHECK(en.find("x-notes") == std::string::npos);
}

// ---------------------------------------------------------------------------
// 5. Overlays and the templates
// ---------------------------------------------------------------------------

TEST_CASE("csv import --extends: base ids override, new ids are added") {
    const std::string baseText = baseMap().dump();
    io::Fetch fetch = [&](const std::string& ref, const std::string&, io::Document& out) {
        if (ref != "base") return false;
        out = {"base.json", baseText};
        return true;
    };
    Map base = qfq_test::fixtureMap();
    io::CsvImport r = import(
        "id,name_fr,level,kind,territory,sources\n"
        "drane,DRANE de Toulouse,,,,\n"
        "canope-09,Atelier Canopé 09,academie,etat,toulouse,https://a.fr|2026-11-29\n",
        "from,to,kind,description_fr\ndne,drane,pilote,Pilote la DRANE\ndrane,canope-09,partenaire,\n", base,
        "base", fetch);
    INFO(messages(r.problems, Lang::En));
    REQUIRE(r.ok);
    CHECK(r.document["extends"] == "base");
    CHECK(r.document["override"]["actors"]["drane"]["name"]["fr"] == "DRANE de Toulouse");
    CHECK(r.document["override"]["relations"].contains("dne--pilote--drane"));
    CHECK(r.document["actors"].size() == 1);
    CHECK(r.map.actors.size() == base.actors.size() + 1);
    long drane = r.map.findActor("drane");
    REQUIRE(drane >= 0);
    CHECK(r.map.actors[size_t(drane)].name.fr == "DRANE de Toulouse");
    CHECK(r.map.actors[size_t(drane)].confidence == Confidence::Unsure);  // inherited
}

TEST_CASE("csv import: the templates in data/templates import onto the national base") {
    const std::string dir = std::string(QFQ_SOURCE_DIR) + "/data/";
    io::LoadResult national = io::loadFile(dir + "national.json");
    REQUIRE(national.ok);
    io::CsvImportOptions options;
    options.base = &national.map;
    options.extends = "national";
    options.id = "modele";
    io::Fetch fetch = [&](const std::string& ref, const std::string&, io::Document& out) {
        return io::fetchFile(ref, dir + "territories/modele.json", out);
    };
    io::CsvImport r = io::importCsv(
        io::Document{"actors.csv", qfq_test::readFile(dir + "templates/actors.csv")},
        io::Document{"relations.csv", qfq_test::readFile(dir + "templates/relations.csv")}, options, fetch);
    INFO(messages(r.problems, Lang::En));
    REQUIRE(r.ok);
    for (const io::Problem& p : r.problems) CHECK(p.warning == false);
    CHECK(r.map.actors.size() == national.map.actors.size());  // the examples are national actors
    CHECK(r.document["override"]["actors"].size() == 3);
    CHECK(r.document["override"]["relations"].size() == 3);
}
