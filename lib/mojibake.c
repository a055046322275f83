/*
 * mojibake.c -- the mojibake stage: detects and repairs text decoded with
 * the wrong code page, and strips conversion artifacts (pinyin
 * annotations, invisible characters, entities left undecoded).
 *
 * Work is per line.  A fast path proves most lines need nothing: a line
 * whose characters are all outside the "suspect" set (see
 * mojibake_tables.c) cannot hold mojibake of any code page handled here,
 * nor an artifact, and is copied as it is.
 */
#include "mojibake_artifacts.h"
#include "mojibake_engine.h"

typedef struct {
    mj_work w;
    mj_repair *rep;
    size_t nrep, caprep;
    size_t artifacts[4];
    unsigned saw;
} mj_state;

static void state_free(void *p)
{
    mj_state *st = p;
    scrub__mj_work_free(&st->w);
    scrub__free(st->rep);
}

/* ---- the fast path ---------------------------------------------------------- */

/* w as loaded from little-endian memory. */
static inline uint64_t mj_le64(uint64_t w)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return __builtin_bswap64(w);
#else
    return w;
#endif
}

/* True when an 8-byte word holds byte c (the classic zero-byte test on w ^ c). */
static inline bool word_has(uint64_t w, uint64_t c8)
{
    uint64_t v = w ^ c8;
    return ((v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull) != 0;
}

/* Skips the run of clean three-byte characters (CJK), and of the ASCII
 * between them, starting at s[*i]; false when it stops at a suspect
 * character (*i is then its offset).  One bit test per character:
 * suspect3 also marks overlong forms and surrogates, so no range checks
 * are needed.  A malformed sequence, another non-ASCII character, `?` and
 * (when `amp`) `&` end the run and are left to the caller. */
static inline bool skip_cjk(const mj_tables *t, const unsigned char *s, size_t len, size_t *i,
                            bool amp)
{
    const uint64_t *bits3 = t->suspect3, *rows = t->suspect3b;
    const uint64_t q8 = 0x3F3F3F3F3F3F3F3Full, amp8 = 0x2626262626262626ull;
    const unsigned stop = amp ? '&' : '?';
    size_t j = *i;
    while (j + 8 <= len) {
        uint64_t w;
        memcpy(&w, s + j, 8);
        w = mj_le64(w);
        /* a character's bit: its row by the first two bytes, its place
         * in the row by the third (suspect3b) */
        if ((w & 0xC0C0F0C0C0F0ull) == 0x8080E08080E0ull) { /* two characters */
            uint64_t r1 = rows[w & 0x3F0F] >> (w >> 16 & 63);
            uint64_t r2 = rows[w >> 24 & 0x3F0F] >> (w >> 40 & 63);
            if ((r1 | r2) & 1) break;
            j += 6;
        } else if ((w & 0xC0C0F0ull) == 0x8080E0ull) { /* one */
            if ((rows[w & 0x3F0F] >> (w >> 16 & 63)) & 1) break;
            j += 3;
        } else if (!(w & 0x8080808080808080ull)) { /* eight ASCII */
            if (word_has(w, q8) || (amp && word_has(w, amp8))) break;
            j += 8;
        } else if ((w & 0x80) == 0 && (w & 0xFF) != '?' && (w & 0xFF) != stop) { /* one ASCII */
            j++;
        } else
            break;
    }
    while (j + 3 <= len && (s[j] & 0xF0) == 0xE0) {
        unsigned b1 = s[j + 1], b2 = s[j + 2];
        if (((b1 & 0xC0) ^ 0x80) | ((b2 & 0xC0) ^ 0x80)) break;
        unsigned cp = (s[j] & 0x0Fu) << 12 | (b1 & 0x3Fu) << 6 | (b2 & 0x3Fu);
        if ((bits3[cp >> 6] >> (cp & 63)) & 1) {
            *i = j;
            return false;
        }
        j += 3;
    }
    *i = j;
    return true;
}

/* Length of the longest prefix of s[0..len) that is valid UTF-8 without a
 * suspect character (nor '&' when `amp` is set, nor `??` before a
 * non-ASCII character): no flag can change lines made of it.  This runs
 * over every byte of clean text, so ASCII goes eight bytes at a time and a
 * three-byte character (CJK) costs one bit test, without decoding. */
static size_t clean_span(const mj_tables *t, const unsigned char *s, size_t len, bool amp)
{
    const uint64_t amp8 = amp ? 0x2626262626262626ull : 0;
    size_t i = 0;
    while (i < len) {
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & 0x8080808080808080ull) || (amp && word_has(w, amp8))) break;
            i += 8;
        }
        while (i < len && s[i] < 0x80) {
            if (amp && s[i] == '&') return i;
            i++;
        }
        if (i >= len) break;
        /* `??` before a non-ASCII character may mark lost GBK bytes (a
         * single `?` before one that is not suspect is a question mark:
         * see match_run() in mojibake_shift.c) */
        if (i > 1 && s[i - 1] == '?' && s[i - 2] == '?') return i;
        if (!skip_cjk(t, s, len, &i, amp)) return i;
        if (i >= len || s[i] < 0x80) continue;
        uint32_t cp;
        size_t n = scrub__utf8_decode(s + i, len - i, &cp);
        if (cp == SCRUB__REPLACEMENT || mj_suspect(t, cp)) return i;
        i += n;
    }
    return len;
}

/* ---- one line ---------------------------------------------------------------- */

static int load_line(mj_text *cur, const char *text, size_t start, size_t len, size_t *replaced)
{
    cur->n = 0;
    if (scrub__mj_text_reserve(cur, len + 1) != SCRUB_OK) return SCRUB_E_NOMEM;
    const unsigned char *s = (const unsigned char *)text;
    size_t i = start, end = start + len, k = 0; /* room for len characters: no push */
    while (i < end) {
        uint32_t cp;
        size_t n = scrub__utf8_decode(s + i, end - i, &cp);
        if (cp == SCRUB__REPLACEMENT && !(n == 3 && s[i] == 0xEF)) (*replaced)++;
        cur->cp[k] = cp;
        cur->s[k] = i;
        cur->e[k++] = i + n;
        i += n;
    }
    cur->n = k;
    return SCRUB_OK;
}

/* A CR that ends a line's content would read as part of the line break
 * next time; it is dropped so that the output reads back as it is.  A
 * piece of a long line (see fix_long_line) ends with neither. */
static int emit_line(scrub__buf *out, mj_text *cur, bool line_end)
{
    while (line_end && cur->n && cur->cp[cur->n - 1] == '\r') cur->n--;
    if (scrub__buf_reserve(out, cur->n * 4 + 1) != SCRUB_OK) return SCRUB_E_NOMEM;
    for (size_t i = 0; i < cur->n; i++)
        out->len += scrub__utf8_encode(cur->cp[i], out->data + out->len);
    if (line_end) out->data[out->len++] = '\n';
    return SCRUB_OK;
}

/* One pass of every step over the line; *changed tells whether any did
 * something. */
static int fix_pass(mj_state *st, const mj_tables *t, unsigned flags, bool first_line,
                    bool *changed)
{
    mj_text *cur = &st->w.cur;
    size_t n = 0;
    if (flags & SCRUB_FIX_INVISIBLE) {
        n = scrub__mj_drop_invisible(cur, first_line);
        st->artifacts[SCRUB_ARTIFACT_INVISIBLE] += n;
        *changed |= n > 0;
    }
    if (flags & SCRUB_FIX_ENTITIES) {
        n = 0;
        int rc = scrub__mj_decode_entities(&st->w, &n);
        if (rc != SCRUB_OK) return rc;
        st->artifacts[SCRUB_ARTIFACT_ENTITY] += n;
        *changed |= n > 0;
    }
    if (flags & SCRUB_FIX_ENCODING) {
        size_t before = st->nrep, lost = 0;
        int rc = scrub__mj_repair_line(t, &st->w, &st->rep, &st->nrep, &st->caprep, &lost);
        if (rc != SCRUB_OK) return rc;
        if (st->nrep > before) st->saw |= SCRUB_MOJIBAKE_SAW_REPAIR;
        if (lost) st->saw |= SCRUB_MOJIBAKE_SAW_LOSSY;
        *changed |= st->nrep > before;
        before = st->nrep;
        rc = scrub__mj_shifted_gbk(t, &st->w, &st->rep, &st->nrep, &st->caprep, &lost, changed);
        if (rc != SCRUB_OK) return rc;
        if (st->nrep > before) st->saw |= SCRUB_MOJIBAKE_SAW_REPAIR | SCRUB_MOJIBAKE_SAW_LOSSY;
        st->artifacts[SCRUB_ARTIFACT_LOST] += lost;
        *changed |= st->nrep > before;
    }
    size_t seen = 0, removed = 0;
    int rc = scrub__mj_pinyin(&st->w, (flags & SCRUB_FIX_PINYIN) != 0, &seen, &removed);
    if (rc != SCRUB_OK) return rc;
    if (seen) st->saw |= SCRUB_MOJIBAKE_SAW_PINYIN;
    st->artifacts[SCRUB_ARTIFACT_PINYIN] += removed;
    *changed |= removed > 0;
    return SCRUB_OK;
}

/* scrub__utf8_decode() with the three-byte characters (CJK) first and
 * without its range checks: an overlong form or a surrogate comes out
 * below U+0800 or as one, which are not quiet either. */
static inline size_t decode3(const unsigned char *s, size_t len, uint32_t *cp)
{
    if (len >= 3 && (s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        uint32_t c = (s[0] & 0x0Fu) << 12 | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu);
        *cp = c < 0x800 || (c >= 0xD800 && c <= 0xDFFF) ? SCRUB__REPLACEMENT : c;
        return 3;
    }
    return scrub__utf8_decode(s, len, cp);
}

/* mj_no_words() of the Han characters of valid UTF-8 s[0..len), which
 * stand next to each other in np pairs; the look-ups stop as soon as they
 * show words. */
static bool han_no_words(const unsigned char *s, size_t len, size_t np)
{
    size_t ns = 0;
    uint32_t prev = 0;
    for (size_t i = 0; i < len && !mj_words_shown(np, ns);) {
        uint32_t cp;
        i += decode3(s + i, len - i, &cp);
        if (mj_is_han(cp) && mj_is_han(prev)) ns += scrub__mj_bigram(prev, cp) > 0;
        prev = cp;
    }
    return mj_no_words(np, ns);
}

/* Whether no step of fix_pass can change the line s[0..len), nor count
 * anything: valid UTF-8 without a character that wakes a reading of the
 * repair (mj_wakes_reading), nor one that starts an artifact, a lost-byte
 * run or a change at the line's end (`?`, `(`, CR, `&` when `amp`, U+FFFD,
 * the invisible characters), and Han characters that form words.  Clean
 * Chinese with a rare character in it, which the fast path cannot prove
 * clean, costs this scan instead of the repair's passes. */
static bool line_is_quiet(const mj_tables *t, const unsigned char *s, size_t len, bool amp)
{
    size_t np = 0;
    bool prev_han = false;
    for (size_t i = 0; i < len;) {
        unsigned c = s[i];
        if (c < 0x80) {
            if (c == '?' || c == '(' || c == '\r' || c == 0x1A || (amp && c == '&')) return false;
            prev_han = false;
            i++;
            continue;
        }
        if (i + 3 <= len && (c & 0xF0) == 0xE0 && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80) { /* the tests below in one bit (loud3) */
            unsigned b1 = s[i + 1];
            if ((t->loud3[(c & 0x0F) | (b1 & 0x3F) << 4] >> (s[i + 2] & 63)) & 1) return false;
            bool han = c >= 0xE4 && c <= 0xE9 && (c != 0xE4 || b1 >= 0xB8); /* U+4E00..U+9FFF */
            np += han && prev_han;
            prev_han = han;
            i += 3;
            continue;
        }
        uint32_t cp;
        i += decode3(s + i, len - i, &cp);
        if (mj_loud(t, cp)) return false;
        bool han = mj_is_han(cp);
        np += han && prev_han;
        prev_han = han;
    }
    return np < 2 || !han_no_words(s, len, np);
}

/* The steps run again until the line stops changing, so that repairing
 * the output once more changes nothing.  Every change shortens the line or
 * raises its plausibility score, so this ends; usually after two passes. */
static int fix_line(scrub_ctx *ctx, mj_state *st, const mj_tables *t, const char *text,
                    size_t start, size_t len, unsigned flags, bool first_line, bool line_end,
                    scrub__buf *out)
{
    const unsigned char *s = (const unsigned char *)text + start;
    if (line_is_quiet(t, s, len, (flags & SCRUB_FIX_ENTITIES) != 0)) {
        if (scrub__buf_append(out, s, len) != SCRUB_OK) return SCRUB_E_NOMEM;
        return !line_end || scrub__buf_putc(out, '\n') == SCRUB_OK ? SCRUB_OK : SCRUB_E_NOMEM;
    }
    mj_text *cur = &st->w.cur;
    int rc = load_line(cur, text, start, len, &ctx->replacements);
    bool changed = true;
    for (int pass = 0; rc == SCRUB_OK && changed && pass < 1000; pass++) {
        changed = false;
        rc = fix_pass(st, t, flags, first_line, &changed);
    }
    return rc == SCRUB_OK ? emit_line(out, cur, line_end) : rc;
}

/* Where no clean scan has stopped yet. */
#define MJ_UNKNOWN SIZE_MAX

/* Lines longer than this go piece by piece (fix_long_line). */
#define MJ_LONG_LINE 4096
/* Clean bytes a piece keeps on each side of what sent it off the fast
 * path: more than any repair looks at (a run of damage is made of
 * suspect characters, the judge's chains reach 32 characters,
 * mostly ASCII between runs). */
#define MJ_PIECE_CONTEXT 128

/* A piece of a long line may start at byte c: ASCII below 0x40 is never a
 * trail byte in the code pages handled, so no run of the repair crosses
 * it; `?` (lost bytes), `&`, `#`, `;` (entities), parentheses (pinyin
 * after its character) and CR are kept inside. */
static bool piece_cut(unsigned char c)
{
    return c < 0x40 && c != '?' && c != '&' && c != '#' && c != ';' && c != '(' && c != ')' &&
           c != '\r';
}

/* Where the piece around the suspect character at `stop` ends: a cut at
 * least MJ_PIECE_CONTEXT clean bytes after the last suspect character that
 * is closer than that to the one before it.  *after is where the fast path
 * stops next: the scan from the cut would find the same place (the cut is
 * ASCII other than `?`, so the `??` test reads the same bytes). */
static size_t piece_end(const mj_tables *t, const unsigned char *s, size_t stop, size_t end,
                        bool amp, size_t *after)
{
    for (;;) {
        uint32_t cp;
        size_t q = stop + scrub__utf8_decode(s + stop, end - stop, &cp);
        size_t next = q + clean_span(t, s + q, end - q, amp);
        *after = next;
        for (size_t b = q + MJ_PIECE_CONTEXT; b < next; b++)
            if (piece_cut(s[b])) return b;
        if (next >= end) return end;
        stop = next;
    }
}

/* A long line (keyword-stuffed lines run to hundreds of kilobytes) is
 * repaired only around its suspect characters: the clean stretches
 * between them are copied, so the work is linear in the line and local to
 * what may need it. */
static int fix_long_line(scrub_ctx *ctx, mj_state *st, const mj_tables *t, const char *text,
                         const scrub__line *ln, unsigned flags, size_t stop, scrub__buf *out)
{
    const unsigned char *s = (const unsigned char *)text;
    bool amp = (flags & SCRUB_FIX_ENTITIES) != 0;
    size_t pos = ln->start, end = ln->start + ln->len;
    while (end > pos && s[end - 1] == '\r') end--; /* see emit_line */
    if (stop == MJ_UNKNOWN) stop = pos + clean_span(t, s + pos, end - pos, amp);
    while (pos < end) {
        size_t a = stop >= end ? end : stop > pos + MJ_PIECE_CONTEXT ? stop - MJ_PIECE_CONTEXT : pos;
        while (a > pos && a < end && !piece_cut(s[a])) a--;
        if (scrub__buf_append(out, s + pos, a - pos) != SCRUB_OK) return SCRUB_E_NOMEM;
        if (a == end) break;
        size_t b = piece_end(t, s, stop, end, amp, &stop);
        int rc = fix_line(ctx, st, t, text, a, b - a, flags, a == 0, false, out);
        if (rc != SCRUB_OK) return rc;
        pos = b;
    }
    return scrub__buf_putc(out, '\n') == SCRUB_OK ? SCRUB_OK : SCRUB_E_NOMEM;
}

static bool line_is_clean(const mj_tables *t, const unsigned char *s, size_t len, bool amp)
{
    return clean_span(t, s, len, amp) == len;
}

/* The line at `pos`: copied when clean, else repaired.  *next is where the
 * next line starts.  `stop`: where the caller's clean scan stopped inside
 * the line (a scan of the line from its start stops there too), or
 * MJ_UNKNOWN. */
static int do_line(scrub_ctx *ctx, mj_state *st, const mj_tables *t, const char *text, size_t len,
                   size_t pos, unsigned flags, size_t stop, scrub__buf *out, size_t *next)
{
    scrub__line ln;
    scrub__next_line(text, len, pos, &ln);
    *next = ln.next;
    int64_t max_line = scrub__param(ctx, SCRUB_PARAM_MAX_LINE);
    if ((uint64_t)ln.len > (uint64_t)max_line)
        return scrub__fail(ctx, SCRUB_E_TOO_LARGE, "MAX_LINE is %lld bytes, a line has %zu",
                           (long long)max_line, ln.len);
    const unsigned char *s = (const unsigned char *)text + ln.start;
    bool amp = (flags & SCRUB_FIX_ENTITIES) != 0;
    if (stop == MJ_UNKNOWN && line_is_clean(t, s, ln.len, amp) && !(ln.len && s[ln.len - 1] == '\r')) {
        if (scrub__buf_append(out, s, ln.len) != SCRUB_OK || scrub__buf_putc(out, '\n') != SCRUB_OK)
            return SCRUB_E_NOMEM;
        return SCRUB_OK;
    }
    if (ln.len > MJ_LONG_LINE) return fix_long_line(ctx, st, t, text, &ln, flags, stop, out);
    return fix_line(ctx, st, t, text, ln.start, ln.len, flags, ln.start == 0, true, out);
}

/* Whole clean lines text[pos..end) (end is len or just after a LF) in one
 * copy, unless one has a CR or may be longer than MAX_LINE: those go line
 * by line. */
static int copy_clean(scrub_ctx *ctx, mj_state *st, const mj_tables *t, const char *text,
                      size_t len, size_t pos, size_t end, unsigned flags, scrub__buf *out)
{
    int64_t max_line = scrub__param(ctx, SCRUB_PARAM_MAX_LINE);
    if ((uint64_t)(end - pos) > (uint64_t)max_line || memchr(text + pos, '\r', end - pos)) {
        int rc = SCRUB_OK;
        while (rc == SCRUB_OK && pos < end)
            rc = do_line(ctx, st, t, text, len, pos, flags, MJ_UNKNOWN, out, &pos);
        return rc;
    }
    if (scrub__buf_append(out, text + pos, end - pos) != SCRUB_OK) return SCRUB_E_NOMEM;
    if (end == len && text[len - 1] != '\n' && scrub__buf_putc(out, '\n') != SCRUB_OK)
        return SCRUB_E_NOMEM;
    return SCRUB_OK;
}

/* The clean scan runs over the whole text; what it proves clean is copied
 * in one piece, and only the lines where it stops go through the repair. */
static int fix_text(scrub_ctx *ctx, mj_state *st, const mj_tables *t, const char *text,
                    size_t len, unsigned flags, scrub__buf *out)
{
    if (scrub__buf_reserve(out, len + len / 8 + 16) != SCRUB_OK) return SCRUB_E_NOMEM;
    bool amp = (flags & SCRUB_FIX_ENTITIES) != 0;
    size_t pos = 0;
    while (pos < len) {
        size_t stop = pos + clean_span(t, (const unsigned char *)text + pos, len - pos, amp);
        size_t end = len;
        if (stop < len) {
            end = stop;
            while (end > pos && text[end - 1] != '\n') end--;
        }
        int rc = SCRUB_OK;
        if (end > pos) rc = copy_clean(ctx, st, t, text, len, pos, end, flags, out);
        pos = end;
        if (rc == SCRUB_OK && pos < len)
            rc = do_line(ctx, st, t, text, len, pos, flags, stop, out, &pos);
        if (rc != SCRUB_OK) return rc;
    }
    return SCRUB_OK;
}

static int begin(scrub_ctx *ctx, const char *text, size_t len, const mj_tables **t)
{
    int rc = scrub__check_input(ctx, text, len);
    if (rc != SCRUB_OK) return rc;
    rc = scrub__mj_tables(t);
    if (rc != SCRUB_OK)
        return scrub__fail(ctx, rc, "mojibake: code page tables could not be built");
    rc = scrub__mj_pinyin_init();
    if (rc != SCRUB_OK) return scrub__fail(ctx, rc, "mojibake: pinyin table could not be built");
    return SCRUB_OK;
}

static void reset_details(mj_state *st)
{
    st->nrep = 0;
    memset(st->artifacts, 0, sizeof st->artifacts);
    st->saw = 0;
}

SCRUB_API int scrub_fix_mojibake(scrub_ctx *ctx, const char *text, size_t len, unsigned flags,
                                 char **out, size_t *out_len)
{
    if (!ctx) return SCRUB_E_INVALID_ARG;
    scrub__begin(ctx);
    int rc = scrub__check_output(ctx, out, out_len);
    if (rc != SCRUB_OK) return rc;
    if (flags & ~(unsigned)SCRUB_FIX_ALL)
        return scrub__fail(ctx, SCRUB_E_INVALID_ARG, "unknown flag bits 0x%x",
                           flags & ~(unsigned)SCRUB_FIX_ALL);
    const mj_tables *t;
    rc = begin(ctx, text, len, &t);
    if (rc != SCRUB_OK) return rc;
    mj_state *st = scrub__stage_state(ctx, SCRUB__STAGE_MOJIBAKE, sizeof *st, state_free);
    if (!st) return scrub__fail(ctx, SCRUB_E_NOMEM, "out of memory");
    reset_details(st);
    scrub__buf b = SCRUB__BUF_INIT;
    rc = fix_text(ctx, st, t, text, len, flags, &b);
    if (rc == SCRUB_OK) rc = scrub__buf_finish(&b, out, out_len);
    if (rc != SCRUB_OK) {
        scrub__buf_free(&b);
        reset_details(st);
        return rc == SCRUB_E_NOMEM ? scrub__fail(ctx, rc, "out of memory") : rc;
    }
    return SCRUB_OK;
}

SCRUB_API int scrub_mojibake_score(scrub_ctx *ctx, const char *text, size_t len, double *score)
{
    if (!ctx) return SCRUB_E_INVALID_ARG;
    scrub__begin(ctx);
    if (!score) return scrub__fail(ctx, SCRUB_E_INVALID_ARG, "NULL score pointer");
    *score = 0;
    const mj_tables *t;
    int rc = begin(ctx, text, len, &t);
    if (rc != SCRUB_OK) return rc;
    mj_state *st = scrub__stage_state(ctx, SCRUB__STAGE_MOJIBAKE, sizeof *st, state_free);
    if (!st) return scrub__fail(ctx, SCRUB_E_NOMEM, "out of memory");
    /* Repairs are counted in private lists so that the details of the last
     * repair stay as they were. */
    mj_repair *rep = NULL;
    size_t nrep = 0, caprep = 0, wide = 0, fixed = 0;
    scrub__line ln;
    int64_t max_line = scrub__param(ctx, SCRUB_PARAM_MAX_LINE);
    for (size_t pos = 0; rc == SCRUB_OK && scrub__next_line(text, len, pos, &ln); pos = ln.next) {
        if ((uint64_t)ln.len > (uint64_t)max_line) {
            scrub__free(rep);
            return scrub__fail(ctx, SCRUB_E_TOO_LARGE, "MAX_LINE is %lld bytes, a line has %zu",
                               (long long)max_line, ln.len);
        }
        const unsigned char *s = (const unsigned char *)text + ln.start;
        for (size_t i = 0; i < ln.len; i++) wide += (s[i] & 0xC0) == 0xC0 || s[i] == 0xC0;
        if (line_is_clean(t, s, ln.len, false)) continue;
        size_t replaced = 0, lost = 0;
        rc = load_line(&st->w.cur, text, ln.start, ln.len, &replaced);
        if (rc != SCRUB_OK) break;
        size_t before = nrep;
        rc = scrub__mj_repair_line(t, &st->w, &rep, &nrep, &caprep, &lost);
        for (size_t r = before; rc == SCRUB_OK && r < nrep; r++) {
            for (size_t i = rep[r].start; i < rep[r].end; i++)
                fixed += ((unsigned char)text[i] & 0xC0) == 0xC0;
        }
    }
    scrub__free(rep);
    if (rc != SCRUB_OK) return scrub__fail(ctx, rc, "out of memory");
    if (nrep) {
        double share = wide ? (double)fixed / (double)wide : 1.0;
        if (share > 1) share = 1;
        *score = 0.5 + 0.5 * share;
    }
    return SCRUB_OK;
}

static const mj_state *state_of(const scrub_ctx *ctx)
{
    return ctx ? ctx->stage[SCRUB__STAGE_MOJIBAKE] : NULL;
}

SCRUB_API size_t scrub_mojibake_repair_count(const scrub_ctx *ctx)
{
    const mj_state *st = state_of(ctx);
    return st ? st->nrep : 0;
}

SCRUB_API int scrub_mojibake_repair(const scrub_ctx *ctx, size_t i, size_t *start, size_t *end,
                                    const char **transform)
{
    const mj_state *st = state_of(ctx);
    if (!st || i >= st->nrep) return SCRUB_E_INVALID_ARG;
    if (start) *start = st->rep[i].start;
    if (end) *end = st->rep[i].end;
    if (transform) *transform = st->rep[i].transform;
    return SCRUB_OK;
}

SCRUB_API size_t scrub_mojibake_artifacts(const scrub_ctx *ctx, int kind)
{
    const mj_state *st = state_of(ctx);
    if (!st || kind < 0 || kind > SCRUB_ARTIFACT_LOST) return 0;
    return st->artifacts[kind];
}

SCRUB_API unsigned scrub_mojibake_saw(const scrub_ctx *ctx)
{
    const mj_state *st = state_of(ctx);
    return st ? st->saw : 0;
}
