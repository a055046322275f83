/* warc.c -- streaming WARC reader; see warc.h. */
#include "warc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>

#define RAW_SIZE (1u << 16)
#define MAX_HEADER_LINE (1u << 20)
#define MAX_HEADER_LINES 1000

struct warc_reader {
    warc_read_fn fn;
    void *arg;
    size_t max_record;
    unsigned long long consumed;
    /* compressed (or plain) input as read */
    unsigned char raw[RAW_SIZE];
    size_t raw_len, raw_pos;
    bool raw_eof, started, gzip, z_live;
    z_stream z;
    /* decompressed bytes not yet parsed: buf[pos..len) */
    char *buf;
    size_t pos, len, cap;
    char err[160];
};

warc_reader *warc_open(warc_read_fn fn, void *arg, size_t max_record)
{
    warc_reader *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->fn = fn;
    w->arg = arg;
    w->max_record = max_record;
    return w;
}

void warc_close(warc_reader *w)
{
    if (!w) return;
    if (w->z_live) inflateEnd(&w->z);
    free(w->buf);
    free(w);
}

void warc_record_free(warc_record *rec)
{
    tbuf_free(&rec->uri);
    tbuf_free(&rec->date);
    tbuf_free(&rec->content_type);
    tbuf_free(&rec->block);
}

const char *warc_error(const warc_reader *w)
{
    return w->err;
}

unsigned long long warc_consumed(const warc_reader *w)
{
    return w->consumed;
}

static int warc_fail(warc_reader *w, int rc, const char *msg)
{
    snprintf(w->err, sizeof w->err, "%s", msg);
    return rc;
}

static bool read_raw(warc_reader *w)
{
    if (w->raw_eof) return false;
    w->raw_len = w->fn(w->arg, w->raw, RAW_SIZE);
    w->raw_pos = 0;
    w->consumed += w->raw_len;
    if (w->raw_len == 0) w->raw_eof = true;
    return w->raw_len > 0;
}

/* Room for at least `want` more bytes at buf+len; moves the unparsed part
 * to the front first. */
static int make_room(warc_reader *w, size_t want)
{
    if (w->pos) {
        memmove(w->buf, w->buf + w->pos, w->len - w->pos);
        w->len -= w->pos;
        w->pos = 0;
    }
    if (w->cap - w->len >= want) return 0;
    size_t cap = w->cap ? w->cap : RAW_SIZE;
    while (cap - w->len < want) cap *= 2;
    char *p = realloc(w->buf, cap);
    if (!p) return -2;
    w->buf = p;
    w->cap = cap;
    return 0;
}

/* Inflates into buf; a new gzip member starts where the last one ended. */
static int fill_gzip(warc_reader *w, size_t before)
{
    while (w->len == before) {
        if (w->raw_pos == w->raw_len && !read_raw(w)) {
            if (w->z_live && w->z.total_in) return warc_fail(w, -1, "truncated gzip stream");
            return 0;
        }
        if (!w->z_live) {
            memset(&w->z, 0, sizeof w->z);
            if (inflateInit2(&w->z, 15 + 16) != Z_OK) return -2;
            w->z_live = true;
        }
        w->z.next_in = w->raw + w->raw_pos;
        w->z.avail_in = (uInt)(w->raw_len - w->raw_pos);
        w->z.next_out = (Bytef *)(w->buf + w->len);
        w->z.avail_out = (uInt)(w->cap - w->len);
        int rc = inflate(&w->z, Z_NO_FLUSH);
        w->len = w->cap - w->z.avail_out;
        w->raw_pos = w->raw_len - w->z.avail_in;
        if (rc == Z_STREAM_END) {
            inflateEnd(&w->z);
            w->z_live = false;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            return warc_fail(w, -1, "corrupt gzip data");
        }
    }
    return 1;
}

/* Adds decompressed bytes to buf.  1 if some were added, 0 at the end. */
static int fill(warc_reader *w)
{
    if (make_room(w, RAW_SIZE)) return -2;
    if (!w->started) {
        w->started = true;
        if (!read_raw(w)) return 0;
        w->gzip = w->raw_len >= 2 && w->raw[0] == 0x1f && w->raw[1] == 0x8b;
    }
    if (w->gzip) return fill_gzip(w, w->len);
    if (w->raw_pos == w->raw_len && !read_raw(w)) return 0;
    size_t n = w->raw_len - w->raw_pos;
    memcpy(w->buf + w->len, w->raw + w->raw_pos, n);
    w->len += n;
    w->raw_pos += n;
    return 1;
}

/* The next line (without CR LF) as buf[*start, *start + *n); the line is
 * consumed.  1 for a line, 0 at the end of input, <0 on error. */
static int next_line(warc_reader *w, size_t *start, size_t *n)
{
    size_t scanned = 0;
    for (;;) {
        size_t avail = w->len - w->pos - scanned;
        char *nl = avail ? memchr(w->buf + w->pos + scanned, '\n', avail) : NULL;
        if (nl) {
            *start = w->pos;
            *n = (size_t)(nl - (w->buf + w->pos));
            w->pos += *n + 1;
            if (*n && w->buf[*start + *n - 1] == '\r') (*n)--;
            return 1;
        }
        scanned = w->len - w->pos;
        if (scanned > MAX_HEADER_LINE) return warc_fail(w, -1, "header line too long");
        int rc = fill(w);
        if (rc < 0) return rc;
        if (rc == 0) {
            if (w->len == w->pos) return 0;
            *start = w->pos; /* a last line without LF */
            *n = w->len - w->pos;
            w->pos = w->len;
            return 1;
        }
    }
}

static void set_field(tbuf *t, const char *v, size_t n)
{
    while (n && (*v == ' ' || *v == '\t')) v++, n--;
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
    if (n >= 2 && v[0] == '<' && v[n - 1] == '>') v++, n -= 2; /* WARC/0.17 style <uri> */
    tbuf_clear(t);
    tbuf_add(t, v, n);
}

static bool warc_name_is(const char *s, size_t n, const char *name)
{
    return strlen(name) == n && strncasecmp(s, name, n) == 0;
}

static bool parse_length(const char *v, size_t n, size_t *out)
{
    size_t x = 0, digits = 0;
    for (size_t i = 0; i < n; i++) {
        char c = v[i];
        if (c == ' ' || c == '\t') continue;
        if (c < '0' || c > '9' || x > ((size_t)-1 - 9) / 10) return false;
        x = x * 10 + (size_t)(c - '0');
        digits++;
    }
    *out = x;
    return digits > 0;
}

static int read_headers(warc_reader *w, warc_record *rec, size_t *length)
{
    bool have_length = false;
    for (int count = 0;; count++) {
        size_t s, n;
        int rc = next_line(w, &s, &n);
        if (rc < 0) return rc;
        if (rc == 0) return warc_fail(w, -1, "truncated record header");
        if (n == 0) break;
        if (count > MAX_HEADER_LINES) return warc_fail(w, -1, "too many header lines");
        const char *line = w->buf + s;
        const char *colon = memchr(line, ':', n);
        if (!colon) continue;
        size_t nn = (size_t)(colon - line);
        const char *v = colon + 1;
        size_t vn = n - nn - 1;
        if (warc_name_is(line, nn, "WARC-Type")) {
            tbuf t = {0};
            set_field(&t, v, vn);
            snprintf(rec->type, sizeof rec->type, "%s", t.data ? t.data : "");
            tbuf_free(&t);
        } else if (warc_name_is(line, nn, "WARC-Target-URI")) set_field(&rec->uri, v, vn);
        else if (warc_name_is(line, nn, "WARC-Date")) set_field(&rec->date, v, vn);
        else if (warc_name_is(line, nn, "Content-Type")) set_field(&rec->content_type, v, vn);
        else if (warc_name_is(line, nn, "Content-Length")) {
            if (!parse_length(v, vn, length)) return warc_fail(w, -1, "bad Content-Length");
            have_length = true;
        }
    }
    if (!have_length) return warc_fail(w, -1, "record without Content-Length");
    if (rec->uri.failed || rec->date.failed || rec->content_type.failed) return -2;
    return 0;
}

static int read_block(warc_reader *w, tbuf *block, size_t length)
{
    tbuf_clear(block);
    if (!tbuf_reserve(block, length)) return -2;
    while (block->len < length) {
        if (w->pos == w->len) {
            int rc = fill(w);
            if (rc < 0) return rc;
            if (rc == 0) return warc_fail(w, -1, "truncated record block");
        }
        size_t n = w->len - w->pos;
        if (n > length - block->len) n = length - block->len;
        tbuf_add(block, w->buf + w->pos, n);
        w->pos += n;
    }
    return 0;
}

int warc_next(warc_reader *w, warc_record *rec)
{
    w->err[0] = '\0';
    rec->type[0] = '\0';
    tbuf_clear(&rec->uri);
    tbuf_clear(&rec->date);
    tbuf_clear(&rec->content_type);
    size_t s, n;
    int rc;
    do { /* the blank lines that end the previous record */
        rc = next_line(w, &s, &n);
        if (rc <= 0) return rc;
    } while (n == 0);
    if (n < 5 || memcmp(w->buf + s, "WARC/", 5) != 0) return warc_fail(w, -1, "not a WARC record");
    size_t length = 0;
    rc = read_headers(w, rec, &length);
    if (rc) return rc;
    if (length > w->max_record) {
        snprintf(w->err, sizeof w->err, "record of %zu bytes past the limit of %zu", length,
                 w->max_record);
        return -1;
    }
    rc = read_block(w, &rec->block, length);
    return rc ? rc : 1;
}
