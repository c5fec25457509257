"""What every fact extractor needs: sentences and clauses with offsets, their spans, the article's countries.

Extractors read an Article whose ``spans`` are set and return Facts whose evidence is an exact slice of
``article.original``. Nothing here knows a fact type.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from alaqat.arabic.normalise import Folded, fold
from alaqat.model import Article, Fact, Span

# A sentence ends at . ! ? ؟ (not inside a number like 6.3; after a number when a space follows: "عام 2030. ارتفع")
# or at a line end; list items are their own sentences.
_SENT_END = re.compile(r"(?<!\d)[.!?؟](?!\d)[\"'”»)]*|(?<=\d)\.(?=\s)|\n")
_LIST_MARK = re.compile(r"^\s*(?:[-–—_•*·▪●]|\(?\d{1,2}[.)\-]|\(?[أابجده][.)\-])\s*")
_CLAUSE_CUT = re.compile(r"[،,;؛:]\s+|\s+[-–—]\s+")


@dataclass
class Sentence:
    """A sentence (or list item, or line) of the article body, with the spans inside it."""

    index: int
    start: int
    end: int
    text: str
    spans: list[Span] = field(default_factory=list)
    list_item: bool = False
    #: folded text of the sentence (same length mapping is not guaranteed; use for keyword tests only)
    folded: str = ""

    def of(self, *kinds: str) -> list[Span]:
        return [s for s in self.spans if s.kind in kinds]

    def countries(self) -> list[str]:
        """Countries named in the sentence, in order of first mention (country spans and places' countries)."""
        out: list[str] = []
        for s in self.spans:
            code = span_country(s)
            if code and code not in out:
                out.append(code)
        return out

    def has(self, *words: str) -> bool:
        """Does the folded sentence contain any of these (folded) words or phrases?"""
        return any(w in self.folded for w in words)

    def clauses(self) -> list[tuple[int, int]]:
        """Original-offset ranges of the sentence's clauses (cut at Arabic/Latin commas, semicolons, dashes)."""
        out: list[tuple[int, int]] = []
        pos = 0
        for m in _CLAUSE_CUT.finditer(self.text):
            if m.start() > pos:
                out.append((self.start + pos, self.start + m.start()))
            pos = m.end()
        if pos < len(self.text):
            out.append((self.start + pos, self.end))
        return out


def span_country(span: Span) -> str | None:
    if span.kind == "country":
        return span.value if isinstance(span.value, str) else None
    if span.kind in ("person", "org", "place") and isinstance(span.value, dict):
        c = span.value.get("country")
        return c if isinstance(c, str) else None
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n":
        start += 1
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return start, end


def sentences(article: Article) -> list[Sentence]:
    """The body's sentences with their spans, cached on the article for every extractor."""
    cached = article.cache.get("sentences")
    if cached is not None:
        return list(cached)
    out: list[Sentence] = []
    spans = sorted(article.spans, key=lambda s: s.start)
    ranges = list(article.body)
    if article.title_span and article.title_span not in ranges:
        ranges.insert(0, article.title_span)
    for bs, be in ranges:
        line = article.original[bs:be]
        m = _LIST_MARK.match(line)
        list_item = bool(m) and len(line) < 600
        offset = m.end() if (m and list_item) else 0
        pos = offset
        for cut in _SENT_END.finditer(line, offset):
            s, e = _trim(article.original, bs + pos, bs + cut.end())
            if e - s > 1:
                out.append(Sentence(len(out), s, e, article.original[s:e], list_item=list_item))
            pos = cut.end()
        s, e = _trim(article.original, bs + pos, be)
        if e - s > 1:
            out.append(Sentence(len(out), s, e, article.original[s:e], list_item=list_item))
    i = 0
    for sent in out:
        sent.folded = fold(sent.text)
        while i < len(spans) and spans[i].start < sent.start:
            i += 1
        j = i
        while j < len(spans) and spans[j].start < sent.end:
            if spans[j].end <= sent.end:
                sent.spans.append(spans[j])
            j += 1
    article.cache["sentences"] = out
    return list(out)


def article_countries(article: Article) -> list[str]:
    """Countries of the article, most mentioned first (title mentions count triple)."""
    cached = article.cache.get("article_countries")
    if cached is not None:
        return list(cached)
    counts: Counter[str] = Counter()
    title = article.title_span
    for s in article.spans:
        code = span_country(s)
        if code:
            counts[code] += 3 if title and title[0] <= s.start < title[1] else 1
    ranked = [c for c, _ in counts.most_common()]
    article.cache["article_countries"] = ranked
    return list(ranked)


def main_pair(article: Article) -> tuple[str, str] | None:
    """The article's two main countries (sorted), when it has two."""
    ranked = article_countries(article)
    if len(ranked) < 2:
        return None
    a, b = sorted(ranked[:2])
    return a, b


def make_fact(article: Article, ftype: str, fields: dict[str, object], start: int, end: int,
              confidence: float = 0.7) -> Fact:
    """A Fact whose evidence is ``original[start:end]`` (trimmed of white space)."""
    s, e = _trim(article.original, start, end)
    return Fact(ftype, dict(fields), s, e, article.original[s:e], confidence)


def folded_view(article: Article) -> Folded:
    f = article.cache.get("folded")
    if f is None:
        f = Folded.of(article.original)
        article.cache["folded"] = f
    return f


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """A pattern data file of ``alaqat/extract/patterns`` as folded, non-empty, non-comment lines."""
    text = resources.files("alaqat.extract").joinpath("patterns", name).read_text("utf-8")
    return tuple(fold(ln.strip()) for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#"))


@cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """A TSV pattern file as rows; the first column is folded (it is the Arabic key)."""
    text = resources.files("alaqat.extract").joinpath("patterns", name).read_text("utf-8")
    rows = []
    for ln in text.splitlines():
        if not ln.strip() or ln.lstrip().startswith("#"):
            continue
        cols = ln.split("\t")
        rows.append((fold(cols[0].strip()), *(c.strip() for c in cols[1:])))
    return tuple(rows)


def sectors_of(text: str) -> list[str]:
    """Sectors named in a text (patterns/sectors.tsv). Longer keywords win: ``الطاقة المتجددة`` is renewables,
    not also energy; ``الأمن الغذائي`` is food, not also security. Keywords start at a word's start."""
    found: list[str] = []
    regex, sector_of = _sector_regex()
    for m in regex.finditer(fold(text)):
        sector = _lookup(sector_of, m.group(1))
        if sector is None:
            continue
        if sector not in found:
            found.append(sector)
    return found


def _lookup(sector_of: dict[str, str], word: str) -> str | None:
    """The sector of a matched word: its keyword is the longest key the word starts with."""
    for end in range(len(word), 1, -1):
        sector = sector_of.get(word[:end])
        if sector is not None:
            return sector
    return None


@cache
def _sector_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    sector_of: dict[str, str] = {}
    prefixes: set[str] = set()
    for key, sector, *_ in load_table("sectors.tsv"):
        is_prefix = key.endswith("*")
        key = key.rstrip("*")
        forms = [key]
        if key.startswith("ال"):
            forms += ["لل" + key[2:], key[2:]]  # ل + ال -> لل; and the bare noun (بورصة, صادرات)
        for form in forms:
            sector_of.setdefault(form, sector)
            if is_prefix:
                prefixes.add(form)
    keys = sorted(sector_of, key=len, reverse=True)
    alternatives = [re.escape(k) + (r"[\w]*" if k in prefixes else r"(?:ه|ات|ي|يه|يات|ين|ون|ها)?(?![\w])")
                    for k in keys]
    regex = re.compile(r"(?<![\w])(?:[وفبك]|وب|ول|وك)?(?:ال)?(" + "|".join(f"(?:{a})" for a in alternatives) + ")")
    return regex, sector_of


def overlapping(items: Iterable[Fact], start: int, end: int) -> list[Fact]:
    return [f for f in items if f.start < end and start < f.end]


_CREDIT_AFTER = re.compile(r"\s*\)[ \t]*(?:-{1,2}|[–—:]|\n|\Z)")


def is_credit(article: Article, span: Span) -> bool:
    """An outlet credited in a dateline (``الرياض (CNN)-- وقعت``، ``عمان (رويترز) -``): a source, never a party
    or an actor. The name stands in brackets followed by a dash, a colon or the end of the line."""
    text = article.original
    return text[max(0, span.start - 2):span.start].strip().endswith("(") and \
        _CREDIT_AFTER.match(text, span.end) is not None

