/* test_patho.c -- pathological inputs (cmark's pathological tests are the
 * model): each public entry point gets an input built to hurt it (100,000
 * nested or unclosed elements, megabyte attributes, a 10 MB line, a million
 * `}` lines, 100,000 repeats of a title...) and the RESULT is checked.
 * The inputs come from bench/patho_gen.h, which `make bench BENCH=patho`
 * times at n and 8n; here nothing is timed (a blow-up shows as the suite's
 * own time, and as the bench's SUPERLINEAR flag). */
#include "test_util.h"

#include <stdint.h>

#include "../bench/patho_gen.h"

#define FFFD "\xef\xbf\xbd"
#define ZHONG "\xe4\xb8\xad" /* 中 */
#define SENT PATHO_SENTENCE

/* Occurrences of needle in s[0..n). */
static size_t count_of(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle), c = 0;
    for (size_t i = 0; i + k <= n;) {
        const char *p = memchr(s + i, needle[0], n - i - k + 1);
        if (!p) break;
        i = (size_t)(p - s);
        if (memcmp(p, needle, k) == 0) {
            c++;
            i += k;
        } else {
            i++;
        }
    }
    return c;
}

/* s[0..n) is `unit` n_units times, then `tail`. */
static int is_repeat(const char *s, size_t n, const char *unit, size_t n_units, const char *tail)
{
    size_t k = strlen(unit), t = strlen(tail);
    if (n != k * n_units + t) return 0;
    for (size_t i = 0; i < n_units; i++)
        if (memcmp(s + i * k, unit, k) != 0) return 0;
    return memcmp(s + n - t, tail, t) == 0;
}

typedef enum { R_DECODE, R_HTML, R_MOJI, R_ZH, R_CLEAN } runner;

/* Runs one entry point on in; returns the owned output. */
static char *run(scrub_ctx *ctx, runner r, const patho_input *in, size_t *len)
{
    char *out = NULL;
    int rc;
    switch (r) {
    case R_DECODE: rc = scrub_decode(ctx, in->buf, in->len, NULL, &out, len); break;
    case R_HTML: rc = scrub_html_to_text(ctx, in->buf, in->len, NULL, SCRUB_HTML_UTF8, &out, len); break;
    case R_MOJI: rc = scrub_fix_mojibake(ctx, in->buf, in->len, SCRUB_FIX_DEFAULT, &out, len); break;
    case R_ZH:
        rc = scrub_zh_convert(ctx, in->buf, in->len, SCRUB_ZH_AUTO, SCRUB_ZH_TW, SCRUB_ZH_PHRASES,
                              &out, len);
        break;
    default: rc = scrub_clean(ctx, in->buf, in->len, NULL, 0, &out, len); break;
    }
    ck_assert_msg(rc == SCRUB_OK, "status %d (%s): %s", rc, scrub_strerror(rc), scrub_ctx_errmsg(ctx));
    return out;
}

/* Classifies in (with its hints, if any) and returns the line count. */
static size_t classify(scrub_ctx *ctx, const patho_input *in)
{
    ck_assert_status(scrub_classify_lines_ex(ctx, in->buf, in->len, in->hints, in->nhints, NULL, 0),
                     SCRUB_OK);
    return scrub_filter_line_count(ctx);
}

/* Lines in [from, to) with label `label`. */
static size_t labelled(const scrub_ctx *ctx, size_t from, size_t to, size_t step, int label)
{
    size_t c = 0;
    for (size_t i = from; i < to; i += step) c += scrub_filter_line_label(ctx, i) == label;
    return c;
}

static size_t kept(const scrub_ctx *ctx, size_t from, size_t to)
{
    size_t c = 0;
    for (size_t i = from; i < to; i++) c += scrub_filter_line_kept(ctx, i) == 1;
    return c;
}

/* ---- decode ---------------------------------------------------------------- */

START_TEST(test_decode_invalid_runs)
{
    static const char bad[] = {(char)0xFF, (char)0x80};
    const size_t n = 100000;
    scrub_ctx *ctx = scrub_ctx_new();
    for (int b = 0; b < 2; b++) {
        patho_input in = {0};
        patho_invalid_run(&in, n, bad[b]);
        size_t len;
        char *out = run(ctx, R_DECODE, &in, &len);
        /* the page stays UTF-8: each bad byte is one U+FFFD, nothing else changes */
        ck_assert_str_eq(scrub_decode_charset(ctx), "utf-8");
        ck_assert_uint_eq(scrub_ctx_replacements(ctx), n);
        ck_assert_uint_eq(scrub_decode_replaced_bytes(ctx), n);
        ck_assert_uint_eq(count_of(out, len, FFFD), n);
        ck_assert_uint_eq(count_of(out, len, ZHONG), n);
        ck_assert_uint_eq(len, 3 + 3 * n + 3 * n + 5);
        scrub_free(out);
        patho_free(&in);
    }
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(test_decode_late_meta)
{
    scrub_ctx *ctx = scrub_ctx_new();
    patho_input in = {0};
    /* a <meta> past the first 1024 bytes, inside DECODE_PREFIX: honoured */
    patho_late_meta(&in, 30000);
    size_t len;
    char *out = run(ctx, R_DECODE, &in, &len);
    ck_assert_int_eq(scrub_decode_source(ctx), SCRUB_CHARSET_META);
    ck_assert_str_eq(scrub_decode_charset(ctx), "gb18030");
    ck_assert_uint_eq(count_of(out, len, "<p>\xe4\xb8\xad\xe6\x96\x87</p>"), 1); /* 中文 */
    scrub_free(out);
    patho_free(&in);
    /* past DECODE_PREFIX (64 KiB): the scan stops there, detection decides */
    patho_late_meta(&in, 1 << 20);
    out = run(ctx, R_DECODE, &in, &len);
    ck_assert_int_eq(scrub_decode_source(ctx), SCRUB_CHARSET_DETECTED);
    scrub_free(out);
    /* unless the caller asks for a longer scan */
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_DECODE_PREFIX, 2 << 20), SCRUB_OK);
    out = run(ctx, R_DECODE, &in, &len);
    ck_assert_int_eq(scrub_decode_source(ctx), SCRUB_CHARSET_META);
    ck_assert_uint_eq(count_of(out, len, "<p>\xe4\xb8\xad\xe6\x96\x87</p>"), 1);
    scrub_free(out);
    patho_free(&in);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(test_decode_many_metas)
{
    scrub_ctx *ctx = scrub_ctx_new();
    patho_input in = {0};
    patho_many_metas(&in, 10000);
    size_t len;
    char *out = run(ctx, R_DECODE, &in, &len);
    /* unknown labels are ignored; the valid UTF-8 comes back unchanged */
    ck_assert_str_eq(scrub_decode_charset(ctx), "utf-8");
    ck_assert_msg(len == in.len && memcmp(out, in.buf, len) == 0, "output differs from input");
    scrub_free(out);
    patho_free(&in);
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- html ------------------------------------------------------------------ */

START_TEST(test_html_deep_nesting)
{
    scrub_ctx *ctx = scrub_ctx_new();
    for (int close = 0; close < 2; close++) {
        patho_input in = {0};
        patho_deep(&in, 100000, close);
        size_t len;
        char *out = run(ctx, R_HTML, &in, &len);
        ck_assert_mem_eq_str(out, len, "deep\n");
        ck_assert_uint_eq(scrub_html_line_count(ctx), 1);
        scrub_free(out);
        patho_free(&in);
    }
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(test_html_unclosed)
{
    const size_t n = 100000;
    scrub_ctx *ctx = scrub_ctx_new();
    patho_input in = {0};
    size_t len;
    /* each <p> closes the one before: one line each */
    patho_unclosed(&in, "<body>", "<p>x", n);
    char *out = run(ctx, R_HTML, &in, &len);
    ck_assert(is_repeat(out, len, "x\n", n, ""));
    scrub_free(out);
    patho_free(&in);
    /* each <td> closes the one before: one row of n cells */
    patho_unclosed(&in, "<table><tr>", "<td>x", n);
    out = run(ctx, R_HTML, &in, &len);
    ck_assert(is_repeat(out, len, "x\t", n - 1, "x\n"));
    scrub_free(out);
    patho_free(&in);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(test_html_attributes)
{
    scrub_ctx *ctx = scrub_ctx_new();
    patho_input in = {0};
    size_t len;
    patho_big_attr(&in, 1 << 20); /* one value of 1 MiB */
    char *out = run(ctx, R_HTML, &in, &len);
    ck_assert_mem_eq_str(out, len, "after\n");
    scrub_free(out);
    patho_free(&in);
    patho_many_attrs(&in, 100000); /* past the 256th, attributes are ignored */
    out = run(ctx, R_HTML, &in, &len);
    ck_assert_mem_eq_str(out, len, "text\n");
    scrub_free(out);
    patho_free(&in);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(test_html_many_elements)
{
    scrub_ctx *ctx = scrub_ctx_new();
    patho_input in = {0};
    size_t len;
    patho_rep(&in, "<b>x</b>", 1000000); /* inline: one line */
    char *out = run(ctx, R_HTML, &in, &len);
    ck_assert(is_repeat(out, len, "x", 1000000, "\n"));
    scrub_free(out);
    patho_free(&in);
    patho_hidden_blocks(&in, 10000); /* script, noscript, comment dropped */
    out = run(ctx, R_HTML, &in, &len);
    ck_assert(is_repeat(out, len, "w\n", 10000, ""));
    scrub_free(out);
    patho_free(&in);
    patho_table(&in, 100000); /* 10,000 rows of 10 cells */
    out = run(ctx, R_HTML, &in, &len);
    ck_assert(is_repeat(out, len, "c\tc\tc\tc\tc\tc\tc\tc\tc\tc\n", 10000, ""));
    size_t nh;
    const uint32_t *h = scrub_html_line_hints(ctx, &nh);
    ck_assert_uint_eq(nh, 10000);
    ck_assert(h[0] & SCRUB_HINT_TABLE && h[9999] & SCRUB_HINT_TABLE);
    scrub_free(out);
    patho_free(&in);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(test_html_stray_end_tags)
{
    /* stray end tags under many open elements: libxml2 searches its whole
     * stack for each; the search is metered and the call refused */
    scrub_ctx *ctx = scrub_ctx_new();
    patho_input in = {0};
    patho_rep(&in, "<div>", 20000);
    patho_rep(&in, "</span>", 20000);
    char *out = NULL;
    size_t len = 1;
    ck_assert_status(scrub_html_to_text(ctx, in.buf, in.len, NULL, SCRUB_HTML_UTF8, &out, &len),
                     SCRUB_E_TOO_LARGE);
    ck_assert_ptr_null(out);
    ck_assert_uint_eq(len, 0);
    patho_free(&in);
    scrub_ctx_free(ctx);
}
END_TEST

/* The article scoring on its worst shapes: its candidate list, its
 * sibling search, its crediting up the ancestors and its class-word
 * lookups each stay linear (bench_patho times them); here, what they
 * find. */
START_TEST(test_html_scoring_shapes)
{
    const size_t n = 100000;
    scrub_ctx *ctx = scrub_ctx_new();
    patho_input in = {0};
    size_t len, nh;
    /* n sibling blocks of a sentence in one content block: the content
     * block is the article, every line of it is marked */
    patho_sibling_divs(&in, n);
    char *out = run(ctx, R_HTML, &in, &len);
    ck_assert(is_repeat(out, len, PATHO_PROSE "\n", n, ""));
    const uint32_t *h = scrub_html_line_hints(ctx, &nh);
    ck_assert_uint_eq(nh, n);
    for (size_t i = 0; i < nh; i++) ck_assert(h[i] & SCRUB_HINT_IN_CANDIDATE);
    scrub_free(out);
    patho_free(&in);
    /* n nested blocks of a sentence each: past SCRUB_PARAM_MAX_DEPTH the
     * lines are credited to the deepest blocks kept, which hold the page's
     * rest; the lines above them are not in it */
    patho_deep_text(&in, n);
    out = run(ctx, R_HTML, &in, &len);
    ck_assert(is_repeat(out, len, PATHO_PROSE "\n", n, ""));
    h = scrub_html_line_hints(ctx, &nh);
    ck_assert_uint_eq(nh, n);
    ck_assert(!(h[0] & SCRUB_HINT_IN_CANDIDATE));
    ck_assert(h[300] & SCRUB_HINT_IN_CANDIDATE && h[n - 1] & SCRUB_HINT_IN_CANDIDATE);
    scrub_free(out);
    patho_free(&in);
    /* one paragraph of n words right under the body: html and body are
     * never the article's block, so no line is marked */
    patho_big_paragraph(&in, n);
    out = run(ctx, R_HTML, &in, &len);
    ck_assert(is_repeat(out, len, "word, ", n - 1, "word,\n"));
    h = scrub_html_line_hints(ctx, &nh);
    ck_assert_uint_eq(nh, 1);
    ck_assert(!(h[0] & SCRUB_HINT_IN_CANDIDATE));
    scrub_free(out);
    patho_free(&in);
    /* a class of n words: every word is looked up, the chrome words give
     * their hints */
    patho_big_class(&in, n);
    out = run(ctx, R_HTML, &in, &len);
    ck_assert_mem_eq_str(out, len, PATHO_PROSE "\n");
    h = scrub_html_line_hints(ctx, &nh);
    ck_assert_uint_eq(nh, 1);
    ck_assert_uint_eq(h[0] & SCRUB_HINT_FLAGS_MASK, SCRUB_HINT_CLASS_NAV | SCRUB_HINT_CLASS_SIDEBAR);
    scrub_free(out);
    patho_free(&in);
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- mojibake --------------------------------------------------------------- */

START_TEST(test_mojibake_shapes)
{
    scrub_ctx *ctx = scrub_ctx_new();
    patho_input in = {0};
    size_t len;
    const size_t big = (10u << 20) / 14; /* one line of 10 MB */
    patho_moji_line(&in, big, "");
    char *out = run(ctx, R_MOJI, &in, &len);
    ck_assert(is_repeat(out, len, "\xe4\xb8\xad\xe6\x96\x87", big, "\n")); /* 中文 */
    ck_assert_uint_ge(scrub_mojibake_repair_count(ctx), 1);
    scrub_free(out);
    patho_free(&in);
    patho_rep(&in, PATHO_MOJI "\n", 100000);
    out = run(ctx, R_MOJI, &in, &len);
    ck_assert(is_repeat(out, len, "\xe4\xb8\xad\xe6\x96\x87\n", 100000, ""));
    ck_assert_uint_eq(scrub_mojibake_repair_count(ctx), 100000);
    scrub_free(out);
    patho_free(&in);
    /* scripts in turn, each character valid: nothing to repair */
    patho_alternating(&in, 200000);
    out = run(ctx, R_MOJI, &in, &len);
    ck_assert(len == in.len && memcmp(out, in.buf, len) == 0);
    ck_assert_uint_eq(scrub_mojibake_repair_count(ctx), 0);
    scrub_free(out);
    patho_free(&in);
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- zh ------------------------------------------------------------------- */

START_TEST(test_zh_shapes)
{
    scrub_ctx *ctx = scrub_ctx_new();
    patho_input in = {0};
    size_t len;
    const size_t big = (10u << 20) / 27; /* 10 MB, no line break */
    patho_zh_line(&in, big);
    char *out = run(ctx, R_ZH, &in, &len);
    /* 这是一个软件测试， -> 這是一個軟體測試， */
    ck_assert(is_repeat(out, len,
                        "\xe9\x80\x99\xe6\x98\xaf\xe4\xb8\x80\xe5\x80\x8b\xe8\xbb\x9f\xe9\xab\x94"
                        "\xe6\xb8\xac\xe8\xa9\xa6\xef\xbc\x8c",
                        big, "\n"));
    scrub_free(out);
    patho_free(&in);
    /* a character that starts many phrases, 100,000 times */
    patho_zh_prefix(&in, 100000, "\xe5\x8f\x91"); /* 发 */
    out = run(ctx, R_ZH, &in, &len);
    ck_assert(is_repeat(out, len, "\xe7\x99\xbc", 100000, "\n")); /* 發 */
    scrub_free(out);
    patho_free(&in);
    patho_zh_prefix(&in, 100000, "\xe4\xb8\x80"); /* 一 */
    out = run(ctx, R_ZH, &in, &len);
    ck_assert(is_repeat(out, len, "\xe4\xb8\x80", 100000, "\n"));
    scrub_free(out);
    patho_free(&in);
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- filter ---------------------------------------------------------------- */

START_TEST(test_filter_braces)
{
    scrub_ctx *ctx = scrub_ctx_new();
    for (int hints = 0; hints < 2; hints++) {
        patho_input in = {0};
        patho_lines(&in, "}", 1000000);
        if (hints) patho_hints(&in, SCRUB_HINT_IN_MAIN, SCRUB_HINT_IN_MAIN);
        ck_assert_uint_eq(classify(ctx, &in), 1000000);
        ck_assert_uint_eq(labelled(ctx, 0, 1000000, 1, SCRUB_LABEL_ARTIFACT), 1000000);
        patho_free(&in);
    }
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(test_filter_title_repeats)
{
    const size_t n = 100000;
    scrub_ctx *ctx = scrub_ctx_new();
    for (int hints = 0; hints < 2; hints++) {
        patho_input in = {0};
        patho_title_repeats(&in, n);
        if (hints) patho_hints(&in, SCRUB_HINT_HEADING, SCRUB_HINT_TITLE);
        ck_assert_uint_eq(classify(ctx, &in), n + 1);
        /* the title once; its repeats are not text */
        ck_assert_int_eq(scrub_filter_line_label(ctx, 0), SCRUB_LABEL_HEADING);
        ck_assert_uint_eq(kept(ctx, 1, n + 1), 0);
        patho_free(&in);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* A table of contents longer than the 256 entries whose titles
 * contents_table keeps from its first search (300 entries over 256
 * section titles, the first 44 listed twice): past the 256th the entries
 * are searched again (found[] is not written past its end: SANITIZE=1),
 * all are the table, every section stays.  Their titles were marked by
 * their first entries, so this cannot tell the second search's mark. */
START_TEST(test_filter_long_contents)
{
    patho_input in = {0};
    patho_puts(&in, "Setting up the build server\n"
                    "This guide walks through the parts it takes to run our own build server.\n");
    for (size_t i = 0; i < 300; i++) patho_printf(&in, "- Part %zu\n", i % 256 + 1);
    for (size_t i = 0; i < 256; i++)
        patho_printf(&in, "Part %zu\nThe build server compiles every change that is pushed and "
                          "reports the result to its author, step %zu.\n", i + 1, i + 1);
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, in.buf, in.len, 0), SCRUB_OK);
    for (size_t i = 2; i < 302; i++) {
        ck_assert_int_eq(scrub_filter_line_label(ctx, i), SCRUB_LABEL_NAV);
        ck_assert_str_eq(scrub_filter_line_reason(ctx, i), "table-of-contents");
    }
    for (size_t i = 302; i < 302 + 512; i++) ck_assert_msg(scrub_filter_line_kept(ctx, i), "line %zu", i);
    scrub_ctx_free(ctx);
    patho_free(&in);
}
END_TEST

START_TEST(test_filter_numbered)
{
    /* 100,000 numbered lines that differ in their digits only.  Without
     * hints they are a normalized repeat (digits count as 0), not
     * 100,000 clauses; with the DOM's list hints they are the page's own
     * numbered list, as far as a line number is read (four digits: the
     * first 9,999). */
    const size_t n = 100000;
    scrub_ctx *ctx = scrub_ctx_new();
    patho_input in = {0};
    patho_numbered(&in, n);
    ck_assert_uint_eq(classify(ctx, &in), n);
    ck_assert_uint_le(kept(ctx, 0, n), 16);
    patho_hints(&in, SCRUB_HINT_LIST_ITEM, SCRUB_HINT_LIST_ITEM);
    ck_assert_uint_eq(classify(ctx, &in), n);
    ck_assert_uint_eq(labelled(ctx, 0, 9999, 1, SCRUB_LABEL_CONTENT), 9999);
    patho_free(&in);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(test_filter_headings)
{
    /* n short headings up front, then each again over a sentence: the
     * sentences are the text, the list up front is not */
    const size_t n = 50000;
    scrub_ctx *ctx = scrub_ctx_new();
    for (int hints = 0; hints < 2; hints++) {
        patho_input in = {0};
        patho_headings(&in, n);
        if (hints) patho_hints(&in, SCRUB_HINT_HEADING, SCRUB_HINT_HEADING);
        ck_assert_uint_eq(classify(ctx, &in), 3 * n);
        ck_assert_uint_eq(kept(ctx, 0, n), 0);
        ck_assert_uint_eq(labelled(ctx, n + 1, 3 * n, 2, SCRUB_LABEL_CONTENT), n);
        ck_assert_uint_ge(labelled(ctx, n + 2, 3 * n, 2, SCRUB_LABEL_HEADING), n - 1);
        patho_free(&in);
    }
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(test_filter_one_line)
{
    const size_t n = (10u << 20) / 45; /* one line of 10 MB */
    scrub_ctx *ctx = scrub_ctx_new();
    patho_input in = {0};
    patho_one_line(&in, n);
    char *out;
    size_t len;
    ck_assert_status(scrub_filter_lines(ctx, in.buf, in.len, 0, &out, &len), SCRUB_OK);
    ck_assert_uint_eq(scrub_filter_line_count(ctx), 1);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 0), SCRUB_LABEL_CONTENT);
    ck_assert(len == in.len + 1 && memcmp(out, in.buf, in.len) == 0 && out[in.len] == '\n');
    scrub_free(out);
    patho_free(&in);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(test_filter_footers)
{
    /* a footer marker every other line: the markers go, the sentences stay */
    const size_t n = 50000;
    scrub_ctx *ctx = scrub_ctx_new();
    for (int hints = 0; hints < 2; hints++) {
        patho_input in = {0};
        patho_footers(&in, n);
        if (hints) patho_hints(&in, 0, 0), in.hints[1] = SCRUB_HINT_IN_FOOTER;
        ck_assert_uint_eq(classify(ctx, &in), 2 * n);
        ck_assert_uint_eq(labelled(ctx, 0, 2 * n, 2, SCRUB_LABEL_CONTENT), n);
        ck_assert_uint_eq(labelled(ctx, 1, 2 * n, 2, SCRUB_LABEL_FOOTER), n);
        patho_free(&in);
    }
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(test_filter_boxed)
{
    /* one ad box inside the article guess over the whole page, a blank
     * after each of its sentences: the sentences stay the article's, and
     * boxed_prose and candidate_fallback walk the box and its gaps once */
    const size_t n = 50000;
    scrub_ctx *ctx = scrub_ctx_new();
    patho_input in = {0};
    patho_boxed(&in, n);
    patho_hints(&in, PATHO_BOXED_FIRST, PATHO_BOXED_REST);
    ck_assert_uint_eq(classify(ctx, &in), 2 * n + 3);
    ck_assert_uint_eq(labelled(ctx, 1, 2 * n + 1, 2, SCRUB_LABEL_CONTENT), n);
    ck_assert_uint_eq(labelled(ctx, 2, 2 * n + 1, 2, SCRUB_LABEL_BLANK), n);
    patho_free(&in);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(test_filter_linked_sections)
{
    /* n linked headings over two sentences and another story's linked
     * headline inside the guess, then n heading + lede pairs below it:
     * the headings stay the article's (own_headings), the headlines go,
     * the pairs go as teasers (teaser_pairs), each pass in one walk */
    const size_t n = 50000;
    scrub_ctx *ctx = scrub_ctx_new();
    patho_input in = {0};
    patho_linked_page(&in, n);
    ck_assert_uint_eq(classify(ctx, &in), 6 * n + 2);
    ck_assert_uint_eq(labelled(ctx, 1, 4 * n + 1, 4, SCRUB_LABEL_HEADING), n);
    ck_assert_uint_eq(labelled(ctx, 2, 4 * n + 1, 4, SCRUB_LABEL_CONTENT), n);
    ck_assert_uint_eq(labelled(ctx, 3, 4 * n + 1, 4, SCRUB_LABEL_CONTENT), n);
    ck_assert_uint_eq(kept(ctx, 0, 4 * n + 1), 3 * n);
    ck_assert_uint_eq(labelled(ctx, 4 * n + 1, 6 * n + 1, 1, SCRUB_LABEL_RELATED), 2 * n);
    ck_assert_uint_eq(kept(ctx, 4 * n + 1, 6 * n + 2), 0);
    patho_free(&in);
    scrub_ctx_free(ctx);
}
END_TEST

/* A line of two words of 20,001 and 20,000 letters é over the headline,
 * and four body sentences of such words one letter short: the kicker's
 * look for its text under the headline is bounded by the kicker's
 * length, not the body's; the line goes, the body stays */
START_TEST(test_filter_long_kicker)
{
    scrub_ctx *ctx = scrub_ctx_new();
    patho_input in = {0};
    patho_kicker(&in, 20000);
    ck_assert_uint_eq(classify(ctx, &in), 10);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 1), 0);
    ck_assert_uint_eq(labelled(ctx, 5, 9, 1, SCRUB_LABEL_CONTENT), 4);
    ck_assert_uint_eq(kept(ctx, 9, 10), 0);
    patho_free(&in);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(test_filter_minute_marks)
{
    const size_t n = 100000;
    scrub_ctx *ctx = scrub_ctx_new();
    patho_input in = {0};
    /* 100,000 lines of `1'` under a heading, no body: residue */
    patho_minutes(&in, n, 1);
    ck_assert_uint_eq(classify(ctx, &in), n + 1);
    ck_assert_uint_eq(labelled(ctx, 1, n + 1, 1, SCRUB_LABEL_ARTIFACT), n);
    patho_free(&in);
    /* the same run inside a body: read once per run, whatever it decides,
     * every mark is decided alike */
    patho_sandwich(&in, "1'", n, 0);
    ck_assert_uint_eq(classify(ctx, &in), n + 4);
    int first = scrub_filter_line_label(ctx, 2);
    ck_assert_uint_eq(labelled(ctx, 2, n + 2, 1, first), n);
    ck_assert_int_eq(scrub_filter_line_label(ctx, n + 3), SCRUB_LABEL_CONTENT);
    patho_free(&in);
    /* a live report of 10,000 entries, each stamped with its minute */
    patho_minutes(&in, 10000, 0);
    ck_assert_uint_eq(classify(ctx, &in), 20001);
    ck_assert_uint_eq(labelled(ctx, 1, 20001, 2, SCRUB_LABEL_CONTENT), 10000);
    ck_assert_uint_eq(labelled(ctx, 2, 20001, 2, SCRUB_LABEL_CONTENT), 10000);
    patho_free(&in);
    scrub_ctx_free(ctx);
}
END_TEST

/* The page make() writes for n: its n generated lines from line `first`
 * on stay content, and the page is no site farm. */
static void expect_content_no_farm(void (*make)(patho_input *, size_t), size_t n, size_t first)
{
    scrub_ctx *ctx = scrub_ctx_new();
    patho_input in = {0};
    make(&in, n);
    ck_assert_uint_eq(classify(ctx, &in), n + first);
    ck_assert_uint_eq(labelled(ctx, first, n + first, 1, SCRUB_LABEL_CONTENT), n);
    ck_assert_uint_eq(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM, 0);
    patho_free(&in);
    scrub_ctx_free(ctx);
}

/* 20,000 summary fields under a farm's brand field, none copying
 * another line: each field read is a pass over the page, so only the
 * first few are read; the listing stays content and no farm */
START_TEST(test_filter_summary_fields)
{
    expect_content_no_farm(patho_digests, 20000, 1);
}
END_TEST

/* 20,000 news lines, each naming a lottery after two Han characters of
 * its own: no brand repeats, so the substituted-brand check, which reads
 * the later lines for each candidate, tries a bounded number of them;
 * the news stays content and no farm */
START_TEST(test_filter_lottery_news)
{
    expect_content_no_farm(patho_lottery_news, 20000, 0);
}
END_TEST

START_TEST(test_filter_feeds)
{
    scrub_ctx *ctx = scrub_ctx_new();
    patho_input in = {0};
    /* a page opening with teasers under one head line of 100,000 Han
     * characters (each teaser as long): all but the first are a feed */
    patho_feed(&in, 100000, 0);
    ck_assert_uint_eq(classify(ctx, &in), 6);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_CONTENT);
    ck_assert_uint_eq(labelled(ctx, 3, 6, 1, SCRUB_LABEL_RELATED), 3);
    patho_free(&in);
    /* 2,000 runs of four teasers, each run on a subject of its own, with
     * nine links under each: the links are links, the teasers a feed */
    const size_t n = 2000;
    patho_feed(&in, n, 1);
    ck_assert_uint_eq(classify(ctx, &in), 1 + 13 * n);
    size_t links = 0, teasers = 0;
    for (size_t r = 0; r < n; r++) {
        teasers += labelled(ctx, 1 + 13 * r, 5 + 13 * r, 1, SCRUB_LABEL_RELATED);
        links += labelled(ctx, 5 + 13 * r, 14 + 13 * r, 1, SCRUB_LABEL_NAV);
    }
    ck_assert_uint_eq(links, 9 * n);
    ck_assert_uint_ge(teasers, 4 * n - 8);
    patho_free(&in);
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- linestats -------------------------------------------------------------- */

START_TEST(test_linestats_full_table)
{
    /* a table of n entries full of lines seen twice, then n one-line pages */
    const size_t n = 20000;
    patho_input in = {0};
    patho_linestats(&in, n);
    scrub_linestats *st = scrub_linestats_new(n - 1);
    ck_assert_status(patho_linestats_feed(st, in.buf, in.len), SCRUB_OK);
    ck_assert_uint_eq(scrub_linestats_pages(st), 4 + n);
    ck_assert_uint_le(scrub_linestats_entries(st), n - 1);
    /* the last page's line is in, counted once; an older line, if still
     * in, twice */
    patho_input last = {0};
    patho_letters(&last, "new line ", n - 1);
    ck_assert_uint_eq(scrub_linestats_count(st, last.buf, last.len - 1), 1);
    patho_input old = {0};
    patho_letters(&old, "older line ", 7);
    uint32_t c = scrub_linestats_count(st, old.buf, old.len - 1);
    ck_assert(c == 0 || c == 2);
    patho_free(&old);
    patho_free(&last);
    scrub_linestats_free(st);
    patho_free(&in);
}
END_TEST

/* ---- clean ------------------------------------------------------------------ */

START_TEST(test_clean_shapes)
{
    scrub_ctx *ctx = scrub_ctx_new();
    patho_input in = {0};
    size_t len;
    /* 10,000 paragraphs, every eighth a copyright line */
    patho_page(&in, 10000);
    char *out = run(ctx, R_CLEAN, &in, &len);
    ck_assert(is_repeat(out, len, SENT, 8750, ""));
    scrub_free(out);
    patho_free(&in);
    /* a sentence under 100,000 open elements */
    patho_rep(&in, "<div>", 100000);
    patho_puts(&in, SENT);
    out = run(ctx, R_CLEAN, &in, &len);
    ck_assert_mem_eq_str(out, len, SENT);
    scrub_free(out);
    patho_free(&in);
    /* a million `}` lines: nothing left */
    patho_lines(&in, "}", 1000000);
    out = run(ctx, R_CLEAN, &in, &len);
    ck_assert_uint_eq(len, 0);
    ck_assert_uint_eq(scrub_clean_label_count(ctx, SCRUB_LABEL_ARTIFACT), 1000000);
    scrub_free(out);
    patho_free(&in);
    scrub_ctx_free(ctx);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("patho");
    TCase *tc = tcase_create("patho");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_decode_invalid_runs);
    tcase_add_test(tc, test_decode_late_meta);
    tcase_add_test(tc, test_decode_many_metas);
    tcase_add_test(tc, test_html_deep_nesting);
    tcase_add_test(tc, test_html_unclosed);
    tcase_add_test(tc, test_html_attributes);
    tcase_add_test(tc, test_html_many_elements);
    tcase_add_test(tc, test_html_stray_end_tags);
    tcase_add_test(tc, test_html_scoring_shapes);
    tcase_add_test(tc, test_mojibake_shapes);
    tcase_add_test(tc, test_zh_shapes);
    tcase_add_test(tc, test_filter_braces);
    tcase_add_test(tc, test_filter_title_repeats);
    tcase_add_test(tc, test_filter_numbered);
    tcase_add_test(tc, test_filter_long_contents);
    tcase_add_test(tc, test_filter_headings);
    tcase_add_test(tc, test_filter_one_line);
    tcase_add_test(tc, test_filter_footers);
    tcase_add_test(tc, test_filter_boxed);
    tcase_add_test(tc, test_filter_linked_sections);
    tcase_add_test(tc, test_filter_long_kicker);
    tcase_add_test(tc, test_filter_minute_marks);
    tcase_add_test(tc, test_filter_summary_fields);
    tcase_add_test(tc, test_filter_lottery_news);
    tcase_add_test(tc, test_filter_feeds);
    tcase_add_test(tc, test_linestats_full_table);
    tcase_add_test(tc, test_clean_shapes);
    suite_add_tcase(s, tc);
    return s;
}

SCRUB_TEST_MAIN(make_suite)
