/* cmd_decode.c -- `scrub decode`: page bytes to UTF-8 text, exactly as
 * decoded (line ends untouched, a BOM removed). */
#include <stdlib.h>
#include <string.h>

#include "tool.h"

static const char *source_name(int source)
{
    switch (source) {
    case SCRUB_CHARSET_BOM: return "bom";
    case SCRUB_CHARSET_DECLARED: return "declared";
    case SCRUB_CHARSET_META: return "meta";
    case SCRUB_CHARSET_DETECTED: return "detected";
    default: return "none";
    }
}

static int cmd_main(int argc, char **argv)
{
    const char *charset = NULL, *file = NULL;
    bool verbose = false;
    for (int i = 1; i < argc; i++) {
        const char *v;
        if (strcmp(argv[i], "--verbose") == 0 || strcmp(argv[i], "-v") == 0) {
            verbose = true;
        } else if ((v = tool_option_value("charset", argc, argv, &i))) {
            charset = v;
        } else if (strcmp(argv[i], "--") == 0 && i + 1 < argc && !file) {
            file = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return tool_usage_error(&tool_cmd_decode, "unknown option '%s'", argv[i]);
        } else if (file) {
            return tool_usage_error(&tool_cmd_decode, "only one FILE");
        } else {
            file = argv[i];
        }
    }
    if (!file) file = "-";
    size_t len;
    char *data = tool_read_file(file, &len);
    if (!data) return TOOL_FAILED;
    scrub_ctx *ctx = tool_ctx_new();
    if (!ctx) {
        free(data);
        return TOOL_FAILED;
    }
    char *out;
    size_t out_len;
    int status = scrub_decode(ctx, data, len, charset, &out, &out_len);
    free(data);
    int rc = TOOL_OK;
    if (status != SCRUB_OK) {
        tool_report(file, ctx, status);
        rc = TOOL_FAILED;
    } else {
        if (verbose) {
            const char *decl = scrub_decode_declared(ctx);
            fprintf(stderr, "charset: %s (%s)\n", scrub_decode_charset(ctx),
                    source_name(scrub_decode_source(ctx)));
            if (decl)
                fprintf(stderr, "declared: %s%s\n", decl,
                        scrub_decode_overridden(ctx) ? " (overridden)" : "");
            fprintf(stderr, "replaced: %zu sequences, %zu bytes\n", scrub_ctx_replacements(ctx),
                    scrub_decode_replaced_bytes(ctx));
        }
        if (!tool_write(out, out_len) || fflush(stdout) != 0) rc = TOOL_FAILED;
        scrub_free(out);
    }
    scrub_ctx_free(ctx);
    return rc;
}

const tool_command tool_cmd_decode = {
    "decode",
    "page bytes to UTF-8 text",
    "usage: scrub decode [--charset=LABEL] [--verbose] [FILE]\n"
    "  writes the page decoded to UTF-8 (line ends untouched, BOM removed).\n"
    "  --charset=LABEL  the HTTP charset (a label or a Content-Type value)\n"
    "  --verbose        charset used, where it came from, any overridden\n"
    "                   declaration and the replacement count on stderr\n",
    cmd_main,
};
