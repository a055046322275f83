#!/usr/bin/env python3
"""Helpers to build and check test/devset/labels.tsv (labels, never text).

Lines are split as libscrub's text policy says (LF; CR before LF dropped;
a final LF does not start a line); a line's hash is FNV-1a 32 over its
bytes, 8 hex digits.  Usage:
  devtool.py show SET FILE [RECORD]     print "index hash text" rows
  devtool.py rdshow NAME                the same for readability-testpages/NAME/
                                        expected.html as `scrub html` renders it
                                        (the lines rdexp rows index), after a
                                        "# split" line
The scrub tool is $SCRUB_TOOL, else build/bin/scrub of this tree.
Python 3 standard library only.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("SCRUB_SHARED", os.path.join(HERE, "..", "..", "..", "shared"))
TOOL = os.environ.get("SCRUB_TOOL", os.path.join(HERE, "..", "..", "build", "bin", "scrub"))


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
                rec = json.loads(line)
                # the fasttext-*.jsonl files of chinesewebtext hold "text"
                text = rec["raw_content"] if "raw_content" in rec else rec["text"]
                return text.encode("utf-8", "surrogatepass")
    raise SystemExit("no record %s in %s" % (record, path))


def rendered_expected(name):
    """expected.html split by the html stage, as test_filter_eval does."""
    path = os.path.join(SHARED, "testdata", "web", "readability-testpages", name,
                        "expected.html")
    return subprocess.run([TOOL, "html", path], check=True, stdout=subprocess.PIPE).stdout


def split_of_name(name):
    """The eval's split of a readability page: the low bit of FNV-1a 32."""
    return "test" if int(fnv32(name.encode()), 16) & 1 else "dev"


def show(data):
    for i, line in enumerate(split_lines(data)):
        print(i, fnv32(line), line.decode("utf-8", "replace"), sep="\t")


def main():
    if sys.argv[1] == "show":
        show(load(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "-"))
    elif sys.argv[1] == "rdshow":
        print("# split", split_of_name(sys.argv[2]))
        show(rendered_expected(sys.argv[2]))


if __name__ == "__main__":
    main()
