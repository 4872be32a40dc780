#!/usr/bin/env bash
# Starts ContactCenter on its embedded default: SQLite under ./data, no other server.
set -euo pipefail
cd "$(dirname "$0")"

need_pkgs=()
ldconfig -p 2>/dev/null | grep -q 'libopus.so.0' || need_pkgs+=(libopus0)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >/dev/null \
      || echo "warning: could not install ${need_pkgs[*]}; phone (SIP) audio mixing needs it"
  else
    echo "please install with apt: ${need_pkgs[*]} (needed for mixing browser audio into phone calls)"
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project src/ContactCenter.Web -c Release -- "$@"
