/*
 * mojibake_shift.c -- GBK runs read one byte out of step.
 *
 * When a byte of GBK text is lost before decoding (replaced by `?`, or
 * eaten by a tool that inserted `(pinyin)` in the middle of a character),
 * the decoder reads the rest of the run one byte late: every character is
 * made of the trail byte of one and the lead byte of the next, until an
 * ASCII byte that was really a trail byte (or a `?`) puts it back in step.
 * Seen in seeds 002/003: `??啤睘橹攸c` is `專科”為重點`.
 *
 * A run qualifies when it starts after `??` or after `?` + pinyin debris
 * ("?zèng)"), its characters' GBK bytes, read one byte later, decode into
 * valid and clearly more plausible text, and it ends with an ASCII trail
 * byte or a `?`.  The realigned characters come back.  A character with a
 * single surviving byte is chosen only when one candidate is much more
 * likely: the debris that follows it names its reading and only one
 * candidate has that reading; or, among the candidates (those with that
 * reading when there are several), a context model prefers one.  Its
 * score for candidate c between known neighbours l and r is
 *     (B(l,c) + 0.1) * (B(c,r) + 0.1) / (T(c) + 100) * (1 + (W(lc) + W(cr)) / 100)
 * with B the pair counts of data/mojibake_bigrams.txt (web text in
 * Simplified and Traditional form plus OpenCC's phrases), T(c) c's total
 * in those pairs (divided out only when both neighbours are known, as in
 * P(c|l) P(r|c)), and W the frequency of a two-character word in jieba's
 * dictionary (data/mojibake_words.txt; 0 when lc is not a word); an
 * unknown neighbour (lost, or the edge of the line) drops its factors.
 * The best must have a pair or a word with a neighbour and beat the
 * runner-up by a factor of 50.  On 7,938 characters of held-out Chinese
 * text (the charset corpora and the seeds; one byte of each character
 * known, its neighbours known; `mk/mojibake_words.py eval ../shared`)
 * this decides 49%
 * of them and is right in 93% of its decisions; the pair counts alone
 * with a factor of 20 (the model before) decided 48% and were right in
 * 86%.  Else one
 * candidate ranks among the 1,000 most frequent Han characters
 * (data/mojibake_hanfreq.txt) and every other ranks ten times lower or
 * not at all.  Otherwise, and for a character with no surviving byte,
 * U+FFFD.
 */
#include "mojibake_artifacts.h"
#include "mojibake_words.h"

#define GBK (MJ_GBK - MJ_SB_COUNT)
#define NAME "gbk read out of step"

static bool is_debris_letter(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFC) || (c >= 0x101 && c <= 0x1DC);
}

/* Debris "pinyin)" at cur->cp[k]: the index after ')' or k when absent. */
static size_t skip_debris(const mj_text *cur, size_t k)
{
    size_t j = k;
    while (j < cur->n && j - k < 7 && is_debris_letter(cur->cp[j])) j++;
    return j > k && j < cur->n && cur->cp[j] == ')' ? j + 1 : k;
}

/* Whether "(pinyin)" at cur->cp[m] is a reading of han: an annotation
 * that confirms the realigned character before it. */
static bool annotated(const mj_text *cur, size_t m, uint32_t han)
{
    if (m >= cur->n || cur->cp[m] != '(') return false;
    size_t end = skip_debris(cur, m + 1);
    if (end == m + 1) return false;
    char syl[32];
    size_t len = 0;
    for (size_t k = m + 1; k + 1 < end && len + 4 < sizeof syl; k++)
        len += scrub__utf8_encode(cur->cp[k], syl + len);
    return scrub__mj_has_reading(han, syl, len);
}

/* The neighbours of a character being guessed; 0 where unknown (lost, or
 * at the edge of the line). */
typedef struct {
    uint32_t left, right;
} mj_context;

/* The thresholds of the context model (see the header comment). */
#define MJ_CONTEXT_FACTOR 50.0
#define MJ_WORD_SCALE 100.0
#define MJ_TOTAL_SMOOTH 100.0

/* Index of key in the sorted table a[0..n), or n when it is not there. */
static size_t find_sorted(const uint32_t *a, size_t n, uint32_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid] < key) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && a[lo] == key ? lo : n;
}

/* Frequency of the two-character word ab in jieba's dictionary, 0 when it
 * is not a word (data/mojibake_words.txt). */
static unsigned word_freq(uint32_t a, uint32_t b)
{
    if (a > 0xFFFF || b > 0xFFFF) return 0;
    size_t i = find_sorted(mj_word_key, MJ_WORD_COUNT, a << 16 | b);
    return i < MJ_WORD_COUNT ? mj_word_freq[i] : 0;
}

/* How often c occurs in the bigram table's pairs (halved sum), 0 if never. */
static unsigned char_total(uint32_t c)
{
    size_t i = find_sorted(mj_char_cp, MJ_CHAR_COUNT, c);
    return i < MJ_CHAR_COUNT ? mj_char_total[i] : 0;
}

/* Support of the neighbours for candidate c (see the header comment);
 * *seen tells whether a pair or a word with a neighbour was seen.  With
 * both neighbours known the pair counts are divided by c's own total once,
 * so that a frequent character is not counted twice for being frequent. */
static double context_score(const mj_context *cx, uint32_t c, bool *seen)
{
    double s = 1;
    unsigned words = 0;
    if (cx->left) {
        unsigned n = scrub__mj_bigram(cx->left, c), w = word_freq(cx->left, c);
        *seen |= n > 0 || w > 0;
        s *= n + 0.1;
        words += w;
    }
    if (cx->right) {
        unsigned n = scrub__mj_bigram(c, cx->right), w = word_freq(c, cx->right);
        *seen |= n > 0 || w > 0;
        s *= n + 0.1;
        words += w;
    }
    if (cx->left && cx->right) s /= char_total(c) + MJ_TOTAL_SMOOTH;
    return s * (1 + words / MJ_WORD_SCALE);
}

/* The candidate of the context model: a pair with a neighbour was seen and
 * its score beats every other candidate's by a factor of MJ_CONTEXT_FACTOR;
 * else 0.  Candidates are those of `lead`/`trail` (see guess()), only
 * those with the reading when `reading` is set. */
static uint32_t by_context(const mj_tables *t, int lead, int trail, const char *reading, size_t rlen,
                           const mj_context *cx)
{
    if (!cx->left && !cx->right) return 0;
    double s1 = 0, s2 = 0;
    uint32_t best = 0;
    bool seen = false;
    for (unsigned x = lead >= 0 ? 0x40 : 0x81; x <= 0xFE; x++) {
        uint16_t c = lead >= 0 ? mj_db_get(t, GBK, (unsigned)lead, x) : mj_db_get(t, GBK, x, (unsigned)trail);
        if (!c || (rlen && !scrub__mj_has_reading(c, reading, rlen))) continue;
        double s = context_score(cx, c, &seen);
        if (s > s1) {
            s2 = s1;
            s1 = s;
            best = c;
        } else if (s > s2)
            s2 = s;
    }
    return seen && s1 >= MJ_CONTEXT_FACTOR * s2 ? best : 0;
}

/* The best candidate for a character of which only one byte survives:
 * `lead` known (trail unknown) or `trail` known (lead unknown); reading
 * (UTF-8, may be empty) narrows the candidates, the neighbours in cx
 * choose among them.  U+FFFD when none is clearly the most likely. */
static uint32_t guess(const mj_tables *t, int lead, int trail, const char *reading, size_t rlen,
                      const mj_context *cx)
{
    uint32_t best = 0xFFFD, by_reading = 0;
    unsigned r1 = 0, r2 = 0, n_reading = 0;
    for (unsigned x = lead >= 0 ? 0x40 : 0x81; x <= 0xFE; x++) {
        uint16_t c = lead >= 0 ? mj_db_get(t, GBK, (unsigned)lead, x) : mj_db_get(t, GBK, x, (unsigned)trail);
        if (!c) continue;
        if (rlen && scrub__mj_has_reading(c, reading, rlen)) {
            n_reading++;
            by_reading = c;
        }
        unsigned r = t->rank[c];
        if (!r) continue;
        if (!r1 || r < r1) {
            r2 = r1;
            r1 = r;
            best = c;
        } else if (!r2 || r < r2)
            r2 = r;
    }
    if (n_reading == 1) return by_reading;
    uint32_t c = by_context(t, lead, trail, reading, n_reading ? rlen : 0, cx);
    if (c) return c;
    if (r1 && r1 <= 1000 && (!r2 || r2 > 10 * r1)) return best;
    return 0xFFFD;
}

typedef struct {
    size_t end;         /* first character after the run */
    bool lost_whole;    /* `??`: a character with no surviving byte first */
    int orphan_trail;   /* the first byte: trail of a character whose lead was lost */
    int orphan_lead;    /* last byte before `?`, or -1 */
    const uint32_t *reading; /* debris after the orphan lead */
    size_t reading_len;
    uint32_t dec[256];  /* realigned characters */
    size_t ndec;
} shift_run;

/* Whether a shifted run starts at cur->cp[i] == '?'. */
static bool match_run(const mj_tables *t, const mj_text *cur, size_t i, shift_run *sr)
{
    size_t j = i;
    while (j < cur->n && cur->cp[j] == '?') j++;
    size_t k = skip_debris(cur, j);
    bool debris = k > j;
    if (!debris && j - i < 2) return false; /* a real question mark */
    uint8_t bytes[2 * 256 + 1];
    size_t nb = 0, m = k;
    int orig_score = 0;
    for (; m < cur->n && nb < 2 * 250; m++) {
        uint32_t c = cur->cp[m];
        if (c < 0x80 || c >= 0x10000) break;
        uint16_t r = t->db_rev[GBK][c];
        if (r < 0x100) break;
        bytes[nb++] = (uint8_t)(r >> 8);
        bytes[nb++] = (uint8_t)r;
        orig_score += mj_score(t, c);
    }
    sr->orphan_lead = -1;
    sr->reading = NULL;
    sr->reading_len = 0;
    if (m < cur->n && cur->cp[m] >= 0x40 && cur->cp[m] <= 0x7E && cur->cp[m] != '?') {
        bytes[nb++] = (uint8_t)cur->cp[m++]; /* an ASCII trail byte: back in step */
        if (nb % 2 == 0) return false;
    } else if (m < cur->n && cur->cp[m] == '?' && nb >= 2) {
        size_t after = skip_debris(cur, m + 1);
        sr->orphan_lead = bytes[nb - 1];
        sr->reading = cur->cp + m + 1;
        sr->reading_len = after > m + 1 ? after - m - 2 : 0;
        nb--;
        m = after;
    } else
        return false;
    if (nb == 0) return false;
    sr->orphan_trail = bytes[0];
    sr->ndec = 0;
    int new_score = 0;
    for (size_t b = 1; b + 1 < nb + 1 && b < nb; b += 2) {
        uint16_t c = mj_db_get(t, GBK, bytes[b], bytes[b + 1]);
        if (!c) return false;
        sr->dec[sr->ndec++] = c;
        new_score += mj_score(t, c);
    }
    if (sr->ndec && (new_score - orig_score < 2 || new_score * 10 < 20 * (int)sr->ndec) &&
        !annotated(cur, m, sr->dec[sr->ndec - 1]))
        return false;
    if (!sr->ndec && !debris) return false;
    sr->lost_whole = !debris;
    sr->end = m;
    return true;
}

static int push(mj_text *t, uint32_t c, size_t s, size_t e, size_t *lost)
{
    if (c == 0xFFFD) (*lost)++;
    return scrub__mj_text_push(t, c, s, e);
}

int scrub__mj_shifted_gbk(const mj_tables *t, mj_work *w, mj_repair **rep, size_t *nrep,
                          size_t *caprep, size_t *lost, bool *changed)
{
    mj_text *cur = &w->cur, *nxt = &w->nxt;
    bool any = false;
    for (size_t i = 0; i + 1 < cur->n && !any; i++)
        any = cur->cp[i] == '?' && (cur->cp[i + 1] >= 0x80 || cur->cp[i + 1] == '?' ||
                                    is_debris_letter(cur->cp[i + 1]));
    if (!any) return SCRUB_OK;
    nxt->n = 0;
    if (scrub__mj_text_reserve(nxt, cur->n + 4) != SCRUB_OK) return SCRUB_E_NOMEM;
    shift_run sr;
    bool done = false;
    for (size_t i = 0; i < cur->n;) {
        if (cur->cp[i] != '?' || (i > 0 && cur->cp[i - 1] == '?') || !match_run(t, cur, i, &sr)) {
            if (scrub__mj_text_push(nxt, cur->cp[i], cur->s[i], cur->e[i]) != SCRUB_OK) return SCRUB_E_NOMEM;
            i++;
            continue;
        }
        size_t s = cur->s[i], e = cur->e[sr.end - 1];
        int rc = SCRUB_OK;
        if (sr.lost_whole) rc |= push(nxt, 0xFFFD, s, e, lost);
        mj_context cx = {sr.lost_whole || i == 0 ? 0 : cur->cp[i - 1],
                         sr.ndec ? sr.dec[0] : sr.end < cur->n ? cur->cp[sr.end] : 0};
        rc |= push(nxt, guess(t, -1, sr.orphan_trail, "", 0, &cx), s, e, lost);
        for (size_t d = 0; d < sr.ndec; d++) rc |= scrub__mj_text_push(nxt, sr.dec[d], s, e);
        if (sr.orphan_lead >= 0) {
            char syl[32];
            size_t len = 0;
            for (size_t k = 0; k < sr.reading_len && len + 4 < sizeof syl; k++)
                len += scrub__utf8_encode(sr.reading[k], syl + len);
            cx.left = sr.ndec ? sr.dec[sr.ndec - 1] : 0;
            cx.right = sr.end < cur->n ? cur->cp[sr.end] : 0;
            rc |= push(nxt, guess(t, sr.orphan_lead, -1, syl, len, &cx), s, e, lost);
        }
        if (rc != SCRUB_OK || scrub__mj_add_repair(rep, nrep, caprep, s, e, NAME) != SCRUB_OK)
            return SCRUB_E_NOMEM;
        done = true;
        i = sr.end;
    }
    if (!done) return SCRUB_OK;
    mj_text tmp = *cur;
    *cur = *nxt;
    *nxt = tmp;
    *changed = true;
    return SCRUB_OK;
}
