#!/usr/bin/env python3
"""Writes the Greek queries of a query set in Greeklish (never committed).

    greeklish_queries.py QUERIES.tsv [--seed 1] > greeklish.tsv
    python3 ../shared/eval/score-kb --kb build/kb --queries greeklish.tsv

Greek typed in Latin letters has no one spelling. Each query gets its own
writer: for every Greek letter or letter pair with more than one common
spelling, the writer picks one (at random, by the weights below) and keeps
it for the whole query. The spellings are the ones the Greeklish literature
describes: phonetic (η i, ω o, υ i, ει i, οι i, αι e, ου u), orthographic
(η h, ω w, υ y, ει ei, οι oi, αι ai, ου ou, θ th, χ ch) and "visual"
(θ 8, ξ 3). Accents and case are dropped; Latin words stay as they are.
Only the queries with Greek letters are written out. Deterministic for a
given seed.
"""
import argparse, random, sys, unicodedata

# Letter pairs first, then letters; each with (spelling, weight) choices.
PAIRS = {
    'ου': [('ou', 8), ('u', 2)],
    'ει': [('ei', 6), ('i', 4)],
    'οι': [('oi', 6), ('i', 4)],
    'αι': [('ai', 7), ('e', 3)],
    'αυ': [('au', 5), ('av', 3), ('af', 2)],
    'ευ': [('eu', 5), ('ev', 3), ('ef', 2)],
    'μπ': [('mp', 6), ('b', 4)],
    'ντ': [('nt', 8), ('d', 2)],
    'γκ': [('gk', 5), ('g', 5)],
    'γγ': [('gg', 6), ('ng', 4)],
}
LETTERS = {
    'α': [('a', 1)], 'β': [('v', 85), ('b', 15)], 'γ': [('g', 1)],
    'δ': [('d', 95), ('dh', 5)], 'ε': [('e', 1)], 'ζ': [('z', 1)],
    'η': [('i', 5), ('h', 5)], 'θ': [('th', 7), ('8', 3)], 'ι': [('i', 1)],
    'κ': [('k', 1)], 'λ': [('l', 1)], 'μ': [('m', 1)], 'ν': [('n', 1)],
    'ξ': [('ks', 5), ('x', 4), ('3', 1)], 'ο': [('o', 1)], 'π': [('p', 1)],
    'ρ': [('r', 1)], 'σ': [('s', 1)], 'ς': [('s', 1)], 'τ': [('t', 1)],
    'υ': [('y', 5), ('i', 3), ('u', 2)], 'φ': [('f', 9), ('ph', 1)],
    'χ': [('x', 50), ('h', 25), ('ch', 25)], 'ψ': [('ps', 1)],
    'ω': [('o', 5), ('w', 5)],
}


def fold(text):
    decomposed = unicodedata.normalize('NFD', text.lower())
    return unicodedata.normalize('NFC', ''.join(c for c in decomposed if not unicodedata.combining(c)))


def writer(rng):
    pick = lambda choices: rng.choices([s for s, _ in choices], weights=[w for _, w in choices])[0]
    return {k: pick(v) for k, v in PAIRS.items()}, {k: pick(v) for k, v in LETTERS.items()}


def greeklish(text, rng):
    pairs, letters = writer(rng)
    text, out, i = fold(text), [], 0
    while i < len(text):
        if text[i:i + 2] in pairs:
            out.append(pairs[text[i:i + 2]])
            i += 2
        else:
            out.append(letters.get(text[i], text[i]))
            i += 1
    return ''.join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('queries')
    ap.add_argument('--seed', type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    for n, line in enumerate(open(a.queries, encoding='utf-8')):
        cols = line.rstrip('\n').split('\t')
        if n == 0 or len(cols) < 3:
            print(line.rstrip('\n'))
            continue
        if not any('\u0370' <= c <= '\u03ff' for c in cols[2]):
            continue
        cols[2] = greeklish(cols[2], rng)
        print('\t'.join(cols))


if __name__ == '__main__':
    sys.exit(main())
