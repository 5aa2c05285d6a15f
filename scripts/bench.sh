#!/usr/bin/env bash
# Benchmarks, side by side in one run, every figure repeated (median and [min–max]):
#   force layout: ours (wasm under Node) vs graphology FA2 vs d3-force at equal Barnes–Hut θ
#     (0.5 and 0.9), and @antv/layout-wasm's FA2 (exact, small graphs), same seeded graphs,
#     initial positions and iterations, traced at checkpoints: equal-θ ratios and the
#     time-versus-quality frontier; Boost FR (exact O(n²)) vs ours natively;
#   layered layout on data/national.json and the synthetic national-scale map (wasm);
#   search latency per keystroke on the synthetic map (wasm);
#   the engine on hostile graphs (native);
#   browser: start-up, wasm size, loader MB/s, frame time vs sigma.js (headless Chromium).
# Writes build/bench/results.json, copies it to bench/results.json (committed: the README's
# tables are generated from it) and rewrites README.md's tables (bench/readme_tables.mjs),
# then prints them. About 10–15 minutes on 2 shared cores at the defaults below.
# Usage: scripts/bench.sh
#   QFQ_BENCH_SIZES=1000,5000 QFQ_BENCH_ITERS=300,300 QFQ_BENCH_REPEATS=3   force layout graphs
#   QFQ_BENCH_BROWSER_SCALE=0.1   synthetic map size for the browser frames (1 = national scale)
#   QFQ_BENCH_ANTV_MAX=1000 QFQ_BENCH_BOOST_MAX=1000   largest graphs for the exact O(n²) peers
#   QFQ_BENCH_SYNTH_SCALE=1       synthetic map for layered layout and search (1 = national scale)
#   QFQ_BENCH_SKIP=browser,adversarial   parts left out (the README then says "not measured")
#   QFQ_BENCH_NOTE="…"            a sentence on the machine's conditions, shown in the README
# Times are CPU time of the measuring process (getrusage / process.cpuUsage: user + system, not
# the wall clock, not CLOCK_PROCESS_CPUTIME_ID, which counts a VM's stolen time), except the
# search keystrokes (best of 5, wall clock) and the browser's frames.
#   QFQ_BENCH_NO_README=1         leave bench/results.json and README.md alone
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[bench] %s\033[0m\n' "$*" >&2; exit 1; }
jobs=${JOBS:-2}
repeats=${QFQ_BENCH_REPEATS:-3}
export QFQ_BENCH_REPEATS=$repeats

[ -d node_modules/graphology-layout-forceatlas2 ] && [ -d node_modules/d3-force ] \
  || { [ -x scripts/setup.sh ] && scripts/setup.sh; } \
  || die "npm packages missing: run scripts/setup.sh"

# Native: the bench binary (and the engine). Wasm: the app (for the browser part) and, in the
# same tree, the bench-only engine for Node (qfq_node is not part of `all`: compiled once,
# here). QFQ_BENCH_NO_BUILD=1 uses what is built (even checking an up-to-date build costs
# minutes on a loaded machine).
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
if [ -z "${QFQ_BENCH_NO_BUILD:-}" ]; then
  JOBS=$jobs scripts/build.sh native
  JOBS=$jobs scripts/build.sh web
  say "wasm engine for Node → build/wasm/qfq_node.{js,wasm}"
  cmake --build build/wasm --target qfq_node -j"$jobs"
fi
for f in build/native/qfq_bench build/wasm/qfq_node.js build/wasm/qfq_node.wasm build/web/index.html; do
  [ -e "$f" ] || die "$f is missing: run scripts/bench.sh without QFQ_BENCH_NO_BUILD"
done

# Data: the synthetic national-scale map and a smaller one for the browser frames
# (deterministic; regenerated only when missing).
skip=",${QFQ_BENCH_SKIP:-},"
synth=build/synthetic/national-scale.json
[ "${QFQ_BENCH_SYNTH_SCALE:-1}" = 1 ] || synth=build/synthetic/national-scale-x$QFQ_BENCH_SYNTH_SCALE.json
[ -f "$synth" ] || python3 scripts/gen_synthetic.py "$synth" --scale "${QFQ_BENCH_SYNTH_SCALE:-1}"
export QFQ_BENCH_SYNTH=$synth
scale=${QFQ_BENCH_BROWSER_SCALE:-0.1}
if [ "$scale" = 1 ]; then browser_map=build/synthetic/national-scale.json
else
  browser_map=build/synthetic/national-scale-x$scale.json
  [ -f "$browser_map" ] || python3 scripts/gen_synthetic.py "$browser_map" --scale "$scale"
fi

# Graphs once (JS generator), then the native contenders on the same files, then the rest.
mkdir -p build/bench
rm -f build/bench/graph-*.bin build/bench/native-*.bin build/bench/native.jsonl build/bench/results.json
node bench/run.mjs --phase graphs
say "native: ours vs Boost FR (exact O(n²)), $repeats runs each"
build/native/qfq_bench build/bench --boost-max "${QFQ_BENCH_BOOST_MAX:-1000}" --repeats "$repeats" | tee build/bench/native.jsonl
rm -f build/bench/adversarial.jsonl
if [[ $skip != *,adversarial,* ]]; then
  say "native: hostile graphs (star 100k, complete 2,000, chain 100k, 100k on one spot), $repeats runs each"
  build/native/qfq_bench --adversarial "$repeats" | tee build/bench/adversarial.jsonl
fi
say "wasm vs graphology FA2 vs d3-force vs @antv/layout-wasm, layered, search"
node bench/run.mjs

if [[ $skip != *,browser,* ]]; then
  say "browser: start-up, loader, frame time vs sigma.js ($browser_map)"
  QFQ_BENCH_BROWSER_MAP=$browser_map node bench/browser.mjs
fi

if [ -z "${QFQ_BENCH_NO_README:-}" ]; then
  cp build/bench/results.json bench/results.json
  node bench/readme_tables.mjs --write bench/results.json
fi
node bench/readme_tables.mjs --print build/bench/results.json

# Legibility: what the app drew (window.qfq.scene()) on every shipped map and viewport, and
# ELK layered (elkjs) and Graphviz dot on the same graphs → build/bench/legibility.json and
# README.md's legibility table.
say "legibility: scene() per map × viewport vs ELK layered and dot"
command -v dot >/dev/null || die "Graphviz is missing: run scripts/setup.sh (Debian package graphviz)"
node bench/legibility.mjs --readme
