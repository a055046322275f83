/* cmd_detect.c -- `scrub detect`: guess the charset of each file.
 * Placeholder until the stage lands: reports that the command is not
 * available in this build. */
#include "tool.h"

static int cmd_main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    tool_error("detect: not available in this build yet");
    return TOOL_USAGE;
}

const tool_command tool_cmd_detect = {
    "detect",
    "guess the charset of each file",
    "usage: scrub detect [FILE]\n",
    cmd_main,
};
