/* clean_job.c -- cleaning one page or record for `scrub clean`; see clean_job.h. */
#include "clean_job.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"
#include "tool.h"

/* Fields the tool writes; an input record's own copies are replaced. */
static const char *const added_fields[] = {"clean",      "title",  "charset", "script",
                                           "spam_score", "labels", "repairs", "url",
                                           "date",       "error",  "input_line"};

/* Filled by clean_worker_init(), which runs before any worker thread. */
static const char *label_names[CLEAN_LABELS];

const char *const *clean_label_names(void)
{
    return label_names;
}

clean_job *clean_job_new(int kind, const char *name)
{
    clean_job *job = calloc(1, sizeof *job);
    if (!job) return NULL;
    job->kind = kind;
    if (name && !(job->name = strdup(name))) {
        free(job);
        return NULL;
    }
    return job;
}

void clean_job_free(clean_job *job)
{
    if (!job) return;
    free(job->name);
    free(job->data);
    warc_record_free(&job->warc);
    tbuf_free(&job->out);
    tbuf_free(&job->err);
    tbuf_free(&job->report);
    free(job);
}

bool clean_pool_init(clean_pool *p, size_t cap)
{
    p->count = 0;
    p->cap = cap;
    p->free = calloc(cap ? cap : 1, sizeof *p->free);
    return p->free != NULL;
}

void clean_pool_free(clean_pool *p)
{
    for (size_t i = 0; i < p->count; i++) clean_job_free(p->free[i]);
    free(p->free);
    memset(p, 0, sizeof *p);
}

/* Empties a finished job, keeping the capacity of its buffers. */
static void job_reset(clean_job *job)
{
    free(job->name);
    tbuf_clear(&job->out);
    tbuf_clear(&job->err);
    tbuf_clear(&job->report);
    clean_job keep = {.data = job->data, .data_cap = job->data_cap, .warc = job->warc,
                      .out = job->out, .err = job->err, .report = job->report};
    *job = keep;
}

clean_job *clean_pool_get(clean_pool *p, int kind, const char *name)
{
    if (!p->count) return clean_job_new(kind, name);
    clean_job *job = p->free[--p->count];
    job->kind = kind;
    if (name && !(job->name = strdup(name))) {
        clean_job_free(job);
        return NULL;
    }
    return job;
}

void clean_pool_put(clean_pool *p, clean_job *job)
{
    if (p->count == p->cap) {
        clean_job_free(job);
        return;
    }
    job_reset(job);
    p->free[p->count++] = job;
}

void clean_job_take_warc(clean_job *job, warc_record *rec)
{
    warc_record old = job->warc;
    job->warc = *rec;
    *rec = old; /* the reader refills the buffers of a recycled job */
}

bool clean_worker_init(clean_worker *w, const clean_options *opt)
{
    memset(w, 0, sizeof *w);
    w->opt = opt;
    for (int i = 0; i < CLEAN_LABELS; i++) label_names[i] = scrub_label_name(i);
    w->ctx = scrub_ctx_new();
    if (!w->ctx) return false;
    if (scrub_ctx_set(w->ctx, SCRUB_PARAM_CLEAN_TO, opt->to) != SCRUB_OK ||
        (opt->keep_set && scrub_ctx_set(w->ctx, SCRUB_PARAM_FILTER_KEEP, opt->keep) != SCRUB_OK)) {
        scrub_ctx_free(w->ctx);
        return false;
    }
    if (opt->report && !(w->aux = scrub_ctx_new())) {
        scrub_ctx_free(w->ctx);
        return false;
    }
    return true;
}

void clean_worker_free(clean_worker *w)
{
    scrub_ctx_free(w->ctx);
    scrub_ctx_free(w->aux);
    jsonl_free(&w->rec);
    tbuf_free(&w->bytes);
    tbuf_free(&w->payload);
}

/* ---- explain and report ---------------------------------------------------- */

static size_t code_points(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) count += ((unsigned char)s[i] & 0xC0) != 0x80;
    return count;
}

/* The reason of line i, with its inline spam spans as `spans=A-B,...` in
 * code points of the line, as `scrub filter --explain` writes it. */
static void put_reason(tbuf *b, scrub_ctx *ctx, const char *text, size_t i, size_t line_start)
{
    const char *reason = scrub_filter_line_reason(ctx, i);
    tbuf_puts(b, reason ? reason : "");
    size_t spans = scrub_filter_span_count(ctx);
    bool first = true;
    for (size_t k = 0; k < spans; k++) {
        size_t line, start, end;
        if (scrub_filter_span(ctx, k, &line, &start, &end) != SCRUB_OK || line != i) continue;
        tbuf_puts(b, first ? "; spans=" : ",");
        tbuf_printf(b, "%zu-%zu", code_points(text + line_start, start - line_start),
                    code_points(text + line_start, end - line_start));
        first = false;
    }
}

static void explain(clean_job *job, scrub_ctx *ctx)
{
    size_t len;
    const char *text = scrub_clean_stage_input(ctx, SCRUB_STAGE_FILTER, &len);
    if (!text) return;
    tbuf *b = &job->err;
    tbuf_puts(b, "# ");
    tbuf_puts(b, job->name ? job->name : job->warc.uri.data ? job->warc.uri.data : "-");
    if (job->input_line) tbuf_printf(b, ":%ld", job->input_line);
    tbuf_putc(b, '\n');
    size_t lines = scrub_filter_line_count(ctx);
    for (size_t i = 0; i < lines; i++) {
        size_t start, n;
        if (scrub_filter_line_span(ctx, i, &start, &n) != SCRUB_OK) continue;
        const char *name = scrub_label_name(scrub_filter_line_label(ctx, i));
        tbuf_printf(b, "%s\t%s\t%.3f\t", scrub_filter_line_kept(ctx, i) ? "keep" : "drop",
                    name ? name : "?", scrub_filter_line_score(ctx, i));
        put_reason(b, ctx, text, i, start);
        tbuf_putc(b, '\t');
        tbuf_add(b, text + start, n);
        tbuf_putc(b, '\n');
    }
}

static void collect_counts(clean_job *job, scrub_ctx *ctx)
{
    size_t lines = scrub_filter_line_count(ctx);
    for (size_t i = 0; i < lines; i++) {
        int label = scrub_filter_line_label(ctx, i);
        if (label < 0 || label >= CLEAN_LABELS) continue;
        if (scrub_filter_line_kept(ctx, i)) job->kept[label]++;
        else job->removed[label]++;
    }
    job->repairs = scrub_clean_repairs(ctx);
}

/* Each repair's "after" is the repair of its span alone, on the aux
 * context (the main context keeps the document's details). */
static void report(clean_job *job, clean_worker *w, const char *name)
{
    scrub_ctx *ctx = w->ctx;
    unsigned stages = scrub_clean_stages(ctx);
    size_t flen = 0, mlen = 0;
    const char *ftext = scrub_clean_stage_input(ctx, SCRUB_STAGE_FILTER, &flen);
    const char *mtext = scrub_clean_stage_input(ctx, SCRUB_STAGE_MOJIBAKE, &mlen);
    size_t nlines = ftext ? scrub_filter_line_count(ctx) : 0;
    size_t nrep = mtext && (stages & (1u << SCRUB_STAGE_MOJIBAKE)) ? scrub_mojibake_repair_count(ctx) : 0;
    report_line *lines = calloc(nlines ? nlines : 1, sizeof *lines);
    report_repair *reps = calloc(nrep ? nrep : 1, sizeof *reps);
    char **afters = calloc(nrep ? nrep : 1, sizeof *afters);
    tbuf reasons = {0};
    size_t *reason_off = calloc(nlines ? nlines : 1, sizeof *reason_off);
    if (!lines || !reps || !afters || !reason_off) goto done;
    for (size_t i = 0; i < nlines; i++) {
        size_t start = 0, n = 0;
        scrub_filter_line_span(ctx, i, &start, &n);
        lines[i].text = ftext + start;
        lines[i].len = n;
        lines[i].label = scrub_label_name(scrub_filter_line_label(ctx, i));
        lines[i].kept = scrub_filter_line_kept(ctx, i) == 1;
        reason_off[i] = reasons.len;
        put_reason(&reasons, ctx, ftext, i, start);
        tbuf_putc(&reasons, '\0');
    }
    for (size_t i = 0; i < nlines; i++) lines[i].reason = reasons.data ? reasons.data + reason_off[i] : "";
    size_t kept_reps = 0;
    for (size_t i = 0; i < nrep; i++) {
        size_t start, end;
        const char *transform = NULL;
        if (scrub_mojibake_repair(ctx, i, &start, &end, &transform) != SCRUB_OK) continue;
        report_repair *r = &reps[kept_reps++];
        r->before = mtext + start;
        r->before_len = end - start;
        r->transform = transform ? transform : "";
        size_t alen = 0;
        if (scrub_fix_mojibake(w->aux, r->before, r->before_len, SCRUB_FIX_DEFAULT, &afters[i],
                               &alen) == SCRUB_OK) {
            while (alen && afters[i][alen - 1] == '\n') alen--;
            r->after = afters[i];
            r->after_len = alen;
        } else {
            r->after = "?";
            r->after_len = 1;
        }
    }
    const char *title = scrub_clean_title(ctx);
    report_doc doc = {name, title, scrub_clean_charset(ctx), scrub_clean_script(ctx, NULL),
                      scrub_clean_spam_score(ctx), lines, nlines, reps, kept_reps};
    report_document(&job->report, &doc);
    job->has_report = true;
done:
    for (size_t i = 0; afters && i < nrep; i++) scrub_free(afters[i]);
    free(afters);
    free(reps);
    free(lines);
    free(reason_off);
    tbuf_free(&reasons);
}

/* ---- one document ----------------------------------------------------------- */

static void fail_job(clean_job *job, const char *name, scrub_ctx *ctx, int rc)
{
    const char *detail = scrub_ctx_errmsg(ctx);
    tbuf_printf(&job->err, "scrub: %s: %s%s%s\n", name, scrub_strerror(rc), *detail ? ": " : "",
                detail);
    job->status = TOOL_FAILED;
}

/* Cleans bytes; the clean text goes to *out (scrub_free).  Fills the
 * explain rows, the report section and the counts. */
static int clean_doc(clean_job *job, clean_worker *w, const char *name, const char *bytes,
                     size_t len, const char *charset, unsigned flags, char **out, size_t *out_len)
{
    int rc = scrub_clean(w->ctx, bytes, len, charset, w->opt->flags | flags, out, out_len);
    if (rc != SCRUB_OK) return rc;
    if (w->opt->explain) explain(job, w->ctx);
    if (w->opt->report) { /* the counts feed only the report's summary */
        collect_counts(job, w->ctx);
        report(job, w, name);
    }
    return SCRUB_OK;
}

/* The document fields of a JSON record: ,"clean":...,"repairs":N */
static void put_fields(tbuf *b, scrub_ctx *ctx, const char *text, size_t len)
{
    tbuf_puts(b, "\"clean\":");
    jsonl_put_string(b, text, len);
    const char *title = scrub_clean_title(ctx);
    tbuf_puts(b, ",\"title\":");
    if (title) jsonl_put_string(b, title, strlen(title));
    else tbuf_puts(b, "null");
    const char *charset = scrub_clean_charset(ctx);
    tbuf_puts(b, ",\"charset\":");
    if (charset) jsonl_put_string(b, charset, strlen(charset));
    else tbuf_puts(b, "null");
    tbuf_puts(b, ",\"script\":");
    const char *script = scrub_clean_script(ctx, NULL);
    jsonl_put_string(b, script, strlen(script));
    tbuf_printf(b, ",\"spam_score\":%.3f,\"labels\":{", scrub_clean_spam_score(ctx));
    for (int i = 0; i < CLEAN_LABELS; i++) {
        if (i) tbuf_putc(b, ',');
        jsonl_put_string(b, label_names[i], strlen(label_names[i]));
        tbuf_printf(b, ":%zu", scrub_clean_label_count(ctx, i));
    }
    tbuf_printf(b, "},\"repairs\":%zu}\n", scrub_clean_repairs(ctx));
}

static void run_page(clean_job *job, clean_worker *w)
{
    char *out;
    size_t n;
    const char *name = job->name ? job->name : "-";
    int rc = clean_doc(job, w, name, job->data, job->len, w->opt->charset, 0, &out, &n);
    if (rc != SCRUB_OK) {
        fail_job(job, strcmp(name, "-") ? name : "stdin", w->ctx, rc);
        job->skip = true;
        return;
    }
    tbuf_add(&job->out, out, n);
    scrub_free(out);
}

static bool is_added(const char *key)
{
    for (size_t i = 0; i < sizeof added_fields / sizeof *added_fields; i++)
        if (strcmp(key, added_fields[i]) == 0) return true;
    return false;
}

static void jsonl_error(clean_job *job, const char *msg)
{
    tbuf_puts(&job->out, "{\"error\":");
    jsonl_put_string(&job->out, msg, strlen(msg));
    tbuf_printf(&job->out, ",\"input_line\":%ld", job->input_line);
    if (job->name) {
        tbuf_puts(&job->out, ",\"input_file\":");
        jsonl_put_string(&job->out, job->name, strlen(job->name));
    }
    tbuf_puts(&job->out, "}\n");
    job->status = TOOL_FAILED;
}

static void run_jsonl(clean_job *job, clean_worker *w)
{
    jsonl_record *rec = &w->rec;
    int rc = jsonl_parse(rec, job->data, job->len);
    if (rc) {
        jsonl_error(job, rc == -2 ? "out of memory" : rec->error);
        return;
    }
    const jsonl_member *b64 = jsonl_get(rec, "bytes_b64"), *html = jsonl_get(rec, "html"),
                       *text = jsonl_get(rec, "text"), *cs = jsonl_get(rec, "charset"),
                       *url = jsonl_get(rec, "url");
    const char *bytes;
    size_t len;
    unsigned flags;
    if (b64 && b64->type == JSONL_STRING) {
        tbuf_clear(&w->bytes);
        if (!jsonl_base64_decode(jsonl_str(rec, b64), b64->str_len, &w->bytes)) {
            jsonl_error(job, w->bytes.failed ? "out of memory" : "bytes_b64 is not base64");
            return;
        }
        bytes = w->bytes.data ? w->bytes.data : "";
        len = w->bytes.len;
        flags = 0;
    } else if (html && html->type == JSONL_STRING) {
        bytes = jsonl_str(rec, html);
        len = html->str_len;
        flags = SCRUB_CLEAN_NO_DECODE | SCRUB_CLEAN_FORCE_HTML;
    } else if (text && text->type == JSONL_STRING) {
        bytes = jsonl_str(rec, text);
        len = text->str_len;
        flags = SCRUB_CLEAN_NO_DECODE | SCRUB_CLEAN_NO_HTML;
    } else {
        jsonl_error(job, "record has no text, html or bytes_b64 string");
        return;
    }
    const char *charset = cs && cs->type == JSONL_STRING && cs->str_len ? jsonl_str(rec, cs)
                                                                         : w->opt->charset;
    const char *name = url && url->type == JSONL_STRING ? jsonl_str(rec, url) : "record";
    char *out;
    size_t n;
    rc = clean_doc(job, w, name, bytes, len, charset, flags, &out, &n);
    if (rc != SCRUB_OK) {
        char msg[320];
        snprintf(msg, sizeof msg, "%s: %s", scrub_strerror(rc), scrub_ctx_errmsg(w->ctx));
        jsonl_error(job, msg);
        return;
    }
    tbuf *b = &job->out;
    tbuf_putc(b, '{');
    for (size_t i = 0; i < rec->count; i++) {
        const jsonl_member *m = &rec->members[i];
        if (is_added(jsonl_key(rec, m)) && strcmp(jsonl_key(rec, m), "url") != 0) continue;
        jsonl_put_string(b, jsonl_key(rec, m), m->key_len);
        tbuf_putc(b, ':');
        tbuf_add(b, job->data + m->raw_off, m->raw_len);
        tbuf_putc(b, ',');
    }
    put_fields(b, w->ctx, out, n);
    scrub_free(out);
}

static bool text_media(const char *type)
{
    return !*type || strcmp(type, "text/html") == 0 || strcmp(type, "application/xhtml+xml") == 0 ||
           strcmp(type, "text/plain") == 0 || strcmp(type, "application/xml") == 0 ||
           strcmp(type, "text/xml") == 0;
}

static void warc_output(clean_job *job, const char *error, clean_worker *w, const char *text,
                        size_t len)
{
    tbuf *b = &job->out;
    const tbuf *uri = &job->warc.uri, *date = &job->warc.date;
    tbuf_puts(b, "{\"url\":");
    jsonl_put_string(b, uri->data ? uri->data : "", uri->len);
    tbuf_puts(b, ",\"date\":");
    jsonl_put_string(b, date->data ? date->data : "", date->len);
    tbuf_putc(b, ',');
    if (error) {
        tbuf_puts(b, "\"error\":");
        jsonl_put_string(b, error, strlen(error));
        tbuf_puts(b, "}\n");
        job->status = TOOL_FAILED;
        return;
    }
    put_fields(b, w->ctx, text, len);
}

static void run_warc(clean_job *job, clean_worker *w)
{
    warc_record *rec = &job->warc;
    const char *block = rec->block.data ? rec->block.data : "";
    char type[128], charset[64], err[160];
    const char *name = rec->uri.data && *rec->uri.data ? rec->uri.data : job->name;
    tbuf_clear(&w->payload);
    const char *payload = block;
    size_t plen = rec->block.len;
    http_parse_content_type(rec->content_type.data ? rec->content_type.data : "",
                            rec->content_type.len, type, sizeof type, charset, sizeof charset);
    if (strcmp(rec->type, "response") == 0 && strcmp(type, "application/http") == 0) {
        http_response h;
        if (!http_parse_response(block, rec->block.len, &h)) {
            warc_output(job, "unreadable HTTP response header", w, NULL, 0);
            return;
        }
        if (!text_media(h.content_type)) {
            job->skip = true;
            return;
        }
        int rc = http_body(&h, block, rec->block.len, (size_t)256 << 20, &w->payload, err, sizeof err);
        if (rc) {
            warc_output(job, rc == -2 && !*err ? "out of memory" : err, w, NULL, 0);
            return;
        }
        payload = w->payload.data ? w->payload.data : "";
        plen = w->payload.len;
        snprintf(charset, sizeof charset, "%s", h.charset);
    } else if (!text_media(type)) {
        job->skip = true;
        return;
    }
    char *out;
    size_t n;
    int rc = clean_doc(job, w, name, payload, plen, *charset ? charset : w->opt->charset, 0, &out, &n);
    if (rc != SCRUB_OK) {
        char msg[320];
        snprintf(msg, sizeof msg, "%s: %s", scrub_strerror(rc), scrub_ctx_errmsg(w->ctx));
        warc_output(job, msg, w, NULL, 0);
        return;
    }
    warc_output(job, NULL, w, out, n);
    scrub_free(out);
}

void clean_job_run(void *worker, void *item)
{
    clean_worker *w = worker;
    clean_job *job = item;
    switch (job->kind) {
    case KIND_PAGE: run_page(job, w); break;
    case KIND_JSONL: run_jsonl(job, w); break;
    default: run_warc(job, w); break;
    }
    if (job->out.failed || job->err.failed || job->report.failed) {
        tbuf_clear(&job->out);
        tbuf_clear(&job->err);
        tbuf_printf(&job->err, "scrub: %s: out of memory\n", job->name ? job->name : "-");
        job->status = TOOL_FAILED;
        job->skip = true;
    }
}
