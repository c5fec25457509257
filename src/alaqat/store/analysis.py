"""Text analysis for search, the same at index and query time: fold, tokenise, light-stem; and snippets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from alaqat.arabic.normalise import Folded, fold
from alaqat.arabic.stem import stem

_TOKEN = re.compile(r"[0-9a-z\u0621-\u064a]+")
_CLITIC = ("و", "ب", "ل", "ف", "ك")


def index_terms(text: str) -> str:
    """Space-separated terms for the full-text index. A word with a one-letter clitic (``لكازاخستان``)
    is indexed both with and without it, so either spelling of a query finds it."""
    out: list[str] = []
    for tok in _TOKEN.findall(fold(text)):
        out.append(stem(tok))
        if len(tok) >= 5 and tok[0] in _CLITIC and not tok.startswith(("ال", "وال", "بال", "فال", "كال")):
            out.append(stem(tok[1:]))
    return " ".join(out)


def query_terms(query: str) -> list[str]:
    """Terms of a query, each of which must match."""
    terms: list[str] = []
    for tok in _TOKEN.findall(fold(query)):
        t = stem(tok)
        if t not in terms:
            terms.append(t)
    return terms


@dataclass(frozen=True)
class Snippet:
    text: str
    #: [start, end) ranges of ``text`` that matched the query
    highlights: list[tuple[int, int]]

    def marked(self, left: str = "[", right: str = "]") -> str:
        out, pos = [], 0
        for s, e in self.highlights:
            out.append(self.text[pos:s] + left + self.text[s:e] + right)
            pos = e
        out.append(self.text[pos:])
        return "".join(out)


def _matches(original: str, terms: set[str]) -> list[tuple[int, int]]:
    folded = Folded.of(original)
    hits: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(folded.text):
        tok = m.group()
        if stem(tok) in terms or (len(tok) >= 5 and tok[0] in _CLITIC and stem(tok[1:]) in terms):
            hits.append(folded.to_original(m.start(), m.end()))
    return hits


def snippet(text: str, query: str, width: int = 200) -> Snippet:
    """The window of ``text`` (about ``width`` characters, on word boundaries) with most query matches."""
    terms = set(query_terms(query))
    hits = _matches(text, terms) if terms else []
    if len(text) <= width:
        return Snippet(text, hits)
    best_start, best_n = 0, -1
    for i, (s, _) in enumerate(hits):
        n = sum(1 for hs, he in hits[i:] if he <= s + width)
        if n > best_n:
            best_start, best_n = s, n
    start = max(0, best_start - width // 4)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = min(len(text), start + width)
    while end < len(text) and not text[end].isspace():
        end += 1
    window = text[start:end]
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    shifted = [(s - start + len(prefix), e - start + len(prefix)) for s, e in hits if s >= start and e <= end]
    return Snippet(prefix + window + suffix, shifted)
