#!/usr/bin/env bash
# tools/bench/slots_ab.sh [KB] [N] [SLOTS] [ROUNDS]: HTTP throughput and
# latency of `kb serve --search-slots S` for each S in SLOTS (default "32 4"),
# beside the floor, under compare-kb's own wrk command (2 threads x 32
# connections, WRK_D seconds, default 10), in ROUNDS (default 3) rounds that
# alternate the floor and each setting. Serves the indexes of the last
# `bash ../shared/perf/compare-kb.sh KB N` run (${TMPDIR:-/tmp}/kb-perf/run-N);
# run that first. Prints one line per server and round: req/s, p50, p99.
# A tool, not a test: numbers depend on the machine (docs/performance.md,
# fifth round, keeps the last ones). Loopback only; stops its servers.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KB=$(realpath "${1:-$ROOT/build/kb}"); N=${2:-10000}; SLOTS=${3:-"32 4"}; ROUNDS=${4:-3}
SHARED=${KB_SHARED:-$ROOT/../shared}; T=${TMPDIR:-/tmp}/kb-perf; W=$T/run-$N
WRK_D=${WRK_D:-10}
for need in "$W/floor-c" "$W/kb" "$W/kb.paths" "$T/queries.paths" "$T/build/floor/floor_server"; do
  [ -e "$need" ] || { echo "slots_ab.sh: no $need: run compare-kb.sh $KB $N first"; exit 1; }
done
command -v wrk >/dev/null || { echo "slots_ab.sh: needs wrk (apt-get install wrk)"; exit 1; }
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
floor_port=$(free_port)
"$T/build/floor/floor_server" "$W/floor-c" --port "$floor_port" >/dev/null 2>&1 & pids+=($!)
declare -A port
for s in $SLOTS; do
  port[$s]=$(free_port)
  "$KB" serve --db "$W/kb" --bind 127.0.0.1 --port "${port[$s]}" --rate-limit 0 \
    --search-slots "$s" >/dev/null 2>&1 & pids+=($!)
done
for u in "http://127.0.0.1:$floor_port/health" $(for s in $SLOTS; do echo "http://127.0.0.1:${port[$s]}/healthz"; done); do
  for _ in $(seq 100); do curl -sf -o /dev/null "$u" && break; sleep 0.1; done
done
one() {  # base paths -> "req/s p50 p99"
  wrk -t2 -c32 -d"${WRK_D}s" --latency -s "$SHARED/perf/floor/wrk_queries.lua" "$1" -- "$2" |
    tail -1 | python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); print("%.0f req/s  p50 %.1f ms  p99 %.1f ms" % (d["rps"], d["p50_ms"], d["p99_ms"]))'
}
for r in $(seq "$ROUNDS"); do
  echo "round $r floor: $(one "http://127.0.0.1:$floor_port" "$T/queries.paths")"
  for s in $SLOTS; do
    echo "round $r kb --search-slots $s: $(one "http://127.0.0.1:${port[$s]}" "$W/kb.paths")"
  done
done
