/* bench_filter.c -- line classification (scrub_classify_lines) of
 * extracted text: the five seed pages, each classified as one document,
 * repeated to 32 MB; and whole-page text (gne-zh-news renderings).  Anchor:
 * GNU grep -F -f with the filter's lexicon terms over the same bytes (a
 * one-pass multi-pattern scan, the floor of any lexicon filter). */
#include "bench.h"

typedef struct {
    const char *text;
    size_t len;
    const size_t *doc_start;
    size_t ndocs;
    scrub_ctx *ctx;
} job;

static void run_classify(void *arg)
{
    job *j = arg;
    for (size_t d = 0; d < j->ndocs; d++) {
        size_t s = j->doc_start[d], e = j->doc_start[d + 1];
        if (scrub_classify_lines(j->ctx, j->text + s, e - s, 0) != SCRUB_OK) abort();
    }
}

/* Concatenates files, repeated until `size` bytes; doc_start[] marks each
 * copy of each file. */
static char *build(const char **paths, size_t npaths, size_t size, size_t *len, size_t **starts,
                   size_t *ndocs)
{
    char *files[64];
    size_t lens[64], total = 0;
    for (size_t i = 0; i < npaths; i++) {
        files[i] = bench_read(paths[i], &lens[i]);
        if (!files[i]) return NULL;
        total += lens[i];
    }
    size_t reps = (size + total - 1) / total;
    char *buf = malloc(reps * total + 1);
    *starts = malloc((reps * npaths + 1) * sizeof **starts);
    size_t off = 0, d = 0;
    for (size_t r = 0; r < reps; r++)
        for (size_t i = 0; i < npaths; i++) {
            (*starts)[d++] = off;
            memcpy(buf + off, files[i], lens[i]);
            off += lens[i];
        }
    (*starts)[d] = off;
    for (size_t i = 0; i < npaths; i++) free(files[i]);
    *len = off;
    *ndocs = d;
    return buf;
}

static void bench_set(const char *what, const char **paths, size_t npaths, const char *terms)
{
    size_t len, ndocs, *starts;
    char *text = build(paths, npaths, 32u << 20, &len, &starts, &ndocs);
    if (!text) {
        printf("bench: %s not found; skipping\n", paths[0]);
        return;
    }
    scrub_ctx *ctx = scrub_ctx_new();
    job j = {text, len, starts, ndocs, ctx};
    run_classify(&j); /* builds the shared tables outside the timing */
    double peak, apeak = 0;
    double mb = bench_measure(run_classify, &j, len, 3, &peak);
    char tmp[] = "/tmp/bench_filter_XXXXXX";
    int fd = mkstemp(tmp);
    double amb = -1;
    if (fd >= 0 && write(fd, text, len) == (ssize_t)len) {
        char cmd[1024];
        snprintf(cmd, sizeof cmd, "grep -c -F -f %s %s > /dev/null; test $? -le 1", terms, tmp);
        amb = bench_command(cmd, len, 3, &apeak);
    }
    if (fd >= 0) close(fd);
    unlink(tmp);
    bench_row("filter", what, mb, peak, "grep -F -f lexicon", amb, apeak);
    scrub_ctx_free(ctx);
    free(text);
    free(starts);
}

/* The lexicon's terms, one per line, for the grep anchor. */
static int write_terms(char *path)
{
    static const char *cats[] = {"gambling", "porn", "medseo", "cta", "footer", "nav",
                                 "meta", "widget", "related", "contact", "caption"};
    int fd = mkstemp(path);
    if (fd < 0) return -1;
    FILE *out = fdopen(fd, "w");
    for (size_t i = 0; i < sizeof cats / sizeof cats[0]; i++) {
        char p[256], line[512];
        snprintf(p, sizeof p, "data/lexicon/%s.txt", cats[i]);
        FILE *f = fopen(p, "r");
        while (f && fgets(line, sizeof line, f)) {
            if (line[0] == '#' || line[0] == '\n') continue;
            line[strcspn(line, "\t\n")] = 0;
            fprintf(out, "%s\n", line);
        }
        if (f) fclose(f);
    }
    fclose(out);
    return 0;
}

/* --rounds N seeds|gne: classifies each file once per round, untimed, and
 * prints the bytes of a round: for callgrind (instr/byte = (Ir of N
 * rounds - Ir of 1) / ((N - 1) x bytes), with
 * --toggle-collect=scrub_classify_lines). */
static int rounds(const char **paths, size_t npaths, int n)
{
    scrub_ctx *ctx = scrub_ctx_new();
    size_t bytes = 0;
    for (int r = 0; r < n; r++)
        for (size_t i = 0; i < npaths; i++) {
            size_t len;
            char *text = bench_read(paths[i], &len);
            if (!text) return 1;
            if (scrub_classify_lines(ctx, text, len, 0) != SCRUB_OK) abort();
            if (!r) bytes += len;
            free(text);
        }
    printf("bytes per round %zu, rounds %d\n", bytes, n);
    scrub_ctx_free(ctx);
    return 0;
}

int main(int argc, char **argv)
{
    static const char *seeds[] = {"000_c453129873820a71.txt", "001_d0bff2fb65c47538.txt",
                                  "002_db89ada0694f6154.txt", "003_deff538706a06b0e.txt",
                                  "004_835892ec5bf962a3.txt"};
    static const char *pages[] = {"163/1.txt", "ifeng/1.txt", "people/1.txt", "qq/qq.txt",
                                  "sina/1.txt", "thepaper/1.txt"};
    char sp[5][512], pp[6][512];
    const char *seed_paths[5], *page_paths[6];
    for (int i = 0; i < 5; i++) {
        snprintf(sp[i], sizeof sp[i], "%s/seeds/%s", bench_shared(), seeds[i]);
        seed_paths[i] = sp[i];
    }
    for (int i = 0; i < 6; i++) {
        snprintf(pp[i], sizeof pp[i], "%s/testdata/web/gne-zh-news/text/tests/%s", bench_shared(),
                 pages[i]);
        page_paths[i] = pp[i];
    }
    if (argc == 4 && strcmp(argv[1], "--rounds") == 0)
        return strcmp(argv[3], "gne") == 0 ? rounds(page_paths, 6, atoi(argv[2]))
                                           : rounds(seed_paths, 5, atoi(argv[2]));
    char terms[] = "/tmp/bench_terms_XXXXXX";
    if (write_terms(terms) != 0) return 1;
    if (!getenv("BENCH_NO_HEADER")) bench_header();
    bench_set("classify, extracted (seeds)", seed_paths, 5, terms);
    bench_set("classify, whole pages (gne)", page_paths, 6, terms);
    unlink(terms);
    return 0;
}
