from __future__ import annotations

import shutil
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from alaqat.store.sqlite import SQLiteStore
from alaqat.web.app import create_app
from tests.conftest import ROOT
from tests.web.seed import build

warnings.filterwarnings("ignore", message=".*httpx.*")
from fastapi.testclient import TestClient  # noqa: E402  (after the filter: starlette warns on import)

TOKEN = "test-token-0123456789"
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database for the read-only tests: the dev articles with gold facts and our own short articles."""
    path = tmp_path_factory.mktemp("web") / "seeded.db"
    build(path).close()
    return path


def copy_db(src: Path, dst: Path) -> str:
    shutil.copy(src, dst)
    return f"sqlite:///{dst}"


@pytest.fixture(scope="session")
def store(seeded_db: Path) -> SQLiteStore:
    return SQLiteStore(f"sqlite:///{seeded_db}")


@pytest.fixture(scope="session")
def client(store: SQLiteStore) -> TestClient:
    return TestClient(create_app(store, TOKEN))


@pytest.fixture(scope="session")
def readonly(store: SQLiteStore) -> TestClient:
    return TestClient(create_app(store, None))


@pytest.fixture
def writable(tmp_path: Path, seeded_db: Path) -> TestClient:
    """A client over a copy of the seeded database that ingest may change."""
    return TestClient(create_app(SQLiteStore(copy_db(seeded_db, tmp_path / "copy.db")), TOKEN))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, seeded_db: Path) -> Iterator[str]:
    """A real uvicorn on a free 127.0.0.1 port over a copy of the seeded database, ingest allowed with TOKEN."""
    import uvicorn

    url = copy_db(seeded_db, tmp_path_factory.mktemp("server") / "server.db")
    app = create_app(SQLiteStore(url), TOKEN)
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's Chromium at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.js_errors = errors
    yield pg
    context.close()


def shot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
