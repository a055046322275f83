/* cmd_fix.c -- `scrub fix`: repair mojibake and strip conversion artifacts
 * (pinyin annotations, invisible characters; entities with --entities).
 * One output line per input line, in order. */
#include <stdlib.h>
#include <string.h>

#include "tool.h"

/* Code points in text[from, to) (continuation bytes are not counted). */
static size_t code_points(const char *text, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++) n += ((unsigned char)text[i] & 0xC0) != 0x80;
    return n;
}

/* --explain: each repair as LINE<TAB>START<TAB>END<TAB>TRANSFORM, line
 * 1-based, start/end 0-based code-point offsets into the input line. */
static void explain(scrub_ctx *ctx, const char *text, size_t len)
{
    size_t count = scrub_mojibake_repair_count(ctx), line = 1, line_start = 0, pos = 0;
    for (size_t i = 0; i < count; i++) {
        size_t s, e;
        const char *name;
        if (scrub_mojibake_repair(ctx, i, &s, &e, &name) != SCRUB_OK) continue;
        if (s < pos) { /* repairs come per line, layers after each other */
            line = 1, line_start = 0, pos = 0;
        }
        for (; pos < s && pos < len; pos++)
            if (text[pos] == '\n') line++, line_start = pos + 1;
        fprintf(stderr, "%zu\t%zu\t%zu\t%s\n", line, code_points(text, line_start, s),
                code_points(text, line_start, e), name);
    }
}

static int cmd_main(int argc, char **argv);

const tool_command tool_cmd_fix = {
    "fix",
    "repair mojibake and strip conversion artifacts",
    "usage: scrub fix [--explain] [--entities] [FILE]\n"
    "  Repairs text decoded with the wrong code page (UTF-8 read as windows-1252,\n"
    "  GBK, Big5, Shift_JIS, EUC-KR, ...; GBK/Big5/Shift_JIS/EUC-KR read as\n"
    "  latin-1) and removes pinyin annotations and zero-width characters.\n"
    "  One output line per input line.  FILE defaults to standard input.\n"
    "  --explain   write each repair to stderr: LINE TAB START TAB END TAB TRANSFORM\n"
    "              (line 1-based; code-point offsets into the input line)\n"
    "  --entities  also decode HTML entities left in the text (&amp;nbsp; &#20013;)\n",
    cmd_main,
};

static int cmd_main(int argc, char **argv)
{
    bool want_explain = false;
    unsigned flags = SCRUB_FIX_DEFAULT;
    const char *file = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--explain")) want_explain = true;
        else if (!strcmp(argv[i], "--entities")) flags |= SCRUB_FIX_ENTITIES;
        else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return tool_usage_error(&tool_cmd_fix, "unknown option '%s'", argv[i]);
        else if (file)
            return tool_usage_error(&tool_cmd_fix, "one FILE at most");
        else
            file = argv[i];
    }
    if (!file) file = "-";
    size_t len;
    char *text = tool_read_file(file, &len);
    if (!text) return TOOL_FAILED;
    scrub_ctx *ctx = tool_ctx_new();
    if (!ctx) {
        free(text);
        return TOOL_FAILED;
    }
    char *out;
    size_t out_len;
    int rc = scrub_fix_mojibake(ctx, text, len, flags, &out, &out_len);
    int status = TOOL_OK;
    if (rc != SCRUB_OK) {
        tool_report(file, ctx, rc);
        status = TOOL_FAILED;
    } else {
        if (want_explain) explain(ctx, text, len);
        if (!tool_write(out, out_len)) status = TOOL_FAILED;
        scrub_free(out);
    }
    scrub_ctx_free(ctx);
    free(text);
    return status;
}
