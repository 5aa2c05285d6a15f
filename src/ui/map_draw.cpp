// ui/map_draw.cpp — the map's text and its introspection.
//
// Contents
//   5. Labels and band captions (ImGui background draw list, over the GPU's edges/discs)
//   8. scene(): what the last frame drew, in CSS pixels
//
// Labels are the layout's wrapped texts (layout/labels.h) at the layout's size times the
// zoom, so they fill the boxes the layered layout reserved; placement (render/scene.h)
// drops a label rather than let it overlap a label, a disc or an edge.

#include "ui/map_draw.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "layout/labels.h"
#include "ui/explorer.h"

namespace qfq::ui {

namespace {

const Text& label(const Category& c) {
    return c.label;
}

}  // namespace

// ---------------------------------------------------------------------------
// 5. Labels and band captions
// ---------------------------------------------------------------------------

// Labels use the large font in facilitator mode (crisp when scaled up for a projector).
static ImFont* labelFont(const Explorer& ex, float size) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    return (ex.present || size > 20.0f) && atlas->Fonts.Size > 1 ? atlas->Fonts[1] : atlas->Fonts[0];
}
// ImGui sizes a font by its line height (ascent + descent); labels.h works in em.
static float imguiSize(float em) {
    return em * layout::lineHeightEm();
}
struct Measure {
    ImFont* font;
};
static float measure(const char* begin, const char* end, float size, void* user) {
    const Measure* m = static_cast<const Measure*>(user);
    return m->font->CalcTextSizeA(imguiSize(size), 1e30f, 0.0f, begin, end).x;
}

// Label em size on screen: the layout's size at this zoom (so labels fill the boxes the
// layout reserved), capped so zooming in does not blow text up, and at least a legible
// minimum (placement then drops the least important labels instead of overlapping).
static float mapLabelSize(const Explorer& ex) {
    const float cap = ex.present ? 15.0f * ex.presentScale : 17.0f;
    const float want = ex.layoutCarto ? ex.layoutFont * ex.camera.zoom : 13.0f;
    return std::clamp(want, ex.present ? 12.0f : 8.0f, cap);
}

// Band captions sit in the strip the layout left at the top of each band, at its left end.
void drawBandCaptions(Explorer& ex) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    ex.drawn.bands.clear();
    const float size = std::clamp(ex.layoutFont * 0.95f * ex.camera.zoom, 8.0f, 18.0f);
    ImFont* font = labelFont(ex, size);
    for (const layout::Band& b : ex.bands) {
        if (b.level < 0 || size_t(b.level) >= ex.map.levels.size() || !ex.levelOn[size_t(b.level)]) continue;
        float sy0 = ex.camera.screenY(b.y0, ex.height), sy1 = ex.camera.screenY(b.y1, ex.height);
        if (sy1 < 0 || sy0 > ex.height) continue;
        const Category& level = ex.map.levels[size_t(b.level)];
        const std::string& text = label(level).get(ex.lang);
        ImU32 colour = render::rgba(level.colour, 1.0f);
        dl->AddRectFilled(ImVec2(0, sy0), ImVec2(5, sy1), render::rgba(level.colour, 0.55f));
        render::DrawnBand d{b.level, sy0, sy1, 0, 0, 0, 0};
        const ImVec2 ts = font->CalcTextSizeA(imguiSize(size), 1e30f, 0.0f, text.c_str());
        float tx = ex.layoutCarto ? ex.camera.screenX(b.x0, ex.width) : 12.0f;
        tx = std::max(tx, 12.0f);
        const float strip = ex.layoutCarto ? layout::Options{}.captionHeight * ex.camera.zoom : 0.0f;
        const float ty = ex.layoutCarto ? sy0 + std::max(0.0f, (strip - ts.y) * 0.5f)
                                        : std::clamp(sy0 + 6.0f, 44.0f, std::max(44.0f, sy1 - size - 4.0f));
        // Only where it does not slide under the toolbar (the band's own strip is off screen).
        if (ty >= ex.topBarHeight + 2.0f && ty + ts.y <= ex.height) {
            // A plate, as under labels: routes bundled at the band's left end pass under it.
            dl->AddRectFilled(ImVec2(tx - 3, ty), ImVec2(tx + ts.x + 3, ty + ts.y),
                              IM_COL32(255, 255, 255, 215), 3.0f);
            dl->AddText(font, imguiSize(size), ImVec2(tx, ty), colour, text.c_str());
            d.cx0 = tx, d.cy0 = ty, d.cx1 = tx + ts.x, d.cy1 = ty + ts.y;
        }
        ex.drawn.bands.push_back(d);
    }
}

// Labels for the discs of `drawn` seen through `in`'s camera, placed into `out` (most
// important first). `requests` is scratch space.
static void placeMapLabels(Explorer& ex, const render::SceneInput& in, const render::DrawnScene& drawn,
                           std::vector<render::LabelRequest>& requests,
                           std::vector<render::PlacedLabel>& out) {
    requests.clear();
    const float size = mapLabelSize(ex);
    const bool reserved = ex.layoutCarto && ex.transition >= 1 && !ex.layoutRunning;
    std::vector<uint8_t> onPath(ex.x.size(), 0);
    for (uint32_t a : ex.pathActors) onPath[a] = 1;
    for (const render::DrawnNode& node : drawn.nodes) {
        const uint32_t a = node.actor;
        const uint8_t e = ex.actorEmphasis[a];
        if (e == render::Hidden) continue;
        // Selected and tour actors first, then their neighbours, then the busiest actors;
        // faded context last.
        float priority = float(e) * 1e6f + float(ex.degree[a]) - float(ex.map.actors[a].level) * 0.5f;
        if (onPath[a]) priority += 5e5f;
        const bool pinnedMoved = ex.map.actors[a].pinned;
        // On a projector, the actors a step is about are readable from the back of the room.
        const float big =
            ex.present && e >= render::Selected
                ? std::max(size, 24.0f * std::min(1.0f, ex.width / 1920.0f) * ex.presentScale / 1.6f)
                : 0.0f;
        requests.push_back({a, priority, &ex.labelTexts[a], reserved && !pinnedMoved, big});
    }
    ImFont* font = labelFont(ex, ex.present ? 24.0f : size);
    Measure m{font};
    const float reservedSize = ex.layoutCarto ? ex.layoutFont * ex.camera.zoom : 0.0f;
    render::placeLabels(in, drawn, requests, size, reservedSize, measure, &m, 800, out);
}

void buildVisibleScene(const Explorer& ex, const render::SceneInput& in, render::Scene& scene,
                       render::DrawnScene& drawn) {
    render::buildScene(in, scene, &drawn);
    if (!ex.present)
        std::erase_if(drawn.nodes, [&](const render::DrawnNode& n) { return n.y < ex.topBarHeight; });
}

// Discs of `nodes` inside the screen whose actor `labelled` does not hold.
static int unlabelled(const Explorer& ex, const std::vector<render::DrawnNode>& nodes,
                      const std::vector<uint8_t>& labelled) {
    int n = 0;
    for (const render::DrawnNode& d : nodes)
        n += d.x >= 0 && d.y >= 0 && d.x <= ex.width && d.y <= ex.height && !labelled[d.actor];
    return n;
}

int unlabelledInView(const Explorer& ex) {
    std::vector<uint8_t> labelled(ex.map.actors.size(), 0);
    for (const render::DrawnLabel& l : ex.drawn.labels) labelled[l.actor] = 1;
    return unlabelled(ex, ex.drawn.nodes, labelled);
}

int unlabelledInViewAt(Explorer& ex, float cx, float cy) {
    render::SceneInput in = sceneInput(ex);
    in.camera.x = cx, in.camera.y = cy;
    render::Scene scene;
    render::DrawnScene drawn;
    buildVisibleScene(ex, in, scene, drawn);
    std::vector<render::LabelRequest> requests;
    std::vector<render::PlacedLabel> placed;
    placeMapLabels(ex, in, drawn, requests, placed);
    std::vector<uint8_t> labelled(ex.map.actors.size(), 0);
    for (const render::PlacedLabel& l : placed) labelled[l.actor] = 1;
    return unlabelled(ex, drawn.nodes, labelled);
}

void drawLabels(Explorer& ex) {
    render::SceneInput in = sceneInput(ex);
    placeMapLabels(ex, in, ex.drawn, ex.labelRequests, ex.labels);
    ImFont* font = labelFont(ex, ex.present ? 24.0f : mapLabelSize(ex));
    ex.drawn.labels.clear();
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    for (const render::PlacedLabel& l : ex.labels) {
        const float fs = imguiSize(l.size), lh = fs, bold = std::max(0.5f, layout::kBoldExtraEm * l.size);
        const layout::LabelText& t = *l.text;
        const uint8_t e = ex.actorEmphasis[l.actor];
        // Opaque plates: edges pass under labels without hiding them.
        const ImU32 plate = e == render::Faded ? IM_COL32(255, 255, 255, ex.present ? 200 : 170)
                                               : IM_COL32(255, 255, 255, 235);
        dl->AddRectFilled(ImVec2(l.box.x0, l.box.y0), ImVec2(l.box.x1, l.box.y1), plate, 3.0f);
        if (e >= render::Selected)
            dl->AddRect(ImVec2(l.box.x0, l.box.y0), ImVec2(l.box.x1, l.box.y1), IM_COL32(20, 20, 20, 200),
                        3.0f);
        const ImU32 colour = e == render::Faded
                                 ? (ex.present ? IM_COL32(70, 70, 80, 200) : IM_COL32(80, 80, 90, 170))
                             : e >= render::Selected || ex.present ? IM_COL32(0, 0, 0, 255)
                                                                   : IM_COL32(20, 20, 30, 245);
        const ImVec4 clip(l.box.x0, l.box.y0, l.box.x1, l.box.y1);
        std::string text;
        for (int line = 0; line < t.count; ++line) {
            const std::string& s = t.lines[line];
            const ImVec2 at(l.tx, l.ty + float(line) * lh);
            if (line == 0 && t.boldBytes > 0) {
                // Bold acronym: drawn twice, shifted (one font file, same advances as layout).
                const char* b0 = s.c_str();
                const char* b1 = b0 + t.boldBytes;
                dl->AddText(font, fs, at, colour, b0, b1, 0.0f, &clip);
                dl->AddText(font, fs, ImVec2(at.x + bold, at.y), colour, b0, b1, 0.0f, &clip);
                const float w = font->CalcTextSizeA(fs, 1e30f, 0.0f, b0, b1).x + bold;
                dl->AddText(font, fs, ImVec2(at.x + w, at.y), colour, b1, b0 + s.size(), 0.0f, &clip);
            } else {
                dl->AddText(font, fs, at, colour, s.c_str(), nullptr, 0.0f, &clip);
            }
            text += (line ? "\n" : "") + s;
        }
        ex.drawn.labels.push_back({l.actor, text, l.box.x0, l.box.y0, l.box.x1, l.box.y1});
    }
}

// ---------------------------------------------------------------------------
// 8. scene()
// ---------------------------------------------------------------------------

std::string sceneJson(const Explorer& ex) {
    const render::DrawnScene& d = ex.drawn;
    nlohmann::json j;
    j["width"] = d.width;
    j["height"] = d.height;
    auto id = [&](uint32_t a) { return a < ex.map.actors.size() ? ex.map.actors[a].id : std::string(); };
    nlohmann::json labels = nlohmann::json::array(), nodes = nlohmann::json::array(),
                   edges = nlohmann::json::array(), bands = nlohmann::json::array();
    for (const render::DrawnLabel& l : d.labels)
        labels.push_back(
            {{"id", id(l.actor)}, {"text", l.text}, {"x0", l.x0}, {"y0", l.y0}, {"x1", l.x1}, {"y1", l.y1}});
    for (const render::DrawnNode& n : d.nodes)
        nodes.push_back(
            {{"id", id(n.actor)},
             {"x", n.x},
             {"y", n.y},
             {"r", n.r},
             {"level", ex.map.levels.empty() ? std::string()
                                             : ex.map.levels[size_t(ex.map.actors[n.actor].level)].id}});
    for (const render::DrawnEdge& e : d.edges) {
        nlohmann::json kinds = nlohmann::json::array(), points = nlohmann::json::array();
        for (uint32_t r : e.relations)
            if (r < ex.map.relations.size())
                kinds.push_back(ex.map.relationKinds[size_t(ex.map.relations[r].kind)].id);
        for (const auto& p : e.points) points.push_back({p[0], p[1]});
        edges.push_back({{"from", id(e.from)}, {"to", id(e.to)}, {"kinds", kinds}, {"points", points}});
    }
    for (const render::DrawnBand& b : d.bands) {
        const Category& level = ex.map.levels[size_t(b.level)];
        nlohmann::json band = {
            {"id", level.id}, {"label", level.label.get(ex.lang)}, {"y0", b.y0}, {"y1", b.y1}};
        if (b.cx1 > b.cx0) band["caption"] = {b.cx0, b.cy0, b.cx1, b.cy1};
        bands.push_back(band);
    }
    j["labels"] = labels;
    j["nodes"] = nodes;
    j["edges"] = edges;
    j["bands"] = bands;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace qfq::ui
