// render/scene.cpp — instance arrays, labels and picking (see scene.h).
//
// Contents
//   1. Scene building
//   2. Labels
//   3. Picking

#include "render/scene.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace qfq::render {

namespace {

constexpr float kMinDiscPx = 2.0f;  // the shaders keep discs at least this big

float alphaFor(uint8_t emphasis, bool edge) {
    switch (emphasis) {
        case Faded:
            return edge ? 0.07f : 0.16f;
        case Normal:
            return edge ? 0.55f : 1.0f;
        default:
            return edge ? 0.95f : 1.0f;
    }
}

}  // namespace

// ---------------------------------------------------------------------------
// 1. Scene building
// ---------------------------------------------------------------------------

void buildScene(const SceneInput& in, Scene& scene, DrawnScene* drawn) {
    if (drawn) {
        drawn->width = in.width, drawn->height = in.height;
        drawn->nodes.clear();
        drawn->edges.clear();
    }
    auto toScreen = [&](float wx, float wy) {
        return std::array<float, 2>{in.camera.screenX(wx, in.width), in.camera.screenY(wy, in.height)};
    };
    scene.edges.clear();
    scene.nodes.clear();
    scene.visibleActors = scene.visibleRelations = 0;
    const Map& map = *in.map;
    const Camera& cam = in.camera;
    // Viewport in world units, with a margin for discs and arrowheads.
    const float margin = 40.0f / cam.zoom;
    const float wx0 = cam.worldX(0, in.width) - margin, wx1 = cam.worldX(in.width, in.width) + margin;
    const float wy0 = cam.worldY(0, in.height) - margin, wy1 = cam.worldY(in.height, in.height) + margin;
    const float px = 1.0f / cam.zoom;  // one CSS pixel in world units

    // One pass per array; instances are bucketed by emphasis, then concatenated faded first
    // so emphasised ones are drawn on top.
    static std::vector<QfqEdgeInstance> edgeBuckets[5];
    static std::vector<QfqNodeInstance> nodeBuckets[5];
    for (auto& b : edgeBuckets) b.clear();
    for (auto& b : nodeBuckets) b.clear();
    for (size_t r = 0; r < map.relations.size(); ++r) {
        uint8_t e = in.relationEmphasis[r];
        if (e == Hidden) continue;
        const Relation& rel = map.relations[r];
        float x0 = in.x[rel.from], y0 = in.y[rel.from], x1 = in.x[rel.to], y1 = in.y[rel.to];
        if (std::max(x0, x1) < wx0 || std::min(x0, x1) > wx1 || std::max(y0, y1) < wy0 ||
            std::min(y0, y1) > wy1)
            continue;
        float dx = x1 - x0, dy = y1 - y0;
        float len = std::sqrt(dx * dx + dy * dy);
        if (len > 1e-6f) {
            // Stop at the rims so arrowheads touch the discs instead of hiding under them.
            float r0 = std::max(in.radius[rel.from], kMinDiscPx * px);
            float r1 = std::max(in.radius[rel.to], kMinDiscPx * px) + 1.5f * px;
            float k0 = std::min(r0 / len, 0.45f), k1 = std::min(r1 / len, 0.45f);
            x0 += dx * k0, y0 += dy * k0;
            x1 -= dx * k1, y1 -= dy * k1;
        }
        const Category& kind = map.relationKinds[size_t(rel.kind)];
        QfqEdgeInstance inst;
        inst.x0 = x0, inst.y0 = y0, inst.x1 = x1, inst.y1 = y1;
        inst.colour = rgba(in.highContrast && e >= Normal ? 0x000000 : kind.colour,
                           in.highContrast && e == Normal ? 0.8f : alphaFor(e, true));
        inst.width = (e >= Highlighted ? 2.6f : 1.4f) * (in.highContrast ? 1.6f : 1.0f);
        inst.arrow = rel.directed ? (e >= Highlighted ? 11.0f : 8.0f) : 0.0f;
        inst.dash = float(int(kind.dash));
        edgeBuckets[e].push_back(inst);
        if (drawn) drawn->edges.push_back({rel.from, rel.to, {uint32_t(r)}, {toScreen(x0, y0), toScreen(x1, y1)}});
    }
    for (size_t a = 0; a < map.actors.size(); ++a) {
        uint8_t e = in.actorEmphasis[a];
        if (e == Hidden) continue;
        float x = in.x[a], y = in.y[a];
        if (x < wx0 || x > wx1 || y < wy0 || y > wy1) continue;
        const Actor& actor = map.actors[a];
        QfqNodeInstance inst;
        inst.x = x, inst.y = y;
        inst.radius = in.radius[a];
        float alpha = alphaFor(e, false);
        inst.fill = rgba(map.actorKinds[size_t(actor.kind)].colour, alpha);
        if (e == Selected) {
            inst.stroke = rgba(in.hoverRing, 1.0f);
            inst.strokeWidth = 3.5f;
        } else if (actor.confidence == Confidence::Unsure) {
            // Unsure facts get a light centre: visible at a glance, explained in the legend.
            inst.stroke = inst.fill;
            inst.fill = rgba(0xffffff, alpha);
            inst.strokeWidth = 3.0f;
        } else {
            inst.stroke = rgba(0xffffff, alpha);
            inst.strokeWidth = e == Highlighted ? 2.0f : 1.2f;
        }
        nodeBuckets[e].push_back(inst);
        if (drawn) {
            auto p = toScreen(x, y);
            drawn->nodes.push_back({uint32_t(a), p[0], p[1], std::max(inst.radius * cam.zoom, kMinDiscPx)});
        }
    }
    for (int e = Faded; e <= Selected; ++e) {
        scene.edges.insert(scene.edges.end(), edgeBuckets[e].begin(), edgeBuckets[e].end());
        scene.nodes.insert(scene.nodes.end(), nodeBuckets[e].begin(), nodeBuckets[e].end());
    }
    scene.visibleRelations = uint32_t(scene.edges.size());
    scene.visibleActors = uint32_t(scene.nodes.size());
}

// ---------------------------------------------------------------------------
// 2. Labels
// ---------------------------------------------------------------------------

void placeLabels(const SceneInput& in, std::vector<LabelRequest>& requests, Lang lang, float fontSize,
                 MeasureText measure, void* user, uint32_t maxLabels, std::vector<PlacedLabel>& out) {
    out.clear();
    if (in.width <= 0 || in.height <= 0) return;
    // Only the most important few thousand candidates are measured at all.
    const size_t kCandidates = 4000;
    auto byPriority = [](const LabelRequest& a, const LabelRequest& b) {
        return a.priority != b.priority ? a.priority > b.priority : a.actor < b.actor;
    };
    if (requests.size() > kCandidates) {
        std::nth_element(requests.begin(), requests.begin() + kCandidates, requests.end(), byPriority);
        requests.resize(kCandidates);
    }
    std::sort(requests.begin(), requests.end(), byPriority);

    const float cell = 6.0f;
    const int gw = int(in.width / cell) + 1, gh = int(in.height / cell) + 1;
    std::vector<uint8_t> grid(size_t(gw) * size_t(gh), 0);
    const Map& map = *in.map;
    const bool zoomedIn = in.camera.zoom >= 1.8f;
    for (const LabelRequest& req : requests) {
        if (out.size() >= maxLabels) break;
        const Actor& actor = map.actors[req.actor];
        uint8_t e = in.actorEmphasis[req.actor];
        bool full = (zoomedIn || e >= Highlighted) && !actor.acronym.empty();
        std::string text = full ? actor.acronym + " — " + actor.name.get(lang) : actor.label(lang);
        float sx = in.camera.screenX(in.x[req.actor], in.width);
        float sy = in.camera.screenY(in.y[req.actor], in.height);
        float r = std::max(in.radius[req.actor] * in.camera.zoom, kMinDiscPx);
        float w = measure(text.data(), text.data() + text.size(), user);
        w = std::min(w, in.width * 0.6f);  // very long names are clipped by the caller
        float x0 = sx + r + 3.0f, y0 = sy - fontSize * 0.55f;
        float x1 = x0 + w, y1 = y0 + fontSize * 1.1f;
        if (x1 < 0 || y1 < 0 || x0 > in.width || y0 > in.height) continue;
        int cx0 = std::max(0, int(x0 / cell)), cy0 = std::max(0, int(y0 / cell));
        int cx1 = std::min(gw - 1, int(x1 / cell)), cy1 = std::min(gh - 1, int(y1 / cell));
        bool free = true;
        for (int cy = cy0; cy <= cy1 && free; ++cy)
            for (int cx = cx0; cx <= cx1; ++cx)
                if (grid[size_t(cy) * size_t(gw) + size_t(cx)]) {
                    free = false;
                    break;
                }
        if (!free && e < Selected) continue;
        for (int cy = cy0; cy <= cy1; ++cy)
            std::memset(&grid[size_t(cy) * size_t(gw) + size_t(cx0)], 1, size_t(cx1 - cx0 + 1));
        out.push_back({req.actor, x0, y0, full});
    }
}

// ---------------------------------------------------------------------------
// 3. Picking
// ---------------------------------------------------------------------------

long pickActor(const SceneInput& in, float sx, float sy, float slopPx) {
    const Map& map = *in.map;
    long best = -1;
    float bestScore = 1e30f;
    for (size_t a = 0; a < map.actors.size(); ++a) {
        uint8_t e = in.actorEmphasis[a];
        if (e == Hidden) continue;
        float dx = in.camera.screenX(in.x[a], in.width) - sx;
        float dy = in.camera.screenY(in.y[a], in.height) - sy;
        float d = std::sqrt(dx * dx + dy * dy);
        float r = std::max(in.radius[a] * in.camera.zoom, kMinDiscPx);
        if (d > r + slopPx) continue;
        // Inside a disc beats near one; faded actors lose ties to emphasised ones.
        float score = (d - r) + (e == Faded ? slopPx : 0.0f);
        if (score < bestScore) {
            bestScore = score;
            best = long(a);
        }
    }
    return best;
}

}  // namespace qfq::render
