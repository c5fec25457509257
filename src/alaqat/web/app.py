"""The web application: ``create_app(store, token)`` -> a FastAPI app with the JSON API and the pages.

Errors are JSON under ``/api/`` (``{"status", "message"}``, plus ``problems`` for bad parameters) and an HTML page
elsewhere; an unexpected failure is logged and answered with a 500 that gives nothing away. Every response
carries a strict Content-Security-Policy: scripts, styles and fonts come only from this server.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from alaqat.store.base import Store
from alaqat.web import i18n
from alaqat.web.knowledge import KnowledgeUnavailable
from alaqat.web.params import BadParameter

log = logging.getLogger("alaqat.web")
HERE = Path(__file__).resolve().parent
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DESCRIPTION = """Facts about relations between states, each linked to the words of the article that state it.

Lists are paginated: `limit` and `offset` in, `items`, `total`, `limit`, `offset` out. Errors are JSON:
`{"status": 400, "message": "...", "problems": [...]}`. Ingest needs the token the server was started with
(`Authorization: Bearer TOKEN`); without a token the server is read-only."""


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def templates() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.ChainableUndefined)
    from urllib.parse import quote

    from alaqat.web import svg, views

    env.filters["q"] = lambda s: quote(str(s), safe="")
    env.filters["num"] = svg.fmt_number
    env.globals.update(doc_href=views.doc_href, source_href=views.source_href, event_href=views.event_href)
    return env


def is_api(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi"))


def create_app(store: Store, token: str | None = None) -> FastAPI:
    """The application over ``store``; ``token`` allows ingest (none: the server is read-only)."""
    from alaqat.web import api, pages

    app = FastAPI(title="Alaqat", version="1", description=DESCRIPTION, openapi_url="/openapi.json",
                  docs_url=None, redoc_url=None)  # the interactive docs load scripts from a CDN: not here
    app.state.store = store
    app.state.token = token or None
    app.state.env = templates()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        lang = request.query_params.get("lang")
        if lang in i18n.LANGS and not is_api(request):
            response.set_cookie("lang", lang, max_age=365 * 24 * 3600, samesite="lax", httponly=True)
        return response

    def error(request: Request, status: int, message: str, problems: list[str] | None = None) -> Response:
        if is_api(request):
            body: dict[str, Any] = {"status": status, "message": message}
            if problems:
                body["problems"] = problems
            return JSONResponse(body, status_code=status)
        return pages.error_page(request, status, message)

    @app.exception_handler(ApiError)
    async def on_api_error(request: Request, exc: ApiError) -> Response:
        return error(request, exc.status, exc.message)

    @app.exception_handler(BadParameter)
    async def on_bad_parameter(request: Request, exc: BadParameter) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            problems.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
        return error(request, 400, "bad request: " + "; ".join(problems), problems)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = (f"no such address: {request.url.path} (the API is under /api/v1, described at /openapi.json)"
                       if is_api(request) else f"no such page: {request.url.path}")
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return error(request, exc.status_code, message)

    @app.exception_handler(KnowledgeUnavailable)
    async def on_knowledge(request: Request, exc: KnowledgeUnavailable) -> Response:
        return error(request, 503, str(exc))

    @app.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        response = error(request, 500, "internal error: the server log has the details")
        response.headers["Content-Security-Policy"] = CSP
        return response

    return app


def html(request: Request, name: str, http_status: int = 200, **context: Any) -> HTMLResponse:
    """Render ``templates/name`` in the reader's language (``?lang=`` or the ``lang`` cookie; Arabic first)."""
    lang = request.query_params.get("lang") or request.cookies.get("lang")
    ui = i18n.ui(lang)
    env: jinja2.Environment = request.app.state.env
    body = env.get_template(name).render(ui=ui, t=ui.t, request=request, path=request.url.path,
                                         can_ingest=bool(request.app.state.token), **context)
    return HTMLResponse(body, status_code=http_status)
