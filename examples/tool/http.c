/* http.c -- HTTP responses stored in WARC records; see http.h. */
#include "http.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>

static bool name_is(const char *s, size_t n, const char *name)
{
    return strlen(name) == n && strncasecmp(s, name, n) == 0;
}

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t')) (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r')) (*n)--;
}

static void copy_lower(char *dst, size_t size, const char *s, size_t n)
{
    if (!dst || !size) return;
    if (n >= size) n = size - 1;
    for (size_t i = 0; i < n; i++) dst[i] = (char)tolower((unsigned char)s[i]);
    dst[n] = '\0';
}

void http_parse_content_type(const char *value, size_t len, char *type, size_t type_size,
                             char *charset, size_t charset_size)
{
    if (charset && charset_size) charset[0] = '\0';
    const char *semi = memchr(value, ';', len);
    const char *t = value;
    size_t tn = semi ? (size_t)(semi - value) : len;
    trim(&t, &tn);
    copy_lower(type, type_size, t, tn);
    while (semi) {
        const char *p = semi + 1;
        size_t rest = len - (size_t)(p - value);
        semi = memchr(p, ';', rest);
        size_t pn = semi ? (size_t)(semi - p) : rest;
        const char *eq = memchr(p, '=', pn);
        if (!eq) continue;
        const char *k = p;
        size_t kn = (size_t)(eq - p);
        trim(&k, &kn);
        if (!name_is(k, kn, "charset")) continue;
        const char *v = eq + 1;
        size_t vn = (size_t)(p + pn - v);
        trim(&v, &vn);
        if (vn >= 2 && (v[0] == '"' || v[0] == '\'') && v[vn - 1] == v[0]) v++, vn -= 2;
        if (charset && charset_size) {
            if (vn >= charset_size) vn = charset_size - 1;
            memcpy(charset, v, vn);
            charset[vn] = '\0';
        }
        return;
    }
}

static bool has_token(const char *s, size_t n, const char *token)
{
    size_t tn = strlen(token);
    for (size_t i = 0; i + tn <= n; i++)
        if (strncasecmp(s + i, token, tn) == 0) return true;
    return false;
}

static void header(http_response *r, const char *name, size_t nn, const char *v, size_t vn)
{
    trim(&v, &vn);
    if (name_is(name, nn, "content-type"))
        http_parse_content_type(v, vn, r->content_type, sizeof r->content_type, r->charset,
                                sizeof r->charset);
    else if (name_is(name, nn, "transfer-encoding"))
        r->chunked = has_token(v, vn, "chunked");
    else if (name_is(name, nn, "content-encoding")) {
        if (vn == 0 || name_is(v, vn, "identity")) r->content_encoding = HTTP_CE_IDENTITY;
        else if (name_is(v, vn, "gzip") || name_is(v, vn, "x-gzip"))
            r->content_encoding = HTTP_CE_GZIP;
        else if (name_is(v, vn, "deflate")) r->content_encoding = HTTP_CE_DEFLATE;
        else r->content_encoding = HTTP_CE_BR_OR_OTHER;
    }
}

bool http_parse_response(const char *block, size_t len, http_response *r)
{
    memset(r, 0, sizeof *r);
    if (len < 5 || memcmp(block, "HTTP/", 5) != 0) return false;
    const char *nl = memchr(block, '\n', len);
    if (!nl) return false;
    const char *sp = memchr(block, ' ', (size_t)(nl - block));
    if (sp) {
        int status = 0, digits = 0;
        for (const char *p = sp + 1; p < nl && isdigit((unsigned char)*p) && digits < 3; p++)
            status = status * 10 + (*p - '0'), digits++;
        r->status = digits == 3 ? status : 0;
    }
    size_t pos = (size_t)(nl - block) + 1;
    while (pos < len) {
        const char *line = block + pos;
        const char *end = memchr(line, '\n', len - pos);
        if (!end) return false;
        size_t n = (size_t)(end - line);
        pos += n + 1;
        if (n && line[n - 1] == '\r') n--;
        if (n == 0) {
            r->body_off = pos;
            return true;
        }
        const char *colon = memchr(line, ':', n);
        if (!colon) continue; /* folded or junk lines carry nothing we use */
        header(r, line, (size_t)(colon - line), colon + 1, n - (size_t)(colon - line) - 1);
    }
    return false;
}

/* Undoes chunked coding into out; false if the data is not chunked. */
static bool dechunk(const char *s, size_t len, tbuf *out)
{
    size_t pos = 0;
    while (pos < len) {
        size_t size = 0;
        int digits = 0;
        while (pos < len && isxdigit((unsigned char)s[pos])) {
            if (size > ((size_t)-1) / 32) return false;
            int c = tolower((unsigned char)s[pos++]);
            size = size * 16 + (size_t)(c <= '9' ? c - '0' : c - 'a' + 10);
            digits++;
        }
        if (!digits) return false;
        const char *nl = memchr(s + pos, '\n', len - pos);
        if (!nl) return size == 0;
        pos = (size_t)(nl - s) + 1;
        if (size == 0) return true; /* trailers ignored */
        size_t take = size <= len - pos ? size : len - pos; /* truncated records keep what is there */
        tbuf_add(out, s + pos, take);
        pos += take;
        if (pos < len && s[pos] == '\r') pos++;
        if (pos < len && s[pos] == '\n') pos++;
    }
    return true;
}

static int inflate_all(const char *s, size_t len, int window, size_t limit, tbuf *out, char *err,
                       size_t err_size)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, window) != Z_OK) return -2;
    z.next_in = (Bytef *)s;
    size_t fed = 0;
    int rc = Z_OK, status = 0;
    size_t start = out->len;
    while (rc == Z_OK) {
        if (z.avail_in == 0) {
            size_t n = len - fed < (1u << 30) ? len - fed : (1u << 30);
            if (n == 0) break; /* truncated: keep what inflated */
            z.next_in = (Bytef *)(s + fed);
            z.avail_in = (uInt)n;
            fed += n;
        }
        if (!tbuf_reserve(out, 1 << 16)) {
            status = -2;
            break;
        }
        z.next_out = (Bytef *)(out->data + out->len);
        z.avail_out = (uInt)(out->cap - out->len - 1);
        uInt before = z.avail_out;
        rc = inflate(&z, Z_NO_FLUSH);
        out->len += before - z.avail_out;
        out->data[out->len] = '\0';
        if (out->len - start > limit) {
            snprintf(err, err_size, "decompressed body past %zu bytes", limit);
            status = -2;
            break;
        }
        if (rc == Z_BUF_ERROR && z.avail_in == 0 && fed == len) break;
        if (rc == Z_BUF_ERROR) rc = Z_OK;
    }
    if (!status && rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
        snprintf(err, err_size, "compressed body unreadable (%s)", z.msg ? z.msg : "zlib error");
        status = -1;
    }
    inflateEnd(&z);
    return status;
}

int http_body(const http_response *r, const char *block, size_t len, size_t limit, tbuf *out,
              char *err, size_t err_size)
{
    if (err_size) err[0] = '\0';
    const char *body = block + (r->body_off <= len ? r->body_off : len);
    size_t blen = len - (size_t)(body - block);
    tbuf plain = {0};
    if (r->chunked && dechunk(body, blen, &plain)) {
        if (plain.failed) return -2;
        body = plain.data ? plain.data : "";
        blen = plain.len;
    }
    int rc = 0;
    switch (r->content_encoding) {
    case HTTP_CE_IDENTITY:
        if (blen > limit) {
            snprintf(err, err_size, "body past %zu bytes", limit);
            rc = -2;
        } else {
            tbuf_add(out, body, blen);
            rc = out->failed ? -2 : 0;
        }
        break;
    case HTTP_CE_GZIP: rc = inflate_all(body, blen, 15 + 32, limit, out, err, err_size); break;
    case HTTP_CE_DEFLATE: {
        /* "deflate" should be zlib-wrapped, but servers often send raw deflate */
        size_t mark = out->len;
        rc = inflate_all(body, blen, 15, limit, out, err, err_size);
        if (rc == -1) {
            out->len = mark;
            rc = inflate_all(body, blen, -15, limit, out, err, err_size);
        }
        break;
    }
    default:
        snprintf(err, err_size, "unsupported Content-Encoding");
        rc = -1;
    }
    tbuf_free(&plain);
    return rc;
}
