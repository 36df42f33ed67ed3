#!/usr/bin/env bash
# Compiles src/ to dist/, which bin/cchc runs. `--check` only answers whether dist/ is current
# (exit 0) or missing/older than src/ (exit 1); bin/cchc asks it on every start, so it stays cheap.
# Types are checked by `npm test` (tsc --noEmit over src, test, bench); the build only emits.
set -euo pipefail
cd "$(dirname "$0")/.."

current() {
  [ -f dist/.built ] && [ -z "$(find src -newer dist/.built -print -quit)" ]
}

case "${1:-}" in
  --check) current; exit ;;
  --if-stale) ! current || exit 0 ;;
  '') ;;
  *) echo "usage: scripts/build.sh [--check | --if-stale]" >&2; exit 2 ;;
esac

# Built beside dist/ and swapped in whole, so a cchc started meanwhile runs the old build or the
# new one, never half of each. The stamp is older than every file compiled: a source edited
# during the build makes the result stale, not silently current.
next="dist.next.$$"
trap 'rm -rf "$next"' EXIT
mkdir -p "$next"
touch "$next/.built"
node_modules/.bin/tsc -p tsconfig.build.json --noCheck --outDir "$next"
rm -rf dist
mv "$next" dist
