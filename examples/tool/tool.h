/*
 * tool.h -- shared by the `scrub` tool's subcommands (examples/tool/cmd_*.c).
 *
 * Exit status: 0 ok, 1 some input could not be processed (the others still
 * were), 2 usage error.  Messages are one line on stderr: "scrub: ...".
 */
#ifndef SCRUB_TOOL_H
#define SCRUB_TOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "scrub.h"

enum { TOOL_OK = 0, TOOL_FAILED = 1, TOOL_USAGE = 2 };

/* One subcommand: name, one-line summary, usage text, entry point.
 * argv[0] is the subcommand name. */
typedef struct {
    const char *name;
    const char *summary;
    const char *usage;
    int (*main)(int argc, char **argv);
} tool_command;

/* Prints "scrub: " + message + newline on stderr. */
void tool_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "scrub CMD: usage ..." hint and returns TOOL_USAGE. */
int tool_usage_error(const tool_command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Reads a whole file ("-" = stdin) into a malloc'ed buffer (NUL-terminated,
 * not counted).  Returns NULL and prints an error on failure. */
char *tool_read_file(const char *path, size_t *len);

/* Writes all of buf to stdout; false (with a message) on error. */
bool tool_write(const void *buf, size_t len);

/* If arg is "--name=VALUE" returns VALUE; if arg is "--name" and a value
 * follows in argv, consumes it.  NULL when arg is not this option. */
const char *tool_option_value(const char *name, int argc, char **argv, int *i);

/* A context or exit: prints and returns NULL when out of memory. */
scrub_ctx *tool_ctx_new(void);

/* Prints "scrub: FILE: strerror: errmsg". */
void tool_report(const char *file, scrub_ctx *ctx, int status);

/* The subcommands, in the order --help lists them. */
extern const tool_command tool_cmd_detect, tool_cmd_decode, tool_cmd_html, tool_cmd_fix,
    tool_cmd_zh, tool_cmd_filter, tool_cmd_clean;

#endif
