/* Fuzz target for scrub_classify_lines_ex with DOM hints: the rules that
 * read hints (lists, tables, headings, <main>, link shares, the ad and
 * related classes, the article guess of bit 18) run only when hints are
 * passed, and fuzz_classify_lines passes none; any hint word can come in
 * (no mask).  The corpus's boxed_prose, candidate_fallback, prose_dek and
 * teaser_box seeds reach the rules of those names; linked_headings reaches
 * own_headings (link share on headings), teaser_pairs teaser_pairs,
 * inserts hide_inserts (share and related class bits), boxed_lines
 * boxed_line and short_paragraphs joins_body.  Input: byte 0 is
 * k, the next 4*k bytes are hint words (little endian) given to the lines
 * in turn, bit 7 of byte 0 passes hints for half the lines only; the rest
 * is the text.  One label per line in range, a score in [0, 1], a reason,
 * the same labels when classified twice on one context. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void check(bool ok)
{
    if (!ok) __builtin_trap();
}

static uint32_t word_at(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static size_t count_lines(const char *text, size_t len)
{
    size_t n = 0;
    scrub__line line;
    for (size_t pos = 0; scrub__next_line(text, len, pos, &line); pos = line.next) n++;
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    size_t k = data[0] & 0x7f, head = 1 + 4 * k;
    if (size < head) return 0;
    const char *text = (const char *)data + head;
    size_t len = size - head, lines = count_lines(text, len);
    size_t nhints = k == 0 ? 0 : (data[0] & 0x80) ? lines / 2 : lines;
    uint32_t *hints = malloc((nhints ? nhints : 1) * sizeof *hints);
    if (!hints) return 0;
    for (size_t i = 0; i < nhints; i++) hints[i] = word_at(data + 1 + 4 * (i % k));
    scrub_ctx *ctx = scrub_ctx_new();
    if (!ctx) {
        free(hints);
        return 0;
    }
    check(scrub_classify_lines_ex(ctx, text, len, hints, nhints, NULL, 0) == SCRUB_OK);
    size_t n = scrub_filter_line_count(ctx);
    check(n == lines);
    int *labels = malloc((n ? n : 1) * sizeof *labels);
    if (labels) {
        for (size_t i = 0; i < n; i++) {
            labels[i] = scrub_filter_line_label(ctx, i);
            double score = scrub_filter_line_score(ctx, i);
            check(labels[i] >= 0 && labels[i] < SCRUB_LABEL_COUNT);
            check(score >= 0.0 && score <= 1.0);
            check(scrub_filter_line_reason(ctx, i) != NULL);
        }
        /* a context carries nothing from one document to the next */
        check(scrub_classify_lines_ex(ctx, text, len, hints, nhints, NULL, 0) == SCRUB_OK);
        for (size_t i = 0; i < n; i++) check(scrub_filter_line_label(ctx, i) == labels[i]);
        free(labels);
    }
    scrub_ctx_free(ctx);
    free(hints);
    return 0;
}
