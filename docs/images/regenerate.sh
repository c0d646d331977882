#!/usr/bin/env bash
# Regenerates the pictures under docs/images from the checker's DOT export and tune's SVG chart.
# Needs Graphviz's `dot` (Debian: apt-get install graphviz). Run from the repository root.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out=docs/images
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A real deadlock: one scope of 6 tasks in a 4-slot window, run under patient to its dead end (#277 shape).
./ptosim run --workload scope-overflow --n 6 --ring-window 4 --policy patient --snapshot-out "$tmp/deadlock.txt" >/dev/null || true
./ptosim check "$tmp/deadlock.txt" --dot "$tmp/deadlock.dot" >/dev/null || true
dot -Tsvg "$tmp/deadlock.dot" -o "$out/witness-real-deadlock.svg"
# Unretired progress: the seed report's snapshot (#495), shipped in examples/.
./ptosim check examples/seed-495.txt --dot "$tmp/progress.dot" >/dev/null || true
dot -Tsvg "$tmp/progress.dot" -o "$out/witness-unretired-progress.svg"
# tune's chart: the seed-era detector's false aborts on a slow head.
./ptosim tune --workload slow-head --n 40 --runtime pr482 --resource window --quiet --chart "$out/tune-slow-head-pr482.svg" >/dev/null
echo "wrote $out/witness-real-deadlock.svg $out/witness-unretired-progress.svg $out/tune-slow-head-pr482.svg"
