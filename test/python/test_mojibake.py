"""Python binding of the mojibake stage."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), os.pardir, os.pardir, "examples", "python"))
import scrub  # noqa: E402


class MojibakeTest(unittest.TestCase):
    def test_fix_and_details(self):
        with scrub.Ctx() as ctx:
            bad = "Le café".encode("utf-8").decode("cp1252")
            self.assertEqual(ctx.fix_mojibake("ok\n" + bad), "ok\nLe café\n")
            reps = ctx.mojibake_repairs()
            self.assertEqual(len(reps), 1)
            start, end, name = reps[0]
            self.assertEqual(name, "utf-8 read as windows-1252")
            self.assertEqual(("ok\n" + bad).encode()[start:end].decode(), "Ã©")
            self.assertTrue(ctx.mojibake_saw() & scrub.MOJIBAKE_SAW_REPAIR)

    def test_cjk_and_artifacts(self):
        gbk = "北京市人民政府新闻办公室".encode("gbk").decode("latin-1")
        self.assertEqual(scrub.fix_mojibake(gbk), "北京市人民政府新闻办公室\n")
        with scrub.Ctx() as ctx:
            self.assertEqual(ctx.fix_mojibake("醫(yī)院&#20013;", scrub.FIX_ALL), "醫院中\n")
            self.assertEqual(ctx.mojibake_artifacts(scrub.ARTIFACT_PINYIN), 1)
            self.assertEqual(ctx.mojibake_artifacts(scrub.ARTIFACT_ENTITY), 1)

    def test_score_and_errors(self):
        self.assertEqual(scrub.mojibake_score("干净的中文句子。"), 0.0)
        self.assertGreater(scrub.mojibake_score("CafÃ© crÃ¨me"), 0.5)
        with scrub.Ctx() as ctx:
            with self.assertRaises(scrub.ScrubError) as cm:
                ctx.fix_mojibake("x", 1 << 20)
            self.assertEqual(cm.exception.status, scrub.E_INVALID_ARG)


if __name__ == "__main__":
    unittest.main()
