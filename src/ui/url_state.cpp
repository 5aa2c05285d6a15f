// ui/url_state.cpp — the shareable view in the URL fragment, and back again.
//
//   #map=occitanie&v=toulouse&sel=drane&focus=drane&depth=2&cam=120.5,-40,1.25&lang=en
//    &hide=1&sure=1&lv=-circonscription&k=-association&rk=-conseille
//
// `lv`, `k` and `rk` list the levels / kinds / relation kinds switched off. Reading is
// forgiving: a malformed or unknown part is skipped with a notice, never an error page.

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "ui/explorer.h"
#include "ui/present.h"
#include "ui/strings.h"

namespace qfq::ui {

namespace {

std::string percentEncode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/' || c == ':')
            out += char(c);
        else
            out += '%', out += hex[c >> 4], out += hex[c & 15];
    }
    return out;
}

std::string percentDecode(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit((unsigned char)s[i + 1]) &&
            std::isxdigit((unsigned char)s[i + 2])) {
            out += char(std::strtol(s.substr(i + 1, 2).c_str(), nullptr, 16));
            i += 2;
        } else {
            out += s[i] == '+' ? ' ' : s[i];
        }
    }
    return out;
}

std::string offList(const std::vector<Category>& list, const std::vector<uint8_t>& on) {
    std::string out;
    for (size_t i = 0; i < list.size() && i < on.size(); ++i)
        if (!on[i]) out += (out.empty() ? "" : ",") + list[i].id;
    return out;
}

void applyOffList(const std::vector<Category>& list, std::vector<uint8_t>& on, const std::string& value,
                  std::vector<std::string>& unknown) {
    std::fill(on.begin(), on.end(), 1);
    std::stringstream ss(value);
    std::string id;
    while (std::getline(ss, id, ',')) {
        int i = Map::findCategory(list, id);
        if (i >= 0)
            on[size_t(i)] = 0;
        else if (!id.empty())
            unknown.push_back(id);
    }
}

std::string fmt(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", double(v));
    return buf;
}

}  // namespace

std::string encodeState(const Explorer& ex) {
    if (!ex.hasMap) return "";
    std::string s = "map=" + percentEncode(ex.mapRef);
    if (ex.variant >= 0) s += "&v=" + ex.map.variants[size_t(ex.variant)].id;
    if (ex.selected >= 0) s += "&sel=" + ex.map.actors[size_t(ex.selected)].id;
    if (ex.focused >= 0) s += "&focus=" + ex.map.actors[size_t(ex.focused)].id;
    if (ex.focusDepth != 1) s += "&depth=" + std::to_string(ex.focusDepth);
    const render::Camera& c =
        ex.camera.animating ? render::Camera{ex.camera.toX, ex.camera.toY, ex.camera.toZoom} : ex.camera;
    s += "&cam=" + fmt(c.x) + "," + fmt(c.y) + "," + fmt(c.zoom);
    if (ex.lang == Lang::En) s += "&lang=en";
    if (ex.present) s += "&present=1";
    if (ex.tour >= 0)
        s += "&tour=" + ex.map.tours[size_t(ex.tour)].id + "&step=" + std::to_string(ex.tourStep + 1);
    if (ex.hideUnconnected) s += "&hide=1";
    if (ex.sureOnly) s += "&sure=1";
    std::string lv = offList(ex.map.levels, ex.levelOn), k = offList(ex.map.actorKinds, ex.kindOn),
                rk = offList(ex.map.relationKinds, ex.relationKindOn);
    if (!lv.empty()) s += "&lv=" + lv;
    if (!k.empty()) s += "&k=" + k;
    if (!rk.empty()) s += "&rk=" + rk;
    return s;
}

std::string fragmentMap(const std::string& fragment) {
    std::string f = fragment.size() && fragment[0] == '#' ? fragment.substr(1) : fragment;
    std::stringstream ss(f);
    std::string part;
    while (std::getline(ss, part, '&'))
        if (part.rfind("map=", 0) == 0) return percentDecode(part.substr(4));
    return "";
}

// Applies every part it understands; returns false if something was skipped (the caller
// shows `ex.notice`).
bool applyState(Explorer& ex, const std::string& fragment) {
    std::string f = fragment.size() && fragment[0] == '#' ? fragment.substr(1) : fragment;
    std::vector<std::string> skipped;
    std::stringstream ss(f);
    std::string part;
    bool cameraGiven = false;
    long selected = -1, focused = -1;
    int tour = -1, step = 0;
    while (std::getline(ss, part, '&')) {
        if (part.empty()) continue;
        size_t eq = part.find('=');
        if (eq == std::string::npos) {
            skipped.push_back(part);
            continue;
        }
        std::string key = part.substr(0, eq), value = percentDecode(part.substr(eq + 1));
        std::vector<std::string> unknown;
        if (key == "map") {
            // Chosen by the page before the map was loaded.
        } else if (key == "v") {
            ex.variant = -1;
            for (size_t v = 0; v < ex.map.variants.size(); ++v)
                if (ex.map.variants[v].id == value) ex.variant = int(v);
            if (ex.variant < 0 && !value.empty()) unknown.push_back(value);
        } else if (key == "sel" || key == "focus") {
            long a = ex.map.findActor(value);
            if (a < 0) unknown.push_back(value);
            (key == "sel" ? selected : focused) = a;
        } else if (key == "depth") {
            int d = std::atoi(value.c_str());
            if (d >= 1 && d <= 6)
                ex.focusDepth = d;
            else
                unknown.push_back(value);
        } else if (key == "cam") {
            float x = 0, y = 0, z = 0;
            char tail = 0;
            if (std::sscanf(value.c_str(), "%f,%f,%f%c", &x, &y, &z, &tail) == 3 && std::isfinite(x) &&
                std::isfinite(y) && std::isfinite(z) && z > 0) {
                ex.camera.x = x, ex.camera.y = y;
                ex.camera.zoom = std::clamp(z, render::Camera::kMinZoom, render::Camera::kMaxZoom);
                ex.camera.animating = false;
                cameraGiven = true;
            } else {
                unknown.push_back(value);
            }
        } else if (key == "lang") {
            ex.lang = value == "en" ? Lang::En : Lang::Fr;
        } else if (key == "present") {
            ex.present = value == "1";
        } else if (key == "tour") {
            tour = -1;
            for (size_t t = 0; t < ex.map.tours.size(); ++t)
                if (ex.map.tours[t].id == value) tour = int(t);
            if (tour < 0) unknown.push_back(value);
        } else if (key == "step") {
            step = std::atoi(value.c_str()) - 1;
        } else if (key == "hide") {
            ex.hideUnconnected = value == "1";
        } else if (key == "sure") {
            ex.sureOnly = value == "1";
        } else if (key == "lv") {
            applyOffList(ex.map.levels, ex.levelOn, value, unknown);
        } else if (key == "k") {
            applyOffList(ex.map.actorKinds, ex.kindOn, value, unknown);
        } else if (key == "rk") {
            applyOffList(ex.map.relationKinds, ex.relationKindOn, value, unknown);
        } else {
            unknown.push_back(key);
        }
        for (const std::string& u : unknown) skipped.push_back(key + "=" + u);
    }
    ex.focused = focused;
    ex.selected = selected;
    ex.keyboardCursor = selected;
    ex.showCard = selected >= 0;
    if (cameraGiven) ex.cameraSet = true;
    if (tour >= 0) {
        render::Camera keep = ex.camera;
        ex.tour = tour;
        ex.tourStep = std::max(step, 0);
        applyTourStep(ex);
        if (cameraGiven) ex.camera = keep;  // the link's camera wins over the step's
    } else {
        stopTour(ex);
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
