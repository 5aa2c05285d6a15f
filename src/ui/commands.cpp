// ui/commands.cpp — scripted control of the explorer (window.qfq.command in the page).
//
// Every command is a JSON object {"cmd": NAME, ...}; the answer is a JSON object with
// "ok" and, on failure, "error" in both languages. Tests and users' scripts use these to
// set up a view; the UI itself never goes through here.

#include <nlohmann/json.hpp>

#include "query/contact.h"
#include "ui/explorer.h"
#include "ui/present.h"
#include "ui/panels.h"
#include "ui/variants.h"

namespace qfq::ui {

namespace {

nlohmann::json fail(const std::string& fr, const std::string& en) {
    return {{"ok", false}, {"error", {{"fr", fr}, {"en", en}}}};
}

long actorById(const Explorer& ex, const nlohmann::json& j) {
    if (!j.contains("id") || !j["id"].is_string()) return -1;
    return ex.map.findActor(j["id"].get<std::string>());
}

}  // namespace

std::string command(Explorer& ex, const std::string& text) {
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    nlohmann::json out = {{"ok", true}};
    if (!j.is_object() || !j.contains("cmd") || !j["cmd"].is_string()) {
        out = fail("commande invalide : un objet {\"cmd\": …} est attendu",
                   "invalid command: an object {\"cmd\": …} is expected");
        return out.dump();
    }
    const std::string cmd = j["cmd"].get<std::string>();
    syncVariant(ex);  // a variant chosen in the switcher this frame: commands read its wording
    if (cmd.rfind("edit.", 0) == 0) {  // the map editor's commands (ui/editor_web.cpp)
        out = editorCommand(ex, j);
    } else if (cmd == "select") {
        long a = actorById(ex, j);
        if (a < 0 && j.contains("id") && !j["id"].is_null())
            out = fail("acteur inconnu", "unknown actor");
        else
            select(ex, a, j.value("fly", true));
    } else if (cmd == "focus") {
        long a = actorById(ex, j);
        ex.focused = a;
        if (j.contains("depth") && j["depth"].is_number_integer())
            ex.focusDepth = std::clamp(j["depth"].get<int>(), 1, 6);
    } else if (cmd == "camera") {
        ex.camera.x = j.value("x", ex.camera.x);
        ex.camera.y = j.value("y", ex.camera.y);
        ex.camera.zoom =
            std::clamp(j.value("zoom", ex.camera.zoom), render::Camera::kMinZoom, render::Camera::kMaxZoom);
        ex.camera.animating = false;
        ex.cameraSet = true;
    } else if (cmd == "project") {
        // Where an actor is on screen (CSS pixels), for pixel checks in tests.
        long a = actorById(ex, j);
        if (a < 0) {
            out = fail("acteur inconnu", "unknown actor");
        } else {
            out["x"] = ex.camera.screenX(ex.x[size_t(a)], ex.width);
            out["y"] = ex.camera.screenY(ex.y[size_t(a)], ex.height);
            out["r"] = std::max(ex.radius[size_t(a)] * ex.camera.zoom, 2.0f);
            out["colour"] = ex.map.actorKinds[size_t(ex.map.actors[size_t(a)].kind)].colour;
            out["emphasis"] = ex.actorEmphasis[size_t(a)];
        }
    } else if (cmd == "positions") {
        out["x"] = ex.x;
        out["y"] = ex.y;
        out["radius"] = ex.radius;
        nlohmann::json colours = nlohmann::json::array();
        for (const Actor& a : ex.map.actors) colours.push_back(ex.map.actorKinds[size_t(a.kind)].colour);
        out["colour"] = colours;
        nlohmann::json from = nlohmann::json::array(), to = nlohmann::json::array(),
                       labels = nlohmann::json::array();
        for (const Relation& r : ex.map.relations) from.push_back(r.from), to.push_back(r.to);
        for (const Actor& a : ex.map.actors) labels.push_back(a.label(ex.lang));
        out["from"] = from;
        out["to"] = to;
        out["labels"] = labels;
        out["camera"] = {{"x", ex.camera.x}, {"y", ex.camera.y}, {"zoom", ex.camera.zoom}};
    } else if (cmd == "scene") {
        // What the last frame drew (window.qfq.scene()).
        out = nlohmann::json::parse(sceneJson(ex));
        out["ok"] = true;
    } else if (cmd == "tour") {
        // {cmd: "tour", id, step}: starts (or moves) a guided tour; id "" stops it.
        const std::string id = j.value("id", std::string());
        int t = -1;
        for (size_t k = 0; k < ex.map.tours.size(); ++k)
            if (ex.map.tours[k].id == id) t = int(k);
        if (id.empty()) {
            stopTour(ex);
        } else if (t < 0) {
            out = fail("visite inconnue", "unknown tour");
        } else {
            if (ex.tour != t) startTour(ex, t);
            ex.tourStep = j.value("step", 0);
            applyTourStep(ex);
        }
    } else if (cmd == "mode") {
        ex.present = j.value("present", ex.present);
        ex.embed = j.value("embed", ex.embed);
    } else if (cmd == "filter") {
        // {"cmd": "filter", "level" | "kind" | "relation": ID, "on": bool} or {"sureOnly": bool}:
        // the filters panel's checkboxes, for the page's text view and scripts.
        if (j.contains("sureOnly") && j["sureOnly"].is_boolean()) ex.sureOnly = j["sureOnly"].get<bool>();
        const struct {
            const char* key;
            const std::vector<Category>* list;
            std::vector<uint8_t>* on;
        } groups[] = {{"level", &ex.map.levels, &ex.levelOn},
                      {"kind", &ex.map.actorKinds, &ex.kindOn},
                      {"relation", &ex.map.relationKinds, &ex.relationKindOn}};
        for (const auto& g : groups) {
            if (!j.contains(g.key) || !j[g.key].is_string()) continue;
            int i = Map::findCategory(*g.list, j[g.key].get<std::string>());
            if (i < 0 || size_t(i) >= g.on->size())
                out = fail("catégorie inconnue", "unknown category");
            else
                (*g.on)[size_t(i)] = j.value("on", true) ? 1 : 0;
        }
    } else if (cmd == "fit") {
        fitAll(ex, j.value("animate", false));
    } else if (cmd == "lang") {
        ex.lang = j.value("lang", std::string("fr")) == "en" ? Lang::En : Lang::Fr;
    } else if (cmd == "variant") {
        std::string id = j.value("id", std::string());
        ex.variant = -1;
        for (size_t v = 0; v < ex.map.variants.size(); ++v)
            if (ex.map.variants[v].id == id) ex.variant = int(v);
        if (!id.empty() && ex.variant < 0) out = fail("variante inconnue", "unknown variant");
        syncVariant(ex);  // status() and the card read the variant's wording right away
    } else if (cmd == "search") {
        std::string q = j.value("q", std::string());
        nlohmann::json hits = nlohmann::json::array();
        for (const query::Hit& h : ex.searchIndex.search(q, size_t(j.value("limit", 10)))) {
            hits.push_back({{"id", h.glossary ? ex.map.glossary[h.index].term : ex.map.actors[h.index].id},
                            {"glossary", h.glossary},
                            {"field", query::fieldName(h.field)},
                            {"why", query::explain(h, ex.map, ex.lang)}});
        }
        out["hits"] = hits;
    } else if (cmd == "contact") {
        // {"cmd":"contact","topic":"formation","territory":"dep-95","school":"college"}: opens
        // "Qui contacter ?" with that question (words as a person types them).
        std::string topic = j.value("topic", std::string()), where = j.value("territory", std::string()),
                    school = j.value("school", std::string());
        int t = topic.empty() ? -1 : query::findTopic(ex.map, topic);
        int w = where.empty() ? -1 : query::resolveTerritory(ex.map, where);
        long s = school.empty() ? -1 : ex.map.findActor(school);
        if ((!topic.empty() && t < 0) || (!where.empty() && w < 0) || (!school.empty() && s < 0)) {
            out = fail("sujet, territoire ou établissement inconnu", "unknown topic, territory or school");
        } else {
            ex.showContact = j.value("open", true);
            ex.contactTopic = t;
            ex.contactTerritory = w;
            ex.contactSchool = s;
            updateContact(ex);
        }
    } else if (cmd == "path") {
        // {"cmd":"path","from":"dne","to":"ecole"}: the card of `to`, with the paths from `from`.
        long from = ex.map.findActor(j.value("from", std::string())),
             to = ex.map.findActor(j.value("to", std::string()));
        if (from < 0 || to < 0) {
            out = fail("acteur inconnu", "unknown actor");
        } else {
            select(ex, to, false);
            findPath(ex, from, to);
        }
    } else {
        out = fail("commande inconnue : " + cmd, "unknown command: " + cmd);
    }
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace qfq::ui
