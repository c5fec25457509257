"""`alaqat serve`: binds to 127.0.0.1 unless told otherwise, and is read-only without a token."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from alaqat.cli import main


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    import uvicorn

    seen: dict[str, Any] = {}

    def fake_run(app: Any, host: str, port: int, **kw: Any) -> None:
        seen.update(app=app, host=host, port=port)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.delenv("ALAQAT_HOST", raising=False)
    monkeypatch.delenv("ALAQAT_PORT", raising=False)
    monkeypatch.delenv("ALAQAT_TOKEN", raising=False)
    return seen


def test_serve_binds_loopback_and_is_read_only_by_default(captured: dict[str, Any], db_url: str) -> None:
    result = CliRunner().invoke(main, ["--db", db_url, "serve"])
    assert result.exit_code == 0, result.output
    assert captured["host"] == "127.0.0.1" and captured["port"] == 8000
    assert captured["app"].state.token is None
    assert "http://127.0.0.1:8000/" in result.output and "read-only" in result.output


def test_serve_options(captured: dict[str, Any], db_url: str) -> None:
    result = CliRunner().invoke(main, ["--db", db_url, "serve", "--host", "0.0.0.0", "--port", "8123",
                                       "--token", "t0k"])
    assert result.exit_code == 0, result.output
    assert (captured["host"], captured["port"], captured["app"].state.token) == ("0.0.0.0", 8123, "t0k")
    bad = CliRunner().invoke(main, ["--db", db_url, "serve", "--port", "70000"])
    assert bad.exit_code == 2 and "70000" in bad.output
