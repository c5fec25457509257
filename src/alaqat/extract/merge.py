"""Within-document merging: one fact however many times the article states it.

Two facts of one type are the same when the type's module says so (an optional ``same(a, b)`` beside its
``extract``), or else when all their contract fields are equal (a caption repeating a paragraph). The
first mention is kept; fields it lacks are filled from the later ones, and the later mentions' evidence spans
are kept in ``Fact.mentions`` (a user, and the knowledge layer, see every sentence that states the fact).

Back-references. A later definite, unnamed mention (``المشروع``، ``المحطة``، ``هذا الطريق``) says something new
about a thing named before (its cost, its due date, its progress) but not which thing. An extractor emits such a
mention as an *anaphoric* fact, marked in ``Fact.aux``:

- ``aux["anaphor"]``: the head noun it refers back with (folded);
- ``aux["at"]`` (optional, on any fact): the offset of its noun, where it stands in the text (else its evidence's
  start): an antecedent is a fact whose noun, or one of whose other mentions, comes before the anaphor's;
- ``aux["fills"]``: groups of field names it may fill, each group only where the antecedent has none of them
  (``("value", "unit")`` together);
- ``aux["ranks"]`` (optional): ``{field: {value: rank}}``, fields whose value replaces the antecedent's when it
  ranks higher (a status the text reports as progressed: planned < underway < done).

Such a fact attaches to the nearest preceding kept fact of its type (the one with the latest evidence or mention
before it) that the type's module accepts as its antecedent (an optional ``refers(antecedent, anaphor)``; else the
antecedent's ``aux["head"]`` must equal the anaphor's noun); the antecedent gets the fields above and the span
goes to its ``mentions``. An anaphoric fact with no antecedent is dropped: it is never exported alone.

A fact marked ``aux["latent"]`` (a thing only mentioned, which the contract leaves optional on its own: a plant an
agreement is about) is kept only as an antecedent: it is exported when a non-latent mention of it is merged in
(which then leads, the latent one becoming its other mention), or a back-reference gives it a field of its own (a
value, a due date, a site, a progress); else it is dropped.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from importlib import import_module
from typing import Any

from alaqat.model import Article, Fact

SameFn = Callable[[Fact, Fact], bool]
_SAME: dict[str, SameFn] = {}
_REFERS: dict[str, SameFn] = {}


def _module_fn(ftype: str, name: str, default: SameFn, cache: dict[str, SameFn]) -> SameFn:
    if ftype not in cache:
        from alaqat.pipeline import EXTRACTORS

        fn: SameFn = default
        target = EXTRACTORS.get(ftype)
        if target:
            with contextlib.suppress(ModuleNotFoundError):
                fn = getattr(import_module(target.split(":")[0]), name, default)
        cache[ftype] = fn
    return cache[ftype]


def _same_fn(ftype: str) -> SameFn:
    return _module_fn(ftype, "same", _equal_fields, _SAME)


def _refers_fn(ftype: str) -> SameFn:
    return _module_fn(ftype, "refers", _same_head, _REFERS)


def _equal_fields(a: Fact, b: Fact) -> bool:
    return a.fields == b.fields


def _same_head(antecedent: Fact, anaphor: Fact) -> bool:
    head = antecedent.aux.get("head")
    return head is not None and head == anaphor.aux.get("anaphor")


def _empty(value: Any) -> bool:
    return value in (None, [], "")


def _add_spans(kept: Fact, other: Fact) -> None:
    for span in [(other.start, other.end), *other.mentions]:
        if span != (kept.start, kept.end) and span not in kept.mentions:
            kept.mentions.append(span)


def _absorb(kept: Fact, other: Fact) -> None:
    latent = bool(kept.aux.get("latent")) and bool(other.aux.get("latent"))
    for name, value in other.fields.items():
        if _empty(kept.fields.get(name)) and not _empty(value):
            kept.fields[name] = value
    _upgrade(kept, other)
    for name, value in other.aux.items():
        if kept.aux.get(name) is None:
            kept.aux[name] = value
    if not latent:
        kept.aux.pop("latent", None)  # a mention in its own right makes the thing a fact
    kept.confidence = max(kept.confidence, other.confidence)
    _add_spans(kept, other)


def _antecedent(kept: list[Fact], anaphor: Fact) -> Fact | None:
    """The nearest kept fact of the anaphor's type, stated before it, that it may refer back to."""
    refers = _refers_fn(anaphor.type)
    at = _at(anaphor)
    best: tuple[int, Fact] | None = None
    for k in kept:
        if k.type != anaphor.type:
            continue
        before = [s for s in [_at(k), *(s for s, _ in k.mentions)] if s < at]
        if before and (best is None or max(before) > best[0]) and refers(k, anaphor):
            best = (max(before), k)
    return best[1] if best else None


def _at(fact: Fact) -> int:
    """Where a fact stands in the text: a back-reference at its noun (``aux["at"]``), else its evidence's start."""
    at = fact.aux.get("at")
    return at if isinstance(at, int) else fact.start


def _upgrade(kept: Fact, other: Fact) -> bool:
    """Take the other mention's value of each ranked field (``aux["ranks"]``) where it ranks higher."""
    gave = False
    for name, rank in (other.aux.get("ranks") or {}).items():
        new, old = other.fields.get(name), kept.fields.get(name)
        if new in rank and (old not in rank or rank[new] > rank[old]):
            kept.fields[name] = new
            gave = True
    return gave


def _attach(kept: Fact, anaphor: Fact) -> None:
    """Fill the antecedent from a back-reference (see the module's docstring) and keep its span."""
    gave = False
    for group in anaphor.aux.get("fills", ()):
        if all(_empty(kept.fields.get(n)) for n in group) and not _empty(anaphor.fields.get(group[0])):
            for n in group:
                kept.fields[n] = anaphor.fields.get(n)
            gave = True
    gave = _upgrade(kept, anaphor) or gave
    if gave:
        kept.aux.pop("latent", None)
    _add_spans(kept, anaphor)


def merge_facts(facts: list[Fact]) -> list[Fact]:
    facts = sorted(facts, key=lambda f: (f.type != "article", _at(f) if f.aux.get("anaphor") else f.start, f.end))
    kept: list[Fact] = []
    for fact in facts:
        if fact.aux.get("anaphor"):
            ante = _antecedent(kept, fact)
            if ante is not None:
                _attach(ante, fact)
            continue  # a back-reference is never a fact of its own
        same = _same_fn(fact.type)
        for i, k in enumerate(kept):
            if k.type == fact.type and same(k, fact):
                if k.aux.get("latent") and not fact.aux.get("latent"):
                    kept[i], k, fact = fact, fact, k  # the first mention in its own right leads
                _absorb(k, fact)
                break
        else:
            kept.append(fact)
    return [k for k in kept if not k.aux.get("latent")]


def merge(article: Article) -> Article:
    """Pipeline stage: merge repeated mentions of a fact within the article."""
    article.facts = merge_facts(article.facts)
    return article
