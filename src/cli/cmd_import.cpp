// cli/cmd_import.cpp — `qfq import-csv FOLDER -o map.json`: a map from the CSV set (actors,
// relations, territories, glossary, tours; column layout: data/README.md section 12).
//
// Contents
//   1. Finding the base map (catalogue id or path) from wherever the files are
//   2. The sheets named on the command line, runImport

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/common.h"
#include "io/csv.h"

namespace qfq::cli {

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------
// 1. Finding the base map
// ---------------------------------------------------------------------------

// Where `extends` references are looked up, in order: as the map written will see them
// (from the output's folder, then the tool's catalogues), then from the spreadsheets' folder,
// the current folder and its data/.
io::Fetch fetchFrom(const Args& args, const std::string& out, const std::string& csv) {
    std::vector<std::string> points;
    auto add = [&](const fs::path& folder) { points.push_back((folder / "_.json").string()); };
    if (!out.empty() && out != "-") add(fs::absolute(out).parent_path());
    add(fs::absolute(csv).parent_path());
    add(fs::current_path());
    add(fs::current_path() / "data");
    io::Fetch tool = toolFetch(args);
    return [points, tool](const std::string& ref, const std::string& from, io::Document& doc) {
        if (tool(ref, from, doc)) return true;
        io::Document first = doc;  // the first failure says where the map will look
        for (const std::string& p : points)
            if (tool(ref, p, doc)) return true;
        doc = first;
        return false;
    };
}

// The `extends` to write so that it resolves from the output file's folder (what `qfq
// validate` and the site will do): the catalogue id when the output finds the same base
// through it, else the base's path relative to the output's folder.
std::string extendsFromOutput(const Args& args, const std::string& ref, const std::string& out,
                              const std::string& baseFile) {
    if (out.empty() || out == "-") return ref;
    fs::path outAbs = fs::absolute(out);
    io::Document probe;
    std::error_code ec;
    if (toolFetch(args)(ref, outAbs.string(), probe) && fs::equivalent(probe.name, baseFile, ec)) return ref;
    fs::path rel =
        fs::absolute(baseFile).lexically_normal().lexically_relative(outAbs.parent_path().lexically_normal());
    return rel.empty() ? ref : rel.generic_string();
}

bool readText(const std::string& path, io::Document& doc, Lang lang) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << say(lang, "qfq import-csv : impossible de lire ", "qfq import-csv: cannot read ") << path
                  << "\n";
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    doc.name = path;
    doc.text = buffer.str();
    return true;
}

// ---------------------------------------------------------------------------
// 2. runImport
// ---------------------------------------------------------------------------

// The spreadsheets named on the command line: a folder (its actors.csv, relations.csv,
// territories.csv, glossary.csv, tours.csv), files recognised by their names, or the two
// files ACTORS RELATIONS in that order (the original form, whatever their names).
bool collectSheets(const Args& args, std::map<std::string, std::string>& paths) {
    const Lang lang = args.lang;
    std::error_code ec;
    if (args.positional.size() == 1 && fs::is_directory(args.positional[0], ec)) {
        for (const auto& entry : fs::directory_iterator(args.positional[0], ec)) {
            std::string name = entry.path().filename().string();
            if (name.size() < 4 || name.compare(name.size() - 4, 4, ".csv") != 0) continue;
            std::string sheet = io::csvSheetOf(name);
            if (sheet.empty()) continue;
            if (paths.count(sheet)) {
                std::cerr << say(lang, "qfq import-csv : deux fichiers pour « ",
                                 "qfq import-csv: two files for \"")
                          << sheet << say(lang, " » : ", "\": ") << paths[sheet] << ", "
                          << entry.path().string() << "\n";
                return false;
            }
            paths[sheet] = entry.path().string();
        }
        if (!paths.count("actors")) {
            std::cerr << say(lang, "qfq import-csv : pas de actors.csv dans ",
                             "qfq import-csv: no actors.csv in ")
                      << args.positional[0] << "\n";
            return false;
        }
        return true;
    }
    bool named = true;
    for (const std::string& p : args.positional) named = named && !io::csvSheetOf(p).empty();
    if (!named && args.positional.size() == 2) {
        paths["actors"] = args.positional[0];
        paths["relations"] = args.positional[1];
        return true;
    }
    for (const std::string& p : args.positional) {
        std::string sheet = io::csvSheetOf(p);
        if (sheet.empty() || paths.count(sheet)) {
            std::cerr << say(lang, "qfq import-csv : ", "qfq import-csv: ") << p
                      << say(lang,
                             sheet.empty() ? " : feuille inconnue (le nom doit contenir actors, relations, "
                                             "territories, glossary ou tours)"
                                           : " : feuille déjà donnée",
                             sheet.empty() ? ": unknown sheet (the name must contain actors, relations, "
                                             "territories, glossary or tours)"
                                           : ": sheet given twice")
                      << "\n";
            return false;
        }
        paths[sheet] = p;
    }
    if (!paths.count("actors")) {
        std::cerr << say(lang, "qfq import-csv : actors.csv manquant",
                         "qfq import-csv: actors.csv is missing")
                  << "\n";
        return false;
    }
    return true;
}

int runImport(const Args& args) {
    if (args.positional.empty())
        return usageError(args,
                          "indiquer un dossier, ou actors.csv puis relations.csv (et les autres feuilles)",
                          "give a folder, or actors.csv then relations.csv (and the other sheets)");
    const Lang lang = args.lang;
    std::string out = args.has("-o") ? args.get("-o") : args.get("--output");
    std::map<std::string, std::string> paths;
    if (!collectSheets(args, paths)) return kExitInvalid;
    std::map<std::string, io::Document> docs;
    for (const auto& [sheet, path] : paths)
        if (!readText(path, docs[sheet], lang)) return kExitInvalid;
    auto doc = [&](const char* sheet) { return docs.count(sheet) ? &docs[sheet] : nullptr; };
    io::CsvFiles files{doc("actors"), doc("relations"), doc("territories"), doc("glossary"), doc("tours")};
    const std::string firstCsv = paths["actors"];

    // The base: --extends (an overlay of it) or --base (vocabularies only), default "national".
    std::string ref = args.has("--extends") ? args.get("--extends") : args.get("--base", "national");
    io::Fetch fetch = fetchFrom(args, out, firstCsv);
    io::Document baseDoc;
    // A relative --extends is what the user typed, so it is relative to the current folder.
    if (!fetch(ref, (fs::current_path() / "_.json").string(), baseDoc)) {
        std::cerr << say(lang, "qfq import-csv : carte de base « ", "qfq import-csv: base map \"") << ref
                  << say(lang, " » introuvable : ", "\" not found: ") << baseDoc.why.get(lang) << "\n";
        return kExitInvalid;
    }
    io::LoadResult base = io::loadMap(baseDoc, fetch);
    if (!base.ok) {
        printProblems(base.problems, lang, std::cerr);
        return kExitInvalid;
    }

    io::CsvImportOptions options;
    options.base = &base.map;
    if (args.has("--extends")) options.extends = extendsFromOutput(args, ref, out, baseDoc.name);
    options.id = args.get("--id");
    if (options.id.empty() && !out.empty() && out != "-") options.id = fs::path(out).stem().string();
    options.title = args.get("--title");
    options.licence = args.get("--licence");
    options.maintainer = args.get("--maintainer");
    if (!out.empty() && out != "-") options.documentName = fs::absolute(out).lexically_normal().string();
    io::CsvImport imported = io::importCsv(files, options, fetch);
    printProblems(imported.problems, lang, std::cerr);
    if (!imported.ok) {
        size_t errors = 0;
        for (const io::Problem& p : imported.problems) errors += !p.warning;
        std::cerr << say(lang, "qfq import-csv : ", "qfq import-csv: ") << errors
                  << say(lang, " erreur(s), rien n'est écrit\n", " error(s), nothing written\n");
        return kExitInvalid;
    }
    if (!out.empty() && out != "-" && fs::path(out).has_parent_path()) {
        std::error_code ec;
        fs::create_directories(fs::path(out).parent_path(), ec);  // "-o site/cartes/x.json" from scratch
    }
    if (!writeOutput(out, imported.document.dump(2) + "\n", lang)) return kExitInvalid;
    if (!out.empty() && out != "-") {
        std::cerr << out << say(lang, " : ", ": ") << imported.map.actors.size()
                  << say(lang, " acteurs, ", " actors, ") << imported.map.relations.size() << " relations, "
                  << imported.map.territories.size() << say(lang, " territoires, ", " territories, ")
                  << imported.map.glossary.size() << say(lang, " termes, ", " terms, ")
                  << imported.map.tours.size() << say(lang, " visite(s)\n", " tour(s)\n");
    }
    return kExitOk;
}

}  // namespace

extern const Command cmd_import_csv;  // listed in main.cpp
const Command cmd_import_csv = {
    "import-csv", "build a map from spreadsheets (actors, relations, territories, glossary, tours)",
    "Usage: qfq import-csv FOLDER -o MAP.json [options]\n"
    "       qfq import-csv actors.csv [relations.csv territories.csv glossary.csv tours.csv] -o MAP.json\n"
    "       qfq import-csv ACTORS.csv RELATIONS.csv -o MAP.json\n\n"
    "Reads the spreadsheets (UTF-8 with or without BOM, or Windows-1252; ';' or ',' between\n"
    "cells), checks every cell and writes a qfq-map/1 map. A FOLDER gives its actors.csv,\n"
    "relations.csv, territories.csv, glossary.csv and tours.csv (only actors.csv is required;\n"
    "French names acteurs, territoires, glossaire, visites work too). Columns: data/README.md\n"
    "section 12; templates in data/templates/. Problems name the file, the row as the\n"
    "spreadsheet numbers it, and the column by its letter and header:\n"
    "  actors.csv:12:5: ligne 12, colonne E « level » : niveau inconnu « academy » …\n"
    "Nothing is written if there is an error (exit code 1).\n\n"
    "With --extends REF the map is an overlay of REF (a catalogue id such as national, or a\n"
    "path): rows whose id is an item of REF override it, the others are added. The map written\n"
    "says \"extends\" so that it resolves from the output file's folder. Without --extends the\n"
    "map stands alone and takes its levels, kinds, territories and topics from --base REF\n"
    "(default national); a territories.csv then gives its whole territory tree.\n\n"
    "Options:\n"
    "  -o, --output MAP.json  where to write (default: standard output)\n"
    "  --extends REF          make an overlay of REF\n"
    "  --base REF             vocabularies for a standalone map (default national)\n"
    "  --id ID                map id (default: the output file's name)\n"
    "  --title T              map title (default: the id)\n"
    "  --licence L            default CC-BY-4.0\n"
    "  --maintainer NAME      who keeps the map\n"
    "  --catalogue PATH       index.json where catalogue ids are looked up\n"
    "  --lang fr|en           language of the messages (default fr)\n\n"
    "Example:\n"
    "  qfq import-csv tableur/ --extends national --id mon-departement \\\n"
    "      --title \"Mon département\" -o data/territories/mon-departement.json\n",
    "-o= --output= --extends= --base= --id= --title= --licence= --maintainer=", runImport};

}  // namespace qfq::cli
