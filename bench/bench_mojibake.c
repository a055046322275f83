/* bench_mojibake.c -- scrub_fix_mojibake on clean Chinese and English text
 * (the fast path) and on mojibake-dense text, next to ICU converting the
 * same text (UTF-8 -> GBK -> UTF-8 with ucnv_convert), measured in the
 * same run. */
#include <unicode/ucnv.h>

#include "bench.h"

typedef struct {
    scrub_ctx *ctx;
    const char *text;
    size_t len;
    char *buf;
    size_t cap;
} job;

static void run_fix(void *arg)
{
    job *j = arg;
    char *out;
    size_t n;
    if (scrub_fix_mojibake(j->ctx, j->text, j->len, SCRUB_FIX_DEFAULT, &out, &n) == SCRUB_OK)
        scrub_free(out);
}

static void run_icu(void *arg)
{
    job *j = arg;
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = ucnv_convert("GBK", "UTF-8", j->buf, (int32_t)j->cap, j->text, (int32_t)j->len, &err);
    err = U_ZERO_ERROR;
    char *back = malloc(j->len + 16);
    ucnv_convert("UTF-8", "GBK", back, (int32_t)j->len + 16, j->buf, n, &err);
    free(back);
}

static char *load(const char *rel, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", bench_shared(), rel);
    return bench_read(path, len);
}

/* text's bytes in `enc` read as `dec`, as UTF-8 (malloc'ed). */
static char *mojibake(const char *text, size_t len, const char *enc, const char *dec, size_t *out_len)
{
    UErrorCode err = U_ZERO_ERROR;
    char *bytes = malloc(len * 2 + 16);
    int32_t nb = ucnv_convert(enc, "UTF-8", bytes, (int32_t)len * 2 + 16, text, (int32_t)len, &err);
    char *out = malloc((size_t)nb * 3 + 16);
    err = U_ZERO_ERROR;
    *out_len = (size_t)ucnv_convert("UTF-8", dec, out, nb * 3 + 16, bytes, nb, &err);
    free(bytes);
    return out;
}

static void measure(const char *what, const char *text, size_t len, bool anchor)
{
    job j = {scrub_ctx_new(), text, len, NULL, len * 2 + 16};
    double peak, apeak = 0, amb = 0;
    double mb = bench_measure(run_fix, &j, len, 3, &peak);
    if (anchor) {
        j.buf = malloc(j.cap);
        amb = bench_measure(run_icu, &j, len, 3, &apeak);
        free(j.buf);
    }
    bench_row("mojibake", what, mb, peak, anchor ? "ICU ucnv GBK round trip" : NULL, amb, apeak);
    scrub_ctx_free(j.ctx);
}

int main(void)
{
    size_t zl, el;
    char *zh = load("seeds/004_835892ec5bf962a3.txt", &zl);
    char *en = load("testdata/charset/uchardet/en/ascii.txt", &el);
    if (!zh || !en) {
        printf("bench: ../shared not found; skipping mojibake\n");
        return 0;
    }
    if (!getenv("BENCH_NO_HEADER")) bench_header();
    size_t n;
    char *big = bench_repeat(zh, zl, 32u << 20, &n);
    measure("clean zh, 32 MB", big, n, true);
    free(big);
    big = bench_repeat(en, el, 32u << 20, &n);
    measure("clean en, 32 MB", big, n, false);
    free(big);
    /* the longest line of a page: a 423 KB keyword-stuffed line of clean
     * Chinese, full of rare words, that leaves the fast path */
    size_t wl;
    char *web = load("testdata/web/gne-zh-news/text/tests/njxfhn/1.txt", &wl);
    if (web) {
        const char *best = web;
        size_t best_n = 0;
        for (const char *p = web; p < web + wl;) {
            const char *nl = memchr(p, '\n', (size_t)(web + wl - p));
            size_t ln = nl ? (size_t)(nl - p) : (size_t)(web + wl - p);
            if (ln > best_n) best = p, best_n = ln;
            p += ln + 1;
        }
        measure("keyword line, 423 KB", best, best_n, false);
        free(web);
    }
    size_t ml;
    char *m = mojibake(zh, zl, "GBK", "ISO-8859-1", &ml);
    big = bench_repeat(m, ml, 8u << 20, &n);
    measure("gbk read as latin-1, 8 MB", big, n, false);
    free(big);
    free(m);
    m = mojibake(zh, zl, "UTF-8", "windows-1252", &ml);
    big = bench_repeat(m, ml, 8u << 20, &n);
    measure("utf-8 read as cp1252, 8 MB", big, n, false);
    free(big);
    free(m);
    m = mojibake(zh, zl, "UTF-8", "GBK", &ml);
    big = bench_repeat(m, ml, 8u << 20, &n);
    measure("utf-8 read as gbk, 8 MB", big, n, false);
    free(big);
    free(m);
    free(zh);
    free(en);
    return 0;
}
