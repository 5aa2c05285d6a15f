// render/ui_draw.cpp — Dear ImGui draw data → one qfq_gpu_draw_ui call (see ui_draw.h).

#include "render/ui_draw.h"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "imgui.h"
#include "render/gpu.h"

namespace qfq::render {

// The UI vertices go to the GPU as ImDrawVert: it must have the layout the bridge declares.
static_assert(sizeof(ImDrawVert) == sizeof(QfqUiVertex), "ImDrawVert is not QfqUiVertex (imconfig_qfq.h?)");
static_assert(offsetof(ImDrawVert, pos) == offsetof(QfqUiVertex, x));
static_assert(offsetof(ImDrawVert, uv) == offsetof(QfqUiVertex, u));
static_assert(offsetof(ImDrawVert, col) == offsetof(QfqUiVertex, colour));
static_assert(sizeof(ImDrawIdx) <= 4, "indices are widened to 32 bits");

void drawImGui(const ImDrawData* data) {
    // Kept between frames so steady-state frames allocate nothing.
    static std::vector<ImDrawVert> vertices;
    static std::vector<uint32_t> indices;
    static std::vector<QfqUiCommand> commands;
    vertices.clear();
    indices.clear();
    commands.clear();
    if (!data || !data->Valid) return;
    const ImVec2 origin = data->DisplayPos, scale = data->FramebufferScale;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        const uint32_t base = uint32_t(vertices.size());
        const uint32_t firstIndexOfList = uint32_t(indices.size());
        vertices.insert(vertices.end(), list->VtxBuffer.Data, list->VtxBuffer.Data + list->VtxBuffer.Size);
        indices.reserve(indices.size() + size_t(list->IdxBuffer.Size));
        for (int i = 0; i < list->IdxBuffer.Size; ++i) indices.push_back(base + list->IdxBuffer[i]);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;  // we register none
            QfqUiCommand out;
            out.clip[0] = std::max(0.0f, (cmd.ClipRect.x - origin.x) * scale.x);
            out.clip[1] = std::max(0.0f, (cmd.ClipRect.y - origin.y) * scale.y);
            out.clip[2] = (cmd.ClipRect.z - origin.x) * scale.x;
            out.clip[3] = (cmd.ClipRect.w - origin.y) * scale.y;
            if (out.clip[2] <= out.clip[0] || out.clip[3] <= out.clip[1]) continue;
            out.texture = 0;  // the font atlas is our only texture
            // VtxOffset is 0 for us (32-bit indices never split a list).
            out.firstIndex = firstIndexOfList + cmd.IdxOffset;
            out.indexCount = cmd.ElemCount;
            // Merge with the previous command when nothing but the range differs.
            if (!commands.empty()) {
                QfqUiCommand& prev = commands.back();
                if (prev.firstIndex + prev.indexCount == out.firstIndex &&
                    std::equal(prev.clip, prev.clip + 4, out.clip)) {
                    prev.indexCount += out.indexCount;
                    continue;
                }
            }
            commands.push_back(out);
        }
    }
    qfq_gpu_draw_ui(vertices.data(), int(vertices.size()), indices.data(), int(indices.size()),
                    commands.data(), int(commands.size()), data->DisplaySize.x, data->DisplaySize.y);
}

void uploadFontAtlas() {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    qfq_gpu_set_font_atlas(pixels, width, height);
    ImGui::GetIO().Fonts->SetTexID(ImTextureID(nullptr));
}

}  // namespace qfq::render
