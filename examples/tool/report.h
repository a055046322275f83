/*
 * report.h -- the self-contained HTML page `scrub clean --report=FILE.html`
 * writes: each document with its removed lines struck through and coloured
 * by label (the reason on hover), its repairs as before -> after, and a
 * summary table of labels and counts.
 *
 * Documents are rendered to a buffer by report_document() (reentrant, so
 * worker threads can do it) and written in order by the one thread that
 * owns the report_file.
 */
#ifndef SCRUB_TOOL_REPORT_H
#define SCRUB_TOOL_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tbuf.h"

#define REPORT_MAX_LABELS 32

typedef struct {
    const char *text; /* the line as the filter saw it, without LF */
    size_t len;
    const char *label;  /* label name */
    const char *reason; /* why ("" if none) */
    bool kept;
} report_line;

typedef struct {
    const char *before, *after, *transform;
    size_t before_len, after_len;
} report_repair;

typedef struct {
    const char *name;    /* file name or URL */
    const char *title;   /* may be NULL */
    const char *charset; /* may be NULL */
    const char *script;  /* may be NULL */
    double spam_score;
    const report_line *lines;
    size_t line_count;
    const report_repair *repairs;
    size_t repair_count;
} report_doc;

/* Appends one document's HTML section to out. */
void report_document(tbuf *out, const report_doc *doc);

typedef struct {
    FILE *f;
    size_t docs;
    size_t label_count;
    char *label_name[REPORT_MAX_LABELS];
    size_t kept[REPORT_MAX_LABELS], removed[REPORT_MAX_LABELS];
    size_t repairs;
} report_file;

/* Creates the file and writes the page's head; false (errno set) on error. */
bool report_open(report_file *r, const char *path);

/* Writes a section report_document() made and adds a document's counts to
 * the summary: kept[i] and removed[i] lines of label label_names[i]. */
void report_add(report_file *r, const tbuf *section, const char *const *label_names,
                const size_t *kept, const size_t *removed, size_t nlabels, size_t repairs);

/* Writes the summary and closes the page; false on a write error. */
bool report_close(report_file *r);

#endif
