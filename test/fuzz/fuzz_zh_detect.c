/* fuzz_zh_detect.c -- scrub_zh_detect on arbitrary bytes.
 *
 * Properties: the call succeeds, reports one of the four scripts with a
 * share in [0, 1] (0 exactly for none, at least 0.9 for hans/hant); text
 * converted to Simplified is never reported as Traditional.
 */
#include <stdint.h>

#include "scrub.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    scrub_ctx *ctx = scrub_ctx_new();
    if (!ctx) return 0;
    int script = -1;
    double share = -1;
    if (scrub_zh_detect(ctx, (const char *)data, size, &script, &share) != SCRUB_OK)
        __builtin_trap();
    if (share < 0 || share > 1) __builtin_trap();
    if (script == SCRUB_ZH_SCRIPT_NONE && share != 0) __builtin_trap();
    if ((script == SCRUB_ZH_SCRIPT_HANS || script == SCRUB_ZH_SCRIPT_HANT) && share < 0.9)
        __builtin_trap();
    if (script < SCRUB_ZH_SCRIPT_NONE || script > SCRUB_ZH_SCRIPT_MIXED) __builtin_trap();

    char *out;
    size_t out_len;
    if (scrub_zh_convert(ctx, (const char *)data, size, SCRUB_ZH_AUTO, SCRUB_ZH_HANS, 0, &out,
                         &out_len) == SCRUB_OK) {
        if (scrub_zh_detect(ctx, out, out_len, &script, &share) != SCRUB_OK) __builtin_trap();
        if (script == SCRUB_ZH_SCRIPT_HANT) __builtin_trap();
        scrub_free(out);
    }
    scrub_ctx_free(ctx);
    return 0;
}
