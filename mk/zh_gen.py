#!/usr/bin/env python3
"""zh_gen.py -- compiles OpenCC's dictionaries (data/opencc/*.txt, Apache-2.0)
into the C tables of lib/zh.c (build/gen/zh_tables.h).

Usage: zh_gen.py DATA_DIR OUT_HEADER

What it emits (all static const, no load step at run time):
  * a string pool with the first candidate of every entry (UTF-8);
  * one hashed trie per dictionary: node ids are global, edges live in a
    per-dictionary open-addressing table of uint64 slots
    (child << 41 | parent << 21 | code point), probed linearly;
  * per conversion group (an ordered list of dictionaries, OpenCC's
    "short_circuit" group) a two-level table of 32-bit records per code
    point: the group's single-character result and whether any dictionary
    of the group has a longer key starting there;
  * a two-level table of script classes for scrub_zh_detect();
  * the largest output/input byte ratio of each group (growth bound).

It also derives the tables upstream's build makes instead of shipping
(see data/opencc/NOTICE): TWVariantsRev, HKVariantsRev, TSCharactersExt and
STPhrases_GeneratedFromRegionalPhrases.
"""
import os
import sys

MASK64 = (1 << 64) - 1
HASH_MUL = 0x9E3779B97F4A7C15


def read_dict(path):
    """[(key, [values]), ...] in file order, plus the comment line that
    precedes each entry (for @tofu-risk and @reverse-prefer)."""
    entries = []
    prev_comment = None
    prefer = {}
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip():
                prev_comment = None
                continue
            if line.startswith("#"):
                prev_comment = line
                if line.startswith("# @reverse-prefer:"):
                    words = line.split(":", 1)[1].split()
                    if len(words) == 2:
                        prefer[words[0]] = words[1]
                    elif len(words) == 1:
                        prefer[words[0]] = None  # the next entry's key
                continue
            key, vals = line.split("\t")
            values = vals.split(" ")
            entries.append((key, values, prev_comment))
            if prev_comment and prev_comment.startswith("# @reverse-prefer:"):
                words = prev_comment.split(":", 1)[1].split()
                if len(words) == 1:
                    prefer[words[0]] = key
            prev_comment = None
    return entries, prefer


def as_map(entries):
    m = {}
    for key, values, _ in entries:
        if key not in m:
            m[key] = list(values)
    return m


def reverse(entries, prefer):
    """Each value mapped back to its key; @reverse-prefer picks the default."""
    rev = {}
    for key, values, _ in entries:
        for v in values:
            lst = rev.setdefault(v, [])
            if key not in lst:
                lst.append(key)
    for v, want in prefer.items():
        if want and v in rev and want in rev[v]:
            rev[v].remove(want)
            rev[v].insert(0, want)
    return rev


def tofu_ext(entries):
    ext = {}
    for key, values, comment in entries:
        if comment and comment.startswith("# @tofu-risk:"):
            others = [v for v in values if v != key]
            if others:
                ext[key] = others
    return ext


def fmm(text, dicts):
    """Forward maximum matching with a short-circuit group of dicts."""
    out = []
    i = 0
    maxlen = max((len(k) for d in dicts for k in d), default=1)
    while i < len(text):
        hit = None
        for d in dicts:
            for n in range(min(maxlen, len(text) - i), 0, -1):
                v = d.get(text[i:i + n])
                if v is not None:
                    hit = (n, v[0])
                    break
            if hit:
                break
        if hit:
            out.append(hit[1])
            i += hit[0]
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


class Tables:
    def __init__(self):
        self.pool = bytearray()
        self.pool_index = {}
        self.node_val = [0]  # node 0 is reserved: "no node"
        self.dicts = []  # (name, root, maxkey, edges dict)

    def value_ref(self, s):
        b = s.encode("utf-8")
        if len(b) > 63:
            raise SystemExit("value too long: %r" % s)
        if b not in self.pool_index:
            self.pool_index[b] = len(self.pool)
            self.pool += b
        off = self.pool_index[b]
        if off >= 1 << 26:
            raise SystemExit("string pool too large")
        return (off << 6) | len(b)

    def new_node(self):
        self.node_val.append(0)
        return len(self.node_val) - 1

    def add_dict(self, name, mapping):
        root = self.new_node()
        edges = {}
        maxkey = 0
        for key in sorted(mapping):
            node = root
            for ch in key:
                k = (node, ord(ch))
                if k not in edges:
                    edges[k] = self.new_node()
                node = edges[k]
            self.node_val[node] = self.value_ref(mapping[key][0])
            maxkey = max(maxkey, len(key))
        self.dicts.append((name, root, maxkey, edges, mapping))
        return len(self.dicts) - 1


def hash_slot(parent, cp, bits):
    key = (parent << 21) | cp
    return ((key * HASH_MUL) & MASK64) >> (64 - bits)


TERM = 1 << 22  # stored node ids carry "a key ends here" in this bit


def ref(t, node):
    return node | (TERM if t.node_val[node] else 0)


def build_hash(edges, t):
    n = max(len(edges), 1)
    bits = 4
    while (1 << bits) < n * 2.5:
        bits += 1
    size = 1 << bits
    slots = [0] * size
    for (parent, cp), child in edges.items():
        if parent >= 1 << 20 or child >= TERM:
            raise SystemExit("too many trie nodes")
        child = ref(t, child)
        h = hash_slot(parent, cp, bits)
        while slots[h]:
            h = (h + 1) & (size - 1)
        slots[h] = (child << 41) | (parent << 21) | cp
    return bits, slots


def pair_slot(root, c1, c2, bits):
    key = (root << 42) | (c1 << 21) | c2
    return (((key ^ (key >> 29)) * HASH_MUL) & MASK64) >> (64 - bits)


def utf8len(s):
    return len(s.encode("utf-8"))


# ---- fast tables for 3-byte UTF-8 ---------------------------------------------
#
# One table per "composite": every conversion group on its own (the plans
# with one group), then every plan of lib/zh.c with more than one step.
# Indexed by the code point of a 3-byte sequence (two levels, 64 entries a
# block: the high level is the lead byte's low nibble and the second byte,
# the low level the third byte).  An entry is either ZH_FAST_SLOW or the XOR
# of the input's UTF-8 bytes with the output's (byte k in bits 8k..8k+7), so
# an unchanged character is 0 and blocks are shared.
#
# For a one-group composite, the delta is the group's single-character
# result (SLOW if that is not one 3-byte character), and ZH_FAST_TRIG marks
# the first character of a longer key; the first two characters of the
# group's keys go into a pair filter (zh_group_bloom), and where that test
# passes lib/zh.c's fast path walks the dictionaries.  Every plan of lib/zh.c with several groups has two steps
# (step 1: the segmentation dictionary and the first group, or the first
# configuration; step 2: the second group or configuration).  For such a
# plan the delta is the character's single-character result through both
# steps (SLOW if a step gives more than one character or not a 3-byte one),
# and ZH_FAST_TRIG marks a character that is the first of some pair in the
# plan's pair set: the first two characters of every step-1 key, and every
# pair of characters whose step-1 images are the first two characters of a
# step-2 key.  The pairs go into a bloom filter of their own.  No key of either step can start where that pair test fails,
# so lib/zh.c converts everything outside a window around the positions
# that pass it with the single-character results (see convert_regions).

FAST_SLOW = 1 << 24

# The plans of lib/zh.c with more than one group (plan_for, plan_auto_hans):
# tuples of (segmentation dictionary or None, groups).  hans -> tw/hk are
# left out: STPhrases starts a key almost everywhere, so they keep the
# general path.
def emit_array(w, decl, values, per_line, fmt):
    """Writes `decl = { ... };` with per_line values of fmt to a line."""
    w(decl + " = {")
    for i in range(0, len(values), per_line):
        w("".join(fmt(v) for v in values[i:i + per_line]))
    w("};\n")


def block_value(v):
    return "%du" % v if v else "0"


def emit_rows(w, decl, rows, fmt):
    """Writes `decl = { {row}, ... };`, a row of fmt values to a line."""
    w(decl + " = {")
    for row in rows:
        w("{" + ",".join(fmt(v) for v in row) + "},")
    w("};\n")


def multi_plans():
    plans = []
    for p in (False, True):
        for rare in (False, True):
            ts = "TSX" if rare else "TS"
            for vr in (("VRP", "TWVRP", "HKVRP") if p else ("VR", "TWVR", "HKVR")):
                plans.append((("TSP", (vr, ts)),))
        plans.append(((None, ("TWVRP" if p else "TWVR",)), (None, ("HKVP" if p else "HKV",))))
        plans.append(((None, ("HKVRP" if p else "HKVR",)), (None, ("TWVP" if p else "TWV",))))
    return plans


def fold_compat(cp, cjk):
    if 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F:
        v = cjk.get(chr(cp))
        if v:
            return ord(v[0])
    return cp


def fast_entry(cp, out):
    if out is None or not 0x800 <= out <= 0xFFFF or 0xD800 <= out <= 0xDFFF:
        return FAST_SLOW
    a, b = chr(cp).encode("utf-8"), chr(out).encode("utf-8")
    return (a[0] ^ b[0]) | ((a[1] ^ b[1]) << 8) | ((a[2] ^ b[2]) << 16)


def fast_tables(t, D, groups, group_recs, cjk, HAS, STARTS, xfirsts):
    """[(entries {cp: value}, ascii_mask)] per composite; cps not listed are 0.
    xfirsts: per group, the first characters of its changing keys (FAST_XTRIG)."""
    gdicts = dict(groups)
    interesting = set(ord(k) for k in cjk)
    for rec in group_recs.values():
        interesting.update(rec)
    comps = []
    for gname, dnames in groups:
        maps = [t.dicts[D[dn]][4] for dn in dnames]
        pairs = set((k[0], k[1]) for mp in maps for k in mp if len(k) > 1)
        firsts = set(a for a, _ in pairs)
        seconds = set(b for _, b in pairs)
        before_ascii = set(k[j] for mp in maps for k in mp for j in range(len(k) - 1)
                           if ord(k[j + 1]) < 128)
        ent = {}
        for cp in interesting | set(ord(a) for a in firsts | seconds | before_ascii):
            x = chr(fold_compat(cp, cjk))
            out = next((mp[x][0] for mp in maps if x in mp), x)
            ent[cp] = fast_entry(cp, ord(out) if len(out) == 1 else None)
            if x in firsts and not ent[cp] & FAST_SLOW:
                ent[cp] |= FAST_TRIG
                if x in xfirsts.get(gname, ()):
                    ent[cp] |= FAST_XTRIG
            if x in before_ascii:
                ent[cp] |= FAST_ASCII_NEXT
            if x in seconds:
                ent[cp] |= FAST_SECOND
        mask = sum(1 << c for c in set(ord(k[0]) for mp in maps for k in mp) if c < 128)
        comps.append((ent, mask, pairs, 0, len(seconds) < 2000))
    for m, plan in enumerate(multi_plans()):
        comps.append(multi_table(t, D, gdicts, plan, m, interesting, cjk))
    return comps


FAST_TRIG = 1 << 25
FAST_SECOND = 1 << 26  # the second character of some pair of the set
FAST_COMPAT = 1 << 27  # a compatibility ideograph (folded before matching)
# Two-step plans: on a trigger that is not SLOW, the window it opens covers
# this many characters after it (0: the plan's reach).
FAST_REACH_SHIFT = 28
FAST_REACH_MAX = 15
# One-group tables (no reach bits there): the first character of a key of
# the group's pair dictionary whose value is not its characters' own
# results (changing_keys).
FAST_XTRIG = 1 << 28
# One-group tables: an ASCII character follows this one in some key.
FAST_ASCII_NEXT = 1 << 29


MULTI_BLOOM_BITS = 19
MULTI_EXTRA = {}  # plan index -> (short pairs, triples, step-1 starts)


def triple_probes(m, c1, c2, c3):
    """The probes of a plan's triple (lib/zh.c: triple_maybe)."""
    key = ((m << 42) | (c1 << 21) | c2) ^ ((c3 * HASH_MUL) & MASK64)
    h = ((key ^ (key >> 31)) * HASH_MUL) & MASK64
    mask = (1 << MULTI_BLOOM_BITS) - 1
    return (h >> (64 - MULTI_BLOOM_BITS), (h >> 20) & mask, h & mask)


def multi_probes(m, c1, c2):
    """The three bit positions of a plan's pair (lib/zh.c: multi_pair_maybe)."""
    key = (m << 42) | (c1 << 21) | c2
    h = ((key ^ (key >> 31)) * HASH_MUL) & MASK64
    mask = (1 << MULTI_BLOOM_BITS) - 1
    return (h >> (64 - MULTI_BLOOM_BITS), (h >> 20) & mask, h & mask)


def multi_table(t, D, gdicts, plan, m, interesting, cjk):
    """Fast table entries, ASCII mask, pair set and reach of a two-step plan."""
    steps = []  # [(dictionary names of step 1 incl. segmentation), (step 2)]
    for seg, gs in plan:
        for g in gs:
            steps.append(list(gdicts[g]))
    if plan[0][0]:
        steps[0] = [plan[0][0]] + steps[0]
    if len(steps) == 1:
        steps.append([])
    maps = [[t.dicts[D[dn]][4] for dn in st] for st in steps]
    # the groups proper (without the segmentation dictionary) for single results
    gmaps = [[t.dicts[D[dn]][4] for dn in gdicts[g]] for _, gs in plan for g in gs]

    def single(step, x):
        for mapping in gmaps[step] if step < len(gmaps) else []:
            if x in mapping:
                return mapping[x][0]
        return x

    def multi_keys(step):
        return [k for mp in maps[step] for k in mp if len(k) > 1]

    k1, k2 = multi_keys(0), multi_keys(1)
    pairs = set((k[0], k[1]) for k in k1)
    # step-1 images: preimages of each character
    pre = {}
    chars = set(chr(c) for c in interesting) | set(c for k in k1 + k2 for c in k)
    for c in chars:
        y = single(0, chr(fold_compat(ord(c), cjk)))
        if len(y) == 1:
            pre.setdefault(y, set()).add(c)
    reach = max(len(k) for k in k1) + max((len(k) for k in k2), default=0)
    # Per first character of a pair: how many characters after a trigger
    # there the window must cover (lib/zh.c: convert_regions).  A step-2
    # key made of single results ends within its own length.  A step-1 key
    # K ends within len(K); a step-2 key that holds a character of K's value
    # starts at most one character before K (or inside it) and ends at most
    # len(that key) characters past K's end: the characters after K are
    # single results, or other step-1 matches, whose triggers extend the
    # window themselves.  A segmentation key (its step-1 result is the
    # group's conversion of the segment) keeps the plan's reach.
    longest2 = {}
    for k in k2:
        for c in set(k):
            longest2[c] = max(longest2.get(c, 0), len(k))
    trig_reach = {}

    def need(c, n):
        trig_reach[c] = max(trig_reach.get(c, 0), n)

    if plan[0][0]:
        for k in t.dicts[D[plan[0][0]]][4]:
            if len(k) > 1:
                need(k[0], reach)
    for mp in gmaps[0]:
        for k, vals in mp.items():
            if len(k) > 1:
                need(k[0], len(k) + max((longest2.get(c, 0) for v in vals for c in v), default=0))
    # Keys of 2 characters pass on their pair (short); longer ones only
    # where their third character follows too (triples), or where that
    # character may begin a step-1 value that is not its own single result
    # (starts, lib/zh.c: multi_goes_on).
    short, triples = set(), set()

    def preimages(c):
        return pre.get(c, set()) | ({c} if c not in chars else set())

    seg_keys = set(t.dicts[D[plan[0][0]]][4]) if plan[0][0] else set()
    k2_at = {}  # character -> [(step-2 key, index of the character)]
    for k in k2:
        for i, c in enumerate(k):
            k2_at.setdefault(c, []).append((k, i))

    def thirds(k):
        """A step-1 key AB -> V whose two steps give what A and B give on
        their own (怎么 -> 怎麼 -> 怎么), with V[0] A's own step-1 result:
        the characters after it that let a step-2 key starting in V match
        (麼些族: 些), or None where a window is always needed."""
        if k in seg_keys:
            return None
        v = next((mp[k][0] for mp in gmaps[0] if k in mp), None)
        a, b = single(0, k[0]), single(0, k[1])
        if v is None or len(v) != 2 or len(a) != 1 or len(b) != 1 or v[0] != a:
            return None
        two = [single(1, c) for c in (v[0], v[1], a, b)]
        if any(len(c) != 1 for c in two) or two[:2] != two[2:]:
            return None
        out = set()
        for kk, i in k2_at.get(v[1], []):
            if i == 0:
                out |= preimages(kk[1])
            elif kk[i - 1] == v[0]:
                if i > 1 or len(kk) == 2:
                    return None
                out |= preimages(kk[2])
        return out

    for k in k1:
        if len(k) == 2:
            th = thirds(k)
            if th is None:
                short.add((k[0], k[1]))
            else:
                triples.update((k[0], k[1], c) for c in th)
        else:
            triples.add((k[0], k[1], k[2]))

    for k in k2:
        a_set = preimages(k[0])
        b_set = preimages(k[1])
        c_set = preimages(k[2]) if len(k) > 2 else set()
        for a in a_set:
            need(a, len(k))
            for b in b_set:
                pairs.add((a, b))
                if len(k) == 2:
                    short.add((a, b))
                for c in c_set:
                    triples.add((a, b, c))
    starts = set(k[0] for mp in gmaps[0] for k in mp if len(k) > 1)
    MULTI_EXTRA[m] = (short, triples, starts)
    firsts = set(a for a, _ in pairs)
    seconds = set(b for _, b in pairs)
    ent = {}
    for cp in interesting | set(ord(c) for c in chars | seconds):
        c = chr(cp)
        x = chr(fold_compat(cp, cjk))
        y = single(0, x)
        z = single(1, y) if len(y) == 1 else y
        e = fast_entry(cp, ord(z)) if len(z) == 1 else FAST_SLOW
        if x in firsts:
            e |= FAST_TRIG
            r = min(trig_reach[x], reach)
            if not e & FAST_SLOW and r <= FAST_REACH_MAX:
                e |= r << FAST_REACH_SHIFT
        if x in seconds:
            e |= FAST_SECOND
        ent[cp] = e
    mask = sum(1 << ord(c) for c in set("".join(k1 + k2)) if ord(c) < 128)
    return ent, mask, pairs, reach, True


def emit_fast(w, comps, groups):
    blocks = [tuple([0] * 64)]
    block_index = {blocks[0]: 0}
    index = []
    for ent, _, _, _, _ in comps:
        idx = []
        for hi in range(1024):
            blk = []
            for lo in range(64):
                cp = (hi << 6) | lo
                bad = cp < 0x800 or 0xD800 <= cp <= 0xDFFF
                blk.append(FAST_SLOW if bad else ent.get(cp, 0) |
                           (FAST_COMPAT if 0xF900 <= cp <= 0xFAFF else 0))
            blk = tuple(blk)
            if blk not in block_index:
                block_index[blk] = len(blocks)
                blocks.append(blk)
            idx.append(block_index[blk])
        index.append(idx)
    w("#define ZH_FAST_SLOW 0x%xu\n#define ZH_FAST_TRIG 0x%xu\n#define ZH_FAST_SECOND 0x%xu" %
      (FAST_SLOW, FAST_TRIG, FAST_SECOND))
    w("#define ZH_FAST_COMPAT 0x%xu" % FAST_COMPAT)
    w("#define ZH_FAST_REACH_SHIFT %d" % FAST_REACH_SHIFT)
    w("#define ZH_FAST_XTRIG 0x%xu\n#define ZH_FAST_ASCII_NEXT 0x%xu" % (FAST_XTRIG, FAST_ASCII_NEXT))
    w("#define ZH_FAST_COUNT %d" % len(comps))
    w("/* Per group: does ZH_FAST_SECOND settle most pair tests?  (Not for ST:")
    w(" * almost every character is the second of some STPhrases key.) */")
    w("static const uint8_t zh_group_second[%d] = {%s};" %
      (len(groups), ", ".join(str(int(c[4])) for c in comps[:len(groups)])))
    w("/* Per group and byte: 1 for the ASCII characters that start a key and")
    w(" * the bytes of other characters; the fast path copies the other ASCII")
    w(" * bytes as they are. */")
    w("static const uint8_t zh_group_stop[%d][256] = {" % len(groups))
    for c in comps[:len(groups)]:
        w("{" + ",".join("1" if b >= 128 or (c[1] >> b) & 1 else "0" for b in range(256)) + "},")
    w("};")
    w("/* Per group: does any key start with ASCII? */")
    w("static const uint8_t zh_group_ascii_keys[%d] = {%s};" % (
        len(groups), ", ".join("1" if c[1] else "0" for c in comps[:len(groups)])))
    emit_rows(w, "static const uint32_t zh_fast_blocks[%d][64]" % len(blocks), blocks, block_value)
    emit_rows(w, "static const uint16_t zh_fast_index[ZH_FAST_COUNT][1024]", index, str)
    w("/* The plans with several steps, in the order of their fast tables after")
    w(" * the ZH_GROUP_COUNT one-group tables; ascii: the ASCII characters that")
    w(" * occur in the plan's keys; reach: the longest key of step 1 plus the")
    w(" * longest of step 2, in characters. */")
    w("typedef struct { uint8_t nconf; int8_t seg[2]; uint8_t ngroups[2]; uint8_t group[2][2];"
      " uint64_t ascii[2]; uint32_t reach; } zh_multi_info;")
    gid = {g: i for i, (g, _) in enumerate(groups)}
    plans = multi_plans()
    w("#define ZH_MULTI_COUNT %d" % len(plans))
    w("static const zh_multi_info zh_multi[ZH_MULTI_COUNT] = {")
    for plan, (_, mask, _, reach, _) in zip(plans, comps[len(groups):]):
        confs = list(plan) + [(None, ())] * (2 - len(plan))
        segs = ["ZH_D_" + c[0] if c[0] else "-1" for c in confs]
        ng = [str(len(c[1])) for c in confs]
        gr = ["{%s}" % ", ".join([str(gid[g]) for g in c[1]] + ["0"] * (2 - len(c[1])))
              for c in confs]
        w("    {%d, {%s}, {%s}, {%s}, {UINT64_C(0x%x), UINT64_C(0x%x)}, %d}," %
          (len(plan), ", ".join(segs), ", ".join(ng), ", ".join(gr), mask & MASK64, mask >> 64,
           reach))
    w("};\n")


def key_weights(mapping):
    """Word weights for the lattice's tie-break (keys of 2+ characters): how
    many keys of the same dictionary contain the key (a stand-in for how
    common the word is, since OpenCC's data has no frequencies), capped at
    255."""
    sub = {}
    for key in mapping:
        seen = set()
        for i in range(len(key)):
            for j in range(i + 2, len(key) + 1):
                piece = key[i:j]
                if piece not in seen:
                    seen.add(piece)
                    sub[piece] = sub.get(piece, 0) + 1
    return {key: min(255, sub.get(key, 1)) for key in mapping if len(key) >= 2}


PAIR_BLOOM_BITS = 20
# The dictionaries that get a pair table (lib/zh.c: the one-group fast path
# of a group whose only dictionary with longer keys is this one).
PAIR_DICTS = ("STP",)


def pack_pair(key):
    """The UTF-8 bytes of a key's first two characters as a little-endian
    integer (lib/zh.c reads them straight from the input)."""
    b = key[:2].encode("utf-8")
    if len(b) > 8:
        raise SystemExit("pair too long: %r" % key)
    return int.from_bytes(b, "little")


def head_bit(head):
    """lib/zh.c: head_bit."""
    return ((head * 0x9E3779B1) & 0xFFFFFFFF) >> 27


def go_on_bit(h, head, bits=PAIR_BLOOM_BITS):
    """lib/zh.c: pair_may_go_on: a bit in the 64-byte line of the pair's
    own bit (pair_bloom), so both tests cost one cache line."""
    line = h >> (64 - bits + 9)
    return line << 9 | (((h ^ head) * HASH_MUL) & MASK64) >> 55


# The filters of lib/zh.c's plain run (zh_run_plain), per pair dictionary:
# the changing filter, laid out as the pair filter (pair bit, go-on bits in
# its line) but over the changing keys only, small enough for L1; and the
# inner filter, one bit per two characters that follow each other in some
# key (where it fails, no key crosses: a cut).
XBLOOM_BITS = 18
INNER_BITS = 19


def group_single(maps, c):
    """A group's result for the character c on its own (the first
    dictionary of the group that has it)."""
    for mp in maps:
        if c in mp:
            return mp[c][0]
    return c


def changing_keys(maps):
    """The keys of maps[0] whose value is not the concatenation of their
    characters' own results (group_single): where none of them matches, the
    group's output, greedy or lattice, is every character's own result."""
    return {k for k, v in maps[0].items()
            if v[0] != "".join(group_single(maps, c) for c in k)}


def emit_plain_filters(mapping, changing, salt):
    """The changing and inner filters (see XBLOOM_BITS) of one pair dictionary."""
    xbloom = bytearray(1 << (XBLOOM_BITS - 3))
    inner = bytearray(1 << (INNER_BITS - 3))
    for key in changing:
        h = pair_hash(pack_pair(key), salt)
        b = h >> (64 - XBLOOM_BITS)
        xbloom[b >> 3] |= 1 << (b & 7)
        rb = key[2:].encode("utf-8")
        b = go_on_bit(h, int.from_bytes(rb[:3], "little") if len(rb) >= 3 else 0, XBLOOM_BITS)
        xbloom[b >> 3] |= 1 << (b & 7)
    for key in mapping:
        for j in range(len(key) - 1):
            b = pair_hash(pack_pair(key[j:j + 2]), salt) >> (64 - INNER_BITS)
            inner[b >> 3] |= 1 << (b & 7)
    return xbloom, inner


def pair_hash(packed, salt):
    return (((packed ^ salt) * HASH_MUL) & MASK64)


def emit_pairs(w, t, D, changing):
    """Per dictionary of PAIR_DICTS: an open-addressing table keyed by the
    UTF-8 bytes of the first two characters of its keys; each slot lists the
    keys with that start (the bytes after the pair and the value), longest
    first.  A bloom filter over all of them answers most positions; it also
    holds, in the same 64-byte line as the pair's bit, (pair, first 3 bytes
    of the rest) of every key with a rest of 3+ bytes and (pair, 0) of the
    others (lib/zh.c: pair_may_go_on)."""
    bloom = bytearray(1 << (PAIR_BLOOM_BITS - 3))
    keys, infos, cands, rows, plain = [], [], [], [], []
    for k, name in enumerate(PAIR_DICTS):
        mapping = t.dicts[D[name]][4]
        weights = key_weights(mapping)
        salt = (k * 0x5851F42D4C957F2D) & MASK64
        by_pair = {}
        for key, vals in mapping.items():
            if len(key) < 2:
                raise SystemExit("%s: pair table needs keys of 2+ characters" % name)
            if any(0xF900 <= ord(c) <= 0xFAFF or 0x2F800 <= ord(c) <= 0x2FA1F for c in key):
                raise SystemExit("%s: compatibility ideograph in a key" % name)
            by_pair.setdefault(pack_pair(key), []).append(key)
        bits = 4
        while (1 << bits) < len(by_pair) * 1.4:
            bits += 1
        size = 1 << bits
        slot_keys = [0] * size
        slot_info = [0] * size
        for packed, ks in sorted(by_pair.items()):
            h = pair_hash(packed, salt)
            bloom[(h >> (64 - PAIR_BLOOM_BITS)) >> 3] |= 1 << ((h >> (64 - PAIR_BLOOM_BITS)) & 7)
            for x in ks:
                rb = x[2:].encode("utf-8")
                b = go_on_bit(h, int.from_bytes(rb[:3], "little") if len(rb) >= 3 else 0)
                bloom[b >> 3] |= 1 << (b & 7)
            i = h >> (64 - bits)
            while slot_keys[i]:
                i = (i + 1) & (size - 1)
            ks.sort(key=lambda x: (-utf8len(x), x))
            # the keys whose rest is shorter than 3 bytes come last; the
            # others set the bit of their rest's first 3 bytes (head_bit)
            nshort = sum(1 for x in ks if utf8len(x[2:]) < 3)
            hmask = 0
            for x in ks:
                rb = x[2:].encode("utf-8")
                if len(rb) >= 3:
                    hmask |= 1 << head_bit(int.from_bytes(rb[:3], "little"))
            if len(ks) > 255 or nshort > 15 or len(cands) >= 1 << 20:
                raise SystemExit("pair table too large")
            slot_keys[i] = packed
            slot_info[i] = len(ks) | nshort << 8 | len(cands) << 12 | hmask << 32
            for key in ks:
                rest = t.value_ref(key[2:]) if len(key) > 2 else 0
                rb = key[2:].encode("utf-8")
                head = int.from_bytes(rb[:3], "little") if len(rb) >= 3 else 0
                cands.append((rest, t.value_ref(mapping[key][0]), head,
                              len(key) | weights[key] << 8))
        rows.append((len(keys), bits, salt))
        plain.append(emit_plain_filters(mapping, changing[name], salt))
        keys.extend(slot_keys)
        infos.extend(slot_info)
    return bloom, keys, infos, cands, rows, plain


def write_pairs(w, t, D, groups, pairs):
    bloom, keys, infos, cands, rows, plain = pairs
    w("/* Pair tables (mk/zh_gen.py: emit_pairs). */")
    w("#define ZH_PAIR_BLOOM_BITS %d" % PAIR_BLOOM_BITS)
    emit_array(w, "static const _Alignas(64) uint8_t zh_pair_bloom[%d]" % len(bloom), bloom, 40, "{},".format)
    emit_array(w, "static const uint64_t zh_pair_keys[%d]" % len(keys), keys, 6, "UINT64_C(0x{:x}),".format)
    w("/* count | short << 8 | first candidate << 12 | head bits << 32: the slot's")
    w(" * candidates, how many of them (the last) have a rest under 3 bytes, and")
    w(" * the head_bit of every other one's rest. */")
    emit_array(w, "static const uint64_t zh_pair_info[%d]" % len(infos), infos, 6, "UINT64_C(0x{:x}),".format)
    w("/* rest: the key's bytes after its first two characters (pool reference,")
    w(" * 0 for none); val: its value; head: the first 3 bytes of rest when it")
    w(" * has 3 or more (little-endian), else 0; chars: its length in")
    w(" * characters; weight: its lattice weight (as zh_node_weight). */")
    w("typedef struct { uint32_t rest, val, head; uint8_t chars, weight; } zh_pair_cand;")
    w("static const zh_pair_cand zh_pair_cands[%d] = {" % max(len(cands), 1))
    for i in range(0, len(cands), 8):
        w("".join("{%du,%du,%du,%d,%d}," % (c[0], c[1], c[2], c[3] & 255, c[3] >> 8)
                  for c in cands[i:i + 8]))
    w("};\n")
    w("/* Per pair table, the filters of the plain run (mk/zh_gen.py: XBLOOM_BITS). */")
    w("#define ZH_XBLOOM_BITS %d\n#define ZH_INNER_BITS %d" % (XBLOOM_BITS, INNER_BITS))
    w("static const _Alignas(64) uint8_t zh_xbloom[%d][%d] = {" % (len(plain), 1 << (XBLOOM_BITS - 3)))
    for xb, _ in plain:
        w("{" + ",".join(map(str, xb)) + "},")
    w("};\n")
    w("static const uint8_t zh_inner_bloom[%d][%d] = {" % (len(plain), 1 << (INNER_BITS - 3)))
    for _, ib in plain:
        w("{" + ",".join(map(str, ib)) + "},")
    w("};\n")
    w("typedef struct { int dict; uint32_t off, bits; uint64_t salt; } zh_pair_dict_info;")
    w("#define ZH_PAIR_DICT_COUNT %d" % len(rows))
    w("static const zh_pair_dict_info zh_pair_dicts[ZH_PAIR_DICT_COUNT] = {")
    for name, (off, bits, salt) in zip(PAIR_DICTS, rows):
        w("    {ZH_D_%s, %du, %du, UINT64_C(0x%x)}," % (name, off, bits, salt))
    w("};\n")
    # A group takes the pair path when its first dictionary has a pair table
    # and every other one holds single characters only.
    use = []
    for gname, dnames in groups:
        k = PAIR_DICTS.index(dnames[0]) if dnames[0] in PAIR_DICTS else -1
        if k >= 0 and any(max(len(x) for x in t.dicts[D[d]][4]) > 1 for d in dnames[1:]):
            k = -1
        use.append(k)
    w("/* Per group: its pair table in zh_pair_dicts, or -1. */")
    w("static const int8_t zh_group_pairs[%d] = {%s};\n" % (len(groups), ", ".join(map(str, use))))


def main():
    data, out_path = sys.argv[1], sys.argv[2]

    def load(name):
        return read_dict(os.path.join(data, name + ".txt"))

    raw = {}
    for name in ("STCharacters", "STPhrases", "TSCharacters", "TSPhrases", "TWPhrases",
                 "TWPhrasesRev", "TWVariants", "TWVariantsPhrases", "TWVariantsRevPhrases",
                 "HKPhrases", "HKPhrasesRev", "HKVariants", "HKVariantsPhrases",
                 "HKVariantsRevPhrases", "CJK_Compatibility_Ideographs"):
        raw[name] = load(name)
    m = {name: as_map(e) for name, (e, _) in raw.items()}

    # Derived tables (upstream builds them; see NOTICE).
    m["TWVariantsRev"] = reverse(*raw["TWVariants"])
    m["HKVariantsRev"] = reverse(*raw["HKVariants"])
    m["TSCharactersExt"] = tofu_ext(raw["TSCharacters"][0])
    t2s = [m["TSPhrases"], m["TSCharactersExt"], m["TSCharacters"]]
    generated = {}
    for name in ("TWPhrases", "HKPhrases"):
        for key, _, _ in raw[name][0]:
            simp = fmm(key, t2s)
            if len(simp) >= 3:
                lst = generated.setdefault(simp, [])
                if key not in lst:
                    lst.append(key)
    # OpenCC's "union" group: the longest match over both; on equal keys the
    # first dictionary (STPhrases) wins.
    st_phrases = dict(generated)
    st_phrases.update(m["STPhrases"])

    t = Tables()
    D = {}
    D["STP"] = t.add_dict("STP", st_phrases)
    for short, name in (("STC", "STCharacters"), ("TSP", "TSPhrases"), ("TSX", "TSCharactersExt"),
                        ("TSC", "TSCharacters"), ("TWP", "TWPhrases"), ("TWPR", "TWPhrasesRev"),
                        ("TWVP", "TWVariantsPhrases"), ("TWV", "TWVariants"),
                        ("TWVRP", "TWVariantsRevPhrases"), ("TWVR", "TWVariantsRev"),
                        ("HKP", "HKPhrases"), ("HKPR", "HKPhrasesRev"),
                        ("HKVP", "HKVariantsPhrases"), ("HKV", "HKVariants"),
                        ("HKVRP", "HKVariantsRevPhrases"), ("HKVR", "HKVariantsRev"),
                        ("CJK", "CJK_Compatibility_Ideographs")):
        D[short] = t.add_dict(short, m[name])

    groups = [
        ("ST", ["STP", "STC"]),
        ("TS", ["TSP", "TSC"]),
        ("TSX", ["TSP", "TSX", "TSC"]),
        ("TWV", ["TWVP", "TWV"]),
        ("TWVP", ["TWP", "TWVP", "TWV"]),
        ("TWVR", ["TWVRP", "TWVR"]),
        ("TWVRP", ["TWPR", "TWVRP", "TWVR"]),
        ("HKV", ["HKVP", "HKV"]),
        ("HKVP", ["HKP", "HKVP", "HKV"]),
        ("HKVR", ["HKVRP", "HKVR"]),
        ("HKVRP", ["HKPR", "HKVRP", "HKVR"]),
        ("VR", ["TWVRP", "HKVRP", "TWVR", "HKVR"]),
        ("VRP", ["TWPR", "HKPR", "TWVRP", "HKVRP", "TWVR", "HKVR"]),
        ("CJK", ["CJK"]),
    ]

    # Records per group: two-level, 256 code points per block, blocks shared.
    blocks = [tuple([0] * 256)]
    block_index = {blocks[0]: 0}
    group_idx = []
    group_recs = {}
    group_ratio = []
    cp_growth = [1]
    HAS, STARTS = 1 << 21, 1 << 22
    for gname, dnames in groups:
        rec = {}
        ratio = 1.0
        for dn in dnames:
            mapping = t.dicts[D[dn]][4]
            for key, vals in mapping.items():
                ratio = max(ratio, utf8len(vals[0]) / utf8len(key))
                cp = ord(key[0])
                r = rec.get(cp, 0)
                if len(key) > 1:
                    r |= STARTS
                elif not (r & HAS):
                    v = vals[0]
                    if len(v) == 1:
                        r |= HAS | ord(v)
                    else:
                        r |= STARTS  # multi-character value: take the slow path
                rec[cp] = r
        # A multi-character key in an earlier dict shadows a later dict's
        # single-character entry only through the slow path, which STARTS
        # already selects.
        idx = []
        for hi in range(0x1100):
            blk = tuple(rec.get((hi << 8) | lo, 0) for lo in range(256))
            if blk not in block_index:
                block_index[blk] = len(blocks)
                blocks.append(blk)
            idx.append(block_index[blk])
        group_idx.append(idx)
        group_recs[gname] = rec
        group_ratio.append(ratio)
        for dn in dnames:
            for key, vals in t.dicts[D[dn]][4].items():
                cp_growth[0] = max(cp_growth[0], -(-len(vals[0]) // len(key)))

    # Per pair dictionary, the keys that change the text (changing_keys)
    # within the one group that takes its pair path (lib/zh.c: zh_run_plain).
    changing, xfirsts = {}, {}
    for name in PAIR_DICTS:
        users = [(g, dn) for g, dn in groups if dn[0] == name]
        if len(users) != 1:
            raise SystemExit("zh_gen: pair dictionary %s must lead one group" % name)
        changing[name] = changing_keys([t.dicts[D[d]][4] for d in users[0][1]])
        xfirsts[users[0][0]] = set(k[0] for k in changing[name])
        print("zh_gen: %s: %d of %d keys change the text" %
              (name, len(changing[name]), len(t.dicts[D[name]][4])), file=sys.stderr)
    cjk_map = m["CJK_Compatibility_Ideographs"]
    fast = fast_tables(t, D, groups, group_recs, m["CJK_Compatibility_Ideographs"], HAS, STARTS,
                       xfirsts)

    # Script classes: 1 Han, 2 Simplified-only, 3 Traditional-only.
    cls = {}
    for lo, hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x323AF)):
        for cp in range(lo, hi + 1):
            cls[cp] = 1
    for key, vals in m["STCharacters"].items():
        if key not in vals:
            cls[ord(key)] = 2
    for key, vals in m["TSCharacters"].items():
        if key not in vals:
            cls[ord(key)] = 1 if cls.get(ord(key)) == 2 else 3
    cblocks = [tuple([0] * 256)]
    cblock_index = {cblocks[0]: 0}
    cidx = []
    for hi in range(0x1100):
        blk = tuple(cls.get((hi << 8) | lo, 0) for lo in range(256))
        if blk not in cblock_index:
            cblock_index[blk] = len(cblocks)
            cblocks.append(blk)
        cidx.append(cblock_index[blk])

    pair_tables = emit_pairs(None, t, D, changing)  # before the pool is written: it adds to it

    out = []
    w = out.append
    w("/* Generated by mk/zh_gen.py from data/opencc (OpenCC dictionaries, Apache-2.0). */")
    w("#ifndef SCRUB_ZH_TABLES_H\n#define SCRUB_ZH_TABLES_H\n#include <stdint.h>\n")
    for i, (name, _, _, _, _) in enumerate(t.dicts):
        w("#define ZH_D_%s %d" % (name, i))
    w("#define ZH_DICT_COUNT %d" % len(t.dicts))
    for i, (gname, dnames) in enumerate(groups):
        w("#define ZH_G_%s %d" % (gname, i))
    w("#define ZH_GROUP_COUNT %d" % len(groups))
    w("#define ZH_REC_HAS 0x%xu\n#define ZH_REC_STARTS 0x%xu\n#define ZH_REC_CP 0x1FFFFFu" %
      (HAS, STARTS))
    maxkey = max(d[2] for d in t.dicts)
    w("#define ZH_MAX_KEY %d" % maxkey)
    w("/* Largest ceil(characters(value) / characters(key)) of any entry. */")
    w("#define ZH_CP_GROWTH %d\n" % cp_growth[0])
    # Two-byte characters (U+0080..U+07FF) that occur in some key (the middle
    # dot of transcribed names): the window path copies the others as they
    # are, like an unmapped character outside every key.
    two = [0] * 32
    for _, _, _, _, mapping in t.dicts:
        for key in mapping:
            for ch in key:
                if 0x80 <= ord(ch) < 0x800:
                    two[ord(ch) >> 6] |= 1 << (ord(ch) & 63)
    w("static const uint64_t zh_two_in_keys[32] = {%s};\n" %
      ", ".join("UINT64_C(0x%x)" % x for x in two))

    # 8 bytes of padding: lib/zh.c reads key bytes 4 at a time
    w("static const char zh_pool[%d] = {" % (len(t.pool) + 8))
    pb = bytes(t.pool) + bytes(8)
    for i in range(0, len(pb), 24):
        w("".join("%d," % (c if c < 128 else c - 256) for c in pb[i:i + 24]))
    w("};\n")
    # Word weights for the lattice's tie-break: how many keys of the same
    # dictionary contain the key (a stand-in for how common the word is,
    # since OpenCC's data has no frequencies), capped at 255.
    weight = [0] * len(t.node_val)
    for name, root, mk, edges, mapping in t.dicts:
        for key, wt in key_weights(mapping).items():
            node = root
            for ch in key:
                node = edges[(node, ord(ch))]
            weight[node] = wt
    emit_array(w, "static const uint8_t zh_node_weight[%d]" % len(weight), weight, 32, "{},".format)
    emit_array(w, "static const uint32_t zh_node_val[%d]" % len(t.node_val), t.node_val, 12, "{}u,".format)

    dict_rows = []
    all_slots = []
    for name, root, mk, edges, _ in t.dicts:
        bits, slots = build_hash(edges, t)
        single = int(any(len(k) == 1 for k in t.dicts[len(dict_rows)][4]))
        dict_rows.append((root, mk, len(all_slots), bits, single))
        all_slots.extend(slots)
    emit_array(w, "static const uint64_t zh_edges[%d]" % len(all_slots), all_slots, 6, "UINT64_C(0x{:x}),".format)
    w("#define ZH_TERM 0x%xu\n#define ZH_NODE_MASK 0x%xu" % (TERM, TERM - 1))
    w("typedef struct { uint32_t root; uint32_t max_key; uint32_t edge_off; uint32_t bits; uint32_t has_single; } zh_dict_info;")
    w("static const zh_dict_info zh_dicts[ZH_DICT_COUNT] = {")
    for row in dict_rows:
        w("    {%du, %du, %du, %du, %du}," % row)
    w("};\n")
    # pair_dict: the group's only dictionary with longer keys, when it has
    # no single-character key (then a failed pair test settles a position).
    w("typedef struct { uint8_t n; int8_t pair_dict; uint8_t dict[7]; } zh_group_info;")
    w("static const zh_group_info zh_groups[ZH_GROUP_COUNT] = {")
    for gname, dnames in groups:
        multi = [d for d in dnames if max(len(k) for k in t.dicts[D[d]][4]) > 1]
        pair = -1
        if len(multi) == 1 and not any(len(k) == 1 for k in t.dicts[D[multi[0]]][4]):
            pair = D[multi[0]]
        w("    {%d, %d, {%s}}, /* %s */" % (len(dnames), pair,
                                          ", ".join("ZH_D_" + d for d in dnames), gname))
    w("};\n")
    w("/* Largest bytes(value) / bytes(key) over each group's entries. */")
    w("static const double zh_group_growth[ZH_GROUP_COUNT] = {%s};\n" %
      ", ".join("%.4f" % r for r in group_ratio))
    emit_rows(w, "static const uint32_t zh_rec_blocks[%d][256]" % len(blocks), blocks, block_value)
    emit_rows(w, "static const uint16_t zh_rec_index[ZH_GROUP_COUNT][0x1100]", group_idx, str)
    # First trie level of every dictionary with keys longer than one
    # character: the node of each first character (saves a hash probe), and
    # a bloom filter over the deeper edges (most probes there miss).
    fblocks = [tuple([0] * 256)]
    fblock_index = {fblocks[0]: 0}
    first_idx = []
    for name, root, mk, edges, _ in t.dicts:
        firsts = {cp: ref(t, child) for (parent, cp), child in edges.items() if parent == root}
        idx = []
        for hi in range(0x1100):
            blk = tuple(firsts.get((hi << 8) | lo, 0) for lo in range(256))
            if blk not in fblock_index:
                fblock_index[blk] = len(fblocks)
                fblocks.append(blk)
            idx.append(fblock_index[blk])
        first_idx.append(idx)
    w("static const uint32_t zh_first_blocks[%d][256] = {" % len(fblocks))
    for blk in fblocks:
        w("{" + ",".join("%du" % v if v else "0" for v in blk) + "},")
    w("};\n")
    w("static const uint16_t zh_first_index[ZH_DICT_COUNT][0x1100] = {")
    for idx in first_idx:
        w("{" + ",".join(str(v) for v in idx) + "},")
    w("};\n")
    BLOOM_BITS = 20
    bloom = bytearray(1 << (BLOOM_BITS - 3))
    # Two kinds of entries: the first two characters of every key (keyed by
    # the dictionary's root), and every edge below the second level.
    roots = set(d[1] for d in t.dicts)
    first_level = set(child for d in t.dicts for (parent, cp), child in d[3].items()
                      if parent in roots)
    for name, root, mk, edges, mapping in t.dicts:
        for key in mapping:
            if len(key) >= 2:
                h = pair_slot(root, ord(key[0]), ord(key[1]), BLOOM_BITS)
                bloom[h >> 3] |= 1 << (h & 7)
        for (parent, cp) in edges:
            if parent not in roots and parent not in first_level:
                h = hash_slot(parent, cp, BLOOM_BITS)
                bloom[h >> 3] |= 1 << (h & 7)
    # The plans' pair sets: a filter of their own, three probes (few false
    # positives: each one costs a window of the general path).
    # The groups' pair sets (id: the group) have a filter of their own.
    w("#define ZH_MULTI_BLOOM_BITS %d" % MULTI_BLOOM_BITS)
    for name, part in (("zh_group_bloom", fast[:len(groups)]), ("zh_multi_bloom", fast[len(groups):])):
        mbloom = bytearray(1 << (MULTI_BLOOM_BITS - 3))
        for m, (_, _, pairs, _, _) in enumerate(part):
            for a, b in pairs:
                for h in multi_probes(m, ord(a), ord(b)):
                    mbloom[h >> 3] |= 1 << (h & 7)
        emit_array(w, "static const uint8_t %s[%d]" % (name, len(mbloom)), mbloom, 40, "{},".format)
    # The plans' pairs of keys of 2 characters (id: the plan), their step-1
    # starts (id: ZH_MULTI_COUNT + the plan, second character 0), and the
    # first three characters of their longer keys.
    sbloom = bytearray(1 << (MULTI_BLOOM_BITS - 3))
    tbloom = bytearray(1 << (MULTI_BLOOM_BITS - 3))
    nm = len(MULTI_EXTRA)
    for m, (short, triples, starts) in sorted(MULTI_EXTRA.items()):
        probes = [multi_probes(m, ord(a), ord(b)) for a, b in short]
        probes += [multi_probes(nm + m, ord(a), 0) for a in starts]
        for hs in probes:
            for h in hs:
                sbloom[h >> 3] |= 1 << (h & 7)
        for a, b, c in triples:
            for h in triple_probes(m, ord(a), ord(b), ord(c)):
                tbloom[h >> 3] |= 1 << (h & 7)
    print("zh_gen: multi short+starts %d, triples %d" % (
        sum(len(x[0]) + len(x[2]) for x in MULTI_EXTRA.values()),
        sum(len(x[1]) for x in MULTI_EXTRA.values())), file=sys.stderr)
    emit_array(w, "static const uint8_t zh_multi_short_bloom[%d]" % len(sbloom), sbloom, 40, "{},".format)
    emit_array(w, "static const uint8_t zh_multi_triple_bloom[%d]" % len(tbloom), tbloom, 40, "{},".format)
    w("#define ZH_BLOOM_BITS %d" % BLOOM_BITS)
    emit_array(w, "static const uint8_t zh_bloom[%d]" % len(bloom), bloom, 40, "{},".format)
    emit_fast(w, fast, groups)
    # lib/zh.c copies lines of plain ASCII in bulk: no key may be all ASCII
    ascii_keys = [k for d in t.dicts for k in d[4] if all(ord(ch) < 128 for ch in k)]
    if ascii_keys:
        sys.exit("zh_gen: keys made only of ASCII break zh.c's plain_lines: %r" % ascii_keys[:5])
    # and converts runs of whole lines in one call (zh_chunk): no key may
    # hold a line break, or a match could cross one
    nl_keys = [k for d in t.dicts for k in d[4] if "\n" in k or "\r" in k]
    if nl_keys:
        sys.exit("zh_gen: keys with a line break break zh.c's zh_chunk: %r" % nl_keys[:5])
    write_pairs(w, t, D, groups, pair_tables)
    w("static const uint8_t zh_class_blocks[%d][256] = {" % len(cblocks))
    for blk in cblocks:
        w("{" + ",".join(str(v) for v in blk) + "},")
    w("};\n")
    w("static const uint16_t zh_class_index[0x1100] = {" + ",".join(str(v) for v in cidx) + "};\n")
    # The classes of 3-byte sequences, indexed as the fast tables (lead
    # byte's low nibble and second byte, then third byte), compatibility
    # ideographs folded; 4 for overlong forms and surrogates.
    cjk = cjk_map
    c3blocks, c3index, c3seen = [], [], {}
    for hi in range(1024):
        blk = []
        for lo in range(64):
            cp = (hi << 6) | lo
            bad = cp < 0x800 or 0xD800 <= cp <= 0xDFFF
            blk.append(4 if bad else cls.get(fold_compat(cp, cjk), 0))
        blk = tuple(blk)
        if blk not in c3seen:
            c3seen[blk] = len(c3blocks)
            c3blocks.append(blk)
        c3index.append(c3seen[blk])
    w("static const uint8_t zh_class3_blocks[%d][64] = {" % len(c3blocks))
    for blk in c3blocks:
        w("{" + ",".join(map(str, blk)) + "},")
    w("};\n")
    w("static const uint16_t zh_class3_index[1024] = {" + ",".join(map(str, c3index)) + "};\n")
    w("#endif")
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    os.replace(tmp, out_path)
    print("zh_gen: %d dicts, %d nodes, %d edge slots, %d record blocks, pool %d bytes, "
          "growth %s" % (len(t.dicts), len(t.node_val), len(all_slots), len(blocks), len(t.pool),
                         max(group_ratio)), file=sys.stderr)


if __name__ == "__main__":
    main()
