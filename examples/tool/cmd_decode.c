/* cmd_decode.c -- `scrub decode`: page bytes to UTF-8 text.
 * Placeholder until the stage lands: reports that the command is not
 * available in this build. */
#include "tool.h"

static int cmd_main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    tool_error("decode: not available in this build yet");
    return TOOL_USAGE;
}

const tool_command tool_cmd_decode = {
    "decode",
    "page bytes to UTF-8 text",
    "usage: scrub decode [FILE]\n",
    cmd_main,
};
