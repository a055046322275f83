#!/usr/bin/env python3
"""Checks that README.md's `#### Reasons` table lists exactly the reasons
the filter can give a line (scrub_filter_line_reason, `scrub filter
--explain`).

The reasons are read from the library's sources, not from a list kept by
hand: every set_label() call and every `(verdict){...}` literal of lib/*.c
is a place where a line gets its reason, and the reason argument is traced
back to what it can hold:

  "text"                   the reason itself (both arms of a ?: are read)
  R_NAME                   a `static const char R_NAME[] = "text"` constant
  cat_why(ln, CAT)         a lexicon entry's reason, `category:TERM`, for
                           every category CAT can be (SCRUB__CAT_* names,
                           through macros, locals and static tables)
  ...pitch_why             a pitch entry's reason, `pitch:TERM`
  f(...)                   what function f returns
  a parameter              what every caller passes for it
  a local variable         what it is assigned
  v.reason, ln->reason     a reason given elsewhere, passed on
  NULL                     no reason

A line labelled CAND (a candidate not yet decided) is always decided later,
so a reason given only with CAND never reaches a caller and is left out.
A caller's lexicon entry reports `user:CATEGORY:TERM` (when a file of
lib/ builds such reasons) and the tool appends `; spans=START-END,...` to the
reason of a line with inline spam (when examples/tool prints it): both are
rows of the table too.

An argument the script cannot trace is an error, so that a new way of
giving a reason is noticed here rather than left out of the table.

Usage: reasons_doc.py [--list] [SOURCE_DIR]   (default: the repository)
  --list   print every reason found with its label arguments and lines
Python 3 standard library only.
"""
import os
import re
import sys

TOKEN = re.compile(r'''
    (?P<ws>\s+)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:\\.|[^"\\\n])*")
  | (?P<char>'(?:\\.|[^'\\\n])+')
  | (?P<ident>[A-Za-z_]\w*)
  | (?P<number>\.?\d[\w.]*)
  | (?P<punct>->|\+\+|--|&&|\|\||[<>=!]=|<<|>>|.)
''', re.S | re.X)


class Tok:
    __slots__ = ("kind", "text", "line")

    def __init__(self, kind, text, line):
        self.kind, self.text, self.line = kind, text, line

    def __repr__(self):
        return self.text


class Where(int):
    """A line number that knows its file (a stage's files are read as one
    source): prints as lib/FILE:LINE."""

    def __new__(cls, line, path):
        self = int.__new__(cls, line)
        self.path = path
        return self

    def __eq__(self, other):
        return int(self) == int(other) and getattr(other, "path", self.path) == self.path

    def __hash__(self):
        return hash((int(self), self.path))

    def __str__(self):
        return "%s:%d" % (self.path, self)


def tokenize(src, path=""):
    toks, line = [], 1
    for m in TOKEN.finditer(src):
        kind, text = m.lastgroup, m.group()
        if kind not in ("ws", "comment"):
            toks.append(Tok(kind, text, Where(line, path)))
        line += text.count("\n")
    return toks


def c_string(tok):
    """The bytes of a string literal token (only the escapes reasons use)."""
    return bytes(tok.text[1:-1], "utf-8").decode("unicode_escape")


def close_of(toks, i):
    """Index of the bracket closing toks[i]."""
    pairs = {"(": ")", "{": "}", "[": "]"}
    depth = 0
    for k in range(i, len(toks)):
        t = toks[k].text
        if toks[k].kind != "punct":
            continue
        if t in pairs:
            depth += 1
        elif t in pairs.values():
            depth -= 1
            if depth == 0:
                return k
    raise ValueError("unbalanced bracket at line %d" % toks[i].line)


def top_puncts(toks, start=0):
    """(index, token) of each punctuation token of toks from start on that
    lies outside any bracket (the brackets themselves aside)."""
    depth = 0
    for k in range(start, len(toks)):
        t = toks[k]
        if t.kind != "punct":
            continue
        if t.text in "([{":
            depth += 1
        elif t.text in ")]}":
            depth -= 1
        elif depth == 0:
            yield k, t


def split_top(toks, sep=","):
    """toks split at top-level separators."""
    parts, last = [], 0
    for k, t in top_puncts(toks):
        if t.text == sep:
            parts.append(toks[last:k])
            last = k + 1
    parts.append(toks[last:])
    return parts


def strip_parens(toks):
    while len(toks) >= 2 and toks[0].text == "(" and close_of(toks, 0) == len(toks) - 1:
        toks = toks[1:-1]
    return toks


def ternary_arms(toks):
    """[a, b] for `c ? a : b` at the top level, else None."""
    q = next((k for k, t in top_puncts(toks) if t.text == "?"), None)
    if q is None:
        return None
    nested = 0  # a ?: inside the first arm
    for k, t in top_puncts(toks, q + 1):
        if t.text == "?":
            nested += 1
        elif t.text == ":":
            if nested == 0:
                return [toks[q + 1:k], toks[k + 1:]]
            nested -= 1
    return None


def text_of(toks):
    return " ".join(t.text for t in toks)


class Source:
    """One C file, or a stage's files read as one (a rule in one file gives
    a reason another file defines or passes): its functions, constants,
    macros and static tables."""

    def __init__(self, paths):
        self.paths = paths
        self.toks = []
        for path in paths:
            with open(path, encoding="utf-8") as f:
                self.toks += tokenize(f.read(), "lib/" + os.path.basename(path))
        self.funcs = {}    # name -> (params, body start, body end) as token indices
        self.consts = {}   # R_NAME -> its text
        self.macros = {}   # name -> tokens of its body
        self.tables = {}   # static array name -> (start, end) of its initializer
        self._scan()

    def _scan(self):
        toks = self.toks
        i = 0
        while i < len(toks):
            t = toks[i]
            if t.text == "#" and i + 2 < len(toks) and toks[i + 1].text == "define":
                i = self._macro(i)
                continue
            if t.text == "{":  # a function body at file scope
                end = close_of(toks, i)
                if i > 0 and toks[i - 1].text == ")":
                    op = self._open_of(i - 1)
                    if op > 0 and toks[op - 1].kind == "ident":
                        self.funcs[toks[op - 1].text] = (self._params(op, i - 1), i, end)
                elif i > 0 and toks[i - 1].text == "=":
                    self._initializer(i, end)
                i = end + 1
                continue
            if t.text == "=" and i > 0:
                self._const(i)
            i += 1

    def _open_of(self, close):
        depth = 0
        for k in range(close, -1, -1):
            t = self.toks[k].text
            if t == ")":
                depth += 1
            elif t == "(":
                depth -= 1
                if depth == 0:
                    return k
        return -1

    def _params(self, op, cl):
        names = []
        for part in split_top(self.toks[op + 1:cl]):
            idents = [t.text for t in part if t.kind == "ident"]
            names.append(idents[-1] if idents else None)
        return names

    def _macro(self, i):
        line = self.toks[i].line
        k = i + 2
        name = self.toks[k].text
        body = []
        k += 1
        # a macro continues over lines ending in a backslash
        while k < len(self.toks) and (self.toks[k].line == line or self.toks[k - 1].text == "\\"):
            if self.toks[k].text != "\\":
                body.append(self.toks[k])
            line = self.toks[k].line
            k += 1
        self.macros[name] = body
        return k

    def _initializer(self, brace, end):
        k = brace - 2
        if k >= 2 and self.toks[k].text == "]" and self.toks[k - 1].text == "[":
            self.tables[self.toks[k - 2].text] = (brace, end)

    def _const(self, eq):
        # static const char R_NAME[] = "text"
        toks = self.toks
        if (eq >= 3 and toks[eq - 1].text == "]" and toks[eq - 2].text == "[" and
                toks[eq - 3].text.startswith("R_") and eq + 1 < len(toks) and
                toks[eq + 1].kind == "string"):
            self.consts[toks[eq - 3].text] = c_string(toks[eq + 1])

    def func_at(self, k):
        for name, (params, start, end) in self.funcs.items():
            if start < k < end:
                return name
        return None

    def calls(self, name):
        """(argument lists, enclosing function) of every call of name."""
        out = []
        for k, t in enumerate(self.toks):
            if t.text != name or k + 1 >= len(self.toks) or self.toks[k + 1].text != "(":
                continue
            if k > 0 and self.toks[k - 1].text in (".", "->"):
                continue
            caller = self.func_at(k)
            if caller is None:  # a prototype or the definition
                continue
            end = close_of(self.toks, k + 1)
            out.append((split_top(self.toks[k + 2:end]), caller, t.line))
        return out

    def assignments(self, func, var):
        """Right-hand sides assigned to var inside func."""
        _, start, end = self.funcs[func]
        toks = self.toks[start:end]
        out = []
        for k, t in enumerate(toks):
            if (t.text == var and k + 1 < len(toks) and toks[k + 1].text == "=" and
                    toks[k - 1].text not in (".", "->")):
                j = k + 2
                depth = 0
                while j < len(toks):
                    x = toks[j].text
                    if x in "([{":
                        depth += 1
                    elif x in ")]}":
                        if depth == 0:
                            break
                        depth -= 1
                    elif depth == 0 and x in (";", ","):
                        break
                    j += 1
                out.append(toks[k + 2:j])
        return out

    def returns(self, func):
        _, start, end = self.funcs[func]
        out = []
        for k in range(start, end):
            if self.toks[k].text == "return":
                j = k + 1
                while self.toks[j].text != ";":
                    j += 1
                out.append(self.toks[k + 1:j])
        return out


class Tracer:
    def __init__(self, src):
        self.src = src
        self.reasons = {}  # reason -> set of (label argument, line)
        self.errors = []

    def add(self, reason, label, line):
        self.reasons.setdefault(reason, set()).add((label, line))

    def trace(self, expr, func, label, line, seen=frozenset()):
        """Adds the reasons expr (in func) can hold."""
        expr = strip_parens(expr)
        arms = ternary_arms(expr)
        if arms:
            for arm in arms:
                self.trace(arm, func, label, line, seen)
            return
        s = self.src
        words = [t.text for t in expr]
        if len(expr) == 1 and expr[0].kind == "string":
            self.add(c_string(expr[0]), label, line)
        elif len(expr) == 1 and words[0] == "NULL":
            pass
        elif len(expr) == 1 and words[0] in s.consts:
            self.add(s.consts[words[0]], label, line)
        elif words[-1] == "pitch_why" and len(words) >= 3 and words[-2] in (".", "->"):
            self.add("pitch:TERM", label, line)
        elif words[-1] == "reason" and len(words) >= 3 and words[-2] in (".", "->"):
            pass  # a reason given elsewhere, passed on
        elif words[0] == "cat_why" and len(expr) > 1 and words[1] == "(":
            args = split_top(expr[2:close_of(expr, 1)])
            cats = self.categories(args[1], func, seen)
            if not cats:
                self.errors.append("%s: cannot tell the categories of %s" % (line, text_of(expr)))
            for cat in cats:
                self.add(cat + ":TERM", label, line)
        elif len(expr) > 1 and expr[0].kind == "ident" and words[1] == "(" and words[0] in s.funcs:
            key = ("returns", words[0])
            if key not in seen:
                for ret in s.returns(words[0]):
                    self.trace(ret, words[0], label, line, seen | {key})
        elif len(expr) == 1 and expr[0].kind == "ident" and func:
            self.trace_name(words[0], func, label, line, seen)
        else:
            self.errors.append("%s: cannot trace the reason %s" % (line, text_of(expr)))

    def trace_name(self, name, func, label, line, seen):
        s = self.src
        params = s.funcs[func][0]
        key = (func, name)
        if key in seen:
            return
        seen = seen | {key}
        if name in params:
            at = params.index(name)
            calls = s.calls(func)
            if not calls:
                self.errors.append("%s: %s of %s: no caller" % (line, name, func))
            for args, caller, cline in calls:
                self.trace(args[at], caller, label, cline, seen)
            return
        rhs = s.assignments(func, name)
        if not rhs:
            self.errors.append("%s: cannot trace %s in %s" % (line, name, func))
        for expr in rhs:
            self.trace(expr, func, label, line, seen)

    def categories(self, expr, func, seen):
        """Lexicon categories (lower case) an expression can name."""
        s = self.src
        out = set()
        for k, t in enumerate(expr):
            if t.kind != "ident" or (k > 0 and expr[k - 1].text in (".", "->")):
                continue
            name = t.text
            if name.startswith("SCRUB__CAT_") and name != "SCRUB__CAT_COUNT":
                out.add(name[len("SCRUB__CAT_"):].lower())
            elif name in s.macros and ("macro", name) not in seen:
                out |= self.categories(s.macros[name], func, seen | {("macro", name)})
            elif name in s.tables:
                start, end = s.tables[name]
                out |= self.categories(s.toks[start:end], func, seen)
            elif func and ("cat", func, name) not in seen:
                for rhs in s.assignments(func, name):
                    out |= self.categories(rhs, func, seen | {("cat", func, name)})
        return out

    def run(self):
        s = self.src
        toks = s.toks
        for args, func, line in s.calls("set_label"):
            if len(args) == 4 and text_of(args[1]) != "CAND":
                self.trace(args[3], func, text_of(args[1]), line)
        for k in range(len(toks) - 3):
            if (toks[k].text == "(" and toks[k + 1].text == "verdict" and
                    toks[k + 2].text == ")" and toks[k + 3].text == "{"):
                parts = split_top(toks[k + 4:close_of(toks, k + 3)])
                if len(parts) == 3 and text_of(parts[0]) not in ("CAND", "- 1"):
                    self.trace(parts[2], s.func_at(k), text_of(parts[0]), toks[k].line)
        return self


def code_reasons(root):
    """{reason: set of (file, label argument, line)}, errors."""
    reasons, errors = {}, []
    lib = os.path.join(root, "lib")
    # the files of a stage (lib/STAGE.c, lib/STAGE_*.c) that give reasons
    # are read as one source, with lib/STAGE_int.h: the line classifier's rules, the reasons
    # they pass and the constants they name are spread over lib/filter*.c
    stages = {}
    for name in sorted(os.listdir(lib)):
        if not name.endswith(".c"):
            continue
        path = os.path.join(lib, name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if "set_label" not in text and "(verdict){" not in text and '"user:"' not in text:
            continue
        stages.setdefault(re.split(r"[_.]", name)[0], []).append(path)
        if '"user:"' in text:
            reasons.setdefault("user:CATEGORY:TERM", set()).add(("lib/" + name, "", 0))
    for stage, paths in stages.items():
        # and the stage's internal header: its macros, tables and inline
        # helpers (set_label, content_run) are the files' own
        header = os.path.join(lib, stage + "_int.h")
        if len(paths) > 1 and os.path.exists(header):
            paths = paths + [header]
        tracer = Tracer(Source(paths)).run()
        errors += [str(e) for e in tracer.errors]
        for reason, uses in tracer.reasons.items():
            reasons.setdefault(reason, set()).update((ln.path, lab, int(ln)) for lab, ln in uses)
    tool = os.path.join(root, "examples", "tool")
    for name in sorted(os.listdir(tool)) if os.path.isdir(tool) else []:
        with open(os.path.join(tool, name), encoding="utf-8", errors="replace") as f:
            if '"; spans="' in f.read():
                reasons.setdefault("spans=START-END,...", set()).add(("examples/tool/" + name, "", 0))
    return reasons, errors


def readme_reasons(path):
    """The first column of the first table under `#### Reasons` (the
    section's heading ends with the next heading, but other tables follow
    the table before it): {reason: line}, duplicates."""
    rows, dups, inside, in_table = {}, [], False, False
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#"):
                if inside:
                    break
                inside = line.strip() == "#### Reasons"
                continue
            if not inside:
                continue
            if not line.startswith("|"):
                if in_table:
                    break
                continue
            in_table = True
            m = re.match(r"\|\s*`([^`]+)`\s*\|", line)
            if not m:
                continue
            if m.group(1) in rows:
                dups.append(m.group(1))
            rows[m.group(1)] = n
    return rows, dups


def main(argv):
    listing = "--list" in argv
    args = [a for a in argv if a != "--list"]
    root = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    reasons, errors = code_reasons(root)
    if listing:
        for r in sorted(reasons):
            labels = sorted({lab for _, lab, _ in reasons[r] if lab})
            lines = sorted({"%s:%d" % (f, ln) for f, _, ln in reasons[r] if ln})
            print("%-24s %-40s %s" % (r, " ".join(labels), " ".join(lines)))
    readme = os.path.join(root, "README.md")
    rows, dups = readme_reasons(readme)
    fail = False
    for e in errors:
        print("reasons_doc: " + e, file=sys.stderr)
        fail = True
    if not rows:
        print("reasons_doc: README.md has no `#### Reasons` table", file=sys.stderr)
        fail = True
    missing = sorted(set(reasons) - set(rows))
    stale = sorted(set(rows) - set(reasons))
    if missing:
        print("reasons_doc: reasons the code gives that README.md's table lacks: " +
              ", ".join(missing), file=sys.stderr)
        fail = True
    if stale:
        print("reasons_doc: rows of README.md's table the code no longer gives: " +
              ", ".join("%s (line %d)" % (r, rows[r]) for r in stale), file=sys.stderr)
        fail = True
    if dups:
        print("reasons_doc: rows listed twice: " + ", ".join(sorted(set(dups))), file=sys.stderr)
        fail = True
    if fail:
        return 1
    print("reasons_doc: the %d reasons of lib/ match README.md's table" % len(reasons))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
