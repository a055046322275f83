/* cmd_filter.c -- `scrub filter`: classify lines and drop spam and
 * boilerplate; `--explain` shows every line's decision; `--learn` builds a
 * cross-page line-frequency file. */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    bool explain;
    unsigned keep;
    const char *lexicon, *linestats, *learn;
    scrub_linestats *stats;
} options;

/* Code points in s[0..n): the span offsets --explain prints. */
static size_t cp_count(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static void print_reason(scrub_ctx *ctx, size_t i, const char *text, size_t line_start)
{
    fputs(scrub_filter_line_reason(ctx, i), stdout);
    size_t nspans = scrub_filter_span_count(ctx);
    bool first = true;
    for (size_t k = 0; k < nspans; k++) {
        size_t line, s, e;
        if (scrub_filter_span(ctx, k, &line, &s, &e) != SCRUB_OK || line != i) continue;
        printf("%s%zu-%zu", first ? "; spans=" : ",", cp_count(text + line_start, s - line_start),
               cp_count(text + line_start, e - line_start));
        first = false;
    }
}

static bool explain(scrub_ctx *ctx, const char *text)
{
    size_t n = scrub_filter_line_count(ctx);
    for (size_t i = 0; i < n; i++) {
        size_t start, len;
        scrub_filter_line_span(ctx, i, &start, &len);
        printf("%s\t%s\t%.3f\t", scrub_filter_line_kept(ctx, i) ? "keep" : "drop",
               scrub_label_name(scrub_filter_line_label(ctx, i)), scrub_filter_line_score(ctx, i));
        print_reason(ctx, i, text, start);
        putchar('\t');
        if (!tool_write(text + start, len)) return false;
        putchar('\n');
    }
    return true;
}

static int run_file(scrub_ctx *ctx, const options *o, const char *path)
{
    size_t len;
    char *text = tool_read_file(path, &len);
    if (!text) return TOOL_FAILED;
    int rc;
    bool ok = true;
    if (o->explain) {
        rc = scrub_classify_lines_ex(ctx, text, len, NULL, 0, o->stats, 0);
        if (rc == SCRUB_OK) {
            ok = explain(ctx, text);
        }
    } else {
        char *out;
        size_t out_len;
        rc = scrub_filter_lines_ex(ctx, text, len, NULL, 0, o->stats, o->keep, 0, &out, &out_len);
        if (rc == SCRUB_OK) {
            ok = tool_write(out, out_len);
            scrub_free(out);
        }
    }
    if (rc != SCRUB_OK) tool_report(path, ctx, rc);
    free(text);
    return rc == SCRUB_OK && ok ? TOOL_OK : TOOL_FAILED;
}

static int learn(const options *o, char **files, int nfiles)
{
    scrub_linestats *st = scrub_linestats_new(0);
    if (!st) {
        tool_error("out of memory");
        return TOOL_FAILED;
    }
    int status = TOOL_OK;
    for (int i = 0; i < nfiles || (nfiles == 0 && i == 0); i++) {
        const char *path = nfiles ? files[i] : "-";
        size_t len;
        char *text = tool_read_file(path, &len);
        if (!text) {
            status = TOOL_FAILED;
            continue;
        }
        int rc = scrub_linestats_add_page(st, text, len);
        if (rc != SCRUB_OK) {
            tool_error("%s: %s", path, scrub_strerror(rc));
            status = TOOL_FAILED;
        }
        free(text);
    }
    int rc = scrub_linestats_save(st, o->learn);
    if (rc != SCRUB_OK) {
        tool_error("%s: %s", o->learn, scrub_strerror(rc));
        status = TOOL_FAILED;
    }
    scrub_linestats_free(st);
    return status;
}

extern const tool_command tool_cmd_filter;

static int parse(int argc, char **argv, options *o, char ***files, int *nfiles)
{
    memset(o, 0, sizeof *o);
    o->keep = SCRUB_KEEP_DEFAULT;
    *files = calloc((size_t)argc + 1, sizeof **files);
    if (!*files) return TOOL_FAILED;
    *nfiles = 0;
    bool opts = true;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (opts && strcmp(a, "--") == 0) {
            opts = false;
        } else if (opts && strcmp(a, "--explain") == 0) {
            o->explain = true;
        } else if (opts && (v = tool_option_value("keep", argc, argv, &i))) {
            if (scrub_label_mask_parse(v, strlen(v), &o->keep) != SCRUB_OK)
                return tool_usage_error(&tool_cmd_filter, "unknown label in --keep=%s", v);
        } else if (opts && (v = tool_option_value("lexicon", argc, argv, &i))) {
            o->lexicon = v;
        } else if (opts && (v = tool_option_value("linestats", argc, argv, &i))) {
            o->linestats = v;
        } else if (opts && (v = tool_option_value("learn", argc, argv, &i))) {
            o->learn = v;
        } else if (opts && a[0] == '-' && a[1]) {
            return tool_usage_error(&tool_cmd_filter, "unknown option '%s'", a);
        } else {
            (*files)[(*nfiles)++] = argv[i];
        }
    }
    return TOOL_OK;
}

/* Loads --lexicon and --linestats; false (with a message) on failure. */
static bool setup(scrub_ctx *ctx, options *o)
{
    if (scrub_ctx_set(ctx, SCRUB_PARAM_FILTER_KEEP, o->keep) != SCRUB_OK) return false;
    if (o->lexicon) {
        size_t len;
        char *lex = tool_read_file(o->lexicon, &len);
        if (!lex) return false;
        int rc = scrub_filter_add_lexicon(ctx, lex, len);
        free(lex);
        if (rc != SCRUB_OK) {
            tool_report(o->lexicon, ctx, rc);
            return false;
        }
    }
    if (o->linestats) {
        int rc = scrub_linestats_load(o->linestats, 0, &o->stats);
        if (rc != SCRUB_OK) {
            tool_error("%s: %s", o->linestats, scrub_strerror(rc));
            return false;
        }
    }
    return true;
}

static int cmd_main(int argc, char **argv)
{
    options o;
    char **files;
    int nfiles;
    int rc = parse(argc, argv, &o, &files, &nfiles);
    if (rc != TOOL_OK) {
        free(files);
        return rc;
    }
    if (o.learn) {
        rc = learn(&o, files, nfiles);
        free(files);
        return rc;
    }
    scrub_ctx *ctx = tool_ctx_new();
    if (!ctx || !setup(ctx, &o)) {
        scrub_ctx_free(ctx);
        free(files);
        return TOOL_FAILED;
    }
    int status = TOOL_OK;
    for (int i = 0; i < nfiles || (nfiles == 0 && i == 0); i++)
        if (run_file(ctx, &o, nfiles ? files[i] : "-") != TOOL_OK) status = TOOL_FAILED;
    scrub_ctx_free(ctx);
    scrub_linestats_free(o.stats);
    free(files);
    return status;
}

const tool_command tool_cmd_filter = {
    "filter",
    "classify lines and drop spam and boilerplate",
    "usage: scrub filter [--explain] [--keep=LABELS] [--lexicon=FILE] [--linestats=FILE] [FILE...]\n"
    "       scrub filter --learn=OUT [FILE...]\n"
    "Prints the kept lines of each FILE (default: content,heading,caption).\n"
    "  --explain          one row per input line instead:\n"
    "                     keep|drop TAB label TAB score TAB reason TAB line\n"
    "                     (inline spam spans as 'spans=START-END,...' in code points)\n"
    "  --keep=LABELS      comma-separated labels to keep (content heading caption meta\n"
    "                     nav related widget footer contact ad spam artifact blank,\n"
    "                     'default', 'all')\n"
    "  --lexicon=FILE     extra lexicon entries: CATEGORY TAB TERM [TAB s|w] per line;\n"
    "                     CATEGORY: gambling porn medseo blackseo cta footer nav meta\n"
    "                     widget related contact caption date social button comment\n"
    "                     thread pitch (scrub_filter_add_lexicon in scrub.h)\n"
    "  --linestats=FILE   cross-page line frequencies made with --learn\n"
    "  --learn=OUT        count the lines of the FILEs (one page each) into OUT\n",
    cmd_main,
};
