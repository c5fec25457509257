"""Run the three recogniser families (who, how much, when) over a text or an Article."""

from __future__ import annotations

import datetime as dt

from alaqat.arabic.dates import find_dates
from alaqat.arabic.entities import find_entities
from alaqat.arabic.normalise import Folded
from alaqat.arabic.numbers import find_amounts
from alaqat.model import Article, Span


def recognise_text(text: str, published: dt.date | None = None) -> list[Span]:
    """All spans of ``text``, sorted by position. ``published`` anchors relative dates."""
    folded = Folded.of(text)
    spans = find_entities(folded) + find_amounts(folded) + find_dates(folded, published)
    spans.sort(key=lambda s: (s.start, -s.end, s.kind))
    return spans


def parse_iso_date(value: str | None) -> dt.date | None:
    """The publication date as a ``date`` when it is a full ISO day, else None."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def recognise(article: Article) -> Article:
    """Pipeline stage: fill ``article.spans`` with the spans inside the article body."""
    folded = article.cache.get("folded")
    if folded is None:
        folded = Folded.of(article.original)
        article.cache["folded"] = folded
    published = parse_iso_date(article.published)
    spans = find_entities(folded) + find_amounts(folded) + find_dates(folded, published)
    body = [s for s in spans if article.in_body(s.start, s.end) or _in_title(article, s)]
    body.sort(key=lambda s: (s.start, -s.end, s.kind))
    article.spans = body
    return article


def _in_title(article: Article, span: Span) -> bool:
    t = article.title_span
    return t is not None and t[0] <= span.start and span.end <= t[1]
