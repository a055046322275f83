/*
 * decode_charsets.h -- the charsets the decode stage knows: their names,
 * the ICU converter behind each, and the detector.  Private to
 * lib/decode*.c.
 */
#ifndef SCRUB_DECODE_CHARSETS_H
#define SCRUB_DECODE_CHARSETS_H

#include "internal.h"

/* Charset ids, indexes into scrub__charsets[]. */
enum scrub__cs {
    CS_UTF8,
    CS_UTF16LE,
    CS_UTF16BE,
    CS_UTF32LE,
    CS_UTF32BE,
    CS_GB18030,
    CS_BIG5,
    CS_SHIFT_JIS,
    CS_EUC_JP,
    CS_ISO2022JP,
    CS_EUC_KR,
    CS_ISO2022KR,
    CS_HZ,
    CS_ISO2022CN,
    CS_EUC_TW,
    /* single-byte charsets: keep them together, CS_SBCS_FIRST..CS_SBCS_LAST */
    CS_WINDOWS_1252,
    CS_ISO8859_15,
    CS_WINDOWS_1250,
    CS_ISO8859_2,
    CS_WINDOWS_1251,
    CS_KOI8_R,
    CS_KOI8_U,
    CS_ISO8859_5,
    CS_IBM866,
    CS_MAC_CYRILLIC,
    CS_IBM855,
    CS_WINDOWS_1253,
    CS_ISO8859_7,
    CS_WINDOWS_1255,
    CS_ISO8859_8,
    CS_WINDOWS_1254,
    CS_WINDOWS_1257,
    CS_ISO8859_13,
    CS_ISO8859_4,
    CS_WINDOWS_1256,
    CS_ISO8859_6,
    CS_WINDOWS_874,
    CS_WINDOWS_1258,
    CS_ISO8859_3,
    CS_ISO8859_10,
    CS_ISO8859_14,
    CS_IBM852,
    CS_MAC_CE,
    CS_MACINTOSH,
    CS_X_USER_DEFINED,
    CS_BINARY,
    CS_COUNT
};

#define CS_SBCS_FIRST CS_WINDOWS_1252
#define CS_SBCS_LAST CS_MACINTOSH

typedef struct {
    const char *name; /* WHATWG-style name reported to callers */
    const char *icu;  /* ICU converter name; NULL for our own decoders */
} scrub__charset;

extern const scrub__charset scrub__charsets[CS_COUNT];

/* The charset id a label maps to (WHATWG rules), or -1.  `label` is
 * (pointer, length), case-insensitive, surrounding whitespace ignored. */
int scrub__charset_lookup(const char *label, size_t len);

/* Content detection over bytes[0..len) (the caller applies the prefix
 * cap).  Returns a charset id and sets *confidence (0..100).  Uses the
 * read-only tables built by scrub__detect_init(), which the caller must
 * have run successfully. */
int scrub__detect(const unsigned char *bytes, size_t len, int *confidence);

/* Builds the detector's shared tables once per process (retriable). */
int scrub__detect_init(void);

#endif
