/*
 * zh.c -- Simplified/Traditional Chinese conversion with OpenCC's data.
 *
 * The tables (build/gen/zh_tables.h, made by mk/zh_gen.py) are static const:
 * no load step, shared by every context, thread-safe by construction.
 *
 * The model is OpenCC's: a configuration is an optional segmentation
 * dictionary and a chain of groups (ordered lists of dictionaries; at a
 * position the first dictionary with any match gives its longest match).
 * Text is cut into segments, then each group converts each segment in turn
 * by forward maximum matching inside it.  A configuration without a
 * segmentation dictionary treats the text as one segment.
 *
 * Three paths:
 *   - fast: one group, straight from UTF-8 to UTF-8.  A 3-byte character
 *     costs one lookup in a fused table (the XOR of its bytes with its
 *     result's) and one 4-byte store; where a longer key starts with it, a
 *     pair filter on it and the next character decides whether the trie
 *     gets walked (greedy, or the lattice over clusters of crossing
 *     matches).  s2t, whose keys mostly give their characters' own
 *     results, copies those and matches exactly only from the last cut
 *     before a key that changes the text (zh_run_pairs).
 *   - windows (convert_regions): plans of two steps (auto -> hans, tw/hk ->
 *     hans, tw <-> hk).  A per-plan pair filter finds the few positions
 *     where a key of either step may start; only windows around them take
 *     the general path, every other character gets its single-character
 *     result through both steps from one fused table.
 *   - general: the line is decoded into code points, segmented (greedy or
 *     lattice), and every group of the chain converts the segments.
 */
#include "internal.h"

#include "zh_tables.h"

#define ZH_HASH_MUL UINT64_C(0x9E3779B97F4A7C15)
#define ZH_EDGE_KEY_MASK ((UINT64_C(1) << 41) - 1)
#define ZH_NO_GROUP (-1)
#define ZH_NO_DICT (-1)

/* For the per-character helpers of the fast paths, which the compiler
 * stops inlining as the file grows. */
#if defined(__GNUC__)
#define ZH_INLINE inline __attribute__((always_inline))
#else
#define ZH_INLINE inline
#endif

/* For loops that get their own registers only outside their caller. */
#if defined(__GNUC__)
#define ZH_NOINLINE __attribute__((noinline))
#else
#define ZH_NOINLINE
#endif

/* ---- configurations ------------------------------------------------------ */

/* One OpenCC configuration: segmentation dictionary (ZH_NO_DICT: the whole
 * line is one segment) and up to three groups. */
typedef struct {
    int seg;
    int ngroups;
    int group[3];
} zh_conf;

/* A conversion: one or two configurations run one after the other (tw->hk
 * is tw2t then t2hk, as OpenCC chains whole converters). */
typedef struct {
    int nconf;
    zh_conf conf[2];
} zh_plan;

static zh_conf conf_one(int group)
{
    zh_conf c = {ZH_NO_DICT, 1, {group, 0, 0}};
    return c;
}

static zh_conf conf_two(int seg, int g1, int g2)
{
    zh_conf c = {seg, 2, {g1, g2, 0}};
    return c;
}

static int ts_group(unsigned flags)
{
    return (flags & SCRUB_ZH_RARE_FORMS) ? ZH_G_TSX : ZH_G_TS;
}

/* Traditional (standard forms) to `to`. */
static zh_conf conf_from_hant(int to, unsigned flags)
{
    bool p = flags & SCRUB_ZH_PHRASES;
    switch (to) {
    case SCRUB_ZH_HANS: return conf_one(ts_group(flags));
    case SCRUB_ZH_TW: return conf_one(p ? ZH_G_TWVP : ZH_G_TWV);
    case SCRUB_ZH_HK: return conf_one(p ? ZH_G_HKVP : ZH_G_HKV);
    default: return (zh_conf){ZH_NO_DICT, 0, {0, 0, 0}};
    }
}

/* Simplified to `to`. */
static zh_conf conf_from_hans(int to, unsigned flags)
{
    bool p = flags & SCRUB_ZH_PHRASES;
    switch (to) {
    case SCRUB_ZH_HANT: return conf_one(ZH_G_ST);
    case SCRUB_ZH_TW: return conf_two(ZH_D_STP, ZH_G_ST, p ? ZH_G_TWVP : ZH_G_TWV);
    case SCRUB_ZH_HK: return conf_two(ZH_D_STP, ZH_G_ST, p ? ZH_G_HKVP : ZH_G_HKV);
    default: return (zh_conf){ZH_NO_DICT, 0, {0, 0, 0}};
    }
}

/* The plan for a known source (not auto). */
static zh_plan plan_for(int from, int to, unsigned flags)
{
    bool p = flags & SCRUB_ZH_PHRASES;
    zh_plan pl = {1, {{ZH_NO_DICT, 0, {0, 0, 0}}, {ZH_NO_DICT, 0, {0, 0, 0}}}};
    if (from == to) return pl;
    switch (from) {
    case SCRUB_ZH_HANS: pl.conf[0] = conf_from_hans(to, flags); break;
    case SCRUB_ZH_HANT: pl.conf[0] = conf_from_hant(to, flags); break;
    case SCRUB_ZH_TW:
        if (to == SCRUB_ZH_HANS) {
            pl.conf[0] = conf_two(ZH_D_TSP, p ? ZH_G_TWVRP : ZH_G_TWVR, ts_group(flags));
        } else {
            pl.conf[0] = conf_one(p ? ZH_G_TWVRP : ZH_G_TWVR);
            if (to == SCRUB_ZH_HK) pl.conf[pl.nconf++] = conf_from_hant(to, flags);
        }
        break;
    case SCRUB_ZH_HK:
        if (to == SCRUB_ZH_HANS) {
            pl.conf[0] = conf_two(ZH_D_TSP, p ? ZH_G_HKVRP : ZH_G_HKVR, ts_group(flags));
        } else {
            pl.conf[0] = conf_one(p ? ZH_G_HKVRP : ZH_G_HKVR);
            if (to == SCRUB_ZH_TW) pl.conf[pl.nconf++] = conf_from_hant(to, flags);
        }
        break;
    default: break;
    }
    return pl;
}

/* auto -> hans: Taiwan and Hong Kong variants folded, then t2s. */
static zh_plan plan_auto_hans(unsigned flags)
{
    bool p = flags & SCRUB_ZH_PHRASES;
    zh_plan pl = {1, {conf_two(ZH_D_TSP, p ? ZH_G_VRP : ZH_G_VR, ts_group(flags)),
                      {ZH_NO_DICT, 0, {0, 0, 0}}}};
    return pl;
}

/* ---- tables -------------------------------------------------------------- */

static inline uint32_t zh_rec(int group, uint32_t cp)
{
    return zh_rec_blocks[zh_rec_index[group][cp >> 8]][cp & 0xFF];
}

/* ---- fast tables: 3-byte UTF-8 straight to 3-byte UTF-8 -------------------- */

/* The 3 bytes at s as b0 | b1 << 8 | b2 << 16 (the layout of the fast
 * tables' XOR deltas); `avail` bytes are readable (at least 3). */
static inline uint32_t zh_load3(const unsigned char *s, size_t avail)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (SCRUB_LIKELY(avail >= 4)) {
        uint32_t v;
        memcpy(&v, s, 4);
        return v & 0xFFFFFFu;
    }
#else
    (void)avail;
#endif
    return (uint32_t)s[0] | ((uint32_t)s[1] << 8) | ((uint32_t)s[2] << 16);
}

/* The 4 bytes at s in zh_load3's layout, the 4th in bits 24..31: for the
 * loops that only look at the low 3 (zh_is3, ZH_FAST_ENTRY, zh_store3,
 * whose 4th byte is overwritten or slack anyway). */
static inline uint32_t zh_load4(const unsigned char *s)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint32_t v;
    memcpy(&v, s, 4);
    return v;
#else
    return zh_load3(s, 4);
#endif
}

/* Writes the 3 bytes of v (layout of zh_load3); may write a 4th byte, so
 * the output needs one byte of slack. */
static inline void zh_store3(char *w, uint32_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(w, &v, 4);
#else
    w[0] = (char)v;
    w[1] = (char)(v >> 8);
    w[2] = (char)(v >> 16);
#endif
}

/* The fused-table entry of the 3 bytes v (zh_load3 layout) in the table
 * with this index; any bits give an entry of the table. */
#define ZH_FAST_ENTRY(index, v) \
    zh_fast_blocks[(index)[(((v) & 0x0F) << 6) | (((v) >> 8) & 0x3F)]][((v) >> 16) & 0x3F]

/* zh_run3 moves the flags onto ZH_FAST_TRIG's bit with one shift. */
_Static_assert(ZH_FAST_SLOW << 1 == ZH_FAST_TRIG && ZH_FAST_SECOND >> 1 == ZH_FAST_TRIG,
               "fast table flag bits");

/* Is v (zh_load3 layout) a lead byte 1110xxxx and two continuation bytes?
 * (Overlong forms and surrogates are ZH_FAST_SLOW in the tables.) */
static inline bool zh_is3(uint32_t v)
{
    return (v & 0xC0C0F0u) == 0x8080E0u;
}

/* The code point of a 3-byte character v in zh_load3's layout. */
static inline uint32_t zh_cp3(uint32_t v)
{
    return ((v & 0x0F) << 12) | ((v & 0x3F00) >> 2) | ((v >> 16) & 0x3F);
}

static inline int zh_class(uint32_t cp)
{
    return zh_class_blocks[zh_class_index[cp >> 8]][cp & 0xFF];
}

/* CJK compatibility ideographs -> unified ideographs (always applied). */
static inline uint32_t zh_fold_compat(uint32_t cp)
{
    if (SCRUB_LIKELY(cp < 0xF900) || (cp > 0xFAFF && (cp < 0x2F800 || cp > 0x2FA1F))) return cp;
    uint32_t r = zh_rec(ZH_G_CJK, cp);
    return (r & ZH_REC_HAS) ? (r & ZH_REC_CP) : cp;
}

/* The child of trie node `parent` along cp (with ZH_TERM set when a key
 * ends there), or 0. */
static inline uint32_t zh_child(const zh_dict_info *d, uint32_t parent, uint32_t cp)
{
    uint64_t key = ((uint64_t)parent << 21) | cp;
    uint32_t mask = (1u << d->bits) - 1;
    uint32_t h = (uint32_t)((key * ZH_HASH_MUL) >> (64 - d->bits));
    const uint64_t *slots = zh_edges + d->edge_off;
    for (;;) {
        uint64_t s = slots[h];
        if (!s) return 0;
        if ((s & ZH_EDGE_KEY_MASK) == key) return (uint32_t)(s >> 41);
        h = (h + 1) & mask;
    }
}

static inline bool zh_bloom_has(uint64_t h)
{
    return zh_bloom[h >> 3] & (1u << (h & 7));
}

/* May a key of the dictionary with this root start with c1 c2?  Most
 * positions are answered here, from 128 KiB, without touching the trie. */
static inline bool zh_pair_maybe(uint32_t root, uint32_t c1, uint32_t c2)
{
    uint64_t key = ((uint64_t)root << 42) | ((uint64_t)c1 << 21) | c2;
    return zh_bloom_has(((key ^ (key >> 29)) * ZH_HASH_MUL) >> (64 - ZH_BLOOM_BITS));
}

/* The node after the first character of a key of `dict` (with ZH_TERM),
 * or 0. */
static inline uint32_t zh_first(int dict, uint32_t cp)
{
    return zh_first_blocks[zh_first_index[dict][cp >> 8]][cp & 0xFF];
}

/* The child of a node below the second level, the bloom filter first. */
static inline uint32_t zh_next(const zh_dict_info *d, uint32_t parent, uint32_t cp)
{
    uint64_t key = ((uint64_t)parent << 21) | cp;
    if (!zh_bloom_has((key * ZH_HASH_MUL) >> (64 - ZH_BLOOM_BITS))) return 0;
    return zh_child(d, parent, cp);
}

/* Walks `dict` along cps[0..n) and calls back at every key end; stops at
 * the first character that continues no key. */
#define ZH_WALK(dict, cps, n, ON_KEY)                                                  \
    do {                                                                               \
        const zh_dict_info *d_ = &zh_dicts[dict];                                      \
        size_t n_ = (n) < d_->max_key ? (n) : d_->max_key;                             \
        size_t i_ = 0;                                                                 \
        uint32_t node_ = n_ ? zh_first(dict, (cps)[0]) : 0;                            \
        if (!node_) break;                                                             \
        if (node_ & ZH_TERM) ON_KEY(1, node_ & ZH_NODE_MASK);                          \
        if (n_ < 2 || !zh_pair_maybe(d_->root, (cps)[0], (cps)[1])) break;             \
        node_ = zh_child(d_, node_ & ZH_NODE_MASK, (cps)[1]);                          \
        for (i_ = 2; node_; i_++) {                                                    \
            if (node_ & ZH_TERM) ON_KEY(i_, node_ & ZH_NODE_MASK);                     \
            if (i_ >= n_) break;                                                       \
            node_ = zh_next(d_, node_ & ZH_NODE_MASK, (cps)[i_]);                      \
        }                                                                              \
    } while (0)

/* Longest key of dictionary `dict` that prefixes cps[0..n): its length in
 * code points (0 if none) and its value reference in *val. */
static size_t dict_longest(int dict, const uint32_t *cps, size_t n, uint32_t *val)
{
    size_t best = 0;
#define ZH_ON_LONGEST(len, node)                                                       \
    do {                                                                               \
        best = (len);                                                                  \
        *val = zh_node_val[node];                                                      \
    } while (0)
    ZH_WALK(dict, cps, n, ZH_ON_LONGEST);
#undef ZH_ON_LONGEST
    return best;
}

/* Lengths (>= 2) of every key of `dict` that prefixes cps[0..n), ascending,
 * into lens[] (and their weights into weights[]); returns how many. */
static size_t dict_all(int dict, const uint32_t *cps, size_t n, uint8_t *lens, uint8_t *weights)
{
    size_t count = 0;
#define ZH_ON_ALL(len, node)                                                           \
    do {                                                                               \
        if ((len) >= 2) {                                                              \
            weights[count] = zh_node_weight[node];                                     \
            lens[count++] = (uint8_t)(len);                                            \
        }                                                                              \
    } while (0)
    ZH_WALK(dict, cps, n, ZH_ON_ALL);
#undef ZH_ON_ALL
    return count;
}

static inline const char *val_bytes(uint32_t val, size_t *len)
{
    *len = val & 63;
    return zh_pool + (val >> 6);
}

/* ---- state ----------------------------------------------------------------- */

typedef struct {
    uint32_t *a, *b; /* code point buffers (line, stage output) */
    uint32_t *seg_a, *seg_b; /* segment start offsets into a / b */
    uint64_t *cost;
    size_t *ends; /* byte offsets, see zh_cursor */
    uint8_t *choice;
    size_t cap;     /* elements in a, b, seg_a, seg_b, cost, choice */
    scrub__buf pre; /* the line after width/quote folding */
    bool folded;    /* a compatibility ideograph was folded (see convert_fast) */
} zh_state;

static void zh_state_free(void *p)
{
    zh_state *st = p;
    scrub__free(st->a);
    scrub__free(st->b);
    scrub__free(st->seg_a);
    scrub__free(st->seg_b);
    scrub__free(st->cost);
    scrub__free(st->ends);
    scrub__free(st->choice);
    scrub__buf_free(&st->pre);
}

/* Room for n code points (plus one) in every scratch array. */
static int zh_reserve(zh_state *st, size_t n)
{
    if (n + 1 <= st->cap) return SCRUB_OK;
    size_t cap = st->cap ? st->cap : 256;
    while (cap < n + 1) cap *= 2;
    uint32_t **u32[] = {&st->a, &st->b, &st->seg_a, &st->seg_b};
    for (size_t i = 0; i < sizeof u32 / sizeof u32[0]; i++) {
        uint32_t *p = scrub__realloc(*u32[i], cap * sizeof(uint32_t));
        if (!p) return SCRUB_E_NOMEM;
        *u32[i] = p;
    }
    uint64_t *cost = scrub__realloc(st->cost, cap * sizeof(uint64_t));
    if (!cost) return SCRUB_E_NOMEM;
    st->cost = cost;
    size_t *ends = scrub__realloc(st->ends, cap * sizeof(size_t));
    if (!ends) return SCRUB_E_NOMEM;
    st->ends = ends;
    uint8_t *c = scrub__realloc(st->choice, cap);
    if (!c) return SCRUB_E_NOMEM;
    st->choice = c;
    st->cap = cap;
    return SCRUB_OK;
}

/* ---- decoding ---------------------------------------------------------------- */

/* Decodes one code point at s[0..n) (n >= 1) and counts an invalid
 * sequence (a real U+FFFD in the input is not counted). */
static inline size_t zh_decode(const unsigned char *s, size_t n, uint32_t *cp, size_t *repl)
{
    size_t k = scrub__utf8_decode(s, n, cp);
    if (SCRUB_UNLIKELY(*cp == SCRUB__REPLACEMENT) && !(k == 3 && s[0] == 0xEF))
        ++*repl;
    return k;
}

/* zh_decode with the common case (a valid 3-byte sequence: all of CJK)
 * inline. */
static ZH_INLINE size_t zh_decode_fast(const unsigned char *s, size_t n, uint32_t *cp, size_t *repl)
{
    if ((s[0] & 0xF0) == 0xE0 && n >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        uint32_t c = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
            *cp = c;
            return 3;
        }
    }
    return zh_decode(s, n, cp, repl);
}

/* Writes a valid scalar value as UTF-8; returns its length. */
static inline size_t zh_encode(uint32_t cp, char *w)
{
    if (cp < 0x80) {
        w[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        w[0] = (char)(0xC0 | (cp >> 6));
        w[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        w[0] = (char)(0xE0 | (cp >> 12));
        w[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        w[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    w[0] = (char)(0xF0 | (cp >> 18));
    w[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    w[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    w[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Is (c1, c2) in pair set `id` of the filter `bloom` (zh_multi_bloom: a
 * plan of zh_multi; zh_group_bloom: a group)?  Three probes
 * (mk/zh_gen.py: multi_probes). */
static inline bool pair_maybe3(const uint8_t *bloom, int id, uint32_t c1, uint32_t c2)
{
    uint64_t key = ((uint64_t)id << 42) | ((uint64_t)c1 << 21) | c2;
    uint64_t h = (key ^ (key >> 31)) * ZH_HASH_MUL;
    uint64_t mask = (UINT64_C(1) << ZH_MULTI_BLOOM_BITS) - 1;
    uint64_t h1 = h >> (64 - ZH_MULTI_BLOOM_BITS), h2 = (h >> 20) & mask, h3 = h & mask;
    return (bloom[h1 >> 3] >> (h1 & 7) & 1) && (bloom[h2 >> 3] >> (h2 & 7) & 1) &&
           (bloom[h3 >> 3] >> (h3 & 7) & 1);
}

/* Is the 3-byte character v and the character at next[0..n) a pair of
 * pair set `id` of `bloom`? */
static ZH_INLINE bool pair_follows(const uint8_t *bloom, int id, uint32_t v, const unsigned char *next,
                                size_t n)
{
    if (!n) return false;
    uint32_t c1 = zh_cp3(v), c2 = next[0];
    size_t dummy = 0; /* replacements are counted where the text is converted */
    if (c2 >= 0x80) zh_decode_fast(next, n, &c2, &dummy);
    return pair_maybe3(bloom, id, zh_fold_compat(c1), zh_fold_compat(c2));
}

/* Does a pair of set `id` start with the 3-byte character v (marked
 * ZH_FAST_TRIG in `index`) and the character at next[0..n)?  A following
 * 3-byte character that is no pair's second settles it with one lookup. */
static ZH_INLINE bool pair_starts(const uint16_t *index, const uint8_t *bloom, int id, uint32_t v,
                               const unsigned char *next, size_t n)
{
    if (n >= 3) {
        uint32_t v2 = zh_load3(next, n);
        if (zh_is3(v2) &&
            !(ZH_FAST_ENTRY(index, v2) &
              (ZH_FAST_SECOND | ZH_FAST_SLOW)))
            return false;
    }
    return pair_follows(bloom, id, v, next, n);
}

/* Does a pair of set `id` start with the 3-byte character v (marked
 * ZH_FAST_TRIG in `index`) and the character at next[0..n), whose first 3
 * bytes v2 the caller has loaded (0 if fewer)? */
static ZH_INLINE bool pair_starts2(const uint16_t *index, const uint8_t *bloom, int id, uint32_t v,
                                   uint32_t v2, const unsigned char *next, size_t n)
{
    if (zh_is3(v2) &&
        !(ZH_FAST_ENTRY(index, v2) &
          (ZH_FAST_SECOND | ZH_FAST_SLOW)))
        return false;
    return pair_follows(bloom, id, v, next, n);
}

/* Converts the run of characters at s[*i..len) that the fast table of
 * `group` settles into *w: per character one table lookup and one 4-byte
 * store, plus a pair test where a longer key starts with the character.
 * Stops at any other byte, and where a key may start. */
static inline void zh_run3(int group, const unsigned char *s, size_t len, size_t *i, char **w)
{
    const uint16_t *index = zh_fast_index[group];
    const bool second = zh_group_second[group];
    size_t at = *i;
    char *to = *w;
    if (second && len - at >= 7 && zh_is3(zh_load3(s + at, 4))) { /* 4 bytes readable after the next character */
        const unsigned char *p = s + at, *lim = s + len - 7;
        uint32_t v = zh_load4(p), f = ZH_FAST_ENTRY(index, v);
        for (;;) {
            /* The next character's entry, this round's pair test and next
             * round's lookup at once: a trigger followed by a character
             * with ZH_FAST_SECOND or ZH_FAST_SLOW takes the bloom, the
             * rest costs no branch of its own.  The last character of a
             * run is left to the loop below. */
            uint32_t v2 = zh_load4(p + 3);
            if (!zh_is3(v2)) break;
            uint32_t f2 = ZH_FAST_ENTRY(index, v2);
            if (SCRUB_UNLIKELY((f & ZH_FAST_SLOW) | (f & ((f2 >> 1) | (f2 << 1)) & ZH_FAST_TRIG)) &&
                ((f & ZH_FAST_SLOW) || pair_follows(zh_group_bloom, group, v, p + 3, (size_t)(s + len - p - 3)))) {
                *i = (size_t)(p - s); /* a key may start here */
                *w = to;
                return;
            }
            zh_store3(to, v ^ f);
            to += 3;
            p += 3;
            if (p > lim) break;
            v = v2;
            f = f2;
        }
        at = (size_t)(p - s);
    }
    while (len - at >= 3) {
        uint32_t v = zh_load3(s + at, len - at);
        if (!zh_is3(v)) break;
        uint32_t f = ZH_FAST_ENTRY(index, v);
        if (f & (ZH_FAST_SLOW | ZH_FAST_TRIG)) {
            /* a longer key starts with this character: does one start with
             * this character and the next? */
            if ((f & ZH_FAST_SLOW) ||
                (second ? pair_starts(index, zh_group_bloom, group, v, s + at + 3, len - at - 3)
                        : pair_follows(zh_group_bloom, group, v, s + at + 3, len - at - 3)))
                break;
            f &= ~ZH_FAST_TRIG;
        }
        zh_store3(to, v ^ f);
        to += 3;
        at += 3;
    }
    *i = at;
    *w = to;
}

/* Decodes a line into st->a (compatibility ideographs folded); returns the
 * number of code points. */
static size_t decode_line(zh_state *st, const char *line, size_t len, size_t *repl)
{
    const unsigned char *s = (const unsigned char *)line;
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = s[i];
        if (cp < 0x80) {
            i++;
        } else {
            i += zh_decode_fast(s + i, len - i, &cp, repl);
            cp = zh_fold_compat(cp);
        }
        st->a[n++] = cp;
    }
    return n;
}

/* ---- width and quotation marks -------------------------------------------- */

/* Halfwidth katakana U+FF61..U+FF9F -> fullwidth (voicing marks separate). */
static const uint16_t zh_halfwidth_kana[0x3F] = {
    0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9,
    0x30E3, 0x30E5, 0x30E7, 0x30C3, 0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB,
    0x30AD, 0x30AF, 0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1,
    0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5,
    0x30D8, 0x30DB, 0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9,
    0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3, 0x309B, 0x309C};

/* The kana with a voiced (dakuten) or semi-voiced (handakuten) mark
 * composed, or 0 when there is no such character. */
static uint32_t kana_compose(uint32_t base, uint32_t mark)
{
    if (mark == 0x309B) {
        if (base == 0x30A6) return 0x30F4;
        if ((base >= 0x30AB && base <= 0x30C1 && base % 2 == 1) ||
            (base >= 0x30C4 && base <= 0x30C8 && base % 2 == 0))
            return base + 1;
        if (base >= 0x30CF && base <= 0x30DB && (base - 0x30CF) % 3 == 0) return base + 1;
        if (base == 0x30EF) return 0x30F7;
        return 0;
    }
    if (base >= 0x30CF && base <= 0x30DB && (base - 0x30CF) % 3 == 0) return base + 2;
    return 0;
}

static uint32_t quote_for(uint32_t cp, int to)
{
    bool trad = to != SCRUB_ZH_HANS;
    static const uint32_t curly[4] = {0x201C, 0x201D, 0x2018, 0x2019};
    static const uint32_t corner[4] = {0x300C, 0x300D, 0x300E, 0x300F};
    const uint32_t *from = trad ? curly : corner, *into = trad ? corner : curly;
    for (int i = 0; i < 4; i++)
        if (cp == from[i]) return into[i];
    return cp;
}

/* Width folding and quotation marks, into st->pre. */
static int prefold(zh_state *st, const char *line, size_t len, int to, unsigned flags,
                   size_t *repl)
{
    const unsigned char *s = (const unsigned char *)line;
    scrub__buf_clear(&st->pre);
    for (size_t i = 0; i < len;) {
        uint32_t cp = s[i];
        size_t k = cp < 0x80 ? 1 : zh_decode(s + i, len - i, &cp, repl);
        i += k;
        if (flags & SCRUB_ZH_FOLD_WIDTH) {
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                cp -= 0xFEE0;
            } else if (cp >= 0xFF61 && cp <= 0xFF9F) {
                cp = zh_halfwidth_kana[cp - 0xFF61];
                uint32_t next = 0;
                if (i + 3 <= len) scrub__utf8_decode(s + i, len - i, &next);
                if (next == 0xFF9E || next == 0xFF9F) {
                    uint32_t c = kana_compose(cp, next == 0xFF9E ? 0x309B : 0x309C);
                    if (c) {
                        cp = c;
                        i += 3;
                    }
                }
            }
        }
        if (flags & SCRUB_ZH_QUOTES) cp = quote_for(cp, to);
        scrub__buf_put_cp(&st->pre, cp);
    }
    return st->pre.failed ? SCRUB_E_NOMEM : SCRUB_OK;
}

/* ---- general path ---------------------------------------------------------- */

/* Greedy segmentation (OpenCC's maximum matching): a match is a segment,
 * unmatched code points between matches form one segment.  Writes segment
 * starts into seg[] and returns their count. */
static size_t segment_greedy(int dict, const uint32_t *cps, size_t n, uint32_t *seg)
{
    size_t nseg = 0;
    bool in_run = false;
    for (size_t i = 0; i < n;) {
        uint32_t val;
        size_t len = dict_longest(dict, cps + i, n - i, &val);
        if (len) {
            seg[nseg++] = (uint32_t)i;
            in_run = false;
            i += len;
        } else {
            if (!in_run) seg[nseg++] = (uint32_t)i;
            in_run = true;
            i++;
        }
    }
    return nseg;
}

/* Lattice segmentation: over all the dictionary's matches, the fewest
 * segments (an unmatched code point is a segment of its own); among equal
 * counts the larger sum of word weights (how many dictionary keys contain
 * the word: the data has no frequencies); then the shorter segment first,
 * i.e. the later word where matches overlap.  A segment costs 2^32 minus
 * its weight, so one comparison of sums orders by count, then weight.
 * Runs of single code points are merged, as in greedy mode. */
#define ZH_SEG_COST (UINT64_C(1) << 32)

static size_t segment_lattice(zh_state *st, int dict, const uint32_t *cps, size_t n,
                              uint32_t *seg)
{
    uint64_t *cost = st->cost;
    uint8_t *choice = st->choice;
    uint8_t lens[ZH_MAX_KEY], weights[ZH_MAX_KEY];
    cost[n] = 0;
    for (size_t i = n; i-- > 0;) {
        uint64_t best = cost[i + 1] + ZH_SEG_COST;
        uint8_t pick = 1;
        size_t m = dict_all(dict, cps + i, n - i, lens, weights);
        for (size_t j = 0; j < m; j++) {
            uint64_t c = cost[i + lens[j]] + ZH_SEG_COST - weights[j];
            if (c < best) {
                best = c;
                pick = lens[j];
            }
        }
        cost[i] = best;
        choice[i] = pick;
    }
    size_t nseg = 0;
    bool in_run = false;
    for (size_t i = 0; i < n;) {
        size_t len = choice[i];
        if (len > 1 || !in_run) seg[nseg++] = (uint32_t)i;
        in_run = len == 1;
        i += len;
    }
    return nseg;
}

/* Forward maximum matching of one segment src[0..n) with a group; appends
 * to dst at *dn. */
static void convert_segment(int group, const uint32_t *src, size_t n, uint32_t *dst, size_t *dn)
{
    for (size_t i = 0; i < n;) {
        uint32_t r = zh_rec(group, src[i]);
        if (!(r & ZH_REC_STARTS)) {
            dst[(*dn)++] = (r & ZH_REC_HAS) ? (r & ZH_REC_CP) : src[i];
            i++;
            continue;
        }
        /* the dictionaries with longer keys come first in every group; when
         * none matches, the record holds the single-character answer */
        const zh_group_info *g = &zh_groups[group];
        uint32_t val;
        size_t len = 0;
        int d = 0;
        for (; !len && d < g->n && zh_dicts[g->dict[d]].max_key > 1; d++) {
            const zh_dict_info *di = &zh_dicts[g->dict[d]];
            /* most positions fail the pair filter: no walk */
            if (di->has_single || (n - i >= 2 && zh_pair_maybe(di->root, src[i], src[i + 1])))
                len = dict_longest(g->dict[d], src + i, n - i, &val);
        }
        if (!len && (r & ZH_REC_HAS)) {
            dst[(*dn)++] = r & ZH_REC_CP;
            i++;
            continue;
        }
        for (; !len && d < g->n; d++) len = dict_longest(g->dict[d], src + i, n - i, &val);
        if (!len) {
            dst[(*dn)++] = src[i++];
            continue;
        }
        size_t vlen;
        const unsigned char *v = (const unsigned char *)val_bytes(val, &vlen);
        for (size_t k = 0; k < vlen;) {
            uint32_t cp;
            k += scrub__utf8_decode(v + k, vlen - k, &cp);
            dst[(*dn)++] = cp;
        }
        i += len;
    }
}

/* ---- fast path: one group, UTF-8 to UTF-8 ---------------------------------- */

/* Length of the run of ASCII bytes at s[0..n). */
static inline size_t ascii_run(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        w &= UINT64_C(0x8080808080808080);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        if (w) return i + ((size_t)__builtin_ctzll(w) >> 3); /* the first high bit's byte */
#else
        if (w) break;
#endif
        i += 8;
    }
    while (i < n && s[i] < 0x80) i++;
    return i;
}

/* Length of the run of ASCII bytes at s[0..n) that start no key of the
 * group whose zh_group_stop row is `stop` (keys such as B超, U盤, SQL注入
 * start with ASCII); word at a time for a group without such keys. */
static inline size_t ascii_plain(const uint8_t *stop, bool keys, const unsigned char *s, size_t n)
{
    if (SCRUB_LIKELY(!keys)) return ascii_run(s, n);
    size_t k = 0;
    while (k < n && !stop[s[k]]) k++;
    return k;
}

/* Code points decoded on demand from the bytes after a position where a
 * key may start: st->a[k] is the kth code point, st->ends[k] the byte
 * offset just past it. */
typedef struct {
    zh_state *st;
    const unsigned char *s;
    size_t n;
    size_t m; /* decoded so far */
} zh_cursor;

/* Decodes up to `want` code points; returns how many are available (fewer
 * at the end of the line), or 0 with *rc set when out of memory. */
static inline size_t cursor_fill(zh_cursor *c, size_t want, int *rc)
{
    if (want <= c->m) return c->m;
    if (want > c->st->cap && zh_reserve(c->st, want) != SCRUB_OK) {
        *rc = SCRUB_E_NOMEM;
        return 0;
    }
    size_t off = c->m ? c->st->ends[c->m - 1] : 0;
    size_t dummy = 0; /* replacements are counted by the main loop */
    while (c->m < want && off < c->n) {
        uint32_t cp = c->s[off];
        size_t k = cp < 0x80 ? 1 : zh_decode_fast(c->s + off, c->n - off, &cp, &dummy);
        off += k;
        c->st->a[c->m] = zh_fold_compat(cp);
        c->st->folded |= c->st->a[c->m] != cp;
        c->st->ends[c->m++] = off;
    }
    return c->m;
}

/* Longest key of `dict` at code point index j of the cursor (0: none).
 * Two code points answer most positions (the pair filter); only where a
 * key may continue is the rest decoded. */
static size_t cursor_longest(zh_cursor *c, int dict, size_t j, uint32_t *val, int *rc)
{
    const zh_dict_info *d = &zh_dicts[dict];
    size_t have = cursor_fill(c, j + 2, rc);
    if (have <= j) return 0;
    const uint32_t *a = c->st->a;
    size_t best = 0;
    uint32_t node = zh_first(dict, a[j]);
    if (!node) return 0;
    if (node & ZH_TERM) {
        best = 1;
        *val = zh_node_val[node & ZH_NODE_MASK];
    }
    if (have - j < 2 || d->max_key < 2 || !zh_pair_maybe(d->root, a[j], a[j + 1])) return best;
    node = zh_child(d, node & ZH_NODE_MASK, a[j + 1]);
    for (size_t i = 2; node; i++) {
        if (node & ZH_TERM) {
            best = i;
            *val = zh_node_val[node & ZH_NODE_MASK];
        }
        if (i >= d->max_key) break;
        if (j + i >= c->m && cursor_fill(c, j + i + 1, rc) <= j + i) break;
        node = zh_next(d, node & ZH_NODE_MASK, c->st->a[j + i]);
    }
    return best;
}

static void put_val(uint32_t val, char **w)
{
    size_t vlen;
    const char *v = val_bytes(val, &vlen);
    memcpy(*w, v, vlen);
    *w += vlen;
}

/* Greedy step where a key may start: the group's match, or the code point
 * itself.  Returns the bytes consumed. */
static size_t greedy_step(zh_cursor *c, int group, uint32_t rec, char **w, int *rc)
{
    const zh_group_info *g = &zh_groups[group];
    for (int i = 0; i < g->n && zh_dicts[g->dict[i]].max_key > 1; i++) {
        uint32_t val;
        size_t len = cursor_longest(c, g->dict[i], 0, &val, rc);
        if (len) {
            put_val(val, w);
            return c->st->ends[len - 1];
        }
    }
    if (*rc) return 0;
    /* no longer key: the record holds the single-character answer */
    *w += zh_encode((rec & ZH_REC_HAS) ? (rec & ZH_REC_CP) : c->st->a[0], *w);
    return c->st->ends[0];
}

/* Lattice step where a key may start.  Lattice and greedy segmentation can
 * only differ where dictionary matches cross each other, so: take the
 * longest match at 0; if no match starting inside it reaches past its end,
 * it is the lattice's choice too.  Otherwise extend to the whole cluster of
 * crossing matches and run the lattice over it. */
static size_t lattice_step(zh_cursor *c, int group, uint32_t rec, char **w, int *rc)
{
    int seg = zh_groups[group].dict[0];
    uint32_t val;
    size_t len = cursor_longest(c, seg, 0, &val, rc);
    if (len < 2) return greedy_step(c, group, rec, w, rc);
    size_t end = len;
    for (size_t j = 1; j < end; j++) {
        uint32_t v;
        size_t lj = cursor_longest(c, seg, j, &v, rc);
        if (j + lj > end) end = j + lj;
    }
    if (*rc) return 0;
    if (end == len) {
        put_val(val, w);
        return c->st->ends[len - 1];
    }
    zh_state *st = c->st;
    if (zh_reserve(st, end * ZH_CP_GROWTH) != SCRUB_OK) {
        *rc = SCRUB_E_NOMEM;
        return 0;
    }
    size_t nseg = segment_lattice(st, seg, st->a, end, st->seg_a);
    size_t dn = 0;
    for (size_t k = 0; k < nseg; k++) {
        size_t from = st->seg_a[k], to = k + 1 < nseg ? st->seg_a[k + 1] : end;
        convert_segment(group, st->a + from, to - from, st->b, &dn);
    }
    for (size_t k = 0; k < dn; k++) *w += zh_encode(st->b[k], *w);
    return st->ends[end - 1];
}

/* ---- pair tables: phrases matched on the UTF-8 bytes ------------------------ */

/* Length of the UTF-8 sequence that lead byte b starts (0: no lead byte). */
static inline size_t zh_seq_len(unsigned char b)
{
    if (b < 0x80) return 1;
    if (b < 0xC2) return 0;
    if (b < 0xE0) return 2;
    if (b < 0xF0) return 3;
    return b < 0xF5 ? 4 : 0;
}

/* The bytes of the first two characters at s[0..n) as a little-endian
 * integer (mk/zh_gen.py: pack_pair); their length in *k, 0 when there are
 * not two (a pair that is no valid UTF-8 is in no table anyway). */
static inline uint64_t pair_pack(const unsigned char *s, size_t n, size_t *k)
{
    size_t a = zh_seq_len(s[0]), b = a && a < n ? zh_seq_len(s[a]) : 0;
    *k = 0;
    if (!b || a + b > n) return 0;
    uint64_t key = 0;
    for (size_t i = 0; i < a + b; i++) key |= (uint64_t)s[i] << (8 * i);
    *k = a + b;
    return key;
}

/* Do the input bytes s[0..n) start with the rest of candidate c?  `head`:
 * the first 3 input bytes (zh_load3 layout), 0 when there are fewer. */
static inline bool rest_matches(const zh_pair_cand *c, uint32_t head, const unsigned char *s,
                                size_t n)
{
    size_t rlen = c->rest & 63;
    if (rlen >= 3) {
        if (c->head != head || rlen > n) return false;
        if (rlen == 3) return true;
    } else if (rlen > n) {
        return false;
    }
    const char *k = zh_pool + (c->rest >> 6);
    for (size_t i = rlen >= 3 ? 3 : 0; i < rlen; i++)
        if (s[i] != (unsigned char)k[i]) return false;
    return true;
}

/* The pair key of the characters at s[0..n) (see pair_pack), the common
 * case of two 3-byte characters with two loads. */
static inline uint64_t pair_key(const unsigned char *s, size_t n, size_t *k)
{
    if (n >= 6) {
        uint32_t v1 = zh_load3(s, n), v2 = zh_load3(s + 3, n - 3);
        if (zh_is3(v1) && zh_is3(v2)) {
            *k = 6;
            return v1 | (uint64_t)v2 << 24;
        }
    }
    return pair_pack(s, n, k);
}

/* May a key of pair table p start with the pair `key`?  One bloom probe
 * (128 KiB for all tables, with pair_may_go_on's bits) answers most
 * positions; *h is the key's hash. */
static inline bool pair_bloom(const zh_pair_dict_info *p, uint64_t key, uint64_t *h)
{
    *h = (key ^ p->salt) * ZH_HASH_MUL;
    uint64_t b = *h >> (64 - ZH_PAIR_BLOOM_BITS);
    return (zh_pair_bloom[b >> 3] >> (b & 7)) & 1;
}

/* Starts loading the bloom line of the pair `key` (pair_bloom): nearly
 * every position of s2t probes the 128 KiB filter, which does not stay in
 * L1, and whether the probe passes is a coin toss for the branch predictor;
 * fetched one character early, a mispredicted probe no longer waits for
 * L2 as well. */
static inline void pair_prefetch(const zh_pair_dict_info *p, uint64_t key)
{
#if defined(__GNUC__)
    uint64_t b = ((key ^ p->salt) * ZH_HASH_MUL) >> (64 - ZH_PAIR_BLOOM_BITS);
    __builtin_prefetch(zh_pair_bloom + (b >> 3));
#else
    (void)p;
    (void)key;
#endif
}

/* pair_bloom's bit for the hash h. */
static inline uint32_t pair_bloom_bit(uint64_t h)
{
    uint64_t b = h >> (64 - ZH_PAIR_BLOOM_BITS);
    return (zh_pair_bloom[b >> 3] >> (b & 7)) & 1;
}

/* May a key that starts with the pair of hash h (pair_bloom) be the pair
 * itself, or go on with `head` (the next 3 input bytes, 0 when fewer)?
 * Bits for (pair, first 3 bytes after it) answer most of the pairs that
 * only start longer keys without probing the table; they sit in the
 * 64-byte line of the pair's own bit, which pair_bloom has just loaded:
 * a second filter elsewhere was a second cache miss per passing pair. */
static inline uint32_t pair_may_go_on(uint64_t h, uint32_t head)
{
    const uint8_t *line = zh_pair_bloom + (h >> (64 - ZH_PAIR_BLOOM_BITS + 9) << 6);
    uint64_t a = (h * ZH_HASH_MUL) >> 55, b = ((h ^ head) * ZH_HASH_MUL) >> 55;
    return ((line[a >> 3] >> (a & 7)) & 1) | ((line[b >> 3] >> (b & 7)) & 1);
}

/* A bit for the first 3 bytes of a key's rest (mk/zh_gen.py: head_bit). */
static inline uint32_t head_bit(uint32_t head)
{
    return (head * UINT32_C(0x9E3779B1)) >> 27;
}

/* The first 3 bytes at s[0..n) (zh_load3 layout), 0 when there are fewer:
 * what rest_matches compares first. */
static inline uint32_t rest_head(const unsigned char *s, size_t n)
{
    return n >= 3 ? zh_load3(s, n) : 0;
}

/* The keys of pair table p that start with the pair `key` (hash h) and
 * may go on with `head` (the next 3 input bytes), longest first: *count
 * of them (0: none).  The keys with 3 or more bytes after the pair are
 * skipped when none of them starts with a head of the same head_bit. */
static ZH_INLINE const zh_pair_cand *pair_find(const zh_pair_dict_info *p, uint64_t h, uint64_t key,
                                     uint32_t head, uint32_t *count)
{
    uint32_t mask = (1u << p->bits) - 1;
    *count = 0;
    for (uint32_t i = (uint32_t)(h >> (64 - p->bits));; i = (i + 1) & mask) {
        uint64_t slot = zh_pair_keys[p->off + i];
        if (!slot) return NULL;
        if (slot == key) {
            uint64_t info = zh_pair_info[p->off + i];
            const zh_pair_cand *c = zh_pair_cands + ((info >> 12) & 0xFFFFF);
            uint32_t n = info & 255, nshort = (info >> 8) & 15;
            if (!((info >> 32 >> head_bit(head)) & 1)) {
                c += n - nshort;
                n = nshort;
            }
            *count = n;
            return c;
        }
    }
}

/* The candidates of pair_lookup, longest first: the first that matches. */
static size_t pair_scan(const zh_pair_dict_info *p, uint64_t h, uint64_t key, size_t k,
                        uint32_t head, const unsigned char *s, size_t n, uint32_t *val)
{
    uint32_t count;
    const zh_pair_cand *c = pair_find(p, h, key, head, &count);
    for (uint32_t j = 0; j < count; j++) {
        if (rest_matches(&c[j], head, s + k, n - k)) {
            *val = c[j].val;
            return k + (c[j].rest & 63);
        }
    }
    return 0;
}

/* Longest key of pair table p at s[0..n) whose first two characters are
 * `key` (k bytes, hash h): its length in bytes, 0 if none, and its value
 * in *val. */
static inline size_t pair_lookup(const zh_pair_dict_info *p, uint64_t h, uint64_t key, size_t k,
                                 const unsigned char *s, size_t n, uint32_t *val)
{
    uint32_t head = rest_head(s + k, n - k);
    return pair_may_go_on(h, head) ? pair_scan(p, h, key, k, head, s, n, val) : 0;
}

static inline size_t pair_longest(const zh_pair_dict_info *p, uint64_t key, size_t k,
                                  const unsigned char *s, size_t n, uint32_t *val)
{
    uint64_t h;
    return pair_bloom(p, key, &h) ? pair_lookup(p, h, key, k, s, n, val) : 0;
}

/* Does a key of p that starts inside the match s[0..m), after its first
 * character, end past it?  Only then can the lattice segment differently
 * from the longest match (see lattice_step). */
static bool pair_crossed(const zh_pair_dict_info *p, const unsigned char *s, size_t n, size_t m)
{
    for (size_t j = zh_seq_len(s[0]); j < m; j += zh_seq_len(s[j])) {
        size_t k;
        uint32_t val;
        uint64_t key = pair_key(s + j, n - j, &k);
        if (k && j + pair_longest(p, key, k, s + j, n - j, &val) > m) return true;
    }
    return false;
}

/* The lattice over a cluster of crossing keys of pair table p, on the
 * bytes: the cluster starts at s[0] with a key of m bytes that a later key
 * crosses; it ends where no key starting inside it reaches further (as in
 * lattice_step).  Segments and costs are those of segment_lattice; a run of
 * single characters holds no whole key (one key segment would cost less),
 * so each of them gets its single-character result.  Writes to *w and
 * returns the bytes consumed; 0 (nothing written) when the cluster does
 * not fit the scratch arrays or holds a character the fused table does not
 * settle: the caller then takes the general path. */
static size_t pair_lattice(zh_state *st, const uint16_t *index, const zh_pair_dict_info *p,
                           const unsigned char *s, size_t n, size_t m, char **w)
{
    size_t *pos = st->ends; /* byte offset of each character of the cluster */
    uint64_t *cost = st->cost;
    uint8_t *choice = st->choice;
    uint32_t *vals = st->seg_a;
    size_t N = 0, end = m;
    for (size_t b = 0; b < end; b += zh_seq_len(s[b])) {
        /* inside the cluster, every character belongs to some key: valid */
        uint32_t v = end - b >= 3 ? zh_load3(s + b, n - b) : 0;
        if (N + 1 >= st->cap || !zh_is3(v) ||
            (ZH_FAST_ENTRY(index, v) &
             (ZH_FAST_SLOW | ZH_FAST_COMPAT)))
            return 0;
        pos[N++] = b;
        size_t k;
        uint32_t val;
        uint64_t key = b ? pair_key(s + b, n - b, &k) : 0;
        if (b && k) {
            size_t l = pair_longest(p, key, k, s + b, n - b, &val);
            if (b + l > end) end = b + l;
        }
    }
    pos[N] = end;
    cost[N] = 0;
    for (size_t t = N; t-- > 0;) {
        uint64_t best = cost[t + 1] + ZH_SEG_COST;
        uint8_t pick = 1;
        size_t k, avail = end - pos[t];
        uint64_t h, key = pair_key(s + pos[t], avail, &k);
        uint32_t count = 0, head = rest_head(s + pos[t] + k, avail - k);
        const zh_pair_cand *c = k && pair_bloom(p, key, &h) && pair_may_go_on(h, head)
                                    ? pair_find(p, h, key, head, &count)
                                    : NULL;
        for (uint32_t j = count; j-- > 0;) { /* shortest first: ties keep the shorter */
            if (!rest_matches(&c[j], head, s + pos[t] + k, avail - k)) continue;
            uint64_t cj = cost[t + c[j].chars] + ZH_SEG_COST - c[j].weight;
            if (cj < best) {
                best = cj;
                pick = c[j].chars;
                vals[t] = c[j].val;
            }
        }
        cost[t] = best;
        choice[t] = pick;
    }
    for (size_t t = 0; t < N; t += choice[t]) {
        if (choice[t] > 1) {
            put_val(vals[t], w);
            continue;
        }
        uint32_t v = zh_load3(s + pos[t], n - pos[t]);
        zh_store3(*w, v ^ ZH_FAST_ENTRY(index, v));
        *w += 3;
    }
    return end;
}

/* The exact run of 3-byte characters at s[*at..len) for a group with pair
 * table p, into *w, until it has passed byte offset q: per character one
 * lookup in the fused table and, where it may start a key, one bloom probe
 * on it and the next character; the table and the key bytes only where the
 * probe passes.  Matched keys are copied as their values (in lattice mode
 * when no key crosses them).  Returns false where it stops before that:
 * at anything else (other bytes, characters without a simple result,
 * compatibility ideographs, crossing keys the scratch arrays cannot hold). */
static ZH_NOINLINE bool zh_run_exact(zh_state *st, const uint16_t *index,
                                     const zh_pair_dict_info *p, bool greedy,
                                     const unsigned char *s, size_t len, size_t q, size_t *i,
                                     char **w)
{
    size_t at = *i;
    char *to = *w;
    bool passed = false;
    uint32_t v = len - at >= 3 ? zh_load3(s + at, len - at) : 0;
    while (zh_is3(v)) {
        if (at > q) {
            passed = true;
            break;
        }
        uint32_t f = ZH_FAST_ENTRY(index, v);
        /* the next character, loaded once for the pair and the next round */
        uint32_t v2 = len - at >= 6 ? zh_load3(s + at + 3, len - at - 3) : 0;
        if (SCRUB_LIKELY(len - at >= 10)) /* the next pair's bloom line, a round early */
            pair_prefetch(p, v2 | (uint64_t)zh_load3(s + at + 6, 4) << 24);
        if (f & (ZH_FAST_SLOW | ZH_FAST_TRIG | ZH_FAST_COMPAT)) {
            if (f & (ZH_FAST_SLOW | ZH_FAST_COMPAT)) break;
            size_t k = 6, m;
            uint64_t h, key;
            uint32_t val = 0;
            if (zh_is3(v2)) {
                /* the bloom bit and the go-on bits of its line as one
                 * test: each passes about every other time, and two
                 * coin tosses in a row were two mispredictions */
                key = v | (uint64_t)v2 << 24;
                h = (key ^ p->salt) * ZH_HASH_MUL;
                uint32_t head = len - at >= 9 ? zh_load3(s + at + 6, len - at - 6) : 0;
                m = (pair_bloom_bit(h) & pair_may_go_on(h, head))
                        ? pair_scan(p, h, key, k, head, s + at, len - at, &val)
                        : 0;
            } else {
                if (len - at > 3 && s[at + 3] < 0x80)
                    key = v | (uint64_t)s[at + 3] << 24, k = 4;
                else
                    key = pair_pack(s + at, len - at, &k);
                m = k && pair_bloom(p, key, &h) ? pair_lookup(p, h, key, k, s + at, len - at, &val) : 0;
            }
            if (m) {
                if (!greedy && pair_crossed(p, s + at, len - at, m)) {
                    m = pair_lattice(st, index, p, s + at, len - at, m, &to);
                    if (!m) break;
                } else {
                    put_val(val, &to);
                }
                at += m;
                v = len - at >= 3 ? zh_load3(s + at, len - at) : 0;
                continue;
            }
            f &= ~ZH_FAST_TRIG;
        }
        zh_store3(to, v ^ f);
        to += 3;
        at += 3;
        v = v2;
    }
    *i = at;
    *w = to;
    return passed;
}

/* May a key that changes the text (mk/zh_gen.py: changing_keys) start
 * with the pair of hash h (pair_bloom's) and go on with `head`?  As
 * pair_bloom_bit & pair_may_go_on, in a 32 KiB filter that stays in L1. */
static inline uint32_t xbloom_may(const uint8_t *xb, uint64_t h, uint32_t head)
{
    uint64_t b = h >> (64 - ZH_XBLOOM_BITS);
    const uint8_t *line = xb + (h >> (64 - ZH_XBLOOM_BITS + 9) << 6);
    uint64_t a = (h * ZH_HASH_MUL) >> 55, c = ((h ^ head) * ZH_HASH_MUL) >> 55;
    return (xb[b >> 3] >> (b & 7)) & ((line[a >> 3] >> (a & 7)) | (line[c >> 3] >> (c & 7))) & 1;
}

/* From a position where the exact run lands, the characters' own results
 * (what every key that does not change the text gives) into *w, until a
 * key that changes it may start or a character the run does not take;
 * returns that byte offset.  No branch per character but the rare one. */
static inline size_t zh_run_plain(const uint16_t *index, const uint8_t *xb, uint64_t salt,
                                  const unsigned char *s, size_t len, size_t at, char **w)
{
    char *to = *w;
    uint32_t v = len - at >= 3 ? zh_load3(s + at, len - at) : 0;
    while (zh_is3(v)) {
        uint32_t f = ZH_FAST_ENTRY(index, v);
        uint32_t v2 = len - at >= 6 ? zh_load3(s + at + 3, len - at - 3) : 0;
        uint32_t head = len - at >= 9 ? zh_load3(s + at + 6, len - at - 6) : 0;
        uint64_t h = ((v | (uint64_t)v2 << 24) ^ salt) * ZH_HASH_MUL;
        uint32_t x = (uint32_t)((f & ZH_FAST_XTRIG) != 0) & zh_is3(v2) & xbloom_may(xb, h, head);
        if (SCRUB_UNLIKELY((f & (ZH_FAST_SLOW | ZH_FAST_COMPAT)) | x)) break;
        zh_store3(to, v ^ f);
        to += 3;
        at += 3;
        v = v2;
    }
    *w = to;
    return at;
}

/* Is the character boundary `at` (after a 3-byte character) a cut: are
 * the characters before and at it two that follow each other in no key of
 * the pair table (zh_inner_bloom; after ASCII, the fused table's flag)?
 * Then no key crosses it, and the exact run, greedy or lattice, lands
 * there. */
static inline bool zh_cut_at(const uint16_t *index, const uint8_t *inner, uint64_t salt,
                             const unsigned char *s, size_t len, size_t at)
{
    if (at == len) return true; /* no key holds a line break: runs end at lines' ends */
    uint64_t key = zh_load3(s + at - 3, len - at + 3);
    if (s[at] < 0x80) return !(ZH_FAST_ENTRY(index, key) & ZH_FAST_ASCII_NEXT);
    /* rare (invalid UTF-8, a character cut short at the line's end, not a
     * 3-byte character): assume a key may cross, and load nothing past len */
    if (len - at < 3) return false;
    uint32_t v = zh_load3(s + at, len - at);
    if (!zh_is3(v)) return false;
    key |= (uint64_t)v << 24;
    uint64_t b = ((key ^ salt) * ZH_HASH_MUL) >> (64 - ZH_INNER_BITS);
    return !((inner[b >> 3] >> (b & 7)) & 1);
}

/* The run of 3-byte characters at s[*i..len) for a group with pair table
 * p, into *w.  Most keys give what their characters give on their own
 * (发展 -> 發展); they matter only through where the matching lands.  So
 * the plain run copies the characters' own results; where a key that
 * changes the text may start (or the plain run stops), the output goes
 * back to the last cut before it, where the exact run lands too (no key
 * crosses it), and the exact run takes over until it has passed that
 * position.  Between cuts where only keys that change nothing match, the
 * exact run's output, greedy or lattice, is the characters' own results:
 * what the plain run wrote. */
static inline void zh_run_pairs(zh_state *st, int group, const zh_pair_dict_info *p,
                                bool greedy, const unsigned char *s, size_t len, size_t *i,
                                char **w)
{
    const uint16_t *index = zh_fast_index[group];
    size_t pk = (size_t)(p - zh_pair_dicts);
    size_t at = *i;
    char *to = *w;
    for (;;) {
        size_t r = at; /* the exact run lands here */
        size_t q = zh_run_plain(index, zh_xbloom[pk], p->salt, s, len, at, &to);
        size_t c = q; /* 3 bytes in, 3 out since r */
        while (c > r && !zh_cut_at(index, zh_inner_bloom[pk], p->salt, s, len, c)) c -= 3;
        to -= q - c;
        at = c;
        /* most runs end at ASCII or the end of the text, after a cut */
        if (c == q && (q == len || s[q] < 0x80)) break;
        if (!zh_run_exact(st, index, p, greedy, s, len, q, &at, &to)) break;
    }
    *i = at;
    *w = to;
}

/* Converts one line (no LF) with one group (or only folds compatibility
 * ideographs when group is ZH_NO_GROUP); appends to out.  Per code point
 * one record lookup; the trie only where a key may start.  With a pair
 * table p, keys are matched on the bytes, which holds as long as no
 * compatibility ideograph needs folding: at the first one, *restart is set
 * and the line must be converted again without p. */
static int convert_fast_with(zh_state *st, int group, const zh_pair_dict_info *p, bool greedy,
                             const char *line, size_t len, scrub__buf *out, size_t *repl,
                             bool *restart)
{
    /* 16 bytes of slack: short ASCII runs are copied 8 bytes at a time */
    if (scrub__buf_reserve(out, len * SCRUB_ZH_MAX_GROWTH + 16) != SCRUB_OK) return SCRUB_E_NOMEM;
    if (zh_reserve(st, 2 * ZH_MAX_KEY) != SCRUB_OK) return SCRUB_E_NOMEM;
    const unsigned char *s = (const unsigned char *)line;
    char *w = out->data + out->len;
    int g = group == ZH_NO_GROUP ? ZH_G_CJK : group;
    int rc = SCRUB_OK;
    const uint8_t *stop = zh_group_stop[g];
    bool ascii_keys = zh_group_ascii_keys[g];
    st->folded = false;
    size_t peek_at = SIZE_MAX; /* a valid 3-byte code point decoded ahead */
    uint32_t peek_cp = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] < 0x80) {
            size_t k = ascii_plain(stop, ascii_keys, s + i, len - i);
            if (k <= 8 && i + 8 <= len)
                memcpy(w, s + i, 8);
            else
                memcpy(w, s + i, k);
            w += k;
            i += k;
            if (k || group == ZH_NO_GROUP) continue;
            size_t kp;
            uint32_t val;
            uint64_t key = p ? pair_pack(s + i, len - i, &kp) : 0;
            if (p && !(kp && pair_longest(p, key, kp, s + i, len - i, &val))) {
                *w++ = (char)s[i++]; /* no key starts here after all */
                continue;
            }
        }
        size_t at = i;
        if (p)
            zh_run_pairs(st, g, p, greedy, s, len, &i, &w);
        else
            zh_run3(g, s, len, &i, &w);
        if (i != at) continue;
        uint32_t cp;
        size_t k;
        if (i == peek_at) { /* decoded by the previous position's peek */
            cp = peek_cp;
            k = 3;
        } else {
            k = zh_decode_fast(s + i, len - i, &cp, repl);
        }
        uint32_t folded = zh_fold_compat(cp);
        if (p && folded != cp) {
            *restart = true;
            return SCRUB_OK;
        }
        uint32_t r = zh_rec(g, folded);
        if (SCRUB_UNLIKELY(r & ZH_REC_STARTS) && group != ZH_NO_GROUP) {
            /* the cursor starts with the two code points decoded here */
            zh_cursor c = {st, s + i, len - i, 1};
            st->a[0] = folded;
            st->ends[0] = k;
            if (i + k < len) {
                uint32_t c2;
                size_t dummy = 0;
                size_t k2 = s[i + k] < 0x80 ? (c2 = s[i + k], 1)
                                            : zh_decode_fast(s + i + k, len - i - k, &c2, &dummy);
                if (k2 == 3 && c2 != SCRUB__REPLACEMENT) {
                    peek_at = i + k;
                    peek_cp = c2;
                }
                st->a[1] = zh_fold_compat(c2);
                st->folded |= st->a[1] != c2;
                st->ends[1] = k + k2;
                c.m = 2;
            }
            int pd = zh_groups[g].pair_dict;
            /* one test on the first two code points settles most positions */
            if (pd >= 0 && (c.m < 2 || !zh_pair_maybe(zh_dicts[pd].root, folded, st->a[1]))) {
                w += zh_encode((r & ZH_REC_HAS) ? (r & ZH_REC_CP) : folded, w);
                i += k;
                continue;
            }
            i += greedy ? greedy_step(&c, g, r, &w, &rc) : lattice_step(&c, g, r, &w, &rc);
            if (rc) return rc;
            if (p && st->folded) {
                *restart = true;
                return SCRUB_OK;
            }
            continue;
        }
        if (group != ZH_NO_GROUP && (r & ZH_REC_HAS)) {
            w += zh_encode(r & ZH_REC_CP, w);
        } else if (folded != cp || cp == SCRUB__REPLACEMENT) {
            w += zh_encode(folded, w);
        } else if (k == 3) {
            w[0] = (char)s[i];
            w[1] = (char)s[i + 1];
            w[2] = (char)s[i + 2];
            w += 3;
        } else {
            memcpy(w, s + i, k);
            w += k;
        }
        i += k;
    }
    out->len = (size_t)(w - out->data);
    return SCRUB_OK;
}

static int convert_fast(zh_state *st, int group, bool greedy, const char *line, size_t len,
                        scrub__buf *out, size_t *repl)
{
    int k = group == ZH_NO_GROUP ? -1 : zh_group_pairs[group];
    const zh_pair_dict_info *p = k >= 0 ? &zh_pair_dicts[k] : NULL;
    size_t len0 = out->len, repl0 = *repl;
    bool restart = false;
    int rc = convert_fast_with(st, group, p, greedy, line, len, out, repl, &restart);
    if (rc || !restart) return rc;
    out->len = len0;
    *repl = repl0;
    return convert_fast_with(st, group, NULL, greedy, line, len, out, repl, &restart);
}

/* Runs one configuration over st->a[0..*n); the result is left in st->a. */
static int run_conf(zh_state *st, const zh_conf *c, bool greedy, size_t *n)
{
    if (!c->ngroups) return SCRUB_OK;
    size_t nseg;
    if (c->seg == ZH_NO_DICT && greedy) {
        nseg = 1;
        st->seg_a[0] = 0;
    } else {
        int dict = c->seg != ZH_NO_DICT ? c->seg : zh_groups[c->group[0]].dict[0];
        nseg = greedy ? segment_greedy(dict, st->a, *n, st->seg_a)
                      : segment_lattice(st, dict, st->a, *n, st->seg_a);
    }
    for (int gi = 0; gi < c->ngroups; gi++) {
        /* a value is at most ZH_CP_GROWTH times its key's length */
        int rc = zh_reserve(st, *n * ZH_CP_GROWTH);
        if (rc) return rc;
        size_t dn = 0;
        for (size_t s = 0; s < nseg; s++) {
            size_t from = st->seg_a[s], to = s + 1 < nseg ? st->seg_a[s + 1] : *n;
            st->seg_b[s] = (uint32_t)dn;
            convert_segment(c->group[gi], st->a + from, to - from, st->b, &dn);
        }
        uint32_t *t = st->a;
        st->a = st->b;
        st->b = t;
        t = st->seg_a;
        st->seg_a = st->seg_b;
        st->seg_b = t;
        *n = dn;
    }
    return SCRUB_OK;
}

static int encode_cps(const uint32_t *cps, size_t n, scrub__buf *out)
{
    if (scrub__buf_reserve(out, n * 4 + 1) != SCRUB_OK) return SCRUB_E_NOMEM;
    char *w = out->data + out->len;
    for (size_t i = 0; i < n; i++) {
        if (cps[i] < 0x80)
            *w++ = (char)cps[i];
        else
            w += zh_encode(cps[i], w);
    }
    out->len = (size_t)(w - out->data);
    return SCRUB_OK;
}

static int convert_general(zh_state *st, const zh_plan *pl, bool greedy, const char *line,
                           size_t len, scrub__buf *out, size_t *repl)
{
    int rc = zh_reserve(st, len);
    if (rc) return rc;
    size_t n = decode_line(st, line, len, repl);
    for (int i = 0; i < pl->nconf; i++) {
        rc = run_conf(st, &pl->conf[i], greedy, &n);
        if (rc) return rc;
    }
    return encode_cps(st->a, n, out);
}

/* ---- plans of zh_multi: windows around possible key starts ---------------- */

/* The index of a plan in zh_multi, or -1. */
static int multi_index(const zh_plan *pl)
{
    for (int m = 0; m < ZH_MULTI_COUNT; m++) {
        const zh_multi_info *mi = &zh_multi[m];
        bool same = mi->nconf == pl->nconf;
        for (int c = 0; same && c < pl->nconf; c++) {
            const zh_conf *cf = &pl->conf[c];
            same = cf->seg == mi->seg[c] && cf->ngroups == mi->ngroups[c];
            for (int g = 0; same && g < cf->ngroups; g++) same = cf->group[g] == mi->group[c][g];
        }
        if (same) return m;
    }
    return -1;
}

static inline bool ascii_in_keys(const uint64_t *mask, unsigned char b)
{
    return (mask[b >> 6] >> (b & 63)) & 1;
}

/* Is the triple (c1, c2, c3) in triple set `id` of zh_multi_triple_bloom?
 * (mk/zh_gen.py: triple_probes) */
static inline bool triple_maybe(int id, uint32_t c1, uint32_t c2, uint32_t c3)
{
    uint64_t key = (((uint64_t)id << 42) | ((uint64_t)c1 << 21) | c2) ^ ((uint64_t)c3 * ZH_HASH_MUL);
    uint64_t h = (key ^ (key >> 31)) * ZH_HASH_MUL;
    uint64_t mask = (UINT64_C(1) << ZH_MULTI_BLOOM_BITS) - 1;
    uint64_t h1 = h >> (64 - ZH_MULTI_BLOOM_BITS), h2 = (h >> 20) & mask, h3 = h & mask;
    const uint8_t *b = zh_multi_triple_bloom;
    return (b[h1 >> 3] >> (h1 & 7) & 1) && (b[h2 >> 3] >> (h2 & 7) & 1) && (b[h3 >> 3] >> (h3 & 7) & 1);
}

/* The 3-byte character v (zh_load3 layout) has passed the pair filter of
 * plan `multi` with the character at next[0..n): may a key start here?  A
 * key of 2 characters has the pair itself; a longer one needs its third
 * character to follow, unless that character may begin a step-1 value
 * that is not its single result (a step-1 key or a character without a
 * simple result: then a step-2 key running into that value may start two
 * characters back, before that key's own window).  Rarely reached. */
static ZH_NOINLINE bool multi_goes_on(int multi, const uint16_t *index, uint32_t v,
                                      const unsigned char *next, size_t n)
{
    size_t dummy = 0, k = 1;
    uint32_t c1 = zh_fold_compat(zh_cp3(v));
    uint32_t c2 = next[0], c3;
    if (c2 >= 0x80) k = zh_decode_fast(next, n, &c2, &dummy);
    c2 = zh_fold_compat(c2);
    if (pair_maybe3(zh_multi_short_bloom, multi, c1, c2)) return true;
    if (k >= n) return false;
    const unsigned char *t = next + k;
    size_t m = n - k;
    if (t[0] < 0x80) {
        if (ascii_in_keys(zh_multi[multi].ascii, t[0])) return true;
        c3 = t[0];
    } else {
        uint32_t v3 = m >= 3 ? zh_load3(t, m) : 0;
        if (!zh_is3(v3) || (ZH_FAST_ENTRY(index, v3) & ZH_FAST_SLOW)) return true;
        c3 = zh_fold_compat(zh_cp3(v3));
    }
    return pair_maybe3(zh_multi_short_bloom, ZH_MULTI_COUNT + multi, c3, 0) ||
           triple_maybe(multi, c1, c2, c3);
}

/* Is s[0..n) a 2-byte character in no key?  No dictionary maps it, so
 * every plan leaves it as it is and no key can match across it. */
static inline bool zh_two_plain(const unsigned char *s, size_t n)
{
    if (n < 2 || s[0] < 0xC2 || s[0] > 0xDF || (s[1] & 0xC0) != 0x80) return false;
    uint32_t cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    return !((zh_two_in_keys[cp >> 6] >> (cp & 63)) & 1);
}

/* What one character of a plan of zh_multi needs: its length, and either
 * ZH_FAST_SLOW (a key may start here, or it has no simple result; with the
 * window's reach from this character above ZH_FAST_REACH_SHIFT, 0: the
 * plan's) or the XOR delta of its result. */
static inline uint32_t classify(int multi, const uint16_t *fast, const uint64_t *mask,
                                const unsigned char *s, size_t n, size_t *k)
{
    if (s[0] < 0x80) {
        *k = 1;
        return ascii_in_keys(mask, s[0]) ? ZH_FAST_SLOW : 0;
    }
    if (zh_two_plain(s, n)) {
        *k = 2;
        return 0;
    }
    if (n >= 3) {
        uint32_t v = zh_load3(s, n);
        if (zh_is3(v)) {
            *k = 3;
            uint32_t f = zh_fast_blocks[fast[((v & 0x0F) << 6) | ((v >> 8) & 0x3F)]][(v >> 16) & 0x3F];
            if ((f & ZH_FAST_TRIG) && !(f & ZH_FAST_SLOW))
                f = pair_follows(zh_multi_bloom, multi, v, s + 3, n - 3) &&
                            multi_goes_on(multi, fast, v, s + 3, n - 3)
                        ? ZH_FAST_SLOW | (f >> ZH_FAST_REACH_SHIFT << ZH_FAST_REACH_SHIFT)
                        : f & ~ZH_FAST_TRIG;
            return f;
        }
    }
    uint32_t cp;
    *k = scrub__utf8_decode(s, n, &cp);
    return ZH_FAST_SLOW;
}

/* Converts the characters of plan `multi` at s[*i..len) that need no
 * window (their single-character results) into *w; stops at the first that
 * may need one.  *prev / *prev_w: input offset and output position of the
 * last character converted (a 3-byte character's result has 3 bytes, ASCII
 * is copied, so they follow from where a run ends). */
static ZH_NOINLINE void free_run(int multi, const unsigned char *s, size_t len, size_t *i, char **w,
                            size_t *prev, char **prev_w)
{
    const uint16_t *index = zh_fast_index[ZH_GROUP_COUNT + multi];
    const uint64_t *mask = zh_multi[multi].ascii;
    bool plain_ascii = !mask[0] && !mask[1];
    size_t at = *i;
    char *to = *w;
    while (at < len) {
        if (s[at] < 0x80) {
            if (!plain_ascii) {
                if (ascii_in_keys(mask, s[at])) break;
                *prev = at;
                *prev_w = to;
                *to++ = (char)s[at++];
                continue;
            }
            size_t k = ascii_run(s + at, len - at);
            if (k <= 8 && at + 8 <= len) /* 16 bytes of slack in the output */
                memcpy(to, s + at, 8);
            else
                memcpy(to, s + at, k);
            to += k;
            at += k;
            *prev = at - 1;
            *prev_w = to - 1;
            continue;
        }
        if (s[at] < 0xE0) { /* a 2-byte character in no key is copied */
            if (!zh_two_plain(s + at, len - at)) break;
            *prev = at;
            *prev_w = to;
            memcpy(to, s + at, 2);
            to += 2;
            at += 2;
            continue;
        }
        size_t at0 = at;
        /* the next character is loaded once, for the pair and the next round */
        uint32_t v = len - at >= 3 ? zh_load3(s + at, len - at) : 0;
        bool stop = false; /* at a character that may need a window */
        if (zh_is3(v) && len >= 7) { /* while 4 bytes can be read after the next character */
            const unsigned char *p = s + at, *lim = s + len - 7;
            /* the next character's entry is looked up once: for the pair
             * test (pair_starts2's first check) and for the next round */
            uint32_t f = ZH_FAST_ENTRY(index, v);
            while (p <= lim) {
                uint32_t v2 = zh_load3(p + 3, 4);
                uint32_t f2 = ZH_FAST_ENTRY(index, v2);
                if (SCRUB_UNLIKELY(f & (ZH_FAST_SLOW | ZH_FAST_TRIG))) {
                    if ((f & ZH_FAST_SLOW) ||
                        ((!zh_is3(v2) || (f2 & (ZH_FAST_SECOND | ZH_FAST_SLOW))) &&
                         pair_follows(zh_multi_bloom, multi, v, p + 3, (size_t)(s + len - p - 3)) &&
                         multi_goes_on(multi, index, v, p + 3, (size_t)(s + len - p - 3)))) {
                        stop = true;
                        break;
                    }
                    f &= ~ZH_FAST_TRIG;
                }
                zh_store3(to, v ^ f);
                to += 3;
                p += 3;
                v = v2;
                f = f2;
                if (!zh_is3(v)) break;
            }
            at = (size_t)(p - s);
        }
        while (!stop && zh_is3(v)) {
            uint32_t f = ZH_FAST_ENTRY(index, v);
            uint32_t v2 = len - at >= 6 ? zh_load3(s + at + 3, len - at - 3) : 0;
            if (f & (ZH_FAST_SLOW | ZH_FAST_TRIG)) {
                if ((f & ZH_FAST_SLOW) ||
                    (pair_starts2(index, zh_multi_bloom, multi, v, v2, s + at + 3, len - at - 3) &&
                     multi_goes_on(multi, index, v, s + at + 3, len - at - 3)))
                    break;
                f &= ~ZH_FAST_TRIG;
            }
            zh_store3(to, v ^ f);
            to += 3;
            at += 3;
            v = v2;
        }
        if (at == at0) break;
        *prev = at - 3;
        *prev_w = to - 3;
        if (zh_is3(v)) break; /* stopped at a character that may need a window */
    }
    *i = at;
    *w = to;
}

/* A plan of zh_multi: two steps (segmentation and two groups, or two
 * configurations).  Keys of either step can only start where the plan's
 * pair test passes (a trigger, mk/zh_gen.py); every match then lies inside
 * [trigger - 1, trigger + reach], because a step-1 key is at most as long
 * as the longest, and a step-2 key starts at most one character before
 * (where a step-1 result begins) or inside a step-1 match.  Most triggers
 * carry a shorter reach of their own: the longest step-1 key they start
 * plus the longest step-2 key holding a character of its value (a later
 * step-1 match a step-2 key runs into extends the window itself; the
 * generator's trig_reach).  Segmentation
 * (greedy or lattice) and matching never cross the edges of those windows,
 * so each window is converted on its own by the general path, and every
 * character outside them gets its single-character result from the fused
 * table: the same output as the general path on the whole line. */
static int convert_regions(zh_state *st, const zh_plan *pl, int multi, bool greedy,
                           const char *line, size_t len, scrub__buf *out, size_t *repl)
{
    const uint16_t *fast = zh_fast_index[ZH_GROUP_COUNT + multi];
    const uint64_t *mask = zh_multi[multi].ascii;
    const size_t reach = zh_multi[multi].reach;
    const unsigned char *s = (const unsigned char *)line;
    if (scrub__buf_reserve(out, len * SCRUB_ZH_MAX_GROWTH + 16) != SCRUB_OK) return SCRUB_E_NOMEM;
    char *w = out->data + out->len, *prev_w = w;
    size_t region = SIZE_MAX; /* byte offset where the open window starts */
    size_t left = 0;          /* characters the open window still covers */
    size_t prev = SIZE_MAX;   /* byte offset of the previous character */
    for (size_t i = 0; i < len;) {
        if (region == SIZE_MAX) {
            free_run(multi, s, len, &i, &w, &prev, &prev_w);
            if (i >= len) break;
        }
        size_t k;
        uint32_t f = classify(multi, fast, mask, s + i, len - i, &k);
        char *here = w;
        if (f & ZH_FAST_SLOW) {
            if (region == SIZE_MAX) { /* the window starts one character back */
                region = prev != SIZE_MAX ? prev : i;
                w = prev != SIZE_MAX ? prev_w : w;
            }
            size_t r = f >> ZH_FAST_REACH_SHIFT;
            r = r ? r : reach;
            left = r > left ? r : left;
        } else if (region != SIZE_MAX && left) {
            left--;
        } else {
            if (region != SIZE_MAX) { /* close the window before this character */
                out->len = (size_t)(w - out->data);
                int rc = convert_general(st, pl, greedy, line + region, i - region, out, repl);
                if (rc) return rc;
                if (scrub__buf_reserve(out, (len - i) * SCRUB_ZH_MAX_GROWTH + 16) != SCRUB_OK)
                    return SCRUB_E_NOMEM;
                w = out->data + out->len;
                region = SIZE_MAX;
                here = w;
            }
            if (k == 3)
                zh_store3(w, zh_load3(s + i, len - i) ^ f);
            else
                memcpy(w, s + i, k); /* ASCII or a 2-byte character in no key */
            w += k;
        }
        prev = i;
        prev_w = here;
        i += k;
    }
    out->len = (size_t)(w - out->data);
    if (region != SIZE_MAX) return convert_general(st, pl, greedy, line + region, len - region, out, repl);
    return SCRUB_OK;
}

/* ---- lines and plans ----------------------------------------------------- */

/* Does the line contain a character only Simplified text uses? */
static bool line_has_simplified(const char *line, size_t len)
{
    const unsigned char *s = (const unsigned char *)line;
    for (size_t i = 0; i < len;) {
        if (s[i] < 0xE3) {
            i++;
            continue;
        }
        uint32_t cp;
        i += scrub__utf8_decode(s + i, len - i, &cp);
        if (zh_class(zh_fold_compat(cp)) == 2) return true;
    }
    return false;
}

/* A call's plans, chosen once: for auto to hant/tw/hk, one for lines with
 * Simplified characters and one for the others. */
typedef struct {
    bool per_line;
    bool greedy;
    bool chunked;    /* whole lines may go to convert_line together (zh_chunk) */
    zh_plan plan[2]; /* [0]: the plan (per line: Simplified lines), [1]: other lines */
    int multi[2];    /* their index in zh_multi, or -1 */
} zh_job;

static void job_init(zh_job *job, int from, int to, unsigned flags)
{
    job->per_line = from == SCRUB_ZH_AUTO && to != SCRUB_ZH_HANS;
    job->greedy = flags & SCRUB_ZH_GREEDY;
    if (job->per_line) {
        job->plan[0] = plan_for(SCRUB_ZH_HANS, to, flags);
        job->plan[1] = plan_for(SCRUB_ZH_HANT, to, flags);
    } else {
        job->plan[0] = from == SCRUB_ZH_AUTO ? plan_auto_hans(flags) : plan_for(from, to, flags);
        job->plan[1] = job->plan[0];
    }
    for (int i = 0; i < 2; i++) job->multi[i] = multi_index(&job->plan[i]);
    const zh_plan *pl = &job->plan[0];
    job->chunked = !job->per_line &&
                   (job->multi[0] >= 0 ||
                    (pl->nconf == 1 && pl->conf[0].ngroups <= 1 && pl->conf[0].seg == ZH_NO_DICT));
}

static int convert_line(zh_state *st, const zh_job *job, const char *line, size_t len,
                        scrub__buf *out, size_t *repl)
{
    int k = job->per_line && !line_has_simplified(line, len);
    const zh_plan *pl = &job->plan[k];
    if (job->multi[k] >= 0)
        return convert_regions(st, pl, job->multi[k], job->greedy, line, len, out, repl);
    if (pl->nconf == 1 && pl->conf[0].ngroups <= 1 && pl->conf[0].seg == ZH_NO_DICT)
        return convert_fast(st, pl->conf[0].ngroups ? pl->conf[0].group[0] : ZH_NO_GROUP,
                            job->greedy, line, len, out, repl);
    return convert_general(st, pl, job->greedy, line, len, out, repl);
}

/* Length of the prefix of s[0..n) made of whole lines (LF included) of at
 * most max_line bytes that hold only ASCII other than CR.  No dictionary
 * key is all ASCII (mk/zh_gen.py checks), so every plan leaves such lines
 * as they are and they are copied in bulk: the scan takes eight bytes a
 * step and stops at the first CR or non-ASCII byte. */
static size_t plain_lines(const unsigned char *s, size_t n, uint64_t max_line)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w, cr;
        memcpy(&w, s + i, 8);
        cr = w ^ (ones * '\r');
        if ((w | ((cr - ones) & ~cr)) & high) break;
    }
    while (i < n && s[i] < 0x80 && s[i] != '\r') i++;
    size_t done = i;
    while (done && s[done - 1] != '\n') done--;
    if (done <= max_line) return done;
    for (size_t at = 0; at < done;) {
        const unsigned char *lf = memchr(s + at, '\n', done - at);
        size_t next = (size_t)(lf - s) + 1;
        if (next - at - 1 > max_line) return at;
        at = next;
    }
    return done;
}

/* Bytes of whole lines converted in one call on the fast and window paths:
 * large enough that the per-line work (finding the line, reserving output)
 * vanishes, small enough that the output reserve stays small. */
#define ZH_CHUNK (64u << 10)

/* Length of the prefix of s[0..n) (at most ZH_CHUNK bytes) made of whole
 * lines of at most max_line bytes without CR, the last one without LF
 * only at the end of the text (*open then set); 0: take the next line on
 * its own.  The fast and window paths convert such a chunk as its lines
 * one by one: no key holds LF (mk/zh_gen.py checks), so no match, window
 * or lattice cluster crosses one, and LF itself is copied like any other
 * ASCII byte. */
static size_t zh_chunk(const unsigned char *s, size_t n, uint64_t max_line, bool *open)
{
    size_t end = n < ZH_CHUNK ? n : ZH_CHUNK;
    if (end > max_line) end = (size_t)max_line;
    *open = end == n && s[n - 1] != '\n';
    const unsigned char *cr = memchr(s, '\r', end);
    if (cr) {
        end = (size_t)(cr - s);
        *open = false;
    }
    if (*open) return end;
    if (!end || !memchr(s, '\n', end)) return 0; /* a long line: no scan back */
    while (end >= 8) { /* back to the last LF, eight bytes a step */
        uint64_t w, lf;
        memcpy(&w, s + end - 8, 8);
        lf = w ^ UINT64_C(0x0A0A0A0A0A0A0A0A);
        if ((lf - UINT64_C(0x0101010101010101)) & ~lf & UINT64_C(0x8080808080808080)) break;
        end -= 8;
    }
    while (s[end - 1] != '\n') end--;
    return end;
}

static int check_variant(scrub_ctx *ctx, int v, bool allow_auto, const char *what)
{
    if (v < (allow_auto ? SCRUB_ZH_AUTO : SCRUB_ZH_HANS) || v > SCRUB_ZH_HK)
        return scrub__fail(ctx, SCRUB_E_INVALID_ARG, "%s: unknown variant %d", what, v);
    return SCRUB_OK;
}

SCRUB_API int scrub_zh_convert(scrub_ctx *ctx, const char *text, size_t len, int from, int to,
                               unsigned flags, char **out, size_t *out_len)
{
    if (!ctx) return SCRUB_E_INVALID_ARG;
    scrub__begin(ctx);
    int rc = scrub__check_output(ctx, out, out_len);
    if (!rc) rc = scrub__check_input(ctx, text, len);
    if (!rc) rc = check_variant(ctx, from, true, "from");
    if (!rc) rc = check_variant(ctx, to, false, "to");
    if (!rc && (flags & ~SCRUB_ZH_FLAGS_ALL))
        rc = scrub__fail(ctx, SCRUB_E_INVALID_ARG, "unknown flag bits 0x%x",
                         flags & ~SCRUB_ZH_FLAGS_ALL);
    if (rc) return rc;
    zh_state *st = scrub__stage_state(ctx, SCRUB__STAGE_ZH, sizeof *st, zh_state_free);
    if (!st) return scrub__fail(ctx, SCRUB_E_NOMEM, "out of memory");

    zh_job job;
    job_init(&job, from, to, flags);
    bool prefolding = flags & (SCRUB_ZH_FOLD_WIDTH | SCRUB_ZH_QUOTES);
    scrub__buf buf = SCRUB__BUF_INIT;
    size_t repl = 0;
    scrub__line line;
    uint64_t max_line = (uint64_t)scrub__param(ctx, SCRUB_PARAM_MAX_LINE);
    for (size_t pos = 0; rc == SCRUB_OK && pos < len; pos = line.next) {
        size_t plain = prefolding ? 0 : plain_lines((const unsigned char *)text + pos, len - pos, max_line);
        if (plain) {
            rc = scrub__buf_append(&buf, text + pos, plain);
            line.next = pos + plain;
            continue;
        }
        bool open;
        size_t chunk = job.chunked && !prefolding
                           ? zh_chunk((const unsigned char *)text + pos, len - pos, max_line, &open)
                           : 0;
        if (chunk) {
            rc = convert_line(st, &job, text + pos, chunk, &buf, &repl);
            if (!rc && open) rc = scrub__buf_putc(&buf, '\n');
            line.next = pos + chunk;
            continue;
        }
        scrub__next_line(text, len, pos, &line);
        const char *p = text + line.start;
        size_t n = line.len;
        if (n > max_line) {
            scrub__buf_free(&buf);
            return scrub__fail(ctx, SCRUB_E_TOO_LARGE,
                               "MAX_LINE is %llu bytes, the line at byte %zu has %zu",
                               (unsigned long long)max_line, line.start, n);
        }
        if (prefolding) {
            rc = prefold(st, p, n, to, flags, &repl);
            p = st->pre.data;
            n = st->pre.len;
        }
        if (!rc) rc = convert_line(st, &job, p ? p : "", n, &buf, &repl);
        if (!rc) rc = scrub__buf_putc(&buf, '\n');
    }
    ctx->replacements = repl;
    if (!rc) rc = scrub__buf_finish(&buf, out, out_len);
    if (rc) {
        scrub__buf_free(&buf);
        return scrub__fail(ctx, rc, "out of memory");
    }
    return SCRUB_OK;
}

/* ---- detection ------------------------------------------------------------- */

/* The class of the 3 bytes v (zh_load3 layout; bits above ignored) from
 * zh_class3: 0..3, or 4 and up for a character that needs decoding. */
static inline unsigned class3(uint32_t v)
{
    return zh_class3_blocks[zh_class3_index[((v & 0x0F) << 6) | ((v >> 8) & 0x3F)]][(v >> 16) & 0x3F];
}

/* Counts the classes of the 3-byte characters from s[i] on while four
 * bytes can be read (one load, one lookup each); returns the offset of the
 * first character it leaves to the general loop. */
static inline size_t detect_run3(const unsigned char *s, size_t len, size_t i, size_t *count)
{
    const unsigned char *p = s + i, *lim = s + len - 4;
    for (; p <= lim; p += 3) {
        uint32_t v = zh_load4(p);
        if (!zh_is3(v)) break;
        unsigned c = class3(v);
        if (SCRUB_UNLIKELY(c >= 4)) break;
        count[c]++;
    }
    return (size_t)(p - s);
}

SCRUB_API int scrub_zh_detect(scrub_ctx *ctx, const char *text, size_t len, int *script,
                              double *share)
{
    if (!ctx) return SCRUB_E_INVALID_ARG;
    scrub__begin(ctx);
    if (!script || !share) return scrub__fail(ctx, SCRUB_E_INVALID_ARG, "NULL output pointer");
    *script = SCRUB_ZH_SCRIPT_NONE;
    *share = 0;
    int rc = scrub__check_input(ctx, text, len);
    if (rc) return rc;
    const unsigned char *s = (const unsigned char *)text;
    size_t count[4] = {0, 0, 0, 0}, repl = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] < 0x80) {
            i += ascii_run(s + i, len - i);
            continue;
        }
        if (len - i >= 4) { /* 3-byte characters while 4 bytes can be read: no decoder */
            size_t at = detect_run3(s, len, i, count);
            if (at != i) {
                i = at;
                continue;
            }
        }
        uint32_t cp;
        uint32_t v = len - i >= 3 ? zh_load3(s + i, len - i) : 0;
        if (SCRUB_LIKELY(zh_is3(v))) { /* all of the BMP's Han: one lookup */
            unsigned c = class3(v);
            if (SCRUB_LIKELY(c < 4)) {
                count[c]++;
                i += 3;
                continue;
            }
        }
        i += zh_decode(s + i, len - i, &cp, &repl);
        count[zh_class(zh_fold_compat(cp))]++;
    }
    ctx->replacements = repl;
    size_t simp = count[2], trad = count[3];
    if (simp + trad == 0) return SCRUB_OK;
    double hans = (double)simp / (double)(simp + trad);
    if (hans >= 0.9) {
        *script = SCRUB_ZH_SCRIPT_HANS;
        *share = hans;
    } else if (1 - hans >= 0.9) {
        *script = SCRUB_ZH_SCRIPT_HANT;
        *share = 1 - hans;
    } else {
        *script = SCRUB_ZH_SCRIPT_MIXED;
        *share = hans > 0.5 ? hans : 1 - hans;
    }
    return SCRUB_OK;
}

SCRUB_API const char *scrub_zh_name(int value, int is_script)
{
    static const char *const variants[] = {"auto", "hans", "hant", "tw", "hk"};
    static const char *const scripts[] = {"none", "hans", "hant", "mixed"};
    if (is_script) return value >= 0 && value < 4 ? scripts[value] : NULL;
    return value >= 0 && value < 5 ? variants[value] : NULL;
}

/* ---- white-box hooks for the tests ----------------------------------------- */

/* Largest bytes-out / bytes-in ratio any plan's groups can reach, to check
 * SCRUB_ZH_MAX_GROWTH against the tables. */
double scrub__zh_growth_bound(void);
double scrub__zh_growth_bound(void)
{
    double worst = 0;
    unsigned flag_sets[] = {0, SCRUB_ZH_PHRASES, SCRUB_ZH_RARE_FORMS,
                            SCRUB_ZH_PHRASES | SCRUB_ZH_RARE_FORMS};
    for (int from = SCRUB_ZH_AUTO; from <= SCRUB_ZH_HK; from++)
        for (int to = SCRUB_ZH_HANS; to <= SCRUB_ZH_HK; to++)
            for (size_t f = 0; f < sizeof flag_sets / sizeof flag_sets[0]; f++) {
                zh_plan pl = plan_for(from == SCRUB_ZH_AUTO ? SCRUB_ZH_HANS : from, to,
                                      flag_sets[f]);
                if (from == SCRUB_ZH_AUTO && to == SCRUB_ZH_HANS)
                    pl = plan_auto_hans(flag_sets[f]);
                double g = 1;
                for (int c = 0; c < pl.nconf; c++)
                    for (int i = 0; i < pl.conf[c].ngroups; i++)
                        g *= zh_group_growth[pl.conf[c].group[i]];
                if (g > worst) worst = g;
            }
    return worst;
}
