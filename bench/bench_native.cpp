// bench/bench_native.cpp — native side of scripts/bench.sh: Boost.Graph's
// fruchterman_reingold_force_directed_layout vs our force layout on the same graphs.
//
// Boost FR runs with all_force_pairs: every pair of nodes every iteration, exact O(n²),
// and is labelled so ("boost-fr-exact"). Its default grid_force_pairs would be no faster on
// these graphs: its cell size comes from the whole display area, which puts every node of a
// 1,000-node graph in one cell, the same O(n²) under another name. Ours is Barnes–Hut
// (O(n log n), θ 0.9): the ratio compares algorithms as much as implementations, and the
// README says so.
//
// Contents
//   1. Graph files (written by bench/graphs.mjs, so every contender gets the same edges)
//   2. Boost FR
//   3. Ours
//   4. main
//
// Usage: qfq_bench DIR [--boost-max N] [--repeats R]  |  qfq_bench --adversarial (bench_adversarial.cpp)
//   reads DIR/graph-*.bin, writes DIR/native-ours-N.bin and DIR/native-boost-N.bin
//   (float32 x,y per node, scored by bench/run.mjs with the same code as the JS peers) and
//   prints one JSON line per run (R runs each, default 3, for the spread). Boost FR runs only
//   on graphs of at most N nodes (1000): it is O(n^2) per iteration.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/topology.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <sys/resource.h>

#include "layout/layout.h"

namespace {

// ---------------------------------------------------------------------------
// 1. Graph files: u32 n, u32 m, u32 iterations, u32 edges[2m], f32 init[2n]
// ---------------------------------------------------------------------------

struct BenchGraph {
    uint32_t n = 0, m = 0, iterations = 0;
    std::vector<uint32_t> edges;
    std::vector<float> init;
};

bool readGraph(const std::string& path, BenchGraph& g) {
    std::ifstream f(path, std::ios::binary);
    uint32_t head[3];
    if (!f.read(reinterpret_cast<char*>(head), sizeof head)) return false;
    g.n = head[0];
    g.m = head[1];
    g.iterations = head[2];
    g.edges.resize(2 * size_t(g.m));
    g.init.resize(2 * size_t(g.n));
    f.read(reinterpret_cast<char*>(g.edges.data()), std::streamsize(g.edges.size() * 4));
    f.read(reinterpret_cast<char*>(g.init.data()), std::streamsize(g.init.size() * 4));
    return bool(f);
}

void writePositions(const std::string& path, const std::vector<float>& xy) {
    std::ofstream f(path, std::ios::binary);
    f.write(reinterpret_cast<const char*>(xy.data()), std::streamsize(xy.size() * 4));
}

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

// ---------------------------------------------------------------------------
// 2. Boost FR
// ---------------------------------------------------------------------------

double runBoost(const BenchGraph& bg, std::vector<float>& out) {
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    using Topology = boost::rectangle_topology<>;
    using Point = Topology::point_type;
    Graph g(bg.n);
    for (uint32_t e = 0; e < bg.m; ++e)
        if (bg.edges[2 * e] != bg.edges[2 * e + 1]) boost::add_edge(bg.edges[2 * e], bg.edges[2 * e + 1], g);
    float lo = bg.init[0], hi = bg.init[0];
    for (float v : bg.init) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    boost::minstd_rand gen(1);
    Topology topo(gen, lo, lo, hi, hi);
    std::vector<Point> pos(bg.n);
    for (uint32_t i = 0; i < bg.n; ++i) {
        pos[i][0] = bg.init[2 * i];
        pos[i][1] = bg.init[2 * i + 1];
    }
    auto pm = boost::make_iterator_property_map(pos.begin(), get(boost::vertex_index, g));
    const double t0 = cpuNowMs();
    boost::fruchterman_reingold_force_directed_layout(
        g, pm, topo,
        boost::cooling(boost::linear_cooling<double>(int(bg.iterations)))
            .force_pairs(boost::all_force_pairs()));
    const double ms = msSince(t0);
    out.resize(2 * size_t(bg.n));
    for (uint32_t i = 0; i < bg.n; ++i) {
        out[2 * i] = float(pos[i][0]);
        out[2 * i + 1] = float(pos[i][1]);
    }
    return ms;
}

// ---------------------------------------------------------------------------
// 3. Ours
// ---------------------------------------------------------------------------

double runOurs(const BenchGraph& bg, std::vector<float>& out) {
    qfq::layout::Graph g;
    g.n = bg.n;
    g.edges = bg.edges;
    qfq::layout::Positions init;
    for (uint32_t i = 0; i < bg.n; ++i) {
        init.x.push_back(bg.init[2 * i]);
        init.y.push_back(bg.init[2 * i + 1]);
    }
    qfq::layout::Options o;
    o.mode = qfq::layout::Mode::Force;
    o.iterations = int(bg.iterations);
    const double t0 = cpuNowMs();
    qfq::layout::LayoutRun run;
    run.start(g, o, &init);
    run.stepIterations(int(bg.iterations));
    const double ms = msSince(t0);
    out.resize(2 * size_t(bg.n));
    for (uint32_t i = 0; i < bg.n; ++i) {
        out[2 * i] = run.positions().x[i];
        out[2 * i + 1] = run.positions().y[i];
    }
    return ms;
}

}  // namespace

// ---------------------------------------------------------------------------
// 4. main
// ---------------------------------------------------------------------------

int runAdversarial(int repeats);

int main(int argc, char** argv) {
    if (argc >= 2 && std::strcmp(argv[1], "--adversarial") == 0)
        return runAdversarial(argc > 2 ? std::max(1, std::atoi(argv[2])) : 1);
    if (argc < 2) {
        std::cerr << "usage: qfq_bench DIR [--boost-max N]\n";
        return 2;
    }
    const std::string dir = argv[1];
    uint32_t boostMax = 1000;
    int repeats = 3;
    for (int i = 2; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--boost-max") == 0) boostMax = uint32_t(std::stoul(argv[i + 1]));
        if (std::strcmp(argv[i], "--repeats") == 0) repeats = std::max(1, std::stoi(argv[i + 1]));
    }
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("graph-", 0) == 0 && e.path().extension() == ".bin")
            files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& path : files) {
        BenchGraph bg;
        if (!readGraph(path, bg)) {
            std::cerr << "qfq_bench: cannot read " << path << "\n";
            return 1;
        }
        std::vector<float> xy;
        auto line = [&](const char* contender, int run, double ms) {
            std::printf("{\"contender\":\"%s\",\"n\":%u,\"m\":%u,\"iterations\":%u,\"run\":%d,\"ms\":%.2f}\n",
                        contender, bg.n, bg.m, bg.iterations, run, ms);
            std::fflush(stdout);
        };
        for (int run = 0; run < repeats; ++run) {
            line("ours-native", run, runOurs(bg, xy));
            if (run == 0) writePositions(dir + "/native-ours-" + std::to_string(bg.n) + ".bin", xy);
        }
        for (int run = 0; run < repeats && bg.n <= boostMax; ++run) {
            line("boost-fr-exact", run, runBoost(bg, xy));
            if (run == 0) writePositions(dir + "/native-boost-" + std::to_string(bg.n) + ".bin", xy);
        }
    }
    return 0;
}
