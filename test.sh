#!/usr/bin/env bash
# Installs what the tests need, builds, and runs every test (xunit, bUnit, Playwright e2e).
# Ends with one line: "tests: N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"
root=$PWD
out=$root/.test-out
rm -rf "$out"; mkdir -p "$out"

log() { printf '\n== %s\n' "$*"; }

need_pkgs=()
[ -x /usr/bin/chromium ] || need_pkgs+=(chromium)
command -v sipp >/dev/null 2>&1 || need_pkgs+=(sip-tester)
ldconfig -p 2>/dev/null | grep -q 'libopus.so.0' || need_pkgs+=(libopus0)
command -v afl-fuzz >/dev/null 2>&1 || need_pkgs+=(afl++)  # the fuzz step
[ -x /usr/bin/turnserver ] || need_pkgs+=(coturn)  # the TURN e2e starts its own on loopback
if [ ${#need_pkgs[@]} -gt 0 ]; then
  log "installing ${need_pkgs[*]}"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >/dev/null \
      || echo "warning: apt-get install ${need_pkgs[*]} failed"
  else
    echo "warning: not root; please install: ${need_pkgs[*]}"
  fi
fi

# PostgreSQL 15 and Redis 7 on loopback for the tests that need them (tests/services.sh installs postgresql and
# redis-server with apt if missing, runs PostgreSQL as the 'postgres' user when we are root, and writes the
# connection settings to env.sh). Stopped when this script ends.
log "start PostgreSQL and Redis for the tests"
if tests/services.sh start "$out/services" >/dev/null; then
  # shellcheck disable=SC1091
  . "$out/services/env.sh"
  echo "CC_TEST_POSTGRES=$CC_TEST_POSTGRES CC_TEST_REDIS=$CC_TEST_REDIS"
else
  echo "warning: PostgreSQL/Redis did not start; the tests that need them will fail"
fi
trap 'tests/services.sh stop "$out/services"' EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The Bandwidth e2e tests load the unmodified official Bandwidth browser SDK, bundled from npm (git-ignored output):
# BandwidthSdk/ is 0.12.x (protocol v3 with V3 tokens), BandwidthSdkV2/ is the older 0.9.2-beta.1 (driven with V2 tokens).
for sdk in e2e/ContactCenter.E2E/BandwidthSdk e2e/ContactCenter.E2E/BandwidthSdkV2; do
  if [ -f "$sdk/package.json" ]; then
    log "bundle the Bandwidth browser SDK ($sdk)"
    if command -v npm >/dev/null 2>&1; then
      (cd "$sdk" && npm ci --no-audit --no-fund \
        && npx --no-install esbuild entry.js --bundle --format=esm --outfile=dist/bandwidth-rtc.js) \
        || echo "warning: bundling the Bandwidth SDK in $sdk failed; its e2e tests will fail"
    else
      echo "warning: npm not found; the Bandwidth SDK e2e tests will fail"
    fi
  fi
done

log "build"
if ! dotnet build ContactCenter.sln -c Release -nologo -v q; then
  echo "build failed"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

projects=(
  tests/ContactCenter.Core.Tests
  tests/ContactCenter.Data.Tests
  tests/ContactCenter.LoadGen.Tests
  tests/ContactCenter.Media.Tests
  tests/ContactCenter.Sip.Tests
  tests/ContactCenter.Web.Tests
  e2e/ContactCenter.E2E
)

status=0
for p in "${projects[@]}"; do
  [ -d "$p" ] || continue
  name=$(basename "$p")
  log "test $name"
  dotnet test "$p" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$out" || status=1
done

# The REST API, its sign-in/identity/token/protection tests and the data layer once more on PostgreSQL
# (CC_TEST_DB=postgres: every host and test database is a database of its own on the test server).
pg_projects=(tests/ContactCenter.Data.Tests tests/ContactCenter.Web.Tests)
pg_filter="FullyQualifiedName~ContactCenter.Data.Tests|FullyQualifiedName~ContactCenter.Web.Tests.Api|FullyQualifiedName~ContactCenter.Web.Tests.Auth|FullyQualifiedName~ContactCenter.Web.Tests.Identity|FullyQualifiedName~ContactCenter.Web.Tests.Tokens|FullyQualifiedName~ContactCenter.Web.Tests.Protection"
for p in "${pg_projects[@]}"; do
  name=$(basename "$p")-postgres
  log "test $name"
  CC_TEST_DB=postgres dotnet test "$p" -c Release --no-build -nologo --filter "$pg_filter" \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$out" || status=1
done

# Fuzz step (tests/ContactCenter.Fuzz/fuzz.sh): every parser harness under afl-fuzz for FUZZ_SECONDS each (default 20;
# 0 skips). fuzz.sh writes one line per harness, "<harness> passed|failed <figures>"; each line counts as one test below.
fuzz_seconds=${FUZZ_SECONDS:-20}
fuzz_results=$out/fuzz-results.txt
fuzz_status=0
if [ "$fuzz_seconds" != 0 ]; then
  log "fuzz the parsers, ${fuzz_seconds}s per harness"
  FUZZ_NO_BUILD=1 FUZZ_OUT="$out/fuzz" FUZZ_RESULTS="$fuzz_results" \
    tests/ContactCenter.Fuzz/fuzz.sh all "$fuzz_seconds" || fuzz_status=1
fi

passed=0; failed=0; skipped=0; files=0
for trx in "$out"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files+1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(get total); ex=$(get executed); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + ${total:-0} - ${ex:-0}))
done
if [ "$files" -lt $(( ${#projects[@]} + ${#pg_projects[@]} )) ] && [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # a test host crashed before writing its results
fi
# Fuzz step results: one test per harness line of fuzz.sh.
if [ "$fuzz_seconds" != 0 ]; then
  fuzz_passed=$(grep -c '^[a-z]* passed' "$fuzz_results" 2>/dev/null); fuzz_failed=$(grep -c '^[a-z]* failed' "$fuzz_results" 2>/dev/null)
  [ "$fuzz_status" -ne 0 ] && [ "${fuzz_failed:-0}" -eq 0 ] && fuzz_failed=1  # fuzz.sh stopped before writing results
  passed=$((passed + ${fuzz_passed:-0})); failed=$((failed + ${fuzz_failed:-0}))
  echo "fuzz: ${fuzz_passed:-0} harnesses passed, ${fuzz_failed:-0} failed (figures: $out/fuzz/summary.txt)"
fi
[ "$failed" -gt 0 ] && status=1

echo
if [ "$skipped" -gt 0 ]; then
  echo "tests: $passed passed, $failed failed, $skipped skipped"
else
  echo "tests: $passed passed, $failed failed"
fi
exit $status
