/* The mojibake stage: every transform and artifact on fixtures written
 * here, damage generated with ICU converters from clean lines of
 * ../shared, ftfy's cases as a conformance test, clean text left alone,
 * allocation failures. */
#include "test_util.h"

#include "mojibake_engine.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

/* ---- helpers ------------------------------------------------------------- */

/* scrub_fix_mojibake on a NUL-terminated string; the result without its
 * final LF, malloc'ed. */
static char *fix_flags(scrub_ctx *ctx, const char *s, unsigned flags)
{
    char *out;
    size_t n;
    ck_assert_status(scrub_fix_mojibake(ctx, s, strlen(s), flags, &out, &n), SCRUB_OK);
    ck_assert(n == 0 || out[n - 1] == '\n');
    char *r = malloc(n + 1);
    memcpy(r, out, n ? n - 1 : 0);
    r[n ? n - 1 : 0] = '\0';
    scrub_free(out);
    return r;
}

static char *fix(scrub_ctx *ctx, const char *s)
{
    return fix_flags(ctx, s, SCRUB_FIX_DEFAULT);
}

#define ck_fix(ctx, in, want)                                                               \
    do {                                                                                    \
        char *got_ = fix(ctx, in);                                                          \
        ck_assert_msg(strcmp(got_, want) == 0, "fix(\"%s\") gave \"%s\", expected \"%s\"", \
                      in, got_, want);                                                      \
        free(got_);                                                                         \
    } while (0)

/* Text s (UTF-8) encoded with `enc` ("utf-8" for none) and decoded with
 * `dec` the way a browser or ICU would (unreadable bytes become U+FFFD);
 * NULL when s cannot be encoded.  malloc'ed UTF-8. */
static char *damage(const char *s, const char *enc, const char *dec)
{
    UErrorCode err = U_ZERO_ERROR;
    size_t len = strlen(s);
    UChar *u = malloc((len + 1) * sizeof(UChar));
    char *bytes = malloc(len * 4 + 4);
    UChar *u2 = malloc((len * 4 + 4) * sizeof(UChar));
    char *out = malloc(len * 12 + 12);
    UConverter *utf8 = ucnv_open("UTF-8", &err);
    UConverter *ce = ucnv_open(enc, &err);
    UConverter *cd = ucnv_open(dec, &err);
    ck_assert_msg(U_SUCCESS(err), "converter %s/%s: %s", enc, dec, u_errorName(err));
    int32_t nu = ucnv_toUChars(utf8, u, (int32_t)len + 1, s, (int32_t)len, &err);
    ucnv_setFromUCallBack(ce, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    int32_t nb = ucnv_fromUChars(ce, bytes, (int32_t)len * 4 + 4, u, nu, &err);
    char *result = NULL;
    if (U_SUCCESS(err)) {
        int32_t nu2 = ucnv_toUChars(cd, u2, (int32_t)len * 4 + 4, bytes, nb, &err);
        for (int32_t i = 0; i < nu2; i++)
            if (u2[i] == 0x1A) u2[i] = 0xFFFD; /* single-byte substitute */
        int32_t no = ucnv_fromUChars(utf8, out, (int32_t)len * 12 + 12, u2, nu2, &err);
        if (U_SUCCESS(err)) {
            out[no] = '\0';
            result = out;
        }
    }
    ucnv_close(utf8);
    ucnv_close(ce);
    ucnv_close(cd);
    free(u);
    free(u2);
    free(bytes);
    if (result != out) free(out);
    return result;
}

/* ---- fixtures: every transform ------------------------------------------- */

typedef struct {
    const char *text, *enc, *dec;
} damage_case;

/* Sentences written for these tests. */
static const damage_case cases[] = {
    {"Le café est déjà fermé, hélas.", "UTF-8", "ISO-8859-1"},
    {"“Naïve” résumé — über cool…", "UTF-8", "windows-1252"},
    {"Příliš žluťoučký kůň úpěl ďábelské ódy", "UTF-8", "windows-1250"},
    {"Съешь ещё этих мягких булок", "UTF-8", "windows-1251"},
    {"Grüße aus Köln, schön!", "UTF-8", "macintosh"},
    {"我们今天下午去北京参观了国家博物馆。", "UTF-8", "GBK"},
    {"我們今天下午去台北參觀了故宮博物院。", "UTF-8", "Big5"},
    {"今日は東京の博物館に行きました。", "UTF-8", "Shift_JIS"},
    {"今日は東京の博物館に行きました。", "UTF-8", "EUC-JP"},
    {"오늘은 서울의 박물관에 갔습니다.", "UTF-8", "EUC-KR"},
    {"我们今天下午去北京参观了国家博物馆。", "GBK", "ISO-8859-1"},
    {"我们今天下午去北京参观了国家博物馆。", "GBK", "windows-1252"},
    {"我們今天下午去台北參觀了故宮博物院。", "Big5", "ISO-8859-1"},
    {"今日は東京の博物館に行きました。", "Shift_JIS", "ISO-8859-1"},
    {"오늘은 서울의 박물관에 갔습니다.", "EUC-KR", "ISO-8859-1"},
    {"我們今天下午去台北參觀了故宮博物院，大家都很開心。", "Big5", "GBK"},
};

START_TEST(each_transform)
{
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *bad = damage(cases[i].text, cases[i].enc, cases[i].dec);
        ck_assert_ptr_nonnull(bad);
        ck_assert_str_ne(bad, cases[i].text);
        char *got = fix(ctx, bad);
        if (strchr(bad, '?') == NULL && !strstr(bad, "\xEF\xBF\xBD"))
            ck_assert_msg(strcmp(got, cases[i].text) == 0, "%s read as %s: \"%s\" -> \"%s\"",
                          cases[i].enc, cases[i].dec, bad, got);
        else /* lossy: at least repaired, the U+FFFD count no larger */
            ck_assert_msg(scrub_mojibake_repair_count(ctx) > 0, "%s as %s: \"%s\" not repaired",
                          cases[i].enc, cases[i].dec, bad);
        free(got);
        free(bad);
    }
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(layers_and_partial_lines)
{
    scrub_ctx *ctx = scrub_ctx_new();
    /* two layers of windows-1252 */
    char *one = damage("Ça marche très bien", "UTF-8", "windows-1252");
    char *two = damage(one, "UTF-8", "windows-1252");
    ck_fix(ctx, two, "Ça marche très bien");
    /* two layers where the first left a C1 control: ” is E2 80 9D, and 9D
     * (no windows-1252 character) came through as U+009D, which the second
     * layer turned into `Â` + U+009D */
    char *c1a = damage("Il a dit “oui” à tous.", "UTF-8", "windows-1252");
    char *c1b = damage(c1a, "UTF-8", "windows-1252");
    ck_assert_ptr_nonnull(strstr(c1b, "\xC3\x82\xC2\x9D"));
    ck_fix(ctx, c1b, "Il a dit “oui” à tous.");
    free(c1a);
    free(c1b);
    /* windows-1252, then windows-1251 (ftfy's `Г‚ВЈ`): the first repair
     * gives `Â£`, which is only evidence as the next layer's bytes */
    char *ru1 = damage("The fee is £5 a month.", "UTF-8", "windows-1252");
    char *ru2 = damage(ru1, "UTF-8", "windows-1251");
    ck_assert_ptr_nonnull(strstr(ru2, "Г‚ВЈ"));
    ck_fix(ctx, ru2, "The fee is £5 a month.");
    free(ru1);
    free(ru2);
    /* GBK read as latin-1, then that UTF-8 read as windows-1252 */
    char *g = damage("北京市人民政府新闻办公室", "GBK", "ISO-8859-1");
    char *g2 = damage(g, "UTF-8", "windows-1252");
    ck_fix(ctx, g2, "北京市人民政府新闻办公室");
    /* only part of a line damaged */
    char *part = damage("国家博物馆的展览", "UTF-8", "GBK");
    char line[512];
    snprintf(line, sizeof line, "下午三点，%s很精彩", part);
    ck_fix(ctx, line, "下午三点，国家博物馆的展览很精彩");
    snprintf(line, sizeof line, "Price: 5 € — %s", one);
    ck_fix(ctx, line, "Price: 5 € — Ça marche très bien");
    free(one);
    free(two);
    free(g);
    free(g2);
    free(part);
    scrub_ctx_free(ctx);
}
END_TEST

/* Repairs that the bigram table decides: GBK read as Big5 gives Big5
 * characters that are each common but never stand together; a short run
 * follows its line once the line reads as Chinese words; an ASCII letter
 * read as the trail byte of a GBK character stays in its run. */
START_TEST(bigram_evidence)
{
    scrub_ctx *ctx = scrub_ctx_new();
    static const char *const sims[] = {"我们今天去公园散步，天气很好，大家都很开心。",
                                       "这家医院的专家团队每周为病人提供免费咨询服务"};
    for (size_t i = 0; i < 2; i++) {
        char *bad = damage(sims[i], "GBK", "Big5");
        ck_assert_str_ne(bad, sims[i]);
        ck_fix(ctx, bad, sims[i]);
        ck_assert_uint_ge(scrub_mojibake_repair_count(ctx), 1);
        free(bad);
    }
    /* the ideographic spaces before a speaker's name come back with it */
    char *bad = damage("　　李：我们不是参照别的公司，我们真正是为用户的需求来服务的。", "GBK", "Big5");
    ck_fix(ctx, bad, "　　李：我们不是参照别的公司，我们真正是为用户的需求来服务的。");
    free(bad);
    /* (the last byte of 序 has no partner and was lost: one U+FFFD) */
    bad = damage("请把数据保存到文件fname里面再关闭程序", "UTF-8", "GBK");
    ck_fix(ctx, bad, "请把数据保存到文件fname里面再关闭程\xEF\xBF\xBD");
    free(bad);
    /* rare but real words standing alone (a keyword-stuffed line) read as
     * other words through Big5 and GBK; no damage around them, no repair */
    ck_fix(ctx, "港侦破盗婴案 邹姝雯 海盗能源站 美丽肤泉 瑜珈 欧珀莱代理 章飞一绝祛斑 "
                "犰狳鞋 桎梏之馆 黑姬桎梏馆 鞠婧祎飞鞋 有机合成",
           "港侦破盗婴案 邹姝雯 海盗能源站 美丽肤泉 瑜珈 欧珀莱代理 章飞一绝祛斑 "
           "犰狳鞋 桎梏之馆 黑姬桎梏馆 鞠婧祎飞鞋 有机合成");
    ck_assert_uint_eq(scrub_mojibake_repair_count(ctx), 0);
    /* clean Traditional text is not GBK read as Big5 */
    ck_fix(ctx, "這家醫院的專家團隊每週為病人提供免費諮詢服務", "這家醫院的專家團隊每週為病人提供免費諮詢服務");
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(lossy_sequences)
{
    scrub_ctx *ctx = scrub_ctx_new();
    /* the 0xA0 of à became a space: it is the space itself before the rest
     * of a Portuguese contraction, a lost byte before an ordinary word */
    ck_fix(ctx, "as condiÃ§Ãµes, semelhante Ã quele caso", "as condições, semelhante àquele caso");
    ck_fix(ctx, "rÃ©sumÃ© Ã quel point", "résumé à quel point");
    ck_fix(ctx, "jusqu'Ã nos jours, rÃ©flexion", "jusqu'à nos jours, réflexion");
    /* bytes a decoder replaced: each lost character becomes one U+FFFD */
    ck_fix(ctx, "Ã©tÃ© â€œquotedâ€\xEF\xBF\xBD", "été “quoted\xEF\xBF\xBD");
    ck_fix(ctx, "ItÃ?Â¢s", "It\xEF\xBF\xBD¢s");
    ck_assert(scrub_mojibake_saw(ctx) & SCRUB_MOJIBAKE_SAW_LOSSY);
    /* UTF-8 read as GBK with a replaced byte: the rest comes back */
    char *bad = damage("我们今天下午去北京参观了国家博物馆", "UTF-8", "GBK");
    char *got = fix(ctx, bad);
    ck_assert_msg(strstr(got, "我们今天下午去北京参观了国家博物"), "\"%s\" -> \"%s\"", bad, got);
    free(got);
    free(bad);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(c1_controls_and_cesu)
{
    scrub_ctx *ctx = scrub_ctx_new();
    ck_fix(ctx, "\xC2\x84Zitat\xC2\x93 endet", "„Zitat“ endet");
    /* an emoji as CESU-8 (surrogates encoded one by one), read as latin-1 */
    ck_fix(ctx, "Smile \xC3\xAD\xC2\xA0\xC2\xBD\xC3\xAD\xC2\xB8\xC2\x80", "Smile 😀");
    scrub_ctx_free(ctx);
}
END_TEST

/* cp437: box-drawing pairs are the UTF-8 of ö, ü (`├╢`, `├╝`), but also
 * line art; a repair never makes the long s, so `┼┐` stays, and `├┤`
 * alone between letters is not evidence enough for the line. */
START_TEST(cp437_line_art)
{
    scrub_ctx *ctx = scrub_ctx_new();
    char *bad = damage("Grüße aus Köln und München", "UTF-8", "IBM437");
    ck_assert_ptr_nonnull(strstr(bad, "K\xE2\x94\x9C\xE2\x95\xA2ln")); /* K├╢ln */
    ck_fix(ctx, bad, "Grüße aus Köln und München");
    free(bad);
    ck_fix(ctx, "├┤a┼┐a┼┐a┼┐a┼┐a", "├┤a┼┐a┼┐a┼┐a┼┐a");
    ck_fix(ctx, "┌──┐ ├┤ └──┘", "┌──┐ ├┤ └──┘");
    scrub_ctx_free(ctx);
}
END_TEST

/* Latin capitals with accents between them are not CJK bytes read as
 * latin-1 (leetspeak written here after ftfy's negative case), nor is a
 * lowercase letter made inside a capitalised word; CJK text mixed with
 * Latin words still is. */
START_TEST(latin_not_cjk)
{
    scrub_ctx *ctx = scrub_ctx_new();
    static const char *const latin[] = {"BÄÑ£ÄK ÌÑÌ Q £ÄGÌ GÄLÄW ÑÍCH SÖÄ£ KÄMÜ BÄDÄÑ JÄDÍ",
                                        "SÄYÄNG ÄKÜ PÄDÄMÜ ÑÍCH £ÄGÌ MÄLÄM ÌÑÌ",
                                        "KÄ£ÄN ÌÑÌ GÄLÄW ÑÍCH SÖÄ£ ÑÝÄ BÄDÄÑ"};
    for (size_t i = 0; i < sizeof latin / sizeof latin[0]; i++) ck_fix(ctx, latin[i], latin[i]);
    static const char *const mixed[] = {"Apple发布iPhone新品，售价5999元", "2024年3月5日 at 8pm",
                                        "我用Python写了一个小程序"};
    for (size_t i = 0; i < sizeof mixed / sizeof mixed[0]; i++) {
        char *bad = damage(mixed[i], "GBK", "windows-1252");
        ck_fix(ctx, bad, mixed[i]);
        free(bad);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* s lower-cased by ICU (root locale), malloc'ed UTF-8. */
static char *lower(const char *s)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = (int32_t)strlen(s), nu, nl, no;
    UChar *u = malloc(((size_t)len + 1) * 2 * sizeof(UChar)), *l = u + len + 1;
    char *out = malloc((size_t)len * 2 + 1);
    u_strFromUTF8(u, len + 1, &nu, s, len, &err);
    nl = u_strToLower(l, len + 1, u, nu, "", &err);
    u_strToUTF8(out, len * 2 + 1, &no, l, nl, &err);
    ck_assert_msg(U_SUCCESS(err), "lower: %s", u_errorName(err));
    free(u);
    return out;
}

/* Mojibake changed after the damage (two layers of UTF-8 read as
 * windows-1252, then lower-cased: `Ã` became `ã`, E3 instead of C3) reads
 * as UTF-8 only in pieces, into Extension A, Kanbun and katakana that
 * leave the line as garbled as before: it stays as it is.  The same damage
 * not lower-cased is repaired, and so is text that really holds such
 * characters. */
START_TEST(hopeless_garble_kept)
{
    scrub_ctx *ctx = scrub_ctx_new();
    static const char *const text[] = {"It’s a “test” — isn’t it? • Yes, it’s…",
                                       "Größe: 12 € – Übergröße", "中文测试文本，日本語テキスト"};
    for (size_t i = 0; i < sizeof text / sizeof text[0]; i++) {
        char *one = damage(text[i], "UTF-8", "windows-1252");
        char *two = damage(one, "UTF-8", "windows-1252");
        char *garbled = lower(two);
        ck_fix(ctx, two, text[i]);
        ck_fix(ctx, garbled, garbled);
        free(one);
        free(two);
        free(garbled);
    }
    /* Cantonese with Extension A characters, halfwidth katakana */
    static const char *const rare[] = {"佢哋話㗎，係㖭㗎", "ｶﾀｶﾅ ﾃｽﾄ です"};
    for (size_t i = 0; i < sizeof rare / sizeof rare[0]; i++) {
        char *bad = damage(rare[i], "UTF-8", "windows-1252");
        ck_fix(ctx, bad, rare[i]);
        free(bad);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* GBK text whose bytes [cut, cut + n) were replaced by `?` each, decoded
 * as GBK from there on (so the rest is read one byte out of step). */
static char *shifted(const char *text, size_t cut, size_t n, const char *marks)
{
    UErrorCode err = U_ZERO_ERROR;
    char gbk[512], bytes[512];
    int32_t nb = ucnv_convert("GBK", "UTF-8", gbk, sizeof gbk, text, (int32_t)strlen(text), &err);
    size_t m = 0;
    memcpy(bytes, gbk, cut);
    m = cut;
    memcpy(bytes + m, marks, strlen(marks));
    m += strlen(marks);
    memcpy(bytes + m, gbk + cut + n, (size_t)nb - cut - n);
    m += (size_t)nb - cut - n;
    char *out = malloc(m * 3 + 1);
    int32_t no = ucnv_convert("UTF-8", "GBK", out, (int32_t)m * 3 + 1, bytes, (int32_t)m, &err);
    ck_assert(U_SUCCESS(err));
    out[no] = '\0';
    return out;
}

START_TEST(gbk_out_of_step)
{
    scrub_ctx *ctx = scrub_ctx_new();
    /* 專 and the lead byte of 科 lost: 科建設 reads as 平ㄔO */
    char *bad = shifted("我院以專科建設為平臺", 6, 3, "??");
    ck_assert_str_eq(bad, "我院以??平ㄔO為平臺");
    ck_fix(ctx, bad, "我院以\xEF\xBF\xBD\xEF\xBF\xBD建設為平臺");
    ck_assert(scrub_mojibake_saw(ctx) & SCRUB_MOJIBAKE_SAW_LOSSY);
    free(bad);
    /* the lead byte of 決 lost and `(zèng)` glued in: the trail byte 0x51
     * survives as `Q`, and the neighbours 速 and 策 choose 決 among the 118
     * GBK characters ending in 0x51 */
    bad = shifted("我們要快速決策並執行", 10, 1, "?z\xA8\xA8ng)");
    ck_assert_str_eq(bad, "我們要快速?zèng)Q策並執行");
    ck_fix(ctx, bad, "我們要快速決策並執行");
    free(bad);
    /* with 決定 the pair decides too; with no telling neighbour the
     * character is lost */
    bad = shifted("我們要快速決定並執行", 10, 1, "?z\xA8\xA8ng)");
    ck_fix(ctx, bad, "我們要快速決定並執行");
    free(bad);
    ck_fix(ctx, "看?zèng)Q", "看\xEF\xBF\xBD");
    /* the lead byte of 對 lost and debris glued in; 說 ends the run with its
     * ASCII trail byte `f`.  Between 向 and 方 the word 對方 chooses 對 among
     * the 113 characters ending in A6 ... */
    bad = shifted("我們向對方說明了情況", 6, 1, "?q\xA8\xB6)");
    ck_assert_str_ne(bad, "我們向對方說明了情況");
    ck_fix(ctx, bad, "我們向對方說明了情況");
    ck_assert_uint_eq(scrub_mojibake_artifacts(ctx, SCRUB_ARTIFACT_LOST), 0);
    free(bad);
    /* ... between 是 and 的 neither words nor pairs single one out (對 and
     * 力 both follow 是 and precede 的): one U+FFFD */
    bad = shifted("他是對的說法", 4, 1, "?q\xA8\xB6)");
    ck_fix(ctx, bad, "他是\xEF\xBF\xBD的說法");
    ck_assert_uint_eq(scrub_mojibake_artifacts(ctx, SCRUB_ARTIFACT_LOST), 1);
    free(bad);
    /* a real question mark before Chinese text stays */
    ck_fix(ctx, "醫院?如何提升服務", "醫院?如何提升服務");
    ck_fix(ctx, "真的??平常心", "真的??平常心");
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(seed_runs)
{
    static const struct {
        const char *seed, *want;
    } runs[] = {
        {"002_db89ada0694f6154.txt", "特色\xEF\xBF\xBD\xEF\xBF\xBD”為重點的"},
        /* 科: trail C6 and the pair 科醫 decide (bigram context model) */
        {"002_db89ada0694f6154.txt", "腫瘤\xEF\xBF\xBD科醫聯體"},
        {"003_deff538706a06b0e.txt", "以\xEF\xBF\xBD\xEF\xBF\xBD建設為平臺"},
        /* 決: trail 0x51 between 速 and 策 */
        {"003_deff538706a06b0e.txt", "快速決策"},
        /* 實: lead 8C, reading shí, before 質; 對: trail A6 between 向 and
         * 方, where 對方 is a word and 向力 / 力方 (the next best) are not */
        {"003_deff538706a06b0e.txt", "向對方提供實質性"},
        /* 科 after the lost 專, before ” or 建: no neighbour tells it from
         * 制 or 唐 (the pairs 制” and 唐建 are more frequent), so lost */
        {"003_deff538706a06b0e.txt", "以\xEF\xBF\xBD\xEF\xBF\xBD建設為平臺"},
    };
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        char rel[128];
        snprintf(rel, sizeof rel, "seeds/%s", runs[i].seed);
        size_t len;
        char *text = test_read_shared(rel, &len);
        if (!text) break;
        char *out;
        size_t n;
        ck_assert_status(scrub_fix_mojibake(ctx, text, len, SCRUB_FIX_DEFAULT, &out, &n), SCRUB_OK);
        ck_assert_msg(strstr(out, runs[i].want), "%s: \"%s\" not found", runs[i].seed, runs[i].want);
        /* no garbage left: no `?` before a Han character, no pinyin debris */
        ck_assert_ptr_null(strstr(out, "??"));
        ck_assert_ptr_null(strstr(out, "?z"));
        ck_assert_ptr_null(strstr(out, "?q"));
        ck_assert_ptr_null(strstr(out, "?s"));
        ck_assert_ptr_null(strstr(out, "(y"));
        scrub_free(out);
        free(text);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* The fast path copies runs of clean lines in one piece: the result must
 * be what repairing each line on its own gives. */
static void ck_whole_equals_lines(scrub_ctx *ctx, const char *text, size_t len)
{
    char *whole;
    size_t wn;
    ck_assert_status(scrub_fix_mojibake(ctx, text, len, SCRUB_FIX_DEFAULT, &whole, &wn), SCRUB_OK);
    size_t cap = len * 4 + 16, n = 0;
    char *joined = malloc(cap);
    for (size_t pos = 0; pos < len;) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) + 1 : len;
        char *one;
        size_t on;
        ck_assert_status(scrub_fix_mojibake(ctx, text + pos, end - pos, SCRUB_FIX_DEFAULT, &one, &on),
                         SCRUB_OK);
        ck_assert(n + on <= cap);
        memcpy(joined + n, one, on);
        n += on;
        scrub_free(one);
        pos = end;
    }
    ck_assert_msg(wn == n && memcmp(whole, joined, n) == 0, "whole text differs from its lines");
    scrub_free(whole);
    free(joined);
}

/* got equals want; else fails showing where they part. */
static void ck_same_text(const char *got, const char *want)
{
    size_t d = 0;
    while (got[d] && got[d] == want[d]) d++;
    if (!got[d] && !want[d]) return;
    d = d > 60 ? d - 60 : 0;
    while (d && ((unsigned char)want[d] & 0xC0) == 0x80) d--;
    ck_abort_msg("at byte %zu: \"%.150s\" != \"%.150s\"", d, got + d, want + d);
}

/* A line over 4 KB is repaired piece by piece around its suspect
 * characters.  Damaged sentences (and clean ones with rare words) apart
 * from each other by more clean text than a piece keeps as context come
 * out as they do alone; so do the lines of a page joined with spaces. */
START_TEST(long_line_pieces)
{
    scrub_ctx *ctx = scrub_ctx_new();
    static const char *const sents[] = {
        "我们今天下午去北京参观了国家博物馆。", "这家医院的专家团队每周为病人提供免费咨询服务",
        "Le café est déjà fermé, hélas.", "清潔的中文 關鍵詞 桎梏之馆 祛斑 瑜珈"};
    static const char *const enc[][2] = {
        {"UTF-8", "GBK"}, {"GBK", "ISO-8859-1"}, {"UTF-8", "windows-1252"}, {"GBK", "Big5"}};
    static const char filler[] = "今天下午我们去参观了国家博物馆。 大家都很开心, 天气也很好。 "
                                 "今天下午我们去参观了国家博物馆。 大家都很开心, 天气也很好。 "
                                 "今天下午我们去参观了国家博物馆。 大家都很开心, 天气也很好。 ";
    size_t cap = 1 << 16, n = 0, wn = 0;
    char *line = malloc(cap), *want = malloc(cap);
    for (int rep = 0; n < 12000; rep++)
        for (size_t i = 0; i < 4; i++) {
            const char *s = sents[i];
            char *bad = (rep + (int)i) % 3 ? NULL : damage(s, enc[(size_t)rep % 4][0], enc[(size_t)rep % 4][1]);
            char *one = fix(ctx, bad ? bad : s);
            n += (size_t)snprintf(line + n, cap - n, "%s %s", bad ? bad : s, filler);
            wn += (size_t)snprintf(want + wn, cap - wn, "%s %s", one, filler);
            free(one);
            free(bad);
        }
    line[--n] = want[--wn] = '\0';
    char *got = fix(ctx, line);
    ck_assert_msg(strlen(line) > 4096, "the line is short");
    ck_assert_uint_gt(scrub_mojibake_repair_count(ctx), 6);
    ck_same_text(got, want);
    free(got);
    for (int i = 0; i < 2; i++) {
        size_t len;
        char *t = test_read_shared(i ? "seeds/003_deff538706a06b0e.txt" : "seeds/002_db89ada0694f6154.txt", &len);
        if (!t) break;
        for (size_t k = 0; k < len; k++) t[k] = t[k] == '\n' ? ' ' : t[k];
        char *whole = fix(ctx, t);
        size_t wl = 0;
        char *sep = malloc(len * 2 + 16);
        for (size_t pos = 0; pos < len;) {
            const char *sp = memchr(t + pos, ' ', len - pos);
            size_t end = sp ? (size_t)(sp - t) : len;
            char *part = malloc(end - pos + 1);
            memcpy(part, t + pos, end - pos);
            part[end - pos] = '\0';
            char *one = fix(ctx, part);
            wl += (size_t)sprintf(sep + wl, "%s%s", one, sp ? " " : "");
            free(one);
            free(part);
            pos = end + 1;
        }
        ck_same_text(whole, sep);
        free(sep);
        free(whole);
        free(t);
    }
    free(line);
    free(want);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(whole_text_equals_lines)
{
    scrub_ctx *ctx = scrub_ctx_new();
    static const char *const texts[] = {
        "清潔的中文。\nclean line\r\n第三行沒有換行",
        "問題?\n??平ㄔO為平臺\n\n\nCafÃ© au lait\r\r\n最後\n",
        "\r\n\r\n中文\r行內的回車\n&amp; 不變\n",
        "第一行\n我院以??平ㄔO為平臺\n第三行很乾淨\n",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        ck_whole_equals_lines(ctx, texts[i], strlen(texts[i]));
    /* CR before LF dropped, a final LF added, a lone CR kept */
    char *out;
    size_t n;
    ck_assert_status(scrub_fix_mojibake(ctx, texts[2], strlen(texts[2]), SCRUB_FIX_DEFAULT, &out, &n),
                     SCRUB_OK);
    ck_assert_uint_eq(n, strlen("\n\n中文\r行內的回車\n&amp; 不變\n"));
    ck_assert(memcmp(out, "\n\n中文\r行內的回車\n&amp; 不變\n", n) == 0);
    scrub_free(out);
    static const char *const seeds[] = {"002_db89ada0694f6154.txt", "003_deff538706a06b0e.txt",
                                        "004_835892ec5bf962a3.txt"};
    for (int i = 0; i < 3; i++) {
        char rel[128];
        snprintf(rel, sizeof rel, "seeds/%s", seeds[i]);
        size_t len;
        char *t = test_read_shared(rel, &len);
        if (!t) break;
        ck_whole_equals_lines(ctx, t, len);
        free(t);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- artifacts ----------------------------------------------------------- */

START_TEST(pinyin_annotations)
{
    scrub_ctx *ctx = scrub_ctx_new();
    ck_fix(ctx, "腫瘤醫(yī)院發(fā)布通知", "腫瘤醫院發布通知");
    ck_assert_uint_eq(scrub_mojibake_artifacts(ctx, SCRUB_ARTIFACT_PINYIN), 2);
    ck_assert(scrub_mojibake_saw(ctx) & SCRUB_MOJIBAKE_SAW_PINYIN);
    ck_fix(ctx, "鐘山區(qū)衛(wèi)生院", "鐘山區衛生院");
    /* not a reading of the character before: stays (and is seen) */
    ck_fix(ctx, "醫(fā)院", "醫(fā)院");
    ck_assert_uint_eq(scrub_mojibake_artifacts(ctx, SCRUB_ARTIFACT_PINYIN), 0);
    /* names, words and abbreviations in parentheses stay */
    ck_fix(ctx, "主任醫師(羅洪波  李紅娟)", "主任醫師(羅洪波  李紅娟)");
    ck_fix(ctx, "門診時間(全天)", "門診時間(全天)");
    ck_fix(ctx, "呼吸科(PCCM)", "呼吸科(PCCM)");
    /* pinyin in running Latin text stays */
    ck_fix(ctx, "The word ma (mā) means mother", "The word ma (mā) means mother");
    char *out = fix_flags(ctx, "醫(yī)院", SCRUB_FIX_DEFAULT & ~SCRUB_FIX_PINYIN);
    ck_assert_str_eq(out, "醫(yī)院");
    free(out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(invisible_characters)
{
    scrub_ctx *ctx = scrub_ctx_new();
    ck_fix(ctx, "zero\xE2\x80\x8Bwidth\xE2\x81\xA0joiner", "zerowidthjoiner");
    ck_assert_uint_eq(scrub_mojibake_artifacts(ctx, SCRUB_ARTIFACT_INVISIBLE), 2);
    /* a BOM at the very start stays, later ones go */
    ck_fix(ctx, "\xEF\xBB\xBFstart\xEF\xBB\xBFmid", "\xEF\xBB\xBFstartmid");
    /* ZWJ and ZWNJ are never touched */
    ck_fix(ctx, "👩\xE2\x80\x8D💻 a\xE2\x80\x8C" "b", "👩\xE2\x80\x8D💻 a\xE2\x80\x8C" "b");
    char *out = fix_flags(ctx, "a\xE2\x80\x8B" "b", SCRUB_FIX_ENCODING);
    ck_assert_str_eq(out, "a\xE2\x80\x8B" "b");
    free(out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(entities)
{
    scrub_ctx *ctx = scrub_ctx_new();
    /* off by default */
    ck_fix(ctx, "Tom &amp;nbsp;&amp; Jerry &#20013;", "Tom &amp;nbsp;&amp; Jerry &#20013;");
    char *out = fix_flags(ctx, "Tom&amp;nbsp;&amp; Jerry &#20013;&#x6587; &lt;b&gt;", SCRUB_FIX_ALL);
    ck_assert_str_eq(out, "Tom\xC2\xA0& Jerry 中文 <b>");
    ck_assert_uint_eq(scrub_mojibake_artifacts(ctx, SCRUB_ARTIFACT_ENTITY), 7);
    free(out);
    /* a decoded entity never makes a line break */
    out = fix_flags(ctx, "one&#10;two&#13;three&#x2028;four", SCRUB_FIX_ALL);
    ck_assert_str_eq(out, "one two three four");
    free(out);
    /* not entities */
    out = fix_flags(ctx, "AT&T R&D &nosuch; &#xZZ;", SCRUB_FIX_ALL);
    ck_assert_str_eq(out, "AT&T R&D &nosuch; &#xZZ;");
    free(out);
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- API ------------------------------------------------------------------ */

START_TEST(details_and_errors)
{
    scrub_ctx *ctx = scrub_ctx_new();
    const char *in = "ok\nCafÃ© crÃ¨me\n";
    char *out;
    size_t n;
    ck_assert_status(scrub_fix_mojibake(ctx, in, strlen(in), SCRUB_FIX_DEFAULT, &out, &n), SCRUB_OK);
    ck_assert_mem_eq_str(out, n, "ok\nCafé crème\n");
    scrub_free(out);
    ck_assert_uint_eq(scrub_mojibake_repair_count(ctx), 2);
    size_t s, e;
    const char *name;
    ck_assert_status(scrub_mojibake_repair(ctx, 0, &s, &e, &name), SCRUB_OK);
    ck_assert_uint_eq(s, 6);
    ck_assert_uint_eq(e, 10);
    ck_assert_str_eq(name, "utf-8 read as windows-1252");
    ck_assert_status(scrub_mojibake_repair(ctx, 2, &s, &e, &name), SCRUB_E_INVALID_ARG);
    ck_assert(scrub_mojibake_saw(ctx) & SCRUB_MOJIBAKE_SAW_REPAIR);
    /* CR LF, no final LF, NUL bytes and invalid UTF-8 */
    const char raw[] = "a\r\nb\0c\xFF";
    ck_assert_status(scrub_fix_mojibake(ctx, raw, sizeof raw - 1, SCRUB_FIX_DEFAULT, &out, &n), SCRUB_OK);
    ck_assert_uint_eq(n, 9);
    ck_assert(memcmp(out, "a\nb\0c\xEF\xBF\xBD\n", 9) == 0);
    ck_assert_uint_eq(scrub_ctx_replacements(ctx), 1);
    scrub_free(out);
    /* errors */
    ck_assert_status(scrub_fix_mojibake(ctx, "x", 1, 1u << 20, &out, &n), SCRUB_E_INVALID_ARG);
    ck_assert_ptr_null(out);
    ck_assert_status(scrub_fix_mojibake(ctx, NULL, 1, 0, &out, &n), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_fix_mojibake(NULL, "x", 1, 0, &out, &n), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_fix_mojibake(ctx, "x", 1, 0, NULL, &n), SCRUB_E_INVALID_ARG);
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_MAX_LINE, 3), SCRUB_OK);
    ck_assert_status(scrub_fix_mojibake(ctx, "ab\nabcd\n", 8, 0, &out, &n), SCRUB_E_TOO_LARGE);
    ck_assert_ptr_null(out);
    double sc;
    ck_assert_status(scrub_mojibake_score(ctx, "ab\nabcd\n", 8, &sc), SCRUB_E_TOO_LARGE);
    ck_assert_status(scrub_fix_mojibake(ctx, "ab\r\nabc\r\n", 10, 0, &out, &n), SCRUB_OK);
    scrub_free(out);
    ck_assert_status(scrub_ctx_set(ctx, SCRUB_PARAM_MAX_INPUT, 4), SCRUB_OK);
    ck_assert_status(scrub_fix_mojibake(ctx, "12345", 5, 0, &out, &n), SCRUB_E_TOO_LARGE);
    ck_assert_uint_eq(scrub_mojibake_repair_count(NULL), 0);
    ck_assert_uint_eq(scrub_mojibake_artifacts(ctx, 99), 0);
    /* empty input: empty output */
    ck_assert_status(scrub_fix_mojibake(ctx, NULL, 0, 0, &out, &n), SCRUB_OK);
    ck_assert_uint_eq(n, 0);
    scrub_free(out);
    scrub_ctx_free(ctx);
}
END_TEST

START_TEST(score)
{
    scrub_ctx *ctx = scrub_ctx_new();
    double sc;
    const char *clean = "我们今天下午去北京参观了国家博物馆。\nA plain English line.\n";
    ck_assert_status(scrub_mojibake_score(ctx, clean, strlen(clean), &sc), SCRUB_OK);
    ck_assert(sc == 0.0);
    char *bad = damage("我们今天下午去北京参观了国家博物馆。", "GBK", "ISO-8859-1");
    ck_assert_status(scrub_mojibake_score(ctx, bad, strlen(bad), &sc), SCRUB_OK);
    ck_assert_msg(sc > 0.9, "score %f", sc);
    free(bad);
    const char *half = "Le café est fermé.\nLe cafÃ© est fermÃ©.\n";
    ck_assert_status(scrub_mojibake_score(ctx, half, strlen(half), &sc), SCRUB_OK);
    ck_assert_msg(sc > 0.5 && sc < 0.9, "score %f", sc);
    ck_assert_status(scrub_mojibake_score(ctx, "x", 1, NULL), SCRUB_E_INVALID_ARG);
    scrub_ctx_free(ctx);
}
END_TEST

static int call_fix(scrub_ctx *ctx, void *arg)
{
    const char *s = arg;
    char *out;
    size_t n;
    int rc = scrub_fix_mojibake(ctx, s, strlen(s), SCRUB_FIX_ALL, &out, &n);
    if (rc == SCRUB_OK) scrub_free(out);
    return rc;
}

static int call_score(scrub_ctx *ctx, void *arg)
{
    const char *s = arg;
    double sc;
    return scrub_mojibake_score(ctx, s, strlen(s), &sc);
}

START_TEST(allocation_failures)
{
    char *g = damage("北京市人民政府新闻办公室", "GBK", "ISO-8859-1");
    char text[1024];
    snprintf(text, sizeof text, "clean line\nCafÃ© &amp; m\xE2\x80\x8B" "e\n%s\n醫(yī)院\n", g);
    test_alloc_failures(call_fix, text);
    test_alloc_failures(call_score, text);
    free(g);
}
END_TEST

/* ---- ftfy conformance ------------------------------------------------------ */

/* A JSON string at *p ('"'); returns the decoded UTF-8 (malloc'ed) and
 * moves *p past it. */
static char *json_string(const char **p)
{
    const char *s = *p + 1;
    size_t cap = 64, n = 0;
    char *out = malloc(cap);
    while (*s && *s != '"') {
        if (n + 8 > cap) out = realloc(out, cap *= 2);
        if (*s != '\\') {
            out[n++] = *s++;
            continue;
        }
        s++;
        char c = *s++;
        uint32_t cp = c;
        switch (c) {
        case 'n': cp = '\n'; break;
        case 't': cp = '\t'; break;
        case 'r': cp = '\r'; break;
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'u':
            cp = (uint32_t)strtoul((char[]){s[0], s[1], s[2], s[3], 0}, NULL, 16);
            s += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && s[0] == '\\' && s[1] == 'u') {
                uint32_t lo = (uint32_t)strtoul((char[]){s[2], s[3], s[4], s[5], 0}, NULL, 16);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    s += 6;
                }
            }
            break;
        default: break;
        }
        /* lone surrogates are written as CESU-style bytes, like Python's
         * surrogatepass, so that the input keeps them */
        if (cp < 0x80) out[n++] = (char)cp;
        else if (cp < 0x800) {
            out[n++] = (char)(0xC0 | cp >> 6);
            out[n++] = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out[n++] = (char)(0xE0 | cp >> 12);
            out[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (cp & 0x3F));
        } else {
            out[n++] = (char)(0xF0 | cp >> 18);
            out[n++] = (char)(0x80 | ((cp >> 12) & 0x3F));
            out[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    out[n] = '\0';
    *p = *s ? s + 1 : s;
    return out;
}

typedef struct {
    char *original, *fixed, *fixed_encoding, *label;
    int pass;
} ftfy_case;

/* Runs every "expect": "pass" case of one file; counts into *ok, *all. */
static void ftfy_file(scrub_ctx *ctx, const char *name, int *ok, int *all)
{
    char rel[256];
    snprintf(rel, sizeof rel, "testdata/ftfy/%s", name);
    char *data = test_read_shared(rel, NULL);
    if (!data) return;
    const char *p = data;
    ftfy_case c = {0};
    while (*p) {
        if (*p == '{') {
            memset(&c, 0, sizeof c);
            p++;
        } else if (*p == '"') {
            char *key = json_string(&p);
            while (*p == ' ' || *p == ':' || *p == '\n') p++;
            char *val = NULL;
            if (*p == '"') val = json_string(&p);
            if (val && !strcmp(key, "original")) c.original = val;
            else if (val && !strcmp(key, "fixed")) c.fixed = val;
            else if (val && !strcmp(key, "fixed-encoding")) c.fixed_encoding = val;
            else if (val && !strcmp(key, "label")) c.label = val;
            else if (val && !strcmp(key, "expect")) {
                c.pass = !strcmp(val, "pass");
                free(val);
            } else free(val);
            free(key);
        } else if (*p == '}') {
            p++;
            if (c.pass && c.original) {
                const char *want = c.fixed_encoding ? c.fixed_encoding : c.fixed;
                char *got = fix(ctx, c.original);
                (*all)++;
                if (want && !strcmp(got, want)) (*ok)++;
                else printf("  ftfy miss (%s) %s: \"%s\" -> \"%s\" (want \"%s\")\n", name,
                            c.label ? c.label : "?", c.original, got, want ? want : "?");
                free(got);
            }
            free(c.original);
            free(c.fixed);
            free(c.fixed_encoding);
            free(c.label);
            memset(&c, 0, sizeof c);
        } else
            p++;
    }
    free(data);
}

START_TEST(ftfy_conformance)
{
    static const char *const files[] = {"in-the-wild.json", "synthetic.json", "negative.json",
                                        "language-names.json", "known-failures.json"};
    scrub_ctx *ctx = scrub_ctx_new();
    int ok = 0, all = 0;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) ftfy_file(ctx, files[i], &ok, &all);
    if (all) {
        printf("ftfy conformance: %d of %d expected-pass cases equal fixed-encoding/fixed (%.1f%%)\n",
               ok, all, 100.0 * ok / all);
        ck_assert_int_eq(all, 151);
        /* issue 4 asks for all 151 */
        ck_assert_msg(ok == 151, "ftfy conformance fell to %d", ok);
    }
    scrub_ctx_free(ctx);
}
END_TEST

/* ---- damage generator over real clean lines ------------------------------ */

/* Clean lines: CJK lines of the seeds (no annotations, no '?') and of the
 * charset corpora (decoded with ICU from their MANIFEST label). */
typedef struct {
    char **line;
    size_t n, cap;
} lines;

static void add_line(lines *ls, const char *s, size_t n)
{
    if (ls->n == ls->cap) ls->line = realloc(ls->line, (ls->cap = ls->cap * 2 + 64) * sizeof *ls->line);
    char *c = malloc(n + 1);
    memcpy(c, s, n);
    c[n] = '\0';
    ls->line[ls->n++] = c;
}

static size_t count_cjk(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i + 2 < n; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b >= 0xE3 && b <= 0xED) k++; /* U+3000..U+D7FF */
    }
    return k;
}

/* Splits text into lines with at least min_cjk CJK characters, no markup
 * and no '?', U+FFFD or '('. */
static void collect_any(lines *ls, const char *text, size_t len, bool strict, size_t min_cjk,
                        size_t max)
{
    size_t pos = 0;
    while (pos < len && ls->n < max) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len, n = end - pos;
        const char *s = text + pos;
        while (n && (s[n - 1] == '\r' || s[n - 1] == ' ')) n--;
        while (n && (*s == ' ' || *s == '\t')) s++, n--;
        bool ok = (!strict || n < 600) && count_cjk(s, n) >= min_cjk;
        for (size_t i = 0; ok && strict && i < n; i++)
            ok = s[i] != '<' && s[i] != '>' && s[i] != '?' && s[i] != '(' && s[i] != '&' &&
                 (unsigned char)s[i] >= 0x20;
        for (size_t i = 0; ok && i + 2 < n; i++)
            ok = !((unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBF);
        if (ok) add_line(ls, s, n);
        pos = end + 1;
    }
}

static void collect(lines *ls, const char *text, size_t len, size_t min_cjk, size_t max)
{
    collect_any(ls, text, len, true, min_cjk, max);
}

/* The text of a charset corpus file as UTF-8, or NULL. */
static char *decoded_file(const char *path, const char *label, size_t *len)
{
    char rel[1024];
    snprintf(rel, sizeof rel, "testdata/charset/%s", path);
    size_t n;
    char *raw = test_read_shared(rel, &n);
    if (!raw) return NULL;
    UErrorCode err = U_ZERO_ERROR;
    UConverter *c = ucnv_open(label, &err);
    char *out = NULL;
    if (U_SUCCESS(err)) {
        UChar *u = malloc((n + 1) * sizeof(UChar) * 2);
        ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
        int32_t nu = ucnv_toUChars(c, u, (int32_t)(n * 2 + 2), raw, (int32_t)n, &err);
        if (U_SUCCESS(err)) {
            out = malloc((size_t)nu * 3 + 1);
            UConverter *u8 = ucnv_open("UTF-8", &err);
            *len = (size_t)ucnv_fromUChars(u8, out, nu * 3 + 1, u, nu, &err);
            ucnv_close(u8);
            if (U_FAILURE(err)) {
                free(out);
                out = NULL;
            }
        }
        free(u);
        ucnv_close(c);
    }
    free(raw);
    return out;
}

/* Clean lines per language from MANIFEST.tsv (family column). */
static bool load_corpus(lines *zh, lines *zht, lines *ja, lines *ko, lines *all)
{
    size_t mlen;
    char *man = test_read_shared("testdata/charset/MANIFEST.tsv", &mlen);
    if (!man) return false;
    char *save = NULL;
    for (char *row = strtok_r(man, "\n", &save); row; row = strtok_r(NULL, "\n", &save)) {
        char *f[4] = {0};
        char *p = row;
        for (int i = 0; i < 4 && p; i++) {
            f[i] = p;
            p = strchr(p, '\t');
            if (p) *p++ = '\0';
        }
        if (!f[3] || !strcmp(f[0], "path")) continue;
        size_t len;
        char *text = decoded_file(f[0], f[1], &len);
        if (!text) continue;
        lines *dst = NULL;
        if (!strcmp(f[2], "gb2312") || !strcmp(f[2], "gb18030")) dst = zh;
        else if (!strcmp(f[2], "big5")) dst = zht;
        else if (!strcmp(f[2], "shift_jis") || !strcmp(f[2], "euc-jp") || !strcmp(f[2], "cp932")) dst = ja;
        else if (!strcmp(f[2], "euc-kr") || !strcmp(f[2], "cp949")) dst = ko;
        if (dst) collect(dst, text, len, 6, 400);
        if (all) collect_any(all, text, len, false, 0, 1000000);
        free(text);
    }
    free(man);
    return true;
}

static void free_lines(lines *ls)
{
    for (size_t i = 0; i < ls->n; i++) free(ls->line[i]);
    free(ls->line);
    memset(ls, 0, sizeof *ls);
}

/* The first run of 6 CJK characters of s, or NULL. */
static char *snippet(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i + 18 <= n; i++) {
        size_t k = 0;
        while (k < 6 && i + 3 * k + 2 < n) {
            unsigned char b = (unsigned char)s[i + 3 * k];
            if (b < 0xE3 || b > 0xED) break;
            k++;
        }
        if (k == 6) {
            char *r = malloc(19);
            memcpy(r, s + i, 18);
            r[18] = '\0';
            return r;
        }
    }
    return NULL;
}

typedef struct {
    const char *enc, *dec;
    int langs; /* bits: 1 zh, 2 zht, 4 ja, 8 ko */
} transform;

START_TEST(damage_round_trip)
{
    lines zh = {0}, zht = {0}, ja = {0}, ko = {0};
    if (!load_corpus(&zh, &zht, &ja, &ko, NULL)) return;
    /* seed lines: simplified (000, 001, 004) and traditional (002, 003) */
    static const char *const seeds[] = {"000_c453129873820a71.txt", "001_d0bff2fb65c47538.txt",
                                        "002_db89ada0694f6154.txt", "003_deff538706a06b0e.txt",
                                        "004_835892ec5bf962a3.txt"};
    for (int i = 0; i < 5; i++) {
        char rel[128];
        snprintf(rel, sizeof rel, "seeds/%s", seeds[i]);
        size_t len;
        char *t = test_read_shared(rel, &len);
        if (!t) continue;
        collect(i == 2 || i == 3 ? &zht : &zh, t, len, 6, 400);
        free(t);
    }
    static const transform tr[] = {
        {"UTF-8", "GBK", 15},          {"UTF-8", "gb18030", 15},   {"UTF-8", "Big5", 15},
        {"UTF-8", "Shift_JIS", 15},    {"UTF-8", "EUC-JP", 15},    {"UTF-8", "EUC-KR", 15},
        {"UTF-8", "ISO-8859-1", 15},   {"UTF-8", "macintosh", 15}, {"GBK", "ISO-8859-1", 3},
        {"GBK", "windows-1252", 3},    {"Big5", "ISO-8859-1", 2},  {"Shift_JIS", "ISO-8859-1", 4},
        {"Shift_JIS", "windows-1252", 4}, {"EUC-KR", "ISO-8859-1", 8}, {"Big5", "GBK", 2},
        {"GBK", "Big5", 3},
    };
    lines *sets[4] = {&zh, &zht, &ja, &ko};
    scrub_ctx *ctx = scrub_ctx_new();
    int long_ok = 0, long_all = 0, short_ok = 0, short_all = 0;
    for (size_t t = 0; t < sizeof tr / sizeof tr[0]; t++) {
        int lo = 0, la = 0, so = 0, sa = 0, lossy = 0;
        for (int s = 0; s < 4; s++) {
            if (!(tr[t].langs & (1 << s))) continue;
            for (size_t i = 0; i < sets[s]->n; i++) {
                char *sn = snippet(sets[s]->line[i]);
                const char *items[2] = {sets[s]->line[i], sn};
                for (int k = 0; k < 2; k++) {
                    if (!items[k]) continue;
                    char *bad = damage(items[k], tr[t].enc, tr[t].dec);
                    if (!bad || !strcmp(bad, items[k])) {
                        free(bad);
                        continue;
                    }
                    if (strstr(bad, "\xEF\xBF\xBD")) { /* lossy: measured below */
                        lossy++;
                        free(bad);
                        continue;
                    }
                    char *got = fix(ctx, bad);
                    int ok = !strcmp(got, items[k]);
                    if (!ok && getenv("SCRUB_TEST_VERBOSE"))
                        printf("  miss %s as %s: \"%s\" -> \"%s\" (want \"%s\")\n", tr[t].enc,
                               tr[t].dec, bad, got, items[k]);
                    if (k == 0) lo += ok, la++;
                    else so += ok, sa++;
                    free(got);
                    free(bad);
                }
                free(sn);
            }
        }
        printf("damage %-9s read as %-12s lossless: lines %d/%d, snippets %d/%d; lossy %d\n",
               tr[t].enc, tr[t].dec, lo, la, so, sa, lossy);
        long_ok += lo, long_all += la, short_ok += so, short_all += sa;
    }
    if (long_all) {
        double lr = 100.0 * long_ok / long_all, sr = 100.0 * short_ok / (short_all ? short_all : 1);
        printf("damage round trip, lossless: %.1f%% of %d lines (>= 10 chars), %.1f%% of %d snippets\n",
               lr, long_all, sr, short_all);
        /* issue 4 asks for 99% / 90%; snippets reach 97.2% today, and
         * this keeps them near there */
        ck_assert_msg(lr >= 99.0 && sr >= 96.0, "round trip fell to %.1f%% / %.1f%%", lr, sr);
    }
    scrub_ctx_free(ctx);
    free_lines(&zh);
    free_lines(&zht);
    free_lines(&ja);
    free_lines(&ko);
}
END_TEST

/* Lossy damage: UTF-8 text read as a double-byte code page whose decoder
 * replaced unreadable bytes with U+FFFD.  *want gets what a perfect repair
 * gives: each character whose bytes all survived, and one U+FFFD for each
 * that lost a byte.  Returns the damaged text (malloc'ed) or NULL when the
 * damage lost nothing. */
static char *lossy_damage(const char *s, const char *dec, char **want)
{
    size_t len = strlen(s);
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cd = ucnv_open(dec, &err);
    UChar *u = malloc((len + 1) * sizeof(UChar));
    int32_t *off = malloc((len + 1) * sizeof(int32_t));
    UChar *ut = u;
    const char *src = s;
    ucnv_toUnicode(cd, &ut, u + len + 1, &src, s + len, off, true, &err);
    int32_t nu = (int32_t)(ut - u);
    ucnv_close(cd);
    char *lostb = calloc(len + 1, 1);
    bool any = false;
    for (int32_t i = 0; i < nu; i++) {
        /* ICU's Shift_JIS and EUC-KR write U+001A for an illegal byte */
        if (u[i] != 0xFFFD && u[i] != 0x1A) continue;
        int32_t a = off[i], b = i + 1 < nu ? off[i + 1] : (int32_t)len;
        if (b <= a) b = a + 1;
        for (int32_t k = a; k < b && k < (int32_t)len; k++) lostb[k] = 1;
        any = true;
    }
    char *bad = NULL;
    *want = NULL;
    if (any) {
        bad = malloc((size_t)nu * 3 + 1);
        err = U_ZERO_ERROR;
        UConverter *u8 = ucnv_open("UTF-8", &err);
        int32_t nb = ucnv_fromUChars(u8, bad, nu * 3 + 1, u, nu, &err);
        ucnv_close(u8);
        bad[nb] = '\0';
        char *w = malloc(len * 3 + 4);
        size_t wn = 0;
        for (size_t i = 0; i < len;) {
            size_t n = 1;
            while (i + n < len && ((unsigned char)s[i + n] & 0xC0) == 0x80) n++;
            bool lost = false;
            for (size_t k = i; k < i + n; k++) lost |= lostb[k];
            if (lost) {
                memcpy(w + wn, "\xEF\xBF\xBD", 3);
                wn += 3;
            } else {
                memcpy(w + wn, s + i, n);
                wn += n;
            }
            i += n;
        }
        w[wn] = '\0';
        *want = w;
    }
    free(u);
    free(off);
    free(lostb);
    return bad;
}

/* One sentence per double-byte codec, UTF-8 read through ICU's decoder
 * with loss (U+FFFD, and U+001A from Shift_JIS and EUC-KR): each character
 * whose bytes survive comes back, each that lost one becomes one U+FFFD.
 * The expected lines were checked by hand against the bytes. */
#define LOST "\xEF\xBF\xBD"
START_TEST(lossy_cjk_codecs)
{
    static const struct {
        const char *dec, *clean, *want;
    } cases[] = {
        /* GBK replaces a lead byte before ASCII: 在 年 月 and 。 lose
         * their last byte */
        {"GBK", "会议在2024年5月12日举行，共有30人参加。",
         ("会议" LOST "2024" LOST "5" LOST "12日举行，共有30人参加" LOST)},
        /* Big5: trails 0x80-0xA0 take the lead with them, two bytes that
         * may straddle two characters */
        {"Big5", "我們在台北101大樓看煙火，真的很漂亮。",
         (LOST "們在" LOST LOST "101大" LOST LOST LOST LOST LOST LOST LOST "很" LOST "亮" LOST)},
        /* Shift_JIS: 0x80 alone becomes U+001A */
        {"Shift_JIS", "東京の天気は晴れ、気温は25度です。",
         ("東京の天気" LOST "晴れ" LOST "気温は25度です" LOST)},
        /* Japanese read as Shift_JIS is common kanji (縲 縺 繧), which
         * scores as clean text: the U+001A where the UTF-8 lost a byte
         * and the valid UTF-8 around it decide (the ideographic space is
         * E3 80 80, 縲 and one illegal 0x80) */
        {"Shift_JIS", "　【１】はじめのあいさつ", (LOST "【１" LOST LOST "じめのあいさつ")},
        {"Shift_JIS", "言われました。", (LOST "われました" LOST)},
        {"Shift_JIS", "ブログ気持玉", ("ブログ気持" LOST)},
        /* a short run that loses nothing follows the line's damage when
         * its characters read no worse on average: three kanji of the
         * reading are two characters (`蟆肴婿` is 對方) */
        {"Shift_JIS", "對方: 沒關係, 你聽就好了", ("對方: 沒關" LOST ", " LOST "聽就好" LOST)},
        {"Shift_JIS", "國小吧 ~ ...從那時候面對", ("國小吧 ~ ...從那時" LOST "面" LOST)},
        /* or it makes a word (問卷) the reading did not have */
        {"Shift_JIS", "問卷 兩份 一1.2開始發", ("問卷 兩份 " LOST "1.2開始發")},
        /* an ASCII letter that is the trail byte of the character before
         * it (瀕 is the last byte of ― and `m`) follows too */
        {"Shift_JIS", "而且他做E―mail，他去做搜索", ("而且他做E―mail" LOST "他去做搜索")},
        /* ≡ has two Shift_JIS codes, 81 DF and NEC's 87 91: 金 (E9 87 91)
         * read as Shift_JIS ends in the second */
        {"Shift_JIS", "售价高达139美金，看来也不太可能", ("售价高达139美金" LOST "看来也不太可能")},
        {"Shift_JIS", "お金を出してもいい", ("お金を" LOST "してもい" LOST)},
        /* after lost bytes too: 83 E9 (球's last byte and 金's lead) is
         * no Shift_JIS pair; but ∫ after a lost continuation byte is 81 E7
         * (、's last byte and 空's lead), not NEC's 87 92 */
        {"Shift_JIS", "在全球金融寒流中，以中国的自主品牌", ("在全" LOST LOST "融寒流中" LOST "以中国" LOST LOST "主品牌")},
        {"Shift_JIS", "海军、空军的前身", ("海军" LOST "空军的前身")},
        /* the mean leaves out ASCII that was a trail byte (`蜿救` is
         * `友~`, `縺翫♂縲：` is `おぉ、F`) */
        {"Shift_JIS", "見到班bristol友~ 好似好耐冇見咁bo~", ("見到班bristol友~ 好似好耐" LOST "見咁bo~")},
        {"Shift_JIS", "おぉ、FC東京、久しぶりのホーム", ("おぉ、FC東京、" LOST LOST "ぶり" LOST "ホ" LOST LOST)},
        /* EUC-KR (ICU's): C1 bytes pass through, a lead before them is
         * U+001A, an unassigned pair U+FFFD */
        {"EUC-KR", "오늘 서울의 날씨는 맑고 기온은 25도입니다.",
         (LOST "늘 " LOST LOST "의 " LOST LOST "는 맑" LOST " 기온은 25" LOST LOST LOST LOST ".")},
        /* a U+FFFD is weak evidence in a line that otherwise reads as
         * clean text: it is what the repair itself writes, so the repaired
         * line is not read again as Big5 read as GBK (its kana as Big5's
         * common Han: `﹛◇戊奈甲奈`) ... */
        {"GBK", "■編集後記　『コーヒーがおいしいです』", ("■編集後記　『コーヒーがおいしいです" LOST)},
        /* ... nor as more UTF-8 that lost bytes (`见与` + U+FFFD as
         * Shift_JIS is `见Ϳ�`, `�的�统` as EUC-KR `�ͳ�`) */
        {"Shift_JIS", "宋代的画家，苏轼和米芾：画尽意在。见与儿童邻。",
         ("宋代" LOST LOST "家" LOST "苏轼和米芾" LOST "画尽意在。见与" LOST "童邻" LOST)},
        {"EUC-KR", "有人说，传统的写意是儿童的眼光，苏轼和米芾",
         (LOST "人" LOST "，" LOST "统" LOST LOST LOST LOST LOST "童" LOST LOST "光，" LOST "轼和米" LOST)},
        /* U+001A, which ICU's EUC-KR and Shift_JIS write for a byte they
         * cannot read, is no character of legacy bytes read as
         * windows-1252: `哈` as EUC-KR is U+001A and the C1 controls
         * U+0093 U+0088, not GBK's `嶋` read as windows-1252 ... */
        {"EUC-KR", "哈哈哈哈哈哈哈哈哈哈", (LOST LOST LOST LOST LOST LOST LOST LOST LOST LOST)},
        {"EUC-KR", "テレビで有名な『ジャパネット』の商品を毎週買う",
         (LOST LOST "ビ" LOST "有" LOST LOST LOST LOST "ャパ" LOST LOST LOST LOST LOST LOST LOST LOST LOST
          LOST "買" LOST)},
        /* a reading that says more characters were lost than the line
         * shows replacement characters pays for them: Korean read as
         * Shift_JIS also reads as EUC-JP, with one U+FFFD more */
        {"Shift_JIS", "그렇다면 꼭;; 당연히", (LOST LOST LOST LOST " " LOST ";; " LOST LOST LOST)},
    };
    scrub_ctx *ctx = scrub_ctx_new();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *oracle;
        char *bad = lossy_damage(cases[i].clean, cases[i].dec, &oracle);
        ck_assert_msg(bad != NULL, "%s: no loss", cases[i].dec);
        ck_assert_str_eq(oracle, cases[i].want);
        char *got = fix(ctx, bad);
        ck_assert_msg(!strcmp(got, cases[i].want), "%s: \"%s\" -> \"%s\", expected \"%s\"",
                      cases[i].dec, bad, got, cases[i].want);
        ck_assert(scrub_mojibake_saw(ctx) & SCRUB_MOJIBAKE_SAW_LOSSY);
        /* and read again it stays: the U+FFFD written are no evidence */
        char *again = fix(ctx, got);
        ck_assert_str_eq(again, got);
        free(again);
        free(got);
        free(bad);
        free(oracle);
    }
    scrub_ctx_free(ctx);
}
END_TEST
#undef LOST

START_TEST(lossy_round_trip)
{
    lines zh = {0}, zht = {0}, ja = {0}, ko = {0};
    if (!load_corpus(&zh, &zht, &ja, &ko, NULL)) return;
    static const char *const decs[] = {"GBK", "Big5", "Shift_JIS", "EUC-KR"};
    lines *sets[4] = {&zh, &zht, &ja, &ko};
    scrub_ctx *ctx = scrub_ctx_new();
    int exact_all = 0, n_all = 0, unstable = 0;
    long chars_ok = 0, chars_all = 0;
    for (size_t d = 0; d < 4; d++) {
        int exact = 0, n = 0;
        for (int st = 0; st < 4; st++)
            for (size_t i = 0; i < sets[st]->n; i++) {
                char *want;
                char *bad = lossy_damage(sets[st]->line[i], decs[d], &want);
                if (!bad) continue;
                char *got = fix(ctx, bad);
                n++;
                bool same = !strcmp(got, want);
                exact += same;
                /* repairing the repair changes nothing: the U+FFFD it
                 * wrote are no evidence of more damage */
                char *again = fix(ctx, got);
                unstable += strcmp(again, got) != 0;
                free(again);
                if (!same && getenv("SCRUB_TEST_VERBOSE"))
                    printf("  lossy %s\n    clean %s\n    bad  %s\n    got  %s\n    want %s\n", decs[d], sets[st]->line[i], bad, got, want);
                /* characters right, position by position */
                size_t gl = strlen(got), wl = strlen(want);
                for (size_t k = 0; k < wl; k++)
                    if (((unsigned char)want[k] & 0xC0) != 0x80) {
                        chars_all++;
                        size_t cl = 1;
                        while (k + cl < wl && ((unsigned char)want[k + cl] & 0xC0) == 0x80) cl++;
                        chars_ok += k + cl <= gl && !memcmp(got + k, want + k, cl);
                    }
                free(got);
                free(bad);
                free(want);
            }
        printf("lossy UTF-8 read as %-9s: %d of %d lines exactly as a perfect repair\n", decs[d], exact, n);
        exact_all += exact;
        n_all += n;
    }
    if (n_all) {
        printf("lossy damage: %.1f%% of %d lines exact; %.1f%% of characters in place\n",
               100.0 * exact_all / n_all, n_all, 100.0 * chars_ok / (chars_all ? chars_all : 1));
        /* every line: each character whose bytes survive comes back,
         * each that lost one is one U+FFFD */
        ck_assert_msg(exact_all == n_all, "lossy repair fell to %d of %d", exact_all, n_all);
        ck_assert_msg(unstable == 0, "%d lossy repairs change when repaired again", unstable);
    }
    scrub_ctx_free(ctx);
    free_lines(&zh);
    free_lines(&zht);
    free_lines(&ja);
    free_lines(&ko);
}
END_TEST

/* ---- clean text stays ----------------------------------------------------- */

/* Lines of the corpora that really are damaged, with the reason. */
static const char *const really_damaged[] = {
    /* balatonblog.typepad.com (utf-8): a link whose text is windows-1252
     * mojibake of "Önko" and "gyalogló" */
    "Uzsa Ã\xC2\x96nko",
    /* char-dataset cp424/_ude_1.txt: a stray C1 control (0x8E) after the
     * last sentence, repaired as windows-1252 (Ž) like ftfy does */
    "היהודי.\xC2\x8E",
    /* char-dataset "cp037 _ude_1.txt": its line breaks are ASCII LF bytes,
     * which EBCDIC reads as the C1 control U+008E; repaired as Ž */
    "bruk.\302\216\302\216Det",
    /* chardet UTF-16BE/plane1-utf-16be.html is an ASCII hex dump labelled
     * UTF-16BE: decoded, it is ASCII read as UTF-16, mojibake already */
    "〰〰〰〰㨠〰㐴",
};

/* s without the invisible characters that the default flags remove by
 * design (U+200B, U+2060, U+FEFF after the start): malloc'ed. */
static char *without_invisible(const char *s)
{
    size_t n = strlen(s), k = 0;
    char *r = malloc(n + 1);
    for (size_t i = 0; i < n;) {
        const char *p = s + i;
        bool drop = !strncmp(p, "\xE2\x80\x8B", 3) || !strncmp(p, "\xE2\x81\xA0", 3) ||
                    (i > 0 && !strncmp(p, "\xEF\xBB\xBF", 3));
        if (drop) {
            i += 3;
            continue;
        }
        r[k++] = s[i++];
    }
    r[k] = '\0';
    return r;
}

static bool listed_damaged(const char *line)
{
    for (size_t i = 0; i < sizeof really_damaged / sizeof really_damaged[0]; i++)
        if (strstr(line, really_damaged[i])) return true;
    return false;
}

/* The lines of a seed page that carry no damage: the damaged ones hold
 * pinyin annotations and lossy GBK runs (seeds/README.md). */
static void add_seed_lines(lines *all, const char *t, size_t len)
{
    lines seed = {0};
    collect_any(&seed, t, len, false, 0, 1000000);
    for (size_t k = 0; k < seed.n; k++) {
        const char *l = seed.line[k];
        bool annotated = false;
        for (const char *q = strchr(l, '('); q && !annotated; q = strchr(q + 1, '('))
            annotated = q[1] >= 'a' && q[1] <= 'z';
        if (!annotated && !strstr(l, "??") && !strstr(l, "?z") && !strstr(l, "?q"))
            add_line(all, l, strlen(l));
    }
    free_lines(&seed);
}

/* The text fields ("raw_content", "text") of a JSON-lines file. */
static void add_jsonl_lines(lines *all, const char *t)
{
    for (const char *p = t; *p; p++) {
        bool raw = !strncmp(p, "\"raw_content\":", 14), txt = !strncmp(p, "\"text\":", 7);
        if ((!raw && !txt) || (p > t && p[-1] == '\\')) continue;
        p = strchr(p + 6, ':') + 1;
        while (*p == ' ') p++;
        if (*p != '"') continue;
        char *v = json_string(&p);
        collect_any(all, v, strlen(v), false, 0, 10000000);
        free(v);
        if (!*p) break;
    }
}

/* Every line of the text of ../shared/testdata/web: page texts (*.txt:
 * gne-zh-news and trafilatura-eval text/, readability source.txt, the
 * seed copies in seed-labels/ with their damaged lines left out) and the
 * documents of the JSON-lines samples.  Long lines are kept whole: a
 * 423 KB keyword line of gne-zh-news is the hardest case. */
static void add_web_dir(lines *all, const char *rel)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", test_shared_dir(), rel);
    DIR *d = opendir(path);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char sub[2048], full[4096];
        snprintf(sub, sizeof sub, "%s/%s", rel, e->d_name);
        snprintf(full, sizeof full, "%s/%s", test_shared_dir(), sub);
        struct stat sb;
        if (stat(full, &sb) != 0) continue;
        if (S_ISDIR(sb.st_mode)) {
            add_web_dir(all, sub);
            continue;
        }
        size_t n = strlen(e->d_name), len;
        bool txt = n > 4 && !strcmp(e->d_name + n - 4, ".txt");
        bool jsonl = n > 6 && !strcmp(e->d_name + n - 6, ".jsonl");
        if (!txt && !jsonl) continue;
        char *t = test_read_shared(sub, &len);
        if (!t) continue;
        if (jsonl) add_jsonl_lines(all, t);
        else if (strstr(rel, "seed-labels")) add_seed_lines(all, t, len);
        else collect_any(all, t, len, false, 0, 10000000);
        free(t);
    }
    closedir(d);
}

START_TEST(clean_text_unchanged)
{
    lines all = {0};
    if (!load_corpus(&all, &all, &all, &all, &all)) return;
    size_t len;
    char *oc = test_read_shared("testdata/opencc/testcases.json", &len);
    if (oc) {
        for (const char *p = oc; *p; p++)
            if (*p == '"') {
                char *s = json_string(&p);
                add_line(&all, s, strlen(s));
                free(s);
                p--;
            }
        free(oc);
    }
    static const char *const seeds[] = {"000_c453129873820a71.txt", "001_d0bff2fb65c47538.txt",
                                        "002_db89ada0694f6154.txt", "003_deff538706a06b0e.txt",
                                        "004_835892ec5bf962a3.txt"};
    for (int i = 0; i < 5; i++) {
        char rel[128];
        snprintf(rel, sizeof rel, "seeds/%s", seeds[i]);
        char *t = test_read_shared(rel, &len);
        if (!t) continue;
        add_seed_lines(&all, t, len);
        free(t);
    }
    size_t before_web = all.n;
    add_web_dir(&all, "testdata/web");
    printf("clean text: %zu lines of testdata/web\n", all.n - before_web);
    scrub_ctx *ctx = scrub_ctx_new();
    size_t changed = 0, damaged = 0;
    for (size_t i = 0; i < all.n; i++) {
        char *got = fix(ctx, all.line[i]);
        char *want = without_invisible(all.line[i]);
        if (strcmp(got, want)) {
            if (listed_damaged(all.line[i])) damaged++;
            else {
                changed++;
                /* from a little before the first difference */
                size_t d = 0;
                while (got[d] && got[d] == want[d]) d++;
                d = d > 40 ? d - 40 : 0;
                while (d && ((unsigned char)want[d] & 0xC0) == 0x80) d--;
                if (changed <= 40)
                    printf("  changed at byte %zu: \"%.120s\" -> \"%.120s\"\n", d, want + d, got + d);
            }
        }
        free(want);
        free(got);
    }
    printf("clean text: %zu of %zu lines changed (%zu more listed as really damaged)\n", changed,
           all.n, damaged);
    ck_assert_msg(changed == 0, "%zu clean lines changed", changed);
    scrub_ctx_free(ctx);
    free_lines(&all);
}
END_TEST

/* The fast path and the quiet test read their bits by the bytes of a
 * three-byte sequence as they lie (suspect3b, loud3); every payload must
 * find the bit its code point has in the definitions. */
START_TEST(byte_indexed_tables)
{
    const mj_tables *t;
    ck_assert_status(scrub__mj_tables(&t), SCRUB_OK);
    for (uint32_t c = 0; c < 0x10000; c++) {
        const unsigned b0 = 0xE0 | c >> 12, b1 = 0x80 | (c >> 6 & 0x3F), b2 = 0x80 | (c & 0x3F);
        const uint64_t w = b0 | b1 << 8 | (uint64_t)b2 << 16 | (uint64_t)'x' << 24;
        bool suspect = (t->suspect3[c >> 6] >> (c & 63)) & 1;
        bool loud = c < 0x800 || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFD || c == 0x200B ||
                    c == 0x2060 || c == 0xFEFF || mj_wakes_reading(t, c);
        ck_assert_msg(((t->suspect3b[w & 0x3F0F] >> (w >> 16 & 63)) & 1) == suspect, "U+%04X", c);
        ck_assert_msg(((t->loud3[(b0 & 0x0F) | (b1 & 0x3F) << 4] >> (b2 & 63)) & 1) == loud,
                      "U+%04X", c);
    }
    ck_assert(t->suspect3[0x20AC >> 6] >> (0x20AC & 63) & 1); /* € */
    ck_assert(!(t->suspect3[0x4E2D >> 6] >> (0x4E2D & 63) & 1)); /* 中 */
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("mojibake");
    TCase *tc = tcase_create("fixtures");
    tcase_add_test(tc, each_transform);
    tcase_add_test(tc, byte_indexed_tables);
    tcase_add_test(tc, layers_and_partial_lines);
    tcase_add_test(tc, bigram_evidence);
    tcase_add_test(tc, lossy_sequences);
    tcase_add_test(tc, lossy_cjk_codecs);
    tcase_add_test(tc, c1_controls_and_cesu);
    tcase_add_test(tc, gbk_out_of_step);
    tcase_add_test(tc, cp437_line_art);
    tcase_add_test(tc, latin_not_cjk);
    tcase_add_test(tc, hopeless_garble_kept);
    tcase_add_test(tc, seed_runs);
    tcase_add_test(tc, whole_text_equals_lines);
    tcase_add_test(tc, long_line_pieces);
    tcase_add_test(tc, pinyin_annotations);
    tcase_add_test(tc, invisible_characters);
    tcase_add_test(tc, entities);
    tcase_add_test(tc, details_and_errors);
    tcase_add_test(tc, score);
    tcase_add_test(tc, allocation_failures);
    suite_add_tcase(s, tc);
    TCase *corp = tcase_create("corpora");
    tcase_set_timeout(corp, 600);
    tcase_add_test(corp, ftfy_conformance);
    tcase_add_test(corp, damage_round_trip);
    tcase_add_test(corp, lossy_round_trip);
    tcase_add_test(corp, clean_text_unchanged);
    suite_add_tcase(s, corp);
    return s;
}

SCRUB_TEST_MAIN(make_suite)
