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
  devtool.py rdsrc NAME                 the same for NAME/source.html (the lines
                                        rdsrc rows index), each row marked
                                        "C" where the eval's silver rule already
                                        calls the line content, "-" where it is
                                        silver boilerplate (blank lines: " ")
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


def rendered(name, which="expected.html"):
    """A readability page split by the html stage, as test_filter_eval does."""
    path = os.path.join(SHARED, "testdata", "web", "readability-testpages", name, which)
    return subprocess.run([TOOL, "html", path], check=True, stdout=subprocess.PIPE).stdout


def rendered_expected(name):
    return rendered(name)


KEEP = ("content", "heading", "caption")


def rdexp_labels(name):
    """line -> label of the rdexp rows of a page."""
    want = "readability-testpages/%s/expected.html" % name
    out = {}
    with open(os.path.join(HERE, "labels.tsv"), encoding="utf-8") as f:
        for row in f:
            c = row.rstrip("\n").split("\t")
            if len(c) >= 7 and c[0] == "rdexp" and c[1] == want:
                out[int(c[3])] = c[5]
    return out


def squeeze(b):
    """ev_squeeze of the eval: drop space, tab, CR, U+3000 and U+00A0."""
    for w in (b" ", b"\t", b"\r", "\u3000".encode(), "\u00a0".encode()):
        b = b.replace(w, b"")
    return b


def silver_content(name, src_lines):
    """The eval's silver rule on source.html: a line is content when it
    occurs in the expected lines whose label is kept (a substring of them
    from 12 bytes squeezed, else equal to one), or is the headline."""
    labels = rdexp_labels(name)
    kept = [l for i, l in enumerate(split_lines(rendered(name)))
            if labels.get(i, "content") in KEEP]
    keep_sq = squeeze(b"".join(l + b"\n" for l in kept))
    kept_sq = set(squeeze(l) for l in kept)
    good = []
    for line in src_lines:
        a = squeeze(line)
        good.append(bool(line) and bool(a) and
                    ((len(a) >= 12 and a in keep_sq) or a in kept_sq))
    with open(os.path.join(SHARED, "testdata", "web", "readability-testpages", name,
                           "expected-metadata.json"), encoding="utf-8") as f:
        title = squeeze(json.load(f).get("title", "").encode())
    head = None
    for i, line in enumerate(src_lines):
        if good[i] or not title:
            break
        if squeeze(line) == title:
            head = i
    if head is not None:
        good[head] = True
    return good


def rdsrc(name):
    lines = split_lines(rendered(name, "source.html"))
    good = silver_content(name, lines)
    for i, line in enumerate(lines):
        mark = " " if not line else ("C" if good[i] else "-")
        print(i, fnv32(line), mark, line.decode("utf-8", "replace"), sep="\t")


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
    elif sys.argv[1] == "rdsrc":
        print("# split", split_of_name(sys.argv[2]))
        rdsrc(sys.argv[2])


if __name__ == "__main__":
    main()
