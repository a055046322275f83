/*
 * mojibake_engine.c -- repairs text that was decoded with the wrong code
 * page by re-encoding it with that code page and decoding the bytes as what
 * they really were.
 *
 * For each (reading, truth) pair of code pages the line is turned back into
 * bytes (characters the reading cannot produce become barriers), then runs
 * of bytes are decoded as the truth.  A run must start and end on character
 * boundaries of the line, so a repair never splits a character that was
 * right.  Each candidate run is judged (see judge_*); of all pairs the one
 * that gains most is applied, and the whole is repeated for further layers.
 * Evidence is local: a run that cannot show its damage by itself (a short
 * one, or Han read as other Han) is repaired only next to a run that can
 * (chain_runs), so rare words of clean text stay as they are.
 * Last, the line's repairs are judged together: when they leave it still
 * garbled, none is made (see still_garbled).
 * U+FFFD and `?` in the line may stand for bytes a decoder lost: inside a
 * UTF-8 sequence they are wildcards, and each character that cannot be read
 * back becomes one U+FFFD.
 */
#include "mojibake_engine.h"

/* For the steps of plan_pair that run per pair and line: split out for
 * the reader, they must compile as before, into their caller. */
#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

#define B_LOST 0x100u    /* a U+FFFD: one or two bytes the decoder lost */
#define B_QMARK 0x101u   /* a `?`: itself, or a lost byte */
#define B_BARRIER 0x102u /* a character the reading cannot produce */
/* What a double-byte decoder's replacement character stands for, as ICU's
 * converters (and browsers) make them: GBK replaces only a lead byte whose
 * trail is ASCII below 0x40 (the trail is read again); Big5 that too, or a
 * lead with a trail in 0x80-0xA0 or an unassigned pair (both consumed);
 * Shift_JIS and EUC-KR write U+FFFD for an unassigned pair and U+001A for
 * one illegal byte (the trail is read again). */
#define B_LOST1 0x103u   /* exactly one byte */
#define B_LOST2 0x104u   /* exactly two bytes */
#define B_LOST12 0x105u  /* one byte or two (Big5 before ASCII) */
#define MAX_ROUNDS 3
#define MAX_DECODED 8    /* characters one decoding step may write */

typedef struct {
    int reading, truth;
    const char *name;
} mj_pair;

static const mj_pair pairs[] = {
    {MJ_CP1252, MJ_UTF8, "utf-8 read as windows-1252"},
    /* GBK first (the common case): Korean or Japanese bytes read as GBK
     * never score high enough to be decisive, so they still get their turn */
    {MJ_CP1252, MJ_GBK, "gbk read as windows-1252"},
    {MJ_CP1252, MJ_EUCKR, "euc-kr read as windows-1252"},
    {MJ_CP1252, MJ_SJIS, "shift_jis read as windows-1252"},
    {MJ_CP1252, MJ_EUCJP, "euc-jp read as windows-1252"},
    {MJ_CP1252, MJ_BIG5, "big5 read as windows-1252"},
    /* UTF-8 read as GBK, the common Chinese case, before the Western code
     * pages that GBK's Cyrillic, Greek and symbol rows would also wake */
    {MJ_GBK, MJ_UTF8, "utf-8 read as gbk"},
    {MJ_CP1250, MJ_UTF8, "utf-8 read as windows-1250"},
    {MJ_CP1251, MJ_UTF8, "utf-8 read as windows-1251"},
    {MJ_CP1253, MJ_UTF8, "utf-8 read as windows-1253"},
    {MJ_CP1254, MJ_UTF8, "utf-8 read as windows-1254"},
    {MJ_CP1257, MJ_UTF8, "utf-8 read as windows-1257"},
    {MJ_ISO8859_2, MJ_UTF8, "utf-8 read as iso-8859-2"},
    {MJ_MACROMAN, MJ_UTF8, "utf-8 read as macroman"},
    {MJ_CP437, MJ_UTF8, "utf-8 read as cp437"},
    {MJ_BIG5, MJ_UTF8, "utf-8 read as big5"},
    {MJ_SJIS, MJ_UTF8, "utf-8 read as shift_jis"},
    {MJ_EUCJP, MJ_UTF8, "utf-8 read as euc-jp"},
    {MJ_EUCKR, MJ_UTF8, "utf-8 read as euc-kr"},
    {MJ_GBK, MJ_BIG5, "big5 read as gbk"},
    {MJ_BIG5, MJ_GBK, "gbk read as big5"},
};
#define PAIR_COUNT (sizeof pairs / sizeof pairs[0])

int scrub__mj_text_reserve(mj_text *t, size_t n)
{
    if (n <= t->cap) return SCRUB_OK;
    size_t cap = t->cap, c2 = t->cap, c3 = t->cap;
    if (scrub__grow((void **)&t->cp, &cap, n, sizeof *t->cp) != SCRUB_OK) return SCRUB_E_NOMEM;
    if (scrub__grow((void **)&t->s, &c2, n, sizeof *t->s) != SCRUB_OK) return SCRUB_E_NOMEM;
    if (scrub__grow((void **)&t->e, &c3, n, sizeof *t->e) != SCRUB_OK) return SCRUB_E_NOMEM;
    t->cap = cap < c2 ? (cap < c3 ? cap : c3) : (c2 < c3 ? c2 : c3);
    return SCRUB_OK;
}

int scrub__mj_text_grow(mj_text *t, uint32_t cp, size_t s, size_t e)
{
    if (scrub__mj_text_reserve(t, t->n + 1) != SCRUB_OK) return SCRUB_E_NOMEM;
    t->cp[t->n] = cp;
    t->s[t->n] = s;
    t->e[t->n] = e;
    t->n++;
    return SCRUB_OK;
}

void scrub__mj_text_free(mj_text *t)
{
    scrub__free(t->cp);
    scrub__free(t->s);
    scrub__free(t->e);
    memset(t, 0, sizeof *t);
}

void scrub__mj_work_free(mj_work *w)
{
    scrub__mj_text_free(&w->cur);
    scrub__mj_text_free(&w->nxt);
    scrub__mj_text_free(&w->orig);
    scrub__free(w->bytes);
    scrub__free(w->owner);
    scrub__free(w->first);
    scrub__free(w->dec);
    scrub__free(w->dec_s);
    scrub__free(w->dec_e);
    scrub__free(w->rep);
    memset(w, 0, sizeof *w);
}

/* ---- re-encoding ------------------------------------------------------------ */

/* The bytes reading `x` made character c from: 1 or 2, 0 when it cannot
 * have.  Toward UTF-8, U+FFFD and `?` become markers of lost bytes. */
static unsigned encode_char(const mj_tables *t, int x, uint32_t c, bool to_utf8, uint16_t out[2])
{
    if (c < 0x80) {
        out[0] = (uint16_t)(c == '?' && to_utf8 ? B_QMARK : c);
        return 1;
    }
    if (c == 0xFFFD) {
        out[0] = B_LOST;
        return to_utf8;
    }
    if (c >= 0x10000) return 0;
    if (x < MJ_SB_COUNT) {
        uint8_t b = t->sb_enc[x][c];
        out[0] = b;
        return b != 0;
    }
    uint16_t r = t->db_rev[x - MJ_SB_COUNT][c];
    if (!r) return 0;
    if (r < 0x100) {
        out[0] = r;
        return 1;
    }
    out[0] = r >> 8;
    out[1] = r & 0xFF;
    return 2;
}

static inline bool is_db_marker(unsigned b)
{
    return b >= B_LOST1 && b <= B_LOST12;
}

/* The marker of a replacement character c (U+FFFD, or U+001A from
 * Shift_JIS and EUC-KR) that double-byte reading x wrote before `next`;
 * 0 when x cannot have written it. */
static uint16_t db_marker(int x, uint32_t c, uint32_t next)
{
    bool sub = x == MJ_SJIS || x == MJ_EUCKR;
    if (c == 0x1A) return sub ? B_LOST1 : 0;
    bool reread = next < 0x40 || next == 0x7F; /* also the end of the line */
    if (x == MJ_GBK) return B_LOST1;
    if (x == MJ_BIG5 || x == MJ_EUCJP) return reread ? B_LOST12 : B_LOST2;
    return B_LOST2;
}

/* The UTF-8 continuation bytes still expected after byte b, when `need`
 * were expected before it. */
static unsigned utf8_need(unsigned b, unsigned need)
{
    if (b >= 0x80 && b <= 0xBF) return need ? need - 1 : 0;
    if (b >= 0xC2 && b <= 0xF4) return b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
    return 0;
}

/* The same after the bytes a decoder lost (marker b), taking a lost lead
 * byte for a CJK one (金 E9 87 91 after 球 E7 90 83: 83 E9 is no Shift_JIS
 * pair, and 87 91 is ≡); 0 when the width is not known. */
static unsigned marker_need(unsigned b, unsigned need)
{
    if (b == B_LOST1) return need ? need - 1 : 2;
    if (b == B_LOST2) return need == 0 ? 1 : need == 1 ? 2 : need - 2;
    return 0;
}

/* The UTF-8 continuation bytes expected after bytes B[0..m), from the
 * last few (a CJK sequence is three bytes). */
static unsigned tail_need(const uint16_t *B, size_t m)
{
    unsigned need = 0;
    for (size_t q = m > 6 ? m - 6 : 0; q < m; q++)
        need = B[q] < 0x100 ? utf8_need(B[q], need) : marker_need(B[q], need);
    return need;
}

/* How many bytes of two-byte code `code` go on the UTF-8 before it. */
static unsigned utf8_fit(uint16_t code, unsigned need)
{
    unsigned fit = 0;
    for (int i = 0; i < 2; i++) {
        unsigned b = i ? code & 0xFFu : code >> 8;
        bool cont = b >= 0x80 && b <= 0xBF;
        if (need ? !cont : cont || b < 0xC2 || b > 0xF4) break;
        need = utf8_need(b, need);
        fit++;
    }
    return fit;
}

/* The code of c in double-byte reading x that goes on the UTF-8 before it
 * best, where c has two (see db_alt); `code` otherwise. */
static uint16_t utf8_code(const mj_tables *t, int x, uint32_t c, uint16_t code, unsigned need)
{
    int d = x - MJ_SB_COUNT;
    for (unsigned k = 0; k < t->db_nalt[d]; k++)
        if (t->db_alt[d][k].cp == c)
            return utf8_fit(t->db_alt[d][k].code, need) > utf8_fit(code, need) ? t->db_alt[d][k].code
                                                                                : code;
    return code;
}

static ALWAYS_INLINE int encode_line(const mj_tables *t, mj_work *w, int x, bool to_utf8)
{
    const mj_text *cur = &w->cur;
    size_t nbytes = cur->n * 2 + 1;
    if (scrub__grow((void **)&w->bytes, &w->capbytes, nbytes, sizeof *w->bytes) != SCRUB_OK ||
        scrub__grow((void **)&w->owner, &w->capowner, nbytes, sizeof *w->owner) != SCRUB_OK)
        return SCRUB_E_NOMEM;
    if (scrub__grow((void **)&w->first, &w->capfirst, cur->n + 1, sizeof *w->first) != SCRUB_OK)
        return SCRUB_E_NOMEM;
    size_t m = 0;
    bool alts = to_utf8 && x >= MJ_SB_COUNT && t->db_nalt[x - MJ_SB_COUNT];
    for (size_t i = 0; i < cur->n; i++) {
        uint16_t b[2];
        uint32_t c = cur->cp[i];
        unsigned k;
        if (to_utf8 && x >= MJ_SB_COUNT && (c == 0xFFFD || c == 0x1A)) {
            b[0] = db_marker(x, c, i + 1 < cur->n ? cur->cp[i + 1] : 0);
            k = b[0] != 0;
        } else if (to_utf8 && x == MJ_EUCKR && c >= 0x80 && c < 0xA0) {
            b[0] = (uint16_t)c; /* EUC-KR proper passes C1 bytes through */
            k = 1;
        } else
            k = encode_char(t, x, c, to_utf8, b);
        if (alts && k == 2 && c < 0x10000 && (t->has_alt[c >> 6] >> (c & 63) & 1)) {
            uint16_t code = utf8_code(t, x, c, (uint16_t)(b[0] << 8 | b[1]), tail_need(w->bytes, m));
            b[0] = code >> 8;
            b[1] = code & 0xFF;
        }
        w->first[i] = m;
        if (k == 0) {
            b[0] = B_BARRIER;
            k = 1;
        }
        for (unsigned j = 0; j < k; j++) {
            w->bytes[m] = b[j];
            w->owner[m++] = (uint32_t)i;
        }
    }
    w->first[cur->n] = m;
    w->nbytes = m;
    return SCRUB_OK;
}

/* ---- decoding the bytes as the truth ---------------------------------------- */

static bool latin_reading(int x)
{
    return x == MJ_CP1252;
}

/* Latin code pages in which a lost 0xA0 byte is worth restoring from a
 * space (0xA0 is the no-break space in all of them). */
static bool nbsp_reading(int x)
{
    return x == MJ_CP1252 || x == MJ_CP1250 || x == MJ_CP1257 || x == MJ_ISO8859_2 ||
           x == MJ_CP1254;
}

static bool is_ascii_letter(uint32_t c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static inline bool is_cont(unsigned b)
{
    return b >= 0x80 && b <= 0xBF;
}

typedef struct {
    uint32_t cp[MAX_DECODED];
    size_t k;        /* characters written */
    int lost;        /* characters that could not be read back */
    int known;       /* bytes present in a damaged run */
    bool qmark;      /* a `?` stood for a lost byte */
    bool nbsp_space; /* a space stood for a lost 0xA0 byte */
} mj_step;

/* A run of damaged UTF-8: a sequence with lost bytes (markers) and the
 * continuation bytes that belonged to it.  Each character it held becomes
 * U+FFFD; the count follows from the bytes present and the sequence
 * length its lead byte announces (3, the CJK length, when the lead is lost). */
static size_t utf8_damaged(const uint16_t *B, size_t q, size_t m, mj_step *st)
{
    unsigned b = B[q];
    unsigned len = 3;
    if (b >= 0xC2 && b <= 0xDF) len = 2;
    else if (b >= 0xF0 && b <= 0xF4) len = 4;
    size_t known = b < 0x100 ? 1 : 0, marks = b < 0x100 ? 0 : 1, p = q + 1;
    while (p < m) {
        unsigned c = B[p];
        if (is_cont(c)) known++;
        else if ((c == B_LOST || c == B_QMARK) && (known + marks) % len != 0) marks++;
        else break;
        p++;
    }
    if (known == 0) return 0;
    for (size_t i = q; i < p; i++) st->qmark |= B[i] == B_QMARK;
    st->known = (int)known;
    size_t n = (known + marks + len - 1) / len;
    if (n > MAX_DECODED) n = MAX_DECODED;
    for (size_t i = 0; i < n; i++) st->cp[i] = 0xFFFD;
    st->k = n;
    st->lost = (int)n;
    return p - q;
}

/* Bytes a double-byte marker stands for, at least and at most. */
static inline unsigned marker_min(unsigned b)
{
    return b == B_LOST2 ? 2 : 1;
}

/* Damaged UTF-8 after a double-byte reading: a lead byte maybe, then lost
 * bytes (markers of known width) and continuation bytes, up to the next
 * lead byte or ASCII, which starts a character.  Every character there
 * lost a byte and becomes one U+FFFD; how many there were follows from
 * the byte count, 3 bytes (CJK) to a character whose lead is lost.  A
 * marker that may be one byte or two takes the width that aligns. */
static size_t utf8_damaged_db(const uint16_t *B, size_t q, size_t m, mj_step *st)
{
    unsigned b = B[q], len = 0;
    if (b >= 0xC2 && b <= 0xDF) len = 2;
    else if (b >= 0xE0 && b <= 0xEF) len = 3;
    else if (b >= 0xF0 && b <= 0xF4) len = 4;
    size_t total = len ? 1 : 0, known = total, amb = 0, p = q + (len ? 1 : 0);
    for (; p < m; p++) {
        unsigned c = B[p];
        if (is_cont(c)) known++, total++;
        else if (is_db_marker(c)) {
            /* a long stretch is cut before a marker where a character
             * ends; the next step goes on from there */
            size_t done = total > len ? total - len : 0;
            if (done % 3 == 0 && done / 3 + 2 >= MAX_DECODED) break;
            total += marker_min(c), amb += c == B_LOST12;
        } else
            break;
    }
    size_t rest = total > len ? total - len : 0;
    if (amb && rest % 3) rest += (3 - rest % 3) <= amb ? 3 - rest % 3 : 0;
    size_t n = (len ? 1 : 0) + (rest + 2) / 3;
    if (n == 0) n = 1;
    if (n > MAX_DECODED) n = MAX_DECODED;
    for (size_t i = 0; i < n; i++) st->cp[i] = 0xFFFD;
    st->k = n;
    st->lost = (int)n;
    st->known = (int)known;
    return p - q;
}

/* Whether B[q..m) starts with the rest of a Portuguese contraction of à
 * (àquele, àquela, àqueles, àquelas, àquilo) as a whole word: then the
 * space after "Ã" was the 0xA0 of à, not a space between words (French
 * "à quel point" keeps its space: "quel" is not on the list). */
static bool aquele_word(const uint16_t *B, size_t q, size_t m)
{
    static const char *const rest[] = {"quele", "quela", "queles", "quelas", "quilo"};
    for (size_t r = 0; r < sizeof rest / sizeof rest[0]; r++) {
        size_t n = strlen(rest[r]), k = 0;
        while (k < n && q + k < m && B[q + k] == (unsigned char)rest[r][k]) k++;
        if (k == n && (q + n >= m || !is_ascii_letter(B[q + n]))) return true;
    }
    return false;
}

/* One UTF-8 character at B[q]; the bytes used, 0 when B[q] starts nothing
 * valid.  cesu: accept surrogate pairs encoded one by one (CESU-8). */
static size_t decode_utf8(const uint16_t *B, size_t q, size_t m, bool sb, bool latin, mj_step *st)
{
    unsigned b = B[q];
    st->k = 1;
    st->lost = 0;
    st->known = 0;
    st->qmark = false;
    st->nbsp_space = false;
    if (b == B_BARRIER) return 0;
    if (is_db_marker(b)) return utf8_damaged_db(B, q, m, st);
    if (b == B_LOST || b == B_QMARK) {
        /* after a single-byte reading a lost byte is one character; after
         * a double-byte one it may have been a lead byte */
        if (!sb && q + 1 < m && is_cont(B[q + 1])) return utf8_damaged(B, q, m, st);
        st->cp[0] = b == B_LOST ? 0xFFFD : '?';
        return 1;
    }
    if (b < 0x80) {
        st->cp[0] = b;
        return 1;
    }
    unsigned need, lo = 0x80, hi = 0xBF;
    uint32_t v;
    if (b >= 0xC2 && b <= 0xDF) need = 1, v = b & 0x1F;
    else if (b >= 0xE0 && b <= 0xEF) need = 2, v = b & 0x0F, lo = b == 0xE0 ? 0xA0 : 0x80;
    else if (b >= 0xF0 && b <= 0xF4) {
        need = 3, v = b & 0x07;
        if (b == 0xF0) lo = 0x90;
        if (b == 0xF4) hi = 0x8F;
    } else
        return 0;
    /* "Ã " is "à" (C3 A0) whose 0xA0 became a plain space or was dropped:
     * the space is kept when a word follows, unless that word is a single
     * letter ("Ã s" is "às"); two spaces stand for the 0xA0 and a space. */
    if (sb && b == 0xC3 && q + 1 < m && B[q + 1] == ' ') {
        st->nbsp_space = true;
        st->cp[0] = 0xE0;
        unsigned c2 = q + 2 < m ? B[q + 2] : ' ', c3 = q + 3 < m ? B[q + 3] : ' ';
        bool one_letter = c2 < 0x80 && is_ascii_letter(c2) && (c3 == ' ' || q + 3 >= m);
        return c2 == ' ' || one_letter || aquele_word(B, q + 2, m) ? 2 : 1;
    }
    for (unsigned i = 1; i <= need; i++) {
        if (q + i >= m) return 0;
        unsigned c = B[q + i];
        if (is_db_marker(c)) return utf8_damaged_db(B, q, m, st);
        if (c == B_LOST || c == B_QMARK) return utf8_damaged(B, q, m, st);
        if (latin && c == ' ' && 0xA0 >= (i == 1 ? lo : 0x80) && 0xA0 <= (i == 1 ? hi : 0xBF)) {
            c = 0xA0; /* a non-breaking space byte that became a space */
            st->nbsp_space = true;
        }
        if (c < (i == 1 ? lo : 0x80) || c > (i == 1 ? hi : 0xBF)) return 0;
        v = v << 6 | (c & 0x3F);
    }
    if (v >= 0xD800 && v <= 0xDFFF) {
        /* CESU-8: a high surrogate followed by a low one */
        if (!sb || v > 0xDBFF || q + 6 > m || B[q + 3] != 0xED) return 0;
        unsigned c1 = B[q + 4], c2 = B[q + 5];
        if (c1 < 0xB0 || c1 > 0xBF || !is_cont(c2)) return 0;
        uint32_t low = 0xD000 | (c1 & 0x3F) << 6 | (c2 & 0x3F);
        st->cp[0] = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00);
        return 6;
    }
    st->cp[0] = v;
    return need + 1;
}

static size_t decode_db(const mj_tables *t, int d, const uint16_t *B, size_t q, size_t m,
                        mj_step *st)
{
    unsigned b = B[q];
    st->k = 1;
    st->lost = 0;
    st->known = 0;
    st->qmark = false;
    st->nbsp_space = false;
    if (b == B_BARRIER || b == B_LOST || is_db_marker(b)) return 0;
    if (b == B_QMARK) b = '?';
    if (b < 0x80) {
        st->cp[0] = b;
        return 1;
    }
    if (t->db_single[d][b]) {
        st->cp[0] = t->db_single[d][b];
        return 1;
    }
    if (q + 1 >= m || B[q + 1] >= 0x100) return 0;
    uint16_t v = mj_db_get(t, d, b, B[q + 1]);
    if (!v) return 0;
    st->cp[0] = v;
    return 2;
}

/* ---- judging candidate runs ------------------------------------------------ */

static bool is_typographic(uint32_t c)
{
    return c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x2013 ||
           c == 0x2014 || c == 0x2026 || c == 0x2122 || c == 0x2022;
}


static bool is_lower(uint32_t u)
{
    return (u >= 0xDF && u <= 0xFF && u != 0xF7) || (u >= 0x100 && u <= 0x17F && (u & 1));
}

/* Characters a repair should not produce from two or three latin ones:
 * rare scripts and phonetic letters. */
static bool implausible(uint32_t u)
{
    return (u >= 0x1700 && u <= 0x1DFF) || (u >= 0xA000 && u <= 0xABFF) ||
           (u >= 0x0800 && u <= 0x08FF);
}

static bool is_strong_symbol(uint32_t c)
{
    /* latin-1 symbols that do not follow a letter inside a word */
    return c >= 0xA1 && c <= 0xBF && c != 0xA3 && c != 0xA5;
}

/* Whether u is a character no repair makes: controls, private use,
 * noncharacters, nor the long s (U+017F), gone from print for two
 * centuries: cp437 line art `├┤a┼┐a` would read as `ôaſa`; with ſ
 * forbidden the line's box drawing is left over, so the rest needs more
 * evidence than `├┤` alone gives. */
static inline bool never_decoded(uint32_t u)
{
    return u < 0x20 || (u >= 0x7F && u < 0xA0) || (u >= 0xE000 && u <= 0xF8FF) || u == 0xFFFE ||
           u == 0xFFFF || u == 0x17F;
}

/* western_evidence of "Ã" and a space at i0 (a lost 0xA0): "Ã " is "à"
 * when a lowercase word follows. */
static int a_grave_evidence(const mj_text *cur, size_t i0, uint32_t before)
{
    size_t j = i0 + 1;
    while (j < cur->n && cur->cp[j] == ' ') j++;
    uint32_t next = j < cur->n ? cur->cp[j] : ' ';
    if (next >= 'a' && next <= 'z')
        return before == ' ' || before == '\'' || is_ascii_letter(before) ? 2 : 1;
    return 0;
}

/* western_evidence of three or four characters [i0, i1] made one; but
 * "ë…”" is a word and punctuation, so typographic marks after a letter
 * (a_letter: the first is one) count little. */
static int sequence_evidence(const mj_tables *t, const mj_text *cur, int x, size_t i0, size_t i1,
                             bool a_letter)
{
    bool typo = a_letter;
    for (size_t i = i0 + 1; typo && i <= i1; i++) typo = is_typographic(cur->cp[i]);
    if (typo) return 1;
    /* Cyrillic and Greek code pages put letters in the continuation
     * byte range too: "зіі" (Belarusian "Еўразіі") reads as 糳 */
    bool word = x == MJ_CP1251 || x == MJ_CP1253;
    for (size_t i = i0; word && i <= i1; i++) word = mj_score(t, cur->cp[i]) > 0;
    return word ? 1 : 3;
}

/* Evidence that orig chars [i0, i1] of a line, read with single-byte code
 * page x, were the UTF-8 of the decoded character: 0 (none) .. 3 (certain);
 * -1 forbids the run. */
static int western_evidence(const mj_tables *t, const mj_text *cur, int x, size_t i0, size_t i1,
                            const mj_step *st)
{
    uint32_t u = st->cp[0];
    if (st->lost && st->qmark && st->known < 2) {
        /* "й?" is a word and a question mark; "Ã?" is mojibake */
        uint32_t a0 = cur->cp[i0];
        uint8_t l0 = a0 < 0x10000 ? t->sb_enc[x][a0] : 0;
        return latin_reading(x) && (l0 == 0xC2 || l0 == 0xC3) ? 1 : 0;
    }
    if (st->lost) return 2;
    if (never_decoded(u)) return -1;
    uint32_t a = cur->cp[i0];
    uint32_t before = i0 > 0 ? cur->cp[i0 - 1] : ' ';
    uint32_t after = i1 + 1 < cur->n ? cur->cp[i1 + 1] : ' ';
    uint8_t lead = a < 0x10000 ? t->sb_enc[x][a] : 0;
    bool a_letter = mj_score(t, a) > 0;
    if (st->nbsp_space && lead == 0xC3 && i1 <= i0 + 1) return a_grave_evidence(cur, i0, before);
    if (st->nbsp_space && i1 <= i0 + 1 && !a_letter) return 0;
    if (implausible(u)) return 0;
    if (i1 > i0 + 1) {
        if (st->nbsp_space && u >= 0x2E80) return 0;
        return sequence_evidence(t, cur, x, i0, i1, a_letter);
    }
    uint32_t b = cur->cp[i1];
    /* a space after a capital is mostly a space ("VOCÊ CHEGOU"): as a lost
     * 0xA0 it must make a letter that text uses (Š, Р), or the no-break
     * space itself */
    if (st->nbsp_space) return mj_score(t, u) > 0 || lead == 0xC2 ? 1 : 0;
    if (b >= 0x80 && b < 0xA0) return 3; /* a C1 control in text */
    if (b == 0xA0) return latin_reading(x) && (lead == 0xC2 || lead == 0xC3) ? 2 : 0;
    /* the no-break space: "Â " in the Latin pages, "¬†" in MacRoman (not
     * "В " in windows-1251, a Russian word before a no-break space) */
    bool nbsp = lead == 0xC2 && (nbsp_reading(x) || (x == MJ_MACROMAN && u == 0xA0));
    bool u_ok = mj_score(t, u) > 0 || (u >= 0x300 && u <= 0x36F) || nbsp;
    if (!u_ok) return 0;
    if (u >= 0x300 && u <= 0x36F && is_ascii_letter(before)) return 0;
    if (is_typographic(b) && a_letter) {
        /* "É’s" is a word with an apostrophe; "HÃ”TEL" is not */
        if (x == MJ_CP1252 && lead == 0xC3 && before >= 'A' && before <= 'Z') return 2;
        return 1;
    }
    bool upper_around = before >= 'A' && before <= 'Z' && after >= 'A' && after <= 'Z';
    /* nor inside a capitalised word whose next letter is a Latin-1 capital
     * (leetspeak `MÄ£ÄM` is no `MģÄM`) */
    bool upper_next = (after >= 0xC0 && after <= 0xDE && after != 0xD7) && before >= 'A' && before <= 'Z';
    if ((upper_around || upper_next) && is_lower(u)) return 0;
    if (a_letter && mj_score(t, b) > 0 && x != MJ_CP1251 && x != MJ_CP1253)
        return upper_around && lead == 0xC3 && latin_reading(x) ? 2 : 1; /* "ZURÃœCK" */
    int ev = 1;
    if ((lead == 0xC2 || lead == 0xC3) && latin_reading(x)) ev++;
    if (is_ascii_letter(before) || is_ascii_letter(after)) ev++;
    if (a_letter && is_strong_symbol(b) && is_ascii_letter(after)) ev++;
    return ev > 3 ? 3 : ev;
}

typedef struct {
    size_t i0, i1;   /* characters [i0, i1) of the line */
    size_t d0, d1;   /* decoded characters [d0, d1) in w->dec */
    int gain;        /* plausibility gained */
    int evidence;    /* western evidence */
    int lost;
    bool ok;
    bool weak;    /* acceptable only next to an accepted run */
    bool follows; /* no gain, but may follow an accepted run next to it */
} mj_run;

static int score_sum(const mj_tables *t, const uint32_t *cp, size_t n, int truth)
{
    int s = 0;
    for (size_t i = 0; i < n; i++) {
        int v = mj_score(t, cp[i]);
        uint32_t c = cp[i];
        bool kana = c >= 0x3041 && c <= 0x30FF;
        bool han = c >= 0x4E00 && c <= 0x9FFF;
        if (kana && (truth == MJ_GBK || truth == MJ_BIG5)) v = -3; /* kana in Chinese */
        if (kana && (truth == MJ_SJIS || truth == MJ_EUCJP)) v = 5;  /* and in Japanese */
        if (han && truth == MJ_EUCKR && v > 0) v = 0;               /* hanja are rare */
        s += v;
    }
    return s;
}

/* Punctuation and symbols of CJK text (and Hangul jamo): they score
 * little either way. */
static inline bool is_cjk_punct(uint32_t c)
{
    return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF5E) ||
           (c >= 0x2010 && c <= 0x2027) || (c >= 0x2190 && c <= 0x21FF) ||
           (c >= 0x2460 && c <= 0x24FF) || (c >= 0x25A0 && c <= 0x26FF) ||
           (c >= 0x3131 && c <= 0x318E) || (c >= 0x3200 && c <= 0x32FF);
}

/* Whether UTF-8 read with a double-byte code page holds the decoder's
 * replacement characters where the UTF-8 around them lost its bytes, and
 * decodes otherwise into three or more characters in use: clean text has
 * no such structure, whatever its characters score in the reading
 * (Japanese read as Shift_JIS is common kanji; `縲\x1A縲撰ｼ代` is `　【１】`).
 * The run's gain then, else 0. */
static int lossy_structure(const mj_tables *t, const mj_text *cur, const mj_pair *pr,
                           const mj_run *r, const uint32_t *dec, bool line_rare)
{
    if (pr->truth != MJ_UTF8 || pr->reading < MJ_SB_COUNT || !line_rare || r->lost == 0) return 0;
    size_t shown = 0, owide = 0, cjk = 0, wide = 0;
    for (size_t d = r->d0; d < r->d1; d++) {
        uint32_t c = dec[d];
        if (c == 0xFFFD || c < 0x80) continue;
        if (mj_score(t, c) <= 0 && !is_cjk_punct(c)) return 0;
        wide++;
    }
    if (wide < 3) return 0;
    for (size_t i = r->i0; i < r->i1; i++) {
        uint32_t c = cur->cp[i];
        shown += c == 0xFFFD || c == 0x1A;
        owide += c >= 0x80;
        cjk += (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF) || c == 0xFFFD;
    }
    return shown && cjk * 2 >= owide ? 2 * (int)wide : 0;
}

/* A character that mojibake through double-byte reading x leaves and
 * text hardly holds (U+FFFD aside). */
static inline bool rare_in(const mj_tables *t, int x, uint32_t c)
{
    return mj_score(t, c) <= -2 || (x == MJ_SJIS && c >= 0xFF61 && c <= 0xFF9F) ||
           (c == 0x1A && (x == MJ_SJIS || x == MJ_EUCKR));
}

/* Whether U+FFFD is all a line holds of rare_in() and the rest reads as
 * clean text (a mean score of 2.5 and up, as Chinese and Japanese have):
 * then a U+FFFD may be what a repair of this very line wrote. */
static bool fffd_alone(const mj_tables *t, const mj_text *cur, int x)
{
    int sum = 0, n = 0;
    for (size_t k = 0; k < cur->n; k++) {
        uint32_t c = cur->cp[k];
        if (c == 0xFFFD) continue;
        if (rare_in(t, x, c)) return false;
        if (c >= 0x80) sum += mj_score(t, c), n++;
    }
    return sum * 10 >= 25 * n;
}

/* Whether legacy bytes read as windows-1252 cannot be the damage of run
 * r: it touches a U+001A, which ICU's Shift_JIS and EUC-KR decoders write
 * for a byte they could not read and a Western reading never makes, so
 * the run is part of what such a decoder did to UTF-8 (`啊` read as
 * EUC-KR is U+001A and the C1 controls U+0095 U+008A, which windows-1252
 * would take for GBK's `晩`). */
static bool next_to_sub(const mj_text *cur, const mj_run *r)
{
    return (r->i0 > 0 && cur->cp[r->i0 - 1] == 0x1A) || (r->i1 < cur->n && cur->cp[r->i1] == 0x1A);
}

/* How many of the characters [i0, i1) of run r are the U+FFFD (or
 * U+001A) of a wrong decoder. */
static size_t shown_replacements(const mj_text *cur, const mj_run *r)
{
    size_t n = 0;
    for (size_t i = r->i0; i < r->i1; i++) n += cur->cp[i] == 0xFFFD || cur->cp[i] == 0x1A;
    return n;
}

/* Whether run r, as double-byte reading x shows it, reads as that
 * reading's mojibake: `before` is its score, `offfd` its replacement
 * characters (shown_replacements). */
static bool reads_badly(const mj_text *cur, int x, const mj_run *r, int before, size_t offfd)
{
    /* text read with a double-byte code page is mostly CJK characters */
    size_t owide = 0, cjk = 0;
    for (size_t i = r->i0; i < r->i1; i++) {
        uint32_t c = cur->cp[i];
        owide += c >= 0x80;
        cjk += (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) ||
               (c >= 0xE000 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) || c == 0xFFFD ||
               (c >= 0x80 && c < 0xA0 && x == MJ_EUCKR);
    }
    if (cjk * 2 < owide) return false;
    /* and it reads badly: clean Chinese or Japanese scores 2.5 and up
     * (but holds no replacement characters where bytes were lost) */
    return !(owide && before * 10 >= 20 * (int)owide && offfd < 2);
}

/* How many of dec[0..n) are CJK punctuation (is_cjk_punct); *score: what
 * they score toward `truth`. */
static size_t cjk_punct(const mj_tables *t, const uint32_t *dec, size_t n, int truth, int *score)
{
    size_t punct = 0;
    *score = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_cjk_punct(dec[i])) continue;
        punct++;
        *score += score_sum(t, dec + i, 1, truth);
    }
    return punct;
}

/* judge_cjk of a run that loses more characters than it reads back
 * (shown_lost of them shown in the line, `gain` its gain so far): the
 * losses tell, whatever the few characters left score (a line of
 * ideographic spaces read as Shift_JIS is common kanji); not in a line
 * where U+FFFD is all that looks wrong: any decoder writes it, and so does
 * a repair of this line (`��抽象画��`, clean text around two lost
 * characters, read as Shift_JIS is `���ۉ��`), so the repair must read back
 * more than it loses.  *fffd_only as judge_cjk's. */
static int losses_gain(const mj_tables *t, const mj_text *cur, int x, int gain, size_t shown_lost,
                       int *fffd_only)
{
    if (*fffd_only < 0) *fffd_only = fffd_alone(t, cur, x);
    if (*fffd_only) return 0;
    int shown = 2 * (int)shown_lost;
    return gain > shown ? gain : shown;
}

/* Judges a run decoded toward a double-byte truth or from a double-byte
 * reading: the plausibility it gains, or 0 when it is not clearly better.
 * *fffd_only: whether U+FFFD are the line's only rare characters and the
 * rest reads as clean text; -1 when not known yet (found on first need). */
static int judge_cjk(const mj_tables *t, const mj_text *cur, const mj_pair *pr, const mj_run *r,
                     const uint32_t *dec, bool line_rare, int *fffd_only, bool *weak)
{
    *weak = false;
    size_t nd = r->d1 - r->d0, fffd = 0, wide = 0;
    int after = score_sum(t, dec + r->d0, nd, pr->truth);
    int before = score_sum(t, cur->cp + r->i0, r->i1 - r->i0, MJ_UTF8);
    for (size_t i = r->d0; i < r->d1; i++) {
        if (dec[i] == 0xFFFD) fffd++;
        else if (dec[i] >= 0x80) wide++;
    }
    int gain = after - before;
    /* the original shows the damage itself: the wrong decoder's U+FFFD
     * (or U+001A), which the characters lost stand for, neither better
     * nor worse */
    bool lossy = fffd && pr->truth == MJ_UTF8 && pr->reading >= MJ_SB_COUNT;
    size_t offfd = lossy ? shown_replacements(cur, r) : 0;
    /* and they are evidence: they sit where the UTF-8 that decodes
     * around them lost its bytes.  Only as many characters lost as the
     * original shows are free: a reading that makes more pays for the
     * rest, so of two readings the one whose losses the line shows wins
     * (Korean read as Shift_JIS reads as EUC-JP too, one U+FFFD more) */
    size_t shown_lost = offfd < fffd ? offfd : fffd;
    if (offfd) gain -= (int)shown_lost * (mj_score(t, 0xFFFD) - 2);
    /* mostly lost: worth writing only when the original shows it, twice
     * when nothing is left to judge */
    if (fffd >= wide && (offfd == 0 || (wide < 2 && offfd < 2))) return 0;
    if (pr->reading >= MJ_SB_COUNT &&
        (!line_rare || !reads_badly(cur, pr->reading, r, before, offfd)))
        return 0;
    if (fffd > wide) return losses_gain(t, cur, pr->reading, gain, shown_lost, fffd_only);
    int punct_score;
    size_t punct = cjk_punct(t, dec + r->d0, r->d1 - r->d0, pr->truth, &punct_score);
    if (punct == wide && gain >= 0 && pr->reading < MJ_SB_COUNT) {
        /* CJK punctuation and symbols between repaired runs ("¡Ú" is ★) */
        *weak = true;
        return gain > 0 ? gain : 1;
    }
    int mean_x10 = (after + 3 * (int)fffd) * 10 / (int)wide;
    /* legacy bytes read as latin-1: the characters, not the punctuation
     * around them (ideographic spaces, 【】), tell text from noise */
    if (pr->reading < MJ_SB_COUNT && wide > punct)
        mean_x10 = (after - punct_score + 3 * (int)fffd) * 10 / (int)(wide - punct);
    bool dbcs = pr->reading < MJ_SB_COUNT || pr->truth != MJ_UTF8;
    if (gain < 1) return 0;
    if (punct == wide) return gain; /* CJK punctuation between repaired runs */
    /* one character alone (a list of rare characters) is no evidence */
    if (pr->reading >= MJ_SB_COUNT && r->i1 - r->i0 < 2) return 0;
    if (mean_x10 < (pr->reading < MJ_SB_COUNT ? 25 : dbcs ? 20 : 10)) {
        /* a short run (a word and punctuation) may still follow the
         * line's decision, see follow_runs */
        *weak = mean_x10 >= 15;
        return *weak ? gain : 0;
    }
    if (!dbcs && wide < 2) {
        bool small = true; /* one Latin, Greek or Cyrillic letter */
        for (size_t i = r->d0; i < r->d1; i++) small &= dec[i] < 0x800;
        if (small) return 0;
    }
    return gain;
}

/* ---- one pair -------------------------------------------------------------- */

typedef struct {
    mj_run *runs;
    size_t n, cap;
    size_t ndec;
    int gain;
    int lost;
    bool decisive; /* so clearly right that no other pair need be tried */
    bool chinese;  /* the repaired runs read as Chinese words: no layer left */
} mj_plan;

static int push_decoded(mj_work *w, size_t *nd, const mj_step *st, size_t s, size_t e)
{
    size_t need = *nd + st->k;
    if (scrub__grow((void **)&w->dec, &w->capdec, need, sizeof *w->dec) != SCRUB_OK ||
        scrub__grow((void **)&w->dec_s, &w->capdec_s, need, sizeof *w->dec_s) != SCRUB_OK ||
        scrub__grow((void **)&w->dec_e, &w->capdec_e, need, sizeof *w->dec_e) != SCRUB_OK)
        return SCRUB_E_NOMEM;
    for (size_t i = 0; i < st->k; i++) {
        w->dec[*nd] = st->cp[i];
        w->dec_s[*nd] = s;
        w->dec_e[*nd] = e;
        (*nd)++;
    }
    return SCRUB_OK;
}

/* Pairs of adjacent Han characters in cp[0..n) (*npairs) and how many of
 * them were seen in text (*seen, scrub__mj_bigram). */
static void han_pairs(const uint32_t *cp, size_t n, size_t *npairs, size_t *seen)
{
    *npairs = *seen = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        uint32_t a = cp[i], b = cp[i + 1];
        if (a < 0x4E00 || a > 0x9FFF || b < 0x4E00 || b > 0x9FFF) continue;
        (*npairs)++;
        *seen += scrub__mj_bigram(a, b) > 0;
    }
}

/* Whether a run decodes from characters that never stand next to each
 * other (at most 10% of their adjacent Han pairs seen) into Chinese words
 * (at least 4 pairs, 40% seen): evidence for a repair that the character
 * scores miss, e.g. GBK read as Big5, where both sides are Han. */
static bool words_appear(const mj_text *cur, const mj_run *r, const uint32_t *dec)
{
    size_t np, ns, op, os;
    han_pairs(dec + r->d0, r->d1 - r->d0, &np, &ns);
    if (np < 3 || ns < 2 || ns * 10 < np * 3) return false;
    han_pairs(cur->cp + r->i0, r->i1 - r->i0, &op, &os);
    return op >= 3 && os * 10 <= op;
}

/* Whether a long run decodes into common characters only, from ones that
 * read badly, and into more seen words: GBK read as Big5 gives Big5
 * characters that are each in use (none rare), so only the whole tells;
 * six characters of mean score 3.5 and up do not come out of clean text
 * by chance. */
static bool common_appear(const mj_tables *t, const mj_text *cur, const mj_pair *pr,
                          const mj_run *r, const uint32_t *dec)
{
    size_t nd = r->d1 - r->d0, no = r->i1 - r->i0;
    if (nd < 6) return false;
    int after = score_sum(t, dec + r->d0, nd, pr->truth);
    int before = score_sum(t, cur->cp + r->i0, no, MJ_UTF8);
    if (after * 10 < 35 * (int)nd || before * 10 >= 20 * (int)no) return false;
    size_t np, ns, op, os;
    han_pairs(dec + r->d0, nd, &np, &ns);
    han_pairs(cur->cp + r->i0, no, &op, &os);
    return ns > os && (ns >= 2 || os == 0);
}

/* How much better a run of Han characters reads as Chinese words after
 * decoding than before: 2 when of at least two adjacent Han pairs more are
 * seen in text, and at least 40% of them; 1 when only more are seen; 0
 * when no more.  Between two double-byte code pages both readings are Han
 * and both may score well (祛斑 reads as 溢闯 through Big5 and GBK,
 * 桎梏 as 谚绽), so for a run that is all Han the character scores are no
 * evidence of damage: without 2 a run may only follow damage next to it
 * (see chain_runs), as short words and names in a damaged line must.  A
 * run holding kana, box drawing or other symbols shows its damage
 * itself (2). */
static int words_gained(const mj_text *cur, const mj_run *r, const uint32_t *dec)
{
    bool all_han = true;
    for (size_t i = r->i0; all_han && i < r->i1; i++) {
        uint32_t c = cur->cp[i];
        all_han = (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
    }
    if (!all_han) return 2;
    size_t np, ns, op, os;
    han_pairs(dec + r->d0, r->d1 - r->d0, &np, &ns);
    han_pairs(cur->cp + r->i0, r->i1 - r->i0, &op, &os);
    if (ns <= os) return 0;
    return np >= 2 && ns * 10 >= np * 4 ? 2 : 1;
}

/* Whether the accepted runs of a plan read as Chinese words: at least 6
 * pairs of adjacent Han characters, 40% of them seen in text
 * (scrub__mj_bigram).  Real Chinese scores 55-66% on the seed pages;
 * Korean or Japanese bytes decoded as GBK, 0-10%. */
static inline bool han_pair(const uint32_t *d)
{
    return d[0] >= 0x4E00 && d[0] <= 0x9FFF && d[1] >= 0x4E00 && d[1] <= 0x9FFF;
}

static bool reads_as_chinese(const mj_plan *plan, const uint32_t *dec)
{
    /* the pairs are counted first, so that the lookups stop as soon as
     * the answer is known */
    size_t npairs = 0, seen = 0;
    for (size_t k = 0; k < plan->n; k++)
        if (plan->runs[k].ok)
            for (size_t d = plan->runs[k].d0; d + 1 < plan->runs[k].d1; d++) npairs += han_pair(dec + d);
    if (npairs < 6) return false;
    size_t need = (npairs * 4 + 9) / 10, left = npairs;
    for (size_t k = 0; k < plan->n; k++) {
        const mj_run *r = &plan->runs[k];
        if (!r->ok) continue;
        for (size_t d = r->d0; d + 1 < r->d1; d++) {
            if (!han_pair(dec + d)) continue;
            seen += scrub__mj_bigram(dec[d], dec[d + 1]) > 0;
            left--;
            if (seen >= need) return true;
            if (seen + left < need) return false;
        }
    }
    return false;
}

/* Whether a Western reading's accepted runs look like Latin text with
 * accents between its letters rather than CJK text read as latin-1: there
 * are at least 3, the line has at least as many ASCII letters as they
 * decode characters, none of their pairs of adjacent Han characters is in
 * the bigram table, and they make 2 such pairs or two thirds of them touch
 * an ASCII letter (a date `2024年3月5日` touches digits).  Indonesian
 * leetspeak `MÄ£ÄM ÌÑÌ ... GÄLÄW` read as Big5 is `M耀鵡 ... G鶉嚷`, as
 * EUC-JP `M庁ÄM 妄Ì`; CJK text gives runs of characters that real text
 * uses together. */
static bool latin_like(const mj_text *cur, const mj_plan *plan, const uint32_t *dec, size_t letters)
{
    size_t runs = 0, decoded = 0, npairs = 0, seen = 0, glued = 0;
    for (size_t k = 0; k < plan->n; k++) {
        const mj_run *r = &plan->runs[k];
        if (!r->ok) continue;
        decoded += r->d1 - r->d0;
        glued += (r->i0 > 0 && is_ascii_letter(cur->cp[r->i0 - 1])) ||
                 (r->i1 < cur->n && is_ascii_letter(cur->cp[r->i1]));
        runs++;
    }
    if (runs < 3 || letters < decoded) return false;
    /* the pairs last: the bigram lookups are the costly part */
    for (size_t k = 0; k < plan->n && seen == 0; k++) {
        const mj_run *r = &plan->runs[k];
        if (!r->ok) continue;
        size_t np, ns;
        han_pairs(dec + r->d0, r->d1 - r->d0, &np, &ns);
        npairs += np;
        seen += ns;
    }
    if (seen > 0) return false;
    return npairs >= 2 || glued * 3 >= runs * 2;
}

/* Whether a run that loses bytes holds the decoder's replacement
 * character where it loses them: damage the line shows by itself. */
static bool shows_loss(const mj_text *cur, const mj_run *r)
{
    for (size_t i = r->i0; r->lost && i < r->i1; i++)
        if (cur->cp[i] == 0xFFFD || cur->cp[i] == 0x1A) return true;
    return false;
}

/* Whether a run the judge left out may follow its line's repair: nothing
 * lost but what the line shows, no private-use character, and no less
 * plausible than before. */
static bool follows_line(const mj_tables *t, const mj_text *cur, const mj_pair *pr, const mj_run *r,
                         const uint32_t *dec)
{
    bool shown = shows_loss(cur, r);
    if (r->lost && !shown) return false;
    bool lossy = pr->truth == MJ_UTF8 && pr->reading >= MJ_SB_COUNT;
    size_t wide = 0;
    bool punct = true; /* "JTF求519" is "JTF―519": a dash scores less */
    for (size_t d = r->d0; d < r->d1; d++) {
        if (dec[d] == 0xFFFD && shown) continue;
        if (dec[d] == 0xFFFD || (dec[d] >= 0xE000 && dec[d] <= 0xF8FF)) return false;
        /* (an ASCII letter may be the trail byte of the character before
         * it: `E窶瀕ail` is `E―mail`) */
        if (dec[d] >= 0x80 || !lossy) punct &= is_cjk_punct(dec[d]);
        wide += dec[d] >= 0x80;
    }
    if (punct && wide) return true;
    int after = score_sum(t, dec + r->d0, r->d1 - r->d0, pr->truth);
    int before = score_sum(t, cur->cp + r->i0, r->i1 - r->i0, MJ_UTF8);
    if (shown) {
        /* what was lost says nothing either way; what is left may read
         * as text in the reading too (Chinese read as Shift_JIS is kanji),
         * so characters in use are enough */
        bool known = true;
        for (size_t d = r->d0; d < r->d1; d++) {
            after -= dec[d] == 0xFFFD ? mj_score(t, 0xFFFD) : 0;
            known &= dec[d] == 0xFFFD || dec[d] < 0x80 || mj_score(t, dec[d]) > 0 || is_cjk_punct(dec[d]);
        }
        if (known) return true;
        for (size_t i = r->i0; i < r->i1; i++)
            before -= cur->cp[i] == 0xFFFD || cur->cp[i] == 0x1A ? mj_score(t, cur->cp[i]) : 0;
    }
    /* UTF-8 read with a double-byte code page has half as many characters
     * again as it decodes into (`蟆肴婿` is `對方`): compare the means of
     * the characters, without the ASCII that trail bytes were (`蜿救` is
     * `友~`) */
    if (!lossy) return after >= before;
    size_t owide = 0;
    for (size_t i = r->i0; i < r->i1; i++) owide += cur->cp[i] >= 0x80;
    if (wide && after * (int)owide >= before * (int)wide) return true;
    /* or it makes a word the reading did not have (`蝠丞差` is 問卷) */
    size_t np, ns, op, os;
    han_pairs(dec + r->d0, r->d1 - r->d0, &np, &ns);
    han_pairs(cur->cp + r->i0, r->i1 - r->i0, &op, &os);
    return ns > os;
}

/* Runs closer than this (characters between them) are one stretch of
 * damage. */
#define CHAIN_GAP 32

/* Accepts the weak runs (or, with `follows`, the following ones) that
 * touch an accepted run, through chains of such runs: damage is evidence
 * only for what stands next to it.  Clean text between two runs is itself
 * a rejected run and breaks the chain, so a long line full of rare words
 * is judged word by word, in two linear sweeps. */
static void chain_runs(mj_plan *plan, bool follows)
{
    for (int dir = 0; dir < 2; dir++)
        for (size_t j = 0; j < plan->n; j++) {
            size_t k = dir ? plan->n - 1 - j : j;
            mj_run *r = &plan->runs[k];
            bool cand = follows ? r->follows : r->gain > 0 && r->weak;
            if (r->ok || !cand) continue;
            const mj_run *nb = dir ? (k + 1 < plan->n ? r + 1 : NULL) : (k ? r - 1 : NULL);
            if (!nb || !nb->ok) continue;
            size_t gap = dir ? nb->i0 - r->i1 : r->i0 - nb->i1;
            if (gap <= CHAIN_GAP) r->ok = true;
        }
}

/* Whether the C1 control decoded by st is the last byte of a UTF-8
 * sequence that the characters decoded before it in the run begin, each
 * read as its windows-1252 (or latin-1) byte: one more layer of mojibake
 * (`Ã¢â‚¬Â` + U+009D is `â€` + U+009D, the bytes E2 80 9D of ”).  Such a
 * control is the next layer's byte, not text; alone it stays forbidden. */
static bool completes_utf8(const mj_tables *t, const uint32_t *dec, size_t n, const mj_step *st)
{
    if (st->k != 1 || st->lost || st->cp[0] < 0x80 || st->cp[0] > 0x9F) return false;
    for (size_t back = 1; back <= 3 && back <= n; back++) {
        uint32_t c = dec[n - back];
        unsigned b = c < 0x10000 ? t->sb_enc[MJ_CP1252][c] : 0;
        if (!b) return false;
        if (is_cont(b)) continue;
        size_t len = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
        return len == back + 1;
    }
    return false;
}

/* How many UTF-8 sequences of two or more bytes the characters dec[0..n)
 * spell when each is read as its windows-1252 (or latin-1) byte: a layer
 * whose output is itself UTF-8 read as windows-1252 (`Г‚ВЈ` read as
 * windows-1251 gives `Â£`, which is £) is one of several, and two valid
 * layers in a row do not happen by chance. */
static int nested_utf8(const mj_tables *t, const uint32_t *dec, size_t n)
{
    int found = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned b = dec[i] < 0x10000 ? t->sb_enc[MJ_CP1252][dec[i]] : 0;
        size_t len = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
        if (!len || i + len > n) continue;
        size_t k = 1;
        while (k < len && dec[i + k] < 0x10000 && is_cont(t->sb_enc[MJ_CP1252][dec[i + k]])) k++;
        if (k == len) {
            found++;
            i += len - 1;
        }
    }
    return found;
}

/* The line's characters above ASCII that a pair's reading can have made:
 * from U+00A0 (wide) and the C1 controls. */
typedef struct {
    size_t wide_total, c1_total;
    bool barrier; /* a character this reading cannot have made */
} mj_cover;

static void count_cover(const mj_work *w, mj_cover *cv)
{
    const mj_text *cur = &w->cur;
    const uint16_t *B = w->bytes;
    size_t wide = 0, c1 = 0;
    bool barrier = false;
    for (size_t k = 0; k < cur->n; k++) {
        if (cur->cp[k] < 0x80) continue;
        if (cur->cp[k] < 0xA0) c1++;
        else if (B[w->first[k]] != B_BARRIER) wide++;
        else barrier = true;
    }
    *cv = (mj_cover){.wide_total = wide, .c1_total = c1, .barrier = barrier};
}

/* Decodes w->bytes from character i's first byte on as pair pr's truth,
 * into w->dec from nd, as far as the bytes decode.  The run is what ends
 * on a character boundary of the line: r gets characters [i, r->i1)
 * (r->i1 == i when none), decoded [nd, r->d1), its evidence and losses. */
static ALWAYS_INLINE int decode_run(const mj_tables *t, mj_work *w, const mj_pair *pr, size_t i,
                                     size_t nd, mj_run *r)
{
    bool to_utf8 = pr->truth == MJ_UTF8;
    bool western = to_utf8 && pr->reading < MJ_SB_COUNT;
    bool latin = western && nbsp_reading(pr->reading);
    const mj_text *cur = &w->cur;
    const uint16_t *B = w->bytes;
    size_t m = w->nbytes, q = w->first[i], run_nd = nd, end_char = i, end_nd = nd;
    int ev = 0, end_ev = 0, lost = 0, end_lost = 0;
    int rc = SCRUB_OK;
    while (q < m) {
        mj_step st;
        size_t used = to_utf8 ? decode_utf8(B, q, m, western, latin, &st)
                              : decode_db(t, pr->truth - MJ_SB_COUNT, B, q, m, &st);
        if (used == 0) break;
        /* ASCII ends the run, unless it is the trail byte of a character
         * read in the middle of it (UTF-8 read as GBK: `秄` is the last
         * byte of 件 and the letter f) */
        if (used == 1 && st.k == 1 && st.cp[0] < 0x80 && B[q] < 0x100 && w->first[w->owner[q]] == q)
            break;
        if (used == 1 && st.k == 1 && (B[q] == B_LOST || B[q] == B_QMARK)) break;
        size_t c0 = w->owner[q], c1 = w->owner[q + used - 1];
        if (western) {
            int e = western_evidence(t, cur, pr->reading, c0, c1, &st);
            if (e < 0 && completes_utf8(t, w->dec + run_nd, nd - run_nd, &st)) e = 0;
            if (e < 0) break;
            ev += e;
        }
        lost += st.lost;
        rc = push_decoded(w, &nd, &st, cur->s[c0], cur->e[c1]);
        if (rc != SCRUB_OK) break;
        q += used;
        size_t next_char = q < m ? w->owner[q] : cur->n;
        if (q == m || w->first[next_char] == q) {
            end_char = next_char;
            end_nd = nd;
            end_ev = ev;
            end_lost = lost;
        }
    }
    *r = (mj_run){i, end_char, run_nd, end_nd, 0, end_ev, end_lost, false, false, false};
    return rc;
}

/* Whether run r decodes into the very characters it was read from. */
static bool decodes_same(const mj_text *cur, const uint32_t *dec, const mj_run *r)
{
    bool same = r->d1 - r->d0 == r->i1 - r->i0;
    for (size_t k = 0; same && k < r->d1 - r->d0; k++) same = dec[r->d0 + k] == cur->cp[r->i0 + k];
    return same;
}

static int add_run(mj_plan *plan, const mj_run *r)
{
    if (scrub__grow((void **)&plan->runs, &plan->cap, plan->n + 1, sizeof *plan->runs) != SCRUB_OK)
        return SCRUB_E_NOMEM;
    plan->runs[plan->n++] = *r;
    return SCRUB_OK;
}

/* Records in the plan the runs of w->cur that pair pr decodes into other
 * characters. */
static int find_runs(const mj_tables *t, mj_work *w, const mj_pair *pr, mj_plan *plan)
{
    bool western = pr->truth == MJ_UTF8 && pr->reading < MJ_SB_COUNT;
    const mj_text *cur = &w->cur;
    const uint16_t *B = w->bytes;
    size_t i = 0, nd = 0;
    while (i < cur->n) {
        /* (U+001A is a lost byte after Shift_JIS and EUC-KR) */
        if ((cur->cp[i] < 0x80 && !is_db_marker(B[w->first[i]])) || B[w->first[i]] == B_BARRIER) {
            i++;
            continue;
        }
        mj_run r;
        int rc = decode_run(t, w, pr, i, nd, &r);
        if (rc != SCRUB_OK) return rc;
        if (r.i1 == i) {
            i++;
            continue;
        }
        if (western) r.evidence += 2 * nested_utf8(t, w->dec + r.d0, r.d1 - r.d0);
        if (!decodes_same(cur, w->dec, &r)) {
            rc = add_run(plan, &r);
            if (rc != SCRUB_OK) return rc;
            nd = r.d1;
        }
        i = r.i1;
    }
    plan->ndec = nd;
    return SCRUB_OK;
}

/* Judges the runs of UTF-8 read as a Western code page by their
 * evidence. */
static void judge_western_plan(const mj_text *cur, mj_plan *plan, const mj_cover *cv)
{
    int total = 0, strongest = 0;
    for (size_t k = 0; k < plan->n; k++) {
        total += plan->runs[k].evidence;
        if (plan->runs[k].evidence > strongest) strongest = plan->runs[k].evidence;
    }
    /* a pair or two of weak sequences (two letters: "HÅØYA") is not enough */
    if (strongest < 2 && plan->n < 3) total = 0;
    if (total < 2) return; /* too little whatever the line */
    size_t wide_covered = 0, c1_covered = 0;
    for (size_t k = 0; k < plan->n; k++)
        for (size_t i = plan->runs[k].i0; i < plan->runs[k].i1; i++) {
            wide_covered += cur->cp[i] >= 0xA0;
            c1_covered += cur->cp[i] >= 0x80 && cur->cp[i] < 0xA0;
        }
    /* C1 controls left out may be windows-1252 read as latin-1 in a
     * UTF-8 line, but not most of the line (Shift_JIS lead bytes) */
    bool consistent = wide_covered == cv->wide_total && !cv->barrier &&
                      cv->c1_total - c1_covered <= wide_covered + c1_covered;
    int need_total = consistent ? 2 : 4, need_run = consistent ? 1 : 2;
    if (total < need_total) return;
    for (size_t k = 0; k < plan->n; k++) {
        mj_run *r = &plan->runs[k];
        r->ok = r->evidence >= need_run;
        if (r->ok) {
            /* a line that is UTF-8 through and through beats any
             * double-byte reading */
            r->gain = 3 * r->evidence;
            plan->decisive |= consistent;
            plan->gain += r->gain;
            plan->lost += r->lost;
        }
    }
}

/* Whether the line holds characters that mojibake through a double-byte
 * code page always leaves: rare ones (or U+FFFD, private-use ones).
 * *fffd_only becomes -1 (found on first need, see judge_cjk) where a
 * U+FFFD is the first. */
static bool line_rare_for(const mj_tables *t, const mj_text *cur, const mj_pair *pr, int *fffd_only)
{
    bool line_rare = false;
    for (size_t k = 0; k < cur->n && !line_rare; k++) {
        uint32_t c = cur->cp[k];
        /* (U+FFFD only where the reading's decoder writes it for the
         * truth's bytes: GBK maps every pair of Big5 bytes; where it is
         * the first, whether it is weak evidence is found on need) */
        if (c == 0xFFFD) {
            line_rare = pr->truth == MJ_UTF8 || pr->reading != MJ_GBK;
            *fffd_only = -1;
        } else
            line_rare = rare_in(t, pr->reading, c);
    }
    return line_rare;
}

/* Sets run r's gain and whether it is weak, toward a double-byte truth or
 * from a double-byte reading: judge_cjk, then the evidence of the line's
 * structure and of the words it makes. */
static void judge_cjk_run(const mj_tables *t, const mj_text *cur, const mj_pair *pr, mj_run *r,
                          const uint32_t *dec, bool line_rare, int *fffd_only, bool sub_line)
{
    /* a double-byte reading (Big5 read as GBK: Han on both sides, which
     * only the pairs of characters tell apart); the Western readings are
     * judged well by the character scores and are the costly ones to try */
    bool both_han = pr->reading >= MJ_SB_COUNT;
    bool weak;
    r->gain = judge_cjk(t, cur, pr, r, dec, line_rare, fffd_only, &weak);
    if (sub_line && r->gain > 0 && next_to_sub(cur, r)) r->gain = 0, weak = false;
    /* (it can only raise a gain below 2 a character) */
    if (weak || r->gain < 2 * (int)(r->d1 - r->d0)) {
        int g = lossy_structure(t, cur, pr, r, dec, line_rare);
        if (g > r->gain) r->gain = g;
        weak &= g == 0;
    }
    if ((r->gain <= 0 || weak) && both_han &&
        (words_appear(cur, r, dec) || common_appear(t, cur, pr, r, dec))) {
        r->gain = 2 * (int)(r->d1 - r->d0);
        weak = false;
    } else if (both_han && pr->truth != MJ_UTF8 && r->gain > 0) {
        weak |= words_gained(cur, r, dec) < 2;
    }
    r->weak = weak;
}

/* Whether the runs a Western reading of legacy bytes gains by are drowned
 * in the line's ASCII letters: latin text is not Chinese read as latin-1,
 * so the repaired characters must not be. */
static bool drowned_in_letters(const mj_plan *plan, const uint32_t *dec, size_t letters)
{
    size_t decoded = 0, np = 0, ns = 0;
    for (size_t k = 0; k < plan->n; k++)
        if (plan->runs[k].gain > 0) decoded += plan->runs[k].d1 - plan->runs[k].d0;
    for (size_t k = 0; k < plan->n && decoded * 2 < letters; k++) {
        const mj_run *r = &plan->runs[k];
        if (r->gain <= 0) continue;
        size_t a, b;
        han_pairs(dec + r->d0, r->d1 - r->d0, &a, &b);
        np += a, ns += b;
    }
    /* unless they make Chinese words: accented letters of Latin text
     * decode into single characters, hardly ever into seen pairs
     * (a C comment "迷宫的长度" in code, "来自 IBM") */
    bool words_seen = ns >= 1 && ns * 10 >= np * 4 && decoded * 4 >= letters;
    return decoded * 2 < letters && !words_seen;
}

/* Marks the runs left out that follow the accepted ones and accepts those
 * next to them (chain_runs); whether all of the line's runs may follow
 * (see below). */
static bool follow_runs(const mj_tables *t, const mj_text *cur, const mj_pair *pr, mj_plan *plan,
                        const uint32_t *dec, bool words, bool sub_line)
{
    bool to_utf8 = pr->truth == MJ_UTF8, both_han = pr->reading >= MJ_SB_COUNT;
    /* (between two double-byte code pages the accepted runs read as
     * words already, see words_gained); so does a line with accepted
     * damage and the replacement characters of a double-byte decoder
     * where its model puts them: the lost bytes and the runs between
     * them are the same damage */
    bool all = words || (both_han && pr->truth != MJ_UTF8);
    for (size_t k = 0; k < plan->n && !all && to_utf8 && both_han; k++)
        all = shows_loss(cur, &plan->runs[k]);
    for (size_t k = 0; k < plan->n; k++) {
        mj_run *r = &plan->runs[k];
        r->follows = !r->ok && (all || (to_utf8 && shows_loss(cur, r))) &&
                     !(sub_line && next_to_sub(cur, r)) && follows_line(t, cur, pr, r, dec);
    }
    chain_runs(plan, true);
    return all;
}

/* Adds up the accepted runs of a double-byte plan: its gain and losses,
 * and whether it is decisive or reads as Chinese. */
static void settle_cjk_plan(const mj_tables *t, const mj_text *cur, const mj_pair *pr,
                            mj_plan *plan, const uint32_t *dec, bool all, bool words,
                            size_t wide_total)
{
    size_t decoded_all = 0, covered = 0;
    int decoded_score = 0;
    for (size_t k = 0; k < plan->n; k++) {
        mj_run *r = &plan->runs[k];
        if (!r->ok) continue;
        /* a run that reads the decoder's replacement characters explains
         * the garbage it consumes (C1 controls after ICU's EUC-KR) */
        plan->gain += !r->follows ? r->gain : all && r->lost ? (int)(r->i1 - r->i0) : 1;
        plan->lost += r->lost;
        for (size_t c = r->i0; c < r->i1; c++) covered += cur->cp[c] >= 0x80;
        if (r->follows) continue;
        for (size_t d = r->d0; d < r->d1; d++) {
            if (dec[d] == 0xFFFD) continue; /* lost: says nothing */
            decoded_all++;
            decoded_score += score_sum(t, dec + d, 1, pr->truth);
        }
    }
    /* legacy bytes read as latin-1 that decode into common text from end to
     * end need no second opinion */
    bool to_text = pr->reading < MJ_SB_COUNT || pr->truth == MJ_UTF8;
    bool common = decoded_all >= 10 && decoded_score * 10 >= 37 * (int)decoded_all;
    plan->chinese = covered * 10 >= wide_total * 9 && words;
    plan->decisive = to_text && covered * 10 >= wide_total * 9 && (common || plan->chinese);
}

/* The line decides: the runs of a double-byte repair are accepted
 * together when they gain enough in all (a single run may be one
 * word between spaces or digits). */
static void judge_cjk_plan(const mj_tables *t, const mj_work *w, const mj_pair *pr, mj_plan *plan,
                           size_t wide_total)
{
    const mj_text *cur = &w->cur;
    int fffd_only = 0;
    bool line_rare = line_rare_for(t, cur, pr, &fffd_only);
    bool sub_line = w->subs && pr->reading < MJ_SB_COUNT; /* see next_to_sub */
    int total = 0;
    for (size_t k = 0; k < plan->n; k++) {
        mj_run *r = &plan->runs[k];
        judge_cjk_run(t, cur, pr, r, w->dec, line_rare, &fffd_only, sub_line);
        if (!r->weak) total += r->gain;
    }
    int need = pr->reading < MJ_SB_COUNT || pr->truth != MJ_UTF8 ? 6 : 4;
    if (total < need) return;
    if (pr->reading < MJ_SB_COUNT && drowned_in_letters(plan, w->dec, w->letters)) return;
    for (size_t k = 0; k < plan->n; k++) plan->runs[k].ok = plan->runs[k].gain > 0 && !plan->runs[k].weak;
    chain_runs(plan, false);
    if (pr->reading < MJ_SB_COUNT && latin_like(cur, plan, w->dec, w->letters)) return;
    /* once the line reads as Chinese words, its short runs next to the
     * repair follow (`﹛﹛燠:` before a repaired sentence is `　　李:`) when
     * they lose nothing and get no less plausible */
    bool words = reads_as_chinese(plan, w->dec);
    bool all = follow_runs(t, cur, pr, plan, w->dec, words, sub_line);
    settle_cjk_plan(t, cur, pr, plan, w->dec, all, words, wide_total);
}

/* Finds the runs of w->cur that pair pr decodes, and judges them. */
static int plan_pair(const mj_tables *t, mj_work *w, const mj_pair *pr, mj_plan *plan)
{
    int rc = encode_line(t, w, pr->reading, pr->truth == MJ_UTF8);
    if (rc != SCRUB_OK) return rc;
    plan->n = 0;
    plan->gain = 0;
    plan->lost = 0;
    plan->decisive = false;
    plan->chinese = false;
    mj_cover cv;
    count_cover(w, &cv);
    rc = find_runs(t, w, pr, plan);
    if (rc != SCRUB_OK) return rc;
    if (pr->truth == MJ_UTF8 && pr->reading < MJ_SB_COUNT) judge_western_plan(&w->cur, plan, &cv);
    else judge_cjk_plan(t, w, pr, plan, cv.wide_total);
    return SCRUB_OK;
}

int scrub__mj_add_repair(mj_repair **rep, size_t *nrep, size_t *caprep, size_t s, size_t e,
                      const char *name)
{
    if (scrub__grow((void **)rep, caprep, *nrep + 1, sizeof **rep) != SCRUB_OK)
        return SCRUB_E_NOMEM;
    (*rep)[*nrep].start = s;
    (*rep)[*nrep].end = e;
    (*rep)[*nrep].transform = name;
    (*nrep)++;
    return SCRUB_OK;
}

/* Applies the accepted runs of the best plan: w->cur becomes the repaired
 * line.  The decoded characters are taken again by re-planning the pair. */
static int apply_plan(mj_work *w, const mj_plan *plan, const mj_pair *pr, mj_repair **rep,
                      size_t *nrep, size_t *caprep)
{
    mj_text *cur = &w->cur, *nxt = &w->nxt;
    nxt->n = 0;
    if (scrub__mj_text_reserve(nxt, cur->n + plan->ndec) != SCRUB_OK) return SCRUB_E_NOMEM;
    size_t i = 0;
    for (size_t k = 0; k < plan->n; k++) {
        const mj_run *r = &plan->runs[k];
        if (!r->ok) continue;
        for (; i < r->i0; i++) scrub__mj_text_push(nxt, cur->cp[i], cur->s[i], cur->e[i]);
        for (size_t d = r->d0; d < r->d1; d++)
            scrub__mj_text_push(nxt, w->dec[d], w->dec_s[d], w->dec_e[d]);
        int rc = scrub__mj_add_repair(rep, nrep, caprep, cur->s[r->i0], cur->e[r->i1 - 1], pr->name);
        if (rc != SCRUB_OK) return rc;
        i = r->i1;
    }
    for (; i < cur->n; i++) scrub__mj_text_push(nxt, cur->cp[i], cur->s[i], cur->e[i]);
    mj_text tmp = *cur;
    *cur = *nxt;
    *nxt = tmp;
    return SCRUB_OK;
}

/* C1 controls left in text are windows-1252 characters read as latin-1
 * (the five bytes windows-1252 leaves undefined stay). */
static int fix_c1(const mj_tables *t, mj_text *cur, mj_repair **rep, size_t *nrep, size_t *caprep)
{
    for (size_t i = 0; i < cur->n; i++) {
        uint32_t c = cur->cp[i];
        if (c < 0x80 || c > 0x9F || t->sb_dec[MJ_CP1252][c] == c) continue;
        cur->cp[i] = t->sb_dec[MJ_CP1252][c];
        int rc = scrub__mj_add_repair(rep, nrep, caprep, cur->s[i], cur->e[i], "windows-1252 read as latin-1");
        if (rc != SCRUB_OK) return rc;
    }
    return SCRUB_OK;
}

static bool line_may_need(const mj_tables *t, const mj_text *cur)
{
    for (size_t i = 0; i < cur->n; i++)
        if (mj_suspect(t, cur->cp[i])) return true;
    return false;
}

/* mj_no_words() of cp[0..n): the pairs are counted first, so that the
 * look-ups stop as soon as the line shows words. */
static bool no_words(const uint32_t *cp, size_t n)
{
    size_t np = 0, ns = 0;
    for (size_t i = 0; i + 1 < n; i++) np += mj_is_han(cp[i]) && mj_is_han(cp[i + 1]);
    if (np < 2) return false;
    for (size_t i = 0; i + 1 < n && !mj_words_shown(np, ns); i++)
        if (mj_is_han(cp[i]) && mj_is_han(cp[i + 1])) ns += scrub__mj_bigram(cp[i], cp[i + 1]) > 0;
    return mj_no_words(np, ns);
}

/* What kinds of characters a line holds: a reading is only tried when the
 * line has characters that reading makes out of UTF-8 or legacy bytes. */
typedef struct {
    size_t latin, c1, cyrillic, greek, symbols, rare, letters, subs;
    bool no_words; /* Han characters that never stand next to each other */
} mj_profile;

static void profile_line(const mj_tables *t, const mj_text *cur, mj_profile *pf)
{
    memset(pf, 0, sizeof *pf);
    for (size_t i = 0; i < cur->n; i++) {
        uint32_t c = cur->cp[i];
        if (c < 0x80) {
            pf->letters += is_ascii_letter(c);
            pf->rare += c == 0x1A; /* a byte Shift_JIS or EUC-KR lost */
            pf->subs += c == 0x1A;
            continue;
        }
        if (c < 0xA0) pf->c1++;
        else if (c >= 0xC0 && c < 0x250) pf->latin++;
        else if (c >= 0x400 && c < 0x530) pf->cyrillic++;
        else if (c >= 0x370 && c < 0x400) pf->greek++;
        else if ((c >= 0x2200 && c < 0x2600) || c == 0x192) pf->symbols++;
        /* U+FFFD alone is no sign: a repaired line keeps those it lost */
        if ((mj_score(t, c) <= -2 && c != 0xFFFD) || (c >= 0xFF61 && c <= 0xFF9F)) pf->rare++;
    }
    if (!pf->rare) pf->no_words = no_words(cur->cp, cur->n);
}

static bool pair_relevant(const mj_pair *pr, const mj_profile *pf)
{
    switch (pr->reading) {
    case MJ_CP1251: return pf->cyrillic > 0;
    case MJ_CP1253: return pf->greek > 0;
    case MJ_MACROMAN: return pf->latin + pf->symbols > 0;
    case MJ_CP437: return pf->symbols + pf->greek > 0;
    case MJ_CP1252: case MJ_CP1250: case MJ_CP1254: case MJ_CP1257: case MJ_ISO8859_2:
        return pf->latin + pf->c1 > 0;
    default: return pf->rare > 0 || pf->no_words; /* a double-byte reading */
    }
}

/* Whether the line, read back as windows-1252 bytes, may be UTF-8 through
 * and through, as pair 0 needs to be decisive: no character outside the
 * code page, no byte out of a UTF-8 sequence.  Spaces (a lost no-break
 * space), `?` and U+FFFD (lost bytes) may stand for any byte.  A necessary
 * condition only: its first 64 characters are enough to tell a line of
 * legacy CJK bytes, and then the check costs little next to a plan. */
static bool may_be_utf8(const mj_tables *t, const mj_text *cur)
{
    const uint8_t *enc = t->sb_enc[MJ_CP1252];
    unsigned need = 0;
    bool lost = false; /* continuation bytes may follow lost ones */
    size_t n = cur->n < 64 ? cur->n : 64;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cur->cp[i];
        if (c == ' ' || c == '?' || c == 0xFFFD) {
            if (need) need--;
            lost = c != ' ';
            continue;
        }
        if (c < 0x80) {
            if (need) return false;
            lost = false;
            continue;
        }
        unsigned b = c < 0x10000 ? enc[c] : 0;
        if (!b) return false;
        if (b < 0xC0) {
            if (need) need--;
            else if (!lost) return false;
            continue;
        }
        if (need || b < 0xC2 || b > 0xF4) return false;
        need = b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
        lost = false;
    }
    return need == 0 || n < cur->n;
}

/* ---- the line as a whole ---------------------------------------------------- */

/* Adjacent characters of x that windows-1252 writes as a UTF-8 lead byte
 * and a continuation byte: what UTF-8 read as windows-1252 leaves. */
static size_t utf8_signatures(const mj_tables *t, const mj_text *x)
{
    const uint8_t *enc = t->sb_enc[MJ_CP1252];
    size_t n = 0;
    for (size_t i = 0; i + 1 < x->n; i++) {
        uint32_t a = x->cp[i], b = x->cp[i + 1];
        if (a < 0xC2 || a >= 0x10000 || b < 0x80 || b >= 0x10000) continue;
        unsigned ba = enc[a], bb = enc[b];
        n += ba >= 0xC2 && ba <= 0xF4 && is_cont(bb);
    }
    return n;
}

/* Characters text hardly uses: Kanbun marks, CJK Extension A, halfwidth
 * katakana, and the rare scripts of implausible(). */
static bool rare_block(uint32_t c)
{
    return (c >= 0x3190 && c <= 0x319F) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xFF61 && c <= 0xFF9F) || implausible(c);
}

/* How many rare_block() characters of `now` the repairs wrote: those
 * not in `was` with the same input span. */
static size_t rare_written(const mj_text *was, const mj_text *now)
{
    size_t rare = 0, j = 0;
    for (size_t i = 0; i < now->n; i++) {
        if (!rare_block(now->cp[i])) continue;
        while (j < was->n && was->s[j] < now->s[i]) j++;
        rare += j == was->n || was->s[j] != now->s[i] || was->e[j] != now->e[i] ||
                was->cp[j] != now->cp[i];
    }
    return rare;
}

/* Whether the repairs of a line (`was` -> `now`) left it no better: they
 * wrote at least two characters that text hardly uses, and the line is
 * still garbage: it holds two or more pairs that read as UTF-8 in
 * windows-1252, or its Han characters stand in pairs never seen in text
 * (at least 4 pairs, none seen).  A right repair leaves neither.  Mojibake
 * that was changed after the damage (lower-cased: `ã` is E3, not the C3 of
 * `Ã`) decodes into Kanbun, Extension A and katakana out of byte patterns
 * that are no longer UTF-8, and leaves the rest garbled. */
static bool still_garbled(const mj_tables *t, const mj_text *was, const mj_text *now)
{
    if (rare_written(was, now) < 2) return false;
    if (utf8_signatures(t, now) >= 2) return true;
    size_t np, ns;
    han_pairs(now->cp, now->n, &np, &ns);
    return np >= 4 && ns == 0;
}

static int copy_text(mj_text *dst, const mj_text *src)
{
    if (scrub__mj_text_reserve(dst, src->n) != SCRUB_OK) return SCRUB_E_NOMEM;
    memcpy(dst->cp, src->cp, src->n * sizeof *src->cp);
    memcpy(dst->s, src->s, src->n * sizeof *src->s);
    memcpy(dst->e, src->e, src->n * sizeof *src->e);
    dst->n = src->n;
    return SCRUB_OK;
}

int scrub__mj_repair_line(const mj_tables *t, mj_work *w, mj_repair **rep, size_t *nrep,
                          size_t *caprep, size_t *lost)
{
    mj_plan plan = {0};
    int rc = SCRUB_OK;
    size_t nrep0 = *nrep, lost0 = *lost;
    for (int round = 0; round < MAX_ROUNDS && rc == SCRUB_OK; round++) {
        if (!line_may_need(t, &w->cur)) break;
        mj_profile pf;
        profile_line(t, &w->cur, &pf);
        w->letters = pf.letters;
        w->subs = pf.subs;
        int best = -1, best_gain = 0;
        /* GBK read as windows-1252 goes first when UTF-8 cannot win
         * outright: the first decisive pair ends the search either way */
        bool swap = !may_be_utf8(t, &w->cur);
        for (size_t k = 0; k < PAIR_COUNT && rc == SCRUB_OK; k++) {
            size_t p = swap && k < 2 ? 1 - k : k;
            if (!pair_relevant(&pairs[p], &pf)) continue;
            rc = plan_pair(t, w, &pairs[p], &plan);
            if (rc != SCRUB_OK || plan.gain <= 0) continue;
            /* a line that is UTF-8 through and through beats any other */
            int gain = plan.gain + (plan.decisive ? 100000 : 0);
            /* on a tie Chinese wins: it is what scraped CJK pages mostly are */
            if (gain > best_gain || (gain == best_gain && pairs[p].truth == MJ_GBK)) {
                best_gain = gain;
                best = (int)p;
                if (plan.decisive) break;
            }
        }
        if (rc != SCRUB_OK || best < 0) break;
        if (!plan.decisive) rc = plan_pair(t, w, &pairs[best], &plan); /* plan it again */
        if (rc != SCRUB_OK) break;
        if (*nrep == nrep0) rc = copy_text(&w->orig, &w->cur);
        if (rc != SCRUB_OK) break;
        *lost += (size_t)plan.lost;
        rc = apply_plan(w, &plan, &pairs[best], rep, nrep, caprep);
        if (plan.chinese && plan.decisive) break;
    }
    scrub__free(plan.runs);
    /* a repair must leave the line clearly better, or none is made */
    if (rc == SCRUB_OK && *nrep > nrep0 && still_garbled(t, &w->orig, &w->cur)) {
        mj_text tmp = w->cur;
        w->cur = w->orig;
        w->orig = tmp;
        *nrep = nrep0;
        *lost = lost0;
    }
    if (rc == SCRUB_OK) rc = fix_c1(t, &w->cur, rep, nrep, caprep);
    return rc;
}
