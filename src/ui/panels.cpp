// ui/panels.cpp — the Dear ImGui windows around the map (see panels.h).
//
// Contents
//   1. Helpers (variant wording, page requests, small widgets)
//   2. Top bar: title, search with results, map / variant / language switchers
//   3. Legend
//   4. Glossary
//   5. Filters
//   6. Load errors, help, layout progress, notices
//   7. Every frame: phone layout, theme, Esc and clicks elsewhere
// The card is in panels_card.cpp, "Qui contacter ?" in panels_contact.cpp.

#include "ui/panels.h"

#include <algorithm>
#include <cstring>
#include <map>

#include "imgui.h"
#include "imgui_internal.h"
#include "render/scene.h"
#include "ui/explorer.h"
#include "ui/panels_internal.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/variants.h"

namespace qfq::ui {

// ---------------------------------------------------------------------------
// 1. Helpers
// ---------------------------------------------------------------------------

static const VariantText* currentVariant(const Explorer& ex, const Actor& actor) {
    if (ex.variant < 0) return nullptr;
    const std::string& id = ex.map.variants[size_t(ex.variant)].id;
    for (const VariantText& v : actor.variants)
        if (v.variant == id) return &v;
    return nullptr;
}

const Text& actorName(const Explorer& ex, const Actor& actor) {
    const VariantText* v = currentVariant(ex, actor);
    return v && !v->name.empty() ? v->name : actor.name;
}

const Text& actorDescription(const Explorer& ex, const Actor& actor) {
    const VariantText* v = currentVariant(ex, actor);
    return v && !v->description.empty() ? v->description : actor.description;
}

void track(Explorer& ex, const std::string& name) {
    trackRect(ex, name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}
void trackRect(Explorer& ex, const std::string& name, ImVec2 a, ImVec2 b) {
    ex.widgets.push_back({name, {a.x, a.y, b.x, b.y}});
}

ImVec4 colourOf(uint32_t rgb) {
    return ImVec4(float((rgb >> 16) & 255) / 255.0f, float((rgb >> 8) & 255) / 255.0f,
                  float(rgb & 255) / 255.0f, 1.0f);
}

void swatch(uint32_t rgb, bool ring, float dy) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    p.y += dy;
    float h = ImGui::GetTextLineHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 c = ImGui::ColorConvertFloat4ToU32(colourOf(rgb));
    if (ring) {
        dl->AddCircle(ImVec2(p.x + h * 0.5f, p.y + h * 0.5f), h * 0.36f, c, 0, 2.5f);
    } else {
        dl->AddCircleFilled(ImVec2(p.x + h * 0.5f, p.y + h * 0.5f), h * 0.38f, c);
    }
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine();
}

void lineSample(const Category& kind) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight(), w = h * 2.2f, y = p.y + h * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 c = ImGui::ColorConvertFloat4ToU32(colourOf(kind.colour));
    float on = kind.dash == Dash::Dashed ? 6.0f : kind.dash == Dash::Dotted ? 2.0f : w;
    float off = kind.dash == Dash::Dashed ? 4.0f : kind.dash == Dash::Dotted ? 3.0f : 0.0f;
    for (float x = 0; x < w - 6.0f; x += on + off)
        dl->AddLine(ImVec2(p.x + x, y), ImVec2(p.x + std::min(x + on, w - 6.0f), y), c, 2.0f);
    dl->AddTriangleFilled(ImVec2(p.x + w, y), ImVec2(p.x + w - 7, y - 4), ImVec2(p.x + w - 7, y + 4), c);
    ImGui::Dummy(ImVec2(w + 4, h));
    ImGui::SameLine();
}

void wrapped(const std::string& s) {
    ImGui::TextWrapped("%s", s.c_str());
}
void mutedWrapped(const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", s.c_str());
    ImGui::PopStyleColor();
}

bool wrappedSelectable(const char* id, const std::string& text, bool selected, float minHeight,
                       ImU32 colour) {
    // A Selectable the size of the wrapped text, the text drawn over it: ImGui's own
    // Selectable does not wrap, and long rows ran past the panel's edge.
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    // Selectable widens its box by half the item spacing on the right: keep that inside too.
    const float width = std::max(
        ImGui::GetContentRegionAvail().x - std::floor(ImGui::GetStyle().ItemSpacing.x * 0.5f), 40.0f);
    const float pad = ImGui::GetStyle().FramePadding.x * 0.5f;
    const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, width - 2 * pad);
    const float height = std::max(size.y + 2.0f, minHeight);
    const bool clicked = ImGui::Selectable(id, selected, ImGuiSelectableFlags_None, ImVec2(width, height));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 c = colour ? colour : ImGui::GetColorU32(ImGuiCol_Text);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + pad, pos.y + (height - size.y) * 0.5f),
                c, text.c_str(), nullptr, width - 2 * pad);
    return clicked;
}

float touchHeight(const Explorer& ex) {
    return ex.phone ? 44.0f : 0.0f;
}

void noteExtent(Explorer& ex) {
    ex.cardTextRight = std::max(ex.cardTextRight, ImGui::GetItemRectMax().x);
}

// A clickable actor reference: selects it and flies there.
void actorLink(Explorer& ex, uint32_t a, const char* idSuffix, const char* prefix) {
    const Actor& actor = ex.map.actors[a];
    std::string text = actor.label(ex.lang);
    if (!actor.acronym.empty()) text += " — " + actorName(ex, actor).get(ex.lang);
    // The prefix (an arrow) and the dot sit on the text's first line, which wrappedSelectable
    // centres in a row as tall as a finger on a phone: shift them by as much.
    const float line = ImGui::GetTextLineHeight(), spacing = ImGui::GetStyle().ItemSpacing.x;
    const float prefixW = prefix ? ImGui::CalcTextSize(prefix).x + spacing : 0;
    const float textW = std::max(ImGui::GetContentRegionAvail().x - prefixW - line - spacing, 40.0f) -
                        ImGui::GetStyle().FramePadding.x;
    const float textH = ImGui::CalcTextSize(text.c_str(), nullptr, false, textW).y;
    const float dy = std::max(0.0f, (std::max(textH + 2.0f, touchHeight(ex)) - textH) * 0.5f);
    if (prefix) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddText(ImVec2(p.x, p.y + dy), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                                            prefix);
        ImGui::Dummy(ImVec2(prefixW - spacing, line));
        ImGui::SameLine();
    }
    swatch(ex.map.actorKinds[size_t(actor.kind)].colour, actor.confidence == Confidence::Unsure, dy);
    std::string id = std::string("##") + idSuffix + actor.id;
    if (wrappedSelectable(id.c_str(), text, false, touchHeight(ex))) select(ex, long(a), true);
}

// ---------------------------------------------------------------------------
// 2. Top bar
// ---------------------------------------------------------------------------

static void runSearch(Explorer& ex) {
    ex.hits = ex.searchIndex.search(ex.searchText, 12);
    ex.hitCursor = 0;
}

static void chooseHit(Explorer& ex, const query::Hit& hit) {
    if (hit.glossary) {
        ex.showGlossary = true;
        std::snprintf(ex.glossaryFilter, sizeof ex.glossaryFilter, "%s",
                      ex.map.glossary[hit.index].term.c_str());
    } else {
        ex.focused = -1;
        select(ex, long(hit.index), true);
    }
    ex.searchText[0] = 0;
    ex.hits.clear();
}

static void searchBox(Explorer& ex, float width) {
    ImGui::SetNextItemWidth(width);
    if (ex.focusSearch) {
        // Activated by id rather than SetKeyboardFocusHere: the latter goes through the
        // tabbing machinery, which does not run for a window that never had nav focus.
        ImGui::ActivateItemByID(ImGui::GetID("##search"));
        ex.focusSearch = false;
    }
    bool enter = ImGui::InputTextWithHint("##search", T(ex, S::SearchHint), ex.searchText,
                                          sizeof ex.searchText, ImGuiInputTextFlags_EnterReturnsTrue);
    track(ex, "search");
    bool active = ImGui::IsItemActive();
    // Characters typed on the map before the box had focus ("type to search").
    if (active && !ex.pendingSearchChars.empty()) {
        ImGui::GetIO().AddInputCharactersUTF8(ex.pendingSearchChars.c_str());
        ex.pendingSearchChars.clear();
    }
    if (ImGui::IsItemEdited()) runSearch(ex);
    // The suggestions show while the box is used; Esc or a click elsewhere closes them.
    if (active || ImGui::IsItemEdited()) ex.searchOpen = true;
    ImVec2 below(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y + 2);
    if (active && !ex.hits.empty()) {
        if (ImGui::IsKeyPressed(ImGuiKey_DownArrow))
            ex.hitCursor = std::min(ex.hitCursor + 1, int(ex.hits.size()) - 1);
        if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) ex.hitCursor = std::max(ex.hitCursor - 1, 0);
    }
    if (enter && !ex.hits.empty()) {
        chooseHit(ex, ex.hits[size_t(ex.hitCursor)]);
        ImGui::SetWindowFocus(nullptr);
        return;
    }
    if (ex.searchText[0] == 0 || !ex.searchOpen) return;
    // Results under the box, as a tooltip-like window that does not steal focus.
    const float minW = std::min(360.0f, ex.width - 16.0f);
    ImGui::SetNextWindowPos(ImVec2(std::min(below.x, ex.width - minW - 8.0f), below.y));
    ImGui::SetNextWindowSizeConstraints(ImVec2(minW, 0),
                                        ImVec2(std::max(minW, ex.width * 0.5f), ex.height * 0.6f));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoResize | ImGuiWindowFlags_AlwaysAutoResize |
                             ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoSavedSettings;
    if (ImGui::Begin("##search-results", nullptr, flags)) {
        if (ex.hits.empty()) ImGui::TextDisabled("%s", T(ex, S::SearchNoResult));
        for (size_t i = 0; i < ex.hits.size(); ++i) {
            const query::Hit& h = ex.hits[i];
            ImGui::PushID(int(i));
            std::string line;
            if (h.glossary) {
                const GlossaryEntry& g = ex.map.glossary[h.index];
                line = g.term + " — " + g.expansion.get(ex.lang);
                swatch(0x888888, true);
            } else {
                const Actor& a = ex.map.actors[h.index];
                line = a.label(ex.lang);
                if (!a.acronym.empty()) line += " — " + actorName(ex, a).get(ex.lang);
                swatch(ex.map.actorKinds[size_t(a.kind)].colour, a.confidence == Confidence::Unsure);
            }
            if (h.field != query::Field::Acronym && h.field != query::Field::Name)
                line += " (" + query::explain(h, ex.map, ex.lang) + ")";
            if (wrappedSelectable("##hit", line, int(i) == ex.hitCursor, touchHeight(ex))) chooseHit(ex, h);
            track(ex, "hit-" + std::to_string(i));
            ImGui::PopID();
        }
    }
    ImGui::End();
}

// Exports of the current view (pictures) or of the whole map (data); the page downloads.
struct ExportItem {
    const char* label;
    const char* format;
    float scale;
};
static const ExportItem kExports[] = {
    {"PNG", "png", 1},
    {"PNG ×2", "png", 2},
    {"PNG ×4", "png", 4},
    {"SVG", "svg", 1},
    {"GraphML (Gephi, yEd)", "graphml", 1},
    {"GEXF (Gephi)", "gexf", 1},
    {"CSV — acteurs / actors", "actors.csv", 1},
    {"CSV — relations", "relations.csv", 1},
    {"DOT (Graphviz)", "dot", 1},
    {"JSON (qfq-map/1)", "json", 1},
};
static void exportItems(Explorer& ex) {
    for (const ExportItem& it : kExports) {
        if (ImGui::Selectable(it.label))
            requestPage("export", std::string(it.format) + " " + std::to_string(int(it.scale)));
        track(ex,
              std::string("export-") + it.format + (it.scale > 1 ? "-" + std::to_string(int(it.scale)) : ""));
    }
}
static void exportMenu(Explorer& ex) {
    if (ImGui::Button(T(ex, S::Export))) ImGui::OpenPopup("##export");
    track(ex, "export");
    if (!ImGui::BeginPopup("##export")) return;
    exportItems(ex);
    ImGui::EndPopup();
}

// The share button's toast goes where it covers nothing: centred over the map's free part
// (left of the card, above a bottom sheet).
static void share(Explorer& ex) {
    float x0 = 0, x1 = ex.width, bottom = 16;
    if (!ex.phone && ex.cardRect[2] > 0) x1 = ex.cardRect[0] - 8;
    if (ex.phone) {
        const float sheetTop = std::min(ex.cardRect[2] > 0 ? ex.cardRect[1] : ex.height,
                                        ex.contactRect[2] > 0 ? ex.contactRect[1] : ex.height);
        bottom = ex.height - sheetTop + 8;
    }
    char payload[256];
    std::snprintf(payload, sizeof payload, "{\"text\":\"%s\",\"centre\":%.0f,\"width\":%.0f,\"bottom\":%.0f}",
                  T(ex, S::Copied), (x0 + x1) * 0.5f, x1 - x0, bottom);
    requestPage("share", payload);
}

// The map switcher: the catalogue's maps, then "open a file".
static void mapItems(Explorer& ex) {
    for (const CatalogueEntry& c : ex.catalogue) {
        std::string title = c.title.get(ex.lang).empty() ? c.id : c.title.get(ex.lang);
        if (ImGui::Selectable((title + "##" + c.id).c_str(), c.id == ex.map.id))
            requestPage("load-map", c.id);
        track(ex, "map-" + c.id);
    }
    ImGui::Separator();
    if (ImGui::Selectable(T(ex, S::OpenFile))) requestPage("open-file", "");
    track(ex, "map-open-file");
}
// A combo as wide as its current text (capped), so "France — base nationale" is not cut.
static float comboWidth(const std::string& text, float cap) {
    return std::min(ImGui::CalcTextSize(text.c_str()).x + ImGui::GetFrameHeight() +
                        ImGui::GetStyle().FramePadding.x * 2 + 4,
                    cap);
}

// The bar's buttons, most used first: those that fit stay on the one row, the rest go into
// its menu ("Menu ▾"), on a phone all but the search.
struct BarButton {
    S label;
    const char* name;
};
static const BarButton kButtons[] = {
    {S::Contact, "contact"}, {S::Glossary, "glossary"}, {S::Filters, "filters"}, {S::Share, "share"},
    {S::Fit, "fit"},         {S::Present, "present"},   {S::Export, "export"},   {S::Edit, "edit"},
    {S::Help, "help"},
};
static std::string buttonLabel(const Explorer& ex, const BarButton& b) {
    return b.label == S::Help ? "?" : T(ex, b.label);
}
static void pressButton(Explorer& ex, const BarButton& b) {
    const std::string name = b.name;
    if (name == "contact") ex.showContact = !ex.showContact;
    if (name == "glossary") ex.showGlossary = !ex.showGlossary;
    if (name == "filters") ex.showFilters = !ex.showFilters;
    if (name == "fit") fitAll(ex, true);
    if (name == "share") share(ex);
    if (name == "present") {
        ex.present = true;
        requestPage("fullscreen", "");
    }
    if (name == "help") ex.showHelp = !ex.showHelp;
    if (name == "edit") editorStart(ex);  // the map editor (ui/editor_panel.cpp)
}

static void topBar(Explorer& ex) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    // Full width, one row: what does not fit goes into the menu.
    ImGui::SetNextWindowSizeConstraints(ImVec2(ex.width, 0), ImVec2(ex.width, ex.height));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                             ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoScrollbar |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                             ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (!ImGui::Begin("##topbar", nullptr, flags)) {
        ImGui::End();
        return;
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    const float spacing = style.ItemSpacing.x;
    auto buttonWidth = [&](const std::string& label) {
        return ImGui::CalcTextSize(label.c_str(), nullptr, true).x + style.FramePadding.x * 2;
    };
    const std::string langLabel = ex.lang == Lang::Fr ? "EN" : "FR";
    const std::string menuLabel = std::string(T(ex, S::Menu)) + " ▾";
    const float right = ex.width - style.WindowPadding.x;
    if (ex.embed) {
        // Inside someone's page: search, language and a way out to the full map only.
        ImGui::TextUnformatted(T(ex, S::AppTitle));
        ImGui::SameLine();
        searchBox(ex, std::min(300.0f, ex.width * 0.4f));
        ImGui::SameLine();
        if (ImGui::Button(langLabel.c_str())) ex.lang = ex.lang == Lang::Fr ? Lang::En : Lang::Fr;
        track(ex, "lang");
        ImGui::SameLine();
        if (ImGui::Button(ex.lang == Lang::Fr ? "Ouvrir en grand ↗" : "Open full map ↗"))
            requestPage("open-full", "");
        track(ex, "open-full");
        ex.topBarHeight = ImGui::GetWindowHeight();
        ImGui::End();
        return;
    }
    // A first map that failed (unknown ?map=ID, bad file) leaves a choice, not "Loading…".
    const std::string mapTitle = ex.hasMap             ? ex.map.title.get(ex.lang)
                                 : !ex.problems.empty() ? T(ex, S::ChooseMap)
                                                        : T(ex, S::Loading);
    const bool variants = !ex.map.variants.empty();
    // What goes on the row: on a phone, the search and the menu; else the title when there is
    // room, the search, the map (and variant) switchers, then buttons while they fit.
    const float menuW = buttonWidth(menuLabel);
    const float mapW = comboWidth(mapTitle, 300),
                variantW = variants ? 220.0f : 0;  // drawVariantSwitcher's width
    const float titleW = ImGui::CalcTextSize(T(ex, S::AppTitle)).x;
    float searchW = ex.phone ? right - style.WindowPadding.x - menuW - spacing
                             : std::clamp(ex.width * 0.16f, 180.0f, 300.0f);
    float used = style.WindowPadding.x;
    const bool title = !ex.phone && ex.width >= 1500;
    if (title) used += titleW + spacing;
    used += searchW + spacing;
    if (!ex.phone)
        used += mapW + spacing + (variants ? variantW + spacing : 0) + buttonWidth(langLabel) + spacing;
    size_t onBar = 0;  // buttons on the row; the rest in the menu
    if (!ex.phone) {
        float total = used;
        for (const BarButton& b : kButtons) total += buttonWidth(buttonLabel(ex, b)) + spacing;
        if (total <= right) {
            onBar = std::size(kButtons);
        } else {
            for (const BarButton& b : kButtons) {
                const float w = buttonWidth(buttonLabel(ex, b)) + spacing;
                if (used + w + menuW > right) break;
                used += w;
                ++onBar;
            }
        }
    }
    if (title) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(T(ex, S::AppTitle));
        ImGui::SameLine();
    }
    searchBox(ex, searchW);
    if (!ex.phone) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(mapW);
        bool mapOpen = ImGui::BeginCombo("##map", mapTitle.c_str());
        track(ex, "map");
        if (mapOpen) {
            mapItems(ex);
            ImGui::EndCombo();
        }
        if (variants) {
            ImGui::SameLine();
            drawVariantSwitcher(ex);  // ui/variants.cpp: 30+ académies, filtered as typed
        }
        ImGui::SameLine();
        if (ImGui::Button(langLabel.c_str())) ex.lang = ex.lang == Lang::Fr ? Lang::En : Lang::Fr;
        track(ex, "lang");
    }
    for (size_t i = 0; i < onBar; ++i) {
        const BarButton& b = kButtons[i];
        ImGui::SameLine();
        if (std::string(b.name) == "export") {
            exportMenu(ex);
            continue;
        }
        if (ImGui::Button(buttonLabel(ex, b).c_str())) pressButton(ex, b);
        track(ex, b.name);
    }
    if (onBar < std::size(kButtons)) {
        ImGui::SameLine();
        if (ImGui::Button(menuLabel.c_str())) ImGui::OpenPopup("##menu");
        track(ex, "menu");
        if (ImGui::BeginPopup("##menu")) {
            const float h = touchHeight(ex);
            if (ex.phone) {
                // Inline, not as submenus: on a narrow screen a submenu opens over this list and
                // takes the taps meant for the items below it.
                if (ImGui::Selectable((std::string(T(ex, S::Language)) + " : " + langLabel).c_str(), false, 0,
                                      ImVec2(0, h)))
                    ex.lang = ex.lang == Lang::Fr ? Lang::En : Lang::Fr;
                track(ex, "lang");
            }
            for (size_t i = onBar; i < std::size(kButtons); ++i) {
                const BarButton& b = kButtons[i];
                if (std::string(b.name) == "export") {
                    if (ImGui::BeginMenu(T(ex, S::Export))) {
                        exportItems(ex);
                        ImGui::EndMenu();
                    }
                    track(ex, "export");
                    continue;
                }
                const std::string label = b.label == S::Help ? T(ex, S::Help) : T(ex, b.label);
                if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(0, h))) pressButton(ex, b);
                track(ex, b.name);
            }
            if (ex.phone) {
                ImGui::SeparatorText((std::string(T(ex, S::Map)) + " : " + mapTitle).c_str());
                mapItems(ex);
                if (variants) drawVariantSwitcher(ex);
            }
            ImGui::EndPopup();
        }
    }
    ex.topBarHeight = ImGui::GetWindowHeight();
    trackRect(
        ex, "topbar", ImGui::GetWindowPos(),
        ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowWidth(), ImGui::GetWindowPos().y + ex.topBarHeight));
    ImGui::End();
}

// ---------------------------------------------------------------------------
// 3. Legend
// ---------------------------------------------------------------------------

// Whether a window at (pos, size) covers a label or a disc the last frame drew.
static bool legendHidesMap(const Explorer& ex, ImVec2 pos, ImVec2 size) {
    const float x0 = pos.x, y0 = pos.y, x1 = pos.x + size.x, y1 = pos.y + size.y;
    for (const render::DrawnLabel& l : ex.drawn.labels)
        if (l.x1 > x0 && l.x0 < x1 && l.y1 > y0 && l.y0 < y1) return true;
    for (const render::DrawnNode& n : ex.drawn.nodes)
        if (n.x + n.r > x0 && n.x - n.r < x1 && n.y + n.r > y0 && n.y - n.r < y1) return true;
    return false;
}

static void legend(Explorer& ex) {
    ImGui::SetNextWindowPos(ImVec2(8, ex.height - 8), ImGuiCond_Always, ImVec2(0, 1));
    // A minimum width keeps the collapsed title ("▶ Légende") readable, not a bare arrow;
    // folded, the bar is no wider than that (its open size would cover the map's bottom).
    const float barWidth = std::min(170.0f, ex.width * 0.5f);
    const bool folded = ex.foldLegend || ex.legendFolded;
    ImGui::SetNextWindowSizeConstraints(ImVec2(barWidth, 0),
                                        ImVec2(folded ? barWidth : ex.width * 0.7f, ex.height * 0.45f));
    ImGuiWindowFlags flags =
        ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings;
    // Open on big screens; a title bar on small ones, where it would hide the map.
    if (ex.foldLegend)
        ImGui::SetNextWindowCollapsed(true, ImGuiCond_Always), ex.foldLegend = false;
    else
        ImGui::SetNextWindowCollapsed(ex.width < 1400 || ex.height < 950, ImGuiCond_Once);
    const bool open = ImGui::Begin(T(ex, S::Legend), &ex.showLegend, flags);
    ex.legendFolded = ImGui::IsWindowCollapsed();
    // Once the map has settled under its fit: an open legend over any label or disc folds
    // (a key must not hide what it explains); its titled bar stays one click away.
    if (!ex.legendPlaced && ex.cameraSet && !ex.layoutRunning && ex.transition >= 1 && !ex.camera.animating &&
        !ex.drawn.nodes.empty()) {
        ex.legendPlaced = true;
        if (open && legendHidesMap(ex, ImGui::GetWindowPos(), ImGui::GetWindowSize())) ex.foldLegend = true;
    }
    if (open) {
        // Two columns keep the legend short enough not to hide the map; fixed-fit columns
        // let the window's auto-size hold every label whole.
        if (ImGui::BeginTable("##kinds", 2, ImGuiTableFlags_SizingFixedFit)) {
            for (const Category& k : ex.map.actorKinds) {
                ImGui::TableNextColumn();
                swatch(k.colour);
                ImGui::TextUnformatted(k.label.get(ex.lang).c_str());
            }
            ImGui::TableNextColumn();
            swatch(0x666666, true);
            ImGui::TextUnformatted(T(ex, S::Unsure));
            ImGui::EndTable();
        }
        ImGui::Separator();
        if (ImGui::BeginTable("##relations", 3, ImGuiTableFlags_SizingFixedFit)) {
            for (const Category& k : ex.map.relationKinds) {
                ImGui::TableNextColumn();
                lineSample(k);
                ImGui::TextUnformatted(k.label.get(ex.lang).c_str());
            }
            ImGui::EndTable();
        }
        ImGui::TextDisabled("%zu %s · %zu %s", ex.map.actors.size(), T(ex, S::Actors),
                            ex.map.relations.size(), T(ex, S::RelationsCount));
    }
    ImGui::End();
}

// ---------------------------------------------------------------------------
// 4. Glossary
// ---------------------------------------------------------------------------

// Every word of `filter` starts a word of `text` (both folded): "ent" finds "ENT" and
// "entreprises", not "département".
static bool wordPrefixMatch(const std::string& text, const std::string& filter) {
    size_t start = 0;
    while (start < filter.size()) {
        size_t end = filter.find(' ', start);
        if (end == std::string::npos) end = filter.size();
        std::string word = filter.substr(start, end - start);
        bool found = word.empty();
        for (size_t p = text.find(word); p != std::string::npos && !found; p = text.find(word, p + 1))
            found = p == 0 || text[p - 1] == ' ';
        if (!found) return false;
        start = end + 1;
    }
    return true;
}

static void glossary(Explorer& ex) {
    if (!ex.showGlossary) return;
    ImGui::SetNextWindowPos(ImVec2(60, 60), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(std::min(520.0f, ex.width - 80), ex.height * 0.7f),
                             ImGuiCond_FirstUseEver);
    if (ImGui::Begin(T(ex, S::Glossary), &ex.showGlossary, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##gfilter", T(ex, S::GlossaryFilter), ex.glossaryFilter,
                                 sizeof ex.glossaryFilter);
        track(ex, "glossary-filter");
        ex.glossaryLines.clear();
        std::string filter = query::fold(ex.glossaryFilter);
        // Every acronym of the map: actors with one, and glossary entries, A–Z.
        struct Row {
            std::string term, expansion, definition;
            long actor;
        };
        std::vector<Row> rows;
        for (size_t a = 0; a < ex.map.actors.size(); ++a) {
            const Actor& actor = ex.map.actors[a];
            if (actor.acronym.empty()) continue;
            rows.push_back({actor.acronym, actorName(ex, actor).get(ex.lang),
                            actorDescription(ex, actor).get(ex.lang), long(a)});
        }
        for (const GlossaryEntry& g : ex.map.glossary)
            rows.push_back({g.term, g.expansion.get(ex.lang), g.definition.get(ex.lang),
                            g.see.empty() ? -1 : long(g.see[0])});
        std::sort(rows.begin(), rows.end(),
                  [](const Row& x, const Row& y) { return query::fold(x.term) < query::fold(y.term); });
        ImGui::BeginChild("##gl");
        for (size_t i = 0; i < rows.size(); ++i) {
            const Row& r = rows[i];
            if (!filter.empty() && !wordPrefixMatch(query::fold(r.term + " " + r.expansion), filter))
                continue;
            ImGui::PushID(int(i));
            ex.glossaryLines.push_back(r.term + " — " + r.expansion);
            ImGui::TextColored(ImVec4(0.1f, 0.25f, 0.5f, 1), "%s", r.term.c_str());
            ImGui::SameLine();
            ImGui::TextWrapped("%s", r.expansion.c_str());
            if (!r.definition.empty()) {
                ImGui::Indent();
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.3f, 0.3f, 0.3f, 1));
                ImGui::TextWrapped("%s", r.definition.c_str());
                ImGui::PopStyleColor();
                ImGui::Unindent();
            }
            if (r.actor >= 0) {
                if (ImGui::SmallButton(T(ex, S::ShowOnMap))) select(ex, r.actor, true);
                track(ex, "glossary-show-" + r.term);
            }
            ImGui::Separator();
            ImGui::PopID();
        }
        ImGui::EndChild();
    }
    ImGui::End();
}

// ---------------------------------------------------------------------------
// 5. Filters
// ---------------------------------------------------------------------------

static void checkList(Explorer& ex, const char* title, const std::vector<Category>& list,
                      std::vector<uint8_t>& on) {
    ImGui::SeparatorText(title);
    for (size_t i = 0; i < list.size(); ++i) {
        bool b = on[i] != 0;
        swatch(list[i].colour);
        if (ImGui::Checkbox((list[i].label.get(ex.lang) + "##" + title + list[i].id).c_str(), &b)) on[i] = b;
    }
}

static void filters(Explorer& ex) {
    if (!ex.showFilters) return;
    ImGui::SetNextWindowPos(ImVec2(8, 52), ImGuiCond_FirstUseEver);
    if (ImGui::Begin(T(ex, S::Filters), &ex.showFilters,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        checkList(ex, T(ex, S::Levels), ex.map.levels, ex.levelOn);
        checkList(ex, T(ex, S::ActorKinds), ex.map.actorKinds, ex.kindOn);
        checkList(ex, T(ex, S::RelationKinds), ex.map.relationKinds, ex.relationKindOn);
        ImGui::SeparatorText(T(ex, S::Confidence));
        ImGui::Checkbox(T(ex, S::ConfidenceSureOnly), &ex.sureOnly);
        ImGui::SeparatorText(T(ex, S::FocusDepth));
        ImGui::SliderInt("##depth", &ex.focusDepth, 1, 6);
        ImGui::Checkbox(T(ex, S::HideUnconnected), &ex.hideUnconnected);
        ImGui::SeparatorText(T(ex, S::Hubs));
        for (uint32_t h : ex.hubs) actorLink(ex, h, "hub");
    }
    ImGui::End();
}

// ---------------------------------------------------------------------------
// 6. Load errors, help, progress, notices
// ---------------------------------------------------------------------------

static void problems(Explorer& ex) {
    if (!ex.showProblems) return;
    ImGui::SetNextWindowPos(ImVec2(ex.width * 0.5f, ex.height * 0.5f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(720.0f, ex.width - 40), std::min(420.0f, ex.height - 80)),
                             ImGuiCond_Appearing);
    if (ImGui::Begin(T(ex, S::LoadErrors), &ex.showProblems, ImGuiWindowFlags_NoSavedSettings)) {
        if (ex.hasMap) ImGui::TextColored(ImVec4(0.1f, 0.45f, 0.2f, 1), "%s", T(ex, S::KeepPreviousMap));
        ImGui::BeginChild("##problems");
        for (const io::Problem& p : ex.problems)
            ImGui::TextWrapped("%s %s", p.warning ? "⚠" : "✖", io::formatProblem(p, ex.lang).c_str());
        ImGui::EndChild();
    }
    ImGui::End();
}

static void help(Explorer& ex) {
    if (!ex.showHelp) return;
    ImGui::SetNextWindowPos(ImVec2(ex.width * 0.5f, 60), ImGuiCond_Appearing, ImVec2(0.5f, 0));
    ImGui::SetNextWindowSize(ImVec2(std::min(480.0f, ex.width - 40), 0), ImGuiCond_Appearing);
    if (ImGui::Begin(T(ex, S::Help), &ex.showHelp, ImGuiWindowFlags_NoSavedSettings)) {
        wrapped(T(ex, S::HelpText));
        // The same map as plain text, for screen readers and keyboards (web/textview.js);
        // also the first stop of the page's tab order.
        ImGui::Spacing();
        if (ImGui::Button(ex.lang == Lang::Fr ? "Vue texte de la carte (accessible)"
                                              : "Text view of the map (accessible)"))
            requestPage("text-view", "");
        track(ex, "text-view");
    }
    ImGui::End();
}

static void statusLine(Explorer& ex) {
    bool layout = ex.layoutRunning;
    bool notice = !ex.notice.empty() && ex.timeMs < ex.noticeUntil;
    if (!layout && !notice) return;
    // Over the map's free part: left of the card, above a bottom sheet.
    float x1 = !ex.phone && ex.cardRect[2] > 0 ? ex.cardRect[0] - 8 : ex.width;
    float bottom = ex.height - 12;
    if (ex.phone && ex.cardRect[2] > 0) bottom = std::min(bottom, ex.cardRect[1] - 8);
    if (ex.phone && ex.contactRect[2] > 0) bottom = std::min(bottom, ex.contactRect[1] - 8);
    ImGui::SetNextWindowPos(ImVec2(x1 * 0.5f, bottom), ImGuiCond_Always, ImVec2(0.5f, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(std::max(200.0f, x1 - 16), ex.height * 0.3f));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                             ImGuiWindowFlags_NoInputs;
    if (ImGui::Begin("##status", nullptr, flags)) {
        if (layout) {
            ImGui::TextUnformatted(T(ex, S::LayoutProgress));
            ImGui::SameLine();
            ImGui::ProgressBar(ex.run.progress(), ImVec2(200, 0));
        }
        if (notice) ImGui::TextUnformatted(ex.notice.c_str());
    }
    ImGui::End();
}

// ---------------------------------------------------------------------------
// 7. Every frame
// ---------------------------------------------------------------------------

// Colours that reach WCAG AA on the panels (ui/theme.h, checked by tests/unit/test_theme.cpp)
// and, on a phone, touch-sized controls.
static void applyTheme(const Explorer& ex) {
    ImGuiStyle& st = ImGui::GetStyle();
    auto set = [&st](ImGuiCol c, Rgb v) { st.Colors[c] = ImVec4(v.r, v.g, v.b, 1); };
    set(ImGuiCol_Text, theme::kText);
    set(ImGuiCol_TextDisabled, theme::kMuted);
    st.FramePadding = ex.phone ? ImVec2(12, 15) : ImVec2(8, 5);  // 15 + 2 × 15 ≥ 44 px
    st.ItemSpacing = ex.phone ? ImVec2(8, 8) : ImVec2(8, 6);
    st.TouchExtraPadding = ex.phone ? ImVec2(4, 4) : ImVec2(0, 0);
    st.ScrollbarSize = ex.phone ? 18 : 14;
}

// Esc closes the topmost overlay first (search suggestions, then the glossary, help,
// "Qui contacter ?"), before the map sees it; a click outside the suggestions or on the map
// closes them, and a click on the map closes the glossary too.
static void closeOverlays(Explorer& ex) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const char* hovered = g.HoveredWindow ? g.HoveredWindow->Name : "";
    auto hoveredIs = [&](const char* prefix) {
        return std::strncmp(hovered, prefix, std::strlen(prefix)) == 0;
    };
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        if (!hoveredIs("##search-results") && !hoveredIs("##topbar")) ex.searchOpen = false;
        if (!ImGui::GetIO().WantCaptureMouse) ex.showGlossary = false;  // a click on the map
    }
    if (!ImGui::IsKeyPressed(ImGuiKey_Escape, false)) return;
    bool& first = ex.searchOpen && ex.searchText[0] ? ex.searchOpen
                  : ex.showGlossary                 ? ex.showGlossary
                  : ex.showHelp                     ? ex.showHelp
                  : ex.contactList                  ? ex.escapeHandled  // the box's own Esc ends typing
                  : ex.showContact && !ex.showCard  ? ex.showContact
                                                    : ex.escapeHandled;
    if (&first == &ex.escapeHandled) {
        ex.escapeHandled = ex.contactList != 0;
        ex.contactList = 0;
        return;
    }
    first = false;
    ex.escapeHandled = true;
}

void drawPanels(Explorer& ex) {
    ex.widgets.clear();
    ex.escapeHandled = false;
    // A phone: a narrow screen, whatever its device (a narrow desktop window too).
    ex.phone = ex.width < 700;
    applyTheme(ex);
    if (!ex.showGlossary) ex.glossaryLines.clear();
    closeOverlays(ex);
    topBar(ex);
    if (ex.hasMap) {
        if (ex.showLegend) legend(ex);
        contactPanel(ex);
        card(ex);  // after the contact panel: on a phone both are sheets, the card on top
        glossary(ex);
        filters(ex);
        editorPanel(ex);
    }
    problems(ex);
    help(ex);
    statusLine(ex);
}

}  // namespace qfq::ui
