#!/usr/bin/env bash
# REST under concurrent clients: POST /v1/accounts/demo/sessions with `hey` (Debian package `hey`), on loopback,
# against a freshly started server with its own SQLite file. Bounded: N requests, C concurrent clients.
#   cpu tests/ContactCenter.Web.Tests/Load/rest-load.sh [N=4000] [C=200] [DLL=src/ContactCenter.Web/bin/Release/net10.0/ContactCenter.Web.dll]
# The rate limits are raised for the run (Limits__RestPerSecond, Limits__RestBurst): they would otherwise answer
# most of the burst with 429, which is what they are for.
set -euo pipefail
N=${1:-4000}
C=${2:-200}
DLL=${3:-src/ContactCenter.Web/bin/Release/net10.0/ContactCenter.Web.dll}
PORT=${PORT:-5191}
command -v hey >/dev/null || { echo "hey is missing: apt-get install hey" >&2; exit 2; }
DIR=$(mktemp -d /tmp/cc-rest-load.XXXXXX)
Urls=http://127.0.0.1:$PORT Media__Port=0 Sip__Enabled=false Demo__SeedUsers=false \
  ConnectionStrings__ContactCenter="Data Source=$DIR/cc.db" Tokens__KeyFile="$DIR/token.key" \
  Limits__RestPerSecond=1000000 Limits__RestBurst=1000000 \
  dotnet "$DLL" >"$DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DIR"' EXIT
URL=http://127.0.0.1:$PORT/v1/accounts/demo/sessions
# Debian's hey (0.0.1) ignores -a (it sends no Authorization header, so every request got 401): send the header.
AUTH="Authorization: Basic $(printf '%s' demo:demo-secret-change-me | base64)"
for _ in $(seq 100); do
  curl -s -o /dev/null -u demo:demo-secret-change-me -H 'Content-Type: application/json' -d '{"tag":"warm"}' "$URL" && break
  sleep 0.2
done
# Warm-up (JIT, connection pool, the credential check), then the measured run.
hey -n 400 -c 20 -m POST -H "$AUTH" -T application/json -d '{"tag":"load"}' "$URL" >/dev/null
# The server's CPU time over the measured run (utime + stime of /proc/PID/stat, in clock ticks).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
BEFORE=$(cpu_ticks)
hey -n "$N" -c "$C" -m POST -H "$AUTH" -T application/json -d '{"tag":"load"}' "$URL" \
  | grep -E 'Requests/sec|Average|Slowest|Fastest|10%|50%|90%|99%|\[[0-9]+\]'
AFTER=$(cpu_ticks)
awk -v t=$((AFTER - BEFORE)) -v hz="$(getconf CLK_TCK)" -v n="$N" \
  'BEGIN { printf "  server CPU:\t%.2f s for %d requests (%.2f ms per request)\n", t / hz, n, 1000 * t / hz / n }'
