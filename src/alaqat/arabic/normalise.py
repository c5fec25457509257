"""Arabic folding, shared by the recognisers and by search.

``fold`` removes diacritics and tatweel, unifies alef/hamza forms, ى/ي and ة/ه,
turns Arabic-Indic and Persian digits into ASCII and lower-cases Latin letters.
``Folded`` keeps, for every character of the folded text, its offset in the
original, so a match in the folded text maps back to exact original offsets.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

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
    """A folded view of an original text with a map back to original offsets."""

    original: str
    text: str
    #: ``pos[i]`` is the original offset of folded character ``i``; ``pos[len(text)] == len(original)``
    pos: array

    @classmethod
    def of(cls, original: str) -> Folded:
        folded = fold(original)
        if len(folded) == len(original):  # nothing deleted: identity map
            return cls(original, folded, array("i", range(len(original) + 1)))
        pos = array("i")
        prev = 0
        for m in _DELETED.finditer(original):  # runs of kept characters map one to one
            pos.extend(range(prev, m.start()))
            prev = m.end()
        pos.extend(range(prev, len(original)))
        pos.append(len(original))
        return cls(original, folded, pos)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the folded range ``[start, end)``, diacritics of its last letter included."""
        if end <= start:
            o = self.pos[start]
            return o, o
        return self.pos[start], self.pos[end]

    def slice(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]

    def find_from_original(self, offset: int) -> int:
        """Folded index of the first folded character at or after original ``offset``."""
        lo, hi = 0, len(self.text)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.pos[mid] < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo


_WORD = re.compile(r"[\w\u0600-\u06ff]+")


def words(text: str) -> list[str]:
    return _WORD.findall(text)
