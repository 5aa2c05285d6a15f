// ui/panels.cpp — the Dear ImGui windows around the map (see panels.h).
//
// Contents
//   1. Helpers (variant wording, page requests, small widgets)
//   2. Top bar: title, search with results, map / variant / language switchers
//   3. Legend
//   4. Actor card
//   5. Glossary
//   6. Filters
//   7. Load errors, help, layout progress, notices

#include "ui/panels.h"

#include <algorithm>
#include <cstring>
#include <map>

#include "imgui.h"
#include "imgui_internal.h"
#include "render/scene.h"
#include "ui/explorer.h"
#include "ui/strings.h"

extern "C" {
void qfq_js_open_url(const char* url);
void qfq_js_event(const char* name, const char* payload);
}

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

void requestPage(const char* event, const std::string& payload) {
    qfq_js_event(event, payload.c_str());
}

static const char* T(const Explorer& ex, S s) {
    return tr(s, ex.lang);
}

// Records the last item's rectangle under `name` (see Explorer::widgets).
static void track(Explorer& ex, const std::string& name) {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ex.widgets.push_back({name, {a.x, a.y, b.x, b.y}});
}

static ImVec4 colourOf(uint32_t rgb) {
    return ImVec4(float((rgb >> 16) & 255) / 255.0f, float((rgb >> 8) & 255) / 255.0f,
                  float(rgb & 255) / 255.0f, 1.0f);
}

static void swatch(uint32_t rgb, bool ring = false) {
    ImVec2 p = ImGui::GetCursorScreenPos();
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

static void lineSample(const Category& kind) {
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

// A clickable actor reference: selects it and flies there.
static void actorLink(Explorer& ex, uint32_t a, const char* idSuffix) {
    const Actor& actor = ex.map.actors[a];
    std::string text = actor.label(ex.lang);
    if (!actor.acronym.empty()) text += " — " + actorName(ex, actor).get(ex.lang);
    text += "##";
    text += idSuffix;
    text += actor.id;
    swatch(ex.map.actorKinds[size_t(actor.kind)].colour, actor.confidence == Confidence::Unsure);
    if (ImGui::Selectable(text.c_str(), false)) select(ex, long(a), true);
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

static void searchBox(Explorer& ex) {
    ImGui::SetNextItemWidth(std::min(300.0f, ex.width * 0.4f));
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
    if (ex.searchText[0] == 0) return;
    // Results under the box, as a tooltip-like window that does not steal focus.
    ImGui::SetNextWindowPos(below);
    ImGui::SetNextWindowSizeConstraints(ImVec2(360, 0),
                                        ImVec2(std::max(360.0f, ex.width * 0.5f), ex.height * 0.6f));
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
            if (ImGui::Selectable(line.c_str(), int(i) == ex.hitCursor)) chooseHit(ex, h);
            track(ex, "hit-" + std::to_string(i));
            if (h.field != query::Field::Acronym && h.field != query::Field::Name) {
                ImGui::SameLine();
                ImGui::TextDisabled("(%s)", query::explain(h, ex.map, ex.lang).c_str());
            }
            ImGui::PopID();
        }
    }
    ImGui::End();
}

// Exports of the current view (pictures) or of the whole map (data); the page downloads.
static void exportMenu(Explorer& ex) {
    if (ImGui::Button(T(ex, S::Export))) ImGui::OpenPopup("##export");
    track(ex, "export");
    if (!ImGui::BeginPopup("##export")) return;
    struct Item {
        const char* label;
        const char* format;
        float scale;
    };
    static const Item items[] = {
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
    for (const Item& it : items) {
        if (ImGui::Selectable(it.label))
            requestPage("export", std::string(it.format) + " " + std::to_string(int(it.scale)));
        track(ex,
              std::string("export-") + it.format + (it.scale > 1 ? "-" + std::to_string(int(it.scale)) : ""));
    }
    ImGui::EndPopup();
}

// Puts the next button on the same line if it fits, else starts a new line, so the bar
// wraps on narrow screens instead of hiding its last buttons.
static void flow(const char* label) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float width = ImGui::CalcTextSize(label, nullptr, true).x + style.FramePadding.x * 2;
    float right = ImGui::GetItemRectMax().x + style.ItemSpacing.x + width;
    if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - style.WindowPadding.x) ImGui::SameLine();
}

static void topBar(Explorer& ex) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    // Full width, as tall as its (possibly wrapped) content.
    ImGui::SetNextWindowSizeConstraints(ImVec2(ex.width, 0), ImVec2(ex.width, ex.height));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                             ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoScrollbar |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                             ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (!ImGui::Begin("##topbar", nullptr, flags)) {
        ImGui::End();
        return;
    }
    ImGui::TextUnformatted(T(ex, S::AppTitle));
    ImGui::SameLine();
    searchBox(ex);
    ImGui::SameLine();
    if (ex.embed) {
        // Inside someone's page: search, language and a way out to the full map only.
        if (ImGui::Button(ex.lang == Lang::Fr ? "EN" : "FR"))
            ex.lang = ex.lang == Lang::Fr ? Lang::En : Lang::Fr;
        track(ex, "lang");
        ImGui::SameLine();
        if (ImGui::Button(ex.lang == Lang::Fr ? "Ouvrir en grand ↗" : "Open full map ↗"))
            requestPage("open-full", "");
        track(ex, "open-full");
        ImGui::End();
        return;
    }
    // Map switcher: the catalogue's maps, then "open a file".
    ImGui::SetNextItemWidth(190);
    // A first map that failed (unknown ?map=ID, bad file) leaves a choice, not "Loading…".
    std::string current = ex.hasMap ? ex.map.title.get(ex.lang)
                          : !ex.problems.empty()
                              ? (ex.lang == Lang::Fr ? "Choisir une carte…" : "Choose a map…")
                              : T(ex, S::Loading);
    bool mapOpen = ImGui::BeginCombo("##map", current.c_str());
    track(ex, "map");
    if (mapOpen) {
        for (const CatalogueEntry& c : ex.catalogue) {
            std::string title = c.title.get(ex.lang).empty() ? c.id : c.title.get(ex.lang);
            if (ImGui::Selectable((title + "##" + c.id).c_str(), c.id == ex.map.id))
                requestPage("load-map", c.id);
            track(ex, "map-" + c.id);
        }
        ImGui::Separator();
        if (ImGui::Selectable(T(ex, S::OpenFile))) requestPage("open-file", "");
        track(ex, "map-open-file");
        ImGui::EndCombo();
    }
    if (!ex.map.variants.empty()) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(190);
        const char* vlabel = ex.variant < 0 ? T(ex, S::VariantNone)
                                            : ex.map.variants[size_t(ex.variant)].label.get(ex.lang).c_str();
        bool variantOpen = ImGui::BeginCombo("##variant", vlabel);
        track(ex, "variant");
        if (variantOpen) {
            if (ImGui::Selectable(T(ex, S::VariantNone), ex.variant < 0)) ex.variant = -1;
            track(ex, "variant-none");
            for (size_t v = 0; v < ex.map.variants.size(); ++v) {
                const Variant& var = ex.map.variants[v];
                if (ImGui::Selectable((var.label.get(ex.lang) + "##" + var.id).c_str(), ex.variant == int(v)))
                    ex.variant = int(v);
                track(ex, "variant-" + var.id);
            }
            ImGui::EndCombo();
        }
    }
    flow(ex.lang == Lang::Fr ? "EN" : "FR");
    if (ImGui::Button(ex.lang == Lang::Fr ? "EN" : "FR")) ex.lang = ex.lang == Lang::Fr ? Lang::En : Lang::Fr;
    track(ex, "lang");
    flow(T(ex, S::Glossary));
    if (ImGui::Button(T(ex, S::Glossary))) ex.showGlossary = !ex.showGlossary;
    track(ex, "glossary");
    flow(T(ex, S::Filters));
    if (ImGui::Button(T(ex, S::Filters))) ex.showFilters = !ex.showFilters;
    track(ex, "filters");
    flow(T(ex, S::Contact));
    if (ImGui::Button(T(ex, S::Contact))) ex.showContact = !ex.showContact;
    track(ex, "contact");
    flow(T(ex, S::Fit));
    if (ImGui::Button(T(ex, S::Fit))) fitAll(ex, true);
    track(ex, "fit");
    flow(T(ex, S::Present));
    if (ImGui::Button(T(ex, S::Present))) {
        ex.present = true;
        requestPage("fullscreen", "");
    }
    track(ex, "present");
    flow(T(ex, S::Export));
    exportMenu(ex);
    flow(ex.lang == Lang::Fr ? "Modifier" : "Edit");  // the map editor (ui/editor_panel.cpp)
    if (ImGui::Button(ex.lang == Lang::Fr ? "Modifier" : "Edit")) editorStart(ex);
    track(ex, "edit");
    flow(T(ex, S::Share));
    if (ImGui::Button(T(ex, S::Share))) requestPage("share", T(ex, S::Copied));
    track(ex, "share");
    flow("?");
    if (ImGui::Button("?")) ex.showHelp = !ex.showHelp;
    track(ex, "help");
    ex.topBarHeight = ImGui::GetWindowHeight();
    ImGui::End();
}

// ---------------------------------------------------------------------------
// 3. Legend
// ---------------------------------------------------------------------------

static void legend(Explorer& ex) {
    ImGui::SetNextWindowPos(ImVec2(8, ex.height - 8), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(ex.width * 0.7f, ex.height * 0.45f));
    ImGuiWindowFlags flags =
        ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings;
    // Open on big screens; a title bar on small ones, where it would hide the map.
    ImGui::SetNextWindowCollapsed(ex.width < 1400 || ex.height < 950, ImGuiCond_Once);
    if (ImGui::Begin(T(ex, S::Legend), &ex.showLegend, flags)) {
        // Two columns keep the legend short enough not to hide the map.
        if (ImGui::BeginTable("##kinds", 2, ImGuiTableFlags_SizingStretchProp)) {
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
        if (ImGui::BeginTable("##relations", 3, ImGuiTableFlags_SizingStretchProp)) {
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
// 4. Actor card
// ---------------------------------------------------------------------------

static void wrapped(const std::string& s) {
    ImGui::TextWrapped("%s", s.c_str());
}
static void disabledWrapped(const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", s.c_str());
    ImGui::PopStyleColor();
}

// The "path from…" part of the card: pick another actor, see how it reaches this one.
static void pathFrom(Explorer& ex, uint32_t a, std::vector<std::string>& lines) {
    ImGui::SeparatorText(T(ex, S::PathFrom));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##pathfrom", T(ex, S::SearchHint), ex.pathQuery, sizeof ex.pathQuery))
        ex.pathHits = ex.searchIndex.search(ex.pathQuery, 6);
    if (ex.pathQuery[0]) {
        for (size_t i = 0; i < ex.pathHits.size(); ++i) {
            const query::Hit& h = ex.pathHits[i];
            if (h.glossary || h.index == a) continue;
            ImGui::PushID(int(i));
            bool chosen = ImGui::Selectable(ex.map.actors[h.index].label(ex.lang).c_str());
            track(ex, "path-hit-" + ex.map.actors[h.index].id);
            if (chosen) {
                ex.pathFrom = long(h.index);
                ex.pathResult = ex.network.paths(h.index, a, 3);
                ex.pathActors =
                    ex.pathResult.paths.empty() ? std::vector<uint32_t>{} : ex.pathResult.paths[0].actors;
                ex.pathQuery[0] = 0;
                ex.pathHits.clear();
            }
            ImGui::PopID();
        }
    }
    if (ex.pathFrom < 0) return;
    if (ex.pathResult.paths.empty()) {
        ImGui::TextDisabled("%s", T(ex, S::NoPath));
        lines.push_back(T(ex, S::NoPath));
        return;
    }
    // Each path reads as a sentence: DNE —pilote→ DRANE —conseille→ Recteur…
    for (size_t p = 0; p < ex.pathResult.paths.size(); ++p) {
        const query::Path& path = ex.pathResult.paths[p];
        std::string sentence;
        for (size_t i = 0; i < path.actors.size(); ++i) {
            sentence += ex.map.actors[path.actors[i]].label(ex.lang);
            if (i + 1 < path.actors.size()) {
                const Relation& rel = ex.map.relations[path.relations[i]];
                const Category& k = ex.map.relationKinds[size_t(rel.kind)];
                const std::string& verb = k.verb.empty() ? k.label.get(ex.lang) : k.verb.get(ex.lang);
                sentence += path.forward[i] ? " —" + verb + "→ " : " ←" + verb + "— ";
            }
        }
        ImGui::PushID(int(p));
        if (ImGui::Selectable(sentence.c_str(), ex.pathActors == path.actors, ImGuiSelectableFlags_None))
            ex.pathActors = path.actors;
        ImGui::PopID();
        lines.push_back(sentence);
    }
}

static void card(Explorer& ex) {
    if (ex.selected < 0 || !ex.showCard) {
        ex.cardLines.clear();
        return;
    }
    const uint32_t a = uint32_t(ex.selected);
    const Actor& actor = ex.map.actors[a];
    const float w = std::min(420.0f, ex.width * 0.9f);
    ImGui::SetNextWindowPos(ImVec2(ex.width - w - 8, ex.topBarHeight + 8), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(w, std::max(200.0f, ex.height - ex.topBarHeight - 16)), ImGuiCond_Always);
    bool open = true;
    std::vector<std::string> lines;  // what the card shows, for the page's accessible mirror
    std::string title = std::string(T(ex, S::Card)) + " — " + actor.label(ex.lang) + "###card";
    if (ImGui::Begin(
            title.c_str(), &open,
            ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings)) {
        const Lang L = ex.lang;
        if (!actor.acronym.empty()) {
            ImGui::SetWindowFontScale(1.35f);
            ImGui::TextUnformatted(actor.acronym.c_str());
            ImGui::SetWindowFontScale(1.0f);
            lines.push_back(actor.acronym);
        }
        wrapped(actorName(ex, actor).get(L));
        lines.push_back(actorName(ex, actor).get(L));
        ImGui::Spacing();
        const Category& kind = ex.map.actorKinds[size_t(actor.kind)];
        swatch(kind.colour);
        std::string kindLevel = kind.label.get(L) + " · " + ex.map.levels[size_t(actor.level)].label.get(L);
        ImGui::TextUnformatted(kindLevel.c_str());
        lines.push_back(kindLevel);
        std::string territory =
            std::string(T(ex, S::Territory)) + " : " +
            (actor.territory >= 0 ? ex.map.territories[size_t(actor.territory)].name.get(L)
                                  : T(ex, S::Everywhere));
        ImGui::TextDisabled("%s", territory.c_str());
        lines.push_back(territory);
        bool unsure = actor.confidence == Confidence::Unsure;
        std::string confidence =
            std::string(T(ex, S::Confidence)) + " : " + T(ex, unsure ? S::Unsure : S::Sure);
        ImGui::TextColored(unsure ? ImVec4(0.75f, 0.35f, 0.0f, 1) : ImVec4(0.1f, 0.5f, 0.2f, 1), "%s",
                           confidence.c_str());
        lines.push_back(confidence);
        for (const FormerName& f : actor.formerNames) {
            std::string s = std::string(T(ex, S::FormerName)) + " : " + f.name;
            if (!f.expansion.empty()) s += " (" + f.expansion.get(L) + ")";
            if (!f.until.empty()) s += ", → " + f.until;
            disabledWrapped(s);
            lines.push_back(s);
        }
        if (!actor.aliases.empty()) {
            std::string s = std::string(T(ex, S::Alias)) + " : ";
            for (size_t i = 0; i < actor.aliases.size(); ++i) s += (i ? ", " : "") + actor.aliases[i];
            disabledWrapped(s);
            lines.push_back(s);
        }
        const Text& description = actorDescription(ex, actor);
        if (!description.empty()) {
            ImGui::Separator();
            wrapped(description.get(L));
            lines.push_back(description.get(L));
        }
        if (!actor.missions.empty()) {
            ImGui::SeparatorText(T(ex, S::Missions));
            lines.push_back(T(ex, S::Missions));
            for (const Text& m : actor.missions) {
                ImGui::BulletText("%s", m.get(L).c_str());
                lines.push_back("• " + m.get(L));
            }
        }
        // Relations grouped by kind, each with its direction.
        ImGui::SeparatorText(T(ex, S::Relations));
        lines.push_back(T(ex, S::Relations));
        std::map<int, std::vector<uint32_t>> byKind;
        for (uint32_t r : ex.incident[a]) byKind[ex.map.relations[r].kind].push_back(r);
        for (auto& [k, rels] : byKind) {
            const Category& rk = ex.map.relationKinds[size_t(k)];
            lineSample(rk);
            ImGui::TextUnformatted(rk.label.get(L).c_str());
            lines.push_back(rk.label.get(L) + " :");
            ImGui::Indent();
            for (uint32_t r : rels) {
                const Relation& rel = ex.map.relations[r];
                bool outgoing = rel.from == a;
                uint32_t other = outgoing ? rel.to : rel.from;
                const char* arrow = !rel.directed ? "↔" : outgoing ? "→" : "←";
                ImGui::TextDisabled("%s", arrow);
                ImGui::SameLine();
                actorLink(ex, other, rel.id.c_str());
                if (!rel.description.empty() && ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s", rel.description.get(L).c_str());
                const Actor& o = ex.map.actors[other];
                lines.push_back(std::string("  ") + arrow + " " + o.label(L) +
                                (o.acronym.empty() ? "" : " — " + actorName(ex, o).get(L)));
            }
            ImGui::Unindent();
        }
        if (!actor.url.empty()) {
            ImGui::Separator();
            if (ImGui::SmallButton(T(ex, S::Website))) qfq_js_open_url(actor.url.c_str());
            ImGui::SameLine();
            ImGui::TextDisabled("%s", actor.url.c_str());
            lines.push_back(std::string(T(ex, S::Website)) + " : " + actor.url);
        }
        if (!actor.sources.empty()) {
            ImGui::SeparatorText(T(ex, S::Sources));
            lines.push_back(T(ex, S::Sources));
            for (size_t i = 0; i < actor.sources.size(); ++i) {
                const Source& s = actor.sources[i];
                ImGui::PushID(int(i));
                std::string text = s.title.empty() ? s.url : s.title;
                if (ImGui::Selectable(text.c_str())) qfq_js_open_url(s.url.c_str());
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.url.c_str());
                if (!s.verified.empty())
                    ImGui::TextDisabled("  %s %s", T(ex, S::Verified), s.verified.c_str());
                lines.push_back(s.url + (s.verified.empty() ? ""
                                                            : std::string(" (") + T(ex, S::Verified) + " " +
                                                                  s.verified + ")"));
                ImGui::PopID();
            }
        }
        pathFrom(ex, a, lines);
    }
    ImGui::End();
    ex.cardLines = std::move(lines);
    if (!open) ex.showCard = false;
}

// "Whom do I contact?": a topic and a territory, answered from the territory chain.
static void contactPanel(Explorer& ex) {
    if (!ex.showContact) return;
    ImGui::SetNextWindowPos(ImVec2(60, 90), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(std::min(460.0f, ex.width - 80), 0), ImGuiCond_FirstUseEver);
    if (ImGui::Begin(T(ex, S::Contact), &ex.showContact, ImGuiWindowFlags_NoSavedSettings)) {
        bool changed = false;
        const char* topic = ex.contactTopic >= 0 ? ex.topics[size_t(ex.contactTopic)].c_str() : "…";
        if (ImGui::BeginCombo(T(ex, S::ContactTopic), topic)) {
            for (size_t i = 0; i < ex.topics.size(); ++i)
                if (ImGui::Selectable(ex.topics[i].c_str(), ex.contactTopic == int(i)))
                    ex.contactTopic = int(i), changed = true;
            ImGui::EndCombo();
        }
        const char* where = ex.contactTerritory >= 0
                                ? ex.map.territories[size_t(ex.contactTerritory)].name.get(ex.lang).c_str()
                                : T(ex, S::Everywhere);
        if (ImGui::BeginCombo(T(ex, S::Territory), where)) {
            for (size_t i = 0; i < ex.map.territories.size(); ++i)
                if (ImGui::Selectable(
                        (ex.map.territories[i].name.get(ex.lang) + "##" + ex.map.territories[i].id).c_str(),
                        ex.contactTerritory == int(i)))
                    ex.contactTerritory = int(i), changed = true;
            ImGui::EndCombo();
        }
        if (changed && ex.contactTopic >= 0) {
            std::string territory =
                ex.contactTerritory >= 0 ? ex.map.territories[size_t(ex.contactTerritory)].id : "";
            ex.contactResult = query::contact(ex.map, ex.topics[size_t(ex.contactTopic)], territory, ex.lang);
        }
        if (!ex.contactResult.error.empty()) ImGui::TextDisabled("%s", ex.contactResult.error.c_str());
        for (size_t i = 0; i < ex.contactResult.hits.size() && i < 12; ++i) {
            const query::ContactHit& h = ex.contactResult.hits[i];
            ImGui::PushID(int(i));
            actorLink(ex, h.actor, "contact");
            ImGui::Indent();
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.35f, 0.35f, 0.35f, 1));
            ImGui::TextWrapped("%s", h.explanation.c_str());
            ImGui::PopStyleColor();
            ImGui::Unindent();
            ImGui::PopID();
        }
    }
    ImGui::End();
}

// ---------------------------------------------------------------------------
// 5. Glossary
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
// 6. Filters
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
// 7. Load errors, help, progress, notices
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
    if (ImGui::Begin(T(ex, S::Help), &ex.showHelp, ImGuiWindowFlags_NoSavedSettings))
        wrapped(T(ex, S::HelpText));
    ImGui::End();
}

static void statusLine(Explorer& ex) {
    bool layout = ex.layoutRunning;
    bool notice = !ex.notice.empty() && ex.timeMs < ex.noticeUntil;
    if (!layout && !notice) return;
    ImGui::SetNextWindowPos(ImVec2(ex.width * 0.5f, ex.height - 12), ImGuiCond_Always, ImVec2(0.5f, 1));
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

void drawPanels(Explorer& ex) {
    ex.widgets.clear();
    if (!ex.showGlossary) ex.glossaryLines.clear();
    topBar(ex);
    if (ex.hasMap) {
        if (ex.showLegend) legend(ex);
        card(ex);
        contactPanel(ex);
        glossary(ex);
        filters(ex);
        editorPanel(ex);
    }
    problems(ex);
    help(ex);
    statusLine(ex);
}

}  // namespace qfq::ui
