"""The scrub tool's dispatcher: --version, --help, usage errors."""
import re
import unittest

from toolutil import ROOT, run


class DispatcherTest(unittest.TestCase):
    def test_version(self):
        status, out, _ = run("--version")
        self.assertEqual(status, 0)
        with open(ROOT + "/include/scrub.h") as f:
            text = f.read()
        version = ".".join(re.search(r"#define SCRUB_VERSION_%s (\d+)" % k, text).group(1)
                           for k in ("MAJOR", "MINOR", "PATCH"))
        self.assertTrue(out.decode().startswith("scrub " + version + " "), out)

    def test_help_lists_commands(self):
        status, out, _ = run("--help")
        self.assertEqual(status, 0)
        for cmd in ("detect", "decode", "html", "fix", "zh", "filter", "clean"):
            self.assertRegex(out.decode(), r"\n  %s +\S" % cmd)

    def test_usage_errors_exit_2(self):
        status, out, err = run()
        self.assertEqual(status, 2)
        status, out, err = run("no-such-command")
        self.assertEqual(status, 2)
        self.assertEqual(out, b"")
        self.assertIn("unknown command 'no-such-command'", err)
        self.assertEqual(err.count("\n"), 1)


if __name__ == "__main__":
    unittest.main()
