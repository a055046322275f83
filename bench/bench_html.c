/* bench_html.c -- scrub_html_to_text next to libxml2's bare htmlReadMemory
 * on the real pages of ../shared/testdata/html (every page whose encoding
 * MANIFEST.tsv knows, each given its HTTP charset as a crawler would). */
#include <libxml/HTMLparser.h>
#include <libxml/globals.h>
#include <libxml/xmlerror.h>

#include "bench.h"

typedef struct {
    char *data;
    size_t len;
    char charset[64]; /* HTTP charset, "" if none */
} page;

typedef struct {
    page *pages;
    size_t n;
    size_t bytes;
    scrub_ctx *ctx;
    unsigned flags;
} corpus;

static void charset_of(const char *content_type, char *out, size_t size)
{
    out[0] = '\0';
    const char *p = strstr(content_type, "charset=");
    if (!p) return;
    p += 8;
    size_t n = strcspn(p, "; \t");
    if (n >= size) n = size - 1;
    memcpy(out, p, n);
    out[n] = '\0';
}

/* Reads MANIFEST.tsv: path, true encoding, HTTP Content-Type, ... */
static int load(corpus *c, const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/MANIFEST.tsv", dir);
    size_t len;
    char *manifest = bench_read(path, &len);
    if (!manifest) return -1;
    c->pages = calloc(64, sizeof *c->pages);
    char *save = NULL;
    for (char *line = strtok_r(manifest, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *f[3] = {line, NULL, NULL};
        for (int i = 1; i < 3 && f[i - 1]; i++) {
            char *tab = strchr(f[i - 1], '\t');
            if (tab) *tab = '\0', f[i] = tab + 1;
        }
        if (!f[2] || strcmp(f[0], "path") == 0 || strcmp(f[1], "?") == 0 || c->n == 64) continue;
        char *tab = strchr(f[2], '\t');
        if (tab) *tab = '\0';
        page *p = &c->pages[c->n];
        snprintf(path, sizeof path, "%s/%s", dir, f[0]);
        if (!(p->data = bench_read(path, &p->len))) continue;
        charset_of(f[2], p->charset, sizeof p->charset);
        c->bytes += p->len;
        c->n++;
    }
    free(manifest);
    return c->n ? 0 : -1;
}

static void run_scrub(void *arg)
{
    corpus *c = arg;
    for (size_t i = 0; i < c->n; i++) {
        const page *p = &c->pages[i];
        char *out;
        size_t out_len;
        if (scrub_html_to_text(c->ctx, p->data, p->len, p->charset[0] ? p->charset : NULL, c->flags,
                               &out, &out_len) == SCRUB_OK)
            scrub_free(out);
    }
}

static void run_libxml2(void *arg)
{
    corpus *c = arg;
    for (size_t i = 0; i < c->n; i++) {
        const page *p = &c->pages[i];
        htmlDocPtr doc = htmlReadMemory(p->data, (int)p->len, NULL, p->charset[0] ? p->charset : NULL,
                                        HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                            HTML_PARSE_NOWARNING);
        xmlFreeDoc(doc);
    }
}

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

int main(void)
{
    char dir[2048];
    snprintf(dir, sizeof dir, "%s/testdata/html", bench_shared());
    corpus c = {0};
    if (load(&c, dir) != 0) {
        printf("bench: %s/MANIFEST.tsv not found; skipping html\n", dir);
        return 0;
    }
    /* bare libxml2 prints encoding errors through the generic handler */
    xmlSetGenericErrorFunc(NULL, quiet);
    c.ctx = scrub_ctx_new();
    if (!getenv("BENCH_NO_HEADER")) bench_header();
    char what[64];
    snprintf(what, sizeof what, "html_to_text, %zu pages", c.n);
    double anchor_peak, peak;
    double anchor = bench_measure(run_libxml2, &c, c.bytes, 5, &anchor_peak);
    double mb = bench_measure(run_scrub, &c, c.bytes, 5, &peak);
    bench_row("html", what, mb, peak, "libxml2 htmlReadMemory", anchor, anchor_peak);
    c.flags = SCRUB_HTML_UTF8;
    mb = bench_measure(run_scrub, &c, c.bytes, 5, &peak);
    bench_row("html", "  same, SCRUB_HTML_UTF8", mb, peak, "libxml2 htmlReadMemory", anchor,
              anchor_peak);
    scrub_ctx_free(c.ctx);
    for (size_t i = 0; i < c.n; i++) free(c.pages[i].data);
    free(c.pages);
    return 0;
}
