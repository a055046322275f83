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
