// io/export_csv.cpp — the CSV set (data/README.md section 12): actors.csv, relations.csv,
// territories.csv, glossary.csv, tours.csv, which `qfq import-csv` and the app read back without
// loss (tests/unit/test_roundtrip_property.cpp, tests/unit/test_csv_route.cpp).
//
// Contents
//   1. Cells (lists, sources, former names, missions)
//   2. actors.csv, relations.csv
//   3. territories.csv, glossary.csv, tours.csv, the whole set
//
// A cell is plain text when the reader would give it back unchanged (lists one item per
// line, records "a|b|c"); otherwise it is the value as compact JSON, which the reader also
// takes.

#include "io/csv.h"
#include "io/export.h"
#include "io/export_common.h"

namespace qfq::io {

using detail::at;
using detail::dumpJson;
using detail::number;
using nlohmann::json;

// ---------------------------------------------------------------------------
// 1. Cells
// ---------------------------------------------------------------------------

namespace {

// Items one per line; a lone item holding '|' gets a trailing line break so the reader,
// which splits on '|' only when a cell has no line break, keeps it whole.
std::string lines(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) out += (i ? "\n" : "") + items[i];
    if (items.size() == 1 && items[0].find('|') != std::string::npos) out += "\n";
    return out;
}

bool hasAny(std::string_view s, std::string_view chars) {
    return s.find_first_of(chars) != std::string_view::npos;
}

// The reader trims list items and record parts: such values go out as JSON cells instead.
bool spaceAtEnds(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    return !s.empty() && (space(s.front()) || space(s.back()));
}

// "url|verified|title" one per line, or JSON when a part holds a separator.
std::string sourcesCell(const std::vector<Source>& sources, const json& asJson) {
    std::vector<std::string> items;
    for (const Source& s : sources) {
        if (hasAny(s.url, "|;\n\r") || hasAny(s.title, "|;\n\r") || hasAny(s.verified, "|;\n\r") ||
            spaceAtEnds(s.title) || (s.url.empty() && s.verified.empty()))
            return sources.empty() ? "" : dumpJson(asJson);
        items.push_back(s.url + "|" + s.verified + (s.title.empty() ? "" : "|" + s.title));
    }
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) out += (i ? "\n" : "") + items[i];
    return out;
}

// "name|expansion|until" one per line (expansion in the map's language), or JSON.
std::string formerNamesCell(const Actor& a, Lang mapLang, const json& asJson) {
    std::string out;
    for (size_t i = 0; i < a.formerNames.size(); ++i) {
        const FormerName& f = a.formerNames[i];
        const std::string& other = mapLang == Lang::Fr ? f.expansion.en : f.expansion.fr;
        const std::string& mine = mapLang == Lang::Fr ? f.expansion.fr : f.expansion.en;
        if (!other.empty() || hasAny(f.name, "|;\n\r[{") || hasAny(mine, "|;\n\r") ||
            hasAny(f.until, "|;\n\r") || f.name.empty() || spaceAtEnds(f.name) || spaceAtEnds(mine) ||
            spaceAtEnds(f.until))
            return dumpJson(asJson);
        out += (i ? "\n" : "") + f.name;
        if (!mine.empty() || !f.until.empty()) out += "|" + mine;
        if (!f.until.empty()) out += "|" + f.until;
    }
    return out;
}

// A list cell: JSON when an item holds a line break (or starts like JSON), else lines.
std::string listCell(const std::vector<std::string>& items, const json& asJson) {
    if (items.empty()) return "";
    bool plain = true;
    for (const std::string& s : items)
        if (s.empty() || hasAny(s, "\n\r") || s.front() == '[' || s.front() == '{' || spaceAtEnds(s))
            plain = false;
    return plain ? lines(items) : dumpJson(asJson);
}

// missions_fr / missions_en: item i of each column is mission i.
std::string missionsCell(const std::vector<Text>& missions, bool fr) {
    std::vector<std::string> items;
    for (const Text& m : missions) items.push_back(fr ? m.fr : m.en);
    bool any = false, plain = true;
    for (const std::string& s : items) {
        any = any || !s.empty();
        if (hasAny(s, "\n\r") || spaceAtEnds(s) || (!s.empty() && (s.front() == '[' || s.front() == '{')))
            plain = false;
    }
    if (!any) return "";
    if (!plain) return dumpJson(json(items));
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) out += (i ? "\n" : "") + items[i];
    if (items.size() == 1 && items[0].find('|') != std::string::npos) out += "\n";
    return out;
}

void row(std::string& out, const std::vector<std::string>& cells, char delimiter) {
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i) out += delimiter;
        out += csvCell(cells[i], delimiter);
    }
    out += "\r\n";
}

}  // namespace

// ---------------------------------------------------------------------------
// 2. actors.csv, relations.csv
// ---------------------------------------------------------------------------

std::string actorsCsv(const Map& map, char delimiter) {
    const json doc = toJson(map);
    Lang mapLang = map.language == "en" ? Lang::En : Lang::Fr;
    std::string out = "\xEF\xBB\xBF";
    row(out, {"id",        "acronym",        "name_fr",        "name_en",     "level",        "kind",
              "territory", "description_fr", "description_en", "missions_fr", "missions_en",  "topics",
              "url",       "sources",        "confidence",     "aliases",     "former_names", "x",
              "y",         "variants"},
        delimiter);
    for (size_t i = 0; i < map.actors.size(); ++i) {
        const Actor& a = map.actors[i];
        const json& aj = doc["actors"][i];
        const Category* level = at(map.levels, a.level);
        const Category* kind = at(map.actorKinds, a.kind);
        const Territory* territory = at(map.territories, a.territory);
        row(out,
            {a.id,
             a.acronym,
             a.name.fr,
             a.name.en,
             level ? level->id : "",
             kind ? kind->id : "",
             territory ? territory->id : "",
             a.description.fr,
             a.description.en,
             missionsCell(a.missions, true),
             missionsCell(a.missions, false),
             listCell(a.topics, aj.value("topics", json::array())),
             a.url,
             sourcesCell(a.sources, aj.value("sources", json::array())),
             a.confidence == Confidence::Unsure ? "unsure" : "sure",
             listCell(a.aliases, aj.value("aliases", json::array())),
             a.formerNames.empty() ? "" : formerNamesCell(a, mapLang, aj["formerNames"]),
             a.pinned ? number(a.x) : "",
             a.pinned ? number(a.y) : "",
             aj.contains("variants") ? dumpJson(aj["variants"]) : ""},
            delimiter);
    }
    return out;
}

std::string relationsCsv(const Map& map, char delimiter) {
    const json doc = toJson(map);
    std::string out = "\xEF\xBB\xBF";
    row(out,
        {"id", "from", "to", "kind", "directed", "description_fr", "description_en", "sources", "confidence"},
        delimiter);
    for (size_t i = 0; i < map.relations.size(); ++i) {
        const Relation& r = map.relations[i];
        const json& rj = doc["relations"][i];
        std::string from = rj.value("from", ""), to = rj.value("to", ""), kind = rj.value("kind", "");
        // The default id (FROM--KIND--TO) is left out: the reader derives it again.
        std::string id = r.id == from + "--" + kind + "--" + to ? "" : r.id;
        row(out,
            {id, from, to, kind, r.directed ? "true" : "false", r.description.fr, r.description.en,
             sourcesCell(r.sources, rj.value("sources", json::array())),
             r.confidence == Confidence::Unsure ? "unsure" : "sure"},
            delimiter);
    }
    return out;
}

// ---------------------------------------------------------------------------
// 3. territories.csv, glossary.csv, tours.csv
// ---------------------------------------------------------------------------

namespace {

// Actor ids one per line (ids never hold '|' or line breaks).
std::string actorIds(const Map& map, const std::vector<uint32_t>& actors) {
    std::vector<std::string> ids;
    for (uint32_t a : actors)
        if (a < map.actors.size()) ids.push_back(map.actors[a].id);
    std::string out;
    for (size_t i = 0; i < ids.size(); ++i) out += (i ? "\n" : "") + ids[i];
    return out;
}

}  // namespace

std::string territoriesCsv(const Map& map, char delimiter) {
    std::string out = "\xEF\xBB\xBF";
    row(out, {"id", "name_fr", "name_en", "level", "parent"}, delimiter);
    for (const Territory& t : map.territories) {
        const Category* level = at(map.levels, t.level);
        const Territory* parent = at(map.territories, t.parent);
        row(out, {t.id, t.name.fr, t.name.en, level ? level->id : "", parent ? parent->id : ""}, delimiter);
    }
    return out;
}

std::string glossaryCsv(const Map& map, char delimiter) {
    const json doc = toJson(map);
    std::string out = "\xEF\xBB\xBF";
    row(out,
        {"term", "expansion_fr", "expansion_en", "definition_fr", "definition_en", "see", "sources",
         "confidence"},
        delimiter);
    const json empty = json::array();
    const json& list = doc.contains("glossary") ? doc["glossary"] : empty;
    for (size_t i = 0; i < map.glossary.size() && i < list.size(); ++i) {
        const GlossaryEntry& g = map.glossary[i];
        const json& gj = list[i];
        row(out,
            {g.term, g.expansion.fr, g.expansion.en, g.definition.fr, g.definition.en, actorIds(map, g.see),
             sourcesCell(g.sources, gj.value("sources", json::array())),
             gj.value("confidence", "") == "unsure" ? "unsure" : ""},
            delimiter);
    }
    return out;
}

std::string toursCsv(const Map& map, char delimiter) {
    std::string out = "\xEF\xBB\xBF";
    row(out,
        {"tour", "tour_title_fr", "tour_title_en", "title_fr", "title_en", "text_fr", "text_en", "focus",
         "path", "zoom"},
        delimiter);
    for (const Tour& t : map.tours)
        for (size_t k = 0; k < t.steps.size(); ++k) {
            const TourStep& s = t.steps[k];
            // The tour's title on its first row only: the reader takes it from any row.
            row(out,
                {t.id, k == 0 ? t.title.fr : "", k == 0 ? t.title.en : "", s.title.fr, s.title.en, s.text.fr,
                 s.text.en, actorIds(map, s.focus), actorIds(map, s.path), s.zoom > 0 ? number(s.zoom) : ""},
                delimiter);
        }
    return out;
}

std::vector<std::pair<std::string, std::string>> csvSet(const Map& map, char delimiter) {
    return {{"actors.csv", actorsCsv(map, delimiter)},
            {"relations.csv", relationsCsv(map, delimiter)},
            {"territories.csv", territoriesCsv(map, delimiter)},
            {"glossary.csv", glossaryCsv(map, delimiter)},
            {"tours.csv", toursCsv(map, delimiter)}};
}

}  // namespace qfq::io
