#!/usr/bin/env python3
"""The search page beside the JSON search: median time of GET /search (the
portal's HTML page) and of GET /api/v1/search for the same queries, over
one kept-alive connection each, on the real `kb serve`.

    tools/bench/portal_bench.py [--kb build/kb] [--articles articles] [--rounds 20]

Indexes ARTICLES into a temp folder, serves it on a free loopback port and
asks each query of a fixed set (he, fa, el, en; hits, typos, no results)
ROUNDS times from each endpoint, alternating. Prints per-endpoint medians and
p90 in ms and their ratio (the target: the page within 1.5x of the JSON).
Timings are reported, never asserted.
"""
import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

QUERIES = ["reset password", "refund", "track my order", "delete account", "pasword",
           "איפוס סיסמה", "החזר כספי", "מעקב הזמנה", "بازیابی رمز عبور", "بازگشت کالا",
           "επαναφορά κωδικού", "επιστροφή χρημάτων", "kwdikos", "zzqxwv"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed_get(conn, path):
    start = time.perf_counter()
    conn.request("GET", path)
    res = conn.getresponse()
    res.read()
    elapsed = (time.perf_counter() - start) * 1000
    if res.status != 200:
        sys.exit(f"{path}: HTTP {res.status}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", default="build/kb")
    parser.add_argument("--articles", default="articles")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kb-portal-bench-") as tmp:
        db = os.path.join(tmp, "db")
        subprocess.run([args.kb, "index", args.articles, "--db", db], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port = free_port()
        server = subprocess.Popen([args.kb, "serve", "--db", db, "--port", str(port)],
                                  stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                        break
                except OSError:
                    time.sleep(0.05)
            page = http.client.HTTPConnection("127.0.0.1", port)
            api = http.client.HTTPConnection("127.0.0.1", port)
            times = {"page": [], "json": []}
            for q in QUERIES:  # warm up
                quoted = urllib.parse.quote(q)
                timed_get(page, f"/search?q={quoted}")
                timed_get(api, f"/api/v1/search?q={quoted}")
            for _ in range(args.rounds):
                for q in QUERIES:
                    quoted = urllib.parse.quote(q)
                    times["page"].append(timed_get(page, f"/search?q={quoted}"))
                    times["json"].append(timed_get(api, f"/api/v1/search?q={quoted}"))
        finally:
            server.terminate()
            server.wait()
    def p90(values):
        return sorted(values)[int(len(values) * 0.9)]
    page_median, json_median = statistics.median(times["page"]), statistics.median(times["json"])
    print(f"| endpoint | median ms | p90 ms | requests |")
    print(f"| --- | --- | --- | --- |")
    print(f"| GET /search (HTML page) | {page_median:.2f} | {p90(times['page']):.2f} | {len(times['page'])} |")
    print(f"| GET /api/v1/search (JSON) | {json_median:.2f} | {p90(times['json']):.2f} | {len(times['json'])} |")
    print(f"\npage / JSON (medians): {page_median / json_median:.2f}x (target: within 1.5x)")


if __name__ == "__main__":
    main()
