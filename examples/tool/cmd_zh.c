/* cmd_zh.c -- `scrub zh`: convert between Simplified and Traditional Chinese.
 * Placeholder until the stage lands: reports that the command is not
 * available in this build. */
#include "tool.h"

static int cmd_main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    tool_error("zh: not available in this build yet");
    return TOOL_USAGE;
}

const tool_command tool_cmd_zh = {
    "zh",
    "convert between Simplified and Traditional Chinese",
    "usage: scrub zh [FILE]\n",
    cmd_main,
};
