/*
 * clean.c -- scrub_clean(): the whole pipeline, composed from the stages'
 * public functions (decode -> html -> mojibake -> zh -> filter).  Only this
 * file composes stages; each stage keeps its own details in the context and
 * this file keeps the text each stage worked on, so that their accessors'
 * offsets stay meaningful until the next scrub_clean().
 */
#include "internal.h"

#define ALL_FLAGS                                                                            \
    (SCRUB_CLEAN_NO_DECODE | SCRUB_CLEAN_NO_HTML | SCRUB_CLEAN_FORCE_HTML |                  \
     SCRUB_CLEAN_NO_MOJIBAKE | SCRUB_CLEAN_NO_ZH | SCRUB_CLEAN_NO_FILTER | SCRUB_CLEAN_PHRASES)

#define STAGES 5
#define HTML_SNIFF 4096

typedef struct {
    unsigned stages;
    /* owned buffers of the last call: the stages' outputs */
    char *buf[STAGES];
    /* the input of each stage (pointers into buf[], or NULL) */
    const char *input[STAGES];
    size_t input_len[STAGES];
    char *title;
    const char *charset;
    const char *script;
    double share, spam;
    unsigned flags;
    size_t labels[SCRUB_LABEL_COUNT];
    size_t repairs;
} clean_state;

static void drop_buffers(clean_state *st)
{
    for (int i = 0; i < STAGES; i++) {
        scrub_free(st->buf[i]);
        st->buf[i] = NULL;
    }
    scrub_free(st->title);
    st->title = NULL;
}

static void reset_state(clean_state *st)
{
    drop_buffers(st);
    memset(st, 0, sizeof *st);
}

static void free_state(void *p)
{
    drop_buffers(p);
}

/* ---- HTML or text? -------------------------------------------------------- */

static bool starts_with_ci(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    if (len < n) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != word[i]) return false;
    }
    return true;
}

/* A tag name must end where the name does, so that "<pre" is not "<p". */
static bool tag_at(const char *s, size_t len, const char *tag)
{
    size_t n = strlen(tag);
    if (!starts_with_ci(s, len, tag)) return false;
    if (len == n) return false;
    char c = s[n];
    return c == '>' || c == ' ' || c == '/' || c == '\t' || c == '\n' || c == '\r';
}

/* Extracted text rarely starts with markup or holds document-level tags in
 * its first kilobytes; pages nearly always do. */
static bool looks_like_html(const char *s, size_t len)
{
    if (!len) return false;
    size_t i = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) i++;
    static const char *const openers[] = {"<!doctype", "<html", "<head", "<body", "<!--", "<?xml"};
    for (size_t k = 0; k < sizeof openers / sizeof *openers; k++)
        if (starts_with_ci(s + i, len - i, openers[k])) return true;
    static const char *const tags[] = {"<html", "<body", "<p", "<div", "<br", "<meta"};
    size_t end = len < HTML_SNIFF ? len : HTML_SNIFF;
    for (const char *p = memchr(s, '<', end); p; p = memchr(p + 1, '<', end - (size_t)(p + 1 - s))) {
        size_t rest = len - (size_t)(p - s);
        for (size_t k = 0; k < sizeof tags / sizeof *tags; k++)
            if (tag_at(p, rest, tags[k])) return true;
        if (p + 1 >= s + end) break;
    }
    return false;
}

/* ---- helpers -------------------------------------------------------------- */

static size_t count_lines(const char *s, size_t len)
{
    size_t n = 0;
    scrub__line line;
    for (size_t pos = 0; scrub__next_line(s, len, pos, &line); pos = line.next) n++;
    return n;
}

static bool blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return false;
    return true;
}

static bool has_blank_line(const char *s, size_t len)
{
    scrub__line line;
    for (size_t pos = 0; scrub__next_line(s, len, pos, &line); pos = line.next)
        if (blank_line(s + line.start, line.len)) return true;
    return false;
}

/* The filter drops blank lines itself; with the filter off this does. */
static int keep_nonblank_lines(const char *s, size_t len, char **out, size_t *out_len)
{
    scrub__buf b = SCRUB__BUF_INIT;
    scrub__line line;
    for (size_t pos = 0; scrub__next_line(s, len, pos, &line); pos = line.next) {
        if (blank_line(s + line.start, line.len)) continue;
        scrub__buf_append(&b, s + line.start, line.len);
        scrub__buf_putc(&b, '\n');
    }
    if (!b.data && !b.failed) scrub__buf_reserve(&b, 1);
    return scrub__buf_finish(&b, out, out_len);
}

static int stage_failed(scrub_ctx *ctx, int rc, const char *stage)
{
    char detail[sizeof ctx->errmsg];
    memcpy(detail, ctx->errmsg, sizeof detail);
    return scrub__fail(ctx, rc, "%s: %s", stage, detail[0] ? detail : scrub_strerror(rc));
}

static int zh_target(int to)
{
    switch (to) {
    case SCRUB_CLEAN_HANS: return SCRUB_ZH_HANS;
    case SCRUB_CLEAN_HANT: return SCRUB_ZH_HANT;
    case SCRUB_CLEAN_TW: return SCRUB_ZH_TW;
    default: return SCRUB_ZH_HK;
    }
}

/* ---- the stages ------------------------------------------------------------ */

typedef struct {
    const char *text; /* the current text */
    size_t len;
    size_t replaced;  /* U+FFFD written by all stages */
    const uint32_t *hints;
    size_t nhints;
} flow;

static int run_decode(scrub_ctx *ctx, clean_state *st, flow *f, const char *bytes, size_t len,
                      const char *declared, unsigned flags)
{
    size_t n = 0;
    if (flags & SCRUB_CLEAN_NO_DECODE) {
        /* a UTF-8 BOM goes, as scrub_decode drops it */
        if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) bytes += 3, len -= 3;
        scrub__buf b = SCRUB__BUF_INIT;
        scrub__buf_reserve(&b, len);
        scrub__utf8_sanitize(&b, bytes, len, &f->replaced);
        int rc = scrub__buf_finish(&b, &st->buf[SCRUB_STAGE_DECODE], &n);
        if (rc) return scrub__fail(ctx, rc, "out of memory");
        st->charset = "utf-8";
    } else {
        int rc = scrub_decode(ctx, bytes, len, declared, &st->buf[SCRUB_STAGE_DECODE], &n);
        if (rc) return stage_failed(ctx, rc, "decode");
        f->replaced += scrub_ctx_replacements(ctx);
        st->charset = scrub_decode_charset(ctx);
        if (scrub_decode_overridden(ctx)) st->flags |= SCRUB_CLEAN_SAW_OVERRIDE;
        st->stages |= 1u << SCRUB_STAGE_DECODE;
    }
    f->text = st->buf[SCRUB_STAGE_DECODE];
    f->len = n;
    return SCRUB_OK;
}

static int run_html(scrub_ctx *ctx, clean_state *st, flow *f)
{
    st->input[SCRUB_STAGE_HTML] = f->text;
    st->input_len[SCRUB_STAGE_HTML] = f->len;
    size_t n;
    int rc = scrub_html_to_text(ctx, f->text, f->len, NULL, SCRUB_HTML_UTF8,
                                &st->buf[SCRUB_STAGE_HTML], &n);
    if (rc) return stage_failed(ctx, rc, "html");
    f->replaced += scrub_ctx_replacements(ctx);
    st->stages |= 1u << SCRUB_STAGE_HTML;
    st->flags |= SCRUB_CLEAN_SAW_HTML;
    f->text = st->buf[SCRUB_STAGE_HTML];
    f->len = n;
    f->hints = scrub_html_line_hints(ctx, &f->nhints);
    return SCRUB_OK;
}

/* Repairs and converts the title as the text will be, before the text, so
 * that the stages' details describe the text. */
static int clean_title(scrub_ctx *ctx, clean_state *st, unsigned flags, int to)
{
    const char *title = scrub_html_title(ctx);
    if (!title) return SCRUB_OK;
    char *t = NULL, *u = NULL;
    size_t n = strlen(title), m;
    int rc = SCRUB_OK;
    if (!(flags & SCRUB_CLEAN_NO_MOJIBAKE)) {
        rc = scrub_fix_mojibake(ctx, title, n, SCRUB_FIX_DEFAULT, &t, &n);
        if (rc) return stage_failed(ctx, rc, "mojibake (title)");
        title = t;
    }
    if (to != SCRUB_CLEAN_KEEP && !(flags & SCRUB_CLEAN_NO_ZH)) {
        unsigned zf = flags & SCRUB_CLEAN_PHRASES ? SCRUB_ZH_PHRASES : 0;
        rc = scrub_zh_convert(ctx, title, n, SCRUB_ZH_AUTO, zh_target(to), zf, &u, &m);
        scrub_free(t);
        if (rc) return stage_failed(ctx, rc, "zh (title)");
        t = u;
        n = m;
    } else if (!t) {
        t = scrub__malloc(n + 1);
        if (!t) return scrub__fail(ctx, SCRUB_E_NOMEM, "out of memory");
        memcpy(t, title, n + 1);
    }
    /* a title is one line: the stages end it with LF */
    while (n && (t[n - 1] == '\n' || t[n - 1] == ' ')) t[--n] = '\0';
    st->title = t;
    return rc;
}

static int run_mojibake(scrub_ctx *ctx, clean_state *st, flow *f)
{
    st->input[SCRUB_STAGE_MOJIBAKE] = f->text;
    st->input_len[SCRUB_STAGE_MOJIBAKE] = f->len;
    size_t n;
    int rc = scrub_fix_mojibake(ctx, f->text, f->len, SCRUB_FIX_DEFAULT,
                                &st->buf[SCRUB_STAGE_MOJIBAKE], &n);
    if (rc) return stage_failed(ctx, rc, "mojibake");
    f->replaced += scrub_ctx_replacements(ctx);
    st->stages |= 1u << SCRUB_STAGE_MOJIBAKE;
    st->repairs = scrub_mojibake_repair_count(ctx);
    unsigned saw = scrub_mojibake_saw(ctx);
    if (st->repairs) st->flags |= SCRUB_CLEAN_SAW_MOJIBAKE;
    if (saw & SCRUB_MOJIBAKE_SAW_LOSSY) st->flags |= SCRUB_CLEAN_SAW_LOSSY;
    if (saw & SCRUB_MOJIBAKE_SAW_PINYIN) st->flags |= SCRUB_DOC_PINYIN;
    f->text = st->buf[SCRUB_STAGE_MOJIBAKE];
    f->len = n;
    return SCRUB_OK;
}

static int run_zh(scrub_ctx *ctx, clean_state *st, flow *f, unsigned flags, int to)
{
    st->input[SCRUB_STAGE_ZH] = f->text;
    st->input_len[SCRUB_STAGE_ZH] = f->len;
    size_t n;
    unsigned zf = flags & SCRUB_CLEAN_PHRASES ? SCRUB_ZH_PHRASES : 0;
    int rc = scrub_zh_convert(ctx, f->text, f->len, SCRUB_ZH_AUTO, zh_target(to), zf,
                              &st->buf[SCRUB_STAGE_ZH], &n);
    if (rc) return stage_failed(ctx, rc, "zh");
    f->replaced += scrub_ctx_replacements(ctx);
    st->stages |= 1u << SCRUB_STAGE_ZH;
    if (n != f->len || memcmp(f->text, st->buf[SCRUB_STAGE_ZH], n) != 0)
        st->flags |= SCRUB_CLEAN_SAW_CONVERTED;
    f->text = st->buf[SCRUB_STAGE_ZH];
    f->len = n;
    return SCRUB_OK;
}

static int run_filter(scrub_ctx *ctx, clean_state *st, flow *f, char **out, size_t *out_len)
{
    st->input[SCRUB_STAGE_FILTER] = f->text;
    st->input_len[SCRUB_STAGE_FILTER] = f->len;
    /* hints describe html's lines; the stages between keep lines one to one,
     * but a caller's pipeline must never pass misaligned hints */
    const uint32_t *hints = f->hints;
    size_t nhints = f->nhints;
    if (hints && count_lines(f->text, f->len) != nhints) hints = NULL, nhints = 0;
    /* blank lines never come out, whatever the keep mask says */
    unsigned keep = (unsigned)scrub__param(ctx, SCRUB_PARAM_FILTER_KEEP) &
                    ~SCRUB_LABEL_BIT(SCRUB_LABEL_BLANK);
    int rc = scrub_filter_lines_ex(ctx, f->text, f->len, hints, nhints, NULL, keep, 0, out,
                                   out_len);
    if (rc) return stage_failed(ctx, rc, "filter");
    if (has_blank_line(*out, *out_len)) {
        /* a kept line emptied by cutting inline spam */
        char *dense;
        size_t n;
        rc = keep_nonblank_lines(*out, *out_len, &dense, &n);
        scrub_free(*out);
        *out = dense;
        *out_len = n;
        if (rc) return scrub__fail(ctx, rc, "out of memory");
    }
    f->replaced += scrub_ctx_replacements(ctx);
    st->stages |= 1u << SCRUB_STAGE_FILTER;
    st->spam = scrub_filter_doc_score(ctx);
    st->flags |= scrub_filter_doc_flags(ctx);
    size_t lines = scrub_filter_line_count(ctx);
    for (size_t i = 0; i < lines; i++) {
        int label = scrub_filter_line_label(ctx, i);
        if (label >= 0 && label < SCRUB_LABEL_COUNT) st->labels[label]++;
    }
    return SCRUB_OK;
}

static int pipeline(scrub_ctx *ctx, clean_state *st, const char *bytes, size_t len,
                    const char *declared, unsigned flags, char **out, size_t *out_len)
{
    flow f = {0};
    int to = (int)scrub__param(ctx, SCRUB_PARAM_CLEAN_TO);
    int rc = run_decode(ctx, st, &f, bytes, len, declared, flags);
    bool html = !rc && !(flags & SCRUB_CLEAN_NO_HTML) &&
                ((flags & SCRUB_CLEAN_FORCE_HTML) || looks_like_html(f.text, f.len));
    /* from here on every stage's input is the output of another stage,
     * which is valid UTF-8: validated once, by decode */
    ctx->utf8_known_valid = !rc;
    if (!rc && html) rc = run_html(ctx, st, &f);
    if (!rc && html) rc = clean_title(ctx, st, flags, to);
    if (!rc && !(flags & SCRUB_CLEAN_NO_MOJIBAKE)) rc = run_mojibake(ctx, st, &f);
    if (!rc && to != SCRUB_CLEAN_KEEP && !(flags & SCRUB_CLEAN_NO_ZH)) rc = run_zh(ctx, st, &f, flags, to);
    if (!rc && !(flags & SCRUB_CLEAN_NO_FILTER)) rc = run_filter(ctx, st, &f, out, out_len);
    else if (!rc) {
        rc = keep_nonblank_lines(f.text, f.len, out, out_len);
        if (rc) scrub__fail(ctx, rc, "out of memory");
    }
    ctx->utf8_known_valid = false;
    if (rc) return rc;
    int script = 0;
    rc = scrub_zh_detect(ctx, *out, *out_len, &script, &st->share);
    if (rc) {
        scrub_free(*out);
        *out = NULL;
        *out_len = 0;
        return stage_failed(ctx, rc, "zh detect");
    }
    st->script = scrub_zh_name(script, 1);
    ctx->replacements = f.replaced;
    if (f.replaced) st->flags |= SCRUB_CLEAN_SAW_REPLACEMENT;
    return SCRUB_OK;
}

SCRUB_API int scrub_clean(scrub_ctx *ctx, const char *bytes, size_t len, const char *declared,
                          unsigned flags, char **out, size_t *out_len)
{
    if (!ctx) return SCRUB_E_INVALID_ARG;
    scrub__begin(ctx);
    int rc = scrub__check_output(ctx, out, out_len);
    if (rc) return rc;
    rc = scrub__check_input(ctx, bytes, len);
    if (rc) return rc;
    if (flags & ~ALL_FLAGS) return scrub__fail(ctx, SCRUB_E_INVALID_ARG, "unknown flags 0x%x", flags & ~ALL_FLAGS);
    clean_state *st = scrub__stage_state(ctx, SCRUB__STAGE_CLEAN, sizeof *st, free_state);
    if (!st) return scrub__fail(ctx, SCRUB_E_NOMEM, "out of memory");
    reset_state(st);
    rc = pipeline(ctx, st, bytes ? bytes : "", len, declared, flags, out, out_len);
    if (rc) {
        size_t keep_replaced = ctx->replacements;
        reset_state(st);
        ctx->replacements = keep_replaced;
    }
    return rc;
}

/* ---- accessors ------------------------------------------------------------ */

static const clean_state *state(const scrub_ctx *ctx)
{
    return ctx ? ctx->stage[SCRUB__STAGE_CLEAN] : NULL;
}

SCRUB_API unsigned scrub_clean_stages(const scrub_ctx *ctx)
{
    const clean_state *st = state(ctx);
    return st ? st->stages : 0;
}

SCRUB_API const char *scrub_clean_stage_input(const scrub_ctx *ctx, int stage, size_t *len)
{
    const clean_state *st = state(ctx);
    if (len) *len = 0;
    if (!st || stage < 0 || stage >= STAGES || !st->input[stage]) return NULL;
    if (len) *len = st->input_len[stage];
    return st->input[stage];
}

SCRUB_API const char *scrub_clean_title(const scrub_ctx *ctx)
{
    const clean_state *st = state(ctx);
    return st ? st->title : NULL;
}

SCRUB_API const char *scrub_clean_charset(const scrub_ctx *ctx)
{
    const clean_state *st = state(ctx);
    return st ? st->charset : NULL;
}

SCRUB_API const char *scrub_clean_script(const scrub_ctx *ctx, double *share)
{
    const clean_state *st = state(ctx);
    if (share) *share = st ? st->share : 0.0;
    return st && st->script ? st->script : "none";
}

SCRUB_API double scrub_clean_spam_score(const scrub_ctx *ctx)
{
    const clean_state *st = state(ctx);
    return st ? st->spam : 0.0;
}

SCRUB_API unsigned scrub_clean_flags(const scrub_ctx *ctx)
{
    const clean_state *st = state(ctx);
    return st ? st->flags : 0;
}

SCRUB_API size_t scrub_clean_label_count(const scrub_ctx *ctx, int label)
{
    const clean_state *st = state(ctx);
    if (!st || label < 0 || label >= SCRUB_LABEL_COUNT) return 0;
    return st->labels[label];
}

SCRUB_API size_t scrub_clean_repairs(const scrub_ctx *ctx)
{
    const clean_state *st = state(ctx);
    return st ? st->repairs : 0;
}
