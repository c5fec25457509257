"""The "when" recogniser: a table of phrases in context, round-trip properties, and offset invariants."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest
from hijridate import Gregorian
from hypothesis import given, settings
from hypothesis import strategies as st

from alaqat.arabic.dates import (
    _lex,
    due_of,
    end_of,
    find_dates,
    parse_publication_date,
    start_of,
)
from alaqat.arabic.normalise import Folded
from alaqat.model import Span

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "tests" / "data" / "date_phrases.tsv"
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl.gz"


def load_table() -> list[tuple[str, dt.date | None, str, str | None]]:
    rows = []
    header = False
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header:
            header = True
            continue
        context, pub, span, value = line.split("\t")
        rows.append((context, None if pub == "-" else dt.date.fromisoformat(pub), span,
                     None if value in ("null", "-") else value))
    return rows


ROWS = load_table()


def spans_of(text: str, published: dt.date | None = None) -> list[Span]:
    return find_dates(Folded.of(text), published)


def test_table_is_big_enough() -> None:
    assert len(ROWS) >= 110


@pytest.mark.parametrize(("context", "published", "span", "value"), ROWS,
                         ids=[f"{i:03d}" for i in range(len(ROWS))])
def test_phrase(context: str, published: dt.date | None, span: str, value: str | None) -> None:
    found = spans_of(context, published)
    got = [(s.text, s.value) for s in found]
    if span == "-":
        assert got == []
    else:
        assert (span, value) in got, got
    for s in found:
        assert context[s.start:s.end] == s.text


# ------------------------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(("text", "published", "due"), [
    ("بحلول نهاية 2026", None, "2026"),
    ("في يونيو 2026", None, "2026-06"),
    ("في النصف الثاني من عام 2026", None, "2026"),
    ("في الربع الأول من 2027", None, "2027-01/2027-03"),
    ("خلال الربع الأخير من عام 2027", None, "2027-10/2027-12"),
    ("عام 2027", None, "2027"),
    ("بحلول عام 2030", None, "2030"),
    ("في آفاق 2030", None, "2030"),
    ("بحلول نهاية يونيو 2026", None, "2026-06"),
    ("منذ عام 2005", None, "2005"),
    ("نهاية 2026", None, "2026"),
    ("في 3 مايو 2026", None, "2026-05-03"),
    ("أمس", None, None),
])
def test_due_of(text: str, published: dt.date | None, due: str | None) -> None:
    [span] = spans_of(text, published)
    assert due_of(span) == due


@pytest.mark.parametrize(("value", "start", "end"), [
    ("2025-08-26/2025-08-27", "2025-08-26", "2025-08-27"),
    ("2005/..", "2005", None),
    ("../2026-12-31", None, "2026-12-31"),
    ("2025-08", "2025-08", "2025-08"),
    (None, None, None),
])
def test_start_end(value: str | None, start: str | None, end: str | None) -> None:
    assert start_of(value) == start
    assert end_of(value) == end


@pytest.mark.parametrize(("header", "iso"), [
    ("28-08-2025 11:22 AM", "2025-08-28"),
    ("الأحد 5 مايو 2024", "2024-05-05"),
    ("2024/05/05", "2024-05-05"),
    ("5/5/2024", "2024-05-05"),
    ("05.05.2024", "2024-05-05"),
    ("الأحد 27 شوال 1445 هـ - 5 مايو 2024 م", "2024-05-05"),
    ("27 شوال 1445 هـ", "2024-05-06"),
    ("نشر في: ٥ مايو ٢٠٢٤", "2024-05-05"),
    ("عبد الحميد الكبي", None),
    ("مايو 2024", None),
])
def test_parse_publication_date(header: str, iso: str | None) -> None:
    assert parse_publication_date(header) == iso


# ------------------------------------------------------------------------------------------- properties

INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def month_names(family: str) -> dict[int, list[str]]:
    """Unfolded month names of a family, read from the lexicon file (the test renders original spellings)."""
    out: dict[int, list[str]] = {}
    path = ROOT / "src" / "alaqat" / "arabic" / "lexicons" / "months.tsv"
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) == 4 and parts[2] == family:
            out.setdefault(int(parts[1]), []).append(parts[0])
    return out


FAMILIES = {f: month_names(f) for f in ("egypt", "levant", "maghreb", "morocco")}
HIJRI = {}
for _line in (ROOT / "src/alaqat/arabic/lexicons/hijri_months.tsv").read_text(encoding="utf-8").splitlines():
    _p = _line.split("\t")
    if len(_p) == 2 and _p[1].isdigit():
        HIJRI.setdefault(int(_p[1]), []).append(_p[0])

dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2070, 12, 31))


@settings(max_examples=300, deadline=None)
@given(d=dates, family=st.sampled_from(sorted(FAMILIES)), pick=st.integers(0, 5), indic=st.booleans(),
       form=st.sampled_from(["{d} {m} {y}", "{d} {m} عام {y}", "{d} من {m} {y}", "{d} {m} {y}م"]))
def test_render_day_month_year(d: dt.date, family: str, pick: int, indic: bool, form: str) -> None:
    names = FAMILIES[family].get(d.month) or FAMILIES["egypt"][d.month]
    name = names[pick % len(names)]
    phrase = form.format(d=d.day, m=name, y=d.year)
    if indic:
        phrase = phrase.translate(INDIC)
    text = f"وقال المتحدث إنه في {phrase} وقع الجانبان اتفاقية."
    assert [(s.text, s.value) for s in spans_of(text)] == [(phrase, d.isoformat())]


@settings(max_examples=200, deadline=None)
@given(d=dates, family=st.sampled_from(sorted(FAMILIES)), pick=st.integers(0, 5),
       form=st.sampled_from(["{m} {y}", "{m} عام {y}", "{m} من عام {y}", "شهر {m} {y}"]))
def test_render_month_year(d: dt.date, family: str, pick: int, form: str) -> None:
    names = FAMILIES[family].get(d.month) or FAMILIES["egypt"][d.month]
    phrase = form.format(m=names[pick % len(names)], y=d.year)
    text = f"وزار الوزير العاصمة خلال {phrase}، والتقى نظيره."
    assert [(s.text, s.value) for s in spans_of(text)] == [(phrase, f"{d.year:04d}-{d.month:02d}")]


@settings(max_examples=200, deadline=None)
@given(d=dates, form=st.sampled_from(["{d:02d}-{m:02d}-{y}", "{y}/{m:02d}/{d:02d}", "{d:02d}.{m:02d}.{y}",
                                      "{d}/{m}/{y}", "{y}-{m:02d}-{d:02d}"]), indic=st.booleans())
def test_render_numeric(d: dt.date, form: str, indic: bool) -> None:
    phrase = form.format(d=d.day, m=d.month, y=d.year)
    if indic:
        phrase = phrase.translate(INDIC)
    assert [(s.text, s.value) for s in spans_of(f"بتاريخ {phrase} صدر القرار")] == [(phrase, d.isoformat())]


@settings(max_examples=200, deadline=None)
@given(d=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2070, 12, 31)), pick=st.integers(0, 3),
       era=st.sampled_from(["هـ", " هـ", " ه", " هجرية"]))
def test_hijri_round_trip(d: dt.date, pick: int, era: str) -> None:
    h = Gregorian(d.year, d.month, d.day).to_hijri()
    names = HIJRI[h.month]
    phrase = f"{h.day} {names[pick % len(names)]} {h.year}{era}"
    assert [(s.text, s.value) for s in spans_of(f"صدر في {phrase} قرار")] == [(phrase, d.isoformat())]
    numeric = f"{h.year}/{h.month:02d}/{h.day:02d}"
    assert [s.value for s in spans_of(f"بتاريخ {numeric} صدر")] == [d.isoformat()]


@settings(max_examples=200, deadline=None)
@given(d=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2070, 12, 1)), n=st.integers(1, 5))
def test_day_range(d: dt.date, n: int) -> None:
    e = d + dt.timedelta(days=n)
    if e.month != d.month:
        return
    month = FAMILIES["egypt"][d.month][0]
    phrase = f"{d.day} و{e.day} {month} {d.year}"
    assert [s.value for s in spans_of(f"في {phrase} عقدت")] == [f"{d.isoformat()}/{e.isoformat()}"]


@settings(max_examples=200, deadline=None)
@given(pub=dates, month=st.integers(1, 12), direction=st.sampled_from(["الماضي", "المقبل", "الجاري"]))
def test_relative_month(pub: dt.date, month: int, direction: str) -> None:
    name = FAMILIES["egypt"][month][0]
    [span] = spans_of(f"زار الوزير باريس في {name} {direction}", pub)
    y, m = int(span.value[:4]), int(span.value[5:7])
    assert m == month
    k, kp = y * 12 + m, pub.year * 12 + pub.month
    if direction == "الماضي":
        assert kp - 12 <= k < kp
    elif direction == "المقبل":
        assert kp < k <= kp + 12
    else:
        assert y == pub.year


@settings(max_examples=100, deadline=None)
@given(pub=dates)
def test_relative_days(pub: dt.date) -> None:
    got = {s.text: s.value for s in spans_of("قال أمس إنه سيصل غدا، وكان قد وصل قبل 3 أيام", pub)}
    assert got == {"أمس": (pub - dt.timedelta(days=1)).isoformat(),
                   "غدا": (pub + dt.timedelta(days=1)).isoformat(),
                   "قبل 3 أيام": (pub - dt.timedelta(days=3)).isoformat()}


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from([*"0123456789 /-.،أإآاىيةهـًٌٍَُِّْمنذعامفيمايوآبنيسانشوالرمضان",
                                      "هـ", " عام ", " منذ ", " في ", "مايو", "آب", "2024", "١٤٤٥", "ـ"]),
                     max_size=40).map("".join))
def test_spans_slice_original(text: str) -> None:
    for s in spans_of(text, dt.date(2020, 5, 5)):
        assert text[s.start:s.end] == s.text
        assert s.kind == "date"


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_file(), reason="../shared/corpus is not beside the checkout")
def test_corpus_spans_slice_original() -> None:
    lx = _lex()
    assert lx.months
    n = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= 2000:
                break
            text = json.loads(line)["text"]
            for s in find_dates(Folded.of(text), dt.date(2018, 6, 1)):
                assert text[s.start:s.end] == s.text
                assert s.value is None or isinstance(s.value, str)
                n += 1
    assert n > 1000
