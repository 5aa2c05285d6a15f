// ui/present.cpp — facilitator mode and guided tours.
//
// Contents
//   1. Tours: start, step, what each step highlights and where the camera goes
//   2. Presenter keys (arrows, space, PageUp/PageDown clickers, +/− type size, F full screen)
//   3. Drawing: step caption, tour picker, laser pointer
//
// In facilitator mode the chrome is hidden, type is large and the theme high-contrast for
// weak projectors; a tour's step focuses some actors (and a path) and fades the rest.

#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "layout/labels.h"
#include "ui/explorer.h"
#include "ui/map_draw.h"
#include "ui/map_text.h"
#include "ui/panels.h"
#include "ui/present.h"
#include "ui/strings.h"

namespace qfq::ui {

// ---------------------------------------------------------------------------
// 1. Tours
// ---------------------------------------------------------------------------

// Once a step's flight has ended, a context actor the frame's right edge (or the toolbar) cuts
// may have found no room for its label, or pushed a neighbour's away. Then the frame may slide,
// within what keeps the step's focus on screen, to bring such an actor's label in whole or to
// leave the actor out: each slide is tried on the placement itself (nothing drawn), and the
// one that leaves fewest actors in view unlabelled is flown to, if it beats the frame as drawn.
static void reframeTourStep(Explorer& ex) {
    Explorer::TourFrame& f = ex.tourFrame;
    if (ex.tour < 0 || !f.pending) return;
    if (ex.camera.animating || ex.transition < 1 || ex.layoutRunning) {
        f.wait = 0;
        return;
    }
    if (++f.wait < 2) return;  // ex.drawn is then a frame drawn where the flight ended
    f.pending = false;
    const int unlabelled = unlabelledInView(ex);
    if (unlabelled == 0) return;
    const float W = ex.width, H = ex.height, zoom = ex.camera.zoom, top = f.top;
    const float cx = ex.camera.x, cy = ex.camera.y;
    // Slides (world units; + moves the view right / down) that keep the focus on screen.
    const float dxLo = (f.box[2] * zoom + 8.0f - W) / zoom - (cx - W * 0.5f / zoom),
                dxHi = (f.box[0] * zoom - 8.0f) / zoom - (cx - W * 0.5f / zoom);
    const float dyLo = (f.box[3] * zoom + f.bottom - H) / zoom - (cy - H * 0.5f / zoom),
                dyHi = (f.box[1] * zoom - top) / zoom - (cy - H * 0.5f / zoom);
    std::vector<std::array<float, 2>> slides;
    auto consider = [&](float dx, float dy) {
        if (dx >= dxLo && dx <= dxHi && dy >= dyLo && dy <= dyHi && slides.size() < 16)
            slides.push_back({dx, dy});
    };
    for (const render::DrawnNode& d : ex.drawn.nodes) {
        const uint32_t a = d.actor;
        if (d.x < 0 || d.y < 0 || d.x > W || d.y > H || a >= ex.labelTexts.size()) continue;
        const layout::Box b = layout::labelBox(d.x, d.y, d.r, ex.labelTexts[a].widthEm,
                                               std::max(1, ex.labelTexts[a].count), ex.layoutFont * zoom);
        if (b.x1 > W) {  // its label would run past the right edge: bring it in, or leave it out
            consider((b.x1 - W + 4.0f) / zoom, 0);
            consider(-(W - d.x + d.r + 4.0f) / zoom, 0);
        }
        if (b.y0 < top) {  // under the toolbar: down, or out above (its centre under the bar)
            consider(0, -(top - b.y0 + 2.0f) / zoom);
            consider(0, (d.y - ex.topBarHeight + 2.0f) / zoom);
        }
    }
    int fewest = unlabelled;
    std::array<float, 2> best{0, 0};
    for (const auto& sl : slides) {
        const int n = unlabelledInViewAt(ex, cx + sl[0], cy + sl[1]);
        if (n < fewest ||
            (n == fewest && n < unlabelled && std::hypot(sl[0], sl[1]) < std::hypot(best[0], best[1])))
            fewest = n, best = sl;
    }
    if (fewest < unlabelled) ex.camera.flyTo(cx + best[0], cy + best[1], zoom);
}

// Focus actors and path of the current step; the camera flies to frame them.
void applyTourStep(Explorer& ex) {
    ex.tourFocus.clear();
    ex.pathActors.clear();
    if (ex.tour < 0 || size_t(ex.tour) >= ex.map.tours.size()) return;
    const Tour& tour = ex.map.tours[size_t(ex.tour)];
    if (tour.steps.empty()) return;
    ex.tourStep = std::clamp(ex.tourStep, 0, int(tour.steps.size()) - 1);
    const TourStep& step = tour.steps[size_t(ex.tourStep)];
    ex.tourFocus = step.focus;
    if (step.path.size() >= 2) {
        query::PathResult r = ex.network.paths(step.path.front(), step.path.back(), 1);
        if (!r.paths.empty()) ex.pathActors = r.paths[0].actors;
    }
    // Frame the focus and the path: their discs and labels (as the layout reserved them),
    // in the screen above the step's caption, without cropping anything.
    const std::vector<float>& xs = ex.transition < 1 ? ex.targetX : ex.x;
    const std::vector<float>& ys = ex.transition < 1 ? ex.targetY : ex.y;
    float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
    auto include = [&](uint32_t a) {
        const float r = ex.radius[a];
        const float em = a < ex.labelTexts.size() ? ex.labelTexts[a].widthEm : 4.0f;
        const int lines = a < ex.labelTexts.size() ? std::max(1, ex.labelTexts[a].count) : 1;
        const layout::Box b = layout::labelBox(xs[a], ys[a], r, em, lines, ex.layoutFont);
        x0 = std::min(x0, xs[a] - r), x1 = std::max(x1, b.x1);
        y0 = std::min(y0, std::min(ys[a] - r, b.y0)), y1 = std::max(y1, std::max(ys[a] + r, b.y1));
    };
    for (uint32_t a : ex.tourFocus) include(a);
    for (uint32_t a : ex.pathActors) include(a);
    if (x0 > x1) return;
    const float top = ex.present ? 16.0f : ex.topBarHeight + 8.0f;
    const float bottom = ex.height * (ex.present ? 0.30f : 0.26f);  // the caption
    const float w = std::max(ex.width - 80.0f, 100.0f),
                h = std::max(ex.height - top - bottom - 24.0f, 100.0f);
    float zoom =
        step.zoom > 0 ? step.zoom : std::min(w / std::max(x1 - x0, 1.0f), h / std::max(y1 - y0, 1.0f));
    // Beyond the zoom where labels reach their largest size, zooming in only crops context.
    zoom = std::clamp(zoom, 0.05f, ex.present ? 2.0f : 1.4f);
    // The middle of the free area (between the top and the caption) shows the middle of the focus.
    const float screenMid = top + 12.0f + h * 0.5f;
    ex.camera.flyTo((x0 + x1) * 0.5f, (y0 + y1) * 0.5f - (screenMid - ex.height * 0.5f) / zoom, zoom);
    ex.tourFrame = {true, 0, {x0, y0, x1, y1}, top, bottom + 8.0f};
    ex.selected = ex.tourFocus.empty() ? -1 : long(ex.tourFocus[0]);
    ex.showCard = false;
}

void startTour(Explorer& ex, int tour) {
    ex.tour = tour;
    ex.tourStep = 0;
    ex.focused = -1;
    applyTourStep(ex);
}

void stopTour(Explorer& ex) {
    ex.tour = -1;
    ex.tourStep = 0;
    ex.tourFocus.clear();
    ex.pathActors.clear();
}

static void stepTour(Explorer& ex, int delta) {
    if (ex.tour < 0) return;
    const int count = int(ex.map.tours[size_t(ex.tour)].steps.size());
    int next = std::clamp(ex.tourStep + delta, 0, count - 1);
    if (next == ex.tourStep) return;
    ex.tourStep = next;
    applyTourStep(ex);
}

// ---------------------------------------------------------------------------
// 2. Presenter keys
// ---------------------------------------------------------------------------

// Returns true when the key was the presenter's (so the explorer does not also use it).
bool handlePresenterKeys(Explorer& ex) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return false;
    bool used = false;
    if (ex.tour >= 0) {
        if (ImGui::IsKeyPressed(ImGuiKey_RightArrow) || ImGui::IsKeyPressed(ImGuiKey_Space) ||
            ImGui::IsKeyPressed(ImGuiKey_PageDown) || ImGui::IsKeyPressed(ImGuiKey_DownArrow))
            stepTour(ex, +1), used = true;
        if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow) || ImGui::IsKeyPressed(ImGuiKey_PageUp) ||
            ImGui::IsKeyPressed(ImGuiKey_UpArrow))
            stepTour(ex, -1), used = true;
        if (ImGui::IsKeyPressed(ImGuiKey_Home, false)) {
            ex.tourStep = 0;
            applyTourStep(ex);
            used = true;
        }
    }
    if (!ex.present) return used;
    if (ImGui::IsKeyPressed(ImGuiKey_Equal))
        ex.presentScale = std::min(ex.presentScale * 1.15f, 4.0f), used = true;
    if (ImGui::IsKeyPressed(ImGuiKey_Minus))
        ex.presentScale = std::max(ex.presentScale / 1.15f, 0.8f), used = true;
    if (ImGui::IsKeyPressed(ImGuiKey_F, false)) requestPage("fullscreen", ""), used = true;
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        if (ex.tour >= 0)
            stopTour(ex);
        else
            ex.present = false;
        used = true;
    }
    return used;
}

// ---------------------------------------------------------------------------
// 3. Drawing
// ---------------------------------------------------------------------------

static void caption(Explorer& ex) {
    const Tour& tour = ex.map.tours[size_t(ex.tour)];
    if (tour.steps.empty()) return;
    const TourStep& step = tour.steps[size_t(ex.tourStep)];
    const float scale = ex.present ? ex.presentScale : 1.0f;
    const float w = std::min(ex.width - 40.0f, 900.0f * std::min(scale, 1.4f));
    ImGui::SetNextWindowPos(ImVec2(ex.width * 0.5f, ex.height - 16), ImGuiCond_Always, ImVec2(0.5f, 1));
    ImGui::SetNextWindowSize(ImVec2(w, 0), ImGuiCond_Always);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
    if (ImGui::Begin("##tour-caption", nullptr, flags)) {
        ImGui::SetWindowFontScale(scale);
        ImGui::TextDisabled("%s · %d / %d", tour.title.get(ex.lang).c_str(), ex.tourStep + 1,
                            int(tour.steps.size()));
        ImGui::SetWindowFontScale(scale * 1.25f);
        ImGui::TextWrapped("%s", step.title.get(ex.lang).c_str());
        ImGui::SetWindowFontScale(scale);
        ImGui::TextWrapped("%s", step.text.get(ex.lang).c_str());
        if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) stepTour(ex, -1);
        ImGui::SameLine();
        if (ImGui::ArrowButton("##next", ImGuiDir_Right)) stepTour(ex, +1);
        ImGui::SameLine();
        ImGui::TextDisabled("← → %s · Échap / Esc", ex.lang == Lang::Fr ? "ou espace" : "or space");
        ImGui::SetWindowFontScale(1.0f);
    }
    ImGui::End();
}

static void tourPicker(Explorer& ex) {
    if (ex.map.tours.empty()) return;
    ImGui::SetNextWindowPos(ImVec2(16, 16), ImGuiCond_Always);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
    ImGui::SetNextWindowBgAlpha(0.85f);
    if (ImGui::Begin("##tours", nullptr, flags)) {
        ImGui::SetWindowFontScale(std::min(ex.presentScale, 1.6f));
        ImGui::TextUnformatted(ex.map.title.get(ex.lang).c_str());
        for (size_t t = 0; t < ex.map.tours.size(); ++t) {
            std::string label = "▶ " + ex.map.tours[t].title.get(ex.lang);
            if (selectableText(label, ex.tour == int(t), "tour" + std::to_string(t))) startTour(ex, int(t));
            ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            ex.widgets.push_back({"tour-" + ex.map.tours[t].id, {a.x, a.y, b.x, b.y}});
        }
        if (ImGui::SmallButton(ex.lang == Lang::Fr ? "Quitter la présentation" : "Leave presentation")) {
            ex.present = false;
            stopTour(ex);
        }
        ImGui::SetWindowFontScale(1.0f);
    }
    ImGui::End();
}

// A red dot with a short fading trail under the mouse, like a laser pointer.
static void laser(Explorer& ex) {
    ImGuiIO& io = ImGui::GetIO();
    if (!ImGui::IsMousePosValid(&io.MousePos)) {
        ex.laserTrail.clear();
        return;
    }
    ex.laserTrail.push_back({io.MousePos.x, io.MousePos.y});
    if (ex.laserTrail.size() > 12) ex.laserTrail.erase(ex.laserTrail.begin());
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    for (size_t i = 0; i < ex.laserTrail.size(); ++i) {
        float k = float(i + 1) / float(ex.laserTrail.size());
        dl->AddCircleFilled(ImVec2(ex.laserTrail[i][0], ex.laserTrail[i][1]), 3.0f + 5.0f * k,
                            IM_COL32(230, 20, 20, int(40 + 120 * k)));
    }
    dl->AddCircleFilled(io.MousePos, 14.0f, IM_COL32(255, 40, 40, 60));
    dl->AddCircleFilled(io.MousePos, 6.0f, IM_COL32(255, 0, 0, 230));
}

void drawPresentation(Explorer& ex) {
    reframeTourStep(ex);
    if (ex.tour >= 0 && size_t(ex.tour) < ex.map.tours.size()) caption(ex);
    if (!ex.present) return;
    if (ex.tour < 0) tourPicker(ex);  // hidden during a tour: it would cover the map
    laser(ex);
}

}  // namespace qfq::ui
