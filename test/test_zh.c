/* test_zh.c -- the zh stage: Simplified/Traditional conversion and script
 * detection.  Fixtures are sentences written for these tests; OpenCC's own
 * test cases and golden files are read from ../shared when present. */
#include "test_util.h"

#include <stdbool.h>
#include <stdint.h>

/* white-box: the growth the tables can reach (lib/zh.c) */
double scrub__zh_growth_bound(void);

/* ---- helpers ---------------------------------------------------------------- */

static char *conv(scrub_ctx *ctx, const char *in, size_t len, int from, int to, unsigned flags,
                  size_t *out_len)
{
    char *out = NULL;
    size_t n = 0;
    int rc = scrub_zh_convert(ctx, in, len, from, to, flags, &out, &n);
    ck_assert_msg(rc == SCRUB_OK, "convert failed: %d (%s)", rc, scrub_ctx_errmsg(ctx));
    if (out_len) *out_len = n;
    return out;
}

/* Converts a one-line fixture and compares (the output ends with LF). */
static void expect(int from, int to, unsigned flags, const char *in, const char *want)
{
    scrub_ctx *ctx = scrub_ctx_new();
    size_t n;
    char *out = conv(ctx, in, strlen(in), from, to, flags, &n);
    char buf[1024];
    snprintf(buf, sizeof buf, "%s\n", want);
    ck_assert_mem_eq_str(out, n, buf);
    scrub_free(out);
    scrub_ctx_free(ctx);
}

/* ---- each direction ------------------------------------------------------ */

START_TEST(test_directions)
{
    /* Simplified -> Traditional; the regional forms differ */
    expect(SCRUB_ZH_HANS, SCRUB_ZH_HANT, 0, "我们的头发和经济发展", "我們的頭髮和經濟發展");
    expect(SCRUB_ZH_HANS, SCRUB_ZH_TW, 0, "为什么台湾的软件着急", "為什麼臺灣的軟件著急");
    expect(SCRUB_ZH_HANS, SCRUB_ZH_TW, SCRUB_ZH_PHRASES, "这个软件的打印机", "這個軟體的印表機");
    expect(SCRUB_ZH_HANS, SCRUB_ZH_HK, 0, "他说卫生很重要", "他説衞生很重要");
    /* Traditional -> Simplified */
    expect(SCRUB_ZH_HANT, SCRUB_ZH_HANS, 0, "我們的頭髮和經濟發展", "我们的头发和经济发展");
    expect(SCRUB_ZH_TW, SCRUB_ZH_HANS, SCRUB_ZH_PHRASES, "這個軟體的印表機", "这个软件的打印机");
    expect(SCRUB_ZH_HK, SCRUB_ZH_HANS, 0, "他説衞生很重要", "他说卫生很重要");
    /* Traditional variants among themselves */
    expect(SCRUB_ZH_HANT, SCRUB_ZH_TW, 0, "爲什麼衆人着急", "為什麼眾人著急");
    expect(SCRUB_ZH_TW, SCRUB_ZH_HANT, 0, "為什麼眾人", "爲什麼衆人");
    expect(SCRUB_ZH_HANT, SCRUB_ZH_HK, 0, "衛生說明", "衞生説明");
    expect(SCRUB_ZH_HK, SCRUB_ZH_HANT, 0, "衞生説明", "衛生說明");
    expect(SCRUB_ZH_TW, SCRUB_ZH_HK, 0, "為什麼說", "為什麼説");
    expect(SCRUB_ZH_HK, SCRUB_ZH_TW, 0, "爲什麼説", "為什麼說");
    /* same variant: only compatibility ideographs change */
    expect(SCRUB_ZH_HANS, SCRUB_ZH_HANS, 0, "头发 \xEF\xA4\x80", "头发 \xE8\xB1\x88");
}
END_TEST

/* The source matters: the same Traditional text read as Taiwan or as
 * Hong Kong convention converts differently. */
START_TEST(test_source_matters)
{
    /* Taiwan writes 著 for the particle (看著), OpenCC's standard 着 */
    expect(SCRUB_ZH_TW, SCRUB_ZH_HANS, 0, "他笑著說", "他笑着说");
    expect(SCRUB_ZH_HANT, SCRUB_ZH_HANS, 0, "他笑著說", "他笑著说");
    /* Hong Kong 衞 vs standard 衛 */
    expect(SCRUB_ZH_HK, SCRUB_ZH_HANT, 0, "衞", "衛");
    expect(SCRUB_ZH_TW, SCRUB_ZH_HANT, 0, "衞", "衞");
}
END_TEST

START_TEST(test_auto_mixed)
{
    /* half-converted line: both scripts in one line */
    expect(SCRUB_ZH_AUTO, SCRUB_ZH_HANS, 0, "头发與發展，衞生和軟體", "头发与发展，卫生和软体");
    expect(SCRUB_ZH_AUTO, SCRUB_ZH_HANT, 0, "头发與發展", "頭髮與發展");
    expect(SCRUB_ZH_AUTO, SCRUB_ZH_TW, 0, "台湾的软件与發展", "臺灣的軟件與發展");
    /* a Traditional line stays as it is on the way to Traditional */
    expect(SCRUB_ZH_AUTO, SCRUB_ZH_HANT, 0, "乾燥的天氣", "乾燥的天氣");
    expect(SCRUB_ZH_AUTO, SCRUB_ZH_TW, 0, "爲什麼", "為什麼");
    /* Simplified input passes through to Simplified */
    expect(SCRUB_ZH_AUTO, SCRUB_ZH_HANS, 0, "为什么这么好", "为什么这么好");
    /* lines are decided one by one */
    scrub_ctx *ctx = scrub_ctx_new();
    const char *in = "干燥的天气\n乾燥的天氣\n";
    size_t n;
    char *out = conv(ctx, in, strlen(in), SCRUB_ZH_AUTO, SCRUB_ZH_HANT, 0, &n);
    ck_assert_mem_eq_str(out, n, "乾燥的天氣\n乾燥的天氣\n");
    scrub_free(out);
    scrub_ctx_free(ctx);
}
END_TEST

/* Plans of two steps convert only windows around possible key starts
 * with the general path: keys at the start, the end and the middle of a
 * line, and a key that starts with ASCII, must still match. */
START_TEST(test_windows)
{
    expect(SCRUB_ZH_AUTO, SCRUB_ZH_HANS, SCRUB_ZH_PHRASES, "B型肝炎患者", "乙型肝炎患者");
    expect(SCRUB_ZH_TW, SCRUB_ZH_HANS, SCRUB_ZH_PHRASES, "患者有B型肝炎", "患者有乙型肝炎");
    expect(SCRUB_ZH_TW, SCRUB_ZH_HANS, 0, "B型肝炎", "B型肝炎");
    expect(SCRUB_ZH_AUTO, SCRUB_ZH_HANS, 0, "一目瞭然", "一目了然");
    expect(SCRUB_ZH_AUTO, SCRUB_ZH_HANS, 0, "報告說一目瞭然，真的。", "报告说一目了然，真的。");
    expect(SCRUB_ZH_AUTO, SCRUB_ZH_HANS, SCRUB_ZH_GREEDY, "大家都說一目瞭然",
           "大家都说一目了然");
    expect(SCRUB_ZH_HK, SCRUB_ZH_HANS, 0, "大家都說一目瞭然", "大家都说一目了然");
    /* a key of 3+ characters opens its window only where its third
     * character follows: 壺裏乾坤 (TSPhrases) keeps 乾, 壺裏乾淨 does not */
    expect(SCRUB_ZH_AUTO, SCRUB_ZH_HANS, 0, "他說壺裏乾坤大，壺裏乾淨", "他说壶里乾坤大，壶里干净");
    expect(SCRUB_ZH_AUTO, SCRUB_ZH_HANS, SCRUB_ZH_GREEDY, "他說壺裏乾坤大，壺裏乾淨",
           "他说壶里乾坤大，壶里干净");
    /* 2-byte characters in no key are copied; the middle dot of
     * transcribed names is in keys and still matches */
    expect(SCRUB_ZH_AUTO, SCRUB_ZH_HANS, 0, "über乾坤再造，café乾坤大挪移", "über乾坤再造，café乾坤大挪移");
    expect(SCRUB_ZH_AUTO, SCRUB_ZH_HANS, SCRUB_ZH_PHRASES, "é的克林·伊斯威特，ü",
           "é的克林特·伊斯特伍德，ü");
    expect(SCRUB_ZH_TW, SCRUB_ZH_HANS, SCRUB_ZH_PHRASES, "é的克林·伊斯威特，ü",
           "é的克林特·伊斯特伍德，ü");
}
END_TEST

/* Keys that start with ASCII (TWPhrases: B超, U盤, SQL注入; TWPhrasesRev:
 * B型肝炎) match wherever they start, as in OpenCC, also on the one-group
 * fast path that copies ASCII runs in bulk. */
START_TEST(test_ascii_initial_keys)
{
    unsigned modes[] = {SCRUB_ZH_PHRASES, SCRUB_ZH_PHRASES | SCRUB_ZH_GREEDY};
    for (size_t m = 0; m < 2; m++) {
        expect(SCRUB_ZH_HANT, SCRUB_ZH_TW, modes[m], "B超", "超音波");
        expect(SCRUB_ZH_HANT, SCRUB_ZH_TW, modes[m], "去做B超，再用U盤存下",
               "去做超音波，再用隨身碟存下");
        /* OpenCC matches inside ASCII words too: no word boundaries */
        expect(SCRUB_ZH_HANT, SCRUB_ZH_TW, modes[m], "防範MySQL注入攻擊",
               "防範MySQL隱碼攻擊");
        expect(SCRUB_ZH_TW, SCRUB_ZH_HANT, modes[m], "x B型肝炎 B肝", "x 乙型肝炎 乙肝");
        expect(SCRUB_ZH_HANS, SCRUB_ZH_TW, modes[m], "B超", "超音波");
        /* without the flag there is no phrase table: unchanged */
        expect(SCRUB_ZH_HANT, SCRUB_ZH_TW, modes[m] & ~SCRUB_ZH_PHRASES, "B超", "B超");
    }
}
END_TEST

/* Most STPhrases keys give what their characters give on their own (爆发 ->
 * 爆發), and s2t's plain run copies those results without matching them;
 * but such a key still decides where the matching lands, and blocks a key
 * that would change the text (爆发|质量, not 爆|发质 -> 髮質).  Sentences
 * from gne-zh-news where that happens, in both modes, and the same lines
 * through the code-point path (a compatibility ideograph on the line sends
 * it there), which matches every key. */
START_TEST(test_unchanging_keys_block)
{
    static const char *const both[][2] = {
        {"公司多个项目爆发质量问题", "公司多個項目爆發質量問題"},
        {"记者梳理发现，有不少", "記者梳理發現，有不少"},
        {"在体系结构、编译", "在體系結構、編譯"},
        {"积极探索适合中国的集成", "積極探索適合中國的集成"},
        {"王小云生于山东诸城。", "王小云生於山東諸城。"},
        {"她突然有种放声大哭的冲动", "她突然有種放聲大哭的衝動"},
        {"暂时的告别只为了再遇见", "暫時的告別只爲了再遇見"},
    };
    unsigned modes[] = {0, SCRUB_ZH_GREEDY};
    for (size_t m = 0; m < 2; m++)
        for (size_t i = 0; i < sizeof both / sizeof both[0]; i++)
            expect(SCRUB_ZH_HANS, SCRUB_ZH_HANT, modes[m], both[i][0], both[i][1]);
    /* greedy only: 的核 and 初发 block 核实 and 发布 (-> 覈實, 發佈, which the
     * lattice takes: the same number of segments, the later word) */
    expect(SCRUB_ZH_HANS, SCRUB_ZH_HANT, SCRUB_ZH_GREEDY, "不能省略必要的核实程序",
           "不能省略必要的核實程序");
    expect(SCRUB_ZH_HANS, SCRUB_ZH_HANT, SCRUB_ZH_GREEDY, "是今年年初发布的三星S10",
           "是今年年初發布的三星S10");
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t m = 0; m < 2; m++) {
        for (size_t i = 0; i < sizeof both / sizeof both[0]; i++) {
            char line[256];
            snprintf(line, sizeof line, "%s \xEF\xA4\x80", both[i][0]); /* U+F900 */
            size_t n1, n2;
            char *fast = conv(ctx, both[i][0], strlen(both[i][0]), SCRUB_ZH_HANS, SCRUB_ZH_HANT,
                              modes[m], &n1);
            char *slow = conv(ctx, line, strlen(line), SCRUB_ZH_HANS, SCRUB_ZH_HANT, modes[m],
                              &n2);
            ck_assert_uint_gt(n2, n1);
            ck_assert_msg(memcmp(fast, slow, n1 - 1) == 0 && slow[n1 - 1] == ' ',
                          "fast and code-point paths differ on %s", both[i][0]);
            scrub_free(fast);
            scrub_free(slow);
        }
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* Lines of plain ASCII are copied in bulk: line ends, CR, MAX_LINE and
 * the ASCII characters that start keys must come out as line by line. */
START_TEST(test_ascii_lines)
{
    int plans[][2] = {{SCRUB_ZH_HANS, SCRUB_ZH_HANT}, {SCRUB_ZH_AUTO, SCRUB_ZH_HANS},
                      {SCRUB_ZH_HANT, SCRUB_ZH_TW},   {SCRUB_ZH_HANS, SCRUB_ZH_HANS},
                      {SCRUB_ZH_AUTO, SCRUB_ZH_TW}};
    for (size_t i = 0; i < sizeof plans / sizeof plans[0]; i++) {
        expect(plans[i][0], plans[i][1], 0, "abc\r\ndef\n\nx\ry\r\n头发 ok\nlast",
               plans[i][0] != SCRUB_ZH_HANT && plans[i][1] != SCRUB_ZH_HANS
                   ? "abc\ndef\n\nx\ry\n頭髮 ok\nlast"
                   : "abc\ndef\n\nx\ry\n头发 ok\nlast");
    }
    expect(SCRUB_ZH_HANT, SCRUB_ZH_TW, SCRUB_ZH_PHRASES, "plain\nB超\nplain", "plain\n超音波\nplain");
    /* lines of ASCII are copied in bulk even when they hold letters that
     * start keys; a key never spans a line break */
    expect(SCRUB_ZH_HANT, SCRUB_ZH_TW, SCRUB_ZH_PHRASES, "SQL B U\nB\n超\nSQL注入 U盤\nA B",
           "SQL B U\nB\n超\nSQL隱碼攻擊 隨身碟\nA B");
    scrub_ctx *ctx = scrub_ctx_new();
    char *out = (char *)1;
    size_t n;
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_MAX_LINE, 4), SCRUB_OK);
    ck_assert_status(scrub_zh_convert(ctx, "abcd\nabcde\n", 11, 0, 1, 0, &out, &n),
                     SCRUB_E_TOO_LARGE);
    ck_assert(strstr(scrub_ctx_errmsg(ctx), "byte 5") != NULL);
    ck_assert_status(scrub_zh_convert(ctx, "abcd\r\nab\n", 9, 0, 1, 0, &out, &n), SCRUB_OK);
    ck_assert_mem_eq_str(out, n, "abcd\nab\n");
    scrub_free(out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(test_non_bmp_and_unknown)
{
    /* Extension B entries of the tables, both ways */
    expect(SCRUB_ZH_HANS, SCRUB_ZH_HANT, 0, "\xF0\xA0\x80\xBE", "\xF0\xA0\x81\x9E");
    expect(SCRUB_ZH_HANT, SCRUB_ZH_HANS, 0, "\xF0\xA0\x81\x9E", "\xF0\xA0\x80\xBE");
    /* 𠮷 is in no table; emoji, Hangul, kana, Latin, Cyrillic unchanged */
    const char *other = "\xF0\xA0\xAE\xB7 \xF0\x9F\x98\x80 한국어 かな Stra\xC3\x9F" "e Жж";
    expect(SCRUB_ZH_HANS, SCRUB_ZH_HANT, 0, other, other);
    expect(SCRUB_ZH_HANT, SCRUB_ZH_HANS, 0, other, other);
    expect(SCRUB_ZH_AUTO, SCRUB_ZH_TW, SCRUB_ZH_PHRASES, other, other);
    /* compatibility ideograph in the supplementary plane: U+2F800 -> U+4E3D */
    expect(SCRUB_ZH_HANT, SCRUB_ZH_HANT, 0, "\xF0\xAF\xA0\x80", "\xE4\xB8\xBD");
}
END_TEST

START_TEST(test_invalid_utf8_and_lines)
{
    scrub_ctx *ctx = scrub_ctx_new();
    /* a lone continuation byte, a truncated 3-byte sequence at the end */
    const char in[] = "头发\x80和\r\n发展\xE5\x8F";
    size_t n;
    char *out = conv(ctx, in, sizeof in - 1, SCRUB_ZH_HANS, SCRUB_ZH_HANT, 0, &n);
    ck_assert_mem_eq_str(out, n, "頭髮\xEF\xBF\xBD和\n發展\xEF\xBF\xBD\n");
    ck_assert_uint_eq(scrub_ctx_replacements(ctx), 2);
    scrub_free(out);
    /* the greedy fast path counts the same */
    out = conv(ctx, in, sizeof in - 1, SCRUB_ZH_HANS, SCRUB_ZH_HANT, SCRUB_ZH_GREEDY, &n);
    ck_assert_mem_eq_str(out, n, "頭髮\xEF\xBF\xBD和\n發展\xEF\xBF\xBD\n");
    ck_assert_uint_eq(scrub_ctx_replacements(ctx), 2);
    scrub_free(out);
    /* a real U+FFFD is not a replacement; NUL bytes pass */
    const char in2[] = "\xEF\xBF\xBD\0发";
    out = conv(ctx, in2, sizeof in2 - 1, SCRUB_ZH_HANS, SCRUB_ZH_HANT, 0, &n);
    ck_assert_uint_eq(n, 8);
    ck_assert(memcmp(out, "\xEF\xBF\xBD\0\xE7\x99\xBC\n", 8) == 0);
    ck_assert_uint_eq(scrub_ctx_replacements(ctx), 0);
    scrub_free(out);
    /* empty input, empty output */
    out = conv(ctx, NULL, 0, SCRUB_ZH_AUTO, SCRUB_ZH_HANS, 0, &n);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(out[0], 0);
    scrub_free(out);
    scrub_ctx_free(ctx);
}
END_TEST

/* A line that ends in a byte of a cut-short character right after Han
 * characters: the pair matcher asks whether a key may cross there and must
 * not read past the caller's last byte (found by fuzz_zh_convert; the
 * sanitizer runs of make check catch a read past this exact-size buffer). */
START_TEST(test_cut_short_at_the_end)
{
    scrub_ctx *ctx = scrub_ctx_new();
    static const char *const tails[] = {"\x9D", "\xE8", "\xE8\xAF"};
    for (size_t k = 0; k < sizeof tails / sizeof tails[0]; k++) {
        size_t tail = strlen(tails[k]), len = strlen("说他") + tail;
        char *in = malloc(len); /* no NUL after the text: exactly its bytes */
        ck_assert_ptr_nonnull(in);
        memcpy(in, "说他", len - tail);
        memcpy(in + len - tail, tails[k], tail);
        for (unsigned greedy = 0; greedy <= SCRUB_ZH_GREEDY; greedy += SCRUB_ZH_GREEDY) {
            size_t n;
            char *out = conv(ctx, in, len, SCRUB_ZH_HANS, SCRUB_ZH_HANT, greedy, &n);
            ck_assert_mem_eq_str(out, n, "說他\xEF\xBF\xBD\n");
            ck_assert_uint_eq(scrub_ctx_replacements(ctx), 1);
            scrub_free(out);
        }
        free(in);
    }
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(test_width_and_quotes)
{
    expect(SCRUB_ZH_HANS, SCRUB_ZH_HANT, SCRUB_ZH_FOLD_WIDTH,
           "ＡＢＣ１２３！ ｶﾞｲﾄﾞ ﾊﾟﾝ 头发", "ABC123! ガイド パン 頭髮");
    expect(SCRUB_ZH_HANS, SCRUB_ZH_HANT, 0, "ＡＢＣ ｶﾞ", "ＡＢＣ ｶﾞ");
    expect(SCRUB_ZH_HANS, SCRUB_ZH_TW, SCRUB_ZH_QUOTES, "他说“你好‘朋友’”", "他說「你好『朋友』」");
    expect(SCRUB_ZH_TW, SCRUB_ZH_HANS, SCRUB_ZH_QUOTES, "他說「你好『朋友』」", "他说“你好‘朋友’”");
    expect(SCRUB_ZH_HANS, SCRUB_ZH_TW, 0, "“你好”", "“你好”");
}
END_TEST

START_TEST(test_errors)
{
    scrub_ctx *ctx = scrub_ctx_new();
    char *out = (char *)1;
    size_t n = 99;
    ck_assert_status(scrub_zh_convert(NULL, "a", 1, 0, 1, 0, &out, &n), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_zh_convert(ctx, "a", 1, 0, 1, 0, NULL, &n), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_zh_convert(ctx, NULL, 1, 0, 1, 0, &out, &n), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_zh_convert(ctx, "a", 1, 0, SCRUB_ZH_AUTO, 0, &out, &n),
                     SCRUB_E_INVALID_ARG);
    ck_assert_ptr_null(out);
    ck_assert_uint_eq(n, 0);
    ck_assert_status(scrub_zh_convert(ctx, "a", 1, 5, 1, 0, &out, &n), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_zh_convert(ctx, "a", 1, -1, 1, 0, &out, &n), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_zh_convert(ctx, "a", 1, 0, 1, 1u << 5, &out, &n), SCRUB_E_INVALID_ARG);
    ck_assert(strstr(scrub_ctx_errmsg(ctx), "flag") != NULL);
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_MAX_INPUT, 3), SCRUB_OK);
    ck_assert_status(scrub_zh_convert(ctx, "abcd", 4, 0, 1, 0, &out, &n), SCRUB_E_TOO_LARGE);
    /* MAX_LINE: the line length without its LF counts */
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_MAX_INPUT, 1000), SCRUB_OK);
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_MAX_LINE, 6), SCRUB_OK);
    ck_assert_status(scrub_zh_convert(ctx, "\xE5\x9C\x8B\xE5\xAE\xB6\n", 7, 0, 1, 0, &out, &n),
                     SCRUB_OK);
    ck_assert_mem_eq_str(out, n, "国家\n");
    scrub_free(out);
    ck_assert_status(scrub_zh_convert(ctx, "ab\n\xE5\x9C\x8B\xE5\xAE\xB6x\n", 10, 0, 1, 0, &out, &n),
                     SCRUB_E_TOO_LARGE);
    ck_assert_ptr_null(out);
    ck_assert(strstr(scrub_ctx_errmsg(ctx), "MAX_LINE") != NULL);
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_MAX_INPUT, 3), SCRUB_OK);
    int script;
    double share;
    ck_assert_status(scrub_zh_detect(ctx, "abcd", 4, &script, &share), SCRUB_E_TOO_LARGE);
    ck_assert_status(scrub_zh_detect(ctx, "a", 1, NULL, &share), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_zh_detect(NULL, "a", 1, &script, &share), SCRUB_E_INVALID_ARG);
    ck_assert_str_eq(scrub_zh_name(SCRUB_ZH_TW, 0), "tw");
    ck_assert_str_eq(scrub_zh_name(SCRUB_ZH_SCRIPT_MIXED, 1), "mixed");
    ck_assert_ptr_null(scrub_zh_name(7, 0));
    scrub_ctx_free(ctx);
}
END_TEST

static void detect_is(const char *text, int want, double min_share, double max_share)
{
    scrub_ctx *ctx = scrub_ctx_new();
    int script = -1;
    double share = -1;
    ck_assert_status(scrub_zh_detect(ctx, text, strlen(text), &script, &share), SCRUB_OK);
    ck_assert_msg(script == want, "%s: script %d, expected %d", text, script, want);
    ck_assert_msg(share >= min_share && share <= max_share, "%s: share %f", text, share);
    scrub_ctx_free(ctx);
}

START_TEST(test_detect)
{
    detect_is("我们的头发和经济发展都很好", SCRUB_ZH_SCRIPT_HANS, 1.0, 1.0);
    detect_is("我們的頭髮和經濟發展都很好", SCRUB_ZH_SCRIPT_HANT, 1.0, 1.0);
    /* 4 Simplified-only (们头发经) and 2 Traditional-only (發濟): mixed */
    detect_is("我们的头发和經濟发展", SCRUB_ZH_SCRIPT_MIXED, 0.6, 0.7);
    /* no deciding character: Latin, or Han both scripts share */
    detect_is("hello world", SCRUB_ZH_SCRIPT_NONE, 0, 0);
    detect_is("中文大小", SCRUB_ZH_SCRIPT_NONE, 0, 0);
    detect_is("", SCRUB_ZH_SCRIPT_NONE, 0, 0);
}
END_TEST

/* ---- greedy vs lattice on sentences written for this test ------------------- */

typedef struct {
    const char *in, *want; /* Simplified, and its correct Taiwan form */
} zh_pair;

/* Where OpenCC's greedy matching crosses a word boundary (the first ones are
 * from the issue and the research note, the rest were found by converting
 * web text both ways). */
static const zh_pair greedy_wrong[] = {
    {"这个装置被发明出来", "這個裝置被發明出來"},
    {"经全体一致同意后制定", "經全體一致同意後制定"},
    {"一部分合并组成新州", "一部分合併組成新州"},
    {"五分之一出席议员", "五分之一出席議員"},
    {"中国不断发力", "中國不斷發力"},
    {"开具虚假发票", "開具虛假發票"},
    {"掌上游戏机", "掌上遊戲機"},
    {"女科学家什么来头", "女科學家什麼來頭"},
    {"男生发生争执", "男生發生爭執"},
    {"大多采用新技术", "大多採用新技術"},
    {"手机制造商", "手機製造商"},
    {"他作了总结发言", "他作了總結發言"},
    {"会旗并合影留念", "會旗並合影留念"},
    {"查看回复", "查看回覆"},
    {"联手制服歹徒", "聯手制服歹徒"},
    {"受到大冲击", "受到大衝擊"},
    {"不准保释", "不准保釋"},
    {"与法律相冲突", "與法律相衝突"},
    {"传递回国内", "傳遞回國內"},
    {"陈校长几乎每天来", "陳校長幾乎每天來"},
    {"纪检监察干部", "紀檢監察幹部"},
    {"三万里河东入海", "三萬里河東入海"},
    {"杜拉拉升职记", "杜拉拉升職記"},
    {"夏梦系列", "夏夢系列"},
    {"黑面膜", "黑面膜"},
    {"爱上复仇公主", "愛上復仇公主"},
    {"河北征兵网", "河北徵兵網"},
    {"向员工致歉", "向員工致歉"},
    {"校内制度", "校內制度"},
    {"向全美发表讲话", "向全美發表講話"},
    {"基金发行回暖", "基金發行回暖"},
    {"执行复杂任务", "執行複雜任務"},
    {"剑桥大学制造业研究", "劍橋大學製造業研究"},
    {"产业保护发展经验", "產業保護發展經驗"},
    {"学生发起活动", "學生發起活動"},
    {"并发行新专辑", "並發行新專輯"},
};

/* Where the lattice goes wrong and greedy matching does not (found the same
 * way; many are a rare later word winning a tie, e.g. 于山 in 隐于山林). */
static const zh_pair lattice_wrong[] = {
    {"管理协调机制作用", "管理協調機制作用"},
    {"突击拉杆上篮", "突擊拉桿上籃"},
    {"不同于吉他", "不同於吉他"},
    {"人次出游来庆祝", "人次出遊來慶祝"},
    {"一支强干的团队", "一支強幹的團隊"},
    {"理想信念的因素", "理想信念的因素"},
    {"为了解决问题", "為了解決問題"},
    {"不隐于山林", "不隱於山林"},
    {"这个中国人", "這個中國人"},
    {"灵感来源于飞跃", "靈感來源於飛躍"},
    {"关于坚持和完善", "關於堅持和完善"},
    {"如果冲走了", "如果沖走了"},
    {"家里人已经知道", "家裡人已經知道"},
    {"十几天后", "十幾天後"},
    {"他还是个中学生", "他還是個中學生"},
    {"网站页面粉丝", "網站頁面粉絲"},
    {"大风刮过", "大風颳過"},
    {"进行复议", "進行復議"},
};

static int count_right(const zh_pair *set, size_t n, unsigned flags)
{
    scrub_ctx *ctx = scrub_ctx_new();
    int right = 0;
    char want[512];
    for (size_t i = 0; i < n; i++) {
        size_t len;
        char *out = conv(ctx, set[i].in, strlen(set[i].in), SCRUB_ZH_HANS, SCRUB_ZH_TW, flags, &len);
        snprintf(want, sizeof want, "%s\n", set[i].want);
        right += len == strlen(want) && memcmp(out, want, len) == 0;
        scrub_free(out);
    }
    scrub_ctx_free(ctx);
    return right;
}

START_TEST(test_segmentation_sentences)
{
    size_t ng = sizeof greedy_wrong / sizeof greedy_wrong[0];
    size_t nl = sizeof lattice_wrong / sizeof lattice_wrong[0];
    int g1 = count_right(greedy_wrong, ng, SCRUB_ZH_GREEDY), l1 = count_right(greedy_wrong, ng, 0);
    int g2 = count_right(lattice_wrong, nl, SCRUB_ZH_GREEDY), l2 = count_right(lattice_wrong, nl, 0);
    printf("zh segmentation sentences (s2tw): greedy right %d/%zu + %d/%zu = %d/%zu; "
           "lattice (default) right %d/%zu + %d/%zu = %d/%zu\n",
           g1, ng, g2, nl, g1 + g2, ng + nl, l1, ng, l2, nl, l1 + l2, ng + nl);
    /* the note's examples: greedy crosses the boundary, the lattice does not */
    expect(SCRUB_ZH_HANS, SCRUB_ZH_HANT, SCRUB_ZH_GREEDY, "被发明", "被髮明");
    expect(SCRUB_ZH_HANS, SCRUB_ZH_HANT, 0, "被发明", "被發明");
    ck_assert_int_gt(l1, g1);
    ck_assert_int_gt(g2, l2);
    ck_assert_int_gt(l1 + l2, g1 + g2);
}
END_TEST

/* ---- OpenCC's test cases and golden files (../shared) --------------------- */

/* A lenient reader for testcases.json: strings (with \u escapes), objects,
 * arrays, trailing commas.  Only what the file uses. */
typedef struct {
    const char *p, *end;
} json_in;

static void json_ws(json_in *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\r' || *j->p == '\t' ||
                             *j->p == ','))
        j->p++;
}

static unsigned json_hex4(const char *p)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v = v * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

/* Reads a string at j->p (on the opening quote) into a malloc'ed buffer. */
static char *json_string(json_in *j)
{
    ck_assert(*j->p == '"');
    j->p++;
    char *out = malloc((size_t)(j->end - j->p) + 1), *w = out;
    while (j->p < j->end && *j->p != '"') {
        if (*j->p != '\\') {
            *w++ = *j->p++;
            continue;
        }
        char e = j->p[1];
        j->p += 2;
        if (e == 'u') {
            unsigned cp = json_hex4(j->p);
            j->p += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && j->p[0] == '\\' && j->p[1] == 'u') {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (json_hex4(j->p + 2) - 0xDC00);
                j->p += 6;
            }
            if (cp < 0x80) {
                *w++ = (char)cp;
            } else if (cp < 0x800) {
                *w++ = (char)(0xC0 | (cp >> 6));
                *w++ = (char)(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                *w++ = (char)(0xE0 | (cp >> 12));
                *w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                *w++ = (char)(0x80 | (cp & 0x3F));
            } else {
                *w++ = (char)(0xF0 | (cp >> 18));
                *w++ = (char)(0x80 | ((cp >> 12) & 0x3F));
                *w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                *w++ = (char)(0x80 | (cp & 0x3F));
            }
        } else {
            *w++ = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e;
        }
    }
    j->p++;
    *w = 0;
    return out;
}

/* Skips any value. */
static void json_skip(json_in *j)
{
    json_ws(j);
    if (*j->p == '"') {
        free(json_string(j));
    } else if (*j->p == '{' || *j->p == '[') {
        char close = *j->p == '{' ? '}' : ']';
        j->p++;
        for (;;) {
            json_ws(j);
            if (*j->p == close) break;
            json_skip(j);
            json_ws(j);
            if (*j->p == ':') j->p++;
        }
        j->p++;
    } else {
        while (j->p < j->end && !strchr(",}] \n\r\t", *j->p)) j->p++;
    }
}

typedef struct {
    const char *name;
    int from, to;
    unsigned flags;
    int total, ok_greedy, ok_lattice, ok_plain;
} zh_config;

static zh_config configs[] = {
    {"s2t", SCRUB_ZH_HANS, SCRUB_ZH_HANT, 0, 0, 0, 0, 0},
    {"t2s", SCRUB_ZH_HANT, SCRUB_ZH_HANS, 0, 0, 0, 0, 0},
    {"s2tw", SCRUB_ZH_HANS, SCRUB_ZH_TW, 0, 0, 0, 0, 0},
    {"tw2s", SCRUB_ZH_TW, SCRUB_ZH_HANS, 0, 0, 0, 0, 0},
    {"s2hk", SCRUB_ZH_HANS, SCRUB_ZH_HK, 0, 0, 0, 0, 0},
    {"hk2s", SCRUB_ZH_HK, SCRUB_ZH_HANS, 0, 0, 0, 0, 0},
    {"s2twp", SCRUB_ZH_HANS, SCRUB_ZH_TW, SCRUB_ZH_PHRASES, 0, 0, 0, 0},
    {"tw2sp", SCRUB_ZH_TW, SCRUB_ZH_HANS, SCRUB_ZH_PHRASES, 0, 0, 0, 0},
    {"s2hkp", SCRUB_ZH_HANS, SCRUB_ZH_HK, SCRUB_ZH_PHRASES, 0, 0, 0, 0},
    {"hk2sp", SCRUB_ZH_HK, SCRUB_ZH_HANS, SCRUB_ZH_PHRASES, 0, 0, 0, 0},
    {"t2tw", SCRUB_ZH_HANT, SCRUB_ZH_TW, 0, 0, 0, 0, 0},
    {"tw2t", SCRUB_ZH_TW, SCRUB_ZH_HANT, 0, 0, 0, 0, 0},
    {"t2hk", SCRUB_ZH_HANT, SCRUB_ZH_HK, 0, 0, 0, 0, 0},
    {"hk2t", SCRUB_ZH_HK, SCRUB_ZH_HANT, 0, 0, 0, 0, 0},
};
#define NCONFIGS (sizeof configs / sizeof configs[0])

static bool same_line(scrub_ctx *ctx, const char *in, const char *want, const zh_config *c,
                      unsigned flags)
{
    size_t n;
    char *out = conv(ctx, in, strlen(in), c->from, c->to, c->flags | flags, &n);
    size_t wl = strlen(want);
    /* the output ends every line with LF; the expectation has none */
    bool same = n == wl + 1 && memcmp(out, want, wl) == 0;
    scrub_free(out);
    return same;
}

/* Runs one case object (j->p on '{'). */
static void run_case(scrub_ctx *ctx, json_in *j)
{
    char *input = NULL;
    j->p++;
    for (;;) {
        json_ws(j);
        if (*j->p == '}') break;
        char *key = json_string(j);
        json_ws(j);
        j->p++; /* ':' */
        json_ws(j);
        if (strcmp(key, "input") == 0) {
            input = json_string(j);
        } else if (strcmp(key, "expected") == 0 && input) {
            j->p++;
            for (;;) {
                json_ws(j);
                if (*j->p == '}') break;
                char *cfg = json_string(j);
                json_ws(j);
                j->p++;
                json_ws(j);
                char *want = json_string(j);
                for (size_t i = 0; i < NCONFIGS; i++) {
                    zh_config *c = &configs[i];
                    if (strcmp(cfg, c->name) != 0) continue;
                    c->total++;
                    bool g = same_line(ctx, input, want, c, SCRUB_ZH_GREEDY | SCRUB_ZH_RARE_FORMS);
                    if (!g) printf("  greedy differs: %s %s\n", c->name, input);
                    c->ok_greedy += g;
                    c->ok_lattice += same_line(ctx, input, want, c, SCRUB_ZH_RARE_FORMS);
                    c->ok_plain += same_line(ctx, input, want, c, SCRUB_ZH_GREEDY);
                }
                free(cfg);
                free(want);
            }
            j->p++;
        } else {
            json_skip(j);
        }
        free(key);
    }
    j->p++;
    free(input);
}

START_TEST(test_opencc_testcases)
{
    size_t len;
    char *text = test_read_shared("testdata/opencc/testcases.json", &len);
    if (!text) return;
    json_in j = {text, text + len};
    const char *cases = strstr(text, "\"cases\"");
    ck_assert_ptr_nonnull(cases);
    j.p = strchr(cases, '[') + 1;
    scrub_ctx *ctx = scrub_ctx_new();
    for (;;) {
        json_ws(&j);
        if (j.p >= j.end || *j.p == ']') break;
        run_case(ctx, &j);
    }
    int total = 0, greedy = 0, lattice = 0, plain = 0;
    printf("zh testcases.json   config  cases  greedy  lattice  greedy-without-rare-forms\n");
    for (size_t i = 0; i < NCONFIGS; i++) {
        zh_config *c = &configs[i];
        printf("zh testcases.json   %-6s %6d %7d %8d %8d\n", c->name, c->total, c->ok_greedy,
               c->ok_lattice, c->ok_plain);
        total += c->total;
        greedy += c->ok_greedy;
        lattice += c->ok_lattice;
        plain += c->ok_plain;
    }
    printf("zh testcases.json   all    %6d %7d %8d %8d  (greedy %.1f%%, lattice %.1f%%)\n", total,
           greedy, lattice, plain, 100.0 * greedy / total, 100.0 * lattice / total);
    ck_assert_int_eq(total, 535);
    /* OpenCC-compatible mode reproduces every case */
    ck_assert_int_eq(greedy, total);
    /* without TSCharactersExt, the 3 t2s cases that need its rare Extension B
     * forms (𣨼, 𪢮, 𣗊) differ, as with OpenCC's command line */
    ck_assert_int_eq(plain, total - 3);
    ck_assert_int_ge(lattice, total - 10);
    scrub_ctx_free(ctx);
    free(text);
}
END_TEST

START_TEST(test_opencc_golden)
{
    size_t in_len;
    char *in = test_read_shared("testdata/opencc/golden/input/us_constitution_zhs.txt", &in_len);
    if (!in) return;
    static const char *names[] = {"s2t", "s2tw", "s2twp", "s2hk", "s2hkp"};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t k = 0; k < 5; k++) {
        char rel[256];
        snprintf(rel, sizeof rel, "testdata/opencc/golden/output/us_constitution_zhs.%s.txt",
                 names[k]);
        size_t want_len;
        char *want = test_read_shared(rel, &want_len);
        ck_assert_ptr_nonnull(want);
        const zh_config *c = NULL;
        for (size_t i = 0; i < NCONFIGS; i++)
            if (strcmp(configs[i].name, names[k]) == 0) c = &configs[i];
        size_t n;
        char *g = conv(ctx, in, in_len, c->from, c->to, c->flags | SCRUB_ZH_GREEDY, &n);
        ck_assert_msg(n == want_len && memcmp(g, want, n) == 0, "golden %s differs", names[k]);
        size_t ln;
        char *l = conv(ctx, in, in_len, c->from, c->to, c->flags, &ln);
        int diff_lines = 0;
        for (size_t a = 0, b = 0; a < want_len && b < ln;) {
            const char *ea = memchr(want + a, '\n', want_len - a), *eb = memchr(l + b, '\n', ln - b);
            size_t la = ea ? (size_t)(ea - want) - a : want_len - a;
            size_t lb = eb ? (size_t)(eb - l) - b : ln - b;
            diff_lines += la != lb || memcmp(want + a, l + b, la) != 0;
            a += la + 1;
            b += lb + 1;
        }
        printf("zh golden %-5s: greedy identical; lattice differs on %d lines\n", names[k],
               diff_lines);
        ck_assert_int_le(diff_lines, 5);
        scrub_free(g);
        scrub_free(l);
        free(want);
    }
    scrub_ctx_free(ctx);
    free(in);
}
END_TEST

/* ---- properties ------------------------------------------------------------ */

/* Whole text and line by line agree: the fast and window paths take runs
 * of whole lines in one call (up to 64 KiB, none with CR), so a text of
 * real lines past that size, with CRLF lines, a line without LF at the
 * end, a compatibility ideograph (which restarts the fast path), an
 * invalid byte and an ASCII key (B超) among them, must give each line's
 * own conversion; and a line longer than MAX_LINE still fails. */
START_TEST(test_whole_text_as_lines)
{
    size_t in_len;
    char *in = test_read_shared("testdata/opencc/golden/input/us_constitution_zhs.txt", &in_len);
    if (!in) return;
    static const char extra[] = "做B超检查\r\n\xEF\xA4\x80发展\n头\x80发\r\n";
    size_t cap = 3 * 70000 + 2 * in_len, n = 0;
    char *text = malloc(cap);
    for (int k = 0; n + in_len + sizeof extra < cap - in_len; k++) {
        memcpy(text + n, in, in_len);
        n += in_len;
        if (k % 3 == 1) {
            memcpy(text + n, extra, sizeof extra - 1);
            n += sizeof extra - 1;
        }
    }
    memcpy(text + n, "干发展", strlen("干发展")); /* no LF at the end */
    n += strlen("干发展");
    ck_assert_uint_gt(n, 3 * 65536);
    static const struct { int from, to; unsigned flags; } cases[] = {
        {SCRUB_ZH_HANS, SCRUB_ZH_HANT, 0}, {SCRUB_ZH_HANS, SCRUB_ZH_HANT, SCRUB_ZH_GREEDY},
        {SCRUB_ZH_HANT, SCRUB_ZH_HANS, 0}, {SCRUB_ZH_AUTO, SCRUB_ZH_HANS, 0},
        {SCRUB_ZH_TW, SCRUB_ZH_HANS, SCRUB_ZH_PHRASES}, {SCRUB_ZH_HANT, SCRUB_ZH_TW, 0},
    };
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        size_t whole_len, repl_lines = 0;
        char *whole = conv(ctx, text, n, cases[c].from, cases[c].to, cases[c].flags, &whole_len);
        size_t repl_whole = scrub_ctx_replacements(ctx), at = 0;
        for (size_t pos = 0; pos < n;) {
            const char *lf = memchr(text + pos, '\n', n - pos);
            size_t end = lf ? (size_t)(lf - text) + 1 : n, ln;
            char *one = conv(ctx, text + pos, end - pos, cases[c].from, cases[c].to, cases[c].flags, &ln);
            repl_lines += scrub_ctx_replacements(ctx);
            ck_assert_msg(at + ln <= whole_len && memcmp(whole + at, one, ln) == 0,
                          "case %zu: the line at byte %zu differs", c, pos);
            at += ln;
            scrub_free(one);
            pos = end;
        }
        ck_assert_uint_eq(at, whole_len);
        ck_assert_uint_eq(repl_whole, repl_lines);
        scrub_free(whole);
    }
    /* a line over MAX_LINE inside what would be one run of lines */
    ck_assert_int_eq(scrub_ctx_set(ctx, SCRUB_PARAM_MAX_LINE, 100000), SCRUB_OK);
    memset(text + 1000, 'a', 150000);
    char *out = NULL;
    size_t out_len;
    ck_assert_int_eq(scrub_zh_convert(ctx, text, n, SCRUB_ZH_HANT, SCRUB_ZH_HANS, 0, &out, &out_len),
                     SCRUB_E_TOO_LARGE);
    scrub_ctx_free(ctx);
    free(text);
    free(in);
}
END_TEST

START_TEST(test_growth_bound)
{
    double g = scrub__zh_growth_bound();
    printf("zh table growth bound %.3f (header promises %d)\n", g, SCRUB_ZH_MAX_GROWTH);
    ck_assert(g <= SCRUB_ZH_MAX_GROWTH);
}
END_TEST

/* To Simplified twice equals once, for every ideograph, except the entries
 * upstream's tables chain: 薴 -> 苧 -> 苎, and 麼/麽 -> 么, which the Taiwan
 * variant table auto mode applies then reads as 幺. */
START_TEST(test_to_simplified_twice)
{
    static const uint32_t ranges[][2] = {{0x3400, 0x4DBF},   {0x4E00, 0x9FFF},
                                         {0xF900, 0xFAFF},   {0x20000, 0x2A6DF},
                                         {0x2A700, 0x2EBEF}, {0x2F800, 0x2FA1F},
                                         {0x30000, 0x323AF}};
    static const uint32_t chained[] = {0x85B4, 0x9EBC, 0x9EBD};
    size_t cap = 1 << 20, n = 0;
    char *text = malloc(cap);
    uint32_t *cps = malloc(sizeof(uint32_t) * 200000);
    size_t count = 0;
    for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
        for (uint32_t cp = ranges[r][0]; cp <= ranges[r][1]; cp++) {
            if (n + 8 > cap) text = realloc(text, cap *= 2);
            if (cp < 0x10000) {
                text[n++] = (char)(0xE0 | (cp >> 12));
                text[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            } else {
                text[n++] = (char)(0xF0 | (cp >> 18));
                text[n++] = (char)(0x80 | ((cp >> 12) & 0x3F));
                text[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            }
            text[n++] = (char)(0x80 | (cp & 0x3F));
            text[n++] = '\n';
            cps[count++] = cp;
        }
    scrub_ctx *ctx = scrub_ctx_new();
    unsigned modes[] = {0, SCRUB_ZH_GREEDY};
    for (size_t m = 0; m < 2; m++) {
        size_t l1, l2;
        char *once = conv(ctx, text, n, SCRUB_ZH_AUTO, SCRUB_ZH_HANS, modes[m], &l1);
        char *twice = conv(ctx, once, l1, SCRUB_ZH_AUTO, SCRUB_ZH_HANS, modes[m], &l2);
        size_t a = 0, b = 0, differ = 0;
        for (size_t i = 0; i < count; i++) {
            const char *ea = memchr(once + a, '\n', l1 - a), *eb = memchr(twice + b, '\n', l2 - b);
            size_t la = (size_t)(ea - once) - a, lb = (size_t)(eb - twice) - b;
            if (la != lb || memcmp(once + a, twice + b, la) != 0) {
                bool known = false;
                for (size_t k = 0; k < sizeof chained / sizeof chained[0]; k++)
                    known |= cps[i] == chained[k];
                ck_assert_msg(known, "U+%04X: to Simplified twice differs from once", cps[i]);
                differ++;
            }
            a += la + 1;
            b += lb + 1;
        }
        ck_assert_uint_eq(differ, sizeof chained / sizeof chained[0]);
        scrub_free(once);
        scrub_free(twice);
    }
    scrub_ctx_free(ctx);
    free(text);
    free(cps);
}
END_TEST

/* ---- allocation failures ------------------------------------------------- */

typedef struct {
    const char *text;
    int from, to;
    unsigned flags;
} alloc_case;

static int call_convert(scrub_ctx *ctx, void *arg)
{
    alloc_case *c = arg;
    char *out;
    size_t n;
    int rc = scrub_zh_convert(ctx, c->text, strlen(c->text), c->from, c->to, c->flags, &out, &n);
    if (rc == SCRUB_OK) {
        ck_assert_uint_gt(n, 0);
        scrub_free(out);
    } else {
        ck_assert_ptr_null(out);
    }
    return rc;
}

static int call_detect(scrub_ctx *ctx, void *arg)
{
    int script;
    double share;
    return scrub_zh_detect(ctx, arg, strlen(arg), &script, &share);
}

START_TEST(test_zh_alloc_failures)
{
    /* long enough lines to make the scratch arrays grow */
    static char line[8192];
    size_t n = 0;
    while (n + 40 < sizeof line) {
        const char *piece = "这个装置被发明出来，一部分合并 ";
        memcpy(line + n, piece, strlen(piece));
        n += strlen(piece);
    }
    line[n] = 0;
    alloc_case cases[] = {
        {line, SCRUB_ZH_HANS, SCRUB_ZH_HANT, 0},
        {line, SCRUB_ZH_HANS, SCRUB_ZH_HANT, SCRUB_ZH_GREEDY},
        {line, SCRUB_ZH_HANS, SCRUB_ZH_TW, SCRUB_ZH_PHRASES},
        {line, SCRUB_ZH_AUTO, SCRUB_ZH_HANS, SCRUB_ZH_QUOTES | SCRUB_ZH_FOLD_WIDTH},
        {"頭髮\n發展\n", SCRUB_ZH_TW, SCRUB_ZH_HK, SCRUB_ZH_GREEDY},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        test_alloc_failures(call_convert, &cases[i]);
    test_alloc_failures(call_detect, line);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("zh");
    TCase *tc = tcase_create("zh");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_directions);
    tcase_add_test(tc, test_source_matters);
    tcase_add_test(tc, test_auto_mixed);
    tcase_add_test(tc, test_windows);
    tcase_add_test(tc, test_ascii_initial_keys);
    tcase_add_test(tc, test_ascii_lines);
    tcase_add_test(tc, test_unchanging_keys_block);
    tcase_add_test(tc, test_non_bmp_and_unknown);
    tcase_add_test(tc, test_invalid_utf8_and_lines);
    tcase_add_test(tc, test_cut_short_at_the_end);
    tcase_add_test(tc, test_width_and_quotes);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_detect);
    tcase_add_test(tc, test_segmentation_sentences);
    tcase_add_test(tc, test_opencc_testcases);
    tcase_add_test(tc, test_opencc_golden);
    tcase_add_test(tc, test_whole_text_as_lines);
    tcase_add_test(tc, test_growth_bound);
    tcase_add_test(tc, test_to_simplified_twice);
    tcase_add_test(tc, test_zh_alloc_failures);
    suite_add_tcase(s, tc);
    return s;
}

SCRUB_TEST_MAIN(make_suite)
