// layout/layout.h — where actors go on the plane: level bands and force-directed.
//
// Contents
//   1. Graph: the flat input every layout reads (built from a Map, or by hand/benchmarks)
//   2. Options
//   3. Results: positions and bands
//   4. LayoutRun: incremental, time-sliced driver (layered and force)
//   5. One-shot helpers and quality metrics (stress, crossings)
//
// Both layouts are deterministic for a given graph, options and seed: they draw random
// numbers from our own splitmix64 (std::uniform_real_distribution differs between
// libstdc++ and libc++) and use no libm transcendental function, so native and wasm agree
// within float tolerance (in practice bit for bit: neither target contracts to FMA).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "model/map.h"

namespace qfq::layout {

// ---------------------------------------------------------------------------
// 1. Graph
// ---------------------------------------------------------------------------

// Nodes are 0..n-1. Edges are undirected for layout purposes; self-loops and duplicates
// are allowed (they are harmless). Vectors other than `edges` may be empty (= defaults).
struct Graph {
    uint32_t n = 0;
    std::vector<uint32_t> edges;  // 2 per edge: from, to
    std::vector<int32_t> level;   // band per node, 0 = top; empty or -1 = no band
    int levelCount = 0;           // number of bands (>= 1 + max level)
    std::vector<uint8_t> pinned;  // 1 = keep (pinX, pinY)
    std::vector<float> pinX, pinY;
    std::vector<float> labelChars;  // label length in characters (code points)
    // Cartographic layout (Options::cartographic): the wrapped label's widest line in em and
    // its line count (layout/labels.h), and the disc radius in layout units.
    std::vector<float> labelEm;
    std::vector<uint8_t> labelLines;
    std::vector<float> radius;

    uint32_t edgeCount() const { return uint32_t(edges.size() / 2); }
    void addEdge(uint32_t a, uint32_t b) {
        edges.push_back(a);
        edges.push_back(b);
    }
};

// Builds the layout graph of the actors where `actorMask` is non-zero (all if empty),
// keeping the relations where `relationMask` is non-zero (all if empty) and whose both
// ends are kept. nodeToActor[i] is the actor index of node i.
// edgeToRelation[e] is the relation of edge e. labelEm/labelLines come from
// layout::actorLabel; radius is left empty (= 8).
Graph graphFromMap(const Map& map, Lang lang, std::span<const uint8_t> actorMask = {},
                   std::span<const uint8_t> relationMask = {}, std::vector<uint32_t>* nodeToActor = nullptr,
                   std::vector<uint32_t>* edgeToRelation = nullptr);

// Number of Unicode code points in a UTF-8 string (a cheap label-width estimate).
uint32_t codePoints(std::string_view utf8);

// ---------------------------------------------------------------------------
// 2. Options
// ---------------------------------------------------------------------------

enum class Mode : uint8_t { Layered, Force };

struct Options {
    Mode mode = Mode::Layered;
    uint64_t seed = 1;

    // Labels: width = chars * fontSize * charWidth + labelPadding (layout units = pixels
    // at zoom 1, the "default zoom").
    float fontSize = 12.0f;
    float charWidth = 0.62f;     // average glyph advance / font size for DejaVu Sans
    float labelPadding = 14.0f;  // node disc + margins
    float labelGap = 10.0f;      // free space between neighbouring labels in a row

    // Bands (layered, and the target of level gravity in force mode).
    float bandHeight = 160.0f;    // height of a one-row band
    float rowHeight = 34.0f;      // row pitch when a band wraps
    float wrapWidth = 0.0f;       // width beyond which a band wraps; 0 = automatic
    uint32_t wrapMinNodes = 300;  // bands with fewer nodes never wrap
    int sweeps = 4;               // barycentre down+up passes

    // Cartographic placement (layered): every node reserves a box for its disc and its
    // wrapped label (right of the disc), bands wrap into rows sized so the drawing fills a
    // viewWidth × viewHeight screen at the largest zoom, and edges get routes through the
    // gaps between boxes (routes()). Units: layout units = CSS pixels at zoom 1.
    bool cartographic = false;
    float viewWidth = 1280, viewHeight = 740;  // the screen the drawing should fill
    float boxGap = 18;                         // free space between boxes in a row (edges pass there)
    float channel = 30;                        // free space between rows (edges bend there)
    float routeGap = 5;                        // between routes passing side by side in a row
    float captionHeight = 22;                  // strip at the top of a band for its caption

    // Force (spring-electrical, Barnes–Hut).
    int iterations = 300;
    float edgeLength = 80.0f;   // natural edge length K
    float theta = 0.9f;         // Barnes–Hut opening criterion (cell size / distance)
    float gravity = 0.02f;      // pull toward the centre (keeps components together)
    float levelGravity = 0.0f;  // pull toward the node's band centre (0 = off)
    float initialStep = 0.0f;   // first step length; 0 = automatic
};

// ---------------------------------------------------------------------------
// 3. Results
// ---------------------------------------------------------------------------

struct Band {
    int level = 0;
    float y0 = 0, y1 = 0;  // top and bottom
    uint32_t rows = 0, nodes = 0;
    float x0 = 0, x1 = 0;  // cartographic: left and right of the band's boxes and of the routes between them
};

// A polyline's interior points, world units (the ends are the two nodes' centres).
using Route = std::vector<std::array<float, 2>>;

// Positions of the nodes; NaN in an initial position means "new node, place it".
struct Positions {
    std::vector<float> x, y;
};

// ---------------------------------------------------------------------------
// 4. LayoutRun
// ---------------------------------------------------------------------------

// Drives a layout in slices so the browser's main loop stays responsive:
//     run.start(graph, options, &previous);   // previous may be null
//     while (run.step(8.0) < 1) draw(run.positions());
// After a filter change, start again with the old positions mapped to the new nodes:
// only nodes with NaN positions get fresh places (near their placed neighbours), and the
// force layout starts cool so the picture does not jump.
class LayoutRun {
public:
    void start(const Graph& graph, const Options& options, const Positions* initial = nullptr);
    // Works for about budgetMs milliseconds (at least one unit of work); returns progress.
    float step(double budgetMs);
    // Works for exactly `iterations` force iterations (or layered phases).
    float stepIterations(int iterations);
    float progress() const;
    bool done() const { return progress() >= 1.0f; }

    const Positions& positions() const { return pos_; }
    const std::vector<Band>& bands() const { return bands_; }  // layered mode only
    // Cartographic layered mode: one route per graph edge, from edges[2e] to edges[2e+1];
    // empty otherwise (draw straight lines).
    const std::vector<Route>& routes() const;
    int iterationsDone() const { return iter_; }

    struct Impl;  // state of the running layout (layout/*.cpp)
    LayoutRun();
    ~LayoutRun();
    LayoutRun(LayoutRun&&) noexcept;
    LayoutRun& operator=(LayoutRun&&) noexcept;

private:
    bool doUnit();  // one iteration / phase; false when finished

    Graph graph_;
    Options opt_;
    Positions pos_;
    std::vector<Band> bands_;
    int iter_ = 0, total_ = 1;
    Impl* impl_ = nullptr;
};

// ---------------------------------------------------------------------------
// 5. One-shot helpers and metrics
// ---------------------------------------------------------------------------

Positions layered(const Graph& graph, const Options& options, std::vector<Band>* bands = nullptr,
                  const Positions* initial = nullptr);
Positions force(const Graph& graph, const Options& options, const Positions* initial = nullptr);

// Label width in layout units.
inline float labelWidth(const Options& o, float chars) {
    return chars * o.fontSize * o.charWidth + o.labelPadding;
}

// Normalised stress on `samples` random node pairs: sum((d - s*h)^2 / h^2) / pairs with
// h the BFS hop distance (pairs in different components are skipped) and s the scale
// that minimises it, so the score does not depend on the drawing's size. Lower is better.
double stress(const Graph& graph, const Positions& pos, uint32_t samples, uint64_t seed);
// Edge crossings among `samples` random edges (all if the graph has fewer).
uint64_t crossings(const Graph& graph, const Positions& pos, uint32_t samples, uint64_t seed);

// splitmix64: tiny, fast, same output on every platform.
struct Rng {
    uint64_t s;
    explicit Rng(uint64_t seed) : s(seed) {}
    uint64_t next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    float uniform() { return float(next() >> 40) * (1.0f / 16777216.0f); }  // [0, 1)
    uint32_t below(uint32_t n) { return n ? uint32_t((next() >> 32) * n >> 32) : 0; }
};

}  // namespace qfq::layout
