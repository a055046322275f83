#!/usr/bin/env python3
"""Generates build/gen/filter_lexicon.h from data/lexicon/*.txt.

Each entry becomes one row {bytes, length, category, strong, reason} of a
static table; lib/filter_ac.c builds the Aho-Corasick automaton from it once
per process.  Expansions: ':' also as '：', '|' also as '｜', '>' also as
'＞'; ASCII letters are stored lower-case (matching folds case).  Entries of
the spam categories (TRADITIONAL below) also get their Traditional form,
converted with OpenCC's tables in data/opencc (STPhrases.txt, longest phrase
first, else the first candidate of STCharacters.txt), so a list needs only
the Simplified spelling; entries of the boilerplate categories (BOILERPLATE)
get the Traditional form and its Taiwan wording (TWPhrases.txt,
TWVariants.txt).  Python 3 standard library only.

Usage: gen_lexicon.py LEXICON_DIR OPENCC_DIR OUTPUT
       gen_lexicon.py --sale SALE_TXT OPENCC_DIR OUTPUT
       gen_lexicon.py --words WORDS_TXT OPENCC_DIR OUTPUT
The second form writes the words of a sales pitch (data/lexicon/sale.txt:
term, kind, group) with their Traditional forms, for lib/filter_spam.c's
appended-advert rule: kinds become SCRUB__SALE_<KIND>, groups a number per
kind.  The third writes the Chinese word lists that rules of lib/filter*.c
read by name (data/lexicon/words.txt: list, term) as named arrays, each
term followed by its Traditional form.
"""
import itertools
import os
import sys

CATEGORIES = ["gambling", "porn", "medseo", "blackseo", "cta", "footer", "nav", "meta",
              "widget", "related", "contact", "caption", "date", "social",
              "button", "comment", "thread", "pitch"]
TRADITIONAL = {"gambling", "porn", "medseo", "cta", "blackseo"}
# Boilerplate markers get the Traditional form too, and the Taiwan wording
# of that form (OpenCC's TWPhrases/TWVariants: 打印本頁 -> 列印本頁, 字體 ->
# 字型), as pages from Taiwan and Hong Kong name their buttons that way.
BOILERPLATE = {"footer", "nav", "meta", "widget", "related", "contact", "caption",
               "button", "comment", "thread"}
VARIANTS = {":": [":", "\uff1a"], "|": ["|", "\uff5c"], ">": [">", "\uff1e"]}


def cased(term):
    """The term, and when it holds letters that the matcher does not fold
    (it folds ASCII only), its capitalized and upper-case forms: a button
    or a heading-like marker starts with a capital ("Комментарии",
    "Écouter") or is set in capitals ("РЕКЛАМА", "PUBLICITÉ")."""
    forms = [term]
    if not term.isascii():
        forms += [term[:1].upper() + term[1:], term.upper()]
    return forms


def expand(term):
    for form in cased(term):
        parts = [VARIANTS.get(ch, [ch]) for ch in form]
        for combo in itertools.product(*parts):
            yield "".join(combo)


def load_tables(folder, phrases, characters):
    """Two OpenCC tables, phrases then characters (first value of each
    key), and the longest phrase key: what to_traditional walks."""
    tables = []
    for name in (phrases, characters):
        table = {}
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or "\t" not in line:
                    continue
                key, _, values = line.rstrip("\n").partition("\t")
                table.setdefault(key, values.split(" ")[0])
        tables.append(table)
    return tables + [max(len(k) for k in tables[0])]


def load_opencc(folder):
    """Simplified -> Traditional: phrases and characters of OpenCC."""
    return load_tables(folder, "STPhrases.txt", "STCharacters.txt")


def load_taiwan(folder):
    """Traditional -> Taiwan wording: TWPhrases and TWVariants."""
    return load_tables(folder, "TWPhrases.txt", "TWVariants.txt")


def chinese(term):
    """Han characters and no kana: a Japanese term keeps its spelling."""
    return (any("\u4e00" <= ch <= "\u9fff" for ch in term) and
            not any("\u3040" <= ch <= "\u30ff" for ch in term))


def forms_of(term, cat, tables, taiwan):
    """The spellings a term is matched in: as listed, and for Chinese
    terms of the categories above their generated Traditional forms."""
    forms = [term]
    if cat in TRADITIONAL and not term.isascii():
        forms.append(to_traditional(term, tables))
    elif cat in BOILERPLATE and chinese(term):
        trad = to_traditional(term, tables)
        forms += [trad, to_traditional(trad, taiwan)]
    return list(dict.fromkeys(forms))


def to_traditional(term, tables):
    phrases, chars, longest = tables
    out, i = [], 0
    while i < len(term):
        for n in range(min(longest, len(term) - i), 1, -1):
            if term[i:i + n] in phrases:
                out.append(phrases[term[i:i + n]])
                i += n
                break
        else:
            out.append(chars.get(term[i], term[i]))
            i += 1
    return "".join(out)


def c_string(s):
    out = []
    for b in s.encode("utf-8"):
        if 0x20 <= b < 0x7F and chr(b) not in '"\\?':
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


SALE_KINDS = ["shop", "call", "cut", "rate", "trade"]


def write_sale(src, opencc, dst):
    tables = load_opencc(opencc)
    groups = {kind: {} for kind in SALE_KINDS}
    rows, seen = [], set()
    with open(src, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            term, kind, group = line.rstrip("\n").split("\t")
            # the rule finds a term by its first character's three bytes
            if kind not in groups or not all(len(ch.encode("utf-8")) == 3 for ch in term):
                sys.exit("%s:%d: a kind of %s and Chinese characters of three UTF-8 bytes" %
                         (src, lineno, "/".join(SALE_KINDS)))
            gid = groups[kind].setdefault(group, len(groups[kind]))
            if gid >= 32:
                sys.exit("%s:%d: more than 32 groups of kind %s" % (src, lineno, kind))
            for form in dict.fromkeys([term, to_traditional(term, tables)]):
                if form not in seen:
                    seen.add(form)
                    rows.append((form, kind, gid))
    if len(rows) >= 255:
        sys.exit("%s: more than 254 terms" % src)
    with open(dst + ".tmp", "w", encoding="utf-8") as out:
        out.write("/* Generated by data/lexicon/gen_lexicon.py --sale from data/lexicon/sale.txt."
                  "  Do not edit. */\n")
        out.write("enum { %s };\n" % ", ".join("SCRUB__SALE_" + k.upper() for k in SALE_KINDS))
        out.write("static const struct {\n    const char *w;\n    uint8_t kind, id;\n}"
                  " scrub__sale_terms[] = {\n")
        for term, kind, gid in rows:
            out.write("    {%s, SCRUB__SALE_%s, %d},\n" % (c_string(term), kind.upper(), gid))
        out.write("};\n")
    os.replace(dst + ".tmp", dst)


def read_words(src, tables):
    """{list: [forms]} in file order: each term, then its Traditional
    form where OpenCC's gives another spelling, once per list."""
    lists = {}
    with open(src, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            name, _, term = line.rstrip("\n").partition("\t")
            # rules skip bytes below 0xE4 (ASCII, punctuation) before a
            # compare: every term is Han characters of U+4E00..U+9FFF
            if (not name.isidentifier() or not name.islower() or not term or
                    not all("\u4e00" <= ch <= "\u9fff" for ch in term)):
                sys.exit("%s:%d: want list<TAB>term, the list a lower-case C name and the "
                         "term Han characters" % (src, lineno))
            forms = lists.setdefault(name, [])
            for form in (term, to_traditional(term, tables)):
                if form not in forms:
                    forms.append(form)
    return lists


def write_words(src, opencc, dst):
    lists = read_words(src, load_opencc(opencc))
    with open(dst + ".tmp", "w", encoding="utf-8") as out:
        out.write("/* Generated by data/lexicon/gen_lexicon.py --words from data/lexicon/words.txt."
                  "  Do not edit. */\n")
        for name, forms in lists.items():
            sizes = [len(form.encode("utf-8")) for form in forms]
            up = "SCRUB__WORDS_" + name.upper()
            out.write("\n/* %s */\n" % " ".join(forms))
            out.write("static const char *const scrub__words_%s[] = {%s};\n" %
                      (name, ", ".join(c_string(form) for form in forms)))
            out.write("static const uint8_t scrub__words_%s_len[] = {%s};\n" %
                      (name, ", ".join(str(n) for n in sizes)))
            out.write("#define %s_N %d\n" % (up, len(forms)))
            # a rule that compares a fixed number of bytes, or looks for
            # the first byte by memchr, checks these
            if len(set(sizes)) == 1:
                out.write("#define %s_BYTES %d\n" % (up, sizes[0]))
            leads = {form.encode("utf-8")[0] for form in forms}
            if len(leads) == 1:
                out.write("#define %s_LEAD 0x%02X\n" % (up, leads.pop()))
            # a rule's quick test of a line's first character (credit_start,
            # field_start) is generated here, so a new term cannot be
            # skipped by a test that lists the old ones; byte by byte, as
            # most lines fail at the second byte
            firsts = []
            for form in forms:
                first = form[0].encode("utf-8")
                if first not in firsts:
                    firsts.append(first)
            out.write("#define %s_FIRST_AT(p) (%s)\n" % (up, " || ".join(
                "(%s)" % " && ".join("((const unsigned char *)(p))[%d] == 0x%02X" % (i, b)
                                     for i, b in enumerate(first)) for first in firsts)))
    os.replace(dst + ".tmp", dst)


def main():
    if sys.argv[1] == "--sale":
        write_sale(sys.argv[2], sys.argv[3], sys.argv[4])
        return
    if sys.argv[1] == "--words":
        write_words(sys.argv[2], sys.argv[3], sys.argv[4])
        return
    src, opencc, dst = sys.argv[1], sys.argv[2], sys.argv[3]
    tables = load_opencc(opencc)
    taiwan = load_taiwan(opencc)
    rows, seen = [], set()
    for cat_id, cat in enumerate(CATEGORIES):
        path = os.path.join(src, cat + ".txt")
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                term, _, weight = line.partition("\t")
                weight = weight.strip() or "w"
                if weight not in ("s", "w"):
                    sys.exit("%s:%d: weight must be s or w" % (path, lineno))
                if len(term.encode("utf-8")) > 60:
                    sys.exit("%s:%d: term too long" % (path, lineno))
                for form in forms_of(term, cat, tables, taiwan):
                    for variant in expand(form.lower() if form.isascii() else form):
                        variant = "".join(c.lower() if c.isascii() else c for c in variant)
                        if (variant, cat_id) in seen:
                            continue
                        seen.add((variant, cat_id))
                        rows.append((variant, cat_id, weight == "s", cat + ":" + form))
    with open(dst + ".tmp", "w", encoding="utf-8") as out:
        out.write("/* Generated by data/lexicon/gen_lexicon.py from the data/lexicon word lists."
                  "  Do not edit. */\n")
        for i, cat in enumerate(CATEGORIES):
            out.write("#define SCRUB__LEX_%s %d\n" % (cat.upper(), i))
        out.write("#define SCRUB__LEX_CATEGORIES %d\n" % len(CATEGORIES))
        out.write("static const char *const scrub__lex_category_names[] = {%s};\n" %
                  ", ".join('"%s"' % c for c in CATEGORIES))
        out.write("static const scrub__lex_entry scrub__lex_builtin[] = {\n")
        for term, cat, strong, reason in rows:
            out.write("    {%s, %d, %d, %d, %s},\n" % (c_string(term), len(term.encode("utf-8")),
                                                    cat, int(strong), c_string(reason)))
        out.write("};\n")
    os.replace(dst + ".tmp", dst)


if __name__ == "__main__":
    main()
