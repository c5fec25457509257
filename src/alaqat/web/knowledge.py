"""The web application's door to ``alaqat.knowledge.api`` (events, ledger, timelines, entities).

The knowledge layer is imported lazily, at the first call, so the application starts and serves documents, facts
and search even in a build without it. API routes turn :class:`KnowledgeUnavailable` into a 503 that says so;
pages fall back to the store's facts (one fact = one event with one source), which is what the knowledge layer
would show before any merging.
"""

from __future__ import annotations

import datetime as dt
from importlib import import_module
from types import ModuleType
from typing import Any

from alaqat.store.base import FactFilter, Store

MODULE = "alaqat.knowledge.api"

#: the fact types that are events on a timeline (the others are measurements and pledges)
TIMELINE_TYPES = ("visit", "agreement", "award", "project")


class KnowledgeUnavailable(RuntimeError):
    def __init__(self, what: str) -> None:
        super().__init__(f"the knowledge layer ({MODULE}) has no {what} in this build; "
                         "events, ledger, timelines and entities need it")


def module() -> ModuleType | None:
    try:
        return import_module(MODULE)
    except ModuleNotFoundError as e:
        if e.name in (MODULE, "alaqat.knowledge"):
            return None
        raise


def available() -> bool:
    return module() is not None


def call(name: str, *args: Any, **kwargs: Any) -> Any:
    mod = module()
    fn = getattr(mod, name, None) if mod is not None else None
    if fn is None:
        raise KnowledgeUnavailable(f"function {name}()")
    return fn(*args, **kwargs)


def rebuild(store: Store) -> dict[str, Any] | None:
    """Recompute the knowledge tables after an ingest batch; ``None`` where the layer is absent."""
    try:
        out: dict[str, Any] = call("rebuild", store)
    except KnowledgeUnavailable:
        return None
    return out


# -- fallbacks from the store's facts, for pages ------------------------------------------------------
def fact_event(fact: dict[str, Any]) -> dict[str, Any]:
    """A stored fact in the shape of a knowledge event (no id: there is no event page to link to)."""
    out = {k: v for k, v in fact.items() if k not in ("evidence", "evidence_start", "evidence_end", "id", "doc")}
    out["id"] = None
    out["countries"] = fact_countries(fact)
    out["date"] = fact_date(fact)
    start, end = evidence_offsets(fact)
    out["sources"] = [{"doc": fact["doc"], "evidence": fact["evidence"], "start": start, "end": end,
                       "fact_id": fact["id"]}]
    out["contradictions"] = []
    return out


def evidence_offsets(fact: dict[str, Any]) -> tuple[int, int]:
    """Where a stored fact's evidence is in its document (``evidence_start``/``evidence_end``; a visit's
    ``start`` and ``end`` are its dates)."""
    return int(fact.get("evidence_start") or 0), int(fact.get("evidence_end") or 0)


def fact_countries(fact: dict[str, Any]) -> list[str]:
    found: set[str] = set(c for c in (fact.get("countries") or []) if c)
    for key in ("guest", "host", "giver", "recipient", "from", "to"):
        if fact.get(key):
            found.add(str(fact[key]))
    return sorted(found)


def fact_date(fact: dict[str, Any]) -> str | None:
    for key in ("start", "date", "period", "due", "published"):
        if fact.get(key):
            return str(fact[key])
    return None


def events(store: Store, type: str | None = None, country: str | None = None,
           pair: tuple[str, str] | None = None, limit: int | None = None,
           offset: int = 0) -> tuple[list[dict[str, Any]], int, bool]:
    """Events and their total, and whether they come from the knowledge layer (else: from facts)."""
    try:
        items, total = call("events", store, type=type, country=country, pair=pair, limit=limit, offset=offset)
        return list(items), int(total), True
    except KnowledgeUnavailable:
        facts, total = store.facts(FactFilter(type=type, country=country, pair=pair, limit=limit, offset=offset))
        facts = [f for f in facts if f["type"] != "article"]
        return [fact_event(f) for f in facts], total, False


def timeline(store: Store, a: str, b: str) -> tuple[list[dict[str, Any]], bool]:
    try:
        return list(call("timeline", store, a, b)), True
    except KnowledgeUnavailable:
        facts, _ = store.facts(FactFilter(pair=(a, b)))
        rows = [fact_event(f) for f in facts if f["type"] in TIMELINE_TYPES]
        return sorted(rows, key=lambda e: (e["date"] or "9999", e["type"])), False


def ledger(store: Store, country: str | None = None, status: str | None = None,
           as_of: dt.date | None = None) -> tuple[list[dict[str, Any]], bool]:
    try:
        return list(call("ledger", store, country=country, status=status, as_of=as_of)), True
    except KnowledgeUnavailable:
        return _fact_ledger(store, country, status, as_of or dt.date.today()), False


def _fact_ledger(store: Store, country: str | None, status: str | None, as_of: dt.date) -> list[dict[str, Any]]:
    rows = []
    today = as_of.isoformat()
    for ftype in ("target", "project"):
        facts, _ = store.facts(FactFilter(type=ftype, country=country))
        for f in facts:
            due = f.get("due")
            if not due:
                continue
            done = f.get("status") == "done"
            late = not done and str(due) < today[: len(str(due))]
            row_status = "fulfilled" if done else "overdue" if late else "upcoming"
            if status and row_status != status:
                continue
            ev = fact_event(f)
            rows.append({"event_id": None, "type": ftype, "countries": ev["countries"],
                         "name": f.get("name"), "metric": f.get("metric"), "due": due, "status": row_status,
                         "as_of": today, "sources": ev["sources"], "fulfilled_by": None})
    return sorted(rows, key=lambda r: (str(r["due"]), r["type"]))
