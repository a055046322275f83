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
 *
 * The stage's files: this one holds the state, the labels, the driver
 * (classify), the output, the accessors and the caller's lexicon;
 * filter_line.c passes 1 and 2, filter_page.c pass 3 (context) and
 * filter_blocks.c its block rules, filter_spam.c the spam in and around
 * lines and the document score; filter_int.h what they share.
 */
#include "filter_ac.h"
#include "filter_int.h"

#include <math.h>

/* The reasons the classifier's files share (filter_int.h declares them). */

/* Reasons of the menus that context, not a marker, decides: spec_rows
 * tells them by address. */
const char R_PITCH_BOX[] = "pitch-box";
const char R_SEGMENTED_KEYWORDS[] = "segmented-keywords";
const char R_GLUED_START[] = "glued-start";
const char R_BRAND_FIELD[] = "brand-field";
const char R_SHORT_RUN[] = "short-run", R_AFTER[] = "after-content",
           R_BEFORE[] = "before-content", R_WRAPPED[] = "wrapped-run";
/* Lines decided on their own that the article's frame reads through
 * (see_through). */
const char R_SHARE_ROW[] = "share-row", R_BUTTON_ROW[] = "button-row", R_NO_TEXT[] = "no-text";
/* Reasons of the lines the body's end cuts off, which appended_advert
 * asks again. */
const char R_HEADING_ABOVE[] = "heading-above";
const char R_AFTER_EDITOR[] = "after-editor", R_AFTER_MARK[] = "after-end-mark";
/* A short line that is a date and little else; field_lists asks it again. */
const char R_DATE[] = "date";
/* The page's headline shaped like a sentence (sentence_headline): the
 * title is found, resolve_edges looks no further. */
const char R_HEADLINE[] = "headline";
/* A line mostly of anchor text (apply_hint): linked_caption asks again. */
const char R_LINKS[] = "hint:links", R_HINT_RELATED[] = "hint:related",
           R_HINT_WIDGET[] = "hint:widget";
/* A weak line in an ad's class (apply_hint): candidate_fallback asks again. */
const char R_HINT_AD[] = "hint:ad";
const char R_HINT_NAV[] = "hint:nav", R_HINT_FOOTER[] = "hint:footer";
/* A line of a Chinese title broken over lines (joins_title). */
const char R_TITLE_PART[] = "title-part";
/* A short line all of anchor text on a whole page (hint_shapes). */
const char R_LINKED_LINE[] = "linked-line";
/* Rows of a table that end in the same cell (tail_table). */
const char R_TAIL_ROWS[] = "tail-rows";
/* Cells of a table set one per line under the body (cell_rows). */
const char R_CELL_ROWS[] = "cell-rows";
/* A title two sheets of one form repeat (repeated_sheets). */
const char R_SHEET_TITLE[] = "sheet-title";
/* A short content line outside the body's frame (demote_outside). */
const char R_OUTSIDE[] = "outside-main-block";
/* A sign-off or a question to the reader under the body's last sentence
 * (closing_remark). */
const char R_CLOSING[] = "closing-line";
/* A short sentence between the title and the body's first line
 * (opening_line). */
const char R_OPENING[] = "opening-line";

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
        if (scrub__grow((void **)&st->lines, &st->cap_lines, st->nlines + 1, sizeof *st->lines))
            return SCRUB_E_NOMEM;
        line_t *ln = &st->lines[st->nlines++];
        memset(ln, 0, offsetof(line_t, cat_pos));
        ln->start = line.start;
        ln->len = line.len;
    }
    return SCRUB_OK;
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
    if (scrub__grow((void **)&st->wide, &st->cap_wide, len + 1, 1) != SCRUB_OK)
        return SCRUB_E_NOMEM;
    size_t o = 0;
    st->nwide = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] == 0xEF && len - i >= 3 && wide_alnum(s + i)) {
            if (scrub__grow((void **)&st->wide_at, &st->cap_wide_at, st->nwide + 1,
                            sizeof(size_t)) != SCRUB_OK)
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
    if (rc == SCRUB_OK) rc = scrub__classify_each(ctx, st, text);
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
        if (rc == SCRUB_OK) rc = scrub__classify_each(ctx, st, text);
    }
    if (rc == SCRUB_OK) scrub__residue_lines(st, text);
    st->have_hints = nhints > 0;
    st->whole_page = scrub__has_furniture(hints, nhints);
    if (rc == SCRUB_OK && nhints) {
        uint32_t wrapper = scrub__wrapper_flags(st, hints, nhints);
        /* wrapper_flags counts links: once more without the own headings' */
        if (scrub__own_headings(st, hints, nhints, wrapper))
            wrapper = scrub__wrapper_flags(st, hints, nhints);
        for (size_t i = 0; i < st->nlines && i < nhints; i++)
        {
            uint32_t h = scrub__hint_of(st, hints, i) & ~wrapper;
            scrub__apply_hint(&st->lines[i], h, st->whole_page);
            scrub__hint_shapes(&st->lines[i], text, h, st->whole_page);
            const line_t *ln = &st->lines[i];
            st->nsheet += scrub__sheet_shape(ln);
            st->nnumbered +=
                ln->label != SCRUB_LABEL_BLANK && !ln->linked && scrub__lead_number(text, ln) >= 0;
            st->nfield += (ln->item || ln->tab) && scrub__field_row(text, ln);
        }
        if (nhints < st->nlines) /* lines past the hints: not counted */
            st->nnumbered = st->nfield = SIZE_MAX;
    }
    if (rc == SCRUB_OK) scrub__wrapped_runs(st, text);
    if (rc == SCRUB_OK && st->whole_page) scrub__list_prose_runs(st);
    size_t hidden = rc == SCRUB_OK ? hide_injected(st) : 0;
    if (rc == SCRUB_OK && !(flags & SCRUB_FILTER_NO_CONTEXT))
        rc = scrub__context_pass(st, text, stats, scrub__param(ctx, SCRUB_PARAM_FILTER_REPEAT_MIN));
    if (rc != SCRUB_OK) {
        reset_result(st);
        return rc == SCRUB_E_NOMEM ? scrub__fail(ctx, rc, "out of memory") : rc;
    }
    scrub__resolve_alone(st, text);
    if (hidden) show_injected(st);
    scrub__keyword_fragments(st, text, len);
    scrub__pitch_lines(st, text);
    /* the farm's verdict relabels its template's slots */
    scrub__doc_score(st, text);
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
