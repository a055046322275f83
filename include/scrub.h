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

/* ==========================================================================
 * Stage: zh (Traditional/Simplified normalization)
 * ========================================================================== */

/* Converts Chinese text between Simplified and Traditional characters with
 * OpenCC's dictionaries (Apache-2.0), compiled into the library: there are
 * no data files and no load step, and the tables are static const data
 * shared by every context (scrub_ctx_new() and the first call cost nothing
 * extra).
 *
 * Variants, for `from` and `to`: */
enum scrub_zh_variant {
    SCRUB_ZH_AUTO = 0, /* from only: any script or a mix (see below) */
    SCRUB_ZH_HANS = 1, /* Simplified (mainland) */
    SCRUB_ZH_HANT = 2, /* Traditional in OpenCC's standard (inherited) forms */
    SCRUB_ZH_TW = 3,   /* Traditional, Taiwan standard forms */
    SCRUB_ZH_HK = 4    /* Traditional, Hong Kong standard forms */
};

/* Flags for scrub_zh_convert(); all off by default. */
/* Also convert regional vocabulary, as OpenCC's `p` configurations do
 * (软件 <-> 軟體, 打印机 <-> 印表機 for Taiwan, the HK phrase tables for
 * Hong Kong).  Only matters when one side is tw or hk. */
#define SCRUB_ZH_PHRASES (1u << 0)
/* OpenCC-compatible segmentation: greedy forward maximum matching, which
 * reproduces OpenCC 1.4 output exactly, including its errors where a match
 * crosses a word boundary (被发明 -> 被髮明, 心理发展 -> 心理髮展).
 * Without it (the default) the segmentation minimises the number of
 * segments over all dictionary matches and, where matches overlap with
 * equal counts, takes the later word (被|发明, 心理|发展); on the real text
 * measured (README) it makes fewer errors than greedy matching. */
#define SCRUB_ZH_GREEDY (1u << 1)
/* Width folding before conversion: fullwidth ASCII U+FF01..U+FF5E becomes
 * ASCII, halfwidth katakana becomes fullwidth (with voicing marks
 * composed: ｶﾞ -> ガ). */
#define SCRUB_ZH_FOLD_WIDTH (1u << 2)
/* The target's quotation marks: “ ” ‘ ’ become 「 」 『 』 for Traditional
 * targets (hant, tw, hk), and the reverse for hans. */
#define SCRUB_ZH_QUOTES (1u << 3)
/* To Simplified: also use OpenCC's TSCharactersExt, rare simplified forms
 * (mostly CJK Extension B..H) that common fonts lack ("tofu risk").  OpenCC's
 * own test expectations assume it; its command line leaves it out. */
#define SCRUB_ZH_RARE_FORMS (1u << 4)
#define SCRUB_ZH_FLAGS_ALL 0x1Fu

/* Worst-case growth: *out_len <= SCRUB_ZH_MAX_GROWTH * len + 1 for every
 * from/to/flags (the +1 is the LF added to a last line without one).  The
 * tables reach 3.34 (s2twp: a phrase value 2.5 times its key's bytes after
 * s2t's 4/3); an invalid byte becoming U+FFFD is 3. */
#define SCRUB_ZH_MAX_GROWTH 4

/* Converts text (UTF-8, lines) from variant `from` to variant `to`.
 *
 * Conversion follows OpenCC's configurations: hans->hant is s2t, hans->tw
 * s2tw (s2twp with SCRUB_ZH_PHRASES), hans->hk s2hk (s2hkp), hant->hans t2s,
 * tw->hans tw2s (tw2sp), hk->hans hk2s (hk2sp), hant->tw t2tw, tw->hant
 * tw2t, hant->hk t2hk, hk->hant hk2t; tw->hk is tw2t then t2hk and hk->tw
 * hk2t then t2tw.  The source matters: Taiwan and Hong Kong text use
 * different variant characters and are converted back differently.
 *
 * from = SCRUB_ZH_AUTO handles any script or a mix (pages converted half
 * way are common): to hans, Taiwan and Hong Kong variants are folded and
 * then Traditional is converted, while Simplified characters pass through;
 * to hant/tw/hk, each line that contains a character only Simplified text
 * uses is converted as Simplified (Traditional characters in it pass
 * through), and the other lines as OpenCC-standard Traditional (so tw/hk
 * regional forms in them are kept when to = hant).
 * from == to leaves the characters as they are.
 *
 * Always: CJK compatibility ideographs (U+F900.., U+2F800..) are replaced
 * by their unified ideographs; lines follow the text policy (CR LF -> LF,
 * every line ends with LF); invalid UTF-8 becomes U+FFFD (counted, see
 * scrub_ctx_replacements()); characters the tables do not know are copied
 * unchanged.  No other normalization.
 *
 * Returns SCRUB_OK and an owned buffer (*out, *out_len; scrub_free()), or
 * SCRUB_E_INVALID_ARG (NULL ctx/out, from/to out of range, to = auto,
 * unknown flag bits), SCRUB_E_TOO_LARGE (MAX_INPUT), SCRUB_E_NOMEM (the
 * context stays usable).  One thread per ctx. */
SCRUB_API int scrub_zh_convert(scrub_ctx *ctx, const char *text, size_t len, int from, int to,
                               unsigned flags, char **out, size_t *out_len);

/* Scripts that scrub_zh_detect() reports. */
enum scrub_zh_script {
    SCRUB_ZH_SCRIPT_NONE = 0,  /* no Han character that only one script uses */
    SCRUB_ZH_SCRIPT_HANS = 1,  /* Simplified */
    SCRUB_ZH_SCRIPT_HANT = 2,  /* Traditional (any region) */
    SCRUB_ZH_SCRIPT_MIXED = 3  /* both, neither at least 90 % */
};

/* Tells which script text is written in.  Only Han characters that one
 * script uses and the other does not decide (国/國, 发/發; not 中, 文);
 * *share is the share of those deciding characters that belong to the
 * reported script (for MIXED: to the larger side; 0 for NONE).  A script
 * is reported when its share is at least 0.9, otherwise MIXED.
 * Invalid UTF-8 is counted as replacements.
 * Returns SCRUB_OK, SCRUB_E_INVALID_ARG (NULL ctx/script/share) or
 * SCRUB_E_TOO_LARGE.  Allocates nothing.  One thread per ctx. */
SCRUB_API int scrub_zh_detect(scrub_ctx *ctx, const char *text, size_t len, int *script,
                              double *share);

/* Static name of a variant ("auto", "hans", "hant", "tw", "hk") or of a
 * script when `is_script` is nonzero ("none", "hans", "hant", "mixed");
 * NULL for a value out of range.  Thread-safe. */
SCRUB_API const char *scrub_zh_name(int value, int is_script);

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
