// ui/explorer_status.cpp — window.qfq.status(): what the explorer shows now, as JSON, for tests
// and users' scripts (the map, the selection, the camera, open panels, tracked widgets, the
// editor's session).

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "ui/explorer.h"
#include "ui/map_draw.h"
#include "ui/panels.h"
#include "ui/present.h"
#include "ui/strings.h"
#include "ui/variants.h"

namespace qfq::ui {

// ---------------------------------------------------------------------------
// status(): what the explorer shows, as JSON
// ---------------------------------------------------------------------------

std::string statusJson(const Explorer& ex) {
    auto actorIds = [&](const std::vector<uint32_t>& actors) {
        nlohmann::json ids = nlohmann::json::array();
        for (uint32_t a : actors) ids.push_back(ex.map.actors[a].id);
        return ids;
    };
    nlohmann::json j;
    j["ready"] = ex.hasMap && !ex.layoutRunning;
    j["map"] = ex.hasMap ? ex.map.id : "";
    j["mapRef"] = ex.mapRef;
    j["nodes"] = ex.hasMap ? ex.scene.visibleActors : 0;
    j["edges"] = ex.hasMap ? ex.scene.visibleRelations : 0;
    j["actors"] = ex.map.actors.size();
    j["relations"] = ex.map.relations.size();
    j["layoutProgress"] = ex.layoutRunning ? ex.run.progress() : 1.0f;
    // Something is still moving (layout, transition, camera flight): tests wait for false.
    j["layoutMs"] = ex.layoutMs;  // wall time of the last layout (sliced over frames)
    j["animating"] = ex.layoutRunning || ex.transition < 1 || ex.camera.animating;
    j["selected"] = ex.selected >= 0 ? ex.map.actors[size_t(ex.selected)].id : "";
    j["hovered"] = ex.hovered >= 0 ? ex.map.actors[size_t(ex.hovered)].id : "";
    j["focused"] = ex.focused >= 0 ? ex.map.actors[size_t(ex.focused)].id : "";
    j["cardOpen"] = ex.showCard && ex.selected >= 0;
    j["variant"] = ex.variant >= 0 ? ex.map.variants[size_t(ex.variant)].id : "";
    j["variants"] = ex.map.variants.size();
    j["variantsListed"] = ex.variantListed;
    j["lang"] = ex.lang == Lang::Fr ? "fr" : "en";
    // animating: a camera flight is under way (tests wait for it to end, not for a fixed time).
    j["camera"] = {
        {"x", ex.camera.x}, {"y", ex.camera.y}, {"zoom", ex.camera.zoom}, {"animating", ex.camera.animating}};
    j["width"] = ex.width;
    j["height"] = ex.height;
    j["dpr"] = ex.dpr;
    j["labels"] = ex.labels.size();
    j["card"] = ex.cardLines;
    j["path"] = actorIds(ex.pathActors);
    j["glossaryOpen"] = ex.showGlossary;
    j["present"] = ex.present;
    j["embed"] = ex.embed;
    j["tour"] = ex.tour >= 0 ? ex.map.tours[size_t(ex.tour)].id : "";
    j["tourStep"] = ex.tourStep;
    // The step's frame check (ui/present.cpp): "checking" until the step's frame is final.
    j["tourFrame"] = ex.tourFrame.pending ? "checking" : "done";
    j["presentScale"] = ex.presentScale;
    j["tourFocus"] = actorIds(ex.tourFocus);
    j["glossary"] = ex.glossaryLines;
    // Window layout, for tests that check what a person sees: the card's content edge vs the
    // right end of its text, the panels' rectangles, the answer's lines.
    j["phone"] = ex.phone;
    j["topBarHeight"] = ex.topBarHeight;
    j["searchOpen"] = ex.searchOpen && ex.searchText[0];
    j["cardRect"] = ex.cardRect;
    j["cardContentRight"] = ex.cardContentRight;
    j["cardTextRight"] = ex.cardTextRight;
    {
        nlohmann::json c;
        c["open"] = ex.showContact;
        c["rect"] = ex.contactRect;
        c["topic"] = ex.contactTopic >= 0 && size_t(ex.contactTopic) < ex.map.topics.size()
                         ? ex.map.topics[size_t(ex.contactTopic)].id
                         : "";
        c["territory"] = ex.contactTerritory >= 0 && size_t(ex.contactTerritory) < ex.map.territories.size()
                             ? ex.map.territories[size_t(ex.contactTerritory)].id
                             : "";
        c["school"] = ex.contactSchool >= 0 ? ex.map.actors[size_t(ex.contactSchool)].id : "";
        c["error"] = ex.contactAnswer.error;
        c["topicText"] = ex.contactTopicText;
        c["placeText"] = ex.contactPlaceText;
        static const char* kGroups[] = {"school", "authority", "office", "service"};
        nlohmann::json lines = nlohmann::json::array();
        for (const query::ContactLine& l : ex.contactAnswer.lines)
            lines.push_back(
                {{"actor", ex.map.actors[l.actor].id},
                 {"group", kGroups[int(l.group)]},
                 {"office", l.office},
                 {"territory", l.territory >= 0 ? ex.map.territories[size_t(l.territory)].id : ""},
                 {"sentence", l.sentence},
                 {"url", l.url}});
        c["lines"] = lines;
        j["contact"] = c;
    }
    j["pathFrom"] = ex.pathFrom >= 0 && size_t(ex.pathFrom) < ex.map.actors.size()
                        ? ex.map.actors[size_t(ex.pathFrom)].id
                        : "";
    {
        nlohmann::json paths = nlohmann::json::array();
        for (const query::Path& p : ex.pathResult.paths) {
            nlohmann::json kinds = nlohmann::json::array();
            for (uint32_t r : p.relations)
                kinds.push_back(ex.map.relationKinds[size_t(ex.map.relations[r].kind)].id);
            paths.push_back({{"actors", actorIds(p.actors)}, {"kinds", kinds}, {"cost", p.cost}});
        }
        j["paths"] = paths;
    }
    nlohmann::json widgets = nlohmann::json::object();
    for (const auto& [name, r] : ex.widgets) widgets[name] = {r[0], r[1], r[2], r[3]};
    j["widgets"] = widgets;
    j["searchText"] = ex.searchText;
    j["textInput"] = ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput;
    j["pendingSearch"] = ex.pendingSearchChars;
    j["notice"] = ex.timeMs < ex.noticeUntil ? ex.notice : "";
    j["cpuFrameMs"] = ex.frameCpuMs;
    nlohmann::json errors = nlohmann::json::array();
    for (const io::Problem& p : ex.problems)
        if (!p.warning) errors.push_back(io::formatProblem(p, ex.lang));
    j["errors"] = errors;
    j["edit"] = editorStatus(ex);
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace qfq::ui
