/* The public header must compile as C99, C11 and C++ and link from C++.
 * (make check compiles this file as C too.) */
#include <scrub.h>

#ifdef __cplusplus
#include <cstdio>
#include <cstring>
#else
#include <stdio.h>
#include <string.h>
#endif

int main(void)
{
    scrub_ctx *ctx = scrub_ctx_new();
    if (!ctx) return 1;
    int64_t v = 0;
    int rc = scrub_ctx_get(ctx, SCRUB_PARAM_MAX_DEPTH, &v);
    scrub_ctx_free(ctx);
    if (rc != SCRUB_OK || v <= 0) return 1;
    if (scrub_version_number() != SCRUB_VERSION_NUMBER) return 1;
    if (strcmp(scrub_strerror(SCRUB_E_NOMEM), "out of memory") != 0) return 1;
    printf("cxx_header: ok (%s)\n", scrub_version_string());
    return 0;
}
