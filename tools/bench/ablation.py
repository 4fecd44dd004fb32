#!/usr/bin/env python3
"""The ablation table: what each query rewrite and ranking feature is worth.

    tools/bench/ablation.py [--kb build/kb] [--bench build/tools/bench/search_bench]
                            [--eval ../shared/eval] [--scale 500] [--queries 1000]
                            [--only a,b] [--out docs/ranking.md]

For the default (every feature on) and for each switch of `kb serve --features`
turned off alone (kb/query/query_features.h), it runs the shared eval's
score-kb on dev, dev2 and dev2 --scale N, through a wrapper executable that
execs kb with --features=-NAME appended to `serve` (score-kb cannot pass flags
to serve). It records customer nDCG@10 per language and Success@1 and their
difference from the default, and query cost: search_bench on the scale corpus
(the eval corpus with N distractors a language), NAME off and the default
timed side by side in one run (p50 and p99 of 10 hits, plain and with a typo).
Then stock Xapian per query tag on dev2 (tools/xapian_stock.py, by_tag.py,
needs Debian's python3-xapian) next to kb's default. It prints the Markdown
and writes it to --out (docs/ranking.md), with the machine, date and commands.
Takes 10-20 minutes; run it on an otherwise idle machine.
"""
import argparse, datetime, os, platform, re, shlex, shutil, stat, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LANGS = ['he', 'fa', 'el', 'en', 'all']


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.exit('%s failed (%d):\n%s' % (' '.join(cmd), r.returncode, (r.stdout + r.stderr)[-3000:]))
    return r.stdout


def feature_names(kb):
    """The switch names `kb serve --help` lists."""
    m = re.search(r'Names: ([a-z_, \n]+)', run([kb, 'serve', '--help']))
    if not m:
        sys.exit('kb serve --help lists no feature names: is this kb built with --features?')
    return [n.strip() for n in m.group(1).replace('\n', ' ').split(',') if n.strip()]


def wrapper(kb, features, folder):
    """An executable that runs kb, adding --features=FEATURES to `serve`."""
    path = os.path.join(folder, 'kb-' + (features.strip('-').replace(',-', '+') or 'default'))
    with open(path, 'w') as f:
        f.write('#!/bin/sh\n')
        if features:
            f.write('if [ "$1" = serve ]; then shift; exec %s serve "$@" --features=%s; fi\n'
                    % (shlex.quote(kb), shlex.quote(features)))
        f.write('exec %s "$@"\n' % shlex.quote(kb))
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
    return path


def score(score_kb, kb, args, out):
    """{lang: nDCG@10, 'S@1': Success@1, 'run': the customer run file's text} of score-kb."""
    text = run([sys.executable, score_kb, '--kb', kb, '--out', out] + args)
    with open(os.path.join(out, 'kb.customer.run'), encoding='utf-8') as f:
        result = {'run': f.read()}
    table = text.split('== customer (', 1)[1].split('\n\n', 1)[0]
    for line in table.splitlines()[2:]:
        c = line.split()
        result[c[0]] = float(c[2])
        if c[0] == 'all':
            result['S@1'] = float(c[5])
    return result


def cost(bench, db, corpus, features, queries):
    """Ratios (off / default) of p50 and p99 of kb:10 and kb:typo."""
    text = run([bench, db, corpus, '--queries', str(queries), '--features', features])
    ratios = re.findall(r'ratio of p(\d+) kb:10 / default:10 = ([\d.]+), '
                        r'kb:typo / default:typo = ([\d.]+)', text)
    return {p: (float(a), float(b)) for p, a, b in ratios}


def default_cost(bench, db, corpus, queries):
    text = run([bench, db, corpus, '--queries', str(queries)])
    """{'kb:10': (p50, p99), 'kb:typo': (p50, p99)} in ms, every feature on."""
    rows = re.findall(r'^(kb:10|kb:typo)\s+([\d.]+)\s+[\d.]+\s+([\d.]+)', text, re.M)
    return {n: (float(p50), float(p99)) for n, p50, p99 in rows}


def delta(value, base):
    d = value - base
    return '%.3f' % value if abs(d) < 0.0005 else '%.3f (%+.3f)' % (value, d)


def set_table(title, sets, key, names):
    lines = ['### ' + title, '', '| features | ' + ' | '.join(LANGS) + ' | S@1 |',
             '| --- |' + ' --- |' * (len(LANGS) + 1)]
    base = sets['default'][key]
    for name in ['default'] + ['-' + n for n in names]:
        row = sets[name][key]
        cells = [delta(row[c], base[c]) for c in LANGS + ['S@1']]
        lines.append('| %s | %s |' % (name, ' | '.join(cells)))
    return lines + ['']


def summary_table(sets, costs, names, scale):
    lines = ['| off | Δ dev | Δ dev2 | Δ scale | Δ S@1 dev2 | Δ S@1 scale | '
             'p50 / p99 (10 hits) | p50 / p99 (typo) | helps on dev2 and scale |',
             '| --- |' + ' --- |' * 8]
    base = sets['default']
    for n in names:
        row, d = sets['-' + n], lambda k, c: row[k][c] - base[k][c]
        helps = d('dev2', 'all') < 0 and d('scale', 'all') < 0
        same = all(row[k]['run'] == base[k]['run'] for k in base)
        verdict = 'yes' if helps else 'no (no run changes)' if same else '**no**'
        c = costs.get(n, {})
        fmt = lambda i: '%.2f / %.2f' % (c['50'][i], c['99'][i]) if c else '—'
        lines.append('| %s | %+.3f | %+.3f | %+.3f | %+.3f | %+.3f | %s | %s | %s |' % (
            n, d('dev', 'all'), d('dev2', 'all'), d('scale', 'all'), d('dev2', 'S@1'),
            d('scale', 'S@1'), fmt(0), fmt(1), verdict))
    return lines + ['']


def by_tag(eval_dir, kb_run, work):
    """[(tag, n, kb, stock)] on dev2, customer queries."""
    stock = os.path.join(work, 'stock.run')
    run(['/usr/bin/python3', os.path.join(eval_dir, 'tools', 'xapian_stock.py'), '--mode', 'customer',
         '--queries', os.path.join(eval_dir, 'dev2-queries.tsv'), '--out', stock])
    text = run([sys.executable, os.path.join(eval_dir, 'tools', 'by_tag.py'),
                os.path.join(eval_dir, 'dev2-qrels.tsv'), os.path.join(eval_dir, 'dev2-queries.tsv'),
                os.path.join(eval_dir, 'dev2-query-tags.tsv'), kb_run, stock])
    rows = []
    for line in text.splitlines()[1:]:
        c = line.split()
        rows.append((c[0], int(c[1]), float(c[2]), float(c[3])))
    return rows


def tag_table(rows):
    lines = ['| tag | n | kb | stock Xapian | kb − stock |', '| --- | --- | --- | --- | --- |']
    for tag, n, kb, stock in rows:
        mark = ' **below stock**' if kb < stock else ''
        lines.append('| %s | %d | %.3f | %.3f | %+.3f%s |' % (tag, n, kb, stock, kb - stock, mark))
    return lines + ['']


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open('/proc/cpuinfo') as f:
            cpu = next(l.split(':', 1)[1].strip() for l in f if l.startswith('model name'))
    except (OSError, StopIteration):
        pass
    return '%s, %d cores, %s %s' % (cpu, os.cpu_count() or 0, platform.system(), platform.release())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--kb', default=os.path.join(ROOT, 'build', 'kb'))
    ap.add_argument('--bench', default=os.path.join(ROOT, 'build', 'tools', 'bench', 'search_bench'))
    ap.add_argument('--eval', default=os.path.join(os.path.dirname(ROOT), 'shared', 'eval'))
    ap.add_argument('--scale', type=int, default=500)
    ap.add_argument('--queries', type=int, default=1000, help='search_bench queries per feature')
    ap.add_argument('--only', default='', help='comma list: only these switches')
    ap.add_argument('--out', default=os.path.join(ROOT, 'docs', 'ranking.md'))
    a = ap.parse_args()
    kb, bench = os.path.abspath(a.kb), os.path.abspath(a.bench)
    score_kb = os.path.join(a.eval, 'score-kb')
    names = feature_names(kb)
    if a.only:
        names = [n for n in names if n in a.only.split(',')]
    work = tempfile.mkdtemp(prefix='kb-ablation-')
    started = datetime.datetime.now()
    try:
        sets_args = {'dev': ['--set', 'dev'], 'dev2': ['--set', 'dev2'],
                     'scale': ['--set', 'dev2', '--scale', str(a.scale)]}
        sets = {}
        for name in ['default'] + ['-' + n for n in names]:
            wrapped = wrapper(kb, '' if name == 'default' else name, work)
            sets[name] = {s: score(score_kb, wrapped, args, os.path.join(work, name, s))
                          for s, args in sets_args.items()}
            print('%-20s %s' % (name, '  '.join('%s %.3f' % (s, r['all']) for s, r in sets[name].items())),
                  file=sys.stderr)
        corpus, db = os.path.join(work, 'scale-corpus'), os.path.join(work, 'scale-db')
        run([sys.executable, os.path.join(a.eval, 'tools', 'make_scale_corpus.py'), corpus,
             '--real', os.path.join(a.eval, 'corpus'), '--per-lang', str(a.scale)])
        run([kb, 'index', corpus, '--db', db, '--quiet'])
        base_cost = default_cost(bench, db, corpus, a.queries)
        costs = {n: cost(bench, db, corpus, '-' + n, a.queries) for n in names}
        tags = by_tag(a.eval, os.path.join(work, 'default', 'dev2', 'kb.customer.run'), work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    md = document(a, names, sets, costs, base_cost, tags, started)
    print(md)
    with open(a.out, 'w', encoding='utf-8') as f:
        f.write(md + '\n')
    return 0


def document(a, names, sets, costs, base_cost, tags, started):
    commit = subprocess.run(['git', '-C', ROOT, 'rev-parse', '--short', 'HEAD'],
                            capture_output=True, text=True).stdout.strip()
    lines = [
        '# Ranking: what each rule is worth', '',
        'Written by `tools/bench/ablation.py` (do not edit by hand; run it again). '
        'Every query rewrite and ranking feature has a switch (`kb serve --features -NAME`, '
        '`include/kb/query/query_features.h`); each row turns one off and keeps the rest. '
        'Customer nDCG@10 per language and Success@1 (score-kb), the difference from the default '
        'in parentheses; a rule "helps" when turning it off lowers nDCG@10 (all) on dev2 and on '
        'dev2 at scale. Query cost: search_bench on the scale corpus, the switch off divided by the '
        'default, timed side by side in one run (below 1: the rule costs time); a switch that '
        'changes nothing reads 0.95-1.05 at p50 and 0.85-1.10 at p99, which is the noise. "no (no run changes)": the customer '
        'runs of all three sets are byte-identical with the switch off, so no query of these sets '
        'uses the rule and the table cannot judge it.', '',
        '- machine: ' + machine(),
        '- date: %s (took %d min); commit %s' % (started.strftime('%Y-%m-%d %H:%M'),
                                                 (datetime.datetime.now() - started).seconds // 60, commit),
        '- commands: `%s`; per row `score-kb --kb WRAPPER [--set dev2 [--scale %d]]`, WRAPPER '
        'running `kb serve … --features=-NAME`; `search_bench DB CORPUS --queries %d --features -NAME` '
        '(DB: `kb index` of `make_scale_corpus.py --per-lang %d`)' % (
            ' '.join(['tools/bench/ablation.py'] + sys.argv[1:]), a.scale, a.queries, a.scale),
        '- default cost: kb:10 p50 %.2f ms, p99 %.2f ms; kb:typo p50 %.2f ms, p99 %.2f ms' % (
            base_cost['kb:10'][0], base_cost['kb:10'][1], base_cost['kb:typo'][0], base_cost['kb:typo'][1]),
        '', '## Summary (nDCG@10 all, off − default)', '']
    lines += summary_table(sets, costs, names, a.scale)
    lines += ['## Per set', '']
    lines += set_table('dev (100 queries)', sets, 'dev', names)
    lines += set_table('dev2 (200 queries)', sets, 'dev2', names)
    lines += set_table('dev2 --scale %d' % a.scale, sets, 'scale', names)
    lines += ['## kb against stock Xapian per query tag (dev2, customer nDCG@10)', '',
              'kb: the default run above; stock: `/usr/bin/python3 %s/tools/xapian_stock.py --mode '
              'customer --queries %s/dev2-queries.tsv`, compared with `tools/by_tag.py`.' % (
                  '../shared/eval', '../shared/eval'), '']
    lines += tag_table(tags)
    return '\n'.join(lines)


if __name__ == '__main__':
    sys.exit(main())
