#!/usr/bin/env python3
"""Helpers to build and check test/devset/labels.tsv (labels, never text).

Lines are split as libscrub's text policy says (LF; CR before LF dropped;
a final LF does not start a line); a line's hash is FNV-1a 32 over its
bytes, 8 hex digits.  Usage:
  devtool.py show SET FILE [RECORD]     print "index hash text" rows
Python 3 standard library only.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("SCRUB_SHARED", os.path.join(HERE, "..", "..", "..", "shared"))


def fnv32(data):
    h = 0x811C9DC5
    for b in data:
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return "%08x" % h


def split_lines(data):
    if not data:
        return []
    parts = data.split(b"\n")
    if data.endswith(b"\n"):
        parts.pop()
    return [p[:-1] if p.endswith(b"\r") else p for p in parts]


def load(path, record):
    full = os.path.join(SHARED, path)
    if record == "-":
        with open(full, "rb") as f:
            return f.read()
    with open(full, "rb") as f:
        for i, line in enumerate(f):
            if i == int(record):
                return json.loads(line)["raw_content"].encode("utf-8", "surrogatepass")
    raise SystemExit("no record %s in %s" % (record, path))


def main():
    if sys.argv[1] == "show":
        data = load(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "-")
        for i, line in enumerate(split_lines(data)):
            print(i, fnv32(line), line.decode("utf-8", "replace"), sep="\t")


if __name__ == "__main__":
    main()
