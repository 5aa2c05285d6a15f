// io/export_svg.cpp — the picture as SVG, and the HTML glossary page.
//
// Contents
//   1. Small helpers (numbers, colours)
//   4. toSvg
//   5. glossaryHtml
//
// The scene is built once in CSS pixels (export_scene.cpp); toSvg writes it and toPng
// (raster.cpp) fills pixels from it, so the two pictures cannot drift apart.

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

template <class T>
const T* at(const std::vector<T>& list, int index) {
    return index >= 0 && size_t(index) < list.size() ? &list[size_t(index)] : nullptr;
}

const std::string& say(Lang lang, const std::string& fr, const std::string& en) {
    return lang == Lang::Fr ? fr : en;
}

}  // namespace

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
    // No kerning: labels were measured with DejaVu Sans advances alone (layout/labels.h);
    // bold is drawn as a thin stroke so it keeps those advances.
    o += "<style>text{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;font-kerning:none}"
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
                o +=
                    "<text x=\"" + num(s.x0) + "\" y=\"" + num(s.y0) + "\" font-size=\"" + num(s.size) +
                    "\" fill=\"" + hex(s.colour) + "\"" +
                    (s.bold ? " stroke=\"" + hex(s.colour) + "\" stroke-width=\"" + num(s.size * 0.06f) + "\""
                            : "") +
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
