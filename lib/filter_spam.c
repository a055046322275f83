/*
 * filter_spam.c -- spam in and around lines: inline spans and runs glued
 * to a sentence, an advertorial appended to an article, spam terms on a
 * page that injects spam, keyword fragments, a farm's template and the
 * document score.  It calls no other file of the classifier, only the
 * header's helpers.
 */
#include "filter_int.h"
#include "filter_sale.h"

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
            if (scrub__grow((void **)&st->spans, &st->cap_spans, st->nspans + 1, sizeof *st->spans))
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
    if (scrub__grow((void **)&st->spans, &st->cap_spans, st->nspans + 1, sizeof *st->spans))
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
size_t scrub__appended_advert(filter_state *st, const char *text, size_t first, size_t last)
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

/* ---- spam terms on a page that injects spam ---------------------------- */

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

void scrub__pitch_lines(filter_state *st, const char *text)
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
void scrub__keyword_fragments(filter_state *st, const char *text, size_t len)
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

void scrub__doc_score(filter_state *st, const char *text)
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
int scrub__inline_spam(filter_state *st, const char *text, size_t li, line_t *ln)
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
