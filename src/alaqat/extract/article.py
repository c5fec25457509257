"""The ``article`` fact: one per document, its title and publication date."""

from __future__ import annotations

from alaqat.model import Article, Fact


def extract(article: Article) -> list[Fact]:
    if article.title_span is None or article.title is None:
        return []
    s, e = article.title_span
    return [Fact("article", {"title": article.title, "published": article.published}, s, e,
                 article.original[s:e], confidence=1.0)]
