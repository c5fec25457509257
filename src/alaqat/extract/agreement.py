"""The ``agreement`` fact: a document signed, or announced for signing.

A sentence gives agreements when it names a document (patterns/agreement_kinds.tsv) governed by a signing word
(agreement_signed.txt) or a planned one (agreement_planned.tsv). Document words joined by ``و`` form one
mention (``الاتفاقيات ومذكرات التفاهم``); a number before a mention is its count (``18 اتفاقية``), a vague
quantifier gives no count (``عدد من``). A mention is no fact when the clause only discusses, wishes or implements
it, or refers back to documents signed before (agreement_not.tsv).

Parties are the organisations named around the mention: the subject between the start of the clause and the
document word (``وقّعت وزارة … وهيئة … مذكرة``) and the chain after it (``بين X وY``, ``مع X``) up to the topic
(agreement_stops.tsv). ``بين A وB، وبين C وD`` after a plural is one fact per pair. The state, its government or
capital is never a party (agreement_nonparty.txt). Countries are the parties' countries and the states named in
those places, completed from the article's main pair.

A sentence that introduces a list of documents (``أبرزها:``, ``شملت الاتفاقيات:``; agreement_list_intro.txt)
makes each following list item one fact, even when the item does not repeat a document word; the intro's
summary is then not emitted (the contract makes it optional). A list of fields is not a list of documents.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from alaqat.arabic.dates import due_of
from alaqat.arabic.normalise import Folded, fold
from alaqat.extract.context import (
    Sentence,
    article_countries,
    is_credit,
    load_lines,
    load_table,
    main_pair,
    make_fact,
    sectors_of,
    sentences,
    span_country,
)
from alaqat.model import Article, Fact, Span

_TOKEN = re.compile(r"[0-9a-z\u00c0-\u024f\u0621-\u064a\u0671-\u06d3]+(?:[.,\u066b][0-9]+)*|\S")
_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال", "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب",
             "ل", "ك")
_REF_PREFIXES = frozenset({"ب", "ل", "لل", "بال", "وب", "ول", "ولل", "وبال", "فب", "فل"})
_NON_JOINING = frozenset("ادذرزوه")  # a word ending in one of these may be glued to the next in web text
_CUT = frozenset("،,;؛:")
_HARD = frozenset(".!?؟")
_CONNECT = frozenset({"و", "او", "،", ","})
_QUOTES = frozenset('"“”«»\'‘’()[]-–')
_MAX_AFTER_TRIGGER = 8  # a signing word after the document (``18 اتفاقية تم توقيعها``) within this many tokens
_MAX_STRICT_GAP = 6  # a strict document word (``عقد``) needs its signing word at most this many tokens before
# cheap tests on a folded sentence before any other work: a document word, and a signing or planning word
_PREFILTER = re.compile(r"تفاق|مذكر|بروتوكول|خارط|خريط|(?:اعلان|بيان)ا? (?:ال)?مشترك|عقد|عقود|معاهد|ميثاق|وثيق|وثايق"
                        r"|تنفيذي")
_PREFILTER_SIGN = re.compile(r"وقع|توقيع|برم|توصل|تبادل|اتفق|اعداد|صياغ|تفاوض|مسود|قيد ال|تضمن|شمل|ابرز|اهم|من بين")


# ------------------------------------------------------------------------------------------------ lexicons


def _bare(tok: str) -> str:
    return tok[2:] if tok.startswith("ال") and len(tok) > 4 else tok


@lru_cache(maxsize=1 << 16)
def _cores(tok: str) -> tuple[tuple[str, str], ...]:
    """(prefix, base) readings of a folded token, the literal one first."""
    out = [("", tok)]
    for p in _PREFIXES:
        if tok.startswith(p) and len(tok) - len(p) >= 2:
            out.append((p, tok[len(p):]))
    return tuple(out)


@lru_cache(maxsize=1 << 16)
def _keys(tok: str) -> tuple[tuple[str, str], ...]:
    """(prefix, key) pairs a token can be looked up by: its readings, with and without the article."""
    out: list[tuple[str, str]] = []
    for prefix, base in _cores(tok):
        for key in (base, _bare(base)):
            if (prefix, key) not in out:
                out.append((prefix, key))
    return tuple(out)


class _Phrases:
    """Phrases of folded words: the first word read through its clitics, later words with or without ``ال``."""

    def __init__(self) -> None:
        self.first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}

    def add(self, phrase: str, value: Any) -> None:
        words = [w for w in _TOKEN.findall(fold(phrase)) if w.strip()]
        if not words:
            return
        keys = {words[0], _bare(words[0])}
        rest = tuple(_bare(w) for w in words[1:])
        for k in keys:
            self.first.setdefault(k, []).append((rest, value))
        for entries in self.first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def match(self, toks: list[str], i: int) -> tuple[int, Any, str] | None:
        """(end token, value, clitic prefix) of the longest phrase starting at token ``i``."""
        first = self.first
        for prefix, key in _keys(toks[i]):
            entries = first.get(key)
            if entries is None:
                continue
            for rest, value in entries:
                j = i + 1 + len(rest)
                if j <= len(toks) and all(_bare(toks[i + 1 + k]) == w for k, w in enumerate(rest)):
                    return j, value, prefix
        return None

    def words(self) -> set[str]:
        return set(self.first)


@dataclass(frozen=True)
class _Kind:
    kind: str
    number: str  # "1", "2" or "n"
    strict: bool


@dataclass(frozen=True)
class _Lex:
    kinds: _Phrases
    signed: _Phrases
    planned: _Phrases  # value: "trigger" | "modifier"
    not_before: _Phrases
    not_after: _Phrases
    signer: _Phrases
    members: _Phrases
    recalled: dict[str, str]
    states_n: _Phrases
    anaphora: dict[str, int]
    aside: frozenset[str]
    vague: _Phrases
    including: _Phrases
    intro: frozenset[str]
    fields: frozenset[str]
    nonparty: frozenset[str]
    stops: dict[str, str]
    glue_words: frozenset[str]


@cache
def _lex() -> _Lex:
    kinds = _Phrases()
    for row in load_table("agreement_kinds.tsv"):
        value = _Kind(row[1], row[2] if len(row) > 2 else "1", len(row) > 3 and row[3] == "strict")
        kinds.add(row[0], value)
    glue = set(kinds.words())
    for row in load_table("agreement_kinds.tsv"):
        if row[0].startswith("ا") and " " not in row[0]:  # a dropped initial alef (تفاقية) is a common typo
            kinds.add(row[0][1:], _Kind(row[1], row[2] if len(row) > 2 else "1", len(row) > 3 and row[3] == "strict"))
    signed = _Phrases()
    for w in load_lines("agreement_signed.txt"):
        signed.add(w, "signed")
    planned = _Phrases()
    for row in load_table("agreement_planned.tsv"):
        planned.add(row[0], row[1])
    not_before, not_after, signer = _Phrases(), _Phrases(), _Phrases()
    for row in load_table("agreement_not.tsv"):
        {"after": not_after, "signer": signer}.get(row[1], not_before).add(row[0], True)
    vague = _Phrases()
    for w in load_lines("agreement_vague.txt"):
        vague.add(w, True)
    stops = {_bare(row[0]): row[1] for row in load_table("agreement_stops.tsv")}
    including = _Phrases()
    for w in load_lines("agreement_including.txt"):
        including.add(w, True)
    members = _Phrases()
    for w in load_lines("agreement_members.txt"):
        members.add(w, True)
    glue_words = frozenset(w for w in glue | signed.words() | planned.words() if len(w) >= 4)
    recalled = {row[0]: row[1] for row in load_table("agreement_recalled.tsv")}
    states_n = _Phrases()
    for row in load_table("agreement_states_n.tsv"):
        states_n.add(row[0], int(row[1]))
    anaphora = {row[0]: int(row[1]) for row in load_table("agreement_anaphora.tsv")}
    return _Lex(kinds, signed, planned, not_before, not_after, signer, members, recalled, states_n, anaphora,
                frozenset(_bare(w) for w in load_lines("agreement_aside.txt")), vague, including,
                frozenset(_bare(w) for w in load_lines("agreement_list_intro.txt")),
                frozenset(_bare(w) for w in load_lines("agreement_fields.txt")),
                frozenset(_bare(w) for w in load_lines("agreement_nonparty.txt")),
                stops, glue_words)


# ---------------------------------------------------------------------------------------------- sentences


@dataclass
class _Group:
    i: int  # first token of the document words
    j: int  # one past the last
    kind: str
    number: str
    strict: bool
    prefix: str
    kinds: list[str] = field(default_factory=list)
    count: int | None = None
    count_approx: bool = False
    has_number: bool = False
    summary: bool = False  # the set its members are named from (وتضمنت الاتفاقيات …): no fact of its own


@dataclass
class _Trigger:
    i: int
    j: int
    role: str  # "signed", "planned", "agree" (اتفق: agreed on something)


class _S:
    """A candidate sentence: folded tokens with original offsets, clause numbers and span positions."""

    def __init__(self, article: Article, sent: Sentence) -> None:
        self.article = article
        self.sent = sent
        self.fv = Folded.of(sent.text)
        lex = _lex()
        toks: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for m in _TOKEN.finditer(self.fv.text):
            t, s = m.group(), m.start()
            cut = _glue_cut(t, lex) if len(t) >= 6 else 0
            if cut:
                toks += [t[:cut], t[cut:]]
                starts += [s, s + cut]
                ends += [s + cut, m.end()]
            else:
                toks.append(t)
                starts.append(s)
                ends.append(m.end())
        self.toks, self.fs, self.fe = toks, starts, ends
        self.n = len(toks)
        self.clause: list[int] = []
        c = 0
        for t in toks:
            if t in _CUT or t in _HARD:
                c += 1
                self.clause.append(-1)
            else:
                self.clause.append(c)
        self.spans: list[tuple[int, int, Span]] = []
        for sp in sent.spans:
            a = self.fv.find_from_original(sp.start - sent.start)
            b = self.fv.find_from_original(sp.end - sent.start)
            i = bisect_right(self.fe, a)
            j = bisect_left(self.fs, b)
            if i < j:
                self.spans.append((i, j, sp))

    # offsets
    def ostart(self, i: int) -> int:
        return self.sent.start + self.fv.to_original(self.fs[i], self.fs[i] + 1)[0]

    def oend(self, j: int) -> int:
        """Original end offset of token ``j - 1``."""
        return self.sent.start + self.fv.to_original(self.fe[j - 1] - 1, self.fe[j - 1])[1]

    def text(self, i: int, j: int) -> str:
        if i >= j:
            return ""
        return self.article.original[self.ostart(i):self.oend(j)]

    def clause_start(self, i: int) -> int:
        c = self.clause[i]
        k = i
        while k > 0 and self.clause[k - 1] == c:
            k -= 1
        return k

    def spans_in(self, i: int, j: int, *kinds: str) -> list[tuple[int, int, Span]]:
        return [t for t in self.spans if t[2].kind in kinds and i <= t[0] and t[1] <= j]

    def in_org(self, k: int) -> bool:
        return any(a <= k < b for a, b, sp in self.spans if sp.kind == "org")


def _glue_cut(tok: str, lex: _Lex) -> int:
    """Where a token glues a word ending in a non-joining letter to a document or signing word (``النوويةوقّعت``)."""
    for k in range(3, len(tok) - 3):
        if tok[k - 1] in _NON_JOINING and tok[k:] in lex.glue_words:
            left = tok[:k]
            for p in _PREFIXES:
                if left.startswith(p):
                    left = left[len(p):]
                    break
            if len(left) >= 3:
                return k
    return 0


def _groups(s: _S, lex: _Lex) -> list[_Group]:
    mentions: list[_Group] = []
    i = 0
    while i < s.n:
        got = lex.kinds.match(s.toks, i)
        if got is None:
            i += 1
            continue
        j, kind, prefix = got
        g = _Group(i, j, kind.kind, kind.number, kind.strict, prefix, [kind.kind])
        _count(s, g, lex)
        mentions.append(g)
        i = j
    groups: list[_Group] = []
    for g in mentions:
        if groups:
            prev = groups[-1]
            between = s.toks[prev.j:g.i]
            if all(t in _CONNECT for t in between) and not g.has_number and (between or g.prefix.startswith("و")):
                prev.j = g.j
                prev.kinds.append(g.kind)
                if g.number != "1" and prev.number == "1":
                    prev.number = g.number
                continue
        groups.append(g)
    for g in groups:
        if len(set(g.kinds)) > 1:
            g.kind = "agreement" if g.has_number else g.kinds[0]
            if not g.has_number:
                g.number = "n"
                g.count = None
    return groups


def _count(s: _S, g: _Group, lex: _Lex) -> None:
    """The number of documents a mention reports."""
    for a, b, sp in s.spans:
        if sp.kind != "amount" or not isinstance(sp.value, dict) or sp.value.get("unit") != "count":
            continue
        if a <= g.i < b or (b == g.i and s.toks[g.i - 1].isdigit()):
            g.count = int(sp.value.get("value") or 0) or None
            g.count_approx = bool(sp.value.get("approx"))
            g.has_number = g.count is not None
            return
    if g.i > 0 and s.toks[g.i - 1].isdigit() and int(s.toks[g.i - 1]) < 1000 and not s.spans_in(g.i - 1, g.i, "date"):
        g.count = int(s.toks[g.i - 1])
        g.has_number = True
        return
    for k in (3, 2, 1):
        if g.i - k >= 0:
            got = lex.vague.match(s.toks, g.i - k)
            if got is not None and got[0] == g.i:
                g.count = None
                return
    g.count = {"1": 1, "2": 2}.get(g.number)
    g.has_number = g.number == "2"


def _triggers(s: _S, lex: _Lex) -> tuple[list[_Trigger], list[int]]:
    trig: list[_Trigger] = []
    mods: list[int] = []
    i = 0
    while i < s.n:
        got = lex.planned.match(s.toks, i)
        if got is not None:
            if got[1] == "trigger":
                trig.append(_Trigger(i, got[0], "planned"))
            else:
                mods.append(i)
            i = got[0]
            continue
        got = lex.signed.match(s.toks, i)
        if got is not None:
            base = s.toks[i][len(got[2]):]
            role = "agree" if base.startswith("اتفق") else "signed"
            trig.append(_Trigger(i, got[0], role))
            i = got[0]
            continue
        i += 1
    return trig, mods


def _member_sets(s: _S, groups: list[_Group], trig: list[_Trigger], mods: list[int], lex: _Lex) -> None:
    """A plural document word after a members word (``وتضمنت الاتفاقيات``، ``ومن أبرز الاتفاقيات الموقعة``) is
    the set the sentence names documents from: it reports them as signed (planned with a planning word right
    after it), and is itself no fact."""
    for gi, g in enumerate(groups):
        if g.number != "n" or g.has_number or gi + 1 == len(groups):
            continue
        if not any((m := lex.members.match(s.toks, k)) is not None and m[0] == g.i for k in range(max(0, g.i - 3),
                                                                                              g.i)):
            continue
        g.summary = True
        planned = any(g.j <= m <= g.j + 1 for m in mods) or any(x.role == "planned" and g.j <= x.i <= g.j + 1
                                                                 for x in trig)
        trig.append(_Trigger(g.i, g.j, "planned" if planned else "signed"))
    trig.sort(key=lambda x: x.i)


def _has(phrases: _Phrases, s: _S, i: int, j: int) -> bool:
    return any(phrases.match(s.toks, k) is not None for k in range(max(0, i), min(j, s.n)))


# -------------------------------------------------------------------------------------------------- parties


def _party_name(sp: Span) -> str | None:
    v = sp.value if isinstance(sp.value, dict) else {}
    name = v.get("name") or sp.text
    return name.strip() if isinstance(name, str) and name.strip() else None


def _is_state(name: str, lex: _Lex) -> bool:
    words = _TOKEN.findall(fold(name))
    if not words:
        return True
    return words[0] in lex.nonparty or _bare(words[0]) in lex.nonparty or "ال" + _bare(words[0]) in lex.nonparty


def _outer_orgs(s: _S, i: int, j: int) -> list[tuple[int, int, Span]]:
    orgs = [o for o in s.spans_in(i, j, "org") if not is_credit(s.article, o[2])]
    return [o for o in orgs if not any(p is not o and p[0] <= o[0] and o[1] <= p[1] and (p[0], p[1]) != (o[0], o[1])
                                       for p in orgs)]


def _zone_b_end(s: _S, j: int, lex: _Lex, limit: int) -> int:
    """Where the chain of parties after a document word ends (its topic or purpose begins)."""
    k = j
    end = min(limit, s.n, j + 30)
    while k < end:
        t = s.toks[k]
        if s.in_org(k):
            k += 1
            continue
        if t in _HARD or t in ":؛;":
            return k
        if t in ("،", ","):
            nxt = k + 1
            while nxt < end and s.toks[nxt] in _QUOTES:
                nxt += 1
            if nxt < end and (s.in_org(nxt) or any(b in ("بين", "مع") for _, b in _cores(s.toks[nxt]))):
                k += 1
                continue
            return k
        if t in _QUOTES:
            k += 1
            continue
        bases = [b for p, b in _cores(t)]
        if any(_bare(b) in lex.stops and lex.stops[_bare(b)] == "party" for b in bases):
            return k
        if t.startswith("ل") and not t.startswith("لجن") and len(t) > 3:
            return k  # a purpose: لتعزيز، للتعاون
        if lex.kinds.match(s.toks, k) is not None:
            return k
        k += 1
    return k


def _free_names(s: _S, i: int, j: int, lex: _Lex) -> list[str]:
    """Names in ``بين X وY`` that the recognisers did not mark (``بين سناء فارما ومجموعة …``)."""
    out: list[str] = []
    k = i
    while k < j:
        if not any(b == "بين" for _, b in _cores(s.toks[k])):
            k += 1
            continue
        a = k + 1
        if a < j and s.toks[a] in _generic_plurals():
            k = a + 1  # "بين شركات وطنية وشركات عالمية": kinds of bodies, no party named
            continue
        b = a
        while b < j and not s.toks[b].startswith("و") and _name_word(s, b, lex):
            b += 1
        name = _free_name(s, a, b, 0, lex)
        if name:
            out.append(name)
        if b < j and s.toks[b].startswith("و") and len(s.toks[b]) > 2 and not s.in_org(b):
            c = b + 1
            while c < j and c < b + 4 and not s.toks[c].startswith("و") and _name_word(s, c, lex):
                c += 1
            name = _free_name(s, b, c, 1, lex)
            if name:
                out.append(name)
        k = max(b, k + 1)
    return out


@cache
def _generic_plurals() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lines("agreement_generic_plurals.txt"))


def _name_word(s: _S, k: int, lex: _Lex) -> bool:
    t = s.toks[k]
    if t in _CUT or t in _HARD or t in _QUOTES or s.in_org(k) or not t[0].isalpha():
        return False
    if any(lex.stops.get(_bare(b)) for _, b in _cores(t)):
        return False
    return not (t.startswith("ل") and len(t) > 3)


def _free_name(s: _S, a: int, b: int, skip: int, lex: _Lex) -> str | None:
    if not (a < b <= a + 4):
        return None
    first = s.toks[a][skip:]
    if first.startswith("ال") or first in lex.nonparty or _bare(first) in lex.nonparty or first in ("بين", "مع"):
        return None
    if s.spans_in(a, b, "place", "person", "org") or s.spans_in(a, a + 1, "country"):
        return None
    start = s.sent.start + s.fv.to_original(s.fs[a] + skip, s.fs[a] + skip + 1)[0]
    return s.article.original[start:s.oend(b)].strip() or None


def _adjective(sp: Span) -> bool:
    f = fold(sp.text)
    return f.endswith(("ي", "يه", "يين", "يون", "يان", "يتين"))


def _countries(s: _S, zones: list[tuple[int, int]], orgs: Iterable[tuple[int, int, Span]]) -> list[str]:
    article = s.article
    pair = main_pair(article)
    found: list[str] = []
    for a, b, sp in orgs:
        code = span_country(sp)
        if not code:
            continue
        inner = [c for c in s.spans_in(a, b, "country") if c[2].value == code]
        if ((pair and code in pair) or any(_adjective(c[2]) for c in inner)) and code not in found:
            found.append(code)
    org_ranges = [(a, b) for a, b, sp in s.spans if sp.kind == "org"]
    for zi, zj in zones:
        for a, b, sp in s.spans_in(zi, zj, "country"):
            if any(oa <= a and b <= ob for oa, ob in org_ranges):
                continue
            if a > 0 and any(base in ("في", "الى", "من", "داخل", "عبر") for _, base in _cores(s.toks[a - 1])):
                continue
            code = span_country(sp)
            if code and code not in found:
                found.append(code)
    if len(found) >= 2:
        return sorted(found)
    if len(found) == 1:
        if pair and found[0] in pair:
            return list(pair)
        other = next((c for c in article_countries(article) if c != found[0]), None)
        return sorted([found[0], other]) if other else found
    return list(pair) if pair else []


# ---------------------------------------------------------------------------------------------- the facts


@dataclass
class _Ctx:
    article: Article
    lex: _Lex
    facts: list[Fact] = field(default_factory=list)


def _value(s: _S, i: int, j: int) -> tuple[float | None, str | None, bool]:
    for a, _b, sp in s.spans_in(i, j, "amount"):
        v = sp.value if isinstance(sp.value, dict) else {}
        if v.get("unit") in (None, "count", "percent"):
            continue
        gap = s.toks[i:a]
        if len(gap) <= 4 or any(w.find("قيم") >= 0 or w.find("تكلف") >= 0 or w.find("مبلغ") >= 0 for w in gap[-4:]):
            return v.get("value"), v.get("unit"), bool(v.get("approx"))
    return None, None, False


def _when(s: _S, i: int, j: int, planned: bool) -> tuple[str | None, str | None]:
    for _a, _b, sp in s.spans_in(i, j, "date"):
        v = sp.value
        if not isinstance(v, str) or not v:
            continue
        if planned:
            due = due_of(sp)
            if due:
                return None, due
        elif "/" not in v and "W" not in v:
            return v, None
    return None, None


def _event_end(s: _S, j: int, limit: int, lex: _Lex) -> int:
    """The end of the text read for a document's sectors, value and dates: another event, or a comma that
    does not continue its fields (``في مجالات أ، ب، ج`` and ``، بما في ذلك …`` continue)."""
    fields_seen = False
    for k in range(j, min(limit, s.n)):
        t = s.toks[k]
        if t in _HARD:
            return k
        bases = [_bare(b) for _, b in _cores(t)]
        if any(lex.stops.get(b) == "event" for b in bases):
            return k
        if any(b in lex.fields or "ال" + b in lex.fields for b in bases):
            fields_seen = True
        if t in _CUT and not fields_seen:
            if k + 1 < s.n and lex.including.match(s.toks, k + 1):
                fields_seen = True
            else:
                return k
    return min(limit, s.n)


def _sentence_facts(ctx: _Ctx, s: _S, groups: list[_Group], trig: list[_Trigger], mods: list[int]) -> list[Fact]:
    lex, out = ctx.lex, []
    prev_parties: list[str] = []
    prev_trigger: _Trigger | None = None
    emitted: set[str] = set()  # kinds of the documents reported so far in the sentence
    for gi, g in enumerate(groups):
        nxt = groups[gi + 1].i if gi + 1 < len(groups) else s.n
        prev_end = groups[gi - 1].j if gi > 0 else 0
        if g.prefix in _REF_PREFIXES or g.summary:
            continue
        if g.j < s.n and lex.not_after.match(s.toks, g.j) is not None:
            continue
        before = [t for t in trig if t.j <= g.i]
        t: _Trigger | None = before[-1] if before else None
        if t is None:
            t = next((x for x in trig if x.i >= g.j and x.i - g.j <= _MAX_AFTER_TRIGGER and x.i < nxt), None)
            if t is not None and _relative_before(s, t.i, lex) and not _anchored(s, t.j, nxt):
                continue  # الاتفاق الذي أبرمته …: a document recalled, a fact only with a date (_recalled)
        if t is None:
            continue
        if g.strict and not _strict_ok(s, t, g, lex) and not (g.prefix.startswith("و") and g.kind in emitted):
            continue  # ``… مذكرة تفاهم بين A وB، ومذكرة أخرى بين C وD``: the same word again
        first = min(t.i, g.i)
        cs = s.clause_start(first)
        window_end = g.i
        # words after an earlier document of the same trigger describe that document up to a clause break
        window_start = max(cs, prev_end, s.clause_start(g.i)) if t.i < prev_end else cs
        if _has(lex.not_before, s, window_start, window_end):
            continue
        planned = t.role == "planned" or any(cs <= m < max(t.i, g.i) for m in mods)
        planned = planned or any(g.j <= m <= g.j + 1 for m in mods)
        if t.role == "signed" and any(x.role == "agree" and cs <= x.i < t.i for x in trig):
            base = s.toks[t.i]
            planned = planned or "توقيع" in base or "ابرام" in base  # اتفقا على توقيع: agreed to sign
        signer = g.number == "1" and not g.has_number and _definite(s.toks[g.i]) and _signatories(s, g.j, lex)
        za = window_start  # a shared trigger's earlier document keeps its own parties
        zb_start, zb_end = g.j, _zone_b_end(s, g.j, lex, nxt)
        if not _outer_orgs(s, g.j, zb_end):  # the topic first, then the parties: مذكرة في مجال … بين A وB
            zb_start, zb_end = _late_between(s, zb_end, nxt, lex) or (zb_start, zb_end)
        ev_end = _event_end(s, g.j, nxt, lex)
        orgs_a = [o for o in _outer_orgs(s, za, g.i)]
        orgs_b = [o for o in _outer_orgs(s, zb_start, zb_end)]
        # one fact per ``بين`` pair after a plural: مذكرات تفاهم بين A وB، وبين C وD
        segments = _between_segments(s, zb_start, zb_end) if g.number == "n" else []
        segments = [seg for seg in segments if _outer_orgs(s, *seg)] if len(segments) >= 2 else []
        parts = segments if len(segments) >= 2 else [(zb_start, zb_end)]
        for pi, (bi, bj) in enumerate(parts):
            orgs = orgs_a + [o for o in orgs_b if bi <= o[0] and o[1] <= bj]
            names: list[str] = []
            for o in orgs:
                name = _party_name(o[2])
                if name and not _is_state(name, lex) and name not in names:
                    names.append(name)
            for name in _free_names(s, bi, bj, lex):
                if name not in names:
                    names.append(name)
            earlier = _antecedents(s, za, g.i, lex) + _antecedents(s, bi, bj, lex)
            for sp in earlier:
                name = _party_name(sp)
                if name and name not in names:
                    names.append(name)
            own_zone = any(b in ("بين", "مع") for tok in s.toks[g.j:g.j + 2] for _, b in _cores(tok))
            if not names and prev_parties and prev_trigger is t and t.j <= g.i and not own_zone:
                names = list(prev_parties)
            countries = _n_states(s, za, ev_end, _countries(s, [(za, g.i), (bi, bj)], orgs), lex)
            countries = _with_antecedents(countries, earlier)
            if len(parts) > 1:
                tail_start = parts[-1][1]
                sector_text = s.text(za, g.j) + " " + s.text(bi, bj) + " " + s.text(tail_start, ev_end)
                count: int | None = 1
            else:
                sector_text = s.text(za, ev_end)
                count = g.count
            value, unit, v_approx = _value(s, g.j, ev_end)
            date, due = _when(s, s.clause_start(first), ev_end, planned)
            fields: dict[str, Any] = {
                "countries": countries, "parties": names, "kind": g.kind,
                "status": "planned" if planned else "signed", "sectors": sectors_of(sector_text),
                "count": count, "value": value, "unit": unit, "date": date, "due": due,
            }
            if g.count_approx or v_approx:
                fields["approx"] = True
            ev_i = window_start if t.i < prev_end else min(s.clause_start(first), t.i)
            ev_j = max(g.j, bj if len(parts) > 1 else zb_end, t.j)
            if value is not None:
                ev_j = max(ev_j, _amount_end(s, g.j, ev_end))
            ev_j = min(max(ev_j, g.j), s.n)
            while ev_j > max(ev_i + 1, g.j) and (s.toks[ev_j - 1] in _CUT or s.toks[ev_j - 1] in _CONNECT
                                                  or s.toks[ev_j - 1].lstrip("و").isdigit()):
                ev_j -= 1
            conf = 0.8 if count is not None or names else 0.6
            if pi == 0:
                prev_parties = names
            fact = make_fact(ctx.article, "agreement", fields, s.ostart(ev_i), s.oend(ev_j), conf)
            if signer:
                fact.aux["signer"] = True
            out.append(fact)
        emitted.add(g.kind)
        prev_trigger = t
    return out


def _strict_ok(s: _S, t: _Trigger, g: _Group, lex: _Lex) -> bool:
    """Does a strict document word (``عقدا``) follow its signing word closely? Names count as one word,
    quotes and brackets as none, and an aside set off by commas may hold only a time or a place
    (``وقع البلدان، اليوم الثلاثاء بالرباط، بروتوكولا``)."""
    if t.j > g.i:
        return False
    words = 0
    aside = False
    k = t.j
    while k < g.i:
        tok = s.toks[k]
        if tok in _HARD:
            return False
        if tok in _CUT:
            aside = True
            k += 1
            continue
        if tok in _QUOTES:
            k += 1
            continue
        span = next(((a, b, sp) for a, b, sp in s.spans if a <= k < b and b <= g.i
                     and sp.kind in ("org", "person", "place", "country", "date")), None)
        if aside and not (span and span[2].kind in ("place", "date", "country")) \
                and not any(_bare(b) in lex.aside or b in lex.aside for _, b in _cores(tok)):
            return False
        words += 1
        k = span[1] if span else k + 1
    return words <= _MAX_STRICT_GAP


def _signatories(s: _S, k: int, lex: _Lex) -> bool:
    """Do the signatories follow at token ``k``, after an aside of time or place (``في إسطنبول وزير …``)?"""
    while k < s.n and (any(a <= k < b for a, b, _sp in s.spans_in(k, s.n, "place", "date"))
                       or any(_bare(b) in lex.aside or b in lex.aside for _, b in _cores(s.toks[k]))):
        k += 1
    return k < s.n and lex.signer.match(s.toks, k) is not None


def _n_states(s: _S, i: int, j: int, found: list[str], lex: _Lex) -> list[str]:
    """The article's N main countries where the text names N states without their names (في الدول الثلاث)."""
    for k in range(i, min(j, s.n)):
        got = lex.states_n.match(s.toks, k)
        if got is None:
            continue
        n = int(got[1])
        ranked = article_countries(s.article)
        if len(ranked) < n:
            return found
        top = set(ranked[:n])
        return sorted(top) if set(found) <= top else found
    return found


def _antecedents(s: _S, i: int, j: int, lex: _Lex) -> list[Span]:
    """The companies a word like ``الشركة`` refers back to (agreement_anaphora.tsv): the article's companies named
    before the sentence, when there are exactly as many as the word says."""
    for k in range(i, min(j, s.n)):
        if s.in_org(k):
            continue
        want = next((lex.anaphora[b] for p, b in _cores(s.toks[k]) if p in ("", "و", "ف") and b in lex.anaphora),
                    None)
        if want is None:
            continue
        before = s.ostart(k)
        latest: dict[str, Span] = {}
        for sp in s.article.spans:
            if sp.kind == "org" and sp.end <= before and _company(s.article.original, sp):
                name = _party_name(sp)
                if name:
                    latest[_norm(name)] = sp
        return list(latest.values()) if len(latest) == want else []
    return []


_COMPANY_HEADS = ("شركه", "الشركه", "شركتي", "شركتا")


def _company(text: str, sp: Span) -> bool:
    """Is an organisation a company: named with ``شركة`` or after it and its adjectives
    (``الشركة القابضة الوطنية QazBioPharm``)?"""
    if fold(sp.text).startswith(_COMPANY_HEADS):
        return True
    words = fold(text[max(0, sp.start - 60):sp.start]).split()[-4:]
    for w in reversed(words):
        if w.lstrip("و").startswith(_COMPANY_HEADS) or w.startswith(_COMPANY_HEADS):
            return True
        if not w.startswith("ال"):
            return False
    return False


def _with_antecedents(countries: list[str], earlier: list[Span]) -> list[str]:
    codes = [c for sp in earlier if (c := span_country(sp))]
    if not codes or len(countries) >= 2:
        return countries
    return sorted(set(countries) | set(codes))


def _definite(tok: str) -> bool:
    """Is a (folded) document word definite: الاتفاقية، والمذكرة، بالبروتوكول?"""
    return any(base.startswith("ال") for _, base in _cores(tok))


def _amount_end(s: _S, i: int, j: int) -> int:
    for _a, b, sp in s.spans_in(i, j, "amount"):
        v = sp.value if isinstance(sp.value, dict) else {}
        if v.get("unit") not in (None, "count", "percent"):
            return b
    return i


_MAX_TOPIC = 12  # the parties' ``بين`` may follow the document's topic by at most this many words


def _late_between(s: _S, k: int, limit: int, lex: _Lex) -> tuple[int, int] | None:
    """The parties named after the topic in the same clause (``مذكرة تفاهم للتعاون في مجال الطاقة بين وزارة …
    ووزارة …``): the zone from that ``بين`` when an organisation follows it."""
    end = min(limit, s.n, k + _MAX_TOPIC)
    for b in range(k, end):
        t = s.toks[b]
        if t in _HARD or t in _CUT or lex.kinds.match(s.toks, b) is not None:
            return None
        if any(lex.stops.get(_bare(x)) == "event" for _, x in _cores(t)):
            return None
        if any(x == "بين" for _, x in _cores(t)) and b + 1 < s.n and s.in_org(b + 1):
            return b, _zone_b_end(s, b + 1, lex, limit)
    return None


def _between_segments(s: _S, i: int, j: int) -> list[tuple[int, int]]:
    starts = [k for k in range(i, j) if any(b == "بين" for _, b in _cores(s.toks[k]))]
    return [(a, starts[n + 1] if n + 1 < len(starts) else j) for n, a in enumerate(starts)]


def _agreed_without_word(ctx: _Ctx, s: _S, trig: list[_Trigger]) -> list[Fact]:
    """``اتفقت شركة X مع شركة Y على تصدير …``: companies agreed on a deal with no document word."""
    out = []
    for t in trig:
        if t.role != "agree":
            continue
        end = next((k for k in range(t.j, s.n) if s.toks[k] == "علي" or s.toks[k] in _HARD), s.n)
        orgs = [o for o in _outer_orgs(s, s.clause_start(t.i), end)
                if (nm := _party_name(o[2])) and not _is_state(nm, ctx.lex)]
        if len(orgs) < 2:
            continue
        names = []
        for o in orgs:
            nm = _party_name(o[2])
            if nm and nm not in names:
                names.append(nm)
        ev_end = _event_end(s, end, s.n, ctx.lex)
        fields: dict[str, Any] = {
            "countries": _countries(s, [(t.j, end)], orgs), "parties": names, "kind": "agreement",
            "status": "signed", "sectors": sectors_of(s.text(end, ev_end)), "count": 1, "value": None,
            "unit": None, "date": None, "due": None,
        }
        out.append(make_fact(ctx.article, "agreement", fields, s.ostart(s.clause_start(t.i)), s.oend(ev_end), 0.5))
    return out


_MAX_NAME = 6  # words of a recalled document's name before its relative clause (اتفاقية تعيين الحدود البحرية)
_MAX_RELATIVE = 16  # words of that relative clause


def _recalled(ctx: _Ctx, s: _S, groups: list[_Group], found: list[Fact]) -> list[Fact]:
    """Documents recalled with a dated signing in a relative clause (agreement_recalled.tsv) that no other
    rule reported: signed facts with the clause's date, parties and countries."""
    lex, out = ctx.lex, []
    for gi, g in enumerate(groups):
        if g.number != "1" or g.has_number or g.summary or s.in_org(g.i):
            continue
        start = s.ostart(g.i)
        if any(f.start <= start < f.end for f in found):
            continue
        nxt = next((x.i for x in groups[gi + 1:] if not s.in_org(x.i)), s.n)  # الشركة … للعقود is a name
        rel = _relative_clause(s, g, nxt, lex)
        if rel is None:
            continue
        ri, rj = rel
        dates = [sp.value for _a, _b, sp in s.spans_in(ri, rj, "date")
                 if isinstance(sp.value, str) and sp.value and "/" not in sp.value and "W" not in sp.value]
        if not dates:
            continue
        orgs = [o for o in _outer_orgs(s, ri, rj) if (nm := _party_name(o[2])) and not _is_state(nm, lex)]
        earlier = _antecedents(s, ri, rj, lex)
        names: list[str] = []
        for nm in [_party_name(o[2]) for o in orgs] + [_party_name(sp) for sp in earlier]:
            if nm and nm not in names:
                names.append(nm)
        countries = _with_antecedents(_countries(s, [(ri, rj)], orgs), earlier)
        if len(countries) < 2:
            continue  # a private deal recalled (اتفاق لحفظ السرية أبرمته مع …) is no relation between states
        fields: dict[str, Any] = {
            "countries": countries, "parties": names,
            "kind": g.kind, "status": "signed",
            "sectors": sectors_of(s.text(g.i, rj)), "count": 1, "value": None, "unit": None, "date": dates[0],
            "due": None,
        }
        out.append(make_fact(ctx.article, "agreement", fields, start, s.oend(rj), 0.6))
    return out


def _relative_before(s: _S, k: int, lex: _Lex) -> bool:
    """Is the signing word at ``k`` in a relative clause (التي وقعها، الذي تم توقيعه، اتفاق أبرمته …)?"""
    if any(lex.recalled.get(b) == "verb" for p, b in _cores(s.toks[k]) if p in ("", "و", "ف")):
        return True
    k -= 1
    if k >= 0 and s.toks[k] == "تم":
        k -= 1
    return k >= 0 and lex.recalled.get(s.toks[k]) == "relative"


def _anchored(s: _S, k: int, limit: int) -> bool:
    """Does the clause from ``k`` tie the signing to an event (التي وقعت خلال المنتدى الاستثماري)? One tied to a
    date is left to _recalled."""
    end = k
    while end < min(limit, s.n) and s.toks[end] not in _CUT and s.toks[end] not in _HARD:
        end += 1
    return bool(s.spans_in(k, end, "event")) and not s.spans_in(k, end, "date")


def _relative_clause(s: _S, g: _Group, limit: int, lex: _Lex) -> tuple[int, int] | None:
    """(start, end) of the signing clause right after a document's name, if any."""
    end = min(limit, s.n)
    for k in range(g.j, min(end, g.j + _MAX_NAME + 1)):
        t = s.toks[k]
        if t in _CUT or t in _HARD:
            return None
        role = lex.recalled.get(t)
        if role == "verb":
            role = "participle"
        elif role == "relative":
            after = k + 1
            if after < end and s.toks[after] == "تم":
                after += 1
            if after >= end or lex.signed.match(s.toks, after) is None:
                return None
        elif role != "participle":
            continue
        j = k + 1
        while j < end and j < k + 1 + _MAX_RELATIVE and s.toks[j] not in _HARD and s.toks[j] not in _CUT:
            if not s.in_org(j) and lex.kinds.match(s.toks, j) is not None:
                break
            j += 1
        return k, j
    return None


def _intro(s: _S, groups: list[_Group], trig: list[_Trigger], lex: _Lex) -> str | None:
    """``signed``/``planned`` when the sentence introduces a list of documents, else None."""
    if not groups:
        return None
    words = [t for t in s.toks if t not in _QUOTES]
    colon = bool(words) and words[-1] == ":"
    if colon:
        words = words[:-1]
    if not words:
        return None
    last = _bare(words[-1])
    if not colon and last not in lex.intro and words[-1] not in lex.intro:
        return None
    tail = [_bare(b) for w in words[-3:] for _, b in _cores(w)]
    if any(w in lex.fields for w in tail):
        return None  # a list of fields
    has_cue = any(_bare(b) in lex.intro or b in lex.intro for w in s.toks for _, b in _cores(w))
    if not trig and not has_cue:
        return None
    planned = any(t.role == "planned" for t in trig)
    return "planned" if planned else "signed"


def _item_fact(ctx: _Ctx, s: _S, status: str) -> Fact:
    lex = ctx.lex
    groups = _groups(s, lex)
    kind, count, conf = "agreement", 1, 0.65
    if groups:
        g = groups[0]
        kind, count, conf = g.kind, (g.count if g.number != "1" else 1), 0.75  # type: ignore[assignment]
    orgs = _outer_orgs(s, 0, s.n)
    names: list[str] = []
    for o in orgs:
        nm = _party_name(o[2])
        if nm and not _is_state(nm, lex) and nm not in names:
            names.append(nm)
    for nm in _free_names(s, 0, s.n, lex):
        if nm not in names:
            names.append(nm)
    value, unit, approx = _value(s, 0, s.n)
    fields: dict[str, Any] = {
        "countries": _countries(s, [(0, s.n)], orgs), "parties": names, "kind": kind, "status": status,
        "sectors": sectors_of(s.sent.text), "count": count, "value": value, "unit": unit, "date": None, "due": None,
    }
    if approx:
        fields["approx"] = True
    return make_fact(ctx.article, "agreement", fields, s.sent.start, s.sent.end, conf)


def _vague(f: Fact) -> bool:
    return f.get("count") is None and not f.get("parties")


def extract(article: Article) -> list[Fact]:
    """Agreement facts of an article (see the module docstring)."""
    lex = _lex()
    ctx = _Ctx(article, lex)
    sents = sentences(article)
    title = article.title_span
    body: list[Fact] = []
    heading: list[Fact] = []
    list_status: str | None = None
    for n, sent in enumerate(sents):
        if list_status is not None:
            if sent.list_item:
                body.append(_item_fact(ctx, _S(article, sent), list_status))
                continue
            list_status = None
        if not _PREFILTER_SIGN.search(sent.folded):
            if not (n + 1 < len(sents) and sents[n + 1].list_item and _PREFILTER.search(sent.folded)):
                continue
        elif not _PREFILTER.search(sent.folded) and "اتفق" not in sent.folded:
            continue
        s = _S(article, sent)
        groups = _groups(s, lex)
        trig, mods = _triggers(s, lex)
        _member_sets(s, groups, trig, mods, lex)
        if not trig and not groups:
            continue
        if n + 1 < len(sents) and sents[n + 1].list_item and not sent.list_item:
            status = _intro(s, groups, trig, lex)
            if status is not None:
                list_status = status
                _drop_summaries(article, body, sent)
                continue
        found = _sentence_facts(ctx, s, groups, trig, mods) if groups and trig else []
        if not groups:
            found = _agreed_without_word(ctx, s, trig)
        found += _recalled(ctx, s, groups, found)
        in_title = title is not None and title[0] <= sent.start < title[1]
        (heading if in_title else body).extend(found)
    kept: list[Fact] = []
    for f in body:
        if not f.aux.get("signer"):
            kept.append(f)
        elif not _reported_before(f, body):
            titled = [o for o in heading if o.get("kind") == f.get("kind")]
            kept.extend(titled or [f])  # reported only in the title: the title's fact
    return kept if kept else heading


def _reported_before(f: Fact, facts: list[Fact]) -> bool:
    """Does an earlier fact report a document of the kind whose signatories ``f`` names?"""
    return any(o.start < f.start and not o.aux.get("signer") and o.get("kind") == f.get("kind") for o in facts)


def _drop_summaries(article: Article, facts: list[Fact], intro: Sentence) -> None:
    """A vague summary in the paragraph of a list of documents is the list's summary: not emitted."""
    para = next(((a, b) for a, b in article.body if a <= intro.start < b), None)
    if para is None:
        return
    facts[:] = [f for f in facts if not (_vague(f) and para[0] <= f.start < para[1])]


# ------------------------------------------------------------------------------------------------- merging

_LATIN_MAP = [("sh", "ش"), ("ch", "ش"), ("kh", "ك"), ("ph", "ف"), ("th", "ت"), ("gh", "ج"), ("ck", "ك"),
              ("q", "ك"), ("k", "ك"), ("c", "ك"), ("g", "ج"), ("j", "ج"), ("b", "ب"), ("p", "ب"), ("d", "د"),
              ("f", "ف"), ("v", "ف"), ("l", "ل"), ("m", "م"), ("n", "ن"), ("r", "ر"), ("s", "س"), ("z", "ز"),
              ("t", "ت"), ("x", "كس")]
_AR_MAP = str.maketrans({"ق": "ك", "ط": "ت", "ص": "س", "ض": "د", "ظ": "ز", "غ": "ج", "ث": "س", "ذ": "ز", "ح": "",
                         "ه": "", "ع": "", "ا": "", "و": "", "ي": "", "ء": "", "ى": "", "ة": "", "ئ": "", "ؤ": "",
                         "أ": "", "إ": "", "آ": "", "خ": "ك", "ش": "ش"})


def _skeleton_latin(word: str) -> str:
    w = word.lower()
    out = ""
    k = 0
    while k < len(w):
        for src, dst in _LATIN_MAP:
            if w.startswith(src, k):
                out += dst
                k += len(src)
                break
        else:
            k += 1
    return re.sub(r"(.)\1+", r"\1", out)


def _skeleton_arabic(text: str) -> str:
    return re.sub(r"(.)\1+", r"\1", fold(text).translate(_AR_MAP).replace(" ", ""))


def _norm(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", fold(name)).split())


def _same_party(a: str, b: str) -> bool:
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    if na in nb or nb in na:
        return True
    ta, tb = set(na.split()), set(nb.split())
    if len(ta & tb) / min(len(ta), len(tb)) >= 0.75:
        return True
    latin_a, latin_b = bool(re.search("[a-z]", na)), bool(re.search("[a-z]", nb))
    if latin_a == latin_b:
        return False
    lat, ar = (na, nb) if latin_a else (nb, na)
    sk = "".join(_skeleton_latin(w) for w in lat.split() if re.fullmatch("[a-z]+", w))
    if len(sk) < 3:
        return False
    words = ar.split()
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 3) + 1):
            if _skeleton_arabic(" ".join(words[i:j])) == sk:
                return True
    return False


def _parties_match(pa: list[str], pb: list[str], both_ways: bool = False) -> bool:
    small, big = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
    if not all(any(_same_party(x, y) for y in big) for x in small):
        return False
    return not both_ways or all(any(_same_party(x, y) for y in small) for x in big)


def same(a: Fact, b: Fact) -> bool:
    """The same agreement mentioned twice in one article (a deal reached, then listed among the documents)."""
    if sorted(a.get("countries") or []) != sorted(b.get("countries") or []):
        return False
    if a.get("kind") != b.get("kind") or a.get("status") != b.get("status"):
        return False
    pa, pb = a.get("parties") or [], b.get("parties") or []
    sa, sb = set(a.get("sectors") or []), set(b.get("sectors") or [])
    if pa and pb:
        if _parties_match(pa, pb, both_ways=True):
            return not (sa and sb) or len(sa & sb) / len(sa | sb) >= 0.5
        # one names more bodies (a deal reached, then listed with its signatories): the same topic is needed
        return _parties_match(pa, pb) and bool(sa and sb) and len(sa & sb) / len(sa | sb) >= 0.5
    if pa or pb:
        return False
    ca, cb = a.get("count"), b.get("count")
    if ca is None or cb is None:  # a vague mention is the same as a count of the same documents
        other = cb if ca is None else ca
        return other is None or other > 1
    if ca != cb:
        return False
    if ca > 1 or a.get("kind") in ("declaration", "roadmap"):
        return True
    if sa and sb:
        return len(sa & sb) / len(sa | sb) >= 0.5
    return not sa and not sb
