// tests/unit/test_csv_route.cpp — a collectivité's route from spreadsheets to a valid map, and
// one test per dead end of issue 15 (frictions met by a first-time publisher).
//
// Contents
//   1. Helpers (running the qfq binary built next to this test, temporary folders)
//   2. Loader: extends rules, override.territories, advice, did-you-mean, one-language override
//   3. Topics in French
//   4. The CSV set: spreadsheet rows and columns, territories, glossary, tours, round trip
//   5. The CLI: catalogue from anywhere, import-csv in one command, extends from the output

#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "io/csv.h"
#include "io/export.h"
#include "query/topic_alias.h"
#include "test_export_fixture.h"

using namespace qfq;
namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------
// 1. Helpers
// ---------------------------------------------------------------------------

const std::string kData = std::string(QFQ_SOURCE_DIR) + "/data/";

// The qfq tool built beside qfq_tests (CMake builds it first).
std::string qfqBinary() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return (exe.parent_path() / "qfq").string();
}

struct Run {
    int code = -1;
    std::string output;  // stdout and stderr together
};

// Runs `qfq ARGS` in `cwd` (arguments are the test's own, quoted simply).
Run runQfq(const std::string& args, const std::string& cwd = ".") {
    std::string command = "cd '" + cwd + "' && '" + qfqBinary() + "' " + args + " 2>&1";
    Run r;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return r;
    char buffer[4096];
    for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) r.output.append(buffer, n);
    int status = pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

// A fresh folder beside the test binary (not under /tmp, where any index.json another program
// left would be found by the walk up), removed by the destructor.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name) {
        std::error_code ec;
        fs::path exe = fs::read_symlink("/proc/self/exe", ec);
        path = exe.parent_path() / "test-tmp" / (name + "-" + std::to_string(::getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string file(const std::string& name, const std::string& text) const {
        fs::path p = path / name;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << text;
        return p.string();
    }
};

std::string messages(const std::vector<io::Problem>& problems, Lang lang = Lang::En) {
    std::string all;
    for (const io::Problem& p : problems) all += io::formatProblem(p, lang) + "\n";
    return all;
}

// The national base read from the repository, for overlays in memory.
io::Fetch nationalFetch() {
    return [](const std::string& ref, const std::string&, io::Document& out) {
        if (ref != "national") return false;
        out.name = kData + "national.json";
        return io::readFile(out.name, out.text);
    };
}

json overlayWith(const json& extra) {
    json doc = minimalOverlay("national");
    for (auto it = extra.begin(); it != extra.end(); ++it) doc[it.key()] = it.value();
    return doc;
}

io::LoadResult loadOverlay(const json& doc) {
    return io::loadMap({"overlay.json", doc.dump(2)}, nationalFetch());
}

}  // namespace

// ---------------------------------------------------------------------------
// 2. Loader
// ---------------------------------------------------------------------------

TEST_CASE("extends: an absolute file path is refused, relative paths, ids and https URLs are not") {
    for (const char* bad :
         {"/home/moi/national.json", "C:\\cartes\\national.json", "file:///tmp/national.json"}) {
        io::LoadResult r = loadJson(overlayWith({{"extends", bad}}));
        CAPTURE(bad);
        CHECK_FALSE(r.ok);
        const Problem* p = find(r, "/extends", "absolute path");
        REQUIRE(p);
        CHECK(p->message.fr.find("chemin absolu") != std::string::npos);
        CHECK(p->message.en.find("\"national\"") != std::string::npos);  // says what works instead
    }
    for (const char* good : {"national", "../national.json", "https://example.org/carte.json"}) {
        io::LoadResult r = loadJson(overlayWith({{"extends", good}}));
        CAPTURE(good);
        CHECK_FALSE(find(r, "/extends", "absolute path"));
        CHECK_FALSE(find(r, "/extends", "expects"));
    }
}

TEST_CASE("extends: a catalogue id not found says where it looked and what to do") {
    TempDir dir("lookup");
    std::string path = dir.file("carte.json", overlayWith({}).dump());
    io::Document out;
    CHECK_FALSE(io::fetchFileIn("national", path, out, {(dir.path / "nowhere" / "index.json").string()}));
    CHECK(out.why.fr.find("cherchée dans") != std::string::npos);
    CHECK(out.why.fr.find("nowhere/index.json") != std::string::npos);
    CHECK(out.why.en.find("--catalogue") != std::string::npos);
    // Given the tool's catalogue, the same id resolves from a file saved anywhere.
    CHECK(io::fetchFileIn("national", path, out, {kData + "index.json"}));
    CHECK(out.name == fs::path(kData + "national.json").lexically_normal().generic_string());
}

TEST_CASE("override.territories changes an inherited territory; re-declaring one shows that override") {
    io::LoadResult r = loadOverlay(overlayWith(
        {{"override",
          {{"territories",
            {{"ac-rennes", {{"name", {{"fr", "Académie de Rennes (Bretagne)"}, {"en", "Rennes"}}}}}}}}}}));
    INFO(dump(r));
    REQUIRE(r.ok);
    bool found = false;
    for (const Territory& t : r.map.territories)
        if (t.id == "ac-rennes") {
            found = true;
            CHECK(t.name.fr == "Académie de Rennes (Bretagne)");
        }
    CHECK(found);
    // The advice given for a re-declared territory is an override that the format accepts.
    json redeclared = overlayWith(
        {{"territories",
          {{{"id", "ac-rennes"}, {"name", "Rennes"}, {"level", "academie"}, {"parent", "ra-bretagne"}}}}});
    r = loadOverlay(redeclared);
    CHECK_FALSE(r.ok);
    const Problem* p = find(r, "/territories/0/id", "override");
    REQUIRE(p);
    CHECK(p->message.en.find("{\"territories\": {\"ac-rennes\"") != std::string::npos);
    // ...and unknown territories in an override are reported like unknown actors.
    r = loadOverlay(overlayWith({{"override", {{"territories", {{"dep-99", {{"level", "departement"}}}}}}}}));
    CHECK(find(r, "/override/territories/dep-99", "not in the base map"));
    // Levels cannot be overridden: the advice says what works instead.
    r = loadOverlay(
        overlayWith({{"levels", {{{"id", "academie"}, {"label", "Académie"}, {"colour", "#123456"}}}}}));
    p = find(r, "/levels/0/id", "already exists");
    REQUIRE(p);
    CHECK(p->message.en.find("override") == std::string::npos);
    CHECK(p->message.en.find("another id") != std::string::npos);
}

TEST_CASE("unknown ids list the nearest ones first, not the head of the list") {
    json doc = overlayWith({});
    json territories = json::array();
    for (const char* id : {"circ-09-a", "circ-31-b", "circ-21-x", "circ-23-y", "circ-29-z"})
        territories.push_back({{"id", id}, {"name", id}, {"level", "circonscription"}, {"parent", "dep-22"}});
    doc["territories"] = territories;
    json a = actor("ien-22", "circonscription");
    a["kind"] = "service-deconcentre";
    a["territory"] = "circ-22-x";
    doc["actors"] = json::array({a});
    io::LoadResult r = loadOverlay(doc);
    CHECK_FALSE(r.ok);
    const Problem* p = find(r, "/actors/0/territory", "circ-22-x");
    REQUIRE(p);
    INFO(p->message.en);
    // The national territories come before these in declaration order; the nearest are shown.
    const size_t all = qfq_test::nationalMap().territories.size() + 5;
    CHECK(p->message.en.find("did you mean \"circ-21-x\"?") != std::string::npos);
    CHECK(p->message.en.find("nearest of " + std::to_string(all)) != std::string::npos);
    CHECK(p->message.en.find("circ-23-y") != std::string::npos);
    CHECK(p->message.en.find("circ-29-z") != std::string::npos);
}

TEST_CASE("an override of one language of a text warns that the other stays the base's") {
    io::LoadResult r = loadOverlay(
        overlayWith({{"override", {{"actors", {{"dsden", {{"name", "DSDEN des Côtes-d'Armor"}}}}}}}}));
    INFO(dump(r));
    REQUIRE(r.ok);  // a warning, not an error
    const Problem* p = find(r, "/override/actors/dsden/name", "only the French is changed");
    REQUIRE(p);
    CHECK(p->warning);
    CHECK(p->message.fr.find("ajouter « en »") != std::string::npos);
    r = loadOverlay(overlayWith(
        {{"override", {{"actors", {{"dsden", {{"name", {{"fr", "DSDEN 22"}, {"en", "DSDEN 22"}}}}}}}}}}));
    CHECK_FALSE(find(r, "/override/actors/dsden/name", "only"));
}

// ---------------------------------------------------------------------------
// 3. Topics in French
// ---------------------------------------------------------------------------

TEST_CASE("topics: French and everyday words name the national topics") {
    Map national = qfq_test::nationalMap();
    CHECK(query::resolveTopic(national, "training") == "training");
    CHECK(query::resolveTopic(national, "formation") == "training");
    CHECK(query::resolveTopic(national, "Formation") == "training");
    CHECK(query::resolveTopic(national, "équipement") == "equipment");
    CHECK(query::resolveTopic(national, "données") == "data-protection");
    CHECK(query::resolveTopic(national, "financement") == "funding");
    CHECK(query::resolveTopic(national, "ENT") == "ent");
    CHECK(query::resolveTopic(national, "zzz") == "zzz");
}

// ---------------------------------------------------------------------------
// 4. The CSV set
// ---------------------------------------------------------------------------

TEST_CASE("csv: rows as the spreadsheet numbers them, columns by letter and header") {
    Map national = qfq_test::nationalMap();
    io::CsvImportOptions options;
    options.base = &national;
    options.extends = "national";
    // Row 2 holds a mission cell of three text lines and row 3 is blank: the bad level is on
    // text line 7 of the file but row 5 of the spreadsheet, column E.
    std::string actors =
        "id;acronym;name_fr;missions_fr;level;kind;sources\r\n"
        "a1;A1;Un;\"m1\nm2\nm3\";academie;service-deconcentre;https://example.org/a|2026-12-01\r\n"
        "\r\n"
        "a2;A2;Deux;;academie;service-deconcentre;https://example.org/b|2026-12-01\r\n"
        "a3;A3;Trois;;academy;service-deconcentre;https://example.org/c|2026-12-01\r\n";
    io::Document a{"actors.csv", actors}, rel{"relations.csv", "from;to;kind\r\n"};
    io::CsvImport r = io::importCsv(a, rel, options, nationalFetch());
    CHECK_FALSE(r.ok);
    std::string fr = messages(r.problems, Lang::Fr);
    INFO(fr);
    CHECK(fr.find("actors.csv:5:5: ligne 5, colonne E « level » : niveau inconnu « academy »") !=
          std::string::npos);
    CHECK(messages(r.problems).find("row 5, column E \"level\"") != std::string::npos);
}

TEST_CASE("csv: an unknown territory lists the nearest ids, not the head of the list") {
    Map national = qfq_test::nationalMap();
    io::CsvImportOptions options;
    options.base = &national;
    options.extends = "national";
    io::Document a{"actors.csv",
                   "id;name_fr;level;kind;territory;sources\r\n"
                   "x;X;academie;service-deconcentre;ac-renes;https://example.org/x|2026-12-01\r\n"},
        rel{"relations.csv", "from;to;kind\r\n"};
    io::CsvImport r = io::importCsv(a, rel, options, nationalFetch());
    CHECK_FALSE(r.ok);
    std::string en = messages(r.problems);
    INFO(en);
    CHECK(en.find("unknown territory \"ac-renes\" (did you mean \"ac-rennes\"?); territories, nearest of " +
                  std::to_string(national.territories.size()) + ": ac-rennes") != std::string::npos);
}

TEST_CASE("csv: a territory with départements, glossary and a tour, Windows-1252 or UTF-8") {
    Map national = qfq_test::nationalMap();
    io::CsvImportOptions options;
    options.base = &national;
    options.extends = "national";
    options.id = "cotes-d-armor";
    std::string territories =
        "id;name_fr;level;parent\r\ncirc-22-cote;Circonscription de la C\xF4te;circonscription;dep-22\r\n";  // 1252
    std::string actors =
        "\xEF\xBB\xBFid;name_fr;name_en;level;kind;territory;sources\r\n"
        "dsden-22;DSDEN des Côtes-d'Armor;Côtes-d'Armor "
        "DSDEN;departement;service-deconcentre;dep-22;https://example.org/d|2026-12-01\r\n";
    std::string relations = "from;to;kind\r\nia-dasen;dsden-22;steers\r\n";
    std::string glossary =
        "term;expansion_fr;definition_fr;see\r\nPDN;Plan départemental du numérique;Le plan local.;dsden-22\r\n";
    std::string tours =
        "tour;tour_title_fr;title_fr;text_fr;focus;path\r\n"
        "decouverte;Découvrir le 22;Le département;La DSDEN.;dsden-22;\r\n"
        "decouverte;;Le lien;De l'IA-DASEN à la DSDEN.;ia-dasen|dsden-22;ia-dasen|dsden-22\r\n";
    io::Document t{"territories.csv", territories}, a{"actors.csv", actors}, r{"relations.csv", relations},
        g{"glossary.csv", glossary}, tr{"tours.csv", tours};
    io::CsvFiles files{&a, &r, &t, &g, &tr};
    io::CsvImport out = io::importCsv(files, options, nationalFetch());
    INFO(messages(out.problems));
    REQUIRE(out.ok);
    CHECK(out.document["territories"].size() == 1);
    CHECK(out.document["territories"][0]["name"]["fr"] == "Circonscription de la Côte");
    CHECK(out.map.territories.size() == national.territories.size() + 1);
    CHECK(out.document["glossary"].size() == 1);  // PDN is not a national term: added
    REQUIRE(out.map.tours.size() == national.tours.size() + 1);
    const Tour& tour = out.map.tours.back();
    CHECK(tour.id == "decouverte");
    REQUIRE(tour.steps.size() == 2);
    CHECK(tour.steps[1].path.size() == 2);
    // A bad cell in the other sheets is reported at its spreadsheet row and column too.
    std::string badTours =
        "tour;tour_title_fr;title_fr;focus;zoom\r\nv;V;Un;dsden-22;\r\nv;;Deux;dsden-22;-3\r\n";
    io::Document bt{"tours.csv", badTours};
    files.tours = &bt;
    out = io::importCsv(files, options, nationalFetch());
    CHECK_FALSE(out.ok);
    CHECK(messages(out.problems).find("tours.csv:3:5: row 3, column E \"zoom\"") != std::string::npos);
}

TEST_CASE("csv: map -> CSV set -> map gives the same map (overlay with territories, glossary, tour)") {
    Map national = qfq_test::nationalMap();
    // (Ariège removes national actors and Occitanie declares variants: the CSV set says neither,
    // so their round trip goes through JSON; val-d-oise uses the rest.)
    for (const char* file : {"territories/val-d-oise.json"}) {
        CAPTURE(file);
        io::LoadResult original = io::loadFile(kData + file);
        REQUIRE(original.ok);
        std::vector<std::pair<std::string, std::string>> set = io::csvSet(original.map);
        REQUIRE(set.size() == 5);
        std::vector<io::Document> docs;
        for (const auto& [name, text] : set) docs.push_back({name, text});
        io::CsvFiles files{&docs[0], &docs[1], &docs[2], &docs[3], &docs[4]};
        io::CsvImportOptions options;
        options.base = &national;
        options.extends = "national";
        options.id = original.map.id;
        io::CsvImport back = io::importCsv(files, options, nationalFetch());
        INFO(messages(back.problems));
        REQUIRE(back.ok);
        json a = io::toJson(original.map), b = io::toJson(back.map);
        for (const char* key : {"territories", "actors", "relations", "glossary", "tours"}) {
            CAPTURE(key);
            CHECK(a.value(key, json()) == b.value(key, json()));
        }
    }
}

TEST_CASE("csv: the new templates import onto the national base in one go") {
    Map national = qfq_test::nationalMap();
    io::CsvImportOptions options;
    options.base = &national;
    options.extends = "national";
    std::vector<io::Document> docs;
    for (const char* name : {"actors.csv", "relations.csv", "territories.csv", "glossary.csv", "tours.csv"})
        docs.push_back({name, qfq_test::readFile(kData + "templates/" + name)});
    io::CsvFiles files{&docs[0], &docs[1], &docs[2], &docs[3], &docs[4]};
    io::CsvImport r = io::importCsv(files, options, nationalFetch());
    INFO(messages(r.problems));
    REQUIRE(r.ok);
    // The académie de Rennes and its départements as in the base, the national tour: nothing changed.
    CHECK_FALSE(r.document.contains("territories"));
    CHECK_FALSE(r.document.contains("tours"));
    CHECK(io::csvSheetOf("data/Glossaire.csv") == "glossary");
    CHECK(io::csvSheetOf("visites.csv") == "tours");
    CHECK(io::csvSheetOf("mon-territoire-territories.csv") == "territories");
}

// ---------------------------------------------------------------------------
// 5. The CLI
// ---------------------------------------------------------------------------

TEST_CASE("cli: extends \"national\" in a file saved anywhere, --catalogue and its failure") {
    TempDir dir("anywhere");
    std::string path = dir.file("ma-carte.json", overlayWith({}).dump(2));
    Run r = runQfq("validate '" + path + "'", dir.path.string());
    INFO(r.output);
    CHECK(r.code == 0);
    r = runQfq("validate '" + path + "' --catalogue '" + kData + "index.json'", dir.path.string());
    CHECK(r.code == 0);
    r = runQfq("validate '" + path + "' --catalogue '" + (dir.path / "vide").string() + "' --lang en",
            dir.path.string());
    CHECK(r.code == 1);
    CHECK(r.output.find("base map \"national\" not found: looked in") != std::string::npos);
    CHECK(r.output.find("vide/index.json") != std::string::npos);
    CHECK(r.output.find("--catalogue PATH/index.json") != std::string::npos);
}

TEST_CASE("cli: import-csv FOLDER imports a territory in one command; a bad cell at its spreadsheet row") {
    TempDir dir("import");
    std::string sheets = (dir.path / "tableur").string();
    dir.file("tableur/territories.csv",
             "id;name_fr;name_en;level;parent\r\ncirc-22-a;Circonscription A;District A;circonscription;dep-22\r\n"
             "circ-29-b;Circonscription B;District B;circonscription;dep-29\r\n");
    dir.file("tableur/actors.csv",
             "id;name_fr;name_en;level;kind;territory;missions_fr;sources\r\n"
             "dsden-22;DSDEN des Côtes-d'Armor;Côtes-d'Armor "
             "DSDEN;departement;service-deconcentre;dep-22;\"Piloter\nAccompagner\";https://example.org/"
             "22|2026-12-01\r\n"
             "dsden-29;DSDEN du Finistère;Finistère "
             "DSDEN;departement;service-deconcentre;dep-29;;https://example.org/29|2026-12-01\r\n");
    dir.file("tableur/relations.csv",
             "from;to;kind\r\nia-dasen;dsden-22;steers\r\nia-dasen;dsden-29;steers\r\n");
    dir.file(
        "tableur/glossaire.csv",
        "term;expansion_fr;definition_fr\r\nPDN;Plan départemental du numérique;Le plan du département.\r\n");
    dir.file("tableur/tours.csv",
             "tour;tour_title_fr;title_fr;text_fr;focus\r\nbzh;En Bretagne;Deux DSDEN;Une par "
             "département.;dsden-22|dsden-29\r\n");
    // From another folder, writing into a sub-folder of yet another one.
    fs::create_directories(dir.path / "ailleurs");
    Run r = runQfq("import-csv '" + sheets +
                    "' --extends national --id bretagne-ouest -o ../site/cartes/bretagne-ouest.json",
                (dir.path / "ailleurs").string());
    INFO(r.output);
    REQUIRE(r.code == 0);
    const size_t all = qfq_test::nationalMap().territories.size() + 2;  // the national ones and the two
    CHECK(r.output.find(std::to_string(all) + " territoires, ") != std::string::npos);
    std::string written = (dir.path / "site" / "cartes" / "bretagne-ouest.json").string();
    json doc = json::parse(qfq_test::readFile(written));
    CHECK(doc["territories"].size() == 2);
    CHECK(doc["glossary"].size() == 1);
    CHECK(doc["tours"].size() == 1);
    r = runQfq("validate '" + written + "'", "/");
    CHECK(r.code == 0);
    // A bad cell below a three-line cell: reported at the spreadsheet's row 3, column D.
    dir.file(
        "tableur/actors.csv",
        "id;name_fr;name_en;level;kind;territory;missions_fr;sources\r\n"
        "dsden-22;DSDEN;DSDEN;departement;service-deconcentre;dep-22;\"a\nb\nc\";https://example.org/"
        "22|2026-12-01\r\n"
        "dsden-29;DSDEN;DSDEN;departemnt;service-deconcentre;dep-29;;https://example.org/29|2026-12-01\r\n");
    r = runQfq("import-csv '" + sheets + "' --extends national -o out.json", dir.path.string());
    CHECK(r.code == 1);
    CHECK(r.output.find("actors.csv:3:4: ligne 3, colonne D « level » : niveau inconnu « departemnt » "
                        "(vouliez-vous dire « departement » ?)") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path / "out.json"));
}

TEST_CASE("cli: import-csv --extends PATH from another folder writes an extends relative to the output") {
    TempDir dir("extends");
    fs::create_directories(dir.path / "base");
    fs::copy_file(kData + "national.json", dir.path / "base" / "national.json");
    dir.file(
        "a/actors.csv",
        "id;name_fr;level;kind;sources\r\nx;X;national;etat-central;https://example.org/x|2026-12-01\r\n");
    dir.file("a/relations.csv", "from;to;kind\r\n");
    Run r = runQfq("import-csv a/actors.csv a/relations.csv --extends base/national.json -o out/maps/x.json",
                dir.path.string());
    INFO(r.output);
    REQUIRE(r.code == 0);
    json doc = json::parse(qfq_test::readFile((dir.path / "out/maps/x.json").string()));
    CHECK(doc["extends"] == "../../base/national.json");
    r = runQfq("validate out/maps/x.json", dir.path.string());
    CHECK(r.code == 0);
}

TEST_CASE("cli: contact --topic formation finds the training contacts; unknown territory suggests one") {
    Run fr =
        runQfq("contact '" + kData + "territories/ariege.json' --topic formation --territory Ariège --json");
    Run id = runQfq("contact '" + kData + "territories/ariege.json' --topic training --territory Ariège --json");
    INFO(fr.output);
    REQUIRE(fr.code == 0);
    CHECK(fr.output == id.output);
    CHECK(json::parse(fr.output)["lines"].size() >= 3);
    Run bad = runQfq("contact '" + kData + "territories/ariege.json' --topic ent --territory Arriège");
    CHECK(bad.code == 1);
    CHECK(bad.output.find("vouliez-vous dire") != std::string::npos);
}
