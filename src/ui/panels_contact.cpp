// ui/panels_contact.cpp — "Qui contacter ?": a topic and a place typed to filter, the kind
// of school, and the answer in sentences, nearest first (query/contact.h). The panel sizes
// itself to its answer (no scrolling to find it); on a phone it is a bottom sheet.
//
// Contents
//   1. The answer (recomputed when the question changes)
//   2. Type-to-filter boxes with suggestions
//   3. The panel

#include <algorithm>
#include <cstdio>

#include "query/search.h"
#include "ui/panels.h"
#include "ui/panels_internal.h"

namespace qfq::ui {

// ---------------------------------------------------------------------------
// 1. The answer
// ---------------------------------------------------------------------------

void updateContact(Explorer& ex) {
    uint64_t key = 1469598103934665603ull;
    auto mix = [&key](uint64_t v) { key = (key ^ v) * 1099511628211ull; };
    mix(uint64_t(ex.contactTopic + 2));
    mix(uint64_t(ex.contactTerritory + 2));
    mix(uint64_t(ex.contactSchool + 2));
    mix(uint64_t(ex.lang));
    mix(ex.mapGeneration);
    if (key == ex.contactKey) return;
    ex.contactKey = key;
    ex.contactAnswer = {};
    ex.answerActors.clear();
    if (ex.contactTopic < 0 || size_t(ex.contactTopic) >= ex.map.topics.size()) return;
    query::ContactQuery q;
    q.topic = ex.map.topics[size_t(ex.contactTopic)].id;
    if (ex.contactTerritory >= 0 && size_t(ex.contactTerritory) < ex.map.territories.size())
        q.territory = ex.map.territories[size_t(ex.contactTerritory)].id;
    if (ex.contactSchool >= 0 && size_t(ex.contactSchool) < ex.map.actors.size())
        q.school = ex.map.actors[size_t(ex.contactSchool)].id;
    q.lang = ex.lang;
    ex.contactAnswer = query::answerContact(ex.map, q);
    for (const query::ContactLine& l : ex.contactAnswer.lines)
        if (std::find(ex.answerActors.begin(), ex.answerActors.end(), l.actor) == ex.answerActors.end())
            ex.answerActors.push_back(l.actor);
}

// ---------------------------------------------------------------------------
// 2. Type-to-filter boxes
// ---------------------------------------------------------------------------

namespace {

struct Choice {
    int index;
    std::string id, label;
};

// An input box; while it is being typed in (or its list is under the mouse), the matching
// choices below it. Enter takes the first; returns the chosen one's index, or -2.
int filterBox(Explorer& ex, const char* id, const char* hint, char* text, size_t size, int which,
              const std::vector<Choice>& choices, const std::string& trackPrefix) {
    static ImVec2 listMin[3], listMax[3];  // last frame's list, per box (a click ends on it)
    ImGui::SetNextItemWidth(-1);
    const bool enter = ImGui::InputTextWithHint(
        id, hint, text, size, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    track(ex, trackPrefix);
    if (ImGui::IsItemActive()) ex.contactList = which;
    const bool hoveringList = ImGui::IsMouseHoveringRect(listMin[which], listMax[which], false);
    if (ex.contactList == which && !ImGui::IsItemActive() && !hoveringList) ex.contactList = 0;
    if (enter && !choices.empty()) {
        ex.contactList = 0;
        return choices[0].index;
    }
    listMin[which] = listMax[which] = ImVec2(0, 0);
    if (ex.contactList != which) return -2;
    int chosen = -2;
    ImGui::BeginGroup();
    ImGui::Indent();
    for (size_t i = 0; i < choices.size() && i < 8; ++i) {
        if (wrappedSelectable(("##" + trackPrefix + std::to_string(i)).c_str(), choices[i].label, i == 0,
                              touchHeight(ex)))
            chosen = choices[i].index;
        track(ex, trackPrefix + "-" + choices[i].id);
    }
    if (choices.empty()) mutedWrapped(T(ex, S::SearchNoResult));
    ImGui::Unindent();
    ImGui::EndGroup();
    listMin[which] = ImGui::GetItemRectMin();
    listMax[which] = ImGui::GetItemRectMax();
    if (chosen != -2) ex.contactList = 0;
    return chosen;
}

}  // namespace

// ---------------------------------------------------------------------------
// 3. The panel
// ---------------------------------------------------------------------------

void contactPanel(Explorer& ex) {
    ex.contactRect = {};
    if (!ex.showContact) return;
    const Lang L = ex.lang;
    float w, maxH;
    if (ex.phone) {
        // A bottom sheet, under the card if one is open.
        w = ex.width;
        maxH = std::round(ex.height * 0.62f);
        ImGui::SetNextWindowPos(ImVec2(0, ex.height), ImGuiCond_Always, ImVec2(0, 1));
    } else {
        // Left of the card, below the bar: as tall as its answer, up to the screen's bottom.
        const float cardW = ex.showCard && ex.selected >= 0 ? std::min(440.0f, ex.width * 0.9f) + 16 : 0;
        w = std::clamp(ex.width - cardW - 16, 320.0f, 600.0f);
        maxH = ex.height - ex.topBarHeight - 16;
        ImGui::SetNextWindowPos(ImVec2(8, ex.topBarHeight + 8), ImGuiCond_Always);
    }
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, maxH));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse;
    std::string title = std::string(T(ex, S::Contact)) + "###contact";
    if (ImGui::Begin(title.c_str(), &ex.showContact, flags)) {
        ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
        ex.contactRect = {wp.x, wp.y, wp.x + ws.x, wp.y + ws.y};
        trackRect(ex, "contact-panel", wp, ImVec2(wp.x + ws.x, wp.y + ws.y));

        // Topic: the map's topic labels, filtered by what is typed.
        ImGui::TextUnformatted(T(ex, S::ContactTopic));
        // Until something new is typed (the box holds the chosen label), every topic is offered.
        const bool typedTopic = ex.contactList == 1 &&
                                !(ex.contactTopic >= 0 && size_t(ex.contactTopic) < ex.map.topics.size() &&
                                  ex.map.topics[size_t(ex.contactTopic)].label.get(L) == ex.contactTopicText);
        std::vector<Choice> topics;
        for (int t : query::matchTopics(ex.map, typedTopic ? ex.contactTopicText : "", L))
            topics.push_back({t, ex.map.topics[size_t(t)].id, ex.map.topics[size_t(t)].label.get(L)});
        int t = filterBox(ex, "##ctopic", T(ex, S::ContactTopicHint), ex.contactTopicText,
                          sizeof ex.contactTopicText, 1, topics, "contact-topic");
        if (t >= 0) {
            ex.contactTopic = t;
            ex.contactAll = false;
        }
        if (ex.contactList != 1 && ex.contactTopic >= 0 && size_t(ex.contactTopic) < ex.map.topics.size())
            std::snprintf(ex.contactTopicText, sizeof ex.contactTopicText, "%s",
                          ex.map.topics[size_t(ex.contactTopic)].label.get(L).c_str());

        // Place: territories whose name starts with what is typed.
        ImGui::TextUnformatted(T(ex, S::ContactPlace));
        const bool typedPlace =
            ex.contactList == 2 &&
            !(ex.contactTerritory >= 0 && size_t(ex.contactTerritory) < ex.map.territories.size() &&
              ex.map.territories[size_t(ex.contactTerritory)].name.get(L) == ex.contactPlaceText);
        std::vector<Choice> places;
        for (int p : query::matchTerritories(ex.map, typedPlace ? ex.contactPlaceText : "", 8))
            places.push_back(
                {p, ex.map.territories[size_t(p)].id, ex.map.territories[size_t(p)].name.get(L)});
        int p = filterBox(ex, "##cplace", T(ex, S::ContactPlaceHint), ex.contactPlaceText,
                          sizeof ex.contactPlaceText, 2, places, "contact-place");
        if (p >= 0) ex.contactTerritory = p;
        if (ex.contactList != 2 && ex.contactTerritory >= 0 &&
            size_t(ex.contactTerritory) < ex.map.territories.size())
            std::snprintf(ex.contactPlaceText, sizeof ex.contactPlaceText, "%s",
                          ex.map.territories[size_t(ex.contactTerritory)].name.get(L).c_str());

        // Kind of school: who answers first depends on it (head and RUPN, or the ERUN).
        ImGui::TextUnformatted(T(ex, S::ContactSchool));
        ImGui::SameLine();
        const float h = touchHeight(ex);
        auto option = [&ex](const std::string& label, long value, const std::string& name) {
            const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x +
                                ImGui::CalcTextSize(label.c_str()).x + ImGui::GetFrameHeight() +
                                ImGui::GetStyle().ItemInnerSpacing.x;
            if (right > ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
            if (ImGui::RadioButton((label + "##" + name).c_str(), ex.contactSchool == value))
                ex.contactSchool = value;
            track(ex, name);
            ImGui::SameLine();
        };
        option(T(ex, S::AnySchool), -1, "contact-school-any");
        for (uint32_t s : query::schoolKinds(ex.map)) {
            option(query::schoolNoun(ex.map, s, L), long(s), "contact-school-" + ex.map.actors[s].id);
        }
        ImGui::NewLine();
        ImGui::Separator();

        updateContact(ex);
        const query::ContactAnswer& ans = ex.contactAnswer;
        if (ex.contactTopic < 0) {
            mutedWrapped(T(ex, S::ContactChooseTopic));
        } else if (!ans.ok) {
            mutedWrapped(ans.error);
        } else if (ans.lines.empty()) {
            mutedWrapped(T(ex, S::ContactNobody));
        } else {
            wrapped(T(ex, S::ContactAnswerFor));
            const size_t shown = ex.contactAll ? ans.lines.size() : std::min<size_t>(ans.lines.size(), 8);
            for (size_t i = 0; i < shown; ++i) {
                const query::ContactLine& l = ans.lines[i];
                const Actor& actor = ex.map.actors[l.actor];
                swatch(ex.map.actorKinds[size_t(actor.kind)].colour, actor.confidence == Confidence::Unsure);
                std::string text = std::to_string(i + 1) + ". " + l.sentence;
                if (wrappedSelectable(("##cl" + std::to_string(i)).c_str(), text,
                                      ex.selected == long(l.actor), h)) {
                    select(ex, long(l.actor), true);  // the card of this very actor (the territory's own)
                    ex.cardTerritory = ex.contactAnswer.territory;  // and its office there
                }
                track(ex, "contact-line-" + std::to_string(i));
            }
            if (shown < ans.lines.size()) {
                char more[96];
                std::snprintf(more, sizeof more, T(ex, S::ContactMore), int(ans.lines.size()));
                if (ImGui::Button(more)) ex.contactAll = true;
                track(ex, "contact-more");
            }
            mutedWrapped(T(ex, S::ContactHowTo));
        }
    }
    ImGui::End();
    if (!ex.showContact) ex.answerActors.clear(), ex.contactKey = 0;
}

}  // namespace qfq::ui
