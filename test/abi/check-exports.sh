#!/bin/sh
# Compares the dynamic symbols a shared library exports with the committed
# list, and fails on any exported symbol that is not scrub_*.
set -eu
lib=$1 list=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVWi]$/ {print $3}' | sed 's/@.*//' | sort -u >"$tmp/built"
grep -v '^#' "$list" | sed '/^$/d' | sort -u >"$tmp/committed"
if grep -v '^scrub_' "$tmp/built" >"$tmp/bad"; then
    echo "check-exports: symbols outside the scrub_ namespace:" >&2
    sed 's/^/  /' "$tmp/bad" >&2
    exit 1
fi
if ! diff "$tmp/committed" "$tmp/built" >"$tmp/diff"; then
    echo "check-exports: exported symbols differ from $list (< committed, > built):" >&2
    cat "$tmp/diff" >&2
    exit 1
fi
echo "check-exports: $(wc -l <"$tmp/built") exported symbols match $list"
