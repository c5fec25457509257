"""The embedded default store: SQLite in WAL mode, versioned schema, FTS5 over folded, stemmed terms."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from alaqat.arabic.normalise import fold
from alaqat.model import Article
from alaqat.store.analysis import index_terms, query_terms, snippet
from alaqat.store.base import FactFilter, SearchHit, fact_row
from alaqat.store.knowledge_sql import KnowledgeSQL

ENTITY_KINDS = ("person", "org", "place", "event", "award")


def migrations() -> list[tuple[int, str]]:
    """(version, SQL) of every migration shipped with the package, in order."""
    folder = resources.files("alaqat.store").joinpath("migrations")
    out = []
    for item in folder.iterdir():
        name = item.name
        if name.endswith(".sql") and name[:4].isdigit():
            out.append((int(name[:4]), item.read_text("utf-8")))
    return sorted(out)


def entity_key(name: str) -> str:
    return " ".join(fold(name).split())


class SQLiteStore(KnowledgeSQL):
    """Store backed by one SQLite file (``sqlite:///path``) or memory (``sqlite://``)."""

    def __init__(self, url: str) -> None:
        self.url = url
        path = url.removeprefix("sqlite://")
        path = path[1:] if path.startswith("/") else path
        self.path = path or ":memory:"
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._lock = threading.Lock()
        self.migrate()

    # -- connection -------------------------------------------------------------------------------
    @property
    def conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            self._local.conn = conn
        return conn

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        current = self.schema_version()
        for version, sql in migrations():
            if version <= current:
                continue
            with self.transaction() as conn:
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {int(version)}")

    # -- writing ----------------------------------------------------------------------------------
    def has(self, doc: str, content_hash: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM documents WHERE doc = ? AND content_hash = ?",
                                (doc, content_hash)).fetchone()
        return row is not None

    def save_article(self, article: Article, content_hash: str) -> str:
        """Store one processed article and its facts in one transaction: ``stored`` or ``updated``."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.transaction() as conn:
            old = conn.execute("SELECT id FROM documents WHERE doc = ?", (article.doc,)).fetchone()
            if old is not None:
                self._delete_document(conn, int(old["id"]))
            cur = conn.execute(
                "INSERT INTO documents (doc, content_hash, source, url, title, published, original, body,"
                " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article.doc, content_hash, article.source, article.url, article.title, article.published,
                 article.original, json.dumps(article.body), now))
            doc_id = int(cur.lastrowid or 0)
            conn.execute("INSERT INTO search_index (terms, kind, ref, document_id) VALUES (?, 'article', ?, ?)",
                         (index_terms(article.text), doc_id, doc_id))
            for fact in article.facts:
                countries, date, status, data = fact_row(fact)
                cur = conn.execute(
                    'INSERT INTO facts (document_id, type, start, "end", evidence, confidence, countries, date,'
                    " status, data, mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (doc_id, fact.type, fact.start, fact.end, fact.evidence, fact.confidence, countries, date,
                     status, data, json.dumps(sorted(fact.mentions))))
                fact_id = int(cur.lastrowid or 0)
                conn.executemany("INSERT INTO fact_countries (fact_id, country) VALUES (?, ?)",
                                 [(fact_id, c) for c in countries.split(",") if c])
                names = " ".join(str(v) for v in _names(fact.fields))
                conn.execute("INSERT INTO search_index (terms, kind, ref, document_id) VALUES (?, 'fact', ?, ?)",
                             (index_terms(fact.evidence + " " + names), fact_id, doc_id))
            for span in article.spans:
                if span.kind not in ENTITY_KINDS or not isinstance(span.value, dict):
                    continue
                name = span.value.get("name") or span.text
                key = entity_key(name)
                if not key:
                    continue
                conn.execute("INSERT INTO entities (kind, name, country, key) VALUES (?, ?, ?, ?)"
                             " ON CONFLICT (kind, key) DO NOTHING",
                             (span.kind, name, span.value.get("country"), key))
                ent = conn.execute("SELECT id FROM entities WHERE kind = ? AND key = ?", (span.kind, key)).fetchone()
                conn.execute('INSERT INTO entity_mentions (entity_id, document_id, start, "end", text)'
                             " VALUES (?, ?, ?, ?, ?)", (ent["id"], doc_id, span.start, span.end, span.text))
        return "updated" if old is not None else "stored"

    @staticmethod
    def _delete_document(conn: sqlite3.Connection, doc_id: int) -> None:
        conn.execute("DELETE FROM search_index WHERE document_id = ?", (doc_id,))
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        conn.execute("DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM entity_mentions)")

    # -- reading ----------------------------------------------------------------------------------
    def documents(self, limit: int | None = None, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        total = int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        rows = self.conn.execute(
            "SELECT d.doc, d.title, d.published, d.source, d.url, d.ingested_at,"
            " (SELECT count(*) FROM facts f WHERE f.document_id = d.id AND f.type != 'article') AS facts"
            " FROM documents d ORDER BY d.doc LIMIT ? OFFSET ?", (_lim(limit), offset)).fetchall()
        return [dict(r) for r in rows], total

    def document(self, doc: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM documents WHERE doc = ?", (doc,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["body"] = json.loads(out["body"])
        out["facts"] = self.facts(FactFilter(doc=doc))[0]
        return out

    def facts(self, flt: FactFilter | None = None) -> tuple[list[dict[str, Any]], int]:
        flt = flt or FactFilter()
        where, args = ["1 = 1"], []
        if flt.type:
            where.append("f.type = ?")
            args.append(flt.type)
        if flt.doc:
            where.append("d.doc = ?")
            args.append(flt.doc)
        if flt.country:
            where.append("f.id IN (SELECT fact_id FROM fact_countries WHERE country = ?)")
            args.append(flt.country.upper())
        if flt.pair:
            for c in flt.pair:
                where.append("f.id IN (SELECT fact_id FROM fact_countries WHERE country = ?)")
                args.append(c.upper())
        if flt.date_from:
            where.append("f.date >= ?")
            args.append(flt.date_from)
        if flt.date_to:
            where.append("substr(f.date, 1, length(?)) <= ?")
            args.extend([flt.date_to, flt.date_to])
        if flt.status:
            where.append("f.status = ?")
            args.append(flt.status)
        if flt.q:
            terms = query_terms(flt.q)
            if terms:
                where.append("f.id IN (SELECT ref FROM search_index WHERE search_index MATCH ? AND kind = 'fact')")
                args.append(_match(terms))
        clause = " AND ".join(where)
        base = f"FROM facts f JOIN documents d ON d.id = f.document_id WHERE {clause}"
        total = int(self.conn.execute(f"SELECT count(*) {base}", args).fetchone()[0])
        rows = self.conn.execute(
            f'SELECT f.id, d.doc, f.type, f.start, f."end", f.evidence, f.confidence, f.data, f.mentions {base}'
            " ORDER BY d.doc, f.start, f.id LIMIT ? OFFSET ?", [*args, _lim(flt.limit), flt.offset]).fetchall()
        return [_fact_dict(r) for r in rows], total

    def fact(self, fact_id: int) -> dict[str, Any] | None:
        row = self.conn.execute(
            'SELECT f.id, d.doc, f.type, f.start, f."end", f.evidence, f.confidence, f.data, f.mentions'
            " FROM facts f JOIN documents d ON d.id = f.document_id WHERE f.id = ?", (fact_id,)).fetchone()
        return _fact_dict(row) if row else None

    def search(self, query: str, limit: int = 20, offset: int = 0) -> tuple[list[SearchHit], int]:
        terms = query_terms(query)
        if not terms:
            return [], 0
        match = _match(terms)
        total = int(self.conn.execute("SELECT count(*) FROM search_index WHERE search_index MATCH ?",
                                      (match,)).fetchone()[0])
        rows = self.conn.execute(
            "SELECT kind, ref, document_id, bm25(search_index) AS rank FROM search_index"
            " WHERE search_index MATCH ? ORDER BY rank, ref LIMIT ? OFFSET ?", (match, limit, offset)).fetchall()
        hits: list[SearchHit] = []
        for r in rows:
            doc = self.conn.execute("SELECT doc, title, original, body FROM documents WHERE id = ?",
                                    (r["document_id"],)).fetchone()
            if doc is None:
                continue
            score = -float(r["rank"])
            if r["kind"] == "fact":
                fact = self.fact(int(r["ref"]))
                if fact is None:
                    continue
                snip = snippet(fact["evidence"], query)
                hits.append(SearchHit(doc["doc"], score, "fact", snip.text, snip.highlights, fact, doc["title"]))
            else:
                body = json.loads(doc["body"])
                text = "\n".join(doc["original"][s:e] for s, e in body)
                snip = snippet(text, query)
                hits.append(SearchHit(doc["doc"], score, "article", snip.text, snip.highlights, None,
                                      doc["title"]))
        return hits, total

    def entities(self, kind: str | None = None, q: str | None = None, limit: int | None = None,
                 offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        where, args = ["1 = 1"], []
        if kind:
            where.append("e.kind = ?")
            args.append(kind)
        if q:
            where.append("e.key LIKE ?")
            args.append(f"%{entity_key(q)}%")
        clause = " AND ".join(where)
        total = int(self.conn.execute(f"SELECT count(*) FROM entities e WHERE {clause}", args).fetchone()[0])
        rows = self.conn.execute(
            f"SELECT e.id, e.kind, e.name, e.country, (SELECT count(*) FROM entity_mentions m"
            f" WHERE m.entity_id = e.id) AS mentions FROM entities e WHERE {clause}"
            " ORDER BY mentions DESC, e.name LIMIT ? OFFSET ?", [*args, _lim(limit), offset]).fetchall()
        return [dict(r) for r in rows], total

    def stats(self) -> dict[str, Any]:
        c = self.conn
        by_type = {r["type"]: r["n"] for r in c.execute(
            "SELECT type, count(*) AS n FROM facts GROUP BY type ORDER BY type")}
        return {
            "documents": int(c.execute("SELECT count(*) FROM documents").fetchone()[0]),
            "facts": by_type,
            "entities": int(c.execute("SELECT count(*) FROM entities").fetchone()[0]),
            "schema_version": self.schema_version(),
            "database": self.url,
        }


def _statements(sql: str) -> list[str]:
    lines = [ln for ln in sql.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _match(terms: list[str]) -> str:
    return " AND ".join('"' + t.replace('"', "") + '"' for t in terms)


def _lim(limit: int | None) -> int:
    return -1 if limit is None else int(limit)


def _names(fields: dict[str, Any]) -> list[Any]:
    out: list[Any] = []
    for key in ("guest_person", "parties", "actors", "name", "award", "place", "location", "recipient_person",
                "occasion", "metric", "kind"):
        v = fields.get(key)
        if isinstance(v, list):
            out.extend(v)
        elif v:
            out.append(v)
    return out


def _fact_dict(row: sqlite3.Row) -> dict[str, Any]:
    data = json.loads(row["data"])
    out: dict[str, Any] = {"id": row["id"], "doc": row["doc"], "type": row["type"]}
    out.update(data)
    # evidence offsets are not called start/end: those are a visit's dates in the contract
    out.update({"evidence": row["evidence"], "evidence_start": row["start"], "evidence_end": row["end"],
                "confidence": row["confidence"]})
    # the other places that state it: extra to the contract (allowed), offsets into the original text
    out["mentions"] = [{"evidence_start": s, "evidence_end": e} for s, e in json.loads(row["mentions"])]
    return out
