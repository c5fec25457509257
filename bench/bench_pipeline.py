#!/usr/bin/env python3
"""Whole-pipeline throughput: read, clean, recognise, extract, merge (no database), over the corpus.

Prints articles/s on one core (the pipeline is single-process) for several runs and their median, the
time share of each stage, and peak memory. Usage:
    python bench/bench_pipeline.py [--corpus ../shared/corpus/articles.jsonl.gz] [--limit N] [--runs 3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import statistics
import sys
import time
from pathlib import Path

from alaqat.ingest.readers import read_jsonl
from alaqat.model import Article
from alaqat.pipeline import Pipeline

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "articles.jsonl.gz"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=None, help="articles per run (default: all)")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    path = Path(a.corpus)
    if not path.is_file():
        print(f"no corpus at {path}", file=sys.stderr)
        return 1
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lines = [ln for ln, _ in zip(fh, range(a.limit or 10**9), strict=False)]
    chars = sum(len(json.loads(ln)["text"]) for ln in lines)
    pipeline = Pipeline()
    warm = [x for x in read_jsonl(lines[:200], "warm-up") if isinstance(x, Article)]
    for art in warm:
        pipeline(art)
    rates, facts = [], 0
    pipeline.timings.clear()
    for run in range(a.runs):
        t0 = time.perf_counter()
        n = facts = 0
        for item in read_jsonl(lines, str(path)):  # reading is part of the measured work
            if isinstance(item, Article):
                out = pipeline(item)
                n += 1
                facts += len(out.facts)
        dt = time.perf_counter() - t0
        rates.append(n / dt)
        print(f"run {run + 1}: {n} articles in {dt:.1f} s = {n / dt:,.0f} articles/s, {chars / dt / 1e6:.2f} M chars/s")
    total = sum(pipeline.timings.values())
    print(f"\nmedian: {statistics.median(rates):,.0f} articles/s per core (target >= 200); {facts} facts per run")
    print("stage shares: " + ", ".join(f"{k} {v / total:.0%}" for k, v in pipeline.timings.items()))
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
          f" (includes the {len(lines)} corpus lines held in memory)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
