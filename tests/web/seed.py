"""Test databases for the web application: the dev articles with their gold facts, and short Arabic articles
written here and ingested through the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alaqat.ingest.clean import clean
from alaqat.ingest.header import header
from alaqat.ingest.readers import from_text
from alaqat.model import Fact
from alaqat.run.ingest import content_hash, ingest
from alaqat.store.sqlite import SQLiteStore
from alaqat.web import knowledge
from tests.conftest import DEV_DOCS, DEV_GOLD

# Short articles of our own: a visit, agreements, a figure and a target, an overdue project, an award.
OWN = {
    "web_kz_jo_visit": (
        "الرئيس الكازاخستاني يزور عمّان\n\n"
        "عمّان، 12 مارس 2024 — وصل الرئيس الكازاخستاني قاسم جومارت توكاييف إلى عمّان في زيارة رسمية "
        "التقى خلالها العاهل الأردني الملك عبدالله الثاني. ووقّع الجانبان مذكرة تفاهم في مجال الطاقة، "
        "واتفاقية للتعاون في الزراعة. وبلغ حجم التبادل التجاري بين البلدين 60 مليون دولار في عام 2023، "
        "ويسعى الجانبان إلى مضاعفته بحلول عام 2026."),
    "web_sa_eg_project": (
        "مشروع الربط الكهربائي بين السعودية ومصر\n\n"
        "الرياض، 3 يناير 2023 — أعلنت السعودية ومصر أن مشروع الربط الكهربائي بين البلدين سيكتمل في يونيو 2024، "
        "بتكلفة 1.8 مليار دولار."),
    "web_kw_tr_award": (
        "أمير الكويت يقلد الرئيس التركي قلادة مبارك الكبير\n\n"
        "الكويت، 5 مايو 2022 — قلّد أمير الكويت الرئيس التركي رجب طيب أردوغان قلادة مبارك الكبير "
        "خلال زيارته إلى الكويت."),
}


def gold_facts() -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for line in DEV_GOLD.read_text("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out.setdefault(rec["doc"], []).append(rec)
    return out


def seed_gold(store: SQLiteStore) -> int:
    """The dev articles, stored with their gold facts (the extractors' work, done by hand)."""
    n = 0
    gold = gold_facts()
    for path in sorted(DEV_DOCS.glob("*.txt")):
        art = header(clean(from_text(path.stem, path.read_text("utf-8"), str(path))))
        facts = []
        for rec in gold.get(path.stem, []):
            at = art.original.find(rec["evidence"])
            if at < 0:
                continue
            fields = {k: v for k, v in rec.items() if k not in ("doc", "type", "evidence", "optional")}
            facts.append(Fact(rec["type"], fields, at, at + len(rec["evidence"]), rec["evidence"]))
        art.facts = facts
        store.save_article(art, content_hash(art))
        n += 1
    return n


def seed_own(store: SQLiteStore) -> None:
    """Our short articles, through the whole pipeline; plus hand-made facts so pages have them whatever the
    extractors find today."""
    ingest((from_text(doc, text, "tests/web") for doc, text in OWN.items()), store)
    text = OWN["web_kz_jo_visit"]
    art = header(clean(from_text("web_kz_jo_facts", text, "tests/web")))

    def ev(phrase: str) -> tuple[int, int, str]:
        at = text.index(phrase)
        return at, at + len(phrase), phrase

    art.facts = [
        Fact("visit", {"guest": "KZ", "host": "JO", "guest_person": "قاسم جومارت توكاييف", "place": "عمّان",
                       "start": "2024-03-12", "end": None, "occasion": None},
             *ev("وصل الرئيس الكازاخستاني قاسم جومارت توكاييف إلى عمّان")),
        Fact("agreement", {"countries": ["JO", "KZ"], "parties": [], "kind": "mou", "status": "signed",
                           "sectors": ["energy"], "count": 1, "date": "2024-03-12"}, *ev("مذكرة تفاهم في مجال الطاقة")),
        Fact("figure", {"metric": "trade", "countries": ["JO", "KZ"], "value": 60000000, "unit": "USD",
                        "period": "2023"}, *ev("حجم التبادل التجاري بين البلدين 60 مليون دولار في عام 2023")),
        Fact("target", {"metric": "trade", "countries": ["JO", "KZ"], "value": None, "unit": None,
                        "multiplier": 2, "due": "2026"}, *ev("مضاعفته بحلول عام 2026")),
        Fact("project", {"name": "مشروع الربط", "actors": [], "countries": ["JO", "KZ"], "status": "planned",
                         "due": "2024-06"}, *ev("التقى خلالها العاهل الأردني")),
    ]
    store.save_article(art, content_hash(art))


def build(path: Path) -> SQLiteStore:
    store = SQLiteStore(f"sqlite:///{path}")
    if DEV_DOCS.is_dir():
        seed_gold(store)
    seed_own(store)
    knowledge.rebuild(store)  # a no-op where the knowledge layer has not landed
    return store
