"""Ingest in-process: read, skip what is stored already, run the pipeline, store each article atomically."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from alaqat.model import Article, RejectedInput
from alaqat.pipeline import Pipeline
from alaqat.store.base import IngestResult, Store


def content_hash(article: Article) -> str:
    return hashlib.sha256(article.original.encode("utf-8")).hexdigest()


def ingest(items: Iterable[Article | RejectedInput], store: Store, pipeline: Pipeline | None = None,
           on_item: Callable[[str, str], None] | None = None) -> IngestResult:
    """Store every readable article; refused inputs are reported and the batch goes on.

    ``on_item(name, outcome)`` is called once per input (``stored``, ``updated``, ``unchanged`` or
    ``rejected: reason``), for progress display.
    """
    pipeline = pipeline or Pipeline()
    result = IngestResult()
    for item in items:
        if isinstance(item, RejectedInput):
            result.rejected.append((item.source, item.reason))
            if on_item:
                on_item(item.source, f"rejected: {item.reason}")
            continue
        digest = content_hash(item)
        if store.has(item.doc, digest):
            result.unchanged.append(item.doc)
            if on_item:
                on_item(item.doc, "unchanged")
            continue
        try:
            article = pipeline(item)
            outcome = store.save_article(article, digest)
        except RejectedInput as e:
            result.rejected.append((e.source, e.reason))
            if on_item:
                on_item(item.doc, f"rejected: {e.reason}")
            continue
        except Exception as e:  # a fault on one document must not lose the batch; report it by name
            reason = f"internal error while processing ({type(e).__name__}: {e}); nothing of it was stored"
            result.rejected.append((item.source, reason))
            if on_item:
                on_item(item.source, f"rejected: {reason}")
            continue
        (result.updated if outcome == "updated" else result.stored).append(article.doc)
        result.facts += sum(1 for f in article.facts if f.type != "article")
        if on_item:
            on_item(article.doc, outcome)
    return result
