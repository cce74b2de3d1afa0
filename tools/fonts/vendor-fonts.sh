#!/usr/bin/env bash
# Vendors Be Vietnam Pro (SIL OFL 1.1) from the npm package @fontsource/be-vietnam-pro into templates/assets/fonts/:
# woff2 only, weights 400/600/700, subsets vietnamese + latin, plus the licence. fonts.css is kept by hand.
# Run once when the font should change; the atlas build never needs npm or the network.
#   tools/fonts/vendor-fonts.sh [version]      (default 5.3.0)
set -euo pipefail
version="${1:-5.3.0}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --silent "@fontsource/be-vietnam-pro@$version" >/dev/null)
src="$work/node_modules/@fontsource/be-vietnam-pro"
dest="$repo/templates/assets/fonts"
mkdir -p "$dest"
for subset in vietnamese latin; do
  for weight in 400 600 700; do
    cp "$src/files/be-vietnam-pro-$subset-$weight-normal.woff2" "$dest/"
  done
done
cp "$src/LICENSE" "$dest/OFL.txt"
echo "vendored @fontsource/be-vietnam-pro@$version into $dest"
