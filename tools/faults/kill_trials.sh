#!/usr/bin/env bash
# kill_trials.sh KB N [SEED]: N trials of `kill -9` at a random moment of a
# publish, alternating between `kb index` of a folder (in place, and every
# third trial a full --rebuild that switches generations) and `kb index
# --repo` of a git branch. After each kill it checks that
#   - the running `kb serve` still answers /ready and a search with 200,
#     from the index as it was before the killed run or as it would be after;
#   - the next run of the same publish completes (exit 0), and the server
#     then serves what it published (a marker article found or gone).
# Exits 0 when every trial passed; prints one line per trial and a summary
# line "N passed, M failed". Needs bash, curl, git; loopback only.
#   tools/faults/kill_trials.sh build/kb 100        # the full run (~10 min)
#   ctest -R kill_trials                            # 5 trials, in the suite
set -uo pipefail
KB=$(realpath "$1"); N=${2:-5}; SEED=${3:-$$}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RANDOM=$SEED
W=$(mktemp -d /tmp/kb-kill-trials.XXXXXX)
# Servers are started in $(...) subshells: their pids go to a file, which
# the parent reads at exit (a shell array would stay in the subshell).
cleanup() {
  if [ -f "$W/server-pids" ]; then
    while read -r p; do kill "$p" 2>/dev/null; done <"$W/server-pids"
    while read -r p; do
      while kill -0 "$p" 2>/dev/null; do sleep 0.1; done
    done <"$W/server-pids"
  fi
  rm -rf "$W"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Two versions of the demo help center: B adds a marker article and edits a few.
cp -r "$ROOT/articles" "$W/a"
cp -r "$ROOT/articles" "$W/b"
mkdir -p "$W/b/en/trials"
printf -- '---\ntitle: Trial marker\nlang: en\n---\nThe word quillfeather marks version B.\n' \
  >"$W/b/en/trials/marker.md"
n=0
while IFS= read -r f; do
  n=$((n + 1)); [ $((n % 5)) -eq 0 ] && printf '\nEdited in version B.\n' >>"$W/b/$f"
done < <(cd "$W/b" && find . -name '*.md' ! -name '_*' | sort)

# A git repository whose branch `main` alternates between the two versions.
git init -q -b main "$W/repo"
git -C "$W/repo" config user.email trials@example.invalid
git -C "$W/repo" config user.name trials
commit_version() {  # $1: a or b
  find "$W/repo" -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
  cp -r "$W/$1/." "$W/repo/"
  git -C "$W/repo" add -A && git -C "$W/repo" commit -q --allow-empty -m "version $1"
}
commit_version a

"$KB" index "$W/a" --db "$W/db" --quiet || { echo "kill_trials: first kb index failed"; exit 1; }
"$KB" index --repo "$W/repo" --db "$W/gitdb" --quiet || { echo "kill_trials: first git index failed"; exit 1; }

start_server() {  # $1 db; prints the port
  local port; port=$(free_port)
  "$KB" serve --db "$1" --bind 127.0.0.1 --port "$port" --rate-limit 0 >"$W/serve-$port.log" 2>&1 &
  echo $! >>"$W/server-pids"
  for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && { echo "$port"; return; }
    sleep 0.1
  done
  echo "kill_trials: kb serve on $1 did not start" >&2; cat "$W/serve-$port.log" >&2; exit 1
}
FOLDER_PORT=$(start_server "$W/db")
GIT_PORT=$(start_server "$W/gitdb")

marker_total() {  # $1 port: how many articles the marker word finds (or "error")
  curl -fs "http://127.0.0.1:$1/api/v1/search?q=quillfeather&lang=en" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null || echo error
}

# How long an uninterrupted run takes, to pick kill moments inside it.
t0=$(date +%s%N); "$KB" index "$W/a" --db "$W/db" --quiet --rebuild; t1=$(date +%s%N)
RUN_MS=$(( (t1 - t0) / 1000000 + 50 ))

passed=0; failed=0
for trial in $(seq 1 "$N"); do
  version=$([ $((trial % 2)) -eq 1 ] && echo b || echo a)
  want=$([ "$version" = b ] && echo 1 || echo 0)
  if [ $((trial % 2)) -eq 0 ] || [ $((trial % 4)) -eq 1 ]; then
    kind=folder; port=$FOLDER_PORT
    cmd=("$KB" index "$W/$version" --db "$W/db" --quiet)
    [ $((trial % 3)) -eq 0 ] && { kind=rebuild; cmd+=(--rebuild); }
  else
    kind=git; port=$GIT_PORT
    commit_version "$version"
    cmd=("$KB" index --repo "$W/repo" --db "$W/gitdb" --quiet)
  fi
  delay_ms=$(( RANDOM * RANDOM % RUN_MS ))
  "${cmd[@]}" >"$W/killed.log" 2>&1 &
  pid=$!
  sleep "$((delay_ms / 1000)).$(printf '%03d' $((delay_ms % 1000)))"
  kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  problem=""
  during=$(marker_total "$port")
  [ "$during" = 0 ] || [ "$during" = 1 ] || problem="search after the kill answered '$during'"
  curl -fs "http://127.0.0.1:$port/ready" >/dev/null || problem="${problem:+$problem; }/ready not 200 after the kill"
  if ! "${cmd[@]}" >"$W/next.log" 2>&1; then
    problem="${problem:+$problem; }the next run failed: $(tail -3 "$W/next.log" | tr '\n' ' ')"
  fi
  after=error
  for _ in $(seq 50); do
    after=$(marker_total "$port"); [ "$after" = "$want" ] && break; sleep 0.1
  done
  [ "$after" = "$want" ] || problem="${problem:+$problem; }after the next run the marker finds '$after', not $want"
  if [ -z "$problem" ]; then
    passed=$((passed + 1)); echo "trial $trial ($kind, kill at ${delay_ms} ms of ~${RUN_MS}): ok"
  else
    failed=$((failed + 1)); echo "trial $trial ($kind, kill at ${delay_ms} ms): FAILED: $problem"
  fi
done
echo "kill_trials: seed $SEED"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
