#!/usr/bin/env bash
# tools/bench/load.sh [KB] [SECONDS]: sustained load on `kb serve` over
# loopback with wrk (Debian package wrk), over the bundled articles/.
#   1. SECONDS at 64 and at 256 connections (--rate-limit 0): requests/s,
#      latency, errors (socket errors and non-2xx), RSS sampled every second;
#   2. a flood from one client address (32 connections, X-Forwarded-For behind
#      --trusted-proxy, default rate limits) while a polite client (5 req/s,
#      another address) measures its latency: idle, then during the flood.
# Prints a Markdown summary (docs/performance.md keeps the last one).
# A tool, not a test: numbers depend on the machine. Loopback only; stops by itself.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KB=$(realpath "${1:-$ROOT/build/kb}"); SECONDS_EACH=${2:-60}
command -v wrk >/dev/null || { echo "load.sh: needs wrk (apt-get install wrk)"; exit 1; }
W=$(mktemp -d /tmp/kb-load.XXXXXX)
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT
# shellcheck source=serve_util.sh
. "$ROOT/tools/bench/serve_util.sh"

"$KB" index "$ROOT/articles" --db "$W/db" --quiet
# Searches, autocompletes and article fetches from the demo's own titles.
python3 - "$ROOT/articles" >"$W/paths" <<'PY'
import os, sys, urllib.parse
paths = []
for d, _, files in os.walk(sys.argv[1]):
    for f in sorted(files):
        if not f.endswith('.md') or f.startswith('_'): continue
        text = open(os.path.join(d, f), encoding='utf-8').read()
        title = next((l[7:] for l in text.splitlines() if l.startswith('title: ')), '')
        if 'audience: internal' in text or not title: continue
        words = title.split()
        aid = os.path.relpath(os.path.join(d, f), sys.argv[1])[:-3]
        q = urllib.parse.quote(' '.join(words[-3:]))
        paths += ['/api/v1/search?q=' + q, '/api/v1/suggest?q=' + urllib.parse.quote(words[0][:3]),
                  '/api/v1/articles/' + aid]
print('\n'.join(paths))
PY
cat >"$W/paths.lua" <<LUA
local paths = {}
for line in io.lines("$W/paths") do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], wrk.headers)
end
LUA

start_server() {  # extra flags...
  PORT=$(free_port)
  "$KB" serve --db "$W/db" --bind 127.0.0.1 --port "$PORT" "$@" >"$W/serve.log" 2>&1 &
  SERVER=$!
  wait_for_url "http://127.0.0.1:$PORT/healthz" && return
  echo "load.sh: kb serve did not start"; cat "$W/serve.log"; exit 1
}
stop_server() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""; }

sample_rss() {  # $1 pid, $2 file: VmRSS in MiB every second until the pid is gone
  while kill -0 "$1" 2>/dev/null; do
    awk '/VmRSS/ {printf "%.1f\n", $2 / 1024}' "/proc/$1/status" 2>/dev/null >>"$2" || true
    sleep 1
  done
}

echo "| connections | requests/s | p50 ms | p99 ms | max ms | socket errors (connect/read/write/timeout) | non-2xx | RSS MiB min-max |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
start_server --rate-limit 0 --threads 256  # PERF.md: threads sized for the connections
sample_rss "$SERVER" "$W/rss" &
SAMPLER=$!
for c in 64 256; do
  : >"$W/rss"
  wrk -t2 -c"$c" -d"${SECONDS_EACH}s" --timeout 10s --latency -s "$W/paths.lua" \
    "http://127.0.0.1:$PORT" >"$W/wrk-$c.txt" 2>&1
  python3 - "$W/wrk-$c.txt" "$W/rss" "$c" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rss = [float(x) for x in open(sys.argv[2]).read().split()] or [0]
def ms(label):
    m = re.search(r'^\s+%s\s+([\d.]+)(us|ms|s)' % label, t, re.M)
    if not m: return float('nan')
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == 'us' else v * 1000 if u == 's' else v
rps = re.search(r'Requests/sec:\s+([\d.]+)', t)
err = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', t)
errors = '/'.join(err.groups()) if err else '0'
non2xx = re.search(r'Non-2xx or 3xx responses: (\d+)', t)
mx = re.search(r'Latency\s+\S+\s+\S+\s+([\d.]+)(us|ms|s)', t)
mx_ms = float(mx.group(1)) * {'us': 0.001, 'ms': 1, 's': 1000}[mx.group(2)] if mx else float('nan')
print('| %s | %.0f | %.2f | %.2f | %.0f | %s | %s | %.0f-%.0f |' % (
    sys.argv[3], float(rps.group(1)) if rps else 0, ms('50%'), ms('99%'), mx_ms, errors,
    non2xx.group(1) if non2xx else 0, min(rss), max(rss)))
PY
done
stop_server
wait "$SAMPLER" 2>/dev/null || true

# The flood: default limits, the client address from X-Forwarded-For.
start_server --trusted-proxy 127.0.0.1
polite() {  # $1 seconds: a client at 5 req/s from 203.0.113.9; prints p50 p99 max ms and failures
  python3 - "$PORT" "$1" <<'PY'
import sys, time, urllib.request
port, seconds = sys.argv[1], float(sys.argv[2])
lat, fails, end = [], 0, time.time() + seconds
while time.time() < end:
    t0 = time.time()
    try:
        req = urllib.request.Request('http://127.0.0.1:%s/api/v1/search?q=reset+password' % port,
                                     headers={'X-Forwarded-For': '203.0.113.9'})
        urllib.request.urlopen(req, timeout=10).read()
    except Exception:
        fails += 1
    lat.append((time.time() - t0) * 1000)
    time.sleep(max(0, 0.2 - (time.time() - t0)))
lat.sort()
print('%.2f %.2f %.2f %d %d' % (lat[len(lat) // 2], lat[int(len(lat) * 0.99)], lat[-1], fails, len(lat)))
PY
}
read -r idle50 idle99 idlemax idlefail idlen <<<"$(polite 15)"
FLOOD_S=$((SECONDS_EACH / 2 > 15 ? SECONDS_EACH / 2 : 15))
wrk -t2 -c32 -d"${FLOOD_S}s" --timeout 10s -H "X-Forwarded-For: 198.51.100.7" -s "$W/paths.lua" \
  "http://127.0.0.1:$PORT" >"$W/flood.txt" 2>&1 &
FLOOD=$!
sleep 2
read -r f50 f99 fmax ffail fn <<<"$(polite $((FLOOD_S - 4)))"
wait "$FLOOD" || true
total=$(awk '/requests in/ {print $1}' "$W/flood.txt")
refused=$(awk '/Non-2xx/ {print $5}' "$W/flood.txt"); refused=${refused:-0}
echo
echo "Flood from one address (32 connections, ${FLOOD_S} s, default --rate-limit 20 --rate-burst 60):"
echo "$total requests, $refused answered 429 ($(python3 -c "print('%.2f' % (100.0 * $refused / max(1, $total)))")%)."
echo
echo "| polite client (5 req/s, another address) | p50 ms | p99 ms | max ms | failed / requests |"
echo "| --- | --- | --- | --- | --- |"
echo "| idle server | $idle50 | $idle99 | $idlemax | $idlefail / $idlen |"
echo "| during the flood | $f50 | $f99 | $fmax | $ffail / $fn |"
