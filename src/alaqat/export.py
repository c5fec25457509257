"""Export stored facts in the contract (JSON Lines) or as CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from alaqat.model import FACT_FIELDS

CSV_HEAD = ["doc", "type"]
CSV_TAIL = ["evidence", "evidence_start", "evidence_end", "confidence"]


def csv_columns() -> list[str]:
    seen: list[str] = []
    for fields in FACT_FIELDS.values():
        for f in fields:
            if f not in seen:
                seen.append(f)
    return CSV_HEAD + seen + CSV_TAIL


def contract(fact: dict[str, Any]) -> dict[str, Any]:
    """A stored fact as the contract's JSON object (every field of its type, null where not given)."""
    out: dict[str, Any] = {"doc": fact["doc"], "type": fact["type"]}
    for name in FACT_FIELDS.get(fact["type"], ()):
        out[name] = fact.get(name)
    for name, value in fact.items():
        if name not in ("id",):
            out.setdefault(name, value)
    return out


def write_jsonl(facts: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for fact in facts:
        out.write(json.dumps(contract(fact), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(facts: Iterable[dict[str, Any]], out: TextIO) -> int:
    cols = csv_columns()
    writer = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for fact in facts:
        row = {}
        for k, v in contract(fact).items():
            row[k] = ";".join(str(x) for x in v) if isinstance(v, list) else ("" if v is None else v)
        writer.writerow(row)
        n += 1
    return n
