"""Article-level facts read from the head of the text: the title and the publication date."""

from __future__ import annotations

import re

from alaqat.model import Article

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?=$|[T ])")

#: A line longer than this is a paragraph: the header (title, byline, date line) is over.
_HEADER_LINE_MAX = 140
_HEADER_LINES = 6
#: Agencies open the first paragraph with a dateline (``الرباط - 18 شتنبر 2024 (ومع) -``): this many characters.
_DATELINE = 45


def header(article: Article) -> Article:
    """Pipeline stage: set ``title``/``title_span`` and ``published`` (text first, then metadata)."""
    from alaqat.arabic.dates import parse_publication_date

    original = article.original
    title_span: tuple[int, int] | None = None
    if article.meta_title:
        at = original.find(article.meta_title)
        if at >= 0:
            title_span = (at, at + len(article.meta_title))
    if title_span is None and article.body:
        title_span = article.body[0]
    if title_span is not None:
        article.title_span = title_span
        article.title = original[title_span[0]:title_span[1]]
    published: str | None = None
    for s, e in article.body[:_HEADER_LINES]:
        if (s, e) == title_span:
            continue
        line = original[s:e]
        if len(line) > _HEADER_LINE_MAX:
            published = parse_publication_date(line[:_DATELINE])
            break
        published = parse_publication_date(line)
        if published:
            break
    if published is None and article.meta_published:
        meta = article.meta_published.strip()
        iso = _ISO_DAY.match(meta)
        published = iso.group(0) if iso else parse_publication_date(meta)
    article.published = published
    return article
