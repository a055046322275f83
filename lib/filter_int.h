/*
 * filter_int.h -- shared between the filter stage's files.  Hidden.
 */
#ifndef SCRUB_FILTER_INT_H
#define SCRUB_FILTER_INT_H

#include "internal.h"

/* CCNet-style normalization, one code point at a time: dropped
 * characters (punctuation, spaces) are skipped, the rest folded. */
static inline bool scrub__norm_dropped(uint32_t cp)
{
    if (cp < 0x80) return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                            (cp >= 'A' && cp <= 'Z'));
    return cp == 0x85 || cp == 0xA0 || (cp >= 0xA1 && cp <= 0xBF) ||
           (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || cp == 0xFEFF || cp == SCRUB__REPLACEMENT ||
           (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
           (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

static inline uint32_t scrub__norm_fold(uint32_t cp)
{
    if (cp >= 0xFF10 && cp <= 0xFF19) return '0';
    if (cp >= '0' && cp <= '9') return '0';
    if (cp >= 0xFF21 && cp <= 0xFF3A) cp -= 0xFF21 - 'A';
    if (cp >= 0xFF41 && cp <= 0xFF5A) cp -= 0xFF41 - 'a';
    if (cp >= 'A' && cp <= 'Z') cp += 32;
    return cp;
}

#define SCRUB__HASH_INIT UINT64_C(0xcbf29ce484222325)

/* Adds a kept (already folded) code point to the running hash. */
static inline uint64_t scrub__hash_step(uint64_t h, uint32_t cp)
{
    return (h ^ cp) * UINT64_C(0x100000001b3);
}

/* The final hash of `kept` code points; 0 when none. */
static inline uint64_t scrub__hash_final(uint64_t x, size_t kept)
{
    if (!kept) return 0;
    x ^= x >> 30;
    x *= UINT64_C(0xbf58476d1ce4e5b9);
    x ^= x >> 27;
    x *= UINT64_C(0x94d049bb133111eb);
    x ^= x >> 31;
    return x ? x : 1;
}

/* A line's hash after CCNet-style normalization (ASCII case folded,
 * full-width forms to ASCII, digits to 0, punctuation and spaces dropped).
 * 0 when nothing is left (such lines are never counted). */
uint64_t scrub__line_hash(const char *s, size_t len);

/* Pages on which a normalized line hash was seen; 0 if unknown. */
uint32_t scrub__linestats_lookup(const scrub_linestats *stats, uint64_t hash);

/* Dev probe only: the builtin gambling, porn and medical terms are not
 * reported while mute holds (test/test_filter_eval.c, `no spam lexicon`). */
int scrub__filter_mute_spam_lexicon(scrub_ctx *ctx, bool mute);

#endif
