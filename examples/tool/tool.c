/* tool.c -- helpers shared by the scrub tool's subcommands. */
#include "tool.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void tool_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("scrub: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int tool_usage_error(const tool_command *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "scrub %s: ", cmd->name);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, " (see 'scrub %s --help')\n", cmd->name);
    va_end(ap);
    return TOOL_USAGE;
}

char *tool_read_file(const char *path, size_t *len)
{
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        tool_error("%s: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    bool bad = ferror(f);
    if (!is_stdin) fclose(f);
    if (!buf || bad) {
        tool_error("%s: %s", path, buf ? "read error" : "out of memory");
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

bool tool_write(const void *buf, size_t len)
{
    if (len && fwrite(buf, 1, len, stdout) != len) {
        tool_error("write error: %s", strerror(errno));
        return false;
    }
    return true;
}

const char *tool_option_value(const char *name, int argc, char **argv, int *i)
{
    const char *arg = argv[*i];
    if (arg[0] != '-' || arg[1] != '-') return NULL;
    size_t n = strlen(name);
    if (strncmp(arg + 2, name, n) != 0) return NULL;
    if (arg[2 + n] == '=') return arg + 3 + n;
    if (arg[2 + n] == '\0' && *i + 1 < argc) return argv[++*i];
    return NULL;
}

scrub_ctx *tool_ctx_new(void)
{
    scrub_ctx *ctx = scrub_ctx_new();
    if (!ctx) tool_error("out of memory");
    return ctx;
}

void tool_report(const char *file, scrub_ctx *ctx, int status)
{
    const char *detail = scrub_ctx_errmsg(ctx);
    if (detail && *detail)
        tool_error("%s: %s: %s", file, scrub_strerror(status), detail);
    else
        tool_error("%s: %s", file, scrub_strerror(status));
}
