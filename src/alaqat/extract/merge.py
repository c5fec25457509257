"""Within-document merging: one fact however many times the article states it.

Two facts of one type are the same when the type's module says so (an optional ``same(a, b)`` beside its
``extract``), or else when all their contract fields are equal (a caption repeating a paragraph). The
first mention is kept; fields it lacks are filled from the later ones, and the later mentions' evidence spans
are kept in ``Fact.mentions`` (a user, and the knowledge layer, see every sentence that states the fact).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from importlib import import_module

from alaqat.model import Article, Fact

SameFn = Callable[[Fact, Fact], bool]
_SAME: dict[str, SameFn] = {}


def _same_fn(ftype: str) -> SameFn:
    if ftype not in _SAME:
        from alaqat.pipeline import EXTRACTORS

        fn: SameFn = _equal_fields
        target = EXTRACTORS.get(ftype)
        if target:
            with contextlib.suppress(ModuleNotFoundError):
                fn = getattr(import_module(target.split(":")[0]), "same", _equal_fields)
        _SAME[ftype] = fn
    return _SAME[ftype]


def _equal_fields(a: Fact, b: Fact) -> bool:
    return a.fields == b.fields


def _absorb(kept: Fact, other: Fact) -> None:
    for name, value in other.fields.items():
        if kept.fields.get(name) in (None, [], "") and value not in (None, [], ""):
            kept.fields[name] = value
    for name, value in other.aux.items():
        if kept.aux.get(name) is None:
            kept.aux[name] = value
    kept.confidence = max(kept.confidence, other.confidence)
    for span in [(other.start, other.end), *other.mentions]:
        if span != (kept.start, kept.end) and span not in kept.mentions:
            kept.mentions.append(span)


def merge_facts(facts: list[Fact]) -> list[Fact]:
    facts = sorted(facts, key=lambda f: (f.type != "article", f.start, f.end))
    kept: list[Fact] = []
    for fact in facts:
        same = _same_fn(fact.type)
        for k in kept:
            if k.type == fact.type and same(k, fact):
                _absorb(k, fact)
                break
        else:
            kept.append(fact)
    return kept


def merge(article: Article) -> Article:
    """Pipeline stage: merge repeated mentions of a fact within the article."""
    article.facts = merge_facts(article.facts)
    return article
