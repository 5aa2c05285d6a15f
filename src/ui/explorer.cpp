// ui/explorer.cpp — map lifecycle, layout driving, emphasis, graph interaction, drawing.
//
// Contents
//   1. Map and catalogue
//   2. Layout (time-sliced, with smooth transitions)
//   3. Emphasis: filters, focus, hover and selection neighbourhoods, paths
//   4. Interaction: mouse, wheel, keyboard
//   6. Frame and drawing
// (5. Labels and band captions, and scene(): ui/map_draw.cpp; 7. status(): ui/explorer_status.cpp)

#include "ui/explorer.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "render/gpu.h"
#include "ui/map_draw.h"
#include "ui/panels.h"
#include "ui/present.h"
#include "ui/strings.h"
#include "ui/variants.h"

namespace qfq::ui {

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kTransitionSeconds = 0.6f;

float smoothstep(float t) {
    return t * t * (3.0f - 2.0f * t);
}

}  // namespace

void showNotice(Explorer& ex, const std::string& text, double seconds) {
    ex.notice = text;
    ex.noticeUntil = ex.timeMs + seconds * 1000.0;
}

// ---------------------------------------------------------------------------
// 1. Map and catalogue
// ---------------------------------------------------------------------------

static void startLayout(Explorer& ex, bool keepPositions);

void setMap(Explorer& ex, Map&& map, const std::string& ref) {
    // Remember what to keep: the selected actor and everyone's position, by id.
    std::string selectedId = ex.selected >= 0 ? ex.map.actors[size_t(ex.selected)].id : "";
    std::unordered_map<std::string, std::pair<float, float>> oldPositions;
    if (ex.hasMap)
        for (size_t a = 0; a < ex.map.actors.size(); ++a)
            oldPositions[ex.map.actors[a].id] = {ex.x[a], ex.y[a]};

    ex.map = std::move(map);
    ex.hasMap = true;
    ++ex.mapGeneration;
    if (ref != ex.mapRef) ex.legendPlaced = false;  // a new map: the legend's place is decided again
    ex.mapRef = ref;
    ex.variant = -1;
    rememberUnvaried(ex);
    const size_t n = ex.map.actors.size();
    ex.degree.assign(n, 0);
    ex.incident.assign(n, {});
    for (uint32_t r = 0; r < ex.map.relations.size(); ++r) {
        const Relation& rel = ex.map.relations[r];
        ++ex.degree[rel.from];
        ex.incident[rel.from].push_back(r);
        if (rel.to != rel.from) {
            ++ex.degree[rel.to];
            ex.incident[rel.to].push_back(r);
        }
    }
    // Parallel relations (any kind, either direction) between the same two actors are drawn
    // as one edge; the legend names the kinds.
    {
        std::unordered_map<uint64_t, size_t> groupOf;
        ex.edgeGroups.clear();
        for (uint32_t r = 0; r < ex.map.relations.size(); ++r) {
            const Relation& rel = ex.map.relations[r];
            const uint64_t key = (uint64_t(std::min(rel.from, rel.to)) << 32) | std::max(rel.from, rel.to);
            auto [it, fresh] = groupOf.emplace(key, ex.edgeGroups.size());
            if (fresh) ex.edgeGroups.emplace_back();
            ex.edgeGroups[it->second].push_back(r);
        }
        // Structural kinds (who steers whom) are drawn stronger by default; the others are
        // lighter context, each one click away in the legend.
        ex.kindStrong.assign(ex.map.relationKinds.size(), 0);
        for (size_t k = 0; k < ex.map.relationKinds.size(); ++k) {
            const std::string& id = ex.map.relationKinds[k].id;
            ex.kindStrong[k] = id == "steers" || id == "authority" || id == "appoints" || id == "regulates";
        }
    }
    ex.radius.resize(n);
    for (size_t a = 0; a < n; ++a)
        ex.radius[a] = std::min(7.0f + 2.0f * std::sqrt(float(ex.degree[a])), 22.0f);
    ex.levelOn.assign(ex.map.levels.size(), 1);
    ex.kindOn.assign(ex.map.actorKinds.size(), 1);
    ex.relationKindOn.assign(ex.map.relationKinds.size(), 1);
    ex.actorEmphasis.assign(n, render::Normal);
    ex.relationEmphasis.assign(ex.map.relations.size(), render::Normal);
    ex.filterVisible.assign(n, 1);
    ex.hovered = ex.focused = ex.dragging = ex.keyboardCursor = ex.pathFrom = -1;
    ex.pathActors.clear();
    ex.contactKey = 0;
    ex.tour = -1;
    ex.tourStep = 0;
    ex.tourFocus.clear();
    ex.hits.clear();
    ex.searchIndex.build(ex.map);
    ex.network.build(ex.map);
    {
        query::Centrality c = ex.network.centrality();
        std::vector<uint32_t> order(n);
        for (uint32_t a = 0; a < n; ++a) order[a] = a;
        auto score = [&](uint32_t a) {
            return c.betweenness.empty() ? double(c.degree[a]) : c.betweenness[a];
        };
        std::sort(order.begin(), order.end(),
                  [&](uint32_t p, uint32_t q) { return score(p) != score(q) ? score(p) > score(q) : p < q; });
        order.resize(std::min<size_t>(order.size(), 8));
        ex.hubs = order;
    }
    ex.topics.clear();
    for (const Actor& actor : ex.map.actors)
        ex.topics.insert(ex.topics.end(), actor.topics.begin(), actor.topics.end());
    std::sort(ex.topics.begin(), ex.topics.end());
    ex.topics.erase(std::unique(ex.topics.begin(), ex.topics.end()), ex.topics.end());
    ex.contactTopic = ex.contactTerritory = -1;
    ex.contactSchool = -1;
    ex.contactTopicText[0] = ex.contactPlaceText[0] = 0;
    ex.contactAnswer = {};
    ex.answerActors.clear();
    ex.pathResult = {};
    ex.selected = selectedId.empty() ? -1 : ex.map.findActor(selectedId);
    if (ex.selected < 0) ex.showCard = false;

    ex.x.assign(n, kNaN);
    ex.y.assign(n, kNaN);
    for (size_t a = 0; a < n; ++a) {
        auto it = oldPositions.find(ex.map.actors[a].id);
        if (it != oldPositions.end()) ex.x[a] = it->second.first, ex.y[a] = it->second.second;
    }
    // A cartographic layout is made afresh for each map: frame it once it is done.
    if (ex.layoutMode == layout::Mode::Layered && n < 3000) ex.cameraSet = false;
    startLayout(ex, !oldPositions.empty());
}

void setCatalogue(Explorer& ex, const std::string& text) {
    ex.catalogue.clear();
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object() || !j.contains("maps") || !j["maps"].is_array()) return;
    auto readText = [](const nlohmann::json& v) {
        Text t;
        if (v.is_string()) t.fr = t.en = v.get<std::string>();
        if (v.is_object()) {
            if (v.contains("fr") && v["fr"].is_string()) t.fr = v["fr"].get<std::string>();
            if (v.contains("en") && v["en"].is_string()) t.en = v["en"].get<std::string>();
        }
        return t;
    };
    for (const auto& m : j["maps"]) {
        if (!m.is_object() || !m.contains("id") || !m["id"].is_string()) continue;
        CatalogueEntry e;
        e.id = m["id"].get<std::string>();
        if (m.contains("path") && m["path"].is_string()) e.path = m["path"].get<std::string>();
        if (m.contains("title")) e.title = readText(m["title"]);
        if (m.contains("description")) e.description = readText(m["description"]);
        if (m.contains("variants") && m["variants"].is_array())
            for (const auto& v : m["variants"])
                if (v.is_string()) e.variants.push_back(v.get<std::string>());
        ex.catalogue.push_back(std::move(e));
    }
}

// ---------------------------------------------------------------------------
// 2. Layout
// ---------------------------------------------------------------------------

// The strip kept free at the bottom of a wide screen: the folded legend's bar and the
// page's one-line notices sit there, never over the map.
static float bottomStrip(const Explorer& ex) {
    return ex.width < 700 || ex.present || ex.embed ? 0.0f : 30.0f;
}

// The screen a layout should fill: the canvas under the toolbar, with small margins.
static void layoutView(const Explorer& ex, float& w, float& h) {
    w = std::max(200.0f, ex.width - 24.0f);
    h = std::max(150.0f, ex.height - ex.topBarHeight - bottomStrip(ex) - 24.0f);
}

static layout::Options layoutOptions(const Explorer& ex) {
    layout::Options o;
    o.mode = ex.layoutMode;
    o.seed = 1;
    if (ex.layoutMode == layout::Mode::Layered && ex.map.actors.size() < 3000) {
        // Cartographic: every actor reserves its label, bands wrap to fill the screen.
        o.cartographic = true;
        o.fontSize = ex.layoutFont;
        layoutView(ex, o.viewWidth, o.viewHeight);
        return o;
    }
    o.fontSize = 15.0f;
    o.labelPadding = 34.0f;
    // Wrap crowded bands to about the canvas width, so the map opens at a zoom where
    // labels are readable instead of one endless row per level.
    // Big maps (thousands of schools) keep the engine's automatic wrapping instead.
    const bool small = ex.map.actors.size() < 300;
    // A phone wraps narrower still: its map is taller than wide.
    o.wrapWidth = small ? std::max(ex.width < 700 ? 520.0f : 900.0f, ex.width * 1.15f) : 0.0f;
    o.wrapMinNodes = small ? 6 : 300;
    o.bandHeight = 90.0f;
    o.rowHeight = 40.0f;
    o.levelGravity = ex.layoutMode == layout::Mode::Force ? 0.05f : 0.0f;
    return o;
}

// Starts a layout of the actors that pass the filters. With keepPositions, actors that
// already have a place start from it, so the picture moves instead of starting over.
static void startLayout(Explorer& ex, bool keepPositions) {
    const size_t n = ex.map.actors.size();
    ex.graph = layout::graphFromMap(ex.map, ex.lang, {}, {}, &ex.nodeToActor, &ex.edgeToRelation);
    ex.graph.radius.resize(ex.graph.n);
    for (size_t i = 0; i < ex.nodeToActor.size(); ++i) ex.graph.radius[i] = ex.radius[ex.nodeToActor[i]];
    ex.labelTexts.resize(n);
    for (size_t a = 0; a < n; ++a) ex.labelTexts[a] = layout::actorLabel(ex.map.actors[a], ex.lang);
    const layout::Options options = layoutOptions(ex);
    ex.layoutCarto = options.cartographic;
    ex.layoutViewW = options.viewWidth, ex.layoutViewH = options.viewHeight;
    ex.routes.assign(ex.map.relations.size(), {});
    layout::Positions initial;
    bool anyKnown = false;
    if (keepPositions) {
        initial.x.resize(ex.nodeToActor.size());
        initial.y.resize(ex.nodeToActor.size());
        for (size_t i = 0; i < ex.nodeToActor.size(); ++i) {
            initial.x[i] = ex.x[ex.nodeToActor[i]];
            initial.y[i] = ex.y[ex.nodeToActor[i]];
            anyKnown = anyKnown || !std::isnan(initial.x[i]);
        }
    }
    // A cartographic layout is sized for the screen: start afresh rather than keep old rows.
    ex.layoutStartMs = ex.timeMs;
    ex.run.start(ex.graph, options, anyKnown && !options.cartographic ? &initial : nullptr);
    ex.layoutRunning = true;
    ex.fromX = ex.x;
    ex.fromY = ex.y;
    ex.targetX.assign(n, 0.0f);
    ex.targetY.assign(n, 0.0f);
}

static void finishLayout(Explorer& ex) {
    ex.layoutMs = ex.timeMs - ex.layoutStartMs;
    const layout::Positions& p = ex.run.positions();
    for (size_t i = 0; i < ex.nodeToActor.size(); ++i) {
        ex.targetX[ex.nodeToActor[i]] = p.x[i];
        ex.targetY[ex.nodeToActor[i]] = p.y[i];
    }
    // Pinned actors keep their pin.
    for (size_t a = 0; a < ex.map.actors.size(); ++a)
        if (ex.map.actors[a].pinned) ex.targetX[a] = ex.map.actors[a].x, ex.targetY[a] = ex.map.actors[a].y;
    ex.bands = ex.run.bands();
    ex.routes.assign(ex.map.relations.size(), {});
    const std::vector<layout::Route>& routes = ex.run.routes();
    for (size_t e = 0; e < routes.size() && e < ex.edgeToRelation.size(); ++e)
        ex.routes[ex.edgeToRelation[e]] = routes[e];
    // Actors without a previous place appear at their target directly.
    for (size_t a = 0; a < ex.map.actors.size(); ++a)
        if (std::isnan(ex.fromX[a]) || std::isnan(ex.fromY[a]))
            ex.fromX[a] = ex.targetX[a], ex.fromY[a] = ex.targetY[a];
    ex.transition = 0;
    ex.layoutRunning = false;
    if (!ex.cameraSet) {
        ex.x = ex.targetX;
        ex.y = ex.targetY;
        ex.transition = 1;
        fitAll(ex, false);
        ex.cameraSet = true;
    }
}

static void advanceLayout(Explorer& ex) {
    // The cartographic layout fills the screen it was made for: lay out again (and fit)
    // when the canvas changes shape, once the user is not in the middle of something.
    if (ex.layoutCarto && !ex.layoutRunning && ex.transition >= 1 && ex.dragging < 0) {
        float w, h;
        layoutView(ex, w, h);
        const float ratio = (w / h) / std::max(0.01f, ex.layoutViewW / ex.layoutViewH);
        if (ratio > 1.15f || ratio < 1.0f / 1.15f || std::fabs(w - ex.layoutViewW) > 300.0f) {
            ex.cameraSet = false;
            startLayout(ex, false);
        }
    }
    if (ex.layoutRunning) {
        ex.run.step(8.0);  // a slice per frame keeps the page responsive on big maps
        if (ex.run.done()) finishLayout(ex);
    }
    if (ex.transition < 1.0f) {
        ex.transition = std::min(1.0f, ex.transition + ex.dt / kTransitionSeconds);
        float k = smoothstep(ex.transition);
        for (size_t a = 0; a < ex.x.size(); ++a) {
            if (long(a) == ex.dragging) continue;
            ex.x[a] = ex.fromX[a] + (ex.targetX[a] - ex.fromX[a]) * k;
            ex.y[a] = ex.fromY[a] + (ex.targetY[a] - ex.fromY[a]) * k;
        }
    }
}

void fitAll(Explorer& ex, bool animate) {
    float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
    const std::vector<float>& xs = ex.transition < 1 ? ex.targetX : ex.x;
    const std::vector<float>& ys = ex.transition < 1 ? ex.targetY : ex.y;
    for (size_t a = 0; a < xs.size(); ++a) {
        if (!ex.actorEmphasis.empty() && ex.actorEmphasis[a] == render::Hidden) continue;
        if (std::isnan(xs[a])) continue;
        x0 = std::min(x0, xs[a]), x1 = std::max(x1, xs[a]);
        y0 = std::min(y0, ys[a]), y1 = std::max(y1, ys[a]);
    }
    if (x0 > x1) return;
    if (ex.layoutCarto && ex.transition >= 1) {
        // Boxes (discs and labels) and band captions: the extents of the visible bands.
        float bx0 = 1e30f, by0 = 1e30f, bx1 = -1e30f, by1 = -1e30f;
        for (const layout::Band& b : ex.bands) {
            if (b.level >= 0 && size_t(b.level) < ex.levelOn.size() && !ex.levelOn[size_t(b.level)]) continue;
            bx0 = std::min(bx0, b.x0), bx1 = std::max(bx1, b.x1), by0 = std::min(by0, b.y0),
            by1 = std::max(by1, b.y1);
        }
        if (bx0 < bx1) {
            float w, h;
            layoutView(ex, w, h);
            float zoom =
                std::clamp(std::min(w / (bx1 - bx0), h / (by1 - by0)), render::Camera::kMinZoom, 2.0f);
            // Centre in the area between the toolbar and the bottom strip.
            float cx = (bx0 + bx1) * 0.5f,
                  cy = (by0 + by1) * 0.5f - ((ex.topBarHeight - bottomStrip(ex)) * 0.5f) / zoom;
            ex.fitCamera = {cx, cy, zoom, ex.topBarHeight};
            if (animate)
                ex.camera.flyTo(cx, cy, zoom);
            else
                ex.camera.x = cx, ex.camera.y = cy, ex.camera.zoom = zoom, ex.camera.animating = false;
            return;
        }
    }
    // Leave room for the search bar (top), labels (right) and the legend (left); a phone's
    // map uses the whole screen below its one-row bar (the legend is folded there).
    const bool phone = ex.width < 700;
    const float usableW = std::max(ex.width - (phone ? 16.0f : 120.0f), 100.0f),
                usableH = std::max(ex.height - (phone ? 90.0f : 140.0f), 100.0f);
    // A phone is taller than wide and the map is wider than tall: fit its height, letting it
    // run past the sides by up to 60 % (panned with a finger) instead of a thin strip.
    float zoom =
        std::min((phone ? 1.6f : 1.0f) * usableW / std::max(x1 - x0 + (phone ? 90.0f : 160.0f), 1.0f),
                 usableH / std::max(y1 - y0 + 40.0f, 1.0f));
    zoom = std::clamp(zoom, render::Camera::kMinZoom, 2.0f);
    float cx = (x0 + x1) * 0.5f + 40.0f, cy = (y0 + y1) * 0.5f - 10.0f / zoom;
    if (animate)
        ex.camera.flyTo(cx, cy, zoom);
    else
        ex.camera.x = cx, ex.camera.y = cy, ex.camera.zoom = zoom, ex.camera.animating = false;
}

// ---------------------------------------------------------------------------
// 3. Emphasis
// ---------------------------------------------------------------------------

// Actors within `depth` hops of `start` through relations that pass `relationOk`.
static std::vector<uint8_t> neighbourhood(const Explorer& ex, long start, int depth,
                                          const std::vector<uint8_t>& actorOk) {
    std::vector<int> dist(ex.map.actors.size(), -1);
    std::vector<uint8_t> in(ex.map.actors.size(), 0);
    std::deque<uint32_t> queue{uint32_t(start)};
    dist[size_t(start)] = 0;
    while (!queue.empty()) {
        uint32_t a = queue.front();
        queue.pop_front();
        in[a] = 1;
        if (dist[a] >= depth) continue;
        for (uint32_t r : ex.incident[a]) {
            const Relation& rel = ex.map.relations[r];
            if (!ex.relationKindOn[size_t(rel.kind)]) continue;
            uint32_t b = rel.from == a ? rel.to : rel.from;
            if (dist[b] >= 0 || !actorOk[b]) continue;
            dist[b] = dist[a] + 1;
            queue.push_back(b);
        }
    }
    return in;
}

// Everything emphasis depends on, hashed: emphasis is recomputed (O(actors + relations))
// only when this changes, not every frame — it matters on maps of 100,000 actors.
static uint64_t emphasisKey(const Explorer& ex) {
    uint64_t h = 1469598103934665603ull;
    auto mix = [&h](uint64_t v) { h = (h ^ v) * 1099511628211ull; };
    mix(uint64_t(ex.hovered + 2));
    mix(uint64_t(ex.selected + 2));
    mix(uint64_t(ex.focused + 2));
    mix(uint64_t(ex.focusDepth));
    mix(uint64_t(ex.hideUnconnected) * 2 + uint64_t(ex.sureOnly));
    for (uint32_t a : ex.pathActors) mix(a);
    mix(0xffff);
    for (uint32_t a : ex.answerActors) mix(a);
    mix(0xfffe);
    for (uint32_t a : ex.tourFocus) mix(a);
    for (const std::vector<uint8_t>* v : {&ex.levelOn, &ex.kindOn, &ex.relationKindOn})
        for (uint8_t b : *v) mix(b);
    mix(ex.map.actors.size());
    mix(ex.map.relations.size());
    mix(ex.mapGeneration);
    return h;
}

static void computeEmphasis(Explorer& ex) {
    const uint64_t key = emphasisKey(ex);
    if (key == ex.emphasisKey) return;
    ex.emphasisKey = key;
    const Map& m = ex.map;
    const size_t n = m.actors.size();
    for (size_t a = 0; a < n; ++a) {
        const Actor& actor = m.actors[a];
        ex.filterVisible[a] = ex.levelOn[size_t(actor.level)] && ex.kindOn[size_t(actor.kind)] &&
                              !(ex.sureOnly && actor.confidence == Confidence::Unsure);
    }
    std::vector<uint8_t> visible = ex.filterVisible;
    long centre = ex.focused >= 0 ? ex.focused : (ex.hideUnconnected ? ex.selected : -1);
    if (centre >= 0 && visible[size_t(centre)]) {
        std::vector<uint8_t> near = neighbourhood(ex, centre, ex.focusDepth, visible);
        for (size_t a = 0; a < n; ++a) visible[a] = visible[a] && near[a];
    }
    const bool touring = !ex.tourFocus.empty();
    // Hovering only highlights (fading the map under a moving mouse makes it flicker); a
    // selection, a path or a tour step fades the rest.
    long active = touring ? -1 : ex.selected >= 0 ? ex.selected : ex.hovered;
    if (active >= 0 && !visible[size_t(active)]) active = -1;
    const bool emphasising =
        (active >= 0 && active == ex.selected) || !ex.pathActors.empty() || !ex.answerActors.empty() || touring;
    for (size_t a = 0; a < n; ++a)
        ex.actorEmphasis[a] = !visible[a] ? render::Hidden : emphasising ? render::Faded : render::Normal;
    for (size_t r = 0; r < m.relations.size(); ++r) {
        const Relation& rel = m.relations[r];
        bool shown = visible[rel.from] && visible[rel.to] && ex.relationKindOn[size_t(rel.kind)] &&
                     !(ex.sureOnly && rel.confidence == Confidence::Unsure);
        ex.relationEmphasis[r] = !shown ? render::Hidden : emphasising ? render::Faded : render::Normal;
    }
    if (active >= 0) {
        for (uint32_t r : ex.incident[size_t(active)]) {
            if (ex.relationEmphasis[r] == render::Hidden) continue;
            ex.relationEmphasis[r] = render::Highlighted;
            const Relation& rel = m.relations[r];
            ex.actorEmphasis[rel.from] = ex.actorEmphasis[rel.to] = render::Highlighted;
        }
    }
    // A contact answer: its actors stand out (no relations: they are a list, not a path).
    for (uint32_t a : ex.answerActors)
        if (a < n && ex.actorEmphasis[a] != render::Hidden) ex.actorEmphasis[a] = render::Highlighted;
    if (!ex.pathActors.empty()) {
        for (size_t i = 0; i < ex.pathActors.size(); ++i) {
            uint32_t a = ex.pathActors[i];
            if (ex.actorEmphasis[a] != render::Hidden) ex.actorEmphasis[a] = render::Highlighted;
            if (i == 0) continue;
            uint32_t b = ex.pathActors[i - 1];
            for (uint32_t r : ex.incident[a]) {
                const Relation& rel = m.relations[r];
                if ((rel.from == b || rel.to == b) && ex.relationEmphasis[r] != render::Hidden)
                    ex.relationEmphasis[r] = render::Selected;
            }
        }
    }
    if (touring) {
        // A tour step: its actors and the relations among them stand out, the rest fades.
        std::vector<uint8_t> inStep(n, 0);
        for (uint32_t a : ex.tourFocus) inStep[a] = 1;
        for (uint32_t a : ex.tourFocus)
            if (visible[a]) ex.actorEmphasis[a] = render::Selected;
        for (size_t r = 0; r < m.relations.size(); ++r)
            if (ex.relationEmphasis[r] == render::Faded && inStep[m.relations[r].from] &&
                inStep[m.relations[r].to])
                ex.relationEmphasis[r] = render::Highlighted;
        if (ex.hovered >= 0 && visible[size_t(ex.hovered)] && !inStep[size_t(ex.hovered)])
            ex.actorEmphasis[size_t(ex.hovered)] = render::Highlighted;
        return;
    }
    if (ex.selected >= 0 && visible[size_t(ex.selected)])
        ex.actorEmphasis[size_t(ex.selected)] = render::Selected;
    if (ex.hovered >= 0 && visible[size_t(ex.hovered)] && ex.hovered != ex.selected)
        ex.actorEmphasis[size_t(ex.hovered)] = render::Highlighted;
}

render::SceneInput sceneInput(const Explorer& ex) {
    render::SceneInput in;
    in.map = &ex.map;
    in.x = ex.x.data();
    in.y = ex.y.data();
    in.actorEmphasis = ex.actorEmphasis.data();
    in.relationEmphasis = ex.relationEmphasis.data();
    in.radius = ex.radius.data();
    in.camera = ex.camera;
    in.width = ex.width;
    in.height = ex.height;
    in.hoverRing = 0x111111;
    in.highContrast = ex.present;
    in.edgeGroups = &ex.edgeGroups;
    in.routes = ex.transition >= 1 && !ex.layoutRunning ? &ex.routes : nullptr;
    in.kindStrong = ex.kindStrong.data();
    return in;
}

// ---------------------------------------------------------------------------
// 4. Interaction
// ---------------------------------------------------------------------------

void select(Explorer& ex, long actor, bool fly) {
    ex.selected = actor;
    ex.cardTerritory = -1;  // a contact answer sets it again right after
    ex.keyboardCursor = actor;
    if (actor < 0) {
        ex.showCard = false;
        return;
    }
    ex.showCard = true;
    if (fly) {
        const float targetZoom = std::max(ex.camera.zoom, 1.2f);
        float tx = ex.transition < 1 ? ex.targetX[size_t(actor)] : ex.x[size_t(actor)];
        float ty = ex.transition < 1 ? ex.targetY[size_t(actor)] : ex.y[size_t(actor)];
        ex.camera.flyTo(tx, ty, targetZoom);
    }
}

// The visible actor nearest to `from` in direction (dx, dy) (a 90° cone), or -1.
static long actorInDirection(const Explorer& ex, long from, float dx, float dy) {
    long best = -1;
    float bestScore = 1e30f;
    for (size_t a = 0; a < ex.x.size(); ++a) {
        if (long(a) == from || ex.actorEmphasis[a] == render::Hidden) continue;
        float vx = ex.x[a] - ex.x[size_t(from)], vy = ex.y[a] - ex.y[size_t(from)];
        float along = vx * dx + vy * dy;
        float across = std::fabs(vx * dy - vy * dx);
        if (along <= 0 || across > along) continue;
        float score = along + 2.0f * across;
        if (score < bestScore) bestScore = score, best = long(a);
    }
    return best;
}

// Actors in reading order (band by band, left to right) for Tab.
static long nextInReadingOrder(const Explorer& ex, long from, int step) {
    std::vector<uint32_t> order;
    for (uint32_t a = 0; a < ex.x.size(); ++a)
        if (ex.actorEmphasis[a] != render::Hidden) order.push_back(a);
    if (order.empty()) return -1;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        float ya = std::round(ex.y[a] / 20.0f), yb = std::round(ex.y[b] / 20.0f);
        return ya != yb ? ya < yb : ex.x[a] != ex.x[b] ? ex.x[a] < ex.x[b] : a < b;
    });
    auto it = std::find(order.begin(), order.end(), uint32_t(from < 0 ? 0 : from));
    if (from < 0 || it == order.end()) return step > 0 ? order.front() : order.back();
    long i = long(it - order.begin()) + step;
    long n = long(order.size());
    return order[size_t(((i % n) + n) % n)];
}

static void handleMouse(Explorer& ex) {
    ImGuiIO& io = ImGui::GetIO();
    render::SceneInput in = sceneInput(ex);
    const ImVec2 mouse = io.MousePos;
    const bool mouseValid = ImGui::IsMousePosValid(&mouse);
    // Picking scans every actor: only redo it when the mouse or the view moved.
    const std::array<float, 5> pickInputs{mouse.x, mouse.y, ex.camera.x, ex.camera.y, ex.camera.zoom};
    const bool moved = pickInputs != ex.lastPickInputs || ex.transition < 1;
    if (!io.WantCaptureMouse && mouseValid && ex.dragging < 0 && !ex.panning && moved) {
        ex.hovered = render::pickActor(in, mouse.x, mouse.y,
                                       io.MouseSource == ImGuiMouseSource_TouchScreen ? 22.0f : 5.0f);
        ex.lastPickInputs = pickInputs;
    } else if (io.WantCaptureMouse || !mouseValid) {
        ex.hovered = -1;
        ex.lastPickInputs = {};
    }

    // The editor's relation tool takes the press on an actor (editor_panel.cpp).
    if (ex.editor.session.active && editorMouse(ex)) return;
    if (!io.WantCaptureMouse && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        if (ex.hovered >= 0) {
            ex.dragging = ex.hovered;
        } else {
            // Grab the world point under the cursor: it stays under the cursor while panning.
            ex.panning = true;
            ex.panAnchorX = ex.camera.worldX(mouse.x, ex.width);
            ex.panAnchorY = ex.camera.worldY(mouse.y, ex.height);
        }
    }
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4.0f) && mouseValid) {
        if (ex.dragging >= 0) {
            // Dragging an actor pins it where it is dropped.
            size_t a = size_t(ex.dragging);
            ex.x[a] = ex.camera.worldX(mouse.x, ex.width);
            ex.y[a] = ex.camera.worldY(mouse.y, ex.height);
            ex.targetX[a] = ex.fromX[a] = ex.x[a];
            ex.targetY[a] = ex.fromY[a] = ex.y[a];
            ex.map.actors[a].pinned = true;
            for (uint32_t r : ex.incident[a]) ex.routes[r].clear();  // its edges go straight now
            ex.map.actors[a].x = ex.x[a];
            ex.map.actors[a].y = ex.y[a];
        } else if (ex.panning) {
            ex.camera.x = ex.panAnchorX - (mouse.x - ex.width * 0.5f) / ex.camera.zoom;
            ex.camera.y = ex.panAnchorY - (mouse.y - ex.height * 0.5f) / ex.camera.zoom;
            ex.camera.animating = false;
        }
    }
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        const bool wasDrag = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 4.0f).x != 0 ||
                             ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 4.0f).y != 0;
        if (!wasDrag && !io.WantCaptureMouse && !ex.suppressClick) {
            if (ex.dragging >= 0)
                select(ex, ex.dragging, false);
            else if (ex.panning) {
                select(ex, -1, false);
                ex.pathActors.clear();
            }
        }
        if (wasDrag && ex.dragging >= 0 && ex.editor.session.active) editorActorMoved(ex, ex.dragging);
        ex.dragging = -1;
        ex.panning = false;
        ex.suppressClick = false;
    }
    if (!io.WantCaptureMouse && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        if (ex.hovered >= 0) {
            ex.focused = ex.hovered;
            select(ex, ex.hovered, true);
        } else {
            ex.focused = -1;
        }
    }
    if (!io.WantCaptureMouse && mouseValid && io.MouseWheel != 0.0f)
        ex.camera.zoomAt(std::exp(io.MouseWheel * 0.18f), mouse.x, mouse.y, ex.width, ex.height);
}

static void handleKeyboard(Explorer& ex) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    if (ImGui::IsKeyPressed(ImGuiKey_Slash, false)) ex.focusSearch = true;
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ex.escapeHandled) {
        if (ex.showCard)
            ex.showCard = false;
        else {
            select(ex, -1, false);
            ex.focused = -1;
            ex.pathActors.clear();
        }
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Tab)) {
        long next = nextInReadingOrder(ex, ex.keyboardCursor, io.KeyShift ? -1 : 1);
        if (next >= 0) {
            ex.keyboardCursor = next;
            ex.selected = next;
            ex.camera.flyTo(ex.x[size_t(next)], ex.y[size_t(next)], std::max(ex.camera.zoom, 0.8f));
        }
    }
    struct Dir {
        ImGuiKey key;
        float dx, dy;
    };
    const Dir dirs[] = {{ImGuiKey_LeftArrow, -1, 0},
                        {ImGuiKey_RightArrow, 1, 0},
                        {ImGuiKey_UpArrow, 0, -1},
                        {ImGuiKey_DownArrow, 0, 1}};
    for (const Dir& d : dirs) {
        if (!ImGui::IsKeyPressed(d.key)) continue;
        if (ex.selected >= 0 && !io.KeyShift) {
            long next = actorInDirection(ex, ex.selected, d.dx, d.dy);
            if (next >= 0) {
                ex.selected = ex.keyboardCursor = next;
                ex.camera.flyTo(ex.x[size_t(next)], ex.y[size_t(next)], ex.camera.zoom);
            }
        } else {
            ex.camera.panPixels(-d.dx * 80.0f, -d.dy * 80.0f);
        }
    }
    if ((ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter)) &&
        ex.selected >= 0)
        select(ex, ex.selected, true);
    if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd))
        ex.camera.zoomAt(1.25f, ex.width * 0.5f, ex.height * 0.5f, ex.width, ex.height);
    if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract))
        ex.camera.zoomAt(0.8f, ex.width * 0.5f, ex.height * 0.5f, ex.width, ex.height);
    if (ImGui::IsKeyPressed(ImGuiKey_0, false)) fitAll(ex, true);
    if (ImGui::IsKeyPressed(ImGuiKey_F, false) && ex.selected >= 0)
        ex.focused = ex.focused == ex.selected ? -1 : ex.selected;
}

// ---------------------------------------------------------------------------
// 6. Frame and drawing
// ---------------------------------------------------------------------------

// Applies a fragment that waited for its map, then tells the page when the shareable view
// changed: a new history entry for what the user chose (selection, map, filters…), an
// in-place update for camera moves, and nothing while the camera is still moving.
static void publishState(Explorer& ex) {
    const std::string pendingMap = fragmentMap(ex.pendingFragment);
    if (!ex.pendingFragment.empty() && !ex.layoutRunning && (pendingMap.empty() || pendingMap == ex.mapRef)) {
        std::string f = std::move(ex.pendingFragment);
        ex.pendingFragment.clear();
        applyState(ex, f);
        computeEmphasis(ex);
    }
    if (ex.camera.animating || ex.panning || ex.dragging >= 0 || ex.layoutRunning || ex.transition < 1)
        return;
    std::string now = encodeState(ex);
    if (now == ex.publishedFragment) return;
    auto withoutCamera = [](const std::string& f) {
        size_t c = f.find("&cam=");
        if (c == std::string::npos) return f;
        size_t e = f.find('&', c + 1);
        return f.substr(0, c) + (e == std::string::npos ? "" : f.substr(e));
    };
    bool push = !ex.publishedFragment.empty() && withoutCamera(now) != withoutCamera(ex.publishedFragment);
    ex.publishedFragment = now;
    nlohmann::json payload = {{"fragment", now}, {"push", push}};
    requestPage("state", payload.dump());
}

void frame(Explorer& ex) {
    ex.camera.update(ex.dt);
    if (!ex.hasMap) {
        drawPanels(ex);
        return;
    }
    syncVariant(ex);  // a variant chosen from the URL, a command or the switcher
    advanceLayout(ex);
    computeEmphasis(ex);
    if (!ex.present)
        drawPanels(ex);  // panels first: they decide whether ImGui wants the mouse
    else
        ex.widgets.clear();
    // The toolbar's height is known once drawn (it wraps on narrow screens): a view still
    // at its fit is fitted again under the real toolbar.
    {
        const auto& f = ex.fitCamera;
        if (ex.cameraSet && !ex.camera.animating && std::fabs(ex.topBarHeight - f[3]) > 1.0f &&
            std::fabs(ex.camera.x - f[0]) < 1e-3f && std::fabs(ex.camera.y - f[1]) < 1e-3f &&
            std::fabs(ex.camera.zoom - f[2]) < 1e-5f)
            fitAll(ex, false);
    }
    drawPresentation(ex);
    std::string card;
    for (const std::string& line : ex.cardLines) card += line + "\n";
    if (card != ex.publishedCard) {
        ex.publishedCard = card;
        requestPage("card", card);
    }
    handleMouse(ex);
    if (!handlePresenterKeys(ex)) handleKeyboard(ex);
    computeEmphasis(ex);
    // The scene (edges and discs) is built here so labels can avoid what is drawn;
    // drawGraph submits it.
    {
        render::SceneInput in = sceneInput(ex);
        buildVisibleScene(ex, in, ex.scene, ex.drawn);
    }
    drawBandCaptions(ex);
    drawLabels(ex);
    publishState(ex);
}

void drawGraph(Explorer& ex) {
    if (!ex.hasMap) return;
    // Band backgrounds: one wide, flat "edge" per band, under everything else.
    static std::vector<QfqEdgeInstance> bandQuads;
    bandQuads.clear();
    float minX = 1e30f, maxX = -1e30f;
    for (size_t a = 0; a < ex.x.size(); ++a) minX = std::min(minX, ex.x[a]), maxX = std::max(maxX, ex.x[a]);
    for (size_t i = 0; i < ex.bands.size(); ++i) {
        const layout::Band& b = ex.bands[i];
        if (b.level < 0 || size_t(b.level) >= ex.map.levels.size() || !ex.levelOn[size_t(b.level)]) continue;
        float cy = (b.y0 + b.y1) * 0.5f;
        QfqEdgeInstance q{};
        q.x0 = std::min(minX, ex.camera.worldX(0, ex.width)) - 1000.0f;
        q.x1 = std::max(maxX, ex.camera.worldX(ex.width, ex.width)) + 1000.0f;
        q.y0 = q.y1 = cy;
        q.width = (b.y1 - b.y0) * ex.camera.zoom;
        q.colour = render::rgba(ex.map.levels[size_t(b.level)].colour, i % 2 ? 0.035f : 0.07f);
        bandQuads.push_back(q);
    }
    QfqView view{ex.camera.zoom, ex.camera.x, ex.camera.y, ex.dpr, ex.width, ex.height, 0, 0};
    qfq_gpu_draw_edges(bandQuads.data(), int(bandQuads.size()), &view);
    qfq_gpu_draw_edges(ex.scene.edges.data(), int(ex.scene.edges.size()), &view);
    qfq_gpu_draw_nodes(ex.scene.nodes.data(), int(ex.scene.nodes.size()), &view);
}

}  // namespace qfq::ui
