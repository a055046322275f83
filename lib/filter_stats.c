/*
 * filter_stats.c -- scrub_linestats: on how many pages of a site or shard
 * each normalized line occurs, in bounded memory, with a versioned file.
 *
 * The table is open addressing over 64-bit hashes (0 = empty slot).  When
 * it would pass max_entries, every entry at the lowest count still present
 * is dropped (lossy counting), level after level, until the new lines and
 * an eighth of the table fit: rare lines are what we can afford to forget.
 */
#include "filter_int.h"

#include <stdio.h>
#include <stdlib.h>

#define DEFAULT_MAX_ENTRIES 1000000u
#define MIN_MAX_ENTRIES 16u
#define FILE_MAGIC "SCRUBLS"
#define FILE_VERSION 1u
#define RECORD_SIZE 12u

struct scrub_linestats {
    uint64_t *keys;
    uint32_t *counts;
    size_t cap; /* slots, a power of two, at least 2 * max_entries */
    size_t n;
    size_t max_entries;
    uint64_t pages;
};

/* ---- normalization ------------------------------------------------------ */

uint64_t scrub__line_hash(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t h = SCRUB__HASH_INIT;
    size_t kept = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        if (p[i] < 0x80) {
            cp = p[i++];
        } else {
            i += scrub__utf8_decode(p + i, len - i, &cp);
        }
        if (scrub__norm_dropped(cp)) continue;
        h = scrub__hash_step(h, scrub__norm_fold(cp));
        kept++;
    }
    return scrub__hash_final(h, kept);
}

/* ---- table -------------------------------------------------------------- */

static size_t slot_of(const scrub_linestats *st, uint64_t key)
{
    size_t mask = st->cap - 1, i = (size_t)key & mask;
    while (st->keys[i] && st->keys[i] != key) i = (i + 1) & mask;
    return i;
}

uint32_t scrub__linestats_lookup(const scrub_linestats *st, uint64_t hash)
{
    if (!st || !hash) return 0;
    size_t i = slot_of(st, hash);
    return st->keys[i] ? st->counts[i] : 0;
}

static size_t table_cap(size_t max_entries)
{
    size_t cap = 64;
    while (cap < max_entries * 2) cap <<= 1;
    return cap;
}

SCRUB_API scrub_linestats *scrub_linestats_new(size_t max_entries)
{
    if (max_entries == 0) max_entries = DEFAULT_MAX_ENTRIES;
    if (max_entries < MIN_MAX_ENTRIES) max_entries = MIN_MAX_ENTRIES;
    if (max_entries > ((size_t)1 << 40)) return NULL;
    scrub_linestats *st = scrub__calloc(1, sizeof *st);
    if (!st) return NULL;
    st->max_entries = max_entries;
    st->cap = table_cap(max_entries);
    st->keys = scrub__calloc(st->cap, sizeof *st->keys);
    st->counts = scrub__calloc(st->cap, sizeof *st->counts);
    if (!st->keys || !st->counts) {
        scrub_linestats_free(st);
        return NULL;
    }
    return st;
}

SCRUB_API void scrub_linestats_free(scrub_linestats *st)
{
    if (!st) return;
    scrub__free(st->keys);
    scrub__free(st->counts);
    scrub__free(st);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The lowest count `floor` such that dropping every entry counted at most
 * `floor` leaves room for `room` more (levels are dropped whole, rarest
 * first): the drop-th smallest count.  One sort, where a pass over the
 * table per level was quadratic when many levels hold few entries. */
static int prune_floor(const scrub_linestats *st, size_t room, uint32_t *floor)
{
    size_t drop = st->n + room - st->max_entries, k = 0;
    uint32_t *c = scrub__malloc(st->n * sizeof *c);
    if (!c) return SCRUB_E_NOMEM;
    for (size_t i = 0; i < st->cap; i++)
        if (st->keys[i]) c[k++] = st->counts[i];
    qsort(c, k, sizeof *c, cmp_u32);
    *floor = c[drop - 1];
    scrub__free(c);
    return SCRUB_OK;
}

/* What a prune frees beyond what the call needs: an eighth of the table,
 * so that a full table is rebuilt once per max_entries / 8 new lines, not
 * once per page (a stream of one-line pages into a full table, or a file
 * loaded into a smaller one, rebuilt it for every line). */
static size_t headroom(const scrub_linestats *st)
{
    return st->max_entries / 8;
}

/* Drops every entry whose count is the lowest present, level after level,
 * until at least `room` entries are free.  Rebuilds into fresh arrays so
 * that probing stays correct; on NOMEM the table is unchanged. */
static int prune(scrub_linestats *st, size_t room)
{
    uint32_t floor;
    if (prune_floor(st, room, &floor) != SCRUB_OK) return SCRUB_E_NOMEM;
    uint64_t *keys = scrub__calloc(st->cap, sizeof *keys);
    uint32_t *counts = scrub__calloc(st->cap, sizeof *counts);
    if (!keys || !counts) {
        scrub__free(keys);
        scrub__free(counts);
        return SCRUB_E_NOMEM;
    }
    uint64_t *old_keys = st->keys;
    uint32_t *old_counts = st->counts;
    st->keys = keys;
    st->counts = counts;
    st->n = 0;
    for (size_t i = 0; i < st->cap; i++) {
        if (!old_keys[i] || old_counts[i] <= floor) continue;
        size_t j = slot_of(st, old_keys[i]);
        st->keys[j] = old_keys[i];
        st->counts[j] = old_counts[i];
        st->n++;
    }
    scrub__free(old_keys);
    scrub__free(old_counts);
    return SCRUB_OK;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The distinct non-empty line hashes of a page, sorted; at most `limit`. */
static int page_hashes(const char *text, size_t len, size_t limit, uint64_t **out, size_t *n)
{
    size_t lines = 1;
    for (size_t i = 0; i < len; i++) lines += text[i] == '\n';
    uint64_t *h = scrub__malloc(lines * sizeof *h);
    if (!h) return SCRUB_E_NOMEM;
    size_t k = 0;
    scrub__line line;
    for (size_t pos = 0; k < lines && scrub__next_line(text, len, pos, &line); pos = line.next) {
        uint64_t v = scrub__line_hash(text + line.start, line.len);
        if (v) h[k++] = v;
    }
    qsort(h, k, sizeof *h, cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || h[u - 1] != h[i]) h[u++] = h[i];
    *out = h;
    *n = u < limit ? u : limit;
    return SCRUB_OK;
}

SCRUB_API int scrub_linestats_add_page(scrub_linestats *st, const char *text, size_t len)
{
    if (!st || (!text && len)) return SCRUB_E_INVALID_ARG;
    uint64_t *h;
    size_t n;
    if (page_hashes(text, len, st->max_entries / 2, &h, &n) != SCRUB_OK) return SCRUB_E_NOMEM;
    size_t fresh = 0;
    for (size_t i = 0; i < n; i++) fresh += st->keys[slot_of(st, h[i])] == 0;
    if (st->n + fresh > st->max_entries && prune(st, fresh + headroom(st)) != SCRUB_OK) {
        scrub__free(h);
        return SCRUB_E_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        size_t j = slot_of(st, h[i]);
        if (!st->keys[j]) {
            st->keys[j] = h[i];
            st->n++;
        }
        if (st->counts[j] < UINT32_MAX) st->counts[j]++;
    }
    st->pages++;
    scrub__free(h);
    return SCRUB_OK;
}

SCRUB_API uint64_t scrub_linestats_pages(const scrub_linestats *st)
{
    return st ? st->pages : 0;
}

SCRUB_API size_t scrub_linestats_entries(const scrub_linestats *st)
{
    return st ? st->n : 0;
}

SCRUB_API uint32_t scrub_linestats_count(const scrub_linestats *st, const char *line, size_t len)
{
    if (!st || (!line && len)) return 0;
    return scrub__linestats_lookup(st, scrub__line_hash(line, len));
}

/* ---- file --------------------------------------------------------------- */

static void put_le(unsigned char *p, uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; i++) p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_le(const unsigned char *p, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++) v |= (uint64_t)p[i] << (8 * i);
    return v;
}

/* Header: magic (8 bytes, NUL-padded), version u32, reserved u32, pages
 * u64, entries u64; then entries x (hash u64, count u32); little-endian. */
SCRUB_API int scrub_linestats_save(const scrub_linestats *st, const char *path)
{
    if (!st || !path) return SCRUB_E_INVALID_ARG;
    FILE *f = fopen(path, "wb");
    if (!f) return SCRUB_E_IO;
    unsigned char head[32] = {0};
    memcpy(head, FILE_MAGIC, sizeof FILE_MAGIC - 1);
    put_le(head + 8, FILE_VERSION, 4);
    put_le(head + 16, st->pages, 8);
    put_le(head + 24, st->n, 8);
    bool ok = fwrite(head, 1, sizeof head, f) == sizeof head;
    for (size_t i = 0; ok && i < st->cap; i++) {
        if (!st->keys[i]) continue;
        unsigned char rec[RECORD_SIZE];
        put_le(rec, st->keys[i], 8);
        put_le(rec + 8, st->counts[i], 4);
        ok = fwrite(rec, 1, sizeof rec, f) == sizeof rec;
    }
    if (fclose(f) != 0) ok = false;
    return ok ? SCRUB_OK : SCRUB_E_IO;
}

static int read_entries(FILE *f, scrub_linestats *st, uint64_t n)
{
    for (uint64_t k = 0; k < n; k++) {
        unsigned char rec[RECORD_SIZE];
        if (fread(rec, 1, sizeof rec, f) != sizeof rec) return SCRUB_E_FORMAT;
        uint64_t key = get_le(rec, 8);
        uint32_t count = (uint32_t)get_le(rec + 8, 4);
        if (!key || !count) return SCRUB_E_FORMAT;
        if (st->n >= st->max_entries && prune(st, 1 + headroom(st)) != SCRUB_OK)
            return SCRUB_E_NOMEM;
        size_t j = slot_of(st, key);
        if (st->keys[j]) return SCRUB_E_FORMAT; /* duplicate hash */
        st->keys[j] = key;
        st->counts[j] = count;
        st->n++;
    }
    return fgetc(f) == EOF ? SCRUB_OK : SCRUB_E_FORMAT;
}

SCRUB_API int scrub_linestats_load(const char *path, size_t max_entries, scrub_linestats **out)
{
    if (!out) return SCRUB_E_INVALID_ARG;
    *out = NULL;
    if (!path) return SCRUB_E_INVALID_ARG;
    FILE *f = fopen(path, "rb");
    if (!f) return SCRUB_E_IO;
    unsigned char head[32];
    int rc = SCRUB_OK;
    if (fread(head, 1, sizeof head, f) != sizeof head ||
        memcmp(head, FILE_MAGIC, sizeof FILE_MAGIC) != 0 || get_le(head + 8, 4) != FILE_VERSION)
        rc = SCRUB_E_FORMAT;
    scrub_linestats *st = NULL;
    if (rc == SCRUB_OK) {
        st = scrub_linestats_new(max_entries);
        if (!st) rc = SCRUB_E_NOMEM;
    }
    if (rc == SCRUB_OK) {
        st->pages = get_le(head + 16, 8);
        rc = read_entries(f, st, get_le(head + 24, 8));
    }
    fclose(f);
    if (rc != SCRUB_OK) {
        scrub_linestats_free(st);
        return rc;
    }
    *out = st;
    return SCRUB_OK;
}
