/*
 * html.c -- HTML page to text lines (scrub_html_to_text and its accessors).
 *
 * The page is decoded to UTF-8 by scrub_decode(), then fed to libxml2's HTML
 * parser with SAX callbacks of our own: no tree is built, so the cost is the
 * tokenizer's, nesting depth costs no memory on our side beyond a fixed
 * stack, and a 50 MB text node is just many `characters` calls.  libxml2 is
 * told the input is UTF-8 and to ignore <meta charset>, because its own
 * charset handling garbles or truncates real pages (see the encoding notes).
 */
#include "internal.h"

#include <limits.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/globals.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

/* ---- element table ----------------------------------------------------------- */

/* What an element does to the text.  K_BLOCK elements end the current line
 * where they start and where they end. */
enum {
    K_BLOCK = 1u << 0, /* starts and ends a line */
    K_BR = 1u << 1,    /* ends a line where it stands */
    K_CELL = 1u << 2,  /* td/th: a tab between cells of a row */
    K_DROP = 1u << 3,  /* content is not text */
    K_TITLE = 1u << 4, /* <title>: captured as metadata, not text */
    K_PRE = 1u << 5,   /* whitespace kept, one line per source line */
    K_LINK = 1u << 6,  /* <a>: text counts toward the link share (with href) */
    K_META = 1u << 7,  /* elements whose attributes carry metadata */
    K_NOSCRIPT = 1u << 8, /* <noscript>: see release_noscript */
    K_LIST = 1u << 9,     /* a list or one of its items: its own lines score nothing */
    K_WHOLE = 1u << 10,   /* html, body: never the article's block */
};

typedef struct {
    const char *name;
    uint16_t kind;
    uint32_t hints; /* SCRUB_HINT_* bits the element gives its text */
    int8_t weight;  /* what the tag says of a block holding an article */
} elem_info;

#define BLK K_BLOCK
/* Sorted by name (elem_lookup relies on names with the same first letter
 * being together, in alphabetical order of that letter). */
static const elem_info elems[] = {
    {"a", K_LINK, 0, 0},
    {"address", BLK, 0, -3},
    {"applet", K_DROP, 0, 0},
    {"article", BLK, SCRUB_HINT_IN_MAIN, 0},
    {"aside", BLK, SCRUB_HINT_IN_ASIDE, 0},
    {"audio", K_DROP, 0, 0},
    {"blockquote", BLK, 0, 3},
    {"body", BLK | K_WHOLE, 0, 0},
    {"br", K_BR, 0, 0},
    {"canvas", K_DROP, 0, 0},
    {"caption", BLK, SCRUB_HINT_CAPTION, 0},
    {"center", BLK, 0, 0},
    {"datalist", K_DROP, 0, 0},
    {"dd", BLK | K_LIST, SCRUB_HINT_LIST_ITEM, -3},
    {"details", BLK, 0, 0},
    {"dialog", BLK, 0, 0},
    {"dir", BLK, 0, 0},
    {"div", BLK, 0, 5},
    {"dl", BLK | K_LIST, 0, -3},
    {"dt", BLK | K_LIST, SCRUB_HINT_LIST_ITEM, -3},
    {"fieldset", BLK, 0, 0},
    {"figcaption", BLK, SCRUB_HINT_CAPTION, 0},
    {"figure", BLK, 0, 0},
    {"footer", BLK, SCRUB_HINT_IN_FOOTER, 0},
    {"form", BLK, 0, -3},
    {"frameset", BLK, 0, 0},
    {"h1", BLK, SCRUB_HINT_HEADING, -5},
    {"h2", BLK, SCRUB_HINT_HEADING, -5},
    {"h3", BLK, SCRUB_HINT_HEADING, -5},
    {"h4", BLK, SCRUB_HINT_HEADING, -5},
    {"h5", BLK, SCRUB_HINT_HEADING, -5},
    {"h6", BLK, SCRUB_HINT_HEADING, -5},
    {"head", BLK, 0, 0},
    {"header", BLK, SCRUB_HINT_IN_HEADER, 0},
    {"hgroup", BLK, 0, 0},
    {"hr", K_BR, 0, 0},
    {"html", BLK | K_META | K_WHOLE, 0, 0},
    {"iframe", K_DROP, 0, 0},
    {"legend", BLK, 0, 0},
    {"li", BLK | K_LIST, SCRUB_HINT_LIST_ITEM, -3},
    {"link", K_META, 0, 0},
    {"main", BLK, SCRUB_HINT_IN_MAIN, 0},
    {"math", K_DROP, 0, 0},
    {"menu", BLK | K_LIST, 0, 0},
    {"meta", K_META, 0, 0},
    {"nav", BLK, SCRUB_HINT_IN_NAV, 0},
    {"noembed", K_DROP, 0, 0},
    {"noframes", K_DROP, 0, 0},
    {"noscript", K_DROP | K_NOSCRIPT, 0, 0},
    {"object", K_DROP, 0, 0},
    {"ol", BLK | K_LIST, 0, -3},
    {"optgroup", BLK, 0, 0},
    {"option", BLK | K_LIST, 0, 0},
    {"p", BLK, 0, 0},
    {"pre", BLK | K_PRE, SCRUB_HINT_PRE, 3},
    {"script", K_DROP, 0, 0},
    {"section", BLK, 0, 0},
    {"select", BLK | K_LIST, 0, 0},
    {"style", K_DROP, 0, 0},
    {"summary", BLK, 0, 0},
    {"svg", K_DROP, 0, 0},
    {"table", BLK, 0, 0},
    {"tbody", BLK, 0, 0},
    {"td", K_CELL, 0, 3},
    {"template", K_DROP, 0, 0},
    {"textarea", BLK, 0, 0},
    {"tfoot", BLK, 0, 0},
    {"th", K_CELL, 0, -5},
    {"thead", BLK, 0, 0},
    {"time", K_META, 0, 0},
    {"title", K_DROP | K_TITLE, 0, 0},
    {"tr", BLK, SCRUB_HINT_TABLE, 0},
    {"ul", BLK | K_LIST, 0, -3},
    {"video", K_DROP, 0, 0},
    {"xmp", BLK | K_PRE, SCRUB_HINT_PRE, 0},
};
#undef BLK

#define ELEM_COUNT (sizeof elems / sizeof elems[0])
_Static_assert(ELEM_COUNT < 256, "first[] holds uint8_t indices");

/* elems[first[c - 'a'] .. first[c - 'a' + 1]) are the names starting with c;
 * built once, read by every context. */
static uint8_t first[27];
static scrub__once first_once = SCRUB__ONCE_INIT;

/* Fills idx so that entries idx[c - 'a'] .. idx[c - 'a' + 1] of a table
 * of n names sorted by first letter start with c. */
static void index_first_letters(uint8_t idx[27], size_t n, const char *(*name)(size_t))
{
    size_t i = 0;
    for (int c = 0; c < 26; c++) {
        idx[c] = (uint8_t)i;
        while (i < n && name(i)[0] == 'a' + c) i++;
    }
    idx[26] = (uint8_t)i;
}

static const char *elem_name(size_t i)
{
    return elems[i].name;
}

static void class_first_init(void);

static int first_init(void)
{
    index_first_letters(first, ELEM_COUNT, elem_name);
    class_first_init();
    return SCRUB_OK;
}

/* libxml2's HTML parser lowercases element names, so an exact match works.
 * Called twice per element, so it looks at a handful of names at most. */
static const elem_info *elem_lookup(const char *name)
{
    unsigned c = (unsigned char)name[0] - 'a';
    if (c >= 26) return NULL;
    for (size_t i = first[c]; i < first[c + 1]; i++)
        if (strcmp(name + 1, elems[i].name + 1) == 0) return &elems[i];
    return NULL;
}

/* ---- class / id / role words ---------------------------------------------- */

typedef struct {
    const char *word;
    uint32_t hint;
    size_t len;
    int weight; /* what the word says about an article (+1) or chrome (-1) */
} word_hint;

#define W(word, hint) {word, hint, sizeof word - 1, -1}
#define POS(word) {word, 0, sizeof word - 1, 1}
#define NEG(word) {word, 0, sizeof word - 1, -1}

/* Sorted by word (class_lookup reads the words of each first letter as
 * one range); W words give a hint and weigh against an article, POS and
 * NEG ones only weigh for or against it in the article scoring. */
static const word_hint class_words[] = {
    W("ad", SCRUB_HINT_CLASS_AD), W("ads", SCRUB_HINT_CLASS_AD),
    W("advert", SCRUB_HINT_CLASS_AD), W("advertisement", SCRUB_HINT_CLASS_AD),
    W("adverts", SCRUB_HINT_CLASS_AD), POS("artibody"), POS("article"),
    W("banner", SCRUB_HINT_CLASS_AD), POS("blog"), POS("body"),
    W("breadcrumb", SCRUB_HINT_CLASS_NAV), W("breadcrumbs", SCRUB_HINT_CLASS_NAV),
    W("comment", SCRUB_HINT_CLASS_COMMENT), W("comments", SCRUB_HINT_CLASS_COMMENT),
    POS("content"), W("copyright", SCRUB_HINT_CLASS_FOOTER), POS("detail"), NEG("disqus"),
    POS("entry"), NEG("foot"), W("footer", SCRUB_HINT_CLASS_FOOTER), NEG("header"),
    POS("hentry"), NEG("login"), POS("main"), NEG("masthead"), W("menu", SCRUB_HINT_CLASS_NAV),
    W("nav", SCRUB_HINT_CLASS_NAV), W("navbar", SCRUB_HINT_CLASS_NAV),
    W("navigation", SCRUB_HINT_CLASS_NAV), NEG("pager"), NEG("pagination"), NEG("popup"),
    POS("post"), NEG("promo"), W("related", SCRUB_HINT_CLASS_RELATED), NEG("search"),
    W("share", SCRUB_HINT_CLASS_SHARE), W("sharing", SCRUB_HINT_CLASS_SHARE),
    W("sidebar", SCRUB_HINT_CLASS_SIDEBAR), W("social", SCRUB_HINT_CLASS_SHARE), NEG("sponsor"),
    POS("story"), NEG("tags"), POS("text"), NEG("toolbar"), NEG("widget"),
};

/* ARIA landmark roles say the same as the HTML5 sectioning elements. */
static const word_hint role_words[] = {
    W("navigation", SCRUB_HINT_IN_NAV),    W("banner", SCRUB_HINT_IN_HEADER),
    W("contentinfo", SCRUB_HINT_IN_FOOTER), W("complementary", SCRUB_HINT_IN_ASIDE),
    {"main", SCRUB_HINT_IN_MAIN, 4, 1},
};
#undef POS
#undef NEG

#define CLASS_COUNT (sizeof class_words / sizeof class_words[0])
_Static_assert(CLASS_COUNT < 256, "class_first[] holds uint8_t indices");

/* class_words[class_first[c - 'a'] .. class_first[c - 'a' + 1]) start
 * with c; built with first[]. */
static uint8_t class_first[27];

static const char *class_word(size_t i)
{
    return class_words[i].word;
}

static void class_first_init(void)
{
    index_first_letters(class_first, CLASS_COUNT, class_word);
}

static const word_hint *word_lookup(const word_hint *table, size_t from, size_t to,
                                    const char *word, size_t len)
{
    for (size_t i = from; i < to; i++)
        if (table[i].len == len && memcmp(table[i].word, word, len) == 0) return &table[i];
    return NULL;
}

static bool is_ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* What the words of a class, id or role value say. */
typedef struct {
    uint32_t hints;
    bool pos, neg; /* a word for an article's block, a word for chrome */
} word_says;

/* Adds what the words of v say to *ws. */
static void words_hints(const char *v, const word_hint *table, size_t n, word_says *ws)
{
    const unsigned char *p = (const unsigned char *)v;
    while (*p) {
        while (*p && !is_ascii_alnum(*p)) p++;
        char word[16];
        size_t len = 0;
        for (; is_ascii_alnum(*p); p++)
            if (len < sizeof word) word[len++] = (char)(*p | 0x20 * (*p >= 'A' && *p <= 'Z'));
        const word_hint *h = NULL;
        if (len && len < sizeof word) {
            unsigned c = (unsigned char)word[0] - 'a';
            if (table != class_words) h = word_lookup(table, 0, n, word, len);
            else if (c < 26) h = word_lookup(table, class_first[c], class_first[c + 1], word, len);
        }
        if (!h) continue;
        ws->hints |= h->hint;
        ws->pos |= h->weight > 0;
        ws->neg |= h->weight < 0;
    }
}

/* ---- stage state ----------------------------------------------------------- */

enum { F_TITLE, F_LANG, F_DESC, F_DATE, F_CANON, F_COUNT };

/* Private bits of a stack frame, inherited like the hints (but P_IMPLIED
 * and P_NOSCRIPT, which mark the element itself). */
enum {
    P_DROP = 1u << 0,
    P_TITLE = 1u << 1,
    P_PRE = 1u << 2,
    P_LINK = 1u << 3,
    P_IMPLIED = 1u << 4,
    P_NOSCRIPT = 1u << 5,
};

typedef struct {
    uint32_t hints;
    uint32_t priv;
} frame;

/* ---- article scoring ------------------------------------------------------- */

/* Each open element's side of the article scoring, kept apart from its
 * frame (release_noscript rewrites frames; a score must not be copied).
 * A "block" here is an element that holds lines: a K_BLOCK element or a
 * table cell. */
enum {
    S_BLOCK = 1u << 0,    /* a block: lines are credited to it */
    S_PARENT = 1u << 1,   /* a block child has opened in it */
    S_LIST = 1u << 2,     /* li, ul, ...: its own lines score nothing */
    S_UNLIKELY = 1u << 3, /* inside chrome (nav, footer, sidebar ...): no line scores */
    S_NOCAND = 1u << 4,   /* html, body: the whole page is no guess */
};

typedef struct {
    float score;        /* credited by the lines it holds, and below */
    float strict;       /* the same, chrome's lines left out */
    uint32_t first;     /* index of its first line */
    uint32_t id, parent_id;
    /* 32 bits hold these, ids and line numbers: parse_utf8 refuses an
     * input past INT_MAX bytes */
    uint32_t text, link, chars; /* bytes of its lines, in links; characters */
    uint32_t blk;       /* depth of the nearest block, itself included */
    uint32_t up;        /* a block's: depth of the nearest block above */
    int16_t weight;     /* its tag's and class words' bonus */
    uint8_t flags;
} sframe;

/* A block that got a score, as it closed. */
typedef struct {
    float score, strict;
    uint32_t first, end, id, parent_id, chars;
} cand;

/* Kept in the context: the details of the last call, and scratch memory. */
typedef struct {
    scrub__buf meta[F_COUNT];
    int meta_rank[F_COUNT];
    uint32_t *hints;
    size_t nlines, hints_cap;
    size_t parse_errors;
    frame *stack;
    size_t stack_cap;
    sframe *sstack;     /* beside stack, same depth */
    cand *cands;
    size_t ncands, cands_cap;
    scrub__buf utf8; /* scratch for SCRUB_HTML_UTF8 input */
} html_slot;

static void slot_free(void *p)
{
    html_slot *s = p;
    for (int i = 0; i < F_COUNT; i++) scrub__buf_free(&s->meta[i]);
    scrub__free(s->hints);
    scrub__free(s->stack);
    scrub__free(s->sstack);
    scrub__free(s->cands);
    scrub__buf_free(&s->utf8);
}

static void slot_clear(html_slot *s)
{
    for (int i = 0; i < F_COUNT; i++) {
        scrub__buf_clear(&s->meta[i]);
        s->meta_rank[i] = 0;
    }
    s->nlines = 0;
    s->parse_errors = 0;
    s->ncands = 0;
}

/* ---- the walk over SAX events ---------------------------------------------- */

typedef struct {
    html_slot *slot;
    htmlParserCtxtPtr parser;
    int status;          /* first failure inside a callback */
    scrub__buf out;      /* the text; the current line is out[line_start..] */
    size_t line_start;
    size_t line_text;    /* non-space bytes in the current line */
    size_t line_link;    /* ... of which inside links */
    uint32_t line_hints;
    bool pending_space, pending_tab, after_cr;
    bool title_done;
    size_t depth;        /* frames in use above the root frame */
    size_t max_depth;
    size_t overflow;     /* open elements past max_depth */
    size_t overflow_drop; /* overflow level of an open dropped element, or 0 */
    uint64_t max_line;
    uint64_t scan_cost;   /* stack entries libxml2 searched for stray end tags */
    uint64_t scan_budget;
    int stop_depth;       /* libxml2's depth when the budget ran out */
    uint32_t next_id;     /* elements opened so far */
    size_t noscript_ends; /* </noscript> tags libxml2 may have ignored */
} walker;

static void walk_fail(walker *w, int status)
{
    if (w->status == SCRUB_OK) w->status = status;
    if (w->parser) xmlStopParser(w->parser);
}

static frame *top(walker *w)
{
    return &w->slot->stack[w->depth];
}

/* A line of nothing but spaces, tabs, no-break spaces (&nbsp; fillers) and
 * ideographic spaces (U+3000, the indent of Chinese paragraphs) is blank. */
static bool is_blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t') continue;
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
            i++;
            continue;
        }
        if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80) {
            i += 2;
            continue;
        }
        return false;
    }
    return true;
}

static int push_hint(walker *w, uint32_t hint)
{
    html_slot *s = w->slot;
    if (s->nlines == s->hints_cap) {
        size_t cap = s->hints_cap ? s->hints_cap * 2 : 256;
        uint32_t *h = scrub__realloc(s->hints, cap * sizeof *h);
        if (!h) return SCRUB_E_NOMEM;
        s->hints = h;
        s->hints_cap = cap;
    }
    s->hints[s->nlines++] = hint;
    return SCRUB_OK;
}

static sframe *sf(walker *w, size_t depth)
{
    return &w->slot->sstack[depth];
}

/* Characters and commas (, ， 、) of a line. */
static void line_counts(const char *s, size_t n, uint32_t *chars, uint32_t *commas)
{
    uint32_t c = 0, k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        c += (b & 0xC0) != 0x80;
        if (b == ',')
            k++;
        else if ((b == 0xEF || b == 0xE3) && i + 2 < n) {
            unsigned char b1 = (unsigned char)s[i + 1], b2 = (unsigned char)s[i + 2];
            k += (b == 0xEF && b1 == 0xBC && b2 == 0x8C) || (b == 0xE3 && b1 == 0x80 && b2 == 0x81);
        }
    }
    *chars = c;
    *commas = k;
}

/* A line is a paragraph of the block that holds it: its text counts there,
 * and a line of 25 characters or more outside lists and chrome scores for
 * the block the paragraph sits in (the holder itself once it has block
 * children, else the block above: a <p> or a <div> of text alone is the
 * paragraph), half that for the next block up and a sixth for the next. */
static void score_line(walker *w, const char *line, size_t n)
{
    uint32_t bi = sf(w, w->depth)->blk;
    sframe *b = sf(w, bi);
    /* a line under 25 bytes is under 25 characters: it scores nothing,
     * and its bytes stand for its characters */
    uint32_t chars = (uint32_t)n, commas = 0;
    if (n >= 25) line_counts(line, n, &chars, &commas);
    b->text += (uint32_t)w->line_text;
    b->link += (uint32_t)w->line_link;
    b->chars += chars;
    if (chars < 25 || (b->flags & (S_LIST | S_PARENT)) == S_LIST) return;
    float pts = 1.0f + (float)commas + (chars >= 300 ? 3.0f : (float)(chars / 100));
    float strict = b->flags & S_UNLIKELY ? 0 : pts;
    static const float share[] = {1.0f, 0.5f, 1.0f / 6};
    uint32_t c = b->flags & S_PARENT ? bi : b->up;
    for (size_t lvl = 0; c && lvl < 3; lvl++, c = sf(w, c)->up) {
        sf(w, c)->score += pts * share[lvl];
        sf(w, c)->strict += strict * share[lvl];
    }
}

/* The scoring side of a new element at depth w->depth + 1. */
static void score_open(walker *w, const elem_info *e, unsigned kind, const word_says *ws)
{
    const sframe *p = sf(w, w->depth);
    sframe *n = sf(w, w->depth + 1);
    n->score = n->strict = 0;
    n->text = n->link = n->chars = 0;
    n->first = (uint32_t)w->slot->nlines;
    n->id = ++w->next_id;
    n->parent_id = sf(w, p->blk)->id;
    n->flags = p->flags & S_UNLIKELY;
    n->weight = 0;
    if ((ws->neg && !ws->pos) ||
        (e && e->hints & (SCRUB_HINT_IN_NAV | SCRUB_HINT_IN_ASIDE | SCRUB_HINT_IN_FOOTER)))
        n->flags |= S_UNLIKELY;
    if (!(kind & (K_BLOCK | K_CELL)) || kind & K_DROP) {
        n->blk = p->blk;
        n->up = p->up;
        return;
    }
    sf(w, p->blk)->flags |= S_PARENT;
    n->flags |= S_BLOCK;
    n->blk = (uint32_t)w->depth + 1;
    n->up = p->blk;
    n->weight = (int16_t)((e ? e->weight : 0) + (ws->pos ? 25 : 0) - (ws->neg ? 25 : 0));
    if (kind & K_LIST) n->flags |= S_LIST;
    if (kind & K_WHOLE) n->flags |= S_NOCAND;
}

static void push_cand(walker *w, const cand *c)
{
    html_slot *s = w->slot;
    if (s->ncands == s->cands_cap) {
        size_t cap = s->cands_cap ? s->cands_cap * 2 : 64;
        cand *a = scrub__realloc(s->cands, cap * sizeof *a);
        if (!a) {
            walk_fail(w, SCRUB_E_NOMEM);
            return;
        }
        s->cands = a;
        s->cands_cap = cap;
    }
    s->cands[s->ncands++] = *c;
}

/* A block closes: its text joins the block above, and its score, scaled
 * by the share of its text outside links, makes it a candidate. */
static void score_close(walker *w)
{
    sframe *n = sf(w, w->depth);
    if (!(n->flags & S_BLOCK)) return;
    sframe *u = sf(w, n->up);
    u->text += n->text;
    u->link += n->link;
    u->chars += n->chars;
    if (n->score <= 0 || n->flags & S_NOCAND) return;
    float own = n->text ? 1.0f - (float)n->link / (float)n->text : 1.0f;
    float score = (n->score + (float)n->weight) * own;
    float strict = n->strict > 0 ? (n->strict + (float)n->weight) * own : 0;
    if (score <= 0) return;
    uint32_t end = (uint32_t)w->slot->nlines + (w->out.len > w->line_start);
    cand c = {score, strict, n->first, end, n->id, n->parent_id, n->chars};
    push_cand(w, &c);
}

static size_t best_cand(const html_slot *s, bool strict)
{
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < s->ncands; i++) {
        float v = strict ? s->cands[i].strict : s->cands[i].score;
        if (v > 0 && (best == SIZE_MAX || v > (strict ? s->cands[best].strict : s->cands[best].score)))
            best = i;
    }
    return best;
}

/* Marks the lines of the best candidate and of its siblings that score
 * near it (a fifth of its score and 10 at least).  The best is first
 * sought with the lines inside chrome (nav, footer, sidebar ... classes)
 * left out; when that one holds under 250 characters, the page's chrome
 * class words may wrap its article ("below-banner"), and the lines count
 * wherever they are; a best under 250 characters then is no article (a
 * page of teasers): nothing is marked. */
static void mark_candidate(walker *w)
{
    html_slot *s = w->slot;
    bool strict = true;
    size_t best = best_cand(s, true);
    if (best == SIZE_MAX || s->cands[best].chars < 250) {
        strict = false;
        best = best_cand(s, false);
    }
    if (best == SIZE_MAX || s->cands[best].chars < 250) return;
    const cand *b = &s->cands[best];
    float top = strict ? b->strict : b->score;
    float min = top * 0.2f > 10 ? top * 0.2f : 10;
    for (size_t i = 0; i < s->ncands; i++) {
        const cand *c = &s->cands[i];
        float v = strict ? c->strict : c->score;
        if (i != best && (c->parent_id != b->parent_id || v < min)) continue;
        for (size_t k = c->first; k < c->end && k < s->nlines; k++)
            s->hints[k] |= SCRUB_HINT_IN_CANDIDATE;
    }
}

/* Ends the current line: trims it, drops it when blank, else terminates it
 * with LF and records its hints. */
static void end_line(walker *w)
{
    w->pending_space = w->pending_tab = false;
    size_t end = w->out.len;
    while (end > w->line_start && (w->out.data[end - 1] == ' ' || w->out.data[end - 1] == '\t'))
        end--;
    if (end == w->line_start || is_blank_line(w->out.data + w->line_start, end - w->line_start)) {
        w->out.len = w->line_start;
    } else {
        w->out.len = end;
        uint32_t share = 0;
        if (w->line_text)
            share = (uint32_t)((w->line_link * 255 + w->line_text / 2) / w->line_text);
        if (share > 255) share = 255;
        score_line(w, w->out.data + w->line_start, end - w->line_start);
        if (scrub__buf_putc(&w->out, '\n') != SCRUB_OK ||
            push_hint(w, w->line_hints | share << SCRUB_HINT_LINK_SHARE_SHIFT) != SCRUB_OK) {
            walk_fail(w, SCRUB_E_NOMEM);
            return;
        }
        w->line_start = w->out.len;
    }
    w->line_text = w->line_link = 0;
    w->line_hints = 0;
}

static bool is_html_space(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

static void check_line_length(walker *w)
{
    size_t n = w->out.len - w->line_start;
    if ((uint64_t)n > w->max_line) walk_fail(w, SCRUB_E_TOO_LARGE);
}

/* Appends a run of non-space bytes, after the separator owed to what came
 * before it on the line. */
static void put_run(walker *w, const char *s, size_t n, const frame *f)
{
    if (w->out.len > w->line_start) {
        if (w->pending_tab)
            scrub__buf_putc(&w->out, '\t');
        else if (w->pending_space)
            scrub__buf_putc(&w->out, ' ');
    }
    w->pending_space = w->pending_tab = false;
    scrub__buf_append(&w->out, s, n);
    w->line_text += n;
    if (f->priv & P_LINK) w->line_link += n;
    w->line_hints |= f->hints;
}

/* Text outside pre: runs of whitespace become one space. */
static void text_flow(walker *w, const char *s, size_t n, const frame *f)
{
    size_t i = 0;
    while (i < n) {
        if (is_html_space((unsigned char)s[i])) {
            w->pending_space = true;
            while (++i < n && is_html_space((unsigned char)s[i])) {}
            continue;
        }
        size_t j = i + 1;
        while (j < n && !is_html_space((unsigned char)s[j])) j++;
        put_run(w, s + i, j - i, f);
        i = j;
    }
}

/* Text inside pre: kept as is, CR LF / CR / LF end a line. */
static void text_pre(walker *w, const char *s, size_t n, const frame *f)
{
    size_t i = 0;
    if (w->after_cr && n && s[0] == '\n') i = 1;
    w->after_cr = false;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\n' && s[j] != '\r') j++;
        if (j > i) {
            if (w->pending_space && w->out.len > w->line_start) scrub__buf_putc(&w->out, ' ');
            w->pending_space = w->pending_tab = false;
            scrub__buf_append(&w->out, s + i, j - i);
            w->line_text += j - i;
            if (f->priv & P_LINK) w->line_link += j - i;
            w->line_hints |= f->hints;
        }
        if (j == n) break;
        end_line(w);
        if (s[j] == '\r') {
            if (j + 1 == n) w->after_cr = true;
            else if (s[j + 1] == '\n') j++;
        }
        i = j + 1;
    }
}

static void meta_put(walker *w, int field, int rank, const char *value);

/* libxml2 lets a misplaced end tag close only elements whose "end priority"
 * is not above its own, and div, table and the table parts outrank
 * noscript: in `<noscript><div id=x></noscript><p>text` it ignores the
 * </noscript>, and the rest of the page, up to a </body>, becomes content
 * of the noscript, which this stage drops -- a whole page lost to a div
 * left open in a fallback nobody sees.  A browser running scripts reads a
 * noscript's content as raw text up to the first </noscript>, so nothing
 * after that tag is fallback, whatever the tree says.  libxml2 reports the
 * ignored tag as a mismatch; at the next text or start tag, the innermost
 * open noscript and the elements left open inside it are treated as gone:
 * their frames become copies of the noscript's parent (its drop, hints,
 * link and pre state), so what follows reads as the page wrote it.  The
 * fallback's own text, before its </noscript>, was dropped already, and a
 * fallback that libxml2 closes never gets here: the same mismatch is also
 * reported when libxml2 closes the noscript after closing elements inside
 * it, and the noscript's end event then takes it back.  Each release walks
 * at most the open frames, as libxml2's own search for the tag did, which
 * on_error meters. */
static void release_noscript(walker *w)
{
    size_t ends = w->noscript_ends;
    w->noscript_ends = 0;
    if (w->overflow) return; /* the noscript may be past max_depth: leave it */
    frame *st = w->slot->stack;
    size_t k = w->depth + 1;
    while (ends--) { /* one noscript per ignored end tag, innermost first */
        while (--k && !(st[k].priv & P_NOSCRIPT)) {}
        if (!k) return;
        for (size_t i = k; i <= w->depth; i++) {
            uint32_t implied = st[i].priv & P_IMPLIED;
            st[i] = st[k - 1];
            st[i].priv = (st[i].priv & ~(uint32_t)(P_IMPLIED | P_NOSCRIPT)) | implied;
        }
    }
}

static void on_text(void *ud, const xmlChar *ch, int len)
{
    walker *w = ud;
    if (w->noscript_ends) release_noscript(w);
    const frame *f = top(w);
    const char *s = (const char *)ch;
    size_t n = len > 0 ? (size_t)len : 0;
    if (f->priv & P_DROP || w->overflow_drop) {
        /* a title is collected whole and collapsed once it ends */
        if (f->priv & P_TITLE && !w->overflow_drop && !w->title_done &&
            scrub__buf_append(&w->slot->meta[F_TITLE], s, n) != SCRUB_OK)
            walk_fail(w, SCRUB_E_NOMEM);
        return;
    }
    if (f->priv & P_PRE)
        text_pre(w, s, n, f);
    else
        text_flow(w, s, n, f);
    if (w->out.failed) walk_fail(w, SCRUB_E_NOMEM);
    check_line_length(w);
}

/* ---- metadata -------------------------------------------------------------- */

/* Copies value into b with whitespace runs collapsed and the ends trimmed. */
static void put_collapsed(scrub__buf *b, const char *v, size_t n)
{
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        if (is_html_space((unsigned char)v[i])) {
            space = b->len > 0;
            continue;
        }
        if (space) scrub__buf_putc(b, ' ');
        space = false;
        scrub__buf_putc(b, v[i]);
    }
}

/* Keeps value for field if it outranks what the page gave before (the first
 * of equal rank wins). */
static void meta_put(walker *w, int field, int rank, const char *value)
{
    html_slot *s = w->slot;
    if (!value || rank <= s->meta_rank[field]) return;
    scrub__buf tmp = SCRUB__BUF_INIT;
    put_collapsed(&tmp, value, strlen(value));
    if (tmp.failed) {
        scrub__buf_free(&tmp);
        walk_fail(w, SCRUB_E_NOMEM);
        return;
    }
    if (tmp.len == 0) { /* an empty value is no value */
        scrub__buf_free(&tmp);
        return;
    }
    scrub__buf_free(&s->meta[field]);
    s->meta[field] = tmp;
    s->meta_rank[field] = rank;
}

static const char *attr(const xmlChar **atts, const char *name)
{
    for (size_t i = 0; atts && atts[i]; i += 2)
        if (strcmp((const char *)atts[i], name) == 0)
            return atts[i + 1] ? (const char *)atts[i + 1] : "";
    return NULL;
}

static bool eq_nocase(const char *a, const char *b)
{
    return a && strcasecmp(a, b) == 0;
}

/* Does the space-separated list v contain token (ASCII case-insensitive)? */
static bool has_token(const char *v, const char *token)
{
    size_t n = strlen(token);
    while (v && *v) {
        while (*v && is_html_space((unsigned char)*v)) v++;
        const char *e = v;
        while (*e && !is_html_space((unsigned char)*e)) e++;
        if ((size_t)(e - v) == n && strncasecmp(v, token, n) == 0) return true;
        v = e;
    }
    return false;
}

static const char *const date_names[] = {
    "date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date",
    "dc.date.issued", "dcterms.date", "dcterms.issued", "datepublished",
    "article:published_time", "og:published_time", "sailthru.date", "parsely-pub-date",
};

static bool is_date_name(const char *v)
{
    if (!v) return false;
    for (size_t i = 0; i < sizeof date_names / sizeof date_names[0]; i++)
        if (strcasecmp(v, date_names[i]) == 0) return true;
    return false;
}

static void meta_element(walker *w, const char *name, const xmlChar **atts)
{
    if (strcmp(name, "html") == 0) {
        meta_put(w, F_LANG, 3, attr(atts, "lang"));
        meta_put(w, F_LANG, 2, attr(atts, "xml:lang"));
    } else if (strcmp(name, "meta") == 0) {
        const char *content = attr(atts, "content");
        if (!content) return;
        const char *mname = attr(atts, "name"), *prop = attr(atts, "property");
        const char *item = attr(atts, "itemprop"), *equiv = attr(atts, "http-equiv");
        if (eq_nocase(mname, "description")) meta_put(w, F_DESC, 2, content);
        if (eq_nocase(prop, "og:description") || eq_nocase(mname, "og:description"))
            meta_put(w, F_DESC, 1, content);
        if (eq_nocase(prop, "article:published_time")) meta_put(w, F_DATE, 5, content);
        if (is_date_name(mname) || is_date_name(prop) || is_date_name(item))
            meta_put(w, F_DATE, 4, content);
        if (eq_nocase(equiv, "content-language")) meta_put(w, F_LANG, 1, content);
    } else if (strcmp(name, "link") == 0) {
        if (has_token(attr(atts, "rel"), "canonical")) meta_put(w, F_CANON, 1, attr(atts, "href"));
    } else if (strcmp(name, "time") == 0) {
        meta_put(w, F_DATE, 1, attr(atts, "datetime"));
    }
}

/* ---- elements -------------------------------------------------------------- */

/* Is "display:none" in a style attribute (spaces and case aside)? */
static bool style_hides(const char *v)
{
    static const char want[] = "display:none";
    size_t k = 0;
    for (; *v; v++) {
        if (is_html_space((unsigned char)*v)) continue;
        char c = (char)(*v | 0x20 * (*v >= 'A' && *v <= 'Z'));
        if (c == want[k]) {
            if (++k == sizeof want - 1) return true;
        } else {
            k = c == want[0];
        }
    }
    return false;
}

/* The hints of an element's class, id and role; sets *hidden when the
 * element is not rendered (a hidden attribute, an inline display:none). */
static word_says attr_hints(const xmlChar **atts, bool *hidden)
{
    word_says ws = {0, false, false};
    for (size_t i = 0; atts && atts[i]; i += 2) {
        const char *k = (const char *)atts[i], *v = (const char *)atts[i + 1];
        switch (k[0]) { /* one strcmp per attribute at most */
        case 'c':
        case 'i':
            if (v && (strcmp(k, "class") == 0 || strcmp(k, "id") == 0))
                words_hints(v, class_words, sizeof class_words / sizeof class_words[0], &ws);
            break;
        case 'r':
            if (v && strcmp(k, "role") == 0)
                words_hints(v, role_words, sizeof role_words / sizeof role_words[0], &ws);
            break;
        case 'h':
            if (strcmp(k, "hidden") == 0) *hidden = true;
            break;
        case 's':
            if (v && strcmp(k, "style") == 0 && style_hides(v)) *hidden = true;
            break;
        }
    }
    return ws;
}

/* libxml2 opens a <p> of its own when text follows an inline element at
 * the top of a fragment (`<b>x</b>y`); a browser puts x and y on one line.
 * Its start callback then comes while the input sits on that text, whereas
 * for a written <p> it sits on the tag's closing `>`. */
static bool is_implied_p(const walker *w, const char *name)
{
    if (strcmp(name, "p") != 0 || !w->parser || !w->parser->input) return false;
    const xmlChar *cur = w->parser->input->cur;
    return cur && cur[0] != '>' && !(cur[0] == '/' && cur[1] == '>');
}

static void on_start(void *ud, const xmlChar *xname, const xmlChar **atts)
{
    walker *w = ud;
    if (w->noscript_ends) release_noscript(w);
    const char *name = (const char *)xname;
    const elem_info *e = elem_lookup(name);
    bool implied = is_implied_p(w, name);
    unsigned kind = e && !implied ? e->kind : 0;
    bool hidden = false;
    word_says ws = attr_hints(atts, &hidden);
    uint32_t hints = ws.hints;
    /* Elements a browser does not render: the hidden attribute, an inline
     * display:none (hidden link blocks are a common spam trick).  Not on
     * html and body, which some pages hide until a script has run. */
    if (hidden && strcmp(name, "body") != 0 && strcmp(name, "html") != 0) kind |= K_DROP;
    if (kind & (K_BLOCK | K_BR)) end_line(w);
    if (kind & K_CELL && w->out.len > w->line_start) w->pending_tab = true;

    const frame *parent = top(w);
    bool dropping = parent->priv & P_DROP || w->overflow_drop;
    if (kind & K_META && !dropping) meta_element(w, name, atts);

    if (w->depth >= w->max_depth) {
        /* flattened: the text stays, the structure goes; a dropped element
         * still drops its content */
        w->overflow++;
        if (kind & K_DROP && !w->overflow_drop) w->overflow_drop = w->overflow;
        return;
    }
    frame f = *parent;
    f.priv &= ~(uint32_t)(P_IMPLIED | P_NOSCRIPT);
    if (implied) f.priv |= P_IMPLIED;
    if (kind & K_NOSCRIPT) f.priv |= P_NOSCRIPT;
    if (e) f.hints |= e->hints;
    f.hints |= hints;
    if (kind & K_DROP) f.priv |= P_DROP;
    if (kind & K_TITLE && !dropping) f.priv |= P_TITLE;
    if (kind & K_PRE) f.priv |= P_PRE;
    if (kind & K_LINK && attr(atts, "href")) f.priv |= P_LINK;
    score_open(w, e, kind, &ws);
    w->slot->stack[++w->depth] = f;
}

static void on_end(void *ud, const xmlChar *xname)
{
    walker *w = ud;
    const elem_info *e = elem_lookup((const char *)xname);
    unsigned kind = e ? e->kind : 0;
    bool pop = !w->overflow && w->depth;
    if (w->overflow) {
        if (w->overflow_drop == w->overflow) w->overflow_drop = 0;
        w->overflow--;
    } else if (pop && top(w)->priv & P_IMPLIED) {
        kind = 0;
    }
    /* the line ends before the block's frame goes: its last line is its */
    if (kind & K_BLOCK) end_line(w);
    if (pop) {
        if (top(w)->priv & P_TITLE) w->title_done = true;
        if (top(w)->priv & P_NOSCRIPT && w->noscript_ends) w->noscript_ends--; /* closed */
        score_close(w);
        w->depth--;
    }
}

/* libxml2's messages about malformed markup: counted, never printed.
 * libxml2 searches its whole element stack for every end tag that matches
 * no open element, so deep nesting followed by many stray end tags would
 * cost depth x tags; that search is metered here and the parse stopped
 * once it exceeds a budget linear in the input. */
static void on_error(void *ud, xmlErrorPtr err)
{
    walker *w = ud;
    w->slot->parse_errors++;
    if (!err || err->code != XML_ERR_TAG_NAME_MISMATCH) return;
    if (err->str1 && strcmp(err->str1, "noscript") == 0) w->noscript_ends++;
    if (w->parser->nameNr > 0) {
        w->scan_cost += (uint64_t)w->parser->nameNr;
        if (w->scan_cost > w->scan_budget) {
            w->stop_depth = w->parser->nameNr;
            walk_fail(w, SCRUB_E_TOO_LARGE);
        }
    }
}

static void on_message(void *ud, const char *msg, ...)
{
    (void)ud;
    (void)msg;
}

/* Errors raised without a parser context (memory, I/O) go to libxml2's
 * thread-local handlers; they are swallowed while we parse. */
static void on_generic(void *ud, const char *msg, ...)
{
    (void)ud;
    (void)msg;
}

static void on_structured(void *ud, xmlErrorPtr err)
{
    (void)ud;
    (void)err;
}

static const htmlSAXHandler sax = {
    .startElement = on_start,
    .endElement = on_end,
    .characters = on_text,
    .ignorableWhitespace = on_text,
    .cdataBlock = on_text,
    .warning = on_message,
    .error = on_message,
    .fatalError = on_message,
    .initialized = XML_SAX2_MAGIC,
    .serror = on_error,
};

/* ---- the parse --------------------------------------------------------------- */

/* NUL bytes would end libxml2's input early; they carry no text. */
static size_t drop_nuls(char *s, size_t n)
{
    char *nul = memchr(s, '\0', n);
    if (!nul) return n;
    size_t j = (size_t)(nul - s);
    for (size_t i = j + 1; i < n; i++)
        if (s[i]) s[j++] = s[i];
    return j;
}

/* ---- attribute guard ------------------------------------------------------ */

/* libxml2 2.9.14 checks each attribute of a tag against all earlier ones,
 * so one tag with 100,000 attributes costs 5e9 string comparisons.  Before
 * parsing, attributes past the first MAX_ATTRS of a tag are blanked out
 * (spaces are harmless inside a tag), which bounds that work per input
 * byte.  The scan follows the tokenizer only roughly (comments, raw text of
 * script/style); it writes nothing unless a tag is that large, which no real
 * page has. */
#define MAX_ATTRS 256

static size_t skip_raw_text(const char *s, size_t n, size_t i, const char *name, size_t name_len)
{
    for (;;) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt) return n;
        i = (size_t)(lt - s) + 1;
        if (i + 1 + name_len <= n && s[i] == '/' && strncasecmp(s + i + 1, name, name_len) == 0)
            return i - 1;
    }
}

/* Scans the tag whose name starts at s[i]; returns the offset after it.
 * *raw is set when the tag opens script or style. */
static size_t guard_tag(char *s, size_t n, size_t i, int *raw)
{
    size_t name = i;
    while (i < n && !is_html_space((unsigned char)s[i]) && s[i] != '>' && s[i] != '/') i++;
    size_t name_len = i - name;
    *raw = 0;
    if (name_len == 6 && strncasecmp(s + name, "script", 6) == 0) *raw = 1;
    if (name_len == 5 && strncasecmp(s + name, "style", 5) == 0) *raw = 2;
    size_t attrs = 0, cut = 0;
    while (i < n) {
        while (i < n && (is_html_space((unsigned char)s[i]) || s[i] == '/')) i++;
        if (i >= n || s[i] == '>') break;
        if (++attrs == MAX_ATTRS + 1) cut = i;
        while (i < n && !is_html_space((unsigned char)s[i]) && s[i] != '=' && s[i] != '>') i++;
        while (i < n && is_html_space((unsigned char)s[i])) i++;
        if (i >= n || s[i] != '=') continue;
        for (i++; i < n && is_html_space((unsigned char)s[i]); i++) {}
        if (i < n && (s[i] == '"' || s[i] == '\'')) {
            const char *q = memchr(s + i + 1, s[i], n - i - 1);
            i = q ? (size_t)(q - s) + 1 : n;
        } else {
            while (i < n && !is_html_space((unsigned char)s[i]) && s[i] != '>') i++;
        }
    }
    if (cut) memset(s + cut, ' ', i - cut);
    return i;
}

static void guard_attributes(char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt) return;
        i = (size_t)(lt - s) + 1;
        if (i + 2 < n && s[i] == '!' && s[i + 1] == '-' && s[i + 2] == '-') {
            size_t j = i + 3;
            while (j + 2 < n && !(s[j] == '-' && s[j + 1] == '-' && s[j + 2] == '>')) j++;
            i = j;
            continue;
        }
        if (i >= n || !is_ascii_alnum((unsigned char)s[i])) continue;
        int raw;
        i = guard_tag(s, n, i, &raw);
        if (raw) i = skip_raw_text(s, n, i, raw == 1 ? "script" : "style", raw == 1 ? 6 : 5);
    }
}

/* Is s[0..n) (what the title has beside the line) a separator followed or
 * preceded by a site name, e.g. " - Site", " | Site", "_Site"? */
static bool is_site_part(const char *s, size_t n, bool before)
{
    static const char *const seps[] = {" - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", "_",
                                       " :: ", " \xC2\xB7 ", " / ", "|",
                                       "\xEF\xBD\x9C" /* full-width | */};
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
        size_t k = strlen(seps[i]);
        if (n > k && memcmp(before ? s + n - k : s, seps[i], k) == 0) return true;
    }
    return false;
}

/* Does the line repeat the title: the same text, or the title is the line
 * plus the site's name (which is how most pages title an article)? */
static bool repeats_title(const char *line, size_t n, const scrub__buf *t)
{
    if (n == t->len) return memcmp(line, t->data, n) == 0;
    if (n < 8 || n >= t->len) return false; /* a few bytes match too easily */
    if (memcmp(t->data, line, n) == 0) return is_site_part(t->data + n, t->len - n, false);
    if (memcmp(t->data + t->len - n, line, n) == 0) return is_site_part(t->data, t->len - n, true);
    return false;
}

/* Marks the lines that repeat the page title. */
static void mark_title_lines(walker *w)
{
    const scrub__buf *t = &w->slot->meta[F_TITLE];
    if (!t->len) return;
    size_t pos = 0, i = 0;
    scrub__line line;
    while (scrub__next_line(w->out.data, w->out.len, pos, &line)) {
        if (repeats_title(w->out.data + line.start, line.len, t))
            w->slot->hints[i] |= SCRUB_HINT_TITLE;
        pos = line.next;
        i++;
    }
}

/* The collected title is raw text; collapse it in place of the raw one. */
static int finish_title(html_slot *s)
{
    scrub__buf *t = &s->meta[F_TITLE];
    if (!t->len) return SCRUB_OK;
    scrub__buf tmp = SCRUB__BUF_INIT;
    put_collapsed(&tmp, t->data, t->len);
    if (tmp.failed) {
        scrub__buf_free(&tmp);
        return SCRUB_E_NOMEM;
    }
    if (scrub__buf_reserve(&tmp, 0) != SCRUB_OK) {
        scrub__buf_free(&tmp);
        return SCRUB_E_NOMEM;
    }
    scrub__buf_free(t);
    *t = tmp;
    return SCRUB_OK;
}

/* Every metadata string is NUL-terminated for the accessors. */
static int terminate_meta(html_slot *s)
{
    for (int i = 0; i < F_COUNT; i++) {
        if (!s->meta[i].len) continue;
        if (scrub__buf_reserve(&s->meta[i], 0) != SCRUB_OK) return SCRUB_E_NOMEM;
        s->meta[i].data[s->meta[i].len] = '\0';
    }
    return SCRUB_OK;
}

static int ensure_stack(html_slot *s, size_t frames)
{
    if (s->stack_cap >= frames) return SCRUB_OK;
    frame *st = scrub__realloc(s->stack, frames * sizeof *st);
    if (!st) return SCRUB_E_NOMEM;
    s->stack = st;
    sframe *ss = scrub__realloc(s->sstack, frames * sizeof *ss);
    if (!ss) return SCRUB_E_NOMEM;
    s->sstack = ss;
    s->stack_cap = frames;
    return SCRUB_OK;
}

/* Runs libxml2's HTML parser over text (len > 0: libxml2 refuses an empty
 * buffer) with our SAX callbacks.  libxml2's thread-local error handlers are
 * swapped for silent ones during the parse and then restored. */
static int run_parser(walker *w, const char *text, size_t len)
{
    htmlParserCtxtPtr p = htmlCreateMemoryParserCtxt(text, (int)len);
    if (!p) return SCRUB_E_INTERNAL;
    memcpy(p->sax, &sax, sizeof sax);
    p->userData = w;
    w->parser = p;
    /* Our input is UTF-8 whatever the page says; NONET: never fetch. */
    htmlCtxtUseOptions(p, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                              HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC |
                              HTML_PARSE_NOIMPLIED | XML_PARSE_HUGE | HTML_PARSE_NODEFDTD);
    /* Without this libxml2 reads non-ASCII as Latin-1 until told otherwise. */
    xmlSwitchEncoding(p, XML_CHAR_ENCODING_UTF8);
    p->encoding = xmlStrdup((const xmlChar *)"UTF-8");

    xmlGenericErrorFunc saved_generic = xmlGenericError;
    void *saved_generic_ctx = xmlGenericErrorContext;
    xmlStructuredErrorFunc saved_structured = xmlStructuredError;
    void *saved_structured_ctx = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(NULL, on_generic);
    xmlSetStructuredErrorFunc(NULL, on_structured);
    htmlParseDocument(p);
    xmlSetGenericErrorFunc(saved_generic_ctx, saved_generic);
    xmlSetStructuredErrorFunc(saved_structured_ctx, saved_structured);
    htmlFreeParserCtxt(p);
    w->parser = NULL;
    return SCRUB_OK;
}

static int parse_utf8(scrub_ctx *ctx, html_slot *slot, const char *text, size_t len,
                      scrub__buf *out)
{
    if (len > INT_MAX)
        return scrub__fail(ctx, SCRUB_E_TOO_LARGE, "libxml2 parses at most %d bytes, page has %zu",
                           INT_MAX, len);
    walker w = {.slot = slot, .out = *out};
    w.max_depth = (size_t)scrub__param(ctx, SCRUB_PARAM_MAX_DEPTH);
    w.max_line = (uint64_t)scrub__param(ctx, SCRUB_PARAM_MAX_LINE);
    w.scan_budget = (uint64_t)len * 32 + (UINT64_C(1) << 24);
    if (ensure_stack(slot, w.max_depth + 1) != SCRUB_OK)
        return scrub__fail(ctx, SCRUB_E_NOMEM, "out of memory");
    slot->stack[0] = (frame){0, 0};
    slot->sstack[0] = (sframe){.flags = S_BLOCK | S_NOCAND};
    if (scrub__buf_reserve(&w.out, len / 2 + 64) != SCRUB_OK) {
        *out = w.out;
        return scrub__fail(ctx, SCRUB_E_NOMEM, "out of memory");
    }

    if (len && run_parser(&w, text, len) != SCRUB_OK) {
        *out = w.out;
        return scrub__fail(ctx, SCRUB_E_INTERNAL, "libxml2 could not create a parser");
    }
    if (w.status == SCRUB_OK) end_line(&w);
    *out = w.out;
    if (w.status == SCRUB_E_TOO_LARGE && w.scan_cost > w.scan_budget)
        return scrub__fail(ctx, SCRUB_E_TOO_LARGE,
                           "markup nested too deeply: stray end tags under %d open elements",
                           w.stop_depth);
    if (w.status == SCRUB_E_TOO_LARGE)
        return scrub__fail(ctx, SCRUB_E_TOO_LARGE, "a text line is longer than MAX_LINE (%llu bytes)",
                           (unsigned long long)w.max_line);
    if (w.status != SCRUB_OK || out->failed || finish_title(slot) != SCRUB_OK ||
        terminate_meta(slot) != SCRUB_OK)
        return scrub__fail(ctx, SCRUB_E_NOMEM, "out of memory");
    mark_title_lines(&w);
    mark_candidate(&w);
    return SCRUB_OK;
}

/* ---- decoding ------------------------------------------------------------ */

static int to_utf8(scrub_ctx *ctx, html_slot *slot, const char *bytes, size_t len,
                   const char *declared, unsigned flags, char **u8, size_t *u8_len, bool *owned)
{
    if (flags & SCRUB_HTML_UTF8) {
        if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
            bytes += 3;
            len -= 3;
        }
        scrub__buf_clear(&slot->utf8);
        int rc = ctx->utf8_known_valid
                     ? scrub__buf_append(&slot->utf8, bytes, len)
                     : scrub__utf8_sanitize(&slot->utf8, bytes, len, &ctx->replacements);
        if (rc != SCRUB_OK)
            return scrub__fail(ctx, SCRUB_E_NOMEM, "out of memory");
        *u8 = slot->utf8.data ? slot->utf8.data : (char *)"";
        *u8_len = slot->utf8.len;
        *owned = false;
        return SCRUB_OK;
    }
    *owned = true;
    return scrub_decode(ctx, bytes, len, declared, u8, u8_len);
}

/* ---- public API -------------------------------------------------------------- */

#define KNOWN_FLAGS (SCRUB_HTML_UTF8)

SCRUB_API int scrub_html_to_text(scrub_ctx *ctx, const char *bytes, size_t len,
                                 const char *declared, unsigned flags, char **out,
                                 size_t *out_len)
{
    if (!ctx) {
        if (out) *out = NULL;
        if (out_len) *out_len = 0;
        return SCRUB_E_INVALID_ARG;
    }
    scrub__begin(ctx);
    /* whatever happens next, the details of the previous page are gone */
    if (ctx->stage[SCRUB__STAGE_HTML]) slot_clear(ctx->stage[SCRUB__STAGE_HTML]);
    int rc = scrub__check_output(ctx, out, out_len);
    if (rc != SCRUB_OK) return rc;
    html_slot *slot = scrub__stage_state(ctx, SCRUB__STAGE_HTML, sizeof *slot, slot_free);
    if (!slot) return scrub__fail(ctx, SCRUB_E_NOMEM, "out of memory");
    if (flags & ~KNOWN_FLAGS)
        return scrub__fail(ctx, SCRUB_E_INVALID_ARG, "unknown flags 0x%x", flags & ~KNOWN_FLAGS);
    if ((rc = scrub__check_input(ctx, bytes, len)) != SCRUB_OK) return rc;
    if ((rc = scrub__xml_init()) != SCRUB_OK)
        return scrub__fail(ctx, rc, "libxml2 initialisation failed");
    scrub__run_once(&first_once, first_init);

    char *u8 = NULL;
    size_t u8_len = 0;
    bool owned = false;
    rc = to_utf8(ctx, slot, bytes, len, declared, flags, &u8, &u8_len, &owned);
    if (rc != SCRUB_OK) return rc;
    size_t replaced = ctx->replacements;
    u8_len = drop_nuls(u8, u8_len);
    guard_attributes(u8, u8_len);

    scrub__buf text = SCRUB__BUF_INIT;
    rc = parse_utf8(ctx, slot, u8, u8_len, &text);
    if (owned) scrub_free(u8);
    ctx->replacements = replaced;
    if (rc == SCRUB_OK) rc = scrub__buf_finish(&text, out, out_len);
    if (rc != SCRUB_OK) {
        scrub__buf_free(&text);
        slot_clear(slot);
        if (!ctx->errmsg[0]) scrub__fail(ctx, rc, "out of memory");
    }
    return rc;
}

static const html_slot *get_slot(const scrub_ctx *ctx)
{
    return ctx ? ctx->stage[SCRUB__STAGE_HTML] : NULL;
}

static const char *meta_get(const scrub_ctx *ctx, int field)
{
    const html_slot *s = get_slot(ctx);
    return s && s->meta[field].len ? s->meta[field].data : NULL;
}

SCRUB_API const char *scrub_html_title(const scrub_ctx *ctx)
{
    return meta_get(ctx, F_TITLE);
}

SCRUB_API const char *scrub_html_lang(const scrub_ctx *ctx)
{
    return meta_get(ctx, F_LANG);
}

SCRUB_API const char *scrub_html_description(const scrub_ctx *ctx)
{
    return meta_get(ctx, F_DESC);
}

SCRUB_API const char *scrub_html_published(const scrub_ctx *ctx)
{
    return meta_get(ctx, F_DATE);
}

SCRUB_API const char *scrub_html_canonical(const scrub_ctx *ctx)
{
    return meta_get(ctx, F_CANON);
}

SCRUB_API size_t scrub_html_line_count(const scrub_ctx *ctx)
{
    const html_slot *s = get_slot(ctx);
    return s ? s->nlines : 0;
}

SCRUB_API const uint32_t *scrub_html_line_hints(const scrub_ctx *ctx, size_t *count)
{
    const html_slot *s = get_slot(ctx);
    size_t n = s ? s->nlines : 0;
    if (count) *count = n;
    return n ? s->hints : NULL;
}

SCRUB_API size_t scrub_html_parse_errors(const scrub_ctx *ctx)
{
    const html_slot *s = get_slot(ctx);
    return s ? s->parse_errors : 0;
}
