// io/csv_internal.h — what the CSV import files share (csv.cpp: actors and relations, the
// document and problem tracing; csv_sheets.cpp: territories, glossary, tours). Not API.
//
// Contents
//   1. Sheets: one CSV file, its columns, problems at a spreadsheet cell
//   2. Cells to JSON values
//   3. The other sheets (csv_sheets.cpp)
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/csv.h"

namespace qfq::io::csvdetail {

using nlohmann::json;

// ---------------------------------------------------------------------------
// 1. Sheets
// ---------------------------------------------------------------------------

Problem cellProblem(const Document& doc, int row, int index, const std::string& name, const std::string& fr,
                    const std::string& en, bool warning);

// One CSV file being read: its table, its columns, and where problems go.
struct Sheet {
    const Document* doc = nullptr;
    std::string keyColumn = "id";  // the column that names a row's item
    CsvTable table;
    std::unordered_map<std::string, size_t> column;  // canonical name → index
    std::vector<Problem>* problems = nullptr;
    size_t errors = 0;

    const CsvCell* cell(size_t row, const std::string& name) const {
        auto it = column.find(name);
        if (it == column.end() || it->second >= table.rows[row].size()) return nullptr;
        return &table.rows[row][it->second];
    }
    // The cell's text, apostrophe guard removed ("" if absent).
    std::string get(size_t row, const std::string& name) const {
        const CsvCell* c = cell(row, name);
        return c ? restoreCell(c->text) : "";
    }
    std::string key(size_t row, const std::string& name) const { return trimCell(get(row, name)); }
    // Reports at the cell of `name` in `row` (or the row's first cell).
    void error(size_t row, const std::string& name, const std::string& fr, const std::string& en,
               bool warning = false) {
        const CsvCell* c = cell(row, name);
        int index = -1;  // the column's letter, even when this row is shorter than the header
        if (auto it = column.find(name); it != column.end()) index = int(it->second);
        if (!c && !table.rows[row].empty()) c = &table.rows[row][0];
        int spreadsheetRow = c ? c->row : 0;
        problems->push_back(cellProblem(*doc, spreadsheetRow, index, name, fr, en, warning));
        if (!warning) ++errors;
    }
};

// Where a value of the document came from: for tracing the loader's problems back.
struct Origin {
    Sheet* sheet = nullptr;
    size_t row = 0;
    std::string prefix;  // column prefix of the fields ("tour_" for a tour's own title)
};

// Header names are compared without case, spaces, '_' or '-' ("Name FR" = "name_fr").
std::string headerKey(std::string_view s);

// Reads the table and maps its header to `known` columns; reports missing `required` ones
// (each an any-of list). False if the sheet cannot be used.
bool openSheet(const Document& doc, const std::vector<std::string>& known,
               const std::vector<std::vector<std::string>>& required, Sheet& sheet,
               std::vector<Problem>& problems);

// Checks an id against a vocabulary; reports "unknown level « x » (levels: …)".
bool inVocabulary(Sheet& sheet, size_t row, const std::string& column, const std::string& value,
                  const std::vector<std::string>& ids, const std::string& whatFr, const std::string& whatEn,
                  const std::string& listFr, const std::string& listEn);

// ---------------------------------------------------------------------------
// 2. Cells to JSON values
// ---------------------------------------------------------------------------

std::vector<std::string> splitItems(const std::string& cell, bool keepEmpty);
bool parseNumber(std::string text, double& out);
json textOf(const Sheet& sheet, size_t row, const std::string& base, const std::string& language);
json jsonCell(Sheet& sheet, size_t row, const std::string& column, const std::string& text);
json sourcesOf(Sheet& sheet, size_t row);
json confidenceOf(Sheet& sheet, size_t row);
json listOf(Sheet& sheet, size_t row, const std::string& column);
void put(json& o, const char* key, json value);

// ---------------------------------------------------------------------------
// 3. The other sheets
// ---------------------------------------------------------------------------

// What the territories, glossary and tours sheets need from the import.
struct SheetContext {
    const Map& base;
    bool overlay;
    std::string language;
    json baseJson;                          // toJson(base), to leave out rows equal to the base
    std::vector<std::string> territoryIds;  // the base's, then territories.csv's
    std::vector<std::string> actorIds;      // actors.csv's, then the base's in an overlay
};

// What a sheet gives back: items to append, and patches of inherited items (overlays), each
// with the row it came from (tour steps: one row each) for tracing the loader's problems.
struct SheetItem {
    json value;
    Origin origin;
    std::vector<Origin> steps;  // tours only
};
struct SheetOut {
    std::vector<SheetItem> added;
    std::vector<std::pair<std::string, SheetItem>> overridden;  // key → patch
};

extern const std::vector<std::string> kTerritoryColumns, kGlossaryColumns, kTourColumns;

// territories.csv (adds its ids to ctx.territoryIds), glossary.csv and tours.csv (after the
// actors are known). Problems go to the sheet; its `errors` counts them.
void importTerritories(Sheet& sheet, SheetContext& ctx, SheetOut& out);
void importGlossary(Sheet& sheet, SheetContext& ctx, SheetOut& out);
void importTours(Sheet& sheet, SheetContext& ctx, SheetOut& out);

}  // namespace qfq::io::csvdetail
