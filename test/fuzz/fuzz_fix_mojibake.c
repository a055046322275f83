/* fuzz_fix_mojibake.c -- scrub_fix_mojibake on arbitrary bytes.
 * Property: the output is valid UTF-8 made of LF-terminated lines, and
 * repairing the output again changes nothing more (with the same flags,
 * taken from the first byte). */
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "scrub.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static scrub_ctx *ctx;
    if (!ctx) ctx = scrub_ctx_new();
    if (!ctx || size == 0) return 0;
    unsigned flags = data[0] & SCRUB_FIX_ALL;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    char *out, *again;
    size_t n, n2;
    if (scrub_fix_mojibake(ctx, text, len, flags, &out, &n) != SCRUB_OK) __builtin_trap();
    if (scrub__utf8_valid_prefix(out, n) != n) __builtin_trap();
    if (n && out[n - 1] != '\n') __builtin_trap();
    if (scrub_fix_mojibake(ctx, out, n, flags, &again, &n2) != SCRUB_OK) __builtin_trap();
    if (n2 != n || memcmp(out, again, n) != 0) __builtin_trap();
    double score;
    if (scrub_mojibake_score(ctx, text, len, &score) != SCRUB_OK || score < 0 || score > 1)
        __builtin_trap();
    scrub_free(out);
    scrub_free(again);
    return 0;
}
