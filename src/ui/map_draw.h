// ui/map_draw.h — the map's text: actor labels and band captions drawn each frame, and
// window.qfq.scene() (what the last frame drew). See map_draw.cpp.
#pragma once

#include "render/scene.h"

namespace qfq::ui {

struct Explorer;

// The scene input of the current frame (explorer.cpp).
render::SceneInput sceneInput(const Explorer& ex);
// Band captions in the strips the layout left, then actor labels (placed around their
// discs, clear of edges and other discs), into ImGui's background draw list; both record
// what they drew in ex.drawn.
void drawBandCaptions(Explorer& ex);
void drawLabels(Explorer& ex);
// How many actors in view would be left without a label with the camera at (cx, cy), all
// else as this frame (the placement run on a scene built for that camera, nothing drawn).
int unlabelledInViewAt(Explorer& ex, float cx, float cy);

}  // namespace qfq::ui
