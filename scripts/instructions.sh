#!/usr/bin/env bash
# Instructions per document of BenchmarkExtract, counted by cachegrind (valgrind) with the
# garbage collector off: the difference of two run lengths, so loading the gazetteer and the
# lexicons does not count. Unlike wall time it does not move with the machine's load, so it is
# how two builds are compared. Needs valgrind (Debian: apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v valgrind >/dev/null; then
	echo "instructions.sh: valgrind is not installed (apt-get install valgrind); nothing measured" >&2
	exit 0
fi
bin=$(mktemp)
trap 'rm -f "$bin"' EXIT
go test -c -o "$bin" ./internal/extract/
count() {
	(cd internal/extract && GOGC=off valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
		"$bin" -test.run '^$' -test.bench BenchmarkExtract -test.cpu 1 -test.benchtime "${1}x" 2>&1) |
		sed -n 's/.*I *refs: *\([0-9,]*\).*/\1/p' | tr -d ,
}
short=$(count 200)
long=$(count 1200)
echo "BenchmarkExtract: $(( (long - short) / 1000 )) instructions per document"
