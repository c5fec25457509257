"""Canonical entities: one person, organisation, place or decoration however it is spelled.

Names come from the language layer's entity table and from the names inside facts (guests, parties,
actors, recipients, awards, places). Two names are one entity when (in this order):

1. a manual decision says so (``merge``) or says not (``split``) — decisions are kept by alias key
   in ``entity_decisions`` and re-applied on every rebuild;
2. the heads-of-state file (``arabic/lexicons/leaders.tsv``) lists both as forms of one leader;
3. their folded keys are equal once legal suffixes and head words are dropped;
4. same script: rapidfuzz ``token_sort_ratio`` >= 88 (persons also: one name's words all in the other's);
5. across scripts: the transliterated skeletons (``translit.py``) agree (rapidfuzz ratio >= 88).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import numpy as np
from rapidfuzz import fuzz, process

from alaqat.arabic.normalise import fold
from alaqat.knowledge.translit import is_arabic, skeleton
from alaqat.knowledge.translit import similarity as translit_similarity

KINDS = ("person", "org", "place", "award", "event")

_PUNCT = re.compile(r"[\"'«»“”„‘’()\[\]{}.,،:;!?؟\-–—_/]+")
_CLITIC_ARTICLE = re.compile(r"^(?:[وبلف]?ال|[وبلف](?=ال))")
_GENERIC = {
    # words that carry no identity in an organisation or decoration name
    "شركه", "الشركه", "مجموعه", "المجموعه", "company", "the", "of", "national", "holding", "holdings",
    "jsc", "llp", "llc", "ltd", "inc", "plc", "co", "corp", "group", "sa", "ag", "gmbh", "القابضه",
    "المساهمه", "المحدوده", "وسام", "ميداليه", "قلاده",
}
_PERSON_TITLES = {
    "الرئيس", "رئيس", "الملك", "الامير", "امير", "الشيخ", "السلطان", "سمو", "صاحب", "السمو", "فخامه",
    "معالي", "الوزير", "وزير", "ولي", "العهد", "جلاله", "president", "king", "emir", "sheikh", "mr",
}


@cache
def _stopwords() -> frozenset[str]:
    words = set(_GENERIC)
    try:
        text = resources.files("alaqat.arabic").joinpath("lexicons/org_suffixes.txt").read_text("utf-8")
        words.update(fold(ln.strip()) for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    except (FileNotFoundError, OSError):
        pass
    return frozenset(words)


@cache
def leaders() -> dict[str, str]:
    """Folded form of each leader's name (full and short forms) -> a leader id ``CODE:first full form``."""
    out: dict[str, str] = {}
    try:
        text = resources.files("alaqat.arabic").joinpath("lexicons/leaders.tsv").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return out
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 4:
            continue
        full = [n.strip() for n in cols[3].split("|") if n.strip()]
        short = [n.strip().lstrip("*") for n in (cols[4].split("|") if len(cols) > 4 else []) if n.strip()]
        if not full:
            continue
        ident = f"{cols[0]}:{full[0]}"
        for name in full + short:
            out.setdefault(name_key(name, "person"), ident)
    return out


def name_key(name: str, kind: str | None = None) -> str:
    """Folded words of a name without punctuation, legal suffixes, generic heads or (persons) titles."""
    words = _PUNCT.sub(" ", fold(name)).split()
    drop = _PERSON_TITLES if kind == "person" else _stopwords()
    kept = [w for w in words if w not in drop]
    return " ".join(kept or words)


def leader_of(name: str) -> str | None:
    return leaders().get(name_key(name, "person"))


def _strip_article(word: str) -> str:
    return _CLITIC_ARTICLE.sub("", word) if len(word) > 4 else word


def similarity(a: str, b: str, kind: str | None = None) -> tuple[float, str]:
    """0..100 and how it was judged, for two names of the same kind."""
    if not a or not b:
        return 0.0, ""
    ka, kb = name_key(a, kind), name_key(b, kind)
    if not ka or not kb:
        return 0.0, ""
    if ka == kb:
        return 100.0, "same name"
    if kind in (None, "person"):
        la, lb = leader_of(a), leader_of(b)
        if la and lb:
            return (100.0, "same leader") if la == lb else (0.0, "different leaders")
    if is_arabic(ka) == is_arabic(kb):
        wa = [_strip_article(w) for w in ka.split()]
        wb = [_strip_article(w) for w in kb.split()]
        score = float(fuzz.token_sort_ratio(" ".join(wa), " ".join(wb)))
        small, big = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
        left_small = [w for w in small if not any(fuzz.ratio(w, x) >= 85 for x in big)]
        left_big = [w for w in big if not any(fuzz.ratio(w, x) >= 85 for x in small)]
        if not left_small and ((kind == "person" and len(small) >= 2)
                               or (kind != "person" and sum(len(w) for w in small) >= 5)):
            # every word of the shorter name is in the longer one ("DadVet" in "DadVet Jordan")
            score = max(score, 92.0)
        elif left_small and left_big:
            # each name has a word the other lacks (وزارة الزراعة / وزارة الطاقة): different entities
            score *= 0.85
        if len(wa) == len(wb) and skeleton(ka) == skeleton(kb) and len(skeleton(ka).replace(" ", "")) >= 4:
            score = max(score, 90.0)  # one spelling of the same sounds (دوستيق / دوستيك)
        return score, "spelling"
    # across scripts: whole names, then the best distinctive word pair
    score = translit_similarity(ka, kb)
    sa = [w for w in skeleton(ka).split() if len(w) >= 4]
    sb = [w for w in skeleton(kb).split() if len(w) >= 4]
    for x in sa:
        for y in sb:
            if x == y:
                score = max(score, 92.0)
    return score, "transliteration"


def same(a: str | None, b: str | None, kind: str | None = None, threshold: float = 88.0) -> bool:
    if not a or not b:
        return False
    return similarity(str(a), str(b), kind)[0] >= threshold


def any_same(xs: Iterable[str], ys: Iterable[str], kind: str | None = None) -> str | None:
    """The first name of ``xs`` that is one entity with a name of ``ys``, or None."""
    ys = [y for y in ys if y]
    for x in xs:
        if not x:
            continue
        for alt in str(x).split("|"):
            for y in ys:
                if any(same(alt, yy, kind) for yy in str(y).split("|")):
                    return str(x)
    return None


# -- canonical entities ------------------------------------------------------------------------------
@dataclass
class Canonical:
    kind: str
    name: str
    country: str | None
    key: str
    aliases: dict[str, str] = field(default_factory=dict)  # alias key -> alias as written
    mentions: dict[str, int] = field(default_factory=dict)  # alias key -> mentions


@dataclass(frozen=True)
class Decision:
    action: str  # "merge" or "split"
    kind: str
    key_a: str
    key_b: str


class _UF:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, x: int) -> int:
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def resolve(names: Iterable[tuple[str, str, str | None, int]], decisions: Iterable[Decision] = ()) -> list[Canonical]:
    """Group (kind, name, country, mentions) into canonical entities, deterministically.

    Aliases are sorted by (kind, key) before matching, so the input order never matters. Manual
    ``merge`` decisions join two aliases' groups; ``split`` decisions take an alias out of its group
    (and keep it out: no automatic rule may join it back).
    """
    spellings: dict[tuple[str, str], dict[str, int]] = {}
    homes: dict[tuple[str, str], dict[str, int]] = {}
    for kind, name, country, n in names:
        key = name_key(name, kind)
        if not key:
            continue
        sp = spellings.setdefault((kind, key), {})
        sp[name] = sp.get(name, 0) + max(n, 1)
        if country:
            h = homes.setdefault((kind, key), {})
            h[country] = h.get(country, 0) + max(n, 1)
    # the most used spelling and country of each alias (ties: the smallest), so input order never matters
    table: dict[tuple[str, str], tuple[str, str | None, int]] = {}
    for k, sp in spellings.items():
        spelling = min(sp, key=lambda x: (-sp[x], x))
        h = homes.get(k, {})
        table[k] = (spelling, min(h, key=lambda x: (-h[x], x)) if h else None, sum(sp.values()))
    items = sorted(table)
    index = {k: i for i, k in enumerate(items)}
    decisions = list(decisions)
    split_keys = {(d.kind, d.key_b) for d in decisions if d.action == "split"}
    uf = _UF(len(items))
    by_kind: dict[str, list[int]] = {}
    for i, (kind, _) in enumerate(items):
        by_kind.setdefault(kind, []).append(i)
    for kind, idx in by_kind.items():
        leader_group: dict[str, int] = {}
        for i in idx:
            name = table[items[i]][0]
            if kind == "person":
                lid = leader_of(name)
                if lid:
                    if lid in leader_group:
                        _union_unless_split(uf, items, split_keys, leader_group[lid], i)
                    else:
                        leader_group[lid] = i
        # fuzzy: candidates from rapidfuzz's cdist over skeletons (C speed), each checked by ``same``
        skels = [skeleton(items[i][1]) for i in idx]
        if len(idx) > 1:
            scores = process.cdist(skels, skels, scorer=fuzz.token_set_ratio, score_cutoff=75, workers=1)
            for x, y in zip(*np.nonzero(scores), strict=True):
                if x >= y:
                    continue
                i, j = idx[int(x)], idx[int(y)]
                if uf.find(i) != uf.find(j) and same(table[items[i]][0], table[items[j]][0], kind):
                    _union_unless_split(uf, items, split_keys, i, j)
    for d in decisions:
        if d.action == "merge":
            ia, ib = index.get((d.kind, d.key_a)), index.get((d.kind, d.key_b))
            if ia is not None and ib is not None:
                uf.union(ia, ib)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(uf.find(i), []).append(i)
    out: list[Canonical] = []
    for members in groups.values():
        kind = items[members[0]][0]
        best: int = max(members, key=lambda m: (table[items[m]][2], -len(items[m][1]), _neg(items[m][1])))
        cname, country, _ = table[items[best]]
        countries = sorted({str(table[items[m]][1]) for m in members if table[items[m]][1]})
        c = Canonical(kind, cname, country or (countries[0] if countries else None), items[best][1])
        for m in members:
            c.aliases[items[m][1]] = table[items[m]][0]
            c.mentions[items[m][1]] = table[items[m]][2]
        out.append(c)
    out.sort(key=lambda c: (c.kind, c.key))
    return out


def _neg(s: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in s)


def _union_unless_split(uf: _UF, items: list[tuple[str, str]], split_keys: set[tuple[str, str]], i: int,
                        j: int) -> None:
    if items[i] in split_keys or items[j] in split_keys:
        return
    uf.union(i, j)


def fact_names(fact: dict[str, object]) -> list[tuple[str, str, str | None]]:
    """(kind, name, country) of the names inside one contract fact."""
    out: list[tuple[str, str, str | None]] = []
    t = fact.get("type")
    countries = fact.get("countries") or []

    def add(kind: str, value: object, country: object = None) -> None:
        if isinstance(value, str) and value.strip():
            for alt in value.split("|"):
                if alt.strip():
                    out.append((kind, alt.strip(), country if isinstance(country, str) else None))

    if t == "visit":
        add("person", fact.get("guest_person"), fact.get("guest"))
        add("place", fact.get("place"), fact.get("host"))
        add("event", fact.get("occasion"), fact.get("host"))
    elif t == "agreement":
        for p in fact.get("parties") or []:  # type: ignore[attr-defined]
            add("org", p)
    elif t == "project":
        for p in fact.get("actors") or []:  # type: ignore[attr-defined]
            add("org", p)
        add("place", fact.get("location"), countries[0] if isinstance(countries, list) and len(countries) == 1
            else None)
    elif t == "award":
        add("award", fact.get("award"), fact.get("giver"))
        add("person", fact.get("recipient_person"), fact.get("recipient"))
    return out
