#!/usr/bin/env python3
"""Score the dev set and the team's own set with the contract's scorer; fail below the pinned floors.

Usage: python scripts/score_sets.py [--shared ../shared]
Floors live in tests/data/floors.json; raise them when the scores rise, never lower them quietly.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from alaqat.evaluate import evaluate, table
from alaqat.ingest.readers import read_all
from alaqat.run.ingest import ingest
from alaqat.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parent.parent


def score_set(name: str, docs: Path, gold: Path, scorer: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(f"sqlite:///{tmp}/{name}.db")
        ingest(read_all([str(docs)]), store)
        summary, _ = evaluate(store, gold, docs, scorer)
        store.close()
    print(f"\n== {name}: {docs}")
    print(table(summary))
    return summary


def check(name: str, summary: dict, floors: dict) -> list[str]:
    bad = []
    o = summary["overall"]
    for key in ("f1", "attr_acc", "grounded"):
        floor = floors.get(key)
        if floor is not None and (o.get(key) or 0) < floor:
            bad.append(f"{name}: overall {key} {o.get(key)} < floor {floor}")
    for t, floor in floors.get("types_f1", {}).items():
        got = summary["types"][t]["f1"]
        if got < floor:
            bad.append(f"{name}: {t} F1 {got} < floor {floor}")
    return bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    a = ap.parse_args()
    shared = Path(a.shared)
    scorer = shared / "eval" / "score.py"
    if not scorer.is_file():
        print(f"no scorer at {scorer}: cannot score", file=sys.stderr)
        return 1
    floors = json.loads((ROOT / "tests" / "data" / "floors.json").read_text("utf-8"))
    problems: list[str] = []
    sets = [("dev", shared / "eval" / "dev" / "docs", shared / "eval" / "dev" / "gold.jsonl"),
            ("own", ROOT / "tests" / "data" / "ownset" / "docs", ROOT / "tests" / "data" / "ownset" / "gold.jsonl")]
    for name, docs, gold in sets:
        if not gold.is_file():
            print(f"\n== {name}: no gold at {gold}, skipped")
            continue
        problems += check(name, score_set(name, docs, gold, scorer), floors.get(name, {}))
    if problems:
        print("\nBELOW FLOOR:\n" + "\n".join(problems))
        return 1
    print("\nall scores at or above their floors (tests/data/floors.json)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
