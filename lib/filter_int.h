/*
 * filter_int.h -- shared between the filter stage's files.  Hidden.
 */
#ifndef SCRUB_FILTER_INT_H
#define SCRUB_FILTER_INT_H

#include "filter_ac.h"
#include "internal.h"

/* CCNet-style normalization, one code point at a time: dropped
 * characters (punctuation, spaces) are skipped, the rest folded. */
static inline bool scrub__norm_dropped(uint32_t cp)
{
    if (cp < 0x80) return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                            (cp >= 'A' && cp <= 'Z'));
    return cp == 0x85 || cp == 0xA0 || (cp >= 0xA1 && cp <= 0xBF) ||
           (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || cp == 0xFEFF || cp == SCRUB__REPLACEMENT ||
           (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
           (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

static inline uint32_t scrub__norm_fold(uint32_t cp)
{
    if (cp >= 0xFF10 && cp <= 0xFF19) return '0';
    if (cp >= '0' && cp <= '9') return '0';
    if (cp >= 0xFF21 && cp <= 0xFF3A) cp -= 0xFF21 - 'A';
    if (cp >= 0xFF41 && cp <= 0xFF5A) cp -= 0xFF41 - 'a';
    if (cp >= 'A' && cp <= 'Z') cp += 32;
    return cp;
}

#define SCRUB__HASH_INIT UINT64_C(0xcbf29ce484222325)

/* Adds a kept (already folded) code point to the running hash. */
static inline uint64_t scrub__hash_step(uint64_t h, uint32_t cp)
{
    return (h ^ cp) * UINT64_C(0x100000001b3);
}

/* The final hash of `kept` code points; 0 when none. */
static inline uint64_t scrub__hash_final(uint64_t x, size_t kept)
{
    if (!kept) return 0;
    x ^= x >> 30;
    x *= UINT64_C(0xbf58476d1ce4e5b9);
    x ^= x >> 27;
    x *= UINT64_C(0x94d049bb133111eb);
    x ^= x >> 31;
    return x ? x : 1;
}

/* A line's hash after CCNet-style normalization (ASCII case folded,
 * full-width forms to ASCII, digits to 0, punctuation and spaces dropped).
 * 0 when nothing is left (such lines are never counted). */
uint64_t scrub__line_hash(const char *s, size_t len);

/* Pages on which a normalized line hash was seen; 0 if unknown. */
uint32_t scrub__linestats_lookup(const scrub_linestats *stats, uint64_t hash);

/* Dev probe only: the builtin gambling, porn and medical terms are not
 * reported while mute holds (test/test_filter_eval.c, `no spam lexicon`). */
int scrub__filter_mute_spam_lexicon(scrub_ctx *ctx, bool mute);

/* ---- the line classifier's shared state and helpers (filter*.c) --------- */

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


/* Reasons the rules of several files give, and compare by address
 * (spec_rows, see_through, appended_advert ...): each has one definition,
 * in filter.c, under the hidden prefix; the rules name them R_*. */
#define R_AFTER scrub__R_AFTER
#define R_AFTER_EDITOR scrub__R_AFTER_EDITOR
#define R_AFTER_MARK scrub__R_AFTER_MARK
#define R_BEFORE scrub__R_BEFORE
#define R_BRAND_FIELD scrub__R_BRAND_FIELD
#define R_BUTTON_ROW scrub__R_BUTTON_ROW
#define R_CELL_ROWS scrub__R_CELL_ROWS
#define R_CLOSING scrub__R_CLOSING
#define R_DATE scrub__R_DATE
#define R_GLUED_START scrub__R_GLUED_START
#define R_HEADING_ABOVE scrub__R_HEADING_ABOVE
#define R_HEADLINE scrub__R_HEADLINE
#define R_HINT_AD scrub__R_HINT_AD
#define R_HINT_FOOTER scrub__R_HINT_FOOTER
#define R_HINT_NAV scrub__R_HINT_NAV
#define R_HINT_RELATED scrub__R_HINT_RELATED
#define R_HINT_WIDGET scrub__R_HINT_WIDGET
#define R_LINKED_LINE scrub__R_LINKED_LINE
#define R_LINKS scrub__R_LINKS
#define R_NO_TEXT scrub__R_NO_TEXT
#define R_OPENING scrub__R_OPENING
#define R_OUTSIDE scrub__R_OUTSIDE
#define R_PITCH_BOX scrub__R_PITCH_BOX
#define R_SEGMENTED_KEYWORDS scrub__R_SEGMENTED_KEYWORDS
#define R_SHARE_ROW scrub__R_SHARE_ROW
#define R_SHEET_TITLE scrub__R_SHEET_TITLE
#define R_SHORT_RUN scrub__R_SHORT_RUN
#define R_TAIL_ROWS scrub__R_TAIL_ROWS
#define R_TITLE_PART scrub__R_TITLE_PART
#define R_WRAPPED scrub__R_WRAPPED
extern const char R_AFTER[];
extern const char R_AFTER_EDITOR[];
extern const char R_AFTER_MARK[];
extern const char R_BEFORE[];
extern const char R_BRAND_FIELD[];
extern const char R_BUTTON_ROW[];
extern const char R_CELL_ROWS[];
extern const char R_CLOSING[];
extern const char R_DATE[];
extern const char R_GLUED_START[];
extern const char R_HEADING_ABOVE[];
extern const char R_HEADLINE[];
extern const char R_HINT_AD[];
extern const char R_HINT_FOOTER[];
extern const char R_HINT_NAV[];
extern const char R_HINT_RELATED[];
extern const char R_HINT_WIDGET[];
extern const char R_LINKED_LINE[];
extern const char R_LINKS[];
extern const char R_NO_TEXT[];
extern const char R_OPENING[];
extern const char R_OUTSIDE[];
extern const char R_PITCH_BOX[];
extern const char R_SEGMENTED_KEYWORDS[];
extern const char R_SHARE_ROW[];
extern const char R_SHEET_TITLE[];
extern const char R_SHORT_RUN[];
extern const char R_TAIL_ROWS[];
extern const char R_TITLE_PART[];
extern const char R_WRAPPED[];

/* ---- helpers several files call per byte or per line -------------------- */

static inline bool is_cjk(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
}

/* Letters of alphabetic scripts (Latin, Greek, Cyrillic, Arabic, ...):
 * everything past Latin-1 punctuation that is not CJK, punctuation or a
 * symbol block. */
static inline bool is_alpha(uint32_t cp)
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

static inline bool ascii_letter(unsigned char c)
{
    return (c | 32) >= 'a' && (c | 32) <= 'z';
}

static inline bool ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ascii_letter(c);
}

/* Letters (alphabetic or CJK) in s[b, e)? */
static inline bool has_letter(const unsigned char *s, size_t b, size_t e)
{
    for (size_t i = b; i < e;) {
        uint32_t cp;
        size_t k = scrub__utf8_decode(s + i, e - i, &cp);
        if (is_alpha(cp) || is_cjk(cp)) return true;
        i += k ? k : 1;
    }
    return false;
}

#if defined(__GNUC__)

#define ALWAYS_INLINE inline __attribute__((always_inline))

#else

#define ALWAYS_INLINE inline

#endif

/* Dates such as 2018/11/29, 2017-05-24 00:00 or 2022年3月1日. */
/* Digits at s[i..n): how many. */
static inline size_t digits_at(const unsigned char *s, size_t n, size_t i)
{
    size_t d = 0;
    while (i + d < n && s[i + d] >= '0' && s[i + d] <= '9') d++;
    return d;
}

static inline double fdiv(double a, double b)
{
    return b > 0 ? a / b : 0;
}

static inline bool has(const line_t *ln, unsigned cat)
{
    return ln->cats & (1u << cat);
}

/* Where the first hit of cat is and why it counts; 0 and no reason
 * without a hit (the arrays are not cleared for a new line). */
static inline uint32_t cat_at(const line_t *ln, unsigned cat)
{
    return has(ln, cat) ? ln->cat_pos[cat] : 0;
}

static inline const char *cat_why(const line_t *ln, unsigned cat)
{
    return has(ln, cat) ? ln->cat_reason[cat] : NULL;
}

static inline bool strong(const line_t *ln, unsigned cat)
{
    return ln->strong & (1u << cat);
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

static inline double sentence_score(const line_t *ln)
{
    return 0.6 + 0.39 * (ln->units > 100 ? 1.0 : ln->units / 100.0);
}

/* Length of w when p starts with it (ASCII case folded), else 0. */
static inline size_t starts_with(const char *p, size_t n, const char *w)
{
    size_t i = 0;
    for (; w[i]; i++) {
        char c = i < n ? p[i] : 0;
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != w[i]) return 0;
    }
    return i;
}

/* Length of the first of words[0, k) (not ASCII: no case to fold) that
 * p starts with, or 0; a first byte that differs settles most words. */
static inline size_t first_word(const char *p, size_t n, const char *const *words, size_t k)
{
    for (size_t i = 0; n && i < k; i++) {
        if (p[0] != words[i][0]) continue;
        size_t m = starts_with(p, n, words[i]);
        if (m) return m;
    }
    return 0;
}

/* Length of the field name at the line's start when a colon follows it
 * ("Phone : ", "电话：", "文章摘要："), the colon and spaces included; 0 if
 * none.  The name is at most six CJK characters or twelve letters. */
static inline size_t field_prefix(const char *text, const line_t *ln)
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

/* Is s[i] the first byte of an opening quote or bracket a brand is put
 * in (‘ “ 【 《 「 （, three bytes each)?  n bounds s. */
static inline bool open_mark(const unsigned char *s, size_t n, size_t i)
{
    static const char *const q[] = {"\xE2\x80\x98", "\xE2\x80\x9C", "\xE3\x80\x90", "\xE3\x80\x8A",
                                    "\xE3\x80\x8C", "\xEF\xBC\x88"};
    /* most lines open with a letter: one compare decides them */
    if (i + 3 > n || (s[i] != 0xE2 && s[i] != 0xE3 && s[i] != 0xEF)) return false;
    for (size_t k = 0; k < sizeof q / sizeof q[0]; k++)
        if (memcmp(s + i, q[k], 3) == 0) return true;
    return false;
}

static inline bool keep_label(int l)
{
    return l == SCRUB_LABEL_CONTENT || l == SCRUB_LABEL_HEADING || l == SCRUB_LABEL_CAPTION;
}

static inline void set_label(line_t *ln, int label, double score, const char *reason)
{
    ln->label = label;
    ln->score = score;
    ln->reason = reason;
}

static inline size_t prev_nonblank(const filter_state *st, size_t i, bool skip_cand)
{
    while (i-- > 0) {
        int l = st->lines[i].label;
        if (l != SCRUB_LABEL_BLANK && !(skip_cand && l == CAND)) return i;
    }
    return SIZE_MAX;
}

static inline size_t next_nonblank(const filter_state *st, size_t i, bool skip_cand)
{
    while (++i < st->nlines) {
        int l = st->lines[i].label;
        if (l != SCRUB_LABEL_BLANK && !(skip_cand && l == CAND)) return i;
    }
    return SIZE_MAX;
}

static inline bool keeps_at(const filter_state *st, size_t i)
{
    return i != SIZE_MAX && (keep_label(st->lines[i].label) || st->lines[i].label == SCRUB_LABEL_META);
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

/* Labels the candidates of lines [i, j) content, for reason. */
static inline void content_run(filter_state *st, size_t i, size_t j, const char *reason)
{
    for (size_t k = i; k < j; k++)
        if (st->lines[k].label == CAND) set_label(&st->lines[k], SCRUB_LABEL_CONTENT, 0.55, reason);
}

/* How far the article's frame reads through line ln, left by an
 * extractor anywhere: 1, a lone symbol (|, ·), which splits no title and
 * ends no tail; 2, a button, a share bar or a widget's phrase that fills
 * its line, which ends no list under the body (the title search stops at
 * it: on a whole page the line over a share bar is often another story's
 * title); 0, the rest -- a comment section's title (THREAD, COMMENT), a
 * footer or related marker still end the article. */
static inline uint8_t see_through(const line_t *ln)
{
    if (ln->label == SCRUB_LABEL_ARTIFACT) return ln->reason == R_NO_TEXT && !ln->ndigit && !ln->code;
    if (ln->label != SCRUB_LABEL_WIDGET) return 0;
    if (ln->reason == R_SHARE_ROW || ln->reason == R_BUTTON_ROW) return 2;
    return ((has(ln, SCRUB__CAT_BUTTON) && ln->reason == ln->cat_reason[SCRUB__CAT_BUTTON]) ||
            (has(ln, SCRUB__CAT_WIDGET) && ln->reason == ln->cat_reason[SCRUB__CAT_WIDGET])) ? 2 : 0;
}

/* A blank line, or a lone symbol a title broken over lines reads across. */
static inline bool reads_blank(const line_t *ln)
{
    return ln->label == SCRUB_LABEL_BLANK || (ln->label == SCRUB_LABEL_ARTIFACT && see_through(ln) == 1);
}

static inline bool holds(const char *p, size_t n, const char *w)
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

/* Does line ln hold the bytes key[0, n)? */
static inline bool line_holds(const char *text, const line_t *ln, const char *key, size_t n)
{
    const char *q = text + ln->start, *end = q + ln->len;
    /* memchr for the key's first byte, then one compare */
    for (; (size_t)(end - q) >= n && (q = memchr(q, key[0], (size_t)(end - q) - n + 1)); q++)
        if (memcmp(q, key, n) == 0) return true;
    return false;
}

/* ---- what crosses the classifier's files -----------------------------------
 * The driver (filter.c) calls each family's entry points; the families
 * call each other only where listed here, and never the driver. */

/* filter_line.c: passes 1 and 2, and a few line shapes pass 3 reads */
/* A Chinese line that ends in "..." or one "…": a summary cut short. */
bool scrub__cut_short(const unsigned char *s, size_t n);
/* A date with a four-digit year in the line (17.03.2015, 2/26/2015, 2013-04-01). */
bool scrub__has_date(const char *text, const line_t *ln);
/* A time of day, 9:05 or 18:57, beside the date. */
bool scrub__has_clock(const char *text, const line_t *ln);
/* A clock and little else on the line ("2:51 PM", "14:05"). */
bool scrub__clock_alone(const char *text, const line_t *ln);
/* Prose in a language without stop words in our list. */
bool scrub__lowercase_prose(const line_t *ln);
/* A line a held marker labelled, as the marker left it. */
bool scrub__still_held(const line_t *ln);
/* A picture's credit alone on its line ("Photo: Reuters", "图片来源：视觉中国"). */
bool scrub__photo_credit(const char *text, const line_t *ln);
/* The word that opens a byline at p ("Von ", "Par "), its length or 0. */
size_t scrub__byline_word(const char *p, size_t n);
/* A word of a byline after its opening word: 1 a name, 2 a joint or a particle, 0 else. */
int scrub__byline_token(const unsigned char *w, size_t n);
/* The spam shapes, residue and lead-in shapes, on lines no marker decided. */
void scrub__residue_lines(filter_state *st, const char *text);
/* Passes 1 and 2 over every line: features, lexicon hits, the line-alone label. */
int scrub__classify_each(scrub_ctx *ctx, filter_state *st, const char *text);

/* filter_page.c: the DOM's hints, the context pass, hard-wrapped runs */
/* Line i's hint flags as the filter reads them. */
uint32_t scrub__hint_of(const filter_state *st, const uint32_t *hints, size_t i);
/* Do the hints show page furniture (nav, header, footer, sidebar, all-link lines)? */
bool scrub__has_furniture(const uint32_t *hints, size_t nhints);
/* Marks the linked headings over their own prose (own_head); whether any was. */
bool scrub__own_headings(filter_state *st, const uint32_t *hints, size_t nhints, uint32_t wrapper);
/* A line's DOM flags (linked, boxed ...) from hint flags h; its label where they decide. */
void scrub__apply_hint(line_t *ln, uint32_t h, bool whole_page);
/* A prose list item with no feed line beside it loses its related chrome. */
void scrub__list_prose_runs(filter_state *st);
/* What the hint flags h say together with the line's own shape. */
void scrub__hint_shapes(line_t *ln, const char *text, uint32_t h, bool whole_page);
/* Hint flags that cover most of the page's text lines (they say nothing of one). */
uint32_t scrub__wrapper_flags(const filter_state *st, const uint32_t *hints, size_t nhints);
/* Pass 3: every context rule, in order; SCRUB_E_NOMEM on failure. */
int scrub__context_pass(filter_state *st, const char *text, const scrub_linestats *stats,
                        int64_t min_pages);
/* Hard-wrapped prose read as the text its lines make. */
void scrub__wrapped_runs(filter_state *st, const char *text);

/* filter_blocks.c: pass 3's block rules (scrub__context_pass calls them) */
/* Titles of other pages under the body: the body's new last line. */
size_t scrub__title_tail(filter_state *st, size_t first, size_t last);
/* A table of contents under the lead: how many titles it lists. */
size_t scrub__contents_table(filter_state *st, const char *text);
/* The sections the contents list after the body's last line: the new last line. */
size_t scrub__listed_sections(const filter_state *st, size_t last);
/* Short linked lines under a section title the contents list: the section's. */
void scrub__listed_links(filter_state *st, size_t first, size_t last);
/* Gives the lines of the tables of contents label. */
void scrub__hide_toc(filter_state *st, int label);
/* A short unlinked list item inside <main> (a team sheet's line). */
bool scrub__sheet_shape(const line_t *ln);
/* Runs of twelve or more sheet lines that context took for a menu. */
void scrub__repeated_sheets(filter_state *st);
/* Lyrics with their pinyin, a line of Han over the line that spells it. */
void scrub__pinyin_verse(filter_state *st);
/* A row of a list or table that gives a field and its value. */
bool scrub__field_row(const char *text, const line_t *ln);
/* Six or more field rows in a row inside a list or table. */
void scrub__field_lists(filter_state *st, const char *text);
/* The number a line opens with, or -1. */
long scrub__lead_number(const char *text, const line_t *ln);
/* Eleven or more lines numbered n, n+1 ...: a list, not a menu. */
void scrub__numbered_lists(filter_state *st, const char *text);
/* Numbers alone on their lines that number the body's sections. */
void scrub__section_numbers(filter_state *st, const char *text, size_t first, size_t last);
/* A match's score board set one cell per line. */
void scrub__score_boards(filter_state *st, const char *text, size_t first, size_t last);
/* A live report's minute marks on lines of their own. */
void scrub__minute_marks(filter_state *st, const char *text, size_t first, size_t last);
/* What a comment's dated author line (ODD_DATED) is, decided last. */
void scrub__dated_stamps(filter_state *st);
/* On a page that marks its article up: the sentences outside it. */
void scrub__outside_article(filter_state *st);
/* Sentences of the html stage's article guess that only their place put out. */
void scrub__candidate_sentences(filter_state *st);
/* The article guess taken back when the filter dropped too much of it. */
void scrub__candidate_fallback(filter_state *st);
/* Prose in a run of lines of one box class (ad, related, comment ...). */
void scrub__boxed_prose(filter_state *st, const char *text);
/* Does ln carry none of a byline's or a credit's marks? */
bool scrub__dek_unmarked(const char *text, const line_t *ln);
/* A dek: eight words or more, a third of them lower case, unmarked. */
bool scrub__dek_shape(const char *text, const line_t *ln);
/* A dek right under a heading above the body's first sentence. */
void scrub__heading_deks(filter_state *st, const char *text);
/* A widget box's title and the few short kept lines under it. */
void scrub__box_pitches(filter_state *st);
/* A box head over two to four linked teasers. */
void scrub__teaser_boxes(filter_state *st);
/* Teaser headings with their ledes past the article guess. */
void scrub__teaser_pairs(filter_state *st);
/* An embedded post's credit line ("— name (@handle) date"). */
void scrub__post_credits(filter_state *st, const char *text);
/* Third-party slots under an ad label. */
void scrub__ad_slots(filter_state *st);
/* Runs of fact lines (a recipe's card, a match's facts) at the body. */
void scrub__fact_blocks(filter_state *st, const char *text);
/* No body found: six or more short titles are a list of links. */
void scrub__title_list(filter_state *st, const char *text);
/* Without context, a candidate is a heading (some text) or navigation. */
void scrub__resolve_alone(filter_state *st, const char *text);

/* filter_spam.c: spam in and around lines, the document score */
/* An advertorial appended to the body: the body's new last line. */
size_t scrub__appended_advert(filter_state *st, const char *text, size_t first, size_t last);
/* Lines of a pitch term (pitch:TERM), and a box's name near a pitch's title. */
void scrub__pitch_lines(filter_state *st, const char *text);
/* Keyword fragments, and spam terms on a page that injects spam. */
void scrub__keyword_fragments(filter_state *st, const char *text, size_t len);
/* The document's spam score and flags; a farm's verdict relabels its template. */
void scrub__doc_score(filter_state *st, const char *text);
/* The inline spans of sentence line li, and whether it is an advert. */
int scrub__inline_spam(filter_state *st, const char *text, size_t li, line_t *ln);


#endif
