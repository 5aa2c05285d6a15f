// ui/map_text.h — clickable widgets whose visible text comes from a map (names, titles,
// sentences, source titles).
//
// Contents
//   1. selectableText: a Selectable showing any text verbatim
//   2. checkboxText: a Checkbox whose label is any text
//   3. titleText: map text inside a window title (which must stay a label)
//
// Why: Dear ImGui reads a label as text + id: "##" hides the rest of the label, "###" makes
// only what follows the id. A map is data from anyone, so an actor named "A ## B" would lose
// half its name on screen and one named "x###y" would share its id with every other "###y".
// Here the id is given apart (PushID) and the text is drawn as it is, never parsed.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "imgui.h"

namespace qfq::ui {

// ---------------------------------------------------------------------------
// 1. selectableText
// ---------------------------------------------------------------------------

// Same size, look and behaviour as ImGui::Selectable(text, selected, flags), the item (for
// GetItemRect*, IsItemHovered) being the selectable itself; `id` only needs to be unique
// among its siblings.
inline bool selectableText(std::string_view text, bool selected, std::string_view id,
                           ImGuiSelectableFlags flags = 0) {
    ImGui::PushID(id.data(), id.data() + id.size());
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    const ImVec2 size = ImGui::CalcTextSize(begin, end, false);
    const ImVec2 at = ImGui::GetCursorScreenPos();  // where Selectable draws its own label
    const bool pressed = ImGui::Selectable(
        "##text", selected, flags, ImVec2(std::max(size.x, ImGui::GetContentRegionAvail().x), size.y));
    ImGui::GetWindowDrawList()->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), begin, end);
    ImGui::PopID();
    return pressed;
}

// ---------------------------------------------------------------------------
// 2. checkboxText
// ---------------------------------------------------------------------------

// A Checkbox followed by `text`; a click on the text toggles it too, as with a label.
inline bool checkboxText(std::string_view text, bool* value, std::string_view id) {
    ImGui::PushID(id.data(), id.data() + id.size());
    bool changed = ImGui::Checkbox("##box", value);
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    if (ImGui::IsItemClicked()) *value = !*value, changed = true;
    ImGui::PopID();
    return changed;
}

// ---------------------------------------------------------------------------
// 3. titleText
// ---------------------------------------------------------------------------

// A window title is a label whatever we do: end it with "###fixed-id" and pass the map's
// part through here, which breaks every "##" ("# #") so that none of it is hidden.
inline std::string titleText(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '#' && !out.empty() && out.back() == '#') out += ' ';
        out += c;
    }
    return out;
}

}  // namespace qfq::ui
