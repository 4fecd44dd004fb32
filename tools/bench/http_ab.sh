#!/bin/bash
# http_ab.sh N KB_A KB_B [REPS]: two kb binaries under compare-kb's HTTP load,
# side by side, on the index and floor that `../shared/perf/compare-kb.sh KB N`
# left in ${TMPDIR:-/tmp}/kb-perf/run-N (run that first; nothing is rebuilt).
# SHARED is $KB_SHARED, else ../shared beside the checkout.
#
# Each repetition runs the floor's server, then kb A, then kb B, each under
# two wrk rounds (10 s, 2 threads, 32 connections, the same query paths as
# compare-kb), each kb server started afresh so that neither inherits the
# other's search cache. The first round of each is free of repeats; the
# second replays it (docs/performance.md, fifteenth round). Prints req/s,
# p50 and p99 per round and the server's RSS. Not a test: it never fails
# on timings.
set -euo pipefail
N=${1:?usage: http_ab.sh N KB_A KB_B [REPS]}; A=$(readlink -f "$2"); B=$(readlink -f "$3")
REPS=${4:-2}
T=${TMPDIR:-/tmp}/kb-perf; W=$T/run-$N
PERF=${KB_SHARED:-$(dirname "$0")/../../../shared}/perf  # as tools/bench/run
[ -d "$W/kb" ] && [ -x "$T/build/floor/floor_server" ] || {
  echo "http_ab.sh: run ../shared/perf/compare-kb.sh KB $N first" >&2; exit 2; }
# shellcheck source=serve_util.sh
. "$(dirname "$0")/serve_util.sh"
round() {  # base paths -> "R rps p50 P p99 Q"
  wrk -t2 -c32 -d10s --latency -s "$PERF/floor/wrk_queries.lua" "$1" -- "$2" | tail -1 |
    python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); print("%.0f req/s, p50 %.1f, p99 %.1f ms" % (d["rps"], d["p50_ms"], d["p99_ms"]))'
}
serve() {  # kb binary -> two rounds and its RSS
  local p; p=$(free_port)
  "$1" serve --db "$W/kb" --bind 127.0.0.1 --port "$p" --rate-limit 0 >"$W/http-ab-serve.log" 2>&1 &
  local pid=$!
  wait_for_url "http://127.0.0.1:$p/healthz" || { echo "http_ab.sh: $1 serve did not start" >&2; exit 1; }
  echo "$(round "http://127.0.0.1:$p" "$W/kb.paths") | $(round "http://127.0.0.1:$p" "$W/kb.paths")" \
    "| RSS $(($(ps -o rss= -p "$pid") / 1024)) MB"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
fp=$(free_port); "$T/build/floor/floor_server" "$W/floor-c" --port "$fp" 2>/dev/null & fpid=$!
trap 'kill $fpid 2>/dev/null || true' EXIT
wait_for_url "http://127.0.0.1:$fp/health" || { echo "http_ab.sh: the floor's server did not start" >&2; exit 1; }
for _ in $(seq "$REPS"); do
  echo "floor: $(round "http://127.0.0.1:$fp" "$T/queries.paths") | $(round "http://127.0.0.1:$fp" "$T/queries.paths")"
  echo "A $2: $(serve "$A")"
  echo "B $3: $(serve "$B")"
done
