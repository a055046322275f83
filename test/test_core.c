/* Core contract: versions, status codes, contexts, parameters, UTF-8 and
 * line helpers, allocation failure. */
#include "test_util.h"

#include "internal.h"

START_TEST(version_matches_header)
{
    ck_assert_int_eq(scrub_version_number(), SCRUB_VERSION_NUMBER);
    char want[32];
    snprintf(want, sizeof want, "%d.%d.%d", SCRUB_VERSION_MAJOR, SCRUB_VERSION_MINOR,
             SCRUB_VERSION_PATCH);
    ck_assert_str_eq(scrub_version_string(), want);
    const char *info = scrub_build_info();
    ck_assert_ptr_nonnull(strstr(info, want));
    ck_assert_ptr_nonnull(strstr(info, "ICU "));
    ck_assert_ptr_nonnull(strstr(info, "Unicode "));
    ck_assert_ptr_nonnull(strstr(info, "libxml2 "));
}
END_TEST

START_TEST(status_values_are_pinned)
{
    ck_assert_int_eq(SCRUB_OK, 0);
    ck_assert_int_eq(SCRUB_E_INVALID_ARG, -1);
    ck_assert_int_eq(SCRUB_E_NOMEM, -2);
    ck_assert_int_eq(SCRUB_E_ENCODING, -3);
    ck_assert_int_eq(SCRUB_E_TOO_LARGE, -4);
    ck_assert_int_eq(SCRUB_E_INTERNAL, -5);
    ck_assert_int_eq(SCRUB_E_IO, -6);
    ck_assert_int_eq(SCRUB_E_FORMAT, -7);
    ck_assert_int_eq(SCRUB_PARAM_MAX_INPUT, 1);
    ck_assert_int_eq(SCRUB_PARAM_MAX_LINE, 2);
    ck_assert_int_eq(SCRUB_PARAM_MAX_DEPTH, 3);
    ck_assert_uint_eq(SCRUB_HINT_IN_NAV, 1u);
    ck_assert_uint_eq(SCRUB_HINT_TITLE, 1u << 17);
    ck_assert_int_eq(SCRUB_HINT_LINK_SHARE_SHIFT, 24);
}
END_TEST

START_TEST(strerror_names_every_value)
{
    const char *seen[8] = {0};
    for (int st = 0; st >= -7; st--) {
        const char *msg = scrub_strerror(st);
        ck_assert_ptr_nonnull(msg);
        ck_assert_str_ne(msg, "unknown status");
        for (int j = 0; j < -st; j++) ck_assert_str_ne(msg, seen[j]);
        seen[-st] = msg;
    }
    ck_assert_str_eq(scrub_strerror(-8), "unknown status");
    ck_assert_str_eq(scrub_strerror(1), "unknown status");
    ck_assert_str_eq(scrub_strerror(-2147483647 - 1), "unknown status");
}
END_TEST

START_TEST(ctx_params)
{
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_ptr_nonnull(ctx);
    int64_t v = 0;
    ck_assert_status(scrub_ctx_get(ctx, SCRUB_PARAM_MAX_INPUT, &v), SCRUB_OK);
    ck_assert_int_eq(v, (int64_t)256 << 20);
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_MAX_INPUT, 1000), SCRUB_OK);
    ck_assert_status(scrub_ctx_get(ctx, SCRUB_PARAM_MAX_INPUT, &v), SCRUB_OK);
    ck_assert_int_eq(v, 1000);
    ck_assert_str_eq(scrub_ctx_errmsg(ctx), "");

    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_MAX_INPUT, 0), SCRUB_E_INVALID_ARG);
    ck_assert_ptr_nonnull(strstr(scrub_ctx_errmsg(ctx), "not 0"));
    ck_assert_status(scrub_ctx_get(ctx, SCRUB_PARAM_MAX_INPUT, &v), SCRUB_OK);
    ck_assert_int_eq(v, 1000); /* unchanged */

    ck_assert_status(scrub_ctx_set(ctx, 99999, 1), SCRUB_E_INVALID_ARG);
    ck_assert_ptr_nonnull(strstr(scrub_ctx_errmsg(ctx), "unknown parameter 99999"));
    ck_assert_status(scrub_ctx_get(ctx, 99999, &v), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_ctx_get(ctx, SCRUB_PARAM_MAX_DEPTH, NULL), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_ctx_set(NULL, SCRUB_PARAM_MAX_DEPTH, 20), SCRUB_E_INVALID_ARG);

    scrub_ctx_reset(ctx);
    ck_assert_status(scrub_ctx_get(ctx, SCRUB_PARAM_MAX_INPUT, &v), SCRUB_OK);
    ck_assert_int_eq(v, (int64_t)256 << 20);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(null_safety)
{
    scrub_ctx_free(NULL);
    scrub_free(NULL);
    scrub_ctx_reset(NULL);
    ck_assert_str_eq(scrub_ctx_errmsg(NULL), "");
    ck_assert_uint_eq(scrub_ctx_replacements(NULL), 0);
}
END_TEST

START_TEST(ctx_new_out_of_memory)
{
    scrub__alloc_fail_at(1);
    scrub_ctx *ctx = scrub_ctx_new();
    scrub__alloc_fail_at(0);
    ck_assert_ptr_null(ctx);
    ctx = scrub_ctx_new();
    ck_assert_ptr_nonnull(ctx);
    scrub_ctx_free(ctx);
}
END_TEST

static void sanitize(const char *in, size_t len, const char *want, size_t want_replaced)
{
    scrub__buf b = SCRUB__BUF_INIT;
    size_t replaced = 0;
    ck_assert_status(scrub__utf8_sanitize(&b, in, len, &replaced), SCRUB_OK);
    ck_assert_mem_eq_str(b.data, b.len, want);
    ck_assert_uint_eq(replaced, want_replaced);
    scrub__buf_free(&b);
}

START_TEST(utf8_maximal_subparts)
{
    sanitize("abc", 3, "abc", 0);
    sanitize("中文", 6, "中文", 0);
    /* a lone continuation byte, an overlong, a surrogate, a truncated tail */
    sanitize("a\x80z", 3, "a\xEF\xBF\xBDz", 1);
    sanitize("\xC0\xAF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2);
    sanitize("\xED\xA0\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3);
    sanitize("\xE4\xB8", 2, "\xEF\xBF\xBD", 1);
    sanitize("\xF0\x9F\x98\x80", 4, "\xF0\x9F\x98\x80", 0);
    sanitize("\xF4\x90\x80\x80", 4, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4);
    /* U+FFFD already in the text is valid and not counted */
    sanitize("\xEF\xBF\xBD", 3, "\xEF\xBF\xBD", 0);
}
END_TEST

/* The validator checks sequences without decoding them; it must agree
 * with the decoder on every sequence of up to three bytes and on the
 * four-byte ones, wherever the sequence sits (the word-at-a-time paths
 * start 16 bytes before the end). */
static size_t decoder_prefix(const unsigned char *p, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = scrub__utf8_decode(p + i, len - i, &cp);
        if (cp == SCRUB__REPLACEMENT && !(n == 3 && p[i] == 0xEF && p[i + 1] == 0xBF && p[i + 2] == 0xBD))
            return i;
        i += n;
    }
    return len;
}

static void agree(const unsigned char *seq, size_t n, const char *lead)
{
    unsigned char buf[64];
    size_t at = strlen(lead);
    memcpy(buf, lead, at);
    memcpy(buf + at, seq, n);
    memcpy(buf + at + n, "tail of ascii text, more", 24);
    size_t lens[] = {at + n, at + n + 1, at + n + 24};
    for (size_t k = 0; k < 3; k++) {
        size_t got = scrub__utf8_valid_prefix((const char *)buf, lens[k]);
        size_t want = decoder_prefix(buf, lens[k]);
        /* Check records every assertion: assert only on a difference */
        if (got != want) ck_assert_uint_eq(got, want);
    }
}

START_TEST(utf8_validator_agrees_with_decoder)
{
    static const char *const leads[] = {"", "\xE4\xB8\xAD\xE6\x96\x87", "ascii-prefix-of-20-b"};
    unsigned char seq[4];
    for (size_t l = 0; l < 3; l++) {
        for (unsigned a = 0; a < 256; a++) {
            seq[0] = (unsigned char)a;
            agree(seq, 1, leads[l]);
            for (unsigned b = 0; b < 256; b++) {
                seq[1] = (unsigned char)b;
                agree(seq, 2, leads[l]);
                /* the other positions: the boundary continuation bytes */
                if (a < 0xE0 || (l && b != 0x80 && b != 0x9F && b != 0xA0 && b != 0xBF)) continue;
                for (unsigned c = 0; c < 256; c++) {
                    seq[2] = (unsigned char)c;
                    agree(seq, 3, leads[l]);
                    if (a < 0xF0 || (c & 0x0F)) continue;
                    for (unsigned d = 0x70; d < 0xD0; d += 0x10) {
                        seq[3] = (unsigned char)d;
                        agree(seq, 4, leads[l]);
                    }
                }
            }
        }
    }
}
END_TEST

/* The block path (16 bytes at a time over ASCII and CJK): one damaged byte
 * anywhere in Chinese text, at every alignment, so that a sequence cut by
 * a block's end and a damage in the next block are both seen. */
START_TEST(utf8_validator_blocks_agree_with_decoder)
{
    static const char text[] = "中文，測試。abc天地玄黃\n宇宙洪荒（一）日月盈昃辰宿列張";
    static const unsigned char damage[] = {0x80, 0xBF, 0xC3, 0xE0, 0xED, 0xE4, 0xF0, 0xFF, 'a', '\n'};
    unsigned char buf[128];
    for (size_t shift = 0; shift < 16; shift++) {
        memset(buf, 'x', shift);
        size_t len = shift + sizeof text - 1;
        for (size_t at = shift; at < len; at++) {
            for (size_t d = 0; d < sizeof damage; d++) {
                memcpy(buf + shift, text, sizeof text - 1);
                buf[at] = damage[d];
                for (size_t cut = len - 2; cut <= len; cut++) {
                    size_t got = scrub__utf8_valid_prefix((const char *)buf, cut);
                    size_t want = decoder_prefix(buf, cut);
                    if (got != want) ck_assert_uint_eq(got, want);
                }
            }
        }
    }
}
END_TEST

START_TEST(utf8_nul_kept)
{
    scrub__buf b = SCRUB__BUF_INIT;
    size_t replaced = 0;
    ck_assert_status(scrub__utf8_sanitize(&b, "a\0b", 3, &replaced), SCRUB_OK);
    ck_assert_uint_eq(b.len, 3);
    ck_assert(memcmp(b.data, "a\0b", 3) == 0);
    scrub__buf_free(&b);
}
END_TEST

START_TEST(utf8_encode_round_trip)
{
    const uint32_t cps[] = {0, 0x7F, 0x80, 0x7FF, 0x800, 0x4E2D, 0xFFFF, 0x10000, 0x10FFFF};
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        char buf[4];
        size_t n = scrub__utf8_encode(cps[i], buf);
        uint32_t back;
        ck_assert_uint_eq(scrub__utf8_decode((const unsigned char *)buf, n, &back), n);
        ck_assert_uint_eq(back, cps[i]);
    }
    char buf[4];
    ck_assert_uint_eq(scrub__utf8_encode(0xD800, buf), 3);
    ck_assert(memcmp(buf, "\xEF\xBF\xBD", 3) == 0);
}
END_TEST

START_TEST(lines_follow_text_policy)
{
    const char text[] = "one\r\ntwo\rstill two\n\nlast";
    scrub__line ln;
    size_t pos = 0;
    const char *want[] = {"one", "two\rstill two", "", "last"};
    int n = 0;
    while (scrub__next_line(text, sizeof text - 1, pos, &ln)) {
        ck_assert_int_lt(n, 4);
        ck_assert_mem_eq_str(text + ln.start, ln.len, want[n]);
        pos = ln.next;
        n++;
    }
    ck_assert_int_eq(n, 4);
}
END_TEST

static int once_calls;
static int once_fail_first(void)
{
    return ++once_calls == 1 ? SCRUB_E_NOMEM : SCRUB_OK;
}

START_TEST(once_retries_after_failure)
{
    static scrub__once once = SCRUB__ONCE_INIT;
    ck_assert_status(scrub__run_once(&once, once_fail_first), SCRUB_E_NOMEM);
    ck_assert_status(scrub__run_once(&once, once_fail_first), SCRUB_OK);
    ck_assert_status(scrub__run_once(&once, once_fail_first), SCRUB_OK);
    ck_assert_int_eq(once_calls, 2);
}
END_TEST

static Suite *core_suite(void)
{
    Suite *s = suite_create("core");
    TCase *tc = tcase_create("api");
    tcase_add_test(tc, version_matches_header);
    tcase_add_test(tc, status_values_are_pinned);
    tcase_add_test(tc, strerror_names_every_value);
    tcase_add_test(tc, ctx_params);
    tcase_add_test(tc, null_safety);
    tcase_add_test(tc, ctx_new_out_of_memory);
    suite_add_tcase(s, tc);
    tc = tcase_create("helpers");
    tcase_add_test(tc, utf8_maximal_subparts);
    tcase_add_test(tc, utf8_nul_kept);
    tcase_add_test(tc, utf8_validator_agrees_with_decoder);
    tcase_add_test(tc, utf8_validator_blocks_agree_with_decoder);
    tcase_add_test(tc, utf8_encode_round_trip);
    tcase_add_test(tc, lines_follow_text_policy);
    tcase_add_test(tc, once_retries_after_failure);
    suite_add_tcase(s, tc);
    return s;
}

SCRUB_TEST_MAIN(core_suite)
