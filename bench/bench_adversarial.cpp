// bench/bench_adversarial.cpp — `qfq_bench --adversarial`: how long the engine takes on the
// hostile graphs of issue 7 (what tests/unit/test_limits.cpp bounds by work, measured here
// in milliseconds): a star of 100k leaves, a complete graph of 2,000 actors, a 100k-long
// chain and 100k actors pinned on one spot. One JSON line per operation.
#include <chrono>
#include <cstdio>
#include <string>

#include "layout/layout.h"
#include "query/query.h"
#include "query/search.h"

int runAdversarial();

namespace {

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

qfq::Map actorsOnly(uint32_t n) {
    qfq::Map m;
    m.levels = {{"national", {"National", ""}, 0x1f4e79}, {"local", {"Local", ""}, 0x2e75b6}};
    m.actorKinds = {{"etat", {"État", ""}, 0x2e75b6}};
    m.relationKinds = {{"pilote", {"pilote", ""}, 0xc00000}};
    m.actors.resize(n);
    for (uint32_t i = 0; i < n; ++i) {
        // Built in place: assigning a literal here trips GCC 12's -Wrestrict false positive.
        char id[16], name[32];
        std::snprintf(id, sizeof id, "a%u", i);
        std::snprintf(name, sizeof name, "Acteur %u", i);
        m.actors[i].id = std::string(id);
        m.actors[i].name.fr = std::string(name);
        m.actors[i].level = i == 0 ? 0 : 1;
    }
    m.reindex();
    return m;
}

void relate(qfq::Map& m, uint32_t a, uint32_t b, bool directed) {
    qfq::Relation r;
    r.from = a, r.to = b, r.directed = directed;
    m.relations.push_back(r);
}

void report(const char* graph, const char* op, double ms, const std::string& extra = "") {
    std::printf("{\"graph\":\"%s\",\"op\":\"%s\",\"ms\":%.1f%s}\n", graph, op, ms, extra.c_str());
    std::fflush(stdout);
}

void measure(const char* name, const qfq::Map& m, uint32_t a, uint32_t b) {
    using namespace qfq;
    auto t0 = std::chrono::steady_clock::now();
    layout::Graph g = layout::graphFromMap(m, Lang::Fr);
    layout::Options o;
    layout::LayoutRun run;
    run.start(g, o);
    while (!run.done()) run.stepIterations(1);
    report(name, "layered layout", msSince(t0));
    o.mode = layout::Mode::Force;
    o.iterations = 10;
    t0 = std::chrono::steady_clock::now();
    run.start(g, o);
    run.stepIterations(10);
    report(name, "force layout, per iteration", msSince(t0) / 10);
    t0 = std::chrono::steady_clock::now();
    query::Network net;
    net.build(m);
    report(name, "relation network", msSince(t0));
    t0 = std::chrono::steady_clock::now();
    query::PathResult p = net.paths(a, b, 64);
    report(name, "64 shortest paths", msSince(t0),
           ",\"found\":" + std::to_string(p.paths.size()) +
               ",\"truncated\":" + (p.truncated ? "true" : "false"));
    t0 = std::chrono::steady_clock::now();
    query::Centrality c = net.centrality();
    report(name, "centrality", msSince(t0),
           std::string(",\"betweenness\":") + (c.betweenness.empty() ? "false" : "true"));
    t0 = std::chrono::steady_clock::now();
    query::SearchIndex index;
    index.build(m);
    index.search("acteur 4");
    report(name, "search index + one query", msSince(t0));
}

}  // namespace

int runAdversarial() {
    {
        qfq::Map m = actorsOnly(100001);
        for (uint32_t i = 1; i <= 100000; ++i) relate(m, 0, i, true);
        measure("star-100k", m, 1, 2);
        for (qfq::Actor& x : m.actors) x.pinned = true, x.x = 5, x.y = 5;
        m.actors[0].pinned = false;
        measure("star-100k-pinned-on-one-spot", m, 1, 2);
    }
    {
        qfq::Map m = actorsOnly(2000);
        for (uint32_t i = 0; i < 2000; ++i)
            for (uint32_t j = i + 1; j < 2000; ++j) relate(m, i, j, false);
        measure("complete-2000", m, 0, 1);
    }
    {
        qfq::Map m = actorsOnly(100000);
        for (uint32_t i = 0; i + 1 < 100000; ++i) relate(m, i, i + 1, true);
        measure("chain-100k", m, 0, 99999);
    }
    return 0;
}
