#!/usr/bin/env bash
# Instructions per input byte of each engine's scan, counted by callgrind: repeatable whatever
# else the machine is doing, unlike timings. The first scans build the engines' caches (RE2's DFA
# states), so enough runs follow for that to weigh little. Usage: bench/instructions.sh [BUILD_DIR] [SIZE]
set -euo pipefail
build=${1:-$(dirname "$0")/../build}
size=${2:-100 KB}
bench="$build/bin/sendguard-bench"
bytes=$(( ${size% *} * $([[ $size == *MB ]] && echo 1048576 || echo 1024) ))
messages=$([[ $size == *MB ]] && echo 1 || echo 32)
runs=$([[ $size == *MB ]] && echo 4 || echo 200)
command -v valgrind >/dev/null || { echo "instructions.sh needs valgrind" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '| input | engine | none | sparse | dense |\n|---|---|---:|---:|---:|\n'
for engine in sendguard re2-per-pattern hyperscan memchr; do
    row="| $size | $engine |"
    for density in none sparse dense; do
        # One case at a time: the scan functions of that engine, nothing else, are counted.
        valgrind --tool=callgrind --callgrind-out-file="$out/cg" --collect-atstart=no \
            --toggle-collect='SendGuard::Bench::*Engine::scan*' \
            "$bench" --only "$engine" --size "$size" --runs "$runs" --density "$density" >/dev/null 2>&1
        ir=$(callgrind_annotate "$out/cg" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
        row+=" $(awk -v ir="$ir" -v n=$(( (runs + messages) * bytes )) 'BEGIN { printf "%.1f", ir / n }') |"
    done
    echo "$row"
done
