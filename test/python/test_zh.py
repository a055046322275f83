"""Python binding of the zh stage."""
import os
import sys
import threading
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, os.pardir, os.pardir))
sys.path.insert(0, os.path.join(ROOT, "examples", "python"))

import scrub  # noqa: E402


class ZhBindingTest(unittest.TestCase):
    def test_convert(self):
        with scrub.Ctx() as ctx:
            self.assertEqual(ctx.zh_convert("这个软件", "tw", "hans", scrub.ZH_PHRASES),
                             "這個軟體\n")
            self.assertEqual(ctx.zh_convert("頭髮", scrub.ZH_HANS), "头发\n")
            self.assertEqual(ctx.zh_convert(b"\xff\xe5\x8f\x91", "hant", "hans"), "\ufffd發\n")
            self.assertEqual(ctx.replacements, 1)

    def test_errors(self):
        with scrub.Ctx() as ctx:
            with self.assertRaises(scrub.ScrubError) as cm:
                ctx.zh_convert("x", "auto")
            self.assertEqual(cm.exception.status, scrub.E_INVALID_ARG)
            with self.assertRaises(scrub.ScrubError):
                ctx.zh_convert("x", "hans", flags=1 << 20)
            with self.assertRaises(ValueError):
                ctx.zh_convert("x", "klingon")

    def test_detect(self):
        self.assertEqual(scrub.zh_detect("我們的頭髮"), ("hant", 1.0))
        script, share = scrub.zh_detect("我们的头发和經濟发展")
        self.assertEqual(script, "mixed")
        self.assertTrue(0.5 < share < 0.9)
        self.assertEqual(scrub.zh_detect(""), ("none", 0.0))

    def test_threads(self):
        results = []

        def work():
            results.append(scrub.zh_convert("发展" * 1000, "hant", "hans"))

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(results, ["發展" * 1000 + "\n"] * 4)


if __name__ == "__main__":
    unittest.main()
