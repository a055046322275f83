/*
 * ctx.c -- version, status codes, contexts, parameters and the one-time
 * initialisation of ICU and libxml2.
 */
#include "internal.h"

#include <stdio.h>

#include <libxml/parser.h>
#include <libxml/xmlversion.h>
#include <unicode/uchar.h>
#include <unicode/uclean.h>
#include <unicode/uversion.h>

/* ---- version ------------------------------------------------------------- */

#define STR_(x) #x
#define STR(x) STR_(x)
#define VERSION_STRING                                                                   \
    STR(SCRUB_VERSION_MAJOR) "." STR(SCRUB_VERSION_MINOR) "." STR(SCRUB_VERSION_PATCH)

SCRUB_API int scrub_version_number(void)
{
    return SCRUB_VERSION_NUMBER;
}

SCRUB_API const char *scrub_version_string(void)
{
    return VERSION_STRING;
}

SCRUB_API const char *scrub_build_info(void)
{
    return "libscrub " VERSION_STRING "; ICU " U_ICU_VERSION "; Unicode " U_UNICODE_VERSION
           "; libxml2 " LIBXML_DOTTED_VERSION;
}

/* ---- status -------------------------------------------------------------- */

SCRUB_API const char *scrub_strerror(int status)
{
    switch (status) {
    case SCRUB_OK: return "success";
    case SCRUB_E_INVALID_ARG: return "invalid argument";
    case SCRUB_E_NOMEM: return "out of memory";
    case SCRUB_E_ENCODING: return "unknown or unusable character encoding";
    case SCRUB_E_TOO_LARGE: return "input exceeds a limit set on the context";
    case SCRUB_E_INTERNAL: return "internal error in libscrub or a library it uses";
    case SCRUB_E_IO: return "file could not be read or written";
    case SCRUB_E_FORMAT: return "malformed data file";
    default: return "unknown status";
    }
}

SCRUB_API void scrub_free(void *ptr)
{
    scrub__free(ptr);
}

/* ---- parameters ---------------------------------------------------------- */

typedef struct {
    int id;
    int64_t def, min, max;
} param_def;

/* Each parameter's slot is its index in this table.  Stages add their rows
 * in their own section, keeping the enum's ranges. */
static const param_def params[] = {
    {SCRUB_PARAM_MAX_INPUT, INT64_C(256) << 20, 1, INT64_C(1) << 40},
    {SCRUB_PARAM_MAX_LINE, INT64_C(64) << 20, 1, INT64_C(1) << 40},
    {SCRUB_PARAM_MAX_DEPTH, 256, 16, 10000},
    /* decode */
    {SCRUB_PARAM_DECODE_PREFIX, 65536, 1024, INT64_C(1) << 30},
    /* html */
    /* mojibake */
    /* zh */
    /* filter */
    {SCRUB_PARAM_FILTER_KEEP, SCRUB_KEEP_DEFAULT, 0, SCRUB_KEEP_ALL},
    {SCRUB_PARAM_FILTER_REPEAT_MIN, 3, 2, INT64_C(1) << 31},
    /* clean */
    {SCRUB_PARAM_CLEAN_TO, SCRUB_CLEAN_KEEP, SCRUB_CLEAN_KEEP, SCRUB_CLEAN_HK},
};

#define PARAM_COUNT (sizeof params / sizeof params[0])
_Static_assert(PARAM_COUNT <= SCRUB__PARAM_SLOTS, "raise SCRUB__PARAM_SLOTS");

static int param_slot(int id)
{
    for (size_t i = 0; i < PARAM_COUNT; i++)
        if (params[i].id == id) return (int)i;
    return -1;
}

int64_t scrub__param(const scrub_ctx *ctx, int param)
{
    int slot = param_slot(param);
    return slot < 0 ? 0 : ctx->param[slot];
}

/* ---- context ------------------------------------------------------------- */

SCRUB_API scrub_ctx *scrub_ctx_new(void)
{
    scrub_ctx *ctx = scrub__calloc(1, sizeof *ctx);
    if (!ctx) return NULL;
    scrub_ctx_reset(ctx);
    return ctx;
}

SCRUB_API void scrub_ctx_free(scrub_ctx *ctx)
{
    if (!ctx) return;
    for (int i = 0; i < SCRUB__STAGE_COUNT; i++) {
        if (ctx->stage[i] && ctx->stage_free[i]) ctx->stage_free[i](ctx->stage[i]);
        scrub__free(ctx->stage[i]);
    }
    scrub__free(ctx);
}

SCRUB_API void scrub_ctx_reset(scrub_ctx *ctx)
{
    if (!ctx) return;
    for (size_t i = 0; i < PARAM_COUNT; i++) ctx->param[i] = params[i].def;
}

SCRUB_API int scrub_ctx_set(scrub_ctx *ctx, int param, int64_t value)
{
    if (!ctx) return SCRUB_E_INVALID_ARG;
    scrub__begin(ctx);
    int slot = param_slot(param);
    if (slot < 0) return scrub__fail(ctx, SCRUB_E_INVALID_ARG, "unknown parameter %d", param);
    const param_def *d = &params[slot];
    if (value < d->min || value > d->max)
        return scrub__fail(ctx, SCRUB_E_INVALID_ARG,
                           "parameter %d takes %lld..%lld, not %lld", param, (long long)d->min,
                           (long long)d->max, (long long)value);
    ctx->param[slot] = value;
    return SCRUB_OK;
}

SCRUB_API int scrub_ctx_get(const scrub_ctx *ctx, int param, int64_t *value)
{
    if (!ctx || !value) return SCRUB_E_INVALID_ARG;
    int slot = param_slot(param);
    if (slot < 0) return SCRUB_E_INVALID_ARG;
    *value = ctx->param[slot];
    return SCRUB_OK;
}

SCRUB_API const char *scrub_ctx_errmsg(const scrub_ctx *ctx)
{
    return ctx ? ctx->errmsg : "";
}

SCRUB_API size_t scrub_ctx_replacements(const scrub_ctx *ctx)
{
    return ctx ? ctx->replacements : 0;
}

void scrub__begin(scrub_ctx *ctx)
{
    ctx->errmsg[0] = '\0';
    ctx->replacements = 0;
}

int scrub__fail(scrub_ctx *ctx, int status, const char *fmt, ...)
{
    if (!ctx) return status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
    va_end(ap);
    return status;
}

int scrub__check_input(scrub_ctx *ctx, const void *p, size_t len)
{
    if (!p && len) return scrub__fail(ctx, SCRUB_E_INVALID_ARG, "NULL input with length %zu", len);
    int64_t max = scrub__param(ctx, SCRUB_PARAM_MAX_INPUT);
    if ((uint64_t)len > (uint64_t)max)
        return scrub__fail(ctx, SCRUB_E_TOO_LARGE, "MAX_INPUT is %lld bytes, input has %zu",
                           (long long)max, len);
    return SCRUB_OK;
}

int scrub__check_output(scrub_ctx *ctx, char **out, size_t *out_len)
{
    if (!out || !out_len) return scrub__fail(ctx, SCRUB_E_INVALID_ARG, "NULL output pointer");
    *out = NULL;
    *out_len = 0;
    return SCRUB_OK;
}

void *scrub__stage_state(scrub_ctx *ctx, enum scrub__stage stage, size_t size,
                         void (*free_fn)(void *))
{
    if (!ctx->stage[stage]) {
        ctx->stage[stage] = scrub__calloc(1, size);
        ctx->stage_free[stage] = free_fn;
    }
    return ctx->stage[stage];
}

/* ---- ICU and libxml2 ----------------------------------------------------- */

static int icu_init_once(void)
{
    UErrorCode err = U_ZERO_ERROR;
    u_init(&err);
    return U_FAILURE(err) ? SCRUB_E_INTERNAL : SCRUB_OK;
}

static scrub__once icu_once = SCRUB__ONCE_INIT;

int scrub__icu_init(void)
{
    return scrub__run_once(&icu_once, icu_init_once);
}

static int xml_init_once(void)
{
    /* xmlInitParser is idempotent and safe if the host called it already. */
    xmlInitParser();
    return SCRUB_OK;
}

static scrub__once xml_once = SCRUB__ONCE_INIT;

int scrub__xml_init(void)
{
    return scrub__run_once(&xml_once, xml_init_once);
}
