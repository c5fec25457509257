"""Run the real pipeline over a short text and pick facts of one type."""

from __future__ import annotations

from functools import cache
from typing import Any

from alaqat.ingest.readers import from_text
from alaqat.model import Fact
from alaqat.pipeline import Pipeline

_PIPELINE: Pipeline | None = None


def facts_of(text: str, ftype: str, published: str | None = None) -> list[Fact]:
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline()
    art = from_text("t", text, published=published)
    out = _PIPELINE(art)
    facts = [f for f in out.facts if f.type == ftype]
    for f in facts:
        assert out.original[f.start:f.end] == f.evidence
    return facts


@cache
def dev_scores() -> tuple[dict[str, Any], tuple[str, ...]]:
    """The dev set run through the pipeline once and scored with the contract's scorer: (summary, errors)."""
    from alaqat.evaluate import load_scorer
    from alaqat.ingest.readers import read_all
    from alaqat.model import Article
    from tests.conftest import DEV_DOCS, DEV_GOLD, SHARED

    scorer = load_scorer(SHARED / "eval" / "score.py")
    pipeline = Pipeline()
    pred = [f.to_contract(a.doc) for a in read_all([str(DEV_DOCS)]) if isinstance(a, Article)
            for f in pipeline(a).facts]
    summary, errors = scorer.score(scorer.load_jsonl(DEV_GOLD), pred, scorer.load_docs(DEV_DOCS))
    return summary, tuple(errors)
