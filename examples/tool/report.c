/* report.c -- the HTML report of `scrub clean --report`; see report.h. */
#include "report.h"

#include <string.h>

/* Colours for the labels the filter uses; others get the neutral colour. */
static const char *const style =
    "body{font:15px/1.5 sans-serif;margin:0 auto;max-width:60em;padding:1em;"
    "display:flex;flex-direction:column;color:#222;background:#fff}\n"
    "#summary{order:-1}\n"
    "h1{font-size:1.4em}h2{font-size:1.1em;margin:1.5em 0 .2em;border-top:1px solid #ccc;"
    "padding-top:.5em}\n"
    ".meta{color:#555;font-size:.85em}\n"
    ".ln{white-space:pre-wrap;margin:0;padding:0 .3em;border-left:4px solid transparent}\n"
    ".ln.rm{color:#777;border-left-color:#999}\n"
    ".ln.rm del{text-decoration:line-through}\n"
    ".ln .lb{font-size:.7em;color:#fff;background:#999;border-radius:3px;padding:0 .3em;"
    "margin-right:.4em}\n"
    ".l-nav{border-left-color:#1f77b4!important}.l-nav .lb{background:#1f77b4}\n"
    ".l-related{border-left-color:#17becf!important}.l-related .lb{background:#17becf}\n"
    ".l-widget{border-left-color:#9467bd!important}.l-widget .lb{background:#9467bd}\n"
    ".l-footer{border-left-color:#8c564b!important}.l-footer .lb{background:#8c564b}\n"
    ".l-contact{border-left-color:#e377c2!important}.l-contact .lb{background:#e377c2}\n"
    ".l-ad{border-left-color:#d62728!important}.l-ad .lb{background:#d62728}\n"
    ".l-spam{border-left-color:#ff0000!important;background:#fff0f0}.l-spam .lb{background:#f00}\n"
    ".l-artifact{border-left-color:#7f7f7f!important}.l-artifact .lb{background:#7f7f7f}\n"
    ".l-meta{border-left-color:#bcbd22!important}.l-meta .lb{background:#bcbd22}\n"
    ".l-blank{border-left-color:#ddd!important}\n"
    ".l-heading{font-weight:bold}\n"
    ".l-caption{font-style:italic}\n"
    ".repairs{font-size:.9em;margin:.3em 0 .6em}\n"
    ".repairs .before{background:#fdd;text-decoration:line-through}\n"
    ".repairs .after{background:#dfd}\n"
    "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;"
    "text-align:right}th:first-child,td:first-child{text-align:left}\n";

static void put_escaped(tbuf *b, const char *s, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep;
        switch (s[i]) {
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '&': rep = "&amp;"; break;
        case '"': rep = "&quot;"; break;
        case '\0': rep = "\xEF\xBF\xBD"; break;
        default: continue;
        }
        tbuf_add(b, s + start, i - start);
        tbuf_puts(b, rep);
        start = i + 1;
    }
    tbuf_add(b, s + start, n - start);
}

static void put_escaped_str(tbuf *b, const char *s)
{
    if (s) put_escaped(b, s, strlen(s));
}

/* A label name as a CSS class suffix: letters, digits and '-' only. */
static void put_class(tbuf *b, const char *label)
{
    for (const char *p = label; *p; p++) {
        char c = *p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        tbuf_putc(b, ok ? c : '-');
    }
}

static void put_line(tbuf *b, const report_line *l)
{
    const char *label = l->label ? l->label : "";
    tbuf_puts(b, l->kept ? "<p class=\"ln l-" : "<p class=\"ln rm l-");
    put_class(b, label);
    tbuf_puts(b, "\" title=\"");
    put_escaped_str(b, label);
    if (l->reason && *l->reason) {
        tbuf_puts(b, ": ");
        put_escaped_str(b, l->reason);
    }
    tbuf_puts(b, "\">");
    if (!l->kept) {
        tbuf_puts(b, "<span class=\"lb\">");
        put_escaped_str(b, label);
        tbuf_puts(b, "</span><del>");
    }
    put_escaped(b, l->text, l->len);
    tbuf_puts(b, l->kept ? "</p>\n" : "</del></p>\n");
}

void report_document(tbuf *out, const report_doc *doc)
{
    tbuf_puts(out, "<section class=\"doc\">\n<h2>");
    put_escaped_str(out, doc->title && *doc->title ? doc->title : doc->name);
    tbuf_puts(out, "</h2>\n<div class=\"meta\">");
    put_escaped_str(out, doc->name);
    if (doc->charset) {
        tbuf_puts(out, " &middot; charset ");
        put_escaped_str(out, doc->charset);
    }
    if (doc->script) {
        tbuf_puts(out, " &middot; script ");
        put_escaped_str(out, doc->script);
    }
    size_t removed = 0;
    for (size_t i = 0; i < doc->line_count; i++) removed += !doc->lines[i].kept;
    tbuf_printf(out, " &middot; spam score %.3f &middot; %zu lines, %zu removed &middot; %zu repairs</div>\n",
                doc->spam_score, doc->line_count, removed, doc->repair_count);
    if (doc->repair_count) {
        tbuf_puts(out, "<ul class=\"repairs\">\n");
        for (size_t i = 0; i < doc->repair_count; i++) {
            const report_repair *r = &doc->repairs[i];
            tbuf_puts(out, "<li><span class=\"before\">");
            put_escaped(out, r->before, r->before_len);
            tbuf_puts(out, "</span> &rarr; <span class=\"after\">");
            put_escaped(out, r->after, r->after_len);
            tbuf_puts(out, "</span> <small>");
            put_escaped_str(out, r->transform);
            tbuf_puts(out, "</small></li>\n");
        }
        tbuf_puts(out, "</ul>\n");
    }
    for (size_t i = 0; i < doc->line_count; i++) put_line(out, &doc->lines[i]);
    tbuf_puts(out, "</section>\n");
}

bool report_open(report_file *r, const char *path)
{
    memset(r, 0, sizeof *r);
    r->f = fopen(path, "w");
    if (!r->f) return false;
    fprintf(r->f,
            "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<title>scrub clean report</title>\n<style>\n%s</style>\n</head>\n<body>\n"
            "<h1>scrub clean report</h1>\n",
            style);
    return true;
}

static size_t label_slot(report_file *r, const char *label)
{
    for (size_t i = 0; i < r->label_count; i++)
        if (strcmp(r->label_name[i], label) == 0) return i;
    if (r->label_count == REPORT_MAX_LABELS) return REPORT_MAX_LABELS - 1;
    char *copy = strdup(label);
    if (!copy) return REPORT_MAX_LABELS - 1;
    r->label_name[r->label_count] = copy;
    return r->label_count++;
}

void report_add(report_file *r, const tbuf *section, const char *const *label_names,
                const size_t *kept, const size_t *removed, size_t nlabels, size_t repairs)
{
    r->docs++;
    r->repairs += repairs;
    for (size_t i = 0; i < nlabels; i++) {
        if (!kept[i] && !removed[i]) continue;
        size_t slot = label_slot(r, label_names[i] ? label_names[i] : "");
        r->kept[slot] += kept[i];
        r->removed[slot] += removed[i];
    }
    if (section->len) fwrite(section->data, 1, section->len, r->f);
}

bool report_close(report_file *r)
{
    tbuf b = {0};
    tbuf_printf(&b, "<section id=\"summary\">\n<p>%zu documents, %zu repairs.</p>\n", r->docs,
                r->repairs);
    tbuf_puts(&b, "<table>\n<tr><th>label</th><th>kept</th><th>removed</th></tr>\n");
    size_t kept = 0, removed = 0;
    for (size_t i = 0; i < r->label_count; i++) {
        tbuf_puts(&b, "<tr class=\"l-");
        put_class(&b, r->label_name[i]);
        tbuf_puts(&b, "\"><td>");
        put_escaped_str(&b, r->label_name[i]);
        tbuf_printf(&b, "</td><td>%zu</td><td>%zu</td></tr>\n", r->kept[i], r->removed[i]);
        kept += r->kept[i];
        removed += r->removed[i];
        free(r->label_name[i]);
    }
    tbuf_printf(&b, "<tr><th>total</th><th>%zu</th><th>%zu</th></tr>\n</table>\n</section>\n",
                kept, removed);
    tbuf_puts(&b, "</body>\n</html>\n");
    bool ok = !b.failed && fwrite(b.data, 1, b.len, r->f) == b.len;
    tbuf_free(&b);
    ok = !ferror(r->f) && ok;
    return fclose(r->f) == 0 && ok;
}
