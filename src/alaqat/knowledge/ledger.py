"""The pledge ledger: planned agreements, projects and targets with a due date, and where they stand.

At rebuild time each pledge is linked to what fulfils it (``fulfilment``): a later event of the same
thing reported done — a project of the same countries and name/actors with status ``done``, or a signed
agreement matching a planned one — from a document published after the pledge's. A target gets the latest
``figure`` of the same metric, unit and countries beside it. At query time ``status`` places the due
period against the reference date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from alaqat.knowledge.events import Event, Mention, compatible, conflict
from alaqat.knowledge.periods import period, sort_key

STATUSES = ("upcoming", "due", "overdue", "fulfilled")


_PLANNED = {"agreement": ("planned",), "project": ("planned", "underway", None), "target": None}
_DONE = {"agreement": "signed", "project": "done"}


def pledge_mention(e: Event) -> Mention | None:
    """The earliest mention that makes the event a pledge (planned, with a due date), or None."""
    if e.type not in _PLANNED:
        return None
    allowed = _PLANNED[e.type]
    ms = [m for m in e.members if m.get("due") and (allowed is None or m.get("status") in allowed)]
    if not ms:
        return None
    return min(ms, key=lambda m: (sort_key(m.published) or "9999", m.sort))


def is_pledge(e: Event, fields: dict[str, Any] | None = None) -> bool:
    return pledge_mention(e) is not None


def done_mention(e: Event, pledge: Mention) -> Mention | None:
    """A mention of the same event reporting it done, from a document published after the pledge's."""
    done = _DONE.get(e.type)
    if done is None:
        return None
    since = sort_key(pledge.published)
    cands = []
    for m in e.members:
        if m.get("status") != done or m.doc == pledge.doc:
            continue
        pub = sort_key(m.published)
        if since and pub and pub <= since:
            continue
        if m.cluster is not None and m.cluster == pledge.cluster:
            continue  # a copy of the same story is no later report
        cands.append((pub or "9999", m.sort, m))
    return min(cands, key=lambda c: c[:2])[2] if cands else None


def _published(e: Event) -> str:
    pubs = sorted(sort_key(m.published) for m in e.members if sort_key(m.published))
    return pubs[0] if pubs else ""


def _without_status(m: Mention, done: str) -> Mention:
    fields = dict(m.fields)
    fields["status"] = done
    fields.pop("due", None)
    return Mention(m.id, m.doc, m.type, fields, m.evidence, m.start, m.end, m.published, m.cluster)


def fulfilment(pledge: Event, events: list[Event]) -> tuple[Event, Mention] | None:
    """The earliest later event reporting the pledge done, and the mention that reports it."""
    done = {"agreement": "signed", "project": "done"}.get(pledge.type)
    if done is None:
        return None
    since = _published(pledge)
    pledge_docs = {m.doc for m in pledge.members}
    best: tuple[str, str, Event, Mention] | None = None
    for e in events:
        if e.type != pledge.type or e is pledge:
            continue
        for m in e.members:
            if m.get("status") != done or m.doc in pledge_docs:
                continue
            pub = sort_key(m.published)
            if since and (not pub or pub <= since):
                continue
            if not since and not pub:
                continue
            ok = False
            for p in pledge.members:
                a = _without_status(p, done)
                b = _without_status(m, done)
                if conflict(a, b) is None and compatible(a, b) is not None:
                    ok = True
                    break
            if ok and (best is None or (pub, m.doc) < best[:2]):
                best = (pub, m.doc, e, m)
    return (best[2], best[3]) if best else None


def status(due: Any, as_of: dt.date, fulfilled_on: str | None, fulfilled: bool) -> str | None:
    """upcoming / due / overdue / fulfilled of a pledge due ``due`` seen on ``as_of``."""
    if fulfilled and (not fulfilled_on or fulfilled_on <= as_of.isoformat()):
        return "fulfilled"
    p = period(due)
    if p is None:
        return None
    if as_of < p[0]:
        return "upcoming"
    if as_of <= p[1]:
        return "due"
    return "overdue"


def latest_figure(target: Event, fields: dict[str, Any], figures: list[tuple[Event, dict[str, Any]]]
                  ) -> dict[str, Any] | None:
    """The latest figure of the target's metric, unit and countries (by period, then publication)."""
    cands = []
    for e, f in figures:
        if (f.get("metric") == fields.get("metric") and sorted(f.get("countries") or []) ==
                sorted(fields.get("countries") or []) and (not fields.get("unit") or f.get("unit") ==
                                                            fields.get("unit"))):
            cands.append(((sort_key(f.get("period")), _published(e), -e.id), e, f))
    if not cands:
        return None
    _, e, f = max(cands, key=lambda c: c[0])
    return {"event_id": e.id, "value": f.get("value"), "unit": f.get("unit"), "period": f.get("period"),
            "doc": e.first.doc}
