#!/usr/bin/env bash
# The atlas benchmark against Hugo + Pagefind (issue 7). Not part of ./build.sh test: it takes minutes.
#   bench/run.sh            N = 5, 100, 1000: build times, peak memory, incremental rebuild, search in Chromium
#   bench/run.sh --quick    N = 5 and 100 only
#   bench/run.sh --sizes 5,300 --runs 5 --skip-browser    (any of these; see bench/README.md)
# Writes bench/results.json and BENCHMARKS.md; working files go to bench/out/ (ignored by git).
# A part that cannot run (a tool missing, a pipeline stage not there yet) is reported "n/a"; the rest still runs.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

sudo=""
if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
apt_updated=""
apt_install() { # package… — Debian packages the benchmark needs; failure only makes that part n/a
  if [ -z "$apt_updated" ]; then $sudo apt-get update -qq >/dev/null 2>&1 || true; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null 2>&1 \
    || echo "bench: could not install $* with apt-get; the parts that need it will be n/a" >&2
}

command -v dotnet >/dev/null || { echo "bench: the .NET SDK (dotnet) is required" >&2; exit 2; }
[ -x /usr/bin/time ] || apt_install time          # peak memory (time -v)
command -v hugo >/dev/null || apt_install hugo     # the comparison site generator
[ -x /usr/bin/chromium ] || apt_install chromium   # search timing; never `playwright install`
command -v node >/dev/null || apt_install nodejs npm
command -v python3 >/dev/null || apt_install python3   # the local http server for the browser

if ! command -v node >/dev/null; then
  echo "bench: node is missing and could not be installed; nothing to orchestrate the benchmark with" >&2
  exit 2
fi
# Pagefind (its binary ships inside the npm package) and playwright-core (drives /usr/bin/chromium).
if [ ! -d bench/node_modules/pagefind ] || [ ! -d bench/node_modules/playwright-core ]; then
  (cd bench && npm ci --no-audit --no-fund --loglevel=error) \
    || echo "bench: npm ci failed; Pagefind and the browser measurements will be n/a" >&2
fi

# The CLI as published (Release), so the timings are those of the shipped tool, not of a debug build.
mkdir -p bench/out
if ! src/Atlas.Cli/publish.sh bench/out/cli >bench/out/publish.log 2>&1; then
  cat bench/out/publish.log >&2
  echo "bench: dotnet publish failed" >&2
  exit 1
fi

exec node bench/run.mjs "$@"
