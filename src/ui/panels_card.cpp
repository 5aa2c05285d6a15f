// ui/panels_card.cpp — the actor card: who it is, its relations, sources, and how another
// actor reaches it ("Chemin depuis…"). Everything wraps at the card's edge.
//
// Contents
//   1. Path from another actor (institutional chain first)
//   2. The card (a column on the right; a bottom sheet on a phone)

#include <algorithm>
#include <cstdio>
#include <map>

#include "ui/panels.h"
#include "ui/panels_internal.h"
#include "ui/theme.h"

namespace qfq::ui {

// ---------------------------------------------------------------------------
// 1. Path from another actor
// ---------------------------------------------------------------------------

// Runs the chain search from `from` to `to` and highlights the best path.
void findPath(Explorer& ex, long from, long to) {
    ex.pathFrom = from;
    ex.pathResult = {};
    ex.pathActors.clear();
    if (from < 0 || to < 0) return;
    ex.pathResult = ex.network.chainPaths(uint32_t(from), uint32_t(to), 3);
    if (!ex.pathResult.paths.empty()) ex.pathActors = ex.pathResult.paths[0].actors;
}

// "DNE —pilote→ DRANE —est partenaire de→ IA-DASEN …" and the relation kinds it follows.
static std::string pathSentence(const Explorer& ex, const query::Path& path, std::string& follows) {
    std::string sentence;
    std::vector<std::string> kinds;
    for (size_t i = 0; i < path.actors.size(); ++i) {
        sentence += ex.map.actors[path.actors[i]].label(ex.lang);
        if (i + 1 >= path.actors.size()) break;
        const Relation& rel = ex.map.relations[path.relations[i]];
        const Category& k = ex.map.relationKinds[size_t(rel.kind)];
        const std::string& verb = k.verb.empty() ? k.label.get(ex.lang) : k.verb.get(ex.lang);
        sentence += path.forward[i] ? " —" + verb + "→ " : " ←" + verb + "— ";
        if (std::find(kinds.begin(), kinds.end(), k.label.get(ex.lang)) == kinds.end())
            kinds.push_back(k.label.get(ex.lang));
    }
    follows = T(ex, S::PathFollows);
    for (size_t i = 0; i < kinds.size(); ++i) follows += (i ? ", " : "") + kinds[i];
    return sentence;
}

static void pathFrom(Explorer& ex, uint32_t a, std::vector<std::string>& lines) {
    ImGui::SeparatorText(T(ex, S::PathFrom));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##pathfrom", T(ex, S::SearchHint), ex.pathQuery, sizeof ex.pathQuery))
        ex.pathHits = ex.searchIndex.search(ex.pathQuery, 6);
    track(ex, "path-from");
    if (ex.pathQuery[0]) {
        for (size_t i = 0; i < ex.pathHits.size(); ++i) {
            const query::Hit& h = ex.pathHits[i];
            if (h.glossary || h.index == a) continue;
            const Actor& o = ex.map.actors[h.index];
            std::string text = o.label(ex.lang);
            if (!o.acronym.empty()) text += " — " + actorName(ex, o).get(ex.lang);
            bool chosen =
                wrappedSelectable(("##ph" + std::to_string(i)).c_str(), text, false, touchHeight(ex));
            track(ex, "path-hit-" + o.id);
            noteExtent(ex);
            if (chosen) {
                findPath(ex, long(h.index), long(a));
                ex.pathQuery[0] = 0;
                ex.pathHits.clear();
            }
        }
    }
    if (ex.pathFrom < 0 || size_t(ex.pathFrom) >= ex.map.actors.size()) return;
    if (ex.pathResult.paths.empty()) {
        mutedWrapped(T(ex, S::NoPath));
        lines.push_back(T(ex, S::NoPath));
        return;
    }
    char head[512];
    std::snprintf(head, sizeof head, T(ex, S::PathHow),
                  ex.map.actors[size_t(ex.pathFrom)].label(ex.lang).c_str(),
                  ex.map.actors[a].label(ex.lang).c_str());
    wrapped(head);
    noteExtent(ex);
    lines.push_back(head);
    if (ex.pathResult.undirected) {
        mutedWrapped(T(ex, S::PathUndirected));
        lines.push_back(T(ex, S::PathUndirected));
    }
    for (size_t p = 0; p < ex.pathResult.paths.size(); ++p) {
        const query::Path& path = ex.pathResult.paths[p];
        std::string follows;
        std::string sentence = std::to_string(p + 1) + ". " + pathSentence(ex, path, follows);
        if (wrappedSelectable(("##path" + std::to_string(p)).c_str(), sentence, ex.pathActors == path.actors,
                              touchHeight(ex)))
            ex.pathActors = path.actors;
        track(ex, "path-result-" + std::to_string(p));
        noteExtent(ex);
        ImGui::Indent();
        mutedWrapped(follows);
        noteExtent(ex);
        ImGui::Unindent();
        lines.push_back(sentence);
        lines.push_back("   " + follows);
    }
    if (ex.pathResult.truncated) {
        mutedWrapped(T(ex, S::PathTruncated));
        lines.push_back(T(ex, S::PathTruncated));
    }
}

// ---------------------------------------------------------------------------
// 2. The card
// ---------------------------------------------------------------------------

void card(Explorer& ex) {
    ex.cardRect = {};
    if (ex.selected < 0 || !ex.showCard) {
        ex.cardLines.clear();
        return;
    }
    const uint32_t a = uint32_t(ex.selected);
    const Actor& actor = ex.map.actors[a];
    if (ex.phone) {
        // A bottom sheet: the map stays visible above it.
        const float h = std::round(ex.height * 0.55f);
        ImGui::SetNextWindowPos(ImVec2(0, ex.height - h), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(ex.width, h), ImGuiCond_Always);
    } else {
        const float w = std::min(440.0f, ex.width * 0.9f);
        ImGui::SetNextWindowPos(ImVec2(ex.width - w - 8, ex.topBarHeight + 8), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(w, std::max(200.0f, ex.height - ex.topBarHeight - 16)),
                                 ImGuiCond_Always);
    }
    bool open = true;
    std::vector<std::string> lines;  // what the card shows, for the page's accessible mirror
    std::string title = std::string(T(ex, S::Card)) + " — " + actor.label(ex.lang) + "###card";
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse;
    if (ImGui::Begin(title.c_str(), &open, flags)) {
        ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
        ex.cardRect = {wp.x, wp.y, wp.x + ws.x, wp.y + ws.y};
        trackRect(ex, "card-panel", wp, ImVec2(wp.x + ws.x, wp.y + ws.y));
        ex.cardContentRight = wp.x + ImGui::GetWindowContentRegionMax().x;
        ex.cardTextRight = 0;
        const Lang L = ex.lang;
        if (!actor.acronym.empty()) {
            ImGui::SetWindowFontScale(1.35f);
            wrapped(actor.acronym);
            noteExtent(ex);
            ImGui::SetWindowFontScale(1.0f);
            lines.push_back(actor.acronym);
        }
        wrapped(actorName(ex, actor).get(L));
        noteExtent(ex);
        lines.push_back(actorName(ex, actor).get(L));
        // Opened from a contact answer: this role's office in the territory asked about.
        int officeAt = -1;
        const Office* office = actor.territory < 0 && ex.cardTerritory >= 0
                                   ? query::officeFor(ex.map, a, ex.cardTerritory, &officeAt)
                                   : nullptr;
        if (office && officeAt >= 0) {
            ImGui::Separator();
            std::string here = ex.map.territories[size_t(officeAt)].name.get(L) + " : " + office->name.get(L);
            if (office->confidence == Confidence::Unsure) here += std::string(" (") + T(ex, S::Unsure) + ")";
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(theme::kTerm.r, theme::kTerm.g, theme::kTerm.b, 1));
            wrapped(here);
            ImGui::PopStyleColor();
            noteExtent(ex);
            lines.push_back(here);
            if (!office->description.empty()) {
                wrapped(office->description.get(L));
                noteExtent(ex);
                lines.push_back(office->description.get(L));
            }
            if (!office->url.empty()) {
                const ImU32 c =
                    ImGui::ColorConvertFloat4ToU32(ImVec4(theme::kLink.r, theme::kLink.g, theme::kLink.b, 1));
                std::string site = std::string(T(ex, S::Website)) + " : " + office->url;
                if (wrappedSelectable("##office-site", site, false, touchHeight(ex), c))
                    requestPage("open-url", office->url);
                track(ex, "card-office-site");
                noteExtent(ex);
                lines.push_back(site);
            }
            for (size_t i = 0; i < office->sources.size(); ++i) {
                const Source& src = office->sources[i];
                std::string t = std::string(T(ex, S::Sources)) + " : " +
                                (src.title.empty() ? src.url : src.title + " — " + src.url);
                mutedWrapped(t);
                noteExtent(ex);
                lines.push_back(t);
            }
            ImGui::Separator();
        }
        ImGui::Spacing();
        const Category& kind = ex.map.actorKinds[size_t(actor.kind)];
        swatch(kind.colour);
        std::string kindLevel = kind.label.get(L) + " · " + ex.map.levels[size_t(actor.level)].label.get(L);
        wrapped(kindLevel);
        noteExtent(ex);
        lines.push_back(kindLevel);
        std::string territory =
            std::string(T(ex, S::Territory)) + " : " +
            (actor.territory >= 0 ? ex.map.territories[size_t(actor.territory)].name.get(L)
                                  : T(ex, S::Everywhere));
        mutedWrapped(territory);
        noteExtent(ex);
        lines.push_back(territory);
        bool unsure = actor.confidence == Confidence::Unsure;
        std::string confidence =
            std::string(T(ex, S::Confidence)) + " : " + T(ex, unsure ? S::Unsure : S::Sure);
        const Rgb c = unsure ? theme::kUnsure : theme::kSure;
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(c.r, c.g, c.b, 1));
        wrapped(confidence);
        ImGui::PopStyleColor();
        noteExtent(ex);
        lines.push_back(confidence);
        for (const FormerName& f : actor.formerNames) {
            // "ancien nom : DANE (délégation académique…), jusqu’en 2020": the date in words.
            std::string s = std::string(T(ex, S::FormerName)) + " : " + f.name;
            if (!f.expansion.empty()) s += " (" + f.expansion.get(L) + ")";
            if (!f.until.empty()) s += ", " + untilInWords(f.until, L);
            mutedWrapped(s);
            noteExtent(ex);
            lines.push_back(s);
        }
        if (!actor.aliases.empty()) {
            std::string s = std::string(T(ex, S::Alias)) + " : ";
            for (size_t i = 0; i < actor.aliases.size(); ++i) s += (i ? ", " : "") + actor.aliases[i];
            mutedWrapped(s);
            noteExtent(ex);
            lines.push_back(s);
        }
        const Text& description = actorDescription(ex, actor);
        if (!description.empty()) {
            ImGui::Separator();
            wrapped(description.get(L));
            noteExtent(ex);
            lines.push_back(description.get(L));
        }
        if (!actor.missions.empty()) {
            ImGui::SeparatorText(T(ex, S::Missions));
            lines.push_back(T(ex, S::Missions));
            for (const Text& m : actor.missions) {
                ImGui::Bullet();
                wrapped(m.get(L));
                noteExtent(ex);
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
            wrapped(rk.label.get(L));
            noteExtent(ex);
            lines.push_back(rk.label.get(L) + " :");
            ImGui::Indent();
            for (uint32_t r : rels) {
                const Relation& rel = ex.map.relations[r];
                bool outgoing = rel.from == a;
                uint32_t other = outgoing ? rel.to : rel.from;
                const char* arrow = !rel.directed ? "↔" : outgoing ? "→" : "←";
                actorLink(ex, other, rel.id.c_str(), arrow);
                noteExtent(ex);
                if (!rel.description.empty() && ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s", rel.description.get(L).c_str());
                const Actor& o = ex.map.actors[other];
                lines.push_back(std::string("  ") + arrow + " " + o.label(L) +
                                (o.acronym.empty() ? "" : " — " + actorName(ex, o).get(L)));
            }
            ImGui::Unindent();
        }
        const Rgb link = theme::kLink;
        const ImU32 linkColour = ImGui::ColorConvertFloat4ToU32(ImVec4(link.r, link.g, link.b, 1));
        if (!actor.url.empty()) {
            ImGui::Separator();
            std::string site = std::string(T(ex, S::Website)) + " : " + actor.url;
            if (wrappedSelectable("##site", site, false, touchHeight(ex), linkColour))
                requestPage("open-url", actor.url);
            track(ex, "card-site");
            noteExtent(ex);
            lines.push_back(site);
        }
        if (!actor.sources.empty()) {
            ImGui::SeparatorText(T(ex, S::Sources));
            lines.push_back(T(ex, S::Sources));
            for (size_t i = 0; i < actor.sources.size(); ++i) {
                const Source& s = actor.sources[i];
                // The address itself, wrapped: a reader sees where the claim was read.
                std::string text = s.title.empty() ? s.url : s.title + " — " + s.url;
                if (wrappedSelectable(("##src" + std::to_string(i)).c_str(), text, false, touchHeight(ex),
                                      linkColour))
                    requestPage("open-url", s.url);
                track(ex, "card-source-" + std::to_string(i));
                noteExtent(ex);
                std::string verified;
                if (!s.verified.empty()) {
                    verified = std::string(T(ex, S::Verified)) + " " + dayInWords(s.verified, L);
                    ImGui::Indent();
                    mutedWrapped(verified);
                    ImGui::Unindent();
                    noteExtent(ex);
                }
                lines.push_back(s.url + (verified.empty() ? "" : " (" + verified + ")"));
            }
        }
        pathFrom(ex, a, lines);
    }
    ImGui::End();
    ex.cardLines = std::move(lines);
    if (!open) ex.showCard = false;
}

}  // namespace qfq::ui
