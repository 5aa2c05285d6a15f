// ui/url_state.cpp — the shareable view in the URL fragment, and back again.
//
// The fragment's syntax lives in ui/view_link.cpp (pure, fuzzed); here its ids are resolved
// against the explorer's map. Reading is forgiving: a malformed or unknown part is skipped
// with a notice, never an error page.

#include <algorithm>
#include <cmath>

#include "ui/explorer.h"
#include "ui/panels.h"
#include "ui/present.h"
#include "ui/strings.h"
#include "ui/view_link.h"

namespace qfq::ui {

namespace {

std::vector<std::string> offList(const std::vector<Category>& list, const std::vector<uint8_t>& on) {
    std::vector<std::string> off;
    for (size_t i = 0; i < list.size() && i < on.size(); ++i)
        if (!on[i]) off.push_back(list[i].id);
    return off;
}

void applyOffList(const std::vector<Category>& list, std::vector<uint8_t>& on,
                  const std::optional<std::vector<std::string>>& off, const char* key,
                  std::vector<std::string>& skipped) {
    if (!off) return;
    std::fill(on.begin(), on.end(), 1);
    for (const std::string& id : *off) {
        int i = Map::findCategory(list, id);
        if (i >= 0 && size_t(i) < on.size())
            on[size_t(i)] = 0;
        else
            skipped.push_back(std::string(key) + "=" + id);
    }
}

// Index of the item whose `id` is `id` (variants, tours), or -1.
template <typename Item>
long indexOfId(const std::vector<Item>& items, const std::string& id) {
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return long(i);
    return -1;
}

}  // namespace

std::string encodeState(const Explorer& ex) {
    if (!ex.hasMap) return "";
    ViewLink link;
    link.map = ex.mapRef;
    if (ex.variant >= 0) link.variant = ex.map.variants[size_t(ex.variant)].id;
    if (ex.selected >= 0) link.selected = ex.map.actors[size_t(ex.selected)].id;
    if (ex.focused >= 0) link.focused = ex.map.actors[size_t(ex.focused)].id;
    if (ex.focusDepth != 1) link.depth = ex.focusDepth;
    const render::Camera& c =
        ex.camera.animating ? render::Camera{ex.camera.toX, ex.camera.toY, ex.camera.toZoom} : ex.camera;
    link.camera = ViewCamera{c.x, c.y, c.zoom};
    if (ex.lang == Lang::En) link.lang = Lang::En;
    if (ex.present) link.present = true;
    if (ex.tour >= 0) {
        link.tour = ex.map.tours[size_t(ex.tour)].id;
        link.step = ex.tourStep + 1;
    }
    if (ex.hideUnconnected) link.hideUnconnected = true;
    if (ex.sureOnly) link.sureOnly = true;
    if (ex.showContact && ex.contactTopic >= 0 && size_t(ex.contactTopic) < ex.map.topics.size()) {
        link.ask = ex.map.topics[size_t(ex.contactTopic)].id;
        if (ex.contactTerritory >= 0 && size_t(ex.contactTerritory) < ex.map.territories.size())
            link.where = ex.map.territories[size_t(ex.contactTerritory)].id;
        if (ex.contactSchool >= 0 && size_t(ex.contactSchool) < ex.map.actors.size())
            link.school = ex.map.actors[size_t(ex.contactSchool)].id;
    }
    if (ex.pathFrom >= 0 && size_t(ex.pathFrom) < ex.map.actors.size() && ex.selected >= 0 && ex.showCard)
        link.pathFrom = ex.map.actors[size_t(ex.pathFrom)].id;
    std::vector<std::string> lv = offList(ex.map.levels, ex.levelOn),
                             k = offList(ex.map.actorKinds, ex.kindOn),
                             rk = offList(ex.map.relationKinds, ex.relationKindOn);
    if (!lv.empty()) link.levelsOff = lv;
    if (!k.empty()) link.kindsOff = k;
    if (!rk.empty()) link.relationKindsOff = rk;
    return formatViewLink(link);
}

std::string fragmentMap(const std::string& fragment) {
    return parseViewLink(fragment).map.value_or("");
}

// Applies every part it understands; returns false if something was skipped (the caller
// shows `ex.notice`).
bool applyState(Explorer& ex, const std::string& fragment) {
    ViewLink link = parseViewLink(fragment);
    std::vector<std::string> skipped = link.skipped;
    // An id the map does not have is reported, except an empty `v=` (no variant).
    auto resolve = [&skipped](const char* key, const std::string& id, long index) {
        if (index < 0 && !(id.empty() && std::string_view(key) == "v"))
            skipped.push_back(std::string(key) + "=" + id);
        return index;
    };
    if (link.variant)
        ex.variant = int(resolve("v", *link.variant, indexOfId(ex.map.variants, *link.variant)));
    long selected = link.selected ? resolve("sel", *link.selected, ex.map.findActor(*link.selected)) : -1;
    long focused = link.focused ? resolve("focus", *link.focused, ex.map.findActor(*link.focused)) : -1;
    if (link.depth) ex.focusDepth = *link.depth;
    if (link.camera) {
        ex.camera.x = link.camera->x, ex.camera.y = link.camera->y;
        ex.camera.zoom = std::clamp(link.camera->zoom, render::Camera::kMinZoom, render::Camera::kMaxZoom);
        ex.camera.animating = false;
    }
    if (link.lang) ex.lang = *link.lang;
    if (link.present) ex.present = *link.present;
    int tour = link.tour ? int(resolve("tour", *link.tour, indexOfId(ex.map.tours, *link.tour))) : -1;
    if (link.hideUnconnected) ex.hideUnconnected = *link.hideUnconnected;
    if (link.sureOnly) ex.sureOnly = *link.sureOnly;
    applyOffList(ex.map.levels, ex.levelOn, link.levelsOff, "lv", skipped);
    applyOffList(ex.map.actorKinds, ex.kindOn, link.kindsOff, "k", skipped);
    applyOffList(ex.map.relationKinds, ex.relationKindOn, link.relationKindsOff, "rk", skipped);

    ex.focused = focused;
    ex.selected = selected;
    ex.keyboardCursor = selected;
    ex.showCard = selected >= 0;
    if (link.camera) ex.cameraSet = true;
    if (tour >= 0) {
        render::Camera keep = ex.camera;
        ex.tour = tour;
        ex.tourStep = std::max(link.step.value_or(1) - 1, 0);  // step is saturated: no overflow
        applyTourStep(ex);
        if (link.camera) ex.camera = keep;  // the link's camera wins over the step's
    } else {
        stopTour(ex);
    }
    // "Qui contacter ?": the question reopens with its answer.
    if (link.ask) {
        long t = indexOfId(ex.map.topics, *link.ask);
        resolve("ask", *link.ask, t);
        long w = link.where ? resolve("where", *link.where, indexOfId(ex.map.territories, *link.where)) : -1;
        long s = link.school ? resolve("school", *link.school, ex.map.findActor(*link.school)) : -1;
        if (t >= 0) {
            ex.showContact = true;
            ex.contactTopic = int(t);
            ex.contactTerritory = int(w);
            ex.contactSchool = s;
            updateContact(ex);
        }
    }
    if (link.pathFrom) {
        long from = resolve("from", *link.pathFrom, ex.map.findActor(*link.pathFrom));
        if (from >= 0 && selected >= 0) findPath(ex, from, selected);
    }
    if (!skipped.empty()) {
        std::string list;
        for (const std::string& s : skipped) list += (list.empty() ? "" : ", ") + s;
        showNotice(ex,
                   ex.lang == Lang::Fr ? "Lien partiellement compris, ignoré : " + list
                                       : "Link partly understood, ignored: " + list,
                   8);
        return false;
    }
    return true;
}

}  // namespace qfq::ui
