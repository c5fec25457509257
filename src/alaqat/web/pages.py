"""The HTML pages, server-rendered, Arabic first. Each route gathers its data (``views``) and renders a template."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from alaqat.store.base import Store
from alaqat.web import knowledge, params, views
from alaqat.web.app import html
from alaqat.web.ingest import Pasted, Upload, ingest, token_ok

router = APIRouter(include_in_schema=False)
PAGE = 20
SEARCH_PAGE = 40  # hits of both kinds on one page, then grouped into facts and articles


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def ui_of(request: Request) -> Any:
    from alaqat.web.i18n import ui

    return ui(request.query_params.get("lang") or request.cookies.get("lang"))


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return html(request, "error.html", http_status=status, status_code=status, message=message)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, country: str | None = None) -> HTMLResponse:
    focus = params.country(country)
    data = views.overview(store_of(request), ui_of(request), focus)
    return html(request, "overview.html", **data)


@router.get("/pair/{a}/{b}", response_class=HTMLResponse)
def pair(request: Request, a: str, b: str) -> HTMLResponse:
    ca, cb = params.country(a, "first country"), params.country(b, "second country")
    assert ca is not None and cb is not None
    if ca == cb:
        raise params.BadParameter("pair", "the two countries of a pair must differ")
    data = views.pair(store_of(request), ui_of(request), ca, cb)
    return html(request, "pair.html", **data)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = "", offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    store = store_of(request)
    hits, total = store.search(q, limit=SEARCH_PAGE, offset=offset) if q.strip() else ([], 0)
    facts = [(h, views.pieces(h.snippet, h.highlights)) for h in hits if h.kind == "fact"]
    articles = [(h, views.pieces(h.snippet, h.highlights)) for h in hits if h.kind != "fact"]
    return html(request, "search.html", q=q, total=total, offset=offset, page=SEARCH_PAGE, fact_hits=facts,
                article_hits=articles)


@router.get("/article/{doc:path}", response_class=HTMLResponse)
def article(request: Request, doc: str) -> HTMLResponse:
    found = store_of(request).document(doc)
    if found is None:
        return error_page(request, 404, f"no article {doc!r} in this database")
    facts = [f for f in found["facts"]]
    segments = views.article_segments(found["original"], found["body"], facts)
    ui = ui_of(request)
    cards = [(f, views.fact_fields(f, ui)) for f in facts]
    return html(request, "article.html", doc=found, segments=segments, cards=cards)


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: int) -> HTMLResponse:
    found = knowledge.call("event", store_of(request), event_id)
    if found is None:
        return error_page(request, 404, f"no event {event_id}")
    return html(request, "event.html", event=found, rows=views.fact_fields(found, ui_of(request)))


@router.get("/entity/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: int) -> HTMLResponse:
    found = knowledge.call("entity", store_of(request), entity_id)
    if found is None:
        return error_page(request, 404, f"no entity {entity_id}")
    return html(request, "entity.html", entity=found)


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, q: str = "", kind: str | None = None,
             offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    kind = params.choice(kind, "kind", params.ENTITY_KINDS)
    items, total = knowledge.call("entities", store_of(request), kind=kind, q=q or None, limit=50, offset=offset)
    return html(request, "entities.html", items=items, total=total, q=q, kind=kind, offset=offset, page=50)


@router.get("/ledger", response_class=HTMLResponse)
def ledger(request: Request, country: str | None = None, status: str | None = None,
           as_of: str | None = None) -> HTMLResponse:
    c = params.country(country)
    s = params.choice(status, "status", params.LEDGER_STATUSES)
    day = params.full_date(as_of, "as_of")
    rows, from_knowledge = knowledge.ledger(store_of(request), country=c, status=s, as_of=day)
    return html(request, "ledger.html", rows=rows, country=c or "", status=s or "", as_of=as_of or "",
                statuses=params.LEDGER_STATUSES, from_knowledge=from_knowledge)


@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(request: Request) -> HTMLResponse:
    return html(request, "ingest.html", result=None, problem=None)


@router.post("/ingest", response_class=HTMLResponse)
async def ingest_post(request: Request) -> Response:
    """The form without JavaScript: token, files and/or pasted text in one post."""
    expected = request.app.state.token
    form = await request.form()
    if not expected:
        return html(request, "ingest.html", http_status=403, result=None, problem=ui_of(request).t("read_only"))
    given = form.get("token")
    if not isinstance(given, str) or not token_ok(expected, given):
        return html(request, "ingest.html", http_status=401, result=None,
                    problem="wrong or missing token: use the one the server was started with")
    uploads = [Upload(str(f.filename), await f.read()) for f in form.getlist("files")
               if isinstance(f, UploadFile) and f.filename]
    text, title = form.get("text"), form.get("title")
    pasted = [Pasted(text, title if isinstance(title, str) else None)] if isinstance(text, str) and text.strip() \
        else []
    if not uploads and not pasted:
        return html(request, "ingest.html", http_status=400, result=None, problem="nothing to add: choose files or "
                                                                             "paste a text")
    result = await run_in_threadpool(ingest, store_of(request), uploads, pasted)
    return html(request, "ingest.html", result=result, problem=None)
