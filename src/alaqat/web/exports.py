"""Exports beyond the contract's JSON Lines and CSV: the country network as GraphML, events as PLOVER JSON.

PLOVER (the Open Event Data Alliance's event interchange format) records, one JSON object a line:

- ``id``, ``date`` and ``enddate`` (ISO 8601 at the text's precision: ``2025``, ``2025-08``, ``2025-08-26``; an
  interval ``a/b`` gives ``date`` a and ``enddate`` b), ``event`` (a list of PLOVER categories), ``mode``,
  ``quad_code``, ``source`` and ``recipient`` (actor objects: ``code`` ISO 3166-1 alpha-3 as PLOVER asks for a
  three-letter code, ``country_code`` alpha-2, ``actor_text`` a person or body where the text names one),
  ``event_text`` (the evidence, verbatim), ``text_info`` (``start``/``end`` offsets into the first source),
  ``cite_info`` (``corpus``, ``title``, ``url``, ``language``), ``coder``, ``coded_date``.
- Mapping: a visit is ``CONSULT`` (mode ``visit``; the guest is the source, the host the recipient); a planned
  agreement is ``AGREE`` (intent to cooperate), a signed one ``AGREE`` + ``COOPERATE`` (mode ``sign``), its states
  all sources with no recipient, as PLOVER codes symmetric events; a project is ``COOPERATE`` (mode ``project``);
  an award is ``SUPPORT`` (mode ``award``; giver source, recipient recipient). Figures and targets measure a
  relation and are not events: they are not exported here.
- Extension (documented, as PLOVER invites): ``alaqat`` holds our own fields: ``type``, the contract's fields of
  the fact or merged event, ``event_id`` and ``sources`` (``doc``, ``evidence``, ``start``, ``end``).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Any
from xml.etree import ElementTree as ET

from alaqat.export import write_csv, write_jsonl
from alaqat.web import knowledge
from alaqat.web.i18n import alpha3, country_name

PLOVER_TYPES = ("visit", "agreement", "project", "award")
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2}


def jsonl(facts: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    write_jsonl(facts, out)
    return out.getvalue()


def csv(facts: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    write_csv(facts, out)
    return out.getvalue()


# -- GraphML ------------------------------------------------------------------------------------------
_G = "http://graphml.graphdrawing.org/xmlns"
EDGE_TYPES = ("visit", "agreement", "figure", "target", "project", "award")


def graphml(facts: Iterable[dict[str, Any]]) -> str:
    """Countries as nodes (names in Arabic and English, fact counts); an undirected edge for every pair of
    countries that share facts, weighted by how many, with a count per fact type."""
    nodes: Counter[str] = Counter()
    edges: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for f in facts:
        if f.get("type") == "article":
            continue
        countries = knowledge.fact_countries(f)
        nodes.update(countries)
        for a, b in combinations(countries, 2):
            edges[(a, b)][str(f["type"])] += 1
    ET.register_namespace("", _G)
    root = ET.Element(f"{{{_G}}}graphml")
    keys = [("name_ar", "node", "string"), ("name_en", "node", "string"), ("facts", "node", "int"),
            ("weight", "edge", "int")] + [(t, "edge", "int") for t in EDGE_TYPES]
    for name, domain, kind in keys:
        ET.SubElement(root, f"{{{_G}}}key", {"id": name, "for": domain, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{{{_G}}}graph", {"id": "countries", "edgedefault": "undirected"})

    def data(parent: ET.Element, key: str, value: object) -> None:
        ET.SubElement(parent, f"{{{_G}}}data", {"key": key}).text = str(value)

    for code in sorted(nodes):
        node = ET.SubElement(graph, f"{{{_G}}}node", {"id": code})
        data(node, "name_ar", country_name(code, "ar"))
        data(node, "name_en", country_name(code, "en"))
        data(node, "facts", nodes[code])
    for n, ((a, b), by_type) in enumerate(sorted(edges.items())):
        edge = ET.SubElement(graph, f"{{{_G}}}edge", {"id": f"e{n}", "source": a, "target": b})
        data(edge, "weight", sum(by_type.values()))
        for t in EDGE_TYPES:
            if by_type.get(t):
                data(edge, t, by_type[t])
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# -- PLOVER -------------------------------------------------------------------------------------------
def _actor(code: str | None, text: str | None = None) -> dict[str, Any] | None:
    if not code:
        return None
    out: dict[str, Any] = {"code": alpha3(code) or code, "country_code": code}
    if text:
        out["actor_text"] = text
    return out


def _categories(event: dict[str, Any]) -> tuple[list[str], str]:
    t = event.get("type")
    if t == "visit":
        return ["CONSULT"], "visit"
    if t == "agreement":
        return (["AGREE"], "plan") if event.get("status") == "planned" else (["AGREE", "COOPERATE"], "sign")
    if t == "project":
        return ["COOPERATE"], "project"
    return ["SUPPORT"], "award"


def plover_record(event: dict[str, Any], titles: dict[str, tuple[str | None, str | None]]) -> dict[str, Any]:
    categories, mode = _categories(event)
    t = event.get("type")
    if t == "visit":
        sources = [_actor(event.get("guest"), event.get("guest_person"))]
        recipients = [_actor(event.get("host"))]
    elif t == "award":
        sources = [_actor(event.get("giver"))]
        recipients = [_actor(event.get("recipient"), event.get("recipient_person"))]
    else:
        sources = [_actor(c) for c in event.get("countries") or []]
        recipients = []
    date = event.get("date")
    start, _, end = str(date).partition("/") if date else ("", "", "")
    refs = event.get("sources") or []
    first = refs[0] if refs else {}
    title, url = titles.get(str(first.get("doc")), (None, None))
    ident = (f"alaqat-e{event['id']}" if event.get("id") is not None
             else f"alaqat-{first.get('doc')}-f{first.get('fact_id')}")
    own = {k: v for k, v in event.items() if k not in ("sources",)}
    record: dict[str, Any] = {
        "id": ident,
        "date": start if start and start != ".." else None,
        "enddate": end if end and end != ".." else None,
        "source": [a for a in sources if a],
        "recipient": [a for a in recipients if a],
        "event": categories,
        "mode": mode,
        "quad_code": min(QUAD.get(c, 2) for c in categories),
        "event_text": [s.get("evidence") for s in refs],
        "text_info": {"start": first.get("start"), "end": first.get("end")},
        "cite_info": {"corpus": "alaqat", "title": title, "url": url, "language": "ar"},
        "coder": "alaqat",
        "coded_date": dt.date.today().isoformat(),
        "alaqat": {"type": t, "event_id": event.get("id"), "fields": own, "sources": refs},
    }
    return record


def plover(events: Iterable[dict[str, Any]], titles: dict[str, tuple[str | None, str | None]]) -> str:
    lines = [json.dumps(plover_record(e, titles), ensure_ascii=False) for e in events
             if e.get("type") in PLOVER_TYPES]
    return "".join(line + "\n" for line in lines)
