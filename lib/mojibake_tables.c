/*
 * mojibake_tables.c -- builds the code page tables and plausibility scores
 * of the mojibake stage from ICU's converters, once per process.
 *
 * Plausibility model.  Each BMP code point gets a small score: positive for
 * what clean text is made of (the most frequent Han characters, which the
 * national standards list first: GB2312 level 1, Big5 level 1, JIS X 0208
 * level 1; kana; the 2350 Hangul syllables of KS X 1001; accented letters),
 * negative for what mojibake is made of (rare Han characters that fill the
 * code pages' upper rows, C1 controls, odd symbols, private-use characters,
 * U+FFFD).  A repair is accepted when it raises the sum clearly.  The
 * levels are properties of the standards, so no corpus is needed.
 */
#include "mojibake_tables.h"
#include "mojibake_engine.h"

#include <unicode/ucnv.h>

#include "mojibake_bigram.h"
#include "mojibake_hanfreq.h"

static const char *const cp_icu[MJ_CP_COUNT] = {
    "windows-1252", "windows-1250", "windows-1251", "windows-1253", "windows-1254",
    "windows-1257", "ISO-8859-2",   "macintosh",    "IBM437",       "GBK",
    "Big5",         "Shift_JIS",    "EUC-JP",       "windows-949",
};

static const char *const cp_name[MJ_CP_COUNT + 1] = {
    "windows-1252", "windows-1250", "windows-1251", "windows-1253", "windows-1254",
    "windows-1257", "iso-8859-2",   "macroman",     "cp437",        "gbk",
    "big5",         "shift_jis",    "euc-jp",       "euc-kr",       "utf-8",
};

const char *scrub__mj_cp_name(int cp)
{
    return cp >= 0 && cp <= MJ_CP_COUNT ? cp_name[cp] : "?";
}

static mj_tables *tables;
static int build_bigram_index(mj_tables *t);

/* Decodes 1 or 2 bytes with conv; the code point when they make exactly one
 * BMP character, else 0. */
static uint16_t icu_decode(UConverter *conv, const char *bytes, int n)
{
    UChar buf[4];
    UErrorCode err = U_ZERO_ERROR;
    ucnv_reset(conv);
    int32_t got = ucnv_toUChars(conv, buf, 4, bytes, n, &err);
    if (U_FAILURE(err) || got != 1 || buf[0] == 0xFFFD || buf[0] == 0x1A) return 0;
    if (buf[0] >= 0xD800 && buf[0] <= 0xDFFF) return 0;
    return buf[0];
}

static UConverter *open_strict(const char *name)
{
    UErrorCode err = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(name, &err);
    if (U_FAILURE(err)) return NULL;
    ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    if (U_FAILURE(err)) {
        ucnv_close(conv);
        return NULL;
    }
    return conv;
}

/* "Sloppy" single-byte tables: bytes a code page leaves undefined decode to
 * the C1 control of the same value, as browsers do. */
static int build_single(mj_tables *t, int k)
{
    UConverter *conv = open_strict(cp_icu[k]);
    if (!conv) return SCRUB_E_INTERNAL;
    t->sb_enc[k] = scrub__calloc(65536, 1);
    if (!t->sb_enc[k]) {
        ucnv_close(conv);
        return SCRUB_E_NOMEM;
    }
    for (unsigned b = 0; b < 256; b++) {
        char c = (char)b;
        uint16_t cp = b < 0x80 ? (uint16_t)b : icu_decode(conv, &c, 1);
        if (!cp) cp = (uint16_t)b;
        t->sb_dec[k][b] = cp;
        if (b >= 0x80) t->sb_enc[k][cp] = (uint8_t)b;
    }
    if (k == MJ_CP1252) /* latin-1's C1 controls too */
        for (unsigned b = 0x80; b < 0xA0; b++) t->sb_enc[k][b] = (uint8_t)b;
    ucnv_close(conv);
    return SCRUB_OK;
}

static int build_double(mj_tables *t, int k)
{
    int d = k - MJ_SB_COUNT;
    UConverter *conv = open_strict(cp_icu[k]);
    if (!conv) return SCRUB_E_INTERNAL;
    t->db_fwd[d] = scrub__calloc(126 * 192, sizeof(uint16_t));
    t->db_rev[d] = scrub__calloc(65536, sizeof(uint16_t));
    if (!t->db_fwd[d] || !t->db_rev[d]) {
        ucnv_close(conv);
        return SCRUB_E_NOMEM;
    }
    for (unsigned b = 0x80; b < 0x100; b++) {
        char c = (char)b;
        uint16_t cp = icu_decode(conv, &c, 1);
        if (!cp) continue;
        t->db_single[d][b] = cp;
        t->db_rev[d][cp] = (uint16_t)b;
    }
    for (unsigned lead = 0x81; lead <= 0xFE; lead++) {
        if (t->db_single[d][lead]) continue;
        for (unsigned trail = 0x40; trail <= 0xFF; trail++) {
            char pair[2] = {(char)lead, (char)trail};
            uint16_t cp = icu_decode(conv, pair, 2);
            if (!cp || cp < 0x80) continue;
            t->db_fwd[d][(lead - 0x81) * 192 + (trail - 0x40)] = cp;
            uint16_t code = (uint16_t)(lead << 8 | trail), first = t->db_rev[d][cp];
            if (!first) t->db_rev[d][cp] = code;
            else if (first >= 0x8080 && (first & 0xFF) >= 0x80 && lead <= 0xF4 && trail >= 0x80 &&
                     trail <= 0xF4 && t->db_nalt[d] < MJ_ALT_MAX) {
                t->db_alt[d][t->db_nalt[d]].cp = cp;
                t->db_alt[d][t->db_nalt[d]++].code = code;
                t->has_alt[cp >> 6] |= 1ull << (cp & 63);
            }
        }
    }
    ucnv_close(conv);
    return SCRUB_OK;
}

static void set_suspect(mj_tables *t, uint32_t lo, uint32_t hi)
{
    for (uint32_t c = lo; c <= hi; c++) t->suspect[c >> 6] |= 1ull << (c & 63);
}

static void set_score(mj_tables *t, uint32_t lo, uint32_t hi, int v)
{
    for (uint32_t c = lo; c <= hi; c++) t->score[c] = (int8_t)v;
}

/* Marks the characters of rows [lead_lo, lead_hi] x trails [A1, FE] of a
 * double-byte code page with score v (keeping a higher score already set). */
static void score_rows(mj_tables *t, int k, unsigned lead_lo, unsigned lead_hi, unsigned tr_lo,
                       unsigned tr_hi, int v)
{
    int d = k - MJ_SB_COUNT;
    for (unsigned lead = lead_lo; lead <= lead_hi; lead++)
        for (unsigned trail = tr_lo; trail <= tr_hi; trail++) {
            uint16_t cp = mj_db_get(t, d, lead, trail);
            if (cp && t->score[cp] < v) t->score[cp] = (int8_t)v;
        }
}

static bool is_letterish(uint32_t c)
{
    return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x3FF) ||
           (c >= 0x400 && c <= 0x52F) || (c >= 0x5D0 && c <= 0x5EA) || (c >= 0x620 && c <= 0x64A) ||
           (c >= 0x1E00 && c <= 0x1EFF);
}

static void build_scores(mj_tables *t)
{
    /* Han characters start rare; the standards' first levels are common. */
    set_score(t, 0x3400, 0x4DBF, -3);
    set_score(t, 0x4E00, 0x9FFF, -3);
    set_score(t, 0xF900, 0xFAFF, -3);
    score_rows(t, MJ_GBK, 0xD8, 0xF7, 0xA1, 0xFE, 0);   /* GB2312 level 2 */
    score_rows(t, MJ_BIG5, 0xC9, 0xF9, 0x40, 0xFE, 0);  /* Big5 level 2 */
    score_rows(t, MJ_EUCJP, 0xD0, 0xF4, 0xA1, 0xFE, 0); /* JIS X 0208 level 2 */
    score_rows(t, MJ_GBK, 0xB0, 0xD7, 0xA1, 0xFE, 3);   /* GB2312 level 1 */
    score_rows(t, MJ_BIG5, 0xA4, 0xC6, 0x40, 0xFE, 3);  /* Big5 level 1 */
    score_rows(t, MJ_EUCJP, 0xB0, 0xCF, 0xA1, 0xFE, 3); /* JIS X 0208 level 1 */
    /* The most frequent characters of Chinese web text (data/
     * mojibake_hanfreq.txt) tell real text from mojibake best. */
    for (size_t i = 0; i < MJ_HANFREQ_COUNT && i < 1500; i++)
        t->score[mj_hanfreq[i]] = 4;
    for (size_t i = 0; i < MJ_HANFREQ_COUNT; i++) t->rank[mj_hanfreq[i]] = (uint16_t)(i + 1);
    /* Hangul: the KS X 1001 syllables are the ones in use. */
    set_score(t, 0xAC00, 0xD7A3, -3);
    score_rows(t, MJ_EUCKR, 0xB0, 0xC8, 0xA1, 0xFE, 4);
    set_score(t, 0x3041, 0x30FF, 2);  /* kana */
    set_score(t, 0xFF61, 0xFF9F, -1); /* halfwidth katakana */
    set_score(t, 0x3000, 0x303F, 1);  /* CJK punctuation */
    set_score(t, 0xFF01, 0xFF5E, 1);  /* fullwidth forms */
    for (uint32_t c = 0xC0; c < 0x530; c++)
        if (is_letterish(c)) t->score[c] = 1;
    set_score(t, 0x500, 0x52F, 0); /* Cyrillic supplement: rare */
    set_score(t, 0x5D0, 0x5EA, 1);
    set_score(t, 0x620, 0x64A, 1);
    set_score(t, 0x1E00, 0x1EFF, 1);
    set_score(t, 0x80, 0x9F, -4);  /* C1 controls */
    set_score(t, 0xA1, 0xBF, -1);  /* latin-1 symbols */
    t->score[0xAD] = -2;           /* soft hyphen */
    set_score(t, 0x2500, 0x259F, -1); /* box drawing, blocks */
    set_score(t, 0x25A0, 0x25FF, 0);  /* shapes: bullets of CJK text */
    set_score(t, 0x2200, 0x22FF, -1); /* mathematical operators */
    set_score(t, 0xE000, 0xF8FF, -4); /* private use */
    t->score[0xFFFD] = -3;
    static const uint16_t odd[] = {0x2020, 0x2021, 0x2022, 0x2030, 0x2039, 0x203A, 0x20AC,
                                   0x2122, 0x0192, 0x02C6, 0x02DC, 0x2044, 0xFB01, 0xFB02,
                                   0x2310, 0x2320, 0x2321, 0x02C7, 0x02D8, 0x02D9, 0x02DB,
                                   0x02DD};
    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) t->score[odd[i]] = -1;
}

static void build_suspects(mj_tables *t)
{
    /* C1 controls and letters: every UTF-8 lead byte of the single-byte
     * code pages reads as one of these (or as a symbol listed below);
     * latin-1 symbols and the no-break space alone are no sign */
    set_suspect(t, 0x80, 0x9F);
    set_suspect(t, 0xC0, 0x7FF);
    set_suspect(t, 0x2020, 0x2022);
    set_suspect(t, 0x2030, 0x2030);
    set_suspect(t, 0x2039, 0x203A);
    set_suspect(t, 0x2044, 0x2044);
    set_suspect(t, 0x200B, 0x200B);
    set_suspect(t, 0x2060, 0x2060);
    set_suspect(t, 0x20AC, 0x20AC);
    set_suspect(t, 0x2122, 0x2122);
    set_suspect(t, 0x2200, 0x22FF);
    set_suspect(t, 0x2310, 0x2321);
    set_suspect(t, 0x2500, 0x25FF);
    set_suspect(t, 0xE000, 0xF8FF);
    set_suspect(t, 0xFB01, 0xFB02);
    set_suspect(t, 0xFEFF, 0xFEFF);
    set_suspect(t, 0xFF61, 0xFF9F);
    /* Han and Hangul outside the common levels: mojibake through a
     * double-byte code page always produces some of them */
    for (uint32_t c = 0x3400; c <= 0xD7A3; c++)
        if (t->score[c] < 0 || (c >= 0x4E00 && c <= 0x9FFF && t->score[c] <= 0))
            set_suspect(t, c, c);
    set_suspect(t, 0xF900, 0xFAFF);
    memcpy(t->suspect3, t->suspect, sizeof t->suspect);
    for (uint32_t c = 0; c < 0x800; c++) t->suspect3[c >> 6] |= 1ull << (c & 63);
    for (uint32_t c = 0xD800; c <= 0xDFFF; c++) t->suspect3[c >> 6] |= 1ull << (c & 63);
    for (uint32_t r = 0; r < 65536 / 64; r++) t->suspect3b[(r >> 6) | (r & 63) << 8] = t->suspect3[r];
}

/* After the suspects: mj_wakes_reading reads the scores and the
 * single-byte tables. */
static void build_loud(mj_tables *t)
{
    for (uint32_t c = 0; c < 0x10000; c++) {
        bool invalid = c < 0x800 || (c >= 0xD800 && c <= 0xDFFF);
        bool loud = invalid || mj_loud(t, c);
        uint32_t row = (c >> 12) | (c >> 6 & 0x3F) << 4;
        if (loud) t->loud3[row] |= 1ull << (c & 63);
    }
}

static void free_tables(mj_tables *t)
{
    if (!t) return;
    scrub__free(t->rank);
    scrub__free(t->bigram_start);
    for (int k = 0; k < MJ_SB_COUNT; k++) scrub__free(t->sb_enc[k]);
    for (int d = 0; d < MJ_DB_COUNT; d++) {
        scrub__free(t->db_fwd[d]);
        scrub__free(t->db_rev[d]);
    }
    scrub__free(t);
}

static int build_tables(void)
{
    int rc = scrub__icu_init();
    if (rc != SCRUB_OK) return rc;
    mj_tables *t = scrub__calloc(1, sizeof *t);
    if (!t) return SCRUB_E_NOMEM;
    t->rank = scrub__calloc(65536, sizeof *t->rank);
    if (!t->rank) {
        scrub__free(t);
        return SCRUB_E_NOMEM;
    }
    for (int k = 0; k < MJ_CP_COUNT && rc == SCRUB_OK; k++)
        rc = k < MJ_SB_COUNT ? build_single(t, k) : build_double(t, k);
    if (rc != SCRUB_OK) {
        free_tables(t);
        return rc;
    }
    if (build_bigram_index(t) != SCRUB_OK) {
        free_tables(t);
        return SCRUB_E_NOMEM;
    }
    build_scores(t);
    build_suspects(t);
    build_loud(t);
    tables = t;
    return SCRUB_OK;
}

static scrub__once tables_once = SCRUB__ONCE_INIT;

int scrub__mj_tables(const mj_tables **out)
{
    int rc = scrub__run_once(&tables_once, build_tables);
    *out = tables;
    return rc;
}

static int build_bigram_index(mj_tables *t)
{
    t->bigram_start = scrub__malloc(65537 * sizeof *t->bigram_start);
    if (!t->bigram_start) return SCRUB_E_NOMEM;
    size_t k = 0;
    for (uint32_t a = 0; a <= 0x10000; a++) {
        while (k < MJ_BIGRAM_COUNT && (mj_bigram_key[k] >> 16) < a) k++;
        t->bigram_start[a] = (uint32_t)k;
    }
    return SCRUB_OK;
}

unsigned scrub__mj_bigram(uint32_t a, uint32_t b)
{
    if (a > 0xFFFF || b > 0xFFFF) return 0;
    uint32_t key = a << 16 | b;
    size_t lo = tables->bigram_start[a], hi = tables->bigram_start[a + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (mj_bigram_key[mid] < key) lo = mid + 1;
        else hi = mid;
    }
    return lo < MJ_BIGRAM_COUNT && mj_bigram_key[lo] == key ? mj_bigram_n[lo] : 0;
}
