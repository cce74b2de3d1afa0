#!/usr/bin/env bash
# The atlas's two commands:
#   ./build.sh          build the whole atlas from content/ into site/
#   ./build.sh test     install what the tests need (Chromium), then run every test
# Any other first argument is passed to the atlas CLI (./build.sh ingest, ./build.sh check, ./build.sh add FILE …).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

cli() {
  local out=src/Atlas.Cli/bin/Release/cli stamp=src/Atlas.Cli/bin/Release/.built-from-sources
  local dll=$out/atlas.dll
  # An up-to-date publish still costs seconds of MSBuild start-up: skip it when no source changed since the
  # last one made by this script (any file under src/ outside bin/obj, or Directory.Build.props, newer than the stamp).
  if [ ! -f "$dll" ] || [ ! -f "$stamp" ] ||
     [ -n "$(find src Directory.Build.props \( -name bin -o -name obj \) -prune -o -type f -newer "$stamp" -print -quit)" ]; then
    src/Atlas.Cli/publish.sh "$out"
    touch "$stamp"
  fi
  dotnet "$dll" "$@"
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return; fi
  echo "Installing Chromium for the browser tests (apt-get)…" >&2
  local sudo=""
  if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}

case "${1:-build}" in
  build)
    shift || true
    cli build "$@"
    ;;
  -*)
    # ./build.sh --quiet etc.: options of the build itself
    cli build "$@"
    ;;
  test)
    shift
    ensure_chromium
    log=$(mktemp)
    set +e
    dotnet test Atlas.sln -c Release --nologo "$@" 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    set -e
    # One plain closing line for CI: "N passed, N failed".
    passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
    failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
    rm -f "$log"
    echo "$passed passed, $failed failed"
    exit "$status"
    ;;
  *)
    cli "$@"
    ;;
esac
