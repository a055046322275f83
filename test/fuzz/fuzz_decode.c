/* Fuzz target: scrub_decode on any bytes (the first byte picks a declared
 * label) returns SCRUB_OK with valid UTF-8 output, a known charset, and a
 * replacement count no larger than the input. */
#include <stdint.h>
#include <string.h>

#include "scrub.h"

static int valid_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (!k || i + k > n || (k == 2 && c < 0xC2) || (k == 4 && c > 0xF4)) return 0;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xC0) != 0x80) return 0;
        if (k == 3 && ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] >= 0xA0))) return 0;
        if (k == 4 && ((c == 0xF0 && s[i + 1] < 0x90) || (c == 0xF4 && s[i + 1] >= 0x90))) return 0;
        i += k;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const labels[] = {NULL, "utf-8", "gb2312", "big5", "shift_jis",
                                         "euc-jp", "euc-kr", "iso-2022-jp", "windows-1251",
                                         "utf-16le", "text/html; charset=latin1", "bogus",
                                         "x-user-defined", "koi8-r", "hz-gb-2312", "utf-32"};
    static scrub_ctx *ctx;
    if (!ctx) ctx = scrub_ctx_new();
    if (!ctx || size == 0) return 0;
    const char *label = labels[data[0] % 16];
    char *out;
    size_t len;
    if (scrub_decode(ctx, (const char *)data + 1, size - 1, label, &out, &len) != SCRUB_OK)
        __builtin_trap();
    if (!valid_utf8((const unsigned char *)out, len) || out[len] != '\0') __builtin_trap();
    if (!scrub_decode_charset(ctx) || scrub_decode_replaced_bytes(ctx) > size - 1)
        __builtin_trap();
    scrub_free(out);
    return 0;
}
