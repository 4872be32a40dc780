#!/usr/bin/env bash
# Fuzzes the parsers with afl-fuzz (Debian afl++) and SharpFuzz 2.3.0.
#
#   tests/ContactCenter.Fuzz/fuzz.sh                  every harness, FUZZ_SECONDS (default 20) each
#   tests/ContactCenter.Fuzz/fuzz.sh stun 3600        one harness for an hour (the long run)
#   tests/ContactCenter.Fuzz/fuzz.sh all 300          every harness, 5 minutes each
#   tests/ContactCenter.Fuzz/fuzz.sh list             the harness names
#
# It builds the harness project (Release), installs the sharpfuzz tool into .tools/ (git-ignored), copies the build
# output to $FUZZ_OUT/app and instruments the parser namespaces there (the normal build output stays as it is), then
# runs afl-fuzz per harness for a bounded time (-V) from the seed corpus in corpus/<harness>/.
# A harness fails when afl-fuzz cannot run it or when it saves a crash: an exception that escaped the parser
# (SharpFuzz reports every escaped exception as a crash) or a dead process. Hangs are reported, not failed: on a
# shared machine a slow exec is not proof of a loop. Crashing inputs are replayed once to print the stack trace.
#
# Environment:
#   FUZZ_SECONDS   seconds per harness when none is given as the second argument (default 20; 0 skips)
#   FUZZ_OUT       output folder (default tests/ContactCenter.Fuzz/.fuzz, git-ignored): app/, <harness>/ (afl's
#                  queue, crashes, hangs, fuzzer_stats), summary.txt
#   FUZZ_RESULTS   when set, one line per harness is appended: "<harness> passed|failed <figures>" (test.sh)
#   FUZZ_NO_BUILD  1 to skip the dotnet build (test.sh has built the solution)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
harnesses=(stun rtp rtcp srtp sdp sip jsonrpc uui)
sharpfuzz_version=2.3.0

target=${1:-all}
seconds=${2:-${FUZZ_SECONDS:-20}}
out=${FUZZ_OUT:-$here/.fuzz}

if [ "$target" = list ]; then
  printf '%s\n' "${harnesses[@]}"
  exit 0
fi
if [ "$target" = all ]; then
  selected=("${harnesses[@]}")
elif printf '%s\n' "${harnesses[@]}" | grep -qx -- "$target"; then
  selected=("$target")
else
  echo "unknown harness '$target'; known: ${harnesses[*]} (or all, list)" >&2
  exit 2
fi
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
  echo "seconds must be a whole number, got '$seconds'" >&2
  exit 2
fi
if [ "$seconds" -eq 0 ]; then
  echo "fuzz: skipped (0 seconds)"
  exit 0
fi

results() { [ -n "${FUZZ_RESULTS:-}" ] && echo "$*" >>"$FUZZ_RESULTS"; return 0; }
fail_all() {
  echo "fuzz: $1" >&2
  for h in "${selected[@]}"; do results "$h failed $1"; done
  exit 1
}

command -v afl-fuzz >/dev/null 2>&1 || fail_all "afl-fuzz not found (Debian package afl++)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  dotnet build "$here" -c Release -nologo -v q >/dev/null || fail_all "build of ContactCenter.Fuzz failed"
fi
build=$here/bin/Release/net10.0
[ -f "$build/ContactCenter.Fuzz.dll" ] || fail_all "no build output in $build"

tools=$here/.tools
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version "$sharpfuzz_version" --tool-path "$tools" >/dev/null \
    || fail_all "could not install the dotnet tool SharpFuzz.CommandLine $sharpfuzz_version"
fi

# Instrument a fresh copy: sharpfuzz rewrites assemblies in place and refuses to do it twice.
mkdir -p "$out"
app=$out/app
rm -rf "$app" && cp -r "$build" "$app" || fail_all "could not copy the build to $app"
instrument() {
  local dll=$1; shift
  "$tools/sharpfuzz" "$app/$dll" "$@" >/dev/null || fail_all "sharpfuzz could not instrument $dll"
}
instrument ContactCenter.Media.dll ContactCenter.Media.Stun ContactCenter.Media.Rtp ContactCenter.Media.Rtcp \
  ContactCenter.Media.Srtp ContactCenter.Media.Sdp ContactCenter.Media.Ice ContactCenter.Media.Transport.MediaPacketClassifier
instrument ContactCenter.Sip.dll ContactCenter.Sip.Messages ContactCenter.Sip.Sdp ContactCenter.Sip.UserToUserToken
instrument ContactCenter.Web.dll ContactCenter.Web.Bandwidth.JsonRpc

# afl-fuzz under CI, often as root: no UI, no CPU-governor or core_pattern checks (SharpFuzz reports crashes through
# the fork server, not through core dumps), no core pinning on a shared machine, and the dotnet host is not an
# instrumented binary.
export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 \
  AFL_SKIP_BIN_CHECK=1 AFL_FAST_CAL=1

stat_of() { grep -m1 "^$1 " "$2" 2>/dev/null | sed 's/^[^:]*: *//'; }

status=0
summary=$out/summary.txt
: >"$summary"
for h in "${selected[@]}"; do
  findings=$out/$h
  rm -rf "$findings"
  dict=()
  [ -f "$here/dict/$h.dict" ] && dict=(-x "$here/dict/$h.dict")
  started=$SECONDS
  # Every seed must parse and must not crash, or the corpus has rotted (a parser change refuses it now).
  if ! check=$(dotnet "$build/ContactCenter.Fuzz.dll" check "$h" "$here/corpus/$h" 2>&1); then
    echo "fuzz $h: FAILED, the seed corpus does not pass:"
    echo "$check" | head -n 20 | sed 's/^/    /'
    results "$h failed seed check"
    echo "$h failed: seed check" >>"$summary"
    status=1
    continue
  fi
  echo "fuzz $h: ${seconds}s from $(find "$here/corpus/$h" -type f | wc -l) seeds"
  afl-fuzz -i "$here/corpus/$h" -o "$findings" -V "$seconds" -t 5000 -m none "${dict[@]}" \
    -- dotnet "$app/ContactCenter.Fuzz.dll" "$h" >"$out/$h.log" 2>&1
  rc=$?
  stats=$findings/default/fuzzer_stats
  crashes=$(find "$findings/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
  hangs=$(find "$findings/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
  figures="execs $(stat_of execs_done "$stats") ($(stat_of execs_per_sec "$stats")/s), edges $(stat_of edges_found "$stats"), map density $(stat_of bitmap_cvg "$stats"), corpus $(stat_of corpus_count "$stats"), crashes $crashes, hangs $hangs, $((SECONDS - started))s"
  if [ "$rc" -ne 0 ] || [ ! -f "$stats" ]; then
    echo "fuzz $h: FAILED, afl-fuzz exited with $rc; the end of $out/$h.log:"
    tail -n 15 "$out/$h.log" | sed 's/\x1b\[[0-9;]*m//g'
    results "$h failed afl-fuzz exited with $rc"
    echo "$h failed: afl-fuzz exited with $rc" >>"$summary"
    status=1
  elif [ "$crashes" -gt 0 ]; then
    echo "fuzz $h: FAILED, $figures"
    for input in $(find "$findings/default/crashes" -type f -name 'id:*' | sort | head -n 3); do
      echo "  crash input $input ($(wc -c <"$input") bytes):"
      dotnet "$build/ContactCenter.Fuzz.dll" replay "$h" "$input" 2>&1 | head -n 20 | sed 's/^/    /'
    done
    results "$h failed $figures"
    echo "$h failed: $figures" >>"$summary"
    status=1
  else
    echo "fuzz $h: passed, $figures"
    results "$h passed $figures"
    echo "$h passed: $figures" >>"$summary"
  fi
done
exit $status
