/* Filter stage quality on the labelled dev set (test/devset/) and on the
 * silver sets derived from the corpora's own gold (readability's
 * expected.html, trafilatura's with/without segments).  HTML pages are
 * split into lines by the html stage (scrub_html_to_text), whose per-line
 * hints the classifier receives, as scrub_clean would pass them.  Needs ../shared;
 * skips without it.  Prints every figure beside what C4's line rules and
 * RefinedWeb's line-wise corrections do on the same lines; asserts the
 * bars listed in ASSERTED below (the others are printed with their target
 * and marked BELOW when missed).  The `extra` rows (whole pages of
 * testdata/html that no rule was written from, labelled blind) are
 * printed against the whole-page bars for information only: they are no
 * barred set of the issue, so a miss there reads `(not barred)`. */
#include "test_util.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <ctype.h>
#include <strings.h>
#include <unicode/utf8.h>

#include "eval_util.h"
#include "filter_int.h"

enum { M_SCRUB, M_C4, M_RW, M_COUNT };
enum { G_SPAM, G_FWA, G_NRC, G_META, G_SILVER, G_COUNT };
static const char *const method_names[M_COUNT] = {"scrub", "C4", "RefinedWeb"};

typedef struct {
    size_t lines;
    size_t kept[M_COUNT], kept_good[M_COUNT];
    size_t good, good_kept[M_COUNT];
    size_t good_chars, good_chars_kept[M_COUNT];
    size_t grp[G_COUNT], grp_removed[M_COUNT][G_COUNT];
    size_t trap, trap_removed[M_COUNT];
    size_t stale; /* labels whose line hash no longer matches */
    size_t pages, unlabelled; /* extra sets: pages, their non-blank lines without a row */
} tally;

/* set x split; the sets from S_EXTRA_ZH on are not barred by the issue */
enum {
    S_EXTRACTED_ZH, S_EXTRACTED_OTHER, S_PAGES_ZH, S_PAGES_OTHER, S_SPAM,
    S_EXTRA_ZH, S_EXTRA_OTHER, S_COUNT
};
static const char *const set_names[S_COUNT] = {
    "extracted text, zh", "extracted text, other langs", "whole pages, zh",
    "whole pages, other langs", "spam (chinesewebtext)",
    "whole pages, extra (testdata/html, labelled blind), zh",
    "whole pages, extra (testdata/html, labelled blind), other langs"};
static tally T[S_COUNT][2];
static size_t farm_tp[2], farm_fp[2], farm_fn[2];

static int group_of(int label)
{
    switch (label) {
    case SCRUB_LABEL_AD: case SCRUB_LABEL_SPAM: return G_SPAM;
    case SCRUB_LABEL_FOOTER: case SCRUB_LABEL_WIDGET: case SCRUB_LABEL_ARTIFACT: return G_FWA;
    case SCRUB_LABEL_NAV: case SCRUB_LABEL_RELATED: case SCRUB_LABEL_CONTACT: return G_NRC;
    case SCRUB_LABEL_META: return G_META;
    default: return -1;
    }
}

static bool is_keep_label(int label)
{
    return label == SCRUB_LABEL_CONTENT || label == SCRUB_LABEL_HEADING ||
           label == SCRUB_LABEL_CAPTION;
}

/* One judged line: gold is a label, or -1 for a silver "remove". */
static void count_line(tally *t, int gold, bool trap, const char *p, size_t n, bool scrub_kept)
{
    bool kept[M_COUNT] = {scrub_kept, ev_c4_keeps(p, n), ev_rw_keeps(p, n)};
    bool good = gold >= 0 && is_keep_label(gold);
    int g = gold < 0 ? G_SILVER : group_of(gold);
    t->lines++;
    if (good) {
        t->good++;
        t->good_chars += n;
    } else if (g >= 0) {
        t->grp[g]++;
    }
    if (trap) t->trap++;
    for (int m = 0; m < M_COUNT; m++) {
        t->kept[m] += kept[m];
        if (good) {
            t->kept_good[m] += kept[m];
            t->good_kept[m] += kept[m];
            if (kept[m]) t->good_chars_kept[m] += n;
        } else if (g >= 0 && !kept[m]) {
            t->grp_removed[m][g]++;
        }
        if (trap && !kept[m]) t->trap_removed[m]++;
    }
}

/* SCRUB_EVAL_DUMP=FILE writes every dev-half mistake on the labelled and
 * silver sets (content dropped, boilerplate kept) with the filter's label and reason,
 * for tuning; the test half is never dumped. */
static FILE *dump_file;

static void dump_mistake(const char *page, int sp, size_t i, bool good, bool kept,
                         const scrub_ctx *ctx, const char *p, size_t n)
{
    if (!dump_file || sp || good == kept) return;
    int l = scrub_filter_line_label(ctx, i);
    fprintf(dump_file, "%s\t%s:%zu\t%s\t%s\t%.*s\n", good ? "DROP" : "KEEP", page, i,
            l >= 0 ? scrub_label_name(l) : "?", scrub_filter_line_reason(ctx, i), (int)n, p);
}

/* SCRUB_EVAL_CAND=1 (dev half only): how much of the whole pages the html
 * stage's article guess (SCRUB_HINT_IN_CANDIDATE) covers -- judged lines
 * to keep inside it against all, boilerplate inside it against all, the
 * content the filter drops inside and outside it, pages with no block.
 * SCRUB_EVAL_CAND_LINES=FILE writes every judged dev line of those pages
 * (gold, inside or not, kept or not, label, reason), for a round that
 * reshapes the guess. */
static double ratio(size_t a, size_t b);

typedef struct {
    size_t pages, no_block, good, good_in, bad, bad_in, dropped, dropped_in;
} cover;
static cover COVER[S_COUNT];
static FILE *cover_lines;

static bool line_in_cand(const uint32_t *hints, size_t nhints, size_t i)
{
    return i < nhints && (hints[i] & SCRUB_HINT_IN_CANDIDATE);
}

static void cover_page(int set, int sp, const uint32_t *hints, size_t nhints)
{
    if (sp) return;
    bool any = false;
    for (size_t i = 0; i < nhints && !any; i++) any = hints[i] & SCRUB_HINT_IN_CANDIDATE;
    COVER[set].pages++;
    COVER[set].no_block += !any;
}

static void cover_line(int set, int sp, const uint32_t *hints, size_t nhints, size_t i, int gold,
                       bool kept, const scrub_ctx *ctx, const char *where, const char *p, size_t n)
{
    if (sp) return;
    cover *c = &COVER[set];
    bool in = line_in_cand(hints, nhints, i), good = gold >= 0 && is_keep_label(gold);
    if (good) {
        c->good++;
        c->good_in += in;
        c->dropped += !kept;
        c->dropped_in += !kept && in;
    } else {
        c->bad++;
        c->bad_in += in;
    }
    if (!cover_lines) return;
    int l = scrub_filter_line_label(ctx, i);
    fprintf(cover_lines, "%s\t%s:%zu\t%s\t%s\t%s\t%s\t%.*s\n", good ? "GOOD" : "BAD", where, i,
            in ? "IN" : "out", kept ? "kept" : "drop", l >= 0 ? scrub_label_name(l) : "?",
            scrub_filter_line_reason(ctx, i), (int)(n > 160 ? 160 : n), p);
}

static void report_cover(void)
{
    if (!getenv("SCRUB_EVAL_CAND")) return;
    static const int sets[] = {S_PAGES_ZH, S_PAGES_OTHER};
    for (size_t k = 0; k < 2; k++) {
        const cover *c = &COVER[sets[k]];
        printf("  article guess, %s, dev half: %zu pages, %zu with no block; to keep inside "
               "%.3f (%zu of %zu); boilerplate inside %.3f (%zu of %zu); dropped to keep "
               "inside %zu of %zu\n",
               set_names[sets[k]], c->pages, c->no_block, ratio(c->good_in, c->good), c->good_in,
               c->good, ratio(c->bad_in, c->bad), c->bad_in, c->bad, c->dropped_in, c->dropped);
    }
}

/* Stress (dev half only): each dev whole page classified again with the
 * link share cleared (hint bits 24-31 set to 0) on every line its gold
 * calls boilerplate, every other hint bit kept -- what the page would
 * read if its boilerplate (comments, footers, sidebars) carried no
 * anchors, as on pages that give it as plain text.  A rule that takes a
 * plain line for the page's own content pays here.  Misses are dumped
 * as SKEEP (boilerplate kept) and SDROP (content dropped).  A second run
 * (ST_FWA, dumped as FKEEP/FDROP) clears it on footer, widget and
 * artifact lines alone: comments, footers and widgets in plain text on a
 * page whose menus are still links, so that the evidence "this page
 * shows its links" stands while its comments carry none. */
#define NOT_JUDGED (-2)
/* SCRUB_EVAL_STRESS_ALL=FILE (dev half only): every judged line of the
 * STRESS run, tagged C/B (gold content or boilerplate) and +/- (kept or
 * dropped), with gold label, filter label, reason and hint flags, so
 * that a page's shape can be read around its misses. */
static FILE *stress_all_file;
enum { STRESS_ALL, STRESS_FWA, STRESS_COUNT };
static tally ST[STRESS_COUNT][S_COUNT];

static bool stress_clears(int mode, int gold)
{
    if (gold == NOT_JUDGED || (gold >= 0 && is_keep_label(gold))) return false;
    return mode == STRESS_ALL || (gold >= 0 && group_of(gold) == G_FWA);
}

/* gold[i]: a label, -1 silver boilerplate, -2 not judged (its hint is
 * left alone, the line not counted). */
static void stress_mode(scrub_ctx *ctx, int mode, int set, const char *page, const char *text,
                        size_t len, const uint32_t *hints, size_t nhints, const int *gold)
{
    ev_line *pl;
    size_t npl = ev_split(text, len, &pl);
    uint32_t *h = malloc((nhints ? nhints : 1) * sizeof *h);
    for (size_t i = 0; i < nhints; i++)
        h[i] = i < npl && stress_clears(mode, gold[i]) ? hints[i] & SCRUB_HINT_FLAGS_MASK : hints[i];
    ck_assert_status(scrub_classify_lines_ex(ctx, text, len, h, nhints, NULL, 0), SCRUB_OK);
    for (size_t i = 0; i < npl; i++) {
        if (gold[i] == NOT_JUDGED || !pl[i].len) continue;
        bool kept = scrub_filter_line_kept(ctx, i) == 1;
        bool good = gold[i] >= 0 && is_keep_label(gold[i]);
        const char *p = text + pl[i].start;
        count_line(&ST[mode][set], gold[i], false, p, pl[i].len, kept);
        if (stress_all_file && mode == STRESS_ALL) {
            int l = scrub_filter_line_label(ctx, i);
            fprintf(stress_all_file, "%s%s\t%s:%zu\t%s\t%s\t%s\t%05x\t%.*s\n",
                    good ? "C" : "B", kept ? "+" : "-", page, i,
                    gold[i] >= 0 ? scrub_label_name(gold[i]) : "silver",
                    l >= 0 ? scrub_label_name(l) : "?", scrub_filter_line_reason(ctx, i),
                    (unsigned)(h[i] & 0x7FFFFu), (int)pl[i].len, p);
        }
        if (dump_file && good != kept && gold[i] != SCRUB_LABEL_META) {
            int l = scrub_filter_line_label(ctx, i);
            static const char *const tag[STRESS_COUNT][2] = {{"SDROP", "SKEEP"}, {"FDROP", "FKEEP"}};
            fprintf(dump_file, "%s\t%s:%zu\t%s\t%s\t%.*s\n", tag[mode][kept], page, i,
                    l >= 0 ? scrub_label_name(l) : "?", scrub_filter_line_reason(ctx, i),
                    (int)pl[i].len, p);
        }
    }
    free(h);
    free(pl);
}

static void stress_page(scrub_ctx *ctx, int set, const char *page, const char *text, size_t len,
                        const uint32_t *hints, size_t nhints, const int *gold)
{
    for (int mode = 0; mode < STRESS_COUNT; mode++)
        stress_mode(ctx, mode, set, page, text, len, hints, nhints, gold);
}

/* SCRUB_EVAL_MARGINS=FILE writes, for the dev half only, how far each
 * decision is from its threshold: the document score of every dev
 * chinesewebtext record and of the legitimate gne pages (a farm is
 * flagged at 0.5; the margin is given in the filter's evidence points,
 * p = T s / (1 - s), minus the threshold T = FARM_POINTS of lib/filter.c), and the score
 * and reason of every dev ad/spam line and trap line (a line is kept at
 * 0.5).  Test-half records and lines are never written. */
static FILE *margin_file;
#define FARM_POINTS 2.0

static void margin_doc(const char *kind, const char *name, const scrub_ctx *ctx)
{
    if (!margin_file) return;
    double s = scrub_filter_doc_score(ctx);
    double points = s < 1 ? FARM_POINTS * s / (1 - s) : 99;
    fprintf(margin_file, "doc\t%s\t%s\t%.3f\t%+.2f\t%s\n", kind, name, s, points - FARM_POINTS,
            scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM ? "flagged" : "-");
}

/* The lines that count as farm evidence on a legitimate page. */
static void margin_spam_lines(const scrub_ctx *ctx, const char *text, size_t len)
{
    if (!margin_file || scrub_filter_doc_score(ctx) == 0) return;
    ev_line *lines;
    size_t n = ev_split(text, len, &lines);
    for (size_t i = 0; i < n && i < scrub_filter_line_count(ctx); i++) {
        int l = scrub_filter_line_label(ctx, i);
        const char *why = scrub_filter_line_reason(ctx, i);
        bool spam = l == SCRUB_LABEL_AD || l == SCRUB_LABEL_SPAM || strstr(why, "spans=") ||
                    strstr(why, "gambling:") || strstr(why, "porn:") || strstr(why, "seo:");
        if (spam)
            fprintf(margin_file, "  %zu\t%s\t%s\t%.*s\n", i, scrub_label_name(l), why,
                    (int)(lines[i].len < 120 ? lines[i].len : 120), text + lines[i].start);
    }
    free(lines);
}

static void margin_line(const char *where, size_t i, const char *gold, const scrub_ctx *ctx,
                        bool kept)
{
    if (!margin_file) return;
    fprintf(margin_file, "line\t%s:%zu\t%s\t%s\t%.3f\t%s\t%s\n", where, i, gold,
            scrub_label_name(scrub_filter_line_label(ctx, i)), scrub_filter_line_score(ctx, i),
            kept ? "kept" : "removed", scrub_filter_line_reason(ctx, i));
}

static double ratio(size_t a, size_t b)
{
    return b ? (double)a / (double)b : -1;
}

/* SCRUB_EVAL_WRAP=ad|related|...: a synthetic disagreement between the
 * filter and the html stage's article guess.  The last 40% of the
 * guess's lines (SCRUB_HINT_IN_CANDIDATE) get an ad's class (or a
 * related box's, or another box's of WRAP_BOXES), as a site that wraps its later paragraphs in such a
 * container: what the filter then drops there, and what a fallback on
 * the guess takes back, is measured on more lines than the pages that
 * show it. */
static const struct {
    const char *name;
    uint32_t bit;
} WRAP_BOXES[] = {
    {"ad", SCRUB_HINT_CLASS_AD},           {"related", SCRUB_HINT_CLASS_RELATED},
    {"share", SCRUB_HINT_CLASS_SHARE},     {"comment", SCRUB_HINT_CLASS_COMMENT},
    {"sidebar", SCRUB_HINT_CLASS_SIDEBAR}, {"navclass", SCRUB_HINT_CLASS_NAV},
    {"footerclass", SCRUB_HINT_CLASS_FOOTER}, {"aside", SCRUB_HINT_IN_ASIDE},
};

/* The box a SCRUB_EVAL_WRAP value names ("share-mid" names share). */
static uint32_t wrap_bit(const char *w)
{
    size_t len = strcspn(w, "-");
    for (size_t i = 0; i < sizeof WRAP_BOXES / sizeof *WRAP_BOXES; i++)
        if (strlen(WRAP_BOXES[i].name) == len && !strncmp(w, WRAP_BOXES[i].name, len))
            return WRAP_BOXES[i].bit;
    return 0;
}

static void wrap_block(uint32_t *h, size_t n)
{
    const char *w = getenv("SCRUB_EVAL_WRAP");
    if (!w) return;
    uint32_t bit = wrap_bit(w);
    ck_assert_msg(bit, "SCRUB_EVAL_WRAP=%s names no box", w);
    /* "-mid": the slice from 30% to 70% of the guess (a box between two
     * runs of the article), else the last 40% */
    bool mid = strstr(w, "-mid") != NULL;
    size_t total = 0, seen = 0;
    for (size_t i = 0; i < n; i++) total += !!(h[i] & SCRUB_HINT_IN_CANDIDATE);
    for (size_t i = 0; i < n; i++) {
        if (!(h[i] & SCRUB_HINT_IN_CANDIDATE)) continue;
        size_t at = seen++ * 10;
        if (mid ? at >= total * 3 && at < total * 7 : at >= total * 6) h[i] |= bit;
    }
}

/* SCRUB_EVAL_NARROW=top|bottom|both: the html stage's article guess made
 * too narrow, as on a site that sets the lead of its article (headline,
 * dek, first paragraphs) or its tail in a sibling element of the block
 * the guess picks.  The first 25% (top), the last 25% (bottom) or both of
 * each page's guessed lines lose SCRUB_HINT_IN_CANDIDATE and
 * SCRUB_HINT_IN_MAIN (a sibling of the block is outside <article> too). */
static void narrow_guess(uint32_t *h, size_t n)
{
    const char *v = getenv("SCRUB_EVAL_NARROW");
    if (!v) return;
    bool top = !strcmp(v, "top") || !strcmp(v, "both");
    bool bottom = !strcmp(v, "bottom") || !strcmp(v, "both");
    ck_assert_msg(top || bottom, "SCRUB_EVAL_NARROW=%s: top, bottom or both", v);
    size_t total = 0, seen = 0;
    for (size_t i = 0; i < n; i++) total += !!(h[i] & SCRUB_HINT_IN_CANDIDATE);
    for (size_t i = 0; i < n; i++) {
        if (!(h[i] & SCRUB_HINT_IN_CANDIDATE)) continue;
        size_t at = seen++ * 4;
        if ((top && at < total) || (bottom && at >= total * 3))
            h[i] &= ~(SCRUB_HINT_IN_CANDIDATE | SCRUB_HINT_IN_MAIN);
    }
}

/* SCRUB_EVAL_DIVSOUP=1: the page as a site that names nothing in its
 * markup would render ("div soup": no nav/header/footer/aside/main/
 * article, hashed class names).  Every hint the html stage reads from
 * element and class names (bits 0-10 and 16) is cleared; the article
 * guess (SCRUB_HINT_IN_CANDIDATE) stays as the html stage computed it
 * from the real markup, as do headings, list items, table rows, pre,
 * captions, title repeats and link shares. */
#define DIVSOUP_NAMED_BITS (0x7FFu | SCRUB_HINT_IN_MAIN)

static void divsoup(uint32_t *h, size_t n)
{
    if (!getenv("SCRUB_EVAL_DIVSOUP")) return;
    for (size_t i = 0; i < n; i++) h[i] &= ~DIVSOUP_NAMED_BITS;
}

/* SCRUB_EVAL_NOHEAD=1 (dev only): the page as a site renders it that sets
 * its headline and section titles in styled paragraphs (<p><strong>,
 * <div class="title">) instead of h1-h6: SCRUB_HINT_HEADING is cleared on
 * every line.  =2 also clears SCRUB_HINT_TITLE, as when the page's <title>
 * is the site's name or an SEO string the headline does not repeat. */
static void headless(uint32_t *h, size_t n)
{
    const char *v = getenv("SCRUB_EVAL_NOHEAD");
    if (!v) return;
    uint32_t bits = SCRUB_HINT_HEADING | (atoi(v) == 2 ? SCRUB_HINT_TITLE : 0);
    for (size_t i = 0; i < n; i++) h[i] &= ~bits;
}

/* HTML to lines and hints with the html stage (owned text in *out).
 * SCRUB_EVAL_NOMAIN=1 clears SCRUB_HINT_IN_MAIN on every rendered line:
 * the page as it would read without its own <main>/<article> markup, a
 * synthetic check of the guess's fallback. */
static bool render(scrub_ctx *hctx, const char *html, size_t len, ev_str *out, uint32_t **hints,
                   size_t *nhints)
{
    char *text;
    size_t n;
    if (scrub_html_to_text(hctx, html, len, NULL, 0, &text, &n) != SCRUB_OK) return false;
    out->p = NULL;
    out->n = out->cap = 0;
    ev_put(out, text, n);
    scrub_free(text);
    if (hints) {
        size_t c;
        const uint32_t *h = scrub_html_line_hints(hctx, &c);
        *hints = malloc((c ? c : 1) * sizeof **hints);
        if (c) memcpy(*hints, h, c * sizeof **hints);
        *nhints = c;
        if (getenv("SCRUB_EVAL_NOMAIN"))
            for (size_t i = 0; i < c; i++) (*hints)[i] &= ~SCRUB_HINT_IN_MAIN;
        divsoup(*hints, c);
        wrap_block(*hints, c);
        narrow_guess(*hints, c);
        headless(*hints, c);
    }
    return true;
}

/* ---- the labelled dev set ----------------------------------------------- */

typedef struct {
    char set[16], file[256], record[16], hash[16], label[32], split[8], tags[32];
    long line;
} label_row;

/* Is row r's line of text (split into lines[0, nl)) still the line that
 * was labelled (its hash)?  A row that fails is stale. */
static bool row_current(const label_row *r, const char *text, const ev_line *lines, size_t nl)
{
    if (r->line < 0 || (size_t)r->line >= nl) return false;
    char h[16];
    snprintf(h, sizeof h, "%08x", ev_fnv32(text + lines[r->line].start, lines[r->line].len));
    return strcmp(h, r->hash) == 0;
}

static bool parse_row(char *s, label_row *r)
{
    char *f[8];
    int k = 0;
    for (char *tok = s; k < 8; k++) {
        f[k] = tok;
        char *tab = strchr(tok, '\t');
        if (!tab) {
            k++;
            break;
        }
        *tab = 0;
        tok = tab + 1;
    }
    if (k < 7) return false;
    snprintf(r->set, sizeof r->set, "%s", f[0]);
    snprintf(r->file, sizeof r->file, "%s", f[1]);
    snprintf(r->record, sizeof r->record, "%s", f[2]);
    r->line = atol(f[3]);
    snprintf(r->hash, sizeof r->hash, "%s", f[4]);
    snprintf(r->label, sizeof r->label, "%s", f[5]);
    snprintf(r->split, sizeof r->split, "%s", f[6]);
    snprintf(r->tags, sizeof r->tags, "%s", k > 7 ? f[7] : "");
    return true;
}

/* The text of a file under testdata/web, or of a JSONL record in it. */
static char *load_doc(const char *file, const char *record, size_t *len)
{
    char rel[512];
    snprintf(rel, sizeof rel, "testdata/web/%s", file);
    char *data = test_read_shared(rel, len);
    if (!data || strcmp(record, "-") == 0) return data;
    long want = atol(record), i = 0;
    char *line = data;
    while (line && i < want) {
        line = strchr(line, '\n');
        if (line) line++;
        i++;
    }
    ev_str s = {0};
    /* cleared1.jsonl holds raw_content, the fasttext-*.jsonl files text */
    if (line && !ev_json_field(line, "raw_content", &s)) ev_json_field(line, "text", &s);
    free(data);
    *len = s.n;
    return s.p ? s.p : calloc(1, 1);
}

static int set_of_row(const label_row *r)
{
    if (!strcmp(r->set, "cwt")) return S_SPAM;
    if (!strcmp(r->set, "gne") || !strcmp(r->set, "gnehtml")) return S_PAGES_ZH;
    return S_EXTRACTED_ZH;
}

static size_t seeds_content_dropped, seeds_junk_kept;

/* A gne page's split is the low bit of crc32 (zlib's) of its site
 * directory, as devtool and the README say; a row with the other split
 * would move a page between the halves unseen. */
static void check_gne_split(const label_row *r)
{
    const char *site = r->file + strlen("gne-zh-news/tests/");
    const char *end = strchr(site, '/');
    ck_assert_msg(!strncmp(r->file, "gne-zh-news/tests/", 18) && end, "%s: not a gne page", r->file);
    uint32_t c = 0xFFFFFFFFu;
    for (const char *q = site; q < end; q++) {
        c ^= (unsigned char)*q;
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    const char *want = (~c & 1u) ? "test" : "dev";
    ck_assert_msg(!strcmp(r->split, want), "%s:%ld: split is not %s", r->file, r->line, want);
}


/* A dev gnehtml page's stress run, once its rows are judged: gold[i] is
 * the label of line i, NOT_JUDGED where no row labels it. */
typedef struct {
    int *gold; /* NULL: no stress run for this document */
    uint32_t *hints;
    size_t nhints;
} page_stress;

static void stress_done(scrub_ctx *ctx, page_stress *ps, const char *file, const char *doc,
                        size_t len)
{
    if (ps->gold) stress_page(ctx, S_PAGES_ZH, file, doc, len, ps->hints, ps->nhints, ps->gold);
    free(ps->gold);
    free(ps->hints);
    *ps = (page_stress){0};
}

static void judge_rows(label_row *rows, size_t n, scrub_ctx *ctx)
{
    char cur_file[256] = "", cur_rec[16] = "";
    char *doc = NULL;
    size_t len = 0, nlines = 0;
    ev_line *lines = NULL;
    page_stress ps = {0};
    for (size_t i = 0; i < n; i++) {
        label_row *r = &rows[i];
        /* judged with their page below */
        if (!strcmp(r->set, "rdexp") || !strcmp(r->set, "rdsrc") || !strcmp(r->set, "extra") ||
            !strcmp(r->set, "trsrc"))
            continue;
        if (strcmp(r->file, cur_file) || strcmp(r->record, cur_rec)) {
            stress_done(ctx, &ps, cur_file, doc, len);
            free(doc);
            free(lines);
            doc = load_doc(r->file, r->record, &len);
            if (!doc) return;
            uint32_t *hints = NULL;
            size_t nhints = 0;
            if (!strcmp(r->set, "gnehtml")) {
                /* a whole page, split by the html stage, with its hints */
                scrub_ctx *hctx = scrub_ctx_new();
                ev_str text = {0};
                ck_assert(render(hctx, doc, len, &text, &hints, &nhints));
                scrub_ctx_free(hctx);
                free(doc);
                doc = text.p ? text.p : calloc(1, 1);
                len = text.n;
            }
            nlines = ev_split(doc, len, &lines);
            ck_assert_status(scrub_classify_lines_ex(ctx, doc, len, hints, nhints, NULL, 0),
                             SCRUB_OK);
            ck_assert_uint_eq(scrub_filter_line_count(ctx), nlines);
            if (!strcmp(r->set, "gnehtml") && !strcmp(r->split, "dev")) {
                ps = (page_stress){malloc((nlines ? nlines : 1) * sizeof *ps.gold), hints, nhints};
                cover_page(S_PAGES_ZH, 0, hints, nhints);
                for (size_t k = 0; k < nlines; k++) ps.gold[k] = NOT_JUDGED;
            } else {
                free(hints);
            }
            if (!strcmp(r->set, "seeds")) margin_doc("seed", r->file, ctx);
            snprintf(cur_file, sizeof cur_file, "%s", r->file);
            snprintf(cur_rec, sizeof cur_rec, "%s", r->record);
        }
        if (!strcmp(r->set, "gnehtml")) check_gne_split(r);
        int s = set_of_row(r), sp = strcmp(r->split, "test") == 0;
        if (!row_current(r, doc, lines, nlines)) {
            T[s][sp].stale++;
            continue;
        }
        const ev_line *ln = &lines[r->line];
        int gold = scrub_label_from_name(r->label, strlen(r->label));
        ck_assert_msg(gold >= 0, "bad label %s", r->label);
        if (ps.gold) ps.gold[r->line] = gold;
        bool kept = scrub_filter_line_kept(ctx, (size_t)r->line) == 1;
        if (ps.gold && s == S_PAGES_ZH)
            cover_line(s, sp, ps.hints, ps.nhints, (size_t)r->line, gold, kept, ctx, r->file,
                       doc + ln->start, ln->len);
        count_line(&T[s][sp], gold, strstr(r->tags, "trap") != NULL, doc + ln->start, ln->len,
                   kept);
        if (!sp && s == S_SPAM &&
            (group_of(gold) == G_SPAM || strstr(r->tags, "trap") != NULL)) {
            char where[300];
            snprintf(where, sizeof where, "%s#%s", r->file, r->record);
            margin_line(where, (size_t)r->line, r->label, ctx, kept);
        }
        if (gold != SCRUB_LABEL_META) { /* meta is read through the accessors */
            char where[300];
            snprintf(where, sizeof where, "%s#%s", r->file, r->record);
            dump_mistake(where, sp, (size_t)r->line, is_keep_label(gold), kept, ctx,
                         doc + ln->start, ln->len);
        }
        if (!strcmp(r->set, "seeds")) {
            if (is_keep_label(gold) && !kept) {
                seeds_content_dropped++;
                printf("  seed content dropped: %s:%ld (%s)\n", r->file, r->line,
                       scrub_filter_line_reason(ctx, (size_t)r->line));
            }
            int g = group_of(gold);
            if (gold != SCRUB_LABEL_META && g >= 0 && kept) {
                seeds_junk_kept++;
                printf("  seed %s kept: %s:%ld\n", r->label, r->file, r->line);
            }
        }
    }
    stress_done(ctx, &ps, cur_file, doc, len);
    free(doc);
    free(lines);
}

/* The rows of path appended to rows[0, *n) (room for *cap); returns rows. */
static label_row *read_rows_into(const char *path, label_row *rows, size_t *n, size_t *cap)
{
    char *data = test_read_file(path, NULL);
    ck_assert_msg(data != NULL, "cannot read %s", path);
    size_t k = *n;
    for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#') continue;
        if (k == *cap) rows = realloc(rows, (*cap *= 2) * sizeof *rows);
        if (parse_row(line, &rows[k])) k++;
    }
    free(data);
    *n = k;
    return rows;
}

/* labels.tsv, then the files of SCRUB_EVAL_ROWS (colon-separated): rows
 * not appended yet, such as an annotator's extra-*.tsv, judged as if they
 * were. */
static label_row *read_rows(const char *path, size_t *n)
{
    size_t cap = 1024;
    label_row *rows = malloc(cap * sizeof *rows);
    *n = 0;
    rows = read_rows_into(path, rows, n, &cap);
    const char *more = getenv("SCRUB_EVAL_ROWS");
    while (more && *more) {
        const char *end = strchr(more, ':');
        size_t m = end ? (size_t)(end - more) : strlen(more);
        char file[1024];
        snprintf(file, sizeof file, "%.*s", (int)m, more);
        if (*file) rows = read_rows_into(file, rows, n, &cap);
        more = end ? end + 1 : NULL;
    }
    return rows;
}

/* Site-farm flags on the chinesewebtext documents (docs.tsv). */
static void judge_docs(scrub_ctx *ctx)
{
    char *data = test_read_file(SCRUB_SOURCE_DIR "/test/devset/docs.tsv", NULL);
    ck_assert_ptr_nonnull(data);
    for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#') continue;
        char file[256], rec[16], label[32], split[8];
        if (sscanf(line, "%*s %255s %15s %31s %7s", file, rec, label, split) != 4) continue;
        size_t len;
        char *doc = load_doc(file, rec, &len);
        if (!doc) break;
        ck_assert_status(scrub_classify_lines(ctx, doc, len, 0), SCRUB_OK);
        bool flagged = scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM;
        bool farm = strcmp(label, "site_farm") == 0;
        int sp = strcmp(split, "test") == 0;
        if (!sp) {
            char name[300];
            snprintf(name, sizeof name, "%s#%s", file, rec);
            margin_doc(farm ? "farm" : "other", name, ctx);
        }
        farm_tp[sp] += flagged && farm;
        farm_fp[sp] += flagged && !farm;
        farm_fn[sp] += !flagged && farm;
        free(doc);
    }
    free(data);
}

/* ---- transplanted residue (dev half only) -------------------------------- */

/* An extractor leaves a page's widget, footer and artifact lines inside or
 * under the article, alone rather than in the long runs a whole page shows.
 * Each labelled footer/widget/artifact block of a dev page (a maximal run
 * of such lines as they sit on the page, cut into pieces of at most eight
 * lines) is put into that page's article (its kept-label lines) once after
 * its last paragraph and once between two of its paragraphs; the text,
 * without hints, is classified as extracted text.  Counts the inserted
 * lines removed and the article lines kept.  Test pages are never read. */
enum { X_ZH, X_OTHER, X_COUNT };
typedef struct {
    size_t blocks, inserted[2], removed[2], article[2], article_kept[2];
} xtally;
static xtally X[X_COUNT], X_ALONE[X_COUNT];

typedef struct {
    const char *p;
    size_t n;
} ev_ref;

static bool blank_text(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') return false;
    return true;
}

/* The lines of one case: the inserted lines removed, the article lines
 * kept. */
typedef struct {
    size_t inserted, removed, article, article_kept;
} xcount;

/* blk[0, nb) put into the article before its line `at` (na: after it),
 * classified as extracted text; tag names the place in the dump.  junk:
 * the inserted lines are to be removed (residue, adverts), or kept
 * (traps). */
static xcount transplant_at(scrub_ctx *ctx, const char *page, const char *tag, const ev_ref *art,
                            size_t na, size_t at, const ev_ref *blk, size_t nb, bool junk)
{
    xcount c = {0};
    size_t total = na + nb;
    ev_str t = {0};
    ev_put(&t, "", 0);
    for (size_t i = 0; i < total; i++) {
        const ev_ref *r = i < at ? &art[i] : i < at + nb ? &blk[i - at] : &art[i - nb];
        ev_put(&t, r->p, r->n);
        ev_putc(&t, '\n');
    }
    ck_assert_status(scrub_classify_lines(ctx, t.p, t.n, 0), SCRUB_OK);
    ck_assert_msg(scrub_filter_line_count(ctx) == total, "%s+%s: %zu lines, not %zu", page, tag,
                  scrub_filter_line_count(ctx), total);
    for (size_t i = 0; i < total; i++) {
        const ev_ref *r = i < at ? &art[i] : i < at + nb ? &blk[i - at] : &art[i - nb];
        bool inserted = i >= at && i < at + nb, kept = scrub_filter_line_kept(ctx, i) == 1;
        if (inserted) {
            c.inserted++;
            c.removed += !kept;
        } else {
            c.article++;
            c.article_kept += kept;
        }
        if (dump_file && (inserted && junk) == kept) {
            int l = scrub_filter_line_label(ctx, i);
            const char *what = !inserted ? "XDROP" : junk ? "XKEEP" : "XTRAP";
            fprintf(dump_file, "%s\t%s+%s:%zu\t%s\t%s\t%.*s\n", what, page, tag, i,
                    l >= 0 ? scrub_label_name(l) : "?", scrub_filter_line_reason(ctx, i),
                    (int)r->n, r->p);
        }
    }
    free(t.p);
    return c;
}

static void transplant_case(scrub_ctx *ctx, xtally *x, int mid, const char *page,
                            const ev_ref *art, size_t na, const ev_ref *blk, size_t nb, bool junk)
{
    xcount c = transplant_at(ctx, page, mid ? "mid" : "end", art, na, mid ? na / 2 : na, blk, nb,
                             junk);
    x->inserted[mid] += c.inserted;
    x->removed[mid] += c.removed;
    x->article[mid] += c.article;
    x->article_kept[mid] += c.article_kept;
}

/* The article with nothing put into it: the lines it keeps so are the
 * baseline of its cases' "article lines kept". */
static void transplant_alone(scrub_ctx *ctx, xtally *x, const char *page, const ev_ref *art,
                             size_t na)
{
    char where[320];
    snprintf(where, sizeof where, "%s(alone)", page);
    transplant_case(ctx, x, 0, where, art, na, NULL, 0, true);
}

/* Runs of lines to put into an article. */
typedef struct {
    size_t first, n; /* into lines */
} line_run;

typedef struct {
    ev_ref *lines;
    line_run *runs;
    size_t nlines, nruns;
} line_pool;

static line_pool new_pool(size_t n)
{
    return (line_pool){malloc((n ? n : 1) * sizeof(ev_ref)), malloc((n ? n : 1) * sizeof(line_run)),
                       0, 0};
}

static void free_pool(line_pool *pool)
{
    free(pool->lines);
    free(pool->runs);
}

/* Line `line` of a document joins the pool: to the last run when it
 * follows that run's last line (up to `most` lines), else as a new run. */
static void pool_line(line_pool *pool, ev_ref text, long line, long *last, size_t most)
{
    if (line != *last + 1 || pool->runs[pool->nruns - 1].n == most)
        pool->runs[pool->nruns++] = (line_run){pool->nlines, 0};
    pool->runs[pool->nruns - 1].n++;
    pool->lines[pool->nlines++] = text;
    *last = line;
}

/* Each run of the pool into the article, after it and between two of its
 * paragraphs. */
static void transplant_pool(scrub_ctx *ctx, xtally *x, const char *page, const ev_ref *art,
                            size_t na, const line_pool *p, bool junk)
{
    for (size_t a = 0; a < p->nruns; a++) {
        x->blocks++;
        for (int mid = 0; mid < 2; mid++)
            transplant_case(ctx, x, mid, page, art, na, p->lines + p->runs[a].first,
                            p->runs[a].n, junk);
    }
}

static int sha1_mod3(const char *text);

/* SCRUB_EVAL_RES_SPLIT=A|B: the residue of one half of the donor pages
 * (B when sha1("re-" + page) mod 3 == 0, page as the dump names it:
 * `NAME/source` for readability, the gne file name), a residue round's
 * hold-out; unset, every dev page. */
static bool residue_donor_in_split(const char *page)
{
    const char *want = getenv("SCRUB_EVAL_RES_SPLIT");
    if (!want || !*want) return true;
    /* a typo would read as A and report that half as the other */
    ck_assert_msg(!strcmp(want, "A") || !strcmp(want, "B"), "SCRUB_EVAL_RES_SPLIT=%s: A or B",
                  want);
    char salted[320];
    snprintf(salted, sizeof salted, "re-%s", page);
    return (want[0] == 'B') == (sha1_mod3(salted) == 0);
}

/* lab[i]: the gold label of page line i, or -1 for none. */
static void transplant_page(scrub_ctx *ctx, int lang, const char *page, const ev_ref *art,
                            size_t na, const char *text, const ev_line *pl, size_t npl,
                            const int *lab)
{
    if (na < 2 || !residue_donor_in_split(page)) return;
    xtally alone = {0}; /* weighed as often as the page's cases below */
    transplant_alone(ctx, &alone, page, art, na);
    line_pool blocks = new_pool(npl);
    long shown = 0, last = -2; /* blank lines do not break a block */
    for (size_t i = 0; i < npl; i++) {
        if (blank_text(text + pl[i].start, pl[i].len)) continue;
        shown++;
        if (lab[i] >= 0 && group_of(lab[i]) == G_FWA)
            pool_line(&blocks, (ev_ref){text + pl[i].start, pl[i].len}, shown, &last, 8);
    }
    X_ALONE[lang].article[0] += 2 * blocks.nruns * alone.article[0];
    X_ALONE[lang].article_kept[0] += 2 * blocks.nruns * alone.article_kept[0];
    transplant_pool(ctx, &X[lang], page, art, na, &blocks, true);
    free_pool(&blocks);
}

/* The article of a dev gne page: its lines labelled content, heading or
 * caption, in page order. */
/* The end of the page whose rows start at rows[i] (adjacent rows). */
static size_t page_end(const label_row *rows, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && !strcmp(rows[j].set, rows[i].set) && !strcmp(rows[j].file, rows[i].file)) j++;
    return j;
}

static void transplant_gne(scrub_ctx *ctx, const label_row *rows, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = page_end(rows, n, i);
        if (strcmp(rows[i].set, "gnehtml") || strcmp(rows[i].split, "dev")) {
            i = j;
            continue;
        }
        size_t len;
        char *html = load_doc(rows[i].file, "-", &len);
        if (!html) return;
        scrub_ctx *hctx = scrub_ctx_new();
        ev_str page = {0};
        ck_assert(render(hctx, html, len, &page, NULL, NULL));
        scrub_ctx_free(hctx);
        free(html);
        ev_line *pl;
        size_t npl = ev_split(page.p ? page.p : "", page.n, &pl);
        int *lab = malloc((npl ? npl : 1) * sizeof *lab);
        ev_ref *art = malloc((npl ? npl : 1) * sizeof *art);
        for (size_t k = 0; k < npl; k++) lab[k] = -1;
        for (size_t k = i; k < j; k++) {
            const label_row *r = &rows[k];
            if (row_current(r, page.p, pl, npl))
                lab[r->line] = scrub_label_from_name(r->label, strlen(r->label));
        }
        size_t na = 0;
        for (size_t k = 0; k < npl; k++)
            if (lab[k] >= 0 && is_keep_label(lab[k])) art[na++] = (ev_ref){page.p + pl[k].start, pl[k].len};
        transplant_page(ctx, X_ZH, rows[i].file, art, na, page.p, pl, npl, lab);
        free(art);
        free(lab);
        free(pl);
        free(page.p);
        i = j;
    }
}

/* ---- transplanted adverts and traps (dev half only) ---------------------- */

/* An injected advert sits inside a legitimate article, where no farm's
 * other lines and no spam title speak for it.  Each run of dev ad/spam
 * lines of the text sets (chinesewebtext, seeds), as it sits in its
 * document (at most eight lines), is put into each legitimate dev
 * chinesewebtext article (a record that is no site farm and holds no ad,
 * spam or inline-spam line: its kept-label lines) once after its last
 * paragraph and once between two of its paragraphs, and classified as
 * extracted text.  Counts the advert lines removed, and the article lines
 * kept beside those kept with no advert at all.  A trap (a content line
 * of a legitimate page that mentions a lottery, a casino, a hospital ...)
 * must stay wherever it stands: each dev chinesewebtext trap goes alone
 * into the same articles, the same two ways.  Test records are never
 * read. */
static xtally XA, XA_ALONE, XT;

/* SHA-1 of a short string (FIPS 180-4), for the advert hold-out below. */
static uint32_t sha1_rol(uint32_t x, int k) { return x << k | x >> (32 - k); }

static void sha1_block(uint32_t h[5], const unsigned char *b)
{
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)b[4 * i] << 24 | (uint32_t)b[4 * i + 1] << 16 |
               (uint32_t)b[4 * i + 2] << 8 | b[4 * i + 3];
    for (int i = 16; i < 80; i++) w[i] = sha1_rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], bb = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) f = (bb & c) | (~bb & d), k = 0x5A827999u;
        else if (i < 40) f = bb ^ c ^ d, k = 0x6ED9EBA1u;
        else if (i < 60) f = (bb & c) | (bb & d) | (c & d), k = 0x8F1BBCDCu;
        else f = bb ^ c ^ d, k = 0xCA62C1D6u;
        uint32_t t = sha1_rol(a, 5) + f + e + k + w[i];
        e = d, d = c, c = sha1_rol(bb, 30), bb = a, a = t;
    }
    h[0] += a, h[1] += bb, h[2] += c, h[3] += d, h[4] += e;
}

/* sha1(text) read as a big-endian number, mod 3. */
static int sha1_mod3(const char *text)
{
    uint32_t h[5] = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u};
    size_t n = strlen(text), done = 0;
    unsigned char b[64];
    bool ended = false;
    for (;;) {
        size_t k = n - done < 64 ? n - done : 64;
        memset(b, 0, sizeof b);
        memcpy(b, text + done, k);
        done += k;
        if (k < 64 && !ended) {
            b[k] = 0x80;
            ended = true;
            if (k >= 56) {
                sha1_block(h, b);
                memset(b, 0, sizeof b);
            }
        }
        if (k < 64 && ended) {
            uint64_t bits = (uint64_t)n * 8;
            for (int i = 0; i < 8; i++) b[63 - i] = (unsigned char)(bits >> (8 * i));
            sha1_block(h, b);
            break;
        }
        sha1_block(h, b);
    }
    unsigned r = 0;
    for (int i = 0; i < 5; i++)
        for (int s = 24; s >= 0; s -= 8) r = (r * 256 + ((h[i] >> s) & 0xFF)) % 3;
    return (int)r;
}

/* SCRUB_EVAL_ADV_SPLIT=A|B: the adverts and traps of one half of the donor
 * documents (B when sha1("am-" + FILE#RECORD) mod 3 == 0), a tuning round's
 * hold-out; unset, all of them. */
static bool donor_in_split(const char *name)
{
    const char *want = getenv("SCRUB_EVAL_ADV_SPLIT");
    if (!want || !*want) return true;
    char salted[320];
    snprintf(salted, sizeof salted, "am-%s", name);
    bool b = sha1_mod3(salted) == 0;
    return (want[0] == 'B') == b;
}

typedef struct {
    char *doc;
    ev_ref *art;
    size_t na;
    char name[300];
} advert_doc;

static bool farm_record(const char *docs, const char *file, const char *rec)
{
    char needle[300];
    snprintf(needle, sizeof needle, "\t%s\t%s\tsite_farm\t", file, rec);
    return strstr(docs, needle) != NULL;
}

/* One dev document of the text sets: its runs of ad/spam lines and its
 * traps go to their pools, its kept-label lines are its article when it
 * is legitimate. */
static void advert_sources(const label_row *rows, size_t n, const char *docs, advert_doc *d,
                           line_pool *ads, line_pool *traps)
{
    size_t len;
    d->doc = load_doc(rows[0].file, rows[0].record, &len);
    d->na = 0;
    d->art = NULL;
    if (!d->doc) return;
    ev_line *lines;
    size_t nl = ev_split(d->doc, len, &lines);
    d->art = malloc((nl ? nl : 1) * sizeof *d->art);
    bool legit = !strcmp(rows[0].set, "cwt") && !farm_record(docs, rows[0].file, rows[0].record);
    snprintf(d->name, sizeof d->name, "%s#%s", rows[0].file, rows[0].record);
    bool donor = donor_in_split(d->name);
    long last_ad = -2, last_trap = -2;
    for (size_t k = 0; k < n; k++) {
        const label_row *r = &rows[k];
        if (!row_current(r, d->doc, lines, nl)) continue;
        const ev_line *ln = &lines[r->line];
        int gold = scrub_label_from_name(r->label, strlen(r->label));
        ev_ref text = {d->doc + ln->start, ln->len};
        legit = legit && group_of(gold) != G_SPAM && !strstr(r->tags, "inline");
        if (is_keep_label(gold)) d->art[d->na++] = text;
        if (donor && group_of(gold) == G_SPAM) pool_line(ads, text, r->line, &last_ad, 8);
        if (donor && strstr(r->tags, "trap") && is_keep_label(gold))
            pool_line(traps, text, r->line, &last_trap, 1);
    }
    free(lines);
    if (!legit) d->na = 0;
}

/* The end of the record that starts at rows[i] (its rows are adjacent). */
static size_t record_end(const label_row *rows, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && !strcmp(rows[j].set, rows[i].set) && !strcmp(rows[j].file, rows[i].file) &&
           !strcmp(rows[j].record, rows[i].record))
        j++;
    return j;
}

/* Do the transplant probes take their articles, adverts and traps from
 * the record that starts at row r?  Dev cwt and seeds records only. */
static bool advert_donor(const label_row *r)
{
    return !strcmp(r->split, "dev") && (!strcmp(r->set, "cwt") || !strcmp(r->set, "seeds"));
}

/* The donor records of the advert probes: their articles, adverts and
 * traps, and docs.tsv (the farm labels) that chose them. */
typedef struct {
    char *docs;
    line_pool ads, traps;
    advert_doc *d;
    size_t nd;
} advert_donors;

static advert_donors load_donors(const label_row *rows, size_t n)
{
    advert_donors a = {test_read_file(SCRUB_SOURCE_DIR "/test/devset/docs.tsv", NULL),
                       new_pool(n), new_pool(n), malloc((n ? n : 1) * sizeof *a.d), 0};
    ck_assert_ptr_nonnull(a.docs);
    ck_assert_ptr_nonnull(a.d);
    for (size_t i = 0; i < n;) {
        size_t j = record_end(rows, n, i);
        if (advert_donor(&rows[i]))
            advert_sources(&rows[i], j - i, a.docs, &a.d[a.nd++], &a.ads, &a.traps);
        i = j;
    }
    return a;
}

static void free_donors(advert_donors *a)
{
    for (size_t h = 0; h < a->nd; h++) {
        free(a->d[h].doc);
        free(a->d[h].art);
    }
    free(a->d);
    free_pool(&a->ads);
    free_pool(&a->traps);
    free(a->docs);
}

static void transplant_adverts(scrub_ctx *ctx, const label_row *rows, size_t n)
{
    advert_donors a = load_donors(rows, n);
    for (size_t h = 0; h < a.nd; h++) {
        const advert_doc *d = &a.d[h];
        if (d->na < 2) continue;
        transplant_alone(ctx, &XA_ALONE, d->name, d->art, d->na);
        transplant_pool(ctx, &XA, d->name, d->art, d->na, &a.ads, true);
        transplant_pool(ctx, &XT, d->name, d->art, d->na, &a.traps, false);
    }
    free_donors(&a);
}

/* ---- spam variants (dev half only) --------------------------------------- */

/* The dev adverts and farms are few, so a rule may fit their exact forms
 * and miss the same spam written another way.  Each dev ad/spam line (runs
 * as in transplant_adverts) is rewritten the ways web spam varies and put
 * into each legitimate dev chinesewebtext article; each dev site farm is
 * rewritten the same ways (its ad/spam lines; the script and width
 * variants the whole document) and classified alone.  The traps and the
 * legitimate articles get the script and width variants: none of their
 * lines may go.  SCRUB_EVAL_ADV_SPLIT picks the donor half as above. */
enum {
    SV_TRAD, SV_FULL, SV_HALF, SV_BAR, SV_DUN, SV_SPACE, SV_DASH, SV_STAR, SV_DIGITS,
    SV_LETTERS, SV_DOMAIN_DOT, SV_DOMAIN_DIAN, SV_QQ_SPACED, SV_PHONE_DASHED, SV_SHUFFLE,
    SV_OWN_BRAND, SV_NO_LEXICON, SV_COUNT
};
static const char *const sv_names[SV_COUNT] = {
    "traditional", "full-width", "half-width", "sep |", "sep 、", "sep space", "sep -",
    "sep ★", "other digits", "other letters", "domain 。", "domain 点", "QQ spaced",
    "phone dashed", "keywords shuffled", "own brand", "no spam lexicon"};

static bool sv_whole_doc(int v) { return v <= SV_HALF || v == SV_OWN_BRAND; }

typedef struct {
    xtally lines[SV_COUNT + 1];        /* + glued (one line a case) */
    size_t farms, flagged[SV_COUNT + 2]; /* + glued, + half the spam lines */
    size_t farm_ads[SV_COUNT + 2], farm_ads_rm[SV_COUNT + 2];
    xtally traps[2], art_alone[2];     /* traditional, full-width */
    size_t legit_docs, legit_keep[2], legit_kept[2], legit_kept_base, legit_flags[2];
    size_t glued[3][4]; /* place x cut, cut with residue, dropped, untouched */
} sv_tally;
static sv_tally SV;

static bool sv_sep(uint32_t c) { return c == ' ' || c == '\t' || c == ',' || c == 0xFF0C || c == 0x3001 || c == '|'; }

static uint32_t sv_next(const char *p, size_t n, size_t *i)
{
    int32_t c;
    int32_t k = (int32_t)*i;
    U8_NEXT(p, k, (int32_t)n, c);
    *i = (size_t)k;
    return c < 0 ? 0xFFFD : (uint32_t)c;
}

/* ASCII letters, digits and punctuation to their full-width forms. */
static void sv_full(const char *p, size_t n, ev_str *o)
{
    for (size_t i = 0; i < n;) {
        uint32_t c = sv_next(p, n, &i);
        ev_put_cp(o, c > 0x20 && c < 0x7F ? c - 0x21 + 0xFF01 : c);
    }
}

/* Full-width forms and CJK punctuation to ASCII. */
static void sv_half(const char *p, size_t n, ev_str *o)
{
    for (size_t i = 0; i < n;) {
        uint32_t c = sv_next(p, n, &i);
        if (c >= 0xFF01 && c <= 0xFF5E) c = c - 0xFF01 + 0x21;
        else if (c == 0x3002) c = '.';
        else if (c == 0x3000) c = ' ';
        ev_put_cp(o, c);
    }
}

/* Every run of separators becomes `sep`. */
static void sv_separate(const char *p, size_t n, const char *sep, ev_str *o)
{
    bool in = false;
    for (size_t i = 0; i < n;) {
        uint32_t c = sv_next(p, n, &i);
        if (sv_sep(c)) {
            if (!in) ev_put(o, sep, strlen(sep));
            in = true;
            continue;
        }
        in = false;
        ev_put_cp(o, c);
    }
}

/* Other digits (js333 -> js777) or other letters (yabo -> zbcp). */
static void sv_shift(const char *p, size_t n, bool digits, ev_str *o)
{
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (digits && c >= '0' && c <= '9') c = (char)('0' + (c - '0' + 4) % 10);
        if (!digits && c >= 'a' && c <= 'z') c = (char)('a' + (c - 'a' + 1) % 26);
        if (!digits && c >= 'A' && c <= 'Z') c = (char)('A' + (c - 'A' + 1) % 26);
        ev_putc(o, c);
    }
}

/* The strong gambling, porn and medical terms of data/lexicon (brands),
 * longest first: the own-brand variant replaces them. */
static struct {
    char **terms;
    size_t n;
    bool loaded;
} sv_brands;

static int sv_longer_first(const void *a, const void *b)
{
    size_t x = strlen(*(char *const *)a), y = strlen(*(char *const *)b);
    return x < y ? 1 : x > y ? -1 : 0;
}

static void sv_load_brands(void)
{
    static const char *const files[] = {"gambling", "porn", "medseo"};
    sv_brands.loaded = true;
    for (size_t f = 0; f < 3; f++) {
        char path[300];
        snprintf(path, sizeof path, SCRUB_SOURCE_DIR "/data/lexicon/%s.txt", files[f]);
        char *data = test_read_file(path, NULL);
        ck_assert_ptr_nonnull(data);
        for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
            char *tab = strchr(line, '\t');
            if (line[0] == '#' || !tab || strcmp(tab + 1, "s") != 0 || tab - line < 2) continue;
            sv_brands.terms = realloc(sv_brands.terms, (sv_brands.n + 1) * sizeof(char *));
            sv_brands.terms[sv_brands.n++] = strndup(line, (size_t)(tab - line));
        }
        free(data);
    }
    qsort(sv_brands.terms, sv_brands.n, sizeof(char *), sv_longer_first);
}

/* The farm's own brand for a term: three consonants and three digits
 * drawn from the term's hash, the same term the same token everywhere. */
static void sv_brand_token(const char *p, size_t n, ev_str *o)
{
    static const char cons[] = "bcdfghjkmnpqrstvwxz";
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * UINT64_C(0x100000001b3);
    for (int k = 0; k < 3; k++, h /= 19) ev_putc(o, cons[h % 19]);
    for (int k = 0; k < 3; k++, h /= 10) ev_putc(o, (char)('0' + h % 10));
}

/* Words of an address or a field that are no brand. */
static bool sv_common_word(const char *p, size_t n)
{
    static const char *const words[] = {"www", "com", "net", "org", "cn", "cc", "vip", "top",
                                        "http", "https", "html", "htm", "qq", "app", "m"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strlen(words[k]) == n && !strncasecmp(words[k], p, n)) return true;
    return false;
}

/* The brands of a farm: the ASCII words and strong terms of its ad/spam
 * lines (the own-brand variant replaces them in every line). */
typedef struct {
    ev_ref *b;
    size_t n;
} sv_brand_set;

static bool sv_in_set(const sv_brand_set *only, const char *p, size_t n)
{
    for (size_t k = 0; k < only->n; k++)
        if (only->b[k].n == n && !memcmp(only->b[k].p, p, n)) return true;
    return false;
}

static void sv_set_add(sv_brand_set *set, const char *p, size_t n)
{
    if (sv_in_set(set, p, n)) return;
    set->b = realloc(set->b, (set->n + 1) * sizeof *set->b);
    set->b[set->n++] = (ev_ref){p, n};
}

/* Brands (a strong lexicon term, an ASCII word with a letter: yabo,
 * js333, am8899) replaced by tokens no lexicon knows; with `only`, just
 * the farm's brands; with `collect`, found and added instead. */
static void sv_own_brand(const char *p, size_t n, const sv_brand_set *only, sv_brand_set *collect,
                         ev_str *o)
{
    if (!sv_brands.loaded) sv_load_brands();
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)p[i];
        if (isalnum(c) && (i == 0 || !isalnum((unsigned char)p[i - 1]))) {
            size_t e = i;
            bool letter = false;
            for (; e < n && isalnum((unsigned char)p[e]); e++) letter = letter || isalpha((unsigned char)p[e]);
            bool brand = letter && e - i >= 2 && !sv_common_word(p + i, e - i) &&
                         (!only || sv_in_set(only, p + i, e - i));
            if (brand && collect) sv_set_add(collect, p + i, e - i);
            if (brand && o) sv_brand_token(p + i, e - i, o);
            else if (o) ev_put(o, p + i, e - i);
            i = e;
            continue;
        }
        size_t hit = 0;
        for (size_t k = 0; c >= 0x80 && !hit && k < sv_brands.n; k++) {
            size_t tn = strlen(sv_brands.terms[k]);
            if (tn <= n - i && !memcmp(p + i, sv_brands.terms[k], tn)) hit = tn;
        }
        if (hit && only && !sv_in_set(only, p + i, hit)) hit = 0;
        if (hit && collect) sv_set_add(collect, p + i, hit);
        if (hit && o) sv_brand_token(p + i, hit, o);
        else if (o) ev_putc(o, p[i]);
        i += hit ? hit : 1;
    }
}

/* A domain with its dots written another way; a line without one gets
 * its first ASCII brand (or "vip") as a domain. */
static void sv_domain(const char *p, size_t n, const char *dot, ev_str *o)
{
    bool had = false;
    for (size_t i = 0; i < n; i++) {
        bool inner = p[i] == '.' && i > 0 && i + 1 < n && isalnum((unsigned char)p[i - 1]) &&
                     isalnum((unsigned char)p[i + 1]);
        if (inner) ev_put(o, dot, strlen(dot));
        else ev_putc(o, p[i]);
        had = had || inner;
    }
    if (had) return;
    size_t b = 0, e;
    while (b < n && !isalpha((unsigned char)p[b])) b++;
    for (e = b; e < n && isalnum((unsigned char)p[e]); e++) {}
    ev_put(o, " 网址：www", strlen(" 网址：www"));
    ev_put(o, dot, strlen(dot));
    if (e > b) ev_put(o, p + b, e - b);
    else ev_put(o, "vip", 3);
    ev_put(o, "888", 3);
    ev_put(o, dot, strlen(dot));
    ev_put(o, "com", 3);
}

/* Keywords in reverse order, joined by the line's first separator. */
static void sv_shuffle(const char *p, size_t n, ev_str *o)
{
    size_t tb[128], te[128], nt = 0, sb = 0, se = 0, i = 0;
    while (i < n && nt < 128) {
        size_t at = i;
        uint32_t c = sv_next(p, n, &i);
        bool sep = sv_sep(c);
        if (sep && !se) sb = at, se = i;
        if (!sep && (nt == 0 || te[nt - 1] != at)) tb[nt] = at, nt++;
        if (!sep) te[nt - 1] = i;
    }
    for (size_t k = nt; k-- > 0;) {
        ev_put(o, p + tb[k], te[k] - tb[k]);
        if (k) ev_put(o, p + sb, se ? se - sb : 0);
    }
}

static void sv_rewrite(scrub_ctx *ctx, int v, const char *p, size_t n, ev_str *o)
{
    o->n = 0;
    ev_put(o, "", 0);
    switch (v) {
    case SV_TRAD: {
        char *t;
        size_t tn;
        ck_assert_status(scrub_zh_convert(ctx, p, n, SCRUB_ZH_HANS, SCRUB_ZH_TW, 0, &t, &tn), SCRUB_OK);
        while (tn && (t[tn - 1] == '\n')) tn--;
        ev_put(o, t, tn);
        scrub_free(t);
        break;
    }
    case SV_FULL: sv_full(p, n, o); break;
    case SV_HALF: sv_half(p, n, o); break;
    case SV_BAR: sv_separate(p, n, "|", o); break;
    case SV_DUN: sv_separate(p, n, "、", o); break;
    case SV_SPACE: sv_separate(p, n, " ", o); break;
    case SV_DASH: sv_separate(p, n, "-", o); break;
    case SV_STAR: sv_separate(p, n, "★", o); break;
    case SV_DIGITS: sv_shift(p, n, true, o); break;
    case SV_LETTERS: sv_shift(p, n, false, o); break;
    case SV_DOMAIN_DOT: sv_domain(p, n, "。", o); break;
    case SV_DOMAIN_DIAN: sv_domain(p, n, "点", o); break;
    case SV_QQ_SPACED:
        ev_put(o, p, n);
        ev_put(o, " 客服QQ：2 8 9 6 5 5 1 0", strlen(" 客服QQ：2 8 9 6 5 5 1 0"));
        break;
    case SV_PHONE_DASHED:
        ev_put(o, p, n);
        ev_put(o, " 热线：138-1234-5678", strlen(" 热线：138-1234-5678"));
        break;
    case SV_OWN_BRAND: sv_own_brand(p, n, NULL, NULL, o); break;
    case SV_NO_LEXICON: ev_put(o, p, n); break;
    default: sv_shuffle(p, n, o); break;
    }
}

/* Rewritten lines, owned. */
typedef struct {
    ev_ref *lines;
    char **own;
    size_t n;
} sv_lines;

static sv_lines sv_rewrite_all(scrub_ctx *ctx, int v, const ev_ref *src, size_t n)
{
    sv_lines r = {malloc((n ? n : 1) * sizeof(ev_ref)), malloc((n ? n : 1) * sizeof(char *)), n};
    for (size_t i = 0; i < n; i++) {
        ev_str o = {0};
        sv_rewrite(ctx, v, src[i].p, src[i].n, &o);
        r.own[i] = o.p;
        r.lines[i] = (ev_ref){o.p, o.n};
    }
    return r;
}

static void sv_free(sv_lines *r)
{
    for (size_t i = 0; i < r->n; i++) free(r->own[i]);
    free(r->own);
    free(r->lines);
}

/* Where the spam run goes into the article's last line: after it, before
 * it, or after its first sentence end (its first comma when it has one
 * sentence); SIZE_MAX when the line has neither. */
enum { GLUE_END, GLUE_START, GLUE_MIDDLE, GLUE_PLACES };
static const char *const glue_names[GLUE_PLACES] = {"at the end", "at the start", "in the middle"};

static size_t glue_middle(const char *p, size_t n)
{
    static const char *const marks[2][3] = {{"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F"},
                                            {"\xEF\xBC\x8C", ",", ","}};
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n; i++)
            for (int k = 0; k < 3; k++) {
                size_t l = strlen(marks[pass][k]);
                if (i + l < n && !memcmp(p + i, marks[pass][k], l)) return i + l;
            }
    return SIZE_MAX;
}

/* What is left of bytes [b, e) of t once every span of line `line` is cut. */
static void glue_left(scrub_ctx *ctx, const char *t, size_t b, size_t e, size_t line, ev_str *o)
{
    o->n = 0;
    ev_put(o, "", 0);
    for (size_t i = b; i < e;) {
        size_t skip = i;
        for (size_t k = 0; k < scrub_filter_span_count(ctx); k++) {
            size_t l, s, x;
            scrub_filter_span(ctx, k, &l, &s, &x);
            if (l == line && s <= i && x > i) skip = x;
        }
        if (skip > i) i = skip;
        else ev_putc(o, t[i++]);
    }
}

/* Residue of the spam (the kept text less the sentence): does it still
 * hold a brand or a contact?  An ASCII word of three or more (a brand,
 * a domain, a number) taken from the spam, or a span or a spam/ad label
 * when the residue is classified alone. */
static bool glue_residue_spam(scrub_ctx *ctx, const char *res, size_t rn, ev_ref spam)
{
    for (size_t i = 0; i < spam.n;) {
        size_t j = i;
        while (j < spam.n && isalnum((unsigned char)spam.p[j])) j++;
        bool letter = false;
        for (size_t k = i; k < j; k++) letter = letter || isalpha((unsigned char)spam.p[k]);
        /* a brand or a domain has a letter; a contact number five digits
         * or more (a year is no contact) */
        if ((letter && j - i >= 3) || j - i >= 5) {
            for (size_t k = 0; k + (j - i) <= rn; k++)
                if (!memcmp(res + k, spam.p + i, j - i)) return true;
        }
        i = j > i ? j : i + 1;
    }
    if (!rn) return false;
    ck_assert_status(scrub_classify_lines(ctx, res, rn, 0), SCRUB_OK);
    int l = scrub_filter_line_label(ctx, 0);
    return scrub_filter_span_count(ctx) > 0 || l == SCRUB_LABEL_SPAM || l == SCRUB_LABEL_AD;
}

/* The spam line glued to the article's last line at `place`: the
 * outcome is "cut" (an inline span over the spam, the sentence kept
 * whole and no brand or contact left), "cut, residue" (spans, but the
 * sentence is cut into or spam is left), "dropped" (the whole line) or
 * "untouched". */
static void sv_glued(scrub_ctx *ctx, const ev_ref *art, size_t na, ev_ref spam, int place)
{
    ev_ref last = art[na - 1];
    size_t at = place == GLUE_END ? last.n : place == GLUE_START ? 0 : glue_middle(last.p, last.n);
    if (at == SIZE_MAX) return;
    ev_str t = {0}, left = {0};
    for (size_t i = 0; i + 1 < na; i++) {
        ev_put(&t, art[i].p, art[i].n);
        ev_putc(&t, '\n');
    }
    size_t from = t.n;
    ev_put(&t, last.p, at);
    ev_put(&t, spam.p, spam.n);
    ev_put(&t, last.p + at, last.n - at);
    size_t to = t.n;
    ev_putc(&t, '\n');
    ck_assert_status(scrub_classify_lines(ctx, t.p, t.n, 0), SCRUB_OK);
    bool dropped = scrub_filter_line_kept(ctx, na - 1) != 1, spans = false;
    for (size_t k = 0; k < scrub_filter_span_count(ctx); k++) {
        size_t line, s, e;
        scrub_filter_span(ctx, k, &line, &s, &e);
        spans = spans || line == na - 1;
    }
    int outcome = dropped ? 2 : !spans ? 3 : 0;
    if (outcome == 0) {
        glue_left(ctx, t.p, from, to, na - 1, &left);
        /* the sentence, whole: its two halves in order around the residue */
        const char *a = left.n >= at && !memcmp(left.p, last.p, at) ? left.p + at : NULL;
        size_t tail = last.n - at;
        bool whole = a && left.n >= at + tail && !memcmp(left.p + left.n - tail, last.p + at, tail);
        size_t rn = whole ? left.n - at - tail : 0;
        char *res = whole ? strndup(a, rn) : NULL;
        if (!whole || glue_residue_spam(ctx, res ? res : "", rn, spam)) outcome = 1;
        free(res);
    }
    SV.glued[place][outcome]++;
    if (dump_file)
        fprintf(dump_file, "VGLUE\t%s\t%s\t%.*s\n", glue_names[place],
                outcome == 0 ? "cut" : outcome == 1 ? "residue" : outcome == 2 ? "dropped" : "untouched", (int)(to - from),
                t.p + from);
    free(t.p);
    free(left.p);
}

/* One dev cwt record, its lines and their gold. */
typedef struct {
    char *doc;
    ev_line *lines;
    size_t nl;
    int *gold;
    bool farm, legit, donor;
    char name[300];
} sv_doc;

static bool sv_load(const label_row *rows, size_t n, const char *docs, sv_doc *d)
{
    size_t len;
    d->doc = load_doc(rows[0].file, rows[0].record, &len);
    if (!d->doc) return false;
    d->nl = ev_split(d->doc, len, &d->lines);
    d->gold = malloc((d->nl ? d->nl : 1) * sizeof *d->gold);
    for (size_t i = 0; i < d->nl; i++) d->gold[i] = -1;
    snprintf(d->name, sizeof d->name, "%s#%s", rows[0].file, rows[0].record);
    d->farm = farm_record(docs, rows[0].file, rows[0].record);
    d->legit = !d->farm;
    d->donor = donor_in_split(d->name);
    for (size_t k = 0; k < n; k++) {
        const label_row *r = &rows[k];
        if (!row_current(r, d->doc, d->lines, d->nl)) continue;
        d->gold[r->line] = scrub_label_from_name(r->label, strlen(r->label));
        d->legit = d->legit && group_of(d->gold[r->line]) != G_SPAM && !strstr(r->tags, "inline");
    }
    return true;
}

/* The farm rewritten (v < SV_COUNT), or with every second ad/spam line
 * taken out (v == SV_COUNT + 1): flagged?  its ad/spam lines removed? */
static void sv_farm(scrub_ctx *ctx, const sv_doc *d, int v)
{
    ev_str t = {0}, o = {0};
    ev_put(&t, "", 0);
    size_t *src = malloc((d->nl ? d->nl : 1) * sizeof *src), nt = 0, spam_seen = 0;
    sv_brand_set brands = {0};
    for (size_t i = 0; v == SV_OWN_BRAND && i < d->nl; i++)
        if (d->gold[i] >= 0 && group_of(d->gold[i]) == G_SPAM)
            sv_own_brand(d->doc + d->lines[i].start, d->lines[i].len, NULL, &brands, NULL);
    for (size_t i = 0; i < d->nl; i++) {
        const char *p = d->doc + d->lines[i].start;
        size_t n = d->lines[i].len;
        bool spam = d->gold[i] >= 0 && group_of(d->gold[i]) == G_SPAM;
        if (v == SV_COUNT + 1 && spam && spam_seen++ % 2) continue;
        if (v == SV_OWN_BRAND) {
            o.n = 0;
            ev_put(&o, "", 0);
            sv_own_brand(p, n, &brands, NULL, &o);
            ev_put(&t, o.p, o.n);
        } else if (v < SV_COUNT && (spam || sv_whole_doc(v))) {
            sv_rewrite(ctx, v, p, n, &o);
            ev_put(&t, o.p, o.n);
        } else {
            ev_put(&t, p, n);
        }
        ev_putc(&t, '\n');
        src[nt++] = i;
    }
    ck_assert_status(scrub__filter_mute_spam_lexicon(ctx, v == SV_NO_LEXICON), SCRUB_OK);
    ck_assert_status(scrub_classify_lines(ctx, t.p, t.n, 0), SCRUB_OK);
    SV.flagged[v] += (scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM) != 0;
    if (dump_file && !(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM)) {
        fprintf(dump_file, "VFARM\t%s\t%s\t%.3f\n", v < SV_COUNT ? sv_names[v] : "half", d->name,
                scrub_filter_doc_score(ctx));
        /* the missed farm's lines as the filter read them */
        for (size_t k = 0; k < scrub_filter_line_count(ctx); k++) {
            size_t s, n;
            scrub_filter_line_span(ctx, k, &s, &n);
            fprintf(dump_file, "VLINE\t%zu\t%s\t%s\t%.*s\n", k,
                    scrub_label_name(scrub_filter_line_label(ctx, k)),
                    scrub_filter_line_reason(ctx, k), (int)n, t.p + s);
        }
    }
    for (size_t k = 0; k < nt && k < scrub_filter_line_count(ctx); k++) {
        int g = d->gold[src[k]];
        if (g < 0 || group_of(g) != G_SPAM) continue;
        bool kept = scrub_filter_line_kept(ctx, k) == 1;
        SV.farm_ads[v]++;
        SV.farm_ads_rm[v] += !kept;
        if (dump_file && kept) {
            size_t s, n;
            scrub_filter_line_span(ctx, k, &s, &n);
            fprintf(dump_file, "VKEEP\tfarm %s\t%s:%zu\t%.*s\n",
                    v < SV_COUNT ? sv_names[v] : "half", d->name, k, (int)n, t.p + s);
        }
    }
    ck_assert_status(scrub__filter_mute_spam_lexicon(ctx, false), SCRUB_OK);
    free(brands.b);
    free(src);
    free(t.p);
    free(o.p);
}

/* A legitimate record in the script/width variant: its kept-label lines
 * kept (against the original), and no farm flag. */
static void sv_legit(scrub_ctx *ctx, const sv_doc *d, int w)
{
    ev_str t = {0}, o = {0};
    ev_put(&t, "", 0);
    for (size_t i = 0; i < d->nl; i++) {
        sv_rewrite(ctx, w ? SV_FULL : SV_TRAD, d->doc + d->lines[i].start, d->lines[i].len, &o);
        ev_put(&t, o.p, o.n);
        ev_putc(&t, '\n');
    }
    ck_assert_status(scrub_classify_lines(ctx, t.p, t.n, 0), SCRUB_OK);
    SV.legit_flags[w] += (scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM) != 0;
    for (size_t i = 0; i < d->nl && i < scrub_filter_line_count(ctx); i++) {
        if (d->gold[i] < 0 || !is_keep_label(d->gold[i])) continue;
        SV.legit_keep[w]++;
        SV.legit_kept[w] += scrub_filter_line_kept(ctx, i) == 1;
        if (dump_file && scrub_filter_line_kept(ctx, i) != 1) {
            size_t s, n;
            scrub_filter_line_span(ctx, i, &s, &n);
            fprintf(dump_file, "VDROP\t%s\t%s:%zu\t%s\t%.*s\n", w ? "full-width" : "traditional",
                    d->name, i, scrub_filter_line_reason(ctx, i), (int)n, t.p + s);
        }
    }
    free(t.p);
    free(o.p);
}

static void sv_legit_base(scrub_ctx *ctx, const sv_doc *d)
{
    ck_assert_status(scrub_classify_lines(ctx, d->doc, strlen(d->doc), 0), SCRUB_OK);
    for (size_t i = 0; i < d->nl && i < scrub_filter_line_count(ctx); i++)
        SV.legit_kept_base += d->gold[i] >= 0 && is_keep_label(d->gold[i]) &&
                              scrub_filter_line_kept(ctx, i) == 1;
}

/* The rewritten adverts (and, for the script and width variants, the
 * traps) into each legitimate article. */
static void sv_articles(scrub_ctx *ctx, advert_doc *d, size_t nd, const line_pool *ads,
                        const line_pool *traps)
{
    for (int v = 0; v < SV_COUNT; v++) {
        sv_lines va = sv_rewrite_all(ctx, v, ads->lines, ads->nlines);
        line_pool p = *ads;
        p.lines = va.lines;
        ck_assert_status(scrub__filter_mute_spam_lexicon(ctx, v == SV_NO_LEXICON), SCRUB_OK);
        for (size_t h = 0; h < nd; h++) {
            char where[320]; /* the variant in the dump's rows */
            snprintf(where, sizeof where, "%s[%s]", d[h].name, sv_names[v]);
            if (d[h].na >= 2)
                transplant_pool(ctx, &SV.lines[v], where, d[h].art, d[h].na, &p, true);
        }
        ck_assert_status(scrub__filter_mute_spam_lexicon(ctx, false), SCRUB_OK);
        sv_free(&va);
    }
    for (int w = 0; w < 2; w++) {
        sv_lines vt = sv_rewrite_all(ctx, w ? SV_FULL : SV_TRAD, traps->lines, traps->nlines);
        line_pool p = *traps;
        p.lines = vt.lines;
        for (size_t h = 0; h < nd; h++) {
            if (d[h].na < 2) continue;
            sv_lines art = sv_rewrite_all(ctx, w ? SV_FULL : SV_TRAD, d[h].art, d[h].na);
            transplant_alone(ctx, &SV.art_alone[w], d[h].name, art.lines, art.n);
            transplant_pool(ctx, &SV.traps[w], d[h].name, art.lines, art.n, &p, false);
            sv_free(&art);
        }
        sv_free(&vt);
    }
    for (size_t h = 0; h < nd; h++)
        for (size_t k = 0; d[h].na >= 2 && k < ads->nlines; k++)
            for (int g = 0; g < GLUE_PLACES; g++) sv_glued(ctx, d[h].art, d[h].na, ads->lines[k], g);
}

static void spam_variants(scrub_ctx *ctx, const label_row *rows, size_t n)
{
    advert_donors a = load_donors(rows, n);
    for (size_t i = 0; i < n;) {
        size_t j = record_end(rows, n, i);
        bool dev = !strcmp(rows[i].split, "dev");
        sv_doc doc;
        if (dev && !strcmp(rows[i].set, "cwt") && sv_load(&rows[i], j - i, a.docs, &doc)) {
            if (doc.farm && doc.donor) {
                SV.farms++;
                for (int v = 0; v < SV_COUNT + 2; v++)
                    if (v != SV_COUNT) sv_farm(ctx, &doc, v);
            }
            if (doc.legit && doc.donor) {
                SV.legit_docs++;
                sv_legit_base(ctx, &doc);
                sv_legit(ctx, &doc, 0);
                sv_legit(ctx, &doc, 1);
            }
            free(doc.doc);
            free(doc.lines);
            free(doc.gold);
        }
        i = j;
    }
    sv_articles(ctx, a.d, a.nd, &a.ads, &a.traps);
    free_donors(&a);
    for (size_t k = 0; k < sv_brands.n; k++) free(sv_brands.terms[k]);
    free(sv_brands.terms);
    sv_brands.terms = NULL;
    sv_brands.n = 0;
    sv_brands.loaded = false;
}

static void print_spam_variants(void)
{
    printf("  spam variants (dev adverts rewritten; SCRUB_EVAL_ADV_SPLIT=%s):\n",
           getenv("SCRUB_EVAL_ADV_SPLIT") ? getenv("SCRUB_EVAL_ADV_SPLIT") : "all");
    for (int v = 0; v < SV_COUNT; v++) {
        const xtally *x = &SV.lines[v];
        printf("    %-18s lines removed %.3f after (%zu of %zu), %.3f between (%zu of %zu); "
               "farms flagged %zu of %zu, their ad/spam removed %zu of %zu\n",
               sv_names[v], ratio(x->removed[0], x->inserted[0]), x->removed[0], x->inserted[0],
               ratio(x->removed[1], x->inserted[1]), x->removed[1], x->inserted[1], SV.flagged[v],
               SV.farms, SV.farm_ads_rm[v], SV.farm_ads[v]);
    }
    for (int g = 0; g < GLUE_PLACES; g++) {
        const size_t *x = SV.glued[g];
        size_t all = x[0] + x[1] + x[2] + x[3];
        printf("    glued %-12s span cut, sentence kept %.3f (%zu of %zu); cut leaving spam or "
               "cutting the sentence %zu; whole line dropped %zu; untouched %zu\n",
               glue_names[g], ratio(x[0], all), x[0], all, x[1], x[2], x[3]);
    }
    printf("    %-18s farms flagged %zu of %zu, their ad/spam removed %zu of %zu\n",
           "half the spam", SV.flagged[SV_COUNT + 1], SV.farms, SV.farm_ads_rm[SV_COUNT + 1],
           SV.farm_ads[SV_COUNT + 1]);
    for (int w = 0; w < 2; w++)
        printf("    traps and articles %s: traps wrongly removed %zu+%zu of %zu; article lines kept "
               "%zu of %zu (%zu with no trap); legitimate records: kept-label lines kept %zu of %zu "
               "(%zu unchanged), farm flags %zu of %zu\n",
               w ? "full-width" : "traditional", SV.traps[w].removed[0], SV.traps[w].removed[1],
               SV.traps[w].inserted[0], SV.traps[w].article_kept[0] + SV.traps[w].article_kept[1],
               SV.traps[w].article[0] + SV.traps[w].article[1], SV.art_alone[w].article_kept[0],
               SV.legit_kept[w], SV.legit_keep[w], SV.legit_kept_base, SV.legit_flags[w],
               SV.legit_docs);
}

/* ---- silver sets -------------------------------------------------------- */

static const char *const zh_pages[] = {"gmw", "qq", "youth", "pixnet"};
static const char *const other_pages[] = {
    "aclu", "aktualne", "ars-1", "bbc-1", "blogger", "buzzfeed-1", "citylab-1", "cnet", "cnn",
    "dropbox-blog", "ehow-1", "engadget", "firefox-nightly-blog", "folha", "gitlab-blog",
    "heise", "herald-sun-1", "hukumusume", "iab-1", "la-nacion", "lemonde-1", "liberation-1",
    "lwn-1", "medicalnewstoday", "medium-1", "mercurial", "mozilla-1", "royal-road", "salon-1",
    "seattletimes-1", "simplyfound-1", "spiceworks", "telegraph", "theverge", "tmz-1", "tumblr",
    "wapo-1", "webmd-1", "wordpress", "yahoo-4"};

static int split_of_name(const char *name)
{
    return ev_fnv32(name, strlen(name)) & 1;
}

/* Does the whitespace-free line occur in the gold text? */
static bool in_gold(const char *gold_sq, const ev_line *gl, size_t ngl, const char *gold_lines,
                    const char *p, size_t n)
{
    ev_str a = {0}, b = {0};
    ev_squeeze(p, n, &a);
    bool hit = false;
    if (a.n >= 12) hit = strstr(gold_sq, a.p) != NULL;
    for (size_t i = 0; !hit && a.n && i < ngl; i++) {
        ev_squeeze(gold_lines + gl[i].start, gl[i].len, &b);
        hit = b.n == a.n && memcmp(a.p, b.p, a.n) == 0;
    }
    free(a.p);
    free(b.p);
    return hit;
}

/* Readability takes the headline out of the body into the metadata
 * ("title" of expected-metadata.json), so expected.html never holds it;
 * the headline is a heading all the same.  It is the last line equal to
 * that title before the first line of the gold text (earlier copies are
 * the page's <title> and menus).  SIZE_MAX when there is none. */
static size_t headline_line(const char *name, const char *page, const ev_line *pl, size_t npl,
                            const bool *good_at)
{
    char rel[256];
    snprintf(rel, sizeof rel, "testdata/web/readability-testpages/%s/expected-metadata.json",
             name);
    char *meta = test_read_shared(rel, NULL);
    ev_str title = {0}, tsq = {0}, lsq = {0};
    if (meta) ev_json_field(meta, "title", &title);
    free(meta);
    size_t head = SIZE_MAX;
    if (title.p) ev_squeeze(title.p, title.n, &tsq);
    for (size_t i = 0; tsq.n && i < npl && !good_at[i]; i++) {
        ev_squeeze(page + pl[i].start, pl[i].len, &lsq);
        if (lsq.n == tsq.n && memcmp(lsq.p, tsq.p, tsq.n) == 0) head = i;
    }
    free(title.p);
    free(tsq.p);
    free(lsq.p);
    return head;
}

/* Gold of the lines of a rendered readability page from the rows of
 * labels.tsv: `rdexp` rows label expected.html (readability's gold keeps
 * bylines, counters, widget residue and link lists; the rows say what
 * those lines are), `rdsrc` rows source.html (the type of a silver
 * boilerplate line, or `content` where the silver rule is wrong).  A row
 * overrides the silver gold already in g; one whose hash no longer
 * matches its line counts as stale. */
typedef struct {
    int label; /* -1: silver boilerplate */
    bool trap;
} line_gold;

/* A page the eval's perturbations (hardwrap, interrupt, short_grafs)
 * write anew, line by line, each line with the hint and the gold it
 * carries; page_swap then puts it in place of the page it was made from. */
typedef struct {
    ev_str text;
    uint32_t *hints;
    line_gold *gold;
    size_t n, cap;
} new_page;

static void page_line(new_page *np, const char *p, size_t len, uint32_t hint, line_gold gold)
{
    if (np->n == np->cap) {
        np->cap = np->cap ? np->cap * 2 : 64;
        np->hints = realloc(np->hints, np->cap * sizeof *np->hints);
        np->gold = realloc(np->gold, np->cap * sizeof *np->gold);
        ck_assert(np->hints && np->gold);
    }
    np->hints[np->n] = hint;
    np->gold[np->n++] = gold;
    ev_put(&np->text, p, len);
    ev_putc(&np->text, '\n');
}

/* The new text in place of the page's, split again into as many lines
 * as were written. */
static void page_text_swap(ev_str *page, ev_line **pl, size_t *npl, ev_str text, size_t lines)
{
    free(page->p);
    free(*pl);
    *page = text;
    *npl = ev_split(text.p ? text.p : "", text.n, pl);
    ck_assert_uint_eq(*npl, lines);
}

static void page_swap(new_page *np, ev_str *page, ev_line **pl, size_t *npl, uint32_t **hints,
                      size_t *nhints, line_gold **lg)
{
    page_text_swap(page, pl, npl, np->text, np->n);
    free(*hints);
    free(*lg);
    *hints = np->hints;
    *nhints = np->n;
    *lg = np->gold;
}

/* SCRUB_EVAL_HARDWRAP=1 (dev only): the whole pages in other languages as a
 * site that hard-wraps its prose (each source line ending in <br> or sitting
 * in <pre>: mailing-list archives, plain-text exports) would render.  Every
 * line longer than HW_LONG bytes is cut into lines of at most HW_WIDTH bytes
 * at spaces (at a character boundary where a piece has no space), each piece
 * carrying the hint and the gold of its line; boilerplate wraps as well. */
#define HW_LONG 80
#define HW_WIDTH 72

static size_t hw_cut(const char *p, size_t n)
{
    if (n <= HW_WIDTH) return n;
    for (size_t k = HW_WIDTH; k > 0; k--)
        if (p[k] == ' ') return k;
    size_t k = HW_WIDTH;
    while (k > 1 && ((unsigned char)p[k] & 0xC0) == 0x80) k--;
    return k;
}

static void hardwrap(ev_str *page, ev_line **pl, size_t *npl, uint32_t **hints, size_t *nhints,
                     line_gold **lg)
{
    if (!getenv("SCRUB_EVAL_HARDWRAP")) return;
    new_page np = {0};
    for (size_t i = 0; i < *npl; i++) {
        const char *p = page->p + (*pl)[i].start;
        size_t n = (*pl)[i].len;
        do {
            size_t cut = n > HW_LONG ? hw_cut(p, n) : n;
            page_line(&np, p, cut, i < *nhints ? (*hints)[i] : 0, (*lg)[i]);
            while (cut < n && p[cut] == ' ') cut++;
            p += cut;
            n -= cut;
        } while (n);
    }
    page_swap(&np, page, pl, npl, hints, nhints, lg);
}

/* SCRUB_EVAL_INTERRUPT=KIND (dev only): the whole pages in other languages
 * as a site renders them that breaks its article with inserts, as most news
 * sites do.  After every third content line of 80 bytes or more inside the
 * article guess, the insert of KIND is written, carrying the guess and main
 * bits of the line above and a gold label of its own (the text is ours, so
 * no label row can match it): `teaser` a linked "Read more: ..." line
 * (related), `headline` the same headline without the prefix (related),
 * `share` two linked share buttons in a share class (widget), `newsletter`
 * a three-line sign-up box with no link and no class (widget), `related` a
 * titled box of two linked headlines in a related class, `caption` a photo
 * caption in a figcaption (caption, kept).  What the filter then loses of
 * the article around the inserts is the measure. */
typedef struct {
    const char *kind, *text;
    uint32_t hint;
    int label;
} insert_spec;

static const insert_spec INSERTS[] = {
    {"teaser", "Read more: The ten things everyone gets wrong about this story", 255u << 24,
     SCRUB_LABEL_RELATED},
    {"headline", "The ten things everyone gets wrong about this story", 255u << 24,
     SCRUB_LABEL_RELATED},
    {"share", "Share on Facebook", SCRUB_HINT_CLASS_SHARE | (255u << 24), SCRUB_LABEL_WIDGET},
    {"share", "Share on Twitter", SCRUB_HINT_CLASS_SHARE | (255u << 24), SCRUB_LABEL_WIDGET},
    {"newsletter", "Sign up for our daily newsletter", 0, SCRUB_LABEL_WIDGET},
    {"newsletter", "Email address", 0, SCRUB_LABEL_WIDGET},
    {"newsletter", "Subscribe", 0, SCRUB_LABEL_WIDGET},
    {"related", "Related", SCRUB_HINT_CLASS_RELATED, SCRUB_LABEL_RELATED},
    {"related", "Council approves new budget after long debate",
     SCRUB_HINT_CLASS_RELATED | (255u << 24), SCRUB_LABEL_RELATED},
    {"related", "Five questions about the new stadium plan",
     SCRUB_HINT_CLASS_RELATED | (255u << 24), SCRUB_LABEL_RELATED},
    {"caption", "The mayor speaks to reporters on Tuesday. (Photo: Jane Doe / Reuters)",
     SCRUB_HINT_CAPTION, SCRUB_LABEL_CAPTION},
};

static void interrupt(ev_str *page, ev_line **pl, size_t *npl, uint32_t **hints, size_t *nhints,
                      line_gold **lg)
{
    const char *kind = getenv("SCRUB_EVAL_INTERRUPT");
    if (!kind) return;
    new_page np = {0};
    size_t nlong = 0;
    for (size_t i = 0; i < *npl; i++) {
        uint32_t hi = i < *nhints ? (*hints)[i] : 0;
        size_t n = (*pl)[i].len;
        page_line(&np, page->p + (*pl)[i].start, n, hi, (*lg)[i]);
        bool good = (*lg)[i].label >= 0 && is_keep_label((*lg)[i].label);
        if (!good || !(hi & SCRUB_HINT_IN_CANDIDATE) || n < 80 || ++nlong % 3) continue;
        for (size_t m = 0; m < sizeof INSERTS / sizeof *INSERTS; m++)
            if (!strcmp(INSERTS[m].kind, kind))
                page_line(&np, INSERTS[m].text, strlen(INSERTS[m].text),
                          (hi & (SCRUB_HINT_IN_CANDIDATE | SCRUB_HINT_IN_MAIN)) | INSERTS[m].hint,
                          (line_gold){INSERTS[m].label, false});
    }
    page_swap(&np, page, pl, npl, hints, nhints, lg);
}

/* SCRUB_EVAL_LINKHEAD=1 (dev only): the whole pages in other languages as
 * a site renders them that links its headings: the headline to its own
 * permalink (many blog themes), section titles to their anchors (docs,
 * wikis, "#" permalinks).  Every line with SCRUB_HINT_HEADING whose gold
 * is kept gets a link share of 255 (all anchor text). */
static void link_headings(uint32_t *hints, size_t nhints, const line_gold *lg, size_t npl)
{
    if (!getenv("SCRUB_EVAL_LINKHEAD")) return;
    for (size_t i = 0; i < npl && i < nhints; i++)
        if ((hints[i] & SCRUB_HINT_HEADING) && lg[i].label >= 0 && is_keep_label(lg[i].label))
            hints[i] |= 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
}

/* SCRUB_EVAL_SHORTGRAFS=N (dev only): the whole pages in other languages as
 * a site writes them that keeps its paragraphs short (wire copy, tabloids,
 * one or two sentences a paragraph).  Every content line inside the article
 * guess longer than N bytes is cut after its last sentence end (". ", "! ",
 * "? ") at or before byte N, or after its first one past N; a line with no
 * sentence end stays whole.  The line count, hints and gold stay; only the
 * text is shorter, so the labels' rows were applied before the cut. */
static size_t short_graf(const char *p, size_t n, size_t lim)
{
    size_t best = 0;
    for (size_t k = 20; k + 1 < n; k++) {
        if (!((p[k] == '.' || p[k] == '!' || p[k] == '?') && p[k + 1] == ' ')) continue;
        if (k + 1 <= lim || !best) best = k + 1;
        if (k + 1 > lim) break;
    }
    return best ? best : n;
}

static void short_grafs(ev_str *page, ev_line **pl, size_t *npl, const uint32_t *hints,
                        size_t nhints, const line_gold *lg)
{
    const char *v = getenv("SCRUB_EVAL_SHORTGRAFS");
    if (!v) return;
    size_t lim = (size_t)atoi(v);
    ev_str out = {0};
    for (size_t i = 0; i < *npl; i++) {
        const char *p = page->p + (*pl)[i].start;
        size_t n = (*pl)[i].len;
        bool good = lg[i].label >= 0 && is_keep_label(lg[i].label) && i < nhints &&
                    (hints[i] & SCRUB_HINT_IN_CANDIDATE);
        if (good && n > lim) n = short_graf(p, n, lim);
        ev_put(&out, p, n);
        ev_putc(&out, '\n');
    }
    page_text_swap(page, pl, npl, out, *npl);
}

/* SCRUB_EVAL_LISTIFY=1 and SCRUB_EVAL_TABLIFY=1 (dev only): the whole pages
 * in other languages as a site would render them that tells its article in
 * list items (steps, key points, FAQ answers) or sets it in table cells (an
 * old site, some CMSs).  Every line inside the html stage's article guess
 * (SCRUB_HINT_IN_CANDIDATE) whose gold is content gets SCRUB_HINT_LIST_ITEM
 * or SCRUB_HINT_TABLE; the text and the gold stay as they are (no bullet is
 * written, so the labels' hashes hold). */
static void mark_guess_content(uint32_t *hints, size_t nhints, const line_gold *lg, size_t npl)
{
    uint32_t bit = (getenv("SCRUB_EVAL_LISTIFY") ? SCRUB_HINT_LIST_ITEM : 0) |
                   (getenv("SCRUB_EVAL_TABLIFY") ? SCRUB_HINT_TABLE : 0);
    if (!bit) return;
    for (size_t i = 0; i < npl && i < nhints; i++)
        if ((hints[i] & SCRUB_HINT_IN_CANDIDATE) && lg[i].label >= 0 &&
            is_keep_label(lg[i].label))
            hints[i] |= bit;
}

/* SCRUB_EVAL_CAND_PAGES=FILE writes, for each dev whole page, how the filter's
 * kept text and the html stage's article guess (SCRUB_HINT_IN_CANDIDATE)
 * relate: the guess's gold-content characters, the share of them kept,
 * the content kept outside it.  The lines themselves, inside the guess or
 * not, are SCRUB_EVAL_CAND_LINES' (cover_line). */
static FILE *cand_file;

static void cand_report(const char *page, int sp, const scrub_ctx *ctx, const ev_line *pl,
                        size_t npl, const uint32_t *hints, size_t nhints,
                        const line_gold *lg)
{
    if (!cand_file || sp) return;
    size_t in_good = 0, in_good_kept = 0, in_all = 0, in_kept = 0, out_good_kept = 0,
           out_kept = 0, good = 0;
    for (size_t i = 0; i < npl && i < nhints; i++) {
        if (!pl[i].len || lg[i].label == NOT_JUDGED) continue;
        bool c = hints[i] & SCRUB_HINT_IN_CANDIDATE;
        bool g = lg[i].label >= 0 && is_keep_label(lg[i].label);
        bool k = scrub_filter_line_kept(ctx, i) == 1;
        size_t n = pl[i].len;
        good += g ? n : 0;
        if (c) {
            in_all += n;
            in_good += g ? n : 0;
            in_good_kept += g && k ? n : 0;
            in_kept += k ? n : 0;
        } else {
            out_kept += k ? n : 0;
            out_good_kept += g && k ? n : 0;
        }
    }
    fprintf(cand_file,
            "PAGE\t%s\tgood=%zu\tcand=%zu\tcand_good=%zu\tcand_good_kept=%zu\tcand_kept=%zu"
            "\tout_kept=%zu\tout_good_kept=%zu\n",
            page, good, in_all, in_good, in_good_kept, in_kept, out_kept, out_good_kept);
}

static void apply_rows(const char *set, const char *file, int sp, const char *text,
                       const ev_line *gl, size_t ngl, const label_row *rows, size_t nrows,
                       tally *t, line_gold *g)
{
    for (size_t k = 0; k < nrows; k++) {
        const label_row *r = &rows[k];
        if (strcmp(r->set, set) || strcmp(r->file, file)) continue;
        ck_assert_msg(!strcmp(r->split, sp ? "test" : "dev"), "%s: split is not %s", file, r->split);
        if (!row_current(r, text, gl, ngl)) {
            t->stale++;
            continue;
        }
        int label = scrub_label_from_name(r->label, strlen(r->label));
        ck_assert_msg(label >= 0, "bad label %s", r->label);
        g[r->line] = (line_gold){label, strstr(r->tags, "trap") != NULL};
    }
}

/* Every line of expected.html is content unless an `rdexp` row says otherwise. */
static line_gold *expected_gold(const char *name, int sp, const char *text, const ev_line *gl,
                                size_t ngl, const label_row *rows, size_t nrows, tally *t)
{
    line_gold *g = malloc((ngl ? ngl : 1) * sizeof *g);
    for (size_t i = 0; i < ngl; i++) g[i] = (line_gold){SCRUB_LABEL_CONTENT, false};
    char file[256];
    snprintf(file, sizeof file, "readability-testpages/%s/expected.html", name);
    apply_rows("rdexp", file, sp, text, gl, ngl, rows, nrows, t, g);
    return g;
}

/* The lines of the gold text whose label is kept, one per line: a source
 * line is content when it occurs in them (one that matches only gold lines
 * labelled boilerplate is boilerplate too). */
static void keep_text(const char *text, const ev_line *gl, size_t ngl, const line_gold *g,
                      ev_str *out)
{
    out->p = NULL;
    out->n = out->cap = 0;
    ev_put(out, "", 0);
    for (size_t i = 0; i < ngl; i++) {
        if (!is_keep_label(g[i].label)) continue;
        ev_put(out, text + gl[i].start, gl[i].len);
        ev_putc(out, '\n');
    }
}

/* The extracted-text set: each line of the rendered expected.html as
 * labelled.  Returns its kept lines in *keep for the whole-page set. */
static void judge_readability_expected(scrub_ctx *ctx, scrub_ctx *hctx, const char *name,
                                       int set, int sp, const label_row *rows, size_t nrows,
                                       ev_str *keep)
{
    char rel[256];
    size_t len;
    snprintf(rel, sizeof rel, "testdata/web/readability-testpages/%s/expected.html", name);
    char *html = test_read_shared(rel, &len);
    ev_str gold = {0};
    uint32_t *ghints = NULL;
    size_t nghints = 0;
    bool ok = html && render(hctx, html, len, &gold, &ghints, &nghints);
    free(html);
    ck_assert(ok);
    ev_line *gl;
    size_t ngl = ev_split(gold.p ? gold.p : "", gold.n, &gl);
    line_gold *lg = expected_gold(name, sp, gold.p, gl, ngl, rows, nrows, &T[set][sp]);
    ck_assert_status(scrub_classify_lines_ex(ctx, gold.p, gold.n, ghints, nghints, NULL, 0),
                     SCRUB_OK);
    free(ghints);
    char where[300];
    snprintf(where, sizeof where, "%s/expected", name);
    for (size_t i = 0; i < ngl; i++) {
        const char *p = gold.p + gl[i].start;
        bool kept = scrub_filter_line_kept(ctx, i) == 1;
        count_line(&T[set][sp], lg[i].label, lg[i].trap, p, gl[i].len, kept);
        dump_mistake(where, sp, i, is_keep_label(lg[i].label), kept, ctx, p, gl[i].len);
    }
    keep_text(gold.p, gl, ngl, lg, keep);
    free(lg);
    free(gl);
    free(gold.p);
}

/* The article of a dev readability page is its expected.html's kept
 * lines; the blocks are the source.html lines `rdsrc` rows label. */
static void transplant_source(scrub_ctx *ctx, int lang, const char *name, const ev_str *keep,
                              const ev_str *page, const ev_line *pl, size_t npl,
                              const line_gold *lg)
{
    ev_line *kl;
    size_t nk = ev_split(keep->p, keep->n, &kl), na = 0;
    ev_ref *art = malloc((nk ? nk : 1) * sizeof *art);
    int *lab = malloc((npl ? npl : 1) * sizeof *lab);
    for (size_t k = 0; k < nk; k++)
        if (!blank_text(keep->p + kl[k].start, kl[k].len))
            art[na++] = (ev_ref){keep->p + kl[k].start, kl[k].len};
    for (size_t k = 0; k < npl; k++) lab[k] = lg[k].label;
    char where[300];
    snprintf(where, sizeof where, "%s/source", name);
    transplant_page(ctx, lang, where, art, na, page->p, pl, npl, lab);
    free(lab);
    free(art);
    free(kl);
}

/* The whole page, split by `scrub html`, with its hints; a line is silver
 * content when it occurs in the kept gold lines (or is the headline). */
static void judge_readability_source(scrub_ctx *ctx, scrub_ctx *hctx, const char *name, int set,
                                     int sp, const ev_str *keep, const label_row *rows,
                                     size_t nrows)
{
    char rel[256], where[300];
    size_t len;
    snprintf(rel, sizeof rel, "testdata/web/readability-testpages/%s/source.html", name);
    char *html = test_read_shared(rel, &len);
    ev_str sq = {0}, page = {0};
    uint32_t *hints = NULL;
    size_t nhints = 0;
    if (!html || !render(hctx, html, len, &page, &hints, &nhints)) {
        free(html);
        return;
    }
    free(html);
    ev_line *gl, *pl;
    size_t ngl = ev_split(keep->p, keep->n, &gl);
    size_t npl = ev_split(page.p ? page.p : "", page.n, &pl);
    ev_squeeze(keep->p, keep->n, &sq);
    bool *good_at = calloc(npl ? npl : 1, sizeof *good_at);
    for (size_t i = 0; i < npl; i++)
        good_at[i] = pl[i].len && in_gold(sq.p, gl, ngl, keep->p, page.p + pl[i].start, pl[i].len);
    size_t head = headline_line(name, page.p, pl, npl, good_at);
    if (head != SIZE_MAX) good_at[head] = true;
    line_gold *lg = malloc((npl ? npl : 1) * sizeof *lg);
    for (size_t i = 0; i < npl; i++) lg[i] = (line_gold){good_at[i] ? SCRUB_LABEL_CONTENT : -1, false};
    apply_rows("rdsrc", rel + strlen("testdata/web/"), sp, page.p, pl, npl, rows, nrows,
               &T[set][sp], lg);
    if (set == S_PAGES_OTHER) hardwrap(&page, &pl, &npl, &hints, &nhints, &lg);
    if (set == S_PAGES_OTHER) interrupt(&page, &pl, &npl, &hints, &nhints, &lg);
    if (set == S_PAGES_OTHER) short_grafs(&page, &pl, &npl, hints, nhints, lg);
    if (set == S_PAGES_OTHER) mark_guess_content(hints, nhints, lg, npl);
    if (set == S_PAGES_OTHER) link_headings(hints, nhints, lg, npl);
    ck_assert_status(scrub_classify_lines_ex(ctx, page.p, page.n, hints, nhints, NULL, 0),
                     SCRUB_OK);
    snprintf(where, sizeof where, "%s/source", name);
    for (size_t i = 0; i < npl; i++) {
        if (pl[i].len == 0) continue;
        const char *p = page.p + pl[i].start;
        bool kept = scrub_filter_line_kept(ctx, i) == 1;
        bool good = lg[i].label >= 0 && is_keep_label(lg[i].label);
        count_line(&T[set][sp], lg[i].label, lg[i].trap, p, pl[i].len, kept);
        dump_mistake(where, sp, i, good, kept, ctx, p, pl[i].len);
        cover_line(set, sp, hints, nhints, i, lg[i].label, kept, ctx, where, p, pl[i].len);
    }
    cover_page(set, sp, hints, nhints);
    if (set == S_PAGES_OTHER) cand_report(where, sp, ctx, pl, npl, hints, nhints, lg);
    if (!sp) transplant_source(ctx, set == S_PAGES_ZH ? X_ZH : X_OTHER, name, keep, &page, pl, npl, lg);
    if (!sp) {
        int *gold = malloc((npl ? npl : 1) * sizeof *gold);
        for (size_t i = 0; i < npl; i++) gold[i] = lg[i].label;
        stress_page(ctx, set, where, page.p ? page.p : "", page.n, hints, nhints, gold);
        free(gold);
    }
    free(lg);
    free(good_at);
    free(pl);
    free(gl);
    free(hints);
    free(page.p);
    free(sq.p);
}

/* SCRUB_EVAL_PAGES=FILE (one page name a line) restricts the other-language
 * whole pages (trafilatura-eval files, readability names) to those listed:
 * a tuning round's own hold-out split of the dev pages. */
static bool page_selected(const char *name)
{
    static char *list; /* "\n", the file, "\n": every name between two newlines */
    static bool read;
    if (!read) {
        read = true;
        const char *f = getenv("SCRUB_EVAL_PAGES");
        size_t n = 0;
        char *text = f ? test_read_file(f, &n) : NULL;
        ck_assert_msg(!f || text, "SCRUB_EVAL_PAGES=%s cannot be read", f);
        if (text) {
            list = malloc(n + 3);
            ck_assert_ptr_nonnull(list);
            list[0] = '\n';
            memcpy(list + 1, text, n);
            list[n + 1] = '\n';
            list[n + 2] = 0;
            free(text);
        }
    }
    if (!list) return true;
    char key[300];
    snprintf(key, sizeof key, "\n%s\n", name);
    return strstr(list, key) != NULL;
}

static void judge_readability_page(scrub_ctx *ctx, const char *name, int set_extracted,
                                   int set_pages, const label_row *rows, size_t nrows)
{
    if (set_pages == S_PAGES_OTHER && !page_selected(name)) return;
    char rel[256];
    snprintf(rel, sizeof rel, "testdata/web/readability-testpages/%s/expected.html", name);
    char *probe = test_read_shared(rel, NULL);
    if (!probe) return;
    free(probe);
    scrub_ctx *hctx = scrub_ctx_new();
    int sp = split_of_name(name);
    ev_str keep;
    judge_readability_expected(ctx, hctx, name, set_extracted, sp, rows, nrows, &keep);
    judge_readability_source(ctx, hctx, name, set_pages, sp, &keep, rows, nrows);
    free(keep.p);
    scrub_ctx_free(hctx);
}

/* trafilatura-eval: a rendered line holding a `with` segment is content,
 * one holding a `without` segment is boilerplate, others are unlabelled. */
static bool line_has_any(const char *p, size_t n, char **segs, size_t nsegs)
{
    for (size_t i = 0; i < nsegs; i++) {
        size_t m = strlen(segs[i]);
        for (size_t k = 0; m && k + m <= n; k++)
            if (memcmp(p + k, segs[i], m) == 0) return true;
    }
    return false;
}

static const char *read_string_array(const char *p, char ***out, size_t *n)
{
    p = ev_ws(p);
    *n = 0;
    *out = NULL;
    if (*p != '[') return ev_json_skip(p);
    p = ev_ws(p + 1);
    while (*p == '"') {
        ev_str s = {0};
        p = ev_ws(ev_json_string(p, &s));
        *out = realloc(*out, (*n + 1) * sizeof **out);
        (*out)[(*n)++] = s.p ? s.p : calloc(1, 1);
        if (*p == ',') p = ev_ws(p + 1);
    }
    return *p == ']' ? p + 1 : p;
}

/* trafilatura-eval: a rendered line holding a `with` segment is silver
 * content, one holding a `without` segment silver boilerplate, others are
 * not judged -- unless a `trsrc` row labels the line (every non-blank line
 * of the dev pages is labelled by hand since the eighth session). */
static void judge_trafilatura_entry(scrub_ctx *ctx, const char *file, char **with, size_t nw,
                                    char **without, size_t nwo, const label_row *rows,
                                    size_t nrows)
{
    if (!page_selected(file)) return;
    char rel[512];
    size_t len;
    snprintf(rel, sizeof rel, "testdata/web/trafilatura-eval/html/%s", file);
    char *html = test_read_shared(rel, &len);
    if (!html) return;
    scrub_ctx *hctx = scrub_ctx_new();
    ev_str text = {0};
    uint32_t *hints = NULL;
    size_t nhints = 0;
    bool ok = render(hctx, html, len, &text, &hints, &nhints);
    scrub_ctx_free(hctx);
    free(html);
    if (!ok) return;
    if (!text.p) text.p = calloc(1, 1);
    ev_line *pl;
    size_t npl = ev_split(text.p, text.n, &pl);
    const char *page = text.p;
    int sp = split_of_name(file);
    line_gold *lg = malloc((npl ? npl : 1) * sizeof *lg);
    for (size_t i = 0; i < npl; i++) {
        const char *p = page + pl[i].start;
        bool good = line_has_any(p, pl[i].len, with, nw);
        bool bad = line_has_any(p, pl[i].len, without, nwo);
        lg[i] = (line_gold){good == bad ? NOT_JUDGED : good ? SCRUB_LABEL_CONTENT : -1, false};
    }
    apply_rows("trsrc", rel + strlen("testdata/web/"), sp, page, pl, npl, rows, nrows,
               &T[S_PAGES_OTHER][sp], lg);
    hardwrap(&text, &pl, &npl, &hints, &nhints, &lg);
    interrupt(&text, &pl, &npl, &hints, &nhints, &lg);
    short_grafs(&text, &pl, &npl, hints, nhints, lg);
    mark_guess_content(hints, nhints, lg, npl);
    link_headings(hints, nhints, lg, npl);
    if (!text.p) text.p = calloc(1, 1);
    page = text.p;
    ck_assert_status(scrub_classify_lines_ex(ctx, page, text.n, hints, nhints, NULL, 0), SCRUB_OK);
    int *gold = malloc((npl ? npl : 1) * sizeof *gold);
    for (size_t i = 0; i < npl; i++) {
        gold[i] = lg[i].label;
        if (lg[i].label == NOT_JUDGED) continue;
        const char *p = page + pl[i].start;
        bool kept = scrub_filter_line_kept(ctx, i) == 1;
        bool good = lg[i].label >= 0 && is_keep_label(lg[i].label);
        count_line(&T[S_PAGES_OTHER][sp], lg[i].label, lg[i].trap, p, pl[i].len, kept);
        if (lg[i].label != SCRUB_LABEL_META) dump_mistake(file, sp, i, good, kept, ctx, p, pl[i].len);
        cover_line(S_PAGES_OTHER, sp, hints, nhints, i, lg[i].label, kept, ctx, file, p, pl[i].len);
    }
    cover_page(S_PAGES_OTHER, sp, hints, nhints);
    cand_report(file, sp, ctx, pl, npl, hints, nhints, lg);
    if (!sp) stress_page(ctx, S_PAGES_OTHER, file, page, text.n, hints, nhints, gold);
    free(gold);
    free(lg);
    free(hints);
    free(pl);
    free(text.p);
}

static void judge_trafilatura(scrub_ctx *ctx, const label_row *rows, size_t nrows)
{
    char *json = test_read_shared("testdata/web/trafilatura-eval/evaldata-subset.json", NULL);
    if (!json) return;
    const char *p = ev_ws(json);
    p = ev_ws(p + 1);
    while (*p == '"') {
        ev_str url = {0};
        p = ev_ws(ev_json_string(p, &url));
        free(url.p);
        p = ev_ws(p + 1);
        /* the entry object */
        ev_str file = {0};
        char **with = NULL, **without = NULL;
        size_t nw = 0, nwo = 0;
        const char *q = ev_ws(p + 1);
        while (*q == '"') {
            ev_str key = {0};
            q = ev_ws(ev_json_string(q, &key));
            q = ev_ws(q + 1);
            if (!strcmp(key.p, "file")) q = ev_json_string(q, &file);
            else if (!strcmp(key.p, "with")) q = read_string_array(q, &with, &nw);
            else if (!strcmp(key.p, "without")) q = read_string_array(q, &without, &nwo);
            else q = ev_json_skip(q);
            free(key.p);
            q = ev_ws(q);
            if (*q == ',') q = ev_ws(q + 1);
        }
        p = ev_ws(*q == '}' ? q + 1 : q);
        if (file.p && strlen(file.p) > 5) judge_trafilatura_entry(ctx, file.p, with, nw, without, nwo, rows, nrows);
        for (size_t i = 0; i < nw; i++) free(with[i]);
        for (size_t i = 0; i < nwo; i++) free(without[i]);
        free(with);
        free(without);
        free(file.p);
        if (*p == ',') p = ev_ws(p + 1);
    }
    free(json);
}

/* ---- extra whole pages (testdata/html, labelled blind) ------------------- */

/* `extra` rows label every non-blank line of pages of testdata/html that
 * no rule was written from (charset test pages: Chinese and Japanese
 * portals, European news and blogs), as `scrub html` renders the file's
 * bytes (charset detection included; `devtool.py htshow`).  `file` is
 * `../html/PATH`, the split the low bit of FNV-1a 32 of PATH.  A page
 * goes to the zh set when most letters of its rendered text are Han and
 * kana are rare: a Japanese page writes kana in every sentence, a Chinese
 * one at most in a stray name. */
static bool page_is_zh(const char *t, size_t n)
{
    size_t letters = 0, han = 0, kana = 0;
    for (int32_t i = 0; i < (int32_t)n;) {
        UChar32 c;
        U8_NEXT(t, i, (int32_t)n, c);
        if (c < 0 || !u_isalpha(c)) continue;
        UErrorCode e = U_ZERO_ERROR;
        UScriptCode sc = uscript_getScript(c, &e);
        letters++;
        han += sc == USCRIPT_HAN;
        kana += sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA;
    }
    return han * 2 > letters && kana * 50 < han;
}

/* A line that gets no row: white space alone (also NBSP, U+3000, BOM, ZWSP). */
static bool blank_page_line(const char *p, size_t n)
{
    for (int32_t i = 0; i < (int32_t)n;) {
        UChar32 c;
        U8_NEXT(p, i, (int32_t)n, c);
        if (c < 0 || !(u_isUWhiteSpace(c) || c == 0xFEFF || c == 0x200B)) return false;
    }
    return true;
}

/* One page: rendered with its hints, classified as a whole page, each of
 * its rows judged (a stale hash or a split other than the page's fails
 * the test, as for the other sets). */
static void judge_extra_page(scrub_ctx *ctx, const label_row *rows, size_t n, const char *file)
{
    ck_assert_msg(!strncmp(file, "../html/", 8), "%s: not a page of testdata/html", file);
    size_t len;
    char *html = load_doc(file, "-", &len);
    if (!html) {
        printf("  extra page missing, its rows not judged: %s\n", file);
        return;
    }
    scrub_ctx *hctx = scrub_ctx_new();
    ev_str page = {0};
    uint32_t *hints = NULL;
    size_t nhints = 0;
    ck_assert(render(hctx, html, len, &page, &hints, &nhints));
    scrub_ctx_free(hctx);
    free(html);
    const char *text = page.p ? page.p : "";
    ev_line *pl;
    size_t npl = ev_split(text, page.n, &pl);
    ck_assert_status(scrub_classify_lines_ex(ctx, text, page.n, hints, nhints, NULL, 0), SCRUB_OK);
    ck_assert_uint_eq(scrub_filter_line_count(ctx), npl);
    int sp = split_of_name(file + 8), set = page_is_zh(text, page.n) ? S_EXTRA_ZH : S_EXTRA_OTHER;
    tally *t = &T[set][sp];
    bool *seen = calloc(npl ? npl : 1, sizeof *seen);
    int *golds = malloc((npl ? npl : 1) * sizeof *golds);
    for (size_t i = 0; i < npl; i++) golds[i] = NOT_JUDGED;
    char where[300];
    snprintf(where, sizeof where, "%s#-", file);
    for (size_t k = 0; k < n; k++) {
        const label_row *r = &rows[k];
        if (strcmp(r->set, "extra") || strcmp(r->file, file)) continue;
        ck_assert_msg(!strcmp(r->split, sp ? "test" : "dev"), "%s:%ld: split is not %s", file,
                      r->line, sp ? "test" : "dev");
        if (!row_current(r, text, pl, npl)) {
            t->stale++;
            continue;
        }
        ck_assert_msg(!seen[r->line], "%s:%ld: two rows", file, r->line);
        seen[r->line] = true;
        int gold = scrub_label_from_name(r->label, strlen(r->label));
        ck_assert_msg(gold >= 0, "bad label %s", r->label);
        golds[r->line] = gold;
        const ev_line *ln = &pl[r->line];
        bool kept = scrub_filter_line_kept(ctx, (size_t)r->line) == 1;
        count_line(t, gold, strstr(r->tags, "trap") != NULL, text + ln->start, ln->len, kept);
        if (gold != SCRUB_LABEL_META) /* meta is read through the accessors */
            dump_mistake(where, sp, (size_t)r->line, is_keep_label(gold), kept, ctx,
                         text + ln->start, ln->len);
    }
    t->pages++;
    for (size_t i = 0; i < npl; i++)
        t->unlabelled += !seen[i] && !blank_page_line(text + pl[i].start, pl[i].len);
    if (!sp) stress_page(ctx, set, where, text, page.n, hints, nhints, golds);
    free(golds);
    free(hints);
    free(seen);
    free(pl);
    free(page.p);
}

/* Each page with `extra` rows once, wherever its rows stand. */
static void judge_extra(scrub_ctx *ctx, const label_row *rows, size_t n)
{
    const char *done[256];
    size_t ndone = 0;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(rows[i].set, "extra")) continue;
        bool seen = false;
        for (size_t k = 0; k < ndone && !seen; k++) seen = !strcmp(done[k], rows[i].file);
        if (seen) continue;
        ck_assert_msg(ndone < sizeof done / sizeof done[0], "more than 256 extra pages");
        done[ndone++] = rows[i].file;
        judge_extra_page(ctx, rows, n, rows[i].file);
    }
}

/* ---- transplanted traps, other languages (dev half only) ---------------- */

/* A trap kept where it stands may still be lost elsewhere on a page.  Each
 * dev trap of the other-language whole pages (a trsrc or extra row tagged
 * trap on a kept label) goes alone into the article of each other such dev
 * page (its kept-label lines in page order, classified as extracted text
 * without hints) at four places: after its first paragraph (the first
 * line of 80 bytes or more), between two paragraphs, after its last
 * paragraph, and as a list item ("• ") between two paragraphs.  The own
 * donors are test/devset/traps-own.txt, trap sentences written for this
 * probe.  SCRUB_EVAL_ADV_SPLIT=A|B takes the traps of one half of the
 * donors (the trap's page, or an own sentence's text), as for the
 * adverts.  Test pages are never read. */
enum { TP_FIRST, TP_MID, TP_END, TP_ITEM, TP_COUNT };
static const char *const tp_tags[TP_COUNT] = {"first", "mid", "end", "item"};
static const char *const tp_places[TP_COUNT] = {"after the first paragraph", "between paragraphs",
                                                "after the last paragraph", "as a list item"};
typedef struct {
    size_t traps, inserted[TP_COUNT], removed[TP_COUNT];
} trap_tally;
static trap_tally XTP, XTP_OWN;

typedef struct {
    ev_str text; /* the page as rendered */
    ev_ref *art;
    size_t na;
    char name[300];
} trap_host;

static bool host_selected(const label_row *r)
{
    const char *base = strrchr(r->file, '/');
    return !strcmp(r->split, "dev") &&
           ((!strcmp(r->set, "trsrc") && page_selected(base ? base + 1 : r->file)) ||
            !strcmp(r->set, "extra"));
}

/* One dev page (rows[0, n) are its rows): its kept lines are its article,
 * its traps join the pool when the page is a donor.  False for a page
 * that cannot be read or is Chinese. */
static bool trap_host_page(const label_row *rows, size_t n, trap_host *h, line_pool *traps)
{
    size_t len;
    char *html = load_doc(rows[0].file, "-", &len);
    if (!html) return false;
    scrub_ctx *hctx = scrub_ctx_new();
    h->text = (ev_str){0};
    bool ok = render(hctx, html, len, &h->text, NULL, NULL);
    scrub_ctx_free(hctx);
    free(html);
    if (ok && !h->text.p) h->text.p = calloc(1, 1);
    if (!ok || (!strcmp(rows[0].set, "extra") && page_is_zh(h->text.p, h->text.n))) {
        free(h->text.p);
        return false;
    }
    ev_line *pl;
    size_t npl = ev_split(h->text.p, h->text.n, &pl);
    int *lab = malloc((npl ? npl : 1) * sizeof *lab);
    bool *trap = calloc(npl ? npl : 1, sizeof *trap);
    for (size_t k = 0; k < npl; k++) lab[k] = -1;
    for (size_t k = 0; k < n; k++)
        if (row_current(&rows[k], h->text.p, pl, npl)) {
            lab[rows[k].line] = scrub_label_from_name(rows[k].label, strlen(rows[k].label));
            trap[rows[k].line] = strstr(rows[k].tags, "trap") != NULL;
        }
    snprintf(h->name, sizeof h->name, "%s", rows[0].file);
    bool donor = donor_in_split(h->name);
    h->art = malloc((npl ? npl : 1) * sizeof *h->art);
    h->na = 0;
    long last = -2;
    for (size_t k = 0; k < npl; k++) {
        ev_ref text = {h->text.p + pl[k].start, pl[k].len};
        if (lab[k] < 0 || !is_keep_label(lab[k]) || blank_text(text.p, text.n)) continue;
        h->art[h->na++] = text;
        if (donor && trap[k]) pool_line(traps, text, (long)k, &last, 1);
    }
    free(trap);
    free(lab);
    free(pl);
    return true;
}

/* The own donors: "LANG<TAB>sentence" lines of test/devset/traps-own.txt. */
static char *own_traps(line_pool *pool)
{
    char *data = test_read_file(SCRUB_SOURCE_DIR "/test/devset/traps-own.txt", NULL);
    ck_assert_ptr_nonnull(data);
    long last = -2, k = 0;
    for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
        char *tab = strchr(line, '\t');
        if (line[0] == '#' || !tab || !donor_in_split(tab + 1)) continue;
        pool_line(pool, (ev_ref){tab + 1, strlen(tab + 1)}, k++, &last, 1);
    }
    return data;
}

/* Each trap of the pool alone into the host's article at the four places
 * (not into the page it comes from). */
static void trap_cases(scrub_ctx *ctx, trap_tally *x, const trap_host *h, const line_pool *traps)
{
    size_t first = 1;
    for (size_t i = 0; i < h->na; i++)
        if (h->art[i].n >= 80) {
            first = i + 1;
            break;
        }
    const size_t at[TP_COUNT] = {first, h->na / 2, h->na, h->na / 2};
    for (size_t a = 0; a < traps->nruns; a++) {
        const ev_ref *t = &traps->lines[traps->runs[a].first];
        if (t->p >= h->text.p && t->p < h->text.p + h->text.n) continue;
        x->traps++;
        ev_str item = {0};
        ev_put(&item, "• ", strlen("• "));
        ev_put(&item, t->p, t->n);
        const ev_ref as_item = {item.p, item.n};
        for (int p = 0; p < TP_COUNT; p++) {
            xcount c = transplant_at(ctx, h->name, tp_tags[p], h->art, h->na, at[p],
                                     p == TP_ITEM ? &as_item : t, 1, false);
            x->inserted[p] += c.inserted;
            x->removed[p] += c.removed;
        }
        free(item.p);
    }
}

static void transplant_traps_other(scrub_ctx *ctx, const label_row *rows, size_t n)
{
    line_pool traps = new_pool(n), own = new_pool(n);
    char *own_text = own_traps(&own);
    trap_host *h = malloc((n ? n : 1) * sizeof *h);
    size_t nh = 0;
    for (size_t i = 0; i < n;) {
        size_t j = page_end(rows, n, i);
        if (host_selected(&rows[i]) && trap_host_page(&rows[i], j - i, &h[nh], &traps)) nh++;
        i = j;
    }
    for (size_t k = 0; k < nh; k++)
        if (h[k].na >= 3) {
            trap_cases(ctx, &XTP, &h[k], &traps);
            trap_cases(ctx, &XTP_OWN, &h[k], &own);
        }
    for (size_t k = 0; k < nh; k++) { /* the pool points into every page */
        free(h[k].art);
        free(h[k].text.p);
    }
    free(h);
    free(own_text);
    free_pool(&traps);
    free_pool(&own);
}

static void print_traps(const char *what, const trap_tally *x)
{
    size_t rm = 0, of = 0;
    for (int p = 0; p < TP_COUNT; p++) rm += x->removed[p], of += x->inserted[p];
    printf("  %s: %zu traps x pages; wrongly removed %.3f (%zu of %zu):", what, x->traps,
           ratio(rm, of), rm, of);
    for (int p = 0; p < TP_COUNT; p++)
        printf("%s %s %zu of %zu", p ? "," : "", tp_places[p], x->removed[p], x->inserted[p]);
    printf("\n");
}

/* gne-zh-news pages are legitimate news; only njxfhn/1 carries injected
 * gambling lines.  Counts the others flagged as site farms. */
static size_t gne_pages, gne_false_farms;

static void judge_gne_farms(scrub_ctx *ctx)
{
    static const char *const sites[] = {
        "163", "baijiahao", "cjddsb", "cjn", "cmse", "csdn", "ednchina", "gamersky", "gsc",
        "guancha", "gzggw", "hexun", "huanqiu", "ifeng", "mingridapan", "njxfhn", "other",
        "people", "qq", "readhub", "shanxi", "sina", "stcn", "sxmu", "thepaper", "toutiao",
        "wechat", "xds", "xinhuanet", "zsnews", "zyyfy"};
    static const char *const names[] = {"1", "2", "3", "4", "5", "6", "7", "8"};
    scrub_ctx *hctx = scrub_ctx_new();
    for (size_t s = 0; s < sizeof sites / sizeof sites[0]; s++)
        for (size_t k = 0; k < sizeof names / sizeof names[0] + 1; k++) {
            char path[512];
            if (k < sizeof names / sizeof names[0])
                snprintf(path, sizeof path, "%s/testdata/web/gne-zh-news/tests/%s/%s.html",
                         test_shared_dir(), sites[s], names[k]);
            else
                snprintf(path, sizeof path, "%s/testdata/web/gne-zh-news/tests/%s/%s.html",
                         test_shared_dir(), sites[s], sites[s]);
            size_t len;
            char *html = test_read_file(path, &len);
            if (!html) continue;
            ev_str text = {0};
            uint32_t *hints = NULL;
            size_t nh = 0;
            if (render(hctx, html, len, &text, &hints, &nh)) {
                ck_assert_status(scrub_classify_lines_ex(ctx, text.p ? text.p : "", text.n, hints,
                                                         nh, NULL, 0),
                                 SCRUB_OK);
                bool hacked = strcmp(sites[s], "njxfhn") == 0;
                gne_pages += !hacked;
                if (!hacked) {
                    char name[300];
                    snprintf(name, sizeof name, "%s/%s", sites[s], k < 8 ? names[k] : sites[s]);
                    margin_doc("gne", name, ctx);
                    margin_spam_lines(ctx, text.p ? text.p : "", text.n);
                }
                if (!hacked && (scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM)) {
                    gne_false_farms++;
                    printf("  false site-farm flag: gne %s/%s\n", sites[s], names[k < 8 ? k : 0]);
                }
            }
            free(text.p);
            free(hints);
            free(html);
        }
    scrub_ctx_free(hctx);
}

/* ---- report ------------------------------------------------------------- */

typedef struct {
    int set;
    const char *what;
    double bar;
} target;

/* A figure of method m: how many of how many (lines, or characters). */
typedef struct {
    size_t hit, of;
} frac;

/* Beside each figure of libscrub its count, so a figure on six lines
 * reads as the six lines it is. */
static void print_fig(const char *name, const tally *t, frac (*fig)(const tally *, int),
                      const char *unit, double bar, const char *miss)
{
    double v[M_COUNT];
    frac own = fig(t, 0);
    for (int m = 0; m < M_COUNT; m++) {
        frac f = fig(t, m);
        v[m] = ratio(f.hit, f.of);
    }
    if (v[0] < 0) {
        /* a barred figure with no labelled line says so rather than vanish */
        if (bar > 0) printf("    %-34s    n/a   (no labelled line)  target %.2f\n", name, bar);
        return;
    }
    char count[64];
    snprintf(count, sizeof count, "%zu of %zu%s", own.hit, own.of, unit);
    printf("    %-34s %6.3f  %-20s (C4 %6.3f, RefinedWeb %6.3f)", name, v[0], count, v[1], v[2]);
    if (bar > 0) printf("  target %.2f%s", bar, v[0] + 1e-9 >= bar ? "" : miss);
    printf("\n");
}

static int cur_group;
static frac f_prec(const tally *t, int m) { return (frac){t->kept_good[m], t->kept[m]}; }
static frac f_rec(const tally *t, int m) { return (frac){t->good_kept[m], t->good}; }
static frac f_rec_chars(const tally *t, int m) { return (frac){t->good_chars_kept[m], t->good_chars}; }
static frac f_removed(const tally *t, int m) { return (frac){t->grp_removed[m][cur_group], t->grp[cur_group]}; }
static frac f_trap(const tally *t, int m) { return (frac){t->trap_removed[m], t->trap}; }

/* One block: a set's figures on `half`; a missed bar reads BELOW on the
 * issue's barred sets, `(not barred)` elsewhere. */
static void report_tally(const char *name, const char *half, const tally *t, const double bars[6],
                         bool barred)
{
    if (!t->lines && !t->stale) return;
    const char *miss = barred ? "  BELOW" : "  (not barred)";
    printf("  %s, %s: %zu judged lines (%zu to keep)%s\n", name, half, t->lines, t->good,
           t->stale ? " -- STALE LABELS, relabel" : "");
    if (t->stale) printf("    %zu labels no longer match their line (hash)\n", t->stale);
    if (t->pages)
        printf("    %zu pages; %zu non-blank lines without a row (not judged)\n", t->pages,
               t->unlabelled);
    print_fig("keep precision (lines)", t, f_prec, "", bars[0], miss);
    print_fig("keep recall (lines)", t, f_rec, "", bars[1], miss);
    print_fig("keep recall (characters)", t, f_rec_chars, " ch", bars[2], miss);
    static const char *gn[G_COUNT] = {"ad/spam removed", "footer/widget/artifact removed",
                                      "nav/related/contact removed", "meta removed",
                                      "boilerplate removed (silver)"};
    for (int g = 0; g < G_COUNT; g++) {
        cur_group = g;
        print_fig(gn[g], t, f_removed, "", g < 3 ? bars[3 + g] : 0, miss);
    }
    print_fig("traps wrongly removed (share)", t, f_trap, "", 0, miss);
}

static void report_set(int s, int sp, const double bars[6])
{
    report_tally(set_names[s], sp ? "test half" : "dev half", &T[s][sp], bars, s < S_EXTRA_ZH);
}

/* Every field of a tally is a count. */
_Static_assert(sizeof(tally) % sizeof(size_t) == 0, "tally holds counts only");
static void tally_add(tally *a, const tally *b)
{
    size_t *x = (size_t *)a;
    const size_t *y = (const size_t *)b;
    for (size_t i = 0; i < sizeof(tally) / sizeof(size_t); i++) x[i] += y[i];
}

/* One transplant tally: the share of the inserted lines removed after the
 * article and between its paragraphs and, given the tally of the
 * articles alone, the article lines kept beside those kept with nothing
 * inserted. */
static void print_transplant(const char *what, const xtally *x, const char *unit,
                             const char *verb, const xtally *alone, const char *none)
{
    printf("  %s: %zu %s; %s %.3f after the article (%zu of %zu), %.3f between paragraphs (%zu "
           "of %zu)",
           what, x->blocks, unit, verb, ratio(x->removed[0], x->inserted[0]), x->removed[0],
           x->inserted[0], ratio(x->removed[1], x->inserted[1]), x->removed[1], x->inserted[1]);
    if (alone) {
        size_t kept = x->article_kept[0] + x->article_kept[1], of = x->article[0] + x->article[1];
        printf("; article lines kept %.3f (%zu of %zu; %.3f with no %s)", ratio(kept, of), kept,
               of, ratio(alone->article_kept[0], alone->article[0]), none);
    }
    printf("\n");
}

/* Bars of issue 6 per set: precision, recall, recall chars, ad/spam,
 * footer/widget/artifact, nav/related/contact. */
static const double BARS[S_COUNT][6] = {
    {0.97, 0.95, 0.98, 0.97, 0.95, 0.90},
    {0.97, 0.95, 0.98, 0.97, 0.95, 0.90},
    {0.92, 0.90, 0.97, 0.98, 0.97, 0.95},
    {0.92, 0.90, 0.97, 0.98, 0.97, 0.95},
    {0, 0, 0, 0.97, 0, 0},
    {0.92, 0.90, 0.97, 0.98, 0.97, 0.95}, /* extra: the whole-page bars, for information */
    {0.92, 0.90, 0.97, 0.98, 0.97, 0.95},
};

START_TEST(quality)
{
    size_t probe;
    char *seed = test_read_shared("seeds/000_c453129873820a71.txt", &probe);
    if (!seed) return;
    free(seed);
    const char *dump = getenv("SCRUB_EVAL_DUMP");
    dump_file = dump ? fopen(dump, "w") : NULL;
    const char *stress_all = getenv("SCRUB_EVAL_STRESS_ALL");
    stress_all_file = stress_all ? fopen(stress_all, "w") : NULL;
    const char *cand = getenv("SCRUB_EVAL_CAND_PAGES");
    cand_file = cand ? fopen(cand, "w") : NULL;
    const char *margins = getenv("SCRUB_EVAL_MARGINS");
    margin_file = margins ? fopen(margins, "w") : NULL;
    const char *cl = getenv("SCRUB_EVAL_CAND_LINES");
    cover_lines = cl ? fopen(cl, "w") : NULL;
    scrub_ctx *ctx = scrub_ctx_new();
    size_t n;
    label_row *rows = read_rows(SCRUB_SOURCE_DIR "/test/devset/labels.tsv", &n);
    judge_rows(rows, n, ctx);
    judge_extra(ctx, rows, n);
    judge_docs(ctx);
    for (size_t i = 0; i < sizeof zh_pages / sizeof zh_pages[0]; i++)
        judge_readability_page(ctx, zh_pages[i], S_EXTRACTED_ZH, S_PAGES_ZH, rows, n);
    for (size_t i = 0; i < sizeof other_pages / sizeof other_pages[0]; i++)
        judge_readability_page(ctx, other_pages[i], S_EXTRACTED_OTHER, S_PAGES_OTHER, rows, n);
    transplant_gne(ctx, rows, n);
    transplant_adverts(ctx, rows, n);
    spam_variants(ctx, rows, n);
    judge_trafilatura(ctx, rows, n);
    transplant_traps_other(ctx, rows, n);
    free(rows);
    judge_gne_farms(ctx);
    scrub_ctx_free(ctx);
    if (dump_file) fclose(dump_file);
    if (stress_all_file) fclose(stress_all_file);
    if (cand_file) fclose(cand_file);
    if (margin_file) fclose(margin_file);
    if (cover_lines) fclose(cover_lines);

    /* SCRUB_EVAL_DEV_ONLY=1 prints the dev half alone (for tuning rounds
     * in which the test half must not be read) */
    bool dev_only = getenv("SCRUB_EVAL_DEV_ONLY") != NULL;
    printf("filter quality (issue 6 bars on the test half; dev half for reference)\n");
    for (int s = 0; s < S_COUNT; s++)
        for (int sp = 1; sp >= 0; sp--) {
            if (sp && dev_only) continue;
            report_set(s, sp, BARS[s]);
            if (sp) continue;
            report_tally(set_names[s], "dev half, STRESS (boilerplate with no anchor text)",
                         &ST[STRESS_ALL][s], BARS[s], false);
            report_tally(set_names[s],
                         "dev half, STRESS-FWA (footer/widget/artifact with no anchor text)",
                         &ST[STRESS_FWA][s], BARS[s], false);
        }
    /* both halves of the extra pages: before any rule looked at them
     * (bb8a26e) this was the fresh measurement; since filter-pagead the
     * dev half is tuned on, and the test half alone is the held-out one */
    for (int s = S_EXTRA_ZH; s < S_COUNT && !dev_only; s++) {
        tally both = T[s][0];
        tally_add(&both, &T[s][1]);
        report_tally(set_names[s], "both halves (dev half tuned on since bb8a26e)", &both, BARS[s], false);
    }
    for (int sp = dev_only ? 0 : 1; sp >= 0; sp--)
        printf("  site farms (chinesewebtext, %s half): flagged %zu of %zu, %zu false flags\n",
               sp ? "test" : "dev", farm_tp[sp], farm_tp[sp] + farm_fn[sp], farm_fp[sp]);
    for (int x = 0; x < X_COUNT; x++) {
        char what[120];
        const char *half = getenv("SCRUB_EVAL_RES_SPLIT");
        snprintf(what, sizeof what, "extracted text + transplanted residue, dev half, %s%s%s%s",
                 x == X_ZH ? "zh" : "other langs", half && *half ? " (SCRUB_EVAL_RES_SPLIT=" : "",
                 half && *half ? half : "", half && *half ? ")" : "");
        print_transplant(what, &X[x], "blocks", "residue removed", &X_ALONE[x], "residue");
    }
    print_transplant("chinesewebtext articles + transplanted adverts, dev half", &XA,
                     "runs x articles", "removed", &XA_ALONE, "advert");
    print_transplant("chinesewebtext articles + transplanted traps, dev half", &XT,
                     "traps x articles", "wrongly removed", NULL, NULL);
    print_traps("other-language articles + transplanted traps, dev half", &XTP);
    print_traps("other-language articles + own trap sentences (test/devset/traps-own.txt)",
                &XTP_OWN);
    print_spam_variants();
    printf("  site farms wrongly flagged on legitimate gne-zh-news pages: %zu of %zu\n",
           gne_false_farms, gne_pages);
    report_cover();
    size_t traps[2] = {0, 0}, trap_rm[2] = {0, 0};
    for (int s = 0; s < S_EXTRA_ZH; s++) /* the issue's sets */
        for (int sp = 0; sp < 2; sp++) {
            traps[sp] += T[s][sp].trap;
            trap_rm[sp] += T[s][sp].trap_removed[M_SCRUB];
        }
    for (int sp = dev_only ? 0 : 1; sp >= 0; sp--)
        printf("  traps (%s half): %zu of %zu content lines wrongly removed (target <= 0.5%%)%s\n",
               sp ? "test" : "dev", trap_rm[sp], traps[sp],
               trap_rm[sp] * 200 <= traps[sp] ? "" : "  BELOW");
    printf("  seeds: %zu content lines dropped, %zu spam/nav/footer/widget/contact/... lines kept\n",
           seeds_content_dropped, seeds_junk_kept);

    /* ASSERTED: the seeds promise, the dev half's traps, and no stale
     * labels.  The test half's traps are reported like its other bars:
     * a failure there can only be acted on by reading test lines. */
    ck_assert_uint_eq(seeds_content_dropped, 0);
    ck_assert_uint_eq(seeds_junk_kept, 0);
    ck_assert_msg(trap_rm[0] * 200 <= traps[0], "dev traps removed %zu of %zu", trap_rm[0],
                  traps[0]);
    for (int s = 0; s < S_COUNT; s++)
        for (int sp = 0; sp < 2; sp++) ck_assert_uint_eq(T[s][sp].stale, 0);
    (void)method_names;
}
END_TEST

Suite *make_suite(void);

Suite *make_suite(void)
{
    Suite *s = suite_create("filter-eval");
    TCase *tc = tcase_create("quality");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, quality);
    suite_add_tcase(s, tc);
    return s;
}

SCRUB_TEST_MAIN(make_suite)
