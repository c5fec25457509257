"""Readers: files (.txt, .html/.htm, .jsonl), folders (recursive) and standard input -> Articles.

Every reader yields either an :class:`Article` or a :class:`RejectedInput` naming the input and the
reason, so one bad file never stops a batch.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from alaqat.ingest.decode import decode
from alaqat.model import Article, RejectedInput

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
READABLE = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

Item = Article | RejectedInput


def _newlines(text: str) -> str:
    # Universal newlines, as Python's text mode reads files: offsets then agree with any reader.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def from_text(doc: str, text: str, source: str = "", *, title: str | None = None,
              published: str | None = None, url: str | None = None) -> Article:
    text = _newlines(text)
    if title:
        title = " ".join(title.split())
        if title not in text[: len(title) + 200]:
            text = f"{title}\n\n{text}"  # the title is part of the document, so its evidence is grounded
    return Article(doc=doc, original=text, source=source or doc, url=url, meta_title=title,
                   meta_published=published)


def from_html(doc: str, html: str, source: str = "") -> Article:
    import trafilatura  # imported here: a second of start-up the other readers do not need

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                         include_tables=True, favor_recall=True)
    text = getattr(result, "text", None) if result is not None else None
    if not text:
        raise RejectedInput(source or doc, "HTML page with no article text that could be extracted")
    title = getattr(result, "title", None)
    date = getattr(result, "date", None)
    url = getattr(result, "url", None)
    return from_text(doc, text, source, title=title, published=date, url=url)


def read_jsonl(lines: Iterable[str], source: str) -> Iterator[Item]:
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        where = f"{source}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield RejectedInput(where, f"not a JSON object: {e.msg}")
            continue
        if not isinstance(rec, dict):
            yield RejectedInput(where, "not a JSON object")
            continue
        doc, text = rec.get("id"), rec.get("text")
        if not isinstance(text, str) or not text.strip():
            yield RejectedInput(where, 'record without a "text" string')
            continue
        if doc is None or not str(doc).strip():
            yield RejectedInput(where, 'record without an "id"')
            continue
        title = rec.get("title") if isinstance(rec.get("title"), str) else None
        published = rec.get("published") if isinstance(rec.get("published"), str) else None
        url = rec.get("url") if isinstance(rec.get("url"), str) else None
        yield from_text(str(doc), text, where, title=title, published=published, url=url)


def read_file(path: Path) -> Iterator[Item]:
    source = str(path)
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as e:
        yield RejectedInput(source, f"cannot be read: {e.strerror or e}")
        return
    if not data.strip():
        yield RejectedInput(source, "empty file")
        return
    try:
        text = decode(data, source)
    except RejectedInput as e:
        yield e
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(_newlines(text).split("\n"), source)
    elif suffix in HTML_SUFFIXES:
        try:
            yield from_html(path.stem, text, source)
        except RejectedInput as e:
            yield e
    else:
        yield from_text(path.stem, text, source)


def read_stdin(name: str = "stdin") -> Iterator[Item]:
    data = sys.stdin.buffer.read()
    if not data.strip():
        yield RejectedInput("<stdin>", "no input on standard input")
        return
    try:
        text = decode(data, "<stdin>")
    except RejectedInput as e:
        yield e
        return
    text = _newlines(text)
    if text.lstrip().startswith("{"):
        yield from read_jsonl(text.split("\n"), "<stdin>")
    elif text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        try:
            yield from_html(name, text, "<stdin>")
        except RejectedInput as e:
            yield e
    else:
        yield from_text(name, text, "<stdin>")


def expand(paths: Iterable[str]) -> list[Path | str]:
    """Files to read, folders expanded recursively in a stable order; ``-`` stays for standard input."""
    out: list[Path | str] = []
    for p in paths:
        if p == "-":
            out.append("-")
            continue
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith(".")))
        else:
            out.append(path)
    return out


def read_all(paths: Iterable[str]) -> Iterator[Item]:
    for p in expand(paths):
        if p == "-":
            yield from read_stdin()
        elif isinstance(p, Path):
            if not p.exists():
                yield RejectedInput(str(p), "no such file or folder")
            else:
                yield from read_file(p)
