// render/scene.h — what the graph looks like this frame: instance arrays for the GPU
// bridge, label placement with collision culling, band captions, picking.
//
// Contents
//   1. Style: per-actor and per-relation emphasis decided by the explorer
//   2. Scene building (nodes, edges) with viewport culling
//   3. Labels (greedy placement by importance on a screen grid)
//   4. Picking (actor under a screen point)
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "layout/labels.h"
#include "layout/layout.h"
#include "model/map.h"
#include "render/camera.h"
#include "render/gpu.h"

namespace qfq::render {

// ---------------------------------------------------------------------------
// 1. Style
// ---------------------------------------------------------------------------

enum Emphasis : uint8_t {
    Hidden = 0,  // filtered out: not drawn
    Faded = 1,   // drawn pale (not part of the hovered/focused neighbourhood)
    Normal = 2,
    Highlighted = 3,
    Selected = 4,
};

struct SceneInput {
    const Map* map = nullptr;
    const float* x = nullptr;  // per actor, world units
    const float* y = nullptr;
    const uint8_t* actorEmphasis = nullptr;     // per actor (Emphasis)
    const uint8_t* relationEmphasis = nullptr;  // per relation (Emphasis)
    const float* radius = nullptr;              // per actor, world units
    Camera camera;
    float width = 0, height = 0;  // CSS pixels
    uint32_t hoverRing = 0;       // colour of the selection ring
    bool highContrast = false;
    // Relations drawn as one edge (parallel relations of any kinds between the same pair);
    // null = one edge per relation.
    const std::vector<std::vector<uint32_t>>* edgeGroups = nullptr;
    // Per relation: its routed polyline's interior points (world units); empty = straight.
    const std::vector<layout::Route>* routes = nullptr;
    // Per relation kind: 1 = structural (steers, authority, appoints), drawn stronger.
    const uint8_t* kindStrong = nullptr;
};

// ---------------------------------------------------------------------------
// 2. Scene building
// ---------------------------------------------------------------------------

// What the last frame drew, in CSS pixels, for window.qfq.scene() (tests, users' scripts,
// the legibility checker): only items inside the viewport.
struct DrawnLabel {
    uint32_t actor;
    std::string text;
    float x0, y0, x1, y1;
};
struct DrawnNode {
    uint32_t actor;
    float x, y, r;
};
struct DrawnEdge {
    uint32_t from, to;
    std::vector<uint32_t> relations;           // merged parallel relations (kinds in the legend)
    std::vector<std::array<float, 2>> points;  // polyline, rim to rim
};
struct DrawnBand {
    int level;
    float y0, y1;              // band extent on screen
    float cx0, cy0, cx1, cy1;  // caption box (cx1 <= cx0: no caption drawn)
};
struct DrawnScene {
    float width = 0, height = 0;
    std::vector<DrawnLabel> labels;
    std::vector<DrawnNode> nodes;
    std::vector<DrawnEdge> edges;
    std::vector<DrawnBand> bands;
};

struct Scene {
    std::vector<QfqEdgeInstance> edges;
    std::vector<QfqNodeInstance> nodes;
    uint32_t visibleActors = 0, visibleRelations = 0;  // drawn (inside the viewport)
};

// Fills `scene`, drawing faded items first so emphasised ones are on top.
// With `drawn`, also records nodes and edges as drawn (CSS pixels).
void buildScene(const SceneInput& in, Scene& scene, DrawnScene* drawn = nullptr);

// RGBA8 (red in the low byte) from 0xRRGGBB and an alpha.
inline uint32_t rgba(uint32_t rgb, float alpha = 1.0f) {
    uint32_t a = uint32_t(alpha < 0 ? 0 : alpha > 1 ? 255 : alpha * 255.0f + 0.5f);
    return ((rgb >> 16) & 255) | (((rgb >> 8) & 255) << 8) | ((rgb & 255) << 16) | (a << 24);
}

// ---------------------------------------------------------------------------
// 3. Labels
// ---------------------------------------------------------------------------

struct LabelRequest {
    uint32_t actor;
    float priority;  // higher first
    const layout::LabelText* text;
    bool reserved;   // the layout reserved its box right of the disc (no edge runs there)
    float size = 0;  // em size in CSS pixels; 0 = placeLabels' `size`
};

struct PlacedLabel {
    uint32_t actor;
    layout::Box box;  // the plate, CSS pixels
    float tx, ty;     // top-left of the first line of text
    float size;       // em size in CSS pixels
    const layout::LabelText* text;
};

// Measures text width in CSS pixels at em size `size` (the explorer passes ImGui's font).
using MeasureText = float (*)(const char* begin, const char* end, float size, void* user);

// Greedy placement by priority: each label tries right of its disc (where the layout
// reserved room), then left, below and above, and is kept only where its plate overlaps
// no placed plate, no other disc and (outside its reserved box) no drawn edge; `drawn`
// holds this frame's nodes and edges. At most `maxLabels` are placed, so a 100k-actor map
// stays cheap. `size` is the em size; `reservedSize` the size the reserved boxes have on
// screen (layout font size × zoom).
void placeLabels(const SceneInput& in, const DrawnScene& drawn, std::vector<LabelRequest>& requests,
                 float size, float reservedSize, MeasureText measure, void* user, uint32_t maxLabels,
                 std::vector<PlacedLabel>& out);

// ---------------------------------------------------------------------------
// 4. Picking
// ---------------------------------------------------------------------------

// The visible actor whose disc contains (or is nearest within `slopPx` of) the screen
// point, preferring emphasised ones; -1 if none.
long pickActor(const SceneInput& in, float sx, float sy, float slopPx);

}  // namespace qfq::render
