/* fuzz_html_to_text.c -- scrub_html_to_text on arbitrary bytes.
 *
 * The first byte picks the declared charset and the flags; the rest is the
 * page.  Property checked: a call returns a documented status; on success
 * the text is valid UTF-8, every line ends with LF, no line is empty, the
 * line count and the hints agree with the text, every hint's flag bits are
 * pinned ones, and the metadata strings are valid UTF-8. */
#include <stdint.h>
#include <string.h>

#include "internal.h"

static const char *const labels[] = {NULL, "utf-8", "gb2312", "windows-1252", "shift_jis",
                                     "big5", "utf-16le", "koi8-r"};

#define FLAGS_USED 0x0007FFFFu

static void check_string(const char *s)
{
    if (s && scrub__utf8_valid_prefix(s, strlen(s)) != strlen(s)) __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static scrub_ctx *ctx;
    if (!ctx && !(ctx = scrub_ctx_new())) return 0;
    if (size < 1) return 0;
    const char *label = labels[data[0] & 7];
    unsigned flags = (data[0] & 8) ? SCRUB_HTML_UTF8 : 0;
    scrub_ctx_set(ctx, SCRUB_PARAM_MAX_DEPTH, (data[0] & 16) ? 16 : 256);
    const char *page = (const char *)data + 1;
    size_t len = size - 1;
    char *out;
    size_t out_len;
    int rc = scrub_html_to_text(ctx, page, len, label, flags, &out, &out_len);
    if (rc != SCRUB_OK) {
        if (out || out_len) __builtin_trap();
        if (rc != SCRUB_E_TOO_LARGE && rc != SCRUB_E_ENCODING && rc != SCRUB_E_NOMEM) __builtin_trap();
        if (scrub_html_line_count(ctx) != 0) __builtin_trap();
        return 0;
    }
    if (!out || out[out_len] != '\0') __builtin_trap();
    if (scrub__utf8_valid_prefix(out, out_len) != out_len) __builtin_trap();
    if (out_len && out[out_len - 1] != '\n') __builtin_trap();
    size_t lines = 0;
    for (size_t i = 0; i < out_len; i++) {
        if (out[i] != '\n') continue;
        if (i == 0 || out[i - 1] == '\n') __builtin_trap(); /* an empty line */
        lines++;
    }
    size_t count;
    const uint32_t *hints = scrub_html_line_hints(ctx, &count);
    if (count != lines || scrub_html_line_count(ctx) != lines) __builtin_trap();
    for (size_t i = 0; i < count; i++)
        if (hints[i] & SCRUB_HINT_FLAGS_MASK & ~FLAGS_USED) __builtin_trap();
    check_string(scrub_html_title(ctx));
    check_string(scrub_html_lang(ctx));
    check_string(scrub_html_description(ctx));
    check_string(scrub_html_published(ctx));
    check_string(scrub_html_canonical(ctx));
    scrub_free(out);
    return 0;
}
