/*
 * mojibake_artifacts.c -- pinyin annotations, invisible characters and
 * entities left undecoded.
 */
#include "mojibake_artifacts.h"

#include "mojibake_pinyin.h"

/* ---- invisible characters ------------------------------------------------- */

static inline bool invisible_at(const mj_text *cur, size_t i, bool at_text_start)
{
    uint32_t c = cur->cp[i];
    return c == 0x200B || c == 0x2060 || (c == 0xFEFF && !(at_text_start && i == 0));
}

size_t scrub__mj_drop_invisible(mj_text *cur, bool at_text_start)
{
    /* most lines have none: find the first before moving anything */
    size_t first = 0;
    while (first < cur->n && !invisible_at(cur, first, at_text_start)) first++;
    size_t j = first, dropped = 0;
    for (size_t i = first; i < cur->n; i++) {
        uint32_t c = cur->cp[i];
        bool invisible = c == 0x200B || c == 0x2060 || (c == 0xFEFF && !(at_text_start && i == 0));
        if (invisible) {
            dropped++;
            continue;
        }
        cur->cp[j] = c;
        cur->s[j] = cur->s[i];
        cur->e[j] = cur->e[i];
        j++;
    }
    cur->n = j;
    return dropped;
}

/* ---- entities ------------------------------------------------------------- */

typedef struct {
    const char *name;
    uint32_t cp;
} entity;

/* The entities scraped text keeps meeting; sorted by name. */
static const entity entities[] = {
    {"amp", '&'},      {"apos", '\''},    {"bull", 0x2022},  {"cent", 0xA2},
    {"copy", 0xA9},    {"deg", 0xB0},     {"divide", 0xF7},  {"emsp", 0x2003},
    {"ensp", 0x2002},  {"euro", 0x20AC},  {"gt", '>'},       {"hellip", 0x2026},
    {"laquo", 0xAB},   {"ldquo", 0x201C}, {"lsaquo", 0x2039}, {"lsquo", 0x2018},
    {"lt", '<'},       {"mdash", 0x2014}, {"middot", 0xB7},  {"nbsp", 0xA0},
    {"ndash", 0x2013}, {"para", 0xB6},    {"plusmn", 0xB1},  {"pound", 0xA3},
    {"quot", '"'},     {"raquo", 0xBB},   {"rdquo", 0x201D}, {"reg", 0xAE},
    {"rsaquo", 0x203A}, {"rsquo", 0x2019}, {"sect", 0xA7},   {"thinsp", 0x2009},
    {"times", 0xD7},   {"trade", 0x2122}, {"yen", 0xA5},
};

static uint32_t named_entity(const uint32_t *s, size_t n)
{
    char name[8];
    if (n == 0 || n >= sizeof name) return 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] > 0x7F) return 0;
        name[i] = (char)s[i];
    }
    name[n] = '\0';
    size_t lo = 0, hi = sizeof entities / sizeof entities[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(name, entities[mid].name);
        if (c == 0) return entities[mid].cp;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return 0;
}

static uint32_t numeric_entity(const uint32_t *s, size_t n)
{
    bool hex = n > 0 && (s[0] == 'x' || s[0] == 'X');
    size_t i = hex ? 1 : 0;
    if (i >= n || n - i > 7) return 0;
    uint32_t v = 0;
    for (; i < n; i++) {
        uint32_t c = s[i], d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') d = (c | 0x20) - 'a' + 10;
        else return 0;
        v = v * (hex ? 16 : 10) + d;
    }
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0xFFFD;
    return v;
}

/* The entity at cur->cp[i] ('&'): its code point and length, or 0. */
static uint32_t entity_at(const mj_text *cur, size_t i, size_t *len)
{
    size_t j = i + 1;
    while (j < cur->n && j - i <= 9 && cur->cp[j] != ';') j++;
    if (j >= cur->n || cur->cp[j] != ';') return 0;
    const uint32_t *body = cur->cp + i + 1;
    size_t n = j - i - 1;
    uint32_t cp = n > 1 && body[0] == '#' ? numeric_entity(body + 1, n - 1) : named_entity(body, n);
    if (!cp) return 0;
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 ||
        cp == 0x85)
        cp = ' '; /* never a line break or control in the middle of a line */
    *len = n + 2;
    return cp;
}

int scrub__mj_decode_entities(mj_work *w, size_t *count)
{
    for (int pass = 0; pass < 8; pass++) {
        mj_text *cur = &w->cur, *nxt = &w->nxt;
        nxt->n = 0;
        if (scrub__mj_text_reserve(nxt, cur->n) != SCRUB_OK) return SCRUB_E_NOMEM;
        size_t found = 0;
        for (size_t i = 0; i < cur->n;) {
            size_t len;
            uint32_t cp = cur->cp[i] == '&' ? entity_at(cur, i, &len) : 0;
            if (cp) {
                scrub__mj_text_push(nxt, cp, cur->s[i], cur->e[i + len - 1]);
                i += len;
                found++;
            } else {
                scrub__mj_text_push(nxt, cur->cp[i], cur->s[i], cur->e[i]);
                i++;
            }
        }
        mj_text tmp = *cur;
        *cur = *nxt;
        *nxt = tmp;
        *count += found;
        if (!found) break;
    }
    return SCRUB_OK;
}

/* ---- pinyin annotations --------------------------------------------------- */

int scrub__mj_pinyin_init(void)
{
    return SCRUB_OK;
}

static bool is_han(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF);
}

/* Letters pinyin is written with: a-z and the vowels with tone marks. */
static bool is_pinyin_letter(uint32_t c, bool *tone)
{
    if (c >= 'a' && c <= 'z') return true;
    switch (c) {
    case 0xE0: case 0xE1: case 0xE8: case 0xE9: case 0xEC: case 0xED: case 0xF2: case 0xF3:
    case 0xF9: case 0xFA: case 0xFC: case 0x101: case 0x113: case 0x11B: case 0x12B:
    case 0x144: case 0x148: case 0x14D: case 0x16B: case 0x1CE: case 0x1D0: case 0x1D2:
    case 0x1D4: case 0x1D6: case 0x1D8: case 0x1DA: case 0x1DC: case 0x1F9: case 0x1E3F:
        *tone = c != 0xFC;
        return true;
    default: return false;
    }
}

static const char *readings_of(uint32_t han)
{
    size_t lo = 0, hi = MJ_PINYIN_COUNT;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (mj_pinyin_cp[mid] == han) return mj_pinyin_pool + mj_pinyin_off[mid];
        if (mj_pinyin_cp[mid] < han) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

/* Whether syllable (UTF-8, n bytes) is in the ';'-terminated list. */
static bool reading_listed(const char *list, const char *syl, size_t n)
{
    while (*list && *list != ';') {
        const char *end = list;
        while (*end != ',' && *end != ';') end++;
        if ((size_t)(end - list) == n && memcmp(list, syl, n) == 0) return true;
        list = *end == ',' ? end + 1 : end;
    }
    return false;
}

bool scrub__mj_has_reading(uint32_t han, const char *syl, size_t n)
{
    const char *list = readings_of(han);
    return list && reading_listed(list, syl, n);
}

/* The syllable inside "(...)" starting at cur->cp[i] == '(': its length in
 * characters (without parentheses), 0 when it is not one. */
static size_t syllable_at(const mj_text *cur, size_t i, bool *tone)
{
    size_t j = i + 1;
    *tone = false;
    while (j < cur->n && j - i <= 7 && is_pinyin_letter(cur->cp[j], tone)) j++;
    if (j == i + 1 || j >= cur->n || cur->cp[j] != ')') return 0;
    return j - i - 1;
}

int scrub__mj_pinyin(mj_work *w, bool remove, size_t *seen, size_t *removed)
{
    mj_text *cur = &w->cur;
    /* up to the first `(` there is nothing to drop nor to move */
    size_t j = 1;
    while (j < cur->n && cur->cp[j] != '(') j++;
    if (j >= cur->n) return SCRUB_OK;
    for (size_t i = j; i < cur->n;) {
        bool tone;
        size_t n = cur->cp[i] == '(' && i > 0 ? syllable_at(cur, i, &tone) : 0;
        if (n && tone) {
            char syl[32];
            size_t len = 0;
            for (size_t k = 0; k < n; k++) len += scrub__utf8_encode(cur->cp[i + 1 + k], syl + len);
            uint32_t prev = cur->cp[i - 1];
            const char *list = is_han(prev) ? readings_of(prev) : NULL;
            (*seen)++;
            if (remove && list && reading_listed(list, syl, len)) {
                (*removed)++;
                i += n + 2;
                continue;
            }
        }
        cur->cp[j] = cur->cp[i];
        cur->s[j] = cur->s[i];
        cur->e[j] = cur->e[i];
        j++;
        i++;
    }
    cur->n = j;
    return SCRUB_OK;
}
