/* version.c -- the smallest program that links libscrub: prints the
 * library's version and what it was built against.
 *
 *   cc version.c $(pkg-config --cflags --libs scrub)
 */
#include <scrub.h>
#include <stdio.h>

int main(void)
{
    if (scrub_version_number() / 100 != SCRUB_VERSION_NUMBER / 100) {
        fprintf(stderr, "header and library versions differ\n");
        return 1;
    }
    printf("%s\n", scrub_build_info());
    return 0;
}
