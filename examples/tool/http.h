/*
 * http.h -- the HTTP response inside a WARC `response` record: status line,
 * headers, and the body with its transfer and content encodings undone.
 * Used by `scrub clean --format=warc`; kept apart so a fuzz target can
 * compile it alone.  Functions are reentrant.
 */
#ifndef SCRUB_TOOL_HTTP_H
#define SCRUB_TOOL_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "tbuf.h"

typedef struct {
    int status;                  /* e.g. 200; 0 when the status line is unreadable */
    size_t body_off;             /* where the body starts in the record's block */
    char content_type[128];      /* media type, lowercase, no parameters ("" if none) */
    char charset[64];            /* the charset parameter as given ("" if none) */
    bool chunked;                /* Transfer-Encoding: chunked */
    int content_encoding;        /* HTTP_CE_* */
} http_response;

enum { HTTP_CE_IDENTITY, HTTP_CE_GZIP, HTTP_CE_DEFLATE, HTTP_CE_BR_OR_OTHER };

/* Parses the status line and headers at the start of block.  Returns false
 * when there is no complete header (no blank line, or no "HTTP/" status
 * line). */
bool http_parse_response(const char *block, size_t len, http_response *r);

/* Splits a Content-Type value into its lowercase media type and its charset
 * parameter (quotes removed).  Either output may be NULL. */
void http_parse_content_type(const char *value, size_t len, char *type, size_t type_size,
                             char *charset, size_t charset_size);

/* Appends the body (block[r->body_off..len)) to out with chunked transfer
 * coding and gzip/deflate content coding undone, stopping at `limit` bytes
 * of output.  A body that claims chunked coding but is not chunked is taken
 * as it is (some archives store it decoded); a truncated compressed body
 * keeps what inflated.  Returns 0, -1 when the content coding is unknown or
 * the compressed data is unreadable (message in err), -2 when past `limit`
 * or out of memory. */
int http_body(const http_response *r, const char *block, size_t len, size_t limit, tbuf *out,
              char *err, size_t err_size);

#endif
