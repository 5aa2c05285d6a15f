#!/usr/bin/env bash
# tests/scripts/check_scripts.sh — the scripts a fresh clone runs, checked from the outside:
#   1. every tracked file that starts with "#!" is executable, in git's index (mode 100755,
#      what a clone gets) and in this checkout;
#   2. scripts/setup.sh refuses a Node.js older than 20 with a message that says so (a fake
#      `node` printing 18.19.0 first on PATH: the check comes first, nothing else runs), and
#      accepts the real one (--check-node: the check alone, nothing installed);
#   3. scripts/build.sh refuses an unknown target instead of doing nothing;
#   4. README.md's performance tables are what bench/results.json gives (and the check fails
#      on results that differ).
# Prints one line per check; exits non-zero when any failed, and when none ran.
set -uo pipefail
cd "$(dirname "$0")/../.."
passed=0 failed=0
ok() { printf '  ok    %s\n' "$*"; passed=$((passed + 1)); }
bad() { printf '\033[31m  FAIL  %s\033[0m\n' "$*"; failed=$((failed + 1)); }

# 1. Run bits.
scripts=0
while IFS= read -r -d '' f; do
  [ -f "$f" ] && [ "$(head -c2 "$f" | tr -d '\0')" = '#!' ] || continue
  scripts=$((scripts + 1))
  mode=$(git ls-files -s -- "$f" | cut -d' ' -f1)
  [ "$mode" = 100755 ] || { bad "$f: git mode $mode, not 100755 (git update-index --chmod=+x $f)"; continue; }
  [ -x "$f" ] || { bad "$f: not executable in this checkout"; continue; }
done < <(git ls-files -z)
((scripts >= 8)) && ok "$scripts scripts with #! are executable (git mode 100755)" \
  || bad "only $scripts tracked scripts found (expected at least 8: scripts/*.sh, …)"

# 2. Node.js version check, with a fake old node first on PATH.
fake=$(mktemp -d)
trap 'rm -rf "$fake"' EXIT
printf '#!/bin/sh\necho 18.19.0\n' > "$fake/node"
chmod +x "$fake/node"
out=$(PATH="$fake:$PATH" scripts/setup.sh 2>&1); rc=$?
if [ "$rc" -ne 0 ] && grep -q 'Node.js 18.19.0 found' <<<"$out" && grep -q 'Node.js ≥ 20 is needed' <<<"$out"; then
  ok "setup.sh with Node 18: exit $rc, \"$(head -1 <<<"$out" | sed 's/\x1b\[[0-9;]*m//g' | cut -c1-90)…\""
else
  bad "setup.sh with Node 18: exit $rc, output: $out"
fi
out=$(scripts/setup.sh --check-node 2>&1); rc=$?
if [ "$rc" -eq 0 ]; then ok "setup.sh accepts Node $(node --version)"
else bad "setup.sh refuses this machine's Node $(node --version): $out"; fi

# 3. Unknown build target.
out=$(scripts/build.sh nativ 2>&1); rc=$?
if [ "$rc" -ne 0 ] && grep -q "unknown target 'nativ'" <<<"$out"; then ok "build.sh nativ: refused (exit $rc)"
else bad "build.sh nativ: exit $rc, output: $out"; fi

# 4. README performance tables: generated from the committed results, and the check fails
#    when they disagree (one measured number changed in a copy of the results).
if out=$(node bench/readme_tables.mjs --check 2>&1); then ok "$out"; else bad "$out"; fi
altered="$fake/results.json"
node -e '
  const fs = require("fs");
  const r = JSON.parse(fs.readFileSync("bench/results.json", "utf8"));
  r.layout[0].runs[0].msPerIteration.median *= 3;
  fs.writeFileSync(process.argv[1], JSON.stringify(r));' "$altered"
if node bench/readme_tables.mjs --check "$altered" >/dev/null 2>&1; then bad "readme_tables --check accepts results that differ from the README"
else ok "readme_tables --check refuses results that differ from the README"; fi

printf '%d passed, %d failed\n' "$passed" "$failed"
((failed == 0 && passed >= 6))
