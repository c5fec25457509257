"""The settings table: name, default, environment variable, help. Flags override the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: str | None
    env: str
    help: str

    def value(self) -> str | None:
        return os.environ.get(self.env) or self.default


SETTINGS = {
    s.name: s
    for s in (
        Setting("db", "sqlite:///./alaqat.db", "ALAQAT_DB", "database URL: sqlite:///PATH or postgresql://..."),
        Setting("token", None, "ALAQAT_TOKEN", "token that allows ingest over HTTP; none = read-only server"),
        Setting("host", "127.0.0.1", "ALAQAT_HOST", "address the server binds to"),
        Setting("port", "8000", "ALAQAT_PORT", "port the server listens on"),
        Setting("scorer", None, "ALAQAT_SCORER", "path to the contract's score.py (eval)"),
    )
}


def get(name: str) -> str | None:
    return SETTINGS[name].value()
