#!/usr/bin/env python3
"""A tuning round's hold-out of the dev half's whole pages in other languages.

    python3 test/devset/split.py SALT [OUTDIR]

writes OUTDIR/SALT-A.txt (design pages) and OUTDIR/SALT-B.txt (validation
pages), one page name a line, for SCRUB_EVAL_PAGES=FILE: a page is B when
sha1(SALT + name), read as a number, is 0 mod 3, else A.  The pages are the
81 dev whole pages the eval judges in other languages: the trafilatura-eval
files with `trsrc` rows of the dev split in labels.tsv, and the readability
names of test_filter_eval.c's other_pages whose FNV-1a 32 has a clear low
bit (the eval's split).  OUTDIR defaults to the current directory.
"""
import hashlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def fnv1a32(s):
    h = 0x811C9DC5
    for b in s.encode():
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def dev_pages():
    src = open(os.path.join(HERE, '..', 'test_filter_eval.c'), encoding='utf-8').read()
    block = re.search(r'other_pages\[\] = \{(.*?)\};', src, re.S).group(1)
    readability = [n for n in re.findall(r'"([^"]+)"', block) if not fnv1a32(n) & 1]
    trafilatura = set()
    with open(os.path.join(HERE, 'labels.tsv'), encoding='utf-8') as f:
        for line in f:
            cols = line.rstrip('\n').split('\t')
            if cols[0] == 'trsrc' and len(cols) > 6 and cols[6] == 'dev':
                trafilatura.add(cols[1].rsplit('/', 1)[-1])
    return sorted(trafilatura) + readability


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.strip().splitlines()[2].strip())
    salt, out = sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else '.'
    halves = {'A': [], 'B': []}
    for name in dev_pages():
        n = int(hashlib.sha1((salt + name).encode()).hexdigest(), 16)
        halves['B' if n % 3 == 0 else 'A'].append(name)
    for tag, names in halves.items():
        path = os.path.join(out, f'{salt}-{tag}.txt')
        with open(path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(names) + '\n')
        print(f'{tag}: {len(names)} pages -> {path}')


if __name__ == '__main__':
    main()
