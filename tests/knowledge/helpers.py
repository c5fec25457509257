"""Store documents and contract facts directly (no extractors needed), into a real SQLiteStore."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from alaqat.model import Article, Fact
from alaqat.store.sqlite import SQLiteStore

SKIP = {"doc", "type", "evidence", "confidence", "optional"}  # a visit's start/end are contract fields


def fact(type: str, evidence: str = "", start: int = 0, **fields: Any) -> Fact:
    return Fact(type, fields, start, start + len(evidence), evidence)


def contract_fact(d: dict[str, Any], original: str) -> Fact:
    """A Fact from a contract dict, its evidence located in ``original`` (offset 0 where it is not found)."""
    ev = d.get("evidence") or ""
    start = original.find(ev) if ev else -1
    start = max(start, 0)
    return Fact(d["type"], {k: v for k, v in d.items() if k not in SKIP}, start, start + len(ev), ev)


def save(store: SQLiteStore, doc: str, text: str, facts: Iterable[Fact] = (), published: str | None = None,
         body: list[tuple[int, int]] | None = None) -> None:
    art = Article(doc=doc, original=text, body=body if body is not None else [(0, len(text))],
                  published=published)
    art.facts = list(facts)
    store.save_article(art, hashlib.sha256((text + json.dumps([f.fields for f in art.facts], default=str))
                                           .encode()).hexdigest())


def load_gold(path: Path) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.setdefault(d["doc"], []).append(d)
    return out


def save_gold_docs(store: SQLiteStore, docs_dir: Path, gold: dict[str, list[dict[str, Any]]],
                   order: Iterable[str] | None = None) -> None:
    """Every document of ``gold`` with its gold facts (published: the article fact's date)."""
    for doc in order if order is not None else sorted(gold):
        text = (docs_dir / f"{doc}.txt").read_text("utf-8")
        facts = [contract_fact(d, text) for d in gold[doc]]
        published = next((d.get("published") for d in gold[doc] if d["type"] == "article"), None)
        save(store, doc, text, facts, published=published)
