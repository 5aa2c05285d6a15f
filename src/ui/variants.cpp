// ui/variants.cpp — per-académie variants: applying one to the map shown, and the switcher.
//
// Contents
//   1. Applying a variant (the map's actors take the variant's wording)
//   2. The switcher: type-to-filter, grouped by région académique
//
// Why in place: a variant only rewords actors (acronym, name, description, site, sources…),
// it never changes structure. Rewording ex.map's actors keeps every index, the layout, the
// network and the search index valid, and every place that shows an actor (map labels, the
// card, search results, exports) shows the académie's names without knowing about variants.
// The actors' own wording is kept in ex.unvaried and put back when the variant changes.

#include "ui/variants.h"

#include <cfloat>
#include <cstring>

#include "imgui.h"
#include "query/search.h"
#include "ui/explorer.h"
#include "ui/strings.h"

namespace qfq::ui {

// ---------------------------------------------------------------------------
// 1. Applying a variant
// ---------------------------------------------------------------------------

void rememberUnvaried(Explorer& ex) {
    ex.unvaried.clear();
    for (uint32_t a = 0; a < ex.map.actors.size(); ++a)
        if (!ex.map.actors[a].variants.empty()) ex.unvaried.emplace_back(a, ex.map.actors[a]);
    ex.appliedVariant = -1;
}

void syncVariant(Explorer& ex) {
    if (ex.variant >= int(ex.map.variants.size())) ex.variant = -1;
    if (ex.variant == ex.appliedVariant) return;
    const std::string id = ex.variant >= 0 ? ex.map.variants[size_t(ex.variant)].id : "";
    for (const auto& [index, own] : ex.unvaried) {
        if (index >= ex.map.actors.size() || ex.map.actors[index].id != own.id) continue;
        ex.map.actors[index] = id.empty() ? own : withVariant(own, id);
    }
    ex.appliedVariant = ex.variant;
}

// ---------------------------------------------------------------------------
// 2. The switcher
// ---------------------------------------------------------------------------

namespace {

// Whether every word of the folded filter occurs in the folded label or group.
bool matches(const std::string& filter, const std::string& label, const std::string& group) {
    if (filter.empty()) return true;
    const std::string hay = query::fold(label) + " " + query::fold(group);
    size_t start = 0;
    const std::string f = query::fold(filter);
    while (start < f.size()) {
        size_t end = f.find(' ', start);
        if (end == std::string::npos) end = f.size();
        if (end > start && hay.find(f.substr(start, end - start)) == std::string::npos) return false;
        start = end + 1;
    }
    return true;
}

// The switcher's own words (kept here, not in strings.h, so that this file stands alone).
const char* say(Lang lang, const char* fr, const char* en) {
    return lang == Lang::Fr ? fr : en;
}

void track(Explorer& ex, const std::string& name) {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ex.widgets.push_back({name, {a.x, a.y, b.x, b.y}});
}

}  // namespace

void drawVariantSwitcher(Explorer& ex) {
    if (ex.map.variants.empty()) return;
    const Lang L = ex.lang;
    const char* none = tr(S::VariantNone, L);
    const std::string current = ex.variant < 0 ? none : ex.map.variants[size_t(ex.variant)].label.get(L);
    ImGui::SetNextItemWidth(220);
    // Wide enough for "Service de l'éducation de Saint-Pierre-et-Miquelon", tall enough for a
    // few régions académiques; the list scrolls beyond.
    ImGui::SetNextWindowSizeConstraints(ImVec2(360, 0), ImVec2(FLT_MAX, 420));
    const bool open = ImGui::BeginCombo("##variant", current.c_str(), ImGuiComboFlags_HeightLargest);
    track(ex, "variant");
    if (!open) {
        if (ex.variantFilterFocused) ex.variantFilter[0] = '\0';  // closed: the next opening starts afresh
        ex.variantFilterFocused = false;
        return;
    }
    // Type to filter (30+ académies): the box takes the keyboard as soon as the list opens.
    if (!ex.variantFilterFocused) {
        ImGui::SetKeyboardFocusHere();
        ex.variantFilterFocused = true;
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint(
        "##variant-filter",
        say(L, "Filtrer (ex. « toulouse », « occitanie »)", "Filter (e.g. \"toulouse\", \"occitanie\")"),
        ex.variantFilter, sizeof ex.variantFilter);
    track(ex, "variant-filter");
    const std::string filter = ex.variantFilter;
    if (filter.empty()) {
        if (ImGui::Selectable(none, ex.variant < 0)) ex.variant = -1;
        track(ex, "variant-none");
    }
    int shown = 0, first = -1;
    std::string group = "\x01";  // no group seen yet
    for (size_t v = 0; v < ex.map.variants.size(); ++v) {
        const Variant& var = ex.map.variants[v];
        const std::string& label = var.label.get(L);
        const std::string& g = var.group.get(L);
        if (!matches(filter, label, g)) continue;
        if (g != group) {
            group = g;
            if (!g.empty()) ImGui::SeparatorText(g.c_str());
        }
        if (first < 0) first = int(v);
        ++shown;
        if (ImGui::Selectable((label + "##" + var.id).c_str(), ex.variant == int(v))) ex.variant = int(v);
        track(ex, "variant-" + var.id);
    }
    if (shown == 0) ImGui::TextDisabled("%s", say(L, "Aucune variante ne correspond", "No variant matches"));
    // Enter picks the first match, as in the search box.
    if (first >= 0 && !filter.empty() && ImGui::IsKeyPressed(ImGuiKey_Enter)) {
        ex.variant = first;
        ImGui::CloseCurrentPopup();
    }
    ex.variantListed = shown;
    ImGui::EndCombo();
    syncVariant(ex);  // the panels drawn after the top bar already show the chosen wording
}

}  // namespace qfq::ui
