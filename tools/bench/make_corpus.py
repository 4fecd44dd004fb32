#!/usr/bin/env python3
"""Writes a synthetic multilingual help center for benchmarks (never committed).

    make_corpus.py OUT_DIR --articles 10000 [--seed 1]

Articles in he/fa/el/en (a quarter each), 150-800 words drawn from a Zipf
distribution over a per-language vocabulary built from the bundled articles'
words, Markdown with front matter and a few headings, ~1 in 10 internal.
Deterministic for a given seed, so runs are comparable.
"""
import argparse, os, random, re

LANGS = ('he', 'fa', 'el', 'en')
CATEGORIES = ('account', 'billing', 'orders', 'troubleshooting', 'privacy', 'shipping')


def vocabulary(articles_dir, lang):
    words = []
    root = os.path.join(articles_dir, lang)
    for dirpath, _, files in os.walk(root):
        for name in files:
            if name.endswith('.md'):
                text = open(os.path.join(dirpath, name), encoding='utf-8').read().split('---', 2)[-1]
                words += re.findall(r'\w+', text)
    seen, vocab = set(), []
    for w in words:
        if w not in seen:
            seen.add(w)
            vocab.append(w)
    return vocab


def zipf_words(rng, vocab, n):
    weights = [1.0 / (i + 1) for i in range(len(vocab))]
    return rng.choices(vocab, weights=weights, k=n)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--articles', type=int, default=10000)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--source', default=os.path.join(os.path.dirname(__file__), '..', '..', 'articles'))
    a = ap.parse_args()
    rng = random.Random(a.seed)
    vocabs = {lang: vocabulary(a.source, lang) for lang in LANGS}
    for i in range(a.articles):
        lang = LANGS[i % len(LANGS)]
        cat = CATEGORIES[rng.randrange(len(CATEGORIES))]
        vocab = vocabs[lang]
        title = ' '.join(zipf_words(rng, vocab, rng.randint(3, 8)))
        body = []
        for _ in range(rng.randint(2, 5)):
            body.append('## ' + ' '.join(zipf_words(rng, vocab, rng.randint(2, 5))))
            body.append(' '.join(zipf_words(rng, vocab, rng.randint(40, 160))))
        internal = '\naudience: internal' if rng.random() < 0.1 else ''
        path = os.path.join(a.out, lang, cat, 'a%06d.md' % i)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', encoding='utf-8') as f:
            f.write('---\ntitle: "%s"\nlang: %s\ntags: [t%d]%s\n---\n%s\n' %
                    (title.replace('"', ''), lang, rng.randrange(50), internal, '\n\n'.join(body)))


if __name__ == '__main__':
    main()
