// bench/run.mjs — side-by-side benchmarks, one run, same seeded graphs for every contender.
// Called by scripts/bench.sh (which builds the wasm engine and the native bench first).
//
// Contents
//   1. Setup: the wasm engine, arguments
//   2. Force layouts: ours (wasm) vs graphology FA2 (Barnes–Hut) vs d3-force, same
//      graphs, same initial positions, same iteration count; plus the native results
//      (ours native, Boost FR) read from bench_native's files
//   3. Layered layout on data/national.json and the synthetic map (wasm)
//   4. Search latency per keystroke on the synthetic map (wasm)
//   5. Results: build/bench/results.json and a table
//
// Usage: node bench/run.mjs [--sizes 1000,10000,60000] [--iters 300,300,30] [--phase graphs|all]
//                           [--only layout,layered,search]
import { readFileSync, writeFileSync, existsSync, mkdirSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { forceSimulation, forceLink, forceManyBody, forceCenter } from 'd3-force';
import { makeGraph, writeGraphFile, readPositions, stress, crossings, rng } from './graphs.mjs';

const require = createRequire(import.meta.url);
const Graph = require('graphology');
const forceAtlas2 = require('graphology-layout-forceatlas2');

// ---------------------------------------------------------------------------
// 1. Setup
// ---------------------------------------------------------------------------

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'build', 'bench');
mkdirSync(OUT, { recursive: true });
const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : def;
};
const sizes = arg('--sizes', process.env.QFQ_BENCH_SIZES || '1000,10000,60000').split(',').map(Number);
const iters = arg('--iters', process.env.QFQ_BENCH_ITERS || '300,300,30').split(',').map(Number);
const phase = arg('--phase', 'all');
const only = arg('--only', 'layout,layered,search').split(',');  // parts to run
const SEED = 20261129;
const log = (...a) => console.error('[bench]', ...a);

// Phase "graphs": write the graph files for bench_native and stop.
const graphs = sizes.map((n, i) => ({ ...makeGraph(n, SEED + n), iterations: iters[Math.min(i, iters.length - 1)] }));
if (phase === 'graphs') {
  for (const g of graphs) writeGraphFile(path.join(OUT, `graph-${String(g.n).padStart(6, '0')}.bin`), g, g.iterations);
  log(`wrote ${graphs.length} graphs to ${OUT}`);
  process.exit(0);
}

async function loadEngine() {
  const dir = path.join(ROOT, 'build', 'wasm-node');
  // The build is CommonJS; this package is "type": "module", so load a .cjs copy.
  copyFileSync(path.join(dir, 'qfq_node.js'), path.join(OUT, 'qfq_node.cjs'));
  const factory = require(path.join(OUT, 'qfq_node.cjs'));
  return factory({ wasmBinary: readFileSync(path.join(dir, 'qfq_node.wasm')), print: log, printErr: log });
}
const M = await loadEngine();
const heapF32 = () => new Float32Array(M.HEAPU8.buffer);  // fresh views: memory may grow
const heapU32 = () => new Uint32Array(M.HEAPU8.buffer);
const heapF64 = () => new Float64Array(M.HEAPU8.buffer);
function cString(s) {
  const len = M.lengthBytesUTF8(s) + 1;
  const p = M._malloc(len);
  M.stringToUTF8(s, p, len);
  return [p, len - 1];
}

// ---------------------------------------------------------------------------
// 2. Force layouts
// ---------------------------------------------------------------------------

function runOurs(g) {
  const pe = M._malloc(g.edges.byteLength), pi = M._malloc(g.init.byteLength), po = M._malloc(g.init.byteLength);
  heapU32().set(g.edges, pe >> 2);
  heapF32().set(g.init, pi >> 2);
  const t0 = performance.now();
  const inner = M._qfq_force(g.n, pe, g.m, pi, g.iterations, 1, po);
  const ms = performance.now() - t0;
  const xy = heapF32().slice(po >> 2, (po >> 2) + 2 * g.n);
  M._free(pe); M._free(pi); M._free(po);
  return { ms, innerMs: inner, xy };
}

function runFA2(g) {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let i = 0; i < g.n; i++) graph.addNode(i, { x: g.init[2 * i], y: g.init[2 * i + 1] });
  for (let e = 0; e < g.m; e++) graph.addEdge(g.edges[2 * e], g.edges[2 * e + 1]);
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: true };
  const t0 = performance.now();
  forceAtlas2.assign(graph, { iterations: g.iterations, settings });
  const ms = performance.now() - t0;
  const xy = new Float32Array(2 * g.n);
  graph.forEachNode((k, a) => { xy[2 * k] = a.x; xy[2 * k + 1] = a.y; });
  return { ms, xy, settings };
}

function runD3(g) {
  const t0 = performance.now();
  const nodes = Array.from({ length: g.n }, (_, i) => ({ x: g.init[2 * i], y: g.init[2 * i + 1] }));
  const links = Array.from({ length: g.m }, (_, e) => ({ source: g.edges[2 * e], target: g.edges[2 * e + 1] }));
  // Cool to d3's alphaMin within the budget, as our layout does.
  const sim = forceSimulation(nodes).alphaDecay(1 - Math.pow(0.001, 1 / g.iterations))
    .force('link', forceLink(links)).force('charge', forceManyBody()).force('center', forceCenter()).stop();
  sim.tick(g.iterations);
  const ms = performance.now() - t0;
  const xy = new Float32Array(2 * g.n);
  nodes.forEach((p, i) => { xy[2 * i] = p.x; xy[2 * i + 1] = p.y; });
  return { ms, xy };
}

function score(g, xy) {
  return { stress: stress(g, xy), crossings: crossings(g, xy) };
}

const layoutResults = [];
for (const g of only.includes('layout') ? graphs : []) {
  const row = { n: g.n, m: g.m, iterations: g.iterations, contenders: {} };
  const add = (name, r) => {
    row.contenders[name] = { ms: +r.ms.toFixed(1), msPerIteration: +(r.ms / g.iterations).toFixed(3), ...score(g, r.xy) };
    log(`n=${g.n} ${name}: ${r.ms.toFixed(0)} ms (${(r.ms / g.iterations).toFixed(2)} ms/it), stress ${row.contenders[name].stress.toFixed(4)}, crossings ${row.contenders[name].crossings}`);
  };
  const ours = runOurs(g);
  add('ours-wasm', ours);
  add('graphology-fa2', runFA2(g));
  add('d3-force', runD3(g));
  // Native results (bench_native): timings from its JSON lines, positions from its files.
  const nativeLog = path.join(OUT, 'native.jsonl');
  if (existsSync(nativeLog)) {
    for (const line of readFileSync(nativeLog, 'utf8').split('\n').filter(Boolean)) {
      const r = JSON.parse(line);
      if (r.n !== g.n) continue;
      const file = path.join(OUT, `native-${r.contender === 'boost-fr' ? 'boost' : 'ours'}-${g.n}.bin`);
      if (!existsSync(file)) continue;
      const xy = readPositions(file);
      add(r.contender, { ms: r.ms, xy });
      if (r.contender === 'ours-native') {
        let maxDiff = 0, extent = 0;
        for (let i = 0; i < xy.length; i++) {
          maxDiff = Math.max(maxDiff, Math.abs(xy[i] - ours.xy[i]));
          extent = Math.max(extent, Math.abs(xy[i]));
        }
        row.nativeVsWasm = { maxAbsDiff: maxDiff, relative: extent ? maxDiff / extent : 0 };
      }
    }
  }
  layoutResults.push(row);
}

// ---------------------------------------------------------------------------
// 3. Layered layout
// ---------------------------------------------------------------------------

const synthPath = path.join(ROOT, 'build', 'synthetic', 'national-scale.json');
const maps = [['national', path.join(ROOT, 'data', 'national.json'), 5], ['synthetic', synthPath, 2]];
const layered = [];
for (const [name, file, reps] of only.includes('layered') ? maps : []) {
  if (!existsSync(file)) { log(`skip layered ${name}: ${file} missing`); continue; }
  const [p, len] = cString(readFileSync(file, 'utf8'));
  const out = M._malloc(6 * 8);
  const times = [];
  let info;
  for (let k = 0; k < reps; k++) {
    if (M._qfq_layered_json(p, len, out) !== 0) throw new Error(`layered failed on ${file}`);
    info = Array.from(heapF64().slice(out >> 3, (out >> 3) + 6));
    times.push(info);
  }
  M._free(out); M._free(p);
  const med = (i) => times.map((t) => t[i]).sort((a, b) => a - b)[Math.floor(times.length / 2)];
  const r = { map: name, actors: info[2], relations: info[3], bands: info[4], maxRows: info[5],
              readMs: +med(0).toFixed(1), layoutMs: +med(1).toFixed(1) };
  log(`layered ${name}: ${r.actors} actors, read ${r.readMs} ms, layout ${r.layoutMs} ms, ${r.maxRows} rows max`);
  layered.push(r);
}

// ---------------------------------------------------------------------------
// 4. Search latency per keystroke
// ---------------------------------------------------------------------------

let search = null;
if (only.includes('search') && existsSync(synthPath)) {
  const text = readFileSync(synthPath, 'utf8');
  const [p, len] = cString(text);
  const buildMs = M._qfq_search_load(p, len);
  M._free(p);
  const doc = JSON.parse(text);
  const r = rng(99);
  const fixed = ['drane', 'délégation numérique', 'educonect', 'DANE', 'erun', 'collège victor hugo',
                 'école élémentaire jean moulin', 'lycée professionnel', 'conseil départemental',
                 'inspé', 'rectorat', 'commune de saint', 'ien', 'canopé', 'espace numérique de travail'];
  const sampled = [];
  for (let i = 0; i < 45; i++) {
    const a = doc.actors[Math.floor(r() * doc.actors.length)];
    let q = (typeof a.name === 'string' ? a.name : a.name.fr).split(' — ')[0].slice(0, 28);
    if (i % 3 === 0 && q.length > 6) {  // a typo: swap two letters
      const k = 2 + Math.floor(r() * (q.length - 4));
      q = q.slice(0, k) + q[k + 1] + q[k] + q.slice(k + 2);
    }
    sampled.push(q);
  }
  const queries = [...fixed, ...sampled];
  const lat = [], slow = [];
  const qbuf = M._malloc(256);
  // Each keystroke is timed 5 times: `lat` keeps the best (the keystroke's own cost: this
  // machine's 2 cores are shared, and a preempted call says nothing about the search),
  // `raw` every call.
  const raw = [];
  const type = (q, record) => {
    for (let k = 1; k <= q.length; k++) {
      M.stringToUTF8(q.slice(0, k), qbuf, 256);
      let best = Infinity;
      for (let rep = 0; rep < 5; rep++) {
        const t0 = performance.now();
        M._qfq_search(qbuf, 20);
        const ms = performance.now() - t0;
        best = Math.min(best, ms);
        if (record) raw.push(ms);
      }
      if (record) { lat.push(best); slow.push([best, q.slice(0, k)]); }
    }
  };
  for (const q of queries.slice(0, 5)) type(q, false);  // warm-up
  for (const q of queries) type(q, true);
  const checks = {};
  for (const q of ['drane', 'délégation numérique', 'educonect', 'DANE', 'erun']) {
    M.stringToUTF8(q, qbuf, 256);
    checks[q] = M.UTF8ToString(M._qfq_search_top(qbuf));
  }
  M._free(qbuf);
  lat.sort((a, b) => a - b);
  slow.sort((a, b) => b[0] - a[0]);
  raw.sort((a, b) => a - b);
  const pct = (x, a = lat) => +a[Math.min(a.length - 1, Math.floor(x * a.length))].toFixed(3);
  search = { map: 'synthetic', actors: doc.actors.length, indexBuildMs: +buildMs.toFixed(1), queries: queries.length,
             keystrokes: lat.length, p50Ms: pct(0.5), p95Ms: pct(0.95), p99Ms: pct(0.99), maxMs: +lat[lat.length - 1].toFixed(3),
             raw: { calls: raw.length, p50Ms: pct(0.5, raw), p99Ms: pct(0.99, raw), maxMs: +raw[raw.length - 1].toFixed(3) }, checks,
             slowest: slow.slice(0, 8).map(([ms, q]) => `${q} (${ms.toFixed(2)} ms)`) };
  log(`search: ${search.keystrokes} keystrokes, p50 ${search.p50Ms} ms, p99 ${search.p99Ms} ms, max ${search.maxMs} ms`);
}

// ---------------------------------------------------------------------------
// 5. Results
// ---------------------------------------------------------------------------

const results = {
  schema: 'qfq-bench/1',
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, load: os.loadavg() },
  seed: SEED,
  layout: layoutResults,
  layered,
  search,
  targets: {
    'wasm layout ≥5× faster per iteration than graphology FA2 at 10k and 60k, stress ≤ FA2': 'see layout',
    '60k layered < 2 s (wasm)': 'see layered',
    'search p99 < 2 ms at 60k': 'see search',
  },
};
writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 1) + '\n');

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log('\nForce layouts (same graphs, same initial positions, same iterations)');
console.log(pad('n', 7) + pad('contender', 16) + lpad('iters', 6) + lpad('total ms', 10) + lpad('ms/iter', 9) +
            lpad('stress', 9) + lpad('crossings', 10) + lpad('ours faster ×', 14) + lpad('stress vs ours', 15));
for (const row of layoutResults) {
  const o = row.contenders['ours-wasm'];
  for (const [name, c] of Object.entries(row.contenders)) {
    const base = name === 'boost-fr' ? row.contenders['ours-native'] : o;
    const speed = name.startsWith('ours') && name !== 'ours-native' ? '' : (c.ms / base.ms).toFixed(1);
    console.log(pad(row.n, 7) + pad(name, 16) + lpad(row.iterations, 6) + lpad(c.ms.toFixed(0), 10) +
                lpad(c.msPerIteration.toFixed(2), 9) + lpad(c.stress.toFixed(4), 9) + lpad(c.crossings, 10) +
                lpad(name === 'ours-wasm' ? '—' : speed, 14) + lpad(name === 'ours-wasm' ? '—' : (c.stress / base.stress).toFixed(2), 15));
  }
  if (row.nativeVsWasm) console.log(`        native vs wasm positions: max |Δ| ${row.nativeVsWasm.maxAbsDiff.toExponential(2)} (relative ${row.nativeVsWasm.relative.toExponential(2)})`);
}
console.log('(ours-native is compared with ours-wasm; boost-fr with ours-native. "ours faster ×" = peer ms / ours ms; "stress vs ours" > 1 = peer worse)');
console.log('\nLayered layout (wasm)');
for (const l of layered) console.log(`  ${pad(l.map, 10)} ${lpad(l.actors, 7)} actors ${lpad(l.relations, 7)} relations  read ${lpad(l.readMs, 8)} ms  layout ${lpad(l.layoutMs, 8)} ms  (${l.bands} bands, ≤${l.maxRows} rows)`);
if (search) {
  console.log('\nSearch per keystroke (wasm, synthetic map)');
  console.log(`  ${search.actors} actors, index built in ${search.indexBuildMs} ms; ${search.keystrokes} keystrokes (best of 5): p50 ${search.p50Ms} ms, p95 ${search.p95Ms} ms, p99 ${search.p99Ms} ms, max ${search.maxMs} ms`);
  console.log(`  every call (${search.raw.calls}, preemption included): p50 ${search.raw.p50Ms} ms, p99 ${search.raw.p99Ms} ms, max ${search.raw.maxMs} ms`);
  console.log('  slowest: ' + search.slowest.join(', '));
  console.log('  top hits: ' + Object.entries(search.checks).map(([q, t]) => `${q} → ${t}`).join('; '));
}
console.log(`\nresults: ${path.join(OUT, 'results.json')}`);
