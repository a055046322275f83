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
 * Two paths:
 *   - fast: one group, greedy, straight from UTF-8 to UTF-8.  Per code
 *     point one record lookup; only where a key longer than one character
 *     starts does the trie get walked.
 *   - general: the line is decoded into code points, segmented (greedy or
 *     lattice), and every group of the chain converts the segments.
 */
#include "internal.h"

#include "zh_tables.h"

#define ZH_HASH_MUL UINT64_C(0x9E3779B97F4A7C15)
#define ZH_EDGE_KEY_MASK ((UINT64_C(1) << 41) - 1)
#define ZH_NO_GROUP (-1)
#define ZH_NO_DICT (-1)

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

/* The child of trie node `parent` along cp, or 0. */
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

/* Longest key of dictionary `dict` that prefixes cps[0..n): its length in
 * code points (0 if none) and its value reference in *val. */
static size_t dict_longest(int dict, const uint32_t *cps, size_t n, uint32_t *val)
{
    const zh_dict_info *d = &zh_dicts[dict];
    uint32_t node = d->root;
    size_t best = 0;
    if (n > d->max_key) n = d->max_key;
    for (size_t i = 0; i < n; i++) {
        node = zh_child(d, node, cps[i]);
        if (!node) break;
        if (zh_node_val[node]) {
            best = i + 1;
            *val = zh_node_val[node];
        }
    }
    return best;
}

/* Lengths (>= 2) of every key of `dict` that prefixes cps[0..n), ascending,
 * into lens[] (and their weights into weights[]); returns how many. */
static size_t dict_all(int dict, const uint32_t *cps, size_t n, uint8_t *lens, uint8_t *weights)
{
    const zh_dict_info *d = &zh_dicts[dict];
    uint32_t node = d->root;
    size_t count = 0;
    if (n > d->max_key) n = d->max_key;
    for (size_t i = 0; i < n; i++) {
        node = zh_child(d, node, cps[i]);
        if (!node) break;
        if (i >= 1 && zh_node_val[node]) {
            weights[count] = zh_node_weight[node];
            lens[count++] = (uint8_t)(i + 1);
        }
    }
    return count;
}

/* OpenCC's short-circuit group: the first dictionary with a match gives
 * its longest match.  Returns the length (0: no match). */
static size_t group_match(int group, const uint32_t *cps, size_t n, uint32_t *val)
{
    const zh_group_info *g = &zh_groups[group];
    for (int i = 0; i < g->n; i++) {
        size_t len = dict_longest(g->dict[i], cps, n, val);
        if (len) return len;
    }
    return 0;
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
    uint8_t *choice;
    size_t cap;     /* elements in a, b, seg_a, seg_b, cost, choice */
    scrub__buf pre; /* the line after width/quote folding */
} zh_state;

static void zh_state_free(void *p)
{
    zh_state *st = p;
    scrub__free(st->a);
    scrub__free(st->b);
    scrub__free(st->seg_a);
    scrub__free(st->seg_b);
    scrub__free(st->cost);
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
            i += zh_decode(s + i, len - i, &cp, repl);
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

/* ---- fast path: one group, greedy, UTF-8 to UTF-8 -------------------------- */

/* Copies the run of ASCII bytes at s[0..n); returns its length. */
static inline size_t ascii_run(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & UINT64_C(0x8080808080808080)) break;
        i += 8;
    }
    while (i < n && s[i] < 0x80) i++;
    return i;
}

/* Slow step of the fast path at s[0..n): decodes up to ZH_MAX_KEY code
 * points and takes the group's match; writes the result at *w and returns
 * the bytes consumed. */
static size_t fast_slow_step(int group, const unsigned char *s, size_t n, char **w,
                             size_t *repl)
{
    uint32_t cps[ZH_MAX_KEY];
    size_t ends[ZH_MAX_KEY];
    size_t m = 0, off = 0, dummy = 0;
    while (m < ZH_MAX_KEY && off < n) {
        uint32_t cp = s[off];
        size_t k = cp < 0x80 ? 1 : zh_decode(s + off, n - off, &cp, m ? &dummy : repl);
        cps[m] = zh_fold_compat(cp);
        off += k;
        ends[m++] = off;
    }
    uint32_t val;
    size_t len = group_match(group, cps, m, &val);
    if (len) {
        size_t vlen;
        const char *v = val_bytes(val, &vlen);
        memcpy(*w, v, vlen);
        *w += vlen;
        return ends[len - 1];
    }
    *w += scrub__utf8_encode(cps[0], *w);
    return ends[0];
}

/* Converts one line (no LF) with one group (or only folds compatibility
 * ideographs when group is ZH_NO_GROUP); appends to out. */
static int convert_fast(int group, const char *line, size_t len, scrub__buf *out, size_t *repl)
{
    if (scrub__buf_reserve(out, len * SCRUB_ZH_MAX_GROWTH + 1) != SCRUB_OK) return SCRUB_E_NOMEM;
    const unsigned char *s = (const unsigned char *)line;
    char *w = out->data + out->len;
    int g = group == ZH_NO_GROUP ? ZH_G_CJK : group;
    for (size_t i = 0; i < len;) {
        if (s[i] < 0x80) {
            size_t k = ascii_run(s + i, len - i);
            memcpy(w, s + i, k);
            w += k;
            i += k;
            continue;
        }
        uint32_t cp;
        size_t k = zh_decode(s + i, len - i, &cp, repl);
        uint32_t folded = zh_fold_compat(cp);
        uint32_t r = zh_rec(g, folded);
        if (SCRUB_UNLIKELY(r & ZH_REC_STARTS) && group != ZH_NO_GROUP) {
            /* the replacement count of this code point is taken here, the
             * slow step counts only the code points it consumes beyond */
            size_t dummy = 0;
            i += fast_slow_step(g, s + i, len - i, &w, &dummy);
            continue;
        }
        if (group != ZH_NO_GROUP && (r & ZH_REC_HAS)) {
            w += scrub__utf8_encode(r & ZH_REC_CP, w);
        } else if (folded != cp || cp == SCRUB__REPLACEMENT) {
            w += scrub__utf8_encode(folded, w);
        } else {
            memcpy(w, s + i, k);
            w += k;
        }
        i += k;
    }
    out->len = (size_t)(w - out->data);
    return SCRUB_OK;
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
        uint32_t val;
        size_t len = group_match(group, src + i, n - i, &val);
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
            w += scrub__utf8_encode(cps[i], w);
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

typedef struct {
    int from, to;
    unsigned flags;
    zh_plan plan;
} zh_job;

static int convert_line(zh_state *st, const zh_job *job, const char *line, size_t len,
                        scrub__buf *out, size_t *repl)
{
    zh_plan pl = job->plan;
    if (job->from == SCRUB_ZH_AUTO && job->to != SCRUB_ZH_HANS) {
        pl = plan_for(line_has_simplified(line, len) ? SCRUB_ZH_HANS : SCRUB_ZH_HANT, job->to,
                      job->flags);
    }
    bool greedy = job->flags & SCRUB_ZH_GREEDY;
    if (pl.nconf == 1 && pl.conf[0].ngroups <= 1 && pl.conf[0].seg == ZH_NO_DICT && greedy)
        return convert_fast(pl.conf[0].ngroups ? pl.conf[0].group[0] : ZH_NO_GROUP, line, len,
                            out, repl);
    if (pl.nconf == 1 && pl.conf[0].ngroups == 0)
        return convert_fast(ZH_NO_GROUP, line, len, out, repl);
    return convert_general(st, &pl, greedy, line, len, out, repl);
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

    zh_job job = {from, to, flags, plan_for(from, to, flags)};
    if (from == SCRUB_ZH_AUTO && to == SCRUB_ZH_HANS) job.plan = plan_auto_hans(flags);
    bool prefolding = flags & (SCRUB_ZH_FOLD_WIDTH | SCRUB_ZH_QUOTES);
    scrub__buf buf = SCRUB__BUF_INIT;
    size_t repl = 0;
    scrub__line line;
    for (size_t pos = 0; rc == SCRUB_OK && scrub__next_line(text, len, pos, &line);
         pos = line.next) {
        const char *p = text + line.start;
        size_t n = line.len;
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
            i++;
            continue;
        }
        uint32_t cp;
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
