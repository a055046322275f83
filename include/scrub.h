/*
 * scrub.h -- libscrub, clean text from scraped web pages.
 *
 * This header is the reference documentation of libscrub's public API.
 * It includes only standard headers and compiles as C99, C11 and C++.
 *
 * ---------------------------------------------------------------------------
 * Conventions that hold for every function below
 * ---------------------------------------------------------------------------
 *
 * Status codes.  Functions that can fail return an `int` status: SCRUB_OK (0)
 * or one of the negative SCRUB_E_* values.  The values are pinned and never
 * renumbered.  scrub_strerror() names any of them; scrub_ctx_errmsg() gives
 * the detail of the last failure on a context.
 *
 * Inputs.  Text and bytes are always passed as (pointer, length).  NUL bytes
 * are allowed and nothing assumes termination.  A NULL pointer is accepted
 * only together with length 0.  Inputs are never retained after a call.
 * Labels from outside (charset names) are NUL-terminated strings.
 *
 * Ownership.  There are three kinds of output:
 *   - owned buffers, returned as `char **out, size_t *out_len`: allocated by
 *     libscrub, NUL-terminated for convenience (the terminator is not counted
 *     in *out_len) and released by the caller with scrub_free().  On failure
 *     *out is set to NULL and *out_len to 0.
 *   - borrowed details: each stage keeps the details of its last call (the
 *     charset used, repairs, line labels, ...) in the context.  Accessors
 *     return pointers into the context that stay valid until the next call of
 *     that same stage on that context, or scrub_ctx_free().  scrub_clean()
 *     fills the details of every stage it runs.  Byte offsets in accessors
 *     are offsets into that stage's input.
 *   - static strings (scrub_strerror(), scrub_version_string(), label names):
 *     valid for the life of the process, never freed.
 *
 * Numbers.  Confidences are `int` 0..100; scores and shares are `double` in
 * [0, 1].  Options that select among fixed choices are `int` enum values;
 * on/off options are bits of a `unsigned` flags word, and unknown bits are
 * rejected with SCRUB_E_INVALID_ARG.
 *
 * Text policy (the same in every stage and in the `scrub` tool):
 *   - text is UTF-8;
 *   - lines are separated by LF; a CR directly before LF is dropped, while a
 *     lone CR, U+0085 and U+2028 stay inside a line;
 *   - outputs made of lines end every line, the last included, with LF;
 *   - invalid UTF-8 in text input becomes U+FFFD (one per maximal invalid
 *     subpart, as the Unicode Standard recommends) and is counted, see
 *     scrub_ctx_replacements();
 *   - no stage applies NFC/NFKC or other normalization unless asked to.
 *
 * Threads.  Functions that take no context are thread-safe.  A scrub_ctx may
 * be used by one thread at a time; different contexts can be used from
 * different threads at once.  Read-only tables are built once per process,
 * lazily and thread-safely, and shared by every context, so scrub_ctx_new()
 * is cheap.  If building them fails (out of memory) the call reports
 * SCRUB_E_NOMEM and a later call tries again.  libscrub initialises ICU and
 * libxml2 once, never calls u_cleanup() or xmlCleanupParser(), never
 * replaces their allocators and leaves their error handlers as it found
 * them, so a host that uses ICU or libxml2 itself is unaffected.
 *
 * libscrub never prints, aborts or exits.
 *
 * ABI.  While SCRUB_VERSION_MAJOR is 0, every minor release may change the
 * ABI; the shared library's soname (libscrub.so.0.MINOR) says so.
 */
#ifndef SCRUB_H
#define SCRUB_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32) && !defined(SCRUB_STATIC)
#if defined(SCRUB_BUILDING)
#define SCRUB_API __declspec(dllexport)
#else
#define SCRUB_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#define SCRUB_API __attribute__((visibility("default")))
#else
#define SCRUB_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ==========================================================================
 * Version
 * ========================================================================== */

#define SCRUB_VERSION_MAJOR 0
#define SCRUB_VERSION_MINOR 1
#define SCRUB_VERSION_PATCH 0
/* MAJOR * 10000 + MINOR * 100 + PATCH, e.g. 100 for 0.1.0. */
#define SCRUB_VERSION_NUMBER \
    (SCRUB_VERSION_MAJOR * 10000 + SCRUB_VERSION_MINOR * 100 + SCRUB_VERSION_PATCH)

/* SCRUB_VERSION_NUMBER of the library actually linked.  Thread-safe. */
SCRUB_API int scrub_version_number(void);

/* "MAJOR.MINOR.PATCH" of the library actually linked; static.  Thread-safe. */
SCRUB_API const char *scrub_version_string(void);

/* A static one-line string naming the versions libscrub was built against,
 * e.g. "libscrub 0.1.0; ICU 72.1; Unicode 15.0; libxml2 2.9.14".
 * Thread-safe. */
SCRUB_API const char *scrub_build_info(void);

/* ==========================================================================
 * Status codes
 * ========================================================================== */

#define SCRUB_OK 0
#define SCRUB_E_INVALID_ARG (-1) /* NULL pointer, unknown flag, parameter or value */
#define SCRUB_E_NOMEM (-2)       /* an allocation failed; the context stays usable */
#define SCRUB_E_ENCODING (-3)    /* unknown charset label, or bytes no converter reads */
#define SCRUB_E_TOO_LARGE (-4)   /* input past a limit set on the context */
#define SCRUB_E_INTERNAL (-5)    /* ICU or libxml2 failed unexpectedly; see errmsg */
#define SCRUB_E_IO (-6)          /* a file could not be read or written */
#define SCRUB_E_FORMAT (-7)      /* a data file is malformed or of an unknown version */

/* A static English sentence for any status value, unknown ones included
 * ("unknown status").  Never NULL.  Thread-safe. */
SCRUB_API const char *scrub_strerror(int status);

/* ==========================================================================
 * Memory
 * ========================================================================== */

/* Releases a buffer that libscrub returned as owned (`char **out`).
 * NULL is ignored.  Thread-safe.  Never use free() on such buffers. */
SCRUB_API void scrub_free(void *ptr);

/* ==========================================================================
 * Context
 * ========================================================================== */

/* Opaque.  Holds settings, the details of each stage's last call and
 * scratch memory reused across calls.  One thread at a time. */
typedef struct scrub_ctx scrub_ctx;

/* A new context with default settings, or NULL when out of memory.
 * Cheap: shared tables are built lazily by the first call that needs them.
 * Thread-safe.  Release with scrub_ctx_free(). */
SCRUB_API scrub_ctx *scrub_ctx_new(void);

/* Releases a context and every borrowed detail it holds.  NULL is ignored. */
SCRUB_API void scrub_ctx_free(scrub_ctx *ctx);

/* Settings, set with scrub_ctx_set() and read with scrub_ctx_get().
 * Values are pinned; each stage owns a range of them. */
enum scrub_param {
    /* Largest input, in bytes, any call accepts; past it the call returns
     * SCRUB_E_TOO_LARGE.  Default 256 MiB; 1 .. 2^40. */
    SCRUB_PARAM_MAX_INPUT = 1,
    /* Longest line, in bytes, a line-based stage accepts; past it the call
     * returns SCRUB_E_TOO_LARGE.  Default 64 MiB; 1 .. 2^40. */
    SCRUB_PARAM_MAX_LINE = 2,
    /* Deepest HTML element nesting that is kept as structure; deeper
     * elements are flattened into their ancestor (their text is kept).
     * Default 256; 16 .. 10000. */
    SCRUB_PARAM_MAX_DEPTH = 3,

    /* decode: 100..199 */
    /* html: 200..299 */
    /* mojibake: 300..399 */
    /* zh: 400..499 */
    /* filter: 500..599 */
    /* clean: 600..699 */
};

/* Sets a parameter.  Returns SCRUB_E_INVALID_ARG (and leaves the setting
 * unchanged) for a NULL ctx, an unknown parameter or a value out of range. */
SCRUB_API int scrub_ctx_set(scrub_ctx *ctx, int param, int64_t value);

/* Reads a parameter into *value.  SCRUB_E_INVALID_ARG for NULL arguments or
 * an unknown parameter. */
SCRUB_API int scrub_ctx_get(const scrub_ctx *ctx, int param, int64_t *value);

/* Restores every parameter to its default. */
SCRUB_API void scrub_ctx_reset(scrub_ctx *ctx);

/* Detail of the last failed call on ctx (e.g. "MAX_INPUT is 1048576 bytes,
 * input has 5242880"), or "" after a successful call.  Borrowed: valid until
 * the next call on ctx.  Never NULL (a NULL ctx gives ""). */
SCRUB_API const char *scrub_ctx_errmsg(const scrub_ctx *ctx);

/* How many invalid UTF-8 sequences (or undecodable bytes) the last call on
 * ctx replaced with U+FFFD.  0 for a NULL ctx. */
SCRUB_API size_t scrub_ctx_replacements(const scrub_ctx *ctx);

/* ==========================================================================
 * Line hints: what the HTML structure says about an output line.
 *
 * scrub_html_to_text() reports one uint32_t per output line; the line
 * filter accepts such an array so that a caller with HTML gets the DOM's
 * help.  Bits 0..23 are flags; bits 24..31 hold the share of the line's
 * text that sits inside links, as round(share * 255).  Values are pinned.
 * ========================================================================== */

#define SCRUB_HINT_IN_NAV (1u << 0)        /* inside <nav> */
#define SCRUB_HINT_IN_HEADER (1u << 1)     /* inside <header> */
#define SCRUB_HINT_IN_FOOTER (1u << 2)     /* inside <footer> */
#define SCRUB_HINT_IN_ASIDE (1u << 3)      /* inside <aside> */
#define SCRUB_HINT_CLASS_NAV (1u << 4)     /* class/id says nav, menu or breadcrumb */
#define SCRUB_HINT_CLASS_FOOTER (1u << 5)  /* class/id says footer or copyright */
#define SCRUB_HINT_CLASS_SHARE (1u << 6)   /* class/id says share */
#define SCRUB_HINT_CLASS_COMMENT (1u << 7) /* class/id says comment */
#define SCRUB_HINT_CLASS_RELATED (1u << 8) /* class/id says related */
#define SCRUB_HINT_CLASS_SIDEBAR (1u << 9) /* class/id says sidebar */
#define SCRUB_HINT_CLASS_AD (1u << 10)     /* class/id says ad/advert/banner */
#define SCRUB_HINT_HEADING (1u << 11)      /* h1..h6 */
#define SCRUB_HINT_LIST_ITEM (1u << 12)    /* li, dt, dd */
#define SCRUB_HINT_TABLE (1u << 13)        /* a table row */
#define SCRUB_HINT_PRE (1u << 14)          /* inside <pre> */
#define SCRUB_HINT_CAPTION (1u << 15)      /* figcaption, caption */
#define SCRUB_HINT_IN_MAIN (1u << 16)      /* inside <main> or <article> */
#define SCRUB_HINT_TITLE (1u << 17)        /* the line repeats the page title */
#define SCRUB_HINT_FLAGS_MASK 0x00FFFFFFu
#define SCRUB_HINT_LINK_SHARE_SHIFT 24
/* The link share of a hint value as a double in [0, 1]. */
#define SCRUB_HINT_LINK_SHARE(h) ((double)((uint32_t)(h) >> SCRUB_HINT_LINK_SHARE_SHIFT) / 255.0)

/* ==========================================================================
 * Stage: decode (page bytes to UTF-8)
 * ========================================================================== */

/* ==========================================================================
 * Stage: html (HTML to text lines)
 * ========================================================================== */

/* ==========================================================================
 * Stage: mojibake (detect and repair)
 * ========================================================================== */

/* scrub_fix_mojibake() repairs text that went through a wrong decoder
 * (mojibake) and strips conversion artifacts, line by line.  Repairs:
 *   - UTF-8 read as a single-byte code page (windows-1252 with its five
 *     undefined bytes kept as C1 controls, latin-1, MacRoman,
 *     windows-1250/1251/1253/1254/1257, ISO-8859-2, cp437), several layers
 *     deep, only parts of a line, CESU-8 encoded emoji, lost non-breaking
 *     spaces, and lossy runs where bytes became `?` or U+FFFD;
 *   - UTF-8 read as GBK/GB18030, Big5, Shift_JIS, EUC-JP or EUC-KR (bytes
 *     the decoder lost become U+FFFD, one per character that cannot be
 *     read back);
 *   - GBK, Big5, Shift_JIS, EUC-JP and EUC-KR bytes read as latin-1 or
 *     windows-1252; Big5 read as GBK and GBK read as Big5;
 *   - GBK runs read one byte out of step after a lost byte (a realigned
 *     character is restored; one with a single surviving byte is restored
 *     only when the character frequency model picks one candidate clearly,
 *     else U+FFFD).
 * Each candidate repair is accepted only when it makes the text clearly
 * more plausible (common characters of the target script instead of rare
 * ones, symbols and controls), so clean text is left byte-for-byte alone.
 * No quote straightening, width folding or normalization happens here. */

/* Flags of scrub_fix_mojibake(). */
#define SCRUB_FIX_ENCODING (1u << 0)  /* repair mojibake (default on) */
#define SCRUB_FIX_PINYIN (1u << 1)    /* drop `(pinyin)` glued after a Han character
                                         when it is a reading of it (default on) */
#define SCRUB_FIX_INVISIBLE (1u << 2) /* drop U+200B, U+2060 and U+FEFF (except at
                                         the start of the text) (default on);
                                         ZWJ/ZWNJ are never touched */
#define SCRUB_FIX_ENTITIES (1u << 3)  /* decode HTML entities left in text, such as
                                         `&amp;nbsp;` or `&#20013;` (default off);
                                         a decoded line break becomes a space */
#define SCRUB_FIX_DEFAULT (SCRUB_FIX_ENCODING | SCRUB_FIX_PINYIN | SCRUB_FIX_INVISIBLE)
#define SCRUB_FIX_ALL (SCRUB_FIX_DEFAULT | SCRUB_FIX_ENTITIES)

/* Repairs UTF-8 text (invalid sequences become U+FFFD first and are counted
 * in scrub_ctx_replacements()).  The output is made of lines: one output
 * line per input line, in order, each ending with LF (CR LF becomes LF).
 * *out is owned: release it with scrub_free().  The details (repairs,
 * artifact counts) stay in ctx until the next scrub_fix_mojibake() call.
 * Errors: SCRUB_E_INVALID_ARG (NULL ctx/out/out_len, NULL text with len > 0,
 * unknown flag bits), SCRUB_E_TOO_LARGE (past SCRUB_PARAM_MAX_INPUT),
 * SCRUB_E_NOMEM (ctx stays usable), SCRUB_E_INTERNAL (ICU tables could not
 * be built).  One thread per ctx. */
SCRUB_API int scrub_fix_mojibake(scrub_ctx *ctx, const char *text, size_t len, unsigned flags,
                                 char **out, size_t *out_len);

/* Scores how likely text contains mojibake, without repairing: the share of
 * the text's non-ASCII characters that a default repair would replace,
 * pushed towards 1 when any repair is found (0 = none found, 1 = all of it
 * is mojibake).  Does not touch the details of the last repair.
 * Errors as scrub_fix_mojibake().  One thread per ctx. */
SCRUB_API int scrub_mojibake_score(scrub_ctx *ctx, const char *text, size_t len, double *score);

/* Number of repairs the last scrub_fix_mojibake() call on ctx made (0 for a
 * NULL ctx or before any call). */
SCRUB_API size_t scrub_mojibake_repair_count(const scrub_ctx *ctx);

/* The i-th repair of the last call: [*start, *end) are byte offsets into
 * that call's input (a repair never crosses a line), *transform a static
 * name such as "utf-8 read as gbk" or "gbk read as latin-1" (two layers
 * read "utf-8 read as windows-1252, twice" style names joined by " + ").
 * Any output pointer may be NULL.  SCRUB_E_INVALID_ARG for a NULL ctx or
 * i >= scrub_mojibake_repair_count(). */
SCRUB_API int scrub_mojibake_repair(const scrub_ctx *ctx, size_t i, size_t *start, size_t *end,
                                    const char **transform);

/* Kinds of artifacts counted by scrub_mojibake_artifacts(). */
enum scrub_artifact {
    SCRUB_ARTIFACT_PINYIN = 0,    /* `(pinyin)` annotations removed */
    SCRUB_ARTIFACT_ENTITY = 1,    /* HTML entities decoded */
    SCRUB_ARTIFACT_INVISIBLE = 2, /* zero-width spaces, word joiners, stray BOMs removed */
    SCRUB_ARTIFACT_LOST = 3       /* characters that could not be read back (U+FFFD written) */
};

/* How many artifacts of a kind the last scrub_fix_mojibake() call handled;
 * 0 for a NULL ctx or an unknown kind. */
SCRUB_API size_t scrub_mojibake_artifacts(const scrub_ctx *ctx, int kind);

/* What the last scrub_fix_mojibake() call saw, as SCRUB_MOJIBAKE_SAW_* bits
 * (the pipeline turns them into document flags).  0 for a NULL ctx. */
#define SCRUB_MOJIBAKE_SAW_REPAIR (1u << 0) /* at least one repair */
#define SCRUB_MOJIBAKE_SAW_LOSSY (1u << 1)  /* lossy damage: bytes lost to `?`/U+FFFD */
#define SCRUB_MOJIBAKE_SAW_PINYIN (1u << 2) /* `(pinyin)` annotations (removed or not) */
SCRUB_API unsigned scrub_mojibake_saw(const scrub_ctx *ctx);

/* ==========================================================================
 * Stage: zh (Traditional/Simplified normalization)
 * ========================================================================== */

/* ==========================================================================
 * Stage: filter (line classification)
 * ========================================================================== */

/* ==========================================================================
 * Stage: clean (the whole pipeline)
 * ========================================================================== */

#ifdef __cplusplus
}
#endif

#endif /* SCRUB_H */
