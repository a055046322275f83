#!/usr/bin/python3
"""Cleans a JSONL corpus in parallel with Dask: each worker process keeps one
libscrub context and cleans its partitions record by record; the output is
one JSONL file per partition (part-00000.jsonl, ...), in input order, with
the same records `scrub clean --format=jsonl` writes.

    /usr/bin/python3 examples/python/dask_clean.py corpus/*.jsonl --out clean/ \\
        [--to hans] [--keep content,heading] [--workers 2] [--blocksize 64MB] \\
        [--scheduler tcp://host:8786]

Without --scheduler a LocalCluster of --workers processes (one thread each)
runs on this machine.  With it, the workers must be able to import this file's
`scrub` module and load libscrub (install it, or set PYTHONPATH and
SCRUB_LIBRARY on the workers).  Runs under Debian's own interpreter, whose
python3-dask and python3-distributed provide Dask.
"""
import argparse
import base64
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

# One context per worker process: created on first use in that process.
_CTX = None

ADDED = ("clean", "title", "charset", "script", "spam_score", "labels", "repairs", "date",
         "error", "input_line")


def _context(to, keep):
    global _CTX
    if _CTX is None:
        import scrub
        _CTX = scrub.Ctx()
        _CTX.set(scrub.PARAM_CLEAN_TO, scrub.CLEAN_TARGETS[to])
        if keep:
            _CTX.set(scrub._PARAM_FILTER_KEEP, scrub._clean_keep_mask(keep))
    return _CTX


def clean_record(ctx, line, line_no):
    """One JSONL line to one output line, as `scrub clean --format=jsonl`."""
    import scrub
    try:
        rec = json.loads(line)
        if not isinstance(rec, dict):
            raise ValueError("not a JSON object")
    except ValueError as exc:
        return json.dumps({"error": str(exc), "input_line": line_no}, ensure_ascii=False)
    charset = rec.get("charset") if isinstance(rec.get("charset"), str) else None
    try:
        if isinstance(rec.get("bytes_b64"), str):
            data = base64.b64decode(rec["bytes_b64"] + "=" * (-len(rec["bytes_b64"]) % 4),
                                    altchars=None)
            text = ctx.clean(data, charset=charset)
        elif isinstance(rec.get("html"), str):
            text = ctx.clean(rec["html"], html=True)
        elif isinstance(rec.get("text"), str):
            text = ctx.clean(rec["text"], html=False)
        else:
            return json.dumps({"error": "record has no text, html or bytes_b64 string",
                               "input_line": line_no})
    except (ValueError, scrub.ScrubError) as exc:
        return json.dumps({"error": str(exc), "input_line": line_no}, ensure_ascii=False)
    d = ctx.clean_details()
    out = {k: v for k, v in rec.items() if k not in ADDED}
    out.update(clean=text, title=d["title"], charset=d["charset"], script=d["script"],
               spam_score=round(d["spam_score"], 3), labels=d["labels"], repairs=d["repairs"])
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def clean_partition(lines, to="keep", keep=None):
    """A Dask partition (an iterable of JSONL lines) to its output lines."""
    ctx = _context(to, keep)
    return [clean_record(ctx, line, i + 1) for i, line in enumerate(lines)]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="JSONL files (globs allowed)")
    ap.add_argument("--out", required=True, help="output directory (part-*.jsonl)")
    ap.add_argument("--to", default="keep", choices=("keep", "hans", "hant", "tw", "hk"))
    ap.add_argument("--keep", default=None, help="labels to keep, e.g. content,heading")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--blocksize", default="64MB", help="bytes per partition")
    ap.add_argument("--scheduler", default=None, help="address of a running scheduler")
    args = ap.parse_args(argv)

    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        lines = db.read_text(args.inputs, blocksize=args.blocksize, linedelimiter="\n")
        lines = lines.map(lambda s: s.rstrip("\r\n"))
        out = lines.map_partitions(clean_partition, to=args.to, keep=args.keep)
        os.makedirs(args.out, exist_ok=True)
        # one element per line; zero-padded names sort in input order
        out.to_textfiles(os.path.join(args.out, "part-*.jsonl"), name_function=lambda i: "%05d" % i,
                         last_endline=True, encoding="utf-8")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
