"""The JSON API: every endpoint, its pagination, and bad parameters answered with a clear 4xx in JSON."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from alaqat.web import knowledge
from tests.web.conftest import TOKEN, TestClient

AUTH = {"Authorization": f"Bearer {TOKEN}"}
HAS_KNOWLEDGE = knowledge.available() and all(
    hasattr(knowledge.module(), f) for f in ("events", "event", "ledger", "timeline", "entities", "entity"))


def error_of(response, status: int) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["status"] == status and isinstance(body["message"], str) and len(body["message"]) > 10
    return str(body["message"])


def test_documents_paginate(client: TestClient) -> None:
    first = client.get("/api/v1/documents", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and first["total"] >= 4 and first["limit"] == 2 and first["offset"] == 0
    second = client.get("/api/v1/documents", params={"limit": 2, "offset": 2}).json()
    assert {d["doc"] for d in first["items"]}.isdisjoint(d["doc"] for d in second["items"])
    assert "facts" in first["items"][0]


@pytest.mark.parametrize("query", [{"limit": 0}, {"limit": 5000}, {"limit": "ten"}, {"offset": -1}])
def test_documents_bad_pagination(client: TestClient, query: dict[str, object]) -> None:
    message = error_of(client.get("/api/v1/documents", params=query), 400)
    assert next(iter(query)) in message


def test_one_document(client: TestClient) -> None:
    doc = client.get("/api/v1/documents/web_kz_jo_facts").json()
    assert doc["original"].startswith("الرئيس الكازاخستاني")
    for f in doc["facts"]:
        assert doc["original"][f["evidence_start"]:f["evidence_end"]] == f["evidence"]
    assert "/api/v1/documents" in error_of(client.get("/api/v1/documents/no-such-doc"), 404)


def test_facts_filters(client: TestClient) -> None:
    everything = client.get("/api/v1/facts", params={"limit": 1000}).json()
    visits = client.get("/api/v1/facts", params={"type": "visit"}).json()
    assert 0 < visits["total"] < everything["total"]
    assert all(f["type"] == "visit" for f in visits["items"])
    pair = client.get("/api/v1/facts", params={"pair": "KZ,JO", "limit": 1000}).json()
    assert pair["total"] > 0
    for f in pair["items"]:
        assert {"KZ", "JO"} <= set(knowledge.fact_countries(f))
    assert client.get("/api/v1/facts", params={"pair": "kz, jo"}).json()["total"] == pair["total"]
    jo = client.get("/api/v1/facts", params={"country": "jo"}).json()
    assert jo["total"] >= pair["total"]
    signed = client.get("/api/v1/facts", params={"status": "signed"}).json()
    assert signed["total"] > 0 and all(f.get("status") == "signed" for f in signed["items"])
    ranged = client.get("/api/v1/facts", params={"from": "2024", "to": "2024-12"}).json()
    assert ranged["total"] > 0
    q = client.get("/api/v1/facts", params={"q": "مذكرة تفاهم"}).json()
    assert q["total"] > 0
    page = client.get("/api/v1/facts", params={"limit": 3, "offset": 3}).json()
    assert len(page["items"]) == 3 and page["total"] == everything["total"]


@pytest.mark.parametrize(("query", "names"), [
    ({"type": "treaty"}, "type"), ({"country": "Jordan"}, "country"), ({"country": "XX"}, "country"),
    ({"pair": "KZ"}, "pair"), ({"pair": "KZ,KZ"}, "pair"), ({"pair": "KZ,JO,QA"}, "pair"),
    ({"from": "2024-13"}, "from"), ({"to": "yesterday"}, "to"), ({"status": "maybe"}, "status"),
    ({"limit": "-3"}, "limit"),
])
def test_facts_bad_parameters(client: TestClient, query: dict[str, str], names: str) -> None:
    assert names in error_of(client.get("/api/v1/facts", params=query), 400)


def test_search(client: TestClient) -> None:
    # folding: no hamza, no shadda, and a clitic still find the article's words
    hits = client.get("/api/v1/search", params={"q": "الاردن", "limit": 5}).json()
    assert hits["total"] > 0 and 0 < len(hits["items"]) <= 5
    hit = hits["items"][0]
    for s, e in hit["highlights"]:
        assert 0 <= s < e <= len(hit["snippet"])
    assert {h["kind"] for h in client.get("/api/v1/search", params={"q": "كازاخستان", "limit": 50}).json()["items"]} \
        == {"fact", "article"}
    assert client.get("/api/v1/search", params={"q": "zzzqqq"}).json()["total"] == 0
    assert "q" in error_of(client.get("/api/v1/search"), 400)
    assert "q" in error_of(client.get("/api/v1/search", params={"q": "  "}), 400)


def test_no_sql_injection(client: TestClient) -> None:
    before = client.get("/api/v1/documents").json()["total"]
    for q in ("'; DROP TABLE documents; --", '" OR 1=1 --', "NEAR(", "a* OR b"):
        assert client.get("/api/v1/search", params={"q": q}).status_code == 200
        assert client.get("/api/v1/facts", params={"q": q}).status_code == 200
        assert client.get(f"/api/v1/documents/{q}").status_code == 404
    assert client.get("/api/v1/documents").json()["total"] == before
    web = Path(__file__).resolve().parents[2] / "src" / "alaqat" / "web"
    for path in web.glob("*.py"):  # the web layer never formats SQL itself
        text = path.read_text("utf-8")
        assert "execute(f" not in text and "execute(\"\" +" not in text


def test_export_jsonl_and_csv(client: TestClient) -> None:
    r = client.get("/api/v1/export", params={"format": "jsonl", "pair": "KZ,JO"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert lines and all("doc" in x and "type" in x and "evidence" in x for x in lines)
    visit = next(x for x in lines if x["type"] == "visit")
    assert {"guest", "host", "guest_person", "place", "start", "end", "occasion"} <= set(visit)
    r = client.get("/api/v1/export", params={"format": "csv", "type": "agreement"})
    assert r.status_code == 200 and r.text.startswith("doc,type,")
    assert "agreement" in r.text.splitlines()[1]


def test_export_graphml(client: TestClient) -> None:
    r = client.get("/api/v1/export", params={"format": "graphml"})
    assert r.status_code == 200
    root = ET.fromstring(r.content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    nodes = {n.get("id") for n in root.iterfind(".//g:node", ns)}
    assert {"KZ", "JO"} <= nodes
    edges = {(e.get("source"), e.get("target")): e for e in root.iterfind(".//g:edge", ns)}
    kz_jo = edges[("JO", "KZ")]
    weight = next(d for d in kz_jo.iterfind("g:data", ns) if d.get("key") == "weight")
    assert int(weight.text or 0) > 0
    names = {d.text for d in root.iterfind(".//g:node[@id='KZ']/g:data", ns)}
    assert "كازاخستان" in names and "Kazakhstan" in names


def test_export_plover(client: TestClient) -> None:
    r = client.get("/api/v1/export", params={"format": "plover", "pair": "KZ,JO"})
    assert r.status_code == 200
    records = [json.loads(x) for x in r.text.splitlines()]
    assert records
    allowed = {"CONSULT", "AGREE", "COOPERATE", "SUPPORT"}
    for rec in records:
        assert rec["id"] and set(rec["event"]) <= allowed and rec["quad_code"] in (1, 2)
        assert rec["date"] is None or rec["date"][:4].isdigit()
        for actor in rec["source"] + rec["recipient"]:
            assert len(actor["code"]) == 3 and len(actor["country_code"]) == 2
        assert rec["alaqat"]["type"] in ("visit", "agreement", "project", "award")
    visit = next(r for r in records if r["alaqat"]["type"] == "visit")
    assert visit["event"] == ["CONSULT"] and visit["mode"] == "visit" and visit["recipient"]
    agreement = next(r for r in records if r["alaqat"]["type"] == "agreement")
    assert "AGREE" in agreement["event"] and not agreement["recipient"] and len(agreement["source"]) >= 2


@pytest.mark.parametrize("query", [{"format": "pdf"}, {"format": "csv", "type": "x"}, {"format": "jsonl", "pair": "1,2"}])
def test_export_bad_parameters(client: TestClient, query: dict[str, str]) -> None:
    error_of(client.get("/api/v1/export", params=query), 400)


def test_ingest_refused_without_token(client: TestClient, readonly: TestClient) -> None:
    body = {"text": "نص قصير عن زيارة"}
    assert "Bearer" in error_of(client.post("/api/v1/ingest", json=body), 401)
    assert "wrong token" in error_of(client.post("/api/v1/ingest", json=body, headers={"Authorization": "Bearer x"}),
                                     401)
    assert "read-only" in error_of(readonly.post("/api/v1/ingest", json=body, headers=AUTH), 403)


def test_ingest_text_and_files(writable: TestClient) -> None:
    text = "وزير الخارجية القطري يزور أستانا\n\nوصل وزير الخارجية القطري إلى أستانا في زيارة رسمية لكازاخستان."
    r = writable.post("/api/v1/ingest", json={"doc": "api-qa-kz", "text": text}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["stored"] == ["api-qa-kz"]
    assert writable.get("/api/v1/documents/api-qa-kz").json()["original"] == text
    again = writable.post("/api/v1/ingest", json={"doc": "api-qa-kz", "text": text}, headers=AUTH).json()
    assert again["unchanged"] == ["api-qa-kz"]
    files = [("files", ("../../etc/uae.txt", "زيارة إماراتية إلى الهند".encode(), "text/plain")),
             ("files", ("notes.pdf", b"%PDF-1.4", "application/pdf")),
             ("files", ("empty.txt", b"   ", "text/plain"))]
    r = writable.post("/api/v1/ingest", files=files, headers=AUTH)
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["stored"] == ["uae"]
    reasons = {x["source"]: x["reason"] for x in out["refused"]}
    assert ".pdf" in reasons["notes.pdf"] and "empty" in reasons["empty.txt"]
    assert all("/tmp" not in s and "alaqat-upload" not in s for s in reasons)


def test_ingest_bad_requests(writable: TestClient) -> None:
    error_of(writable.post("/api/v1/ingest", json={"title": "no text"}, headers=AUTH), 400)
    error_of(writable.post("/api/v1/ingest", content=b"{not json", headers={**AUTH, "content-type": "application/json"}),
             400)
    error_of(writable.post("/api/v1/ingest", content=b"x", headers={**AUTH, "content-type": "text/plain"}), 415)
    error_of(writable.post("/api/v1/ingest", data={"title": "x"}, headers=AUTH), 400)
    message = error_of(writable.post("/api/v1/ingest", files=[("files", ("a.docx", b"x", "application/msword"))],
                                     headers=AUTH), 422)
    assert "a.docx" in message
    error_of(writable.get("/api/v1/ingest"), 405)


@pytest.mark.skipif(not HAS_KNOWLEDGE, reason="alaqat.knowledge.api has not landed in this tree")
def test_knowledge_endpoints(client: TestClient) -> None:
    events = client.get("/api/v1/events", params={"pair": "KZ,JO", "limit": 5}).json()
    assert events["total"] >= len(events["items"]) and events["limit"] == 5
    if events["items"]:
        one = client.get(f"/api/v1/events/{events['items'][0]['id']}").json()
        assert one["sources"] and all({"doc", "evidence"} <= set(s) for s in one["sources"])
    ledger = client.get("/api/v1/ledger", params={"country": "JO", "as_of": "2026-01-01"}).json()
    assert isinstance(ledger["items"], list) and "total" in ledger
    timeline = client.get("/api/v1/timeline", params={"pair": "KZ,JO"}).json()
    dates = [e.get("date") for e in timeline["items"] if e.get("date")]
    assert dates == sorted(dates)
    entities = client.get("/api/v1/entities", params={"limit": 5}).json()
    assert "total" in entities
    if entities["items"]:
        ent = client.get(f"/api/v1/entities/{entities['items'][0]['id']}").json()
        assert "aliases" in ent


def test_knowledge_endpoints_not_found_or_unavailable(client: TestClient) -> None:
    for url in ("/api/v1/events/999999", "/api/v1/entities/999999"):
        r = client.get(url)
        error_of(r, 404 if HAS_KNOWLEDGE else 503)


@pytest.mark.parametrize(("url", "name"), [
    ("/api/v1/events?type=meeting", "type"), ("/api/v1/events?pair=KZ", "pair"), ("/api/v1/events?limit=0", "limit"),
    ("/api/v1/events/abc", "event_id"), ("/api/v1/entities?kind=animal", "kind"),
    ("/api/v1/entities/1.5", "entity_id"), ("/api/v1/ledger?as_of=2026-02-30", "as_of"),
    ("/api/v1/ledger?status=late", "status"), ("/api/v1/ledger?country=ZZZ", "country"),
    ("/api/v1/timeline", "pair"), ("/api/v1/timeline?pair=JO", "pair"),
])
def test_knowledge_bad_parameters(client: TestClient, url: str, name: str) -> None:
    assert name in error_of(client.get(url), 400)


def test_openapi_describes_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for p in ("/api/v1/documents", "/api/v1/documents/{doc}", "/api/v1/facts", "/api/v1/events",
              "/api/v1/events/{event_id}", "/api/v1/entities", "/api/v1/entities/{entity_id}", "/api/v1/search",
              "/api/v1/ledger", "/api/v1/timeline", "/api/v1/ingest", "/api/v1/export", "/api/v1/stats"):
        assert p in paths, p
    assert not any(p.startswith(("/pair", "/article")) for p in paths)


def test_stats_and_unknown_address(client: TestClient) -> None:
    s = client.get("/api/v1/stats").json()
    assert s["documents"] > 0 and "database" not in s and s["ingest"] is True
    assert "/api/v1" in error_of(client.get("/api/v1/nothing-here"), 404)


def test_security_headers(client: TestClient) -> None:
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "object-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/v1/documents").headers["content-security-policy"] == csp
