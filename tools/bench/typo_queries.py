#!/usr/bin/env python3
"""Writes a copy of a query set with one typo in each query (never committed).

    typo_queries.py QUERIES.tsv [--seed 1] > typos.tsv
    python3 ../shared/eval/score-kb --kb build/kb --queries typos.tsv

In each query, one word of 5 or more letters (chosen at random) gets one
edit at a random inner position: a letter left out, two letters swapped, a
letter doubled or a letter replaced by another of the query's letters. The
four are equally likely. Deterministic for a given seed; measures spelling
repair on queries the dev set has without typos. Queries that already have
a typo get a second one.

With --keyboard, a replaced letter is one whose key neighbours the right
one on the language's standard layout (US, Israeli SI-1452, Greek, Persian
ISIRI 9147), as fat fingers replace them; other letters are left as they
are and another edit is made instead.
"""
import argparse, random, sys

# Letter rows of each layout, top to bottom, aligned by key column.
LAYOUTS = {
    'en': ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
    'he': ["/'קראטוןםפ", 'שדגכעיחלךף', 'זסבהנמצתץ'],
    'el': [';ςερτυθιοπ', 'ασδφγηξκλ', 'ζχψωβνμ'],
    'fa': ['ضصثقفغعهخحجچ', 'شسیبلاتنمکگ', 'ظطزرذدپو'],
}


def neighbours(lang, letter):
    rows = LAYOUTS.get(lang, [])
    for r, row in enumerate(rows):
        c = row.find(letter)
        if c < 0:
            continue
        out = []
        for dr in (-1, 0, 1):
            if 0 <= r + dr < len(rows):
                for dc in (-1, 0, 1):
                    cc = c + dc
                    if (dr or dc) and 0 <= cc < len(rows[r + dr]) and rows[r + dr][cc].isalpha():
                        out.append(rows[r + dr][cc])
        return out
    return []


def typo(rng, word, letters, lang=None):
    k = rng.randrange(1, len(word) - 1)
    op = rng.choice(('omit', 'swap', 'double', 'replace'))
    if op == 'replace' and lang is not None:
        near = neighbours(lang, word[k].lower())
        if near:
            return word[:k] + rng.choice(near) + word[k + 1:]
        op = rng.choice(('omit', 'swap', 'double'))
    if op == 'omit':
        return word[:k] + word[k + 1:]
    if op == 'swap':
        return word[:k] + word[k + 1] + word[k] + word[k + 2:]
    if op == 'double':
        return word[:k] + word[k] + word[k:]
    return word[:k] + rng.choice(letters) + word[k + 1:]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('queries')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--keyboard', action='store_true')
    a = ap.parse_args()
    rng = random.Random(a.seed)
    for line in open(a.queries, encoding='utf-8'):
        fields = line.rstrip('\n').split('\t')
        if len(fields) < 3 or fields[0] == 'qid':
            print(line.rstrip('\n'))
            continue
        words = fields[2].split(' ')
        long_words = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
        if long_words:
            i = rng.choice(long_words)
            letters = sorted(set(''.join(words)) - {' '})
            words[i] = typo(rng, words[i], letters, fields[1] if a.keyboard else None)
        print('\t'.join(fields[:2] + [' '.join(words)]))


if __name__ == '__main__':
    sys.exit(main())
