/*
 * filter_page.c -- pass 3, context: the DOM's hints, the article's main
 * block and the title before it, its head and tail, repeats, comments, the
 * editor's credit, hard-wrapped runs, and scrub__context_pass, which runs
 * the context rules of this file and of filter_blocks.c in their order.
 * Besides filter_blocks.c it calls the advertorial (filter_spam.c) and
 * three line shapes (filter_line.c); never the driver.
 */
#include "filter_int.h"
#include "filter_words.h" /* the Chinese word lists of data/lexicon/words.txt */

/* ---- pass 3: context ---------------------------------------------------- */

/* A page as crawled shows its furniture (menus, a header, classes that
 * name them); an extraction (readability's output, an article fragment)
 * has none: its links, <footer> and <aside> are the author's.  A page
 * whose markup names nothing ("div soup": no <nav>, hashed class names)
 * still shows its menus as lines that are all anchor text; ten of them
 * are more than an article's own links make. */
enum { FURNITURE_LINK_LINES = 10 };

/* Line i's hints as the filter reads them: an own_head's anchor text is
 * the site's permalink or anchor, so its link share is dropped. */
uint32_t scrub__hint_of(const filter_state *st, const uint32_t *hints, size_t i)
{
    return i < st->nlines && st->lines[i].own_head ? hints[i] & SCRUB_HINT_FLAGS_MASK : hints[i];
}

bool scrub__has_furniture(const uint32_t *hints, size_t nhints)
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
bool scrub__own_headings(filter_state *st, const uint32_t *hints, size_t nhints, uint32_t wrapper)
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

void scrub__apply_hint(line_t *ln, uint32_t h, bool whole_page)
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

void scrub__list_prose_runs(filter_state *st)
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
void scrub__hint_shapes(line_t *ln, const char *text, uint32_t h, bool whole_page)
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
uint32_t scrub__wrapper_flags(const filter_state *st, const uint32_t *hints, size_t nhints)
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
        art_links += in_art && SCRUB_HINT_LINK_SHARE(scrub__hint_of(st, hints, i)) >= 0.6;
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
    if (n - from < 2 || scrub__cut_short(s, n) || !(s[from] >= 'A' && s[from] <= 'Z') ||
        ln->ncap_init == 0)
        return false;
    if (ln->qterm)
        return ln->nwords >= 6 &&
               (fdiv(ln->nstop, ln->nwords) >= 0.08 || scrub__lowercase_prose(ln));
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
    if (name_shape(ln) || !scrub__dek_unmarked(text, ln)) return false;
    /* a long one right under the title is heading_deks' (prose-dek) */
    return !right_under || !scrub__dek_shape(text, ln);
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
    while (i != SIZE_MAX && scrub__still_held(&st->lines[i]));
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
        if (!scrub__still_held(ln) || ln->chrome || ln->link_title ||
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
    if (!strong(ln, SCRUB__CAT_RELATED) || (scrub__still_held(ln) && !ln->colon)) return false;
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

/* ---- the context pass --------------------------------------------------- */

int scrub__context_pass(filter_state *st, const char *text, const scrub_linestats *stats,
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
        scrub__numbered_lists(st, text);
        scrub__field_lists(st, text);
    }
    scrub__post_credits(st, text);
    related_blocks(st, text);
    if (st->ncut >= 4) teaser_runs(st, text);
    comment_blocks(st);
    comment_units(st);
    if (st->nago) lone_units(st);
    size_t titles = scrub__contents_table(st, text);
    if (st->npinyin >= 4) scrub__pinyin_verse(st);
    if (st->whole_page) {
        scrub__ad_slots(st);
        mark_teasers(st);
        comment_stream(st);
    }
    /* a table of contents under the lead is no gap in the body: the
     * clusters read it as blank lines */
    if (titles) scrub__hide_toc(st, SCRUB_LABEL_BLANK);
    bool found = main_block(st, &first, &last);
    if (found && comment_section(st, first)) found = main_block(st, &first, &last);
    if (titles) scrub__hide_toc(st, SCRUB_LABEL_NAV);
    if (found) {
        last = clip_at_editor(st, text, first, last);
        last = clip_at_end_mark(st, text, first, last);
        last = clip_at_pager(st, text, first, last);
        last = closing_lines(st, text, first, last);
        last = scrub__appended_advert(st, text, first, last);
        last = scrub__title_tail(st, first, last);
        size_t body_end = last;
        if (titles) last = scrub__listed_sections(st, last);
        if (st->nheld) held_markers(st, text, first, last);
        bool headline = sentence_headline(st, first);
        demote_outside(st, first, last);
        scrub__score_boards(st, text, first, last);
        resolve_inside(st, text, first, last);
        /* after the runs are framed: a widget's phrase under the links
         * stays what the body's runs made it */
        if (titles) scrub__listed_links(st, first, last);
        scrub__section_numbers(st, text, first, last);
        scrub__minute_marks(st, text, first, last);
        resolve_edges(st, text, first, last, headline, last != body_end);
        if (st->have_hints) scrub__repeated_sheets(st);
        footer_tail(st, last);
        if (st->whole_page) scrub__outside_article(st);
        if (st->whole_page) scrub__candidate_sentences(st);
        if (st->whole_page) scrub__candidate_fallback(st);
        if (st->have_hints) scrub__boxed_prose(st, text);
        if (st->whole_page) scrub__heading_deks(st, text);
        if (st->whole_page) scrub__box_pitches(st);
        if (st->whole_page) scrub__teaser_boxes(st);
        if (st->whole_page) scrub__teaser_pairs(st);
        if (st->have_hints) scrub__fact_blocks(st, text);
    }
    if (st->ndated) scrub__dated_stamps(st);
    repeats(st, set, cap, first, last);
    scrub__free(set);
    if (!found) scrub__title_list(st, text);
    return SCRUB_OK;
}

/* ---- hard-wrapped runs -------------------------------------------------- */

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
void scrub__wrapped_runs(filter_state *st, const char *text)
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
