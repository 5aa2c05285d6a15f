#!/usr/bin/env bash
# Benchmarks, side by side in one run (about 5–10 minutes on 2 cores):
#   force layout: ours (wasm under Node) vs graphology FA2 (Barnes–Hut) vs d3-force at 1k, 10k,
#     60k nodes, same seeded graphs and iteration counts; Boost FR vs ours natively at 1k;
#     stress and crossings for every result;
#   layered layout on data/national.json and the synthetic national-scale map (wasm);
#   search latency per keystroke on the synthetic map (wasm);
#   the engine on hostile graphs (native, build/bench/adversarial.jsonl).
# Writes build/bench/results.json and prints a table.
# Usage: scripts/bench.sh            (QFQ_BENCH_SIZES=1000,10000 QFQ_BENCH_ITERS=300,300 to shorten)
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[bench] %s\033[0m\n' "$*" >&2; exit 1; }
jobs=${JOBS:-2}

[ -d node_modules/graphology-layout-forceatlas2 ] && [ -d node_modules/d3-force ] \
  || { [ -x scripts/setup.sh ] && scripts/setup.sh; } \
  || die "npm packages missing: run scripts/setup.sh"

# Native: the bench binary (and the engine). scripts/build.sh native builds everything native.
if [ -x scripts/build.sh ]; then
  JOBS=$jobs scripts/build.sh native
else
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j"$jobs"
fi
[ -x build/native/qfq_bench ] || die "build/native/qfq_bench missing"

# Wasm for Node: only the qfq_node target.
command -v emcmake >/dev/null || die "Emscripten is missing: run scripts/setup.sh"
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
say "wasm engine for Node → build/wasm-node"
emcmake cmake -S . -B build/wasm-node -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm-node --target qfq_node -j"$jobs"

# Data: the synthetic national-scale map (deterministic; regenerated only when missing).
synth=build/synthetic/national-scale.json
[ -f "$synth" ] || python3 scripts/gen_synthetic.py "$synth"

# Graphs once (JS generator), then the native contenders on the same files, then the rest.
rm -f build/bench/graph-*.bin build/bench/native-*.bin build/bench/native.jsonl
node bench/run.mjs --phase graphs
say "native: ours vs Boost FR"
build/native/qfq_bench build/bench --boost-max 1000 | tee build/bench/native.jsonl
say "native: hostile graphs (star 100k, complete 2,000, chain 100k, 100k on one spot)"
build/native/qfq_bench --adversarial | tee build/bench/adversarial.jsonl
say "wasm vs graphology FA2 vs d3-force, layered, search"
node bench/run.mjs

# Browser: start-up, wasm size, loader throughput, frame time vs sigma.js (headless Chromium).
say "browser: start-up, frame time vs sigma.js"
JOBS=$jobs scripts/build.sh web
node bench/browser.mjs

# Legibility: what the app drew (window.qfq.scene()) on every shipped map and viewport, and
# ELK layered (elkjs) and Graphviz dot on the same graphs → build/bench/legibility.json and
# README.md's legibility table.
say "legibility: scene() per map × viewport vs ELK layered and dot"
command -v dot >/dev/null || die "Graphviz is missing: run scripts/setup.sh (Debian package graphviz)"
node bench/legibility.mjs --readme
