// ui/editor_panel.cpp — the editor's window (Dear ImGui): forms for actors, relations,
// territories, glossary entries and tour steps, undo/redo, the "what my territory changes"
// view, downloads; and the editor's tools on the map (draw a relation by dragging from an
// actor to another, place an actor by dragging it).
//
// Contents
//   1. Small widgets (tracked for tests, the loader's messages under their field)
//   2. The forms, one per tab
//   3. The window: toolbar, tabs, messages, shortcuts
//   4. Tools on the map
//
// Every button sends the same edit.* command as window.qfq.command (editorCommand), so what a
// test or a script does is what a click does. Each form is checked live: the command it would
// send is tried on a copy of the document (checkEdit) whenever its text changes, and the loader's
// messages show under the field they name.

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <iterator>

#include "imgui.h"
#include "ui/editor.h"
#include "ui/explorer.h"

namespace qfq::ui {

using nlohmann::json;

namespace {

// ---------------------------------------------------------------------------
// 1. Small widgets
// ---------------------------------------------------------------------------

const char* L(const Explorer& ex, const char* fr, const char* en) {
    return ex.lang == Lang::Fr ? fr : en;
}

void track(Explorer& ex, const std::string& name) {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ex.widgets.push_back({name, {a.x, a.y, b.x, b.y}});
}

template <size_t N>
void copyTo(char (&buffer)[N], const std::string& text) {
    std::snprintf(buffer, N, "%s", text.c_str());
}

void input(Explorer& ex, const char* label, const char* name, char* buffer, size_t size,
           bool multiline = false) {
    ImGui::TextUnformatted(label);
    ImGui::SetNextItemWidth(-1);
    std::string id = std::string("##") + name;
    if (multiline)
        ImGui::InputTextMultiline(id.c_str(), buffer, size, ImVec2(-1, ImGui::GetTextLineHeight() * 3));
    else
        ImGui::InputText(id.c_str(), buffer, size);
    track(ex, name);
    ex.editor.forms.fields[name] = buffer;
}

// The loader's messages (from the live check) about `field`, in red under it.
void fieldProblems(const Explorer& ex, const char* field) {
    const json& checked = ex.editor.forms.checked;
    if (!checked.is_object() || !checked.contains("problems")) return;
    for (const json& p : checked["problems"]) {
        if (p.value("field", "") != field) continue;
        std::string text = p["message"].value(ex.lang == Lang::Fr ? "fr" : "en", "");
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(176, 0, 32, 255));
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
}

// The messages of the live check that no field of the form showed (the item as a whole…).
void otherProblems(const Explorer& ex, std::initializer_list<const char*> shown) {
    const json& checked = ex.editor.forms.checked;
    if (!checked.is_object() || !checked.contains("problems")) return;
    for (const json& p : checked["problems"]) {
        std::string field = p.value("field", "");
        bool done = false;
        for (const char* f : shown) done = done || field == f;
        if (done) continue;
        std::string text = p["message"].value(ex.lang == Lang::Fr ? "fr" : "en", "");
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(176, 0, 32, 255));
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
}

// A combo over a list of categories (levels, kinds, relation kinds); -1 = none chosen.
void categoryCombo(Explorer& ex, const char* label, const char* name, const std::vector<Category>& list,
                   int& index, bool allowNone) {
    ImGui::TextUnformatted(label);
    ImGui::SetNextItemWidth(-1);
    std::string current = index >= 0 && size_t(index) < list.size()
                              ? list[size_t(index)].label.get(ex.lang) + " (" + list[size_t(index)].id + ")"
                              : std::string("—");
    bool open =
        ImGui::BeginCombo((std::string("##") + name).c_str(), current.c_str(), ImGuiComboFlags_HeightLarge);
    track(ex, name);
    if (!open) return;
    if (allowNone && ImGui::Selectable("—", index < 0)) index = -1;
    for (size_t i = 0; i < list.size(); ++i) {
        std::string item = list[i].label.get(ex.lang) + " (" + list[i].id + ")##" + list[i].id;
        if (ImGui::Selectable(item.c_str(), index == int(i))) index = int(i);
        track(ex, std::string(name) + "-" + list[i].id);
    }
    ImGui::EndCombo();
}

std::string id(const std::vector<Category>& list, int index) {
    return index >= 0 && size_t(index) < list.size() ? list[size_t(index)].id : "";
}

// Live check: tried on a copy whenever the command the form would send changes.
void check(Explorer& ex, const json& command, bool any) {
    EditForms& f = ex.editor.forms;
    std::string key = any ? command.dump() : "";
    if (key == f.checkedCommand) return;
    f.checkedCommand = key;
    f.checked = any ? checkEdit(ex.editor.session, command) : json();
}

bool button(Explorer& ex, const char* label, const char* name) {
    bool pressed = ImGui::Button(label);
    track(ex, name);
    return pressed;
}

// Sends a command from a button; clears the form's check so that it runs again.
json send(Explorer& ex, const json& command) {
    json answer = editorCommand(ex, command);
    ex.editor.forms.checkedCommand = "\x01";
    if (!answer.value("ok", false) && answer.contains("problems")) ex.editor.forms.checked = answer;
    return answer;
}

// The foot of an "add" form: the live check of `command` (once `any` field is filled), the
// loader's messages about fields not shown, and the button; true when the change was made.
bool addRow(Explorer& ex, const json& command, bool any, std::initializer_list<const char*> fields,
            const char* label, const char* name) {
    check(ex, command, any);
    otherProblems(ex, fields);
    return button(ex, label, name) && send(ex, command).value("ok", false);
}

std::vector<std::string> splitIds(const char* text) {
    std::vector<std::string> out;
    std::string current;
    for (const char* p = text;; ++p) {
        if (*p == ',' || *p == ' ' || *p == '|' || *p == ';' || *p == 0) {
            if (!current.empty()) out.push_back(current);
            current.clear();
            if (!*p) break;
        } else {
            current += *p;
        }
    }
    return out;
}

// ---------------------------------------------------------------------------
// 2. The forms
// ---------------------------------------------------------------------------

// The actor form edits the selected actor, or makes a new one.
void loadActor(Explorer& ex, long a) {
    EditForms& f = ex.editor.forms;
    const Actor& x = ex.map.actors[size_t(a)];
    f.editing = x.id;
    copyTo(f.actorId, x.id);
    copyTo(f.acronym, x.acronym);
    copyTo(f.name, x.name.fr);
    copyTo(f.nameEn, x.name.en);
    copyTo(f.description, x.description.fr);
    copyTo(f.sourceUrl, x.sources.empty() ? "" : x.sources[0].url);
    copyTo(f.verified, x.sources.empty() ? todayUtc() : x.sources[0].verified);
    f.level = x.level, f.kind = x.kind, f.territory = x.territory;
}

void clearActor(EditForms& f) {
    f.editing.clear();
    f.actorId[0] = f.acronym[0] = f.name[0] = f.nameEn[0] = f.description[0] = f.sourceUrl[0] = 0;
    copyTo(f.verified, todayUtc());
    f.territory = -1;
}

void actorForm(Explorer& ex) {
    EditForms& f = ex.editor.forms;
    const Map& m = ex.map;
    if (ex.selected >= 0 && ex.map.actors[size_t(ex.selected)].id != f.editing) loadActor(ex, ex.selected);
    if (ex.selected < 0 && !f.editing.empty()) clearActor(f);
    const bool editing = !f.editing.empty();
    if (editing) {
        ImGui::Text("%s « %s »", L(ex, "Modifier", "Edit"), f.editing.c_str());
        ImGui::SameLine();
        if (button(ex, L(ex, "Nouvel acteur", "New actor"), "edit-actor-new"))
            select(ex, -1, false), clearActor(f);
    }
    if (!editing)
        input(ex, L(ex, "Identifiant (minuscules, chiffres, tirets)", "Id (lower case, digits, hyphens)"),
              "edit-actor-id", f.actorId, sizeof f.actorId);
    fieldProblems(ex, "id");
    input(ex, L(ex, "Sigle", "Acronym"), "edit-actor-acronym", f.acronym, sizeof f.acronym);
    input(ex, L(ex, "Nom (français)", "Name (French)"), "edit-actor-name", f.name, sizeof f.name);
    input(ex, L(ex, "Nom (anglais)", "Name (English)"), "edit-actor-name-en", f.nameEn, sizeof f.nameEn);
    fieldProblems(ex, "name");
    categoryCombo(ex, L(ex, "Niveau", "Level"), "edit-actor-level", m.levels, f.level, false);
    fieldProblems(ex, "level");
    categoryCombo(ex, L(ex, "Type", "Kind"), "edit-actor-kind", m.actorKinds, f.kind, false);
    fieldProblems(ex, "kind");
    {
        ImGui::TextUnformatted(L(ex, "Territoire", "Territory"));
        ImGui::SetNextItemWidth(-1);
        std::string current = f.territory >= 0 && size_t(f.territory) < m.territories.size()
                                  ? m.territories[size_t(f.territory)].name.get(ex.lang)
                                  : std::string(L(ex, "— partout —", "— everywhere —"));
        bool open = ImGui::BeginCombo("##edit-actor-territory", current.c_str(), ImGuiComboFlags_HeightLarge);
        track(ex, "edit-actor-territory");
        if (open) {
            if (ImGui::Selectable(L(ex, "— partout —", "— everywhere —"), f.territory < 0)) f.territory = -1;
            // The territory's own territories first (the ones its actors work in), then the base's.
            std::vector<size_t> order;
            const OrderedJson& doc = ex.editor.session.doc;
            for (size_t pass = 0; pass < 2; ++pass)
                for (size_t t = 0; t < m.territories.size(); ++t) {
                    bool own = doc.contains("territories") &&
                               std::any_of(doc["territories"].begin(), doc["territories"].end(),
                                           [&](const OrderedJson& x) {
                                               return x.value("id", "") == m.territories[t].id;
                                           });
                    if (own == (pass == 0)) order.push_back(t);
                }
            for (size_t t : order) {
                if (ImGui::Selectable(
                        (m.territories[t].name.get(ex.lang) + "##" + m.territories[t].id).c_str(),
                        f.territory == int(t)))
                    f.territory = int(t);
                track(ex, "edit-actor-territory-" + m.territories[t].id);
            }
            ImGui::EndCombo();
        }
    }
    fieldProblems(ex, "territory");
    input(ex, L(ex, "Description", "Description"), "edit-actor-description", f.description,
          sizeof f.description, true);
    input(ex, L(ex, "Source : adresse de la page qui l'affirme", "Source: address of the page that says it"),
          "edit-actor-source", f.sourceUrl, sizeof f.sourceUrl);
    input(ex, L(ex, "Lue le (AAAA-MM-JJ)", "Read on (YYYY-MM-DD)"), "edit-actor-verified", f.verified,
          sizeof f.verified);
    fieldProblems(ex, "sources");
    fieldProblems(ex, "url");
    fieldProblems(ex, "verified");

    json name = json::object();
    if (f.name[0]) name["fr"] = f.name;
    if (f.nameEn[0]) name["en"] = f.nameEn;
    const std::string territory = f.territory >= 0 && size_t(f.territory) < m.territories.size()
                                      ? m.territories[size_t(f.territory)].id
                                      : "";
    json command;
    bool any = f.actorId[0] || f.name[0] || f.acronym[0];
    if (!editing) {
        command = {{"cmd", "edit.addActor"},
                   {"id", f.actorId},
                   {"name", name},
                   {"level", id(m.levels, f.level)},
                   {"kind", id(m.actorKinds, f.kind)}};
        if (f.acronym[0]) command["acronym"] = f.acronym;
        if (!territory.empty()) command["territory"] = territory;
        if (f.description[0]) command["description"] = f.description;
        if (f.sourceUrl[0]) command["source"] = {{"url", f.sourceUrl}, {"verified", f.verified}};
        // No position: the layout gives it a place in its level's band; dragging it pins it.
    } else {
        // Only what changed: an inherited actor gets an override of those fields alone.
        const Actor& x = m.actors[size_t(m.findActor(f.editing) >= 0 ? m.findActor(f.editing) : 0)];
        json set = json::object();
        if (f.acronym != x.acronym) set["acronym"] = f.acronym[0] ? json(f.acronym) : json();
        if (f.name != x.name.fr || f.nameEn != x.name.en) set["name"] = name;
        if (f.description != x.description.fr)
            set["description"] = f.description[0] ? json(f.description) : json();
        if (f.level != x.level) set["level"] = id(m.levels, f.level);
        if (f.kind != x.kind) set["kind"] = id(m.actorKinds, f.kind);
        if (f.territory != x.territory) set["territory"] = territory.empty() ? json() : json(territory);
        std::string url = x.sources.empty() ? "" : x.sources[0].url;
        if (f.sourceUrl != url && f.sourceUrl[0])
            set["sources"] = json::array({{{"url", f.sourceUrl}, {"verified", f.verified}}});
        command = {{"cmd", "edit.updateActor"}, {"id", f.editing}, {"set", set}};
        any = !set.empty();
    }
    check(ex, command, any);
    otherProblems(ex, {"id", "name", "level", "kind", "territory", "sources", "url", "verified"});
    ImGui::Spacing();
    if (!editing) {
        if (button(ex, L(ex, "Ajouter l'acteur", "Add the actor"), "edit-actor-add") &&
            send(ex, command).value("ok", false)) {
            clearActor(f);
            f.level = f.kind = -1;
        }
    } else {
        ImGui::BeginDisabled(!any);
        if (button(ex, L(ex, "Appliquer", "Apply"), "edit-actor-apply")) send(ex, command);
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (button(ex, L(ex, "Supprimer l'acteur", "Remove the actor"), "edit-actor-remove")) {
            std::string gone = f.editing;
            select(ex, -1, false);
            send(ex, {{"cmd", "edit.removeActor"}, {"id", gone}});
            clearActor(f);
        }
    }
}

void relationForm(Explorer& ex) {
    EditForms& f = ex.editor.forms;
    const Map& m = ex.map;
    ImGui::TextWrapped(
        "%s", L(ex, "Astuce : avec l'outil « Relier » (ou Alt), glisser d'un acteur à un autre sur la carte.",
                "Tip: with the \"Link\" tool (or Alt), drag from one actor to another on the map."));
    if (ex.selected >= 0 && !f.relFrom[0]) copyTo(f.relFrom, m.actors[size_t(ex.selected)].id);
    input(ex, L(ex, "De (identifiant)", "From (id)"), "edit-rel-from", f.relFrom, sizeof f.relFrom);
    fieldProblems(ex, "from");
    input(ex, L(ex, "Vers (identifiant)", "To (id)"), "edit-rel-to", f.relTo, sizeof f.relTo);
    fieldProblems(ex, "to");
    categoryCombo(ex, L(ex, "Type de relation", "Relation kind"), "edit-rel-kind", m.relationKinds, f.relKind,
                  false);
    fieldProblems(ex, "kind");
    json command = {{"cmd", "edit.addRelation"},
                    {"from", f.relFrom},
                    {"to", f.relTo},
                    {"kind", id(m.relationKinds, f.relKind)}};
    if (addRow(ex, command, f.relFrom[0] && f.relTo[0], {"from", "to", "kind"},
               L(ex, "Ajouter la relation", "Add the relation"), "edit-rel-add"))
        f.relTo[0] = 0;
    // The relations of the selected actor, each removable.
    if (ex.selected >= 0) {
        ImGui::SeparatorText(L(ex, "Relations de l'acteur choisi", "Relations of the chosen actor"));
        for (uint32_t r : ex.incident[size_t(ex.selected)]) {
            const Relation& rel = m.relations[r];
            ImGui::PushID(int(r));
            if (button(ex, "×", ("edit-rel-remove-" + rel.id).c_str())) {
                send(ex, {{"cmd", "edit.removeRelation"}, {"id", rel.id}});
                ImGui::PopID();
                break;
            }
            ImGui::SameLine();
            ImGui::Text("%s → %s (%s)", m.actors[rel.from].label(ex.lang).c_str(),
                        m.actors[rel.to].label(ex.lang).c_str(),
                        m.relationKinds[size_t(rel.kind)].label.get(ex.lang).c_str());
            ImGui::PopID();
        }
    }
}

// The overlay's own items of one section, each with a "×" that removes it (`removeCmd`).
static void removableItems(Explorer& ex, const char* section, const char* key, const char* tag,
                           const char* removeCmd) {
    const OrderedJson& doc = ex.editor.session.doc;
    if (!doc.contains(section)) return;
    for (const OrderedJson& item : doc[section]) {
        const std::string id = item.value(key, "");
        const std::string widget = std::string("edit-") + tag + "-remove-" + id;
        if (button(ex, ("×##" + std::string(tag) + "-" + id).c_str(), widget.c_str())) {
            send(ex, {{"cmd", removeCmd}, {key, id}});
            break;
        }
        ImGui::SameLine();
        ImGui::TextUnformatted(id.c_str());
    }
}

void territoryForm(Explorer& ex) {
    EditForms& f = ex.editor.forms;
    const Map& m = ex.map;
    input(ex, L(ex, "Identifiant (ex. dep-22)", "Id (e.g. dep-22)"), "edit-ter-id", f.terId, sizeof f.terId);
    fieldProblems(ex, "id");
    input(ex, L(ex, "Nom", "Name"), "edit-ter-name", f.terName, sizeof f.terName);
    fieldProblems(ex, "name");
    categoryCombo(ex, L(ex, "Niveau", "Level"), "edit-ter-level", m.levels, f.terLevel, false);
    fieldProblems(ex, "level");
    input(ex,
          L(ex, "Territoire parent (identifiant, ex. ac-rennes)", "Parent territory (id, e.g. ac-rennes)"),
          "edit-ter-parent", f.terParent, sizeof f.terParent);
    fieldProblems(ex, "parent");
    json command = {{"cmd", "edit.addTerritory"},
                    {"id", f.terId},
                    {"name", f.terName},
                    {"level", id(m.levels, f.terLevel)}};
    if (f.terParent[0]) command["parent"] = f.terParent;
    if (addRow(ex, command, f.terId[0] || f.terName[0], {"id", "name", "level", "parent"},
               L(ex, "Ajouter le territoire", "Add the territory"), "edit-ter-add"))
        f.terId[0] = f.terName[0] = f.terParent[0] = 0;
    removableItems(ex, "territories", "id", "ter", "edit.removeTerritory");
}

void glossaryForm(Explorer& ex) {
    EditForms& f = ex.editor.forms;
    input(ex, L(ex, "Sigle ou terme", "Acronym or term"), "edit-glo-term", f.term, sizeof f.term);
    fieldProblems(ex, "term");
    input(ex, L(ex, "Développement", "Expansion"), "edit-glo-expansion", f.expansion, sizeof f.expansion);
    fieldProblems(ex, "expansion");
    input(ex, L(ex, "Définition", "Definition"), "edit-glo-definition", f.definition, sizeof f.definition,
          true);
    fieldProblems(ex, "definition");
    json command = {{"cmd", "edit.addGlossary"},
                    {"term", f.term},
                    {"expansion", f.expansion},
                    {"definition", f.definition}};
    if (addRow(ex, command, f.term[0] || f.expansion[0], {"term", "expansion", "definition"},
               L(ex, "Ajouter au glossaire", "Add to the glossary"), "edit-glo-add"))
        f.term[0] = f.expansion[0] = f.definition[0] = 0;
    removableItems(ex, "glossary", "term", "glo", "edit.removeGlossary");
}

void tourForm(Explorer& ex) {
    EditForms& f = ex.editor.forms;
    input(ex, L(ex, "Visite (identifiant)", "Tour (id)"), "edit-tour-id", f.tourId, sizeof f.tourId);
    fieldProblems(ex, "tour");
    input(ex, L(ex, "Titre de la visite", "Tour title"), "edit-tour-title", f.tourTitle, sizeof f.tourTitle);
    input(ex, L(ex, "Titre de l'étape", "Step title"), "edit-step-title", f.stepTitle, sizeof f.stepTitle);
    fieldProblems(ex, "title");
    input(ex, L(ex, "Texte de l'étape", "Step text"), "edit-step-text", f.stepText, sizeof f.stepText, true);
    fieldProblems(ex, "text");
    if (ex.selected >= 0 && !f.stepFocus[0]) copyTo(f.stepFocus, ex.map.actors[size_t(ex.selected)].id);
    input(ex,
          L(ex, "Acteurs montrés (identifiants, séparés par des virgules)",
            "Actors shown (ids, comma-separated)"),
          "edit-step-focus", f.stepFocus, sizeof f.stepFocus);
    fieldProblems(ex, "focus");
    json command = {{"cmd", "edit.addTourStep"},
                    {"tour", f.tourId},
                    {"title", f.stepTitle},
                    {"text", f.stepText},
                    {"focus", splitIds(f.stepFocus)}};
    if (f.tourTitle[0]) command["tourTitle"] = f.tourTitle;
    if (addRow(ex, command, f.tourId[0] || f.stepTitle[0], {"tour", "title", "text", "focus"},
               L(ex, "Ajouter l'étape", "Add the step"), "edit-step-add"))
        f.stepTitle[0] = f.stepText[0] = 0;
    const OrderedJson& doc = ex.editor.session.doc;
    if (doc.contains("tours"))
        for (const OrderedJson& t : doc["tours"]) {
            std::string tid = t.value("id", "");
            ImGui::Text("%s", tid.c_str());
            for (size_t k = 0; k < t["steps"].size(); ++k) {
                std::string name = "edit-step-remove-" + tid + "-" + std::to_string(k);
                if (button(ex, ("×##" + name).c_str(), name.c_str())) {
                    send(ex, {{"cmd", "edit.removeTourStep"}, {"tour", tid}, {"step", k}});
                    return;
                }
                ImGui::SameLine();
                ImGui::Text("%zu. %s", k + 1,
                            t["steps"][k].contains("title")
                                ? t["steps"][k]["title"].begin()->get<std::string>().c_str()
                                : "");
            }
        }
}

// "What my territory changes": added / overridden / removed relative to the base.
void changesView(Explorer& ex) {
    json c = changes(ex.editor.session);
    ex.editor.forms.checked = json();
    struct Section {
        const char* key;
        const char *fr, *en;
    };
    for (Section sec :
         {Section{"added", "Ajouté", "Added"}, Section{"overridden", "Modifié (override)", "Overridden"},
          Section{"removed", "Retiré (remove)", "Removed"}}) {
        ImGui::SeparatorText(L(ex, sec.fr, sec.en));
        size_t n = 0;
        for (auto list = c[sec.key].begin(); list != c[sec.key].end(); ++list) {
            std::string items;
            if (list.value().is_array())
                for (const json& x : list.value())
                    items += (items.empty() ? "" : ", ") + x.get<std::string>(), ++n;
            else
                for (auto it = list.value().begin(); it != list.value().end(); ++it) {
                    std::string fields;
                    for (const json& f : it.value())
                        fields += (fields.empty() ? "" : ", ") + f.get<std::string>();
                    items += (items.empty() ? "" : " ; ") + it.key() + " (" + fields + ")", ++n;
                }
            if (items.empty()) continue;
            ImGui::TextWrapped("%s : %s", list.key().c_str(), items.c_str());
        }
        if (!n) ImGui::TextDisabled("%s", L(ex, "rien", "nothing"));
        ex.widgets.push_back(
            {std::string("edit-changes-") + sec.key + "-" + std::to_string(n), {0, 0, 0, 0}});
    }
}

void mapForm(Explorer& ex) {
    EditForms& f = ex.editor.forms;
    const OrderedJson& doc = ex.editor.session.doc;
    if (!f.mapId[0]) copyTo(f.mapId, doc.value("id", ""));
    if (!f.mapTitle[0] && doc.contains("title"))
        copyTo(f.mapTitle,
               doc["title"].is_string() ? doc["title"].get<std::string>() : doc["title"].value("fr", ""));
    input(ex, L(ex, "Identifiant de la carte", "Map id"), "edit-map-id", f.mapId, sizeof f.mapId);
    fieldProblems(ex, "id");
    input(ex, L(ex, "Titre", "Title"), "edit-map-title", f.mapTitle, sizeof f.mapTitle);
    input(ex, L(ex, "Qui tient la carte", "Who keeps the map"), "edit-map-maintainer", f.maintainer,
          sizeof f.maintainer);
    json command = {{"cmd", "edit.setMeta"}, {"id", f.mapId}, {"title", f.mapTitle}};
    if (f.maintainer[0]) command["maintainer"] = f.maintainer;
    check(ex, command, true);
    otherProblems(ex, {"id"});
    if (button(ex, L(ex, "Appliquer", "Apply"), "edit-map-apply")) send(ex, command);
    ImGui::TextDisabled("%s : %s", L(ex, "étend", "extends"), doc.value("extends", "—").c_str());
}

}  // namespace

// ---------------------------------------------------------------------------
// 3. The window
// ---------------------------------------------------------------------------

void editorPanel(Explorer& ex) {
    Editor& e = ex.editor;
    EditSession& s = e.session;
    if (!s.active) return;
    ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput) {
        if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiMod_Shift | ImGuiKey_Z) ||
            ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Y))
            send(ex, {{"cmd", "edit.redo"}});
        else if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Z))
            send(ex, {{"cmd", "edit.undo"}});
    }
    const float top = ex.topBarHeight + 8;
    ImGui::SetNextWindowPos(ImVec2(8, top), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(340, 120),
                                        ImVec2(400, std::max(200.0f, ex.height - top - 60)));
    bool open = true;
    std::string title =
        std::string(L(ex, "Modifier la carte", "Edit the map")) + " — " + s.name + "###editor";
    if (!ImGui::Begin(title.c_str(), &open,
                      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    {
        // The window's own rectangle: a form longer than the screen scrolls inside it, and
        // scripts scroll a field into view before they click it.
        const ImVec2 p = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        ex.widgets.push_back({"edit-window", {p.x, p.y, p.x + size.x, p.y + size.y}});
    }
    ImGui::BeginDisabled(s.undo.empty());
    if (button(ex, L(ex, "↶ Annuler", "↶ Undo"), "edit-undo")) send(ex, {{"cmd", "edit.undo"}});
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(s.redo.empty());
    if (button(ex, L(ex, "↷ Rétablir", "↷ Redo"), "edit-redo")) send(ex, {{"cmd", "edit.redo"}});
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Checkbox(L(ex, "Relier", "Link"), &e.relationTool)) e.linkFrom = -1;
    track(ex, "edit-tool-relation");
    if (button(ex, L(ex, "Enregistrer (JSON)", "Save (JSON)"), "edit-save-json"))
        send(ex, {{"cmd", "edit.save"}, {"download", true}});
    ImGui::SameLine();
    if (button(ex, L(ex, "Tableur (CSV)", "Spreadsheets (CSV)"), "edit-save-csv"))
        send(ex, {{"cmd", "edit.saveCsv"}, {"download", true}});
    ImGui::SameLine();
    if (button(ex, L(ex, "Publier", "Publish"), "edit-publish")) send(ex, {{"cmd", "edit.publish"}});
    // The sections as a row of buttons that wraps (a tab bar would cut "Territoire" to "Terri…"
    // in a window this narrow); the open one is drawn pressed.
    struct Tab {
        const char *fr, *en, *name;
        void (*draw)(Explorer&);
    };
    const Tab tabs[] = {{"Acteur", "Actor", "edit-tab-actor", actorForm},
                        {"Relation", "Relation", "edit-tab-relation", relationForm},
                        {"Territoire", "Territory", "edit-tab-territory", territoryForm},
                        {"Glossaire", "Glossary", "edit-tab-glossary", glossaryForm},
                        {"Visite", "Tour", "edit-tab-tour", tourForm},
                        {"Changements", "Changes", "edit-tab-changes", changesView},
                        {"Carte", "Map", "edit-tab-map", mapForm}};
    ImGui::Separator();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    for (int i = 0; i < int(std::size(tabs)); ++i) {
        const char* label = L(ex, tabs[i].fr, tabs[i].en);
        const float w = ImGui::CalcTextSize(label).x + style.FramePadding.x * 2;
        if (i > 0) {
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        }
        const bool current = e.forms.tab == i;
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        const bool pressed = ImGui::Button((std::string(label) + "###" + tabs[i].name).c_str());
        if (current) ImGui::PopStyleColor();
        track(ex, tabs[i].name);
        if (pressed && !current) e.forms.tab = i, e.forms.checkedCommand = "\x01";
    }
    ImGui::Separator();
    if (e.forms.tab < 0 || e.forms.tab >= int(std::size(tabs))) e.forms.tab = 0;
    ImGui::PushItemWidth(-1);
    tabs[e.forms.tab].draw(ex);
    ImGui::PopItemWidth();
    // The last refusal, and the loader's warnings about the document (one-language overrides…).
    if (!e.lastError.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(176, 0, 32, 255));
        ImGui::TextWrapped("%s", e.lastError.c_str());
        ImGui::PopStyleColor();
    }
    for (const EditProblem& p : s.problems)
        if (p.warning) ImGui::TextWrapped("⚠ %s : %s", p.pointer.c_str(), p.message.get(ex.lang).c_str());
    ImGui::End();
    if (!open) editorCommand(ex, {{"cmd", "edit.stop"}});
}

// ---------------------------------------------------------------------------
// 4. Tools on the map
// ---------------------------------------------------------------------------

bool editorMouse(Explorer& ex) {
    Editor& e = ex.editor;
    if (!e.session.active) return false;
    ImGuiIO& io = ImGui::GetIO();
    if (e.linkFrom >= 0) {
        if (size_t(e.linkFrom) >= ex.map.actors.size()) {
            e.linkFrom = -1;
            return false;
        }
        e.linkEnd = {io.MousePos.x, io.MousePos.y};
        float x0 = ex.camera.screenX(ex.x[size_t(e.linkFrom)], ex.width),
              y0 = ex.camera.screenY(ex.y[size_t(e.linkFrom)], ex.height);
        ImGui::GetForegroundDrawList()->AddLine(ImVec2(x0, y0), ImVec2(e.linkEnd[0], e.linkEnd[1]),
                                                IM_COL32(192, 0, 0, 220), 3);
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
            long to = ex.hovered;
            long from = e.linkFrom;
            e.linkFrom = -1;
            if (to >= 0 && to != from) {
                const Map& m = ex.map;
                std::string kind = e.forms.relKind >= 0 && size_t(e.forms.relKind) < m.relationKinds.size()
                                       ? m.relationKinds[size_t(e.forms.relKind)].id
                                       : (m.relationKinds.empty() ? "" : m.relationKinds[0].id);
                json answer = editorCommand(ex, {{"cmd", "edit.addRelation"},
                                                 {"from", m.actors[size_t(from)].id},
                                                 {"to", m.actors[size_t(to)].id},
                                                 {"kind", kind}});
                if (!answer.value("ok", false)) showNotice(ex, e.lastError);
            }
        }
        return true;
    }
    const bool tool = e.relationTool || io.KeyAlt;
    if (tool && !io.WantCaptureMouse && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && ex.hovered >= 0) {
        e.linkFrom = ex.hovered;
        e.linkEnd = {io.MousePos.x, io.MousePos.y};
        return true;
    }
    return false;
}

void editorActorMoved(Explorer& ex, long actor) {
    if (!ex.editor.session.active || actor < 0 || size_t(actor) >= ex.map.actors.size()) return;
    editorCommand(ex, {{"cmd", "edit.moveActor"},
                       {"id", ex.map.actors[size_t(actor)].id},
                       {"x", ex.x[size_t(actor)]},
                       {"y", ex.y[size_t(actor)]}});
}

}  // namespace qfq::ui
