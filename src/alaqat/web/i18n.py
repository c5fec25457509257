"""Labels of the pages in Arabic (first) and English, and country names. The data itself is never translated.

Labels live in ``templates/labels.json`` (one object per language, the same keys in each); country names come
from CLDR through Babel, so every ISO 3166 code the extractors produce has a name in both languages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

LANGS = ("ar", "en")
DEFAULT_LANG = "ar"


@cache
def _labels() -> dict[str, dict[str, str]]:
    text = resources.files("alaqat.web").joinpath("templates/labels.json").read_text("utf-8")
    data: dict[str, dict[str, str]] = json.loads(text)
    return data


@dataclass(frozen=True)
class UI:
    """What a template needs to speak one language: labels, direction, country names."""

    lang: str

    @property
    def dir(self) -> str:
        return "rtl" if self.lang == "ar" else "ltr"

    @property
    def other(self) -> str:
        return "en" if self.lang == "ar" else "ar"

    @property
    def sep(self) -> str:
        """The list separator: the Arabic comma on Arabic pages."""
        return "، " if self.lang == "ar" else ", "

    def t(self, key: str) -> str:
        """The label for ``key``; an unknown key shows as itself, so a missing label is visible, not fatal."""
        return _labels()[self.lang].get(key) or _labels()[DEFAULT_LANG].get(key) or key

    def country(self, code: str | None) -> str:
        return country_name(code, self.lang)


def ui(lang: str | None) -> UI:
    return UI(lang if lang in LANGS else DEFAULT_LANG)


def label_keys(lang: str) -> set[str]:
    return set(_labels()[lang])


@cache
def _territories(lang: str) -> dict[str, str]:
    from babel import Locale

    return dict(Locale(lang).territories)


def country_name(code: str | None, lang: str = DEFAULT_LANG) -> str:
    """``"KZ"`` -> ``"كازاخستان"`` (or ``"Kazakhstan"``); an unknown code is shown as given."""
    if not code:
        return ""
    return _territories(lang if lang in LANGS else DEFAULT_LANG).get(code.upper(), code)


@cache
def _alpha3() -> dict[str, str]:
    from babel.core import get_global

    aliases = get_global("territory_aliases")
    return {v[0]: k for k, v in aliases.items() if len(k) == 3 and k.isalpha() and len(v) == 1}


def alpha3(code: str) -> str | None:
    """ISO 3166-1 alpha-3 for an alpha-2 code (``"KZ"`` -> ``"KAZ"``), from CLDR's territory aliases."""
    return _alpha3().get(code.upper())


#: CLDR regions that are no country (unknown region, outlying Oceania, EU, eurozone, UN, pseudo-locales)
NOT_COUNTRIES = frozenset({"ZZ", "QO", "EU", "EZ", "UN", "XA", "XB"})


def is_country_code(code: str) -> bool:
    c = code.upper()
    return len(c) == 2 and c.isascii() and c.isalpha() and c in _territories("en") and c not in NOT_COUNTRIES
