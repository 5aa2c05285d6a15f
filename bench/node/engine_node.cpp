// bench/node/engine_node.cpp — the engine's layout and search, exported to Node (wasm) for
// the benchmarks in bench/*.mjs. C ABI; JS passes typed arrays through _malloc'd memory.
//
// Contents
//   1. Force layout on a flat graph (same edge lists as the JS peers)
//   2. A light map reader (bench only; see why below)
//   3. Layered layout on a map's JSON text
//   4. Search: build the index once, then one call per keystroke
//
// The maps are read with nlohmann::json directly rather than io::loadMap: the benchmark
// measures layout and search, and the full loader (schema checks, positions for every
// value) would dominate the run on the 97k-actor synthetic map.
#include <emscripten/emscripten.h>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "layout/layout.h"
#include "query/search.h"

using namespace qfq;

namespace {

double nowMs() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// ---------------------------------------------------------------------------
// 2. A light map reader
// ---------------------------------------------------------------------------

Text readText(const nlohmann::json& j) {
    Text t;
    if (j.is_string())
        t.fr = j.get<std::string>();
    else if (j.is_object()) {
        if (j.contains("fr") && j["fr"].is_string()) t.fr = j["fr"].get<std::string>();
        if (j.contains("en") && j["en"].is_string()) t.en = j["en"].get<std::string>();
    }
    return t;
}

std::string str(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool readMap(const char* text, size_t len, Map& m) {
    nlohmann::json d = nlohmann::json::parse(text, text + len, nullptr, false);
    if (d.is_discarded() || !d.is_object()) return false;
    m = Map{};
    m.id = str(d, "id");
    for (const char* list : {"levels", "actorKinds", "relationKinds"}) {
        std::vector<Category>& out = list[0] == 'l'   ? m.levels
                                     : list[0] == 'a' ? m.actorKinds
                                                      : m.relationKinds;
        for (const auto& c : d.value(list, nlohmann::json::array())) {
            Category cat;
            cat.id = str(c, "id");
            cat.label = readText(c.value("label", nlohmann::json()));
            out.push_back(cat);
        }
    }
    for (const auto& t : d.value("territories", nlohmann::json::array())) {
        Territory x;
        x.id = str(t, "id");
        x.name = readText(t.value("name", nlohmann::json()));
        x.level = Map::findCategory(m.levels, str(t, "level"));
        m.territories.push_back(x);
    }
    for (size_t i = 0; i < m.territories.size(); ++i) {
        const std::string p = str(d["territories"][i], "parent");
        for (size_t k = 0; k < m.territories.size() && !p.empty(); ++k)
            if (m.territories[k].id == p) m.territories[i].parent = int(k);
    }
    for (const auto& a : d.value("actors", nlohmann::json::array())) {
        Actor x;
        x.id = str(a, "id");
        x.acronym = str(a, "acronym");
        x.name = readText(a.value("name", nlohmann::json()));
        x.level = std::max(0, Map::findCategory(m.levels, str(a, "level")));
        x.kind = std::max(0, Map::findCategory(m.actorKinds, str(a, "kind")));
        for (const auto& s : a.value("aliases", nlohmann::json::array()))
            if (s.is_string()) x.aliases.push_back(s.get<std::string>());
        for (const auto& f : a.value("formerNames", nlohmann::json::array()))
            x.formerNames.push_back(
                {str(f, "name"), str(f, "until"), readText(f.value("expansion", nlohmann::json()))});
        m.actors.push_back(std::move(x));
    }
    m.reindex();
    for (const auto& r : d.value("relations", nlohmann::json::array())) {
        long f = m.findActor(str(r, "from")), t = m.findActor(str(r, "to"));
        if (f < 0 || t < 0) continue;
        Relation x;
        x.from = uint32_t(f);
        x.to = uint32_t(t);
        x.kind = std::max(0, Map::findCategory(m.relationKinds, str(r, "kind")));
        x.directed = r.value("directed", true);
        m.relations.push_back(std::move(x));
    }
    for (const auto& g : d.value("glossary", nlohmann::json::array())) {
        GlossaryEntry e;
        e.term = str(g, "term");
        e.expansion = readText(g.value("expansion", nlohmann::json()));
        m.glossary.push_back(std::move(e));
    }
    return true;
}

Map gMap;
query::SearchIndex gIndex;
std::string gText;

}  // namespace

extern "C" {

// ---------------------------------------------------------------------------
// 1. Force layout
// ---------------------------------------------------------------------------

// Runs `iterations` force iterations from initXY (2 floats per node; null = our own start)
// and writes the result to outXY. Returns the milliseconds spent in the layout.
EMSCRIPTEN_KEEPALIVE double qfq_force(uint32_t n, const uint32_t* edges, uint32_t m, const float* initXY,
                                      int iterations, double seed, float* outXY) {
    layout::Graph g;
    g.n = n;
    g.edges.assign(edges, edges + 2 * size_t(m));
    layout::Positions init;
    if (initXY) {
        init.x.resize(n);
        init.y.resize(n);
        for (uint32_t i = 0; i < n; ++i) {
            init.x[i] = initXY[2 * i];
            init.y[i] = initXY[2 * i + 1];
        }
    }
    layout::Options o;
    o.mode = layout::Mode::Force;
    o.iterations = iterations;
    o.seed = uint64_t(seed);
    const double t0 = nowMs();
    layout::LayoutRun run;
    run.start(g, o, initXY ? &init : nullptr);
    run.stepIterations(iterations);
    const double ms = nowMs() - t0;
    const layout::Positions& p = run.positions();
    for (uint32_t i = 0; i < n; ++i) {
        outXY[2 * i] = p.x[i];
        outXY[2 * i + 1] = p.y[i];
    }
    return ms;
}

// The same layout, driven step by step so that the caller can time each slice itself (with
// the process's CPU time: wall-clock time on a shared machine measures the other jobs) and
// read the positions in between: begin (theta = Barnes–Hut opening criterion, the engine's
// default is 0.9; `iterations` sets the cooling schedule), then step/positions as wanted.
namespace {
layout::LayoutRun gRun;
}

EMSCRIPTEN_KEEPALIVE int qfq_force_begin(uint32_t n, const uint32_t* edges, uint32_t m, const float* initXY,
                                         double theta, int iterations) {
    if (!initXY) return 1;
    layout::Graph g;
    g.n = n;
    g.edges.assign(edges, edges + 2 * size_t(m));
    layout::Positions init;
    init.x.resize(n);
    init.y.resize(n);
    for (uint32_t i = 0; i < n; ++i) {
        init.x[i] = initXY[2 * i];
        init.y[i] = initXY[2 * i + 1];
    }
    layout::Options o;
    o.mode = layout::Mode::Force;
    o.iterations = iterations;
    o.theta = float(theta);
    gRun.start(g, o, &init);
    return 0;
}

EMSCRIPTEN_KEEPALIVE void qfq_force_step(int iterations) {
    gRun.stepIterations(iterations);
}

EMSCRIPTEN_KEEPALIVE void qfq_force_positions(float* outXY) {
    const layout::Positions& p = gRun.positions();
    for (size_t i = 0; i < p.x.size(); ++i) {
        outXY[2 * i] = p.x[i];
        outXY[2 * i + 1] = p.y[i];
    }
}

// ---------------------------------------------------------------------------
// 3. Layered layout on a map's JSON text
// ---------------------------------------------------------------------------

// out[0] = parse ms, out[1] = layout ms, out[2] = actors, out[3] = relations,
// out[4] = bands, out[5] = rows of the biggest band. Returns 0 on success.
EMSCRIPTEN_KEEPALIVE int qfq_layered_json(const char* text, uint32_t len, double* out) {
    const double t0 = nowMs();
    Map m;
    if (!readMap(text, len, m)) return 1;
    const double t1 = nowMs();
    layout::Graph g = layout::graphFromMap(m, Lang::Fr);
    std::vector<layout::Band> bands;
    layout::Positions p = layout::layered(g, layout::Options{}, &bands);
    const double t2 = nowMs();
    uint32_t rows = 0;
    for (const auto& b : bands) rows = std::max(rows, b.rows);
    out[0] = t1 - t0;
    out[1] = t2 - t1;
    out[2] = double(m.actors.size());
    out[3] = double(m.relations.size());
    out[4] = double(bands.size());
    out[5] = double(rows);
    return p.x.size() == g.n ? 0 : 2;
}

// ---------------------------------------------------------------------------
// 4. Search
// ---------------------------------------------------------------------------

// Reads a map and builds its index; returns the build milliseconds (negative on error).
EMSCRIPTEN_KEEPALIVE double qfq_search_load(const char* text, uint32_t len) {
    if (!readMap(text, len, gMap)) return -1;
    const double t0 = nowMs();
    gIndex.build(gMap);
    return nowMs() - t0;
}

// One keystroke: returns the number of hits (at most `limit`).
EMSCRIPTEN_KEEPALIVE int qfq_search(const char* query, int limit) {
    return int(gIndex.search(query, size_t(limit > 0 ? limit : 0)).size());
}

// The best hit of a query as "id|field|tier" (for sanity checks), valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* qfq_search_top(const char* query) {
    auto hits = gIndex.search(query, 1);
    gText.clear();
    if (!hits.empty()) {
        const query::Hit& h = hits[0];
        gText = (h.glossary ? "glossary:" + gMap.glossary[h.index].term : gMap.actors[h.index].id) + "|" +
                query::fieldName(h.field) + "|" + query::tierName(h.tier);
    }
    return gText.c_str();
}

}  // extern "C"
