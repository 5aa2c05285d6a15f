// cli/cmd_import.cpp — `qfq import-csv actors.csv relations.csv -o map.json`: a map from two
// spreadsheets (column layout: data/README.md section 12).
//
// Contents
//   1. Finding the base map (catalogue id or path) from wherever the files are
//   2. runImport

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/common.h"
#include "io/csv.h"

namespace qfq::cli {

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------
// 1. Finding the base map
// ---------------------------------------------------------------------------

// Folders where `extends` references are looked up, in order: next to the output, next to the
// spreadsheets, the current folder and its data/, and the repository's data/ next to the
// executable (build/native/qfq → data/).
std::vector<std::string> lookupPoints(const std::string& out, const std::string& csv) {
    std::vector<std::string> points;
    auto add = [&](const fs::path& folder) { points.push_back((folder / "_.json").string()); };
    if (!out.empty() && out != "-") add(fs::absolute(out).parent_path());
    add(fs::absolute(csv).parent_path());
    add(fs::current_path());
    add(fs::current_path() / "data");
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) add(exe.parent_path() / ".." / ".." / "data");
    return points;
}

io::Fetch fetchFrom(const std::vector<std::string>& points) {
    return [points](const std::string& ref, const std::string& from, io::Document& doc) {
        if (io::fetchFile(ref, from, doc)) return true;
        for (const std::string& p : points)
            if (io::fetchFile(ref, p, doc)) return true;
        return false;
    };
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

int runImport(const Args& args) {
    if (args.positional.size() != 2)
        return usageError(args, "indiquer actors.csv puis relations.csv",
                          "give actors.csv then relations.csv");
    const Lang lang = args.lang;
    std::string out = args.has("-o") ? args.get("-o") : args.get("--output");
    io::Document actors, relations;
    if (!readText(args.positional[0], actors, lang) || !readText(args.positional[1], relations, lang))
        return kExitInvalid;

    // The base: --extends (an overlay of it) or --base (vocabularies only), default "national".
    std::string ref = args.has("--extends") ? args.get("--extends") : args.get("--base", "national");
    std::vector<std::string> points = lookupPoints(out, args.positional[0]);
    io::Fetch fetch = fetchFrom(points);
    io::Document baseDoc;
    if (!fetch(ref, points.front(), baseDoc)) {
        std::cerr << say(lang, "qfq import-csv : carte de base « ", "qfq import-csv: base map \"") << ref
                  << say(lang, " » introuvable (ni chemin, ni id d'un index.json voisin)",
                         "\" not found (neither a path nor an id in a nearby index.json)")
                  << "\n";
        return kExitInvalid;
    }
    io::LoadResult base = io::loadMap(baseDoc, fetch);
    if (!base.ok) {
        printProblems(base.problems, lang, std::cerr);
        return kExitInvalid;
    }

    io::CsvImportOptions options;
    options.base = &base.map;
    options.extends = args.get("--extends");
    options.id = args.get("--id");
    if (options.id.empty() && !out.empty() && out != "-") options.id = fs::path(out).stem().string();
    options.title = args.get("--title");
    options.licence = args.get("--licence");
    options.maintainer = args.get("--maintainer");
    io::CsvImport imported = io::importCsv(actors, relations, options, fetch);
    printProblems(imported.problems, lang, std::cerr);
    if (!imported.ok) {
        size_t errors = 0;
        for (const io::Problem& p : imported.problems) errors += !p.warning;
        std::cerr << say(lang, "qfq import-csv : ", "qfq import-csv: ") << errors
                  << say(lang, " erreur(s), rien n'est écrit\n", " error(s), nothing written\n");
        return kExitInvalid;
    }
    if (!writeOutput(out, imported.document.dump(2) + "\n", lang)) return kExitInvalid;
    if (!out.empty() && out != "-") {
        std::cerr << out << say(lang, " : ", ": ") << imported.map.actors.size()
                  << say(lang, " acteurs, ", " actors, ") << imported.map.relations.size() << " relations\n";
        io::Document probe;
        if (!options.extends.empty() && !io::fetchFile(options.extends, out, probe))
            std::cerr << say(
                lang,
                "note : « qfq validate » cherchera « " + options.extends +
                    " » dans un index.json au-dessus du dossier de " + out +
                    " ; enregistrer la carte dans data/territories/ ou donner --extends CHEMIN.json\n",
                "note: \"qfq validate\" looks for \"" + options.extends +
                    "\" in an index.json above the folder of " + out +
                    "; save the map in data/territories/ or give --extends PATH.json\n");
    }
    return kExitOk;
}

}  // namespace

extern const Command cmd_import_csv;  // listed in main.cpp
const Command cmd_import_csv = {
    "import-csv", "build a map from two spreadsheets (actors.csv, relations.csv)",
    "Usage: qfq import-csv ACTORS.csv RELATIONS.csv -o MAP.json [options]\n\n"
    "Reads the two files (UTF-8 with or without BOM, or Windows-1252; ';' or ',' between\n"
    "cells), checks every cell and writes a qfq-map/1 map. Columns: data/README.md section 12;\n"
    "templates in data/templates/. Problems name the file, line, column and header:\n"
    "  actors.csv:12:34: colonne « level » : niveau inconnu « academy » …\n"
    "Nothing is written if there is an error (exit code 1).\n\n"
    "With --extends REF the map is an overlay of REF (a catalogue id such as national, or a\n"
    "path): rows whose id is an actor or relation of REF override it, the others are added.\n"
    "Without it the map stands alone and takes its levels, kinds, territories and topics from\n"
    "--base REF (default national).\n\n"
    "Options:\n"
    "  -o, --output MAP.json  where to write (default: standard output)\n"
    "  --extends REF          make an overlay of REF\n"
    "  --base REF             vocabularies for a standalone map (default national)\n"
    "  --id ID                map id (default: the output file's name)\n"
    "  --title T              map title (default: the id)\n"
    "  --licence L            default CC-BY-4.0\n"
    "  --maintainer NAME      who keeps the map\n"
    "  --lang fr|en           language of the messages (default fr)\n\n"
    "Example:\n"
    "  qfq import-csv acteurs.csv relations.csv --extends national --id mon-departement \\\n"
    "      --title \"Mon département\" -o data/territories/mon-departement.json\n",
    "-o= --output= --extends= --base= --id= --title= --licence= --maintainer=", runImport};

}  // namespace qfq::cli
