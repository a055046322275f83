/*
 * warc.h -- a streaming WARC reader for `scrub clean --format=warc`.
 *
 * Reads WARC/1.0 and 1.1 files, plain or gzip-compressed (per record, or
 * the whole file as one stream), one record at a time: memory is bounded by
 * the largest record, never the file.  The caller picks the records it
 * wants (warc_record.type).  Kept apart from the tool so a fuzz target can
 * compile it alone.  A reader is used by one thread at a time.
 */
#ifndef SCRUB_TOOL_WARC_H
#define SCRUB_TOOL_WARC_H

#include <stdbool.h>
#include <stddef.h>

#include "tbuf.h"

/* Reads up to n bytes into buf; returns how many (0 at the end or on error). */
typedef size_t (*warc_read_fn)(void *arg, void *buf, size_t n);

typedef struct {
    char type[32];          /* WARC-Type, e.g. "response" */
    tbuf uri;               /* WARC-Target-URI ("" if none) */
    tbuf date;              /* WARC-Date ("" if none) */
    tbuf content_type;      /* the record's Content-Type ("" if none) */
    tbuf block;             /* the record's block, Content-Length bytes */
} warc_record;

typedef struct warc_reader warc_reader;

/* A reader over fn(arg); records larger than max_record bytes are refused.
 * NULL when out of memory. */
warc_reader *warc_open(warc_read_fn fn, void *arg, size_t max_record);

/* Reads the next record into rec (its buffers are reused).  Returns 1 for a
 * record, 0 at the end of the input, -1 for malformed input (reason in
 * warc_error(); reading stops there), -2 when out of memory. */
int warc_next(warc_reader *w, warc_record *rec);

/* Why the last warc_next failed (static to the reader). */
const char *warc_error(const warc_reader *w);

/* Compressed or plain bytes consumed so far, for progress reports. */
unsigned long long warc_consumed(const warc_reader *w);

void warc_close(warc_reader *w);
void warc_record_free(warc_record *rec);

#endif
