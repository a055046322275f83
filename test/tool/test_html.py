"""`scrub html`: text lines, --title, --charset, exit statuses."""
import os
import tempfile
import unittest

from toolutil import SHARED, run

PAGE = ("<html><head><title>Le  titre</title></head><body>"
        "<p>premier</p><p>second &amp; dernier</p></body></html>").encode("utf-8")


class HtmlToolTest(unittest.TestCase):
    def test_stdin_and_title(self):
        status, out, err = run("html", stdin=PAGE)
        self.assertEqual((status, err), (0, ""))
        self.assertEqual(out, "premier\nsecond & dernier\n".encode())
        status, out, err = run("html", "--title", "-", stdin=PAGE)
        self.assertEqual(status, 0)
        self.assertEqual(out, "Le titre\npremier\nsecond & dernier\n".encode())

    def test_charset_option(self):
        page = "<p>Grüße aus Köln</p>".encode("cp1252")
        with tempfile.NamedTemporaryFile(suffix=".html") as f:
            f.write(page)
            f.flush()
            status, out, err = run("html", "--charset=windows-1252", f.name)
            self.assertEqual((status, err), (0, ""))
            self.assertEqual(out, "Grüße aus Köln\n".encode())
            status, out, err = run("html", "--charset", "iso-8859-1", f.name)
            self.assertEqual(out, "Grüße aus Köln\n".encode())

    def test_real_page(self):
        path = os.path.join(SHARED, "testdata", "html", "unfurl", "html_4.html")
        if not os.path.exists(path):
            self.skipTest("%s not found (the ../shared corpora are not present)" % path)
        status, out, err = run("html", "--title", path)
        self.assertEqual((status, err), (0, ""))
        self.assertTrue(out.decode("utf-8").startswith("腾讯首页\n"), out[:60])

    def test_failures(self):
        status, out, err = run("html", "/nonexistent/page.html")
        self.assertEqual(status, 1)
        self.assertEqual(out, b"")
        self.assertIn("/nonexistent/page.html", err)
        status, out, err = run("html", "--bogus")
        self.assertEqual(status, 2)
        self.assertEqual(err.count("\n"), 1)
        status, out, err = run("html", "a.html", "b.html")
        self.assertEqual(status, 2)
        self.assertEqual(err.count("\n"), 1)

    def test_help(self):
        status, out, err = run("html", "--help")
        self.assertEqual(status, 0)
        self.assertIn(b"--charset=LABEL", out)


if __name__ == "__main__":
    unittest.main()
