"""Timelines: the events of a country pair in date order; undated ones placed by their article's date."""

from __future__ import annotations

from typing import Any


def order(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events sorted by their date (or, marked ``"dated": false``, their earliest article's date); events
    with neither come last."""
    return sorted(events, key=lambda e: (not e.get("sort_date"), e.get("sort_date") or "", e["id"]))
