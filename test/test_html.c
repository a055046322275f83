/* HTML stage: blocks, tables, dropped elements, entities, whitespace, pre,
 * hints, metadata, limits, libxml2's silence, allocation failure, and the
 * accuracy on the real pages of ../shared/testdata/html. */
#include "test_util.h"

#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <libxml/HTMLparser.h>
#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <unicode/ucnv.h>

#include "internal.h"

/* ---- helpers ------------------------------------------------------------- */

/* Checks the text policy on an output: valid UTF-8, every line ends with
 * LF, no empty lines, and one hint per line. */
static void check_invariants(scrub_ctx *ctx, const char *out, size_t len)
{
    ck_assert_uint_eq(scrub__utf8_valid_prefix(out, len), len);
    ck_assert_msg(len == 0 || out[len - 1] == '\n', "last line has no LF");
    size_t lines = 0;
    for (size_t i = 0; i < len; i++) {
        if (out[i] != '\n') continue;
        ck_assert_msg(i > 0 && out[i - 1] != '\n', "empty line at byte %zu", i);
        lines++;
    }
    ck_assert_uint_eq(scrub_html_line_count(ctx), lines);
    size_t count = 99;
    const uint32_t *hints = scrub_html_line_hints(ctx, &count);
    ck_assert_uint_eq(count, lines);
    ck_assert(lines == 0 || hints != NULL);
}

/* Converts HTML (UTF-8) to text and compares with want. */
static void expect_text(const char *html, const char *want)
{
    scrub_ctx *ctx = scrub_ctx_new();
    char *out;
    size_t len;
    ck_assert_status(scrub_html_to_text(ctx, html, strlen(html), "utf-8", 0, &out, &len), SCRUB_OK);
    ck_assert_mem_eq_str(out, len, want);
    check_invariants(ctx, out, len);
    scrub_free(out);
    scrub_ctx_free(ctx);
}

/* Runs html and returns the hints of line i (the line's text must be want). */
static uint32_t line_hint(scrub_ctx *ctx, const char *html, size_t i, const char *want)
{
    char *out;
    size_t len;
    ck_assert_status(scrub_html_to_text(ctx, html, strlen(html), NULL, SCRUB_HTML_UTF8, &out, &len),
                     SCRUB_OK);
    check_invariants(ctx, out, len);
    size_t pos = 0, n = 0;
    scrub__line line;
    bool found = false;
    while (scrub__next_line(out, len, pos, &line)) {
        if (n == i) {
            ck_assert_msg(line.len == strlen(want) && memcmp(out + line.start, want, line.len) == 0,
                          "line %zu is \"%.*s\", expected \"%s\"", i, (int)line.len,
                          out + line.start, want);
            found = true;
        }
        pos = line.next;
        n++;
    }
    scrub_free(out);
    ck_assert_msg(found, "no line %zu", i);
    size_t count;
    return scrub_html_line_hints(ctx, &count)[i];
}

/* ---- text rules ------------------------------------------------------------ */

START_TEST(blocks_one_line_each)
{
    expect_text("<p>one</p><p>two</p><div>three<div>four</div>five</div>", "one\ntwo\nthree\nfour\nfive\n");
    expect_text("<ul><li>apple</li><li>pear</li></ul><ol><li>x</ol>", "apple\npear\nx\n");
    expect_text("<h1>Head</h1>body<h2>Sub</h2><h6>six</h6>", "Head\nbody\nSub\nsix\n");
    expect_text("line one<br>line two<br/><br>line three", "line one\nline two\nline three\n");
    expect_text("<blockquote>quoted</blockquote><section>sec</section><article>art</article>",
                "quoted\nsec\nart\n");
    expect_text("<dl><dt>term</dt><dd>definition</dd></dl>", "term\ndefinition\n");
    expect_text("<figure><img src=x><figcaption>A cat</figcaption></figure>", "A cat\n");
    /* inline elements join their text into the line */
    expect_text("<p>a<b>b</b>c <i>d</i> <span>e</span><a href=#>f</a></p>", "abc d ef\n");
    /* a fragment that starts with an inline element: libxml2 opens a <p>
     * of its own before the text that follows, which must not break the line */
    expect_text("<b>粗体</b>和普通文字在一起。", "粗体和普通文字在一起。\n");
    expect_text("<span>a</span>b<div>c</div>d", "ab\nc\nd\n");
    expect_text("<b>x</b>y<p>z</p>w", "xy\nz\nw\n");
    /* a written <p>, with or without attributes, still breaks */
    expect_text("<p class=\"x\" >one</p>two<p>three", "one\ntwo\nthree\n");
    expect_text("", "");
    expect_text("<p></p><div> </div>", "");
}
END_TEST

START_TEST(tables_tab_separated)
{
    expect_text("<table><tr><th>Name</th><th>Age</th></tr>"
                "<tr><td>Ann</td><td>31</td></tr><tr><td>Bob</td><td></td><td>x</td></tr></table>",
                "Name\tAge\nAnn\t31\nBob\tx\n");
    /* a missing </td> or </tr> is implied */
    expect_text("<table><tr><td>1<td>2<tr><td>3<td> 4 </table>", "1\t2\n3\t4\n");
}
END_TEST

START_TEST(dropped_elements)
{
    expect_text("<p>keep</p><script>var a = '<p>no</p>';</script><style>p { x: y }</style>"
                "<noscript><p>no js</p></noscript><template><p>tpl</p></template>"
                "<svg><text>vector</text></svg><iframe>frame</iframe><p>end</p>",
                "keep\nend\n");
    expect_text("<html><head><title>T</title><meta name=x content=y></head><body>b</body></html>",
                "b\n");
    /* what a browser hides: the hidden attribute, an inline display:none */
    expect_text("<p>shown</p><div hidden><p>gone</p></div><div style='color:red; Display : None'>"
                "<a href='http://spam.test'>spam link</a></div><p style='display:block'>kept</p>",
                "shown\nkept\n");
    expect_text("<body style='display:none'><p>revealed by a script</p></body>", "revealed by a script\n");
}
END_TEST

/* A div (or table part) left open inside <noscript> makes libxml2 ignore
 * the </noscript>, so the rest of the page sits inside the noscript in its
 * tree.  The text after the source's </noscript> is the page's own. */
START_TEST(noscript_left_open)
{
    expect_text("<noscript><div id=\"x\"></noscript><div><p>ZZZ</p></div>", "ZZZ\n");
    expect_text("<body><p>one</p><noscript><table><tr><td><img src=pixel.gif></noscript>"
                "<p>two</p><div>three<p>four</p></div></body>",
                "one\ntwo\nthree\nfour\n");
    /* the leaked elements give the text after them nothing: no class, no
     * link share, no table row */
    scrub_ctx *ctx = scrub_ctx_new();
    static const char page[] =
        "<p>before</p><noscript><div class='menu'><table><tr><td><a href='/x'>"
        "</noscript><h2>Heading</h2><p>Some <a href='/y'>text</a></p>"
        "<nav><ul><li>menu item</li></ul></nav><p>end</p>";
    ck_assert_uint_eq(line_hint(ctx, page, 0, "before"), 0);
    ck_assert_uint_eq(line_hint(ctx, page, 1, "Heading"), SCRUB_HINT_HEADING);
    uint32_t h = line_hint(ctx, page, 2, "Some text");
    ck_assert_uint_eq(h & SCRUB_HINT_FLAGS_MASK, 0);
    ck_assert_uint_eq(h >> SCRUB_HINT_LINK_SHARE_SHIFT, 128); /* 4 of 8 bytes */
    ck_assert_uint_eq(line_hint(ctx, page, 3, "menu item"), SCRUB_HINT_IN_NAV | SCRUB_HINT_LIST_ITEM);
    ck_assert_uint_eq(line_hint(ctx, page, 4, "end"), 0);
    ck_assert_uint_eq(scrub_html_line_count(ctx), 5);
    scrub_ctx_free(ctx);
}
END_TEST

/* The fallback itself, up to its </noscript>, stays dropped, whether
 * libxml2 closes the noscript or not. */
START_TEST(noscript_fallback_still_dropped)
{
    expect_text("<p>a</p><noscript><p>Please enable JavaScript</p></noscript><p>b</p>"
                "<noscript><div>Please enable JavaScript<img src=pixel.gif></noscript><p>c</p>",
                "a\nb\nc\n");
    expect_text("<noscript><div><p>fallback<table><tr><td>cell</noscript><p>page</p>"
                "<noscript>again<div>x</div></noscript><p>end</p>",
                "page\nend\n");
}
END_TEST

/* Each ignored </noscript> gives back one noscript, the innermost first;
 * text still inside an outer one stays dropped. */
START_TEST(noscript_nested)
{
    expect_text("<noscript><noscript><div></noscript></noscript><p>after</p>", "after\n");
    expect_text("<noscript><noscript><div></noscript>outer fallback</noscript><p>after</p>",
                "after\n");
    expect_text("<div><noscript><div><noscript>inner</noscript>fallback</noscript>out</div>"
                "<p>end</p>",
                "out\nend\n");
    /* inside another dropped element the text stays dropped */
    expect_text("<p>shown</p><div hidden><noscript><div></noscript>hidden</div>", "shown\n");
}
END_TEST

/* In the head, the title and metadata after such a noscript are kept, and
 * a body that follows without </head> is read. */
START_TEST(noscript_in_head)
{
    scrub_ctx *ctx = scrub_ctx_new();
    static const char page[] =
        "<html><head><noscript><div><img src=pixel.gif></noscript><title>The page</title>"
        "<meta name=description content='What it says'><body><p>Body text</p></body></html>";
    char *out;
    size_t len;
    ck_assert_status(scrub_html_to_text(ctx, page, strlen(page), NULL, SCRUB_HTML_UTF8, &out, &len),
                     SCRUB_OK);
    ck_assert_mem_eq_str(out, len, "Body text\n");
    check_invariants(ctx, out, len);
    ck_assert_str_eq(scrub_html_title(ctx), "The page");
    ck_assert_str_eq(scrub_html_description(ctx), "What it says");
    scrub_free(out);
    scrub_ctx_free(ctx);
    expect_text("<html><head><noscript><style>.x{}</style></noscript></head><body><p>b</p></body></html>",
                "b\n");
}
END_TEST

START_TEST(entities_decoded)
{
    expect_text("<p>a &amp; b &lt;c&gt; &quot;d&quot; &eacute;t&eacute; &#20013;&#x6587; &copy;</p>",
                "a & b <c> \"d\" été 中文 ©\n");
    /* a no-break space stays, but a line of nothing else is blank */
    expect_text("<p>x&nbsp;y</p><p>&nbsp;</p>", "x\xC2\xA0y\n");
    /* the same for ideographic spaces, which stay as a paragraph's indent */
    expect_text("<p>\xE3\x80\x80\xE3\x80\x80正文</p><p>\xE3\x80\x80&nbsp;</p>",
                "\xE3\x80\x80\xE3\x80\x80正文\n");
}
END_TEST

START_TEST(whitespace_collapsed)
{
    expect_text("<p>  many   spaces\n\tand\r\nlines  </p>", "many spaces and lines\n");
    expect_text("\n\n<div>\n  <p>\n   text  \n  </p>\n\n</div>\n", "text\n");
    expect_text("<p>a <b> b </b> c</p>", "a b c\n");
}
END_TEST

START_TEST(pre_keeps_layout)
{
    expect_text("<pre>  indented\n    more  x\n\n\nafter blank\r\nwindows\rmac</pre>",
                "  indented\n    more  x\nafter blank\nwindows\nmac\n");
    expect_text("<p>a   b</p><pre>c   d</pre><p>e   f</p>", "a b\nc   d\ne f\n");
}
END_TEST

START_TEST(nul_bytes_dropped)
{
    scrub_ctx *ctx = scrub_ctx_new();
    char *out;
    size_t len;
    static const char page[] = "<p>a\0b</p>\0<p>c</p>";
    ck_assert_status(scrub_html_to_text(ctx, page, sizeof page - 1, NULL, SCRUB_HTML_UTF8, &out, &len),
                     SCRUB_OK);
    ck_assert_mem_eq_str(out, len, "ab\nc\n");
    scrub_free(out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(invalid_utf8_replaced)
{
    scrub_ctx *ctx = scrub_ctx_new();
    char *out;
    size_t len;
    static const char page[] = "<p>caf\xE9 ok \xE4\xB8</p>";
    ck_assert_status(scrub_html_to_text(ctx, page, sizeof page - 1, NULL, SCRUB_HTML_UTF8, &out, &len),
                     SCRUB_OK);
    ck_assert_mem_eq_str(out, len, "caf\xEF\xBF\xBD ok \xEF\xBF\xBD\n");
    ck_assert_uint_eq(scrub_ctx_replacements(ctx), 2);
    scrub_free(out);
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- hints ------------------------------------------------------------------- */

START_TEST(hints_structure)
{
    scrub_ctx *ctx = scrub_ctx_new();
    static const char page[] =
        "<html><head><title>The Title</title></head><body>"
        "<header><div class='site-menu'><a href='/'>Home</a></div></header>"
        "<nav><a href='/a'>A</a> | <a href='/b'>B</a></nav>"
        "<main><h1>The Title</h1><p>Body text with <a href='/l'>link</a>.</p>"
        "<ul><li>item</li></ul><table><tr><td>cell</td></tr></table>"
        "<pre>code</pre><figure><figcaption>cap</figcaption></figure></main>"
        "<aside id='sidebar'>side</aside>"
        "<div class='post-comments'>a comment</div><div id='related_posts'>rel</div>"
        "<div class='share-buttons'>share me</div><div class='ad'>buy</div>"
        "<div role='navigation'>roles</div>"
        "<footer><p class='copyright'>(c) me</p></footer></body></html>";
    uint32_t h = line_hint(ctx, page, 0, "Home");
    ck_assert_uint_eq(h & SCRUB_HINT_FLAGS_MASK, SCRUB_HINT_IN_HEADER | SCRUB_HINT_CLASS_NAV);
    ck_assert_uint_eq(h >> SCRUB_HINT_LINK_SHARE_SHIFT, 255);
    h = line_hint(ctx, page, 1, "A | B");
    ck_assert_uint_eq(h & SCRUB_HINT_FLAGS_MASK, SCRUB_HINT_IN_NAV);
    ck_assert_uint_eq(h >> SCRUB_HINT_LINK_SHARE_SHIFT, 170); /* 2 of 3 bytes */
    h = line_hint(ctx, page, 2, "The Title");
    ck_assert_uint_eq(h, SCRUB_HINT_IN_MAIN | SCRUB_HINT_HEADING | SCRUB_HINT_TITLE);
    h = line_hint(ctx, page, 3, "Body text with link.");
    ck_assert_uint_eq(h & SCRUB_HINT_FLAGS_MASK, SCRUB_HINT_IN_MAIN);
    ck_assert_int_eq((int)(SCRUB_HINT_LINK_SHARE(h) * 100 + 0.5), 24); /* 4 of 17 */
    ck_assert_uint_eq(line_hint(ctx, page, 4, "item"), SCRUB_HINT_IN_MAIN | SCRUB_HINT_LIST_ITEM);
    ck_assert_uint_eq(line_hint(ctx, page, 5, "cell"), SCRUB_HINT_IN_MAIN | SCRUB_HINT_TABLE);
    ck_assert_uint_eq(line_hint(ctx, page, 6, "code"), SCRUB_HINT_IN_MAIN | SCRUB_HINT_PRE);
    ck_assert_uint_eq(line_hint(ctx, page, 7, "cap"), SCRUB_HINT_IN_MAIN | SCRUB_HINT_CAPTION);
    ck_assert_uint_eq(line_hint(ctx, page, 8, "side"), SCRUB_HINT_IN_ASIDE | SCRUB_HINT_CLASS_SIDEBAR);
    ck_assert_uint_eq(line_hint(ctx, page, 9, "a comment"), SCRUB_HINT_CLASS_COMMENT);
    ck_assert_uint_eq(line_hint(ctx, page, 10, "rel"), SCRUB_HINT_CLASS_RELATED);
    ck_assert_uint_eq(line_hint(ctx, page, 11, "share me"), SCRUB_HINT_CLASS_SHARE);
    ck_assert_uint_eq(line_hint(ctx, page, 12, "buy"), SCRUB_HINT_CLASS_AD);
    ck_assert_uint_eq(line_hint(ctx, page, 13, "roles"), SCRUB_HINT_IN_NAV);
    ck_assert_uint_eq(line_hint(ctx, page, 14, "(c) me"),
                      SCRUB_HINT_IN_FOOTER | SCRUB_HINT_CLASS_FOOTER);
    ck_assert_uint_eq(scrub_html_line_count(ctx), 15);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(hints_title_with_site_name)
{
    scrub_ctx *ctx = scrub_ctx_new();
    static const char page[] = "<title>Ein langer Artikel - Beispiel.de</title><h1>Ein langer Artikel</h1>"
                               "<p>Ein langer</p><p>Beispiel.de</p>";
    ck_assert_uint_eq(line_hint(ctx, page, 0, "Ein langer Artikel"), SCRUB_HINT_HEADING | SCRUB_HINT_TITLE);
    ck_assert_uint_eq(line_hint(ctx, page, 1, "Ein langer"), 0); /* no separator follows */
    ck_assert_uint_eq(line_hint(ctx, page, 2, "Beispiel.de"), SCRUB_HINT_TITLE);
    static const char page2[] = "<title>新闻网｜一篇很长的新闻标题</title><p>一篇很长的新闻标题</p>"
                                "<title>x</title><p>x</p>";
    ck_assert_uint_eq(line_hint(ctx, page2, 0, "一篇很长的新闻标题"), SCRUB_HINT_TITLE); /* full-width bar */
    static const char page3[] = "<title>Site Name | 一篇很长的新闻标题</title><p>一篇很长的新闻标题</p>";
    ck_assert_uint_eq(line_hint(ctx, page3, 0, "一篇很长的新闻标题"), SCRUB_HINT_TITLE);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(hints_class_words_whole)
{
    scrub_ctx *ctx = scrub_ctx_new();
    /* words are split on non-alphanumerics; "header", "load", "navy" and
     * "badge" contain a hint word but are not one */
    ck_assert_uint_eq(line_hint(ctx, "<div class='header load navy badge'>x</div>", 0, "x"), 0);
    ck_assert_uint_eq(line_hint(ctx, "<div class='top_NAV'>x</div>", 0, "x"), SCRUB_HINT_CLASS_NAV);
    ck_assert_uint_eq(line_hint(ctx, "<div id='breadcrumbs'>x</div>", 0, "x"), SCRUB_HINT_CLASS_NAV);
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- the article's block guessed by scoring -------------------------------- */

/* A page with no <main>, <article> or class word of its own: a menu of
 * links, a sidebar of teasers (a linked title and a one-sentence summary
 * each) and the body's paragraphs in plain divs.  Only the body's lines
 * carry SCRUB_HINT_IN_CANDIDATE; the menu, the teasers and the footer do
 * not. */
static const struct {
    const char *menu[3], *head, *body[5], *teaser[3], *summary[3], *footer;
} cand_pages[] = {
    {{"Home", "World", "Sport"},
     "Rivers run dry as the heat wave goes on",
     {"The river that feeds the valley has fallen to its lowest level in forty years, and the "
      "farmers who depend on it say the harvest is already lost.",
      "Officials met on Monday to discuss the crisis, but they agreed only to meet again, which "
      "angered the growers who had travelled for hours to attend.",
      "Scientists warn that the drought is part of a longer trend, driven by rising temperatures, "
      "shrinking snowpack and a growing demand for water.",
      "In the town of Millbrook, residents have been asked to cut their use by half, and the "
      "public pools have closed for the rest of the summer.",
      "The next rain is not expected before October, according to the weather service, which "
      "has issued its highest warning for the whole region."},
     {"Markets fall on rate fears", "Local team wins the cup", "New museum opens downtown"},
     {"Shares slid on Tuesday as traders bet on higher rates.",
      "The final ended in a late goal before a record crowd.",
      "The collection holds works from three centuries of art."},
     "Copyright 2024 Valley News"},
    {{"首页", "国际", "体育"},
     "持续高温致河流干涸",
     {"为山谷供水的河流水位已降至四十年来最低，依靠河水灌溉的农民说，今年的收成已经保不住了，"
      "不少人开始考虑改种耐旱作物。",
      "官员们周一开会讨论旱情，但会议只决定下次再开，这让远道赶来参会的种植户十分不满，"
      "有人当场离席表示抗议。",
      "科学家警告，这场干旱是长期趋势的一部分，气温升高、积雪减少、用水需求增长，"
      "三者叠加，使河流的补给越来越少。",
      "在米尔布鲁克镇，居民被要求把用水量减半，公共游泳池也已在夏季剩下的时间里关闭，"
      "镇政府还在街头设置了临时供水点。",
      "据气象部门预报，十月之前不会有降雨，该部门已对整个地区发布最高级别预警，"
      "并提醒居民注意防暑防火。"},
     {"利率担忧拖累股市", "本地球队夺得冠军", "新博物馆在市中心开放"},
     {"周二交易员押注加息，股价随之下滑。", "决赛在创纪录的观众面前以一个绝杀结束。",
      "新馆收藏了三个世纪的艺术作品。"},
     "版权所有 2024 山谷新闻"},
};

/* Renders cand_pages[k] into buf. */
static void cand_page(char *buf, size_t cap, size_t k)
{
    size_t at = (size_t)snprintf(buf, cap, "<html><body><div class='top'><ul>");
    for (size_t i = 0; i < 3; i++)
        at += (size_t)snprintf(buf + at, cap - at, "<li><a href='/%zu'>%s</a></li>", i,
                               cand_pages[k].menu[i]);
    at += (size_t)snprintf(buf + at, cap - at, "</ul></div><div class='wrap'><div class='box'><h1>%s</h1>",
                           cand_pages[k].head);
    for (size_t i = 0; i < 5; i++)
        at += (size_t)snprintf(buf + at, cap - at, "<p>%s</p>", cand_pages[k].body[i]);
    at += (size_t)snprintf(buf + at, cap - at, "</div><div class='col'>");
    for (size_t i = 0; i < 3; i++)
        at += (size_t)snprintf(buf + at, cap - at, "<div><a href='/t%zu'>%s</a><p>%s</p></div>", i,
                               cand_pages[k].teaser[i], cand_pages[k].summary[i]);
    snprintf(buf + at, cap - at, "</div></div><div class='bottom'>%s</div></body></html>",
             cand_pages[k].footer);
}

START_TEST(hints_candidate_block)
{
    char page[8192];
    cand_page(page, sizeof page, (size_t)_i);
    scrub_ctx *ctx = scrub_ctx_new();
    /* lines: 3 menu, the heading, 5 paragraphs, 3 x (teaser, summary), footer */
    for (size_t i = 0; i < 3; i++)
        ck_assert_uint_eq(line_hint(ctx, page, i, cand_pages[_i].menu[i]) & SCRUB_HINT_IN_CANDIDATE, 0);
    ck_assert_uint_ne(line_hint(ctx, page, 3, cand_pages[_i].head) & SCRUB_HINT_IN_CANDIDATE, 0);
    for (size_t i = 0; i < 5; i++)
        ck_assert_uint_ne(line_hint(ctx, page, 4 + i, cand_pages[_i].body[i]) & SCRUB_HINT_IN_CANDIDATE, 0);
    for (size_t i = 0; i < 3; i++) {
        ck_assert_uint_eq(line_hint(ctx, page, 9 + 2 * i, cand_pages[_i].teaser[i]) &
                              SCRUB_HINT_IN_CANDIDATE, 0);
        ck_assert_uint_eq(line_hint(ctx, page, 10 + 2 * i, cand_pages[_i].summary[i]) &
                              SCRUB_HINT_IN_CANDIDATE, 0);
    }
    ck_assert_uint_eq(line_hint(ctx, page, 15, cand_pages[_i].footer) & SCRUB_HINT_IN_CANDIDATE, 0);
    scrub_ctx_free(ctx);
}
END_TEST

/* A page of teasers alone has no article: its best block holds too little
 * text, and no line gets the bit; a body wrapped in a class that names
 * chrome ("below-banner") is still found. */
START_TEST(hints_candidate_weak_or_wrapped)
{
    scrub_ctx *ctx = scrub_ctx_new();
    char page[8192];
    size_t at = (size_t)snprintf(page, sizeof page, "<div class='col'>");
    for (size_t i = 0; i < 3; i++)
        at += (size_t)snprintf(page + at, sizeof page - at, "<div><a href='/t%zu'>%s</a><p>%s</p></div>",
                               i, cand_pages[_i].teaser[i], cand_pages[_i].summary[i]);
    snprintf(page + at, sizeof page - at, "</div>");
    for (size_t i = 0; i < 3; i++)
        ck_assert_uint_eq(line_hint(ctx, page, 2 * i + 1, cand_pages[_i].summary[i]) &
                              SCRUB_HINT_IN_CANDIDATE, 0);
    at = (size_t)snprintf(page, sizeof page, "<div class='below-banner'><ul><li><a href='/'>%s</a></li></ul><div>",
                          cand_pages[_i].menu[0]);
    for (size_t i = 0; i < 5; i++)
        at += (size_t)snprintf(page + at, sizeof page - at, "<p>%s</p>", cand_pages[_i].body[i]);
    snprintf(page + at, sizeof page - at, "</div></div>");
    ck_assert_uint_eq(line_hint(ctx, page, 0, cand_pages[_i].menu[0]) & SCRUB_HINT_IN_CANDIDATE, 0);
    for (size_t i = 0; i < 5; i++)
        ck_assert_uint_ne(line_hint(ctx, page, 1 + i, cand_pages[_i].body[i]) & SCRUB_HINT_IN_CANDIDATE, 0);
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- metadata -------------------------------------------------------------- */

START_TEST(metadata_found)
{
    scrub_ctx *ctx = scrub_ctx_new();
    static const char page[] =
        "<html lang='zh-CN'><head><title>\n  Hello,\n   world </title>"
        "<meta property='og:description' content='og text'>"
        "<meta name='Description' content=' A  page about   things '>"
        "<meta name='date' content='2020-01-01'>"
        "<meta property='article:published_time' content='2021-02-03T04:05:06Z'>"
        "<link rel='stylesheet' href='/s.css'><link rel='Canonical' href='https://ex.test/p?a=1&amp;b=2'>"
        "<title>second title</title></head><body><time datetime='2019-09-09'>then</time></body></html>";
    char *out;
    size_t len;
    ck_assert_status(scrub_html_to_text(ctx, page, sizeof page - 1, NULL, SCRUB_HTML_UTF8, &out, &len),
                     SCRUB_OK);
    ck_assert_mem_eq_str(out, len, "then\n");
    scrub_free(out);
    ck_assert_str_eq(scrub_html_title(ctx), "Hello, world");
    ck_assert_str_eq(scrub_html_lang(ctx), "zh-CN");
    ck_assert_str_eq(scrub_html_description(ctx), "A page about things");
    ck_assert_str_eq(scrub_html_published(ctx), "2021-02-03T04:05:06Z");
    ck_assert_str_eq(scrub_html_canonical(ctx), "https://ex.test/p?a=1&b=2");

    /* lesser sources when the better ones are missing */
    static const char page2[] = "<meta http-equiv='Content-Language' content='de'>"
                                "<meta property='og:description' content='og text'>"
                                "<p>x <time datetime='2019-09-09'>then</time></p>";
    ck_assert_status(scrub_html_to_text(ctx, page2, sizeof page2 - 1, NULL, SCRUB_HTML_UTF8, &out, &len),
                     SCRUB_OK);
    scrub_free(out);
    ck_assert_ptr_null(scrub_html_title(ctx));
    ck_assert_str_eq(scrub_html_lang(ctx), "de");
    ck_assert_str_eq(scrub_html_description(ctx), "og text");
    ck_assert_str_eq(scrub_html_published(ctx), "2019-09-09");
    ck_assert_ptr_null(scrub_html_canonical(ctx));

    /* a page without any: every accessor says NULL, the details are reset */
    ck_assert_status(scrub_html_to_text(ctx, "<p>x</p>", 8, NULL, SCRUB_HTML_UTF8, &out, &len), SCRUB_OK);
    scrub_free(out);
    ck_assert_ptr_null(scrub_html_lang(ctx));
    ck_assert_ptr_null(scrub_html_description(ctx));
    ck_assert_ptr_null(scrub_html_published(ctx));
    scrub_ctx_free(ctx);

    ck_assert_ptr_null(scrub_html_title(NULL));
    ck_assert_uint_eq(scrub_html_line_count(NULL), 0);
    size_t count = 7;
    ck_assert_ptr_null(scrub_html_line_hints(NULL, &count));
    ck_assert_uint_eq(count, 0);
}
END_TEST

/* ---- limits and bad input ------------------------------------------------------ */

static char *nested(const char *open, const char *close, size_t n, const char *middle, size_t *len)
{
    size_t lo = strlen(open), lc = strlen(close), lm = strlen(middle);
    char *s = malloc(n * (lo + lc) + lm + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++, k += lo) memcpy(s + k, open, lo);
    memcpy(s + k, middle, lm);
    k += lm;
    for (size_t i = 0; i < n; i++, k += lc) memcpy(s + k, close, lc);
    s[k] = '\0';
    *len = k;
    return s;
}

START_TEST(depth_flattened)
{
    scrub_ctx *ctx = scrub_ctx_new();
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_MAX_DEPTH, 16), SCRUB_OK);
    /* the nav class sits below the depth limit: its text stays, its hint goes */
    size_t len;
    char *page = nested("<div>", "</div>", 30, "<div class=nav><p>deep</p><script>x</script>tail</div>", &len);
    char *out;
    size_t out_len;
    ck_assert_status(scrub_html_to_text(ctx, page, len, NULL, SCRUB_HTML_UTF8, &out, &out_len), SCRUB_OK);
    ck_assert_mem_eq_str(out, out_len, "deep\ntail\n");
    size_t count;
    ck_assert_uint_eq(scrub_html_line_hints(ctx, &count)[0], 0);
    scrub_free(out);
    free(page);
    /* within the limit the hint is there */
    page = nested("<div>", "</div>", 5, "<div class=nav><p>deep</p></div>", &len);
    ck_assert_status(scrub_html_to_text(ctx, page, len, NULL, SCRUB_HTML_UTF8, &out, &out_len), SCRUB_OK);
    ck_assert_uint_eq(scrub_html_line_hints(ctx, &count)[0], SCRUB_HINT_CLASS_NAV);
    scrub_free(out);
    free(page);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(hundred_thousand_nested_tags)
{
    scrub_ctx *ctx = scrub_ctx_new();
    size_t len;
    char *out;
    size_t out_len;
    /* libxml2 2.9.14 alone stops at depth 256; the text past it is kept */
    char *page = nested("<div>", "</div>", 100000, "deep text", &len);
    ck_assert_status(scrub_html_to_text(ctx, page, len, NULL, 0, &out, &out_len), SCRUB_OK);
    ck_assert_mem_eq_str(out, out_len, "deep text\n");
    scrub_free(out);
    free(page);
    page = nested("<b><i>", "", 50000, "<p>unclosed</p>", &len);
    ck_assert_status(scrub_html_to_text(ctx, page, len, NULL, 0, &out, &out_len), SCRUB_OK);
    ck_assert_mem_eq_str(out, out_len, "unclosed\n");
    scrub_free(out);
    free(page);
    /* stray end tags under deep nesting would cost depth x tags inside
     * libxml2: the work is bounded and the status says why */
    page = nested("<span>", "</div>", 100000, "x", &len);
    ck_assert_status(scrub_html_to_text(ctx, page, len, NULL, 0, &out, &out_len), SCRUB_E_TOO_LARGE);
    ck_assert_ptr_null(out);
    ck_assert_ptr_nonnull(strstr(scrub_ctx_errmsg(ctx), "nested too deeply"));
    ck_assert_uint_eq(scrub_html_line_count(ctx), 0);
    free(page);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(hundred_thousand_attributes)
{
    /* libxml2 compares every attribute of a tag with every earlier one; the
     * attributes past the first 256 of a tag are ignored instead */
    size_t n = 100000, k = 0;
    char *page = malloc(n * 12 + 64);
    k += (size_t)sprintf(page, "<p id=x class=nav ");
    for (size_t i = 0; i < n; i++) k += (size_t)sprintf(page + k, "a%zu='>' ", i);
    k += (size_t)sprintf(page + k, ">text</p><p>after</p>");
    scrub_ctx *ctx = scrub_ctx_new();
    char *out;
    size_t len;
    ck_assert_status(scrub_html_to_text(ctx, page, k, NULL, 0, &out, &len), SCRUB_OK);
    ck_assert_mem_eq_str(out, len, "text\nafter\n");
    ck_assert_uint_eq(scrub_html_line_hints(ctx, NULL)[0], SCRUB_HINT_CLASS_NAV);
    scrub_free(out);
    /* a script that looks like a huge tag is left alone */
    static const char script[] = "<script>if (a <b c d e) {}</script><p>z</p>";
    ck_assert_status(scrub_html_to_text(ctx, script, sizeof script - 1, NULL, 0, &out, &len), SCRUB_OK);
    ck_assert_mem_eq_str(out, len, "z\n");
    scrub_free(out);
    free(page);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(huge_line_and_limits)
{
    scrub_ctx *ctx = scrub_ctx_new();
    /* a 50 MB page without a newline is one 50 MB line */
    size_t n = 50u << 20;
    char *page = malloc(n);
    memcpy(page, "<p>", 3);
    for (size_t i = 3; i < n; i++) page[i] = (i % 6 == 5) ? ' ' : 'w';
    char *out;
    size_t out_len;
    ck_assert_status(scrub_html_to_text(ctx, page, n, NULL, 0, &out, &out_len), SCRUB_OK);
    ck_assert_uint_eq(scrub_html_line_count(ctx), 1);
    ck_assert_uint_gt(out_len, n - 16);
    scrub_free(out);
    /* the same with a smaller MAX_LINE or MAX_INPUT */
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_MAX_LINE, 1 << 20), SCRUB_OK);
    ck_assert_status(scrub_html_to_text(ctx, page, n, NULL, 0, &out, &out_len), SCRUB_E_TOO_LARGE);
    ck_assert_ptr_nonnull(strstr(scrub_ctx_errmsg(ctx), "MAX_LINE"));
    ck_assert_ptr_null(out);
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_MAX_INPUT, 1 << 20), SCRUB_OK);
    ck_assert_status(scrub_html_to_text(ctx, page, n, NULL, 0, &out, &out_len), SCRUB_E_TOO_LARGE);
    ck_assert_ptr_nonnull(strstr(scrub_ctx_errmsg(ctx), "MAX_INPUT"));
    free(page);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(bad_arguments)
{
    scrub_ctx *ctx = scrub_ctx_new();
    char *out = (char *)1;
    size_t len = 1;
    ck_assert_status(scrub_html_to_text(NULL, "x", 1, NULL, 0, &out, &len), SCRUB_E_INVALID_ARG);
    ck_assert_ptr_null(out);
    /* a failed call leaves no details of the page before */
    ck_assert_status(scrub_html_to_text(ctx, "<title>t</title>x", 17, NULL, 0, &out, &len), SCRUB_OK);
    scrub_free(out);
    ck_assert_uint_eq(scrub_html_line_count(ctx), 1);
    ck_assert_status(scrub_html_to_text(ctx, "x", 1, NULL, 0, NULL, &len), SCRUB_E_INVALID_ARG);
    ck_assert_uint_eq(scrub_html_line_count(ctx), 0);
    ck_assert_ptr_null(scrub_html_title(ctx));
    ck_assert_status(scrub_html_to_text(ctx, NULL, 1, NULL, 0, &out, &len), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_html_to_text(ctx, "x", 1, NULL, 1u << 7, &out, &len), SCRUB_E_INVALID_ARG);
    ck_assert_ptr_nonnull(strstr(scrub_ctx_errmsg(ctx), "flags"));
    ck_assert_status(scrub_html_to_text(ctx, NULL, 0, NULL, 0, &out, &len), SCRUB_OK);
    ck_assert_uint_eq(len, 0);
    ck_assert_ptr_nonnull(out);
    scrub_free(out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(unterminated_comment_and_random_bytes)
{
    scrub_ctx *ctx = scrub_ctx_new();
    char *out;
    size_t len;
    static const char page[] = "<p>before</p><!-- never closed <p>hidden</p> and more";
    ck_assert_status(scrub_html_to_text(ctx, page, sizeof page - 1, NULL, 0, &out, &len), SCRUB_OK);
    ck_assert_mem_eq_str(out, len, "before\n");
    scrub_free(out);
    /* random bytes: any text, but well-formed and fast */
    size_t n = 1u << 20;
    unsigned char *junk = malloc(n);
    uint32_t x = 12345;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        junk[i] = (unsigned char)(x >> 16);
    }
    ck_assert_status(scrub_html_to_text(ctx, (char *)junk, n, NULL, 0, &out, &len), SCRUB_OK);
    check_invariants(ctx, out, len);
    ck_assert_uint_gt(len, 0);
    scrub_free(out);
    free(junk);
    scrub_ctx_free(ctx);
}
END_TEST

/* libxml2 must not write to stderr, whatever the page, and its thread's
 * error handlers must be as the host left them. */
static int host_errors;
static void host_handler(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
    host_errors++;
}

START_TEST(libxml2_errors_not_printed)
{
    fflush(stderr);
    int saved = dup(2);
    FILE *tmp = tmpfile();
    ck_assert_ptr_nonnull(tmp);
    dup2(fileno(tmp), 2);
    scrub_ctx *ctx = scrub_ctx_new();
    static const char *pages[] = {
        "<html><body><p>unclosed <b><i>x</b></i></div></span><table><td>y",
        "<meta charset=gb2312><p>\xE4\xB8\xAD\xE6\x96\x87 utf-8 under a gb2312 meta</p>",
        "<?xml version='1.0' encoding='bogus'?><!DOCTYPE x SYSTEM 'http://x/x.dtd'><p>&bogus; &#xD800;",
        "<p>stray \xFF\xFE bytes \x80</p><a href='&#0;'>z</a><<<>>>",
    };
    size_t errors = 0;
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        char *out;
        size_t len;
        ck_assert_status(scrub_html_to_text(ctx, pages[i], strlen(pages[i]), "gb2312", 0, &out, &len), SCRUB_OK);
        errors += scrub_html_parse_errors(ctx);
        scrub_free(out);
    }
    /* the host's own handler is still in place afterwards */
    xmlSetGenericErrorFunc(NULL, host_handler);
    char *out;
    size_t len;
    ck_assert_status(scrub_html_to_text(ctx, pages[0], strlen(pages[0]), NULL, 0, &out, &len), SCRUB_OK);
    scrub_free(out);
    ck_assert(xmlGenericError == host_handler);
    ck_assert_int_eq(host_errors, 0);
    xmlSetGenericErrorFunc(NULL, NULL);
    scrub_ctx_free(ctx);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    long size = ftell(tmp);
    fseek(tmp, 0, SEEK_END);
    size = ftell(tmp);
    fclose(tmp);
    ck_assert_msg(size == 0, "libscrub wrote %ld bytes to stderr", size);
    ck_assert_uint_gt(errors, 0); /* they were seen, and counted */
}
END_TEST

/* ---- threads ------------------------------------------------------------------ */

static const char thread_page[] =
    "<html><title>Threads</title><body><nav><a href=/>home</a></nav>"
    "<p>one <b>two</b> three</p><table><tr><td>a<td>b</table><pre> x\n y</pre>"
    "<div><div><span>deep</span></div></div></body></html>";

static void *thread_work(void *arg)
{
    int *same = arg;
    scrub_ctx *ctx = scrub_ctx_new();
    *same = 1;
    for (int i = 0; i < 200 && ctx; i++) {
        char *out;
        size_t len;
        if (scrub_html_to_text(ctx, thread_page, sizeof thread_page - 1, "utf-8", 0, &out, &len) != SCRUB_OK) {
            *same = 0;
            break;
        }
        static const char want[] = "home\none two three\na\tb\n x\n y\ndeep\n";
        size_t n;
        if (len != sizeof want - 1 || memcmp(out, want, len) != 0 ||
            strcmp(scrub_html_title(ctx), "Threads") != 0 ||
            scrub_html_line_hints(ctx, &n)[0] != (SCRUB_HINT_IN_NAV | 255u << 24))
            *same = 0;
        scrub_free(out);
    }
    scrub_ctx_free(ctx);
    return NULL;
}

START_TEST(contexts_in_parallel_threads)
{
    pthread_t t[4];
    int same[4];
    for (int i = 0; i < 4; i++) ck_assert_int_eq(pthread_create(&t[i], NULL, thread_work, &same[i]), 0);
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        ck_assert_msg(same[i], "thread %d got a different result", i);
    }
}
END_TEST

/* ---- allocation failure -------------------------------------------------------- */

static int call_html(scrub_ctx *ctx, void *arg)
{
    const char *page = arg;
    char *out;
    size_t len;
    int rc = scrub_html_to_text(ctx, page, strlen(page), "utf-8", 0, &out, &len);
    if (rc == SCRUB_OK) {
        if (!scrub_html_title(ctx) || strcmp(scrub_html_title(ctx), "T i") != 0) rc = SCRUB_E_INTERNAL;
        scrub_free(out);
    } else if (out || scrub_html_line_count(ctx) || scrub_html_title(ctx)) {
        rc = SCRUB_E_INTERNAL; /* a failed call leaves no details */
    }
    return rc;
}

static int call_html_utf8(scrub_ctx *ctx, void *arg)
{
    const char *page = arg;
    char *out;
    size_t len;
    int rc = scrub_html_to_text(ctx, page, strlen(page), NULL, SCRUB_HTML_UTF8, &out, &len);
    if (rc == SCRUB_OK) scrub_free(out);
    return rc;
}

START_TEST(allocation_failures)
{
    static char page[1 << 14];
    size_t k = (size_t)snprintf(page, sizeof page,
                                "<html lang=en><title>T   i</title><meta name=description content='d d'>"
                                "<link rel=canonical href=/c><meta name=date content=2020>");
    while (k < sizeof page - 200)
        k += (size_t)snprintf(page + k, sizeof page - k, "<p class=nav>line %zu <a href=#>x</a></p>", k);
    test_alloc_failures(call_html, page);
    test_alloc_failures(call_html_utf8, page);
}
END_TEST

/* ---- accuracy on real pages ------------------------------------------------------ */

/* The ICU converter for MANIFEST's true encoding (WHATWG semantics). */
static const char *icu_name(const char *truth)
{
    static const struct {
        const char *prefix, *icu;
    } map[] = {
        {"GBK", "gb18030"},          {"Shift_JIS", "windows-31j"}, {"Big5", "Big5-HKSCS"},
        {"UTF-16LE", "UTF-16LE"},    {"utf-8", "UTF-8"},          {"windows-125", NULL},
        {"ISO-8859-", NULL},         {"EUC-JP", "EUC-JP"},        {"KOI8-R", "KOI8-R"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strncmp(truth, map[i].prefix, strlen(map[i].prefix)) == 0)
            return map[i].icu ? map[i].icu : truth;
    return NULL;
}

static char *icu_to_utf8(const char *codec, const char *s, size_t n, size_t *out_len)
{
    if (strcmp(codec, "UTF-16LE") == 0 && n >= 2 && (unsigned char)s[0] == 0xFF &&
        (unsigned char)s[1] == 0xFE)
        s += 2, n -= 2;
    if (strcmp(codec, "UTF-8") == 0 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) s += 3, n -= 3;
    UErrorCode err = U_ZERO_ERROR;
    size_t cap = n * 3 + 16;
    char *out = malloc(cap);
    int32_t got = ucnv_convert("UTF-8", codec, out, (int32_t)cap, s, (int32_t)n, &err);
    ck_assert_msg(U_SUCCESS(err), "ICU %s: %s", codec, u_errorName(err));
    *out_len = (size_t)got;
    return out;
}

/* Code points of s, without whitespace (layout may differ, text may not). */
static size_t squeeze(const char *s, size_t n, uint32_t *cps)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += scrub__utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == '\f') continue;
        cps[k++] = cp;
    }
    return k;
}

/* Same text, where a U+FFFD of the reference (a stray byte in a page that
 * is otherwise UTF-8) may stand for any one character. */
static bool same_text(const char *ref, size_t ref_len, const char *got, size_t got_len, char *why,
                      size_t why_size)
{
    uint32_t *a = malloc((ref_len + 1) * sizeof *a), *b = malloc((got_len + 1) * sizeof *b);
    size_t na = squeeze(ref, ref_len, a), nb = squeeze(got, got_len, b);
    size_t i = 0;
    while (i < na && i < nb && (a[i] == b[i] || a[i] == SCRUB__REPLACEMENT)) i++;
    bool same = i == na && i == nb;
    if (!same)
        snprintf(why, why_size, "%zu of %zu characters, first difference at %zu: U+%04X vs U+%04X",
                 nb, na, i, i < na ? (unsigned)a[i] : 0u, i < nb ? (unsigned)b[i] : 0u);
    free(a);
    free(b);
    return same;
}

/* Text of a libxml2 tree: text nodes outside script/style, in order. */
static void tree_text(xmlNodePtr node, scrub__buf *b)
{
    for (; node; node = node->next) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            scrub__buf_append(b, node->content, strlen((const char *)node->content));
            scrub__buf_putc(b, ' ');
        } else if (node->type == XML_ELEMENT_NODE &&
                   strcmp((const char *)node->name, "script") != 0 &&
                   strcmp((const char *)node->name, "style") != 0) {
            tree_text(node->children, b);
        }
    }
}

static char *bare_libxml2_text(const char *page, size_t len, const char *enc, int options, size_t *out_len)
{
    htmlDocPtr doc = htmlReadMemory(page, (int)len, NULL, enc,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | options);
    scrub__buf b = SCRUB__BUF_INIT;
    if (doc) tree_text(xmlDocGetRootElement(doc) ? xmlDocGetRootElement(doc) : NULL, &b);
    xmlFreeDoc(doc);
    scrub__buf_putc(&b, 0);
    *out_len = b.len - 1;
    return b.data;
}

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

typedef struct {
    char *path, *truth, *charset, *title;
} manifest_row;

static size_t read_manifest(char *text, manifest_row *rows, size_t max)
{
    size_t n = 0;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line && n < max; line = strtok_r(NULL, "\n", &save)) {
        char *f[9] = {line};
        for (int i = 1; i < 9; i++) {
            char *tab = f[i - 1] ? strchr(f[i - 1], '\t') : NULL;
            if (tab) *tab = '\0';
            f[i] = tab ? tab + 1 : NULL;
        }
        if (!f[8] || strcmp(f[0], "path") == 0) continue;
        char *tab = strchr(f[8], '\t');
        if (tab) *tab = '\0';
        char *cs = strstr(f[2], "charset=");
        rows[n++] = (manifest_row){f[0], f[1], cs ? cs + 8 : NULL, f[8]};
    }
    return n;
}

START_TEST(accuracy_real_pages)
{
    size_t mlen;
    char *manifest = test_read_shared("testdata/html/MANIFEST.tsv", &mlen);
    if (!manifest) return;
    manifest_row rows[128];
    size_t nrows = read_manifest(manifest, rows, 128);
    xmlSetGenericErrorFunc(NULL, quiet); /* bare libxml2 prints its encoding errors */
    scrub_ctx *ctx = scrub_ctx_new();
    int pages = 0, ok = 0, bare_ok = 0, titles = 0, titles_ok = 0;
    int own = 0, own_bare_ok = 0; /* the pages in html/ itself, not ../web */
    for (size_t r = 0; r < nrows; r++) {
        const char *codec = icu_name(rows[r].truth);
        /* truth unknown; or AngleSharp's serialized response, whose body is
         * the .body.html row */
        if (!codec || strstr(rows[r].path, ".res")) continue;
        char rel[1024];
        snprintf(rel, sizeof rel, "testdata/html/%s", rows[r].path);
        size_t len;
        char *page = test_read_shared(rel, &len);
        ck_assert_ptr_nonnull(page);
        char *body = page;
        pages++;
        size_t ref_u8_len, ref_len, got_len;
        char *ref_u8 = icu_to_utf8(codec, body, len, &ref_u8_len);
        char *ref, *got;
        ck_assert_status(scrub_html_to_text(ctx, ref_u8, ref_u8_len, NULL, SCRUB_HTML_UTF8, &ref, &ref_len),
                         SCRUB_OK);
        ck_assert_status(scrub_html_to_text(ctx, body, len, rows[r].charset, 0, &got, &got_len), SCRUB_OK);
        char why[200] = "";
        bool same = same_text(ref, ref_len, got, got_len, why, sizeof why);
        ok += same;
        if (!same) printf("html accuracy: %s (%s): %s\n", rows[r].path, rows[r].truth, why);
        if (rows[r].title[0]) {
            titles++;
            const char *t = scrub_html_title(ctx);
            /* MANIFEST cuts long titles at 90 bytes */
            bool tsame = t && strncmp(t, rows[r].title, strlen(rows[r].title)) == 0;
            titles_ok += tsame;
            if (!tsame) printf("html accuracy: %s: title \"%s\", expected \"%s\"\n", rows[r].path, t ? t : "(none)", rows[r].title);
        }

        /* libxml2 left to itself, against its own reading of the right text */
        size_t bare_len, bare_ref_len;
        char *bare = bare_libxml2_text(body, len, rows[r].charset, 0, &bare_len);
        char *bare_ref = bare_libxml2_text(ref_u8, ref_u8_len, "UTF-8", HTML_PARSE_IGNORE_ENC, &bare_ref_len);
        bool bare_same = same_text(bare_ref, bare_ref_len, bare, bare_len, why, sizeof why);
        bare_ok += bare_same;
        if (strncmp(rows[r].path, "../", 3) != 0) own++, own_bare_ok += bare_same;
        if (!bare_same) printf("html accuracy: bare libxml2 garbles %s: %s\n", rows[r].path, why);
        free(bare);
        free(bare_ref);
        scrub_free(ref);
        scrub_free(got);
        free(ref_u8);
        free(page);
    }
    scrub_ctx_free(ctx);
    xmlSetGenericErrorFunc(NULL, NULL);
    printf("html accuracy: scrub_html_to_text keeps the whole text of %d of %d pages; "
           "bare libxml2 htmlReadMemory garbles or truncates %d of them (%d of the %d in html/); "
           "titles right: %d of %d\n",
           ok, pages, pages - bare_ok, own - own_bare_ok, own, titles_ok, titles);
    free(manifest);
    ck_assert_int_gt(pages, 30);
    ck_assert_int_eq(ok, pages);
    ck_assert_int_eq(titles_ok, titles);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("html");
    TCase *tc = tcase_create("text");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, blocks_one_line_each);
    tcase_add_test(tc, tables_tab_separated);
    tcase_add_test(tc, dropped_elements);
    tcase_add_test(tc, noscript_left_open);
    tcase_add_test(tc, noscript_fallback_still_dropped);
    tcase_add_test(tc, noscript_nested);
    tcase_add_test(tc, noscript_in_head);
    tcase_add_test(tc, entities_decoded);
    tcase_add_test(tc, whitespace_collapsed);
    tcase_add_test(tc, pre_keeps_layout);
    tcase_add_test(tc, nul_bytes_dropped);
    tcase_add_test(tc, invalid_utf8_replaced);
    tcase_add_test(tc, hints_structure);
    tcase_add_test(tc, hints_title_with_site_name);
    tcase_add_test(tc, hints_class_words_whole);
    tcase_add_loop_test(tc, hints_candidate_block, 0, 2);           /* English, Chinese */
    tcase_add_loop_test(tc, hints_candidate_weak_or_wrapped, 0, 2); /* English, Chinese */
    tcase_add_test(tc, metadata_found);
    tcase_add_test(tc, depth_flattened);
    tcase_add_test(tc, hundred_thousand_nested_tags);
    tcase_add_test(tc, hundred_thousand_attributes);
    tcase_add_test(tc, huge_line_and_limits);
    tcase_add_test(tc, bad_arguments);
    tcase_add_test(tc, unterminated_comment_and_random_bytes);
    tcase_add_test(tc, libxml2_errors_not_printed);
    tcase_add_test(tc, contexts_in_parallel_threads);
    tcase_add_test(tc, allocation_failures);
    tcase_add_test(tc, accuracy_real_pages);
    suite_add_tcase(s, tc);
    return s;
}

SCRUB_TEST_MAIN(make_suite)
