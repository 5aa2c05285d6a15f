// io/write.cpp — a resolved Map back to a standalone `qfq-map/1` document.
//
// Contents
//   1. Texts, sources, categories
//   2. toJson
//
// The output has no `extends`, `override` or `remove`: it is what the app shows, in one file
// (`qfq resolve`). Texts are written as {fr, en} objects, so the result reads the same whatever
// its `language`; defaults (solid dash, directed, sure) are left out.

#include <cstdio>

#include "io/load.h"

namespace qfq::io {

using nlohmann::json;

namespace {

// ---------------------------------------------------------------------------
// 1. Texts, sources, categories
// ---------------------------------------------------------------------------

json text(const Text& t) {
    json o = json::object();
    if (!t.fr.empty()) o["fr"] = t.fr;
    if (!t.en.empty()) o["en"] = t.en;
    return o;
}

// Optional text fields are left out when empty.
void putText(json& o, const char* key, const Text& t) {
    if (!t.empty()) o[key] = text(t);
}

json sources(const std::vector<Source>& list) {
    json a = json::array();
    for (const Source& s : list) {
        json o = {{"url", s.url}, {"verified", s.verified}};
        if (!s.title.empty()) o["title"] = s.title;
        a.push_back(std::move(o));
    }
    return a;
}

std::string colour(uint32_t rgb) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%06x", unsigned(rgb & 0xFFFFFF));
    return buffer;
}

json categories(const std::vector<Category>& list, bool relationKinds) {
    json a = json::array();
    for (const Category& c : list) {
        json o = {{"id", c.id}, {"label", text(c.label)}, {"colour", colour(c.colour)}};
        if (relationKinds) {
            if (c.dash != Dash::Solid) o["dash"] = c.dash == Dash::Dashed ? "dashed" : "dotted";
            putText(o, "verb", c.verb);
        }
        a.push_back(std::move(o));
    }
    return a;
}

json formerNames(const std::vector<FormerName>& list) {
    json names = json::array();
    for (const FormerName& f : list) {
        json n = {{"name", f.name}};
        putText(n, "expansion", f.expansion);
        if (!f.until.empty()) n["until"] = f.until;
        names.push_back(std::move(n));
    }
    return names;
}

json actorIds(const Map& map, const std::vector<uint32_t>& indices) {
    json a = json::array();
    for (uint32_t i : indices)
        if (i < map.actors.size()) a.push_back(map.actors[i].id);
    return a;
}

template <class T>
const std::string& idAt(const std::vector<T>& list, int index) {
    static const std::string none;
    return index >= 0 && size_t(index) < list.size() ? list[size_t(index)].id : none;
}

}  // namespace

// ---------------------------------------------------------------------------
// 2. toJson
// ---------------------------------------------------------------------------

json toJson(const Map& map) {
    json doc = json::object();
    doc["schema"] = map.schema.empty() ? "qfq-map/1" : map.schema;
    doc["id"] = map.id;
    doc["title"] = text(map.title);
    doc["language"] = map.language;
    doc["licence"] = map.licence;
    json maintainers = json::array();
    for (const Maintainer& m : map.maintainers) {
        json o = {{"name", m.name}};
        if (!m.url.empty()) o["url"] = m.url;
        if (!m.email.empty()) o["email"] = m.email;
        maintainers.push_back(std::move(o));
    }
    doc["maintainers"] = std::move(maintainers);
    doc["updated"] = map.updated;
    putText(doc, "description", map.description);

    doc["levels"] = categories(map.levels, false);
    doc["actorKinds"] = categories(map.actorKinds, false);
    doc["relationKinds"] = categories(map.relationKinds, true);
    if (!map.topics.empty()) {
        json a = json::array();
        for (const Topic& t : map.topics) {
            json o = {{"id", t.id}, {"label", text(t.label)}};
            putText(o, "description", t.description);
            a.push_back(std::move(o));
        }
        doc["topics"] = std::move(a);
    }
    if (!map.variants.empty()) {
        json a = json::array();
        for (const Variant& v : map.variants) {
            json o = {{"id", v.id}, {"label", text(v.label)}};
            putText(o, "group", v.group);
            a.push_back(std::move(o));
        }
        doc["variants"] = std::move(a);
    }
    if (!map.territories.empty()) {
        json a = json::array();
        for (const Territory& t : map.territories) {
            json o = {{"id", t.id}, {"name", text(t.name)}, {"level", idAt(map.levels, t.level)}};
            if (t.parent >= 0) o["parent"] = idAt(map.territories, t.parent);
            if (!t.offices.empty()) {
                json offices = json::object();
                for (const Office& f : t.offices) {
                    if (f.actor >= map.actors.size()) continue;
                    json w = {{"name", text(f.name)}};
                    putText(w, "description", f.description);
                    if (!f.url.empty()) w["url"] = f.url;
                    if (!f.sources.empty()) w["sources"] = sources(f.sources);
                    if (f.confidence == Confidence::Unsure) w["confidence"] = "unsure";
                    offices[map.actors[f.actor].id] = std::move(w);
                }
                o["offices"] = std::move(offices);
            }
            a.push_back(std::move(o));
        }
        doc["territories"] = std::move(a);
    }

    json actors = json::array();
    for (const Actor& a : map.actors) {
        json o = {{"id", a.id}};
        if (!a.acronym.empty()) o["acronym"] = a.acronym;
        o["name"] = text(a.name);
        if (!a.aliases.empty()) o["aliases"] = a.aliases;
        if (!a.formerNames.empty()) o["formerNames"] = formerNames(a.formerNames);
        o["level"] = idAt(map.levels, a.level);
        o["kind"] = idAt(map.actorKinds, a.kind);
        if (a.territory >= 0) o["territory"] = idAt(map.territories, a.territory);
        putText(o, "description", a.description);
        if (!a.missions.empty()) {
            json missions = json::array();
            for (const Text& m : a.missions) missions.push_back(text(m));
            o["missions"] = std::move(missions);
        }
        if (!a.topics.empty()) o["topics"] = a.topics;
        if (!a.url.empty()) o["url"] = a.url;
        o["sources"] = sources(a.sources);
        if (a.confidence == Confidence::Unsure) o["confidence"] = "unsure";
        if (a.pinned) o["position"] = {{"x", a.x}, {"y", a.y}};
        if (!a.variants.empty()) {
            json variants = json::object();
            for (const VariantText& v : a.variants) {
                json w = json::object();
                if (!v.acronym.empty()) w["acronym"] = v.acronym;
                putText(w, "name", v.name);
                if (!v.aliases.empty()) w["aliases"] = v.aliases;
                if (!v.formerNames.empty()) w["formerNames"] = formerNames(v.formerNames);
                putText(w, "description", v.description);
                if (!v.missions.empty()) {
                    json missions = json::array();
                    for (const Text& m : v.missions) missions.push_back(text(m));
                    w["missions"] = std::move(missions);
                }
                if (!v.topics.empty()) w["topics"] = v.topics;
                if (!v.url.empty()) w["url"] = v.url;
                if (!v.sources.empty()) w["sources"] = sources(v.sources);
                if (v.confidence) w["confidence"] = *v.confidence == Confidence::Unsure ? "unsure" : "sure";
                variants[v.variant] = std::move(w);
            }
            o["variants"] = std::move(variants);
        }
        actors.push_back(std::move(o));
    }
    doc["actors"] = std::move(actors);

    json relations = json::array();
    for (const Relation& r : map.relations) {
        json o = {{"id", r.id}};
        o["from"] = r.from < map.actors.size() ? map.actors[r.from].id : "";
        o["to"] = r.to < map.actors.size() ? map.actors[r.to].id : "";
        o["kind"] = idAt(map.relationKinds, r.kind);
        if (!r.directed) o["directed"] = false;
        putText(o, "description", r.description);
        if (!r.sources.empty()) o["sources"] = sources(r.sources);
        if (r.confidence == Confidence::Unsure) o["confidence"] = "unsure";
        relations.push_back(std::move(o));
    }
    if (!relations.empty()) doc["relations"] = std::move(relations);

    if (!map.glossary.empty()) {
        json a = json::array();
        for (const GlossaryEntry& g : map.glossary) {
            json o = {{"term", g.term}, {"expansion", text(g.expansion)}, {"definition", text(g.definition)}};
            if (!g.sources.empty()) o["sources"] = sources(g.sources);
            if (!g.see.empty()) o["see"] = actorIds(map, g.see);
            a.push_back(std::move(o));
        }
        doc["glossary"] = std::move(a);
    }
    if (!map.tours.empty()) {
        json a = json::array();
        for (const Tour& t : map.tours) {
            json steps = json::array();
            for (const TourStep& s : t.steps) {
                json o = {
                    {"title", text(s.title)}, {"text", text(s.text)}, {"focus", actorIds(map, s.focus)}};
                if (s.path.size() == 2) o["path"] = actorIds(map, s.path);
                if (s.zoom > 0) o["zoom"] = s.zoom;
                steps.push_back(std::move(o));
            }
            a.push_back({{"id", t.id}, {"title", text(t.title)}, {"steps", std::move(steps)}});
        }
        doc["tours"] = std::move(a);
    }
    return doc;
}

}  // namespace qfq::io
