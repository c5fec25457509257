from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alaqat.arabic.normalise import fold
from alaqat.ingest.readers import from_text
from alaqat.model import Article, Fact
from alaqat.store.analysis import index_terms, query_terms
from alaqat.store.base import FactFilter
from alaqat.store.sqlite import SQLiteStore, migrations

TEXT = "وقعت الإمارات والأردن الاتفاقيات في مجالات الطاقة.\nووقّعت الأردنيّة مذكرة تفاهم مع كازاخستان."


def _article(doc: str = "a1", text: str = TEXT) -> Article:
    art = from_text(doc, text)
    art.body = [(0, len(text))]
    art.title = text.split("\n")[0]
    art.title_span = (0, len(art.title))
    s = text.index("مذكرة")
    art.facts = [
        Fact("article", {"title": art.title, "published": None}, 0, len(art.title), art.title),
        Fact("agreement", {"countries": ["JO", "KZ"], "parties": [], "kind": "mou", "status": "signed",
                           "sectors": ["energy"], "count": 1}, s, s + 10, text[s:s + 10], 0.8),
    ]
    return art


def test_wal_mode_and_schema_version(tmp_path: Path) -> None:
    store = SQLiteStore(f"sqlite:///{tmp_path}/x.db")
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.schema_version() == max(v for v, _ in migrations())
    store.close()
    again = SQLiteStore(f"sqlite:///{tmp_path}/x.db")  # re-opening migrates nothing twice
    assert again.schema_version() == max(v for v, _ in migrations())


def test_save_and_read_back(tmp_path: Path) -> None:
    store = SQLiteStore(f"sqlite:///{tmp_path}/x.db")
    assert store.save_article(_article(), "h1") == "stored"
    assert store.has("a1", "h1") and not store.has("a1", "h2")
    facts, total = store.facts(FactFilter(type="agreement"))
    assert total == 1 and facts[0]["countries"] == ["JO", "KZ"] and facts[0]["doc"] == "a1"
    assert TEXT[facts[0]["evidence_start"]:facts[0]["evidence_end"]] == facts[0]["evidence"]
    assert store.facts(FactFilter(pair=("KZ", "JO")))[1] == 1
    assert store.facts(FactFilter(country="QA"))[1] == 0
    doc = store.document("a1")
    assert doc is not None and doc["original"] == TEXT


def test_update_replaces_and_failure_leaves_no_partial_rows(tmp_path: Path) -> None:
    store = SQLiteStore(f"sqlite:///{tmp_path}/x.db")
    store.save_article(_article(), "h1")
    assert store.save_article(_article(), "h2") == "updated"
    assert store.stats()["documents"] == 1
    bad = _article("a2")
    bad.facts.append(Fact("visit", {"guest": object()}, 0, 1, "x"))  # not JSON-serialisable: fails mid-way
    with pytest.raises(TypeError):
        store.save_article(bad, "h3")
    assert store.document("a2") is None
    n = store.conn.execute("SELECT count(*) FROM facts f JOIN documents d ON d.id = f.document_id"
                           " WHERE d.doc = 'a2'").fetchone()[0]
    assert n == 0
    assert store.stats()["documents"] == 1


def test_search_folds_and_stems(tmp_path: Path) -> None:
    store = SQLiteStore(f"sqlite:///{tmp_path}/x.db")
    store.save_article(_article(), "h1")
    for q in ("الامارات", "الإمارات", "اتفاقية", "والاتفاقية", "الاتفاقيات", "وقعت", "الاردنية"):
        hits, total = store.search(q)
        assert total >= 1, q
        assert hits[0].doc == "a1"
    hits, _ = store.search("اتفاقية")
    article_hit = next(h for h in hits if h.kind == "article")
    s, e = article_hit.highlights[0]
    assert fold(article_hit.snippet[s:e]).endswith("اتفاقيات")
    assert store.search("بريطانيا")[1] == 0


@pytest.mark.parametrize(("a", "b"), [("الاتفاقيات", "اتفاقية"), ("والاتفاقية", "اتفاقية"), ("الإمارات", "الامارات"),
                                      ("لكازاخستان", "كازاخستان"), ("٢٠٢٥", "2025"), ("الأردنيّة", "الاردنيه")])
def test_index_and_query_terms_meet(a: str, b: str) -> None:
    assert set(query_terms(b)) <= set(index_terms(a).split())


arabic_words = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويةىأإآؤئ ـًٌٍَُِّْ٠١٢٣")),
                       min_size=1, max_size=40)


@given(arabic_words)
def test_fold_is_idempotent(s: str) -> None:
    assert fold(fold(s)) == fold(s)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(min_size=1, max_size=30).filter(lambda t: "\x00" not in t), min_size=1, max_size=3))
def test_store_returns_what_it_was_given(tmp_path: Path, parts: list[str]) -> None:
    text = " ".join(parts)
    store = SQLiteStore("sqlite://")
    art = from_text("h", text)
    art.body = [(0, len(art.original))]
    art.facts = [Fact("figure", {"metric": "trade", "countries": ["JO", "KZ"], "value": 1.5, "unit": "USD"},
                      0, len(art.original), art.original)]
    store.save_article(art, "x")
    doc = store.document("h")
    assert doc is not None and doc["original"] == art.original
    (fact,) = doc["facts"]
    assert fact["evidence"] == art.original and fact["value"] == 1.5


def test_no_sql_injection_through_search(tmp_path: Path) -> None:
    store = SQLiteStore(f"sqlite:///{tmp_path}/x.db")
    store.save_article(_article(), "h1")
    for q in ['"; DROP TABLE documents; --', "' OR 1=1 --", 'NEAR("x" "y")', "*"]:
        store.search(q)
    assert store.stats()["documents"] == 1
    assert isinstance(store.conn, sqlite3.Connection)
