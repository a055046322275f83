/*
 * filter_blocks.c -- pass 3 rules for the blocks a page's structure shows
 * in or around the body: tables of contents, repeated sheets, numbered
 * and field lists, score boards, boxes of one class, teasers, ad slots,
 * fact blocks and spec rows.  scrub__context_pass calls them; they read
 * only the header's helpers and a few line shapes of filter_line.c.
 */
#include "filter_int.h"
#include "filter_words.h" /* the Chinese word lists of data/lexicon/words.txt */

/* ---- titles, tables of contents, sheets, lists, numbers, boards --------- */

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
size_t scrub__title_tail(filter_state *st, size_t first, size_t last)
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
size_t scrub__contents_table(filter_state *st, const char *text)
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
size_t scrub__listed_sections(const filter_state *st, size_t last)
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
void scrub__listed_links(filter_state *st, size_t first, size_t last)
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
void scrub__hide_toc(filter_state *st, int label)
{
    for (size_t i = 0; i < st->nlines; i++)
        if (st->lines[i].toc) st->lines[i].label = label;
}

static bool context_nav(const line_t *ln);

/* A short unlinked list item inside <main>: what the DOM's hints make of
 * a line of a team sheet or a like list. */
bool scrub__sheet_shape(const line_t *ln)
{
    return ln->item && ln->hint_main && !ln->linked && ln->units <= 6;
}

/* A line of a team sheet or a like list: of its shape, and only context
 * made it a menu item. */
static bool sheet_line(const line_t *ln)
{
    return scrub__sheet_shape(ln) && context_nav(ln);
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
FILTER_NOINLINE void scrub__repeated_sheets(filter_state *st)
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

/* A song's lyrics with their pinyin, a line of Han over the line that
 * spells it (a lyrics page, a language course): four such pairs or more,
 * at most three other lines between two pairs ([Chorus], Repeat
 * Chorus), are the page's text, not a menu of short lines. */
FILTER_NOINLINE void scrub__pinyin_verse(filter_state *st)
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
bool scrub__field_row(const char *text, const line_t *ln)
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
FILTER_NOINLINE void scrub__field_lists(filter_state *st, const char *text)
{
    enum { MIN_ROWS = 6 };
    if (st->nfield < MIN_ROWS) return; /* most pages: fewer field rows in all */
    size_t start = 0, rows = 0, odd = 0;
    for (size_t i = 0; i <= st->nlines; i++) {
        const line_t *ln = i < st->nlines ? &st->lines[i] : NULL;
        if (ln && ln->label == SCRUB_LABEL_BLANK) continue;
        if (ln && scrub__field_row(text, ln)) {
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
long scrub__lead_number(const char *text, const line_t *ln)
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
        if (st->lines[k].label == CAND && scrub__lead_number(text, &st->lines[k]) >= 0)
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
        long v = ln && list_entry(ln) ? scrub__lead_number(text, ln) : -1;
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
FILTER_NOINLINE void scrub__numbered_lists(filter_state *st, const char *text)
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

FILTER_NOINLINE void scrub__section_numbers(filter_state *st, const char *text, size_t first,
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
FILTER_NOINLINE void scrub__score_boards(filter_state *st, const char *text, size_t first,
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
FILTER_NOINLINE void scrub__minute_marks(filter_state *st, const char *text, size_t first,
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
void scrub__dated_stamps(filter_state *st)
{
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        if ((ln->odd & ODD_DATED) && keep_label(ln->label))
            set_label(ln, SCRUB_LABEL_WIDGET, 0.1, "dated-stamp");
    }
}

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
void scrub__outside_article(filter_state *st)
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
FILTER_NOINLINE void scrub__candidate_sentences(filter_state *st)
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
FILTER_NOINLINE void scrub__candidate_fallback(filter_state *st)
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
    return scrub__has_date(text, ln) || scrub__has_clock(text, ln) ||
           scrub__photo_credit(text, ln) || post_credit(text, ln) || byline_opening(text, ln);
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

FILTER_NOINLINE void scrub__boxed_prose(filter_state *st, const char *text)
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
    size_t n = ln->len, i = scrub__byline_word(p, n);
    for (int names = 0; i && i < n; names++) {
        if (names == 2) return true;
        size_t b = i;
        while (i < n && p[i] != ' ' && p[i] != ',') i++;
        if (scrub__byline_token((const unsigned char *)p + b, i - b) != 1) return false;
        if (!names && i < n && p[i] == ',') return false; /* one word, then a comma */
        while (i < n && p[i] == ' ') i++;
    }
    return false;
}

/* Does line ln carry none of a byline's or a credit's marks (a date, a
 * clock, a link, a colon, a list mark, chrome or notice words)?  A table
 * cell is a row of a spec sheet or a score board, unless it lies in the
 * article guess: old sites and some CMSs set the whole article in cells. */
bool scrub__dek_unmarked(const char *text, const line_t *ln)
{
    bool dated = ln->date || scrub__has_date(text, ln) || scrub__has_clock(text, ln) ||
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
bool scrub__dek_shape(const char *text, const line_t *ln)
{
    return ln->nwords >= 8 && ln->nlow_init * 3 >= ln->nwords && scrub__dek_unmarked(text, ln);
}

FILTER_NOINLINE void scrub__heading_deks(filter_state *st, const char *text)
{
    size_t lead_end = SIZE_MAX;
    for (size_t i = 0; i < st->nlines && lead_end == SIZE_MAX; i++)
        if (st->lines[i].label == SCRUB_LABEL_CONTENT && st->lines[i].good) lead_end = i;
    for (size_t i = 0; lead_end != SIZE_MAX && i < lead_end; i++) {
        if (st->lines[i].label != SCRUB_LABEL_HEADING) continue;
        size_t j = next_nonblank(st, i, false);
        if (j == SIZE_MAX || j >= lead_end) continue;
        line_t *ln = &st->lines[j];
        if (!placed_out(ln) || !scrub__dek_shape(text, ln)) continue;
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

FILTER_NOINLINE void scrub__box_pitches(filter_state *st)
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

FILTER_NOINLINE void scrub__teaser_boxes(filter_state *st)
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

FILTER_NOINLINE void scrub__teaser_pairs(filter_state *st)
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

FILTER_NOINLINE void scrub__post_credits(filter_state *st, const char *text)
{
    for (size_t i = 0; i < st->nlines; i++) {
        line_t *ln = &st->lines[i];
        if (ln->run4 && (keep_label(ln->label) || ln->label == CAND) && post_credit(text, ln))
            set_label(ln, SCRUB_LABEL_META, 0.2, "post-credit");
    }
}

FILTER_NOINLINE void scrub__ad_slots(filter_state *st)
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
    return p != SIZE_MAX && scrub__clock_alone(text, &st->lines[p]);
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
FILTER_NOINLINE void scrub__fact_blocks(filter_state *st, const char *text)
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
FILTER_NOINLINE void scrub__title_list(filter_state *st, const char *text)
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
void scrub__resolve_alone(filter_state *st, const char *text)
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
