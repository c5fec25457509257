"""The dev acceptance of issue 6, built from the dev gold facts (no extractors needed)."""

from __future__ import annotations

import datetime as dt

from alaqat.knowledge import api
from alaqat.store.sqlite import SQLiteStore
from tests.conftest import DEV_DOCS, DEV_GOLD, needs_dev
from tests.knowledge.helpers import load_gold, save_gold_docs

pytestmark = needs_dev

JO_000, JO_001 = "000_33736d9645476323", "001_a86e004922573e00"


def _store(db_url: str) -> SQLiteStore:
    store = SQLiteStore(db_url)
    save_gold_docs(store, DEV_DOCS, load_gold(DEV_GOLD))
    api.rebuild(store)
    return store


def test_one_tokayev_visit_to_jordan_with_both_sources(db_url: str) -> None:
    store = _store(db_url)
    visits = [e for e in api.events(store, type="visit", pair=("KZ", "JO"))[0]
              if e["guest"] == "KZ" and e["host"] == "JO"]
    assert len(visits) == 1
    v = visits[0]
    assert v["date"] == "2025-02" and v["start"] == "2025-02"
    assert {s["doc"] for s in v["sources"]} == {JO_000, JO_001}
    full = api.event(store, v["id"])
    assert full is not None and full["why_merged"] and "person" in full["why_merged"][0]


def test_ledger_for_kz_as_of_2026_11_22(db_url: str) -> None:
    store = _store(db_url)
    rows = api.ledger(store, country="KZ", as_of=dt.date(2026, 11, 22))
    by_due = {(r["type"], r["due"]): r for r in rows}
    flights = by_due[("project", "2026-06")]
    assert "الملكية الأردنية" in flights["sources"][0]["evidence"] and flights["status"] == "overdue"
    uranium = by_due[("agreement", "2026")]
    assert "كازاتومبروم" in uranium["name"] and uranium["status"] == "due"
    plant = by_due[("project", "2027")]
    assert "كوستاناي" in plant["name"] and plant["status"] == "upcoming"
    for r in rows:
        assert set(r) >= {"event_id", "type", "countries", "due", "status", "as_of", "sources", "fulfilled_by"}
    assert api.ledger(store, country="KZ", status="overdue", as_of=dt.date(2026, 11, 22))
    assert {r["status"] for r in api.ledger(store, country="KZ", as_of=dt.date(2025, 1, 1))} == {"upcoming"}


def test_timeline_places_undated_events_by_publication_date(db_url: str) -> None:
    store = _store(db_url)
    tl = api.timeline(store, "KZ", "JO")
    assert tl and all({"KZ", "JO"} <= set(e["countries"]) for e in tl)
    keys = [e["sort_date"] or "9999" for e in tl]
    assert keys == sorted(keys)
    undated = [e for e in tl if not e["dated"]]
    assert undated and all(e["sort_date"] == "2025-08-28" or e["sort_date"] is None for e in undated)


def test_event_shape(db_url: str) -> None:
    store = _store(db_url)
    rows, total = api.events(store)
    assert total == len(rows) > 0
    for e in rows:
        assert list(e)[:4] == ["id", "type", "countries", "date"]
        assert e["sources"] and {"doc", "evidence", "start", "end"} <= set(e["sources"][0])
        assert isinstance(e["contradictions"], list)
