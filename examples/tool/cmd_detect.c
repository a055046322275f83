/* cmd_detect.c -- `scrub detect FILE...`: guess the charset of each file
 * from its content and print FILE<TAB>name<TAB>confidence. */
#include <stdlib.h>
#include <string.h>

#include "tool.h"

static int detect_one(scrub_ctx *ctx, const char *path)
{
    size_t len;
    char *data = tool_read_file(path, &len);
    if (!data) return TOOL_FAILED;
    const char *name;
    int conf;
    int status = scrub_detect_charset(ctx, data, len, &name, &conf);
    free(data);
    if (status != SCRUB_OK) {
        tool_report(path, ctx, status);
        return TOOL_FAILED;
    }
    printf("%s\t%s\t%d\n", path, name, conf);
    return TOOL_OK;
}

static int cmd_main(int argc, char **argv)
{
    /* Options end at "--"; before it, "--x" is an unknown option ("-" is stdin). */
    int first = 1;
    for (; first < argc; first++) {
        if (strcmp(argv[first], "--") == 0) {
            first++;
            break;
        }
        if (argv[first][0] == '-' && argv[first][1])
            return tool_usage_error(&tool_cmd_detect, "unknown option '%s'", argv[first]);
        break;
    }
    if (first >= argc) return tool_usage_error(&tool_cmd_detect, "no FILE given");
    scrub_ctx *ctx = tool_ctx_new();
    if (!ctx) return TOOL_FAILED;
    int rc = TOOL_OK;
    for (int i = first; i < argc; i++)
        if (detect_one(ctx, argv[i]) != TOOL_OK) rc = TOOL_FAILED;
    scrub_ctx_free(ctx);
    if (fflush(stdout) != 0) rc = TOOL_FAILED;
    return rc;
}

const tool_command tool_cmd_detect = {
    "detect",
    "guess the charset of each file from its content",
    "usage: scrub detect FILE...\n"
    "  prints FILE<TAB>charset<TAB>confidence (0-100) per file; charset is a\n"
    "  WHATWG-style name (utf-8, gb18030, shift_jis, windows-1251, ...) or binary.\n"
    "  FILE - reads stdin.\n",
    cmd_main,
};
