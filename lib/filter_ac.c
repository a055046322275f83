/*
 * filter_ac.c -- Aho-Corasick automaton (dense byte-class DFA) for the
 * filter lexicons, and the builtin lexicon built once per process.
 */
#include "filter_ac.h"

#include "filter_lexicon.h"

_Static_assert(SCRUB__LEX_CATEGORIES == SCRUB__CAT_COUNT, "lexicon categories");
_Static_assert(SCRUB__LEX_CAPTION == SCRUB__CAT_CAPTION, "lexicon categories");
_Static_assert(SCRUB__LEX_DATE == SCRUB__CAT_DATE, "lexicon categories");
_Static_assert(SCRUB__LEX_SOCIAL == SCRUB__CAT_SOCIAL, "lexicon categories");
_Static_assert(SCRUB__LEX_CTA == SCRUB__CAT_CTA, "lexicon categories");
_Static_assert(SCRUB__LEX_BUTTON == SCRUB__CAT_BUTTON, "lexicon categories");
_Static_assert(SCRUB__LEX_COMMENT == SCRUB__CAT_COMMENT, "lexicon categories");
_Static_assert(SCRUB__LEX_THREAD == SCRUB__CAT_THREAD, "lexicon categories");
_Static_assert(SCRUB__LEX_PITCH == SCRUB__CAT_PITCH, "lexicon categories");

static unsigned char fold(unsigned char b)
{
    return (b >= 'A' && b <= 'Z') ? (unsigned char)(b + 32) : b;
}

static void make_classes(scrub__ac *ac, const scrub__lex_entry *e, size_t n)
{
    bool used[256] = {false};
    for (size_t i = 0; i < n; i++)
        for (unsigned k = 0; k < e[i].len; k++) used[fold((unsigned char)e[i].term[k])] = true;
    memset(ac->cls, 0, sizeof ac->cls);
    uint32_t next = 1;
    for (int b = 0; b < 256; b++)
        if (used[b] && !(b >= 'A' && b <= 'Z')) ac->cls[b] = (uint8_t)next++;
    for (int b = 'A'; b <= 'Z'; b++) ac->cls[b] = ac->cls[b + 32];
    ac->nclasses = next;
}

/* Trie insertion, with state numbers (rows become offsets at the end);
 * delta entries of 0 mean "no edge yet" (state 0 is the root, which no
 * edge enters). */
static void insert(scrub__ac *ac, const scrub__lex_entry *e, int32_t id)
{
    uint32_t s = 0;
    for (unsigned k = 0; k < e->len; k++) {
        size_t at = (size_t)s * ac->nclasses + ac->cls[(unsigned char)e->term[k]];
        if (!ac->delta[at]) ac->delta[at] = ac->nstates++;
        s = ac->delta[at];
    }
    if (ac->match[s] < 0) {
        ac->match[s] = id;
        return;
    }
    int32_t last = ac->match[s];
    while (ac->same[last] >= 0) last = ac->same[last];
    ac->same[last] = id;
}

/* Breadth-first: fail links become full transitions and dict links. */
static int link_states(scrub__ac *ac)
{
    uint32_t *queue = scrub__malloc(sizeof *queue * ac->nstates);
    uint32_t *fail = scrub__calloc(ac->nstates, sizeof *fail);
    if (!queue || !fail) {
        scrub__free(queue);
        scrub__free(fail);
        return SCRUB_E_NOMEM;
    }
    size_t head = 0, tail = 0;
    uint32_t nc = ac->nclasses;
    for (uint32_t c = 0; c < nc; c++)
        if (ac->delta[c]) queue[tail++] = ac->delta[c];
    while (head < tail) {
        uint32_t s = queue[head++];
        uint32_t f = fail[s];
        ac->dict[s] = ac->match[f] >= 0 ? f : ac->dict[f];
        for (uint32_t c = 0; c < nc; c++) {
            uint32_t *t = &ac->delta[(size_t)s * nc + c];
            uint32_t via_fail = ac->delta[(size_t)f * nc + c];
            if (*t) {
                fail[*t] = via_fail;
                queue[tail++] = *t;
            } else {
                *t = via_fail;
            }
        }
    }
    /* states become row offsets; flag the transitions into states that
     * report something */
    for (size_t i = 0; i < (size_t)ac->nstates * nc; i++) {
        uint32_t t = ac->delta[i];
        ac->delta[i] = t * nc | (ac->match[t] >= 0 || ac->dict[t] ? SCRUB__AC_OUT : 0);
    }
    scrub__free(queue);
    scrub__free(fail);
    return SCRUB_OK;
}

int scrub__ac_build(scrub__ac *ac, const scrub__lex_entry *entries, size_t n)
{
    memset(ac, 0, sizeof *ac);
    make_classes(ac, entries, n);
    /* the terms' bytes bound the trie; terms share prefixes, so the bound
     * may pass the limit while the trie stays under it: the count of
     * states decides, the bound only caps the memory of the build */
    size_t max_states = 1;
    for (size_t i = 0; i < n; i++) max_states += entries[i].len;
    if (max_states > 2 * (size_t)SCRUB__AC_MAX_STATES) return SCRUB_E_TOO_LARGE;
    ac->delta = scrub__calloc(max_states * ac->nclasses, sizeof *ac->delta);
    ac->match = scrub__malloc(max_states * sizeof *ac->match);
    ac->dict = scrub__calloc(max_states, sizeof *ac->dict);
    ac->same = scrub__malloc((n ? n : 1) * sizeof *ac->same);
    if (!ac->delta || !ac->match || !ac->dict || !ac->same) {
        scrub__ac_free(ac);
        return SCRUB_E_NOMEM;
    }
    for (size_t i = 0; i < max_states; i++) ac->match[i] = -1;
    for (size_t i = 0; i < n; i++) ac->same[i] = -1;
    ac->nstates = 1;
    for (size_t i = 0; i < n; i++)
        if (entries[i].len) insert(ac, &entries[i], (int32_t)i);
    if (ac->nstates > SCRUB__AC_MAX_STATES) {
        scrub__ac_free(ac);
        return SCRUB_E_TOO_LARGE;
    }
    uint32_t *rows = scrub__realloc(ac->delta, (size_t)ac->nstates * ac->nclasses * sizeof *rows);
    if (rows) ac->delta = rows; /* the rows past the last state are unused */
    ac->entries = entries;
    ac->nentries = n;
    ac->utf8 = true;
    for (size_t i = 0; i < n; i++)
        ac->utf8 &= scrub__utf8_valid_prefix(entries[i].term, entries[i].len) == entries[i].len;
    if (link_states(ac) != SCRUB_OK) {
        scrub__ac_free(ac);
        return SCRUB_E_NOMEM;
    }
    return SCRUB_OK;
}

void scrub__ac_free(scrub__ac *ac)
{
    scrub__free(ac->delta);
    scrub__free(ac->match);
    scrub__free(ac->dict);
    scrub__free(ac->same);
    memset(ac, 0, sizeof *ac);
}

static scrub__ac builtin;
static scrub__once builtin_once = SCRUB__ONCE_INIT;
uint16_t scrub__han_flags[SCRUB__HAN_COUNT];
uint32_t scrub__han_root[SCRUB__HAN_IDS];

/* Function characters frequent in Chinese (and Japanese) sentences, rare
 * in page chrome (spam.md §4). */
static const char func_chars[] = "的了是在和有也而为為与與被就都又对對把从從以及之其并並但将將这這个個们們地得着著";
/* The last characters of the spinning patterns (年至年, 月至月, 医院医院). */
static const char spun_chars[] = "年月院";

static void mark_han(const char *chars, size_t n, uint16_t flag)
{
    const unsigned char *s = (const unsigned char *)chars;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += scrub__utf8_decode(s + i, n - i, &cp);
        uint32_t k = cp - SCRUB__HAN_FIRST;
        if (k < SCRUB__HAN_COUNT) scrub__han_flags[k] |= flag;
    }
}

static void build_han_flags(void)
{
    mark_han(func_chars, sizeof func_chars - 1, SCRUB__HAN_FUNC);
    mark_han(spun_chars, sizeof spun_chars - 1, SCRUB__HAN_SPUN);
}

/* The Han characters that start a builtin term, and those that any
 * builtin term holds: from the root, the character scan steps the
 * automaton over the first only, by scrub__han_root[]; from any other
 * state, a Han character no term holds leads back to the root (see
 * lib/filter_line.c, han_run). */
static void mark_term_chars(const scrub__lex_entry *e, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const unsigned char *t = (const unsigned char *)e[i].term;
        for (size_t k = 0; k < e[i].len;) {
            uint32_t cp;
            size_t m = scrub__utf8_decode(t + k, e[i].len - k, &cp);
            if (m == 3 && cp - SCRUB__HAN_FIRST < SCRUB__HAN_COUNT)
                scrub__han_flags[cp - SCRUB__HAN_FIRST] |=
                    (uint16_t)(k == 0 ? SCRUB__HAN_TERM | SCRUB__HAN_IN : SCRUB__HAN_IN);
            k += m ? m : 1;
        }
    }
}

/* Numbers the characters that start a term and keeps the state each
 * leads to from the root. */
static int number_term_starts(const scrub__ac *ac)
{
    uint32_t next = 1;
    for (uint32_t k = 0; k < SCRUB__HAN_COUNT; k++) {
        if (!(scrub__han_flags[k] & SCRUB__HAN_TERM)) continue;
        if (next >= SCRUB__HAN_IDS) return SCRUB_E_TOO_LARGE;
        unsigned char b[3];
        uint32_t cp = SCRUB__HAN_FIRST + k, q = 0;
        b[0] = (unsigned char)(0xE0 | cp >> 12);
        b[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        b[2] = (unsigned char)(0x80 | (cp & 0x3F));
        for (int j = 0; j < 3; j++) q = scrub__ac_step(ac, q & ~SCRUB__AC_OUT, b[j]);
        scrub__han_root[next] = q;
        scrub__han_flags[k] |= (uint16_t)(next++ << SCRUB__HAN_ID_SHIFT);
    }
    return SCRUB_OK;
}

static int build_builtin(void)
{
    size_t n = sizeof scrub__lex_builtin / sizeof scrub__lex_builtin[0];
    build_han_flags();
    mark_term_chars(scrub__lex_builtin, n);
    int rc = scrub__ac_build(&builtin, scrub__lex_builtin, n);
    if (rc == SCRUB_OK && builtin.utf8) rc = number_term_starts(&builtin);
    return rc;
}

int scrub__ac_builtin(const scrub__ac **out)
{
    int rc = scrub__run_once(&builtin_once, build_builtin);
    *out = rc == SCRUB_OK ? &builtin : NULL;
    return rc;
}

const char *scrub__lex_category_name(unsigned cat)
{
    return cat < SCRUB__LEX_CATEGORIES ? scrub__lex_category_names[cat] : NULL;
}

int scrub__lex_category_of(const char *name, size_t len)
{
    for (unsigned i = 0; i < SCRUB__LEX_CATEGORIES; i++)
        if (strlen(scrub__lex_category_names[i]) == len &&
            memcmp(scrub__lex_category_names[i], name, len) == 0)
            return (int)i;
    return -1;
}
