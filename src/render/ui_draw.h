// render/ui_draw.h — hands Dear ImGui's draw data to the GPU bridge.
#pragma once

struct ImDrawData;

namespace qfq::render {

// Flattens every draw list into one vertex buffer, one 32-bit index buffer (global
// indices) and one command list with clip rectangles in framebuffer pixels, then calls
// qfq_gpu_draw_ui once.
void drawImGui(const ImDrawData* data);

// Re-uploads the font atlas (after a rebuild or a backend switch).
void uploadFontAtlas();

}  // namespace qfq::render
