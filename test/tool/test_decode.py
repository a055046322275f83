"""`scrub detect` and `scrub decode`."""
import os
import tempfile
import unittest

from toolutil import SHARED, run


class DecodeToolTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def write(self, name, data):
        path = os.path.join(self.dir.name, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_detect_prints_file_name_confidence(self):
        gbk = self.write("gbk.txt", "我们今天去北京参观了故宫博物院，天气非常好。".encode("gbk"))
        png = self.write("img.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        rc, out, err = run("detect", gbk, png)
        self.assertEqual(rc, 0, err)
        rows = [line.split("\t") for line in out.decode().splitlines()]
        self.assertEqual([r[:2] for r in rows], [[gbk, "gb18030"], [png, "binary"]])
        self.assertTrue(all(0 <= int(r[2]) <= 100 for r in rows))

    def test_detect_missing_file_is_status_1_after_others(self):
        ok = self.write("a.txt", "café".encode("utf-8"))
        rc, out, err = run("detect", os.path.join(self.dir.name, "missing"), ok)
        self.assertEqual(rc, 1)
        self.assertIn(ok + "\tutf-8\t", out.decode())
        self.assertTrue(err.startswith("scrub: "))

    def test_usage_errors(self):
        rc, _, err = run("detect")
        self.assertEqual(rc, 2)
        self.assertEqual(len(err.strip().splitlines()), 1)
        rc, _, err = run("decode", "--bogus")
        self.assertEqual(rc, 2)

    def test_decode_exact_bytes_bom_removed(self):
        text = "第一行\r\n第二行\rsame line\n"
        path = self.write("u16.txt", b"\xff\xfe" + text.encode("utf-16-le"))
        rc, out, err = run("decode", path)
        self.assertEqual(rc, 0, err)
        self.assertEqual(out, text.encode("utf-8"))

    def test_decode_charset_and_verbose(self):
        page = "<p>Привет, мир</p>\n".encode("cp1251")
        rc, out, err = run("decode", "--charset=windows-1251", "--verbose", stdin=page)
        self.assertEqual(rc, 0, err)
        self.assertEqual(out.decode("utf-8"), "<p>Привет, мир</p>\n")
        self.assertIn("charset: windows-1251 (declared)", err)
        self.assertIn("replaced: 0", err)

    def test_decode_verbose_reports_override(self):
        page = "<meta charset=gb2312><p>腾讯首页</p>".encode("utf-8")
        rc, out, err = run("decode", "--charset", "gb2312", "-v", stdin=page)
        self.assertEqual(rc, 0, err)
        self.assertEqual(out, page)
        self.assertIn("charset: utf-8", err)
        self.assertIn("declared: gb18030 (overridden)", err)

    def test_decode_real_page(self):
        path = os.path.join(SHARED, "testdata", "html", "unfurl", "qq.com.gb2312.html")
        if not os.path.exists(path):
            self.skipTest("../shared missing")
        rc, out, err = run("decode", "-v", path)
        self.assertEqual(rc, 0, err)
        self.assertIn("charset: gb18030 (meta)", err)
        self.assertIn("replaced: 0", err)
        self.assertIn("腾讯首页", out.decode("utf-8"))


if __name__ == "__main__":
    unittest.main()
