/* fuzz_zh_convert.c -- scrub_zh_convert on arbitrary bytes.
 *
 * The first byte picks from/to/flags, the rest is the text.  Properties:
 *   - the call succeeds and the output is valid UTF-8;
 *   - *out_len <= SCRUB_ZH_MAX_GROWTH * len + 1 (the header's bound);
 *   - to Simplified (from auto) twice equals once, except where the output
 *     holds a character of upstream's chained entries (薴 -> 苧 -> 苎,
 *     麼/麽 -> 么 -> 幺 via the Taiwan variant table; the phrase 么麼 -> 幺麽
 *     leaves 麽), or a lone CR at the end
 *     of a line (the first pass ends the line with LF, the second then reads
 *     CR LF, which the text policy turns into LF).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static scrub_ctx *g_ctx;

static bool has_chained(const char *s, size_t n)
{
    static const char *const marks[] = {"\xE8\x8B\xA7" /* 苧 */, "\xE4\xB9\x88" /* 么 */,
                                        "\xE9\xBA\xBC" /* 麼 */, "\xE9\xBA\xBD" /* 麽 */,
                                        "\r\n"};
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
        for (size_t i = 0; i + strlen(marks[k]) <= n; i++)
            if (memcmp(s + i, marks[k], strlen(marks[k])) == 0) return true;
    return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!g_ctx) g_ctx = scrub_ctx_new();
    if (!g_ctx || size < 1) return 0;
    uint8_t sel = data[0];
    int from = sel % 5, to = 1 + (sel / 5) % 4;
    unsigned flags = (sel >> 3) & SCRUB_ZH_FLAGS_ALL;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;

    char *out;
    size_t n;
    if (scrub_zh_convert(g_ctx, text, len, from, to, flags, &out, &n) != SCRUB_OK)
        __builtin_trap();
    if (scrub__utf8_valid_prefix(out, n) != n) __builtin_trap();
    if (n > (size_t)SCRUB_ZH_MAX_GROWTH * len + 1) __builtin_trap();
    scrub_free(out);

    unsigned sflags = flags & (SCRUB_ZH_GREEDY | SCRUB_ZH_PHRASES | SCRUB_ZH_RARE_FORMS);
    char *once, *twice;
    size_t n1, n2;
    if (scrub_zh_convert(g_ctx, text, len, SCRUB_ZH_AUTO, SCRUB_ZH_HANS, sflags, &once, &n1) !=
        SCRUB_OK)
        __builtin_trap();
    if (scrub_zh_convert(g_ctx, once, n1, SCRUB_ZH_AUTO, SCRUB_ZH_HANS, sflags, &twice, &n2) !=
        SCRUB_OK)
        __builtin_trap();
    if ((n1 != n2 || memcmp(once, twice, n1) != 0) && !has_chained(once, n1)) __builtin_trap();
    scrub_free(once);
    scrub_free(twice);
    return 0;
}
