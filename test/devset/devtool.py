#!/usr/bin/env python3
"""Helpers to build and check test/devset/labels.tsv (labels, never text).

Lines are split as libscrub's text policy says (LF; CR before LF dropped;
a final LF does not start a line); a line's hash is FNV-1a 32 over its
bytes, 8 hex digits.  Usage:
  devtool.py show FILE [RECORD]         print "index hash text" rows
  devtool.py rdshow NAME                the same for readability-testpages/NAME/
                                        expected.html as `scrub html` renders it
                                        (the lines rdexp rows index), after a
                                        "# split" line
  devtool.py rdsrc NAME                 the same for NAME/source.html (the lines
                                        rdsrc rows index), each row marked
                                        "C" where the eval's silver rule already
                                        calls the line content, "-" where it is
                                        silver boilerplate (blank lines: " ")
  devtool.py htshow PATH                the same for a page of ../shared/testdata/html
                                        (PATH relative to it) as `scrub html` renders
                                        it (the lines `extra` rows index), after a
                                        "# split" line
  devtool.py trshow FILE                the same for trafilatura-eval/html/FILE (the
                                        lines `trsrc` rows index)
  devtool.py agree SECOND [DOCS2] [--first LABELS DOCS]
                                        agreement of a second annotation (rows
                                        like labels.tsv without split/tags) with
                                        labels.tsv (or the given first
                                        annotation); prints figures, no text,
                                        and the disagreeing keys
  devtool.py resolve SECOND THIRD [DOCS2 DOCS3]
                                        rewrite labels.tsv (and docs.tsv) where
                                        the first annotator is outvoted by the
                                        second and third
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


def scrub_html(*path):
    """An HTML file under SHARED/testdata as `scrub html` renders it: the
    lines the html-split sets index, as test_filter_eval splits them."""
    full = os.path.join(SHARED, "testdata", *path)
    return subprocess.run([TOOL, "html", full], check=True, stdout=subprocess.PIPE).stdout


def rendered(name, which="expected.html"):
    """A readability page split by the html stage."""
    return scrub_html("web", "readability-testpages", name, which)


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


TRAP_WORDS = ("医院", "医疗", "药", "彩票", "赌", "博彩", "娱乐场", "葡京", "澳门", "成人",
              "患者", "治疗", "病")


def read_keyed(path, width):
    """A labels-like file as key -> columns; the key is the first `width`
    columns, the line index (the fourth) as a number."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for row in f:
            if row.startswith("#") or not row.strip():
                continue
            c = row.rstrip("\n").split("\t")
            key = tuple(c[:width])
            out[key[:3] + (int(key[3]),) if width > 3 else key] = c
    return out


def read_rows(path):
    """(set, file, record, line) -> the row of a line's label."""
    return read_keyed(path, 4)


def read_docs(path):
    """(set, file, record) -> the row of a document's label."""
    return read_keyed(path, 3)


def first_label(first, key):
    """The first annotation of a key: its row, or silver content for an
    rdexp line without a row (expected.html lines are content by default)."""
    if key in first:
        return first[key][5]
    return "content" if key[0] == "rdexp" else None


def kappa(pairs):
    n = len(pairs)
    if not n:
        return float("nan")
    agree = sum(a == b for a, b in pairs) / n
    labels = set(a for a, _ in pairs) | set(b for _, b in pairs)
    chance = sum((sum(a == l for a, _ in pairs) / n) * (sum(b == l for _, b in pairs) / n)
                 for l in labels)
    return (agree - chance) / (1 - chance) if chance < 1 else 1.0


_texts = {}
# sets whose lines are an HTML page as `scrub html` renders it
RENDERED_SETS = ("rdexp", "rdsrc", "gnehtml", "extra", "trsrc")
# sets in many languages, whose trap tags the annotators give
TAGGED_TRAP_SETS = ("extra", "trsrc")


def line_text(key):
    """The bytes of a labelled line, as the eval splits its source."""
    doc = key[:3]
    if doc not in _texts:
        if key[0] in RENDERED_SETS:
            data = scrub_html("web", key[1])
        else:
            data = load(os.path.join("testdata", "web", key[1]), key[2])
        _texts[doc] = split_lines(data)
    return _texts[doc][key[3]]


def compare(second, first):
    """Pairs (first, second) per key; fails on a hash mismatch."""
    pairs = {}
    for key, c in sorted(second.items()):
        a = first_label(first, key)
        if a is None:
            raise SystemExit("no first label for %s" % (key,))
        if fnv32(line_text(key)) != c[4]:
            raise SystemExit("stale hash for %s: %s" % (key, c[4]))
        pairs[key] = (a, c[5])
    return pairs


def agree(second_path, docs2_path=None, first_paths=None):
    labels_path, docs_path = first_paths or (os.path.join(HERE, "labels.tsv"),
                                             os.path.join(HERE, "docs.tsv"))
    first = read_rows(labels_path)
    pairs = compare(read_rows(second_path), first)
    both = list(pairs.values())
    keep = [(a in KEEP, b in KEEP) for a, b in both]
    print("lines %d  agreement %.3f  kappa %.3f" %
          (len(both), sum(a == b for a, b in both) / len(both), kappa(both)))
    print("keep/remove agreement %.3f  kappa %.3f" %
          (sum(a == b for a, b in keep) / len(keep), kappa(keep)))
    conf = {}
    for a, b in both:
        if a != b:
            conf[(a, b)] = conf.get((a, b), 0) + 1
    for (a, b), k in sorted(conf.items(), key=lambda kv: -kv[1]):
        print("  first %-9s second %-9s %d" % (a, b, k))
    if docs2_path:
        docs1 = read_docs(docs_path)
        docs2 = read_docs(docs2_path)
        dpairs = [(docs1[k][3], c[3]) for k, c in sorted(docs2.items())]
        print("documents %d  agreement %.3f  kappa %.3f" %
              (len(dpairs), sum(a == b for a, b in dpairs) / len(dpairs), kappa(dpairs)))
        for k, c in sorted(docs2.items()):
            if docs1[k][3] != c[3]:
                print("disagree-doc", *k, sep="\t")
    for key, (a, b) in pairs.items():
        if a != b:
            print("disagree", *key, sep="\t")


def majority(a, b, c):
    """The label two of three annotators gave; the first's when all differ."""
    return b if b == c else a


def trap_tag(label, text, farm):
    return "trap" if label == "content" and not farm and any(w in text for w in TRAP_WORDS) else ""


def resolve(second_path, third_path, docs2_path=None, docs3_path=None):
    labels_path = os.path.join(HERE, "labels.tsv")
    with open(labels_path, encoding="utf-8") as f:
        header, body = f.readline(), [l.rstrip("\n").split("\t") for l in f]
    first = {(c[0], c[1], c[2], int(c[3])): c for c in body}
    docs_path = os.path.join(HERE, "docs.tsv")
    with open(docs_path, encoding="utf-8") as f:
        dheader, dbody = f.readline(), [l.rstrip("\n").split("\t") for l in f]
    moved = set()  # documents whose site-farm judgement changed
    if docs2_path:
        docs2, docs3 = read_docs(docs2_path), read_docs(docs3_path)
        for c in dbody:
            k = (c[0], c[1], c[2])
            if k in docs2 and k in docs3:
                label = majority(c[3], docs2[k][3], docs3[k][3])
                if label != c[3]:
                    moved.add(k)
                c[3] = label
    farms = {(c[1], c[2]) for c in dbody if c[3] == "site_farm"}
    second_rows = read_rows(second_path)
    pairs = compare(second_rows, first)
    third = read_rows(third_path)
    changed, added = 0, []
    for key, (a, b) in pairs.items():
        if a == b == "content" and key[0] in TAGGED_TRAP_SETS and key in first:
            # either annotator's trap tag counts: a mention is a fact of
            # the line, and one reader may pass over it
            row, other = first[key], second_rows[key]
            if len(other) > 7 and "trap" in other[7].split(",") and "trap" not in row[7].split(","):
                row[7] = ",".join([t for t in row[7].split(",") if t] + ["trap"])
        if a == b:
            continue
        if key not in third:
            raise SystemExit("no third label for %s" % (key,))
        label = majority(a, b, third[key][5])
        if label == a:
            continue
        changed += 1
        row = first.get(key)
        if row is None:  # an rdexp line that was silver content
            row = list(key[:3]) + [str(key[3]), fnv32(line_text(key)), label,
                                   "test" if split_of_name(key[1].split("/")[1]) == "test" else "dev", ""]
            first[key] = row
            added.append(row)
        row[5] = label
        line = line_text(key)
        tags = [t for t in row[7].split(",") if t and t != "trap"] if len(row) > 7 else []
        if label != "content":
            tags = []
        if key[0] in TAGGED_TRAP_SETS:
            # these pages are in many languages: a trap is what an
            # annotator tagged, not a hit of the Chinese trap words
            tagged = any("trap" in c[7].split(",") for c in (row, second_rows[key], third[key])
                         if len(c) > 7)
            trap = "trap" if label == "content" and tagged else ""
        else:
            trap = trap_tag(label, line.decode("utf-8", "replace"), (key[1], key[2]) in farms)
        row[7:] = [",".join(tags + ([trap] if trap else []))]
    for key, row in first.items():
        if key[:3] in moved and row[5] == "content":
            tags = [t for t in row[7].split(",") if t and t != "trap"]
            trap = trap_tag("content", line_text(key).decode("utf-8", "replace"),
                            (key[1], key[2]) in farms)
            row[7:] = [",".join(tags + ([trap] if trap else []))]
    rows = []
    added.sort(key=lambda c: (c[1], int(c[3])))
    for c in body:
        while added and added[0][1] == c[1] and int(added[0][3]) < int(c[3]):
            rows.append(added.pop(0))
        rows.append(c)
    rows += added  # an rdexp page with no row before (none expected)
    rows = [c for c in rows if not (c[0] == "rdexp" and c[5] == "content")]
    with open(labels_path, "w", encoding="utf-8") as f:
        f.write(header)
        for c in rows:
            f.write("\t".join(c) + "\n")
    with open(docs_path, "w", encoding="utf-8") as f:
        f.write(dheader)
        for c in dbody:
            f.write("\t".join(c) + "\n")
    print("labels changed", changed)


def main():
    commands = ("show", "rdshow", "rdsrc", "htshow", "trshow", "agree", "resolve")
    if len(sys.argv) < 3 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    if sys.argv[1] == "show":
        show(load(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "-"))
    elif sys.argv[1] == "rdshow":
        print("# split", split_of_name(sys.argv[2]))
        show(rendered_expected(sys.argv[2]))
    elif sys.argv[1] == "rdsrc":
        print("# split", split_of_name(sys.argv[2]))
        rdsrc(sys.argv[2])
    elif sys.argv[1] == "htshow":
        print("# split", split_of_name(sys.argv[2]))
        show(scrub_html("html", sys.argv[2]))
    elif sys.argv[1] == "trshow":
        print("# split", split_of_name(sys.argv[2]))
        show(scrub_html("web", "trafilatura-eval", "html", sys.argv[2]))
    elif sys.argv[1] == "agree":
        args, first_paths = sys.argv[2:], None
        if "--first" in args:  # the first annotation as it was before a resolve
            k = args.index("--first")
            first_paths, args[k:k + 3] = tuple(args[k + 1:k + 3]), []
        agree(*args, first_paths=first_paths)
    elif sys.argv[1] == "resolve":
        resolve(*sys.argv[2:6])


if __name__ == "__main__":
    main()
