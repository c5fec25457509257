"""Benchmark near-duplicate detection over the whole corpus (../shared/corpus/articles.jsonl.gz, 20,000 articles).

Each run, in a fresh process: MinHash signatures of every article's text (fold, shingle, hash) and LSH
clustering, as ``alaqat.knowledge.api.rebuild`` does them. Prints articles per second and peak memory
(resident set, MiB) of each run and their medians.

    .venv/bin/python bench/bench_dedup.py [--runs 3] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing as mp
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl.gz"


def one_run(limit: int | None, out: mp.Queue) -> None:  # type: ignore[type-arg]
    from alaqat.knowledge import duplicates as dup

    texts: list[tuple[str, str]] = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts.append((str(rec["id"]), f"{rec.get('title') or ''}\n{rec.get('text') or ''}"))
            if limit and len(texts) >= limit:
                break
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    sigs = [(doc, dup.signature(text)) for doc, text in texts]
    t1 = time.perf_counter()
    clusters = dup.clusters(sigs)
    t2 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out.put({"articles": len(texts), "hash_s": t1 - t0, "cluster_s": t2 - t1, "total_s": t2 - t0,
             "per_s": len(texts) / (t2 - t0), "peak_mib": peak / 1024, "dedup_extra_mib": (peak - base) / 1024,
             "clusters": len(clusters), "in_clusters": sum(len(c) for c, _ in clusters)})


def main() -> int:
    ap = argparse.ArgumentParser(description="Benchmark near-duplicate detection over the corpus.")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int, default=None, help="Only the first N articles.")
    args = ap.parse_args()
    if not CORPUS.is_file():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    ctx = mp.get_context("spawn")
    results = []
    for i in range(args.runs):
        q: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
        p = ctx.Process(target=one_run, args=(args.limit, q))
        p.start()
        r = q.get()
        p.join()
        results.append(r)
        print(f"run {i + 1}: {r['articles']} articles, {r['per_s']:.0f} articles/s (hash {r['hash_s']:.1f} s,"
              f" LSH+verify {r['cluster_s']:.1f} s), peak RSS {r['peak_mib']:.0f} MiB"
              f" (+{r['dedup_extra_mib']:.0f} MiB for dedup), {r['clusters']} clusters / {r['in_clusters']} articles")
    med = {k: statistics.median(r[k] for r in results) for k in ("per_s", "total_s", "peak_mib", "dedup_extra_mib")}
    print(f"median of {len(results)}: {med['per_s']:.0f} articles/s, {med['total_s']:.1f} s for"
          f" {results[0]['articles']} articles, peak RSS {med['peak_mib']:.0f} MiB"
          f" (+{med['dedup_extra_mib']:.0f} MiB for dedup)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
