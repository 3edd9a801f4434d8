#!/usr/bin/env bash
# Runs the benchmark harness (bench/GbOperator.Benchmarks) against the local
# environment and regenerates bench/RESULTS.md.
#
#   hack/bench.sh [HARNESS OPTIONS...]    e.g. hack/bench.sh --case store --store-ops 100
#
# GBO_BENCH_CASE selects cases when --case is not given (comma-separated;
# empty runs all). The script starts LXD, Caddy and etcd with env-up.sh, which
# keeps services that already run, and publishes gbctl to out/ for the apply case.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GBO_LOG_TAG=bench

gbo_require_root
cd "$GBO_REPO_ROOT"

bash "${GBO_HACK_DIR}/env-up.sh" >/dev/null
source "${GBO_STATE_DIR}/env.sh"
export GBO_KUBECTL="${GBO_KUBECTL:-$("${GBO_HACK_DIR}/install-kubectl.sh")}"

args=("$@")
if [[ -n "${GBO_BENCH_CASE:-}" ]]; then
    args=(--case "$GBO_BENCH_CASE" "${args[@]}")
fi

cases="${GBO_BENCH_CASE:-all}"
if [[ ",${cases}," == *",apply,"* || "$cases" == "all" ]]; then
    gbo_log "publishing gbctl to out/ for the apply case"
    dotnet publish src/Gbctl/Gbctl.csproj -c Release -o out --nologo >/dev/null
fi

gbo_log "running the benchmarks (cases: ${cases})"
dotnet run --project bench/GbOperator.Benchmarks/GbOperator.Benchmarks.csproj -c Release -- "${args[@]}"
