#!/usr/bin/env bash
# Runs every check skyledger has: formatting, vet, and the whole test suite with the race detector off
# (2-core CI; the suite is kept well under 15 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*'))
if [[ -n $unformatted ]]; then
  echo "gofmt would change these files:"; echo "$unformatted"; exit 1
fi

echo "== go vet"
go vet ./...

echo "== go test"
go test -count=1 ./...

# The concurrent parts (the extract verb's workers and the extractor's pooled state) under the race
# detector, which needs a C compiler; skipped with a clear message on a machine without one.
echo "== go test -race (concurrent packages)"
if command -v gcc >/dev/null 2>&1 || command -v cc >/dev/null 2>&1; then
  CGO_ENABLED=1 go test -race -count=1 ./internal/cli/ ./internal/extract/
else
  echo "race detector skipped: no C compiler on this machine (install gcc to run it)"
fi
