"""Checks the gold of the cross-article knowledge test set (tests/data/knowledge).

The set tests near-duplicate clustering, event merging, contradictions, the
pledge ledger and entity aliases. These tests only check that the gold is
consistent with the documents: every named document exists, every evidence and
alias is an exact substring of its document, ids are unique, clusters are
disjoint, every event has at least two mentions in two documents.

Dev-set documents (named ``dev:<name>``) live in ../shared/eval/dev/docs beside
the repository; checks that need them are skipped where that folder is missing.
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KNOW = ROOT / "tests" / "data" / "knowledge"
DOCS = KNOW / "docs"
DEV_DOCS = ROOT.parent / "shared" / "eval" / "dev" / "docs"

TYPES = {"visit", "agreement", "figure", "target", "project", "award"}
KINDS = {"original", "verbatim", "truncated", "rewrite"}
STATUSES = {"upcoming", "due", "overdue", "fulfilled"}
ENTITY_KINDS = {"person", "org", "place", "award"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
TEAM_NAME_RE = re.compile(r"^k_\d{2}_[a-z0-9_]+$")
# Lines that start site furniture: no fact may come from the text after them.
FURNITURE = ("اقرأ أيضا", "قد تقرأ أيضا", "اترك تعليقاً", "Advertisements", "الأكثر قراءة")


def _jsonl(name):
    rows = []
    with open(KNOW / name, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def _team_docs():
    return {p.stem: p for p in sorted(DOCS.glob("*.txt"))}


def _is_dev(name):
    return name.startswith("dev:")


def _exists(name):
    if _is_dev(name):
        if not DEV_DOCS.is_dir():
            return None
        return (DEV_DOCS / (name[4:] + ".txt")).is_file()
    return name in _team_docs()


def _text(name):
    """The document's text, or None for a dev document when the dev folder is missing."""
    if _is_dev(name):
        if not DEV_DOCS.is_dir():
            return None
        return (DEV_DOCS / (name[4:] + ".txt")).read_text(encoding="utf-8")
    return (DOCS / (name + ".txt")).read_text(encoding="utf-8")


def _article_part(text):
    """The text before the first furniture line."""
    cut = len(text)
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.strip() in FURNITURE:
            cut = pos
            break
        pos += len(line)
    return text[:cut]


def _check_evidence(doc, evidence, where):
    assert isinstance(evidence, str) and evidence.strip(), f"{where}: empty evidence"
    assert "\n" not in evidence, f"{where}: evidence spans lines"
    present = _exists(doc)
    assert present is not False, f"{where}: no document {doc}"
    text = _text(doc)
    if text is None:
        return
    assert evidence in text, f"{where}: evidence not in {doc}: {evidence}"
    if not _is_dev(doc):
        assert evidence in _article_part(text), f"{where}: evidence after site furniture in {doc}"


def _all_events():
    return _jsonl("events.jsonl") + _jsonl("singletons.jsonl")


# ---------------------------------------------------------------- documents


def test_team_documents():
    docs = _team_docs()
    assert len(docs) >= 36
    numbers = set()
    for name, path in docs.items():
        assert TEAM_NAME_RE.match(name), name
        numbers.add(name.split("_")[1])
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        assert not text.startswith("\ufeff"), name
        words = len(text.split())
        assert 150 <= words <= 400, (name, words)
        assert len(text.splitlines()[0].split()) >= 3, f"{name}: no title line"
        # Arabic and Latin script only (catches stray characters from other scripts)
        stray = {c for c in text if c.isalpha() and not ("\u0600" <= c <= "\u06ff" or c.isascii())}
        assert not stray, (name, stray)
    assert len(numbers) == len(docs), "two team documents share a number"


def test_dev_documents_present_or_skipped():
    if not DEV_DOCS.is_dir():
        pytest.skip("dev documents not present")
    assert len(list(DEV_DOCS.glob("*.txt"))) >= 5


# ---------------------------------------------------------------- duplicates


def test_duplicate_clusters():
    data = json.loads((KNOW / "duplicates.json").read_text(encoding="utf-8"))
    clusters = data["clusters"]
    assert len(clusters) >= 6
    seen = set()
    for cluster in clusters:
        assert 2 <= len(cluster) <= 4, cluster
        for name in cluster:
            assert _exists(name) is not False, f"no document {name}"
            assert name not in seen, f"{name} is in two clusters"
            seen.add(name)
    kinds = data.get("kinds")
    if kinds is not None:
        assert len(kinds) == len(clusters)
        for cluster, kind in zip(clusters, kinds, strict=True):
            assert set(kind) == set(cluster), cluster
            assert set(kind.values()) <= KINDS, kind
            assert list(kind.values()).count("original") == 1, kind


# ---------------------------------------------------------------- events


def test_event_ids_unique():
    ids = [e["event"] for e in _all_events()]
    assert len(ids) == len(set(ids))


def test_events_fields_and_evidence():
    events = _jsonl("events.jsonl")
    assert len(events) >= 8
    for e in events:
        eid = e["event"]
        assert e["type"] in TYPES, eid
        assert e["countries"] == sorted(e["countries"]) and len(e["countries"]) >= 2, eid
        assert all(COUNTRY_RE.match(c) for c in e["countries"]), eid
        assert e.get("note"), eid
        docs = [m["doc"] for m in e["mentions"]]
        assert len(docs) >= 2, f"{eid}: fewer than two mentions"
        assert len(set(docs)) == len(docs), f"{eid}: two mentions in one document"
        for m in e["mentions"]:
            _check_evidence(m["doc"], m["evidence"], eid)


def test_events_list_every_duplicate_member_that_states_them():
    """A fact of one member of a duplicate cluster is also a mention in every member whose text states it verbatim."""
    clusters = json.loads((KNOW / "duplicates.json").read_text(encoding="utf-8"))["clusters"]
    cluster_of = {name: c for c in clusters for name in c}
    for e in _jsonl("events.jsonl"):
        docs = {m["doc"] for m in e["mentions"]}
        for m in e["mentions"]:
            for other in cluster_of.get(m["doc"], []):
                text = _text(other)
                if other in docs or text is None:
                    continue
                assert m["evidence"] not in _article_part(text), f"{e['event']}: {other} states it but is not listed"


def test_singletons():
    events = {e["event"] for e in _jsonl("events.jsonl")}
    for s in _jsonl("singletons.jsonl"):
        sid = s["event"]
        assert s["type"] in TYPES, sid
        assert len(s["mentions"]) == 1, sid
        assert set(s.get("not_same_as", [])) <= events, sid
        for m in s["mentions"]:
            _check_evidence(m["doc"], m["evidence"], sid)


def test_contradictions():
    events = {e["event"]: e for e in _jsonl("events.jsonl")}
    rows = _jsonl("contradictions.jsonl")
    assert rows
    for c in rows:
        e = events[c["event"]]
        assert e["type"] == "figure"
        values = c["values"]
        assert len(values) >= 2
        assert max(values) > 1.05 * min(values), c["event"]
        mentioned = {m["doc"] for m in e["mentions"]}
        assert set(c["docs"]) <= mentioned, c["event"]
        by_value = c.get("by_value")
        if by_value:
            assert {float(v) for v in by_value} == {float(v) for v in values}
            assert sorted(d for ds in by_value.values() for d in ds) == sorted(c["docs"])


# ---------------------------------------------------------------- ledger


def test_ledger():
    events = {e["event"] for e in _jsonl("events.jsonl")}
    rows = _jsonl("ledger.jsonl")
    assert rows
    ids = [r["pledge"] for r in rows]
    assert len(ids) == len(set(ids))
    assert any(r["fulfilled_by"] for r in rows)
    for r in rows:
        pid = r["pledge"]
        assert r["type"] in {"project", "agreement", "target"}, pid
        assert DATE_RE.match(r["due"]), pid
        _check_evidence(r["doc"], r["evidence"], pid)
        if r.get("event") is not None:
            assert r["event"] in events, pid
        status = r.get("status_2026_11_22")
        assert status in STATUSES, pid
        if r["fulfilled_by"]:
            assert status == "fulfilled", pid
            assert r["fulfilled_by"] != r["doc"], pid
            _check_evidence(r["fulfilled_by"], r["fulfilled_evidence"], pid)
        else:
            assert status != "fulfilled", pid


# ---------------------------------------------------------------- entities


def test_entities():
    rows = _jsonl("entities.jsonl")
    ids = [r["entity"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert r["kind"] in ENTITY_KINDS, r["entity"]
        assert len(r["aliases"]) >= 2, r["entity"]
        assert len({a["text"] for a in r["aliases"]}) >= 2, r["entity"]
        for a in r["aliases"]:
            assert _exists(a["doc"]) is not False, a
            text = _text(a["doc"])
            if text is not None:
                assert a["text"] in text, (r["entity"], a)
