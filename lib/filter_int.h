/*
 * filter_int.h -- shared between the filter stage's files.  Hidden.
 */
#ifndef SCRUB_FILTER_INT_H
#define SCRUB_FILTER_INT_H

#include "internal.h"

/* A line's hash after CCNet-style normalization (ASCII case folded,
 * full-width forms to ASCII, digits to 0, punctuation and spaces dropped).
 * 0 when nothing is left (such lines are never counted). */
uint64_t scrub__line_hash(const char *s, size_t len);

/* Pages on which a normalized line hash was seen; 0 if unknown. */
uint32_t scrub__linestats_lookup(const scrub_linestats *stats, uint64_t hash);

#endif
