// bench/bench_adversarial.cpp — `qfq_bench --adversarial`: how long the engine takes on the
// hostile graphs of issue 7 (what tests/unit/test_limits.cpp bounds by work, measured here
// in milliseconds): a star of 100k leaves, a complete graph of 2,000 actors, a 100k-long
// chain and 100k actors pinned on one spot. One JSON line per operation and run
// (`qfq_bench --adversarial [repeats]`, default 1; bench/run.mjs reports median and range).
#include <cstdio>
#include <string>

#include <sys/resource.h>

#include "layout/layout.h"
#include "query/query.h"
#include "query/search.h"

int runAdversarial(int repeats);

namespace {

// CPU time of the process (getrusage: user + system), not the wall clock: on a machine shared
// with other jobs the wall clock mostly measures them. Not CLOCK_PROCESS_CPUTIME_ID either: in
// a virtual machine it also counts the time the host took the virtual CPU away (steal), which
// on an oversubscribed host is most of it. bench/run.mjs uses the same clock (process.cpuUsage).
double cpuNowMs() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}
double msSince(double t0) {
    return cpuNowMs() - t0;
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
    double t0 = cpuNowMs();
    layout::Graph g = layout::graphFromMap(m, Lang::Fr);
    layout::Options o;
    layout::LayoutRun run;
    run.start(g, o);
    while (!run.done()) run.stepIterations(1);
    report(name, "layered layout", msSince(t0));
    o.mode = layout::Mode::Force;
    o.iterations = 10;
    t0 = cpuNowMs();
    run.start(g, o);
    run.stepIterations(10);
    report(name, "force layout, per iteration", msSince(t0) / 10);
    t0 = cpuNowMs();
    query::Network net;
    net.build(m);
    report(name, "relation network", msSince(t0));
    t0 = cpuNowMs();
    query::PathResult p = net.paths(a, b, 64);
    report(name, "64 shortest paths", msSince(t0),
           ",\"found\":" + std::to_string(p.paths.size()) +
               ",\"truncated\":" + (p.truncated ? "true" : "false"));
    t0 = cpuNowMs();
    query::Centrality c = net.centrality();
    report(name, "centrality", msSince(t0),
           std::string(",\"betweenness\":") + (c.betweenness.empty() ? "false" : "true"));
    t0 = cpuNowMs();
    query::SearchIndex index;
    index.build(m);
    index.search("acteur 4");
    report(name, "search index + one query", msSince(t0));
}

}  // namespace

int runAdversarial(int repeats) {
    {
        qfq::Map m = actorsOnly(100001);
        for (uint32_t i = 1; i <= 100000; ++i) relate(m, 0, i, true);
        for (int r = 0; r < repeats; ++r) measure("star-100k", m, 1, 2);
        for (qfq::Actor& x : m.actors) x.pinned = true, x.x = 5, x.y = 5;
        m.actors[0].pinned = false;
        for (int r = 0; r < repeats; ++r) measure("star-100k-pinned-on-one-spot", m, 1, 2);
    }
    {
        qfq::Map m = actorsOnly(2000);
        for (uint32_t i = 0; i < 2000; ++i)
            for (uint32_t j = i + 1; j < 2000; ++j) relate(m, i, j, false);
        for (int r = 0; r < repeats; ++r) measure("complete-2000", m, 0, 1);
    }
    {
        qfq::Map m = actorsOnly(100000);
        for (uint32_t i = 0; i + 1 < 100000; ++i) relate(m, i, i + 1, true);
        for (int r = 0; r < repeats; ++r) measure("chain-100k", m, 0, 99999);
    }
    return 0;
}
