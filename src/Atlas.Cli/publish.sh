#!/usr/bin/env bash
# Publishes the atlas CLI (Release) into the folder given: src/Atlas.Cli/publish.sh OUT. Used by ./build.sh and bench/run.sh.
#
# The assemblies that only run once per build (the command line, Spectre.Console, YamlDotNet) are precompiled
# (ReadyToRun) for this machine's runtime: tiered compilation is off (Atlas.Cli.csproj says why), so each of their
# ~600 methods was otherwise compiled fully optimised at every start, a third of a second before the first stage.
# The assemblies with the build's hot loops (Atlas.Core, Scriban, …) are left to the JIT: precompiled code is less
# optimised, and the whole CLI precompiled made the analysis 15–50 % slower (see PublishReadyToRunExclude).
# Precompiling needs the runtime pack and crossgen for this machine (NuGet); if they cannot be had, the CLI is
# published without it: same output, only a slower start.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$1
if ! dotnet publish src/Atlas.Cli/Atlas.Cli.csproj -c Release --use-current-runtime --self-contained false \
       -p:PublishReadyToRun=true -o "$out" --nologo -v q -clp:ErrorsOnly >&2; then
  echo "publish.sh: precompiled publish failed; publishing without ReadyToRun" >&2
  rm -rf "$out"
  dotnet publish src/Atlas.Cli/Atlas.Cli.csproj -c Release -o "$out" --nologo -v q -clp:ErrorsOnly >&2
fi
