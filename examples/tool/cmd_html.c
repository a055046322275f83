/* cmd_html.c -- `scrub html`: HTML page to text lines. */
#include <stdlib.h>
#include <string.h>

#include "tool.h"

static const tool_command *self(void)
{
    return &tool_cmd_html;
}

/* One page: its text lines on stdout, the title first when asked. */
static int run_file(scrub_ctx *ctx, const char *path, const char *charset, bool title)
{
    size_t len;
    char *page = tool_read_file(path, &len);
    if (!page) return TOOL_FAILED;
    char *text;
    size_t text_len;
    int rc = scrub_html_to_text(ctx, page, len, charset, 0, &text, &text_len);
    free(page);
    if (rc != SCRUB_OK) {
        tool_report(path, ctx, rc);
        return TOOL_FAILED;
    }
    bool ok = true;
    const char *t = scrub_html_title(ctx);
    if (title && t) ok = tool_write(t, strlen(t)) && tool_write("\n", 1);
    ok = ok && tool_write(text, text_len);
    scrub_free(text);
    return ok ? TOOL_OK : TOOL_FAILED;
}

static int cmd_main(int argc, char **argv)
{
    const char *charset = NULL, *file = NULL;
    bool title = false;
    for (int i = 1; i < argc; i++) {
        const char *v;
        if (strcmp(argv[i], "--title") == 0) {
            title = true;
        } else if ((v = tool_option_value("charset", argc, argv, &i)) != NULL) {
            if (!*v) return tool_usage_error(self(), "--charset needs a label");
            charset = v;
        } else if (strcmp(argv[i], "--") == 0 && i + 1 < argc && !file) {
            file = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return tool_usage_error(self(), "unknown option '%s'", argv[i]);
        } else if (file) {
            return tool_usage_error(self(), "one FILE at most");
        } else {
            file = argv[i];
        }
    }
    scrub_ctx *ctx = tool_ctx_new();
    if (!ctx) return TOOL_FAILED;
    int status = run_file(ctx, file ? file : "-", charset, title);
    scrub_ctx_free(ctx);
    if (fflush(stdout) != 0) status = TOOL_FAILED;
    return status;
}

const tool_command tool_cmd_html = {
    "html",
    "HTML page to text lines",
    "usage: scrub html [--charset=LABEL] [--title] [FILE]\n"
    "  Writes the visible text of an HTML page (FILE or stdin), one line per\n"
    "  block, table cells separated by a tab.\n"
    "  --charset=LABEL  the charset from the HTTP header (the page's own\n"
    "                   declaration and content are still checked)\n"
    "  --title          write the page's <title> as the first line\n",
    cmd_main,
};
