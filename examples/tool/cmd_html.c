/* cmd_html.c -- `scrub html`: HTML page to text lines.
 * Placeholder until the stage lands: reports that the command is not
 * available in this build. */
#include "tool.h"

static int cmd_main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    tool_error("html: not available in this build yet");
    return TOOL_USAGE;
}

const tool_command tool_cmd_html = {
    "html",
    "HTML page to text lines",
    "usage: scrub html [FILE]\n",
    cmd_main,
};
