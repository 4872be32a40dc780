#!/usr/bin/env bash
# Side-by-side: our SFU and Janus 1.1.x (Debian package `janus`, videoroom plugin), same load generator,
# same scenario, one table. Usage (as root, from anywhere):
#   tests/ContactCenter.LoadGen.Bench/compare.sh [scenario args...] [--duration S] [--warmup S]
#   e.g. compare.sh fanout --subscribers 10      compare.sh whisper --calls 10 --duration 10
#
# Everything runs inside a private network namespace (unshare -n) that has no external interface. Janus's
# libnice never gathers on a loopback interface, so the namespace also gets a veth pair carrying 127.0.0.2
# (route_localnet), which is Janus's only candidate. Every packet stays inside the namespace, on 127.0.0.0/8.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ "${LG_INSIDE_NETNS:-}" != 1 ]; then
  [ "$(id -u)" = 0 ] || { echo "compare.sh needs root (apt, network namespace)"; exit 2; }
  if ! command -v janus >/dev/null 2>&1; then
    echo "== installing janus"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq janus >/dev/null
  fi
  janus_version=$(janus --version 2>/dev/null | grep 'Janus version' || true)
  case "$janus_version" in *"(1.1."*) ;; *) echo "warning: expected Janus 1.1.x, found: ${janus_version:-unknown}" ;; esac
  # NuGet restore needs the network: build before entering the namespace.
  echo "== building (Release)"
  dotnet build "$root/src/ContactCenter.Web" -c Release -nologo -v q >/dev/null
  dotnet build "$root/src/ContactCenter.LoadGen" -c Release -nologo -v q >/dev/null
  exec timeout --kill-after=10 "${LG_TIME_LIMIT:-900}" unshare -n env LG_INSIDE_NETNS=1 bash "$0" "$@"
fi

# ---- inside the private namespace ------------------------------------------------------------------------
args=("$@")
# One UDP socket per client peer connection: 1,000 whisper calls need ~6,000 (ours) to ~8,000 (Janus).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ ${#args[@]} -gt 0 ] || args=(fanout --subscribers 10)
work=$(mktemp -d /tmp/lg-compare.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 1
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$work/data"
}
trap cleanup EXIT INT TERM

ip link set lo up
ip link add lgjanus type veth peer name lgpeer
ip addr add 127.0.0.2/32 dev lgjanus
ip link set lgpeer up
ip link set lgjanus up
for i in all default lo lgjanus lgpeer; do
  sysctl -qw "net.ipv4.conf.$i.route_localnet=1" "net.ipv4.conf.$i.rp_filter=0" "net.ipv4.conf.$i.accept_local=1"
done

loadgen=(dotnet "$root/src/ContactCenter.LoadGen/bin/Release/net10.0/ContactCenter.LoadGen.dll")
http_port=5190
media_port=40190

# Runs the load generator and stops it once its JSON is written: tearing down thousands of peers measures nothing
# and takes minutes. Its exit status (when it finished by itself) is reported.
run_loadgen() { # json, args...
  local json=$1; shift
  "${loadgen[@]}" "$@" --json "$json" &
  local lg=$!
  while kill -0 "$lg" 2>/dev/null && [ ! -s "$json" ]; do sleep 1; done
  sleep 1
  if kill -0 "$lg" 2>/dev/null; then kill -9 "$lg" 2>/dev/null; wait "$lg" 2>/dev/null || true; return 0; fi
  wait "$lg"
}

wait_http() { # url, seconds
  for _ in $(seq 1 $(( $2 * 5 ))); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.2
  done
  return 1
}

echo "== ours: starting ContactCenter.Web (temp SQLite in $work/data)"
mkdir -p "$work/data"
(cd "$root" && exec env ConnectionStrings__ContactCenter="Data Source=$work/data/cc.db" \
  Tokens__KeyFile="$work/data/token.key" Urls="http://127.0.0.1:$http_port" Media__ListenAddress=127.0.0.1 Limits__RestPerSecond=1000000 Limits__RestBurst=1000000 \
  Media__Port=$media_port Logging__LogLevel__Default=Warning \
  dotnet "$root/src/ContactCenter.Web/bin/Release/net10.0/ContactCenter.Web.dll" >"$work/ours.log" 2>&1) &
ours_pid=$!
pids+=("$ours_pid")
wait_http "http://127.0.0.1:$http_port/" 90 || { echo "our server did not start; see $work/ours.log"; tail -20 "$work/ours.log"; exit 1; }
run_loadgen "$work/ours.json" "${args[@]}" --target ours --server "http://127.0.0.1:$http_port" --server-pid "$ours_pid" \
  || echo "ours: load generator exited with status $? (see above)"
kill -9 "$ours_pid" 2>/dev/null || true
wait "$ours_pid" 2>/dev/null || true

echo "== janus: starting $(janus --version 2>/dev/null | grep 'Janus version' || true)"
cp "$here"/janus/*.jcfg "$work/"
janus -F "$work" -C "$work/janus.jcfg" >"$work/janus.log" 2>&1 &
janus_pid=$!
pids+=("$janus_pid")
wait_http "http://127.0.0.1:8088/janus/info" 30 || { echo "janus did not start; see $work/janus.log"; tail -20 "$work/janus.log"; exit 1; }
run_loadgen "$work/janus.json" "${args[@]}" --target janus --janus "http://127.0.0.1:8088/janus" --server-pid "$janus_pid" \
  || echo "janus: load generator exited with status $? (see above)"
kill -9 "$janus_pid" 2>/dev/null || true
wait "$janus_pid" 2>/dev/null || true

echo
python3 - "$work/ours.json" "$work/janus.json" <<'EOF'
import json, os, sys
rows = []
for path in sys.argv[1:]:
    rows.append(json.load(open(path)) if os.path.exists(path) else None)
def val(r, key):
    return None if r is None else r.get(key)
def fmt(v, spec):
    return "n/a" if v is None else format(v, spec)
metrics = [
    ("forwarded packets/s", "receivedPerSecond", ",.0f", True),
    ("CPU s per 100k forwarded", "cpuSecondsPer100k", ".3f", False),
    ("loss %", "lossPercent", ".3f", False),
    ("latency p50 ms", "latencyP50Ms", ".3f", False),
    ("latency p99 ms", "latencyP99Ms", ".3f", False),
    ("server RSS MB", "serverRssMb", ",.0f", False),
    ("peers connected", "peersConnected", "d", True),
    ("setup s", "setupSeconds", ".1f", False),
]
first = next((r for r in rows if r), {})
print(f"scenario: {first.get('scenario', '?')} x{first.get('count', '?')}, measured {first.get('measuredSeconds', 0):.0f} s each")
print(f"{'metric':<26} {'ours':>14} {'janus':>14} {'ours/janus':>11}")
for label, key, spec, _ in metrics:
    o, j = val(rows[0], key), val(rows[1], key)
    ratio = f"{o / j:.2f}" if isinstance(o, (int, float)) and isinstance(j, (int, float)) and j else "n/a"
    print(f"{label:<26} {fmt(o, spec):>14} {fmt(j, spec):>14} {ratio:>11}")
server = (rows[0] or {}).get("server") or {}
if server:
    print(f"ours only: {server.get('datagramsPerReceiveCall', 0):.1f} datagrams per recvmmsg call, "
          f"{server.get('allocatedBytesPerForwarded', 0):.2f} bytes allocated per forwarded packet (whole server process), "
          f"GCs gen0 {server.get('gen0Collections')} gen2 {server.get('gen2Collections')} in the window")
EOF
echo "(logs and JSON in $work)"
