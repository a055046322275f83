"""`scrub clean`: text, jsonl and warc formats, -j N, --explain, --report
(parsed, and rendered in headless Chromium), progress, exit statuses, and the
Dask script against the single-process tool."""
import base64
import glob
import gzip
import html.parser
import json
import os
import pty
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest
import zlib

from toolutil import ROOT, SHARED, TOOL, run

import warcfixtures

DATA = os.path.join(ROOT, "examples", "data")
ROW = re.compile(r"^(keep|drop)\t[a-z]+\t[01]\.\d{3}\t[^\t\n]*\t[^\n]*$")


def sample(name):
    with open(os.path.join(DATA, name), "rb") as f:
        return f.read()


def lines(out):
    return out.decode("utf-8").splitlines()


class TextModeTest(unittest.TestCase):
    def test_spam_page(self):
        status, out, err = run("clean", os.path.join(DATA, "seo-spam.txt"))
        self.assertEqual(status, 0, err)
        got = lines(out)
        self.assertIn("街道负责人表示，下一步将在各小区设置分类督导员，帮助居民养成分类投放的习惯。", got)
        text = out.decode()
        for junk in ("ICP备", "当前时间", "百家乐", "转载请注明", "咨询电话"):
            self.assertNotIn(junk, text)
        self.assertNotIn("", got)  # no blank lines

    def test_pages_one_blank_line_apart_and_stdin(self):
        a, b = os.path.join(DATA, "seo-spam.txt"), os.path.join(DATA, "lossy-pinyin-hant.txt")
        _, out_a, _ = run("clean", a)
        _, out_b, _ = run("clean", b)
        status, both, _ = run("clean", a, b)
        self.assertEqual(status, 0)
        self.assertEqual(both, out_a + b"\n" + out_b)
        status, from_stdin, _ = run("clean", "-", stdin=sample("seo-spam.txt"))
        self.assertEqual(from_stdin, out_a)

    def test_gbk_html_and_to_hans(self):
        status, out, err = run("clean", os.path.join(DATA, "news-gbk.html"))
        self.assertEqual(status, 0, err)
        text = out.decode()
        self.assertIn("活动现场，志愿者向居民讲解了厨余垃圾", text)
        for junk in ("统计代码", "ICP", "分享到", "<p>"):
            self.assertNotIn(junk, text)
        status, out, err = run("clean", "--to=hans", os.path.join(DATA, "library-big5.html"))
        self.assertEqual(status, 0, err)
        self.assertIn("市立图书馆", out.decode())
        self.assertNotIn("圖書館", out.decode())

    def test_keep_all(self):
        status, out, _ = run("clean", "--keep=all", os.path.join(DATA, "seo-spam.txt"))
        self.assertEqual(status, 0)
        self.assertIn("ICP备", out.decode())

    def test_usage_and_missing_file(self):
        for args in (["--to=latin"], ["--format=xml"], ["-j", "0"], ["--bogus"], ["--keep=nosuch"]):
            status, out, err = run("clean", *args, "-")
            self.assertEqual(status, 2, args)
            self.assertEqual(out, b"")
            self.assertEqual(err.count("\n"), 1, err)
        status, out, err = run("clean", "/nonexistent/page.html", os.path.join(DATA, "seo-spam.txt"))
        self.assertEqual(status, 1)
        self.assertIn("/nonexistent/page.html", err)
        self.assertIn("街道负责人表示", out.decode())  # the other file still done

    def test_explain_rows(self):
        status, out, err = run("clean", "--explain", os.path.join(DATA, "seo-spam.txt"))
        self.assertEqual(status, 0)
        rows = [l for l in err.splitlines() if not l.startswith("# ")]
        self.assertTrue(rows)
        for row in rows:
            self.assertRegex(row, ROW)
        kept = [r.split("\t", 4)[4] for r in rows if r.startswith("keep\t")]
        self.assertEqual(kept, lines(out))

    def test_progress_only_on_a_terminal(self):
        _, _, err = run("clean", os.path.join(DATA, "seo-spam.txt"))
        self.assertNotIn("records", err)
        master, slave = pty.openpty()
        proc = subprocess.run([TOOL, "clean", os.path.join(DATA, "seo-spam.txt")],
                              stdout=subprocess.PIPE, stderr=slave, timeout=60)
        os.close(slave)
        seen = b""
        try:
            while True:
                chunk = os.read(master, 4096)
                if not chunk:
                    break
                seen += chunk
        except OSError:
            pass
        os.close(master)
        self.assertEqual(proc.returncode, 0)
        self.assertIn(b"1 records", seen)
        self.assertIn(b"MB/s", seen)
        master, slave = pty.openpty()
        subprocess.run([TOOL, "clean", "--quiet", os.path.join(DATA, "seo-spam.txt")],
                       stdout=subprocess.PIPE, stderr=slave, timeout=60)
        os.close(slave)
        try:
            quiet = os.read(master, 4096)
        except OSError:
            quiet = b""
        os.close(master)
        self.assertNotIn(b"records", quiet)


def corpus_records():
    recs = []
    for i, name in enumerate(sorted(os.listdir(DATA))):
        if name.endswith((".md", ".py")):
            continue
        raw = sample(name)
        recs.append({"id": i, "url": "http://example.test/" + name,
                     "bytes_b64": base64.b64encode(raw).decode()})
        if name.endswith(".txt"):
            recs.append({"id": i, "text": raw.decode("utf-8"), "meta": {"n": [1, 2.5, None]}})
    recs.append({"html": "<p>第一段正文内容比较长，足以算作一个段落。</p><p>第二段也是正文，同样足够长。</p>",
                 "keep_me": True})
    return recs


class JsonlModeTest(unittest.TestCase):
    def test_records_fields_and_pass_through(self):
        recs = corpus_records()
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode()
        status, out, err = run("clean", "--format=jsonl", stdin=data)
        self.assertEqual(status, 0, err)
        got = [json.loads(l) for l in lines(out)]
        self.assertEqual(len(got), len(recs))
        for want, rec in zip(recs, got):
            for k, v in want.items():
                self.assertEqual(rec[k], v)  # passes through unchanged
            for field in ("clean", "title", "charset", "script", "spam_score", "labels", "repairs"):
                self.assertIn(field, rec)
            self.assertIn(rec["script"], ("hans", "hant", "mixed", "none"))
            self.assertTrue(0 <= rec["spam_score"] <= 1)
            self.assertIsInstance(rec["labels"], dict)
            self.assertEqual(sum(rec["labels"].values()) >= 1, True)
        by_url = {r.get("url"): r for r in got}
        gbk = by_url["http://example.test/news-gbk.html"]
        self.assertEqual(gbk["charset"], "gb18030")
        self.assertTrue(gbk["title"].startswith("城南社区开展垃圾分类宣传活动"))
        self.assertIn("城南街道在中心广场举办垃圾分类宣传活动", gbk["clean"])
        # the same page as text in a record and as a file give the same text
        _, file_out, _ = run("clean", os.path.join(DATA, "seo-spam.txt"))
        self.assertEqual(by_url["http://example.test/seo-spam.txt"]["clean"], file_out.decode())

    def test_malformed_lines(self):
        data = (b'{"text":"\xe6\xad\xa3\xe6\x96\x87"}\n{"text": \n[1,2]\n{"id": 3}\n'
                b'{"bytes_b64":"%%%"}\n\n{"text":"ok"}\n')
        status, out, _ = run("clean", "--format=jsonl", stdin=data)
        self.assertEqual(status, 1)
        got = [json.loads(l) for l in lines(out)]
        self.assertEqual(len(got), 7)
        self.assertIn("clean", got[0])
        for n in (2, 3, 4, 5, 6):
            self.assertEqual(got[n - 1]["input_line"], n)
            self.assertIn("error", got[n - 1])
        self.assertIn("clean", got[6])

    def test_threads_keep_order(self):
        recs = corpus_records() * 20
        data = "".join(json.dumps(r) + "\n" for r in recs).encode()
        _, one, _ = run("clean", "--format=jsonl", "-j", "1", stdin=data)
        for j in ("2", "4", "8"):
            status, many, _ = run("clean", "--format=jsonl", "-j", j, stdin=data)
            self.assertEqual(status, 0)
            self.assertEqual(many, one, "-j %s changed the output" % j)


class WarcModeTest(unittest.TestCase):
    def check_fixture_output(self, out):
        got = [json.loads(l) for l in lines(out)]
        urls = [r["url"] for r in got]
        self.assertEqual(urls, ["http://example.cn/gbk.html", "http://example.tw/big5.html",
                                "http://example.tw/deflate.html", "file:///notes.txt",
                                "http://example.tw/big5.html"])
        gbk, big5, deflate, resource, conversion = got
        self.assertEqual(gbk["date"], "2024-05-01T08:00:00Z")
        self.assertEqual(gbk["charset"], "gb18030")
        self.assertIn(warcfixtures.ARTICLE_HANS[2], gbk["clean"])
        self.assertNotIn("版权所有", gbk["clean"])
        self.assertEqual(gbk["title"], warcfixtures.ARTICLE_HANS[0])
        self.assertIn(big5["charset"], ("big5", "big5-hkscs"))
        self.assertIn(warcfixtures.ARTICLE_HANT[1], big5["clean"])
        self.assertEqual(deflate["clean"], big5["clean"])
        self.assertEqual(big5["script"], "hant")
        self.assertIn(warcfixtures.ARTICLE_HANS[1], resource["clean"])
        self.assertIn(warcfixtures.ARTICLE_HANT[2], conversion["clean"])

    def test_fixtures_plain_and_gzip(self):
        with tempfile.TemporaryDirectory() as tmp:
            plain = os.path.join(tmp, "a.warc")
            gz = os.path.join(tmp, "a.warc.gz")
            with open(plain, "wb") as f:
                f.write(warcfixtures.warc_plain())
            with open(gz, "wb") as f:
                f.write(warcfixtures.warc_gzip_per_record())
            status, out_plain, err = run("clean", "--format=warc", plain)
            self.assertEqual(status, 0, err)
            self.check_fixture_output(out_plain)
            status, out_gz, err = run("clean", "--format=warc", gz)
            self.assertEqual(status, 0, err)
            self.assertEqual(out_gz, out_plain)
            whole = os.path.join(tmp, "whole.warc.gz")  # one gzip stream for the file
            with open(whole, "wb") as f:
                f.write(gzip.compress(warcfixtures.warc_plain()))
            status, out_whole, _ = run("clean", "--format=warc", "-j", "3", whole)
            self.assertEqual(out_whole, out_plain)

    def test_truncated_file_exit_1(self):
        data = warcfixtures.warc_plain()
        status, out, err = run("clean", "--format=warc", stdin=data[:len(data) // 2])
        self.assertEqual(status, 1)
        self.assertIn("truncated", err)
        self.assertTrue(lines(out))  # the records before the cut still came out

    def test_shared_warcio_files(self):
        folder = os.path.join(SHARED, "testdata", "warc", "warcio")
        if not os.path.isdir(folder):
            self.skipTest("../shared/testdata/warc is not present")
        status, out, err = run("clean", "--format=warc", os.path.join(folder, "example.warc.gz"),
                               os.path.join(folder, "example.warc"),
                               os.path.join(folder, "example-iana.org-chunked.warc"))
        self.assertEqual(status, 0, err)
        got = [json.loads(l) for l in lines(out)]
        self.assertEqual([r["url"] for r in got],
                         ["http://example.com/", "http://example.com/", "http://www.iana.org/"])
        self.assertEqual(got[0], got[1])
        self.assertEqual(got[0]["title"], "Example Domain")
        self.assertIn("illustrative examples", got[0]["clean"])
        self.assertEqual(got[2]["charset"], "utf-8")
        self.assertIn("Internet Assigned Numbers Authority", got[2]["title"])


class ReportParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.dels = 0
        self.removed_titles = []
        self.summary = False
        self.stack = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "del":
            self.dels += 1
        if tag == "p" and "rm" in a.get("class", "").split():
            self.removed_titles.append(a.get("title", ""))
        if a.get("id") == "summary":
            self.summary = True


def png_pixels(path):
    """(width, height, distinct colours) of an 8-bit RGB/RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    assert depth == 8 and ctype in (2, 6)
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    colours = set()
    for y in range(h):
        ft = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ft == 1:
                line[i] = (line[i] + a) & 255
            elif ft == 2:
                line[i] = (line[i] + b) & 255
            elif ft == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if y % 4 == 0:
            for x in range(0, stride, bpp * 4):
                colours.add(bytes(line[x:x + 3]))
        prev = line
    return w, h, len(colours)


class ReportTest(unittest.TestCase):
    def make_report(self, tmp):
        report = os.path.join(tmp, "report.html")
        files = [os.path.join(DATA, n) for n in ("seo-spam.txt", "news-gbk.html",
                                                 "lossy-pinyin-hant.txt",
                                                 "mojibake-utf8-as-gbk.txt")]
        status, out, err = run("clean", "--explain", "--report=" + report, *files)
        self.assertEqual(status, 0, err)
        drops = sum(1 for l in err.splitlines() if l.startswith("drop\t"))
        self.assertGreater(drops, 3)
        return report, drops

    def test_report_parses(self):
        with tempfile.TemporaryDirectory() as tmp:
            report, drops = self.make_report(tmp)
            p = ReportParser()
            with open(report, encoding="utf-8") as f:
                text = f.read()
            p.feed(text)
            self.assertEqual(p.dels, drops)
            self.assertEqual(len(p.removed_titles), drops)
            self.assertTrue(all(":" in t or t for t in p.removed_titles))
            self.assertTrue(p.summary)
            self.assertIn("&rarr;", text)  # the mojibake page's repairs, before -> after
            self.assertNotIn("http://", text.split("<body>")[0])  # self-contained

    def test_report_renders_in_chromium(self):
        chromium = shutil.which("chromium") or "/usr/bin/chromium"
        if not os.path.exists(chromium):
            self.skipTest("chromium is not installed (apt-get install chromium)")
        with tempfile.TemporaryDirectory() as tmp:
            report, drops = self.make_report(tmp)
            flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                     "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync",
                     "--user-data-dir=" + tempfile.mkdtemp(dir=tmp)]
            dom = subprocess.run([chromium, *flags, "--dump-dom", "file://" + report],
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                 timeout=120).stdout.decode("utf-8", "replace")
            p = ReportParser()
            p.feed(dom)
            self.assertEqual(p.dels, drops)
            self.assertTrue(p.summary)
            shot = os.path.join(tmp, "shot.png")
            subprocess.run([chromium, *flags, "--window-size=1000,1400", "--screenshot=" + shot,
                            "file://" + report], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=120)
            w, h, colours = png_pixels(shot)
            self.assertEqual((w, h), (1000, 1400))
            self.assertGreater(colours, 5, "the screenshot is blank")


DEBIAN_PYTHON = "/usr/bin/python3"


class DaskTest(unittest.TestCase):
    def test_dask_equals_tool(self):
        if not os.path.exists(DEBIAN_PYTHON) or subprocess.run(
                [DEBIAN_PYTHON, "-c", "import dask.bag, distributed"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
            self.skipTest("Debian's python3-dask / python3-distributed are not installed")
        lib = os.environ.get("SCRUB_LIBRARY") or sorted(
            glob.glob(os.path.join(os.path.dirname(os.path.dirname(TOOL)), "lib", "libscrub.so.0.*")))[0]
        with open(lib, "rb") as f:
            if b"__asan_init" in f.read():
                self.skipTest("the library is built with ASan; Dask's worker processes "
                              "cannot load it without the sanitizer runtime")
        recs = corpus_records() * 5
        with tempfile.TemporaryDirectory() as tmp:
            corpus = os.path.join(tmp, "corpus.jsonl")
            with open(corpus, "w", encoding="utf-8") as f:
                for r in recs:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
            outdir = os.path.join(tmp, "out")
            env = dict(os.environ, SCRUB_LIBRARY=lib)
            env.pop("LD_PRELOAD", None)
            proc = subprocess.run([DEBIAN_PYTHON, os.path.join(ROOT, "examples", "python", "dask_clean.py"),
                                   corpus, "--out", outdir, "--workers", "2", "--blocksize", "20kB",
                                   "--to", "hans"], env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, timeout=600)
            self.assertEqual(proc.returncode, 0, proc.stderr.decode()[-2000:])
            parts = sorted(glob.glob(os.path.join(outdir, "part-*.jsonl")))
            self.assertGreater(len(parts), 1, "expected several partitions")
            dask_recs = [json.loads(l) for p in parts for l in open(p, encoding="utf-8")]
            status, out, _ = run("clean", "--format=jsonl", "--to=hans", corpus)
            tool_recs = [json.loads(l) for l in lines(out)]
            self.assertEqual(len(dask_recs), len(tool_recs))
            for d, t in zip(dask_recs, tool_recs):
                self.assertEqual(d, t)


if __name__ == "__main__":
    unittest.main()
