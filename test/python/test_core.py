"""The ctypes binding against the built shared library (SCRUB_LIBRARY)."""
import ctypes
import os
import re
import sys
import threading
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, os.pardir, os.pardir))
sys.path.insert(0, os.path.join(ROOT, "examples", "python"))

import scrub  # noqa: E402


def header_version():
    with open(os.path.join(ROOT, "include", "scrub.h"), encoding="utf-8") as f:
        text = f.read()
    parts = [re.search(r"#define SCRUB_VERSION_%s (\d+)" % k, text).group(1)
             for k in ("MAJOR", "MINOR", "PATCH")]
    return ".".join(parts)


class CoreTest(unittest.TestCase):
    def test_version_matches_header(self):
        self.assertEqual(scrub.version(), header_version())
        major, minor, patch = (int(x) for x in header_version().split("."))
        self.assertEqual(scrub.version_number(), major * 10000 + minor * 100 + patch)
        self.assertIn("ICU", scrub.build_info())

    def test_every_function_declared(self):
        # Every exported symbol has argtypes/restype set by the binding.
        with open(os.path.join(ROOT, "test", "abi", "exported-symbols.txt")) as f:
            names = [l.strip() for l in f if l.strip() and not l.startswith("#")]
        for name in names:
            fn = getattr(scrub._lib, name)
            self.assertIsNotNone(fn.argtypes, name + " has no argtypes")
            if fn.restype is ctypes.c_char_p:
                # a c_char_p restype would leak an owned buffer: only static
                # strings may use it
                self.assertTrue(name in scrub._STATIC_STRING_FUNCS, name)

    def test_params_and_errors(self):
        with scrub.Ctx() as ctx:
            self.assertEqual(ctx.get(scrub.PARAM_MAX_INPUT), 256 << 20)
            ctx.set(scrub.PARAM_MAX_INPUT, 1000)
            self.assertEqual(ctx.get(scrub.PARAM_MAX_INPUT), 1000)
            with self.assertRaises(scrub.ScrubError) as cm:
                ctx.set(12345, 1)
            self.assertEqual(cm.exception.status, scrub.E_INVALID_ARG)
            self.assertIn("unknown parameter 12345", str(cm.exception))
            ctx.reset()
            self.assertEqual(ctx.get(scrub.PARAM_MAX_INPUT), 256 << 20)
        with self.assertRaises(ValueError):
            ctx.get(scrub.PARAM_MAX_INPUT)

    def test_strerror(self):
        self.assertEqual(scrub.strerror(scrub.E_NOMEM), "out of memory")
        self.assertEqual(scrub.strerror(-999), "unknown status")

    def test_finds_checkout_build_without_env(self):
        import glob
        import subprocess
        libs = glob.glob(os.path.join(ROOT, "build", "lib", "libscrub.so.0.*"))
        if not libs:
            self.skipTest("no build/lib in this checkout")
        env = dict(os.environ)
        env.pop("SCRUB_LIBRARY", None)
        code = ("import scrub; print([l.split()[-1] for l in open('/proc/self/maps')"
                " if 'libscrub' in l][0])")
        out = subprocess.run([sys.executable, "-c", code], env=env, check=True,
                             cwd=os.path.join(ROOT, "examples", "python"),
                             stdout=subprocess.PIPE).stdout.decode().strip()
        self.assertEqual(os.path.dirname(out), os.path.join(ROOT, "build", "lib"))

    def test_thread_local_contexts(self):
        # Keep each thread's context alive until the comparison, so a freed
        # context's address cannot be reused by the next thread's.
        seen = []

        def work():
            seen.append(scrub._thread_ctx())

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len({ctx.handle for ctx in seen}), 4)


if __name__ == "__main__":
    unittest.main()
