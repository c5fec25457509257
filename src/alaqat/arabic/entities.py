"""The "who" recognisers: countries, people, organisations, places, events and decorations.

One pass of tokenisation over the folded text, then dictionary look-ups of token n-grams
(clitics و ف ب ل ك and the article handled by pre-expanded surface forms), then a few rules
that read the names after titles and head nouns. All knowledge is in ``lexicons/``.

Span semantics (every span is ``original[start:end]`` without the clitics glued to its first word;
``لل`` + noun loses both lams, so ``للأردن`` gives the span ``أردن``):

- ``country`` -> ISO code. Names (``جمهورية كازاخستان``), adjectives in every form (``الكازاخستانيين``).
  Bare ``عمان`` is the place Amman (JO); ``سلطنة عمان``, ``سلطان عمان``, the adjectives ``عماني…`` and
  ``عمان`` coordinated with another Gulf state are Oman (OM).
- ``person`` -> ``{"name", "country"}``. The span covers the name only (titles excluded); the name is
  the fullest form written at that mention. Fixed ruler titles without a name (``خادم الحرمين الشريفين``,
  ``أمير البلاد``) give a person span over the title with ``name: null``.
- ``org`` -> ``{"name", "country"}``. The span covers head noun, name and a following adjective of
  state; the name keeps the head noun except for companies (``شركة X`` -> ``X``) and quoted or Latin names.
- ``place`` -> ``{"name", "country"}``; ``event`` and ``award`` -> ``{"name"}`` (head noun included,
  a quoted award name alone).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from alaqat.arabic.normalise import Folded, fold
from alaqat.arabic.tokens import ENTITY, LATIN, TOKEN, tokens
from alaqat.model import Span

LEXICONS = Path(__file__).parent / "lexicons"

_TOKEN = TOKEN
_OPEN_QUOTES = frozenset('"“«„\'”‘’')
_CLOSE_FOR = {"«": "»", "“": "”", "„": "“"}
_GULF = frozenset({"SA", "AE", "QA", "KW", "BH", "YE"})

# Kinds of lexicon entry, in order of preference when one phrase has several.
_PRIORITY = {"block": 0, "org": 1, "leader": 2, "ruler": 3, "country": 4, "demonym": 5, "place": 6,
             "title": 7, "orghead": 8, "eventhead": 9, "awardhead": 10, "placehead": 11, "short": 12}


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str
    value: Any = None  # code, (code, needs_full_mention) for leaders, head mode, ...


@dataclass(slots=True)
class _Match:
    i: int  # first token
    j: int  # one past the last token
    plen: int  # clitic characters to skip in the first token
    entry: Entry


class _Lexicon:
    """All lexicons compiled into n-gram tables keyed by the first (clitic-free) token."""

    def __init__(self) -> None:
        self.phrases: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        self.surface: dict[str, list[tuple[int, str]]] = {}
        self.stop = _words("name_stopwords.txt")
        self.given = _words("given_names.txt")
        self.latin_stop = _words("latin_stopwords.txt")
        self.suffixes = _words("org_suffixes.txt")
        self.modifiers = _words("title_modifiers.txt")
        self.generic = _words("generic_words.txt")
        self.state_words: set[str] = set()  # one-word country, capital and adjective (العاهل الأردني)
        self._load()
        for entries in self.phrases.values():
            entries.sort(key=lambda e: (-len(e[0]), _PRIORITY[e[1].kind]))
        for base in list(self.phrases):
            for plen, form in _clitic_forms(base):
                self.surface.setdefault(form, []).append((plen, base))

    def add(self, phrase: str, entry: Entry) -> None:
        toks = tuple(t for t in _TOKEN.findall(fold(phrase)))
        if not toks:
            return
        self.phrases.setdefault(toks[0], []).append((toks[1:], entry))
        if "عبد" in toks[:-1]:  # عبد الله -> عبدالله, سلمان بن عبد العزيز -> سلمان بن عبدالعزيز
            joined: list[str] = []
            for tok in toks:
                if joined and joined[-1] == "عبد":
                    joined[-1] += tok
                else:
                    joined.append(tok)
            self.phrases.setdefault(joined[0], []).append((tuple(joined[1:]), entry))
        if len(toks) == 1 and entry.kind in ("country", "demonym", "place"):
            self.state_words.add(toks[0])

    def _load(self) -> None:
        for code, name in _rows("countries.tsv", 2):
            self._add_country(code, name)
        for code, name in _rows("country_aliases.tsv", 2):
            self._add_country(code, name)
        for code, masc, irregular in _rows("demonyms.tsv", 3):
            for form in _inflect(masc.split("|")):
                self.add(form, Entry("demonym", code))
            for form in filter(None, irregular.split("|")):
                self.add(form, Entry("demonym", code))
                self.add("ال" + form, Entry("demonym", code))
        for code, names in _rows("places.tsv", 2):
            for name in names.split("|"):
                self.add(name, Entry("place", code))
        for row in _rows("leaders.tsv", 5):
            code, _role, _years, names, shorts = row
            full = names.split("|")
            person = (code, full[0])
            for name in full:
                self.add(name, Entry("leader", person))
            for short in filter(None, shorts.split("|")):
                self.add(short.lstrip("*"), Entry("short", (person, short.startswith("*"))))
        for phrase, code in _rows("ruler_titles.tsv", 2):
            self.add(phrase, Entry("ruler", code or None))
        for name, code in _rows("orgs.tsv", 2):
            self.add(name, Entry("org", code or None))
        for phrase in _lines("not_entities.tsv"):
            self.add(phrase, Entry("block"))
        for phrase in _lines("person_titles.txt"):
            self.add(phrase, Entry("title"))
        for head, mode in _rows("org_heads.tsv", 2):
            self.add(head, Entry("orghead", mode))
        for head, weak in _rows("event_heads.txt", 2):
            self.add(head, Entry("eventhead", weak or None))
        for phrase in _lines("award_heads.txt"):
            self.add(phrase, Entry("awardhead"))
        for phrase in _lines("place_heads.txt"):
            admin = phrase.endswith("*")
            phrase = phrase.rstrip("*")
            self.add(phrase, Entry("placehead", admin))

    def _add_country(self, code: str, name: str) -> None:
        self.add(name, Entry("country", code))
        for prefix in ("جمهورية", "دولة", "مملكة", "سلطنة", "إمارة"):
            self.add(f"{prefix} {name}", Entry("country", code))


def _lines(name: str) -> list[str]:
    out = []
    for line in (LEXICONS / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.strip())
    return out


def _rows(name: str, width: int) -> list[list[str]]:
    out = []
    for line in (LEXICONS / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        out.append((cells + [""] * width)[:width])
    return out


def _words(name: str) -> set[str]:
    return {fold(w) for w in _lines(name)}


_SUFFIXES = ("", "ة", "ون", "ين", "ات", "تين", "تان", "ان")


def _inflect(masculine: Iterable[str]) -> Iterator[str]:
    """Every form of a nisba adjective, with and without the article, each word inflected alike (a name such as
    تركيا or روسيا that the accusative form spells is a country entry first, which wins at equal length)."""
    for masc in masculine:
        words = masc.split()
        for suffix in _SUFFIXES:
            forms = [w + suffix for w in words]
            yield " ".join(forms)
            yield " ".join("ال" + w for w in forms)
        yield " ".join(w + "ا" for w in words)  # the indefinite accusative: 120 طالبا فيتناميا، وفدا سعوديا


def _clitic_forms(base: str) -> Iterator[tuple[int, str]]:
    """(characters to skip, surface form) for a lexicon token with the proclitics it may carry."""
    yield 0, base
    for p in ("و", "ف", "ب", "ك", "وب", "فب", "وك"):
        yield len(p), p + base
    if base.startswith("ال") and len(base) > 3:
        for p in ("لل", "ولل", "فلل"):
            yield len(p), p + base[2:]
    else:
        for p in ("ل", "ول", "فل"):
            yield len(p), p + base


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The compiled lexicons (loaded once)."""
    return _Lexicon()



# ---------------------------------------------------------------------------------------------- text


class _Text:
    """Tokens of a folded text: folded offsets, token strings, and the lexicon matches over them."""

    def __init__(self, folded: Folded, lex: _Lexicon) -> None:
        self.folded = folded
        self.lex = lex
        tk = tokens(folded)
        self.starts: list[int] = tk.starts
        self.ends: list[int] = tk.ends
        self.toks: list[str] = tk.toks
        self.n = len(self.toks)
        self.at: dict[int, _Match] = {}  # first token -> match
        self.ends_at: dict[int, _Match] = {}  # one past the last token -> match
        self.matches: list[_Match] = []
        self.full_leaders: dict[tuple[str, str], str] = {}
        self._match_all()

    def _match_all(self) -> None:
        toks, surface, phrases, n = self.toks, self.lex.surface, self.lex.phrases, self.n
        last = 0
        for i in tokens(self.folded).having(ENTITY):
            if i < last:
                continue
            best: _Match | None = None
            for plen, base in surface.get(toks[i], ()):
                for rest, entry in phrases[base]:
                    j = i + 1 + len(rest)
                    if best is not None and (j < best.j or (j == best.j and _PRIORITY[entry.kind]
                                                           >= _PRIORITY[best.entry.kind])):
                        continue
                    if j <= n and (not rest or tuple(toks[i + 1:j]) == rest):
                        best = _Match(i, j, plen, entry)
            if best is None:
                continue
            self.at[i] = best
            self.ends_at[best.j] = best
            self.matches.append(best)
            last = best.j

    # -- helpers
    def kind(self, i: int) -> str | None:
        m = self.at.get(i)
        return m.entry.kind if m else None

    def is_word(self, i: int) -> bool:
        return 0 <= i < self.n and self.toks[i][0].isalpha()

    def is_arabic(self, i: int) -> bool:
        return 0 <= i < self.n and "\u0621" <= self.toks[i][0] <= "\u06d3"

    def is_latin(self, i: int) -> bool:
        return 0 <= i < self.n and self.toks[i][0].isascii() and self.toks[i][0].isalpha()

    def orig_range(self, i: int, j: int, plen: int = 0) -> tuple[int, int]:
        return self.folded.to_original(self.starts[i] + plen, self.ends[j - 1])

    def orig(self, i: int, j: int, plen: int = 0) -> str:
        s, e = self.orig_range(i, j, plen)
        return self.folded.original[s:e]

    def name(self, i: int, j: int, plen: int = 0) -> str:
        """A name as written, hashtag marks turned to spaces and the article elided after لل restored."""
        text = self.orig(i, j, plen).replace("_", " ").replace("#", "").strip()
        if plen >= 2 and self.toks[i][plen - 2:plen] == "لل":
            text = "ال" + text
        return text

    def gap_is_space(self, i: int) -> bool:
        """True when token ``i`` and ``i + 1`` are separated by white space only (or touch)."""
        return self.folded.text[self.ends[i]:self.starts[i + 1]].strip(" \t\n#_") == ""

    def span(self, kind: str, i: int, j: int, value: Any, plen: int = 0) -> Span:
        s, e = self.orig_range(i, j, plen)
        return Span(kind, s, e, self.folded.original[s:e], value)


# ------------------------------------------------------------------------------------------ recognise


def find_entities(folded: Folded) -> list[Span]:
    """Countries, people, organisations, places, events and decorations of a folded text."""
    lex = lexicon()
    t = _Text(folded, lex)
    spans: list[Span] = []
    person_ranges: list[tuple[int, int]] = []
    used: set[int] = set()  # tokens already inside an org/event/award/person name
    full_leaders: dict[tuple[str, str], str] = {}  # leader -> longest form written in this text
    for m in t.matches:
        if m.entry.kind == "leader":
            written = t.orig(m.i, m.j, m.plen)
            if len(written) > len(full_leaders.get(m.entry.value, "")):
                full_leaders[m.entry.value] = written
    t.full_leaders = full_leaders
    aliases: dict[str, dict[str, Any]] = {}

    for m in t.matches:
        kind = m.entry.kind
        if kind in ("title", "ruler") and m.i not in used:
            got = _person_after_title(t, m)
            if got is not None:
                i, j, value = got
                spans.append(t.span("person", i, j, value))
                person_ranges.append((i, j))
                used.update(range(i, j))
                if j - i >= 2:
                    last = t.toks[j - 1]
                    if len(last) >= 4 and last not in lex.stop and last not in lex.given:
                        aliases[last] = value
        elif kind == "orghead" and m.i not in used:
            for i, j, value, plen in _orgs_after_head(t, m):
                spans.append(t.span("org", i, j, value, plen))
                used.update(range(i, j))
        elif kind == "eventhead":
            got2 = _name_after_head(t, m, event=True)
            if got2 is not None:
                j, name = got2
                spans.append(t.span("event", m.i, j, {"name": name}, m.plen))
                used.update(range(m.i, j))
        elif kind == "awardhead":
            got2 = _name_after_head(t, m, event=False)
            if got2 is not None:
                j, name = got2
                spans.append(t.span("award", m.i, j, {"name": name}, m.plen))
                used.update(range(m.i, j))
        elif kind == "placehead":
            got3 = _place_after_head(t, m)
            if got3 is not None:
                i, j, value = got3
                spans.append(t.span("place", i, j, value))

    for m in t.matches:
        kind = m.entry.kind
        if kind == "leader":
            code, _canon = m.entry.value
            value = {"name": t.orig(m.i, m.j, m.plen), "country": code, "full": full_leaders[m.entry.value]}
            if not any(a <= m.i < b for a, b in person_ranges):
                spans.append(t.span("person", m.i, m.j, value, m.plen))
                person_ranges.append((m.i, m.j))
        elif kind == "short":
            person, needs_full = m.entry.value
            if needs_full and person not in full_leaders:
                continue
            if not any(a <= m.i < b for a, b in person_ranges):
                value = {"name": t.orig(m.i, m.j, m.plen), "country": person[0],
                         "full": full_leaders.get(person, person[1])}
                spans.append(t.span("person", m.i, m.j, value, m.plen))
                person_ranges.append((m.i, m.j))
        elif kind == "ruler":
            spans.extend(_ruler(t, m, person_ranges))
        elif kind in ("country", "demonym"):
            if not any(a <= m.i < b for a, b in person_ranges):
                spans.append(t.span("country", m.i, m.j, m.entry.value, m.plen))
        elif kind == "place":
            if any(a <= m.i < b for a, b in person_ranges):
                continue
            spans.append(_place(t, m))
        elif kind == "org" and m.i not in used:
            name = t.name(m.i, m.j, m.plen)
            spans.append(t.span("org", m.i, m.j, {"name": name, "country": m.entry.value}, m.plen))

    spans.extend(_latin_orgs(t, used))
    if aliases:
        spans.extend(_alias_mentions(t, aliases, person_ranges))
    spans.sort(key=lambda s: (s.start, -s.end, s.kind))
    return [_person_value(s) for s in _dedupe(spans)]


def _person_value(span: Span) -> Span:
    """A person's value is ``{"name", "country"}`` with ``name`` the fullest form the text gives of that
    person, so a later ``شي`` or ``توكاييف`` resolves to the same name as the first full mention."""
    if span.kind != "person" or not isinstance(span.value, dict) or "full" not in span.value:
        return span
    name = span.value.get("full") or span.value.get("name")
    return Span(span.kind, span.start, span.end, span.text, {"name": name, "country": span.value.get("country")})


def _dedupe(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in spans:
        if out and (out[-1].kind, out[-1].start, out[-1].end) == (s.kind, s.start, s.end):
            continue
        out.append(s)
    return out


# ------------------------------------------------------------------------------------------- people

_CONNECT = frozenset({"بن", "بنت", "ابن", "ال", "ابو", "ابي", "عبد", "ولد", "دي", "دا", "فون", "فان"})
_HONORIFICS = frozenset(fold(w) for w in ("فخامة", "سمو", "سموه", "جلالة", "معالي", "سعادة", "د"))
_ORDINALS = frozenset(fold(w) for w in ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع",
                                        "الثامن", "التاسع", "العاشر", "الحادي عشر"))
_VERB_START = ("ي", "ت", "ن", "و", "س")
#: unknown words starting so are verbs, clitic-prefixed words or derived nouns rather than names
_NOT_NAME_START = ("ال", "ي", "ت", "ن", "و", "س", "ب", "ل", "ف", "ك", "است", "ان", "ات")
_NOT_NAME_END = ("ي", "ه", "ها", "هم", "نا", "كم")  # adjectives, feminine nouns, pronoun suffixes
_NOT_NAME_START_M = (*_NOT_NAME_START, "م")  # participles (مشترك، متعدد) begin no company name


def _skip_modifiers(t: _Text, k: int, limit: int = 4) -> tuple[int, str | None]:
    """Skip further titles, adjectives of state and modifiers after a title; the state they give."""
    country: str | None = None
    steps = 0
    while k < t.n and steps < limit:
        mk = t.at.get(k)
        if mk is not None and mk.entry.kind in ("title", "ruler", "org"):
            if mk.entry.kind == "ruler" and mk.entry.value:
                country = mk.entry.value
            k = mk.j
        elif mk is not None and mk.entry.kind in ("demonym", "country"):
            country = mk.entry.value
            k = mk.j
        elif t.toks[k] in t.lex.modifiers:
            k += 1
        else:
            break
        steps += 1
    return k, country


def _name_start_ok(t: _Text, k: int, unknown_ok: bool) -> bool:
    """May token ``k`` begin a name? Known given names always; other words only where ``unknown_ok``."""
    tok = t.toks[k]
    if not t.is_arabic(k) or len(tok) < 2:
        return False
    if tok == "علي" and t.orig(k, k + 1).endswith("ى"):  # the preposition على, folded like the name علي
        return False
    if tok in t.lex.given:
        return True
    if not unknown_ok or tok in t.lex.stop or tok in t.lex.generic or k in t.at:
        return False
    return not tok.startswith(_NOT_NAME_START)


def _person_after_title(t: _Text, m: _Match) -> tuple[int, int, dict[str, Any]] | None:
    k, country = _skip_modifiers(t, m.j)
    if country is None and m.entry.kind == "ruler":  # خادم الحرمين الشريفين الملك ... -> SA
        country = m.entry.value
    if k >= t.n or (k > m.j and not t.gap_is_space(k - 1)) or not t.gap_is_space(m.j - 1):
        return None
    mk = t.at.get(k)
    if mk is not None and (mk.entry.kind == "leader" or (mk.entry.kind == "short" and (
            not mk.entry.value[1] or mk.entry.value[0] in t.full_leaders))):
        return None  # the leader pass makes that span
    strong = t.toks[m.i][m.plen:].startswith("ال") or m.j - m.i > 1 or m.entry.kind == "ruler" \
        or t.toks[m.i] in _HONORIFICS
    if not _name_start_ok(t, k, unknown_ok=strong and k == m.j):
        return None
    j = k + 1
    while j < t.n and j - k < 6 and t.is_arabic(j) and t.gap_is_space(j - 1):
        tok, prev = t.toks[j], t.toks[j - 1]
        if tok in t.lex.stop and prev not in _CONNECT:
            break
        if prev in _CONNECT or tok in _CONNECT or tok in _ORDINALS:
            j += 1
            continue
        if j in t.at and t.at[j].entry.kind not in ("leader", "short"):
            break
        if tok.startswith("ال"):
            if tok.endswith(("ات", "يه", "ون")) or tok in t.lex.generic:
                break
            if j - k < 2 and t.toks[k] not in t.lex.given:  # خالد العتيبي, not توكاييف الإنجازات
                break
        elif tok not in t.lex.given and tok.startswith(("و", "ب", "ل", "ف")):
            break
        j += 1
    while j > k + 1 and t.toks[j - 1] in _CONNECT:  # "... بن" at a boundary
        j -= 1
    name = t.orig(k, j)
    return k, j, {"name": name, "country": country, "full": name}


def _ruler(t: _Text, m: _Match, person_ranges: list[tuple[int, int]]) -> list[Span]:
    out: list[Span] = []
    code = m.entry.value
    if code and m.j - m.i >= 2 and t.toks[m.j - 1] in t.lex.state_words:  # العاهل الأردني, not الشريفين
        out.append(t.span("country", m.j - 1, m.j, code))
    k, _c = _skip_modifiers(t, m.j, 2)
    named_after = any(a == k for a, _b in person_ranges) or t.kind(k) in ("leader", "short")
    named_before = any(b == m.i for _a, b in person_ranges)
    if not named_after and not named_before:
        out.append(t.span("person", m.i, m.j, {"name": None, "country": code, "full": None}, m.plen))
    return out


def _alias_mentions(t: _Text, aliases: dict[str, dict[str, Any]],
                    person_ranges: list[tuple[int, int]]) -> list[Span]:
    out: list[Span] = []
    covered = {x for a, b in person_ranges for x in range(a, b)}
    for i, tok in enumerate(t.toks):
        if i in covered:
            continue
        plen = 0
        if tok not in aliases and tok[:1] in ("و", "ب", "ل", "ف") and tok[1:] in aliases:
            plen = 1
        value = aliases.get(tok[plen:])
        if value is not None:
            out.append(t.span("person", i, i + 1, {"name": t.orig(i, i + 1, plen), "country": value["country"],
                                                   "full": value["full"]}, plen))
    return out


# ---------------------------------------------------------------------------------- organisations


def _quoted(t: _Text, k: int, limit: int = 10) -> tuple[int, int] | None:
    """(first content token, closing quote token) for a quotation opening at token ``k``."""
    opening = t.toks[k]
    closing = _CLOSE_FOR.get(opening)
    for j in range(k + 1, min(t.n, k + 2 + limit)):
        tok = t.toks[j]
        if tok == closing or (closing is None and tok in _OPEN_QUOTES) or tok in ("»", "”"):
            return (k + 1, j) if j > k + 1 else None
        if tok in (".", "،", ",", "\n", "؛", ":"):
            return None
    return None


def _adjective(t: _Text, j: int) -> tuple[str | None, int]:
    """The state of an adjective at token ``j`` (and the token after it), else (None, j)."""
    mj = t.at.get(j)
    if j < t.n and mj is not None and mj.entry.kind == "demonym" and mj.plen == 0 and t.gap_is_space(j - 1):
        return mj.entry.value, mj.j
    return None, j


def _latin_run(t: _Text, k: int) -> int:
    """End of a run of Latin words that make a name, starting at ``k``."""
    j = k + 1
    while j < t.n and j - k < 6:
        gap = t.folded.text[t.ends[j - 1]:t.starts[j]]
        if gap.strip() not in ("", "-", "&", ".") or not t.is_latin(j):
            break
        word = t.orig(j, j + 1)
        if not (word[:1].isupper() or t.toks[j] in t.lex.suffixes):
            break
        j += 1
    if j < t.n and t.toks[j] in t.lex.suffixes and t.is_arabic(j):  # YDA القابضة
        j += 1
    return j


def _orgs_after_head(t: _Text, m: _Match) -> list[tuple[int, int, dict[str, Any], int]]:
    mode = m.entry.value
    k = m.j
    if k >= t.n:
        return []
    out: list[tuple[int, int, dict[str, Any], int]] = []
    start, plen = m.i, m.plen
    while True:
        tok = t.toks[k]
        if tok in _OPEN_QUOTES:
            q = _quoted(t, k)
            if q is None:
                return out
            name, end = t.orig(q[0], q[1]), q[1] + 1
        elif t.is_latin(k) and t.gap_is_space(k - 1):
            end = _latin_run(t, k)
            name = t.orig(k, end)
        elif mode == "definite":
            end = _definite_name(t, k)
            if end == k:
                return out
            name = t.name(m.i, end, m.plen)
        elif mode == "keep":
            end = _keep_name(t, m, k)
            if end == k:
                return out
            name = t.name(m.i, end, m.plen)
        else:
            end = k if t.toks[m.j - 1].startswith("ال") else _company_name(t, k)
            if end == k:
                return out
            name = t.orig(k, end)
        country, end = _adjective(t, end)
        if country is None:
            country = _country_inside(t, k, end)
        out.append((start, end, {"name": name, "country": country}, plen))
        # شركتي "أ" و"ب": a second name after و
        if mode != "dual" or len(out) > 1 or end >= t.n:
            return out
        nxt = t.toks[end]
        if nxt == "و" and end + 1 < t.n:
            k, start, plen = end + 1, end + 1, 0
        elif nxt.startswith("و") and len(nxt) > 2:
            return out  # a joined second name is rare; leave it
        else:
            return out


def _company_name(t: _Text, k: int) -> int:
    j = k
    while j < t.n and j - k < 4 and t.is_arabic(j) and t.gap_is_space(j - 1):
        tok = t.toks[j]
        if tok in t.lex.stop or tok in t.lex.generic:
            break
        mj = t.at.get(j)
        if mj is not None and mj.entry.kind in ("demonym", "title", "orghead", "eventhead", "awardhead", "ruler"):
            break
        if j > k and (tok.startswith(("و", "ب")) or (tok.startswith("ل") and not _lam_name(tok))):
            break
        if mj is not None and mj.j > j + 1:
            j = mj.j
            continue
        j += 1
    return j


def _definite_name(t: _Text, k: int) -> int:
    """End of the name after a definite head that is a name only with what follows: adjectives, then a
    "ل" word and its complements (الشركة السعودية للكهرباء، المكتب الوطني للهيدروكاربورات والمعادن)."""
    lex = t.lex
    j, adjectives = k, 0
    while j < t.n and adjectives < 3 and t.is_arabic(j) and t.gap_is_space(j - 1):
        tok, mj = t.toks[j], t.at.get(j)
        if mj is not None and mj.entry.kind in ("demonym", "country") and mj.plen == 0 and tok.startswith("ال"):
            j, adjectives = mj.j, adjectives + 1  # السعودية is a demonym and a country's name
        elif mj is None and tok.startswith("ال") and len(tok) > 3 and tok not in lex.stop \
                and tok not in lex.generic:
            j, adjectives = j + 1, adjectives + 1
        else:
            break
    if not adjectives or j >= t.n or not t.gap_is_space(j - 1) or not t.toks[j].startswith("لل") \
            or not _lam_name(t.toks[j]) or t.at.get(j) is not None:
        return k
    j += 1
    complements = 0
    while j < t.n and complements < 4 and t.is_arabic(j) and t.gap_is_space(j - 1):
        tok, mj = t.toks[j], t.at.get(j)
        if tok in lex.stop or tok in lex.generic:
            break
        if mj is not None:
            if mj.entry.kind == "demonym" and mj.plen == 0:
                j = mj.j
            break
        if not ((tok.startswith("ال") and len(tok) > 3) or (tok.startswith("وال") and len(tok) > 4)):
            break
        j, complements = j + 1, complements + 1
    return j


def _keep_name(t: _Text, m: _Match, k: int) -> int:
    """End of the name of a ministry, authority, university... whose head noun is part of the name."""
    lex = t.lex
    definite_head = t.toks[m.j - 1].startswith("ال")
    tok = t.toks[k]
    if not t.is_arabic(k) or not t.gap_is_space(k - 1) or tok in lex.stop or tok in lex.generic:
        return k
    mk = t.at.get(k)
    kind = mk.entry.kind if mk else None
    if kind == "demonym" and not definite_head:
        return k
    if kind in ("country", "place", "org", "title", "demonym"):
        assert mk is not None
        j = mk.j
        if kind == "title":  # مجمع الملك حسين
            if j < t.n and (t.toks[j] in lex.given or t.kind(j) == "leader"):
                j = t.at[j].j if t.kind(j) == "leader" else j + 1
            else:
                return k
        if kind == "demonym":
            return j
    elif tok.startswith("ال") and len(tok) > 3:
        j = k + 1
    elif not definite_head and kind is None and not tok.startswith(_NOT_NAME_START_M) \
            and not tok.endswith(("ي", "ه")):
        j = k + 1  # a proper name: مجموعة أورزاكس
    elif not definite_head and kind is None and _verbal_noun(tok) and k + 1 < t.n and t.gap_is_space(k) \
            and t.toks[k + 1].startswith("ال") and len(t.toks[k + 1]) > 3 and t.at.get(k + 1) is None:
        j = k + 1  # a verbal noun in construct: هيئة ترويج الاستثمار، صندوق تنمية الصادرات
    else:
        return k
    after_lam = -1  # words allowed after a "ل" word (جامعة أستانا لتكنولوجيا المعلومات)
    while j < t.n and j - k < 7 and t.is_arabic(j) and t.gap_is_space(j - 1):
        tok = t.toks[j]
        mj = t.at.get(j)
        kind = mj.entry.kind if mj else None
        if tok in lex.stop or after_lam == 0:
            break
        if kind == "demonym":
            assert mj is not None
            if mj.plen:
                break
            while t.kind(mj.j) == "demonym" and t.at[mj.j].plen == 0:  # اللجنة القطرية الكازاخستانية
                mj = t.at[mj.j]
            return mj.j
        if kind in ("title", "ruler", "orghead", "eventhead", "awardhead", "leader", "block"):
            break
        if kind in ("country", "place", "org"):
            assert mj is not None
            if mj.plen and not t.toks[j].startswith("لل"):
                break
            j = mj.j
            after_lam -= 1
            continue
        if tok.startswith(("ال", "وال")) and len(tok) > 3:
            after_lam -= 1
        elif tok.startswith("ل") and after_lam < 0 and _lam_name(tok):
            after_lam = 2
        else:
            break
        j += 1
    return j


def _verbal_noun(tok: str) -> bool:
    """A verbal noun of the تفعيل pattern (ترويج، تنظيم، تطوير، تنمية), not a present verb (تضم، تعمل)."""
    return len(tok) == 5 and tok[0] == "ت" and (tok[3] == "ي" or tok.endswith("يه"))


def _lam_name(tok: str) -> bool:
    """A "ل" word that continues a name (للأعمال، لتكنولوجيا) rather than a purpose (لتعزيز، لإنشاء)."""
    if tok.startswith("لل"):
        return len(tok) > 4
    rest = tok[1:]
    if len(rest) < 4 or rest[0] in "ام":
        return False
    return not (rest[0] == "ت" and len(rest) == 5 and rest[3] == "ي")  # تفعيل: تعزيز، تطوير، توريد


def _country_inside(t: _Text, i: int, j: int) -> str | None:
    for x in range(i, j):
        mx = t.at.get(x)
        if mx is not None and mx.entry.kind in ("country", "demonym", "place", "org"):
            v = mx.entry.value
            return v if isinstance(v, str) else None
    return None


def _latin_orgs(t: _Text, used: set[int]) -> list[Span]:
    out: list[Span] = []
    toks = t.toks
    latin = tokens(t.folded).having(LATIN)
    i = 0
    for x in latin:
        if x < i:
            continue
        i = x
        if i in used or toks[i] in t.lex.latin_stop:
            continue
        if i > 0 and t.is_latin(i - 1) and t.gap_is_space(i - 1):
            i += 1
            continue
        word = t.orig(i, i + 1)
        end = _latin_run(t, i)
        camel = any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)
        acronym = word.isupper() and len(word) >= 2
        legal = any(t.toks[x] in t.lex.suffixes for x in range(i + 1, end))
        if not (camel or acronym or legal) or not word[:1].isupper():
            i = end
            continue
        name = t.orig(i, end)
        country, stop = _adjective(t, end)
        out.append(t.span("org", i, stop, {"name": name, "country": country}))
        i = end
    return out



# ------------------------------------------------------------------------------ events and awards


def _name_after_head(t: _Text, m: _Match, event: bool) -> tuple[int, str] | None:
    """(end token, name) of the event or award whose head noun is ``m``."""
    lex = t.lex
    k = m.j
    if k >= t.n:
        return None
    if t.toks[k] in _OPEN_QUOTES:
        q = _quoted(t, k)
        if q is None:
            return None
        end = q[1] + 1
        return end, (t.orig(m.i, end, m.plen) if event else t.orig(q[0], q[1]))
    weak = event and bool(m.entry.value)
    proper = False
    j = k
    while j < t.n and j - k < 8 and t.gap_is_space(j - 1):
        tok = t.toks[j]
        mj = t.at.get(j)
        kind = mj.entry.kind if mj else None
        first = j == k
        if tok in lex.stop or (first and tok in lex.generic):
            break
        if t.is_latin(j):
            proper = True
            j += 1
            continue
        if not t.is_arabic(j):
            break
        if kind in ("country", "place", "org", "demonym", "orghead", "leader"):
            assert mj is not None
            if mj.plen and not tok.startswith(("لل", "ال")):
                break
            proper = proper or kind != "demonym"
            j = mj.j
            continue
        if kind in ("title",) and not event and j + 1 < t.n:  # قلادة الملك عبد العزيز
            assert mj is not None
            j = mj.j
            while j < t.n and t.is_arabic(j) and (t.toks[j] in lex.given or t.toks[j] in _CONNECT
                                                  or t.toks[j - 1] in _CONNECT):
                j += 1
            continue
        if kind is not None and kind != "block":
            break
        if (tok.startswith("ال") and len(tok) > 3) or (tok.startswith("لل") and len(tok) > 4):
            if m.entry.value == "weak" and tok.startswith("ال") and tok.endswith(("يه", "ي")) and len(tok) > 5:
                proper = True  # القمة العربية، الاجتماع الوزاري الخليجي
            j += 1
            continue
        if tok in ("رفيع", "رفيعه") and j + 1 < t.n and t.toks[j + 1] == "المستوي":
            j += 2
            continue
        if first and not event and not t.toks[m.j - 1].startswith("ال") and not tok.startswith(_NOT_NAME_START) \
                and t.is_arabic(j + 1) and t.toks[j + 1].startswith("ال") and len(t.toks[j + 1]) > 3 \
                and t.gap_is_space(j) and t.toks[j + 1] not in lex.stop:
            proper = True  # a construct name: وسام جوقة الشرف، وسام نجمة القدس
            j += 1
            continue
        if first and not weak and not t.toks[m.j - 1].startswith("ال") \
                and not tok.startswith(_NOT_NAME_START_M) and not tok.endswith(_NOT_NAME_END):
            proper = True
            j += 1
            continue
        break
    if j == k or (weak and not proper):
        return None
    if all(t.kind(x) == "demonym" for x in range(k, j) if x in t.at) and all(
            x in t.at or t.toks[x] in ("الثنائي",) for x in range(k, j)) and not event:
        return None
    if not event and j < t.n and t.toks[j] in _OPEN_QUOTES:  # وسام النسر الذهبي «ألتين قيران»
        q = _quoted(t, j)
        if q is not None:
            j = q[1] + 1
    return j, t.name(m.i, j, m.plen)


# ---------------------------------------------------------------------------------------- places


def _place(t: _Text, m: _Match) -> Span:
    name = t.name(m.i, m.j, m.plen)
    if t.toks[m.i][m.plen:] == "عمان" and m.j == m.i + 1 and _gulf_neighbour(t, m):
        return t.span("country", m.i, m.j, "OM", m.plen)
    return t.span("place", m.i, m.j, {"name": name, "country": m.entry.value}, m.plen)


def _gulf_neighbour(t: _Text, m: _Match) -> bool:
    """True when عمان is listed with another Gulf state (قطر وعمان، الإمارات، عمان والبحرين)."""
    cands: list[int] = []
    if m.j < t.n:
        cands.append(m.j)
        if t.toks[m.j] in ("،", ",", "و") and m.j + 1 < t.n:
            cands.append(m.j + 1)
    for back in (1, 2, 3):
        cands.append(m.i - back)
    for x in cands:
        for mx in (t.at.get(x), t.ends_at.get(x + 1)):
            if mx is not None and mx.entry.kind in ("country", "demonym") and mx.entry.value in _GULF:
                return True
    return False


def _place_after_head(t: _Text, m: _Match) -> tuple[int, int, dict[str, Any]] | None:
    k = m.j
    if k >= t.n:
        return None
    if t.toks[k] in _OPEN_QUOTES:
        q = _quoted(t, k, limit=4)
        if q is None or q[0] in t.at:
            return None
        return q[0], q[1], {"name": t.orig(q[0], q[1]), "country": None}
    admin = bool(m.entry.value)
    tok = t.toks[k]
    if admin and t.is_arabic(k) and k not in t.at and t.gap_is_space(k - 1) and not tok.startswith("ال") \
            and tok not in t.lex.stop and tok not in t.lex.generic and len(tok) > 2:
        return k, k + 1, {"name": t.orig(k, k + 1), "country": None}
    return None
