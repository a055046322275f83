/* bench_decode.c -- charset detection and decoding on the labelled corpus
 * ../shared/testdata/charset (every file of MANIFEST.tsv, whole files),
 * next to uchardet (the Debian anchor for detection) and ICU's converter
 * for the true charset (the anchor for decoding). */
/* bench-pkgs: uchardet */
#include "bench.h"

#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>

typedef struct {
    char **data;
    size_t *len;
    char **conv; /* ICU converter of the true charset, or NULL */
    size_t count, bytes;
} corpus;

static void run_detect(void *arg)
{
    corpus *c = arg;
    scrub_ctx *ctx = scrub_ctx_new();
    const char *name;
    int conf;
    for (size_t i = 0; i < c->count; i++) scrub_detect_charset(ctx, c->data[i], c->len[i], &name, &conf);
    scrub_ctx_free(ctx);
}

static void run_uchardet(void *arg)
{
    corpus *c = arg;
    uchardet_t ud = uchardet_new();
    for (size_t i = 0; i < c->count; i++) {
        uchardet_reset(ud);
        uchardet_handle_data(ud, c->data[i], c->len[i]);
        uchardet_data_end(ud);
        volatile const char *name = uchardet_get_charset(ud);
        (void)name;
    }
    uchardet_delete(ud);
}

static void run_decode(void *arg)
{
    corpus *c = arg;
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t i = 0; i < c->count; i++) {
        char *out;
        size_t n;
        if (scrub_decode(ctx, c->data[i], c->len[i], NULL, &out, &n) == SCRUB_OK) scrub_free(out);
    }
    scrub_ctx_free(ctx);
}

static void run_icu(void *arg)
{
    corpus *c = arg;
    static char target[1 << 22];
    for (size_t i = 0; i < c->count; i++) {
        if (!c->conv[i]) continue;
        UErrorCode err = U_ZERO_ERROR;
        ucnv_convert("UTF-8", c->conv[i], target, sizeof target, c->data[i], (int32_t)c->len[i],
                     &err);
    }
}

static const char *icu_name(const char *fam)
{
    static const char *const map[][2] = {
        {"big5", "ibm-1375_P100-2008"}, {"shift_jis", "ibm-943_P15A-2003"},
        {"euc-kr", "windows-949"},       {"ascii", "UTF-8"},
        {"mac-cyrillic", "macos-7_3-10.2"}, {"binary", NULL}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(fam, map[i][0])) return map[i][1];
    return fam;
}

int main(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/testdata/charset/MANIFEST.tsv", bench_shared());
    size_t mlen;
    char *manifest = bench_read(path, &mlen);
    if (!manifest) {
        printf("bench: %s not found; skipping decode\n", path);
        return 0;
    }
    corpus c = {0};
    c.data = calloc(2000, sizeof *c.data);
    c.len = calloc(2000, sizeof *c.len);
    c.conv = calloc(2000, sizeof *c.conv);
    char *save = NULL;
    strtok_r(manifest, "\n", &save);
    for (char *line = strtok_r(NULL, "\n", &save); line && c.count < 2000;
         line = strtok_r(NULL, "\n", &save)) {
        char rel[1024], fam[64];
        if (sscanf(line, "%1023[^\t]\t%*[^\t]\t%63[^\t]", rel, fam) != 2) continue;
        snprintf(path, sizeof path, "%s/testdata/charset/%s", bench_shared(), rel);
        size_t n;
        char *d = bench_read(path, &n);
        if (!d) continue;
        UErrorCode err = U_ZERO_ERROR;
        const char *conv = icu_name(fam);
        UConverter *probe = conv ? ucnv_open(conv, &err) : NULL;
        if (probe) ucnv_close(probe);
        c.conv[c.count] = probe && U_SUCCESS(err) ? strdup(conv) : NULL;
        c.data[c.count] = d;
        c.len[c.count++] = n;
        c.bytes += n;
    }
    if (!getenv("BENCH_NO_HEADER")) bench_header();
    double peak, apeak;
    char what[64];
    snprintf(what, sizeof what, "detect, charset/ %zu files", c.count);
    double mb = bench_measure(run_detect, &c, c.bytes, 3, &peak);
    double amb = bench_measure(run_uchardet, &c, c.bytes, 3, &apeak);
    bench_row("decode", what, mb, peak, "uchardet 0.0.7", amb, apeak);
    snprintf(what, sizeof what, "decode, charset/ %zu files", c.count);
    mb = bench_measure(run_decode, &c, c.bytes, 3, &peak);
    amb = bench_measure(run_icu, &c, c.bytes, 3, &apeak);
    bench_row("decode", what, mb, peak, "ICU, true charset known", amb, apeak);
    return 0;
}
