"""`alaqat spans` on the dev articles shows every date, amount and country the gold facts rest on (issue 4).

For each non-optional gold fact of ../shared/eval/dev/gold.jsonl, the spans of its document (read, cleaned and
recognised exactly as the `spans` command does) must include:

- each country of the fact (countries, guest, host, giver, recipient, from, to): a ``country`` span with that
  code, or a place/person/org span of that country, in the evidence's sentence; a country of the article's
  main pair (the two countries the document names most) may be anywhere in the document;
- each amount: an ``amount`` span within 2 % of the fact's value with the same unit, in the evidence's
  sentence; a ``percent`` span equal to ``change_pct``;
- each date (start, date, period, due): a ``date`` span in the document whose value, or whose start, equals
  it, or from which ``dates.due_of`` gives it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from typing import Any

import pytest

from alaqat.arabic.dates import due_of, start_of
from alaqat.arabic.recognise import recognise
from alaqat.ingest.clean import clean
from alaqat.ingest.header import header
from alaqat.ingest.readers import read_all
from alaqat.model import Article, Span
from tests.conftest import DEV_DOCS, DEV_GOLD, needs_dev

pytestmark = needs_dev

COUNTRY_FIELDS = ("guest", "host", "giver", "recipient", "from", "to")
DATE_FIELDS = ("start", "date", "period", "due")
_SENTENCE_END = re.compile(r"(?<!\d)[.!?؟](?!\d)|\n")


def _gold() -> list[dict[str, Any]]:
    if not DEV_GOLD.is_file():
        return []
    facts = [json.loads(line) for line in DEV_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [f for f in facts if not f.get("optional") and f["type"] != "article"]


@cache
def _article(doc: str) -> Article:
    """The document as `alaqat spans` sees it: read, cleaned, header read, recognised."""
    (item,) = list(read_all((str(DEV_DOCS / f"{doc}.txt"),)))
    assert isinstance(item, Article), item
    return recognise(header(clean(item)))


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The evidence widened to the sentence(s) it sits in."""
    s = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    m = _SENTENCE_END.search(text, end)
    return s, (m.end() if m else len(text))


def _country_of(span: Span) -> str | None:
    if span.kind == "country":
        return str(span.value)
    if span.kind in ("place", "person", "org") and isinstance(span.value, dict):
        return span.value.get("country")
    return None


def _main_countries(article: Article) -> set[str]:
    counts = Counter(c for s in article.spans if s.kind == "country" and (c := _country_of(s)))
    return {c for c, _n in counts.most_common(2)}


def _where(fact: dict[str, Any]) -> tuple[Article, int, int]:
    article = _article(fact["doc"])
    at = article.original.find(fact["evidence"])
    assert at >= 0, "evidence is not in the document"
    s, e = _sentence(article.original, at, at + len(fact["evidence"]))
    return article, s, e


def _ids(facts: list[dict[str, Any]]) -> list[str]:
    return [f"{f['doc'][:3]}-{f['type']}-{f['evidence'][:30]}" for f in facts]


GOLD = _gold()


@pytest.mark.parametrize("fact", GOLD, ids=_ids(GOLD))
def test_countries_of_the_fact_are_recognised(fact: dict[str, Any]) -> None:
    article, s, e = _where(fact)
    codes = set(fact.get("countries") or []) | {fact[k] for k in COUNTRY_FIELDS if fact.get(k)}
    near = {c for sp in article.spans if s <= sp.start and sp.end <= e and (c := _country_of(sp))}
    main = _main_countries(article)
    missing = {c for c in codes if c not in near and c not in main}
    assert not missing, f"no span of {sorted(missing)} in {article.original[s:e]!r} (main: {sorted(main)})"


def _amount_ok(spans: list[Span], value: float, unit: str) -> bool:
    for sp in spans:
        if sp.kind == "amount" and isinstance(sp.value, dict) and sp.value.get("unit") == unit:
            v = sp.value.get("value")
            if isinstance(v, (int, float)) and abs(v - value) <= 0.02 * abs(value):
                return True
    return False


@pytest.mark.parametrize("fact", GOLD, ids=_ids(GOLD))
def test_amounts_of_the_fact_are_recognised(fact: dict[str, Any]) -> None:
    article, s, e = _where(fact)
    near = [sp for sp in article.spans if s <= sp.start and sp.end <= e]
    if fact["type"] in ("figure", "target", "agreement", "project") and fact.get("value") is not None:
        assert _amount_ok(near, fact["value"], fact["unit"]), (
            f"no amount {fact['value']} {fact['unit']} in {article.original[s:e]!r}: "
            f"{[(x.text, x.value) for x in near if x.kind == 'amount']}")
    if fact.get("change_pct") is not None:
        assert any(sp.kind == "percent" and sp.value == fact["change_pct"] for sp in near), (
            f"no percent {fact['change_pct']} in {article.original[s:e]!r}")


def _date_ok(spans: list[Span], want: str) -> bool:
    for sp in spans:
        if sp.kind != "date" or not isinstance(sp.value, str):
            continue
        if want in (sp.value, start_of(sp.value), due_of(sp)):
            return True
    return False


@pytest.mark.parametrize("fact", GOLD, ids=_ids(GOLD))
def test_dates_of_the_fact_are_recognised(fact: dict[str, Any]) -> None:
    article = _article(fact["doc"])
    for name in DATE_FIELDS:
        want = fact.get(name)
        if want is None:
            continue
        assert _date_ok(article.spans, want), (
            f"{name} {want}: no date span gives it; dates: {[(x.text, x.value) for x in article.spans if x.kind == 'date']}")


def test_the_gold_set_is_read() -> None:
    assert len(GOLD) >= 40
    assert all((DEV_DOCS / f"{f['doc']}.txt").is_file() for f in GOLD)
