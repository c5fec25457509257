"""The Store interface: what the CLI, the knowledge layer and the web application need of a database."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Protocol

from alaqat.model import Article, Fact


@dataclass(frozen=True)
class FactFilter:
    type: str | None = None
    country: str | None = None
    pair: tuple[str, str] | None = None
    date_from: str | None = None
    date_to: str | None = None
    status: str | None = None
    doc: str | None = None
    q: str | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class SearchHit:
    doc: str
    score: float
    kind: str  # "article" or "fact"
    snippet: str
    highlights: list[tuple[int, int]]
    fact: dict[str, Any] | None = None
    title: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "score": round(self.score, 4), "snippet": self.snippet, "kind": self.kind,
                "fact": self.fact, "highlights": [list(h) for h in self.highlights], "title": self.title}


@dataclass
class IngestResult:
    stored: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    facts: int = 0


def fact_row(fact: Fact) -> tuple[str, str | None, str | None, str]:
    """Typed columns of a fact: sorted countries, its main date, its status, its contract fields as JSON."""
    f = fact.fields
    countries: set[str] = set()
    for key in ("countries",):
        countries.update(c for c in (f.get(key) or []) if c)
    for key in ("guest", "host", "giver", "recipient", "from", "to"):
        if f.get(key):
            countries.add(f[key])
    date = None
    for key in ("start", "date", "period", "due", "published"):
        if f.get(key):
            date = str(f[key])
            break
    return ",".join(sorted(countries)), date, f.get("status"), json.dumps(f, ensure_ascii=False)


class Store(Protocol):
    url: str

    def close(self) -> None: ...
    def has(self, doc: str, content_hash: str) -> bool: ...
    def save_article(self, article: Article, content_hash: str) -> str: ...
    def documents(self, limit: int | None = None, offset: int = 0) -> tuple[list[dict[str, Any]], int]: ...
    def document(self, doc: str) -> dict[str, Any] | None: ...
    def facts(self, flt: FactFilter = ...) -> tuple[list[dict[str, Any]], int]: ...
    def search(self, query: str, limit: int = 20, offset: int = 0) -> tuple[list[SearchHit], int]: ...
    def entities(self, kind: str | None = None, q: str | None = None, limit: int | None = None,
                 offset: int = 0) -> tuple[list[dict[str, Any]], int]: ...
    def stats(self) -> dict[str, Any]: ...
