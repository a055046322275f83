"""The decode stage through the ctypes binding."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, os.pardir, os.pardir))
sys.path.insert(0, os.path.join(ROOT, "examples", "python"))

import scrub  # noqa: E402


class DecodeTest(unittest.TestCase):
    def test_decode_with_declaration(self):
        with scrub.Ctx() as ctx:
            text = ctx.decode("镕 堃 我们".encode("gbk"), "text/html; charset=gb2312")
            self.assertEqual(text, "镕 堃 我们")
            self.assertEqual(ctx.decode_charset, "gb18030")
            self.assertEqual(ctx.decode_source, scrub.CHARSET_DECLARED)
            self.assertFalse(ctx.decode_overridden)
            self.assertEqual(ctx.decode_declared, "gb18030")
            self.assertEqual(ctx.decode_replaced_bytes, 0)

    def test_override_and_replacements(self):
        with scrub.Ctx() as ctx:
            self.assertEqual(ctx.decode("中文页面".encode("utf-8"), "gbk"), "中文页面")
            self.assertTrue(ctx.decode_overridden)
            self.assertEqual(ctx.decode_charset, "utf-8")
            self.assertEqual(ctx.decode(b"ab\xe4\xb8", "utf-8"), "ab\ufffd")
            self.assertEqual(ctx.replacements, 1)
            self.assertEqual(ctx.decode_replaced_bytes, 2)

    def test_detect_and_labels(self):
        name, conf = scrub.detect_charset("Привет, как дела? Всё хорошо.".encode("koi8_r"))
        self.assertEqual(name, "koi8-r")
        self.assertTrue(0 <= conf <= 100)
        self.assertEqual(scrub.charset_name("Latin1"), "windows-1252")
        self.assertIsNone(scrub.charset_name("nope"))
        self.assertEqual(scrub.decode(b"\xef\xbb\xbfabc"), "abc")

    def test_errors_raise(self):
        with scrub.Ctx() as ctx:
            ctx.set(scrub.PARAM_MAX_INPUT, 2)
            with self.assertRaises(scrub.ScrubError) as cm:
                ctx.decode(b"abc")
            self.assertEqual(cm.exception.status, scrub.E_TOO_LARGE)
            self.assertIsNone(ctx.decode_charset)


if __name__ == "__main__":
    unittest.main()
