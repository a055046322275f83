"""The html stage through the ctypes binding."""
import os
import sys
import threading
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, os.pardir, os.pardir))
sys.path.insert(0, os.path.join(ROOT, "examples", "python"))

import scrub  # noqa: E402

PAGE = ("<html lang='fr'><head><title>Bonjour  le monde</title>"
        "<meta name='description' content='Une page'>"
        "<link rel='canonical' href='https://ex.test/bonjour'>"
        "<meta property='article:published_time' content='2024-05-06'></head>"
        "<body><nav><a href='/'>Accueil</a></nav><h1>Bonjour le monde</h1>"
        "<p>Il était une <b>fois</b>&nbsp;!</p><script>no()</script>"
        "<table><tr><td>a</td><td>b</td></tr></table></body></html>")


class HtmlTest(unittest.TestCase):
    def test_text_and_details(self):
        with scrub.Ctx() as ctx:
            text = ctx.html_to_text(PAGE.encode("utf-8"), "utf-8")
            self.assertEqual(text, "Accueil\nBonjour le monde\nIl était une fois\u00a0!\na\tb\n")
            self.assertEqual(ctx.html_title(), "Bonjour le monde")
            self.assertEqual(ctx.html_meta(), {
                "title": "Bonjour le monde", "lang": "fr", "description": "Une page",
                "published": "2024-05-06", "canonical": "https://ex.test/bonjour"})
            hints = ctx.html_line_hints()
            self.assertEqual(len(hints), 4)
            self.assertEqual(hints[0] & scrub.HINT_FLAGS_MASK, scrub.HINT_IN_NAV)
            self.assertEqual(scrub.hint_link_share(hints[0]), 1.0)
            self.assertEqual(hints[1], scrub.HINT_HEADING | scrub.HINT_TITLE)
            self.assertEqual(hints[3], scrub.HINT_TABLE)
            # the details belong to the last call
            ctx.html_to_text("<p>plain</p>", flags=scrub.HTML_UTF8)
            self.assertIsNone(ctx.html_title())
            self.assertEqual(ctx.html_line_hints(), [0])

    def test_legacy_charset_bytes(self):
        page = "<p>Кракозябры</p>".encode("koi8-r")
        with scrub.Ctx() as ctx:
            self.assertEqual(ctx.html_to_text(page, "koi8-r"), "Кракозябры\n")

    def test_errors_raise(self):
        with scrub.Ctx() as ctx:
            ctx.set(scrub.PARAM_MAX_INPUT, 10)
            with self.assertRaises(scrub.ScrubError) as cm:
                ctx.html_to_text(PAGE)
            self.assertEqual(cm.exception.status, scrub.E_TOO_LARGE)
            self.assertIn("MAX_INPUT", str(cm.exception))
            with self.assertRaises(scrub.ScrubError) as cm:
                ctx.html_to_text("<p>x</p>", flags=1 << 9)
            self.assertEqual(cm.exception.status, scrub.E_INVALID_ARG)
            self.assertEqual(ctx.html_line_hints(), [])

    def test_shortcut_per_thread(self):
        results = []

        def work(i):
            results.append(scrub.html_to_text("<p>n%d</p>" % i, flags=scrub.HTML_UTF8))

        threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(results), ["n0\n", "n1\n", "n2\n", "n3\n"])


if __name__ == "__main__":
    unittest.main()
