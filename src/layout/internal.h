// layout/internal.h — state shared by layout.cpp (driver), layered.cpp and force.cpp.
// Not part of the public API.
//
// Contents
//   1. Layered state and phases
//   2. Cartographic rows: the proper layered graph and its ordering (carto_order.cpp)
//   3. Force state and iterations
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "layout/layout.h"

namespace qfq::layout::detail {

// Undirected adjacency without self-loops (duplicates kept: they weigh more, harmlessly).
struct Adjacency {
    std::vector<uint32_t> offset, target;  // CSR: neighbours of v are target[offset[v]..offset[v+1])
    void build(const Graph& g);
};

// ---------------------------------------------------------------------------
// 1. Layered
// ---------------------------------------------------------------------------

struct LayeredState {
    Adjacency adj;
    std::vector<int32_t> band;                 // band per node (levels; unknown -> last band)
    std::vector<std::vector<uint32_t>> order;  // nodes of each band, left to right
    std::vector<float> rank;                   // normalised position (0..1) inside the band
    std::vector<float> key;                    // scratch: barycentre per node
    int bandCount = 0;
    int phase = 0, phases = 0;
    bool keepOrder = false;     // initial positions given: keep their order, only insert new nodes
    std::vector<Route> routes;  // cartographic placement only
};

// Cartographic placement (carto.cpp): label-sized boxes, rows, routes.
void cartoPlace(LayeredState& s, const Graph& g, const Options& o, Positions& pos, std::vector<Band>& bands);

// Total phase count is known after begin; each call runs one phase and returns false when
// all are done (positions and bands are then final).
void layeredBegin(LayeredState& s, const Graph& g, const Options& o, const Positions* initial);
bool layeredPhase(LayeredState& s, const Graph& g, const Options& o, Positions& pos,
                  std::vector<Band>& bands);

// ---------------------------------------------------------------------------
// 2. Cartographic rows
// ---------------------------------------------------------------------------

// Rows as layers, flat: items [0, real) are the graph's nodes, the others dummies (one per
// row a long route passes). Segments join an item to one in the next row down; inRow lists
// edges between two items of one row. Fill row, order, segments and inRow, then finish().
struct RowGraph {
    uint32_t real = 0;
    std::vector<int32_t> row;                  // per item; -1 = in no row (pinned)
    std::vector<std::vector<uint32_t>> order;  // per row: its items, left to right
    std::vector<uint32_t> segments;            // 2 per segment: upper item, lower item
    std::vector<std::array<uint32_t, 2>> inRow;
    std::vector<uint8_t> detourAbove;  // per row: may a same-row edge detour over it (else under)
    // Built by finish(): CSR neighbours in the row above / below, same-row edges per item,
    // and each item's index in its row (kept in step with `order`).
    std::vector<uint32_t> upOff, up, downOff, down, pos;
    std::vector<std::vector<uint32_t>> inRowOf;

    uint32_t addDummy(int r);
    void link(uint32_t upper, uint32_t lower);
    void finish();
    long crossings() const;  // segment pairs crossing in a channel + same-row detour cost
    // Same-row edge k: what its detour crosses (+1 unless its ends are side by side), and
    // whether it goes over the row rather than under.
    std::pair<long, bool> detourCost(size_t k) const;
};

// Reorders every row to reduce crossings (barycentre sweeps, transposition, several
// starts, up to `effort` on small graphs; the best order seen wins, never worse than the
// given one). Returns its cost.
long orderRows(RowGraph& g, uint64_t seed, int effort = 8);

// ---------------------------------------------------------------------------
// 3. Force
// ---------------------------------------------------------------------------

// Barnes–Hut quadtree in preorder: the subtree of node i is [i, skip[i]), so traversal is
// a loop without a stack. Leaves hold up to kLeafSize points, stored contiguously
// (Morton order) in px/py.
struct QuadTree {
    std::vector<float> comX, comY, mass, size2;
    std::vector<uint32_t> skip, begin, end;  // end == 0 for inner nodes
    std::vector<uint32_t> pend;              // every node: its points are [begin, pend)
    std::vector<float> px, py;               // points sorted by Morton code
    std::vector<uint32_t> order;             // sorted position -> node
    std::vector<uint32_t> codes, tmpCodes, tmpOrder;
    void build(const float* x, const float* y, uint32_t n);

private:
    uint32_t buildNode(uint32_t b, uint32_t e, int depth, float size);
};

struct ForceState {
    QuadTree tree;
    std::vector<float> fx, fy;
    std::vector<float> listX, listY, listM;  // interaction list of the current leaf
    std::vector<float> targetY;              // band centre per node (level gravity), NaN = none
    float step = 0, step0 = 0;
    double energy = 1e300;
    int progressCount = 0;
};

void forceBegin(ForceState& s, const Graph& g, const Options& o, Positions& pos, const Positions* initial);
void forceIteration(ForceState& s, const Graph& g, const Options& o, Positions& pos, int iter);

}  // namespace qfq::layout::detail
