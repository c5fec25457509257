"""The "how much" recognisers: amounts of money, measures, counts of things and percentages.

``find_amounts(folded)`` returns ``amount`` and ``percent`` spans (original-text offsets);
``parse_number(text)`` reads one number phrase (digits or words); ``resolve_currency`` turns a
generic bare currency unit (``DINAR``) into an ISO code given a country.

How it reads (everything language-specific is in ``lexicons/``):

* A number is digits (ASCII, Arabic-Indic or Persian, already ASCII in the folded text) with
  ``.``/``٫`` as decimal mark and ``,``/``٬`` as thousands separator -- except that a single comma
  followed by one or two digits is a decimal mark (``11,3%`` -> 11.3) -- and/or number words
  (``number_words.tsv``: units, teens, tens, hundreds, scales, duals, fractions before a scale)
  joined by spaces and ``و``, with clitics و ف ب ل ك and the article ال (``الثلاثين`` -> 30,
  ``ستة ملايين وثلاثمائة ألف`` -> 6300000, ``مليار ونصف`` -> 1.5e9). A bare scale is one
  (``مليار دولار`` -> 1e9), a dual scale is two (``ملياري دولار`` -> 2e9). Plural scales alone
  (``آلاف``, ``ملايين``) and عشرات/مئات are vague: no number.
* What follows the number decides the span: ``%`` / بالمئة / في المائة (or ``%`` written before
  the digits) -> ``percent``; a currency (``currency_words.tsv`` heads + an optional qualifier
  from CLDR ``currencies.tsv`` / ``currency_press.tsv``, or ``$``/``€``/``£``/an ISO code) ->
  ``amount`` with the ISO code; a unit (``units.tsv``) -> ``amount`` with that unit; else an
  indefinite Arabic word that is not listed in ``count_exclusions.tsv`` (months, durations, clock
  words, particles, adverbs, frequent verbs) -> ``amount`` with unit ``count``: Arabic counted
  nouns follow the number (``59 شركة``, ``خمس دورات``, ``12 ألف طالب``). A definite plural noun
  followed by a definite number word is a count too (``الاتفاقيات الثماني عشرة`` -> 18). Nothing
  of these -> no span (a bare number is not an amount).
* Spans cover the number and its unit or counted noun (``6.3 مليون دولار أمريكي``,
  ``59 شركة``, ``25%``); leading clitics (و ب ل ...) are outside the span, the article ال is
  inside. Approximation words (``approx_words.tsv``: حوالي، نحو، أكثر من، ما يزيد على، قرابة،
  زهاء، يتجاوز ... before; تقريبا after) are OUTSIDE the span and only set ``approx: true``.
* Not amounts: plain 4-digit numbers 1900-2100 (years) unless a currency/unit/percent follows
  them or an approximation word precedes a count (``حوالي 2000 طالب``); numbers after a year or
  label word (``number_labels.tsv``: عام، سنة، رقم، المادة، المرتبة ...) unless a currency, unit or
  percent follows; Hijri years (the ه/هـ after them is no counted noun); day numbers before a month name,
  digits in dates/times/phone numbers (``28-08-2025``, ``11:22``, ``26/8``, ``+962``, a leading
  0), ordinals ``الـ180``, numbers glued to Latin or Arabic letters (``G20``, ``كوفيد-19``).
* Ranges and lists sharing one unit (``بين 5 و7 مليارات دولار``, ``5-7%``, ``من 3 إلى 4 ملايين
  طن``): every number is its own span; a number with no unit of its own borrows the scale and the
  unit of the next one (the span of ``5`` is just ``5``, value 5e9 USD).
* Fractions as shares (``fractions.tsv``): ثلث/ربع/نصف/ثلثي/ثلاثة أرباع, not definite, followed
  by a word that is not a time word, an ordinal, a scale or listed as ``not`` -> ``percent``
  (``ثلث قطنها`` -> 33.33); ``النصف الثاني`` / ``نصف قرن`` / ``ربع النهائي`` are not shares.
  ``نصف مليون`` is a number (500000).
* Bare ambiguous currency words give a generic unit: ``DINAR``, ``RIYAL``, ``DIRHAM``, ``POUND``,
  ``LIRA``, ``RUPEE``, ``FRANC``, ``SOM``, ``MANAT``; ``resolve_currency("DINAR", "JO")`` ->
  ``"JOD"``. Bare دولار is USD, يورو EUR, تنغي KZT, يوان CNY, روبل RUB, ين JPY.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from alaqat.arabic.normalise import Folded, fold
from alaqat.arabic.tokens import DIGIT, NUMBER, tokens
from alaqat.model import Span

_LEXICONS = Path(__file__).parent / "lexicons"

_H = r"[^\S\n]"  # horizontal whitespace (amounts never run across a line break)
_AR = r"[\u0621-\u064a]"  # folded Arabic letters
_CLITIC = r"(?:[وف]?[بل]?(?:ال)?|[وف]?لل)"
_DIGITS = r"\d+(?:[.,٫٬]\d+)*"
_SCALE_KINDS = ("scale", "scalepl", "dual")
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP"}


def _rows(name: str) -> list[list[str]]:
    out: list[list[str]] = []
    for line in (_LEXICONS / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(line.split("\t"))
    return out


def _alt(forms: Iterable[str]) -> str:
    """A regex alternation of literal forms, longest first."""
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


def _qnorm(word: str) -> str:
    """A qualifier word without article and inflection: الأمريكية -> امريكي."""
    w = word[2:] if word.startswith("ال") and len(word) > 4 else word
    for suffix in ("يين", "يان", "يات", "يه", "يا"):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            return w[: -len(suffix)] + "ي"
    return w


@dataclass(frozen=True, slots=True)
class _Lexicon:
    words: dict[str, tuple[Decimal, str]]
    phrase_re: re.Pattern[str]
    token_re: re.Pattern[str]
    currency_re: re.Pattern[str]
    qualifier_re: re.Pattern[str]
    head_lemma: dict[str, str]
    bare_unit: dict[str, str]
    qualified: dict[tuple[str, str], str]
    codes: dict[str, str]
    unit_re: re.Pattern[str]
    unit_of: dict[str, str]
    percent_re: re.Pattern[str]
    noun_re: re.Pattern[str]
    not_counted: frozenset[str]
    time_words: frozenset[str]
    labels: dict[str, str]
    approx_before_re: re.Pattern[str]
    approx_after_re: re.Pattern[str]
    share_re: re.Pattern[str]
    share_value: dict[str, float]
    not_share: frozenset[str]
    iso_by_name: dict[str, list[str]]
    #: every number word with every clitic it may carry (a token that can begin a number phrase)
    word_forms: frozenset[str]
    #: the clitics alone (glued to digits: و6)
    clitic_forms: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    # number words
    words: dict[str, tuple[Decimal, str]] = {}
    for form, value, kind in _rows("number_words.tsv"):
        words[fold(form)] = (Decimal(value), kind)
    word_alt = _alt(words)
    token = rf"{_CLITIC}(?:{_DIGITS}|(?:{word_alt}))(?!\w)"
    phrase_re = re.compile(rf"(?<!\w){token}(?:{_H}+{token})*")
    token_re = re.compile(rf"(?P<cl>{_CLITIC})(?P<body>{_DIGITS}|(?:{word_alt}))(?!\w)")

    # currencies
    head_lemma: dict[str, str] = {}
    bare_unit: dict[str, str] = {}
    for lemma, unit, forms in _rows("currency_words.tsv"):
        lem = fold(lemma)
        bare_unit[lem] = unit
        for f in forms.split():
            head_lemma[fold(f)] = lem
    qualified: dict[tuple[str, str], str] = {}
    iso_by_name: dict[str, list[str]] = {}
    codes: dict[str, str] = {}
    # the press's names first, then CLDR's current currencies, then historic ones: first name wins
    names: list[tuple[str, str]] = [(code, name) for code, name in _rows("currency_press.tsv")]
    cldr = _rows("currencies.tsv")
    for row in sorted(cldr, key=lambda r: r[3] != "1"):
        names.append((row[0], row[1]))
        if row[3] == "1":
            codes[row[0].lower()] = row[0]
    for code, name in names:
        parts = fold(name).split()
        lem = head_lemma.get(parts[0], parts[0])
        if lem not in bare_unit:
            continue  # a head the press does not inflect: only matched in the lexicon we know
        iso_by_name.setdefault(lem, []).append(code)
        if len(parts) > 1:
            qualified.setdefault((lem, " ".join(_qnorm(p) for p in parts[1:])), code)
    currency_re = re.compile(
        rf"{_H}*(?:(?P<sym>[$€£])|(?P<iso>{_alt(codes)})(?!\w)|(?:من{_H}+)?(?:ال)?(?P<head>{_alt(head_lemma)})(?!\w))"
    )
    qualifier_re = re.compile(rf"{_H}+({_AR}+)(?!\w)(?:{_H}+({_AR}+)(?!\w))?")

    # units
    unit_of: dict[str, str] = {}
    for unit, forms in _rows("units.tsv"):
        for f in forms.split("|"):
            unit_of[fold(f)] = unit
    unit_re = re.compile(rf"{_H}*(?:من{_H}+)?(?:ال)?(?P<unit>{_alt(unit_of)})(?!\w)")

    hundred = _alt({fold(w) for w in ("مئة", "مائة", "مية", "ماية")})
    percent_re = re.compile(rf"{_H}*(?:%|(?:ب|في{_H}*)ال(?:{hundred})(?!\w))")
    noun_re = re.compile(rf"{_H}+({_AR}{{2,}})(?!\w)")

    not_counted: set[str] = set()
    time_words: set[str] = set()
    for cat, word in _rows("count_exclusions.tsv"):
        not_counted.add(fold(word))
        if cat in ("time", "month"):
            time_words.add(fold(word))
    labels = {fold(w): cat for cat, w in _rows("number_labels.tsv")}

    before = [fold(f) for pos, f in _rows("approx_words.tsv") if pos == "before"]
    after = [fold(f) for pos, f in _rows("approx_words.tsv") if pos == "after"]
    approx_before_re = re.compile(rf"(?<!\w)[وبلف]?(?:{_alt(before)}){_H}*$")
    approx_after_re = re.compile(rf"{_H}*(?:{_alt(after)})(?!\w)")

    share_value: dict[str, float] = {}
    not_share: set[str] = set()
    for row in _rows("fractions.tsv"):
        if row[0] == "share":
            share_value[fold(row[1])] = float(row[2])
        else:
            not_share.add(fold(row[1]))
    share_re = re.compile(rf"(?<!\w)[وفبل]?(?P<frac>{_alt(share_value)}){_H}+(?P<next>{_AR}+)(?!\w)")

    return _Lexicon(
        words, phrase_re, token_re, currency_re, qualifier_re, head_lemma, bare_unit, qualified,
        codes, unit_re, unit_of, percent_re, noun_re, frozenset(not_counted), frozenset(time_words),
        labels, approx_before_re, approx_after_re, share_re, share_value, frozenset(not_share),
        iso_by_name, frozenset(p + w for p in _CLITIC_FORMS for w in words), frozenset(_CLITIC_FORMS) - {""},
    )


#: the strings ``_CLITIC`` matches
_CLITIC_FORMS = tuple(
    {a + b + c for a in ("", "و", "ف") for b in ("", "ب", "ل") for c in ("", "ال")} | {a + "لل" for a in ("", "و", "ف")}
)


# ---------------------------------------------------------------------------------------------
# Numbers


def _parse_digits(s: str) -> Decimal | None:
    """Digits with the press's separators: ``1,300`` 1300, ``11,3`` 11.3, ``6٫3`` 6.3."""
    parts = re.split(r"[.,٫٬]", s)
    seps = re.findall(r"[.,٫٬]", s)
    if len(parts[0]) > 1 and parts[0][0] == "0":
        return None  # a leading zero: a phone number, a code or a date part
    try:
        if not seps:
            return Decimal(s)
        if len(seps) == 1:
            if seps[0] in ".٫" or len(parts[1]) != 3:
                return Decimal(f"{parts[0]}.{parts[1]}")
            return Decimal(parts[0] + parts[1])
        # several separators: thousands groups of three, perhaps ending with a decimal part
        head, last_sep = seps[:-1], seps[-1]
        if len(set(head)) != 1 or any(len(p) != 3 for p in parts[1:-1]):
            return None
        if last_sep == head[0]:
            if len(parts[-1]) != 3:
                return None
            return Decimal("".join(parts))
        return Decimal("".join(parts[:-1]) + "." + parts[-1])
    except InvalidOperation:
        return None


@dataclass(slots=True)
class _Tok:
    start: int  # folded offset of the token including its clitic
    body: int  # folded offset of the number itself
    end: int
    clitic: str
    text: str
    kind: str  # digit or a number_words kind
    value: Decimal


@dataclass(slots=True)
class _Num:
    toks: list[_Tok]
    value: Decimal
    scale: Decimal  # the last scale applied (1 when none)

    @property
    def start(self) -> int:
        return self.toks[0].body

    @property
    def cstart(self) -> int:
        return self.toks[0].start

    @property
    def end(self) -> int:
        return self.toks[-1].end

    @property
    def plain_digits(self) -> bool:
        return len(self.toks) == 1 and self.toks[0].kind == "digit"


def _tokens(lex: _Lexicon, text: str, start: int, end: int) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = start
    while pos < end:
        m = lex.token_re.search(text, pos, end)
        if m is None:
            break
        cl, body = m.group("cl"), m.group("body")
        if body[0].isdigit():
            v = _parse_digits(body)
            if v is None:
                toks.append(_Tok(m.start(), m.start("body"), m.end(), cl, body, "bad", Decimal(0)))
            else:
                toks.append(_Tok(m.start(), m.start("body"), m.end(), cl, body, "digit", v))
        else:
            value, kind = lex.words[body]
            if cl + body in ("لست", "وست"):  # "I am not", "West": six only inside a compound
                kind = "weak"
            toks.append(_Tok(m.start(), m.start("body"), m.end(), cl, body, kind, value))
        pos = m.end()
    return toks


def _parse_at(toks: list[_Tok], i: int, weak_ok: bool = False) -> tuple[_Num | None, int]:
    """Read one number from ``toks[i:]``; return it (or None) and the index after it. A number of
    weak words only (واحد، اثنين، أحد) is no number unless ``weak_ok``."""
    total = Decimal(0)
    current: Decimal | None = None
    current_at = i  # index of the first token of the pending ``current``
    last_scale: Decimal | None = None
    last = ""  # kind of the previous token
    strong = False  # a token that is not "weak" was read
    j = i
    while j < len(toks):
        t = toks[j]
        first = j == i
        wa = t.clitic.startswith("و") and not first
        k = t.kind
        if k == "bad":
            if first:
                return None, i + 1
            break
        after_scale = last in _SCALE_KINDS or last == "frac_after"
        restart = wa and after_scale  # 6 ملايين و300 ألف: a smaller part after a scale
        if k == "digit":
            if first or (restart and last_scale is not None and t.value < last_scale):
                current, current_at = t.value, j
            else:
                break
        elif k in ("unit", "weak", "teen", "ten", "hundred", "hmul"):
            small = current is not None and current % 100 < 10  # a pending unit (or hundreds + unit)
            after_hundreds = wa and last in ("hundred", "hmul") and current is not None
            if first or restart:
                current, current_at = t.value, j
                if k == "teen" and first:
                    k = "tenword"
            elif current is None:
                break
            elif k in ("unit", "weak") and after_hundreds:
                current += t.value  # مئة وخمسة
            elif k == "teen" and ((not wa and last in ("unit", "weak") and small) or after_hundreds):
                current += 10  # خمسة عشر, مئة وعشرة
            elif k == "ten" and ((wa and last in ("unit", "weak") and small) or after_hundreds):
                current += t.value  # خمسة وعشرون, مئة وعشرون
            elif k == "hmul" and not wa and last == "unit" and current < 10:
                current *= 100  # ثلاث مئة
            else:
                break
        elif k in _SCALE_KINDS:
            if current is None:
                if not first:
                    break
                if k == "scalepl":
                    return None, i + 1  # آلاف / ملايين alone: vague
                c = Decimal(2) if k == "dual" else Decimal(1)
            else:
                if last not in ("digit", "unit", "weak", "teen", "tenword", "ten", "hundred", "hmul", "frac"):
                    break
                if last_scale is not None and t.value >= last_scale:
                    # a new number starts at the pending one (بين 5 ملايين و7 ملايين)
                    num = _Num(toks[i:current_at], total, last_scale)
                    return num, current_at
                c = current
            total += c * t.value
            current = None
            last_scale = t.value
        elif k == "frac":
            if first and j + 1 < len(toks) and toks[j + 1].kind in ("scale", "dual") \
                    and not toks[j + 1].clitic:
                current, current_at = t.value, j
            elif wa and last in _SCALE_KINDS and current is None and last_scale is not None:
                total += t.value * last_scale
                k = "frac_after"
                # مليون ونصف المليون: swallow the repeated scale
                if j + 1 < len(toks) and toks[j + 1].clitic == "ال" and toks[j + 1].value == last_scale:
                    j += 1
            else:
                if first:
                    return None, i + 1
                break
        if k != "weak":
            strong = True
        last = k
        j += 1
    if j == i:
        return None, i + 1
    if not strong and not weak_ok:
        return None, j
    value = total + (current if current is not None else Decimal(0))
    return _Num(toks[i:j], value, last_scale if last_scale is not None else Decimal(1)), j


def _numbers(lex: _Lexicon, text: str, start: int, end: int, weak_ok: bool = False) -> list[_Num]:
    toks = _tokens(lex, text, start, end)
    out: list[_Num] = []
    i = 0
    while i < len(toks):
        num, i = _parse_at(toks, i, weak_ok)
        if num is not None and num.toks:
            out.append(num)
    return out


def parse_number(text: str) -> float | None:
    """The value of one number phrase (``6.3``, ``١٬٣٠٠``, ``ستة ملايين وثلاثمائة ألف``,
    ``2.5 مليار``, ``الثلاثين``), or None when ``text`` is not exactly one number."""
    lex = _lexicon()
    folded = fold(text).strip()
    if not folded:
        return None
    m = lex.phrase_re.fullmatch(folded)
    if m is None:
        return None
    nums = _numbers(lex, folded, 0, len(folded), weak_ok=True)
    if len(nums) != 1 or nums[0].end != len(folded) or nums[0].cstart != 0:
        return None
    return float(nums[0].value)


def _out(v: Decimal | float) -> int | float:
    if isinstance(v, Decimal):
        if v == v.to_integral_value():
            return int(v)
        return float(round(v, 6))
    return int(v) if float(v).is_integer() else v


def resolve_currency(unit: str, country: str | None) -> str:
    """An ISO 4217 code for a generic bare-currency unit (``DINAR``) and an ISO 3166 country
    (``JO`` -> ``JOD``); any other unit, or no match, comes back unchanged."""
    if not country or not unit.isupper() or len(unit) == 3:
        return unit
    lex = _lexicon()
    for lem, bare in lex.bare_unit.items():
        if bare == unit:
            for code in lex.iso_by_name.get(lem, []):
                if code.startswith(country.upper()):
                    return code
    return unit


# ---------------------------------------------------------------------------------------------
# Spans


@dataclass(slots=True)
class _Cand:
    num: _Num
    kind: str = ""  # percent / amount / "" (nothing follows yet)
    unit: str | None = None
    end: int = 0  # folded end of the span (unit or noun included)
    start: int = 0
    approx: bool = False
    value: Decimal | float = Decimal(0)
    drop: bool = False


def _prev_word(text: str, pos: int) -> str:
    j = pos
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    k = j
    while k > 0 and (text[k - 1].isalpha()):
        k -= 1
    return text[k:j]


def _strip_clitic(word: str) -> list[str]:
    out = [word]
    for p in ("و", "ب", "ل", "ف", "وب", "ول", "وال", "بال", "ال", "لل"):
        if word.startswith(p) and len(word) > len(p) + 1:
            out.append(word[len(p):])
    return out


def _currency(lex: _Lexicon, text: str, pos: int) -> tuple[str, int] | None:
    m = lex.currency_re.match(text, pos)
    if m is None:
        return None
    if m.group("sym"):
        return _SYMBOLS[m.group("sym")], m.end()
    if m.group("iso"):
        return lex.codes[m.group("iso")], m.end()
    lem = lex.head_lemma[m.group("head")]
    end = m.end()
    q = lex.qualifier_re.match(text, end)
    if q is not None:
        w1 = _qnorm(q.group(1))
        if q.group(2):
            code = lex.qualified.get((lem, w1 + " " + _qnorm(q.group(2))))
            if code:
                return code, q.end()
        code = lex.qualified.get((lem, w1))
        if code:
            return code, q.end(1)
    return lex.bare_unit[lem], end


def _tail(lex: _Lexicon, text: str, c: _Cand) -> None:
    """Decide what the number is from what follows it."""
    e = c.num.end
    m = lex.percent_re.match(text, e)
    if m:
        c.kind, c.unit, c.end = "percent", None, m.end()
        return
    cur = _currency(lex, text, e)
    if cur:
        c.kind, c.unit, c.end = "amount", cur[0], cur[1]
        return
    m = lex.unit_re.match(text, e)
    if m:
        c.kind, c.unit, c.end = "amount", lex.unit_of[m.group("unit")], m.end()
        return
    if "ال" in c.num.toks[0].clitic:
        return  # الثمانية لدوري...: a definite number word counts only after its noun
    m = lex.noun_re.match(text, e)
    if m and _counted_noun(lex, m.group(1)):
        c.kind, c.unit, c.end = "amount", "count", m.end()


def _counted_noun(lex: _Lexicon, w: str) -> bool:
    """Can ``w``, right after a number, be the thing counted? (Arabic counted nouns are indefinite
    and carry no preposition; particles, months, durations and the like are listed out.)"""
    if w.startswith("ال") or w in lex.not_counted or w in lex.words:
        return False
    if w.startswith("لل"):
        return False  # للأسبوع: a preposition + article, no counted noun
    if w[0] in "وفبل" and len(w) > 3:
        rest = w[1:]
        if rest.startswith("ال") or rest in lex.not_counted or rest in lex.words:
            return False
    return True


def _year_like(num: _Num) -> bool:
    if not num.plain_digits:
        return False
    t = num.toks[0].text
    return len(t) == 4 and t.isdigit() and 1900 <= int(t) <= 2100


def _score_like(text: str, num: _Num) -> bool:
    s, e = num.toks[0].start, num.end
    return bool(re.search(r"\d[^\S\n]*[-–][^\S\n]*$", text[max(0, s - 4):s])
                or re.match(r"[^\S\n]*[-–][^\S\n]*\d", text[e:e + 4]))


def _structural_drop(text: str, num: _Num) -> bool:
    """Digits that belong to dates, times, phone numbers, codes and ordinals."""
    first, last = num.toks[0], num.toks[-1]
    n = len(text)
    if first.kind == "digit":
        if "ال" in first.clitic:
            return True  # الـ180: an ordinal
        s = first.start
        if s > 0:
            p = text[s - 1]
            if p in "+/:.,#":
                return True
            if p in "-–":
                if s < 2 or not text[s - 2].isdigit():
                    return True  # كوفيد-19, F-16
                if re.search(r"\d+[-–]\d+[-–]$", text[max(0, s - 12):s]):
                    return True  # third part of a date
        if _prev_word(text, s) == "ال":
            return True  # "الـ 180" with a space
    if last.kind == "digit":
        e = last.end
        if e < n:
            nxt = text[e]
            if nxt in ":/" and e + 1 < n and text[e + 1].isdigit():
                return True  # 11:22, 26/8/2025
            if nxt in "-–" and re.match(r"[-–]\d+[-–]\d", text[e:e + 12]):
                return True  # 28-08-2025
            if nxt in "-–" and e + 1 < n and text[e + 1].isalpha():
                return True
    return False


def find_amounts(folded: Folded) -> list[Span]:
    """``amount`` and ``percent`` spans of a text (see the module docstring for the rules)."""
    lex = _lexicon()
    text = folded.text
    cands: list[_Cand] = []
    for m in _phrases(lex, folded):
        for num in _numbers(lex, text, m.start(), m.end()):
            c = _Cand(num, start=num.start, value=num.value)
            if _structural_drop(text, num):
                continue
            _tail(lex, text, c)
            cands.append(c)
    _context(lex, text, cands)
    spans: list[Span] = []
    last_end = -1
    for c in cands:
        if c.drop or not c.kind:
            continue
        if c.start < last_end:
            continue
        spans.append(_span(folded, c))
        last_end = c.end
    spans.extend(_shares(lex, folded, spans))
    spans.sort(key=lambda s: s.start)
    return spans


def _phrases(lex: _Lexicon, folded: Folded) -> list[re.Match[str]]:
    """The matches of ``phrase_re.finditer(folded.text)``, trying the pattern only where a token can begin one:
    a number word with its clitics, digits, or a clitic glued to digits (the shared tokens are the anchors)."""
    tk = tokens(folded)
    toks, starts, ends = tk.toks, tk.starts, tk.ends
    text, pat, clitics = folded.text, lex.phrase_re, lex.clitic_forms
    out: list[re.Match[str]] = []
    last_end = 0
    for i in tk.having(NUMBER | DIGIT):
        p = starts[i]
        if p < last_end:
            continue
        if i and ends[i - 1] == p and toks[i - 1] in clitics:
            p = starts[i - 1]
        m = pat.match(text, p)
        if m is not None:
            out.append(m)
            last_end = m.end()
    return out


def _context(lex: _Lexicon, text: str, cands: list[_Cand]) -> None:
    for c in cands:
        num = c.num
        s = num.cstart
        # % written before the digits (some outlets: "%22")
        if not c.kind and num.toks[0].kind == "digit" and not num.toks[0].clitic:
            j = s
            while j > 0 and text[j - 1] == " ":
                j -= 1
            if j > 0 and text[j - 1] == "%" and not re.search(r"\d[^\S\n]?%$", text[max(0, j - 3):j]):
                c.kind, c.unit, c.end = "percent", None, num.end
                c.start = j - 1
        # $ written before the digits ($5 مليارات)
        if c.unit in (None, "count") and c.kind != "percent" and num.toks[0].kind == "digit":
            j = s
            while j > 0 and text[j - 1] == " ":
                j -= 1
            if j > 0 and text[j - 1] in _SYMBOLS:
                c.kind, c.unit, c.start = "amount", _SYMBOLS[text[j - 1]], j - 1
                c.end = num.end
        window = text[max(0, s - 40):s]
        c.approx = bool(lex.approx_before_re.search(window))
        prev = _prev_word(text, s)
        label = next((lex.labels[w] for w in _strip_clitic(prev) if w in lex.labels), None)
        money_or_measure = c.kind == "percent" or (c.kind == "amount" and c.unit != "count")
        if _year_like(num) and not money_or_measure and not (c.approx and c.kind):
            c.drop = True
            continue
        if label and not money_or_measure:
            c.drop = True
            continue
        if c.unit == "count" and _score_like(text, num):
            c.drop = True  # 2-1 أمام: a score, not a count
            continue
        if not c.kind:
            _definite_count(lex, text, c)
    # ranges and lists sharing the next number's unit: بين 5 و7 مليارات دولار
    for idx in range(len(cands) - 1, -1, -1):
        c = cands[idx]
        if c.kind or c.drop or idx + 1 >= len(cands):
            continue
        n = cands[idx + 1]
        if not n.kind or n.drop:
            continue
        gap = text[c.num.end:n.num.cstart]
        joiner = r"(?:[-–]|الي|حتي|او|و)"
        if n.num.toks[0].clitic.startswith("و"):
            ok = re.fullmatch(rf"{_H}*", gap) is not None
        else:
            ok = re.fullmatch(rf"{_H}*{joiner}?{_H}*", gap) is not None
        if not ok or _year_like(c.num):
            continue
        c.kind, c.unit, c.end = n.kind, n.unit, c.num.end
        if c.num.scale == 1 and n.num.scale > 1:
            c.value = c.num.value * n.num.scale
    for c in cands:
        if c.kind and not c.drop and lex.approx_after_re.match(text, c.end):
            c.approx = True


def _definite_count(lex: _Lexicon, text: str, c: _Cand) -> None:
    """الاتفاقيات الثماني عشرة: a definite noun, then a definite number word (3 and more)."""
    t = c.num.toks[0]
    if t.kind == "digit" or t.clitic != "ال" or c.num.value < 3:
        return
    prev = _prev_word(text, t.start)
    if not prev.startswith("ال") or len(prev) < 4:
        return
    bare = prev[2:]
    if bare in lex.time_words or bare in lex.words or prev in lex.not_counted:
        return
    if re.search(r"(?:سنو|اعوام|ايام|اشهر|شهور|ساعات|عقود|سنين|دقائق|اسابيع)", prev):
        return
    c.kind, c.unit, c.end = "amount", "count", c.num.end
    c.start = text.rfind(prev, 0, t.start)


def _span(folded: Folded, c: _Cand) -> Span:
    os, oe = folded.to_original(c.start, c.end)
    value: Any = _out(c.value)
    if c.kind != "percent":
        value = {"value": value, "unit": c.unit, "approx": c.approx}
    return Span(c.kind, os, oe, folded.original[os:oe], value)


def _shares(lex: _Lexicon, folded: Folded, taken: list[Span]) -> list[Span]:
    text = folded.text
    out: list[Span] = []
    for m in lex.share_re.finditer(text):
        nxt = m.group("next")
        if nxt in lex.not_share or nxt in lex.time_words or nxt in lex.words or nxt in lex.not_counted:
            continue
        if nxt.startswith("ال") and (nxt[2:] in lex.time_words or nxt[2:] in lex.not_share):
            continue
        if nxt in lex.head_lemma or lex.unit_re.match(text, m.end("frac")):
            continue  # ربع نقطة مئوية: a measure, not a share
        if m.group(0)[0] == "و":
            # عام ونصف، 57 دولارا ونصف: "and a half" of what precedes, not a share
            prev = _prev_word(text, m.start())
            if (nxt[0] == "و" or nxt in lex.not_counted or prev in lex.time_words or prev in lex.head_lemma
                    or prev in lex.unit_of or (prev and prev[0].isdigit())):
                continue
        os, oe = folded.to_original(m.start("frac"), m.end("frac"))
        if any(s.start < oe and os < s.end for s in taken):
            continue
        out.append(Span("percent", os, oe, folded.original[os:oe], _out(lex.share_value[m.group("frac")])))
    return out
