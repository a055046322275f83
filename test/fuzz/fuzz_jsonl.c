/* fuzz_jsonl -- the JSONL parser and string writer of `scrub clean`.
 * Properties: a line the parser accepts, written back with its members'
 * raw values, parses again to the same members and strings; any bytes
 * written as a JSON string parse back as a valid string. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../examples/tool/jsonl.c"

static void check_roundtrip(const jsonl_record *r)
{
    tbuf b = {0};
    tbuf_putc(&b, '{');
    for (size_t i = 0; i < r->count; i++) {
        const jsonl_member *m = &r->members[i];
        if (i) tbuf_putc(&b, ',');
        jsonl_put_string(&b, jsonl_key(r, m), m->key_len);
        tbuf_putc(&b, ':');
        tbuf_add(&b, r->line + m->raw_off, m->raw_len);
    }
    tbuf_putc(&b, '}');
    if (b.failed) {
        tbuf_free(&b);
        return;
    }
    jsonl_record again = {0};
    if (jsonl_parse(&again, b.data, b.len) != 0 || again.count != r->count) __builtin_trap();
    for (size_t i = 0; i < r->count; i++) {
        const jsonl_member *m = &r->members[i], *n = &again.members[i];
        if (m->type != n->type || m->key_len != n->key_len || m->str_len != n->str_len)
            __builtin_trap();
        if (memcmp(jsonl_key(r, m), jsonl_key(&again, n), m->key_len) != 0) __builtin_trap();
        if (memcmp(jsonl_str(r, m), jsonl_str(&again, n), m->str_len) != 0) __builtin_trap();
    }
    jsonl_free(&again);
    tbuf_free(&b);
}

static void check_string_writer(const uint8_t *data, size_t size)
{
    tbuf b = {0};
    tbuf_puts(&b, "{\"s\":");
    jsonl_put_string(&b, (const char *)data, size);
    tbuf_putc(&b, '}');
    if (!b.failed) {
        jsonl_record r = {0};
        if (jsonl_parse(&r, b.data, b.len) != 0 || r.count != 1 || r.members[0].type != JSONL_STRING)
            __builtin_trap();
        jsonl_free(&r);
    }
    tbuf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jsonl_record r = {0};
    if (jsonl_parse(&r, (const char *)data, size) == 0) {
        check_roundtrip(&r);
        const jsonl_member *m = jsonl_get(&r, "bytes_b64");
        if (m && m->type == JSONL_STRING) {
            tbuf out = {0};
            if (jsonl_base64_decode(jsonl_str(&r, m), m->str_len, &out) && out.len > m->str_len)
                __builtin_trap(); /* base64 never grows */
            tbuf_free(&out);
        }
    }
    jsonl_free(&r);
    check_string_writer(data, size);
    return 0;
}
