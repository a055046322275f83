/*
 * jsonl.h -- the JSON the `scrub clean --format=jsonl` mode reads and writes.
 *
 * One record is one JSON object on one line.  The reader validates the whole
 * line (RFC 8259) and keeps, per top-level member, its decoded key, the raw
 * text of its value (so fields the tool does not know pass through byte for
 * byte) and, for string values, the decoded UTF-8 string.  The writer escapes
 * strings so that any bytes give valid JSON (invalid UTF-8 becomes U+FFFD).
 *
 * Not thread-safe per record; records are independent.
 */
#ifndef SCRUB_TOOL_JSONL_H
#define SCRUB_TOOL_JSONL_H

#include <stdbool.h>
#include <stddef.h>

#include "tbuf.h"

enum { JSONL_STRING, JSONL_OTHER };

typedef struct {
    size_t key_off, key_len;   /* decoded key, in the record's arena */
    size_t raw_off, raw_len;   /* the value's JSON text, in the input line */
    int type;                  /* JSONL_STRING or JSONL_OTHER */
    size_t str_off, str_len;   /* decoded string value, in the arena */
} jsonl_member;

typedef struct {
    jsonl_member *members;
    size_t count, cap;
    tbuf arena;            /* decoded keys and strings, NUL after each */
    const char *line;      /* the parsed line (borrowed) */
    char error[96];        /* why the last parse failed */
} jsonl_record;

/* Parses one line holding one JSON object (surrounding whitespace allowed).
 * Returns 0, -1 for malformed JSON (the reason in r->error), or -2 when out
 * of memory.  `line` must outlive the use of the raw spans. */
int jsonl_parse(jsonl_record *r, const char *line, size_t len);

/* The last member with this key, or NULL. */
const jsonl_member *jsonl_get(const jsonl_record *r, const char *key);

/* The decoded key / string value of a member (NUL-terminated). */
const char *jsonl_key(const jsonl_record *r, const jsonl_member *m);
const char *jsonl_str(const jsonl_record *r, const jsonl_member *m);

void jsonl_free(jsonl_record *r);

/* Appends s[0..n) as a JSON string literal, quotes included. */
void jsonl_put_string(tbuf *b, const char *s, size_t n);

/* Decodes standard or URL-safe base64 (padding optional, whitespace
 * ignored) into out.  false on a character outside the alphabet or bad
 * length. */
bool jsonl_base64_decode(const char *s, size_t n, tbuf *out);

#endif
