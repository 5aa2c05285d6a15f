// render/gpu.h — the GPU bridge: one small C ABI between C++ and the browser.
//
// Contents
//   1. Instance formats (nodes, edges) and UI draw commands
//   2. The view (camera) uniform
//   3. The bridge functions (implemented in JavaScript: web/gpu_library.js forwards
//      to web/gpu_webgpu.js or web/gpu_webgl2.js)
//   4. Layout guards: every size and offset the JavaScript side relies on, checked at
//      compile time here and against web/gpu_layout.js (the one table both backends read)
//      by tests/unit/test_gpu_layout.cpp
//
// C++ decides everything that is drawn; JavaScript only uploads these arrays from wasm
// memory and issues draws. Both backends implement exactly this ABI and pass the same
// browser tests. A frame is: begin_frame, draw_edges, draw_nodes, draw_ui, end_frame.
// Colours are packed 0xAABBGGRR (red in the low byte), as Dear ImGui's IM_COL32.
#pragma once

#include <cstddef>
#include <cstdint>

extern "C" {

// ---------------------------------------------------------------------------
// 1. Instance formats
// ---------------------------------------------------------------------------

// An actor: an anti-aliased disc with a ring. 24 bytes.
struct QfqNodeInstance {
    float x, y;         // centre, world units
    float radius;       // world units (the shader keeps a minimum on-screen size)
    uint32_t fill;      // RGBA8
    uint32_t stroke;    // RGBA8
    float strokeWidth;  // CSS pixels
};

// A relation: an anti-aliased segment, optionally dashed, with an optional arrowhead at
// (x1, y1). C++ already shortened the segment to stop at the target's rim. 32 bytes.
struct QfqEdgeInstance {
    float x0, y0, x1, y1;  // world units
    uint32_t colour;       // RGBA8
    float width;           // CSS pixels
    float arrow;           // arrowhead length in CSS pixels, 0 = none
    float dash;            // 0 solid, 1 dashed, 2 dotted
};

// One Dear ImGui draw command after flattening (indices are already global, so the
// backends never need a base-vertex draw, which WebGL2 lacks).
struct QfqUiCommand {
    float clip[4];     // x0, y0, x1, y1 in framebuffer pixels
    uint32_t texture;  // 0 = font atlas
    uint32_t firstIndex, indexCount;
};

// ---------------------------------------------------------------------------
// 2. The view uniform (32 bytes, shared by node and edge shaders)
// ---------------------------------------------------------------------------

struct QfqView {
    float zoom;              // CSS pixels per world unit
    float centerX, centerY;  // world point at the middle of the canvas
    float dpr;               // device pixels per CSS pixel
    float width, height;     // canvas size in CSS pixels
    float fade;              // 0..1: how much non-highlighted items are faded (unused by shaders)
    float pad;
};

// Dear ImGui's ImDrawVert as the UI shaders read it (render/ui_draw.cpp checks that
// ImDrawVert has exactly this layout). 20 bytes.
struct QfqUiVertex {
    float x, y;       // CSS pixels
    float u, v;       // font atlas coordinates
    uint32_t colour;  // RGBA8
};

// ---------------------------------------------------------------------------
// 3. Bridge functions (JavaScript)
// ---------------------------------------------------------------------------

// Uploads the font atlas (RGBA8, width × height). Called once per atlas build.
void qfq_gpu_set_font_atlas(const uint8_t* rgba, int width, int height);
// Starts a frame on a canvas of width × height device pixels, cleared to `clear`.
void qfq_gpu_begin_frame(int width, int height, uint32_t clear);
void qfq_gpu_draw_edges(const QfqEdgeInstance* edges, int count, const QfqView* view);
void qfq_gpu_draw_nodes(const QfqNodeInstance* nodes, int count, const QfqView* view);
// vertices are Dear ImGui's ImDrawVert (pos.xy, uv.xy, col RGBA8: 20 bytes), positions in
// CSS pixels; indices are 32-bit.
void qfq_gpu_draw_ui(const void* vertices, int vertexCount, const uint32_t* indices, int indexCount,
                     const QfqUiCommand* commands, int commandCount, float displayWidth, float displayHeight);
void qfq_gpu_end_frame(void);
}

// ---------------------------------------------------------------------------
// 4. Layout guards (web/gpu_layout.js holds the same numbers; a unit test compares them)
// ---------------------------------------------------------------------------

static_assert(sizeof(float) == 4 && sizeof(uint32_t) == 4, "the bridge passes 32-bit words");

static_assert(sizeof(QfqNodeInstance) == 24, "QfqNodeInstance: 24 bytes (web/gpu_layout.js node.size)");
static_assert(offsetof(QfqNodeInstance, x) == 0 && offsetof(QfqNodeInstance, y) == 4);
static_assert(offsetof(QfqNodeInstance, radius) == 8);
static_assert(offsetof(QfqNodeInstance, fill) == 12);
static_assert(offsetof(QfqNodeInstance, stroke) == 16);
static_assert(offsetof(QfqNodeInstance, strokeWidth) == 20);

static_assert(sizeof(QfqEdgeInstance) == 32, "QfqEdgeInstance: 32 bytes (web/gpu_layout.js edge.size)");
static_assert(offsetof(QfqEdgeInstance, x0) == 0 && offsetof(QfqEdgeInstance, y0) == 4);
static_assert(offsetof(QfqEdgeInstance, x1) == 8 && offsetof(QfqEdgeInstance, y1) == 12);
static_assert(offsetof(QfqEdgeInstance, colour) == 16);
static_assert(offsetof(QfqEdgeInstance, width) == 20);
static_assert(offsetof(QfqEdgeInstance, arrow) == 24);
static_assert(offsetof(QfqEdgeInstance, dash) == 28);

static_assert(sizeof(QfqUiVertex) == 20, "QfqUiVertex: 20 bytes (web/gpu_layout.js uiVertex.size)");
static_assert(offsetof(QfqUiVertex, x) == 0 && offsetof(QfqUiVertex, u) == 8);
static_assert(offsetof(QfqUiVertex, colour) == 16);

static_assert(sizeof(QfqUiCommand) == 28, "QfqUiCommand: 28 bytes (web/gpu_layout.js uiCommand.size)");
static_assert(offsetof(QfqUiCommand, clip) == 0);
static_assert(offsetof(QfqUiCommand, texture) == 16);
static_assert(offsetof(QfqUiCommand, firstIndex) == 20);
static_assert(offsetof(QfqUiCommand, indexCount) == 24);

static_assert(sizeof(QfqView) == 32, "QfqView: 32 bytes (web/gpu_layout.js view.size, the uniform block)");
static_assert(offsetof(QfqView, zoom) == 0);
static_assert(offsetof(QfqView, centerX) == 4 && offsetof(QfqView, centerY) == 8);
static_assert(offsetof(QfqView, dpr) == 12);
static_assert(offsetof(QfqView, width) == 16 && offsetof(QfqView, height) == 20);
static_assert(offsetof(QfqView, fade) == 24);
