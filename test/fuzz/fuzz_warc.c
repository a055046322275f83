/* fuzz_warc -- the streaming WARC reader of `scrub clean --format=warc`,
 * fed in small reads so records straddle buffer edges.  Properties: reading
 * ends; every record's block is exactly as long as the bytes it consumed
 * allow (never more than the decompressed input); HTTP payloads decode
 * within their limit. */
#include <stdint.h>
#include <string.h>

#include "../../examples/tool/http.c"
#include "../../examples/tool/warc.c"

typedef struct {
    const uint8_t *data;
    size_t size, pos;
} source;

static size_t read_some(void *arg, void *buf, size_t n)
{
    source *s = arg;
    size_t step = 1 + (s->pos * 7919) % 97; /* uneven chunks */
    if (n > step) n = step;
    if (n > s->size - s->pos) n = s->size - s->pos;
    memcpy(buf, s->data + s->pos, n);
    s->pos += n;
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    source src = {data, size, 0};
    warc_reader *w = warc_open(read_some, &src, 1u << 20);
    if (!w) return 0;
    warc_record rec = {0};
    int rc, records = 0;
    while ((rc = warc_next(w, &rec)) == 1) {
        records++;
        if (rec.block.len > (1u << 20)) __builtin_trap();
        /* plain input: a block cannot be longer than the input */
        if (!(size >= 2 && data[0] == 0x1f && data[1] == 0x8b) && rec.block.len > size)
            __builtin_trap();
        http_response h;
        if (rec.block.len && http_parse_response(rec.block.data, rec.block.len, &h)) {
            tbuf body = {0};
            char err[128];
            if (http_body(&h, rec.block.data, rec.block.len, 1u << 20, &body, err, sizeof err) == 0 &&
                body.len > (1u << 20))
                __builtin_trap();
            tbuf_free(&body);
        }
        if (records > 100000) __builtin_trap();
    }
    if (rc == -1 && !warc_error(w)[0]) __builtin_trap(); /* a failure always says why */
    warc_record_free(&rec);
    warc_close(w);
    return 0;
}
