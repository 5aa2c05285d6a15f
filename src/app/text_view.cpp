// app/text_view.cpp — the map as data for the page's accessible text view (web/textview.js).
//
// Contents
//   1. Helpers (sources, relations as the card shows them)
//   2. textViewJson: levels, actors with their card contents, glossary, contact vocabulary
//   3. contactJson: the "whom do I contact?" answer for the text view's form
//
// The page builds real DOM from this (textContent only): a screen reader gets the same
// map, in the current language and variant, as the canvas shows. The wording of each
// field follows the card (ui/panels.cpp) so both views say the same thing.

#include "app/text_view.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "query/query.h"
#include "query/search.h"
#include "ui/explorer.h"
#include "ui/panels.h"

namespace qfq::app {

namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------
// 1. Helpers
// ---------------------------------------------------------------------------

json sourcesJson(const std::vector<Source>& sources) {
    json out = json::array();
    for (const Source& s : sources)
        out.push_back({{"url", s.url}, {"title", s.title}, {"verified", s.verified}});
    return out;
}

// The actor's relations grouped by kind, in the order of the map's relation kinds, each
// with its direction as seen from this actor.
json relationsJson(const ui::Explorer& ex, uint32_t a) {
    const Lang L = ex.lang;
    std::map<int, std::vector<uint32_t>> byKind;
    for (uint32_t r : ex.incident[a]) byKind[ex.map.relations[r].kind].push_back(r);
    json groups = json::array();
    for (const auto& [k, rels] : byKind) {
        json items = json::array();
        for (uint32_t r : rels) {
            const Relation& rel = ex.map.relations[r];
            const bool outgoing = rel.from == a;
            const Actor& other = ex.map.actors[outgoing ? rel.to : rel.from];
            std::string name = other.label(L);
            if (!other.acronym.empty()) name += " — " + ui::actorName(ex, other).get(L);
            items.push_back({{"dir", !rel.directed ? "both"
                                     : outgoing    ? "out"
                                                   : "in"},
                             {"other", other.id},
                             {"otherLabel", name},
                             {"description", rel.description.get(L)},
                             {"unsure", rel.confidence == Confidence::Unsure}});
        }
        groups.push_back({{"kind", ex.map.relationKinds[size_t(k)].label.get(L)}, {"items", items}});
    }
    return groups;
}

}  // namespace

// ---------------------------------------------------------------------------
// 2. textViewJson
// ---------------------------------------------------------------------------

std::string textViewJson(const ui::Explorer& ex, size_t maxActors) {
    const Lang L = ex.lang;
    json j;
    j["lang"] = L == Lang::Fr ? "fr" : "en";
    j["hasMap"] = ex.hasMap;
    j["mapRef"] = ex.mapRef;
    j["title"] = ex.map.title.get(L);
    j["description"] = ex.map.description.get(L);
    j["variant"] = ex.variant >= 0 ? json{{"id", ex.map.variants[size_t(ex.variant)].id},
                                          {"label", ex.map.variants[size_t(ex.variant)].label.get(L)}}
                                   : json(nullptr);
    j["selected"] = ex.selected >= 0 ? ex.map.actors[size_t(ex.selected)].id : "";
    json variants = json::array();
    for (const Variant& v : ex.map.variants) variants.push_back({{"id", v.id}, {"label", v.label.get(L)}});
    j["variants"] = variants;
    json maps = json::array();
    for (const ui::CatalogueEntry& c : ex.catalogue)
        maps.push_back({{"id", c.id}, {"title", c.title.get(L).empty() ? c.id : c.title.get(L)}});
    j["maps"] = maps;

    // Actors, level by level (the map's own order of levels), in the order of the file.
    const size_t n = std::min(ex.map.actors.size(), maxActors);
    j["actorCount"] = ex.map.actors.size();
    j["truncated"] = n < ex.map.actors.size();
    json levels = json::array();
    for (size_t lv = 0; lv < ex.map.levels.size(); ++lv) {
        json actors = json::array();
        for (size_t a = 0; a < n; ++a) {
            const Actor& actor = ex.map.actors[a];
            if (size_t(actor.level) != lv) continue;
            json o;
            o["id"] = actor.id;
            o["acronym"] = actor.acronym;
            o["name"] = ui::actorName(ex, actor).get(L);
            o["kind"] = ex.map.actorKinds[size_t(actor.kind)].label.get(L);
            o["territory"] =
                actor.territory >= 0 ? ex.map.territories[size_t(actor.territory)].name.get(L) : "";
            o["unsure"] = actor.confidence == Confidence::Unsure;
            o["description"] = ui::actorDescription(ex, actor).get(L);
            json missions = json::array();
            for (const Text& m : actor.missions) missions.push_back(m.get(L));
            o["missions"] = missions;
            o["aliases"] = actor.aliases;
            json former = json::array();
            for (const FormerName& f : actor.formerNames) {
                std::string s = f.name;
                if (!f.expansion.empty()) s += " (" + f.expansion.get(L) + ")";
                if (!f.until.empty()) s += ", → " + f.until;
                former.push_back(s);
            }
            o["formerNames"] = former;
            o["url"] = actor.url;
            o["sources"] = sourcesJson(actor.sources);
            o["relations"] = relationsJson(ex, uint32_t(a));
            // Shown by the map's filters (level, kind, sure only), as the filters panel decides.
            o["shown"] = ex.levelOn[size_t(actor.level)] && ex.kindOn[size_t(actor.kind)] &&
                         !(ex.sureOnly && actor.confidence == Confidence::Unsure);
            actors.push_back(std::move(o));
        }
        if (actors.empty()) continue;
        levels.push_back(
            {{"id", ex.map.levels[lv].id}, {"label", ex.map.levels[lv].label.get(L)}, {"actors", actors}});
    }
    j["levels"] = levels;

    // The map's filters, for the text view's own checkboxes.
    json filters = json::array();
    const struct {
        const char* key;
        const std::vector<Category>* list;
        const std::vector<uint8_t>* on;
    } groups[] = {{"level", &ex.map.levels, &ex.levelOn},
                  {"kind", &ex.map.actorKinds, &ex.kindOn},
                  {"relation", &ex.map.relationKinds, &ex.relationKindOn}};
    for (const auto& g : groups) {
        json items = json::array();
        for (size_t i = 0; i < g.list->size() && i < g.on->size(); ++i)
            items.push_back(
                {{"id", (*g.list)[i].id}, {"label", (*g.list)[i].label.get(L)}, {"on", (*g.on)[i] != 0}});
        filters.push_back({{"group", g.key}, {"items", items}});
    }
    j["filters"] = filters;
    j["sureOnly"] = ex.sureOnly;

    // Glossary: every acronym of the map (actors with one, and glossary entries), A–Z, as
    // the glossary panel lists them.
    json glossary = json::array();
    struct Row {
        std::string key, term, expansion, definition, actor;
    };
    std::vector<Row> rows;
    for (size_t a = 0; a < n; ++a) {
        const Actor& actor = ex.map.actors[a];
        if (actor.acronym.empty()) continue;
        rows.push_back({query::fold(actor.acronym), actor.acronym, ui::actorName(ex, actor).get(L),
                        ui::actorDescription(ex, actor).get(L), actor.id});
    }
    for (const GlossaryEntry& g : ex.map.glossary)
        rows.push_back({query::fold(g.term), g.term, g.expansion.get(L), g.definition.get(L),
                        g.see.empty() || g.see[0] >= n ? "" : ex.map.actors[g.see[0]].id});
    std::stable_sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) { return x.key < y.key; });
    for (const Row& r : rows)
        glossary.push_back(
            {{"term", r.term}, {"expansion", r.expansion}, {"definition", r.definition}, {"actor", r.actor}});
    j["glossary"] = glossary;

    // The contact form's choices: topics the actors use (with the map's label when it has
    // one) and territories.
    json topics = json::array();
    for (const std::string& t : ex.topics) {
        std::string label = t;
        for (const Topic& topic : ex.map.topics)
            if (topic.id == t && !topic.label.get(L).empty()) label = topic.label.get(L);
        topics.push_back({{"id", t}, {"label", label}});
    }
    j["topics"] = topics;
    json territories = json::array();
    for (const Territory& t : ex.map.territories)
        territories.push_back({{"id", t.id}, {"name", t.name.get(L)}});
    j["territories"] = territories;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// ---------------------------------------------------------------------------
// 3. contactJson
// ---------------------------------------------------------------------------

std::string contactJson(const ui::Explorer& ex, const std::string& topic, const std::string& territory) {
    json j;
    query::ContactResult r = query::contact(ex.map, topic, territory, ex.lang);
    j["ok"] = r.ok;
    j["error"] = r.error;
    json hits = json::array();
    for (size_t i = 0; i < r.hits.size() && i < 12; ++i) {
        const query::ContactHit& h = r.hits[i];
        const Actor& actor = ex.map.actors[h.actor];
        std::string name = actor.label(ex.lang);
        if (!actor.acronym.empty()) name += " — " + ui::actorName(ex, actor).get(ex.lang);
        hits.push_back({{"id", actor.id}, {"label", name}, {"explanation", h.explanation}});
    }
    j["hits"] = hits;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace qfq::app
