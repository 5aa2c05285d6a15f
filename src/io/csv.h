// io/csv.h — spreadsheets in: reading CSV files and turning actors.csv + relations.csv into a
// `qfq-map/1` document (the column layout is data/README.md section 12).
//
// Contents
//   1. Reading CSV (encodings, delimiters, quotes)
//   2. Formula injection: neutralising and restoring cells
//   3. Importing the CSV set (actors, relations, territories, glossary, tours)
//
// Files come from French spreadsheets: `;` or `,` (or tab) between cells, UTF-8 with or
// without a BOM, or Windows-1252 when Excel saved "CSV (séparateur : point-virgule)". Every
// problem names the file, the line and column of the cell, and the column's header, in French
// and English: "actors.csv:12:34: colonne « level » : niveau inconnu « academy »…".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/load.h"
#include "model/map.h"

namespace qfq::io {

// ---------------------------------------------------------------------------
// 1. Reading CSV
// ---------------------------------------------------------------------------

struct CsvCell {
    std::string text;          // UTF-8, quotes removed, "" unescaped
    int line = 0, column = 0;  // where the cell starts in the file (1-based; column in characters)
    // Where a spreadsheet shows it: the row as Excel/LibreOffice number it (blank rows count, a
    // cell with line breaks is one row) and the 0-based index of the cell in its row (A = 0).
    int row = 0, index = 0;
};

// "A", "B", … "Z", "AA", "AB"… for a 0-based column index, as spreadsheets label columns.
std::string columnLetter(int index);

struct CsvTable {
    std::vector<std::vector<CsvCell>> rows;  // rows[0] is the header; blank rows are dropped
    char delimiter = ',';
    bool bom = false;     // the file started with a UTF-8 BOM
    bool latin1 = false;  // the bytes were not UTF-8 and were read as Windows-1252
};

// RFC 4180 plus what spreadsheets do: the delimiter is whichever of ; , TAB occurs most in
// the first row (outside quotes); quoted cells may hold delimiters, "" and line breaks;
// CRLF, LF and CR all end rows. Returns false (with `problem` located) on an unclosed quote.
bool readCsv(std::string_view bytes, const std::string& fileName, CsvTable& out, Problem& problem);

// ---------------------------------------------------------------------------
// 2. Formula injection
// ---------------------------------------------------------------------------

// A spreadsheet runs a cell that starts with = + - @ (or TAB/CR before one) as a formula
// (`=cmd|' /C calc'!A0`). On export such cells get a leading apostrophe, which spreadsheets
// show as text; plain numbers ("-12.5") are left alone. A cell that already starts with an
// apostrophe followed by something that would need one gets another, so restoreCell (used
// on import: it drops that one apostrophe) gives back exactly the original text. Nothing is
// ever evaluated: an imported "=1+1" stays the text "=1+1".
std::string neutraliseCell(std::string_view text);
std::string restoreCell(std::string_view cell);

// One cell for writing: neutralised, then quoted if it holds the delimiter, a quote or a
// line break.
std::string csvCell(std::string_view text, char delimiter);

// A number as spreadsheets write it ("12", "-3,5", "1.5e6"): such cells are never guarded.
bool plainNumber(std::string_view s);

// The cell without spaces, tabs or line breaks at its ends (how single values are read).
std::string trimCell(std::string_view s);

// ---------------------------------------------------------------------------
// 3. Importing actors.csv + relations.csv
// ---------------------------------------------------------------------------

struct CsvImportOptions {
    // Where levels, actor kinds, relation kinds, territories and topics come from (required).
    const Map* base = nullptr;
    // Non-empty: the result is an overlay `"extends": extends` of `base`; rows whose id is an
    // actor (relation) of the base become `override` entries (their non-empty cells replace
    // the inherited values), the others are added. Empty: a standalone map that copies the
    // base's vocabularies (and, with keepBase, its metadata, variants, glossary and tours).
    std::string extends;
    bool keepBase = false;
    // "" = the base's (keepBase) or a default: id "territoire", title = id, licence
    // "CC-BY-4.0", maintainer "Non renseigné", updated = today (UTC), language "fr".
    std::string id, title, licence, maintainer, updated, language;
    // Name of the document handed to the loader: a relative `extends` resolves from its
    // folder, so the CLI passes the output file's path.
    std::string documentName = "map.json";
};

// The spreadsheets of one map (data/README.md section 12); null = absent. actors.csv is
// required, the others optional: relations.csv, territories.csv (the territory tree:
// départements, circonscriptions…), glossary.csv and tours.csv (one row per step).
struct CsvFiles {
    const Document* actors = nullptr;
    const Document* relations = nullptr;
    const Document* territories = nullptr;
    const Document* glossary = nullptr;
    const Document* tours = nullptr;
};

// Which sheet a file is by its name ("actors.csv", "acteurs.csv", "mon-territoire-glossary.csv"…):
// "actors", "relations", "territories", "glossary", "tours", or "" if none.
std::string csvSheetOf(const std::string& fileName);

struct CsvImport {
    bool ok = false;
    nlohmann::json document;        // the qfq-map/1 document (filled even when not ok)
    Map map;                        // the loaded map, when ok
    std::vector<Problem> problems;  // located in the CSV files whenever possible
};

// Builds the document, then loads it with loadMap (through `fetch` for `extends`); problems
// the loader finds are traced back to the CSV row and column that caused them.
CsvImport importCsv(const CsvFiles& files, const CsvImportOptions& options, const Fetch& fetch = {});
CsvImport importCsv(const Document& actors, const Document& relations, const CsvImportOptions& options,
                    const Fetch& fetch = {});

// Same, as a LoadResult.
LoadResult fromCsv(const Document& actors, const Document& relations, const CsvImportOptions& options,
                   const Fetch& fetch = {});

}  // namespace qfq::io
