"""Query parameters shared by the API and the pages, checked with messages a person can act on."""

from __future__ import annotations

import datetime as dt
import re

from alaqat.model import FACT_TYPES
from alaqat.web.i18n import is_country_code

FACT_STATUSES = ("signed", "planned", "underway", "done")
LEDGER_STATUSES = ("upcoming", "due", "overdue", "fulfilled")
ENTITY_KINDS = ("person", "org", "place", "event", "award")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class BadParameter(ValueError):
    """A query parameter that cannot be used; the message names it, the value and what would work."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name


def country(value: str | None, name: str = "country") -> str | None:
    if value is None or value == "":
        return None
    code = value.strip().upper()
    if not is_country_code(code):
        raise BadParameter(name, f"{value!r} is not an ISO 3166-1 alpha-2 country code (for example KZ or JO)")
    return code


def pair(value: str | None, name: str = "pair") -> tuple[str, str] | None:
    if value is None or value == "":
        return None
    parts = [p for p in re.split(r"[,\s]+", value.strip()) if p]
    if len(parts) != 2:
        raise BadParameter(name, f"{value!r}: give two country codes separated by a comma, for example KZ,JO")
    a, b = (country(p, name) for p in parts)
    assert a is not None and b is not None
    if a == b:
        raise BadParameter(name, f"{value!r}: the two countries of a pair must differ")
    return a, b


def date(value: str | None, name: str) -> str | None:
    """An ISO 8601 date at any precision: ``2025``, ``2025-08`` or ``2025-08-26``."""
    if value is None or value == "":
        return None
    v = value.strip()
    ok = bool(_DATE.match(v))
    if ok:
        parts = [int(x) for x in v.split("-")]
        try:
            dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            ok = False
    if not ok:
        raise BadParameter(name, f"{value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    return v


def full_date(value: str | None, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise BadParameter(name, f"{value!r} is not a day; use YYYY-MM-DD") from None


def choice(value: str | None, name: str, allowed: tuple[str, ...]) -> str | None:
    if value is None or value == "":
        return None
    if value not in allowed:
        raise BadParameter(name, f"{value!r} is not one of {', '.join(allowed)}")
    return value


def fact_type(value: str | None, name: str = "type") -> str | None:
    return choice(value, name, FACT_TYPES)
