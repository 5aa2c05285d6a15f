// io/export_scene.cpp — what a picture of the map is made of (detail::Scene), in CSS pixels:
// the one geometry toSvg and toPng both draw.
//
// Contents
//   1. Small helpers (visibility, colours)
//   2. fitView, fitViewToPage, textWidth
//   3. buildScene: title, bands, relations (routed, merged), actors, labels (placed), legend
//
// Labels use the app's placement (layout/labels.h): the same wrapped text, the same boxes,
// the same candidate positions; with the cartographic layout's routes no edge crosses a
// label, and placement drops a label rather than overlap anything.

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "io/export.h"
#include "layout/labels.h"

namespace qfq::io {

namespace {

// ---------------------------------------------------------------------------
// 1. Small helpers
// ---------------------------------------------------------------------------

bool shown(const std::vector<uint8_t>* mask, size_t i) {
    return !mask || (i < mask->size() && (*mask)[i]);
}

bool placed(const std::vector<float>& x, const std::vector<float>& y, size_t i) {
    return i < x.size() && i < y.size() && std::isfinite(x[i]) && std::isfinite(y[i]);
}

template <class T>
const T* at(const std::vector<T>& list, int index) {
    return index >= 0 && size_t(index) < list.size() ? &list[size_t(index)] : nullptr;
}

const std::string& say(Lang lang, const std::string& fr, const std::string& en) {
    return lang == Lang::Fr ? fr : en;
}

constexpr float kBandTop = 28, kBandBottom = 20, kMinLabel = 7;

std::vector<float> radii(const Map& map, const ExportOptions& opt) {
    if (opt.radius && opt.radius->size() == map.actors.size()) return *opt.radius;
    std::vector<uint32_t> degree(map.actors.size(), 0);
    for (const Relation& r : map.relations) {
        if (r.from < degree.size()) ++degree[r.from];
        if (r.to < degree.size() && r.to != r.from) ++degree[r.to];
    }
    std::vector<float> out(map.actors.size());
    for (size_t i = 0; i < out.size(); ++i) out[i] = layout::discRadius(degree[i]);
    return out;
}

// The world rectangle a picture must show: the bands' boxes, or the actors and labels.
bool worldExtent(const Map& map, const std::vector<float>& x, const std::vector<float>& y,
                 const ExportOptions& opt, float& x0, float& y0, float& x1, float& y1) {
    x0 = y0 = INFINITY, x1 = y1 = -INFINITY;
    if (opt.layoutBands && !opt.layoutBands->empty()) {
        for (const layout::Band& b : *opt.layoutBands)
            if (b.x0 <= b.x1)
                x0 = std::min(x0, b.x0), x1 = std::max(x1, b.x1), y0 = std::min(y0, b.y0),
                y1 = std::max(y1, b.y1);
        if (x0 <= x1) return true;
    }
    const std::vector<float> r = radii(map, opt);
    for (size_t i = 0; i < map.actors.size(); ++i) {
        if (!shown(opt.visibleActors, i) || !placed(x, y, i)) continue;
        const layout::LabelText t = layout::actorLabel(map.actors[i], opt.lang);
        const layout::Box b = layout::labelBox(x[i], y[i], r[i], t.widthEm, t.count, opt.labelFont);
        x0 = std::min(x0, x[i] - r[i]), x1 = std::max(x1, b.x1);
        y0 = std::min(y0, std::min(y[i] - r[i], b.y0)), y1 = std::max(y1, std::max(y[i] + r[i], b.y1));
    }
    return x0 <= x1;
}

}  // namespace

// ---------------------------------------------------------------------------
// 2. fitView, fitViewToPage, textWidth
// ---------------------------------------------------------------------------

namespace detail {

float textWidth(std::string_view utf8, float size) {
    return layout::textWidthEm(utf8) * size;
}

}  // namespace detail

View fitView(const Map& map, const std::vector<float>& x, const std::vector<float>& y,
             const ExportOptions& options, float maxWidth, float margin) {
    View v;
    float x0, y0, x1, y1;
    if (!worldExtent(map, x, y, options, x0, y0, x1, y1)) return v;  // nothing to show
    const float spanX = x1 - x0, spanY = y1 - y0;
    v.zoom = spanX > 0 ? std::min(1.0f, std::max(0.05f, (maxWidth - 2 * margin) / spanX)) : 1.0f;
    const bool strips = options.layoutBands && !options.layoutBands->empty();
    const float top = margin + (options.bands && !strips ? kBandTop : 0),
                bottom = margin + (options.bands && !strips ? kBandBottom : 0);
    v.width = std::max(240.0f, spanX * v.zoom + 2 * margin);
    v.height = std::max(120.0f, spanY * v.zoom + top + bottom);
    v.centerX = (x0 + x1) * 0.5f;
    v.centerY = y0 + (v.height * 0.5f - top) / v.zoom;
    return v;
}

View fitViewToPage(const Map& map, const std::vector<float>& x, const std::vector<float>& y,
                   const ExportOptions& options, float width, float height, float margin) {
    View v;
    v.width = width;
    float x0, y0, x1, y1;
    if (!worldExtent(map, x, y, options, x0, y0, x1, y1)) return v;
    // The title and the legend take what they take (a dry run measures them); the map gets
    // the rest of the page.
    View probe = v;
    probe.height = 100;
    detail::Scene dry = detail::buildScene(map, x, y, probe, options);
    const float chrome = dry.height - probe.height;
    v.height = std::max(60.0f, height - chrome);
    const float spanX = std::max(x1 - x0, 1.0f), spanY = std::max(y1 - y0, 1.0f);
    v.zoom = std::max(0.02f, std::min((width - 2 * margin) / spanX, (v.height - 2 * margin) / spanY));
    v.centerX = (x0 + x1) * 0.5f;
    v.centerY = (y0 + y1) * 0.5f;
    return v;
}

// ---------------------------------------------------------------------------
// 3. buildScene
// ---------------------------------------------------------------------------

namespace detail {

Scene buildScene(const Map& map, const std::vector<float>& x, const std::vector<float>& y, const View& view,
                 const ExportOptions& opt) {
    using S = Shape;
    Scene scene;
    scene.width = view.width;
    const float titleH = opt.title.empty() ? 0 : 44;
    const float mapTop = titleH, mapBottom = titleH + view.height;
    auto sx = [&](float wx) { return (wx - view.centerX) * view.zoom + view.width * 0.5f; };
    auto sy = [&](float wy) { return (wy - view.centerY) * view.zoom + view.height * 0.5f + titleH; };
    auto add = [&](S s) { scene.shapes.push_back(std::move(s)); };
    auto label = [&](float lx, float ly, const std::string& text, float size, uint32_t colour,
                     bool bold = false) {
        S s;
        s.kind = S::Label, s.x0 = lx, s.y0 = ly, s.text = text, s.size = size, s.colour = colour,
        s.bold = bold;
        return s;
    };

    std::vector<uint8_t> visible(map.actors.size());
    for (size_t i = 0; i < map.actors.size(); ++i)
        visible[i] = shown(opt.visibleActors, i) && placed(x, y, i);
    std::vector<uint8_t> kindUsed(map.actorKinds.size()), relationKindUsed(map.relationKinds.size());
    bool anyUnsure = false;
    const std::vector<float> radius = radii(map, opt);
    auto discR = [&](size_t i) { return std::max(2.0f, radius[i] * view.zoom); };

    S background;
    background.kind = S::Rect, background.colour = 0xFFFFFF, background.x1 = view.width;
    add(background);  // its height is known at the end
    if (!opt.title.empty()) add(label(16, 29, opt.title, 20, 0x1A1A1A, true));

    // Label size: the layout's at this zoom (labels fill their reserved boxes), at least
    // legible; placement drops what no longer fits.
    const float reservedSize = opt.labelFont * view.zoom;
    const float labelSize = std::clamp(reservedSize, kMinLabel, 24.0f);

    // Bands: the layout's (with their caption strips), else from the level's highest to
    // lowest visible actor.
    const bool strips = opt.layoutBands && !opt.layoutBands->empty();
    if (opt.bands && strips) {
        for (const layout::Band& lb : *opt.layoutBands) {
            const Category* level = at(map.levels, lb.level);
            if (!level) continue;
            S band;
            band.kind = S::Rect, band.x0 = 0, band.x1 = view.width;
            band.y0 = std::max(mapTop, sy(lb.y0)), band.y1 = std::min(mapBottom, sy(lb.y1));
            band.colour = level->colour, band.alpha = 0.07f, band.id = level->id;
            if (band.y1 <= band.y0) continue;
            add(band);
            const float capSize = std::clamp(opt.labelFont * 0.95f * view.zoom, kMinLabel, 18.0f);
            const float strip = layout::Options{}.captionHeight * view.zoom;
            const float base = sy(lb.y0) + std::max(0.0f, (strip - capSize * layout::lineHeightEm()) * 0.5f) +
                               capSize * 0.93f;
            add(label(std::max(8.0f, sx(lb.x0)), base, level->label.get(opt.lang), capSize, level->colour,
                      true));
        }
    } else if (opt.bands) {
        for (size_t l = 0; l < map.levels.size(); ++l) {
            float lo = INFINITY, hi = -INFINITY;
            for (size_t i = 0; i < map.actors.size(); ++i)
                if (visible[i] && map.actors[i].level == int(l))
                    lo = std::min(lo, y[i]), hi = std::max(hi, y[i]);
            if (!(lo <= hi)) continue;
            S band;
            band.kind = S::Rect, band.x0 = 0, band.x1 = view.width;
            band.y0 = std::max(mapTop, sy(lo) - kBandTop),
            band.y1 = std::min(mapBottom, sy(hi) + kBandBottom);
            band.colour = map.levels[l].colour, band.alpha = 0.08f, band.id = map.levels[l].id;
            if (band.y1 <= band.y0) continue;
            add(band);
            S caption =
                label(10, band.y0 + 15, map.levels[l].label.get(opt.lang), 12, map.levels[l].colour, true);
            caption.halo = true;
            add(caption);
        }
    }

    // Relations under the actors: parallel relations between the same pair are one edge
    // (the legend lists every kind drawn), routed where the layout routed them.
    std::vector<layout::LabelSegment> segments;
    {
        std::unordered_map<uint64_t, size_t> groupOf;
        std::vector<std::vector<uint32_t>> groups;
        for (uint32_t r = 0; r < map.relations.size(); ++r) {
            const Relation& rel = map.relations[r];
            if (!shown(opt.visibleRelations, r) || rel.from >= visible.size() || rel.to >= visible.size() ||
                !visible[rel.from] || !visible[rel.to] || rel.from == rel.to)
                continue;
            const uint64_t key = (uint64_t(std::min(rel.from, rel.to)) << 32) | std::max(rel.from, rel.to);
            auto [it, fresh] = groupOf.emplace(key, groups.size());
            if (fresh) groups.emplace_back();
            groups[it->second].push_back(r);
        }
        for (const std::vector<uint32_t>& group : groups) {
            const Relation& rel = map.relations[group.front()];
            for (uint32_t r : group)
                if (at(map.relationKinds, map.relations[r].kind))
                    relationKindUsed[size_t(map.relations[r].kind)] = 1;
            const Category* kind = at(map.relationKinds, rel.kind);
            std::vector<std::array<float, 2>> pts{{sx(x[rel.from]), sy(y[rel.from])}};
            if (opt.routes && group.front() < opt.routes->size())
                for (const auto& p : (*opt.routes)[group.front()]) pts.push_back({sx(p[0]), sy(p[1])});
            pts.push_back({sx(x[rel.to]), sy(y[rel.to])});
            // Trim to the rims (and the arrowhead's length at the end).
            const float head = rel.directed ? 9.0f : 0.0f;
            auto cut = [](std::vector<std::array<float, 2>>& q, float d) {
                while (q.size() >= 2) {
                    float dx = q[1][0] - q[0][0], dy = q[1][1] - q[0][1], len = std::sqrt(dx * dx + dy * dy);
                    if (len > d) {
                        q[0] = {q[0][0] + dx * d / len, q[0][1] + dy * d / len};
                        return true;
                    }
                    d -= len;
                    q.erase(q.begin());
                }
                return false;
            };
            if (!cut(pts, discR(rel.from))) continue;
            std::reverse(pts.begin(), pts.end());
            if (!cut(pts, discR(rel.to))) continue;
            std::reverse(pts.begin(), pts.end());
            const std::array<float, 2> tip = pts.back();
            {
                std::reverse(pts.begin(), pts.end());
                if (!cut(pts, head * 0.8f)) continue;
                std::reverse(pts.begin(), pts.end());
            }
            const bool merged = group.size() > 1;
            for (size_t k = 0; k + 1 < pts.size(); ++k) {
                S line;
                line.kind = S::Line, line.id = rel.id;
                line.x0 = pts[k][0], line.y0 = pts[k][1], line.x1 = pts[k + 1][0], line.y1 = pts[k + 1][1];
                line.width = merged ? 2.0f : 1.5f, line.colour = kind ? kind->colour : 0x808080;
                line.alpha = rel.confidence == Confidence::Unsure ? 0.5f : 0.85f;
                line.dash = kind ? kind->dash : Dash::Solid;
                add(line);
                segments.push_back({rel.from, rel.to, line.x0, line.y0, line.x1, line.y1});
            }
            segments.push_back({rel.from, rel.to, pts.back()[0], pts.back()[1], tip[0], tip[1]});
            if (rel.directed) {
                S arrow;
                arrow.kind = S::Arrow, arrow.dash = Dash::Solid,
                arrow.colour = kind ? kind->colour : 0x808080;
                arrow.alpha = rel.confidence == Confidence::Unsure ? 0.5f : 0.85f;
                arrow.x0 = pts.back()[0], arrow.y0 = pts.back()[1], arrow.x1 = tip[0], arrow.y1 = tip[1];
                arrow.r = head;
                add(arrow);
            }
        }
    }

    // Actors, then their labels (plates and text) on top of every disc.
    std::vector<layout::LabelDisc> discs;
    for (size_t i = 0; i < map.actors.size(); ++i) {
        if (!visible[i]) continue;
        const Actor& a = map.actors[i];
        const Category* kind = at(map.actorKinds, a.kind);
        if (kind) kindUsed[size_t(a.kind)] = 1;
        bool unsure = a.confidence == Confidence::Unsure;
        anyUnsure = anyUnsure || unsure;
        S disc;
        disc.kind = S::Disc, disc.x0 = sx(x[i]), disc.y0 = sy(y[i]), disc.r = discR(i), disc.id = a.id;
        disc.colour = kind ? kind->colour : 0x808080, disc.width = unsure ? 2.5f : 0.0f;
        add(disc);
        discs.push_back({uint32_t(i), disc.x0, disc.y0, disc.r});
    }
    {
        std::vector<layout::LabelText> texts(map.actors.size());
        std::vector<layout::LabelItem> items;
        for (size_t i = 0; i < map.actors.size(); ++i) {
            if (!visible[i]) continue;
            texts[i] = layout::actorLabel(map.actors[i], opt.lang);
            if (texts[i].count == 0) continue;
            items.push_back({uint32_t(i), sx(x[i]), sy(y[i]), discR(i), texts[i].widthEm, texts[i].count,
                             labelSize, opt.routes != nullptr && !map.actors[i].pinned, false});
        }
        // Most connected first: they keep their labels where space runs out.
        std::vector<uint32_t> degree(map.actors.size(), 0);
        for (const Relation& r : map.relations)
            if (r.from < degree.size() && r.to < degree.size()) ++degree[r.from], ++degree[r.to];
        std::stable_sort(items.begin(), items.end(),
                         [&](const layout::LabelItem& a, const layout::LabelItem& b) {
                             return degree[a.id] > degree[b.id];
                         });
        std::vector<layout::PlacedBox> placedBoxes;
        layout::placeLabelBoxes(items, discs, segments, view.width, mapBottom, reservedSize, 100000,
                                placedBoxes);
        const float lh = layout::lineHeightEm() * labelSize, pad = layout::kPlatePadEm * labelSize;
        for (const layout::PlacedBox& p : placedBoxes) {
            const layout::LabelItem& item = items[p.item];
            const layout::LabelText& t = texts[item.id];
            S plate;
            plate.kind = S::Rect, plate.x0 = p.box.x0, plate.y0 = p.box.y0, plate.x1 = p.box.x1,
            plate.y1 = p.box.y1;
            plate.colour = 0xFFFFFF, plate.alpha = 0.92f, plate.id = "label:" + map.actors[item.id].id;
            add(plate);
            for (int l = 0; l < t.count; ++l) {
                const float base = p.box.y0 + pad + float(l) * lh + layout::lineHeightEm() * 0.8f * labelSize;
                const std::string& s = t.lines[l];
                if (l == 0 && t.boldBytes > 0) {
                    const std::string bold = s.substr(0, t.boldBytes), rest = s.substr(t.boldBytes);
                    S b = label(p.box.x0 + pad, base, bold, labelSize, 0x1A1A1A, true);
                    b.id = map.actors[item.id].id;
                    add(b);
                    if (!rest.empty()) {
                        S r = label(
                            p.box.x0 + pad + textWidth(bold, labelSize) + layout::kBoldExtraEm * labelSize,
                            base, rest, labelSize, 0x222222);
                        r.id = map.actors[item.id].id;
                        add(r);
                    }
                } else {
                    S r = label(p.box.x0 + pad, base, s, labelSize, 0x222222);
                    r.id = map.actors[item.id].id;
                    add(r);
                }
            }
        }
    }
    // Everything so far but the background and title is clipped to the map area.
    size_t clipFrom = opt.title.empty() ? 1 : 2, clipTo = scene.shapes.size();

    // Legend, in rows that wrap.
    float bottom = mapBottom;
    if (opt.legend) {
        const float left = 16, right = view.width - 16;
        float lx = left, ly = mapBottom + 12;
        S rule;
        rule.kind = S::Line, rule.x0 = 0, rule.x1 = view.width, rule.y0 = rule.y1 = mapBottom + 0.5f;
        rule.colour = 0xCCCCCC, rule.width = 1;
        add(rule);
        add(label(left, ly + 12, say(opt.lang, "Légende", "Legend"), 13, 0x1A1A1A, true));
        ly += 22;
        auto place = [&](float w) {
            if (lx > left && lx + w > right) lx = left, ly += 20;
            float where = lx;
            lx += w;
            return where;
        };
        for (size_t k = 0; k < map.actorKinds.size(); ++k) {
            if (!kindUsed[k]) continue;
            const std::string& text = map.actorKinds[k].label.get(opt.lang);
            float ex = place(16 + textWidth(text, 11) + 18);
            S disc;
            disc.kind = S::Disc, disc.x0 = ex + 6, disc.y0 = ly + 7, disc.r = 5,
            disc.colour = map.actorKinds[k].colour;
            disc.width = 0;
            add(disc);
            add(label(ex + 16, ly + 11, text, 11, 0x333333));
        }
        if (anyUnsure) {
            const std::string text =
                opt.lang == Lang::Fr ? "cercle vide : information incertaine" : "open ring: unsure";
            float ex = place(16 + textWidth(text, 11) + 18);
            S ring;
            ring.kind = S::Disc, ring.x0 = ex + 6, ring.y0 = ly + 7, ring.r = 5, ring.colour = 0x555555,
            ring.width = 2;
            add(ring);
            add(label(ex + 16, ly + 11, text, 11, 0x333333));
        }
        lx = left, ly += 22;
        for (size_t k = 0; k < map.relationKinds.size(); ++k) {
            if (!relationKindUsed[k]) continue;
            const Category& c = map.relationKinds[k];
            const std::string& text = c.label.get(opt.lang);
            float ex = place(32 + textWidth(text, 11) + 18);
            S line;
            line.kind = S::Line, line.x0 = ex, line.y0 = line.y1 = ly + 7, line.x1 = ex + 18,
            line.width = 1.5f;
            line.colour = c.colour, line.dash = c.dash;
            add(line);
            S arrow = line;
            arrow.kind = S::Arrow, arrow.dash = Dash::Solid, arrow.x1 = ex + 25, arrow.r = 8;
            add(arrow);
            add(label(ex + 32, ly + 11, text, 11, 0x333333));
        }
        ly += 24;
        std::string credit = "Qui fait quoi ? — " + map.title.get(opt.lang) + " — " + map.licence +
                             (map.updated.empty() ? "" : " — " + map.updated);
        add(label(left, ly + 10, credit, 10, 0x666666));
        bottom = ly + 20;
    }
    scene.height = std::ceil(bottom);
    scene.shapes[0].y1 = scene.height;
    scene.clipTop = mapTop, scene.clipBottom = mapBottom, scene.clipFrom = clipFrom, scene.clipTo = clipTo;
    return scene;
}

}  // namespace detail

}  // namespace qfq::io
