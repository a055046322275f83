/* decode stage: WHATWG sniffing order, label mapping, overrides, bad input,
 * allocation failures, and (with ../shared) accuracy on the labelled
 * charset corpus against uchardet in the same run. */
#include "test_util.h"

#include "decode_charsets.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

/* uchardet, the anchor, when installed; without it the comparison is
 * skipped (and said so) and only the issue's own thresholds are checked. */
#ifdef SCRUB_HAVE_UCHARDET
#include <uchardet/uchardet.h>
#define HAVE_ANCHOR 1
static const char *anchor_guess(uchardet_t ud, const char *data, size_t len)
{
    uchardet_reset(ud);
    uchardet_handle_data(ud, data, len);
    uchardet_data_end(ud);
    return uchardet_get_charset(ud);
}
#else
#define HAVE_ANCHOR 0
typedef void *uchardet_t;
static uchardet_t uchardet_new(void) { return NULL; }
static void uchardet_delete(uchardet_t ud) { (void)ud; }
static const char *anchor_guess(uchardet_t ud, const char *data, size_t len)
{
    (void)ud, (void)data, (void)len;
    return NULL;
}
#endif

typedef struct {
    char *out;
    size_t len;
    int status;
} result;

static result decode(scrub_ctx *ctx, const char *in, size_t len, const char *declared)
{
    result r;
    r.status = scrub_decode(ctx, in, len, declared, &r.out, &r.len);
    return r;
}

#define S(lit) lit, sizeof(lit) - 1

/* ---- rules, with fixtures written for these tests ------------------------- */

START_TEST(gbk_bytes_in_page_labelled_gb2312)
{
    scrub_ctx *ctx = scrub_ctx_new();
    /* 镕 (E9 46) and 堃 (88 D2) exist in GBK, not in GB2312. */
    result r = decode(ctx, S("<meta charset=\"gb2312\"><p>\xE9\x46 \x88\xD2 \xCE\xD2</p>"), NULL);
    ck_assert_status(r.status, SCRUB_OK);
    ck_assert_mem_eq_str(r.out, r.len, "<meta charset=\"gb2312\"><p>镕 堃 我</p>");
    ck_assert_str_eq(scrub_decode_charset(ctx), "gb18030");
    ck_assert_int_eq(scrub_decode_source(ctx), SCRUB_CHARSET_META);
    ck_assert_str_eq(scrub_decode_declared(ctx), "gb18030");
    ck_assert_int_eq(scrub_decode_overridden(ctx), 0);
    ck_assert_uint_eq(scrub_ctx_replacements(ctx), 0);
    scrub_free(r.out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(utf8_page_labelled_gb2312)
{
    scrub_ctx *ctx = scrub_ctx_new();
    const char page[] = "<meta charset=gb2312><title>腾讯首页</title>";
    result r = decode(ctx, page, strlen(page), "text/html; charset=GB2312");
    ck_assert_status(r.status, SCRUB_OK);
    ck_assert_mem_eq_str(r.out, r.len, page);
    ck_assert_str_eq(scrub_decode_charset(ctx), "utf-8");
    ck_assert_int_eq(scrub_decode_overridden(ctx), 1);
    ck_assert_str_eq(scrub_decode_declared(ctx), "gb18030");
    scrub_free(r.out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(bom_beats_meta_and_is_removed)
{
    scrub_ctx *ctx = scrub_ctx_new();
    result r = decode(ctx, S("\xEF\xBB\xBF<meta charset=shift_jis><p>日本</p>\r\n"), "euc-jp");
    ck_assert_status(r.status, SCRUB_OK);
    ck_assert_mem_eq_str(r.out, r.len, "<meta charset=shift_jis><p>日本</p>\r\n");
    ck_assert_str_eq(scrub_decode_charset(ctx), "utf-8");
    ck_assert_int_eq(scrub_decode_source(ctx), SCRUB_CHARSET_BOM);
    ck_assert_int_eq(scrub_decode_overridden(ctx), 1);
    ck_assert_str_eq(scrub_decode_declared(ctx), "euc-jp");
    scrub_free(r.out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(meta_after_1024_bytes)
{
    scrub_ctx *ctx = scrub_ctx_new();
    char page[2048];
    size_t n = 0;
    n += (size_t)sprintf(page, "<!-- ");
    memset(page + n, 'x', 1200);
    n += 1200;
    n += (size_t)sprintf(page + n, " --><meta http-equiv=Content-Type content='text/html; "
                                   "charset=windows-1251'><p>\xCF\xF0\xE8\xE2\xE5\xF2</p>");
    result r = decode(ctx, page, n, NULL);
    ck_assert_status(r.status, SCRUB_OK);
    ck_assert_str_eq(scrub_decode_charset(ctx), "windows-1251");
    ck_assert_int_eq(scrub_decode_source(ctx), SCRUB_CHARSET_META);
    ck_assert_ptr_nonnull(strstr(r.out, "<p>Привет</p>"));
    scrub_free(r.out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(no_declaration_detects)
{
    scrub_ctx *ctx = scrub_ctx_new();
    struct {
        const char *bytes, *text, *charset;
    } cases[] = {
        {"<p>\xCE\xD2\xC3\xC7\xBD\xF1\xCC\xEC\xC8\xA5\xB1\xB1\xBE\xA9\xB2\xCE\xB9\xDB\xC1\xCB"
         "\xB9\xCA\xB9\xAC\xB2\xA9\xCE\xEF\xD4\xBA\xA3\xAC\xCC\xEC\xC6\xF8\xB7\xC7\xB3\xA3\xBA"
         "\xC3\xA1\xA3</p>",
         "<p>我们今天去北京参观了故宫博物院，天气非常好。</p>", "gb18030"},
        {"\xC6\xFC\xCB\xDC\xB8\xEC\xA4\xCE\xA5\xC6\xA5\xAD\xA5\xB9\xA5\xC8\xA4\xC7\xA4\xB9\xA1"
         "\xA3\xC5\xEC\xB5\xFE\xA4\xCF\xC2\xE7\xA4\xAD\xA4\xCA\xC5\xD4\xBB\xD4\xA4\xC7\xA4\xB9\xA1"
         "\xA3\n",
         "日本語のテキストです。東京は大きな都市です。\n", "euc-jp"},
        {"\x93\xFA\x96\x7B\x8C\xEA\x82\xCC\x83\x65\x83\x4C\x83\x58\x83\x67\x82\xC5\x82\xB7\x81"
         "\x42",
         "日本語のテキストです。", "shift_jis"},
        {"\xC7\xD1\xB1\xB9\xBE\xEE\x20\xC5\xD8\xBD\xBA\xC6\xAE\xC0\xD4\xB4\xCF\xB4\xD9\x20\xBC"
         "\xAD\xBF\xEF\xC0\xBA\x20\xC5\xAB\x20\xB5\xB5\xBD\xC3\xC0\xD4\xB4\xCF\xB4\xD9",
         "한국어 텍스트입니다 서울은 큰 도시입니다", "euc-kr"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        result r = decode(ctx, cases[i].bytes, strlen(cases[i].bytes), NULL);
        ck_assert_status(r.status, SCRUB_OK);
        ck_assert_mem_eq_str(r.out, r.len, cases[i].text);
        ck_assert_str_eq(scrub_decode_charset(ctx), cases[i].charset);
        ck_assert_int_eq(scrub_decode_source(ctx), SCRUB_CHARSET_DETECTED);
        ck_assert_ptr_null(scrub_decode_declared(ctx));
        scrub_free(r.out);
    }
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(shift_jis_nec_and_big5_hkscs)
{
    scrub_ctx *ctx = scrub_ctx_new();
    result r = decode(ctx, S("\x87\x40\x87\x41\x87\x42\x87\x5F"), "Shift_JIS");
    ck_assert_status(r.status, SCRUB_OK);
    ck_assert_mem_eq_str(r.out, r.len, "①②③㍉");
    ck_assert_str_eq(scrub_decode_charset(ctx), "shift_jis");
    ck_assert_uint_eq(scrub_ctx_replacements(ctx), 0);
    scrub_free(r.out);
    r = decode(ctx, S("\x9D\xEF\x9D\xF8\x9D\xF7"), "big5");
    ck_assert_status(r.status, SCRUB_OK);
    ck_assert_mem_eq_str(r.out, r.len, "嘅啲咗");
    ck_assert_str_eq(scrub_decode_charset(ctx), "big5");
    ck_assert_uint_eq(scrub_ctx_replacements(ctx), 0);
    scrub_free(r.out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(latin1_label_reads_windows_1252)
{
    scrub_ctx *ctx = scrub_ctx_new();
    result r = decode(ctx, S("\x93quoted\x94 \x80 5 \x96 caf\xE9"), "ISO-8859-1");
    ck_assert_status(r.status, SCRUB_OK);
    ck_assert_mem_eq_str(r.out, r.len, "“quoted” € 5 – café");
    ck_assert_str_eq(scrub_decode_charset(ctx), "windows-1252");
    ck_assert_int_eq(scrub_decode_source(ctx), SCRUB_CHARSET_DECLARED);
    scrub_free(r.out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(utf16_and_utf32_boms)
{
    scrub_ctx *ctx = scrub_ctx_new();
    struct {
        const char *bytes;
        size_t len;
        const char *charset;
    } cases[] = {
        {"\xFF\xFE" "a\0\xE9\0\r\0\n\0\x2D\x4E", 12, "utf-16le"},
        {"\xFE\xFF" "\0a\0\xE9\0\r\0\n\x4E\x2D", 12, "utf-16be"},
        {"\xFF\xFE\0\0" "a\0\0\0\xE9\0\0\0\r\0\0\0\n\0\0\0\x2D\x4E\0\0", 24, "utf-32le"},
        {"\0\0\xFE\xFF" "\0\0\0a\0\0\0\xE9\0\0\0\r\0\0\0\n\0\0\x4E\x2D", 24, "utf-32be"},
    };
    for (size_t i = 0; i < 4; i++) {
        result r = decode(ctx, cases[i].bytes, cases[i].len, "windows-1252");
        ck_assert_status(r.status, SCRUB_OK);
        ck_assert_mem_eq_str(r.out, r.len, "aé\r\n中");
        ck_assert_str_eq(scrub_decode_charset(ctx), cases[i].charset);
        ck_assert_int_eq(scrub_decode_source(ctx), SCRUB_CHARSET_BOM);
        scrub_free(r.out);
    }
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(labels_map_as_whatwg)
{
    ck_assert_str_eq(scrub_charset_name("GB2312"), "gb18030");
    ck_assert_str_eq(scrub_charset_name(" gbk "), "gb18030");
    ck_assert_str_eq(scrub_charset_name("latin1"), "windows-1252");
    ck_assert_str_eq(scrub_charset_name("us-ascii"), "windows-1252");
    ck_assert_str_eq(scrub_charset_name("x-sjis"), "shift_jis");
    ck_assert_str_eq(scrub_charset_name("ks_c_5601-1987"), "euc-kr");
    ck_assert_str_eq(scrub_charset_name("iso-8859-9"), "windows-1254");
    ck_assert_str_eq(scrub_charset_name("big5-hkscs"), "big5");
    ck_assert_ptr_null(scrub_charset_name("no-such-charset"));
    ck_assert_ptr_null(scrub_charset_name(""));
    ck_assert_ptr_null(scrub_charset_name(NULL));
}
END_TEST

START_TEST(unknown_label_falls_back)
{
    scrub_ctx *ctx = scrub_ctx_new();
    result r = decode(ctx, S("caf\xC3\xA9\n"), "x-klingon");
    ck_assert_status(r.status, SCRUB_OK);
    ck_assert_mem_eq_str(r.out, r.len, "café\n");
    ck_assert_str_eq(scrub_decode_charset(ctx), "utf-8");
    ck_assert_str_eq(scrub_decode_declared(ctx), "x-klingon");
    ck_assert_int_eq(scrub_decode_source(ctx), SCRUB_CHARSET_DETECTED);
    scrub_free(r.out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(stray_bytes_in_utf8_stay_utf8)
{
    scrub_ctx *ctx = scrub_ctx_new();
    result r = decode(ctx, S("Einverständnis \xE4 größer Übung naïve café déjà vu\n"), "utf-8");
    ck_assert_status(r.status, SCRUB_OK);
    ck_assert_mem_eq_str(r.out, r.len, "Einverständnis \xEF\xBF\xBD größer Übung naïve café déjà vu\n");
    ck_assert_uint_eq(scrub_ctx_replacements(ctx), 1);
    ck_assert_uint_eq(scrub_decode_replaced_bytes(ctx), 1);
    ck_assert_int_eq(scrub_decode_overridden(ctx), 0);
    scrub_free(r.out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(declaration_contradicted_by_bytes)
{
    scrub_ctx *ctx = scrub_ctx_new();
    /* labelled UTF-8, really GBK */
    result r = decode(ctx, S("<p>\xCE\xD2\xC3\xC7\xBD\xF1\xCC\xEC\xC8\xA5\xB1\xB1\xBE\xA9\xB2"
                             "\xCE\xB9\xDB\xC1\xCB\xB9\xCA\xB9\xAC</p>"),
                      "utf-8");
    ck_assert_status(r.status, SCRUB_OK);
    ck_assert_mem_eq_str(r.out, r.len, "<p>我们今天去北京参观了故宫</p>");
    ck_assert_str_eq(scrub_decode_charset(ctx), "gb18030");
    ck_assert_int_eq(scrub_decode_overridden(ctx), 1);
    ck_assert_int_eq(scrub_decode_source(ctx), SCRUB_CHARSET_DETECTED);
    scrub_free(r.out);
    /* labelled GBK with one byte no GB decoder reads: a slip, not a lie */
    r = decode(ctx, S("\xCE\xD2\xC3\xC7 \xFF \xBD\xF1\xCC\xEC"), "gbk");
    ck_assert_status(r.status, SCRUB_OK);
    ck_assert_mem_eq_str(r.out, r.len, "我们 \xEF\xBF\xBD 今天");
    ck_assert_str_eq(scrub_decode_charset(ctx), "gb18030");
    ck_assert_int_eq(scrub_decode_overridden(ctx), 0);
    scrub_free(r.out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(detect_names_and_binary)
{
    scrub_ctx *ctx = scrub_ctx_new();
    const char *name;
    int conf;
    ck_assert_status(scrub_detect_charset(ctx, S("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), &name, &conf),
                     SCRUB_OK);
    ck_assert_str_eq(name, "binary");
    ck_assert_status(scrub_detect_charset(ctx, S("\x1B$B$3$s$K$A$O\x1B(B"), &name, &conf), SCRUB_OK);
    ck_assert_str_eq(name, "iso-2022-jp");
    ck_assert_status(scrub_detect_charset(ctx, S("h\xC3\xA9llo w\xC3\xB6rld"), &name, &conf), SCRUB_OK);
    ck_assert_str_eq(name, "utf-8");
    ck_assert_int_ge(conf, 50);
    ck_assert_status(scrub_detect_charset(ctx, NULL, 0, &name, &conf), SCRUB_OK);
    ck_assert_str_eq(name, "utf-8");
    ck_assert_int_eq(conf, 0);
    ck_assert_status(scrub_detect_charset(ctx, NULL, 3, &name, &conf), SCRUB_E_INVALID_ARG);
    ck_assert_ptr_null(name);
    ck_assert_status(scrub_detect_charset(NULL, "a", 1, &name, &conf), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_detect_charset(ctx, "a", 1, NULL, &conf), SCRUB_E_INVALID_ARG);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(arguments_and_limits)
{
    scrub_ctx *ctx = scrub_ctx_new();
    char *out = (char *)1;
    size_t len = 7;
    ck_assert_status(scrub_decode(NULL, "a", 1, NULL, &out, &len), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_decode(ctx, "a", 1, NULL, NULL, &len), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_decode(ctx, NULL, 1, NULL, &out, &len), SCRUB_E_INVALID_ARG);
    ck_assert_ptr_null(out);
    ck_assert_uint_eq(len, 0);
    ck_assert_ptr_null(scrub_decode_charset(ctx));
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_MAX_INPUT, 4), SCRUB_OK);
    ck_assert_status(scrub_decode(ctx, "abcde", 5, NULL, &out, &len), SCRUB_E_TOO_LARGE);
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_DECODE_PREFIX, 100), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_DECODE_PREFIX, 4096), SCRUB_OK);
    ck_assert_status(scrub_decode(ctx, NULL, 0, NULL, &out, &len), SCRUB_OK);
    ck_assert_uint_eq(len, 0);
    ck_assert_str_eq(out, "");
    scrub_free(out);
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- bad input -------------------------------------------------------------- */

START_TEST(bad_input_is_bounded)
{
    scrub_ctx *ctx = scrub_ctx_new();
    /* random bytes */
    unsigned char rnd[65536];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof rnd; i++) rnd[i] = (unsigned char)((x = x * 1103515245u + 12345u) >> 16);
    result r = decode(ctx, (const char *)rnd, sizeof rnd, NULL);
    ck_assert_status(r.status, SCRUB_OK);
    ck_assert_ptr_nonnull(scrub_decode_charset(ctx));
    scrub_free(r.out);
    /* truncated multi-byte sequence at the end */
    r = decode(ctx, S("\xCE\xD2\xC3\xC7\xCE"), "gbk");
    ck_assert_status(r.status, SCRUB_OK);
    ck_assert_mem_eq_str(r.out, r.len, "我们\xEF\xBF\xBD");
    ck_assert_uint_eq(scrub_ctx_replacements(ctx), 1);
    scrub_free(r.out);
    r = decode(ctx, S("abc\xE4\xB8"), "utf-8");
    ck_assert_mem_eq_str(r.out, r.len, "abc\xEF\xBF\xBD");
    scrub_free(r.out);
    /* NUL bytes pass through */
    r = decode(ctx, S("a\0b\0c"), "utf-8");
    ck_assert_status(r.status, SCRUB_OK);
    ck_assert_uint_eq(r.len, 5);
    ck_assert_int_eq(memcmp(r.out, "a\0b\0c", 5), 0);
    scrub_free(r.out);
    /* 50 MB without a newline */
    size_t big = 50u << 20;
    char *page = malloc(big);
    memset(page, 'a', big);
    memcpy(page + big - 2, "\xC3\xA9", 2);
    r = decode(ctx, page, big, NULL);
    ck_assert_status(r.status, SCRUB_OK);
    ck_assert_uint_eq(r.len, big);
    ck_assert_str_eq(scrub_decode_charset(ctx), "utf-8");
    scrub_free(r.out);
    free(page);
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- allocation failures ------------------------------------------------------ */

static int call_decode(scrub_ctx *ctx, void *arg)
{
    char *out;
    size_t len;
    int st = scrub_decode(ctx, S("<meta charset=gb2312>\xE9\x46 \x88\xD2 \xCE\xD2 \xFF\xFF"), arg,
                          &out, &len);
    if (st == SCRUB_OK) scrub_free(out);
    return st;
}

static int call_detect(scrub_ctx *ctx, void *arg)
{
    const char *name;
    int conf;
    (void)arg;
    return scrub_detect_charset(ctx, S("\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0"), &name, &conf);
}

START_TEST(allocation_failures)
{
    test_alloc_failures(call_decode, NULL);
    test_alloc_failures(call_decode, "utf-8");
    test_alloc_failures(call_detect, NULL);
}
END_TEST

/* ---- accuracy on ../shared/testdata/charset ----------------------------------- */

/* ICU converter for a MANIFEST family; NULL for those ICU 72 lacks. */
static const char *truth_converter(const char *fam)
{
    static const char *const skip[] = {"binary", "johab", "iso-8859-16", "georgian-ps",
                                       "georgian-academy", "viscii", "kz1048", "ptcp154"};
    static const char *const map[][2] = {
        {"big5", "ibm-1375_P100-2008"}, {"shift_jis", "ibm-943_P15A-2003"},
        {"euc-kr", "windows-949"},       {"ascii", "UTF-8"},
        {"utf-16", "UTF-16"},            {"utf-32", "UTF-32"},
        {"mac-cyrillic", "macos-7_3-10.2"}, {"mac-ce", "macos-29-10.2"},
        {"macroman", "macos-0_2-10.2"},  {"euc-tw", "ibm-964_P110-1999"},
    };
    for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++)
        if (!strcmp(fam, skip[i])) return NULL;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(fam, map[i][0])) return map[i][1];
    return fam;
}

static bool web_family(const char *fam)
{
    static const char *const web[] = {"utf-8", "ascii", "utf-16", "utf-16le", "utf-16be",
                                      "utf-32", "utf-32le", "utf-32be", "gb18030", "big5",
                                      "shift_jis", "euc-jp", "euc-kr", "iso-2022-jp", "koi8-r"};
    for (size_t i = 0; i < sizeof web / sizeof web[0]; i++)
        if (!strcmp(fam, web[i])) return true;
    return !strncmp(fam, "windows-125", 11) || !strncmp(fam, "iso-8859-", 9);
}

/* bytes decoded by ICU converter `conv` to UTF-8 (malloc'ed), leading U+FEFF removed. */
static char *icu_decode(const char *conv, const char *in, size_t len, size_t *out_len)
{
    UErrorCode err = U_ZERO_ERROR;
    UConverter *c = ucnv_open(conv, &err);
    if (U_FAILURE(err)) return NULL;
    UChar *u = malloc((len * 2 + 4) * sizeof(UChar));
    int32_t n = ucnv_toUChars(c, u, (int32_t)(len * 2 + 4), in, (int32_t)len, &err);
    ucnv_close(c);
    UChar *start = u;
    if (n > 0 && u[0] == 0xFEFF) start++, n--;
    char *out = malloc((size_t)n * 3 + 1);
    int32_t m = 0;
    u_strToUTF8WithSub(out, n * 3 + 1, &m, start, n, 0xFFFD, NULL, &err);
    free(u);
    *out_len = (size_t)m;
    return out;
}

/* Does decoding with charset name (ours or uchardet's) give the truth? */
static bool same_text(const char *name, const char *in, size_t len, const char *want,
                      size_t want_len)
{
    if (!name || !*name) return false;
    int cs = scrub__charset_lookup(name, strlen(name));
    const char *conv = cs >= 0 ? (cs == CS_UTF8 ? "UTF-8" : scrub__charsets[cs].icu) : name;
    if (cs < 0 && !strcmp(name, "ASCII")) conv = "UTF-8";
    if (!conv) return false;
    size_t n;
    char *got = icu_decode(conv, in, len, &n);
    bool same = got && n == want_len && memcmp(got, want, n) == 0;
    free(got);
    return same;
}

typedef struct {
    int all, all_ok, all_uc, web, web_ok, web_uc, binary, binary_ok;
    int detect_ok;
} tally;

static void measure_file(scrub_ctx *ctx, uchardet_t ud, const char *path, const char *fam,
                         const char *data,
                         size_t len, tally *t)
{
    const char *conv = truth_converter(fam);
    const char *uc = anchor_guess(ud, data, len);
    if (!strcmp(fam, "binary")) {
        const char *name;
        int conf;
        ck_assert_status(scrub_detect_charset(ctx, data, len, &name, &conf), SCRUB_OK);
        t->binary++;
        t->binary_ok += !strcmp(name, "binary");
        return;
    }
    if (!conv) return;
    size_t want_len;
    char *want = icu_decode(conv, data, len, &want_len);
    ck_assert_ptr_nonnull(want);
    result r = decode(ctx, data, len, NULL);
    ck_assert_status(r.status, SCRUB_OK);
    bool ok = r.len == want_len && memcmp(r.out, want, want_len) == 0;
    const char *name;
    int conf;
    scrub_detect_charset(ctx, data, len, &name, &conf);
    bool det_ok = same_text(name, data, len, want, want_len);
    bool uc_ok = same_text(uc, data, len, want, want_len);
    if (!ok) printf("  miss: %s (%s) -> %s\n", path, fam, scrub_decode_charset(ctx));
    t->all++, t->all_ok += ok, t->all_uc += uc_ok, t->detect_ok += det_ok;
    if (web_family(fam)) t->web++, t->web_ok += ok, t->web_uc += uc_ok;
    scrub_free(r.out);
    free(want);
}

START_TEST(accuracy_charset_corpus)
{
    size_t mlen;
    char *manifest = test_read_shared("testdata/charset/MANIFEST.tsv", &mlen);
    if (!manifest) return;
    scrub_ctx *ctx = scrub_ctx_new();
    uchardet_t ud = uchardet_new();
    tally t = {0};
    char *save = NULL;
    strtok_r(manifest, "\n", &save); /* header */
    for (char *line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char path[1024], fam[64];
        if (sscanf(line, "%1023[^\t]\t%*[^\t]\t%63[^\t]", path, fam) != 2) continue;
        char rel[1200];
        snprintf(rel, sizeof rel, "testdata/charset/%s", path);
        size_t len;
        char *data = test_read_shared(rel, &len);
        ck_assert_ptr_nonnull(data);
        measure_file(ctx, ud, path, fam, data, len, &t);
        free(data);
    }
    printf("charset/: scrub_decode %d/%d = %.1f%% (uchardet %d = %.1f%%; scrub_detect_charset "
           "alone %d = %.1f%%)\n",
           t.all_ok, t.all, 100.0 * t.all_ok / t.all, t.all_uc, 100.0 * t.all_uc / t.all,
           t.detect_ok, 100.0 * t.detect_ok / t.all);
    printf("charset/ web encodings: scrub_decode %d/%d = %.1f%% (uchardet %d = %.1f%%)\n",
           t.web_ok, t.web, 100.0 * t.web_ok / t.web, t.web_uc, 100.0 * t.web_uc / t.web);
    printf("charset/ binary: %d/%d detected as binary\n", t.binary_ok, t.binary);
    if (!HAVE_ANCHOR) printf("uchardet not installed: its figures above are 0, not compared\n");
    ck_assert_int_eq(t.binary_ok, t.binary);
    ck_assert_int_ge(t.all_ok * 100, t.all * 95);
    ck_assert_int_ge(t.all_ok, t.all_uc);
    ck_assert_int_ge(t.web_ok, t.web_uc);
    ck_assert_int_ge(t.web_ok * 100, t.web * 99);
    uchardet_delete(ud);
    scrub_ctx_free(ctx);
    free(manifest);
}
END_TEST


/* ---- short CJK snippets cut from charset/ ---------------------------------- */

static bool cjk_letter(UChar c)
{
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xAC00 && c <= 0xD7A3);
}

typedef struct {
    int n, ok, uc;
} snip_tally;

/* Cuts runs of Han/kana/hangul from one file into snippets of at most
 * `size` bytes (on character boundaries, at least size - 3 bytes) and
 * decodes each without declaration. */
static void measure_snippets(scrub_ctx *ctx, uchardet_t ud, const char *conv, const char *data,
                             size_t len, size_t size, snip_tally *t)
{
    UErrorCode err = U_ZERO_ERROR;
    UConverter *c = ucnv_open(conv, &err);
    UChar *u = malloc((len + 1) * sizeof(UChar));
    int32_t n = ucnv_toUChars(c, u, (int32_t)len + 1, data, (int32_t)len, &err);
    int taken = 0;
    for (int32_t i = 0; i < n && taken < 20;) {
        if (!cjk_letter(u[i])) {
            i++;
            continue;
        }
        char bytes[128], text[512];
        size_t blen = 0, tlen = 0;
        int32_t j = i;
        for (; j < n && cjk_letter(u[j]); j++) {
            char one[8];
            err = U_ZERO_ERROR;
            int32_t k = ucnv_fromUChars(c, one, sizeof one, u + j, 1, &err);
            if (U_FAILURE(err) || blen + (size_t)k > size) break;
            memcpy(bytes + blen, one, (size_t)k);
            blen += (size_t)k;
            int32_t m = 0;
            u_strToUTF8(text + tlen, (int32_t)(sizeof text - tlen), &m, u + j, 1, &err);
            tlen += (size_t)m;
        }
        if (blen + 3 >= size) {
            taken++;
            result r = decode(ctx, bytes, blen, NULL);
            bool ok = r.status == SCRUB_OK && r.len == tlen && !memcmp(r.out, text, tlen);
            scrub_free(r.out);
            t->n++, t->ok += ok;
            t->uc += same_text(anchor_guess(ud, bytes, blen), bytes, blen, text, tlen);
        }
        i = j > i ? j : i + 1;
    }
    free(u);
    ucnv_close(c);
}

START_TEST(accuracy_short_cjk)
{
    size_t mlen;
    char *manifest = test_read_shared("testdata/charset/MANIFEST.tsv", &mlen);
    if (!manifest) return;
    scrub_ctx *ctx = scrub_ctx_new();
    uchardet_t ud = uchardet_new();
    snip_tally t64 = {0}, t16 = {0};
    char *save = NULL;
    strtok_r(manifest, "\n", &save);
    for (char *line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char path[1024], fam[64];
        if (sscanf(line, "%1023[^\t]\t%*[^\t]\t%63[^\t]", path, fam) != 2) continue;
        if (strcmp(fam, "gb18030") && strcmp(fam, "big5") && strcmp(fam, "shift_jis") &&
            strcmp(fam, "euc-jp") && strcmp(fam, "euc-kr"))
            continue;
        char rel[1200];
        snprintf(rel, sizeof rel, "testdata/charset/%s", path);
        size_t len;
        char *data = test_read_shared(rel, &len);
        ck_assert_ptr_nonnull(data);
        measure_snippets(ctx, ud, truth_converter(fam), data, len, 64, &t64);
        measure_snippets(ctx, ud, truth_converter(fam), data, len, 16, &t16);
        free(data);
    }
    printf("short CJK snippets, 64 bytes: %d/%d = %.1f%% (uchardet %d = %.1f%%)\n", t64.ok, t64.n,
           100.0 * t64.ok / t64.n, t64.uc, 100.0 * t64.uc / t64.n);
    printf("short CJK snippets, 16 bytes: %d/%d = %.1f%% (uchardet %d = %.1f%%)\n", t16.ok, t16.n,
           100.0 * t16.ok / t16.n, t16.uc, 100.0 * t16.uc / t16.n);
    ck_assert_int_ge(t64.ok * 100, t64.n * 99);
    ck_assert_int_ge(t16.ok * 100, t16.n * 90);
    ck_assert_int_ge(t64.ok, t64.uc);
    ck_assert_int_ge(t16.ok, t16.uc);
    uchardet_delete(ud);
    scrub_ctx_free(ctx);
    free(manifest);
}
END_TEST

/* ---- real pages of ../shared/testdata/html ------------------------------------ */

/* ICU converter for the MANIFEST's true_encoding; NULL when unknown. */
static const char *page_converter(const char *truth)
{
    static const char *const map[][2] = {
        {"GBK (decode as gb18030)", "gb18030"}, {"Big5", "ibm-1375_P100-2008"},
        {"Shift_JIS (windows-31j)", "ibm-943_P15A-2003"}, {"Shift_JIS", "ibm-943_P15A-2003"},
        {"UTF-16LE (BOM)", "UTF-16LE"}, {"utf-8", "UTF-8"}};
    if (!strcmp(truth, "?") || !*truth) return NULL;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(truth, map[i][0])) return map[i][1];
    return truth;
}

START_TEST(accuracy_html_pages)
{
    size_t mlen;
    char *manifest = test_read_shared("testdata/html/MANIFEST.tsv", &mlen);
    if (!manifest) return;
    scrub_ctx *ctx = scrub_ctx_new();
    int pages = 0, ok = 0;
    char *save = NULL;
    strtok_r(manifest, "\n", &save);
    for (char *line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        /* path, true_encoding, http_content_type (may be empty) */
        char *fields[3] = {line, NULL, NULL};
        for (int f = 1; f < 3; f++) {
            char *tab = fields[f - 1] ? strchr(fields[f - 1], '\t') : NULL;
            if (!tab) break;
            *tab = '\0';
            fields[f] = tab + 1;
        }
        if (!fields[2]) continue;
        char *tab = strchr(fields[2], '\t');
        if (tab) *tab = '\0';
        const char *conv = page_converter(fields[1]);
        if (!conv) continue;
        char rel[1200];
        snprintf(rel, sizeof rel, "testdata/html/%s", fields[0]);
        size_t len;
        char *data = test_read_shared(rel, &len);
        ck_assert_ptr_nonnull(data);
        size_t want_len;
        char *want = icu_decode(conv, data, len, &want_len);
        result r = decode(ctx, data, len, *fields[2] ? fields[2] : NULL);
        ck_assert_status(r.status, SCRUB_OK);
        bool same = r.len == want_len && memcmp(r.out, want, want_len) == 0;
        if (!same)
            printf("  page miss: %s (%s) -> %s\n", fields[0], fields[1], scrub_decode_charset(ctx));
        pages++, ok += same;
        scrub_free(r.out);
        free(want);
        free(data);
    }
    printf("html/ pages decoded as their true encoding: %d/%d\n", ok, pages);
    ck_assert_int_eq(ok, pages);
    scrub_ctx_free(ctx);
    free(manifest);
}
END_TEST

/* ---- html5lib's encoding prescan cases (../shared/testdata/html/html5lib-tests) ---- */

/* Runs every "#data ... #encoding NAME" case of one .dat file: when the
 * expected encoding is not the windows-1252 default, scrub_decode must find
 * find it in the page (BOM or <meta>); when it is the default, it must not
 * invent a declaration of anything else. */
static void run_prescan_file(scrub_ctx *ctx, const char *rel, int *cases, int *ok)
{
    size_t len;
    char *text = test_read_shared(rel, &len);
    if (!text) return;
    char *p = text;
    while ((p = strstr(p, "#data\n"))) {
        char *data = p + 6;
        char *enc = strstr(data, "\n#encoding\n");
        if (!enc) break;
        char *name = enc + 11;
        char *end = strchr(name, '\n');
        if (end) *end = '\0';
        result r = decode(ctx, data, (size_t)(enc - data), NULL);
        ck_assert_status(r.status, SCRUB_OK);
        scrub_free(r.out);
        const char *want = scrub_charset_name(name);
        const char *got = scrub_decode_charset(ctx);
        int source = scrub_decode_source(ctx);
        bool meta = source == SCRUB_CHARSET_META || source == SCRUB_CHARSET_BOM;
        bool good = want && strcmp(want, "windows-1252") != 0
                        ? meta && !strcmp(got, want)
                        : !meta || !strcmp(got, "windows-1252");
        if (!good) printf("  prescan miss: %s: %.60s -> %s\n", name, data, got);
        (*cases)++, *ok += good;
        p = end ? end + 1 : name;
    }
    free(text);
}

START_TEST(html5lib_prescan)
{
    scrub_ctx *ctx = scrub_ctx_new();
    int cases = 0, ok = 0;
    run_prescan_file(ctx, "testdata/html/html5lib-tests/tests1.dat", &cases, &ok);
    run_prescan_file(ctx, "testdata/html/html5lib-tests/tests2.dat", &cases, &ok);
    if (cases) printf("html5lib prescan cases: %d/%d\n", ok, cases);
    ck_assert_int_eq(ok, cases);
    scrub_ctx_free(ctx);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("decode");
    TCase *tc = tcase_create("rules");
    tcase_add_test(tc, gbk_bytes_in_page_labelled_gb2312);
    tcase_add_test(tc, utf8_page_labelled_gb2312);
    tcase_add_test(tc, bom_beats_meta_and_is_removed);
    tcase_add_test(tc, meta_after_1024_bytes);
    tcase_add_test(tc, no_declaration_detects);
    tcase_add_test(tc, shift_jis_nec_and_big5_hkscs);
    tcase_add_test(tc, latin1_label_reads_windows_1252);
    tcase_add_test(tc, utf16_and_utf32_boms);
    tcase_add_test(tc, labels_map_as_whatwg);
    tcase_add_test(tc, unknown_label_falls_back);
    tcase_add_test(tc, stray_bytes_in_utf8_stay_utf8);
    tcase_add_test(tc, declaration_contradicted_by_bytes);
    tcase_add_test(tc, detect_names_and_binary);
    tcase_add_test(tc, arguments_and_limits);
    tcase_add_test(tc, bad_input_is_bounded);
    tcase_add_test(tc, allocation_failures);
    suite_add_tcase(s, tc);
    TCase *acc = tcase_create("accuracy");
    tcase_set_timeout(acc, 600);
    tcase_add_test(acc, accuracy_charset_corpus);
    tcase_add_test(acc, accuracy_short_cjk);
    tcase_add_test(acc, accuracy_html_pages);
    tcase_add_test(acc, html5lib_prescan);
    suite_add_tcase(s, acc);
    return s;
}

SCRUB_TEST_MAIN(make_suite)
