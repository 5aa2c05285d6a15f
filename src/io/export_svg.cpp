// io/export_svg.cpp — pictures (the scene, SVG) and the HTML glossary page.
//
// Contents
//   1. Small helpers (numbers, UTF-8, colours, visibility)
//   2. fitView, textWidth
//   3. buildScene: title, bands, relations, actors, labels, legend
//   4. toSvg
//   5. glossaryHtml
//
// The scene is built once in CSS pixels; toSvg writes it and toPng (raster.cpp) fills pixels
// from it, so the two pictures cannot drift apart.

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "io/export.h"

namespace qfq::io {

namespace {

// ---------------------------------------------------------------------------
// 1. Small helpers
// ---------------------------------------------------------------------------

std::string num(float v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", double(v));
    std::string s = buffer;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

std::string hex(uint32_t rgb) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%06x", unsigned(rgb & 0xFFFFFF));
    return buffer;
}

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

constexpr float kRadius = 6, kLabelSize = 12, kBandTop = 28, kBandBottom = 20;

}  // namespace

// ---------------------------------------------------------------------------
// 2. fitView, textWidth
// ---------------------------------------------------------------------------

namespace detail {

float textWidth(std::string_view utf8, float size) {
    size_t points = 0;
    for (char c : utf8) points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return float(points) * size * 0.6f;
}

}  // namespace detail

View fitView(const Map& map, const std::vector<float>& x, const std::vector<float>& y,
             const ExportOptions& options, float maxWidth, float margin) {
    float minX = INFINITY, maxX = -INFINITY, minY = INFINITY, maxY = -INFINITY, label = 0;
    for (size_t i = 0; i < map.actors.size(); ++i) {
        if (!shown(options.visibleActors, i) || !placed(x, y, i)) continue;
        minX = std::min(minX, x[i]), maxX = std::max(maxX, x[i]);
        minY = std::min(minY, y[i]), maxY = std::max(maxY, y[i]);
        label = std::max(label, detail::textWidth(map.actors[i].label(options.lang), kLabelSize));
    }
    View v;
    if (!(minX <= maxX)) return v;      // nothing to show
    float extra = kRadius + 4 + label;  // labels sit right of the discs
    float spanX = maxX - minX, spanY = maxY - minY;
    v.zoom = spanX > 0 ? std::min(1.0f, std::max(0.05f, (maxWidth - 2 * margin - extra) / spanX)) : 1.0f;
    float top = margin + (options.bands ? kBandTop : 10),
          bottom = margin + (options.bands ? kBandBottom : 10);
    v.width = std::max(240.0f, spanX * v.zoom + 2 * margin + extra);
    v.height = std::max(120.0f, spanY * v.zoom + top + bottom);
    v.centerX = minX + (v.width * 0.5f - margin - kRadius) / v.zoom;
    v.centerY = minY + (v.height * 0.5f - top) / v.zoom;
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

    S background;
    background.kind = S::Rect, background.colour = 0xFFFFFF, background.x1 = view.width;
    add(background);  // its height is known at the end
    if (!opt.title.empty()) add(label(16, 29, opt.title, 20, 0x1A1A1A, true));

    // Bands: from the level's highest to lowest visible actor.
    if (opt.bands)
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

    // Relations under the actors.
    for (size_t r = 0; r < map.relations.size(); ++r) {
        const Relation& rel = map.relations[r];
        if (!shown(opt.visibleRelations, r) || rel.from >= visible.size() || rel.to >= visible.size() ||
            !visible[rel.from] || !visible[rel.to])
            continue;
        const Category* kind = at(map.relationKinds, rel.kind);
        if (kind) relationKindUsed[size_t(rel.kind)] = 1;
        float px = sx(x[rel.from]), py = sy(y[rel.from]), qx = sx(x[rel.to]), qy = sy(y[rel.to]);
        float dx = qx - px, dy = qy - py, len = std::sqrt(dx * dx + dy * dy);
        if (len < 2 * kRadius + 2) continue;
        float ux = dx / len, uy = dy / len, head = rel.directed ? 9.0f : 0.0f;
        S line;
        line.kind = S::Line, line.id = rel.id;
        line.x0 = px + ux * kRadius, line.y0 = py + uy * kRadius;
        line.x1 = qx - ux * (kRadius + head * 0.8f), line.y1 = qy - uy * (kRadius + head * 0.8f);
        line.width = 1.5f, line.colour = kind ? kind->colour : 0x808080;
        line.alpha = rel.confidence == Confidence::Unsure ? 0.5f : 0.85f;
        line.dash = kind ? kind->dash : Dash::Solid;
        add(line);
        if (rel.directed) {
            S arrow = line;
            arrow.kind = S::Arrow, arrow.dash = Dash::Solid;
            arrow.x1 = qx - ux * kRadius, arrow.y1 = qy - uy * kRadius, arrow.r = head;
            add(arrow);
        }
    }

    // Actors, then their labels on top of every disc.
    for (size_t i = 0; i < map.actors.size(); ++i) {
        if (!visible[i]) continue;
        const Actor& a = map.actors[i];
        const Category* kind = at(map.actorKinds, a.kind);
        if (kind) kindUsed[size_t(a.kind)] = 1;
        bool unsure = a.confidence == Confidence::Unsure;
        anyUnsure = anyUnsure || unsure;
        S disc;
        disc.kind = S::Disc, disc.x0 = sx(x[i]), disc.y0 = sy(y[i]), disc.r = kRadius, disc.id = a.id;
        disc.colour = kind ? kind->colour : 0x808080, disc.width = unsure ? 2.5f : 0.0f;
        add(disc);
    }
    for (size_t i = 0; i < map.actors.size(); ++i) {
        if (!visible[i]) continue;
        S text =
            label(sx(x[i]) + kRadius + 4, sy(y[i]) + 4, map.actors[i].label(opt.lang), kLabelSize, 0x222222);
        text.halo = true, text.id = map.actors[i].id;
        add(text);
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
            float at = lx;
            lx += w;
            return at;
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

// ---------------------------------------------------------------------------
// 4. toSvg
// ---------------------------------------------------------------------------

std::string toSvg(const Map& map, const std::vector<float>& x, const std::vector<float>& y, const View& view,
                  const ExportOptions& options) {
    using detail::Shape;
    using detail::xmlEscape;
    detail::Scene scene = detail::buildScene(map, x, y, view, options);
    std::string title = options.title.empty() ? map.title.get(options.lang) : options.title;
    std::string o =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
        num(scene.width) + "\" height=\"" + num(scene.height) + "\" viewBox=\"0 0 " + num(scene.width) + " " +
        num(scene.height) + "\" role=\"img\" aria-labelledby=\"qfq-title\">\n";
    o += "<title id=\"qfq-title\">" + xmlEscape(title) + "</title>\n";
    o += "<defs><clipPath id=\"qfq-map\"><rect x=\"0\" y=\"" + num(scene.clipTop) + "\" width=\"" +
         num(scene.width) + "\" height=\"" + num(scene.clipBottom - scene.clipTop) +
         "\"/></clipPath></defs>\n";
    o += "<style>text{font-family:'DejaVu Sans',Verdana,Arial,sans-serif}"
         ".halo{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}</style>\n";
    for (size_t i = 0; i < scene.shapes.size(); ++i) {
        if (i == scene.clipFrom && scene.clipFrom < scene.clipTo) o += "<g clip-path=\"url(#qfq-map)\">\n";
        const Shape& s = scene.shapes[i];
        std::string alpha = s.alpha < 1 ? num(s.alpha) : "";
        std::string id = s.id.empty() ? "" : " data-id=\"" + xmlEscape(s.id) + "\"";
        switch (s.kind) {
            case Shape::Rect:
                o += "<rect x=\"" + num(s.x0) + "\" y=\"" + num(s.y0) + "\" width=\"" + num(s.x1 - s.x0) +
                     "\" height=\"" + num(s.y1 - s.y0) + "\" fill=\"" + hex(s.colour) + "\"" +
                     (alpha.empty() ? "" : " fill-opacity=\"" + alpha + "\"") + id + "/>\n";
                break;
            case Shape::Line:
                o += "<line x1=\"" + num(s.x0) + "\" y1=\"" + num(s.y0) + "\" x2=\"" + num(s.x1) +
                     "\" y2=\"" + num(s.y1) + "\" stroke=\"" + hex(s.colour) + "\" stroke-width=\"" +
                     num(s.width) + "\"" + (alpha.empty() ? "" : " stroke-opacity=\"" + alpha + "\"") +
                     (s.dash == Dash::Dashed   ? " stroke-dasharray=\"6 4\""
                      : s.dash == Dash::Dotted ? " stroke-dasharray=\"1.5 3\" stroke-linecap=\"round\""
                                               : "") +
                     id + "/>\n";
                break;
            case Shape::Arrow: {
                float dx = s.x1 - s.x0, dy = s.y1 - s.y0, len = std::sqrt(dx * dx + dy * dy);
                if (len <= 0) break;
                float ux = dx / len, uy = dy / len, bx = s.x1 - ux * s.r, by = s.y1 - uy * s.r,
                      w = s.r * 0.45f;
                o += "<polygon points=\"" + num(s.x1) + "," + num(s.y1) + " " + num(bx - uy * w) + "," +
                     num(by + ux * w) + " " + num(bx + uy * w) + "," + num(by - ux * w) + "\" fill=\"" +
                     hex(s.colour) + "\"" + (alpha.empty() ? "" : " fill-opacity=\"" + alpha + "\"") + "/>\n";
                break;
            }
            case Shape::Disc:
                if (s.width > 0)
                    o += "<circle cx=\"" + num(s.x0) + "\" cy=\"" + num(s.y0) + "\" r=\"" +
                         num(s.r - s.width * 0.5f) + "\" fill=\"#ffffff\" stroke=\"" + hex(s.colour) +
                         "\" stroke-width=\"" + num(s.width) + "\"" + id + "/>\n";
                else
                    o += "<circle cx=\"" + num(s.x0) + "\" cy=\"" + num(s.y0) + "\" r=\"" + num(s.r) +
                         "\" fill=\"" + hex(s.colour) + "\"" + id + "/>\n";
                break;
            case Shape::Label:
                o += "<text x=\"" + num(s.x0) + "\" y=\"" + num(s.y0) + "\" font-size=\"" + num(s.size) +
                     "\" fill=\"" + hex(s.colour) + "\"" + (s.bold ? " font-weight=\"bold\"" : "") +
                     (s.halo ? " class=\"halo\"" : "") +
                     (s.anchor == 1   ? " text-anchor=\"middle\""
                      : s.anchor == 2 ? " text-anchor=\"end\""
                                      : "") +
                     ">" + xmlEscape(s.text) + "</text>\n";
                break;
        }
        if (i + 1 == scene.clipTo && scene.clipFrom < scene.clipTo) o += "</g>\n";
    }
    return o + "</svg>\n";
}

// ---------------------------------------------------------------------------
// 5. glossaryHtml
// ---------------------------------------------------------------------------

namespace {

// Sort key: lower case with the accents of Latin-1 letters removed ("État" sorts with "etat").
std::string sortKey(std::string_view s) {
    static const char* fold = "aaaaaaaceeeeiiiidnooooo*ouuuuyts";  // U+00C0..U+00DF, then +0x20
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            unsigned char d = static_cast<unsigned char>(s[++i]);
            unsigned idx = (d - 0x80) & 0x1F;
            if (d >= 0x80 && d <= 0xBF) out += fold[idx];
            continue;
        }
        out += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
}

std::string esc(std::string_view s) {
    return detail::xmlEscape(s);
}

std::string sourcesHtml(const std::vector<Source>& sources, Lang lang) {
    if (sources.empty()) return "";
    std::string o = "<p class=\"sources\">" + say(lang, "Sources : ", "Sources: ");
    for (size_t i = 0; i < sources.size(); ++i) {
        const Source& s = sources[i];
        std::string text = s.title;
        if (text.empty()) {
            size_t start = s.url.find("://");
            start = start == std::string::npos ? 0 : start + 3;
            text = s.url.substr(start, s.url.find('/', start) - start);
        }
        o += (i ? ", " : "") + std::string("<a href=\"") + esc(s.url) + "\" rel=\"noopener noreferrer\">" + esc(text) +
             "</a>";
        if (!s.verified.empty())
            o += " <small>(" + say(lang, "vérifié le ", "checked ") + "<time datetime=\"" + esc(s.verified) +
                 "\">" + esc(s.verified) + "</time>)</small>";
    }
    return o + "</p>";
}

}  // namespace

std::string glossaryHtml(const Map& map, Lang lang, const std::string& appHref,
                         const std::string& otherLangHref) {
    const std::string title = map.title.get(lang);
    const char* code = lang == Lang::Fr ? "fr" : "en";
    std::string o = "<!DOCTYPE html>\n<html lang=\"" + std::string(code) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    o += "<title>" + esc(say(lang, "Glossaire — ", "Glossary — ") + title) + " — Qui fait quoi ?</title>\n";
    o += "<meta name=\"description\" content=\"" +
         esc(say(lang, "Qui fait quoi dans le numérique éducatif : sigles, acteurs et relations — ",
                 "Who does what in digital education: acronyms, actors and relations — ") +
             title) +
         "\">\n";
    if (!otherLangHref.empty())
        o += "<link rel=\"alternate\" hreflang=\"" + std::string(lang == Lang::Fr ? "en" : "fr") +
             "\" href=\"" + esc(otherLangHref) + "\">\n";
    o +=
        "<style>body{font-family:'DejaVu Sans',Verdana,sans-serif;max-width:52rem;margin:0 auto;padding:1rem;"
        "line-height:1.5;color:#1a1a1a}dt{font-weight:bold;margin-top:1.2rem;font-size:1.1rem}"
        "dd{margin-left:1.2rem}.meta,.sources{font-size:.9rem;color:#444}a{color:#0b5394}"
        ".open{display:inline-block;padding:.4rem .8rem;border:2px solid "
        "#0b5394;border-radius:.3rem}</style>\n";
    o += "</head>\n<body>\n<header>\n<h1>" + esc(say(lang, "Glossaire : ", "Glossary: ") + title) + "</h1>\n";
    if (!map.description.empty()) o += "<p>" + esc(map.description.get(lang)) + "</p>\n";
    o += "<p><a class=\"open\" href=\"" + esc(appHref) + "\">" +
         say(lang, "Ouvrir la carte interactive", "Open the interactive map") + "</a>";
    if (!otherLangHref.empty())
        o += " · <a href=\"" + esc(otherLangHref) + "\" hreflang=\"" + (lang == Lang::Fr ? "en" : "fr") +
             "\" lang=\"" + (lang == Lang::Fr ? "en" : "fr") + "\">" +
             say(lang, "English version", "Version française") + "</a>";
    o += "</p>\n</header>\n<main>\n<section aria-labelledby=\"terms\">\n<h2 id=\"terms\">" +
         say(lang, "Sigles et acteurs", "Acronyms and actors") + "</h2>\n<dl>\n";

    struct Entry {
        std::string key;
        size_t actor = SIZE_MAX, term = SIZE_MAX;
    };
    std::vector<Entry> entries;
    for (size_t i = 0; i < map.actors.size(); ++i)
        entries.push_back({sortKey(map.actors[i].label(lang)), i, SIZE_MAX});
    for (size_t i = 0; i < map.glossary.size(); ++i)
        entries.push_back({sortKey(map.glossary[i].term), SIZE_MAX, i});
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.key < b.key; });
    auto actorLink = [&](uint32_t index) {
        const Actor& a = map.actors[index];
        return "<a href=\"#actor-" + esc(a.id) + "\">" + esc(a.label(lang)) + "</a>";
    };
    for (const Entry& e : entries) {
        if (e.actor != SIZE_MAX) {
            const Actor& a = map.actors[e.actor];
            const std::string& name = a.name.get(lang);
            o += "<dt id=\"actor-" + esc(a.id) + "\">" +
                 (a.acronym.empty() ? esc(name)
                                    : "<abbr title=\"" + esc(name) + "\">" + esc(a.acronym) + "</abbr>") +
                 "</dt>\n<dd>\n";
            if (!a.acronym.empty()) o += "<p><strong>" + esc(name) + "</strong></p>\n";
            if (!a.description.empty()) o += "<p>" + esc(a.description.get(lang)) + "</p>\n";
            if (!a.missions.empty()) {
                o += "<ul>";
                for (const Text& m : a.missions) o += "<li>" + esc(m.get(lang)) + "</li>";
                o += "</ul>\n";
            }
            const Category* level = at(map.levels, a.level);
            const Category* kind = at(map.actorKinds, a.kind);
            const Territory* territory = at(map.territories, a.territory);
            o += "<p class=\"meta\">" + say(lang, "Niveau : ", "Level: ") +
                 esc(level ? level->label.get(lang) : "") + " · " + say(lang, "Type : ", "Kind: ") +
                 esc(kind ? kind->label.get(lang) : "");
            if (territory)
                o += " · " + say(lang, "Territoire : ", "Territory: ") + esc(territory->name.get(lang));
            if (a.confidence == Confidence::Unsure)
                o += " · <em>" + say(lang, "information incertaine", "unsure information") + "</em>";
            o += "</p>\n";
            if (!a.formerNames.empty()) {
                o += "<p class=\"meta\">" + say(lang, "Anciens noms : ", "Former names: ");
                for (size_t k = 0; k < a.formerNames.size(); ++k) {
                    const FormerName& f = a.formerNames[k];
                    o += (k ? ", " : "") + esc(f.name);
                    if (!f.expansion.empty()) o += " (" + esc(f.expansion.get(lang)) + ")";
                    if (!f.until.empty()) o += say(lang, " jusqu'en ", " until ") + esc(f.until);
                }
                o += "</p>\n";
            }
            if (!a.url.empty())
                o += "<p><a href=\"" + esc(a.url) + "\" rel=\"noopener noreferrer\">" + esc(a.url) + "</a></p>\n";
            o += sourcesHtml(a.sources, lang) + "\n</dd>\n";
        } else {
            const GlossaryEntry& g = map.glossary[e.term];
            o += "<dt id=\"term-" + esc(sortKey(g.term)) + "\"><abbr title=\"" + esc(g.expansion.get(lang)) +
                 "\">" + esc(g.term) + "</abbr></dt>\n<dd>\n<p><strong>" + esc(g.expansion.get(lang)) +
                 "</strong></p>\n";
            if (!g.definition.empty()) o += "<p>" + esc(g.definition.get(lang)) + "</p>\n";
            if (!g.see.empty()) {
                o += "<p class=\"meta\">" + say(lang, "Voir : ", "See: ");
                for (size_t k = 0; k < g.see.size(); ++k)
                    if (g.see[k] < map.actors.size()) o += (k ? ", " : "") + actorLink(g.see[k]);
                o += "</p>\n";
            }
            o += sourcesHtml(g.sources, lang) + "\n</dd>\n";
        }
    }
    o += "</dl>\n</section>\n";
    if (!map.relations.empty()) {
        o += "<section aria-labelledby=\"relations\">\n<h2 id=\"relations\">" +
             say(lang, "Relations", "Relations") + "</h2>\n<ul>\n";
        for (const Relation& r : map.relations) {
            if (r.from >= map.actors.size() || r.to >= map.actors.size()) continue;
            const Category* kind = at(map.relationKinds, r.kind);
            std::string verb =
                kind ? (kind->verb.empty() ? kind->label.get(lang) : kind->verb.get(lang)) : "";
            o += "<li>" + actorLink(r.from) + " " + esc(verb) + " " + actorLink(r.to);
            if (!r.description.empty()) o += " — " + esc(r.description.get(lang));
            if (r.confidence == Confidence::Unsure)
                o += " <em>(" + say(lang, "incertain", "unsure") + ")</em>";
            o += "</li>\n";
        }
        o += "</ul>\n</section>\n";
    }
    o += "</main>\n<footer>\n<p class=\"meta\">" + esc(title) + " — " + say(lang, "licence ", "licence ") +
         esc(map.licence);
    if (!map.updated.empty()) o += " — " + say(lang, "mise à jour le ", "updated ") + esc(map.updated);
    if (!map.maintainers.empty()) {
        o += " — " + say(lang, "maintenu par ", "maintained by ");
        for (size_t k = 0; k < map.maintainers.size(); ++k) {
            const Maintainer& m = map.maintainers[k];
            o += (k ? ", " : "") +
                 (m.url.empty() ? esc(m.name) : "<a href=\"" + esc(m.url) + "\">" + esc(m.name) + "</a>");
        }
    }
    o += ".</p>\n<p class=\"meta\"><a href=\"" + esc(appHref) +
         "\">Qui fait quoi ?</a></p>\n</footer>\n</body>\n</html>\n";
    return o;
}

}  // namespace qfq::io
