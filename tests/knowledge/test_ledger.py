"""The pledge ledger at several reference dates, and the dev acceptance built from the gold facts."""

from __future__ import annotations

import datetime as dt

import pytest

from alaqat.knowledge import api
from alaqat.knowledge.ledger import status
from alaqat.model import Fact
from alaqat.store.sqlite import SQLiteStore
from tests.conftest import DEV_DOCS, DEV_GOLD, needs_dev
from tests.knowledge.helpers import load_gold, save, save_gold_docs

D = dt.date


@pytest.mark.parametrize(("due", "as_of", "expected"), [
    ("2026", D(2025, 12, 31), "upcoming"),
    ("2026", D(2026, 1, 1), "due"),
    ("2026", D(2026, 12, 31), "due"),
    ("2026", D(2027, 1, 1), "overdue"),
    ("2026-06", D(2026, 5, 31), "upcoming"),
    ("2026-06", D(2026, 6, 30), "due"),
    ("2026-06", D(2026, 11, 22), "overdue"),
    ("2025-03-15", D(2025, 3, 15), "due"),
    ("2025-03-15", D(2025, 3, 16), "overdue"),
    ("2025-01/2025-03", D(2025, 2, 1), "due"),
    ("nonsense", D(2025, 2, 1), None),
])
def test_status(due: str, as_of: dt.date, expected: str | None) -> None:
    assert status(due, as_of, None, False) == expected


def test_fulfilled_only_once_reported() -> None:
    assert status("2026-06", D(2026, 11, 22), "2026-06-09", True) == "fulfilled"
    assert status("2026-06", D(2026, 6, 1), "2026-06-09", True) == "due"


PLAN = "تخطط الخطوط الجوية الملكية الأردنية لإطلاق رحلات مباشرة بين عمان وألماتي في يونيو 2026"
DONE = "أطلقت الملكية الأردنية أولى رحلاتها المباشرة بين عمان وألماتي"
TARGET = "هدف زيادة حجم التبادل التجاري إلى 500 مليون دولار بحلول 2027"
FIG = "بلغ حجم التبادل التجاري 6.3 مليون دولار في 2024"


def _project(text: str, status_: str, due: str | None, name: str) -> Fact:
    return Fact("project", {"name": name, "actors": ["الخطوط الجوية الملكية الأردنية"], "countries": ["JO", "KZ"],
                            "status": status_, "due": due}, 0, len(text), text)


def test_fulfilled_by_a_later_report(db_url: str) -> None:
    store = SQLiteStore(db_url)
    save(store, "plan", PLAN, [_project(PLAN, "planned", "2026-06", "رحلات مباشرة بين عمان وألماتي")],
         published="2025-08-28")
    save(store, "done", DONE, [_project(DONE, "done", None, "رحلات مباشرة بين عمان وألماتي")],
         published="2026-06-09")
    save(store, "target", TARGET + ". " + FIG, [
        Fact("target", {"metric": "trade", "countries": ["JO", "KZ"], "value": 5e8, "unit": "USD", "due": "2027"},
             0, len(TARGET), TARGET),
        Fact("figure", {"metric": "trade", "countries": ["JO", "KZ"], "value": 6.3e6, "unit": "USD", "period": "2024"},
             len(TARGET) + 2, len(TARGET) + 2 + len(FIG), FIG)], published="2025-08-28")
    api.rebuild(store)
    rows = {r["type"]: r for r in api.ledger(store, as_of=D(2026, 11, 22))}
    flights = rows["project"]
    assert flights["status"] == "fulfilled" and flights["fulfilled_by"] == "done" and flights["due"] == "2026-06"
    assert {s["doc"] for s in flights["sources"]} == {"plan", "done"}
    assert api.ledger(store, as_of=D(2026, 6, 1))[0]["status"] == "due"
    target = rows["target"]
    assert target["metric"] == "trade" and target["status"] == "upcoming"
    assert target["latest_figure"]["value"] == 6.3e6
    assert [r["type"] for r in api.ledger(store, status="fulfilled", as_of=D(2026, 11, 22))] == ["project"]


@needs_dev
def test_dev_acceptance(db_url: str) -> None:
    store = SQLiteStore(db_url)
    save_gold_docs(store, DEV_DOCS, load_gold(DEV_GOLD))
    api.rebuild(store)
    rows = api.ledger(store, country="KZ", as_of=D(2026, 11, 22))
    got = {(r["type"], r["due"]): (r.get("name"), r["status"]) for r in rows}
    assert got[("project", "2026-06")][1] == "overdue"  # Royal Jordanian flights
    assert got[("agreement", "2026")][1] == "due"  # Kazatomprom–JUMCO
    assert got[("project", "2027")][1] == "upcoming"  # Kostanay plant
    assert all(r["fulfilled_by"] is None for r in rows)
