/* fuzz_filter_lexicon.c -- caller lexicons (scrub_filter_add_lexicon) and
 * label lists (scrub_label_mask_parse) from arbitrary bytes, then a
 * classification that uses them.
 *
 * The input is split at the first NUL: lexicon entries before it, the
 * document after it (and the same bytes as a label list).  Properties: a
 * rejected lexicon adds nothing (the classification equals the one without
 * it); an accepted one still classifies every line; a parsed mask keeps
 * only known label bits.
 */
#include <stdint.h>
#include <string.h>

#include "scrub.h"

static size_t classify(scrub_ctx *ctx, const char *doc, size_t n, int *labels, size_t cap)
{
    if (scrub_classify_lines(ctx, doc, n, 0) != SCRUB_OK) return (size_t)-1;
    size_t lines = scrub_filter_line_count(ctx);
    for (size_t i = 0; i < lines && i < cap; i++) labels[i] = scrub_filter_line_label(ctx, i);
    return lines;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    const char *nul = memchr(s, '\0', size);
    size_t lex_len = nul ? (size_t)(nul - s) : size;
    const char *doc = nul ? nul + 1 : "";
    size_t doc_len = nul ? size - lex_len - 1 : 0;

    unsigned mask = 0;
    if (scrub_label_mask_parse(s, lex_len, &mask) == SCRUB_OK) {
        unsigned all = 0;
        if (scrub_label_mask_parse("all", 3, &all) != SCRUB_OK) __builtin_trap();
        if (mask & ~all) __builtin_trap();
    }

    scrub_ctx *ctx = scrub_ctx_new();
    if (!ctx) return 0;
    enum { CAP = 64 };
    int before[CAP], after[CAP];
    size_t n0 = classify(ctx, doc, doc_len, before, CAP);
    int rc = scrub_filter_add_lexicon(ctx, s, lex_len);
    size_t n1 = classify(ctx, doc, doc_len, after, CAP);
    if (n0 != n1) __builtin_trap();
    if (rc != SCRUB_OK && n0 != (size_t)-1)
        for (size_t i = 0; i < n0 && i < CAP; i++)
            if (before[i] != after[i]) __builtin_trap();
    for (size_t i = 0; n1 != (size_t)-1 && i < n1 && i < CAP; i++)
        if (after[i] < 0) __builtin_trap();
    scrub_ctx_free(ctx);
    return 0;
}
