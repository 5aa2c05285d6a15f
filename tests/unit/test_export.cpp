// tests/unit/test_export.cpp — GraphML, GEXF, DOT, SVG, PNG, glossary HTML, the XML reader.
//
// Contents
//   1. XML reader
//   2. GraphML (structure, round trip)
//   3. GEXF, DOT
//   4. SVG and views
//   5. PNG (checksums, chunks, sizes)
//   6. Glossary HTML

#include <doctest/doctest.h>

#include <cstring>
#include <functional>

#include "io/export.h"
#include "io/raster.h"
#include "test_export_fixture.h"

using namespace qfq;
using io::detail::XmlNode;

namespace {

XmlNode parse(const std::string& text) {
    XmlNode root;
    std::string error;
    bool ok = io::detail::parseXml(text, root, error);
    CAPTURE(error);
    REQUIRE(ok);
    return root;
}

size_t countDescendants(const XmlNode& n, const std::string& name) {
    size_t count = n.name == name;
    for (const XmlNode& c : n.children) count += countDescendants(c, name);
    return count;
}

size_t countOf(const std::string& text, const std::string& what) {
    size_t count = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
    return count;
}

// ">TERM</abbr>", built by appending (GCC 12 warns falsely on "x" + std::string&&).
std::string abbr(const std::string& term) {
    std::string out = ">";
    out += io::detail::xmlEscape(term);
    out += "</abbr>";
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------
// 1. XML reader
// ---------------------------------------------------------------------------

TEST_CASE("xml reader: entities, CDATA, comments, attributes, errors") {
    XmlNode root = parse(
        "<?xml version=\"1.0\"?>\n<!-- c --><!DOCTYPE x><a k=\"1 &amp; 2\" j='&#233;&#x20AC;'>"
        "t&lt;u<b/><![CDATA[<raw>]]><!-- skip --><c x=\"a&#10;b\">z</c></a>");
    CHECK(root.name == "a");
    CHECK(*root.attribute("k") == "1 & 2");
    CHECK(*root.attribute("j") == "é€");
    CHECK(root.text == "t<u<raw>");
    REQUIRE(root.children.size() == 2);
    CHECK(root.child("c")->text == "z");
    CHECK(*root.child("c")->attribute("x") == "a\nb");
    XmlNode bad;
    std::string error;
    CHECK_FALSE(io::detail::parseXml("<a><b></a>", bad, error));
    CHECK(error.find("closes") != std::string::npos);
    CHECK_FALSE(io::detail::parseXml("<a>&nope;</a>", bad, error));
    CHECK_FALSE(io::detail::parseXml("<a>", bad, error));
    CHECK(io::detail::xmlEscape("<\"&'>\x01") == "&lt;&quot;&amp;&apos;&gt;");
}

// ---------------------------------------------------------------------------
// 2. GraphML
// ---------------------------------------------------------------------------

TEST_CASE("graphml: keys for every field, yEd graphics, positions, colours") {
    Map m = qfq_test::fixtureMap();
    std::vector<float> x, y;
    qfq_test::gridPositions(m, x, y);
    XmlNode root = parse(io::toGraphML(m, x, y));
    CHECK(root.name == "graphml");
    std::vector<std::string> nodeKeys;
    for (const XmlNode& k : root.children)
        if (k.name == "key" && *k.attribute("for") == "node" && k.attribute("attr.name"))
            nodeKeys.push_back(*k.attribute("attr.name"));
    for (const char* field : {"id",      "acronym",    "name",        "aliases",  "formerNames", "level",
                              "kind",    "territory",  "description", "missions", "topics",      "url",
                              "sources", "confidence", "position",    "variants", "x",           "y",
                              "r",       "g",          "b",           "label"})
        CHECK(std::find(nodeKeys.begin(), nodeKeys.end(), field) != nodeKeys.end());
    const XmlNode* graph = root.child("graph");
    REQUIRE(graph);
    CHECK(countDescendants(*graph, "node") == m.actors.size());
    CHECK(countDescendants(*graph, "edge") == m.relations.size());
    CHECK(countDescendants(*graph, "y:ShapeNode") == m.actors.size());
    CHECK(countDescendants(*graph, "y:PolyLineEdge") == m.relations.size());
    // The first node's x data is its position.
    const XmlNode* node = graph->child("node");
    REQUIRE(node);
    bool sawX = false;
    for (const XmlNode& d : node->children)
        if (d.name == "data" && *d.attribute("key") == "n_x") {
            sawX = true;
            CHECK(std::stof(d.text) == doctest::Approx(x[0]));
        }
    CHECK(sawX);
}

TEST_CASE("graphml: json -> graphml -> json loses no field (fixture and national)") {
    for (Map m : {qfq_test::fixtureMap(), qfq_test::nationalMap()}) {
        CAPTURE(m.id);
        std::vector<float> x, y;
        qfq_test::gridPositions(m, x, y);
        io::LoadResult back = io::fromGraphML(io::Document{"map.graphml", io::toGraphML(m, x, y)});
        for (const io::Problem& p : back.problems) CAPTURE(io::formatProblem(p, Lang::En));
        REQUIRE(back.ok);
        qfq_test::checkSameMap(m, back.map);
    }
}

TEST_CASE("graphml: reader errors are clear") {
    io::LoadResult r = io::fromGraphML(io::Document{"x.graphml", "<graphml><graph/></graphml>"});
    CHECK_FALSE(r.ok);
    REQUIRE(!r.problems.empty());
    CHECK(r.problems[0].message.en.find("qfq_map") != std::string::npos);
    r = io::fromGraphML(io::Document{"x.graphml", "<graphml><graph>"});
    CHECK_FALSE(r.ok);
    CHECK(r.problems[0].file == "x.graphml");
}

// ---------------------------------------------------------------------------
// 3. GEXF, DOT
// ---------------------------------------------------------------------------

TEST_CASE("gexf: attributes carry every field, viz positions and colours") {
    Map m = qfq_test::fixtureMap();
    std::vector<float> x, y;
    qfq_test::gridPositions(m, x, y);
    XmlNode root = parse(io::toGEXF(m, x, y));
    CHECK(root.name == "gexf");
    CHECK(*root.attribute("version") == "1.2");
    const XmlNode* graph = root.child("graph");
    REQUIRE(graph);
    CHECK(*graph->attribute("defaultedgetype") == "directed");
    const XmlNode* nodes = graph->child("nodes");
    REQUIRE(nodes);
    REQUIRE(nodes->children.size() == m.actors.size());
    const nlohmann::json doc = io::toJson(m);
    for (size_t i = 0; i < m.actors.size(); ++i) {
        const XmlNode& n = nodes->children[i];
        CHECK(*n.attribute("id") == m.actors[i].id);
        REQUIRE(n.child("viz:position"));
        CHECK(std::stof(*n.child("viz:position")->attribute("x")) == doctest::Approx(x[i]));
        CHECK(std::stof(*n.child("viz:position")->attribute("y")) == doctest::Approx(-y[i]));
        CHECK(n.child("viz:color"));
        // Each JSON field of the actor is an attvalue (strings as is, the rest as JSON).
        const nlohmann::json& a = doc["actors"][i];
        for (auto it = a.begin(); it != a.end(); ++it) {
            if (it.key() == "id") continue;
            bool found = false;
            for (const XmlNode& v : n.child("attvalues")->children)
                if (*v.attribute("for") == it.key()) {
                    found = true;
                    nlohmann::json value = it->is_string() ? nlohmann::json(*v.attribute("value"))
                                                           : nlohmann::json::parse(*v.attribute("value"));
                    CHECK(value == *it);
                }
            CAPTURE(it.key());
            CHECK(found);
        }
    }
    CHECK(graph->child("edges")->children.size() == m.relations.size());
}

TEST_CASE("dot: nodes, edges, pinned positions, undirected partnerships") {
    Map m = qfq_test::fixtureMap();
    std::vector<float> x, y;
    qfq_test::gridPositions(m, x, y);
    std::string dot = io::toDot(m, x, y);
    CHECK(dot.find("digraph \"base\" {") != std::string::npos);
    CHECK(countOf(dot, " -> ") == m.relations.size());
    CHECK(countOf(dot, "dir=none") == 1);
    CHECK(dot.find("pos=\"-300.5,-0!\"") != std::string::npos);
    CHECK(dot.find("\"drane\" [label=\"\", xlabel=\"DRANE\"") != std::string::npos);
    CHECK(dot.back() == '\n');
}

// ---------------------------------------------------------------------------
// 4. SVG and views
// ---------------------------------------------------------------------------

TEST_CASE("svg: well-formed, one disc per actor, labels, bands, legend, masks") {
    Map m = qfq_test::nationalMap();
    std::vector<float> x, y;
    qfq_test::gridPositions(m, x, y);
    io::ExportOptions options;
    options.title = "Carte & test";
    io::View view = io::fitView(m, x, y, options);
    std::string svg = io::toSvg(m, x, y, view, options);
    XmlNode root = parse(svg);
    CHECK(root.name == "svg");
    CHECK(std::stof(*root.attribute("width")) == doctest::Approx(view.width));
    CHECK(root.child("title")->text == "Carte & test");
    size_t discs = 0, labels = 0;
    std::function<void(const XmlNode&)> walk = [&](const XmlNode& n) {
        if (n.name == "circle" && n.attribute("data-id")) ++discs;
        if (n.name == "text") ++labels;
        for (const XmlNode& c : n.children) walk(c);
    };
    walk(root);
    CHECK(discs == m.actors.size());
    CHECK(labels > m.actors.size());
    CHECK(svg.find(">Légende<") != std::string::npos);
    CHECK(svg.find(">Circonscription<") != std::string::npos);  // a band caption
    CHECK(svg.find("stroke-dasharray") != std::string::npos);
    CHECK(svg.find("<polygon") != std::string::npos);  // arrowheads
    // Every disc is inside the picture.
    io::detail::Scene scene = io::detail::buildScene(m, x, y, view, options);
    for (const io::detail::Shape& s : scene.shapes)
        if (s.kind == io::detail::Shape::Disc && !s.id.empty()) {
            CHECK(s.x0 >= 0);
            CHECK(s.x0 <= scene.width);
            CHECK(s.y0 >= scene.clipTop);
            CHECK(s.y0 <= scene.clipBottom);
        }
    // Hidden actors and their relations are left out.
    std::vector<uint8_t> visible(m.actors.size(), 0);
    visible[0] = visible[1] = 1;
    options.visibleActors = &visible;
    options.lang = Lang::En;
    svg = io::toSvg(m, x, y, view, options);
    discs = 0;
    walk(parse(svg));
    CHECK(discs == 2);
    CHECK(svg.find("data-id=\"" + m.actors[2].id + "\"") == std::string::npos);
    CHECK(svg.find(">Legend<") != std::string::npos);
}

// ---------------------------------------------------------------------------
// 5. PNG
// ---------------------------------------------------------------------------

TEST_CASE("png: checksums, chunks and sizes at scale 1, 2 and 4") {
    const uint8_t digits[] = {'1', '2', '3', '4', '5', '6', '7', '8', '9'};
    CHECK(io::raster::crc32(digits, 9) == 0xCBF43926u);
    const char* wiki = "Wikipedia";
    CHECK(io::raster::adler32(reinterpret_cast<const uint8_t*>(wiki), 9) == 0x11E60398u);
    // A zlib stream: header, then Adler-32 of the input at the end.
    std::vector<uint8_t> data(5000, 'a');
    std::vector<uint8_t> z = io::raster::zlibCompress(data);
    CHECK(z[0] == 0x78);
    CHECK((z[0] * 256 + z[1]) % 31 == 0);
    CHECK(z.size() < 100);
    uint32_t adler = io::raster::adler32(data.data(), data.size());
    uint32_t tail = uint32_t(z[z.size() - 4]) << 24;
    CHECK(tail == (adler & 0xFF000000u));

    Map m = qfq_test::fixtureMap();
    std::vector<float> x, y;
    qfq_test::gridPositions(m, x, y);
    std::string font = qfq_test::readFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    io::ExportOptions options;
    options.title = "Test";
    io::View view = io::fitView(m, x, y, options);
    io::detail::Scene scene = io::detail::buildScene(m, x, y, view, options);
    for (float scale : {1.0f, 2.0f, 4.0f}) {
        options.scale = scale;
        std::vector<uint8_t> png =
            io::toPng(m, x, y, view, options,
                      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(font.data()), font.size()));
        REQUIRE(png.size() > 33);
        CHECK(std::memcmp(png.data(), "\x89PNG\r\n\x1a\n", 8) == 0);
        auto be = [&](size_t at) {
            return uint32_t(png[at]) << 24 | uint32_t(png[at + 1]) << 16 | uint32_t(png[at + 2]) << 8 |
                   png[at + 3];
        };
        CHECK(be(16) == uint32_t(std::ceil(scene.width * scale)));
        CHECK(be(20) == uint32_t(std::ceil(scene.height * scale)));
        // Walk the chunks, checking each CRC.
        size_t at = 8, chunks = 0;
        while (at + 12 <= png.size()) {
            uint32_t length = be(at);
            CHECK(io::raster::crc32(png.data() + at + 4, length + 4) == be(at + 8 + length));
            at += 12 + length;
            ++chunks;
        }
        CHECK(at == png.size());
        CHECK(chunks == 3);
    }
}

TEST_CASE("png: rasteriser draws discs, text and respects the clip") {
    io::detail::Scene scene;
    scene.width = 40, scene.height = 20;
    io::detail::Shape bg;
    bg.kind = io::detail::Shape::Rect, bg.x1 = 40, bg.y1 = 20, bg.colour = 0xFFFFFF;
    io::detail::Shape disc;
    disc.kind = io::detail::Shape::Disc, disc.x0 = 10, disc.y0 = 10, disc.r = 6, disc.colour = 0xFF0000,
    disc.width = 0;
    io::detail::Shape text;
    text.kind = io::detail::Shape::Label, text.x0 = 20, text.y0 = 15, text.text = "M", text.size = 14;
    scene.shapes = {bg, disc, text};
    std::string font = qfq_test::readFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    io::raster::Image image = io::raster::rasterise(
        scene, 1, std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(font.data()), font.size()));
    REQUIRE(image.width == 40);
    auto px = [&](int x, int yy) { return &image.rgb[(size_t(yy) * 40 + size_t(x)) * 3]; };
    CHECK(px(10, 10)[0] == 255);
    CHECK(px(10, 10)[1] == 0);
    CHECK(px(1, 1)[1] == 255);
    CHECK(int(px(15, 10)[1]) > 0);  // anti-aliased edge: partly white
    // Text is always drawn: stb_truetype is required by the build, DejaVu Sans by setup.sh.
    REQUIRE(io::raster::hasText());
    REQUIRE_MESSAGE(!font.empty(), "DejaVu Sans is missing: run scripts/setup.sh (fonts-dejavu-core)");
    int dark = 0;
    for (int yy = 0; yy < 20; ++yy)
        for (int x = 20; x < 34; ++x) dark += px(x, yy)[0] < 128;
    CHECK(dark > 10);
    // Too large: refused, not allocated.
    scene.width = 100000, scene.height = 100000;
    CHECK(io::raster::rasterise(scene, 4, {}).width == 0);
}

// ---------------------------------------------------------------------------
// 6. Glossary HTML
// ---------------------------------------------------------------------------

TEST_CASE("glossary html: every acronym and term, relations, link to the map, both languages") {
    Map m = qfq_test::nationalMap();
    std::string html = io::glossaryHtml(m, Lang::Fr, "../index.html?map=national", "national.en.html");
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<html lang=\"fr\">") != std::string::npos);
    CHECK(html.find("<h1>") != std::string::npos);
    CHECK(html.find("<dl>") != std::string::npos);
    CHECK(html.find("href=\"../index.html?map=national\"") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    // Every link to another site (websites, sources) goes without opener or referrer.
    CHECK(countOf(html, "<a href=\"http") > 0);
    CHECK(countOf(html, "<a href=\"http") == countOf(html, "rel=\"noopener noreferrer\""));
    for (const Actor& a : m.actors) {
        CAPTURE(a.id);
        CHECK(html.find("id=\"actor-" + a.id + "\"") != std::string::npos);
        if (!a.acronym.empty()) CHECK(html.find(abbr(a.acronym)) != std::string::npos);
    }
    for (const GlossaryEntry& g : m.glossary) CHECK(html.find(abbr(g.term)) != std::string::npos);
    CHECK(countOf(html, "<li><a href=\"#actor-") == m.relations.size());
    CHECK(html.find("Niveau : ") != std::string::npos);
    std::string en = io::glossaryHtml(m, Lang::En, "../index.html?map=national");
    CHECK(en.find("<html lang=\"en\">") != std::string::npos);
    CHECK(en.find("Level: ") != std::string::npos);
}
