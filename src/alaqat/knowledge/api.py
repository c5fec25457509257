"""The knowledge layer's API: what the CLI and the web application call (see docs/architecture.md).

Everything is computed from what the store holds, in document order, so the order of ingest never
matters; ``rebuild`` saves it in the knowledge tables (migration 0002).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from typing import Any

from alaqat.knowledge import duplicates as dup
from alaqat.knowledge import entities as ents
from alaqat.knowledge import events as ev
from alaqat.knowledge import ledger as led
from alaqat.knowledge import timeline as tl
from alaqat.knowledge.periods import sort_key
from alaqat.model import FACT_FIELDS

__all__ = ["duplicate_clusters", "entities", "entity", "event", "events", "ledger", "merge_entities", "rebuild",
           "split_entity", "timeline"]

PLEDGE_TYPES = ("agreement", "project", "target")


def _kn(store: Any) -> Any:
    if not hasattr(store, "kn_events"):
        raise TypeError(f"{type(store).__name__} has no knowledge tables (migration 0002)")
    return store


# -- rebuild ---------------------------------------------------------------------------------------------
def update_signatures(store: Any) -> int:
    """Hash the documents that have no signature yet (or whose text changed); returns how many."""
    s = _kn(store)
    have = s.kn_signatures()
    todo = [d["id"] for d in s.kn_documents() if have.get(d["id"], ("",))[0] != d["content_hash"]]
    hashes = {d["id"]: d["content_hash"] for d in s.kn_documents()} if todo else {}
    batch: list[tuple[int, str, int, bytes]] = []
    for doc_id, original, body in s.kn_texts(todo):
        sig = dup.signature(dup.body_text(original, body))
        batch.append((doc_id, hashes[doc_id], sig.size, sig.to_bytes()))
        if len(batch) >= 1000:
            s.kn_save_signatures(batch)
            batch = []
    if batch:
        s.kn_save_signatures(batch)
    return len(todo)


def compute_clusters(store: Any) -> list[tuple[list[int], float]]:
    """Near-duplicate clusters as (document ids, similarity), from the stored signatures."""
    s = _kn(store)
    docs = {d["id"]: d["doc"] for d in s.kn_documents()}
    by_name = {v: k for k, v in docs.items()}
    sigs = [(docs[i], dup.Signature.from_bytes(blob, size)) for i, (_, size, blob) in s.kn_signatures().items()
            if i in docs]
    return [([by_name[n] for n in names], sim) for names, sim in dup.clusters(sigs)]


class _Same:
    """Name identity for the merge rule: canonical entities first (manual decisions included), then fuzzy."""

    def __init__(self, canon: list[ents.Canonical]) -> None:
        self.map: dict[tuple[str, str], int] = {}
        for n, c in enumerate(canon):
            for key in c.aliases:
                self.map[(c.kind, key)] = n
        self.cache: dict[tuple[str, str, str], bool] = {}

    def __call__(self, a: Any, b: Any, kind: str) -> bool:
        if not a or not b:
            return False
        k = (str(a), str(b), kind)
        if k not in self.cache:
            ia = self.map.get((kind, ents.name_key(str(a), kind)))
            ib = self.map.get((kind, ents.name_key(str(b), kind)))
            if ia is not None and ib is not None:
                self.cache[k] = ia == ib
            else:
                self.cache[k] = ents.same(str(a), str(b), kind)
        return self.cache[k]


def rebuild(store: Any) -> dict[str, Any]:
    """Recompute duplicate clusters, canonical entities, events, contradictions and the ledger links."""
    s = _kn(store)
    t0 = time.perf_counter()
    hashed = update_signatures(s)
    clusters = compute_clusters(s)
    doc_cluster = {i: n for n, (ids, _) in enumerate(clusters, 1) for i in ids}
    facts = s.kn_facts()
    decisions = [ents.Decision(*d) for d in s.kn_decisions()]
    names: list[tuple[str, str, str | None, int]] = list(s.kn_entity_names())
    for f in facts:
        names.extend((k, n, c, 1) for k, n, c in ents.fact_names({"type": f["type"], **f["fields"]}))
    canon = ents.resolve(names, decisions)
    same = _Same(canon)
    doc_of_fact = {int(f["id"]): int(f["document_id"]) for f in facts}
    mentions = [ev.Mention.of(f, f.get("published"), doc_cluster.get(int(f["document_id"]))) for f in facts]
    events = ev.group(mentions, same)
    fields_of = {e.id: ev.merged_fields(e) for e in events}
    figures = [(e, fields_of[e.id]) for e in events if e.type == "figure"]
    rows = []
    contra: list[tuple[int, int, str]] = []
    for e in events:
        f = fields_of[e.id]
        sort_date, dated = ev.event_sort_date(e)
        data: dict[str, Any] = dict(f)
        data["why_merged"] = e.why
        pledge = led.pledge_mention(e)
        if pledge is not None:
            info: dict[str, Any] = {"due": pledge.get("due"), "pledged_in": pledge.doc, "fulfilled_by": None,
                                    "fulfilled_event": None, "fulfilled_on": None}
            done = led.done_mention(e, pledge)
            found = (e, done) if done is not None else led.fulfilment(e, events)
            if found:
                fe, fm = found
                info.update({"fulfilled_by": fm.doc, "fulfilled_event": fe.id, "fulfilled_on": fm.published})
            if e.type == "target":
                info["latest_figure"] = led.latest_figure(e, f, figures)
            data["ledger"] = info
        contra.extend((e.id, e.id, json.dumps(c, ensure_ascii=False)) for c in ev.contradictions(e))
        clusters_of = {m.cluster for m in e.members if m.cluster is not None}
        first_in_cluster = {c: min(m.doc for m in e.members if m.cluster == c) for c in clusters_of}
        rows.append({
            "id": e.id, "type": e.type, "countries": list(ev.countries_of(e.first)),
            "date": ev.date_of_event(e), "dated": dated, "sort_date": sort_date or None,
            "status": f.get("status"), "due": f.get("due"), "data": data, "why": e.why,
            "sources": [(m.id, doc_of_fact[m.id], m.cluster is not None and m.doc != first_in_cluster[m.cluster])
                        for m in e.members],
        })
    ent_rows = [{"id": n, "kind": c.kind, "name": c.name, "country": c.country, "key": c.key,
                 "aliases": [(c.aliases[k], k, c.mentions[k]) for k in sorted(c.aliases)]}
                for n, c in enumerate(canon, 1)]
    s.kn_save(clusters, rows, contra, ent_rows)
    return {"documents": len(s.kn_documents()), "hashed": hashed, "clusters": len(clusters),
            "facts": len(facts), "events": len(rows), "contradictions": len(contra), "entities": len(ent_rows),
            "seconds": round(time.perf_counter() - t0, 3)}


# -- reading ---------------------------------------------------------------------------------------------
def _event_json(row: dict[str, Any], why: bool = False) -> dict[str, Any]:
    data = dict(row["data"])
    out: dict[str, Any] = {"id": row["id"], "type": row["type"], "countries": row["countries"], "date": row["date"]}
    for name in FACT_FIELDS.get(row["type"], ()):
        if name != "countries":
            out[name] = data.get(name)
    for k, v in data.items():
        if k not in out and k not in ("why_merged", "ledger"):
            out[k] = v
    out["dated"] = row["dated"]
    out["sources"] = [{"doc": s["doc"], "evidence": s["evidence"], "start": s["start"], "end": s["end"],
                       "duplicate": s["duplicate"], "mentions": s["mentions"]} for s in row["sources"]]
    out["contradictions"] = row["contradictions"]
    if why:
        out["why_merged"] = data.get("why_merged", [])
    return out


def events(store: Any, type: str | None = None, country: str | None = None, pair: tuple[str, str] | None = None,
           limit: int | None = None, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Events (newest knowledge of the store), filtered by type, a country or a pair; and their total."""
    cs = [c for c in ([country] if country else []) + list(pair or ()) if c]
    rows, total = _kn(store).kn_events(type=type, countries=cs, limit=limit, offset=offset)
    return [_event_json(r) for r in rows], total


def event(store: Any, event_id: int) -> dict[str, Any] | None:
    """One event with its sources, contradictions and ``why_merged``."""
    rows, _ = _kn(store).kn_events(ids=[int(event_id)])
    return _event_json(rows[0], why=True) if rows else None


def _pledge_name(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    if kind == "target":
        return {"metric": data.get("metric")}
    if kind == "project":
        return {"name": data.get("name")}
    parties = [str(p).split("|")[0] for p in data.get("parties") or []]
    return {"name": " – ".join(parties) if parties else (data.get("kind") or "agreement")}


def ledger(store: Any, country: str | None = None, status: str | None = None,
           as_of: dt.date | None = None) -> list[dict[str, Any]]:
    """Pledges with a due date and their status on ``as_of`` (today by default), by due date."""
    as_of = as_of or dt.date.today()
    out = []
    for kind in PLEDGE_TYPES:
        rows, _ = _kn(store).kn_events(type=kind, countries=[country] if country else [])
        for r in rows:
            info = r["data"].get("ledger")
            if info is None:
                continue
            st = led.status(info.get("due") or r["data"].get("due"), as_of, info.get("fulfilled_on"),
                            bool(info.get("fulfilled_by")))
            if st is None or (status and st != status):
                continue
            fulfilled = st == "fulfilled"
            row: dict[str, Any] = {"event_id": r["id"], "type": kind, "countries": r["countries"]}
            row.update(_pledge_name(kind, r["data"]))
            row.update({"due": info.get("due") or r["data"].get("due"), "status": st, "as_of": as_of.isoformat(),
                        "sources": [{"doc": s["doc"], "evidence": s["evidence"], "start": s["start"],
                                     "end": s["end"]} for s in r["sources"]],
                        "fulfilled_by": info.get("fulfilled_by") if fulfilled else None})
            if fulfilled:
                row["fulfilled_event"] = info.get("fulfilled_event")
            if kind == "target":
                row["value"] = r["data"].get("value")
                row["unit"] = r["data"].get("unit")
                row["multiplier"] = r["data"].get("multiplier")
                row["latest_figure"] = info.get("latest_figure")
            out.append(row)
    out.sort(key=lambda x: (sort_key(x["due"]), x["event_id"]))
    return out


def timeline(store: Any, a: str, b: str) -> list[dict[str, Any]]:
    """Events of the pair (a, b) in date order; undated ones placed by their article's date, ``dated: false``."""
    rows, _ = _kn(store).kn_events(countries=sorted({a.upper(), b.upper()}), order="date")
    out = []
    for r in tl.order(rows):
        e = _event_json(r)
        e["sort_date"] = r["sort_date"]
        out.append(e)
    return out


def duplicate_clusters(store: Any) -> list[dict[str, Any]]:
    """``{"cluster", "docs"}`` for every cluster of two or more near-duplicate articles."""
    return [{"cluster": c["cluster"], "docs": c["docs"]} for c in _kn(store).kn_clusters()]


def entities(store: Any, kind: str | None = None, q: str | None = None, limit: int | None = None,
             offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Canonical entities with their ``aliases``; ``q`` matches any alias (folded)."""
    key = ents.name_key(q, kind) if q else None
    return _kn(store).kn_entities(kind=kind, q=key or None, limit=limit, offset=offset)


def entity(store: Any, entity_id: int) -> dict[str, Any] | None:
    """One canonical entity with its aliases, the mentions the language layer found, and its events."""
    from alaqat.store.sqlite import entity_key

    s = _kn(store)
    row = s.kn_entity_row(entity_id)
    if row is None:
        return None
    aliases = [a for a, _, _ in row.pop("alias_keys")]
    row["aliases"] = aliases
    row["mentions"] = s.kn_mentions(row["kind"], sorted({entity_key(a) for a in aliases}))
    keys = {ents.name_key(a, row["kind"]) for a in aliases}
    found = []
    all_events, _ = s.kn_events()
    for e in all_events:
        names = [ents.name_key(n, k) for k, n, _ in ents.fact_names({"type": e["type"], **e["data"]})
                 if k == row["kind"]]
        if keys.intersection(names):
            found.append(_event_json(e))
    row["events"] = found
    return row


def _resolve_entity(store: Any, ref: int | str) -> dict[str, Any]:
    s = _kn(store)
    if isinstance(ref, int) or str(ref).isdigit():
        row = s.kn_entity_row(int(ref))
    else:
        rows, _ = s.kn_entities(q=ents.name_key(str(ref)))
        exact = [r for r in rows if any(ents.name_key(a, r["kind"]) == ents.name_key(str(ref), r["kind"])
                                        for a in r["aliases"])]
        row = s.kn_entity_row(exact[0]["id"]) if len(exact) == 1 else None
    if row is None:
        raise LookupError(f"no entity {ref!r}")
    return dict(row)


def merge_entities(store: Any, a: int, b: int) -> dict[str, Any]:
    """Make entities ``a`` and ``b`` one, now and on every rebuild. Returns the rebuild counts."""
    ra, rb = _resolve_entity(store, a), _resolve_entity(store, b)
    if ra["kind"] != rb["kind"]:
        raise ValueError(f"cannot merge a {ra['kind']} with a {rb['kind']}")
    _kn(store).kn_add_decision("merge", ra["kind"], ra["key"], rb["key"])
    return rebuild(store)


def split_entity(store: Any, entity_id: int, alias: str) -> dict[str, Any]:
    """Take ``alias`` out of entity ``entity_id`` (it becomes its own entity), now and on every rebuild."""
    row = _resolve_entity(store, entity_id)
    key = ents.name_key(alias, row["kind"])
    keys = {k for _, k, _ in row["alias_keys"]}
    if key not in keys:
        matches = [k for a, k, _ in row["alias_keys"] if a == alias]
        if not matches:
            raise LookupError(f"{alias!r} is not an alias of entity {entity_id}")
        key = matches[0]
    _kn(store).kn_add_decision("split", row["kind"], row["key"], key)
    return rebuild(store)
