"""Cleaning: which lines of the original text are the article (site furniture and related-article tails out).

Cleaning never rewrites the text: it sets ``Article.body`` to the character ranges that are article.
The rules are data (``furniture.json``), matched against folded lines.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from alaqat.arabic.normalise import fold
from alaqat.model import Article


@cache
def _rules() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    data = json.loads(resources.files("alaqat.ingest").joinpath("furniture.json").read_text("utf-8"))
    drop = re.compile("|".join(f"(?:{p})" for p in data["drop"]))
    tail = re.compile("|".join(f"(?:{p})" for p in data["tail"]))
    sections = frozenset(fold(s).replace(" ", "") for s in data["sections"])
    return drop, tail, sections


def _is_breadcrumb(folded_line: str, sections: frozenset[str]) -> bool:
    """A short line made only of section names, separated or glued together ('العالمسياسة')."""
    parts = [p for p in re.split(r"[/»>|\\-]+", folded_line) if p.strip()]
    if not parts or len(folded_line.split()) > 6:
        return False
    for part in parts:
        word = part.replace(" ", "")
        if not _segments(word, sections):
            return False
    return True


def _segments(word: str, vocab: frozenset[str]) -> bool:
    """Can ``word`` be cut into words of ``vocab``? (word break by dynamic programming)"""
    ok = [True] + [False] * len(word)
    for i in range(1, len(word) + 1):
        ok[i] = any(ok[j] and word[j:i] in vocab for j in range(max(0, i - 14), i))
    return ok[len(word)]


def line_kind(line: str) -> str:
    """``body``, ``drop`` (furniture) or ``tail`` (the article ends here) for one original line."""
    drop, tail, sections = _rules()
    f = " ".join(fold(line).split())
    if not f:
        return "drop"
    if tail.match(f):
        return "tail"
    if drop.match(f) or _is_breadcrumb(f, sections):
        return "drop"
    return "body"


def clean(article: Article) -> Article:
    """Pipeline stage: set ``article.body`` to the ranges of lines that are article text."""
    body: list[tuple[int, int]] = []
    pos = 0
    for line in article.original.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        kind = line_kind(line)
        if kind == "tail":
            break
        if kind == "body":
            # trim surrounding white space so ranges hold text only
            lead = len(line) - len(line.lstrip())
            trail = len(line) - len(line.rstrip())
            body.append((start + lead, end - trail))
    article.body = body
    return article
