/*
 * filter_ac.h -- Aho-Corasick automaton over bytes for the filter stage's
 * lexicons.  Hidden (scrub__ prefix).
 *
 * The automaton is a dense DFA over byte classes: bytes that occur in no
 * pattern share class 0, ASCII upper-case letters share the class of their
 * lower-case form (matching folds ASCII case).  A scan costs one table
 * lookup per byte and allocates nothing: a state is held as the offset of
 * its row in the table, so the step is an add and a load (the latency of
 * one step is the scan's speed limit).
 */
#ifndef SCRUB_FILTER_AC_H
#define SCRUB_FILTER_AC_H

#include "internal.h"

/* Lexicon categories, in the order of data/lexicon/gen_lexicon.py.  The
 * spam categories come first and CTA closes them: their hits become
 * matches (inline spans); from BUTTON to THREAD, a term counts only
 * alone; PITCH's hits are kept apart from the others (pitch_lines). */
enum {
    SCRUB__CAT_GAMBLING,
    SCRUB__CAT_PORN,
    SCRUB__CAT_MEDSEO,
    SCRUB__CAT_BLACKSEO, /* black-market trades: fake invoices and papers, private servers, loans */
    SCRUB__CAT_CTA,
    SCRUB__CAT_FOOTER,
    SCRUB__CAT_NAV,
    SCRUB__CAT_META,
    SCRUB__CAT_WIDGET,
    SCRUB__CAT_RELATED,
    SCRUB__CAT_CONTACT,
    SCRUB__CAT_CAPTION,
    SCRUB__CAT_DATE, /* month and weekday names: a date in words */
    SCRUB__CAT_SOCIAL, /* social networks and share actions: a share bar */
    SCRUB__CAT_BUTTON, /* a widget's button or counter, alone on its line */
    SCRUB__CAT_COMMENT, /* a reply button, or the end of a comment's author line */
    SCRUB__CAT_THREAD, /* the title of a comment section */
    SCRUB__CAT_PITCH, /* a subscription, recruiting, video or author-box pitch: read late */
    SCRUB__CAT_COUNT
};

/* One lexicon entry; `reason` is "category:term", shown to callers. */
typedef struct {
    const char *term;
    unsigned len;
    unsigned char cat;
    unsigned char strong;
    const char *reason;
} scrub__lex_entry;

typedef struct {
    uint8_t cls[256];
    uint32_t nclasses;
    uint32_t nstates;
    /* nstates * nclasses next states, each as the offset of its row
     * (state * nclasses); bit 31 says the next state reports matches */
    uint32_t *delta;
    int32_t *match;     /* entry ending at this state, or -1 */
    /* per entry, the next entry with the same bytes (the same term in
     * two categories: "share" is a network action and a button), or -1 */
    int32_t *same;
    uint32_t *dict;     /* next state on the fail chain with a match, 0 = none */
    const scrub__lex_entry *entries; /* borrowed, indexed by match[] */
    size_t nentries;
    /* every term is valid UTF-8: a match ends only where a character
     * does, and from the root a Han character that starts no term leads
     * back to the root (scrub__ac_builtin() marks those that start one
     * with SCRUB__HAN_TERM) */
    bool utf8;
} scrub__ac;

/* Most states an automaton may have. */
#define SCRUB__AC_MAX_STATES 32767u
#define SCRUB__AC_OUT 0x80000000u

/* Builds the automaton of entries[0..n) into *ac (entries stay borrowed and
 * must outlive it).  SCRUB_E_NOMEM on allocation failure, SCRUB_E_TOO_LARGE
 * past SCRUB__AC_MAX_STATES states (nothing leaks). */
int scrub__ac_build(scrub__ac *ac, const scrub__lex_entry *entries, size_t n);
void scrub__ac_free(scrub__ac *ac);

/* The state (row offset; 0 is the root) after byte b from row q, with
 * SCRUB__AC_OUT set when it reports matches (mask it off before the next
 * step). */
static inline uint32_t scrub__ac_step(const scrub__ac *ac, uint32_t q, unsigned char b)
{
    return ac->delta[q + ac->cls[b]];
}

/* The first state reporting a match at row q (match[] gives its entry), or
 * 0; walk on with dict[]. */
static inline uint32_t scrub__ac_out(const scrub__ac *ac, uint32_t q)
{
    uint32_t s = q / ac->nclasses;
    return ac->match[s] >= 0 ? s : ac->dict[s];
}

/* Per Han character (U+4E00..U+9FFF), what the filter's character scan
 * asks of it, in one load: a function character (的了是在...), one that
 * can complete a spinning pattern (年, 月, 院), one that starts a term
 * of the builtin lexicon, or one that some builtin term holds; above
 * SCRUB__HAN_ID_SHIFT, the place in scrub__han_root[] of a character
 * that starts a term (0 for the others).  Valid once scrub__ac_builtin()
 * succeeded. */
#define SCRUB__HAN_FIRST 0x4E00u
#define SCRUB__HAN_COUNT (0xA000u - 0x4E00u)
enum { SCRUB__HAN_FUNC = 1, SCRUB__HAN_SPUN = 2, SCRUB__HAN_TERM = 4, SCRUB__HAN_IN = 8 };
#define SCRUB__HAN_ID_SHIFT 4
#define SCRUB__HAN_IDS (1u << (16 - SCRUB__HAN_ID_SHIFT))
#if defined(__GNUC__)
__attribute__((visibility("hidden")))
#endif
extern uint16_t scrub__han_flags[SCRUB__HAN_COUNT];
/* The builtin automaton's state (as its delta entry, with SCRUB__AC_OUT)
 * after the root and one Han character that starts a term, by the
 * character's place; [0] is the root. */
#if defined(__GNUC__)
__attribute__((visibility("hidden")))
#endif
extern uint32_t scrub__han_root[SCRUB__HAN_IDS];

static inline bool scrub__is_func_han(uint32_t cp)
{
    uint32_t k = cp - SCRUB__HAN_FIRST;
    return k < SCRUB__HAN_COUNT && (scrub__han_flags[k] & SCRUB__HAN_FUNC);
}

/* The builtin lexicon's automaton, built once per process. */
int scrub__ac_builtin(const scrub__ac **out);

/* Category names of the lexicon, "gambling", ... ; NULL past the end. */
const char *scrub__lex_category_name(unsigned cat);
/* Category number of a name, or -1. */
int scrub__lex_category_of(const char *name, size_t len);

#endif
