"""The JSON API under ``/api/v1`` (described at ``/openapi.json``). Each route checks its parameters, asks the
store or the knowledge layer, and wraps lists as ``{"items", "total", "limit", "offset"}``."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import UploadFile

from alaqat.store.base import FactFilter, Store
from alaqat.web import exports, knowledge, params
from alaqat.web.app import ApiError
from alaqat.web.ingest import Pasted, Upload, ingest, token_ok

router = APIRouter(prefix="/api/v1")

Limit = Annotated[int, Query(ge=1, le=1000, description="how many items (1..1000)")]
Offset = Annotated[int, Query(ge=0, description="how many items to skip")]
EXPORT_FORMATS = ("jsonl", "csv", "graphml", "plover")


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def not_found(what: str, hint: str) -> ApiError:
    return ApiError(404, f"no {what}; {hint}")


@router.get("/documents", summary="Stored documents, in doc order")
def documents(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    items, total = store_of(request).documents(limit=limit, offset=offset)
    return page(items, total, limit, offset)


@router.get("/documents/{doc:path}", summary="One document: original text, body ranges, facts")
def document(request: Request, doc: str) -> dict[str, Any]:
    found = store_of(request).document(doc)
    if found is None:
        raise not_found(f"document {doc!r}", "list the documents at /api/v1/documents")
    return found


def fact_filter(type: str | None, country: str | None, pair: str | None, date_from: str | None,
                date_to: str | None, status: str | None, q: str | None, doc: str | None, limit: int | None,
                offset: int) -> FactFilter:
    return FactFilter(type=params.fact_type(type), country=params.country(country), pair=params.pair(pair),
                      date_from=params.date(date_from, "from"), date_to=params.date(date_to, "to"),
                      status=params.choice(status, "status", params.FACT_STATUSES), q=q or None, doc=doc or None,
                      limit=limit, offset=offset)


@router.get("/facts", summary="Facts, filtered")
def facts(request: Request, type: str | None = None, country: str | None = None,
          pair: Annotated[str | None, Query(description="two countries, e.g. KZ,JO")] = None,
          date_from: Annotated[str | None, Query(alias="from", description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
          date_to: Annotated[str | None, Query(alias="to", description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
          status: str | None = None, q: str | None = None, doc: str | None = None,
          limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    flt = fact_filter(type, country, pair, date_from, date_to, status, q, doc, limit, offset)
    items, total = store_of(request).facts(flt)
    return page(items, total, limit, offset)


@router.get("/search", summary="Full-text search over articles and facts (Arabic folding, light stemming)")
def search(request: Request, q: Annotated[str, Query(min_length=1, description="the words to find")],
           limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    if not q.strip():
        raise ApiError(400, "q: give some words to search for")
    hits, total = store_of(request).search(q, limit=limit, offset=offset)
    return page([h.to_json() for h in hits], total, limit, offset)


@router.get("/events", summary="Events across articles (merged facts with their sources)")
def events(request: Request, type: str | None = None, country: str | None = None, pair: str | None = None,
           limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    items, total = knowledge.call("events", store_of(request), type=params.fact_type(type),
                                  country=params.country(country), pair=params.pair(pair), limit=limit,
                                  offset=offset)
    return page(list(items), int(total), limit, offset)


@router.get("/events/{event_id}", summary="One event with its sources and why they were merged")
def event(request: Request, event_id: int) -> dict[str, Any]:
    found: dict[str, Any] | None = knowledge.call("event", store_of(request), event_id)
    if found is None:
        raise not_found(f"event {event_id}", "list the events at /api/v1/events")
    return found


@router.get("/entities", summary="Canonical entities (people, organisations, places, ...) with aliases")
def entities(request: Request, kind: str | None = None, q: str | None = None, limit: Limit = 50,
             offset: Offset = 0) -> dict[str, Any]:
    kind = params.choice(kind, "kind", params.ENTITY_KINDS)
    items, total = knowledge.call("entities", store_of(request), kind=kind, q=q or None, limit=limit, offset=offset)
    return page(list(items), int(total), limit, offset)


@router.get("/entities/{entity_id}", summary="One entity with aliases, mentions and events")
def entity(request: Request, entity_id: int) -> dict[str, Any]:
    found: dict[str, Any] | None = knowledge.call("entity", store_of(request), entity_id)
    if found is None:
        raise not_found(f"entity {entity_id}", "list the entities at /api/v1/entities")
    return found


@router.get("/ledger", summary="The pledge ledger: targets and projects with due dates and their status")
def ledger(request: Request, country: str | None = None, status: str | None = None,
           as_of: Annotated[str | None, Query(description="YYYY-MM-DD (default: today)")] = None,
           limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    rows = list(knowledge.call("ledger", store_of(request), country=params.country(country),
                               status=params.choice(status, "status", params.LEDGER_STATUSES),
                               as_of=params.full_date(as_of, "as_of")))
    return page(rows[offset:offset + limit], len(rows), limit, offset)


@router.get("/timeline", summary="Events of a country pair in date order")
def timeline(request: Request, pair: Annotated[str, Query(description="two countries, e.g. KZ,JO")],
             limit: Limit = 200, offset: Offset = 0) -> dict[str, Any]:
    a, b = params.pair(pair) or ("", "")
    if not a:
        raise ApiError(400, "pair: give two country codes separated by a comma, for example KZ,JO")
    rows = list(knowledge.call("timeline", store_of(request), a, b))
    return page(rows[offset:offset + limit], len(rows), limit, offset)


@router.get("/stats", summary="What the database holds")
def stats(request: Request) -> dict[str, Any]:
    out = store_of(request).stats()
    out.pop("database", None)  # the server's file paths are not the reader's business
    out["knowledge"] = knowledge.available()
    out["ingest"] = bool(request.app.state.token)
    return out


@router.get("/export", summary="Export: jsonl (the contract), csv, graphml (country network), plover (events)")
def export(request: Request, format: str = "jsonl", type: str | None = None, country: str | None = None,
           pair: str | None = None) -> Response:
    fmt = params.choice(format, "format", EXPORT_FORMATS)
    store = store_of(request)
    flt = FactFilter(type=params.fact_type(type), country=params.country(country), pair=params.pair(pair))
    if fmt == "plover":
        evs, _, _ = knowledge.events(store, type=flt.type, country=flt.country, pair=flt.pair)
        docs = {str(s.get("doc")) for e in evs for s in e.get("sources") or []}
        titles = {}
        for d in docs:
            found = store.document(d)
            if found:
                titles[d] = (found.get("title"), found.get("url"))
        body, media, ext = exports.plover(evs, titles), "application/x-ndjson", "plover.jsonl"
    else:
        rows, _ = store.facts(flt)
        if fmt == "csv":
            body, media, ext = exports.csv(rows), "text/csv; charset=utf-8", "csv"
        elif fmt == "graphml":
            body, media, ext = exports.graphml(rows), "application/graphml+xml", "graphml"
        else:
            body, media, ext = exports.jsonl(rows), "application/x-ndjson", "jsonl"
    headers = {"Content-Disposition": f'attachment; filename="alaqat-facts.{ext}"'}
    return Response(body, media_type=media, headers=headers)


def check_token(request: Request, given: str | None = None) -> None:
    expected = request.app.state.token
    if not expected:
        raise ApiError(403, "this server is read-only: ingest is allowed only when it is started with --token")
    header = request.headers.get("authorization", "")
    candidate = given or (header[7:].strip() if header.lower().startswith("bearer ") else None) \
        or request.headers.get("x-alaqat-token")
    if not candidate:
        raise ApiError(401, "ingest needs the server's token: send 'Authorization: Bearer TOKEN'")
    if not token_ok(expected, candidate):
        raise ApiError(401, "wrong token: use the one the server was started with (--token or ALAQAT_TOKEN)")


@router.post("/ingest", summary="Add articles: multipart files and/or text, or JSON {doc, text, title, published}",
             responses={401: {"description": "no or wrong token"}, 403: {"description": "read-only server"}})
async def ingest_route(request: Request) -> JSONResponse:
    check_token(request)
    uploads, pasted = await read_ingest_body(request)
    if not uploads and not pasted:
        raise ApiError(400, "nothing to ingest: send files (multipart field 'files') or a 'text' field")
    from starlette.concurrency import run_in_threadpool

    result = await run_in_threadpool(ingest, store_of(request), uploads, pasted)
    accepted = result["stored"] or result["updated"] or result["unchanged"]
    status = 200 if accepted or not result["refused"] else 422
    if status == 422:
        result["message"] = "nothing was stored: " + "; ".join(
            f"{r['source']}: {r['reason']}" for r in result["refused"])
        result["status"] = 422
    return JSONResponse(result, status_code=status)


async def read_ingest_body(request: Request) -> tuple[list[Upload], list[Pasted]]:
    ctype = request.headers.get("content-type", "")
    if ctype.startswith("application/json"):
        try:
            data = json.loads(await request.body())
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise ApiError(400, f"the body is not JSON: {e}") from None
        records = data.get("articles") if isinstance(data, dict) and "articles" in data else [data]
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise ApiError(400, 'send {"text": ..., "title": ..., "doc": ...} or {"articles": [...]}')
        pasted = []
        for r in records:
            if not isinstance(r.get("text"), str):
                raise ApiError(400, 'every article needs a "text" string')
            pasted.append(Pasted(r["text"], _str(r.get("title")), _str(r.get("doc") or r.get("id")),
                                 _str(r.get("published"))))
        return [], pasted
    if ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        form = await request.form()
        uploads = []
        for item in form.getlist("files"):
            if isinstance(item, UploadFile) and item.filename:
                uploads.append(Upload(str(item.filename), await item.read()))
        text = form.get("text")
        pasted = []
        if isinstance(text, str) and text.strip():
            pasted.append(Pasted(text, _str(form.get("title")), _str(form.get("doc")), _str(form.get("published"))))
        return uploads, pasted
    raise ApiError(415, "send multipart/form-data (files, text) or application/json")


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
