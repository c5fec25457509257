"""Run the real pipeline over a short text and pick facts of one type."""

from __future__ import annotations

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
