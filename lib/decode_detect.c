/*
 * decode_detect.c -- content-based charset detection.
 *
 * Order: BOM; magic numbers of images and archives ("binary"); the NUL
 * pattern of UTF-16/32 without BOM; valid UTF-8; control bytes ("binary");
 * 7-bit escapes (ISO-2022-JP/KR/CN, HZ); otherwise every candidate charset
 * reads the bytes and the one whose text looks most like text wins.
 *
 * "Looks like text" is scored per character, no language text is shipped:
 *   - CJK candidates: ranks of Han characters counted in the project's
 *     allowed web text (data/decode_han_rank.txt, generated header), the
 *     kana/hangul structure of each language (Japanese text is full of
 *     hiragana; Korean text uses the 2,350 KS X 1001 syllables and spaces),
 *     and invalid or private-use sequences;
 *   - single-byte candidates: ICU's CLDR exemplar letters of the languages
 *     the charset serves (a letter outside them counts against), plus
 *     letter-case and script changes inside words, symbols between letters
 *     and C1 controls, which wrong single-byte readings produce.
 * Tables are built once per process from ICU (scrub__detect_init()).
 */
#include "decode_charsets.h"
#include "decode_han.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ulocdata.h>
#include <unicode/uset.h>

/* Work bounds: scoring stops after this many non-ASCII bytes (evidence
 * enough; keeps the cost per page flat). */
#define SAMPLE_HIGH 4096

/* ---- single-byte tables ----------------------------------------------------- */

/* Character classes for the pair rules.  Letters: script * 3 + case. */
enum {
    K_OTHER = 0, /* ASCII space, ASCII punctuation */
    K_DIGIT,     /* ASCII digits */
    K_PUNCT,     /* common non-ASCII punctuation: quotes, dashes, NBSP, ... */
    K_SYMBOL,    /* other symbols */
    K_CONTROL,   /* C1 controls, unassigned */
    K_MARK,      /* combining marks */
    K_FINAL,     /* Greek final sigma: a letter that ends words */
    K_LETTER     /* K_LETTER + script * 3 + (0 lower, 1 upper, 2 caseless) */
};
enum { SCRIPT_LATIN, SCRIPT_CYRILLIC, SCRIPT_GREEK, SCRIPT_HEBREW, SCRIPT_ARABIC,
       SCRIPT_THAI, SCRIPT_OTHER, SCRIPT_COUNT };
#define K_COUNT (K_LETTER + SCRIPT_COUNT * 3)

#define MAX_LANGS 12

typedef struct {
    int cs;
    const char *langs; /* space-separated ICU locale ids */
    int prior;         /* tenths per letter against charsets rare on the web */
    int base;          /* tenths once: what little evidence should prefer */
} sbcs_def;

static const sbcs_def sbcs_defs[] = {
    {CS_WINDOWS_1252, "fr de es pt it nl sv da nb fi is ca", 0, 12},
    {CS_ISO8859_15, "fr de es pt it nl sv da nb fi is ca et", 0, 0},
    {CS_WINDOWS_1250, "pl cs sk hu sl hr ro sq bs de", 0, 0},
    {CS_ISO8859_2, "pl cs sk hu sl hr ro sq bs de", 0, 0},
    {CS_WINDOWS_1251, "ru uk bg be sr mk", 0, 0},
    {CS_KOI8_R, "ru bg", 0, 0},
    {CS_KOI8_U, "uk", 0, 0},
    {CS_ISO8859_5, "ru uk bg be sr mk", 0, 0},
    {CS_IBM866, "ru uk be bg", 0, -10},
    {CS_MAC_CYRILLIC, "ru uk bg be sr mk", 0, -10},
    {CS_IBM855, "ru bg sr mk", 0, -10},
    {CS_WINDOWS_1253, "el", 0, 0},
    {CS_ISO8859_7, "el", 0, 0},
    {CS_WINDOWS_1255, "he", 0, 0},
    {CS_ISO8859_8, "he", 0, 0},
    {CS_WINDOWS_1254, "tr", 0, 0},
    {CS_WINDOWS_1257, "lt lv et", 0, 0},
    {CS_ISO8859_13, "lt lv et pl hr sl", 0, 0},
    {CS_ISO8859_4, "lt lv et", 0, 0},
    {CS_WINDOWS_1256, "ar fa ur", 0, 0},
    {CS_ISO8859_6, "ar", 0, 0},
    {CS_WINDOWS_874, "th", 0, -10},
    {CS_WINDOWS_1258, "vi", 0, -10},
    {CS_ISO8859_3, "mt eo tr", 0, -10},
    {CS_ISO8859_10, "is fi da sv nb lt lv", 0, 0},
    {CS_IBM852, "pl cs sk hu sl hr ro", 0, -10},
    {CS_MAC_CE, "pl cs sk hu sl hr", 3, -10},
    {CS_MACINTOSH, "fr de es pt it", 6, -10},
};
#define SBCS_COUNT (sizeof sbcs_defs / sizeof sbcs_defs[0])

typedef struct {
    unsigned char cls[256];            /* class of each byte's character */
    signed char score[MAX_LANGS][128]; /* per language, for bytes 0x80.. */
    int nlangs;
    int base;
} sbcs_table;

static sbcs_table sbcs[SBCS_COUNT];
static signed char pair_pen[K_COUNT][K_COUNT]; /* tenths */
static unsigned char hangul_ksx[(11172 + 7) / 8]; /* KS X 1001 syllables */

static int script_of(UChar32 c)
{
    UErrorCode err = U_ZERO_ERROR;
    switch (uscript_getScript(c, &err)) {
    case USCRIPT_LATIN: return SCRIPT_LATIN;
    case USCRIPT_CYRILLIC: return SCRIPT_CYRILLIC;
    case USCRIPT_GREEK: return SCRIPT_GREEK;
    case USCRIPT_HEBREW: return SCRIPT_HEBREW;
    case USCRIPT_ARABIC: return SCRIPT_ARABIC;
    case USCRIPT_THAI: return SCRIPT_THAI;
    default: return SCRIPT_OTHER;
    }
}

static bool common_punct(UChar32 c)
{
    static const UChar32 list[] = {0xA0, 0xAB, 0xBB, 0xA9, 0xAE, 0xB0, 0xB7, 0x2013, 0x2014,
                                   0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2022,
                                   0x2026, 0x20AC, 0xA3, 0xA7, 0x2122, 0xAD, 0x2116, 0xBF, 0xA1,
                                   0x2039, 0x203A, 0xD7, 0x5BE, 0x60C, 0x61B, 0x61F, 0x640};
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
        if (list[i] == c) return true;
    return false;
}

static unsigned char class_of(UChar32 c)
{
    if (c < 0x80) {
        if (c >= 'a' && c <= 'z') return K_LETTER + SCRIPT_LATIN * 3;
        if (c >= 'A' && c <= 'Z') return K_LETTER + SCRIPT_LATIN * 3 + 1;
        if (c >= '0' && c <= '9') return K_DIGIT;
        return K_OTHER;
    }
    /* U+00A4 CURRENCY SIGN is what a euro sign read as Latin-1 becomes;
     * real text does not use it. */
    if (c == 0xFFFD || (c >= 0x80 && c < 0xA0) || c == 0xA4 || !u_isdefined(c)) return K_CONTROL;
    if (common_punct(c)) return K_PUNCT;
    int8_t t = u_charType(c);
    if (t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK) return K_MARK;
    if (c == 0x03C2) return K_FINAL;
    if (u_isalpha(c)) {
        int kase = u_isULowercase(c) ? 0 : u_isUUppercase(c) || u_istitle(c) ? 1 : 2;
        return (unsigned char)(K_LETTER + script_of(c) * 3 + kase);
    }
    if (c == 0xFEFF || t == U_PRIVATE_USE_CHAR) return K_CONTROL;
    return K_SYMBOL;
}

static void init_pair_pen(void)
{
    for (int a = 0; a < K_COUNT; a++) {
        for (int b = 0; b < K_COUNT; b++) {
            int pen = 0;
            bool la = a >= K_LETTER, lb = b >= K_LETTER;
            if (la && lb) {
                int sa = (a - K_LETTER) / 3, sb = (b - K_LETTER) / 3;
                int ca = (a - K_LETTER) % 3, cb = (b - K_LETTER) % 3;
                if (sa != sb) pen -= 15;           /* script change inside a word */
                else if (ca == 0 && cb == 1) pen -= 15; /* lower then upper */
            } else if ((la && b == K_SYMBOL) || (a == K_SYMBOL && lb)) {
                pen -= 5; /* symbol glued to a letter */
            } else if ((la && b == K_DIGIT) || (a == K_DIGIT && lb)) {
                pen -= 8; /* a letter glued to a number: rarer than a sign */
            } else if (a == K_FINAL && lb) {
                pen -= 20; /* a word goes on after its final letter */
            } else if (b == K_MARK && !la) {
                pen -= 10; /* a combining mark with no letter to carry it */
            }
            pair_pen[a][b] = (signed char)pen;
        }
    }
}

/* Letter frequencies per script from the generated counts: a letter's
 * bonus (tenths) is its log-likelihood against a uniform choice among the
 * script's letters, for scripts with enough counted text. */
static int script_total[SCRIPT_COUNT], script_distinct[SCRIPT_COUNT];

static void init_letter_totals(void)
{
    size_t n = sizeof scrub__letter_counts / sizeof scrub__letter_counts[0];
    for (size_t i = 0; i < n; i++) {
        int sc = script_of(scrub__letter_counts[i].cp);
        script_total[sc] += (int)scrub__letter_counts[i].count;
        script_distinct[sc]++;
    }
}

static int letter_bonus(UChar32 c)
{
    UChar32 lc = u_tolower(c);
    int sc = script_of(lc);
    /* Latin counts pool many languages (a Romanian letter is rare in them
     * while common in Romanian), so only single-language scripts count. */
    if (lc < 0x80 || sc == SCRIPT_OTHER || sc == SCRIPT_LATIN || script_total[sc] < 2000) return 0;
    size_t lo = 0, hi = sizeof scrub__letter_counts / sizeof scrub__letter_counts[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (scrub__letter_counts[mid].cp < lc)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo >= sizeof scrub__letter_counts / sizeof scrub__letter_counts[0] ||
        scrub__letter_counts[lo].cp != lc)
        return -12;
    double p = (double)scrub__letter_counts[lo].count / script_total[sc];
    double b = 4.0 * log2(p * script_distinct[sc]);
    return b < -12 ? -12 : b > 6 ? 6 : (int)lround(b);
}

/* Fills one single-byte charset's tables from ICU. */
static int init_sbcs(sbcs_table *t, const sbcs_def *d)
{
    UErrorCode err = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(scrub__charsets[d->cs].icu, &err);
    if (U_FAILURE(err)) return SCRUB_E_INTERNAL;
    UChar32 cps[256];
    for (int b = 0; b < 256; b++) {
        char in = (char)b;
        UChar u[4];
        err = U_ZERO_ERROR;
        ucnv_reset(conv);
        ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
        int32_t n = ucnv_toUChars(conv, u, 4, &in, 1, &err);
        cps[b] = U_SUCCESS(err) && n == 1 ? u[0] : 0xFFFD;
        if (b < 0x80) cps[b] = b; /* all of these are ASCII-compatible */
        t->cls[b] = class_of(cps[b]);
    }
    ucnv_close(conv);
    t->base = d->base;
    char langs[64];
    snprintf(langs, sizeof langs, "%s", d->langs);
    t->nlangs = 0;
    for (char *save = NULL, *lang = strtok_r(langs, " ", &save); lang && t->nlangs < MAX_LANGS;
         lang = strtok_r(NULL, " ", &save)) {
        err = U_ZERO_ERROR;
        ULocaleData *ld = ulocdata_open(lang, &err);
        USet *std = ulocdata_getExemplarSet(ld, NULL, USET_CASE_INSENSITIVE,
                                            ULOCDATA_ES_STANDARD, &err);
        USet *aux = ulocdata_getExemplarSet(ld, NULL, USET_CASE_INSENSITIVE,
                                            ULOCDATA_ES_AUXILIARY, &err);
        if (U_FAILURE(err)) {
            if (std) uset_close(std);
            if (aux) uset_close(aux);
            if (ld) ulocdata_close(ld);
            continue;
        }
        signed char *sc = t->score[t->nlangs++];
        for (int b = 0x80; b < 256; b++) {
            int k = t->cls[b];
            int s = 0;
            if (k >= K_LETTER || k == K_FINAL)
                s = (k - K_LETTER) % 3 == 1 ? -6 : 0; /* text is mostly lowercase */
            if (k >= K_LETTER || k == K_FINAL)
                s += (uset_contains(std, cps[b]) ? 10 : uset_contains(aux, cps[b]) ? -2 : -10) +
                    letter_bonus(cps[b]) - d->prior;
            else if (k == K_SYMBOL)
                s = -8;
            else if (k == K_PUNCT)
                s = 3;
            else if (k == K_CONTROL)
                s = -40;
            sc[b - 0x80] = (signed char)s;
        }
        uset_close(std);
        uset_close(aux);
        ulocdata_close(ld);
    }
    return t->nlangs ? SCRUB_OK : SCRUB_E_INTERNAL;
}

static int init_hangul(void)
{
    UErrorCode err = U_ZERO_ERROR;
    UConverter *conv = ucnv_open("ibm-970", &err); /* strict EUC-KR = KS X 1001 */
    if (U_FAILURE(err)) return SCRUB_E_INTERNAL;
    for (int i = 0; i < 11172; i++) {
        UChar u = (UChar)(0xAC00 + i);
        char out[8];
        err = U_ZERO_ERROR;
        ucnv_reset(conv);
        ucnv_setFromUCallBack(conv, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
        int32_t n = ucnv_fromUChars(conv, out, sizeof out, &u, 1, &err);
        if (U_SUCCESS(err) && n == 2) hangul_ksx[i / 8] |= (unsigned char)(1u << (i % 8));
    }
    ucnv_close(conv);
    return SCRUB_OK;
}

static int detect_init_once(void)
{
    init_pair_pen();
    init_letter_totals();
    for (size_t i = 0; i < SBCS_COUNT; i++) {
        int status = init_sbcs(&sbcs[i], &sbcs_defs[i]);
        if (status != SCRUB_OK) return status;
    }
    return init_hangul();
}

static scrub__once detect_once = SCRUB__ONCE_INIT;

int scrub__detect_init(void)
{
    return scrub__run_once(&detect_once, detect_init_once);
}

/* ---- sample statistics ------------------------------------------------------ */

typedef struct {
    const unsigned char *p;
    size_t n;          /* scored length (cut after SAMPLE_HIGH high bytes) */
    size_t high;       /* bytes >= 0x80 in p[0..n) */
    uint32_t hist[128]; /* counts of bytes 0x80.. */
} sample;

static void make_sample(sample *s, const unsigned char *p, size_t n)
{
    memset(s, 0, sizeof *s);
    s->p = p;
    size_t i = 0;
    for (; i < n && s->high < SAMPLE_HIGH; i++) {
        if (p[i] >= 0x80) {
            s->hist[p[i] - 0x80]++;
            s->high++;
        }
    }
    s->n = i;
}

/* Score (tenths) of single-byte table t over the sample: the best language's
 * letter score plus the pair rules. */
static long score_sbcs(const sbcs_table *t, const sample *s)
{
    long best = -1000000000L;
    for (int l = 0; l < t->nlangs; l++) {
        long sum = 0;
        for (int b = 0; b < 128; b++) sum += (long)s->hist[b] * t->score[l][b];
        if (sum > best) best = sum;
    }
    long pen = 0;
    const unsigned char *p = s->p;
    for (size_t i = 0; i < s->n; i++) {
        if (p[i] < 0x80) continue;
        if (i > 0) pen += pair_pen[t->cls[p[i - 1]]][t->cls[p[i]]];
        if (i + 1 < s->n && p[i + 1] < 0x80) pen += pair_pen[t->cls[p[i]]][t->cls[p[i + 1]]];
    }
    return best + pen + t->base;
}

/* ---- CJK candidates --------------------------------------------------------- */

enum { LANG_ZH, LANG_JA, LANG_KO };

static int han_score(UChar32 c)
{
    if (c < SCRUB__HAN_FIRST || c > SCRUB__HAN_LAST) return -15;
    static const signed char by_bucket[5] = {-15, -5, 2, 10, 15};
    return by_bucket[scrub__han_bucket[c - SCRUB__HAN_FIRST]];
}

/* Score (tenths) of one character read as language `lang`. */
static int cjk_char_score(int lang, UChar32 c)
{
    if (c == 0xFFFD) return -40;
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
        (c >= 0xF900 && c <= 0xFAFF) || c >= 0x20000)
        return han_score(c) - (lang == LANG_KO ? 10 : 0);
    if (c >= 0x3041 && c <= 0x309F) return lang == LANG_JA ? 15 : -10;
    if (c >= 0x30A0 && c <= 0x30FF) return lang == LANG_JA ? 10 : -10;
    if (c >= 0xAC00 && c <= 0xD7A3) {
        if (lang != LANG_KO) return -20;
        int i = c - 0xAC00;
        return hangul_ksx[i / 8] & (1u << (i % 8)) ? 15 : -8;
    }
    if (c >= 0x3130 && c <= 0x318F) return -15; /* compatibility jamo */
    if (c >= 0xFF61 && c <= 0xFF9F) return lang == LANG_JA ? -7 : -20; /* halfwidth kana */
    if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF5E)) return 3;
    if (c >= 0xE000 && c <= 0xF8FF) return -30;
    if (c >= 0x80 && c < 0xA0) return -40;
    return -5;
}

typedef struct {
    int cs;
    int lang;
} cjk_def;

static const cjk_def cjk_defs[] = {
    {CS_GB18030, LANG_ZH}, {CS_BIG5, LANG_ZH},   {CS_SHIFT_JIS, LANG_JA},
    {CS_EUC_JP, LANG_JA},  {CS_EUC_KR, LANG_KO},  {CS_EUC_TW, LANG_ZH},
};
#define CJK_COUNT (sizeof cjk_defs / sizeof cjk_defs[0])

static bool is_cjk_letter(UChar32 c)
{
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
           (c >= 0xAC00 && c <= 0xD7A3);
}

/* Substitutes U+FFFD for anything undecodable (ICU's own substitution
 * may give U+001A for single bytes, which would look like ASCII). */
static void fffd_cb(const void *context, UConverterToUnicodeArgs *args, const char *units,
                    int32_t length, UConverterCallbackReason reason, UErrorCode *err)
{
    (void)context, (void)units, (void)length;
    if (reason > UCNV_IRREGULAR) return;
    static const UChar fffd = 0xFFFD;
    *err = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &fffd, 1, 0, err);
}

/* Score (tenths) of a CJK candidate over the sample, counted per byte of
 * input so it compares with single-byte scores; very low when ICU cannot
 * open the converter or the bytes are hopelessly invalid for it. */
static long score_cjk(const cjk_def *d, const sample *s)
{
    UErrorCode err = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(scrub__charsets[d->cs].icu, &err);
    if (U_FAILURE(err)) return -1000000000L;
    ucnv_setToUCallBack(conv, fffd_cb, NULL, NULL, NULL, &err);
    const char *src = (const char *)s->p, *end = (const char *)s->p + s->n;
    UChar buf[1024];
    long score = 0, bad = 0;
    /* Past this many invalid sequences the candidate cannot win: stop. */
    long hopeless = (long)s->high / 16 + 4;
    UChar32 prev = 0, prev2 = 0;
    do {
        UChar *t = buf;
        err = U_ZERO_ERROR;
        ucnv_toUnicode(conv, &t, buf + 1024, &src, end, NULL, false, &err);
        for (UChar *u = buf; u < t; u++) {
            UChar32 c = *u;
            if (U16_IS_SURROGATE(c)) c = 0x20000; /* rare ideograph or junk */
            if (c < 0x80) {
                prev2 = prev, prev = c;
                continue;
            }
            int sc = cjk_char_score(d->lang, c);
            if (c == 0xFFFD) bad++;
            /* A space between CJK letters: usual in Korean, odd elsewhere. */
            if (prev == ' ' && is_cjk_letter(prev2) && is_cjk_letter(c))
                sc += d->lang == LANG_KO ? 5 : -10;
            score += 2 * sc; /* a double-byte character spans two bytes */
            prev2 = prev, prev = c;
        }
    } while (err == U_BUFFER_OVERFLOW_ERROR && bad <= hopeless);
    ucnv_close(conv);
    if (bad > hopeless) return -1000000000L;
    return score;
}

/* ---- the structural checks -------------------------------------------------- */

static bool has_prefix(const unsigned char *p, size_t n, const char *magic, size_t k)
{
    return n >= k && memcmp(p, magic, k) == 0;
}

static bool binary_magic(const unsigned char *p, size_t n)
{
    return has_prefix(p, n, "GIF8", 4) || has_prefix(p, n, "\x89PNG\r\n\x1a\n", 8) ||
           has_prefix(p, n, "\xFF\xD8\xFF", 3) ||
           (has_prefix(p, n, "RIFF", 4) && n >= 12 && memcmp(p + 8, "WEBP", 4) == 0) ||
           has_prefix(p, n, "PK\x03\x04", 4) || has_prefix(p, n, "\x1F\x8B", 2) ||
           has_prefix(p, n, "%PDF-", 5) || has_prefix(p, n, "\x7F" "ELF", 4) ||
           has_prefix(p, n, "BZh", 3) || has_prefix(p, n, "\xFD" "7zXZ", 5) ||
           has_prefix(p, n, "\x00\x00\x01\x00", 4) || has_prefix(p, n, "OggS", 4) ||
           has_prefix(p, n, "ID3", 3) || has_prefix(p, n, "wOFF", 4) ||
           has_prefix(p, n, "wOF2", 4) || has_prefix(p, n, "\x28\xB5\x2F\xFD", 4);
}

static int sniff_bom(const unsigned char *p, size_t n)
{
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) return CS_UTF8;
    if (n >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) return CS_UTF32LE;
    if (n >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF) return CS_UTF32BE;
    if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) return CS_UTF16LE;
    if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) return CS_UTF16BE;
    return -1;
}

/* UTF-16/32 without a BOM, from where the zero bytes sit; -1 if neither. */
static int sniff_wide(const unsigned char *p, size_t n)
{
    size_t zero[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++)
        if (!p[i]) zero[i & 3]++;
    size_t quarter = n / 4;
    if (quarter < 2) return -1;
    if (zero[2] >= quarter * 9 / 10 && zero[3] >= quarter * 9 / 10 && zero[0] < quarter / 2)
        return CS_UTF32LE;
    if (zero[0] >= quarter * 9 / 10 && zero[1] >= quarter * 9 / 10 && zero[3] < quarter / 2)
        return CS_UTF32BE;
    size_t even = zero[0] + zero[2], odd = zero[1] + zero[3];
    if (odd >= quarter && even * 8 < odd) return CS_UTF16LE;
    if (even >= quarter && odd * 8 < even) return CS_UTF16BE;
    return -1;
}

/* UTF-8 evidence: multi-byte sequences that are valid, and invalid ones. */
static void utf8_counts(const unsigned char *p, size_t n, size_t *valid, size_t *invalid)
{
    *valid = *invalid = 0;
    for (size_t i = 0; i < n;) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t used = scrub__utf8_decode(p + i, n - i, &cp);
        if (cp == SCRUB__REPLACEMENT && !(used == 3 && p[i] == 0xEF)) {
            /* a sequence cut by the end of the window is not evidence */
            if (i + used < n) (*invalid)++;
        } else {
            (*valid)++;
        }
        i += used;
    }
}

static int sniff_escapes(const unsigned char *p, size_t n)
{
    bool hz_open = false;
    for (size_t i = 0; i + 3 < n; i++) {
        if (p[i] == 0x1B) {
            if (p[i + 1] == '$' && (p[i + 2] == 'B' || p[i + 2] == '@')) return CS_ISO2022JP;
            if (p[i + 1] == '(' && (p[i + 2] == 'J' || p[i + 2] == 'I')) return CS_ISO2022JP;
            if (p[i + 1] == '$' && p[i + 2] == ')' && p[i + 3] == 'C') return CS_ISO2022KR;
            if (p[i + 1] == '$' && p[i + 2] == ')' && (p[i + 3] == 'A' || p[i + 3] == 'G'))
                return CS_ISO2022CN;
        } else if (p[i] == '~' && p[i + 1] == '{') {
            hz_open = true;
        } else if (hz_open && p[i] == '~' && p[i + 1] == '}') {
            return CS_HZ;
        }
    }
    return -1;
}

/* UTF-16 text without BOM or ASCII (CJK): most units are ideographs,
 * kana, hangul or printable ASCII. */
static int sniff_utf16_text(const unsigned char *p, size_t n)
{
    if (n < 16) return -1;
    for (int be = 0; be < 2; be++) {
        size_t good = 0, units = n / 2;
        for (size_t i = 0; i + 1 < n; i += 2) {
            unsigned u = be ? (unsigned)p[i] << 8 | p[i + 1] : (unsigned)p[i + 1] << 8 | p[i];
            if ((u >= 0x20 && u < 0x7F) || u == '\n' || u == '\r' || u == '\t' ||
                (u >= 0x3000 && u <= 0x30FF) || (u >= 0xFF01 && u <= 0xFF5E) ||
                (u >= 0xAC00 && u <= 0xD7A3) ||
                (u >= SCRUB__HAN_FIRST && u <= SCRUB__HAN_LAST &&
                 scrub__han_bucket[u - SCRUB__HAN_FIRST] >= 2))
                good++;
        }
        if (good * 10 >= units * 9) return be ? CS_UTF16BE : CS_UTF16LE;
    }
    return -1;
}

static size_t count_controls(const unsigned char *p, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        /* ESC, SO and SI belong to ISO-2022 text */
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B &&
            c != 0x0E && c != 0x0F)
            k++;
    }
    return k;
}

static int clamp_conf(long v)
{
    return v < 1 ? 1 : v > 99 ? 99 : (int)v;
}

/* ---- scoring all candidates ------------------------------------------------- */

typedef struct {
    long best, second;
    int cs;
} ranking;

static void consider(ranking *r, long score, int cs)
{
    if (score > r->best) {
        r->second = r->best;
        r->best = score;
        r->cs = cs;
    } else if (score > r->second) {
        r->second = score;
    }
}

static int best_candidate(const unsigned char *p, size_t n, int *confidence)
{
    sample s;
    make_sample(&s, p, n);
    ranking r = {-2000000000L, -2000000000L, CS_WINDOWS_1252};
    for (size_t i = 0; i < CJK_COUNT; i++) consider(&r, score_cjk(&cjk_defs[i], &s), cjk_defs[i].cs);
    for (size_t i = 0; i < SBCS_COUNT; i++) consider(&r, score_sbcs(&sbcs[i], &s), sbcs_defs[i].cs);
    /* Confidence: how far the winner is ahead, and how text-like it reads,
     * per non-ASCII byte. */
    long margin = s.high ? (r.best - r.second) * 10 / (long)s.high : 0;
    long level = s.high ? r.best * 5 / (long)s.high : 0;
    *confidence = clamp_conf(30 + margin + level);
    return r.cs;
}

int scrub__detect(const unsigned char *p, size_t n, int *confidence)
{
    *confidence = 0;
    if (n == 0) return CS_UTF8;
    int cs = sniff_bom(p, n);
    if (cs >= 0) return *confidence = 100, cs;
    if (binary_magic(p, n)) return *confidence = 100, CS_BINARY;
    if (memchr(p, 0, n) && (cs = sniff_wide(p, n)) >= 0) return *confidence = 90, cs;
    size_t valid, invalid;
    utf8_counts(p, n, &valid, &invalid);
    if (valid && !invalid) return *confidence = clamp_conf(60 + 10 * (long)valid), CS_UTF8;
    size_t controls = count_controls(p, n);
    if (controls > n / 100 + 1 && (cs = sniff_utf16_text(p, n)) >= 0)
        return *confidence = 80, cs;
    if (controls > n / 100 + 1) return *confidence = clamp_conf(50 + (long)(controls * 200 / n)), CS_BINARY;
    /* Mostly UTF-8 with a few stray bytes: still UTF-8 (one bad byte must
     * not turn the whole page into another charset). */
    if (valid >= 8 && valid >= 4 * invalid) return *confidence = 70, CS_UTF8;
    if (!valid && !invalid) {
        cs = sniff_escapes(p, n);
        if (cs >= 0) return *confidence = 95, cs;
        return *confidence = 10, CS_UTF8;
    }
    return best_candidate(p, n, confidence);
}
