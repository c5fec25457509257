"""Ingesting the same articles in any order gives the same events, clusters and entities."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from alaqat.knowledge import api
from alaqat.store.sqlite import SQLiteStore
from tests.conftest import DEV_DOCS, DEV_GOLD, needs_dev
from tests.knowledge.helpers import load_gold, save, save_gold_docs

KDOCS = Path(__file__).resolve().parent.parent / "data" / "knowledge" / "docs"


def _snapshot(store: SQLiteStore) -> tuple[Any, ...]:
    events = [(e["id"], e["type"], e["countries"], e["date"], sorted((s["doc"], s["evidence"]) for s in e["sources"]),
               e["contradictions"]) for e in api.events(store)[0]]
    ents = [(e["id"], e["kind"], e["name"], sorted(e["aliases"])) for e in api.entities(store)[0]]
    return events, ents, api.duplicate_clusters(store)


@needs_dev
def test_shuffled_ingest_gives_the_same_knowledge(tmp_path: Path) -> None:
    gold = load_gold(DEV_GOLD)
    docs = sorted(gold)
    knowledge_docs = sorted(KDOCS.glob("*.txt"))[:12]
    snaps = []
    for seed in (0, 1, 2):
        order = docs[:]
        extra = knowledge_docs[:]
        random.Random(seed).shuffle(order)
        random.Random(seed).shuffle(extra)
        store = SQLiteStore(f"sqlite:///{tmp_path}/o{seed}.db")
        for p in extra[: len(extra) // 2]:
            save(store, p.stem, p.read_text("utf-8"))
        save_gold_docs(store, DEV_DOCS, gold, order=order)
        for p in extra[len(extra) // 2:]:
            save(store, p.stem, p.read_text("utf-8"))
        api.rebuild(store)
        snaps.append(_snapshot(store))
        store.close()
    assert snaps[0] == snaps[1] == snaps[2]
    assert snaps[0][0] and snaps[0][1] and snaps[0][2]
