"""The filter stage through the ctypes binding."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, os.pardir, os.pardir))
sys.path.insert(0, os.path.join(ROOT, "examples", "python"))

import scrub  # noqa: E402

PAGE = ("当前位置：首页 > 新闻\n"
        "社区图书馆延长开放时间\n"
        "从下周一开始，社区图书馆每天开放到晚上九点，方便上班族下班后借书和自习。\n"
        "据消息：3月11日，王者威尼斯人现金网网址：城南街道举办了读书分享会，吸引了很多居民参加。\n"
        "责任编辑：张华\n"
        "版权所有 © 2024 社区网 京ICP备00000000号\n")


class FilterBindingTest(unittest.TestCase):
    def test_classify_and_accessors(self):
        with scrub.Ctx() as ctx:
            lines = ctx.classify_lines(PAGE)
            self.assertEqual([l["label"] for l in lines],
                             ["nav", "heading", "content", "content", "meta", "footer"])
            self.assertEqual(lines[4]["text"], "责任编辑：张华")
            self.assertFalse(lines[4]["kept"])
            self.assertTrue(all(0.0 <= l["score"] <= 1.0 for l in lines))
            self.assertEqual(lines[5]["reason"], "footer:版权所有")
            spans = ctx.spans
            self.assertEqual(len(spans), 1)
            line, start, end = spans[0]
            self.assertEqual(PAGE.encode()[start:end].decode(), "王者威尼斯人现金网网址：")
            self.assertTrue(ctx.doc_flags & scrub.DOC_INLINE_SPAM)

    def test_filter_keep(self):
        out = scrub.filter_lines(PAGE)
        self.assertNotIn("威尼斯人", out)
        self.assertIn("城南街道举办了读书分享会", out)
        self.assertEqual(scrub.filter_lines(PAGE, keep=["meta"]), "责任编辑：张华\n")
        with scrub.Ctx() as ctx:
            ctx.set(scrub.PARAM_FILTER_KEEP, scrub.label_mask("content,heading,caption,meta"))
            self.assertIn("责任编辑", ctx.filter_lines(PAGE))
            kept = ctx.filter_lines(PAGE, flags=scrub.FILTER_KEEP_INLINE_SPAM)
            self.assertIn("威尼斯人", kept)
        with self.assertRaises(scrub.ScrubError):
            scrub.label_mask("content,nope")

    def test_lexicon_and_errors(self):
        with scrub.Ctx() as ctx:
            ctx.add_lexicon("gambling\t快乐彩坊\ts\n")
            lines = ctx.classify_lines("快乐彩坊注册送88元\n")
            self.assertEqual(lines[0]["label"], "ad")
            with self.assertRaises(scrub.ScrubError) as cm:
                ctx.add_lexicon("bad line without tab\n")
            self.assertEqual(cm.exception.status, scrub.E_FORMAT)
            ctx.clear_lexicon()
            with self.assertRaises(scrub.ScrubError) as cm:
                ctx.classify_lines("x", flags=1 << 20)
            self.assertEqual(cm.exception.status, scrub.E_INVALID_ARG)

    def test_linestats(self):
        stats = scrub.LineStats()
        for i in range(3):
            stats.add_page("第%d期：今天社区举办了活动，居民们积极参加，现场十分热闹。\n"
                           "本站文章均为原创，转载时请与编辑部联系并注明出处。\n" % i)
        self.assertEqual(stats.pages, 3)
        self.assertEqual(stats.count("本站文章均为原创，转载时请与编辑部联系并注明出处。"), 3)
        doc = "今天社区举办了活动，居民们积极参加。\n本站文章均为原创，转载时请与编辑部联系并注明出处。\n"
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "s.ls")
            stats.save(path)
            loaded = scrub.LineStats.load(path)
            self.assertEqual(loaded.pages, 3)
            with scrub.Ctx() as ctx:
                self.assertNotIn("本站", ctx.filter_lines(doc, linestats=loaded))
                ctx.set_linestats(loaded)
                self.assertEqual(ctx.classify_lines(doc)[1]["reason"], "linestats")
                ctx.set_linestats(None)
            with self.assertRaises(scrub.ScrubError) as cm:
                scrub.LineStats.load(os.path.join(tmp, "missing"))
            self.assertEqual(cm.exception.status, scrub.E_IO)
        stats.close()

    def test_hints(self):
        doc = ("Politics World Business\n"
               "The council voted on Tuesday to build a new bridge across the river, ending a long debate.\n")
        with scrub.Ctx() as ctx:
            lines = ctx.classify_lines(doc, hints=[1, 0])
            self.assertEqual(lines[0]["reason"], "hint:nav")


if __name__ == "__main__":
    unittest.main()
