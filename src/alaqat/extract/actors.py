"""Who acts in a sentence: people, and countries standing for their leaders or delegations.

An actor is a person span (``الرئيس قاسم جومارت توكاييف``) or a country named with a leader's title
(``رئيس كازاخستان``, ``الرئيس الكازاخستاني``, ``العاهل الأردني``, ``وفد سعودي``). A person whose title names
no country (``سمو الأمير``) takes the country of an earlier person with the same title in the article, or of
the outlet that speaks in its own voice (its agency or dateline).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from alaqat.arabic.normalise import fold
from alaqat.extract.context import Sentence, load_lines, load_table, sentences, span_country
from alaqat.model import Article, Span

_WORDCHAR = r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]"  # letters, digits and Arabic marks; not ، ؛ ؟
_TOKEN = re.compile(_WORDCHAR + "+")


@dataclass(frozen=True)
class Actor:
    start: int
    end: int
    country: str | None
    person: str | None
    span: Span


@cache
def _titles() -> frozenset[str]:
    return frozenset(load_lines("leader_titles.txt"))


@cache
def _title_words() -> frozenset[str]:
    return frozenset(w for t in _titles() for w in t.split())


def _strip_clitic(tok: str) -> str:
    for p in ("وال", "بال", "فال", "لل", "ال"):
        if tok.startswith(p) and len(tok) > len(p) + 2:
            return "ال" + tok[len(p):] if p != "ال" else tok
    if tok[:1] in ("و", "ف", "ب", "ل") and len(tok) > 3:
        return tok[1:]
    return tok


def _is_title(tok: str, table: frozenset[str]) -> bool:
    return tok in table or _strip_clitic(tok) in table


def is_title(tok: str) -> bool:
    """Is this (folded) word a leader's title, with or without a clitic?"""
    return _is_title(tok, _titles())


def titled(article: Article, start: int, window: int = 40) -> bool:
    """Does a leader's title end right before ``start`` (``رئيس جمهورية``, ``العاهل``, ``وزير الخارجية``)?"""
    before = fold(article.original[max(0, start - window):start])
    toks = _TOKEN.findall(before)[-3:]
    titles = _titles()
    for k in (3, 2, 1):
        if len(toks) >= k:
            phrase = " ".join(toks[-k:])
            rest = toks[len(toks) - k + 1:]
            if phrase in titles or " ".join([_strip_clitic(toks[-k]), *rest]) in titles:
                return True
    # "رئيس جمهورية X", "وزير الخارجية السعودي", "وزير الشؤون الخارجية X": a title and one or two words
    # (a state word or a portfolio) before the country
    # (the words between are nouns, not a verb or preposition: "الوزير إلى جيبوتي", "وزير الطاقة يزور الصين")
    if len(toks) >= 2 and _is_title(toks[-2], titles) and _portfolio_word(toks[-1]):
        return True
    if len(toks) >= 3 and _is_title(toks[-3], _PORTFOLIO_TITLES) and all(map(_portfolio_word, toks[-2:])):
        return True
    # a longer portfolio: "وزير النفط والثروة المعدنية الصومالي", "وزير الطاقة والموارد الطبيعية التركي"
    wide = _TOKEN.findall(fold(article.original[max(0, start - 60):start]))[-5:]
    for k in (4, 5):
        if len(wide) >= k and _is_title(wide[-k], _PORTFOLIO_TITLES) and all(map(_portfolio_word, wide[-k + 1:])):
            return True
    return False


_PORTFOLIO_TITLES = frozenset({"وزير", "وزيره", "الوزير", "الوزيره", "نائب", "رئيس", "مستشار", "وكيل", "امين"})
_STATE_NOUNS = frozenset({"جمهوريه", "دوله", "مملكه", "سلطنه", "اماره", "حكومه", "وزراء", "مجلس"})


def _portfolio_word(tok: str) -> bool:
    """A word of a portfolio or a state's name (``الخارجية``، ``والتجارة``، ``جمهورية``), not a verb or preposition."""
    if tok in ("الي", "الذي", "التي", "الا", "الان", "اليوم", "والي"):
        return False
    return tok.startswith(("ال", "وال", "لل")) or tok in _STATE_NOUNS


def outlet_country(article: Article) -> str | None:
    if "outlet_country" in article.cache:
        cached: str | None = article.cache["outlet_country"]
        return cached
    code: str | None = None
    head_end = article.body[min(len(article.body), 4) - 1][1] if article.body else 0
    head = " " + fold(article.original[:head_end][:600]) + " "
    for key, c, *_ in load_table("outlets.tsv"):
        if re.search(rf"(?<!{_WORDCHAR}){re.escape(key)}(?!{_WORDCHAR})", head):
            code = c
            break
    if code is None:
        # a dateline: a place at the very start of a body line followed by a dash or colon
        for s in article.spans:
            if s.kind == "place" and s.start < head_end:
                line_start = article.original.rfind("\n", 0, s.start) + 1
                after = article.original[s.end:s.end + 3]
                if not article.original[line_start:s.start].strip() and re.match(r"\s*[-–:،(]", after):
                    code = span_country(s)
                    break
    article.cache["outlet_country"] = code
    return code


def _first_title(article: Article, span: Span) -> str | None:
    toks = [_strip_clitic(t) for t in _TOKEN.findall(fold(span.text))]
    before = [_strip_clitic(t) for t in _TOKEN.findall(fold(article.original[max(0, span.start - 30):span.start]))]
    for t in toks[:3] + before[-2:]:
        if t in _title_words():
            return t.removeprefix("ال")
    return None


def person_country(article: Article, span: Span) -> str | None:
    """The country of a person span, resolved from earlier people with the same title or the outlet."""
    code = span_country(span)
    if code:
        return code
    if person_name(span):
        return None  # a named person of unknown country: the outlet's country would be a guess
    title = _first_title(article, span)
    if title:
        for other in article.spans:
            if (other.kind == "person" and other.start < span.start and span_country(other)
                    and _first_title(article, other) == title):
                return span_country(other)
    return outlet_country(article)


def person_name(span: Span) -> str | None:
    """The person's name, its fullest known form where the language layer resolved a short one."""
    if isinstance(span.value, dict):
        for key in ("full", "name"):
            name = span.value.get(key)
            if isinstance(name, str) and name.strip():
                return name
    return None


def actors(article: Article, sentence: Sentence) -> list[Actor]:
    """Actors of a sentence in text order."""
    out: list[Actor] = []
    persons = sentence.of("person")
    for p in persons:
        out.append(Actor(p.start, p.end, person_country(article, p), person_name(p), p))
    for c in sentence.of("country"):
        if any(p.start <= c.start and c.end <= p.end for p in persons):
            continue
        if titled(article, c.start):  # رئيس كازاخستان، الرئيس الكازاخستاني، العاهل الأردني
            out.append(Actor(c.start, c.end, span_country(c), None, c))
    out.sort(key=lambda a: a.start)
    return _appositions(article, out)


def _appositions(article: Article, acts: list[Actor]) -> list[Actor]:
    """One actor for ``الرئيس الكازاخستاني قاسم جومارت توكاييف`` and ``نزارباييف رئيس كازاخستان السابق``:
    a titled country and a person of that country side by side are the same person."""
    out: list[Actor] = []
    for a in acts:
        if out:
            prev = out[-1]
            gap = article.original[prev.end:a.start]
            same = prev.country == a.country or prev.country is None or a.country is None
            if same and (prev.person is None or a.person is None) and len(gap) <= 25 \
                    and not any(ch in gap for ch in ".،,؛:"):
                person = prev.person or a.person
                span = prev.span if prev.person else a.span
                out[-1] = Actor(prev.start, a.end, prev.country or a.country, person, span)
                continue
        out.append(a)
    return out


def last_person_before(article: Article, offset: int) -> Actor | None:
    """The latest person (or titled country) mentioned before ``offset`` in the article, for pronouns."""
    best: Actor | None = None
    for sent in sentences(article):
        if sent.start >= offset:
            break
        for a in actors(article, sent):
            if a.end <= offset:
                best = a
    return best


def best_person(article: Article, country: str) -> str | None:
    """The fullest name of the most mentioned person of ``country`` in the article (for a titled country or
    a title without a name, like ``سمو الأمير``)."""
    counts: dict[str, int] = {}
    for s in article.spans:
        if s.kind == "person" and person_country(article, s) == country:
            name = person_name(s)
            if name:
                counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], len(n)))
