/* bench_core.c -- the physical limits every stage is compared with:
 * memcpy and UTF-8 validation over the same real text. */
#include "bench.h"
#include "internal.h"

typedef struct {
    const char *src;
    char *dst;
    size_t len;
} copy_job;

static void run_memcpy(void *arg)
{
    copy_job *j = arg;
    memcpy(j->dst, j->src, j->len);
    __asm__ volatile("" ::"r"(j->dst) : "memory");
}

static void run_validate(void *arg)
{
    copy_job *j = arg;
    volatile size_t n = scrub__utf8_valid_prefix(j->src, j->len);
    (void)n;
}

int main(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/seeds/002_db89ada0694f6154.txt", bench_shared());
    size_t len;
    char *seed = bench_read(path, &len);
    if (!seed) {
        printf("bench: %s not found; skipping\n", path);
        return 0;
    }
    size_t n;
    char *text = bench_repeat(seed, len, 64u << 20, &n);
    copy_job j = {text, malloc(n), n};
    if (!getenv("BENCH_NO_HEADER")) bench_header();
    double peak;
    double mb = bench_measure(run_memcpy, &j, n, 5, &peak);
    bench_row("limit", "memcpy, 64 MB zh text", mb, peak, NULL, 0, 0);
    mb = bench_measure(run_validate, &j, n, 5, &peak);
    bench_row("limit", "UTF-8 validation", mb, peak, NULL, 0, 0);
    free(j.dst);
    free(text);
    free(seed);
    return 0;
}
