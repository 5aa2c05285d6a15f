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

namespace {

using Point = std::array<float, 2>;

// Removes `d0` of length from the start of a polyline and `d1` from its end (rims of the
// discs, room for the arrowhead); false if nothing is left.
bool trim(std::vector<Point>& p, float d0, float d1) {
    auto cutFront = [](std::vector<Point>& q, float d) {
        while (q.size() >= 2) {
            float dx = q[1][0] - q[0][0], dy = q[1][1] - q[0][1], len = std::sqrt(dx * dx + dy * dy);
            if (len > d) {
                float k = len > 0 ? d / len : 0;
                q[0] = {q[0][0] + dx * k, q[0][1] + dy * k};
                return true;
            }
            d -= len;
            q.erase(q.begin());
        }
        return false;
    };
    if (!cutFront(p, d0)) return false;
    std::reverse(p.begin(), p.end());
    bool ok = cutFront(p, d1);
    std::reverse(p.begin(), p.end());
    return ok;
}

}  // namespace

void buildScene(const SceneInput& in, Scene& scene, DrawnScene* drawn) {
    if (drawn) {
        drawn->width = in.width, drawn->height = in.height;
        drawn->nodes.clear();
        drawn->edges.clear();
    }
    auto toScreen = [&](float wx, float wy) {
        return Point{in.camera.screenX(wx, in.width), in.camera.screenY(wy, in.height)};
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
    static std::vector<uint32_t> single(1);
    const size_t groupCount = in.edgeGroups ? in.edgeGroups->size() : map.relations.size();
    std::vector<Point> line;
    for (size_t gi = 0; gi < groupCount; ++gi) {
        const std::vector<uint32_t>* members = &single;
        if (in.edgeGroups)
            members = &(*in.edgeGroups)[gi];
        else
            single[0] = uint32_t(gi);
        // The drawn edge takes the look of its most emphasised, then most structural, member.
        long lead = -1;
        int leadScore = -1;
        for (uint32_t r : *members) {
            const uint8_t e = in.relationEmphasis[r];
            if (e == Hidden) continue;
            const int strong = in.kindStrong && in.kindStrong[size_t(map.relations[r].kind)] ? 1 : 0;
            const int score = int(e) * 2 + strong;
            if (score > leadScore) leadScore = score, lead = long(r);
        }
        if (lead < 0) continue;
        const uint32_t r = uint32_t(lead);
        const uint8_t e = in.relationEmphasis[r];
        const Relation& rel = map.relations[r];
        const float ax = in.x[rel.from], ay = in.y[rel.from], bx = in.x[rel.to], by = in.y[rel.to];
        line.clear();
        line.push_back({ax, ay});
        if (in.routes && r < in.routes->size())
            line.insert(line.end(), (*in.routes)[r].begin(), (*in.routes)[r].end());
        line.push_back({bx, by});
        float lx0 = 1e30f, lx1 = -1e30f, ly0 = 1e30f, ly1 = -1e30f;
        for (const Point& p : line)
            lx0 = std::min(lx0, p[0]), lx1 = std::max(lx1, p[0]), ly0 = std::min(ly0, p[1]),
            ly1 = std::max(ly1, p[1]);
        if (lx1 < wx0 || lx0 > wx1 || ly1 < wy0 || ly0 > wy1) continue;
        // Stop at the rims so arrowheads touch the discs instead of hiding under them.
        const float r0 = std::max(in.radius[rel.from], kMinDiscPx * px);
        const float r1 = std::max(in.radius[rel.to], kMinDiscPx * px) + 1.5f * px;
        if (!trim(line, r0, r1)) continue;
        const Category& kind = map.relationKinds[size_t(rel.kind)];
        const bool strong = !in.kindStrong || in.kindStrong[size_t(rel.kind)];
        float alpha = alphaFor(e, true), width = e >= Highlighted ? 2.6f : 1.4f;
        if (e == Normal && !strong) alpha = 0.32f, width = 1.1f;  // context: lighter
        if (e == Normal && strong) alpha = 0.8f, width = 1.8f;
        if (members->size() > 1 && e >= Normal) width += 0.6f;  // several relations in one edge
        if (in.highContrast) width *= 1.5f, alpha = std::max(alpha, e == Faded ? 0.22f : 0.75f);
        for (size_t k = 0; k + 1 < line.size(); ++k) {
            QfqEdgeInstance inst;
            inst.x0 = line[k][0], inst.y0 = line[k][1], inst.x1 = line[k + 1][0], inst.y1 = line[k + 1][1];
            inst.colour = rgba(kind.colour, alpha);
            inst.width = width;
            const bool last = k + 2 == line.size();
            inst.arrow = last && rel.directed ? (e >= Highlighted ? 11.0f : 8.0f) : 0.0f;
            inst.dash = float(int(kind.dash));
            edgeBuckets[e].push_back(inst);
        }
        ++scene.visibleRelations;
        if (drawn) {
            DrawnEdge d{rel.from, rel.to, {}, {}};
            for (uint32_t m : *members)
                if (in.relationEmphasis[m] != Hidden) d.relations.push_back(m);
            for (const Point& p : line) d.points.push_back(toScreen(p[0], p[1]));
            drawn->edges.push_back(std::move(d));
        }
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
        if (in.highContrast && e == Faded) alpha = 0.35f;  // context stays visible on a projector
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
    scene.visibleActors = uint32_t(scene.nodes.size());
}

// ---------------------------------------------------------------------------
// 2. Labels
// ---------------------------------------------------------------------------

void placeLabels(const SceneInput& in, const DrawnScene& drawn, std::vector<LabelRequest>& requests,
                 float defaultSize, float reservedSize, MeasureText measure, void* user, uint32_t maxLabels,
                 std::vector<PlacedLabel>& out) {
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

    // The same placement as the exports (layout/labels.h), over what this frame draws.
    std::vector<int32_t> nodeOf(in.map->actors.size(), -1);
    std::vector<layout::LabelDisc> discs;
    discs.reserve(drawn.nodes.size());
    for (uint32_t i = 0; i < drawn.nodes.size(); ++i) {
        const DrawnNode& n = drawn.nodes[i];
        nodeOf[n.actor] = int32_t(i);
        discs.push_back({n.actor, n.x, n.y, n.r});
    }
    std::vector<layout::LabelSegment> segments;
    if (drawn.edges.size() < 20000)  // beyond that, edges are a texture: labels go on top
        for (const DrawnEdge& e : drawn.edges)
            for (size_t k = 0; k + 1 < e.points.size(); ++k)
                segments.push_back(
                    {e.from, e.to, e.points[k][0], e.points[k][1], e.points[k + 1][0], e.points[k + 1][1]});
    std::vector<layout::LabelItem> items;
    std::vector<size_t> requestOf;
    for (size_t i = 0; i < requests.size(); ++i) {
        const LabelRequest& req = requests[i];
        const int32_t ni = nodeOf[req.actor];
        if (ni < 0 || !req.text || req.text->count == 0) continue;
        const DrawnNode& node = drawn.nodes[size_t(ni)];
        const layout::LabelText& t = *req.text;
        const float size = req.size > 0 ? req.size : defaultSize;
        float w = t.widthEm * size;  // never narrower than the layout's metrics
        for (int l = 0; l < t.count; ++l)
            w = std::max(w, measure(t.lines[l].data(), t.lines[l].data() + t.lines[l].size(), size, user) +
                                (l == 0 && t.boldBytes ? layout::kBoldExtraEm * size : 0.0f));
        items.push_back({req.actor, node.x, node.y, node.r, w / size, t.count, size, req.reserved,
                         in.actorEmphasis[req.actor] >= Selected});
        requestOf.push_back(i);
    }
    std::vector<layout::PlacedBox> placed;
    layout::placeLabelBoxes(items, discs, segments, in.width, in.height, reservedSize, maxLabels, placed);
    for (const layout::PlacedBox& p : placed) {
        const layout::LabelItem& item = items[p.item];
        const float pad = layout::kPlatePadEm * item.size;
        out.push_back(
            {item.id, p.box, p.box.x0 + pad, p.box.y0 + pad, item.size, requests[requestOf[p.item]].text});
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
