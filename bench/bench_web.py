"""Latency of the web pages over a big database: the 20,000 corpus articles plus the dev set.

    .venv/bin/python bench/bench_web.py                 # builds a temp database with `alaqat ingest` (slow)
    .venv/bin/python bench/bench_web.py --db sqlite:///PATH --keep   # reuse (or keep) a database

Requests go in-process through the ASGI app (httpx via FastAPI's TestClient): no network, no server start-up.
Prints p50 and p95 per page against the target p95 <= 200 ms. A benchmark, never a timed test.
"""

from __future__ import annotations

import argparse
import gzip
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl.gz"
DEV_DOCS = ROOT.parent / "shared" / "eval" / "dev" / "docs"
TARGET_P95_MS = 200.0
QUERIES = ["الأردن", "كازاخستان", "اتفاقية تعاون", "وزير الخارجية", "الاستثمار", "مذكرة تفاهم", "الرئيس الروسي",
           "التبادل التجاري", "قطر", "النفط"]


def build(url: str, tmp: Path) -> None:
    jsonl = tmp / "articles.jsonl"
    with gzip.open(CORPUS, "rb") as src, open(jsonl, "wb") as dst:
        shutil.copyfileobj(src, dst)
    alaqat = str(Path(sys.executable).parent / "alaqat")
    t0 = time.perf_counter()
    subprocess.run([alaqat, "--db", url, "ingest", "--quiet", str(jsonl), str(DEV_DOCS)], check=False)
    print(f"ingested in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    jsonl.unlink()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="database URL to use (built there if it holds no documents)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary database")
    ap.add_argument("-n", type=int, default=60, help="requests per page (after 5 warm-up requests)")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

    from alaqat.store.open import open_store
    from alaqat.web import views
    from alaqat.web.app import create_app

    tmp = Path(tempfile.mkdtemp(prefix="alaqat-bench-web-"))
    url = args.db or f"sqlite:///{tmp}/bench.db"
    store = open_store(url)
    if store.stats()["documents"] == 0:
        if not CORPUS.is_file():
            sys.exit(f"no corpus at {CORPUS}")
        store.close()
        build(url, tmp)
        store = open_store(url)
    stats = store.stats()
    print(f"database: {stats['documents']} documents, {sum(stats['facts'].values())} facts")

    client = TestClient(create_app(store, None))
    counts = views.country_counts(store)
    focus = max(counts, key=lambda c: counts[c]) if counts else "JO"
    partners = views.partner_counts(store, focus)
    partner = max(partners, key=lambda c: sum(partners[c].values())) if partners else "KZ"
    docs, _ = store.documents(limit=None)
    rng = random.Random(7)
    sample = [d["doc"] for d in rng.sample(docs, min(len(docs), 500))]

    pages = {
        "overview": lambda i: "/",
        f"pair {focus}-{partner}": lambda i: f"/pair/{focus}/{partner}",
        "search": lambda i: "/search?q=" + QUERIES[i % len(QUERIES)],
        "article": lambda i: views.doc_href(sample[i % len(sample)]),
    }
    print(f"{'page':<22}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}   target p95 <= {TARGET_P95_MS:.0f} ms")
    for name, make in pages.items():
        for i in range(5):
            client.get(make(i))
        times = []
        for i in range(args.n):
            t0 = time.perf_counter()
            r = client.get(make(i))
            times.append((time.perf_counter() - t0) * 1000)
            if r.status_code != 200:
                sys.exit(f"{make(i)} answered {r.status_code}")
        p95 = percentile(times, 0.95)
        flag = "ok" if p95 <= TARGET_P95_MS else "OVER"
        print(f"{name:<22}{statistics.median(times):>9.1f}{p95:>9.1f}{max(times):>9.1f}   {flag}")
    store.close()
    if args.keep or args.db:
        print(f"database kept: {url}", file=sys.stderr)
    else:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
