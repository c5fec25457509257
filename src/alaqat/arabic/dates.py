"""The "when" recogniser: dates, ranges, Hijri dates, relative dates, periods and deadlines.

``find_dates(folded, published)`` scans the folded text with one compiled pattern (month names, relative
words and period words come from ``lexicons/*.tsv``), resolves each match to a value and returns ``date``
spans whose offsets point into the original text.

Values (the contract of ``alaqat spans``):

* an ISO string at the precision the text gives: ``2025``, ``2025-08``, ``2025-08-26``; a week ``2018-W24``;
* an interval ``a/b`` for a range or a period, open ends written ``..`` (``2005/..``, ``../2026-12-31``);
* ``None`` for a date the text gives but that cannot be resolved (a relative date without publication date).

Rules where the text is silent (documented here because other parts rely on them):

* **Day or month without a year** (``يوم 26 أغسطس``, ``في يونيو``): with a publication date, the occurrence of
  that day/month nearest to it (ties go to the past); without one, the year of the nearest explicit year
  stated earlier in the same sentence; otherwise ``None``.
* **Relative dates** resolve against the publication date only (``أمس``, ``العام الماضي``, ``أكتوبر الماضي`` = the
  latest October strictly before the publication month, ``أكتوبر المقبل`` the next after it, ``أكتوبر الجاري`` the
  publication month); ``العام السابق/التالي/نفسه`` refer to the year stated earlier in the sentence, never to the
  publication date. No publication date: ``None``.
* **Spans of N units** (``على مدى السنوات الخمس الماضية``, ``خلال السنوات العشر الأخيرة``, ``الـ32 عاما الماضية``):
  ``(P-N)/P`` at the unit's precision, P the publication year (month, week, day); forward spans (``المقبلة``)
  ``P/(P+N)``. No publication date: ``None``.
* **Parts of a year**: halves and quarters are month intervals (``2026-07/2026-12``); ``مطلع/بداية/أوائل`` a year
  -> its January, ``منتصف`` -> June, ``نهاية/أواخر`` -> December; with a month they keep the month.
* **Operators**: ``منذ X`` -> ``start(X)/..``; ``بحلول/حتى X`` -> ``../end(X)``;
  ``بحلول نهاية X`` -> ``../<last day of X>``.
* A numeric date with a year below 1500 is Hijri (converted with hijridate, Umm al-Qura); a Hijri month needs a
  year, and a Hijri month or year alone is its Gregorian day interval.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from hijridate import Hijri

from alaqat.arabic.normalise import Folded, fold
from alaqat.arabic.tokens import DATE_ANCHOR, DATE_START, DIGIT, LATIN, TOKEN, tokens
from alaqat.model import Span

_LEX = Path(__file__).with_name("lexicons")

# --------------------------------------------------------------------------------------------- lexicons


def _rows(name: str) -> list[list[str]]:
    out: list[list[str]] = []
    with open(_LEX / name, encoding="utf-8") as fh:
        header_seen = False
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if not header_seen:  # the first non-comment line names the columns
                header_seen = True
                continue
            out.append(line.split("\t"))
    return out


def _f(word: str) -> str:
    return " ".join(fold(word).split())


@dataclass(frozen=True)
class _Lex:
    months: dict[str, tuple[int, bool]]  # folded name -> (month, weak)
    hijri: dict[str, int]
    fixed: dict[str, tuple[str, int]]
    units: dict[str, str]
    dirs: dict[str, str]
    this: frozenset[str]
    ago: dict[str, int]
    counts: dict[str, tuple[str, str]]
    spans: dict[str, tuple[str, int]]
    pdirs: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    numbers: dict[str, int]
    mods: dict[str, str]
    ops: dict[str, str]
    pres: dict[str, str]
    conns: frozenset[str]
    yearwords: dict[str, int]
    eras: dict[str, str]
    blockers: frozenset[str]


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    months = {_f(r[0]): (int(r[1]), r[3] == "weak") for r in _rows("months.tsv")}
    hijri = {_f(r[0]): int(r[1]) for r in _rows("hijri_months.tsv")}
    rel: dict[str, list[list[str]]] = {}
    for r in _rows("relative_dates.tsv"):
        rel.setdefault(r[0], []).append(r[1:])
    words: dict[str, list[list[str]]] = {}
    for r in _rows("date_words.tsv"):
        words.setdefault(r[0], []).append(r[1:])
    return _Lex(
        months=months,
        hijri=hijri,
        fixed={_f(w): (u, int(v)) for w, u, v in rel["fixed"]},
        units={_f(w): u for w, u, _ in rel["unit"]},
        dirs={_f(w): v for w, _, v in rel["dir"]},
        this=frozenset(_f(w) for w, _, _ in rel["this"]),
        ago={_f(w): int(v) for w, _, v in rel["ago"]},
        counts={_f(w): (u, v) for w, u, v in rel["count"]},
        spans={_f(w): (u, int(v)) for w, u, v in rel["span"]},
        pdirs={_f(w): int(v) for w, _, v in rel["pdir"]},
        weekdays={_f(w): int(v) for w, _, v in rel["weekday"]},
        ordinals={_f(w): int(v) for w, v in words["ordinal"]},
        numbers={_f(w): int(v) for w, v in words["number"]},
        mods={_f(w): v for w, v in words["mod"]},
        ops={_f(w): v for w, v in words["op"]},
        pres={_f(w): v for w, v in words["pre"]},
        conns=frozenset(_f(w) for w, _ in words["conn"]),
        yearwords={_f(w): int(v) for w, v in words["yearword"]},
        eras={_f(w): v for w, v in words["era"]},
        blockers=frozenset(_f(w) for w, _ in words["blocker"]),
    )


def _alt(words: Any) -> str:
    """A regex alternation of ``words`` built as a trie (fast failure); spaces match any run of spaces."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else re.escape(ch)
            branches.append(piece + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


# --------------------------------------------------------------------------------------------- the pattern

_B = r"(?<!\w)"  # word start
_E = r"(?!\w)"  # word end


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    lx = _lex()
    month = _alt(lx.months)
    hmonth = _alt(lx.hijri)
    num = r"(?:\d{1,3}|" + _alt(lx.numbers) + ")"
    day = r"(?<!\d[.,٫/])(?:3[01]|[12]\d|0?[1-9])(?!\d)"
    year = r"\d{4}(?!\d)"
    era = "(?:" + _alt(lx.eras) + ")" + _E
    conn = r"(?:و|-|–|الي|حتي|لغايه|ولغايه|وحتي)"
    yw1 = "(?:" + _alt([w for w, n in lx.yearwords.items() if n == 1]) + ")"
    yw2 = "(?:" + _alt([w for w, n in lx.yearwords.items() if n == 2]) + ")"
    dirs = "(?:" + _alt(lx.dirs) + ")" + _E
    units = "(?:" + _alt(lx.units) + ")" + _E
    yearpart = (
        rf"(?:\s*[،,]?\s*(?:من\s+)?(?:{yw1}\s+)?(?P<my>{year})(?:\s*(?P<mera>{era}))?"
        rf"|\s+من\s+(?:(?P<ryt>هذا|هذه)\s+(?:العام|السنه){_E}|(?:العام|السنه|عام)\s+(?P<ryd>{dirs}))"
        rf"|\s+(?P<md>{dirs}))?"
    )
    dmy = (
        rf"(?:(?P<rng>من|بين)\s+(?:يومي\s+)?)?"
        rf"(?:(?P<day>{day})(?:\s*(?P<dc>{conn})\s*(?P<day2>{day}))?\s+(?:من\s+)?"
        rf"|(?P<ord>{_alt(lx.ordinals)})\s+من\s+)?"
        rf"(?:(?P<shahr>شهر|شهري)\s+)?(?P<mon>{month}){_E}"
        rf"(?:\s*(?:/|\(|-)\s*(?P<mon2>{month})\s*\)?)?"
        + yearpart
    )
    hij = (
        rf"(?:(?P<hday>{day})\s+|(?P<hord>{_alt(lx.ordinals)})\s+من\s+)?(?P<hshahr>شهر\s+)?(?P<hmon>{hmonth}){_E}"
        rf"\s*(?:[،,]\s*)?(?:(?:عام|سنه)\s+)?(?P<hy>{year})(?:\s*(?P<hera>{era}))?"
    )
    numeric = (
        r"(?<![\d.,/-])(?:(?P<nd>\d{1,2})(?P<ns>[-/.])(?P<nm>\d{1,2})(?P=ns)(?P<ny>\d{4})"
        r"|(?P<ny2>\d{4})(?P<ns2>[-/.])(?P<nm2>\d{1,2})(?P=ns2)(?P<nd2>\d{1,2}))(?![\d]|[.,/-]\d)"
        rf"(?:\s*(?P<nera>{era}))?"
    )
    yr = rf"(?:(?P<yw>{yw1})\s+)?(?P<year>{year})(?:\s*(?P<era>{era}))?(?!\s*[%٪]|[.,٫]\d)"
    rel = (
        rf"(?:(?P<this>هذا|هذه)\s+(?P<tu>{units})"
        rf"|(?P<ru>{units})(?:\s+(?P<rd>{dirs}))?"
        rf"|(?:يوم\s+)?(?P<wd>{_alt(lx.weekdays)})\s+(?P<wdd>{dirs})"
        rf"|(?P<fixed>{_alt(lx.fixed)}){_E})"
    )
    cal = rf"(?:{numeric}|{hij}|{dmy}|{yr}|{rel})"
    opdate = (
        rf"(?:(?P<op>{_alt(lx.ops)})\s+)?(?:(?P<mod>{_alt(lx.mods)})\s+(?:من\s+)?)?{cal}"
    )
    yrange = (
        rf"(?:(?P<yrr>بين|من)\s+(?:{yw1}\s+|{yw2}\s+)?|(?P<yrw>{yw2})\s+)"
        rf"(?P<y1>{year})(?:\s*{era})?\s*(?P<yc>{conn})\s*(?:{yw1}\s+)?(?P<y2>{year})(?:\s*(?P<y2era>{era}))?"
    )
    count_units = _alt(lx.counts)
    ago = (
        rf"(?P<ago>{_alt(lx.ago)})\s+(?:(?P<an>{num})\s+)?(?P<au>{count_units}){_E}"
        r"(?!\s*\d)(?!\s+(?:من|علي|علي\s+\w+)\s)"
    )
    pastn = (
        rf"(?:(?P<pu>{_alt(lx.spans)})\s+(?:ال)?(?P<pn>{num})\s+(?P<pd>{_alt(lx.pdirs)})"
        rf"|(?:ال)?(?P<qn>{num})\s+(?P<qu>{count_units})\s+(?P<qd>{_alt(lx.pdirs)})"
        rf"|(?P<du>العقد|العقدين)\s+(?P<dd>{_alt(lx.pdirs)})){_E}"
    )
    fixed0 = rf"(?P<fixed0>{_alt(lx.fixed)}){_E}"
    body = rf"(?P<body>{yrange}|{pastn}|{ago}|{fixed0}|{opdate})"
    pres = _alt(lx.pres)
    full = rf"{_B}(?:[وفبل](?=\w))?(?:(?P<pre>{pres})\s+)?{body}(?!\w)"
    return re.compile(full)


# --------------------------------------------------------------------------------------------- values

_SENT_END = re.compile(r"(?<!\d)\.(?!\d)|[!?؟\n؛]")
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _ymd(d: dt.date) -> str:
    return d.isoformat()


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _fmt(lo: str | None, hi: str | None) -> str | None:
    if lo is None and hi is None:
        return None
    if lo == hi:
        return lo
    return f"{lo or '..'}/{hi or '..'}"


def _hijri_day(y: int, m: int, d: int) -> str | None:
    try:
        return Hijri(y, m, d).to_gregorian().isoformat()
    except (ValueError, OverflowError):
        return None


def _hijri_month(y: int, m: int) -> tuple[str, str] | None:
    try:
        first = Hijri(y, m, 1)
        last = Hijri(y, m, first.month_length())
        return first.to_gregorian().isoformat(), last.to_gregorian().isoformat()
    except (ValueError, OverflowError):
        return None


def _hijri_year(y: int) -> tuple[str, str] | None:
    a = _hijri_month(y, 1)
    b = _hijri_month(y, 12)
    return (a[0], b[1]) if a and b else None


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= _last(y, m) if 1 <= y <= 9999 else False


def _nearest_year(m: int, d: int | None, pub: dt.date) -> int:
    best, best_gap = pub.year, None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        dd = min(d or 15, _last(y, m))
        gap = (dt.date(y, m, dd) - pub).days
        key = (abs(gap), gap > 0)  # ties go to the past
        if best_gap is None or key < best_gap:
            best, best_gap = y, key
    return best


@dataclass(slots=True)
class _Atom:
    start: int  # folded offsets of the span
    end: int
    lo: str | None
    hi: str | None
    resolved: bool  # False: a date is there but unresolvable (value None)
    explicit_year: int | None = None
    rng: bool = False  # opened by من/بين, waiting for a second end
    kind: str = ""  # "day" | "month" | "year" | other
    hijri: bool = False
    year_given: bool = True
    month: int = 0  # month and day as written, so a range can take its year from its other end
    day: int = 0


def _num(tok: str | None, lx: _Lex) -> int | None:
    if tok is None:
        return None
    t = tok.strip()
    if t.isdigit():
        return int(t)
    return lx.numbers.get(" ".join(t.split()))


def _norm(s: str | None) -> str:
    return " ".join(s.split()) if s else ""


class _Ctx:
    """What one text offers to resolve its matches: publication date and years stated so far."""

    def __init__(self, text: str, published: dt.date | None) -> None:
        self.text = text
        self.pub = published
        self.years: list[tuple[int, int]] = []  # (folded offset, year) of explicit years

    def sentence_year(self, pos: int) -> int | None:
        for p, y in reversed(self.years):
            if p < pos:
                if _SENT_END.search(self.text, p, pos):
                    return None
                return y
        return None


def _shift_unit(pub: dt.date, unit: str, n: int) -> tuple[str, str]:
    if unit == "day":
        d = pub + dt.timedelta(days=n)
        return _ymd(d), _ymd(d)
    if unit == "week":
        w = _week(pub + dt.timedelta(days=7 * n))
        return w, w
    if unit == "month":
        y, m = _add_months(pub.year, pub.month, n)
        return _ym(y, m), _ym(y, m)
    y = pub.year + n
    return f"{y:04d}", f"{y:04d}"


def _span_units(pub: dt.date, unit: str, n: int, direction: int) -> tuple[str, str]:
    a = _shift_unit(pub, unit, 0)[0]
    b = _shift_unit(pub, unit, n * direction)[0]
    return (b, a) if direction < 0 else (a, b)


def _apply_mod(mod: str, lo: str, hi: str) -> tuple[str, str]:
    if lo != hi:
        return lo, hi
    if len(lo) == 4:
        y = int(lo)
        if mod[0] in "hq":
            size = 6 if mod[0] == "h" else 3
            k = int(mod[1])
            a = (k - 1) * size + 1
            return _ym(y, a), _ym(y, a + size - 1)
        m = {"start": 1, "mid": 6, "end": 12}[mod]
        return _ym(y, m), _ym(y, m)
    return lo, hi


def _end_day(value: str) -> str:
    if len(value) == 4:
        return f"{value}-12-31"
    if len(value) == 7 and "W" not in value:
        y, m = int(value[:4]), int(value[5:7])
        return f"{value}-{_last(y, m):02d}"
    return value


def _resolve(m: re.Match[str], ctx: _Ctx, lx: _Lex) -> _Atom | list[_Atom] | None:
    g = m.groupdict()
    pub = ctx.pub
    body_start = m.start("body")
    end = m.end("body")

    # ---- year ranges: بين عامي 2020 و2023
    if g["y1"] is not None:
        y1, y2 = int(g["y1"]), int(g["y2"])
        if not (1000 <= y1 <= 2199 and 1000 <= y2 <= 2199) or y2 < y1:
            return None
        ctx.years.append((body_start, y2))
        return _Atom(m.start("yrr") if g["yrr"] else m.start("yrw"), end, str(y1), str(y2), True, y2, kind="year")

    # ---- spans of N units: السنوات الخمس الماضية
    if g["pu"] or g["qu"] or g["du"]:
        if g["du"]:
            unit, n, d = "year", 10 if g["du"] == "العقد" else 20, lx.pdirs[_norm(g["dd"])]
        elif g["pu"]:
            unit, mult = lx.spans[_norm(g["pu"])]
            nn = _num(g["pn"], lx)
            if nn is None:
                return None
            n, d = nn * mult, lx.pdirs[_norm(g["pd"])]
        else:
            unit, cv = lx.counts[_norm(g["qu"])]
            nn = _num(g["qn"], lx)
            if nn is None or cv not in ("N", "N10"):
                return None
            n = nn * (10 if cv == "N10" else 1)
            d = lx.pdirs[_norm(g["qd"])]
        if n <= 0 or n > 500:
            return None
        if pub is None:
            return _Atom(body_start, end, None, None, False)
        lo, hi = _span_units(pub, unit, n, d)
        return _Atom(body_start, end, lo, hi, True)

    # ---- قبل 3 أيام، منذ عامين، بعد أسبوع
    if g["ago"]:
        unit, cv = lx.counts[_norm(g["au"])]
        nn = _num(g["an"], lx)
        if cv in ("N", "N10"):
            if nn is None:
                return None
            n = nn * (10 if cv == "N10" else 1)
        else:
            if nn is not None:
                return None
            n = int(cv)
        if n > 500:
            return None
        if pub is None:
            return _Atom(body_start, end, None, None, False)
        lo, hi = _shift_unit(pub, unit, n * lx.ago[_norm(g["ago"])])
        return _Atom(body_start, end, lo, hi, True)

    op = lx.ops.get(_norm(g["op"])) if g["op"] else None
    mod = lx.mods.get(_norm(g["mod"])) if g["mod"] else None
    has_context = bool(op or mod or g["pre"])
    start: int | None = m.start("op") if op else (m.start("mod") if mod else None)
    atom: _Atom | None = None

    if g["ny"] or g["ny2"]:  # ---- numeric dates
        if g["ny"]:
            a, b, y = int(g["nd"]), int(g["nm"]), int(g["ny"])
            dd, mm = (a, b) if b <= 12 or a > 12 else (b, a)
            if b > 12 and a <= 12:
                dd, mm = b, a
            s0 = m.start("nd")
        else:
            y, mm, dd = int(g["ny2"]), int(g["nm2"]), int(g["nd2"])
            s0 = m.start("ny2")
        era = lx.eras.get(_norm(g["nera"])) if g["nera"] else None
        if y < 1500 or era == "ah":
            val = _hijri_day(y, mm, dd) if 1 <= mm <= 12 and 1 <= dd <= 30 else None
            if val is None:
                return None
            atom = _Atom(s0, end, val, val, True, int(val[:4]), kind="day", hijri=True)
        else:
            if not _valid(y, mm, dd):
                return None
            val = f"{y:04d}-{mm:02d}-{dd:02d}"
            atom = _Atom(s0, end, val, val, True, y, kind="day")
        ctx.years.append((s0, atom.explicit_year or 0))

    elif g["hmon"]:  # ---- Hijri month with a year
        y = int(g["hy"])
        if y >= 1500:
            return None
        hm = lx.hijri[_norm(g["hmon"])]
        dnum = int(g["hday"]) if g["hday"] else (lx.ordinals.get(_norm(g["hord"])) if g["hord"] else None)
        s0 = m.start("hday") if g["hday"] else (m.start("hord") if g["hord"] else (
            m.start("hshahr") if g["hshahr"] else m.start("hmon")))
        if dnum:
            v = _hijri_day(y, hm, dnum)
            if v is None:
                return None
            atom = _Atom(s0, end, v, v, True, int(v[:4]), kind="day", hijri=True)
        else:
            mr = _hijri_month(y, hm)
            if mr is None:
                return None
            atom = _Atom(s0, end, mr[0], mr[1], True, int(mr[1][:4]), kind="hmonth", hijri=True)

    elif g["mon"]:  # ---- day month year
        mon, weak = lx.months[_norm(g["mon"])]
        if g["mon2"]:
            mon2, _weak2 = lx.months[_norm(g["mon2"])]
            if mon2 != mon:
                return None
        day1 = int(g["day"]) if g["day"] else None
        if g["ord"]:
            day1 = lx.ordinals.get(_norm(g["ord"]))
        day2 = int(g["day2"]) if g["day2"] else None
        anchored = bool(day1 or g["shahr"] or g["mon2"] or g["my"] or g["ryd"] or g["ryt"] or g["md"])
        if weak and not (anchored or op or mod):
            return None
        if not weak and not (anchored or has_context or g["rng"]):
            return None
        s0 = (m.start("rng") if g["rng"] and day2 else
              m.start("day") if g["day"] else m.start("ord") if g["ord"] else
              m.start("shahr") if g["shahr"] else m.start("mon"))
        if g["rng"] and not day2:
            s0 = m.start("day") if g["day"] else m.start("ord") if g["ord"] else (
                m.start("shahr") if g["shahr"] else m.start("mon"))
        if day1 == 0:  # آخر يوم: the last day
            day1 = None
        yy: int | None = None
        explicit = False
        resolved = True
        if g["my"]:
            yy = int(g["my"])
            explicit = True
            if g["mera"] and lx.eras.get(_norm(g["mera"])) == "ah":
                return None
        elif g["ryt"] or g["ryd"]:
            dv = "0" if g["ryt"] else lx.dirs[_norm(g["ryd"])]
            if dv in ("prev", "next", "same"):
                sy = ctx.sentence_year(m.start())
                yy = None if sy is None else sy + {"prev": -1, "next": 1, "same": 0}[dv]
            elif pub is not None:
                yy = pub.year + int(dv)
            resolved = yy is not None
        elif g["md"]:
            dv = lx.dirs[_norm(g["md"])]
            if pub is None or dv not in ("-1", "0", "1"):
                yy = None
                resolved = pub is not None
                if dv in ("prev", "next", "same"):
                    return None
            elif dv == "-1":
                yy = pub.year if mon < pub.month else pub.year - 1
            elif dv == "1":
                yy = pub.year if mon > pub.month else pub.year + 1
            else:
                yy = pub.year
        else:
            if day1 and not explicit:
                before = _WORD_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
                if before and before.group(1) in lx.blockers:
                    return None
            yy = _nearest_year(mon, day1, pub) if pub is not None else ctx.sentence_year(m.start())
            resolved = yy is not None
        if yy is None:
            atom = _Atom(s0, end, None, None, False, kind="month")
        else:
            if not (1000 <= yy <= 2199):
                return None
            if day1:
                if not _valid(yy, mon, day1) or (day2 and (not _valid(yy, mon, day2) or day2 <= day1)):
                    return None
                lo = f"{yy:04d}-{mon:02d}-{day1:02d}"
                hi = f"{yy:04d}-{mon:02d}-{day2:02d}" if day2 else lo
                atom = _Atom(s0, end, lo, hi, True, yy if explicit else None, kind="day")
            else:
                atom = _Atom(s0, end, _ym(yy, mon), _ym(yy, mon), True, yy if explicit else None, kind="month")
            atom.resolved = resolved
        atom.year_given = explicit or bool(g["ryt"] or g["ryd"] or g["md"])
        atom.month, atom.day = mon, day1 or 0
        atom.kind = "day" if day1 else "month"
        atom.rng = bool(g["rng"]) and not day2
        if explicit:
            ctx.years.append((s0, yy or 0))

    elif g["year"]:  # ---- a year
        y = int(g["year"])
        era = lx.eras.get(_norm(g["era"])) if g["era"] else None
        s0 = m.start("yw") if g["yw"] else m.start("year")
        if era == "ah" and y < 1500:
            hr = _hijri_year(y)
            if hr is None:
                return None
            atom = _Atom(s0, end, hr[0], hr[1], True, int(hr[1][:4]), kind="hyear", hijri=True)
        else:
            if g["yw"]:
                if not 1000 <= y <= 2199:
                    return None
            elif not ((op or mod or lx.pres.get(_norm(g["pre"])) == "year") and 1900 <= y <= 2100):
                return None
            atom = _Atom(s0, end, str(y), str(y), True, y, kind="year")
            ctx.years.append((s0, y))

    else:  # ---- relative
        n = 0
        if g["fixed"] or g["fixed0"]:
            grp = "fixed" if g["fixed"] else "fixed0"
            fx = _norm(g[grp])
            if fx == "اليوم" and re.match(r"\s+ال", ctx.text[m.end(grp):m.end(grp) + 4]):
                nxt = re.match(r"\s+(\w+)", ctx.text[m.end(grp):m.end(grp) + 16])
                if not (nxt and _norm(nxt.group(1)) in lx.weekdays):
                    return None  # اليوم الوطني is no date; اليوم الأربعاء is today
            unit, n = lx.fixed[fx]
            s0 = m.start(grp)
        elif g["tu"]:
            unit, n, s0 = lx.units[_norm(g["tu"])], 0, m.start("this")
        elif g["ru"]:
            unit = lx.units[_norm(g["ru"])]
            s0 = m.start("ru")
            if g["rd"]:
                dv = lx.dirs[_norm(g["rd"])]
                if dv in ("prev", "next", "same"):
                    if unit != "year":
                        return None
                    sy = ctx.sentence_year(m.start())
                    if sy is None:
                        return _finish(_Atom(start if start is not None else s0, end, None, None, False), op, mod)
                    y = sy + {"prev": -1, "next": 1, "same": 0}[dv]
                    return _finish(_Atom(start if start is not None else s0, end, str(y), str(y), True,
                                         kind="year"), op, mod)
                n = int(dv)
            elif mod or op:
                n = 0
            else:
                return None
        elif g["wd"]:
            dv = lx.dirs[_norm(g["wdd"])]
            if dv not in ("-1", "1"):
                return None
            s0 = m.start("body") if ctx.text.startswith("يوم", m.start("body")) else m.start("wd")
            if pub is None:
                return _finish(_Atom(start if start is not None else s0, end, None, None, False), op, mod)
            want = lx.weekdays[_norm(g["wd"])]
            step = int(dv)
            wday = pub + dt.timedelta(days=step)
            while wday.weekday() != want:
                wday += dt.timedelta(days=step)
            return _finish(_Atom(start if start is not None else s0, end, _ymd(wday), _ymd(wday), True), op, mod)
        else:
            return None
        if pub is None:
            atom = _Atom(s0, end, None, None, False)
        else:
            lo, hi = _shift_unit(pub, unit, n)
            atom = _Atom(s0, end, lo, hi, True, kind=unit)

    if atom is None:
        return None
    if start is not None:
        atom.start = start
    return _finish(atom, op, mod)


def _finish(atom: _Atom, op: str | None, mod: str | None) -> _Atom:
    if not atom.resolved or atom.lo is None or atom.hi is None:
        atom.lo = atom.hi = None
        atom.resolved = False
        return atom
    lo: str | None = atom.lo
    hi: str | None = atom.hi
    if mod and lo is not None and hi is not None:
        lo, hi = _apply_mod(mod, lo, hi)
    if op == "since":
        hi = None
    elif op in ("by", "by_end"):
        hi = _end_day(hi) if mod == "end" and hi is not None else hi
        lo = None
    atom.lo, atom.hi = lo, hi
    if op or mod:
        atom.rng = False
    return atom


_CONN_GAP = re.compile(r"\s*(?:و|-|–|الي|حتي|لغايه|ولغايه|وحتي)\s*$")


def _merge(atoms: list[_Atom], text: str) -> list[_Atom]:
    """Join ``من X إلى Y`` / ``بين X و Y`` pairs into intervals; a year or month missing on X comes from Y."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if a.rng and i + 1 < len(atoms):
            b = atoms[i + 1]
            gap = text[a.end:b.start]
            if len(gap) < 12 and _CONN_GAP.match(gap) and not b.rng:
                lo: str | None = a.lo
                if b.lo and a.month and not a.year_given and b.resolved:
                    y = int(b.lo[:4])
                    lo = _ym(y, a.month) + (f"-{a.day:02d}" if a.day else "")
                    if lo > b.lo:
                        lo = _ym(y - 1, a.month) + (f"-{a.day:02d}" if a.day else "")
                    a.resolved = True
                hi = b.hi
                # the span starts at من/بين: find it before a.start
                s = text.rfind("من", max(0, a.start - 12), a.start)
                s2 = text.rfind("بين", max(0, a.start - 14), a.start)
                s = max(s, s2)
                merged = _Atom(s if s >= 0 else a.start, b.end, lo, hi,
                               a.resolved and b.resolved and lo is not None and hi is not None)
                if not merged.resolved:
                    merged.lo = merged.hi = None
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


@lru_cache(maxsize=1)
def _anchor_pattern() -> re.Pattern[str]:
    """Words (or a digit) that every date construction contains; the full pattern runs only near them."""
    lx = _lex()
    words = (set(lx.months) | set(lx.hijri) | set(lx.fixed) | set(lx.units) | set(lx.dirs) | set(lx.counts)
             | set(lx.spans) | set(lx.pdirs) | {"العقد", "العقدين"})
    return re.compile(r"\d+|" + _B + "[وفبل]?(?:" + _alt(words) + ")" + _E)


_WORD_START = re.compile(r"(?<!\w)\w")
# characters: the longest lead-in before a construction's first anchor (في النصف الثاني من عام 2026)
_LOOK_BACK_DIGIT = 36
_LOOK_BACK_WORD = 26


@lru_cache(maxsize=1)
def _anchor_forms() -> frozenset[str]:
    """The tokens that begin an anchor of ``_anchor_pattern`` (first word of each anchor, with its clitic)."""
    lx = _lex()
    words = (set(lx.months) | set(lx.hijri) | set(lx.fixed) | set(lx.units) | set(lx.dirs) | set(lx.counts)
             | set(lx.spans) | set(lx.pdirs) | {"العقد", "العقدين"})
    firsts = {w.split()[0] for w in words if w.strip()}
    return frozenset(p + w for p in ("", "و", "ف", "ب", "ل") for w in firsts)




def _anchors(folded: Folded) -> list[int]:
    """Start offsets of the anchors (``_anchor_pattern``'s matches, a superset of them) from the shared tokens."""
    tk = tokens(folded)
    toks, starts = tk.toks, tk.starts
    out: list[int] = []
    for i, f in tk.hits:
        if not f & (DATE_ANCHOR | DIGIT | LATIN):
            continue
        if f & (DATE_ANCHOR | DIGIT):
            out.append(starts[i])
            continue
        tok = toks[i]
        if tok.isalpha():
            continue
        d = next((k for k, c in enumerate(tok) if c.isdigit()), -1)  # G20: the digits inside a Latin word
        if d > 0:
            out.append(starts[i] + d)
    return out


@lru_cache(maxsize=1)
def _starter_forms() -> frozenset[str]:
    """Tokens a match of ``_pattern`` can begin with (besides digits): the first word of every alternative
    (pre, op, mod, من/بين, year words, span words, number words, ago words, fixed words, ordinals, شهر, month
    names, هذا/هذه, units, يوم, weekdays), with the clitic و ف ب ل the pattern allows, and those clitics alone
    or ال before digits (و2018، الـ32)."""
    lx = _lex()
    words: set[str] = set()
    for group in (lx.pres, lx.ops, lx.mods, lx.yearwords, lx.spans, lx.numbers, lx.ago, lx.fixed, lx.ordinals,
                  lx.hijri, lx.months, lx.units, lx.weekdays):
        words.update(group)
    words |= {"بين", "من", "العقد", "العقدين", "شهر", "شهري", "هذا", "هذه", "يوم"}
    words |= {"ال" + w for w in lx.numbers}
    firsts = {m.group() for w in words if (m := TOKEN.match(w.strip())) is not None}
    firsts |= {"ال", ""}
    return frozenset(p + w for p in ("", "و", "ف", "ب", "ل") for w in firsts) - {""}


def _matches(folded: Folded) -> list[re.Match[str]]:
    """The matches ``_pattern().finditer(text)`` would give, trying the pattern only at word starts near anchors
    whose token can begin a match (``_starter_forms`` or digits)."""
    text = folded.text
    pat = _pattern()
    tk = tokens(folded)
    starts = tk.starts
    cands = [starts[x] for x in tk.having(DATE_START | DIGIT)]
    out: list[re.Match[str]] = []
    last_end = 0
    tried_to = 0  # word starts below this were tried already
    ci = 0  # candidates below this index lie before the window
    nc = len(cands)
    word_start = _WORD_START.match
    for p in _anchors(folded):
        if p < last_end:
            continue
        back = _LOOK_BACK_DIGIT if text[p].isdigit() else _LOOK_BACK_WORD
        lo = max(last_end, tried_to, p - back)
        while ci < nc and cands[ci] < lo:
            ci += 1
        k = ci
        while k < nc and cands[k] <= p:
            s = cands[k]
            k += 1
            if s < last_end or word_start(text, s) is None:
                continue
            m = pat.match(text, s)
            if m:
                out.append(m)
                last_end = m.end()
        tried_to = max(tried_to, p + 1)
    return out


def _atoms(folded: Folded, published: dt.date | None) -> list[_Atom]:
    text = folded.text
    ctx = _Ctx(text, published)
    lx = _lex()
    atoms: list[_Atom] = []
    for m in _matches(folded):
        r = _resolve(m, ctx, lx)
        if r is None:
            continue
        if isinstance(r, list):
            atoms.extend(r)
        else:
            atoms.append(r)
    return _merge(atoms, text)


def find_dates(folded: Folded, published: dt.date | None) -> list[Span]:
    """The ``date`` spans of a text; relative dates resolve against ``published`` (None: value None)."""
    spans = []
    orig = folded.original
    for a in _atoms(folded, published):
        s, e = folded.to_original(a.start, a.end)
        spans.append(Span("date", s, e, orig[s:e], _fmt(a.lo, a.hi) if a.resolved else None))
    return spans


# --------------------------------------------------------------------------------------------- helpers

_WHOLE_YEAR_MOD = re.compile(r"(?:نهايه|اواخر|ختام|مطلع|بدايه|اوائل|مستهل|منتصف|اواسط|النصف|الربع|نهايات|بدايات)")


def start_of(value: str | None) -> str | None:
    """The first ISO part of a value or interval (``None`` for an open start)."""
    if not value:
        return None
    a = value.split("/", 1)[0]
    return None if a == ".." else a


def end_of(value: str | None) -> str | None:
    """The last ISO part of a value or interval (``None`` for an open end)."""
    if not value:
        return None
    b = value.rsplit("/", 1)[-1]
    return None if b == ".." else b


def due_of(span: Span) -> str | None:
    """A fact's due date from a deadline or period span.

    ``بحلول نهاية 2026`` (``../2026-12-31``) -> ``2026``; ``في يونيو 2026`` -> ``2026-06``; a half, a quarter or
    the start/middle/end of a year -> the year (``بحلول نهاية يونيو 2026`` -> ``2026-06``); ``بحلول X`` -> X;
    ``منذ X`` -> X; another closed interval -> its start, except month intervals within one year -> the year.
    """
    v = span.value
    if not isinstance(v, str) or not v:
        return None
    folded_text = fold(span.text)
    part_of = _WHOLE_YEAR_MOD.search(folded_text) is not None
    month = _month_named(folded_text)
    if "/" not in v:
        return v[:4] if part_of and not month else v
    a, b = v.split("/", 1)
    if a == "..":
        if part_of:  # بحلول نهاية 2026 / بحلول نهاية يونيو 2026
            return b[:7] if month else b[:4]
        return b
    if b == "..":
        return a
    if a[:4] == b[:4] and len(a) == 7 and len(b) == 7:
        return a if a == b else a[:4]
    return a


def _month_named(folded_text: str) -> bool:
    return _month_re().search(folded_text) is not None


@lru_cache(maxsize=1)
def _month_re() -> re.Pattern[str]:
    lx = _lex()
    return re.compile(_B + "(?:" + _alt(list(lx.months) + list(lx.hijri)) + ")" + _E)


def parse_publication_date(text: str) -> str | None:
    """The publication date stated in an article's header line(s), as ``YYYY-MM-DD``.

    Reads ``28-08-2025 11:22 AM``, ``الأحد 5 مايو 2024``, ``2024/05/05``, ``5/5/2024``, and Hijri dates; where a
    Hijri and a Gregorian date are both given, the Gregorian one wins.
    """
    folded = Folded.of(text)
    best: str | None = None
    for a in _atoms(folded, None):
        if not a.resolved or a.lo is None or a.lo != a.hi or len(a.lo) != 10:
            continue
        if not a.hijri:
            return a.lo
        if best is None:
            best = a.lo
    return best
