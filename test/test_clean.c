/* scrub_clean(): the whole pipeline on pages we write (GBK, Big5, UTF-8,
 * HTML and text), its switches, details, idempotence, threads and
 * allocation failures; the seeds from ../shared when present. */
#include "test_util.h"

#include <pthread.h>
#include <stdbool.h>

#include "internal.h"

/* ---- fixtures (our own text) ---------------------------------------------- */

#define ART1 "城南社区开展垃圾分类宣传活动"
#define ART2 "本报讯 五月一日上午，城南街道在中心广场举办垃圾分类宣传活动，吸引了三百多名居民参加。"
#define ART3 "活动现场，志愿者向居民讲解了厨余垃圾、可回收物、有害垃圾和其他垃圾的分类方法，并发放了宣传手册。"
#define ART4 "街道负责人表示，下一步将在各小区设置分类督导员，帮助居民养成分类投放的习惯。"

static const char text_page[] =
    "您当前的位置：首页 > 社区新闻 > 正文\n"
    "\n" ART1 "\n" ART2 "\n" ART3 "\n\n" ART4 "\n"
    "版权所有 © 2024 城南在线 京ICP备00000000号\n";

#define HANT1 "市立圖書館延長夜間開放時間"
#define HANT2 "為了方便上班族借閱，市立圖書館自下月起將週一至週五的開放時間延長至晚上十點。"
#define HANT3 "館方表示，延長開放後將增加自助借還書機和閱覽座位，並在夜間安排專人提供諮詢服務。"
static const char hant_page[] = HANT1 "\n" HANT2 "\n" HANT3 "\n";

static const char html_page[] =
    "<!DOCTYPE html><html><head><title>" ART1 "_城南在线</title>"
    "<script>var x = '不应出现';</script><style>p{color:red}</style></head><body>"
    "<nav><a href=\"/\">首页</a> | <a href=\"/news\">新闻</a> | <a href=\"/life\">生活</a></nav>"
    "<article><h1>" ART1 "</h1><p>" ART2 "</p><p>" ART3 "</p><p>" ART4 "</p></article>"
    "<footer>版权所有 © 2024 城南在线 京ICP备00000000号</footer></body></html>";

static const char pinyin_text[] =
    "為方便居民就醫(yī)，社區醫(yī)院從本月起開設慢性病專科門診(全天)，歡迎居民前來諮詢。\n"
    "門診由兩名主治醫(yī)師坐診，提供高血壓、糖尿病的隨訪和用藥指導，每週一至週五開放。\n";

/* The fixtures above in GBK / Big5, made with ICU so the test holds no
 * opaque bytes. */
#include <unicode/ucnv.h>

static char *encode(const char *utf8, const char *charset, size_t *len)
{
    UErrorCode err = U_ZERO_ERROR;
    size_t cap = strlen(utf8) * 2 + 16;
    char *out = malloc(cap);
    ck_assert_ptr_nonnull(out);
    int32_t n = ucnv_convert(charset, "UTF-8", out, (int32_t)cap, utf8, (int32_t)strlen(utf8), &err);
    ck_assert_msg(U_SUCCESS(err), "ucnv_convert to %s: %s", charset, u_errorName(err));
    *len = (size_t)n;
    return out;
}

/* ---- helpers ---------------------------------------------------------------- */

static char *clean_str(scrub_ctx *ctx, const char *bytes, size_t len, const char *declared,
                       unsigned flags, size_t *out_len)
{
    char *out = NULL;
    size_t n = 0;
    int rc = scrub_clean(ctx, bytes, len, declared, flags, &out, &n);
    ck_assert_msg(rc == SCRUB_OK, "scrub_clean: %s: %s", scrub_strerror(rc), scrub_ctx_errmsg(ctx));
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_eq(strlen(out), n);
    if (out_len) *out_len = n;
    return out;
}

static bool has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = strstr(text, line); p; p = strstr(p + 1, line))
        if ((p == text || p[-1] == '\n') && p[n] == '\n') return true;
    return false;
}

/* Lines end with LF, none is blank, the text is valid UTF-8. */
static void assert_clean_shape(const char *out, size_t n)
{
    ck_assert_msg(n == 0 || out[n - 1] == '\n', "last line without LF");
    ck_assert_uint_eq(scrub__utf8_valid_prefix(out, n), n);
    for (size_t i = 0; i < n; i++)
        if (out[i] == '\n') ck_assert_msg(i > 0 && out[i - 1] != '\n', "blank line at byte %zu", i);
}

/* ---- tests ------------------------------------------------------------------- */

START_TEST(arguments)
{
    scrub_ctx *ctx = scrub_ctx_new();
    char *out = (char *)1;
    size_t n = 7;
    ck_assert_status(scrub_clean(NULL, "a", 1, NULL, 0, &out, &n), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_clean(ctx, "a", 1, NULL, 0, NULL, &n), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_clean(ctx, NULL, 3, NULL, 0, &out, &n), SCRUB_E_INVALID_ARG);
    ck_assert_ptr_null(out);
    ck_assert_uint_eq(n, 0);
    ck_assert_status(scrub_clean(ctx, "a", 1, NULL, 1u << 20, &out, &n), SCRUB_E_INVALID_ARG);
    ck_assert_ptr_nonnull(strstr(scrub_ctx_errmsg(ctx), "flags"));
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_MAX_INPUT, 10), SCRUB_OK);
    ck_assert_status(scrub_clean(ctx, text_page, strlen(text_page), NULL, 0, &out, &n),
                     SCRUB_E_TOO_LARGE);
    ck_assert_uint_eq(scrub_clean_stages(ctx), 0);
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_CLEAN_TO, 5), SCRUB_E_INVALID_ARG);
    int64_t v;
    ck_assert_status(scrub_ctx_get(ctx, SCRUB_PARAM_CLEAN_TO, &v), SCRUB_OK);
    ck_assert_int_eq(v, SCRUB_CLEAN_KEEP);
    /* empty input: empty output */
    ck_assert_status(scrub_clean(ctx, NULL, 0, NULL, 0, &out, &n), SCRUB_OK);
    ck_assert_uint_eq(n, 0);
    ck_assert_str_eq(out, "");
    scrub_free(out);
    scrub_ctx_free(ctx);
    /* accessors on NULL */
    ck_assert_ptr_null(scrub_clean_title(NULL));
    ck_assert_str_eq(scrub_clean_script(NULL, NULL), "none");
    ck_assert_uint_eq(scrub_clean_label_count(NULL, 0), 0);
    ck_assert_ptr_null(scrub_clean_stage_input(NULL, SCRUB_STAGE_FILTER, NULL));
}
END_TEST

START_TEST(text_page_keeps_article_drops_boilerplate)
{
    scrub_ctx *ctx = scrub_ctx_new();
    size_t n;
    char *out = clean_str(ctx, text_page, strlen(text_page), NULL, 0, &n);
    assert_clean_shape(out, n);
    ck_assert_msg(has_line(out, ART2) && has_line(out, ART3) && has_line(out, ART4), "%s", out);
    ck_assert_msg(!strstr(out, "ICP"), "footer kept: %s", out);
    ck_assert_msg(!strstr(out, "您当前的位置"), "crumb kept: %s", out);
    ck_assert_str_eq(scrub_clean_charset(ctx), "utf-8");
    ck_assert_ptr_null(scrub_clean_title(ctx));
    ck_assert_str_eq(scrub_clean_script(ctx, NULL), "hans");
    unsigned stages = scrub_clean_stages(ctx);
    ck_assert_uint_eq(stages, (1u << SCRUB_STAGE_DECODE) | (1u << SCRUB_STAGE_MOJIBAKE) |
                                  (1u << SCRUB_STAGE_FILTER));
    ck_assert_uint_eq(scrub_clean_flags(ctx) & SCRUB_CLEAN_SAW_HTML, 0);
    /* the filter's details are those of this document */
    size_t flen;
    const char *ftext = scrub_clean_stage_input(ctx, SCRUB_STAGE_FILTER, &flen);
    ck_assert_ptr_nonnull(ftext);
    size_t lines = scrub_filter_line_count(ctx), sum = 0;
    for (int l = 0; l < SCRUB_LABEL_COUNT; l++) sum += scrub_clean_label_count(ctx, l);
    ck_assert_uint_eq(sum, lines);
    ck_assert_uint_ge(scrub_clean_label_count(ctx, SCRUB_LABEL_FOOTER) +
                          scrub_clean_label_count(ctx, SCRUB_LABEL_NAV), 2);
    for (size_t i = 0; i < lines; i++) {
        size_t start, len;
        ck_assert_status(scrub_filter_line_span(ctx, i, &start, &len), SCRUB_OK);
        ck_assert_uint_le(start + len, flen);
    }
    scrub_free(out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(gbk_and_big5_bytes)
{
    scrub_ctx *ctx = scrub_ctx_new();
    size_t len, n;
    char *gbk = encode(text_page, "gbk", &len);
    char *out = clean_str(ctx, gbk, len, NULL, 0, &n);
    ck_assert_msg(has_line(out, ART2) && has_line(out, ART4), "%s", out);
    ck_assert_str_eq(scrub_clean_charset(ctx), "gb18030");
    scrub_free(out);
    /* declared, as an HTTP header would */
    out = clean_str(ctx, gbk, len, "gb2312", 0, &n);
    ck_assert_msg(has_line(out, ART3), "%s", out);
    scrub_free(out);
    free(gbk);
    char *big5 = encode(hant_page, "big5", &len);
    out = clean_str(ctx, big5, len, "big5", 0, &n);
    ck_assert_msg(has_line(out, HANT2) && has_line(out, HANT3), "%s", out);
    ck_assert_str_eq(scrub_clean_script(ctx, NULL), "hant");
    scrub_free(out);
    free(big5);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(html_pipeline)
{
    scrub_ctx *ctx = scrub_ctx_new();
    size_t len, n;
    char *gbk = encode(html_page, "gbk", &len);
    char *out = clean_str(ctx, gbk, len, "gbk", 0, &n);
    assert_clean_shape(out, n);
    ck_assert_msg(has_line(out, ART2) && has_line(out, ART3) && has_line(out, ART4), "%s", out);
    ck_assert_msg(!strstr(out, "不应出现") && !strstr(out, "color"), "script/style kept: %s", out);
    ck_assert_msg(!strstr(out, "<"), "markup left: %s", out);
    ck_assert_msg(!strstr(out, "ICP"), "footer kept: %s", out);
    ck_assert_ptr_nonnull(scrub_clean_title(ctx));
    ck_assert_str_eq(scrub_clean_title(ctx), ART1 "_城南在线");
    ck_assert(scrub_clean_flags(ctx) & SCRUB_CLEAN_SAW_HTML);
    ck_assert(scrub_clean_stages(ctx) & (1u << SCRUB_STAGE_HTML));
    size_t hlen;
    const char *hin = scrub_clean_stage_input(ctx, SCRUB_STAGE_HTML, &hlen);
    ck_assert_ptr_nonnull(hin);
    ck_assert_msg(hlen > 500 && strstr(hin, "<title>" ART1),
                  "html's input is the decoded page");
    scrub_free(out);
    /* NO_HTML: the markup is text */
    out = clean_str(ctx, html_page, strlen(html_page), NULL,
                    SCRUB_CLEAN_NO_HTML | SCRUB_CLEAN_NO_FILTER, &n);
    ck_assert_msg(strstr(out, "<p>"), "%s", out);
    ck_assert_uint_eq(scrub_clean_flags(ctx) & SCRUB_CLEAN_SAW_HTML, 0);
    scrub_free(out);
    /* FORCE_HTML on markup that does not look like a page */
    static const char frag[] = "<p><b>粗体</b>和<i>斜体</i>都是正文的一部分，而标签本身不是。</p>";
    out = clean_str(ctx, frag, strlen(frag), NULL, SCRUB_CLEAN_FORCE_HTML | SCRUB_CLEAN_NO_FILTER, &n);
    ck_assert_str_eq(out, "粗体和斜体都是正文的一部分，而标签本身不是。\n");
    scrub_free(out);
    free(gbk);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(zh_target)
{
    scrub_ctx *ctx = scrub_ctx_new();
    size_t n;
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_CLEAN_TO, SCRUB_CLEAN_HANS), SCRUB_OK);
    char *out = clean_str(ctx, hant_page, strlen(hant_page), NULL, 0, &n);
    ck_assert_msg(has_line(out, "市立图书馆延长夜间开放时间") || strstr(out, "图书馆"), "%s", out);
    ck_assert_str_eq(scrub_clean_script(ctx, NULL), "hans");
    ck_assert(scrub_clean_flags(ctx) & SCRUB_CLEAN_SAW_CONVERTED);
    ck_assert(scrub_clean_stages(ctx) & (1u << SCRUB_STAGE_ZH));
    scrub_free(out);
    /* NO_ZH wins over the target */
    out = clean_str(ctx, hant_page, strlen(hant_page), NULL, SCRUB_CLEAN_NO_ZH, &n);
    ck_assert_msg(has_line(out, HANT2), "%s", out);
    ck_assert_uint_eq(scrub_clean_stages(ctx) & (1u << SCRUB_STAGE_ZH), 0);
    scrub_free(out);
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_CLEAN_TO, SCRUB_CLEAN_TW), SCRUB_OK);
    out = clean_str(ctx, text_page, strlen(text_page), NULL, 0, &n);
    ck_assert_str_eq(scrub_clean_script(ctx, NULL), "hant");
    scrub_free(out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(mojibake_stage_and_switch)
{
    scrub_ctx *ctx = scrub_ctx_new();
    size_t n;
    char *out = clean_str(ctx, pinyin_text, strlen(pinyin_text), NULL, 0, &n);
    ck_assert_msg(!strstr(out, "(yī)"), "pinyin kept: %s", out);
    ck_assert_msg(strstr(out, "(全天)"), "not pinyin, yet removed: %s", out);
    ck_assert(scrub_clean_flags(ctx) & SCRUB_DOC_PINYIN);
    ck_assert_uint_ge(scrub_mojibake_artifacts(ctx, SCRUB_ARTIFACT_PINYIN), 3);
    scrub_free(out);
    out = clean_str(ctx, pinyin_text, strlen(pinyin_text), NULL, SCRUB_CLEAN_NO_MOJIBAKE, &n);
    ck_assert_msg(strstr(out, "醫(yī)"), "%s", out);
    ck_assert_uint_eq(scrub_clean_stages(ctx) & (1u << SCRUB_STAGE_MOJIBAKE), 0);
    scrub_free(out);
    /* GBK bytes read as Latin-1 (lossless), a whole line of it */
    size_t glen;
    char *gbk = encode(ART4 "\n", "gbk", &glen);
    UErrorCode err = U_ZERO_ERROR;
    char damaged[1024];
    int32_t dn = ucnv_convert("UTF-8", "ISO-8859-1", damaged, sizeof damaged, gbk, (int32_t)glen, &err);
    ck_assert(U_SUCCESS(err));
    free(gbk);
    out = clean_str(ctx, damaged, (size_t)dn, NULL, SCRUB_CLEAN_NO_FILTER, &n);
    ck_assert_str_eq(out, ART4 "\n");
    ck_assert_uint_ge(scrub_clean_repairs(ctx), 1);
    ck_assert(scrub_clean_flags(ctx) & SCRUB_CLEAN_SAW_MOJIBAKE);
    scrub_free(out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(filter_switch_and_keep)
{
    scrub_ctx *ctx = scrub_ctx_new();
    size_t n;
    char *out = clean_str(ctx, text_page, strlen(text_page), NULL, SCRUB_CLEAN_NO_FILTER, &n);
    assert_clean_shape(out, n);
    ck_assert_msg(strstr(out, "ICP") && strstr(out, "您当前的位置"), "%s", out);
    ck_assert_uint_eq(scrub_clean_stages(ctx) & (1u << SCRUB_STAGE_FILTER), 0);
    scrub_free(out);
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_FILTER_KEEP, SCRUB_KEEP_ALL), SCRUB_OK);
    out = clean_str(ctx, text_page, strlen(text_page), NULL, 0, &n);
    ck_assert_msg(strstr(out, "ICP"), "%s", out);
    assert_clean_shape(out, n); /* blank lines never come out */
    scrub_free(out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(invalid_utf8_text)
{
    scrub_ctx *ctx = scrub_ctx_new();
    static const char bad[] = ART2 "\xff\xfe" ART3 "\n";
    size_t n;
    char *out = clean_str(ctx, bad, sizeof bad - 1, NULL, SCRUB_CLEAN_NO_DECODE, &n);
    ck_assert_uint_eq(scrub__utf8_valid_prefix(out, n), n);
    ck_assert_uint_eq(scrub_ctx_replacements(ctx), 2);
    ck_assert(scrub_clean_flags(ctx) & SCRUB_CLEAN_SAW_REPLACEMENT);
    ck_assert_str_eq(scrub_clean_charset(ctx), "utf-8");
    scrub_free(out);
    /* a BOM is not text */
    out = clean_str(ctx, "\xEF\xBB\xBF" ART2 "\n", strlen(ART2) + 4, NULL,
                    SCRUB_CLEAN_NO_DECODE | SCRUB_CLEAN_NO_FILTER, &n);
    ck_assert_str_eq(out, ART2 "\n");
    scrub_free(out);
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- idempotence ---------------------------------------------------------------- */

static void assert_idempotent(scrub_ctx *ctx, const char *what, const char *bytes, size_t len)
{
    size_t n1, n2;
    char *once = clean_str(ctx, bytes, len, NULL, 0, &n1);
    char *twice = clean_str(ctx, once, n1, NULL, 0, &n2);
    ck_assert_msg(n1 == n2 && memcmp(once, twice, n1) == 0,
                  "%s: cleaning again changed the text:\n--- once\n%s--- twice\n%s", what, once,
                  twice);
    scrub_free(once);
    scrub_free(twice);
}

static const char *const seeds[] = {
    "seeds/000_c453129873820a71.txt", "seeds/001_d0bff2fb65c47538.txt",
    "seeds/002_db89ada0694f6154.txt", "seeds/003_deff538706a06b0e.txt",
    "seeds/004_835892ec5bf962a3.txt",
};

START_TEST(idempotent)
{
    static const int targets[] = {SCRUB_CLEAN_KEEP, SCRUB_CLEAN_HANS};
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_CLEAN_TO, targets[_i]), SCRUB_OK);
    assert_idempotent(ctx, "text_page", text_page, strlen(text_page));
    assert_idempotent(ctx, "html_page", html_page, strlen(html_page));
    assert_idempotent(ctx, "hant_page", hant_page, strlen(hant_page));
    assert_idempotent(ctx, "pinyin_text", pinyin_text, strlen(pinyin_text));
    for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) {
        size_t len;
        char *data = test_read_shared(seeds[i], &len);
        if (!data) break;
        assert_idempotent(ctx, seeds[i], data, len);
        free(data);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* Inside scrub_clean the filter trusts that its input is valid UTF-8 (decode
 * checked it) and takes a shorter test per Han character; on the same text
 * it must decide every line as scrub_filter_lines_ex(), which does not.
 * (Text, not HTML: scrub_clean gives the filter html's line hints.) */
static void assert_filter_stage_as_alone(scrub_ctx *ctx, scrub_ctx *alone, const char *what,
                                         const char *bytes, size_t len)
{
    free(clean_str(ctx, bytes, len, NULL, 0, NULL));
    size_t n;
    const char *in = scrub_clean_stage_input(ctx, SCRUB_STAGE_FILTER, &n);
    ck_assert_ptr_nonnull(in);
    char *out;
    size_t out_len;
    ck_assert_status(scrub_filter_lines_ex(alone, in, n, NULL, 0, NULL, SCRUB_KEEP_FROM_CTX, 0,
                                           &out, &out_len),
                     SCRUB_OK);
    scrub_free(out);
    size_t lines = scrub_filter_line_count(ctx);
    ck_assert_msg(lines > 0 && lines == scrub_filter_line_count(alone), "%s: %zu lines, alone %zu",
                  what, lines, scrub_filter_line_count(alone));
    for (size_t i = 0; i < lines; i++) {
        ck_assert_msg(scrub_filter_line_label(ctx, i) == scrub_filter_line_label(alone, i) &&
                          scrub_filter_line_score(ctx, i) == scrub_filter_line_score(alone, i) &&
                          strcmp(scrub_filter_line_reason(ctx, i),
                                 scrub_filter_line_reason(alone, i)) == 0,
                      "%s: line %zu: %s / %s", what, i, scrub_filter_line_reason(ctx, i),
                      scrub_filter_line_reason(alone, i));
    }
}

START_TEST(filter_stage_decides_as_filter_alone)
{
    static const char *const texts[] = {"testdata/web/gne-zh-news/text/tests/njxfhn/1.txt",
                                        "testdata/web/gne-zh-news/text/tests/163/1.txt"};
    scrub_ctx *ctx = scrub_ctx_new(), *alone = scrub_ctx_new();
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_CLEAN_TO, SCRUB_CLEAN_HANS), SCRUB_OK);
    assert_filter_stage_as_alone(ctx, alone, "text_page", text_page, strlen(text_page));
    assert_filter_stage_as_alone(ctx, alone, "hant_page", hant_page, strlen(hant_page));
    for (size_t i = 0; i < sizeof seeds / sizeof *seeds + sizeof texts / sizeof *texts; i++) {
        const char *rel = i < sizeof seeds / sizeof *seeds ? seeds[i] : texts[i - sizeof seeds / sizeof *seeds];
        size_t len;
        char *data = test_read_shared(rel, &len);
        if (!data) break;
        assert_filter_stage_as_alone(ctx, alone, rel, data, len);
        free(data);
    }
    scrub_ctx_free(alone);
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- threads ------------------------------------------------------------------ */

typedef struct {
    const char *bytes;
    size_t len;
    char *want;
    size_t want_len;
} page;

#define NPAGES 9
static page pages[NPAGES];
static size_t npages;

static void load_pages(void)
{
    npages = 0;
    pages[npages++] = (page){text_page, strlen(text_page), NULL, 0};
    pages[npages++] = (page){html_page, strlen(html_page), NULL, 0};
    pages[npages++] = (page){hant_page, strlen(hant_page), NULL, 0};
    pages[npages++] = (page){pinyin_text, strlen(pinyin_text), NULL, 0};
    for (size_t i = 0; i < sizeof seeds / sizeof *seeds && npages < NPAGES; i++) {
        size_t len;
        char *data = test_read_shared(seeds[i], &len);
        if (!data) break;
        pages[npages++] = (page){data, len, NULL, 0};
    }
}

static void *clean_all(void *arg)
{
    long *mismatches = arg;
    scrub_ctx *ctx = scrub_ctx_new();
    if (!ctx || scrub_ctx_set(ctx, SCRUB_PARAM_CLEAN_TO, SCRUB_CLEAN_HANS) != SCRUB_OK) {
        (*mismatches)++;
        return NULL;
    }
    for (int round = 0; round < 3; round++) {
        for (size_t i = 0; i < npages; i++) {
            char *out;
            size_t n;
            if (scrub_clean(ctx, pages[i].bytes, pages[i].len, NULL, 0, &out, &n) != SCRUB_OK ||
                n != pages[i].want_len || memcmp(out, pages[i].want, n) != 0)
                (*mismatches)++;
            scrub_free(out);
        }
    }
    scrub_ctx_free(ctx);
    return NULL;
}

START_TEST(threads_match_single_thread)
{
    load_pages();
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_CLEAN_TO, SCRUB_CLEAN_HANS), SCRUB_OK);
    for (size_t i = 0; i < npages; i++)
        pages[i].want = clean_str(ctx, pages[i].bytes, pages[i].len, NULL, 0, &pages[i].want_len);
    scrub_ctx_free(ctx);
    pthread_t threads[8];
    long mismatches[8] = {0};
    for (int t = 0; t < 8; t++) ck_assert_int_eq(pthread_create(&threads[t], NULL, clean_all, &mismatches[t]), 0);
    for (int t = 0; t < 8; t++) pthread_join(threads[t], NULL);
    for (int t = 0; t < 8; t++) ck_assert_msg(mismatches[t] == 0, "thread %d: %ld mismatches", t, mismatches[t]);
    printf("threads: 8 threads x 3 rounds x %zu pages identical to the single-threaded run\n", npages);
    for (size_t i = 0; i < npages; i++) {
        scrub_free(pages[i].want);
        if (i >= 4) free((char *)pages[i].bytes);
    }
}
END_TEST

/* ---- allocation failures ------------------------------------------------------ */

typedef struct {
    const char *bytes;
    size_t len;
    unsigned flags;
    int to;
} call_arg;

static int call_clean(scrub_ctx *ctx, void *p)
{
    const call_arg *a = p;
    scrub_ctx_set(ctx, SCRUB_PARAM_CLEAN_TO, a->to);
    char *out;
    size_t n;
    int rc = scrub_clean(ctx, a->bytes, a->len, NULL, a->flags, &out, &n);
    if (rc == SCRUB_OK) {
        /* a sane result, and the details readable */
        if (n && out[n - 1] != '\n') rc = SCRUB_E_INTERNAL;
        (void)scrub_clean_title(ctx);
        (void)scrub_clean_label_count(ctx, 0);
    } else if (out || n) {
        rc = SCRUB_E_INTERNAL;
    }
    scrub_free(out);
    return rc;
}

START_TEST(allocation_failures)
{
    call_arg args[] = {
        {text_page, strlen(text_page), 0, SCRUB_CLEAN_KEEP},
        {html_page, strlen(html_page), 0, SCRUB_CLEAN_HANS},
        {pinyin_text, strlen(pinyin_text), SCRUB_CLEAN_NO_DECODE | SCRUB_CLEAN_NO_FILTER, SCRUB_CLEAN_TW},
    };
    test_alloc_failures(call_clean, &args[_i]);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("clean");
    TCase *tc = tcase_create("pipeline");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, arguments);
    tcase_add_test(tc, text_page_keeps_article_drops_boilerplate);
    tcase_add_test(tc, gbk_and_big5_bytes);
    tcase_add_test(tc, html_pipeline);
    tcase_add_test(tc, zh_target);
    tcase_add_test(tc, mojibake_stage_and_switch);
    tcase_add_test(tc, filter_switch_and_keep);
    tcase_add_test(tc, invalid_utf8_text);
    tcase_add_loop_test(tc, idempotent, 0, 2);
    tcase_add_test(tc, filter_stage_decides_as_filter_alone);
    tcase_add_test(tc, threads_match_single_thread);
    tcase_add_loop_test(tc, allocation_failures, 0, 3);
    suite_add_tcase(s, tc);
    return s;
}

SCRUB_TEST_MAIN(make_suite)
