"""Open a Store from a database URL: ``sqlite:///path`` (default) or ``postgresql://...``."""

from __future__ import annotations

from alaqat.store.base import Store


class BadDatabaseURL(ValueError):
    pass


def open_store(url: str) -> Store:
    if url.startswith("sqlite:"):
        from alaqat.store.sqlite import SQLiteStore

        return SQLiteStore(url)
    if url.startswith(("postgresql:", "postgres:")):
        try:
            from alaqat.store.postgres import PostgresStore
        except ImportError as e:
            raise BadDatabaseURL(f"{url}: PostgreSQL support needs 'pip install alaqat[postgres]' ({e})") from e
        return PostgresStore(url)
    raise BadDatabaseURL(f"{url}: unknown database URL (use sqlite:///PATH or postgresql://USER@HOST/DB)")
