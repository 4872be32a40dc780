#!/usr/bin/env bash
# Set-up cost against the number of live calls (issue 12), our SFU only. For each count it starts a fresh server,
# sets up that many whisper calls (3 members each), then times 20 REST mode changes on one spare call while they
# are live and sending, and prints one table with the per-call set-up ratio against the smallest count.
# Usage (as root):  tests/ContactCenter.LoadGen.Bench/scale.sh [counts...]   (default: 10 100 300 1000)
#   SCALE_MODE_CHANGES=20 SCALE_PARALLEL=8 SCALE_DURATION=5
# Runs inside a private network namespace (unshare -n); every packet stays on 127.0.0.0/8.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ "${LG_INSIDE_NETNS:-}" != 1 ]; then
  [ "$(id -u)" = 0 ] || { echo "scale.sh needs root (network namespace)"; exit 2; }
  echo "== building (Release)"
  dotnet build "$root/src/ContactCenter.Web" -c Release -nologo -v q >/dev/null
  dotnet build "$root/src/ContactCenter.LoadGen" -c Release -nologo -v q >/dev/null
  exec timeout --kill-after=10 "${LG_TIME_LIMIT:-3000}" unshare -n env LG_INSIDE_NETNS=1 bash "$0" "$@"
fi

counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(10 100 300 1000)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
ip link set lo up
work=$(mktemp -d /tmp/lg-scale.XXXXXX)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT INT TERM
loadgen=(dotnet "$root/src/ContactCenter.LoadGen/bin/Release/net10.0/ContactCenter.LoadGen.dll")
http_port=5191

for n in "${counts[@]}"; do
  echo "== whisper x$n"
  rm -rf "$work/data-$n"; mkdir -p "$work/data-$n"
  (cd "$root" && exec env ConnectionStrings__ContactCenter="Data Source=$work/data-$n/cc.db" \
    Tokens__KeyFile="$work/data-$n/token.key" Urls="http://127.0.0.1:$http_port" Media__ListenAddress=127.0.0.1 Limits__RestPerSecond=1000000 Limits__RestBurst=1000000 \
    Media__Port=40191 Logging__LogLevel__Default=Warning \
    dotnet "$root/src/ContactCenter.Web/bin/Release/net10.0/ContactCenter.Web.dll" >"$work/server-$n.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 450); do curl -s -o /dev/null "http://127.0.0.1:$http_port/" && break; sleep 0.2; done
  json="$work/x$n.json"
  "${loadgen[@]}" whisper --calls "$n" --duration "${SCALE_DURATION:-5}" --warmup 1 --parallel "${SCALE_PARALLEL:-8}" \
    --mode-changes "${SCALE_MODE_CHANGES:-20}" --server "http://127.0.0.1:$http_port" --server-pid "$server_pid" --json "$json" &
  lg=$!
  while kill -0 "$lg" 2>/dev/null && [ ! -s "$json" ]; do sleep 1; done
  sleep 1; kill -9 "$lg" 2>/dev/null || true; wait "$lg" 2>/dev/null || true
  kill -9 "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=
done

python3 - "$work" "${counts[@]}" <<'PY'
import json, os, sys
work, counts = sys.argv[1], [int(c) for c in sys.argv[2:]]
rows = {}
for n in counts:
    p = os.path.join(work, f"x{n}.json")
    rows[n] = json.load(open(p)) if os.path.exists(p) else None
base = next((rows[n] for n in counts if rows[n]), None)
print(f"{'calls':>6} {'set-up s':>9} {'ms/call':>8} {'ratio':>6} {'peers':>11} {'loss %':>7} {'mode med ms':>12} {'mode p95 ms':>12}")
for n in counts:
    r = rows[n]
    if not r:
        print(f"{n:>6} {'n/a':>9}"); continue
    per = r['setupSeconds'] * 1000 / n
    ratio = per / (base['setupSeconds'] * 1000 / base['count'])
    m = r.get('modeChanges') or {}
    print(f"{n:>6} {r['setupSeconds']:>9.1f} {per:>8.1f} {ratio:>6.2f} {r['peersConnected']:>5}/{r['peers']:<5} {r['lossPercent']:>7.3f} "
          f"{m.get('medianMs', float('nan')):>12.1f} {m.get('p95Ms', float('nan')):>12.1f}")
PY
echo "(logs and JSON in $work)"
