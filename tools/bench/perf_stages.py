#!/usr/bin/env python3
"""Where kb's time goes, by stage, from `perf record --call-graph dwarf` samples.

    perf script -F tid,period,ip,sym,dso -i perf.data | tools/bench/perf_stages.py search|index

Each sample is put in one stage: its call stack is read from main towards the
leaf and the stage is that of the innermost frame matching a rule below; a
"whole" rule claims everything under it (snippets include their re-analysis,
typo repair the analysis of its candidates). Samples outside every rule are
"other". Prints the stages with their share of the samples (on-CPU time:
waiting is not sampled), largest first. Rules name kb's functions; inlined
frames count, so the profile needs a build with -g (e.g. Release plus
-DCMAKE_CXX_FLAGS=-g). For get_mset the caller's source line is appended
(addr2line), which tells the counting pass from the ranking pass in
src/index/searcher.cpp. A profile, not a test.
"""
import re
import subprocess
import sys
from collections import Counter

# (stage, regex on the frame's "symbol (dso)", whole): read from main to the leaf.
SEARCH = [
    ("HTTP: cpp-httplib, sockets", r"^httplib::", False),
    ("HTTP: request parameters", r"kb::http::.*Param|SearchRequestFrom|ParseParams", True),
    ("HTTP: JSON encoding", r"SearchResponseJson|DumpJson", True),
    ("HTTP: handler, routing", r"kb::http::.*(GetSearch|Route|Dispatch|Handle)", False),
    ("search: other", r"XapianSearcher::Search|\bDoSearch\b", False),
    ("reopen index (CURRENT, Database::reopen)", r"\bRefresh\b|ReadCurrentGeneration"
     r"|Xapian::Database::reopen", True),
    ("language resolution", r"\bResolveLanguage\b", True),
    ("query: building the Xapian query", r"kb::BuildQuery$", False),
    ("query: understanding, other", r"kb::UnderstandQuery", False),
    ("query: analysis of the query", r"AnalyzerImpl::|kb::Analyzer", True),
    ("query: synonym rules", r"SynonymExpander|MatchSynonyms|AttachAlternatives"
     r"|WordsWithSynonyms", True),
    ("query: thesaurus (WordNet)", r"Thesaurus|AddThesaurusAlternatives|libwordnet", True),
    ("query: Greeklish", r"AddGreeklishForms|Greeklish", True),
    ("query: typo repair", r"RepairUnknownWords|NearestIndexWord|SplitWithTypo"
     r"|KnownOnlyThroughStrippedStems|NearestKnownRealWord|libhunspell", True),
    ("query: vocabulary lookups", r"XapianVocabulary", True),
    ("filters", r"\bFilters\b|VisibleTo", True),
    ("matching: get_mset", r"Xapian::Enquire::get_mset", False),
    ("facets (FacetSpy)", r"FacetSpy", True),
    ("hits: document data (get_document, JSON parse)", r"\bMakeHit\b", False),
    ("hits: snippets (re-analysis, marking)", r"kb::MakeSnippet|Passages", True),
]
INDEX = [
    ("list, read, fingerprint files", r"PlanFromListing|MakeSourcePlan|FolderSource"
     r"|ListArticleFiles|ReadStoredHashes|Fingerprint", False),
    ("validation pass: other", r"MakePlan", False),
    ("write pass: other", r"ApplyPlan", False),
    ("write pass: re-read and parse Markdown/YAML again", r"Reload", True),
    ("validation pass: parse Markdown/YAML", r"LoadArticle|kb::ParseArticle", True),
    ("document building (terms, values, data)", r"kb::BuildDocument", False),
    ("analysis", r"AnalyzerImpl::|kb::Analyzer", True),
    ("Greeklish table", r"GreeklishTableWriter", True),
    ("Xapian: replace_document (incl. auto flush)", r"replace_document|delete_document", True),
    ("Xapian: commit", r"Xapian::.*::commit", True),
    ("Xapian: compaction", r"Xapian::Database::compact", True),
    ("metadata", r"WriteMetadata", True),
]
RULES = {"search": SEARCH, "index": INDEX}


def samples(lines):
    """(period, [(ip, symbol, dso)] leaf first) per sample."""
    period, frames = 0, []
    for line in lines:
        if not line.strip():
            if frames:
                yield period, frames
            period, frames = 0, []
        elif not line[0].isspace():
            fields = line.split()
            period = int(fields[1]) if len(fields) > 1 and fields[1].isdigit() else 1
        else:
            m = re.match(r"\s*([0-9a-f]+) (.*?) \((.*)\)$", line.rstrip())
            if m:
                frames.append((m.group(1), m.group(2), m.group(3)))
    if frames:
        yield period, frames


_lines = {}


def source_line(dso, ip):
    """The innermost kb source line (file:line) of `ip` in `dso`, via addr2line."""
    key = (dso, ip)
    if key not in _lines:
        out = subprocess.run(["addr2line", "-i", "-e", dso, hex(int(ip, 16) - 1)],
                             capture_output=True, text=True).stdout.split()
        kb = [l for l in out if "/src/" in l]
        _lines[key] = re.sub(r".*/src/", "", kb[0]).split(" ")[0] if kb else "?"
    return _lines[key]


def stage_of(frames, rules):
    stage = "other"
    dso_of = {ip: dso for ip, _, dso in frames if dso != "inlined"}
    chain = list(reversed(frames))  # main first
    for i, (ip, sym, dso) in enumerate(chain):
        for name, pattern, whole in rules:
            if re.search(pattern, f"{sym} ({dso})"):
                stage = name
                if "get_mset" in pattern and i > 0:
                    caller_ip = chain[i - 1][0]
                    if caller_ip in dso_of:
                        stage += " from " + source_line(dso_of[caller_ip], caller_ip)
                if whole:
                    return stage
                break
    return stage


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in RULES:
        sys.exit(__doc__)
    rules = RULES[sys.argv[1]]
    counts, total = Counter(), 0
    for period, frames in samples(sys.stdin):
        counts[stage_of(frames, rules)] += period
        total += period
    for stage, c in counts.most_common():
        print(f"{100 * c / total:6.1f}%  {stage}")
    print(f"{total / 1e9:.1f} s of samples" if total > 1e6 else f"{total} samples")


if __name__ == "__main__":
    main()
