/* tbuf.h -- a growable byte buffer for the scrub tool's clean command and
 * its parsers (the library's own buffer is internal to libscrub).  Once an
 * append fails the buffer stays failed, so callers append freely and check
 * `failed` once. */
#ifndef SCRUB_TOOL_TBUF_H
#define SCRUB_TOOL_TBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *data;
    size_t len, cap;
    bool failed;
} tbuf;

static inline bool tbuf_reserve(tbuf *b, size_t extra)
{
    if (b->failed) return false;
    if (b->cap - b->len > extra) return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len <= extra) {
        if (cap > ((size_t)-1) / 2) {
            b->failed = true;
            return false;
        }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

static inline void tbuf_add(tbuf *b, const void *p, size_t n)
{
    if (!tbuf_reserve(b, n)) return;
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static inline void tbuf_puts(tbuf *b, const char *s)
{
    tbuf_add(b, s, strlen(s));
}

static inline void tbuf_putc(tbuf *b, char c)
{
    tbuf_add(b, &c, 1);
}

static inline void tbuf_printf(tbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline void tbuf_printf(tbuf *b, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof tmp) {
        tbuf_add(b, tmp, (size_t)n);
        return;
    }
    if (!tbuf_reserve(b, (size_t)n)) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static inline void tbuf_clear(tbuf *b)
{
    b->len = 0;
    b->failed = false;
    if (b->data) b->data[0] = '\0';
}

static inline void tbuf_free(tbuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

#endif
