/* cmd_zh.c -- `scrub zh`: convert between Simplified and Traditional Chinese,
 * or tell which script a text uses. */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

extern const tool_command tool_cmd_zh;

/* A variant name -> enum value, or -1. */
static int variant(const char *name, bool allow_auto)
{
    for (int v = allow_auto ? SCRUB_ZH_AUTO : SCRUB_ZH_HANS; v <= SCRUB_ZH_HK; v++)
        if (strcmp(name, scrub_zh_name(v, 0)) == 0) return v;
    return -1;
}

typedef struct {
    bool detect;
    int from, to;
    unsigned flags;
} zh_opts;

/* Converts or detects one input; false when it could not be processed. */
static bool run_one(scrub_ctx *ctx, const char *path, const zh_opts *o)
{
    size_t len;
    char *text = tool_read_file(path, &len);
    if (!text) return false;
    int rc;
    bool ok = true;
    if (o->detect) {
        int script;
        double share;
        rc = scrub_zh_detect(ctx, text, len, &script, &share);
        if (rc == SCRUB_OK) printf("%s\t%.3f\n", scrub_zh_name(script, 1), share);
    } else {
        char *out;
        size_t out_len;
        rc = scrub_zh_convert(ctx, text, len, o->from, o->to, o->flags, &out, &out_len);
        if (rc == SCRUB_OK) {
            ok = tool_write(out, out_len);
            scrub_free(out);
        }
    }
    if (rc != SCRUB_OK) {
        tool_report(path, ctx, rc);
        ok = false;
    }
    free(text);
    return ok;
}

static int cmd_main(int argc, char **argv)
{
    const tool_command *cmd = &tool_cmd_zh;
    zh_opts o = {false, SCRUB_ZH_AUTO, -1, 0};
    const char *files[256];
    int nfiles = 0;
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (options_done || a[0] != '-' || strcmp(a, "-") == 0) {
            if (nfiles == (int)(sizeof files / sizeof files[0]))
                return tool_usage_error(cmd, "too many files");
            files[nfiles++] = a;
        } else if (strcmp(a, "--") == 0) {
            options_done = true;
        } else if ((v = tool_option_value("from", argc, argv, &i))) {
            if ((o.from = variant(v, true)) < 0)
                return tool_usage_error(cmd, "unknown --from '%s'", v);
        } else if ((v = tool_option_value("to", argc, argv, &i))) {
            if ((o.to = variant(v, false)) < 0) return tool_usage_error(cmd, "unknown --to '%s'", v);
        } else if (strcmp(a, "--detect") == 0) {
            o.detect = true;
        } else if (strcmp(a, "--phrases") == 0) {
            o.flags |= SCRUB_ZH_PHRASES;
        } else if (strcmp(a, "--greedy") == 0) {
            o.flags |= SCRUB_ZH_GREEDY;
        } else if (strcmp(a, "--fold-width") == 0) {
            o.flags |= SCRUB_ZH_FOLD_WIDTH;
        } else if (strcmp(a, "--quotes") == 0) {
            o.flags |= SCRUB_ZH_QUOTES;
        } else if (strcmp(a, "--rare-forms") == 0) {
            o.flags |= SCRUB_ZH_RARE_FORMS;
        } else {
            return tool_usage_error(cmd, "unknown option '%s'", a);
        }
    }
    if (o.detect && (o.to >= 0 || o.flags))
        return tool_usage_error(cmd, "--detect takes no conversion options");
    if (!o.detect && o.to < 0) return tool_usage_error(cmd, "--to is required");
    if (!nfiles) files[nfiles++] = "-";
    scrub_ctx *ctx = tool_ctx_new();
    if (!ctx) return TOOL_FAILED;
    int status = TOOL_OK;
    for (int f = 0; f < nfiles; f++)
        if (!run_one(ctx, files[f], &o)) status = TOOL_FAILED;
    scrub_ctx_free(ctx);
    return status;
}

const tool_command tool_cmd_zh = {
    "zh",
    "convert between Simplified and Traditional Chinese",
    "usage: scrub zh [--from=auto|hans|hant|tw|hk] --to=hans|hant|tw|hk [--phrases]\n"
    "                [--greedy] [--fold-width] [--quotes] [--rare-forms] [FILE...]\n"
    "       scrub zh --detect [FILE...]\n"
    "\n"
    "Converts UTF-8 text, one output line per input line (OpenCC's dictionaries,\n"
    "built in).  --from defaults to auto (any script or a mix).\n"
    "  --phrases     also convert regional vocabulary (软件 <-> 軟體)\n"
    "  --greedy      OpenCC-compatible greedy segmentation (default: lattice)\n"
    "  --fold-width  fullwidth ASCII -> ASCII, halfwidth katakana -> fullwidth\n"
    "  --quotes      the target's quotation marks (“” <-> 「」)\n"
    "  --rare-forms  to Simplified: also OpenCC's rare Extension B forms\n"
    "  --detect      print SCRIPT<TAB>SHARE for the whole input: hans, hant,\n"
    "                mixed or none, and the share (3 decimals) of the\n"
    "                script-specific Han characters that decided it\n",
    cmd_main,
};
