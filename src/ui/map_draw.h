// ui/map_draw.h — the map's text: actor labels and band captions drawn each frame, and
// window.qfq.scene() (what the last frame drew). See map_draw.cpp.
#pragma once

#include "render/scene.h"

namespace qfq::ui {

struct Explorer;

// The scene input of the current frame (explorer.cpp).
render::SceneInput sceneInput(const Explorer& ex);
// The scene seen through `in`, as a person sees it: an actor whose centre is under the
// opaque toolbar is not in view (no label is sought for it, scene() does not list it).
void buildVisibleScene(const Explorer& ex, const render::SceneInput& in, render::Scene& scene,
                       render::DrawnScene& drawn);
// Band captions in the strips the layout left, then actor labels (placed around their
// discs, clear of edges and other discs), into ImGui's background draw list; both record
// what they drew in ex.drawn.
void drawBandCaptions(Explorer& ex);
void drawLabels(Explorer& ex);
// How many actors in view the last frame left without a label; and how many it would with
// the camera at (cx, cy), all else as this frame (placement run for that camera, nothing drawn).
int unlabelledInView(const Explorer& ex);
int unlabelledInViewAt(Explorer& ex, float cx, float cy);

}  // namespace qfq::ui
