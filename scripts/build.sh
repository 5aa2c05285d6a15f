#!/usr/bin/env bash
# Builds everything:
#   build/native/   qfq (CLI), qfq_tests, qfq_bench          (g++, Release)
#   build/web/      index.html, qfq.js, qfq.wasm, web/*.js, shaders/, data/, assets/
#   build/wasm/     the Emscripten CMake tree (qfq_app; qfq_node only when scripts/bench.sh asks)
#   build/sanitize/ qfq, qfq_tests and the fuzz/ targets under ASan+UBSan (clang++, -O1 -g,
#                   assertions on); not part of `all`, scripts/test.sh builds it explicitly
# Usage: scripts/build.sh [native|web|all|sanitize]   (default all)
# QFQ_WEB_OPT=-Oz|-O3|-O2 picks the web optimisation level (default -O3, see README).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
jobs=${JOBS:-$(nproc)}
say() { printf '\033[1m[build]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[build] %s\033[0m\n' "$*" >&2; exit 1; }

command -v cmake >/dev/null || die "cmake is missing: run scripts/setup.sh"
case "$what" in native|web|all|sanitize) ;; *) die "unknown target '$what' (use native, web, all or sanitize)" ;; esac

# ccache, when the machine has it, makes rebuilds (and other checkouts of the same tree)
# fast; paths are taken relative to the checkout so the cache is shared between clones.
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export EM_COMPILER_WRAPPER=ccache
fi

if [ "$what" = native ] || [ "$what" = all ]; then
  say "native (g++) → build/native"
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null
  cmake --build build/native -j"$jobs"
fi

if [ "$what" = sanitize ]; then
  command -v clang++ >/dev/null || die "clang++ is missing: run scripts/setup.sh (Debian packages clang libclang-rt-14-dev)"
  say "sanitised (clang++, ASan+UBSan, libFuzzer) → build/sanitize"
  cmake -S . -B build/sanitize -DCMAKE_CXX_COMPILER=clang++ -DQFQ_SANITIZE=ON "${launcher[@]}" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" >/dev/null
  cmake --build build/sanitize -j"$jobs"
fi

if [ "$what" = web ] || [ "$what" = all ]; then
  command -v emcmake >/dev/null || die "Emscripten is missing: run scripts/setup.sh (Debian package emscripten)"
  [ -f third_party/imgui-1.90.1/imgui.cpp ] || die "Dear ImGui is missing: run scripts/setup.sh"
  # Debian's Emscripten optimiser needs acorn from Debian's node modules.
  export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
  opt=${QFQ_WEB_OPT:--O3}
  say "web (em++ $opt) → build/web"
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS_RELEASE="$opt -DNDEBUG" -DCMAKE_EXE_LINKER_FLAGS_RELEASE="$opt" >/dev/null
  cmake --build build/wasm -j"$jobs"
  rm -rf build/web.tmp && mkdir -p build/web.tmp/assets
  cp build/wasm/qfq.js build/wasm/qfq.wasm build/web.tmp/
  cp -r web/. build/web.tmp/
  cp -r shaders build/web.tmp/shaders
  cp -r data build/web.tmp/data
  cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf build/web.tmp/assets/ \
    || die "DejaVu Sans is missing: run scripts/setup.sh (Debian package fonts-dejavu-core)"
  # The app's own files, for the editor's "Publier" (web/editor.js zips them with the maps).
  (cd build/web.tmp && printf '[%s]\n' "$(find . -type f ! -path './data/*' | sed 's|^\./||' | sort \
    | sed 's/.*/"&"/' | paste -sd, -)" > app-files.json)
  rm -rf build/web && mv build/web.tmp build/web
  raw=$(stat -c %s build/web/qfq.wasm)
  gz=$(gzip -9 -c build/web/qfq.wasm | wc -c)
  say "qfq.wasm: $raw bytes raw, $gz bytes gzip -9 ($opt)"
  printf '{"opt":"%s","wasmBytes":%d,"wasmGzipBytes":%d}\n' "$opt" "$raw" "$gz" > build/web/build-info.json
fi
