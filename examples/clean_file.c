/* clean_file.c -- the whole pipeline on one page: bytes in, clean text out.
 *
 *   cc clean_file.c $(pkg-config --cflags --libs scrub)
 *   ./a.out page.html [charset]      (no file: a built-in GBK sample)
 *
 * Reuses one context, as a crawler thread would for every page it fetches.
 */
#include <scrub.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        char *bigger = n == cap ? realloc(buf, cap *= 2) : buf;
        if (!bigger) free(buf);
        buf = bigger;
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    /* "<p>这是一段中文网页的正文，讲述了今天发生的事情。</p>" in GBK, labelled as gb2312 the way servers do */
    static const char sample[] = "<html><body><p>"
                                 "\xD5\xE2\xCA\xC7\xD2\xBB\xB6\xCE\xD6\xD0\xCE\xC4\xCD\xF8\xD2\xB3\xB5\xC4\xD5\xFD\xCE\xC4\xA3\xAC\xBD\xB2\xCA\xF6\xC1\xCB\xBD\xF1\xCC\xEC\xB7\xA2\xC9\xFA\xB5\xC4\xCA\xC2\xC7\xE9\xA1\xA3"
                                 "</p></body></html>";
    size_t len = sizeof sample - 1;
    char *page = NULL;
    const char *bytes = sample, *charset = argc > 2 ? argv[2] : "gb2312";
    if (argc > 1) {
        page = read_all(argv[1], &len);
        if (!page) {
            perror(argv[1]);
            return 1;
        }
        bytes = page;
        if (argc <= 2) charset = NULL;
    }

    scrub_ctx *ctx = scrub_ctx_new();
    if (!ctx) return 1;
    scrub_ctx_set(ctx, SCRUB_PARAM_CLEAN_TO, SCRUB_CLEAN_HANS); /* Simplified out */

    char *text;
    size_t text_len;
    int rc = scrub_clean(ctx, bytes, len, charset, 0, &text, &text_len);
    if (rc != SCRUB_OK) {
        fprintf(stderr, "scrub_clean: %s: %s\n", scrub_strerror(rc), scrub_ctx_errmsg(ctx));
    } else {
        fprintf(stderr, "charset %s, spam score %.2f\n", scrub_clean_charset(ctx),
                scrub_clean_spam_score(ctx));
        fwrite(text, 1, text_len, stdout);
        scrub_free(text);
    }
    scrub_ctx_free(ctx);
    free(page);
    return rc == SCRUB_OK ? 0 : 1;
}
