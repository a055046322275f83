/*
 * clean_job.h -- one unit of work of `scrub clean` (a page, a JSONL record or
 * a WARC record) and the worker that cleans it with its own context.
 * A job is filled by the reader, processed by one worker thread, then
 * written and freed by the writer; no two threads touch it at once.
 */
#ifndef SCRUB_TOOL_CLEAN_JOB_H
#define SCRUB_TOOL_CLEAN_JOB_H

#include <stdbool.h>
#include <stddef.h>

#include "jsonl.h"
#include "report.h"
#include "scrub.h"
#include "tbuf.h"
#include "warc.h"

enum { FORMAT_TEXT, FORMAT_JSONL, FORMAT_WARC };
enum { KIND_PAGE, KIND_JSONL, KIND_WARC };

#define CLEAN_LABELS SCRUB_LABEL_COUNT

typedef struct {
    int to;              /* enum scrub_clean_target */
    unsigned flags;      /* SCRUB_CLEAN_* for every input */
    unsigned keep;       /* label mask, when keep_set */
    bool keep_set;
    const char *charset; /* --charset, or NULL */
    int format;
    bool explain, quiet;
    const char *report;
    int jobs;
} clean_options;

typedef struct {
    int kind;
    char *name;      /* file name (or NULL) */
    char *data;      /* page bytes or the JSONL line (owned, malloc) */
    size_t len;
    long input_line; /* JSONL: 1-based line number */
    warc_record warc;
    size_t input_size; /* bytes of input this job stands for (progress) */
    /* results */
    tbuf out, err, report;
    bool has_report, skip;
    int status; /* TOOL_OK or TOOL_FAILED */
    size_t kept[CLEAN_LABELS], removed[CLEAN_LABELS], repairs;
} clean_job;

typedef struct {
    const clean_options *opt;
    scrub_ctx *ctx, *aux; /* aux: the report's before -> after of repairs */
    jsonl_record rec;
    tbuf bytes, payload;
} clean_worker;

clean_job *clean_job_new(int kind, const char *name);
void clean_job_free(clean_job *job);
/* Moves the record's buffers into the job (rec gets empty ones). */
void clean_job_take_warc(clean_job *job, warc_record *rec);

bool clean_worker_init(clean_worker *w, const clean_options *opt);
void clean_worker_free(clean_worker *w);

/* ordered_work_fn: cleans job (a clean_job *) with worker state (a
 * clean_worker *), filling its results. */
void clean_job_run(void *worker, void *job);

/* Label names indexed by enum scrub_label. */
const char *const *clean_label_names(void);

#endif
