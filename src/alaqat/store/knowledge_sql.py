"""SQL of the knowledge layer (migration 0002), as a mixin of the SQL stores.

Plain, parameterised SQL that PostgreSQL also reads (apart from the placeholder style, which a
PostgreSQL store adapts). The logic lives in :mod:`alaqat.knowledge`; these methods only move rows.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from typing import Any


class KnowledgeSQL:
    """Mixed into :class:`alaqat.store.sqlite.SQLiteStore` (it provides ``conn`` and ``transaction``)."""

    @property
    def conn(self) -> sqlite3.Connection:  # provided by the store
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:  # provided by the store
        raise NotImplementedError

    # -- inputs of a rebuild -----------------------------------------------------------------------------
    def kn_documents(self) -> list[dict[str, Any]]:
        """id, doc, content_hash, published of every document, in doc order."""
        rows = self.conn.execute("SELECT id, doc, content_hash, published FROM documents ORDER BY doc")
        return [dict(r) for r in rows]

    def kn_signatures(self) -> dict[int, tuple[str, int, bytes]]:
        rows = self.conn.execute("SELECT document_id, content_hash, shingles, signature FROM doc_signatures")
        return {int(r[0]): (str(r[1]), int(r[2]), bytes(r[3])) for r in rows}

    def kn_texts(self, ids: Iterable[int]) -> Iterator[tuple[int, str, list[list[int]]]]:
        """(id, original, body ranges) of the given documents, read in chunks."""
        ids = list(ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(f"SELECT id, original, body FROM documents WHERE id IN ({marks})", chunk):
                yield int(r[0]), str(r[1]), json.loads(r[2])

    def kn_save_signatures(self, rows: Iterable[tuple[int, str, int, bytes]]) -> None:
        with self.transaction() as conn:
            conn.executemany("INSERT INTO doc_signatures (document_id, content_hash, shingles, signature)"
                             " VALUES (?, ?, ?, ?) ON CONFLICT (document_id) DO UPDATE SET"
                             " content_hash = excluded.content_hash, shingles = excluded.shingles,"
                             " signature = excluded.signature", list(rows))

    def kn_facts(self) -> list[dict[str, Any]]:
        """Every non-article fact: {"id", "document_id", "doc", "published", "type", "start", "end" (evidence
        offsets), "evidence", "fields" (the contract fields, where a visit's own start/end live)}."""
        rows = self.conn.execute(
            'SELECT f.id, f.document_id, d.doc, d.published, f.type, f.start, f."end", f.evidence, f.data'
            " FROM facts f JOIN documents d ON d.id = f.document_id WHERE f.type != 'article'"
            " ORDER BY d.doc, f.start, f.id")
        return [{"id": r["id"], "document_id": r["document_id"], "doc": r["doc"], "published": r["published"],
                 "type": r["type"], "start": r["start"], "end": r["end"], "evidence": r["evidence"],
                 "fields": json.loads(r["data"])} for r in rows]

    def kn_entity_names(self) -> list[tuple[str, str, str | None, int]]:
        """(kind, name, country, mentions) of the language layer's entities."""
        rows = self.conn.execute(
            "SELECT e.kind, e.name, e.country, (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = e.id)"
            " FROM entities e ORDER BY e.kind, e.key")
        return [(str(r[0]), str(r[1]), r[2], int(r[3])) for r in rows]

    def kn_decisions(self) -> list[tuple[str, str, str, str]]:
        rows = self.conn.execute("SELECT action, kind, key_a, key_b FROM entity_decisions ORDER BY id")
        return [(str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]

    def kn_add_decision(self, action: str, kind: str, key_a: str, key_b: str) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.transaction() as conn:
            if action == "merge":  # a merge undoes an earlier split of the same alias, and vice versa
                conn.execute("DELETE FROM entity_decisions WHERE action = 'split' AND kind = ? AND key_b IN (?, ?)",
                             (kind, key_a, key_b))
            else:
                conn.execute("DELETE FROM entity_decisions WHERE action = 'merge' AND kind = ?"
                             " AND (key_a = ? OR key_b = ?)", (kind, key_b, key_b))
            conn.execute("INSERT INTO entity_decisions (action, kind, key_a, key_b, created_at) VALUES (?, ?, ?, ?, ?)",
                         (action, kind, key_a, key_b, now))

    # -- outputs of a rebuild ----------------------------------------------------------------------------
    def kn_save(self, clusters: list[tuple[list[int], float]], events: list[dict[str, Any]],
                contradictions: list[tuple[int, int, str]], entities: list[dict[str, Any]]) -> None:
        """Replace the computed knowledge in one transaction.

        ``clusters``: (document ids, similarity); ``events``: {"id", "type", "countries", "date", "dated",
        "sort_date", "status", "due", "data", "why", "sources": [(fact_id, document_id, duplicate)]};
        ``entities``: {"id", "kind", "name", "country", "key", "aliases": [(alias, key, mentions)]}.
        """
        with self.transaction() as conn:
            for table in ("contradictions", "event_sources", "event_countries", "events", "dup_clusters",
                          "entity_aliases", "canonical_entities"):
                conn.execute(f"DELETE FROM {table}")
            for n, (ids, sim) in enumerate(clusters, 1):
                conn.executemany("INSERT INTO dup_clusters (document_id, cluster, similarity) VALUES (?, ?, ?)",
                                 [(i, n, round(sim, 4)) for i in ids])
            conn.executemany(
                "INSERT INTO events (id, type, countries, date, dated, sort_date, status, due, data, why)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(e["id"], e["type"], ",".join(e["countries"]), e["date"], int(e["dated"]), e["sort_date"],
                  e["status"], e["due"], json.dumps(e["data"], ensure_ascii=False),
                  json.dumps(e["why"], ensure_ascii=False)) for e in events])
            conn.executemany("INSERT INTO event_countries (event_id, country) VALUES (?, ?)",
                             [(e["id"], c) for e in events for c in e["countries"]])
            conn.executemany("INSERT INTO event_sources (event_id, fact_id, document_id, duplicate)"
                             " VALUES (?, ?, ?, ?)",
                             [(e["id"], f, d, int(dup)) for e in events for f, d, dup in e["sources"]])
            conn.executemany("INSERT INTO contradictions (event_a, event_b, detail) VALUES (?, ?, ?)", contradictions)
            for ent in entities:
                conn.execute("INSERT INTO canonical_entities (id, kind, name, country, key) VALUES (?, ?, ?, ?, ?)",
                             (ent["id"], ent["kind"], ent["name"], ent["country"], ent["key"]))
                conn.executemany("INSERT INTO entity_aliases (entity_id, alias, key, mentions) VALUES (?, ?, ?, ?)",
                                 [(ent["id"], a, k, m) for a, k, m in ent["aliases"]])

    # -- reading -----------------------------------------------------------------------------------------
    def kn_clusters(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT c.cluster, d.doc, c.similarity FROM dup_clusters c"
                                 " JOIN documents d ON d.id = c.document_id ORDER BY c.cluster, d.doc")
        out: dict[int, dict[str, Any]] = {}
        for r in rows:
            out.setdefault(int(r[0]), {"cluster": int(r[0]), "docs": [], "similarity": r[2]})["docs"].append(r[1])
        return list(out.values())

    def kn_events(self, type: str | None = None, countries: Iterable[str] = (), ids: Iterable[int] | None = None,
                  limit: int | None = None, offset: int = 0, order: str = "id") -> tuple[list[dict[str, Any]], int]:
        where: list[str] = ["1 = 1"]
        args: list[Any] = []
        if type:
            where.append("e.type = ?")
            args.append(type)
        for c in countries:
            where.append("e.id IN (SELECT event_id FROM event_countries WHERE country = ?)")
            args.append(c.upper())
        if ids is not None:
            id_list = [int(i) for i in ids]
            where.append(f"e.id IN ({','.join('?' * len(id_list)) or 'NULL'})")
            args.extend(id_list)
        clause = " AND ".join(where)
        total = int(self.conn.execute(f"SELECT count(*) FROM events e WHERE {clause}", args).fetchone()[0])
        by = "e.sort_date, e.id" if order == "date" else "e.id"
        rows = self.conn.execute(
            f"SELECT e.id, e.type, e.countries, e.date, e.dated, e.sort_date, e.data, e.why FROM events e"
            f" WHERE {clause} ORDER BY {by} LIMIT ? OFFSET ?", [*args, -1 if limit is None else int(limit), offset])
        events = []
        for r in rows:
            events.append({"id": r["id"], "type": r["type"], "countries": [c for c in r["countries"].split(",") if c],
                           "date": r["date"], "dated": bool(r["dated"]), "sort_date": r["sort_date"],
                           "data": json.loads(r["data"]), "why": json.loads(r["why"])})
        self._kn_attach(events)
        return events, total

    def _kn_attach(self, events: list[dict[str, Any]]) -> None:
        if not events:
            return
        ids = [e["id"] for e in events]
        marks = ",".join("?" * len(ids))
        sources: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
        for r in self.conn.execute(
                f'SELECT s.event_id, d.doc, d.published, f.evidence, f.start, f."end", s.duplicate, f.id, f.mentions'
                f" FROM event_sources s JOIN facts f ON f.id = s.fact_id JOIN documents d ON d.id = s.document_id"
                f" WHERE s.event_id IN ({marks}) ORDER BY d.doc, f.start", ids):
            sources[int(r[0])].append({"doc": r[1], "evidence": r[3], "start": r[4], "end": r[5],
                                       "published": r[2], "duplicate": bool(r[6]), "fact_id": r[7],
                                       "mentions": [{"start": a, "end": b} for a, b in json.loads(r[8])]})
        contra: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
        for r in self.conn.execute(
                f"SELECT event_a, event_b, detail FROM contradictions WHERE event_a IN ({marks})"
                f" OR event_b IN ({marks}) ORDER BY id", ids + ids):
            if r[0] == r[1]:  # within one event: the values its sources give, side by side (JSON)
                contra[int(r[0])].append(json.loads(r[2]))
                continue
            for me, other in ((r[0], r[1]), (r[1], r[0])):
                if me in contra:
                    contra[me].append({"event_id": other, "detail": r[2]})
        for e in events:
            e["sources"] = sources[e["id"]]
            e["contradictions"] = contra[e["id"]]

    def kn_entities(self, kind: str | None = None, q: str | None = None, limit: int | None = None,
                    offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        where, args = ["1 = 1"], []
        if kind:
            where.append("c.kind = ?")
            args.append(kind)
        if q:
            where.append("c.id IN (SELECT entity_id FROM entity_aliases WHERE key LIKE ? OR alias LIKE ?)")
            args.extend([f"%{q}%", f"%{q}%"])
        clause = " AND ".join(where)
        total = int(self.conn.execute(f"SELECT count(*) FROM canonical_entities c WHERE {clause}", args).fetchone()[0])
        rows = self.conn.execute(
            f"SELECT c.id, c.kind, c.name, c.country, c.key,"
            f" (SELECT sum(mentions) FROM entity_aliases a WHERE a.entity_id = c.id) AS mentions"
            f" FROM canonical_entities c WHERE {clause} ORDER BY c.kind, c.name, c.id LIMIT ? OFFSET ?",
            [*args, -1 if limit is None else int(limit), offset]).fetchall()
        out = [dict(r) for r in rows]
        if out:
            marks = ",".join("?" * len(out))
            aliases: dict[int, list[str]] = {}
            for r in self.conn.execute(f"SELECT entity_id, alias FROM entity_aliases WHERE entity_id IN ({marks})"
                                       " ORDER BY entity_id, mentions DESC, alias", [e["id"] for e in out]):
                aliases.setdefault(int(r[0]), []).append(r[1])
            for e in out:
                e["aliases"] = aliases.get(e["id"], [])
                e["mentions"] = int(e["mentions"] or 0)
        return out, total

    def kn_entity_row(self, entity_id: int) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT id, kind, name, country, key FROM canonical_entities WHERE id = ?",
                                (int(entity_id),)).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["alias_keys"] = [(r[0], r[1], int(r[2])) for r in self.conn.execute(
            "SELECT alias, key, mentions FROM entity_aliases WHERE entity_id = ? ORDER BY mentions DESC, alias",
            (int(entity_id),))]
        return out

    def kn_mentions(self, kind: str, keys: list[str]) -> list[dict[str, Any]]:
        """Mentions the language layer stored for entities with these keys (its own keys: folded names)."""
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        rows = self.conn.execute(
            f'SELECT d.doc, m.start, m."end", m.text FROM entity_mentions m JOIN entities e ON e.id = m.entity_id'
            f" JOIN documents d ON d.id = m.document_id WHERE e.kind = ? AND e.key IN ({marks})"
            f" ORDER BY d.doc, m.start", [kind, *keys])
        return [dict(r) for r in rows]
