#!/usr/bin/env bash
# Churn (issue 12), our SFU only: N whisper calls stay live while R calls/s arrive and the oldest end (DELETE
# session), packets flowing all along; every 0.5 s one call goes whisper -> monitor and the time from PUT /mode to
# the removed supervisor -> agent edge's last packet at the agent is measured. Tries the rates in increasing order
# (a fresh server each) and stops after the first the machine does not hold; prints one table and the highest rate
# held with < 0.1 % loss.
# Usage (as root):  tests/ContactCenter.LoadGen.Bench/churn.sh [calls] [rates...]   (default: 300  2 5 10 15 20)
#   CHURN_DURATION=20 CHURN_WARMUP=5 CHURN_PARALLEL=8 CHURN_MAX_LOSS=0.1 CHURN_ALL_RATES=1 (do not stop at the first miss)
# Runs inside a private network namespace (unshare -n); every packet stays on 127.0.0.0/8.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ "${LG_INSIDE_NETNS:-}" != 1 ]; then
  [ "$(id -u)" = 0 ] || { echo "churn.sh needs root (network namespace)"; exit 2; }
  echo "== building (Release)"
  dotnet build "$root/src/ContactCenter.Web" -c Release -nologo -v q >/dev/null
  dotnet build "$root/src/ContactCenter.LoadGen" -c Release -nologo -v q >/dev/null
  exec timeout --kill-after=10 "${LG_TIME_LIMIT:-3000}" unshare -n env LG_INSIDE_NETNS=1 bash "$0" "$@"
fi

calls=${1:-300}
shift || true
rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(2 5 10 15 20)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
ip link set lo up
work=$(mktemp -d /tmp/lg-churn.XXXXXX)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT INT TERM
loadgen=(dotnet "$root/src/ContactCenter.LoadGen/bin/Release/net10.0/ContactCenter.LoadGen.dll")
http_port=5192
tried=()

for rate in "${rates[@]}"; do
  echo "== churn x$calls at $rate calls/s"
  rm -rf "$work/data-$rate"; mkdir -p "$work/data-$rate"
  # A load test raises the REST rate limit (100/s per credential by default): it measures the SFU, not the limiter.
  (cd "$root" && exec env ConnectionStrings__ContactCenter="Data Source=$work/data-$rate/cc.db" \
    Tokens__KeyFile="$work/data-$rate/token.key" Urls="http://127.0.0.1:$http_port" Media__ListenAddress=127.0.0.1 \
    Limits__RestPerSecond=1000000 Limits__RestBurst=1000000 Media__Port=40192 Logging__LogLevel__Default=Warning \
    dotnet "$root/src/ContactCenter.Web/bin/Release/net10.0/ContactCenter.Web.dll" >"$work/server-$rate.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 450); do curl -s -o /dev/null "http://127.0.0.1:$http_port/" && break; sleep 0.2; done
  json="$work/r$rate.json"
  "${loadgen[@]}" churn --calls "$calls" --rate "$rate" --duration "${CHURN_DURATION:-20}" --warmup "${CHURN_WARMUP:-5}" \
    --parallel "${CHURN_PARALLEL:-8}" --max-loss "${CHURN_MAX_LOSS:-0.1}" \
    --server "http://127.0.0.1:$http_port" --server-pid "$server_pid" --json "$json" &
  lg=$!
  # The summary and JSON come before the teardown of hundreds of peers, which measures nothing.
  while kill -0 "$lg" 2>/dev/null && [ ! -s "$json" ]; do sleep 1; done
  sleep 1; kill -9 "$lg" 2>/dev/null || true; wait "$lg" 2>/dev/null || true
  kill -9 "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=
  tried+=("$rate")
  if [ "${CHURN_ALL_RATES:-0}" != 1 ] && ! python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1])).get("rateHeld") else 1)' "$json" 2>/dev/null; then
    echo "== $rate calls/s not held: stopping"
    break
  fi
done

python3 - "$work" "$calls" "${tried[@]}" <<'PY'
import json, os, sys
work, calls, rates = sys.argv[1], sys.argv[2], sys.argv[3:]
def f(v, fmt="{:.1f}"):
    return "n/a" if v is None else fmt.format(v)
print(f"{'rate/s':>7} {'arrived/s':>9} {'behind':>6} {'failed':>6} {'spanning':>8} {'loss %':>7} {'all loss %':>10} "
      f"{'removals':>8} {'rm p50 ms':>9} {'rm p95 ms':>9} {'rm max':>7} {'fwd':>4} {'PUT p50':>7} {'setup p50':>9} {'held':>5}")
best = None
for r in rates:
    p = os.path.join(work, f"r{r}.json")
    if not os.path.exists(p):
        print(f"{r:>7} n/a"); continue
    s = json.load(open(p))
    rm = s.get("removalToLastPacketMs") or {}
    put = s.get("removalPutRoundTripMs") or {}
    su = s.get("callSetupMs") or {}
    held = s.get("rateHeld")
    if held:
        best = r
    print(f"{r:>7} {s['arrivalsPerSecond']:>9.2f} {s['arrivalsBehindAtEnd']:>6} {s['failedArrivals']:>6} {s['spanningCalls']:>8} "
          f"{s['spanningLoss']['percent']:>7.3f} {s['windowLoss']['percent']:>10.3f} {rm.get('count', 0):>8} "
          f"{f(rm.get('medianMs')):>9} {f(rm.get('p95Ms')):>9} {f(rm.get('maxMs')):>7} {s['removalsStillForwarding']:>4} "
          f"{f(put.get('medianMs')):>7} {f(su.get('medianMs'), '{:.0f}'):>9} {'yes' if held else 'no':>5}")
print(f"highest rate held with < {os.environ.get('CHURN_MAX_LOSS', '0.1')} % loss at x{calls}: {best if best else 'none of those tried'} calls/s")
PY
echo "(logs and JSON in $work)"
