/* Filter stage: labels, policy, inline spam, document score, lexicon,
 * linestats, hints, errors and allocation failure.  All fixtures are text
 * written for this suite (Simplified and Traditional). */
#include "test_util.h"

#include <stdbool.h>
#include <unistd.h>

/* A small news page in Simplified Chinese, one line per role. */
static const char *PAGE_HANS =
    "本地新闻网\n"                                                 /* 0 nav */
    "当前位置：首页 > 新闻中心 > 本地新闻\n"                      /* 1 nav */
    "城东社区卫生服务中心开通夜间门诊\n"                          /* 2 heading */
    "2024-03-05 09:30 来源：城东日报 作者：李明\n"                /* 3 meta */
    "\n"                                                           /* 4 blank */
    "为方便上班族就医，城东社区卫生服务中心从本周起开通夜间门诊，每天开放到晚上九点。\n" /* 5 */
    "中心负责人介绍，夜间门诊设有全科、儿科和药房，居民可以通过手机提前预约。\n"       /* 6 */
    "预约方式\n"                                                   /* 7 heading */
    "居民可以在社区公众号上选择时段，到场后凭预约码直接就诊，不必重复排队。\n"         /* 8 */
    "▲夜间门诊的候诊区\n"                                          /* 9 caption */
    "开诊第一周，共有三百多位居民在晚上前来就诊，其中不少是刚下班的年轻人。\n"         /* 10 */
    "责任编辑：王芳\n"                                             /* 11 meta */
    "分享到：微信 微博 QQ空间\n"                                   /* 12 widget */
    "相关阅读\n"                                                   /* 13 related */
    "城西医院扩建工程开工\n"                                       /* 14 related */
    "咨询电话：0571-88886666\n"                                    /* 15 contact */
    "必威体育\n"                                                   /* 16 ad */
    "无码少妇视频,国产一区二区三区,亚洲欧美中文字幕,日韩精品\n"   /* 17 spam */
    "版权所有 © 2024 本地新闻网 浙ICP备12345678号\n"              /* 18 footer */
    "}\n";                                                         /* 19 artifact */

static const int LABELS_HANS[] = {
    SCRUB_LABEL_NAV,     SCRUB_LABEL_NAV,     SCRUB_LABEL_HEADING, SCRUB_LABEL_META,
    SCRUB_LABEL_BLANK,   SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_HEADING,
    SCRUB_LABEL_CONTENT, SCRUB_LABEL_CAPTION, SCRUB_LABEL_CONTENT, SCRUB_LABEL_META,
    SCRUB_LABEL_WIDGET,  SCRUB_LABEL_RELATED, SCRUB_LABEL_RELATED, SCRUB_LABEL_CONTACT,
    SCRUB_LABEL_AD,      SCRUB_LABEL_SPAM,    SCRUB_LABEL_FOOTER,  SCRUB_LABEL_ARTIFACT};

/* The same roles in Traditional Chinese. */
static const char *PAGE_HANT =
    "新聞中心\n"
    "您的位置：首頁 > 醫院新聞\n"
    "市立醫院舉辦健康講座\n"
    "發布時間：2023-11-20\n"
    "\n"
    "市立醫院上週六在社區活動中心舉辦健康講座，由心臟科醫師向居民介紹高血壓的日常管理。\n"
    "講座結束後，醫師們還為到場的長者免費量血壓，並解答了用藥方面的問題。\n"
    "下一場講座\n"
    "醫院表示，下一場講座將在下個月舉行，主題是糖尿病的飲食控制，歡迎居民報名參加。\n"
    "▲講座現場座無虛席\n"
    "參加講座的居民說，醫師講得很清楚，回家後會按照建議調整飲食和作息。\n"
    "責任編輯：陳小華\n"
    "掃一掃 手機端瀏覽\n"
    "相關閱讀\n"
    "市立醫院新大樓啟用\n"
    "諮詢電話：02-23456789\n"
    "歐寶體育\n"
    "無碼少婦,國產一區二區,亞洲歐美,日韓精品,成人影院\n"
    "版權所有 © 2023 市立醫院 京公網安備11010502030001號\n"
    "{\n";

static void check_labels(const char *page, const int *want, size_t n)
{
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, page, strlen(page), 0), SCRUB_OK);
    ck_assert_uint_eq(scrub_filter_line_count(ctx), n);
    for (size_t i = 0; i < n; i++) {
        int got = scrub_filter_line_label(ctx, i);
        ck_assert_msg(got == want[i], "line %zu: got %s (%s), expected %s", i,
                      scrub_label_name(got), scrub_filter_line_reason(ctx, i),
                      scrub_label_name(want[i]));
        double s = scrub_filter_line_score(ctx, i);
        bool keep = (SCRUB_KEEP_DEFAULT >> got) & 1u;
        ck_assert_msg(keep ? s >= 0.5 : s < 0.5, "line %zu: score %.3f vs label %s", i, s,
                      scrub_label_name(got));
        ck_assert_ptr_nonnull(scrub_filter_line_reason(ctx, i));
    }
    scrub_ctx_free(ctx);
}

START_TEST(labels_simplified)
{
    check_labels(PAGE_HANS, LABELS_HANS, sizeof LABELS_HANS / sizeof LABELS_HANS[0]);
}
END_TEST

START_TEST(labels_traditional)
{
    check_labels(PAGE_HANT, LABELS_HANS, sizeof LABELS_HANS / sizeof LABELS_HANS[0]);
}
END_TEST

START_TEST(label_names_are_pinned)
{
    static const char *names[] = {"content", "heading", "caption", "meta",   "nav",
                                  "related", "widget",  "footer",  "contact", "ad",
                                  "spam",    "artifact", "blank"};
    for (int i = 0; i < SCRUB_LABEL_COUNT; i++) {
        ck_assert_str_eq(scrub_label_name(i), names[i]);
        ck_assert_int_eq(scrub_label_from_name(names[i], strlen(names[i])), i);
    }
    ck_assert_int_eq(SCRUB_LABEL_BLANK, 12);
    ck_assert_int_eq(SCRUB_LABEL_AD, 9);
    ck_assert_ptr_null(scrub_label_name(13));
    ck_assert_ptr_null(scrub_label_name(-1));
    ck_assert_int_eq(scrub_label_from_name("spam_stuffing", 13), SCRUB_LABEL_SPAM);
    ck_assert_int_eq(scrub_label_from_name("HEADING", 7), SCRUB_LABEL_HEADING);
    ck_assert_int_eq(scrub_label_from_name("bogus", 5), SCRUB_E_INVALID_ARG);
    unsigned m = 0;
    ck_assert_status(scrub_label_mask_parse("content, meta", 13, &m), SCRUB_OK);
    ck_assert_uint_eq(m, SCRUB_LABEL_BIT(SCRUB_LABEL_CONTENT) | SCRUB_LABEL_BIT(SCRUB_LABEL_META));
    ck_assert_status(scrub_label_mask_parse("default", 7, &m), SCRUB_OK);
    ck_assert_uint_eq(m, SCRUB_KEEP_DEFAULT);
    ck_assert_status(scrub_label_mask_parse("content,nope", 12, &m), SCRUB_E_INVALID_ARG);
    ck_assert_int_eq(SCRUB_PARAM_FILTER_KEEP, 500);
}
END_TEST

/* A context that classified doc as a whole page with hints[0, n), one per
 * line (the document has n lines); free it with scrub_ctx_free. */
/* The hints of a whole page whose article the html stage guessed: a
 * linked menu, the page title's heading, lines [2, n - 1) in the guess
 * (SCRUB_HINT_IN_CANDIDATE), a footer last.  A fixture adds its classes. */
static void article_guess_hints(uint32_t *hints, size_t n)
{
    hints[0] = SCRUB_HINT_IN_NAV | 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    hints[1] = SCRUB_HINT_HEADING | SCRUB_HINT_TITLE;
    for (size_t i = 2; i + 1 < n; i++) hints[i] = SCRUB_HINT_IN_CANDIDATE;
    hints[n - 1] = SCRUB_HINT_IN_FOOTER;
}

static scrub_ctx *classify_page(const char *doc, const uint32_t *hints, size_t n)
{
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, n, NULL, 0), SCRUB_OK);
    ck_assert_uint_eq(scrub_filter_line_count(ctx), n);
    return ctx;
}

/* Lines [from, to) of document `doc` (a loop index), as ctx classified
 * it, are kept (or removed); a failure names the line, its label and
 * reason. */
static void expect_kept_range(scrub_ctx *ctx, int doc, size_t from, size_t to, bool kept)
{
    for (size_t i = from; i < to; i++)
        ck_assert_msg(scrub_filter_line_kept(ctx, i) == (int)kept, "doc %d line %zu %s: %s (%s)", doc,
                      i, kept ? "removed" : "kept", scrub_label_name(scrub_filter_line_label(ctx, i)),
                      scrub_filter_line_reason(ctx, i));
}

/* Line i of document `doc` (an index), as ctx classified it, has label
 * `label` and reason `reason`; a failure names what it got. */
static void expect_decided(scrub_ctx *ctx, size_t doc, size_t i, int label, const char *reason)
{
    ck_assert_msg(scrub_filter_line_label(ctx, i) == label, "doc %zu line %zu: %s (%s)", doc, i,
                  scrub_label_name(scrub_filter_line_label(ctx, i)),
                  scrub_filter_line_reason(ctx, i));
    ck_assert_str_eq(scrub_filter_line_reason(ctx, i), reason);
}

/* The lines of document `doc` listed in at[0, n) are removed, the others
 * kept. */
static void expect_removed_only(scrub_ctx *ctx, size_t doc, const size_t *at, size_t n)
{
    for (size_t i = 0; i < scrub_filter_line_count(ctx); i++) {
        bool listed = false;
        for (size_t k = 0; k < n; k++) listed |= at[k] == i;
        ck_assert_msg(scrub_filter_line_kept(ctx, i) == !listed, "doc %zu line %zu: %s (%s)", doc,
                      i, scrub_label_name(scrub_filter_line_label(ctx, i)),
                      scrub_filter_line_reason(ctx, i));
    }
}

/* Document `doc` (number d), classified alone: the lines listed in
 * at[0, n) are removed with label `label` and reason `reason`, the others
 * kept. */
static void expect_removed_as(scrub_ctx *ctx, const char *doc, size_t d, const size_t *at,
                              size_t n, int label, const char *reason)
{
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    for (size_t k = 0; k < n; k++) expect_decided(ctx, d, at[k], label, reason);
    expect_removed_only(ctx, d, at, n);
}

/* Lines [from, end) of document `doc` are kept, the one at `heading`
 * among them as a heading, and [end, to) are removed: an article with its
 * section title, and what follows it. */
static void expect_body_heading(scrub_ctx *ctx, int doc, size_t from, size_t heading, size_t end,
                                size_t to)
{
    expect_kept_range(ctx, doc, from, end, true);
    ck_assert_int_eq(scrub_filter_line_label(ctx, heading), SCRUB_LABEL_HEADING);
    expect_kept_range(ctx, doc, end, to, false);
}

/* Is line `at` of a whole document kept (the neighbours that decide it
 * are in the document)? */
static void expect_kept(const char *doc, size_t at, bool kept)
{
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_msg(scrub_filter_line_kept(ctx, at) == kept, "line %zu: %s (%s)", at,
                  scrub_label_name(scrub_filter_line_label(ctx, at)),
                  scrub_filter_line_reason(ctx, at));
    scrub_ctx_free(ctx);
}

static char *filter(scrub_ctx *ctx, const char *text, unsigned keep, unsigned flags)
{
    char *out;
    size_t n;
    ck_assert_status(scrub_filter_lines_ex(ctx, text, strlen(text), NULL, 0, NULL, keep, flags,
                                           &out, &n),
                     SCRUB_OK);
    ck_assert_uint_eq(strlen(out), n);
    return out;
}

START_TEST(policy_default_ctx_and_call)
{
    scrub_ctx *ctx = scrub_ctx_new();
    char *out = filter(ctx, PAGE_HANS, SCRUB_KEEP_FROM_CTX, 0);
    ck_assert_ptr_nonnull(strstr(out, "城东社区卫生服务中心开通夜间门诊\n"));
    ck_assert_ptr_nonnull(strstr(out, "▲夜间门诊的候诊区\n"));
    ck_assert_ptr_null(strstr(out, "责任编辑"));
    ck_assert_ptr_null(strstr(out, "ICP"));
    ck_assert_ptr_null(strstr(out, "必威"));
    scrub_free(out);
    /* meta removed from the body, readable through the accessors */
    ck_assert_int_eq(scrub_filter_line_label(ctx, 11), SCRUB_LABEL_META);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 11), 0);
    size_t s, n;
    ck_assert_status(scrub_filter_line_span(ctx, 11, &s, &n), SCRUB_OK);
    ck_assert_int_eq(memcmp(PAGE_HANS + s, "责任编辑：王芳", n), 0);
    /* per context */
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_FILTER_KEEP,
                                   SCRUB_KEEP_DEFAULT | SCRUB_LABEL_BIT(SCRUB_LABEL_META)),
                     SCRUB_OK);
    out = filter(ctx, PAGE_HANS, SCRUB_KEEP_FROM_CTX, 0);
    ck_assert_ptr_nonnull(strstr(out, "责任编辑：王芳\n"));
    scrub_free(out);
    /* per call wins over the context */
    out = filter(ctx, PAGE_HANS, SCRUB_LABEL_BIT(SCRUB_LABEL_FOOTER), 0);
    ck_assert_str_eq(out, "版权所有 © 2024 本地新闻网 浙ICP备12345678号\n");
    scrub_free(out);
    out = filter(ctx, PAGE_HANS, 0, 0);
    ck_assert_str_eq(out, "");
    scrub_free(out);
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_FILTER_KEEP, SCRUB_KEEP_ALL + 1),
                     SCRUB_E_INVALID_ARG);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(inline_spam_spans)
{
    const char *doc =
        "江西一化工厂发生火灾\n"
        "据应急管理部门消息，3月11日凌晨，王者威尼斯人现金网网址：宜春市一家化工厂发生火灾，消防人员及时赶到现场扑救。\n"
        "目前js333金沙线路国已形成了较完整的化工安全监管体系，事故原因正在调查之中。\n";
    scrub_ctx *ctx = scrub_ctx_new();
    char *out = filter(ctx, doc, SCRUB_KEEP_FROM_CTX, 0);
    ck_assert_ptr_null(strstr(out, "威尼斯人"));
    ck_assert_ptr_null(strstr(out, "js333"));
    ck_assert_ptr_nonnull(strstr(out, "3月11日凌晨，宜春市一家化工厂发生火灾"));
    ck_assert_ptr_nonnull(strstr(out, "目前国已形成了较完整的化工安全监管体系"));
    scrub_free(out);
    ck_assert_uint_eq(scrub_filter_span_count(ctx), 2);
    size_t line, s, e;
    ck_assert_status(scrub_filter_span(ctx, 0, &line, &s, &e), SCRUB_OK);
    ck_assert_uint_eq(line, 1);
    ck_assert_int_eq(memcmp(doc + s, "王者威尼斯人现金网网址：", e - s), 0);
    ck_assert_uint_eq(e - s, strlen("王者威尼斯人现金网网址："));
    ck_assert_status(scrub_filter_span(ctx, 1, &line, &s, &e), SCRUB_OK);
    ck_assert_uint_eq(line, 2);
    ck_assert_uint_eq(e - s, strlen("js333金沙线路"));
    ck_assert_int_eq(memcmp(doc + s, "js333金沙线路", e - s), 0);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 1), SCRUB_LABEL_CONTENT);
    ck_assert(scrub_filter_doc_flags(ctx) & SCRUB_DOC_INLINE_SPAM);
    ck_assert(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM);
    ck_assert_status(scrub_filter_span(ctx, 2, &line, &s, &e), SCRUB_E_INVALID_ARG);
    /* kept when asked, still reported */
    out = filter(ctx, doc, SCRUB_KEEP_FROM_CTX, SCRUB_FILTER_KEEP_INLINE_SPAM);
    ck_assert_ptr_nonnull(strstr(out, "王者威尼斯人现金网网址："));
    ck_assert_uint_eq(scrub_filter_span_count(ctx), 2);
    scrub_free(out);
    scrub_ctx_free(ctx);
}
END_TEST

/* A casino's keywords and its address pasted after a news sentence
 * (glued-run): the run is cut as one span, the sentence and the line
 * stay; lottery news, one clause naming the draw, is no run (Simplified
 * and Traditional). */
START_TEST(glued_spam_cut)
{
    const char *doc =
        "区图书馆延长开放时间\n"
        "为方便读者，区图书馆从下月起每晚延长开放两小时，周末还将增加亲子阅读活动。\n"
        "市民凭读者证即可入馆借阅，新书区本月上架了三千多册图书。"
        "威尼斯人娱乐城 真人百家乐 网址：www.wns888.com\n"
        "市民憑讀者證即可入館借閱，新書區本月上架了三千多冊圖書。"
        "威尼斯人娛樂城 真人百家樂 網址：www.wns888.com\n"
        "据福彩中心消息，本期双色球开出一等奖5注，单注奖金约700万元，其中两注出自本市。\n"
        "據福彩中心消息，本期雙色球開出一等獎5注，單注獎金約700萬元，其中兩注出自本市。\n"
        "图书馆工作人员表示，延长开放时间后，将安排志愿者在晚间协助读者查找资料。\n";
    scrub_ctx *ctx = scrub_ctx_new();
    char *out = filter(ctx, doc, SCRUB_KEEP_FROM_CTX, 0);
    ck_assert_ptr_nonnull(strstr(out, "新书区本月上架了三千多册图书。\n"));
    ck_assert_ptr_nonnull(strstr(out, "新書區本月上架了三千多冊圖書。\n"));
    ck_assert_ptr_null(strstr(out, "wns888"));
    ck_assert_ptr_null(strstr(out, "百家"));
    ck_assert_ptr_nonnull(strstr(out, "本期双色球开出一等奖5注"));
    ck_assert_ptr_nonnull(strstr(out, "本期雙色球開出一等獎5注"));
    scrub_free(out);
    ck_assert_uint_eq(scrub_filter_span_count(ctx), 2);
    for (size_t k = 0; k < 2; k++) {
        size_t line, s, e, ls, ln;
        ck_assert_status(scrub_filter_span(ctx, k, &line, &s, &e), SCRUB_OK);
        ck_assert_uint_eq(line, 2 + k);
        ck_assert_int_eq(scrub_filter_line_label(ctx, line), SCRUB_LABEL_CONTENT);
        ck_assert_status(scrub_filter_line_span(ctx, line, &ls, &ln), SCRUB_OK);
        ck_assert_int_eq(memcmp(doc + s, "\xE5\xA8\x81", 3), 0); /* 威 */
        ck_assert_uint_eq(e, ls + ln);
    }
    for (size_t i = 4; i < 6; i++) ck_assert_int_eq(scrub_filter_line_label(ctx, i), SCRUB_LABEL_CONTENT);
    scrub_ctx_free(ctx);
}
END_TEST

/* a district library's news item (title, first and last paragraph),
 * the article the glued-spam fixtures paste their lines into */
#define LIBRARY_NEWS_HEAD                                                                          \
    "区图书馆延长开放时间\n"                                                                        \
    "为方便读者，区图书馆从下月起每晚延长开放两小时，周末还将增加亲子阅读活动。\n"
#define LIBRARY_NEWS_TAIL "图书馆工作人员表示，延长开放时间后，将安排志愿者在晚间协助读者查找资料。\n"

/* Line 2 of the library news item (doc, of cap bytes, holds the item),
 * filtered with the context's policy: the kept text. */
static char *filter_in_library_news(scrub_ctx *ctx, const char *line, char *doc, size_t cap)
{
    int n = snprintf(doc, cap, "%s%s%s", LIBRARY_NEWS_HEAD, line, LIBRARY_NEWS_TAIL);
    ck_assert(n > 0 && (size_t)n < cap);
    return filter(ctx, doc, SCRUB_KEEP_FROM_CTX, 0);
}

/* A farm's segmented keyword field pasted before a news sentence
 * (glued-start): the field's name, its keywords and the casino's brand
 * are cut as one span, the sentence after them kept (Simplified and
 * Traditional). */
START_TEST(glued_keywords_before_sentence)
{
    static const char *const lines[] = {
        "本文关键词：威尼斯人娱乐城官网,图书馆,延长,开,放,时间,读者,周末,亲子,阅读"
        "市民凭读者证即可入馆借阅，新书区本月上架了三千多册图书，其中少儿读物约占三分之一，"
        "馆方还在二楼新设了一间安静的自习室。\n",
        "本文關鍵詞：威尼斯人娛樂城官網,圖書館,延長,開,放,時間,讀者,週末,親子,閱讀"
        "市民憑讀者證即可入館借閱，新書區本月上架了三千多冊圖書，其中少兒讀物約佔三分之一，"
        "館方還在二樓新設了一間安靜的自習室。\n",
        /* shorter: the field's name labelled the line, and goes with the run */
        "本文关键词：威尼斯人娱乐城官网,图书馆,延长,开,放,时间,读者,周末,亲子,阅读"
        "新书区本月上架了三千多册图书；少儿读物约占三分之一。\n",
        "本文關鍵詞：威尼斯人娛樂城官網,圖書館,延長,開,放,時間,讀者,週末,親子,閱讀"
        "新書區本月上架了三千多冊圖書；少兒讀物約佔三分之一。\n"};
    scrub_ctx *ctx = scrub_ctx_new();
    static const char *const kept[] = {"新设了一间安静的自习室。\n", "新設了一間安靜的自習室。\n",
                                       "约占三分之一。\n", "約佔三分之一。\n"};
    for (size_t d = 0; d < 4; d++) {
        char doc[2048];
        char *out = filter_in_library_news(ctx, lines[d], doc, sizeof doc);
        ck_assert_msg(strstr(out, kept[d]),
                      "line %zu: %s", d, out);
        ck_assert_ptr_null(strstr(out, "威尼斯"));
        ck_assert_ptr_null(strstr(out, "关键词"));
        ck_assert_ptr_null(strstr(out, "關鍵詞"));
        scrub_free(out);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_CONTENT);
        if (d >= 2) ck_assert_str_eq(scrub_filter_line_reason(ctx, 2), "glued-start");
        ck_assert_uint_eq(scrub_filter_span_count(ctx), 1);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* The same run with its pieces split by a no-break space (U+00A0) or an
 * ideographic space (U+3000), as pages write a space: cut to the line's
 * end as with a plain space, the sentence kept (Simplified and
 * Traditional). */
START_TEST(glued_spam_wide_spaces)
{
    static const char *const lines[] = {
        "市民凭读者证即可入馆借阅，新书区本月上架了三千多册图书。"
        "威尼斯人娱乐城\xC2\xA0真人百家乐\xC2\xA0网址：www.wns888.com\n",
        "市民憑讀者證即可入館借閱，新書區本月上架了三千多冊圖書。"
        "威尼斯人娛樂城\xC2\xA0真人百家樂\xC2\xA0網址：www.wns888.com\n",
        "市民凭读者证即可入馆借阅，新书区本月上架了三千多册图书。"
        "威尼斯人娱乐城\u3000真人百家乐\u3000网址：www.wns888.com\n",
        "市民憑讀者證即可入館借閱，新書區本月上架了三千多冊圖書。"
        "威尼斯人娛樂城\u3000真人百家樂\u3000網址：www.wns888.com\n"};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 4; d++) {
        char doc[1024];
        char *out = filter_in_library_news(ctx, lines[d], doc, sizeof doc);
        ck_assert_msg(strstr(out, d % 2 ? "上架了三千多冊圖書。\n" : "上架了三千多册图书。\n"),
                      "line %zu: %s", d, out);
        ck_assert_ptr_null(strstr(out, "wns888"));
        ck_assert_ptr_null(strstr(out, "百家"));
        scrub_free(out);
        ck_assert_uint_eq(scrub_filter_span_count(ctx), 1);
        size_t line, s, e, ls, ln;
        ck_assert_status(scrub_filter_span(ctx, 0, &line, &s, &e), SCRUB_OK);
        ck_assert_uint_eq(line, 2);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_CONTENT);
        ck_assert_status(scrub_filter_line_span(ctx, 2, &ls, &ln), SCRUB_OK);
        ck_assert_int_eq(memcmp(doc + s, "\xE5\xA8\x81", 3), 0); /* 威 */
        ck_assert_msg(e == ls + ln, "line %zu: span ends %zu bytes before the line's end", d,
                      ls + ln - e);
    }
    /* indented by such spaces, a farm's field with its brand still opens
     * the line: an advert, as unindented (brand_after_field) */
    static const char *const indents[] = {"\xC2\xA0\xC2\xA0", "\u3000\u3000"};
    static const char *const fields[] = {
        "文章摘要：王者威尼斯人现金网网址,闪电竟然有龙道圣沉声开口道忐忑所以要灭了千仞峰，这是怎么回事他没把这一行动放在心上。\n",
        "內容簡介：王者威尼斯人網址：閃電竟然有龍道聖沉聲開口道忐忑所以要滅了千仞峰，這是怎麼回事他沒把這一行動放在心上。\n"};
    for (size_t d = 0; d < 4; d++) {
        char doc[1024];
        snprintf(doc, sizeof doc, "%s%s%s%s", LIBRARY_NEWS_HEAD, indents[d / 2], fields[d % 2],
                 LIBRARY_NEWS_TAIL);
        ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
        ck_assert_msg(scrub_filter_line_label(ctx, 2) == SCRUB_LABEL_AD, "field %zu: %s (%s)", d,
                      scrub_label_name(scrub_filter_line_label(ctx, 2)),
                      scrub_filter_line_reason(ctx, 2));
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 2), "brand-after-field");
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* Content lines that mention lotteries, casinos, hospitals, medicine and
 * adult education in legitimate pages stay. */
START_TEST(traps_stay)
{
    const char *doc =
        "澳门博彩业复苏观察\n"
        "澳门葡京酒店和威尼斯人度假村的客流在春节期间明显回升，博彩收入同比增长四成。\n"
        "体育彩票中心提醒购彩者理性投注，彩票的公益金主要用于全民健身和社会福利事业。\n"
        "皮肤科专家介绍，白癜风是一种常见的色素脱失性疾病，患者应到正规医院接受治疗。\n"
        "无码科技有限公司今天发布了新一代电动汽车，成人教育学院也开设了相关专业课程。\n"
        "男科和妇科门诊今年起实行预约挂号，医院表示这一举措能缩短患者的等候时间。\n"
        "The casino resort in Macau reported higher visitor numbers, and the lottery board said ticket sales rose.\n";
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    for (size_t i = 0; i < scrub_filter_line_count(ctx); i++)
        ck_assert_msg(scrub_filter_line_kept(ctx, i) == 1, "trap line %zu dropped: %s (%s)", i,
                      scrub_label_name(scrub_filter_line_label(ctx, i)),
                      scrub_filter_line_reason(ctx, i));
    ck_assert_uint_eq(scrub_filter_span_count(ctx), 0);
    ck_assert_uint_eq(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM, 0);
    ck_assert(scrub_filter_doc_score(ctx) < 0.2);
    scrub_ctx_free(ctx);
}
END_TEST


/* Chinese layout in plain text: the title sits above the byline, a line
 * ending in a colon leads into the body, a poem's short lines between
 * paragraphs are body, and a sentence broken after the last paragraph
 * stays; menus, share buttons and related links go. */
START_TEST(zh_layout)
{
    static const struct {
        const char *line;
        int keep;
    } doc[] = {
        {"首页", 0},
        {"新闻", 0},
        {"江南古镇迎来赏花季", 1},
        {"2024-04-02 来源：江南晚报", 0},
        {"分享", 0},
        {"各位游客：", 1},
        {"春风吹过运河两岸，古镇里的油菜花和桃花次第开放，吸引了大批游客前来观赏。", 1},
        {"镇上的老人说，今年的花期比往年早了一个星期，周末的游客数量也明显增加。", 1},
        {"《春日》", 1},
        {"——（宋）朱熹", 1},
        {"胜日寻芳泗水滨；", 1},
        {"无边光景一时新。", 1},
        {"等闲识得东风面；", 1},
        {"万紫千红总是春。", 1},
        {"镇文化站还在河边举办了诗词朗诵会，请游客们一起吟诵描写春天的古诗。", 1},
        {"活动将持续到本月底。", 1},
        {"相关阅读", 0},
        {"古镇夜游项目上线", 0},
        {"版权所有 江南晚报", 0},
    };
    char text[2048] = "";
    size_t n = sizeof doc / sizeof doc[0];
    for (size_t i = 0; i < n; i++) {
        strcat(text, doc[i].line);
        strcat(text, "\n");
    }
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, text, strlen(text), 0), SCRUB_OK);
    ck_assert_uint_eq(scrub_filter_line_count(ctx), n);
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(scrub_filter_line_kept(ctx, i) == doc[i].keep, "line %zu (%s): %s (%s)", i,
                      doc[i].line, scrub_label_name(scrub_filter_line_label(ctx, i)),
                      scrub_filter_line_reason(ctx, i));
    ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_HEADING);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 3), SCRUB_LABEL_META);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 9), SCRUB_LABEL_HEADING);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 11), SCRUB_LABEL_CONTENT);
    /* a title printed twice above a dateline: the first stays */
    const char *twice = "国内新闻\n"
                        "为何公园里总是这么热闹\n"
                        "为何公园里总是这么热闹\n"
                        "2019年11月25日 18:57 城东晚报\n"
                        "傍晚的公园里，打太极、跳广场舞和跑步的市民把湖边的步道挤得满满的。\n"
                        "一位来自加拿大的游客说，他在家乡很少见到这么多老人一起锻炼身体。\n";
    ck_assert_status(scrub_classify_lines(ctx, twice, strlen(twice), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 0), 0);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 1), SCRUB_LABEL_HEADING);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 2), 0);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 3), SCRUB_LABEL_META);
    /* the editor's credit ends the article: teasers after it go */
    const char *edited =
        "市图书馆延长开放时间\n"
        "市图书馆从下周一起把闭馆时间推迟到晚上十点，方便读者下班后前来借阅和自习。\n"
        "图书馆负责人说，延长开放后将增加两名值班馆员，并在自习区添置一批台灯和插座。\n"
        "不少读者表示，晚上有了安静的地方看书，周末也不用一大早就去排队占座了。\n"
        "责任编辑：张三\n"
        "近日，市体育中心宣布游泳馆将在暑期对中小学生免费开放，每天上午九点到十一点。\n"
        "记者从市交通局获悉，地铁三号线将于年底开通试运营，沿线共设二十个车站。\n";
    ck_assert_status(scrub_classify_lines(ctx, edited, strlen(edited), 0), SCRUB_OK);
    for (size_t i = 0; i < 7; i++)
        ck_assert_msg(scrub_filter_line_kept(ctx, i) == (i < 4), "line %zu: %s (%s)", i,
                      scrub_label_name(scrub_filter_line_label(ctx, i)),
                      scrub_filter_line_reason(ctx, i));
    /* a breadcrumb ending in the title is navigation; a disclaimer */
    const char *crumb = "首页  >  国内新闻  >  为何公园里总是这么热闹，老人们道出了原因！\n"
                        "傍晚的公园里，打太极、跳广场舞和跑步的市民把湖边的步道挤得满满的。\n"
                        "一位老人说，大家在这里锻炼身体，也在这里聊天交朋友。\n"
                        "【免责声明】本文仅代表作者本人观点，与本网站无关，本网站对文中陈述和观点判断保持中立。\n";
    ck_assert_status(scrub_classify_lines(ctx, crumb, strlen(crumb), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 0), SCRUB_LABEL_NAV);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 1), 1);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 2), 1);
    /* a footer marker as the label of a long line: a notice */
    ck_assert_int_eq(scrub_filter_line_label(ctx, 3), SCRUB_LABEL_FOOTER);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(document_score)
{
    const char *farm =
        "足球比赛前瞻分析_华体会\n"
        "本场比赛主队近期状态出色，过去五轮取得四胜一平，客队则在客场连续失利。\n"
        "华体会官网登录入口\n"
        "从阵容来看，主队的锋线配置更为完整，预计将掌握比赛的主动权。\n"
        "欧宝体育app下载\n";
    const char *spun =
        "医院举办义诊活动\n"
        "医院医院积极开展义诊活动，年至年共服务群众三万余人次，获得了广泛好评。\n"
        "医院在年至年期间先后建成了两个重点专科，医院医院的服务能力不断提升。\n";
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, farm, strlen(farm), 0), SCRUB_OK);
    double farm_score = scrub_filter_doc_score(ctx);
    ck_assert(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 0), SCRUB_LABEL_AD);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_AD);
    ck_assert(farm_score >= 0.8 && farm_score <= 1.0);
    ck_assert_status(scrub_classify_lines(ctx, spun, strlen(spun), 0), SCRUB_OK);
    ck_assert(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SPUN);
    ck_assert_uint_eq(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM, 0);
    ck_assert(scrub_filter_doc_score(ctx) < farm_score);
    ck_assert_status(scrub_classify_lines(ctx, PAGE_HANT, strlen(PAGE_HANT), 0), SCRUB_OK);
    ck_assert(scrub_filter_doc_flags(ctx) & SCRUB_DOC_STUFFING);
    ck_assert_uint_eq(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SPUN, 0);
    const char *clean = "今天的天气很好，我们一起去公园散步，看到了很多盛开的花。\n";
    ck_assert_status(scrub_classify_lines(ctx, clean, strlen(clean), 0), SCRUB_OK);
    ck_assert(scrub_filter_doc_score(ctx) == 0.0);
    ck_assert_uint_eq(scrub_filter_doc_flags(ctx), 0);
    scrub_ctx_free(ctx);
}
END_TEST

/* Labels of every line of doc, as reported. */
static void expect_labels(scrub_ctx *ctx, const char *doc, const uint32_t *hints, size_t nhints,
                          const int *want, size_t n)
{
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, nhints, NULL, 0),
                     SCRUB_OK);
    ck_assert_uint_eq(scrub_filter_line_count(ctx), n);
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(scrub_filter_line_label(ctx, i) == want[i], "line %zu: %s (%s), want %s", i,
                      scrub_label_name(scrub_filter_line_label(ctx, i)),
                      scrub_filter_line_reason(ctx, i), scrub_label_name(want[i]));
}

/* "a) ..., b) ...,": a lettered list of clauses under an article's last
 * sentence, such as the conditions of a casino licence, is the article's
 * own list (list_item), however few of its words are stop words: it went
 * as after-content before, being neither a sentence nor an item. */
START_TEST(lettered_items_stay)
{
    static const char *const docs[] = {
        "Casino licence renewed after long review\n"
        "The state gaming commission renewed the riverside casino's licence on Tuesday after a "
        "review that took most of the year.\n"
        "The operator must now meet several conditions, the commission said in a statement "
        "published on its website.\n"
        "Its chair said the list was the longest the commission had ever attached to a licence "
        "and that inspectors would check each point.\n"
        "a) quarterly audits of the gaming floor's cash controls by auditors the commission "
        "appoints,\n"
        "b) a helpline for problem gamblers, funded for five years by the operator,\n",
        "Spielbank erh\xc3\xa4lt neue Konzession\n"
        "Die Spielbank in Bad Homburg erh\xc3\xa4lt nach langer Pr\xc3\xbc" "fung eine neue "
        "Konzession, teilte das Innenministerium am Montag mit.\n"
        "Die Betreiberin muss daf\xc3\xbcr mehrere Auflagen erf\xc3\xbcllen, die das Ministerium "
        "in seiner Mitteilung aufz\xc3\xa4hlt.\n"
        "Die Auflagen seien strenger als bei jeder fr\xc3\xbcheren Konzession, sagte ein Sprecher "
        "des Ministeriums, und w\xc3\xbcrden j\xc3\xa4hrlich gepr\xc3\xbc" "ft.\n"
        "a) viertelj\xc3\xa4hrliche Pr\xc3\xbc" "fung der Kassenf\xc3\xbchrung im Spielsaal durch "
        "vom Ministerium bestellte Pr\xc3\xbc" "fer,\n"
        "b) Finanzierung einer Beratungsstelle f\xc3\xbcr Spiels\xc3\xbc" "chtige \xc3\xbc" "ber "
        "f\xc3\xbcnf Jahre durch die Betreiberin,\n"};
    static const int want[] = {SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        expect_labels(ctx, docs[d], NULL, 0, want, 6);
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 4), "list-item");
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* a recipe's three paragraphs (German), the body of the closing- and
 * opening-line fixtures */
#define LIVER_RECIPE_BODY                                                                          \
    "Die Leber wird zuerst in feine Streifen geschnitten und kurz in Milch eingelegt, damit "     \
    "sie sp\xc3\xa4ter sch\xc3\xb6n zart bleibt.\n"                                                 \
    "In der Zwischenzeit schneiden wir die Zwiebeln in Ringe und braten sie in einer "           \
    "gro\xc3\x9f" "en Pfanne langsam goldbraun an.\n"                                              \
    "Zum Schluss kommt die Leber dazu, und alles wird mit etwas Rotwein abgel\xc3\xb6scht "      \
    "und kurz gekocht.\n"

/* The article's closing line right under its last sentence: a short
 * sign-off ending in "." or "!" (`The bakery closed.`, `Guten Appetit!`)
 * or a question put to the reader in sentences, which sentence_shape does
 * not take for the "?", stays (closing_remark); a name's three capitalized
 * words there (`More Anna Lee Byrne.`) and a share line do not.  All of
 * them went as after-content before. */
START_TEST(closing_line_stays)
{
    static const char *const bodies[] = {
        "Bakery on Mill Street closes after sixty years\n"
        "The bakery on Mill Street sold its last loaves on Saturday, sixty years after the "
        "founder opened it in a former shoe shop.\n"
        "Neighbours queued from six in the morning, and by nine the shelves were empty apart "
        "from a tray of plain rolls.\n"
        "The owner said rising rents and the price of flour had made it impossible to go on "
        "without raising prices for her regulars.\n",
        "Rinderleber mit Zwiebeln wie bei Oma\n"
        LIVER_RECIPE_BODY};
    static const char *const closing[][2] = {
        {"The bakery closed.",
         "Would you still buy your bread there at higher prices?"},
        {"Guten Appetit!",
         "Kennt ihr noch andere Beilagen, die gut zur Leber passen?"}};
    static const char *const chrome[] = {"More Anna Lee Byrne.", "Jetzt teilen!"};
    scrub_ctx *ctx = scrub_ctx_new();
    char doc[2048];
    for (size_t d = 0; d < 2; d++)
        for (size_t c = 0; c < 2; c++) {
            snprintf(doc, sizeof doc, "%s%s\n%s\n", bodies[d], closing[d][c], chrome[d]);
            ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
            ck_assert_uint_eq(scrub_filter_line_count(ctx), 6);
            ck_assert_msg(scrub_filter_line_kept(ctx, 4) == 1, "%s: %s (%s)", closing[d][c],
                          scrub_label_name(scrub_filter_line_label(ctx, 4)),
                          scrub_filter_line_reason(ctx, 4));
            ck_assert_str_eq(scrub_filter_line_reason(ctx, 4), "closing-line");
            ck_assert_int_eq(scrub_filter_line_kept(ctx, 5), 0);
            /* the name alone under the body is no closing line either */
            snprintf(doc, sizeof doc, "%s%s\n", bodies[d], chrome[d]);
            ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
            ck_assert_int_eq(scrub_filter_line_kept(ctx, 4), 0);
        }
    scrub_ctx_free(ctx);
}
END_TEST

/* A short sentence of one to three words between the title and the
 * body's first sentence is the body's one-line paragraph (`The casino
 * closed.`, `Ganz einfach.`) and stays (opening_line); a kicker with no
 * sentence mark, a byline's name and a share line there do not.  All of
 * them went as before-content before. */
START_TEST(opening_line_stays)
{
    static const char *const titles[] = {"Casino on the harbour front shuts its doors",
                                         "Rinderleber mit Zwiebeln wie bei Oma"};
    static const char *const bodies[] = {
        "The casino on the harbour front shut its doors on Friday evening after forty years, "
        "leaving ninety staff without work.\n"
        "The owners blamed falling visitor numbers and a new tax on gaming machines that the "
        "council passed last spring.\n"
        "Staff were told of the decision by letter on Thursday, a day before the last guests "
        "left the building.\n",
        LIVER_RECIPE_BODY};
    static const char *const opening[][2] = {{"The casino closed.", "Poker."},
                                             {"Ganz einfach.", "Oma kocht."}};
    static const char *const chrome[][3] = {{"Local news", "By Anna Lee Byrne.", "Share this story!"},
                                            {"Rezepte", "Von Anna Lena Weber.", "Jetzt teilen!"}};
    scrub_ctx *ctx = scrub_ctx_new();
    char doc[2048];
    for (size_t d = 0; d < 2; d++) {
        for (size_t c = 0; c < 2; c++) {
            snprintf(doc, sizeof doc, "%s\n%s\n%s", titles[d], opening[d][c], bodies[d]);
            ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
            ck_assert_uint_eq(scrub_filter_line_count(ctx), 5);
            ck_assert_int_eq(scrub_filter_line_label(ctx, 0), SCRUB_LABEL_HEADING);
            ck_assert_msg(scrub_filter_line_label(ctx, 1) == SCRUB_LABEL_CONTENT, "%s: %s (%s)",
                          opening[d][c], scrub_label_name(scrub_filter_line_label(ctx, 1)),
                          scrub_filter_line_reason(ctx, 1));
            ck_assert_str_eq(scrub_filter_line_reason(ctx, 1), "opening-line");
        }
        for (size_t c = 0; c < 3; c++) {
            snprintf(doc, sizeof doc, "%s\n%s\n%s", titles[d], chrome[d][c], bodies[d]);
            ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
            ck_assert_msg(scrub_filter_line_label(ctx, 1) != SCRUB_LABEL_CONTENT, "%s: %s (%s)",
                          chrome[d][c], scrub_label_name(scrub_filter_line_label(ctx, 1)),
                          scrub_filter_line_reason(ctx, 1));
        }
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* A brand as the value of the line's field (文章摘要：BRAND,...) is the
 * farm's template slot: the line is an advert; the same brand slipped
 * into a sentence is cut out of it and the sentence stays. */
START_TEST(brand_after_field)
{
    static const char *const docs[] = {
        "铜鼓县一化工厂发生火灾\n"
        "文章摘要：王者威尼斯人现金网网址,闪电竟然有龙道圣沉声开口道忐忑所以要灭了千仞峰，这是怎么回事他没把这一行动放在心上。\n"
        "据应急管理部门消息，3月11日凌晨，王者威尼斯人现金网网址：宜春市一家化工厂发生火灾，消防人员及时赶到现场扑救。\n"
        "事故发生后，县政府领导和相关部门迅速赶赴现场，开展事故救援和应急处置工作，全力做好善后。\n",
        "銅鼓縣一化工廠發生火災\n"
        "內容簡介：王者威尼斯人網址：閃電竟然有龍道聖沉聲開口道忐忑所以要滅了千仞峰，這是怎麼回事他沒把這一行動放在心上。\n"
        "據應急管理部門消息，3月11日凌晨，王者威尼斯人網址：宜春市一家化工廠發生火災，消防人員及時趕到現場撲救。\n"
        "事故發生後，縣政府領導和相關部門迅速趕赴現場，開展事故救援和應急處置工作，全力做好善後。\n"};
    static const int want[] = {SCRUB_LABEL_HEADING, SCRUB_LABEL_AD, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_CONTENT};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        expect_labels(ctx, docs[d], NULL, 0, want, 4);
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 1), "brand-after-field");
        ck_assert_uint_eq(scrub_filter_span_count(ctx), 2);
        ck_assert(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* Spam shapes of the SEO notes without a brand the lexicon knows: a short
 * sentence selling gambling with a verb asking the reader to act
 * (promo-sentence), a hospital-SEO question (哪家医院 + a disease) and a
 * call to act glued to 体育 (天博体育登录, 星耀体育官方网站).  News citing a
 * casino regulator's 官网 and 网址 stays. */
START_TEST(promo_and_seo_questions)
{
    static const char *const docs[] = {
        "春节假期澳门旅游市场观察\n"
        "据澳门博彩监察协调局官网数据，二月博彩收入同比上升，详细数据可在该局网址查阅。\n"
        "欢迎访问澳门葡京娱乐场官网，注册即送彩金！\n"
        "广州哪家医院治疗癫痫最好\n"
        "天博体育登录入口\n"
        "星耀体育官方网站\n"
        "旅游部门表示，春节期间入境旅客人次明显回升，酒店入住率也接近疫情前的水平。\n",
        "春節假期澳門旅遊市場觀察\n"
        "據澳門博彩監察協調局官網數據，二月博彩收入按年上升，詳細數據可在該局網址查閱。\n"
        "歡迎訪問澳門葡京娛樂場官網，註冊即送彩金！\n"
        "廣州哪家醫院治療癲癇最好\n"
        "天博體育登錄入口\n"
        "星耀體育官方網站\n"
        "旅遊部門表示，春節期間入境旅客人次明顯回升，酒店入住率也接近疫情前的水平。\n"};
    static const int want[] = {SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_AD,
                               SCRUB_LABEL_AD,      SCRUB_LABEL_AD,      SCRUB_LABEL_AD,
                               SCRUB_LABEL_CONTENT};
    static const char *const reason[2][4] = {
        {"promo-sentence", "medseo:哪家医院", "gambling:体育登录", "gambling:体育官方"},
        {"promo-sentence", "medseo:哪家醫院", "gambling:體育登錄", "gambling:體育官方"}};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        expect_labels(ctx, docs[d], NULL, 0, want, 7);
        for (size_t k = 0; k < 4; k++)
            ck_assert_str_eq(scrub_filter_line_reason(ctx, 2 + k), reason[d][k]);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* Spam of the widened lexicons (casino games, betting words and brands,
 * black-market trades, hospital SEO, adult sites) in lists of short
 * pieces or beside a URL, Simplified and Traditional (the Traditional
 * entries are generated from the Simplified ones); news that reports on
 * the same trades in sentences stays, with no span cut out of it. */
START_TEST(widened_lexicon)
{
    static const char *const docs[] = {
        "社区举办防范电信诈骗讲座\n"
        "警方破获一起利用网络赌场实施诈骗的案件，涉案的投注平台已被关闭。\n"
        "金鼎国际ag真人 银河娱乐代理网址 盛达棋牌平台 炸金花下载 骰宝玩法\n"
        "足球投注首存送彩金 线上赌场 真人荷官在线发牌\n"
        "代开发票 办假证 传奇私服 黑户贷款当天放款 信用卡套现\n"
        "南京银屑病医院 狐臭医院 鼻炎医院\n"
        "午夜福利 自拍偷拍 福利姬 约炮软件 裸聊\n"
        "6hc特码 一肖一码 平特一肖\n"
        "税务部门提醒，企业不要找人代开发票，也不要购买假发票入账，否则将被依法处理。\n"
        "皮肤科医生介绍，银屑病和狐臭都不能靠偏方根治，患者应到正规医院就诊。\n",
        "社區舉辦防範電信詐騙講座\n"
        "警方破獲一起利用網絡賭場實施詐騙的案件，涉案的投注平臺已被關閉。\n"
        "金鼎國際ag真人 銀河娛樂代理網址 盛達棋牌平臺 炸金花下載 骰寶玩法\n"
        "足球投注首存送彩金 線上賭場 真人荷官在線發牌\n"
        "代開發票 辦假證 傳奇私服 黑戶貸款當天放款 信用卡套現\n"
        "南京銀屑病醫院 狐臭醫院 鼻炎醫院\n"
        "午夜福利 自拍偷拍 福利姬 約炮軟件 裸聊\n"
        "6hc特碼 一肖一碼 平特一肖\n"
        "稅務部門提醒，企業不要找人代開發票，也不要購買假發票入賬，否則將被依法處理。\n"
        "皮膚科醫生介紹，銀屑病和狐臭都不能靠偏方根治，患者應到正規醫院就診。\n"};
    static const int want[] = {SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_SPAM,
                               SCRUB_LABEL_AD,      SCRUB_LABEL_SPAM,    SCRUB_LABEL_AD,
                               SCRUB_LABEL_SPAM,    SCRUB_LABEL_AD,      SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_CONTENT};
    static const char *const cat[] = {"gambling:", "gambling:", "blackseo:", "medseo:",
                                      "porn:", "gambling:"};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        expect_labels(ctx, docs[d], NULL, 0, want, 10);
        for (size_t k = 0; k < 6; k++)
            ck_assert_msg(strncmp(scrub_filter_line_reason(ctx, 2 + k), cat[k], strlen(cat[k])) == 0,
                          "doc %zu line %zu: %s", d, 2 + k, scrub_filter_line_reason(ctx, 2 + k));
        ck_assert_uint_eq(scrub_filter_span_count(ctx), 0);
        ck_assert(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* A farm that puts its casino brand (a name the lexicon does not know,
 * glued to 贵宾会) in place of a school's name in every line: the
 * document is a site farm though each line reads as a sentence; news
 * about Macau that names 澳门 in every line is not. */
START_TEST(substituted_brand)
{
    static const char *const farms[] = {
        "星河贵宾会举行春季运动会\n"
        "昨天上午，星河贵宾会第十二届春季运动会在学校操场开幕，全校师生参加了开幕式。\n"
        "校长在开幕式上致辞，勉励星河贵宾会的同学们发扬体育精神，赛出风格，赛出水平。\n"
        "本届运动会共设田径、跳绳和拔河等二十个项目，各班级踊跃报名参赛。\n"
        "闭幕式上，星河贵宾会为获得团体总分前三名的班级颁发了奖杯和证书。\n",
        "星河貴賓會舉行春季運動會\n"
        "昨天上午，星河貴賓會第十二屆春季運動會在學校操場開幕，全校師生參加了開幕式。\n"
        "校長在開幕式上致辭，勉勵星河貴賓會的同學們發揚體育精神，賽出風格，賽出水平。\n"
        "本屆運動會共設田徑、跳繩和拔河等二十個項目，各班級踴躍報名參賽。\n"
        "閉幕式上，星河貴賓會為獲得團體總分前三名的班級頒發了獎杯和證書。\n"};
    const char *news =
        "澳门旅游业持续回暖\n"
        "澳门特区政府旅游局公布，上月入境澳门的旅客超过三百万人次，同比增长两成。\n"
        "不少内地游客选择在澳门过周末，酒店平均入住率接近九成，餐饮业也明显回暖。\n"
        "业内人士认为，澳门的会展和文化活动吸引了更多家庭游客，博彩以外的收入占比上升。\n"
        "旅游局表示，将继续与周边城市合作推出联程产品，方便旅客往返澳门和珠海。\n";
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        ck_assert_status(scrub_classify_lines(ctx, farms[d], strlen(farms[d]), 0), SCRUB_OK);
        ck_assert_msg(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM, "farm %zu score %.3f", d,
                      scrub_filter_doc_score(ctx));
        ck_assert(scrub_filter_doc_score(ctx) >= 0.5);
    }
    ck_assert_status(scrub_classify_lines(ctx, news, strlen(news), 0), SCRUB_OK);
    ck_assert_uint_eq(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM, 0);
    ck_assert(scrub_filter_doc_score(ctx) < 0.2);
    for (size_t i = 0; i < scrub_filter_line_count(ctx); i++)
        ck_assert_int_eq(scrub_filter_line_kept(ctx, i), 1);
    scrub_ctx_free(ctx);
}
END_TEST

/* Lottery news names its province's and city's sports lottery centres in
 * three lines (省体育彩票中心, 市体育彩票管理中心): an organisation's
 * name after its place, not a brand substituted into the article, so
 * no farm and every line kept (Simplified and Traditional). */
START_TEST(lottery_centre_not_substituted)
{
    static const char news[] =
        "全省体育彩票上半年销量稳步增长\n"
        "记者从省体育彩票中心获悉，今年上半年全省共销售体育彩票86.4亿元，同比增长12.7%，筹集公益金21.3亿元。\n"
        "其中，市体育彩票管理中心辖区销售19.8亿元，新开设实体网点146个，网点总数达到3520个。\n"
        "县体育彩票服务站负责人介绍，公益金将用于修建社区健身路径和支持青少年体育赛事。\n"
        "中心提醒购彩者理性投注，中奖者须在60天内兑奖，有疑问的可在工作日拨打服务热线0571-85123456。\n"
        "未满18周岁者不得购买彩票，网点发现向未成年人售票的，将暂停其销售资格三个月。\n";
    scrub_ctx *ctx = scrub_ctx_new();
    for (int script = 0; script < 2; script++) {
        const char *doc = news;
        char *conv = NULL;
        if (script) {
            size_t n;
            ck_assert_status(scrub_zh_convert(ctx, news, strlen(news), SCRUB_ZH_HANS, SCRUB_ZH_TW, 0,
                                              &conv, &n),
                             SCRUB_OK);
            doc = conv;
        }
        ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
        ck_assert_msg(!(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM), "script %d score %.3f",
                      script, scrub_filter_doc_score(ctx));
        ck_assert(scrub_filter_doc_score(ctx) < 0.5);
        for (size_t i = 0; i < scrub_filter_line_count(ctx); i++)
            ck_assert_msg(scrub_filter_line_kept(ctx, i) == 1, "script %d line %zu: %s (%s)", script,
                          i, scrub_label_name(scrub_filter_line_label(ctx, i)),
                          scrub_filter_line_reason(ctx, i));
        ck_assert_uint_eq(scrub_filter_span_count(ctx), 0);
        scrub_free(conv);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* Full-width letters are ASCII letters written wide: a brand so written
 * (ｙａｂｏ, ｂｅｔ365) is the brand, in Simplified and Traditional text;
 * a product code written wide in a report stays, and the spans the
 * caller reads are in its own text's bytes. */
START_TEST(wide_letters_fold)
{
    static const char *const docs[] = {
        "秋季养生小常识\n"
        "专家提醒，秋天早晚温差大，出门要多带一件外套，饮食上多喝温水，少吃辛辣。\n"
        "ｙａｂｏ手机版登录：相关标签：秋季养生汤，秋季养生食谱，秋季养生茶\n"
        "新款Ｘ５型号的空气净化器本月上市，厂家说它在卧室里运行时几乎听不到声音。\n",
        "秋季養生小常識\n"
        "專家提醒，秋天早晚溫差大，出門要多帶一件外套，飲食上多喝溫水，少吃辛辣。\n"
        "ｙａｂｏ手機版登錄：相關標籤：秋季養生湯，秋季養生食譜，秋季養生茶\n"
        "新款Ｘ５型號的空氣淨化器本月上市，廠家說它在臥室裡運行時幾乎聽不到聲音。\n"};
    static const int want[] = {SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_AD,
                               SCRUB_LABEL_CONTENT};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        expect_labels(ctx, docs[d], NULL, 0, want, 4);
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 2), "gambling:yabo");
        size_t start, len;
        ck_assert_status(scrub_filter_line_span(ctx, 3, &start, &len), SCRUB_OK);
        ck_assert_uint_eq(start + len + 1, strlen(docs[d]));
        ck_assert(memcmp(docs[d] + start, "新款Ｘ５", strlen("新款Ｘ５")) == 0);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* ★ and a hyphen between two Han characters separate a spam list's
 * keywords as spaces do: the list is stuffing, not one long sentence
 * (Simplified and Traditional).  A hyphen in a Latin word or a range of
 * years separates nothing. */
START_TEST(star_and_dash_separators)
{
    static const char *const lines[] = {
        "无码视频★国产一区★午夜福利★成人影院★日韩专区★欧美在线★高清电影★免费观看★在线播放★精品推荐\n",
        "無碼視頻★國產一區★午夜福利★成人影院★日韓專區★歐美在線★高清電影★免費觀看★在線播放★精品推薦\n",
        "无码视频-国产一区-午夜福利-成人影院-日韩专区-欧美在线-高清电影-免费观看-在线播放-精品推荐\n",
        "無碼視頻-國產一區-午夜福利-成人影院-日韓專區-歐美在線-高清電影-免費觀看-在線播放-精品推薦\n"};
    const char *head = "社区举办读书分享会\n"
                       "上周六下午，社区图书室举办了读书分享会，二十多位居民带来自己喜欢的书。\n";
    const char *tail = "活动结束后，大家还交换了书籍，约定下个月在同一地点再聚，分享新的读后感。\n";
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t k = 0; k < 4; k++) {
        char doc[2048];
        snprintf(doc, sizeof doc, "%s%s%s", head, lines[k], tail);
        ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
        ck_assert_msg(scrub_filter_line_kept(ctx, 2) == 0, "list %zu kept: %s (%s)", k,
                      scrub_label_name(scrub_filter_line_label(ctx, 2)),
                      scrub_filter_line_reason(ctx, 2));
        expect_kept_range(ctx, (int)k, 0, 2, true);
        expect_kept_range(ctx, (int)k, 3, 4, true);
    }
    expect_kept("The well-known 2019-2020 season ended early, and the club's long-term plans "
                "changed with it.\n",
                0, true);
    scrub_ctx_free(ctx);
}
END_TEST

/* A domain whose dots are spelled (www。x。com, x点com) hides from link
 * filters: on a line that the lexicon ties to gambling it makes the line
 * an advert, however much it reads like a sentence (Simplified and
 * Traditional); lottery news beside it stays. */
START_TEST(spelled_domain_advert)
{
    const char *doc =
        "市体育馆下月重新开放\n"
        "市体育馆经过半年改造，下月起重新对市民开放，游泳馆和羽毛球馆都换了新设备。\n"
        "每天都有新的活动等着大家来参加 真人视讯 电子游戏 棋牌 捕鱼 体育赛事应有尽有 "
        "太阳城娱乐城欢迎你的光临 网址：www。tyc8899。com\n"
        "每天都有新的活動等著大家來參加 真人視訊 電子遊戲 棋牌 捕魚 體育賽事應有盡有 "
        "太陽城娛樂城歡迎你的光臨 網址：www。tyc8899。com\n"
        "据体育彩票中心消息，本期大乐透奖池累计超过8亿元，开奖结果已在官网和体彩APP公布。\n"
        "新场馆还增加了无障碍通道，方便老年人和残障人士进出，停车位也比原来多了一倍。\n";
    static const int want[] = {SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_AD,
                               SCRUB_LABEL_AD, SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT};
    scrub_ctx *ctx = scrub_ctx_new();
    expect_labels(ctx, doc, NULL, 0, want, 6);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 2), "spelled-domain");
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 3), "spelled-domain");
    scrub_ctx_free(ctx);
}
END_TEST

/* Adverts that no lexicon entry names, put between an article's
 * paragraphs (issue 6, branch filter-spamown): a domain with its dots
 * spelled (spelled-domain, now without a spam term), a line headed by a
 * lower-case brand of letters and three digits (lead-brand) and a
 * keyword list holding such a brand (brand-list).  Context alone would
 * keep each as a subheading.  The article's own names of that kind
 * (MH370, iphone15, mate60), a real domain and a list of groceries stay
 * (Simplified and Traditional). */
START_TEST(unbranded_adverts_between_paragraphs)
{
    static const char *const docs[] = {
        "市图书馆推出夜间自习室\n"
        "市图书馆从下周一起开放夜间自习室，每天开放到晚上十点，市民凭读者证即可入场。\n"
        "二手图书 网址：www。kbw668。com\n"
        "馆方介绍，自习室共有两百个座位，配有台灯和电源插座，可以通过网站提前预约。\n"
        "kbw668官方\n"
        "预约系统上线第一天，就有三百多位读者登录www.library.gov.cn选择了座位。\n"
        "‘qdx917’市区公交线路调整情况\n"
        "不少读者表示，晚上下班后终于有了安静的学习场所，希望这项服务能长期坚持下去。\n"
        "vcr206 : 办公用品批发\n"
        "馆方还准备了热水和常用药品，并在入口处设置了失物招领处。\n"
        "二手图书,旧书回收,qzt520图书批发,教材回购,绘本专区,打折图书\n"
        "自习室每晚提供的夜宵有面包、牛奶、鸡蛋、水果和热粥，均由志愿者准备。\n"
        "MH370航班搜寻工作仍在继续\n"
        "有读者在自习室用iphone15和mate60手机查阅电子书，馆方为此增加了充电插座。\n"
        "面包,牛奶,鸡蛋,水果,热粥,饼干\n"
        "图书馆表示，将根据读者的反馈调整开放时间，并增加周末的开放时段。\n",
        "市圖書館推出夜間自習室\n"
        "市圖書館從下週一起開放夜間自習室，每天開放到晚上十點，市民憑讀者證即可入場。\n"
        "二手圖書 網址：www。kbw668。com\n"
        "館方介紹，自習室共有兩百個座位，配有檯燈和電源插座，可以通過網站提前預約。\n"
        "kbw668官方\n"
        "預約系統上線第一天，就有三百多位讀者登錄www.library.gov.tw選擇了座位。\n"
        "‘qdx917’市區公車路線調整情況\n"
        "不少讀者表示，晚上下班後終於有了安靜的學習場所，希望這項服務能長期堅持下去。\n"
        "vcr206 : 辦公用品批發\n"
        "館方還準備了熱水和常用藥品，並在入口處設置了失物招領處。\n"
        "二手圖書,舊書回收,qzt520圖書批發,教材回購,繪本專區,打折圖書\n"
        "自習室每晚提供的宵夜有麵包、牛奶、雞蛋、水果和熱粥，均由志願者準備。\n"
        "MH370航班搜尋工作仍在繼續\n"
        "有讀者在自習室用iphone15和mate60手機查閱電子書，館方為此增加了充電插座。\n"
        "麵包,牛奶,雞蛋,水果,熱粥,餅乾\n"
        "圖書館表示，將根據讀者的反饋調整開放時間，並增加週末的開放時段。\n"};
    static const size_t at[] = {2, 4, 6, 8, 10};
    static const char *const reason[] = {"spelled-domain", "lead-brand", "lead-brand", "lead-brand",
                                         "brand-list"};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        ck_assert_status(scrub_classify_lines(ctx, docs[d], strlen(docs[d]), 0), SCRUB_OK);
        ck_assert_uint_eq(scrub_filter_line_count(ctx), 16);
        for (size_t k = 0; k < 5; k++)
            expect_decided(ctx, d, at[k], k == 4 ? SCRUB_LABEL_SPAM : SCRUB_LABEL_AD, reason[k]);
        expect_removed_only(ctx, d, at, 5);
    }
    /* a Latin brand glued to its login field, an ASCII colon, a keyword
     * (one character too, ending the line): the farm's title template; a
     * how-to title with no call to act stays */
    static const char *const colon_docs[] = {
        "市图书馆推出夜间自习室\n"
        "市图书馆从下周一起开放夜间自习室，每天开放到晚上十点，市民凭读者证即可入场。\n"
        "qvxo手机版登录:办公用品批发\n"
        "馆方介绍，自习室共有两百个座位，配有台灯和电源插座，可以通过网站提前预约。\n"
        "iphone手机使用技巧:如何延长电池寿命\n"
        "馆方还准备了热水和常用药品，并在入口处设置了失物招领处。\n"
        "qvxo手机版登录:书\n"
        "图书馆表示，将根据读者的反馈调整开放时间，并增加周末的开放时段。\n",
        "市圖書館推出夜間自習室\n"
        "市圖書館從下週一起開放夜間自習室，每天開放到晚上十點，市民憑讀者證即可入場。\n"
        "qvxo手機版登錄:辦公用品批發\n"
        "館方介紹，自習室共有兩百個座位，配有檯燈和電源插座，可以通過網站提前預約。\n"
        "iphone手機使用技巧:如何延長電池壽命\n"
        "館方還準備了熱水和常用藥品，並在入口處設置了失物招領處。\n"
        "qvxo手機版登錄:書\n"
        "圖書館表示，將根據讀者的反饋調整開放時間，並增加週末的開放時段。\n"};
    for (size_t d = 0; d < 2; d++)
        expect_removed_as(ctx, colon_docs[d], d, (const size_t[]){2, 6}, 2, SCRUB_LABEL_AD,
                          "colon-brand");
    /* pieces long enough to read as a sentence: the list still goes */
    static const char *const sentence_lists[] = {
        "市图书馆推出夜间自习室\n"
        "市图书馆从下周一起开放夜间自习室，每天开放到晚上十点，市民凭读者证即可入场。\n"
        "城市里的夜间自习室预约入口,图书馆的夜间开放时间表,kbw668在线借阅平台的登录,"
        "读者证的办理流程说明,自习室的座位预约系统\n"
        "馆方介绍，自习室共有两百个座位，配有台灯和电源插座，可以通过网站提前预约。\n",
        "市圖書館推出夜間自習室\n"
        "市圖書館從下週一起開放夜間自習室，每天開放到晚上十點，市民憑讀者證即可入場。\n"
        "城市裡的夜間自習室預約入口,圖書館的夜間開放時間表,kbw668線上借閱平臺的登錄,"
        "讀者證的辦理流程說明,自習室的座位預約系統\n"
        "館方介紹，自習室共有兩百個座位，配有檯燈和電源插座，可以通過網站提前預約。\n"};
    for (size_t d = 0; d < 2; d++)
        expect_removed_as(ctx, sentence_lists[d], d, (const size_t[]){2}, 1, SCRUB_LABEL_SPAM,
                          "brand-list");
    scrub_ctx_free(ctx);
}
END_TEST

/* A brand with a verb asking the reader to act (登录) is an advert on a
 * line past the 40 units of a brand alone. */
START_TEST(brand_with_call_to_act)
{
    const char *doc =
        "夏季护肤小知识\n"
        "专家提醒，夏天出门前二十分钟涂抹防晒霜，效果最好，游泳后还要及时补涂。\n"
        "欧宝体育app登录入口：相关标签：夏季防晒霜推荐防晒霜怎么选才好用儿童防晒霜品牌排行榜前十名\n"
        "歐寶體育app登錄入口：相關標籤：夏季防曬霜推薦防曬霜怎麼選才好用兒童防曬霜品牌排行榜前十名\n";
    static const int want[] = {SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_AD,
                               SCRUB_LABEL_AD};
    scrub_ctx *ctx = scrub_ctx_new();
    expect_labels(ctx, doc, NULL, 0, want, 4);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 2), "gambling:欧宝体育");
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 3), "gambling:歐寶體育");
    scrub_ctx_free(ctx);
}
END_TEST

/* Spam shapes that no lexicon entry decides alone (issue 6, round 5):
 * bare domains whose name mixes letters and digits (domain-line), the
 * address words of farms that rotate domains (永久域名, 备用网址), a
 * sentence that gives money away for an account (offer-sentence) and
 * the variants of one search keyword (repeated-keyword).  Between
 * article sentences context alone would keep them as subheadings.  News
 * on the same trades, a list of ingredients and a sentence naming a
 * domain stay. */
START_TEST(spam_shapes_without_lexicon)
{
    static const char *const docs[] = {
        "市图书馆推出夜间自习室\n"
        "市图书馆从下周一起开放夜间自习室，每天开放到晚上十点，市民凭读者证即可入场。\n"
        "js8866.com\n"
        "馆方介绍，自习室共有两百个座位，配有台灯和电源插座，可以通过网站提前预约。\n"
        "www.hg0088vip.cc\n"
        "预约系统上线第一天，就有三百多位读者登录www.library.gov.cn选择了座位。\n"
        "永久域名 am7788.vip\n"
        "不少读者表示，晚上下班后终于有了安静的学习场所，希望这项服务能长期坚持下去。\n"
        "最新备用网址发布页\n"
        "馆方还准备了热水和常用药品，并在入口处设置了失物招领处。\n"
        "银河娱乐注册送38元彩金，首存即送100%，天天返水无上限，欢迎新老会员体验。\n"
        "警方提醒，近期有赌博网站以高额返利为诱饵吸引市民，已有12人被罚款3000元。\n"
        "瑜伽垫 瑜伽垫价格 瑜伽垫品牌 瑜伽垫哪个好 瑜伽垫批发\n"
        "自习室每晚提供的夜宵有面包、牛奶、鸡蛋、水果和热粥，均由志愿者准备。\n"
        "面包、牛奶、鸡蛋、水果、热粥、饼干\n"
        "图书馆表示，将根据读者的反馈调整开放时间，并增加周末的开放时段。\n",
        "市圖書館推出夜間自習室\n"
        "市圖書館從下週一起開放夜間自習室，每天開放到晚上十點，市民憑讀者證即可入場。\n"
        "js8866.com\n"
        "館方介紹，自習室共有兩百個座位，配有檯燈和電源插座，可以通過網站提前預約。\n"
        "www.hg0088vip.cc\n"
        "預約系統上線第一天，就有三百多位讀者登錄www.library.gov.tw選擇了座位。\n"
        "永久域名 am7788.vip\n"
        "不少讀者表示，晚上下班後終於有了安靜的學習場所，希望這項服務能長期堅持下去。\n"
        "最新備用網址發布頁\n"
        "館方還準備了熱水和常用藥品，並在入口處設置了失物招領處。\n"
        "銀河娛樂註冊送38元彩金，首存即送100%，天天返水無上限，歡迎新老會員體驗。\n"
        "警方提醒，近期有賭博網站以高額返利為誘餌吸引市民，已有12人被罰款3000元。\n"
        "瑜伽墊 瑜伽墊價格 瑜伽墊品牌 瑜伽墊哪個好 瑜伽墊批發\n"
        "自習室每晚提供的宵夜有麵包、牛奶、雞蛋、水果和熱粥，均由志願者準備。\n"
        "麵包、牛奶、雞蛋、水果、熱粥、餅乾\n"
        "圖書館表示，將根據讀者的反饋調整開放時間，並增加週末的開放時段。\n"};
    static const int want[] = {
        SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_AD,      SCRUB_LABEL_CONTENT,
        SCRUB_LABEL_AD,      SCRUB_LABEL_CONTENT, SCRUB_LABEL_AD,      SCRUB_LABEL_CONTENT,
        SCRUB_LABEL_AD,      SCRUB_LABEL_CONTENT, SCRUB_LABEL_AD,      SCRUB_LABEL_CONTENT,
        SCRUB_LABEL_SPAM,    SCRUB_LABEL_CONTENT, SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT};
    static const char *const reason[2][6] = {
        {"domain-line", "domain-line", "blackseo:永久域名", "blackseo:备用网址", "offer-sentence",
         "repeated-keyword"},
        {"domain-line", "domain-line", "blackseo:永久域名", "blackseo:備用網址", "offer-sentence",
         "repeated-keyword"}};
    static const size_t at[] = {2, 4, 6, 8, 10, 12};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        expect_labels(ctx, docs[d], NULL, 0, want, 16);
        for (size_t k = 0; k < 6; k++)
            ck_assert_msg(strcmp(scrub_filter_line_reason(ctx, at[k]), reason[d][k]) == 0,
                          "doc %zu line %zu: %s", d, at[k], scrub_filter_line_reason(ctx, at[k]));
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* On a page that injects spam (two advert lines here), a subheading that
 * holds a spam term the lexicon knows only as a weak word (太阳城, 澳门) is
 * more of it; the page's title stays, and so does a subheading naming
 * what the article's sentences talk about (澳门).  On a page without
 * spam evidence the same subheading stays. */
START_TEST(spam_page_terms)
{
    static const char *const docs[] = {
        "澳门旅游市场持续回暖\n"
        "澳门特区政府旅游局公布，上月入境澳门的旅客超过三百万人次，同比增长两成。\n"
        "太阳城集团\n"
        "业内人士认为，会展和文化活动吸引了更多家庭游客，酒店入住率接近九成。\n"
        "澳门酒店\n"
        "旅游局表示，将继续与周边城市合作推出联程产品，方便旅客往返澳门和珠海。\n"
        "必威体育\n"
        "亚博体育官网\n",
        "澳門旅遊市場持續回暖\n"
        "澳門特區政府旅遊局公布，上月入境澳門的旅客超過三百萬人次，按年增長兩成。\n"
        "太陽城集團\n"
        "業內人士認為，會展和文化活動吸引了更多家庭遊客，酒店入住率接近九成。\n"
        "澳門酒店\n"
        "旅遊局表示，將繼續與周邊城市合作推出聯程產品，方便旅客往返澳門和珠海。\n"
        "必威體育\n"
        "亞博體育官網\n"};
    static const int want[] = {SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_AD,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_AD,      SCRUB_LABEL_AD};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        expect_labels(ctx, docs[d], NULL, 0, want, 8);
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 2), "spam-page-term");
        /* without the adverts the page shows no spam: a subheading */
        const char *cut = strstr(docs[d], d ? "必威體育" : "必威体育");
        ck_assert_status(scrub_classify_lines(ctx, docs[d], (size_t)(cut - docs[d]), 0), SCRUB_OK);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_HEADING);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* A paragraph the body's clusters leave out: the article, a run of eight
 * menu items, then two last paragraphs too small to join the body.  The
 * long one stays on its length; the shorter one, a full sentence of two
 * clauses going on from it (a trap line: 医院), is no related link and
 * stays too.  The menu items go. */
START_TEST(stray_paragraph_after_body)
{
    static const char *const doc =
        "社区医院开通夜间门诊\n"
        "为方便上班族就医，城东社区卫生服务中心从本周起开通夜间门诊，每天开放到晚上九点，周末照常接诊。\n"
        "中心负责人介绍，夜间门诊设有全科、儿科和药房，居民可以通过手机提前预约，到场后凭预约码直接就诊。\n"
        "开诊第一周，共有三百多位居民在晚上前来就诊，其中不少是刚下班的年轻人和带孩子的家长。\n"
        "一位在附近工厂上班的居民说，以前下班后医院已经关门，孩子发烧只能去很远的急诊排长队。\n"
        "中心为夜间门诊增加了四名医生和六名护士，药房也延长了开放时间，常用药品都能当场取到。\n"
        "为了让居民了解新的服务，社区工作人员还在各个小区张贴了通知，并在业主群里发布了预约方法。\n"
        "区卫生健康局表示，如果试点效果良好，明年将在全区其他社区卫生服务中心推广夜间门诊。\n"
        "不少居民在留言中说，夜间门诊解决了他们的实际困难，希望以后能增加更多的专科医生坐诊。\n"
        "附近几所学校的老师也反映，夜间门诊让他们不必为了看病向学校请假，可以安心上课。\n"
        "中心还开通了电话咨询，居民在晚上也能问到用药和复诊的安排，不用专门跑一趟。\n"
        "全科门诊\n"
        "儿科门诊\n"
        "中医门诊\n"
        "口腔门诊\n"
        "康复门诊\n"
        "体检中心\n"
        "预防接种\n"
        "家庭医生\n"
        "中心还计划在明年开设夜间康复理疗服务，由两名康复治疗师轮流值班，为术后患者和慢性病老人提供针灸、推拿和运动指导，具体时间将另行通知。\n"
        "有居民建议增加夜间化验项目，中心表示正在与区医院商量，争取把血常规等常用检查也延长到晚上。\n";
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_uint_eq(scrub_filter_line_count(ctx), 21);
    for (size_t i = 19; i < 21; i++)
        ck_assert_msg(scrub_filter_line_kept(ctx, i) == 1, "line %zu: %s (%s)", i,
                      scrub_label_name(scrub_filter_line_label(ctx, i)),
                      scrub_filter_line_reason(ctx, i));
    for (size_t i = 11; i < 19; i++)
        ck_assert_int_eq(scrub_filter_line_kept(ctx, i), 0);
    scrub_ctx_free(ctx);
}
END_TEST

/* After the body, a catalogue's rows that end in the same cell (本厂生产
 * 现货供应 电话询价) with a description under some of them are the page's
 * table: kept.  Short menu items sharing an ending stay a menu. */
START_TEST(tail_rows_table)
{
    static const char *const docs[] = {
        "数显温控器产品目录\n"
        "本公司生产的温控器适用于注塑机、烘箱和恒温水槽，下列型号均可按需定制。\n"
        "数显温控器XM-100 本厂生产 现货供应 电话询价\n"
        "面板尺寸为九十六毫米见方，支持热电偶和热电阻两种输入，控制精度达到千分之五。\n"
        "智能温控器XM-200 本厂生产 现货供应 电话询价\n"
        "双排数码管显示\n"
        "多段程序温控器XM-300 本厂生产 现货供应 电话询价\n"
        "可编程三十段升温曲线\n"
        "防爆温控器XM-400 本厂生产 现货供应 电话询价\n",
        "數顯溫控器產品目錄\n"
        "本公司生產的溫控器適用於注塑機、烘箱和恆溫水槽，下列型號均可按需定製。\n"
        "數顯溫控器XM-100 本廠生產 現貨供應 電話詢價\n"
        "面板尺寸為九十六毫米見方，支持熱電偶和熱電阻兩種輸入，控制精度達到千分之五。\n"
        "智能溫控器XM-200 本廠生產 現貨供應 電話詢價\n"
        "雙排數碼管顯示\n"
        "多段程序溫控器XM-300 本廠生產 現貨供應 電話詢價\n"
        "可編程三十段升溫曲線\n"
        "防爆溫控器XM-400 本廠生產 現貨供應 電話詢價\n"};
    static const char *const menus[] = {
        "数显温控器产品目录\n"
        "本公司生产的温控器适用于注塑机、烘箱和恒温水槽，下列型号均可按需定制。\n"
        "工业温控产品中心\n实验温控产品中心\n家用温控产品中心\n",
        "數顯溫控器產品目錄\n"
        "本公司生產的溫控器適用於注塑機、烘箱和恆溫水槽，下列型號均可按需定製。\n"
        "工業溫控產品中心\n實驗溫控產品中心\n家用溫控產品中心\n"};
    static const int menu_want[] = {SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_NAV,
                                    SCRUB_LABEL_NAV, SCRUB_LABEL_NAV};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        ck_assert_status(scrub_classify_lines(ctx, docs[d], strlen(docs[d]), 0), SCRUB_OK);
        ck_assert_uint_eq(scrub_filter_line_count(ctx), 9);
        for (size_t i = 4; i < 9; i++)
            ck_assert_msg(scrub_filter_line_kept(ctx, i) == 1, "doc %zu line %zu: %s (%s)", d, i,
                          scrub_label_name(scrub_filter_line_label(ctx, i)),
                          scrub_filter_line_reason(ctx, i));
        expect_labels(ctx, menus[d], NULL, 0, menu_want, 5);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* The same rows between two paragraphs of the body, each with its
 * description under it: a run of five short lines, which a menu between
 * paragraphs would be, kept as the body's table. */
START_TEST(tail_rows_inside)
{
    static const char *const docs[] = {
        "称重传感器选型表\n"
        "本公司代理多个品牌的称重传感器，下列型号的价格和货期请来电咨询。\n"
        "轮辐式传感器LF-10 上海某厂 不详 来电洽询\n"
        "合金钢材质 额定载荷六吨至五十吨\n"
        "柱式传感器ZS-20 无锡某厂 不详 来电洽询\n"
        "不锈钢材质 防护等级较高\n"
        "拉压传感器LY-30 常州某厂 不详 来电洽询\n"
        "以上型号均提供出厂检定证书，订货前请确认量程、安装方式和输出信号，以免延误工期。\n",
        "稱重傳感器選型表\n"
        "本公司代理多個品牌的稱重傳感器，下列型號的價格和貨期請來電諮詢。\n"
        "輪輻式傳感器LF-10 上海某廠 不詳 來電洽詢\n"
        "合金鋼材質 額定載荷六噸至五十噸\n"
        "柱式傳感器ZS-20 無錫某廠 不詳 來電洽詢\n"
        "不鏽鋼材質 防護等級較高\n"
        "拉壓傳感器LY-30 常州某廠 不詳 來電洽詢\n"
        "以上型號均提供出廠檢定證書，訂貨前請確認量程、安裝方式和輸出信號，以免延誤工期。\n"};
    static const int want[] = {SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) expect_labels(ctx, docs[d], NULL, 0, want, 8);
    scrub_ctx_free(ctx);
}
END_TEST

/* An advert slipped between the rows of a table under the body is
 * injected, not the article's end: the rows under it stay the body's, as
 * they are without it; a real related-links block under the table still
 * ends the article. */
START_TEST(injected_advert_inside_table)
{
    static const char *const docs[] = {
        "沪深两市龙虎榜营业部明细\n"
        "12月29日沪深两市共有十只个股因日涨幅偏离值达到7%登上龙虎榜，以下为买入金额居前的营业部名单。\n"
        "华泰证券股份有限公司西安文艺北路证券营业部\n"
        "中信证券股份有限公司上海溧阳路证券营业部\n"
        "国信证券股份有限公司深圳泰然九路证券营业部\n"
        "王者威尼斯人现金网网址：相关新闻\n"
        "广发证券股份有限公司广州天河北路证券营业部\n"
        "招商证券股份有限公司深圳益田路证券营业部\n"
        "海通证券股份有限公司太原新建路证券营业部\n"
        "相关新闻\n"
        "两市融资余额连续三日下降\n"
        "券商板块午后集体走强\n",
        "滬深兩市龍虎榜營業部明細\n"
        "12月29日滬深兩市共有十隻個股因日漲幅偏離值達到7%登上龍虎榜，以下為買入金額居前的營業部名單。\n"
        "華泰證券股份有限公司西安文藝北路證券營業部\n"
        "中信證券股份有限公司上海溧陽路證券營業部\n"
        "國信證券股份有限公司深圳泰然九路證券營業部\n"
        "王者威尼斯人現金網網址：相關新聞\n"
        "廣發證券股份有限公司廣州天河北路證券營業部\n"
        "招商證券股份有限公司深圳益田路證券營業部\n"
        "海通證券股份有限公司太原新建路證券營業部\n"
        "相關新聞\n"
        "兩市融資餘額連續三日下降\n"
        "券商板塊午後集體走強\n"};
    static const int want[] = {SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_AD,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_RELATED, SCRUB_LABEL_RELATED, SCRUB_LABEL_RELATED};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        expect_labels(ctx, docs[d], NULL, 0, want, 12);
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 7), "tail-rows");
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* Spec lines between two paragraphs are framed by the body; an injected
 * line among them -- an advert, or a prev/next link that carries a
 * casino's name -- leaves them framed (they are menu items without the
 * body's frame).  The related block under the body still ends it. */
START_TEST(injected_lines_inside_body)
{
    /* each document's lines above and under the injected line */
    static const char *const docs[][2] = {
        {"便携式粉尘检测仪产品介绍\n"
         "本仪器采用光散射原理，可实时测量环境空气中的可吸入颗粒物浓度，适用于车间、矿山和环境监测。\n"
         "重复性误差：±2%；\n",
         "测量精度：±10%；\n"
         "输出方式为四位液晶显示，可直读质量浓度值，并能连接打印机输出测量数据。\n"
         "仪器内置锂电池，充满电后可连续工作十二小时，适合野外长时间监测使用。\n"
         "相关阅读\n"
         "粉尘仪的日常维护\n"
         "如何选购颗粒物检测仪\n"},
        {"攜帶式粉塵檢測儀產品介紹\n"
         "本儀器採用光散射原理，可即時測量環境空氣中的可吸入顆粒物濃度，適用於車間、礦山和環境監測。\n"
         "重複性誤差：±2%；\n",
         "測量精度：±10%；\n"
         "輸出方式為四位液晶顯示，可直讀質量濃度值，並能連接印表機輸出測量數據。\n"
         "儀器內建鋰電池，充滿電後可連續工作十二小時，適合野外長時間監測使用。\n"
         "相關閱讀\n"
         "粉塵儀的日常維護\n"
         "如何選購顆粒物檢測儀\n"}};
    static const char *const injected[][2] = {
        {"上一篇：大口径ope体育app下载手机版的重要性质是什么？",
         "上一篇：大口徑ope體育app下載手機版的重要性質是什麼？"},
        {"上一篇：市环保局举办粉尘检测技术培训班‘爱游戏体育官方’",
         "上一篇：市環保局舉辦粉塵檢測技術培訓班‘愛遊戲體育官方’"}};
    static const int removed[] = {SCRUB_LABEL_AD, SCRUB_LABEL_NAV};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t k = 0; k < 2; k++)
        for (size_t d = 0; d < 2; d++) {
            char doc[1024];
            snprintf(doc, sizeof doc, "%s%s\n%s", docs[d][0], injected[k][d], docs[d][1]);
            int want[10];
            for (size_t i = 0; i < 10; i++)
                want[i] = i == 0 || i == 2 || i == 4 ? SCRUB_LABEL_HEADING
                          : i == 3                   ? removed[k]
                          : i < 7                    ? SCRUB_LABEL_CONTENT
                                                     : SCRUB_LABEL_RELATED;
            expect_labels(ctx, doc, NULL, 0, want, 10);
            /* the name in the link is a span */
            ck_assert_uint_eq(scrub_filter_span_count(ctx), k);
        }
    scrub_ctx_free(ctx);
}
END_TEST

/* A prev/next link that carries a casino's name, low in the body, is
 * injected, not the body's pager: the paragraph under it stays (the
 * context passes read the whole line as a blank, so no pager clips the
 * body there).  Read before unifying it with the frame's see-through
 * lines: a predicate tested only where the passes test for a blank lets
 * clip_at_pager see the link and drop the paragraph as after-pager. */
START_TEST(injected_pager_not_body_end)
{
    static const char doc[] =
        "便携式粉尘检测仪产品介绍\n"
        "本仪器采用光散射原理，可实时测量环境空气中的可吸入颗粒物浓度，适用于车间、矿山和环境监测。\n"
        "输出方式为四位液晶显示，可直读质量浓度值，并能连接打印机输出测量数据。\n"
        "仪器内置锂电池，充满电后可连续工作十二小时，适合野外长时间监测使用。\n"
        "上一篇：市环保局举办粉尘检测技术培训班‘爱游戏体育官方’\n"
        "仪器外壳采用铝合金材料，重量轻，便于携带，可在高温高湿环境中稳定工作。\n"
        "相关阅读\n"
        "粉尘仪的日常维护\n";
    static const int want[] = {SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_NAV,     SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_RELATED, SCRUB_LABEL_RELATED};
    scrub_ctx *ctx = scrub_ctx_new();
    expect_labels(ctx, doc, NULL, 0, want, 8);
    ck_assert_uint_eq(scrub_filter_span_count(ctx), 1);
    scrub_ctx_free(ctx);
}
END_TEST

/* A button or a share bar an extractor left under the body's list is
 * furniture, not the article's end: the items under it stay the body's
 * (they are a menu after the body without it); a footer marker or a
 * comment section's title in its place still ends the article, and the
 * related block under the list is removed either way. */
START_TEST(furniture_inside_tail_list)
{
    /* each document's lines above and under the line put among its items */
    static const char *const docs[][2] = {
        {"斯坦福大学发布各国贫困状况报告\n"
         "斯坦福大学贫困与不平等研究中心周一发布报告，比较了十个富裕国家的贫困、收入和财富不平等以及经济流动性。\n"
         "报告认为，美国的社会保障网只提供了人们所需经济帮助的一半，援助水平普遍低于其他国家。\n"
         "报告按综合得分给十个国家排了名，芬兰居首，美国排在最后，各国的总体排名如下。\n"
         "1. 芬兰\n",
         "2. 挪威\n"
         "3. 澳大利亚\n"
         "4. 加拿大\n"
         "5. 德国\n"
         "相关新闻\n"
         "美国家庭收入中位数创新高\n"
         "多国公布最新失业率数据\n"},
        {"史丹佛大學發布各國貧困狀況報告\n"
         "史丹佛大學貧困與不平等研究中心週一發布報告，比較了十個富裕國家的貧困、收入和財富不平等以及經濟流動性。\n"
         "報告認為，美國的社會保障網只提供了人們所需經濟幫助的一半，援助水平普遍低於其他國家。\n"
         "報告按綜合得分給十個國家排了名，芬蘭居首，美國排在最後，各國的總體排名如下。\n"
         "1. 芬蘭\n",
         "2. 挪威\n"
         "3. 澳大利亞\n"
         "4. 加拿大\n"
         "5. 德國\n"
         "相關新聞\n"
         "美國家庭收入中位數創新高\n"
         "多國公布最新失業率數據\n"}};
    static const struct {
        const char *line[2];
        bool through; /* the items under it stay the body's */
    } put[] = {{{"登录", "登入"}, true},
               {{"分享到：", "分享到："}, true},
               {{"Copyright © 2019 某某网 版权所有", "Copyright © 2019 某某網 版權所有"}, false},
               {{"网友评论", "網友評論"}, false}};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t k = 0; k < sizeof put / sizeof put[0]; k++)
        for (size_t d = 0; d < 2; d++) {
            char doc[2048];
            snprintf(doc, sizeof doc, "%s%s\n%s", docs[d][0], put[k].line[d], docs[d][1]);
            ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
            ck_assert_uint_eq(scrub_filter_line_count(ctx), 13);
            for (size_t i = 0; i < 13; i++) {
                int want = i <= 4 || (put[k].through && i >= 6 && i <= 9);
                ck_assert_msg(scrub_filter_line_kept(ctx, i) == want, "put %zu doc %zu line %zu: %s (%s)",
                              k, d, i, scrub_label_name(scrub_filter_line_label(ctx, i)),
                              scrub_filter_line_reason(ctx, i));
            }
        }
    scrub_ctx_free(ctx);
}
END_TEST

/* A lone symbol an extractor left inside a title broken over lines
 * (`|` between its two halves) splits nothing: the upper half still joins
 * the title; the copyright line under the body still ends the article. */
START_TEST(symbol_inside_title)
{
    static const char *const docs[] = {
        "全国人民代表大会常务委员会\n"
        "关于批准国家发展改革委调整部分重点项目及\n"
        "|\n"
        "调整2008年度投资计划的决议\n"
        "（2008年6月26日第十一届全国人民代表大会常务委员会第三次会议通过）\n"
        "　　第十一届全国人民代表大会常务委员会第三次会议审议了国务院提请的议案，决定批准调整部分重点项目的年度投资计划。\n"
        "　　会议要求国务院有关部门加强项目管理，确保资金使用安全有效，按期向常务委员会报告执行情况。\n"
        "版权所有 全国人民代表大会 京ICP备05070218号\n"
        "常务委员会办公厅主办\n",
        "全國人民代表大會常務委員會\n"
        "關於批准國家發展改革委調整部分重點項目及\n"
        "|\n"
        "調整2008年度投資計劃的決議\n"
        "（2008年6月26日第十一屆全國人民代表大會常務委員會第三次會議通過）\n"
        "　　第十一屆全國人民代表大會常務委員會第三次會議審議了國務院提請的議案，決定批准調整部分重點項目的年度投資計劃。\n"
        "　　會議要求國務院有關部門加強項目管理，確保資金使用安全有效，按期向常務委員會報告執行情況。\n"
        "版權所有 全國人民代表大會 京ICP備05070218號\n"
        "常務委員會辦公廳主辦\n"};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        ck_assert_status(scrub_classify_lines(ctx, docs[d], strlen(docs[d]), 0), SCRUB_OK);
        ck_assert_uint_eq(scrub_filter_line_count(ctx), 9);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 1), SCRUB_LABEL_HEADING);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_ARTIFACT);
        for (size_t i = 1; i < 9; i++)
            ck_assert_msg(scrub_filter_line_kept(ctx, i) == (i != 2 && i < 7), "doc %zu line %zu: %s (%s)",
                          d, i, scrub_label_name(scrub_filter_line_label(ctx, i)),
                          scrub_filter_line_reason(ctx, i));
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* A headline alone on its line over the same headline run into its date
 * and counters is the title, not a menu item above the body. */
START_TEST(title_alone_above)
{
    static const char *const docs[] = {
        "社区食堂开进老旧小区\n"
        "2023年5月8日社区食堂开进老旧小区已关闭评论 861 浏览 3572\n"
        "街道办事处与餐饮企业合作，在三个老旧小区开设社区食堂，老年人用餐可享受八折优惠。\n"
        "食堂每天供应早中晚三餐，菜品由营养师搭配，居民可以提前一天在小程序上预订。\n",
        "社區食堂開進老舊小區\n"
        "2023年5月8日社區食堂開進老舊小區已關閉評論 861 瀏覽 3572\n"
        "街道辦事處與餐飲企業合作，在三個老舊小區開設社區食堂，老年人用餐可享受八折優惠。\n"
        "食堂每天供應早中晚三餐，菜品由營養師搭配，居民可以提前一天在小程序上預訂。\n"};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        ck_assert_status(scrub_classify_lines(ctx, docs[d], strlen(docs[d]), 0), SCRUB_OK);
        ck_assert_msg(scrub_filter_line_label(ctx, 0) == SCRUB_LABEL_HEADING, "doc %zu: %s (%s)", d,
                      scrub_label_name(scrub_filter_line_label(ctx, 0)),
                      scrub_filter_line_reason(ctx, 0));
        ck_assert_int_eq(scrub_filter_line_kept(ctx, 2), 1);
        ck_assert_int_eq(scrub_filter_line_kept(ctx, 3), 1);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* A farm's template with a brand no lexicon knows (qvx365): the brand
 * glued to its login and site fields on two lines, a keyword field cut
 * from the title by a word segmenter, the summary pasted twice -- a site
 * farm, its slots removed, its article kept.  News on a lottery with its
 * figures, a hotline, an app's download line and a summary copied from
 * its lede is no farm. */
START_TEST(template_farm_unknown_brand)
{
    static const char farm[] =
        "qvx365手机版登录:城市公园春季花展开幕\n"
        "本文摘要：城市公园春季花展今天开幕，园内种植了郁金香、樱花和海棠等二十多个品种，吸引了大批市民前来观赏。\n"
        "城市公园春季花展今天开幕，园内种植了郁金香、樱花和海棠等二十多个品种，吸引了大批市民前来观赏。\n"
        "公园管理处介绍，花展将持续到下月中旬，期间每天上午八点开园，晚上六点闭园，游客无需预约。\n"
        "为方便市民出行，附近公交线路增加了班次，公园东门和南门还设置了临时停车区域。\n"
        "本文关键词：qvx365官网,城市,公园,春,季,花展,开幕,郁金香,樱花,海棠\n";
    static const char news[] =
        "本市公布上半年彩票销售情况\n"
        "摘要：本市彩票中心今天公布，上半年全市共销售体育彩票12.6亿元，同比增长8.3%，筹集公益金3.1亿元。\n"
        "本市彩票中心今天公布，上半年全市共销售体育彩票12.6亿元，同比增长8.3%，筹集公益金3.1亿元。\n"
        "其中，大乐透销售5.2亿元，竞彩销售4.8亿元，即开型彩票销售1.9亿元，网点数量达到2360个。\n"
        "中心提醒购彩者理性投注，未满18周岁者不得购买彩票，中奖者须在60天内兑奖。\n"
        "兑奖咨询电话：010-66668888\n"
        "APP下载\n";
    scrub_ctx *ctx = scrub_ctx_new();
    for (int script = 0; script < 2; script++) {
        const char *docs[2] = {farm, news};
        char *conv[2] = {NULL, NULL};
        for (int d = 0; d < 2 && script; d++) {
            size_t n;
            ck_assert_status(scrub_zh_convert(ctx, docs[d], strlen(docs[d]), SCRUB_ZH_HANS,
                                              SCRUB_ZH_TW, 0, &conv[d], &n),
                             SCRUB_OK);
            docs[d] = conv[d];
        }
        ck_assert_status(scrub_classify_lines(ctx, docs[0], strlen(docs[0]), 0), SCRUB_OK);
        ck_assert_msg(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM, "script %d score %.3f",
                      script, scrub_filter_doc_score(ctx));
        /* the brand heading the line decides it alone now (lead-brand,
         * branch filter-spamown); the farm still reads it as a field */
        ck_assert_int_eq(scrub_filter_line_label(ctx, 0), SCRUB_LABEL_AD);
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 0), "lead-brand");
        ck_assert_int_eq(scrub_filter_line_label(ctx, 5), SCRUB_LABEL_SPAM);
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 5), "segmented-keywords");
        for (size_t i = 2; i <= 4; i++) ck_assert_int_eq(scrub_filter_line_kept(ctx, i), 1);
        ck_assert_status(scrub_classify_lines(ctx, docs[1], strlen(docs[1]), 0), SCRUB_OK);
        ck_assert_msg(!(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM), "script %d score %.3f",
                      script, scrub_filter_doc_score(ctx));
        for (size_t i = 2; i <= 4; i++)
            ck_assert_msg(scrub_filter_line_kept(ctx, i) == 1, "script %d line %zu: %s", script, i,
                          scrub_filter_line_reason(ctx, i));
        scrub_free(conv[0]);
        scrub_free(conv[1]);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* One casino brand under a clean article (an injected or sponsor line) is
 * removed but does not make the page a site farm; a second advert line of
 * the brand does (the farm sells it), and so does the brand with its
 * link. */
START_TEST(lone_advert_not_farm)
{
    static const char *const docs[] = {
        "市体育中心游泳馆恢复开放\n"
        "经过三个月的维修，市体育中心游泳馆本周六起恢复对外开放，票价保持不变。\n"
        "馆方介绍，此次维修更换了池底瓷砖和水循环设备，水质检测结果全部达标。\n"
        "恢复开放后，游泳馆每天上午八点至晚上九点营业，周一上午闭馆清洁。\n"
        "为保障安全，馆内增加了两名救生员，并在浅水区设置了儿童专用区域。\n"
        "市民可以通过体育中心的公众号购票，也可以在现场窗口购买次卡和月卡。\n"
        "馆方提醒，进入泳池前须淋浴并佩戴泳帽，患有传染性疾病者不得入池。\n"
        "体育中心表示，今年夏天还将开设少儿游泳培训班，具体时间另行通知。\n"
        "必威体育\n"
        "必威体育官网\n",
        "市體育中心游泳館恢復開放\n"
        "經過三個月的維修，市體育中心游泳館本週六起恢復對外開放，票價保持不變。\n"
        "館方介紹，此次維修更換了池底瓷磚和水循環設備，水質檢測結果全部達標。\n"
        "恢復開放後，游泳館每天上午八點至晚上九點營業，週一上午閉館清潔。\n"
        "為保障安全，館內增加了兩名救生員，並在淺水區設置了兒童專用區域。\n"
        "市民可以通過體育中心的公眾號購票，也可以在現場窗口購買次卡和月卡。\n"
        "館方提醒，進入泳池前須淋浴並佩戴泳帽，患有傳染性疾病者不得入池。\n"
        "體育中心表示，今年夏天還將開設少兒游泳培訓班，具體時間另行通知。\n"
        "必威體育\n"
        "必威體育官網\n"};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        const char *second = strrchr(docs[d], '\n');
        while (second > docs[d] && second[-1] != '\n') second--;
        /* one advert line: removed, no farm */
        ck_assert_status(scrub_classify_lines(ctx, docs[d], (size_t)(second - docs[d]), 0), SCRUB_OK);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 8), SCRUB_LABEL_AD);
        ck_assert_msg(!(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM), "doc %zu score %.3f", d,
                      scrub_filter_doc_score(ctx));
        ck_assert(scrub_filter_doc_score(ctx) < 0.5);
        /* the brand on a second line: a farm */
        ck_assert_status(scrub_classify_lines(ctx, docs[d], strlen(docs[d]), 0), SCRUB_OK);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 9), SCRUB_LABEL_AD);
        ck_assert(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM);
        /* one line with the brand's link: a farm, as a hospital advert is */
        const char *brand = strstr(docs[d], "必威");
        char linked[2048];
        snprintf(linked, sizeof linked, "%.*s%s http://bw.example.com/\n",
                 (int)(brand - docs[d]), docs[d], d ? "必威體育" : "必威体育");
        ck_assert_status(scrub_classify_lines(ctx, linked, strlen(linked), 0), SCRUB_OK);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 8), SCRUB_LABEL_AD);
        ck_assert(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* A call to add a messenger id (加微信 + the id, 加QQ + the number) on a
 * line of its own is a contact line, not a subheading; a sentence that
 * invites readers to the library's public account stays. */
START_TEST(messenger_call_to_act)
{
    static const char *const docs[] = {
        "市图书馆推出夜间自习室\n"
        "市图书馆从下周一起开放夜间自习室，每天开放到晚上十点，市民凭读者证即可入场。\n"
        "加微信abc8888，了解更多详情，每天都有惊喜等着你\n"
        "馆方介绍，自习室共有两百个座位，读者可以加微信公众号预约座位。\n"
        "加QQ 12345678 领取资料\n"
        "图书馆表示，将根据读者的反馈调整开放时间，并增加周末的开放时段。\n",
        "市圖書館推出夜間自習室\n"
        "市圖書館從下週一起開放夜間自習室，每天開放到晚上十點，市民憑讀者證即可入場。\n"
        "加微信abc8888，了解更多詳情，每天都有驚喜等著你\n"
        "館方介紹，自習室共有兩百個座位，讀者可以加微信公眾號預約座位。\n"
        "加QQ 12345678 領取資料\n"
        "圖書館表示，將根據讀者的反饋調整開放時間，並增加週末的開放時段。\n"};
    static const int want[] = {SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTACT,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTACT, SCRUB_LABEL_CONTENT};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        expect_labels(ctx, docs[d], NULL, 0, want, 6);
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 2), "contact:加微信");
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 4), "contact:加qq");
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* A brand of letters and digits glued to a gambling word (365bet体育,
 * 金沙js0005) on a short line, and a sentence-like line naming the same
 * casino three times with a call to act (repeated-brand), are adverts no
 * lexicon entry decides; a product name glued to other words and news
 * naming Macau three times stay. */
START_TEST(brand_shapes)
{
    static const char *const docs[] = {
        "市图书馆推出夜间自习室\n"
        "市图书馆从下周一起开放夜间自习室，每天开放到晚上十点，市民凭读者证即可入场。\n"
        "365bet体育在线\n"
        "馆方介绍，自习室共有两百个座位，配有台灯和电源插座，可以通过网站提前预约。\n"
        "金沙js0005\n"
        "澳门特区政府公布，澳门上月入境旅客超过三百万人次，澳门酒店的入住率接近九成。\n"
        "华为Mate60手机\n"
        "不少读者表示，晚上下班后终于有了安静的学习场所，座位旁还可以给手机充电。\n"
        "金沙娱乐场官方网站为您提供最新最全的游戏,金沙娱乐场真人平台欢迎新老会员,金沙娱乐场注册开户送豪礼\n"
        "图书馆表示，将根据读者的反馈调整开放时间，并增加周末的开放时段。\n",
        "市圖書館推出夜間自習室\n"
        "市圖書館從下週一起開放夜間自習室，每天開放到晚上十點，市民憑讀者證即可入場。\n"
        "365bet體育在線\n"
        "館方介紹，自習室共有兩百個座位，配有檯燈和電源插座，可以通過網站提前預約。\n"
        "金沙js0005\n"
        "澳門特區政府公佈，澳門上月入境旅客超過三百萬人次，澳門酒店的入住率接近九成。\n"
        "華為Mate60手機\n"
        "不少讀者表示，晚上下班後終於有了安靜的學習場所，座位旁還可以給手機充電。\n"
        "金沙娛樂場官方網站為您提供最新最全的遊戲,金沙娛樂場真人平臺歡迎新老會員,金沙娛樂場註冊開戶送豪禮\n"
        "圖書館表示，將根據讀者的反饋調整開放時間，並增加週末的開放時段。\n"};
    static const int want[] = {SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_AD,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_AD,      SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_AD,
                               SCRUB_LABEL_CONTENT};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        expect_labels(ctx, docs[d], NULL, 0, want, 10);
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 2), "alnum-brand");
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 4), "alnum-brand");
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 8), "repeated-brand");
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* A hospital's promotion inside a health article: a sentence with a
 * hospital-SEO term and a call to consult or a hotline is an advert; a
 * doctor's advice that names the same treatment stays. */
START_TEST(hospital_promotion)
{
    static const char *const docs[] = {
        "春季皮肤护理小常识\n"
        "春季气温回升，皮肤容易出现干燥、瘙痒等问题，专家提醒市民注意日常保湿。\n"
        "北京哪家医院治疗白癜风最好？华美皮肤病医院专家介绍，本院采用新技术，欢迎点击在线咨询。\n"
        "皮肤科医生介绍，目前治疗白癜风的方法主要有药物和光疗，患者应到正规医院就诊。\n"
        "想了解牛皮癣医院的治疗方案，请拨打咨询热线010-62345678，专家为您一对一解答。\n"
        "洗澡水温不宜过高，洗完后及时涂抹润肤霜，可以减少皮肤水分流失。\n",
        "春季皮膚護理小常識\n"
        "春季氣溫回升，皮膚容易出現乾燥、瘙癢等問題，專家提醒市民注意日常保濕。\n"
        "北京哪家醫院治療白癜風最好？華美皮膚病醫院專家介紹，本院採用新技術，歡迎點擊在線諮詢。\n"
        "皮膚科醫生介紹，目前治療白癜風的方法主要有藥物和光療，患者應到正規醫院就診。\n"
        "想了解牛皮癬醫院的治療方案，請撥打諮詢熱線010-62345678，專家為您一對一解答。\n"
        "洗澡水溫不宜過高，洗完後及時塗抹潤膚霜，可以減少皮膚水分流失。\n"};
    static const int want[] = {SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_AD,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_AD,      SCRUB_LABEL_CONTENT};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        expect_labels(ctx, docs[d], NULL, 0, want, 6);
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 2), "hospital-promo");
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 4), "hospital-promo");
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* A product page's spec sheet: short unpunctuated rows that context would
 * take for a menu, but half of them give a figure with its unit (12V,
 * 2.6kg, 202×85×168mm); the links after the last figure stay a menu. */
START_TEST(spec_rows)
{
    static const char *const docs[] = {
        "便携式粉尘检测仪产品介绍\n"
        "本仪器采用光散射原理，可实时测量环境空气中的可吸入颗粒物浓度，适用于车间、矿山和环境监测。\n"
        "技术参数\n"
        "测量范围0.01-100mg/m3\n"
        "工作电压12V\n"
        "主机重量2.6kg\n"
        "外形尺寸202×85×168mm\n"
        "数据接口\n"
        "存储容量16MB\n"
        "如需了解更多型号和价格信息，欢迎致电我们的销售部门咨询。\n"
        "相关产品\n"
        "激光粉尘仪的使用方法\n"
        "粉尘仪的日常维护\n"
        "如何选购颗粒物检测仪\n",
        "攜帶式粉塵檢測儀產品介紹\n"
        "本儀器採用光散射原理，可即時測量環境空氣中的可吸入顆粒物濃度，適用於車間、礦山和環境監測。\n"
        "技術參數\n"
        "測量範圍0.01-100mg/m3\n"
        "工作電壓12V\n"
        "主機重量2.6kg\n"
        "外形尺寸202×85×168mm\n"
        "數據介面\n"
        "儲存容量16MB\n"
        "如需了解更多型號和價格資訊，歡迎致電我們的銷售部門諮詢。\n"
        "相關產品\n"
        "雷射粉塵儀的使用方法\n"
        "粉塵儀的日常維護\n"
        "如何選購顆粒物檢測儀\n"};
    int want[14];
    for (size_t i = 0; i < 14; i++)
        want[i] = i == 0 ? SCRUB_LABEL_HEADING : i < 10 ? SCRUB_LABEL_CONTENT : SCRUB_LABEL_NAV;
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        expect_labels(ctx, docs[d], NULL, 0, want, 14);
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 4), "spec-rows");
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* A hospital advert with its link, injected below the lead of a health
 * article, shows a farm page as a gambling brand outside the article does;
 * the article's own mention of a hospital does not. */
START_TEST(hospital_ad_farm)
{
    static const char *const docs[] = {
        "春季皮肤护理小常识\n"
        "春季气温回升，皮肤容易出现干燥、瘙痒等问题，专家提醒市民注意日常保湿。\n"
        "洗澡水温不宜过高，洗完后及时涂抹润肤霜，可以减少皮肤水分流失。\n"
        "外出时要做好防晒，紫外线过强会加重色素沉着，敏感肌肤更要注意。\n"
        "北京治疗白癜风最好的医院 http://m.example.com/bdf/\n"
        "如果皮肤出现持续红肿或白斑，应及时到正规医院皮肤科就诊。\n",
        "春季皮膚護理小常識\n"
        "春季氣溫回升，皮膚容易出現乾燥、瘙癢等問題，專家提醒市民注意日常保濕。\n"
        "洗澡水溫不宜過高，洗完後及時塗抹潤膚霜，可以減少皮膚水分流失。\n"
        "外出時要做好防曬，紫外線過強會加重色素沉著，敏感肌膚更要注意。\n"
        "北京治療白癜風最好的醫院 http://m.example.com/bdf/\n"
        "如果皮膚出現持續紅腫或白斑，應及時到正規醫院皮膚科就診。\n"};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        const char *doc = docs[d];
        ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 4), SCRUB_LABEL_AD);
        ck_assert(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM);
        /* without the advert, the article alone is no farm */
        const char *ad = strstr(doc, "\xe5\x8c\x97\xe4\xba\xac"); /* 北京 */
        const char *after = strchr(ad, '\n') + 1;
        char clean[1024];
        snprintf(clean, sizeof clean, "%.*s%s", (int)(ad - doc), doc, after);
        ck_assert_status(scrub_classify_lines(ctx, clean, strlen(clean), 0), SCRUB_OK);
        ck_assert_uint_eq(scrub_filter_doc_flags(ctx) & SCRUB_DOC_SITE_FARM, 0);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* The site's disclaimer under an article (文章内容系作者个人观点，不代表本站
 * 观点) is footer, however sentence-like. */
START_TEST(disclaimer_notice)
{
    static const char *const docs[] = {
        "手机赚钱的几种方法\n"
        "现在用手机赚钱已经成了很多人的选择，下面分享几种常见而且可靠的方式。\n"
        "这些方式都需要长期坚持，每天花一点时间，就能有一份不错的额外收入。\n"
        "温馨提示：文章内容系作者个人观点，不代表本站对其观点赞同或支持。\n",
        "手機賺錢的幾種方法\n"
        "現在用手機賺錢已經成了很多人的選擇，下面分享幾種常見而且可靠的方式。\n"
        "這些方式都需要長期堅持，每天花一點時間，就能有一份不錯的額外收入。\n"
        "溫馨提示：文章內容係作者個人觀點，不代表本網對其觀點贊同或支持。\n"};
    static const int want[] = {SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_FOOTER};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) expect_labels(ctx, docs[d], NULL, 0, want, 4);
    scrub_ctx_free(ctx);
}
END_TEST

/* A stitched page: unrelated paragraphs, keyword slots in contact fields
 * (Phone : 来电显示器), and keywords pasted between the paragraphs as if
 * they were subheadings.  A keyword whose words the page never uses again
 * is spam there; a subheading that names the page's subject stays, and on
 * a page without spam evidence the same short lines stay headings. */
START_TEST(keyword_fragments)
{
    static const char *const docs[] = {
        "她的创业故事\n"
        "那是八十年代末，很多年轻人都奔赴大洋彼岸打拼，当时不少人劝她，写字楼租金高、投资大、风险实在太大了。\n"
        "袋鼠皮革\n"
        "她却有自己的想法：在所有消费者中，白领消费者最具理性，如果饭菜符合他们的口味，就一定会成为回头客，创业就能成功。\n"
        "青年创业\n"
        "根据用户反映，自从收取押金以后，可用车辆就越来越少，提现越来越困难，直到最近彻底无法使用。\n"
        "绿板\n"
        "她说，只要坚持下去，总会看到希望，这也是她给年轻人的建议。\n"
        "Phone : 来电显示器\n"
        "Email : 库存医药用品\n",
        "她的創業故事\n"
        "那是八十年代末，很多年輕人都奔赴大洋彼岸打拼，當時不少人勸她，寫字樓租金高、投資大、風險實在太大了。\n"
        "袋鼠皮革\n"
        "她卻有自己的想法：在所有消費者中，白領消費者最具理性，如果飯菜符合他們的口味，就一定會成為回頭客，創業就能成功。\n"
        "青年創業\n"
        "根據用戶反映，自從收取押金以後，可用車輛就越來越少，提現越來越困難，直到最近徹底無法使用。\n"
        "綠板\n"
        "她說，只要堅持下去，總會看到希望，這也是她給年輕人的建議。\n"
        "電話：來電顯示器\n"
        "郵箱：庫存醫藥用品\n"};
    static const int want[] = {SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_SPAM,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_SPAM,    SCRUB_LABEL_CONTENT, SCRUB_LABEL_SPAM,
                               SCRUB_LABEL_SPAM};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        expect_labels(ctx, docs[d], NULL, 0, want, 10);
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 2), "keyword-fragment");
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 8), "field-keyword");
        /* without the keyword slots the page shows no spam: a heading */
        const char *cut = strstr(docs[d], d ? "電話" : "Phone");
        ck_assert_status(scrub_classify_lines(ctx, docs[d], (size_t)(cut - docs[d]), 0), SCRUB_OK);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_HEADING);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 6), SCRUB_LABEL_HEADING);
    }
    /* a contact field with its number is contact, not a slot */
    const char *real = "电话：010-62345678\n";
    ck_assert_status(scrub_classify_lines(ctx, real, strlen(real), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 0), SCRUB_LABEL_CONTACT);
    scrub_ctx_free(ctx);
}
END_TEST

/* A live comment stream under a whole page's article (name and time
 * stamps, each over a post): the posts are widgets even when they are
 * long sentences, and the stamps too. */
START_TEST(comment_stream)
{
    static const char *const docs[] = {
        "首页 | 财经 | 股票\n"
        "央行宣布下调存款准备金率\n"
        "中国人民银行今天宣布，下调金融机构存款准备金率零点五个百分点，释放长期资金约一万亿元。\n"
        "央行有关负责人表示，此次降准是为了支持实体经济发展，降低社会综合融资成本，保持流动性合理充裕。\n"
        "分析人士认为，降准有利于稳定市场预期，对股市和债市都会形成一定的支撑作用。\n"
        "股市直播\n"
        "胡任标今天 12:08:48\n"
        "央行在周末期间宣告降准，利多带动今天两市指数跳空高开，高开未见追价买盘，反现出脱卖压，大盘处于高档震荡。\n"
        "宇辉战舰今天 12:08:37\n"
        "沪指上档缺口附近的压力沉重，大金融若不发力，大盘很难向上突破，预期短期内还将继续震荡消化，且行且珍惜。\n"
        "牛骑士 3分钟前\n"
        "指数午前高开低走，和直播间一早分析一致，板块红盘居多，表现强势的是边缘计算和物联网，绿盘的是猪肉和港口。\n",
        "首頁 | 財經 | 股票\n"
        "央行宣佈下調存款準備金率\n"
        "中國人民銀行今天宣佈，下調金融機構存款準備金率零點五個百分點，釋放長期資金約一萬億元。\n"
        "央行有關負責人表示，此次降準是為了支持實體經濟發展，降低社會綜合融資成本，保持流動性合理充裕。\n"
        "分析人士認為，降準有利於穩定市場預期，對股市和債市都會形成一定的支撐作用。\n"
        "股市直播\n"
        "胡任標今天 12:08:48\n"
        "央行在週末期間宣告降準，利多帶動今天兩市指數跳空高開，高開未見追價買盤，反現出脫賣壓，大盤處於高檔震盪。\n"
        "宇輝戰艦今天 12:08:37\n"
        "滬指上檔缺口附近的壓力沉重，大金融若不發力，大盤很難向上突破，預期短期內還將繼續震盪消化，且行且珍惜。\n"
        "牛騎士 3分鐘前\n"
        "指數午前高開低走，和直播間一早分析一致，板塊紅盤居多，表現強勢的是邊緣計算和物聯網，綠盤的是豬肉和港口。\n"};
    static const int want[] = {SCRUB_LABEL_NAV,     SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_NAV,
                               SCRUB_LABEL_WIDGET,  SCRUB_LABEL_WIDGET,  SCRUB_LABEL_WIDGET,
                               SCRUB_LABEL_WIDGET,  SCRUB_LABEL_WIDGET,  SCRUB_LABEL_WIDGET};
    const uint32_t hints[12] = {SCRUB_HINT_IN_NAV | (255u << SCRUB_HINT_LINK_SHARE_SHIFT)};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        expect_labels(ctx, docs[d], hints, 12, want, 12);
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 6), "post-stamp");
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 7), "comment-stream");
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* A comment box under a whole page's article, as text: repeated units of
 * a name, the comment, its time (25分钟前, 昨天 18:16) and a row of reply
 * buttons.  The comments are widgets even when they are full sentences;
 * the article above them stays.  _i: the Simplified or Traditional page. */
START_TEST(comment_units)
{
    static const char *const docs[] = {
        "中美贸易战下的东莞制造业\n"
        "近日，笔者率队赴广州、东莞与深圳密集调研，与二十多家机构和企业进行了深入交流。\n"
        "东莞规模以上工业增加值同比增长百分之六点八，进出口总额保持稳定，企业普遍表示订单有所恢复。\n"
        "全部评论 59条\n"
        "最热 最早 最新\n"
        "山河魂\n"
        "标题说得好，中美贸易持久战，中国人的斗志被激发出来了，我们走着瞧！\n"
        "13小时前\n"
        "查看回复 3 举报\n"
        "回复 踩0 赞104 收藏\n"
        "行者无疆\n"
        "只能背水一战，无路可退！狭路相逢勇者胜，这是中国人的智慧。\n"
        "昨天 18:16\n"
        "举报\n"
        "回复 踩0 赞50 收藏\n"
        "紫衣青剑\n"
        "其实我觉得产业升级后，国家也应该大力扶持农业精细化、高端化的发展。\n"
        "25分钟前\n"
        "举报\n"
        "回复 踩5 赞54 收藏\n",
        "中美貿易戰下的東莞製造業\n"
        "近日，筆者率隊赴廣州、東莞與深圳密集調研，與二十多家機構和企業進行了深入交流。\n"
        "東莞規模以上工業增加值同比增長百分之六點八，進出口總額保持穩定，企業普遍表示訂單有所恢復。\n"
        "全部評論 59條\n"
        "最熱 最早 最新\n"
        "山河魂\n"
        "標題說得好，中美貿易持久戰，中國人的鬥志被激發出來了，我們走著瞧！\n"
        "13小時前\n"
        "查看回覆 3 檢舉\n"
        "回覆 踩0 讚104 收藏\n"
        "行者無疆\n"
        "只能背水一戰，無路可退！狹路相逢勇者勝，這是中國人的智慧。\n"
        "昨天 18:16\n"
        "檢舉\n"
        "回覆 踩0 讚50 收藏\n"
        "紫衣青劍\n"
        "其實我覺得產業升級後，國家也應該大力扶持農業精細化、高端化的發展。\n"
        "25分鐘前\n"
        "檢舉\n"
        "回覆 踩5 讚54 收藏\n"};
    scrub_ctx *ctx = scrub_ctx_new();
    {
        size_t d = (size_t)_i;
        ck_assert_status(scrub_classify_lines(ctx, docs[d], strlen(docs[d]), 0), SCRUB_OK);
        ck_assert_int_eq(scrub_filter_line_count(ctx), 20);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 1), SCRUB_LABEL_CONTENT);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_CONTENT);
        for (size_t i = 3; i < 20; i++)
            ck_assert_msg(!scrub_filter_line_kept(ctx, i), "doc %zu line %zu kept", d, i);
        static const size_t comments[] = {6, 11, 16};
        for (size_t k = 0; k < 3; k++) {
            ck_assert_int_eq(scrub_filter_line_label(ctx, comments[k]), SCRUB_LABEL_WIDGET);
            ck_assert_str_eq(scrub_filter_line_reason(ctx, comments[k]), "comment-unit");
        }
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* A numbered interview whose paragraphs are indented with ideographic
 * spaces: each section number stands alone (an artifact), then the
 * guest's name and the question, then the answer.  The names and
 * questions are framed by indented lines, so they are the body's.
 * _i: the Simplified or Traditional page. */
START_TEST(indented_interview)
{
    static const char *const docs[] = {
        "债券市场存在泡沫吗？七位首席投资官这样说\n"
        "\u3000\u3000全球负利率债券规模已经超过十七万亿美元，我们请七家资产管理公司的首席投资官回答同一个问题。\n"
        "\u3000\u30001\n"
        "\u3000\u3000AMUNDI副首席投资官：Vincent Mortier\n"
        "\u3000\u3000债券市场存在泡沫吗？\n"
        "\u3000\u3000我们认为部分市场确实存在泡沫，尤其是欧洲的长期国债，投资者需要更加谨慎地控制久期。\n"
        "\u3000\u30002\n"
        "\u3000\u3000贝莱德固定收益业务全球首席投资官：Rick Rieder\n"
        "\u3000\u3000债券市场存在泡沫吗？\n"
        "\u3000\u3000央行的购债计划压低了收益率，但这并不等于泡沫，基本面仍然支持当前的价格水平。\n",
        "債券市場存在泡沫嗎？七位首席投資官這樣說\n"
        "\u3000\u3000全球負利率債券規模已經超過十七萬億美元，我們請七家資產管理公司的首席投資官回答同一個問題。\n"
        "\u3000\u30001\n"
        "\u3000\u3000AMUNDI副首席投資官：Vincent Mortier\n"
        "\u3000\u3000債券市場存在泡沫嗎？\n"
        "\u3000\u3000我們認為部分市場確實存在泡沫，尤其是歐洲的長期國債，投資者需要更加謹慎地控制久期。\n"
        "\u3000\u30002\n"
        "\u3000\u3000貝萊德固定收益業務全球首席投資官：Rick Rieder\n"
        "\u3000\u3000債券市場存在泡沫嗎？\n"
        "\u3000\u3000央行的購債計劃壓低了收益率，但這並不等於泡沫，基本面仍然支持當前的價格水平。\n"};
    const char *doc = docs[_i];
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_count(ctx), 10);
    static const size_t body[] = {1, 3, 4, 5, 7, 8, 9};
    for (size_t k = 0; k < sizeof body / sizeof body[0]; k++)
        ck_assert_msg(scrub_filter_line_kept(ctx, body[k]), "doc %d line %zu dropped (%s)", _i,
                      body[k], scrub_filter_line_reason(ctx, body[k]));
    scrub_ctx_free(ctx);
}
END_TEST

/* Lone numbers counting up between the body's paragraphs are its
 * section numbers (headings); a stray number between paragraphs, and
 * numbers in a row with no paragraph between them (pagination), are not. */
START_TEST(section_numbers)
{
    static const char *const paras[][4] = {
        {"\u3000\u3000全球负利率债券规模已经超过十七万亿美元，我们请几家资产管理公司的首席投资官回答同一个问题。",
         "\u3000\u3000我们认为部分市场确实存在泡沫，尤其是欧洲的长期国债，投资者需要更加谨慎地控制久期。",
         "\u3000\u3000央行的购债计划压低了收益率，但这并不等于泡沫，基本面仍然支持当前的价格水平。",
         "\u3000\u3000收益率可能在明年继续走低，长期国债的波动会加大，投资者应当提高所持债券的信用质量。"},
        {"\u3000\u3000全球負利率債券規模已經超過十七萬億美元，我們請幾家資產管理公司的首席投資官回答同一個問題。",
         "\u3000\u3000我們認為部分市場確實存在泡沫，尤其是歐洲的長期國債，投資者需要更加謹慎地控制久期。",
         "\u3000\u3000央行的購債計劃壓低了收益率，但這並不等於泡沫，基本面仍然支持當前的價格水平。",
         "\u3000\u3000收益率可能在明年繼續走低，長期國債的波動會加大，投資者應當提高所持債券的信用質量。"},
        {"Negative-yielding debt has passed seventeen trillion dollars, so we asked several investment officers the same question.",
         "We think parts of the market are in a bubble, above all long-dated European bonds, and investors should keep duration short.",
         "Central bank buying has pushed yields down, but that is not a bubble, and the fundamentals still support today's prices.",
         "Yields may fall further next year, long bonds will swing more, and investors should raise the credit quality of what they hold."}};
    const char *p0 = paras[_i][0], *p1 = paras[_i][1], *p2 = paras[_i][2], *p3 = paras[_i][3];
    char doc[2048];
    scrub_ctx *ctx = scrub_ctx_new();
    /* 1, 2, 3 (and 01, 02 with a number repeated) between paragraphs */
    static const char *const nums[][3] = {{"1", "2", "3"}, {"\u3000\u300001", "\u3000\u300002", "\u3000\u300002"}};
    for (size_t k = 0; k < 2; k++) {
        snprintf(doc, sizeof doc, "%s\n%s\n%s\n%s\n%s\n%s\n%s\n", p0, nums[k][0], p1, nums[k][1], p2,
                 nums[k][2], p3);
        ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
        for (size_t i = 1; i < 7; i += 2)
            ck_assert_msg(scrub_filter_line_label(ctx, i) == SCRUB_LABEL_HEADING,
                          "doc %d run %zu line %zu: %s (%s)", _i, k, i,
                          scrub_label_name(scrub_filter_line_label(ctx, i)),
                          scrub_filter_line_reason(ctx, i));
    }
    /* a stray number; a run that does not count up from one */
    snprintf(doc, sizeof doc, "%s\n7\n%s\n%s\n3\n%s\n5\n", p0, p1, p2, p3);
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 1), SCRUB_LABEL_ARTIFACT);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 4), SCRUB_LABEL_ARTIFACT);
    /* numbers in a row: pagination, no body between them */
    snprintf(doc, sizeof doc, "%s\n%s\n1\n2\n3\n%s\n%s\n", p0, p1, p2, p3);
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    for (size_t i = 2; i < 5; i++) ck_assert_int_eq(scrub_filter_line_kept(ctx, i), 0);
    /* 1 and 2 with no kept line under the 2 */
    snprintf(doc, sizeof doc, "%s\n1\n%s\n2\n", p0, p1);
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 1), 0);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 3), 0);
    scrub_ctx_free(ctx);
}
END_TEST

/* Above the body of a whole page: a heading right under the title (a
 * two-line headline), a caption between the article's meta line and its
 * first paragraph (not a name: that is a byline), and a line ending in a
 * comma whose sentence goes on in the kept line under it. */
START_TEST(article_head)
{
    static const char *const docs[][2] = {
        {"首页 > 要闻 > 本省要闻\n"
         "本省品牌丝路行南美站正式启动\n"
         "成功举办中国与巴西双向经贸投资推介会\n"
         "时间：2019-09-18 06:23 来源：本省日报\n"
         "打印 字体： 放大 正常 缩小 分享\n"
         "\u3000\u3000跨越千山万水，行程近两万公里，本省品牌丝路行首次登陆巴西，刷新了本省企业走出去的新纪录。\n"
         "\u3000\u3000推介会上，两国企业代表围绕能源、农业和装备制造等领域进行了深入交流，并签署了多项合作协议。\n"
         "版权所有 本省人民政府办公厅\n",
         "首页 | 新闻 | 体育\n"
         "姚明对周琦说了啥\n"
         "2019-09-07 08:00:00 来源：新京报\n"
         "（原标题：姚明对周琦说了啥？周琦上下半场判若两人）\n"
         "姚明场边支招周琦。视频截图\n"
         "新京报讯 2019年篮球世界杯排位赛，中国男篮以77比73战胜韩国队，保住了进军东京奥运会资格赛的希望。\n"
         "比赛中一个镜头引起了大家的注意，周琦在一次暂停后准备上场时，姚明拉住他在耳边叮嘱了几句话。\n"
         "版权所有 新京报社\n"},
        {"首頁 > 要聞 > 本省要聞\n"
         "本省品牌絲路行南美站正式啟動\n"
         "成功舉辦中國與巴西雙向經貿投資推介會\n"
         "時間：2019-09-18 06:23 來源：本省日報\n"
         "打印 字體： 放大 正常 縮小 分享\n"
         "\u3000\u3000跨越千山萬水，行程近兩萬公里，本省品牌絲路行首次登陸巴西，刷新了本省企業走出去的新紀錄。\n"
         "\u3000\u3000推介會上，兩國企業代表圍繞能源、農業和裝備製造等領域進行了深入交流，並簽署了多項合作協議。\n"
         "版權所有 本省人民政府辦公廳\n",
         "首頁 | 新聞 | 體育\n"
         "姚明對周琦說了啥\n"
         "2019-09-07 08:00:00 來源：新京報\n"
         "（原標題：姚明對周琦說了啥？周琦上下半場判若兩人）\n"
         "姚明場邊支招周琦。視頻截圖\n"
         "新京報訊 2019年籃球世界盃排位賽，中國男籃以77比73戰勝韓國隊，保住了進軍東京奧運會資格賽的希望。\n"
         "比賽中一個鏡頭引起了大家的注意，周琦在一次暫停後準備上場時，姚明拉住他在耳邊叮囑了幾句話。\n"
         "版權所有 新京報社\n"}};
    const uint32_t nav = SCRUB_HINT_IN_NAV | (255u << SCRUB_HINT_LINK_SHARE_SHIFT);
    const uint32_t h0[8] = {nav, SCRUB_HINT_HEADING | SCRUB_HINT_TITLE, SCRUB_HINT_HEADING, 0,
                            SCRUB_HINT_CLASS_SHARE, 0, 0, SCRUB_HINT_IN_FOOTER};
    const uint32_t h1[8] = {nav, SCRUB_HINT_HEADING | SCRUB_HINT_TITLE, 0, 0, 0, 0, 0,
                            SCRUB_HINT_IN_FOOTER};
    const int L = SCRUB_LABEL_CONTENT, H = SCRUB_LABEL_HEADING, M = SCRUB_LABEL_META;
    const int want0[8] = {SCRUB_LABEL_NAV, H, H, M, SCRUB_LABEL_WIDGET, L, L, SCRUB_LABEL_FOOTER};
    const int want1[8] = {SCRUB_LABEL_NAV, H, M, M, L, L, L, SCRUB_LABEL_FOOTER};
    scrub_ctx *ctx = scrub_ctx_new();
    expect_labels(ctx, docs[_i][0], h0, 8, want0, 8);
    expect_labels(ctx, docs[_i][1], h1, 8, want1, 8);
    /* a name under the meta line is the byline, not the article's */
    const char *named = _i ? "首頁 | 新聞 | 體育\n"
                             "天宮一號與神舟九號交會對接任務第二場新聞發布會\n"
                             "發布日期: 2012-06-24\n"
                             "載人航天工程新聞發言人 武平\n"
                             "北京時間6月24日12時55分，在航天員的精準操控下，天宮一號目標飛行器與神舟九號飛船再次成功對接。\n"
                             "這是我國首次手控交會對接，航天員的操作準確、穩定，各項技術指標都達到了設計要求。\n"
                           : "首页 | 新闻 | 体育\n"
                             "天宫一号与神舟九号交会对接任务第二场新闻发布会\n"
                             "发布日期: 2012-06-24\n"
                             "载人航天工程新闻发言人 武平\n"
                             "北京时间6月24日12时55分，在航天员的精准操控下，天宫一号目标飞行器与神舟九号飞船再次成功对接。\n"
                             "这是我国首次手控交会对接，航天员的操作准确、稳定，各项技术指标都达到了设计要求。\n";
    ck_assert_status(scrub_classify_lines_ex(ctx, named, strlen(named), h1, 6, NULL, 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 3), 0);
    /* a sentence broken over lines above the body, with no hints */
    const char *broken = _i ? "新聞中心\n"
                              "\u3000\u3000下週一，\n"
                              "\u3000\u3000京滬高速施工就將進入第二階段，\n"
                              "\u3000\u3000也是對本市市民出行影響最大的一段。\n"
                              "\u3000\u3000五月十日起，江陰大橋將半幅封閉施工二十二天，請大家提前規劃出行路線，繞行避開施工區域。\n"
                            : "新闻中心\n"
                              "\u3000\u3000下周一，\n"
                              "\u3000\u3000京沪高速施工就将进入第二阶段，\n"
                              "\u3000\u3000也是对本市市民出行影响最大的一段。\n"
                              "\u3000\u3000五月十日起，江阴大桥将半幅封闭施工二十二天，请大家提前规划出行路线，绕行避开施工区域。\n";
    ck_assert_status(scrub_classify_lines(ctx, broken, strlen(broken), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 0), 0);
    expect_kept_range(ctx, _i, 1, 5, true);
    scrub_ctx_free(ctx);
}
END_TEST

/* A dek, the prose line that sums the story up right under its headline,
 * is the article's though a byline, a share bar and a credit cut it from
 * the body or a related class put it out; a byline (one that runs on to
 * its authors' desks too), a title-cased teaser or a dated line in its
 * place are not. */
START_TEST(dek_under_headline)
{
    static const char *const docs[][4] = {
        {"An interview with the new city planner, who wants gardens instead of car parks\n",
         "By Jane Doe and John Smith, staff writers of the city desk of the paper\n",
         "Ten Ways To Save Money On The New City Bike Lanes And Gardens\n",
         "An interview published on 12 March 2020 at 09:15 with the new city planner\n"},
        {"Ein Gespräch mit der neuen Stadtplanerin, die Gärten statt Parkplätzen will\n",
         "Von Jana Schmidt und Hans Meier, Redakteure des Stadtressorts der Zeitung\n",
         "Zehn Tipps Für Neue Radwege Und Gärten In Der Ganzen Stadt\n",
         "Ein Gespräch vom 12. März 2020 um 09:15 Uhr mit der neuen Stadtplanerin\n"},
        {"Un entretien avec la nouvelle urbaniste, qui veut des jardins sans parkings\n",
         "Par Jeanne Martin et Paul Durand, journalistes du service Ville du journal\n",
         "Dix Astuces Pour Les Nouvelles Pistes Cyclables Et Les Jardins De La Ville\n",
         "Un entretien publié le 12 mars 2020 à 09:15 avec la nouvelle urbaniste\n"},
        {"Una entrevista con la nueva urbanista, que quiere jardines sin aparcamientos\n",
         "Por Juana García y Pedro López, redactores de la sección Ciudad del diario\n",
         "Diez Trucos Para Los Nuevos Carriles Bici Y Los Jardines De La Ciudad\n",
         "Una entrevista publicada el 12 de marzo de 2020 a las 09:15 con la urbanista\n"}};
    static const char *const head[] = {"Home | City | Politics | Sport\n"
                                       "Parking lots into parks\n",
                                       "Startseite | Stadt | Politik | Sport\n"
                                       "Parkplätze werden Parks\n",
                                       "Accueil | Ville | Politique | Sport\n"
                                       "Des parkings aux jardins\n",
                                       "Inicio | Ciudad | Política | Deportes\n"
                                       "De aparcamientos a jardines\n"};
    static const char *const tail[] = {
        "By Jane Doe\n"
        "12 March 2020\n"
        "Share on Twitter\n"
        "Facebook Twitter Email\n"
        "Most read\n"
        "Photo: Getty Images\n"
        "Advertisement\n"
        "The city's new chief planner took office in March after ten years of work on the riverside districts.\n"
        "She says that half of the car parks in the centre stand empty on most days of the week.\n"
        "Her first plan would turn three of them into gardens, with bike lanes along the main roads.\n"
        "Shop owners fear that their customers will stay away when they can no longer park in front of the door.\n"
        "The council will vote on the plan in the autumn, after a month of public hearings in every district.\n"
        "Copyright 2020 Example Media. All rights reserved.\n",
        "Von Jana Schmidt\n"
        "12. März 2020\n"
        "Auf Twitter teilen\n"
        "Facebook Twitter E-Mail\n"
        "Meistgelesen\n"
        "Foto: Getty Images\n"
        "Anzeige\n"
        "Die neue Stadtplanerin hat ihr Amt im März angetreten, nach zehn Jahren Arbeit an den Vierteln am Fluss.\n"
        "Sie sagt, dass die Hälfte der Parkplätze in der Innenstadt an den meisten Tagen der Woche leer steht.\n"
        "Ihr erster Plan würde drei davon in Gärten verwandeln, mit Radwegen entlang der großen Straßen.\n"
        "Händler fürchten, dass ihre Kunden wegbleiben, wenn sie nicht mehr vor der Tür parken können.\n"
        "Der Stadtrat stimmt im Herbst über den Plan ab, nach einem Monat öffentlicher Anhörungen in jedem Bezirk.\n"
        "Copyright 2020 Example Media. Alle Rechte vorbehalten.\n",
        "Par Jeanne Martin\n"
        "12 mars 2020\n"
        "Partager sur Twitter\n"
        "Facebook Twitter E-mail\n"
        "Les plus lus\n"
        "Photo : Getty Images\n"
        "Publicité\n"
        "La nouvelle urbaniste en chef a pris ses fonctions en mars, après dix ans de travail sur les quartiers du fleuve.\n"
        "Elle dit que la moitié des parkings du centre restent vides la plupart des jours de la semaine.\n"
        "Son premier plan transformerait trois d'entre eux en jardins, avec des pistes cyclables le long des grandes rues.\n"
        "Les commerçants craignent que leurs clients ne viennent plus quand ils ne pourront plus se garer devant la porte.\n"
        "Le conseil votera le plan à l'automne, après un mois d'auditions publiques dans chaque quartier.\n"
        "Copyright 2020 Example Media. Tous droits réservés.\n",
        "Por Juana García\n"
        "12 de marzo de 2020\n"
        "Compartir en Twitter\n"
        "Facebook Twitter Correo\n"
        "Lo más leído\n"
        "Foto: Getty Images\n"
        "Publicidad\n"
        "La nueva urbanista jefa asumió el cargo en marzo, después de diez años de trabajo en los barrios del río.\n"
        "Dice que la mitad de los aparcamientos del centro están vacíos la mayoría de los días de la semana.\n"
        "Su primer plan convertiría tres de ellos en jardines, con carriles bici a lo largo de las calles principales.\n"
        "Los comerciantes temen que sus clientes dejen de venir cuando ya no puedan aparcar delante de la puerta.\n"
        "El ayuntamiento votará el plan en otoño, después de un mes de audiencias públicas en cada barrio.\n"
        "Copyright 2020 Example Media. Todos los derechos reservados.\n"};
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT, cand = SCRUB_HINT_IN_CANDIDATE;
    const uint32_t hints[16] = {SCRUB_HINT_IN_NAV | link,
                                SCRUB_HINT_HEADING | SCRUB_HINT_TITLE,
                                0,
                                0,
                                0,
                                SCRUB_HINT_CLASS_SHARE | link,
                                SCRUB_HINT_CLASS_SHARE | link,
                                link,
                                0,
                                link,
                                cand,
                                cand,
                                cand,
                                cand,
                                cand,
                                SCRUB_HINT_IN_FOOTER};
    scrub_ctx *ctx = scrub_ctx_new();
    for (int k = 0; k < 4; k++) {
        char page[4096];
        snprintf(page, sizeof page, "%s%s%s", head[_i], docs[_i][k], tail[_i]);
        ck_assert_status(scrub_classify_lines_ex(ctx, page, strlen(page), hints, 16, NULL, 0),
                         SCRUB_OK);
        ck_assert_uint_eq(scrub_filter_line_count(ctx), 16);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 1), SCRUB_LABEL_HEADING);
        if (k == 0) {
            ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_CONTENT);
            ck_assert_str_eq(scrub_filter_line_reason(ctx, 2), "prose-dek");
        } else expect_kept_range(ctx, _i, 2, 3, false);
        expect_kept_range(ctx, _i, 3, 10, false);
        expect_kept_range(ctx, _i, 10, 15, true);
    }
    /* a related class over the header (the dek's box) puts it out as well */
    uint32_t boxed[16];
    memcpy(boxed, hints, sizeof boxed);
    boxed[2] = SCRUB_HINT_CLASS_RELATED;
    for (int k = 0; k < 4; k += 3) {
        char page[4096];
        snprintf(page, sizeof page, "%s%s%s", head[_i], docs[_i][k], tail[_i]);
        ck_assert_status(scrub_classify_lines_ex(ctx, page, strlen(page), boxed, 16, NULL, 0),
                         SCRUB_OK);
        ck_assert_int_eq(scrub_filter_line_kept(ctx, 2), k == 0);
        expect_kept_range(ctx, _i, 10, 15, true);
    }
    /* a site that sets its article in table cells: the dek's cell inside
     * the article guess is still the dek, not a row of a table */
    uint32_t celled[16];
    memcpy(celled, hints, sizeof celled);
    celled[2] = SCRUB_HINT_TABLE | cand;
    {
        char page[4096];
        snprintf(page, sizeof page, "%s%s%s", head[_i], docs[_i][0], tail[_i]);
        ck_assert_status(scrub_classify_lines_ex(ctx, page, strlen(page), celled, 16, NULL, 0),
                         SCRUB_OK);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_CONTENT);
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 2), "prose-dek");
        expect_kept_range(ctx, _i, 10, 15, true);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* A section heading the DOM sets right above the body's first paragraph
 * (a review's `Summary` under its score box) opens the body, though the
 * title sits higher up, and so does an h1 over the headline; a linked
 * heading there (the section's kicker, a teaser) and a heading over
 * chrome (a share bar) do not. */
START_TEST(heading_over_body)
{
    static const char *const docs[] = {
        "Home | News | Reviews | Deals\n"
        "Reviews\n"
        "Xbox One X review: the most powerful console yet\n"
        "Share this story\n"
        "Facebook Twitter Email\n"
        "Summary\n"
        "As promised, the Xbox One X is the most powerful game console ever made, and it shows in every enhanced title.\n"
        "In practice, though, it mostly puts Microsoft on par with Sony, whose faster console came out a year earlier.\n"
        "If you already own a 4K television and like to play the newest games, the upgrade is easy to recommend.\n"
        "Copyright 2017 Example Media. All rights reserved.\n",
        "Startseite | Nachrichten | Tests | Angebote\n"
        "Tests\n"
        "Xbox One X im Test: die stärkste Konsole bisher\n"
        "Artikel teilen\n"
        "Facebook Twitter E-Mail\n"
        "Fazit\n"
        "Wie versprochen ist die Xbox One X die stärkste Spielkonsole, die es je gab, und das zeigt jedes angepasste Spiel.\n"
        "In der Praxis zieht Microsoft damit aber nur mit Sony gleich, dessen schnellere Konsole ein Jahr früher kam.\n"
        "Wer schon einen 4K-Fernseher besitzt und gern die neuesten Spiele spielt, dem können wir den Umstieg empfehlen.\n"
        "Copyright 2017 Example Media. Alle Rechte vorbehalten.\n"};
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    const uint32_t hints[10] = {SCRUB_HINT_IN_NAV | link,
                                SCRUB_HINT_HEADING | link,
                                SCRUB_HINT_HEADING | SCRUB_HINT_TITLE,
                                SCRUB_HINT_HEADING,
                                SCRUB_HINT_CLASS_SHARE | link,
                                SCRUB_HINT_HEADING,
                                0,
                                0,
                                0,
                                SCRUB_HINT_IN_FOOTER};
    scrub_ctx *ctx = classify_page(docs[_i], hints, 10);
    expect_kept_range(ctx, _i, 0, 2, false);
    expect_kept_range(ctx, _i, 2, 3, true);
    expect_kept_range(ctx, _i, 3, 5, false);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 5), SCRUB_LABEL_HEADING);
    expect_kept_range(ctx, _i, 5, 9, true);
    expect_kept_range(ctx, _i, 9, 10, false);
    /* the h1 over the headline the page's <title> repeats (its dek) */
    static const char *const over[] = {
        "Home | Sport\n"
        "Game notes: the Sixers beat the Celtics in their biggest game of the season\n"
        "The Sixers captured their biggest win of the year\n"
        "Share on Twitter\n"
        "In perhaps their biggest game of the young season, the Sixers played host to the Boston Celtics on Wednesday night.\n"
        "It was an underwhelming first quarter on both sides, as both teams struggled to find their rhythm on offense.\n",
        "Startseite | Sport\n"
        "Spielbericht: Die Sixers schlagen die Celtics im wichtigsten Spiel der Saison\n"
        "Der bisher größte Sieg der Sixers in diesem Jahr\n"
        "Auf Twitter teilen\n"
        "Im vielleicht wichtigsten Spiel der noch jungen Saison empfingen die Sixers am Mittwochabend die Boston Celtics.\n"
        "Das erste Viertel war auf beiden Seiten enttäuschend, beide Mannschaften fanden im Angriff keinen Rhythmus.\n"};
    const uint32_t oh[6] = {SCRUB_HINT_IN_NAV | link, SCRUB_HINT_HEADING,
                            SCRUB_HINT_HEADING | SCRUB_HINT_TITLE, SCRUB_HINT_CLASS_SHARE, 0, 0};
    ck_assert_status(scrub_classify_lines_ex(ctx, over[_i], strlen(over[_i]), oh, 6, NULL, 0),
                     SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 1), SCRUB_LABEL_HEADING);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_HEADING);
    expect_kept_range(ctx, _i, 3, 4, false);
    expect_kept_range(ctx, _i, 4, 6, true);
    scrub_ctx_free(ctx);
}
END_TEST

/* The page's headline: an h1 shaped like a sentence, with its dek under
 * it, above a block of buttons is no link title; the h1 repeating the
 * last step of the crumb is no repeat; a title's first line announcing
 * the rest (ending in a colon) is part of it, an author's name over it
 * is not. */
START_TEST(page_headline)
{
    static const char *const head[][6] = {
        {"Student Dies After Diet Pills She Bought Online “Burned Her Up From Within”",
         "An inquest into her death has been adjourned until July.",
         "The young woman had bought the pills on a website that sold them as a way to lose weight quickly, and her family now wants such sites closed.",
         "Doctors say the pills contain a chemical that was banned for people many years ago, and they warn that there is no safe dose of it.",
         "Police have asked anyone who bought pills from the same website to stop taking them at once and to hand them in at a police station.",
         "The coroner said he would write to the government about the sale of such pills online once the inquest has heard all of the evidence."},
        {"5月20日至31日，京沪高速无锡至江阴大桥至广陵枢纽段封闭！",
         "请大家提前规划出行路线，绕行避开施工区域。",
         "　　5月20日至31日，京沪高速北京方向无锡枢纽至广陵枢纽（含江阴大桥）将进行封闭施工，对市民出行影响很大。",
         "　　由于江阴大桥由南往北段封闭施工，相关车辆需要提前绕行，请大家听从现场民警指挥，关注道路电子显示屏。",
         "　　大家关心的无锡互通收费站并没有关闭，只是往北京方向封闭，往上海方向的车辆仍然可以正常通行。",
         "　　道路施工会给大家的出行带来不便，但短暂的维修换来的是日后的更安全、更畅通，请大家互相转告。"},
        {"5月20日至31日，京滬高速無錫至江陰大橋至廣陵樞紐段封閉！",
         "請大家提前規劃出行路線，繞行避開施工區域。",
         "　　5月20日至31日，京滬高速北京方向無錫樞紐至廣陵樞紐（含江陰大橋）將進行封閉施工，對市民出行影響很大。",
         "　　由於江陰大橋由南往北段封閉施工，相關車輛需要提前繞行，請大家聽從現場民警指揮，關注道路電子顯示屏。",
         "　　大家關心的無錫互通收費站並沒有關閉，只是往北京方向封閉，往上海方向的車輛仍然可以正常通行。",
         "　　道路施工會給大家的出行帶來不便，但短暫的維修換來的是日後的更安全、更暢通，請大家互相轉告。"}};
    char doc[4096];
    snprintf(doc, sizeof doc,
             "Home | News | Sport\n%s\n%s\nShare\nTweet\nEmail\nPrint\nSave\nComments\nLike\nFollow\n%s\n%s\n%s\n%s\n"
             "Copyright 2019 The Daily Example. All rights reserved.\n",
             head[_i][0], head[_i][1], head[_i][2], head[_i][3], head[_i][4], head[_i][5]);
    const uint32_t nav = SCRUB_HINT_IN_NAV | (255u << SCRUB_HINT_LINK_SHARE_SHIFT);
    const uint32_t sh = SCRUB_HINT_CLASS_SHARE;
    const uint32_t hints[16] = {nav, SCRUB_HINT_HEADING, 0, sh, sh, sh, sh, sh, sh, sh, sh, 0, 0, 0, 0,
                                SCRUB_HINT_IN_FOOTER};
    const int H = SCRUB_LABEL_HEADING, C = SCRUB_LABEL_CONTENT, W = SCRUB_LABEL_WIDGET;
    const int want[16] = {SCRUB_LABEL_NAV, H, H, W, W, W, W, W, W, W, W, C, C, C, C, SCRUB_LABEL_FOOTER};
    scrub_ctx *ctx = scrub_ctx_new();
    expect_labels(ctx, doc, hints, 16, want, 16);
    if (_i == 0) {
        /* the crumb's last step, then the same title in the h1 */
        const char *crumb = "Home\nCrafts\nHow to Build a Terrarium\nHow to Build a Terrarium\n"
                            "By Lucy Akins\nShare\n"
                            "Glass cloche terrariums are not only appealing to the eye, but they also preserve a bit of nature in a small space that is easy to care for.\n"
                            "Start with a clean glass cloche and a small shallow dish that fits under it, then add a layer of moss and a few small plants.\n";
        const uint32_t ch[8] = {nav, nav, nav, SCRUB_HINT_HEADING, 0, sh, 0, 0};
        ck_assert_status(scrub_classify_lines_ex(ctx, crumb, strlen(crumb), ch, 8, NULL, 0), SCRUB_OK);
        ck_assert_int_eq(scrub_filter_line_kept(ctx, 2), 0);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 3), SCRUB_LABEL_HEADING);
        /* a title over two h-lines, and an author's name over the title */
        const char *two = "Home | Blog\nOpen Journalism Project:\nBetter Student Journalism\nShare on Twitter\n"
                          "We pushed out the first version of the Open Journalism site in January, and our goal is for the site to be a hub for student journalists.\n"
                          "Topics like mapping, security and command line tools are all concepts that should be taught in every student newsroom.\n";
        const uint32_t th[6] = {nav, SCRUB_HINT_HEADING, SCRUB_HINT_HEADING | SCRUB_HINT_TITLE, sh, 0, 0};
        ck_assert_status(scrub_classify_lines_ex(ctx, two, strlen(two), th, 6, NULL, 0), SCRUB_OK);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 1), SCRUB_LABEL_HEADING);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_HEADING);
        const char *named = "Home | Blog\nLaurie Oakes\nBetter Student Journalism\nShare on Twitter\n"
                            "We pushed out the first version of the Open Journalism site in January, and our goal is for the site to be a hub for student journalists.\n"
                            "Topics like mapping, security and command line tools are all concepts that should be taught in every student newsroom.\n";
        ck_assert_status(scrub_classify_lines_ex(ctx, named, strlen(named), th, 6, NULL, 0), SCRUB_OK);
        ck_assert_int_eq(scrub_filter_line_kept(ctx, 1), 0);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_HEADING);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* The dek under the h-line that repeats the page's title, however far
 * above the body, is no link title; nor is the body's first line under
 * a chapter button (a link of a word or two is no teaser's title). */
START_TEST(dek_and_first_line)
{
    static const char *const text[][8] = {
        {"Next-Gen Platters Promise 80TB Hard Drives",
         "We're about to get 20 terabyte hard drives, but the path looks clear to scale up to 80TB.",
         "As the world's demand for storage continues to grow, so does the need for hard drives that hold more data on every platter.",
         "The company says its new platters are made with a different alloy that can be heated and cooled many times without damage.",
         "Previous Chapter", "Next Chapter", "When I woke up, there was nothing.",
         "A pure white empty space that seemed to stretch for all eternity was all that I saw, and there was no sound at all."},
        {"新一代盘片有望实现80TB硬盘",
         "我们即将迎来20TB的硬盘，而扩展到80TB的道路看起来也已经很清晰了。",
         "随着全球对存储需求的不断增长，人们对每张盘片能保存更多数据的硬盘的需求也在不断增加。",
         "该公司表示，新盘片采用了一种不同的合金，可以多次加热和冷却而不会受到任何损坏。",
         "上一章", "下一章", "醒来的时候，周围什么都没有。",
         "一片纯白的空间似乎一直延伸到永恒，这就是我看到的全部，四周没有任何声音，也没有任何人。"},
        {"新一代盤片有望實現80TB硬碟",
         "我們即將迎來20TB的硬碟，而擴展到80TB的道路看起來也已經很清晰了。",
         "隨著全球對儲存需求的不斷增長，人們對每張盤片能保存更多資料的硬碟的需求也在不斷增加。",
         "該公司表示，新盤片採用了一種不同的合金，可以多次加熱和冷卻而不會受到任何損壞。",
         "上一章", "下一章", "醒來的時候，周圍什麼都沒有。",
         "一片純白的空間似乎一直延伸到永恆，這就是我看到的全部，四周沒有任何聲音，也沒有任何人。"}};
    const char *const *t = text[_i];
    char doc[4096];
    snprintf(doc, sizeof doc,
             "Home | News | Storage\n%s\n%s\nBy Matthew Humphries\nfacebook\ntwitter\nemail\nprint\n"
             "save\nlike\nfollow\ncomments\nshare\nmore\nsubscribe\n%s\n%s\n%s\n%s\n",
             t[0], t[1], t[2], t[3], t[2], t[3]);
    const uint32_t nav = SCRUB_HINT_IN_NAV | (255u << SCRUB_HINT_LINK_SHARE_SHIFT);
    const uint32_t sh = SCRUB_HINT_CLASS_SHARE;
    uint32_t hints[19] = {nav, SCRUB_HINT_HEADING | SCRUB_HINT_TITLE, 0, 0};
    for (size_t i = 4; i < 15; i++) hints[i] = sh;
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, 19, NULL, 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 1), SCRUB_LABEL_HEADING);
    ck_assert_msg(scrub_filter_line_label(ctx, 2) == SCRUB_LABEL_HEADING, "doc %d: dek %s (%s)", _i,
                  scrub_label_name(scrub_filter_line_label(ctx, 2)), scrub_filter_line_reason(ctx, 2));
    snprintf(doc, sizeof doc, "Home | Fiction\n%s\n%s\n%s\n%s\n%s\n%s\n", t[4], t[5], t[6], t[7], t[2], t[3]);
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    const uint32_t ch[7] = {nav, link | SCRUB_HINT_CLASS_NAV, link | SCRUB_HINT_CLASS_NAV, 0, 0, 0, 0};
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), ch, 7, NULL, 0), SCRUB_OK);
    expect_kept_range(ctx, _i, 3, 7, true);
    scrub_ctx_free(ctx);
}
END_TEST

/* A subheading over a picture's credit and the next paragraph is the
 * body's; a line of prose that starts with the word `functions` is no
 * script. */
START_TEST(heading_over_credit)
{
    static const char *const docs[] = {
        "另一位小米高管对记者透露，红米K30系列肯定支持5G手机，这与以往的产品策略有很大的不同。\n"
        "记者注意到，从五大5G芯片企业的主打产品来看，大多采用的是最新的七纳米制程工艺。\n"
        "续航难题待解\n"
        "图片来源：摄图网\n"
        "成本之外，5G芯片的耗电量问题，成为芯片企业、手机厂商共同头疼的难题，用户的抱怨也越来越多。\n"
        "三大运营商目前正在加紧5G网络的普及，但5G网络还未实现全覆盖，手机需要频繁地切换网络。\n",
        "另一位小米高管對記者透露，紅米K30系列肯定支援5G手機，這與以往的產品策略有很大的不同。\n"
        "記者注意到，從五大5G晶片企業的主打產品來看，大多採用的是最新的七奈米製程工藝。\n"
        "續航難題待解\n"
        "圖片來源：攝圖網\n"
        "成本之外，5G晶片的耗電量問題，成為晶片企業、手機廠商共同頭疼的難題，用戶的抱怨也越來越多。\n"
        "三大電信業者目前正在加緊5G網路的普及，但5G網路還未實現全覆蓋，手機需要頻繁地切換網路。\n",
        "Module advice.el shipped as part of Emacs in the summer of 1994, and a colleague at work soon wrote up a simple example.\n"
        "Decorators in Python enable you to modify the behavior of existing code in a clean way.\n"
        "functions without changing the original function; advice in Lisp does the same\n"
        "Photo: Reuters\n"
        "This was such a neat trick that all of us in our lab adopted it within a few weeks of seeing it.\n"
        "The rest of the story was written up a few years ago, and present versions of Emacs still include the module.\n"};
    const char *doc = docs[_i];
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_msg(scrub_filter_line_kept(ctx, 2) == 1, "doc %d: %s (%s)", _i,
                  scrub_label_name(scrub_filter_line_label(ctx, 2)), scrub_filter_line_reason(ctx, 2));
    ck_assert_int_eq(scrub_filter_line_label(ctx, 3), SCRUB_LABEL_META);
    scrub_ctx_free(ctx);
}
END_TEST

/* A linked sentence or clause between the article's meta line and its
 * body is a video's caption; a link with no clause there, or a linked
 * sentence under no meta line, stays a link. */
START_TEST(linked_caption)
{
    static const char *const text[][5] = {
        {"首页 | 新闻 | 视频", "中国人习以为常的地方 为何老外却说了不得", "　　原标题：视界丨这个中国人习以为常的地方 为何老外却说了不得",
         "　　“你们将开始明白为什么我这么喜欢中国，因为这里充满了活力。”一位加拿大大叔在视频中这样说道。",
         "　　说这话的大叔是个加拿大人，已在中国生活十多年，最近他拍了一期关于中国公园的视频，很受欢迎。"},
        {"首頁 | 新聞 | 視頻", "中國人習以為常的地方 為何老外卻說了不得", "　　原標題：視界丨這個中國人習以為常的地方 為何老外卻說了不得",
         "　　「你們將開始明白為什麼我這麼喜歡中國，因為這裡充滿了活力。」一位加拿大大叔在影片中這樣說道。",
         "　　說這話的大叔是個加拿大人，已在中國生活十多年，最近他拍了一期關於中國公園的影片，很受歡迎。"}};
    static const char *const links[][3] = {
        {"视频-这个中国人习以为常的地方 为何老外却说“了不得”？", "女民警1天拨100个电话，被电信停机 （来源：梨视频）",
         "加拿大大叔的公园视频"},
        {"視頻-這個中國人習以為常的地方 為何老外卻說「了不得」？", "女民警1天撥100個電話，被電信停機 （來源：梨視頻）",
         "加拿大大叔的公園影片"}};
    const char *const *t = text[_i];
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    const uint32_t hints[6] = {SCRUB_HINT_IN_NAV | link, SCRUB_HINT_HEADING | SCRUB_HINT_TITLE, 0, link, 0, 0};
    scrub_ctx *ctx = scrub_ctx_new();
    char doc[2048];
    for (size_t k = 0; k < 3; k++) {
        snprintf(doc, sizeof doc, "%s\n%s\n%s\n%s\n%s\n%s\n", t[0], t[1], t[2], links[_i][k], t[3], t[4]);
        ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, 6, NULL, 0), SCRUB_OK);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_META);
        ck_assert_msg(scrub_filter_line_kept(ctx, 3) == (k < 2), "doc %d link %zu: %s (%s)", _i, k,
                      scrub_label_name(scrub_filter_line_label(ctx, 3)), scrub_filter_line_reason(ctx, 3));
    }
    /* under the title, no meta line: a link */
    snprintf(doc, sizeof doc, "%s\n%s\n%s\n%s\n%s\n", t[0], t[1], links[_i][0], t[3], t[4]);
    const uint32_t h5[5] = {hints[0], hints[1], link, 0, 0};
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), h5, 5, NULL, 0), SCRUB_OK);
    ck_assert_msg(scrub_filter_line_kept(ctx, 2) == 0, "doc %d: %s (%s)", _i,
                  scrub_label_name(scrub_filter_line_label(ctx, 2)), scrub_filter_line_reason(ctx, 2));
    scrub_ctx_free(ctx);
}
END_TEST

/* A Chinese title broken over three lines: the issuing body over `关于
 * ...`, and a line ending in a joining character; a menu item over the
 * title stays a menu item. */
START_TEST(title_parts)
{
    static const char *const docs[] = {
        "首页 > 国务院公报 > 2007年第23号\n"
        "政务公开\n"
        "全国人民代表大会常务委员会\n"
        "关于批准财政部发行特别国债购买外汇及\n"
        "调整2007年末国债余额限额的决议\n"
        "（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）\n"
        "　　第十届全国人民代表大会常务委员会第二十八次会议，听取了财政部部长关于发行特别国债购买外汇的议案的说明。\n"
        "　　会议决定，批准财政部发行一万五千五百亿元特别国债，购买约两千亿美元外汇，作为国家外汇投资公司的资本金来源。\n",
        "首頁 > 國務院公報 > 2007年第23號\n"
        "政務公開\n"
        "全國人民代表大會常務委員會\n"
        "關於批准財政部發行特別國債購買外匯及\n"
        "調整2007年末國債餘額限額的決議\n"
        "（2007年6月29日第十屆全國人民代表大會常務委員會第二十八次會議通過）\n"
        "　　第十屆全國人民代表大會常務委員會第二十八次會議，聽取了財政部部長關於發行特別國債購買外匯的議案的說明。\n"
        "　　會議決定，批准財政部發行一萬五千五百億元特別國債，購買約兩千億美元外匯，作為國家外匯投資公司的資本金來源。\n"};
    const char *doc = docs[_i];
    const uint32_t hints[8] = {SCRUB_HINT_IN_NAV | (255u << SCRUB_HINT_LINK_SHARE_SHIFT)};
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, 8, NULL, 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 1), 0);
    for (size_t i = 2; i < 5; i++)
        ck_assert_msg(scrub_filter_line_label(ctx, i) == SCRUB_LABEL_HEADING, "doc %d line %zu: %s (%s)", _i,
                      i, scrub_label_name(scrub_filter_line_label(ctx, i)), scrub_filter_line_reason(ctx, i));
    scrub_ctx_free(ctx);
}
END_TEST

/* A paragraph wrapped at a fixed width above the body's first sentence:
 * its lines are prose without a sentence's end, running into the body. */
START_TEST(wrapped_prose)
{
    static const char *const wrapped[][4] = {
        {"Advice came to Emacs lisp in the summer of 1994, when module",
         "advice.el shipped as part of Emacs 19.23. A few weeks later, a",
         "colleague at work wrote up a simple example that added a before",
         "advice to the check-in functions of the time, and the files lying around in the directory became history."},
        {"这个功能在一九九四年夏天进入了编辑器的扩展语言当中，当时的模块",
         "随着新版本一起发布，几个星期以后，我的一位同事写了一个简单的例子",
         "在提交文件之前自动创建一个目录，如果这个目录原来并不存在的话",
         "这个技巧非常巧妙，我们实验室的所有人很快都采用了它，工作目录里到处乱放的文件从此成为了历史。"},
        {"這個功能在一九九四年夏天進入了編輯器的擴展語言當中，當時的模組",
         "隨著新版本一起發佈，幾個星期以後，我的一位同事寫了一個簡單的例子",
         "在提交檔案之前自動建立一個目錄，如果這個目錄原來並不存在的話",
         "這個技巧非常巧妙，我們實驗室的所有人很快都採用了它，工作目錄裡到處亂放的檔案從此成為了歷史。"}};
    const char *body[] = {
        "And then I decided to make the editor speak to me, which turned out to be the start of a long project that is still going today.",
        "然后我决定让编辑器开口对我说话，这后来成了一个持续多年的项目的起点，直到今天这个项目还在继续。",
        "然後我決定讓編輯器開口對我說話，這後來成了一個持續多年的項目的起點，直到今天這個項目還在繼續。"};
    char doc[4096];
    const char *const *w = wrapped[_i];
    snprintf(doc, sizeof doc, "Home | Archive\nAdvice And Emacs Lisp\n%s\n%s\n%s\n%s\n%s\n%s\n", w[0], w[1], w[2],
             w[3], body[_i], body[_i]);
    const uint32_t hints[8] = {SCRUB_HINT_IN_NAV | (255u << SCRUB_HINT_LINK_SHARE_SHIFT), SCRUB_HINT_HEADING};
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, 8, NULL, 0), SCRUB_OK);
    expect_kept_range(ctx, _i, 1, 8, true);
    scrub_ctx_free(ctx);
}
END_TEST

/* A line announcing the body's list right above it is the list's
 * heading, even under a link. */
START_TEST(list_announcement)
{
    static const char *const lines[][7] = {
        {"Glass cloche terrariums are not only appealing to the eye, but they also preserve a bit of nature in a small space.",
         "How to Build a Terrarium With Succulent Plants", "What You'll Need:", "Glass cloche",
         "Small shallow dish", "Floral foam",
         "Cut the foam to fit the dish, then press the plants into it and cover the base with a layer of moss before you put the cloche on."},
        {"玻璃罩微景观不仅好看，还能把一小片自然留在很小的空间里，照顾起来也非常容易。",
         "如何用多肉植物制作微景观", "所需材料：", "玻璃罩一个", "浅口小碟一个", "花泥一块",
         "先把花泥切成小碟的大小，再把植物插进去，用一层苔藓盖住底部，最后罩上玻璃罩就完成了。"},
        {"玻璃罩微景觀不僅好看，還能把一小片自然留在很小的空間裡，照顧起來也非常容易。",
         "如何用多肉植物製作微景觀", "所需材料：", "玻璃罩一個", "淺口小碟一個", "花泥一塊",
         "先把花泥切成小碟的大小，再把植物插進去，用一層苔蘚蓋住底部，最後罩上玻璃罩就完成了。"}};
    const char *const *l = lines[_i];
    char doc[2048];
    snprintf(doc, sizeof doc, "Home | Crafts\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n", l[0], l[1], l[2], l[3], l[4],
             l[5], l[6], l[0]);
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    const uint32_t hints[9] = {SCRUB_HINT_IN_NAV | link, 0, link | SCRUB_HINT_LIST_ITEM, 0,
                               SCRUB_HINT_LIST_ITEM, SCRUB_HINT_LIST_ITEM, SCRUB_HINT_LIST_ITEM, 0, 0};
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, 9, NULL, 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 2), 0);
    expect_kept_range(ctx, _i, 3, 8, true);
    scrub_ctx_free(ctx);
}
END_TEST

/* A short lead-in ("Aus dem Inhalt:") over items set with an en dash and
 * no-break spaces, in the body of a page, then one more sentence: the
 * items are the article's list, not a menu after it. */
START_TEST(dash_list_after_leadin)
{
    static const char *const body[][6] = {
        {"Die Zusammenhänge zwischen den alten Schriftzeichen und den Ritualen zeigen sich schon in der Form der Zeichen selbst, die ein Bild vom Regen tragen.",
         "Mittels langer Forschungen bei Mönchen und Priestern ist es gelungen, solche Methoden in einem Seminar zusammenzufassen und verständlich zu machen.",
         "Dieses Jahr gebe ich das Seminar an zwei Tagen im August in unserem Institut, und die Plätze werden wie jedes Jahr schnell vergeben sein.",
         "Der Referent hat seine Doktorarbeit über die Rituale der Heilung geschrieben, bei denen es enge Zusammenhänge mit den alten Bräuchen gibt.",
         "Das Seminar beginnt mit einem Vortrag über die Geschichte der Bräuche, so dass du ein Gefühl für ihre Herkunft bekommen kannst.",
         "Aus dem Inhalt:"},
        {"这些古老文字和传统仪式之间的联系，从字形本身就能看出来，因为字里画着一幅求雨的图景，讲述了人们对自然的敬畏。",
         "经过多年在寺院里向僧人和学者请教，我们终于把这些方法整理成一门课程，让普通学员也能够理解和练习。",
         "今年的课程安排在八月的两个周末，地点在我们研究所的大教室，名额和往年一样有限，请大家尽早报名。",
         "主讲老师的博士论文研究的就是古代的治疗仪式，他发现这些仪式和民间的传统习俗之间有很深的关系。",
         "课程从一场介绍传统习俗历史的讲座开始，让大家先对这些习俗的来源和演变有一个整体的认识。",
         "课程内容："}};
    static const char *const items[][8] = {
        {"Zeichen und ihre Bedeutung", "Der alte Weg der Berge", "Rituale zur Heilung",
         "Runen mit Einweihung", "Segnung mit Musik", "Herstellung von Amuletten", "Reisen in Gedanken",
         "Arbeit an Kraftplätzen"},
        {"文字及其含义", "山中的古道", "治疗的仪式", "符文与入门", "音乐祝福", "护身符的制作", "冥想旅行",
         "能量场地练习"}};
    static const char *const closing[] = {
        "Wenn du eine eigene Schule hast, kannst du mich bei Bedarf auch einladen. Ich komme dann zu dir vor Ort.",
        "如果你自己开办了学校，也可以邀请我去上课，我会按照约定的时间到你那里去。"};
    char doc[8192];
    size_t n = 0;
    n += (size_t)snprintf(doc + n, sizeof doc - n, "Startseite | Seminare | Kontakt\n");
    for (int k = 0; k < 6; k++) n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\n", body[_i][k]);
    for (int k = 0; k < 8; k++)
        n += (size_t)snprintf(doc + n, sizeof doc - n, "\xE2\x80\x93\xC2\xA0\xC2\xA0\xC2\xA0%s\n",
                              items[_i][k]);
    snprintf(doc + n, sizeof doc - n, "%s\nSchreibe einen Kommentar\nName *\nE-Mail *\n", closing[_i]);
    uint32_t hints[19];
    for (int k = 0; k < 19; k++) hints[k] = SCRUB_HINT_IN_MAIN;
    hints[0] = SCRUB_HINT_IN_NAV | (255u << SCRUB_HINT_LINK_SHARE_SHIFT);
    for (int k = 16; k < 19; k++) hints[k] |= SCRUB_HINT_CLASS_COMMENT;
    scrub_ctx *ctx = classify_page(doc, hints, 19);
    expect_kept_range(ctx, _i, 1, 16, true);
    expect_kept_range(ctx, _i, 16, 19, false);
    scrub_ctx_free(ctx);
}
END_TEST

/* A live match feed set inside class="commentaires" within <main>: minute
 * marks counting down and the reporter's sentences, no line of them
 * linked, most of the sentences of <main>.  That class is the page's
 * layout: the feed stays, its minute marks too.  The same block with one
 * linked line (a reader's name) is a comment thread and stays removed. */
START_TEST(unlinked_comment_class_holding_main)
{
    static const char *const feed[][8] = {
        {"C'est terminé au stade ! Les deux équipes se quittent sur un score nul après un match très disputé.",
         "Carton jaune pour le gardien, qui a perdu beaucoup trop de temps avant de jouer un coup franc.",
         "Encore en contre, les visiteurs ont une balle de match mais le tir passe juste à côté du poteau.",
         "L'attaquant part seul en contre mais il est finalement repris par trois défenseurs adverses.",
         "Il y aura au moins cinq minutes de temps additionnel dans cette fin de match très tendue.",
         "Nouvelle opportunité pour les visiteurs mais la volée termine dans le petit filet extérieur du but.",
         "Le milieu n'est pas loin de marquer mais, juste devant le but, il est trop court pour dévier le ballon.",
         "Les locaux reviennent au score sur un corner repris de la tête au premier poteau par le défenseur."},
        {"Das Spiel ist aus! Beide Mannschaften trennen sich nach einer sehr umkämpften Partie unentschieden.",
         "Gelbe Karte für den Torwart, der vor der Ausführung eines Freistoßes viel zu viel Zeit verloren hat.",
         "Wieder ein Konter, die Gäste haben den Matchball, aber der Schuss geht knapp am Pfosten vorbei.",
         "Der Stürmer läuft allein auf das Tor zu, wird aber am Ende von drei Verteidigern wieder eingeholt.",
         "Es gibt mindestens fünf Minuten Nachspielzeit in dieser sehr spannenden Schlussphase des Spiels.",
         "Neue Chance für die Gäste, aber der Volleyschuss landet nur im Außennetz des gegnerischen Tores.",
         "Der Mittelfeldspieler trifft beinahe, doch direkt vor dem Tor kommt er einen Schritt zu spät zum Ball.",
         "Die Gastgeber gleichen nach einer Ecke aus, die der Verteidiger am ersten Pfosten einköpft."}};
    static const char *const head[][3] = {{"Accueil | Football | Tennis", "Match en direct", "Rafraîchir"},
                                         {"Startseite | Fußball | Tennis", "Live-Ticker", "Aktualisieren"}};
    /* case 2: the same feed with its marks in no order (95', 12', 70' ...):
     * no clock, the marks are stray numbers and go */
    static const int scrambled[] = {95, 12, 70, 3, 88, 20, 60, 5};
    for (int linked = 0; linked < 3; linked++) {
        char doc[8192];
        size_t n = 0;
        /* a menu long enough that the class covers less than half the page */
        for (int k = 0; k < 18; k++) n += (size_t)snprintf(doc + n, sizeof doc - n, "%s %d\n", head[_i][0], k);
        for (int k = 0; k < 3; k++) n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\n", head[_i][k]);
        for (int k = 0; k < 8; k++)
            n += (size_t)snprintf(doc + n, sizeof doc - n, "%d'\n%s\n",
                                  linked == 2 ? scrambled[k] : 95 - 7 * k, feed[_i][k]);
        uint32_t hints[37];
        for (int k = 0; k < 19; k++) hints[k] = SCRUB_HINT_IN_NAV | (255u << SCRUB_HINT_LINK_SHARE_SHIFT);
        hints[19] = SCRUB_HINT_IN_MAIN | SCRUB_HINT_HEADING;
        hints[20] = SCRUB_HINT_IN_MAIN;
        for (int k = 21; k < 37; k++) hints[k] = SCRUB_HINT_IN_MAIN | SCRUB_HINT_CLASS_COMMENT;
        if (linked == 1) hints[21] |= 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
        scrub_ctx *ctx = classify_page(doc, hints, 37);
        /* the minute marks (95', 88' ...) time the entries: kept with them */
        for (size_t i = 21; i < 37; i++)
            ck_assert_msg(scrub_filter_line_kept(ctx, i) ==
                              (linked == 0 || (linked == 2 && i % 2 == 0)),
                          "doc %d case %d line %zu: %s (%s)",
                          _i, linked, i, scrub_label_name(scrub_filter_line_label(ctx, i)),
                          scrub_filter_line_reason(ctx, i));
        scrub_ctx_free(ctx);
    }
}
END_TEST

/* A live report whose heats each carry a score board set one cell per
 * line in the heat's <header> (`52` / `4 : 2` / `28`), then the riders'
 * points and the reporter's sentence: the boards repeat inside the body,
 * so their cells are the report's data and the heat's title over them a
 * heading.  The same page with two boards only: stray numbers, removed. */
START_TEST(score_boards_in_body)
{
    static const char *const says[][4] = {
        {"Kubera was quick from the tapes, but the visitors led on the back straight and held on to the line.",
         "The home pair boxed in their rival on the first bend and never let him through in four laps.",
         "Rain started to fall again before this heat, and the referee hurried the riders to the start.",
         "The captain won his heat with ease and the home side is now one point away from the final."},
        {"库贝拉起步很快，但客队车手在对面直道上已经领先，并一直保持到终点。",
         "主队两名车手在第一个弯道就把对手夹在身后，四圈里始终没有给他超越的机会。",
         "这一轮开始前又下起了雨，裁判催促车手们尽快回到起跑线准备出发。",
         "队长轻松赢下这一轮，主队现在距离进入决赛只差最后一分了。"}};
    static const char *const heat[] = {"Heat %d 64.%d sec.", "第%d轮 64.%d秒"};
    static const char *const rider[][2] = {{"Martin Vaculik %d", "Dominik Kubera %d"},
                                           {"瓦丘利克 %d", "库贝拉 %d"}};
    for (int boards = 4; boards >= 2; boards -= 2) {
        char doc[8192];
        size_t n = 0;
        uint32_t hints[64];
        const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT, main = SCRUB_HINT_IN_MAIN;
        static const char *const menu[] = {"Home", "Football", "Speedway", "Tennis", "Results", "Log in"};
        for (int k = 0; k < 6; k++) {
            hints[k] = SCRUB_HINT_IN_NAV | link;
            n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\n", menu[k]);
        }
        static const char *const lead[] = {
            "Full time: the home side beat the visitors by twenty-four points and will defend its title in the final.",
            "比赛结束：主队以二十四分的优势击败客队，将在决赛中卫冕冠军。"};
        n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\n", lead[_i]);
        hints[6] = main;
        size_t at = 7;
        for (int h = 0; h < 4; h++) {
            bool board = h < boards;
            n += (size_t)snprintf(doc + n, sizeof doc - n, heat[_i], 15 - h, h);
            n += (size_t)snprintf(doc + n, sizeof doc - n, "\n");
            hints[at++] = SCRUB_HINT_IN_HEADER | main;
            if (board) {
                n += (size_t)snprintf(doc + n, sizeof doc - n, "%d\n%d : %d\n%d\n", 57 - 4 * h, 1 + h % 2,
                                      5 - h % 2, 33 - 2 * h);
                for (int k = 0; k < 3; k++) hints[at++] = SCRUB_HINT_IN_HEADER | main;
            }
            for (int r = 0; r < 2; r++) {
                n += (size_t)snprintf(doc + n, sizeof doc - n, rider[_i][r], 3 - r);
                n += (size_t)snprintf(doc + n, sizeof doc - n, "\n");
                hints[at++] = SCRUB_HINT_LIST_ITEM | main;
            }
            n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\n", says[_i][h]);
            hints[at++] = main;
        }
        snprintf(doc + n, sizeof doc - n, "About us\nPrivacy\n© 2020 Example Sport\n");
        for (int k = 0; k < 3; k++) hints[at++] = SCRUB_HINT_IN_FOOTER | link;
        scrub_ctx *ctx = classify_page(doc, hints, at);
        for (size_t i = 7, h = 0; h < 4; h++) {
            bool board = (int)h < boards;
            if (board && boards == 4) {
                /* the heat's title, its board and its riders */
                expect_kept_range(ctx, _i, i, i + 7, true);
                ck_assert_int_eq(scrub_filter_line_label(ctx, i), SCRUB_LABEL_HEADING);
            } else if (board) {
                expect_kept_range(ctx, _i, i + 1, i + 4, false);
            }
            i += board ? 7 : 4;
        }
        expect_kept_range(ctx, _i, at - 3, at, false);
        scrub_ctx_free(ctx);
    }
}
END_TEST

/* A wiki article: a lead, a numbered table of contents (`1 History`)
 * whose entries name the section titles further down without their
 * numbers, the sections (one opening with a list of linked names), and
 * under the last sentence the sections the contents list too
 * (appearances, references: list items of links).  The
 * contents and their title go, the lead above them and the listed
 * sections stay; the link table under the last listed section (a navbox)
 * is not the article's. */
START_TEST(numbered_contents_sections)
{
    static const char *const title[] = {"Water-Making Spell", "造水咒"};
    static const char *const lead[] = {
        "The Water-Making Spell was a charm that conjured a jet of clean, drinkable water from the tip of the caster's wand.",
        "造水咒是一种魔咒，施咒者可以从魔杖尖端变出一股干净的、可以饮用的清水，常用于灭火。"};
    static const char *const contents[] = {"Contents", "目录"};
    static const char *const sect[][6] = {
        {"History", "Effects", "Known uses", "Etymology", "Appearances", "Notes and references"},
        {"历史", "效果", "已知用途", "词源", "出场作品", "注释与参考"}};
    static const char *const says[][4] = {
        {"It is unknown who invented this spell and when, but it was taught in the sixth year at school.",
         "Depending on the caster's concentration, the charm can make anything from a thin jet to a wave.",
         "The spell was used to put out the fire on a burning hut after the battle at the tower.",
         "The name comes from the words for water and for mind in two languages of southern Europe."},
        {"没有人知道这个咒语是谁在什么时候发明的，但学校会在六年级的魔咒课上教授它。",
         "根据施咒者的专注程度，这个咒语可以变出细细的一股水，也可以变出一道大浪。",
         "在塔楼之战以后，有人用这个咒语扑灭了被点着的小屋上的大火。",
         "这个名字来自南欧两种语言里表示水和心灵的两个词，读起来也和它们很像。"}};
    static const char *const books[][4] = {{"The Half-Blood Prince (First appearance)", "The Deathly Hallows",
                                            "Book of Spells (First identified)", "Puzzles and Spells"},
                                           {"混血王子（首次出现）", "死亡圣器", "咒语之书（首次确认）", "解谜与咒语"}};
    static const char *const refs[][3] = {{"↑ Book of Spells, Chapter 2", "↑ The Half-Blood Prince, Chapter 11",
                                           "↑ The Deathly Hallows, Chapter 31"},
                                          {"↑ 咒语之书，第2章", "↑ 混血王子，第11章", "↑ 死亡圣器，第31章"}};
    static const char *const navbox[] = {"Charms (class)", "Professors\tFortinbras · Flitwick",
                                         "Textbooks\tThe Standard Book of Spells · Extreme Incantations"};
    static const char *const menu[] = {"Home", "Books", "Films", "Games", "Community"};
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT, main = SCRUB_HINT_IN_MAIN;
    const uint32_t head = SCRUB_HINT_HEADING | main, item = SCRUB_HINT_LIST_ITEM | main;
    char doc[8192];
    uint32_t hints[64];
    size_t n = 0, at = 0;
#define LINE(h, ...) (n += (size_t)snprintf(doc + n, sizeof doc - n, __VA_ARGS__), \
                      n += (size_t)snprintf(doc + n, sizeof doc - n, "\n"), hints[at++] = (h))
    for (int k = 0; k < 5; k++) LINE(SCRUB_HINT_IN_NAV | link, "%s", menu[k]);
    LINE(head, "%s", title[_i]);
    LINE(main, "%s", lead[_i]);
    LINE(head, "%s", contents[_i]);
    for (int k = 0; k < 6; k++) LINE(item | link, "%d %s", k + 1, sect[_i][k]);
    static const char *const names[][3] = {{"Filius Flitwick[3]", "Fleur Delacour[7]", "Rubeus Hagrid[9]"},
                                           {"弗立维[3]", "芙蓉·德拉库尔[7]", "海格[9]"}};
    for (int k = 0; k < 4; k++) {
        LINE(head, "%s", sect[_i][k]);
        /* the known users, each a link to its page, under the title */
        for (int m = 0; k == 2 && m < 3; m++) LINE(main | link, "%s", names[_i][m]);
        LINE(main, "%s", says[_i][k]);
    }
    LINE(head, "%s", sect[_i][4]);
    for (int k = 0; k < 4; k++) LINE(item | link, "%s", books[_i][k]);
    LINE(head, "%s", sect[_i][5]);
    for (int k = 0; k < 3; k++) LINE(item | (128u << SCRUB_HINT_LINK_SHARE_SHIFT), "%s", refs[_i][k]);
    for (int k = 0; k < 3; k++) LINE(SCRUB_HINT_TABLE | main | link, "%s", navbox[k]);
    LINE(SCRUB_HINT_IN_FOOTER | link, "Terms of Use");
    LINE(SCRUB_HINT_IN_FOOTER | link, "Privacy Policy");
#undef LINE
    ck_assert_uint_eq(at, 39);
    scrub_ctx *ctx = classify_page(doc, hints, at);
    expect_kept_range(ctx, _i, 0, 5, false);
    expect_kept_range(ctx, _i, 5, 7, true);   /* title, lead */
    expect_kept_range(ctx, _i, 7, 14, false); /* the contents */
    expect_kept_range(ctx, _i, 14, 34, true); /* the sections, the listed ones under the body too */
    ck_assert_int_eq(scrub_filter_line_label(ctx, 14), SCRUB_LABEL_HEADING);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 30), SCRUB_LABEL_HEADING);
    expect_kept_range(ctx, _i, 34, 39, false); /* navbox, footer */
    scrub_ctx_free(ctx);
}
END_TEST

/* A lyrics page: the song's title, then each line of the song in Han
 * over its pinyin (one syllable per character), a chorus mark among
 * them; the page's only sentences are the site's appeal in a side box.
 * The pairs are the page's text, not a menu above the body, in
 * Simplified and Traditional; the menu and the footer go. */
START_TEST(pinyin_verse)
{
    static const char *const song[][11] = {
        {"爱 逝去的爱 讨不回来", "Ai shi qu de ai tao bu hui lai", "我还有话想对你说",
         "Wo hai you hua xiang dui ni shuo", "舍不得说 来不及说", "She bu de shuo lai bu ji shuo",
         "离别的话最难说出口", "Li bie de hua zui nan shuo chu kou", "[Chorus]", "就放心去吧",
         "Jiu fang xin qu ba"},
        {"愛 逝去的愛 討不回來", "Ai shi qu de ai tao bu hui lai", "我還有話想對你說",
         "Wo hai you hua xiang dui ni shuo", "捨不得說 來不及說", "She bu de shuo lai bu ji shuo",
         "離別的話最難說出口", "Li bie de hua zui nan shuo chu kou", "[副歌]", "就放心去吧",
         "Jiu fang xin qu ba"}};
    static const char *const title[] = {"只能想念你 - 萧敬腾", "只能想念你 - 蕭敬騰"};
    static const char *const menu[] = {"Home", "Artists", "Songs", "Pinyin", "Contact"};
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    char doc[4096];
    uint32_t hints[32];
    size_t n = 0, at = 0;
    for (int k = 0; k < 5; k++, at++) { /* a menu */
        n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\n", menu[k]);
        hints[at] = SCRUB_HINT_IN_NAV | link;
    }
    n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\n", title[_i]);
    hints[at++] = SCRUB_HINT_HEADING;
    for (int k = 0; k < 11; k++, at++) {
        n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\n", song[_i][k]);
        hints[at] = 0;
    }
    /* the site's appeal: the page's only sentences */
    snprintf(doc + n, sizeof doc - n,
             "To our fans, your contribution will allow us to keep providing pinyin for free.\n"
             "Donations can be made through the link below.\nPrivacy\nTerms\n");
    hints[at++] = 0; /* its class is the page's layout */
    hints[at++] = 0;
    hints[at++] = SCRUB_HINT_IN_FOOTER | link;
    hints[at++] = SCRUB_HINT_IN_FOOTER | link;
    scrub_ctx *ctx = classify_page(doc, hints, at);
    expect_kept_range(ctx, _i, 0, 5, false);
    expect_kept_range(ctx, _i, 6, 17, true);
    expect_kept_range(ctx, _i, 19, 21, false);
    scrub_ctx_free(ctx);
}
END_TEST

/* A live match page: above the reporter's feed, each side's sheet as
 * unlinked list items inside <main> under the same titles (coach,
 * line-up, substitutes), one sheet after the other.  Two sheets of one
 * form are the page's data, not a menu (French, German); the same lists
 * all of links are a menu and go. */
START_TEST(repeated_sheets)
{
    static const char *const titles[][3] = {{"ENTRAINEUR", "EFFECTIFS", "Remplaçants"},
                                            {"TRAINER", "AUFSTELLUNG", "Ersatzbank"}};
    static const char *const side[][2][8] = {
        {{"C. Pélissier", "Y. Wissa", "T. Fontaine", "J. Laporte", "J. Morel", "H. Mendes", "P. Hamel", "U. Bozok"},
         {"R. Garcia", "M. Depay", "M. Dembélé", "L. Dubois", "J. Denayer", "H. Aouar", "M. Cherki", "G. Cornet"}},
        {{"C. Streich", "M. Gregoritsch", "J. Dudziak", "K. Schlotterbeck", "L. Höler", "V. Grifo", "N. Petersen", "E. Demirović"},
         {"F. Kohfeldt", "M. Eggestein", "J. Osako", "L. Augustinsson", "N. Füllkrug", "R. Bittencourt", "K. Kosche", "Y. Sargent"}}};
    static const char *const feed[][4] = {
        {"C'est terminé au stade ! Les deux équipes se quittent sur un score nul après un match très disputé.",
         "Carton jaune pour le gardien, qui a perdu beaucoup trop de temps avant de jouer un coup franc.",
         "Encore en contre, les visiteurs ont une balle de match mais le tir passe juste à côté du poteau.",
         "Les locaux reviennent au score sur un corner repris de la tête au premier poteau par le défenseur."},
        {"Das Spiel ist aus! Beide Mannschaften trennen sich nach einer sehr umkämpften Partie unentschieden.",
         "Gelbe Karte für den Torwart, der vor der Ausführung eines Freistoßes viel zu viel Zeit verloren hat.",
         "Wieder ein Konter, die Gäste haben den Matchball, aber der Schuss geht knapp am Pfosten vorbei.",
         "Die Gastgeber gleichen nach einer Ecke aus, die der Verteidiger am ersten Pfosten einköpft."}};
    static const char *const menu[] = {"Accueil", "Football", "Tennis", "Rugby", "Résultats"};
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT, main = SCRUB_HINT_IN_MAIN;
    for (int linked = 0; linked < 2; linked++) {
        char doc[8192];
        uint32_t hints[64];
        size_t n = 0, at = 0;
#define LINE(h, s) (n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\n", (s)), hints[at++] = (h))
        for (int k = 0; k < 5; k++) LINE(SCRUB_HINT_IN_NAV | link, menu[k]);
        const uint32_t item = SCRUB_HINT_LIST_ITEM | main | (linked ? link : 0);
        for (int t = 0; t < 2; t++) {
            /* coach, line-up, substitutes */
            LINE(item, titles[_i][0]);
            LINE(item, side[_i][t][0]);
            LINE(item, titles[_i][1]);
            for (int k = 1; k < 6; k++) LINE(item, side[_i][t][k]);
            LINE(item, titles[_i][2]);
            for (int k = 6; k < 8; k++) LINE(item, side[_i][t][k]);
        }
        LINE(SCRUB_HINT_HEADING | main, _i ? "Live-Ticker" : "En direct");
        for (int k = 0; k < 4; k++) LINE(main, feed[_i][k]);
        LINE(SCRUB_HINT_IN_FOOTER | link, "Mentions légales");
        LINE(SCRUB_HINT_IN_FOOTER | link, "Contact");
#undef LINE
        ck_assert_uint_eq(at, 34);
        scrub_ctx *ctx = classify_page(doc, hints, at);
        expect_kept_range(ctx, _i, 0, 5, false);
        expect_kept_range(ctx, _i, 5, 27, !linked);
        expect_kept_range(ctx, _i, 28, 32, true);
        expect_kept_range(ctx, _i, 32, 34, false);
        scrub_ctx_free(ctx);
    }
}
END_TEST

/* A recipe whose nutrition box, under the instructions, is a table set
 * one cell per line (Fat / 11 / g / 17 / %): the same row form five
 * times, with the box's title and serving size above it.  The box is the
 * recipe's (English, German); the footer under it still goes. */
START_TEST(cell_rows_under_body)
{
    static const char *const steps[][3] = {
        {"Add all the filling ingredients to a food processor and blend until the mixture is combined.",
         "Roll one tablespoon of the mixture into a ball, then place it onto a baking sheet lined with paper.",
         "Dip each ball into the melted chocolate, let the excess drip off and chill them before serving."},
        {"Alle Zutaten für die Füllung in einen Mixer geben und so lange mixen, bis eine glatte Masse entsteht.",
         "Aus je einem Esslöffel der Masse eine Kugel formen und auf ein mit Backpapier belegtes Blech legen.",
         "Jede Kugel in die geschmolzene Schokolade tauchen, abtropfen lassen und vor dem Servieren kühlen."}};
    static const char *const head[][3] = {{"Nutrition Facts", "Serving Size", "1 ball"},
                                          {"Nährwerte", "Portionsgröße", "1 Kugel"}};
    static const char *const rows[][5] = {{"Fat", "Saturated Fat", "Carbohydrates", "Fiber", "Protein"},
                                          {"Fett", "Gesättigte Fettsäuren", "Kohlenhydrate", "Ballaststoffe", "Eiweiß"}};
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT, main = SCRUB_HINT_IN_MAIN;
    char doc[8192];
    uint32_t hints[64];
    size_t n = 0, at = 0;
#define LINE(h, ...) (n += (size_t)snprintf(doc + n, sizeof doc - n, __VA_ARGS__), \
                      n += (size_t)snprintf(doc + n, sizeof doc - n, "\n"), hints[at++] = (h))
    static const char *const menu[] = {"Home", "Recipes", "Desserts", "About", "Shop"};
    for (int k = 0; k < 5; k++) LINE(SCRUB_HINT_IN_NAV | link, "%s", menu[k]);
    LINE(SCRUB_HINT_HEADING | main, "%s", _i ? "Erdnussbutter-Trüffel" : "Peanut Butter Truffles");
    for (int k = 0; k < 3; k++) LINE(main, "%s", steps[_i][k]);
    for (int k = 0; k < 3; k++) LINE(main, "%s", head[_i][k]);
    for (int k = 0; k < 5; k++) {
        LINE(main, "%s", rows[_i][k]);
        LINE(main, "%d", 11 - 2 * k);
        LINE(main, "g");
        LINE(main, "%d", 17 + 3 * k);
        LINE(main, "%%");
    }
    LINE(SCRUB_HINT_IN_FOOTER | link, "Privacy Policy");
    LINE(SCRUB_HINT_IN_FOOTER | link, "Contact");
#undef LINE
    ck_assert_uint_eq(at, 39);
    scrub_ctx *ctx = classify_page(doc, hints, at);
    expect_kept_range(ctx, _i, 0, 5, false);
    expect_kept_range(ctx, _i, 5, 37, true);
    expect_kept_range(ctx, _i, 37, 39, false);
    scrub_ctx_free(ctx);
}
END_TEST

/* Under an article's last sentence, a heading over a table of the
 * author's (a vocabulary list, a table of figures; cells split by TAB):
 * the heading and the rows stay (English, Simplified).  The same table
 * of links under the heading is another box and goes. */
START_TEST(table_under_body_heading)
{
    static const char *const para[][3] = {
        {"Groping on crowded trains is a problem that many women in Japan have to deal with on their way to work.",
         "If it happens to you, say it loudly, ask the station staff for help and call the police if you can.",
         "Railway companies now run women-only cars at rush hour on many lines to help prevent it."},
        {"今年以来，全省粮食生产总体平稳，夏粮和早稻产量均比上年有所增长，秋粮长势也好于常年。",
         "省农业农村厅表示，将继续加强田间管理，做好防灾减灾工作，确保全年粮食丰收到手。",
         "据统计，全省今年粮食播种面积稳定在八千万亩以上，其中优质稻面积进一步扩大。"}};
    static const char *const title[] = {"Additional vocabulary", "附表：各季水稻面积"};
    static const char *const rows[][4] = {{"Japanese\tRomaji\tEnglish", "女性（じょせい）\tjyosei\twoman",
                                           "駅員（えきいん）\tekiin\tstation staff", "警察（けいさつ）\tkeisatsu\tpolice"},
                                          {"品种\t面积\t比上年", "早稻\t一千万亩\t增加", "中稻\t三千万亩\t持平",
                                           "晚稻\t两千万亩\t略减"}};
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT, main = SCRUB_HINT_IN_MAIN;
    for (int linked = 0; linked < 2; linked++) {
        char doc[4096];
        uint32_t hints[32];
        size_t n = 0, at = 0;
#define LINE(h, s) (n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\n", (s)), hints[at++] = (h))
        static const char *const menu[] = {"Home", "Living", "Work", "Travel", "Study"};
        for (int k = 0; k < 5; k++) LINE(SCRUB_HINT_IN_NAV | link, menu[k]);
        for (int k = 0; k < 3; k++) LINE(main, para[_i][k]);
        LINE(SCRUB_HINT_HEADING | main, title[_i]);
        for (int k = 0; k < 4; k++) LINE(SCRUB_HINT_TABLE | main | (linked ? link : 0), rows[_i][k]);
        LINE(SCRUB_HINT_IN_FOOTER | link, "Privacy");
        LINE(SCRUB_HINT_IN_FOOTER | link, "Contact");
#undef LINE
        scrub_ctx *ctx = classify_page(doc, hints, at);
        expect_kept_range(ctx, _i, 0, 5, false);
        expect_kept_range(ctx, _i, 5, 8, true);
        expect_kept_range(ctx, _i, 8, 13, !linked);
        expect_kept_range(ctx, _i, 13, 15, false);
        scrub_ctx_free(ctx);
    }
}
END_TEST

/* A site breaks its article with a box the DOM alone condemns (a linked
 * headline of another story, two share buttons, a headline in a related
 * class) right under the last paragraph, above the author's table: the
 * box goes, the heading and the rows stay as they do with no box
 * (hide_inserts; English, German). */
START_TEST(insert_under_last_paragraph)
{
    static const char *const para[][3] = {
        {"Groping on crowded trains is a problem that many women in Japan have to deal with on their way to work.",
         "If it happens to you, say it loudly, ask the station staff for help and call the police if you can.",
         "Railway companies now run women-only cars at rush hour on many lines to help prevent it."},
        {"Wer morgens mit der Bahn zur Arbeit pendelt, kennt das Problem der überfüllten Wagen nur zu gut.",
         "Die Verkehrsbetriebe wollen deshalb im Herbst zusätzliche Züge einsetzen und die Takte verdichten.",
         "Bis dahin raten sie, wenn möglich etwas früher oder später als zur Hauptverkehrszeit zu fahren."}};
    static const char *const title[] = {"Additional vocabulary", "Wortschatz zum Artikel"};
    static const char *const rows[][4] = {{"Japanese\tRomaji\tEnglish", "女性（じょせい）\tjyosei\twoman",
                                           "駅員（えきいん）\tekiin\tstation staff", "警察（けいさつ）\tkeisatsu\tpolice"},
                                          {"Deutsch\tEnglisch\tWortart", "der Wagen\tthe carriage\tNomen",
                                           "pendeln\tto commute\tVerb", "überfüllt\tovercrowded\tAdjektiv"}};
    static const char *const teaser[] = {"The ten things everyone gets wrong about this story",
                                         "Zehn Irrtümer über den Nahverkehr in der Stadt"};
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    const uint32_t body = SCRUB_HINT_IN_MAIN | SCRUB_HINT_IN_CANDIDATE;
    /* 0 no box, 1 a linked headline, 2 share buttons, 3 a related class */
    for (int box = 0; box < 4; box++) {
        char doc[4096];
        uint32_t hints[32];
        size_t n = 0, at = 0;
#define LINE(h, s) (n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\n", (s)), hints[at++] = (h))
        static const char *const menu[] = {"Home", "Living", "Work", "Travel", "Study"};
        for (int k = 0; k < 5; k++) LINE(SCRUB_HINT_IN_NAV | link, menu[k]);
        for (int k = 0; k < 3; k++) LINE(body, para[_i][k]);
        size_t first_box = at;
        if (box == 1) LINE(body | link, teaser[_i]);
        if (box == 2) {
            LINE(body | SCRUB_HINT_CLASS_SHARE | link, "Facebook");
            LINE(body | SCRUB_HINT_CLASS_SHARE | link, "Twitter");
        }
        if (box == 3) LINE(body | SCRUB_HINT_CLASS_RELATED | link, teaser[_i]);
        size_t heading = at;
        LINE(SCRUB_HINT_HEADING | body, title[_i]);
        for (int k = 0; k < 4; k++) LINE(SCRUB_HINT_TABLE | body, rows[_i][k]);
        LINE(SCRUB_HINT_IN_FOOTER | link, "Privacy");
        LINE(SCRUB_HINT_IN_FOOTER | link, "Contact");
#undef LINE
        scrub_ctx *ctx = classify_page(doc, hints, at);
        expect_kept_range(ctx, _i, 0, 5, false);
        expect_kept_range(ctx, _i, 5, 8, true);
        expect_kept_range(ctx, _i, first_box, heading, false);
        expect_body_heading(ctx, _i, heading, heading, heading + 5, at);
        scrub_ctx_free(ctx);
    }
}
END_TEST

/* Wire copy inside the article guess, and further down the same guess
 * two excerpts of other stories, each alone between linked headlines:
 * they hold a third of the guess's sentence text only because the
 * paragraphs are short, and under a third of its sentence lines, so
 * candidate_fallback does not take them back (English, French). */
START_TEST(short_paragraphs_guess_teasers)
{
    static const char *const para[][9] = {
        {"The city council approved the new bus plan late on Tuesday night.",
         "It adds four new routes to the northern suburbs next spring.",
         "Buses on the busiest lines will then run every ten minutes.",
         "The plan costs the city about twelve million dollars a year.",
         "A grant from the state pays for most of the new service.",
         "Two members of the council voted against the whole proposal.",
         "They said that the suburbs needed new trains rather than buses.",
         "Residents will be able to comment on the new routes until May.",
         "The first of the new buses are due to arrive in February."},
        {"Le conseil municipal a voté le nouveau plan des bus mardi soir.",
         "Il ajoute quatre nouvelles lignes vers la banlieue nord au printemps.",
         "Les bus des lignes les plus chargées passeront toutes les dix minutes.",
         "Le plan coûte à la ville environ douze millions d'euros par an.",
         "Une aide de la région paie la plus grande partie du nouveau service.",
         "Deux élus du conseil ont voté contre l'ensemble du projet.",
         "Ils disaient que la banlieue avait besoin de trains plutôt que de bus.",
         "Les habitants pourront donner leur avis sur les lignes jusqu'en mai.",
         "Les premiers des nouveaux bus doivent arriver en février."}};
    static const char *const excerpt[][2] = {
        {"The old bridge over the river will close for repairs next month, and drivers are asked to use the ring road while the work goes on.",
         "The city library will open on Sundays from the spring, after a survey showed that many of its readers could not come in during the working week."},
        {"Le vieux pont sur la rivière fermera le mois prochain pour des travaux, et les automobilistes devront passer par la rocade pendant toute la durée du chantier.",
         "La bibliothèque de la ville ouvrira aussi le dimanche à partir du printemps, car une enquête a montré que beaucoup de ses lecteurs ne peuvent pas venir en semaine."}};
    static const char *const heads[] = {"Road works", "Library hours", "New park", "School buses",
                                        "Tram fares", "Cycle lanes", "Market hall"};
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT, cand = SCRUB_HINT_IN_CANDIDATE;
    char doc[4096];
    uint32_t hints[48];
    size_t n = 0, at = 0, teaser[2];
#define LINE(h, s) (n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\n", (s)), hints[at++] = (h))
    static const char *const menu[] = {"Home", "News", "Sport", "Culture", "Weather"};
    for (int k = 0; k < 5; k++) LINE(SCRUB_HINT_IN_NAV | link, menu[k]);
    for (int k = 0; k < 9; k++) LINE(cand, para[_i][k]);
    for (int t = 0; t < 2; t++) {
        for (int k = 0; k < 7; k++) LINE(cand | link, heads[k]);
        teaser[t] = at;
        LINE(cand, excerpt[_i][t]);
    }
    LINE(SCRUB_HINT_IN_FOOTER | link, "Privacy");
    LINE(SCRUB_HINT_IN_FOOTER | link, "Contact");
#undef LINE
    scrub_ctx *ctx = classify_page(doc, hints, at);
    expect_kept_range(ctx, _i, 0, 5, false);
    expect_kept_range(ctx, _i, 5, 14, true);
    for (int t = 0; t < 2; t++) expect_kept_range(ctx, _i, teaser[t], teaser[t] + 1, false);
    scrub_ctx_free(ctx);
}
END_TEST

/* A sentence set as a heading inside <main>, between the article's
 * paragraphs, under a layout class that says sidebar ("with-sidebar-
 * right" wraps the whole page): the article's subheading.  The same
 * shape outside <main>, in the real sidebar, stays removed. */
START_TEST(main_heading_under_layout_class)
{
    static const char *const lines[][7] = {
        {"Admit it: ever since the first rough scrub touched your cheek, you have spent years trying to get rid of every dead skin cell you could find.",
         "Well, not to cause your head to explode, but everything you think you know about dead skin cells is wrong, and the reasons are worth knowing.",
         "Allow the dermatologist to repeat that: dead skin cells help the skin hold its water.",
         "Skin cells change shape as they mature, which gives them more surface to hold on to moisture and to keep it from leaving the skin too fast.",
         "Besides pulling moisture in from the outside, the old cells keep the water locked inside, and that is why scrubbing them away every day does harm.",
         "So take it easy with the scrub, and let the old cells do the work they are there for until they fall away by themselves.",
         "Why your favourite cleanser may be drying out your face."},
        {"说实话，从第一次用磨砂膏开始，很多人这些年一直在想办法去掉脸上每一个死皮细胞，觉得越干净越好。",
         "不过，关于死皮细胞，你以为知道的其实大多是错的，背后的道理值得花几分钟好好了解一下。",
         "皮肤科医生再强调一遍：死皮细胞能帮皮肤锁住水分。",
         "皮肤细胞在成熟的过程中会改变形状，表面变得更大，能抓住更多水分，也能让水分不那么快流失。",
         "除了从外面吸收水分，这些老细胞还能把水分锁在里面，所以每天去角质其实是在伤害皮肤。",
         "所以用磨砂膏要适可而止，让这些老细胞做完它们该做的事，等它们自己慢慢脱落就好。",
         "为什么你最爱的洗面奶可能让脸变干了？"}};
    char doc[8192];
    size_t n = 0;
    static const char *const menu[] = {"Home", "Beauty", "Skin", "Hair", "Style", "Subscribe"};
    for (int k = 0; k < 6; k++) n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\n", menu[k]);
    for (int k = 0; k < 7; k++) /* the paragraphs are long, the heading and teaser short */
        n += (size_t)snprintf(doc + n, sizeof doc - n, k == 2 || k == 6 ? "%s\n" : "%s %s\n", lines[_i][k],
                              lines[_i][k]);
    snprintf(doc + n, sizeof doc - n, "About Us\nPrivacy Policy\nTerms of Use\n© 2020 Example Media\n");
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT, side = SCRUB_HINT_CLASS_SIDEBAR;
    uint32_t hints[17];
    for (int k = 0; k < 6; k++) hints[k] = SCRUB_HINT_IN_NAV | link;
    for (int k = 6; k < 12; k++) hints[k] = SCRUB_HINT_IN_MAIN | side;
    hints[8] |= SCRUB_HINT_HEADING;
    hints[12] = side | SCRUB_HINT_HEADING; /* a teaser in the real sidebar */
    for (int k = 13; k < 17; k++) hints[k] = SCRUB_HINT_IN_FOOTER | link;
    scrub_ctx *ctx = classify_page(doc, hints, 17);
    expect_body_heading(ctx, _i, 6, 8, 12, 17);
    scrub_ctx_free(ctx);
}
END_TEST

/* A how-to told in list items, each step a few sentences, inside the html
 * stage's article guess but in a box whose class says sidebar, under a lead
 * paragraph: the steps are the article and join the body.  (A feed of
 * teasers between linked headlines in such a box is liberation-1's live
 * column on the dev set: list_prose_runs leaves it alone.) */
START_TEST(list_prose_steps)
{
    static const char *const lead[] = {
        "Dried beans are cheaper than tinned ones and taste better, and cooking them takes patience rather than skill.",
        "Getrocknete Bohnen sind billiger als solche aus der Dose und schmecken besser, und sie zu kochen braucht nur Geduld."};
    static const char *const steps[][6] = {
        {"Soak the dried beans overnight in plenty of cold water, so that they swell evenly and cook in half the time.",
         "Drain them the next morning, rinse them twice and put them in a heavy pot with fresh water and a bay leaf.",
         "Bring the pot to a gentle boil, skim off the foam that rises, and then turn the heat down as low as it goes.",
         "Let the beans simmer for about an hour, stirring now and then, until one crushes easily against the spoon.",
         "Season them only at the end with salt and a little vinegar, because salt added early keeps the skins tough.",
         "Serve them warm with bread, or keep them in the fridge for three days in their own cooking liquid."},
        {"Weichen Sie die getrockneten Bohnen über Nacht in reichlich kaltem Wasser ein, damit sie gleichmäßig quellen.",
         "Gießen Sie sie am nächsten Morgen ab, spülen Sie sie zweimal und geben Sie sie mit frischem Wasser in einen Topf.",
         "Bringen Sie alles langsam zum Kochen, schöpfen Sie den Schaum ab und stellen Sie die Hitze danach ganz klein.",
         "Lassen Sie die Bohnen etwa eine Stunde köcheln, bis sich eine davon mit dem Löffel leicht zerdrücken lässt.",
         "Salzen Sie erst ganz am Ende und geben Sie etwas Essig dazu, denn früh gesalzen bleiben die Schalen hart.",
         "Servieren Sie die Bohnen warm mit Brot oder bewahren Sie sie drei Tage im Kühlschrank in ihrem Sud auf."}};
    static const char *const menu[] = {"Home", "Recipes", "Soups", "Bread", "About", "Subscribe"};
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    const uint32_t box = SCRUB_HINT_IN_CANDIDATE | SCRUB_HINT_LIST_ITEM | SCRUB_HINT_CLASS_SIDEBAR;
    {
        char doc[16384];
        uint32_t hints[32];
        size_t n = 0, at = 0;
        for (int k = 0; k < 6; k++, at++) {
            n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\n", menu[k]);
            hints[at] = SCRUB_HINT_IN_NAV | link;
        }
        n += (size_t)snprintf(doc + n, sizeof doc - n, "%s %s\n", lead[_i], lead[_i]);
        hints[at++] = SCRUB_HINT_IN_CANDIDATE;
        size_t first = at;
        for (int k = 0; k < 6; k++) { /* a step of several sentences: too long for a teaser */
            n += (size_t)snprintf(doc + n, sizeof doc - n, "%s %s %s\n", steps[_i][k], steps[_i][(k + 2) % 6],
                                  steps[_i][(k + 4) % 6]);
            hints[at++] = box;
        }
        size_t last = at;
        n += (size_t)snprintf(doc + n, sizeof doc - n, "About Us\nPrivacy Policy\nTerms of Use\n© 2024 Example Kitchen\n");
        for (int k = 0; k < 4; k++) hints[at++] = SCRUB_HINT_IN_FOOTER | link;
        scrub_ctx *ctx = classify_page(doc, hints, at);
        expect_kept_range(ctx, _i, 0, 6, false);
        expect_kept_range(ctx, _i, 6, 7, true);
        expect_kept_range(ctx, _i, first, last, true);
        expect_kept_range(ctx, _i, last, at, false);
        scrub_ctx_free(ctx);
    }
}
END_TEST

START_TEST(english_page)
{
    const char *doc =
        "Skip to main content\n"
        "Home | News | Sport | Weather\n"
        "Library opens a new reading room\n"
        "The city library opened a new reading room on Monday, with space for two hundred readers and a quiet zone.\n"
        "Visitors can borrow laptops at the front desk, and the room stays open until ten in the evening.\n"
        "Share this article\n"
        "Copyright 2024 City News. All rights reserved.\n";
    static const int want[] = {SCRUB_LABEL_NAV, SCRUB_LABEL_NAV, SCRUB_LABEL_HEADING,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_WIDGET,
                               SCRUB_LABEL_FOOTER};
    check_labels(doc, want, 7);
}
END_TEST

/* Other languages, text alone: prose the stop-word list does not know
 * (Czech, Polish), bylines against "by" inside a phrase, related headers
 * and consent banners of other languages. */
START_TEST(other_languages)
{
    const char *doc =
        "Zprávy | Sport | Kultura\n"
        "Nová knihovna v centru města\n"
        "By Jana Nováková, 12 March 2024\n"
        "Městská knihovna otevřela v pondělí novou studovnu, která nabízí místo pro dvě stě čtenářů a tichou zónu.\n"
        "Návštěvníci si mohou půjčit notebooky u pultu, studovna je otevřená každý den až do deseti hodin večer.\n"
        "He is confident the new room will be full by the end of the year\n"
        "Az új olvasóterem hétfőn nyitott meg, és kétszáz olvasónak kínál helyet csendes környezetben.\n"
        "We use cookies to improve your experience on this site.\n"
        "Zobacz również\n"
        "Nowy most na rzece\n";
    /* line 5: "by" inside a phrase of lower-case words is no byline */
    static const int want[] = {SCRUB_LABEL_NAV,     SCRUB_LABEL_HEADING, SCRUB_LABEL_META,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_WIDGET,  SCRUB_LABEL_RELATED,
                               SCRUB_LABEL_RELATED};
    check_labels(doc, want, 10);
}
END_TEST

/* Bylines and datelines of other languages: a date in words alone on its
 * line is meta (English, French, German), a date in a table cell or a
 * first name that is a month ("Jan") is data; a parenthesis names
 * someone to be a byline. */
START_TEST(dates_in_words)
{
    const char *doc =
        "Mapping and data mining with QGIS\n"
        "By Nathan Willis\n"
        "March 25, 2015\n"
        "QGIS is a free-software geographic information system tool, and it provides a unified interface for maps.\n"
        "The new release is version 2.8, which was unveiled on March 2 with a long list of changes.\n"
        "25 mars 2015\n"
        "The release history of the project tells a slightly different story:\n"
        "4.2.3\tApril 2014\n"
        "Jan Holesovsky\t466\t2.1%\n"
        "(by changesets)\n"
        "It seems clear that the project has kept a rather more frenetic release cadence than the other one.\n"
        "2. März 2015\n";
    static const int want[] = {SCRUB_LABEL_HEADING, SCRUB_LABEL_META,    SCRUB_LABEL_META,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_META,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT, SCRUB_LABEL_META};
    check_labels(doc, want, 12);
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 2), "date-in-words");
    scrub_ctx_free(ctx);
}
END_TEST

/* Credits and notices around an extracted article: "... contributed to
 * this report." is meta, a gallery box a widget, an edition's index (a
 * header and its list) related, and a last sentence asking readers to
 * report errors (Czech, English) the site's footer -- while a last
 * sentence of the author's stays. */
START_TEST(credits_and_notices)
{
    const char *doc =
        "Gallery: Xbox One X | 14 Photos\n"
        "The console is the most powerful hardware ever put in a home console, and it shows in every game we tried.\n"
        "Microsoft says the price will stay the same through the holidays, which makes it an easy gift to recommend.\n"
        "Heba Habib contributed to this report.\n"
        "Inside this week's Weekly Edition\n"
        "- Security: Toward secure package downloads; New vulnerabilities in drupal, mozilla, openssl ...\n"
        "- Kernel: LSFMM coverage: NFS, defragmentation, epoll(), copy offload, and more.\n";
    static const int want[] = {SCRUB_LABEL_WIDGET,  SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_META,    SCRUB_LABEL_RELATED, SCRUB_LABEL_RELATED,
                               SCRUB_LABEL_RELATED};
    check_labels(doc, want, 7);
    const char *cs =
        "Aston Villa porazila West Ham a posunula se v tabulce o dvě místa nahoru, když rozhodl gól v poslední minutě.\n"
        "Trenér po zápase řekl, že tým hrál nejlepší zápas sezony a že fanoušci si vítězství zasloužili.\n"
        "Pokud jste v článku zaznamenali chybu nebo překlep, dejte nám, prosím, vědět prostřednictvím kontaktního formuláře. Děkujeme!\n";
    static const int want_cs[] = {SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_FOOTER};
    check_labels(cs, want_cs, 3);
    const char *en =
        "The council voted on Tuesday to build a new bridge across the river, ending a debate that lasted ten years.\n"
        "Work will start next spring and the bridge should open to traffic two years later.\n"
        "If you spotted an error in this story, please tell us through our contact form.\n"
        "Read our guide to the new bridge and the roads around it.\n";
    /* the notice is not the last line: the author's sentences frame it */
    static const int want_en[] = {SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT,
                                  SCRUB_LABEL_CONTENT};
    check_labels(en, want_en, 4);
}
END_TEST

/* Figures with the DOM's hints: a figcaption that is only a credit (a
 * name and agency joined by a slash, a bare domain) is meta, one that
 * describes the picture stays a caption, and so does a year under a
 * chart; a bracketed link inside the body ("[Bardo museum ...]") is related. */
START_TEST(figure_credits_and_bracketed_links)
{
    const char *doc =
        "The console is the most powerful hardware ever put in a home console, and it shows in every game we tried.\n"
        "Devindra Hardawar/AOL\n"
        "topleftpixel.com\n"
        "Cloche terrarium (Lucy Akins)\n"
        "2012\n"
        "[Bardo museum houses amazing Roman treasures]\n"
        "Microsoft says the price will stay the same through the holidays, which makes it an easy gift to recommend.\n";
    const uint32_t cap = SCRUB_HINT_CAPTION | SCRUB_HINT_IN_MAIN;
    uint32_t hints[7] = {SCRUB_HINT_IN_MAIN, cap, cap, cap, cap,
                         SCRUB_HINT_IN_MAIN | (255u << SCRUB_HINT_LINK_SHARE_SHIFT),
                         SCRUB_HINT_IN_MAIN};
    static const int want[] = {SCRUB_LABEL_CONTENT, SCRUB_LABEL_META,    SCRUB_LABEL_META,
                               SCRUB_LABEL_CAPTION, SCRUB_LABEL_CAPTION, SCRUB_LABEL_RELATED,
                               SCRUB_LABEL_CONTENT};
    scrub_ctx *ctx = scrub_ctx_new();
    expect_labels(ctx, doc, hints, 7, want, 7);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 1), "photo-credit");
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 5), "bracketed-link");
    scrub_ctx_free(ctx);
}
END_TEST

/* The end of an extracted article: a "Read more:" header takes the
 * titles under it, a dated byline of another language ("Pubblicato il
 * ...") is meta even when it reads like a sentence, and the author's bio
 * closing the body (a name, a copula, a newsroom trade) is meta -- while
 * a sentence about a reporter inside the body stays. */
START_TEST(article_end)
{
    const char *doc =
        "Pubblicato il 19 Febbraio 2020 alle 12:02\n"
        "The museum reopened on Monday after a week of repairs, and hundreds of visitors queued in the rain to see it.\n"
        "Jane Roe is a local reporter who first wrote about the damage, and she said the repairs went faster than planned.\n"
        "The director thanked the city for its help and promised a new exhibition of Roman mosaics in the spring.\n"
        "Mark di Stefano is a breaking news reporter for BuzzFeed News and is based in Sydney, Australia.\n"
        "posted on April 21, 2015, at 11:29 a.m.\n"
        "Read more:\n"
        "Tunisia sends most foreign fighters to Islamic State in Syria\n"
        "The museum is home to amazing Roman treasures\n";
    static const int want[] = {SCRUB_LABEL_META,    SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_META,    SCRUB_LABEL_META,
                               SCRUB_LABEL_WIDGET,  SCRUB_LABEL_RELATED, SCRUB_LABEL_RELATED};
    check_labels(doc, want, 9);
    const char *bio =
        "The museum reopened on Monday after a week of repairs, and hundreds of visitors queued in the rain to see it.\n"
        "The director thanked the city for its help and promised a new exhibition of Roman mosaics in the spring.\n"
        "Erin Cunningham is an Egypt-based correspondent for The Post. She previously covered conflicts in the Middle East.\n";
    static const int want_bio[] = {SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_META};
    check_labels(bio, want_bio, 3);
    const char *fr =
        "Le maire a inauguré lundi la nouvelle bibliothèque du quartier, en présence de nombreux habitants du centre.\n"
        "Les travaux ont duré deux ans et ont coûté quatre millions d'euros à la commune selon la mairie.\n"
        "Jean Dupont est rédacteur en chef adjoint du journal.\n";
    check_labels(fr, want_bio, 3);
}
END_TEST

/* Copyright notes and author fields of other languages. */
START_TEST(copyright_and_authors)
{
    const char *doc =
        "Autor: Jan Novák\n"
        "Městská knihovna otevřela v pondělí novou studovnu, která nabízí místo pro dvě stě čtenářů a tichou zónu.\n"
        "Návštěvníci si mohou půjčit notebooky u pultu, studovna je otevřená každý den až do deseti hodin večer.\n"
        "Todos los derechos reservados. Diario del Sur\n"
        "(c) 2015 The Washington Post\n"
        "Všechna práva vyhrazena.\n";
    static const int want[] = {SCRUB_LABEL_META,   SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_FOOTER, SCRUB_LABEL_FOOTER,  SCRUB_LABEL_FOOTER};
    check_labels(doc, want, 6);
}
END_TEST

/* The buttons of a photo gallery and a share bar between paragraphs are
 * widgets. */
START_TEST(gallery_buttons)
{
    const char *doc =
        "Security forces stormed the country's most prominent museum, freeing hostages and ending a siege by gunmen.\n"
        "Buy Photo\n"
        "View this image\n"
        "Share Facebook Twitter Email\n"
        "Officials are worried about the number of militants who may have joined the fighting abroad in recent years.\n";
    static const int want[] = {SCRUB_LABEL_CONTENT, SCRUB_LABEL_WIDGET, SCRUB_LABEL_WIDGET,
                               SCRUB_LABEL_WIDGET, SCRUB_LABEL_CONTENT};
    check_labels(doc, want, 5);
    /* one network's name is a word like any other */
    const char *one =
        "Security forces stormed the country's most prominent museum, freeing hostages and ending a siege by gunmen.\n"
        "Facebook and its critics\n"
        "Officials are worried about the number of militants who may have joined the fighting abroad in recent years.\n";
    static const int want_one[] = {SCRUB_LABEL_CONTENT, SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT};
    check_labels(one, want_one, 3);
}
END_TEST

/* Widget words alone on a line (a button, a counter, a section title) in
 * several languages are widgets; a reader's comment, from its author or
 * date line down to its reply button, and a comment section under its
 * title are widgets too -- while "X said:" leading into a quote stays. */
START_TEST(buttons_and_comments)
{
    const char *doc =
        "The city library opened a new reading room on Monday, with space for two hundred readers and a quiet zone.\n"
        "Learn more \xE2\x80\xBA\n"
        "Visitors can borrow laptops at the front desk, and the room stays open until ten in the evening.\n"
        "14 Photos\n"
        "The librarians say the room was full every evening of its first week, mostly with students.\n"
        "Lars\n"
        "April 6, 2018\n"
        "Couldn't the city have opened it a year earlier, when the old room closed for repairs?\n"
        "Reply\n";
    static const int want[] = {SCRUB_LABEL_CONTENT, SCRUB_LABEL_WIDGET, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_WIDGET,  SCRUB_LABEL_CONTENT, SCRUB_LABEL_WIDGET,
                               SCRUB_LABEL_WIDGET,  SCRUB_LABEL_WIDGET,  SCRUB_LABEL_WIDGET};
    check_labels(doc, want, 9);
    const char *de =
        "Die Stadtbibliothek hat am Montag einen neuen Lesesaal mit zweihundert Pl\xC3\xA4tzen er\xC3\xB6" "ffnet, der bis zehn Uhr abends offen ist.\n"
        "Besucher k\xC3\xB6nnen am Empfang Laptops ausleihen, und der Saal ist jeden Tag bis zehn Uhr abends ge\xC3\xB6" "ffnet.\n"
        "Weiterlesen\n"
        "3 Kommentare\n"
        "Karl sagt:\n"
        "5. M\xC3\xA4rz 2024 um 10:12\n"
        "Danke f\xC3\xBCr den Artikel, der neue Saal ist wirklich sch\xC3\xB6n und sehr ruhig.\n"
        "Antworten\n";
    static const int want_de[] = {SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_WIDGET,
                                  SCRUB_LABEL_WIDGET,  SCRUB_LABEL_WIDGET,  SCRUB_LABEL_WIDGET,
                                  SCRUB_LABEL_WIDGET,  SCRUB_LABEL_WIDGET};
    check_labels(de, want_de, 8);
    const char *quote =
        "The president spoke to reporters at the White House on Friday about the new budget and the vote.\n"
        "Obama said:\n"
        "\"We will not stop until every family has the help it needs, and this budget is the way to get there.\"\n";
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, quote, strlen(quote), 0), SCRUB_OK);
    for (size_t i = 0; i < 3; i++) ck_assert_int_eq(scrub_filter_line_kept(ctx, i), 1);
    scrub_ctx_free(ctx);
}
END_TEST

/* Chinese widget prompts and buttons, Simplified and Traditional. */
START_TEST(zh_buttons)
{
    const char *hans =
        "城东社区卫生服务中心从本周起开通夜间门诊，每天开放到晚上九点，方便上班族就医。\n"
        "转播到腾讯微博\n"
        "中心负责人介绍，夜间门诊设有全科、儿科和药房，居民可以通过手机提前预约。\n"
        "您认为这篇文章与本站相关度高吗？\n"
        "分享\n";
    static const int want[] = {SCRUB_LABEL_CONTENT, SCRUB_LABEL_WIDGET, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_WIDGET, SCRUB_LABEL_WIDGET};
    check_labels(hans, want, 5);
    const char *hant =
        "市立醫院上週六在社區活動中心舉辦健康講座，由心臟科醫師向居民介紹高血壓的日常管理。\n"
        "轉播到騰訊微博\n"
        "講座結束後，醫師們還為到場的長者免費量血壓，並解答了用藥方面的問題。\n"
        "FB 粉絲團 按個\"讚\"\n"
        "評論\n";
    check_labels(hant, want, 5);
}
END_TEST

/* Newsletter boxes, consent banners of any length, e-mail lines, an
 * editor's note in asterisks and an error-report notice of two phrases
 * (anywhere in the body) are not the article. */
START_TEST(boxes_and_notes)
{
    const char *doc =
        "The council voted on Tuesday to build a new bridge across the river, ending a debate that lasted ten years.\n"
        "Sign up for our newsletter and get the best stories in your inbox.\n"
        "Work will start next spring and the bridge should open to traffic two years later, the mayor said.\n"
        "Das ist Liebe in deinem Posteingang: Unser Newsletter!\n"
        "pippin@pippinlee.com\n"
        "Contact Mark Di Stefano at mark.distefano@buzzfeed.com\n"
        "We use cookies and similar technologies to improve your browsing experience, personalize content and offers, show targeted ads, analyze traffic, and better understand you and the partners who work with us.\n"
        "** STOP HERE: WORK IN PROGRESS **\n"
        "Pokud jste v \xC4\x8Dl\xC3\xA1nku zaznamenali chybu nebo p\xC5\x99" "eklep, dejte n\xC3\xA1m v\xC4\x9B" "d\xC4\x9Bt.\n"
        "The engineers expect the river traffic to continue during the works, with one lane closed at a time.\n";
    static const int want[] = {SCRUB_LABEL_CONTENT, SCRUB_LABEL_WIDGET,  SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_WIDGET,  SCRUB_LABEL_CONTACT, SCRUB_LABEL_CONTACT,
                               SCRUB_LABEL_WIDGET,  SCRUB_LABEL_ARTIFACT, SCRUB_LABEL_FOOTER,
                               SCRUB_LABEL_CONTENT};
    check_labels(doc, want, 10);
    /* a bio set in capitals closes the body */
    const char *caps =
        "The council voted on Tuesday to build a new bridge across the river, ending a debate that lasted ten years.\n"
        "Work will start next spring and the bridge should open to traffic two years later, the mayor said.\n"
        "LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR\n";
    expect_kept(caps, 2, false);
}
END_TEST

/* On a whole page (a menu shows it), a short line that is all anchor
 * text inside the article links elsewhere (related); a linked heading,
 * a linked list item and a button word in a table row stay. */
START_TEST(linked_lines_whole_page)
{
    const char *doc =
        "City News\n"
        "The council voted on Tuesday to build a new bridge across the river, ending a debate that lasted ten years.\n"
        "Five things we learned from the vote\n"
        "Work will start next spring and the bridge should open to traffic two years later, the mayor said.\n"
        "The new bridge\n"
        "Bug 1234 fixed the crash on start\n"
        "Comment\n"
        "The engineers expect the river traffic to continue during the works, with one lane closed at a time.\n";
    const uint32_t main_ = SCRUB_HINT_IN_MAIN, link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    uint32_t hints[8] = {SCRUB_HINT_IN_NAV | link, main_, main_ | link, main_,
                         main_ | SCRUB_HINT_HEADING | link, main_ | SCRUB_HINT_LIST_ITEM | link,
                         main_ | SCRUB_HINT_TABLE, main_};
    static const int want[] = {SCRUB_LABEL_NAV,     SCRUB_LABEL_CONTENT, SCRUB_LABEL_RELATED,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT};
    scrub_ctx *ctx = scrub_ctx_new();
    expect_labels(ctx, doc, hints, 8, want, 8);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 2), "linked-line");
    /* the same lines in an extraction (no page furniture): the links are the author's */
    hints[0] = main_;
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, 8, NULL, 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 2), 1);
    scrub_ctx_free(ctx);
}
END_TEST

/* Div soup: a page whose markup names nothing (no <nav>, hashed class
 * names) still shows its menu as lines all of anchor text.  Ten of them
 * make it a whole page, so the rules of whole pages hold (here the
 * article guess takes back its sentence under a related class); with three menu lines it reads as an extraction, where
 * the class alone decides. */
START_TEST(divsoup_menu_makes_a_page)
{
    static const char *const docs[] = {
        "Home\nPolitics\nBusiness\nSport\nCulture\nScience\nTravel\nWeather\nVideo\nPodcasts\n"
        "The council votes for a new bridge\n"
        "The council voted on Tuesday to build a new bridge across the river, ending a debate that lasted ten years.\n"
        "Work will start next spring and the bridge should open to traffic two years later, the mayor said.\n"
        "Partner offers\n"
        "Compare mortgage rates today\n"
        "Letters\n"
        "I have crossed the old bridge every morning for thirty years and I am glad the council finally decided.\n",
        "Start\nPolitik\nWirtschaft\nSport\nKultur\nWissen\nReisen\nWetter\nVideo\nPodcasts\n"
        "Der Stadtrat beschließt eine neue Brücke\n"
        "Der Stadtrat hat am Dienstag den Bau einer neuen Brücke über den Fluss beschlossen, nach zehn Jahren Streit.\n"
        "Die Arbeiten beginnen im nächsten Frühjahr, und die Brücke soll zwei Jahre später eröffnet werden.\n"
        "Angebote unserer Partner\n"
        "Kreditzinsen heute vergleichen\n"
        "Leserbriefe\n"
        "Ich fahre seit dreißig Jahren jeden Morgen über die alte Brücke und freue mich über den Beschluss.\n"};
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT, cand = SCRUB_HINT_IN_CANDIDATE;
    uint32_t hints[17] = {0};
    for (size_t i = 0; i < 10; i++) hints[i] = link;
    hints[10] = SCRUB_HINT_HEADING | SCRUB_HINT_TITLE | cand;
    hints[11] = hints[16] = cand;
    hints[12] = cand | SCRUB_HINT_CLASS_RELATED;
    hints[13] = SCRUB_HINT_HEADING | cand;
    hints[15] = SCRUB_HINT_HEADING;
    hints[14] = link;
    scrub_ctx *ctx = classify_page(docs[_i], hints, 17);
    expect_kept_range(ctx, _i, 0, 10, false);
    expect_kept_range(ctx, _i, 10, 13, true);
    expect_kept_range(ctx, _i, 14, 15, false);
    expect_kept_range(ctx, _i, 16, 17, true);
    scrub_ctx_free(ctx);
    /* three menu lines: as many links as an article's own */
    for (size_t i = 3; i < 10; i++) hints[i] = 0;
    ctx = classify_page(docs[_i], hints, 17);
    expect_kept_range(ctx, _i, 12, 13, false);
    expect_kept_range(ctx, _i, 16, 17, true);
    scrub_ctx_free(ctx);
}
END_TEST

/* Below the article guess, a heading over a dropped box of links
 * ("Partner offers") titles that box; a heading over a kept paragraph
 * ("Letters", a reader's letter printed under the article) stays. */
/* A list of short items each repeated further down as a section title is
 * a table of contents (nav); the same shape announced by a sentence ("the
 * following parts:") is the author's list. */
START_TEST(table_of_contents)
{
    const char *doc =
        "Setting up the build server\n"
        "This guide walks through the three steps it takes to run our own build server for the project.\n"
        "- Introduction\n"
        "- Installation\n"
        "- Usage\n"
        "Introduction\n"
        "The build server compiles every change that is pushed and reports the result to the author within minutes.\n"
        "Installation\n"
        "Install the package from the project's repository and copy the sample configuration to the server.\n"
        "Usage\n"
        "Start the service and point the version control hooks at it, then push a change to see it build.\n"
        "The server has the following parts:\n"
        "- Scheduler\n"
        "- Worker\n"
        "- Store\n"
        "Scheduler\n"
        "The scheduler decides which worker builds a change, and it retries a build when a worker goes away.\n"
        "Worker\n"
        "A worker checks out the change, runs the build and the tests, and sends the log back to the store.\n"
        "Store\n"
        "The store keeps every log for a month, so that an author can compare a failing build with a good one.\n";
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    for (size_t i = 2; i <= 4; i++) {
        ck_assert_int_eq(scrub_filter_line_label(ctx, i), SCRUB_LABEL_NAV);
        ck_assert_str_eq(scrub_filter_line_reason(ctx, i), "table-of-contents");
    }
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 0), 1);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 1), 1);
    for (size_t i = 5; i < 21; i++) ck_assert_msg(scrub_filter_line_kept(ctx, i) == 1, "line %zu", i);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(caller_lexicon)
{
    const char *doc =
        "小区停车难问题有望缓解\n"
        "街道办表示，新建的立体停车库下月投入使用，可以提供两百多个车位，缓解居民停车难。\n"
        "快乐彩坊注册送88元\n";
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_ne(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_AD);
    const char *lex = "# mine\ngambling\t快乐彩坊\ts\n";
    ck_assert_status(scrub_filter_add_lexicon(ctx, lex, strlen(lex)), SCRUB_OK);
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_AD);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 2), "user:gambling:快乐彩坊");
    const char *bad = "gambling\tx\n\nnosuch\tterm\n";
    ck_assert_status(scrub_filter_add_lexicon(ctx, bad, strlen(bad)), SCRUB_E_FORMAT);
    ck_assert_ptr_nonnull(strstr(scrub_ctx_errmsg(ctx), "line 3"));
    scrub_filter_clear_lexicon(ctx);
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_ne(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_AD);
    scrub_ctx_free(ctx);
}
END_TEST

/* A caller's pitch (category `pitch`) makes a kept line opening with it
 * a widget, reason user:pitch:TERM; without the entry the line stays.
 * Two entries each: every reason ends where its term does. */
START_TEST(caller_pitch_lexicon)
{
    static const char *const docs[] = {
        "The council voted on Tuesday to keep the library open on Sundays, after a long debate.\n"
        "Support our newsroom with a monthly gift\n"
        "The mayor said the longer hours would start in June and cost the town very little.\n",
        "Der Rat stimmte am Dienstag dafür, die Bibliothek sonntags offen zu halten, nach langer Debatte.\n"
        "Unterstützen Sie unsere Redaktion mit einer Spende\n"
        "Der Bürgermeister sagte, die längeren Öffnungszeiten beginnen im Juni und kosten wenig.\n"};
    static const char *const lex[] = {"pitch\tsupport our newsroom\nwidget\tzzqq\n",
                                      "pitch\tunterstützen sie unsere redaktion\nwidget\tzzqq\n"};
    static const char *const why[] = {"user:pitch:support our newsroom",
                                      "user:pitch:unterstützen sie unsere redaktion"};
    const char *doc = docs[_i];
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 1), 1);
    ck_assert_status(scrub_filter_add_lexicon(ctx, lex[_i], strlen(lex[_i])), SCRUB_OK);
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 1), SCRUB_LABEL_WIDGET);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 1), why[_i]);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 0), 1);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 2), 1);
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- linestats ---------------------------------------------------------- */

static void page_of_site(char *buf, size_t cap, int n)
{
    snprintf(buf, cap,
             "晨光日报\n"
             "本报讯 第%d期\n"
             "第%d篇报道：今天上午，记者在市区第%d个社区走访时了解到，居民对新开的便民菜场评价很高。\n"
             "本站所有文章均来自网友投稿，每周三由编辑部汇总后刊出，欢迎读者继续来稿。\n",
             n, n, n);
}

START_TEST(linestats_learn_and_use)
{
    scrub_linestats *st = scrub_linestats_new(0);
    ck_assert_ptr_nonnull(st);
    char page[1024];
    for (int i = 0; i < 5; i++) {
        page_of_site(page, sizeof page, i);
        ck_assert_status(scrub_linestats_add_page(st, page, strlen(page)), SCRUB_OK);
    }
    ck_assert_uint_eq(scrub_linestats_pages(st), 5);
    ck_assert_uint_eq(scrub_linestats_count(st, "晨光日报", strlen("晨光日报")), 5);
    /* normalization: digits, punctuation and spaces do not matter */
    ck_assert_uint_eq(scrub_linestats_count(st, "本报讯 第9期", strlen("本报讯 第9期")), 5);
    ck_assert_uint_eq(scrub_linestats_count(st, "从未见过", strlen("从未见过")), 0);

    const char *doc = "晨光日报\n"
                      "今天上午，记者在市区走访时了解到，居民对新开的便民菜场评价很高，菜价也很实惠。\n"
                      "本站所有文章均来自网友投稿，每周三由编辑部汇总后刊出，欢迎读者继续来稿。\n";
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 2), 1);
    /* per call */
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), NULL, 0, st, 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 2), 0);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 2), "linestats");
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 1), 1);
    /* attached, and switched off per call */
    ck_assert_status(scrub_filter_set_linestats(ctx, st), SCRUB_OK);
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 2), 0);
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), SCRUB_FILTER_NO_LINESTATS),
                     SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 2), 1);
    /* the threshold */
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_FILTER_REPEAT_MIN, 6), SCRUB_OK);
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 2), 1);
    scrub_filter_set_linestats(ctx, NULL);
    scrub_ctx_free(ctx);
    scrub_linestats_free(st);
}
END_TEST

START_TEST(linestats_save_load)
{
    scrub_linestats *st = scrub_linestats_new(0);
    char page[1024];
    for (int i = 0; i < 3; i++) {
        page_of_site(page, sizeof page, i);
        scrub_linestats_add_page(st, page, strlen(page));
    }
    char path[] = "/tmp/scrub_linestats_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_status(scrub_linestats_save(st, path), SCRUB_OK);
    scrub_linestats *back = NULL;
    ck_assert_status(scrub_linestats_load(path, 0, &back), SCRUB_OK);
    ck_assert_uint_eq(scrub_linestats_pages(back), 3);
    ck_assert_uint_eq(scrub_linestats_entries(back), scrub_linestats_entries(st));
    ck_assert_uint_eq(scrub_linestats_count(back, "晨光日报", strlen("晨光日报")), 3);
    scrub_linestats_free(back);
    /* a damaged file: wrong magic, then truncated */
    FILE *f = fopen(path, "r+b");
    fputc('X', f);
    fclose(f);
    ck_assert_status(scrub_linestats_load(path, 0, &back), SCRUB_E_FORMAT);
    ck_assert_ptr_null(back);
    ck_assert_status(scrub_linestats_save(st, path), SCRUB_OK);
    ck_assert_int_eq(truncate(path, 40), 0);
    ck_assert_status(scrub_linestats_load(path, 0, &back), SCRUB_E_FORMAT);
    /* a version from the future */
    ck_assert_status(scrub_linestats_save(st, path), SCRUB_OK);
    f = fopen(path, "r+b");
    fseek(f, 8, SEEK_SET);
    fputc(9, f);
    fclose(f);
    ck_assert_status(scrub_linestats_load(path, 0, &back), SCRUB_E_FORMAT);
    unlink(path);
    ck_assert_status(scrub_linestats_load(path, 0, &back), SCRUB_E_IO);
    ck_assert_status(scrub_linestats_save(st, "/nonexistent-dir/x"), SCRUB_E_IO);
    scrub_linestats_free(st);
}
END_TEST

START_TEST(linestats_bounded_memory)
{
    scrub_linestats *st = scrub_linestats_new(100);
    char page[256];
    /* one frequent line on every page, and 3 unique lines per page */
    for (int i = 0; i < 500; i++) {
        snprintf(page, sizeof page, "frequent footer line\nunique a%c%c%c\nunique b%c%c%c\nunique c%c%c%c\n",
                 'a' + i % 26, 'a' + i / 26 % 26, 'a' + i / 676, 'a' + i % 26, 'a' + i / 26 % 26,
                 'a' + i / 676, 'a' + i % 26, 'a' + i / 26 % 26, 'a' + i / 676);
        ck_assert_status(scrub_linestats_add_page(st, page, strlen(page)), SCRUB_OK);
        ck_assert_uint_le(scrub_linestats_entries(st), 100);
    }
    ck_assert_uint_eq(scrub_linestats_pages(st), 500);
    /* the frequent line survives every pruning */
    ck_assert_uint_eq(scrub_linestats_count(st, "frequent footer line", 20), 500);
    scrub_linestats_free(st);
}
END_TEST

/* ---- hints -------------------------------------------------------------- */

START_TEST(hints_from_the_dom)
{
    const char *doc =
        "Politics World Business\n"
        "Council approves the new bridge\n"
        "The council voted on Tuesday to build a new bridge across the river, ending a debate that lasted ten years.\n"
        "Work will start next spring and the bridge should open to traffic two years later.\n"
        "Also on the site: more council news today\n";
    uint32_t hints[5] = {SCRUB_HINT_IN_NAV | (255u << SCRUB_HINT_LINK_SHARE_SHIFT),
                         SCRUB_HINT_HEADING | SCRUB_HINT_IN_MAIN, SCRUB_HINT_IN_MAIN,
                         SCRUB_HINT_IN_MAIN, SCRUB_HINT_CLASS_RELATED};
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, 5, NULL, 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 0), SCRUB_LABEL_NAV);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 0), "hint:nav");
    ck_assert_int_eq(scrub_filter_line_label(ctx, 1), SCRUB_LABEL_HEADING);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_CONTENT);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 4), SCRUB_LABEL_RELATED);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 4), "hint:related");
    /* fewer hints than lines is fine */
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, 1, NULL, 0), SCRUB_OK);
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), NULL, 3, NULL, 0),
                     SCRUB_E_INVALID_ARG);
    scrub_ctx_free(ctx);
}
END_TEST

/* A whole page with the DOM's hints: an article inside a share-class
 * wrapper stays, its announced list joins it, a comment and a footer
 * disclaimer after it go, and so do teasers (linked title, summary), on a
 * page that shows its furniture (the menu). */
/* Under an ad label alone on its line (Pubblicità, 广告) a third-party
 * slot opens with a linked title: its title, copy and link row are the
 * advert, and the article's next paragraph stays.  An empty slot (the
 * label, the vendor's credit) over a paragraph leaves the paragraph. */
START_TEST(ad_slot_under_label)
{
    static const char *const text[][9] = {
        {"La giunta approva il nuovo piano per il trasporto pubblico",
         "Il consiglio comunale ha approvato ieri sera il nuovo piano per il trasporto pubblico, che "
         "prevede tre nuove linee di autobus e il rinnovo di gran parte della flotta entro il 2016.",
         "Secondo l'assessore, le nuove linee collegheranno i quartieri periferici al centro in meno di "
         "venti minuti, anche nelle ore di punta, grazie alle corsie preferenziali.",
         "Pubblicità", "CERCHI UN VOLO?", "Il tuo volo tra più di mille compagnie aeree!",
         "Voli | Low cost | Offerte",
         "I lavori per le corsie preferenziali inizieranno a marzo e dureranno circa sei mesi, con "
         "alcune deviazioni temporanee delle linee esistenti nel centro storico.",
         "Le opposizioni hanno criticato i costi del piano, che secondo loro supereranno di molto le "
         "stime presentate dalla giunta durante la seduta di ieri sera."},
        {"市政府通过新的公共交通规划",
         "市议会昨晚通过了新的公共交通规划，计划在明年年底前开通三条新的公交线路，并更新大部分车辆。",
         "负责交通的官员表示，新线路将把城郊各区与市中心连接起来，即使在高峰时段也只需二十分钟左右。",
         "广告", "特价机票低至一折", "上千家航空公司任你比价！", "机票 | 酒店 | 特惠",
         "公交专用道的施工将于三月开始，预计持续约六个月，期间老城区的部分现有线路将临时改道行驶。",
         "反对派批评这项规划的费用过高，认为实际花费将远远超过市政府在昨晚会议上公布的预算数字。"}};
    const char *const *t = text[_i];
    char doc[4096];
    snprintf(doc, sizeof doc, "Home | News | Sport\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n", t[0], t[1],
             t[2], t[3], t[4], t[5], t[6], t[7], t[8]);
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    const uint32_t hints[10] = {SCRUB_HINT_IN_NAV | link, SCRUB_HINT_HEADING, 0, 0, 0,
                                SCRUB_HINT_HEADING | link, 0, 230u << SCRUB_HINT_LINK_SHARE_SHIFT,
                                0, 0};
    static const int want[10] = {SCRUB_LABEL_NAV, SCRUB_LABEL_HEADING, SCRUB_LABEL_CONTENT,
                                 SCRUB_LABEL_CONTENT, SCRUB_LABEL_AD, SCRUB_LABEL_AD,
                                 SCRUB_LABEL_AD, SCRUB_LABEL_AD, SCRUB_LABEL_CONTENT,
                                 SCRUB_LABEL_CONTENT};
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, 10, NULL, 0), SCRUB_OK);
    expect_kept_range(ctx, _i, 5, 8, false);
    expect_labels(ctx, doc, hints, 10, want, 10);
    /* the empty slot: the label and the vendor's linked credit, then the
     * story goes on */
    snprintf(doc, sizeof doc, "Home | News | Sport\n%s\n%s\n%s\n%s\ninRead invented by Teads\n%s\n%s\n",
             t[0], t[1], t[2], t[3], t[7], t[8]);
    const uint32_t empty[8] = {SCRUB_HINT_IN_NAV | link, SCRUB_HINT_HEADING, 0, 0, 0, link, 0, 0};
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), empty, 8, NULL, 0), SCRUB_OK);
    for (size_t i = 6; i < 8; i++)
        ck_assert_msg(scrub_filter_line_label(ctx, i) == SCRUB_LABEL_CONTENT, "doc %d line %zu: %s (%s)",
                      _i, i, scrub_label_name(scrub_filter_line_label(ctx, i)),
                      scrub_filter_line_reason(ctx, i));
    scrub_ctx_free(ctx);
}
END_TEST

/* A box of teasers far under the article, each a linked heading of one
 * or two words (a box's title, not a button: `RISPARMIA!`, `省钱`) over a
 * line of copy, is no part of the body however its copy reads. */
START_TEST(short_linked_heading_teaser)
{
    static const char *const text[][10] = {
        {"Il consiglio comunale ha approvato ieri sera il nuovo piano per il trasporto pubblico, che "
         "prevede tre nuove linee di autobus e il rinnovo di gran parte della flotta entro il 2016.",
         "Secondo l'assessore, le nuove linee collegheranno i quartieri periferici al centro in meno di "
         "venti minuti, anche nelle ore di punta, grazie alle corsie preferenziali.",
         "I lavori per le corsie preferenziali inizieranno a marzo e dureranno circa sei mesi, con "
         "alcune deviazioni temporanee delle linee esistenti nel centro storico.",
         "RISPARMIA!", "Scopri i trucchi per risparmiare a casa e semplificarti la vita ogni giorno.",
         "AGOS DUCATO", "La soluzione che fa per te, con un preventivo online in pochi minuti.",
         "Approfitta!", "Se sei alla ricerca di un lavoro, questo è il sito che fa per te."},
        {"市议会昨晚通过了新的公共交通规划，计划在明年年底前开通三条新的公交线路，并更新大部分车辆。",
         "负责交通的官员表示，新线路将把城郊各区与市中心连接起来，即使在高峰时段也只需二十分钟左右。",
         "公交专用道的施工将于三月开始，预计持续约六个月，期间老城区的部分现有线路将临时改道行驶。",
         "省钱", "教你在家里省钱的小窍门，让生活每天都更轻松一些。", "贷款",
         "最适合你的方案，几分钟就能在网上完成一份报价。", "招聘", "如果你正在找工作，这个网站正是为你准备的。"}};
    const char *const *t = text[_i];
    char doc[4096];
    snprintf(doc, sizeof doc,
             "Home | News | Sport\nTitle of the story\n%s\n%s\n%s\nMail\nBlog\nChat\nFoto\nVideo\n"
             "Meteo\nMappe\n%s\n%s\n%s\n%s\n%s\n%s\n",
             t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8]);
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    const uint32_t head = SCRUB_HINT_HEADING | SCRUB_HINT_LIST_ITEM | link;
    uint32_t hints[18] = {SCRUB_HINT_IN_NAV | link, SCRUB_HINT_HEADING | SCRUB_HINT_TITLE};
    for (size_t i = 5; i < 12; i++) hints[i] = SCRUB_HINT_LIST_ITEM | link;
    for (size_t i = 12; i < 18; i += 2) {
        hints[i] = head;
        hints[i + 1] = SCRUB_HINT_LIST_ITEM;
    }
    scrub_ctx *ctx = classify_page(doc, hints, 18);
    expect_kept_range(ctx, _i, 2, 5, true);
    expect_kept_range(ctx, _i, 12, 18, false);
    scrub_ctx_free(ctx);
}
END_TEST

/* Under the article, a list of links with a note on each ("Unicode
 * Table (in UTF-8)") reads like short sentences: its items neither start
 * nor end the body, and are link entries outside it. */
START_TEST(link_entries_after_body)
{
    static const char *const text[][7] = {
        {"I just found your website and it makes me want to propose a reading of the choice of this "
         "phrase, which has been translated into so many languages by now.",
         "Glass is transparent and can hurt, as everyone knows, and the relation between peoples is "
         "sometimes like that: we see each other, and we still get hurt when we meet.",
         "Eating glass without pain sounds like a fine metaphor for this attempt, since borders should "
         "become transparent without hurting the people who cross them every day.",
         "Unicode Code Converter (converts among the encoding forms and notations).",
         "Confusables (every silver lining has a cloud).",
         "Seigniorage (central banks around the world).", "Unicode Table (in UTF-8)"},
        {"我刚刚发现了你们的网站，它让我很想为这句话的选择提出一种解释，毕竟它已经被翻译成了这么多种语言。",
         "玻璃是透明的，也会伤人，这是众所周知的，而民族之间的关系有时也是这样：彼此看得见，相遇时却仍会受伤。",
         "吃玻璃而不觉得痛，听起来正是这种尝试的一个很好的比喻，因为边界应当变得透明，而不伤害每天跨越它的人。",
         "编码转换器（在各种编码形式和写法之间转换）。", "易混字符（每朵银边的云后面都有乌云）。",
         "铸币税（世界各国的中央银行）。", "统一码表（以UTF-8编写）。"}};
    const char *const *t = text[_i];
    char doc[4096];
    snprintf(doc, sizeof doc, "Home | Kermit | Unicode\nTitle of the page\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n",
             t[0], t[1], t[2], t[3], t[4], t[5], t[6]);
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    const uint32_t part = SCRUB_HINT_LIST_ITEM | (90u << SCRUB_HINT_LINK_SHARE_SHIFT);
    const uint32_t hints[9] = {SCRUB_HINT_IN_NAV | link, SCRUB_HINT_HEADING | SCRUB_HINT_TITLE, 0, 0,
                               0, part, part, part, part};
    scrub_ctx *ctx = classify_page(doc, hints, 9);
    expect_kept_range(ctx, _i, 2, 5, true);
    expect_kept_range(ctx, _i, 5, 9, false);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(hints_whole_page)
{
    const char *doc =
        "Home | News | Sport\n"
        "The library opens a new reading room\n"
        "The city library opened a new reading room on Monday, with space for two hundred readers and a quiet zone.\n"
        "Visitors can borrow laptops at the front desk, and the room stays open until ten in the evening every day, so that people who work during the day can also come and read, write or simply sit in a quiet place for an hour.\n"
        "The new opening hours are as follows:\n"
        "1. Monday to Friday\n"
        "2. Saturday\n"
        "3. Sunday\n"
        "The library hopes that students will use the room during the exam season, when the old hall is full and many of them have to study at home or in noisy cafes in the centre of the town, far from the books they need.\n"
        "More from the city\n"
        "Council approves the bridge\n"
        "Work starts in spring.\n"
        "Parks get new benches\n"
        "The benches arrive in May.\n"
        "I have used this library for twenty years and the new room is the best thing that has happened to it, really a great place for anyone who needs a quiet place to read and to work on a long project during the week.\n"
        "Market data are delayed by fifteen minutes and provided for information only, not for trading purposes; the publisher accepts no liability for any errors in the data or for any decision taken on the basis of them.\n";
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    const uint32_t share = SCRUB_HINT_CLASS_SHARE | SCRUB_HINT_IN_MAIN;
    uint32_t hints[16] = {SCRUB_HINT_IN_NAV | link, SCRUB_HINT_HEADING | SCRUB_HINT_TITLE | share,
                          share, share, share,
                          share | SCRUB_HINT_LIST_ITEM, share | SCRUB_HINT_LIST_ITEM,
                          share | SCRUB_HINT_LIST_ITEM, share, SCRUB_HINT_HEADING,
                          SCRUB_HINT_HEADING | link, 0, SCRUB_HINT_HEADING | link, 0,
                          SCRUB_HINT_CLASS_COMMENT, SCRUB_HINT_IN_FOOTER};
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, 16, NULL, 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 0), 0);
    for (size_t i = 1; i <= 8; i++) ck_assert_msg(scrub_filter_line_kept(ctx, i) == 1, "line %zu", i);
    for (size_t i = 10; i <= 15; i++) ck_assert_msg(scrub_filter_line_kept(ctx, i) == 0, "line %zu", i);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 14), SCRUB_LABEL_WIDGET);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 15), SCRUB_LABEL_FOOTER);
    /* without the page's furniture (no menu) the same lines are an
     * extraction: the author's links, teasers and comments stay */
    hints[0] = link;
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, 16, NULL, 0), SCRUB_OK);
    for (size_t i = 10; i <= 14; i++) ck_assert_msg(scrub_filter_line_kept(ctx, i) == 1, "line %zu", i);
    scrub_ctx_free(ctx);
}
END_TEST

/* Share, mail and correction buttons of a Spanish page and the fields of
 * an English comment form, each alone on its line under the article, are
 * widgets (data/lexicon/button.txt). */
START_TEST(form_and_share_buttons)
{
    static const char *const docs[] = {
        "El Congreso aprueba la reforma\n"
        "El Congreso aprobó este martes la reforma de las pensiones con el apoyo de la mayoría de los grupos, tras tres meses de negociaciones.\n"
        "La ministra del Trabajo celebró el acuerdo y dijo que la nueva ley entrará en vigor el primer día del próximo año.\n"
        "Twittear\n"
        "Enviar por mail\n"
        "Rectificar\n",
        "Interning strings in Python\n"
        "Interning keeps one copy of each distinct string, so that comparing two interned strings takes a single pointer comparison.\n"
        "The interpreter interns identifiers on its own, and a program may intern any other string it compares often.\n"
        "Name (required)\n"
        "Email (required)\n"
        "Reply to:\n"};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        ck_assert_status(scrub_classify_lines(ctx, docs[d], strlen(docs[d]), 0), SCRUB_OK);
        ck_assert_uint_eq(scrub_filter_line_count(ctx), 6);
        for (size_t i = 1; i < 3; i++) ck_assert_int_eq(scrub_filter_line_kept(ctx, i), 1);
        for (size_t i = 3; i < 6; i++)
            ck_assert_msg(scrub_filter_line_label(ctx, i) == SCRUB_LABEL_WIDGET, "doc %zu line %zu: %s (%s)",
                          d, i, scrub_label_name(scrub_filter_line_label(ctx, i)),
                          scrub_filter_line_reason(ctx, i));
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- text policy and errors --------------------------------------------- */

START_TEST(lines_and_policy)
{
    const char *doc = "第一段文字，写得很长很长，用来说明行的切分规则是否正确。\r\n\r\n"
                      "第二段文字也要足够长，才能被当作正文保留下来，不会被删掉。";
    scrub_ctx *ctx = scrub_ctx_new();
    char *out;
    size_t n;
    ck_assert_status(scrub_filter_lines(ctx, doc, strlen(doc), 0, &out, &n), SCRUB_OK);
    ck_assert_uint_eq(scrub_filter_line_count(ctx), 3);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 1), SCRUB_LABEL_BLANK);
    ck_assert_str_eq(out, "第一段文字，写得很长很长，用来说明行的切分规则是否正确。\n"
                          "第二段文字也要足够长，才能被当作正文保留下来，不会被删掉。\n");
    scrub_free(out);
    /* invalid UTF-8 becomes U+FFFD and is counted */
    const char bad[] = "这一行里有一个坏字节\xff，但是整行仍然是一个完整的句子。\n";
    ck_assert_status(scrub_filter_lines(ctx, bad, sizeof bad - 1, 0, &out, &n), SCRUB_OK);
    ck_assert_ptr_nonnull(strstr(out, "字节\xEF\xBF\xBD，"));
    ck_assert_uint_eq(scrub_ctx_replacements(ctx), 1);
    scrub_free(out);
    /* NUL bytes inside a line are data */
    const char nul[] = "含有\0字节的行，依然按照长度处理，而不是在零字节处截断。\n";
    ck_assert_status(scrub_filter_lines(ctx, nul, sizeof nul - 1, 0, &out, &n), SCRUB_OK);
    ck_assert_uint_eq(n, sizeof nul - 1);
    scrub_free(out);
    /* empty input */
    ck_assert_status(scrub_filter_lines(ctx, NULL, 0, 0, &out, &n), SCRUB_OK);
    ck_assert_uint_eq(n, 0);
    ck_assert_uint_eq(scrub_filter_line_count(ctx), 0);
    scrub_free(out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(errors)
{
    scrub_ctx *ctx = scrub_ctx_new();
    char *out = (char *)1;
    size_t n = 7;
    ck_assert_status(scrub_classify_lines(NULL, "a", 1, 0), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_classify_lines(ctx, NULL, 1, 0), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_classify_lines(ctx, "a", 1, 1u << 20), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_filter_lines(ctx, "a", 1, 0, NULL, &n), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_filter_lines_ex(ctx, "a", 1, NULL, 0, NULL, 1u << 13, 0, &out, &n),
                     SCRUB_E_INVALID_ARG);
    ck_assert_ptr_null(out);
    ck_assert_uint_eq(n, 0);
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_MAX_INPUT, 4), SCRUB_OK);
    ck_assert_status(scrub_classify_lines(ctx, "abcdef", 6, 0), SCRUB_E_TOO_LARGE);
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_MAX_INPUT, 1000), SCRUB_OK);
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_MAX_LINE, 3), SCRUB_OK);
    ck_assert_status(scrub_classify_lines(ctx, "ab\nabcdef\n", 10, 0), SCRUB_E_TOO_LARGE);
    ck_assert_ptr_nonnull(strstr(scrub_ctx_errmsg(ctx), "line 2"));
    ck_assert_uint_eq(scrub_filter_line_count(ctx), 0);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 0), -1);
    ck_assert_ptr_null(scrub_filter_line_reason(ctx, 0));
    ck_assert(scrub_filter_line_score(ctx, 0) < 0);
    ck_assert_uint_eq(scrub_filter_line_count(NULL), 0);
    ck_assert_status(scrub_linestats_add_page(NULL, "a", 1), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_linestats_load(NULL, 0, NULL), SCRUB_E_INVALID_ARG);
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- allocation failure ------------------------------------------------- */

static int call_filter(scrub_ctx *ctx, void *arg)
{
    const char *doc = arg;
    char *out;
    size_t n;
    int rc = scrub_filter_lines(ctx, doc, strlen(doc), 0, &out, &n);
    scrub_free(out);
    return rc;
}

static int call_lexicon(scrub_ctx *ctx, void *arg)
{
    const char *lex = "gambling\t快乐彩坊\ts\nfooter\t本站声明\n";
    int rc = scrub_filter_add_lexicon(ctx, lex, strlen(lex));
    if (rc != SCRUB_OK) return rc;
    return call_filter(ctx, arg);
}

static int call_linestats(scrub_ctx *ctx, void *arg)
{
    (void)ctx;
    scrub_linestats *st = scrub_linestats_new(16);
    if (!st) return SCRUB_E_NOMEM;
    int rc = SCRUB_OK;
    char page[1024];
    for (int i = 0; rc == SCRUB_OK && i < 12; i++) {
        page_of_site(page, sizeof page, i);
        rc = scrub_linestats_add_page(st, page, strlen(page));
    }
    scrub_linestats_free(st);
    return rc;
}

START_TEST(allocation_failures)
{
    test_alloc_failures(call_filter, (void *)PAGE_HANS);
    test_alloc_failures(call_lexicon, (void *)PAGE_HANT);
    test_alloc_failures(call_linestats, NULL);
}
END_TEST

/* ---- widgets, footers and artifacts of news and blog pages (issue 6) -- */

static const char *const BODY_EN[] = {
    "The council voted on Tuesday to approve the new budget, which includes funding for schools and roads.",
    "Many residents said they were pleased with the decision, although some argued that taxes would rise.",
    "The mayor will present the plan to the public next week at the town hall meeting.",
    "Officials expect the work to begin in the spring and to last for about two years."};
static const char *const BODY_DE[] = {
    "Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen, der Geld f\303\274r Schulen und Stra\303\237en vorsieht.",
    "Viele Anwohner begr\303\274\303\237ten die Entscheidung, auch wenn einige h\303\266here Steuern bef\303\274rchten.",
    "Die B\303\274rgermeisterin will den Plan in der n\303\244chsten Woche im Rathaus vorstellen.",
    "Die Arbeiten sollen im Fr\303\274hjahr beginnen und etwa zwei Jahre dauern."};
static const char *const BODY_RU[] = {
    "\320\223\320\276\321\200\320\276\320\264\321\201\320\272\320\276\320\271 \321\201\320\276\320\262\320\265\321\202 \320\262\320\276 \320\262\321\202\320\276\321\200\320\275\320\270\320\272 \321\203\321\202\320\262\320\265\321\200\320\264\320\270\320\273 \320\275\320\276\320\262\321\213\320\271 \320\261\321\216\320\264\320\266\320\265\321\202, \320\262 \320\272\320\276\321\202\320\276\321\200\320\276\320\274 \320\265\321\201\321\202\321\214 \320\264\320\265\320\275\321\214\320\263\320\270 \320\275\320\260 \321\210\320\272\320\276\320\273\321\213, \320\261\320\276\320\273\321\214\320\275\320\270\321\206\321\213 \320\270 \320\264\320\276\321\200\320\276\320\263\320\270.",
    "\320\234\320\275\320\276\320\263\320\270\320\265 \320\266\320\270\321\202\320\265\320\273\320\270 \320\276\320\264\320\276\320\261\321\200\320\270\320\273\320\270 \321\215\321\202\320\276 \321\200\320\265\321\210\320\265\320\275\320\270\320\265, \321\205\320\276\321\202\321\217 \320\275\320\265\320\272\320\276\321\202\320\276\321\200\321\213\320\265 \320\270\320\267 \320\275\320\270\321\205 \320\276\320\277\320\260\321\201\320\260\321\216\321\202\321\201\321\217, \321\207\321\202\320\276 \320\275\320\260\320\273\320\276\320\263\320\270 \320\262 \320\263\320\276\321\200\320\276\320\264\320\265 \320\262\321\213\321\200\320\260\321\201\321\202\321\203\321\202.",
    "\320\234\321\215\321\200 \320\277\321\200\320\265\320\264\321\201\321\202\320\260\320\262\320\270\321\202 \320\277\320\273\320\260\320\275 \320\266\320\270\321\202\320\265\320\273\321\217\320\274 \320\275\320\260 \321\201\320\273\320\265\320\264\321\203\321\216\321\211\320\265\320\271 \320\275\320\265\320\264\320\265\320\273\320\265 \320\275\320\260 \320\276\321\202\320\272\321\200\321\213\321\202\320\276\320\274 \321\201\320\276\320\261\321\200\320\260\320\275\320\270\320\270 \320\262 \320\267\320\264\320\260\320\275\320\270\320\270 \320\263\320\276\321\200\320\276\320\264\321\201\320\272\320\276\320\271 \320\274\321\215\321\200\320\270\320\270.",
    "\320\240\320\260\320\261\320\276\321\202\321\213 \320\275\320\260\321\207\320\275\321\203\321\202\321\201\321\217 \320\262\320\265\321\201\320\275\320\276\320\271 \320\270, \320\277\320\276 \321\201\320\273\320\276\320\262\320\260\320\274 \321\207\320\270\320\275\320\276\320\262\320\275\320\270\320\272\320\276\320\262, \320\267\320\260\320\271\320\274\321\203\321\202 \320\276\320\272\320\276\320\273\320\276 \320\264\320\262\321\203\321\205 \320\273\320\265\321\202, \320\265\321\201\320\273\320\270 \320\277\320\276\320\263\320\276\320\264\320\260 \320\275\320\265 \320\277\320\276\320\274\320\265\321\210\320\260\320\265\321\202."};
static const char *const BODY_JA[] = {
    "市議会は火曜日、学校や道路の整備費を含む新しい予算案を可決しました。",
    "多くの住民はこの決定を歓迎しましたが、税金が上がると懸念する声もありました。",
    "市長は来週、市役所で開かれる会合で計画の詳細を説明する予定です。",
    "工事は春に始まり、およそ二年間続く見通しだと関係者は話しています。"};
static const char *const BODY_HANS[] = {
    "市政府周二投票通过了新的预算，其中包括用于学校和道路建设的资金。",
    "许多居民表示对这一决定感到满意，但也有人认为税收将会因此上涨。",
    "市长将于下周在市政厅会议上向公众介绍这一计划的具体内容。",
    "官员们预计工程将在春季开始，并将持续大约两年的时间。"};
static const char *const BODY_HANT[] = {
    "市政府週二投票通過了新的預算，其中包括用於學校和道路建設的資金。",
    "許多居民表示對這一決定感到滿意，但也有人認為稅收將會因此上漲。",
    "市長將於下週在市政廳會議上向公眾介紹這一計劃的具體內容。",
    "官員們預計工程將在春季開始，並將持續大約兩年的時間。"};

/* Line `line` between the second and third sentences of body (and, when
 * at_end, after the last): removed with the label want (-1: any label that
 * is removed), while the four sentences stay. */
/* Two paragraphs of a short article: a line between them is a line of
 * the body, to be kept (a heading that holds a widget's or a box's word). */
static const char *const PARAS_HANS[2] = {"市政府周二投票通过了新的预算，其中包括用于学校和道路建设的资金。", "市长将于下周在市政厅会议上向公众介绍这一计划的具体内容。"};
static const char *const PARAS_EN[2] = {"The city council voted on Tuesday to approve a new budget for schools and roads.", "The mayor will present the plan at a public meeting in the town hall next week."};

static void kept_between(const char *const paras[2], const char *line)
{
    char doc[1024];
    snprintf(doc, sizeof doc, "%s\n%s\n%s\n", paras[0], line, paras[1]);
    expect_kept(doc, 1, true);
}

static void between(const char *const *body, const char *line, int want, bool at_end)
{
    char doc[2048];
    if (at_end)
        snprintf(doc, sizeof doc, "%s\n%s\n%s\n%s\n%s\n", body[0], body[1], body[2], body[3], line);
    else
        snprintf(doc, sizeof doc, "%s\n%s\n%s\n%s\n%s\n", body[0], body[1], line, body[2], body[3]);
    size_t at = at_end ? 4 : 2;
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_uint_eq(scrub_filter_line_count(ctx), 5);
    for (size_t i = 0; i < 5; i++) {
        int got = scrub_filter_line_label(ctx, i);
        bool ok = i != at ? got == SCRUB_LABEL_CONTENT
                          : (want >= 0 ? got == want : scrub_filter_line_kept(ctx, i) == 0);
        ck_assert_msg(ok, "\"%s\" line %zu: %s (%s)", line, i, scrub_label_name(got),
                      scrub_filter_line_reason(ctx, i));
    }
    scrub_ctx_free(ctx);
}

/* A term listed in two categories ("share" is a network action and a
 * button) counts in both: alone on its line it is a button. */
START_TEST(terms_in_two_categories)
{
    static const char *const lines[] = {"Share", "Tweet", "Print", "Email"};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        between(BODY_EN, lines[i], SCRUB_LABEL_WIDGET, false);
}
END_TEST

/* Buttons and slot labels of news pages, alone on their line, in several
 * languages; the same words inside a sentence or a heading stay. */
START_TEST(page_buttons)
{
    static const char *const en[] = {"Advertisement", "Sponsored", "Pin it", "Listen to this article",
                                     "Skip to main content", "Save article", "Cancel reply",
                                     "Link copied!", "Like this:", "Facebook", "Text size"};
    for (size_t i = 0; i < sizeof en / sizeof en[0]; i++) between(BODY_EN, en[i], -1, false);
    static const char *const de[] = {"Anzeige", "Artikel teilen", "Nach oben", "Vorlesen",
                                     "Kommentar schreiben", "Zum Inhalt springen"};
    for (size_t i = 0; i < sizeof de / sizeof de[0]; i++) between(BODY_DE, de[i], -1, false);
    static const char *const fr[] = {"Publicit\303\251", "Retour en haut", "Offrir cet article"};
    for (size_t i = 0; i < sizeof fr / sizeof fr[0]; i++) between(BODY_EN, fr[i], -1, false);
    static const char *const es[] = {"Publicidad", "Volver arriba", "Ir al contenido"};
    for (size_t i = 0; i < sizeof es / sizeof es[0]; i++) between(BODY_EN, es[i], -1, false);
    static const char *const ja[] = {"スポンサーリンク", "ページの先頭へ", "ツイート", "広告"};
    for (size_t i = 0; i < sizeof ja / sizeof ja[0]; i++) between(BODY_JA, ja[i], -1, false);
    static const char *const hans[] = {"广告", "收藏", "阅读原文", "跳到主要内容"};
    for (size_t i = 0; i < sizeof hans / sizeof hans[0]; i++) between(BODY_HANS, hans[i], -1, false);
    static const char *const hant[] = {"廣告", "訂閱", "閱讀原文", "跳到主要內容"};
    for (size_t i = 0; i < sizeof hant / sizeof hant[0]; i++) between(BODY_HANT, hant[i], -1, false);
    /* a heading or a sentence that holds the word stays */
    const char *doc =
        "The council voted on Tuesday to approve the new budget, which includes funding for schools and roads.\n"
        "Advertising revenue fell by ten percent last year, the company said on Monday.\n"
        "Print media in decline\n"
        "Officials expect the work to begin in the spring and to last for about two years.\n";
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    for (size_t i = 0; i < 4; i++) ck_assert_int_eq(scrub_filter_line_kept(ctx, i), 1);
    scrub_ctx_free(ctx);
}
END_TEST

/* Cyrillic, accented and other non-ASCII markers match capitalized and in
 * capitals, as buttons and box titles are set ("Реклама", "РЕКЛАМА",
 * "PUBLICITÉ", "Все права защищены"). */
START_TEST(cased_markers)
{
    static const char *const ru[] = {
        "\320\240\320\265\320\272\320\273\320\260\320\274\320\260", /* Реклама */
        "\320\240\320\225\320\232\320\233\320\220\320\234\320\220", /* РЕКЛАМА */
        "\320\237\320\276\320\264\320\265\320\273\320\270\321\202\321\214\321\201\321\217", /* Поделиться */
        "\320\232\320\276\320\274\320\274\320\265\320\275\321\202\320\260\321\200\320\270\320\270", /* Комментарии */
        /* Все права защищены */
        "\320\222\321\201\320\265 \320\277\321\200\320\260\320\262\320\260 \320\267\320\260\321\211\320\270\321\211\320\265\320\275\321\213",
    };
    for (size_t i = 0; i < sizeof ru / sizeof ru[0]; i++) between(BODY_RU, ru[i], -1, false);
    /* a related block's title under the body: Читайте также: */
    between(BODY_RU,
            "\320\247\320\270\321\202\320\260\320\271\321\202\320\265 \321\202\320\260\320\272\320\266\320\265:",
            SCRUB_LABEL_RELATED, true);
    between(BODY_EN, "PUBLICIT\303\211", -1, false);
    between(BODY_EN, "\303\211couter cet article", -1, false);
}
END_TEST

/* A picture's credit alone on its line is meta, in several languages and
 * scripts; a caption that describes the picture stays a caption. */
START_TEST(photo_credits)
{
    static const char *const en[] = {"Photo: Reuters", "Photo: John Smith/Getty Images",
                                     "(Photo by John Smith/Getty Images)", "Image: Shutterstock",
                                     "Foto: dpa", "Bild: Hersteller", "Cr\303\251dit photo : AFP"};
    for (size_t i = 0; i < sizeof en / sizeof en[0]; i++)
        between(BODY_EN, en[i], SCRUB_LABEL_META, false);
    between(BODY_RU, "\320\244\320\276\321\202\320\276: \320\242\320\220\320\241\320\241", /* Фото: ТАСС */
            SCRUB_LABEL_META, false);
    between(BODY_JA, "写真：ロイター", SCRUB_LABEL_META, false);
    between(BODY_HANS, "图片来源：视觉中国", SCRUB_LABEL_META, false);
    between(BODY_HANT, "圖片來源：中央社", SCRUB_LABEL_META, false);
    between(BODY_EN, "Photo: A man walks along the flooded street in the city centre after the storm.",
            SCRUB_LABEL_CAPTION, false);
}
END_TEST

/* Entities an extractor left unescaped ("&nbsp;") are residue, and a
 * slideshow's counter ("Image 3 of 10", "Bild 2 von 8") a widget. */
START_TEST(residue_and_counters)
{
    between(BODY_EN, "&nbsp;", SCRUB_LABEL_ARTIFACT, false);
    between(BODY_EN, "&nbsp; &nbsp;", SCRUB_LABEL_ARTIFACT, false);
    between(BODY_HANS, "&#160;", SCRUB_LABEL_ARTIFACT, false);
    between(BODY_EN, "1 of 12", SCRUB_LABEL_WIDGET, false);
    between(BODY_EN, "Image 3 of 10", SCRUB_LABEL_WIDGET, false);
    between(BODY_DE, "Bild 2 von 8", SCRUB_LABEL_WIDGET, false);
    between(BODY_EN, "Photo 4 / 9", SCRUB_LABEL_WIDGET, false);
    /* a heading with numbers is no counter */
    const char *doc =
        "The council voted on Tuesday to approve the new budget, which includes funding for schools and roads.\n"
        "Many residents said they were pleased with the decision, although some argued that taxes would rise.\n"
        "Part 2 of the plan\n"
        "The mayor will present the plan to the public next week at the town hall meeting.\n";
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_HEADING);
    scrub_ctx_free(ctx);
}
END_TEST

/* Issue 6 (filter-zhbp): Chinese boilerplate between two paragraphs, where
 * no context rule (after-content, short-run) helps: each line is decided
 * alone, in Simplified and in Traditional. */

/* The generator gives boilerplate markers their Traditional form and its
 * Taiwan wording (打印本页 -> 列印本頁, 关闭窗口 -> 關閉視窗, 字体 -> 字型). */
START_TEST(zh_generated_forms)
{
    between(BODY_HANT, "【列印本頁】【關閉視窗】", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANT, "字型：大 中 小", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANT, "點選排行", SCRUB_LABEL_RELATED, true);
    between(BODY_HANT, "免責宣告：本文僅代表作者個人觀點", SCRUB_LABEL_FOOTER, false);
}
END_TEST

/* Repost and copyright notices, friend links. */
START_TEST(zh_repost_notices)
{
    between(BODY_HANS, "本站所有内容未经许可，不得转载", SCRUB_LABEL_FOOTER, false);
    between(BODY_HANS, "文章来自网络，如有侵权请联系删除", SCRUB_LABEL_FOOTER, false);
    between(BODY_HANS, "友情链接", SCRUB_LABEL_FOOTER, false);
    between(BODY_HANT, "本網站所有內容，未經授權不得轉載", SCRUB_LABEL_FOOTER, false);
    between(BODY_HANT, "版權歸原作者所有", SCRUB_LABEL_FOOTER, false);
}
END_TEST

/* Counters and single buttons alone on a line, numbers aside. */
START_TEST(zh_counters)
{
    between(BODY_HANS, "阅读(1234)", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANS, "1234人阅读", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANS, "回到顶部", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANT, "閱讀 (1234)", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANT, "檢舉", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANT, "按讚 12", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANS, "0条评论", SCRUB_LABEL_WIDGET, false);
    /* 條: the Traditional measure word that words.txt's counter_unit
     * generates (the hand-written list had 条 only, and kept this line) */
    between(BODY_HANT, "0條評論", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANT, "查看原圖", SCRUB_LABEL_WIDGET, false);
}
END_TEST

/* The font-size control is a widget; 字号 inside a shop's trade name
 * (老字号) is not. */
START_TEST(zh_font_size_control)
{
    between(BODY_HANS, "字号：大 中 小", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANT, "【字號 大 中 小】", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANS, "百年老字号的传承与创新", SCRUB_LABEL_HEADING, false);
    between(BODY_HANT, "百年老字號的傳承與創新", SCRUB_LABEL_HEADING, false);
}
END_TEST

/* A toolbar: two or more buttons and nothing else; one button word in a
 * heading leaves it a heading. */
START_TEST(zh_button_row)
{
    between(BODY_HANS, "收藏 分享 举报", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANS, "顶 踩", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANT, "檢舉 收藏 分享", SCRUB_LABEL_WIDGET, false);
    kept_between(PARAS_HANS, "分享经济的新规");
}
END_TEST

/* A comment's toolbar in any script: reply, like, report and counters
 * with nothing else on the line, the reply button among them (alone,
 * each word is a button already). */
START_TEST(button_row_any_script)
{
    between(BODY_HANS, "\xE5\x9B\x9E\xE5\xA4\x8D \xE8\xB8\xA9""0 \xE8\xB5\x9E""104 \xE6\x94\xB6\xE8\x97\x8F",
            SCRUB_LABEL_WIDGET, false); /* 回复 踩0 赞104 收藏 */
    between(BODY_HANT, "\xE5\x9B\x9E\xE8\xA6\x86 \xE6\xAA\xA2\xE8\x88\x89", SCRUB_LABEL_WIDGET,
            true); /* 回覆 檢舉 */
    between(BODY_EN, "Reply Like Report", SCRUB_LABEL_WIDGET, false);
    between(BODY_EN, "Like (12) Reply", SCRUB_LABEL_WIDGET, true);
    between(BODY_DE, "Antworten Melden", SCRUB_LABEL_WIDGET, false);
    between(BODY_EN, "R\303\251pondre Signaler", SCRUB_LABEL_WIDGET, false);
    /* one button word among other words leaves a heading */
    kept_between(PARAS_EN, "Like a Rolling Stone");
}
END_TEST

/* Residue an extractor leaves inside an article (issue 6, round 2): a
 * subscription box or legal notice whose phrases sit past the start of
 * a full sentence (two of them, one strong, decide anywhere), a notice
 * opened by a footer marker that runs past 60 units, a footer's row of
 * site links, and the prompts of search boxes, apps and comment lists.
 * Each beside an article sentence that holds one of the phrases and
 * stays. */
START_TEST(residue_in_sentences)
{
    static const struct {
        const char *const *body;
        const char *line;
        int want;
    } drop[] = {
        {BODY_EN, "Make the most of the Daily Gazette. Subscribe to our newsletter to receive the best stories of the week.", SCRUB_LABEL_WIDGET},
        {BODY_EN, "2021 Example Media Ltd. All rights reserved. The Gazette is a registered trademark of Example Media Ltd.", SCRUB_LABEL_FOOTER},
        {BODY_EN, "Subscribe now to access the Daily Gazette.", SCRUB_LABEL_WIDGET},
        {BODY_EN, "Enter Search Keywords. Use the arrow keys to navigate suggestions.", SCRUB_LABEL_WIDGET},
        {BODY_EN, "This feature is temporarily unavailable. Please try again later.", SCRUB_LABEL_WIDGET},
        {BODY_EN, "This commenter is a staff reporter of the newspaper.", SCRUB_LABEL_WIDGET},
        {BODY_EN, "Join the discussion via email and get only the replies to your comment.", SCRUB_LABEL_WIDGET},
        {BODY_EN, "Ad Choices", SCRUB_LABEL_FOOTER},
        {BODY_EN, "View Photos", SCRUB_LABEL_WIDGET},
        {BODY_EN, "HealthSite does not provide medical advice, diagnosis or treatment.", SCRUB_LABEL_FOOTER},
        {BODY_EN, "Jak\303\251koliv u\305\276it\303\255 obsahu, v\304\215etn\304\233 p\305\231evzet\303\255 \304\215l\303\241nk\305\257, je bez p\303\255semn\303\251ho souhlasu vydavatele zak\303\241z\303\241no.", SCRUB_LABEL_FOOTER},
        {BODY_JA, "\xE2\x80\xBB\xE3\x82\xB3\xE3\x83\xA1\xE3\x83\xB3\xE3\x83\x88\xE3\x81\xAF\xE5\x80\x8B\xE4\xBA\xBA\xE3\x81\xAE\xE8\xA6\x8B\xE8\xA7\xA3\xE3\x81\xA7\xE3\x81\x82\xE3\x82\x8A\xE3\x80\x81\xE8\xA8\x98\xE4\xBA\x8B\xE6\x8F\x90\xE4\xBE\x9B\xE7\xA4\xBE\xE3\x81\xA8\xE9\x96\xA2\xE4\xBF\x82\xE3\x81\xAF\xE3\x81\x82\xE3\x82\x8A\xE3\x81\xBE\xE3\x81\x9B\xE3\x82\x93\xE3\x80\x82", SCRUB_LABEL_WIDGET}, /* ※コメントは個人の見解であり、... */
        {BODY_HANS, "小明：回复@用户123：你说的不对，这个问题要分开来看，不能一概而论。", SCRUB_LABEL_WIDGET},
        {BODY_HANS, "【免责声明】本文仅代表作者本人观点，与本网无关。本网对文中陈述、观点判断保持中立，不对所包含内容的准确性、可靠性或完整性提供任何明示或暗示的保证，请读者仅作参考，并请自行承担全部责任。", SCRUB_LABEL_FOOTER},
        {BODY_HANS, "股票频道恭候您的意见 - 联系我们 - 关于我们 - 广告服务", SCRUB_LABEL_FOOTER},
        {BODY_HANS, "最热评论", SCRUB_LABEL_WIDGET},
    };
    static const struct {
        const char *const *body;
        const char *line;
    } keep[] = {
        {BODY_EN, "The Gazette said last year that its newsletter had reached ten thousand readers in the region."},
        {BODY_EN, "The company was sued for using a registered trademark of its rival in its television advertisements."},
        {BODY_EN, "Readers who want to join the debate can write to the editor before Friday."},
        {BODY_EN, "The doctor said the hotline does not provide medical advice to callers who were never examined."},
        {BODY_HANS, "他在微博上回复@了几位网友，解释了这个问题的来龙去脉，希望大家理性看待。"},
        {BODY_HANS, "公司在年报中专门发布了一份免责声明，说明了本次收购可能带来的风险和不确定性，以及对股东权益的影响。"},
        {BODY_HANS, "写给年轻人的信：关于我们这一代人的教育与住房"},
        {BODY_HANS, "这条微博下的最热评论来自一位退休教师，他说自己每天都去公园锻炼身体。"},
    };
    for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++)
        for (int end = 0; end < 2; end++) between(drop[i].body, drop[i].line, drop[i].want, end);
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
        between(keep[i].body, keep[i].line, SCRUB_LABEL_CONTENT, false);
}
END_TEST

/* One reader's comment an extractor left under or inside the article,
 * without the rest of its box: its author, its words (full sentences),
 * its time and its buttons are widgets; the article's lines stay, a
 * short heading three lines above the time included (only a name right
 * above the comment's words opens it).  _i: Simplified or Traditional. */
START_TEST(lone_comment_unit)
{
    static const char *const comment[][5] = {
        {"山河魂", "标题说得好，中美贸易持久战，中国人的斗志被激发出来了，我们走着瞧！", "3小时前",
         "查看回复 2 举报", "回复 踩0 赞85 收藏"},
        {"山河魂", "標題說得好，中美貿易持久戰，中國人的鬥志被激發出來了，我們走著瞧！", "3小時前",
         "查看回覆 2 檢舉", "回覆 踩0 讚85 收藏"}};
    const char *const *body = _i ? BODY_HANT : BODY_HANS;
    const char *const *c = comment[_i];
    char doc[2048];
    scrub_ctx *ctx = scrub_ctx_new();
    for (int mid = 0; mid < 2; mid++) {
        if (mid)
            snprintf(doc, sizeof doc, "%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n", body[0], body[1],
                     c[0], c[1], c[2], c[3], c[4], body[2], body[3]);
        else
            snprintf(doc, sizeof doc, "%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n", body[0], body[1],
                     body[2], body[3], c[0], c[1], c[2], c[3], c[4]);
        size_t from = mid ? 2 : 4;
        ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
        ck_assert_uint_eq(scrub_filter_line_count(ctx), 9);
        for (size_t i = 0; i < 9; i++) {
            bool inside = i >= from && i < from + 5;
            ck_assert_msg(scrub_filter_line_kept(ctx, i) == !inside, "mid %d line %zu: %s (%s)", mid,
                          i, scrub_label_name(scrub_filter_line_label(ctx, i)),
                          scrub_filter_line_reason(ctx, i));
        }
        ck_assert_int_eq(scrub_filter_line_label(ctx, from + 1), SCRUB_LABEL_WIDGET);
    }
    /* no author line: the comment's words may be the article's; its
     * heading and paragraphs above the time stay */
    snprintf(doc, sizeof doc, "%s\n%s\n%s\n%s\n%s\n%s\n", body[0], "\xE5\xB0\x8F\xE6\xA0\x87\xE9\xA2\x98",
             body[1], body[2], c[2], c[4]); /* 小标题 */
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    for (size_t i = 0; i < 4; i++)
        ck_assert_msg(scrub_filter_line_kept(ctx, i) == 1, "line %zu: %s", i,
                      scrub_filter_line_reason(ctx, i));
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 5), 0);
    scrub_ctx_free(ctx);
}
END_TEST

/* What an extractor leaves of a page's account box, newsletter form,
 * comment form and legal footer, alone between or under the article's
 * paragraphs, in several languages; a sentence that names a trademark
 * past its start stays. */
START_TEST(account_form_and_legal_lines)
{
    static const char *const buttons[] = {
        "Sign Out", "Forgot your password?", "Not a member yet?", "Se d\303\251connecter",
        "S'inscrire", "Abmelden", "Cerrar sesi\303\263n", "Odhl\303\241sit se", "Registrati"};
    for (size_t i = 0; i < sizeof buttons / sizeof buttons[0]; i++)
        between(i % 2 ? BODY_DE : BODY_EN, buttons[i], SCRUB_LABEL_WIDGET, i % 3 == 0);
    static const char *const forms[] = {
        "You must be logged in to report a comment.", "Leave this field blank",
        "Web page addresses and e-mail addresses turn into links automatically.",
        "Please enter a valid email address",
        "Odhl\303\241sit se m\305\257\305\276ete kdykoliv.",
        ("P\305\231ihl\303\241\305\241en\303\255m k newsletteru beru na v\304\233dom\303\255, \305\276e m\303\251 "
         "osobn\303\255 \303\272daje budou zpracov\303\241ny.")};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        between(BODY_EN, forms[i], SCRUB_LABEL_WIDGET, i % 2 == 0);
    static const char *const legal[] = {
        "Linux is a registered trademark of Linus Torvalds",
        "Comments and public postings are copyrighted by their creators.",
        "This page was printed from: https://www.example.com/articles/318674.php"};
    for (size_t i = 0; i < sizeof legal / sizeof legal[0]; i++)
        between(BODY_EN, legal[i], SCRUB_LABEL_FOOTER, i != 1);
    const char *doc = "The city council voted on Tuesday to approve a new budget for schools and roads.\n"
                      "The court heard that the company had used the name for years before it applied "
                      "to make it a registered trademark in 2019.\n"
                      "The mayor will present the plan at a public meeting in the town hall next week.\n";
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 1), SCRUB_LABEL_CONTENT);
    scrub_ctx_free(ctx);
}
END_TEST

/* A time of day alone on its line (a comment's or a live post's time)
 * is meta; a line that goes on after the time is not. */
START_TEST(time_alone)
{
    between(BODY_EN, "2:51 PM", SCRUB_LABEL_META, false);
    between(BODY_EN, "5:42 p.m.", SCRUB_LABEL_META, true);
    between(BODY_DE, "11:43 pm", SCRUB_LABEL_META, false);
    between(BODY_DE, "14:05", -1, false); /* no letter: removed already */
    kept_between(PARAS_EN, "10:30 AM Council opens");
}
END_TEST

/* A site's notice under an article or its comment box: the comments or
 * the article speak only for their authors, keep to the law; a news
 * sentence that quotes someone speaking for himself stays. */
START_TEST(zh_disclaimer_lines)
{
    between(BODY_HANS, "网友评论仅供其表达个人看法，并不表明本站立场。", SCRUB_LABEL_FOOTER, true);
    between(BODY_HANS, "本文仅代表作者个人观点。", SCRUB_LABEL_FOOTER, false);
    between(BODY_HANT, "本文僅代表作者個人觀點，與本站無關。", SCRUB_LABEL_FOOTER, true);
    between(BODY_HANS, "请自觉遵守互联网相关的政策法规，共同营造健康的网络环境。", SCRUB_LABEL_WIDGET,
            true);
    const char *doc = "市政府周二投票通过了新的预算，其中包括用于学校和道路建设的资金。\n"
                      "发言人强调，上述言论仅代表他的个人观点，不代表公司的立场。\n"
                      "市长将于下周在市政厅会议上向公众介绍这一计划的具体内容。\n";
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 1), SCRUB_LABEL_CONTENT);
    scrub_ctx_free(ctx);
}
END_TEST

/* A share, print or discussion prompt alone between the paragraphs, in
 * the languages of the pages; a heading that names an article stays. */
START_TEST(share_and_discussion_prompts)
{
    static const char *const en[] = {
        "Email this story", "Comparte esta noticia", "Partagez cet article",
        "Condividi questo articolo", "Sd\303\255lejte \304\215l\303\241nek"};
    for (size_t i = 0; i < sizeof en / sizeof en[0]; i++)
        between(BODY_EN, en[i], SCRUB_LABEL_WIDGET, i % 2 == 0);
    between(BODY_DE, "Artikel merken", SCRUB_LABEL_WIDGET, false);
    between(BODY_DE, "Diskutieren Sie mit", SCRUB_LABEL_WIDGET, false);
    kept_between(PARAS_EN, "The story behind the email");
}
END_TEST

/* A Chinese account box's buttons alone between the paragraphs (sign
 * in, register, forgot the password, OK and cancel); a heading that holds
 * one of the words stays. */
START_TEST(zh_account_buttons)
{
    between(BODY_HANS, "登录/注册", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANS, "记住密码 忘记密码", SCRUB_LABEL_WIDGET, true);
    between(BODY_HANS, "安全退出", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANT, "忘記密碼", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANS, "确定 取消", SCRUB_LABEL_WIDGET, true);
    kept_between(PARAS_HANS, "注册制改革进入新阶段");
}
END_TEST

/* The end mark under the last paragraph. */
START_TEST(zh_end_marks)
{
    between(BODY_HANS, "【完】", SCRUB_LABEL_ARTIFACT, false);
    between(BODY_HANS, "-完-", SCRUB_LABEL_ARTIFACT, false);
    between(BODY_HANS, "（全文完）", SCRUB_LABEL_ARTIFACT, false);
    between(BODY_HANT, "—— 完 ——", SCRUB_LABEL_ARTIFACT, false);
    /* a line of one word is not an end mark */
    const char *doc = "市政府周二投票通过了新的预算，其中包括用于学校和道路建设的资金。\n"
                      "完美\n"
                      "市长将于下周在市政厅会议上向公众介绍这一计划的具体内容。\n";
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_ne(scrub_filter_line_label(ctx, 1), SCRUB_LABEL_ARTIFACT);
    scrub_ctx_free(ctx);
}
END_TEST

/* Titles with summaries cut short after the article are links to other
 * pages; a topic page that opens with such teasers keeps them. */
static void check_teasers(const char *doc, size_t from, size_t to, int want)
{
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    for (size_t i = from; i < to; i++)
        ck_assert_msg(want >= 0 ? scrub_filter_line_label(ctx, i) == want
                                : scrub_filter_line_kept(ctx, i) == 1,
                      "line %zu: %s (%s)", i, scrub_label_name(scrub_filter_line_label(ctx, i)),
                      scrub_filter_line_reason(ctx, i));
    scrub_ctx_free(ctx);
}

START_TEST(zh_teaser_runs)
{
    const char *hans = "社区食堂开业首周接待老人两千人次\n"
                       "城东社区食堂上周一正式开业，为辖区六十岁以上老人提供平价午餐和晚餐。\n"
                       "食堂负责人介绍，开业首周共接待老人两千多人次，最受欢迎的是红烧鱼和清炒时蔬。\n"
                       "不少老人表示，饭菜口味清淡，价格实惠，以后会常来。\n"
                       "城西公园改造完工\n"
                       "经过半年的施工，城西公园的步道、灯光和健身器材全部更新，市民...\n"
                       "地铁三号线开通在即\n"
                       "地铁三号线已完成全部设备调试，预计下月底开通试运营，沿线居民...\n"
                       "老旧小区加装电梯\n"
                       "今年全市计划为一百个老旧小区加装电梯，目前已有三十个小区…\n"
                       "夜市经济持续升温\n"
                       "随着天气转暖，全市各大夜市人气渐旺，摊主们纷纷推出新品...\n";
    check_teasers(hans, 0, 4, -1);
    check_teasers(hans, 4, 12, SCRUB_LABEL_RELATED);
    const char *hant = "社區食堂開業首週接待長者兩千人次\n"
                       "城東社區食堂上週一正式開業，為轄區六十歲以上長者提供平價午餐和晚餐。\n"
                       "食堂負責人介紹，開業首週共接待長者兩千多人次，最受歡迎的是紅燒魚和清炒時蔬。\n"
                       "不少長者表示，飯菜口味清淡，價格實惠，以後會常來。\n"
                       "城西公園改造完工\n"
                       "經過半年的施工，城西公園的步道、燈光和健身器材全部更新，市民...\n"
                       "捷運三號線通車在即\n"
                       "捷運三號線已完成全部設備調試，預計下月底通車試營運，沿線居民...\n"
                       "老舊社區加裝電梯\n"
                       "今年全市計畫為一百個老舊社區加裝電梯，目前已有三十個社區…\n"
                       "夜市經濟持續升溫\n"
                       "隨著天氣轉暖，全市各大夜市人氣漸旺，攤商們紛紛推出新品...\n";
    check_teasers(hant, 0, 4, -1);
    check_teasers(hant, 4, 12, SCRUB_LABEL_RELATED);
    /* no article above: a topic page's teasers */
    check_teasers(strstr(hans, "城西公园改造完工"), 1, 8, -1);
    /* prose that pauses with "……" is not cut */
    const char *pause = "社区食堂开业首周接待老人两千人次\n"
                        "城东社区食堂上周一正式开业，为辖区六十岁以上老人提供平价午餐和晚餐。\n"
                        "食堂负责人介绍，开业首周共接待老人两千多人次，最受欢迎的是红烧鱼。\n"
                        "王大爷说，这里的饭菜比他自己做的还好吃……\n"
                        "李奶奶也说，价格便宜，离家又近……\n"
                        "张阿姨笑着说，以后天天都来……\n"
                        "赵大爷补充道，就是排队的人太多了……\n";
    check_teasers(pause, 0, 7, -1);
}
END_TEST

/* A page that opens with teasers: a feed of other pages when they share
 * no word with the head (the page's title above them), whose own lead,
 * the first summary, stays; a topic page when they treat its subject. */
START_TEST(zh_opening_feed)
{
    static const char *const feed[2] = {
        "首页 > 分类作文\n"
        "励志名言短句霸气\n"
        "名言是前人智慧的结晶，熟记名言有助我们增加知识储备，打造语言亮点。名言的类型有很多...\n"
        "世界读书日演讲稿\n"
        "读书是一件快乐的事情，它能让我们开阔眼界，增长见识。那么怎样写好演讲稿呢...\n"
        "元宵节猜灯谜题目及答案\n"
        "元宵节灯谜是一种古老的传统民间习俗，以下是整理的灯谜题目及答案，欢迎参考...\n"
        "江苏旅游美景导游词\n"
        "作为一名导游，就有可能用到导游词，借助导游词可以更好地宣传景点。那么你了解吗...\n"
        "猴年春节拜年祝福语\n"
        "春节到了，大家都忙着拜年送祝福呢，下面是整理的猴年春节拜年祝福语，欢迎阅读...\n",
        "首頁 > 分類作文\n"
        "勵志名言短句霸氣\n"
        "名言是前人智慧的結晶，熟記名言有助我們增加知識儲備，打造語言亮點。名言的類型有很多...\n"
        "世界讀書日演講稿\n"
        "讀書是一件快樂的事情，它能讓我們開闊眼界，增長見識。那麼怎樣寫好演講稿呢...\n"
        "元宵節猜燈謎題目及答案\n"
        "元宵節燈謎是一種古老的傳統民間習俗，以下是整理的燈謎題目及答案，歡迎參考...\n"
        "江蘇旅遊美景導遊詞\n"
        "作為一名導遊，就有可能用到導遊詞，借助導遊詞可以更好地宣傳景點。那麼你了解嗎...\n"
        "猴年春節拜年祝福語\n"
        "春節到了，大家都忙著拜年送祝福呢，下面是整理的猴年春節拜年祝福語，歡迎閱讀...\n"};
    for (int v = 0; v < 2; v++) {
        check_teasers(feed[v], 1, 3, -1);
        check_teasers(feed[v], 3, 11, SCRUB_LABEL_RELATED);
    }
    /* every teaser names the page's subject: its content */
    const char *topic = "首页 > 产品中心\n"
                        "凯氏定氮仪\n"
                        "凯氏定氮仪采用微电脑进行过程控制，自动加水、自动水位控制、自动停水...\n"
                        "全自动凯氏定氮仪\n"
                        "全自动凯氏定氮仪可以完成加碱、蒸馏、滴定和计算的全部过程，适合大批量样品...\n"
                        "半自动凯氏定氮仪\n"
                        "半自动凯氏定氮仪由人工滴定，仪器完成蒸馏，简单的按钮操作极易掌握...\n"
                        "凯氏定氮仪消化炉\n"
                        "消化炉与凯氏定氮仪配套使用，温度可在室温至450℃范围内任意调节...\n"
                        "凯氏定氮仪配件\n"
                        "凯氏定氮仪的消化管、冷凝管和滴定管均可单独订购，欢迎来电咨询...\n";
    check_teasers(topic, 1, 11, -1);
}
END_TEST

/* A page with no body, only short titles one under another: a search
 * page's list of other pages; its first line, its own title, stays.  A
 * spec sheet's rows without a body stay. */
START_TEST(zh_title_list)
{
    static const char *const list[2] = {
        "安全生产许可证办理资料\n"
        "安全生产许可证办理,这些条件你都清楚吗?\n"
        "喜讯!智能公司获批安全生产许可证\n"
        "安全生产许可证的有效期是多少年\n"
        "建筑施工企业安全生产许可证管理规定\n"
        "四川德阳办理安全生产许可证需要什么资料?\n"
        "湖北发出首张新版安全生产许可证\n"
        "使用过期了的安全生产许可证对企业有什么影响?\n",
        "安全生產許可證辦理資料\n"
        "安全生產許可證辦理,這些條件你都清楚嗎?\n"
        "喜訊!智能公司獲批安全生產許可證\n"
        "安全生產許可證的有效期是多少年\n"
        "建築施工企業安全生產許可證管理規定\n"
        "四川德陽辦理安全生產許可證需要什麼資料?\n"
        "湖北發出首張新版安全生產許可證\n"
        "使用過期了的安全生產許可證對企業有什麼影響?\n"};
    for (int v = 0; v < 2; v++) {
        check_teasers(list[v], 0, 1, SCRUB_LABEL_HEADING);
        check_teasers(list[v], 1, 8, SCRUB_LABEL_RELATED);
    }
    const char *sheet = "便携式粉尘检测仪\n"
                        "测量范围：0.001-10mg/m3\n"
                        "检测灵敏度：0.01mg/m3\n"
                        "采样流量：2L/min\n"
                        "供电方式：锂电池\n"
                        "工作环境温度：0-40℃\n"
                        "外形尺寸：200×85×168mm\n"
                        "整机重量：1.5kg\n";
    check_teasers(sheet, 0, 8, -1);
}
END_TEST

/* Titles of other pages under the article's last sentence, which the
 * body took in, are related links (a table's rows there are not: see
 * tail_rows_table). */
START_TEST(zh_title_tail)
{
    static const char *const page[2] = {
        "一国两制彰显政治自信\n"
        "由于历史的原因，香港、澳门未能伴随新中国的成立同步回归祖国怀抱。\n"
        "“一国两制”在香港、澳门的成功实施，开启了港澳历史发展的新篇章。\n"
        "相信香港必将伴随国家的前进步伐迎来自己更加美好的明天。\n"
        "刘兆佳：香港的新选举制度与新政治文化\n"
        "屠海鸣：香港由乱及治得益于全面落实国安法\n"
        "韩大元：论“一国两制”的文明观及其当代意\n"
        "骆惠宁：百年伟业的“香江篇章”\n"
        "美国干预香港事务、支持反中乱港势力事实清\n"
        "刘兆佳：香港国安法对特区管治的政治和社会\n",
        "一國兩制彰顯政治自信\n"
        "由於歷史的原因，香港、澳門未能伴隨新中國的成立同步回歸祖國懷抱。\n"
        "「一國兩制」在香港、澳門的成功實施，開啟了港澳歷史發展的新篇章。\n"
        "相信香港必將伴隨國家的前進步伐迎來自己更加美好的明天。\n"
        "劉兆佳：香港的新選舉制度與新政治文化\n"
        "屠海鳴：香港由亂及治得益於全面落實國安法\n"
        "韓大元：論「一國兩制」的文明觀及其當代意\n"
        "駱惠寧：百年偉業的「香江篇章」\n"
        "美國干預香港事務、支持反中亂港勢力事實清\n"
        "劉兆佳：香港國安法對特區管治的政治和社會\n"};
    for (int v = 0; v < 2; v++) {
        check_teasers(page[v], 0, 4, -1);
        check_teasers(page[v], 4, 9, SCRUB_LABEL_RELATED);
        expect_kept(page[v], 9, false);
    }
}
END_TEST

/* Where the article comes from (本文为...整理编辑, ...发言全文：) and a short
 * source field naming the picture's giver are meta; the article speaking
 * to its readers (本文为大家...) stays. */
START_TEST(zh_provenance_meta)
{
    static const char *const page[2] = {
        "冰箱不制冷的原因\n"
        "本文为长沙某冰箱售后整理编辑，希望可以帮助大家！\n"
        "冰箱不制冷，多半是温控器设置不当或者门封条老化，先检查这两处再找师傅上门。\n"
        "本文为大家整理了冰箱不制冷的五种常见原因和对应的处理办法。\n"
        "信息及图片来源：吕田镇政府\n"
        "本文为北京大学法学院教授在主题论坛上的书面发言全文：\n",
        "冰箱不製冷的原因\n"
        "本文為長沙某冰箱售後整理編輯，希望可以幫助大家！\n"
        "冰箱不製冷，多半是溫控器設定不當或者門封條老化，先檢查這兩處再找師傅上門。\n"
        "本文為大家整理了冰箱不製冷的五種常見原因和對應的處理辦法。\n"
        "資訊及圖片來源：呂田鎮政府\n"
        "本文為北京大學法學院教授在主題論壇上的書面發言全文：\n"};
    for (int v = 0; v < 2; v++) {
        check_teasers(page[v], 1, 2, SCRUB_LABEL_META);
        check_teasers(page[v], 2, 4, -1);
        check_teasers(page[v], 4, 6, SCRUB_LABEL_META);
    }
}
END_TEST

/* An address alone whose path is percent-escaped is link residue, even
 * between two paragraphs of the body (where, without the test, it is
 * kept as a near-sentence); one a reader can read stays there. */
START_TEST(zh_escaped_url)
{
    static const char *const page[2] = {
        "安全生产许可证办理资料\n"
        "办理安全生产许可证，企业须建立安全生产责任制，并制定安全检查制度和操作规程。\n"
        "%s\n"
        "许可证有效期为三年，期满需要延期的，企业应当在期满前三个月向原发证机关办理延期手续。\n",
        "安全生產許可證辦理資料\n"
        "辦理安全生產許可證，企業須建立安全生產責任制，並制定安全檢查制度和操作規程。\n"
        "%s\n"
        "許可證有效期為三年，期滿需要延期的，企業應當在期滿前三個月向原發證機關辦理延期手續。\n"};
    static const char *const escaped[2] = {"www.example.cn/%E5%AE%89%E5%85%A8%E7%94%9F%E4%BA%A7/",
                                           "www.example.tw/%E5%AE%89%E5%85%A8%E7%94%9F%E7%94%A2/"};
    for (int v = 0; v < 2; v++) {
        char doc[1024];
        snprintf(doc, sizeof doc, page[v], escaped[v]);
        check_teasers(doc, 0, 2, -1);
        expect_kept(doc, 2, false);
        check_teasers(doc, 2, 3, SCRUB_LABEL_ARTIFACT);
        expect_kept(doc, 3, true);
        snprintf(doc, sizeof doc, page[v], "www.example.cn/anquan/xuke/");
        check_teasers(doc, 0, 4, -1);
    }
}
END_TEST

/* Under the prev/next links the lines left are more links, unless a
 * paragraph of the article's own follows. */
START_TEST(zh_after_pager)
{
    static const char *const page[2] = {
        "短视频营销的好处有哪些\n"
        "随着5G时代的到来，短视频领域被寄予厚望，各类短视频营销成为商家探索互联网的新手段。\n"
        "与传统营销相比，视频营销的一个明显特点是可以分析视频传播的范围和效果，包括有多少人关注和转载。\n"
        "短视频平台还积极与用户基数庞大的媒体平台合作，吸引更多流量，实现优质营销效果。\n"
        "上一篇：头条号账号变现计划(头条号个人号开店必须要执照吗)\n"
        "下一篇：南通网络营销案例(南通网络营销模式)\n"
        "微信公众号推广文章怎么写(如何推广微信公众号文章)\n",
        "短影音行銷的好處有哪些\n"
        "隨著5G時代的到來，短影音領域被寄予厚望，各類短影音行銷成為商家探索網際網路的新手段。\n"
        "與傳統行銷相比，影音行銷的一個明顯特點是可以分析影音傳播的範圍和效果，包括有多少人關注和轉載。\n"
        "短影音平臺還積極與使用者基數龐大的媒體平臺合作，吸引更多流量，實現優質行銷效果。\n"
        "上一條：頭條號帳號變現計畫(頭條號個人號開店必須要執照嗎)\n"
        "下一條：南通網路行銷案例(南通網路行銷模式)\n"
        "微信公眾號推廣文章怎麼寫(如何推廣微信公眾號文章)\n"};
    for (int v = 0; v < 2; v++) {
        check_teasers(page[v], 0, 4, -1);
        expect_kept(page[v], 6, false);
    }
}
END_TEST

/* WeChat and portal bylines with a bar (来源 | 经济日报), a byline in
 * brackets, and the widgets of an official account and a blog. */
START_TEST(zh_bylines_and_accounts)
{
    between(BODY_HANS, "来源 | 经济日报", SCRUB_LABEL_META, false);
    between(BODY_HANS, "图源｜视觉中国", SCRUB_LABEL_META, false);
    between(BODY_HANS, "(本文来源：经济日报 作者：刘洋)", SCRUB_LABEL_META, false);
    between(BODY_HANT, "圖／中央社", SCRUB_LABEL_META, false);
    between(BODY_HANT, "（來源：聯合報 記者：王小明）", SCRUB_LABEL_META, false);
    between(BODY_HANS, "正文已结束，您可以按alt+4进行评论", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANS, "赞 | 在看", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANT, "留言(0) 引用(0)", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANT, "56次瀏覽", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANT, "本文經授權轉載自天下雜誌", SCRUB_LABEL_FOOTER, false);
    between(BODY_HANT, "撰文：王小明", SCRUB_LABEL_META, false);
    between(BODY_HANT, "歡迎分享本文", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANS, "本文系新闻网独家稿件", SCRUB_LABEL_FOOTER, false);
    between(BODY_HANS, "关注新闻网公众号", SCRUB_LABEL_WIDGET, false);
}
END_TEST

/* Related-link box titles, navigation and print/share/app widgets. */
START_TEST(zh_boxes_and_links)
{
    between(BODY_HANS, "编辑推荐", SCRUB_LABEL_RELATED, true);
    between(BODY_HANT, "你可能感興趣的文章", SCRUB_LABEL_RELATED, true);
    between(BODY_HANS, "返回目录", SCRUB_LABEL_NAV, false);
    between(BODY_HANT, "上一則：市議會通過預算案", SCRUB_LABEL_NAV, false);
    between(BODY_HANS, "手机看新闻", SCRUB_LABEL_WIDGET, false);
    between(BODY_HANT, "下載客戶端，閱讀更多新聞", SCRUB_LABEL_WIDGET, false);
    /* a digest's lead of another page; an article's own lead is prose */
    between(BODY_HANS, "导读：城西公园改造完工-步道", SCRUB_LABEL_RELATED, true);
    between(BODY_HANT, "導讀：捷運三號線通車在即", SCRUB_LABEL_RELATED, true);
    const char *lead = "市政府周二投票通过了新的预算，其中包括用于学校和道路建设的资金。\n"
                       "导读：新预算把一半资金用于学校，另一半用于道路建设和维护。\n"
                       "市长将于下周在市政厅会议上向公众介绍这一计划的具体内容。\n";
    expect_kept(lead, 1, true);
}
END_TEST

/* Bylines in other languages: "Von", "Par", "Por", "Od" and names only,
 * the first of two words or more; a title that opens with the same word
 * stays. */
START_TEST(bylines_other_languages)
{
    between(BODY_DE, "Von Anna M\303\274ller und Peter Schmidt", SCRUB_LABEL_META, false);
    between(BODY_EN, "Par Marie Dupont et Jean Martin", SCRUB_LABEL_META, false);
    between(BODY_EN, "Por Mar\303\255a Garc\303\255a y Juan P\303\251rez", SCRUB_LABEL_META, false);
    between(BODY_EN, "Od Jan Nov\303\241k, Petr Svoboda", SCRUB_LABEL_META, false);
    between(BODY_EN, "Imagen: Reuters", SCRUB_LABEL_META, false);
    /* titles: a single capitalized word each, or a lower-case word between */
    static const char *const titles[] = {"Von M\303\244usen und Menschen", "Von Berlin nach Paris",
                                         "Par Avion"};
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
        char doc[1024];
        snprintf(doc, sizeof doc, "%s\n%s\n%s\n%s\n", BODY_DE[0], BODY_DE[1], titles[i], BODY_DE[2]);
        scrub_ctx *ctx = scrub_ctx_new();
        ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
        ck_assert_msg(scrub_filter_line_kept(ctx, 2), "\"%s\": %s", titles[i],
                      scrub_filter_line_reason(ctx, 2));
        scrub_ctx_free(ctx);
    }
}
END_TEST

/* "Map: ...", "Bildergalerie: ...", "Infographie : ...": a link to another
 * medium beside the article is related; a slideshow's page counter in
 * other languages is a widget. */
START_TEST(media_links_and_pages)
{
    between(BODY_EN, "Map: Flow of foreign fighters to Syria", SCRUB_LABEL_RELATED, false);
    between(BODY_EN, "Interactive: How the vote broke down in each county", SCRUB_LABEL_RELATED,
            false);
    between(BODY_DE, "Bildergalerie: Die sch\303\266nsten Bilder vom Stadtfest", SCRUB_LABEL_RELATED,
            false);
    between(BODY_EN, "Infographie : les chiffres du budget", SCRUB_LABEL_RELATED, false);
    between(BODY_EN, "P\303\241gina 2 de 5", SCRUB_LABEL_WIDGET, false);
    between(BODY_EN, "Strana 2 z 5", SCRUB_LABEL_WIDGET, false);
    /* a sentence that opens with the word stays */
    const char *doc =
        "The council voted on Tuesday to approve the new budget, which includes funding for schools and roads.\n"
        "Map: the council published a map of the roads it will repair this year.\n"
        "Officials expect the work to begin in the spring and to last for about two years.\n";
    expect_kept(doc, 1, true);
}
END_TEST

/* An inline link ("Mehr zum Thema: <title>") is one line: the article
 * goes on under it.  Under a related header alone, a sentence of twenty
 * words or more that ends in a full stop is the article again. */
START_TEST(inline_related_links)
{
    char doc[2048];
    snprintf(doc, sizeof doc, "%s\n%s\n%s\n%s\n%s\n", BODY_DE[0],
             "Mehr zum Thema: Wie das Teleskop die Astronomie ver\303\244ndert", BODY_DE[2],
             BODY_DE[3], BODY_DE[1]);
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 1), SCRUB_LABEL_RELATED);
    for (size_t i = 2; i < 5; i++)
        ck_assert_msg(scrub_filter_line_kept(ctx, i), "line %zu: %s", i,
                      scrub_filter_line_reason(ctx, i));
    const char *en =
        "The council voted on Tuesday to approve the new budget, which includes funding for schools and roads.\n"
        "Related articles\n"
        "Many residents said they were pleased with the decision of the council, although some of them argued that taxes would rise.\n"
        "The mayor will present the plan to the public next week at the town hall meeting with the residents of every district.\n";
    ck_assert_status(scrub_classify_lines(ctx, en, strlen(en), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 1), 0);
    for (size_t i = 2; i < 4; i++)
        ck_assert_msg(scrub_filter_line_kept(ctx, i), "line %zu: %s", i,
                      scrub_filter_line_reason(ctx, i));
    scrub_ctx_free(ctx);
}
END_TEST

/* Datelines with the day first ("Opublikováno 17. 3. 2015", "Опубликовано
 * 17.03.2015") or a time of day ("Mar 17, 2015, 3:14 PM"), credits of an
 * agency and a person joined by a slash, and scripts or shortcodes an
 * extractor left between sentences. */
START_TEST(datelines_credits_and_scripts)
{
    between(BODY_EN, "Opublikov\303\241no 17. 3. 2015", SCRUB_LABEL_META, false);
    between(BODY_RU,
            "\320\236\320\277\321\203\320\261\320\273\320\270\320\272\320\276\320\262\320\260\320\275\320\276 17.03.2015",
            SCRUB_LABEL_META, false);
    between(BODY_EN, "Posted: 17/03/2015 15:14", SCRUB_LABEL_META, false);
    between(BODY_EN, "Mar 17, 2015, 3:14 PM", SCRUB_LABEL_META, false);
    between(BODY_EN, "REUTERS/Kevin Lamarque", SCRUB_LABEL_META, false);
    between(BODY_EN, "AP Photo/Evan Vucci", SCRUB_LABEL_META, false);
    between(BODY_EN, "This article was originally published on The Conversation.", SCRUB_LABEL_META,
            true);
    between(BODY_EN, "window.dataLayer = window.dataLayer || [];", SCRUB_LABEL_ARTIFACT, false);
    between(BODY_EN, "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });",
            SCRUB_LABEL_ARTIFACT, false);
    between(BODY_EN, "[caption id=\"attachment_12\" align=\"alignnone\" width=\"300\"]",
            SCRUB_LABEL_ARTIFACT, false);
    /* a heading with a slash, and one with numbers, stay */
    const char *doc =
        "The council voted on Tuesday to approve the new budget, which includes funding for schools and roads.\n"
        "TCP/IP Networking\n"
        "Many residents said they were pleased with the decision, although some argued that taxes would rise.\n"
        "Input/Output Basics\n"
        "The mayor will present the plan to the public next week at the town hall meeting.\n";
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 1), 1);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 3), 1);
    scrub_ctx_free(ctx);
}
END_TEST

/* Buttons and prompts of other languages alone on their line: next
 * article, loading, sign in to comment, share, read also. */
START_TEST(buttons_other_languages)
{
    static const char *const lines[] = {
        "N\303\244chster Artikel", "Article suivant", "Art\303\255culo siguiente", "Artigo seguinte",
        "Dal\305\241\303\255 \304\215l\303\241nek", "Wird geladen...", "Cargando...",
        "Zum Kommentieren anmelden", "Connectez-vous pour commenter", "Compartir este art\303\255culo",
        "Continue reading the main story", "Read next", "Image", "Please enable JavaScript to view the comments.",
        "P\305\231e\304\215t\304\233te si tak\303\251: V\304\233dci objevili novou galaxii"};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) between(BODY_EN, lines[i], -1, false);
    between(BODY_RU,
            "\320\241\320\273\320\265\320\264\321\203\321\216\321\211\320\260\321\217 \321\201\321\202\320\260\321\202\321\214\321\217",
            SCRUB_LABEL_WIDGET, false); /* Следующая статья */
    between(BODY_JA, "次の記事", SCRUB_LABEL_WIDGET, false);
    between(BODY_JA, "♪音声配信(html5)", SCRUB_LABEL_WIDGET, false); /* an audio player */
    /* box titles over other articles */
    between(BODY_EN, "Nej\304\215ten\304\233j\305\241\303\255", SCRUB_LABEL_RELATED, false);
    between(BODY_EN, "Mais lidas", SCRUB_LABEL_RELATED, false);
    between(BODY_EN, "Most shared", SCRUB_LABEL_RELATED, false);
}
END_TEST

/* A caption that ends with its picture's credit ("... | Foto: Reuters",
 * "(Photo X. AFP)", "(Credit: AP/...)") is a caption wherever it stands:
 * on a whole page its picture's link does not make it a menu line. */
START_TEST(credited_captions)
{
    const char *doc =
        "Home\n"
        "The council voted on Tuesday to approve the new budget, which includes funding for schools and roads.\n"
        "Spokojen\303\275 Tom\303\241\305\241 Sou\304\215ek po v\303\255t\304\233zstv\303\255 ve Villa Parku. | Foto: Reuters\n"
        "Many residents said they were pleased with the decision, although some argued that taxes would rise.\n"
        "Un N\303\251palais prie \303\240 Katmandou, le 30 avril 2015. (Photo Prakash Mathema. AFP)\n"
        "The mayor will present the plan to the public next week at the town hall meeting.\n";
    const uint32_t linked = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    uint32_t hints[6] = {SCRUB_HINT_IN_NAV, 0, linked, 0, linked, 0};
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, 6, NULL, 0), SCRUB_OK);
    for (size_t i = 2; i <= 4; i += 2)
        ck_assert_msg(scrub_filter_line_label(ctx, i) == SCRUB_LABEL_CAPTION, "line %zu: %s (%s)", i,
                      scrub_label_name(scrub_filter_line_label(ctx, i)),
                      scrub_filter_line_reason(ctx, i));
    scrub_ctx_free(ctx);
}
END_TEST

/* A few words and an arrow that points on are a link to another page;
 * a French quote closed by » stays. */
START_TEST(arrow_links)
{
    between(BODY_EN, "Next On BuzzFeed News \342\200\272", SCRUB_LABEL_NAV, false);
    between(BODY_EN, "Next page: Security>>", SCRUB_LABEL_NAV, false);
    between(BODY_DE, "Alle Artikel zum Thema \302\273", SCRUB_LABEL_NAV, false);
    const char *doc =
        "The council voted on Tuesday to approve the new budget, which includes funding for schools and roads.\n"
        "\302\253 Nous sommes pr\303\252ts \302\273\n"
        "Many residents said they were pleased with the decision, although some argued that taxes would rise.\n";
    expect_kept(doc, 1, true);
}
END_TEST

/* A story's end mark ("おしまい", "The End") with most of the body above
 * it ends the body: the sidebar's sentences under it go, the mark stays;
 * a mark with most of the body below it clips nothing. */
START_TEST(end_marks)
{
    char doc[4096];
    snprintf(doc, sizeof doc, "%s%s\n%s%s\n\343\200\200おしまい\nきょうの誕生日・出来事1949年　マジシャンの誕生日です。\n%s\n",
             BODY_JA[0], BODY_JA[1], BODY_JA[2], BODY_JA[3], "恋の誕生日占い自分の考えをしっかりと持った女の子。");
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 0), 1);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 1), 1);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 2), 1);
    ck_assert_msg(!scrub_filter_line_kept(ctx, 3), "%s", scrub_filter_line_reason(ctx, 3));
    ck_assert_msg(!scrub_filter_line_kept(ctx, 4), "%s", scrub_filter_line_reason(ctx, 4));
    snprintf(doc, sizeof doc, "%s\n%s\n%s\nThe End\n%s\n", BODY_EN[0], BODY_EN[1], BODY_EN[2],
             "Tomorrow's story is about a fox who wanted the grapes.");
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 3), 1);
    ck_assert_msg(!scrub_filter_line_kept(ctx, 4), "%s", scrub_filter_line_reason(ctx, 4));
    /* a mark above most of the body clips nothing */
    snprintf(doc, sizeof doc, "%s\nFin\n%s\n%s\n%s\n", BODY_EN[0], BODY_EN[1], BODY_EN[2], BODY_EN[3]);
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    for (size_t i = 2; i < 5; i++) ck_assert_int_eq(scrub_filter_line_kept(ctx, i), 1);
    scrub_ctx_free(ctx);
}
END_TEST

/* The comment form of a blog engine and consent banners, in several
 * languages: its notices and buttons are a widget wherever they stand. */
START_TEST(comment_forms_and_banners)
{
    static const char *const en[] = {"Notify me of follow-up comments by email.",
                                     "Save my name, email, and website in this browser for the next time I comment.",
                                     "You must be logged in to post a comment.", "Name *", "Website",
                                     "Post Comment", "This site uses Akismet to reduce spam. Learn how your comment data is processed."};
    for (size_t i = 0; i < sizeof en / sizeof en[0]; i++) between(BODY_EN, en[i], -1, false);
    static const char *const de[] = {"Benachrichtige mich \303\274ber nachfolgende Kommentare via E-Mail.",
                                     "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten."};
    for (size_t i = 0; i < sizeof de / sizeof de[0]; i++) between(BODY_DE, de[i], -1, false);
    between(BODY_EN, "Pr\303\251venez-moi de tous les nouveaux commentaires par e-mail.", -1, false);
    between(BODY_EN, "Guarda mi nombre, correo electr\303\263nico y web en este navegador para la pr\303\263xima vez que comente.", -1, false);
    between(BODY_EN, "Deja una respuesta", -1, false);
    /* Мы используем файлы cookie; Добавить комментарий */
    between(BODY_RU, "\320\234\321\213 \320\270\321\201\320\277\320\276\320\273\321\214\320\267\321\203\320\265\320\274 \321\204\320\260\320\271\320\273\321\213 cookie", -1, false);
    between(BODY_RU, "\320\224\320\276\320\261\320\260\320\262\320\270\321\202\321\214 \320\272\320\276\320\274\320\274\320\265\320\275\321\202\320\260\321\200\320\270\320\271", -1, false);
    between(BODY_JA, "このサイトはクッキーを使用しています。", -1, false);
    between(BODY_HANS, "发表回复", -1, false);
    between(BODY_HANS, "登录后才能评论", -1, false);
    between(BODY_HANT, "登入後才能評論", -1, false);
    between(BODY_HANT, "發表回覆", -1, false);
}
END_TEST

/* A partner's advertorial appended to a Chinese article (a shop and calls
 * to buy, in the article's last paragraph before the boilerplate, past an
 * end mark or under the editor's credit) is an advert; line `ad` of each
 * document, the other article lines stay. */
START_TEST(appended_advert)
{
    static const struct {
        const char *doc;
        size_t ad, lines;
    } docs[] = {
        {"小米发布新款折叠屏手机\n"
         "本报讯 8月14日晚，小米在北京召开新品发布会，正式推出新一代折叠屏手机，机身展开后厚度仅为5.4毫米。\n"
         "新机搭载最新一代处理器，内屏尺寸为8.03英寸，外屏为6.56英寸，电池容量达到5000毫安时，支持67瓦有线快充。\n"
         "小米方面介绍，新机的铰链经过重新设计，官方测试可以承受40万次开合，折痕也比上一代明显变浅。\n"
         "发布会上，小米还公布了新款平板和智能手表，两款产品将于本月下旬上市。\n"
         "即日起，京东作为小米官方授权的线上商城，已开启新机预约。京东小米自营旗舰店下单可享12期免息，以旧换新最高补贴1000元，前100名还可领取300元优惠券，立即抢购。\n"
         "责任编辑：张伟\n"
         "分享到：微信 微博 QQ空间\n"
         "版权所有 © 2024 科技日报网\n",
         5, 9},
        {"台北國際電腦展今日開幕\n"
         "今年的台北國際電腦展今天在南港展覽館開幕，共有一千五百家廠商參展，使用四千五百個攤位。\n"
         "大會表示，今年展覽以人工智慧為主軸，多家晶片大廠都在現場展示新一代處理器與伺服器。\n"
         "展期共四天，預計將吸引超過五萬名來自世界各地的買主與參觀民眾，周邊飯店幾乎全部客滿。\n"
         "（完）\n"
         "展覽期間，蝦皮商城電腦專區同步推出展場限定優惠，筆電全面下殺8折，前五百名下單再送滑鼠，立即點選搶購。\n"
         "版權所有 © 2024 中央通訊社\n",
         5, 7},
        {"城南社区举办垃圾分类开放日\n"
         "6月5日上午，城南社区在文化广场举办垃圾分类开放日，两百多位居民参观了新建成的分类回收站。\n"
         "工作人员现场演示了厨余垃圾的处理流程，并向居民发放了分类指南和可降解垃圾袋。\n"
         "社区负责人表示，回收站投用三个月来，小区的其他垃圾量下降了近三成，居民参与率明显提高。\n"
         "（责任编辑：李娜）\n"
         "618期间，天猫家居旗舰店推出环保专场，分类垃圾桶低至5折，下单即享包邮，扫码领券再减20元，立即抢购。\n"
         "版权所有 © 2024 城南在线\n",
         5, 7},
        {"城南社區舉辦垃圾分類開放日\n"
         "6月5日上午，城南社區在文化廣場舉辦垃圾分類開放日，兩百多位居民參觀了新建成的分類回收站。\n"
         "工作人員現場演示了廚餘垃圾的處理流程，並向居民發放了分類指南和可降解垃圾袋。\n"
         "社區負責人表示，回收站投用三個月來，小區的其他垃圾量下降了近三成，居民參與率明顯提高。\n"
         "即日起，天貓家居旗艦店推出環保專場，分類垃圾桶低至5折，下單即享包郵，掃碼領券再減20元，立即搶購。\n"
         "責任編輯：李娜\n"
         "版權所有 © 2024 城南在線\n",
         4, 7},
    };
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++) {
        ck_assert_status(scrub_classify_lines(ctx, docs[d].doc, strlen(docs[d].doc), 0), SCRUB_OK);
        ck_assert_uint_eq(scrub_filter_line_count(ctx), docs[d].lines);
        ck_assert_msg(scrub_filter_line_label(ctx, docs[d].ad) == SCRUB_LABEL_AD, "doc %zu: %s (%s)", d,
                      scrub_label_name(scrub_filter_line_label(ctx, docs[d].ad)),
                      scrub_filter_line_reason(ctx, docs[d].ad));
        ck_assert_str_eq(scrub_filter_line_reason(ctx, docs[d].ad), "appended-advert");
        for (size_t i = 1; i < 4; i++)
            ck_assert_msg(scrub_filter_line_kept(ctx, i), "doc %zu line %zu: %s", d, i,
                          scrub_filter_line_reason(ctx, i));
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* The traps of the appended advert: news of a platform's sales (figures
 * of trade), a review's closing prices at a shop, a shopping guide's last
 * paragraph (the article sells too), a pitch in the middle of an article
 * (not where an advert is appended), a plain last paragraph: every line
 * but the title stays content. */
START_TEST(appended_advert_traps)
{
    static const char *const docs[] = {
        "苹果新品首发\n"
        "9月20日，苹果新款手机正式在国内发售，北京三里屯零售店门口一早就排起了长队。\n"
        "排在第一位的是一名大学生，他说自己前一天晚上十点就来到了店门口，只为第一时间拿到新机。\n"
        "据天猫数据显示，开售1小时内苹果天猫旗舰店成交额同比增长超过两倍，不少消费者下单后需要等待两周才能收到货，也有人选择以旧换新或12期免息购买。\n",
        "蘋果新品首發\n"
        "9月20日，蘋果新款手機正式在國內發售，北京三里屯零售店門口一早就排起了長隊。\n"
        "排在第一位的是一名大學生，他說自己前一天晚上十點就來到了店門口，只為第一時間拿到新機。\n"
        "據天貓數據顯示，開售1小時內蘋果天貓旗艦店成交額同比增長超過兩倍，不少消費者下單後需要等待兩週才能收到貨，也有人選擇以舊換新或12期免息購買。\n",
        "降噪耳机评测：续航翻倍\n"
        "这款耳机采用入耳式设计，单只重量只有5克，长时间佩戴也不会觉得耳朵胀痛。\n"
        "降噪方面，在地铁车厢里开启降噪后，列车的轰鸣声几乎听不到，人声也被压低了不少。\n"
        "续航是这代产品最大的进步，单次充电可以连续播放10小时，配合充电盒总续航达到40小时。\n"
        "目前这款耳机在京东的售价为999元，首发时曾直降200元，综合音质和续航来看，这个价格值得购买。\n",
        "618家电选购指南\n"
        "今年618，各大平台的家电促销从5月底就开始了，天猫和京东的旗舰店都推出了满减和以旧换新活动。\n"
        "空调方面，格力天猫旗舰店的一级能效变频空调领券后到手价2999元，下单还送免费安装。\n"
        "冰箱方面，海尔京东自营旗舰店的十字门冰箱直降800元，前1000名下单可享12期免息。\n"
        "最后提醒大家，京东旗舰店的预售商品要先付定金，6月18日零点开始付尾款，记得设好闹钟立即下单抢购。\n",
        "618家電選購指南\n"
        "今年618，各大平台的家電促銷從5月底就開始了，天貓和京東的旗艦店都推出了滿減和以舊換新活動。\n"
        "空調方面，格力天貓旗艦店的一級能效變頻空調領券後到手價2999元，下單還送免費安裝。\n"
        "冰箱方面，海爾京東自營旗艦店的十字門冰箱直降800元，前1000名下單可享12期免息。\n"
        "最後提醒大家，京東旗艦店的預售商品要先付定金，6月18日零點開始付尾款，記得設好鬧鐘立即下單搶購。\n",
        "百年老店月饼线上销售火爆\n"
        "中秋临近，本市多家老字号糕点店的月饼订单比去年同期明显增加，生产线每天要运转十六个小时。\n"
        "一家百年老店今年首次在天猫开设旗舰店，店家在直播间提醒观众立即下单，还发放了优惠券，可享包邮。\n"
        "店长说，线上订单主要来自外地，很多在外工作的年轻人会给家里的老人寄上一盒家乡的月饼。\n"
        "为了保证新鲜，店里采取现做现发的方式，月饼出炉冷却后当天就会包装发货，三天内可以送到。\n"
        "市场监管部门提醒，消费者购买散装月饼时要注意查看生产日期和保质期，不要贪图便宜。\n",
        "台北國際電腦展今日開幕\n"
        "今年的台北國際電腦展今天在南港展覽館開幕，共有一千五百家廠商參展，使用四千五百個攤位。\n"
        "大會表示，今年展覽以人工智慧為主軸，多家晶片大廠都在現場展示新一代處理器與伺服器。\n"
        "展期共四天，預計將吸引超過五萬名來自世界各地的買主與參觀民眾，周邊飯店幾乎全部客滿。\n"};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++) {
        ck_assert_status(scrub_classify_lines(ctx, docs[d], strlen(docs[d]), 0), SCRUB_OK);
        for (size_t i = 1; i < scrub_filter_line_count(ctx); i++)
            ck_assert_msg(scrub_filter_line_label(ctx, i) == SCRUB_LABEL_CONTENT, "doc %zu line %zu: %s (%s)",
                          d, i, scrub_label_name(scrub_filter_line_label(ctx, i)),
                          scrub_filter_line_reason(ctx, i));
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* A paragraph broken into a line per phrase (social-media style), inside
 * an indented body and as its closing paragraph: most lines end in ，、
 * or a sentence's mark; they stay content, not a menu. */
/* issue 6 (filter-residue3): residue an extractor leaves between two
 * paragraphs -- a footer link, a selector, a counter, an edit or lock
 * widget, a promotion in a sentence of its box -- and article lines that
 * hold the same words and stay. */
static const char R3_HEAD[] =
    "City council approves new bike lanes downtown\n"
    "The city council voted on Tuesday to add protected bike lanes along four downtown streets, "
    "a plan that has been debated for two years.\n"
    "Supporters said the lanes would make cycling safer for commuters, while some shop owners "
    "worried about losing parking spaces in front of their stores.\n";
static const char R3_TAIL[] =
    "Construction is expected to begin in the spring and to last about six months, according "
    "to the transportation department.\n"
    "The council will review the first results next autumn before deciding on more streets.\n";

/* R3_HEAD, line, R3_TAIL: is the line (index 3) kept? */
static void expect_between(const char *line, bool kept)
{
    char doc[1024];
    snprintf(doc, sizeof doc, "%s%s\n%s", R3_HEAD, line, R3_TAIL);
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    ck_assert_msg(scrub_filter_line_kept(ctx, 3) == kept, "%s: %s (%s)", line,
                  scrub_label_name(scrub_filter_line_label(ctx, 3)), scrub_filter_line_reason(ctx, 3));
    scrub_ctx_free(ctx);
}

START_TEST(residue3_lexicon)
{
    static const char *const gone[] = {
        "653,817 VIEWS", "Select Language​▼", "Expand Search Form",
        "Advertise", "Trademarks", "Edit", "Unlock and edit anyway", "More about badges | Request a badge",
        "Jane Doe has been editing this post since 4:12 PM.",
        "Find out when the late show is on near you!",
        "Now check your email account on your mobile phone to download your new app.",
        "Facebook Conversations",
        "Notice: The content above (including the pictures and videos if any) is uploaded and "
        "posted by a user of Example Hao, which is a social media platform and only provides "
        "information storage services.",
        "提 交还可输入500字",
        "热门搜索： 转型 综改 旅游",
        "登录超时，稍后再试",
        "科技频道意见反馈留言板",
        "限时特惠",
    };
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++) expect_between(gone[i], false);
    static const char *const stay[] = {
        "Advertise where your readers are",
        "Views from the new bridge",
        "The mayor said she had been editing this post of the plan for weeks before the vote.",
        "Residents can find out when the work starts on the city's website.",
        "Facebook conversations about the lanes turned angry within hours.",
        "The video was uploaded by a user who filmed the crash from a bus.",
        "预约系统上线当天，页面多次提示网络繁忙、请稍后再试，许多市民因此没能在第一时间约到名额。",
        "区政府将根据市民的意见反馈调整这四条自行车道的走向，并在明年春天开工。",
    };
    for (size_t i = 0; i < sizeof stay / sizeof stay[0]; i++) expect_between(stay[i], true);
}
END_TEST

/* A comment's author line: a name, then the date and time it was posted
 * (dated_stamp); an article's sentence that ends with a date and time
 * stays. */
START_TEST(residue3_dated_stamp)
{
    expect_between("Sallie Example (rhymes with sketch) \u00b7 March 10, 2017 at 11:43 PM", false);
    expect_between("往事随风x8pe[网易山东省德州市手机网友]2019-09-07 17:51:44", false);
    expect_between("The council meets again on March 24, 2017 at 6:30 PM.", true);
    expect_between("Results", true);
}
END_TEST

/* A comment or teaser cut to fit its box after the author's name
 * (cut_snippet); a French quote closing with » and a long line ending in
 * an ellipsis stay. */
START_TEST(residue3_cut_snippet)
{
    expect_between("Danny Example: Just tried it, and very clean experience for sure. \u00bb", false);
    expect_between("kenny: really like the new profile photo plu \u00bb", false);
    expect_between("Show Live: Pamela Roe: Persona\u2026", false);
    expect_between("Le maire : \u00ab Nous allons construire ces pistes cyclables \u00bb", true);
    expect_between("Mayor Smith: we will finish the lanes in spring, and then we will see what the next "
                   "council decides about the rest of the city\u2026", true);
}
END_TEST

/* A day's name alone with a possessive (day_possessive), an object
 * replacement character alone and a toolbar row with its font-size
 * buttons; the same words in the article stay. */
START_TEST(residue3_days_and_rows)
{
    expect_between("Monday's", false);
    expect_between("Thursday\u2019s", false);
    expect_between("新浪财经APP 缩小字体 放大字体 收藏 微博 微信 分享", false);
    /* U+FFFC where an image stood is no letter: alone, an artifact */
    expect_between("\xEF\xBF\xBC", false);
    expect_between("The mayor showed the new map \xEF\xBF\xBC to reporters after the vote.", true);
    expect_between("Monday's vote", true);
    expect_between("Monday", true);
    static const char doc[] =
        "手机适老化改造提速\n"
        "　　工信部日前发布通知，要求常用手机应用在年底前完成适老化改造，方便老年人使用。\n"
        "　　视力不好的老人可以在手机设置里放大字体，这样阅读新闻会轻松很多。\n"
        "　　通知还要求应用不得在老年模式中弹出广告，并提供一键求助等功能。\n";
    expect_kept(doc, 2, true);
}
END_TEST

START_TEST(short_clauses)
{
    static const char *const docs[] = {
        "京沪高速下周起封闭施工\n"
        "　　记者从高速公路管理部门获悉，京沪高速江阴大桥段的沥青路面维修工程下周一起进入第二阶段，施工期间将实行全封闭。\n"
        "　　这一阶段的施工，\n"
        "　　对市民出行影响最大，\n"
        "　　因为\n"
        "　　维修路段从收费站往北，\n"
        "　　一直延伸到枢纽互通，\n"
        "　　届时过江车辆需要绕行。\n"
        "　　交警部门提醒，由南往北方向的车辆可以选择汽渡过江，也可以提前规划路线，避开施工区域和高峰时段。\n"
        "　　管理部门表示，施工期间每天将在现场安排人员值守，遇到突发情况会及时疏导车流，确保道路安全。\n"
        "　　施工会给出行带来不便，\n"
        "　　但短暂的维修，\n"
        "　　换来的是更畅通的道路，\n"
        "　　请大家互相转告。\n"
        "来源：江阴日报\n"
        "版权所有 © 2024 江阴在线\n",
        "京滬高速下週起封閉施工\n"
        "　　記者從高速公路管理部門獲悉，京滬高速江陰大橋段的瀝青路面維修工程下週一起進入第二階段，施工期間將實行全封閉。\n"
        "　　這一階段的施工，\n"
        "　　對市民出行影響最大，\n"
        "　　因為\n"
        "　　維修路段從收費站往北，\n"
        "　　一直延伸到樞紐互通，\n"
        "　　屆時過江車輛需要繞行。\n"
        "　　交警部門提醒，由南往北方向的車輛可以選擇汽渡過江，也可以提前規劃路線，避開施工區域和尖峰時段。\n"
        "　　管理部門表示，施工期間每天將在現場安排人員值守，遇到突發情況會及時疏導車流，確保道路安全。\n"
        "　　施工會給出行帶來不便，\n"
        "　　但短暫的維修，\n"
        "　　換來的是更暢通的道路，\n"
        "　　請大家互相轉告。\n"
        "來源：江陰日報\n"
        "版權所有 © 2024 江陰在線\n"};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t d = 0; d < 2; d++) {
        ck_assert_status(scrub_classify_lines(ctx, docs[d], strlen(docs[d]), 0), SCRUB_OK);
        ck_assert_uint_eq(scrub_filter_line_count(ctx), 16);
        for (size_t i = 1; i < 14; i++)
            ck_assert_msg(scrub_filter_line_label(ctx, i) == SCRUB_LABEL_CONTENT, "doc %zu line %zu: %s (%s)",
                          d, i, scrub_label_name(scrub_filter_line_label(ctx, i)),
                          scrub_filter_line_reason(ctx, i));
        ck_assert_int_eq(scrub_filter_line_label(ctx, 14), SCRUB_LABEL_META);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 15), SCRUB_LABEL_FOOTER);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* A strong marker quoted inside an article's sentence (版权所有,
 * 未经授权不得转载, 仅代表作者个人观点) does not make the sentence a notice
 * while the body frames it; the site's own notices above and under the
 * article still go (issue 6, item 4).  _i: 0 Simplified, 1 Traditional. */
static const char *const MARKED_ARTICLE[2] = {
    "（本文来源：XX日报，版权归原作者所有，如有侵权请联系删除）\n"
    "市政府周二投票通过了新的预算，其中包括用于学校和道路建设的资金。\n"
    "该公司在声明中称，这些图片版权所有归原作者，并已向法院提起诉讼，要求对方停止侵权行为并赔偿损失。\n"
    "法院认为，未经授权不得转载的约定在本案中具有约束力，被告应当承担相应的赔偿责任和诉讼费用。\n"
    "他在接受采访时强调，上述看法仅代表作者个人观点，并希望读者结合官方数据独立判断这次改革的效果与风险。\n"
    "市长将于下周在市政厅会议上向公众介绍这一计划的具体内容。\n"
    "本文仅代表作者个人观点，不代表本站立场。\n"
    "凡本网注明“来源：XXX”的作品，均转载自其它媒体，转载目的在于传递更多信息，并不代表本网赞同其观点和对其真实性负责。\n",
    "（本文來源：XX日報，版權歸原作者所有，如有侵權請聯繫刪除）\n"
    "市政府週二投票通過了新的預算，其中包括用於學校和道路建設的資金。\n"
    "該公司在聲明中稱，這些圖片版權所有歸原作者，並已向法院提起訴訟，要求對方停止侵權行為並賠償損失。\n"
    "法院認為，未經授權禁止轉載的約定在本案中具有約束力，被告應當承擔相應的賠償責任和訴訟費用。\n"
    "他在接受採訪時強調，上述看法僅代表作者個人觀點，並希望讀者結合官方數據獨立判斷這次改革的效果與風險。\n"
    "市長將於下週在市政廳會議上向公眾介紹這一計劃的具體內容。\n"
    "本文僅代表作者個人觀點，不代表本站立場。\n"
    "凡本網註明「來源：XXX」的作品，均轉載自其它媒體，轉載目的在於傳遞更多信息，並不代表本網贊同其觀點和對其真實性負責。\n"};

START_TEST(zh_marker_in_body)
{
    static const int want[] = {SCRUB_LABEL_FOOTER,  SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT,
                               SCRUB_LABEL_FOOTER,  SCRUB_LABEL_FOOTER};
    scrub_ctx *ctx = scrub_ctx_new();
    expect_labels(ctx, MARKED_ARTICLE[_i], NULL, 0, want, 8);
    /* without context the marker decides alone, as before */
    ck_assert_status(scrub_classify_lines(ctx, MARKED_ARTICLE[_i], strlen(MARKED_ARTICLE[_i]),
                                          SCRUB_FILTER_NO_CONTEXT),
                     SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_FOOTER);
    scrub_ctx_free(ctx);
}
END_TEST

/* Every category the markers serve, quoted inside a sentence of the body
 * (a feature called 猜你喜欢, a 上一篇 link, 扫一扫, a 发布时间, a 服务热线,
 * a 原标题 after 记者, a weak term of its category; two notice phrases,
 * 免责声明和法律声明): content.  Beside
 * them, a notice in the site's own voice (本站) or giving its account
 * (examplenews) goes even between paragraphs, and a sentence next to a
 * byline is beside boilerplate. */
static const char *const MARKED_CATEGORIES[2] = {
    "市政府周二投票通过了新的预算，其中包括用于学校和道路建设的资金。\n"
    "研究人员发现，平台的猜你喜欢功能会根据用户的浏览记录推送相似内容，引发了不少隐私争议。\n"
    "他说，点开上一篇文章时页面会突然跳转到广告，这种设计让许多老年用户感到非常困惑。\n"
    "警方提醒，市民在公共场所不要随意扫一扫来历不明的链接，以免个人信息被不法分子盗取。\n"
    "该部门表示，今年统计公报的发布时间将比往年推迟两周，以便核实各地上报的数据。\n"
    "如遇紧急情况，市民可拨打服务热线反映问题，相关部门承诺将在两小时内作出回应。\n"
    "记者查阅后发现，这份通报的原标题与后来流传的版本并不相同，部分措辞被人修改过。\n"
    "该公司随后发布了一份免责声明和法律声明，称相关产品的风险由投资者自行承担。\n"
    "许多居民表示对这一决定感到满意，但也有人认为税收将会因此上涨。\n"
    "本站所有图片均来自网络，版权归原作者所有，如有侵权请联系删除。\n"
    "官员们预计工程将在春季开始，并将持续大约两年的时间。\n"
    "更多精彩内容，请扫描下方二维码关注官方微信（examplenews）。\n"
    "市长将于下周在市政厅会议上向公众介绍这一计划的具体内容。\n"
    "责任编辑：张三\n"
    "该报道由多家媒体联合发布，版权所有方为各合作单位，转载需获得各方的书面同意。\n",
    "市政府週二投票通過了新的預算，其中包括用於學校和道路建設的資金。\n"
    "研究人員發現，平台的猜你喜歡功能會根據用戶的瀏覽記錄推送相似內容，引發了不少隱私爭議。\n"
    "他說，點開上一頁時頁面會突然跳轉到廣告，這種設計讓許多老年用戶感到非常困惑。\n"
    "警方提醒，市民在公共場所不要隨意掃一掃來歷不明的連結，以免個人資訊被不法分子盜取。\n"
    "該部門表示，今年統計公報的發布時間將比往年推遲兩週，以便核實各地上報的數據。\n"
    "如遇緊急情況，市民可撥打服務熱線反映問題，相關部門承諾將在兩小時內作出回應。\n"
    "記者查閱後發現，這份通報的原標題與後來流傳的版本並不相同，部分措辭被人修改過。\n"
    "該公司隨後發布了一份免責聲明和法律聲明，稱相關產品的風險由投資者自行承擔。\n"
    "許多居民表示對這一決定感到滿意，但也有人認為稅收將會因此上漲。\n"
    "本站所有圖片均來自網絡，版權歸原作者所有，如有侵權請聯繫刪除。\n"
    "官員們預計工程將在春季開始，並將持續大約兩年的時間。\n"
    "更多精彩內容，請掃描下方二維碼關注官方微信（examplenews）。\n"
    "市長將於下週在市政廳會議上向公眾介紹這一計劃的具體內容。\n"
    "責任編輯：張三\n"
    "該報道由多家媒體聯合發布，版權所有方為各合作單位，轉載需獲得各方的書面同意。\n"};

START_TEST(zh_marker_categories_in_body)
{
    static const int want[] = {
        SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT,
        SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT, SCRUB_LABEL_CONTENT,
        SCRUB_LABEL_CONTENT, SCRUB_LABEL_FOOTER,  SCRUB_LABEL_CONTENT, SCRUB_LABEL_WIDGET,  SCRUB_LABEL_CONTENT,
        SCRUB_LABEL_META,    SCRUB_LABEL_FOOTER};
    scrub_ctx *ctx = scrub_ctx_new();
    expect_labels(ctx, MARKED_CATEGORIES[_i], NULL, 0, want, 15);
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- mechanisms that hold across sites (issue 6, whole pages) ---------- */

/* Under the body's last sentence, a list of linked titles that name
 * figures with their units (Up to 8TB, 512GB) is no spec sheet of the
 * body: a sheet's rows are not links. */
START_TEST(link_list_spec_figures)
{
    static const char *const docs[] = {
        "Home | News | Reviews\n"
        "Next-Gen Platters Promise 80TB Hard Drives\n"
        "As the world's demand for storage continues to grow, so does the need to find the next storage density.\n"
        "The company is the world's largest maker of hard disk platters and has found a way to make them denser.\n"
        "Conventional recording methods reach about one terabit per square inch, but the new platters go further.\n"
        "The first drives with the new platters are expected to reach the market at the end of next year.\n"
        "Further Reading\n"
        "Samsung Launches SSDs in Capacities Up to 8TB\n"
        "A Tiny 512GB USB Stick Goes on Sale\n"
        "Memory Card Spec Promises 4GB/s Transfers\n"
        "A 2TB Drive Briefly Appears for 90 Dollars\n"
        "Copyright 2024 Example Media\n",
        "Startseite | News | Tests\n"
        "Neue Magnetscheiben versprechen Festplatten mit 80TB\n"
        "Weil der Bedarf an Speicher weiter wächst, wird auch die nächste Stufe der Speicherdichte gebraucht.\n"
        "Der Hersteller ist der größte Produzent von Magnetscheiben und hat einen Weg gefunden, sie dichter zu machen.\n"
        "Heutige Verfahren erreichen etwa ein Terabit pro Quadratzoll, die neuen Scheiben sollen deutlich mehr schaffen.\n"
        "Die ersten Laufwerke mit den neuen Scheiben sollen gegen Ende des nächsten Jahres auf den Markt kommen.\n"
        "Speicher und Laufwerke\n"
        "Samsung bringt SSDs mit bis zu 8TB\n"
        "Winziger USB-Stick mit 512GB im Handel\n"
        "Neue Speicherkarten schaffen 4GB/s\n"
        "Laufwerk mit 2TB kurz für 90 Euro zu haben\n"
        "Copyright 2024 Beispielverlag\n"};
    const uint32_t all = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    uint32_t hints[12];
    for (size_t i = 0; i < 12; i++) hints[i] = SCRUB_HINT_IN_MAIN;
    hints[0] = SCRUB_HINT_IN_NAV | all;
    hints[1] |= SCRUB_HINT_HEADING | SCRUB_HINT_TITLE;
    hints[6] |= SCRUB_HINT_HEADING;
    for (size_t i = 7; i < 11; i++) hints[i] |= SCRUB_HINT_LIST_ITEM | all;
    hints[11] = SCRUB_HINT_IN_FOOTER;
    scrub_ctx *ctx = classify_page(docs[_i], hints, 12);
    expect_kept_range(ctx, _i, 2, 6, true);
    expect_kept_range(ctx, _i, 7, 11, false);
    scrub_ctx_free(ctx);
}
END_TEST

/* A page that marks its article up: a sign-in box above the site's menu
 * and a cookie notice under its footer, both sentences outside
 * <article>, are the page's and go; the article's headline above
 * <article> stays.  Without the markup the article's span is unknown and
 * the notice under the footer is not judged by it. */
START_TEST(outside_article)
{
    static const char *const docs[] = {
        "Need to create a login? Want to change your email address or password?\n"
        "Sign in to customer care using your account number or your postal address.\n"
        "Locked out of your account? Subscribers can find more help on the support page.\n"
        "Archive | Sections | Authors | About\n"
        "A Letter on Justice and Open Debate\n"
        "Our cultural institutions are facing a moment of trial, and the protests have accelerated needed reforms.\n"
        "But this needed reckoning has also intensified a new set of moral attitudes and political commitments.\n"
        "The free exchange of information and ideas, the lifeblood of a liberal society, is becoming more constricted.\n"
        "We need to preserve the possibility of good-faith disagreement without dire professional consequences.\n"
        "Editors are fired for running controversial pieces, and books are withdrawn for alleged inauthenticity.\n"
        "Journalists are barred from writing on certain topics, and professors are investigated for quoting works.\n"
        "Whatever the arguments around each particular incident, the result has been to narrow the boundaries of debate.\n"
        "The way to defeat bad ideas is by exposure, argument and persuasion, not by trying to silence them.\n"
        "Copyright 2024 Example Magazine\n"
        "These cookies help us to understand how visitors use the website by collecting information anonymously.\n",
        "Sie haben noch kein Konto? Möchten Sie Ihre E-Mail-Adresse oder Ihr Passwort ändern?\n"
        "Melden Sie sich mit Ihrer Kundennummer oder Ihrer Postanschrift beim Kundendienst an.\n"
        "Sie kommen nicht mehr in Ihr Konto? Abonnenten finden weitere Hilfe auf der Hilfeseite.\n"
        "Archiv | Rubriken | Autoren | Über uns\n"
        "Ein Brief über Gerechtigkeit und offene Debatte\n"
        "Unsere kulturellen Einrichtungen stehen vor einer Bewährungsprobe, und die Proteste haben nötige Reformen beschleunigt.\n"
        "Doch diese nötige Abrechnung hat auch eine neue Reihe moralischer Haltungen und politischer Bindungen verstärkt.\n"
        "Der freie Austausch von Informationen und Ideen, das Lebenselixier einer liberalen Gesellschaft, wird enger.\n"
        "Wir müssen die Möglichkeit bewahren, in gutem Glauben zu widersprechen, ohne um die eigene Stelle zu fürchten.\n"
        "Redakteure werden entlassen, weil sie umstrittene Texte gedruckt haben, und Bücher werden zurückgezogen.\n"
        "Journalisten dürfen über manche Themen nicht mehr schreiben, und Professoren werden wegen Zitaten überprüft.\n"
        "Was immer man über den einzelnen Fall denkt, das Ergebnis ist, dass die Grenzen der Debatte enger werden.\n"
        "Schlechte Ideen besiegt man, indem man sie zeigt, widerlegt und andere überzeugt, nicht indem man sie verbietet.\n"
        "Copyright 2024 Beispielmagazin\n"
        "Diese Cookies helfen uns zu verstehen, wie Besucher die Website nutzen, indem sie anonym Daten sammeln.\n"};
    const uint32_t all = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    uint32_t hints[15] = {SCRUB_HINT_IN_HEADER, SCRUB_HINT_IN_HEADER, SCRUB_HINT_IN_HEADER,
                          SCRUB_HINT_IN_NAV | all, SCRUB_HINT_HEADING | SCRUB_HINT_TITLE};
    for (size_t i = 5; i < 13; i++) hints[i] = SCRUB_HINT_IN_MAIN;
    hints[13] = SCRUB_HINT_IN_FOOTER;
    scrub_ctx *ctx = classify_page(docs[_i], hints, 15);
    expect_kept_range(ctx, _i, 1, 4, false);
    expect_kept_range(ctx, _i, 4, 13, true);
    expect_kept_range(ctx, _i, 13, 15, false);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 14), "outside-article");
    scrub_ctx_free(ctx);
    /* no <main>, no <article>: the notice is no article's outside */
    for (size_t i = 5; i < 13; i++) hints[i] = 0;
    ctx = classify_page(docs[_i], hints, 15);
    ck_assert_str_ne(scrub_filter_line_reason(ctx, 14), "outside-article");
    scrub_ctx_free(ctx);
}
END_TEST

/* A site that sets the last paragraphs of its article, and the section
 * title above them, in a sibling of <article>: they go on from the
 * article's last sentence with nothing between, so they are its, not an
 * outside sentence; the copyright line ends the walk, and the cookie
 * notice under it is still the page's.  The sales line above the
 * headline (inside <article>) is no part of the article either. */
START_TEST(article_edge)
{
    static const char *const docs[] = {
        "Home | News | Sport | Culture | Contact\n"
        "Subscribers can read every story in our app and get the morning briefing by email.\n"
        "A Small Town Votes to Keep Its Last Library Open\n"
        "The council of Millbrook voted on Tuesday night to keep the town's only library open for another five years.\n"
        "The decision came after a petition signed by more than two thousand residents reached the mayor's office.\n"
        "Librarians had warned that closing the building would leave schoolchildren without a quiet place to study.\n"
        "The library will share its building with the town's job centre, which moves in from a rented office.\n"
        "Opponents of the plan argued that the money would be better spent on repairing the roads around the school.\n"
        "The mayor said the vote showed how much the residents of Millbrook valued a place where anyone may read.\n"
        "Last year the library lent more than forty thousand books, most of them to readers under the age of twelve.\n"
        "Its reading room also hosts a weekly class for older residents who want to learn to use a computer.\n"
        "What happens next\n"
        "The council will review the budget again in the spring, when the cost of heating the building is known.\n"
        "Volunteers have offered to run a Saturday reading club for younger children until new staff are hired.\n"
        "Copyright 2026 Example Gazette\n"
        "These cookies help us to understand how visitors use the website by collecting information anonymously.\n",
        "Startseite | Nachrichten | Sport | Kultur | Kontakt\n"
        "Abonnenten lesen jeden Artikel in unserer App und bekommen den Morgenüberblick per E-Mail.\n"
        "Eine Kleinstadt stimmt für den Erhalt ihrer letzten Bibliothek\n"
        "Der Gemeinderat von Mühlbach hat am Dienstagabend beschlossen, die einzige Bibliothek fünf weitere Jahre zu öffnen.\n"
        "Dem Beschluss ging eine Petition voraus, die mehr als zweitausend Einwohner unterschrieben hatten.\n"
        "Die Bibliothekarinnen hatten gewarnt, dass Schulkinder ohne das Haus keinen ruhigen Ort zum Lernen mehr hätten.\n"
        "Die Bibliothek teilt sich das Gebäude künftig mit dem Jobcenter, das aus einem gemieteten Büro einzieht.\n"
        "Gegner des Plans meinten, das Geld sei besser in die Reparatur der Straßen rund um die Schule investiert.\n"
        "Der Bürgermeister sagte, die Abstimmung zeige, wie sehr die Menschen in Mühlbach einen Ort zum Lesen schätzen.\n"
        "Im vergangenen Jahr hat die Bibliothek mehr als vierzigtausend Bücher verliehen, die meisten an Kinder unter zwölf.\n"
        "Im Lesesaal findet außerdem jede Woche ein Kurs für ältere Menschen statt, die den Computer kennenlernen wollen.\n"
        "Wie es weitergeht\n"
        "Der Gemeinderat wird den Haushalt im Frühjahr erneut prüfen, wenn die Heizkosten für das Gebäude bekannt sind.\n"
        "Freiwillige haben angeboten, samstags einen Leseclub für jüngere Kinder zu leiten, bis neues Personal kommt.\n"
        "Copyright 2026 Beispielzeitung\n"
        "Diese Cookies helfen uns zu verstehen, wie Besucher die Website nutzen, indem sie anonym Daten sammeln.\n"};
    const uint32_t all = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    uint32_t hints[16] = {SCRUB_HINT_IN_NAV | all, 0,
                          SCRUB_HINT_HEADING | SCRUB_HINT_TITLE | SCRUB_HINT_IN_MAIN};
    for (size_t i = 3; i < 11; i++) hints[i] = SCRUB_HINT_IN_MAIN | SCRUB_HINT_IN_CANDIDATE;
    hints[11] = SCRUB_HINT_HEADING;
    hints[14] = SCRUB_HINT_IN_FOOTER;
    scrub_ctx *ctx = classify_page(docs[_i], hints, 16);
    expect_kept_range(ctx, _i, 0, 2, false);
    expect_kept_range(ctx, _i, 2, 14, true);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 11), SCRUB_LABEL_HEADING);
    expect_kept_range(ctx, _i, 14, 16, false);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 15), "outside-article");
    scrub_ctx_free(ctx);
}
END_TEST

/* A whole page whose article block opens with a short sentence in a list
 * item (a picture's caption, a dek) between the headline and the first
 * paragraph: nothing separates it from either, so it is the article's,
 * not chrome above the body; the menu over the headline is still the
 * page's. */
START_TEST(dek_under_title)
{
    static const char *const docs[] = {
        "Home | Research | Practice | Law | Contact\n"
        "Walking the Dog Keeps Expectant Mothers Moving\n"
        "Expectant dog owners walk more often.\n"
        "Physical activity during pregnancy is good for the health of both mother and child, and midwives are asked to encourage it.\n"
        "The cohort study followed more than two thousand women in two countries over a period of three years.\n"
        "The women who owned a dog walked briskly at least once a week far more often than the others did.\n"
        "The authors conclude that midwives should ask about daily habits and suggest walks that fit into them.\n"
        "Copyright 2026 Example Journal\n",
        "Startseite | Forschung | Praxis | Recht | Kontakt\n"
        "Mit dem Hund in Bewegung durch die Schwangerschaft\n"
        "Schwangere mit Hund bewegen sich mehr.\n"
        "Körperliche Aktivität in der Schwangerschaft tut Mutter und Kind gut, und Hebammen sollen sie deshalb fördern.\n"
        "Die Kohortenstudie begleitete mehr als zweitausend Frauen in zwei Ländern über einen Zeitraum von drei Jahren.\n"
        "Frauen mit Hund gingen deutlich häufiger mindestens einmal pro Woche zügig spazieren als die anderen.\n"
        "Die Autorinnen folgern, dass Hebammen nach den täglichen Gewohnheiten fragen und passende Spaziergänge anregen sollten.\n"
        "Copyright 2026 Beispielzeitschrift\n"};
    const uint32_t all = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    const uint32_t cand = SCRUB_HINT_IN_CANDIDATE;
    const uint32_t hints[8] = {SCRUB_HINT_IN_NAV | all, SCRUB_HINT_HEADING | SCRUB_HINT_TITLE,
                               SCRUB_HINT_LIST_ITEM | cand, cand, cand, cand, cand,
                               SCRUB_HINT_IN_FOOTER};
    scrub_ctx *ctx = classify_page(docs[_i], hints, 8);
    expect_kept_range(ctx, _i, 0, 1, false);
    expect_kept_range(ctx, _i, 1, 7, true);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 2), SCRUB_LABEL_HEADING);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 2), "dek");
    expect_kept_range(ctx, _i, 7, 8, false);
    scrub_ctx_free(ctx);
}
END_TEST

/* The head of an article outside the html stage's guess: a kicker right
 * over the headline that the lead names again (a study's name), and a
 * dek in lower case without a full stop between the headline's comment
 * counter and the byline.  Both are the article's; the menu over the
 * kicker and the footer are not. */
START_TEST(kicker_and_dek)
{
    static const char *const docs[] = {
        "Home | Health | Science | Contact\n"
        "Animal Assisted Therapy\n"
        "Dogs on the Ward Calm Patients Before Surgery\n"
        "12 comments\n"
        "a short visit from a trained dog lowers the stress of waiting\n"
        "By Jane Miller, March 3, 2026\n"
        "A hospital in the north of the country has tested animal assisted therapy on patients waiting for an operation.\n"
        "Patients who spent ten minutes with a dog reported far less fear than those who waited alone in their rooms.\n"
        "The nurses say the visits also make the long mornings on the ward easier for the staff who care for them.\n"
        "The hospital now plans to offer the visits to children on the surgical ward from the autumn onwards.\n"
        "Copyright 2026 Example Health News\n",
        "Startseite | Gesundheit | Wissenschaft | Kontakt\n"
        "Tiergestützte Therapie\n"
        "Hunde auf der Station beruhigen Patienten vor der Operation\n"
        "12 Kommentare\n"
        "ein kurzer Besuch eines ausgebildeten Hundes senkt den Stress des Wartens\n"
        "Von Jana Müller, 03.03.2026\n"
        "Ein Krankenhaus im Norden des Landes hat tiergestützte Therapie bei Patienten vor einer Operation erprobt.\n"
        "Patienten, die zehn Minuten mit einem Hund verbrachten, hatten deutlich weniger Angst als allein wartende.\n"
        "Die Pflegekräfte sagen, die Besuche machten auch die langen Vormittage auf der Station leichter für alle.\n"
        "Das Krankenhaus will die Besuche ab dem Herbst auch den Kindern auf der chirurgischen Station anbieten.\n"
        "Copyright 2026 Beispiel Gesundheitsnachrichten\n"};
    const uint32_t all = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    const uint32_t cand = SCRUB_HINT_IN_CANDIDATE;
    const uint32_t hints[11] = {SCRUB_HINT_IN_NAV | all, 0, SCRUB_HINT_HEADING | SCRUB_HINT_TITLE,
                                SCRUB_HINT_CLASS_COMMENT | all, 0, 0, cand, cand, cand, cand,
                                SCRUB_HINT_IN_FOOTER};
    scrub_ctx *ctx = classify_page(docs[_i], hints, 11);
    expect_kept_range(ctx, _i, 0, 1, false);
    expect_kept_range(ctx, _i, 1, 3, true);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 1), "kicker");
    ck_assert_int_eq(scrub_filter_line_label(ctx, 1), SCRUB_LABEL_HEADING);
    expect_kept_range(ctx, _i, 3, 4, false);
    expect_kept_range(ctx, _i, 4, 5, true);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 4), "dek");
    expect_kept_range(ctx, _i, 5, 6, false);
    expect_kept_range(ctx, _i, 6, 10, true);
    expect_kept_range(ctx, _i, 10, 11, false);
    scrub_ctx_free(ctx);
}
END_TEST

/* A whole page with no <main> the filter trusts alone: the html stage's
 * guess at the article's block holds the body and, between its
 * sentences, an embedded post under a sidebar class (a tweet, a quoted
 * statement).  Those sentences are the article's; a teaser under the
 * block's last sentence, in the same class, is not, and neither are the
 * same sentences when the block does not hold them. */
START_TEST(candidate_sentences)
{
    static const char *const docs[] = {
        "Home | Politics | Economy | Sports\n"
        "Congress Delays the Vote on the Rental Law\n"
        "The lower house postponed on Tuesday the vote on the new rental law until next week.\n"
        "The opposition had asked for a special session to debate the bill before the recess.\n"
        "The ruling party called its own session one hour earlier to block that request.\n"
        "One deputy wrote on social media about the maneuver that evening.\n"
        "It is a crude maneuver to keep Congress paralysed and to avoid more transparency.\n"
        "We will not give them the quorum they need for this session.\n"
        "The committee chair said the bill would return to the floor after the holidays.\n"
        "Landlords and tenants' groups both criticised the new delay in separate statements.\n"
        "Analysts expect the final vote to take place in the first week of next month.\n"
        "Read how the new budget will change the taxes you pay next year.\n"
        "Copyright 2024 Example News\n",
        "Startseite | Politik | Wirtschaft | Sport\n"
        "Bundestag vertagt die Abstimmung über das Mietgesetz\n"
        "Der Bundestag hat am Dienstag die Abstimmung über das neue Mietgesetz auf nächste Woche verschoben.\n"
        "Die Opposition hatte eine Sondersitzung verlangt, um das Gesetz vor der Pause zu beraten.\n"
        "Die Regierungsfraktion setzte ihre eigene Sitzung eine Stunde früher an, um das zu verhindern.\n"
        "Eine Abgeordnete schrieb am Abend in den sozialen Medien über das Manöver.\n"
        "Das ist ein plumpes Manöver, um das Parlament zu lähmen und mehr Transparenz zu verhindern.\n"
        "Wir werden ihnen die Mehrheit für diese Sitzung nicht geben.\n"
        "Die Ausschussvorsitzende sagte, das Gesetz komme nach den Feiertagen wieder ins Plenum.\n"
        "Vermieter und Mieterverbände kritisierten die neue Verzögerung in getrennten Erklärungen.\n"
        "Beobachter erwarten die endgültige Abstimmung in der ersten Woche des nächsten Monats.\n"
        "Lesen Sie, wie der neue Haushalt die Steuern im nächsten Jahr verändern wird.\n"
        "Copyright 2024 Beispielzeitung\n"};
    uint32_t hints[13];
    article_guess_hints(hints, 13);
    hints[6] |= SCRUB_HINT_CLASS_RELATED;
    hints[7] |= SCRUB_HINT_CLASS_RELATED;
    hints[11] |= SCRUB_HINT_CLASS_RELATED;
    scrub_ctx *ctx = classify_page(docs[_i], hints, 13);
    expect_kept_range(ctx, _i, 1, 11, true);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 6), "in-candidate");
    expect_kept_range(ctx, _i, 11, 13, false);
    scrub_ctx_free(ctx);
    /* the block is guessed elsewhere: the embedded lines stay out */
    for (size_t i = 2; i < 12; i++) hints[i] &= ~SCRUB_HINT_IN_CANDIDATE;
    ctx = classify_page(docs[_i], hints, 13);
    expect_kept_range(ctx, _i, 6, 8, false);
    scrub_ctx_free(ctx);
}
END_TEST

/* A site wraps the last part of its article in a container whose class
 * reads as an ad's.  The long paragraph there passes (apply_hint leaves
 * a sentence of 40 words to the body); its two shorter neighbours fall
 * to the class, too few for candidate_fallback to ask again.  A box
 * that holds a paragraph the body kept is no advert: its sentences are
 * the article's.  The same two short lines in the class without the
 * paragraph stay out. */
/* The town library's opening (English, German): a long paragraph in the
 * last part, two short lines under it, the footer. */
static const char *const library_docs[] = {
    "Home | News | Sport | Culture\n"
    "The Town Library Opens Its New Reading Hall\n"
    "The town library opened its new reading hall on Saturday after two years of building work.\n"
    "The hall has room for two hundred readers and a separate corner for children and their parents.\n"
    "The architects kept the old brick walls and added large windows facing the river and the park.\n"
    "The library director said the number of visitors had doubled since the temporary rooms closed.\n"
    "Local schools have already booked regular visits for their classes from the autumn onwards.\n"
    "The town council paid most of the costs, and a regional fund covered the rest of the bill.\n"
    "Several residents donated old books and maps of the town that will be shown in the entrance.\n"
    "The opening ceremony ended with a reading by a writer who grew up in the neighbourhood.\n"
    "In the coming months the library plans evening courses on local history, a weekly club for young readers, a series of talks with authors from the region and a small exhibition of photographs that show how the river banks looked before the first bridge was built.\n"
    "The hall is open every day except Monday.\n"
    "Entry stays free for all residents of the town.\n"
    "Copyright 2024 Example Town News\n",
    "Startseite | Nachrichten | Sport | Kultur\n"
    "Die Stadtbibliothek eröffnet ihren neuen Lesesaal\n"
    "Nach zwei Jahren Bauzeit hat die Bibliothek der Stadt den neuen Saal für ihre Leser eröffnet.\n"
    "Der Saal bietet Platz für zweihundert Leser und eine eigene Ecke für Kinder und ihre Eltern.\n"
    "Die Architekten haben die alten Backsteinmauern erhalten und große Fenster zum Fluss eingebaut.\n"
    "Die Leiterin der Bibliothek sagte, die Zahl der Besucher habe sich seit dem Umzug verdoppelt.\n"
    "Die Schulen der Stadt haben schon ab dem Herbst regelmäßige Besuche für ihre Klassen gebucht.\n"
    "Die Stadt hat den größten Teil der Kosten getragen, den Rest zahlte ein Fonds der Region.\n"
    "Mehrere Bürger haben alte Bücher und Karten der Stadt gespendet, die im Eingang gezeigt werden.\n"
    "Die Eröffnung endete mit einer Lesung einer Schriftstellerin, die im Viertel aufgewachsen ist.\n"
    "In den nächsten Monaten plant die Bibliothek Abendkurse zur Geschichte der Stadt, einen wöchentlichen Club für junge Leser, eine Reihe von Gesprächen mit Autoren aus der Region und eine kleine Ausstellung mit Fotografien, die zeigen, wie die Ufer des Flusses vor dem Bau der ersten Brücke aussahen.\n"
    "Der Saal ist jeden Tag außer Montag geöffnet.\n"
    "Der Eintritt bleibt für alle Bürger der Stadt frei.\n"
    "Copyright 2024 Beispielstadt Nachrichten\n"};

START_TEST(boxed_prose)
{
    const char *const *docs = library_docs;
    uint32_t hints[14];
    article_guess_hints(hints, 14);
    for (size_t i = 10; i < 13; i++) hints[i] |= SCRUB_HINT_CLASS_AD;
    scrub_ctx *ctx = classify_page(docs[_i], hints, 14);
    expect_kept_range(ctx, _i, 1, 13, true);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 11), "boxed-prose");
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 12), "boxed-prose");
    expect_kept_range(ctx, _i, 13, 14, false);
    scrub_ctx_free(ctx);
    /* the paragraph outside the box: the two short lines are all it holds */
    hints[10] &= ~SCRUB_HINT_CLASS_AD;
    ctx = classify_page(docs[_i], hints, 14);
    expect_kept_range(ctx, _i, 11, 13, false);
    scrub_ctx_free(ctx);
}
END_TEST

/* Any class that reads as a box (a share bar's, a sidebar's, a menu's, a
 * comment's, a footer's) over the article's last paragraphs: the box
 * holds a paragraph the body kept, so its short lines are the article's
 * as under an ad's class.  A comment's or a footer's class must go on
 * from the body's own sentence: after a line of the body in a share bar
 * (a box between them) its lines stay out. */
START_TEST(boxed_any_class)
{
    static const uint32_t classes[] = {SCRUB_HINT_CLASS_SHARE, SCRUB_HINT_CLASS_SIDEBAR,
                                       SCRUB_HINT_IN_ASIDE,    SCRUB_HINT_CLASS_NAV,
                                       SCRUB_HINT_CLASS_COMMENT, SCRUB_HINT_CLASS_FOOTER};
    for (size_t d = 0; d < 2; d++) {
        for (size_t c = 0; c < sizeof classes / sizeof classes[0]; c++) {
            uint32_t hints[14];
            article_guess_hints(hints, 14);
            for (size_t i = 10; i < 13; i++) hints[i] |= classes[c];
            scrub_ctx *ctx = classify_page(library_docs[d], hints, 14);
            expect_kept_range(ctx, (int)d, 1, 13, true);
            ck_assert_str_eq(scrub_filter_line_reason(ctx, 11), "boxed-prose");
            expect_kept_range(ctx, (int)d, 13, 14, false);
            scrub_ctx_free(ctx);
        }
        for (size_t c = 4; c < 6; c++) {
            uint32_t hints[14];
            article_guess_hints(hints, 14);
            hints[9] |= SCRUB_HINT_CLASS_SHARE;
            for (size_t i = 10; i < 13; i++) hints[i] |= classes[c];
            scrub_ctx *ctx = classify_page(library_docs[d], hints, 14);
            expect_kept_range(ctx, (int)d, 11, 13, false);
            scrub_ctx_free(ctx);
        }
    }
}
END_TEST

/* The article's last paragraphs and the readers' thread under one
 * comment class: the paragraphs go on from the body and come back; the
 * thread's heading ends the run, and a reader's short sentence under it
 * stays out. */
START_TEST(boxed_thread_mark)
{
    static const char *const docs[] = {
        "Home | News | Sport | Culture\n"
        "The Town Library Opens Its New Reading Hall\n"
        "The town library opened its new reading hall on Saturday after two years of building work.\n"
        "The hall has room for two hundred readers and a separate corner for children and their parents.\n"
        "The architects kept the old brick walls and added large windows facing the river and the park.\n"
        "The library director said the number of visitors had doubled since the temporary rooms closed.\n"
        "Local schools have already booked regular visits for their classes from the autumn onwards.\n"
        "The town council paid most of the costs, and a regional fund covered the rest of the bill.\n"
        "Several residents donated old books and maps of the town that will be shown in the entrance.\n"
        "In the coming months the library plans evening courses on local history, a weekly club for young readers, a series of talks with authors from the region and a small exhibition of photographs that show how the river banks looked before the first bridge was built.\n"
        "The hall is open every day except Monday.\n"
        "2 Comments\n"
        "What a lovely place for our children to spend the winter.\n"
        "Reply\n"
        "Copyright 2024 Example Town News\n",
        "Startseite | Nachrichten | Sport | Kultur\n"
        "Die Stadtbibliothek eröffnet ihren neuen Lesesaal\n"
        "Nach zwei Jahren Bauzeit hat die Bibliothek der Stadt den neuen Saal für ihre Leser eröffnet.\n"
        "Der Saal bietet Platz für zweihundert Leser und eine eigene Ecke für Kinder und ihre Eltern.\n"
        "Die Architekten haben die alten Backsteinmauern erhalten und große Fenster zum Fluss eingebaut.\n"
        "Die Leiterin der Bibliothek sagte, die Zahl der Besucher habe sich seit dem Umzug verdoppelt.\n"
        "Die Schulen der Stadt haben schon ab dem Herbst regelmäßige Besuche für ihre Klassen gebucht.\n"
        "Die Stadt hat den größten Teil der Kosten getragen, den Rest zahlte ein Fonds der Region.\n"
        "Mehrere Bürger haben alte Bücher und Karten der Stadt gespendet, die im Eingang gezeigt werden.\n"
        "In den nächsten Monaten plant die Bibliothek Abendkurse zur Geschichte der Stadt, einen wöchentlichen Club für junge Leser, eine Reihe von Gesprächen mit Autoren aus der Region und eine kleine Ausstellung mit Fotografien, die zeigen, wie die Ufer des Flusses vor dem Bau der ersten Brücke aussahen.\n"
        "Der Saal ist jeden Tag außer Montag geöffnet.\n"
        "2 Kommentare\n"
        "Was für ein schöner Ort für unsere Kinder im Winter.\n"
        "Antworten\n"
        "Copyright 2024 Beispielstadt Nachrichten\n"};
    uint32_t hints[15];
    article_guess_hints(hints, 15);
    for (size_t i = 9; i < 14; i++) hints[i] |= SCRUB_HINT_CLASS_COMMENT;
    scrub_ctx *ctx = classify_page(docs[_i], hints, 15);
    expect_kept_range(ctx, _i, 1, 11, true);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 10), "boxed-prose");
    expect_kept_range(ctx, _i, 11, 15, false);
    scrub_ctx_free(ctx);
}
END_TEST

/* Sites that link their headings (the headline to its permalink, a
 * section title to its anchor) still have them read as the article's
 * when sentences stand under them (own_headings): the last section's
 * linked title over its one long paragraph stays with the body; a run
 * of linked headings with one short sentence each after the article (a
 * teaser list) stays out. */
START_TEST(linked_headings)
{
    static const char *const docs[] = {
        "Home | News | Sport | Culture\n"
        "The River Bridge Reopens After Repairs\n"
        "The old river bridge reopened to traffic on Monday after eight months of repair work.\n"
        "Engineers replaced the rusted steel beams and laid a new surface for cars, bikes and walkers.\n"
        "The new surface is quieter, and the lamps along the footpath now use far less power than before.\n"
        "Cyclists get their own lane on both sides, separated from the cars by a low concrete kerb.\n"
        "The bridge will close again for one night in June so that the last lamps can be tested.\n"
        "How the work was paid for\n"
        "The town paid for half of the work, and the region covered the other half from its road fund, which the council had asked for two years ago when the first cracks in the old beams were found by the inspectors and the heavy lorries were sent on a long detour through the villages.\n"
        "More from the town\n"
        "New Market Hall Plans Shown to Residents\n"
        "The council showed its plans for a new market hall near the station on Tuesday evening.\n"
        "School Choir Wins the Regional Prize\n"
        "The school choir won first prize at the regional festival in the capital on Sunday.\n"
        "Copyright 2024 Example Town News\n",
        "Start | Nachrichten | Sport | Kultur\n"
        "Die Flussbrücke ist nach der Sanierung wieder offen\n"
        "Die alte Flussbrücke ist seit Montag nach acht Monaten Bauzeit wieder für den Verkehr frei.\n"
        "Die Ingenieure haben die rostigen Stahlträger ersetzt und einen neuen Belag aufgebracht.\n"
        "Der neue Belag ist leiser, und die Lampen am Fußweg brauchen viel weniger Strom als vorher.\n"
        "Radfahrer bekommen auf beiden Seiten eine eigene Spur, durch einen niedrigen Bordstein getrennt.\n"
        "Im Juni wird die Brücke noch einmal für eine Nacht gesperrt, damit die letzten Lampen geprüft werden.\n"
        "Wer die Arbeiten bezahlt hat\n"
        "Die Stadt hat die Hälfte der Kosten getragen, die andere Hälfte kam aus dem Straßenfonds der Region, den der Stadtrat schon vor zwei Jahren beantragt hatte, als die Prüfer die ersten Risse in den alten Trägern fanden und die schweren Lastwagen auf einen langen Umweg durch die Dörfer geschickt wurden.\n"
        "Mehr aus der Stadt\n"
        "Pläne für die neue Markthalle vorgestellt\n"
        "Der Stadtrat hat am Dienstagabend seine Pläne für eine neue Markthalle am Bahnhof gezeigt.\n"
        "Schulchor gewinnt den Preis der Region\n"
        "Der Schulchor hat am Sonntag beim Festival der Region in der Hauptstadt den ersten Preis gewonnen.\n"
        "Copyright 2024 Nachrichten aus der Stadt\n"};
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    uint32_t hints[15];
    article_guess_hints(hints, 15);
    hints[1] |= link;
    hints[7] |= SCRUB_HINT_HEADING | link;
    hints[9] = SCRUB_HINT_HEADING;
    hints[10] = hints[12] = SCRUB_HINT_HEADING | link;
    hints[11] = hints[13] = 0;
    scrub_ctx *ctx = classify_page(docs[_i], hints, 15);
    expect_body_heading(ctx, _i, 1, 7, 9, 15);
    scrub_ctx_free(ctx);
}
END_TEST

/* The town library's page with a box over its middle (English, French):
 * the menu, the headline, three short paragraphs and a long one, the
 * box's lines, the director's long paragraph, an optional line after it,
 * two short paragraphs and the copyright.  Writes the page into doc and
 * returns its line count. */
static const char *const library_box_head[2][6] = {
    {"Home | News | Sport | Culture", "The Town Library Opens Its New Reading Hall",
     "The town library opened its new reading hall on Saturday after two years of building work.",
     "The hall has room for two hundred readers and a separate corner for children and their parents.",
     "The architects kept the old brick walls and added large windows facing the river and the park.",
     "In the coming months the library plans evening courses on local history, a weekly club for young readers, a series of talks with authors from the region and a small exhibition of old photographs that show how the river banks and the market square looked before the first bridge was built."},
    {"Accueil | Actualités | Sport | Culture",
     "La bibliothèque de la ville ouvre sa nouvelle salle de lecture",
     "La bibliothèque de la ville a ouvert samedi sa nouvelle salle après deux ans de travaux.",
     "La salle accueille deux cents lecteurs et offre un coin à part pour les enfants et leurs parents.",
     "Les architectes ont gardé les vieux murs de brique et ajouté de grandes fenêtres sur la rivière.",
     "Dans les mois qui viennent, la bibliothèque prévoit des cours du soir sur l'histoire locale, un club hebdomadaire pour les jeunes lecteurs, des rencontres avec des auteurs de la région et une petite exposition de vieilles photographies qui montrent les bords de la rivière et la place du marché avant la construction du premier pont."}};
static const char *const library_box_director[2] = {
    "The library director said the number of visitors had doubled since the temporary rooms closed in spring, and that the schools of the town have already booked regular visits for the autumn, when the reading club for young people and the evening courses on the history of the town start again.",
    "La directrice de la bibliothèque a dit que le nombre de visiteurs avait doublé depuis la fermeture des salles provisoires au printemps, et que les écoles de la ville ont déjà réservé des visites pour l'automne, quand le club des jeunes lecteurs et les cours du soir sur l'histoire de la ville reprendront."};
static const char *const library_box_tail[2][3] = {
    {"The town council paid most of the costs, and a regional fund covered the rest of the bill.",
     "Several residents donated old books and maps of the town that will be shown in the entrance.",
     "Copyright 2024 Example Town News"},
    {"La mairie a payé la plus grande partie des travaux, et un fonds régional a couvert le reste.",
     "Plusieurs habitants ont donné de vieux livres et des cartes de la ville, montrés à l'entrée.",
     "Copyright 2024 Nouvelles de la ville"}};

/* A page of count lines (each line a string of lines[]): a linked menu
 * in <nav> above line nav_end, the body's lines with the hints body up
 * to foot_start, a linked footer below; doc (cap bytes) gets the text,
 * hints one value a line.  The fact-block fixtures change single lines'
 * hints afterwards. */
static void framed_page(char *doc, size_t cap, uint32_t *hints, const char *const *lines,
                        size_t count, size_t nav_end, size_t foot_start, uint32_t body)
{
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    size_t n = 0;
    for (size_t k = 0; k < count; k++) {
        n += (size_t)snprintf(doc + n, cap - n, "%s\n", lines[k]);
        hints[k] = k < nav_end      ? SCRUB_HINT_IN_NAV | link
                   : k < foot_start ? body
                                    : SCRUB_HINT_IN_FOOTER | link;
    }
}

/* The fact-block fixtures' page: framed_page's frame, line `heading` the
 * title (heading_hints added to its hints) and, when `linked`, lines
 * [link_from, link_to) all of anchor text (the facts as a menu). */
typedef struct {
    size_t count, nav_end, foot_start;
    uint32_t body;
    size_t heading;
    uint32_t heading_hints;
    size_t link_from, link_to;
} framed_shape;

static scrub_ctx *classify_framed(const char *const *lines, const framed_shape *shape, bool linked)
{
    char doc[4096];
    uint32_t hints[32];
    ck_assert_uint_le(shape->count, 32);
    framed_page(doc, sizeof doc, hints, lines, shape->count, shape->nav_end, shape->foot_start,
                shape->body);
    hints[shape->heading] |= shape->heading_hints;
    for (size_t k = shape->link_from; k < shape->link_to && linked; k++)
        hints[k] |= 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    return classify_page(doc, hints, shape->count);
}

static size_t library_box_page(char *doc, size_t cap, int lang, const char *const *box, size_t nbox,
                               const char *after_director)
{
    size_t n = 0, lines = 0;
#define PUT(s) (n += (size_t)snprintf(doc + n, cap - n, "%s\n", (s)), lines++)
    for (size_t k = 0; k < 6; k++) PUT(library_box_head[lang][k]);
    for (size_t k = 0; k < nbox; k++) PUT(box[k]);
    PUT(library_box_director[lang]);
    if (after_director) PUT(after_director);
    for (size_t k = 0; k < 3; k++) PUT(library_box_tail[lang][k]);
#undef PUT
    ck_assert_uint_lt(n, cap);
    return lines;
}

/* In a box boxed_prose proved to hold the article (a related class over
 * its middle), the section heading and the list items between the box's
 * paragraphs come back (`boxed-line`); a short line after the box's last
 * paragraph, its pitch, stays out. */
START_TEST(boxed_lines)
{
    static const char *const box[2][3] = {
        {"What the new hall offers", "Quiet desks along the windows",
         "A reading corner for small children"},
        {"Ce que propose la nouvelle salle", "Des tables calmes le long des fenêtres",
         "Un coin de lecture pour les petits"}};
    static const char *const pitch[2] = {"Our weekly letter on the town",
                                         "Notre lettre de la semaine sur la ville"};
    char doc[4096];
    ck_assert_uint_eq(library_box_page(doc, sizeof doc, _i, box[_i], 3, pitch[_i]), 14);
    uint32_t hints[14];
    article_guess_hints(hints, 14);
    for (size_t i = 5; i < 11; i++) hints[i] |= SCRUB_HINT_CLASS_RELATED;
    hints[6] |= SCRUB_HINT_HEADING;
    hints[7] |= SCRUB_HINT_LIST_ITEM;
    hints[8] |= SCRUB_HINT_LIST_ITEM;
    scrub_ctx *ctx = classify_page(doc, hints, 14);
    expect_kept_range(ctx, _i, 1, 10, true);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 6), SCRUB_LABEL_HEADING);
    for (size_t i = 6; i < 9; i++) ck_assert_str_eq(scrub_filter_line_reason(ctx, i), "boxed-line");
    expect_kept_range(ctx, _i, 10, 11, false);
    expect_kept_range(ctx, _i, 11, 13, true);
    scrub_ctx_free(ctx);
}
END_TEST

/* The box's furniture between its paragraphs (a related class over the
 * article's middle): a picture's credit, an embedded post's signature,
 * a line with a clock time and a byline read as short lines of text, yet
 * none comes back with the box; the short line of the article among
 * them does (`boxed-line`). */
START_TEST(boxed_furniture)
{
    static const char *const box[2][5] = {
        {"Image: Jane Miller", "Quiet desks along the windows",
         "\xE2\x80\x94 Anna Weber (@annaweber) July 3, 2019", "Opening day, 10:30",
         "By Jane Miller and Tom Baker"},
        {"Image : Jeanne Martin", "Des tables calmes le long des fenêtres",
         "\xE2\x80\x94 Anna Weber (@annaweber) 3 juillet 2019", "Jour d'ouverture, 10:30",
         "Par Jeanne Martin et Paul Durand"}};
    char doc[4096];
    ck_assert_uint_eq(library_box_page(doc, sizeof doc, _i, box[_i], 5, NULL), 15);
    uint32_t hints[15];
    article_guess_hints(hints, 15);
    for (size_t i = 5; i < 12; i++) hints[i] |= SCRUB_HINT_CLASS_RELATED;
    scrub_ctx *ctx = classify_page(doc, hints, 15);
    expect_kept_range(ctx, _i, 1, 6, true);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 7), "boxed-line");
    expect_kept_range(ctx, _i, 7, 8, true);
    for (size_t i = 6; i < 11; i++) {
        if (i == 7) continue;
        expect_kept_range(ctx, _i, i, i + 1, false);
        ck_assert_int_eq(scrub_filter_line_label(ctx, i), SCRUB_LABEL_RELATED);
        ck_assert_str_eq(scrub_filter_line_reason(ctx, i), "hint:related");
    }
    expect_kept_range(ctx, _i, 11, 14, true);
    expect_kept_range(ctx, _i, 14, 15, false);
    scrub_ctx_free(ctx);
}
END_TEST

/* Pitches set among an article's lines (pitch.txt, read by pitch_lines
 * after every rule that frames runs): a paywall's offer between the
 * paragraphs, an author box after the article -- its title, the author's
 * name under it (pitch-box) and the bio ending in a link to the author's
 * other posts.  The same words inside a sentence of the article, past
 * its first word, stay. */
START_TEST(pitch_lines_removed)
{
    static const char *const text[2][11] = {
        {"Home News Sport Culture",
         "The town library reopens after two years",
         "The town library reopened on Monday after two years of building work that doubled its reading rooms.",
         "Readers who subscribe today to the library's letter will hear first when the new music room opens its doors next spring.",
         "Not a subscriber? Subscribe today for just one euro a week.",
         "The council paid for most of the work, and a local foundation gave the rest of the money for the new roof.",
         "Published by",
         "Jane Miller",
         "A reporter who covers the town's schools and libraries. View all posts by Jane Miller",
         "Opening hours",
         "Copyright 2024 Town News"},
        {"Start Nachrichten Sport Kultur",
         "Die Stadtbibliothek öffnet nach zwei Jahren wieder",
         "Die Stadtbibliothek hat am Montag nach zwei Jahren Bauzeit wieder geöffnet, mit doppelt so großen Lesesälen.",
         "Wer jetzt abonnieren will, kann den Brief der Bibliothek lesen und erfährt zuerst, wann im Frühjahr der neue Musikraum öffnet.",
         "Jetzt abonnieren und die ersten vier Wochen gratis lesen!",
         "Die Stadt zahlte den größten Teil der Arbeiten, eine Stiftung aus dem Ort gab den Rest für das neue Dach.",
         "Follow Author",
         "Anna Weber",
         "Bio: Reporterin für Schulen und Bibliotheken der Stadt, seit 2015 bei der Zeitung.",
         "Öffnungszeiten",
         "Copyright 2024 Stadtzeitung"}};
    const char *const *t = text[_i];
    char doc[4096];
    size_t at = 0;
    for (size_t i = 0; i < 11; i++) at += (size_t)snprintf(doc + at, sizeof doc - at, "%s\n", t[i]);
    uint32_t hints[11];
    article_guess_hints(hints, 11);
    hints[6] = hints[7] = SCRUB_HINT_HEADING; /* the author box, outside the guess */
    hints[8] = 0;
    hints[9] = SCRUB_HINT_HEADING | SCRUB_HINT_IN_CANDIDATE;
    scrub_ctx *ctx = classify_page(doc, hints, 11);
    expect_kept_range(ctx, _i, 1, 4, true);
    expect_kept_range(ctx, _i, 4, 5, false);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 4), SCRUB_LABEL_WIDGET);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 4),
                     _i ? "pitch:jetzt abonnieren" : "pitch:not a subscriber");
    expect_kept_range(ctx, _i, 5, 6, true);
    expect_kept_range(ctx, _i, 6, 9, false);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 6), _i ? "pitch:follow author" : "pitch:published by");
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 7), "pitch-box");
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 8), _i ? "pitch:bio:" : "pitch:view all posts by");
    scrub_ctx_free(ctx);
}
END_TEST

/* An article's sources and its author's credit as lines of their own
 * under the paragraphs ("Quellen: ...", "Autorin: ..."), in German and
 * Polish: meta, like the English "Source:" and "Author:" fields. */
START_TEST(source_and_author_lines)
{
    static const char *const text[2][4] = {
        {"Die Zahl der Leserinnen und Leser ist im vergangenen Jahr um ein Drittel gestiegen, vor allem bei den Jüngeren.",
         "Die Stadt will den Lesesaal deshalb auch am Sonntag öffnen und sucht dafür zwei neue Stellen.",
         "Quellen: Statistisches Bundesamt, eigene Berechnungen", "Autorin: Anna Weber, März 2021"},
        {"Liczba czytelników wzrosła w zeszłym roku o jedną trzecią, zwłaszcza wśród młodszych mieszkańców miasta.",
         "Miasto chce więc otwierać czytelnię także w niedziele i szuka do tego dwóch nowych pracowników.",
         "Źródła: GUS, Eurostat, obliczenia własne", "Autorka: Anna Nowak, marzec 2021"}};
    const char *const *t = text[_i];
    char doc[4096];
    snprintf(doc, sizeof doc, "Start Nachrichten Sport\nDer Lesesaal wird voller\n%s\n%s\n%s\n%s\nImpressum\n",
             t[0], t[1], t[2], t[3]);
    uint32_t hints[7];
    article_guess_hints(hints, 7);
    scrub_ctx *ctx = classify_page(doc, hints, 7);
    expect_kept_range(ctx, _i, 1, 4, true);
    expect_kept_range(ctx, _i, 4, 6, false);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 4), SCRUB_LABEL_META);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 5), SCRUB_LABEL_META);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 4), _i ? "meta:źródła:" : "meta:quellen:");
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 5), _i ? "meta:autorka:" : "meta:autorin:");
    scrub_ctx_free(ctx);
}
END_TEST

/* Capitals in a box proved to hold the article: a section heading set in
 * capitals is a few words and comes back (`boxed-line`, a heading); a
 * headline of eight words or more in capitals between the paragraphs is
 * another story's teaser and stays out with the class's verdict. */
START_TEST(boxed_capitals)
{
    static const char *const box[2][3] = {
        {"WHAT THE NEW HALL OFFERS", "Quiet desks along the windows",
         "COUNCIL PLANS A SECOND BRIDGE OVER THE RIVER FOR THE TOWN"},
        {"CE QUE PROPOSE LA NOUVELLE SALLE", "Des tables calmes le long des fenêtres",
         "LE MAIRE PROMET UN NOUVEAU PONT SUR LA RIVIÈRE AU PRINTEMPS"}};
    char doc[4096];
    ck_assert_uint_eq(library_box_page(doc, sizeof doc, _i, box[_i], 3, NULL), 13);
    uint32_t hints[13];
    article_guess_hints(hints, 13);
    for (size_t i = 5; i < 10; i++) hints[i] |= SCRUB_HINT_CLASS_RELATED;
    hints[6] |= SCRUB_HINT_HEADING;
    scrub_ctx *ctx = classify_page(doc, hints, 13);
    expect_kept_range(ctx, _i, 1, 8, true);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 6), SCRUB_LABEL_HEADING);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 6), "boxed-line");
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 7), "boxed-line");
    expect_kept_range(ctx, _i, 8, 9, false);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 8), SCRUB_LABEL_RELATED);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 8), "hint:related");
    expect_kept_range(ctx, _i, 9, 12, true);
    expect_kept_range(ctx, _i, 12, 13, false);
    scrub_ctx_free(ctx);
}
END_TEST

/* The article guess holds the lead and a last section in a container
 * whose class reads as an ad's; the filter keeps the middle paragraphs
 * and nothing outside the block.  The two agree on where the article is
 * and disagree on a third of its sentences: the block's sentences come
 * back.  One such paragraph alone (the two agree on most of the block)
 * stays out, and so do they all when the block is guessed elsewhere. */
START_TEST(candidate_fallback)
{
    static const char *const docs[] = {
        "Home | Politics | Economy | Sports\n"
        "The President Returns to His Home Region\n"
        "The president travels on Wednesday to the southern region he represented for eight years in Congress.\n"
        "Several polls show a sharp fall in his approval since he took office two months ago.\n"
        "The debate around the new constitution has added to the uncertainty of many voters.\n"
        "His advisers hope the visit will help explain the social measures of the government.\n"
        "He said he wants to travel to as many places as possible and to listen to people.\n"
        "The regional governor will receive him at the air base shortly after one o'clock.\n"
        "He will then chair a session of the regional cabinet on questions of local interest.\n"
        "On Thursday he goes on to a northern town and visits the southern research station.\n"
        "The trip ends on Friday with a meeting with fishermen and their unions in the port.\n"
        "Copyright 2024 Example Radio\n",
        "Startseite | Politik | Wirtschaft | Sport\n"
        "Der Präsident kehrt in seine Heimatregion zurück\n"
        "Der Präsident reist am Mittwoch in die südliche Region, die er acht Jahre im Parlament vertreten hat.\n"
        "Mehrere Umfragen zeigen, dass seine Zustimmung seit dem Amtsantritt deutlich gesunken ist.\n"
        "Die lange Debatte um die neue Verfassung hat die Unsicherheit vieler Wähler im ganzen Land noch verstärkt.\n"
        "Seine Berater hoffen, dass der Besuch den Menschen die sozialen Maßnahmen der Regierung erklärt.\n"
        "Er sagte, er wolle in den nächsten Wochen möglichst viele Orte besuchen und den Menschen dort zuhören.\n"
        "Der Gouverneur der Region empfängt ihn kurz nach ein Uhr auf dem Flugplatz der Stadt.\n"
        "Danach leitet er eine Sitzung des regionalen Kabinetts zu Fragen von örtlichem Interesse.\n"
        "Am Donnerstag fährt er in eine Stadt im Norden und besucht die südliche Forschungsstation.\n"
        "Die Reise endet am Freitag mit einem Treffen mit Fischern und ihren Gewerkschaften im Hafen.\n"
        "Copyright 2024 Beispielradio\n"};
    uint32_t hints[12];
    article_guess_hints(hints, 12);
    /* fewer than half of the block's lines: the class is no wrapper */
    const size_t wrapped[] = {2, 8, 9, 10};
    for (size_t k = 0; k < 4; k++) hints[wrapped[k]] |= SCRUB_HINT_CLASS_AD;
    scrub_ctx *ctx = classify_page(docs[_i], hints, 12);
    expect_kept_range(ctx, _i, 1, 11, true);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 2), "candidate-fallback");
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 10), "candidate-fallback");
    expect_kept_range(ctx, _i, 11, 12, false);
    scrub_ctx_free(ctx);
    /* one wrapped paragraph: filter and block agree on the rest */
    for (size_t k = 1; k < 4; k++) hints[wrapped[k]] &= ~SCRUB_HINT_CLASS_AD;
    ctx = classify_page(docs[_i], hints, 12);
    expect_kept_range(ctx, _i, 2, 3, false);
    scrub_ctx_free(ctx);
    /* the block is guessed elsewhere: the wrapped paragraphs stay out */
    for (size_t k = 1; k < 4; k++) hints[wrapped[k]] |= SCRUB_HINT_CLASS_AD;
    for (size_t i = 2; i < 11; i++) hints[i] &= ~SCRUB_HINT_IN_CANDIDATE;
    ctx = classify_page(docs[_i], hints, 12);
    expect_kept_range(ctx, _i, 8, 11, false);
    scrub_ctx_free(ctx);
}
END_TEST

/* A box titled by a widget's term holds its pitch in a sentence under
 * the title, then a button or the page's end: the pitch is the box's.
 * Three paragraphs under the same title are the article going on. */
START_TEST(box_pitch)
{
    static const char *const docs[] = {
        "News | Music | Reviews | Contact\n"
        "Local band releases its second album\n"
        "The four musicians recorded the new songs over two winters in a converted barn outside the town.\n"
        "Their first record had been made in a single week, and the singer says they wanted more time now.\n"
        "The album opens with a slow piano piece and closes with a song the band has played live for years.\n"
        "A tour of small venues across the country starts next month, with most dates already sold out.\n"
        "Join our newsletter\n"
        "Stay on top of the most important music news and interviews each day, delivered free to you.\n"
        "Sign up\n"
        "Copyright 2024 Example Music\n",
        "Nachrichten | Musik | Kritiken | Kontakt\n"
        "Band aus der Stadt veröffentlicht ihr zweites Album\n"
        "Die vier Musiker haben die neuen Lieder in zwei Wintern in einer umgebauten Scheune aufgenommen.\n"
        "Ihre erste Platte war in einer einzigen Woche entstanden, und diesmal wollten sie sich mehr Zeit lassen.\n"
        "Das Album beginnt mit einem langsamen Klavierstück und endet mit einem Lied, das die Band seit Jahren spielt.\n"
        "Eine Tournee durch kleine Clubs beginnt im nächsten Monat, die meisten Termine sind schon ausverkauft.\n"
        "Unser Newsletter\n"
        "Die wichtigsten Nachrichten aus der Musikwelt jeden Morgen kostenlos und bequem in Ihrem Postfach.\n"
        "Anmelden\n"
        "Copyright 2024 Beispielmusik\n"};
    const uint32_t all = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    uint32_t hints[10] = {SCRUB_HINT_IN_NAV | all, SCRUB_HINT_HEADING | SCRUB_HINT_TITLE};
    hints[8] = all;
    hints[9] = SCRUB_HINT_IN_FOOTER;
    scrub_ctx *ctx = classify_page(docs[_i], hints, 10);
    expect_kept_range(ctx, _i, 1, 6, true);
    expect_kept_range(ctx, _i, 6, 10, false);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 7), "box-pitch");
    scrub_ctx_free(ctx);
    /* the article goes on under the title: its lines stay */
    char doc[2048];
    const char *p = docs[_i];
    size_t n = 0;
    for (int line = 0; line < 8; line++) {
        const char *e = strchr(p, '\n') + 1;
        memcpy(doc + n, p, (size_t)(e - p));
        n += (size_t)(e - p);
        p = e;
    }
    const char *more =
        _i ? "Karten gibt es an der Abendkasse und in den Plattenläden der Stadt zu kaufen.\n"
             "Das erste Konzert findet in der alten Turnhalle statt, in der die Band einst probte.\n"
           : "Tickets are on sale at the door and in the record shops of the town.\n"
             "The first concert takes place in the old gym where the band used to rehearse.\n";
    snprintf(doc + n, sizeof doc - n, "%s%s", more, p);
    uint32_t h2[12] = {SCRUB_HINT_IN_NAV | all, SCRUB_HINT_HEADING | SCRUB_HINT_TITLE};
    h2[10] = all;
    h2[11] = SCRUB_HINT_IN_FOOTER;
    ctx = classify_page(doc, h2, 12);
    expect_kept_range(ctx, _i, 7, 10, true);
    scrub_ctx_free(ctx);
}
END_TEST

/* A table of contents' or a consent notice's title alone on its line
 * between the article's paragraphs is the box's, not a heading of the
 * article; a heading that holds the word and says more stays.  A tag
 * label without its colon still opens the page's tag line. */
START_TEST(box_title_words)
{
    static const char *const docs[] = {
        "How to plant a small herb garden on a balcony\n"
        "A few pots, good soil and six hours of sun are all that most kitchen herbs need to grow well all summer.\n"
        "Table of contents\n"
        "Basil, parsley and chives are the easiest to start with, and they can share a long box by the railing.\n"
        "Tags: balcony, herbs, spring\n"
        "Water them in the morning, and feed them once a month with a little liquid fertiliser from any garden shop.\n"
        "The table of contents of an old gardening book\n"
        "Our grandmothers' gardening books listed the herbs by month, so a reader knew what to sow and when.\n"
        "Cookie notice\n"
        "We use cookies to count our readers and to remember your settings on this site.\n",
        "So legen Sie einen kleinen Kräutergarten auf dem Balkon an\n"
        "Ein paar Töpfe, gute Erde und sechs Stunden Sonne reichen den meisten Küchenkräutern für den ganzen Sommer.\n"
        "Inhaltsverzeichnis\n"
        "Basilikum, Petersilie und Schnittlauch sind am einfachsten und teilen sich gern einen langen Kasten am Geländer.\n"
        "Schlagwörter Balkon, Kräuter, Frühling\n"
        "Gießen Sie morgens und düngen Sie einmal im Monat mit etwas Flüssigdünger aus dem Gartenmarkt um die Ecke.\n"
        "Das Inhaltsverzeichnis eines alten Gartenbuchs\n"
        "Die Gartenbücher unserer Großmütter ordneten die Kräuter nach Monaten, damit man wusste, was wann zu säen war.\n"
        "Cookie-Hinweis\n"
        "Wir verwenden Cookies, um unsere Leser zu zählen und Ihre Einstellungen auf dieser Seite zu speichern.\n"};
    expect_kept(docs[_i], 2, false);
    expect_kept(docs[_i], 3, true);
    expect_kept(docs[_i], 4, false);
    expect_kept(docs[_i], 6, true);
    expect_kept(docs[_i], 8, false);
}
END_TEST

/* A box titled by a button's term alone ("Related", "En ce moment")
 * between two paragraphs, holding three linked headlines: the headlines
 * are the box's teasers; the paragraphs around it stay. */
START_TEST(teaser_box)
{
    static const char *const docs[] = {
        "News | Science | Technology | Contact\n"
        "Researchers store a library of books in a gram of glass\n"
        "A team at a university lab wrote the text of four hundred books into a small glass disc with a laser.\n"
        "The data survived heating to five hundred degrees, and the team says it could last for thousands of years.\n"
        "Reading the disc back still needs a microscope and a camera, which makes it slow for everyday use.\n"
        "Related\n"
        "Why Old Hard Drives Still Fill the World's Data Centres\n"
        "A Startup Wants to Keep Your Photos on Tape for Fifty Years\n"
        "Five Storage Formats That Did Not Survive the Decade\n"
        "The researchers now want to write faster, and they hope to store a whole archive on one disc by next year.\n"
        "They have also asked two national libraries to test the discs on their own old newspapers and maps.\n"
        "Copyright 2024 Example News\n",
        "Actualités | Sciences | Technologie | Contact\n"
        "Des chercheurs stockent une bibliothèque dans un gramme de verre\n"
        "Une équipe d'un laboratoire universitaire a gravé le texte de quatre cents livres dans un petit disque de verre.\n"
        "Les données ont résisté à une chaleur de cinq cents degrés, et l'équipe pense qu'elles tiendront des siècles.\n"
        "Pour relire le disque, il faut encore un microscope et une caméra, ce qui le rend lent pour un usage courant.\n"
        "En ce moment\n"
        "Pourquoi les vieux disques durs remplissent encore les centres de données\n"
        "Une jeune pousse veut garder vos photos sur bande pendant cinquante ans\n"
        "Cinq formats de stockage qui n'ont pas survécu à la décennie\n"
        "Les chercheurs veulent maintenant écrire plus vite et espèrent stocker une archive entière l'an prochain.\n"
        "Ils ont aussi demandé à deux bibliothèques nationales de tester les disques sur leurs vieux journaux.\n"
        "Copyright 2024 Exemple Actualités\n"};
    const uint32_t all = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    uint32_t hints[12] = {SCRUB_HINT_IN_NAV | all, SCRUB_HINT_HEADING | SCRUB_HINT_TITLE};
    for (size_t i = 6; i < 9; i++) hints[i] = SCRUB_HINT_HEADING | all;
    hints[11] = SCRUB_HINT_IN_FOOTER;
    scrub_ctx *ctx = classify_page(docs[_i], hints, 12);
    expect_kept_range(ctx, _i, 1, 5, true);
    expect_kept_range(ctx, _i, 5, 9, false);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 7), "teaser-box");
    expect_kept_range(ctx, _i, 9, 11, true);
    scrub_ctx_free(ctx);
}
END_TEST

/* Below the article guess, a box of other stories drawn without links
 * (buttons, script routes): three headings, each over one short lede.
 * The ledes read as sentences and the headings as headings, yet no
 * section of an article stops after one line three times running: the
 * box is the page's teasers (`teaser-pairs`); the article's own section
 * heading, over two paragraphs inside the guess, stays. */
START_TEST(teaser_pairs)
{
    static const char *const docs[] = {
        "News | Science | Technology | Contact\n"
        "Researchers store a library of books in a gram of glass\n"
        "A team at a university lab wrote the text of four hundred books into a small glass disc with a laser.\n"
        "The data survived heating to five hundred degrees, and the team says it could last for thousands of years.\n"
        "What comes next\n"
        "Reading the disc back still needs a microscope and a camera, which makes it slow for everyday use.\n"
        "The researchers now want to write faster, and they hope to store a whole archive on one disc by next year.\n"
        "More from Science\n"
        "Why old hard drives still fill the world's data centres\n"
        "Spinning disks are cheap, and most companies see no reason to give them up soon.\n"
        "A startup wants to keep your photos on tape for fifty years\n"
        "The company says magnetic tape is the safest place for family pictures.\n"
        "Five storage formats that did not survive the decade\n"
        "From floppy disks to optical cartridges, a look back at the formats we lost.\n"
        "Copyright 2024 Example News\n",
        "Nachrichten | Wissenschaft | Technik | Kontakt\n"
        "Forscher speichern eine Bibliothek in einem Gramm Glas\n"
        "Ein Team eines Universitätslabors hat den Text von vierhundert Büchern mit einem Laser in eine kleine Glasscheibe geschrieben.\n"
        "Die Daten überstanden eine Hitze von fünfhundert Grad, und das Team glaubt, dass sie Jahrhunderte halten.\n"
        "Wie es weitergeht\n"
        "Zum Auslesen braucht man noch ein Mikroskop und eine Kamera, was die Scheibe im Alltag langsam macht.\n"
        "Die Forscher wollen nun schneller schreiben und hoffen, im nächsten Jahr ein ganzes Archiv auf einer Scheibe zu speichern.\n"
        "Mehr aus der Wissenschaft\n"
        "Warum alte Festplatten noch immer die Rechenzentren füllen\n"
        "Drehende Platten sind billig, und die meisten Firmen sehen keinen Grund, sie bald aufzugeben.\n"
        "Ein junges Unternehmen will Ihre Fotos fünfzig Jahre lang auf Band sichern\n"
        "Die Firma sagt, Magnetband sei der sicherste Ort für Familienbilder.\n"
        "Fünf Speicherformate, die das Jahrzehnt nicht überlebt haben\n"
        "Von der Diskette bis zur optischen Kassette: ein Blick zurück auf die verlorenen Formate.\n"
        "Copyright 2024 Beispiel Nachrichten\n"};
    uint32_t hints[15] = {SCRUB_HINT_IN_NAV | (255u << SCRUB_HINT_LINK_SHARE_SHIFT),
                          SCRUB_HINT_HEADING | SCRUB_HINT_TITLE | SCRUB_HINT_IN_CANDIDATE};
    for (size_t i = 2; i < 7; i++) hints[i] = SCRUB_HINT_IN_CANDIDATE;
    hints[4] |= SCRUB_HINT_HEADING;
    for (size_t i = 7; i < 14; i += i == 7 ? 1 : 2) hints[i] = SCRUB_HINT_HEADING;
    hints[14] = SCRUB_HINT_IN_FOOTER;
    scrub_ctx *ctx = classify_page(docs[_i], hints, 15);
    expect_body_heading(ctx, _i, 1, 4, 7, 15);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 9), "teaser-pairs");
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 12), "teaser-pairs");
    scrub_ctx_free(ctx);
}
END_TEST

/* The same shape with numbered step headings ("Step 2", "Schritt 2")
 * over one sentence each, below a guess that only took the intro: a
 * how-to's steps, which stay. */
START_TEST(teaser_pairs_steps)
{
    static const char *const docs[] = {
        "Home | Garden | Crafts | Contact\n"
        "How to build a small terrarium under a glass cloche\n"
        "A glass cloche keeps a little moisture around the plants, so a terrarium needs water only once a month.\n"
        "You need a cloche, a shallow dish, a block of floral foam, some moss and two or three small plants.\n"
        "Step 1\n"
        "Cut the foam block so that it sits inside the cloche with a finger's width to spare on every side.\n"
        "Step 2\n"
        "Dig a small hole for each plant, set the plants in, and press the foam gently around their roots.\n"
        "Step 3\n"
        "Pin the moss over the foam, then lower the cloche and keep it out of direct afternoon sunlight.\n"
        "Copyright 2024 Example Gardens\n",
        "Start | Garten | Basteln | Kontakt\n"
        "So bauen Sie ein kleines Terrarium unter einer Glasglocke\n"
        "Eine Glasglocke hält die Feuchtigkeit bei den Pflanzen, daher braucht das Terrarium nur einmal im Monat Wasser.\n"
        "Sie brauchen eine Glocke, eine flache Schale, einen Steckschaum, etwas Moos und zwei oder drei kleine Pflanzen.\n"
        "Schritt 1\n"
        "Schneiden Sie den Steckschaum so zu, dass er mit einem Finger Abstand in die Glocke passt.\n"
        "Schritt 2\n"
        "Bohren Sie für jede Pflanze ein kleines Loch, setzen Sie sie ein und drücken Sie den Schaum leicht an.\n"
        "Schritt 3\n"
        "Stecken Sie das Moos über dem Schaum fest, setzen Sie die Glocke auf und stellen Sie sie nicht in die Sonne.\n"
        "Copyright 2024 Beispiel Garten\n"};
    uint32_t hints[11] = {SCRUB_HINT_IN_NAV | (255u << SCRUB_HINT_LINK_SHARE_SHIFT),
                          SCRUB_HINT_HEADING | SCRUB_HINT_TITLE | SCRUB_HINT_IN_CANDIDATE,
                          SCRUB_HINT_IN_CANDIDATE, SCRUB_HINT_IN_CANDIDATE};
    for (size_t i = 4; i < 10; i += 2) hints[i] = SCRUB_HINT_HEADING;
    hints[10] = SCRUB_HINT_IN_FOOTER;
    scrub_ctx *ctx = classify_page(docs[_i], hints, 11);
    expect_kept_range(ctx, _i, 1, 10, true);
    ck_assert_int_eq(scrub_filter_line_label(ctx, 6), SCRUB_LABEL_HEADING);
    scrub_ctx_free(ctx);
}
END_TEST

/* A whole page with no DOM heading and no byline over its body: the
 * line only its length would make the title, a banner over the site's
 * menu (a tagline, a sign-in prompt) with the whole menu between it and
 * the body, is the page's.  A line right over the body is still the
 * title. */
START_TEST(far_banner_title)
{
    static const char *const docs[] = {
        "Independent news from the river valley for over seventy years\n"
        "Home\nNews\nSport\nBusiness\nCulture\nTravel\nWeather\nVideo\n"
        "The city council approved the new budget for schools and libraries on Tuesday evening.\n"
        "The plan adds money for teachers and extends the opening hours of the central library.\n"
        "Parents had asked for smaller classes for years, and the council says it has listened.\n"
        "The mayor said the budget would be balanced without raising taxes for local residents.\n"
        "Copyright 2024 Example News\n",
        "Unabhängige Nachrichten aus dem Flusstal seit mehr als siebzig Jahren\n"
        "Start\nNachrichten\nSport\nWirtschaft\nKultur\nReisen\nWetter\nVideo\n"
        "Der Stadtrat hat am Dienstagabend den neuen Haushalt für Schulen und Büchereien beschlossen.\n"
        "Der Plan sieht mehr Geld für Lehrer und längere Öffnungszeiten der Zentralbibliothek vor.\n"
        "Eltern hatten seit Jahren kleinere Klassen gefordert, und der Rat sagt, er habe zugehört.\n"
        "Der Bürgermeister sagte, der Haushalt komme ohne höhere Steuern für die Bürger aus.\n"
        "Copyright 2024 Beispielzeitung\n"};
    const uint32_t all = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    uint32_t hints[14] = {0};
    for (size_t i = 1; i < 9; i++) hints[i] = SCRUB_HINT_IN_NAV | all;
    hints[13] = SCRUB_HINT_IN_FOOTER;
    scrub_ctx *ctx = classify_page(docs[_i], hints, 14);
    expect_kept_range(ctx, _i, 0, 9, false);
    expect_kept_range(ctx, _i, 9, 13, true);
    scrub_ctx_free(ctx);
    /* the same line with the menu above it sits over the body: the title */
    char doc[2048];
    const char *menu = strchr(docs[_i], '\n') + 1, *body = menu;
    for (int k = 0; k < 8; k++) body = strchr(body, '\n') + 1;
    snprintf(doc, sizeof doc, "%.*s%.*s%s", (int)(body - menu), menu, (int)(menu - docs[_i]),
             docs[_i], body);
    uint32_t h2[14] = {0};
    for (size_t i = 0; i < 8; i++) h2[i] = SCRUB_HINT_IN_NAV | all;
    h2[13] = SCRUB_HINT_IN_FOOTER;
    ctx = classify_page(doc, h2, 14);
    expect_kept_range(ctx, _i, 8, 13, true);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 8), "title");
    scrub_ctx_free(ctx);
}
END_TEST

/* An embedded post quoted in the article: its text stays, the credit line
 * the social widget renders under it ("— Name (@handle) date") is meta,
 * on a whole page and in an extraction. */
START_TEST(post_credit_line)
{
    static const char *const docs[] = {
        "Commuters on the northern line faced long delays on Monday morning after a signal failure.\n"
        "The operator said the fault had been repaired by nine o'clock, but trains remained crowded.\n"
        "Many passengers shared pictures of the packed platforms on social media during the morning.\n"
        "Platform 2 right now. Nobody is getting on this train today.\n"
        "\xE2\x80\x94 Jane Walker (@janewalker) January 24, 2020\n"
        "The operator apologised and promised refunds for tickets bought on the affected routes.\n"
        "A spokesperson said an investigation into the cause of the failure had already begun.\n",
        "Pendler auf der Nordstrecke mussten am Montagmorgen nach einer Signalstörung lange warten.\n"
        "Der Betreiber sagte, der Fehler sei bis neun Uhr behoben gewesen, die Züge aber blieben voll.\n"
        "Viele Fahrgäste teilten am Morgen Bilder der überfüllten Bahnsteige in den sozialen Netzen.\n"
        "Gleis 2 gerade eben. Heute kommt niemand mehr in diesen Zug.\n"
        "\xE2\x80\x94 Anna Weber (@annaweber) 24. Januar 2020\n"
        "Der Betreiber entschuldigte sich und versprach Erstattungen für die betroffenen Strecken.\n"
        "Ein Sprecher sagte, eine Untersuchung der Ursache der Störung habe bereits begonnen.\n"};
    for (int whole = 0; whole < 2; whole++) {
        uint32_t hints[7] = {0};
        if (whole) hints[0] = SCRUB_HINT_IN_NAV; /* furniture: a whole page */
        scrub_ctx *ctx = whole ? classify_page(docs[_i], hints, 7) : scrub_ctx_new();
        if (!whole)
            ck_assert_status(scrub_classify_lines(ctx, docs[_i], strlen(docs[_i]), 0), SCRUB_OK);
        ck_assert_int_eq(scrub_filter_line_label(ctx, 4), SCRUB_LABEL_META);
        ck_assert_str_eq(scrub_filter_line_reason(ctx, 4), "post-credit");
        expect_kept_range(ctx, _i, 1, 4, true);
        expect_kept_range(ctx, _i, 5, 7, true);
        scrub_ctx_free(ctx);
    }
}
END_TEST

/* ---- the page's own lists on pages that are no news (issue 6, extra) ---- */

/* A whole page: a menu, the title, a paragraph under its heading, a list
 * under its heading, a second paragraph, a footer; `link` is the anchor
 * share of the list's entries.  Returns the line count. */
static size_t list_page(char *doc, size_t cap, uint32_t *hints, const char *const *head,
                        const char *const *entries, size_t n, uint32_t link)
{
    size_t at = (size_t)snprintf(doc, cap, "%s\n%s\n%s\n%s\n%s\n%s\n", head[0], head[1], head[2],
                                 head[3], head[4], head[5]);
    for (size_t i = 0; i < n; i++) at += (size_t)snprintf(doc + at, cap - at, "%s\n", entries[i]);
    snprintf(doc + at, cap - at, "%s\n%s\n%s\n%s\n", head[6], head[7], head[8], head[9]);
    size_t lines = 10 + n;
    for (size_t i = 0; i < lines; i++) hints[i] = i >= 6 && i < 6 + n ? link : 0;
    hints[0] = SCRUB_HINT_IN_NAV | (255u << SCRUB_HINT_LINK_SHARE_SHIFT);
    hints[1] = SCRUB_HINT_HEADING | SCRUB_HINT_TITLE;
    return lines;
}

/* Eleven lines or more numbered n, n+1 ... with no link among them (a
 * book's contents, a museum's catalogue) are the page's own list, not a
 * menu; the same entries as links, or a run of ten (a ranking's length),
 * stay removed. */
START_TEST(numbered_list)
{
    static const char *const head[][10] = {
        {"首页 | 图书 | 小说", "天龙八部（套装共5册）", "内容简介",
         "本书以北宋、辽、西夏、大理并立的历史为背景，讲述了几位少年英雄的成长与恩怨。",
         "全书结构宏大，人物众多，是作者篇幅最长的作品之一，也是流传最广的一部。", "目录",
         "作者简介", "作者本名查良镛，一九二四年生于浙江海宁，曾任报社记者、编辑和电影编剧。",
         "他的作品被译成多种文字，在世界各地拥有大量读者，并多次被改编为影视作品。",
         "版权所有 © 2024 某某书店"},
        {"首頁 | 圖書 | 小說", "天龍八部（套裝共5冊）", "內容簡介",
         "本書以北宋、遼、西夏、大理並立的歷史為背景，講述了幾位少年英雄的成長與恩怨。",
         "全書結構宏大，人物眾多，是作者篇幅最長的作品之一，也是流傳最廣的一部。", "目錄",
         "作者簡介", "作者本名查良鏞，一九二四年生於浙江海寧，曾任報社記者、編輯和電影編劇。",
         "他的作品被譯成多種文字，在世界各地擁有大量讀者，並多次被改編為影視作品。",
         "版權所有 © 2024 某某書店"},
        {"Home | Museum | Halls", "Video Game Museum", "Hall Two",
         "The second hall keeps the machines that the arcades of the eighties left behind, and most of them still work.",
         "Every machine below was bought from an arcade that closed, and each has a page of its own.",
         "Electro-mechanical games", "About the museum",
         "The museum started as a private collection in a garage and opened its doors to visitors in 2001.",
         "Entry is free, and the machines can be played on the first Sunday of every month.",
         "Copyright 2024 Video Game Museum"}};
    static const char *const entries[][12] = {
        {"一 青衫磊落险峰行", "二 玉壁月华明", "三 马疾香幽", "四 崖高人远", "五 微步毂纹生",
         "六 谁家子弟谁家院", "七 无计悔多情", "八 虎啸龙吟", "九 换巢鸾凤", "十 剑气碧烟横",
         "十一 向来痴", "十二 从此醉"},
        {"一 青衫磊落險峰行", "二 玉壁月華明", "三 馬疾香幽", "四 崖高人遠", "五 微步轂紋生",
         "六 誰家子弟誰家院", "七 無計悔多情", "八 虎嘯龍吟", "九 換巢鸞鳳", "十 劍氣碧煙橫",
         "十一 向來痴", "十二 從此醉"},
        {"24 Komaya / Jump Up", "25 Konami / Piccadilly RF2", "26 Taito / Hide and Seek",
         "27 Togo / Mr. Mogura", "28 Komaya / Port Crane", "29 Konami / Kenbooman",
         "30 Konami / Piccadilly Circus", "31 UPL / Pakkun Land", "32 Konami / Penta Fishing",
         "33 Jaleco / Ninja Kun", "34 Togo / UFO Mogura", "35 Togo / Arm Wrestling"}};
    char doc[4096];
    uint32_t hints[32];
    scrub_ctx *ctx = scrub_ctx_new();
    size_t n = list_page(doc, sizeof doc, hints, head[_i], entries[_i], 12, 0);
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, n, NULL, 0), SCRUB_OK);
    expect_kept_range(ctx, _i, 6, 18, true);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 6), "numbered-list");
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 21), 0); /* the footer */
    /* the same entries as links: another page's menu */
    n = list_page(doc, sizeof doc, hints, head[_i], entries[_i], 12, 255u << SCRUB_HINT_LINK_SHARE_SHIFT);
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, n, NULL, 0), SCRUB_OK);
    expect_kept_range(ctx, _i, 6, 18, false);
    /* ten entries: as long as a ranking of other pages */
    n = list_page(doc, sizeof doc, hints, head[_i], entries[_i], 10, 0);
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, n, NULL, 0), SCRUB_OK);
    expect_kept_range(ctx, _i, 6, 16, false);
    /* ... but on a page that numbers a list of its own, a second plain run
     * of seven (a second volume's contents) is one of its lists too */
    const char *two[19];
    for (size_t i = 0; i < 12; i++) two[i] = entries[_i][i];
    two[12] = head[_i][5];
    for (size_t i = 0; i < 6; i++) two[13 + i] = entries[_i][i];
    n = list_page(doc, sizeof doc, hints, head[_i], two, 19, 0);
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, n, NULL, 0), SCRUB_OK);
    expect_kept_range(ctx, _i, 19, 25, true);
    scrub_ctx_free(ctx);
}
END_TEST

/* Six `field：value` rows or more of one list, few of them links or
 * markers, are a spec sheet (a book's publisher, pages, date, code): the
 * page's own facts, kept before its body; a byline's fields are not. */
START_TEST(spec_fields)
{
    static const char *const head[][10] = {
        {"首页 | 图书 | 小说", "天龙八部（套装共5册）", "商品介绍", "查找同类商品", "图书 > 小说 > 武侠",
         "编辑推荐", "内容简介", "本书以北宋、辽、西夏、大理并立的历史为背景，讲述了几位少年英雄的成长与恩怨。",
         "全书结构宏大，人物众多，是作者篇幅最长的作品之一，也是流传最广的一部。", "版权所有 © 2024 某某书店"},
        {"首頁 | 圖書 | 小說", "天龍八部（套裝共5冊）", "商品介紹", "查找同類商品", "圖書 > 小說 > 武俠",
         "編輯推薦", "內容簡介", "本書以北宋、遼、西夏、大理並立的歷史為背景，講述了幾位少年英雄的成長與恩怨。",
         "全書結構宏大，人物眾多，是作者篇幅最長的作品之一，也是流傳最廣的一部。", "版權所有 © 2024 某某書店"},
        {"Home | Books | Fiction", "The Demi-Gods and Semi-Devils", "Product details", "Find similar",
         "Books > Fiction > Adventure", "Reviews", "Synopsis",
         "The novel follows three young heroes across the kingdoms of eleventh-century China and their feuds.",
         "It is the longest of the author's novels and one of the most widely read.",
         "Copyright 2024 Example Books"}};
    static const char *const rows[][7] = {
        {"商品编码：11312278", "ISBN：9787546206134", "出版社：广州出版社", "开本：32开", "页数：5",
         "包装：平装", "出版时间：2013-04-01"},
        {"商品編碼：11312278", "ISBN：9787546206134", "出版社：廣州出版社", "開本：32開", "頁數：5",
         "包裝：平裝", "出版時間：2013-04-01"},
        {"Item code: 11312278", "ISBN: 9787546206134", "Publisher: Guangzhou Press", "Format: 32mo",
         "Volumes: 5", "Binding: Paperback", "Edition: 2"}};
    char doc[4096];
    uint32_t hints[32];
    /* the rows between the page's tabs and its crumbs, as a shop sets them */
    const char *const *h = head[_i];
    size_t at = (size_t)snprintf(doc, sizeof doc, "%s\n%s\n%s\n", h[0], h[1], h[2]);
    for (size_t i = 0; i < 7; i++) at += (size_t)snprintf(doc + at, sizeof doc - at, "%s\n", rows[_i][i]);
    snprintf(doc + at, sizeof doc - at, "%s\n%s\n%s\n%s\n%s\n%s\n%s\n", h[3], h[4], h[5], h[6], h[7],
             h[8], h[9]);
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    for (size_t i = 0; i < 17; i++) hints[i] = i >= 3 && i < 10 ? SCRUB_HINT_LIST_ITEM : 0;
    hints[0] = SCRUB_HINT_IN_NAV | link;
    hints[1] = SCRUB_HINT_HEADING | SCRUB_HINT_TITLE;
    hints[2] = SCRUB_HINT_CLASS_NAV | link;
    hints[10] = hints[11] = link;
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, 17, NULL, 0), SCRUB_OK);
    expect_kept_range(ctx, _i, 3, 10, true);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 3), "spec-fields");
    /* five rows are too few to tell from a box of fields */
    for (size_t i = 8; i < 10; i++) hints[i] = 0;
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, 17, NULL, 0), SCRUB_OK);
    ck_assert_str_ne(scrub_filter_line_reason(ctx, 3), "spec-fields");
    scrub_ctx_free(ctx);
}
END_TEST

/* A date, an ISBN or a field's product code is no phone number; a
 * number in a phone's shape, or a mobile's under any field, is one. */
START_TEST(no_phone_in_codes)
{
    static const char *const codes[] = {
        "商品编码：11312278", "商品編碼：11312278", "ISBN：9787546206134", "出版时间：2013-04-01",
        "出版時間：2013-04-01", "Item code: 11312278", "ISBN 978-7-5462-0613-4", "Published: 2013-04-01"};
    static const char *const phones[] = {"010-62345678", "订购：13812345678", "訂購：13812345678",
                                         "Orders: 13812345678", "0571-88886666"};
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++) {
        ck_assert_status(scrub_classify_lines(ctx, codes[i], strlen(codes[i]), 0), SCRUB_OK);
        ck_assert_msg(scrub_filter_line_label(ctx, 0) != SCRUB_LABEL_CONTACT, "%s: contact (%s)",
                      codes[i], scrub_filter_line_reason(ctx, 0));
    }
    for (size_t i = 0; i < sizeof phones / sizeof *phones; i++) {
        ck_assert_status(scrub_classify_lines(ctx, phones[i], strlen(phones[i]), 0), SCRUB_OK);
        ck_assert_msg(scrub_filter_line_label(ctx, 0) == SCRUB_LABEL_CONTACT, "%s: %s (%s)", phones[i],
                      scrub_label_name(scrub_filter_line_label(ctx, 0)),
                      scrub_filter_line_reason(ctx, 0));
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* A related marker over the page's own sentences whose words stand again
 * in a bar of tabs beside the page's other sections (编辑推荐 内容简介
 * 作者简介) titles a section of the page; the same marker over links, or
 * named in no bar, opens a block of links. */
START_TEST(tab_section)
{
    static const char *const text[][9] = {
        {"编辑推荐", "史上最经典旧版完美再现",
         "以最正宗的旧版为文字底本，参校多个版本，订正以往版本中的讹误和脱漏，最大程度还原作品原貌。",
         "内容简介", "本书以北宋、辽、西夏、大理并立的历史为背景，讲述了几位少年英雄的成长与恩怨。",
         "作者简介", "作者本名查良镛，一九二四年生于浙江海宁，曾任报社记者、编辑和电影编剧。",
         "查看全部", "版权所有 © 2024 某某书店"},
        {"編輯推薦", "史上最經典舊版完美再現",
         "以最正宗的舊版為文字底本，參校多個版本，訂正以往版本中的訛誤和脫漏，最大程度還原作品原貌。",
         "內容簡介", "本書以北宋、遼、西夏、大理並立的歷史為背景，講述了幾位少年英雄的成長與恩怨。",
         "作者簡介", "作者本名查良鏞，一九二四年生於浙江海寧，曾任報社記者、編輯和電影編劇。",
         "查看全部", "版權所有 © 2024 某某書店"},
        {"Editor's picks", "The classic edition, complete again",
         "The text follows the first edition and was checked against three later ones, so the slips of earlier printings are gone.",
         "Synopsis", "The novel follows three young heroes across the kingdoms of eleventh-century China and their feuds.",
         "Background", "The author was born in 1924 and worked as a reporter, an editor and a screenwriter.",
         "See all", "Copyright 2024 Example Books"}};
    const char *const *t = text[_i];
    char doc[4096];
    snprintf(doc, sizeof doc, "%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n", t[0], t[1], t[2],
             t[3], t[4], t[5], t[6], t[7], t[0], t[3], t[5], t[8], t[8]);
    /* line 12 repeats the footer: the bar's names are lines 8 to 10 */
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    uint32_t hints[13] = {SCRUB_HINT_HEADING, 0, 0, SCRUB_HINT_HEADING, 0, SCRUB_HINT_HEADING, 0,
                          link, SCRUB_HINT_CLASS_NAV | link, SCRUB_HINT_CLASS_NAV | link,
                          SCRUB_HINT_CLASS_NAV | link, SCRUB_HINT_IN_FOOTER, SCRUB_HINT_IN_FOOTER};
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, 13, NULL, 0), SCRUB_OK);
    expect_kept_range(ctx, _i, 0, 7, true);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 0), "tab-section");
    /* no bar names the sections: the marker opens a block */
    snprintf(doc, sizeof doc, "%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n", t[0], t[1], t[2], t[3], t[4],
             t[5], t[6], t[7], t[8]);
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, 9, NULL, 0), SCRUB_OK);
    ck_assert_int_eq(scrub_filter_line_kept(ctx, 0), 0);
    scrub_ctx_free(ctx);
}
END_TEST

/* Under a body ending in 。, short lines that end no sentence are other
 * pages' titles (title_tail); on a whole page those are links: the same
 * lines with no link are the page's own catalogue and stay. */
START_TEST(unlinked_title_tail)
{
    static const char *const text[][13] = {
        {"首页 | 博物馆 | 展厅", "游戏厅博物馆", "本馆收藏的游戏机大多来自八十年代关闭的游戏厅，至今仍可运行。",
         "每台机器都附有一页说明，介绍它的厂商、年份和当年摆放的店铺。",
         "以下是一九八二年前后各地游戏厅的名录，均为当时确认存在的店铺。", "一九八二年各地游戏厅名录",
         "北京王府井百货大楼游戏厅（北京市东城区・一九八二年）",
         "上海南京路第一百货商店游乐场（上海市黄浦区・一九八二年）",
         "天津劝业场儿童游乐中心（天津市和平区・一九八二年）",
         "广州南方大厦电子游戏室（广东省广州市・一九八二年）",
         "沈阳中街联营商场游戏厅（辽宁省沈阳市・一九八二年）",
         "武汉江汉路商场电子游戏厅（湖北省武汉市・一九八二年）", "版权所有 © 2024 游戏厅博物馆"},
        {"首頁 | 博物館 | 展廳", "遊戲廳博物館", "本館收藏的遊戲機大多來自八十年代關閉的遊戲廳，至今仍可運行。",
         "每台機器都附有一頁說明，介紹它的廠商、年份和當年擺放的店鋪。",
         "以下是一九八二年前後各地遊戲廳的名錄，均為當時確認存在的店鋪。", "一九八二年各地遊戲廳名錄",
         "北京王府井百貨大樓遊戲廳（北京市東城區・一九八二年）",
         "上海南京路第一百貨商店遊樂場（上海市黃浦區・一九八二年）",
         "天津勸業場兒童遊樂中心（天津市和平區・一九八二年）",
         "廣州南方大廈電子遊戲室（廣東省廣州市・一九八二年）",
         "瀋陽中街聯營商場遊戲廳（遼寧省瀋陽市・一九八二年）",
         "武漢江漢路商場電子遊戲廳（湖北省武漢市・一九八二年）", "版權所有 © 2024 遊戲廳博物館"},
        {"ホーム | 博物館 | 展示室", "ゲームセンター博物館",
         "当館の機械の多くは、八十年代に閉店したゲームセンターから引き取ったもので、今も動きます。",
         "機械ごとにページがあり、メーカーと年式、置かれていた店を紹介しています。",
         "以下は一九八二年ごろに営業が確認された全国の店舗の一覧です。", "一九八二年当時の店舗情報",
         "プレイシティキャロット琴似店（北海道札幌市・一九八二年）", "プレイタウン赤い風車（北海道札幌市・一九八二年）",
         "イトーヨーカドー月寒店ゲームコーナー（北海道札幌市・一九八二年）",
         "ショッパーズ菱光ゲームスポット（北海道釧路市・一九八二年）", "紋別ローズタウン遊技場（北海道紋別市・一九八二年）",
         "丸丹ファミリーデパート屋上遊園地（北海道岩見沢市・一九八二年）", "著作権は全て当館に帰属します © 2024"}};
    char doc[4096];
    size_t at = 0;
    for (size_t i = 0; i < 13; i++) at += (size_t)snprintf(doc + at, sizeof doc - at, "%s\n", text[_i][i]);
    uint32_t hints[13] = {SCRUB_HINT_IN_NAV | (255u << SCRUB_HINT_LINK_SHARE_SHIFT),
                          SCRUB_HINT_HEADING | SCRUB_HINT_TITLE};
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, 13, NULL, 0), SCRUB_OK);
    expect_kept_range(ctx, _i, 1, 12, true);
    /* the same titles, most of their text anchors: other pages' */
    for (size_t i = 6; i < 12; i++) hints[i] = 140u << SCRUB_HINT_LINK_SHARE_SHIFT;
    ck_assert_status(scrub_classify_lines_ex(ctx, doc, strlen(doc), hints, 13, NULL, 0), SCRUB_OK);
    expect_kept_range(ctx, _i, 6, 12, false);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 6), "title-tail");
    scrub_ctx_free(ctx);
}
END_TEST

/* Prose hard-wrapped by its source (<br> or <pre> at some 70 columns):
 * lines that end mid-sentence and go on in the next are judged as the
 * paragraph they make; a menu of lower-case items is no such run, nor is
 * a reader's wrapped comment under its author line (which the rule leaves
 * to the others). */
START_TEST(hard_wrapped_prose)
{
    static const char *const text[][18] = {
        {"Home | Events | Contact", "Our reading group",
         "The group was founded ten years ago by four neighbours who wanted to read more novels "
         "together, and it has met every month since.",
         "", "Last spring our reading group moved from the old library to the hall",
         "behind the bakery, and the change turned out better than any of us had",
         "expected. The light is good in the afternoon and the chairs are soft,",
         "so people stay longer and talk more about the books we chose for the", "month.", "",
         "home", "about us", "events", "contact", "Maria says:",
         "what a lovely place, i was there last week and the tea was wonderful,",
         "and the cakes were even better. thank you all for the warm welcome.",
         "Copyright 2024 Reading Group"},
        {"Start | Termine | Kontakt", "Unser Lesekreis",
         "Der Kreis wurde vor zehn Jahren von vier Nachbarn gegründet, die gemeinsam mehr Romane "
         "lesen wollten, und trifft sich seitdem jeden Monat.",
         "", "Im letzten Frühjahr ist unser Lesekreis aus der alten Bibliothek in den",
         "großen Saal hinter der Bäckerei gezogen, und der Umzug hat sich mehr",
         "gelohnt, als wir gehofft hatten. Am Nachmittag ist das Licht gut, die",
         "Stühle sind bequem, und so bleiben die Leute länger und sprechen mehr",
         "über die Bücher des Monats.", "", "startseite", "über uns", "termine", "kontakt",
         "Maria says:", "was für ein schöner Ort, ich war letzte Woche dort und der Tee",
         "war wunderbar, der Kuchen noch besser. danke für den netten Empfang.",
         "Copyright 2024 Lesekreis"}};
    char doc[4096];
    size_t at = 0;
    for (size_t i = 0; i < 18; i++) at += (size_t)snprintf(doc + at, sizeof doc - at, "%s\n", text[_i][i]);
    uint32_t hints[18];
    article_guess_hints(hints, 18);
    scrub_ctx *ctx = classify_page(doc, hints, 18);
    expect_kept_range(ctx, _i, 4, 9, true);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 4), "wrapped-run");
    expect_kept_range(ctx, _i, 10, 15, false);
    /* the comment's own lines are left to the other rules */
    ck_assert_str_ne(scrub_filter_line_reason(ctx, 15), "wrapped-run");
    ck_assert_str_ne(scrub_filter_line_reason(ctx, 16), "wrapped-run");
    scrub_ctx_free(ctx);
}
END_TEST

/* A recipe's ingredients between its lead and its steps give quantities
 * with units (40 g, 2 TL, 1 tbsp): the page's own sheet, not a menu. */
START_TEST(recipe_quantities)
{
    static const char *const docs[] = {
        "Rinderleber mit Apfel und Zwiebel\n"
        "So schön winterlich ist es wie schon lange nicht mehr, da kommt ein warmes Essen gerade recht.\n"
        "Wir machen uns heute Rinderleber mit Apfel und Zwiebel, das geht schnell und schmeckt sehr lecker.\n"
        "Die Zutaten (4 Personen)\n"
        "1000g Rinderleber\n"
        "3 große Zwiebeln\n"
        "2 Äpfel\n"
        "4 EL Olivenöl\n"
        "40 g Butter\n"
        "Pfeffer\n"
        "2 TL Gemüsebrühe\n"
        "Die Leber von Sehnen befreien, in Streifen schneiden und im heißen Öl kräftig anbraten.\n"
        "Dann die Zwiebeln und die Äpfel dazugeben und alles zusammen fünf Minuten schmoren lassen.\n",
        "Liver with apple and onion\n"
        "It is colder than it has been for years, and a warm dinner is just what the evening needs.\n"
        "Today we make beef liver with apple and onion, which is quick to cook and tastes very good.\n"
        "What you need for four\n"
        "1000g beef liver\n"
        "3 large onions\n"
        "2 apples\n"
        "4 tbsp olive oil\n"
        "40 g butter\n"
        "Black pepper\n"
        "2 tsp stock powder\n"
        "Trim the liver, cut it into strips and fry it in the hot oil until it is brown on every side.\n"
        "Then add the onions and the apples and let everything simmer together for five minutes.\n"};
    scrub_ctx *ctx = scrub_ctx_new();
    const char *doc = docs[_i];
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    expect_kept_range(ctx, _i, 0, 13, true);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 8), "spec-rows");
    scrub_ctx_free(ctx);
}
END_TEST

/* A how-to's `Label:` lines over their commands, a match report's
 * fields (`Stade : ...`) under the article's paragraphs, inside the html
 * stage's guess and unlinked: short lines that context alone would take
 * for a menu, kept as the article's facts.  The same block all of anchor
 * text is a list of links and stays removed. */
START_TEST(fact_block_in_article)
{
    static const char *const docs[][16] = {
        {"Home", "Guides", "Linux", "Windows", "Forum", "Log in",
         "How to get a stuck print queue moving again",
         "When the printer stops in the middle of a job, the queue of the print service is often the culprit and not the printer.",
         "Editing the service's settings and restarting it clears the queue without losing the documents that are still waiting.",
         "Open the settings:", "sudo nano /etc/cups/cupsd.conf", "Restart the service:",
         "sudo systemctl restart cups", "Imprint", "Privacy", "Contact"},
        {"Accueil", "Football", "Rugby", "Tennis", "Résultats", "Connexion",
         "Montpellier et Lens se quittent dos à dos au terme d'un match fermé",
         "Les deux équipes ont longtemps cherché la faille sans jamais se montrer vraiment dangereuses devant le but adverse.",
         "Le nul arrange surtout les visiteurs, qui restent à deux points du podium avant de recevoir le leader samedi prochain.",
         "Stade : Stade de la Mosson", "Arbitre : Julien Martin", "Horaire : 21h00",
         "Affluence : 12 450 spectateurs", "Mentions légales", "Confidentialité", "Contact"}};
    static const framed_shape shape = {16, 6, 13, SCRUB_HINT_IN_MAIN | SCRUB_HINT_IN_CANDIDATE,
                                        6, SCRUB_HINT_HEADING, 9, 13};
    for (int linked = 0; linked < 2; linked++) {
        scrub_ctx *ctx = classify_framed(docs[_i], &shape, linked);
        expect_kept_range(ctx, _i, 6, 9, true);
        expect_kept_range(ctx, _i, 9, 13, !linked);
        if (!linked) ck_assert_str_eq(scrub_filter_line_reason(ctx, 10), "fact-block");
        expect_kept_range(ctx, _i, 13, 16, false);
        scrub_ctx_free(ctx);
    }
}
END_TEST

/* A live report's marks with their entries glued on (`46'Reprise du
 * jeu`) under the reporter's last paragraph, inside the guess: short
 * lines context alone would make a menu after the body, kept as
 * `fact-block`; the same lines linked are a menu and stay out. */
START_TEST(fact_block_glued_minutes)
{
    static const char *const docs[][12] = {
        {"Home", "Football", "Tennis", "Results",
         "The visitors hold on for a draw after a tense second half",
         "The home side pressed from the first minute but could not find a way past the visiting goalkeeper.",
         "Neither team managed a shot on target in a first half that was played mostly in midfield.",
         "46'Second half", "45+2'Half time",
         "Imprint", "Privacy", "Contact"},
        {"Accueil", "Football", "Tennis", "Résultats",
         "Les visiteurs arrachent le nul au terme d'une seconde période tendue",
         "Les locaux ont pressé dès la première minute sans jamais trouver la faille face au gardien adverse.",
         "Aucune des deux équipes n'a cadré la moindre frappe dans une première période jouée au milieu.",
         "46'Reprise du jeu", "45+2'Mi-temps",
         "Mentions légales", "Confidentialité", "Contact"}};
    static const framed_shape shape = {12, 4, 9, SCRUB_HINT_IN_MAIN | SCRUB_HINT_IN_CANDIDATE,
                                        4, SCRUB_HINT_HEADING, 7, 9};
    for (int linked = 0; linked < 2; linked++) {
        scrub_ctx *ctx = classify_framed(docs[_i], &shape, linked);
        expect_kept_range(ctx, _i, 5, 7, true);
        expect_kept_range(ctx, _i, 7, 9, !linked);
        if (!linked) ck_assert_str_eq(scrub_filter_line_reason(ctx, 7), "fact-block");
        expect_kept_range(ctx, _i, 9, 12, false);
        scrub_ctx_free(ctx);
    }
}
END_TEST

/* A tour's dates in words, each over its venue (`SATURDAY MAY 9` /
 * `THE CORNER ROOM, MELBOURNE`), between the article's paragraphs inside
 * the guess: no figure with a unit, no field, yet the article's facts
 * (`fact-block`); the same lines linked are a list of links, out. */
START_TEST(fact_block_tour_dates)
{
    static const char *const docs[][16] = {
        {"Home", "News", "Reviews", "Tours", "Forum", "Log in",
         "Glass Harbour take their new record on the road this spring",
         "The four-piece spent most of last year in a farmhouse studio, and the songs they brought back are their quietest yet.",
         "The band will play the record from start to finish on each night, with a short set of older songs after the break.",
         "SATURDAY MAY 9", "THE CORNER ROOM, MELBOURNE", "FRIDAY MAY 15", "THE OLD MILL, SYDNEY",
         "Tickets go on sale on Wednesday morning through the band's own website and at each door.",
         "Imprint", "Privacy"},
        {"Start", "Nachrichten", "Kritiken", "Tourneen", "Forum", "Anmelden",
         "Glass Harbour gehen mit ihrer neuen Platte im Frühjahr auf Tournee",
         "Die vier Musiker haben das letzte Jahr in einem Studio auf dem Land verbracht und bringen ihre bisher leisesten Lieder mit.",
         "An jedem Abend spielt die Band die Platte von Anfang bis Ende, nach der Pause folgen einige ältere Stücke.",
         "Samstag, 9. Mai", "Zeche, Bochum", "Freitag, 15. Mai", "Knust, Hamburg",
         "Karten gibt es ab Mittwochmorgen auf der Seite der Band und an der Abendkasse jedes Konzerts.",
         "Impressum", "Datenschutz"}};
    static const framed_shape shape = {16, 6, 14, SCRUB_HINT_IN_MAIN | SCRUB_HINT_IN_CANDIDATE,
                                        6, SCRUB_HINT_HEADING, 9, 13};
    for (int linked = 0; linked < 2; linked++) {
        scrub_ctx *ctx = classify_framed(docs[_i], &shape, linked);
        expect_kept_range(ctx, _i, 6, 9, true);
        expect_kept_range(ctx, _i, 9, 13, !linked);
        if (!linked) {
            ck_assert_str_eq(scrub_filter_line_reason(ctx, 10), "fact-block");
            expect_kept_range(ctx, _i, 13, 14, true);
        }
        expect_kept_range(ctx, _i, 14, 16, false);
        scrub_ctx_free(ctx);
    }
}
END_TEST

/* A live ticker outside the guess: each entry hangs under its stamp
 * (`20:16`), which no rule keeps, so an entry of short lines with a
 * heat's time (`Heat 13 64.37 sec.`) over the report's paragraph has no
 * kept line above it; the stamp frames it (`fact-block`).  A poll's
 * label under its stamp names no fact and stays out, and so do the
 * entry's lines linked. */
START_TEST(fact_block_ticker_entry)
{
    static const char *const docs[][19] = {
        {"Home", "Speedway", "Football", "Results",
         "Live: the home side book their place in the final", "20:41",
         "The home side have done it: a second win over the visitors in a week sends them through to the final in September.",
         "20:16", "Aggregate: 98:70 to the home side.", "Break for track grading.", "Heat 13 64.37 sec.",
         "The two visiting riders made the better start, but the home captain passed both of them on the back straight of lap two.",
         "20:05", "Vote in our poll:", "Will the visitors win a heat tonight? Yes No",
         "Rain is falling again over the stadium, and the referee is keen to get the last heats run before it grows any heavier.",
         "Imprint", "Privacy", "Contact"},
        {"Start", "Speedway", "Fußball", "Ergebnisse", "Live: die Gastgeber ziehen ins Finale ein", "20:41",
         "Geschafft: Mit dem zweiten Sieg gegen die Gäste innerhalb einer Woche stehen die Gastgeber im Finale im September.",
         "20:16", "Gesamtstand: 98:70 für die Gastgeber.", "Pause für die Bahnpflege.", "Lauf 13 64,37 Sek.",
         "Die beiden Gäste kamen besser vom Start weg, doch der Kapitän der Gastgeber zog auf der Gegengeraden an beiden vorbei.",
         "20:05", "Stimmen Sie ab:", "Gewinnen die Gäste heute einen Lauf? Ja Nein",
         "Über dem Stadion regnet es wieder, und der Schiedsrichter will die letzten Läufe hinter sich bringen, bevor es stärker wird.",
         "Impressum", "Datenschutz", "Kontakt"}};
    static const framed_shape shape = {19, 4, 16, SCRUB_HINT_IN_MAIN, 4,
                                        SCRUB_HINT_HEADING | SCRUB_HINT_IN_CANDIDATE, 8, 11};
    for (int linked = 0; linked < 2; linked++) {
        scrub_ctx *ctx = classify_framed(docs[_i], &shape, linked);
        expect_kept_range(ctx, _i, 6, 7, true);
        expect_kept_range(ctx, _i, 8, 11, !linked);
        if (!linked) ck_assert_str_eq(scrub_filter_line_reason(ctx, 10), "fact-block");
        expect_kept_range(ctx, _i, 11, 12, true);
        /* the poll's question may read as a sentence; it is no fact */
        expect_kept_range(ctx, _i, 13, 14, false);
        ck_assert_str_ne(scrub_filter_line_reason(ctx, 14), "fact-block");
        expect_kept_range(ctx, _i, 16, 19, false);
        scrub_ctx_free(ctx);
    }
}
END_TEST

/* A video pitch under a ticker's stamp, wrapped by a hard line break:
 * the line that starts in lower case goes on with the pitch's sentence,
 * no entry of the ticker, though it names a heat's time; it stays out.
 * (Polish and German: an English pitch's tail reads as a heading and is
 * kept by other rules whatever this one says.) */
START_TEST(fact_block_ticker_pitch_wrap)
{
    static const char *const docs[][14] = {
        {"Start", "Żużel", "Piłka nożna", "Wyniki",
         "Relacja na żywo: gospodarze awansowali do finału", "20:41",
         "Gospodarze dopięli swego: druga wygrana z gośćmi w ciągu tygodnia daje im awans do finału, który odbędzie się we wrześniu.",
         "20:16", "ZOBACZ WIDEO Trener gości po meczu mówi o", "torze: bieg 13 w 64,37 sek.",
         "Obaj goście lepiej wyszli spod taśmy, ale kapitan gospodarzy wyprzedził ich na przeciwległej prostej drugiego okrążenia.",
         "Kontakt", "Regulamin", "Prywatność"},
        {"Start", "Speedway", "Fußball", "Ergebnisse", "Live: die Gastgeber ziehen ins Finale ein", "20:41",
         "Geschafft: Mit dem zweiten Sieg gegen die Gäste innerhalb einer Woche stehen die Gastgeber im Finale im September.",
         "20:16", "Um dieses Video abzuspielen, stimmen Sie", "bitte den Cookies zu: Lauf 13, 64,37 Sek.",
         "Die beiden Gäste kamen besser vom Start weg, doch der Kapitän der Gastgeber zog auf der Gegengeraden an beiden vorbei.",
         "Impressum", "Datenschutz", "Kontakt"}};
    static const framed_shape shape = {14, 4, 11, SCRUB_HINT_IN_MAIN, 4,
                                        SCRUB_HINT_HEADING | SCRUB_HINT_IN_CANDIDATE, 0, 0};
    scrub_ctx *ctx = classify_framed(docs[_i], &shape, false);
    expect_kept_range(ctx, _i, 6, 7, true);
    expect_kept_range(ctx, _i, 8, 10, false);
    expect_kept_range(ctx, _i, 10, 11, true);
    scrub_ctx_free(ctx);
}
END_TEST

/* A recipe's card between its introduction and its ingredients, inside
 * the html stage's guess: label-and-figure lines without colons
 * (`Prep Time 15 minutes mins`, `Calories 420 kcal`) that context alone
 * would take for a menu, kept as `fact-block` by their durations and
 * calories. */
START_TEST(fact_block_recipe_card)
{
    static const char *const docs[][20] = {
        {"Home", "Recipes", "Dinner", "Baking", "About", "Shop",
         "Baked lentil stew with roasted peppers",
         "This stew is the dish we cook on cold weekday evenings, when there is little time and the cupboard is nearly empty.",
         "The peppers roast while the lentils simmer, so the whole pot is on the table in well under an hour.",
         "Prep Time 15 minutes mins", "Cook Time 25 minutes mins", "Total Time 40 minutes mins",
         "Course Dinner", "Servings 4 people", "Calories 420 kcal", "Ingredients",
         "Two cups of brown lentils, rinsed twice and drained, go into the pot with the onions and the stock.",
         "Imprint", "Privacy", "Contact"},
        {"Start", "Rezepte", "Abendessen", "Backen", "Über uns", "Shop",
         "Gebackener Linseneintopf mit gerösteten Paprika",
         "Diesen Eintopf kochen wir an kalten Wochentagen, wenn wenig Zeit bleibt und der Vorratsschrank fast leer ist.",
         "Die Paprika rösten, während die Linsen köcheln, und so steht der Topf in weniger als einer Stunde auf dem Tisch.",
         "Zubereitungszeit 15 Minuten", "Kochzeit 25 Minuten", "Gesamtzeit 40 Minuten",
         "Gang Hauptgericht", "Portionen 4 Personen", "Kalorien 420 kcal", "Zutaten",
         "Zwei Tassen braune Linsen, zweimal gespült und abgetropft, kommen mit den Zwiebeln und der Brühe in den Topf.",
         "Impressum", "Datenschutz", "Kontakt"}};
    char doc[4096];
    uint32_t hints[20];
    framed_page(doc, sizeof doc, hints, docs[_i], 20, 6, 17,
                SCRUB_HINT_IN_MAIN | SCRUB_HINT_IN_CANDIDATE);
    hints[6] |= SCRUB_HINT_HEADING;
    hints[15] |= SCRUB_HINT_HEADING;
    scrub_ctx *ctx = classify_page(doc, hints, 20);
    expect_kept_range(ctx, _i, 6, 17, true);
    ck_assert_str_eq(scrub_filter_line_reason(ctx, 9), "fact-block");
    expect_kept_range(ctx, _i, 17, 20, false);
    scrub_ctx_free(ctx);
}
END_TEST

/* A match's facts in the page's head, outside the html stage's guess,
 * between the site's menu and the match page's tabs over the report:
 * three fields under labels of their own, nothing kept above them, the
 * report's first lines right under the tabs; kept as `head-facts`.  An
 * advert's fields (a price among them), a byline's two fields and the
 * same facts all of anchor text stay out. */
START_TEST(fact_block_head_facts)
{
    static const char *const docs[][4][5] = {
        {{"Attendance: 8,200", "Stadium: Riverside Park", "Referee: Tom Baker", "Northbridge",
          "(65') Sam Doyle"},
         {"Price: $250,000", "Bedrooms: 3", "Area: 120 sq ft", "Garden", "(2) Photos"},
         {"By: Anna Berg", "From: The Courier", "Northbridge", "Sam Doyle", "Eastfield"},
         {"Attendance: 8,200", "Stadium: Riverside Park", "Referee: Tom Baker", "Northbridge",
          "(65') Sam Doyle"}},
        {{"Horaires : 17h00", "Stade : Stade des Tilleuls", "Arbitre : Paul Marchand", "Quimperlé",
          "(65') Hugo Lemaire"},
         {"Prix : 250 000 €", "Pièces : 4", "Surface : 80 m2", "Jardin",
          "(2) Photos"},
         {"Par : Anne Leroy", "Pour : Le Courrier", "Quimperlé", "Hugo Lemaire", "Vannes"},
         {"Horaires : 17h00", "Stade : Stade des Tilleuls", "Arbitre : Paul Marchand", "Quimperlé",
          "(65') Hugo Lemaire"}}};
    static const char *const frame[][12] = {
        {"Home", "Football", "Rugby", "Tennis", "Results", "Log in", "Match", "Line-ups", "Squads",
         "Northbridge and Eastfield share the points after a late equaliser",
         "The visitors looked set for a first away win of the season until the home striker turned in a cross with five minutes left.",
         "Both managers said afterwards that a draw was a fair result on a heavy pitch that made passing football difficult."},
        {"Accueil", "Football", "Rugby", "Tennis", "Résultats", "Connexion", "Match", "Compositions",
         "Effectifs", "Quimperlé et Vannes se quittent dos à dos après une égalisation tardive",
         "Les visiteurs pensaient tenir leur premier succès à l'extérieur jusqu'à ce que l'attaquant local reprenne un centre à cinq minutes de la fin.",
         "Les deux entraîneurs ont jugé le nul logique sur une pelouse lourde qui rendait le jeu au sol très difficile."}};
    static const char *const foot[][3] = {{"Imprint", "Privacy", "Contact"},
                                          {"Mentions légales", "Confidentialité", "Contact"}};
    const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT;
    for (int v = 0; v < 4; v++) {
        char doc[4096];
        uint32_t hints[20];
        size_t n = 0, k = 0;
#define PUT(s, h) (n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\n", (s)), hints[k++] = (h))
        for (int m = 0; m < 6; m++) PUT(frame[_i][m], SCRUB_HINT_IN_NAV | link);
        for (int m = 0; m < 5; m++) PUT(docs[_i][v][m], v == 3 ? link : 0u);
        for (int m = 6; m < 9; m++) PUT(frame[_i][m], link);
        PUT(frame[_i][9], SCRUB_HINT_IN_MAIN | SCRUB_HINT_IN_CANDIDATE | SCRUB_HINT_HEADING);
        for (int m = 10; m < 12; m++) PUT(frame[_i][m], SCRUB_HINT_IN_MAIN | SCRUB_HINT_IN_CANDIDATE);
        for (int m = 0; m < 3; m++) PUT(foot[_i][m], SCRUB_HINT_IN_FOOTER | link);
#undef PUT
        scrub_ctx *ctx = classify_page(doc, hints, k);
        expect_kept_range(ctx, _i, 0, 6, false);
        expect_kept_range(ctx, _i, 6, 11, v == 0);
        if (v == 0) ck_assert_str_eq(scrub_filter_line_reason(ctx, 7), "head-facts");
        expect_kept_range(ctx, _i, 11, 14, false);
        expect_kept_range(ctx, _i, 15, 17, true);
        scrub_ctx_free(ctx);
    }
}
END_TEST

/* A wiki's infobox over the article's first paragraph, inside the guess
 * but under a class the html stage reads as a related box: labels and
 * values on lines of their own, the values citing their sources
 * (`Charm[1]`), kept as `fact-block`; the same box without citation
 * marks is a list of other pages and stays out. */
START_TEST(fact_block_cited_infobox)
{
    static const char *const docs[][16] = {
        {"Wiki", "Spells", "Potions", "Creatures", "Glimmer Charm", "Incantation", "Lucendo[1]", "Type",
         "Charm[1]", "Effect", "Lights a small flame[2]", "[Source]",
         "The Glimmer Charm was a simple spell that lit a small, steady flame at the tip of the caster's wand.",
         "Terms of use", "Privacy", "Contact"},
        {"Wiki", "Sortilèges", "Potions", "Créatures", "Sortilège de lueur", "Formule", "Lucendo[1]", "Type",
         "Enchantement[1]", "Effet", "Allume une petite flamme[2]", "[Source]",
         "Le sortilège de lueur était un sort simple qui allumait une petite flamme régulière au bout de la baguette.",
         "Conditions", "Confidentialité", "Contact"}};
    for (int cited = 0; cited < 2; cited++) {
        char doc[4096];
        size_t n = 0;
        uint32_t hints[16];
        const uint32_t link = 255u << SCRUB_HINT_LINK_SHARE_SHIFT,
                       body = SCRUB_HINT_IN_MAIN | SCRUB_HINT_IN_CANDIDATE;
        for (int k = 0; k < 16; k++) {
            const char *line = docs[_i][k];
            const char *mark = strchr(line, '[');
            int len = !cited && mark && k < 11 ? (int)(mark - line) : (int)strlen(line);
            n += (size_t)snprintf(doc + n, sizeof doc - n, "%.*s\n", len, line);
            hints[k] = k < 4 ? SCRUB_HINT_IN_NAV | link
                       : k < 11 ? body | SCRUB_HINT_CLASS_RELATED
                       : k < 13 ? body
                                : SCRUB_HINT_IN_FOOTER | link;
        }
        hints[11] |= link;
        scrub_ctx *ctx = classify_page(doc, hints, 16);
        expect_kept_range(ctx, _i, 4, 11, cited);
        if (cited) ck_assert_str_eq(scrub_filter_line_reason(ctx, 6), "fact-block");
        expect_kept_range(ctx, _i, 12, 13, true);
        scrub_ctx_free(ctx);
    }
}
END_TEST

/* A stanza between a page's paragraphs whose lines end in a clause's or
 * a sentence's mark (`,` `.` `;`) is verse, kept; the same short lines
 * with no mark stay a menu. */
START_TEST(alphabetic_verse)
{
    static const char *const docs[] = {
        "The sampler shows how each script looks when a browser gets its encoding right and its fonts complete.\n"
        "From an old song of the morning, in the language its author wrote it in:\n"
        "Claws of day tore clouds,\n"
        "he rises up with all his strength,\n"
        "I see him grey and growing, as he will dawn,\n"
        "the day that takes away my friend;\n"
        "the one I let in with care.\n"
        "If the lines above show as boxes, the fonts of your system lack some of the letters they need.\n",
        "Страница показывает, как выглядит каждый алфавит, когда браузер знает кодировку и шрифты.\n"
        "Первая строфа поэмы, на языке её автора:\n"
        "На берегу пустынных волн,\n"
        "стоял он, дум великих полн,\n"
        "и вдаль глядел; пред ним широко\n"
        "река неслася, бедный чёлн;\n"
        "по ней стремился одиноко.\n"
        "Если строки выше видны как квадраты, в шрифтах вашей системы нет некоторых букв.\n"};
    scrub_ctx *ctx = scrub_ctx_new();
    const char *doc = docs[_i];
    ck_assert_status(scrub_classify_lines(ctx, doc, strlen(doc), 0), SCRUB_OK);
    expect_kept_range(ctx, _i, 2, 7, true);
    scrub_ctx_free(ctx);
}
END_TEST

Suite *make_suite(void);

Suite *make_suite(void)
{
    Suite *s = suite_create("filter");
    TCase *tc = tcase_create("labels");
    tcase_add_test(tc, labels_simplified);
    tcase_add_test(tc, labels_traditional);
    tcase_add_test(tc, label_names_are_pinned);
    tcase_add_test(tc, policy_default_ctx_and_call);
    tcase_add_test(tc, english_page);
    tcase_add_test(tc, other_languages);
    tcase_add_test(tc, dates_in_words);
    tcase_add_test(tc, credits_and_notices);
    tcase_add_test(tc, figure_credits_and_bracketed_links);
    tcase_add_test(tc, article_end);
    tcase_add_test(tc, copyright_and_authors);
    tcase_add_test(tc, gallery_buttons);
    tcase_add_test(tc, buttons_and_comments);
    tcase_add_test(tc, zh_buttons);
    tcase_add_test(tc, boxes_and_notes);
    tcase_add_test(tc, linked_lines_whole_page);
    tcase_add_test(tc, table_of_contents);
    tcase_add_test(tc, terms_in_two_categories);
    tcase_add_test(tc, page_buttons);
    tcase_add_test(tc, cased_markers);
    tcase_add_test(tc, photo_credits);
    tcase_add_test(tc, residue_and_counters);
    tcase_add_test(tc, comment_forms_and_banners);
    tcase_add_test(tc, zh_generated_forms);
    tcase_add_test(tc, zh_repost_notices);
    tcase_add_test(tc, zh_counters);
    tcase_add_test(tc, zh_font_size_control);
    tcase_add_test(tc, zh_button_row);
    tcase_add_test(tc, button_row_any_script);
    tcase_add_test(tc, residue_in_sentences);
    tcase_add_test(tc, account_form_and_legal_lines);
    tcase_add_test(tc, time_alone);
    tcase_add_test(tc, zh_disclaimer_lines);
    tcase_add_test(tc, share_and_discussion_prompts);
    tcase_add_test(tc, zh_account_buttons);
    tcase_add_test(tc, zh_end_marks);
    tcase_add_test(tc, zh_boxes_and_links);
    tcase_add_test(tc, zh_bylines_and_accounts);
    tcase_add_test(tc, zh_teaser_runs);
    tcase_add_test(tc, zh_opening_feed);
    tcase_add_test(tc, zh_title_list);
    tcase_add_test(tc, zh_title_tail);
    tcase_add_test(tc, zh_provenance_meta);
    tcase_add_test(tc, zh_escaped_url);
    tcase_add_test(tc, zh_after_pager);
    tcase_add_test(tc, bylines_other_languages);
    tcase_add_test(tc, media_links_and_pages);
    tcase_add_test(tc, inline_related_links);
    tcase_add_test(tc, datelines_credits_and_scripts);
    tcase_add_test(tc, buttons_other_languages);
    tcase_add_test(tc, credited_captions);
    tcase_add_test(tc, arrow_links);
    tcase_add_test(tc, end_marks);
    tcase_add_test(tc, residue3_lexicon);
    tcase_add_test(tc, residue3_dated_stamp);
    tcase_add_test(tc, residue3_cut_snippet);
    tcase_add_test(tc, residue3_days_and_rows);
    suite_add_tcase(s, tc);
    tc = tcase_create("spam");
    tcase_add_test(tc, inline_spam_spans);
    tcase_add_test(tc, glued_spam_cut);
    tcase_add_test(tc, glued_spam_wide_spaces);
    tcase_add_test(tc, glued_keywords_before_sentence);
    tcase_add_test(tc, traps_stay);
    tcase_add_test(tc, lettered_items_stay);
    tcase_add_test(tc, zh_layout);
    tcase_add_test(tc, document_score);
    tcase_add_test(tc, caller_lexicon);
    tcase_add_loop_test(tc, caller_pitch_lexicon, 0, 2); /* English, German */
    tcase_add_test(tc, brand_after_field);
    tcase_add_test(tc, promo_and_seo_questions);
    tcase_add_test(tc, spam_shapes_without_lexicon);
    tcase_add_test(tc, spam_page_terms);
    tcase_add_test(tc, lone_advert_not_farm);
    tcase_add_test(tc, template_farm_unknown_brand);
    tcase_add_test(tc, tail_rows_table);
    tcase_add_test(tc, stray_paragraph_after_body);
    tcase_add_test(tc, closing_line_stays);
    tcase_add_test(tc, opening_line_stays);
    tcase_add_test(tc, tail_rows_inside);
    tcase_add_test(tc, injected_advert_inside_table);
    tcase_add_test(tc, injected_lines_inside_body);
    tcase_add_test(tc, injected_pager_not_body_end);
    tcase_add_test(tc, furniture_inside_tail_list);
    tcase_add_test(tc, symbol_inside_title);
    tcase_add_test(tc, title_alone_above);
    tcase_add_test(tc, messenger_call_to_act);
    tcase_add_test(tc, brand_shapes);
    tcase_add_test(tc, hospital_promotion);
    tcase_add_test(tc, widened_lexicon);
    tcase_add_test(tc, substituted_brand);
    tcase_add_test(tc, lottery_centre_not_substituted);
    tcase_add_test(tc, wide_letters_fold);
    tcase_add_test(tc, star_and_dash_separators);
    tcase_add_test(tc, spelled_domain_advert);
    tcase_add_test(tc, unbranded_adverts_between_paragraphs);
    tcase_add_test(tc, brand_with_call_to_act);
    tcase_add_test(tc, spec_rows);
    tcase_add_test(tc, hospital_ad_farm);
    tcase_add_test(tc, disclaimer_notice);
    tcase_add_test(tc, keyword_fragments);
    tcase_add_test(tc, comment_stream);
    tcase_add_test(tc, appended_advert);
    tcase_add_test(tc, appended_advert_traps);
    tcase_add_test(tc, short_clauses);
    tcase_add_loop_test(tc, link_list_spec_figures, 0, 2);
    tcase_add_loop_test(tc, outside_article, 0, 2);
    tcase_add_loop_test(tc, article_edge, 0, 2); /* English, German */
    tcase_add_loop_test(tc, dek_under_title, 0, 2); /* English, German */
    tcase_add_loop_test(tc, kicker_and_dek, 0, 2); /* English, German */
    tcase_add_loop_test(tc, candidate_sentences, 0, 2); /* English, German */
    tcase_add_loop_test(tc, divsoup_menu_makes_a_page, 0, 2);  /* English, German */
    tcase_add_loop_test(tc, candidate_fallback, 0, 2); /* English, German */
    tcase_add_loop_test(tc, boxed_prose, 0, 2); /* English, German */
    tcase_add_test(tc, boxed_any_class);         /* English, German */
    tcase_add_loop_test(tc, boxed_thread_mark, 0, 2); /* English, German */
    tcase_add_loop_test(tc, boxed_lines, 0, 2); /* English, French */
    tcase_add_loop_test(tc, boxed_furniture, 0, 2); /* English, French */
    tcase_add_loop_test(tc, pitch_lines_removed, 0, 2); /* English, German */
    tcase_add_loop_test(tc, source_and_author_lines, 0, 2); /* German, Polish */
    tcase_add_loop_test(tc, boxed_capitals, 0, 2); /* English, French */
    tcase_add_loop_test(tc, linked_headings, 0, 2); /* English, German */
    tcase_add_loop_test(tc, box_pitch, 0, 2);
    tcase_add_loop_test(tc, teaser_box, 0, 2);
    tcase_add_loop_test(tc, teaser_pairs, 0, 2);
    tcase_add_loop_test(tc, teaser_pairs_steps, 0, 2);
    tcase_add_loop_test(tc, box_title_words, 0, 2);
    tcase_add_loop_test(tc, far_banner_title, 0, 2);
    tcase_add_loop_test(tc, post_credit_line, 0, 2);
    tcase_add_loop_test(tc, comment_units, 0, 2); /* Simplified, Traditional */
    tcase_add_loop_test(tc, lone_comment_unit, 0, 2);
    tcase_add_loop_test(tc, indented_interview, 0, 2);
    tcase_add_loop_test(tc, section_numbers, 0, 3); /* Simplified, Traditional, English */
    tcase_add_loop_test(tc, article_head, 0, 2);    /* Simplified, Traditional */
    tcase_add_loop_test(tc, page_headline, 0, 3);   /* English, Simplified, Traditional */
    tcase_add_loop_test(tc, heading_over_body, 0, 2); /* English, German */
    tcase_add_loop_test(tc, dek_under_headline, 0, 4); /* English, German, French, Spanish */
    tcase_add_loop_test(tc, dek_and_first_line, 0, 3);
    tcase_add_loop_test(tc, heading_over_credit, 0, 3);
    tcase_add_loop_test(tc, linked_caption, 0, 2);
    tcase_add_loop_test(tc, title_parts, 0, 2);
    tcase_add_loop_test(tc, wrapped_prose, 0, 3);
    tcase_add_loop_test(tc, list_announcement, 0, 3);
    tcase_add_loop_test(tc, dash_list_after_leadin, 0, 2);
    tcase_add_loop_test(tc, main_heading_under_layout_class, 0, 2);
    tcase_add_loop_test(tc, list_prose_steps, 0, 2);
    tcase_add_loop_test(tc, unlinked_comment_class_holding_main, 0, 2);
    tcase_add_loop_test(tc, score_boards_in_body, 0, 2);
    tcase_add_loop_test(tc, numbered_contents_sections, 0, 2);
    tcase_add_loop_test(tc, pinyin_verse, 0, 2);
    tcase_add_loop_test(tc, repeated_sheets, 0, 2);
    tcase_add_loop_test(tc, cell_rows_under_body, 0, 2);
    tcase_add_loop_test(tc, table_under_body_heading, 0, 2);
    tcase_add_loop_test(tc, insert_under_last_paragraph, 0, 2);
    tcase_add_loop_test(tc, short_paragraphs_guess_teasers, 0, 2);
    tcase_add_loop_test(tc, zh_marker_in_body, 0, 2);
    tcase_add_loop_test(tc, zh_marker_categories_in_body, 0, 2);
    tcase_add_loop_test(tc, numbered_list, 0, 3); /* Simplified, Traditional, English */
    tcase_add_loop_test(tc, spec_fields, 0, 3);
    tcase_add_test(tc, no_phone_in_codes);
    tcase_add_loop_test(tc, tab_section, 0, 3);
    tcase_add_loop_test(tc, hard_wrapped_prose, 0, 2); /* English, German */
    tcase_add_loop_test(tc, unlinked_title_tail, 0, 3); /* Simplified, Traditional, Japanese */
    tcase_add_loop_test(tc, recipe_quantities, 0, 2); /* German, English */
    tcase_add_loop_test(tc, fact_block_in_article, 0, 2); /* English, French */
    tcase_add_loop_test(tc, fact_block_glued_minutes, 0, 2); /* English, French */
    tcase_add_loop_test(tc, fact_block_tour_dates, 0, 2);   /* English, German */
    tcase_add_loop_test(tc, fact_block_ticker_entry, 0, 2); /* English, German */
    tcase_add_loop_test(tc, fact_block_ticker_pitch_wrap, 0, 2); /* Polish, German */
    tcase_add_loop_test(tc, fact_block_recipe_card, 0, 2);       /* English, German */
    tcase_add_loop_test(tc, fact_block_cited_infobox, 0, 2);     /* English, French */
    tcase_add_loop_test(tc, fact_block_head_facts, 0, 2);        /* English, French */
    tcase_add_loop_test(tc, alphabetic_verse, 0, 2); /* English, Russian */
    suite_add_tcase(s, tc);
    tc = tcase_create("linestats");
    tcase_add_test(tc, linestats_learn_and_use);
    tcase_add_test(tc, linestats_save_load);
    tcase_add_test(tc, linestats_bounded_memory);
    suite_add_tcase(s, tc);
    tc = tcase_create("api");
    tcase_add_test(tc, hints_from_the_dom);
    tcase_add_test(tc, hints_whole_page);
    tcase_add_test(tc, form_and_share_buttons);
    tcase_add_loop_test(tc, ad_slot_under_label, 0, 2); /* Italian, Chinese */
    tcase_add_loop_test(tc, short_linked_heading_teaser, 0, 2);
    tcase_add_loop_test(tc, link_entries_after_body, 0, 2);
    tcase_add_test(tc, lines_and_policy);
    tcase_add_test(tc, errors);
    tcase_add_test(tc, allocation_failures);
    suite_add_tcase(s, tc);
    return s;
}

SCRUB_TEST_MAIN(make_suite)
