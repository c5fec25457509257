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


# ---- back-references and latent facts (type-agnostic; the project module supplies ``refers``) ----------------------

_FILLS = (("due",), ("value", "unit"), ("location",))
_RANK = {"status": {"planned": 0, "underway": 1, "done": 2}}


def _project(lo: int, name: str, head: str, **fields: object) -> Fact:
    base: dict[str, object] = {"name": name, "actors": [], "countries": ["JO", "KZ"], "value": None, "unit": None,
                               "location": None, "status": "planned", "due": None}
    base.update(fields)
    fact = Fact("project", base, lo, lo + 10, "x" * 10)
    fact.aux.update({"head": head, "at": lo})
    return fact


def _anaphor(lo: int, noun: str, generic: bool = False, ranks: bool = False, **fields: object) -> Fact:
    fact = _project(lo, "ال" + noun, noun, **fields)
    fact.aux = {"anaphor": noun, "generic": generic, "at": lo, "fills": _FILLS}
    if ranks:
        fact.aux["ranks"] = _RANK
    return fact


def test_back_reference_fills_the_nearest_project_of_its_noun() -> None:
    plant = _project(0, "محطة رياح", "محطه")
    road = _project(20, "طريق ألماتي", "طريق")
    later = _anaphor(40, "محطه", due="2027", value=1.2e9, unit="USD", location="جامبيل", status="underway",
                     ranks=True)
    out = merge_facts([plant, road, later])
    assert out == [plant, road]  # the back-reference is never a fact of its own
    assert (plant.get("due"), plant.get("value"), plant.get("unit"), plant.get("location"), plant.get("status")) == (
        "2027", 1.2e9, "USD", "جامبيل", "underway")
    assert plant.mentions == [(40, 50)] and road.mentions == [] and road.get("due") is None


def test_generic_back_reference_goes_to_the_nearest_project() -> None:
    plant, road = _project(0, "محطة رياح", "محطه"), _project(20, "طريق ألماتي", "طريق")
    merge_facts([plant, road, _anaphor(40, "مشروع", generic=True, due="2026")])
    assert (plant.get("due"), road.get("due")) == (None, "2026")


def test_back_reference_keeps_what_the_project_has_and_never_goes_back() -> None:
    plant = _project(0, "محطة رياح", "محطه", due="2026", status="underway", value=5e8, unit="USD")
    merge_facts([plant, _anaphor(40, "محطه", due="2028", value=9e8, unit="EUR", status="planned", ranks=True)])
    assert (plant.get("due"), plant.get("value"), plant.get("unit"), plant.get("status")) == (
        "2026", 5e8, "USD", "underway")
    assert plant.mentions == [(40, 50)]


def test_back_reference_without_antecedent_is_dropped() -> None:
    road = _project(20, "طريق ألماتي", "طريق")
    assert merge_facts([_anaphor(0, "محطه", due="2027"), road]) == [road]  # a plant named only after it
    assert merge_facts([road, _anaphor(40, "محطه", due="2027")]) == [road]  # another noun
    assert road.get("due") is None and road.mentions == []


def test_latent_fact_needs_a_back_reference_that_gives_it_something() -> None:
    def latent() -> Fact:
        f = _project(0, "محطة رياح", "محطه")
        f.aux["latent"] = True
        return f

    assert merge_facts([latent()]) == []
    assert merge_facts([latent(), _anaphor(40, "مشروع", generic=True)]) == []  # a mention with nothing new
    kept = latent()
    assert merge_facts([kept, _anaphor(40, "مشروع", generic=True, value=3e8, unit="USD")]) == [kept]
    assert "latent" not in kept.aux and kept.get("value") == 3e8


def test_latent_fact_yields_to_a_mention_in_its_own_right() -> None:
    title = _project(0, "محطة رياح", "محطه")
    title.aux["latent"] = True
    body = _project(30, "محطة لطاقة الرياح", "محطه", value=1e9, unit="USD")
    body.fields["name"] = "محطة رياح"  # equal fields: the same fact by the default rule too
    (kept,) = merge_facts([title, body])
    assert kept is body and "latent" not in kept.aux
    assert kept.mentions == [(0, 10)]


def test_other_types_refer_back_by_head() -> None:
    """Without a ``refers`` in its module, a type's back-reference needs the antecedent's ``aux["head"]``."""
    a = Fact("article", {"title": "t", "published": None}, 0, 1, "t")
    b = Fact("article", {"title": "t2", "published": None}, 5, 6, "t")
    b.aux = {"anaphor": "t", "fills": (("published",),)}
    b.fields["published"] = "2025-01-01"
    assert merge_facts([a, b]) == [a] and a.get("published") is None
    a.aux["head"] = "t"
    assert merge_facts([a, b]) == [a] and a.get("published") == "2025-01-01"
