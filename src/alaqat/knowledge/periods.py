"""Dates of the contract as periods: ``2026`` is the whole of 2026, ``2025-02`` all of February 2025,
``a/b`` an interval (``..`` an open end), ``2018-W24`` an ISO week."""

from __future__ import annotations

import calendar
import datetime as dt
import re

Period = tuple[dt.date, dt.date]

_MIN, _MAX = dt.date(1, 1, 1), dt.date(9999, 12, 31)
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def _point(text: str, end: bool) -> dt.date | None:
    text = text.strip()
    if text in ("", ".."):
        return _MAX if end else _MIN
    m = _WEEK.match(text)
    try:
        if m:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return monday + dt.timedelta(days=6) if end else monday
        parts = [int(p) for p in text.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return dt.date(parts[0], parts[1], last if end else 1)
        return dt.date(parts[0], parts[1], parts[2])
    except (ValueError, TypeError):
        return None


def period(value: object) -> Period | None:
    """The closed day interval a contract date stands for, or None where it is missing or unreadable."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if "/" in text:
        a, b = text.split("/", 1)
        start, end = _point(a, False), _point(b, True)
    else:
        start, end = _point(text, False), _point(text, True)
    if start is None or end is None or end < start:
        return None
    return start, end


def overlaps(a: object, b: object) -> bool | None:
    """True/False where both dates are given and readable; None where either is missing."""
    pa, pb = period(a), period(b)
    if pa is None or pb is None:
        return None
    return pa[0] <= pb[1] and pb[0] <= pa[1]


def precision(value: object) -> int:
    """How fine a date is: 0 none, 1 year, 2 month, 3 day (intervals: their start's precision)."""
    if value is None:
        return 0
    text = str(value).split("/")[0]
    if text in ("", ".."):
        return 1
    if "W" in text:
        return 3
    return min(3, text.count("-") + 1)


def sort_key(value: object) -> str:
    """An ISO day string to sort by (the period's start), '' where unknown."""
    p = period(value)
    if p is None or p[0] == _MIN:
        return ""
    return p[0].isoformat()
