// ui/editor_session.cpp — edit commands on the overlay document (see editor_session.h).
//
// Contents
//   1. Small helpers (lists, ids, texts, resolving)
//   2. Starting a session
//   3. Committing a change: resolve, refuse with the loader's messages, or keep and stack
//   4. The commands: actors, relations, territories, glossary, tours, metadata
//   5. Undo, redo, the changes view
//
// Commands ({"cmd": …}): edit.addActor {id, name, level, kind, acronym?, territory?,
// description?, url?, topics?, source: {url, verified} | sources, confidence?, x?, y?};
// edit.updateActor {id, set: {field: value | null}} (an inherited actor gets an `override`);
// edit.removeActor {id} (an inherited one goes to `remove`); edit.moveActor {id, x, y};
// edit.addRelation {from, to, kind, directed?, description?, id?, sources?};
// edit.updateRelation {id, set}; edit.removeRelation {id}; edit.addTerritory {id, name, level,
// parent?}; edit.updateTerritory {id, set}; edit.removeTerritory {id}; edit.addGlossary {term,
// expansion, definition, see?, sources?}; edit.updateGlossary {term, set};
// edit.removeGlossary {term}; edit.addTourStep {tour, tourTitle?, title, text, focus?, path?,
// zoom?}; edit.updateTourStep {tour, step, set}; edit.removeTourStep {tour, step};
// edit.setMeta {id?, title?, description?, licence?, maintainer?}; edit.undo; edit.redo.

#include "ui/editor_session.h"

#include <algorithm>
#include <ctime>

namespace qfq::ui {

using nlohmann::json;

namespace {

// ---------------------------------------------------------------------------
// 1. Helpers
// ---------------------------------------------------------------------------

json plain(const OrderedJson& v) {
    return json::parse(v.dump());
}
OrderedJson ordered(const json& v) {
    return OrderedJson::parse(v.dump());
}

json fail(const std::string& fr, const std::string& en) {
    return {{"ok", false}, {"error", {{"fr", fr}, {"en", en}}}, {"problems", json::array()}};
}

std::string str(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

const char* keyOf(const std::string& list) {
    return list == "glossary" ? "term" : "id";
}

// The key an item of `list` is known by (relations: their id, else FROM--KIND--TO).
std::string itemKey(const std::string& list, const OrderedJson& item) {
    if (!item.is_object()) return "";
    if (list == "relations" && !item.contains("id"))
        return item.value("from", "") + "--" + item.value("kind", "") + "--" + item.value("to", "");
    return item.value(keyOf(list), "");
}

// Index of the document's own item `key` in `list`, or -1.
long ownIndex(const OrderedJson& doc, const std::string& list, const std::string& key) {
    if (!doc.contains(list) || !doc[list].is_array()) return -1;
    for (size_t i = 0; i < doc[list].size(); ++i)
        if (itemKey(list, doc[list][i]) == key) return long(i);
    return -1;
}

OrderedJson& arrayAt(OrderedJson& doc, const std::string& key) {
    if (!doc.contains(key) || !doc[key].is_array()) doc[key] = OrderedJson::array();
    return doc[key];
}

// Whether the base (what the document extends) has `key` in `list`.
bool inBase(const EditSession& s, const std::string& list, const std::string& key) {
    if (!s.result.ok) return false;
    const Map& m = s.result.map;
    if (list == "actors") return m.findActor(key) >= 0 && ownIndex(s.doc, list, key) < 0;
    auto has = [&](const auto& items, auto keyOfItem) {
        return std::any_of(items.begin(), items.end(), [&](const auto& x) { return keyOfItem(x) == key; });
    };
    bool found = false;
    if (list == "relations") found = has(m.relations, [](const Relation& r) { return r.id; });
    if (list == "territories") found = has(m.territories, [](const Territory& t) { return t.id; });
    if (list == "glossary") found = has(m.glossary, [](const GlossaryEntry& g) { return g.term; });
    if (list == "tours") found = has(m.tours, [](const Tour& t) { return t.id; });
    return found && ownIndex(s.doc, list, key) < 0;
}

// A text from a command: a string (in the map's language) or {fr, en}; null if empty.
OrderedJson textValue(const json& v, const std::string& language) {
    if (v.is_string()) {
        if (v.get<std::string>().empty()) return nullptr;
        return OrderedJson{{language, v.get<std::string>()}};
    }
    if (v.is_object()) {
        OrderedJson t = OrderedJson::object();
        for (const char* l : {"fr", "en"})
            if (v.contains(l) && v[l].is_string() && !v[l].get<std::string>().empty()) t[l] = v[l];
        return t.empty() ? OrderedJson(nullptr) : t;
    }
    return nullptr;
}

std::string language(const OrderedJson& doc) {
    return doc.value("language", "fr") == "en" ? "en" : "fr";
}

// Copies `from[key]` into `to[key]` when given: texts normalised, other values as they are.
void copyField(OrderedJson& to, const json& from, const char* key, bool text, const std::string& lang) {
    if (!from.contains(key) || from[key].is_null()) return;
    if (text) {
        OrderedJson t = textValue(from[key], lang);
        if (!t.is_null()) to[key] = t;
    } else if (!(from[key].is_string() && from[key].get<std::string>().empty())) {
        to[key] = ordered(from[key]);
    }
}

// Sources from {source: {url, verified?}} or {sources: [...]}; `verified` defaults to today.
void copySources(OrderedJson& to, const json& from) {
    if (from.contains("sources") && from["sources"].is_array()) {
        to["sources"] = ordered(from["sources"]);
    } else if (from.contains("source") && from["source"].is_object()) {
        const json& src = from["source"];
        if (str(src, "url").empty()) return;
        OrderedJson one = {{"url", str(src, "url")},
                           {"verified", str(src, "verified").empty() ? todayUtc() : str(src, "verified")}};
        if (!str(src, "title").empty()) one["title"] = str(src, "title");
        to["sources"] = OrderedJson::array({one});
    }
}

const std::vector<std::string> kTextFields = {"name",       "description", "expansion",
                                              "definition", "title",       "text"};
bool isTextField(const std::string& f) {
    return std::find(kTextFields.begin(), kTextFields.end(), f) != kTextFields.end();
}

// {field: value | null} applied to `item`: null removes the field, texts are normalised.
void setFields(OrderedJson& item, const json& set, const std::string& lang) {
    for (auto it = set.begin(); it != set.end(); ++it) {
        if (it.value().is_null()) {
            item.erase(it.key());
        } else if (isTextField(it.key())) {
            OrderedJson t = textValue(it.value(), lang);
            if (t.is_null())
                item.erase(it.key());
            else if (item.contains(it.key()) && item[it.key()].is_object())
                for (auto k = t.begin(); k != t.end(); ++k)
                    item[it.key()][k.key()] = k.value();  // one language
            else
                item[it.key()] = t;
        } else {
            item[it.key()] = ordered(it.value());
        }
    }
}

}  // namespace

std::string todayUtc() {
    std::time_t now = std::time(nullptr);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", std::gmtime(&now));
    return buffer;
}

io::LoadResult resolve(const EditSession& s, const OrderedJson& doc) {
    io::Fetch fetch = [&s](const std::string& ref, const std::string&, io::Document& out) {
        auto it = s.bases.find(ref);
        if (it == s.bases.end()) return false;
        out = it->second;
        return true;
    };
    return io::loadMap({s.name, doc.dump(2)}, fetch);
}

// ---------------------------------------------------------------------------
// 2. Starting
// ---------------------------------------------------------------------------

OrderedJson newOverlay(const std::string& extends, const std::string& id, const std::string& title,
                       const std::string& updated) {
    OrderedJson doc = OrderedJson::object();
    doc["schema"] = "qfq-map/1";
    doc["id"] = id;
    doc["title"] = title;
    doc["language"] = "fr";
    doc["licence"] = "CC-BY-4.0";
    doc["maintainers"] = OrderedJson::array({{{"name", "Non renseigné"}}});
    doc["updated"] = updated;
    doc["extends"] = extends;
    doc["actors"] = OrderedJson::array();
    return doc;
}

namespace {

std::vector<EditProblem> toEditProblems(const std::vector<io::Problem>& problems, const std::string& file) {
    std::vector<EditProblem> out;
    for (const io::Problem& p : problems) {
        if (!file.empty() && p.file != file && p.warning) continue;
        std::string field = p.pointer.substr(p.pointer.rfind('/') + 1);
        // "/actors/3" → the item itself; "/actors/3/sources/0/url" → "url"; numbers name no field.
        if (!field.empty() &&
            std::all_of(field.begin(), field.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            std::string up = p.pointer.substr(0, p.pointer.rfind('/'));
            field = up.substr(up.rfind('/') + 1);
        }
        // "missing required field \"name\"" is reported on the item: it is about `name`.
        const std::string missing = "missing required field \"";
        if (p.message.en.rfind(missing, 0) == 0) {
            std::string rest = p.message.en.substr(missing.size());
            field = rest.substr(0, rest.find('"'));
        }
        out.push_back({p.pointer, field, p.message, p.warning});
    }
    return out;
}

}  // namespace

bool openDocument(EditSession& s, const std::string& text, const std::string& name) {
    OrderedJson doc = OrderedJson::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        s.problems = {
            {"", "",
             Text{"le fichier n'est pas un document JSON de carte", "the file is not a JSON map document"},
             false}};
        return false;
    }
    s.active = true;
    s.name = name.empty() ? "carte.json" : name;
    s.originalText = text;
    s.original = doc;
    s.doc = std::move(doc);
    s.undo.clear();
    s.redo.clear();
    s.result = resolve(s, s.doc);
    s.problems = toEditProblems(s.result.problems, s.name);
    ++s.revision;
    return true;
}

void openNew(EditSession& s, const std::string& extends, const std::string& updated) {
    s.active = true;
    s.name = "mon-territoire.json";
    s.originalText.clear();
    s.original = OrderedJson();
    s.doc = newOverlay(extends, "mon-territoire", "Mon territoire", updated);
    s.undo.clear();
    s.redo.clear();
    s.result = resolve(s, s.doc);
    s.problems = toEditProblems(s.result.problems, s.name);
    ++s.revision;
}

// ---------------------------------------------------------------------------
// 3. Committing a change
// ---------------------------------------------------------------------------

namespace {

// Keeps `candidate` if it resolves without error; else refuses it with the loader's problems.
json commit(EditSession& s, OrderedJson candidate) {
    candidate["updated"] = todayUtc();
    io::LoadResult r = resolve(s, candidate);
    if (!r.ok) {
        json answer = fail("modification refusée : la carte ne serait plus valide",
                           "change refused: the map would no longer be valid");
        s.problems = toEditProblems(r.problems, s.name);
        for (const EditProblem& p : s.problems) {
            if (p.warning) continue;
            answer["problems"].push_back({{"pointer", p.pointer},
                                          {"field", p.field},
                                          {"message", {{"fr", p.message.fr}, {"en", p.message.en}}}});
        }
        return answer;
    }
    s.undo.push_back(std::move(s.doc));
    if (s.undo.size() > 200) s.undo.erase(s.undo.begin());  // enough for an afternoon
    s.redo.clear();
    s.doc = std::move(candidate);
    s.result = std::move(r);
    s.problems = toEditProblems(s.result.problems, s.name);  // warnings only
    ++s.revision;
    return {{"ok", true}, {"revision", s.revision}};
}

// Drops `id` from the document's own relations, glossary `see` lists and tour steps.
void dropActorReferences(OrderedJson& doc, const std::string& id) {
    if (doc.contains("relations") && doc["relations"].is_array()) {
        OrderedJson kept = OrderedJson::array();
        for (const OrderedJson& r : doc["relations"])
            if (r.value("from", "") != id && r.value("to", "") != id) kept.push_back(r);
        doc["relations"] = kept;
        if (kept.empty()) doc.erase("relations");
    }
    auto dropFrom = [&](OrderedJson& list) {
        if (!list.is_array()) return;
        OrderedJson kept = OrderedJson::array();
        for (const OrderedJson& x : list)
            if (!(x.is_string() && x.get<std::string>() == id)) kept.push_back(x);
        list = kept;
    };
    if (doc.contains("glossary"))
        for (OrderedJson& g : doc["glossary"])
            if (g.contains("see")) {
                dropFrom(g["see"]);
                if (g["see"].empty()) g.erase("see");
            }
    if (doc.contains("tours"))
        for (OrderedJson& t : doc["tours"])
            for (OrderedJson& step : t["steps"]) {
                if (step.contains("focus")) dropFrom(step["focus"]);
                if (step.contains("path") && step["path"].is_array() &&
                    std::any_of(step["path"].begin(), step["path"].end(), [&](const OrderedJson& x) {
                        return x.is_string() && x.get<std::string>() == id;
                    }))
                    step.erase("path");
            }
    if (doc.contains("override") && doc["override"].contains("actors")) doc["override"]["actors"].erase(id);
}

// A change to an inherited item: `override` in the document.
void overrideFields(OrderedJson& doc, const std::string& list, const std::string& key, const json& set,
                    const std::string& lang) {
    OrderedJson& entry = doc["override"][list][key];
    if (!entry.is_object()) entry = OrderedJson::object();
    for (auto it = set.begin(); it != set.end(); ++it) {
        if (it.value().is_null())
            entry.erase(it.key());
        else if (isTextField(it.key())) {
            OrderedJson t = textValue(it.value(), lang);
            if (!t.is_null()) entry[it.key()] = t;
        } else
            entry[it.key()] = ordered(it.value());
    }
    if (entry.empty()) doc["override"][list].erase(key);
    if (doc["override"][list].empty()) doc["override"].erase(list);
    if (doc["override"].empty()) doc.erase("override");
}

void addToRemove(OrderedJson& doc, const std::string& list, const std::string& key) {
    OrderedJson& ids = doc["remove"][list];
    if (!ids.is_array()) ids = OrderedJson::array();
    if (std::find(ids.begin(), ids.end(), OrderedJson(key)) == ids.end()) ids.push_back(key);
}

// ---------------------------------------------------------------------------
// 4. The commands
// ---------------------------------------------------------------------------

json missing(const char* what) {
    return fail(std::string("« ") + what + " » manquant", std::string("\"") + what + "\" is missing");
}

// edit.update* / edit.remove* on the item `key` of `list`, own or inherited.
json updateItem(EditSession& s, const std::string& list, const std::string& key, const json& set) {
    OrderedJson c = s.doc;
    long i = ownIndex(c, list, key);
    if (i >= 0)
        setFields(c[list][size_t(i)], set, language(c));
    else if (inBase(s, list, key) && list != "tours")
        overrideFields(c, list, key, set, language(c));
    else
        return fail("« " + key + " » introuvable dans la carte", "\"" + key + "\" not found in the map");
    return commit(s, std::move(c));
}

json removeItem(EditSession& s, const std::string& list, const std::string& key) {
    OrderedJson c = s.doc;
    long i = ownIndex(c, list, key);
    if (i >= 0) {
        c[list].erase(size_t(i));
        if (c[list].empty() && list != "actors") c.erase(list);
        if (list == "actors") dropActorReferences(c, key);
    } else if (inBase(s, list, key) && (list == "actors" || list == "relations" || list == "glossary")) {
        addToRemove(c, list, key);
        if (list == "actors") dropActorReferences(c, key);
        if (c.contains("override") && c["override"].contains(list)) {
            c["override"][list].erase(key);
            if (c["override"][list].empty()) c["override"].erase(list);
            if (c["override"].empty()) c.erase("override");
        }
    } else if (inBase(s, list, key)) {
        return fail("« " + key +
                        " » vient de la carte de base et ne peut pas en être retiré (seuls les acteurs, "
                        "relations et termes le peuvent)",
                    "\"" + key +
                        "\" comes from the base map and cannot be removed (only actors, relations and "
                        "terms can)");
    } else {
        return fail("« " + key + " » introuvable dans la carte", "\"" + key + "\" not found in the map");
    }
    return commit(s, std::move(c));
}

json addActor(EditSession& s, const json& j) {
    const json& a = j.contains("actor") && j["actor"].is_object() ? j["actor"] : j;
    std::string id = str(a, "id");
    if (id.empty()) return missing("id");
    if (inBase(s, "actors", id))
        return fail("l'acteur « " + id + " » existe dans la carte de base : le modifier (edit.updateActor)",
                    "actor \"" + id + "\" exists in the base map: change it (edit.updateActor)");
    OrderedJson c = s.doc;
    const std::string lang = language(c);
    OrderedJson actor = OrderedJson::object();
    actor["id"] = id;
    copyField(actor, a, "acronym", false, lang);
    copyField(actor, a, "name", true, lang);
    copyField(actor, a, "level", false, lang);
    copyField(actor, a, "kind", false, lang);
    copyField(actor, a, "territory", false, lang);
    copyField(actor, a, "description", true, lang);
    copyField(actor, a, "url", false, lang);
    copyField(actor, a, "topics", false, lang);
    copySources(actor, a);
    copyField(actor, a, "confidence", false, lang);
    if (a.contains("x") && a.contains("y") && a["x"].is_number() && a["y"].is_number())
        actor["position"] = {{"x", a["x"]}, {"y", a["y"]}};
    arrayAt(c, "actors").push_back(actor);  // a duplicate own id is the loader's to report
    return commit(s, std::move(c));
}

json addRelation(EditSession& s, const json& j) {
    OrderedJson c = s.doc;
    const std::string lang = language(c);
    OrderedJson r = OrderedJson::object();
    copyField(r, j, "id", false, lang);
    for (const char* key : {"from", "to", "kind"}) {
        if (str(j, key).empty()) return missing(key);
        r[key] = str(j, key);
    }
    if (j.contains("directed") && j["directed"].is_boolean() && !j["directed"].get<bool>())
        r["directed"] = false;
    copyField(r, j, "description", true, lang);
    copySources(r, j);
    copyField(r, j, "confidence", false, lang);
    arrayAt(c, "relations").push_back(r);
    return commit(s, std::move(c));
}

json addTerritory(EditSession& s, const json& j) {
    std::string id = str(j, "id");
    if (id.empty()) return missing("id");
    OrderedJson c = s.doc;
    OrderedJson t = {{"id", id}};
    copyField(t, j, "name", true, language(c));
    copyField(t, j, "level", false, "");
    copyField(t, j, "parent", false, "");
    arrayAt(c, "territories").push_back(t);
    return commit(s, std::move(c));
}

json addGlossary(EditSession& s, const json& j) {
    std::string term = str(j, "term");
    if (term.empty()) return missing("term");
    OrderedJson c = s.doc;
    const std::string lang = language(c);
    OrderedJson g = {{"term", term}};
    copyField(g, j, "expansion", true, lang);
    copyField(g, j, "definition", true, lang);
    copyField(g, j, "see", false, lang);
    copySources(g, j);
    arrayAt(c, "glossary").push_back(g);
    return commit(s, std::move(c));
}

json addTourStep(EditSession& s, const json& j) {
    std::string id = str(j, "tour");
    if (id.empty()) return missing("tour");
    if (inBase(s, "tours", id))
        return fail("la visite « " + id + " » vient de la carte de base : en créer une autre",
                    "tour \"" + id + "\" comes from the base map: create another one");
    OrderedJson c = s.doc;
    const std::string lang = language(c);
    long t = ownIndex(c, "tours", id);
    if (t < 0) {
        OrderedJson tour = {{"id", id}};
        OrderedJson title = textValue(j.contains("tourTitle") ? j["tourTitle"] : json(id), lang);
        tour["title"] = title.is_null() ? OrderedJson{{lang, id}} : title;
        tour["steps"] = OrderedJson::array();
        arrayAt(c, "tours").push_back(tour);
        t = long(c["tours"].size()) - 1;
    }
    OrderedJson step = OrderedJson::object();
    copyField(step, j, "title", true, lang);
    copyField(step, j, "text", true, lang);
    step["focus"] = j.contains("focus") && j["focus"].is_array() ? ordered(j["focus"]) : OrderedJson::array();
    copyField(step, j, "path", false, lang);
    copyField(step, j, "zoom", false, lang);
    c["tours"][size_t(t)]["steps"].push_back(step);
    return commit(s, std::move(c));
}

json tourStep(EditSession& s, const json& j, bool remove) {
    std::string id = str(j, "tour");
    OrderedJson c = s.doc;
    long t = ownIndex(c, "tours", id);
    size_t k = j.value("step", size_t(0));
    if (t < 0 || k >= c["tours"][size_t(t)]["steps"].size())
        return fail("étape introuvable", "step not found");
    OrderedJson& steps = c["tours"][size_t(t)]["steps"];
    if (remove) {
        steps.erase(k);
        if (steps.empty()) {
            c["tours"].erase(size_t(t));
            if (c["tours"].empty()) c.erase("tours");
        }
    } else {
        setFields(steps[k], j.value("set", json::object()), language(c));
    }
    return commit(s, std::move(c));
}

json setMeta(EditSession& s, const json& j) {
    OrderedJson c = s.doc;
    const std::string lang = language(c);
    copyField(c, j, "id", false, lang);
    copyField(c, j, "title", true, lang);
    copyField(c, j, "description", true, lang);
    copyField(c, j, "licence", false, lang);
    if (!str(j, "maintainer").empty())
        c["maintainers"] = OrderedJson::array({{{"name", str(j, "maintainer")}}});
    if (!str(j, "id").empty()) s.name = str(j, "id") + ".json";
    return commit(s, std::move(c));
}

}  // namespace

bool applyEdit(EditSession& s, const json& j, json& answer) {
    const std::string cmd = j.value("cmd", "");
    if (cmd.rfind("edit.", 0) != 0) return false;
    if (!s.active && cmd != "edit.undo" && cmd != "edit.redo") {
        answer =
            fail("aucune carte en cours de modification (edit.start)", "no map being edited (edit.start)");
        return true;
    }
    const json set = j.contains("set") && j["set"].is_object() ? j["set"] : json::object();
    if (cmd == "edit.addActor")
        answer = addActor(s, j);
    else if (cmd == "edit.updateActor")
        answer = updateItem(s, "actors", str(j, "id"), set);
    else if (cmd == "edit.moveActor")
        answer = updateItem(s, "actors", str(j, "id"),
                            {{"position", {{"x", j.value("x", 0.0)}, {"y", j.value("y", 0.0)}}}});
    else if (cmd == "edit.removeActor")
        answer = removeItem(s, "actors", str(j, "id"));
    else if (cmd == "edit.addRelation")
        answer = addRelation(s, j);
    else if (cmd == "edit.updateRelation")
        answer = updateItem(s, "relations", str(j, "id"), set);
    else if (cmd == "edit.removeRelation")
        answer = removeItem(s, "relations", str(j, "id"));
    else if (cmd == "edit.addTerritory")
        answer = addTerritory(s, j);
    else if (cmd == "edit.updateTerritory")
        answer = updateItem(s, "territories", str(j, "id"), set);
    else if (cmd == "edit.removeTerritory")
        answer = removeItem(s, "territories", str(j, "id"));
    else if (cmd == "edit.addGlossary")
        answer = addGlossary(s, j);
    else if (cmd == "edit.updateGlossary")
        answer = updateItem(s, "glossary", str(j, "term"), set);
    else if (cmd == "edit.removeGlossary")
        answer = removeItem(s, "glossary", str(j, "term"));
    else if (cmd == "edit.addTourStep")
        answer = addTourStep(s, j);
    else if (cmd == "edit.updateTourStep")
        answer = tourStep(s, j, false);
    else if (cmd == "edit.removeTourStep")
        answer = tourStep(s, j, true);
    else if (cmd == "edit.setMeta")
        answer = setMeta(s, j);
    else if (cmd == "edit.undo")
        answer = {{"ok", undoEdit(s)}, {"revision", s.revision}};
    else if (cmd == "edit.redo")
        answer = {{"ok", redoEdit(s)}, {"revision", s.revision}};
    else
        return false;
    return true;
}

json checkEdit(const EditSession& s, const json& command) {
    EditSession probe;
    probe.active = s.active;
    probe.doc = s.doc;
    probe.name = s.name;
    probe.bases = s.bases;
    probe.result.ok = s.result.ok;
    probe.result.map = s.result.map;
    json answer;
    if (!applyEdit(probe, command, answer)) return {{"ok", false}};
    return answer;
}

// ---------------------------------------------------------------------------
// 5. Undo, redo, changes
// ---------------------------------------------------------------------------

bool undoEdit(EditSession& s) {
    if (s.undo.empty()) return false;
    s.redo.push_back(std::move(s.doc));
    s.doc = std::move(s.undo.back());
    s.undo.pop_back();
    s.result = resolve(s, s.doc);
    s.problems = toEditProblems(s.result.problems, s.name);
    ++s.revision;
    return true;
}

bool redoEdit(EditSession& s) {
    if (s.redo.empty()) return false;
    s.undo.push_back(std::move(s.doc));
    s.doc = std::move(s.redo.back());
    s.redo.pop_back();
    s.result = resolve(s, s.doc);
    s.problems = toEditProblems(s.result.problems, s.name);
    ++s.revision;
    return true;
}

json changes(const EditSession& s) {
    json out = {{"added", json::object()}, {"overridden", json::object()}, {"removed", json::object()}};
    for (const char* list : {"actors", "relations", "territories", "glossary", "tours"}) {
        json added = json::array();
        if (s.doc.contains(list) && s.doc[list].is_array())
            for (const OrderedJson& item : s.doc[list]) added.push_back(itemKey(list, item));
        out["added"][list] = added;
        json overridden = json::object();
        if (s.doc.contains("override") && s.doc["override"].contains(list))
            for (auto it = s.doc["override"][list].begin(); it != s.doc["override"][list].end(); ++it) {
                json fields = json::array();
                if (it.value().is_object())
                    for (auto f = it.value().begin(); f != it.value().end(); ++f) fields.push_back(f.key());
                overridden[it.key()] = fields;
            }
        out["overridden"][list] = overridden;
        out["removed"][list] = s.doc.contains("remove") && s.doc["remove"].contains(list)
                                   ? plain(s.doc["remove"][list])
                                   : json::array();
    }
    return out;
}

}  // namespace qfq::ui
