/*
 * mojibake_tables.h -- code page tables and the character plausibility
 * scores of the mojibake stage.  Built once per process from ICU's
 * converters (scrub__mj_tables()), read-only afterwards and shared by every
 * context.  Private to lib/mojibake*.c.
 */
#ifndef SCRUB_MOJIBAKE_TABLES_H
#define SCRUB_MOJIBAKE_TABLES_H

#include "internal.h"

/* Code pages a text may have been read with.  The single-byte ones come
 * first; windows-1252 also maps the C1 controls (latin-1) to their bytes,
 * so it covers latin-1, windows-1252 and mixtures of both. */
enum {
    MJ_CP1252,
    MJ_CP1250,
    MJ_CP1251,
    MJ_CP1253,
    MJ_CP1254,
    MJ_CP1257,
    MJ_ISO8859_2,
    MJ_MACROMAN,
    MJ_CP437,
    MJ_SB_COUNT,
    MJ_GBK = MJ_SB_COUNT,
    MJ_BIG5,
    MJ_SJIS,
    MJ_EUCJP,
    MJ_EUCKR,
    MJ_CP_COUNT,
    MJ_UTF8 = MJ_CP_COUNT /* only as a target */
};
#define MJ_DB_COUNT (MJ_CP_COUNT - MJ_SB_COUNT)
#define MJ_ALT_MAX 16

/* Entries of mj_tables.suspect3b: indexes up to 0x3F0F. */
#define MJ_SUSPECT3B 0x3F10

typedef struct {
    /* single-byte: byte -> code point (ASCII identity), code point -> byte
     * (0: not encodable) */
    uint16_t sb_dec[MJ_SB_COUNT][256];
    uint8_t *sb_enc[MJ_SB_COUNT]; /* 65536 entries each */
    /* double-byte: (lead 0x81..0xFE, trail 0x40..0xFF) -> code point, 0 when
     * invalid; single bytes 0x80..0xFF that stand alone (Shift_JIS
     * katakana, GBK's euro sign) in db_single; db_rev code point -> bytes
     * (lead << 8 | trail, or the single byte), 0 when not encodable */
    uint16_t *db_fwd[MJ_DB_COUNT]; /* 126 * 192 entries */
    uint16_t db_single[MJ_DB_COUNT][256];
    uint16_t *db_rev[MJ_DB_COUNT]; /* 65536 entries */
    /* the second code of a character that has two, both of bytes that
     * UTF-8 uses (Shift_JIS: NEC row 13's ≡ is 87 91 besides 81 DF, and
     * 金 E9 87 91 read as Shift_JIS ends in it): re-encoding toward UTF-8
     * takes the code that continues the sequence around it */
    struct {
        uint16_t cp, code;
    } db_alt[MJ_DB_COUNT][MJ_ALT_MAX];
    uint8_t db_nalt[MJ_DB_COUNT];
    uint64_t has_alt[65536 / 64]; /* bit set: some code page has db_alt */
    /* frequency rank + 1 of the most frequent Han characters (0: not
     * ranked), from data/mojibake_hanfreq.txt */
    uint16_t *rank; /* 65536 entries */
    /* plausibility score of each BMP code point (see mojibake_tables.c) */
    int8_t score[65536];
    /* bit set: code points that send a line off the fast path */
    uint64_t suspect[65536 / 64];
    /* the same for the 16 payload bits of a three-byte UTF-8 sequence read
     * without range checks: also set for overlong forms (< U+0800) and
     * surrogates, so that the fast path needs one bit test per CJK char */
    uint64_t suspect3[65536 / 64];
    /* suspect3's rows by the bytes of the sequence as they lie: the row of
     * lead b0 and first trail b1 at (b0 & 0x0F) | (b1 & 0x3F) << 8, so
     * that a word loaded from the text gives it with one mask (sparse:
     * 1,024 of the entries are used, 16 cache lines' worth of them) */
    uint64_t suspect3b[MJ_SUSPECT3B];
    /* bit set: the 16 payload bits of a three-byte sequence, read without
     * range checks, give a character that keeps a line from being quiet
     * (line_is_quiet in mojibake.c: U+FFFD and what decodes to it, the
     * invisible characters, mj_wakes_reading); row (b0 & 0x0F) |
     * (b1 & 0x3F) << 4, bit b2 & 0x3F */
    uint64_t loud3[65536 / 64];
    /* where the bigram pairs of each first character start in the sorted
     * table (65537 entries), so a lookup searches a few entries only */
    uint32_t *bigram_start;
} mj_tables;

/* The shared tables in *out, building them on first use.  SCRUB_E_NOMEM or
 * SCRUB_E_INTERNAL (ICU) when building failed; a later call tries again. */
int scrub__mj_tables(const mj_tables **out);

/* How often the characters a, b were seen next to each other (pairs of Han
 * characters and CJK punctuation, data/mojibake_bigrams.txt: web text in
 * Simplified and Traditional form plus OpenCC's phrases); 0 when the pair
 * is not among those kept.  A binary search over a's row of static data;
 * call only after scrub__mj_tables() succeeded.  Thread-safe, allocates
 * nothing. */
unsigned scrub__mj_bigram(uint32_t a, uint32_t b);

/* Names of code pages for transform names ("windows-1252", "gbk", ...). */
const char *scrub__mj_cp_name(int cp);

static inline uint16_t mj_db_get(const mj_tables *t, int d, unsigned lead, unsigned trail)
{
    if (lead < 0x81 || lead > 0xFE || trail < 0x40 || trail > 0xFF) return 0;
    return t->db_fwd[d][(lead - 0x81) * 192 + (trail - 0x40)];
}

static inline bool mj_suspect(const mj_tables *t, uint32_t cp)
{
    return cp < 0x10000 && ((t->suspect[cp >> 6] >> (cp & 63)) & 1);
}

static inline int mj_score(const mj_tables *t, uint32_t cp)
{
    return cp < 0x10000 ? t->score[cp] : 0;
}

#endif
