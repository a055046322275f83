/*
 * mojibake_engine.h -- the re-encoding repair of the mojibake stage, shared
 * between lib/mojibake.c and its helper files.  Private.
 */
#ifndef SCRUB_MOJIBAKE_ENGINE_H
#define SCRUB_MOJIBAKE_ENGINE_H

#include "mojibake_tables.h"

/* A line as code points, each with the input bytes it came from
 * [s, e); repaired characters carry the span of what they replaced. */
typedef struct {
    uint32_t *cp;
    size_t *s;
    size_t *e;
    size_t n, cap;
} mj_text;

typedef struct {
    size_t start, end;
    const char *transform;
} mj_repair;

/* Scratch memory of one repair call, kept in the context between calls. */
typedef struct {
    mj_text cur, nxt;
    mj_text orig;      /* the line before its first repair, to undo them */
    uint16_t *bytes;   /* the line re-encoded in a code page */
    uint32_t *owner;   /* character each byte came from */
    size_t *first;     /* first byte of each character */
    size_t nbytes, capbytes, capowner, capfirst;
    uint32_t *dec;     /* characters decoded from one run */
    size_t *dec_s, *dec_e;
    size_t capdec, capdec_s, capdec_e;
    mj_repair *rep;    /* repairs of the line being worked on (candidate) */
    size_t nrep, caprep;
    size_t letters;    /* ASCII letters in cur, counted once per round */
    size_t subs;       /* U+001A in cur, likewise */
} mj_work;

/* Whether one of the Western code pages has c: a Western reading finds no
 * run to decode in a line where it has none of the characters above ASCII
 * (they are barriers to it, see encode_line), so it gains nothing. */
static inline bool mj_western(const mj_tables *t, uint32_t c)
{
    for (int k = 0; k < MJ_SB_COUNT; k++)
        if (t->sb_enc[k][c]) return true;
    return false;
}

/* Whether c may lead scrub__mj_repair_line to change a line: it counts in
 * profile_line()'s classes that make a reading worth trying
 * (pair_relevant) -- Latin letters, Cyrillic, Greek and the symbol rows
 * when a Western code page has them, C1 controls (fix_c1 too), characters
 * text hardly uses.  A line without any such character, nor Han that
 * never stand next to each other (mj_no_words), is left as it is.  Keep
 * in step with those functions. */
static inline bool mj_wakes_reading(const mj_tables *t, uint32_t c)
{
    if (c < 0x80) return c == 0x1A;
    if (c < 0xA0 || (c >= 0xFF61 && c <= 0xFF9F) || (mj_score(t, c) <= -2 && c != 0xFFFD))
        return true;
    if ((c >= 0xC0 && c < 0x250) || (c >= 0x370 && c < 0x530) || (c >= 0x2200 && c < 0x2600))
        return mj_western(t, c);
    return false;
}

/* Whether the character c keeps a line off line_is_quiet's fast answer:
 * U+FFFD (counted), the invisible characters (artifacts), or one that
 * wakes a reading.  mj_tables.loud3 holds it per 3-byte character. */
static inline bool mj_loud(const mj_tables *t, uint32_t c)
{
    return c == SCRUB__REPLACEMENT || c == 0x200B || c == 0x2060 || c == 0xFEFF ||
           mj_wakes_reading(t, c);
}

/* Whether a line's Han characters, standing next to each other in
 * `npairs` pairs of which `seen` were seen in text (scrub__mj_bigram),
 * never form words: then the double-byte readings are tried. */
static inline bool mj_no_words(size_t npairs, size_t seen)
{
    return (npairs >= 4 && seen * 10 <= npairs) || (npairs >= 2 && seen == 0);
}

/* Once this holds, counting more seen pairs cannot make mj_no_words true. */
static inline bool mj_words_shown(size_t npairs, size_t seen)
{
    return seen > 0 && seen * 10 > npairs;
}

static inline bool mj_is_han(uint32_t c)
{
    return c >= 0x4E00 && c <= 0x9FFF;
}

int scrub__mj_text_reserve(mj_text *t, size_t n);
int scrub__mj_text_grow(mj_text *t, uint32_t cp, size_t s, size_t e);

/* Appends a character; inline, as every step that rebuilds a line calls
 * it per character.  SCRUB_E_NOMEM. */
static inline int scrub__mj_text_push(mj_text *t, uint32_t cp, size_t s, size_t e)
{
    if (t->n == t->cap) return scrub__mj_text_grow(t, cp, s, e);
    t->cp[t->n] = cp;
    t->s[t->n] = s;
    t->e[t->n] = e;
    t->n++;
    return SCRUB_OK;
}
void scrub__mj_text_free(mj_text *t);
void scrub__mj_work_free(mj_work *w);

/* Appends a repair [s, e) named `name` (static) to *rep.  SCRUB_E_NOMEM. */
int scrub__mj_add_repair(mj_repair **rep, size_t *nrep, size_t *caprep, size_t s, size_t e,
                         const char *name);

/* Repairs re-encoding mojibake in w->cur, in place, in up to a few rounds
 * (layers).  Appends the repairs to *rep (grown with scrub__realloc).
 * *lost counts characters that could not be read back. */
int scrub__mj_repair_line(const mj_tables *t, mj_work *w, mj_repair **rep, size_t *nrep,
                          size_t *caprep, size_t *lost);

#endif
