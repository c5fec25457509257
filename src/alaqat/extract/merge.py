"""Within-document merging: one fact however many times the article states it."""

from __future__ import annotations

from alaqat.model import Article


def merge(article: Article) -> Article:
    """Pipeline stage: placeholder order of facts by position (merging rules come with the extractors)."""
    article.facts.sort(key=lambda f: (f.type != "article", f.start))
    return article
