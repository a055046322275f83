/*
 * util.c -- allocation, buffers, UTF-8, lines and one-time initialisation
 * shared by every stage.
 */
#include "internal.h"

#include <stdlib.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#define SCRUB__PLAIN_BLOCKS 1
#endif

/* ---- allocation ---------------------------------------------------------- */

/* Failure injection costs one relaxed atomic load per allocation; it lets
 * the tests prove that every entry point survives running out of memory. */
static atomic_long alloc_fail_at;
static atomic_long alloc_count;

static bool alloc_should_fail(void)
{
    long nth = atomic_load_explicit(&alloc_fail_at, memory_order_relaxed);
    if (SCRUB_LIKELY(nth == 0)) return false;
    long n = atomic_fetch_add_explicit(&alloc_count, 1, memory_order_relaxed) + 1;
    return n == nth;
}

void scrub__alloc_fail_at(long nth)
{
    atomic_store(&alloc_count, 0);
    atomic_store(&alloc_fail_at, nth);
}

long scrub__alloc_count(void)
{
    return atomic_load(&alloc_count);
}

void *scrub__malloc(size_t n)
{
    if (alloc_should_fail()) return NULL;
    return malloc(n ? n : 1);
}

void *scrub__calloc(size_t count, size_t size)
{
    if (alloc_should_fail()) return NULL;
    if (count == 0 || size == 0) count = size = 1;
    return calloc(count, size);
}

void *scrub__realloc(void *p, size_t n)
{
    if (alloc_should_fail()) return NULL;
    return realloc(p, n ? n : 1);
}

void scrub__free(void *p)
{
    free(p);
}

/* ---- buffer -------------------------------------------------------------- */

int scrub__buf_grow_slow(scrub__buf *b, size_t extra)
{
    if (b->failed) return SCRUB_E_NOMEM;
    if (extra > SIZE_MAX / 2 - b->len) {
        b->failed = true;
        return SCRUB_E_NOMEM;
    }
    size_t need = b->len + extra + 1; /* room for the terminator */
    if (need <= b->cap) return SCRUB_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) cap = cap / 2 * 3 + 64;
    char *p = scrub__realloc(b->data, cap);
    if (!p) {
        b->failed = true;
        return SCRUB_E_NOMEM;
    }
    b->data = p;
    b->cap = cap;
    return SCRUB_OK;
}

int scrub__buf_reserve(scrub__buf *b, size_t extra)
{
    if (b->failed) return SCRUB_E_NOMEM;
    if (b->cap - b->len >= extra + 1) return SCRUB_OK;
    return scrub__buf_grow_slow(b, extra);
}

int scrub__buf_put_cp(scrub__buf *b, uint32_t cp)
{
    char tmp[4];
    return scrub__buf_append(b, tmp, scrub__utf8_encode(cp, tmp));
}

void scrub__buf_clear(scrub__buf *b)
{
    b->len = 0;
    b->failed = false;
}

int scrub__buf_finish(scrub__buf *b, char **out, size_t *out_len)
{
    if (b->failed || scrub__buf_reserve(b, 0) != SCRUB_OK) {
        scrub__buf_free(b);
        *out = NULL;
        *out_len = 0;
        return SCRUB_E_NOMEM;
    }
    b->data[b->len] = '\0';
    *out = b->data;
    *out_len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return SCRUB_OK;
}

void scrub__buf_free(scrub__buf *b)
{
    scrub__free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

/* ---- UTF-8 --------------------------------------------------------------- */

size_t scrub__utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = SCRUB__REPLACEMENT;
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

#define HI8 0x8080808080808080ull

/* Bytes of ASCII at p[0..8) before the first non-ASCII one (8 if none). */
static inline size_t ascii_in_word(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    w &= HI8;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return w ? (size_t)__builtin_ctzll(w) >> 3 : 8;
#else
    if (!w) return 8;
    size_t n = 0;
    while (p[n] < 0x80) n++;
    return n;
#endif
}

/* Allowed range of the second byte of a sequence, by lead byte - 0xE0; the
 * lead bytes E0, ED, F0 and F4 narrow it (no overlongs, surrogates or values
 * past U+10FFFF), the others take any continuation byte. */
static const unsigned char second_lo[21] = {0xA0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x90, 0x80, 0x80, 0x80, 0x80};
static const unsigned char second_hi[21] = {0xBF, 0xBF, 0xBF, 0xBF, 0xBF, 0xBF, 0xBF, 0xBF, 0xBF, 0xBF, 0xBF, 0xBF, 0xBF, 0x9F, 0xBF, 0xBF, 0xBF, 0xBF, 0xBF, 0xBF, 0x8F};

static inline bool cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* Length of the valid sequence at p[0..n) (n >= 1), 0 if it is not one. */
static inline size_t seq_len(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;
    if (c < 0xE0) return n >= 2 && cont(p[1]) ? 2 : 0;
    if (c > 0xF4) return 0;
    unsigned k = c - 0xE0;
    size_t need = c < 0xF0 ? 3 : 4;
    if (n < need || p[1] < second_lo[k] || p[1] > second_hi[k] || !cont(p[2])) return 0;
    return need == 3 || cont(p[3]) ? need : 0;
}

/* Lead nibbles (of E1..EC, EE, EF) whose continuation bytes need only the
 * mask test; E0 and ED narrow the second byte. */
#define PLAIN_LEADS 0xDFFEu

/* A three-byte sequence led by E1..EC or EE..EF (all of CJK). */
static inline bool plain_three(const unsigned char *p)
{
    uint32_t w = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
    return (w & 0xC0C0F0u) == 0x8080E0u && (PLAIN_LEADS >> (w & 0x0F) & 1);
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* Two of them at p[0..6) (8 bytes readable), with one load. */
static inline bool plain_six(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return (w & 0xC0C0F0C0C0F0ull) == 0x8080E08080E0ull &&
           (PLAIN_LEADS >> (w & 0x0F) & PLAIN_LEADS >> (w >> 24 & 0x0F) & 1);
}
#else
static inline bool plain_six(const unsigned char *p)
{
    return plain_three(p) && plain_three(p + 3);
}
#endif

#ifdef SCRUB__PLAIN_BLOCKS

/* From p[i], whole 16-byte blocks of ASCII and plain three-byte sequences
 * (E1..EC, EE, EF and two continuation bytes: all of CJK), checked with
 * byte-class masks; returns the sequence boundary where such blocks end. */
static size_t plain_blocks(const unsigned char *p, size_t len, size_t i)
{
    const __m128i cont_hi = _mm_set1_epi8((char)0xC0), lead_lo = _mm_set1_epi8((char)0xDF),
                  lead_hi = _mm_set1_epi8((char)0xF0), e0 = _mm_set1_epi8((char)0xE0),
                  ed = _mm_set1_epi8((char)0xED);
    unsigned carry = 0; /* continuation bytes the last block's leads owe this one */
    while (len - i >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(p + i));
        unsigned high = (unsigned)_mm_movemask_epi8(x);
        if (!(high | carry)) {
            i += 16;
            continue;
        }
        unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, cont_hi));
        __m128i lead3 = _mm_and_si128(_mm_cmpgt_epi8(x, lead_lo), _mm_cmplt_epi8(x, lead_hi));
        __m128i narrow = _mm_or_si128(_mm_cmpeq_epi8(x, e0), _mm_cmpeq_epi8(x, ed));
        unsigned lead = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(narrow, lead3));
        unsigned expect = (lead << 1 | lead << 2) | carry;
        if ((cont | lead) != high || cont != (expect & 0xFFFFu)) break;
        carry = expect >> 16;
        i += 16;
    }
    /* back to the lead of a sequence the last block left unfinished */
    return i - (carry == 3 ? 1 : carry ? 2 : 0);
}
#endif

/* Checks sequences without decoding them: this runs over every byte of
 * every page, so whole blocks of ASCII and CJK go by byte-class masks, and
 * the rest by words (ASCII, up to 16 bytes a step) and mask tests (the
 * common three-byte sequence). */
size_t scrub__utf8_valid_prefix(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
#ifdef SCRUB__PLAIN_BLOCKS
    size_t retry = 0; /* a block that failed is stepped over before the next try */
#endif
    while (len - i >= 16) {
#ifdef SCRUB__PLAIN_BLOCKS
        if (i >= retry) {
            i = plain_blocks(p, len, i);
            retry = i + 16;
            if (len - i < 16) break;
        }
#endif
        if (p[i] < 0x80) {
            size_t n = ascii_in_word(p + i);
            if (n == 8) n += ascii_in_word(p + i + 8);
            i += n;
            continue;
        }
        if (plain_six(p + i)) {
            i += 6;
            if (plain_six(p + i)) i += 6;
            continue;
        }
        if (plain_three(p + i)) {
            i += 3;
            continue;
        }
        size_t n = seq_len(p + i, len - i);
        if (!n) return i;
        i += n;
    }
    while (i < len) {
        size_t n = seq_len(p + i, len - i);
        if (!n) return i;
        i += n;
    }
    return len;
}

int scrub__utf8_sanitize(scrub__buf *b, const char *s, size_t len, size_t *replaced)
{
    size_t pos = 0;
    while (pos < len) {
        size_t ok = scrub__utf8_valid_prefix(s + pos, len - pos);
        if (scrub__buf_append(b, s + pos, ok) != SCRUB_OK) return SCRUB_E_NOMEM;
        pos += ok;
        if (pos >= len) break;
        uint32_t cp;
        pos += scrub__utf8_decode((const unsigned char *)s + pos, len - pos, &cp);
        if (scrub__buf_put_cp(b, SCRUB__REPLACEMENT) != SCRUB_OK) return SCRUB_E_NOMEM;
        if (replaced) (*replaced)++;
    }
    return SCRUB_OK;
}

/* ---- one-time initialisation --------------------------------------------- */

/* pthread_once cannot be retried after a failed init, so a mutex guards a
 * flag that is only set once init() has succeeded.  Each once has its own
 * mutex, so one init may run another. */
int scrub__run_once(scrub__once *once, int (*init)(void))
{
    if (SCRUB_LIKELY(atomic_load_explicit(&once->done, memory_order_acquire))) return SCRUB_OK;
    pthread_mutex_lock(&once->lock);
    int rc = SCRUB_OK;
    if (!atomic_load_explicit(&once->done, memory_order_relaxed)) {
        rc = init();
        if (rc == SCRUB_OK) atomic_store_explicit(&once->done, 1, memory_order_release);
    }
    pthread_mutex_unlock(&once->lock);
    return rc;
}
