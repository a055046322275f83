/* The parsers of `scrub clean` (examples/tool/): JSON records, base64,
 * HTTP responses (content type, chunked coding, gzip/deflate) and the
 * streaming WARC reader, on inputs we write. */
#include <zlib.h>

#include "../examples/tool/http.c"
#include "../examples/tool/jsonl.c"
#include "../examples/tool/warc.c"

#include "test_util.h"

static jsonl_record rec;

static int parse(const char *line)
{
    return jsonl_parse(&rec, line, strlen(line));
}

START_TEST(json_records)
{
    const char *line = " {\"text\":\"a\\nb\\u4e2d\\ud83d\\ude00\\ud800x\",\"n\":-1.5e3,"
                       "\"o\":{\"k\":[true,null,\"}\"]},\"text\":\"last\"} ";
    ck_assert_int_eq(parse(line), 0);
    ck_assert_uint_eq(rec.count, 4);
    const jsonl_member *m = &rec.members[0];
    ck_assert_str_eq(jsonl_key(&rec, m), "text");
    /* \n, 中, U+1F600 from a pair, a lone surrogate becomes U+FFFD */
    ck_assert_str_eq(jsonl_str(&rec, m), "a\nb中\xF0\x9F\x98\x80\xEF\xBF\xBDx");
    ck_assert_str_eq(jsonl_str(&rec, jsonl_get(&rec, "text")), "last"); /* the last wins */
    const jsonl_member *o = jsonl_get(&rec, "o");
    ck_assert_int_eq(o->type, JSONL_OTHER);
    ck_assert_int_eq((int)o->raw_len, (int)strlen("{\"k\":[true,null,\"}\"]}"));
    ck_assert(memcmp(line + o->raw_off, "{\"k\":[true,null,\"}\"]}", o->raw_len) == 0);
    ck_assert_ptr_null(jsonl_get(&rec, "missing"));

    static const char *const bad[] = {
        "", "[]", "{\"a\":1", "{\"a\" 1}", "{\"a\":01}", "{\"a\":tru}", "{\"a\":\"\x01\"}",
        "{\"a\":\"\\x\"}", "{\"a\":1} x", "{a:1}", "{\"a\":\"\xC3\x28\"}", "{\"a\":1,}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ck_assert_msg(parse(bad[i]) == -1, "accepted: %s", bad[i]);
        ck_assert_msg(rec.error[0], "no reason for: %s", bad[i]);
    }
    /* nesting is bounded, not recursion without end */
    char deep[4000];
    size_t n = 0;
    n += (size_t)sprintf(deep, "{\"a\":");
    while (n < sizeof deep - 10) deep[n++] = '[';
    deep[n] = '\0';
    ck_assert_int_eq(parse(deep), -1);
    ck_assert_ptr_nonnull(strstr(rec.error, "deep"));
    jsonl_free(&rec);
}
END_TEST

/* Strings are checked 16 bytes a step: a character cut by a block's end,
 * a bad byte and an escape must come out the same at every offset. */
START_TEST(json_strings_at_every_alignment)
{
    for (size_t k = 0; k < 40; k++) {
        char line[160], pad[48], want[96];
        memset(pad, 'a', k);
        pad[k] = '\0';
        /* 中 (3 bytes), é (2), 😀 (4), a \n escape, then CJK past a block */
        snprintf(line, sizeof line, "{\"text\":\"%s中é\xF0\x9F\x98\x80\\n中文中文中文,1\"}", pad);
        ck_assert_int_eq(parse(line), 0);
        snprintf(want, sizeof want, "%s中é\xF0\x9F\x98\x80\n中文中文中文,1", pad);
        ck_assert_str_eq(jsonl_str(&rec, jsonl_get(&rec, "text")), want);
        /* a three-byte character missing its last byte, then a quote */
        snprintf(line, sizeof line, "{\"text\":\"%s中文\xE4\xB8\"}", pad);
        ck_assert_int_eq(parse(line), -1);
        snprintf(want, sizeof want, "invalid UTF-8 at byte %zu", 9 + k + 6 + 1);
        ck_assert_str_eq(rec.error, want);
        /* ED A0 80 encodes a surrogate: not UTF-8 */
        snprintf(line, sizeof line, "{\"text\":\"%s中\xED\xA0\x80中文中文中文\"}", pad);
        ck_assert_int_eq(parse(line), -1);
        snprintf(want, sizeof want, "invalid UTF-8 at byte %zu", 9 + k + 3 + 1);
        ck_assert_str_eq(rec.error, want);
        snprintf(line, sizeof line, "{\"text\":\"%s中文\x01\"}", pad);
        ck_assert_int_eq(parse(line), -1);
        snprintf(want, sizeof want, "control character in string at byte %zu", 9 + k + 6 + 1);
        ck_assert_str_eq(rec.error, want);
        tbuf b = {0};
        snprintf(line, sizeof line, "%s中\x01文\xFF", pad);
        jsonl_put_string(&b, line, strlen(line));
        snprintf(want, sizeof want, "\"%s中\\u0001文\xEF\xBF\xBD\"", pad);
        ck_assert_str_eq(b.data, want);
        tbuf_free(&b);
    }
    jsonl_free(&rec);
}
END_TEST

START_TEST(json_writer_and_base64)
{
    tbuf b = {0};
    jsonl_put_string(&b, "q\"\\\t\x01 中\xFF", 10);
    ck_assert_str_eq(b.data, "\"q\\\"\\\\\\t\\u0001 中\xEF\xBF\xBD\"");
    tbuf_free(&b);
    tbuf out = {0};
    ck_assert(jsonl_base64_decode("5L2g5aW9", 8, &out));
    ck_assert_str_eq(out.data, "你好");
    tbuf_clear(&out);
    ck_assert(jsonl_base64_decode("YW Jj\nZA==", 10, &out)); /* whitespace, padding */
    ck_assert_str_eq(out.data, "abcd");
    tbuf_clear(&out);
    ck_assert(jsonl_base64_decode("-_8", 3, &out)); /* URL-safe, no padding */
    ck_assert_uint_eq(out.len, 2);
    ck_assert_int_eq((unsigned char)out.data[0], 0xFB);
    ck_assert_int_eq((unsigned char)out.data[1], 0xFF);
    tbuf_clear(&out);
    ck_assert(!jsonl_base64_decode("abc*", 4, &out));
    tbuf_clear(&out);
    ck_assert(!jsonl_base64_decode("a", 1, &out));
    tbuf_clear(&out);
    ck_assert(!jsonl_base64_decode("YQ==YQ", 6, &out));
    tbuf_free(&out);
}
END_TEST

START_TEST(http_content_type)
{
    char type[32], cs[16];
    const char *v = " Text/HTML ; q=1; CharSet=\"GB2312\" ";
    http_parse_content_type(v, strlen(v), type, sizeof type, cs, sizeof cs);
    ck_assert_str_eq(type, "text/html");
    ck_assert_str_eq(cs, "GB2312");
    v = "application/xhtml+xml";
    http_parse_content_type(v, strlen(v), type, sizeof type, cs, sizeof cs);
    ck_assert_str_eq(type, "application/xhtml+xml");
    ck_assert_str_eq(cs, "");
    v = "text/plain;charset=averyveryverylongcharsetname";
    http_parse_content_type(v, strlen(v), type, sizeof type, cs, sizeof cs);
    ck_assert_uint_eq(strlen(cs), sizeof cs - 1); /* cut, still terminated */
}
END_TEST

static size_t deflate_to(const char *s, int window, char *out, size_t cap)
{
    z_stream z = {0};
    ck_assert_int_eq(deflateInit2(&z, 6, Z_DEFLATED, window, 8, Z_DEFAULT_STRATEGY), Z_OK);
    z.next_in = (Bytef *)s;
    z.avail_in = (uInt)strlen(s);
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)cap;
    ck_assert_int_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t n = cap - z.avail_out;
    deflateEnd(&z);
    return n;
}

static void check_body(const char *head, const char *body, size_t body_len, const char *want)
{
    char block[4096];
    size_t hn = strlen(head);
    memcpy(block, head, hn);
    memcpy(block + hn, body, body_len);
    http_response r;
    ck_assert(http_parse_response(block, hn + body_len, &r));
    ck_assert_uint_eq(r.body_off, hn);
    tbuf out = {0};
    char err[128];
    ck_assert_int_eq(http_body(&r, block, hn + body_len, 1 << 20, &out, err, sizeof err), 0);
    ck_assert_uint_eq(out.len, strlen(want));
    ck_assert(memcmp(out.data, want, out.len) == 0);
    tbuf_free(&out);
}

START_TEST(http_bodies)
{
    const char *page = "<p>城南街道在中心广场举办垃圾分类宣传活动。</p>";
    check_body("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", page, strlen(page), page);
    const char *chunks = "6\r\n<p>城\r\n1E;ext=1\r\n南街道在中心广场举办\r\n0\r\nX-Trailer: 1\r\n\r\n";
    check_body("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", chunks, strlen(chunks),
               "<p>城南街道在中心广场举办");
    /* claims chunked, is not: taken as it is */
    check_body("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n", page, strlen(page), page);
    char z[2048];
    size_t n = deflate_to(page, 15 + 16, z, sizeof z);
    check_body("HTTP/1.1 200 OK\r\nContent-Encoding: x-gzip\r\n\r\n", z, n, page);
    n = deflate_to(page, 15, z, sizeof z);
    check_body("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n", z, n, page);
    n = deflate_to(page, -15, z, sizeof z); /* raw deflate, as some servers send */
    check_body("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n", z, n, page);

    http_response r;
    ck_assert(!http_parse_response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", 42, &r));
    ck_assert(!http_parse_response("GET / HTTP/1.1\r\n\r\n", 18, &r));
    const char *br = "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx";
    ck_assert(http_parse_response(br, strlen(br), &r));
    tbuf out = {0};
    char err[128];
    ck_assert_int_eq(http_body(&r, br, strlen(br), 1 << 20, &out, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "Content-Encoding"));
    /* a bomb stops at the limit */
    static char zeros[1 << 16];
    z_stream zs = {0};
    static char packed[1 << 12];
    deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    zs.next_in = (Bytef *)zeros;
    zs.avail_in = sizeof zeros;
    zs.next_out = (Bytef *)packed;
    zs.avail_out = sizeof packed;
    deflate(&zs, Z_FINISH);
    size_t pn = sizeof packed - zs.avail_out;
    deflateEnd(&zs);
    char block[8192];
    const char *head = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n";
    memcpy(block, head, strlen(head));
    memcpy(block + strlen(head), packed, pn);
    ck_assert(http_parse_response(block, strlen(head) + pn, &r));
    ck_assert_int_eq(http_body(&r, block, strlen(head) + pn, 1000, &out, err, sizeof err), -2);
    tbuf_free(&out);
}
END_TEST

typedef struct {
    const char *data;
    size_t len, pos;
} mem_source;

static size_t mem_read(void *arg, void *buf, size_t n)
{
    mem_source *m = arg;
    if (n > 7) n = 7; /* tiny reads: records straddle every buffer edge */
    if (n > m->len - m->pos) n = m->len - m->pos;
    memcpy(buf, m->data + m->pos, n);
    m->pos += n;
    return n;
}

#define REC(type, extra, body)                                                             \
    "WARC/1.1\r\nWARC-Type: " type "\r\n" extra "Content-Length: %zu\r\n\r\n" body "\r\n\r\n"

START_TEST(warc_records)
{
    char file[2048];
    const char *b1 = "正文第一段", *b2 = "";
    int n = snprintf(file, sizeof file,
                     REC("resource", "WARC-Target-URI: <file:///a.txt>\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
                                     "Content-Type: text/plain\r\n", "%s")
                         REC("metadata", "", "%s"),
                     strlen(b1), b1, strlen(b2), b2);
    mem_source src = {file, (size_t)n, 0};
    warc_reader *w = warc_open(mem_read, &src, 1 << 20);
    warc_record r = {0};
    ck_assert_int_eq(warc_next(w, &r), 1);
    ck_assert_str_eq(r.type, "resource");
    ck_assert_str_eq(r.uri.data, "file:///a.txt");
    ck_assert_str_eq(r.date.data, "2024-01-01T00:00:00Z");
    ck_assert_str_eq(r.content_type.data, "text/plain");
    ck_assert_uint_eq(r.block.len, strlen(b1));
    ck_assert(memcmp(r.block.data, b1, r.block.len) == 0);
    ck_assert_int_eq(warc_next(w, &r), 1);
    ck_assert_str_eq(r.type, "metadata");
    ck_assert_uint_eq(r.block.len, 0);
    ck_assert_int_eq(warc_next(w, &r), 0);
    warc_close(w);

    /* truncated, and too large */
    src = (mem_source){file, (size_t)n - 20, 0};
    w = warc_open(mem_read, &src, 1 << 20);
    ck_assert_int_eq(warc_next(w, &r), 1);
    ck_assert_int_eq(warc_next(w, &r), -1);
    ck_assert_ptr_nonnull(strstr(warc_error(w), "truncated"));
    warc_close(w);
    src = (mem_source){file, (size_t)n, 0};
    w = warc_open(mem_read, &src, 4);
    ck_assert_int_eq(warc_next(w, &r), -1);
    ck_assert_ptr_nonnull(strstr(warc_error(w), "limit"));
    warc_close(w);
    src = (mem_source){"HTTP/1.1 200 OK\r\n\r\n", 19, 0};
    w = warc_open(mem_read, &src, 1 << 20);
    ck_assert_int_eq(warc_next(w, &r), -1);
    ck_assert_ptr_nonnull(strstr(warc_error(w), "not a WARC"));
    warc_close(w);
    warc_record_free(&r);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("clean-parsers");
    TCase *tc = tcase_create("parsers");
    tcase_add_test(tc, json_records);
    tcase_add_test(tc, json_strings_at_every_alignment);
    tcase_add_test(tc, json_writer_and_base64);
    tcase_add_test(tc, http_content_type);
    tcase_add_test(tc, http_bodies);
    tcase_add_test(tc, warc_records);
    suite_add_tcase(s, tc);
    return s;
}

SCRUB_TEST_MAIN(make_suite)
