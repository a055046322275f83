/* Fuzz target for scrub_filter_lines / scrub_classify_lines: any bytes are
 * classified without error; one label per line, in range, with a score in
 * [0, 1] and a reason; inline spans lie inside their line; the output has
 * one LF per kept line and is valid UTF-8. */
#include <stdint.h>
#include <string.h>

#include "internal.h"

static void check(bool ok)
{
    if (!ok) __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    scrub_ctx *ctx = scrub_ctx_new();
    if (!ctx) return 0;
    const char *text = (const char *)data;
    unsigned flags = size ? data[0] & 0x7 : 0;
    char *out;
    size_t out_len;
    check(scrub_filter_lines(ctx, text, size, flags, &out, &out_len) == SCRUB_OK);
    size_t lines = 0;
    scrub__line line;
    for (size_t pos = 0; scrub__next_line(text, size, pos, &line); pos = line.next) lines++;
    size_t n = scrub_filter_line_count(ctx), kept = 0;
    check(n == lines);
    for (size_t i = 0; i < n; i++) {
        int label = scrub_filter_line_label(ctx, i);
        double score = scrub_filter_line_score(ctx, i);
        check(label >= 0 && label < SCRUB_LABEL_COUNT);
        check(score >= 0.0 && score <= 1.0);
        check(scrub_filter_line_reason(ctx, i) != NULL);
        kept += scrub_filter_line_kept(ctx, i) == 1;
    }
    for (size_t k = 0; k < scrub_filter_span_count(ctx); k++) {
        size_t li, s, e, ls, ll;
        check(scrub_filter_span(ctx, k, &li, &s, &e) == SCRUB_OK);
        check(scrub_filter_line_span(ctx, li, &ls, &ll) == SCRUB_OK);
        check(s >= ls && s < e && e <= ls + ll);
    }
    size_t lfs = 0;
    for (size_t i = 0; i < out_len; i++) lfs += out[i] == '\n';
    check(lfs == kept);
    check(scrub__utf8_valid_prefix(out, out_len) == out_len);
    scrub_free(out);
    scrub_ctx_free(ctx);
    return 0;
}
