/*
 * eval_util.h -- helpers of the filter stage's quality test
 * (test/test_filter_eval.c): reading the labelled dev set, a tiny JSON
 * reader for the corpora's JSON files and the baseline line rules of C4
 * and RefinedWeb.
 */
#ifndef SCRUB_EVAL_UTIL_H
#define SCRUB_EVAL_UTIL_H

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- growable string ---------------------------------------------------- */

typedef struct {
    char *p;
    size_t n, cap;
} ev_str;

static void ev_put(ev_str *s, const char *p, size_t n)
{
    if (s->n + n + 1 > s->cap) {
        s->cap = (s->n + n + 1) * 2;
        s->p = realloc(s->p, s->cap);
        if (!s->p) abort();
    }
    memcpy(s->p + s->n, p, n);
    s->n += n;
    s->p[s->n] = 0;
}

static void ev_putc(ev_str *s, char c)
{
    ev_put(s, &c, 1);
}

static void ev_put_cp(ev_str *s, uint32_t cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80) b[0] = (char)cp, n = 1;
    else if (cp < 0x800) b[0] = (char)(0xC0 | cp >> 6), b[1] = (char)(0x80 | (cp & 63)), n = 2;
    else if (cp < 0x10000)
        b[0] = (char)(0xE0 | cp >> 12), b[1] = (char)(0x80 | (cp >> 6 & 63)),
        b[2] = (char)(0x80 | (cp & 63)), n = 3;
    else
        b[0] = (char)(0xF0 | cp >> 18), b[1] = (char)(0x80 | (cp >> 12 & 63)),
        b[2] = (char)(0x80 | (cp >> 6 & 63)), b[3] = (char)(0x80 | (cp & 63)), n = 4;
    ev_put(s, b, n);
}

/* ---- hashing and lines -------------------------------------------------- */

static uint32_t ev_fnv32(const char *p, size_t n)
{
    uint32_t h = 0x811C9DC5u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 0x01000193u;
    return h;
}

typedef struct {
    size_t start, len;
} ev_line;

/* Lines as the text policy splits them; returns the count, *out malloc'ed. */
static size_t ev_split(const char *t, size_t n, ev_line **out)
{
    size_t cap = 16, k = 0, pos = 0;
    ev_line *v = malloc(cap * sizeof *v);
    while (pos < n) {
        const char *nl = memchr(t + pos, '\n', n - pos);
        size_t end = nl ? (size_t)(nl - t) : n, len = end - pos;
        if (len && t[end - 1] == '\r' && nl) len--;
        if (k == cap) v = realloc(v, (cap *= 2) * sizeof *v);
        v[k++] = (ev_line){pos, len};
        pos = nl ? end + 1 : n;
    }
    *out = v;
    return k;
}

/* ---- a small JSON reader ------------------------------------------------ */

static const char *ev_ws(const char *p)
{
    while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') p++;
    return p;
}

static unsigned ev_hex4(const char *p)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        int c = p[i];
        v = v * 16 + (unsigned)(isdigit(c) ? c - '0' : (tolower(c) - 'a' + 10));
    }
    return v;
}

/* Parses the JSON string at p (at the quote) into s; returns the end. */
static const char *ev_json_string(const char *p, ev_str *s)
{
    p++;
    while (*p && *p != '"') {
        if (*p != '\\') {
            ev_putc(s, *p++);
            continue;
        }
        p++;
        char c = *p++;
        switch (c) {
        case 'n': ev_putc(s, '\n'); break;
        case 't': ev_putc(s, '\t'); break;
        case 'r': ev_putc(s, '\r'); break;
        case 'b': ev_putc(s, '\b'); break;
        case 'f': ev_putc(s, '\f'); break;
        case 'u': {
            uint32_t cp = ev_hex4(p);
            p += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && p[0] == '\\' && p[1] == 'u') {
                uint32_t lo = ev_hex4(p + 2);
                if (lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p += 6;
                }
            }
            ev_put_cp(s, cp);
            break;
        }
        default: ev_putc(s, c);
        }
    }
    return *p ? p + 1 : p;
}

/* Skips any JSON value. */
static const char *ev_json_skip(const char *p)
{
    p = ev_ws(p);
    if (*p == '"') {
        ev_str tmp = {0};
        p = ev_json_string(p, &tmp);
        free(tmp.p);
        return p;
    }
    if (*p == '{' || *p == '[') {
        char close = *p == '{' ? '}' : ']';
        p = ev_ws(p + 1);
        while (*p && *p != close) {
            p = ev_json_skip(p);
            p = ev_ws(p);
            if (*p == ':' || *p == ',') p = ev_ws(p + 1);
        }
        return *p ? p + 1 : p;
    }
    while (*p && *p != ',' && *p != '}' && *p != ']') p++;
    return p;
}

/* Value of "key" in the object starting at p (string values only) into s.
 * Returns false when absent. */
static bool ev_json_field(const char *obj, const char *key, ev_str *s)
{
    const char *p = ev_ws(obj);
    if (*p != '{') return false;
    p = ev_ws(p + 1);
    while (*p == '"') {
        ev_str k = {0};
        p = ev_ws(ev_json_string(p, &k));
        p = ev_ws(p + 1); /* ':' */
        bool hit = k.p && strcmp(k.p, key) == 0;
        free(k.p);
        if (hit && *p == '"') {
            ev_json_string(p, s);
            return true;
        }
        p = ev_ws(ev_json_skip(p));
        if (*p == ',') p = ev_ws(p + 1);
    }
    return false;
}

/* The line without any white space (ASCII, U+3000, U+00A0), for matching
 * renderings that differ in spacing. */
static void ev_squeeze(const char *p, size_t n, ev_str *out)
{
    out->n = 0;
    ev_put(out, "", 0);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == ' ' || c == '\t' || c == '\r') continue;
        if (c == 0xE3 && i + 2 < n && (unsigned char)p[i + 1] == 0x80 &&
            (unsigned char)p[i + 2] == 0x80) {
            i += 2;
            continue;
        }
        if (c == 0xC2 && i + 1 < n && (unsigned char)p[i + 1] == 0xA0) {
            i++;
            continue;
        }
        ev_putc(out, (char)c);
    }
}

/* ---- baselines ---------------------------------------------------------- */

static size_t ev_utf8_last(const char *p, size_t n, uint32_t *cp)
{
    size_t i = n;
    while (i > 0 && ((unsigned char)p[i - 1] == ' ' || p[i - 1] == '\t')) i--;
    if (!i) {
        *cp = 0;
        return 0;
    }
    size_t s = i - 1;
    while (s > 0 && ((unsigned char)p[s] & 0xC0) == 0x80) s--;
    const unsigned char *u = (const unsigned char *)p + s;
    if (u[0] < 0x80) *cp = u[0];
    else if (u[0] < 0xE0) *cp = (uint32_t)(u[0] & 31) << 6 | (u[1] & 63);
    else if (u[0] < 0xF0) *cp = (uint32_t)(u[0] & 15) << 12 | (uint32_t)(u[1] & 63) << 6 | (u[2] & 63);
    else *cp = 0;
    return i;
}

static bool ev_contains_ci(const char *p, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (strncasecmp(p + i, needle, m) == 0) return true;
    return false;
}

/* Words: runs of non-space bytes; each CJK character counts as a word so
 * that Chinese lines are not all "one word". */
static size_t ev_words(const char *p, size_t n, size_t *upper, size_t *letters, size_t *digits)
{
    size_t w = 0;
    bool in = false;
    *upper = *letters = *digits = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c >= 0xE3 && c <= 0xE9) {
            w++;
            in = false;
            continue;
        }
        if (c == ' ' || c == '\t') {
            in = false;
            continue;
        }
        if (isupper(c)) (*upper)++;
        if (isalpha(c)) (*letters)++;
        if (isdigit(c)) (*digits)++;
        if (!in && (c < 0x80 || c >= 0xC0)) w++;
        in = true;
    }
    return w;
}

/* C4 (c4_utils.py) line rules, with CJK sentence punctuation counted as
 * terminal (the "C4-zh" reading of spam.md §2.2). */
static bool ev_c4_keeps(const char *p, size_t n)
{
    uint32_t last;
    size_t end = ev_utf8_last(p, n, &last);
    if (!end) return false;
    bool term = last == '.' || last == '?' || last == '!' || last == '"' || last == '\'' ||
                last == 0x3002 || last == 0xFF01 || last == 0xFF1F || last == 0x201D ||
                last == 0x300D;
    if (!term || (end >= 3 && memcmp(p + end - 3, "...", 3) == 0)) return false;
    size_t up, let, dig;
    if (ev_words(p, n, &up, &let, &dig) < 3) return false;
    static const char *const bad[] = {"javascript", "terms of use", "privacy policy",
                                      "cookie policy", "uses cookies", "use of cookies",
                                      "use cookies", "lorem ipsum", "{"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (ev_contains_ci(p, n, bad[i])) return false;
    return true;
}

/* RefinedWeb's line-wise corrections (dclm refinedweb.yaml): drop lines
 * with > 50% upper case, all-numeric lines, counter lines ("12 likes"),
 * lines of fewer than 2 words. */
static bool ev_rw_keeps(const char *p, size_t n)
{
    size_t up, let, dig;
    size_t w = ev_words(p, n, &up, &let, &dig);
    if (w < 2) return false;
    if (let && up * 2 > let) return false;
    if (dig && !let && w <= 3) {
        bool other = false;
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)p[i] >= 0x80) other = true;
        if (!other) return false;
    }
    static const char *const counters[] = {"likes", "shares", "comments", "retweets",
                                           "reactions", "replies", "views"};
    if (w <= 3 && dig)
        for (size_t i = 0; i < sizeof counters / sizeof counters[0]; i++)
            if (ev_contains_ci(p, n, counters[i])) return false;
    return true;
}

#endif
