/*
 * internal.h -- helpers shared by libscrub's stages.  Not installed.
 *
 * Everything declared here is hidden (-fvisibility=hidden) and prefixed
 * scrub__ so that a static link cannot clash with the host's names.
 */
#ifndef SCRUB_INTERNAL_H
#define SCRUB_INTERNAL_H

#include "scrub.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__GNUC__)
#define SCRUB_LIKELY(x) __builtin_expect(!!(x), 1)
#define SCRUB_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define SCRUB_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define SCRUB_LIKELY(x) (x)
#define SCRUB_UNLIKELY(x) (x)
#define SCRUB_PRINTF(f, a)
#endif

/* ---------------------------------------------------------------------------
 * Allocation.  Every allocation of libscrub's own goes through these, so a
 * test can make the Nth one fail (ICU's and libxml2's allocators are left
 * alone).
 * ------------------------------------------------------------------------ */

void *scrub__malloc(size_t n);
void *scrub__calloc(size_t count, size_t size);
void *scrub__realloc(void *p, size_t n);
void scrub__free(void *p);

/* Test hook: the nth allocation from now (1 = the next) fails; 0 turns
 * failure injection off.  Process-wide; tests only (linked statically). */
void scrub__alloc_fail_at(long nth);
/* Allocations attempted since the last scrub__alloc_fail_at() call. */
long scrub__alloc_count(void);

/* ---------------------------------------------------------------------------
 * Growable byte buffer.  Once an append fails the buffer stays failed, so a
 * caller may append many times and check once (scrub__buf_finish or
 * b->failed).
 * ------------------------------------------------------------------------ */

typedef struct {
    char *data;
    size_t len;
    size_t cap;
    bool failed;
} scrub__buf;

#define SCRUB__BUF_INIT {NULL, 0, 0, false}

int scrub__buf_reserve(scrub__buf *b, size_t extra);
int scrub__buf_grow_slow(scrub__buf *b, size_t extra);

static inline int scrub__buf_append(scrub__buf *b, const void *p, size_t n)
{
    if (SCRUB_UNLIKELY(b->cap - b->len < n + 1) && scrub__buf_grow_slow(b, n) != SCRUB_OK)
        return SCRUB_E_NOMEM;
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    return SCRUB_OK;
}

static inline int scrub__buf_putc(scrub__buf *b, char c)
{
    if (SCRUB_UNLIKELY(b->cap - b->len < 2) && scrub__buf_grow_slow(b, 1) != SCRUB_OK)
        return SCRUB_E_NOMEM;
    b->data[b->len++] = c;
    return SCRUB_OK;
}

int scrub__buf_put_cp(scrub__buf *b, uint32_t cp);
/* Empties the buffer but keeps its memory (and clears `failed`). */
void scrub__buf_clear(scrub__buf *b);
/* NUL-terminates and hands the memory to the caller (*out, *out_len); the
 * buffer is left empty.  Returns SCRUB_E_NOMEM (and frees) if any append
 * failed. */
int scrub__buf_finish(scrub__buf *b, char **out, size_t *out_len);
void scrub__buf_free(scrub__buf *b);

/* A growable array *arr of *cap elements of elem bytes, made to hold at
 * least need: doubles from 64, so appends cost amortized O(1), and the
 * check inline keeps the common case (room left) a compare.  On failure
 * (out of memory, or a size that would overflow) *arr and *cap are left as
 * they were. */
static inline int scrub__grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return SCRUB_OK;
    size_t ncap = *cap ? *cap : 64;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2) return SCRUB_E_NOMEM;
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / elem) return SCRUB_E_NOMEM;
    void *p = scrub__realloc(*arr, ncap * elem);
    if (!p) return SCRUB_E_NOMEM;
    *arr = p;
    *cap = ncap;
    return SCRUB_OK;
}

/* ---------------------------------------------------------------------------
 * UTF-8
 * ------------------------------------------------------------------------ */

#define SCRUB__REPLACEMENT 0xFFFDu

/* Decodes one code point from s[0..len) (len >= 1).  Returns the number of
 * bytes consumed (>= 1).  Invalid input yields *cp = U+FFFD and consumes one
 * maximal subpart (Unicode's "best practice" U+FFFD substitution).
 * Inline: the stages call it per character on their hot paths. */
static inline size_t scrub__utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t need;
    uint32_t v;
    unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        v = c & 0x0F;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        v = c & 0x07;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        *cp = SCRUB__REPLACEMENT;
        return 1;
    }
    size_t i = 1;
    for (; i <= need; i++) {
        if (i >= len) break;
        unsigned t = s[i];
        unsigned tlo = i == 1 ? lo : 0x80, thi = i == 1 ? hi : 0xBF;
        if (t < tlo || t > thi) break;
        v = (v << 6) | (t & 0x3F);
    }
    if (i <= need) {
        *cp = SCRUB__REPLACEMENT;
        return i; /* the maximal subpart: lead byte plus valid trail bytes */
    }
    *cp = v;
    return need + 1;
}

/* Writes cp as UTF-8 into out (4 bytes room) and returns its length.
 * Surrogates and values past U+10FFFF are written as U+FFFD. */
size_t scrub__utf8_encode(uint32_t cp, char *out);

/* Length of the longest prefix of s that is valid UTF-8. */
size_t scrub__utf8_valid_prefix(const char *s, size_t len);

/* Appends s[0..len) to b, replacing each invalid sequence with U+FFFD and
 * adding the number of replacements to *replaced.  Valid input is copied
 * with one memcpy. */
int scrub__utf8_sanitize(scrub__buf *b, const char *s, size_t len, size_t *replaced);

/* ---------------------------------------------------------------------------
 * Lines (text policy): `next` finds the line starting at *pos; the line's
 * content excludes the LF and a CR directly before it.  Returns false at the
 * end of text.  A final line without LF is returned too.
 * ------------------------------------------------------------------------ */

typedef struct {
    size_t start; /* byte offset of the line's first byte */
    size_t len;   /* content length, without CR LF / LF */
    size_t next;  /* offset of the next line */
} scrub__line;

/* Inline: every stage splits every text into lines, and a call per line
 * cost more than the memchr over a short line. */
static inline bool scrub__next_line(const char *text, size_t len, size_t pos, scrub__line *line)
{
    if (pos >= len) {
        /* defined for callers that know a line is there and do not test */
        line->start = line->next = pos;
        line->len = 0;
        return false;
    }
    const char *nl = memchr(text + pos, '\n', len - pos);
    size_t end = nl ? (size_t)(nl - text) : len;
    line->start = pos;
    line->next = nl ? end + 1 : len;
    if (nl && end > pos && text[end - 1] == '\r') end--;
    line->len = end - pos;
    return true;
}

/* ---------------------------------------------------------------------------
 * One-time initialisation that can be retried: init() runs until it returns
 * SCRUB_OK once; concurrent callers wait for it.  A failed init returns its
 * status and the next call tries again.
 * ------------------------------------------------------------------------ */

typedef struct {
    atomic_int done;
    pthread_mutex_t lock;
} scrub__once;

#define SCRUB__ONCE_INIT {0, PTHREAD_MUTEX_INITIALIZER}

int scrub__run_once(scrub__once *once, int (*init)(void));

/* ICU and libxml2, initialised once per process (never cleaned up). */
int scrub__icu_init(void);
int scrub__xml_init(void);

/* ---------------------------------------------------------------------------
 * Context
 * ------------------------------------------------------------------------ */

/* Each stage keeps its own state (details of its last call, scratch
 * buffers) in a slot of the context, created on first use. */
enum scrub__stage {
    SCRUB__STAGE_DECODE,
    SCRUB__STAGE_HTML,
    SCRUB__STAGE_MOJIBAKE,
    SCRUB__STAGE_ZH,
    SCRUB__STAGE_FILTER,
    SCRUB__STAGE_CLEAN,
    SCRUB__STAGE_COUNT
};

/* Number of parameter slots; see the table in ctx.c. */
#define SCRUB__PARAM_SLOTS 64

struct scrub_ctx {
    int64_t param[SCRUB__PARAM_SLOTS];
    char errmsg[256];
    size_t replacements;
    /* Set by scrub_clean() while it passes one stage's output (valid UTF-8)
     * to the next: the stages skip validating it again.  Never set by a
     * caller of the public API. */
    bool utf8_known_valid;
    void *stage[SCRUB__STAGE_COUNT];
    void (*stage_free[SCRUB__STAGE_COUNT])(void *);
};

/* The value of a parameter (a scrub_param enum value known to ctx.c). */
int64_t scrub__param(const scrub_ctx *ctx, int param);

/* Starts a call: clears errmsg and the replacement count. */
void scrub__begin(scrub_ctx *ctx);

/* Records a failure: formats the detail into ctx->errmsg and returns
 * status, so a caller can write `return scrub__fail(ctx, SCRUB_E_..., ...)`. */
int scrub__fail(scrub_ctx *ctx, int status, const char *fmt, ...) SCRUB_PRINTF(3, 4);

/* Checks the (pointer, length) input and MAX_INPUT; sets errmsg on failure. */
int scrub__check_input(scrub_ctx *ctx, const void *p, size_t len);

/* Checks an owned-output pair and sets both to empty.  NULL -> INVALID_ARG. */
int scrub__check_output(scrub_ctx *ctx, char **out, size_t *out_len);

/* The stage's state, created zero-filled with `size` bytes on first use;
 * free_fn (may be NULL) releases what the state points to, and is called
 * before the slot itself is freed.  NULL when out of memory. */
void *scrub__stage_state(scrub_ctx *ctx, enum scrub__stage stage, size_t size,
                         void (*free_fn)(void *));

#endif /* SCRUB_INTERNAL_H */
