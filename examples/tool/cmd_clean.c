/*
 * cmd_clean.c -- `scrub clean`: the whole pipeline over pages, JSONL records
 * or WARC files, in parallel with order kept.
 *
 * The main thread reads inputs into jobs and writes results in order; -j N
 * worker threads clean, each with its own context (ordered.h).  Inputs are
 * streamed: a JSONL line or a WARC record at a time, so memory is bounded by
 * a few records, never the file.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "clean_job.h"
#include "ordered.h"
#include "tool.h"
#include "warc.h"

#define USAGE                                                                                \
    "usage: scrub clean [--to=hans|hant|tw|hk|keep] [--phrases] [--keep=LABELS]\n"           \
    "                   [--charset=LABEL] [--format=text|jsonl|warc] [--explain]\n"          \
    "                   [--report=FILE.html] [-j N] [--quiet] [FILE...]\n"                   \
    "\n"                                                                                     \
    "Decodes, extracts (HTML), repairs mojibake, converts the script (--to) and\n"           \
    "drops spam and boilerplate lines.\n"                                                    \
    "  text   each FILE is one page; clean texts go to stdout, one blank line apart\n"       \
    "  jsonl  one JSON record per line in and out; records carry text, html or\n"            \
    "         bytes_b64 (with optional charset, url); output adds clean, title,\n"           \
    "         charset, script, spam_score, labels, repairs\n"                                \
    "  warc   WARC files (gzip or not): response, resource and conversion records\n"         \
    "         become JSONL records with url and date\n"                                      \
    "  --explain      per-line decisions on stderr, as `scrub filter --explain`\n"           \
    "  --report=FILE  an HTML page showing what was removed and repaired\n"                  \
    "  -j N           N worker threads (output order unchanged)\n"                           \
    "  --quiet        no progress line on stderr\n"

extern const tool_command tool_cmd_clean;

/* ---- progress ------------------------------------------------------------ */

typedef struct {
    bool on;
    double start, last;
    unsigned long long records, bytes, total; /* total 0: unknown */
} progress;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress_show(progress *p, bool final)
{
    if (!p->on) return;
    double t = now();
    if (!final && t - p->last < 0.25) return;
    p->last = t;
    double mb = p->bytes / 1e6, secs = t - p->start, rate = secs > 0 ? mb / secs : 0;
    fprintf(stderr, "\rscrub clean: %llu records, %.1f MB, %.1f MB/s", p->records, mb, rate);
    if (p->total && rate > 0 && p->bytes <= p->total) {
        double eta = (p->total - p->bytes) / 1e6 / rate;
        fprintf(stderr, ", ETA %d:%02d", (int)eta / 60, (int)eta % 60);
    }
    fputs(final ? "\n" : "   ", stderr);
    fflush(stderr);
}

/* ---- the writer side: results in input order ----------------------------- */

typedef struct {
    const clean_options *opt;
    progress prog;
    report_file report;
    bool have_report, failed, write_failed;
    size_t emitted;
    clean_pool pool; /* the reader takes jobs from it, emit_job returns them */
} writer;

static void emit_job(void *arg, void *item)
{
    writer *w = arg;
    clean_job *job = item;
    if (job->status != TOOL_OK) w->failed = true;
    if (job->err.len) fwrite(job->err.data, 1, job->err.len, stderr);
    if (!job->skip) {
        if (w->opt->format == FORMAT_TEXT && w->emitted++ > 0 && !tool_write("\n", 1))
            w->write_failed = true;
        if (job->out.len && !tool_write(job->out.data, job->out.len)) w->write_failed = true;
    }
    if (w->have_report && job->has_report)
        report_add(&w->report, &job->report, clean_label_names(), job->kept, job->removed,
                   CLEAN_LABELS, job->repairs);
    w->prog.records++;
    w->prog.bytes += job->input_size;
    progress_show(&w->prog, false);
    clean_pool_put(&w->pool, job);
}

/* ---- readers: each turns its input into jobs ----------------------------- */

/* stdio's default buffer is a page: a system call every few records of a
 * JSONL stream.  Inputs and stdout use these instead (glibc takes a size
 * only with a buffer).  Files are read one at a time, so they share one. */
#define IO_BUFFER ((size_t)1 << 20)
static char file_buffer[IO_BUFFER], stdin_buffer[IO_BUFFER], stdout_buffer[IO_BUFFER];

static FILE *open_input(const char *path, bool is_stdin)
{
    if (is_stdin) return stdin; /* its buffer is set in run(), before any read */
    FILE *f = fopen(path, "rb");
    if (f) setvbuf(f, file_buffer, _IOFBF, IO_BUFFER);
    return f;
}

static bool read_text_file(ordered *o, const char *path, writer *w)
{
    size_t len;
    char *data = tool_read_file(path, &len);
    if (!data) {
        w->failed = true;
        return false;
    }
    clean_job *job = clean_pool_get(&w->pool, KIND_PAGE, path);
    if (!job) {
        free(data);
        tool_error("out of memory");
        w->failed = true;
        return false;
    }
    free(job->data);
    job->data = data;
    job->data_cap = len;
    job->len = len;
    job->input_size = len;
    ordered_push(o, job, len);
    return true;
}

static bool read_jsonl_file(ordered *o, const char *path, bool name_file, writer *w)
{
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = open_input(path, is_stdin);
    if (!f) {
        tool_error("%s: %s", path, strerror(errno));
        w->failed = true;
        return false;
    }
    long lineno = 0;
    for (;;) {
        /* the line goes straight into a recycled job's buffer */
        clean_job *job = clean_pool_get(&w->pool, KIND_JSONL, name_file ? path : NULL);
        if (!job) {
            tool_error("out of memory");
            w->failed = true;
            break;
        }
        ssize_t n = getline(&job->data, &job->data_cap, f);
        if (n < 0) {
            clean_pool_put(&w->pool, job);
            break;
        }
        lineno++;
        size_t len = (size_t)n;
        if (len && job->data[len - 1] == '\n') len--;
        if (len && job->data[len - 1] == '\r') len--;
        job->len = len;
        job->input_size = (size_t)n;
        job->input_line = lineno;
        ordered_push(o, job, (size_t)n);
    }
    bool ok = !ferror(f);
    if (!ok) tool_error("%s: read error", path);
    if (!is_stdin) fclose(f);
    if (!ok) w->failed = true;
    return ok;
}

typedef struct {
    FILE *f;
} file_source;

static size_t read_file_some(void *arg, void *buf, size_t n)
{
    return fread(buf, 1, n, ((file_source *)arg)->f);
}

static bool wanted_record(const char *type)
{
    return strcmp(type, "response") == 0 || strcmp(type, "resource") == 0 ||
           strcmp(type, "conversion") == 0;
}

static bool read_warc_file(ordered *o, const char *path, writer *w)
{
    bool is_stdin = strcmp(path, "-") == 0;
    file_source src = {open_input(path, is_stdin)};
    if (!src.f) {
        tool_error("%s: %s", path, strerror(errno));
        w->failed = true;
        return false;
    }
    warc_reader *r = warc_open(read_file_some, &src, (size_t)1 << 30);
    warc_record rec = {0};
    int rc = r ? 0 : -2;
    unsigned long long seen = 0;
    while (r && (rc = warc_next(r, &rec)) == 1) {
        unsigned long long consumed = warc_consumed(r);
        if (!wanted_record(rec.type)) {
            w->prog.bytes += consumed - seen;
            seen = consumed;
            continue;
        }
        clean_job *job = clean_pool_get(&w->pool, KIND_WARC, path);
        if (!job) {
            rc = -2;
            break;
        }
        clean_job_take_warc(job, &rec);
        job->input_size = (size_t)(consumed - seen);
        seen = consumed;
        ordered_push(o, job, job->warc.block.len);
    }
    bool ok = rc == 0 && !ferror(src.f);
    if (rc == -1) tool_error("%s: %s", path, warc_error(r));
    else if (rc == -2) tool_error("%s: out of memory", path);
    else if (!ok) tool_error("%s: read error", path);
    warc_record_free(&rec);
    warc_close(r);
    if (!is_stdin) fclose(src.f);
    if (!ok) w->failed = true;
    return ok;
}

/* ---- options -------------------------------------------------------------- */

static int parse_to(const char *v)
{
    static const char *const names[] = {"keep", "hans", "hant", "tw", "hk"};
    for (int i = 0; i < 5; i++)
        if (strcmp(v, names[i]) == 0) return i; /* enum scrub_clean_target order */
    return -1;
}

static int parse_args(int argc, char **argv, clean_options *opt, const char ***files,
                      int *nfiles)
{
    const tool_command *cmd = &tool_cmd_clean;
    *files = calloc((size_t)argc + 1, sizeof **files);
    if (!*files) return tool_usage_error(cmd, "out of memory");
    *nfiles = 0;
    bool only_files = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            (*files)[(*nfiles)++] = a;
        } else if (strcmp(a, "--") == 0) {
            only_files = true;
        } else if ((v = tool_option_value("to", argc, argv, &i))) {
            opt->to = parse_to(v);
            if (opt->to < 0) return tool_usage_error(cmd, "--to takes hans, hant, tw, hk or keep, not '%s'", v);
        } else if (strcmp(a, "--phrases") == 0) {
            opt->flags |= SCRUB_CLEAN_PHRASES;
        } else if ((v = tool_option_value("keep", argc, argv, &i))) {
            if (scrub_label_mask_parse(v, strlen(v), &opt->keep) != SCRUB_OK)
                return tool_usage_error(cmd, "--keep: unknown label in '%s'", v);
            opt->keep_set = true;
        } else if ((v = tool_option_value("charset", argc, argv, &i))) {
            opt->charset = v;
        } else if ((v = tool_option_value("format", argc, argv, &i))) {
            if (strcmp(v, "text") == 0) opt->format = FORMAT_TEXT;
            else if (strcmp(v, "jsonl") == 0) opt->format = FORMAT_JSONL;
            else if (strcmp(v, "warc") == 0) opt->format = FORMAT_WARC;
            else return tool_usage_error(cmd, "--format takes text, jsonl or warc, not '%s'", v);
        } else if (strcmp(a, "--explain") == 0) {
            opt->explain = true;
        } else if ((v = tool_option_value("report", argc, argv, &i))) {
            opt->report = v;
        } else if ((v = tool_option_value("jobs", argc, argv, &i)) ||
                   (strncmp(a, "-j", 2) == 0 && (v = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL)))) {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || n < 1 || n > 256) return tool_usage_error(cmd, "-j takes 1..256, not '%s'", v);
            opt->jobs = (int)n;
        } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            opt->quiet = true;
        } else {
            return tool_usage_error(cmd, "unknown option '%s'", a);
        }
    }
    if (*nfiles == 0) (*files)[(*nfiles)++] = "-";
    return TOOL_OK;
}

static unsigned long long total_size(const char *const *files, int n)
{
    unsigned long long total = 0;
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(files[i], "-") == 0 || stat(files[i], &st) != 0 || !S_ISREG(st.st_mode))
            return 0;
        total += (unsigned long long)st.st_size;
    }
    return total;
}

/* ---- main ----------------------------------------------------------------- */

static int run(const clean_options *opt, const char *const *files, int nfiles)
{
    clean_worker *workers = calloc((size_t)opt->jobs, sizeof *workers);
    void **states = calloc((size_t)opt->jobs, sizeof *states);
    int made = 0;
    for (; workers && states && made < opt->jobs; made++) {
        if (!clean_worker_init(&workers[made], opt)) break;
        states[made] = &workers[made];
    }
    writer w = {.opt = opt};
    int status = TOOL_OK;
    /* a few spare jobs per worker: enough to recycle in the steady state,
     * few enough that kept buffers stay a small multiple of a record */
    if (made < opt->jobs || !clean_pool_init(&w.pool, 2 * (size_t)opt->jobs + 2)) {
        tool_error("out of memory");
        status = TOOL_FAILED;
        goto done;
    }
    if (opt->report && !(w.have_report = report_open(&w.report, opt->report))) {
        tool_error("%s: %s", opt->report, strerror(errno));
        status = TOOL_FAILED;
        goto done;
    }
    setvbuf(stdin, stdin_buffer, _IOFBF, IO_BUFFER);
    if (!isatty(STDOUT_FILENO)) setvbuf(stdout, stdout_buffer, _IOFBF, IO_BUFFER);
    w.prog.on = !opt->quiet && isatty(STDERR_FILENO);
    w.prog.start = w.prog.last = now();
    w.prog.total = total_size(files, nfiles);
    ordered *o = ordered_start(opt->jobs, states, clean_job_run, emit_job, &w);
    if (!o) {
        tool_error("cannot start %d threads", opt->jobs);
        status = TOOL_FAILED;
        goto done;
    }
    for (int i = 0; i < nfiles && !w.write_failed; i++) {
        if (opt->format == FORMAT_TEXT) read_text_file(o, files[i], &w);
        else if (opt->format == FORMAT_JSONL) read_jsonl_file(o, files[i], nfiles > 1, &w);
        else read_warc_file(o, files[i], &w);
    }
    ordered_finish(o);
    progress_show(&w.prog, true);
    if (fflush(stdout) != 0) w.write_failed = true;
    if (w.have_report && !report_close(&w.report)) {
        tool_error("%s: write error", opt->report);
        w.failed = true;
    }
    w.have_report = false;
    if (w.failed || w.write_failed) status = TOOL_FAILED;
done:
    if (w.have_report) report_close(&w.report);
    clean_pool_free(&w.pool);
    for (int i = 0; i < made; i++) clean_worker_free(&workers[i]);
    free(workers);
    free(states);
    return status;
}

static int cmd_main(int argc, char **argv)
{
    clean_options opt = {.to = SCRUB_CLEAN_KEEP, .format = FORMAT_TEXT, .jobs = 1};
    const char **files = NULL;
    int nfiles = 0;
    int rc = parse_args(argc, argv, &opt, &files, &nfiles);
    if (rc == TOOL_OK) rc = run(&opt, files, nfiles);
    free(files);
    return rc;
}

const tool_command tool_cmd_clean = {
    "clean",
    "the whole pipeline: bytes in, clean text out",
    USAGE,
    cmd_main,
};
