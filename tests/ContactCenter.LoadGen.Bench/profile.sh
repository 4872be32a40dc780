#!/usr/bin/env bash
# CPU profile of our SFU under load: perf samples of the server process (user and kernel, every thread, with call
# stacks), with .NET's perf map so JIT-compiled frames have names. Prints where the server's CPU goes by thread, by
# library and by function, and writes folded stacks (one line per stack, for any flame-graph tool).
# Usage (root; installs the Debian package linux-perf when perf is missing):
#   tests/ContactCenter.LoadGen.Bench/profile.sh [scenario args...] [--record-seconds S]
#   e.g. profile.sh whisper --calls 300 --duration 30
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
[ "$(id -u)" = 0 ] || { echo "profile.sh needs root (perf)"; exit 2; }
if ! command -v perf >/dev/null 2>&1; then
  echo "== installing perf"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linux-perf >/dev/null
fi

args=() record=10
while [ $# -gt 0 ]; do
  case "$1" in
    --record-seconds) record=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
[ ${#args[@]} -gt 0 ] || args=(whisper --calls 300 --duration 30)

echo "== building (Release)"
dotnet build "$root/src/ContactCenter.Web" -c Release -nologo -v q >/dev/null
dotnet build "$root/src/ContactCenter.LoadGen" -c Release -nologo -v q >/dev/null

work=$(mktemp -d /tmp/lg-profile.XXXXXX)
http_port=5390 media_port=40390
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

# W^X off: JIT code then lives at the addresses the perf map names (otherwise it is a double-mapped memfd).
(cd "$root" && exec env ConnectionStrings__ContactCenter="Data Source=$work/cc.db" Tokens__KeyFile="$work/token.key" \
  Urls="http://127.0.0.1:$http_port" Media__ListenAddress=127.0.0.1 Media__Port=$media_port Limits__RestPerSecond=1000000 Limits__RestBurst=1000000 \
  Logging__LogLevel__Default=Warning DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \
  dotnet "$root/src/ContactCenter.Web/bin/Release/net10.0/ContactCenter.Web.dll" >"$work/server.log" 2>&1) &
server=$!
pids+=("$server")
for _ in $(seq 1 450); do curl -s -o /dev/null "http://127.0.0.1:$http_port/" && break; sleep 0.2; done

# Record once the load generator says the measured phase began (its progress line), for --record-seconds.
(
  for _ in $(seq 1 3000); do grep -q "measure" "$work/loadgen.err" 2>/dev/null && break; sleep 0.2; done
  sleep 2
  perf record -F 499 -g -a -o "$work/perf.data" -- sleep "$record" >"$work/perf.log" 2>&1
) &
pids+=("$!")
dotnet "$root/src/ContactCenter.LoadGen/bin/Release/net10.0/ContactCenter.LoadGen.dll" "${args[@]}" \
  --server "http://127.0.0.1:$http_port" --server-pid "$server" --json "$work/loadgen.json" 2>"$work/loadgen.err" \
  >"$work/summary.txt" &
lg=$!
# The summary is written when the measured window ends; the peers' teardown after it measures nothing.
while kill -0 "$lg" 2>/dev/null && [ ! -s "$work/loadgen.json" ]; do sleep 1; done
sleep 1
kill -9 "$lg" 2>/dev/null || true
wait "$lg" 2>/dev/null || true
cat "$work/summary.txt"
wait "${pids[-1]}" || true

report() { perf report -i "$work/perf.data" --pid "$server" --no-children --stdio -g none --percent-limit "$2" --sort "$1" 2>/dev/null \
  | grep -v '^#' | grep -v '^$' | head -"$3"; }
echo
echo "== server CPU by thread and library (percent of all samples on the machine)"
report comm,dso 0.3 25
echo
echo "== server CPU by function"
report sym 0.4 40
perf script -i "$work/perf.data" --pid "$server" 2>/dev/null >"$work/server.script"
python3 "$here/fold-stacks.py" <"$work/server.script" >"$work/server.folded"
echo
echo "== server: inclusive share of samples (the frame or anything it called on the CPU)"
python3 "$here/fold-stacks.py" --inclusive 40 <"$work/server.script"
echo
echo "(perf data, folded stacks and logs in $work)"
