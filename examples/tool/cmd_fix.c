/* cmd_fix.c -- `scrub fix`: repair mojibake and strip conversion artifacts.
 * Placeholder until the stage lands: reports that the command is not
 * available in this build. */
#include "tool.h"

static int cmd_main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    tool_error("fix: not available in this build yet");
    return TOOL_USAGE;
}

const tool_command tool_cmd_fix = {
    "fix",
    "repair mojibake and strip conversion artifacts",
    "usage: scrub fix [FILE]\n",
    cmd_main,
};
