/*
 * decode.c -- page bytes to UTF-8: BOM, the caller's charset, <meta>
 * prescan, content detection (decode_detect.c), then ICU converters behind
 * a WHATWG label table of our own (ICU's own label resolution is not
 * WHATWG's: "gb2312" would open a strict EUC-CN converter).
 */
#include "decode_charsets.h"

#include <stdio.h>
#include <stdlib.h>

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

/* ---- charsets and labels --------------------------------------------------- */

const scrub__charset scrub__charsets[CS_COUNT] = {
    [CS_UTF8] = {"utf-8", NULL},
    [CS_UTF16LE] = {"utf-16le", "UTF-16LE"},
    [CS_UTF16BE] = {"utf-16be", "UTF-16BE"},
    [CS_UTF32LE] = {"utf-32le", "UTF-32LE"},
    [CS_UTF32BE] = {"utf-32be", "UTF-32BE"},
    [CS_GB18030] = {"gb18030", "gb18030"},
    [CS_BIG5] = {"big5", "ibm-1375_P100-2008"}, /* Big5-HKSCS, as WHATWG's big5 */
    [CS_SHIFT_JIS] = {"shift_jis", "ibm-943_P15A-2003"}, /* windows-31j */
    [CS_EUC_JP] = {"euc-jp", "EUC-JP"},
    [CS_ISO2022JP] = {"iso-2022-jp", "ISO-2022-JP"},
    [CS_EUC_KR] = {"euc-kr", "windows-949"}, /* UHC, as WHATWG's euc-kr */
    [CS_ISO2022KR] = {"iso-2022-kr", "ISO-2022-KR"},
    [CS_HZ] = {"hz-gb-2312", "HZ"},
    [CS_ISO2022CN] = {"iso-2022-cn", "ISO-2022-CN"},
    [CS_EUC_TW] = {"euc-tw", "ibm-964_P110-1999"},
    [CS_WINDOWS_1252] = {"windows-1252", "windows-1252"},
    [CS_ISO8859_15] = {"iso-8859-15", "ISO-8859-15"},
    [CS_WINDOWS_1250] = {"windows-1250", "windows-1250"},
    [CS_ISO8859_2] = {"iso-8859-2", "ISO-8859-2"},
    [CS_WINDOWS_1251] = {"windows-1251", "windows-1251"},
    [CS_KOI8_R] = {"koi8-r", "KOI8-R"},
    [CS_KOI8_U] = {"koi8-u", "KOI8-U"},
    [CS_ISO8859_5] = {"iso-8859-5", "ISO-8859-5"},
    [CS_IBM866] = {"ibm866", "ibm-866"},
    [CS_MAC_CYRILLIC] = {"x-mac-cyrillic", "macos-7_3-10.2"},
    [CS_IBM855] = {"ibm855", "ibm-855"},
    [CS_WINDOWS_1253] = {"windows-1253", "windows-1253"},
    [CS_ISO8859_7] = {"iso-8859-7", "ISO-8859-7"},
    [CS_WINDOWS_1255] = {"windows-1255", "windows-1255"},
    [CS_ISO8859_8] = {"iso-8859-8", "ISO-8859-8"},
    [CS_WINDOWS_1254] = {"windows-1254", "windows-1254"},
    [CS_WINDOWS_1257] = {"windows-1257", "windows-1257"},
    [CS_ISO8859_13] = {"iso-8859-13", "ISO-8859-13"},
    [CS_ISO8859_4] = {"iso-8859-4", "ISO-8859-4"},
    [CS_WINDOWS_1256] = {"windows-1256", "windows-1256"},
    [CS_ISO8859_6] = {"iso-8859-6", "ISO-8859-6"},
    [CS_WINDOWS_874] = {"windows-874", "windows-874"},
    [CS_WINDOWS_1258] = {"windows-1258", "windows-1258"},
    [CS_ISO8859_3] = {"iso-8859-3", "ISO-8859-3"},
    [CS_ISO8859_10] = {"iso-8859-10", "ISO-8859-10"},
    [CS_ISO8859_14] = {"iso-8859-14", "ISO-8859-14"},
    [CS_IBM852] = {"ibm852", "ibm-852"},
    [CS_MAC_CE] = {"x-mac-ce", "macos-29-10.2"},
    [CS_MACINTOSH] = {"macintosh", "macos-0_2-10.2"},
    [CS_X_USER_DEFINED] = {"x-user-defined", NULL},
    [CS_BINARY] = {"binary", "windows-1252"},
};

typedef struct {
    const char *label;
    unsigned char cs;
} label_row;

/* The WHATWG Encoding Standard's labels (sorted, for bsearch), plus a few
 * ICU-decodable extras (utf-32*, ibm855, ibm852, x-mac-ce, euc-tw, cp949). */
static const label_row labels[] = {
    {"866", CS_IBM866},
    {"ansi_x3.4-1968", CS_WINDOWS_1252},
    {"arabic", CS_ISO8859_6},
    {"ascii", CS_WINDOWS_1252},
    {"asmo-708", CS_ISO8859_6},
    {"big5", CS_BIG5},
    {"big5-hkscs", CS_BIG5},
    {"chinese", CS_GB18030},
    {"cn-big5", CS_BIG5},
    {"cp1250", CS_WINDOWS_1250},
    {"cp1251", CS_WINDOWS_1251},
    {"cp1252", CS_WINDOWS_1252},
    {"cp1253", CS_WINDOWS_1253},
    {"cp1254", CS_WINDOWS_1254},
    {"cp1255", CS_WINDOWS_1255},
    {"cp1256", CS_WINDOWS_1256},
    {"cp1257", CS_WINDOWS_1257},
    {"cp1258", CS_WINDOWS_1258},
    {"cp819", CS_WINDOWS_1252},
    {"cp852", CS_IBM852},
    {"cp855", CS_IBM855},
    {"cp866", CS_IBM866},
    {"cp932", CS_SHIFT_JIS},
    {"cp936", CS_GB18030},
    {"cp949", CS_EUC_KR},
    {"cp950", CS_BIG5},
    {"csbig5", CS_BIG5},
    {"cseuckr", CS_EUC_KR},
    {"cseucpkdfmtjapanese", CS_EUC_JP},
    {"csgb2312", CS_GB18030},
    {"csibm866", CS_IBM866},
    {"csiso2022jp", CS_ISO2022JP},
    {"csiso2022kr", CS_ISO2022KR},
    {"csiso58gb231280", CS_GB18030},
    {"csiso88596e", CS_ISO8859_6},
    {"csiso88596i", CS_ISO8859_6},
    {"csiso88598e", CS_ISO8859_8},
    {"csiso88598i", CS_ISO8859_8},
    {"csisolatin1", CS_WINDOWS_1252},
    {"csisolatin2", CS_ISO8859_2},
    {"csisolatin3", CS_ISO8859_3},
    {"csisolatin4", CS_ISO8859_4},
    {"csisolatin5", CS_WINDOWS_1254},
    {"csisolatin6", CS_ISO8859_10},
    {"csisolatin9", CS_ISO8859_15},
    {"csisolatinarabic", CS_ISO8859_6},
    {"csisolatincyrillic", CS_ISO8859_5},
    {"csisolatingreek", CS_ISO8859_7},
    {"csisolatinhebrew", CS_ISO8859_8},
    {"cskoi8r", CS_KOI8_R},
    {"csksc56011987", CS_EUC_KR},
    {"csmacintosh", CS_MACINTOSH},
    {"csshiftjis", CS_SHIFT_JIS},
    {"csunicode", CS_UTF16LE},
    {"cyrillic", CS_ISO8859_5},
    {"dos-874", CS_WINDOWS_874},
    {"ecma-114", CS_ISO8859_6},
    {"ecma-118", CS_ISO8859_7},
    {"elot_928", CS_ISO8859_7},
    {"euc-jp", CS_EUC_JP},
    {"euc-kr", CS_EUC_KR},
    {"euc-tw", CS_EUC_TW},
    {"gb18030", CS_GB18030},
    {"gb2312", CS_GB18030},
    {"gb_2312", CS_GB18030},
    {"gb_2312-80", CS_GB18030},
    {"gbk", CS_GB18030},
    {"greek", CS_ISO8859_7},
    {"greek8", CS_ISO8859_7},
    {"hebrew", CS_ISO8859_8},
    {"hz-gb-2312", CS_HZ},
    {"ibm819", CS_WINDOWS_1252},
    {"ibm852", CS_IBM852},
    {"ibm855", CS_IBM855},
    {"ibm866", CS_IBM866},
    {"iso-10646-ucs-2", CS_UTF16LE},
    {"iso-2022-cn", CS_ISO2022CN},
    {"iso-2022-cn-ext", CS_ISO2022CN},
    {"iso-2022-jp", CS_ISO2022JP},
    {"iso-2022-kr", CS_ISO2022KR},
    {"iso-8859-1", CS_WINDOWS_1252},
    {"iso-8859-10", CS_ISO8859_10},
    {"iso-8859-11", CS_WINDOWS_874},
    {"iso-8859-13", CS_ISO8859_13},
    {"iso-8859-14", CS_ISO8859_14},
    {"iso-8859-15", CS_ISO8859_15},
    {"iso-8859-2", CS_ISO8859_2},
    {"iso-8859-3", CS_ISO8859_3},
    {"iso-8859-4", CS_ISO8859_4},
    {"iso-8859-5", CS_ISO8859_5},
    {"iso-8859-6", CS_ISO8859_6},
    {"iso-8859-6-e", CS_ISO8859_6},
    {"iso-8859-6-i", CS_ISO8859_6},
    {"iso-8859-7", CS_ISO8859_7},
    {"iso-8859-8", CS_ISO8859_8},
    {"iso-8859-8-e", CS_ISO8859_8},
    {"iso-8859-8-i", CS_ISO8859_8},
    {"iso-8859-9", CS_WINDOWS_1254},
    {"iso-ir-100", CS_WINDOWS_1252},
    {"iso-ir-101", CS_ISO8859_2},
    {"iso-ir-109", CS_ISO8859_3},
    {"iso-ir-110", CS_ISO8859_4},
    {"iso-ir-126", CS_ISO8859_7},
    {"iso-ir-127", CS_ISO8859_6},
    {"iso-ir-138", CS_ISO8859_8},
    {"iso-ir-144", CS_ISO8859_5},
    {"iso-ir-148", CS_WINDOWS_1254},
    {"iso-ir-149", CS_EUC_KR},
    {"iso-ir-157", CS_ISO8859_10},
    {"iso-ir-58", CS_GB18030},
    {"iso8859-1", CS_WINDOWS_1252},
    {"iso8859-10", CS_ISO8859_10},
    {"iso8859-11", CS_WINDOWS_874},
    {"iso8859-13", CS_ISO8859_13},
    {"iso8859-14", CS_ISO8859_14},
    {"iso8859-15", CS_ISO8859_15},
    {"iso8859-2", CS_ISO8859_2},
    {"iso8859-3", CS_ISO8859_3},
    {"iso8859-4", CS_ISO8859_4},
    {"iso8859-5", CS_ISO8859_5},
    {"iso8859-6", CS_ISO8859_6},
    {"iso8859-7", CS_ISO8859_7},
    {"iso8859-8", CS_ISO8859_8},
    {"iso8859-9", CS_WINDOWS_1254},
    {"iso88591", CS_WINDOWS_1252},
    {"iso885910", CS_ISO8859_10},
    {"iso885911", CS_WINDOWS_874},
    {"iso885913", CS_ISO8859_13},
    {"iso885914", CS_ISO8859_14},
    {"iso885915", CS_ISO8859_15},
    {"iso88592", CS_ISO8859_2},
    {"iso88593", CS_ISO8859_3},
    {"iso88594", CS_ISO8859_4},
    {"iso88595", CS_ISO8859_5},
    {"iso88596", CS_ISO8859_6},
    {"iso88597", CS_ISO8859_7},
    {"iso88598", CS_ISO8859_8},
    {"iso88599", CS_WINDOWS_1254},
    {"iso_8859-1", CS_WINDOWS_1252},
    {"iso_8859-15", CS_ISO8859_15},
    {"iso_8859-1:1987", CS_WINDOWS_1252},
    {"iso_8859-2", CS_ISO8859_2},
    {"iso_8859-2:1987", CS_ISO8859_2},
    {"iso_8859-3", CS_ISO8859_3},
    {"iso_8859-3:1988", CS_ISO8859_3},
    {"iso_8859-4", CS_ISO8859_4},
    {"iso_8859-4:1988", CS_ISO8859_4},
    {"iso_8859-5", CS_ISO8859_5},
    {"iso_8859-5:1988", CS_ISO8859_5},
    {"iso_8859-6", CS_ISO8859_6},
    {"iso_8859-6:1987", CS_ISO8859_6},
    {"iso_8859-7", CS_ISO8859_7},
    {"iso_8859-7:1987", CS_ISO8859_7},
    {"iso_8859-8", CS_ISO8859_8},
    {"iso_8859-8:1988", CS_ISO8859_8},
    {"iso_8859-9", CS_WINDOWS_1254},
    {"iso_8859-9:1989", CS_WINDOWS_1254},
    {"koi", CS_KOI8_R},
    {"koi8", CS_KOI8_R},
    {"koi8-r", CS_KOI8_R},
    {"koi8-ru", CS_KOI8_U},
    {"koi8-u", CS_KOI8_U},
    {"koi8_r", CS_KOI8_R},
    {"korean", CS_EUC_KR},
    {"ks_c_5601-1987", CS_EUC_KR},
    {"ks_c_5601-1989", CS_EUC_KR},
    {"ksc5601", CS_EUC_KR},
    {"ksc_5601", CS_EUC_KR},
    {"l1", CS_WINDOWS_1252},
    {"l2", CS_ISO8859_2},
    {"l3", CS_ISO8859_3},
    {"l4", CS_ISO8859_4},
    {"l5", CS_WINDOWS_1254},
    {"l6", CS_ISO8859_10},
    {"l9", CS_ISO8859_15},
    {"latin1", CS_WINDOWS_1252},
    {"latin2", CS_ISO8859_2},
    {"latin3", CS_ISO8859_3},
    {"latin4", CS_ISO8859_4},
    {"latin5", CS_WINDOWS_1254},
    {"latin6", CS_ISO8859_10},
    {"logical", CS_ISO8859_8},
    {"mac", CS_MACINTOSH},
    {"macintosh", CS_MACINTOSH},
    {"ms932", CS_SHIFT_JIS},
    {"ms_kanji", CS_SHIFT_JIS},
    {"shift-jis", CS_SHIFT_JIS},
    {"shift_jis", CS_SHIFT_JIS},
    {"sjis", CS_SHIFT_JIS},
    {"sun_eu_greek", CS_ISO8859_7},
    {"tis-620", CS_WINDOWS_874},
    {"ucs-2", CS_UTF16LE},
    {"unicode", CS_UTF16LE},
    {"unicode-1-1-utf-8", CS_UTF8},
    {"unicode11utf8", CS_UTF8},
    {"unicode20utf8", CS_UTF8},
    {"unicodefeff", CS_UTF16LE},
    {"unicodefffe", CS_UTF16BE},
    {"us-ascii", CS_WINDOWS_1252},
    {"utf-16", CS_UTF16LE},
    {"utf-16be", CS_UTF16BE},
    {"utf-16le", CS_UTF16LE},
    {"utf-32", CS_UTF32LE},
    {"utf-32be", CS_UTF32BE},
    {"utf-32le", CS_UTF32LE},
    {"utf-8", CS_UTF8},
    {"utf8", CS_UTF8},
    {"visual", CS_ISO8859_8},
    {"windows-1250", CS_WINDOWS_1250},
    {"windows-1251", CS_WINDOWS_1251},
    {"windows-1252", CS_WINDOWS_1252},
    {"windows-1253", CS_WINDOWS_1253},
    {"windows-1254", CS_WINDOWS_1254},
    {"windows-1255", CS_WINDOWS_1255},
    {"windows-1256", CS_WINDOWS_1256},
    {"windows-1257", CS_WINDOWS_1257},
    {"windows-1258", CS_WINDOWS_1258},
    {"windows-31j", CS_SHIFT_JIS},
    {"windows-874", CS_WINDOWS_874},
    {"windows-949", CS_EUC_KR},
    {"x-cp1250", CS_WINDOWS_1250},
    {"x-cp1251", CS_WINDOWS_1251},
    {"x-cp1252", CS_WINDOWS_1252},
    {"x-cp1253", CS_WINDOWS_1253},
    {"x-cp1254", CS_WINDOWS_1254},
    {"x-cp1255", CS_WINDOWS_1255},
    {"x-cp1256", CS_WINDOWS_1256},
    {"x-cp1257", CS_WINDOWS_1257},
    {"x-cp1258", CS_WINDOWS_1258},
    {"x-euc-jp", CS_EUC_JP},
    {"x-gbk", CS_GB18030},
    {"x-mac-ce", CS_MAC_CE},
    {"x-mac-cyrillic", CS_MAC_CYRILLIC},
    {"x-mac-roman", CS_MACINTOSH},
    {"x-mac-ukrainian", CS_MAC_CYRILLIC},
    {"x-sjis", CS_SHIFT_JIS},
    {"x-unicode20utf8", CS_UTF8},
    {"x-user-defined", CS_X_USER_DEFINED},
    {"x-x-big5", CS_BIG5},
};

#define LABEL_COUNT (sizeof labels / sizeof labels[0])
#define LABEL_MAX 64

static bool is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int label_cmp(const void *key, const void *row)
{
    return strcmp(key, ((const label_row *)row)->label);
}

/* Lowercases label (trimmed) into out[LABEL_MAX]; false if too long/empty. */
static bool label_normalize(const char *label, size_t len, char *out)
{
    while (len && is_ws((unsigned char)*label)) label++, len--;
    while (len && is_ws((unsigned char)label[len - 1])) len--;
    if (!len || len >= LABEL_MAX) return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)label[i];
        out[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    out[len] = '\0';
    return true;
}

int scrub__charset_lookup(const char *label, size_t len)
{
    char key[LABEL_MAX];
    if (!label_normalize(label, len, key)) return -1;
    const label_row *row = bsearch(key, labels, LABEL_COUNT, sizeof labels[0], label_cmp);
    return row ? row->cs : -1;
}

SCRUB_API const char *scrub_charset_name(const char *label)
{
    if (!label) return NULL;
    int cs = scrub__charset_lookup(label, strlen(label));
    return cs < 0 ? NULL : scrub__charsets[cs].name;
}

/* ---- stage state ------------------------------------------------------------ */

typedef struct {
    bool ok;          /* the last call succeeded */
    int cs;           /* charset used */
    int source;       /* enum scrub_charset_source */
    bool overridden;
    bool has_declared;
    char declared[LABEL_MAX];
    size_t replaced_bytes;
    UConverter *conv; /* cached converter for conv_cs */
    int conv_cs;
} decode_state;

static void decode_state_free(void *p)
{
    decode_state *st = p;
    if (st->conv) ucnv_close(st->conv);
}

static decode_state *get_state(scrub_ctx *ctx)
{
    return scrub__stage_state(ctx, SCRUB__STAGE_DECODE, sizeof(decode_state), decode_state_free);
}

/* ---- charset= in a Content-Type value, and the <meta> prescan -------------- */

static unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static bool starts_nocase(const unsigned char *p, size_t n, const char *word)
{
    size_t k = strlen(word);
    if (n < k) return false;
    for (size_t i = 0; i < k; i++)
        if (lower(p[i]) != (unsigned char)word[i]) return false;
    return true;
}

/* WHATWG "extract a character encoding from a meta element": the value after
 * "charset=" in s[0..n), as (*lab, *lab_len).  False if there is none. */
static bool extract_charset(const unsigned char *s, size_t n, const unsigned char **lab,
                            size_t *lab_len)
{
    for (size_t i = 0; i + 7 <= n; i++) {
        if (!starts_nocase(s + i, n - i, "charset")) continue;
        size_t j = i + 7;
        while (j < n && is_ws(s[j])) j++;
        if (j >= n || s[j] != '=') continue;
        j++;
        while (j < n && is_ws(s[j])) j++;
        if (j >= n) return false;
        if (s[j] == '"' || s[j] == '\'') {
            unsigned char q = s[j++];
            size_t k = j;
            while (k < n && s[k] != q) k++;
            if (k >= n) return false;
            *lab = s + j, *lab_len = k - j;
            return true;
        }
        size_t k = j;
        while (k < n && !is_ws(s[k]) && s[k] != ';' && s[k] != '"' && s[k] != '\'') k++;
        *lab = s + j, *lab_len = k - j;
        return k > j;
    }
    return false;
}

typedef struct {
    const unsigned char *name, *value;
    size_t name_len, value_len;
} attr;

/* WHATWG "get an attribute" from p[*i..n); false at the tag's end. */
static bool get_attr(const unsigned char *p, size_t n, size_t *i, attr *a)
{
    size_t j = *i;
    while (j < n && (is_ws(p[j]) || p[j] == '/')) j++;
    if (j >= n || p[j] == '>') {
        *i = j;
        return false;
    }
    a->name = p + j;
    while (j < n && p[j] != '=' && p[j] != '>' && p[j] != '/' && !is_ws(p[j])) j++;
    a->name_len = (size_t)(p + j - a->name);
    a->value = p + j, a->value_len = 0;
    while (j < n && is_ws(p[j])) j++;
    if (j < n && p[j] == '=') {
        j++;
        while (j < n && is_ws(p[j])) j++;
        if (j < n && (p[j] == '"' || p[j] == '\'')) {
            unsigned char q = p[j++];
            a->value = p + j;
            while (j < n && p[j] != q) j++;
            a->value_len = (size_t)(p + j - a->value);
            if (j < n) j++;
        } else {
            a->value = p + j;
            while (j < n && !is_ws(p[j]) && p[j] != '>') j++;
            a->value_len = (size_t)(p + j - a->value);
        }
    }
    *i = j;
    return true;
}

static bool attr_is(const attr *a, const char *name)
{
    return a->name_len == strlen(name) && starts_nocase(a->name, a->name_len, name);
}

/* The charset a <meta> at p[*i..n) (just after "<meta") declares, or -1;
 * *i moves past the tag.  Unknown labels are reported through *raw. */
static int meta_charset(const unsigned char *p, size_t n, size_t *i, const unsigned char **raw,
                        size_t *raw_len)
{
    attr a;
    bool http_equiv = false;
    const unsigned char *lab = NULL, *content = NULL;
    size_t lab_len = 0, content_len = 0;
    while (get_attr(p, n, i, &a)) {
        if (attr_is(&a, "http-equiv"))
            http_equiv = a.value_len == 12 && starts_nocase(a.value, 12, "content-type");
        else if (attr_is(&a, "content"))
            content = a.value, content_len = a.value_len;
        else if (attr_is(&a, "charset") && !lab)
            lab = a.value, lab_len = a.value_len;
    }
    /* A tag cut by the end of the input declares nothing (the prescan
     * aborts there). */
    if (*i >= n) return -1;
    if (!lab && http_equiv && content) extract_charset(content, content_len, &lab, &lab_len);
    if (!lab) return -1;
    *raw = lab, *raw_len = lab_len;
    int cs = scrub__charset_lookup((const char *)lab, lab_len);
    /* A page cannot declare itself UTF-16 in ASCII bytes (WHATWG). */
    if (cs == CS_UTF16LE || cs == CS_UTF16BE || cs == CS_UTF32LE || cs == CS_UTF32BE) cs = CS_UTF8;
    if (cs == CS_X_USER_DEFINED) cs = CS_WINDOWS_1252;
    return cs;
}

/* Skips to just past the next `end` (e.g. "-->") from p[i]. */
static size_t skip_past(const unsigned char *p, size_t n, size_t i, const char *end)
{
    size_t k = strlen(end);
    for (; i + k <= n; i++)
        if (memcmp(p + i, end, k) == 0) return i + k;
    return n;
}

/* The WHATWG prescan over p[0..n): the charset of the first <meta> that
 * names one (-1 if none; raw and raw_len give the label when one was found,
 * known or not), also the encoding="" of an XML declaration at the start. */
static int prescan(const unsigned char *p, size_t n, const unsigned char **raw, size_t *raw_len)
{
    *raw = NULL;
    if (starts_nocase(p, n, "<?xml")) {
        size_t end = skip_past(p, n, 0, "?>");
        attr a;
        size_t i = 5;
        while (get_attr(p, end, &i, &a)) {
            if (attr_is(&a, "encoding") && a.value_len) {
                *raw = a.value, *raw_len = a.value_len;
                int cs = scrub__charset_lookup((const char *)a.value, a.value_len);
                if (cs >= 0) return cs;
            }
            if (i >= end || p[i] == '?') break;
        }
    }
    for (size_t i = 0; i < n;) {
        const unsigned char *lt = memchr(p + i, '<', n - i);
        if (!lt) break;
        i = (size_t)(lt - p);
        if (starts_nocase(p + i, n - i, "<!--")) {
            i = skip_past(p, n, i + 4, "-->");
        } else if (starts_nocase(p + i, n - i, "<meta") && i + 5 < n &&
                   (is_ws(p[i + 5]) || p[i + 5] == '/')) {
            i += 5;
            const unsigned char *r = NULL;
            size_t rl = 0;
            int cs = meta_charset(p, n, &i, &r, &rl);
            if (r) {
                *raw = r, *raw_len = rl;
                if (cs >= 0) return cs;
            }
        } else if (i + 1 < n && ((lower(p[i + 1]) >= 'a' && lower(p[i + 1]) <= 'z') ||
                                 (p[i + 1] == '/' && i + 2 < n))) {
            i += 2;
            while (i < n && !is_ws(p[i]) && p[i] != '>') i++;
            attr a;
            while (get_attr(p, n, &i, &a)) {
            }
        } else if (i + 1 < n && (p[i + 1] == '!' || p[i + 1] == '/' || p[i + 1] == '?')) {
            i = skip_past(p, n, i + 2, ">");
        } else {
            i++;
        }
    }
    return -1;
}

/* ---- BOM and UTF-8 ---------------------------------------------------------- */

static int sniff_bom(const unsigned char *p, size_t n, size_t *bom_len)
{
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) return *bom_len = 3, CS_UTF8;
    if (n >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0)
        return *bom_len = 4, CS_UTF32LE;
    if (n >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF)
        return *bom_len = 4, CS_UTF32BE;
    if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) return *bom_len = 2, CS_UTF16LE;
    if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) return *bom_len = 2, CS_UTF16BE;
    *bom_len = 0;
    return -1;
}

/* Valid UTF-8 up to a possibly truncated final sequence; *ok is the valid
 * prefix, which the conversion need not check again. */
static bool utf8_valid_to_end(const unsigned char *p, size_t n, size_t *ok)
{
    const char *s = (const char *)p;
    *ok = scrub__utf8_valid_prefix(s, n);
    if (*ok == n) return true;
    if (n - *ok > 3) return false;
    /* The tail must be the start of a sequence cut by the end of input. */
    unsigned char c = (unsigned char)s[*ok];
    size_t need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (!need || n - *ok >= need) return false;
    for (size_t i = *ok + 1; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) return false;
    return true;
}

/* More valid multi-byte UTF-8 sequences than invalid ones. */
static bool utf8_mostly_valid(const unsigned char *p, size_t n)
{
    size_t valid = 0, invalid = 0;
    for (size_t i = 0; i < n;) {
        size_t ok = scrub__utf8_valid_prefix((const char *)p + i, n - i);
        for (size_t k = i; k < i + ok; k++) valid += (p[k] & 0xC0) == 0xC0;
        i += ok;
        if (i >= n) break;
        uint32_t cp;
        i += scrub__utf8_decode(p + i, n - i, &cp);
        invalid++;
    }
    return valid > invalid;
}

static const unsigned char *first_non_ascii(const unsigned char *p, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull) break;
    }
    for (; i < n; i++)
        if (p[i] >= 0x80) return p + i;
    return NULL;
}

/* ---- conversion ------------------------------------------------------------- */

typedef struct {
    size_t seqs;  /* U+FFFD written */
    size_t bytes; /* input bytes they replaced */
} replace_count;

/* UTF-8 to UTF-8: valid runs copied, each maximal invalid subpart -> U+FFFD. */
static void convert_utf8(scrub__buf *b, const unsigned char *p, size_t n, replace_count *rc)
{
    size_t i = 0;
    while (i < n) {
        size_t ok = scrub__utf8_valid_prefix((const char *)p + i, n - i);
        scrub__buf_append(b, p + i, ok);
        i += ok;
        if (i >= n) break;
        uint32_t cp;
        size_t used = scrub__utf8_decode(p + i, n - i, &cp);
        scrub__buf_put_cp(b, SCRUB__REPLACEMENT);
        rc->seqs++;
        rc->bytes += used;
        i += used;
    }
}

static void convert_user_defined(scrub__buf *b, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] < 0x80)
            scrub__buf_putc(b, (char)p[i]);
        else
            scrub__buf_put_cp(b, 0xF780u + p[i] - 0x80u);
    }
}

/* ICU calls this for bytes it cannot decode: count, then substitute U+FFFD. */
static void count_cb(const void *context, UConverterToUnicodeArgs *args,
                                 const char *units, int32_t length, UConverterCallbackReason reason,
                                 UErrorCode *err)
{
    (void)units;
    if (reason != UCNV_ILLEGAL && reason != UCNV_UNASSIGNED && reason != UCNV_IRREGULAR) return;
    replace_count *rc = (replace_count *)context;
    rc->seqs++;
    rc->bytes += (size_t)length;
    /* Always U+FFFD: ICU's own substitution may write U+001A for one byte. */
    static const UChar fffd = 0xFFFD;
    *err = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &fffd, 1, 0, err);
}

static UConverter *open_conv(decode_state *st, int cs)
{
    if (st->conv && st->conv_cs == cs) {
        ucnv_reset(st->conv);
        return st->conv;
    }
    if (st->conv) ucnv_close(st->conv);
    st->conv = NULL;
    UErrorCode err = U_ZERO_ERROR;
    UConverter *c = ucnv_open(scrub__charsets[cs].icu, &err);
    if (U_FAILURE(err)) return NULL;
    st->conv = c;
    st->conv_cs = cs;
    return c;
}

/* Appends UTF-16 units u[0..n) as UTF-8; a high surrogate at the end is
 * kept in *pending for the next chunk. */
static void put_utf16(scrub__buf *b, const UChar *u, size_t n, uint32_t *pending)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t c = u[i];
        if (*pending) {
            if (c >= 0xDC00 && c <= 0xDFFF) {
                scrub__buf_put_cp(b, 0x10000u + ((*pending - 0xD800u) << 10) + (c - 0xDC00u));
                *pending = 0;
                continue;
            }
            scrub__buf_put_cp(b, SCRUB__REPLACEMENT);
            *pending = 0;
        }
        if (c >= 0xD800 && c <= 0xDBFF)
            *pending = c;
        else if (c < 0x80)
            scrub__buf_putc(b, (char)c);
        else
            scrub__buf_put_cp(b, c);
    }
}

static int convert_icu(decode_state *st, int cs, scrub__buf *b, const unsigned char *p, size_t n,
                       replace_count *rc)
{
    UConverter *c = open_conv(st, cs);
    if (!c) return SCRUB_E_INTERNAL;
    UErrorCode err = U_ZERO_ERROR;
    ucnv_setToUCallBack(c, count_cb, rc, NULL, NULL, &err);
    if (U_FAILURE(err)) return SCRUB_E_INTERNAL;
    UChar chunk[4096];
    const char *src = (const char *)p, *end = (const char *)p + n;
    uint32_t pending = 0;
    for (;;) {
        UChar *t = chunk;
        err = U_ZERO_ERROR;
        ucnv_toUnicode(c, &t, chunk + 4096, &src, end, NULL, true, &err);
        put_utf16(b, chunk, (size_t)(t - chunk), &pending);
        if (err == U_BUFFER_OVERFLOW_ERROR) continue;
        break;
    }
    if (pending) scrub__buf_put_cp(b, SCRUB__REPLACEMENT);
    ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_SUBSTITUTE, NULL, NULL, NULL, &err);
    return U_FAILURE(err) && err != U_BUFFER_OVERFLOW_ERROR ? SCRUB_E_INTERNAL : SCRUB_OK;
}

/* Decodes p[0..n) with cs into b (emptied first). */
static int convert(decode_state *st, int cs, scrub__buf *b, const unsigned char *p, size_t n,
                   replace_count *rc)
{
    scrub__buf_clear(b);
    rc->seqs = rc->bytes = 0;
    if (scrub__buf_reserve(b, n + n / 2 + 16) != SCRUB_OK) return SCRUB_E_NOMEM;
    int status = SCRUB_OK;
    if (cs == CS_UTF8)
        convert_utf8(b, p, n, rc);
    else if (cs == CS_X_USER_DEFINED)
        convert_user_defined(b, p, n);
    else
        status = convert_icu(st, cs, b, p, n, rc);
    if (status == SCRUB_OK && b->failed) status = SCRUB_E_NOMEM;
    return status;
}

/* convert() to UTF-8 of bytes whose first `ok` are known valid: they are
 * copied without a second check. */
static int convert_checked_utf8(scrub__buf *b, const unsigned char *p, size_t n, size_t ok,
                                replace_count *rc)
{
    scrub__buf_clear(b);
    rc->seqs = rc->bytes = 0;
    if (scrub__buf_reserve(b, n + 16) != SCRUB_OK) return SCRUB_E_NOMEM;
    scrub__buf_append(b, p, ok);
    convert_utf8(b, p + ok, n - ok, rc);
    return b->failed ? SCRUB_E_NOMEM : SCRUB_OK;
}

/* ---- the decision ----------------------------------------------------------- */

typedef struct {
    const unsigned char *p; /* input after any BOM */
    size_t n;
    size_t prefix; /* SCRUB_PARAM_DECODE_PREFIX */
    int declared_cs; /* -1 if none usable */
    int source;
} plan;

/* Detection window for decoding: the prefix, or, when the prefix is pure
 * ASCII, the same length starting a little before the first non-ASCII byte
 * (markup first, text later is the common shape of a page). */
static int detect_window(const unsigned char *p, size_t n, size_t prefix, int *conf)
{
    size_t start = 0;
    const unsigned char *na = first_non_ascii(p, n < prefix ? n : prefix);
    if (!na && n > prefix) {
        na = first_non_ascii(p + prefix, n - prefix);
        if (na) start = (size_t)(na - p) > 256 ? (size_t)(na - p) - 256 : 0;
    }
    size_t len = n - start < prefix ? n - start : prefix;
    return scrub__detect(p + start, len, conf);
}

/* Records the declared label (known: its charset name; unknown: the label). */
static void note_declared(decode_state *st, const unsigned char *lab, size_t len, int cs)
{
    st->has_declared = true;
    if (cs >= 0) {
        snprintf(st->declared, sizeof st->declared, "%s", scrub__charsets[cs].name);
        return;
    }
    if (!label_normalize((const char *)lab, len, st->declared)) {
        size_t k = len < LABEL_MAX - 1 ? len : LABEL_MAX - 1;
        for (size_t i = 0; i < k; i++) st->declared[i] = (char)lower(lab[i]);
        st->declared[k] = '\0';
    }
}

/* The caller's declaration: a Content-Type value or a bare label. */
static int parse_declared(decode_state *st, const char *declared)
{
    const unsigned char *lab = (const unsigned char *)declared;
    size_t len = strlen(declared);
    const unsigned char *v;
    size_t vlen;
    if (memchr(declared, ';', len) || memchr(declared, '=', len)) {
        if (!extract_charset(lab, len, &v, &vlen)) return -1;
        lab = v, len = vlen;
    }
    int cs = scrub__charset_lookup((const char *)lab, len);
    note_declared(st, lab, len, cs);
    if (cs >= 0 && !scrub__charsets[cs].icu && cs != CS_UTF8 && cs != CS_X_USER_DEFINED) cs = -1;
    return cs;
}

static bool ascii_compatible(int cs)
{
    return cs != CS_UTF16LE && cs != CS_UTF16BE && cs != CS_UTF32LE && cs != CS_UTF32BE &&
           cs != CS_ISO2022JP && cs != CS_ISO2022KR && cs != CS_ISO2022CN && cs != CS_HZ;
}

/* Decodes with the declared charset, overriding it when the bytes say
 * otherwise (see scrub_decode() in scrub.h). */
static int decode_declared(decode_state *st, plan *pl, scrub__buf *b, replace_count *rc)
{
    int cs = pl->declared_cs;
    size_t ok;
    if (cs != CS_UTF8 && ascii_compatible(cs) && first_non_ascii(pl->p, pl->n) &&
        utf8_valid_to_end(pl->p, pl->n, &ok)) {
        st->overridden = true;
        st->cs = CS_UTF8;
        st->source = SCRUB_CHARSET_DETECTED;
        return convert_checked_utf8(b, pl->p, pl->n, ok, rc);
    }
    int status = convert(st, cs, b, pl->p, pl->n, rc);
    st->cs = cs;
    st->source = pl->source;
    /* A stray undecodable byte or two does not contradict a declaration. */
    if (status != SCRUB_OK || rc->seqs < 3) return status;
    /* A UTF-8 page with broken bytes stays UTF-8 while most of its
     * multi-byte sequences are valid: one bad byte must not turn it into
     * another charset. */
    if (cs == CS_UTF8 && utf8_mostly_valid(pl->p, pl->n)) return SCRUB_OK;
    int conf;
    int det = detect_window(pl->p, pl->n, pl->prefix, &conf);
    if (det == cs || det == CS_BINARY) return SCRUB_OK;
    replace_count rc2 = {0, 0};
    scrub__buf alt = SCRUB__BUF_INIT;
    status = convert(st, det, &alt, pl->p, pl->n, &rc2);
    /* Override only when the detected charset reads the bytes (nearly)
     * cleanly where the declared one did not. */
    if (status == SCRUB_OK && rc2.seqs * 20 < rc->seqs) {
        scrub__buf tmp = *b;
        *b = alt;
        alt = tmp;
        *rc = rc2;
        st->cs = det;
        st->source = SCRUB_CHARSET_DETECTED;
        st->overridden = true;
    }
    scrub__buf_free(&alt);
    return status == SCRUB_E_NOMEM ? status : SCRUB_OK;
}

static int decode_undeclared(decode_state *st, plan *pl, scrub__buf *b, replace_count *rc)
{
    int conf;
    size_t ok;
    st->source = SCRUB_CHARSET_DETECTED;
    if (first_non_ascii(pl->p, pl->n) && utf8_valid_to_end(pl->p, pl->n, &ok)) {
        st->cs = CS_UTF8;
        return convert_checked_utf8(b, pl->p, pl->n, ok, rc);
    }
    st->cs = detect_window(pl->p, pl->n, pl->prefix, &conf);
    return convert(st, st->cs, b, pl->p, pl->n, rc);
}

static int init_tables(scrub_ctx *ctx)
{
    int status = scrub__icu_init();
    if (status == SCRUB_OK) status = scrub__detect_init();
    if (status == SCRUB_E_NOMEM) return scrub__fail(ctx, status, "building the detector's tables");
    if (status != SCRUB_OK) return scrub__fail(ctx, status, "ICU initialisation failed");
    return SCRUB_OK;
}

SCRUB_API int scrub_decode(scrub_ctx *ctx, const char *bytes, size_t len, const char *declared,
                           char **out, size_t *out_len)
{
    if (!ctx) return SCRUB_E_INVALID_ARG;
    scrub__begin(ctx);
    int status = scrub__check_output(ctx, out, out_len);
    if (status == SCRUB_OK) status = scrub__check_input(ctx, bytes, len);
    if (status != SCRUB_OK) return status;
    decode_state *st = get_state(ctx);
    if (!st) return scrub__fail(ctx, SCRUB_E_NOMEM, "decode state");
    st->ok = false;
    st->overridden = st->has_declared = false;
    st->replaced_bytes = 0;
    if ((status = init_tables(ctx)) != SCRUB_OK) return status;

    const unsigned char *p = (const unsigned char *)bytes;
    plan pl = {p, len, (size_t)scrub__param(ctx, SCRUB_PARAM_DECODE_PREFIX), -1, 0};
    size_t bom_len;
    int bom = sniff_bom(p, len, &bom_len);
    scrub__buf b = SCRUB__BUF_INIT;
    replace_count rc = {0, 0};
    if (bom >= 0) {
        pl.p += bom_len, pl.n -= bom_len;
        st->cs = bom;
        st->source = SCRUB_CHARSET_BOM;
        /* The BOM wins (WHATWG); a declaration naming another charset was
         * wrong, which the caller may want to know. */
        if (declared) {
            int decl = parse_declared(st, declared);
            st->overridden = decl >= 0 && decl != bom;
        }
        status = convert(st, bom, &b, pl.p, pl.n, &rc);
    } else {
        if (declared) {
            pl.declared_cs = parse_declared(st, declared);
            pl.source = SCRUB_CHARSET_DECLARED;
        }
        if (pl.declared_cs < 0) {
            const unsigned char *raw;
            size_t raw_len = 0;
            size_t scan = len < pl.prefix ? len : pl.prefix;
            int meta = prescan(p, scan < 1024 ? scan : 1024, &raw, &raw_len);
            if (meta < 0 && scan > 1024) {
                /* WHATWG stops at 1024 bytes; browsers reparse on a later
                 * <meta>, so look further (an unknown label seen early is
                 * kept for scrub_decode_declared() if nothing follows). */
                const unsigned char *early = raw;
                size_t early_len = raw_len;
                meta = prescan(p, scan, &raw, &raw_len);
                if (!raw) raw = early, raw_len = early_len;
            }
            if (raw && !st->has_declared) note_declared(st, raw, raw_len, meta);
            if (meta >= 0) pl.declared_cs = meta, pl.source = SCRUB_CHARSET_META;
        }
        status = pl.declared_cs >= 0 ? decode_declared(st, &pl, &b, &rc)
                                     : decode_undeclared(st, &pl, &b, &rc);
    }
    if (status == SCRUB_OK) status = scrub__buf_finish(&b, out, out_len);
    scrub__buf_free(&b);
    if (status != SCRUB_OK)
        return scrub__fail(ctx, status, status == SCRUB_E_NOMEM ? "decoding %zu bytes"
                                                                : "ICU converter for %zu bytes",
                           len);
    ctx->replacements = rc.seqs;
    st->replaced_bytes = rc.bytes;
    st->ok = true;
    return SCRUB_OK;
}

SCRUB_API int scrub_detect_charset(scrub_ctx *ctx, const char *bytes, size_t len,
                                   const char **name, int *confidence)
{
    if (name) *name = NULL;
    if (confidence) *confidence = 0;
    if (!ctx) return SCRUB_E_INVALID_ARG;
    scrub__begin(ctx);
    if (!name || !confidence) return scrub__fail(ctx, SCRUB_E_INVALID_ARG, "NULL output pointer");
    int status = scrub__check_input(ctx, bytes, len);
    if (status == SCRUB_OK) status = init_tables(ctx);
    if (status != SCRUB_OK) return status;
    size_t prefix = (size_t)scrub__param(ctx, SCRUB_PARAM_DECODE_PREFIX);
    int conf = 0;
    int cs = scrub__detect((const unsigned char *)bytes, len < prefix ? len : prefix, &conf);
    *name = scrub__charsets[cs].name;
    *confidence = conf;
    return SCRUB_OK;
}

/* ---- accessors -------------------------------------------------------------- */

static const decode_state *last_call(const scrub_ctx *ctx)
{
    const decode_state *st = ctx ? ctx->stage[SCRUB__STAGE_DECODE] : NULL;
    return st && st->ok ? st : NULL;
}

SCRUB_API const char *scrub_decode_charset(const scrub_ctx *ctx)
{
    const decode_state *st = last_call(ctx);
    return st ? scrub__charsets[st->cs].name : NULL;
}

SCRUB_API int scrub_decode_source(const scrub_ctx *ctx)
{
    const decode_state *st = last_call(ctx);
    return st ? st->source : SCRUB_CHARSET_NONE;
}

SCRUB_API int scrub_decode_overridden(const scrub_ctx *ctx)
{
    const decode_state *st = last_call(ctx);
    return st && st->overridden;
}

SCRUB_API const char *scrub_decode_declared(const scrub_ctx *ctx)
{
    const decode_state *st = last_call(ctx);
    return st && st->has_declared ? st->declared : NULL;
}

SCRUB_API size_t scrub_decode_replaced_bytes(const scrub_ctx *ctx)
{
    const decode_state *st = last_call(ctx);
    return st ? st->replaced_bytes : 0;
}
