/* cmd_filter.c -- `scrub filter`: classify lines and drop spam and boilerplate.
 * Placeholder until the stage lands: reports that the command is not
 * available in this build. */
#include "tool.h"

static int cmd_main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    tool_error("filter: not available in this build yet");
    return TOOL_USAGE;
}

const tool_command tool_cmd_filter = {
    "filter",
    "classify lines and drop spam and boilerplate",
    "usage: scrub filter [FILE]\n",
    cmd_main,
};
