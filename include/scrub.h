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
    /* How many leading bytes scrub_detect_charset() reads and how far
     * scrub_decode() looks for a <meta> charset (the first 1024 bytes are
     * always scanned).  Caps the detector's cost per page.  Default 65536;
     * 1024 .. 2^30. */
    SCRUB_PARAM_DECODE_PREFIX = 100,
    /* html: 200..299 */
    /* mojibake: 300..399 */
    /* zh: 400..499 */
    /* filter: 500..599 */
    /* Labels kept by scrub_filter_lines(): a mask of SCRUB_LABEL_BIT()s.
     * Default SCRUB_KEEP_DEFAULT; 0 .. SCRUB_KEEP_ALL. */
    SCRUB_PARAM_FILTER_KEEP = 500,
    /* A line seen on at least this many pages of a linestats object is
     * boilerplate.  Default 3; 2 .. 2^31. */
    SCRUB_PARAM_FILTER_REPEAT_MIN = 501,
    /* clean: 600..699 */
    /* The script scrub_clean() converts Chinese text to: an enum
     * scrub_clean_target value.  Default SCRUB_CLEAN_KEEP (no conversion). */
    SCRUB_PARAM_CLEAN_TO = 600,
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
/* inside the element the html stage's scoring guesses holds the article
 * (text, commas, paragraphs, link density, class words; see
 * scrub_html_line_hints): a guess, unlike IN_MAIN, which is the page's own
 * markup */
#define SCRUB_HINT_IN_CANDIDATE (1u << 18)
#define SCRUB_HINT_FLAGS_MASK 0x00FFFFFFu
#define SCRUB_HINT_LINK_SHARE_SHIFT 24
/* The link share of a hint value as a double in [0, 1]. */
#define SCRUB_HINT_LINK_SHARE(h) ((double)((uint32_t)(h) >> SCRUB_HINT_LINK_SHARE_SHIFT) / 255.0)

/* ==========================================================================
 * Stage: decode (page bytes to UTF-8)
 *
 * Charset names are WHATWG-style lowercase names ("utf-8", "gb18030",
 * "big5", "shift_jis", "euc-jp", "euc-kr", "iso-2022-jp", "windows-1252",
 * "windows-1251", "koi8-r", "iso-8859-2", "utf-16le", ...), plus a few the
 * WHATWG list lacks but ICU decodes ("utf-32le", "utf-32be", "ibm855",
 * "iso-2022-kr", ...) and "binary" for data that is not text.  All such
 * names are static strings.
 * ========================================================================== */

/* Where the charset scrub_decode() used came from. */
enum scrub_charset_source {
    SCRUB_CHARSET_NONE = 0,     /* no successful call yet */
    SCRUB_CHARSET_BOM = 1,      /* a byte order mark */
    SCRUB_CHARSET_DECLARED = 2, /* the caller's `declared` (HTTP charset) */
    SCRUB_CHARSET_META = 3,     /* a <meta> charset or XML declaration in the page */
    SCRUB_CHARSET_DETECTED = 4  /* content detection (no usable declaration,
                                   or the declaration was overridden) */
};

/* Guesses the charset of `bytes` from their content alone (no BOM-less
 * declarations are read).  Reads at most SCRUB_PARAM_DECODE_PREFIX bytes.
 * *name receives a static charset name (see above; "binary" for images and
 * other non-text data), *confidence 0..100.  Empty input gives "utf-8"
 * with confidence 0; pure ASCII gives "utf-8" with a low confidence.
 * Errors: SCRUB_E_INVALID_ARG (NULL ctx, name or confidence, or NULL bytes
 * with len > 0), SCRUB_E_TOO_LARGE (MAX_INPUT), SCRUB_E_NOMEM.
 * On error *name is NULL and *confidence 0.  One thread per ctx. */
SCRUB_API int scrub_detect_charset(scrub_ctx *ctx, const char *bytes, size_t len,
                                   const char **name, int *confidence);

/* Decodes page bytes to UTF-8 (owned: *out, *out_len, free with
 * scrub_free()).  `declared` is the HTTP Content-Type value
 * ("text/html; charset=gbk") or a bare label, or NULL.
 *
 * Order, as in the WHATWG encoding sniffing algorithm: a BOM (UTF-8,
 * UTF-16LE/BE, and also UTF-32LE/BE, which WHATWG does not know) wins over
 * everything and is removed; then `declared`; then a <meta charset> or
 * <meta http-equiv=Content-Type> (or an XML declaration) in the first 1024
 * bytes, and if there is none there, one found later within
 * SCRUB_PARAM_DECODE_PREFIX bytes (browsers reparse when they meet one);
 * then content detection (scrub_detect_charset()).  Labels are mapped as the
 * WHATWG Encoding Standard maps them (gb2312/gbk -> gb18030, iso-8859-1 and
 * us-ascii -> windows-1252, big5 -> Big5-HKSCS, shift_jis -> windows-31j,
 * euc-kr -> windows-949, utf-16 in a <meta> -> utf-8, ...).  Labels WHATWG
 * maps to its "replacement" decoder (iso-2022-kr, hz-gb-2312, iso-2022-cn)
 * are decoded with ICU's converters for them instead, as a crawler wants
 * the text.  An unknown label is ignored, as browsers ignore it: the next
 * step decides (scrub_decode_declared() still reports the label).
 *
 * A declaration the bytes contradict is overridden: a non-UTF-8 label on
 * bytes that are valid UTF-8 (and not all ASCII) gives UTF-8; a label whose
 * decoder meets invalid sequences (3 or more) where the detected charset
 * meets at most a twentieth as many gives the detected charset.  A UTF-8
 * page stays UTF-8 while most of its multi-byte sequences are valid, each
 * bad sequence becoming one U+FFFD.
 *
 * Line ends are untouched; NUL bytes pass through as U+0000.  Invalid
 * sequences become U+FFFD, counted in scrub_ctx_replacements() (sequences)
 * and scrub_decode_replaced_bytes() (bytes).  Data detected as "binary" is
 * still decoded (as windows-1252, so the bytes stay visible) with
 * scrub_decode_charset() saying "binary".
 *
 * Errors: SCRUB_E_INVALID_ARG (NULL ctx/out/out_len, NULL bytes with len > 0),
 * SCRUB_E_TOO_LARGE (MAX_INPUT), SCRUB_E_NOMEM, SCRUB_E_INTERNAL (ICU could
 * not open a converter).  On error *out is NULL, *out_len 0, and the
 * accessors below report no call.  One thread per ctx. */
SCRUB_API int scrub_decode(scrub_ctx *ctx, const char *bytes, size_t len, const char *declared,
                           char **out, size_t *out_len);

/* The charset the last scrub_decode() on ctx used (static name), or NULL
 * when there was no successful call. */
SCRUB_API const char *scrub_decode_charset(const scrub_ctx *ctx);

/* An enum scrub_charset_source value for the last scrub_decode(). */
SCRUB_API int scrub_decode_source(const scrub_ctx *ctx);

/* 1 when the last scrub_decode() overrode a declaration (the caller's or a
 * <meta>) that the bytes contradict, or when a BOM named another charset
 * than the caller's declaration; else 0. */
SCRUB_API int scrub_decode_overridden(const scrub_ctx *ctx);

/* The declaration the last scrub_decode() considered: the charset name a
 * known label maps to, or the label itself when unknown (lowercased, at most
 * 63 bytes); the caller's `declared` if given, else the page's <meta>.  NULL
 * when there was none.  Borrowed: valid until the next scrub_decode() on
 * ctx. */
SCRUB_API const char *scrub_decode_declared(const scrub_ctx *ctx);

/* Input bytes the last scrub_decode() replaced with U+FFFD. */
SCRUB_API size_t scrub_decode_replaced_bytes(const scrub_ctx *ctx);

/* The charset name a label maps to under the WHATWG rules ("GB2312" ->
 * "gb18030", "latin1" -> "windows-1252", "x-sjis" -> "shift_jis"), or NULL
 * for an unknown label.  Case and surrounding whitespace are ignored.  A
 * static string.  Thread-safe. */
SCRUB_API const char *scrub_charset_name(const char *label);

/* ==========================================================================
 * Stage: html (HTML to text lines)
 * ========================================================================== */

/* Flags of scrub_html_to_text(). */
/* The input is already UTF-8 (invalid sequences become U+FFFD, a UTF-8 BOM
 * is dropped): skip charset sniffing and `declared`. */
#define SCRUB_HTML_UTF8 (1u << 0)

/* Extracts the visible text of an HTML page as lines.
 *
 * The bytes are first decoded to UTF-8 with scrub_decode() (`declared` is the
 * HTTP charset or a label, or NULL; see there), unless flags has
 * SCRUB_HTML_UTF8.  The UTF-8 is then parsed by libxml2's HTML parser with
 * its encoding detection switched off (a <meta charset> is never honoured a
 * second time) and without network access; libxml2's messages are counted,
 * never printed.
 *
 * The text follows these rules:
 *   - one line per block: p, div, li, h1..h6, tr, br, blockquote, section,
 *     article, dt, dd, pre lines, figcaption, ... (inline elements such as
 *     a, b, span join their text into the surrounding line);
 *   - table cells of a row are separated by one tab;
 *   - the content of script, style, noscript, template, svg, iframe, math,
 *     object, canvas, audio, video and of elements a browser hides (the
 *     hidden attribute, an inline style display:none; not on html/body) is
 *     dropped; so is the text of <title>, which goes to scrub_html_title();
 *   - character references are decoded;
 *   - runs of HTML whitespace (space, tab, CR, LF, FF) inside a line become
 *     one space, and lines are trimmed; inside pre whitespace is kept and
 *     each source line is an output line;
 *   - empty lines (nothing but spaces, tabs, no-break spaces or ideographic
 *     spaces) are left out;
 *   - every line ends with LF (the text policy).
 *
 * *out receives the text (owned, release with scrub_free()).  Details of the
 * call (title, language, description, publication date, canonical URL and
 * the hints of each line) are read with the accessors below.
 * scrub_ctx_replacements() counts bytes the decoding replaced with U+FFFD.
 *
 * Limits: SCRUB_PARAM_MAX_INPUT bounds `len`; an output line longer than
 * SCRUB_PARAM_MAX_LINE fails with SCRUB_E_TOO_LARGE; elements nested deeper
 * than SCRUB_PARAM_MAX_DEPTH keep their text and still break lines, but add
 * no structure (hints) of their own.  Work is linear in the input: libxml2
 * searches its whole element stack for each end tag that matches no open
 * element, so when that search passes 32 steps per input byte (stray end
 * tags under thousands of open elements) the call stops with
 * SCRUB_E_TOO_LARGE; attributes past the 256th of one tag are ignored.
 *
 * Errors: SCRUB_E_INVALID_ARG (NULL ctx or output pointers, NULL bytes with
 * len > 0, unknown flag bits), SCRUB_E_ENCODING (as scrub_decode()),
 * SCRUB_E_TOO_LARGE, SCRUB_E_NOMEM, SCRUB_E_INTERNAL (libxml2 could not
 * start a parser).  On failure the details read as for an empty page.
 * Threads: one call at a time per ctx; libxml2's thread-local error
 * handlers are set for the duration of the call and then restored. */
SCRUB_API int scrub_html_to_text(scrub_ctx *ctx, const char *bytes, size_t len,
                                 const char *declared, unsigned flags, char **out,
                                 size_t *out_len);

/* Metadata of the page of the last scrub_html_to_text() call on ctx: a
 * borrowed NUL-terminated UTF-8 string (whitespace collapsed and trimmed),
 * valid until the next scrub_html_to_text() call on ctx or scrub_ctx_free();
 * NULL when the page has none (or ctx is NULL, or no call was made).
 *
 * title:       the first <title> of the document;
 * lang:        the lang (else xml:lang) attribute of <html>, else the
 *              content of <meta http-equiv="content-language">;
 * description: <meta name="description">, else og:description;
 * published:   the publication date as written in the page:
 *              <meta property="article:published_time">, else a <meta>
 *              named date / pubdate / publishdate / dc.date / itemprop
 *              datePublished, else the first <time datetime="...">;
 * canonical:   the href of <link rel="canonical">. */
SCRUB_API const char *scrub_html_title(const scrub_ctx *ctx);
SCRUB_API const char *scrub_html_lang(const scrub_ctx *ctx);
SCRUB_API const char *scrub_html_description(const scrub_ctx *ctx);
SCRUB_API const char *scrub_html_published(const scrub_ctx *ctx);
SCRUB_API const char *scrub_html_canonical(const scrub_ctx *ctx);

/* Number of lines in the text of the last scrub_html_to_text() call (0 for a
 * NULL ctx or before any call). */
SCRUB_API size_t scrub_html_line_count(const scrub_ctx *ctx);

/* The hints of each output line of the last scrub_html_to_text() call: an
 * array of *count (= the line count) SCRUB_HINT_* values, element i for line
 * i.  A line's flags are the union over the text it holds: SCRUB_HINT_IN_*
 * for text inside nav/header/footer/aside/main/article, SCRUB_HINT_CLASS_*
 * (and for ARIA roles navigation, banner, contentinfo, complementary,
 * main), SCRUB_HINT_CLASS_* when an enclosing element's class or id holds
 * one of the words (split on anything not a letter or digit,
 * case-insensitive) nav, navbar, navigation, menu, breadcrumb(s) / footer,
 * copyright / share, sharing, social / comment(s) / related / sidebar / ad,
 * ads, advert(s), advertisement, banner; HEADING, LIST_ITEM, TABLE, PRE,
 * CAPTION for text in such elements; SCRUB_HINT_TITLE when the line equals
 * the page title, or is at least 8 bytes and the title is the line plus a
 * site name before or after a separator (" - ", " | ", " – ", " — ", "_",
 * "｜", ...); SCRUB_HINT_IN_CANDIDATE for the lines of the best-scoring
 * container and of its siblings that score a fifth of it (10 at least):
 * each line of 25 characters or more outside lists scores 1 + its commas
 * + one per 100 characters (at most 3) for the block its paragraph sits in
 * (the block holding the line once that holds blocks, else the one above
 * it), half that for the block above and a sixth for the next (html and
 * body are never the container); a block's score, plus a bonus or
 * penalty for its tag and its class/id words (article, content, text ...
 * against comment, footer, sidebar ...), is scaled by the share of its text
 * outside links.  The best block is sought first without the lines inside
 * nav, aside, footer and chrome class words, then, if it holds under 250
 * characters, with them; no line has the bit when the best block holds
 * under 250 characters.  Bits 24..31 hold the share of the line's non-space bytes that
 * sit inside <a href> (see SCRUB_HINT_LINK_SHARE).  Borrowed, valid until the next
 * scrub_html_to_text() call on ctx; NULL (and *count 0) when there are no
 * lines.  count may be NULL. */
SCRUB_API const uint32_t *scrub_html_line_hints(const scrub_ctx *ctx, size_t *count);

/* Number of messages (errors and warnings about malformed markup) libxml2
 * reported while parsing the last page; informational, never printed. */
SCRUB_API size_t scrub_html_parse_errors(const scrub_ctx *ctx);

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
 *     only when one candidate is much more likely: the pinyin debris after
 *     it names a reading only it has, or a character-bigram model of its
 *     neighbours scores it at least 20 times the runner-up (pair counts
 *     from web text and OpenCC's phrases, README "mojibake"), or the
 *     character frequency model picks it clearly; else U+FFFD).
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
 * unknown flag bits), SCRUB_E_TOO_LARGE (past SCRUB_PARAM_MAX_INPUT, or a
 * line longer than SCRUB_PARAM_MAX_LINE),
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
 * Hong Kong).  Matters when one side is tw or hk, and for auto -> hans
 * (Taiwan and Hong Kong vocabulary become mainland). */
#define SCRUB_ZH_PHRASES (1u << 0)
/* OpenCC-compatible segmentation: greedy forward maximum matching, which
 * reproduces OpenCC 1.4 output exactly, including its errors where a match
 * crosses a word boundary (被发明 -> 被髮明, 心理发展 -> 心理髮展).
 * Without it (the default) the segmentation minimises the number of
 * segments over all dictionary matches; between segmentations with equal
 * counts it prefers the larger sum of word weights (how many dictionary
 * keys contain the word: OpenCC's data has no frequencies), then the later
 * word (被|发明).  On the real web text measured (README) it makes fewer
 * errors than greedy matching (50 against 22 where the two differ), which
 * is why it is the default; it scores 532 of OpenCC's 535 test cases. */
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
 * tables reach 3.89 (hk -> tw with phrases: HK reverse phrases, up to 1.56
 * times their key's bytes, then Taiwan phrases, up to 2.5); an invalid byte
 * becoming U+FFFD is 3. */
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
 * from == to leaves the characters as they are (the flags still apply).
 *
 * Always: CJK compatibility ideographs (U+F900.., U+2F800..) are replaced
 * by their unified ideographs; lines follow the text policy (CR LF -> LF,
 * every line ends with LF); invalid UTF-8 becomes U+FFFD (counted, see
 * scrub_ctx_replacements()); characters the tables do not know are copied
 * unchanged.  No other normalization.
 *
 * Returns SCRUB_OK and an owned buffer (*out, *out_len; scrub_free()), or
 * SCRUB_E_INVALID_ARG (NULL ctx/out, from/to out of range, to = auto,
 * unknown flag bits), SCRUB_E_TOO_LARGE (MAX_INPUT, MAX_LINE), SCRUB_E_NOMEM (the
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
 *
 * Labels every line of a document (content, heading, caption, or one kind
 * of boilerplate or spam), says why, finds spam injected inside real
 * sentences, scores the whole document for spam, and returns the kept
 * text.  Lexicon hits decide only together with the line's shape, so news
 * about a lottery or a hospital stays.  Lines are split as the text policy
 * says; line i of the accessors is the i-th line of the input (blank lines
 * included; a final LF does not start an extra line).
 * ========================================================================== */

/* Cross-page line frequencies; see scrub_linestats_new() below. */
typedef struct scrub_linestats scrub_linestats;

/* Line labels.  Values are pinned. */
enum scrub_label {
    SCRUB_LABEL_CONTENT = 0,  /* body sentences, paragraphs, list items */
    SCRUB_LABEL_HEADING = 1,  /* title and subheadings of the article */
    SCRUB_LABEL_CAPTION = 2,  /* image captions (▲..., 图为...) */
    SCRUB_LABEL_META = 3,     /* source, author, editor, date, views */
    SCRUB_LABEL_NAV = 4,      /* crumbs, menus, site name, pagination, repeated title */
    SCRUB_LABEL_RELATED = 5,  /* related-links blocks */
    SCRUB_LABEL_WIDGET = 6,   /* share, QR, print, comments, counters, clocks */
    SCRUB_LABEL_FOOTER = 7,   /* copyright, ICP/公网安备, repost notices, site info */
    SCRUB_LABEL_CONTACT = 8,  /* hotlines, addresses, QQ/WeChat ids outside a paragraph */
    SCRUB_LABEL_AD = 9,       /* injected adverts and SEO lines */
    SCRUB_LABEL_SPAM = 10,    /* keyword-stuffed lists */
    SCRUB_LABEL_ARTIFACT = 11, /* code residue, lone symbols */
    SCRUB_LABEL_BLANK = 12,   /* empty or whitespace-only */
    SCRUB_LABEL_COUNT = 13
};

/* The bit of a label in a keep mask. */
#define SCRUB_LABEL_BIT(label) (1u << (label))
/* Default keep mask: content, heading, caption. */
#define SCRUB_KEEP_DEFAULT \
    (SCRUB_LABEL_BIT(SCRUB_LABEL_CONTENT) | SCRUB_LABEL_BIT(SCRUB_LABEL_HEADING) | \
     SCRUB_LABEL_BIT(SCRUB_LABEL_CAPTION))
/* Every label bit. */
#define SCRUB_KEEP_ALL ((1u << SCRUB_LABEL_COUNT) - 1u)
/* As a keep argument: use the context's SCRUB_PARAM_FILTER_KEEP. */
#define SCRUB_KEEP_FROM_CTX 0xFFFFFFFFu

/* Flags of scrub_classify_lines() and scrub_filter_lines(). */
/* Leave inline spam spans in kept lines (they are still reported). */
#define SCRUB_FILTER_KEEP_INLINE_SPAM (1u << 0)
/* Ignore the linestats object attached to the context. */
#define SCRUB_FILTER_NO_LINESTATS (1u << 1)
/* Classify each line alone: no neighbours, position or repeats. */
#define SCRUB_FILTER_NO_CONTEXT (1u << 2)

/* Document flags, scrub_filter_doc_flags(). */
#define SCRUB_DOC_SITE_FARM (1u << 0)    /* gambling/medical SEO site-farm page */
#define SCRUB_DOC_SPUN (1u << 1)         /* spun text: deleted numbers (年至年), masked names */
#define SCRUB_DOC_INLINE_SPAM (1u << 2)  /* spam injected inside sentences */
#define SCRUB_DOC_STUFFING (1u << 3)     /* keyword-stuffed lines */
#define SCRUB_DOC_BOILERPLATE_HEAVY (1u << 4) /* more than half the characters removed */
#define SCRUB_DOC_PINYIN (1u << 5)       /* pinyin annotations glued to Han (醫(yī)) */

/* The stable name of a label ("content", "heading", ..., "blank"); static.
 * NULL for a value out of range.  Thread-safe. */
SCRUB_API const char *scrub_label_name(int label);

/* The label of a name (exact, ASCII case-insensitive; "spam_stuffing" is
 * accepted for "spam"), or SCRUB_E_INVALID_ARG.  Thread-safe. */
SCRUB_API int scrub_label_from_name(const char *name, size_t len);

/* Parses a comma-separated list of label names ("content,heading,meta")
 * into a keep mask in *mask.  "default" and "all" stand for those masks.
 * SCRUB_E_INVALID_ARG on an unknown name or NULL arguments.  Thread-safe. */
SCRUB_API int scrub_label_mask_parse(const char *list, size_t len, unsigned *mask);

/* Classifies every line of text[0..len) on ctx; the result is read with
 * the scrub_filter_line_* and scrub_filter_doc_* accessors.  flags:
 * SCRUB_FILTER_* bits.  Uses the linestats object attached with
 * scrub_filter_set_linestats() and the entries added with
 * scrub_filter_add_lexicon().
 * Errors: SCRUB_E_INVALID_ARG (NULL ctx, NULL text with len > 0, unknown
 * flag), SCRUB_E_TOO_LARGE (MAX_INPUT, MAX_LINE), SCRUB_E_NOMEM (the
 * details of the last call are then empty; the ctx stays usable). */
SCRUB_API int scrub_classify_lines(scrub_ctx *ctx, const char *text, size_t len,
                                   unsigned flags);

/* As scrub_classify_lines(), with the DOM's help: hints[i] is the
 * SCRUB_HINT_* value of line i (as scrub_html_to_text reports them; lines
 * past nhints get none; hints may be NULL with nhints 0), and stats, when
 * not NULL, is used instead of the attached linestats object for this
 * call (borrowed for the call only). */
SCRUB_API int scrub_classify_lines_ex(scrub_ctx *ctx, const char *text, size_t len,
                                      const uint32_t *hints, size_t nhints,
                                      const scrub_linestats *stats, unsigned flags);

/* Classifies and returns the kept lines as an owned buffer (each ending
 * with LF; free with scrub_free()).  The keep mask is the context's
 * SCRUB_PARAM_FILTER_KEEP.  Inline spam spans are cut from kept lines
 * unless SCRUB_FILTER_KEEP_INLINE_SPAM.  The per-line details stay readable
 * through the accessors.  Errors as scrub_classify_lines(), plus
 * SCRUB_E_INVALID_ARG for NULL out/out_len. */
SCRUB_API int scrub_filter_lines(scrub_ctx *ctx, const char *text, size_t len, unsigned flags,
                                 char **out, size_t *out_len);

/* scrub_filter_lines() with hints, a linestats object (both as in
 * scrub_classify_lines_ex()) and a keep mask for this call
 * (SCRUB_LABEL_BIT()s, or SCRUB_KEEP_FROM_CTX).  Unknown keep bits:
 * SCRUB_E_INVALID_ARG. */
SCRUB_API int scrub_filter_lines_ex(scrub_ctx *ctx, const char *text, size_t len,
                                    const uint32_t *hints, size_t nhints,
                                    const scrub_linestats *stats, unsigned keep,
                                    unsigned flags, char **out, size_t *out_len);

/* Accessors: details of the last scrub_classify_lines*() or
 * scrub_filter_lines*() call on ctx, valid until the next such call (or
 * scrub_filter_add_lexicon(), for reasons naming a caller's entry).  An
 * index out of range gives 0 / -1 / NULL as stated.  Not thread-safe
 * against calls on the same ctx. */

/* Number of lines classified (0 for NULL ctx or before any call). */
SCRUB_API size_t scrub_filter_line_count(const scrub_ctx *ctx);
/* Byte span of line i in the input (without its LF / CR LF).
 * SCRUB_E_INVALID_ARG when i is out of range or a pointer is NULL. */
SCRUB_API int scrub_filter_line_span(const scrub_ctx *ctx, size_t i, size_t *start,
                                     size_t *len);
/* The label of line i (enum scrub_label), or -1. */
SCRUB_API int scrub_filter_line_label(const scrub_ctx *ctx, size_t i);
/* How much line i looks like part of the article, 0..1 (the labels kept
 * by default score >= 0.5, the others < 0.5); -1 when out of range. */
SCRUB_API double scrub_filter_line_score(const scrub_ctx *ctx, size_t i);
/* A short static or borrowed reason: the rule ("sentence",
 * "between-content", "after-footer", "linestats", ...) or the lexicon
 * entry ("footer:ICP备", "gambling:华体会") that decided; README.md's
 * "Reasons" table lists them all.  NULL when out of range. */
SCRUB_API const char *scrub_filter_line_reason(const scrub_ctx *ctx, size_t i);
/* 1 when line i was kept by the last scrub_filter_lines*() call (for
 * scrub_classify_lines*(): by the context's keep mask), 0 if not, -1 when
 * out of range. */
SCRUB_API int scrub_filter_line_kept(const scrub_ctx *ctx, size_t i);

/* Inline spam spans found by the last call, in input order. */
SCRUB_API size_t scrub_filter_span_count(const scrub_ctx *ctx);
/* Span k: its line and its byte range [start, end) in the input.
 * SCRUB_E_INVALID_ARG when k is out of range or a pointer is NULL. */
SCRUB_API int scrub_filter_span(const scrub_ctx *ctx, size_t k, size_t *line, size_t *start,
                                size_t *end);

/* Document spam score 0..1 of the last call (0 before any call): farm
 * evidence p (points) as p / (p + 2); SCRUB_DOC_SITE_FARM is set exactly
 * when it is 0.5 or more. */
SCRUB_API double scrub_filter_doc_score(const scrub_ctx *ctx);
/* SCRUB_DOC_* bits of the last call. */
SCRUB_API unsigned scrub_filter_doc_flags(const scrub_ctx *ctx);

/* Adds lexicon entries to ctx (kept until scrub_filter_clear_lexicon()).
 * entries: lines "CATEGORY<TAB>TERM[<TAB>s|w]" (s = strong, default w);
 * empty lines and lines starting with '#' are skipped.  Categories:
 * gambling porn medseo cta footer nav meta widget related contact caption
 * date (month and weekday names: a line that is a date in words is meta)
 * social (network names: a row of two or more is a share bar)
 * blackseo (black-market trades: fake invoices, papers, private servers,
 * loans; spam like gambling)
 * button (a widget's button or counter, alone on its line)
 * comment (a reply button, or the end of a comment's author line)
 * thread (the title of a comment section)
 * pitch (a paywall's offer, a call for writers, a video's consent request,
 * an author box: read last, on a kept line, where the term opens the line
 * or the line is short and outside the html stage's article guess; the
 * line becomes widget with reason "pitch:TERM").
 * A caller's entry reports its reason as "user:CATEGORY:TERM".
 * SCRUB_E_FORMAT (errmsg names the line) for a malformed line, in which
 * case nothing is added; SCRUB_E_TOO_LARGE when all entries together pass
 * the matcher's limit (about 65,000 bytes of terms); SCRUB_E_NOMEM. */
SCRUB_API int scrub_filter_add_lexicon(scrub_ctx *ctx, const char *entries, size_t len);
/* Removes every entry added with scrub_filter_add_lexicon(). */
SCRUB_API void scrub_filter_clear_lexicon(scrub_ctx *ctx);

/* ---- cross-page boilerplate ---------------------------------------------
 * A scrub_linestats object counts, over many pages of one site or crawl
 * shard, on how many pages each line occurs (lines normalized as CCNet
 * does: case folded, digits as 0, punctuation and spaces dropped; kept as
 * 64-bit hashes).  Lines seen on at least SCRUB_PARAM_FILTER_REPEAT_MIN
 * pages are treated as boilerplate by the classifier.  Memory is bounded:
 * past max_entries hashes the rarest are dropped, whole counts at a time,
 * until an eighth of the table is free again (so that a full table is
 * rebuilt once per max_entries / 8 new lines, not once per page).  An object may be read by
 * several threads at once once no thread adds pages to it. */

/* A new, empty object holding at most max_entries line hashes (0 means
 * the default, 1,000,000; at least 16).  NULL when out of memory.
 * Release with scrub_linestats_free().  Thread-safe. */
SCRUB_API scrub_linestats *scrub_linestats_new(size_t max_entries);
/* Releases stats; NULL is ignored. */
SCRUB_API void scrub_linestats_free(scrub_linestats *stats);
/* Counts each distinct line of one page once.  SCRUB_E_INVALID_ARG,
 * SCRUB_E_NOMEM (the counts are then as before the call). */
SCRUB_API int scrub_linestats_add_page(scrub_linestats *stats, const char *text, size_t len);
/* Pages added so far. */
SCRUB_API uint64_t scrub_linestats_pages(const scrub_linestats *stats);
/* Distinct line hashes held. */
SCRUB_API size_t scrub_linestats_entries(const scrub_linestats *stats);
/* On how many pages the line line[0..len) was seen (0 if never or dropped). */
SCRUB_API uint32_t scrub_linestats_count(const scrub_linestats *stats, const char *line,
                                         size_t len);
/* Writes stats to a versioned binary file ("SCRUBLS" format 1).
 * SCRUB_E_IO when it cannot be written; SCRUB_E_INVALID_ARG. */
SCRUB_API int scrub_linestats_save(const scrub_linestats *stats, const char *path);
/* Reads a file written by scrub_linestats_save() into a new object
 * (*out, release with scrub_linestats_free(); NULL on failure).
 * max_entries as scrub_linestats_new(); a file with more entries keeps the
 * most frequent.  SCRUB_E_IO, SCRUB_E_FORMAT (bad magic, version or
 * size), SCRUB_E_NOMEM, SCRUB_E_INVALID_ARG. */
SCRUB_API int scrub_linestats_load(const char *path, size_t max_entries,
                                   scrub_linestats **out);
/* Attaches stats to ctx (borrowed: it must outlive its use; NULL
 * detaches).  Every later classification on ctx uses it. */
SCRUB_API int scrub_filter_set_linestats(scrub_ctx *ctx, const scrub_linestats *stats);


/* ==========================================================================
 * Stage: clean (the whole pipeline)
 * ========================================================================== */

/* What scrub_clean() converts Chinese text to (SCRUB_PARAM_CLEAN_TO).  The
 * source script is always detected (`auto`), so a page half converted is
 * normal input. */
enum scrub_clean_target {
    SCRUB_CLEAN_KEEP = 0, /* leave the script as it is (the default) */
    SCRUB_CLEAN_HANS = 1, /* Simplified */
    SCRUB_CLEAN_HANT = 2, /* Traditional, OpenCC's standard forms */
    SCRUB_CLEAN_TW = 3,   /* Traditional, Taiwan */
    SCRUB_CLEAN_HK = 4    /* Traditional, Hong Kong */
};

/* Flags of scrub_clean().  Each stage can be switched off. */
#define SCRUB_CLEAN_NO_DECODE (1u << 0)   /* the input is UTF-8 text: no charset
                                           * detection (invalid UTF-8 becomes
                                           * U+FFFD); `declared` is ignored */
#define SCRUB_CLEAN_NO_HTML (1u << 1)     /* never extract text from HTML */
#define SCRUB_CLEAN_FORCE_HTML (1u << 2)  /* the input is HTML, whatever it looks like */
#define SCRUB_CLEAN_NO_MOJIBAKE (1u << 3) /* no mojibake repair or artifact removal */
#define SCRUB_CLEAN_NO_ZH (1u << 4)       /* no script conversion (as SCRUB_CLEAN_KEEP) */
#define SCRUB_CLEAN_NO_FILTER (1u << 5)   /* keep every line (blank lines still go) */
#define SCRUB_CLEAN_PHRASES (1u << 6)     /* convert regional phrases too (软件 <-> 軟體) */

/* The whole pipeline: page bytes in, clean text out.
 *
 * Runs, on ctx, each stage's own public function:
 *   1. scrub_decode(bytes, declared) to UTF-8 (BOM, `declared` -- the HTTP
 *      charset or a label, or NULL --, <meta>, detection);
 *   2. scrub_html_to_text() on that UTF-8 when it is HTML: when
 *      SCRUB_CLEAN_FORCE_HTML is set, or the text starts with a doctype,
 *      <html>, <head>, <body> or a comment, or its first 4 KiB hold an
 *      <html>, <body>, <p>, <div> or <br> tag; the page's structure (line
 *      hints) is passed on to the filter;
 *   3. scrub_fix_mojibake() with SCRUB_FIX_DEFAULT (CJK and Western mojibake,
 *      lossy `??` runs, pinyin annotations, invisible characters);
 *   4. scrub_zh_convert() from auto to the SCRUB_PARAM_CLEAN_TO target,
 *      unless that is SCRUB_CLEAN_KEEP;
 *   5. scrub_filter_lines_ex() with the context's SCRUB_PARAM_FILTER_KEEP
 *      mask (less the blank label): kept lines only, inline spam cut out.
 * and returns the kept lines in *out (owned; free with scrub_free()), each
 * ending with LF; blank lines never appear.  An empty result is "" with
 * *out_len 0.
 *
 * Details: after a successful call each stage's own accessors describe what
 * it did in this call (scrub_decode_charset(), scrub_html_title(),
 * scrub_mojibake_repair(), scrub_filter_line_label(), ...), with offsets
 * into that stage's input, which scrub_clean_stage_input() returns; the
 * scrub_clean_* accessors below sum the document up.  A stage switched off
 * (or not run, as html on text) keeps the details of its previous call, so
 * check scrub_clean_stages().  scrub_ctx_replacements() counts every U+FFFD
 * written for invalid input.
 *
 * Idempotent: cleaning the output again returns it unchanged (with a zh
 * target, up to the few chained entries of the conversion tables).
 *
 * Errors: SCRUB_E_INVALID_ARG (NULL ctx or output pointers, NULL bytes with
 * len > 0, unknown flag bits), SCRUB_E_ENCODING (an unknown `declared` is
 * ignored, so only when no converter reads the bytes), SCRUB_E_TOO_LARGE
 * (SCRUB_PARAM_MAX_INPUT, MAX_LINE), SCRUB_E_NOMEM, SCRUB_E_INTERNAL; the
 * message names the stage that failed.  On failure the clean accessors
 * report an empty document.  Memory: a few times the input.  Threads: one
 * call at a time per ctx. */
SCRUB_API int scrub_clean(scrub_ctx *ctx, const char *bytes, size_t len, const char *declared,
                          unsigned flags, char **out, size_t *out_len);

/* Stages, for scrub_clean_stages() and scrub_clean_stage_input(). */
enum scrub_clean_stage {
    SCRUB_STAGE_DECODE = 0,
    SCRUB_STAGE_HTML = 1,
    SCRUB_STAGE_MOJIBAKE = 2,
    SCRUB_STAGE_ZH = 3,
    SCRUB_STAGE_FILTER = 4
};

/* Bits (1u << enum scrub_clean_stage) of the stages the last scrub_clean()
 * on ctx ran; 0 for a NULL ctx, before any call or after a failed one. */
SCRUB_API unsigned scrub_clean_stages(const scrub_ctx *ctx);

/* The text a stage of the last scrub_clean() worked on (the bytes for
 * decode), so that its accessors' byte offsets can be resolved: borrowed,
 * valid until the next scrub_clean() on ctx; *len receives its length.
 * NULL (and *len 0) when the stage did not run, for an unknown stage or a
 * NULL ctx.  len may be NULL.  For decode it is the caller's input, which
 * scrub_clean() does not keep: NULL. */
SCRUB_API const char *scrub_clean_stage_input(const scrub_ctx *ctx, int stage, size_t *len);

/* The document of the last successful scrub_clean() on ctx.  Strings are
 * borrowed (valid until the next scrub_clean() on ctx) or static.
 *
 * title:      the HTML title, repaired and converted as the text was; NULL
 *             when the page had none (and for text input);
 * charset:    the charset the bytes were read in ("utf-8" with
 *             SCRUB_CLEAN_NO_DECODE); NULL before a call;
 * script:     the script of the clean text: "hans", "hant", "mixed" or
 *             "none" (static), and in *share (may be NULL) the share of Han
 *             characters that decided it, as scrub_zh_detect() reports;
 * spam_score: the filter's document spam score, 0..1 (0 with the filter off);
 * flags:      the filter's SCRUB_DOC_* bits (SCRUB_DOC_PINYIN set also when
 *             the mojibake stage removed pinyin annotations) together with
 *             the SCRUB_CLEAN_SAW_* bits below;
 * label_count: lines of the document with that label (enum scrub_label),
 *             kept or not; 0 for an unknown label;
 * repairs:    mojibake repairs made (scrub_mojibake_repair_count()). */
SCRUB_API const char *scrub_clean_title(const scrub_ctx *ctx);
SCRUB_API const char *scrub_clean_charset(const scrub_ctx *ctx);
SCRUB_API const char *scrub_clean_script(const scrub_ctx *ctx, double *share);
SCRUB_API double scrub_clean_spam_score(const scrub_ctx *ctx);
SCRUB_API unsigned scrub_clean_flags(const scrub_ctx *ctx);
SCRUB_API size_t scrub_clean_label_count(const scrub_ctx *ctx, int label);
SCRUB_API size_t scrub_clean_repairs(const scrub_ctx *ctx);

/* scrub_clean_flags() bits of the pipeline's own (the filter's SCRUB_DOC_*
 * bits stay below bit 16). */
#define SCRUB_CLEAN_SAW_HTML (1u << 16)        /* the input was read as HTML */
#define SCRUB_CLEAN_SAW_OVERRIDE (1u << 17)    /* a declared charset was overridden */
#define SCRUB_CLEAN_SAW_MOJIBAKE (1u << 18)    /* mojibake was repaired */
#define SCRUB_CLEAN_SAW_LOSSY (1u << 19)       /* `??`-damaged text (bytes lost) */
#define SCRUB_CLEAN_SAW_REPLACEMENT (1u << 20) /* invalid input became U+FFFD */
#define SCRUB_CLEAN_SAW_CONVERTED (1u << 21)   /* the zh stage changed the text */

#ifdef __cplusplus
}
#endif

#endif /* SCRUB_H */
