// cli/cmd_export.cpp — `qfq export FILE --format F -o OUT`: the map as a picture, a graph file
// for Gephi/yEd/Graphviz, spreadsheets or resolved JSON.
//
// Contents
//   1. Positions (pinned, else the layered or force layout)
//   2. Fonts and output paths
//   3. runExport

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/common.h"
#include "io/export.h"
#include "layout/labels.h"
#include "layout/layout.h"

namespace qfq::cli {

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------
// 1. Positions
// ---------------------------------------------------------------------------

// One position per actor: the pinned ones as they are, the others from the layout (which
// keeps pinned actors where they are). The layered layout is the cartographic one, sized
// for a `viewW` × `viewH` picture: label boxes, rows, routes (kept in `picture`).
struct Picture {
    std::vector<layout::Route> routes;  // per relation
    std::vector<layout::Band> bands;
    std::vector<float> radius;  // per actor
};

void positions(const Map& map, Lang lang, layout::Mode mode, float viewW, float viewH, std::vector<float>& x,
               std::vector<float>& y, Picture& picture) {
    x.assign(map.actors.size(), 0.0f);
    y.assign(map.actors.size(), 0.0f);
    bool allPinned = true;
    for (size_t i = 0; i < map.actors.size(); ++i) {
        x[i] = map.actors[i].x, y[i] = map.actors[i].y;
        allPinned = allPinned && map.actors[i].pinned;
    }
    std::vector<uint32_t> degree(map.actors.size(), 0);
    for (const Relation& r : map.relations) {
        if (r.from < degree.size()) ++degree[r.from];
        if (r.to < degree.size() && r.to != r.from) ++degree[r.to];
    }
    picture.radius.resize(map.actors.size());
    for (size_t i = 0; i < degree.size(); ++i) picture.radius[i] = layout::discRadius(degree[i]);
    if (allPinned) return;
    std::vector<uint32_t> nodeToActor, edgeToRelation;
    layout::Graph graph = layout::graphFromMap(map, lang, {}, {}, &nodeToActor, &edgeToRelation);
    graph.radius.resize(graph.n);
    for (size_t i = 0; i < nodeToActor.size(); ++i) graph.radius[i] = picture.radius[nodeToActor[i]];
    layout::Options options;
    options.mode = mode;
    if (mode == layout::Mode::Force) options.levelGravity = 0.05f;
    if (mode == layout::Mode::Layered && map.actors.size() < 3000) {
        options.cartographic = true;
        options.fontSize = 13;
        options.viewWidth = viewW, options.viewHeight = viewH;
    }
    layout::LayoutRun run;
    run.start(graph, options);
    while (!run.done()) run.stepIterations(1 << 20);
    const layout::Positions& p = run.positions();
    for (size_t node = 0; node < nodeToActor.size() && node < p.x.size(); ++node) {
        x[nodeToActor[node]] = p.x[node];
        y[nodeToActor[node]] = p.y[node];
    }
    if (options.cartographic) {
        picture.routes.assign(map.relations.size(), {});
        for (size_t e = 0; e < run.routes().size() && e < edgeToRelation.size(); ++e)
            picture.routes[edgeToRelation[e]] = run.routes()[e];
        picture.bands = run.bands();
    }
}

// --size: "1920x1080", "a4" or "a3" (landscape, 96 CSS px per inch); false if unreadable.
bool pageSize(const std::string& text, float& w, float& h) {
    std::string t;
    for (char c : text) t += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (t == "a4") return w = 1123, h = 794, true;
    if (t == "a3") return w = 1587, h = 1123, true;
    const size_t xpos = t.find('x');
    if (xpos == std::string::npos) return false;
    char* end = nullptr;
    w = std::strtof(t.c_str(), &end);
    if (end != t.c_str() + xpos) return false;
    h = std::strtof(t.c_str() + xpos + 1, &end);
    if (*end != 0) return false;
    return w >= 200 && w <= 20000 && h >= 150 && h <= 20000;
}

// ---------------------------------------------------------------------------
// 2. Fonts and output paths
// ---------------------------------------------------------------------------

// --font, else Debian's DejaVu Sans, else the web app's copy next to the executable.
std::string findFont(const Args& args, std::string& bytes) {
    std::vector<fs::path> candidates;
    if (args.has("--font")) candidates.push_back(args.get("--font"));
    candidates.push_back("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) candidates.push_back(exe.parent_path() / ".." / "web" / "assets" / "DejaVuSans.ttf");
    candidates.push_back("build/web/assets/DejaVuSans.ttf");
    for (const fs::path& p : candidates)
        if (io::readFile(p.string(), bytes)) return p.string();
    return "";
}

// csv: OUT is a folder (existing, or ending in '/') or a prefix ("out/ariege-"); the path of
// the set's file `name` ("actors.csv").
std::string csvPath(const std::string& out, const std::string& name) {
    std::error_code ec;
    if (out.empty() || out.back() == '/' || fs::is_directory(out, ec)) {
        fs::path dir = out.empty() ? fs::path(".") : fs::path(out);
        fs::create_directories(dir, ec);
        return (dir / name).string();
    }
    std::string prefix = out;
    if (prefix.size() > 4 && prefix.compare(prefix.size() - 4, 4, ".csv") == 0)
        prefix.resize(prefix.size() - 4);
    char last = prefix.back();
    if (last != '-' && last != '_' && last != '.') prefix += '-';
    return prefix + name;
}

// ---------------------------------------------------------------------------
// 3. runExport
// ---------------------------------------------------------------------------

int runExport(const Args& args) {
    if (args.positional.size() != 1)
        return usageError(args, "indiquer un seul fichier", "give exactly one file");
    std::string out = args.has("-o") ? args.get("-o") : args.get("--output");
    std::string format = args.get("--format");
    if (format.empty() && out.find('.') != std::string::npos) format = out.substr(out.rfind('.') + 1);
    static const std::vector<std::string> formats = {"png", "svg", "graphml", "gexf", "csv", "dot", "json"};
    if (std::find(formats.begin(), formats.end(), format) == formats.end())
        return usageError(args, "--format attend png, svg, graphml, gexf, csv, dot ou json",
                          "--format expects png, svg, graphml, gexf, csv, dot or json");
    float scale = 1;
    if (args.has("--scale")) {
        std::string s = args.get("--scale");
        if (s != "1" && s != "2" && s != "4")
            return usageError(args, "--scale attend 1, 2 ou 4", "--scale expects 1, 2 or 4");
        scale = float(std::stoi(s));
    }
    std::string layoutName = args.get("--layout", "layered");
    if (layoutName != "layered" && layoutName != "force")
        return usageError(args, "--layout attend layered ou force", "--layout expects layered or force");
    if (format == "png" && (out.empty() || out == "-"))
        return usageError(args, "le PNG s'écrit dans un fichier : -o OUT.png",
                          "PNG goes to a file: -o OUT.png");

    io::LoadResult result;
    if (!loadForCommand(args.positional[0], args, result)) return kExitInvalid;
    const Map& map = result.map;
    const Lang lang = args.lang;

    if (format == "json")
        return writeOutput(out, io::toJson(map).dump(2) + "\n", lang) ? kExitOk : kExitInvalid;
    if (format == "csv") {
        char delimiter = args.get("--delimiter", ";") == "," ? ',' : ';';
        for (const auto& [name, text] : io::csvSet(map, delimiter)) {
            std::string path = csvPath(out, name);
            if (!writeOutput(path, text, lang)) return kExitInvalid;
            if (!args.json) std::cerr << path << "\n";
        }
        return kExitOk;
    }

    float pageW = 0, pageH = 0;
    if (args.has("--size") && !pageSize(args.get("--size"), pageW, pageH))
        return usageError(args, "--size attend LxH (par exemple 1920x1080), a4 ou a3",
                          "--size expects WxH (for example 1920x1080), a4 or a3");
    std::vector<float> x, y;
    Picture picture;
    positions(map, lang, layoutName == "force" ? layout::Mode::Force : layout::Mode::Layered,
              pageW > 0 ? pageW - 48 : 1600.0f, pageH > 0 ? pageH * 0.8f : 1000.0f, x, y, picture);
    if (format == "graphml") return writeOutput(out, io::toGraphML(map, x, y), lang) ? kExitOk : kExitInvalid;
    if (format == "gexf") return writeOutput(out, io::toGEXF(map, x, y), lang) ? kExitOk : kExitInvalid;
    if (format == "dot") return writeOutput(out, io::toDot(map, x, y, lang), lang) ? kExitOk : kExitInvalid;

    io::ExportOptions options;
    options.lang = lang;
    options.title = args.has("--title") ? args.get("--title") : map.title.get(lang);
    options.legend = !args.has("--no-legend");
    options.bands = layoutName == "layered";
    options.scale = scale;
    options.radius = &picture.radius;
    if (!picture.routes.empty()) options.routes = &picture.routes, options.layoutBands = &picture.bands;
    float width = 2400;
    if (args.has("--width")) {
        width = std::strtof(args.get("--width").c_str(), nullptr);
        if (!(width >= 200 && width <= 20000))
            return usageError(args, "--width attend un nombre entre 200 et 20000",
                              "--width expects 200 to 20000");
    }
    io::View view = pageW > 0 ? io::fitViewToPage(map, x, y, options, pageW, pageH)
                              : io::fitView(map, x, y, options, width);
    if (format == "svg")
        return writeOutput(out, io::toSvg(map, x, y, view, options), lang) ? kExitOk : kExitInvalid;

    std::string font;
    if (findFont(args, font).empty())
        std::cerr << say(lang, "qfq export : police introuvable (--font FICHIER.ttf) : image sans texte\n",
                         "qfq export: no font found (--font FILE.ttf): picture without text\n");
    std::vector<uint8_t> png =
        io::toPng(map, x, y, view, options,
                  std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(font.data()), font.size()));
    if (png.empty()) {
        std::cerr << say(lang, "qfq export : image trop grande (réduire --scale ou --width)\n",
                         "qfq export: picture too large (lower --scale or --width)\n");
        return kExitInvalid;
    }
    return writeOutput(out, std::string(png.begin(), png.end()), lang) ? kExitOk : kExitInvalid;
}

}  // namespace

extern const Command cmd_export;  // listed in main.cpp
const Command cmd_export = {
    "export", "write the map as PNG, SVG, GraphML, GEXF, CSV, DOT or JSON",
    "Usage: qfq export FILE --format png|svg|graphml|gexf|csv|dot|json -o OUT [options]\n\n"
    "Positions: the actors' pinned positions if they all have one, else the layered layout\n"
    "(--layout force for the force-directed one). Formats:\n"
    "  png      picture (title, level bands, relations, actors, labels, legend); --scale 1|2|4\n"
    "  svg      the same picture as SVG\n"
    "  graphml  for yEd, Gephi, networkx: every field, positions, colours\n"
    "  gexf     for Gephi: every field, viz:position/color/size\n"
    "  dot      for Graphviz (neato -n2 keeps the positions)\n"
    "  csv      actors.csv, relations.csv, territories.csv, glossary.csv, tours.csv (OUT: a\n"
    "           folder, or a prefix such as out/ariege-);\n"
    "           the layout of qfq import-csv, UTF-8 with BOM, ';' (--delimiter , for commas)\n"
    "  json     the resolved map (like qfq resolve)\n"
    "--format may be left out when OUT's extension says it.\n\n"
    "Options:\n"
    "  -o, --output OUT   where to write (standard output for text formats if left out)\n"
    "  --scale 1|2|4      PNG pixels per CSS pixel (default 1)\n"
    "  --layout layered|force\n"
    "  --title T          picture title (default: the map's title; --title \"\" for none)\n"
    "  --no-legend        picture without its legend\n"
    "  --width PX         widest picture in CSS pixels before zooming out (default 2400)\n"
    "  --size WxH|a4|a3   picture of exactly that size (1920x1080 for a slide; A4 and A3\n"
    "                     landscape at 96 px per inch), the map laid out to fill it\n"
    "  --font FILE.ttf    PNG font (default: DejaVu Sans)\n"
    "  --lang fr|en       language of labels and messages (default fr)\n\n"
    "Examples:\n"
    "  qfq export data/territories/ariege.json -o ariege.png --scale 2\n"
    "  qfq export data/national.json --format graphml -o national.graphml\n"
    "  qfq export data/national.json --format csv -o tableur/\n",
    "-o= --output= --format= --scale= --layout= --title= --no-legend --width= --size= --font= --delimiter=",
    runExport};

}  // namespace qfq::cli
