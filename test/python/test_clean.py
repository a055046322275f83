"""scrub.clean and Ctx.clean: the binding of scrub_clean(), equal to the tool."""
import glob
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, os.pardir, os.pardir))
sys.path.insert(0, os.path.join(ROOT, "examples", "python"))

import scrub  # noqa: E402

DATA = os.path.join(ROOT, "examples", "data")
SAMPLES = sorted(p for p in glob.glob(os.path.join(DATA, "*")) if not p.endswith((".md", ".py")))


def tool_path():
    lib = os.environ.get("SCRUB_LIBRARY")
    if lib:
        return os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(lib))), "bin", "scrub")
    return os.path.join(ROOT, "build", "bin", "scrub")


def tool_clean(path, *args):
    env = dict(os.environ)
    env.pop("LD_PRELOAD", None)  # the tool is not an ASan-preloaded Python
    proc = subprocess.run([tool_path(), "clean", "--quiet", *args, path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=env, timeout=120)
    if proc.returncode != 0:
        raise AssertionError(proc.stderr.decode())
    return proc.stdout.decode("utf-8")


class CleanTest(unittest.TestCase):
    def test_equals_tool(self):
        if not os.path.exists(tool_path()):
            self.skipTest("the scrub tool is not built next to the library")
        for path in SAMPLES:
            with open(path, "rb") as f:
                data = f.read()
            for to in ("keep", "hans"):
                self.assertEqual(scrub.clean(data, to=to), tool_clean(path, "--to=" + to),
                                 "%s --to=%s" % (path, to))
        path = os.path.join(DATA, "seo-spam.txt")
        with open(path, "rb") as f:
            data = f.read()
        self.assertEqual(scrub.clean(data, keep="all"), tool_clean(path, "--keep=all"))

    def test_ctx_and_details(self):
        with open(os.path.join(DATA, "news-gbk.html"), "rb") as f:
            page = f.read()
        with scrub.Ctx() as ctx:
            text = ctx.clean(page, to="hans")
            self.assertIsInstance(text, str)
            self.assertIn("城南街道在中心广场举办垃圾分类宣传活动", text)
            self.assertNotIn("ICP", text)
            d = ctx.clean_details()
            self.assertEqual(d["charset"], "gb18030")
            self.assertTrue(d["title"].startswith("城南社区开展垃圾分类宣传活动"))
            self.assertEqual(d["script"], "hans")
            self.assertTrue(d["flags"] & scrub.CLEAN_SAW_HTML)
            self.assertTrue(d["stages"] & (1 << scrub.STAGE_HTML))
            self.assertGreater(d["labels"]["content"], 2)
            self.assertGreater(sum(v for k, v in d["labels"].items() if k != "content"), 2)
            self.assertIsNotNone(ctx.clean_stage_input(scrub.STAGE_FILTER))
            self.assertIsNone(ctx.clean_stage_input(99))
            # str in: text, never charset-detected
            self.assertEqual(ctx.clean("第一段正文内容比较长，足以算作一个段落。\n"),
                             "第一段正文内容比较长，足以算作一个段落。\n")
            self.assertEqual(ctx.clean(""), "")
            self.assertEqual(ctx.clean_details()["charset"], "utf-8")
            with self.assertRaises(ValueError):
                ctx.clean(page, to="latin")
            with self.assertRaises(scrub.ScrubError):
                ctx.clean(page, keep="nosuchlabel")
            ctx.set(scrub.PARAM_MAX_INPUT, 10)
            with self.assertRaises(scrub.ScrubError) as cm:
                ctx.clean(page)
            self.assertEqual(cm.exception.status, scrub.E_TOO_LARGE)
        with self.assertRaises(ValueError):
            ctx.clean(page)  # closed

    def test_switches(self):
        text = "您当前的位置：首页 > 新闻\n城南街道在中心广场举办垃圾分类宣传活动，吸引了三百多名居民参加。\n"
        kept = scrub.clean(text.encode(), flags=scrub.CLEAN_NO_FILTER)
        self.assertEqual(kept, text)
        self.assertEqual(scrub.clean("<p>正文</p>", html=False, flags=scrub.CLEAN_NO_FILTER),
                         "<p>正文</p>\n")
        self.assertEqual(scrub.clean("<b>正文</b>", html=True, flags=scrub.CLEAN_NO_FILTER),
                         "正文\n")


if __name__ == "__main__":
    unittest.main()
