#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ (built by `scripts/build.sh sanitize`, ASan+UBSan).
# Usage: scripts/fuzz.sh [seconds-per-target] [target...]
#   default: 600 s each for fuzz_load, fuzz_csv and fuzz_fragment (random seed, growing corpus).
#        scripts/fuzz.sh --replay [target...]
#   what scripts/test.sh runs: every committed seed and regression once, then a fixed number
#   of mutations (QFQ_FUZZ_REPLAY_RUNS, default per target below) from -seed=1, in a fresh
#   copy of the committed inputs only, so two runs on the same commit run the same inputs and
#   an unrelated change cannot fail CI by luck. Long random runs are for this script alone.
# Each target starts from its seeds (shipped maps, the broken-file corpus, the CSV templates,
# fuzz/seeds/) copied into build/fuzz-corpus/TARGET, which keeps what it finds, so runs add
# up. Prints the executions per target and in total; exits non-zero on any crash, leak,
# timeout or out-of-memory, with the reproducer's path (build/fuzz-artifacts/TARGET/) and the
# log. A reproducer belongs in tests/fuzz-regressions/TARGET/ once fixed (see README).
set -uo pipefail
cd "$(dirname "$0")/.."
replay=0
if [ "${1:-}" = --replay ]; then replay=1; shift; seconds=0
else seconds=${1:-600}; shift || true; fi
targets=("$@")
((${#targets[@]})) || targets=(fuzz_load fuzz_csv fuzz_fragment)
say() { printf '\033[1m[fuzz]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[fuzz] %s\033[0m\n' "$*" >&2; exit 1; }

[[ $seconds =~ ^[0-9]+$ ]] || die "seconds must be a number (usage: scripts/fuzz.sh [seconds] [target...])"

# Seeds: fills $2 (default build/fuzz-corpus/$1; existing finds are kept).
seed() {
    local target=$1 corpus=${2:-build/fuzz-corpus/$1}
    mkdir -p "$corpus"
    case $target in
    fuzz_load)
        cp data/*.json data/territories/*.json tests/corpus/*.json "$corpus"/ ;;
    fuzz_csv)
        # actors.csv, 0x00, relations.csv; an odd size imports as an overlay (fuzz_csv.cpp).
        { cat data/templates/actors.csv; printf '\0'; cat data/templates/relations.csv; } > "$corpus/templates.csv"
        { cat data/templates/actors.csv; printf '\0'; cat data/templates/relations.csv; printf '\n'; } \
            > "$corpus/templates-other-parity.csv"
        cp fuzz/seeds/csv/* "$corpus"/ ;;
    fuzz_fragment)
        cp fuzz/seeds/fragment/* "$corpus"/ ;;
    esac
    [ -d "tests/fuzz-regressions/$target" ] && cp "tests/fuzz-regressions/$target"/* "$corpus"/ 2>/dev/null
    return 0
}

failed=()
total=0
summary=()
for target in "${targets[@]}"; do
    binary=build/sanitize/$target
    # replay_runs: executions in all (libFuzzer's -runs counts the replayed inputs too), sized to
    # about a minute each under ASan on a loaded 2-core machine (there fuzz_load ran about 10
    # executions/s, fuzz_csv 30, fuzz_fragment 3,000).
    case $target in
    fuzz_load) dict=fuzz/json.dict max_len=262144 replay_runs=500 ;;
    fuzz_csv) dict=fuzz/csv.dict max_len=65536 replay_runs=2000 ;;
    fuzz_fragment) dict=fuzz/fragment.dict max_len=4096 replay_runs=20000 ;;
    *) die "unknown target $target (fuzz_load, fuzz_csv, fuzz_fragment)" ;;
    esac
    [ -x "$binary" ] || die "$binary is missing: run scripts/build.sh sanitize"
    artifacts=build/fuzz-artifacts/$target/
    mkdir -p "$artifacts" build/fuzz-logs
    if ((replay)); then
        corpus=build/fuzz-replay/$target log=build/fuzz-logs/$target.replay.log
        rm -rf "$corpus"
        seed "$target" "$corpus"
        runs_wanted=${QFQ_FUZZ_REPLAY_RUNS:-$replay_runs}
        inputs=$(find "$corpus" -type f | wc -l)
        say "$target: replay of $inputs committed inputs, then $runs_wanted runs from -seed=1 (log $log)"
        limits=(-seed=1 -runs="$runs_wanted")
    else
        corpus=build/fuzz-corpus/$target log=build/fuzz-logs/$target.log
        seed "$target"
        say "$target: ${seconds}s (corpus $corpus, log $log)"
        limits=(-max_total_time="$seconds")
    fi
    # Leaks are checked at exit of every input that leaks (-detect_leaks=1 is libFuzzer's default).
    "$binary" "$corpus" "${limits[@]}" -dict="$dict" -max_len="$max_len" \
        -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -artifact_prefix="$artifacts" \
        >"$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    runs=${runs:-0}
    total=$((total + runs))
    if [ "$rc" -ne 0 ]; then
        crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
        tail -40 "$log"
        printf '\033[31m[fuzz] %s FAILED (exit %d) after %d executions; input: %s; log: %s\033[0m\n' \
            "$target" "$rc" "$runs" "${crash:-none written}" "$log"
        failed+=("$target")
        summary+=("$target: $runs executions, FAILED (${crash:-see $log})")
    else
        summary+=("$target: $runs executions")
    fi
done

say "executions per target:"
for line in "${summary[@]}"; do say "  $line"; done
say "total: $total executions"
if ((${#failed[@]})); then
    printf '\033[31m[fuzz] %d target(s) failed: %s\033[0m\n' "${#failed[@]}" "${failed[*]}" >&2
    exit 1
fi
