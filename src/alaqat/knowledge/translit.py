"""A small Arabic <-> Latin transliteration for matching names across scripts.

``QazBioPharm``, ``KazbioPharm`` and ``كازبيوفارم`` must meet. Both scripts are brought to a Latin
reading (``latin``) and then to a consonant skeleton (``skeleton``: vowels, h and doubled letters
dropped, letters of one class merged: q/k/g, v/f, p/b), which rapidfuzz compares. The letter table is
data: ``arabic/lexicons/translit.tsv``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from alaqat.arabic.normalise import fold

_ARABIC = re.compile(r"[\u0621-\u064a\u067e\u0686\u06a4\u06af]")


@cache
def _table() -> tuple[dict[str, str], list[tuple[str, str]], dict[str, str]]:
    text = resources.files("alaqat.arabic").joinpath("lexicons/translit.tsv").read_text("utf-8")
    ar: dict[str, str] = {}
    lat: list[tuple[str, str]] = []
    skel: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        section, src = parts[0], parts[1]
        dst = parts[2] if len(parts) > 2 else ""
        if section == "ar":
            ar[src] = dst
        elif section == "lat":
            lat.append((src, dst))
        elif section == "skel":
            skel[src] = dst
    lat.sort(key=lambda p: -len(p[0]))
    return ar, lat, skel


def is_arabic(text: str) -> bool:
    return _ARABIC.search(text) is not None


def latin(name: str) -> str:
    """A Latin reading of ``name`` (Arabic letters through the table, Latin spellings normalised)."""
    ar, lat, _ = _table()
    text = fold(name)
    out = []
    for ch in text:
        if ch in ar:
            out.append(ar[ch])
        elif ch.isalnum() or ch.isspace():
            out.append(ch)
        else:
            out.append(" ")
    s = "".join(out)
    # word-initial Arabic article "al" (ال) is not part of a transliterated name
    s = re.sub(r"\b(?:w|b|l|f)?al(?=\w{3,})", "", s) if is_arabic(name) else s
    for src, dst in lat:
        if src in s:
            s = s.replace(src, dst)
    return " ".join(s.split())


def skeleton(name: str) -> str:
    """Consonant skeleton of ``name``'s Latin reading, words kept apart by spaces."""
    _, _, skel = _table()
    words = []
    for word in latin(name).split():
        out: list[str] = []
        for ch in word:
            c = skel.get(ch, ch if ch.isdigit() else "")
            if c and (not out or out[-1] != c):
                out.append(c)
        if out:
            words.append("".join(out))
    return " ".join(words)


def similarity(a: str, b: str) -> float:
    """0..100: how alike two names are across scripts (rapidfuzz over skeletons, spaces ignored)."""
    from rapidfuzz import fuzz

    sa, sb = skeleton(a).replace(" ", ""), skeleton(b).replace(" ", "")
    if len(sa) < 3 or len(sb) < 3:
        return 100.0 if sa and sa == sb else 0.0
    return float(fuzz.ratio(sa, sb))
