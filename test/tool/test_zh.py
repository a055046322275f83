"""`scrub zh`: conversion, detection, usage errors."""
import os
import tempfile
import unittest

from toolutil import SHARED, run


class ZhToolTest(unittest.TestCase):
    def test_convert_line_per_line(self):
        status, out, err = run("zh", "--to=tw", "--phrases", stdin="这个软件\r\n头发\n\n发展".encode())
        self.assertEqual(status, 0, err)
        self.assertEqual(out.decode(), "這個軟體\n頭髮\n\n發展\n")

    def test_from_matters(self):
        _, tw, _ = run("zh", "--from=tw", "--to=hans", stdin="他笑著說".encode())
        _, hant, _ = run("zh", "--from", "hant", "--to", "hans", stdin="他笑著說".encode())
        self.assertEqual(tw.decode(), "他笑着说\n")
        self.assertEqual(hant.decode(), "他笑著说\n")

    def test_greedy_flag(self):
        _, lattice, _ = run("zh", "--from=hans", "--to=hant", stdin="被发明".encode())
        _, greedy, _ = run("zh", "--from=hans", "--to=hant", "--greedy", stdin="被发明".encode())
        self.assertEqual(lattice.decode(), "被發明\n")
        self.assertEqual(greedy.decode(), "被髮明\n")

    def test_detect(self):
        status, out, _ = run("zh", "--detect", stdin="我们的头发和经济发展".encode())
        self.assertEqual(status, 0)
        self.assertEqual(out.decode(), "hans\t1.000\n")
        _, out, _ = run("zh", "--detect", stdin="我们的头发和經濟发展".encode())
        script, share = out.decode().rstrip("\n").split("\t")
        self.assertEqual(script, "mixed")
        self.assertRegex(share, r"^0\.\d{3}$")
        _, out, _ = run("zh", "--detect", stdin=b"plain ASCII")
        self.assertEqual(out.decode(), "none\t0.000\n")

    def test_files_and_failures(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "a.txt")
            with open(path, "wb") as f:
                f.write("頭髮".encode())
            status, out, err = run("zh", "--to=hans", path, os.path.join(d, "missing"), path)
            self.assertEqual(status, 1)
            self.assertEqual(out.decode(), "头发\n头发\n")
            self.assertIn("missing", err)

    def test_usage_errors(self):
        for args in (("zh",), ("zh", "--to=xx"), ("zh", "--to=hans", "--from=yy"),
                     ("zh", "--to=auto"), ("zh", "--to=hans", "--bogus"),
                     ("zh", "--detect", "--to=hans")):
            status, out, err = run(*args)
            self.assertEqual(status, 2, args)
            self.assertEqual(out, b"")
            self.assertEqual(err.count("\n"), 1, err)

    def test_help(self):
        status, out, _ = run("zh", "--help")
        self.assertEqual(status, 0)
        self.assertIn("--detect", out.decode())

    def test_golden_greedy(self):
        src = os.path.join(SHARED, "testdata/opencc/golden/input/us_constitution_zhs.txt")
        want = os.path.join(SHARED, "testdata/opencc/golden/output/us_constitution_zhs.s2twp.txt")
        if not os.path.exists(src):
            self.skipTest("../shared not present")
        status, out, _ = run("zh", "--from=hans", "--to=tw", "--phrases", "--greedy", src)
        self.assertEqual(status, 0)
        with open(want, "rb") as f:
            self.assertEqual(out, f.read())


if __name__ == "__main__":
    unittest.main()
