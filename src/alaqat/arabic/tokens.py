"""One tokenisation of a folded text, shared by the three recogniser families.

``tokens(folded)`` splits ``folded.text`` into Arabic words, runs of Latin letters and digits, and single
other characters (punctuation, symbols), with their folded offsets. The recognisers (entities, numbers,
dates) run one after the other on the same ``Folded``; the last result is kept, so a text is tokenised once.
Numbers and dates use the tokens as cheap anchors: a set look-up per word says where their patterns can
start, so the full patterns run only there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from alaqat.arabic.normalise import Folded

TOKEN = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+|[a-z0-9\u00df-\u024f]+|[^\s#_]")


#: bits of a token's class (``Tokens.hits``)
ENTITY = 1  # a surface form of the entity lexicons (entities.py)
NUMBER = 2  # a number word with its clitics (numbers.py)
DATE_ANCHOR = 4  # a word every date construction near it contains (dates.py)
DATE_START = 8  # a word a date construction can begin with (dates.py)
DIGIT = 16  # begins with a digit
LATIN = 32  # begins with a Latin letter


@dataclass(slots=True)
class Tokens:
    toks: list[str]
    starts: list[int]
    ends: list[int]
    _hits: list[tuple[int, int]] | None = None

    @property
    def hits(self) -> list[tuple[int, int]]:
        """``(index, class bits)`` of the tokens that any family looks at, in text order (one look-up per token)."""
        if self._hits is None:
            get, first = _table().get, _FIRST.get
            self._hits = [(i, f) for i, tok in enumerate(self.toks) if (f := get(tok, 0) | first(tok[0], 0))]
        return self._hits

    def having(self, bit: int) -> list[int]:
        """Indices of the tokens whose class has ``bit``."""
        return [i for i, f in self.hits if f & bit]


_FIRST = {c: DIGIT for c in "0123456789"} | {c: LATIN for c in "abcdefghijklmnopqrstuvwxyz"}
_TABLE: dict[str, int] | None = None


def _table() -> dict[str, int]:
    """Every token form the families look up, with its class bits (built once, from the families' lexicons)."""
    global _TABLE
    if _TABLE is None:
        from alaqat.arabic import dates, entities, numbers  # the families import this module

        table: dict[str, int] = {}
        for bit, forms in ((ENTITY, entities.lexicon().surface), (NUMBER, numbers._lexicon().word_forms),
                           (DATE_ANCHOR, dates._anchor_forms()), (DATE_START, dates._starter_forms())):
            for form in forms:
                table[form] = table.get(form, 0) | bit
        _TABLE = table
    return _TABLE


_last: tuple[Folded, Tokens] | None = None


def tokens(folded: Folded) -> Tokens:
    """The tokens of ``folded.text`` (computed once for the most recent ``Folded``)."""
    global _last
    last = _last
    if last is not None and last[0] is folded:
        return last[1]
    ms = list(TOKEN.finditer(folded.text))
    toks = [m.group() for m in ms]
    starts = [m.start() for m in ms]
    ends = [m.end() for m in ms]
    out = Tokens(toks, starts, ends)
    _last = (folded, out)
    return out
