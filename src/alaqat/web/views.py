"""What the pages show, computed in Python from the store and the knowledge layer (templates only lay it out).

Text from articles is never turned into markup here: highlighting splits the original text at offsets into
plain pieces, each of which Jinja escapes on its own.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any
from urllib.parse import quote

from alaqat.store.base import FactFilter, Store
from alaqat.web import knowledge, svg
from alaqat.web.i18n import UI

EVENT_TYPES = ("visit", "agreement", "figure", "target", "project", "award")


# -- highlighting --------------------------------------------------------------------------------------
def pieces(text: str, highlights: Sequence[Sequence[int]]) -> list[tuple[str, bool]]:
    """``text`` cut at the highlight ranges: ``[(piece, is_highlight), ...]`` (overlaps merged, bad ranges dropped)."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for s, e in sorted((int(h[0]), int(h[1])) for h in highlights):
        s, e = max(s, pos), min(e, len(text))
        if e <= s:
            continue
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[s:e], True))
        pos = e
    if pos < len(text):
        out.append((text[pos:], False))
    return out


@dataclass
class Segment:
    text: str
    facts: list[int] = field(default_factory=list)
    body: bool = True
    first_of: list[int] = field(default_factory=list)  # facts whose evidence starts here (anchor ids)

    @property
    def fact_ids(self) -> str:
        return " ".join(str(f) for f in self.facts)


def article_segments(original: str, body: Sequence[Sequence[int]],
                     facts: Sequence[dict[str, Any]]) -> list[Segment]:
    """The original text cut at every body, evidence and mention boundary; each piece knows the facts that cover
    it (a fact stated three times lights up three times)."""
    n = len(original)
    cuts = {0, n}
    ranges = []
    for f in facts:
        spans = [knowledge.evidence_offsets(f)]
        spans += [(int(m["evidence_start"]), int(m["evidence_end"])) for m in f.get("mentions") or []]
        for s, e in spans:  # the evidence and the other places that state the same fact
            if 0 <= s < e <= n:
                ranges.append((s, e, int(f["id"])))
                cuts.update((s, e))
    for s, e in body:
        cuts.update((max(0, min(n, int(s))), max(0, min(n, int(e)))))
    bounds = sorted(cuts)
    started: set[int] = set()
    out: list[Segment] = []
    for a, b in pairwise(bounds):
        if a >= b:
            continue
        covering = [fid for s, e, fid in ranges if s <= a and b <= e]
        in_body = not body or any(int(s) <= a and b <= int(e) for s, e in body)
        first = [fid for fid in covering if fid not in started]
        started.update(first)
        out.append(Segment(original[a:b], covering, in_body, first))
    return out


# -- facts as readable rows ---------------------------------------------------------------------------
LIST_FIELDS = ("countries", "parties", "actors", "sectors")


def fact_fields(fact: dict[str, Any], ui: UI) -> list[tuple[str, str]]:
    """(label, value) pairs worth showing for a fact or an event, in the contract's order."""
    from alaqat.model import FACT_FIELDS

    rows: list[tuple[str, str]] = []
    for name in FACT_FIELDS.get(str(fact.get("type")), ()):
        value = fact.get(name)
        if value in (None, "", []):
            continue
        if name in ("guest", "host", "giver", "recipient", "from", "to"):
            text = ui.country(str(value))
        elif name == "countries":
            text = ui.sep.join(ui.country(c) for c in value)
        elif name == "sectors" and isinstance(value, list):
            text = ui.sep.join(ui.t(f"sector_{v}") for v in value)
        elif name == "metric":
            text = ui.t(f"metric_{value}")
        elif name == "approx":
            text = "✓" if value else "✗"
        elif isinstance(value, list):
            text = ui.sep.join(str(v) for v in value)
        elif name == "status":
            text = ui.t(f"status_{value}")
        elif name == "kind":
            text = ui.t(str(value))
        elif name == "value":
            text = svg.fmt_number(value) + (f" {fact.get('unit')}" if fact.get("unit") else "")
        elif name == "unit":
            continue
        else:
            text = str(value)
        rows.append((ui.t(name), text))
    return rows


def doc_href(doc: str) -> str:
    return "/article/" + quote(doc, safe="")


def source_href(source: dict[str, Any]) -> str:
    href = doc_href(str(source.get("doc", "")))
    if source.get("fact_id") is not None:
        return f"{href}#ev-{int(source['fact_id'])}"
    return href


def event_href(event: dict[str, Any]) -> str:
    if event.get("id") is not None:
        return f"/event/{int(event['id'])}"
    sources = event.get("sources") or []
    return source_href(sources[0]) if sources else "#"


def event_label(event: dict[str, Any], ui: UI) -> str:
    """A one-line description of an event: its type and what names it."""
    t = str(event.get("type"))
    name = ""
    for key in ("name", "award", "occasion", "metric", "guest_person"):
        if event.get(key):
            name = str(event[key])
            break
    if not name and t == "agreement":
        name = ui.t(str(event.get("kind") or "agreement"))
    countries = " – ".join(ui.country(c) for c in event.get("countries") or [])
    return " · ".join(x for x in (ui.t(t), name, countries) if x)


# -- counts of facts by country -----------------------------------------------------------------------
def _sqlite_conn(store: Store) -> Any:
    from alaqat.store.sqlite import SQLiteStore

    return store.conn if isinstance(store, SQLiteStore) else None


def country_counts(store: Store) -> Counter[str]:
    """Facts per country (every type but ``article``)."""
    conn = _sqlite_conn(store)
    if conn is not None:
        rows = conn.execute("SELECT country, count(*) AS n FROM fact_countries GROUP BY country").fetchall()
        return Counter({r["country"]: int(r["n"]) for r in rows})
    counts: Counter[str] = Counter()
    for f in store.facts(FactFilter())[0]:
        counts.update(knowledge.fact_countries(f))
    return counts


def partner_counts(store: Store, focus: str) -> dict[str, Counter[str]]:
    """For each partner of ``focus``: the number of shared facts by type."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    conn = _sqlite_conn(store)
    if conn is not None:
        rows = conn.execute(
            "SELECT b.country AS partner, f.type AS type, count(*) AS n FROM fact_countries a"
            " JOIN fact_countries b ON b.fact_id = a.fact_id AND b.country != a.country"
            " JOIN facts f ON f.id = a.fact_id WHERE a.country = ? GROUP BY b.country, f.type", (focus,)).fetchall()
        for r in rows:
            out[r["partner"]][r["type"]] += int(r["n"])
        return out
    for f in store.facts(FactFilter(country=focus))[0]:
        for c in knowledge.fact_countries(f):
            if c != focus:
                out[c][f["type"]] += 1
    return out


# -- the pages' data ----------------------------------------------------------------------------------
def overview(store: Store, ui: UI, focus: str | None, max_partners: int = 14) -> dict[str, Any]:
    counts = country_counts(store)
    if focus is None and counts:
        focus = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    data: dict[str, Any] = {"focus": focus, "countries": sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])),
                            "stats": store.stats()}
    if focus is None:
        return data
    partners = partner_counts(store, focus)
    ranked = sorted(partners.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    data["partners"] = [(code, sum(c.values()), dict(c)) for code, c in ranked]
    nodes = [svg.Node(code, ui.country(code), total, f"/pair/{focus}/{code}")
             for code, total, _ in data["partners"][:max_partners]]
    data["network"] = svg.network(svg.Node(focus, ui.country(focus), counts.get(focus, 0), f"/?country={focus}"),
                                  nodes, f"{ui.t('partner_network')}: {ui.country(focus)}")
    events, _, from_knowledge = knowledge.events(store, country=focus)
    dated = sorted((e for e in events if e.get("type") in knowledge.TIMELINE_TYPES),
                   key=lambda e: str(e.get("date") or ""), reverse=True)
    data["latest"] = dated[:10]
    data["from_knowledge"] = from_knowledge
    overdue, _ = knowledge.ledger(store, country=focus, status="overdue")
    data["overdue"] = overdue[:20]
    return data


def pair(store: Store, ui: UI, a: str, b: str) -> dict[str, Any]:
    rtl = ui.dir == "rtl"
    timeline, from_knowledge = knowledge.timeline(store, a, b)
    visits_agreements = [e for e in timeline if e.get("type") in ("visit", "agreement")]
    marks = [svg.Mark(e.get("date"), str(e.get("type")), event_label(e, ui), event_href(e))
             for e in visits_agreements]
    agreements = [e for e in timeline if e.get("type") == "agreement"]
    awards = [e for e in timeline if e.get("type") == "award"]
    figures, _ = store.facts(FactFilter(type="figure", pair=(a, b)))
    targets, _ = store.facts(FactFilter(type="target", pair=(a, b)))
    rows, _ = knowledge.ledger(store, country=a)
    pledges = [r for r in rows if b in (r.get("countries") or [])]
    return {
        "a": a, "b": b, "timeline": visits_agreements, "from_knowledge": from_knowledge,
        "timeline_svg": svg.timeline(marks, ui.t("timeline"), rtl=rtl),
        "agreements": agreements, "awards": awards, "pledges": pledges,
        "figures": figures, "targets": targets,
        "chart": svg.bars(figure_bars(figures, targets, ui), ui.t("figures_targets"), rtl=rtl),
        "today": dt.date.today().isoformat(),
    }


def figure_bars(figures: Sequence[dict[str, Any]], targets: Sequence[dict[str, Any]], ui: UI) -> list[svg.Bar]:
    """For each metric and unit: the latest figure, and beside it its targets (a multiplier times that figure)."""
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for f in figures:
        if f.get("value") is None:
            continue
        key = (str(f.get("metric") or "other"), str(f.get("unit") or ""))
        if key not in latest or str(f.get("period") or "") > str(latest[key].get("period") or ""):
            latest[key] = f
    groups: dict[tuple[str, str], list[svg.Bar]] = {}
    for key, f in latest.items():
        label = f"{ui.t('latest_figure')} {f.get('period') or ''}".strip()
        groups[key] = [svg.Bar(group_name(key, ui), label, float(f["value"]), "figure")]
    for t in targets:
        metric, unit = str(t.get("metric") or "other"), str(t.get("unit") or "")
        value, key = t.get("value"), (metric, unit)
        if value is None and t.get("multiplier"):
            base = next(((k, f) for k, f in latest.items() if k[0] == metric), None)
            if base is None:
                continue
            key, value = base[0], float(base[1]["value"]) * float(t["multiplier"])
        if value is None:
            continue
        label = f"{ui.t('target')} {t.get('due') or ''}".strip()
        if t.get("multiplier"):
            label += f" (×{t['multiplier']})"
        groups.setdefault(key, []).append(svg.Bar(group_name(key, ui), label, float(value), "target"))
    return [bar for bars in groups.values() for bar in bars]


def group_name(key: tuple[str, str], ui: UI) -> str:
    metric, unit = key
    return " · ".join(x for x in (ui.t(f"metric_{metric}"), unit) if x)
