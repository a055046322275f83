/*
 * mojibake_artifacts.h -- conversion artifacts of the mojibake stage:
 * pinyin annotations, invisible characters, entities left undecoded.
 * Private to lib/mojibake*.c.
 */
#ifndef SCRUB_MOJIBAKE_ARTIFACTS_H
#define SCRUB_MOJIBAKE_ARTIFACTS_H

#include "mojibake_engine.h"

/* Removes U+200B, U+2060 and U+FEFF from the line (a U+FEFF at the very
 * start of the text, at_text_start, stays).  Returns how many. */
size_t scrub__mj_drop_invisible(mj_text *cur, bool at_text_start);

/* Decodes HTML entities in w->cur (repeatedly, so `&amp;nbsp;` becomes a
 * no-break space); a decoded line break or other control becomes a space.
 * Adds the number decoded to *count.  SCRUB_E_NOMEM. */
int scrub__mj_decode_entities(mj_work *w, size_t *count);

/* Finds `(pinyin)` annotations glued after a Han character; when `remove`,
 * drops those that are a reading of that character.  *seen counts
 * annotations that look like pinyin, *removed those dropped. */
int scrub__mj_pinyin(mj_work *w, bool remove, size_t *seen, size_t *removed);

/* Whether syllable (UTF-8, n bytes, tone marks) is a Mandarin reading of
 * Han character han in Unihan. */
bool scrub__mj_has_reading(uint32_t han, const char *syl, size_t n);

/* Repairs GBK runs read one byte out of step after lost bytes (see
 * mojibake_shift.c).  Appends repairs; *lost counts characters written as
 * U+FFFD; *changed is set when the line changed. */
int scrub__mj_shifted_gbk(const mj_tables *t, mj_work *w, mj_repair **rep, size_t *nrep,
                          size_t *caprep, size_t *lost, bool *changed);

/* Nothing to build (the readings table is generated static data); kept so
 * that callers need not know. */
int scrub__mj_pinyin_init(void);

#endif
