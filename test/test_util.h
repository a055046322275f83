/*
 * test_util.h -- shared by the Check suites.  Each test_<module>.c is its own
 * binary: it defines a Suite and ends with SCRUB_TEST_MAIN(make_suite).
 */
#ifndef SCRUB_TEST_UTIL_H
#define SCRUB_TEST_UTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scrub.h"

#ifndef SCRUB_SOURCE_DIR
#define SCRUB_SOURCE_DIR "."
#endif

/* The third-party corpora live in ../shared beside the checkout; the
 * environment variable SCRUB_SHARED overrides the place. */
static inline const char *test_shared_dir(void)
{
    const char *env = getenv("SCRUB_SHARED");
    return env && *env ? env : SCRUB_SOURCE_DIR "/../shared";
}

/* Reads a whole file; NULL if it cannot be read.  Free with free(). */
static inline char *test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) { free(buf); buf = NULL; break; }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf) buf[n] = '\0';
    if (len) *len = n;
    return buf;
}

/* Reads <shared>/<rel>; when the shared corpora are missing the calling test
 * stops here, reported as passed with a SKIP message. */
static inline char *test_read_shared(const char *rel, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", test_shared_dir(), rel);
    char *data = test_read_file(path, len);
    if (!data) {
        printf("SKIP: %s not found (the ../shared corpora are not present)\n", path);
        return NULL;
    }
    return data;
}

#define ck_assert_status(expr, want)                                                        \
    do {                                                                                    \
        int st_ = (expr);                                                                   \
        ck_assert_msg(st_ == (want), "%s returned %d (%s), expected %d", #expr, st_,        \
                      scrub_strerror(st_), (want));                                         \
    } while (0)

#define ck_assert_mem_eq_str(buf, len, str)                                                 \
    do {                                                                                    \
        const char *s_ = (str);                                                             \
        ck_assert_msg((len) == strlen(s_) && memcmp((buf), s_, (len)) == 0,                 \
                      "got \"%.*s\" (%zu bytes), expected \"%s\"", (int)(len), (buf),       \
                      (size_t)(len), s_);                                                   \
    } while (0)

#define SCRUB_TEST_MAIN(make_suite)                                                         \
    int main(void)                                                                          \
    {                                                                                       \
        SRunner *sr = srunner_create(make_suite());                                         \
        srunner_run_all(sr, CK_NORMAL);                                                     \
        int failed = srunner_ntests_failed(sr);                                             \
        srunner_free(sr);                                                                   \
        return failed ? EXIT_FAILURE : EXIT_SUCCESS;                                        \
    }

/* White-box hooks from lib/internal.h (tests link the static library). */
void scrub__alloc_fail_at(long nth);
long scrub__alloc_count(void);

/* Allocation-failure sweep: for n = 1, 2, ... the nth allocation libscrub
 * makes inside fn fails.  Each such run must return SCRUB_E_NOMEM (or
 * succeed, if that allocation was optional), and the same context must then
 * work: fn without injection returns SCRUB_OK.  Stops once fn makes fewer
 * than n allocations.  Leaks show up under `make check SANITIZE=1`. */
typedef int (*test_call_fn)(scrub_ctx *ctx, void *arg);

static inline void test_alloc_failures(test_call_fn fn, void *arg)
{
    for (long n = 1; n < 100000; n++) {
        scrub_ctx *ctx = scrub_ctx_new();
        ck_assert_ptr_nonnull(ctx);
        scrub__alloc_fail_at(n);
        int rc = fn(ctx, arg);
        long made = scrub__alloc_count();
        scrub__alloc_fail_at(0);
        if (made < n) {
            ck_assert_msg(rc == SCRUB_OK, "no failure injected, yet status %d", rc);
            scrub_ctx_free(ctx);
            return;
        }
        ck_assert_msg(rc == SCRUB_OK || rc == SCRUB_E_NOMEM,
                      "allocation %ld failed: status %d (%s), expected SCRUB_E_NOMEM", n, rc,
                      scrub_strerror(rc));
        rc = fn(ctx, arg);
        ck_assert_msg(rc == SCRUB_OK, "context unusable after failed allocation %ld: %d", n, rc);
        scrub_ctx_free(ctx);
    }
    ck_abort_msg("allocation sweep did not finish");
}

#endif
