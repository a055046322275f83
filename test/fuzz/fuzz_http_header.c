/* fuzz_http_header -- the HTTP response parser of `scrub clean --format=warc`.
 * Properties: the body offset lies inside the input, the parsed fields are
 * NUL-terminated within their arrays, and the decoded body never exceeds the
 * limit it was given. */
#include <stdint.h>
#include <string.h>

#include "../../examples/tool/http.c"

#define LIMIT (1u << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    http_response r;
    if (http_parse_response(s, size, &r)) {
        if (r.body_off > size) __builtin_trap();
        if (!memchr(r.content_type, 0, sizeof r.content_type)) __builtin_trap();
        if (!memchr(r.charset, 0, sizeof r.charset)) __builtin_trap();
        if (r.status < 0 || r.status > 999) __builtin_trap();
        tbuf out = {0};
        char err[128];
        int rc = http_body(&r, s, size, LIMIT, &out, err, sizeof err);
        if (rc == 0 && out.len > LIMIT) __builtin_trap();
        if (rc == 0 && r.content_encoding == HTTP_CE_IDENTITY && !r.chunked &&
            out.len != size - r.body_off)
            __builtin_trap();
        tbuf_free(&out);
    }
    char type[32], charset[16];
    http_parse_content_type(s, size, type, sizeof type, charset, sizeof charset);
    if (!memchr(type, 0, sizeof type) || !memchr(charset, 0, sizeof charset)) __builtin_trap();
    return 0;
}
