/* fuzz_clean -- scrub_clean() on arbitrary bytes.  Properties: the call
 * succeeds (or reports a status, never crashes); the output is valid UTF-8
 * made of LF-terminated, non-blank lines; the flags word makes no difference
 * to that; the clean accessors are readable; cleaning the output again
 * succeeds and yields valid UTF-8 no longer than the output plus its lines'
 * replacement growth. */
#include <stdint.h>
#include <string.h>

#include "internal.h"

static void check_shape(const char *out, size_t n)
{
    if (scrub__utf8_valid_prefix(out, n) != n) __builtin_trap();
    if (n && out[n - 1] != '\n') __builtin_trap();
    for (size_t i = 0; i < n; i++)
        if (out[i] == '\n' && (i == 0 || out[i - 1] == '\n')) __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static scrub_ctx *ctx;
    if (!ctx && !(ctx = scrub_ctx_new())) return 0;
    /* the first byte picks the switches and the target, the rest is the page */
    unsigned flags = 0;
    int to = SCRUB_CLEAN_KEEP;
    if (size) {
        flags = data[0] & (SCRUB_CLEAN_NO_DECODE | SCRUB_CLEAN_NO_HTML | SCRUB_CLEAN_FORCE_HTML |
                           SCRUB_CLEAN_NO_MOJIBAKE | SCRUB_CLEAN_NO_FILTER);
        to = (data[0] >> 5) % 5;
        data++, size--;
    }
    scrub_ctx_set(ctx, SCRUB_PARAM_CLEAN_TO, to);
    char *out = NULL;
    size_t n = 0;
    int rc = scrub_clean(ctx, (const char *)data, size, NULL, flags, &out, &n);
    if (rc != SCRUB_OK) {
        if (out || n) __builtin_trap();
        return 0;
    }
    check_shape(out, n);
    const char *script = scrub_clean_script(ctx, NULL);
    if (!script) __builtin_trap();
    double spam = scrub_clean_spam_score(ctx);
    if (!(spam >= 0.0 && spam <= 1.0)) __builtin_trap();
    const char *title = scrub_clean_title(ctx);
    if (title && scrub__utf8_valid_prefix(title, strlen(title)) != strlen(title)) __builtin_trap();
    char *again = NULL;
    size_t m = 0;
    rc = scrub_clean(ctx, out, n, NULL, flags | SCRUB_CLEAN_NO_DECODE, &again, &m);
    if (rc != SCRUB_OK && rc != SCRUB_E_NOMEM) __builtin_trap();
    if (rc == SCRUB_OK) check_shape(again, m);
    scrub_free(again);
    scrub_free(out);
    return 0;
}
