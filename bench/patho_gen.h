/*
 * patho_gen.h -- generators of pathological inputs, shared by
 * bench/bench_patho.c (which times each at n and 8n) and test/test_patho.c
 * (which checks the result at a small n).  Inputs are built in memory:
 * no big file is committed.  Each generator fills a patho_input with n
 * "units" of its shape (a unit is an element, a line, a character...).
 */
#ifndef SCRUB_PATHO_GEN_H
#define SCRUB_PATHO_GEN_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scrub.h"

typedef struct {
    char *buf;
    size_t len, cap;
    uint32_t *hints; /* one per line, or NULL */
    size_t nhints;
} patho_input;

static inline void patho_put(patho_input *in, const char *s, size_t n)
{
    if (in->len + n + 1 > in->cap) {
        size_t cap = in->cap ? in->cap : 4096;
        while (in->len + n + 1 > cap) cap *= 2;
        char *b = realloc(in->buf, cap);
        if (!b) abort();
        in->buf = b;
        in->cap = cap;
    }
    memcpy(in->buf + in->len, s, n);
    in->len += n;
    in->buf[in->len] = 0;
}

static inline void patho_puts(patho_input *in, const char *s) { patho_put(in, s, strlen(s)); }

/* Appends what printf would print (at most 255 bytes). */
static inline void patho_printf(patho_input *in, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static inline void patho_printf(patho_input *in, const char *fmt, ...)
{
    char b[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b, sizeof b, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof b) abort();
    patho_put(in, b, (size_t)n);
}

/* v in letters (a, b ... z, ba ...) into code: lines are hashed with
 * digits as 0, so numbered lines would all be one line. */
static inline const char *patho_code(size_t v, char code[16])
{
    size_t k = 0;
    do code[k++] = (char)('a' + v % 26), v /= 26;
    while (v && k < 15);
    code[k] = 0;
    return code;
}

static inline void patho_rep(patho_input *in, const char *s, size_t n)
{
    size_t l = strlen(s);
    for (size_t i = 0; i < n; i++) patho_put(in, s, l);
}

static inline void patho_free(patho_input *in)
{
    free(in->buf);
    free(in->hints);
    memset(in, 0, sizeof *in);
}

/* One hint per line of in (the lines as the filter splits them), each
 * `hint`; the first line gets `first` instead. */
static inline void patho_hints(patho_input *in, uint32_t first, uint32_t hint)
{
    size_t lines = 0;
    for (size_t i = 0; i < in->len; i++) lines += in->buf[i] == '\n';
    if (in->len && in->buf[in->len - 1] != '\n') lines++;
    in->hints = malloc((lines ? lines : 1) * sizeof *in->hints);
    if (!in->hints) abort();
    for (size_t i = 0; i < lines; i++) in->hints[i] = i ? hint : first;
    in->nhints = lines;
}

/* ---- decode ------------------------------------------------------------ */

/* A UTF-8 page: n Han characters, then a run of n invalid bytes (`bad`:
 * 0xFF, or a lone continuation byte 0x80), each one maximal invalid
 * subpart of its own.  The valid sequences outnumber the bad ones, so a
 * decoder keeps the page UTF-8. */
static inline void patho_invalid_run(patho_input *in, size_t n, char bad)
{
    patho_puts(in, "<p>");
    patho_rep(in, "\xe4\xb8\xad", n); /* 中 */
    for (size_t i = 0; i < n; i++) patho_put(in, &bad, 1);
    patho_puts(in, "</p>\n");
}

/* n bytes of ASCII text, then a <meta charset=gbk> and GBK text. */
static inline void patho_late_meta(patho_input *in, size_t n)
{
    patho_puts(in, "<html><head>");
    for (size_t i = 0; i < n / 64; i++)
        patho_puts(in, "<!-- padding padding padding padding padding padding pad -->\n");
    patho_puts(in, "<meta charset=\"gbk\"></head><body><p>\xd6\xd0\xce\xc4</p></body></html>\n");
}

/* n <meta> tags with unknown charsets, then text. */
static inline void patho_many_metas(patho_input *in, size_t n)
{
    patho_puts(in, "<html><head>");
    for (size_t i = 0; i < n; i++)
        patho_printf(in, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=x-%zu\">", i);
    patho_puts(in, "</head><body><p>caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87</p></body></html>\n");
}

/* ---- html -------------------------------------------------------------- */

/* n nested <div>s around one word, closed or not. */
static inline void patho_deep(patho_input *in, size_t n, int close)
{
    patho_rep(in, "<div>", n);
    patho_puts(in, "deep");
    if (close) patho_rep(in, "</div>", n);
}

/* n unclosed elements (`<p>x`, `<td>x`, `<li>x`...) after a prefix. */
static inline void patho_unclosed(patho_input *in, const char *prefix, const char *unit, size_t n)
{
    patho_puts(in, prefix);
    patho_rep(in, unit, n);
}

/* One attribute value of n bytes. */
static inline void patho_big_attr(patho_input *in, size_t n)
{
    patho_puts(in, "<div title=\"");
    for (size_t i = 0; i < n; i++) patho_put(in, &"abcdefgh"[i & 7], 1);
    patho_puts(in, "\">after</div>\n");
}

/* n blocks of script, noscript and comment around a word each. */
static inline void patho_hidden_blocks(patho_input *in, size_t n)
{
    for (size_t i = 0; i < n; i++)
        patho_puts(in, "<script>var a=1;</script><noscript>no</noscript><!-- c --><p>w</p>");
}

/* A table of n cells, 10 to a row. */
static inline void patho_table(patho_input *in, size_t n)
{
    patho_puts(in, "<table>");
    for (size_t i = 0; i < n; i++) {
        if (i % 10 == 0) patho_puts(in, i ? "</tr><tr>" : "<tr>");
        patho_puts(in, "<td>c</td>");
    }
    patho_puts(in, "</tr></table>\n");
}

/* One tag with n attributes. */
static inline void patho_many_attrs(patho_input *in, size_t n)
{
    patho_puts(in, "<div");
    for (size_t i = 0; i < n; i++) patho_printf(in, " a%zu=v", i);
    patho_puts(in, ">text</div>\n");
}

/* A sentence of 56 characters with a comma: it scores for the article. */
#define PATHO_PROSE "A line of prose, long enough to score for its own block."

/* n sibling blocks of one sentence each in one content block (the
 * article scoring's candidate list and sibling search). */
static inline void patho_sibling_divs(patho_input *in, size_t n)
{
    patho_puts(in, "<body><div class=\"content\">");
    patho_rep(in, "<div class=\"post\"><p>" PATHO_PROSE "</p></div>", n);
    patho_puts(in, "</div></body>\n");
}

/* n nested blocks, each opening with a sentence (the crediting up the
 * ancestors, past SCRUB_PARAM_MAX_DEPTH). */
static inline void patho_deep_text(patho_input *in, size_t n)
{
    patho_rep(in, "<div>" PATHO_PROSE, n);
}

/* One paragraph of n comma-separated words. */
static inline void patho_big_paragraph(patho_input *in, size_t n)
{
    patho_puts(in, "<p>");
    patho_rep(in, "word, ", n);
    patho_puts(in, "</p>\n");
}

/* One class attribute of n words, scoring and chrome words mixed. */
static inline void patho_big_class(patho_input *in, size_t n)
{
    static const char *words[] = {"article ", "nav ", "x ", "content ", "sidebar ", "zz "};
    patho_puts(in, "<div class=\"");
    for (size_t i = 0; i < n; i++) patho_puts(in, words[i % 6]);
    patho_puts(in, "\"><p>" PATHO_PROSE "</p></div>\n");
}

/* ---- mojibake ---------------------------------------------------------- */

/* 中文 encoded as UTF-8 and read as windows-1252 (14 bytes), n times on one
 * line, each followed by sep. */
#define PATHO_MOJI "\xc3\xa4\xc2\xb8\xc2\xad\xc3\xa6\xe2\x80\x93\xe2\x80\xa1"
static inline void patho_moji_line(patho_input *in, size_t n, const char *sep)
{
    for (size_t i = 0; i < n; i++) {
        patho_puts(in, PATHO_MOJI);
        patho_puts(in, sep);
    }
    patho_puts(in, "\n");
}

/* Han, Latin, Greek, Cyrillic, kana, Hangul in turn, one long line. */
static inline void patho_alternating(patho_input *in, size_t n)
{
    static const char *u[] = {"\xe4\xb8\xad", "a", "\xce\xa9", "\xd0\xb6", "\xe3\x81\x82",
                              "\xea\xb0\x80", "\xc3\xa9", "1"};
    for (size_t i = 0; i < n; i++) patho_puts(in, u[i % 8]);
    patho_puts(in, "\n");
}

/* ---- zh ---------------------------------------------------------------- */

/* Simplified text, n times, no line break. */
static inline void patho_zh_line(patho_input *in, size_t n)
{
    patho_rep(in, "\xe8\xbf\x99\xe6\x98\xaf\xe4\xb8\x80\xe4\xb8\xaa\xe8\xbd\xaf\xe4\xbb\xb6"
                  "\xe6\xb5\x8b\xe8\xaf\x95\xef\xbc\x8c", n); /* 这是一个软件测试， */
}

/* n repeats of a character that starts many phrases (一, 后, 发). */
static inline void patho_zh_prefix(patho_input *in, size_t n, const char *ch)
{
    patho_rep(in, ch, n);
    patho_puts(in, "\n");
}

/* ---- filter ------------------------------------------------------------ */

/* n lines of one fixed string. */
static inline void patho_lines(patho_input *in, const char *line, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        patho_puts(in, line);
        patho_puts(in, "\n");
    }
}

/* A title, then n lines that repeat it. */
static inline void patho_title_repeats(patho_input *in, size_t n)
{
    patho_lines(in, "\xe5\x85\xb3\xe4\xba\x8e\xe4\xb8\xbe\xe5\x8a\x9e\xe7\xa7\x8b\xe5\xad\xa3"
                    "\xe8\xbf\x90\xe5\x8a\xa8\xe4\xbc\x9a\xe7\x9a\x84\xe9\x80\x9a\xe7\x9f\xa5",
                n + 1); /* 关于举办秋季运动会的通知 */
}

/* n numbered lines: `N. 第N条 内容`. */
static inline void patho_numbered(patho_input *in, size_t n)
{
    for (size_t i = 0; i < n; i++)
        patho_printf(in, "%zu. \xe7\xac\xac%zu\xe6\x9d\xa1 \xe6\x9d\xa1\xe6\xac\xbe\xe5\x86\x85\xe5\xae\xb9\n", i + 1, i + 1);
}

/* Heading i: `第N章 ` and a letter code of i, so that no two headings
 * normalize alike (digits count as 0 in line hashes). */
static inline void patho_heading(patho_input *in, size_t i)
{
    char code[16];
    patho_printf(in, "\xe7\xac\xac%zu\xe7\xab\xa0 %s\n", i + 1, patho_code(i, code)); /* 第N章 */
}

/* n short headings (a contents table), then each heading again followed
 * by a sentence. */
static inline void patho_headings(patho_input *in, size_t n)
{
    for (size_t i = 0; i < n; i++) patho_heading(in, i);
    for (size_t i = 0; i < n; i++) {
        patho_heading(in, i);
        patho_puts(in, "\xe8\xbf\x99\xe4\xb8\x80\xe7\xab\xa0\xe8\xae\xb2\xe8\xbf\xb0\xe4\xba\x86"
                       "\xe6\x95\xb4\xe4\xb8\xaa\xe9\xa1\xb9\xe7\x9b\xae\xe7\x9a\x84\xe8\x83\x8c"
                       "\xe6\x99\xaf\xe5\x92\x8c\xe7\x9b\xae\xe6\xa0\x87\xe3\x80\x82\n");
    }
}

/* One line of n copies of a sentence, no line break. */
static inline void patho_one_line(patho_input *in, size_t n)
{
    patho_rep(in, "\xe4\xbb\x8a\xe5\xa4\xa9\xe5\xa4\xa9\xe6\xb0\x94\xe5\xbe\x88\xe5\xa5\xbd"
                  "\xef\xbc\x8c\xe6\x88\x91\xe4\xbb\xac\xe5\x8e\xbb\xe5\x85\xac\xe5\x9b\xad"
                  "\xe6\x95\xa3\xe6\xad\xa5\xe3\x80\x82", n); /* 今天天气很好，我们去公园散步。 */
}

/* n pairs: a sentence, then a footer marker line. */
static inline void patho_footers(patho_input *in, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        patho_puts(in, "\xe4\xbb\x8a\xe5\xa4\xa9\xe5\xa4\xa9\xe6\xb0\x94\xe5\xbe\x88\xe5\xa5\xbd"
                       "\xef\xbc\x8c\xe6\x88\x91\xe4\xbb\xac\xe5\x8e\xbb\xe5\x85\xac\xe5\x9b\xad"
                       "\xe6\x95\xa3\xe6\xad\xa5\xe3\x80\x82\n");
        patho_puts(in, "Copyright \xc2\xa9 2024 \xe7\x89\x88\xe6\x9d\x83\xe6\x89\x80\xe6\x9c\x89\n");
    }
}

/* A menu, then n distinct sentences each followed by a blank line, a last
 * sentence and a copyright line.  With hints PATHO_BOXED_FIRST and
 * PATHO_BOXED_REST (patho_hints) the menu is nav and everything else one
 * ad box inside the article guess, its gaps the blanks: the walk of
 * boxed_prose and candidate_fallback over one box as long as the page. */
static inline void patho_boxed(patho_input *in, size_t n)
{
    static const char *const digit[] = {"river", "garden", "school", "bridge", "market",
                                        "station", "library", "harbour", "tower", "museum"};
    patho_puts(in, "Home | News | Sport | Culture\n");
    for (size_t i = 0; i < n; i++) {
        patho_puts(in, "The hall is open every day except Monday, and the readers who come early find a quiet seat by the windows near the");
        size_t v = i;
        do {
            patho_printf(in, " %s", digit[v % 10]);
            v /= 10;
        } while (v);
        patho_puts(in, ".\n\n");
    }
    patho_puts(in, "The new chief planner took office in March after ten years of work on "
                   "the riverside districts.\n"
                   "Copyright 2024 Example News\n");
}

#define PATHO_BOXED_FIRST (SCRUB_HINT_IN_NAV | 255u << SCRUB_HINT_LINK_SHARE_SHIFT)
#define PATHO_BOXED_REST (SCRUB_HINT_IN_CANDIDATE | SCRUB_HINT_CLASS_AD)

/* Appends the hint of the line just written (the generators that give
 * each line its own hint). */
static inline void patho_hint(patho_input *in, uint32_t hint)
{
    if (in->nhints < 16 || !(in->nhints & (in->nhints - 1))) {
        size_t cap = in->nhints < 16 ? 16 : in->nhints * 2;
        uint32_t *h = realloc(in->hints, cap * sizeof *h);
        if (!h) abort();
        in->hints = h;
    }
    in->hints[in->nhints++] = hint;
}

#define PATHO_LINK (255u << SCRUB_HINT_LINK_SHARE_SHIFT)
#define PATHO_GUESS SCRUB_HINT_IN_CANDIDATE

/* A page with its own hints: a menu, then n sections inside the article
 * guess, each a linked heading over two sentences and a linked headline
 * of another story, then n unlinked headings below the
 * guess, each over one short lede, and a footer.  The linked headings
 * are own_headings' (each reads the section under it and the next),
 * the headlines hide_inserts' and the pairs below teaser_pairs': each
 * pass walks its lines once. */
static inline void patho_linked_page(patho_input *in, size_t n)
{
    char c[16];
    patho_puts(in, "Home | News | Sport | Culture\n");
    patho_hint(in, SCRUB_HINT_IN_NAV | PATHO_LINK);
    for (size_t i = 0; i < n; i++) {
        patho_code(i, c);
        patho_printf(in, "What the %s quarter asked for\n", c);
        patho_hint(in, SCRUB_HINT_HEADING | PATHO_LINK | PATHO_GUESS);
        patho_printf(in, "The council met on Monday to talk about the river bank near the %s "
                         "quarter, and many of its residents came to listen.\n", c);
        patho_hint(in, PATHO_GUESS);
        patho_printf(in, "Engineers said the new wall along the %s quarter would hold back the "
                         "water for many years to come.\n", c);
        patho_hint(in, PATHO_GUESS);
        patho_printf(in, "Another story from the %s quarter\n", c);
        patho_hint(in, PATHO_LINK | PATHO_GUESS);
    }
    for (size_t i = 0; i < n; i++) {
        patho_code(i, c);
        patho_printf(in, "Other news from %s\n", c);
        patho_hint(in, SCRUB_HINT_HEADING);
        patho_printf(in, "The market on the %s square opens again on Saturday after a long "
                         "winter, the traders said.\n", c);
        patho_hint(in, 0);
    }
    patho_puts(in, "Copyright 2024 Example News\n");
    patho_hint(in, SCRUB_HINT_IN_FOOTER);
}

/* A page with its own hints: a menu, a line of two accented words of n
 * letters each right over the headline, a comment counter, a byline, four
 * body sentences each holding four such words of n letters (one letter
 * short of the line's first word) and a footer.  The line over the
 * headline has a kicker's shape (kicker_over_title), which looks for its
 * text in the lines under the headline: every é there is a place a match
 * may start, and each runs to the end of its word. */
static inline void patho_kicker(patho_input *in, size_t n)
{
    patho_puts(in, "Home | Health | Science | Contact\n");
    patho_hint(in, SCRUB_HINT_IN_NAV | PATHO_LINK);
    patho_rep(in, "\xc3\xa9", n + 1);
    patho_puts(in, " ");
    patho_rep(in, "\xc3\xa9", n);
    patho_puts(in, "\n");
    patho_hint(in, 0);
    patho_puts(in, "Dogs on the Ward Calm Patients Before Surgery\n");
    patho_hint(in, SCRUB_HINT_HEADING | SCRUB_HINT_TITLE);
    patho_puts(in, "12 comments\n");
    patho_hint(in, SCRUB_HINT_CLASS_COMMENT | PATHO_LINK);
    patho_puts(in, "By Jane Miller, March 3, 2026\n");
    patho_hint(in, 0);
    for (int b = 0; b < 4; b++) {
        patho_puts(in, "A hospital in the north has tested ");
        for (int w = 0; w < 4; w++) {
            patho_rep(in, "\xc3\xa9", n);
            patho_puts(in, " ");
        }
        patho_puts(in, "on patients waiting for an operation today.\n");
        patho_hint(in, PATHO_GUESS);
    }
    patho_puts(in, "Copyright 2026 Example Health News\n");
    patho_hint(in, SCRUB_HINT_IN_FOOTER);
}

/* A heading, then n pairs of a minute mark and a sentence (a live report
 * of n entries), or n minute marks alone when `alone`. */
static inline void patho_minutes(patho_input *in, size_t n, int alone)
{
    patho_puts(in, "\xe6\xaf\x94\xe8\xb5\x9b\xe7\x9b\xb4\xe6\x92\xad\n"); /* 比赛直播 */
    for (size_t i = 0; i < n; i++) {
        patho_printf(in, "%zu'\n", alone ? 1 : i % 90 + 1);
        if (!alone)
            patho_puts(in, "\xe7\x90\x83\xe5\x91\x98\xe5\x9c\xa8\xe7\xa6\x81\xe5\x8c\xba\xe5\xa4\x96"
                           "\xe8\xbf\x9c\xe5\xb0\x84\xef\xbc\x8c\xe7\x90\x83\xe9\xab\x98\xe5\x87\xba"
                           "\xe6\xa8\xaa\xe6\xa2\x81\xe3\x80\x82\n");
    }
}

/* The Han character U+4E00 + k % 20000 in UTF-8. */
static inline void patho_han(patho_input *in, size_t k)
{
    unsigned cp = 0x4E00u + (unsigned)(k % 20000);
    char u[3] = {(char)(0xE0 | cp >> 12), (char)(0x80 | (cp >> 6 & 0x3F)), (char)(0x80 | (cp & 0x3F))};
    patho_put(in, u, 3);
}

/* A listing of n summary fields (文章摘要：), each a sentence of its own
 * (twelve Han characters from its index open it, so none copies
 * another), under one farm brand field (js777官网): the brand's point
 * leaves the farm one point short, so the copied-summary check runs. */
static inline void patho_digests(patho_input *in, size_t n)
{
    patho_puts(in, "js777\xe5\xae\x98\xe7\xbd\x91\n"); /* js777官网 */
    for (size_t i = 0; i < n; i++) {
        patho_puts(in, "\xe6\x96\x87\xe7\xab\xa0\xe6\x91\x98\xe8\xa6\x81\xef\xbc\x9a"); /* 文章摘要： */
        for (size_t d = 0, k = i; d < 12; d++, k /= 7) patho_han(in, 100 * d + k % 7 + 1);
        patho_rep(in, "\xe4\xb8\xad", 12); /* 中 */
        patho_puts(in, "\xe3\x80\x82\n"); /* 。 */
    }
}

/* n news sentences, each naming a lottery (彩票, a gambling term) after
 * two Han characters of its own: no brand repeats, so a substituted-
 * brand check that read every later line for each one would be
 * quadratic (it tries a bounded number of candidates a page). */
static inline void patho_lottery_news(patho_input *in, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        patho_puts(in, "\xe8\xae\xb0\xe8\x80\x85\xe4\xbb\x8a\xe5\xa4\xa9\xe4\xba\x86\xe8\xa7\xa3"
                       "\xe5\x88\xb0\xef\xbc\x8c"); /* 记者今天了解到， */
        patho_han(in, 200 + i % 140);
        patho_han(in, 400 + i / 140);
        patho_puts(in, "\xe5\xbd\xa9\xe7\xa5\xa8\xe7\x9a\x84\xe9\x94\x80\xe5\x94\xae\xe6\x83\x85"
                       "\xe5\x86\xb5\xe6\xaf\x94\xe5\x8e\xbb\xe5\xb9\xb4\xe5\xa5\xbd\xe3\x80\x82\n");
        /* 彩票的销售情况比去年好。 */
    }
}

/* A page that opens with teasers (summaries cut short by one `…`) under
 * a heading, no whole sentence above them.  `runs` = 0: one long head line
 * of n 一 over four teasers of n 二 each; else n runs of four teasers
 * (each run in a character of its own, sharing no word with the lines
 * above) and nine short links. */
static inline void patho_feed(patho_input *in, size_t n, int runs)
{
    patho_puts(in, "\xe5\x85\xb3\xe4\xba\x8e\xe4\xb8\xbe\xe5\x8a\x9e\xe7\xa7\x8b\xe5\xad\xa3"
                   "\xe8\xbf\x90\xe5\x8a\xa8\xe4\xbc\x9a\xe7\x9a\x84\xe9\x80\x9a\xe7\x9f\xa5\n");
    if (!runs) {
        patho_rep(in, "\xe4\xb8\x80", n); /* 一 */
        patho_puts(in, "\n");
        for (int t = 0; t < 4; t++) {
            patho_rep(in, "\xe4\xba\x8c", n); /* 二 */
            patho_puts(in, "\xe2\x80\xa6\n");
        }
        return;
    }
    for (size_t r = 0; r < n; r++) {
        for (int t = 0; t < 4; t++) {
            for (int c = 0; c < 12; c++) patho_han(in, 1000 + r);
            patho_puts(in, "\xe2\x80\xa6\n");
        }
        patho_rep(in, "\xe6\x9b\xb4\xe5\xa4\x9a\n", 9); /* 更多 */
    }
}

/* A body sentence, then n lines of x (or n pairs of x and a sentence
 * when `interleave`), then a sentence: rules that look at the body's
 * neighbours see the whole run. */
#define PATHO_SENTENCE "\xe4\xbb\x8a\xe5\xa4\xa9\xe5\xa4\xa9\xe6\xb0\x94\xe5\xbe\x88\xe5\xa5\xbd" \
    "\xef\xbc\x8c\xe6\x88\x91\xe4\xbb\xac\xe5\x8e\xbb\xe5\x85\xac\xe5\x9b\xad" \
    "\xe6\x95\xa3\xe6\xad\xa5\xe3\x80\x82\n"
static inline void patho_sandwich(patho_input *in, const char *x, size_t n, int interleave)
{
    patho_puts(in, PATHO_SENTENCE PATHO_SENTENCE);
    for (size_t i = 0; i < n; i++) {
        patho_puts(in, x);
        patho_puts(in, "\n");
        if (interleave) patho_puts(in, PATHO_SENTENCE);
    }
    patho_puts(in, PATHO_SENTENCE PATHO_SENTENCE);
}

/* ---- linestats --------------------------------------------------------- */

/* For a linestats object of n entries: n - 2 older lines (each added on
 * two pages, patho_linestats_feed), a form feed line, then n pages of one
 * new line each. */
static inline void patho_letters(patho_input *in, const char *prefix, size_t v)
{
    char code[16];
    patho_printf(in, "%s%s\n", prefix, patho_code(v, code));
}

static inline void patho_linestats(patho_input *in, size_t n)
{
    /* letters, not digits: lines are hashed with digits as 0 */
    for (size_t i = 0; i + 2 < n; i++) patho_letters(in, "older line ", i);
    patho_puts(in, "\f\n");
    for (size_t i = 0; i < n; i++) patho_letters(in, "new line ", i);
}

/* Adds patho_linestats() input to st (made with max_entries n): the older
 * lines in two halves of as many lines, each half on two pages (count 2,
 * the table full),
 * then each new line as a page of its own.  Returns the first failure. */
static inline int patho_linestats_feed(scrub_linestats *st, const char *text, size_t len)
{
    const char *ff = memchr(text, '\f', len);
    size_t bulk = ff ? (size_t)(ff - text) : 0, lines = 0, half = 0;
    for (size_t i = 0; i < bulk; i++) lines += text[i] == '\n';
    for (size_t seen = 0; half < bulk && seen < lines / 2; half++) seen += text[half] == '\n';
    int rc = SCRUB_OK;
    for (int r = 0; r < 2; r++) {
        rc = rc ? rc : scrub_linestats_add_page(st, text, half);
        rc = rc ? rc : scrub_linestats_add_page(st, text + half, bulk - half);
    }
    for (size_t s = ff ? bulk + 2 : 0; s < len && !rc;) {
        const char *nl = memchr(text + s, '\n', len - s);
        size_t e = nl ? (size_t)(nl - text) : len;
        rc = scrub_linestats_add_page(st, text + s, e - s);
        s = e + 1;
    }
    return rc;
}

/* ---- clean ------------------------------------------------------------- */

/* An HTML page of n paragraphs, one in eight of them boilerplate. */
static inline void patho_page(patho_input *in, size_t n)
{
    patho_puts(in, "<!DOCTYPE html><html><head><title>\xe6\xb5\x8b\xe8\xaf\x95</title></head><body>");
    for (size_t i = 0; i < n; i++)
        patho_puts(in, i % 8 == 7 ? "<p>Copyright \xc2\xa9 2024 \xe7\x89\x88\xe6\x9d\x83\xe6\x89\x80\xe6\x9c\x89</p>"
                                  : "<p>\xe4\xbb\x8a\xe5\xa4\xa9\xe5\xa4\xa9\xe6\xb0\x94\xe5\xbe\x88\xe5\xa5\xbd"
                                    "\xef\xbc\x8c\xe6\x88\x91\xe4\xbb\xac\xe5\x8e\xbb\xe5\x85\xac\xe5\x9b\xad"
                                    "\xe6\x95\xa3\xe6\xad\xa5\xe3\x80\x82</p>");
    patho_puts(in, "</body></html>\n");
}

#endif
