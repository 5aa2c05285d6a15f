// fuzz/checks.h — what each fuzz target does with one input, shared with the unit tests
// that replay tests/fuzz-regressions/ (tests/unit/test_fuzz_regressions.cpp). Each check
// returns "" when every invariant holds, or which one broke; sanitizer reports and crashes
// stop the process, as they should.
//
// `extends: "national"` (and its relative names) is served from memory: the overlay resolver
// is reached without touching the disk while fuzzing.
#pragma once

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "io/csv.h"
#include "io/load.h"
#include "ui/view_link.h"

namespace qfq::fuzz {

inline const std::string& nationalText() {
    static const std::string text = [] {
        std::ifstream in(QFQ_SOURCE_DIR "/data/national.json", std::ios::binary);
        if (!in) std::abort();  // a broken set-up must not look like a clean run
        std::stringstream all;
        all << in.rdbuf();
        return all.str();
    }();
    return text;
}

inline bool fetchNational(const std::string& ref, const std::string&, io::Document& out) {
    if (ref != "national" && ref != "national.json" && ref != "../national.json") return false;
    out = io::Document{"national.json", nationalText()};
    return true;
}

inline const Map& nationalMap() {
    static const Map map = [] {
        io::LoadResult r = io::loadMap(io::Document{"national.json", nationalText()}, {});
        if (!r.ok) std::abort();
        return r.map;
    }();
    return map;
}

// A map that loaded must load again from its own JSON, and be the same map (nothing lost,
// nothing added: the JSON written the second time is byte for byte the first).
inline std::string checkReloads(const Map& map) {
    const std::string written = io::toJson(map).dump();
    io::LoadResult again = io::loadMap(io::Document{"reloaded.json", written}, {});
    if (again.ok) return io::toJson(again.map).dump() == written ? "" : "toJson(load(toJson(map))) differs";
    std::string why = "toJson(map) does not load again:";
    for (const io::Problem& p : again.problems) why += "\n  " + io::formatProblem(p, Lang::En);
    return why;
}

// fuzz_load: the JSON loader (parser, checker, overlay resolver) on one document.
inline std::string checkLoad(std::string_view input) {
    std::string text(input);
    (void)io::extendsOf(text);
    io::LoadResult result = io::loadMap(io::Document{"fuzz.json", text}, fetchNational);
    for (const io::Problem& p : result.problems) (void)io::formatProblem(p, Lang::En);
    return result.ok ? checkReloads(result.map) : "";
}

// fuzz_csv: actors.csv, a 0x00 byte, then relations.csv (no 0x00: no relations file
// content). An odd-sized input is imported as an overlay of the national base, an even one
// as a standalone map with its vocabularies, so both paths of importCsv are reached.
inline std::string checkCsv(std::string_view input) {
    size_t split = input.find('\0');
    std::string actors(input.substr(0, split));
    std::string relations(split == std::string_view::npos ? "" : input.substr(split + 1));

    // Export neutralises formula-like cells; import must give back exactly the text.
    io::CsvTable table;
    io::Problem problem;
    if (io::readCsv(actors, "actors.csv", table, problem))
        for (const auto& row : table.rows)
            for (const io::CsvCell& cell : row)
                if (io::restoreCell(io::neutraliseCell(cell.text)) != cell.text)
                    return "restoreCell(neutraliseCell(x)) != x for \"" + cell.text + "\"";

    io::CsvImportOptions options;
    options.base = &nationalMap();
    const bool overlay = input.size() % 2 == 1;
    options.extends = overlay ? "national" : "";
    options.id = "fuzz";
    options.updated = "2026-01-01";  // not today: runs must be reproducible
    io::CsvImport imported = io::importCsv(io::Document{"actors.csv", actors},
                                           io::Document{"relations.csv", relations}, options, fetchNational);
    for (const io::Problem& p : imported.problems) (void)io::formatProblem(p, Lang::Fr);
    // Reloading an overlay re-parses the whole national base, which would halve the speed:
    // fuzz_load covers the reload of overlays.
    return imported.ok && !overlay ? checkReloads(imported.map) : "";
}

// fuzz_fragment: a parsed link, written and read again, is the same link, and what
// formatViewLink writes is understood entirely (nothing skipped).
inline std::string checkFragment(std::string_view input) {
    ui::ViewLink link = ui::parseViewLink(input);
    std::string written = ui::formatViewLink(link);
    ui::ViewLink again = ui::parseViewLink(written);
    if (!again.skipped.empty()) return "formatViewLink wrote a part it cannot read: " + again.skipped[0];
    link.skipped.clear();
    if (!(again == link)) return "parse(format(parse(x))) != parse(x); written: " + written;
    (void)ui::percentDecode(input);
    return "";
}

}  // namespace qfq::fuzz
