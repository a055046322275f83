/*
 * bench.h -- shared by the bench/bench_*.c programs that `make bench` runs.
 *
 * Each program prints rows of one table:
 *   stage  case  subject  MB/s  peak-MiB  anchor  anchor-MB/s  anchor-peak-MiB  ratio
 * so libscrub and the Debian anchor for that stage sit side by side, measured
 * in the same run.  Corpora are built from ../shared (real text repeated to
 * the size a measurement needs).
 */
#ifndef SCRUB_BENCH_H
#define SCRUB_BENCH_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "scrub.h"

static inline double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static inline const char *bench_shared(void)
{
    const char *env = getenv("SCRUB_SHARED");
    return env && *env ? env : "../shared";
}

static inline char *bench_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc(n > 0 ? (size_t)n + 1 : 1);
    size_t got = buf ? fread(buf, 1, n > 0 ? (size_t)n : 0, f) : 0;
    fclose(f);
    if (buf) buf[got] = 0;
    *len = got;
    return buf;
}

/* Repeats src (len bytes) until the result holds at least `size` bytes. */
static inline char *bench_repeat(const char *src, size_t len, size_t size, size_t *out_len)
{
    if (!len) return NULL;
    size_t n = (size + len - 1) / len * len;
    char *buf = malloc(n + 1);
    if (!buf) return NULL;
    for (size_t off = 0; off < n; off += len) memcpy(buf + off, src, len);
    buf[n] = 0;
    *out_len = n;
    return buf;
}

/* Runs fn(arg) in a forked child, so that each measurement's memory and
 * any blow-up are its own, and returns the number the child computed (-1
 * when it died first); *peak_mib gets the child's peak RSS in MiB. */
typedef double (*bench_child_fn)(void *arg);

static inline double bench_in_child(bench_child_fn fn, void *arg, double *peak_mib)
{
    int fd[2];
    if (pipe(fd) != 0) return -1;
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        double v = fn(arg);
        if (write(fd[1], &v, sizeof v) != sizeof v) _exit(1);
        _exit(0);
    }
    close(fd[1]);
    double v = -1;
    if (read(fd[0], &v, sizeof v) != sizeof v) v = -1;
    close(fd[0]);
    int status;
    struct rusage ru;
    wait4(pid, &status, 0, &ru);
    if (peak_mib) *peak_mib = ru.ru_maxrss / 1024.0;
    return v;
}

/* Runs fn(arg) in a forked child `reps` times and reports MB/s over `bytes`
 * per rep and the child's peak RSS in MiB.  Returns MB/s, or -1 on
 * failure. */
typedef void (*bench_fn)(void *arg);

typedef struct {
    bench_fn fn;
    void *arg;
    size_t bytes;
    int reps;
} bench_job;

static inline double bench_best_mbps(void *job)
{
    const bench_job *j = job;
    j->fn(j->arg); /* warm-up: page faults, lazy tables */
    double best = 1e30;
    for (int i = 0; i < j->reps; i++) {
        double t0 = bench_now();
        j->fn(j->arg);
        double dt = bench_now() - t0;
        if (dt < best) best = dt;
    }
    return j->bytes / 1e6 / best;
}

static inline double bench_measure(bench_fn fn, void *arg, size_t bytes, int reps, double *peak_mib)
{
    bench_job job = {fn, arg, bytes, reps};
    return bench_in_child(bench_best_mbps, &job, peak_mib);
}

/* Times a shell command (an anchor's own CLI) over `bytes` of input: best of
 * reps, MB/s, with the child's peak RSS. */
/* CPU seconds per wall second of bench_command()'s best run: how many
 * cores the command got (on a loaded machine, fewer than it could use). */
static double bench_last_cores;

static inline double bench_command(const char *cmd, size_t bytes, int reps, double *peak_mib)
{
    double best = 1e30;
    long peak = 0;
    for (int i = 0; i < reps; i++) {
        double t0 = bench_now();
        pid_t pid = fork();
        if (pid == 0) {
            execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
            _exit(127);
        }
        int status;
        struct rusage ru;
        wait4(pid, &status, 0, &ru);
        double dt = bench_now() - t0;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
        if (dt < best) {
            best = dt;
            bench_last_cores = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
                                (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6) / dt;
        }
        if (ru.ru_maxrss > peak) peak = ru.ru_maxrss;
    }
    if (peak_mib) *peak_mib = peak / 1024.0;
    return bytes / 1e6 / best;
}

static inline void bench_header(void)
{
    printf("%-8s %-28s %10s %9s   %-26s %10s %9s %7s\n", "stage", "case", "MB/s", "peak-MiB",
           "anchor", "MB/s", "peak-MiB", "ratio");
}

static inline void bench_row(const char *stage, const char *what, double mbps, double peak,
                             const char *anchor, double anchor_mbps, double anchor_peak)
{
    if (anchor && anchor_mbps > 0)
        printf("%-8s %-28s %10.1f %9.1f   %-26s %10.1f %9.1f %6.2fx\n", stage, what, mbps, peak,
               anchor, anchor_mbps, anchor_peak, mbps / anchor_mbps);
    else
        printf("%-8s %-28s %10.1f %9.1f   %-26s %10s %9s %7s\n", stage, what, mbps, peak,
               anchor ? anchor : "-", "-", "-", "-");
    fflush(stdout);
}

#endif
