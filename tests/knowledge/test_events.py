"""The merge rule as a table: (fact a, fact b, merged?, why)."""

from __future__ import annotations

from typing import Any

import pytest

from alaqat.knowledge import api
from alaqat.knowledge.events import Mention, compatible, conflict, group
from alaqat.model import Fact
from alaqat.store.sqlite import SQLiteStore
from tests.knowledge.helpers import save

TOK = "قاسم جومارت توكاييف"


def m(doc: str, type: str, published: str | None = None, cluster: int | None = None, at: int = 0,
      **fields: Any) -> Mention:
    """A mention; ``at`` is the evidence offset (``start`` is a visit's contract field)."""
    return Mention(0, doc, type, fields, "…", at, at + 1, published, cluster)


def visit(doc: str, start: str | None = None, person: str | None = TOK, guest: str = "KZ", host: str = "JO",
          **kw: Any) -> Mention:
    return m(doc, "visit", guest=guest, host=host, guest_person=person, start=start, **kw)


RULES = [
    # visits
    (visit("a", "2025-02"), visit("b", "2025-02-10"), True, "dates agree"),
    (visit("a", "2025-02"), visit("b", None, "قاسم جومرت توكايف"), True, "one undated"),
    (visit("a", "2025-02"), visit("b", "2025-08"), False, "start"),
    (visit("a", "2025-02"), visit("b", "2025-02", guest="JO", host="KZ"), False, "countries"),
    (visit("a", "2025-02", "رجب طيب أردوغان"), visit("b", "2025-02", TOK), False, "different guests"),
    (visit("a", None), visit("b", None, None), False, None),
    (m("a", "visit", published="2024-05-05", guest="SA", host="KZ", guest_person="خالد الفالح"),
     m("b", "visit", guest="SA", host="KZ", guest_person="خالد الفالح", start="2025-05-29"), False,
     "not about"),
    (visit("a", None, cluster=3), visit("b", None, None, cluster=3), True, "same story"),
    # agreements
    (m("a", "agreement", countries=["JO", "KZ"], parties=["QazBioPharm National Holding JSC", "DadVet"], kind="mou",
       status="signed"),
     m("b", "agreement", countries=["JO", "KZ"], parties=["كازبيوفارم", "داد فيت"], kind="mou", status="signed"),
     True, "parties in common"),
    (m("a", "agreement", countries=["JO", "KZ"], parties=["وزارة الزراعة الكازاخستانية"], kind="mou"),
     m("b", "agreement", countries=["JO", "KZ"], parties=["وزارة الطاقة الكازاخستانية"], kind="mou"), False,
     "no party"),
    (m("a", "agreement", countries=["KZ", "SA"], parties=[], count=15, kind="agreement"),
     m("b", "agreement", countries=["KZ", "SA"], parties=[], count=15, kind="agreement"), True, "number of documents"),
    (m("a", "agreement", countries=["KZ", "SA"], parties=[], count=15),
     m("b", "agreement", countries=["KZ", "SA"], parties=[], count=16), False, "count"),
    (m("a", "agreement", countries=["KZ", "MA"], parties=[], kind="mou", status="signed", date="2024-06-12",
       sectors=["agriculture"]),
     m("b", "agreement", countries=["KZ", "MA"], parties=[], kind="mou", status="signed", date="2024-06"), True,
     "same month"),
    (m("a", "agreement", countries=["KZ", "MA"], parties=[], kind="mou", status="signed", date="2024-06-12",
       sectors=["agriculture"]),
     m("b", "agreement", countries=["KZ", "MA"], parties=[], kind="protocol", status="signed", date="2024-06"),
     False, "kind"),
    (m("a", "visit", published="2024-06-12", guest="KZ", host="MA"),
     m("b", "visit", guest="KZ", host="MA", start="2024-06"), True, "published within"),
    (m("a", "visit", published="2024-09-12", guest="KZ", host="MA"),
     m("b", "visit", guest="KZ", host="MA", start="2024-06"), False, None),
    # figures
    (m("a", "figure", metric="trade", unit="USD", countries=["AE", "KZ"], value=1.1e9, period="2023"),
     m("b", "figure", metric="trade", unit="USD", countries=["AE", "KZ"], value=1.4e9, period="2023"), True,
     "contradiction"),
    (m("a", "figure", metric="trade", unit="USD", countries=["EG", "KZ"], value=120e6, period="2023"),
     m("b", "figure", metric="trade", unit="USD", countries=["EG", "KZ"], value=118e6, period="2023"), True,
     "same value"),
    (m("a", "figure", metric="trade", unit="USD", countries=["EG", "KZ"], value=120e6, period="2023"),
     m("b", "figure", metric="trade", unit="USD", countries=["EG", "KZ"], value=150e6, period="2024"), False,
     "period"),
    (m("a", "figure", metric="trade", unit="USD", countries=["EG", "KZ"], value=120e6),
     m("b", "figure", metric="export", unit="USD", countries=["EG", "KZ"], value=120e6), False, "countries"),
    # targets
    (m("a", "target", metric="trade", countries=["KZ", "TR"], value=15e9, unit="USD"),
     m("b", "target", metric="trade", countries=["KZ", "TR"], value=15e9, unit="USD"), True, "same aim"),
    (m("a", "target", metric="trade", countries=["KZ", "TR"], value=10e9, unit="USD", due="2026"),
     m("b", "target", metric="trade", countries=["KZ", "TR"], value=15e9, unit="USD"), False, "value"),
    # projects: planned then done is one project
    (m("a", "project", countries=["JO", "KZ"], name="رحلات مباشرة بين عمان وألماتي", status="planned", due="2026-06",
       actors=["الخطوط الجوية الملكية الأردنية"]),
     m("b", "project", countries=["JO", "KZ"], name="أولى الرحلات المباشرة بين عمان وألماتي", status="done",
       actors=["الملكية الأردنية"]), True, "alike names"),
    (m("a", "project", countries=["KZ", "QA"], name="رحلات جوية مباشرة بين الدوحة وأستانا", status="planned"),
     m("b", "project", countries=["KZ", "QA"], name="رحلات مباشرة إلى أستانا", status="planned", due="2025-03",
       actors=["الخطوط الجوية القطرية"]), True, "alike names"),
    (m("a", "project", countries=["JO", "KZ"], name="الشحنة الأولى من القمح", status="planned", due="2026-01"),
     m("b", "project", countries=["JO", "KZ"], name="شحنة من القمح المستورد", status="done", due="2026-01-26"), True,
     "due dates agree"),
    (m("a", "project", countries=["JO", "KZ"], name="الشحنة الأولى من القمح", status="planned", due="2026-01"),
     m("b", "project", countries=["JO", "KZ"], name="شحنة من القمح المستورد", status="done", due="2026-05-02"),
     False, "due"),
    (m("a", "project", countries=["JO", "KZ"], name="خط إنتاج اللقاحات البيطرية", status="planned"),
     m("b", "project", countries=["JO", "KZ"], name="خط إنتاج الأدوية", status="planned"), False, None),
    (m("a", "project", countries=["CN", "KZ"], name="مصنع كوستاناي لصناعة الحبوب", due="2027"),
     m("b", "project", countries=["CN", "KZ"], name="مركز للحاويات في ميناء أكتاو", due="2027"), False, None),
    # awards
    (m("a", "award", giver="JO", recipient="KZ", award="وسام النهضة العالي", recipient_person=TOK),
     m("b", "award", giver="JO", recipient="KZ", award="وسام النهضة المرصع", recipient_person="توكايف"), True,
     "decoration"),
    (m("a", "award", giver="TR", recipient="KZ", award="دولت نيساني", recipient_person=TOK),
     m("b", "award", giver="JO", recipient="KZ", award="وسام النهضة", recipient_person=TOK), False, "countries"),
    # one document states distinct facts
    (visit("a", None), visit("a", "2014-01"), False, None),
]


@pytest.mark.parametrize(("a", "b", "merged", "why"), RULES)
def test_merge_rule(a: Mention, b: Mention, merged: bool, why: str | None) -> None:
    reason = compatible(a, b)
    assert (reason is not None) == merged, (reason, conflict(a, b))
    assert (reason is not None) == (reason is not None and compatible(b, a) is not None)  # symmetric
    if why is not None:
        text = reason.text if reason else (conflict(a, b) or "")
        assert why in text


def test_undated_mention_joins_one_of_two_dated_visits() -> None:
    a = visit("a", "2025-10-06", "رجب طيب أردوغان", guest="TR", host="KZ", published="2025-10-06")
    b = visit("b", "2026-09-12", "رجب طيب أردوغان", guest="TR", host="KZ", published="2026-09-12")
    u = visit("c", None, "أردوغان", guest="TR", host="KZ", published="2025-10-20")
    events = group([a, b, u])
    assert sorted(sorted(x.doc for x in e.members) for e in events) == [["a", "c"], ["b"]]
    assert events[0].why and "undated" in events[0].why[0]


def test_contradiction_is_kept_side_by_side(db_url: str) -> None:
    store = SQLiteStore(db_url)
    ev = "بلغ حجم التبادل التجاري بين الإمارات وكازاخستان"
    for doc, value in (("k1", 1.1e9), ("k2", 1.4e9)):
        text = f"{ev} {value} دولار في 2023."
        save(store, doc, text, [Fact("figure", {"metric": "trade", "countries": ["AE", "KZ"], "unit": "USD",
                                                "value": value, "period": "2023"}, 0, len(text), text)])
    api.rebuild(store)
    events, total = api.events(store, type="figure")
    assert total == 1
    (c,) = events[0]["contradictions"]
    assert [v["docs"] for v in c["values"]] == [["k1"], ["k2"]]
    assert c["period"] == "2023" and c["metric"] == "trade"
