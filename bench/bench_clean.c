/* bench_clean.c -- the whole pipeline (scrub_clean) and the scrub tool at
 * corpus scale, on real Chinese pages from ../shared:
 *   - extracted text (the seeds and gne-zh-news' texts), page by page;
 *   - HTML pages (gne-zh-news), next to libxml2's bare parse of the same
 *     bytes (htmlReadMemory, then the tree freed);
 *   - the tool's jsonl mode next to the library call on the same records;
 *   - the tool with -j 2 next to -j 1;
 *   - the tool's peak memory on JSONL files of 64 and 256 MB (streaming:
 *     the peak must not grow with the file).
 * Needs only the default packages. */
#include "bench.h"

#include <dirent.h>
#include <libxml/HTMLparser.h>
#include <sys/stat.h>

typedef struct {
    char **doc;
    size_t *len;
    size_t count, bytes;
} corpus;

static void add_doc(corpus *c, char *data, size_t len)
{
    c->doc = realloc(c->doc, (c->count + 1) * sizeof *c->doc);
    c->len = realloc(c->len, (c->count + 1) * sizeof *c->len);
    c->doc[c->count] = data;
    c->len[c->count++] = len;
    c->bytes += len;
}

/* Every file under dir (two levels) whose name ends with ext. */
static void add_tree(corpus *c, const char *dir, const char *ext)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            add_tree(c, path, ext);
            continue;
        }
        size_t n = strlen(e->d_name), m = strlen(ext);
        if (n < m || strcmp(e->d_name + n - m, ext) != 0) continue;
        size_t len;
        char *data = bench_read(path, &len);
        if (data && len) add_doc(c, data, len);
        else free(data);
    }
    if (d) closedir(d);
}

typedef struct {
    const corpus *c;
    size_t rounds;
    unsigned flags;
} job;

static void run_clean(void *arg)
{
    const job *j = arg;
    scrub_ctx *ctx = scrub_ctx_new();
    scrub_ctx_set(ctx, SCRUB_PARAM_CLEAN_TO, SCRUB_CLEAN_HANS);
    for (size_t r = 0; r < j->rounds; r++)
        for (size_t i = 0; i < j->c->count; i++) {
            char *out;
            size_t n;
            if (scrub_clean(ctx, j->c->doc[i], j->c->len[i], NULL, j->flags, &out, &n) == SCRUB_OK)
                scrub_free(out);
        }
    scrub_ctx_free(ctx);
}

static void run_libxml2(void *arg)
{
    const job *j = arg;
    for (size_t r = 0; r < j->rounds; r++)
        for (size_t i = 0; i < j->c->count; i++) {
            htmlDocPtr doc = htmlReadMemory(j->c->doc[i], (int)j->c->len[i], NULL, "UTF-8",
                                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                                HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
            xmlFreeDoc(doc);
        }
}

static size_t rounds_for(const corpus *c, size_t target)
{
    return c->bytes ? (target + c->bytes - 1) / c->bytes : 0;
}

/* A JSONL file of the corpus' documents as "text" records, repeated to at
 * least `size` bytes of text. */
static const char *write_jsonl(const corpus *c, const char *path, size_t size, size_t *text_bytes)
{
    FILE *f = fopen(path, "w");
    if (!f) return NULL;
    *text_bytes = 0;
    while (*text_bytes < size) {
        for (size_t i = 0; i < c->count; i++) {
            fputs("{\"text\":\"", f);
            const unsigned char *s = (const unsigned char *)c->doc[i];
            for (size_t k = 0; k < c->len[i]; k++) {
                unsigned char ch = s[k];
                if (ch == '"' || ch == '\\') fprintf(f, "\\%c", ch);
                else if (ch == '\n') fputs("\\n", f);
                else if (ch < 0x20) fprintf(f, "\\u%04x", ch);
                else fputc(ch, f);
            }
            fputs("\"}\n", f);
            *text_bytes += c->len[i];
        }
    }
    /* Written back now, not 30 s later by the kernel in the middle of the
     * -j 2 rows, which need both cores. */
    bool ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
    ok = fclose(f) == 0 && ok;
    return ok ? path : NULL;
}

static void tool_path(char *buf, size_t size)
{
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    self[n > 0 ? n : 0] = '\0';
    char *slash = strrchr(self, '/'); /* .../BUILD/bench/bench_clean */
    if (slash) *slash = '\0';
    slash = strrchr(self, '/');
    if (slash) *slash = '\0';
    snprintf(buf, size, "%s/bin/scrub", self);
}

/* --rounds N: scrub_clean (to hans) over the extracted texts N times,
 * prints the bytes of a round: for callgrind, as bench_filter --rounds. */
static int clean_rounds(const corpus *c, int n)
{
    job j = {c, (size_t)n, 0};
    run_clean(&j);
    printf("bytes per round %zu, rounds %d\n", c->bytes, n);
    return 0;
}

int main(int argc, char **argv)
{
    char dir[4096];
    corpus text = {0}, html = {0};
    snprintf(dir, sizeof dir, "%s/seeds", bench_shared());
    add_tree(&text, dir, ".txt");
    snprintf(dir, sizeof dir, "%s/testdata/web/gne-zh-news/text", bench_shared());
    add_tree(&text, dir, ".txt");
    snprintf(dir, sizeof dir, "%s/testdata/web/gne-zh-news/tests", bench_shared());
    add_tree(&html, dir, ".html");
    if (!text.count || !html.count) {
        printf("bench: clean skipped (../shared/seeds or testdata/web/gne-zh-news not found)\n");
        return 0;
    }
    if (argc == 3 && strcmp(argv[1], "--rounds") == 0) return clean_rounds(&text, atoi(argv[2]));
    if (!getenv("BENCH_NO_HEADER")) bench_header();
    double peak, apeak;
    char what[64];

    job jt = {&text, rounds_for(&text, 32u << 20), 0};
    double lib_text = bench_measure(run_clean, &jt, jt.rounds * text.bytes, 3, &peak);
    snprintf(what, sizeof what, "text, %zu docs -> hans", text.count);
    bench_row("clean", what, lib_text, peak, NULL, 0, 0);

    job jh = {&html, rounds_for(&html, 32u << 20), 0};
    double lib_html = bench_measure(run_clean, &jh, jh.rounds * html.bytes, 3, &peak);
    double xml = bench_measure(run_libxml2, &jh, jh.rounds * html.bytes, 3, &apeak);
    snprintf(what, sizeof what, "html, %zu pages -> hans", html.count);
    bench_row("clean", what, lib_html, peak, "libxml2 htmlReadMemory", xml, apeak);

    /* the tool on files: jsonl mode vs the library call on the same text */
    char tool[4096], cmd[8192];
    tool_path(tool, sizeof tool);
    if (access(tool, X_OK) != 0) {
        printf("bench: %s not built; tool rows skipped\n", tool);
        return 0;
    }
    const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char small[4096], big[4096];
    snprintf(small, sizeof small, "%s/bench_clean_64.jsonl", tmp);
    snprintf(big, sizeof big, "%s/bench_clean_256.jsonl", tmp);
    size_t small_bytes, big_bytes;
    if (!write_jsonl(&text, small, 64u << 20, &small_bytes)) return 0;
    /* The library call, -j 1 and -j 2 take turns, best of three each: on a
     * shared host the load drifts from one minute to the next, and rows
     * measured one after the other would compare different minutes. */
    job js = {&text, rounds_for(&text, small_bytes), SCRUB_CLEAN_NO_DECODE | SCRUB_CLEAN_NO_HTML};
    char cmd2[8192];
    snprintf(cmd, sizeof cmd, "%s clean --quiet --to=hans --format=jsonl -j 1 %s > /dev/null", tool, small);
    snprintf(cmd2, sizeof cmd2, "%s clean --quiet --to=hans --format=jsonl -j 2 %s > /dev/null", tool, small);
    double lib_rec = 0, j1 = 0, j2 = 0, cores1 = 0, cores2 = 0, p1 = 0, p2 = 0;
    for (int turn = 0; turn < 3; turn++) {
        double v = bench_measure(run_clean, &js, js.rounds * text.bytes, 1, &peak);
        if (v > lib_rec) lib_rec = v;
        v = bench_command(cmd, small_bytes, 1, &apeak);
        if (v > j1) j1 = v, cores1 = bench_last_cores;
        if (apeak > p1) p1 = apeak;
        v = bench_command(cmd2, small_bytes, 1, &apeak);
        if (v > j2) j2 = v, cores2 = bench_last_cores;
        if (apeak > p2) p2 = apeak;
    }
    bench_row("clean", "tool jsonl -j 1, 64 MB", j1, p1, "library call, same records", lib_rec, peak);
    bench_row("clean", "tool jsonl -j 2, 64 MB", j2, p2, "tool jsonl -j 1", j1, p1);
    printf("clean    cores used (CPU s / wall s): -j 1 %.2f, -j 2 %.2f; the -j 2 ratio cannot exceed "
           "what the machine leaves free\n", cores1, cores2);

    if (write_jsonl(&text, big, 256u << 20, &big_bytes)) {
        snprintf(cmd, sizeof cmd, "%s clean --quiet --to=hans --format=jsonl -j 2 %s > /dev/null", tool, big);
        double jb = bench_command(cmd, big_bytes, 1, &apeak);
        bench_row("clean", "tool jsonl -j 2, 256 MB", jb, apeak, "tool jsonl -j 2, 64 MB", j2, p2);
    }
    unlink(small);
    unlink(big);
    size_t largest = 0;
    for (size_t i = 0; i < text.count; i++)
        if (text.len[i] > largest) largest = text.len[i];
    printf("clean    largest record %.2f MiB; peak memory must stay flat from 64 to 256 MB\n",
           largest / 1048576.0);
    return 0;
}
