// io/csv_sheets.cpp — the sheets a territory needs besides actors and relations:
// territories.csv, glossary.csv and tours.csv (data/README.md section 12). The import itself,
// the document and the tracing of the loader's problems back to cells are in io/csv.cpp.
//
// Contents
//   1. Columns
//   2. Shared helpers (ids lists, overlay patches that leave out what the base already says)
//   3. territories.csv
//   4. glossary.csv
//   5. tours.csv (one row per step; a tour's rows are grouped by its id, in row order)

#include <algorithm>

#include "io/csv_internal.h"
#include "io/internal.h"

namespace qfq::io::csvdetail {

// ---------------------------------------------------------------------------
// 1. Columns
// ---------------------------------------------------------------------------

const std::vector<std::string> kTerritoryColumns = {"id", "name", "name_fr", "name_en", "level", "parent"};
const std::vector<std::string> kGlossaryColumns = {
    "term",          "expansion",     "expansion_fr", "expansion_en", "definition",
    "definition_fr", "definition_en", "see",          "sources",      "confidence"};
const std::vector<std::string> kTourColumns = {
    "tour", "tour_title", "tour_title_fr", "tour_title_en", "title", "title_fr", "title_en",
    "text", "text_fr",    "text_en",       "focus",         "path",  "zoom"};

namespace {

// ---------------------------------------------------------------------------
// 2. Shared helpers
// ---------------------------------------------------------------------------

// The item of the base's JSON list `list` whose `key` field is `id`, or null.
const json* baseItem(const SheetContext& ctx, const char* list, const char* key, const std::string& id) {
    if (!ctx.baseJson.contains(list)) return nullptr;
    for (const json& item : ctx.baseJson[list])
        if (item.is_object() && item.value(key, "") == id) return &item;
    return nullptr;
}

// The fields of `item` that differ from the base's `inherited` (texts compared key by key, as
// an override merges them): what an override needs to say.
json patchAgainst(const json& item, const json& inherited) {
    json patch = json::object();
    for (auto it = item.begin(); it != item.end(); ++it) {
        if (!inherited.contains(it.key())) {
            patch[it.key()] = it.value();
            continue;
        }
        const json& before = inherited[it.key()];
        if (it.value().is_object() && before.is_object()) {
            json sub = json::object();
            for (auto k = it.value().begin(); k != it.value().end(); ++k)
                if (!before.contains(k.key()) || before[k.key()] != k.value()) sub[k.key()] = k.value();
            if (!sub.empty()) patch[it.key()] = sub;
        } else if (it.value() != before) {
            patch[it.key()] = it.value();
        }
    }
    return patch;
}

// Actor ids of a list cell ("a|b", one per line, or JSON), each checked; null when empty.
json actorIdsOf(Sheet& sheet, size_t row, const std::string& column, const SheetContext& ctx) {
    json ids = listOf(sheet, row, column);
    if (!ids.is_array()) return ids;
    for (const json& id : ids)
        if (id.is_string())
            inVocabulary(sheet, row, column, id.get<std::string>(), ctx.actorIds, "acteur", "actor",
                         "acteurs", "actors");
    return ids;
}

}  // namespace

// ---------------------------------------------------------------------------
// 3. territories.csv
// ---------------------------------------------------------------------------

void importTerritories(Sheet& sheet, SheetContext& ctx, SheetOut& out) {
    std::vector<std::string> levels;
    for (const Category& c : ctx.base.levels) levels.push_back(c.id);
    // Parents may come later in the file: collect every id first.
    for (size_t row = 1; row < sheet.table.rows.size(); ++row)
        if (std::string id = sheet.key(row, "id");
            !id.empty() &&
            std::find(ctx.territoryIds.begin(), ctx.territoryIds.end(), id) == ctx.territoryIds.end())
            ctx.territoryIds.push_back(id);
    for (size_t row = 1; row < sheet.table.rows.size(); ++row) {
        std::string id = sheet.key(row, "id");
        if (id.empty()) {
            sheet.error(row, "id", "identifiant manquant", "missing id");
            continue;
        }
        const json* inherited = ctx.overlay ? baseItem(ctx, "territories", "id", id) : nullptr;
        json t = json::object();
        t["id"] = id;
        put(t, "name", textOf(sheet, row, "name", ctx.language));
        if (!t.contains("name") && !inherited)
            sheet.error(row, "name_fr", "nom manquant (name_fr, name_en ou name)",
                        "missing name (name_fr, name_en or name)");
        std::string level = sheet.key(row, "level"), parent = sheet.key(row, "parent");
        if (!level.empty() &&
            inVocabulary(sheet, row, "level", level, levels, "niveau", "level", "niveaux", "levels"))
            t["level"] = level;
        else if (level.empty() && !inherited)
            sheet.error(row, "level", "niveau manquant", "missing level");
        if (!parent.empty() && inVocabulary(sheet, row, "parent", parent, ctx.territoryIds, "territoire",
                                            "territory", "territoires", "territories"))
            t["parent"] = parent;
        Origin origin{&sheet, row, ""};
        if (inherited) {
            t.erase("id");
            json patch = patchAgainst(t, *inherited);
            if (!patch.empty()) out.overridden.push_back({id, SheetItem{patch, origin, {}}});
        } else {
            out.added.push_back(SheetItem{t, origin, {}});
        }
    }
}

// ---------------------------------------------------------------------------
// 4. glossary.csv
// ---------------------------------------------------------------------------

void importGlossary(Sheet& sheet, SheetContext& ctx, SheetOut& out) {
    for (size_t row = 1; row < sheet.table.rows.size(); ++row) {
        std::string term = sheet.key(row, "term");
        if (term.empty()) {
            sheet.error(row, "term", "terme manquant", "missing term");
            continue;
        }
        const json* inherited = ctx.overlay ? baseItem(ctx, "glossary", "term", term) : nullptr;
        json g = json::object();
        g["term"] = term;
        put(g, "expansion", textOf(sheet, row, "expansion", ctx.language));
        put(g, "definition", textOf(sheet, row, "definition", ctx.language));
        if (!inherited)
            for (const char* field : {"expansion", "definition"})
                if (!g.contains(field))
                    sheet.error(row, std::string(field) + "_fr",
                                std::string(field[0] == 'e' ? "développement" : "définition") +
                                    " manquant(e) (" + field + "_fr, " + field + "_en ou " + field + ")",
                                std::string("missing ") + field + " (" + field + "_fr, " + field + "_en or " +
                                    field + ")");
        put(g, "see", actorIdsOf(sheet, row, "see", ctx));
        put(g, "sources", sourcesOf(sheet, row));
        put(g, "confidence", confidenceOf(sheet, row));
        Origin origin{&sheet, row, ""};
        if (inherited) {
            g.erase("term");
            json patch = patchAgainst(g, *inherited);
            if (!patch.empty()) out.overridden.push_back({term, SheetItem{patch, origin, {}}});
        } else {
            out.added.push_back(SheetItem{g, origin, {}});
        }
    }
}

// ---------------------------------------------------------------------------
// 5. tours.csv
// ---------------------------------------------------------------------------

void importTours(Sheet& sheet, SheetContext& ctx, SheetOut& out) {
    std::vector<std::string> order;              // tour ids in order of first row
    std::unordered_map<std::string, size_t> at;  // tour id → index in `tours`
    std::vector<SheetItem> tours;
    for (size_t row = 1; row < sheet.table.rows.size(); ++row) {
        std::string id = sheet.key(row, "tour");
        if (id.empty()) {
            sheet.error(row, "tour", "identifiant de visite manquant", "missing tour id");
            continue;
        }
        auto [it, added] = at.emplace(id, tours.size());
        if (added)
            tours.push_back(
                SheetItem{json{{"id", id}, {"steps", json::array()}}, Origin{&sheet, row, "tour_"}, {}});
        SheetItem& tour = tours[it->second];
        if (json title = textOf(sheet, row, "tour_title", ctx.language); !title.is_null()) {
            if (tour.value.contains("title") && tour.value["title"] != title)
                sheet.error(row, "tour_title",
                            "titre différent de celui d'une ligne précédente de la même visite",
                            "title differs from an earlier row of the same tour");
            tour.value["title"] = title;
        }
        json step = json::object();
        put(step, "title", textOf(sheet, row, "title", ctx.language));
        put(step, "text", textOf(sheet, row, "text", ctx.language));
        json focus = actorIdsOf(sheet, row, "focus", ctx);
        step["focus"] = focus.is_null() ? json::array() : focus;
        put(step, "path", actorIdsOf(sheet, row, "path", ctx));
        if (step.contains("path") && step["path"].is_array() && step["path"].size() != 2)
            sheet.error(row, "path", "deux acteurs attendus (départ|arrivée)",
                        "two actors expected (start|end)");
        if (std::string z = sheet.key(row, "zoom"); !z.empty()) {
            double zoom = 0;
            if (!parseNumber(z, zoom) || zoom <= 0)
                sheet.error(row, "zoom", "nombre positif attendu, lu « " + z + " »",
                            "positive number expected, got \"" + z + "\"");
            else
                step["zoom"] = zoom;
        }
        tour.value["steps"].push_back(std::move(step));
        tour.steps.push_back(Origin{&sheet, row, ""});
    }
    for (SheetItem& tour : tours) {
        const std::string id = tour.value["id"].get<std::string>();
        if (!tour.value.contains("title")) {
            sheet.error(tour.origin.row, "tour_title", "titre de la visite manquant (sur une de ses lignes)",
                        "missing tour title (on one of its rows)");
            continue;
        }
        if (const json* inherited = ctx.overlay ? baseItem(ctx, "tours", "id", id) : nullptr) {
            // Tours cannot be overridden: one equal to the base's is the base's (an export of
            // the resolved map gives it back), a changed one needs its own id.
            if (*inherited != tour.value)
                sheet.error(
                    tour.origin.row, "tour",
                    "la visite « " + id +
                        " » existe dans la carte de base et ne peut pas y être modifiée : lui donner un "
                        "autre identifiant",
                    "tour \"" + id +
                        "\" exists in the base map and cannot be changed there: give it "
                        "another id");
            continue;
        }
        out.added.push_back(std::move(tour));
    }
}

}  // namespace qfq::io::csvdetail
