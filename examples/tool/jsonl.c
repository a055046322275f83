/* jsonl.c -- JSON records for `scrub clean --format=jsonl`; see jsonl.h. */
#include "jsonl.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Deeper nesting than this in a pass-through value is refused rather than
 * risking the stack on hostile input. */
#define MAX_DEPTH 512

typedef struct {
    const unsigned char *s;
    size_t len, pos;
    jsonl_record *r;
    bool nomem;
} parser;

static int json_fail(parser *p, const char *what)
{
    snprintf(p->r->error, sizeof p->r->error, "%s at byte %zu", what, p->pos + 1);
    return -1;
}

static void skip_ws(parser *p)
{
    while (p->pos < p->len) {
        unsigned char c = p->s[p->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        p->pos++;
    }
}

static void put_cp(tbuf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | cp >> 6);
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | cp >> 12);
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | cp >> 18);
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    tbuf_add(b, u, n);
}

/* Length of the valid UTF-8 sequence at s (n >= 1 bytes), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80) return 1;
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) need = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else
        return 0;
    if (n < need || s[1] < lo || s[1] > hi) return 0;
    for (size_t i = 2; i < need; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    return need;
}

/* How many bytes at s[0..n) make one character a JSON string holds as it
 * is, 0 for a quote, backslash, control character or invalid UTF-8. */
static size_t plain_char(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80) return c < 0x20 || c == '"' || c == '\\' ? 0 : 1;
    return utf8_seq(s, n);
}

#if defined(__SSE2__)
#include <emmintrin.h>

#define SET1(c) _mm_set1_epi8((char)(c))

/* How many of the 16 bytes at s are whole characters plain_char takes.
 * Chinese text mixes 3-byte characters with ASCII punctuation and digits
 * every few characters, so both are checked together: bytes are classed
 * as plain ASCII, continuation or a 3-byte lead other than E0 and ED (the
 * two whose second byte has a narrower range), and the continuations must
 * be exactly the two bytes after each lead.  The count stops at the first
 * byte that breaks this, or before a lead whose sequence it cuts; the
 * caller checks the character there on its own. */
static inline __attribute__((always_inline)) unsigned plain16(const unsigned char *s)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    /* signed compares: bytes >= 0x80 are below 0x20, 80..BF below C0 */
    __m128i stop = _mm_or_si128(_mm_cmplt_epi8(v, SET1(0x20)),
                                _mm_or_si128(_mm_cmpeq_epi8(v, SET1('"')),
                                             _mm_cmpeq_epi8(v, SET1('\\'))));
    __m128i high = _mm_cmplt_epi8(v, _mm_setzero_si128());
    __m128i cont = _mm_cmplt_epi8(v, SET1(0xC0));
    __m128i narrow = _mm_or_si128(_mm_cmpeq_epi8(v, SET1(0xE0)), _mm_cmpeq_epi8(v, SET1(0xED)));
    __m128i lead = _mm_andnot_si128(narrow, _mm_cmpeq_epi8(_mm_and_si128(v, SET1(0xF0)), SET1(0xE0)));
    /* an ASCII stop, or a high byte that is neither continuation nor lead */
    __m128i wrong = _mm_or_si128(_mm_andnot_si128(high, stop),
                                 _mm_andnot_si128(_mm_or_si128(cont, lead), high));
    uint32_t c = (uint32_t)_mm_movemask_epi8(cont), l = (uint32_t)_mm_movemask_epi8(lead);
    uint32_t want = l << 1 | l << 2; /* may reach bits 16 and 17: past the block */
    uint32_t bad = (uint32_t)_mm_movemask_epi8(wrong) | (c ^ want) | 1u << 16;
    unsigned b = (unsigned)__builtin_ctz(bad);
    /* back off to a lead at b - 2 (bit 0) or b - 1 (bit 1) */
    unsigned cut = (l << 2) >> b & 3;
    return b - (0x120u >> cut * 4 & 15);
}
#undef SET1
#else
/* Portable fallback: the same count a character at a time. */
static unsigned plain16(const unsigned char *s)
{
    unsigned i = 0;
    for (size_t k; i < 16 && (k = plain_char(s + i, 16 - i)) != 0; i += (unsigned)k) {}
    return i;
}
#endif

/* Length of the run at s[0..n) that a JSON string holds as it is: no
 * quote, backslash or control character, and valid UTF-8.  Strings are
 * mostly such runs (Chinese text all of it), so they are checked sixteen
 * bytes a step and, when d is not NULL, copied to d (room for n bytes) as
 * they are checked rather than by a second pass. */
static inline __attribute__((always_inline)) size_t plain_copy(const unsigned char *s, size_t n,
                                                                char *d)
{
    size_t i = 0;
    for (;;) {
        if (n - i >= 16) {
            if (d) memcpy(d + i, s + i, 16); /* past the run is scratch */
            unsigned k = plain16(s + i);
            i += k;
            if (k >= 14) continue; /* 16, or a lead the block's end cut */
        } else {
            /* a short tail (short strings are common: keys, labels) is
             * checked as a block padded with quotes, which stop it */
            unsigned char tail[16];
            memset(tail, '"', sizeof tail);
            memcpy(tail, s + i, n - i);
            unsigned k = plain16(tail);
            if (d) memcpy(d + i, tail, k);
            i += k;
            if (i >= n) return i;
        }
        size_t k = plain_char(s + i, n - i);
        if (!k) return i;
        for (size_t j = 0; d && j < k; j++) d[i + j] = (char)s[i + j];
        i += k;
    }
}

/* plain_copy without the copy, compiled on its own. */
static size_t plain_run(const unsigned char *s, size_t n)
{
    return plain_copy(s, n, NULL);
}

static int hex4(parser *p, uint32_t *v)
{
    if (p->len - p->pos < 4) return json_fail(p, "truncated \\u escape");
    uint32_t x = 0;
    for (int i = 0; i < 4; i++) {
        unsigned char c = p->s[p->pos + i];
        x <<= 4;
        if (c >= '0' && c <= '9') x |= c - '0';
        else if (c >= 'a' && c <= 'f') x |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') x |= c - 'A' + 10;
        else return json_fail(p, "bad \\u escape");
    }
    p->pos += 4;
    *v = x;
    return 0;
}

/* A \u escape (or a bad escape) after the backslash at p->pos - 1. */
static int parse_u_escape(parser *p, tbuf *out)
{
    if (p->s[p->pos++] != 'u') return json_fail(p, "bad escape");
    uint32_t cp;
    if (hex4(p, &cp)) return -1;
    if (cp >= 0xD800 && cp <= 0xDBFF && p->len - p->pos >= 6 && p->s[p->pos] == '\\' &&
        p->s[p->pos + 1] == 'u') {
        size_t save = p->pos;
        uint32_t lo;
        p->pos += 2;
        if (hex4(p, &lo)) return -1;
        if (lo >= 0xDC00 && lo <= 0xDFFF)
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        else
            p->pos = save; /* a lone high surrogate; the next escape stands alone */
    }
    if (out) put_cp(out, cp); /* lone surrogates become U+FFFD */
    return 0;
}

/* The one-character escapes' values, 0 for the rest. */
static char simple_escape(unsigned char c)
{
    switch (c) {
    case '"': return '"';
    case '\\': return '\\';
    case '/': return '/';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return 0;
    }
}

/* Parses a string at p->pos (the opening quote); decoded text goes to out
 * when out is not NULL.  Decoded text is never longer than its JSON, so
 * room for the rest of the line is reserved once and runs and simple
 * escapes (one a line of text) are written straight into it. */
static int parse_string(parser *p, tbuf *out)
{
    p->pos++;
    char *d = out && tbuf_reserve(out, p->len - p->pos) ? out->data + out->len : NULL;
    for (;;) {
        size_t run = plain_copy(p->s + p->pos, p->len - p->pos, d);
        if (d) d += run;
        p->pos += run;
        if (p->pos >= p->len) return json_fail(p, "unterminated string");
        unsigned char c = p->s[p->pos];
        if (c == '"') {
            p->pos++;
            if (d) {
                out->len = (size_t)(d - out->data);
                *d = '\0';
            }
            return 0;
        }
        if (c < 0x20) return json_fail(p, "control character in string");
        if (c != '\\') return json_fail(p, "invalid UTF-8"); /* plain_copy stopped at it */
        p->pos++;
        if (p->pos >= p->len) return json_fail(p, "unterminated string");
        char e = simple_escape(p->s[p->pos]);
        if (e) {
            p->pos++;
            if (d) *d++ = e;
            continue;
        }
        if (d) out->len = (size_t)(d - out->data);
        if (parse_u_escape(p, d ? out : NULL)) return -1;
        if (d) d = out->data + out->len; /* within the room reserved */
    }
}

static int parse_number(parser *p)
{
    size_t i = p->pos;
    const unsigned char *s = p->s;
    if (i < p->len && s[i] == '-') i++;
    if (i >= p->len) return json_fail(p, "bad number");
    if (s[i] == '0') i++;
    else if (s[i] >= '1' && s[i] <= '9')
        while (i < p->len && s[i] >= '0' && s[i] <= '9') i++;
    else
        return json_fail(p, "unexpected character");
    if (i < p->len && s[i] == '.') {
        i++;
        size_t d = i;
        while (i < p->len && s[i] >= '0' && s[i] <= '9') i++;
        if (i == d) return json_fail(p, "bad number");
    }
    if (i < p->len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < p->len && (s[i] == '+' || s[i] == '-')) i++;
        size_t d = i;
        while (i < p->len && s[i] >= '0' && s[i] <= '9') i++;
        if (i == d) return json_fail(p, "bad number");
    }
    p->pos = i;
    return 0;
}

static int parse_value(parser *p, int depth);

static int parse_container(parser *p, int depth, bool object)
{
    if (depth > MAX_DEPTH) return json_fail(p, "nesting too deep");
    char close = object ? '}' : ']';
    p->pos++;
    skip_ws(p);
    if (p->pos < p->len && p->s[p->pos] == close) {
        p->pos++;
        return 0;
    }
    for (;;) {
        skip_ws(p);
        if (object) {
            if (p->pos >= p->len || p->s[p->pos] != '"') return json_fail(p, "expected a key");
            if (parse_string(p, NULL)) return -1;
            skip_ws(p);
            if (p->pos >= p->len || p->s[p->pos] != ':') return json_fail(p, "expected ':'");
            p->pos++;
        }
        if (parse_value(p, depth + 1)) return -1;
        skip_ws(p);
        if (p->pos >= p->len) return json_fail(p, "unterminated object or array");
        if (p->s[p->pos] == close) {
            p->pos++;
            return 0;
        }
        if (p->s[p->pos] != ',') return json_fail(p, "expected ',' or a closing bracket");
        p->pos++;
    }
}

static int parse_literal(parser *p, const char *word)
{
    size_t n = strlen(word);
    if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n) != 0)
        return json_fail(p, "unexpected character");
    p->pos += n;
    return 0;
}

static int parse_value(parser *p, int depth)
{
    skip_ws(p);
    if (p->pos >= p->len) return json_fail(p, "expected a value");
    switch (p->s[p->pos]) {
    case '"': return parse_string(p, NULL);
    case '{': return parse_container(p, depth, true);
    case '[': return parse_container(p, depth, false);
    case 't': return parse_literal(p, "true");
    case 'f': return parse_literal(p, "false");
    case 'n': return parse_literal(p, "null");
    default: return parse_number(p);
    }
}

static int add_member(parser *p, jsonl_member **m)
{
    jsonl_record *r = p->r;
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        jsonl_member *nm = realloc(r->members, cap * sizeof *nm);
        if (!nm) return -2;
        r->members = nm;
        r->cap = cap;
    }
    *m = &r->members[r->count++];
    memset(*m, 0, sizeof **m);
    return 0;
}

static int parse_member(parser *p)
{
    jsonl_record *r = p->r;
    jsonl_member *m;
    if (add_member(p, &m)) return -2;
    if (p->pos >= p->len || p->s[p->pos] != '"') return json_fail(p, "expected a key");
    m->key_off = r->arena.len;
    if (parse_string(p, &r->arena)) return -1;
    m->key_len = r->arena.len - m->key_off;
    tbuf_putc(&r->arena, '\0');
    skip_ws(p);
    if (p->pos >= p->len || p->s[p->pos] != ':') return json_fail(p, "expected ':'");
    p->pos++;
    skip_ws(p);
    m->raw_off = p->pos;
    if (p->pos < p->len && p->s[p->pos] == '"') {
        m->type = JSONL_STRING;
        m->str_off = r->arena.len;
        if (parse_string(p, &r->arena)) return -1;
        m->str_len = r->arena.len - m->str_off;
        tbuf_putc(&r->arena, '\0');
    } else {
        m->type = JSONL_OTHER;
        if (parse_value(p, 1)) return -1;
    }
    m->raw_len = p->pos - m->raw_off;
    return r->arena.failed ? -2 : 0;
}

int jsonl_parse(jsonl_record *r, const char *line, size_t len)
{
    r->count = 0;
    tbuf_clear(&r->arena);
    r->line = line;
    r->error[0] = '\0';
    parser p = {(const unsigned char *)line, len, 0, r, false};
    skip_ws(&p);
    if (p.pos >= len) return json_fail(&p, "empty line");
    if (p.s[p.pos] != '{') return json_fail(&p, "not a JSON object");
    p.pos++;
    skip_ws(&p);
    if (p.pos < len && p.s[p.pos] == '}') {
        p.pos++;
    } else {
        for (;;) {
            skip_ws(&p);
            int rc = parse_member(&p);
            if (rc) return rc;
            skip_ws(&p);
            if (p.pos >= len) return json_fail(&p, "unterminated object");
            if (p.s[p.pos] == '}') {
                p.pos++;
                break;
            }
            if (p.s[p.pos] != ',') return json_fail(&p, "expected ',' or '}'");
            p.pos++;
        }
    }
    skip_ws(&p);
    if (p.pos != len) return json_fail(&p, "text after the object");
    return r->arena.failed ? -2 : 0;
}

const jsonl_member *jsonl_get(const jsonl_record *r, const char *key)
{
    size_t n = strlen(key);
    for (size_t i = r->count; i-- > 0;) {
        const jsonl_member *m = &r->members[i];
        if (m->key_len == n && memcmp(r->arena.data + m->key_off, key, n) == 0) return m;
    }
    return NULL;
}

const char *jsonl_key(const jsonl_record *r, const jsonl_member *m)
{
    return r->arena.data + m->key_off;
}

const char *jsonl_str(const jsonl_record *r, const jsonl_member *m)
{
    return m->type == JSONL_STRING ? r->arena.data + m->str_off : "";
}

void jsonl_free(jsonl_record *r)
{
    free(r->members);
    tbuf_free(&r->arena);
    memset(r, 0, sizeof *r);
}

void jsonl_put_string(tbuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    tbuf_putc(b, '"');
    size_t i = 0;
    while (i < n) {
        /* runs are long here (cleaned text), so copied by memcpy after */
        size_t run = plain_run(u + i, n - i);
        tbuf_add(b, s + i, run);
        i += run;
        if (i >= n) break;
        unsigned char c = u[i];
        if (c >= 0x80) { /* not valid UTF-8 (plain_run stopped at it) */
            tbuf_add(b, "\xEF\xBF\xBD", 3);
            i++;
            continue;
        }
        i++;
        switch (c) {
        case '"': tbuf_add(b, "\\\"", 2); break;
        case '\\': tbuf_add(b, "\\\\", 2); break;
        case '\n': tbuf_add(b, "\\n", 2); break;
        case '\r': tbuf_add(b, "\\r", 2); break;
        case '\t': tbuf_add(b, "\\t", 2); break;
        default: {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            tbuf_add(b, e, 6);
        }
        }
    }
    tbuf_putc(b, '"');
}

static int b64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
}

bool jsonl_base64_decode(const char *s, size_t n, tbuf *out)
{
    uint32_t acc = 0;
    int bits = 0;
    size_t digits = 0, pad = 0;
    if (!tbuf_reserve(out, n / 4 * 3 + 3)) return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
        if (c == '=') {
            pad++;
            continue;
        }
        int v = b64_value(c);
        if (v < 0 || pad) return false; /* data after padding is malformed */
        acc = acc << 6 | (uint32_t)v;
        bits += 6;
        digits++;
        if (bits >= 8) {
            bits -= 8;
            tbuf_putc(out, (char)(acc >> bits & 0xFF));
        }
    }
    if (digits % 4 == 1 || pad > 2 || (pad && (digits + pad) % 4 != 0)) return false;
    return !out->failed;
}
