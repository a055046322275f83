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
    size_t len, data_cap; /* data_cap: getline's capacity of data */
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

/* Finished jobs kept with their buffers for the next records, so a stream
 * of records does not allocate (and fault in) its big buffers anew each
 * time.  Used by one thread only: the one that reads and emits. */
typedef struct {
    clean_job **free;
    size_t count, cap;
} clean_pool;

/* A job from the pool, else a new one; NULL when out of memory. */
clean_job *clean_pool_get(clean_pool *p, int kind, const char *name);
/* Takes a finished job back (keeping at most the pool's capacity). */
void clean_pool_put(clean_pool *p, clean_job *job);
/* Up to `cap` jobs are kept; false when out of memory. */
bool clean_pool_init(clean_pool *p, size_t cap);
void clean_pool_free(clean_pool *p);
/* Moves the record's buffers into the job; rec gets the job's old ones
 * (empty, or a recycled job's, for warc_next to reuse). */
void clean_job_take_warc(clean_job *job, warc_record *rec);

bool clean_worker_init(clean_worker *w, const clean_options *opt);
void clean_worker_free(clean_worker *w);

/* ordered_work_fn: cleans job (a clean_job *) with worker state (a
 * clean_worker *), filling its results. */
void clean_job_run(void *worker, void *job);

/* Label names indexed by enum scrub_label. */
const char *const *clean_label_names(void);

#endif
