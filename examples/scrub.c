/*
 * scrub -- the command-line face of libscrub.
 *
 *   scrub COMMAND [OPTIONS] [FILE...]
 *
 * Each command lives in examples/tool/cmd_<name>.c; this file dispatches.
 */
#include <stdio.h>
#include <string.h>

#include "tool/tool.h"

static const tool_command *const commands[] = {
    &tool_cmd_detect, &tool_cmd_decode, &tool_cmd_html,  &tool_cmd_fix,
    &tool_cmd_zh,     &tool_cmd_filter, &tool_cmd_clean,
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void print_help(FILE *out)
{
    fprintf(out, "usage: scrub COMMAND [OPTIONS] [FILE...]\n"
                 "       scrub --version | --help | COMMAND --help\n\n"
                 "Cleans text from scraped web pages.  FILE '-' or no FILE reads stdin;\n"
                 "results go to stdout.  Exit status: 0 ok, 1 an input could not be\n"
                 "processed, 2 usage error.\n\ncommands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-8s %s\n", commands[i]->name, commands[i]->summary);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_help(stderr);
        return TOOL_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
        printf("scrub %s (%s)\n", scrub_version_string(), scrub_build_info());
        return TOOL_OK;
    }
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        print_help(stdout);
        return TOOL_OK;
    }
    for (size_t i = 0; i < NCOMMANDS; i++) {
        const tool_command *cmd = commands[i];
        if (strcmp(name, cmd->name) != 0) continue;
        for (int a = 2; a < argc && strcmp(argv[a], "--") != 0; a++) {
            if (strcmp(argv[a], "--help") == 0 || strcmp(argv[a], "-h") == 0) {
                printf("%s", cmd->usage);
                return TOOL_OK;
            }
        }
        return cmd->main(argc - 1, argv + 1);
    }
    tool_error("unknown command '%s' (see 'scrub --help')", name);
    return TOOL_USAGE;
}
