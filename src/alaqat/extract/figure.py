"""The ``figure`` fact: a number that measures the relation between two countries, now or in the past.

Every amount or percentage of a sentence is read in its clause (cut at commas, semicolons, colons and dashes,
and after a number that ends a sentence, which ``context.sentences`` does not cut):

* **metric**: a counted noun names it (``59 شركة`` companies, ``12 ألف طالب`` students, ``14 اجتماعًا`` meetings);
  else the nearest metric word before the number in its clause, then after it, then in the one or two clauses
  before (data: patterns/figure_metrics.tsv); a word inside the name of a body (``صندوق الاستثمارات العامة``)
  measures nothing. Words of deals, loans, single projects or companies and a company's capital (``اتفاقية``،
  ``قرض``، ``شركة``، ``برأسمال``) claim the number for another fact type: no figure; so does a deal word followed by
  a measure of purpose (``مذكرة تفاهم ... لاستثمار 500 مليون``). Imports are the partner's exports (``metric:
  export``, ``from`` the partner). Tonnes and other physical units need a freight or trade word (a plant's
  megawatts are no figure); a share (``25% من حبوبها``) needs an export or import word; a count needs a metric
  noun, and companies a word of presence
  (``تعمل``، ``برأس مال``: patterns/figure_presence_words.txt). Tariffs, reserves and sanctions before the number
  veto the clause; a country's foreign trade, world trade, deficits and GDP are no pair's figure.
* **count**: a count of things before a money value in its clause (``45 مشروعًا ... بقيمة 14.5 مليار``) is the
  figure's ``count`` (and its metric when it is projects or companies: ``300 شركة باستثمارات`` is investment);
  a count after ``منها`` is a part of an earlier one: no figure.
* **countries**: the countries, demonyms, people and (after a preposition) places of the clauses read; with
  fewer than two, the article's main pair when a word points to the other side (``بين البلدين``، ``المشتركة``،
  ``في البلاد``، ``الدولة``/``المملكة``/``السلطنة``, patterns/figure_partner_words.txt) or the metric is bilateral by
  nature (trade, projects, meetings, freight; projects with no country need a count and a value), or a pronoun
  on the measure (``صادراتها إلى الصين``) when the one country named carries a preposition (the pronoun is the
  other side; a subject's ``صادراتها`` is its own: patterns/figure_pronoun_words.txt). One country
  alone with nothing pointing to a partner is a one-country number: no figure. A heading gives a figure only with
  its own countries or such a word.
* **from/to**: for exports, investment, students, companies, projects and freight: ``من X`` is the origin,
  ``إلى/لـ/في X`` the destination; a country with no preposition (a demonym, a subject) is the origin (the
  destination for imports).
* **period**: the date of the clause nearest to the number with no other number between, or of a leading clause
  with no number (``في عام 2024، بلغ ...``); not a comparison base (``عن العام السابق``) nor a single day.
* **change_pct**: a percentage after a rise or fall word (patterns/figure_change_words.tsv) in the figure's clause
  or a clause after it with no number of its own; a fall is negative.
* **approx**: the number layer's flag, or an approximation verb before the number in its clause
  (``تجاوزت ... 15.4 مليون``, patterns/figure_approx.txt).

Numbers that a target claims (``target.claimed``) are not figures. ``same`` merges repeated mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from alaqat.arabic import numbers
from alaqat.arabic.normalise import Folded, fold
from alaqat.arabic.numbers import resolve_currency
from alaqat.extract.actors import outlet_country
from alaqat.extract.context import (
    Sentence,
    article_countries,
    folded_view,
    load_lines,
    load_table,
    main_pair,
    make_fact,
    sentences,
    span_country,
)
from alaqat.model import Article, Fact, Span

_CLAUSE_CUT = re.compile(r"[،,;؛:]\s+|\s+[-–—]\s+|(?<=\d)\.\s+")
_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+")
_DIRECTED = {"export", "import", "investment", "students", "companies", "freight", "projects", "other"}
_BILATERAL = {"trade", "projects", "meetings", "freight"}  # metrics that are between two sides by nature
_GOODS = re.compile(r"شحن|بضايع|بضاعه|سلع")  # folded: بضائع -> بضايع
_GOODS_UNITS = {"t", "kg", "barrel", "m3", "ft3", "l", "TEU", "kWh", "MWh", "GWh", "TWh"}
_ORIGIN_PREP = {"من"}
_IN_PREP = {"في", "داخل"}
_DEST_PREP = {"الي", "في", "داخل", "باتجاه", "نحو"}


# --------------------------------------------------------------------------------------------- data


@dataclass(frozen=True)
class _Key:
    words: tuple[str, ...]
    whole: bool  # the last word must end there (عقد$ is not عقدت)
    value: str
    count: str


_LETTERS = re.compile(r"[^\W\d_]+")
_CLITICS = ("وبال", "وكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "وك", "فب", "فل",
            "و", "ف", "ب", "ل", "ك")


@cache
def metrics() -> dict[str, tuple[_Key, ...]]:
    """Metric keys (patterns/figure_metrics.tsv) by the first two letters of their first word, longest first."""
    index: dict[str, list[_Key]] = {}
    for row in load_table("figure_metrics.tsv"):
        key = row[0]
        words = tuple(key.rstrip("$").split())
        k = _Key(words, key.endswith("$"), row[1] if len(row) > 1 else "", row[2] if len(row) > 2 else "")
        index.setdefault(words[0][:2], []).append(k)
    return {p: tuple(sorted(ks, key=lambda k: -len(" ".join(k.words)))) for p, ks in index.items()}


def _stems(token: str) -> list[tuple[int, str]]:
    """(clitic length, rest) readings of a token: itself, and without و ف ب ل ك and the article."""
    out = [(0, token)]
    for c in _CLITICS:
        if token.startswith(c) and len(token) - len(c) >= 2:
            out.append((len(c), token[len(c):]))
    return out


def _word_ok(stem: str, word: str, whole: bool) -> bool:
    return stem == word if whole else stem.startswith(word)


def _metric_tokens(text: str, lo: int, hi: int) -> list[Hit]:
    index = metrics()
    toks = [(m.start(), m.end(), m.group()) for m in _LETTERS.finditer(text, lo, hi)]
    out: list[Hit] = []
    i = 0
    while i < len(toks):
        s0, _e0, tok = toks[i]
        best: tuple[int, int, int, _Key] | None = None  # (length, start, end token index, key)
        for skip, stem in _stems(tok):
            for key in index.get(stem[:2], ()):
                n = len(key.words)
                if not _word_ok(stem, key.words[0], key.whole and n == 1):
                    continue
                j = i
                ok = True
                for w_i, w in enumerate(key.words[1:], 1):
                    j += 1
                    if j >= len(toks) or text[toks[j - 1][1]:toks[j][0]].strip(" _#\u00a0"):
                        ok = False
                        break
                    last = key.whole and w_i == n - 1
                    if not any(_word_ok(st, w, last) for _, st in _stems(toks[j][2])):
                        ok = False
                        break
                if ok:
                    size = len(" ".join(key.words))
                    if best is None or size > best[0]:
                        best = (size, s0 + skip, j, key)
                    break  # keys are longest first within a prefix
        if best is not None:
            _, start, j, key = best
            out.append(Hit(start, toks[j][1], key.value, key.count))
            i = j + 1
        else:
            i += 1
    return out


@cache
def _phrase_regex(name: str, any_ending: bool = False) -> re.Pattern[str]:
    lines = load_lines(name)
    forms = sorted({*lines, *("لل" + f[2:] for f in lines if f.startswith("ال"))}, key=len, reverse=True)  # للمملكة
    end = r"\w*" if any_ending else r"(?![\w\u0610-\u061a\u064b-\u065f\u0670\u0640])"
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(r"(?<![^\W_])[وفبل]?(?:" + body + ")" + end)


@cache
def _change_words() -> tuple[re.Pattern[str], dict[str, int]]:
    sign = {k: (1 if s == "+" else -1 if s == "-" else 0) for k, s, *_ in load_table("figure_change_words.tsv")}
    body = "|".join(re.escape(k) for k in sorted(sign, key=len, reverse=True))
    wc = r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]"
    return re.compile(r"(?<!" + wc + r")(?:[وف]?[بل]?)(" + body + r")(?!" + wc + ")"), sign


@cache
def _measures() -> frozenset[str]:
    """Units of physical measure (``t``، ``barrel``، ``MW``: the number layer's units.tsv), not money."""
    path = Path(numbers.__file__).parent / "lexicons" / "units.tsv"
    rows = (line.split("\t")[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(r for r in rows if r and not r.startswith("#"))


@cache
def _comparison_words() -> frozenset[str]:
    return frozenset(load_lines("figure_comparison_words.txt"))


@cache
def _subset_words() -> frozenset[str]:
    return frozenset(load_lines("figure_subset_words.txt"))


# --------------------------------------------------------------------------------------------- clauses


@dataclass
class Clause:
    """A clause of a sentence: original and folded (article view) offsets, and its spans."""

    index: int
    start: int
    end: int
    fs: int
    fe: int
    seg: int
    spans: list[Span] = field(default_factory=list)

    def numbers(self) -> list[Span]:
        return [s for s in self.spans if s.kind in ("amount", "percent")]


@dataclass(frozen=True)
class Hit:
    fs: int
    fe: int
    value: str
    count: str


@dataclass
class Unit:
    """A sentence cut into clauses, with the folded view of the whole article."""

    sent: Sentence
    clauses: list[Clause]
    view: Folded
    heading: bool
    hits: list[Hit] | None = None
    names: list[tuple[int, int]] = field(default_factory=list)  # folded ranges of the bodies' names
    fmap: dict[int, int] = field(default_factory=dict)

    def text(self, fs: int, fe: int) -> str:
        return self.view.text[fs:fe]

    def fpos(self, offset: int) -> int:
        got = self.fmap.get(offset)
        if got is None:
            got = self.fmap[offset] = self.view.find_from_original(offset)
        return got

    def clause_of(self, offset: int) -> Clause:
        for c in self.clauses:
            if c.start <= offset < c.end:
                return c
        return self.clauses[-1]


def unit_of(article: Article, sent: Sentence) -> Unit | None:
    """A sentence cut into clauses (cached per sentence for both the figure and the target extractors)."""
    cache: dict[int, Unit | None] = article.cache.setdefault("figure_units", {})
    if sent.index in cache:
        return cache[sent.index]
    view = folded_view(article)
    pieces: list[tuple[int, int, int]] = []
    pos, seg = 0, 0
    for m in _CLAUSE_CUT.finditer(sent.text):
        if m.start() > pos:
            pieces.append((sent.start + pos, sent.start + m.start(), seg))
        if "." in m.group():
            seg += 1
        pos = m.end()
    if pos < len(sent.text):
        pieces.append((sent.start + pos, sent.end, seg))
    clauses = [Clause(i, s, e, view.find_from_original(s), view.find_from_original(e), g,
                      [sp for sp in sent.spans if s <= sp.start and sp.end <= e])
               for i, (s, e, g) in enumerate(pieces)]
    unit = Unit(sent, clauses, view, _heading(article, sent)) if clauses else None
    cache[sent.index] = unit
    return unit


def _heading(article: Article, sent: Sentence) -> bool:
    """A short line of its own with no closing stop: a title or a sub-heading."""
    text = article.original
    before = text[max(0, sent.start - 1):sent.start]
    after = text[sent.end:sent.end + 1]
    return (before in ("", "\n") and after in ("", "\n") and len(sent.text) < 120
            and sent.text[-1:] not in ".!?؟:" and not sent.list_item)


# --------------------------------------------------------------------------------------------- metric


def metric_hits(unit: Unit, clause: Clause) -> list[Hit]:
    """Metric words of a clause (one regex pass per sentence, kept on the unit); a measure inside the name of a
    body (``صندوق الاستثمارات العامة``، ``الشركة العربية للاستثمار``) measures nothing (a company word still says
    the number is one company's)."""
    if unit.hits is None:
        names = unit.names = [(unit.fpos(sp.start), unit.fpos(sp.end)) for sp in unit.sent.spans if sp.kind == "org"]
        unit.hits = [h for h in _metric_tokens(unit.view.text, unit.clauses[0].fs, unit.clauses[-1].fe)
                     if h.value == "-" or not any(a <= h.fs and h.fe <= b for a, b in names)]
    return [h for h in unit.hits if clause.fs <= h.fs and h.fe <= clause.fe]


def value_metric(unit: Unit, clause: Clause, fpos: int, back: int = 2) -> tuple[str | None, Clause]:
    """The metric of a value (money, tonnes, a share) at folded offset ``fpos`` of ``clause``: a word right after
    it (``22 مليار دولار صادرات``), else the nearest word before it in the clause, then a word after it with no
    other number between, then the nearest in up to ``back`` clauses before. ``"-"``: no figure."""
    hits = metric_hits(unit, clause)
    if any(h.value == "x" and h.fe <= fpos for h in hits):
        return "-", clause
    if _deal_purpose(unit.view.text, [h for h in hits if h.fe <= fpos]):
        return "-", clause
    hits = [h for h in hits if h.value != "x"]
    text = unit.view.text
    others = [unit.fpos(n.start) for n in clause.numbers() if unit.fpos(n.start) > fpos]
    after = [h for h in hits if h.fs >= fpos and h.value and not any(o < h.fs for o in others)]
    if after and len(_WORD.findall(text[fpos:after[0].fs])) <= 4:
        first = after[0]
        gap = _WORD.findall(text[fpos:first.fs])
        if len(gap) <= 4 and not any(w in ("في", "من", "الي", "علي") for w in gap[2:]):
            return first.value, clause
    before = [h for h in hits if h.fe <= fpos]
    for i in range(len(before) - 1, -1, -1):
        h = before[i]
        if h.value:
            return _agent_of(unit, before[:i], h) or h.value, clause
    if after:
        return after[0].value, clause
    i = clause.index - 1
    while i >= 0 and back > 0:
        prev = unit.clauses[i]
        if prev.seg != clause.seg:
            break
        for h in reversed(metric_hits(unit, prev)):
            if h.value and h.value != "x":
                return h.value, prev
        back -= 1
        i -= 1
    return None, clause


_RELATIVE = re.compile(r"(?<!\w)(?:التي|الذي|اللتين|اللذين|اللواتي)(?!\w)")


def _agent_of(unit: Unit, earlier: list[Hit], h: Hit) -> str | None:
    """``قيمة المشاريع التي تنفذها شركة أكوا``: a company's name in a relative clause on a measure is the agent of
    that measure, not the owner of the number: the measure before it."""
    if h.value != "-" or not any(a <= h.fs < b for a, b in unit.names):
        return None
    for e in reversed(earlier):
        if e.value in ("-", "x"):
            return None
        if e.value and _RELATIVE.search(unit.view.text, e.fe, h.fs):
            return e.value
    return None


def _deal_purpose(text: str, hits: list[Hit]) -> bool:
    """``مذكرة تفاهم ... لاستثمار 500 مليون``، ``اتفاقية لتمويل مشاريع بقيمة``: a deal word (a document, a loan,
    a grant) and after it a measure word with the purpose لـ: the amount is the deal's."""
    deal = next((i for i, h in enumerate(hits) if h.value == "-" and h.count == "-"), None)
    if deal is None:
        return False
    for h in hits[deal + 1:]:
        i = h.fs
        while i > 0 and text[i - 1].isalpha():
            i -= 1
        if text[i:h.fs] in ("ل", "لل", "ول", "ولل", "فل", "فلل"):
            return True
    return False


def count_metric(unit: Unit, span: Span) -> str | None:
    """The metric a count's own noun names (``59 شركة`` -> companies), ``"-"`` for deals, None for other nouns."""
    fs, fe = unit.fpos(span.start), unit.fpos(span.end)
    for h in _metric_tokens(unit.view.text, fs, fe):
        return h.count or None
    return None


# --------------------------------------------------------------------------------------------- countries


@dataclass
class Place:
    code: str
    start: int
    role: str | None  # "origin" (من), "dest" (إلى، لـ), "in" (في، بـ) or None (no preposition)
    strong: bool  # a country span or demonym (not a city or a person's country)


def _words_before(unit: Unit, fpos: int, lo: int, n: int = 3) -> list[str]:
    return _WORD.findall(unit.view.text[max(lo, fpos - 40):fpos])[-n:]


def _demonym(span: Span) -> bool:
    """``الكازاخستاني``، ``تركية``: an adjective of nationality (it may follow the noun a preposition governs)."""
    return span.kind == "country" and fold(span.text).endswith(("ي", "يه", "يين", "يون", "يات"))


def _role(unit: Unit, clause: Clause, span: Span) -> str | None:
    """``من X`` -> origin; ``إلى X``، ``لـX``، ``في X``، ``في الاقتصاد الكازاخستاني`` -> destination."""
    fpos = unit.fpos(span.start)
    glued = unit.view.text[max(0, fpos - 2):fpos]
    if glued[-1:] == "ب" and (len(glued) < 2 or not glued[-2].isalpha() or glued[-2] in "وف"):
        return "in"
    if glued[-1:] == "ل" and (len(glued) < 2 or not glued[-2].isalpha() or glued[-2] in "لوف"):
        return "dest"
    reach = 3 if _demonym(span) else 2 if span.kind in ("place", "org") else 1
    for w in reversed(_words_before(unit, fpos, clause.fs, reach)):
        if w in _ORIGIN_PREP:
            return "origin"
        if w in _DEST_PREP or (w[:1] == "و" and w[1:] in _DEST_PREP):
            return "in" if w.removeprefix("و") in _IN_PREP else "dest"
        if w.isdigit():
            break
    return None


def places(unit: Unit, clauses: list[Clause]) -> list[Place]:
    out: list[Place] = []
    for c in clauses:
        for s in c.spans:
            code = span_country(s)
            if not code:
                continue
            role = _role(unit, c, s)
            if s.kind == "place" and role is None:
                continue  # a city only counts as a destination or origin (عبر خط باكو is no party)
            out.append(Place(code, s.start, role, s.kind == "country"))
    return out


def partner_marker(unit: Unit, clauses: list[Clause]) -> bool:
    return any(partner_marker_between(unit, c.fs, c.fe) for c in clauses)


def partner_marker_between(unit: Unit, fs: int, fe: int) -> bool:
    return _phrase_regex("figure_partner_words.txt").search(unit.view.text, fs, fe) is not None


def _pronoun_owner(unit: Unit, clauses: list[Clause], named: str, pair: tuple[str, ...]) -> bool:
    """A measure with a pronoun (``صادراتها``) whose antecedent is the pair's other side: a country of the pair
    other than ``named`` or a word for a state (``المملكة``) earlier in the sentence (``وتعد المملكة أكبر مورد
    للنفط إلى الصين، إذ بلغت صادراتها``)."""
    regex = _phrase_regex("figure_pronoun_words.txt")
    hit = next((m for c in clauses for m in [regex.search(unit.view.text, c.fs, c.fe)] if m), None)
    if hit is None:
        return False
    lo = unit.clauses[0].fs
    if partner_marker_between(unit, lo, hit.start()):
        return True
    return any(sp.kind == "country" and span_country(sp) in pair and span_country(sp) != named
               and unit.fpos(sp.end) <= hit.start() for sp in unit.sent.spans)


def choose_countries(article: Article, unit: Unit, clauses: list[Clause], metric: str,
                     near: int, counted: bool = True) -> tuple[list[str], dict[str, str | None]] | None:
    """The two countries of a measure and their roles; None when it is a one-country number."""
    found = places(unit, clauses)
    codes: list[str] = []
    for p in sorted(found, key=lambda p: (p.role is None, not p.strong, abs(p.start - near))):
        if p.code not in codes:
            codes.append(p.code)
    pair = main_pair(article)
    if len(codes) > 2:
        ranked = sorted(codes, key=lambda c: (pair is None or c not in pair, codes.index(c)))
        codes = ranked[:2]
    roles: dict[str, str | None] = {}
    for p in found:
        if p.code in codes and roles.get(p.code) is None:
            roles[p.code] = p.role
    if len(codes) < 2:
        if pair is None:
            return None
        marker = partner_marker(unit, clauses)
        if len(codes) == 1:
            if codes[0] not in pair:
                return None
            owner = roles.get(codes[0]) is not None and _pronoun_owner(unit, clauses, codes[0], pair)
            if not (marker or owner or metric in _BILATERAL):
                return None
            other = pair[1] if pair[0] == codes[0] else pair[0]
            codes.append(other)
            roles[other] = "implied"
        else:
            if not (marker or (metric in _BILATERAL and (counted or metric != "projects"))):
                return None  # projects with no country, no count and value, no word for both sides: some plan's
            codes = list(pair)
            roles = {c: "implied" for c in codes}
    return sorted(codes), roles


def direction(metric: str, countries: list[str], roles: dict[str, str | None]) -> tuple[str | None, str | None]:
    """(from, to) of a directed metric. Roles: origin/dest from a preposition, None for a country named without
    one (the origin, or the destination of imports), "implied" for the partner the main pair supplied."""
    if metric not in _DIRECTED:
        return None, None
    unmarked = "dest" if metric == "import" else "origin"
    a, b = countries
    ra, rb = (("dest" if r == "in" else r) for r in (roles.get(a), roles.get(b)))
    if metric == "freight" and ra in (None, "implied") and rb in (None, "implied"):
        return None, None
    ra = unmarked if ra is None else ra
    rb = unmarked if rb is None else rb
    flip = {"origin": "dest", "dest": "origin"}
    if ra == "implied" and rb != "implied":
        ra = flip[rb]
    elif rb == "implied" and ra != "implied":
        rb = flip[ra]
    if ra == rb or "implied" in (ra, rb):
        return None, None
    return (a, b) if ra == "origin" else (b, a)


def currency(unit_code: str, countries: list[str], article: Article) -> str:
    """An ISO code for a bare ``دينار``/``ريال``: the outlet's own currency when it is a party, else the party's
    most mentioned in the article that has one."""
    if len(unit_code) == 3 or unit_code in ("t", "count", "percent"):
        return unit_code
    home = outlet_country(article)
    ranked = article_countries(article)
    order = sorted(countries, key=lambda c: (c != home, ranked.index(c) if c in ranked else 99))
    for c in [*order, *ranked]:
        code = resolve_currency(unit_code, c)
        if code != unit_code:
            return code
    return unit_code


# --------------------------------------------------------------------------------------------- attributes


def _date_ok(span: Span) -> bool:
    v = span.value
    # a single day is when something was said or signed, not a period
    return not (isinstance(v, str) and "/" not in v and (len(v) == 10 or "W" in v))


def _comparison(unit: Unit, clause: Clause, span: Span) -> bool:
    words = _words_before(unit, unit.fpos(span.start), clause.fs, 2)
    cmp = _comparison_words()
    return any(w in cmp or w.removeprefix("ب") in cmp for w in words)


def period(unit: Unit, clause: Clause, number: Span) -> Span | None:
    """The date span of a figure: in its clause with no other number between, else a leading clause of dates."""
    nums = clause.numbers()
    best: tuple[int, Span] | None = None
    for d in clause.spans:
        if d.kind != "date" or not _date_ok(d) or _comparison(unit, clause, d):
            continue
        lo, hi = sorted((d.start, number.start))
        if any(lo < n.start < hi and n is not number and n.kind == "amount" for n in nums):
            continue
        dist = abs(d.start - number.start)
        if best is None or dist < best[0]:
            best = (dist, d)
    if best:
        return best[1]
    if clause.index > 0:
        prev = unit.clauses[clause.index - 1]
        if prev.seg == clause.seg and not prev.numbers() and not metric_hits(unit, prev):
            dates = [d for d in prev.spans if d.kind == "date" and _date_ok(d)]
            if dates:
                return dates[-1]
    return None


def change_of(unit: Unit, clause: Clause, span: Span) -> float | None:
    """The signed change a percentage states, or None when it is no change (a share)."""
    regex, sign = _change_words()
    fpos = unit.fpos(span.start)
    before = unit.view.text[clause.fs:fpos]
    near = before[-30:]
    hits = list(regex.finditer(near))
    if not hits:
        return None
    s = sign[hits[-1].group(1)]
    if s == 0:
        signs = [sign[h.group(1)] for h in regex.finditer(before) if sign[h.group(1)]]
        if not signs:
            return None
        s = signs[-1]
    value = float(span.value) if isinstance(span.value, (int, float)) else None
    if value is None:
        return None
    value = -value if s < 0 else value
    return int(value) if value.is_integer() else value


def approx_before(unit: Unit, clause: Clause, fpos: int) -> bool:
    return _phrase_regex("figure_approx.txt", any_ending=True).search(unit.view.text, clause.fs, fpos) is not None


def _subset(unit: Unit, clause: Clause, span: Span) -> bool:
    words = _words_before(unit, unit.fpos(span.start), clause.fs, 2)
    return any(w in _subset_words() or w[1:] in _subset_words() for w in words)


def _company_deal(unit: Unit, clause: Clause, number: Span) -> bool:
    """``ستستثمر شركة X 160 مليار``: one company's deal is a project, not a figure of the relation."""
    return any(s.kind == "org" and s.end <= number.start and number.start - s.end < 25 for s in clause.spans)


# --------------------------------------------------------------------------------------------- extraction


def _amount(span: Span) -> tuple[Any, str | None, bool]:
    v = span.value if isinstance(span.value, dict) else {}
    return v.get("value"), v.get("unit"), bool(v.get("approx"))


def extract(article: Article) -> list[Fact]:
    from alaqat.extract.target import claimed

    taken = claimed(article)
    facts: list[Fact] = []
    for sent in sentences(article):
        if not any(s.kind in ("amount", "percent") for s in sent.spans):
            continue
        unit = unit_of(article, sent)
        if unit is not None:
            facts.extend(_unit_figures(article, unit, taken))
    return facts


def _unit_figures(article: Article, unit: Unit, taken: set[int]) -> list[Fact]:
    out: list[tuple[Span, Fact]] = []
    used_counts: set[int] = set()
    changes: list[tuple[Clause, Span, float]] = []
    for clause in unit.clauses:
        nums = clause.numbers()
        companions = _companions(unit, nums, taken)
        counts = {c for c, _ in companions.values()}
        for span in nums:
            if span.start in taken or span.start in used_counts or span.start in counts:
                continue
            if span.kind == "percent":
                ch = change_of(unit, clause, span)
                if ch is not None:
                    changes.append((clause, span, ch))
                    continue
            fact = _figure(article, unit, clause, span, companions.get(span.start), used_counts)
            if fact is not None:
                out.append((span, fact))
    for clause, span, ch in changes:
        target = _change_owner(unit, clause, span, out)
        if target is not None and target.fields.get("change_pct") is None:
            target.fields["change_pct"] = ch
    return [f for _, f in out]


def _change_owner(unit: Unit, clause: Clause, span: Span, found: list[tuple[Span, Fact]]) -> Fact | None:
    same_clause = [(s, f) for s, f in found if clause.start <= s.start < clause.end]
    if same_clause:
        return min(same_clause, key=lambda sf: abs(sf[0].start - span.start))[1]
    if clause.numbers() != [span]:
        return None
    before = [(s, f) for s, f in found if s.start < clause.start and unit.clause_of(s.start).seg == clause.seg]
    return before[-1][1] if before else None


def _companions(unit: Unit, nums: list[Span], taken: set[int]) -> dict[int, tuple[int, bool]]:
    """Money (or tonnes) start -> (start of its count, whether the count comes after it): the count right before
    it in the clause (``45 مشروعًا ... بقيمة 14.5 مليار``), else projects or companies right after it
    (``2.4 مليار دولار في 1222 مشروعا``)."""
    out: dict[int, tuple[int, bool]] = {}
    last_count: Span | None = None
    free = [s for s in nums if s.start not in taken]
    for i, s in enumerate(free):
        if s.kind == "amount" and _amount(s)[1] == "count":
            last_count = s
        elif s.kind == "amount":
            if last_count is not None:
                out[s.start] = (last_count.start, False)
            elif i + 1 < len(free) and _amount(free[i + 1])[1] == "count" and free[i + 1].start - s.end < 20:
                nxt = free[i + 1]
                if count_metric(unit, nxt) in ("projects", "companies"):
                    out[s.start] = (nxt.start, True)
            last_count = None
    return out


def _figure(article: Article, unit: Unit, clause: Clause, span: Span, companion_at: tuple[int, bool] | None,
            used_counts: set[int]) -> Fact | None:
    value, unit_code, approx = _amount(span) if span.kind == "amount" else (span.value, "percent", False)
    if value is None or unit_code is None:
        return None
    fpos = unit.fpos(span.start)
    count: Any = None
    companion: Span | None = None
    if unit_code == "count":
        if _subset(unit, clause, span):
            return None
        metric = count_metric(unit, span)
        if metric == "vehicles":  # 7800 قطار شحن، 40 شاحنة مساعدات: freight only where goods are said
            metric = "freight" if _GOODS.search(unit.view.text, clause.fs, clause.fe) else None
        if metric in (None, "-"):
            return None
        if metric == "companies" and not _present(unit, clause):
            return None
        mclause = clause
    else:
        at, after = companion_at if companion_at else (-1, False)
        companion = next((b for b in clause.spans if b.start == at and b.kind == "amount"), None)
        cmetric = count_metric(unit, companion) if companion is not None and not after else None
        if cmetric == "-":
            return None
        metric, mclause = value_metric(unit, clause, fpos)
        if cmetric == "projects" or (cmetric == "companies" and metric in (None, "-", "investment")):
            metric = "projects" if cmetric == "projects" else "investment"
        if metric in (None, "-", "companies", "students", "meetings"):
            return None
        if unit_code in _measures() and (unit_code not in _GOODS_UNITS
                                         or metric not in ("freight", "export", "import", "trade")):
            return None  # tonnes, barrels, cubic metres of goods moved; megawatts, hectares, kilometres are no trade
        if unit_code == "percent":
            if metric not in ("export", "import") or not _share(unit, clause, span):
                return None
        elif metric == "freight" and unit_code != "t":
            return None
        if metric in ("investment", "export") and _company_deal(unit, clause, span):
            return None
        if companion is not None:
            count = _amount(companion)[0]
            used_counts.add(companion.start)
    if unit.heading and not _explicit(unit, clause):
        return None
    region = unit.clauses[mclause.index:clause.index + 1] if mclause.index <= clause.index else [clause]
    chosen = choose_countries(article, unit, region, metric, span.start, count is not None)
    if chosen is None:
        return None
    countries, roles = chosen
    src, dst = direction(metric, countries, roles)
    if metric == "import":
        metric = "export"
    approx = approx or approx_before(unit, clause, fpos)
    date = period(unit, clause, span)
    fields: dict[str, object] = {
        "metric": metric, "countries": countries, "from": src, "to": dst,
        "value": value, "unit": currency(unit_code, countries, article), "count": count,
        "period": date.value if date is not None else None, "change_pct": None, "approx": approx,
    }
    lo = min(mclause.start, clause.start)
    hi = clause.end
    if date is not None:
        lo, hi = min(lo, date.start), max(hi, date.end)
        lo = min(lo, unit.clause_of(date.start).start)
    conf = 0.6 + (0.15 if metric != "other" else 0.0) + (0.1 if len(region) == 1 else 0.0)
    fact = make_fact(article, "figure", fields, lo, hi, confidence=min(conf, 0.9))
    fact.aux["heading"] = unit.heading
    return fact


def _present(unit: Unit, clause: Clause) -> bool:
    """Companies that work, invest or are registered in the partner country (not a forum's participants)."""
    return _phrase_regex("figure_presence_words.txt", any_ending=True).search(
        unit.view.text, clause.fs, clause.fe) is not None


def _share(unit: Unit, clause: Clause, span: Span) -> bool:
    """``25% من حبوب كازاخستان``: a share of something, not a rate."""
    after = unit.view.text[unit.fpos(span.end):unit.fpos(span.end) + 6]
    return after.lstrip().startswith("من")


def _explicit(unit: Unit, clause: Clause) -> bool:
    """A heading gives a figure only with its countries or a word for both sides in it."""
    found = {p.code for p in places(unit, unit.clauses)}
    return len(found) >= 2 or partner_marker(unit, unit.clauses)


# --------------------------------------------------------------------------------------------- merging


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return bool(a == b)
    return x == y or abs(x - y) <= 0.02 * max(abs(x), abs(y))


def _agree(a: Any, b: Any) -> bool:
    return a is None or b is None or a == b


def same(a: Fact, b: Fact) -> bool:
    """One figure: same metric, countries, unit and value (within 2%), and periods and directions that agree."""
    fa, fb = a.fields, b.fields
    return (fa.get("metric") == fb.get("metric") and fa.get("countries") == fb.get("countries")
            and fa.get("unit") == fb.get("unit") and _close(fa.get("value"), fb.get("value"))
            and _agree(fa.get("period"), fb.get("period")) and _agree(fa.get("from"), fb.get("from"))
            and _agree(fa.get("count"), fb.get("count")))


__all__ = ["extract", "same"]
