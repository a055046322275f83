"""`scrub fix`: repairs, --explain, --entities, exit statuses."""
import os
import tempfile
import unittest

from toolutil import SHARED, run


def mojibake(text, enc, dec):
    return text.encode(enc).decode(dec)


class FixTest(unittest.TestCase):
    def test_repairs_line_by_line(self):
        lines = ["clean line", mojibake("Le café est fermé", "utf-8", "cp1252"),
                 mojibake("我们今天下午去北京参观了国家博物馆", "gbk", "latin-1"), ""]
        status, out, err = run("fix", stdin="\n".join(lines).encode())
        self.assertEqual(status, 0, err)
        self.assertEqual(out.decode().split("\n"),
                         ["clean line", "Le café est fermé", "我们今天下午去北京参观了国家博物馆", ""])

    def test_explain(self):
        text = "ok\nx CafÃ© y\n"
        status, out, err = run("fix", "--explain", stdin=text.encode())
        self.assertEqual(status, 0)
        self.assertEqual(out.decode(), "ok\nx Café y\n")
        self.assertEqual(err, "2\t5\t7\tutf-8 read as windows-1252\n")

    def test_entities_and_artifacts(self):
        text = "醫(yī)院 a&amp;nbsp;b zero\u200bwidth\n"
        status, out, _ = run("fix", stdin=text.encode())
        self.assertEqual(out.decode(), "醫院 a&amp;nbsp;b zerowidth\n")
        status, out, _ = run("fix", "--entities", stdin=text.encode())
        self.assertEqual(out.decode(), "醫院 a\u00a0b zerowidth\n")

    def test_file_and_errors(self):
        with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
            f.write(mojibake("Grüße", "utf-8", "mac_roman").encode() + b"\r\n")
        try:
            status, out, _ = run("fix", f.name)
            self.assertEqual((status, out.decode()), (0, "Grüße\n"))
        finally:
            os.unlink(f.name)
        status, out, err = run("fix", "/no/such/file")
        self.assertEqual(status, 1)
        self.assertEqual(err.count("\n"), 1)
        status, out, err = run("fix", "--bogus")
        self.assertEqual(status, 2)
        self.assertEqual(err.count("\n"), 1)
        status, out, err = run("fix", "a", "b")
        self.assertEqual(status, 2)

    def test_seed_annotations(self):
        path = os.path.join(SHARED, "seeds", "003_deff538706a06b0e.txt")
        if not os.path.exists(path):
            self.skipTest("../shared is not present")
        status, out, _ = run("fix", path)
        self.assertEqual(status, 0)
        text = out.decode()
        with open(path, encoding="utf-8") as f:
            src = f.read()
        self.assertEqual(text.count("\n"), len(src.rstrip("\n").split("\n")))
        self.assertNotIn("(yī)", text)
        self.assertIn("(羅洪波\u00a0 李紅娟)", text)


if __name__ == "__main__":
    unittest.main()
