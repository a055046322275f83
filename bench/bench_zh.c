/* bench_zh.c -- scrub_zh_convert next to Debian's OpenCC (1.1.6, C API), same
 * run, same text.
 *
 * Corpus: every distinct line of the .txt files under ../shared/testdata/web
 * that scrub_zh_detect() calls Simplified (about 1 MB), and the Traditional
 * text Debian's `opencc -c s2t.json` makes of it; each repeated to 20 MB.
 * OpenCC is driven line by line through its C API (as its CLI does); libscrub
 * gets the whole buffer in one call.
 */
/* bench-pkgs: opencc */
#define _XOPEN_SOURCE 700 /* nftw */
#include <ftw.h>
#include <opencc/opencc.h>

#include "bench.h"

#define TARGET (20u << 20)

/* ---- corpus ---------------------------------------------------------------- */

typedef struct {
    char **paths;
    size_t n, cap;
} path_list;

static path_list g_paths;

static int collect(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    size_t len = strlen(path);
    if (type != FTW_F || len < 4 || strcmp(path + len - 4, ".txt") != 0) return 0;
    if (g_paths.n == g_paths.cap) {
        g_paths.cap = g_paths.cap ? g_paths.cap * 2 : 256;
        g_paths.paths = realloc(g_paths.paths, g_paths.cap * sizeof(char *));
    }
    g_paths.paths[g_paths.n++] = strdup(path);
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A set of lines (open addressing on FNV-1a). */
typedef struct {
    const char **line;
    size_t *len;
    size_t cap, n;
} line_set;

static int set_add(line_set *s, const char *p, size_t n)
{
    if (s->n * 2 >= s->cap) {
        line_set t = {calloc(s->cap ? s->cap * 2 : 4096, sizeof(char *)),
                      calloc(s->cap ? s->cap * 2 : 4096, sizeof(size_t)),
                      s->cap ? s->cap * 2 : 4096, 0};
        for (size_t i = 0; i < s->cap; i++)
            if (s->line[i]) set_add(&t, s->line[i], s->len[i]);
        free(s->line);
        free(s->len);
        *s = t;
    }
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211u;
    for (size_t i = h & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        if (!s->line[i]) {
            s->line[i] = p;
            s->len[i] = n;
            s->n++;
            return 1;
        }
        if (s->len[i] == n && memcmp(s->line[i], p, n) == 0) return 0;
    }
}

static char *simplified_corpus(size_t *out_len)
{
    char root[4096];
    snprintf(root, sizeof root, "%s/testdata/web", bench_shared());
    if (nftw(root, collect, 16, FTW_PHYS) != 0 || !g_paths.n) return NULL;
    qsort(g_paths.paths, g_paths.n, sizeof(char *), cmp_str);
    scrub_ctx *ctx = scrub_ctx_new();
    line_set seen = {0};
    size_t cap = 1 << 20, n = 0;
    char *out = malloc(cap);
    for (size_t f = 0; f < g_paths.n; f++) {
        size_t len;
        char *text = bench_read(g_paths.paths[f], &len); /* kept: the set points into it */
        for (size_t pos = 0; text && pos < len;) {
            const char *nl = memchr(text + pos, '\n', len - pos);
            size_t end = nl ? (size_t)(nl - text) : len, a = pos, b = end;
            pos = end + 1;
            while (a < b && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r')) a++;
            while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\r')) b--;
            int script;
            double share;
            if (a == b || scrub_zh_detect(ctx, text + a, b - a, &script, &share) != SCRUB_OK ||
                script != SCRUB_ZH_SCRIPT_HANS || !set_add(&seen, text + a, b - a))
                continue;
            while (n + (b - a) + 1 > cap) out = realloc(out, cap *= 2);
            memcpy(out + n, text + a, b - a);
            n += b - a;
            out[n++] = '\n';
        }
    }
    scrub_ctx_free(ctx);
    *out_len = n;
    return out;
}

/* The Traditional text Debian's opencc CLI makes of `simp`. */
static char *opencc_cli(const char *simp, size_t len, const char *config, size_t *out_len)
{
    char in[] = "/tmp/bench_zh_inXXXXXX";
    int fd = mkstemp(in);
    if (fd < 0 || write(fd, simp, len) != (ssize_t)len) return NULL;
    close(fd);
    char out[64], cmd[256];
    snprintf(out, sizeof out, "%s.out", in);
    snprintf(cmd, sizeof cmd, "opencc -c %s -i %s -o %s", config, in, out);
    int rc = system(cmd);
    char *text = rc == 0 ? bench_read(out, out_len) : NULL;
    unlink(in);
    unlink(out);
    return text;
}

/* ---- jobs -------------------------------------------------------------------- */

typedef struct {
    const char *text;
    size_t len;
    int from, to;
    unsigned flags;
    const char *config; /* OpenCC */
} zh_job;

static void run_scrub(void *arg)
{
    zh_job *j = arg;
    scrub_ctx *ctx = scrub_ctx_new();
    char *out;
    size_t out_len;
    if (scrub_zh_convert(ctx, j->text, j->len, j->from, j->to, j->flags, &out, &out_len) !=
        SCRUB_OK)
        exit(1);
    scrub_free(out);
    scrub_ctx_free(ctx);
}

static void run_opencc(void *arg)
{
    zh_job *j = arg;
    opencc_t oc = opencc_open(j->config);
    if (oc == (opencc_t)-1) exit(1);
    char *line = malloc(1 << 20);
    for (size_t pos = 0; pos < j->len;) {
        const char *nl = memchr(j->text + pos, '\n', j->len - pos);
        size_t end = nl ? (size_t)(nl - j->text) : j->len;
        size_t n = end - pos < (1u << 20) - 1 ? end - pos : (1u << 20) - 1;
        memcpy(line, j->text + pos, n);
        line[n] = 0;
        char *conv = opencc_convert_utf8(oc, line, n);
        opencc_convert_utf8_free(conv);
        pos = end + 1;
    }
    free(line);
    opencc_close(oc);
}

/* Context creation plus the first call on a short line, in microseconds:
 * the tables are static, so there is nothing to load. */
static void first_call(void)
{
    double t0 = bench_now();
    scrub_ctx *ctx = scrub_ctx_new();
    char *out;
    size_t out_len;
    scrub_zh_convert(ctx, "软件开发", strlen("软件开发"), SCRUB_ZH_HANS, SCRUB_ZH_TW,
                     SCRUB_ZH_PHRASES, &out, &out_len);
    double dt = bench_now() - t0;
    scrub_free(out);
    scrub_ctx_free(ctx);
    t0 = bench_now();
    opencc_t oc = opencc_open("s2twp.json");
    char *conv = opencc_convert_utf8(oc, "软件开发", strlen("软件开发"));
    double dto = bench_now() - t0;
    opencc_convert_utf8_free(conv);
    opencc_close(oc);
    printf("zh       ctx_new + first s2twp call: %.0f us (OpenCC 1.1.6 open + first call: %.0f us)\n",
           dt * 1e6, dto * 1e6);
}

static void row(const char *what, zh_job *j, double anchor, double anchor_peak)
{
    double peak;
    /* best of 9: the host is shared and a slow spell lasts several calls */
    double mb = bench_measure(run_scrub, j, j->len, 9, &peak);
    bench_row("zh", what, mb, peak, anchor > 0 ? "OpenCC 1.1.6 (Debian)" : NULL, anchor,
              anchor_peak);
}

/* `bench_zh --once CASE`: one call over the 1 MB corpus (not repeated),
 * no timing, for counting instructions:
 *   valgrind --tool=callgrind --toggle-collect=scrub_zh_convert \
 *       build/bench/bench_zh --once s2t
 * then instructions / the bytes printed. */
static int once(const char *name, char *simp, size_t simp_len, char *trad, size_t trad_len)
{
    static const struct {
        const char *name;
        int simp, from, to;
        unsigned flags;
    } cases[] = {
        {"t2s", 0, SCRUB_ZH_HANT, SCRUB_ZH_HANS, 0},
        {"t2s-greedy", 0, SCRUB_ZH_HANT, SCRUB_ZH_HANS, SCRUB_ZH_GREEDY},
        {"auto2s-trad", 0, SCRUB_ZH_AUTO, SCRUB_ZH_HANS, 0},
        {"tw2s", 0, SCRUB_ZH_TW, SCRUB_ZH_HANS, 0},
        {"s2t", 1, SCRUB_ZH_HANS, SCRUB_ZH_HANT, 0},
        {"s2t-greedy", 1, SCRUB_ZH_HANS, SCRUB_ZH_HANT, SCRUB_ZH_GREEDY},
        {"auto2s-simp", 1, SCRUB_ZH_AUTO, SCRUB_ZH_HANS, 0},
        {"s2twp", 1, SCRUB_ZH_HANS, SCRUB_ZH_TW, SCRUB_ZH_PHRASES},
        {"ascii", 2, SCRUB_ZH_HANS, SCRUB_ZH_HANT, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (strcmp(name, cases[i].name) != 0) continue;
        zh_job j = {cases[i].simp ? simp : trad, cases[i].simp ? simp_len : trad_len,
                    cases[i].from, cases[i].to, cases[i].flags, NULL};
        char *a = NULL;
        if (cases[i].simp == 2) { /* the ASCII bytes of the Simplified text */
            a = malloc(simp_len + 1);
            size_t n = 0;
            for (size_t k = 0; k < simp_len; k++)
                if ((unsigned char)simp[k] < 0x80) a[n++] = simp[k];
            j.text = a;
            j.len = n;
        }
        run_scrub(&j);
        printf("bytes %zu\n", j.len);
        free(a);
        return 0;
    }
    fprintf(stderr, "bench_zh --once: unknown case %s\n", name);
    return 2;
}

int main(int argc, char **argv)
{
    size_t simp_len, trad_len;
    char *simp = simplified_corpus(&simp_len);
    if (!simp || !simp_len) {
        printf("bench: %s/testdata/web not found; skipping zh\n", bench_shared());
        return 0;
    }
    char *trad = opencc_cli(simp, simp_len, "s2t.json", &trad_len);
    if (!trad) {
        printf("bench: Debian's opencc CLI failed; skipping zh\n");
        return 0;
    }
    if (argc == 3 && strcmp(argv[1], "--once") == 0)
        return once(argv[2], simp, simp_len, trad, trad_len);
    size_t sn, tn;
    char *s20 = bench_repeat(simp, simp_len, TARGET, &sn);
    char *t20 = bench_repeat(trad, trad_len, TARGET, &tn);
    if (!getenv("BENCH_NO_HEADER")) bench_header();
    printf("zh       corpus: %zu bytes of distinct Simplified lines, %zu bytes Traditional "
           "(opencc -c s2t.json), each repeated to %zu / %zu bytes\n",
           simp_len, trad_len, sn, tn);

    double apeak, a;
    zh_job t2s = {t20, tn, SCRUB_ZH_HANT, SCRUB_ZH_HANS, 0, "t2s.json"};
    a = bench_measure(run_opencc, &t2s, tn, 1, &apeak);
    row("t2s (default)", &t2s, a, apeak);
    t2s.flags = SCRUB_ZH_GREEDY;
    row("t2s --greedy", &t2s, a, apeak);
    t2s.from = SCRUB_ZH_AUTO;
    t2s.flags = 0;
    row("auto2s (Trad. input)", &t2s, a, apeak);
    t2s.from = SCRUB_ZH_TW;
    row("tw2s", &t2s, a, apeak);

    zh_job s2t = {s20, sn, SCRUB_ZH_HANS, SCRUB_ZH_HANT, 0, "s2t.json"};
    a = bench_measure(run_opencc, &s2t, sn, 1, &apeak);
    row("s2t (default)", &s2t, a, apeak);
    s2t.flags = SCRUB_ZH_GREEDY;
    row("s2t --greedy", &s2t, a, apeak);

    /* what scrub_clean does to every page: auto -> hans, here on Simplified
     * text (the common case), next to OpenCC's t2s on the same text */
    zh_job auto_s = {s20, sn, SCRUB_ZH_AUTO, SCRUB_ZH_HANS, 0, "t2s.json"};
    a = bench_measure(run_opencc, &auto_s, sn, 1, &apeak);
    row("auto2s (Simp. input)", &auto_s, a, apeak);

    zh_job s2twp = {s20, sn, SCRUB_ZH_HANS, SCRUB_ZH_TW, SCRUB_ZH_PHRASES, "s2twp.json"};
    a = bench_measure(run_opencc, &s2twp, sn, 1, &apeak);
    row("s2twp (default)", &s2twp, a, apeak);

    /* non-Han text: the ASCII of the same corpus */
    size_t an = 0;
    char *ascii = malloc(sn + 1);
    for (size_t i = 0; i < sn; i++)
        if ((unsigned char)s20[i] < 0x80) ascii[an++] = s20[i];
    size_t a20n;
    char *a20 = bench_repeat(ascii, an, TARGET, &a20n);
    zh_job asc = {a20, a20n, SCRUB_ZH_HANS, SCRUB_ZH_HANT, 0, NULL};
    row("s2t, ASCII only", &asc, 0, 0);
    first_call();
    free(a20);
    free(ascii);
    free(s20);
    free(t20);
    free(simp);
    free(trad);
    return 0;
}
