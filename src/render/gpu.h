// render/gpu.h — the GPU bridge: one small C ABI between C++ and the browser.
//
// Contents
//   1. Instance formats (nodes, edges) and UI draw commands
//   2. The view (camera) uniform
//   3. The bridge functions (implemented in JavaScript: web/gpu_library.js forwards
//      to web/gpu_webgpu.js or web/gpu_webgl2.js)
//
// C++ decides everything that is drawn; JavaScript only uploads these arrays from wasm
// memory and issues draws. Both backends implement exactly this ABI and pass the same
// browser tests. A frame is: begin_frame, draw_edges, draw_nodes, draw_ui, end_frame.
// Colours are packed 0xAABBGGRR (red in the low byte), as Dear ImGui's IM_COL32.
#pragma once

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
