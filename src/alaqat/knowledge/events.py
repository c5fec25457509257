"""Events: facts from many articles that describe the same real thing, merged, with the reason why.

The merge rule, in full:

* Only facts of the same type merge, and only when their *key* agrees: a visit's guest and host; an
  agreement's, project's, target's countries; a figure's metric, unit and countries; an award's giver
  and recipient. ``article`` facts are never events.
* ``conflict(a, b)`` names what makes two facts different things: disjoint dates (``2025-02`` and
  ``2025-08``), values more than 5 % apart, different persons, parties with nothing in common, different
  status (a planned agreement and a signed one are two events: the ledger links them), different kinds.
* ``compatible(a, b)`` returns a :class:`Reason` (a strength and words) where the two are positively the
  same: same person and overlapping dates, parties or actors in common, alike names, equal values for the
  same period, or the same story (their articles are near-duplicates). An undated visit of the same
  guest, host and person is compatible with a dated one (weak).
* Facts of one document are distinct facts (the extractors merged what was one) unless they are strongly
  compatible.
* Pairs are joined strongest first, then by closeness in time, then in document order (never ingest order),
  and two groups join only when *no* pair across them conflicts (complete link), so an undated mention
  joins at most one of two different dated visits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from alaqat.arabic.entities import lexicon
from alaqat.arabic.stem import stem
from alaqat.knowledge import entities as ents
from alaqat.knowledge.periods import overlaps, period, precision, sort_key

EVENT_TYPES = ("visit", "agreement", "figure", "target", "project", "award")
STRONG, MEDIUM, WEAK = 3, 2, 1
VALUE_TOLERANCE = 0.05

Same = Callable[[Any, Any, str], bool]


@dataclass(frozen=True)
class Reason:
    strength: int
    text: str


@dataclass
class Mention:
    """One stored fact, with what the merge rule needs of its document."""

    id: int
    doc: str
    type: str
    fields: dict[str, Any]
    evidence: str
    start: int
    end: int
    published: str | None = None
    cluster: int | None = None

    @property
    def sort(self) -> tuple[str, int, int, str]:
        return (self.doc, self.start, self.end, self.evidence)

    def get(self, name: str) -> Any:
        return self.fields.get(name)

    @property
    def label(self) -> str:
        return f"{self.doc}@{self.start}"

    @classmethod
    def of(cls, fact: dict[str, Any], published: str | None = None, cluster: int | None = None) -> Mention:
        """From a stored fact (``kn_facts``: contract fields under ``fields``, offsets as start/end)."""
        skip = {"optional", "confidence"}
        return cls(int(fact.get("id") or 0), str(fact["doc"]), str(fact["type"]),
                   {k: v for k, v in fact["fields"].items() if k not in skip}, str(fact.get("evidence") or ""),
                   int(fact.get("start") or 0), int(fact.get("end") or 0), published, cluster)


def countries_of(m: Mention) -> tuple[str, ...]:
    f = m.fields
    if m.type == "visit":
        return tuple(sorted({c for c in (f.get("guest"), f.get("host")) if c}))
    if m.type == "award":
        return tuple(sorted({c for c in (f.get("giver"), f.get("recipient")) if c}))
    return tuple(sorted({c for c in (f.get("countries") or []) if c}))


def key_of(m: Mention) -> tuple[Any, ...] | None:
    """The block a fact can only merge within; None: never merged (not an event type or no countries)."""
    f = m.fields
    if m.type == "visit":
        return ("visit", f.get("guest"), f.get("host")) if f.get("guest") and f.get("host") else None
    if m.type == "award":
        return ("award", f.get("giver"), f.get("recipient")) if f.get("giver") or f.get("recipient") else None
    cs = countries_of(m)
    if m.type not in EVENT_TYPES or not cs:
        return None
    if m.type == "figure":
        return ("figure", f.get("metric"), f.get("unit"), cs)
    if m.type == "target":
        return ("target", f.get("metric"), cs)
    return (m.type, cs)


def date_of(m: Mention) -> Any:
    """The event date the issue defines: a visit's start, an agreement's or award's date, a figure's period."""
    name = {"visit": "start", "agreement": "date", "award": "date", "figure": "period"}.get(m.type)
    return m.get(name) if name else None


# -- small helpers ------------------------------------------------------------------------------------
def _num(v: Any) -> float | None:
    try:
        return None if v is None or isinstance(v, bool) else float(v)
    except (TypeError, ValueError):
        return None


def values_apart(a: Any, b: Any, tol: float = VALUE_TOLERANCE) -> bool | None:
    """True where both values are given and differ by more than ``tol`` of the larger; None: one missing."""
    x, y = _num(a), _num(b)
    if x is None or y is None:
        return None
    big = max(abs(x), abs(y))
    return big > 0 and abs(x - y) / big > tol


def _dates_clash(a: Any, b: Any) -> bool:
    return overlaps(a, b) is False


def _list(v: Any) -> list[str]:
    if isinstance(v, list):
        return [str(x) for x in v if x]
    return [str(v)] if v else []


def _default_same(a: Any, b: Any, kind: str) -> bool:
    return ents.same(a, b, kind)


def name_alike(a: Any, b: Any) -> float:
    """How alike two descriptive names are (project names): token overlap of folded, article-less words, or,
    where the shorter name has two content words or more, how much of it the longer one contains
    (``رحلات مباشرة إلى أستانا`` in ``رحلات جوية مباشرة بين الدوحة وأستانا``)."""
    if not a or not b:
        return 0.0
    ka, kb = ents.name_key(str(a)), ents.name_key(str(b))
    sa = {ents._strip_article(w) for w in ka.split() if len(w) > 2}
    sb = {ents._strip_article(w) for w in kb.split() if len(w) > 2}
    score = float(fuzz.token_set_ratio(" ".join(sorted(sa)), " ".join(sorted(sb)))) if sa and sb else 0.0
    ta, tb = _content_stems(ka), _content_stems(kb)
    if min(len(ta), len(tb)) >= 2:
        score = max(score, 100.0 * len(ta & tb) / min(len(ta), len(tb)))
    if ents.is_arabic(ka) != ents.is_arabic(kb):
        score = max(score, ents.similarity(str(a), str(b), "org")[0])
    return score


def _content_stems(key: str) -> set[str]:
    """Light stems of a folded name's words, without particles and with a conjunction ``و`` taken off."""
    out = set()
    for w in key.split():
        particles = lexicon().stop
        if w in particles:
            continue
        if len(w) > 4 and w[0] == "و" and w[1:] not in particles:
            w = w[1:]
        out.add(stem(w))
    return out




# -- the rule --------------------------------------------------------------------------------------------
def conflict(a: Mention, b: Mention, same: Same = _default_same) -> str | None:
    """What makes ``a`` and ``b`` two different things, or None."""
    if a.type != b.type or key_of(a) is None or key_of(a) != key_of(b):
        return "different type or countries"
    fa, fb = a.fields, b.fields
    t = a.type
    for name in ("start", "date", "period", "due"):
        if _dates_clash(fa.get(name), fb.get(name)):
            return f"{name} {fa.get(name)} vs {fb.get(name)}"
    if t == "visit":
        pa, pb = fa.get("guest_person"), fb.get("guest_person")
        same_days = min(precision(fa.get("start")), precision(fb.get("start"))) >= 3  # and they overlap
        if pa and pb and not same_days and not same(pa, pb, "person"):
            return f"different guests: {pa} / {pb}"
        if date_of(a) is None or date_of(b) is None:
            far = _implausible(a, b)
            if far:
                return far
    elif t == "agreement":
        if fa.get("kind") and fb.get("kind") and fa["kind"] != fb["kind"]:
            return f"kind {fa['kind']} vs {fb['kind']}"
        ca, cb = _num(fa.get("count")), _num(fb.get("count"))
        if ca is not None and cb is not None and ca != cb:
            return f"count {ca:g} vs {cb:g}"
        if values_apart(fa.get("value"), fb.get("value")):
            return f"value {fa.get('value')} vs {fb.get('value')}"
        pa, pb = _list(fa.get("parties")), _list(fb.get("parties"))
        if pa and pb and not _common(pa, pb, "org", same):
            return "no party in common"
    elif t == "figure":
        for name in ("from", "to"):
            if fa.get(name) and fb.get(name) and fa[name] != fb[name]:
                return f"{name} {fa[name]} vs {fb[name]}"
        same_period = bool(fa.get("period")) and str(fa.get("period")) == str(fb.get("period"))
        if values_apart(fa.get("value"), fb.get("value")) and not same_period:
            return f"value {fa.get('value')} vs {fb.get('value')}"
        ca, cb = _num(fa.get("count")), _num(fb.get("count"))
        if ca is not None and cb is not None and ca != cb:
            return f"count {ca:g} vs {cb:g}"
    elif t == "target":
        if values_apart(fa.get("value"), fb.get("value")):
            return f"value {fa.get('value')} vs {fb.get('value')}"
        ma, mb = _num(fa.get("multiplier")), _num(fb.get("multiplier"))
        if ma is not None and mb is not None and ma != mb:
            return f"multiplier {ma:g} vs {mb:g}"
    elif t == "project":
        if values_apart(fa.get("value"), fb.get("value")):
            return f"value {fa.get('value')} vs {fb.get('value')}"
        aa, ab = _list(fa.get("actors")), _list(fb.get("actors"))
        alike = name_alike(fa.get("name"), fb.get("name"))
        if aa and ab and not _common(aa, ab, "org", same) and alike < 70:
            return "no actor in common and different names"
    elif t == "award":
        pa, pb = fa.get("recipient_person"), fb.get("recipient_person")
        if pa and pb and not same(pa, pb, "person"):
            return f"different recipients: {pa} / {pb}"
        wa, wb = fa.get("award"), fb.get("award")
        if wa and wb and not same(wa, wb, "award") and name_alike(wa, wb) < 50:
            return f"different decorations: {wa} / {wb}"
    return None


def compatible(a: Mention, b: Mention, same: Same = _default_same) -> Reason | None:
    """Why ``a`` and ``b`` are the same real thing, or None where the rule does not say they are."""
    why = conflict(a, b, same)
    if why is not None:
        return None
    fa, fb = a.fields, b.fields
    t = a.type
    dup = a.cluster is not None and a.cluster == b.cluster and a.doc != b.doc
    da, db = date_of(a), date_of(b)
    dated = da is not None and db is not None  # and they overlap: no conflict
    reasons: list[str] = []
    strength = 0
    if dup:
        strength, reasons = STRONG, [f"same story (duplicate articles, cluster {a.cluster})"]
    if t == "visit":
        pa, pb = fa.get("guest_person"), fb.get("guest_person")
        person = bool(pa and pb)  # no conflict: the same person
        if dated and person:
            strength = max(strength, STRONG)
            reasons.append(f"same guest, host and person ({pa}); dates agree ({da} ~ {db})")
        elif dated and precision(da) >= 2 and precision(db) >= 2:
            strength = max(strength, MEDIUM)
            reasons.append(f"same guest and host; dates agree ({da} ~ {db})")
        elif person:
            if fa.get("occasion") and fb.get("occasion") and ents.same(fa["occasion"], fb["occasion"], "event"):
                strength = max(strength, MEDIUM)
                reasons.append(f"same guest, host, person and occasion ({fa['occasion']})")
            else:
                strength = max(strength, WEAK)
                reasons.append(f"same guest, host and person ({pa}); {'one' if da or db else 'both'} undated")
        elif not pa and not pb and _reported_within(a, b):
            strength = max(strength, WEAK)
            reasons.append(f"same guest and host; an undated report of the visit was published within the other's"
                           f" date ({da or db})")
    elif t == "agreement":
        pa, pb = _list(fa.get("parties")), _list(fb.get("parties"))
        common = _common(pa, pb, "org", same) if pa and pb else None
        if common:
            strength = max(strength, STRONG)
            reasons.append(f"same countries, parties in common ({common})")
        elif not pa and not pb:
            ca, cb = _num(fa.get("count")), _num(fb.get("count"))
            if ca is not None and ca == cb and ca > 1:
                strength = max(strength, MEDIUM)
                reasons.append(f"same countries, same number of documents ({ca:g})")
            elif values_apart(fa.get("value"), fb.get("value")) is False:
                strength = max(strength, MEDIUM)
                reasons.append(f"same countries, same value ({fa.get('value')})")
            elif dated and min(precision(da), precision(db)) >= 3:
                strength = max(strength, MEDIUM)
                reasons.append(f"same countries, same day ({da})")
            elif (dated and min(precision(da), precision(db)) >= 2 and fa.get("kind")
                  and fa.get("kind") == fb.get("kind") and fa.get("status") == fb.get("status") == "signed"
                  and _sectors_meet(fa, fb)):
                strength = max(strength, MEDIUM)
                reasons.append(f"same countries and kind ({fa['kind']}), signed in the same month ({da} ~ {db})")
            elif (fa.get("kind") and fa.get("kind") == fb.get("kind") and fa.get("status") == "signed"
                  and _sectors_meet(fa, fb) and _reported_within(a, b)):
                strength = max(strength, MEDIUM)
                reasons.append(f"same countries and kind ({fa['kind']}); an undated report of the signing was "
                               f"published within the other's date ({da or db})")
    elif t == "figure":
        same_value = values_apart(fa.get("value"), fb.get("value")) is False
        pa_, pb_ = fa.get("period"), fb.get("period")
        if pa_ and str(pa_) == str(pb_) and values_apart(fa.get("value"), fb.get("value")):
            strength = max(strength, MEDIUM)
            reasons.append(f"same metric, countries and period ({pa_}); values {fa.get('value')} and "
                           f"{fb.get('value')} differ by more than 5 %: kept side by side as a contradiction")
        elif same_value and pa_ and pb_:
            strength = max(strength, STRONG)
            reasons.append(f"same metric and countries, same value ({fa.get('value')}) for {pa_} ~ {pb_}")
        elif same_value and not pa_ and not pb_:
            strength = max(strength, MEDIUM)
            reasons.append(f"same metric and countries, same value ({fa.get('value')}), no period")
    elif t == "target":
        if values_apart(fa.get("value"), fb.get("value")) is False or (
                _num(fa.get("multiplier")) is not None and fa.get("multiplier") == fb.get("multiplier")):
            strength = max(strength, STRONG)
            reasons.append(f"same metric and countries, same aim ({fa.get('value') or fa.get('multiplier')})")
    elif t == "project":
        alike = name_alike(fa.get("name"), fb.get("name"))
        aa, ab = _list(fa.get("actors")), _list(fb.get("actors"))
        common = _common(aa, ab, "org", same) if aa and ab else None
        loc = fa.get("location") and fb.get("location") and name_alike(fa["location"], fb["location"]) >= 80
        if alike >= 80 and (common or loc or not (aa and ab)):
            strength = max(strength, STRONG if common or loc else MEDIUM)
            reasons.append(f"same countries, alike names ({fa.get('name')} ~ {fb.get('name')})"
                           + (f", actor in common ({common})" if common else ""))
        elif common and (alike >= 60 or loc or (fa.get("due") and fb.get("due"))):
            strength = max(strength, MEDIUM)
            reasons.append(f"same countries, actor in common ({common})")
        elif alike >= 60 and fa.get("due") and fb.get("due") and not (aa and ab):
            # no date clash (conflict): "الشحنة الأولى ... في كانون الثاني" then "وصلت أول شحنة ... أمس"
            strength = max(strength, MEDIUM)
            reasons.append(f"same countries, alike names ({fa.get('name')} ~ {fb.get('name')}), due dates agree"
                           f" ({fa.get('due')} ~ {fb.get('due')})")
    elif t == "award":
        wa, wb = fa.get("award"), fb.get("award")
        pa, pb = fa.get("recipient_person"), fb.get("recipient_person")
        if wa and wb and pa and pb:
            strength = max(strength, STRONG)
            reasons.append(f"alike decorations ({wa} ~ {wb}) to the same person ({pa})")
        elif (wa and wb) or (pa and pb):
            strength = max(strength, MEDIUM)
            reasons.append(f"same giver and recipient, same {'decoration' if wa and wb else 'person'}")
    if not strength:
        return None
    if a.doc == b.doc and strength < STRONG:
        return None  # the extractors keep one fact per thing in a document
    return Reason(strength, "; ".join(reasons))


#: how far an undated mention's article may be from the dated one: the article appears at most this many
#: days before the event starts and at most a year after it ends
_BEFORE, _AFTER = 45, 400


def _implausible(a: Mention, b: Mention) -> str | None:
    """An undated mention is about something near its article's date: a visit a year after the article, or two
    undated mentions in articles far apart, are different visits."""
    pa, pb = period(a.published), period(b.published)
    da, db = period(date_of(a)), period(date_of(b))
    if da is None and db is None:
        if pa and pb and abs((pa[0] - pb[0]).days) > _BEFORE:
            return f"undated, in articles of {a.published} and {b.published}"
        return None
    undated_pub, dated = (pa, db) if da is None else (pb, da)
    if undated_pub is None or dated is None:
        return None
    if dated[0] > undated_pub[0] + dt.timedelta(days=_BEFORE) or \
            dated[1] < undated_pub[0] - dt.timedelta(days=_AFTER):
        return f"undated mention in an article of {undated_pub[0]} is not about {date_of(a) or date_of(b)}"
    return None


def _sectors_meet(a: dict[str, Any], b: dict[str, Any]) -> bool:
    sa, sb = set(_list(a.get("sectors"))), set(_list(b.get("sectors")))
    return not sa or not sb or bool(sa & sb)


def _reported_within(a: Mention, b: Mention) -> bool:
    """One is dated (month or day), the other undated and published inside that date's period."""
    for x, y in ((a, b), (b, a)):
        dx = date_of(x)
        if dx is not None and date_of(y) is None and precision(dx) >= 2:
            px, py = period(dx), period(y.published)
            if px and py and px[0] <= py[0] <= px[1]:
                return True
    return False


def _common(xs: list[str], ys: list[str], kind: str, same: Same) -> str | None:
    for x in xs:
        for alt in x.split("|"):
            for y in ys:
                if any(same(alt, yy, kind) for yy in y.split("|")):
                    return x
    return None


# -- grouping ----------------------------------------------------------------------------------------
@dataclass
class Event:
    type: str
    members: list[Mention]
    why: list[str] = field(default_factory=list)
    id: int = 0

    @property
    def first(self) -> Mention:
        return self.members[0]


def _distance(a: Mention, b: Mention) -> int:
    """Days between the two facts' dates (a fact without one: its article's publication date)."""
    def when(m: Mention) -> dt.date | None:
        p = period(date_of(m)) or period(m.published)
        return p[0] if p else None
    x, y = when(a), when(b)
    return abs((x - y).days) if x and y else 10 ** 6


def group(mentions: Iterable[Mention], same: Same = _default_same) -> list[Event]:
    """Merge mentions into events by the rule above; deterministic for any input order."""
    ms = sorted((m for m in mentions if m.type in EVENT_TYPES), key=lambda m: m.sort)
    blocks: dict[tuple[Any, ...], list[int]] = {}
    for i, m in enumerate(ms):
        k = key_of(m)
        if k is not None:
            blocks.setdefault(k, []).append(i)
    pairs: list[tuple[int, int, int, int, Reason]] = []
    for idx in blocks.values():
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                i, j = idx[x], idx[y]
                r = compatible(ms[i], ms[j], same)
                if r is not None:
                    pairs.append((-r.strength, _distance(ms[i], ms[j]), i, j, r))
    pairs.sort(key=lambda p: p[:4])
    parent = list(range(len(ms)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ms))}
    why: dict[int, list[str]] = {i: [] for i in range(len(ms))}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    cache: dict[tuple[int, int], bool] = {}

    def ok(i: int, j: int) -> bool:
        key = (min(i, j), max(i, j))
        if key not in cache:
            a, b = ms[key[0]], ms[key[1]]
            if a.doc == b.doc:
                r = compatible(a, b, same)
                cache[key] = r is not None and r.strength >= STRONG
            else:
                cache[key] = conflict(a, b, same) is None
        return cache[key]

    for _, _, i, j, r in pairs:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        if not all(ok(x, y) for x in members[ri] for y in members[rj]):
            continue
        keep, gone = min(ri, rj), max(ri, rj)
        parent[gone] = keep
        members[keep] = sorted(members[keep] + members.pop(gone))
        why[keep] = why[keep] + why.pop(gone) + [f"{ms[i].label} + {ms[j].label}: {r.text}"]
    events = [Event(ms[root].type, [ms[i] for i in idx], why[root]) for root, idx in members.items()
              if key_of(ms[root]) is not None]
    events.sort(key=lambda e: e.first.sort)
    for n, e in enumerate(events, 1):
        e.id = n
    return events


# -- the merged fact -------------------------------------------------------------------------------------
def merged_fields(e: Event) -> dict[str, Any]:
    """The contract fields of the event: its fullest mention's, gaps filled from the others (dates: the
    most precise)."""
    ranked = sorted(e.members, key=lambda m: (-sum(1 for v in m.fields.values() if v not in (None, [], "")),
                                              m.sort))
    out = dict(ranked[0].fields)
    for m in ranked[1:]:
        for k, v in m.fields.items():
            if out.get(k) in (None, [], "") and v not in (None, [], ""):
                out[k] = v
    for name in ("start", "end", "date", "period", "due"):
        values = [m.get(name) for m in e.members if m.get(name)]
        if values:
            out[name] = sorted(values, key=lambda v: (-precision(v), str(v)))[0]
    if e.type in ("agreement", "project"):
        names = "parties" if e.type == "agreement" else "actors"
        seen: list[str] = []
        for m in sorted(e.members, key=lambda m: m.sort):
            for p in _list(m.get(names)):
                if not any(ents.same(p, q, "org") or p == q for q in seen):
                    seen.append(p)
        out[names] = seen
    stated = [m for m in e.members if m.get("status")]
    if stated:  # the latest report says where the thing stands (planned, then signed or done)
        out["status"] = max(stated, key=lambda m: (sort_key(m.published), m.sort)).get("status")
    for k in ("optional", "confidence"):
        out.pop(k, None)
    return out


def event_sort_date(e: Event) -> tuple[str, bool]:
    """(date to sort by, dated?): the event's own date, else its earliest article's publication date."""
    d = date_of_event(e)
    if d:
        return sort_key(d), True
    pubs = sorted(sort_key(m.published) for m in e.members if m.published and sort_key(m.published))
    return (pubs[0] if pubs else ""), False


def date_of_event(e: Event) -> Any:
    values = [date_of(m) for m in e.members if date_of(m)]
    return sorted(values, key=lambda v: (-precision(v), str(v)))[0] if values else None


def contradictions(e: Event) -> list[dict[str, Any]]:
    """Within a figure event: the values its sources give for the same period, where they differ by more
    than 5 %, side by side with their documents."""
    if e.type != "figure":
        return []
    by_period: dict[str, list[Mention]] = {}
    for m in e.members:
        if m.get("period") and _num(m.get("value")) is not None:
            by_period.setdefault(str(m.get("period")), []).append(m)
    out = []
    for per, ms in sorted(by_period.items()):
        groups: list[list[Mention]] = []
        for m in sorted(ms, key=lambda m: (float(m.get("value")), m.sort)):
            if groups and not values_apart(groups[-1][0].get("value"), m.get("value")):
                groups[-1].append(m)
            else:
                groups.append([m])
        if len(groups) > 1:
            first = ms[0]
            out.append({"metric": first.get("metric"), "period": per, "unit": first.get("unit"),
                        "values": [{"value": g[0].get("value"), "docs": sorted({m.doc for m in g})} for g in groups]})
    return out
