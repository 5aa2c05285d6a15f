// ui/commands.cpp — scripted control of the explorer (window.qfq.command in the page).
//
// Every command is a JSON object {"cmd": NAME, ...}; the answer is a JSON object with
// "ok" and, on failure, "error" in both languages. Tests and users' scripts use these to
// set up a view; the UI itself never goes through here.

#include <nlohmann/json.hpp>

#include "ui/explorer.h"

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
    } else if (cmd == "mode") {
        ex.present = j.value("present", ex.present);
        ex.embed = j.value("embed", ex.embed);
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
    } else {
        out = fail("commande inconnue : " + cmd, "unknown command: " + cmd);
    }
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace qfq::ui
