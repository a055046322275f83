/*
 * filter.c -- line classification: labels every line of a document as
 * content, heading, caption or one kind of boilerplate or spam, finds spam
 * injected inside sentences and scores the document.
 *
 * Three passes: (1) per-line features and lexicon hits in one scan of the
 * bytes (lib/filter_ac.c), (2) a context-free label from markers, spam
 * lexicons weighted by the line's shape, and sentence shape, leaving short
 * undecided lines as candidates, (3) context: the main block of sentence
 * lines, the title before it, jusText-style smoothing of short lines
 * between content, related blocks, repeats of the title, cross-page
 * repeats (linestats) and the DOM's hints.
 */
#include "filter_ac.h"
#include "filter_int.h"
#include "filter_sale.h"
#include "filter_words.h" /* the Chinese word lists of data/lexicon/words.txt */

#include <math.h>

/* A line not yet decided: short, no sentence shape, no marker.  Context
 * turns it into heading or nav. */
#define CAND 100

#define SPAM_CATS                                                                  \
    ((1u << SCRUB__CAT_GAMBLING) | (1u << SCRUB__CAT_PORN) | (1u << SCRUB__CAT_MEDSEO) | \
     (1u << SCRUB__CAT_BLACKSEO))

/* Words of a notice, a pitch or a comment (a cookie notice, a newsletter's
 * pitch, "Reply"), and with the spam categories an advert's: a block's,
 * a box's or a wrapped run's frame does not outweigh them
 * (candidate_fallback, boxed_prose, heading_deks, wrapped_runs). */
#define CHROME_CATS                                                                 \
    ((1u << SCRUB__CAT_CTA) | (1u << SCRUB__CAT_FOOTER) | (1u << SCRUB__CAT_WIDGET) | \
     (1u << SCRUB__CAT_COMMENT) | (1u << SCRUB__CAT_THREAD))
#define NOTICE_CATS (SPAM_CATS | CHROME_CATS)
#define MUTED_CATS \
    ((1u << SCRUB__CAT_GAMBLING) | (1u << SCRUB__CAT_PORN) | (1u << SCRUB__CAT_MEDSEO))

/* For what runs a few times a document: inlined into classify it would
 * push the per-line helpers (alone) out of it. */
#if defined(__GNUC__)
#define FILTER_NOINLINE __attribute__((noinline))
#else
#define FILTER_NOINLINE
#endif

/* Rare shapes, flagged while a line is scanned so that the common line
 * pays one test for all of them (odd_line). */
enum {
    ODD_CUT = 1,     /* a Chinese line ends in "..." or one "…": a summary cut short */
    ODD_MARK = 2,    /* one to three Han characters and symbols: an end mark? */
    ODD_BUTTONS = 4, /* two or more button terms: a toolbar? */
    ODD_DATED = 8,   /* a name, then a full date and time (dated_stamp); set after odd_line */
};

/* Reasons of the menus that context, not a marker, decides: spec_rows
 * tells them by address. */
static const char R_PITCH_BOX[] = "pitch-box";
static const char R_SEGMENTED_KEYWORDS[] = "segmented-keywords";
static const char R_GLUED_START[] = "glued-start";
static const char R_BRAND_FIELD[] = "brand-field";
static const char R_SHORT_RUN[] = "short-run", R_AFTER[] = "after-content",
                  R_BEFORE[] = "before-content", R_WRAPPED[] = "wrapped-run";
/* Lines decided on their own that the article's frame reads through
 * (see_through). */
static const char R_SHARE_ROW[] = "share-row", R_BUTTON_ROW[] = "button-row", R_NO_TEXT[] = "no-text";
/* Reasons of the lines the body's end cuts off, which appended_advert
 * asks again. */
static const char R_HEADING_ABOVE[] = "heading-above";
static const char R_AFTER_EDITOR[] = "after-editor", R_AFTER_MARK[] = "after-end-mark";
/* A short line that is a date and little else; field_lists asks it again. */
static const char R_DATE[] = "date";
/* The page's headline shaped like a sentence (sentence_headline): the
 * title is found, resolve_edges looks no further. */
static const char R_HEADLINE[] = "headline";
/* A line mostly of anchor text (apply_hint): linked_caption asks again. */
static const char R_LINKS[] = "hint:links", R_HINT_RELATED[] = "hint:related",
                  R_HINT_WIDGET[] = "hint:widget";
/* A weak line in an ad's class (apply_hint): candidate_fallback asks again. */
static const char R_HINT_AD[] = "hint:ad";
static const char R_HINT_NAV[] = "hint:nav", R_HINT_FOOTER[] = "hint:footer";
/* A line of a Chinese title broken over lines (joins_title). */
static const char R_TITLE_PART[] = "title-part";
/* A short line all of anchor text on a whole page (hint_shapes). */
static const char R_LINKED_LINE[] = "linked-line";
/* Rows of a table that end in the same cell (tail_table). */
static const char R_TAIL_ROWS[] = "tail-rows";
/* Cells of a table set one per line under the body (cell_rows). */
static const char R_CELL_ROWS[] = "cell-rows";
/* A title two sheets of one form repeat (repeated_sheets). */
static const char R_SHEET_TITLE[] = "sheet-title";
/* A short content line outside the body's frame (demote_outside). */
static const char R_OUTSIDE[] = "outside-main-block";
/* A sign-off or a question to the reader under the body's last sentence
 * (closing_remark). */
static const char R_CLOSING[] = "closing-line";
/* A short sentence between the title and the body's first line
 * (opening_line). */
static const char R_OPENING[] = "opening-line";

/* The class of box a line sits in (line_t.boxed): boxed_prose follows a
 * run of one class.  A comment's or a footer's class holds sentences of
 * its own (readers' words, notices): boxed_prose asks more of them. */
enum { BOX_AD = 1, BOX_RELATED, BOX_SIDEBAR, BOX_SHARE, BOX_NAV, BOX_COMMENT, BOX_FOOTER };

typedef struct {
    size_t start, len;
    uint64_t hash;
    uint32_t nchar, ncjk, nalpha, nwords, nstop, nfunc, ndigit, nspace, nsep, nseg, nupper;
    uint32_t nsep_space; /* separators that are runs of spaces */
    uint32_t crumbs;     /* > ＞: steps of a breadcrumb */
    uint32_t nlow_init, ncap_init; /* words starting with a lower / upper case letter */
    uint32_t units; /* CJK characters plus words of other scripts */
    bool term, qterm, url, phone, paren, code, date, good;
    bool clock; /* a time of day (18:57) beside the date: a dateline */
    bool spelled; /* a domain with its dots spelled another way (spelled_domain) */
    bool dotted;  /* 。．点 or 點 right after an ASCII letter or digit: spelled_domain looks */
    bool run4; /* four digits in a row or more: a year can be in it (has_date) */
    bool item; /* starts like a list item (1. / 2、/ • / 一、) */
    bool colon; /* ends with a colon: announces what follows */
    bool tab;  /* holds a TAB: a table row from the html stage */
    bool bracket; /* wholly in [ ]: an inline link or an editor's note */
    bool linked; /* the DOM says most of its text is anchor text */
    bool teaser; /* a sentence right under a linked title: another page's summary */
    bool link_title; /* a short line that is all anchor text */
    bool link_entry; /* a short list item that opens with a link and notes it */
    bool dom_heading; /* in h1..h6 */
    bool own_head; /* a linked heading over its own prose: its anchor text is no link out (own_headings) */
    uint8_t chrome; /* a sentence the DOM puts in a footer or comment: its label outside the body */
    bool hint_heading; /* the DOM says h1..h6 or the page title */
    bool hint_title;   /* ... and the line repeats the page's <title> */
    bool hint_main;    /* the DOM says main/article */
    bool hint_cand;    /* the html stage's guess at the article's block */
    bool prose_item;   /* a list item inside the guess that reads as a sentence */
    bool hint_header;  /* the DOM says <header> */
    uint8_t boxed;     /* BOX_*: the class of box apply_hint read it in */
    bool near; /* prose without sentence punctuation (blogs, bullet items) */
    bool send;   /* ends like a Chinese sentence or clause: 。！？；： */
    bool comma;  /* ends with ， or 、: a sentence broken over lines goes on */
    bool stop;   /* ends with 。 or ；, as prose does and link titles do not */
    bool indent; /* starts with an ideographic space, as body paragraphs do */
    bool stamp;  /* a post's name and time (王继洲今天 12:05:42): a comment stream */
    bool post;   /* under a stamp of a comment stream */
    bool ago;    /* a post's time alone (3小时前, 昨天 18:16): a comment box's */
    bool slot;   /* a contact field holding a keyword (Phone : 来电显示器) */
    bool reply;  /* a reply button alone: the end of a reader's comment */
    bool says;   /* "degski says:": the author line that opens a comment */
    bool thread; /* "12 Comments": the title of a comment section */
    bool toc;    /* an entry of a table of contents */
    bool listed; /* a section title a table of contents lists */
    bool credited; /* a caption that ends with its picture's credit */
    uint8_t odd; /* ODD_* bits: rare shapes that odd_line and teaser_runs read */
    uint8_t injected; /* 1 + the label of an injected line, read as a blank by context (hide_injected) */
    uint8_t held; /* 1 + the marker_order entry of a marker in a sentence (held_markers) */
    uint8_t btn_terms; /* button terms anywhere in the line (button_row) */
    uint16_t btn_cov;  /* bytes they cover, overlaps counted once */
    uint16_t btn_end;  /* where the last of them ends */
    uint16_t spun;   /* 年至年, 月至月, 医院医院: numbers or names deleted */
    uint16_t pinyin; /* 醫(yī): pinyin glued after Han */
    uint16_t hits[SCRUB__CAT_COUNT];
    uint32_t pitch_at;     /* first pitch term, bytes from the line start */
    const char *pitch_why; /* its reason, or NULL: pitch hits stay out of cats (pitch_lines) */
    uint32_t strong; /* categories with a strong hit */
    uint32_t cats;   /* categories with any hit */
    size_t match_first, match_count;
    size_t span_first, span_count;
    int label;
    double score;
    const char *reason;
    bool kept;
    /* Last, left out of the clearing of a new line (split_lines): valid
     * only for the categories in cats, read through cat_at() and
     * cat_why(). */
    uint32_t cat_pos[SCRUB__CAT_COUNT]; /* first hit, bytes from the line start */
    const char *cat_reason[SCRUB__CAT_COUNT];
} line_t;

typedef struct {
    size_t start, end; /* bytes, absolute */
    uint8_t cat, strong;
} match_t;

typedef struct {
    size_t line, start, end;
} span_t;

/* A state of the builtin automaton that reports terms, and where (bytes
 * from the line's start): the character scan meets them before the line's
 * features are known, which the terms' tests read. */
typedef struct {
    uint32_t q;
    size_t end;
} hit_t;

typedef struct {
    line_t *lines;
    size_t nlines, cap_lines;
    match_t *matches;
    size_t nmatches, cap_matches;
    span_t *spans;
    size_t nspans, cap_spans;
    hit_t *hits; /* of the line being scanned */
    size_t nhits, cap_hits;
    double doc_score;
    unsigned doc_flags;
    size_t ncut; /* lines cut short: teaser_runs needs four */
    size_t nago; /* lines with ago set: comment_units needs three */
    size_t ndated; /* lines with ODD_DATED: dated_stamps relabels them */
    size_t nheld; /* lines with held set: held_markers needs one */
    size_t npinyin; /* Latin lines that spell the Han line above: pinyin_verse needs four */
    size_t nsheet; /* lines of sheet_shape: repeated_sheets needs a run of twelve */
    size_t nnumbered; /* unlinked lines with a lead_number: numbered_lists needs eleven */
    size_t nfield; /* field_row lines after the hints: field_lists needs six */
    bool have_hints;
    bool whole_page; /* the hints show page furniture (nav, header, footer, sidebar) */
    const scrub_linestats *stats;
    /* the caller's lexicon */
    scrub__ac user_ac;
    bool has_user;
    scrub__lex_entry *user_entries;
    size_t nuser;
    char *user_src;     /* the entries' text; terms point into it */
    size_t user_src_len;
    char *user_reasons; /* "category:term" strings, NUL-separated */
    /* the text with its full-width letters and digits folded (fold_wide) */
    char *wide;
    size_t cap_wide;
    size_t *wide_at; /* where each folded character stands in it */
    bool saw_wide;   /* the character scan met a full-width letter */
    size_t nwide, cap_wide_at;
    bool mute_spam; /* dev probe: the builtin gambling/porn/medical terms unheard */
} filter_state;

/* ---- labels ------------------------------------------------------------- */

static const char *const label_names[SCRUB_LABEL_COUNT] = {
    "content", "heading", "caption", "meta", "nav", "related", "widget",
    "footer", "contact", "ad", "spam", "artifact", "blank"};

SCRUB_API const char *scrub_label_name(int label)
{
    return label >= 0 && label < SCRUB_LABEL_COUNT ? label_names[label] : NULL;
}

static bool name_eq(const char *a, size_t alen, const char *b)
{
    if (alen != strlen(b)) return false;
    for (size_t i = 0; i < alen; i++) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != b[i]) return false;
    }
    return true;
}

SCRUB_API int scrub_label_from_name(const char *name, size_t len)
{
    if (!name) return SCRUB_E_INVALID_ARG;
    for (int i = 0; i < SCRUB_LABEL_COUNT; i++)
        if (name_eq(name, len, label_names[i])) return i;
    if (name_eq(name, len, "spam_stuffing")) return SCRUB_LABEL_SPAM;
    return SCRUB_E_INVALID_ARG;
}

SCRUB_API int scrub_label_mask_parse(const char *list, size_t len, unsigned *mask)
{
    if (!list || !mask) return SCRUB_E_INVALID_ARG;
    unsigned m = 0;
    size_t i = 0;
    while (i <= len) {
        size_t j = i;
        while (j < len && list[j] != ',') j++;
        while (i < j && list[i] == ' ') i++;
        size_t e = j;
        while (e > i && list[e - 1] == ' ') e--;
        if (e > i) {
            if (name_eq(list + i, e - i, "default")) {
                m |= SCRUB_KEEP_DEFAULT;
            } else if (name_eq(list + i, e - i, "all")) {
                m |= SCRUB_KEEP_ALL;
            } else {
                int l = scrub_label_from_name(list + i, e - i);
                if (l < 0) return SCRUB_E_INVALID_ARG;
                m |= SCRUB_LABEL_BIT(l);
            }
        }
        i = j + 1;
    }
    *mask = m;
    return SCRUB_OK;
}

/* ---- state -------------------------------------------------------------- */

static void state_free(void *p)
{
    filter_state *st = p;
    scrub__free(st->lines);
    scrub__free(st->matches);
    scrub__free(st->spans);
    scrub__free(st->hits);
    if (st->has_user) scrub__ac_free(&st->user_ac);
    scrub__free(st->user_entries);
    scrub__free(st->user_src);
    scrub__free(st->user_reasons);
    scrub__free(st->wide);
    scrub__free(st->wide_at);
}

static filter_state *get_state(scrub_ctx *ctx)
{
    return scrub__stage_state(ctx, SCRUB__STAGE_FILTER, sizeof(filter_state), state_free);
}

static const filter_state *peek_state(const scrub_ctx *ctx)
{
    return ctx ? ctx->stage[SCRUB__STAGE_FILTER] : NULL;
}

static int grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return SCRUB_OK;
    size_t ncap = *cap ? *cap : 64;
    while (ncap < need) ncap *= 2;
    void *p = scrub__realloc(*arr, ncap * elem);
    if (!p) return SCRUB_E_NOMEM;
    *arr = p;
    *cap = ncap;
    return SCRUB_OK;
}

/* ---- character classes -------------------------------------------------- */

static bool is_cjk(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
}

static bool is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
           cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF || cp == 0x85 ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F;
}

/* Letters of alphabetic scripts (Latin, Greek, Cyrillic, Arabic, ...):
 * everything past Latin-1 punctuation that is not CJK, punctuation or a
 * symbol block. */
static bool is_alpha(uint32_t cp)
{
    if (cp < 0x80) return (cp | 32) >= 'a' && (cp | 32) <= 'z';
    if (cp < 0xC0) return false;
    if (cp == 0xD7 || cp == 0xF7) return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) return false; /* punctuation, symbols, arrows */
    if (cp >= 0x3000 && cp <= 0x303F) return false;
    if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
    if (cp >= 0xFF00 && cp <= 0xFF20) return false;
    if (cp >= 0xE000 && cp <= 0xF8FF) return false;
    /* Specials: U+FFFD where a character was lost, U+FFFC where an object
     * (an image, an embed) stood */
    if ((cp >= 0xFFF0 && cp <= 0xFFFF) || cp >= 0x1F000) return false;
    return !is_cjk(cp);
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

static bool ascii_letter(unsigned char c)
{
    return (c | 32) >= 'a' && (c | 32) <= 'z';
}

static bool ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ascii_letter(c);
}

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

/* Letters (alphabetic or CJK) in s[b, e)? */
static bool has_letter(const unsigned char *s, size_t b, size_t e)
{
    for (size_t i = b; i < e;) {
        uint32_t cp;
        size_t k = scrub__utf8_decode(s + i, e - i, &cp);
        if (is_alpha(cp) || is_cjk(cp)) return true;
        i += k ? k : 1;
    }
    return false;
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
    if (grow((void **)&st->matches, &st->cap_matches, st->nmatches + 1, sizeof *st->matches) !=
        SCRUB_OK)
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

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

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
    if (grow((void **)&st->hits, &st->cap_hits, st->nhits + 1, sizeof *st->hits) != SCRUB_OK) {
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
static bool cut_short(const unsigned char *s, size_t n)
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
        if ((last == '.' || last == 0x2026) && ln->ncjk > ln->nwords && cut_short(s, n))
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

/* Dates such as 2018/11/29, 2017-05-24 00:00 or 2022年3月1日. */
/* Digits at s[i..n): how many. */
static size_t digits_at(const unsigned char *s, size_t n, size_t i)
{
    size_t d = 0;
    while (i + d < n && s[i + d] >= '0' && s[i + d] <= '9') d++;
    return d;
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

static bool has_date(const char *text, const line_t *ln)
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
static bool has_clock(const char *text, const line_t *ln)
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
static ALWAYS_INLINE bool clock_alone(const char *text, const line_t *ln)
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

static double fdiv(double a, double b)
{
    return b > 0 ? a / b : 0;
}

/* Prose in a language without stop words in our list (Czech, Polish,
 * Hungarian ...): many words, most of them lower case, where titles and
 * menus capitalize. */
static bool lowercase_prose(const line_t *ln)
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
    if (ln->term && lowercase_prose(ln)) return true;
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

static bool has(const line_t *ln, unsigned cat)
{
    return ln->cats & (1u << cat);
}

/* Where the first hit of cat is and why it counts; 0 and no reason
 * without a hit (the arrays are not cleared for a new line). */
static uint32_t cat_at(const line_t *ln, unsigned cat)
{
    return has(ln, cat) ? ln->cat_pos[cat] : 0;
}

static const char *cat_why(const line_t *ln, unsigned cat)
{
    return has(ln, cat) ? ln->cat_reason[cat] : NULL;
}

static bool strong(const line_t *ln, unsigned cat)
{
    return ln->strong & (1u << cat);
}

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

#define MARKER_CATS                                                                     \
    ((1u << SCRUB__CAT_FOOTER) | (1u << SCRUB__CAT_CONTACT) | (1u << SCRUB__CAT_WIDGET) | \
     (1u << SCRUB__CAT_RELATED) | (1u << SCRUB__CAT_NAV) | (1u << SCRUB__CAT_META))

static const struct {
    unsigned cat;
    int label;
} marker_order[] = {
    {SCRUB__CAT_FOOTER, SCRUB_LABEL_FOOTER},   {SCRUB__CAT_CONTACT, SCRUB_LABEL_CONTACT},
    {SCRUB__CAT_WIDGET, SCRUB_LABEL_WIDGET},   {SCRUB__CAT_RELATED, SCRUB_LABEL_RELATED},
    {SCRUB__CAT_NAV, SCRUB_LABEL_NAV},         {SCRUB__CAT_META, SCRUB_LABEL_META},
};

static double sentence_score(const line_t *ln)
{
    return 0.6 + 0.39 * (ln->units > 100 ? 1.0 : ln->units / 100.0);
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
static bool still_held(const line_t *ln)
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

static size_t field_prefix(const char *text, const line_t *ln);
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

static size_t starts_with(const char *p, size_t n, const char *w);

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
static ALWAYS_INLINE bool photo_credit(const char *text, const line_t *ln)
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

static void set_label(line_t *ln, int label, double score, const char *reason);

/* The shapes above, for the short lines that no marker decided (or a
 * caption marker that opens a bare credit); most lines are settled by
 * their first byte. */
static void residue_line(line_t *ln, const char *text)
{
    int l = ln->label;
    /* the label first: it settles most lines without a byte read */
    if (l != CAND && l != SCRUB_LABEL_CAPTION && l != SCRUB_LABEL_CONTENT) return;
    if (ln->len == 0 || ln->len > 80 || !residue_start(text + ln->start, ln->len)) return;
    if (photo_credit(text, ln)) set_label(ln, SCRUB_LABEL_META, 0.2, "photo-credit");
    else if (l != CAND) return;
    else if (entity_residue(text, ln)) set_label(ln, SCRUB_LABEL_ARTIFACT, 0.05, "entity-residue");
    else if (gallery_count(text, ln)) set_label(ln, SCRUB_LABEL_WIDGET, 0.1, "gallery-count");
}

/* ---- lead-in lines: bylines of other languages, links to other media --- */

/* The word that opens a byline at a line's start ("Von ", "Par ", "Por ",
 * "Od ", "Di ", "Door ", "Av "), capitalized; its length with the space,
 * or 0.  English "By " is a meta lexicon entry already. */
static size_t byline_word(const char *p, size_t n)
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
static int byline_token(const unsigned char *w, size_t n)
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
        !(i = byline_word(p, n)))
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
        int t = byline_token((const unsigned char *)p + b, e - b);
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

static bool holds(const char *p, size_t n, const char *w);
static bool line_holds(const char *text, const line_t *ln, const char *key, size_t n);

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

static FILTER_NOINLINE void residue_lines(filter_state *st, const char *text)
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

/* Length of the first of words[0, k) (not ASCII: no case to fold) that
 * p starts with, or 0; a first byte that differs settles most words. */
static size_t first_word(const char *p, size_t n, const char *const *words, size_t k)
{
    for (size_t i = 0; n && i < k; i++) {
        if (p[0] != words[i][0]) continue;
        size_t m = starts_with(p, n, words[i]);
        if (m) return m;
    }
    return 0;
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
    if (ln->ndigit < 3 || !has_clock(text, ln)) return false;
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
    return has(ln, SCRUB__CAT_DATE) || ln->date || (!looked && has_date(text, ln));
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

/* Length of the field name at the line's start when a colon follows it
 * ("Phone : ", "电话：", "文章摘要："), the colon and spaces included; 0 if
 * none.  The name is at most six CJK characters or twelve letters. */
static size_t field_prefix(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t i = 0, n = ln->len, chars = 0;
    while (i < n && chars <= 12) {
        if (s[i] == ':') return i + 1 + (i + 1 < n && s[i + 1] == ' ');
        if (i + 3 <= n && memcmp(s + i, "\xEF\xBC\x9A", 3) == 0) return i + 3;
        if (s[i] >= 0xE3 && s[i] <= 0xE9 && i + 3 <= n) i += 3, chars += 2; /* Han */
        else if (ascii_alnum(s[i]) || (s[i] == ' ' && i > 0)) i++, chars++;
        else return 0;
    }
    return 0;
}

/* Length of w when p starts with it (ASCII case folded), else 0. */
static size_t starts_with(const char *p, size_t n, const char *w)
{
    size_t i = 0;
    for (; w[i]; i++) {
        char c = i < n ? p[i] : 0;
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != w[i]) return 0;
    }
    return i;
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

/* ---- inline spam spans -------------------------------------------------- */

static bool ascii_term(const match_t *m, const char *text)
{
    return (unsigned char)text[m->start] < 0x80;
}

/* Length of a delimiter (: , ： ，) at p, or 0. */
static size_t delim_len(const char *text, size_t p, size_t end)
{
    const unsigned char *s = (const unsigned char *)text;
    if (p < end && (s[p] == ':' || s[p] == ',')) return 1;
    if (p + 3 <= end && s[p] == 0xEF && s[p + 1] == 0xBC && (s[p + 2] == 0x9A || s[p + 2] == 0x8C))
        return 3;
    return 0;
}

/* 【金沙网站】: the brackets go with the span. */
static void widen_brackets(const char *text, size_t line_start, size_t line_end, span_t *sp)
{
    if (sp->start >= line_start + 3 && sp->end + 3 <= line_end &&
        memcmp(text + sp->start - 3, "\xE3\x80\x90", 3) == 0 &&
        memcmp(text + sp->end, "\xE3\x80\x91", 3) == 0) {
        sp->start -= 3;
        sp->end += 3;
    }
}

static void sort_matches(match_t *m, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        match_t x = m[i];
        size_t j = i;
        while (j > 0 && (m[j - 1].start > x.start ||
                         (m[j - 1].start == x.start && m[j - 1].end < x.end))) {
            m[j] = m[j - 1];
            j--;
        }
        m[j] = x;
    }
}

/* Groups of touching spam/CTA matches that hold a strong spam term and are
 * clearly injected (two or more terms, or an ASCII brand such as js333)
 * become spans; a following delimiter goes with them. */
static int find_spans(filter_state *st, const char *text, size_t li, line_t *ln)
{
    match_t *m = st->matches + ln->match_first;
    size_t n = ln->match_count, line_end = ln->start + ln->len;
    sort_matches(m, n);
    ln->span_first = st->nspans;
    for (size_t i = 0; i < n;) {
        size_t end = m[i].end, count = 0;
        bool strong_spam = false, ascii = false;
        size_t j = i;
        for (; j < n && m[j].start <= end; j++) {
            /* a term inside another (开发票 in 代开发票) is no second term */
            if (j == i || m[j].end > end) count++;
            if (m[j].end > end) end = m[j].end;
            if (m[j].strong && m[j].cat != SCRUB__CAT_CTA) {
                strong_spam = true;
                ascii |= ascii_term(&m[j], text);
            }
        }
        if (strong_spam && (count >= 2 || ascii)) {
            if (grow((void **)&st->spans, &st->cap_spans, st->nspans + 1, sizeof *st->spans))
                return SCRUB_E_NOMEM;
            span_t *sp = &st->spans[st->nspans++];
            sp->line = li;
            sp->start = m[i].start;
            sp->end = end;
            widen_brackets(text, ln->start, line_end, sp);
            sp->end += delim_len(text, sp->end, line_end);
            ln->span_count++;
        }
        i = j;
    }
    return SCRUB_OK;
}

static size_t span_bytes(const filter_state *st, const line_t *ln)
{
    size_t n = 0;
    for (size_t k = 0; k < ln->span_count; k++)
        n += st->spans[ln->span_first + k].end - st->spans[ln->span_first + k].start;
    return n;
}

/* ---- spam glued to a sentence ------------------------------------------- */

/* A spam run pasted before, after or into a real sentence ("...发展。无需
 * 注册就送20 2018太阳集团游戏网址 太阳城上网导航"): the run is cut and the
 * sentence kept.  The run lies inside one stretch between sentence ends;
 * it is made of short pieces between separators, holds the spam terms,
 * and has the shape of spam (two pieces with terms, an ASCII brand, a
 * domain or a number, or a field's colon) -- a news clause naming a
 * casino or a lottery is one long piece with none of these. */
enum {
    GLUE_PIECES = 48,   /* pieces of one stretch looked at */
    GLUE_SHORT = 12,    /* characters of a keyword or a field name */
    GLUE_SENTENCE = 12, /* characters the sentence keeps outside the run */
};

typedef struct {
    size_t b, e, sep; /* bytes [b, e), then the separator's length */
    size_t chars;
    bool spam;
    bool comma; /* ends in ，, as a sentence's clauses do (keyword lists use , 、 | and spaces) */
} glue_piece;

static size_t utf8_step(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* 。！？； ! ? ; at p (a 。 between ASCII letters or digits spells a
 * domain's dot): its length, or 0. */
static size_t glue_stop(const unsigned char *s, size_t p, size_t b, size_t e)
{
    if (s[p] == '!' || s[p] == '?' || s[p] == ';') return 1;
    if (p + 3 > e) return 0;
    if (s[p] == 0xE3 && s[p + 1] == 0x80 && s[p + 2] == 0x82)
        return p > b && p + 3 < e && ascii_alnum(s[p - 1]) && ascii_alnum(s[p + 3]) ? 0 : 3;
    if (s[p] == 0xEF && s[p + 1] == 0xBC && (s[p + 2] == 0x81 || s[p + 2] == 0x9F || s[p + 2] == 0x9B))
        return 3;
    return 0;
}

/* A no-break space (U+00A0) or an ideographic space (U+3000) at p: its
 * length, or 0.  Pages write either where they mean a space. */
static size_t wide_space(const unsigned char *s, size_t p, size_t e)
{
    if (p + 2 <= e && s[p] == 0xC2 && s[p + 1] == 0xA0) return 2;
    if (p + 3 <= e && s[p] == 0xE3 && s[p + 1] == 0x80 && s[p + 2] == 0x80) return 3;
    return 0;
}

/* A separator between a run's pieces at p: its length, or 0; *colon when
 * it is a field's colon. */
static size_t glue_sep(const unsigned char *s, size_t p, size_t e, bool *colon)
{
    *colon = s[p] == ':';
    if (s[p] == ' ' || s[p] == '\t' || s[p] == ',' || s[p] == '|' || s[p] == ':') return 1;
    size_t w = wide_space(s, p, e);
    if (w) return w;
    /* a hyphen between two Han characters joins keywords, as ★ does */
    if (s[p] == '-') return p >= 3 && p + 4 <= e && s[p - 3] >= 0xE3 && s[p - 3] <= 0xE9 &&
                            s[p + 1] >= 0xE3 && s[p + 1] <= 0xE9;
    if (p + 3 > e) return 0;
    if (s[p] == 0xEF && s[p + 1] == 0xBC && (s[p + 2] == 0x8C || s[p + 2] == 0x9A)) {
        *colon = s[p + 2] == 0x9A;
        return 3;
    }
    if ((s[p] == 0xE3 && s[p + 1] == 0x80 && s[p + 2] == 0x81) ||
        (s[p] == 0xE2 && s[p + 1] == 0x98 && (s[p + 2] == 0x85 || s[p + 2] == 0x86)))
        return 3;
    return 0;
}

static size_t glue_chars(const unsigned char *s, size_t b, size_t e)
{
    size_t n = 0;
    for (size_t p = b; p < e; p += utf8_step(s[p])) n++;
    return n;
}

/* Is s[i] the first byte of an opening quote or bracket a brand is put
 * in (‘ “ 【 《 「 （, three bytes each)?  n bounds s. */
static bool open_mark(const unsigned char *s, size_t n, size_t i)
{
    static const char *const q[] = {"\xE2\x80\x98", "\xE2\x80\x9C", "\xE3\x80\x90", "\xE3\x80\x8A",
                                    "\xE3\x80\x8C", "\xEF\xBC\x88"};
    /* most lines open with a letter: one compare decides them */
    if (i + 3 > n || (s[i] != 0xE2 && s[i] != 0xE3 && s[i] != 0xEF)) return false;
    for (size_t k = 0; k < sizeof q / sizeof q[0]; k++)
        if (memcmp(s + i, q[k], 3) == 0) return true;
    return false;
}

/* ‘“【《「( before a brand, ’”】》」) after it go with it. */
static size_t glue_open(const unsigned char *s, size_t p, size_t b)
{
    return p >= b + 3 && open_mark(s, p, p - 3) ? p - 3 : p;
}

static size_t glue_close(const unsigned char *s, size_t p, size_t e)
{
    static const char *const q[] = {"\xE2\x80\x99", "\xE2\x80\x9D", "\xE3\x80\x91", "\xE3\x80\x8B",
                                    "\xE3\x80\x8D", "\xEF\xBC\x89"};
    for (size_t k = 0; k < sizeof q / sizeof q[0]; k++)
        if (p + 3 <= e && memcmp(s + p, q[k], 3) == 0) return p + 3;
    return p;
}

/* A piece that closes a bracket ends the sentence's own words (a
 * byline in brackets: （梁新星 闫昭宇）). */
static bool glue_closed(const unsigned char *s, size_t b, size_t e)
{
    for (size_t p = b; p < e; p += utf8_step(s[p]))
        if (s[p] == ')' || (p + 3 <= e && s[p] == 0xEF && s[p + 1] == 0xBC && s[p + 2] == 0x89))
            return true;
    return false;
}

static bool spam_match(const match_t *m)
{
    return m->strong && m->cat != SCRUB__CAT_CTA;
}

/* The stretch [*b, *e) between sentence ends around byte at. */
static void glue_stretch(const unsigned char *s, size_t ls, size_t le, size_t at, size_t *b, size_t *e)
{
    *b = ls;
    for (size_t p = ls; p < at; p += utf8_step(s[p])) {
        size_t k = glue_stop(s, p, ls, le);
        if (k) *b = p + k;
    }
    *e = le;
    for (size_t p = at; p < le; p += utf8_step(s[p]))
        if (glue_stop(s, p, ls, le)) {
            *e = p;
            return;
        }
}

/* The stretch's pieces; false when there are more than GLUE_PIECES. */
static bool glue_pieces(const unsigned char *s, size_t b, size_t e, glue_piece *pc, size_t *np,
                        bool *colon_after)
{
    size_t n = 0, p = b, start = b;
    while (p <= e) {
        bool colon = false;
        size_t k = p < e ? glue_sep(s, p, e, &colon) : 1;
        if (!k) {
            p += utf8_step(s[p]);
            continue;
        }
        if (p > start) {
            if (n == GLUE_PIECES) return false;
            bool comma = p + 3 <= e && s[p] == 0xEF && s[p + 1] == 0xBC && s[p + 2] == 0x8C;
            pc[n] = (glue_piece){start, p, p < e ? k : 0, glue_chars(s, start, p), false, comma};
            colon_after[n++] = colon;
        }
        p += k;
        start = p;
    }
    *np = n;
    return true;
}

static size_t piece_of(const glue_piece *pc, size_t n, size_t at)
{
    size_t k = 0;
    while (k + 1 < n && pc[k].e <= at) k++;
    return k;
}

static bool ascii_word(const unsigned char *s, size_t b, size_t e)
{
    for (size_t p = b, run = 0; p < e; p++) {
        run = ascii_alnum(s[p]) ? run + 1 : 0;
        if (run >= 3) return true;
    }
    return false;
}

/* www.wns888.com, 13812345678: a piece all ASCII with a word of three
 * letters or digits is the run's domain or number, however long. */
static bool contact_piece(const unsigned char *s, const glue_piece *pc)
{
    for (size_t p = pc->b; p < pc->e; p++)
        if (s[p] >= 0x80) return false;
    return ascii_word(s, pc->b, pc->e);
}

/* The glued run of line ln, [*rs, *re); false when the line has none. */
static bool glued_run(const filter_state *st, const char *text, const line_t *ln, size_t *rs, size_t *re)
{
    const unsigned char *s = (const unsigned char *)text;
    const match_t *m = st->matches + ln->match_first;
    size_t n = ln->match_count, ls = ln->start, le = ln->start + ln->len, f = 0;
    while (f < n && !spam_match(&m[f])) f++;
    if (f == n) return false;
    size_t sb, se, np, mend = m[f].end;
    glue_stretch(s, ls, le, m[f].start, &sb, &se);
    glue_piece pc[GLUE_PIECES];
    bool colon[GLUE_PIECES];
    if (!glue_pieces(s, sb, se, pc, &np, colon) || !np) return false;
    for (size_t k = f; k < n; k++) {
        if (!spam_match(&m[k]) || m[k].start >= se) continue;
        pc[piece_of(pc, np, m[k].start)].spam = true;
        if (m[k].end > mend) mend = m[k].end < se ? m[k].end : se;
    }
    size_t pf = piece_of(pc, np, m[f].start), pl = piece_of(pc, np, mend - 1), spam_pieces = 0;
    bool shape = ascii_word(s, pc[pf].b, pc[pl].e) || colon[pl] || (pf && colon[pf - 1]);
    for (size_t k = pf; k <= pl; k++) spam_pieces += pc[k].spam;
    if (!shape && spam_pieces < 2) return false;
    /* the run's edges: a long piece is the sentence's words with the
     * brand glued to them, and only the brand goes */
    size_t a = pc[pf].b, z;
    if (pc[pf].chars > GLUE_SHORT) a = glue_open(s, m[f].start, pc[pf].b);
    else
        while (pf > 0 && pc[pf - 1].chars <= GLUE_SHORT && !pc[pf - 1].comma &&
               !glue_closed(s, pc[pf - 1].b, pc[pf - 1].e))
            a = pc[--pf].b;
    if (pc[pl].chars > GLUE_SHORT) z = glue_close(s, mend, pc[pl].e);
    else {
        z = pc[pl].e + pc[pl].sep;
        /* short keywords after the last term are the run's; a clause
         * that a ， or a sentence end closes is the sentence's */
        while (pl + 1 < np && !pc[pl].comma && !pc[pl + 1].comma &&
               (pc[pl + 1].chars <= GLUE_SHORT || contact_piece(s, &pc[pl + 1])) &&
               !(pl + 2 == np && se < le)) {
            pl++;
            z = pc[pl].e + pc[pl].sep;
        }
    }
    /* the sentence stays: enough of the line outside the run */
    if (glue_chars(s, ls, a) + glue_chars(s, z, le) < GLUE_SENTENCE) return false;
    *rs = a;
    *re = z;
    return true;
}

/* The line's spans become the run and those outside it. */
static int set_glued_span(filter_state *st, size_t li, line_t *ln, size_t rs, size_t re)
{
    size_t w = ln->span_first;
    for (size_t k = ln->span_first; k < ln->span_first + ln->span_count; k++)
        if (st->spans[k].end <= rs || st->spans[k].start >= re) st->spans[w++] = st->spans[k];
    st->nspans = w;
    if (grow((void **)&st->spans, &st->cap_spans, st->nspans + 1, sizeof *st->spans))
        return SCRUB_E_NOMEM;
    size_t at = st->nspans++;
    while (at > ln->span_first && st->spans[at - 1].start > rs) {
        st->spans[at] = st->spans[at - 1];
        at--;
    }
    st->spans[at] = (span_t){.line = li, .start = rs, .end = re};
    ln->span_count = st->nspans - ln->span_first;
    return SCRUB_OK;
}

/* ---- pass 3: context ---------------------------------------------------- */

static bool keep_label(int l)
{
    return l == SCRUB_LABEL_CONTENT || l == SCRUB_LABEL_HEADING || l == SCRUB_LABEL_CAPTION;
}

static void set_label(line_t *ln, int label, double score, const char *reason)
{
    ln->label = label;
    ln->score = score;
    ln->reason = reason;
}

/* A page as crawled shows its furniture (menus, a header, classes that
 * name them); an extraction (readability's output, an article fragment)
 * has none: its links, <footer> and <aside> are the author's.  A page
 * whose markup names nothing ("div soup": no <nav>, hashed class names)
 * still shows its menus as lines that are all anchor text; ten of them
 * are more than an article's own links make. */
enum { FURNITURE_LINK_LINES = 10 };

/* Line i's hints as the filter reads them: an own_head's anchor text is
 * the site's permalink or anchor, so its link share is dropped. */
static uint32_t hint_of(const filter_state *st, const uint32_t *hints, size_t i)
{
    return i < st->nlines && st->lines[i].own_head ? hints[i] & SCRUB_HINT_FLAGS_MASK : hints[i];
}

static bool has_furniture(const uint32_t *hints, size_t nhints)
{
    const uint32_t f = SCRUB_HINT_IN_NAV | SCRUB_HINT_IN_HEADER | SCRUB_HINT_CLASS_NAV |
                       SCRUB_HINT_CLASS_FOOTER | SCRUB_HINT_CLASS_SIDEBAR;
    size_t links = 0;
    for (size_t i = 0; i < nhints; i++) {
        if (hints[i] & f) return true;
        links += hints[i] >> SCRUB_HINT_LINK_SHARE_SHIFT >= 230; /* 0.9 of 255 */
    }
    return links >= FURNITURE_LINK_LINES;
}

/* Many sites link their headings: the headline to the post's permalink,
 * section titles to their anchors.  Such a heading is still the
 * article's when prose of its own stands under it: two sentences or
 * more (no link) before the next heading, or one when the headings
 * around it are not teasers too.  A teaser list repeats linked heading +
 * one summary; a heading with no sentence under it, or in a box that
 * names a menu, a sidebar, related links or an ad, stays a link. */
enum { OWN_HEAD_PROSE = 2 };

static const uint32_t OWN_HEAD_BOXES =
    SCRUB_HINT_IN_NAV | SCRUB_HINT_IN_ASIDE | SCRUB_HINT_IN_FOOTER | SCRUB_HINT_CLASS_NAV |
    SCRUB_HINT_CLASS_FOOTER | SCRUB_HINT_CLASS_RELATED | SCRUB_HINT_CLASS_SIDEBAR |
    SCRUB_HINT_CLASS_AD;

static bool linked_heading(uint32_t h)
{
    return (h & SCRUB_HINT_HEADING) && SCRUB_HINT_LINK_SHARE(h) >= 0.5;
}

/* What stands under heading i, up to the next heading (next, SIZE_MAX
 * at the end): its lines, and its sentences with no link until a link or
 * a box after a sentence ends the text (a teaser's byline, an ad's link
 * row under its copy, the footer).  Boxes that wrap the page
 * (wrapper_flags) are none. */
typedef struct {
    size_t prose, paragraphs, lines, next;
} head_section;

/* A sentence line of this many units is a paragraph, longer than an ad's
 * copy or a teaser's summary. */
enum { OWN_HEAD_PARAGRAPH = 30 };

static head_section section_under(const filter_state *st, const uint32_t *hints, size_t n, size_t i,
                                  uint32_t wrapper)
{
    head_section s = {0, 0, 0, SIZE_MAX};
    bool ended = false, spoke = false;
    size_t j = i + 1;
    for (; j < n && !(hints[j] & SCRUB_HINT_HEADING); j++) {
        const line_t *ln = &st->lines[j];
        if (ln->label == SCRUB_LABEL_BLANK) continue;
        s.lines++;
        bool out = SCRUB_HINT_LINK_SHARE(hints[j]) >= 0.5 ||
                   (hints[j] & ~wrapper & (OWN_HEAD_BOXES | SCRUB_HINT_IN_HEADER));
        ended |= out && spoke; /* a byline's or a share bar's links may come first */
        spoke |= !out && (ln->good || ln->term || ln->send);
        bool prose = !ended && !out && ln->good;
        s.prose += prose;
        s.paragraphs += prose && ln->units >= OWN_HEAD_PARAGRAPH;
    }
    if (j < n) s.next = j;
    return s;
}

/* A linked heading in a box, in a list item (a card of a teaser list) or
 * of one token with digits (an image's file name: BlogImage-1160x768.jpg)
 * is no title of the article's. */
static bool own_head_shape(const line_t *ln, uint32_t h)
{
    return !(h & (OWN_HEAD_BOXES | SCRUB_HINT_LIST_ITEM)) && !(ln->nspace == 0 && ln->ndigit);
}

/* A teaser: a linked heading over one sentence or none and little else. */
enum { TEASER_LINES = 4, OWN_HEAD_STACK = 2 };

static bool teaser_section(const head_section *s)
{
    return s->prose < OWN_HEAD_PROSE && s->lines <= TEASER_LINES;
}

/* The stack of linked headings that ends at i, back to the first line
 * that is neither blank nor one (a headline and its subtitle), takes
 * the verdict of the section under i; three linked headings in a row
 * are a box of teasers and are left links.  Returns whether one was
 * found the article's. */
static bool own_stack(filter_state *st, const uint32_t *hints, size_t i, bool own, uint32_t wrapper)
{
    size_t top = i, stacked = 0;
    while (top > 0 &&
           (st->lines[top - 1].label == SCRUB_LABEL_BLANK || linked_heading(hints[top - 1])))
        top--;
    for (size_t k = top; k <= i; k++) stacked += linked_heading(hints[k]);
    if (stacked > OWN_HEAD_STACK) return false;
    bool any = false;
    for (size_t k = top; k <= i; k++) {
        if (!linked_heading(hints[k])) continue;
        st->lines[k].own_head = own && own_head_shape(&st->lines[k], hints[k] & ~wrapper);
        any |= st->lines[k].own_head;
    }
    return any;
}

/* Returns whether any heading was found the article's.  A stack of
 * headings with no line between them (a headline over its subtitle) is
 * read as one: the section under its last one decides for all.  The
 * section under the next linked heading, read to tell whether it is a
 * teaser too, is kept for when the loop gets there. */
static bool own_headings(filter_state *st, const uint32_t *hints, size_t nhints, uint32_t wrapper)
{
    size_t n = nhints < st->nlines ? nhints : st->nlines, ahead_at = SIZE_MAX;
    head_section ahead = {0, 0, 0, SIZE_MAX};
    bool prev_teaser = false, any = false; /* the last section was a linked teaser */
    for (size_t i = 0; i < n; i++) {
        if (!(hints[i] & SCRUB_HINT_HEADING)) continue;
        if (!linked_heading(hints[i])) {
            prev_teaser = false;
            continue;
        }
        head_section s = i == ahead_at ? ahead : section_under(st, hints, n, i, wrapper);
        if (s.lines == 0 && s.next != SIZE_MAX) continue; /* stacked: decided below */
        bool next_teaser = false;
        if (s.next != SIZE_MAX && linked_heading(hints[s.next])) {
            ahead = section_under(st, hints, n, s.next, wrapper);
            ahead_at = s.next;
            next_teaser = teaser_section(&ahead);
        }
        bool own = s.prose >= OWN_HEAD_PROSE ||
                   (s.paragraphs == 1 && !prev_teaser && !next_teaser);
        prev_teaser = teaser_section(&s);
        any |= own_stack(st, hints, i, own, wrapper);
    }
    return any;
}

/* How-tos, FAQ answers and key points tell the article in list items: an
 * item inside the html stage's article guess that is a whole sentence
 * (enough words, a sentence end, no anchor text) counts as the body's
 * prose, not as a menu's entry; list_prose_runs decides whether a
 * sidebar-classed list of them is a feed. */
enum { LIST_PROSE_UNITS = 12 };

static bool list_prose(const line_t *ln, uint32_t f, double link)
{
    return (f & SCRUB_HINT_LIST_ITEM) && (f & SCRUB_HINT_IN_CANDIDATE) && link < 0.1 &&
           ln->good && (ln->term || ln->send) && ln->units >= LIST_PROSE_UNITS;
}

/* The box whose class puts the line out, in apply_hint's order: the
 * <footer> and <nav> elements are the page's, whatever their class. */
static uint8_t box_class(uint32_t f)
{
    const uint32_t boxes = SCRUB_HINT_CLASS_AD | SCRUB_HINT_CLASS_RELATED |
                           SCRUB_HINT_CLASS_FOOTER | SCRUB_HINT_CLASS_NAV | SCRUB_HINT_CLASS_SHARE |
                           SCRUB_HINT_CLASS_COMMENT | SCRUB_HINT_CLASS_SIDEBAR | SCRUB_HINT_IN_ASIDE;
    if (!(f & boxes)) return 0; /* most lines: no box at all */
    if (f & SCRUB_HINT_CLASS_AD) return BOX_AD;
    if (f & SCRUB_HINT_CLASS_RELATED) return BOX_RELATED;
    if (f & (SCRUB_HINT_IN_FOOTER | SCRUB_HINT_IN_NAV)) return 0;
    if (f & SCRUB_HINT_CLASS_FOOTER) return BOX_FOOTER;
    if (f & SCRUB_HINT_CLASS_NAV) return BOX_NAV;
    if (f & SCRUB_HINT_CLASS_SHARE) return BOX_SHARE;
    if (f & SCRUB_HINT_CLASS_COMMENT) return BOX_COMMENT;
    if (f & (SCRUB_HINT_CLASS_SIDEBAR | SCRUB_HINT_IN_ASIDE)) return BOX_SIDEBAR;
    return 0;
}

static void apply_hint(line_t *ln, uint32_t h, bool whole_page)
{
    if (ln->label == SCRUB_LABEL_BLANK || !h) return;
    uint32_t f = h & SCRUB_HINT_FLAGS_MASK;
    double link = SCRUB_HINT_LINK_SHARE(h);
    ln->linked = link >= 0.5;
    ln->dom_heading = f & SCRUB_HINT_HEADING;
    /* a sentence that is all anchor text is the title of another page: it
     * does not make a body (it stays inside one) */
    ln->link_title = whole_page && link >= 0.9 && ln->units < 40;
    ln->link_entry = whole_page && (f & SCRUB_HINT_LIST_ITEM) && link >= 0.25 && ln->units < 20;
    /* list items, table rows and preformatted lines join a body they touch */
    if (f & SCRUB_HINT_LIST_ITEM) ln->item = true;
    if (f & SCRUB_HINT_IN_MAIN) ln->hint_main = true;
    ln->hint_cand = f & SCRUB_HINT_IN_CANDIDATE;
    ln->prose_item = whole_page && list_prose(ln, f, link);
    ln->hint_header = f & SCRUB_HINT_IN_HEADER;
    ln->boxed = box_class(f);
    if (f & (SCRUB_HINT_TABLE | SCRUB_HINT_PRE)) ln->tab = true;
    /* a Chinese row of names between spaces, no function character, no
     * sentence end: a menu even when long */
    bool row = ln->ncjk > ln->nwords && ln->nsep_space >= 3 && ln->nfunc == 0 && !ln->send;
    bool weak = !ln->good || ln->units < 40 || row;
    if ((f & SCRUB_HINT_CLASS_AD) && weak) set_label(ln, SCRUB_LABEL_AD, 0.1, R_HINT_AD);
    else if ((f & (SCRUB_HINT_IN_FOOTER | SCRUB_HINT_CLASS_FOOTER)) && weak)
        set_label(ln, SCRUB_LABEL_FOOTER, 0.1, R_HINT_FOOTER);
    else if ((f & (SCRUB_HINT_IN_NAV | SCRUB_HINT_CLASS_NAV)) && weak)
        set_label(ln, SCRUB_LABEL_NAV, 0.1, R_HINT_NAV);
    else if ((f & (SCRUB_HINT_CLASS_SHARE | SCRUB_HINT_CLASS_COMMENT)) && weak)
        set_label(ln, SCRUB_LABEL_WIDGET, 0.1, R_HINT_WIDGET);
    /* a long sentence in a footer or a comment is a notice or a reader's
     * words: it does not make the body, and is removed outside it (an
     * article's own <footer> inside the body stays) */
    else if (whole_page && (f & (SCRUB_HINT_IN_FOOTER | SCRUB_HINT_CLASS_FOOTER)))
        ln->chrome = SCRUB_LABEL_FOOTER;
    else if (whole_page && (f & SCRUB_HINT_CLASS_COMMENT))
        ln->chrome = SCRUB_LABEL_WIDGET;
    /* an item of a list in a sidebar: a feed of news, not the article */
    else if (whole_page && !weak && (f & SCRUB_HINT_LIST_ITEM) &&
             (f & (SCRUB_HINT_CLASS_RELATED | SCRUB_HINT_CLASS_SIDEBAR | SCRUB_HINT_IN_ASIDE)))
        ln->chrome = SCRUB_LABEL_RELATED;
    else if ((f & (SCRUB_HINT_CLASS_RELATED | SCRUB_HINT_CLASS_SIDEBAR | SCRUB_HINT_IN_ASIDE)) &&
             weak)
        set_label(ln, SCRUB_LABEL_RELATED, 0.15, R_HINT_RELATED);
    else if (link >= 0.6 && weak && !ln->credited && !(f & (SCRUB_HINT_IN_MAIN | SCRUB_HINT_HEADING)))
        set_label(ln, SCRUB_LABEL_NAV, 0.15, R_LINKS);
    else if ((f & SCRUB_HINT_CAPTION) && ln->label == CAND)
        set_label(ln, SCRUB_LABEL_CAPTION, 0.6, "hint:caption");
    else if ((f & (SCRUB_HINT_HEADING | SCRUB_HINT_TITLE)) && ln->label == CAND) {
        ln->hint_heading = true; /* a heading if it sits in or just before the body */
        ln->hint_title = (f & SCRUB_HINT_TITLE) && (f & SCRUB_HINT_HEADING);
    }
}

/* A list in a box whose class names a sidebar or related links is a feed
 * of teasers when its sentences sit between items that are linked
 * headlines or no sentence ("13:54 En Islande, ..."); a sentence whose
 * neighbouring items are sentences too is the article told in steps or
 * points inside a box the site named oddly, and makes the body as a
 * paragraph would. */
static bool feed_neighbour(const filter_state *st, size_t i, int step)
{
    for (size_t k = i; step < 0 ? k-- > 0 : ++k < st->nlines;) {
        const line_t *n = &st->lines[k];
        if (n->label == SCRUB_LABEL_BLANK) continue;
        return n->item && (n->linked || n->link_title || !(n->term || n->send || n->dom_heading));
    }
    return false;
}

static void list_prose_runs(filter_state *st)
{
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        if (ln->prose_item && ln->chrome == SCRUB_LABEL_RELATED && !feed_neighbour(st, i, -1) &&
            !feed_neighbour(st, i, 1))
            ln->chrome = 0;
    }
}

/* A figure's credit alone on its line: "Devindra Hardawar/AOL" (a few
 * capitalized words joined by a slash) or a bare domain
 * ("topleftpixel.com"); a caption that describes the picture has lower-case
 * words or spaces. */
static bool credit_shape(const char *text, const line_t *ln)
{
    if (ln->ncjk || ln->ndigit || ln->nwords < 2 || ln->nwords > 4 || ln->nchar > 40) return false;
    const char *p = text + ln->start;
    bool slash = memchr(p, '/', ln->len) != NULL, dot = memchr(p, '.', ln->len) != NULL;
    if (ln->nspace == 0 && dot && !ln->term) return true;
    return slash && ln->nlow_init == 0 && ln->ncap_init >= 2 && !ln->term;
}

/* On a whole page, a short line that is all anchor text, even inside the
 * article ("Five things we learned from Obama interview", "Disclosures
 * SmartAsset.com"), is a link to another page, not the author's words; a
 * heading (the title links to itself), a table row and a list item (lists
 * of bugs, of sources) are exempt.  In an extraction the links are the
 * author's. */
static bool linked_line(const line_t *ln, uint32_t h)
{
    return SCRUB_HINT_LINK_SHARE(h) >= 0.95 && ln->units < 20 &&
           !(h & (SCRUB_HINT_HEADING | SCRUB_HINT_TABLE | SCRUB_HINT_PRE | SCRUB_HINT_LIST_ITEM)) &&
           !ln->code;
}

/* What the DOM says together with the line's own shape: a figcaption that
 * is a credit (meta) or a year under a chart (caption, not a stray
 * number); a bracketed link inside the body ("[Read: ...]") points to
 * another article. */
static void hint_shapes(line_t *ln, const char *text, uint32_t h, bool whole_page)
{
    if (ln->label == SCRUB_LABEL_BLANK || !h) return;
    if (h & SCRUB_HINT_CAPTION) {
        if (ln->label == SCRUB_LABEL_ARTIFACT && ln->ndigit && !ln->code)
            set_label(ln, SCRUB_LABEL_CAPTION, 0.55, "hint:caption");
        else if (ln->label == SCRUB_LABEL_CAPTION && credit_shape(text, ln))
            set_label(ln, SCRUB_LABEL_META, 0.2, "photo-credit");
    }
    if ((h & (SCRUB_HINT_TABLE | SCRUB_HINT_PRE)) && ln->label == SCRUB_LABEL_WIDGET &&
        ln->cats >> SCRUB__CAT_BUTTON) {
        ln->reply = ln->says = ln->thread = false;
        set_label(ln, CAND, 0.4, "short");
    }
    bool open = keep_label(ln->label) || ln->label == CAND;
    if (open && whole_page && !ln->credited && linked_line(ln, h))
        set_label(ln, SCRUB_LABEL_RELATED, 0.2, R_LINKED_LINE);
    if (ln->bracket && open && SCRUB_HINT_LINK_SHARE(h) >= 0.5)
        set_label(ln, SCRUB_LABEL_RELATED, 0.2, "bracketed-link");
}

/* The body: clusters of sentence (and near-sentence) lines with gaps of
 * at most 6 other non-blank lines; every cluster holding at least 30% of
 * the text of the biggest, or three sentences, belongs to it.  false when
 * there is none. */
static bool body_line(const line_t *ln)
{
    if (ln->link_title || ln->chrome) return false;
    return ln->label == SCRUB_LABEL_CONTENT || (ln->label == CAND && ln->near);
}

static size_t body_units(const line_t *ln)
{
    return ln->label == SCRUB_LABEL_CONTENT ? ln->units : ln->units / 2;
}

typedef struct {
    size_t first, last, units, good;
    size_t prose; /* sentences outside list items, or items that read as prose */
} cluster;

/* Calls fn for every cluster. */
static void clusters(const filter_state *st, void (*fn)(const cluster *, void *), void *arg)
{
    cluster c = {0, 0, 0, 0, 0};
    size_t gap = 0;
    bool in = false, intro = false;
    for (size_t i = 0; i < st->nlines; i++) {
        const line_t *ln = &st->lines[i];
        if (ln->label == SCRUB_LABEL_BLANK) continue;
        if (!body_line(ln)) {
            /* the items of a list that a sentence or a short lead-in
             * ("Aus dem Inhalt:") announces are no gap in the body */
            bool lead = in && ln->label == CAND && ln->colon && !ln->linked && !ln->item;
            intro = (intro && (ln->item || ln->tab)) || lead;
            gap += !intro;
            continue;
        }
        intro = ln->colon;
        if (in && gap > 6) {
            fn(&c, arg);
            in = false;
        }
        if (!in) c = (cluster){SIZE_MAX, 0, 0, 0, 0};
        in = true;
        c.units += body_units(ln);
        if (ln->label == SCRUB_LABEL_CONTENT && !ln->teaser) {
            /* the body starts and ends with a sentence of its own */
            if (c.first == SIZE_MAX) c.first = i;
            c.last = i;
            c.good++;
            c.prose += !ln->teaser && (!ln->item || ln->prose_item);
        }
        gap = 0;
    }
    if (in) fn(&c, arg);
}

typedef struct {
    size_t best, first, last;
    bool found;
} body;

static void find_best(const cluster *c, void *arg)
{
    body *b = arg;
    if (c->units > b->best && c->good) b->best = c->units;
}

static void join_body(const cluster *c, void *arg)
{
    body *b = arg;
    /* a small block far from the body joins it with three sentences of
     * prose (not the items of a slideshow or a list of teasers) */
    if (!c->good || (c->units * 10 < b->best * 3 && c->prose < 3)) return;
    if (!b->found || c->first < b->first) b->first = c->first;
    if (!b->found || c->last > b->last) b->last = c->last;
    b->found = true;
}

static bool main_block(const filter_state *st, size_t *first, size_t *last)
{
    body b = {0, 0, 0, false};
    clusters(st, find_best, &b);
    clusters(st, join_body, &b);
    *first = b.first;
    *last = b.last;
    return b.found;
}

static void keep_biggest(const cluster *c, void *arg)
{
    cluster *b = arg;
    if (c->good && c->units > b->units) *b = *c;
}

/* The biggest block of sentences (the article when there is one). */
static cluster biggest_cluster(const filter_state *st)
{
    cluster b = {SIZE_MAX, 0, 0, 0, 0};
    clusters(st, keep_biggest, &b);
    return b;
}

/* Hint flags that cover most of the page's text lines say nothing about
 * one line (a whole article inside class="comment-body", id="shared-...");
 * they are ignored. */
static uint32_t wrapper_flags(const filter_state *st, const uint32_t *hints, size_t nhints)
{
    static const uint32_t flags[] = {SCRUB_HINT_IN_NAV, SCRUB_HINT_IN_HEADER,
                                     SCRUB_HINT_IN_FOOTER, SCRUB_HINT_IN_ASIDE,
                                     SCRUB_HINT_CLASS_NAV, SCRUB_HINT_CLASS_FOOTER,
                                     SCRUB_HINT_CLASS_SHARE, SCRUB_HINT_CLASS_COMMENT,
                                     SCRUB_HINT_CLASS_RELATED, SCRUB_HINT_CLASS_SIDEBAR,
                                     SCRUB_HINT_CLASS_AD};
    size_t count[sizeof flags / sizeof flags[0]] = {0}, text = 0;
    size_t prose[sizeof flags / sizeof flags[0]] = {0}, art_lines = 0, art_links = 0;
    size_t main_units = 0, talk_units = 0, talk_links = 0, talk_heads = 0;
    cluster art = biggest_cluster(st);
    for (size_t i = 0; i < st->nlines && i < nhints; i++) {
        const line_t *ln = &st->lines[i];
        if (ln->label == SCRUB_LABEL_BLANK) continue;
        text++;
        bool in_art = i >= art.first && i <= art.last;
        art_lines += in_art;
        art_links += in_art && SCRUB_HINT_LINK_SHARE(hint_of(st, hints, i)) >= 0.6;
        bool talk = hints[i] & SCRUB_HINT_CLASS_COMMENT;
        talk_links += talk && SCRUB_HINT_LINK_SHARE(hints[i]) >= 0.5;
        talk_heads += talk && ln->own_head;
        if ((hints[i] & SCRUB_HINT_IN_MAIN) && ln->label == SCRUB_LABEL_CONTENT) {
            main_units += ln->units;
            talk_units += talk ? ln->units : 0;
        }
        for (size_t k = 0; k < sizeof flags / sizeof flags[0]; k++) {
            count[k] += !!(hints[i] & flags[k]);
            if (in_art && ln->label == SCRUB_LABEL_CONTENT && (hints[i] & flags[k]))
                prose[k] += ln->units;
        }
    }
    /* a share bar or an advert holds no article: such a class over most
     * of the biggest block of sentences (few of them links, so not a
     * feed of teasers) wraps the story (class="share-wrapper"). */
    bool article = art.units >= 40 && art_links * 4 < art_lines;
    uint32_t mask = 0;
    for (size_t k = 0; k < sizeof flags / sizeof flags[0]; k++) {
        bool no_prose = flags[k] == SCRUB_HINT_CLASS_SHARE || flags[k] == SCRUB_HINT_CLASS_AD;
        if (count[k] * 2 > text || (no_prose && article && prose[k] * 2 > art.units))
            mask |= flags[k];
    }
    /* readers' comments sign with linked names and "Reply" links; a
     * "comment" class with no linked line that holds most of the sentences
     * inside <main>/<article> is the page's own commentary (a live feed);
     * one own_head (its headline, linked to its permalink) is no
     * reader's link, a titled comment each is */
    if (talk_links == (talk_heads == 1) && talk_units >= 40 && talk_units * 4 > main_units * 3)
        mask |= SCRUB_HINT_CLASS_COMMENT;
    return mask;
}

static size_t prev_nonblank(const filter_state *st, size_t i, bool skip_cand)
{
    while (i-- > 0) {
        int l = st->lines[i].label;
        if (l != SCRUB_LABEL_BLANK && !(skip_cand && l == CAND)) return i;
    }
    return SIZE_MAX;
}

static size_t next_nonblank(const filter_state *st, size_t i, bool skip_cand)
{
    while (++i < st->nlines) {
        int l = st->lines[i].label;
        if (l != SCRUB_LABEL_BLANK && !(skip_cand && l == CAND)) return i;
    }
    return SIZE_MAX;
}

static bool keeps_at(const filter_state *st, size_t i)
{
    return i != SIZE_MAX && (keep_label(st->lines[i].label) || st->lines[i].label == SCRUB_LABEL_META);
}

/* Labels the candidates of lines [i, j): headings (verse lines, when
 * verse, content) or, outside the body's frame, a menu. */
static void label_run(filter_state *st, size_t i, size_t j, bool heading, bool verse)
{
    for (size_t k = i; k < j; k++) {
        line_t *c = &st->lines[k];
        if (c->label != CAND) continue;
        if (verse && c->send && c->units >= 4)
            set_label(c, SCRUB_LABEL_CONTENT, 0.55, "short-sentences");
        else if (heading) set_label(c, SCRUB_LABEL_HEADING, 0.65, "between-content");
        else set_label(c, SCRUB_LABEL_NAV, 0.3, R_SHORT_RUN);
    }
}

/* Lines [i, j) and their neighbours p and n all start with an ideographic
 * space, as the body's paragraphs do (a numbered interview's names and
 * questions between its answers): they are framed by the body, whatever
 * label a neighbour got (a section number alone is an artifact until
 * section_numbers sees its run). */
static bool indented_run(const filter_state *st, size_t p, size_t i, size_t j, size_t n)
{
    if (p == SIZE_MAX || n == SIZE_MAX || !st->lines[p].indent || !st->lines[n].indent)
        return false;
    for (size_t k = i; k < j; k++)
        if (st->lines[k].label == CAND && !st->lines[k].indent) return false;
    return true;
}

/* Where line ln's words start (*from) and end, the spaces and tabs
 * around them aside: a cell's padding or a line's indent is no part of
 * the text another line repeats or ends with. */
static inline size_t text_bounds(const char *text, const line_t *ln, size_t *from)
{
    const char *s = text + ln->start;
    size_t i = 0, n = ln->len;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    *from = i;
    return n;
}

/* The last four characters of a line, when they are letters, digits or
 * Han with two Han among them (营业部, 48小时内): the closing cell a
 * table's rows share.  Returns the key's length in bytes, 0 when none. */
static size_t row_tail(const char *text, const line_t *ln, const char **key)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t from, n = text_bounds(text, ln, &from), chars = 0, han = 0, end = n;
    while (n && chars < 4) {
        size_t k = n - 1;
        while (k && (s[k] & 0xC0) == 0x80) k--;
        uint32_t cp;
        scrub__utf8_decode(s + k, n - k, &cp);
        if (is_cjk(cp)) han++;
        else if (!((cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'))) return 0;
        chars++;
        n = k;
    }
    *key = (const char *)s + n;
    return chars == 4 && han >= 2 ? end - n : 0;
}

/* After the body, a table whose rows end in the same cell (a company
 * catalogue's `不详 洽询 48小时内`, a list of brokers' branches): three
 * rows or more among the first lines, each of some length (a menu's items
 * are short), a third of the lines at least.  Returns where the last row
 * ends, i when there is none.  Bounded: the first 64 lines are read. */
static size_t tail_table(const filter_state *st, const char *text, size_t i)
{
    enum { MAXROWS = 64 };
    const char *key[MAXROWS];
    size_t klen[MAXROWS], at[MAXROWS], n = 0, lines = 0;
    for (size_t k = i; k < st->nlines && n < MAXROWS; k++) {
        const line_t *c = &st->lines[k];
        if (c->label == SCRUB_LABEL_BLANK) continue;
        if (c->label != CAND) break;
        lines++;
        klen[n] = c->units >= 8 && !c->btn_terms ? row_tail(text, c, &key[n]) : 0;
        if (klen[n]) at[n++] = k;
    }
    size_t best = 0, end = i;
    for (size_t a = 0; a < n; a++) {
        size_t same = 0, units = 0, lastk = at[a];
        for (size_t b = a; b < n; b++)
            if (klen[b] == klen[a] && memcmp(key[b], key[a], klen[a]) == 0) {
                same++;
                units += st->lines[at[b]].units;
                lastk = at[b];
            }
        if (same >= 3 && same * 3 >= lines && units >= same * 12 && same > best) {
            best = same;
            end = lastk + 1;
        }
    }
    return end;
}

/* Labels the candidates of lines [i, j) content, for reason. */
static void content_run(filter_state *st, size_t i, size_t j, const char *reason)
{
    for (size_t k = i; k < j; k++)
        if (st->lines[k].label == CAND) set_label(&st->lines[k], SCRUB_LABEL_CONTENT, 0.55, reason);
}

/* A run [i, j) the body frames that is too long for headings and no
 * verse: a paragraph broken into a line per phrase (下周一，/ 京沪高速施工
 * ...，/ 因为 / ...), when most of its lines end in a clause's or a
 * sentence's mark (clauses), which a menu's do not; else a table's rows
 * ending in the same cell (a catalogue whose other rows are kept around
 * it), and a menu under them. */
static void framed_run(filter_state *st, const char *text, size_t i, size_t j, bool clauses)
{
    if (clauses) {
        content_run(st, i, j, "short-clauses");
        return;
    }
    size_t rows = tail_table(st, text, i);
    content_run(st, i, rows, R_TAIL_ROWS);
    label_run(st, rows, j, false, false);
}

/* An alphabetic line that ends in a clause's or a sentence's mark (`,`
 * `.` `;`), as a verse of a stanza does and a menu's item does not. */
static bool verse_end(const char *text, const line_t *ln)
{
    if (ln->ncjk || !ln->nwords) return false;
    size_t from, n = text_bounds(text, ln, &from);
    char c = n > from ? text[ln->start + n - 1] : 0;
    return c == ',' || c == '.' || c == ';';
}

/* Short lines between content become headings when few in a row; longer
 * runs are menus. */
static void resolve_inside(filter_state *st, const char *text, size_t first, size_t last)
{
    for (size_t i = first; i <= last; i++) {
        line_t *ln = &st->lines[i];
        if (ln->label == SCRUB_LABEL_ARTIFACT && ln->tab) /* code in <pre>, cells */
            set_label(ln, SCRUB_LABEL_CONTENT, 0.55, "table-row");
        /* a sentence set as a heading inside <main>, within the body, is
         * the article's subheading: the related or sidebar class over it
         * is the page's layout ("with-sidebar-right") */
        if (ln->reason == R_HINT_RELATED && ln->good && ln->dom_heading && ln->hint_main)
            set_label(ln, SCRUB_LABEL_HEADING, 0.6, "hint:heading");
        if (ln->label != CAND) continue;
        if (ln->hint_heading) set_label(ln, SCRUB_LABEL_HEADING, 0.6, "hint:heading");
        else if (ln->near) set_label(ln, SCRUB_LABEL_CONTENT, 0.55, "near-sentence");
        else if (ln->tab && ln->units >= 1) set_label(ln, SCRUB_LABEL_CONTENT, 0.55, "table-row");
        else if (ln->item && ln->units >= 1) set_label(ln, SCRUB_LABEL_CONTENT, 0.55, "list-item");
    }
    for (size_t i = first; i <= last; i++) {
        if (st->lines[i].label != CAND) continue;
        size_t run = 0, punct = 0, sent = 0, clauses = 0, j = i;
        for (; j <= last && (st->lines[j].label == CAND || st->lines[j].label == SCRUB_LABEL_BLANK);
             j++) {
            const line_t *c = &st->lines[j];
            run += c->label == CAND;
            punct += c->label == CAND && (c->term || c->qterm) && c->units >= 6;
            sent += c->label == CAND && c->units >= 4 && (c->send || verse_end(text, c));
            clauses += c->label == CAND && (c->send || c->comma);
        }
        size_t p = prev_nonblank(st, i, true), n = next_nonblank(st, i, true);
        /* a subheading over a picture's credit (图片来源：...) and the
         * next paragraph: the body goes on under the credit */
        while (n != SIZE_MAX && n < last && st->lines[n].label == SCRUB_LABEL_META)
            n = next_nonblank(st, n, true);
        /* the first section's title may follow the table of contents */
        bool above = keeps_at(st, p) || (p != SIZE_MAX && st->lines[p].toc);
        bool framed = (above && n != SIZE_MAX && keep_label(st->lines[n].label)) ||
                      indented_run(st, p, i, j, n);
        /* one line announcing the body's list under it (What You'll Need:) */
        framed |= run == 1 && st->lines[i].colon && n != SIZE_MAX && st->lines[n].item &&
                  keep_label(st->lines[n].label);
        /* a run of short sentences (questions, list items) is body too;
         * so are verses, with their title and author lines among them */
        bool verse = framed && run > 3 && sent * 3 >= run * 2;
        bool heading = framed && (run <= 3 || punct == run);
        if (framed && !verse && !heading) framed_run(st, text, i, j, clauses * 3 >= run * 2);
        else label_run(st, i, j, heading || verse, verse);
        i = j - 1;
    }
}

/* Does the line end a sentence, or hold a sentence's end (。？！)? */
static bool sentence_mark(const char *text, const line_t *ln)
{
    const char *p = text + ln->start;
    return ln->send || holds(p, ln->len, "\xE3\x80\x82") /* 。 */ ||
           holds(p, ln->len, "\xEF\xBC\x9F") /* ？ */ || holds(p, ln->len, "\xEF\xBC\x81"); /* ！ */
}

/* Is line i one of at most three candidates right under a meta line
 * (a byline, 原标题：...), and does it hold a sentence's end?  The meta
 * line opens the article: a sentence between it and the body is the
 * article's (a lead, a picture's caption); a name is a byline. */
static bool under_meta(const filter_state *st, const char *text, size_t i)
{
    if (!sentence_mark(text, &st->lines[i])) return false;
    for (size_t k = i, run = 0; k-- > 0;) {
        int l = st->lines[k].label;
        if (l == SCRUB_LABEL_BLANK) continue;
        if (l != CAND || ++run > 2) return l == SCRUB_LABEL_META;
    }
    return false;
}

/* A linked sentence or clause between the article's meta line and its
 * body (a video's title, `视频-...？`) is the video's caption, not a
 * link. */
static void linked_caption(filter_state *st, const char *text, size_t first)
{
    size_t i = prev_nonblank(st, first, false);
    if (i == SIZE_MAX || st->lines[i].reason != R_LINKS) return;
    size_t p = prev_nonblank(st, i, false);
    const line_t *ln = &st->lines[i];
    /* a sentence's or a clause's mark: a link's title has none */
    bool clause = sentence_mark(text, ln) || holds(text + ln->start, ln->len, "\xEF\xBC\x8C"); /* ， */
    if (p != SIZE_MAX && st->lines[p].label == SCRUB_LABEL_META && clause)
        set_label(&st->lines[i], SCRUB_LABEL_CAPTION, 0.5, "linked-caption");
}

/* How far the article's frame reads through line ln, left by an
 * extractor anywhere: 1, a lone symbol (|, ·), which splits no title and
 * ends no tail; 2, a button, a share bar or a widget's phrase that fills
 * its line, which ends no list under the body (the title search stops at
 * it: on a whole page the line over a share bar is often another story's
 * title); 0, the rest -- a comment section's title (THREAD, COMMENT), a
 * footer or related marker still end the article. */
static uint8_t see_through(const line_t *ln)
{
    if (ln->label == SCRUB_LABEL_ARTIFACT) return ln->reason == R_NO_TEXT && !ln->ndigit && !ln->code;
    if (ln->label != SCRUB_LABEL_WIDGET) return 0;
    if (ln->reason == R_SHARE_ROW || ln->reason == R_BUTTON_ROW) return 2;
    return ((has(ln, SCRUB__CAT_BUTTON) && ln->reason == ln->cat_reason[SCRUB__CAT_BUTTON]) ||
            (has(ln, SCRUB__CAT_WIDGET) && ln->reason == ln->cat_reason[SCRUB__CAT_WIDGET])) ? 2 : 0;
}

/* A blank line, or a lone symbol a title broken over lines reads across. */
static bool reads_blank(const line_t *ln)
{
    return ln->label == SCRUB_LABEL_BLANK || (ln->label == SCRUB_LABEL_ARTIFACT && see_through(ln) == 1);
}

/* Up to three short lines right above the body (past its byline) are its
 * title and lead; returns how many are not sentences (a title among them). */
static size_t lead_lines(filter_state *st, const char *text, size_t first)
{
    size_t leads = 0, titles = 0;
    for (size_t i = first; i-- > 0 && leads < 3;) {
        line_t *ln = &st->lines[i];
        if (reads_blank(ln) || ln->label == SCRUB_LABEL_META) continue;
        if (ln->label != CAND || ln->item || ln->nseg > 2) break;
        /* a line that ends like a sentence leads into the body (女士们、先生们：) */
        bool clause = ln->send && ln->units >= 2;
        if (ln->units < 4 && !clause) break;
        /* on a whole page, only what the DOM puts in the article, or what
         * is shaped like the body: indented, or a sentence, or under the
         * article's meta line (not a title: that sits above the meta) */
        if (st->have_hints && !ln->hint_main && !ln->hint_heading && !ln->indent && !clause) {
            if (!under_meta(st, text, i)) break;
            set_label(ln, SCRUB_LABEL_CONTENT, 0.55, "under-meta");
            leads++;
            continue;
        }
        /* a third title-like line must look like the body too */
        if (titles >= 2 && !ln->indent && !clause) break;
        if (ln->stop) set_label(ln, SCRUB_LABEL_CONTENT, 0.55, "lead-sentence");
        else if (clause) set_label(ln, SCRUB_LABEL_HEADING, 0.6, "lead-clause");
        else set_label(ln, SCRUB_LABEL_HEADING, 0.6, titles++ ? "lead" : "title");
        leads++;
    }
    return titles;
}

/* On a whole page a line that only its length makes the title, with a
 * menu (FAR_GAP menu or link-list lines) between it and the body, is the
 * page's banner (a tagline, a sign-in prompt), not the article's title;
 * a share bar or a dateline under a title is no menu. */
#define FAR_GAP 8
static bool far_above(const filter_state *st, size_t title, size_t first)
{
    size_t gap = 0;
    for (size_t i = title + 1; i < first && gap < FAR_GAP; i++)
        gap += st->lines[i].label == SCRUB_LABEL_NAV || st->lines[i].label == SCRUB_LABEL_RELATED;
    return gap >= FAR_GAP;
}

/* The title is the heading that repeats the page's <title> (above section
 * names, teasers and a lead); else, when no lead line is one, the line
 * the DOM calls a heading, else the line right above the byline nearest
 * to the body, else the last candidate of some length. */
static size_t find_title(const filter_state *st, size_t first, bool have_lead)
{
    size_t title = SIZE_MAX, hinted = SIZE_MAX, byline = SIZE_MAX, headline = SIZE_MAX;
    for (size_t i = 0; i < first; i++) {
        const line_t *ln = &st->lines[i];
        if (ln->label == CAND && ln->units >= 5) title = i;
        if (ln->label == CAND && ln->hint_heading) hinted = i;
        if (ln->label == CAND && ln->hint_title) headline = i;
        if (ln->label == SCRUB_LABEL_META) {
            size_t p = prev_nonblank(st, i, false);
            if (p != SIZE_MAX && st->lines[p].label == CAND && st->lines[p].units >= 4) byline = p;
        }
    }
    if (headline != SIZE_MAX) return headline;
    if (have_lead) return SIZE_MAX; /* already found */
    if (hinted == SIZE_MAX && byline == SIZE_MAX && title != SIZE_MAX && st->have_hints &&
        far_above(st, title, first))
        return SIZE_MAX;
    title = hinted != SIZE_MAX ? hinted : byline != SIZE_MAX ? byline : title;
    /* a title printed twice in a row (a header and the h1): the first, as
     * the second will count as a repeat */
    size_t q = title != SIZE_MAX ? prev_nonblank(st, title, false) : SIZE_MAX;
    if (q != SIZE_MAX && st->lines[q].label == CAND && st->lines[q].hash == st->lines[title].hash)
        title = q;
    return title;
}

/* The body's closing paragraph broken into a line per phrase, right
 * under an indented body: a run of indented candidates, most of them
 * ending in a clause's or a sentence's mark, the last in a sentence's.
 * Returns where the run ends, i when there is none. */
static size_t clause_tail(const filter_state *st, size_t last, size_t i)
{
    size_t run = 0, clauses = 0, end = i;
    if (!st->lines[last].indent) return i;
    for (size_t k = i; k < st->nlines; k++) {
        const line_t *c = &st->lines[k];
        if (c->label == SCRUB_LABEL_BLANK) continue;
        if (c->label != CAND || !c->indent || !c->units) break;
        run++;
        clauses += c->send || c->comma;
        if (c->send) end = k + 1;
    }
    return run >= 2 && clauses * 3 >= run * 2 && end > i ? end : i;
}

/* Is line i a heading over a table of the author's: its next three
 * lines rows of cells (a TAB) mostly of plain text? */
static bool table_under(const filter_state *st, size_t i)
{
    for (size_t k = i, rows = 0; rows < 3; rows++) {
        k = next_nonblank(st, k, false);
        if (k == SIZE_MAX || st->lines[k].label != CAND || !st->lines[k].tab || st->lines[k].linked)
            return false;
    }
    return true;
}

/* A cell of a table set one cell per line: 1 a short unlinked text, 2
 * a number, 3 a symbol (%); 0 for anything else. */
static int cell_kind(const line_t *ln)
{
    if (ln->label == CAND) return ln->units && !ln->linked && ln->units <= 4 ? 1 : 0;
    if (ln->label != SCRUB_LABEL_ARTIFACT || ln->reason != R_NO_TEXT || ln->code) return 0;
    return ln->ndigit ? 2 : 3;
}

/* Under the body, a table set one cell per line (a recipe's nutrition
 * box: Fat / 11 / g / 17 / %, the same row form four times or more, each
 * row of three to six cells with a number and a text among them), with
 * the box's own short lines above it: the body's.  Returns where the
 * rows end, i when there is none.  Bounded: 64 lines are read, the rows
 * start among the first 16. */
static size_t cell_rows(const filter_state *st, size_t i)
{
    enum { MAXC = 64 };
    uint8_t kind[MAXC];
    size_t at[MAXC], m = 0;
    for (size_t k = i; k < st->nlines && m < MAXC; k++) {
        if (st->lines[k].label == SCRUB_LABEL_BLANK) continue;
        int c = cell_kind(&st->lines[k]);
        if (!c) break;
        kind[m] = (uint8_t)c;
        at[m++] = k;
    }
    for (size_t s = 0; s < 16 && s + 12 <= m; s++)
        for (size_t p = 3; p <= 6; p++) {
            size_t len = p;
            while (s + len < m && kind[s + len] == kind[s + len - p]) len++;
            unsigned seen = 0;
            for (size_t t = s; t < s + p; t++) seen |= 1u << kind[t];
            if (len / p >= 4 && (seen & 6) == 6) return at[s + len / p * p - 1] + 1;
        }
    return i;
}

/* The article's closing line right under its last sentence: a question
 * put to the reader in sentences (the prose of a sentence ending in "?",
 * which sentence_shape does not take), or a short line ending in "." or
 * "!" (a sign-off, `The casino closed.`).  Chrome there says what it is:
 * a link, a box the DOM names, a lexicon term (share, newsletter,
 * comments, rights; a spam term only when strong: `The casino closed.`
 * is news), a date, a colon or no sentence mark at all (a name, a menu's
 * title), and in a short line a number or three capitalized words.  The
 * author's last words, where closing_lines took the site's (a notice, a
 * bio) off the body. */
static bool closing_remark(const char *text, const line_t *ln)
{
    if (ln->label != CAND || ln->ncjk || ln->linked || ln->link_title || ln->teaser ||
        ln->chrome || ln->boxed || (ln->cats & ~SPAM_CATS) || (ln->strong & SPAM_CATS) ||
        ln->url || ln->phone || ln->date || ln->item || ln->tab || ln->bracket || ln->paren ||
        !ln->nwords || ln->nupper * 2 > ln->nalpha)
        return false;
    size_t from, n = text_bounds(text, ln, &from);
    const unsigned char *s = (const unsigned char *)text + ln->start;
    if (n - from < 2 || cut_short(s, n) || !(s[from] >= 'A' && s[from] <= 'Z') ||
        ln->ncap_init == 0)
        return false;
    if (ln->qterm)
        return ln->nwords >= 6 && (fdiv(ln->nstop, ln->nwords) >= 0.08 || lowercase_prose(ln));
    /* three capitalized words or more are a name or a link's title
     * (`More Richard (R.J.) Eskow.`) */
    return (s[n - 1] == '.' || s[n - 1] == '!') && ln->nwords <= 5 && !ln->ndigit &&
           (ln->nwords <= 2 || ln->nlow_init > 0);
}

/* After the last sentence: a list or table, lines ending in 。 (a
 * sentence broken over lines), a paragraph broken into phrases
 * (clause_tail), then a table's rows ending in the same cell (tail_table)
 * belong to the body; the rest is not. */
static void after_body(filter_state *st, const char *text, size_t last, bool closed)
{
    size_t i = last + 1;
    /* a body that ends with the last section its contents list is closed */
    for (bool under = true; i < st->nlines && !closed; i++) {
        line_t *ln = &st->lines[i];
        if (ln->label == SCRUB_LABEL_BLANK || see_through(ln)) continue;
        if (under && closing_remark(text, ln)) {
            set_label(ln, SCRUB_LABEL_CONTENT, 0.55, R_CLOSING);
            i++;
            break;
        }
        under = false;
        size_t end = ln->label == CAND && !ln->stop ? clause_tail(st, last, i) : i;
        if (end > i) {
            content_run(st, i, end, "short-clauses");
            i = end - 1; /* the loop steps to end */
            continue;
        }
        if (ln->label == CAND && ln->dom_heading && table_under(st, i)) {
            set_label(ln, SCRUB_LABEL_HEADING, 0.6, "table-title");
            continue;
        }
        if (ln->label != CAND || !(ln->item || ln->tab || ln->stop) || !ln->units) break;
        set_label(ln, SCRUB_LABEL_CONTENT, 0.55,
                  ln->tab ? "table-row" : ln->item ? "list-item" : "after-sentence");
    }
    size_t cells = i < st->nlines && !closed ? cell_rows(st, i) : i;
    for (; i < cells; i++)
        if (st->lines[i].label != SCRUB_LABEL_BLANK)
            set_label(&st->lines[i], SCRUB_LABEL_CONTENT, 0.55, R_CELL_ROWS);
    size_t rows = i < st->nlines && !closed ? tail_table(st, text, i) : i;
    content_run(st, i, rows, R_TAIL_ROWS);
    for (i = rows; i < st->nlines; i++)
        if (st->lines[i].label == CAND)
            set_label(&st->lines[i], SCRUB_LABEL_NAV, 0.25, R_AFTER);
}

static bool is_title(const filter_state *st, size_t k, size_t title)
{
    const line_t *t = k != SIZE_MAX ? &st->lines[k] : NULL;
    return t && (k == title || (t->label == SCRUB_LABEL_HEADING &&
                                (t->hint_title || t->reason == R_HEADLINE)));
}

/* Is line i right under the title, or right above it and announcing it
 * (`Open Journalism Project:` over `Better Student Journalism`)?  A name
 * over the title is its author's. */
static bool beside_title(const filter_state *st, size_t i, size_t below, size_t title)
{
    const line_t *ln = &st->lines[i];
    return is_title(st, prev_nonblank(st, i, false), title) ||
           ((ln->colon || ln->comma) && is_title(st, below, title));
}

/* A Chinese title broken over lines: the upper line ends in a joining
 * character (及 与 和 暨 或 的: the phrase goes on), or the lower one
 * opens the subject of an official title (发文机关 / 关于...的决议). */
static bool title_joins(const char *text, const line_t *up, const line_t *down)
{
    _Static_assert(SCRUB__WORDS_TITLE_END_BYTES == 3 && SCRUB__WORDS_TITLE_OPEN_BYTES == 6,
                   "title_end one character, title_open two");
    if (!up->ncjk || up->send || up->units > 30) return false;
    const char *u = text + up->start, *d = text + down->start;
    size_t i, n = text_bounds(text, up, &i);
    for (size_t k = 0; n >= 3 && k < SCRUB__WORDS_TITLE_END_N; k++)
        if (memcmp(u + n - 3, scrub__words_title_end[k], 3) == 0) return true;
    n = text_bounds(text, down, &i);
    for (size_t k = 0; k < SCRUB__WORDS_TITLE_OPEN_N; k++)
        if (n - i >= 6 && memcmp(d + i, scrub__words_title_open[k], 6) == 0) return true;
    return false;
}

/* Is the line under line i (below) the title, or a line joined to it,
 * and does line i join it? */
static bool joins_title(const filter_state *st, const char *text, size_t i, size_t below,
                        size_t title)
{
    if (below != title && st->lines[below].reason != R_TITLE_PART) return false;
    return title_joins(text, &st->lines[i], &st->lines[below]);
}

/* Does the title line t hold line ln's whole text, ln being shorter (a
 * page's headline alone over the same headline run into its date, views
 * or first facts: `重磅！...报告` over `2016年1月4日20:38:09重磅！...报告`)? */
static bool inside_title(const char *text, const line_t *ln, const line_t *t)
{
    size_t from, end = text_bounds(text, ln, &from), n = end - from;
    return ln->units >= 4 && n < t->len && line_holds(text, t, text + ln->start + from, n);
}

/* Two or three capitalized words and nothing else: a person's name. */
static bool name_shape(const line_t *ln)
{
    return !ln->ncjk && ln->nwords >= 2 && ln->nwords <= 3 && ln->ncap_init == ln->nwords &&
           !ln->ndigit && !ln->term && !ln->colon;
}

/* Is the line under the DOM heading i (past a byline or a date, two
 * lines at most) the body's first line, or a heading kept over it (the
 * headline, a dek)?  A name there is the author's, the last of a run of
 * headings a contents table's entry; a heading over chrome
 * (a box's loading notice, a share bar) or over a teaser names them; a
 * linked line under it is a logo or a teaser; one heading over another
 * chosen this way is a box's rows (a score card). */
static bool heads_kept(const filter_state *st, size_t i, size_t first)
{
    for (size_t k = i, skipped = 0; (k = next_nonblank(st, k, false)) != SIZE_MAX;) {
        const line_t *b = &st->lines[k];
        if (b->label == SCRUB_LABEL_META) {
            if (++skipped > 2) return false;
            continue;
        }
        /* the last of a run of headings is a contents table's entry */
        size_t a = prev_nonblank(st, i, false);
        if (b->linked || name_shape(&st->lines[i]) || (a != SIZE_MAX && st->lines[a].dom_heading))
            return false;
        return k == first || (b->label == SCRUB_LABEL_HEADING && b->reason != R_HEADING_ABOVE);
    }
    return false;
}

/* A sentence with nothing between it and the title above, nor between it
 * and the body's first (or a kept) line below, is the article's dek or
 * its picture's caption: a teaser hangs under its own linked title, and
 * chrome there (a counter, a byline, a share bar) does not read as a
 * sentence. */
static bool dek_under_title(const filter_state *st, size_t i, size_t below, size_t first,
                            size_t title)
{
    const line_t *ln = &st->lines[i];
    return (below == first || keep_label(st->lines[below].label)) && ln->term && !ln->linked &&
           ln->nwords >= 4 && is_title(st, prev_nonblank(st, i, false), title);
}

static bool folded_eq(const char *a, const char *b, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        char la = (char)(a[k] | 32);
        if (a[k] != b[k] && !(la >= 'a' && la <= 'z' && la == (char)(b[k] | 32))) return false;
    }
    return true;
}

/* Does line t hold the n bytes at key, ASCII letters in either case (a
 * kicker's `Populationsbasierte Kohortenstudie` in the lead's
 * `eine populationsbasierte Kohortenstudie`)? */
static bool line_holds_folded(const char *text, const line_t *t, const char *key, size_t n)
{
    /* memchr for the key's first byte that is no ASCII letter (a space, a
     * lead byte), which case folding leaves alone */
    if (n > t->len) return false;
    size_t j = 0;
    while (j < n && ((key[j] | 32) >= 'a' && (key[j] | 32) <= 'z')) j++;
    const char *q = text + t->start, *end = q + t->len;
    if (j == n) {
        for (; (size_t)(end - q) >= n; q++)
            if (folded_eq(q, key, n)) return true;
        return false;
    }
    for (const char *p = q + j; (size_t)(end - p) >= n - j; p++) {
        p = memchr(p, key[j], (size_t)(end - p) - (n - j) + 1);
        if (!p) return false;
        if (folded_eq(p - j, key, n)) return true;
    }
    return false;
}

/* A short phrase right over the title that the lead names again is the
 * story's kicker (a person's or a study's name over the headline).  A
 * section or a tag over the title stands in a run of such lines (`Apple`
 * / `Tech` / `iOS`, `Opinion` over a columnist), and a columnist's name
 * comes back in the byline under the title, not in the lead.  The caller
 * has found line i right over the title. */
static FILTER_NOINLINE bool kicker_over_title(const filter_state *st, const char *text, size_t i,
                                              size_t first, size_t title)
{
    const line_t *ln = &st->lines[i];
    /* a kicker's words are few and short (34 bytes at most on the dev
     * pages); a long key would make each line_holds_folded cost its
     * line's length times the key's (accented words: an anchor at every
     * letter) */
    if (title >= first || ln->len > 96 || ln->linked || ln->term || ln->colon || ln->url ||
        ln->date || ln->ndigit ||
        (ln->ncjk ? ln->units < 4 || ln->units > 16 : ln->nwords < 2 || ln->nwords > 6))
        return false;
    size_t above = prev_nonblank(st, i, false);
    if (above != SIZE_MAX && st->lines[above].label == CAND) return false;
    size_t from, n = text_bounds(text, ln, &from) - from;
    const char *key = text + ln->start + from;
    for (size_t k = title + 1; k < first; k++)
        if (st->lines[k].label != SCRUB_LABEL_BLANK &&
            line_holds_folded(text, &st->lines[k], key, n))
            return false;
    for (size_t k = first, seen = 0; k < st->nlines && seen < 3; k++) {
        if (st->lines[k].label != SCRUB_LABEL_CONTENT) continue;
        if (line_holds_folded(text, &st->lines[k], key, n)) return true;
        seen++;
    }
    return false;
}

static bool dek_shape(const char *text, const line_t *ln);
static bool dek_unmarked(const char *text, const line_t *ln);

/* A phrase of four words or more, most of them in lower case, between
 * the title (past one counter or share line) and the byline under it is
 * the article's dek, full stop or not: a teaser or a video pitch stands
 * under the byline, and a name, an agency's credit or a second crumb is
 * cased like a name or linked.  The caller has found the byline (a meta
 * line) right under line i. */
static FILTER_NOINLINE bool dek_over_byline(const filter_state *st, const char *text, size_t i,
                                            size_t title)
{
    const line_t *ln = &st->lines[i];
    if (title == SIZE_MAX ||
        (ln->ncjk ? ln->units < 8 : ln->nwords < 4 || ln->nlow_init <= ln->ncap_init))
        return false;
    size_t up = prev_nonblank(st, i, false);
    bool right_under = is_title(st, up, title);
    if (!right_under && up != SIZE_MAX && st->lines[up].label == SCRUB_LABEL_WIDGET)
        up = prev_nonblank(st, up, false);
    if (!right_under && !is_title(st, up, title)) return false;
    if (name_shape(ln) || !dek_unmarked(text, ln)) return false;
    /* a long one right under the title is heading_deks' (prose-dek) */
    return !right_under || !dek_shape(text, ln);
}

/* A short sentence with the title right above it and the body's first
 * line right under it is the body's own one-line paragraph (`The casino
 * closed.`): chrome there (a kicker, a byline, a share bar, a reading
 * time) has no sentence mark, or a link, a lexicon term, a number or a
 * name's capitals, which closing_remark bars as it does under the body. */
static bool opening_line(const filter_state *st, const char *text, size_t i, size_t below,
                         size_t first, size_t title)
{
    return below == first && is_title(st, prev_nonblank(st, i, false), title) &&
           closing_remark(text, &st->lines[i]);
}

/* Above the body, bottom up (a line is read after the one under it): the
 * title; a heading right under it (a two-line headline, a dek); an
 * unlinked DOM heading right over the body or over a kept heading (a
 * section's name over the first paragraph, a headline over its dek); a
 * line of a title broken over lines; a line ending in a comma, or prose wrapped
 * at a fixed width, whose sentence goes on in the kept line under it; a
 * sentence between the title and a kept line; the rest is chrome. */
static void resolve_edges(filter_state *st, const char *text, size_t first, size_t last,
                          bool headline, bool closed)
{
    linked_caption(st, text, first);
    size_t title = find_title(st, first, lead_lines(st, text, first) > 0 || headline);
    /* below: the nearest non-blank line under line i */
    for (size_t i = first, below = first; i-- > 0; below = reads_blank(&st->lines[i]) ? below : i) {
        line_t *ln = &st->lines[i];
        if (ln->label != CAND) continue;
        if (i == title) set_label(ln, SCRUB_LABEL_HEADING, 0.6, ln->hint_heading ? "hint:title" : "title");
        else if (ln->hint_heading && beside_title(st, i, below, title))
            set_label(ln, SCRUB_LABEL_HEADING, 0.55, "subtitle");
        else if (ln->dom_heading && !ln->linked && !ln->hint_header && heads_kept(st, i, first))
            set_label(ln, SCRUB_LABEL_HEADING, 0.55, R_HEADING_ABOVE);
        else if (SCRUB_UNLIKELY(ln->ncjk) && joins_title(st, text, i, below, title))
            set_label(ln, SCRUB_LABEL_HEADING, 0.55, R_TITLE_PART);
        else if (ln->comma && keep_label(st->lines[below].label))
            set_label(ln, SCRUB_LABEL_CONTENT, 0.55, "clause-above");
        else if (below == title && !ln->hint_heading && !st->have_hints &&
                 inside_title(text, ln, &st->lines[below]))
            set_label(ln, SCRUB_LABEL_HEADING, 0.55, "title-alone");
        else if (ln->near && !ln->term && st->lines[below].label == SCRUB_LABEL_CONTENT)
            set_label(ln, SCRUB_LABEL_CONTENT, 0.55, "wrapped-prose");
        else if (dek_under_title(st, i, below, first, title))
            set_label(ln, SCRUB_LABEL_HEADING, 0.55, "dek");
        else if (below == title && kicker_over_title(st, text, i, first, title))
            set_label(ln, SCRUB_LABEL_HEADING, 0.55, "kicker");
        else if (below < st->nlines && st->lines[below].label == SCRUB_LABEL_META &&
                 dek_over_byline(st, text, i, title))
            set_label(ln, SCRUB_LABEL_HEADING, 0.55, "dek");
        else if (opening_line(st, text, i, below, first, title))
            set_label(ln, SCRUB_LABEL_CONTENT, 0.55, R_OPENING);
        else set_label(ln, SCRUB_LABEL_NAV, 0.25, R_BEFORE);
    }
    after_body(st, text, last, closed);
}

static const char *chrome_reason(int label)
{
    return label == SCRUB_LABEL_FOOTER   ? R_HINT_FOOTER
           : label == SCRUB_LABEL_WIDGET ? R_HINT_WIDGET
                                         : R_HINT_RELATED;
}

/* The page's headline in a DOM heading can be shaped like a sentence
 * (`Student Dies After ...`, `...封闭！`), which would make it a link
 * title outside the body: the last DOM heading of a sentence, no link,
 * within 12 lines above the body is the headline, and a sentence right
 * under it, or under the h-line repeating the page's title (anywhere
 * above the body), its dek. */
static bool sentence_headline(filter_state *st, size_t first)
{
    for (size_t i = first, seen = 0; i-- > 0;) {
        line_t *ln = &st->lines[i];
        if (ln->label == SCRUB_LABEL_BLANK) continue;
        bool title = ln->label == CAND && ln->hint_title; /* the title, resolve_edges' */
        if (!title && (++seen > 12 || ln->label != SCRUB_LABEL_CONTENT || !ln->dom_heading ||
                       ln->linked || ln->chrome))
            continue;
        if (!title) set_label(ln, SCRUB_LABEL_HEADING, 0.6, R_HEADLINE);
        size_t n = next_nonblank(st, i, false);
        line_t *dek = n < first ? &st->lines[n] : NULL;
        if (dek && dek->label == SCRUB_LABEL_CONTENT && !dek->linked && !dek->chrome && dek->units < 60)
            set_label(dek, SCRUB_LABEL_HEADING, 0.55, "dek");
        return !title;
    }
    return false;
}

/* The nearest line from i in direction step (+1, -1) that is neither
 * blank, nor undecided (a heading to be), nor held: what frames i. */
static size_t frame_line(const filter_state *st, size_t i, int step)
{
    do i = step < 0 ? prev_nonblank(st, i, true) : next_nonblank(st, i, true);
    while (i != SIZE_MAX && still_held(&st->lines[i]));
    return i;
}

/* market#csdn.net, （sinafinance）, 微信中搜：appleinc2012: a Latin word
 * in lower case of five letters or more, or a lower-case word or a number
 * joined by . @ # to a letter -- the site's address or account, which a
 * notice gives and an article's sentence seldom does (iPhone, CEO, GDP
 * and U.S. are cased). */
static bool names_account(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t lower = 0;
    bool upper = false;
    for (size_t i = 0; i < ln->len; i++) {
        unsigned char c = s[i];
        bool lo = c >= 'a' && c <= 'z', up = c >= 'A' && c <= 'Z', dig = c >= '0' && c <= '9';
        if ((c == '.' || c == '@' || c == '#') && i && i + 1 < ln->len &&
            (lower || (s[i - 1] >= '0' && s[i - 1] <= '9')) &&
            ((s[i + 1] | 32) >= 'a' && (s[i + 1] | 32) <= 'z'))
            return true;
        if (lo || up || dig) {
            lower += lo;
            upper |= up;
            continue;
        }
        if (lower >= 5 && !upper) return true;
        lower = 0;
        upper = false;
    }
    return lower >= 5 && !upper;
}

/* The site or the article speaking of itself (本站, 本网, 本文为...原创),
 * as a notice does and a report of someone else's notice does not; or a
 * Japanese line (kana): its sites' notices are whole sentences
 * (このサイトはクッキーを使用しています。), and held markers are for Chinese. */
static bool speaks_as_site(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    for (size_t i = 0; i + 2 < ln->len; i++) /* hiragana, katakana: E3 81 80 .. E3 83 BF */
        if (s[i] == 0xE3 && s[i + 1] >= 0x81 && s[i + 1] <= 0x83) return true;
    for (size_t k = 0; k < SCRUB__WORDS_SITE_SELF_N; k++)
        if (holds(text + ln->start, ln->len, scrub__words_site_self[k])) return true;
    return false;
}

/* A sentence that a held marker labelled stays a sentence of the article
 * when the body frames it: inside the main block, with a kept line on
 * each side (past other held lines and short candidates).  Above or under
 * the body, or beside a notice, a link list or a byline, the marker
 * decides as it does on its own. */
static FILTER_NOINLINE void held_markers(filter_state *st, const char *text, size_t first,
                                         size_t last)
{
    for (size_t i = first + 1; i < last; i++) {
        line_t *ln = &st->lines[i];
        if (!still_held(ln) || ln->chrome || ln->link_title ||
            (ln->nalpha && names_account(text, ln)) || speaks_as_site(text, ln))
            continue;
        size_t p = frame_line(st, i, -1), n = frame_line(st, i, 1);
        if (p != SIZE_MAX && n != SIZE_MAX && keep_label(st->lines[p].label) &&
            keep_label(st->lines[n].label))
            set_label(ln, SCRUB_LABEL_CONTENT, sentence_score(ln), "marker-in-body");
    }
}

/* Sentence lines far from the main block and short are link titles. */
/* "问题平台中34%出现提现困难，51%的问题平台选择了跑路，...。": a Chinese
 * sentence of two clauses or more that ends in a full stop, is no link
 * and goes on from a sentence of the article (nothing but the article's
 * kind of line after it) is a paragraph the body's clusters left out, not
 * a link or teaser title (those end bare); a reader's comment under the
 * article comes after a user name and before its time or buttons. */
static bool stray_paragraph(const filter_state *st, size_t i)
{
    const line_t *ln = &st->lines[i];
    if (ln->ncjk < ln->nwords || !ln->stop || !ln->good || ln->nseg < 2 || ln->units < 30 ||
        ln->linked || ln->teaser)
        return false;
    size_t p = prev_nonblank(st, i, false), n = next_nonblank(st, i, false);
    return p != SIZE_MAX && st->lines[p].label == SCRUB_LABEL_CONTENT && st->lines[p].good &&
           (n == SIZE_MAX || keep_label(st->lines[n].label));
}

static void demote_outside(filter_state *st, size_t first, size_t last)
{
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        bool outside = i < first || i > last;
        if (outside && ln->label == SCRUB_LABEL_CONTENT && ln->chrome)
            set_label(ln, ln->chrome, 0.1, ln->post ? "comment-stream" : chrome_reason(ln->chrome));
        else if (outside && ln->label == SCRUB_LABEL_CONTENT && ln->units < 60 &&
                 !stray_paragraph(st, i))
            set_label(ln, SCRUB_LABEL_RELATED, 0.3, R_OUTSIDE);
    }
}

/* After a related-block header, the link titles up to the next long
 * sentence belong to it. */
/* A line that announces what follows ("What you'll need:") and is no
 * link starts the article's own list, not another link. */
static bool announces(const line_t *ln)
{
    return ln->colon && !ln->linked;
}

/* Right under a short linked title (a teaser's summary)? */
static bool under_link(const filter_state *st, size_t i)
{
    size_t p = prev_nonblank(st, i, false);
    return p != SIZE_MAX && st->lines[p].linked && st->lines[p].units < 20;
}

/* A related-block header: a related marker decided the line, or the line
 * is a short lead-in ending with a colon ("Read more:") that a stronger
 * widget marker took; either way link titles follow. */
static bool related_header(const line_t *ln)
{
    /* a sentence quoting the marker (held) heads no list unless it announces one */
    if (!strong(ln, SCRUB__CAT_RELATED) || (still_held(ln) && !ln->colon)) return false;
    return ln->label == SCRUB_LABEL_RELATED ||
           (ln->colon && ln->units <= 6 && !keep_label(ln->label));
}

/* "Lire aussi : Des astronomes repèrent ...", "Mehr zum Thema: Wie ...":
 * the marker, a colon and the linked title on the same line -- one inline
 * link inside the article, which the article goes on after; only a header
 * alone ("Read more:", "Related articles") opens a block of links. */
static bool inline_link(const char *text, const line_t *ln)
{
    const char *p = text + ln->start;
    size_t n = ln->len;
    for (size_t i = cat_at(ln, SCRUB__CAT_RELATED); i < n; i++) {
        size_t c = p[i] == ':' ? 1 : (i + 3 <= n && memcmp(p + i, "\xEF\xBC\x9A", 3) == 0) ? 3 : 0;
        if (!c) continue;
        for (i += c; i < n; i++)
            if (p[i] != ' ') return true;
        return false;
    }
    return false;
}

/* "Researchers said the finding could change ... are needed.": a
 * sentence of twelve words or more that ends in a full stop is the
 * article again, not a link title (titles end bare or with ? !), as the
 * filter's first duty is to keep the article; Chinese lines keep the
 * length test alone. */
static bool alpha_paragraph(const line_t *ln)
{
    return ln->ncjk < ln->nwords && ln->units >= 12 && ln->term && !ln->qterm && ln->good;
}

/* Where a run of cut summaries ends: the last cut line with no gap of
 * more than 8 lines before it, and how many cut lines the run holds. */
static size_t cut_run_end(const filter_state *st, size_t i, size_t *count)
{
    size_t last = i;
    *count = 1;
    for (size_t j = i + 1; j < st->nlines && j - last <= 8; j++)
        if (st->lines[j].odd & ODD_CUT) {
            last = j;
            ++*count;
        }
    return last;
}

/* The title over a cut summary: a short line that does not end like a
 * sentence. */
static bool teaser_title(const line_t *ln)
{
    return ln->label != SCRUB_LABEL_BLANK && !(ln->odd & ODD_CUT) && !ln->stop && ln->units <= 40;
}

static void mark_teaser(filter_state *st, size_t j)
{
    line_t *ln = &st->lines[j];
    if (keep_label(ln->label) || ln->label == CAND)
        set_label(ln, SCRUB_LABEL_RELATED, 0.2, "teaser-run");
}

/* Two Han characters in a row at s[i] (three-byte leads E4..E9). */
static bool han_pair_at(const unsigned char *s, size_t i, size_t n)
{
    return i + 6 <= n && s[i] >= 0xE4 && s[i] <= 0xE9 && s[i + 3] >= 0xE4 && s[i + 3] <= 0xE9;
}

/* Do lines a and b share two Han characters in a row (a word of the
 * subject)?  Quadratic in the lines' lengths: on_subject asks a set
 * instead, and comes here only when the set could not be allocated. */
static bool share_pair(const char *text, const line_t *a, const line_t *b)
{
    const unsigned char *s = (const unsigned char *)text + a->start;
    const unsigned char *t = (const unsigned char *)text + b->start;
    for (size_t i = 0; i + 6 <= a->len; i++) {
        if (!han_pair_at(s, i, a->len)) continue;
        for (size_t k = 0; k + 6 <= b->len; k++)
            if (t[k] == s[i] && memcmp(t + k, s + i, 6) == 0) return true;
    }
    return false;
}

/* A field line (栏目:分类作文, 发布时间：...) names the site's sections, not
 * the page's subject. */
static bool field_line(const char *text, const line_t *ln)
{
    const char *p = text + ln->start, *end = p + ln->len;
    if (memchr(p, ':', ln->len)) return true;
    for (const char *q = p; (q = memchr(q, 0xEF, (size_t)(end - q))); q++)
        if (end - q >= 3 && memcmp(q, "\xEF\xBC\x9A", 3) == 0) return true;
    return false;
}

/* Does any line of [from, to) share a word with the page's head (the
 * non-field lines above line `head`)?  Line by line: the fallback when
 * the head's pair set could not be allocated. */
static bool on_subject_lines(const filter_state *st, const char *text, size_t head, size_t from,
                             size_t to)
{
    for (size_t h = 0; h < head; h++) {
        const line_t *hl = &st->lines[h];
        if (hl->label == SCRUB_LABEL_BLANK || field_line(text, hl)) continue;
        for (size_t k = from; k < to; k++)
            if (st->lines[k].label != SCRUB_LABEL_BLANK && share_pair(text, &st->lines[k], hl))
                return true;
    }
    return false;
}

/* The page's head as teaser_runs walks down the page: the set of its Han
 * pairs and whether a line of it names a subject.  Both only grow with
 * the head, so each head line is read once per call, however many runs
 * of teasers follow: comparing each teaser with each head line pair by
 * pair made a page of long lines, or of many runs, quadratic. */
typedef struct {
    uint64_t *keys; /* a pair's 6 bytes; 0 = empty slot */
    size_t cap, n;
    size_t upto;  /* head lines [0, upto) are in the set */
    size_t seen;  /* lines [0, seen) were searched for a subject */
    bool subject; /* one of them names it */
    bool failed;  /* out of memory: on_subject_lines instead */
} feed_head;

static uint64_t pair_key(const unsigned char *s)
{
    uint64_t k = 0;
    for (int b = 0; b < 6; b++) k = k << 8 | s[b];
    return k;
}

static size_t pair_slot(const feed_head *fh, uint64_t key)
{
    size_t mask = fh->cap - 1, i = (size_t)((key * 0x9E3779B97F4A7C15u) >> 24) & mask;
    while (fh->keys[i] && fh->keys[i] != key) i = (i + 1) & mask;
    return i;
}

static bool pair_add(feed_head *fh, uint64_t key)
{
    if ((fh->n + 1) * 2 > fh->cap) {
        size_t cap = fh->cap ? fh->cap * 2 : 256, old_cap = fh->cap;
        uint64_t *old = fh->keys, *keys = scrub__calloc(cap, sizeof *keys);
        if (!keys) return false;
        fh->keys = keys;
        fh->cap = cap;
        for (size_t i = 0; i < old_cap; i++)
            if (old[i]) fh->keys[pair_slot(fh, old[i])] = old[i];
        scrub__free(old);
    }
    size_t i = pair_slot(fh, key);
    fh->n += !fh->keys[i];
    fh->keys[i] = key;
    return true;
}

/* Adds the head lines up to `head` to the set. */
static void head_grow(feed_head *fh, const filter_state *st, const char *text, size_t head)
{
    for (; !fh->failed && fh->upto < head; fh->upto++) {
        const line_t *hl = &st->lines[fh->upto];
        if (hl->label == SCRUB_LABEL_BLANK || field_line(text, hl)) continue;
        const unsigned char *t = (const unsigned char *)text + hl->start;
        for (size_t k = 0; k + 6 <= hl->len && !fh->failed; k++)
            if (han_pair_at(t, k, hl->len)) fh->failed = !pair_add(fh, pair_key(t + k));
    }
}

/* on_subject_lines, with the head's pairs in a set: the same answer (a
 * pair of the head matches at a pair's lead bytes only). */
static bool on_subject(const filter_state *st, const char *text, feed_head *fh, size_t head,
                       size_t from, size_t to)
{
    head_grow(fh, st, text, head);
    if (fh->failed) return on_subject_lines(st, text, head, from, to);
    if (!fh->n) return false;
    for (size_t k = from; k < to; k++) {
        const line_t *ln = &st->lines[k];
        if (ln->label == SCRUB_LABEL_BLANK) continue;
        const unsigned char *s = (const unsigned char *)text + ln->start;
        for (size_t i = 0; i + 6 <= ln->len; i++)
            if (han_pair_at(s, i, ln->len) && fh->keys[pair_slot(fh, pair_key(s + i))]) return true;
    }
    return false;
}

/* A page that opens with four or more cut summaries is a topic page when
 * its teasers treat the subject its head names (round 4: those stay), a
 * feed of other pages when three in four of them share no word with the
 * head (the lines above the first summary): those are related links,
 * title, summary and the lines between, all but the first, which the
 * head's own title and lead make the page's (a later teaser sharing a
 * word with the head is the feed's chance).  With nothing above the first
 * teaser's titles there is no subject to judge by: left alone. */
static void opening_feed(filter_state *st, const char *text, feed_head *fh, size_t i, size_t end,
                         size_t n)
{
    size_t top = i, off = 0;
    /* the titles over it, not the menu or crumb above them */
    while (top > 0 && i - top < 2 && teaser_title(&st->lines[top - 1]) &&
           (keep_label(st->lines[top - 1].label) || st->lines[top - 1].label == CAND))
        top--;
    for (; fh->seen < top && !fh->subject; fh->seen++)
        fh->subject = st->lines[fh->seen].ncjk >= 2 && !field_line(text, &st->lines[fh->seen]);
    if (!fh->subject) return;
    size_t from = i + 1;
    for (size_t j = from; j <= end; j++)
        if (st->lines[j].odd & ODD_CUT) {
            off += !on_subject(st, text, fh, i, from, j + 1);
            from = j + 1;
        }
    if (off < 3 || off * 4 < n * 3) return;
    for (size_t k = i + 1; k <= end; k++) mark_teaser(st, k);
}

/* Links to other pages after the article -- title, summary cut short,
 * title, summary...: four or more cut summaries, each within 8 lines of
 * the next, after at least two whole sentences of the article, are
 * related links, with the one or two titles over each.  Whole sentences
 * between them stay.  A page that opens with such teasers is a topic page,
 * whose teasers may be its content, unless they share no word with its
 * head (opening_feed); three or fewer are left alone too. */
static FILTER_NOINLINE void teaser_runs(filter_state *st, const char *text)
{
    size_t said = 0; /* whole sentences so far */
    feed_head fh = {0};
    for (size_t i = 0; i < st->nlines; i++) {
        const line_t *ln = &st->lines[i];
        if (!(ln->odd & ODD_CUT)) {
            said += ln->good;
            continue;
        }
        size_t n, end = cut_run_end(st, i, &n);
        for (size_t j = i; n >= 4 && said >= 2 && j <= end; j++) {
            if (!(st->lines[j].odd & ODD_CUT)) continue;
            mark_teaser(st, j);
            for (size_t t = j; t > 0 && j - t < 2 && teaser_title(&st->lines[t - 1]); t--)
                mark_teaser(st, t - 1);
        }
        if (n >= 4 && said < 2) opening_feed(st, text, &fh, i, end, n);
        if (n < 4 || said < 2) said += ln->good;
        i = end;
    }
    scrub__free(fh.keys);
}

/* Does a sentence of the page (no link) follow line i, past at most one
 * undecided line (a section's first short line)? */
static bool heads_prose(const filter_state *st, size_t i)
{
    for (size_t n = 0; n < 2 && (i = next_nonblank(st, i, false)) != SIZE_MAX; n++) {
        const line_t *ln = &st->lines[i];
        if (ln->label == SCRUB_LABEL_CONTENT && !ln->linked) return true;
        if (ln->label != CAND) return false;
    }
    return false;
}

/* A name in a bar of tabs: a short line that is no sentence. */
static bool bar_name(const line_t *ln)
{
    return ln->hash && ln->units && ln->units <= 8 && !ln->good;
}

enum { TAB_BAR = 8 }; /* the names of a tab bar read each way from one of them */

/* Does line e, a tab's name in the bar [lo, hi], stand again outside the
 * bar over the page's sentences: a section of the page? */
static bool names_section(const filter_state *st, size_t e, size_t lo, size_t hi)
{
    uint64_t key = st->lines[e].hash;
    for (size_t j = 0; j < st->nlines; j++)
        if (st->lines[j].hash == key && (j < lo || j > hi) && heads_prose(st, j)) return true;
    return false;
}

/* How many names of the bar of short lines around line k (k aside) name
 * sections of the page. */
static size_t bar_sections(const filter_state *st, size_t k)
{
    size_t lo = k, hi = k, e;
    for (size_t n = 0; n < TAB_BAR && (e = prev_nonblank(st, lo, false)) != SIZE_MAX &&
                       bar_name(&st->lines[e]);
         n++)
        lo = e;
    for (size_t n = 0; n < TAB_BAR && (e = next_nonblank(st, hi, false)) != SIZE_MAX &&
                       bar_name(&st->lines[e]);
         n++)
        hi = e;
    size_t names = 0;
    for (e = lo; e <= hi; e++)
        if (e != k && st->lines[e].label != SCRUB_LABEL_BLANK) names += names_section(st, e, lo, hi);
    return names;
}

/* A related marker over the page's own sentences (编辑推荐 over a shop
 * page's recommendation text) whose words stand again in a bar of tabs
 * beside two names or more of the page's other sections (编辑推荐 内容简介
 * 作者简介 目录, each over its sentences): the tab of a section of the
 * page, not a list of links. */
static bool tab_section(const filter_state *st, size_t h)
{
    enum { MAX_COPIES = 4 }; /* copies read: each bar costs a walk of the page per name */
    if (!heads_prose(st, h)) return false;
    uint64_t key = st->lines[h].hash;
    for (size_t k = 0, copies = 0; k < st->nlines && copies < MAX_COPIES; k++) {
        if (k == h || st->lines[k].hash != key || !bar_name(&st->lines[k])) continue;
        if (bar_sections(st, k) >= 2) return true;
        copies++;
    }
    return false;
}

static void related_blocks(filter_state *st, const char *text)
{
    enum { MAX_TABS = 4 }; /* headers asked: each read costs a few walks of the page */
    bool in = false;
    size_t asked = 0;
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        if (related_header(ln) && !inline_link(text, ln)) {
            in = !(ln->units <= 8 && asked++ < MAX_TABS && tab_section(st, i));
            if (!in) set_label(ln, SCRUB_LABEL_HEADING, 0.55, "tab-section");
            continue;
        }
        if (!in || ln->label == SCRUB_LABEL_BLANK) continue;
        /* link titles are short; prose ends the block */
        /* with the DOM's hints, link titles are links: a sentence that is
         * none is the article again */
        /* the list under the header is its list, items long or not */
        if (ln->item && ln->units < 60 && (keep_label(ln->label) || ln->label == CAND)) {
            set_label(ln, SCRUB_LABEL_RELATED, 0.2, "related-list");
            continue;
        }
        bool prose = ln->label == SCRUB_LABEL_CONTENT &&
                     (ln->units >= 30 || alpha_paragraph(ln) ||
                      (st->have_hints && !ln->linked && !under_link(st, i)));
        if (prose || (ln->label == CAND && ln->near && ln->units >= 25) || announces(ln)) {
            in = false;
            continue;
        }
        if (keep_label(ln->label) || ln->label == CAND)
            set_label(ln, SCRUB_LABEL_RELATED, 0.2, "related-block");
    }
}

/* Everything after a strong footer marker past the main block. */
static void footer_tail(filter_state *st, size_t last)
{
    bool in = false;
    for (size_t i = last + 1; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        if (ln->label == SCRUB_LABEL_FOOTER && strong(ln, SCRUB__CAT_FOOTER)) in = true;
        else if (in && (keep_label(ln->label) || ln->label == CAND))
            set_label(ln, SCRUB_LABEL_FOOTER, 0.1, "after-footer");
    }
}

static bool headline_label(const line_t *ln)
{
    return ln->label == SCRUB_LABEL_HEADING && (ln->hint_title || ln->dom_heading);
}

/* Open-addressing set of line hashes, to find repeats of earlier lines. */
static int repeats(filter_state *st, uint64_t *set, size_t cap, size_t first, size_t last)
{
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        if (!ln->hash) continue;
        size_t k = (size_t)ln->hash & (cap - 1);
        while (set[k] && set[k] != ln->hash) k = (k + 1) & (cap - 1);
        if (!set[k]) {
            set[k] = ln->hash;
            continue;
        }
        /* inside the body a repeat is the author's (code, refrains); the
         * headline above it repeats the page's title in a menu */
        bool outside = (i < first && !headline_label(ln)) || i > last;
        if (outside && ln->units < 40 && (keep_label(ln->label) || ln->label == CAND) &&
            ln->reason != R_SHEET_TITLE && ln->reason != R_CELL_ROWS) /* a table's cells repeat */
            set_label(ln, SCRUB_LABEL_NAV, 0.2, "repeated");
    }
    return SCRUB_OK;
}

static void cross_page(filter_state *st, const scrub_linestats *stats, int64_t min_pages)
{
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        if (ln->label == SCRUB_LABEL_BLANK || ln->units >= 100) continue;
        if (!keep_label(ln->label) && ln->label != CAND) continue;
        if ((int64_t)scrub__linestats_lookup(stats, ln->hash) >= min_pages)
            set_label(ln, SCRUB_LABEL_NAV, 0.15, "linestats");
    }
}

static bool holds(const char *p, size_t n, const char *w)
{
    size_t m = strlen(w);
    if (m == 0) return true;
    /* memchr for w's last byte (a trail byte in Chinese, rare), then one
     * compare, instead of a compare per byte */
    const char *end = p + n;
    for (const char *q = p + m - 1; q < end && (q = memchr(q, w[m - 1], (size_t)(end - q))); q++)
        if (memcmp(q - (m - 1), w, m) == 0) return true;
    return false;
}

/* The editor's credit (责任编辑) closes a Chinese news article. */
static bool editor_line(const char *text, const line_t *ln)
{
    const char *s = text + ln->start, *end = s + ln->len;
    /* every mark opens with the same byte (责 責: E8 ..; the generator
     * defines the LEAD only then): one memchr for it instead of a compare
     * per byte and mark */
    const int lead = SCRUB__WORDS_EDITOR_MARK_LEAD;
    for (const char *p = s; (p = memchr(p, lead, (size_t)(end - p))); p++)
        for (size_t k = 0; k < SCRUB__WORDS_EDITOR_MARK_N; k++) {
            size_t m = scrub__words_editor_mark_len[k];
            if (m <= (size_t)(end - p) && memcmp(p, scrub__words_editor_mark[k], m) == 0)
                return true;
        }
    return false;
}

/* A body that runs on past the editor's credit (teasers of other articles
 * joined by the gap rule) ends before it, when most of its sentences lie
 * above it; returns the new last line. */
/* "おしまい", "The End", "Konec", "-30-": a line that is only the mark a
 * story or a wire report ends with (spaces, ideographic ones too, aside);
 * the Chinese 完 marks are end_mark's. */
static bool story_end(const char *text, const line_t *ln)
{
#define M(s) {s, sizeof s - 1}
    static const struct {
        const char *s;
        uint8_t n;
    } marks[] = {M("おしまい"), M("おわり"), M("終わり"), M("The End"), M("THE END"), M("Ende"),
                 M("ENDE"), M("Fin"), M("FIN"), M("Fim"), M("Konec"), M("KONEC"),
                 M("\xD0\x9A\xD0\xBE\xD0\xBD\xD0\xB5\xD1\x86") /* Конец */, M("-30-"),
                 M("###"), M("(END)")};
#undef M
    const char *p = text + ln->start;
    size_t n = ln->len;
    if (n > 24) return false;
    bool trimmed = true;
    while (n && trimmed) {
        trimmed = false;
        if (p[0] == ' ' || p[n - 1] == ' ') {
            if (p[0] == ' ') p++, n--;
            else n--;
            trimmed = true;
        } else if (n >= 3 && memcmp(p, "\xE3\x80\x80", 3) == 0) { /* ideographic space */
            p += 3, n -= 3;
            trimmed = true;
        } else if (n >= 3 && memcmp(p + n - 3, "\xE3\x80\x80", 3) == 0) {
            n -= 3;
            trimmed = true;
        }
    }
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
        if (marks[k].n == n && memcmp(marks[k].s, p, n) == 0) return true;
    return false;
}

/* A paragraph of forty units or more in (i, last]: another story, not a
 * sidebar's lines. */
static bool long_after(const filter_state *st, size_t i, size_t last)
{
    for (size_t k = i + 1; k <= last; k++)
        if (st->lines[k].label == SCRUB_LABEL_CONTENT && st->lines[k].units >= 40) return true;
    return false;
}

/* Under a mark (an end mark, the prev/next links) with two thirds of the
 * body's units above it and no paragraph of its own below, what the
 * block still holds is another page's: related, with reason why.  False
 * when the body goes on under the mark. */
static bool cut_after(filter_state *st, size_t mark, size_t above, size_t total, size_t last,
                      const char *why)
{
    if (above * 3 < total * 2 || long_after(st, mark, last)) return false;
    for (size_t k = mark + 1; k <= last; k++)
        if (keep_label(st->lines[k].label) || st->lines[k].label == CAND)
            set_label(&st->lines[k], SCRUB_LABEL_RELATED, 0.3, why);
    return true;
}

/* After an end mark with most of the body above it, the sentences left in
 * the block are a sidebar's (the day's trivia under a fable, the next
 * report of a wire): the body ends at the mark. */
static size_t clip_at_end_mark(filter_state *st, const char *text, size_t first, size_t last)
{
    size_t total = 0, above = 0, mark = SIZE_MAX;
    for (size_t i = first; i <= last; i++) {
        const line_t *ln = &st->lines[i];
        if (ln->label == SCRUB_LABEL_CONTENT) total += ln->units;
        /* a mark's first byte: a space, T E F K ( - # of ASCII, お 終 К, an ideographic space */
        unsigned char c = (unsigned char)text[ln->start];
        bool maybe = ln->len && ln->len <= 24 && ln->units <= 6 && i < last &&
                     (c == ' ' || c == 'T' || c == 'E' || c == 'F' || c == 'K' || c == '(' ||
                      c == '-' || c == '#' || c == 0xE3 || c == 0xE7 || c == 0xD0);
        if (mark == SIZE_MAX && maybe && story_end(text, ln)) {
            mark = i;
            above = total;
        }
    }
    if (mark == SIZE_MAX || !cut_after(st, mark, above, total, last, R_AFTER_MARK)) return last;
    /* the mark closes the story: it is the story's last line */
    if (keep_label(st->lines[mark].label) || st->lines[mark].label == CAND)
        set_label(&st->lines[mark], SCRUB_LABEL_CONTENT, 0.6, "end-mark");
    return mark;
}

/* 上一篇：... / 下一篇：...: the links to the neighbouring articles, which a
 * site puts under the article's end. */
static bool pager_line(const char *text, const line_t *ln)
{
    return ln->label == SCRUB_LABEL_NAV &&
           first_word(text + ln->start, ln->len, scrub__words_pager_mark, SCRUB__WORDS_PAGER_MARK_N);
}

/* Under the prev/next links what the block still holds is more links
 * (another page's title that reads like a sentence, cut_after): the body
 * ends at the kept line above them. */
static size_t clip_at_pager(filter_state *st, const char *text, size_t first, size_t last)
{
    size_t total = 0, above = 0, pager = first;
    /* most bodies hold no pager: find it before weighing the body */
    while (pager <= last && !pager_line(text, &st->lines[pager])) pager++;
    if (pager > last) return last;
    for (size_t i = first; i <= last; i++) {
        if (i == pager) above = total;
        if (st->lines[i].label == SCRUB_LABEL_CONTENT) total += st->lines[i].units;
    }
    if (!cut_after(st, pager, above, total, last, "after-pager")) return last;
    size_t k = pager;
    while (k > first && !keep_label(st->lines[k].label)) k--;
    return k;
}

static size_t clip_at_editor(filter_state *st, const char *text, size_t first, size_t last)
{
    size_t total = 0, above = 0;
    for (size_t i = first; i <= last; i++)
        if (st->lines[i].label == SCRUB_LABEL_CONTENT) total += st->lines[i].units;
    for (size_t i = first; i <= last; i++) {
        const line_t *ln = &st->lines[i];
        if (ln->label == SCRUB_LABEL_CONTENT) above += ln->units;
        if (ln->label != SCRUB_LABEL_META || above * 2 < total || !editor_line(text, ln)) continue;
        for (size_t k = i + 1; k <= last; k++)
            if (st->lines[k].label == SCRUB_LABEL_CONTENT)
                set_label(&st->lines[k], SCRUB_LABEL_RELATED, 0.3, R_AFTER_EDITOR);
        while (st->lines[i].label != SCRUB_LABEL_CONTENT) i--;
        return i;
    }
    return last;
}

/* A linked title and the sentence under it summarize another page (a
 * list of related or latest stories); such sentences alone do not make
 * a body. */
static void mark_teasers(filter_state *st)
{
    size_t prev = SIZE_MAX;
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        if (ln->label == SCRUB_LABEL_BLANK) continue;
        const line_t *p = prev != SIZE_MAX ? &st->lines[prev] : NULL;
        /* the title is a linked heading, or the summary a short line;
         * a link of a word or two (`Next Chapter`, `下一章`) is a button,
         * no title, unless it is a heading (`AGOS DUCATO`, a box's title) */
        ln->teaser = ln->label == SCRUB_LABEL_CONTENT && p && p->linked && p->units < 20 &&
                     (p->units >= (p->ncjk > p->nwords ? 6u : 3u) || p->dom_heading) &&
                     !ln->linked && !ln->dom_heading && (p->dom_heading || ln->units < 20);
        /* an item of a list of links with a note on each ("Unicode Table
         * (in UTF-8)", "Confusables (every silver lining has a cloud)")
         * is no sentence of the author's: it neither starts nor ends the
         * body */
        ln->teaser |= ln->label == SCRUB_LABEL_CONTENT && ln->link_entry;
        prev = i;
    }
}

/* Three or more post stamps make a comment or live stream: the posts
 * under each stamp (up to three lines, up to the next stamp) are readers'
 * or commentators' words, which do not make the body however long. */
static void comment_stream(filter_state *st)
{
    size_t stamps = 0;
    for (size_t i = 0; i < st->nlines && stamps < 3; i++) stamps += st->lines[i].stamp;
    if (stamps < 3) return;
    size_t left = 0;
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        if (ln->stamp) {
            left = 3;
            continue;
        }
        if (!left || ln->label == SCRUB_LABEL_BLANK) continue;
        left--;
        if (ln->label == SCRUB_LABEL_CONTENT || ln->label == CAND) {
            ln->chrome = SCRUB_LABEL_WIDGET;
            ln->post = true;
        }
    }
}

/* A line that can open a reader's comment: its author ("Karl sagt:") or
 * its date and time. */
static bool comment_head(const line_t *ln)
{
    return ln->says || ln->stamp ||
           ((ln->date || (has(ln, SCRUB__CAT_DATE) && ln->ndigit)) && !ln->good && ln->units <= 12);
}

/* The lines of a reader's comment: from its head (author or date, up to
 * eight lines above) or the previous comment's reply button down to its
 * reply button.  A reply button with no head above it stands alone. */
static void comment_blocks(filter_state *st)
{
    size_t after = SIZE_MAX; /* the line after the last reply button */
    for (size_t i = 0; i < st->nlines; i++) {
        if (!st->lines[i].reply) continue;
        size_t from = after;
        for (size_t k = i, seen = 0; from == SIZE_MAX && k-- > 0 && seen < 8;) {
            if (st->lines[k].label == SCRUB_LABEL_BLANK) continue;
            seen++;
            if (comment_head(&st->lines[k])) from = k;
        }
        after = i + 1;
        if (from == SIZE_MAX) continue;
        /* the author's name right above the date */
        size_t p = prev_nonblank(st, from, false);
        if (!st->lines[from].says && p != SIZE_MAX && st->lines[p].label == CAND &&
            st->lines[p].units <= 4)
            from = p;
        for (size_t k = from; k < i; k++) {
            line_t *ln = &st->lines[k];
            if (ln->label != SCRUB_LABEL_BLANK && ln->label != SCRUB_LABEL_WIDGET)
                set_label(ln, SCRUB_LABEL_WIDGET, 0.1, "comment");
        }
    }
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

/* 回复 踩0 赞8 收藏, 查看回复 3 举报, 檢舉: a short row of a comment's
 * buttons. */
static bool reaction_row(const line_t *ln)
{
    return (ln->btn_terms || has(ln, SCRUB__CAT_COMMENT)) && ln->units <= 12 && ln->ncjk &&
           !ln->good && !ln->tab;
}

/* The last reaction row among the five lines after a post's time, or
 * SIZE_MAX: the end of one comment. */
static size_t unit_end(const filter_state *st, size_t i)
{
    size_t end = SIZE_MAX;
    for (size_t k = i, seen = 0; seen < 5 && (k = next_nonblank(st, k, false)) != SIZE_MAX; seen++)
        if (reaction_row(&st->lines[k])) end = k;
    return end;
}

/* Where the first comment starts: after the comment box's header when
 * one lies within eight lines above its time (a thread title, a widget
 * line, a button row), else `head` lines above it. */
static size_t units_start(const filter_state *st, size_t at, size_t head)
{
    for (size_t k = at, seen = 0; seen < 8 && (k = prev_nonblank(st, k, false)) != SIZE_MAX;
         seen++) {
        const line_t *ln = &st->lines[k];
        if (ln->thread || reaction_row(ln) || ln->label == SCRUB_LABEL_WIDGET) return k + 1;
    }
    size_t k = at;
    for (size_t n = 0; n < head && (k = prev_nonblank(st, k, false)) != SIZE_MAX; n++) at = k;
    return at;
}

static void mark_units(filter_state *st, size_t from, size_t to)
{
    for (size_t k = from; k <= to; k++) {
        line_t *ln = &st->lines[k];
        if (keep_label(ln->label) || ln->label == CAND)
            set_label(ln, SCRUB_LABEL_WIDGET, 0.1, "comment-unit");
    }
}

/* A comment box: three or more comments, each a name and text over a
 * post's time and a row of reply buttons, no more than sixteen lines
 * apart.  Everything from the first comment to the last is readers'
 * words and the box's furniture, full sentences included. */
static void comment_units(filter_state *st)
{
    if (st->nago < 3) return;
    size_t units = 0, first = 0, end = 0, head = SIZE_MAX;
    for (size_t i = 0; i <= st->nlines; i++) {
        const line_t *ln = i < st->nlines ? &st->lines[i] : NULL;
        size_t e = SIZE_MAX, gap = 0;
        if (ln && (!ln->ago || (e = unit_end(st, i)) == SIZE_MAX)) continue;
        for (size_t k = end; units && ln && gap <= 16 && (k = next_nonblank(st, k, false)) < i;)
            gap++;
        if (units && (!ln || gap > 16)) {
            if (units >= 3) mark_units(st, units_start(st, first, head), end);
            units = 0;
        }
        if (!ln) break;
        if (units && gap < head) head = gap;
        if (!units) first = i, head = SIZE_MAX;
        units++;
        end = e;
        i = e;
    }
}

/* Where one reader's comment starts above its post time at: its author's
 * name (a short line that is no sentence) among the two lines above, or
 * the line after the box's furniture above it (the previous comment's
 * buttons).  With neither, the lines above may be the article's (a
 * heading over a paragraph looks like a name over a comment, so no
 * further up): at. */
static size_t unit_head(const filter_state *st, size_t at)
{
    for (size_t k = at, seen = 0; seen < 2 && (k = prev_nonblank(st, k, false)) != SIZE_MAX;
         seen++) {
        const line_t *ln = &st->lines[k];
        if (!keep_label(ln->label) && ln->label != CAND) return k + 1;
        if (ln->label == CAND && ln->units <= 8 && !ln->term && !ln->qterm) return k;
    }
    return at;
}

/* One or two comments that a box left under or inside the article (an
 * extractor keeps them without the rest of the box): a post's time with
 * a row of reply buttons below it ends a comment, which runs up from the
 * time to its author's name. */
static void lone_units(filter_state *st)
{
    for (size_t i = 0; i < st->nlines; i++) {
        size_t e;
        if (!st->lines[i].ago || (e = unit_end(st, i)) == SIZE_MAX) continue;
        mark_units(st, unit_head(st, i), e);
        i = e;
    }
}

/* A comment section's title past the body's start, with a comment's
 * author or date line among the next six lines: the rest of the page is
 * readers' comments and their form.  Returns whether it marked any. */
static bool comment_section(filter_state *st, size_t first)
{
    for (size_t i = first; i < st->nlines; i++) {
        if (!st->lines[i].thread) continue;
        bool head = false;
        for (size_t k = i, seen = 0; !head && seen < 6 && (k = next_nonblank(st, k, false)) != SIZE_MAX;
             seen++)
            head = comment_head(&st->lines[k]) || st->lines[k].reply;
        if (!head) continue;
        for (size_t k = i; k < st->nlines; k++)
            if (keep_label(st->lines[k].label) || st->lines[k].label == CAND)
                set_label(&st->lines[k], SCRUB_LABEL_WIDGET, 0.1, "comment-section");
        return true;
    }
    return false;
}

/* The body's last sentence, when it carries a weak footer marker anywhere
 * ("If you spotted an error in the article, tell us ..."), is the site's
 * notice, not the author's (a strong one, "©", decided on its own already). */
static bool closing_notice(const line_t *ln)
{
    return has(ln, SCRUB__CAT_FOOTER) && !strong(ln, SCRUB__CAT_FOOTER) && ln->units <= 40;
}

/* ASCII case-insensitive search of a lower-case word. */
static bool holds_ci(const unsigned char *s, size_t n, const char *w)
{
    size_t m = strlen(w);
    for (size_t i = 0; i + m <= n; i++) {
        size_t k = 0;
        while (k < m && (s[i + k] == (unsigned char)w[k] ||
                         ((s[i + k] | 32) == (unsigned char)w[k] && w[k] >= 'a')))
            k++;
        if (k == m) return true;
    }
    return false;
}

/* "Erin Cunningham is an Egypt-based correspondent for The Post.": one
 * to four capitalized words (a name), a copula, and a newsroom trade --
 * the author's bio under the article (meta).  Copulas and trades in a
 * few languages; only the body's last lines are asked. */
static bool word_in(const unsigned char *w, size_t n, const char *const *list, size_t k, bool fold)
{
    for (size_t i = 0; i < k; i++) {
        size_t m = strlen(list[i]);
        if (m != n) continue;
        size_t j = 0;
        while (j < n && (fold ? (char)(w[j] < 0x80 ? w[j] | 32 : w[j]) : (char)w[j]) == list[i][j]) j++;
        if (j == n) return true;
    }
    return false;
}

static bool bio_line(const char *text, const line_t *ln)
{
    static const char *const copulas[] = {"is", "est", "ist", "es", "\xC3\xA8", "\xC3\xA9", "je"};
    static const char *const trades[] = {"reporter", "correspondent", "editor", "writer",
                                         "journalist", "columnist", "contributor", "producer",
                                         "photographer", "critic", "r\303\251dact", "redakt",
                                         "korrespondent", "periodista", "redactor", "corresponsal",
                                         "giornalista", "jornalista", "novin\xC3\xA1\xC5\x99"};
    static const char *const particles[] = {"di", "de", "da", "del", "van", "von", "der", "le", "la"};
    if (ln->ncjk || ln->units > 80 || ln->ncap_init < 2) return false;
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t i = 0, names = 0;
    for (;;) {
        size_t b = i;
        while (i < ln->len && s[i] != ' ') i++;
        bool cap = (s[b] >= 'A' && s[b] <= 'Z') || s[b] >= 0xC0;
        if (i == ln->len || i == b) return false;
        /* the copula in any case: a bio may be set in capitals */
        if (names && word_in(s + b, i - b, copulas, sizeof copulas / sizeof copulas[0], true))
            break;
        if (names && !cap && word_in(s + b, i - b, particles, sizeof particles / sizeof particles[0], false)) {
            i++;
            continue;
        }
        if (!cap || ++names > 4) return false;
        i++;
    }
    for (size_t k = 0; k < sizeof trades / sizeof trades[0]; k++)
        if (holds_ci(s + i, ln->len - i, trades[k])) return true;
    return false;
}

/* The body's last lines (up to three) that are the site's rather than the
 * author's: an error-report notice (footer), the author's bio (meta).
 * Returns the new last line. */
static size_t closing_lines(filter_state *st, const char *text, size_t first, size_t last)
{
    for (int k = 0; k < 3 && last > first; k++) {
        line_t *ln = &st->lines[last];
        if (closing_notice(ln)) set_label(ln, SCRUB_LABEL_FOOTER, 0.2, "closing-notice");
        else if (ln->ncjk < ln->nwords && bio_line(text, ln))
            set_label(ln, SCRUB_LABEL_META, 0.2, "author-bio");
        else break;
        while (last > first && st->lines[last].label != SCRUB_LABEL_CONTENT) last--;
    }
    return last;
}

/* ---- an advertorial appended to a Chinese article ----------------------- */

/* The words of a partner's sales pitch are scrub__sale_terms
 * (data/lexicon/sale.txt, Traditional forms generated), each with its
 * kind and an id shared by its spellings: where it sends the reader (a
 * shop or a platform), what it asks the reader to do (calls to buy), a
 * price cut; and the figures of trade that a report of sales gives and a
 * pitch does not. */
#define SALE_TERMS (sizeof scrub__sale_terms / sizeof scrub__sale_terms[0])

/* The terms by the low 12 bits of their first character's code point
 * (1 + index, chained by sale_next): a line is read once, a table
 * lookup per character, whatever the number of terms. */
static uint8_t sale_head[4096], sale_next[SALE_TERMS];
static scrub__once sale_once = SCRUB__ONCE_INIT;

static unsigned sale_key(const unsigned char *p)
{
    return ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3Fu);
}

static int build_sale_head(void)
{
    for (size_t k = SALE_TERMS; k-- > 0;) {
        unsigned key = sale_key((const unsigned char *)scrub__sale_terms[k].w);
        sale_next[k] = sale_head[key];
        sale_head[key] = (uint8_t)(k + 1);
    }
    return SCRUB_OK;
}

typedef struct {
    uint32_t shops, calls; /* a bit per id */
    bool cut, trade;
} sale_cues;

static void read_sale_cues(const char *text, const line_t *ln, sale_cues *c)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len;
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i + 3 <= n;) {
        if (s[i] < 0xE0 || s[i] >= 0xF0) {
            i++;
            continue;
        }
        for (unsigned k = sale_head[sale_key(s + i)]; k; k = sale_next[k - 1]) {
            const char *w = scrub__sale_terms[k - 1].w;
            size_t m = strlen(w);
            if (m > n - i || memcmp(s + i, w, m) != 0) continue;
            unsigned id = scrub__sale_terms[k - 1].id;
            switch (scrub__sale_terms[k - 1].kind) {
            case SCRUB__SALE_SHOP: c->shops |= 1u << id; break;
            case SCRUB__SALE_CALL: c->calls |= 1u << id; break;
            case SCRUB__SALE_CUT: c->cut = true; break;
            case SCRUB__SALE_RATE: c->cut |= i && s[i - 1] >= '0' && s[i - 1] <= '9'; break;
            default: c->trade = true;
            }
        }
        i += 3;
    }
}

/* Distinct calls to buy, a price cut counting as one. */
static unsigned call_count(const sale_cues *c)
{
    return (unsigned)__builtin_popcount(c->calls) + c->cut;
}

/* A pitch: a shop with three calls to buy, or four without one, in a
 * sentence that cites no figures of trade (news of a platform's sales
 * names the shop and the orders, with their growth; a review closes on
 * the price at a shop and one or two calls). */
static bool sales_pitch(const char *text, const line_t *ln, uint32_t *shops)
{
    *shops = 0;
    if (ln->ncjk < 20) return false;
    sale_cues c;
    read_sale_cues(text, ln, &c);
    *shops = c.shops;
    return !c.trade && call_count(&c) >= (c.shops ? 3u : 4u);
}

/* Does the article above sell too (a shopping guide, news of a platform)?
 * Then its last paragraph is the article's: another of its lines names
 * the same shop, or its lines hold two cues of a pitch between them. */
static bool article_sells(const filter_state *st, const char *text, size_t first, size_t end,
                          uint32_t shops)
{
    unsigned cues = 0;
    for (size_t i = first; i < end; i++) {
        const line_t *ln = &st->lines[i];
        if (ln->label != SCRUB_LABEL_CONTENT || !ln->ncjk) continue;
        sale_cues c;
        read_sale_cues(text, ln, &c);
        cues += call_count(&c) + (unsigned)__builtin_popcount(c.shops);
        if ((c.shops & shops) || cues >= 2) return true;
    }
    return false;
}

/* Content units of the article in [first, end): the pitch is appended
 * to an article, not the article. */
static size_t article_units(const filter_state *st, size_t first, size_t end, size_t *lines)
{
    size_t units = 0;
    *lines = 0;
    for (size_t i = first; i < end; i++)
        if (st->lines[i].label == SCRUB_LABEL_CONTENT) {
            units += st->lines[i].units;
            ++*lines;
        }
    return units;
}

static bool appended_pitch(const filter_state *st, const char *text, size_t first, size_t body_end,
                           size_t i)
{
    uint32_t shops;
    if (!sales_pitch(text, &st->lines[i], &shops)) return false;
    size_t lines, units = article_units(st, first, body_end, &lines);
    return lines >= 2 && units > st->lines[i].units && !article_sells(st, text, first, body_end, shops);
}

/* Does the body's boilerplate follow line i (a widget, a menu, the
 * editor's credit, an end mark), or does the body end there? */
static bool before_chrome(const filter_state *st, size_t i, size_t last)
{
    size_t nx = next_nonblank(st, i, false);
    if (nx == SIZE_MAX || nx > last) return true;
    int l = st->lines[nx].label;
    return l != CAND && !keep_label(l);
}

/* 目前，天猫作为苹果在官网之外开设的唯一线上商店，...: a partner's
 * advertorial appended to a Chinese article is an advert when its place
 * and its pitch agree.  The place: the article's last paragraphs before
 * the boilerplate (in the body's last quarter, past an end mark too; up
 * to three, each found after the one under it), or a paragraph right
 * under the body (past the editor's credit).  The pitch: a shop and calls
 * to buy, in an article that sells nothing -- the same paragraph inside
 * the article, or at the end of a shopping guide, stays.  Returns the new
 * last line of the body. */
static size_t appended_advert(filter_state *st, const char *text, size_t first, size_t last)
{
    size_t total = 0, after = 0, found = 0;
    scrub__run_once(&sale_once, build_sale_head);
    for (size_t i = first; i <= last; i++)
        if (st->lines[i].label == SCRUB_LABEL_CONTENT) total += st->lines[i].units;
    for (size_t i = last + 1; i-- > first && after * 4 <= total && found < 3;) {
        line_t *ln = &st->lines[i];
        if (ln->label != SCRUB_LABEL_CONTENT) continue;
        if (before_chrome(st, i, last) && appended_pitch(st, text, first, i, i)) {
            set_label(ln, SCRUB_LABEL_AD, 0.1, "appended-advert");
            found++;
        } else after += ln->units;
    }
    /* the lines right under the body: what the clips above cut off, or a
     * paragraph the block left out */
    for (size_t i = last + 1; i < st->nlines && i <= last + 12; i++) {
        const line_t *ln = &st->lines[i];
        bool under = ln->label == SCRUB_LABEL_CONTENT ||
                     (ln->label == SCRUB_LABEL_RELATED &&
                      (ln->reason == R_AFTER_EDITOR || ln->reason == R_AFTER_MARK));
        if (under && appended_pitch(st, text, first, last + 1, i))
            set_label(&st->lines[i], SCRUB_LABEL_AD, 0.1, "appended-advert");
    }
    while (found && last > first && st->lines[last].label != SCRUB_LABEL_CONTENT) last--;
    return last;
}

/* A short line that ends no sentence or clause: a title, or a verse. */
static bool title_like(const line_t *ln)
{
    return (keep_label(ln->label) || ln->label == CAND) && ln->label != SCRUB_LABEL_CAPTION &&
           ln->units && ln->units <= 40 && !ln->send && !ln->comma && !ln->item && !ln->tab;
}

/* Counts a title-like line into n, and into longer when of 8 units or
 * more (verse is shorter); false for a line that is not one. */
static bool count_title(const line_t *ln, size_t *n, size_t *longer)
{
    if (!title_like(ln)) return false;
    ++*n;
    *longer += ln->units >= 8;
    return true;
}

/* Titles of other pages under the article (刘兆佳：香港的新选举制度与新政治
 * 文化, ...): five or more short lines that end no sentence or clause, that
 * the body took in as its end (the list may go on under it), right under
 * a line ending in 。 -- a list the article's site appends, not the
 * article's.  Verse (most lines under 8 units) is
 * the body's.  Returns the new last line of the body. */
static size_t title_tail(filter_state *st, size_t first, size_t last)
{
    size_t k = last + 1, n = 0, longer = 0, end = last + 1;
    /* a body that ends in its sentence leaves what follows to after_body */
    if (!title_like(&st->lines[last])) return last;
    /* the list may go on under the body's last line */
    for (; end < st->nlines; end++) {
        const line_t *ln = &st->lines[end];
        if (ln->label == SCRUB_LABEL_BLANK) continue;
        if (ln->label != CAND || !count_title(ln, &n, &longer)) break;
    }
    while (k-- > first) {
        const line_t *ln = &st->lines[k];
        if (ln->label == SCRUB_LABEL_BLANK) continue;
        if (!count_title(ln, &n, &longer)) break;
    }
    if (k == SIZE_MAX || k < first || n < 5 || longer * 4 < n * 3 ||
        st->lines[k].label != SCRUB_LABEL_CONTENT || !st->lines[k].stop)
        return last;
    /* other pages' titles are links: with the DOM's hints, a list most of
     * whose lines are none is the page's own (a catalogue under its note) */
    size_t linked = 0;
    for (size_t j = k + 1; st->have_hints && j < end; j++) linked += st->lines[j].linked;
    if (st->have_hints && linked * 2 < n) return last;
    for (size_t j = k + 1; j < end; j++)
        if (st->lines[j].label != SCRUB_LABEL_BLANK)
            set_label(&st->lines[j], SCRUB_LABEL_RELATED, 0.2, "title-tail");
    return k;
}

/* A line a table of contents may list further down: a short heading or
 * candidate. */
static bool section_title(const line_t *ln)
{
    return ln->hash && ln->units <= 12 && !ln->item &&
           (ln->label == CAND || ln->label == SCRUB_LABEL_HEADING || ln->hint_heading);
}

/* Where the title of a numbered contents entry starts (`1 History`,
 * `2.1. Known uses`): past its number and the space after it; 0 when the
 * line opens with no number. */
static size_t entry_title(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t i = 0, n = ln->len;
    if (!ln->ndigit || !n || !(s[0] >= '0' && s[0] <= '9')) return 0;
    while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) i++;
    if (i >= n || s[i] != ' ') return 0;
    while (i < n && s[i] == ' ') i++;
    return i < n ? i : 0;
}

/* The section title after line i (not right after it) that repeats it,
 * or repeats its title past its number (title: entry_title), or
 * SIZE_MAX. */
static size_t listed_later(const filter_state *st, const char *text, const uint64_t *hash,
                           const uint32_t *at, size_t n, size_t i, size_t title)
{
    const line_t *ln = &st->lines[i];
    for (size_t k = 0; k < n; k++)
        if (hash[k] == ln->hash && at[k] > i + 1) return at[k];
    if (!title) return SIZE_MAX;
    const char *e = text + ln->start + title;
    size_t elen = ln->len - title;
    for (size_t k = 0; k < n; k++) {
        const line_t *t = &st->lines[at[k]];
        if (t->len < elen || at[k] <= i + 1) continue; /* most titles */
        size_t from, to = text_bounds(text, t, &from);
        if (to - from == elen && memcmp(text + t->start + from, e, elen) == 0) return at[k];
    }
    return SIZE_MAX;
}

/* A table of contents: a list of three or more short items, each
 * repeated further down as a section title (numbered entries with or
 * without their number), that no sentence announces; the titles it
 * lists are marked.  The titles are looked up among the page's last 256
 * short titles (no allocation). */
static size_t contents_table(filter_state *st, const char *text)
{
    size_t titles = 0;
    uint64_t hash[256];
    uint32_t at[256];
    size_t n = 0;
    for (size_t i = st->nlines; i-- > 0 && n < 256;)
        if (section_title(&st->lines[i])) {
            hash[n] = st->lines[i].hash;
            at[n++] = (uint32_t)i;
        }
    if (n < 3) return 0;
    /* the title each entry of the current run lists, so a table found
     * marks them without a second search (a longer run searches again) */
    uint32_t found[256];
    size_t run = 0, start = 0;
    for (size_t i = 0; i <= st->nlines; i++) {
        const line_t *ln = i < st->nlines ? &st->lines[i] : NULL;
        if (ln && ln->label == SCRUB_LABEL_BLANK) continue;
        size_t title = ln && ln->item && ln->hash && ln->units <= 12 &&
                               (ln->label == CAND || ln->label == SCRUB_LABEL_CONTENT)
                           ? listed_later(st, text, hash, at, n, i, entry_title(text, ln))
                           : SIZE_MAX;
        if (title != SIZE_MAX) {
            if (!run) start = i;
            if (run < 256) found[run] = (uint32_t)title;
            run++;
            continue;
        }
        /* a list a sentence announces ("the following components:") is
         * the author's, even when each item gets its section */
        size_t p = run >= 3 ? prev_nonblank(st, start, false) : SIZE_MAX;
        bool toc = run >= 3 && (p == SIZE_MAX || !st->lines[p].colon);
        /* its own title ("Contents"): a word or three, not the page's */
        if (toc && p != SIZE_MAX && st->lines[p].label == CAND && st->lines[p].units <= 3 &&
            !st->lines[p].hint_title && !st->lines[p].listed) {
            set_label(&st->lines[p], SCRUB_LABEL_NAV, 0.2, "table-of-contents");
            st->lines[p].toc = true;
        }
        for (size_t k = start, nth = 0; toc && k < i; k++) {
            line_t *e = &st->lines[k];
            if (e->label == SCRUB_LABEL_BLANK) continue;
            set_label(e, SCRUB_LABEL_NAV, 0.2, "table-of-contents");
            e->toc = true;
            size_t t = nth < 256 ? found[nth]
                                 : listed_later(st, text, hash, at, n, k, entry_title(text, e));
            st->lines[t].listed = true;
            nth++;
            titles++;
        }
        run = 0;
    }
    return titles;
}

/* The sections a table of contents lists that come after the body's
 * last sentence (a wiki's appearances and references lists under their
 * titles) are the article's: the body goes on over the listed titles and
 * the list items under them that no hint decided.  Returns the new last
 * line. */
static size_t listed_sections(const filter_state *st, size_t last)
{
    size_t end = last;
    bool listed = false;
    for (size_t i = last + 1; i < st->nlines; i++) {
        const line_t *ln = &st->lines[i];
        if (ln->label == SCRUB_LABEL_BLANK) continue;
        bool item = ln->item && (ln->label == CAND || ln->label == SCRUB_LABEL_CONTENT);
        if (!ln->listed && !(listed && item)) break;
        listed |= ln->listed;
        end = i;
    }
    return end;
}

/* Under a section title the contents list, inside the body, a run of
 * short linked lines (a wiki's list of practitioners, each a link to its
 * page) is the section's text, not links to other stories. */
static void listed_links(filter_state *st, size_t first, size_t last)
{
    for (size_t i = first; i <= last; i++) {
        if (!st->lines[i].listed) continue;
        size_t k = i + 1, end = i + 1, run = 0;
        for (; k <= last; k++) {
            const line_t *ln = &st->lines[k];
            if (ln->label == SCRUB_LABEL_BLANK) continue;
            if (ln->reason != R_LINKED_LINE) break;
            run++;
            end = k + 1;
        }
        for (k = i + 1; run >= 2 && k < end; k++)
            if (st->lines[k].reason == R_LINKED_LINE)
                set_label(&st->lines[k], SCRUB_LABEL_CONTENT, 0.55, "listed-section");
    }
}

/* Gives the lines of the tables of contents label (their own, NAV, or
 * BLANK while the body is looked for). */
static void hide_toc(filter_state *st, int label)
{
    for (size_t i = 0; i < st->nlines; i++)
        if (st->lines[i].toc) st->lines[i].label = label;
}

static bool context_nav(const line_t *ln);

/* A short unlinked list item inside <main>: what the DOM's hints make of
 * a line of a team sheet or a like list. */
static bool sheet_shape(const line_t *ln)
{
    return ln->item && ln->hint_main && !ln->linked && ln->units <= 6;
}

/* A line of a team sheet or a like list: of its shape, and only context
 * made it a menu item. */
static bool sheet_line(const line_t *ln)
{
    return sheet_shape(ln) && context_nav(ln);
}

/* Does a line of [s, e) other than i repeat line i? */
static bool twin_in(const filter_state *st, size_t s, size_t e, size_t i)
{
    for (size_t k = s; k < e; k++)
        if (k != i && st->lines[k].hash == st->lines[i].hash && st->lines[k].label != SCRUB_LABEL_BLANK)
            return true;
    return false;
}

/* Lines [s, e) are unlinked list items: when three or more of them
 * repeat, every first copy before the first second one, the run is two
 * sheets of the same form one after the other (each side's coach,
 * line-up and substitutes under the same titles): the page's data, the
 * repeated lines their titles.  Bounded: 96 lines are read. */
static void sheet_pair(filter_state *st, size_t s, size_t e)
{
    if (e > s + 96) e = s + 96;
    size_t twins = 0, second = SIZE_MAX, last_first = 0;
    for (size_t a = s; a < e; a++) {
        if (st->lines[a].label == SCRUB_LABEL_BLANK) continue;
        for (size_t b = a + 1; b < e; b++)
            if (st->lines[b].hash == st->lines[a].hash && st->lines[b].label != SCRUB_LABEL_BLANK) {
                twins++;
                second = b < second ? b : second;
                last_first = a;
                break;
            }
    }
    if (twins < 3 || last_first >= second) return;
    for (size_t k = s; k < e; k++) {
        if (st->lines[k].label == SCRUB_LABEL_BLANK) continue;
        if (twin_in(st, s, e, k)) set_label(&st->lines[k], SCRUB_LABEL_HEADING, 0.6, R_SHEET_TITLE);
        else set_label(&st->lines[k], SCRUB_LABEL_CONTENT, 0.55, "sheet-row");
    }
}

/* Runs of twelve or more short unlinked list items inside <main> that
 * context alone took for a menu (the body's frame and title are found
 * without them): two sheets of one form? */
static FILTER_NOINLINE void repeated_sheets(filter_state *st)
{
    enum { MIN_RUN = 12 };
    if (st->nsheet < MIN_RUN) return; /* most pages: fewer lines of the shape in all */
    size_t start = 0, count = 0;
    for (size_t i = 0; i <= st->nlines; i++) {
        const line_t *ln = i < st->nlines ? &st->lines[i] : NULL;
        if (ln && ln->label == SCRUB_LABEL_BLANK) continue;
        if (ln && sheet_line(ln)) {
            if (!count++) start = i;
            continue;
        }
        if (count >= MIN_RUN) sheet_pair(st, start, i);
        count = 0;
    }
}

/* Is line b the pinyin of line a: a line of Han alone (爱 逝去的爱 讨不回来)
 * under which a line of Latin words gives one syllable per character (Ai
 * shi qu de ai tao bu hui lai)? */
static bool pinyin_of(const line_t *a, const line_t *b)
{
    return b->nwords == a->ncjk && a->ncjk >= 2 && !a->nalpha && !b->ncjk && !b->ndigit &&
           a->label == CAND && b->label == CAND;
}

/* Labels the candidates of lines [i, j) content, for reason. */
static void content_run(filter_state *st, size_t i, size_t j, const char *reason);

/* A song's lyrics with their pinyin, a line of Han over the line that
 * spells it (a lyrics page, a language course): four such pairs or more,
 * at most three other lines between two pairs ([Chorus], Repeat
 * Chorus), are the page's text, not a menu of short lines. */
static FILTER_NOINLINE void pinyin_verse(filter_state *st)
{
    size_t prev = SIZE_MAX, start = 0, end = 0, pairs = 0, since = 0;
    for (size_t i = 0; i <= st->nlines; i++) {
        const line_t *ln = i < st->nlines ? &st->lines[i] : NULL;
        if (ln && ln->label == SCRUB_LABEL_BLANK) continue;
        if (ln && prev != SIZE_MAX && pinyin_of(&st->lines[prev], ln)) {
            if (!pairs || since > 3) {
                if (pairs >= 4) content_run(st, start, end, "pinyin-verse");
                start = prev, pairs = 0;
            }
            pairs++;
            end = i + 1;
            since = 0;
            prev = SIZE_MAX; /* a line is in one pair */
            continue;
        }
        since++;
        prev = i;
    }
    if (pairs >= 4) content_run(st, start, end, "pinyin-verse");
}

/* A row of a list or table that gives a field and its value (出版社：
 * 广州出版社, 开本：32开, Gewicht: 2 kg), undecided or a date alone
 * (出版时间：2013-04-01). */
static bool field_row(const char *text, const line_t *ln)
{
    if (!(ln->item || ln->tab) || ln->units > 30 ||
        !(ln->label == CAND || (ln->label == SCRUB_LABEL_META && ln->reason == R_DATE)))
        return false;
    size_t f = field_prefix(text, ln);
    return f && f < ln->len;
}

/* Six rows or more in a row of `field：value` inside a list or table,
 * few of them links or holding a marker (a byline's 来源：, a contact
 * block's 电话：, a footer's 备案号：): a spec sheet, the page's own facts
 * about its subject (a book's publisher, pages and date, a product's
 * code).  A menu's items name pages and give no values.  Before the body
 * is looked for: a shop's page has few sentences. */
static FILTER_NOINLINE void field_lists(filter_state *st, const char *text)
{
    enum { MIN_ROWS = 6 };
    if (st->nfield < MIN_ROWS) return; /* most pages: fewer field rows in all */
    size_t start = 0, rows = 0, odd = 0;
    for (size_t i = 0; i <= st->nlines; i++) {
        const line_t *ln = i < st->nlines ? &st->lines[i] : NULL;
        if (ln && ln->label == SCRUB_LABEL_BLANK) continue;
        if (ln && field_row(text, ln)) {
            if (!rows++) start = i, odd = 0;
            odd += ln->linked || (ln->cats & MARKER_CATS);
            continue;
        }
        for (size_t k = start; rows >= MIN_ROWS && odd * 4 <= rows && k < i; k++)
            if (st->lines[k].label != SCRUB_LABEL_BLANK)
                set_label(&st->lines[k], SCRUB_LABEL_CONTENT, 0.55, "spec-fields");
        rows = 0;
    }
}

/* The value of a Chinese numeral, 一 to 九 and 十 (0 and 10), else -1. */
static int han_digit(uint32_t cp)
{
    static const uint32_t digit[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                     0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341};
    for (int k = 0; k < 11; k++)
        if (digit[k] == cp) return k;
    return -1;
}

/* A number in Chinese numerals up to 99 (十一, 二十, 四十九) from s[*i],
 * else -1; *i moves past it. */
static long han_number(const unsigned char *s, size_t n, size_t *i)
{
    long tens = -1, units = 0;
    size_t k = *i, chars = 0;
    for (uint32_t cp; k + 3 <= n && chars < 3; k += 3, chars++) {
        scrub__utf8_decode(s + k, 3, &cp);
        int d = han_digit(cp);
        if (d < 0) break;
        if (d == 10) {
            if (tens >= 0) return -1;
            tens = units ? units : 1;
            units = 0;
        } else if (units) return -1; /* 一二: not a number */
        else units = d;
    }
    if (!chars) return -1;
    *i = k;
    return (tens >= 0 ? tens * 10 : 0) + units;
}

/* The number a line opens with, a space or a list mark after it and
 * text under it (`24 こまや/ジャンプアップ`, `十一 向来痴`, `3. ...`): ASCII
 * or full-width digits, or Chinese numerals.  -1 when none. */
static long lead_number(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len, i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    long v = -1;
    size_t b = i;
    if (i < n && s[i] >= '0' && s[i] <= '9') {
        for (v = 0; i < n && s[i] >= '0' && s[i] <= '9' && i - b < 4; i++) v = v * 10 + (s[i] - '0');
    } else if (i + 3 <= n && s[i] == 0xEF && s[i + 1] == 0xBC && s[i + 2] >= 0x90 && s[i + 2] <= 0x99) {
        for (v = 0; i + 3 <= n && s[i] == 0xEF && s[i + 1] == 0xBC && s[i + 2] >= 0x90 &&
                    s[i + 2] <= 0x99 && i - b < 12;
             i += 3)
            v = v * 10 + (s[i + 2] - 0x90);
    } else if (i < n && s[i] >= 0xE3 && s[i] <= 0xE5) {
        v = han_number(s, n, &i);
    }
    if (v < 0 || i >= n) return -1;
    size_t sep = s[i] == ' ' || s[i] == '.'                     ? 1
                 : i + 2 <= n && s[i] == 0xC2 && s[i + 1] == 0xA0 ? 2 /* NBSP */
                 : i + 3 <= n && (memcmp(s + i, "\xE3\x80\x80", 3) == 0 /* 　 */ ||
                                  memcmp(s + i, "\xE3\x80\x81", 3) == 0 /* 、 */ ||
                                  memcmp(s + i, "\xEF\xBC\x8E", 3) == 0) /* ． */
                     ? 3
                     : 0;
    if (!sep) return -1;
    for (i += sep; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t') return v;
    return -1;
}

/* May a numbered line be an entry of the page's own list: undecided or
 * kept, most of it no anchor text? */
static bool list_entry(const line_t *ln)
{
    return (ln->label == CAND || keep_label(ln->label)) && !ln->linked;
}

/* The entries of a numbered list [start, end]: its undecided lines are
 * content. */
static void label_numbered(filter_state *st, const char *text, size_t start, size_t end)
{
    for (size_t k = start; k <= end; k++)
        if (st->lines[k].label == CAND && lead_number(text, &st->lines[k]) >= 0)
            set_label(&st->lines[k], SCRUB_LABEL_CONTENT, 0.55, "numbered-list");
}

/* Runs of at least min lines numbered n, n+1, n+2 ... (a few other lines
 * may stand between two: a heading, a photo's date), none of them links,
 * are lists of the page; returns how many it found. */
static size_t numbered_runs(filter_state *st, const char *text, size_t min)
{
    enum { MAX_BETWEEN = 3 };
    size_t start = 0, end = 0, count = 0, between = 0, found = 0;
    long prev = -1;
    for (size_t i = 0; i <= st->nlines; i++) {
        const line_t *ln = i < st->nlines ? &st->lines[i] : NULL;
        if (ln && ln->label == SCRUB_LABEL_BLANK) continue;
        long v = ln && list_entry(ln) ? lead_number(text, ln) : -1;
        if (v >= 0 && count && v == prev + 1) {
            count++, end = i, prev = v, between = 0;
            continue;
        }
        if (v < 0 && ln && count && ++between <= MAX_BETWEEN) continue;
        if (count >= min) label_numbered(st, text, start, end), found++;
        count = v >= 0, start = end = i, prev = v, between = 0;
    }
    return found;
}

/* Eleven lines or more numbered n, n+1 ... with no link among them: a
 * catalogue, a book's contents, the page's own list.  Menus are not
 * numbered; a ranking of other pages is, but its entries are links and it
 * stops at ten (every numbered run of the dev pages that is boilerplate:
 * 5 to 10 entries, from 1).  On a page that numbers such a list, a
 * shorter plain run (six or more) is another of its lists.  Before the
 * body is looked for, so that a page of lists has one. */
static FILTER_NOINLINE void numbered_lists(filter_state *st, const char *text)
{
    enum { MIN_LIST = 11 };
    if (st->nnumbered < MIN_LIST) return; /* most pages: fewer numbered lines in all */
    if (numbered_runs(st, text, MIN_LIST)) numbered_runs(st, text, 6);
}

/* The value of a line that is one or two digits alone (`　　1`, `01`),
 * else -1. */
static int lone_number(const char *text, const line_t *ln)
{
    if (ln->label != SCRUB_LABEL_ARTIFACT || !ln->ndigit || ln->ndigit > 2 ||
        ln->nchar - ln->nspace != ln->ndigit)
        return -1;
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t i = 0;
    while (i < ln->len && !(s[i] >= '0' && s[i] <= '9')) i++;
    int v = 0;
    uint32_t k = 0;
    for (; i < ln->len && s[i] >= '0' && s[i] <= '9'; i++, k++) v = v * 10 + (s[i] - '0');
    return k == ln->ndigit ? v : -1; /* `1 2` is pagination */
}

/* Relabels the lone numbers of lines [from, to] as section headings. */
static void number_headings(filter_state *st, const char *text, size_t from, size_t to)
{
    for (size_t i = from; i <= to; i++)
        if (lone_number(text, &st->lines[i]) >= 0)
            set_label(&st->lines[i], SCRUB_LABEL_HEADING, 0.55, "section-number");
}

/* Lone numbers counting up from 0 or 1 (a number may repeat, a slip of
 * the author's), each followed by a kept line, number the body's
 * sections; a stray number is an artifact, and pagination has no body
 * between its numbers.  A number waits (wait) for the line under it. */
typedef struct {
    size_t start, end, count, wait;
    int prev, top;
} number_run;

static void close_numbers(filter_state *st, const char *text, number_run *r)
{
    if (r->count >= 2 && r->top >= 2) number_headings(st, text, r->start, r->end);
    r->count = 0;
    r->wait = SIZE_MAX;
}

static FILTER_NOINLINE void section_numbers(filter_state *st, const char *text, size_t first,
                                            size_t last)
{
    number_run r = {0, 0, 0, SIZE_MAX, -1, -1};
    for (size_t i = first; i <= last; i++) {
        const line_t *ln = &st->lines[i];
        if (ln->label == SCRUB_LABEL_BLANK) continue;
        int v = ln->label == SCRUB_LABEL_ARTIFACT ? lone_number(text, ln) : -1;
        if (v < 0 && r.wait == SIZE_MAX) continue; /* most lines */
        if (v < 0) {
            if (!keep_label(ln->label)) {
                close_numbers(st, text, &r);
                continue;
            }
            if (!r.count++) r.start = r.wait;
            r.end = r.wait;
            r.top = r.prev > r.top ? r.prev : r.top;
            r.wait = SIZE_MAX;
            continue;
        }
        if (r.wait == SIZE_MAX && r.count && (v == r.prev || v == r.prev + 1)) {
            r.wait = i, r.prev = v;
            continue;
        }
        close_numbers(st, text, &r);
        if (v <= 1) r.wait = i, r.prev = r.top = v;
    }
    close_numbers(st, text, &r);
}

/* The minute of a line that is a match minute alone (`95'`, `45+2’`),
 * else -1. */
static int minute_mark(const char *text, const line_t *ln)
{
    if (ln->label != SCRUB_LABEL_ARTIFACT || !ln->ndigit || ln->ndigit > 5 || ln->len > 12)
        return -1;
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t i = 0, n = ln->len;
    int v = 0;
    while (i < n && s[i] == ' ') i++;
    size_t d = i;
    for (; i < n && s[i] >= '0' && s[i] <= '9' && i - d < 3; i++) v = v * 10 + (s[i] - '0');
    if (i == d) return -1;
    if (i < n && s[i] == '+') /* added time */
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++) {}
    if (i < n && s[i] == '\'') i++;
    else if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x99) i += 3;
    else return -1;
    while (i < n && s[i] == ' ') i++;
    return i == n ? v : -1;
}

/* A cell of a score board alone on its line: 1 for a number (`57`), 2
 * for a score (`1 : 5`, `3-3`, `2–0`), else 0.  A minute mark (`95'`) or
 * a clock is no cell. */
static int score_cell(const char *text, const line_t *ln)
{
    if (ln->label != SCRUB_LABEL_ARTIFACT || ln->reason != R_NO_TEXT || ln->code || !ln->ndigit ||
        ln->ndigit > 6 || ln->len > 16)
        return 0;
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t i = 0, n = ln->len, groups = 0, seps = 0;
    while (i < n) {
        if (s[i] >= '0' && s[i] <= '9') {
            groups++;
            while (i < n && s[i] >= '0' && s[i] <= '9') i++;
        } else if (s[i] == ' ') {
            i++;
        } else if ((s[i] == ':' || s[i] == '-') && groups == 1 && !seps++) {
            i++;
        } else if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x93 && groups == 1 &&
                   !seps++) {
            i += 3; /* – */
        } else {
            return 0;
        }
    }
    if (groups == 1 && !seps) return 1;
    return groups == 2 && seps == 1 ? 2 : 0;
}

/* The end of the run of score cells that starts at i (blank lines read
 * through), and whether it is a board: a score in it, five cells at
 * most (a longer column of numbers is no board). */
static size_t score_run(const filter_state *st, const char *text, size_t i, size_t last,
                        bool *score)
{
    size_t end = i, cells = 0;
    *score = false;
    for (size_t k = i; k <= last; k++) {
        if (st->lines[k].label == SCRUB_LABEL_BLANK) continue;
        int c = score_cell(text, &st->lines[k]);
        if (!c) break;
        *score |= c == 2;
        cells++;
        end = k + 1;
    }
    *score &= cells <= 5;
    return end;
}

/* Is the run of score cells at i (its end in *end) a board: a score in
 * it, two cells or more? */
static bool board_at(const filter_state *st, const char *text, size_t i, size_t last, size_t *end)
{
    bool score;
    *end = score_run(st, text, i, last, &score);
    return *end > i && score && next_nonblank(st, i, false) < *end;
}

/* A match's score board set one cell per line (`57` / `1 : 5` / `33`
 * under each heat of a speedway report): a run of two to five lines of
 * numbers holding a score, the same block three times or more inside
 * the body, is the report's data, not stray digits; the short headings
 * over the boards are then framed by the body. */
static FILTER_NOINLINE void score_boards(filter_state *st, const char *text, size_t first,
                                         size_t last)
{
    size_t boards = 0, end;
    for (size_t i = first; i <= last && boards < 3; i++) {
        if (st->lines[i].label != SCRUB_LABEL_ARTIFACT) continue; /* most lines */
        boards += board_at(st, text, i, last, &end);
        if (end > i) i = end - 1;
    }
    if (boards < 3) return;
    for (size_t i = first; i <= last; i++) {
        /* from a blank line too: its run starts at the next cell */
        if (st->lines[i].label != SCRUB_LABEL_ARTIFACT && st->lines[i].label != SCRUB_LABEL_BLANK)
            continue;
        bool board = board_at(st, text, i, last, &end);
        for (size_t k = i; board && k < end; k++)
            if (st->lines[k].label != SCRUB_LABEL_BLANK)
                set_label(&st->lines[k], SCRUB_LABEL_CONTENT, 0.55, "score-board");
        if (end > i) i = end - 1;
    }
}

/* The first non-blank line after i that is no minute mark, or SIZE_MAX.
 * *memo holds the answer for an earlier mark (0 before the first): every
 * mark of one run shares it, so a run of marks is read once, not once per
 * mark (a page of 100,000 `1'` lines). */
static size_t after_marks(const filter_state *st, const char *text, size_t i, size_t last,
                          size_t *memo)
{
    if (*memo > i) return *memo;
    *memo = SIZE_MAX;
    for (size_t k = i + 1; k <= last; k++)
        if (st->lines[k].label != SCRUB_LABEL_BLANK && minute_mark(text, &st->lines[k]) < 0)
            return *memo = k;
    return SIZE_MAX;
}

/* A live report stamps each entry with its minute on a line of its own:
 * three or more minute marks at and inside the body, counting one way
 * (down in a feed, up in a report; seven steps in eight), three in four
 * of them followed by a kept line, are the entries' times, not stray
 * artifacts (minute_mark reads artifact lines only); the short
 * entry under a mark that context alone made a menu item ("Sortie de
 * X") is an entry too. */
static FILTER_NOINLINE void minute_marks(filter_state *st, const char *text, size_t first,
                                         size_t last)
{
    while (first > 0 && (st->lines[first - 1].label == SCRUB_LABEL_BLANK ||
                         minute_mark(text, &st->lines[first - 1]) >= 0))
        first--;
    size_t marks = 0, framed = 0, down = 0, up = 0;
    int prev = -1;
    size_t memo = 0;
    for (size_t i = first; i <= last; i++) {
        int v = minute_mark(text, &st->lines[i]);
        if (v < 0) continue;
        size_t k = after_marks(st, text, i, last, &memo);
        down += prev >= 0 && v < prev;
        up += prev >= 0 && v > prev;
        prev = v;
        marks++;
        framed += k != SIZE_MAX && keep_label(st->lines[k].label);
    }
    /* added time may step back once (45', 45', 48', 47') */
    size_t back = down < up ? down : up;
    if (marks < 3 || framed * 4 < marks * 3 || back * 8 > down + up) return;
    memo = 0;
    for (size_t i = first; i <= last; i++) {
        if (minute_mark(text, &st->lines[i]) < 0) continue;
        set_label(&st->lines[i], SCRUB_LABEL_CONTENT, 0.55, "minute-mark");
        size_t k = after_marks(st, text, i, last, &memo);
        if (k != SIZE_MAX && context_nav(&st->lines[k]) && st->lines[k].units)
            set_label(&st->lines[k], SCRUB_LABEL_CONTENT, 0.55, "stamped-entry");
    }
}

/* A comment's dated author line is read as a candidate like any short
 * line while the body's runs are framed (a subheading above it stays a
 * heading); what it is decides last. */
static void dated_stamps(filter_state *st)
{
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        if ((ln->odd & ODD_DATED) && keep_label(ln->label))
            set_label(ln, SCRUB_LABEL_WIDGET, 0.1, "dated-stamp");
    }
}

static FILTER_NOINLINE void title_list(filter_state *st, const char *text);

/* ---- third-party slots under an ad label ------------------------------ */

/* "Pubblicità", "Anzeige", "REKLAMA", "广告" alone on a line (a strong
 * button term: data/lexicon/button.txt) labels the slot under it.  The
 * slot is third-party copy: it opens with a linked title (an ad's
 * headline points off the page; an empty slot before the article's next
 * paragraph does not), its lines are short, and it ends at a heading
 * that follows its text (the next box), at a line of prose, at the next
 * label or after eight lines. */
#define SLOT_LINES 8

static bool slot_label(const line_t *ln)
{
    return ln->label == SCRUB_LABEL_WIDGET && strong(ln, SCRUB__CAT_BUTTON);
}

static bool slot_line(const line_t *ln)
{
    /* an ad's copy is a line of a few words; the article's next paragraph
     * under an empty slot ("ADVERTISING", the vendor's credit, then the
     * story) is longer */
    unsigned most = ln->ncjk > ln->nwords ? 40u : 16u;
    return !slot_label(ln) && ln->units < most && !ln->chrome;
}

static size_t ad_slot(filter_state *st, size_t mark)
{
    size_t j = next_nonblank(st, mark, false), n = 0;
    if (j == SIZE_MAX || !st->lines[j].linked || !slot_line(&st->lines[j])) return mark;
    set_label(&st->lines[mark], SCRUB_LABEL_AD, 0.05, "ad-slot");
    bool text = false;
    for (; j != SIZE_MAX && n < SLOT_LINES; j = next_nonblank(st, j, false), n++) {
        line_t *ln = &st->lines[j];
        if (!slot_line(ln) || (text && ln->dom_heading)) break;
        text |= !ln->dom_heading;
        set_label(ln, SCRUB_LABEL_AD, 0.05, "ad-slot");
        mark = j;
    }
    return mark;
}

/* The article often runs on past its <article> element: a site sets
 * its lead or its last paragraphs in a sibling element.  Unlinked
 * kept lines (paragraphs, section headings, captions) that go on from
 * the element's first or last content line with nothing but blank lines
 * between (no boilerplate-labelled line, no menu) are the article's; the
 * walk stops at the first line dropped or linked.  Returns the new edge (down: walking to the end). */
static size_t article_edge(const filter_state *st, size_t edge, bool down)
{
    for (;;) {
        /* <article> opens with its own lines the guess left out (the
         * headline, a byline): what is above them is the page's */
        const line_t *at = &st->lines[edge];
        if (!down && at->hint_main && !at->hint_cand) return edge;
        size_t j = down ? next_nonblank(st, edge, false) : prev_nonblank(st, edge, false);
        if (j == SIZE_MAX) return edge;
        const line_t *ln = &st->lines[j];
        /* a date line frames the article (its dateline above, a stamp
         * under it): what lies past it is the page's */
        if (!keep_label(ln->label) || ln->linked || ln->date) return edge;
        edge = j;
    }
}

/* When the page marks its article up (<main>, <article>) and most of
 * the body's text lies inside it, the article starts and ends there: a
 * sentence or an item outside it above its first or under its last
 * sentence is the page's (a sign-in box above the menu, a cookie notice
 * under the footer, an author's bio box).  Headings are left alone: a
 * headline and its dek often sit above <article>. */
static void outside_article(filter_state *st)
{
    size_t inside = 0, all = 0, mfirst = SIZE_MAX, mlast = 0;
    for (size_t i = 0; i < st->nlines; i++) {
        const line_t *ln = &st->lines[i];
        if (ln->label != SCRUB_LABEL_CONTENT) continue;
        all += ln->units;
        if (!ln->hint_main) continue;
        inside += ln->units;
        if (mfirst == SIZE_MAX) mfirst = i;
        mlast = i;
    }
    if (mfirst == SIZE_MAX || inside * 10 < all * 7) return;
    mfirst = article_edge(st, mfirst, false);
    mlast = article_edge(st, mlast, true);
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        if (ln->label == SCRUB_LABEL_CONTENT && !ln->hint_main && (i < mfirst || i > mlast))
            set_label(ln, SCRUB_LABEL_WIDGET, 0.2, "outside-article");
    }
}

/* Was line ln made a menu or a link block by its place alone (a context
 * rule or a sidebar class), not by its own words? */
static bool placed_out(const line_t *ln)
{
    const char *r = ln->reason;
    return r == R_SHORT_RUN || r == R_BEFORE || r == R_AFTER || r == R_HINT_RELATED ||
           r == R_OUTSIDE;
}

/* A sentence inside the html stage's guess at the article's block that
 * only its place made boilerplate is the article's: the block scores its
 * paragraphs, and a sidebar class or a gap in the body's clusters says
 * less about a sentence than the block does.  No link, no date, no
 * chrome (a byline or a notice keeps its own rule). */
static FILTER_NOINLINE void candidate_sentences(filter_state *st)
{
    /* the block's own sentences frame the ones to take back: a block
     * that ends in teasers or a shop's pitch keeps them out */
    size_t first = SIZE_MAX, last = 0;
    for (size_t i = 0; i < st->nlines; i++)
        if (st->lines[i].hint_cand && st->lines[i].label == SCRUB_LABEL_CONTENT &&
            st->lines[i].good) {
            if (first == SIZE_MAX) first = i;
            last = i;
        }
    for (size_t i = first + 1; first != SIZE_MAX && i < last; i++) {
        line_t *ln = &st->lines[i];
        if (!ln->hint_cand || !ln->good || ln->linked || ln->date || ln->chrome ||
            !placed_out(ln))
            continue;
        set_label(ln, SCRUB_LABEL_CONTENT, 0.5, "in-candidate");
    }
}

/* A block sentence the fallback may take back: a sentence of its own (no
 * link, no date, no chrome) that its place or an ad class removed, not
 * its words.  chrome_ok: a run of a comment's or a footer's class proved
 * to go on from the body (boxed_prose), where the class's chrome mark is
 * the misnamed container's, not the line's. */
static bool fallback_line(const line_t *ln, bool chrome_ok)
{
    return ln->hint_cand && ln->good && !ln->linked && !ln->date && (!ln->chrome || chrome_ok);
}

/* A dropped block sentence with no notice words and no spam span: what
 * candidate_fallback and boxed_prose may take back, once they know the
 * line was put out by its place or its class. */
static bool may_take_back(const line_t *ln, bool chrome_ok)
{
    return !keep_label(ln->label) && fallback_line(ln, chrome_ok) && !(ln->cats & NOTICE_CATS) &&
           !ln->span_count;
}

/* an ad's class hid the line from the body's passes (hide_injected): it
 * is shown as the article's */
static void take_back(line_t *ln, const char *reason)
{
    set_label(ln, SCRUB_LABEL_CONTENT, 0.5, reason);
    ln->injected = 0;
}

/* When the filter kept part of the article guess and little outside it,
 * yet dropped a third or more of the guess's sentences (by their text and
 * by their lines), the two agree on where the article is and disagree on
 * how far it goes: whole paragraphs the page wraps in an ad's class, or a
 * lead and a last section the body's clusters left out
 * (candidate_sentences only reaches between the kept ones).  The guess
 * then speaks for its own sentences, from its first to its last.  A page
 * whose body lies elsewhere (little of the guess kept, more kept outside
 * it) is left alone. */
static FILTER_NOINLINE void candidate_fallback(filter_state *st)
{
    size_t sent = 0, kept = 0, outside = 0, first = SIZE_MAX, last = 0;
    size_t lines = 0, kept_lines = 0;
    for (size_t i = 0; i < st->nlines; i++) {
        const line_t *ln = &st->lines[i];
        bool keep = keep_label(ln->label);
        if (!ln->hint_cand) {
            outside += keep ? ln->units : 0;
            continue;
        }
        if (!fallback_line(ln, false)) continue;
        sent += ln->units;
        kept += keep ? ln->units : 0;
        lines++;
        kept_lines += keep;
        if (first == SIZE_MAX) first = i;
        last = i;
    }
    /* a third of the sentences by their lines too: the kept paragraphs'
     * text shrinks with their length (wire copy), a teaser's does not */
    if (!kept || outside >= kept || (sent - kept) * 3 < sent || (lines - kept_lines) * 3 < lines)
        return;
    for (size_t i = first; first != SIZE_MAX && i <= last; i++) {
        line_t *ln = &st->lines[i];
        if (may_take_back(ln, false) && (placed_out(ln) || ln->reason == R_HINT_AD))
            take_back(ln, "candidate-fallback");
    }
}

/* A run of lines in one box's class (an ad's, a related box's, a share
 * bar's, a sidebar's, a menu's; a comment's and a footer's ask more, see
 * thread_mark) that holds a sentence of 40 units or more the body kept
 * (apply_hint leaves such a sentence to the body) is no advert, no
 * teaser list and no menu: boxes of other pages' titles hold titles, not
 * paragraphs.  It is the article's text in a container
 * the site named after something else, so its shorter sentences inside
 * the guess are the article's too.  Words of a notice or a pitch, links
 * and spans keep their own verdict. */
static bool box_prose(const line_t *ln)
{
    return ln->label == SCRUB_LABEL_CONTENT && ln->units >= 40 && ln->hint_cand && !ln->linked;
}

/* Words a box's own controls carry (a menu's, a byline's, a share bar's,
 * a teaser list's title): a short line holding one is the box's, not the
 * article's. */
#define BOX_LINE_CATS                                                                  \
    (NOTICE_CATS | (1u << SCRUB__CAT_NAV) | (1u << SCRUB__CAT_META) |                   \
     (1u << SCRUB__CAT_RELATED) | (1u << SCRUB__CAT_CONTACT) | (1u << SCRUB__CAT_SOCIAL) | \
     (1u << SCRUB__CAT_BUTTON))

/* the reason apply_hint gives a weak line of the box: only what the
 * class alone put out comes back */
static const char *box_reason(uint8_t box)
{
    switch (box) {
    case BOX_AD: return R_HINT_AD;
    case BOX_RELATED:
    case BOX_SIDEBAR: return R_HINT_RELATED;
    case BOX_SHARE:
    case BOX_COMMENT: return R_HINT_WIDGET;
    case BOX_NAV: return R_HINT_NAV;
    case BOX_FOOTER: return R_HINT_FOOTER;
    default: return NULL;
    }
}

static bool byline_opening(const char *text, const line_t *ln);
static bool post_credit(const char *text, const line_t *ln);

/* A picture's credit, an embedded post's signature, a date, a clock or a
 * byline: the box's furniture between the article's sentences, though it
 * reads as a line of text ("Image: WSig", "Update July 3rd, 8:05AM ET").
 * Both callers have already turned away a line with a date flag. */
static bool box_furniture(const char *text, const line_t *ln)
{
    return has_date(text, ln) || has_clock(text, ln) || photo_credit(text, ln) ||
           post_credit(text, ln) || byline_opening(text, ln);
}

/* a section heading set in capitals is a few words; eight or more in
 * capitals between the paragraphs are another story's headline, its
 * teaser */
static bool capital_headline(const line_t *ln)
{
    return ln->nwords >= 8 && ln->nupper * 2 > ln->nalpha;
}

/* A short line of a box proved to hold the article (a section heading, a
 * list item, a short paragraph) that the class alone removed: inside the
 * guess, no link, no date, no word of a control and no headline in
 * capitals.  Its letters must outnumber twice its digits, not merely its
 * digits: a rating ("Rated 4.5/5"), a month with its year ("March 2024")
 * or a rule of dashes is the box's furniture though it holds a word,
 * while an item that names a year in a phrase ("Opened in 1998") has
 * letters to spare.  Boxes of other pages' titles never get here: they
 * hold no paragraph of the article. */
static bool boxed_line(const line_t *ln)
{
    return ln->boxed && ln->reason == box_reason(ln->boxed) && ln->hint_cand &&
           !ln->linked && !ln->link_title && !ln->link_entry && !ln->date && !ln->chrome &&
           !ln->url && !ln->phone && !ln->span_count && !(ln->cats & BOX_LINE_CATS) &&
           ln->nalpha + ln->ncjk > ln->ndigit * 2 && !capital_headline(ln);
}

/* a sentence of the box the body kept or boxed_prose took back: the
 * article's short lines lie between two of them */
static bool box_sentence(const line_t *ln)
{
    return ln->label == SCRUB_LABEL_CONTENT && ln->good && ln->hint_cand && !ln->linked;
}

/* A comment's or a footer's class marks its long sentences as the
 * thread's or the notice's (apply_hint's chrome): in a run proved to go
 * on from the body (boxed_prose) they are the article's as well. */
static bool strict_box(uint8_t box)
{
    return box == BOX_COMMENT || box == BOX_FOOTER;
}

static bool box_take_back(const line_t *ln)
{
    return ln->boxed && ln->reason == box_reason(ln->boxed) &&
           may_take_back(ln, strict_box(ln->boxed));
}

/* a sentence of the run for boxed_prose's count */
static bool box_run_sentence(const line_t *ln, bool strict)
{
    return fallback_line(ln, strict) && ln->units >= 20;
}

static void take_box(filter_state *st, const char *text, size_t a, size_t b)
{
    size_t first = SIZE_MAX, last = 0;
    for (size_t i = a; i < b; i++) {
        line_t *ln = &st->lines[i];
        if (box_take_back(ln) && !box_furniture(text, ln))
            take_back(ln, "boxed-prose");
        if (box_sentence(ln)) {
            if (first == SIZE_MAX) first = i;
            last = i;
        }
    }
    for (size_t i = first + 1; first != SIZE_MAX && i < last; i++) {
        line_t *ln = &st->lines[i];
        if (boxed_line(ln) && !box_furniture(text, ln)) {
            set_label(ln, ln->dom_heading ? SCRUB_LABEL_HEADING : SCRUB_LABEL_CONTENT, 0.5,
                      "boxed-line");
            /* a line hide_injected hid keeps its old label in injected,
             * and show_injected would put it back over this verdict */
            ln->injected = 0;
        }
    }
}

/* a blank between a box's lines; an advert's line hidden from the
 * context passes (hide_injected) is the box's own */
static bool box_gap(const line_t *ln)
{
    return reads_blank(ln) && !ln->injected;
}

/* A comment's or a footer's class over the article's last paragraphs
 * ("entry-footer-text", "commentary") must go on from the body's own
 * sentence right above it, and it ends at the first mark of a thread or
 * a footer (a date, a short line of comment or notice words: "Reply",
 * "Comments", a copyright), where the readers' words or the page's
 * notices begin under the same class. */
static bool thread_mark(const line_t *ln)
{
    return ln->date || (!(ln->good && ln->units >= 20) && (ln->cats & NOTICE_CATS));
}

static bool body_above(const filter_state *st, size_t i)
{
    while (i-- > 0) {
        const line_t *ln = &st->lines[i];
        if (reads_blank(ln)) continue;
        return !ln->boxed && ln->label == SCRUB_LABEL_CONTENT && ln->good && ln->hint_cand;
    }
    return false;
}

static FILTER_NOINLINE void boxed_prose(filter_state *st, const char *text)
{
    for (size_t i = 0; i < st->nlines;) {
        uint8_t box = st->lines[i].boxed;
        if (!box || box_gap(&st->lines[i])) {
            i++;
            continue;
        }
        size_t end = i + 1, sentences = 0, links = 0;
        bool prose = false, strict = strict_box(box);
        for (size_t k = i; k < st->nlines; k++) {
            const line_t *ln = &st->lines[k];
            if (box_gap(ln)) continue;
            if (ln->boxed != box || (strict && thread_mark(ln))) break;
            prose |= box_prose(ln) || (strict && box_run_sentence(ln, strict) && ln->units >= 40);
            sentences += box_run_sentence(ln, strict);
            links += ln->linked;
            end = k + 1;
        }
        bool proof = prose || (sentences >= 3 && links * 4 <= sentences);
        if (strict) proof = proof && links * 4 <= sentences && body_above(st, i);
        if (proof) take_box(st, text, i, end);
        i = end;
    }
}

/* "Par Jeanne Martin et ...", "Von Jana Schmidt, ...": a byline word and
 * a name of two capitalized words open the line, whatever follows (a
 * byline that goes on to its authors' desks reads like prose). */
static bool byline_opening(const char *text, const line_t *ln)
{
    const char *p = text + ln->start;
    size_t n = ln->len, i = byline_word(p, n);
    for (int names = 0; i && i < n; names++) {
        if (names == 2) return true;
        size_t b = i;
        while (i < n && p[i] != ' ' && p[i] != ',') i++;
        if (byline_token((const unsigned char *)p + b, i - b) != 1) return false;
        if (!names && i < n && p[i] == ',') return false; /* one word, then a comma */
        while (i < n && p[i] == ' ') i++;
    }
    return false;
}

/* Does line ln carry none of a byline's or a credit's marks (a date, a
 * clock, a link, a colon, a list mark, chrome or notice words)?  A table
 * cell is a row of a spec sheet or a score board, unless it lies in the
 * article guess: old sites and some CMSs set the whole article in cells. */
static bool dek_unmarked(const char *text, const line_t *ln)
{
    bool dated = ln->date || has_date(text, ln) || has_clock(text, ln) ||
                 (ln->hits[SCRUB__CAT_DATE] && ln->ndigit) ||
                 (has(ln, SCRUB__CAT_META) && cat_at(ln, SCRUB__CAT_META) <= 6) ||
                 byline_opening(text, ln);
    return !dated && !ln->linked && !ln->link_title && !ln->clock && !ln->colon && !ln->item &&
           !ln->chrome && !ln->url && !ln->phone && (!ln->tab || ln->hint_cand) &&
           !(ln->cats & NOTICE_CATS) && !ln->span_count;
}

/* A dek: the phrase that sums the story up right under its headline,
 * above the body, which a run of menu lines, the main block's edge or a
 * related class put out.  It reads as prose (eight words or more, a
 * third of them starting lower case: no name list, no title-cased teaser
 * headline) and is unmarked.  Only the line right under a kept heading:
 * a byline or a date between them is the story's meta, and what follows
 * it is the page's. */
static bool dek_shape(const char *text, const line_t *ln)
{
    return ln->nwords >= 8 && ln->nlow_init * 3 >= ln->nwords && dek_unmarked(text, ln);
}

static FILTER_NOINLINE void heading_deks(filter_state *st, const char *text)
{
    size_t lead_end = SIZE_MAX;
    for (size_t i = 0; i < st->nlines && lead_end == SIZE_MAX; i++)
        if (st->lines[i].label == SCRUB_LABEL_CONTENT && st->lines[i].good) lead_end = i;
    for (size_t i = 0; lead_end != SIZE_MAX && i < lead_end; i++) {
        if (st->lines[i].label != SCRUB_LABEL_HEADING) continue;
        size_t j = next_nonblank(st, i, false);
        if (j == SIZE_MAX || j >= lead_end) continue;
        line_t *ln = &st->lines[j];
        if (!placed_out(ln) || !dek_shape(text, ln)) continue;
        set_label(ln, SCRUB_LABEL_CONTENT, 0.4, "prose-dek");
    }
}

/* A box the page titles with a widget's own term ("Join Our Newsletter",
 * "Get Tone Deaf to your inbox daily", "View Photos") holds its pitch or
 * its slide's caption on a line or two under the title, then its next
 * control (a field, a button, a link) or the page's end: those lines
 * are the box's, even in sentences.  A line of 200 characters or more is left to
 * the article, and so is a run the article goes on after. */
static bool box_title(const line_t *ln)
{
    return ln->label == SCRUB_LABEL_WIDGET && ln->reason == ln->cat_reason[SCRUB__CAT_WIDGET] &&
           ln->units <= 8;
}

static FILTER_NOINLINE void box_pitches(filter_state *st)
{
    for (size_t i = 0; i < st->nlines; i++) {
        if (!(st->lines[i].cats & (1u << SCRUB__CAT_WIDGET)) || !box_title(&st->lines[i])) continue;
        size_t a = next_nonblank(st, i, false), b = a, n = 0;
        bool fits = true;
        while (b != SIZE_MAX && n < 3 && keep_label(st->lines[b].label)) {
            fits &= st->lines[b].nchar < 200;
            b = next_nonblank(st, b, false);
            n++;
        }
        /* a credit or a byline under a paragraph is the article's own */
        int below = b == SIZE_MAX ? SCRUB_LABEL_BLANK : st->lines[b].label;
        if (!n || n > 2 || !fits || keep_label(below) || below == CAND || below == SCRUB_LABEL_META)
            continue;
        for (size_t k = a; k < b && k < st->nlines; k++)
            if (keep_label(st->lines[k].label))
                set_label(&st->lines[k], SCRUB_LABEL_WIDGET, 0.2, "box-pitch");
    }
}

/* A box the page titles with a button's or a related marker's term alone
 * ("Related", "En ce moment") and fills with links to other stories,
 * between two paragraphs of the article: two to four kept lines right
 * under the title, each mostly anchor text and none a sentence (a
 * headline ends in no full stop), are the box's teasers (`teaser-box`).
 * A sentence, a line of 200 characters or more and a run of five or more
 * (a list the article links) are left to the article. */
static bool teaser_box_head(const line_t *ln)
{
    if (ln->units > 8) return false;
    if (ln->label == SCRUB_LABEL_WIDGET) return ln->reason == ln->cat_reason[SCRUB__CAT_BUTTON];
    return ln->label == SCRUB_LABEL_RELATED && ln->reason == ln->cat_reason[SCRUB__CAT_RELATED];
}

static bool boxed_teaser(const line_t *ln)
{
    return keep_label(ln->label) && ln->linked && !ln->good && ln->nchar < 200;
}

static FILTER_NOINLINE void teaser_boxes(filter_state *st)
{
    for (size_t i = 0; i < st->nlines; i++) {
        if (!teaser_box_head(&st->lines[i])) continue;
        size_t a = next_nonblank(st, i, false), b = a, n = 0;
        while (b != SIZE_MAX && n < 5 && boxed_teaser(&st->lines[b])) {
            b = next_nonblank(st, b, false);
            n++;
        }
        if (n < 2 || n > 4) continue;
        for (size_t k = a; k < b && k < st->nlines; k++)
            if (keep_label(st->lines[k].label))
                set_label(&st->lines[k], SCRUB_LABEL_RELATED, 0.2, "teaser-box");
    }
}

/* Below the html stage's guess at the article, a run of three or more
 * headings that each carry at most one short line under them, two of
 * them with such a line, is a box of other pages' titles and ledes
 * (more stories, other columns, recipes to try): an article's section
 * runs on for paragraphs, a teaser stops after its lede.  Links usually
 * tell such boxes apart; this reads their shape when the site draws
 * them as buttons or script routes, with no anchor text
 * (`teaser-pairs`).  A page with no guess is left alone. */
#define TEASER_LEDE_MAX 400 /* characters: a lede this long is a paragraph */

/* "Step 2", "Teil 3": a short numbered heading over one sentence is a
 * how-to's step, not a teaser's title */
static bool step_title(const line_t *ln)
{
    return ln->units < 4 && ln->ndigit;
}

/* End of the kept group the heading at h opens (the next kept heading or
 * the page's end); *nbody counts the kept lines under the heading, and
 * *long_lede tells whether one is a paragraph's length. */
static size_t teaser_group(const filter_state *st, size_t h, size_t *nbody, bool *long_lede)
{
    size_t i = h;
    *nbody = 0;
    *long_lede = false;
    while (++i < st->nlines) {
        const line_t *ln = &st->lines[i];
        if (!keep_label(ln->label)) continue;
        if (ln->label == SCRUB_LABEL_HEADING) break;
        (*nbody)++;
        *long_lede |= ln->nchar >= TEASER_LEDE_MAX;
    }
    return i;
}

static void mark_teaser_pairs(filter_state *st, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (keep_label(st->lines[k].label))
            set_label(&st->lines[k], SCRUB_LABEL_RELATED, 0.2, "teaser-pairs");
}

static FILTER_NOINLINE void teaser_pairs(filter_state *st)
{
    size_t i = SIZE_MAX;
    for (size_t k = 0; k < st->nlines; k++)
        if (st->lines[k].hint_cand) i = k;
    if (i == SIZE_MAX) return;
    size_t run = 0, with_lede = 0, start = 0;
    while (++i <= st->nlines) {
        bool head = i < st->nlines && st->lines[i].label == SCRUB_LABEL_HEADING;
        if (i < st->nlines && !head && !keep_label(st->lines[i].label)) continue;
        size_t nbody = 0, end = i;
        bool long_lede = true;
        if (head) end = teaser_group(st, i, &nbody, &long_lede);
        if (head && nbody <= 1 && !long_lede && !(nbody && step_title(&st->lines[i]))) {
            if (!run++) start = i;
            with_lede += nbody;
            i = end - 1;
            continue;
        }
        if (run >= 3 && with_lede >= 2) mark_teaser_pairs(st, start, i);
        run = with_lede = 0;
        if (head) i = end - 1;
    }
}

/* An embedded post's credit as the social widget renders it under the
 * quoted text: a dash, the author, the handle in parentheses, the date
 * ("— Name (@handle) January 24, 2020"): meta, wherever it stands. */
static bool post_credit(const char *text, const line_t *ln)
{
    const char *p = text + ln->start;
    return ln->len > 3 && memcmp(p, "\xE2\x80\x94", 3) == 0 && ln->units <= 16 &&
           holds(p, ln->len, "(@");
}

static FILTER_NOINLINE void post_credits(filter_state *st, const char *text)
{
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        if (ln->run4 && (keep_label(ln->label) || ln->label == CAND) && post_credit(text, ln))
            set_label(ln, SCRUB_LABEL_META, 0.2, "post-credit");
    }
}

static FILTER_NOINLINE void ad_slots(filter_state *st)
{
    for (size_t i = 0; i < st->nlines; i++)
        if (slot_label(&st->lines[i])) i = ad_slot(st, i);
}

/* ---- fact blocks ------------------------------------------------------ */

static bool spec_row(const char *text, const line_t *ln);
static bool spec_figure(const char *text, const line_t *ln);
static bool context_nav(const line_t *ln);

/* A live ticker's mark with its entry glued on (`45'2eme periode`,
 * `48'Mi-temps`): minutes, an apostrophe, then words. */
static bool minute_lead(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t i = 0, n = ln->len;
    while (i < n && i < 3 && s[i] >= '0' && s[i] <= '9') i++;
    if (!i || !ln->nalpha) return false;
    if (i < n && s[i] == '+')
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++) {}
    if (i < n && s[i] == '\'') i++;
    else if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x99) i += 3;
    else return false;
    /* a decade ("80's Hits") is no minute */
    return i < n && !(s[i] == 's' && (i + 1 == n || s[i + 1] == ' '));
}

/* A heat's or a lap's time as a ticker gives it (`Bieg 13 64.37 sek.`,
 * `Lap 4 1:32.5 s`): a figure with a fraction, then a unit of seconds.
 * The fraction keeps a decade ("the 80s") out. */
static bool lap_time(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len;
    for (size_t i = 1; i + 2 < n; i++) {
        if (!(s[i] == '.' || s[i] == ',') || s[i - 1] < '0' || s[i - 1] > '9') continue;
        size_t d = digits_at(s, n, i + 1);
        if (!d) continue;
        size_t u = i + 1 + d;
        if (u < n && s[u] == ' ') u++;
        size_t k = 0;
        while (u + k < n && (s[u + k] | 0x20) >= 'a' && (s[u + k] | 0x20) <= 'z') k++;
        /* s, sec, sek (Polish), Sek. (German), in any case */
        unsigned char c = k == 3 ? s[u + 2] | 0x20 : 0;
        if ((k == 1 && (s[u] | 0x20) == 's') ||
            (k == 3 && (s[u] | 0x20) == 's' && (s[u + 1] | 0x20) == 'e' && (c == 'c' || c == 'k')))
            return true;
    }
    return false;
}

/* Does a unit of time or of energy open the word at s[i]?  A card's
 * durations and its calories, in the spellings recipe cards use
 * (min, mins, minutes, Minuten; hours, hrs, Std., Stunden, heures; kcal, kJ). */
static bool card_unit_at(const unsigned char *s, size_t n, size_t i)
{
    static const char *const units[] = {"min", "hour", "hr", "std", "stund", "heure", "kcal", "kj"};
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        size_t k = 0;
        while (units[u][k] && i + k < n && (s[i + k] | 0x20) == (unsigned char)units[u][k]) k++;
        if (!units[u][k]) return true;
    }
    return false;
}

/* A recipe card's field: a label, then a figure with a duration or an
 * energy, and nothing after but the unit's other spelling
 * (`Prep Time 20 minutes mins`, `Kalorien 158 kcal`).  A label must come
 * first, so a post's "5 min read" is none; "Updated 3 hours ago" has a
 * word after its unit. */
static bool card_figure(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len, i = 0;
    if (!ln->ndigit || !ln->ncap_init || n < 4 || (s[0] >= '0' && s[0] <= '9')) return false;
    while (i < n && !(s[i] >= '0' && s[i] <= '9')) i++;
    if (i == 0 || s[i - 1] != ' ') return false;
    i += digits_at(s, n, i);
    if (i < n && s[i] == ' ') i++;
    if (i >= n || !card_unit_at(s, n, i)) return false;
    size_t spaces = 0, last = 0;
    for (; i < n; i++)
        if (s[i] == ' ') spaces++, last = i + 1;
    return spaces == 0 || (spaces == 1 && card_unit_at(s, n, last));
}

/* Lexicon categories of page furniture: a line that names one is no
 * fact of the article, however it is shaped. */
#define FURNITURE_CATS                                                                    \
    ((1u << SCRUB__CAT_FOOTER) | (1u << SCRUB__CAT_NAV) | (1u << SCRUB__CAT_META) |        \
     (1u << SCRUB__CAT_WIDGET) | (1u << SCRUB__CAT_RELATED) | (1u << SCRUB__CAT_SOCIAL) |  \
     (1u << SCRUB__CAT_BUTTON) | (1u << SCRUB__CAT_COMMENT) | (1u << SCRUB__CAT_THREAD) |  \
     (1u << SCRUB__CAT_CTA) | (1u << SCRUB__CAT_CONTACT))

/* A short unlinked line that context made a menu item, that no lexicon
 * marks as furniture, gives no date (a dateline's) and sits in no box
 * class (a share, related, comment, footer or sidebar box's facts are
 * the box's) and is no pitch (a ticker's "Watch the video ..." between
 * its entries): what a fact block is made of. */
static bool fact_candidate(const line_t *ln)
{
    return context_nav(ln) && !ln->linked && !ln->link_title && ln->units && ln->units <= 12 &&
           !(ln->cats & FURNITURE_CATS) && !ln->date && !ln->boxed && !ln->pitch_why;
}

/* `Thursday April 2`, `Sa. 14. März`: a day named in words with its
 * figure and no year (a fact candidate gives none). */
static bool day_in_words(const line_t *ln)
{
    return has(ln, SCRUB__CAT_DATE) && ln->ndigit && ln->ndigit <= 2;
}

/* The facts of the run [i, j): figures with their units and minutes
 * with their entries; fields with their values (`Stadium: X`) and labels
 * that end with a colon together with the value lines under them when
 * there are two of a kind or more: a card gives several fields, while
 * one field after the body is a credit ("Source: X") and one lead-in over
 * a title is a box's ("Editors recommend:"); days in words over their
 * places (a tour's dates) when there are two or more.  A label over another label
 * or over a field is a prompt or a heading over a list (a poll's "Vote:"
 * over its question, "Archive:" over "Video: ..." titles). */
static size_t run_facts(const filter_state *st, const char *text, size_t i, size_t j)
{
    size_t shaped = 0, fields = 0, pairs = 0, dates = 0, cards = 0;
    for (size_t k = i; k < j; k++) {
        const line_t *ln = &st->lines[k];
        if (ln->label == SCRUB_LABEL_BLANK) continue;
        size_t v = next_nonblank(st, k, false);
        if (spec_figure(text, ln) || minute_lead(text, ln) || lap_time(text, ln)) {
            shaped++;
        } else if (spec_row(text, ln)) {
            fields++;
        } else if (card_figure(text, ln)) {
            cards++;
        } else if (ln->colon && v < j && !st->lines[v].colon && !field_prefix(text, &st->lines[v])) {
            pairs++;
            k = v;
        } else if (day_in_words(ln) && v < j && !day_in_words(&st->lines[v])) {
            dates++;
            k = v;
        }
    }
    return shaped + (fields >= 2 ? fields : 0) + (pairs >= 2 ? 2 * pairs : 0) +
           (dates >= 2 ? 2 * dates : 0) + (cards >= 2 ? cards : 0);
}

/* Another page's title as a teaser list sets it: five words or more,
 * capitalised twice as often as not ("Samsung Launches 870 QVO SSDs in
 * Capacities Up to 8TB"), no field of its own. */
static bool title_case_line(const char *text, const line_t *ln)
{
    return ln->nwords >= 5 && ln->ncap_init >= 2 * ln->nlow_init && !spec_row(text, ln);
}

/* Is line p, over the run that starts at line i, a live ticker's stamp
 * (`19:16`), or a video pitch the ticker set between its stamp and the
 * entry?  A run that starts in lower case goes on with the pitch's
 * sentence (a hard wrap), no entry of its own. */
static bool ticker_stamp(const filter_state *st, const char *text, size_t p, size_t i)
{
    unsigned char c = (unsigned char)text[st->lines[i].start];
    if (p != SIZE_MAX && st->lines[p].pitch_why) {
        if (c >= 'a' && c <= 'z') return false;
        p = prev_nonblank(st, p, false);
    }
    return p != SIZE_MAX && clock_alone(text, &st->lines[p]);
}

/* Does the line end with a wiki's citation mark (`Charm[1]`)? */
static bool cited_value(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len, d = 0;
    if (n < 4 || s[n - 1] != ']') return false;
    while (d + 2 < n && s[n - 2 - d] >= '0' && s[n - 2 - d] <= '9') d++;
    return d && d <= 3 && s[n - 2 - d] == '[' && n > d + 2;
}

/* A wiki's infobox inside the html stage's guess at the article, under a
 * class the stage reads as a related box: labels and values on lines of
 * their own, no colons (`Incantation` / `Aguamenti[1]` / `Type` /
 * `Charm[1]`).  The values cite their sources; a list of other pages
 * cites none.  A run of such short lines, three cited or more and one in
 * three at least, with the body's first kept line right under it or
 * under one more line (the box's `[Source]` link), is the article's.
 * Returns the line after the run. */
/* A line of such a box: a short line inside the guess, removed for the
 * related class alone, no field (no colon); a line in brackets is the
 * box's own link (`[Source]`), none of its facts. */
static bool infobox_line(const char *text, const line_t *ln)
{
    return ln->label == SCRUB_LABEL_RELATED && ln->reason == R_HINT_RELATED && ln->hint_cand &&
           ln->units <= 12 && !ln->colon && text[ln->start] != '[';
}

static size_t cited_box(filter_state *st, const char *text, size_t i)
{
    size_t j = i, lines = 0, cited = 0;
    for (; j < st->nlines && lines <= 16; j++) {
        const line_t *ln = &st->lines[j];
        if (ln->label == SCRUB_LABEL_BLANK) continue;
        if (!infobox_line(text, ln)) break;
        cited += cited_value(text, ln);
        lines++;
    }
    size_t next = next_nonblank(st, j - 1, false);
    if (next != SIZE_MAX && !keep_label(st->lines[next].label) && st->lines[next].units <= 2)
        next = next_nonblank(st, next, false);
    bool framed = next != SIZE_MAX && keep_label(st->lines[next].label) && st->lines[next].hint_cand;
    if (framed && lines <= 16 && cited >= 3 && cited * 3 >= lines)
        for (size_t k = i; k < j; k++)
            if (st->lines[k].label != SCRUB_LABEL_BLANK)
                set_label(&st->lines[k], SCRUB_LABEL_CONTENT, 0.55, "fact-block");
    return j;
}

/* Does the line name a price (a currency sign)?  An advert's fields
 * (`Prix : 250 000 €`) are shaped like a match's. */
static bool names_price(const char *text, const line_t *ln)
{
    const char *p = text + ln->start;
    return memchr(p, '$', ln->len) || holds(p, ln->len, "\xE2\x82\xAC") ||
           holds(p, ln->len, "\xC2\xA3");
}

/* Are p[0, n) and q[0, n) the same, ASCII case folded? */
static bool same_ci(const char *p, const char *q, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if ((p[k] | 0x20) != (q[k] | 0x20)) return false;
    return true;
}

/* The fields of the run [i, j) under labels of their own (`Horaires :
 * 17h00` / `STADE : ...` / `ARBITRE : ...`): a field whose label repeats
 * the one before is a list's, and a price makes the run an advert's. */
static size_t distinct_fields(const filter_state *st, const char *text, size_t i, size_t j)
{
    size_t fields = 0, prev_n = 0;
    const char *prev = NULL;
    for (size_t k = i; k < j; k++) {
        const line_t *ln = &st->lines[k];
        if (ln->label == SCRUB_LABEL_BLANK) continue;
        if (names_price(text, ln)) return 0;
        size_t f = field_prefix(text, ln);
        if (!f || f >= ln->len) continue;
        const char *name = text + ln->start;
        if (prev && f == prev_n && same_ci(name, prev, f)) continue;
        fields++, prev = name, prev_n = f;
    }
    return fields;
}

/* Is the body's first kept line below the run that ends before line j,
 * with only a menu's short items (a match page's tabs, its score) between?
 * A run of the page's head with nothing kept above it is framed so. */
static bool body_below(const filter_state *st, size_t j)
{
    size_t seen = 0;
    for (size_t k = j; k < st->nlines && seen <= 10; k++) {
        const line_t *ln = &st->lines[k];
        if (ln->label == SCRUB_LABEL_BLANK) continue;
        if (keep_label(ln->label)) return true;
        if (ln->units > 4) return false;
        seen++;
    }
    return false;
}

/* A recipe's card, a match's facts, a ticker's glued marks, a how-to's
 * `Label:` over its command: short unlinked lines that context took for
 * a menu because they are short.  A run of them (eight lines at most)
 * that touches a kept line of the body inside the html stage's guess at
 * the article, or sits between two kept lines outside it, half of it or
 * more of a fact's shape, is the article's; a menu's items name no
 * figures, fields or minutes.  Outside the guess one kept neighbour is
 * not enough: a byline's `By: Name` / `From: Paper` over the body has a
 * field's shape; only a live ticker's stamp stands for the line above
 * (its entries are short, one fact among them is enough).  A wiki's
 * infobox the stage put under a related class is read apart
 * (`cited_box`).  A match's facts in the page's head, between the site's
 * menu and the match page's tabs, have no kept line beside them: three
 * fields under labels of their own and the body right under the tabs
 * stand for the frame (`head-facts`).  Furniture lexicons, links, lists of titles (which
 * name figures: "... Up to 8TB"), and anything an end mark or a share
 * row cuts off (no kept line beside it) stay out. */
static FILTER_NOINLINE void fact_blocks(filter_state *st, const char *text)
{
    for (size_t i = 0; i < st->nlines; i++) {
        /* most lines: their label alone, no call */
        const line_t *at = &st->lines[i];
        if (at->label == SCRUB_LABEL_RELATED && infobox_line(text, at)) {
            i = cited_box(st, text, i) - 1;
            continue;
        }
        if (at->label != SCRUB_LABEL_NAV || !fact_candidate(at)) continue;
        size_t j = i, lines = 0, titles = 0;
        bool inside = true, after = false, before = false;
        for (; j < st->nlines; j++) {
            const line_t *ln = &st->lines[j];
            if (ln->label == SCRUB_LABEL_BLANK) continue;
            if (!fact_candidate(ln)) break;
            inside &= ln->hint_cand;
            titles += title_case_line(text, ln);
            after |= ln->reason == R_AFTER;
            before |= ln->reason == R_BEFORE;
            lines++;
        }
        size_t p = prev_nonblank(st, i, false), next = j < st->nlines ? j : SIZE_MAX;
        bool above = p != SIZE_MAX && keep_label(st->lines[p].label);
        bool below = next != SIZE_MAX && keep_label(st->lines[next].label);
        /* a live ticker's entry hangs under its stamp (`19:16`), which
         * no rule keeps: the stamp stands in for the kept line above */
        bool stamped = !above && ticker_stamp(st, text, p, i);
        /* past the body's end (an end mark, a share row) a run joins it
         * only from above, before its start only from below */
        bool framed = inside ? (above || below) && (above || !after) && (below || !before)
                             : (above || stamped) && below;
        /* a match's facts in the page's head, between its menus: three
         * fields under labels of their own, the body right below */
        bool sheet = !framed && !inside && !above && before && lines <= 8 && titles < 2 &&
                     body_below(st, j);
        size_t fields = sheet ? distinct_fields(st, text, i, j) : 0;
        if (fields >= 3 && fields * 2 >= lines)
            for (size_t k = i; k < j; k++)
                if (st->lines[k].label != SCRUB_LABEL_BLANK)
                    set_label(&st->lines[k], SCRUB_LABEL_CONTENT, 0.55, "head-facts");
        /* two titles make a list of other pages, figures in them or not */
        size_t facts = framed && lines <= 8 && titles < 2 ? run_facts(st, text, i, j) : 0;
        /* under a stamp one fact makes the entry: the stamp is the rest */
        if (facts && (facts * 2 >= lines || (stamped && !inside)))
            for (size_t k = i; k < j; k++)
                if (st->lines[k].label != SCRUB_LABEL_BLANK)
                    set_label(&st->lines[k], SCRUB_LABEL_CONTENT, 0.55, "fact-block");
        i = j - 1;
    }
}

static int context_pass(filter_state *st, const char *text, const scrub_linestats *stats,
                        int64_t min_pages)
{
    size_t cap = 64;
    while (cap < st->nlines * 2) cap <<= 1;
    uint64_t *set = scrub__calloc(cap, sizeof *set);
    if (!set) return SCRUB_E_NOMEM;
    if (stats) cross_page(st, stats, min_pages);
    size_t first = SIZE_MAX, last = 0;
    /* a list's entries are told from a menu's by their links: the DOM's */
    if (st->have_hints) {
        numbered_lists(st, text);
        field_lists(st, text);
    }
    post_credits(st, text);
    related_blocks(st, text);
    if (st->ncut >= 4) teaser_runs(st, text);
    comment_blocks(st);
    comment_units(st);
    if (st->nago) lone_units(st);
    size_t titles = contents_table(st, text);
    if (st->npinyin >= 4) pinyin_verse(st);
    if (st->whole_page) {
        ad_slots(st);
        mark_teasers(st);
        comment_stream(st);
    }
    /* a table of contents under the lead is no gap in the body: the
     * clusters read it as blank lines */
    if (titles) hide_toc(st, SCRUB_LABEL_BLANK);
    bool found = main_block(st, &first, &last);
    if (found && comment_section(st, first)) found = main_block(st, &first, &last);
    if (titles) hide_toc(st, SCRUB_LABEL_NAV);
    if (found) {
        last = clip_at_editor(st, text, first, last);
        last = clip_at_end_mark(st, text, first, last);
        last = clip_at_pager(st, text, first, last);
        last = closing_lines(st, text, first, last);
        last = appended_advert(st, text, first, last);
        last = title_tail(st, first, last);
        size_t body_end = last;
        if (titles) last = listed_sections(st, last);
        if (st->nheld) held_markers(st, text, first, last);
        bool headline = sentence_headline(st, first);
        demote_outside(st, first, last);
        score_boards(st, text, first, last);
        resolve_inside(st, text, first, last);
        /* after the runs are framed: a widget's phrase under the links
         * stays what the body's runs made it */
        if (titles) listed_links(st, first, last);
        section_numbers(st, text, first, last);
        minute_marks(st, text, first, last);
        resolve_edges(st, text, first, last, headline, last != body_end);
        if (st->have_hints) repeated_sheets(st);
        footer_tail(st, last);
        if (st->whole_page) outside_article(st);
        if (st->whole_page) candidate_sentences(st);
        if (st->whole_page) candidate_fallback(st);
        if (st->have_hints) boxed_prose(st, text);
        if (st->whole_page) heading_deks(st, text);
        if (st->whole_page) box_pitches(st);
        if (st->whole_page) teaser_boxes(st);
        if (st->whole_page) teaser_pairs(st);
        if (st->have_hints) fact_blocks(st, text);
    }
    if (st->ndated) dated_stamps(st);
    repeats(st, set, cap, first, last);
    scrub__free(set);
    if (!found) title_list(st, text);
    return SCRUB_OK;
}

/* ---- spec rows ---------------------------------------------------------- */

/* Units a product's spec sheet gives its figures in, with their lengths
 * (the Chinese ones, 毫米 ... 位: data/lexicon/words.txt's spec_unit).
 * ASCII ones must not run on into a word (5 Vision), so the longer
 * spelling comes first. */
#define U(s) {s, sizeof s - 1}
static const struct {
    const char *s;
    uint8_t n;
} spec_units[] = {
    U("mAh"), U("mA"), U("mm"), U("cm"), U("km"), U("kg"), U("mg"), U("ml"), U("mL"), U("nm"),
    U("MHz"), U("GHz"), U("kHz"), U("Hz"), U("KB"), U("MB"), U("GB"), U("TB"), U("kW"), U("W"),
    U("V"), U("dB"), U("\xE2\x84\x83") /* ℃ */, U("\xC2\xB0") /* ° */, U("\xC3\x97") /* × */,
    /* a recipe's quantities: its ingredients are its sheet (40 g Butter, 2 TL Brühe) */
    U("g"), U("tbsp"), U("tsp"), U("oz"), U("EL"), U("TL")};
#undef U

/* Does a figure with a unit follow the digit that ends at i? */
static bool unit_at(const unsigned char *s, size_t n, size_t i)
{
    if (i < n && s[i] == ' ') i++;
    if (i >= n) return false;
    for (size_t u = 0; u < sizeof spec_units / sizeof *spec_units; u++) {
        size_t k = spec_units[u].n;
        const unsigned char *w = (const unsigned char *)spec_units[u].s;
        if (w[0] != s[i] || i + k > n || memcmp(s + i, w, k) != 0) continue;
        if (w[0] >= 0x80 || i + k == n || !((s[i + k] | 0x20) >= 'a' && (s[i + k] | 0x20) <= 'z'))
            return true;
    }
    if (s[i] < 0x80) return false; /* spec_unit's words are Chinese */
    for (size_t u = 0; u < SCRUB__WORDS_SPEC_UNIT_N; u++) {
        size_t k = scrub__words_spec_unit_len[u];
        const char *w = scrub__words_spec_unit[u];
        if ((unsigned char)w[0] == s[i] && i + k <= n && memcmp(s + i, w, k) == 0) return true;
    }
    return false;
}

/* 120MHz, 2.4V ~ 3.6V, 202×85×168（mm）, 12位: a figure with its unit. */
static bool spec_figure(const char *text, const line_t *ln)
{
    if (!ln->ndigit) return false;
    const unsigned char *s = (const unsigned char *)text + ln->start;
    for (size_t i = 0; i + 1 < ln->len; i++)
        if (s[i] >= '0' && s[i] <= '9' && !(s[i + 1] >= '0' && s[i + 1] <= '9') &&
            s[i + 1] != '.' && unit_at(s, ln->len, i + 1))
            return true;
    return false;
}

/* A line that context, not a marker, made a menu item. */
static bool context_nav(const line_t *ln)
{
    return ln->label == SCRUB_LABEL_NAV &&
           (ln->reason == R_SHORT_RUN || ln->reason == R_AFTER || ln->reason == R_BEFORE);
}

/* A row of a spec sheet beside its figures: a field and its value
 * (ERTC：增强型RTC). */
static bool spec_row(const char *text, const line_t *ln)
{
    size_t f = field_prefix(text, ln);
    return f && f < ln->len;
}

/* The rows of a spec sheet (主频最高120MHz / 16KB SRAM / LQFP48 7 x 7 mm)
 * are short and unpunctuated, so context takes a run of them for a menu;
 * a menu's items give no figures with units.  A run of three or more such
 * lines up to its last figure, half of them rows, that touches the body
 * is the body's list (the links after its last figure stay a menu). */
static FILTER_NOINLINE void spec_run(filter_state *st, const char *text, size_t start, size_t j)
{
    size_t p = prev_nonblank(st, start, false), next = next_nonblank(st, j - 1, false);
    bool body_before = keeps_at(st, p);
    /* most menus are far from the body: no row is read */
    if (!body_before && (next == SIZE_MAX || !keep_label(st->lines[next].label))) return;
    size_t lines = 0, rows = 0, end = start, n = 0, gap = 0;
    /* a sheet has no six lines in a row without a figure or a field: the
     * long link lists after an article are left after their first lines */
    for (size_t k = start; k < j && gap < 6; k++) {
        if (st->lines[k].label == SCRUB_LABEL_BLANK) continue;
        lines++;
        /* a line wholly of anchor text is another page's title, though
         * it names a figure (Up to 8TB) */
        bool linked = st->lines[k].link_title;
        bool figure = !linked && spec_figure(text, &st->lines[k]);
        bool row = figure || (!linked && spec_row(text, &st->lines[k]));
        rows += row;
        gap = row ? 0 : gap + 1;
        /* the run ends at a figure: "下一个：..." after the sheet is a link */
        if (figure && rows * 2 >= lines) end = k + 1, n = lines;
    }
    if (n < 3 || (!body_before && end < j)) return;
    for (size_t k = start; k < end; k++)
        if (st->lines[k].label != SCRUB_LABEL_BLANK)
            set_label(&st->lines[k], SCRUB_LABEL_CONTENT, 0.55, "spec-rows");
}

/* A Chinese page with no body whose lines are short titles one under
 * another, six or more, is a list of links to other pages -- a search or
 * tag page's results; only the page's first line, its own title, stays a
 * heading.  A spec sheet's rows (fields, figures with units) are not
 * titles: a run of which more than one in four is such a row is left
 * alone.  A line of another script without a sentence shape may be prose
 * the shapes miss: it ends the run. */
static FILTER_NOINLINE void title_list(filter_state *st, const char *text)
{
    size_t start = 0, count = 0, rows = 0, first = next_nonblank(st, SIZE_MAX, false);
    for (size_t i = 0; i <= st->nlines; i++) {
        const line_t *ln = i < st->nlines ? &st->lines[i] : NULL;
        if (ln && ln->label == SCRUB_LABEL_BLANK) continue;
        if (ln && ln->label == CAND && ln->ncjk > ln->nwords && ln->units <= 40) {
            if (!count++) start = i, rows = 0;
            rows += spec_figure(text, ln) || spec_row(text, ln);
            continue;
        }
        for (size_t k = start; count >= 6 && rows * 4 <= count && k < i; k++)
            if (k != first && st->lines[k].label == CAND)
                set_label(&st->lines[k], SCRUB_LABEL_RELATED, 0.2, "title-list");
        count = 0;
    }
}

/* Without context (or without any sentence), a candidate is a heading
 * when it has some text, else navigation.  The same walk finds the runs
 * of context menus that may be spec sheets (spec_run): one loop over the
 * lines instead of two. */
static void resolve_alone(filter_state *st, const char *text)
{
    size_t start = 0, count = 0, n = st->nlines;
    for (size_t i = 0; i < n; i++) {
        line_t *ln = &st->lines[i];
        if (ln->label == CAND) {
            if (ln->units >= 5) set_label(ln, SCRUB_LABEL_HEADING, 0.5, "short-alone");
            else set_label(ln, SCRUB_LABEL_NAV, 0.3, "short-alone");
        }
        if (ln->label == SCRUB_LABEL_NAV && context_nav(ln)) {
            if (!count++) start = i;
            continue;
        }
        if (ln->label == SCRUB_LABEL_BLANK || !count) continue;
        if (count >= 3) spec_run(st, text, start, i);
        count = 0;
    }
    if (count >= 3) spec_run(st, text, start, n);
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

/* Does a spam term of line li occur in a sentence the page keeps, with no
 * span cut out of it?  Then the article is about it (澳门 in a report on
 * Macau): a subheading that names it is the article's. */
static bool article_term(const filter_state *st, const char *text, size_t li)
{
    const line_t *ln = &st->lines[li];
    for (size_t k = 0; k < ln->match_count; k++) {
        const match_t *m = &st->matches[ln->match_first + k];
        if (!((1u << m->cat) & SPAM_CATS)) continue;
        for (size_t j = 0; j < st->nlines; j++) {
            const line_t *o = &st->lines[j];
            if (j == li || !o->good || o->span_count || !keep_label(o->label) ||
                !(o->cats & (1u << m->cat)))
                continue;
            if (line_holds(text, o, text + m->start, m->end - m->start)) return true;
        }
    }
    return false;
}

/* The rules that name a line the page's own title or a title of its
 * parts: the spam-page rules leave those lines alone.  Named one by one
 * so that a new reason with "title" in it changes nothing by accident. */
static bool title_reason(const char *reason)
{
    static const char *const names[] = {"title",     "title-alone", "title-part", "subtitle",
                                        "hint:title", "sheet-title", "table-title"};
    if (!reason) return false;
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (strcmp(reason, names[k]) == 0) return true;
    return false;
}

/* On a page that injects spam (two lines of evidence), a line kept as a
 * subheading or a fragment that holds a spam term is more of it (an
 * address line, a brand the lexicon knows only as a weak word: 澳门葡京赌场,
 * 太阳城集团); sentences stay, their brands are spans, and so does the
 * page's title (a hacked news page on Macau keeps 澳门 in its title; a
 * farm's title with a strong brand is an advert already).  A page without
 * that evidence (news on a lottery or a hospital) keeps such lines. */
static void spam_page_terms(filter_state *st, const char *text)
{
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        if (!keep_label(ln->label) || ln->good || ln->span_count || !(ln->cats & SPAM_CATS))
            continue;
        if (ln->hint_title || ln->dom_heading || title_reason(ln->reason))
            continue;
        if (article_term(st, text, i)) continue;
        set_label(ln, SCRUB_LABEL_AD, 0.05, "spam-page-term");
    }
}

/* ---- keyword fragments -------------------------------------------------- */

/* Does the page inject spam?  Two lines show it: adverts and stuffing
 * from the lexicons, brands inside sentences (spans need a spam hit),
 * keyword slots.  Most lines have no spam hit: one test each. */
static bool spam_page(const filter_state *st)
{
    size_t n = 0;
    for (size_t i = 0; i < st->nlines && n < 2; i++) {
        const line_t *ln = &st->lines[i];
        n += ln->slot || (SCRUB_UNLIKELY(ln->cats & SPAM_CATS) &&
                          (ln->label == SCRUB_LABEL_AD || ln->label == SCRUB_LABEL_SPAM ||
                           ln->span_count));
    }
    return n >= 2;
}

/* Does a pair of Han characters of line ln occur anywhere else? */
static bool shares_bigram(const char *text, size_t len, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    for (size_t i = 0; i + 6 <= ln->len; i += 3) {
        if (s[i] < 0xE3 || s[i] > 0xE9 || s[i + 3] < 0xE3 || s[i + 3] > 0xE9) {
            i -= 2; /* step one byte: the loop adds three */
            continue;
        }
        for (const char *p = text; (p = memchr(p, s[i], len - (size_t)(p - text)));) {
            size_t at = (size_t)(p - text);
            if (at + 6 > len) break;
            bool self = at >= ln->start && at < ln->start + ln->len;
            if (!self && memcmp(p, s + i, 6) == 0) return true;
            p++;
        }
    }
    return false;
}

/* A pitch (pitch.txt: a paywall's offer, a call for writers, a video
 * player's consent request, an author box's link to other posts) the
 * filter kept as the article's: read after every rule that frames runs
 * by kept neighbours, so a pitch among the article's lines still frames
 * them.  The term decides at the line's start (no letter before it) on
 * a line of a few sentences, or on a short line outside the html stage's
 * guess at the article; a longer line, or one inside the guess with words
 * before the term, is the article's own prose quoting it. */
static bool pitch_line(const char *text, const line_t *ln)
{
    if (!ln->pitch_why || !keep_label(ln->label) || ln->len >= 200) return false;
    if (!has_letter((const unsigned char *)text + ln->start, 0, ln->pitch_at))
        return ln->units <= 40;
    return ln->units <= 16 && !ln->hint_cand;
}

/* A box's title set as a pitch of its own ("Published by", "Follow
 * Author"): the short lines around it, outside the article, are the box's
 * (the author's name, rank or date). */
static bool pitch_title(const line_t *ln)
{
    return ln->pitch_why && ln->reason == ln->pitch_why && ln->units <= 4;
}

static bool box_name(const line_t *ln)
{
    return keep_label(ln->label) && !ln->good && !ln->hint_cand && ln->units <= 4;
}

/* Is a pitch title within two lines of line i, none of them kept? */
static bool near_pitch_title(const filter_state *st, size_t i)
{
    for (int dir = -1; dir <= 1; dir += 2) {
        size_t k = i;
        for (int seen = 0; seen < 2;) {
            k = dir < 0 ? prev_nonblank(st, k, false) : next_nonblank(st, k, false);
            if (k == SIZE_MAX) break;
            if (pitch_title(&st->lines[k])) return true;
            if (keep_label(st->lines[k].label)) break;
            seen++;
        }
    }
    return false;
}

static void pitch_lines(filter_state *st, const char *text)
{
    for (size_t i = 0; i < st->nlines; i++)
        if (pitch_line(text, &st->lines[i]))
            set_label(&st->lines[i], SCRUB_LABEL_WIDGET, 0.1, st->lines[i].pitch_why);
    for (size_t i = 0; i < st->nlines; i++)
        if (box_name(&st->lines[i]) && near_pitch_title(st, i))
            set_label(&st->lines[i], SCRUB_LABEL_WIDGET, 0.1, R_PITCH_BOX);
}

/* On a page that injects spam (two lines of evidence or more), a short
 * heading whose words the page never uses again is a keyword pasted
 * between stitched paragraphs (袋鼠皮革, 绿板), not a subheading of them. */
static void keyword_fragments(filter_state *st, const char *text, size_t len)
{
    if (!spam_page(st)) return;
    spam_page_terms(st, text);
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        if (ln->label != SCRUB_LABEL_HEADING || ln->hint_title || ln->dom_heading) continue;
        if (ln->units > 10 || ln->ncjk < 2 || ln->ncjk < ln->nwords || ln->term || ln->qterm)
            continue;
        if (title_reason(ln->reason)) continue;
        if (!shares_bigram(text, len, ln))
            set_label(ln, SCRUB_LABEL_SPAM, 0.1, "keyword-fragment");
    }
}

/* ---- document score ----------------------------------------------------- */

/* 北京治疗白癜风最好的医院 http://m.39.net/...: a hospital advert with its
 * link or hotline outside the article is injected by a farm, wherever it
 * sits (the gambling brand outside the article counts the same way). */
static bool hospital_ad(const line_t *ln)
{
    return (ln->label == SCRUB_LABEL_AD || ln->label == SCRUB_LABEL_SPAM) &&
           strong(ln, SCRUB__CAT_MEDSEO) && (ln->url || ln->phone);
}

/* ---- a farm's template, lexicon or not --------------------------------- */

static double capped(size_t n, size_t cap)
{
    return (double)(n < cap ? n : cap);
}

/* Is b[0, n) one Han character, or punctuation alone (‘ ’ “ ”)? */
static bool keyword_shard(const unsigned char *b, size_t n)
{
    if (n == 3 && b[0] >= 0xE4 && b[0] <= 0xE9) return true;
    return n == 3 && b[0] == 0xE2 && b[1] == 0x80 && b[2] >= 0x98 && b[2] <= 0x9D;
}

/* 本文关键词：娃娃,菜炒,香菇,炒,牛肉,泡椒,炒香,干: a farm's keyword field
 * filled by a word segmenter run over the title: eight pieces or more,
 * two of them a lone character or a lone quote mark, four of them words.
 * An editor's tags are words; a list of provinces (京,津,冀) has no
 * words. */
static bool segmented_keywords(const char *text, const line_t *ln, size_t f)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t pieces = 0, shards = 0, words = 0, b = f;
    for (size_t i = f; i <= ln->len; i++) {
        bool comma = i == ln->len || s[i] == ',' ||
                     (i + 3 <= ln->len && memcmp(s + i, "\xEF\xBC\x8C", 3) == 0);
        if (!comma) continue;
        pieces++;
        shards += keyword_shard(s + b, i - b);
        words += i - b >= 6;
        if (i < ln->len && s[i] != ',') i += 2;
        b = i + 1;
    }
    return pieces >= 8 && shards >= 2 && words >= 4;
}

/* Is the field name p[0, f) a summary's (摘要, 描述)? */
static bool digest_field(const char *p, size_t f)
{
    for (size_t i = 0; i + 6 <= f; i += 3)
        if (!memcmp(p + i, "摘要", 6) || !memcmp(p + i, "描述", 6)) return true;
    return false;
}

/* May line ln, whose field name is f bytes, be a summary field long
 * enough to be compared? */
static bool digest_line(const char *text, const line_t *ln, size_t f)
{
    return f && f <= 18 && ln->len >= f + 36 && ln->ncjk >= 20 && digest_field(text + ln->start, f);
}

/* 本文摘要：X / X: a summary field whose text opens another line of the
 * page word for word (its first 36 bytes), a farm's template that pastes
 * the article's first paragraph twice. */
static bool copied_digest(const filter_state *st, const char *text, size_t li, size_t f)
{
    const line_t *ln = &st->lines[li];
    const char *key = text + ln->start + f;
    for (size_t j = 0; j < st->nlines; j++) {
        const line_t *o = &st->lines[j];
        if (j != li && o->len >= 36 && memcmp(text + o->start, key, 36) == 0) return true;
    }
    return false;
}

/* The fields a farm's brand fills: its site, app, login, sign-up. */
static size_t brand_suffix(const unsigned char *s, size_t n)
{
    static const char *const words[] = {"官网", "官網", "官方", "手机版", "手機版", "登录",
                                        "登錄", "登入", "下载", "下載", "注册", "註冊",
                                        "开户", "開戶", "网址", "網址", "中文版"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t w = strlen(words[k]);
        if (w <= n && memcmp(s, words[k], w) == 0) return w;
    }
    return 0;
}

/* Lower-case words of a site's own fields (www, app下载): no brand. */
static bool common_token(const unsigned char *s, size_t n)
{
    static const char *const words[] = {"www", "app", "apk", "wap", "web", "ios", "wifi"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strlen(words[k]) == n && memcmp(words[k], s, n) == 0) return true;
    return false;
}

/* bxt105手机版登录, js777官网, yabo下载: a lower-case Latin/digit token no
 * word of a language (three characters or more) glued to a Han field of
 * the farm's brand.  Acronyms (QQ登录, APP下载) are upper case. */
static bool brand_field(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text + ln->start;
    size_t n = ln->len;
    for (size_t i = 0; i < n;) {
        if (!ascii_alnum(s[i]) || (i && ascii_alnum(s[i - 1]))) {
            i++;
            continue;
        }
        size_t e = i;
        bool letter = false, upper = false;
        for (; e < n && ascii_alnum(s[e]); e++) {
            letter = letter || (s[e] >= 'a' && s[e] <= 'z');
            upper = upper || (s[e] >= 'A' && s[e] <= 'Z');
        }
        if (letter && !upper && e - i >= 3 && !common_token(s + i, e - i) &&
            brand_suffix(s + e, n - e))
            return true;
        i = e;
    }
    return false;
}

/* The field name's length when line ln may be a keyword field (twelve
 * Han characters, seven separators or more), else 0. */
static size_t keyword_field(const char *text, const line_t *ln)
{
    return ln->ncjk >= 12 && ln->nsep >= 7 ? field_prefix(text, ln) : 0;
}

/* A farm's template prints its summary field once or twice; a page of
 * many is a listing whose every teaser has one.  Each field read is a
 * pass over the page, so only the first few are: the check stays linear
 * on a page of thousands of summary fields. */
#define DIGESTS_READ 4

/* Does a summary field copy another line?  Read only when it decides:
 * the rest of the evidence is short of the threshold by one point or
 * less. */
static bool any_copied_digest(const filter_state *st, const char *text)
{
    size_t read = 0;
    for (size_t i = 0; i < st->nlines && read < DIGESTS_READ; i++) {
        const line_t *ln = &st->lines[i];
        if (!ln->good || ln->ncjk < 20) continue;
        size_t f = field_prefix(text, ln);
        if (!digest_line(text, ln, f)) continue;
        if (copied_digest(st, text, i, f)) return true;
        read++;
    }
    return false;
}

/* May line ln hold a brand field: a short line, no sentence, with a
 * lower-case letter and a Han character? */
static bool brand_field_line(const line_t *ln)
{
    return ln->nalpha > ln->nupper && ln->ncjk && ln->units <= 40 && !ln->good;
}

/* Template evidence of a farm the lexicon need not know: a segmented
 * keyword field, a copied digest, brand fields on two lines or more. */
typedef struct {
    size_t segmented, digest, branded;
} farm_shape;

/* Which slot of a farm's template line ln fills, if any.  Inlined:
 * farm_shapes reads it for every line of every page. */
typedef enum { SLOT_NONE, SLOT_KEYWORDS, SLOT_BRAND } template_slot;

static ALWAYS_INLINE template_slot slot_of(const char *text, const line_t *ln)
{
    size_t f = keyword_field(text, ln);
    if (f && segmented_keywords(text, ln, f)) return SLOT_KEYWORDS;
    if (brand_field_line(ln) && brand_field(text, ln)) return SLOT_BRAND;
    return SLOT_NONE;
}

static farm_shape farm_shapes(const filter_state *st, const char *text)
{
    farm_shape fs = {0, 0, 0};
    for (size_t i = 0; i < st->nlines; i++) {
        const line_t *ln = &st->lines[i];
        if (ln->label == SCRUB_LABEL_BLANK) continue;
        template_slot slot = slot_of(text, ln);
        fs.segmented += slot == SLOT_KEYWORDS;
        fs.branded += slot == SLOT_BRAND;
    }
    return fs;
}

/* Points of the template: a segmented keyword field or a copied digest
 * one each, brand fields one a line (two at most). */
static double shape_points(const farm_shape *fs)
{
    return (fs->segmented > 0) + (fs->digest > 0) + capped(fs->branded, 2);
}

/* 本文关键词：娃娃,...,洋葱高档小区附近也是一个尚好选择。: the field glued
 * before a sentence, its keywords already cut as an inline span; the
 * sentence after the span (enough characters, a sentence end) stays. */
static bool sentence_after_span(const filter_state *st, const char *text, const line_t *ln)
{
    if (!ln->span_count) return false;
    const unsigned char *s = (const unsigned char *)text;
    size_t ls = ln->start, le = ln->start + ln->len;
    size_t z = st->spans[ln->span_first + ln->span_count - 1].end;
    if (glue_chars(s, z, le) < GLUE_SENTENCE) return false;
    for (size_t p = z; p < le; p += utf8_step(s[p]))
        if (glue_stop(s, p, ls, le)) return true;
    return false;
}

/* On a farm, the template's slots are its adverts. */
static void farm_slots(filter_state *st, const char *text)
{
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        if (ln->label == SCRUB_LABEL_BLANK || ln->label == SCRUB_LABEL_AD ||
            ln->label == SCRUB_LABEL_SPAM)
            continue;
        template_slot slot = slot_of(text, ln);
        if (slot == SLOT_KEYWORDS && sentence_after_span(st, text, ln)) continue;
        if (slot == SLOT_KEYWORDS) set_label(ln, SCRUB_LABEL_SPAM, 0.05, R_SEGMENTED_KEYWORDS);
        else if (slot == SLOT_BRAND) set_label(ln, SCRUB_LABEL_AD, 0.05, R_BRAND_FIELD);
    }
}

/* Farm evidence is counted in points; FARM_POINTS of them flag a site
 * farm.  Dev margin (SCRUB_EVAL_MARGINS, test/devset/README.md): the most
 * spam-like legitimate page has 1.05 points, the weakest dev farm 4.07
 * (5.83 with its template's points, farm_shapes);
 * the threshold sits towards the middle (2.56) as far as the single
 * pieces of evidence that flag a farm alone (2 points each) allow. */
#define FARM_POINTS 2.0

typedef struct {
    size_t nonblank, spam, inline_lines, stuffing, title_spam, removed, total, spun, pinyin,
        gambling, hospital, kept_strong, kept_spam, substituted;
    size_t gambling_stuffing; /* of the gambling lines, keyword lists */
    size_t gambling_linked;   /* ... and adverts with their link or phone */
} doc_counts;

static void count_line_evidence(doc_counts *c, const line_t *ln)
{
    c->nonblank++;
    c->total += ln->len;
    c->spun += ln->spun;
    c->pinyin += ln->pinyin;
    bool kept = keep_label(ln->label);
    if (!kept) c->removed += ln->len;
    c->stuffing += ln->label == SCRUB_LABEL_SPAM;
    /* the rest needs a spam hit (spans, too, hold a strong one): most
     * lines have none */
    if (SCRUB_LIKELY(!(ln->cats & SPAM_CATS))) return;
    /* spam the text shows (a lexicon hit), not a banner the DOM marks */
    bool is_spam = ln->label == SCRUB_LABEL_AD || ln->label == SCRUB_LABEL_SPAM;
    /* a gambling brand outside the article: the page sells it */
    c->gambling += !kept && strong(ln, SCRUB__CAT_GAMBLING);
    c->gambling_stuffing += ln->label == SCRUB_LABEL_SPAM && strong(ln, SCRUB__CAT_GAMBLING);
    c->gambling_linked += !kept && strong(ln, SCRUB__CAT_GAMBLING) && (ln->url || ln->phone);
    c->hospital += hospital_ad(ln);
    c->spam += is_spam;
    c->inline_lines += ln->span_count > 0;
    /* a strong term left in a kept line (no span cut it out) */
    c->kept_strong += kept && !ln->span_count && (ln->strong & SPAM_CATS);
    c->kept_spam += kept;
    if (c->nonblank <= 3 &&
        (ln->strong & ((1u << SCRUB__CAT_GAMBLING) | (1u << SCRUB__CAT_MEDSEO))) &&
        (is_spam || ln->span_count))
        c->title_spam = 1;
}

/* Does line ln hold the bytes key[0, n)? */
static bool line_holds(const char *text, const line_t *ln, const char *key, size_t n)
{
    const char *q = text + ln->start, *end = q + ln->len;
    /* memchr for the key's first byte, then one compare */
    for (; (size_t)(end - q) >= n && (q = memchr(q, key[0], (size_t)(end - q) - n + 1)); q++)
        if (memcmp(q, key, n) == 0) return true;
    return false;
}

/* 省, 市, 县, 区, 国 (中国), 州, 镇, 乡 and their Traditional forms: a
 * level of government, which opens an organisation's name. */
static bool admin_level(const unsigned char *p)
{
    static const char *const lv[] = {"省", "市", "县", "縣", "区", "區", "国",
                                     "國", "州", "镇", "鎮", "乡", "鄉"};
    for (size_t k = 0; k < sizeof lv / sizeof lv[0]; k++)
        if (memcmp(p, lv[k], 3) == 0) return true;
    return false;
}

/* The key at byte at of line ln follows a level of government: 省体育彩票中心
 * is a province's lottery centre, not a brand put in a name's place. */
static bool after_admin_level(const char *text, const line_t *ln, size_t at)
{
    return at >= ln->start + 3 && admin_level((const unsigned char *)text + at - 3);
}

/* Does line ln hold the bytes key[0, n) other than after a level of
 * government? */
static bool line_holds_brand(const char *text, const line_t *ln, const char *key, size_t n)
{
    const char *q = text + ln->start, *end = q + ln->len;
    for (; (size_t)(end - q) >= n && (q = memchr(q, key[0], (size_t)(end - q) - n + 1)); q++)
        if (memcmp(q, key, n) == 0 && !after_admin_level(text, ln, (size_t)(q - text))) return true;
    return false;
}

/* substituted_brand tries at most this many brand candidates a page. */
#define SUBSTITUTED_CANDIDATES_MAX 32

/* 吕氏贵宾会 in every line: a farm substituted its brand for a name of the
 * article.  The brand is a spam term with the two Han characters before
 * it (a name the lexicon does not know, glued to 贵宾会, 娱乐, 国际 ...);
 * it counts when three or more lines hold it, two of them kept as the
 * article's lines.  News about Macau names 澳门 in many lines, but not
 * after the same two characters each time; lottery news names its
 * province's or city's 体育彩票 centre in many lines, after the level of
 * government each time. */
static bool substituted_brand(const filter_state *st, const char *text)
{
    /* Each candidate reads the later lines of its term's kind, so a page
     * naming a new two-character prefix on every line would cost the
     * square of its length; a farm puts its brand into the article from
     * the first lines on, so the first candidates decide. */
    size_t candidates = 0;
    for (size_t i = 0; i < st->nlines; i++) {
        const line_t *ln = &st->lines[i];
        if (!keep_label(ln->label) || !(ln->cats & SPAM_CATS)) continue;
        for (size_t k = 0; k < ln->match_count; k++) {
            const match_t *m = &st->matches[ln->match_first + k];
            if (m->cat == SCRUB__CAT_CTA || m->start < ln->start + 6) continue;
            const unsigned char *b = (const unsigned char *)text + m->start - 6;
            if (b[0] < 0xE4 || b[0] > 0xE9 || b[3] < 0xE4 || b[3] > 0xE9) continue;
            if (after_admin_level(text, ln, m->start - 6)) continue;
            if (++candidates > SUBSTITUTED_CANDIDATES_MAX) return false;
            size_t n = m->end - m->start + 6, lines = 1, kept = 1;
            for (size_t j = i + 1; j < st->nlines && lines < 3; j++) {
                /* a line holding the brand has a hit of its term */
                if (!(st->lines[j].cats & (1u << m->cat)) ||
                    !line_holds_brand(text, &st->lines[j], (const char *)b, n))
                    continue;
                lines++;
                kept += keep_label(st->lines[j].label);
            }
            if (lines >= 3 && kept >= 2) return true;
        }
    }
    return false;
}


/* Points of farm evidence: a spam title, spam lines, brands inside
 * sentences, gambling brands and hospital adverts outside the article,
 * the share of such lines in the page; spinning and pinyin glosses weigh
 * little alone.  A spam title, a casino brand outside the article, a
 * hospital advert with its link, a brand substituted into the article
 * each pass the threshold alone (news does none of them; no legitimate
 * page of the sets holds one). */
/* A casino brand outside the article weighs as a farm's on a keyword
 * list (本文关键词：...必威...), with its link or phone (as a hospital
 * advert does), on two lines, or beside another kind of evidence (a brand
 * inside a sentence, a spam title); the brand's name alone on one line of
 * a clean page is an injection or a sponsor, not a farm -- the rule the
 * labels follow for a hacked page with one stuffing line (seed 003). */
static bool gambling_farm(const doc_counts *c)
{
    return c->gambling >= 2 || c->gambling_stuffing || c->gambling_linked ||
           (c->gambling && (c->inline_lines || c->title_spam));
}

static double farm_points(const doc_counts *c)
{
    double p = 2.0 * (double)c->title_spam + capped(c->spam, 4) + capped(c->inline_lines, 4) +
               2.0 * gambling_farm(c) + 0.5 * capped(c->gambling, 3) +
               2.0 * capped(c->hospital, 1) +
               2.0 * capped(c->substituted, 1) + 0.25 * capped(c->spun, 4) +
               0.02 * capped(c->pinyin, 5);
    if (c->nonblank)
        p += 4.0 * (double)(c->spam + c->inline_lines + c->kept_strong) / (double)c->nonblank;
    return p;
}

static void doc_score(filter_state *st, const char *text)
{
    doc_counts c;
    memset(&c, 0, sizeof c);
    for (size_t i = 0; i < st->nlines; i++)
        if (st->lines[i].label != SCRUB_LABEL_BLANK) count_line_evidence(&c, &st->lines[i]);
    /* the brand needs two kept lines with a spam hit */
    c.substituted = c.kept_spam >= 2 && substituted_brand(st, text);
    farm_shape fs = farm_shapes(st, text);
    double p = farm_points(&c) + shape_points(&fs);
    if (p >= FARM_POINTS - 1 && p < FARM_POINTS && any_copied_digest(st, text)) {
        fs.digest = 1;
        p += 1;
    }
    /* 0.5 at the threshold, towards 1 with more evidence */
    st->doc_score = p / (p + FARM_POINTS);
    unsigned f = 0;
    if (p >= FARM_POINTS) f |= SCRUB_DOC_SITE_FARM;
    if (p >= FARM_POINTS && shape_points(&fs) > 0) farm_slots(st, text);
    if (c.spun >= 2) f |= SCRUB_DOC_SPUN;
    if (c.inline_lines) f |= SCRUB_DOC_INLINE_SPAM;
    if (c.stuffing) f |= SCRUB_DOC_STUFFING;
    if (c.total && c.removed * 2 > c.total) f |= SCRUB_DOC_BOILERPLATE_HEAVY;
    if (c.pinyin >= 3) f |= SCRUB_DOC_PINYIN;
    st->doc_flags = f;
}

/* ---- the classification ------------------------------------------------- */

static void reset_result(filter_state *st)
{
    st->nlines = st->nmatches = st->nspans = st->ncut = st->nago = st->nheld = st->ndated = 0;
    st->npinyin = st->nsheet = st->nnumbered = st->nfield = 0;
    st->doc_score = 0;
    st->doc_flags = 0;
}

static int split_lines(scrub_ctx *ctx, filter_state *st, const char *text, size_t len)
{
    int64_t max_line = scrub__param(ctx, SCRUB_PARAM_MAX_LINE);
    scrub__line line;
    for (size_t pos = 0; scrub__next_line(text, len, pos, &line); pos = line.next) {
        if ((int64_t)line.len > max_line)
            return scrub__fail(ctx, SCRUB_E_TOO_LARGE, "MAX_LINE is %lld bytes, line %zu has %zu",
                               (long long)max_line, st->nlines + 1, line.len);
        if (grow((void **)&st->lines, &st->cap_lines, st->nlines + 1, sizeof *st->lines))
            return SCRUB_E_NOMEM;
        line_t *ln = &st->lines[st->nlines++];
        memset(ln, 0, offsetof(line_t, cat_pos));
        ln->start = line.start;
        ln->len = line.len;
    }
    return SCRUB_OK;
}

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

/* 文章摘要：王者威尼斯人现金网网址,...: the brand is the value of the line's
 * field, the slot a farm's template fills, not words slipped into a
 * sentence. */
static size_t line_text_start(const char *text, const line_t *ln)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t b = ln->start, e = ln->start + ln->len, w;
    /* an indent: spaces, tabs, no-break and ideographic spaces */
    for (;;) {
        if (b < e && (s[b] == ' ' || s[b] == '\t')) b++;
        else if ((w = wide_space(s, b, e))) b += w;
        else return b;
    }
}

/* The field is read after the line's indent, which a farm may write with
 * no-break spaces as well as plain ones. */
static bool brand_after_field(const filter_state *st, const char *text, const line_t *ln)
{
    line_t rest = *ln;
    rest.start = line_text_start(text, ln);
    rest.len = ln->start + ln->len - rest.start;
    size_t f = field_prefix(text, &rest);
    return f && st->spans[ln->span_first].start == rest.start + f;
}

/* 本文关键词：...洋葱高档小区附近...: the marker (a keyword field's name)
 * that labelled the line lies in a glued run before a sentence, and goes
 * with the run; the sentence is the line's. */
static bool marker_in_run(const line_t *ln, size_t re)
{
    for (size_t k = 0; k < sizeof marker_order / sizeof marker_order[0]; k++) {
        unsigned cat = marker_order[k].cat;
        if (ln->label == marker_order[k].label && ln->reason == cat_why(ln, cat))
            return ln->start + cat_at(ln, cat) < re;
    }
    return false;
}

/* The inline spans of a sentence line with spam terms, and whether the
 * line is an advert.  A run glued to a sentence is cut with the line
 * kept; one at the line's start that the old verdicts find an advert
 * (文章摘要：BRAND, then spun text) stays one. */
static int inline_spam(filter_state *st, const char *text, size_t li, line_t *ln)
{
    if (find_spans(st, text, li, ln) != SCRUB_OK) return SCRUB_E_NOMEM;
    const char *ad = NULL;
    if (ln->span_count && span_bytes(st, ln) * 5 > ln->len * 2) ad = "mostly-spam";
    else if (ln->span_count && brand_after_field(st, text, ln)) ad = "brand-after-field";
    size_t rs, re;
    /* a segmented keyword field is all keywords: what follows its run is
     * another text */
    if (glued_run(st, text, ln, &rs, &re) &&
        (!ad || rs > line_text_start(text, ln) || slot_of(text, ln) == SLOT_KEYWORDS)) {
        ad = NULL;
        if (set_glued_span(st, li, ln, rs, re) != SCRUB_OK) return SCRUB_E_NOMEM;
        if (marker_in_run(ln, re) && sentence_after_span(st, text, ln)) {
            if (ln->held) st->nheld--;
            ln->held = 0;
            set_label(ln, SCRUB_LABEL_CONTENT, sentence_score(ln), R_GLUED_START);
        }
    }
    if (ad) set_label(ln, SCRUB_LABEL_AD, 0.05, ad);
    return SCRUB_OK;
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

static int classify_each(scrub_ctx *ctx, filter_state *st, const char *text)
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
                   has_date(text, ln);
        ln->clock = ln->date && ln->units <= 16 && has_clock(text, ln);
        /* a date, an ISBN or a product code is no phone */
        if (SCRUB_UNLIKELY(ln->phone)) ln->phone = phone_run(text, ln);
        uint8_t held = 0;
        verdict v = alone(ln, &held);
        if (v.label == CAND && ln->ndigit >= 3 && ln->ndigit <= 4 && ln->units <= 3 &&
            clock_alone(text, ln))
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
        if (ln->good && (ln->strong & SPAM_CATS) && inline_spam(st, text, i, ln) != SCRUB_OK)
            return SCRUB_E_NOMEM;
    }
    ctx->replacements = invalid;
    st->ncut = ncut;
    return SCRUB_OK;
}

/* Hard-wrapped prose (each source line ending in <br> or sitting in <pre>:
 * mailing-list archives, plain-text exports) reaches the filter as lines
 * of some 60-75 characters that end mid-sentence; one at a time they look
 * like menu items.  A line that fills the width and ends no sentence,
 * followed by one that opens lower case or with a clause mark, goes on
 * in it: such a run is judged as the text it makes.  Cased scripts only
 * (a CJK line ends mid-sentence for other reasons). */
#define WRAP_MIN_CHARS 40  /* a wrapped line fills the width */
#define WRAP_FULL_CHARS 60 /* ... and nearly all of it */
#define WRAP_MIN_WORDS 15  /* the run's words: more than a menu's */

static bool opens_lower(const char *text, const line_t *ln)
{
    const unsigned char *p = (const unsigned char *)text + ln->start;
    if (!ln->len) return false;
    if ((p[0] >= 'a' && p[0] <= 'z') || p[0] == ',' || p[0] == ';' || p[0] == ')') return true;
    /* U+00DF-U+00FF: Latin-1 lower case (U+00F7 is a sign) */
    return ln->len > 1 && p[0] == 0xC3 && p[1] >= 0x9F && p[1] != 0xB7;
}

/* A line that fills the width and ends in a lower-case word goes on
 * in the next whatever its case (German nouns open upper case). */
static bool ends_mid_word_run(const char *text, const line_t *a)
{
    unsigned char c = (unsigned char)text[a->start + a->len - 1];
    return a->nchar >= WRAP_FULL_CHARS && c >= 'a' && c <= 'z';
}

static bool wrap_link(const char *text, const line_t *a, const line_t *b)
{
    return !a->term && !a->ncjk && !b->ncjk && a->nchar >= WRAP_MIN_CHARS && !a->linked &&
           !b->linked && !a->hint_heading && !b->hint_heading &&
           (opens_lower(text, b) || ends_mid_word_run(text, a));
}

static bool wrap_open(int label)
{
    return label == CAND || label == SCRUB_LABEL_CONTENT;
}

/* A marker of a byline or a heading's shape inside a run is read as one
 * of its sentences' words: it leaves the run prose (its line keeps its
 * label). */
static bool wrap_passes(int label)
{
    return wrap_open(label) || label == SCRUB_LABEL_META || label == SCRUB_LABEL_HEADING;
}

/* What stands above the run: a linked title (the run is another page's
 * summary) or a comment's author line or reply button (a reader's words). */
static bool wrap_after_chrome(const filter_state *st, size_t i)
{
    while (i > 0 && st->lines[i - 1].label == SCRUB_LABEL_BLANK) i--;
    if (i == 0) return false;
    const line_t *p = &st->lines[i - 1];
    return p->linked || p->stamp || p->reply || p->says || p->thread;
}

/* The run [i, j) reads as prose: its lines undecided or content, a
 * sentence ends inside it, enough words, nothing of chrome in or above it. */
static bool wrapped_prose(const filter_state *st, size_t i, size_t j)
{
    uint32_t words = 0;
    bool ends = false;
    if (wrap_after_chrome(st, i)) return false;
    for (size_t k = i; k < j; k++) {
        const line_t *ln = &st->lines[k];
        if (!wrap_passes(ln->label) || ln->strong || (ln->cats & CHROME_CATS) || ln->chrome)
            return false;
        if (!ln->hint_cand && !ln->hint_main) return false;
        words += ln->nwords;
        ends |= ln->term;
    }
    return ends && words >= WRAP_MIN_WORDS;
}

/* Only on a whole page, and only inside the html stage's article guess or
 * the page's <main>: a fragment run elsewhere is a notice's or a
 * sidebar's as often as prose, and a text with no markup keeps its lines'
 * own verdicts. */
static void wrapped_runs(filter_state *st, const char *text)
{
    if (!st->whole_page) return;
    for (size_t i = 0; i + 1 < st->nlines;) {
        size_t j = i + 1;
        while (j < st->nlines && wrap_link(text, &st->lines[j - 1], &st->lines[j])) j++;
        if (j - i >= 2 && wrapped_prose(st, i, j))
            for (size_t k = i; k < j; k++) {
                line_t *ln = &st->lines[k];
                ln->good = true;
                if (ln->label == CAND) set_label(ln, SCRUB_LABEL_CONTENT, 0.6, R_WRAPPED);
            }
        i = j;
    }
}

static unsigned keep_mask(const scrub_ctx *ctx, unsigned keep)
{
    return keep == SCRUB_KEEP_FROM_CTX ? (unsigned)scrub__param(ctx, SCRUB_PARAM_FILTER_KEEP)
                                       : keep;
}

/* A line of a box a site sets between the article's paragraphs, removed
 * on the DOM's word alone: another story's headline all anchor text, a
 * share button in a share class, a headline in a related class.  Short,
 * no sentence (a pull quote in such a class is the author's), inside
 * the article guess.  A line a phrase condemns ("Related", "Join our
 * newsletter", "Comments (74)") names a box that may close the article
 * and stays a boundary. */
enum { INSERT_PROSE = 80 };
static bool insert_line(const line_t *ln)
{
    return ln->hint_cand && ln->units < 20 && !ln->term && !ln->qterm &&
           (ln->reason == R_LINKED_LINE || ln->reason == R_HINT_WIDGET ||
            ln->reason == R_HINT_RELATED || (ln->reason == R_LINKS && !ln->cats));
}

/* A paragraph of the article: a sentence of some length inside the guess,
 * in no box of the site's (a pull quote in a related class is one). */
static bool prose_line(const line_t *ln)
{
    return ln->good && ln->hint_cand && !ln->boxed && !ln->chrome && ln->len >= INSERT_PROSE &&
           (ln->label == SCRUB_LABEL_CONTENT || ln->label == CAND);
}

/* Such a box of one to three lines right under a sentence of the
 * article, with the guess going on under it, is no end of the body and
 * no break of its runs: the context passes read it as blank lines, as
 * they read an advert (hide_injected).  Its own label stays. */
static size_t hide_inserts(filter_state *st)
{
    enum { MAX_INSERT = 3 };
    size_t n = 0;
    for (size_t i = 0; i < st->nlines; i++) {
        if (!insert_line(&st->lines[i])) continue;
        size_t end = i + 1;
        while (end < st->nlines && end - i < MAX_INSERT + 1 && insert_line(&st->lines[end])) end++;
        size_t p = prev_nonblank(st, i, false), q = next_nonblank(st, end - 1, false);
        bool above = p != SIZE_MAX && prose_line(&st->lines[p]);
        bool below = q != SIZE_MAX && st->lines[q].hint_cand && !insert_line(&st->lines[q]);
        if (end - i <= MAX_INSERT && above && below)
            for (size_t k = i; k < end; k++) {
                st->lines[k].injected = (uint8_t)(1 + st->lines[k].label);
                st->lines[k].label = SCRUB_LABEL_BLANK;
                n++;
            }
        i = end - 1;
    }
    return n;
}

/* An advert or a keyword list that the line's own shape condemns is
 * injected into the page, not a boundary of its article: the context
 * passes read it as a blank line, so the body, its runs of short lines
 * and its tail go on across it (a stock table under a report is no tail
 * because a casino's name was slipped between its rows).  So is a line
 * removed for itself (a prev/next link) that carries inline spam.
 * Returns how many lines were hidden. */
static size_t hide_injected(filter_state *st)
{
    size_t n = 0;
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        int l = ln->label;
        if (l == SCRUB_LABEL_AD || l == SCRUB_LABEL_SPAM || (ln->span_count && !keep_label(l))) {
            ln->injected = (uint8_t)(1 + l);
            ln->label = SCRUB_LABEL_BLANK;
            n++;
        }
    }
    return n + (st->whole_page ? hide_inserts(st) : 0);
}

/* The hidden lines get their labels back, for the farm's evidence and the
 * caller. */
static void show_injected(filter_state *st)
{
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        if (ln->injected) ln->label = ln->injected - 1;
    }
}

/* ---- full-width letters and digits -------------------------------------- */

/* Ｗｗｗ．ｊｓ３３３: full-width letters are the ASCII ones written wide.
 * Spam writes them so to slip a brand past the lexicon.  The
 * classification reads a copy with them folded to ASCII (three bytes to
 * one); its offsets are mapped back to the caller's text at the end.
 * Full-width digits stay (the spam-variant round tried folding them and
 * dropped it: a shop's closing date written wide then read as a date
 * line and two content lines were lost), and so does
 * full-width punctuation (，：（）): Chinese text is written with it.
 * The copy is the state's, grown once per call to the text's length and
 * reused by the next call; wide_at grows by doubling, one entry a folded
 * letter, so the fold is linear and allocates nothing per line. */
static bool wide_alnum(const unsigned char *s)
{
    return (s[1] == 0xBC && s[2] >= 0xA1 && s[2] <= 0xBA) ||
           (s[1] == 0xBD && s[2] >= 0x81 && s[2] <= 0x9A);
}

/* The folded copy in st->wide, or SCRUB_E_NOMEM. */
static int fold_wide(filter_state *st, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    if (grow((void **)&st->wide, &st->cap_wide, len + 1, 1) != SCRUB_OK) return SCRUB_E_NOMEM;
    size_t o = 0;
    st->nwide = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] == 0xEF && len - i >= 3 && wide_alnum(s + i)) {
            if (grow((void **)&st->wide_at, &st->cap_wide_at, st->nwide + 1, sizeof(size_t)) != SCRUB_OK)
                return SCRUB_E_NOMEM;
            st->wide_at[st->nwide++] = o;
            st->wide[o++] = (char)(s[i + 1] == 0xBC ? s[i + 2] - 0x60 : s[i + 2] - 0x20);
            i += 3;
        } else {
            st->wide[o++] = text[i++];
        }
    }
    st->wide[o] = 0;
    return SCRUB_OK;
}

/* An offset of the folded copy in the caller's text: two more bytes for
 * each folded character before it. */
static size_t unfold_at(const filter_state *st, size_t x)
{
    size_t lo = 0, hi = st->nwide;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->wide_at[mid] < x) lo = mid + 1;
        else hi = mid;
    }
    return x + 2 * lo;
}

/* Lines, matches and spans back to the caller's offsets. */
static void unfold_offsets(filter_state *st)
{
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        size_t start = unfold_at(st, ln->start), end = unfold_at(st, ln->start + ln->len);
        ln->start = start;
        ln->len = end - start;
    }
    for (size_t i = 0; i < st->nspans; i++) {
        st->spans[i].start = unfold_at(st, st->spans[i].start);
        st->spans[i].end = unfold_at(st, st->spans[i].end);
    }
    for (size_t i = 0; i < st->nmatches; i++) {
        st->matches[i].start = unfold_at(st, st->matches[i].start);
        st->matches[i].end = unfold_at(st, st->matches[i].end);
    }
}

#define KNOWN_FLAGS (SCRUB_FILTER_KEEP_INLINE_SPAM | SCRUB_FILTER_NO_LINESTATS | SCRUB_FILTER_NO_CONTEXT)

static int classify(scrub_ctx *ctx, const char *text, size_t len, const uint32_t *hints,
                    size_t nhints, const scrub_linestats *stats, unsigned keep, unsigned flags)
{
    if (!ctx) return SCRUB_E_INVALID_ARG;
    scrub__begin(ctx);
    int rc = scrub__check_input(ctx, text, len);
    if (rc != SCRUB_OK) return rc;
    if (flags & ~KNOWN_FLAGS) return scrub__fail(ctx, SCRUB_E_INVALID_ARG, "unknown flags 0x%x", flags);
    if (!hints && nhints) return scrub__fail(ctx, SCRUB_E_INVALID_ARG, "NULL hints with nhints %zu", nhints);
    if (keep != SCRUB_KEEP_FROM_CTX && (keep & ~SCRUB_KEEP_ALL))
        return scrub__fail(ctx, SCRUB_E_INVALID_ARG, "unknown label bits in keep mask 0x%x", keep);
    filter_state *st = get_state(ctx);
    if (!st) return scrub__fail(ctx, SCRUB_E_NOMEM, "out of memory");
    reset_result(st);
    if (!stats && !(flags & SCRUB_FILTER_NO_LINESTATS)) stats = st->stats;
    if (flags & SCRUB_FILTER_NO_LINESTATS) stats = NULL;
    st->nwide = 0;
    st->saw_wide = false;
    rc = split_lines(ctx, st, text, len);
    if (rc == SCRUB_OK) rc = classify_each(ctx, st, text);
    /* rare: pay for the folded copy only when the scan met a wide letter */
    if (rc == SCRUB_OK && st->saw_wide) {
        /* on failure the first pass's lines go too (reset below), as on
         * every other error: no half-classified result is left readable */
        rc = fold_wide(st, text, len);
        if (rc == SCRUB_OK) {
            text = st->wide;
            len -= 2 * st->nwide;
            reset_result(st);
            rc = split_lines(ctx, st, text, len);
        }
        if (rc == SCRUB_OK) rc = classify_each(ctx, st, text);
    }
    if (rc == SCRUB_OK) residue_lines(st, text);
    st->have_hints = nhints > 0;
    st->whole_page = has_furniture(hints, nhints);
    if (rc == SCRUB_OK && nhints) {
        uint32_t wrapper = wrapper_flags(st, hints, nhints);
        /* wrapper_flags counts links: once more without the own headings' */
        if (own_headings(st, hints, nhints, wrapper)) wrapper = wrapper_flags(st, hints, nhints);
        for (size_t i = 0; i < st->nlines && i < nhints; i++)
        {
            uint32_t h = hint_of(st, hints, i) & ~wrapper;
            apply_hint(&st->lines[i], h, st->whole_page);
            hint_shapes(&st->lines[i], text, h, st->whole_page);
            const line_t *ln = &st->lines[i];
            st->nsheet += sheet_shape(ln);
            st->nnumbered += ln->label != SCRUB_LABEL_BLANK && !ln->linked && lead_number(text, ln) >= 0;
            st->nfield += (ln->item || ln->tab) && field_row(text, ln);
        }
        if (nhints < st->nlines) /* lines past the hints: not counted */
            st->nnumbered = st->nfield = SIZE_MAX;
    }
    if (rc == SCRUB_OK) wrapped_runs(st, text);
    if (rc == SCRUB_OK && st->whole_page) list_prose_runs(st);
    size_t hidden = rc == SCRUB_OK ? hide_injected(st) : 0;
    if (rc == SCRUB_OK && !(flags & SCRUB_FILTER_NO_CONTEXT))
        rc = context_pass(st, text, stats, scrub__param(ctx, SCRUB_PARAM_FILTER_REPEAT_MIN));
    if (rc != SCRUB_OK) {
        reset_result(st);
        return rc == SCRUB_E_NOMEM ? scrub__fail(ctx, rc, "out of memory") : rc;
    }
    resolve_alone(st, text);
    if (hidden) show_injected(st);
    keyword_fragments(st, text, len);
    pitch_lines(st, text);
    /* the farm's verdict relabels its template's slots */
    doc_score(st, text);
    unsigned mask = keep_mask(ctx, keep);
    for (size_t i = 0; i < st->nlines; i++)
        st->lines[i].kept = (mask >> st->lines[i].label) & 1u;
    if (st->nwide) unfold_offsets(st);
    return SCRUB_OK;
}

SCRUB_API int scrub_classify_lines(scrub_ctx *ctx, const char *text, size_t len, unsigned flags)
{
    return classify(ctx, text, len, NULL, 0, NULL, SCRUB_KEEP_FROM_CTX, flags);
}

SCRUB_API int scrub_classify_lines_ex(scrub_ctx *ctx, const char *text, size_t len,
                                      const uint32_t *hints, size_t nhints,
                                      const scrub_linestats *stats, unsigned flags)
{
    return classify(ctx, text, len, hints, nhints, stats, SCRUB_KEEP_FROM_CTX, flags);
}

/* Appends text[pos..end), sanitized unless known valid (spans start and
 * end on character boundaries of valid text). */
static void append_piece(scrub__buf *b, const char *text, size_t pos, size_t end, bool valid)
{
    size_t dummy = 0;
    if (valid) scrub__buf_append(b, text + pos, end - pos);
    else scrub__utf8_sanitize(b, text + pos, end - pos, &dummy);
}

/* Appends line ln without its spans (unless keep_spans), sanitized. */
static void append_line(scrub__buf *b, const filter_state *st, const char *text,
                        const line_t *ln, bool keep_spans, bool valid)
{
    size_t pos = ln->start;
    if (!keep_spans)
        for (size_t k = 0; k < ln->span_count; k++) {
            const span_t *sp = &st->spans[ln->span_first + k];
            if (sp->start < pos) continue;
            append_piece(b, text, pos, sp->start, valid);
            pos = sp->end;
        }
    append_piece(b, text, pos, ln->start + ln->len, valid);
    scrub__buf_putc(b, '\n');
}

SCRUB_API int scrub_filter_lines_ex(scrub_ctx *ctx, const char *text, size_t len,
                                    const uint32_t *hints, size_t nhints,
                                    const scrub_linestats *stats, unsigned keep, unsigned flags,
                                    char **out, size_t *out_len)
{
    if (!ctx) return SCRUB_E_INVALID_ARG;
    int rc = scrub__check_output(ctx, out, out_len);
    if (rc != SCRUB_OK) return rc;
    rc = classify(ctx, text, len, hints, nhints, stats, keep, flags);
    if (rc != SCRUB_OK) return rc;
    const filter_state *st = peek_state(ctx);
    scrub__buf b = SCRUB__BUF_INIT;
    scrub__buf_reserve(&b, len + 1);
    for (size_t i = 0; i < st->nlines; i++)
        if (st->lines[i].kept)
            append_line(&b, st, text, &st->lines[i], flags & SCRUB_FILTER_KEEP_INLINE_SPAM,
                        ctx->utf8_known_valid);
    if (scrub__buf_finish(&b, out, out_len) != SCRUB_OK)
        return scrub__fail(ctx, SCRUB_E_NOMEM, "out of memory");
    return SCRUB_OK;
}

SCRUB_API int scrub_filter_lines(scrub_ctx *ctx, const char *text, size_t len, unsigned flags,
                                 char **out, size_t *out_len)
{
    return scrub_filter_lines_ex(ctx, text, len, NULL, 0, NULL, SCRUB_KEEP_FROM_CTX, flags, out,
                                 out_len);
}

/* ---- accessors ---------------------------------------------------------- */

static const line_t *line_at(const scrub_ctx *ctx, size_t i)
{
    const filter_state *st = peek_state(ctx);
    return st && i < st->nlines ? &st->lines[i] : NULL;
}

SCRUB_API size_t scrub_filter_line_count(const scrub_ctx *ctx)
{
    const filter_state *st = peek_state(ctx);
    return st ? st->nlines : 0;
}

SCRUB_API int scrub_filter_line_span(const scrub_ctx *ctx, size_t i, size_t *start, size_t *len)
{
    const line_t *ln = line_at(ctx, i);
    if (!ln || !start || !len) return SCRUB_E_INVALID_ARG;
    *start = ln->start;
    *len = ln->len;
    return SCRUB_OK;
}

SCRUB_API int scrub_filter_line_label(const scrub_ctx *ctx, size_t i)
{
    const line_t *ln = line_at(ctx, i);
    return ln ? ln->label : -1;
}

SCRUB_API double scrub_filter_line_score(const scrub_ctx *ctx, size_t i)
{
    const line_t *ln = line_at(ctx, i);
    return ln ? ln->score : -1;
}

SCRUB_API const char *scrub_filter_line_reason(const scrub_ctx *ctx, size_t i)
{
    const line_t *ln = line_at(ctx, i);
    return ln ? ln->reason : NULL;
}

SCRUB_API int scrub_filter_line_kept(const scrub_ctx *ctx, size_t i)
{
    const line_t *ln = line_at(ctx, i);
    return ln ? ln->kept : -1;
}

SCRUB_API size_t scrub_filter_span_count(const scrub_ctx *ctx)
{
    const filter_state *st = peek_state(ctx);
    return st ? st->nspans : 0;
}

SCRUB_API int scrub_filter_span(const scrub_ctx *ctx, size_t k, size_t *line, size_t *start,
                                size_t *end)
{
    const filter_state *st = peek_state(ctx);
    if (!st || k >= st->nspans || !line || !start || !end) return SCRUB_E_INVALID_ARG;
    *line = st->spans[k].line;
    *start = st->spans[k].start;
    *end = st->spans[k].end;
    return SCRUB_OK;
}

SCRUB_API double scrub_filter_doc_score(const scrub_ctx *ctx)
{
    const filter_state *st = peek_state(ctx);
    return st ? st->doc_score : 0;
}

SCRUB_API unsigned scrub_filter_doc_flags(const scrub_ctx *ctx)
{
    const filter_state *st = peek_state(ctx);
    return st ? st->doc_flags : 0;
}

SCRUB_API int scrub_filter_set_linestats(scrub_ctx *ctx, const scrub_linestats *stats)
{
    if (!ctx) return SCRUB_E_INVALID_ARG;
    scrub__begin(ctx);
    filter_state *st = get_state(ctx);
    if (!st) return scrub__fail(ctx, SCRUB_E_NOMEM, "out of memory");
    st->stats = stats;
    return SCRUB_OK;
}

/* ---- the caller's lexicon ----------------------------------------------- */

typedef struct {
    size_t term, term_len, reason;
    unsigned char cat, strong;
} pending_entry;

/* Parses src into entries (terms and reasons as offsets); counts only when
 * out is NULL. */
static int parse_lexicon(scrub_ctx *ctx, const char *src, size_t len, pending_entry *out,
                         size_t *n, size_t *reason_bytes)
{
    scrub__line line;
    size_t count = 0, rbytes = 0, lineno = 0;
    for (size_t pos = 0; scrub__next_line(src, len, pos, &line); pos = line.next) {
        lineno++;
        const char *s = src + line.start;
        if (line.len == 0 || s[0] == '#') continue;
        const char *tab = memchr(s, '\t', line.len);
        if (!tab) return scrub__fail(ctx, SCRUB_E_FORMAT, "lexicon line %zu: no TAB", lineno);
        int cat = scrub__lex_category_of(s, (size_t)(tab - s));
        if (cat < 0) return scrub__fail(ctx, SCRUB_E_FORMAT, "lexicon line %zu: unknown category", lineno);
        const char *term = tab + 1, *end = s + line.len;
        const char *tab2 = memchr(term, '\t', (size_t)(end - term));
        unsigned char is_strong = 0;
        if (tab2) {
            size_t wl = (size_t)(end - tab2 - 1);
            if (wl != 1 || (tab2[1] != 's' && tab2[1] != 'w'))
                return scrub__fail(ctx, SCRUB_E_FORMAT, "lexicon line %zu: weight is s or w", lineno);
            is_strong = tab2[1] == 's';
        }
        size_t tlen = (size_t)((tab2 ? tab2 : end) - term);
        if (tlen == 0 || tlen > 255)
            return scrub__fail(ctx, SCRUB_E_FORMAT, "lexicon line %zu: empty or long term", lineno);
        if (out) {
            out[count] = (pending_entry){(size_t)(term - src), tlen, rbytes, (unsigned char)cat,
                                        is_strong};
        }
        /* its reason: user:CATEGORY:TERM and a NUL */
        rbytes += sizeof "user:" - 1 + strlen(scrub__lex_category_name((unsigned)cat)) + 1 + tlen + 1;
        count++;
    }
    *n = count;
    *reason_bytes = rbytes;
    return SCRUB_OK;
}

typedef struct {
    char *src, *reasons;
    size_t src_len;
    scrub__lex_entry *entries;
    size_t n;
    scrub__ac ac;
} user_lexicon;

static void user_lexicon_free(user_lexicon *u, bool built)
{
    if (built) scrub__ac_free(&u->ac);
    scrub__free(u->src);
    scrub__free(u->reasons);
    scrub__free(u->entries);
}

static int build_user(scrub_ctx *ctx, const char *src, size_t len, user_lexicon *u)
{
    size_t n, rbytes;
    memset(u, 0, sizeof *u);
    int rc = parse_lexicon(ctx, src, len, NULL, &n, &rbytes);
    if (rc != SCRUB_OK) return rc;
    pending_entry *pe = scrub__malloc((n ? n : 1) * sizeof *pe);
    u->src = scrub__malloc(len + 1);
    u->reasons = scrub__malloc(rbytes + 1);
    u->entries = scrub__malloc((n ? n : 1) * sizeof *u->entries);
    if (!pe || !u->src || !u->reasons || !u->entries) {
        scrub__free(pe);
        user_lexicon_free(u, false);
        return scrub__fail(ctx, SCRUB_E_NOMEM, "out of memory");
    }
    memcpy(u->src, src, len);
    u->src_len = len;
    parse_lexicon(ctx, u->src, len, pe, &n, &rbytes);
    for (size_t i = 0; i < n; i++) {
        const char *cname = scrub__lex_category_name(pe[i].cat);
        char *r = u->reasons + pe[i].reason;
        size_t cl = strlen(cname);
        memcpy(r, "user:", 5);
        memcpy(r + 5, cname, cl);
        r[5 + cl] = ':';
        memcpy(r + 6 + cl, u->src + pe[i].term, pe[i].term_len);
        r[6 + cl + pe[i].term_len] = '\0';
        u->entries[i] = (scrub__lex_entry){u->src + pe[i].term, (unsigned)pe[i].term_len,
                                           pe[i].cat, pe[i].strong, r};
    }
    scrub__free(pe);
    u->n = n;
    rc = scrub__ac_build(&u->ac, u->entries, n);
    if (rc != SCRUB_OK) {
        user_lexicon_free(u, false);
        return rc == SCRUB_E_TOO_LARGE
                   ? scrub__fail(ctx, rc, "lexicon too large (over %u automaton states)",
                                 SCRUB__AC_MAX_STATES)
                   : scrub__fail(ctx, SCRUB_E_NOMEM, "out of memory");
    }
    return SCRUB_OK;
}

SCRUB_API int scrub_filter_add_lexicon(scrub_ctx *ctx, const char *entries, size_t len)
{
    if (!ctx) return SCRUB_E_INVALID_ARG;
    scrub__begin(ctx);
    int rc = scrub__check_input(ctx, entries, len);
    if (rc != SCRUB_OK) return rc;
    size_t count, rbytes;
    rc = parse_lexicon(ctx, entries, len, NULL, &count, &rbytes);
    if (rc != SCRUB_OK) return rc;
    filter_state *st = get_state(ctx);
    if (!st) return scrub__fail(ctx, SCRUB_E_NOMEM, "out of memory");
    /* the new source is the old one, a LF, and the new entries */
    size_t old = st->user_src_len, total = old + 1 + len;
    char *src = scrub__malloc(total + 1);
    if (!src) return scrub__fail(ctx, SCRUB_E_NOMEM, "out of memory");
    if (old) memcpy(src, st->user_src, old);
    src[old] = '\n';
    if (len) memcpy(src + old + 1, entries, len);
    user_lexicon u;
    rc = build_user(ctx, src, total, &u);
    scrub__free(src);
    if (rc != SCRUB_OK) return rc;
    /* the last results may name old entries: forget them */
    reset_result(st);
    if (st->has_user) scrub__ac_free(&st->user_ac);
    scrub__free(st->user_entries);
    scrub__free(st->user_src);
    scrub__free(st->user_reasons);
    st->user_ac = u.ac;
    st->user_entries = u.entries;
    st->nuser = u.n;
    st->user_src = u.src;
    st->user_src_len = u.src_len;
    st->user_reasons = u.reasons;
    st->has_user = true;
    return SCRUB_OK;
}

/* The spam-variant probe's caller with no gambling, porn or medical
 * terms (test/test_filter_eval.c): how much of a farm's flag rests on
 * the lexicon.  Hidden; no library caller. */
int scrub__filter_mute_spam_lexicon(scrub_ctx *ctx, bool mute)
{
    filter_state *st = get_state(ctx);
    if (!st) return SCRUB_E_NOMEM;
    st->mute_spam = mute;
    return SCRUB_OK;
}

SCRUB_API void scrub_filter_clear_lexicon(scrub_ctx *ctx)
{
    if (!ctx) return;
    filter_state *st = ctx->stage[SCRUB__STAGE_FILTER];
    if (!st) return;
    reset_result(st);
    if (st->has_user) scrub__ac_free(&st->user_ac);
    scrub__free(st->user_entries);
    scrub__free(st->user_src);
    scrub__free(st->user_reasons);
    st->user_entries = NULL;
    st->user_src = NULL;
    st->user_reasons = NULL;
    st->user_src_len = 0;
    st->nuser = 0;
    st->has_user = false;
}
