// tests/unit/test_layout.cpp — layered and force layouts: bands, label spacing, crossings,
// wrapping, pins, determinism, incremental runs, quality, bad input.
//
// Contents
//   1. Helpers (random graphs)
//   2. Layered
//   3. Force
//   4. LayoutRun: time slices, incremental restarts
//   5. Bad input
#include <doctest/doctest.h>

#include <cmath>

#include "layout/layout.h"
#include "test_query_fixture.h"

using namespace qfq;
using namespace qfq::layout;

// ---------------------------------------------------------------------------
// 1. Helpers
// ---------------------------------------------------------------------------

namespace {

bool allFinite(const Positions& p) {
    for (size_t i = 0; i < p.x.size(); ++i)
        if (!std::isfinite(p.x[i]) || !std::isfinite(p.y[i])) return false;
    return p.x.size() == p.y.size();
}

// A tree-shaped organisation: each node of level l > 0 hangs under a random node of
// level l - 1, plus a few cross links; labels of 3..30 characters.
Graph orgChart(uint32_t perLevel[], int levels, uint64_t seed, uint32_t crossLinks) {
    Graph g;
    Rng rng(seed);
    std::vector<uint32_t> first(size_t(levels) + 1, 0);
    for (int l = 0; l < levels; ++l) {
        first[size_t(l)] = g.n;
        for (uint32_t i = 0; i < perLevel[l]; ++i) {
            g.level.push_back(l);
            g.labelChars.push_back(float(3 + rng.below(28)));
            if (l > 0) g.addEdge(first[size_t(l) - 1] + rng.below(perLevel[l - 1]), g.n);
            ++g.n;
        }
    }
    g.levelCount = levels;
    for (uint32_t i = 0; i < crossLinks; ++i) g.addEdge(rng.below(g.n), rng.below(g.n));
    return g;
}

Graph grid(uint32_t side) {
    Graph g;
    g.n = side * side;
    for (uint32_t y = 0; y < side; ++y)
        for (uint32_t x = 0; x < side; ++x) {
            if (x + 1 < side) g.addEdge(y * side + x, y * side + x + 1);
            if (y + 1 < side) g.addEdge(y * side + x, (y + 1) * side + x);
        }
    return g;
}

Positions randomPositions(uint32_t n, uint64_t seed, float side) {
    Positions p;
    Rng rng(seed);
    for (uint32_t i = 0; i < n; ++i) {
        p.x.push_back(rng.uniform() * side);
        p.y.push_back(rng.uniform() * side);
    }
    return p;
}

}  // namespace

// ---------------------------------------------------------------------------
// 2. Layered
// ---------------------------------------------------------------------------

TEST_CASE("layered: bands follow the level order, labels do not overlap under 300 actors") {
    uint32_t per[] = {6, 12, 30, 40, 70, 90};
    Graph g = orgChart(per, 6, 7, 40);
    Options o;
    std::vector<Band> bands;
    Positions p = layered(g, o, &bands);
    REQUIRE(allFinite(p));
    REQUIRE(bands.size() == 6);
    for (size_t b = 0; b < bands.size(); ++b) {
        CHECK(bands[b].level == int(b));
        CHECK(bands[b].rows == 1);
        CHECK(bands[b].y1 - bands[b].y0 == doctest::Approx(o.bandHeight));
    }
    for (uint32_t v = 0; v < g.n; ++v) {
        const Band& b = bands[size_t(g.level[v])];
        CHECK(p.y[v] > b.y0);
        CHECK(p.y[v] < b.y1);
    }
    // Labels in a row: centres at least half the two widths (plus the gap) apart.
    int overlaps = 0;
    for (uint32_t a = 0; a < g.n; ++a)
        for (uint32_t b = a + 1; b < g.n; ++b) {
            if (p.y[a] != p.y[b]) continue;
            float need = (labelWidth(o, g.labelChars[a]) + labelWidth(o, g.labelChars[b])) * 0.5f;
            overlaps += std::fabs(p.x[a] - p.x[b]) < need - 0.01f;
        }
    CHECK(overlaps == 0);
}

TEST_CASE("layered: barycentre sweeps cut crossings") {
    uint32_t per[] = {10, 40, 120, 200};
    Graph g = orgChart(per, 4, 11, 0);
    Options none;
    none.sweeps = 0;
    Options some;
    some.sweeps = 4;
    uint64_t before = crossings(g, layered(g, none), 100000, 1);
    uint64_t after = crossings(g, layered(g, some), 100000, 1);
    MESSAGE("crossings without sweeps " << before << ", with " << after);
    CHECK(after * 4 < before);
    // A tree drawn by barycentres is close to planar.
    CHECK(after < g.edgeCount() / 4);
}

TEST_CASE("layered: a band of thousands wraps into rows inside a taller band") {
    uint32_t per[] = {3, 30, 3000};
    Graph g = orgChart(per, 3, 3, 0);
    Options o;
    std::vector<Band> bands;
    Positions p = layered(g, o, &bands);
    REQUIRE(bands.size() == 3);
    CHECK(bands[0].rows == 1);
    CHECK(bands[2].rows > 5);
    CHECK(bands[2].y1 - bands[2].y0 > o.bandHeight);
    CHECK(bands[2].y0 == doctest::Approx(bands[1].y1));
    float minX = 1e30f, maxX = -1e30f;
    for (uint32_t v = 0; v < g.n; ++v)
        if (g.level[v] == 2) {
            CHECK(p.y[v] > bands[2].y0);
            CHECK(p.y[v] < bands[2].y1);
            minX = std::min(minX, p.x[v]);
            maxX = std::max(maxX, p.x[v]);
        }
    // Wider than tall, but not absurdly.
    const float w = maxX - minX, h = bands[2].y1 - bands[2].y0;
    CHECK(w > h);
    CHECK(w < 10 * h);
}

TEST_CASE("layered: pinned actors stay; a Map converts to a graph") {
    Map m = testmaps::ariege();
    m.actors[0].pinned = true;
    m.actors[0].x = 1234;
    m.actors[0].y = -50;
    std::vector<uint32_t> toActor;
    Graph g = graphFromMap(m, Lang::Fr, {}, {}, &toActor);
    CHECK(g.n == m.actors.size());
    CHECK(g.edgeCount() == m.relations.size());
    CHECK(g.labelChars[0] == 3);  // "DNE"
    CHECK(g.labelChars[3] == float(codePoints("École élémentaire de Foix")));
    Positions p = layered(g, Options{});
    CHECK(p.x[0] == 1234);
    CHECK(p.y[0] == -50);
    Options f;
    f.mode = Mode::Force;
    f.iterations = 50;
    p = force(g, f);
    CHECK(p.x[0] == 1234);
    CHECK(p.y[0] == -50);

    std::vector<uint8_t> mask(m.actors.size(), 1);
    mask[1] = 0;  // hide the DRANE: its relations go too
    Graph h = graphFromMap(m, Lang::Fr, mask, {}, &toActor);
    CHECK(h.n == m.actors.size() - 1);
    CHECK(toActor[1] == 2);
    CHECK(h.edgeCount() == m.relations.size() - 3);
}

// ---------------------------------------------------------------------------
// 3. Force
// ---------------------------------------------------------------------------

TEST_CASE("force: deterministic, finite, and a grid comes out untangled") {
    Graph g = grid(20);
    Options o;
    o.mode = Mode::Force;
    o.seed = 42;
    Positions a = force(g, o), b = force(g, o);
    REQUIRE(allFinite(a));
    CHECK(a.x == b.x);
    CHECK(a.y == b.y);
    o.seed = 43;
    Positions c = force(g, o);
    CHECK(c.x != a.x);

    Positions start = randomPositions(g.n, 5, 500);
    double s0 = stress(g, start, 4000, 9), s1 = stress(g, a, 4000, 9);
    uint64_t x1 = crossings(g, a, 2000, 3);
    MESSAGE("grid 20x20 stress random " << s0 << " -> force " << s1 << ", crossings " << x1);
    CHECK(s1 < s0 / 4);
    CHECK(s1 < 0.2);
}

TEST_CASE("force: Barnes-Hut agrees with the exact sum (theta 0)") {
    uint32_t per[] = {5, 50, 300};
    Graph g = orgChart(per, 3, 5, 30);
    Options o;
    o.mode = Mode::Force;
    o.iterations = 200;
    o.theta = 0;
    double exact = stress(g, force(g, o), 4000, 1);
    o.theta = 0.9f;
    double approx = stress(g, force(g, o), 4000, 1);
    MESSAGE("stress exact " << exact << ", Barnes-Hut " << approx);
    CHECK(approx < exact * 1.5 + 0.02);
}

TEST_CASE("force: level gravity pulls bands apart") {
    uint32_t per[] = {20, 60, 200};
    Graph g = orgChart(per, 3, 2, 100);
    Options o;
    o.mode = Mode::Force;
    o.levelGravity = 1.0f;
    Positions p = force(g, o);
    double mean[3] = {0, 0, 0};
    for (uint32_t v = 0; v < g.n; ++v) mean[g.level[v]] += p.y[v] / per[g.level[v]];
    CHECK(mean[0] < mean[1]);
    CHECK(mean[1] < mean[2]);
}

// ---------------------------------------------------------------------------
// 4. LayoutRun
// ---------------------------------------------------------------------------

TEST_CASE("LayoutRun: time slices reach 1, results equal the one-shot layout") {
    uint32_t per[] = {5, 40, 400};
    Graph g = orgChart(per, 3, 8, 50);
    Options o;
    o.mode = Mode::Force;
    o.iterations = 120;
    LayoutRun run;
    run.start(g, o);
    float last = run.progress();
    CHECK(last == 0.0f);
    int slices = 0;
    while (!run.done() && slices < 100000) {
        float pr = run.step(1.0);
        CHECK(pr >= last);
        last = pr;
        ++slices;
    }
    CHECK(run.done());
    CHECK(run.iterationsDone() == 120);
    Positions once = force(g, o);
    CHECK(run.positions().x == once.x);

    o.mode = Mode::Layered;
    run.start(g, o);
    CHECK(run.stepIterations(1) < 1.0f);
    run.stepIterations(100);
    CHECK(run.done());
    CHECK(!run.bands().empty());
}

TEST_CASE("LayoutRun: after a filter change only new actors get fresh positions") {
    uint32_t per[] = {5, 40, 300};
    Graph g = orgChart(per, 3, 4, 20);
    Options o;
    o.mode = Mode::Force;
    Positions before = force(g, o);
    // Two new nodes, hung under node 10.
    Graph g2 = g;
    g2.n += 2;
    g2.level.push_back(2);
    g2.level.push_back(2);
    g2.labelChars.push_back(5);
    g2.labelChars.push_back(5);
    g2.addEdge(10, g.n);
    g2.addEdge(10, g.n + 1);
    Positions init = before;
    init.x.push_back(NAN);
    init.y.push_back(NAN);
    init.x.push_back(NAN);
    init.y.push_back(NAN);
    Options warm = o;
    warm.iterations = 30;
    Positions after = force(g2, warm, &init);
    REQUIRE(allFinite(after));
    double moved = 0;
    for (uint32_t v = 0; v < g.n; ++v)
        moved += std::hypot(after.x[v] - before.x[v], after.y[v] - before.y[v]);
    moved /= g.n;
    MESSAGE("mean move of old nodes: " << moved);
    CHECK(moved < o.edgeLength);
    for (uint32_t v = g.n; v < g2.n; ++v)
        CHECK(std::hypot(after.x[v] - after.x[10], after.y[v] - after.y[10]) < 4 * o.edgeLength);

    // Layered keeps the old left-to-right order and inserts the new nodes.
    Positions lay = layered(g, Options{});
    Positions lay0 = lay;
    lay.x.push_back(NAN);
    lay.y.push_back(NAN);
    lay.x.push_back(NAN);
    lay.y.push_back(NAN);
    Positions lay2 = layered(g2, Options{}, nullptr, &lay);
    REQUIRE(allFinite(lay2));
    // Order in a band: (row, x); the 300+ band wraps into rows.
    auto before_ = [](const Positions& p, uint32_t a, uint32_t b) {
        return p.y[a] != p.y[b] ? p.y[a] < p.y[b] : p.x[a] < p.x[b];
    };
    int inversions = 0, rows = 0;
    for (uint32_t a = 0; a < g.n; ++a)
        for (uint32_t b = 0; b < g.n; ++b) {
            if (g.level[a] != g.level[b]) continue;
            rows += lay0.y[a] != lay0.y[b];
            if (before_(lay0, a, b) && before_(lay2, b, a)) ++inversions;
        }
    CHECK(rows > 0);
    CHECK(inversions == 0);
}

// ---------------------------------------------------------------------------
// 5. Bad input
// ---------------------------------------------------------------------------

TEST_CASE("bad input: empty, one node, self-loops, duplicates, disconnected, coincident") {
    for (Mode mode : {Mode::Layered, Mode::Force}) {
        Options o;
        o.mode = mode;
        o.iterations = 60;
        LayoutRun run;
        Graph empty;
        run.start(empty, o);
        run.step(5);
        CHECK(run.done());
        CHECK(run.positions().x.empty());

        Graph one;
        one.n = 1;
        run.start(one, o);
        run.stepIterations(1000);
        CHECK(allFinite(run.positions()));

        Graph bad;
        bad.n = 6;
        bad.addEdge(0, 0);  // self-loop
        bad.addEdge(1, 2);
        bad.addEdge(1, 2);          // duplicate
        bad.addEdge(3, 4);          // another component
        bad.addEdge(5, 99);         // dangling end
        bad.level = {0, 1, -1, 7};  // short, out of range
        bad.levelCount = 2;
        bad.labelChars = {NAN, -3, 1e9f};
        Positions p = mode == Mode::Force ? force(bad, o) : layered(bad, o);
        CHECK(allFinite(p));
        CHECK(p.x.size() == 6);

        // All nodes on one point (a bad initial state).
        Positions same;
        same.x.assign(6, 3.0f);
        same.y.assign(6, 3.0f);
        same.x[2] = INFINITY;
        p = mode == Mode::Force ? force(bad, o, &same) : layered(bad, o, nullptr, &same);
        CHECK(allFinite(p));
        if (mode == Mode::Force) CHECK(p.x[0] != p.x[1]);
    }
    Graph g = grid(3);
    CHECK(stress(g, Positions{}, 100, 1) == 0.0);
    CHECK(crossings(g, Positions{}, 100, 1) == 0);
}
