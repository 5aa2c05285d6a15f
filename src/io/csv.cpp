// io/csv.cpp — importing actors.csv + relations.csv (reading the files: io/csv_read.cpp).
//
// Contents
//   1. Cells to JSON values (lists, sources, former names, numbers)
//   2. The import: columns, rows, the document, problems traced back to cells
//
// The import builds a qfq-map/1 JSON document and hands it to loadMap, so every rule of the
// format is checked in one place; what can be said better in spreadsheet terms (unknown level,
// missing column, bad number) is checked here first, with the cell's position.

#include "io/csv.h"
#include "model/utf8.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <unordered_map>
#include <unordered_set>

#include "io/csv_internal.h"
#include "io/internal.h"

namespace qfq::io {

using nlohmann::json;

// ---------------------------------------------------------------------------
// 1. Cells to JSON values
// ---------------------------------------------------------------------------

namespace csvdetail {

// One item per line; without a line break, items are separated by '|'.
std::vector<std::string> splitItems(const std::string& cell, bool keepEmpty) {
    std::vector<std::string> items;
    bool lines = cell.find_first_of("\r\n") != std::string::npos;
    std::string current;
    auto flush = [&] {
        std::string t = trimCell(current);
        if (keepEmpty || !t.empty()) items.push_back(t);
        current.clear();
    };
    for (size_t i = 0; i < cell.size(); ++i) {
        char c = cell[i];
        if (lines ? (c == '\n' || c == '\r') : c == '|') {
            if (c == '\r' && i + 1 < cell.size() && cell[i + 1] == '\n') ++i;
            flush();
        } else {
            current += c;
        }
    }
    flush();
    while (keepEmpty && !items.empty() && items.back().empty()) items.pop_back();
    return items;
}

// Sources and former names: one per line or separated by ';', parts by '|'.
std::vector<std::vector<std::string>> splitRecords(const std::string& cell) {
    std::vector<std::vector<std::string>> records;
    std::string current;
    auto flush = [&] {
        if (!trimCell(current).empty()) {
            std::vector<std::string> parts;
            size_t start = 0;
            for (;;) {
                size_t bar = current.find('|', start);
                parts.push_back(trimCell(
                    current.substr(start, bar == std::string::npos ? std::string::npos : bar - start)));
                if (bar == std::string::npos) break;
                start = bar + 1;
            }
            records.push_back(std::move(parts));
        }
        current.clear();
    };
    for (char c : cell) {
        if (c == '\n' || c == '\r' || c == ';')
            flush();
        else
            current += c;
    }
    flush();
    return records;
}

bool looksLikeJson(const std::string& cell) {
    std::string t = trimCell(cell);
    return !t.empty() && (t[0] == '[' || t[0] == '{');
}

bool parseNumber(std::string text, double& out) {
    text = trimCell(text);
    if (text.find('.') == std::string::npos) std::replace(text.begin(), text.end(), ',', '.');
    if (!plainNumber(text)) return false;
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end && *end == '\0';
}

std::string today() {
    std::time_t now = std::time(nullptr);
    std::tm* t = std::gmtime(&now);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", t);
    return buffer;
}

// ---------------------------------------------------------------------------
// 2. The import
// ---------------------------------------------------------------------------

// Header names are compared without case, spaces, '_' or '-' ("Name FR" = "name_fr").
std::string headerKey(std::string_view s) {
    std::string out;
    for (char c : trimCell(s))
        if (c != ' ' && c != '_' && c != '-') out += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

const std::vector<std::string> kActorColumns = {
    "id",        "acronym",     "name",           "name_fr",        "name_en",  "level",        "kind",
    "territory", "description", "description_fr", "description_en", "missions", "missions_fr",  "missions_en",
    "topics",    "url",         "sources",        "confidence",     "aliases",  "former_names", "x",
    "y",         "variants"};
const std::vector<std::string> kRelationColumns = {
    "id",      "from",      "to", "kind", "directed", "description", "description_fr", "description_en",
    "sources", "confidence"};

// "actors.csv:12:3: ligne 12, colonne C « level » : …": the row as the spreadsheet numbers it
// (not the text line: a cell with line breaks above would shift that) and the column by its
// letter and header. Problem::line/column hold the same row and column numbers.
Problem cellProblem(const Document& doc, int row, int index, const std::string& name, const std::string& fr,
                    const std::string& en, bool warning) {
    std::string where = row > 0 ? "ligne " + std::to_string(row) + ", " : "";
    std::string whereEn = row > 0 ? "row " + std::to_string(row) + ", " : "";
    std::string letter = index >= 0 ? columnLetter(index) + " " : "";
    return Problem{doc.name,
                   "",
                   row,
                   index >= 0 ? index + 1 : 0,
                   Text{where + "colonne " + letter + "« " + name + " » : " + fr,
                        whereEn + "column " + letter + "\"" + name + "\": " + en},
                   warning};
}

bool openSheet(const Document& doc, const std::vector<std::string>& known,
               const std::vector<std::vector<std::string>>& required, Sheet& sheet,
               std::vector<Problem>& problems) {
    sheet.doc = &doc;
    sheet.problems = &problems;
    Problem p;
    if (!readCsv(doc.text, doc.name, sheet.table, p)) {
        problems.push_back(p);
        return false;
    }
    if (sheet.table.rows.empty()) {
        problems.push_back({doc.name, "", 0, 0,
                            Text{"fichier vide (la première ligne doit nommer les colonnes)",
                                 "empty file (the first row must name the columns)"},
                            false});
        return false;
    }
    std::vector<std::string> keys;
    for (const std::string& k : known) keys.push_back(headerKey(k));
    const std::vector<CsvCell>& header = sheet.table.rows[0];
    for (size_t i = 0; i < header.size(); ++i) {
        std::string name = trimCell(header[i].text), k = headerKey(name);
        if (name.empty() || (name.size() > 2 && (name[0] == 'x' || name[0] == 'X') && name[1] == '-'))
            continue;  // empty header or an x-note column
        auto it = std::find(keys.begin(), keys.end(), k);
        if (it == keys.end()) {
            std::string guess = detail::closest(name, known);
            std::string hintFr = guess.empty() ? "" : " (vouliez-vous dire « " + guess + " » ?)";
            std::string hintEn = guess.empty() ? "" : " (did you mean \"" + guess + "\"?)";
            problems.push_back(
                {doc.name, "", header[i].row, header[i].index + 1,
                 Text{"ligne " + std::to_string(header[i].row) + ", colonne " +
                          columnLetter(header[i].index) + " : colonne inconnue « " + name + " », ignorée" +
                          hintFr,
                      "row " + std::to_string(header[i].row) + ", column " + columnLetter(header[i].index) +
                          ": unknown column \"" + name + "\", ignored" + hintEn},
                 true});
            continue;
        }
        sheet.column[known[size_t(it - keys.begin())]] = i;
    }
    bool ok = true;
    for (const std::vector<std::string>& anyOf : required) {
        bool found = false;
        for (const std::string& name : anyOf) found = found || sheet.column.count(name);
        if (found) continue;
        std::string names;
        for (const std::string& name : anyOf) names += (names.empty() ? "« " : " ou « ") + name + " »";
        std::string namesEn;
        for (const std::string& name : anyOf) namesEn += (namesEn.empty() ? "\"" : " or \"") + name + "\"";
        problems.push_back(
            {doc.name, "", 1, 1,
             Text{
                 "colonne " + names + " manquante (colonnes attendues : " + detail::joinList(known, 30) + ")",
                 "missing column " + namesEn + " (expected columns: " + detail::joinList(known, 30) + ")"},
             false});
        ok = false;
    }
    return ok;
}

// Checks an id against a vocabulary; reports "unknown level « x » (levels: …)".
bool inVocabulary(Sheet& sheet, size_t row, const std::string& column, const std::string& value,
                  const std::vector<std::string>& ids, const std::string& whatFr, const std::string& whatEn,
                  const std::string& listFr, const std::string& listEn) {
    if (std::find(ids.begin(), ids.end(), value) != ids.end()) return true;
    std::string guess = detail::closest(value, ids);
    // A long list is shown nearest first: its head in file order may stop before the right id.
    const bool many = ids.size() > 12;
    const std::string list = detail::joinList(many ? detail::nearest(value, ids, 12) : ids, 12);
    const std::string count = std::to_string(ids.size());
    sheet.error(row, column,
                whatFr + " inconnu « " + value + " »" +
                    (guess.empty() ? "" : " (vouliez-vous dire « " + guess + " » ?)") + " ; " + listFr +
                    (many ? " les plus proches sur " + count : "") + " : " + list + (many ? "…" : ""),
                "unknown " + whatEn + " \"" + value + "\"" +
                    (guess.empty() ? "" : " (did you mean \"" + guess + "\"?)") + "; " + listEn +
                    (many ? ", nearest of " + count : "") + ": " + list + (many ? "…" : ""));
    return false;
}

template <class T>
std::vector<std::string> idsOf(const std::vector<T>& list) {
    std::vector<std::string> ids;
    for (const T& item : list) ids.push_back(item.id);
    return ids;
}

// name_fr / name_en / name (in the document's language) → a text, or null if all empty.
json textOf(const Sheet& sheet, size_t row, const std::string& base, const std::string& language) {
    json t = json::object();
    std::string fr = sheet.get(row, base + "_fr"), en = sheet.get(row, base + "_en"),
                plain = sheet.get(row, base);
    if (!fr.empty()) t["fr"] = fr;
    if (!en.empty()) t["en"] = en;
    if (!plain.empty() && !t.contains(language)) t[language] = plain;
    return t.empty() ? json() : t;
}

// A cell holding JSON (lists, variants); reports and returns null when unreadable.
json jsonCell(Sheet& sheet, size_t row, const std::string& column, const std::string& text) {
    json v = json::parse(text, nullptr, false);
    if (v.is_discarded()) {
        sheet.error(row, column, "JSON illisible", "unreadable JSON");
        return json();
    }
    return v;
}

json sourcesOf(Sheet& sheet, size_t row) {
    std::string cell = sheet.get(row, "sources");
    if (trimCell(cell).empty()) return json();
    if (looksLikeJson(cell)) return jsonCell(sheet, row, "sources", cell);
    json list = json::array();
    for (const std::vector<std::string>& parts : splitRecords(cell)) {
        if (parts.size() < 2 || parts[1].empty()) {
            sheet.error(row, "sources",
                        "source « " + parts[0] + " » sans date de vérification (écrire URL|AAAA-MM-JJ)",
                        "source \"" + parts[0] + "\" has no verification date (write URL|YYYY-MM-DD)");
            continue;
        }
        json s = {{"url", parts[0]}, {"verified", parts[1]}};
        std::string title;
        for (size_t k = 2; k < parts.size(); ++k) title += (k > 2 ? "|" : "") + parts[k];
        if (!title.empty()) s["title"] = title;
        list.push_back(std::move(s));
    }
    return list;
}

json confidenceOf(Sheet& sheet, size_t row) {
    std::string v = sheet.key(row, "confidence");
    std::string k = headerKey(v);
    if (k.empty() || k == "sure" || k == "sur" || k == "sûr" || k == "certain") return json();
    if (k == "unsure" || k == "incertain" || k == "nonsur" || k == "nonsûr") return "unsure";
    sheet.error(row, "confidence", "« " + v + " » : écrire sure ou unsure",
                "\"" + v + "\": write sure or unsure");
    return json();
}

// A list column: JSON array, or items one per line / separated by '|'.
json listOf(Sheet& sheet, size_t row, const std::string& column) {
    std::string cell = sheet.get(row, column);
    if (looksLikeJson(cell)) return jsonCell(sheet, row, column, cell);
    std::vector<std::string> items = splitItems(cell, false);
    return items.empty() ? json() : json(items);
}

// One missions column: items one per line, or a JSON array of strings ("" = none in this
// language), which is how the exporter keeps line breaks and spaces at the ends.
std::vector<std::string> missionItems(Sheet& sheet, size_t row, const std::string& column) {
    std::string cell = sheet.get(row, column);
    if (!looksLikeJson(cell)) return splitItems(cell, true);
    json v = jsonCell(sheet, row, column, cell);
    std::vector<std::string> items;
    if (v.is_null()) return items;
    if (!v.is_array()) {
        sheet.error(row, column, "attendu : un tableau JSON de chaînes", "expected a JSON array of strings");
        return items;
    }
    for (const json& item : v) items.push_back(item.is_string() ? item.get<std::string>() : item.dump());
    return items;
}

json missionsOf(Sheet& sheet, size_t row, const std::string& language) {
    std::vector<std::string> fr = missionItems(sheet, row, "missions_fr");
    std::vector<std::string> en = missionItems(sheet, row, "missions_en");
    std::vector<std::string> plain = missionItems(sheet, row, "missions");
    std::vector<std::string>& mine = language == "en" ? en : fr;
    if (mine.empty()) mine = plain;
    json list = json::array();
    for (size_t i = 0; i < std::max(fr.size(), en.size()); ++i) {
        json t = json::object();
        if (i < fr.size() && !fr[i].empty()) t["fr"] = fr[i];
        if (i < en.size() && !en[i].empty()) t["en"] = en[i];
        if (!t.empty()) list.push_back(std::move(t));
    }
    return list.empty() ? json() : list;
}

json formerNamesOf(Sheet& sheet, size_t row) {
    std::string cell = sheet.get(row, "former_names");
    if (trimCell(cell).empty()) return json();
    if (looksLikeJson(cell)) return jsonCell(sheet, row, "former_names", cell);
    json list = json::array();
    for (const std::vector<std::string>& parts : splitRecords(cell)) {
        json f = {{"name", parts[0]}};
        if (parts.size() > 1 && !parts[1].empty()) f["expansion"] = parts[1];
        if (parts.size() > 2 && !parts[2].empty()) f["until"] = parts[2];
        list.push_back(std::move(f));
    }
    return list;
}

void put(json& o, const char* key, json value) {
    if (!value.is_null()) o[key] = std::move(value);
}

// The CSV column that holds JSON field `field` of an actor or relation.
std::string columnOf(const Sheet& sheet, size_t row, const std::string& field) {
    static const std::unordered_map<std::string, std::string> renamed = {{"formerNames", "former_names"},
                                                                         {"position", "x"}};
    auto it = renamed.find(field);
    std::string name = it != renamed.end() ? it->second : field;
    for (const char* suffix : {"", "_fr", "_en"})
        if (const CsvCell* c = sheet.cell(row, name + suffix); c && !c->text.empty()) return name + suffix;
    return name;
}

}  // namespace csvdetail

using namespace csvdetail;

std::string csvSheetOf(const std::string& fileName) {
    std::string name = fileName.substr(fileName.find_last_of("/\\") + 1);
    for (char& c : name) c = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    static const std::pair<const char*, const char*> words[] = {
        {"relation", "relations"}, {"territor", "territories"}, {"glossa", "glossary"}, {"tour", "tours"},
        {"visite", "tours"},       {"actor", "actors"},         {"acteur", "actors"}};
    for (auto [word, sheet] : words)
        if (name.find(word) != std::string::npos) return sheet;
    return "";
}

CsvImport importCsv(const Document& actorsDoc, const Document& relationsDoc, const CsvImportOptions& options,
                    const Fetch& fetch) {
    CsvFiles files;
    files.actors = &actorsDoc;
    files.relations = &relationsDoc;
    return importCsv(files, options, fetch);
}

CsvImport importCsv(const CsvFiles& files, const CsvImportOptions& options, const Fetch& fetch) {
    CsvImport result;
    if (!options.base || !files.actors) {
        result.problems.push_back({"", "", 0, 0,
                                   !options.base ? Text{"aucune carte de base pour les niveaux et les types",
                                                        "no base map for the levels and kinds"}
                                                 : Text{"actors.csv manquant", "actors.csv is missing"},
                                   false});
        return result;
    }
    const Map& base = *options.base;
    const bool overlay = !options.extends.empty();
    const Document noRelations{"relations.csv", "from;to;kind\n"};
    const Document& actorsDoc = *files.actors;
    const Document& relationsDoc = files.relations ? *files.relations : noRelations;
    Sheet actors, relations, territorySheet, glossarySheet, tourSheet;
    bool readable = openSheet(actorsDoc, kActorColumns,
                              {{"id"}, {"name", "name_fr", "name_en"}, {"level"}, {"kind"}, {"sources"}},
                              actors, result.problems);
    readable =
        openSheet(relationsDoc, kRelationColumns, {{"from"}, {"to"}, {"kind"}}, relations, result.problems) &&
        readable;
    if (files.territories)
        readable = openSheet(*files.territories, kTerritoryColumns, {{"id"}, {"level"}}, territorySheet,
                             result.problems) &&
                   readable;
    if (files.glossary) {
        glossarySheet.keyColumn = "term";
        readable = openSheet(*files.glossary, kGlossaryColumns, {{"term"}}, glossarySheet, result.problems) &&
                   readable;
    }
    if (files.tours) {
        tourSheet.keyColumn = "tour";
        readable = openSheet(*files.tours, kTourColumns, {{"tour"}}, tourSheet, result.problems) && readable;
    }
    if (!readable) return result;

    std::string language = !options.language.empty()                    ? options.language
                           : options.keepBase && !base.language.empty() ? base.language
                                                                        : "fr";
    const std::vector<std::string> levels = idsOf(base.levels), kinds = idsOf(base.actorKinds),
                                   relationKinds = idsOf(base.relationKinds);

    // --- Territories first: actors.csv may name the ones territories.csv declares. A
    // standalone map's territories.csv is its whole tree; an overlay's adds to the base's. ---
    SheetContext ctx{base, overlay, language, overlay ? toJson(base) : json(), {}, {}};
    if (overlay || !files.territories) ctx.territoryIds = idsOf(base.territories);
    SheetOut territoryOut, glossaryOut, tourOut;
    if (files.territories) importTerritories(territorySheet, ctx, territoryOut);
    const std::vector<std::string> territories = ctx.territoryIds;

    // --- Actors ---
    json addedActors = json::array(), addedRelations = json::array();
    json overrideActors = json::object(), overrideRelations = json::object();
    std::vector<Origin> actorOrigin, relationOrigin;
    std::unordered_map<std::string, Origin> overrideOrigin;  // "actors/ID" or "relations/ID"
    std::unordered_set<std::string> csvActorIds;
    for (size_t row = 1; row < actors.table.rows.size(); ++row) {
        std::string id = actors.key(row, "id");
        if (id.empty()) {
            actors.error(row, "id", "identifiant manquant", "missing id");
            continue;
        }
        bool inherited = overlay && base.findActor(id) >= 0;
        json a = json::object();
        a["id"] = id;
        if (std::string v = actors.key(row, "acronym"); !v.empty()) a["acronym"] = v;
        put(a, "name", textOf(actors, row, "name", language));
        if (a.find("name") == a.end() && !inherited)
            actors.error(row, "name_fr", "nom manquant (name_fr, name_en ou name)",
                         "missing name (name_fr, name_en or name)");
        put(a, "aliases", listOf(actors, row, "aliases"));
        put(a, "formerNames", formerNamesOf(actors, row));
        std::string level = actors.key(row, "level"), kind = actors.key(row, "kind");
        if (!level.empty() &&
            inVocabulary(actors, row, "level", level, levels, "niveau", "level", "niveaux", "levels"))
            a["level"] = level;
        else if (level.empty() && !inherited)
            actors.error(row, "level", "niveau manquant", "missing level");
        if (!kind.empty() && inVocabulary(actors, row, "kind", kind, kinds, "type", "kind", "types", "kinds"))
            a["kind"] = kind;
        else if (kind.empty() && !inherited)
            actors.error(row, "kind", "type manquant", "missing kind");
        if (std::string t = actors.key(row, "territory");
            !t.empty() && inVocabulary(actors, row, "territory", t, territories, "territoire", "territory",
                                       "territoires", "territories"))
            a["territory"] = t;
        put(a, "description", textOf(actors, row, "description", language));
        put(a, "missions", missionsOf(actors, row, language));
        put(a, "topics", listOf(actors, row, "topics"));
        if (std::string v = actors.key(row, "url"); !v.empty()) a["url"] = v;
        put(a, "sources", sourcesOf(actors, row));
        put(a, "confidence", confidenceOf(actors, row));
        std::string xs = actors.key(row, "x"), ys = actors.key(row, "y");
        if (!xs.empty() || !ys.empty()) {
            double x = 0, y = 0;
            if (!parseNumber(xs, x))
                actors.error(row, "x", "nombre attendu, lu « " + xs + " »",
                             "number expected, got \"" + xs + "\"");
            else if (!parseNumber(ys, y))
                actors.error(row, "y", "nombre attendu, lu « " + ys + " »",
                             "number expected, got \"" + ys + "\"");
            else
                a["position"] = {{"x", x}, {"y", y}};
        }
        if (std::string v = actors.get(row, "variants"); !trimCell(v).empty())
            put(a, "variants", jsonCell(actors, row, "variants", v));
        csvActorIds.insert(id);
        if (inherited) {
            a.erase("id");
            overrideActors[id] = std::move(a);
            overrideOrigin["actors/" + id] = {&actors, row};
        } else {
            addedActors.push_back(std::move(a));
            actorOrigin.push_back({&actors, row});
        }
    }

    // --- Relations ---
    std::vector<std::string> knownActors(csvActorIds.begin(), csvActorIds.end());
    if (overlay)
        for (const Actor& a : base.actors) knownActors.push_back(a.id);
    std::sort(knownActors.begin(), knownActors.end());
    ctx.actorIds = knownActors;
    std::unordered_set<std::string> baseRelations;
    if (overlay)
        for (const Relation& r : base.relations) baseRelations.insert(r.id);
    for (size_t row = 1; row < relations.table.rows.size(); ++row) {
        json r = json::object();
        std::string from = relations.key(row, "from"), to = relations.key(row, "to"),
                    kind = relations.key(row, "kind");
        bool good = true;
        for (auto [column, value] : {std::pair<const char*, std::string*>{"from", &from}, {"to", &to}}) {
            if (value->empty()) {
                relations.error(row, column, "acteur manquant", "missing actor");
                good = false;
            } else {
                good = inVocabulary(relations, row, column, *value, knownActors, "acteur", "actor", "acteurs",
                                    "actors") &&
                       good;
            }
        }
        if (kind.empty()) {
            relations.error(row, "kind", "type de relation manquant", "missing relation kind");
            good = false;
        } else {
            good = inVocabulary(relations, row, "kind", kind, relationKinds, "type de relation",
                                "relation kind", "types", "kinds") &&
                   good;
        }
        if (!good) continue;
        std::string id = relations.key(row, "id");
        if (id.empty())
            id = from + "--" + kind + "--" + to;
        else
            r["id"] = id;
        r["from"] = from;
        r["to"] = to;
        r["kind"] = kind;
        std::string directed = headerKey(relations.key(row, "directed"));
        if (directed == "false" || directed == "no" || directed == "non" || directed == "0" ||
            directed == "faux")
            r["directed"] = false;
        else if (!(directed.empty() || directed == "true" || directed == "yes" || directed == "oui" ||
                   directed == "1" || directed == "vrai"))
            relations.error(row, "directed", "écrire true ou false", "write true or false");
        put(r, "description", textOf(relations, row, "description", language));
        put(r, "sources", sourcesOf(relations, row));
        put(r, "confidence", confidenceOf(relations, row));
        if (baseRelations.count(id)) {
            r.erase("id");
            overrideRelations[id] = std::move(r);
            overrideOrigin["relations/" + id] = {&relations, row};
        } else {
            addedRelations.push_back(std::move(r));
            relationOrigin.push_back({&relations, row});
        }
    }

    // --- Glossary and tours, once every actor is known ---
    if (files.glossary) importGlossary(glossarySheet, ctx, glossaryOut);
    if (files.tours) importTours(tourSheet, ctx, tourOut);

    // --- The document ---
    json doc = options.keepBase && !overlay ? toJson(base) : json::object();
    if (!options.keepBase || overlay) {
        doc["schema"] = "qfq-map/1";
        doc["id"] = "territoire";
        doc["licence"] = "CC-BY-4.0";
        doc["maintainers"] = json::array({{{"name", "Non renseigné"}}});
        doc["updated"] = today();
    }
    if (!options.id.empty()) doc["id"] = options.id;
    doc["language"] = language;
    if (!options.title.empty())
        doc["title"] = options.title;
    else if (!doc.contains("title"))
        doc["title"] = doc["id"];
    if (!options.licence.empty()) doc["licence"] = options.licence;
    if (!options.maintainer.empty()) doc["maintainers"] = json::array({{{"name", options.maintainer}}});
    if (!options.updated.empty()) doc["updated"] = options.updated;
    if (overlay) {
        doc["extends"] = options.extends;
    } else if (!options.keepBase) {
        const json full = toJson(base);
        for (const char* key : {"levels", "actorKinds", "relationKinds", "topics", "territories"})
            if (full.contains(key)) doc[key] = full[key];
        // Offices name the base's actors, which a standalone map does not have.
        if (doc.contains("territories"))
            for (json& t : doc["territories"]) t.erase("offices");
    }
    doc["actors"] = std::move(addedActors);
    if (!addedRelations.empty())
        doc["relations"] = std::move(addedRelations);
    else
        doc.erase("relations");
    if (!overrideActors.empty()) doc["override"]["actors"] = std::move(overrideActors);
    if (!overrideRelations.empty()) doc["override"]["relations"] = std::move(overrideRelations);
    if (options.keepBase && !overlay) {
        // The base's glossary and tours may name actors the spreadsheets left out.
        if (doc.contains("glossary"))
            for (json& g : doc["glossary"])
                if (g.contains("see")) {
                    json kept = json::array();
                    for (const json& id : g["see"])
                        if (csvActorIds.count(id.get<std::string>())) kept.push_back(id);
                    if (kept.empty())
                        g.erase("see");
                    else
                        g["see"] = std::move(kept);
                }
        if (doc.contains("tours")) {
            json kept = json::array();
            for (const json& tour : doc["tours"]) {
                bool whole = true;
                for (const json& step : tour["steps"])
                    for (const char* key : {"focus", "path"})
                        if (step.contains(key))
                            for (const json& id : step[key])
                                whole = whole && csvActorIds.count(id.get<std::string>());
                if (whole) kept.push_back(tour);
            }
            if (kept.empty())
                doc.erase("tours");
            else
                doc["tours"] = std::move(kept);
        }
    }
    // The other sheets: appended after what the base gave a standalone map (a sheet given
    // replaces that list), their inherited rows as overrides; each item remembers its row.
    std::unordered_map<std::string, Origin> pointerOrigin;  // "/territories/3", "/tours/0/steps/1"…
    auto merge = [&](const char* list, bool given, SheetOut& out) {
        if (!given) return;
        if (!overlay) doc.erase(list);
        for (SheetItem& item : out.added) {
            if (!doc.contains(list)) doc[list] = json::array();
            std::string pointer = std::string("/") + list + "/" + std::to_string(doc[list].size());
            pointerOrigin[pointer] = item.origin;
            for (size_t k = 0; k < item.steps.size(); ++k)
                pointerOrigin[pointer + "/steps/" + std::to_string(k)] = item.steps[k];
            doc[list].push_back(std::move(item.value));
        }
        for (auto& [key, item] : out.overridden) {
            pointerOrigin[std::string("/override/") + list + "/" + detail::escapeToken(key)] = item.origin;
            doc["override"][list][key] = std::move(item.value);
        }
    };
    merge("territories", files.territories, territoryOut);
    merge("glossary", files.glossary, glossaryOut);
    merge("tours", files.tours, tourOut);
    result.document = doc;
    if (actors.errors || relations.errors || territorySheet.errors || glossarySheet.errors ||
        tourSheet.errors)
        return result;

    // --- Load it; trace problems back to cells ---
    const std::string docName = options.documentName.empty() ? "map.json" : options.documentName;
    LoadResult loaded = loadMap(Document{docName, doc.dump(1)}, fetch);
    for (Problem& p : loaded.problems) {
        if (p.file != docName) {
            result.problems.push_back(std::move(p));
            continue;
        }
        // "/actors/3/sources/0/verified" → {"actors", "3", "sources", …}
        std::vector<std::string> parts;
        for (size_t start = 1; start <= p.pointer.size() && !p.pointer.empty();) {
            size_t slash = p.pointer.find('/', start);
            parts.push_back(
                p.pointer.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
            if (slash == std::string::npos) break;
            start = slash + 1;
        }
        const Origin* origin = nullptr;
        std::string field;
        if (parts.size() >= 2 && (parts[0] == "actors" || parts[0] == "relations")) {
            size_t index = size_t(std::strtoul(parts[1].c_str(), nullptr, 10));
            const std::vector<Origin>& list = parts[0] == "actors" ? actorOrigin : relationOrigin;
            if (index < list.size()) origin = &list[index];
            if (parts.size() >= 3) field = parts[2];
        } else if (parts.size() >= 3 && parts[0] == "override") {
            auto it = overrideOrigin.find(parts[1] + "/" + parts[2]);
            if (it != overrideOrigin.end()) origin = &it->second;
            if (parts.size() >= 4) field = parts[3];
        }
        if (!origin) {
            // The other sheets: the longest item pointer that starts this one.
            std::string prefix = p.pointer;
            for (;;) {
                if (auto it = pointerOrigin.find(prefix); it != pointerOrigin.end()) {
                    origin = &it->second;
                    std::string rest = p.pointer.substr(prefix.size());
                    field = rest.size() > 1 ? rest.substr(1, rest.find('/', 1) - 1) : "";
                    if (!field.empty()) field = origin->prefix + field;
                    break;
                }
                size_t slash = prefix.rfind('/');
                if (slash == std::string::npos || slash == 0) break;
                prefix.resize(slash);
            }
        }
        if (!origin) {
            p.line = p.column = 0;  // a position in the generated JSON would mislead
            result.problems.push_back(std::move(p));
            continue;
        }
        Sheet& sheet = *origin->sheet;
        std::string column = field.empty() ? sheet.keyColumn : columnOf(sheet, origin->row, field);
        sheet.error(origin->row, column, p.message.fr, p.message.en, p.warning);  // into result.problems
    }
    result.ok = loaded.ok;
    if (loaded.ok) result.map = std::move(loaded.map);
    return result;
}

LoadResult fromCsv(const Document& actors, const Document& relations, const CsvImportOptions& options,
                   const Fetch& fetch) {
    CsvImport imported = importCsv(actors, relations, options, fetch);
    LoadResult r;
    r.ok = imported.ok;
    r.map = std::move(imported.map);
    r.problems = std::move(imported.problems);
    return r;
}

}  // namespace qfq::io
