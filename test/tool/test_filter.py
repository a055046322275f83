"""`scrub filter`: kept lines, --explain rows, --keep, --lexicon, --learn and
--linestats, exit statuses."""
import os
import tempfile
import unittest

from toolutil import SHARED, run

PAGE = ("新闻中心\n"
        "当前位置：首页 > 新闻\n"
        "社区图书馆延长开放时间\n"
        "从下周一开始，社区图书馆每天开放到晚上九点，方便上班族下班后借书和自习。\n"
        "责任编辑：张华\n"
        "\n"
        "据消息：3月11日，王者威尼斯人现金网网址：城南街道举办了读书分享会，吸引了很多居民参加。\n"
        "版权所有 © 2024 社区网 京ICP备00000000号\n").encode()


class FilterToolTest(unittest.TestCase):
    def test_kept_lines(self):
        status, out, err = run("filter", stdin=PAGE)
        self.assertEqual(status, 0, err)
        text = out.decode()
        self.assertIn("社区图书馆延长开放时间\n", text)
        self.assertIn("据消息：3月11日，城南街道举办了读书分享会", text)
        for gone in ("当前位置", "责任编辑", "ICP", "威尼斯人"):
            self.assertNotIn(gone, text)
        self.assertTrue(text.endswith("\n"))

    def test_explain_rows(self):
        status, out, err = run("filter", "--explain", stdin=PAGE)
        self.assertEqual(status, 0, err)
        rows = out.decode().split("\n")[:-1]
        self.assertEqual(len(rows), PAGE.count(b"\n"))  # blank lines included
        cols = [r.split("\t") for r in rows]
        for c in cols:
            self.assertEqual(len(c), 5, c)
            self.assertIn(c[0], ("keep", "drop"))
            self.assertRegex(c[2], r"^[01]\.\d{3}$")
        self.assertEqual(cols[4][:2], ["drop", "meta"])
        self.assertEqual(cols[5][:2], ["drop", "blank"])
        self.assertEqual(cols[7][:2], ["drop", "footer"])
        self.assertEqual(cols[2][1], "heading")
        # the inline span, in code points of the line
        line = cols[6][4]
        start = line.index("王者")
        end = line.index("网址：") + 3
        self.assertIn("spans=%d-%d" % (start, end), cols[6][3])
        self.assertEqual(cols[6][0], "keep")

    def test_keep_option(self):
        status, out, _ = run("filter", "--keep=meta,footer", stdin=PAGE)
        self.assertEqual(status, 0)
        self.assertEqual(out.decode(), "责任编辑：张华\n版权所有 © 2024 社区网 京ICP备00000000号\n")
        status, out, err = run("filter", "--keep=content,bogus", stdin=PAGE)
        self.assertEqual(status, 2)
        self.assertEqual(out, b"")
        self.assertEqual(err.count("\n"), 1)

    def test_lexicon_option(self):
        doc = ("小区停车难问题有望缓解\n"
               "街道办表示，新建的立体停车库下月投入使用，可以提供两百多个车位。\n"
               "快乐彩坊注册送88元\n").encode()
        with tempfile.TemporaryDirectory() as tmp:
            lex = os.path.join(tmp, "lex.tsv")
            with open(lex, "w", encoding="utf-8") as f:
                f.write("gambling\t快乐彩坊\ts\n")
            status, out, _ = run("filter", "--explain", "--lexicon=" + lex, stdin=doc)
            self.assertEqual(status, 0)
            last = out.decode().split("\n")[2].split("\t")
            self.assertEqual(last[:2], ["drop", "ad"])
            self.assertEqual(last[3], "user:gambling:快乐彩坊")
            with open(lex, "w", encoding="utf-8") as f:
                f.write("nosuchcategory\tx\n")
            status, out, err = run("filter", "--lexicon=" + lex, stdin=doc)
            self.assertEqual(status, 1)
            self.assertIn("line 1", err)

    def test_learn_and_linestats(self):
        with tempfile.TemporaryDirectory() as tmp:
            pages = []
            topics = ["读书会", "义诊", "植树", "运动会"]
            for i, topic in enumerate(topics):
                p = os.path.join(tmp, "p%d.txt" % i)
                with open(p, "w", encoding="utf-8") as f:
                    f.write("居民在社区里开展了%s活动，大家积极参加，气氛十分热烈。\n" % topic)
                    f.write("本站文章均为原创，转载时请与编辑部联系并注明出处。\n")
                pages.append(p)
            stats = os.path.join(tmp, "site.ls")
            status, _, err = run("filter", "--learn=" + stats, *pages)
            self.assertEqual(status, 0, err)
            self.assertTrue(os.path.getsize(stats) > 32)
            status, out, _ = run("filter", pages[0])
            self.assertIn("本站文章均为原创", out.decode())
            status, out, _ = run("filter", "--linestats=" + stats, pages[0])
            self.assertEqual(status, 0)
            self.assertNotIn("本站文章均为原创", out.decode())
            self.assertIn("读书会", out.decode())
            status, out, err = run("filter", "--linestats=" + pages[0], pages[0])
            self.assertEqual(status, 1)
            self.assertIn("malformed", err)

    def test_missing_file_processes_the_others(self):
        with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
            f.write(PAGE)
        try:
            status, out, err = run("filter", "/nonexistent/x.txt", f.name)
            self.assertEqual(status, 1)
            self.assertIn("社区图书馆延长开放时间", out.decode())
            self.assertIn("/nonexistent/x.txt", err)
        finally:
            os.unlink(f.name)

    def test_usage(self):
        status, out, err = run("filter", "--bogus")
        self.assertEqual(status, 2)
        self.assertEqual(err.count("\n"), 1)
        status, out, _ = run("filter", "--help")
        self.assertEqual(status, 0)
        self.assertIn(b"--explain", out)

    @unittest.skipUnless(os.path.isdir(os.path.join(SHARED, "seeds")), "../shared missing")
    def test_seed_003(self):
        path = os.path.join(SHARED, "seeds", "003_deff538706a06b0e.txt")
        status, out, _ = run("filter", path)
        self.assertEqual(status, 0)
        text = out.decode("utf-8")
        self.assertNotIn("无码", text)
        self.assertNotIn("掃一掃", text)
        self.assertIn("總醫(yī)院院長周興高", text)


if __name__ == "__main__":
    unittest.main()
