// io/export.h — a resolved Map out to other tools (Gephi, yEd, Graphviz, spreadsheets,
// pictures, web pages) and back in.
//
// Contents
//   1. Views and options (what part of the plane a picture shows)
//   2. Graph formats: GraphML, GEXF, DOT (export_graph.cpp)
//   3. Spreadsheets: actors.csv + relations.csv (writing here, reading in io/csv.h)
//   4. Pictures: SVG (export_svg.cpp) and PNG (raster.cpp)
//   5. Publishing: the HTML glossary page (export_svg.cpp)
//   6. Details shared by the exporters and their tests: the scene, a small XML reader
//
// Every exporter takes the map plus one position per actor (x[i], y[i] for map.actors[i], in
// layout units, as layout::layered/force return them through graphFromMap's nodeToActor).
// GraphML and GEXF carry every field of every actor and relation, plus the rest of the map
// as one JSON string on the graph, so fromGraphML gives back the same Map (toJson-equal).
// None of these functions throws on a valid Map; the readers never throw at all.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/load.h"
#include "layout/layout.h"
#include "model/map.h"

namespace qfq::io {

// ---------------------------------------------------------------------------
// 1. Views and options
// ---------------------------------------------------------------------------

// Like the app's camera: the world point (centerX, centerY) is drawn at the middle of a
// width × height CSS-pixel area, `zoom` CSS pixels per layout unit.
struct View {
    float centerX = 0, centerY = 0, zoom = 1, width = 800, height = 600;
};

struct ExportOptions {
    Lang lang = Lang::Fr;
    std::string title;   // drawn above the map; "" = no title strip
    bool legend = true;  // kinds, relation kinds and "unsure" below the map
    bool bands = true;   // shaded level bands with captions (off for the force layout)
    float scale = 1;     // PNG only: device pixels per CSS pixel (1, 2, 4)
    // Non-zero = shown; null = everything. A relation shows only if both ends show.
    const std::vector<uint8_t>* visibleActors = nullptr;
    const std::vector<uint8_t>* visibleRelations = nullptr;
    // The cartographic layout's output (layout/layout.h), when the positions come from it:
    // relations follow their routes (per relation, world units; empty = straight), labels
    // fill the boxes the layout reserved (labelFont em at zoom 1), and bands are drawn
    // with their caption strips. Null = straight edges, bands from the actors' extents.
    const std::vector<layout::Route>* routes = nullptr;
    const std::vector<layout::Band>* layoutBands = nullptr;
    const std::vector<float>* radius = nullptr;  // per actor, layout units; null = discRadius(degree)
    float labelFont = 13;
};

// The view that shows every visible actor (and its label) at zoom <= 1, at most `maxWidth`
// CSS pixels wide, with `margin` pixels around. With options.layoutBands, the bands'
// extents (boxes and caption strips) are what must fit.
View fitView(const Map& map, const std::vector<float>& x, const std::vector<float>& y,
             const ExportOptions& options, float maxWidth = 2400, float margin = 40);
// The view of exactly width × height CSS pixels (title and legend included) that shows all
// of the map at the largest zoom (slides: 1920×1080; A4 landscape: 1123×794 at 96 dpi).
View fitViewToPage(const Map& map, const std::vector<float>& x, const std::vector<float>& y,
                   const ExportOptions& options, float width, float height, float margin = 24);

// ---------------------------------------------------------------------------
// 2. Graph formats
// ---------------------------------------------------------------------------

// GraphML 1.0: one data key per field (lists and localised texts as JSON strings), x/y
// (double) and r/g/b for Gephi, yFiles node and edge graphics for yEd (shape, colour, label,
// dash, arrow), and the map's other parts in the graph's "qfq_map" key.
std::string toGraphML(const Map& map, const std::vector<float>& x, const std::vector<float>& y);
// GEXF 1.2: the same fields as attributes, viz:color/position/size on nodes, viz:color and
// viz:shape (solid/dashed/dotted) on edges. Directedness is the "directed" attribute: GEXF
// readers such as networkx refuse mixed graphs.
std::string toGEXF(const Map& map, const std::vector<float>& x, const std::vector<float>& y);
// Graphviz: pinned positions (pos="x,y!", neato -n), kind colours, relation dashes.
std::string toDot(const Map& map, const std::vector<float>& x, const std::vector<float>& y,
                  Lang lang = Lang::Fr);

// Reads what toGraphML wrote (possibly edited in yEd: keys are matched by attr.name, which
// yEd keeps) and loads it like a map file. Errors name `doc.name`.
LoadResult fromGraphML(const Document& doc);

// ---------------------------------------------------------------------------
// 3. Spreadsheets
// ---------------------------------------------------------------------------

// UTF-8 with a BOM, CRLF rows, `delimiter` between cells (';' by default: French Excel opens
// it with a double click; io/csv.h reads either). Columns: data/README.md section 12. Cells
// that a spreadsheet would run as a formula (starting with = + - @, tab or CR; plain numbers
// excepted) are written with a leading apostrophe (see neutraliseCell in io/csv.h).
std::string actorsCsv(const Map& map, char delimiter = ';');
std::string relationsCsv(const Map& map, char delimiter = ';');
// The rest of the CSV set: the territory tree, the glossary (terms that are not actors) and the
// tours, one row per step. A map without any still gets the header row, so that importing the
// set gives back exactly the lists (an absent territories.csv would mean "the base's tree").
std::string territoriesCsv(const Map& map, char delimiter = ';');
std::string glossaryCsv(const Map& map, char delimiter = ';');
std::string toursCsv(const Map& map, char delimiter = ';');

// The five files of the set by name ("actors.csv" → contents), as `qfq export --format csv`
// and the app's "save as spreadsheets" write them.
std::vector<std::pair<std::string, std::string>> csvSet(const Map& map, char delimiter = ';');

// ---------------------------------------------------------------------------
// 4. Pictures
// ---------------------------------------------------------------------------

// Title strip, level bands with captions, relations by kind colour and dash with arrowheads
// (directed ones), actors as discs in their kind's colour (an open ring when unsure), labels,
// legend. Size: view.width × (title + view.height + legend) CSS pixels.
std::string toSvg(const Map& map, const std::vector<float>& x, const std::vector<float>& y, const View& view,
                  const ExportOptions& options);
// The same picture, rasterised at options.scale device pixels per CSS pixel, as an RGB PNG.
// `fontTtf` is a TrueType font (DejaVu Sans); empty = no text. Returns {} if the picture
// would exceed 100 million pixels.
std::vector<uint8_t> toPng(const Map& map, const std::vector<float>& x, const std::vector<float>& y,
                           const View& view, const ExportOptions& options, std::span<const uint8_t> fontTtf);

// ---------------------------------------------------------------------------
// 5. Publishing
// ---------------------------------------------------------------------------

// A standalone, indexable HTML page (works without JavaScript): every actor and glossary
// term in a definition list (expansion, definition, level, kind, territory, sources), the
// relations as sentences, and a link to `appHref` (the interactive map). `otherLangHref`
// (may be "") links the same page in the other language.
std::string glossaryHtml(const Map& map, Lang lang, const std::string& appHref,
                         const std::string& otherLangHref = "");

// ---------------------------------------------------------------------------
// 6. Details shared by the exporters and their tests
// ---------------------------------------------------------------------------

namespace detail {

// What a picture is made of, in CSS pixels, in drawing order. toSvg writes it, toPng
// rasterises it, so both always show the same thing.
struct Shape {
    enum Kind : uint8_t { Rect, Line, Arrow, Disc, Label } kind = Rect;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // Rect: corners; Line/Arrow: from → to (Arrow: tip)
    float r = 0;                           // Disc radius; Arrow length
    float width = 1;                       // Line width; Disc ring width (0 = filled disc)
    uint32_t colour = 0;                   // 0xRRGGBB: fill, stroke or text
    float alpha = 1;
    Dash dash = Dash::Solid;
    std::string text;  // Label
    float size = 12;   // Label font size
    bool bold = false, halo = false;
    uint8_t anchor = 0;  // Label: 0 start, 1 middle, 2 end
    std::string id;      // actor or relation id (SVG data attribute), may be empty
};

struct Scene {
    float width = 0, height = 0;
    std::vector<Shape> shapes;
    // shapes[clipFrom, clipTo) (bands, relations, actors, labels) are clipped to the map area
    // y in [clipTop, clipBottom], so they never spill over the title or the legend.
    float clipTop = 0, clipBottom = 0;
    size_t clipFrom = 0, clipTo = 0;
};

Scene buildScene(const Map& map, const std::vector<float>& x, const std::vector<float>& y, const View& view,
                 const ExportOptions& options);

// Advance-width estimate of a label in CSS pixels (DejaVu Sans averages 0.6 em).
float textWidth(std::string_view utf8, float size);

// A small non-validating XML reader: elements, attributes, text, the five entities and
// numeric references, CDATA; comments, processing instructions and the doctype are skipped.
// Namespace prefixes are kept in names ("viz:color").
struct XmlNode {
    std::string name, text;
    std::vector<std::pair<std::string, std::string>> attributes;
    std::vector<XmlNode> children;

    const std::string* attribute(std::string_view key) const;
    const XmlNode* child(std::string_view childName) const;
};
bool parseXml(std::string_view text, XmlNode& root, std::string& error);

// XML text and attribute escaping (& < > " ').
std::string xmlEscape(std::string_view text);

}  // namespace detail

}  // namespace qfq::io
