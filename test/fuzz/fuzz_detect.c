/* Fuzz target: scrub_detect_charset on any bytes returns SCRUB_OK, a
 * non-empty static name that scrub_charset_name() knows (or "binary"), and
 * a confidence in 0..100. */
#include <stdint.h>
#include <string.h>

#include "scrub.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static scrub_ctx *ctx;
    if (!ctx) ctx = scrub_ctx_new();
    if (!ctx) return 0;
    const char *name;
    int conf;
    if (scrub_detect_charset(ctx, (const char *)data, size, &name, &conf) != SCRUB_OK)
        __builtin_trap();
    if (!name || !*name || conf < 0 || conf > 100) __builtin_trap();
    if (strcmp(name, "binary") != 0 && !scrub_charset_name(name)) __builtin_trap();
    return 0;
}
