/* cmd_clean.c -- `scrub clean`: the whole pipeline: bytes in, clean text out.
 * Placeholder until the stage lands: reports that the command is not
 * available in this build. */
#include "tool.h"

static int cmd_main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    tool_error("clean: not available in this build yet");
    return TOOL_USAGE;
}

const tool_command tool_cmd_clean = {
    "clean",
    "the whole pipeline: bytes in, clean text out",
    "usage: scrub clean [FILE]\n",
    cmd_main,
};
