"""Arabic folding, shared by the recognisers and by search.

``fold`` removes diacritics and tatweel, unifies alef/hamza forms, ى/ي and ة/ه,
turns Arabic-Indic and Persian digits into ASCII and lower-cases Latin letters.
``Folded`` keeps, for every character of the folded text, its offset in the
original, so a match in the folded text maps back to exact original offsets.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field

# Harakat, Quranic marks, superscript alef, tatweel: deleted.
_DELETE = set(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + ["\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad"]
)
# One character -> one character.
_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ی": "ي", "ک": "ك", "\u00a0": " ", "٪": "%", "٫": "٫", "٬": "٬",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Persian

for _c in range(ord("A"), ord("Z") + 1):
    _MAP[chr(_c)] = chr(_c + 32)  # ASCII only: str.lower() can change length ("İ" -> "i̇")

_TABLE = {ord(c): None for c in _DELETE} | {ord(k): v for k, v in _MAP.items()}
_DELETED = re.compile("[" + "".join(sorted(_DELETE)) + "]+")


def fold(text: str) -> str:
    """Folded copy of ``text`` (no offsets kept). Idempotent."""
    return text.translate(_TABLE)


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded view of an original text with a map back to original offsets.

    The map is kept as the deleted runs (diacritics, tatweel): ``_starts[k]`` is the folded offset right after
    the k-th run and ``_shifts[k]`` the number of original characters deleted up to it, so an offset maps back
    with one bisection; ``pos`` (the full per-character map) is built only when asked for.
    """

    original: str
    text: str
    _starts: list[int] = field(default_factory=list, repr=False)
    _shifts: list[int] = field(default_factory=list, repr=False)
    _pos: list[array] = field(default_factory=list, repr=False, compare=False)  # [] or [pos], built lazily

    @classmethod
    def of(cls, original: str) -> Folded:
        folded = fold(original)
        if len(folded) == len(original):  # nothing deleted: identity map
            return cls(original, folded)
        starts: list[int] = []
        shifts: list[int] = []
        deleted = 0
        for m in _DELETED.finditer(original):
            deleted += m.end() - m.start()
            starts.append(m.end() - deleted)
            shifts.append(deleted)
        return cls(original, folded, starts, shifts)

    @property
    def pos(self) -> array:
        """``pos[i]`` is the original offset of folded character ``i``; ``pos[len(text)] == len(original)``."""
        if not self._pos:
            pos = array("i")
            prev = 0
            for m in _DELETED.finditer(self.original):  # runs of kept characters map one to one
                pos.extend(range(prev, m.start()))
                prev = m.end()
            pos.extend(range(prev, len(self.original)))
            pos.append(len(self.original))
            self._pos.append(pos)
        return self._pos[0]

    def _orig(self, i: int) -> int:
        starts = self._starts
        if not starts or i < starts[0]:
            return i
        return i + self._shifts[bisect_right(starts, i) - 1]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the folded range ``[start, end)``, diacritics of its last letter included."""
        if end <= start:
            o = self._orig(start)
            return o, o
        return self._orig(start), self._orig(end)

    def slice(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]

    def find_from_original(self, offset: int) -> int:
        """Folded index of the first folded character at or after original ``offset``."""
        lo, hi = 0, len(self.text)
        orig = self._orig
        while lo < hi:
            mid = (lo + hi) // 2
            if orig(mid) < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo


_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+")


def words(text: str) -> list[str]:
    return _WORD.findall(text)
