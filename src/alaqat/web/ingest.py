"""Ingest over HTTP: uploaded files and pasted text go through the same readers and pipeline as the CLI."""

from __future__ import annotations

import hashlib
import hmac
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alaqat.ingest.readers import READABLE, from_text, read_file
from alaqat.model import Article, RejectedInput
from alaqat.store.base import Store
from alaqat.web import knowledge

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES = 200
_UNSAFE = re.compile(r"[^\w.\- ]+")


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


@dataclass(frozen=True)
class Pasted:
    text: str
    title: str | None = None
    doc: str | None = None
    published: str | None = None


def token_ok(expected: str | None, given: str | None) -> bool:
    if not expected or given is None:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())


def safe_name(name: str, n: int) -> str:
    """A file name without folders or odd characters (the document's id is its stem)."""
    base = Path(name.replace("\\", "/")).name
    base = _UNSAFE.sub("_", base).strip(" .")
    return base or f"upload-{n}.txt"


def _items(uploads: list[Upload], pasted: list[Pasted], folder: Path) -> Iterator[Article | RejectedInput]:
    if len(uploads) > MAX_FILES:
        yield RejectedInput("upload", f"{len(uploads)} files in one request; send at most {MAX_FILES} at a time")
        uploads = uploads[:MAX_FILES]
    for n, up in enumerate(uploads, 1):
        name = safe_name(up.name, n)
        suffix = Path(name).suffix.lower()
        if suffix not in READABLE:
            yield RejectedInput(name, f"files of type '{suffix}' cannot be read; upload .txt, .html or .jsonl")
            continue
        if len(up.data) > MAX_FILE_BYTES:
            yield RejectedInput(name, f"file of {len(up.data) // 1024} KB is over the limit of "
                                      f"{MAX_FILE_BYTES // 1024} KB; split it or use 'alaqat ingest'")
            continue
        path = folder / f"{n:04d}" / name
        path.parent.mkdir()
        path.write_bytes(up.data)
        prefix = str(path.parent) + "/"
        for item in read_file(path):
            if isinstance(item, RejectedInput):
                yield RejectedInput(item.source.replace(prefix, ""), item.reason)
            else:
                item.source = item.source.replace(prefix, "")
                yield item
    for p in pasted:
        if not p.text.strip():
            yield RejectedInput(p.doc or "pasted text", "the pasted text is empty")
            continue
        doc = (p.doc or "").strip() or "pasted-" + hashlib.sha256(p.text.encode("utf-8")).hexdigest()[:12]
        if len(doc) > 200 or any(ord(c) < 32 for c in doc):
            yield RejectedInput(doc[:40], "a document id must be one line of at most 200 characters")
            continue
        yield from_text(doc, p.text, "pasted text", title=(p.title or "").strip() or None, published=p.published)


def ingest(store: Store, uploads: list[Upload], pasted: list[Pasted]) -> dict[str, Any]:
    """Store what can be read, refuse the rest with reasons; rebuild the knowledge tables if anything changed."""
    from alaqat.run.ingest import ingest as run_ingest

    with tempfile.TemporaryDirectory(prefix="alaqat-upload-") as tmp:
        result = run_ingest(_items(uploads, pasted, Path(tmp)), store)
    rebuilt = knowledge.rebuild(store) if (result.stored or result.updated) else None
    return {
        "stored": result.stored, "updated": result.updated, "unchanged": result.unchanged,
        "refused": [{"source": s, "reason": r} for s, r in result.rejected],
        "facts": result.facts, "knowledge": rebuilt,
    }
