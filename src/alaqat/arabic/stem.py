"""Light stemming for search (in the manner of Larkey's Light10): strip clitic prefixes and common suffixes.

Snowball's Arabic stemmer leaves ``والاتفاقية`` and a folded ``ة`` alone, so ``الاتفاقيات``, ``اتفاقية`` and
``والاتفاقية`` would not find each other; these few rules make them all ``اتفاق``. Works on folded text.
"""

from __future__ import annotations

from functools import lru_cache

_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
_SUFFIXES = ("يات", "ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem of a folded word; Latin words and numbers are returned as they are."""
    if not word or not ("\u0621" <= word[0] <= "\u064a"):
        return word
    w = word
    for p in _PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 2:
            w = w[len(p):]
            break
    changed = True
    while changed and len(w) > 3:
        changed = False
        for s in _SUFFIXES:
            if w.endswith(s) and len(w) - len(s) >= 3:
                w = w[: -len(s)]
                changed = True
                break
    return w
