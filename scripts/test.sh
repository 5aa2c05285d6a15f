#!/usr/bin/env bash
# Every test, from a clean clone: sets up what is missing, builds, then runs
#   1. native unit tests (doctest: model, io, layout, query, corpus of broken files, limits,
#      adversarial graphs, round-trip property tests), then the same under ASan+UBSan, then
#      60 s of libFuzzer per target (loader, CSV importer, URL fragment), then the
#      same under ASan+UBSan (clang++), then 60 s of libFuzzer per fuzz target
#   2. the CLI's validation of every shipped map, and that the generated parts of
#      data/national.json match their sourced tables (scripts/gen_territories.py --check)
#   3. an independent JSON Schema validator (ajv) over the maps and the schema
#   4. browser end-to-end tests in headless Chromium (WebGPU and WebGL2)
# Runs every step even when one fails, and exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
failed=()
step() {
  local name=$1; shift
  printf '\n\033[1m== %s\033[0m\n' "$name"
  local t0; t0=$(date +%s)
  if "$@"; then printf '\033[32m-- %s: ok (%ss)\033[0m\n' "$name" $(( $(date +%s) - t0 ))
  else printf '\033[31m-- %s: FAILED (%ss)\033[0m\n' "$name" $(( $(date +%s) - t0 )); failed+=("$name"); fi
}

scripts/setup.sh || exit 1
scripts/build.sh all || { echo "build failed" >&2; exit 1; }

step "unit tests (doctest)" build/native/qfq_tests
step "build: sanitised (clang++, ASan+UBSan, libFuzzer)" scripts/build.sh sanitize
step "unit tests under ASan+UBSan" build/sanitize/qfq_tests
step "fuzz (60 s per target)" scripts/fuzz.sh 60
step "maps: qfq validate" build/native/qfq validate data/national.json data/wallonie.json data/territories/*.json
step "maps: national.json up to date with data/sources (gen_territories.py --check)" python3 scripts/gen_territories.py --check
step "maps: ajv (JSON Schema 2020-12)" node tests/schema/validate.mjs
step "exports: independent parsers (networkx, XML, PNG)" python3 tests/export/check_exports.py build/native/qfq
step "browser tests (headless Chromium)" node tests/browser/run.mjs

elapsed=$(( $(date +%s) - started ))
if ((${#failed[@]})); then
  printf '\n\033[31m%d step(s) failed: %s (%ss)\033[0m\n' "${#failed[@]}" "${failed[*]}" "$elapsed"
  exit 1
fi
printf '\n\033[32mall tests passed (%ss)\033[0m\n' "$elapsed"
