"""The document model at the centre of Alaqat.

An :class:`Article` owns its original text once and for all; everything else
(body ranges, spans, facts' evidence) is a pair of character offsets into it.
Stages of the pipeline read and extend an Article; none rewrites ``original``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FACT_TYPES = ("article", "visit", "agreement", "figure", "target", "project", "award")

#: The contract's fields for each fact type, in export order (see shared/spec/facts.md).
FACT_FIELDS: dict[str, tuple[str, ...]] = {
    "article": ("title", "published"),
    "visit": ("guest", "host", "guest_person", "place", "start", "end", "occasion"),
    "agreement": ("countries", "parties", "kind", "status", "sectors", "count", "value", "unit", "date", "due"),
    "figure": ("metric", "countries", "from", "to", "value", "unit", "count", "period", "change_pct", "approx"),
    "target": ("metric", "countries", "value", "unit", "multiplier", "due"),
    "project": ("name", "actors", "countries", "sectors", "value", "unit", "location", "status", "due"),
    "award": ("award", "giver", "recipient", "recipient_person", "date"),
}

#: Kinds of span the language layer produces (``alaqat spans`` prints them).
SPAN_KINDS = ("country", "person", "org", "place", "event", "award", "amount", "percent", "date")


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled view ``original[start:end]`` with a normalised value.

    Values by kind: ``country`` -> ``"KZ"``; ``person``/``org``/``place`` ->
    ``{"name", "country"}``; ``event``/``award`` -> ``{"name"}``; ``amount`` ->
    ``{"value", "unit", "approx"}``; ``percent`` -> ``6.3``; ``date`` -> an ISO
    string, an interval ``"a/b"`` (open ends ``..``) or ``None``.
    """

    kind: str
    start: int
    end: int
    text: str
    value: Any = None

    def to_json(self, doc: str) -> dict[str, Any]:
        return {"doc": doc, "kind": self.kind, "start": self.start, "end": self.end,
                "text": self.text, "value": self.value}


@dataclass(slots=True)
class Fact:
    """One fact of the contract, with its evidence as offsets into the original text."""

    type: str
    fields: dict[str, Any]
    start: int
    end: int
    evidence: str
    confidence: float = 1.0
    optional: bool = False
    #: other places of the original text that state the same fact (``(start, end)``, set by the merge stage)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    #: extractor bookkeeping used while merging (never exported or stored)
    aux: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    def to_contract(self, doc: str) -> dict[str, Any]:
        out: dict[str, Any] = {"doc": doc, "type": self.type}
        for name in FACT_FIELDS[self.type]:
            out[name] = self.fields.get(name)
        for name, value in self.fields.items():  # extras (e.g. approx on an agreement) are allowed
            out.setdefault(name, value)
        out["evidence"] = self.evidence
        out["evidence_start"] = self.start  # not "start"/"end": those are a visit's dates
        out["evidence_end"] = self.end
        out["confidence"] = round(self.confidence, 3)
        return out


class RejectedInput(Exception):
    """An input that cannot be read, with a reason a person can act on."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass(slots=True)
class Article:
    """One document: the original text, the part of it that is the article, and what was found in it."""

    doc: str
    original: str
    source: str = ""
    url: str | None = None
    meta_title: str | None = None
    meta_published: str | None = None
    #: character ranges of ``original`` that are article body (furniture and related-article tails excluded)
    body: list[tuple[int, int]] = field(default_factory=list)
    title: str | None = None
    title_span: tuple[int, int] | None = None
    published: str | None = None
    spans: list[Span] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    #: scratch space for stages (e.g. the folded view); never exported
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The cleaned article text: body ranges joined by newlines (a copy for display and search)."""
        return "\n".join(self.original[s:e] for s, e in self.body) if self.body else ""

    def in_body(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.body)

    def spans_of(self, *kinds: str) -> list[Span]:
        return [s for s in self.spans if s.kind in kinds]
