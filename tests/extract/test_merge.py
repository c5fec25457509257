"""Within-document merging keeps one fact and every place of the text that states it."""

from __future__ import annotations

from pathlib import Path

from alaqat.extract.merge import merge_facts
from alaqat.ingest.readers import from_text
from alaqat.model import Fact
from alaqat.pipeline import Pipeline
from alaqat.store.sqlite import SQLiteStore

TEXT = ("الرئيس الكازاخستاني يصل إلى عمان في زيارة رسمية\n"
        "عمان – وصل الرئيس الكازاخستاني قاسم جومارت توكاييف اليوم الثلاثاء إلى عمان في زيارة رسمية إلى الأردن"
        " تستمر يومين.\n"
        "وتعد زيارة الرئيس الكازاخستاني إلى الأردن الأولى من نوعها.\n")


def _visit(lo: int, hi: int, **fields: object) -> Fact:
    base: dict[str, object] = {"guest": "KZ", "host": "JO", "start": None}
    base.update(fields)
    return Fact("visit", base, lo, hi, TEXT[lo:hi])


def test_repeated_visit_is_one_fact_with_its_other_mentions() -> None:
    out = Pipeline()(from_text("t", TEXT, published="2025-02-11"))
    visits = [f for f in out.facts if f.type == "visit"]
    assert len(visits) == 1
    fact = visits[0]
    spans = [(fact.start, fact.end), *fact.mentions]
    assert len(spans) >= 2 and len(set(spans)) == len(spans)
    for s, e in fact.mentions:
        assert s < e and TEXT[s:e]  # offsets into the original text
    # the later sentence that names the visit again is among the mentions
    later = TEXT.index("وتعد زيارة")
    assert any(s >= later for s, _ in spans)


def test_merge_records_each_absorbed_span_once() -> None:
    a, b, c = _visit(0, 10), _visit(20, 30, **{"start": "2025-02-11"}), _visit(40, 50)
    c.mentions = [(20, 30)]
    (kept,) = merge_facts([a, b, c])
    assert (kept.start, kept.end) == (0, 10)
    assert kept.get("start") == "2025-02-11"  # filled from a later mention
    assert kept.mentions == [(20, 30), (40, 50)]


def test_mentions_are_stored_and_read_back(tmp_path: Path) -> None:
    store = SQLiteStore(f"sqlite:///{tmp_path / 'm.db'}")
    art = Pipeline()(from_text("t", TEXT, published="2025-02-11"))
    store.save_article(art, "h")
    (fact,) = [f for f in store.facts()[0] if f["type"] == "visit"]
    got = [(m["evidence_start"], m["evidence_end"]) for m in fact["mentions"]]
    (visit,) = [f for f in art.facts if f.type == "visit"]
    assert got == sorted(visit.mentions) and got
    store.close()
