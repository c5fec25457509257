"""The ``target`` fact: a number the sides aim for.

A clause with a goal word (data: patterns/target_words.tsv) gives a target:

* ``aim`` words (``هدف``، ``نسعى``، ``نطمح``، ``نتجه نحو``) take the first amount after them that follows
  ``إلى``/``نحو`` or comes right after the word (``هدفا قدره``);
* ``raise`` nouns (``زيادة``، ``رفع``، ``الوصول``) only when a measure follows them (``رفع حجم التبادل``) or
  ``إلى`` and the amount do; ``attain`` nouns (``بلوغ``) also when the amount is their object (``العمل على بلوغ
  15 مليار دولار``); ``للوصول`` is ``الوصول`` after لـ; ``raise_it`` nouns carry a pronoun (``لزيادته``) whose
  measure is the clause before's; a result word up to three words before (``ساهمت في زيادة``) vetoes them;
* ``future`` verbs (``سيصل``) and gated ``reach`` verbs (``أن يصل``) take the amount after ``إلى``;
* ``mult`` words (``مضاعفة``، ``ثلاثة أضعاف``: patterns/target_multipliers.tsv) give a multiplier, with the amount if
  one follows;
* an amount after ``إلى`` followed by a deadline (``بحلول 2030``) is a target too.

An amount after ``من`` is the starting point (a figure). The metric comes from the words between the goal word
and the amount, then after it (a heading: ``نتجه نحو 15 مليار دولار حجم التبادل التجاري``), then before, then the
clauses and the sentence before (``لزيادته``). Countries follow the figure rules (one country with nothing that
points to a partner is a country's own goal: no fact). ``due`` is the deadline or the date after the goal word
(``dates.due_of``; a forward span ``خلال السنوات الخمس المقبلة`` gives its end). Amounts a target takes are never
figures (``claimed``); ``same`` merges a heading with the sentence that states the same goal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from alaqat.arabic.dates import due_of, end_of
from alaqat.arabic.normalise import fold
from alaqat.extract.context import load_lines, load_table, make_fact, sentences
from alaqat.extract.figure import (
    Clause,
    Unit,
    choose_countries,
    count_metric,
    currency,
    metric_hits,
    unit_of,
)
from alaqat.model import Article, Fact, Span

_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+")
_B = r"(?<![\w\u0610-\u061a\u064b-\u065f\u0670\u0640])"
_E = r"(?![\w\u0610-\u061a\u064b-\u065f\u0670\u0640])"
_APPROX = ("حوالي", "نحو", "اكثر", "من", "ما", "يزيد", "علي", "عن", "يقارب", "قرابه", "قدره", "قدرها", "يبلغ")
_LEAD = ("الي", "نحو", "مستوي", "حاجز", "عتبه", "لتبلغ", "ليبلغ", "لتصل", "ليصل")


@cache
def _triggers() -> tuple[re.Pattern[str], dict[str, str]]:
    kinds = {w: k for w, k, *_ in load_table("target_words.tsv")}
    for w, k in list(kinds.items()):  # للوصول، للسعي: the preposition لـ takes the article's alef
        if w.startswith("ال") and k not in ("future", "reach"):
            kinds.setdefault("ل" + w[2:], k)
    loose = [w for w, k in kinds.items() if k not in ("future", "reach")]
    strict = [w for w, k in kinds.items() if k in ("future", "reach")]

    def alt(ws: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))

    regex = re.compile(_B + r"(?:[وف]?ل?(" + alt(loose) + r")|[وف]?(" + alt(strict) + r"))" + _E)
    return regex, kinds


@cache
def _multipliers() -> tuple[re.Pattern[str], dict[str, int]]:
    table = {k.replace(" ", " "): int(n) for k, n, *_ in load_table("target_multipliers.tsv")}
    body = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(table, key=len, reverse=True))
    return re.compile(_B + r"[وفبل]?(" + body + ")" + _E), table


@cache
def _raise_not() -> frozenset[str]:
    return frozenset(load_lines("target_raise_not.txt"))


@cache
def _gates() -> frozenset[str]:
    return frozenset(load_lines("target_future_gates.txt"))


@dataclass
class _Goal:
    unit: Unit
    clause: Clause
    fs: int  # folded offsets of the goal word
    fe: int
    start: int  # original offset of the goal word
    kind: str
    amount: Span | None
    amount_clause: Clause | None
    multiplier: int | None


def _words_before(text: str, fpos: int, lo: int, n: int) -> list[str]:
    return _WORD.findall(text[max(lo, fpos - 40):fpos])[-n:]


def _amounts_after(unit: Unit, clause: Clause, fpos: int) -> list[tuple[Clause, Span]]:
    out = []
    for c in unit.clauses[clause.index:clause.index + 3]:
        if c.seg != clause.seg:
            break
        for s in c.spans:
            if (s.kind == "amount" and unit.fpos(s.start) >= fpos and isinstance(s.value, dict)
                    and s.value.get("unit") != "percent"):
                out.append((c, s))
    return out


def _led(unit: Unit, clause: Clause, span: Span, goal_fe: int, kind: str) -> bool:
    """Is the amount introduced as a level to reach: right after إلى/نحو (an approximation word may stand
    between: إلى نحو، إلى أكثر من), or right after an aim word (``هدفا قدره``)?"""
    text = unit.view.text
    fpos = unit.fpos(span.start)
    words = [w for w in _words_before(text, fpos, clause.fs, 4) if w not in _APPROX]
    if words:
        w = words[-1]
        if w in _LEAD or (w[:1] in "ول" and w[1:] in _LEAD):
            return True
    gap = [w for w in _WORD.findall(text[goal_fe:fpos]) if w not in _APPROX]
    if kind in ("future", "reach", "attain"):  # أن يبلغ حجم التبادل التجاري 150 مليار دولار: the verb's object
        return len(gap) <= 5 and not any(w in ("من", "عن", "حاليا") for w in gap)
    return kind == "aim" and len(gap) <= 1


def _measure_next(unit: Unit, clause: Clause, fe: int) -> bool:
    """A measure right after a raise noun (``زيادة حجم التبادل``، ``رفع مستوى الصادرات``)."""
    for h in metric_hits(unit, clause):
        if h.fs >= fe and h.value not in ("", "-", "x"):
            return len(_WORD.findall(unit.view.text[fe:h.fs])) <= 2
    return False


def _goals(article: Article) -> list[_Goal]:
    cached = article.cache.get("target_goals")
    if cached is not None:
        return list(cached)
    regex, kinds = _triggers()
    mregex, mtable = _multipliers()
    out: list[_Goal] = []
    for sent in sentences(article):
        if not regex.search(sent.folded) and not any(
                d.kind == "date" and str(d.value).startswith("../") for d in sent.spans):
            continue
        unit = unit_of(article, sent)
        if unit is None:
            continue
        taken: set[int] = set()
        for clause in unit.clauses:
            text = unit.view.text
            for m in regex.finditer(text, clause.fs, clause.fe):
                word = m.group(1) or m.group(2)
                kind = kinds.get(word, "")
                fs, fe = m.start(), m.end()
                if kind == "reach":
                    before = _words_before(text, fs, clause.fs, 1)
                    if not before or before[-1] not in _gates():
                        continue
                goal = _goal(unit, clause, fs, fe, kind, mregex, mtable, taken)
                if goal is not None:
                    out.append(goal)
                    if goal.amount is not None:
                        taken.add(goal.amount.start)
            _deadline_goal(unit, clause, out, taken)
    article.cache["target_goals"] = out
    return list(out)


def _goal(unit: Unit, clause: Clause, fs: int, fe: int, kind: str, mregex: re.Pattern[str],
          mtable: dict[str, int], taken: set[int]) -> _Goal | None:
    text = unit.view.text
    amount: Span | None = None
    amount_clause: Clause | None = None
    for c, s in _amounts_after(unit, clause, fe):
        if s.start in taken:
            continue
        if c is not clause and not _opens_with_lead(unit, c):
            break  # a later clause gives the level only when it starts with إلى (after a relative clause)
        if _led(unit, c, s, fe, kind):
            amount, amount_clause = s, c
            break
    multiplier = None
    if kind == "mult":
        multiplier = 2
    mm = [x for x in mregex.finditer(text, clause.fs, clause.fe)]
    if mm and (kind == "mult" or any(x.start() >= fe for x in mm)):
        multiplier = max(mtable.get(" ".join(x.group(1).split()), 2) for x in mm)
    if kind in ("raise", "raise_it", "attain") and any(
            w in _raise_not() or w[1:] in _raise_not() for w in _words_before(text, fs, clause.fs, 3)):
        return None  # ساهمت (المعارض) في زيادة ... إلى: a result
    measured = _measure_next(unit, clause, fe) or (amount is not None and _right_after(unit, fe, amount, kind))
    if kind in ("raise", "attain", "mult") and not measured:
        return None  # زيادة كبيرة، مضاعفة الرسوم: no measure of the relation follows
    if amount is None and multiplier is None:
        return None
    return _Goal(unit, clause, fs, fe, unit.view.to_original(fs, fs)[0], kind, amount, amount_clause, multiplier)


def _opens_with_lead(unit: Unit, clause: Clause) -> bool:
    first = _WORD.findall(unit.view.text[clause.fs:clause.fs + 12])[:1]
    return bool(first) and (first[0] in _LEAD or first[0][1:] in _LEAD)


def _right_after(unit: Unit, fe: int, amount: Span, kind: str) -> bool:
    """``الوصول إلى 10 مليارات``: the amount is the next thing after the raise noun and إلى (``بلوغ 10 مليارات``:
    right after an attain noun)."""
    gap = _WORD.findall(unit.view.text[fe:unit.fpos(amount.start)])
    if kind == "attain" and not [w for w in gap if w not in _APPROX]:
        return True
    return len(gap) <= 2 and any(w in ("الي", "لل", "نحو") for w in gap)


def _deadline_goal(unit: Unit, clause: Clause, out: list[_Goal], taken: set[int]) -> None:
    """``أن يصل التبادل إلى 10 مليارات بحلول 2030`` without a goal word: إلى + amount + a deadline."""
    deadlines = [d for d in clause.spans if d.kind == "date" and isinstance(d.value, str) and d.value.startswith("../")]
    if not deadlines:
        return
    for s in clause.spans:
        if s.kind != "amount" or s.start in taken or s.start > deadlines[0].start:
            continue
        if isinstance(s.value, dict) and s.value.get("unit") == "percent":
            continue
        words = _words_before(unit.view.text, unit.fpos(s.start), clause.fs, 2)
        if words and (words[-1] in _LEAD or words[-1][1:] in _LEAD):
            fs = unit.fpos(s.start)
            out.append(_Goal(unit, clause, fs, fs, s.start, "deadline", s, clause, None))
            taken.add(s.start)
            return


def claimed(article: Article) -> set[int]:
    """Original start offsets of the amounts that targets take (never figures)."""
    return {g.amount.start for g in _goals(article) if g.amount is not None}


# --------------------------------------------------------------------------------------------- facts


def _metric(article: Article, goal: _Goal) -> tuple[str | None, Clause]:
    unit, clause = goal.unit, goal.clause
    if goal.amount is not None:
        v = goal.amount.value if isinstance(goal.amount.value, dict) else {}
        if v.get("unit") == "count":  # a count names its own measure (ألف طالب), or it is no goal of ours
            cm = count_metric(unit, goal.amount)
            return (cm if cm != "-" else None), clause
    end_clause = goal.amount_clause or clause
    a_pos = unit.fpos(goal.amount.start) if goal.amount is not None else clause.fe
    hits = [h for c in unit.clauses[clause.index:end_clause.index + 1] for h in metric_hits(unit, c)]
    if goal.kind != "raise_it":
        between = [h for h in hits if goal.fe <= h.fs < a_pos and h.value]
        if between:
            return between[-1].value, clause
        after = [h for h in hits if h.fs >= a_pos and h.value and h.fs < end_clause.fe]
        if after:
            return after[0].value, clause
        before = [h for h in metric_hits(unit, clause) if h.fe <= goal.fs and h.value]
        if before:
            return before[-1].value, clause
    for c in reversed(unit.clauses[:clause.index]):
        hs = [h for h in metric_hits(unit, c) if h.value]
        if hs:
            return hs[-1].value, c
    prev = _previous_unit(article, unit)
    if prev is not None:
        for c in reversed(prev.clauses):
            hs = [h for h in metric_hits(prev, c) if h.value]
            if hs:
                return hs[-1].value, clause
    return None, clause


def _previous_unit(article: Article, unit: Unit) -> Unit | None:
    if unit.sent.index == 0:
        return None
    return unit_of(article, sentences(article)[unit.sent.index - 1])


def _due(goal: _Goal, region: list[Clause]) -> tuple[str | None, Span | None]:
    dates = [d for c in region for d in c.spans if d.kind == "date" and d.start >= goal.start]
    deadline = [d for d in dates if isinstance(d.value, str) and d.value.startswith("../")]
    for d in deadline + dates:
        v = d.value
        if not isinstance(v, str) or not v:
            continue
        if "/" not in v and len(v) == 10 and d not in deadline:
            continue  # a day is when something was said
        f = fold(d.text)
        if "/" in v and not v.startswith("../") and ("مقبل" in f or "قادم" in f):
            end = end_of(v)
            return (end[:4] if end else None), d
        return due_of(d), d
    return None, None


def extract(article: Article) -> list[Fact]:
    facts: list[Fact] = []
    for goal in _goals(article):
        fact = _fact(article, goal)
        if fact is not None:
            facts.append(fact)
    return facts


def _fact(article: Article, goal: _Goal) -> Fact | None:
    unit = goal.unit
    metric, mclause = _metric(article, goal)
    if metric in (None, "-", "x"):
        return None
    if metric == "import":
        metric = "export"
    end_clause = goal.amount_clause or goal.clause
    lo_clause = min(mclause.index, goal.clause.index)
    region = unit.clauses[lo_clause:end_clause.index + 1]
    chosen = choose_countries(article, unit, region, metric, goal.start)
    if chosen is None:
        return None
    countries, _ = chosen
    value: Any = None
    unit_code: str | None = None
    if goal.amount is not None and isinstance(goal.amount.value, dict):
        value = goal.amount.value.get("value")
        unit_code = currency(str(goal.amount.value.get("unit")), countries, article)
    due, due_span = _due(goal, unit.clauses[goal.clause.index:end_clause.index + 1])
    fields: dict[str, object] = {"metric": metric, "countries": countries, "value": value, "unit": unit_code,
                                 "multiplier": goal.multiplier, "due": due}
    lo = unit.clauses[lo_clause].start
    if any(c.numbers() for c in unit.clauses[lo_clause:goal.clause.index]):
        lo = goal.clause.start  # the measure was named with another level (إلى 10 مليارات، على أن ... بلوغ 15)
    hi = end_clause.end
    if due_span is not None:
        hi = max(hi, unit.clause_of(due_span.start).end)
    conf = 0.65 + (0.15 if goal.kind in ("aim", "raise", "raise_it", "attain", "mult") else 0.0)
    fact = make_fact(article, "target", fields, lo, hi, confidence=conf)
    fact.aux["heading"] = unit.heading
    return fact


def _close(a: Any, b: Any) -> bool:
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return x == y or abs(x - y) <= 0.02 * max(abs(x), abs(y))


def same(a: Fact, b: Fact) -> bool:
    """One target: same metric and countries, the same level (value and unit, or multiplier), dues that agree."""
    fa, fb = a.fields, b.fields
    if fa.get("metric") != fb.get("metric") or fa.get("countries") != fb.get("countries"):
        return False
    da, db = fa.get("due"), fb.get("due")
    if da and db and da != db:
        return False
    if fa.get("value") is not None and fb.get("value") is not None:
        return fa.get("unit") == fb.get("unit") and _close(fa.get("value"), fb.get("value"))
    ma, mb = fa.get("multiplier"), fb.get("multiplier")
    return ma is not None and ma == mb


__all__ = ["claimed", "extract", "same"]
