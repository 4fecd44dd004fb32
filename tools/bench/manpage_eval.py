#!/usr/bin/env python3
"""Builds a known-item search evaluation set in Chinese and Japanese from
Debian's translated man pages.

Languages written without spaces between words (zh, ja) need word
segmentation before they can be searched; this set measures how well `kb`
finds an article from a short description of it. Each man page becomes one
article whose body is the rendered page *without* its NAME section; the
one-line summary of that NAME section ("ls - 列出目录内容") becomes the query,
and the page's article is its only answer.

Needs the Debian packages manpages-zh, manpages-ja and groff:

    apt-get install -y manpages-zh manpages-ja groff

Usage:

    python3 tools/bench/manpage_eval.py OUT_DIR [--langs zh,ja] [--max-pages N] [--seed S]
        [--zh-pages zh_CN|zh_TW] [--queries-of OTHER_OUT_DIR]

Traditional against Simplified Chinese: build a zh_CN set, then a zh_TW one
with `--langs zh --zh-pages zh_TW --max-pages 100000 --queries-of CN_DIR`,
and score its cross-queries.tsv / cross-qrels.tsv (Simplified summaries,
Traditional pages).

It writes, in the formats of shared/eval (see shared/eval/README.md):

    OUT_DIR/corpus/<lang>/<section>/<slug>.md   one article per page (id = <lang>/<section>/<slug>)
    OUT_DIR/queries.tsv                         qid, lang, query (the NAME summary)
    OUT_DIR/qrels.tsv                           TREC qrels: qid 0 article-id 2

and then, for example:

    printf 'qid\\tlang\\tquery\\n' > OUT_DIR/no-internal.tsv
    python3 ../shared/eval/score-kb --kb build/kb --corpus OUT_DIR/corpus \\
        --queries OUT_DIR/queries.tsv --qrels OUT_DIR/qrels.tsv --internal OUT_DIR/no-internal.tsv

Pages are rendered with groff to UTF-8 text. A page is skipped when it is a
link or `.so` stub to another page, when its source or rendering is not valid
UTF-8, when its body has fewer than MIN_BODY_CJK CJK characters, or when its
summary has fewer than MIN_SUMMARY_CJK. Of the pages kept, at most
--max-pages per language are used: all of them if there are few enough, else
a sample drawn with --seed. Pages whose summary is the same as another kept
page's (aliases) keep only the first, by name. The output is the same for the
same installed packages, options and seed.
"""
import argparse
import concurrent.futures
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass

MAN_ROOTS = {
    'zh': ['/usr/share/man/zh_CN'],
    'ja': ['/usr/share/man/ja'],
}
MIN_BODY_CJK = 200
MIN_SUMMARY_CJK = 4
QRELS_GRADE = 2  # "the answer" in shared/eval/dev-qrels.tsv
QUERIES_HEADER = 'qid\tlang\tquery'
# Trimmed from the ends of a query (not brackets, which may close a phrase).
QUERY_TRIM = ' .,;:!?"\'`-' + '\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff01\uff1f'  # 、。，．：；！？
MARKER_FILE = '.manpage_eval'  # marks an OUT_DIR this script may overwrite

GROFF_COMMAND = [
    'groff', '-k', '-K', 'utf-8', '-t', '-mandoc', '-Tutf8',
    '-P-c', '-P-b', '-P-u',          # plain text: no colours, no overstrikes
    '-rLL=5000n', '-rHY=0', '-rcR=1',  # one line per paragraph, no hyphens, no page breaks
]

# Han, kana, and the other scripts of the CJK blocks (not punctuation).
CJK_CHAR = re.compile('[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff'
                      '\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]')
# CJK characters and punctuation: a space between two of them is a line join.
CJK_OR_PUNCT = ('[\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff'
                '\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]')
JOIN_SPACE = re.compile('(?<=%s) (?=%s)' % (CJK_OR_PUNCT, CJK_OR_PUNCT))
SUBHEADING_MAX_INDENT = 4
WIDE_GAP = re.compile(r' {4,}')  # between the fields of a page header or footer
OVERSTRIKE = re.compile('.\x08')
ANSI_ESCAPE = re.compile('\x1b\\[[0-9;]*[A-Za-z]')
RULE_LINE = re.compile('^\\s*[_\\-\u2500\u2501=]{5,}\\s*$')  # tbl/Tcl horizontal rules
CONTROL_CHARS = re.compile('[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff]')
DASHES = r'(?:-{1,2}|\u2010|\u2013|\u2014|\u2212|\uff0d)'
SUMMARY_DASH = re.compile(r'\s+%s\s*|\s*%s\s+' % (DASHES, DASHES))
NEXT_NAME_ENTRY = re.compile(r'\s+[\w.+-]+(?:,\s*[\w.+-]+)*\s+%s\s+' % DASHES, re.ASCII)
# Characters that could turn man page text into Markdown markup; a backslash
# escapes any of them (CommonMark), and kb indexes the unescaped text.
INLINE_MARKUP = re.compile(r'([\\`*_\[\]<>&!|~])')
LINE_START_MARKUP = re.compile(r'^([#+\-=:]|\d+(?=[.)]))')


@dataclass
class ManPage:
    lang: str
    name: str      # command name, from the file name: "ls"
    section: str   # folder name: "man1"
    path: str


@dataclass
class Article:
    page: ManPage
    summary: str                       # NAME line after the dash
    body: str                          # Markdown
    slug: str = ''

    @property
    def article_id(self):
        return '%s/%s/%s' % (self.page.lang, self.page.section, self.slug)


# ---------------------------------------------------------------- finding pages

def page_name(file_name):
    """'systemd.unit.5.gz' -> 'systemd.unit'."""
    stem = file_name[:-3] if file_name.endswith('.gz') else file_name
    return stem.rsplit('.', 1)[0] if '.' in stem else stem


def find_pages(lang):
    """The real (not linked) man page files of a language, sorted by section then name."""
    pages = []
    for root in MAN_ROOTS[lang]:
        if not os.path.isdir(root):
            continue
        for section in sorted(os.listdir(root)):
            folder = os.path.join(root, section)
            if not section.startswith('man') or not os.path.isdir(folder):
                continue
            for file_name in sorted(os.listdir(folder)):
                path = os.path.join(folder, file_name)
                if os.path.isfile(path) and not os.path.islink(path):
                    pages.append(ManPage(lang, page_name(file_name), section, path))
    return pages


# ---------------------------------------------------------------- rendering

def read_source(path):
    """The page's troff source as text, or None when it is not UTF-8."""
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rb') as f:
        data = f.read()
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError:
        return None


def is_so_stub(source):
    """A page that only includes another one (`.so man1/other.1`)."""
    requests = [l for l in source.splitlines() if l.strip() and not l.startswith(('.\\"', "'\\\""))]
    return len(requests) <= 2 and any(l.startswith('.so ') for l in requests)


def render(source):
    """Plain UTF-8 text of a troff man page, or None when groff fails."""
    env = dict(os.environ, LC_ALL='C.UTF-8')
    try:
        result = subprocess.run(GROFF_COMMAND, input=source.encode('utf-8'), env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=60)
    except subprocess.TimeoutExpired:
        return None
    if result.returncode != 0:
        return None
    try:
        return result.stdout.decode('utf-8')
    except UnicodeDecodeError:
        return None


def clean_line(line):
    """Removes overstrikes, escapes and control characters; joins CJK split by line breaks."""
    line = OVERSTRIKE.sub('', line)
    line = ANSI_ESCAPE.sub('', line)
    line = line.replace('\t', ' ').replace('\u00a0', ' ')
    line = CONTROL_CHARS.sub('', line)
    if RULE_LINE.match(line):
        return ''
    return JOIN_SPACE.sub('', line.rstrip())


# ---------------------------------------------------------------- parsing

def indent_of(line):
    return len(line) - len(line.lstrip(' '))


def is_subheading(line):
    """.SS/.Ss headings are indented 3; text is indented 7 (man) or 5 (mdoc)."""
    return 0 < indent_of(line) <= SUBHEADING_MAX_INDENT


def strip_header_and_footer(lines):
    """Drops the 'LS(1)   用户命令   LS(1)' header and the footer that ends the same way.

    A header spreads its fields over the (very wide) line; a heading never does.
    mdoc pages rendered this way have neither: their first line is a heading.
    """
    nonblank = [i for i, l in enumerate(lines) if l.strip()]
    if not nonblank or not WIDE_GAP.search(lines[nonblank[0]]):
        return lines
    first, last = nonblank[0], nonblank[-1]
    title = WIDE_GAP.split(lines[first].strip())[0]
    is_footer = last != first and lines[last].rstrip().endswith(title)
    return lines[first + 1:last if is_footer else len(lines)]


def split_sections(lines):
    """[(heading, [lines])]: a heading is a line at column 0 (SH)."""
    sections = []
    for line in lines:
        if line.strip() and indent_of(line) == 0:
            sections.append((line.strip(), []))
        elif sections:
            sections[-1][1].append(line)
    return sections


def blocks_of(lines):
    """Groups lines into blocks separated by blank lines."""
    blocks, current = [], []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def parse_summary(name_lines):
    """'ls - 列出目录内容' -> '列出目录内容'; None without a dash.

    A NAME section that describes several commands ('uuencode - ... uudecode - ...')
    gives the first command's summary.
    """
    text = ' '.join(l.strip() for l in name_lines if l.strip())
    parts = SUMMARY_DASH.split(text, maxsplit=1)
    if len(parts) != 2:
        return None
    summary = NEXT_NAME_ENTRY.split(parts[1], maxsplit=1)[0]
    return JOIN_SPACE.sub('', summary.strip())


# ---------------------------------------------------------------- Markdown

def escape_markdown(line):
    line = INLINE_MARKUP.sub(r'\\\1', line)
    return LINE_START_MARKUP.sub(lambda m: '\\' + m.group(1) if not m.group(1).isdigit()
                                 else m.group(1) + '\\', line)


def block_to_markdown(block):
    """A block of lines as one Markdown paragraph (or a subsection heading)."""
    if len(block) == 1 and is_subheading(block[0]):
        return '### ' + escape_markdown(block[0].strip())
    return '\n'.join(escape_markdown(l.strip()) for l in block)


def section_to_markdown(heading, lines):
    parts = ['## ' + escape_markdown(heading)]
    for block in blocks_of(lines):
        if is_subheading(block[0]) and len(block) > 1:  # heading directly followed by text
            parts.append(block_to_markdown(block[:1]))
            block = block[1:]
        parts.append(block_to_markdown(block))
    return '\n\n'.join(parts)


def article_from_text(page, text):
    """An Article from rendered text, or None when there is no NAME summary."""
    lines = strip_header_and_footer([clean_line(l) for l in text.splitlines()])
    sections = split_sections(lines)
    if len(sections) < 2:
        return None
    summary = parse_summary(sections[0][1])
    if summary is None:
        return None
    body = '\n\n'.join(section_to_markdown(h, ls) for h, ls in sections[1:])
    return Article(page, summary, body)


def cjk_count(text):
    return len(CJK_CHAR.findall(text))


def build_article(page):
    """(Article, None) for a usable page, else (None, reason skipped)."""
    source = read_source(page.path)
    if source is None:
        return None, 'source not UTF-8'
    if is_so_stub(source):
        return None, '.so stub'
    text = render(source)
    if text is None:
        return None, 'rendering failed or not UTF-8'
    article = article_from_text(page, text)
    if article is None:
        return None, 'no NAME summary'
    if cjk_count(article.summary) < MIN_SUMMARY_CJK:
        return None, 'summary too short'
    if cjk_count(article.body) < MIN_BODY_CJK:
        return None, 'body too short'
    return article, None


# ---------------------------------------------------------------- selection and output

def slugify(name):
    slug = re.sub(r'[^a-z0-9-]+', '-', name.lower())
    return re.sub(r'-{2,}', '-', slug).strip('-') or 'page'


def assign_slugs(articles):
    """Unique ASCII slugs per <lang>/<section> folder: ls, ls-2, ..."""
    taken = set()
    for article in articles:
        base = slugify(article.page.name)
        slug, n = base, 1
        while (article.page.lang, article.page.section, slug) in taken:
            n += 1
            slug = '%s-%d' % (base, n)
        taken.add((article.page.lang, article.page.section, slug))
        article.slug = slug


def drop_duplicate_summaries(articles):
    """Keeps the first page of each summary: the query must name one article."""
    seen, kept = set(), []
    for article in articles:
        if article.summary not in seen:
            seen.add(article.summary)
            kept.append(article)
    return kept


def sort_key(article):
    return (article.page.name.lower(), article.page.name, article.page.section)


def select(articles, max_pages, rng):
    """All articles when few enough, else a seeded sample; sorted by name."""
    articles = sorted(articles, key=sort_key)
    if len(articles) > max_pages:
        articles = rng.sample(articles, max_pages)
    return sorted(articles, key=sort_key)


def front_matter(article):
    # A JSON string is a valid YAML double-quoted scalar.
    title = json.dumps(article.page.name, ensure_ascii=False)
    return '---\ntitle: %s\nlang: %s\ncategory: %s\n---\n' % (
        title, article.page.lang, article.page.section)


def write_article(corpus_dir, article):
    path = os.path.join(corpus_dir, article.article_id + '.md')
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write(front_matter(article) + '\n' + article.body + '\n')


def query_text(summary):
    """The summary on one line, without punctuation or spaces at its ends."""
    text = ' '.join(summary.split())
    return text.strip(QUERY_TRIM)


def write_eval_files(out_dir, queries):
    """queries: [(qid, lang, text, article_id)]."""
    with open(os.path.join(out_dir, 'queries.tsv'), 'w', encoding='utf-8', newline='\n') as f:
        f.write(QUERIES_HEADER + '\n')
        for qid, lang, text, _ in queries:
            f.write('%s\t%s\t%s\n' % (qid, lang, text))
    with open(os.path.join(out_dir, 'qrels.tsv'), 'w', encoding='utf-8', newline='\n') as f:
        for qid, _, _, article_id in queries:
            f.write('%s 0 %s %d\n' % (qid, article_id, QRELS_GRADE))


def prepare_out_dir(out_dir):
    """Creates OUT_DIR, or empties one this script wrote before; refuses any other."""
    corpus_dir = os.path.join(out_dir, 'corpus')
    marker = os.path.join(out_dir, MARKER_FILE)
    if os.path.exists(corpus_dir):
        if not os.path.exists(marker):
            sys.exit('%s exists and was not written by this script; choose another OUT_DIR' % corpus_dir)
        shutil.rmtree(corpus_dir)
    os.makedirs(corpus_dir)
    with open(marker, 'w') as f:
        f.write('written by tools/bench/manpage_eval.py\n')
    return corpus_dir


def build_language(lang, max_pages, rng, pool):
    """The selected articles of one language, with a count of skip reasons."""
    pages = find_pages(lang)
    articles, skipped = [], {}
    for article, reason in pool.map(build_article, pages):
        if article is None:
            skipped[reason] = skipped.get(reason, 0) + 1
        else:
            articles.append(article)
    unique = drop_duplicate_summaries(sorted(articles, key=sort_key))
    if len(unique) < len(articles):
        skipped['duplicate summary'] = len(articles) - len(unique)
    return pages, select(unique, max_pages, rng), skipped


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('out_dir', metavar='OUT_DIR')
    ap.add_argument('--langs', default='zh,ja', help='comma-separated: zh, ja (default: zh,ja)')
    ap.add_argument('--max-pages', type=int, default=400, help='pages per language (default 400)')
    ap.add_argument('--seed', type=int, default=0, help='seed of the page sample (default 0)')
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 1, help='groff processes at once')
    ap.add_argument('--zh-pages', choices=['zh_CN', 'zh_TW'], default='zh_CN',
                    help='Simplified (zh_CN, default) or Traditional (zh_TW) Chinese pages')
    ap.add_argument('--queries-of', metavar='OTHER_OUT_DIR',
                    help='also write cross-queries.tsv and cross-qrels.tsv: the queries of another '
                         'set (e.g. zh_CN summaries) for the articles both sets have (e.g. zh_TW pages)')
    args = ap.parse_args(argv)
    MAN_ROOTS['zh'] = ['/usr/share/man/' + args.zh_pages]
    args.langs = [l.strip() for l in args.langs.split(',') if l.strip()]
    unknown = [l for l in args.langs if l not in MAN_ROOTS]
    if unknown:
        ap.error('unknown language(s) %s; known: %s' % (', '.join(unknown), ', '.join(MAN_ROOTS)))
    if shutil.which('groff') is None:
        ap.error('groff is not installed (apt-get install groff)')
    return args


def write_cross_queries(out_dir, other_dir, queries):
    """The other set's queries whose answer (same id) is also an article here."""
    here = {article_id for _, _, _, article_id in queries}
    answer = {}
    with open(os.path.join(other_dir, 'qrels.tsv'), encoding='utf-8') as f:
        for line in f:
            cols = line.split()
            if len(cols) >= 4:
                answer[cols[0]] = cols[2]
    cross = []
    with open(os.path.join(other_dir, 'queries.tsv'), encoding='utf-8') as f:
        next(f)  # header
        for line in f:
            qid, lang, text = line.rstrip('\n').split('\t')[:3]
            if answer.get(qid) in here:
                cross.append((qid, lang, text, answer[qid]))
    with open(os.path.join(out_dir, 'cross-queries.tsv'), 'w', encoding='utf-8') as fq, \
            open(os.path.join(out_dir, 'cross-qrels.tsv'), 'w', encoding='utf-8') as fr:
        fq.write(QUERIES_HEADER + '\n')
        for qid, lang, text, article_id in cross:
            fq.write('%s\t%s\t%s\n' % (qid, lang, text))
            fr.write('%s 0 %s %d\n' % (qid, article_id, QRELS_GRADE))
    print('cross: %d queries of %s' % (len(cross), other_dir), file=sys.stderr)


def main(argv=None):
    args = parse_args(argv)
    corpus_dir = prepare_out_dir(args.out_dir)
    queries = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for lang in args.langs:
            rng = random.Random('%s:%d' % (lang, args.seed))
            pages, articles, skipped = build_language(lang, args.max_pages, rng, pool)
            assign_slugs(articles)
            for n, article in enumerate(articles, 1):
                write_article(corpus_dir, article)
                qid = 'mp-%s-%04d' % (lang, n)
                queries.append((qid, lang, query_text(article.summary), article.article_id))
            reasons = ', '.join('%s %d' % kv for kv in sorted(skipped.items())) or 'none'
            print('%s: %d page files, %d articles and queries; skipped: %s'
                  % (lang, len(pages), len(articles), reasons), file=sys.stderr)
    write_eval_files(args.out_dir, queries)
    if args.queries_of:
        write_cross_queries(args.out_dir, args.queries_of, queries)
    if not queries:
        print('no pages found: are manpages-zh / manpages-ja installed?', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
