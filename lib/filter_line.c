/*
 * filter_line.c -- passes 1 and 2 of the line classification: the
 * character scan and a line's features, then the rules that label a line
 * alone (markers, sentence shape, credits, counters, residue, lead-in
 * lines, the spam shapes the lexicons do not decide) with their per-line
 * driver scrub__classify_each, so that the loop over every line calls
 * into no other file but for a sentence with spam terms (scrub__inline_spam).
 */
#include "filter_ac.h"
#include "filter_int.h"
#include "filter_words.h" /* the Chinese word lists of data/lexicon/words.txt */

/* ---- character classes -------------------------------------------------- */

static bool is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
           cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF || cp == 0x85 ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F;
}

/* Chinese function characters: frequent in sentences, rare in chrome
 * (spam.md §4: 0.074 per Han character in content, < 0.02 in boilerplate). */
static bool is_func(uint32_t cp)
{
    switch (cp) {
    case 0x7684: /* 的 */ case 0x4E86: /* 了 */ case 0x662F: /* 是 */ case 0x5728: /* 在 */
    case 0x548C: /* 和 */ case 0x6709: /* 有 */ case 0x4E5F: /* 也 */ case 0x800C: /* 而 */
    case 0x4E3A: /* 为 */ case 0x70BA: /* 為 */ case 0x4E0E: /* 与 */ case 0x8207: /* 與 */
    case 0x88AB: /* 被 */ case 0x5C31: /* 就 */ case 0x90FD: /* 都 */ case 0x53C8: /* 又 */
    case 0x5BF9: /* 对 */ case 0x5C0D: /* 對 */ case 0x628A: /* 把 */ case 0x4ECE: /* 从 */
    case 0x5F9E: /* 從 */ case 0x4EE5: /* 以 */ case 0x53CA: /* 及 */ case 0x4E4B: /* 之 */
    case 0x5176: /* 其 */ case 0x5E76: /* 并 */ case 0x4E26: /* 並 */ case 0x4F46: /* 但 */
    case 0x5C06: /* 将 */ case 0x5C07: /* 將 */ case 0x8FD9: /* 这 */ case 0x9019: /* 這 */
    case 0x4E2A: /* 个 */ case 0x500B: /* 個 */ case 0x4EEC: /* 们 */ case 0x5011: /* 們 */
    case 0x5730: /* 地 */ case 0x5F97: /* 得 */ case 0x7740: /* 着 */ case 0x8457: /* 著 */
    case 0x306E: /* の */ case 0x306F: /* は */ case 0x304C: /* が */ case 0x3092: /* を */
    case 0x306B: /* に */ case 0x3067: /* で */ case 0x3068: /* と */ case 0x3057: /* し */
        return true;
    default:
        return false;
    }
}

static bool is_sep(uint32_t cp)
{
    switch (cp) {
    case ',': case 0xFF0C: case 0x3001: case '|': case 0xFF5C: case '/': case ';':
    case 0xFF1B: case '_': case 0xB7: case 0x2022: case 0x25AA: case 0x2502:
    /* ★☆◆●■: the stars and shapes between a spam list's keywords */
    case 0x2605: case 0x2606: case 0x25C6: case 0x25CF: case 0x25A0:
        return true;
    default:
        return false;
    }
}

static bool is_term(uint32_t cp)
{
    switch (cp) {
    case 0x3002: /* 。 */ case 0xFF01: case '!': case '.': case 0x2026: case 0x201D:
    case 0x300D: case 0x300F: case '"': case '\'': case ';': case 0xFF1B: case 0xFF0E:
    case 0x2019: case 0xFF09: case ')': case ':': case 0xFF1A:
        return true;
    default:
        return false;
    }
}

/* English (and a few other languages') stop words, for the sentence test
 * of alphabetic lines. */
/* grouped by length, so a word is compared with few entries */
static const char *const stop_by_len[6] = {
    "",
    "ayowzi",
    "anoroftoinonisbeitasatbyhewelelaetduelenunosdodaemildijesenaveza",
    "theandarewasforhashadnotbutsheyouhisheritscanderdiedasundisteinlesestdesunelosqueunaporconche",
    "werethatthiswithfromhavetheywillbeeneinepara",
    "whichtheirwouldtherenicht"};

/* Per length, the letters (bit 0 = 'a') that start a stop word: most
 * words are settled without a look at the set. */
static uint32_t stop_first[6];
/* The stop words as keys (stop_key), open addressing: one probe or two
 * instead of a walk along the list of their length. */
#define STOP_SLOTS 256u
static uint64_t stop_set[STOP_SLOTS];
static scrub__once stop_once = SCRUB__ONCE_INIT;

/* The bytes of w (n <= 5), lower-cased as ASCII, and its length: never 0. */
static uint64_t stop_key(const unsigned char *w, size_t n)
{
    uint64_t k = (uint64_t)n << 40;
    for (size_t i = 0; i < n; i++) k |= (uint64_t)(w[i] | 32u) << (8 * i);
    return k;
}

static size_t stop_slot(uint64_t k)
{
    return (size_t)((k * UINT64_C(0x9E3779B97F4A7C15)) >> 56) & (STOP_SLOTS - 1);
}

static int build_stop_first(void)
{
    for (size_t n = 1; n < 6; n++)
        for (const char *w = stop_by_len[n]; *w; w += n) {
            stop_first[n] |= 1u << (*w - 'a');
            uint64_t k = stop_key((const unsigned char *)w, n);
            size_t at = stop_slot(k);
            while (stop_set[at] && stop_set[at] != k) at = (at + 1) & (STOP_SLOTS - 1);
            stop_set[at] = k;
        }
    return SCRUB_OK;
}

static bool is_stopword(const unsigned char *w, size_t n)
{
    if (n == 0 || n > 5) return false;
    unsigned first = (w[0] | 32u) - 'a';
    if (first >= 26 || !(stop_first[n] >> first & 1)) return false;
    uint64_t k = stop_key(w, n);
    for (size_t at = stop_slot(k); stop_set[at]; at = (at + 1) & (STOP_SLOTS - 1))
        if (stop_set[at] == k) return true;
    return false;
}

/* ---- pass 1: features --------------------------------------------------- */

/* A match of an ASCII term must not sit inside an ASCII word. */
static bool at_boundary(const unsigned char *s, size_t len, size_t b, size_t e,
                        const scrub__lex_entry *en)
{
    if (ascii_alnum((unsigned char)en->term[0]) && b > 0 && ascii_alnum(s[b - 1]) &&
        (s[b - 1] | 32) >= 'a')
        return false;
    if (ascii_alnum((unsigned char)en->term[en->len - 1]) && e < len && ascii_alnum(s[e]) &&
        (s[e] | 32) >= 'a')
        return false;
    return true;
}

static void record_hit(line_t *ln, const scrub__lex_entry *en, size_t at)
{
    unsigned c = en->cat;
    if (ln->hits[c] < UINT16_MAX) ln->hits[c]++;
    if (!(ln->cats & (1u << c)) || at < ln->cat_pos[c]) ln->cat_pos[c] = (uint32_t)at;
    if (!(ln->cats & (1u << c)) || (en->strong && !(ln->strong & (1u << c))))
        ln->cat_reason[c] = en->reason;
    ln->cats |= 1u << c;
    if (en->strong) ln->strong |= 1u << c;
}

/* "1234人阅读", "56次浏览", "7条评论": a counter's measure word (人, 次, 条)
 * between the number and the button's word, with no other letter before. */
static bool counter_unit(const unsigned char *s, size_t b)
{
    _Static_assert(SCRUB__WORDS_COUNTER_UNIT_BYTES == 3, "one character each");
    if (b < 4 || s[b - 4] < '0' || s[b - 4] > '9' || has_letter(s, 0, b - 3)) return false;
    for (size_t k = 0; k < SCRUB__WORDS_COUNTER_UNIT_N; k++)
        if (memcmp(s + b - 3, scrub__words_counter_unit[k], 3) == 0) return true;
    return false;
}

/* A comment section's title: the term alone, or after a number ("12
 * Comments", "5 thoughts on “JSON parsing”"), at the start of a short line. */
static bool thread_term(line_t *ln, const unsigned char *s, size_t b, size_t e)
{
    if (ln->units > 16 || (has_letter(s, 0, b) && !counter_unit(s, b))) return false;
    bool digit = false;
    for (size_t i = 0; i < b; i++) digit |= s[i] >= '0' && s[i] <= '9';
    bool ok = has_letter(s, e, ln->len) ? digit : ln->units <= 6;
    ln->thread |= ok;
    return ok;
}

/* Button and comment terms count only on a short line that they make
 * alone, numbers and symbols aside ("Reply", "14 Photos", "Comments (5)"),
 * or, for a comment's author line, that they end ("Karl sagt:"). */
static bool bare_term(line_t *ln, const unsigned char *s, size_t b, size_t e, unsigned cat)
{
    if (cat == SCRUB__CAT_THREAD) return thread_term(ln, s, b, e);
    /* a CJK button is spelled in more characters (スポンサーリンク) */
    if (ln->units > (ln->ncjk ? 12u : 6u) || has_letter(s, e, ln->len)) return false;
    bool alone = !has_letter(s, 0, b) || counter_unit(s, b);
    if (cat == SCRUB__CAT_COMMENT) {
        ln->reply |= alone;
        ln->says |= !alone;
        return true;
    }
    return alone;
}

/* 点赞 收藏 分享: each button term of the line, bare or not, and the
 * bytes they cover (terms come in the order they end, so an overlap with
 * the previous one counts once). */
static void count_button(line_t *ln, size_t b, size_t end)
{
    size_t from = b > ln->btn_end ? b : ln->btn_end;
    if (end > from && ln->btn_cov + (end - from) <= UINT16_MAX)
        ln->btn_cov = (uint16_t)(ln->btn_cov + (end - from));
    if (end <= UINT16_MAX) ln->btn_end = (uint16_t)end;
    if (ln->btn_terms < UINT8_MAX) ln->btn_terms++;
    if (ln->btn_terms >= 2) ln->odd |= ODD_BUTTONS;
}

/* One term that ends at s[end - 1] (s is the line). */
static int report_entry(filter_state *st, const scrub__lex_entry *en, const unsigned char *s,
                        line_t *ln, size_t end)
{
    size_t b = end - en->len;
    if (!at_boundary(s, ln->len, b, end, en)) return SCRUB_OK;
    if (SCRUB_UNLIKELY(st->mute_spam) && ((1u << en->cat) & MUTED_CATS)) return SCRUB_OK;
    if (en->cat == SCRUB__CAT_PITCH) {
        if (!ln->pitch_why) ln->pitch_at = (uint32_t)b, ln->pitch_why = en->reason;
        return SCRUB_OK;
    }
    if (en->cat == SCRUB__CAT_BUTTON) count_button(ln, b, end);
    if (en->cat >= SCRUB__CAT_BUTTON && !bare_term(ln, s, b, end, en->cat)) return SCRUB_OK;
    record_hit(ln, en, b);
    if (en->cat > SCRUB__CAT_CTA) return SCRUB_OK;
    if (scrub__grow((void **)&st->matches, &st->cap_matches, st->nmatches + 1,
                    sizeof *st->matches) != SCRUB_OK)
        return SCRUB_E_NOMEM;
    match_t *m = &st->matches[st->nmatches++];
    m->start = ln->start + b;
    m->end = ln->start + end;
    m->cat = en->cat;
    m->strong = en->strong;
    ln->match_count++;
    return SCRUB_OK;
}

/* The terms that end at s[end - 1] in state q of the automaton (s is the
 * line), every category of a term listed in several. */
static int report_matches(filter_state *st, const scrub__ac *ac, const unsigned char *s,
                          line_t *ln, uint32_t q, size_t end)
{
    for (uint32_t o = scrub__ac_out(ac, q); o; o = ac->dict[o])
        for (int32_t id = ac->match[o]; id >= 0; id = ac->same[id])
            if (report_entry(st, &ac->entries[id], s, ln, end) != SCRUB_OK) return SCRUB_E_NOMEM;
    return SCRUB_OK;
}

/* The caller's lexicon, in a scan of its own after the character scan
 * (which steps the builtin one). */
static int scan_lexicon(filter_state *st, const scrub__ac *ac, const char *text, line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    uint32_t q = 0;
    for (size_t i = 0; i < ln->len; i++) {
        q = scrub__ac_step(ac, q, s[i]);
        if (SCRUB_LIKELY(!(q & SCRUB__AC_OUT))) continue;
        q &= ~SCRUB__AC_OUT;
        if (report_matches(st, ac, s, ln, q, i + 1) != SCRUB_OK) return SCRUB_E_NOMEM;
    }
    return SCRUB_OK;
}

/* "1. ", "2)", "a) ", "3、", "• ", "- ", "一、", "（一）": a list item.  Each
 * shape has its own first byte, so that byte picks the one test to make.
 * A lettered item is often a clause that ends in a comma (a licence's
 * conditions, a law's points): neither a sentence nor a menu entry. */
static bool list_item(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    if (i == n) return false;
    unsigned char b = s[i];
    if (b >= '0' && b <= '9') {
        size_t d = i;
        while (d < n && s[d] >= '0' && s[d] <= '9') d++;
        if (d - i <= 3 && d < n && (s[d] == '.' || s[d] == ')')) return true;
        return d - i <= 3 && d + 3 <= n && memcmp(s + d, "\xE3\x80\x81", 3) == 0;
    }
    if (b == '-' || b == '*') return i + 2 <= n && s[i + 1] == ' ';
    if (b >= 'a' && b <= 'z') return i + 3 <= n && s[i + 1] == ')' && s[i + 2] == ' ';
    if (b == 0xE2) { /* • and an en dash with a space or NBSP: "–  item" */
        if (i + 3 > n) return false;
        if (memcmp(s + i, "\xE2\x80\xA2", 3) == 0) return true;
        return memcmp(s + i, "\xE2\x80\x93", 3) == 0 && i + 4 < n &&
               (s[i + 3] == ' ' || (s[i + 3] == 0xC2 && s[i + 4] == 0xA0));
    }
    if (b == 0xEF) return i + 3 <= n && memcmp(s + i, "\xEF\xBC\x88", 3) == 0; /* （ */
    if ((b == 0xE4 || b == 0xE5) && i + 6 <= n && memcmp(s + i + 3, "\xE3\x80\x81", 3) == 0) {
        _Static_assert(SCRUB__WORDS_LIST_ITEM_BYTES == 3, "one character each"); /* 一、 */
        for (size_t k = 0; k < SCRUB__WORDS_LIST_ITEM_N; k++)
            if (memcmp(s + i, scrub__words_list_item[k], 3) == 0) return true;
    }
    return false;
}

/* ASCII in the character scan: one table load says what a byte is. */
enum { A_ALPHA = 1, A_UPPER = 2, A_DIGIT = 4, A_SPACE = 8, A_SEP = 16 };

static const uint8_t ascii_class[128] = {
    ['\t'] = A_SPACE, ['\v'] = A_SPACE, ['\f'] = A_SPACE, ['\r'] = A_SPACE, [' '] = A_SPACE,
    [','] = A_SEP, ['/'] = A_SEP, [';'] = A_SEP, ['_'] = A_SEP, ['|'] = A_SEP,
    ['0'] = A_DIGIT, ['1'] = A_DIGIT, ['2'] = A_DIGIT, ['3'] = A_DIGIT, ['4'] = A_DIGIT,
    ['5'] = A_DIGIT, ['6'] = A_DIGIT, ['7'] = A_DIGIT, ['8'] = A_DIGIT, ['9'] = A_DIGIT,
#define UP(c) [c] = A_ALPHA | A_UPPER, [c + 32] = A_ALPHA
    UP('A'), UP('B'), UP('C'), UP('D'), UP('E'), UP('F'), UP('G'), UP('H'), UP('I'),
    UP('J'), UP('K'), UP('L'), UP('M'), UP('N'), UP('O'), UP('P'), UP('Q'), UP('R'),
    UP('S'), UP('T'), UP('U'), UP('V'), UP('W'), UP('X'), UP('Y'), UP('Z'),
#undef UP
};

/* The builtin lexicon's automaton, stepped by the character scan: one
 * pass over the line's bytes feeds the features and the lexicon. */
typedef struct {
    filter_state *st;
    const scrub__ac *ac;
    const uint8_t *cls;
    const uint32_t *delta;
    uint32_t q;     /* row of the current state */
    unsigned force; /* 1 when no Han character may skip the steps (!ac->utf8) */
    int rc;
} lex_scan;

/* Running state of the character scan of one line. */
typedef struct {
    lex_scan lex;
    bool in_word, in_space, tab;
    uint32_t run, best;  /* digits in a run that may hold '-' (phones) */
    size_t wstart;       /* start of the current ASCII word */
    uint32_t p1;         /* the previous code point (a run of > counts once) */
    int pin;             /* pinyin state: 1 after Han, 2 inside "(" */
    unsigned pin_letters;
    bool pin_tone;
    uint64_t hash;
    size_t kept;
    uint32_t first, last; /* the first and last characters that are not spaces */
} scan_state;

static bool tone_letter(uint32_t cp)
{
    switch (cp) {
    case 0xE0: case 0xE1: case 0xE8: case 0xE9: case 0xEC: case 0xED: case 0xF2: case 0xF3:
    case 0xF9: case 0xFA: case 0xFC: case 0x101: case 0x113: case 0x11B: case 0x12B:
    case 0x14D: case 0x16B: case 0x1CE: case 0x1D0: case 0x1D2: case 0x1D4: case 0x1D6:
    case 0x1D8: case 0x1DA: case 0x1DC:
        return true;
    default:
        return false;
    }
}

/* After a Han character (which sets pin to 1): the next characters, while
 * pin is set. */
static void pinyin_step(line_t *ln, scan_state *ss, uint32_t cp)
{
    if (ss->pin == 1 && cp == '(') {
        ss->pin = 2;
        ss->pin_letters = 0;
        ss->pin_tone = false;
    } else if (ss->pin == 2 && cp >= 'a' && cp <= 'z') {
        ss->pin_letters++;
    } else if (ss->pin == 2 && tone_letter(cp)) {
        ss->pin_letters++;
        ss->pin_tone = true;
    } else {
        if (ss->pin == 2 && cp == ')' && ss->pin_tone && ss->pin_letters <= 8 &&
            ln->pinyin < UINT16_MAX)
            ln->pinyin++;
        ss->pin = 0;
    }
}

/* 年至年 / 年到年 / 月至月 / 医院医院: spinning deleted the numbers or names.
 * p1..p3 are the three code points before cp. */
static bool spun_hit(uint32_t cp, uint32_t p1, uint32_t p2, uint32_t p3)
{
    bool hit = ((cp == 0x5E74 && p2 == 0x5E74) || (cp == 0x6708 && p2 == 0x6708)) &&
               (p1 == 0x81F3 || p1 == 0x5230);
    return hit || (cp == 0x9662 && p1 == 0x533B && p2 == 0x9662 && p3 == 0x533B);
}

/* The case of a word's first letter, in the cased alphabets that most
 * web text uses (Latin, Greek, Cyrillic); other scripts have none. */
/* The case of a letter that starts a word: 1 upper, -1 lower, 0 unknown
 * (scripts without case, or outside the Latin, Greek and Cyrillic blocks
 * this looks at). */
static inline int letter_case(uint32_t cp)
{
    if (cp < 0x80) return cp <= 'Z' ? 1 : -1;
    if (cp < 0x100) return cp < 0xDF ? 1 : -1;
    if (cp < 0x180) { /* pairs, upper first; shifted by one in two runs */
        bool odd_first = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        return (cp & 1) == odd_first ? 1 : -1;
    }
    if (cp >= 0x391 && cp <= 0x3C9) return cp <= 0x3A9 ? 1 : cp >= 0x3B1 ? -1 : 0;
    if (cp >= 0x400 && cp <= 0x45F) return cp <= 0x42F ? 1 : -1;
    return 0;
}

static void word_case(line_t *ln, uint32_t cp)
{
    int c = letter_case(cp);
    ln->ncap_init += c > 0;
    ln->nlow_init += c < 0;
}

static void end_word(line_t *ln, scan_state *ss, const unsigned char *s, size_t i)
{
    if (ss->in_word && is_stopword(s + ss->wstart, i - ss->wstart)) ln->nstop++;
    ss->in_word = false;
}

static void start_word(line_t *ln, scan_state *ss, uint32_t cp, size_t i)
{
    if (!ss->in_word) {
        ln->nwords++;
        ss->wstart = i;
        word_case(ln, cp);
    }
    ss->in_word = true;
}

/* Every character but Han (a spinning pattern is all Han: han_run() finds
 * it inside the run). */
static inline void after_char(line_t *ln, scan_state *ss, uint32_t cp)
{
    /* after a Han run, only "(" keeps the pinyin state */
    if (ss->pin == 1 && cp != '(') ss->pin = 0;
    else if (SCRUB_UNLIKELY(ss->pin)) pinyin_step(ln, ss, cp);
    ss->p1 = cp;
}

/* Keeps state q (flagged), reached at s[end - 1], for report_hits();
 * returns q unflagged. */
static uint32_t lex_report(lex_scan *lx, uint32_t q, size_t end)
{
    filter_state *st = lx->st;
    q &= ~SCRUB__AC_OUT;
    if (scrub__grow((void **)&st->hits, &st->cap_hits, st->nhits + 1, sizeof *st->hits) !=
        SCRUB_OK) {
        lx->rc = SCRUB_E_NOMEM;
        return q;
    }
    st->hits[st->nhits++] = (hit_t){q, end};
    return q;
}

/* The terms of the states lex_report() kept, in their order, once the
 * line's features are known. */
static int report_hits(filter_state *st, const scrub__ac *ac, const unsigned char *s,
                       line_t *ln)
{
    for (size_t k = 0; k < st->nhits; k++)
        if (report_matches(st, ac, s, ln, st->hits[k].q, st->hits[k].end) != SCRUB_OK)
            return SCRUB_E_NOMEM;
    return SCRUB_OK;
}

/* Steps the automaton over s[i..i+k), keeping the states that report
 * terms. */
static inline void lex_bytes(lex_scan *lx, const unsigned char *s, size_t i, size_t k)
{
    uint32_t q = lx->q;
    for (size_t e = i + k; i < e; i++) {
        q = lx->delta[q + lx->cls[s[i]]];
        if (SCRUB_UNLIKELY(q & SCRUB__AC_OUT)) q = lex_report(lx, q, i + 1);
    }
    lx->q = q;
}

/* 无码视频-中文天堂-国产精品: a hyphen between two Han characters joins
 * no word (Chinese has none to join); keyword lists use it as a comma. */
static ALWAYS_INLINE bool han_dash(uint32_t before, const unsigned char *s, size_t n, size_t i)
{
    return before - 0x4E00u <= 0x9FFFu - 0x4E00u && i + 1 < n && s[i + 1] - 0xE4u <= 0xE9u - 0xE4u;
}

/* One ASCII character: the general steps of count_other() below, with
 * the class tests answered by ascii_class[]. */
static ALWAYS_INLINE void ascii_char(line_t *ln, scan_state *ss, const unsigned char *s,
                                     size_t n, size_t i)
{
    uint32_t cp = s[i];
    unsigned c = ascii_class[cp];
    lex_bytes(&ss->lex, s, i, 1);
    ln->nchar++;
    if (ss->in_word && !(c & A_ALPHA)) end_word(ln, ss, s, i);
    if (c & (A_ALPHA | A_DIGIT)) {
        ss->hash = scrub__hash_step(ss->hash, c & A_DIGIT ? '0' : cp | 32);
        ss->kept++;
    }
    if (c & A_SPACE) {
        ln->nspace++;
        if (!ss->in_space && ln->nchar > 1) ln->nsep_space++;
        ss->in_space = true;
        if (cp != ' ') {
            ss->run = 0;
            ss->tab |= cp == '\t';
        }
    } else {
        ss->in_space = false;
        if (c & A_DIGIT) {
            ln->ndigit++;
            if (++ss->run > ss->best) ss->best = ss->run;
        } else if (cp != '-') {
            ss->run = 0;
        }
        if (c & A_ALPHA) {
            ln->nalpha++;
            ln->nupper += (c & A_UPPER) != 0;
            start_word(ln, ss, cp, i);
        } else if (c & A_SEP) {
            ln->nsep++;
        } else if (cp == '-' && han_dash(ss->last, s, n, i)) {
            ln->nsep++;
        } else if (cp == '>' && ss->p1 != cp) {
            ln->crumbs++; /* a run (查看全文>>) counts once */
        } else if (cp == ':' && i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/') {
            ln->url = true;
        }
        if ((cp | 32) == 'w' && i + 4 <= n && (s[i + 1] | 32) == 'w' && (s[i + 2] | 32) == 'w' &&
            s[i + 3] == '.')
            ln->url = true;
        if (!ss->first) ss->first = cp;
        ss->last = cp;
    }
    after_char(ln, ss, cp);
}

/* The classes of a character that is neither ASCII nor Han. */
enum { O_ALPHA = 1, O_SPACE = 2, O_CJK = 4, O_FUNC = 8, O_SEP = 16, O_DROPPED = 32 };
typedef struct {
    uint32_t fold;
    uint8_t cls;
} other_class;

static other_class other_of(uint32_t cp)
{
    other_class o = {scrub__norm_fold(cp), 0};
    if (is_alpha(cp)) o.cls |= O_ALPHA;
    if (is_space(cp)) o.cls |= O_SPACE;
    if (is_cjk(cp)) o.cls |= O_CJK;
    if (is_cjk(cp) && is_func(cp)) o.cls |= O_FUNC;
    if (is_sep(cp)) o.cls |= O_SEP;
    if (scrub__norm_dropped(cp)) o.cls |= O_DROPPED;
    return o;
}

/* The punctuation blocks (U+2000..U+206F: “”—…•, U+3000..U+303F: 。、《》,
 * U+FF00..U+FF65: ，：（） and full-width forms), most of the other
 * characters of Chinese text, answered by one load; filled once from the
 * tests above. */
#define PUNCT_GEN 0x70
#define PUNCT_CJK 0x40
#define PUNCT_FULL 0x66
/* and U+0080..U+024F (Latin-1 and Latin Extended-A/B: é, ü, ·, ç), the
 * letters of the European text beside Chinese */
#define PUNCT_LATIN 0x1D0
static other_class punct_class[PUNCT_GEN + PUNCT_CJK + PUNCT_FULL + PUNCT_LATIN];
static scrub__once punct_once = SCRUB__ONCE_INIT;

static int build_punct_class(void)
{
    other_class *t = punct_class;
    for (uint32_t k = 0; k < PUNCT_GEN; k++) *t++ = other_of(0x2000 + k);
    for (uint32_t k = 0; k < PUNCT_CJK; k++) *t++ = other_of(0x3000 + k);
    for (uint32_t k = 0; k < PUNCT_FULL; k++) *t++ = other_of(0xFF00 + k);
    for (uint32_t k = 0; k < PUNCT_LATIN; k++) *t++ = other_of(0x80 + k);
    return SCRUB_OK;
}

static inline other_class class_of(uint32_t cp)
{
    if (cp - 0x3000u < PUNCT_CJK) return punct_class[PUNCT_GEN + cp - 0x3000u];
    if (cp - 0xFF00u < PUNCT_FULL) return punct_class[PUNCT_GEN + PUNCT_CJK + cp - 0xFF00u];
    if (cp - 0x2000u < PUNCT_GEN) return punct_class[cp - 0x2000u];
    if (cp - 0x80u < PUNCT_LATIN) return punct_class[PUNCT_GEN + PUNCT_CJK + PUNCT_FULL + cp - 0x80u];
    return other_of(cp);
}

/* A character that is neither ASCII nor Han (nor invalid Han bytes). */
static void count_other(line_t *ln, scan_state *ss, uint32_t cp, const unsigned char *s,
                        size_t i)
{
    other_class o = class_of(cp);
    ln->nchar++;
    bool alpha = o.cls & O_ALPHA;
    if (ss->in_word && !alpha) end_word(ln, ss, s, i);
    if (!(o.cls & O_DROPPED)) {
        ss->hash = scrub__hash_step(ss->hash, o.fold);
        ss->kept++;
    }
    if (o.cls & O_SPACE) {
        ln->nspace++;
        if (!ss->in_space && ln->nchar > 1) ln->nsep_space++;
        ss->in_space = true;
        ss->run = 0;
        return;
    }
    ss->in_space = false;
    if (cp != 0x2014) ss->run = 0;
    if (!ss->first) ss->first = cp;
    ss->last = cp;
    if (o.cls & O_CJK) {
        ln->ncjk++;
        ln->nfunc += (o.cls & O_FUNC) != 0;
    } else if (alpha) {
        ln->nalpha++;
        start_word(ln, ss, cp, i);
    } else if (o.cls & O_SEP) {
        ln->nsep++;
    } else if (cp == 0xFF1E && ss->p1 != cp) {
        ln->crumbs++;
    }
}

/* Decodes the code point at s[i] (not ASCII); the 3-byte case inline. */
static inline size_t decode_at(const unsigned char *s, size_t n, size_t i, uint32_t *cp,
                               size_t *invalid)
{
    unsigned char b = s[i];
    if (b >= 0xE1 && b <= 0xEC && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 &&
        (s[i + 2] & 0xC0) == 0x80) {
        *cp = (uint32_t)(b & 0x0F) << 12 | (uint32_t)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
        return 3;
    }
    size_t k = scrub__utf8_decode(s + i, n - i, cp);
    if (*cp == SCRUB__REPLACEMENT && !(k == 3 && b == 0xEF)) (*invalid)++;
    return k;
}

/* 。！？；： (and ASCII ! ?): a verse, a question, a line that leads into
 * what follows; menus and link titles rarely end so. */
static bool zh_sentence_end(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == 0xFF1A ||
           cp == '!' || cp == '?';
}

/* The Han character (U+4E00..U+9FFF, always three bytes) at p. */
static inline uint32_t han_cp(const unsigned char *p)
{
    return (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
}

/* The three bytes at p as a big-endian number, or UINT32_MAX when fewer
 * are left before end: one load where a fourth byte is readable (p <
 * lim). */
static inline uint32_t load3(const unsigned char *p, const unsigned char *lim,
                             const unsigned char *end)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (SCRUB_LIKELY(p < lim)) {
        uint32_t w;
        memcpy(&w, p, 4);
        return __builtin_bswap32(w) >> 8;
    }
#else
    (void)lim;
#endif
    if (end - p < 3) return UINT32_MAX;
    return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

/* The Han character `back` (1..3) characters before p inside the run that
 * began at rs, or 0 before the run (no Han character: runs are maximal). */
static uint32_t run_prev(const unsigned char *rs, const unsigned char *p, unsigned back)
{
    return (size_t)(p - rs) >= 3 * back ? han_cp(p - 3 * back) : 0;
}

/* Spinning patterns found at the 年, 月 or 院 at p. */
static uint32_t run_spun(const unsigned char *rs, const unsigned char *p, uint32_t cp)
{
    return spun_hit(cp, run_prev(rs, p, 1), run_prev(rs, p, 2), run_prev(rs, p, 3));
}

/* The automaton over the Han character at p from state q: three steps,
 * with the matches looked for at the end only when no term ends inside a
 * character (force is 0: the terms are valid UTF-8). */
static ALWAYS_INLINE uint32_t lex_han(lex_scan *lx, const unsigned char *s,
                                      const unsigned char *p, uint32_t q, bool force)
{
    if (force) {
        lx->q = q;
        lex_bytes(lx, s, (size_t)(p - s), 3);
        return lx->q;
    }
    const uint32_t *delta = lx->delta;
    const uint8_t *cls = lx->cls;
    /* no term ends after a lead or first trail byte, so neither state
     * carries SCRUB__AC_OUT; size_t rows need no zero extension */
    size_t r = delta[(size_t)q + cls[p[0]]];
    r = delta[r + cls[p[1]]];
    q = delta[r + cls[p[2]]];
    if (SCRUB_UNLIKELY(q & SCRUB__AC_OUT)) q = lex_report(lx, q, (size_t)(p + 3 - s));
    return q;
}

/* A run of Han characters from s[i] (most of a Chinese line): every one
 * costs a decode, one table load, the hash step and the counts; the
 * spinning test looks back only at 年, 月 and 院, and the word, space,
 * pinyin and first/last state change once per run.  Returns the end of
 * the run (i when s[i] is no Han character).  `valid`: the text is known
 * to be valid UTF-8, where a lead byte E4..E9 always has its two trail
 * bytes, so the range test alone finds a Han character. */
static ALWAYS_INLINE size_t han_run(line_t *ln, scan_state *ss, const unsigned char *s,
                                    size_t n, size_t i, bool force, bool valid)
{
    const unsigned char *rs = s + i, *p = rs, *end = s + n, *lim = n >= 4 ? end - 3 : s;
    uint32_t func = 0, spun = 0, q = ss->lex.q, cp = 0;
    uint64_t h = ss->hash;
    const uint16_t *flags = scrub__han_flags;
    const uint32_t *root = scrub__han_root;
    for (;; p += 3) {
        uint32_t v = load3(p, lim, end);
        /* E4 B8 80 (U+4E00) .. E9 BF BF (U+9FFF), trail bytes 10xxxxxx */
        if ((!valid && (v & 0xC0C0) != 0x8080) || v - 0xE4B880u > 0xE9BFBFu - 0xE4B880u) break;
        cp = (v >> 4 & 0xF000) | (v >> 2 & 0x0FC0) | (v & 0x3F);
        unsigned f = flags[(size_t)cp - SCRUB__HAN_FIRST]; /* size_t: one address */
        func += f & SCRUB__HAN_FUNC;
        h = scrub__hash_step(h, cp);
        if (SCRUB_UNLIKELY(f & SCRUB__HAN_SPUN)) spun += run_spun(rs, p, cp);
        /* a character that no term holds leads back to the root from any
         * state (the terms are valid UTF-8: no term ends inside one);
         * from the root, one that starts a term takes one load */
        if (force || (f & SCRUB__HAN_IN)) {
            if (!force && !q) {
                q = root[f >> SCRUB__HAN_ID_SHIFT];
                if (SCRUB_UNLIKELY(q & SCRUB__AC_OUT)) q = lex_report(&ss->lex, q, (size_t)(p + 3 - s));
            } else {
                q = lex_han(&ss->lex, s, p, q, force);
            }
        } else {
            q = 0;
        }
    }
    if (p == rs) return i;
    ss->lex.q = q;
    uint32_t count = (uint32_t)((size_t)(p - rs) / 3);
    if (ss->in_word) end_word(ln, ss, s, i);
    ss->in_space = false;
    ss->run = 0;
    ss->pin = 1;
    if (!ss->first) ss->first = han_cp(rs);
    ss->last = ss->p1 = cp; /* the run's last character */
    if (SCRUB_UNLIKELY(spun))
        ln->spun = (uint16_t)(ln->spun + spun > UINT16_MAX ? UINT16_MAX : ln->spun + spun);
    ln->nchar += count;
    ln->ncjk += count;
    ln->nfunc += func;
    ss->kept += count;
    ss->hash = h;
    return (size_t)(p - s);
}

/* "...今天小编整理了...", "...他......": a listing cuts another page's
 * summary with dots or one "…"; prose pauses with "……" (two), which is no
 * cut. */
bool scrub__cut_short(const unsigned char *s, size_t n)
{
    while (n && s[n - 1] == ' ') n--;
    if (n >= 3 && memcmp(s + n - 3, "...", 3) == 0) return true;
    return n >= 3 && memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0 &&
           !(n >= 6 && memcmp(s + n - 6, "\xE2\x80\xA6", 3) == 0);
}

/* What the first and last characters (not spaces) of a line say.  Most
 * lines of Chinese text start and end with a Han character, which none
 * of the tests asks for (ln is cleared: the flags stay false). */
static void edge_shape(line_t *ln, const unsigned char *s, size_t n, uint32_t first,
                       uint32_t last)
{
    if (last - 0x4E00u > 0x9FFFu - 0x4E00u) {
        ln->term = is_term(last);
        ln->qterm = last == '?' || last == 0xFF1F;
        ln->send = zh_sentence_end(last);
        ln->comma = last == 0xFF0C || last == 0x3001;
        ln->stop = last == 0x3002 || last == 0xFF1B;
        ln->colon = last == ':' || last == 0xFF1A;
        ln->paren = (first == '(' || first == 0xFF08) && (last == ')' || last == 0xFF09);
        ln->bracket = first == '[' && last == ']';
        /* Chinese listings: an English line may trail off in "..." */
        if ((last == '.' || last == 0x2026) && ln->ncjk > ln->nwords && scrub__cut_short(s, n))
            ln->odd |= ODD_CUT;
        if (ln->ncjk - 1u < 3u && !ln->nalpha) ln->odd |= ODD_MARK;
    }
    if (first - 0x4E00u > 0x9FFFu - 0x4E00u)
        ln->code = first == '{' || first == '}' || first == '<' || first == '>' ||
                   (first == ';' && ln->nchar < 4) || (n >= 4 && memcmp(s, "var ", 4) == 0) ||
                   /* `function(` or `function name(`, not prose's `functions ...` */
                   (n >= 9 && memcmp(s, "function", 8) == 0 && (s[8] == ' ' || s[8] == '('));
}

/* The features of a line and its hits of the builtin lexicon (ac), in one
 * pass.  `valid`: the text is known to be valid UTF-8 (see han_run). */
static int scan_chars(filter_state *st, const scrub__ac *ac, line_t *ln, const char *text,
                      bool valid, size_t *invalid)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len;
    scan_state ss;
    memset(&ss, 0, sizeof ss);
    ss.in_space = true;
    ss.hash = SCRUB__HASH_INIT;
    ss.lex = (lex_scan){st, ac, ac->cls, ac->delta, 0, !ac->utf8, SCRUB_OK};
    st->nhits = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            ascii_char(ln, &ss, s, n, i++);
            continue;
        }
        size_t e = ss.lex.force ? han_run(ln, &ss, s, n, i, true, false)
                   : valid      ? han_run(ln, &ss, s, n, i, false, true)
                                : han_run(ln, &ss, s, n, i, false, false);
        if (e != i) {
            /* 点 and 點 (E7 82 B9, E9 BB 9E) after a letter or digit: once a run */
            if (SCRUB_UNLIKELY(i && s[i - 1] < 0x80 && ascii_alnum(s[i - 1]) && ((s[i] == 0xE7 && s[i + 1] == 0x82 && s[i + 2] == 0xB9) ||
                                                           (s[i] == 0xE9 && s[i + 1] == 0xBB && s[i + 2] == 0x9E))))
                ln->dotted = true;
            i = e;
            continue;
        }
        uint32_t cp;
        size_t k = decode_at(s, n, i, &cp, invalid);
        if (SCRUB_UNLIKELY(i && s[i - 1] < 0x80 && (cp == 0x3002 || cp == 0xFF0E) && ascii_alnum(s[i - 1])))
            ln->dotted = true;
        st->saw_wide |= cp - 0xFF21u <= 0xFF5Au - 0xFF21u;
        lex_bytes(&ss.lex, s, i, k);
        count_other(ln, &ss, cp, s, i);
        after_char(ln, &ss, cp);
        i += k;
    }
    if (ss.in_word) end_word(ln, &ss, s, n);
    if (ss.in_space && ln->nsep_space) ln->nsep_space--; /* trailing spaces separate nothing */
    ln->hash = scrub__hash_final(ss.hash, ss.kept);
    ln->phone = ss.best >= 7;
    ln->run4 = ss.best >= 4; /* best counts '-' too: never under a pure run */
    ln->item = list_item(s, n);
    ln->tab = ss.tab;
    ln->indent = n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0;
    edge_shape(ln, s, n, ss.first, ss.last);
    ln->units = ln->ncjk + ln->nwords;
    /* spaces separate words in alphabetic text, pieces in CJK text */
    if (ln->ncjk >= ln->nwords) ln->nsep += ln->nsep_space;
    ln->nseg = ln->nsep + 1;
    if (ss.lex.rc != SCRUB_OK) return ss.lex.rc;
    return report_hits(st, ac, s, ln);
}

/* "17.03.2015", "17/03/2015", "17. 3. 2015": day, month and year of
 * Europe and Latin America, from the day's digits at s[i] (d of them). */
static FILTER_NOINLINE bool dmy_at(const unsigned char *s, size_t n, size_t i, size_t d)
{
    for (int part = 0; part < 2; part++) {
        if (d < 1 || d > 2) return false;
        i += d;
        if (i >= n || (s[i] != '.' && s[i] != '/')) return false;
        if (++i < n && s[i] == ' ') i++;
        d = digits_at(s, n, i);
    }
    return d == 4;
}

bool scrub__has_date(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    for (size_t i = 0; i + 6 <= ln->len; i++) {
        if ((unsigned)(s[i] - '0') > 9) continue; /* most bytes: no digit starts here */
        size_t d = digits_at(s, ln->len, i);
        /* a day of one or two digits then '.' or '/' (17.03.2015, 2/26/2015) */
        if (d && d <= 2 && i + d < ln->len && (s[i + d] == '.' || s[i + d] == '/') &&
            (i == 0 || (s[i - 1] != '.' && s[i - 1] != '/')) && dmy_at(s, ln->len, i, d))
            return true;
        if (d != 4) {
            i += d;
            continue;
        }
        size_t j = i + 4;
        if (j < ln->len && (s[j] == '-' || s[j] == '/' || s[j] == '.')) j++;
        else if (j + 3 <= ln->len && memcmp(s + j, "\xE5\xB9\xB4", 3) == 0) j += 3; /* 年 */
        else {
            i += d;
            continue;
        }
        if (j < ln->len && s[j] >= '0' && s[j] <= '9') return true;
        i += d;
    }
    return false;
}

/* A time of day, 9:05 or 18:57 (ASCII colon), as datelines carry. */
bool scrub__has_clock(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    for (size_t i = 1; i + 2 < ln->len; i++)
        if (s[i] == ':' && s[i - 1] >= '0' && s[i - 1] <= '9' && s[i + 1] >= '0' &&
            s[i + 1] <= '9' && s[i + 2] >= '0' && s[i + 2] <= '9')
            return true;
    return false;
}

/* "2:51 PM", "14:05", "5:42 p.m.": a time of day and nothing else -- the
 * time a comment or a live post was made, never the article's words.
 * Inlined: classify_each calls it for every short line with digits. */
ALWAYS_INLINE bool scrub__clock_alone(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len, i = 0, d;
    while (i < n && s[i] == ' ') i++;
    while (n > i && s[n - 1] == ' ') n--;
    d = digits_at(s, n, i);
    if (d < 1 || d > 2 || i + d + 3 > n || s[i + d] != ':' || digits_at(s, n, i + d + 1) != 2)
        return false;
    i += d + 3;
    if (i < n && s[i] == ' ') i++;
    if (i == n) return true;
    /* am, pm, a.m., p.m. in any case */
    unsigned char c = s[i] | 32;
    if (c != 'a' && c != 'p') return false;
    i += 1 + (i + 1 < n && s[i + 1] == '.');
    if (i == n || (s[i] | 32) != 'm') return false;
    i += 1 + (i + 1 < n && s[i + 1] == '.');
    return i == n;
}

/* ---- pass 2: the line alone --------------------------------------------- */

/* Prose in a language without stop words in our list (Czech, Polish,
 * Hungarian ...): many words, most of them lower case, where titles and
 * menus capitalize. */
bool scrub__lowercase_prose(const line_t *ln)
{
    uint32_t cased = ln->nlow_init + ln->ncap_init;
    return ln->nwords >= 10 && cased >= 10 && ln->nlow_init * 10 >= cased * 6;
}

static ALWAYS_INLINE bool sentence_shape(const line_t *ln)
{
    double mean_seg = fdiv((double)(ln->nchar - ln->nspace), (double)ln->nseg);
    if (ln->ncjk >= ln->nwords) {
        double func = fdiv(ln->nfunc, ln->ncjk);
        if (ln->nseg >= 6 && mean_seg < 8 && func < 0.03) return false;
        if (ln->term && ln->ncjk >= 12) return true;
        if (ln->qterm && ln->ncjk >= 30 && func >= 0.03) return true;
        return ln->ncjk >= 40 && func >= 0.02 && mean_seg >= 8;
    }
    double stop = fdiv(ln->nstop, ln->nwords);
    if (ln->nseg >= 6 && mean_seg < 8) return false;
    if (ln->nupper * 2 > ln->nalpha && ln->nalpha > 10) return false;
    if (ln->nwords >= 6 && ln->term && stop >= 0.08) return true;
    if (ln->term && scrub__lowercase_prose(ln)) return true;
    return ln->nwords >= 16 && stop >= 0.15;
}

/* jusText's "near-good": long enough and shaped like prose, but without
 * the sentence punctuation; kept when it sits in the body. */
static bool near_shape(const line_t *ln)
{
    if (ln->good) return false;
    double mean_seg = fdiv((double)(ln->nchar - ln->nspace), (double)ln->nseg);
    if (ln->ncjk >= ln->nwords) return ln->ncjk >= 16 && mean_seg >= 6 && ln->nseg <= 4;
    return ln->nwords >= 8 && fdiv(ln->nstop, ln->nwords) >= 0.15 &&
           !(ln->nupper * 2 > ln->nalpha);
}

typedef struct {
    int label;
    double score;
    const char *reason;
} verdict;

/* In alphabetic text a weak marker ("by ", "published", "comments") is
 * an ordinary word inside a phrase of lower-case words ("passed by
 * Congress"): past the line's start it marks only a few words or a line
 * of names and numbers ("7:11 AM PST BY TMZ STAFF"). */
static bool weak_marker_alpha(const line_t *ln, unsigned cat)
{
    /* a byline names someone or gives a date: "By changesets" heads a table */
    if (cat == SCRUB__CAT_META && ln->ncap_init < 2 && !ln->ndigit) return false;
    if (ln->units <= 4 || (cat_at(ln, cat) <= 6 && ln->units <= 40)) return true;
    return ln->units <= 12 && ln->nlow_init * 2 <= ln->nlow_init + ln->ncap_init;
}

/* In an alphabetic sentence even a strong marker ("lire aussi", "all
 * rights reserved") can be the author's words: it decides at the line's
 * start or on a short line. */
static bool strong_marker_alpha(const line_t *ln, unsigned cat)
{
    /* a consent or subscription banner opens with its marker and runs on
     * ("We use cookies and similar technologies to ...") */
    if (cat == SCRUB__CAT_WIDGET && cat_at(ln, cat) == 0) return ln->units <= 120;
    return ln->units <= 12 || (cat_at(ln, cat) <= 6 && ln->units <= 60);
}

/* A Chinese sentence quotes a strong marker as the author's words as
 * often as a site prints it (这些图片版权所有归原作者, 上述看法仅代表作者
 * 个人观点): on a line longer than a heading, past the line's start (本文,
 * 注： before it: held_start), the marker decides only where boilerplate
 * sits -- outside the body, or beside other boilerplate (held_markers). */
static bool held_marker(const line_t *ln)
{
    return ln->good && ln->units > 16;
}

enum { MARK_NO, MARK_YES, MARK_HELD };

/* Boilerplate markers: a strong marker decides on a line of up to 60
 * units; a weak one only on a short line, or at the start of a line that
 * is not a sentence. */
static int marker(const line_t *ln, unsigned cat)
{
    if (!has(ln, cat)) return MARK_NO;
    bool alpha = ln->ncjk < ln->nwords;
    if (strong(ln, cat) && alpha && ln->good) return strong_marker_alpha(ln, cat);
    if (strong(ln, cat)) {
        if (ln->units > 60 && (ln->good || ln->units > 120)) return MARK_NO;
        return held_marker(ln) ? MARK_HELD : MARK_YES;
    }
    if (ln->good) return MARK_NO;
    if (alpha) return weak_marker_alpha(ln, cat);
    return ln->units <= 12 || (cat_at(ln, cat) <= 6 && ln->units <= 40);
}

/* 欢迎访问澳门葡京娱乐场官网，注册即送彩金！: a short sentence that sells
 * gambling with two calls to act, one a verb asking the reader to do
 * something (注册, 开户, 登录, 下载), is an advert whatever its punctuation;
 * news of a casino or a lottery may cite its 官网 or 网址, it does not ask
 * the reader to sign up. */
static bool promo_sentence(const line_t *ln)
{
    if (!ln->good || ln->units > 40 || ln->hits[SCRUB__CAT_CTA] < 2 ||
        !strong(ln, SCRUB__CAT_CTA))
        return false;
    return strong(ln, SCRUB__CAT_GAMBLING) || ln->hits[SCRUB__CAT_GAMBLING] >= 2;
}

/* yabo手机版登录:相关标签：...: a brand with a verb asking the reader to
 * act (登录, 注册, 下载) is an advert on a longer line too -- the dev
 * adverts of 36 units came within 4 of the 40-unit limit of a brand
 * alone. */
static bool strong_cta_ad(const line_t *ln)
{
    return strong(ln, SCRUB__CAT_CTA) && ln->units <= 60;
}

static verdict spam_verdict(const line_t *ln)
{
    unsigned spam_any = ln->cats & SPAM_CATS;
    unsigned spam_strong = ln->strong & SPAM_CATS;
    unsigned weak_hits = ln->hits[SCRUB__CAT_GAMBLING] + ln->hits[SCRUB__CAT_PORN] +
                         ln->hits[SCRUB__CAT_MEDSEO] + ln->hits[SCRUB__CAT_BLACKSEO];
    double mean_seg = fdiv((double)(ln->nchar - ln->nspace), (double)ln->nseg);
    bool stuffing = ln->nseg >= 4 && mean_seg <= 12 && !ln->good && !ln->url;
    unsigned cat = spam_strong ? (unsigned)__builtin_ctz(spam_strong)
                               : spam_any ? (unsigned)__builtin_ctz(spam_any) : 0;
    if (stuffing && (spam_strong || weak_hits >= 3))
        return (verdict){SCRUB_LABEL_SPAM, 0.02, cat_why(ln, cat)};
    if (ln->good && promo_sentence(ln)) return (verdict){SCRUB_LABEL_AD, 0.05, "promo-sentence"};
    /* news may name a casino and cite its site; it never spells the
     * site's dots so that no link filter finds it */
    if (ln->spelled && spam_any && ln->units <= 80)
        return (verdict){SCRUB_LABEL_AD, 0.03, "spelled-domain"};
    if (ln->good) return (verdict){-1, 0, NULL};
    if (spam_strong && (ln->units <= 40 || ln->url || ln->phone || strong_cta_ad(ln)))
        return (verdict){SCRUB_LABEL_AD, 0.03, cat_why(ln, cat)};
    if (spam_any && (ln->url || ln->phone || (has(ln, SCRUB__CAT_CTA) && ln->units <= 20)) &&
        ln->units <= 60)
        return (verdict){SCRUB_LABEL_AD, 0.05, cat_why(ln, cat)};
    return (verdict){-1, 0, NULL};
}

/* Does the strong term that decided (the marker's reason) sit at the
 * line's start?  A weak term of its category may come first (记者查阅后
 * 发现，这份通报的原标题...), which cat_at gives; a term spelled otherwise
 * than listed (Copyright, a full-width colon) leaves cat_at. */
static bool held_start(const char *text, const line_t *ln, unsigned cat)
{
    const char *r = cat_why(ln, cat), *term = r ? strchr(r, ':') : NULL;
    size_t at = cat_at(ln, cat), n = term ? strlen(++term) : 0;
    if (at > 6) return false;
    for (size_t i = at; n && i + n <= ln->len; i++)
        if (memcmp(text + ln->start + i, term, n) == 0) return i <= 6;
    return true;
}

/* A line a held marker labelled, as the marker left it (no later rule,
 * nor the DOM, gave it a label of its own). */
bool scrub__still_held(const line_t *ln)
{
    return ln->held && ln->reason == cat_why(ln, marker_order[ln->held - 1].cat);
}

/* The first marker that decides gives the label; it is held (*held: 1 +
 * its marker_order entry) when every marker that decides is held. */
static verdict markers(const line_t *ln, uint8_t *held)
{
    verdict v = {-1, 0, NULL};
    for (size_t k = 0; k < sizeof marker_order / sizeof marker_order[0]; k++) {
        int m = marker(ln, marker_order[k].cat);
        if (m == MARK_NO) continue;
        if (v.label < 0) {
            v = (verdict){marker_order[k].label, 0.1, cat_why(ln, marker_order[k].cat)};
            *held = (uint8_t)(k + 1);
        }
        if (m == MARK_YES) {
            *held = 0;
            break;
        }
    }
    return v;
}

/* A byline names someone: in a cased script, some word is capitalized
 * ("(by changesets)" heads a table column). */
static bool names_someone(const line_t *ln)
{
    return ln->ncjk >= ln->nwords || ln->ncap_init > 0;
}

/* "March 25, 2015", "Mi., 25. März 2015": a month (or weekday) name, a
 * year and at most one other word -- a dateline, not a heading (in a
 * table it is a cell of data: "4.2.3<TAB>April 2014"). */
static bool date_alone(const line_t *ln)
{
    uint32_t names = ln->hits[SCRUB__CAT_DATE];
    if (!names || ln->good || ln->tab || ln->ncjk || ln->ndigit < 4) return false;
    /* a time of day adds its digits and AM/PM or a zone: "Mar 17, 2015, 3:14 PM" */
    if (ln->ndigit > 8) return ln->ndigit <= 12 && ln->nwords <= names + 2 && ln->nwords <= 4;
    return ln->nwords <= 5 && ln->nwords <= names + 1;
}

/* "Facebook Twitter Email", "Share Tweet Pin it": two or more network
 * names or share actions make most of a short line (not code: print(email)). */
static bool share_row(const line_t *ln)
{
    uint32_t names = ln->hits[SCRUB__CAT_SOCIAL];
    return names >= 2 && !ln->good && !ln->tab && !ln->code && ln->ncjk == 0 &&
           ln->nwords <= names * 2 && ln->nwords <= 12;
}

/* "posted on April 21, 2015, at 11:29 a.m.", "Pubblicato il 19 Febbraio
 * 2020": a byline marker opens a short line that gives a date in words --
 * a dateline even when it reads like a sentence. */
static bool dated_byline(const line_t *ln)
{
    return has(ln, SCRUB__CAT_META) && cat_at(ln, SCRUB__CAT_META) <= 6 &&
           has(ln, SCRUB__CAT_DATE) && ln->ncjk == 0 && ln->ndigit >= 4 && ln->ndigit <= 16 &&
           ln->units <= 16;
}

/* "Reply", "Learn more", "14 Photos": a widget's words alone on a line;
 * in a table row ("Comment" heads a column) they are data.  An author
 * line ("Karl sagt:") is one only inside a comment ("Obama said:" leads
 * into a quote). */
static bool button_line(const line_t *ln)
{
    bool words = has(ln, SCRUB__CAT_BUTTON) || has(ln, SCRUB__CAT_THREAD) || ln->reply;
    return words && !ln->tab;
}

/* (本文来源：经济日报 作者：刘洋), （來源：中央社）: a Chinese byline in
 * brackets that opens with its field -- a sentence by its punctuation,
 * which the fields make a byline ("(by ...)" in English heads a table
 * column). */
static bool paren_fields(const line_t *ln)
{
    return ln->ncjk >= ln->nwords && has(ln, SCRUB__CAT_META) &&
           cat_at(ln, SCRUB__CAT_META) <= 9 && ln->units <= 30;
}

/* 点赞 收藏 分享, 顶 踩, 檢舉 回到頂部, Reply Like Report: a row of two or
 * more buttons with nothing but spaces, numbers and symbols between them --
 * each term alone would be a button_line; together they are a toolbar.  The
 * terms must cover every letter of the line (CJK characters take three
 * bytes, a letter at least one). */
static bool button_row(const line_t *ln)
{
    return ln->btn_terms >= 2 && !ln->good && !ln->tab && ln->units <= 16 &&
           ln->btn_cov >= 3 * ln->ncjk + ln->nalpha;
}

/* Is the last Han character of s[0, n) 完 (E5 AE 8C)?  Only brackets,
 * dashes and spaces may follow it; most short lines fail at once. */
static bool ends_in_wan(const unsigned char *s, size_t n)
{
    for (size_t k = 0; n && k < 8; k++) {
        size_t b = n - 1;
        while (b && (s[b] & 0xC0) == 0x80) b--;
        if (n - b == 3 && s[b] >= 0xE4 && s[b] <= 0xE9)
            return s[b] == 0xE5 && s[b + 1] == 0xAE && s[b + 2] == 0x8C;
        n = b;
    }
    return false;
}

/* (完), 【完】, -完-, —— 全文完 ——, （本文完）: the mark a news agency or an
 * editor sets under the last paragraph, alone on its line with brackets,
 * dashes or spaces around it. */
static bool end_mark(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    char got[12];
    size_t n = 0;
    if (ln->nalpha || !ln->ncjk || ln->ncjk > 3 || !ends_in_wan(s, ln->len)) return false;
    for (size_t i = 0; i < ln->len;) {
        uint32_t cp;
        size_t k = scrub__utf8_decode(s + i, ln->len - i, &cp);
        if (!k) k = 1;
        if (is_cjk(cp)) {
            if (n + k > sizeof got) return false;
            memcpy(got + n, s + i, k);
            n += k;
        }
        i += k;
    }
    for (size_t m = 0; m < SCRUB__WORDS_END_MARK_N; m++)
        if (n == scrub__words_end_mark_len[m] && memcmp(got, scrub__words_end_mark[m], n) == 0)
            return true;
    return false;
}

/* "** STOP HERE: WORK IN PROGRESS **": an editor's note left in the text,
 * set off by asterisks and in capitals. */
static bool editor_note(const char *text, const line_t *ln)
{
    const char *p = text + ln->start;
    size_t b = 0, e = ln->len;
    while (b < e && p[b] == ' ') b++;
    while (e > b && p[e - 1] == ' ') e--;
    return e - b >= 6 && p[b] == '*' && p[b + 1] == '*' && p[e - 1] == '*' && p[e - 2] == '*' &&
           ln->nalpha && ln->nupper * 4 >= ln->nalpha * 3;
}

/* An e-mail address (x@y.z) somewhere in the line. */
static bool has_email(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    const unsigned char *at = memchr(s, '@', ln->len);
    for (; at; at = memchr(at + 1, '@', ln->len - (size_t)(at + 1 - s))) {
        size_t i = (size_t)(at - s);
        if (i == 0 || !ascii_alnum(s[i - 1])) continue;
        size_t j = i + 1;
        while (j < ln->len && (ascii_alnum(s[j]) || s[j] == '-')) j++;
        if (j > i + 1 && j + 1 < ln->len && s[j] == '.' && ascii_alnum(s[j + 1])) return true;
    }
    return false;
}

/* "pippin@pippinlee.com", "Contact Mark Di Stefano at mark@buzzfeed.com":
 * a short line, no sentence, that gives an e-mail address. */
static bool email_line(const char *text, const line_t *ln)
{
    return !ln->good && ln->units <= 12 && !ln->tab && has_email(text, ln);
}

static size_t field_name(const char *p, size_t n, const char *const *names, size_t k);

/* 2013-04-01 from s[i], alone in its run [i, e): a year of 19xx or 20xx,
 * a month and a day -- a date's digits. */
static bool dashed_date(const unsigned char *s, size_t i, size_t e)
{
    if (e - i < 8 || e - i > 10 || s[i + 4] != '-' ||
        (memcmp(s + i, "19", 2) != 0 && memcmp(s + i, "20", 2) != 0))
        return false;
    size_t d1 = digits_at(s, e, i + 5);
    if (d1 < 1 || d1 > 2 || i + 5 + d1 >= e || s[i + 5 + d1] != '-') return false;
    size_t at = i + 6 + d1, d2 = digits_at(s, e, at);
    return d2 >= 1 && d2 <= 2 && at + d2 == e;
}

/* 商品编码：11312278, ISBN：9787546206134: the run [b, e) of digits (no
 * separator) is the whole value of a field that names no contact (电话,
 * Tel ...): a code.  A mobile number (1 and ten digits) is a phone under
 * any name. */
static bool coded_field(const char *text, const line_t *ln, size_t b, size_t e)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    static const char *const names[] = {"phone", "tel", "fax", "mobile"};
    size_t f = field_prefix(text, ln), n = ln->len;
    while (n > e && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    while (f < b && s[f] == ' ') f++;
    if (!f || f != b || e != n || digits_at(s, e, b) != e - b || (e - b == 11 && s[b] == '1') ||
        has(ln, SCRUB__CAT_CONTACT))
        return false;
    const char *p = text + ln->start;
    return !field_name(p, ln->len, names, sizeof names / sizeof names[0]) &&
           !field_name(p, ln->len, scrub__words_field_name, SCRUB__WORDS_FIELD_NAME_N);
}

/* The scan counts seven digits in a run (dashes and spaces between) as a
 * phone's; false when every such run is something else: a date
 * (2013-04-01), an ISBN or EAN (978..., 13 digits) or a field's code. */
static bool phone_run(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len;
    for (size_t i = 0; i < n;) {
        if (s[i] < '0' || s[i] > '9') {
            i++;
            continue;
        }
        size_t e = i, digits = 0;
        for (;; e++) {
            bool digit = e < n && s[e] >= '0' && s[e] <= '9';
            bool joint = e + 1 < n && (s[e] == '-' || s[e] == ' ') && s[e + 1] >= '0' &&
                         s[e + 1] <= '9';
            if (!digit && !joint) break;
            digits += digit;
        }
        bool ean = digits == 13 && (memcmp(s + i, "978", 3) == 0 || memcmp(s + i, "979", 3) == 0);
        if (digits >= 7 && !ean && !dashed_date(s, i, e) && !coded_field(text, ln, i, e))
            return true;
        i = e;
    }
    return false;
}

/* ---- credits, counters and residue (issue 6: footer/widget/artifact) ---- */

/* Could a Han credit word start at p (its first byte E5)?  写 of
 * credit_word's own list, or the first character of one of words.txt's
 * credit_word (their lead byte E5 too, or the build stops here). */
static inline bool han_credit_start(const unsigned char *p, size_t n)
{
    _Static_assert(SCRUB__WORDS_CREDIT_WORD_LEAD == 0xE5, "credit_word: every term opens with E5");
    return n > 2 && ((p[1] == 0x86 && p[2] == 0x99) /* 写 */ ||
                     SCRUB__WORDS_CREDIT_WORD_FIRST_AT(p));
}

/* Could a credit word start at p (n > 0)?  Most lines start with none:
 * the first byte, or the first two of a character, decide. */
static bool credit_start(const unsigned char *p, size_t n)
{
    unsigned c = p[0] | (p[0] < 0x80 ? 32u : 0u), c1 = n > 1 ? p[1] : 0;
    switch (c) {
    case 'p': case 'i': case 'c': case 'f': case 'b': case '(': case '[':
        return true;
    case 0xD0: return c1 == 0xA4; /* Ф */
    case 0xD1: return c1 == 0x84; /* ф */
    case 0xE5: return han_credit_start(p, n);
    default:
        return false;
    }
}

/* Length of the first of words[0, k) that opens p, case folded for
 * ASCII, or 0. */
static size_t credit_in(const char *p, size_t n, const char *const *words, size_t k)
{
    unsigned char c0 = (unsigned char)p[0] | ((unsigned char)p[0] < 0x80 ? 32 : 0);
    for (size_t i = 0; i < k; i++) {
        if ((unsigned char)words[i][0] != c0) continue;
        size_t m = starts_with(p, n, words[i]);
        if (m && (m == n || !ascii_alnum((unsigned char)p[m]))) return m;
    }
    return 0;
}

/* Length of the credit word that opens p ("Photo", "Bild", "Фото", "写真",
 * "图片来源": data/lexicon/words.txt), or 0.  Longer words first. */
static size_t credit_word(const char *p, size_t n)
{
    if (!n) return 0;
    static const char *const words[] = {
        "photo credit", "image credit", "cr\303\251dit photo", "photograph", "photos", "photo",
        "fotos", "foto", "images", "imagen", "imagem", "image", "bilder", "bild", "picture",
        "\xD1\x84\xD0\xBE\xD1\x82\xD0\xBE", "\xD0\xA4\xD0\xBE\xD1\x82\xD0\xBE", /* фото Фото */
        "写真"};
    size_t m = credit_in(p, n, words, sizeof words / sizeof words[0]);
    return m ? m : credit_in(p, n, scrub__words_credit_word, SCRUB__WORDS_CREDIT_WORD_N);
}

/* After the credit word: " : ", "：" or " by " (von, par, por, di, de);
 * returns the offset past it, or 0. */
static size_t credit_sep(const char *p, size_t n, size_t i)
{
    static const char *const by[] = {"by ", "von ", "par ", "por ", "di ", "de "};
    while (i < n && p[i] == ' ') i++;
    if (i < n && p[i] == ':') return i + 1;
    if (i + 3 <= n && memcmp(p + i, "\xEF\xBC\x9A", 3) == 0) return i + 3;
    for (size_t k = 0; k < sizeof by / sizeof by[0]; k++) {
        size_t m = starts_with(p + i, n - i, by[k]);
        if (m) return i + m;
    }
    return 0;
}

/* Words (space-separated pieces) in p[i, n) and how many start with a
 * capital or a non-ASCII letter; CJK characters count as half a word. */
static void credit_words(const char *p, size_t n, size_t i, size_t *words, size_t *caps,
                         size_t *cjk)
{
    bool in = false;
    *words = *caps = *cjk = 0;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == ' ') {
            in = false;
            continue;
        }
        if (c >= 0xE3 && c <= 0xE9) (*cjk)++;
        if (!in) {
            (*words)++;
            *caps += (c >= 'A' && c <= 'Z') || c >= 0xC0;
        }
        in = true;
    }
}

/* "Photo: Reuters", "Foto: dpa", "(Photo by John Smith/Getty Images)",
 * "Фото: ТАСС", "写真：ロイター", "图片来源：视觉中国": a picture's credit
 * alone on its line, which the guideline counts as meta; a caption that
 * describes the picture ("Photo: A man walks along the flooded street")
 * has more words, most of them lower case. */
ALWAYS_INLINE bool scrub__photo_credit(const char *text, const line_t *ln)
{
    const char *p = text + ln->start;
    size_t n = ln->len, i = 0;
    if (!n || n > 80 || !credit_start((const unsigned char *)p, n) || ln->tab || ln->url)
        return false;
    bool paren = p[0] == '(' || p[0] == '[';
    i += paren;
    size_t m = credit_word(p + i, n - i);
    if (!m) return false;
    size_t after = credit_sep(p, n, i + m);
    if (!after) return false;
    size_t end = n - (paren && n > after && (p[n - 1] == ')' || p[n - 1] == ']'));
    size_t words, caps, cjk;
    credit_words(p, end, after, &words, &caps, &cjk);
    if (cjk) return cjk <= 10 && !ln->send;
    if (words == 0 || words > 6 || (end > after && p[end - 1] == '.')) return false;
    return words <= 3 || caps + 1 >= words;
}

/* "&nbsp;", "&amp;&amp;", "&#160;": entities an extractor left unescaped,
 * nothing else but spaces and symbols -- code residue. */
static bool entity_residue(const char *text, const line_t *ln)
{
    const char *p = text + ln->start;
    size_t n = ln->len, entities = 0;
    if (!memchr(p, '&', n)) return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == '&') {
            size_t j = i + 1;
            while (j < n && j - i <= 8 && (ascii_alnum((unsigned char)p[j]) || p[j] == '#')) j++;
            if (j < n && p[j] == ';' && j > i + 1) {
                entities++;
                i = j;
                continue;
            }
        }
        if (ascii_alnum(c) || c >= 0x80) return false;
    }
    return entities > 0;
}

/* "1 of 12", "Image 3 of 10", "Bild 2 von 8", "Photo 4 / 9": the counter of
 * a gallery or slideshow. */
static bool gallery_count(const char *text, const line_t *ln)
{
    static const char *const of[] = {" of ", " von ", " sur ", " de ", " di ", " z ", " / ", "/",
                                     " \xD0\xB8\xD0\xB7 "}; /* из */
    if (ln->nwords > 4 || ln->ncjk || ln->ndigit == 0 || ln->ndigit > 6 || ln->len > 40)
        return false;
    const char *p = text + ln->start;
    size_t n = ln->len, i = 0;
    /* the word before the number, accented or not ("Página", "Strana") */
    while (i < n && p[i] != ' ' && (p[i] < '0' || p[i] > '9')) i++;
    while (i < n && p[i] == ' ') i++;
    if (i == n || p[i] < '0' || p[i] > '9') return false;
    while (i < n && p[i] >= '0' && p[i] <= '9') i++;
    size_t m = 0;
    for (size_t k = 0; k < sizeof of / sizeof of[0] && !m; k++) m = starts_with(p + i, n - i, of[k]);
    if (!m) return false;
    i += m;
    size_t d = i;
    while (i < n && p[i] >= '0' && p[i] <= '9') i++;
    while (i < n && p[i] == ' ') i++;
    return i > d && i == n;
}

/* Could the line at p (n > 0) take one of the shapes below?  Lines of
 * Chinese text start with a Han character, which only a credit word can
 * (写真, 图片来源). */
static inline bool residue_start(const char *p, size_t n)
{
    /* credit_start() asks past the first byte only after D0, D1 or E5;
     * its E5 test inline, as most Chinese lines open with Han */
    const unsigned char *u = (const unsigned char *)p;
    if (u[0] < 0x80) return true;
    if (u[0] == 0xE5) return han_credit_start(u, n);
    return (u[0] & 0xFE) == 0xD0 && credit_start(u, n);
}

/* The shapes above, for the short lines that no marker decided (or a
 * caption marker that opens a bare credit); most lines are settled by
 * their first byte. */
static void residue_line(line_t *ln, const char *text)
{
    int l = ln->label;
    /* the label first: it settles most lines without a byte read */
    if (l != CAND && l != SCRUB_LABEL_CAPTION && l != SCRUB_LABEL_CONTENT) return;
    if (ln->len == 0 || ln->len > 80 || !residue_start(text + ln->start, ln->len)) return;
    if (scrub__photo_credit(text, ln)) set_label(ln, SCRUB_LABEL_META, 0.2, "photo-credit");
    else if (l != CAND) return;
    else if (entity_residue(text, ln)) set_label(ln, SCRUB_LABEL_ARTIFACT, 0.05, "entity-residue");
    else if (gallery_count(text, ln)) set_label(ln, SCRUB_LABEL_WIDGET, 0.1, "gallery-count");
}

/* ---- lead-in lines: bylines of other languages, links to other media --- */

/* The word that opens a byline at a line's start ("Von ", "Par ", "Por ",
 * "Od ", "Di ", "Door ", "Av "), capitalized; its length with the space,
 * or 0.  English "By " is a meta lexicon entry already. */
size_t scrub__byline_word(const char *p, size_t n)
{
    static const char *const words[] = {"von ", "par ", "por ", "od ", "di ", "door ", "av "};
    if (p[0] < 'A' || p[0] > 'Z') return 0;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t m = starts_with(p, n, words[k]);
        if (m) return m;
    }
    return 0;
}

/* A word of a byline after its opening word: 1 a name (capitalized), 2 a
 * joint or a particle of a name (und, et, y, e, a, и, van, de ...), 0
 * anything else, which makes the line no byline. */
int scrub__byline_token(const unsigned char *w, size_t n)
{
    static const char *const joints[] = {"and", "und", "et", "y", "e", "a", "i", "&",
                                         "de", "da", "van", "von", "der", "den", "del",
                                         "la", "le", "du", "dos", "das", "\xD0\xB8" /* и */};
    for (size_t k = 0; k < sizeof joints / sizeof joints[0]; k++)
        if (strlen(joints[k]) == n && memcmp(joints[k], w, n) == 0) return 2;
    uint32_t cp = w[0];
    if (cp >= 0x80) scrub__utf8_decode(w, n, &cp);
    return letter_case(cp) > 0 ? 1 : 0;
}

/* "Von Anna Müller und Peter Schmidt", "Par Marie Dupont, Jean Martin",
 * "Por María García y Juan Pérez": a byline word, then names only --
 * capitalized words joined by a joint or a comma, the first name of two
 * words or more, so a title ("Von Mäusen und Menschen", "Von Berlin nach
 * Paris") is none; no digits, no sentence. */
static bool name_byline(const char *text, const line_t *ln)
{
    const char *p = text + ln->start;
    size_t n = ln->len, i;
    if (n > 100 || ln->good || ln->tab || ln->url || ln->ndigit || ln->units > 14 ||
        !(i = scrub__byline_word(p, n)))
        return false;
    size_t first = 0, names = 0;
    bool in_first = true;
    while (i < n) {
        size_t b = i;
        while (i < n && p[i] != ' ') i++;
        size_t e = i;
        bool comma = e > b && p[e - 1] == ',';
        e -= comma;
        while (i < n && p[i] == ' ') i++;
        if (e == b) continue;
        int t = scrub__byline_token((const unsigned char *)p + b, e - b);
        if (!t || (t == 2 && names == 0)) return false;
        names += t == 1;
        if (in_first) first += t == 1;
        if (t == 2 || comma) in_first = false;
    }
    return first >= 2 && names <= 10;
}

/* After a medium's name at p: " : " or "："; the offset past it or 0. */
static size_t media_colon(const char *p, size_t n, size_t i)
{
    if (i < n && p[i] == ' ') i++;
    if (i < n && p[i] == ':') return i + 1;
    return i + 3 <= n && memcmp(p + i, "\xEF\xBC\x9A", 3) == 0 ? i + 3 : 0;
}

/* "Map: Flow of foreign fighters to Syria", "Bildergalerie: Die schönsten
 * Bilder", "Infographie : ...": another medium's name, a colon and its
 * title -- a link to a map, a graphic or a gallery beside the article,
 * which the guideline counts as related.  Video is left out: a lead-in to
 * an embedded video is a caption. */
static bool media_link(const char *text, const line_t *ln)
{
    static const char *const media[] = {
        "map", "graphic", "interactive", "gallery", "photos", "quiz", "karte", "grafik",
        "bildergalerie", "fotostrecke", "carte", "infographie", "diaporama", "mapa",
        "gr\xC3\xA1" "fico", "galer\xC3\xAD" "a", "fotogaler\xC3\xAD" "a", "galeria",
        "infogr\xC3\xA1" "fico", "galerie", "fotogalerie",
        "\xD0\x9A\xD0\xB0\xD1\x80\xD1\x82\xD0\xB0", /* Карта */
        "\xD0\xA4\xD0\xBE\xD1\x82\xD0\xBE\xD0\xB3\xD0\xB0\xD0\xBB\xD0\xB5\xD1\x80\xD0\xB5\xD1\x8F",
        "\xD0\x98\xD0\xBD\xD1\x84\xD0\xBE\xD0\xB3\xD1\x80\xD0\xB0\xD1\x84\xD0\xB8\xD0\xBA\xD0\xB0"};
    const char *p = text + ln->start;
    size_t n = ln->len;
    if (n > 160 || ln->tab || ln->url || ln->units < 3 || ln->units > 18 || p[n - 1] == '.' ||
        !strchr("mgiqpkbfcdMGIQPKBFCD\xD0", p[0]))
        return false;
    for (size_t k = 0; k < sizeof media / sizeof media[0]; k++) {
        size_t m = starts_with(p, n, media[k]);
        if (m && media_colon(p, n, m)) return true;
    }
    return false;
}

/* Words of a credit's side of the slash: *words, and whether it is one
 * word in capitals (an agency: AOL, REUTERS) or two or three words each
 * capitalized and then lower case (a person: Evan Vucci). */
static void credit_side(const char *p, size_t b, size_t e, size_t *words, bool *agency, bool *person)
{
    size_t w = 0, caps_only = 0, name_words = 0;
    for (size_t i = b; i < e;) {
        while (i < e && p[i] == ' ') i++;
        if (i == e) break;
        size_t ws = i, upper = 0, lower = 0;
        for (; i < e && p[i] != ' '; i++) {
            upper += p[i] >= 'A' && p[i] <= 'Z';
            lower += (p[i] >= 'a' && p[i] <= 'z') || (unsigned char)p[i] >= 0x80;
        }
        w++;
        caps_only += upper >= 2 && lower == 0;
        name_words += p[ws] >= 'A' && p[ws] <= 'Z' && upper == 1 && lower >= 1;
    }
    *words = w;
    *agency = w >= 1 && w <= 2 && caps_only >= 1 && caps_only + name_words == w;
    *person = w >= 2 && w <= 3 && name_words == w;
}

/* "REUTERS/Kevin Lamarque", "AP Photo/Evan Vucci", "Devindra
 * Hardawar/AOL": a picture's credit -- a person and an agency joined by a
 * slash, nothing else; the guideline counts it as meta.  "TCP/IP
 * Networking" has no person on either side. */
static bool slash_credit(const char *text, const line_t *ln)
{
    const char *p = text + ln->start;
    size_t n = ln->len;
    if (n > 60 || ln->good || ln->tab || ln->url || ln->ndigit || ln->ncjk) return false;
    const char *slash = memchr(p, '/', n);
    if (!slash || slash == p || slash[-1] == ' ' || slash + 1 == p + n || slash[1] == ' ' ||
        memchr(slash + 1, '/', (size_t)(p + n - slash - 1)))
        return false;
    size_t at = (size_t)(slash - p), lw, rw;
    bool la, lp, ra, rp;
    credit_side(p, 0, at, &lw, &la, &lp);
    credit_side(p, at + 1, n, &rw, &ra, &rp);
    return (la && rp) || (lp && ra);
}

/* "window.dataLayer = window.dataLayer || [];", "googletag.cmd.push(...);",
 * "(function(){...})();", "[caption id=...]": a tag manager's or an ad
 * slot's script, or a blog engine's shortcode, that an extractor left in
 * the text; one such line between sentences is residue (a code listing's
 * lines start with its own names, which these openings are not). */
static bool script_residue(const char *text, const line_t *ln)
{
    static const char *const opens[] = {"window.", "document.", "googletag.", "jquery(", "$(",
                                         "(function", "_gaq.", "fbq(", "gtag(", "@media ",
                                         "@import ", "[caption ", "[/caption]", "[gallery ",
                                         "[embed]", "//<![cdata[", "<!--", "-->"};
    const char *p = text + ln->start;
    size_t n = ln->len;
    if (ln->good || ln->ncjk || ln->tab || !strchr("wdgjWDGJ$(_f@[/<-", p[0])) return false;
    for (size_t k = 0; k < sizeof opens / sizeof opens[0]; k++)
        if (starts_with(p, n, opens[k])) return true;
    return false;
}

/* "Next On BuzzFeed News ›", "Next page: Security>>", "Alle Artikel »":
 * a few words and an arrow that points on -- a link to another page (a
 * French quote that closes with » opens with «). */
static bool arrow_link(const char *text, const line_t *ln)
{
    const char *p = text + ln->start;
    size_t n = ln->len;
    while (n && p[n - 1] == ' ') n--;
    if (n < 4 || ln->good || ln->tab || ln->nwords > 6 || ln->nwords == 0) return false;
    const unsigned char *e = (const unsigned char *)p + n;
    bool arrow = memcmp(e - 2, ">>", 2) == 0 || memcmp(e - 3, "\xE2\x80\xBA", 3) == 0 || /* › */
                 memcmp(e - 3, "\xE2\x86\x92", 3) == 0 ||                                /* → */
                 memcmp(e - 3, "\xE2\x96\xB8", 3) == 0;                                  /* ▸ */
    if (memcmp(e - 2, "\xC2\xBB", 2) == 0) /* » */
        arrow = !holds(p, n, "\xC2\xAB");
    return arrow;
}

/* Is p[i] the start of a credit after a caption's words: after "(", or
 * after " | ", " / ", " - ", ". " (a space and one of them before it)? */
static bool credit_after_sep(const char *p, size_t i)
{
    if (p[i - 1] == '(') return true;
    if (p[i - 1] != ' ' || i < 2) return false;
    char c = p[i - 2];
    return c == '|' || c == '/' || c == '-' || c == '.' || c == ',' || (unsigned char)c == 0x93;
}

/* "Spokojený Tomáš Souček po vítězství. | Foto: Reuters", "Un Népalais
 * prie à Katmandou. (Photo Prakash Mathema. AFP)", "Ayn Rand (Credit:
 * AP/Manuel Balce Ceneta)": a description and then its picture's credit
 * at the end of the line -- a caption wherever it stands (the guideline),
 * kept against a menu's links or the edge of the body around it. */
static bool credited_caption(const char *text, const line_t *ln)
{
    const char *p = text + ln->start;
    size_t n = ln->len;
    if (n < 24 || n > 400 || ln->ncjk || ln->tab || ln->url || ln->nwords < 5) return false;
    for (size_t i = 16; i + 4 < n; i++) {
        unsigned c = (unsigned char)p[i] | 32u;
        if ((c != 'p' && c != 'f' && c != 'c' && c != 'b' && c != 'i') || !credit_after_sep(p, i))
            continue;
        size_t m = starts_with(p + i, n - i, "credit");
        if (!m) m = credit_word(p + i, n - i);
        if (!m || (i + m < n && ascii_alnum((unsigned char)p[i + m]))) continue;
        size_t after = credit_sep(p, n, i + m);
        if (!after && i + m < n && p[i + m] == ' ' && p[i - 1] == '(') after = i + m + 1;
        if (!after) continue;
        size_t words, caps, cjk;
        credit_words(p, n, after, &words, &caps, &cjk);
        return words >= 1 && words <= 8 && caps >= 1;
    }
    return false;
}

/* The lead-in shapes above, on a line no marker decided (after the
 * residue shapes). */
static void leadin_line(line_t *ln, const char *text)
{
    int l = ln->label;
    /* a credit's word as a meta marker past the start ends a caption */
    if (l == SCRUB_LABEL_META && cat_at(ln, SCRUB__CAT_META) > 0 && credited_caption(text, ln)) {
        ln->credited = true;
        set_label(ln, SCRUB_LABEL_CAPTION, 0.6, "credited-caption");
    }
    if (l != CAND && l != SCRUB_LABEL_HEADING && l != SCRUB_LABEL_CONTENT) return;
    if (name_byline(text, ln)) set_label(ln, SCRUB_LABEL_META, 0.15, "byline-names");
    else if (media_link(text, ln)) set_label(ln, SCRUB_LABEL_RELATED, 0.15, "media-link");
    else if (slash_credit(text, ln)) set_label(ln, SCRUB_LABEL_META, 0.2, "photo-credit");
    else if (script_residue(text, ln)) set_label(ln, SCRUB_LABEL_ARTIFACT, 0.05, "script");
    else if (arrow_link(text, ln)) set_label(ln, SCRUB_LABEL_NAV, 0.15, "arrow-link");
    else if (credited_caption(text, ln)) {
        ln->credited = true;
        set_label(ln, SCRUB_LABEL_CAPTION, 0.6, "credited-caption");
    }
}

/* The residue shapes, then the lead-in shapes, on lines no marker decided:
 * a pass of its own, as a line's first byte settles most lines; none of
 * the lead-in shapes holds Han or kana, so most Chinese lines stop early. */

static void spam_shape(const filter_state *st, line_t *ln, const char *text);

FILTER_NOINLINE void scrub__residue_lines(filter_state *st, const char *text)
{
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        spam_shape(st, ln, text);
        residue_line(ln, text);
        if (!ln->ncjk && ln->len >= 3 && (unsigned char)text[ln->start] < 0xE0) leadin_line(ln, text);
    }
}

/* *held is set when a held marker gave the verdict (held_markers). */
static verdict alone(const line_t *ln, uint8_t *held)
{
    uint32_t visible = ln->nchar - ln->nspace;
    if (visible == 0) return (verdict){SCRUB_LABEL_BLANK, 0, "blank"};
    /* every spam verdict needs a spam hit: most lines skip them */
    if (SCRUB_UNLIKELY(ln->cats & SPAM_CATS)) {
        verdict v = spam_verdict(ln);
        if (v.label >= 0) return v;
    }
    if (button_line(ln)) {
        unsigned c = has(ln, SCRUB__CAT_BUTTON)    ? SCRUB__CAT_BUTTON
                     : has(ln, SCRUB__CAT_COMMENT) ? SCRUB__CAT_COMMENT
                                                   : SCRUB__CAT_THREAD;
        return (verdict){SCRUB_LABEL_WIDGET, 0.1, cat_why(ln, c)};
    }
    if (has(ln, SCRUB__CAT_CAPTION) && (cat_at(ln, SCRUB__CAT_CAPTION) <= 3 ||
                                        (strong(ln, SCRUB__CAT_CAPTION) && !ln->good)))
        return (verdict){SCRUB_LABEL_CAPTION, 0.7, cat_why(ln, SCRUB__CAT_CAPTION)};
    if (ln->cats & MARKER_CATS) { /* most lines hold no marker: skip the six tests */
        verdict v = markers(ln, held);
        if (v.label >= 0) return v;
    }
    uint32_t textual = ln->ncjk + ln->nalpha;
    if (ln->phone && textual <= 6 && !ln->good)
        return (verdict){SCRUB_LABEL_CONTACT, 0.1, "phone"};
    if (ln->code || textual == 0) return (verdict){SCRUB_LABEL_ARTIFACT, 0.05, R_NO_TEXT};
    /* 首页 > 时政新闻 > the title: a crumb, whatever its last step says */
    if (ln->crumbs >= 2 && ln->units <= 80) return (verdict){SCRUB_LABEL_NAV, 0.1, "crumbs"};
    if ((ln->hits[SCRUB__CAT_META] >= 2 || (has(ln, SCRUB__CAT_META) && ln->date)) && !ln->term &&
        ln->units <= 80)
        return (verdict){SCRUB_LABEL_META, 0.15, cat_why(ln, SCRUB__CAT_META)};
    if (ln->date && ln->units <= 6) return (verdict){SCRUB_LABEL_META, 0.15, R_DATE};
    if (ln->date && ln->clock && ln->units <= 16 && !ln->good)
        return (verdict){SCRUB_LABEL_META, 0.15, "dateline"};
    if (ln->paren) {
        if (paren_fields(ln))
            return (verdict){SCRUB_LABEL_META, 0.15, cat_why(ln, SCRUB__CAT_META)};
        if (ln->units <= 14 && !ln->good && names_someone(ln))
            return (verdict){SCRUB_LABEL_META, 0.2, "byline-in-parentheses"};
    }
    if (share_row(ln)) return (verdict){SCRUB_LABEL_WIDGET, 0.1, R_SHARE_ROW};
    if (date_alone(ln)) return (verdict){SCRUB_LABEL_META, 0.15, "date-in-words"};
    if (dated_byline(ln)) return (verdict){SCRUB_LABEL_META, 0.15, "dated-byline"};
    if (ln->good) return (verdict){SCRUB_LABEL_CONTENT, sentence_score(ln), "sentence"};
    return (verdict){CAND, ln->near ? 0.45 : 0.4, ln->near ? "near-sentence" : "short"};
}

/* 【免责声明】本文仅代表作者... / 免责声明：...: a footer marker used as the
 * label of the line (at its start, followed by a colon or bracket) makes a
 * notice of any length. */
static bool notice_line(const char *text, const line_t *ln)
{
    const char *r = cat_why(ln, SCRUB__CAT_FOOTER);
    if (!has(ln, SCRUB__CAT_FOOTER) || cat_at(ln, SCRUB__CAT_FOOTER) > 3 || !r ||
        strncmp(r, "footer:", 7) != 0)
        return false;
    size_t tl = strlen(r + 7), at = cat_at(ln, SCRUB__CAT_FOOTER), end = at + tl;
    const unsigned char *s = (const unsigned char *)text + ln->start;
    if (end + 1 > ln->len || memcmp(s + at, r + 7, tl) != 0) return false;
    if (s[end] == ':' || s[end] == ']') return true;
    return end + 3 <= ln->len && (memcmp(s + end, "\xEF\xBC\x9A", 3) == 0 || /* ： */
                                  memcmp(s + end, "\xE3\x80\x91", 3) == 0);  /* 】 */
}

/* "Pokud jste v článku zaznamenali chybu nebo překlep, dejte nám vědět":
 * two phrases of the site's error-report notice in one short line, where
 * the body ends or not. */
static bool twice_notice(const line_t *ln)
{
    return ln->hits[SCRUB__CAT_FOOTER] >= 2 && ln->units <= 40;
}

/* "Get the most out of X. Subscribe to our Newsletter to receive:": one
 * marker past a sentence's start may be the author's words, two phrases
 * of a box or notice (one strong) are the box's own -- anywhere in a line
 * of up to 60 units, and three in a legal paragraph of up to 150. */
static bool boxed_sentence(const line_t *ln, unsigned cat)
{
    if (!strong(ln, cat) || ln->hits[cat] < 2) return false;
    return ln->units <= 60 || (ln->hits[cat] >= 3 && ln->units <= 150);
}

/* 股票频道恭候您的意见 - 联系我们 - 关于我们 - 广告服务: three site links of
 * a footer in a line that is no sentence are its link row, wherever the
 * row starts. */
static bool footer_row(const line_t *ln)
{
    return !ln->good && ln->hits[SCRUB__CAT_FOOTER] >= 3 && ln->units <= 40;
}

/* 【免责声明】本文仅代表作者本人观点...: a notice opened by a footer marker
 * and holding a strong one further on, at any length (notice_line reads
 * the strong hit's term, which is not the opening one). */
static bool opening_notice(const line_t *ln)
{
    return has(ln, SCRUB__CAT_FOOTER) && cat_at(ln, SCRUB__CAT_FOOTER) <= 3 &&
           ln->hits[SCRUB__CAT_FOOTER] >= 2 && strong(ln, SCRUB__CAT_FOOTER);
}

/* 3分钟前, 2小時前: one pass for 前 (E5 89 8D) by memchr for its last
 * byte (rarer than a lead byte), then the unit before it. */
static bool minutes_ago(const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p, *end = s + n;
    for (const unsigned char *q = s + 8; q < end && (q = memchr(q, 0x8D, (size_t)(end - q))); q++) {
        size_t i = (size_t)(q - s) - 2;
        if (s[i] != 0xE5 || s[i + 1] != 0x89) continue;
        _Static_assert(SCRUB__WORDS_STAMP_UNIT_BYTES == 6, "two characters each");
        for (size_t k = 0; k < SCRUB__WORDS_STAMP_UNIT_N; k++)
            if (memcmp(s + i - 6, scrub__words_stamp_unit[k], 6) == 0) return true;
    }
    return false;
}

/* 王继洲今天 12:05:42, 飛楊 3分鐘前: the name and time that head each post
 * of a comment or live stream. */
static bool post_stamp(const char *text, const line_t *ln)
{
    if (ln->good || ln->units > 16 || ln->ncjk < 2 || !ln->ndigit) return false;
    const char *p = text + ln->start;
    if (minutes_ago(p, ln->len)) return true;
    if (ln->ndigit < 3 || !scrub__has_clock(text, ln)) return false;
    for (size_t k = 0; k < SCRUB__WORDS_CLOCK_DAY_N; k++)
        if (holds(p, ln->len, scrub__words_clock_day[k])) return true;
    for (size_t k = 0; k < SCRUB__WORDS_NOW_WORD_N; k++)
        if (holds(p, ln->len, scrub__words_now_word[k])) return true;
    return false;
}

/* Digits that end s[0, n): how many. */
static size_t digits_before(const unsigned char *s, size_t n)
{
    size_t d = 0;
    while (d < n && s[n - 1 - d] >= '0' && s[n - 1 - d] <= '9') d++;
    return d;
}

/* "... 11:43 PM", "... 17:51:44": the line ends with a time of day. */
static bool clock_end(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len;
    while (n && s[n - 1] == ' ') n--;
    if (n > 2 && (s[n - 1] | 32) == 'm' && ((s[n - 2] | 32) == 'a' || (s[n - 2] | 32) == 'p'))
        n -= 2;
    while (n && s[n - 1] == ' ') n--;
    if (digits_before(s, n) != 2 || n < 4 || s[n - 3] != ':') return false;
    n -= 3;
    size_t d = digits_before(s, n);
    if (d == 2 && n > 3 && s[n - 3] == ':') d = digits_before(s, n -= 3);
    return d >= 1 && d <= 2;
}

/* Sallie Goetsch · March 10, 2017 at 11:43 PM, 往事随风[网易山东省德州市手
 * 机网友]2019-09-07 17:51:44: a name, then the date and time a comment was
 * posted -- no sentence, and a line that a date alone would make meta
 * (dateline) is labelled before. */
static FILTER_NOINLINE bool dated_stamp(const char *text, const line_t *ln)
{
    if (!ln->run4 || ln->good || ln->units > 30 || !clock_end(text, ln)) return false;
    /* classify_each looked for a date on a short line or one with a byline marker */
    bool looked = ln->units <= 16 || has(ln, SCRUB__CAT_META);
    return has(ln, SCRUB__CAT_DATE) || ln->date || (!looked && scrub__has_date(text, ln));
}

/* "Monday's", "Thursday’s": a day's or month's name alone with a
 * possessive, the label of a teaser box or a show's schedule (the
 * article says "Monday's vote"). */
static FILTER_NOINLINE bool day_possessive(const char *text, const line_t *ln)
{
    if (!has(ln, SCRUB__CAT_DATE) || ln->ndigit || ln->nwords > 2 || cat_at(ln, SCRUB__CAT_DATE))
        return false;
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len;
    while (n && s[n - 1] == ' ') n--;
    if (n < 3 || (s[n - 1] | 32) != 's') return false;
    return s[n - 2] == '\'' || (n > 4 && memcmp(s + n - 4, "\xE2\x80\x99", 3) == 0); /* ’ */
}

/* The last byte of » or …: classify_each calls cut_snippet on few lines. */
static inline bool snippet_end(char c)
{
    return c == '\xBB' || c == '\xA6';
}

/* "Danny Brown: Just tried it, and very clean experience for sure. »",
 * "Jane Roe: Why Is There…": a name of up to four words and a colon, then
 * a comment or a title cut to fit a box, its end a "more" mark (a space
 * and », where a French quote would have opened with «) or an ellipsis on
 * a short line -- no sentence of the article is cut off so. */
static FILTER_NOINLINE bool cut_snippet(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len, i = 0, words = 1;
    while (n && s[n - 1] == ' ') n--;
    bool more = n > 3 && memcmp(s + n - 3, " \xC2\xBB", 3) == 0; /* » */
    bool dots = n > 3 && ln->units <= 12 && memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0; /* … */
    if (!(more || dots) || ln->units > 30 || (more && holds((const char *)s, n, "\xC2\xAB")))
        return false;
    for (; i < n && i < 40 && s[i] != ':'; i++) {
        if (s[i] == ' ') words++;
        else if (!ascii_alnum(s[i]) && s[i] != '.' && s[i] != '-' && s[i] != '_' && s[i] < 0x80)
            return false;
    }
    return i > 0 && i + 1 < n && s[i] == ':' && s[i + 1] == ' ' && words <= 4;
}

/* Could p[0, n) (n >= 2) start one of field_keyword()'s names: its first
 * two bytes (ASCII letters in any case), or the first character of one of
 * words.txt's field_name?  Most lines start with none. */
static bool field_start(const char *p, size_t n)
{
    unsigned c0 = (unsigned char)p[0], c1 = (unsigned char)p[1];
    if (c0 >= 0xE0) return n > 2 && SCRUB__WORDS_FIELD_NAME_FIRST_AT(p);
    if (c0 >= 'A' && c0 <= 'Z') c0 += 32;
    if (c1 >= 'A' && c1 <= 'Z') c1 += 32;
    switch (c0 << 8 | c1) {
    case 'p' << 8 | 'h': case 'e' << 8 | 'm': case 'e' << 8 | '-': case 't' << 8 | 'e':
    case 'f' << 8 | 'a':
        return true;
    default:
        return false;
    }
}

/* Length of the first of names[0, k) that opens p[0, n) followed by a
 * space or a colon, case folded for ASCII, or 0. */
static size_t field_name(const char *p, size_t n, const char *const *names, size_t k)
{
    char c0 = p[0] >= 'A' && p[0] <= 'Z' ? (char)(p[0] + 32) : p[0];
    for (size_t i = 0; i < k; i++) {
        if (names[i][0] != c0) continue;
        size_t m = starts_with(p, n, names[i]);
        if (!m || m >= n) continue;
        if (p[m] != ' ' && p[m] != ':' && (unsigned char)p[m] != 0xEF) continue;
        return m;
    }
    return 0;
}

/* "Phone : 来电显示器", "Email : 库存医药用品": a contact field whose value
 * holds no number or address, a template's keyword slot (the Chinese
 * field names: data/lexicon/words.txt). */
static bool field_keyword(const char *text, const line_t *ln)
{
    static const char *const names[] = {"phone", "email", "e-mail", "tel", "fax"};
    if (ln->ndigit || ln->url || ln->units > 16 || ln->ncjk < 2) return false;
    const char *p = text + ln->start;
    if (ln->len < 2 || !field_start(p, ln->len)) return false;
    size_t m = field_name(p, ln->len, names, sizeof names / sizeof names[0]);
    if (!m) m = field_name(p, ln->len, scrub__words_field_name, SCRUB__WORDS_FIELD_NAME_N);
    if (!m) return false;
    size_t f = field_prefix(text, ln);
    return f > m && f < ln->len && !memchr(p, '@', ln->len);
}

/* ---- spam shapes the lexicons do not decide ------------------------------ */

/* Top-level domains of the address lines of gambling and adult farms
 * (the common ones and the cheap ones they rotate through). */
static bool farm_tld(const unsigned char *t, size_t n)
{
    static const char *const tld[] = {"com", "net", "org", "cc", "vip", "top", "xyz", "cn",
                                      "me", "tv", "co", "app", "io", "la", "club", "bet",
                                      "win", "info", "site", "live", "in"};
    for (size_t k = 0; k < sizeof tld / sizeof tld[0]; k++)
        if (strlen(tld[k]) == n && starts_with((const char *)t, n, tld[k])) return true;
    return false;
}

/* The bare domain in s[b, e) (a run of letters, digits, '-' and '.'):
 * its bytes, and whether its name mixes letters and digits (js8888.com,
 * am8899.vip, yabo88: a farm's rotating address, where a newspaper's
 * domain is a word). */
static size_t domain_token(const unsigned char *s, size_t b, size_t e, bool *mixed)
{
    size_t dot = 0, last = e;
    for (size_t i = b; i < e; i++)
        if (s[i] == '.') dot++, last = i;
    if (!dot || last == b || last + 1 >= e || !farm_tld(s + last + 1, e - last - 1)) return 0;
    size_t nb = b;
    if (e - b > 4 && (s[b] | 32) == 'w' && (s[b + 1] | 32) == 'w' && (s[b + 2] | 32) == 'w' &&
        s[b + 3] == '.')
        nb = b + 4;
    bool letter = false, digit = false;
    for (size_t i = nb; i < e && s[i] != '.'; i++) {
        letter |= ascii_letter(s[i]);
        digit |= s[i] >= '0' && s[i] <= '9';
    }
    *mixed = letter && digit;
    return e - b;
}

/* 永久域名 8888js.com, www.am8899.vip: a short line that gives a bare
 * domain whose name mixes letters and digits, or any bare domain beside
 * an address word of the spam lexicons (永久域名, 备用网址, 官网入口).
 * Such a line is never a heading of the article it sits in. */
static bool domain_line(const char *text, const line_t *ln)
{
    if (ln->good || ln->units > 24 || ln->nalpha < 2 || ln->tab) return false;
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len;
    bool address = (ln->cats & SPAM_CATS) || has(ln, SCRUB__CAT_CTA);
    /* from each dot between an alphanumeric and a letter (a TLD), out to
     * the token's ends */
    for (const unsigned char *p = s; (p = memchr(p, '.', n - (size_t)(p - s))); p++) {
        size_t d = (size_t)(p - s);
        if (d == 0 || d + 1 >= n || !ascii_alnum(s[d - 1]) || !ascii_letter(s[d + 1])) continue;
        size_t i = d, j = d + 1;
        while (i > 0 && (ascii_alnum(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == '-')) i--;
        while (j < n && (ascii_alnum(s[j]) || s[j] == '-')) j++;
        /* the last dot of the token is its TLD's */
        if (j < n && s[j] == '.' && j + 1 < n && ascii_alnum(s[j + 1])) continue;
        bool mixed = false;
        bool mail = i > 0 && s[i - 1] == '@';
        if (!mail && domain_token(s, i, j, &mixed) && (mixed || address)) return true;
    }
    return false;
}

/* 送 赠 贈 返: the verbs of an offer. */
static bool offer_verb(const unsigned char *q)
{
    return (q[0] == 0xE9 && q[1] == 0x80 && (q[2] == 0x81 || q[2] == 0x94)) || /* 送 返 */
           (q[0] == 0xE8 && ((q[1] == 0xB5 && q[2] == 0xA0) ||              /* 赠 */
                             (q[1] == 0xB4 && q[2] == 0x88)));              /* 贈 */
}

/* 注册送38元, 首存即送100%, 开户就送88元: an amount of money or a share
 * given away (送, 赠, 返 at most one character before the number); news
 * gives takings and fines in 元 without a verb of giving before them. */
static bool money_offer(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len;
    for (size_t i = 3; i < n; i++) {
        if (s[i] < '0' || s[i] > '9' || (s[i - 1] >= '0' && s[i - 1] <= '9')) continue;
        bool verb = offer_verb(s + i - 3) || (i >= 6 && offer_verb(s + i - 6));
        size_t j = i;
        while (j < n && ((s[j] >= '0' && s[j] <= '9') || s[j] == '.')) j++;
        if (!verb || j >= n) continue;
        if (s[j] == '%') return true;
        if (j + 3 <= n && ((s[j] == 0xE5 && s[j + 1] == 0x85 && s[j + 2] == 0x83) || /* 元 */
                           (s[j] == 0xEF && s[j + 1] == 0xBC && s[j + 2] == 0x85)))  /* ％ */
            return true;
    }
    return false;
}

/* 澳门威尼斯人，开户就送88元，首存送彩金。: a sentence with two casino
 * words that gives money away for an account is an advert, longer than
 * the short promo-sentence allows; news on gambling cites takings and
 * fines, not offers. */
static bool offer_sentence(const char *text, const line_t *ln)
{
    if (!ln->good || ln->units > 80 || ln->hits[SCRUB__CAT_GAMBLING] < 2) return false;
    if (!strong(ln, SCRUB__CAT_CTA) && !strong(ln, SCRUB__CAT_GAMBLING)) return false;
    return money_offer(text, ln);
}

/* Is s[i] a separator of a keyword list (spaces, ,，、|｜_/)?  Returns
 * its length, 0 if none. */
static size_t keyword_sep(const unsigned char *s, size_t n, size_t i)
{
    unsigned char c = s[i];
    if (c == ' ' || c == ',' || c == '|' || c == '_' || c == '/' || c == '\t') return 1;
    if (c < 0xE3 || i + 3 > n) return 0;
    if (c == 0xE3 && s[i + 1] == 0x80 && (s[i + 2] == 0x81 || s[i + 2] == 0x80)) return 3;
    if (c == 0xEF && s[i + 1] == 0xBC && s[i + 2] == 0x8C) return 3;
    if (c == 0xEF && s[i + 1] == 0xBD && s[i + 2] == 0x9C) return 3;
    return 0;
}

/* 瑜伽垫 瑜伽垫价格 瑜伽垫品牌 瑜伽垫哪个好, 作文800字_作文600字_...: a
 * list of four pieces or more, most of them the first piece's keyword
 * with a search word added, is the variants of one search term a page
 * stuffs for the engines; no lexicon knows the keyword.  A menu whose
 * items share a head (体育 体育新闻 体育视频) goes too, as it should. */
static bool repeated_keyword(const char *text, const line_t *ln)
{
    /* a CJK line's separators count its runs of spaces already */
    size_t same = 0, pieces = ln->nseg + (ln->ncjk >= ln->nwords ? 0 : ln->nsep_space);
    /* a keyword and a word added make three characters a piece or more;
     * a menu's items are two (首页 新闻 体育) */
    if (pieces < 4 || ln->ncjk < 3 * pieces) return false;
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len, b = 0, k;
    while (b < n && (k = keyword_sep(s, n, b))) b += k;
    /* the keyword: the first piece's two first characters, Han */
    if (b + 6 > n || s[b] < 0xE4 || s[b] > 0xE9 || s[b + 3] < 0xE4 || s[b + 3] > 0xE9)
        return false;
    /* memchr for the first character's last byte: a lead byte would stop
     * at every character of the line */
    const unsigned char *end = s + n;
    for (const unsigned char *p = s + b + 5; p < end && (p = memchr(p, s[b + 2], (size_t)(end - p)));
         p++) {
        size_t at = (size_t)(p - s) - 2;
        if (at + 6 > n) break;
        /* at the start of a piece: after a separator (at > b + 2) */
        if (memcmp(s + at, s + b, 6) == 0 &&
            (keyword_sep(s, n, at - 1) || keyword_sep(s, n, at - 3)))
            same++;
    }
    return same >= 3 && same * 2 >= pieces;
}

/* The words a gambling site glues to its letters-and-digits brand
 * (365bet体育, js333娱乐, 金沙js0005; data/lexicon/words.txt), in both
 * scripts. */
static bool gambling_glue(const unsigned char *p, size_t left)
{
    for (size_t k = 0; k < SCRUB__WORDS_GAMBLING_GLUE_N; k++) {
        size_t m = scrub__words_gambling_glue_len[k];
        if (m <= left && memcmp(p, scrub__words_gambling_glue[k], m) == 0) return true;
    }
    return false;
}

/* Does the gambling word end at s[e]?  Each glue word is 6 or 12 bytes. */
static bool glue_before(const unsigned char *s, size_t e)
{
    return (e >= 6 && gambling_glue(s + e - 6, 6)) || (e >= 12 && gambling_glue(s + e - 12, 12));
}

/* 365bet体育在线, js333娱乐, 金沙js0005: a short line with a brand of
 * letters and digits glued to a gambling word.  Product names glue to
 * other words (Mate60手机, iPhone15官网). */
static bool alnum_brand(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len;
    for (size_t i = 0; i < n;) {
        if (!ascii_alnum(s[i])) {
            i++;
            continue;
        }
        size_t j = i;
        bool letter = false, digit = false;
        for (; j < n && ascii_alnum(s[j]); j++) {
            letter |= ascii_letter(s[j]);
            digit |= s[j] >= '0' && s[j] <= '9';
        }
        if (letter && digit && j - i >= 3 && (gambling_glue(s + j, n - j) || glue_before(s, i)))
            return true;
        i = j;
    }
    return false;
}

/* 澳门威尼斯人官方网站...,澳门威尼斯人真人娱乐平台...,澳门威尼斯人注册开户: a
 * line that names the same spam term three times, with a strong spam hit
 * (or six weak ones) and a verb asking the reader to act, sells it,
 * however sentence-like;
 * news names a casino or a hospital once or twice and asks nobody to
 * sign up. */
static bool repeated_brand(const filter_state *st, const char *text, const line_t *ln)
{
    unsigned hits = ln->hits[SCRUB__CAT_GAMBLING] + ln->hits[SCRUB__CAT_PORN] +
                    ln->hits[SCRUB__CAT_MEDSEO] + ln->hits[SCRUB__CAT_BLACKSEO];
    if (!strong(ln, SCRUB__CAT_CTA) || ln->units > 120) return false;
    /* weak terms only (金沙娱乐场 three times): twice as many hits */
    if (!(ln->strong & SPAM_CATS) && hits < 6) return false;
    const match_t *m = st->matches + ln->match_first;
    for (size_t k = 0; k + 2 < ln->match_count; k++) {
        if (!((1u << m[k].cat) & SPAM_CATS)) continue;
        size_t len = m[k].end - m[k].start, same = 1;
        for (size_t j = k + 1; j < ln->match_count && same < 3; j++)
            same += m[j].cat == m[k].cat && m[j].end - m[j].start == len &&
                    memcmp(text + m[j].start, text + m[k].start, len) == 0;
        if (same >= 3) return true;
    }
    return false;
}

/* Does s[0, n) hold a hospital's call to consult (在线咨询, 预约挂号 ...)? */
static bool consult_call(const unsigned char *s, size_t n)
{
    _Static_assert(SCRUB__WORDS_CONSULT_CALL_BYTES == 12, "four characters each");
    for (size_t i = 0; i + 12 <= n; i++) {
        if (s[i] < 0xE4) continue;
        for (size_t k = 0; k < SCRUB__WORDS_CONSULT_CALL_N; k++)
            if (memcmp(s + i, scrub__words_consult_call[k], 12) == 0) return true;
    }
    return false;
}

/* 北京哪家医院治疗白癜风最好？...本院采用新技术，欢迎点击在线咨询。: a
 * sentence with a hospital-SEO term (哪家医院, 皮肤病医院, 治疗白癜风)
 * that gives a hotline, a link or a call to consult is the hospital's
 * promotion inside a health article (the guideline's `ad`); a doctor's
 * advice naming the disease asks nobody to call. */
static bool hospital_promo(const char *text, const line_t *ln)
{
    if (!strong(ln, SCRUB__CAT_MEDSEO) || ln->units > 120) return false;
    return ln->phone || ln->url ||
           consult_call((const unsigned char *)text + ln->start, ln->len);
}

/* Is s[i] the first byte of an opening quote or bracket a farm puts
 * round its brand (open_mark's, or [ ' ")?  Returns its length, 0 if
 * none. */
static size_t brand_quote(const unsigned char *s, size_t n, size_t i)
{
    if (i < n && (s[i] == '[' || s[i] == '\'' || s[i] == '"')) return 1;
    return open_mark(s, n, i) ? 3 : 0;
}

/* At s[i], a farm's brand of at least two lower-case letters then three
 * digits or more (hg0088, js333, qvx365vip)?  Returns the end of its
 * digits, 0 if none. */
static size_t brand_token(const unsigned char *s, size_t n, size_t i)
{
    size_t letters = 0, digits = 0;
    if (i > 0 && ascii_alnum(s[i - 1])) return 0;
    while (i < n && s[i] >= 'a' && s[i] <= 'z') i++, letters++;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++, digits++;
    return letters >= 2 && digits >= 3 ? i : 0;
}

/* 无码视频,中文天堂,tvr351在线,亚洲tfx453专区,...: a list of five pieces or
 * more with no sentence's end, one of them holding a brand of letters
 * and digits, is a farm's keyword field, whatever its words; an
 * article's list of names or products writes its codes in capitals or
 * with two digits (iPhone15, Mate60). */
static bool brand_list(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len, seps = 0, k, i = 0;
    /* the brand first: one compare a byte on the lines that lack it */
    while (i < n && !(s[i] >= 'a' && s[i] <= 'z' && brand_token(s, n, i))) i++;
    if (i == n) return false;
    for (i = 0; i < n;) {
        if ((k = keyword_sep(s, n, i))) {
            seps++;
            while (i + k < n && s[i + k] == ' ') k++;
            i += k;
        } else if (s[i] == 0xE3 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x82) {
            return false; /* 。 */
        } else if (s[i] == 0xEF && i + 2 < n && s[i + 1] == 0xBC &&
                   (s[i + 2] == 0x81 || s[i + 2] == 0x9F)) {
            return false; /* ！？ */
        } else {
            i++;
        }
    }
    return seps >= 4;
}

/* The counts brand_list needs: a brand's letters and digits, pieces
 * of Han, not a table's row; a keyword field is short, and the cap
 * bounds brand_list's second pass over the bytes. */
static inline bool brand_list_shape(const line_t *ln)
{
    return ln->ndigit >= 3 && ln->nalpha >= 2 && ln->ncjk >= 12 && ln->nsep >= 4 &&
           ln->units <= 160 && !ln->tab;
}

/* hg0088官方, ‘js333’自然资源部..., tqx218 : 库存医药用品: a short
 * Chinese line that opens with a lower-case word of letters then three
 * digits or more, Han right after it (past a closing quote, spaces or a
 * colon), is a farm's brand heading the line, whatever the brand; the
 * article's own names of that shape are written in capitals (MH370,
 * RTX4090) or carry two digits at most (iphone15, mate60, win10). */
static bool lead_brand(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len, i = brand_quote(s, n, 0);
    if (!(i = brand_token(s, n, i)) || (i < n && ascii_alnum(s[i]))) return false;
    /* past a closing quote, spaces and a colon, the next byte opens Han */
    while (i < n && (s[i] == ' ' || s[i] == ':' || s[i] == '\'' || s[i] == '"' || s[i] == ']'))
        i++;
    if (i + 3 <= n &&
        ((s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0x99 || s[i + 2] == 0x9D)) ||
         (s[i] == 0xE3 && s[i + 1] == 0x80 && (s[i + 2] == 0x8D || s[i + 2] == 0x91)) ||
         (s[i] == 0xEF && s[i + 1] == 0xBC && s[i + 2] == 0x9A)))
        i += 3; /* ’ ” 」 】 ： */
    while (i < n && s[i] == ' ') i++;
    return i + 3 <= n && s[i] >= 0xE4 && s[i] <= 0xE9;
}

/* yabo手机版登录:冻生开杂色蛤肉: a short Chinese line that opens with a
 * lower-case Latin brand glued to Han and puts an ASCII colon between
 * Han characters is a farm's title template (brand, its login or app
 * field, a keyword), whatever the brand; Chinese prose writes the
 * full-width colon.  The caller asks for a call to act (登录, 下载). */
static bool colon_brand(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len, i = 0;
    while (i < n && s[i] >= 'a' && s[i] <= 'z') i++;
    if (i < 3 || i + 3 > n || s[i] < 0xE4 || s[i] > 0xE9) return false;
    /* i + 3 < n: a whole Han character after the colon */
    for (; i + 3 < n; i++)
        if (s[i] == ':' && s[i - 1] >= 0x80 && s[i + 1] >= 0xE4 && s[i + 1] <= 0xE9) return true;
    return false;
}

/* The shapes above, on a line the line-alone pass left undecided or
 * took for a sentence (they read the line's bytes again; few lines
 * qualify).  Called from residue_lines' pass over the lines. */
static void spam_shape(const filter_state *st, line_t *ln, const char *text)
{
    if (ln->label == CAND) {
        if (ln->nalpha >= 2 && domain_line(text, ln))
            set_label(ln, SCRUB_LABEL_AD, 0.05, "domain-line");
        else if (ln->ncjk >= 12 && repeated_keyword(text, ln))
            set_label(ln, SCRUB_LABEL_SPAM, 0.02, "repeated-keyword");
        else if (ln->ndigit && ln->nalpha && ln->ncjk >= 2 && ln->units <= 16 &&
                 alnum_brand(text, ln)) /* every glue word is two Han characters or more */
            set_label(ln, SCRUB_LABEL_AD, 0.05, "alnum-brand");
        /* a spelled domain without a spam term (spam_verdict takes one
         * with a term up to 80 units) */
        else if (ln->spelled && ln->units <= 40)
            set_label(ln, SCRUB_LABEL_AD, 0.03, "spelled-domain");
        else if (ln->ndigit >= 3 && ln->ncjk >= 2 && ln->units <= 30 && lead_brand(text, ln))
            set_label(ln, SCRUB_LABEL_AD, 0.05, "lead-brand");
        else if (ln->nalpha >= 3 && ln->ncjk >= 4 && ln->units <= 30 && has(ln, SCRUB__CAT_CTA) &&
                 colon_brand(text, ln))
            set_label(ln, SCRUB_LABEL_AD, 0.05, "colon-brand");
        else if (brand_list_shape(ln) && brand_list(text, ln))
            set_label(ln, SCRUB_LABEL_SPAM, 0.02, "brand-list");
    } else if (ln->label == SCRUB_LABEL_CONTENT && SCRUB_UNLIKELY(brand_list_shape(ln)) &&
               !ln->term && !ln->send && brand_list(text, ln)) {
        set_label(ln, SCRUB_LABEL_SPAM, 0.02, "brand-list");
    } else if (ln->label == SCRUB_LABEL_CONTENT && SCRUB_UNLIKELY(ln->cats & SPAM_CATS)) {
        if (offer_sentence(text, ln)) set_label(ln, SCRUB_LABEL_AD, 0.05, "offer-sentence");
        else if (repeated_brand(st, text, ln))
            set_label(ln, SCRUB_LABEL_AD, 0.05, "repeated-brand");
        else if (hospital_promo(text, ln))
            set_label(ln, SCRUB_LABEL_AD, 0.05, "hospital-promo");
    }
}

/* ---- the line pass: stamps, odd lines, the per-line driver -------------- */

/* Stamps of a comment stream and keyword slots: shapes no lexicon holds. */
static void line_shapes(filter_state *st, line_t *ln, const char *text)
{
    int l = ln->label;
    if ((l == CAND || l == SCRUB_LABEL_META) && post_stamp(text, ln)) {
        ln->stamp = true;
        set_label(ln, SCRUB_LABEL_WIDGET, 0.1, "post-stamp");
    } else if (l == CAND && ln->run4 && ln->ndigit >= 7 && dated_stamp(text, ln)) {
        ln->odd |= ODD_DATED;
        st->ndated++;
    } else if ((l == CAND || l == SCRUB_LABEL_NAV || l == SCRUB_LABEL_CONTACT) &&
               field_keyword(text, ln)) {
        ln->slot = true;
        set_label(ln, SCRUB_LABEL_SPAM, 0.05, "field-keyword");
    }
}

/* 本文为长沙某店整理编辑 / 本文为某教授在论坛上的书面发言全文：: where the
 * article comes from, which a byline would say -- meta, not the article.
 * Only with a word of making or sourcing in a short line, and not when
 * the article speaks to its readers (本文为大家整理了...). */
static bool provenance_note(const char *text, const line_t *ln)
{
    _Static_assert(SCRUB__WORDS_PROVENANCE_OPEN_BYTES == 9, "three characters each");
    const char *p = text + ln->start;
    size_t n = ln->len, b = 0, k = 0;
    while (b < n && p[b] == ' ') b++;
    /* most lines fail on the first byte (every entry opens with 本), many
     * of the rest (another character of lead E6) on one compare each:
     * first_word's byte loop costs more here, on every sentence */
    if (n - b < 9 || (unsigned char)p[b] != SCRUB__WORDS_PROVENANCE_OPEN_LEAD) return false;
    while (k < SCRUB__WORDS_PROVENANCE_OPEN_N && memcmp(p + b, scrub__words_provenance_open[k], 9))
        k++;
    if (k == SCRUB__WORDS_PROVENANCE_OPEN_N) return false;
    const char *w = p + b + 9;
    size_t left = n - b - 9;
    if (first_word(w, left, scrub__words_provenance_reader, SCRUB__WORDS_PROVENANCE_READER_N))
        return false;
    for (k = 0; k < SCRUB__WORDS_PROVENANCE_VERB_N; k++)
        if (holds(w, left, scrub__words_provenance_verb[k])) return true;
    return false;
}

/* 信息及图片来源：吕田镇政府: a short source field naming who gave the
 * picture is a credit (meta), not the text under a picture. */
static bool source_field(const char *text, const line_t *ln)
{
    _Static_assert(SCRUB__WORDS_SOURCE_WORD_BYTES == 6, "two characters each");
    if (ln->good || ln->units > 30) return false;
    const char *p = text + ln->start;
    for (size_t k = 0; k < SCRUB__WORDS_SOURCE_WORD_N; k++)
        for (size_t i = 0; i + 7 <= ln->len; i++)
            if (memcmp(p + i, scrub__words_source_word[k], 6) == 0 &&
                (p[i + 6] == ':' || (i + 9 <= ln->len && memcmp(p + i + 6, "\xEF\xBC\x9A", 3) == 0)))
                return true;
    return false;
}

static bool hex_digit(char c)
{
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'f');
}

/* www.site.cn/%E5%AE%89%E5%85%A8...: an address alone whose path is
 * percent-escaped bytes reads as nothing to a reader -- residue of a
 * link, not a title (three escapes or more, no space). */
static bool escaped_url(const char *text, const line_t *ln)
{
    const char *p = text + ln->start;
    size_t esc = 0;
    for (size_t i = 0; i < ln->len; i++) {
        if (p[i] == ' ') return false;
        esc += p[i] == '%' && i + 2 < ln->len && hex_digit(p[i + 1]) && hex_digit(p[i + 2]);
    }
    return esc >= 3;
}

/* The rare shapes of ODD_* on a line that alone() left undecided (or, for
 * an end mark, called a byline); counts the lines cut short. */
static verdict odd_line(const char *text, const line_t *ln, verdict v, size_t *ncut)
{
    *ncut += ln->odd & ODD_CUT;
    if ((ln->odd & ODD_BUTTONS) && v.label == CAND && button_row(ln))
        return (verdict){SCRUB_LABEL_WIDGET, 0.1, R_BUTTON_ROW};
    if ((ln->odd & ODD_MARK) && ln->units <= 3 &&
        (v.label == CAND || v.label == SCRUB_LABEL_META) && end_mark(text, ln))
        return (verdict){SCRUB_LABEL_ARTIFACT, 0.05, "end-mark"};
    return v;
}

/* www。js777。com, js777点com, js777．cc: a domain with its dots spelled
 * another way (an ideographic full stop, the word 点 or 點, a full-width dot)
 * so that no link filter sees it -- a spam address, never a sentence's
 * way to cite a site.  The dot must stand after "www" or between an ASCII
 * letter or digit and a top-level domain. */
static bool spelled_dot(const unsigned char *s, size_t n, size_t i)
{
    return i + 3 <= n && ((s[i] == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x82) ||
                          (s[i] == 0xE7 && s[i + 1] == 0x82 && s[i + 2] == 0xB9) ||
                          (s[i] == 0xE9 && s[i + 1] == 0xBB && s[i + 2] == 0x9E) ||
                          (s[i] == 0xEF && s[i + 1] == 0xBC && s[i + 2] == 0x8E));
}

static bool tld_at(const unsigned char *s, size_t n, size_t i)
{
    static const char *const tlds[] = {"com", "net", "org", "cc", "vip", "top", "cn"};
    for (size_t k = 0; k < sizeof tlds / sizeof tlds[0]; k++) {
        size_t m = strlen(tlds[k]);
        if (i + m > n) continue;
        size_t j = 0;
        while (j < m && (s[i + j] | 32) == tlds[k][j]) j++;
        if (j == m && (i + m == n || !ascii_alnum(s[i + m]))) return true;
    }
    return false;
}

static bool spelled_domain(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len;
    for (size_t i = 1; i + 3 < n; i++) {
        if (!spelled_dot(s, n, i) || !ascii_alnum(s[i - 1])) continue;
        bool www = i >= 3 && (s[i - 3] | 32) == 'w' && (s[i - 2] | 32) == 'w' && (s[i - 1] | 32) == 'w';
        if (www || tld_at(s, n, i + 3)) return true;
    }
    return false;
}

/* 10分钟前, 3小時前, 昨天 18:16, 09-07 12:30: a post's time alone on
 * its line, relative or without a year -- the time a comment box prints
 * under every comment. */
static bool ago_line(const char *text, const line_t *ln)
{
    if (ln->units > 8 || ln->len > 40 || ln->good || !ln->ndigit) return false;
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len, i = 0;
    while (i < n && s[i] == ' ') i++;
    while (n > i && s[n - 1] == ' ') n--;
    /* most short lines fail here: it ends in 前 or in a digit */
    bool before = n - i > 3 && memcmp(s + n - 3, "\xE5\x89\x8D", 3) == 0;
    if (!before && !(ln->ndigit >= 3 && s[n - 1] >= '0' && s[n - 1] <= '9')) return false;
    size_t d = i, m = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    if (i > d) {
        size_t j = i;
        while (j < n && s[j] == ' ') j++;
        m = first_word((const char *)s + j, n - j, scrub__words_stamp_unit,
                       SCRUB__WORDS_STAMP_UNIT_N);
        if (!m)
            m = first_word((const char *)s + j, n - j, scrub__words_ago_unit,
                           SCRUB__WORDS_AGO_UNIT_N);
        /* 前 (E5 89 8D) closes it */
        if (m && n - j - m == 3 && memcmp(s + j + m, "\xE5\x89\x8D", 3) == 0) return true;
        m = 0;
    } else {
        m = first_word((const char *)s + i, n - i, scrub__words_clock_day,
                       SCRUB__WORDS_CLOCK_DAY_N);
        i += m;
    }
    /* the rest: a month-day and a clock, digits and - / : only */
    bool colon = false, sep = false;
    for (; i < n; i++) {
        if (s[i] == ':') colon = true;
        else if (s[i] == '-' || s[i] == '/') sep = true;
        else if ((s[i] < '0' || s[i] > '9') && s[i] != ' ') return false;
    }
    return colon && (m || sep);
}

int scrub__classify_each(scrub_ctx *ctx, filter_state *st, const char *text)
{
    const scrub__ac *ac;
    int rc = scrub__ac_builtin(&ac);
    if (rc != SCRUB_OK) return rc;
    scrub__run_once(&stop_once, build_stop_first);
    scrub__run_once(&punct_once, build_punct_class);
    size_t invalid = 0, ncut = 0;
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        ln->match_first = st->nmatches;
        if (scan_chars(st, ac, ln, text, ctx->utf8_known_valid, &invalid) != SCRUB_OK)
            return SCRUB_E_NOMEM;
        if (st->has_user && scan_lexicon(st, &st->user_ac, text, ln) != SCRUB_OK)
            return SCRUB_E_NOMEM;
        ln->spelled = ln->dotted && !ln->url && spelled_domain(text, ln);
        ln->url = ln->url || ln->spelled;
        ln->good = sentence_shape(ln);
        ln->near = near_shape(ln);
        /* a date needs a four-digit year: most lines are settled by the
         * longest run of digits */
        ln->date = ln->run4 && (has(ln, SCRUB__CAT_META) || ln->units <= 16) &&
                   scrub__has_date(text, ln);
        ln->clock = ln->date && ln->units <= 16 && scrub__has_clock(text, ln);
        /* a date, an ISBN or a product code is no phone */
        if (SCRUB_UNLIKELY(ln->phone)) ln->phone = phone_run(text, ln);
        uint8_t held = 0;
        verdict v = alone(ln, &held);
        if (v.label == CAND && ln->ndigit >= 3 && ln->ndigit <= 4 && ln->units <= 3 &&
            scrub__clock_alone(text, ln))
            v = (verdict){SCRUB_LABEL_META, 0.15, "time-alone"};
        else if (v.label == CAND && email_line(text, ln))
            v = (verdict){SCRUB_LABEL_CONTACT, 0.1, "e-mail"};
        else if (v.label == CAND && editor_note(text, ln))
            v = (verdict){SCRUB_LABEL_ARTIFACT, 0.05, "editor-note"};
        else if (v.label == CAND && ln->len > 3 && snippet_end(text[ln->start + ln->len - 1]) &&
                 cut_snippet(text, ln))
            v = (verdict){SCRUB_LABEL_WIDGET, 0.1, "cut-snippet"};
        else if (v.label == CAND && has(ln, SCRUB__CAT_DATE) && day_possessive(text, ln))
            v = (verdict){SCRUB_LABEL_NAV, 0.15, "day-alone"};
        if (SCRUB_UNLIKELY(ln->odd)) v = odd_line(text, ln, v, &ncut);
        bool notice = false;
        if (v.label == SCRUB_LABEL_CONTENT &&
            ((notice = notice_line(text, ln)) || twice_notice(ln))) {
            /* two notice phrases quoted in a Chinese sentence (发布了一份
             * 免责声明和法律声明) are held like one strong marker */
            if (ln->ncjk >= ln->nwords && held_marker(ln) && !notice)
                held = 1; /* marker_order[0]: the footer's */
            v = (verdict){SCRUB_LABEL_FOOTER, 0.1, cat_why(ln, SCRUB__CAT_FOOTER)};
        } else if (v.label == SCRUB_LABEL_CONTENT && boxed_sentence(ln, SCRUB__CAT_WIDGET))
            v = (verdict){SCRUB_LABEL_WIDGET, 0.1, cat_why(ln, SCRUB__CAT_WIDGET)};
        else if (v.label == SCRUB_LABEL_CONTENT &&
                 (opening_notice(ln) || boxed_sentence(ln, SCRUB__CAT_FOOTER)))
            v = (verdict){SCRUB_LABEL_FOOTER, 0.1, cat_why(ln, SCRUB__CAT_FOOTER)};
        else if (v.label == CAND && footer_row(ln))
            v = (verdict){SCRUB_LABEL_FOOTER, 0.1, "footer-links"};
        else if (v.label == SCRUB_LABEL_CONTENT && ln->units <= 60 && provenance_note(text, ln))
            v = (verdict){SCRUB_LABEL_META, 0.15, "provenance"};
        else if (v.label == SCRUB_LABEL_CAPTION && source_field(text, ln))
            v = (verdict){SCRUB_LABEL_META, 0.15, "source-field"};
        else if (v.label == CAND && ln->url && !ln->ncjk && escaped_url(text, ln))
            v = (verdict){SCRUB_LABEL_ARTIFACT, 0.05, "escaped-url"};
        set_label(ln, v.label, v.score, v.reason);
        if (SCRUB_UNLIKELY(held) && ln->label == marker_order[held - 1].label &&
            !held_start(text, ln, marker_order[held - 1].cat)) {
            ln->held = held;
            st->nheld++;
        }
        line_shapes(st, ln, text);
        /* one syllable per character of the line above: its pinyin? */
        if (SCRUB_UNLIKELY(ln->nwords >= 2 && !ln->ncjk) && i && st->lines[i - 1].ncjk == ln->nwords &&
            !st->lines[i - 1].nalpha)
            st->npinyin++;
        if (SCRUB_UNLIKELY(ln->ndigit) && ln->units <= 8 && ago_line(text, ln)) {
            ln->ago = true;
            st->nago++;
        }
        if (ln->good && (ln->strong & SPAM_CATS) && scrub__inline_spam(st, text, i, ln) != SCRUB_OK)
            return SCRUB_E_NOMEM;
    }
    ctx->replacements = invalid;
    st->ncut = ncut;
    return SCRUB_OK;
}
