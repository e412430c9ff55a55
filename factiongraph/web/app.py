"""``create_app(settings, store)``: the FastAPI application over one store.

Pages are server-rendered Jinja2 templates (autoescaping on) plus small scripts of our own from
``static/``; libraries from the npm registry are served from ``/vendor`` (see ``assets.py``).
The JSON API lives under ``/api`` and is described by ``/api/openapi.json`` and the page
``/api/docs``. Every response carries the headers of ``security.py``; writes need the token.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp

from factiongraph import __version__
from factiongraph.errors import FactiongraphError
from factiongraph.kb import KnowledgeBase, load_kb
from factiongraph.settings import Settings
from factiongraph.web import assets
from factiongraph.web.context import error_response, render
from factiongraph.web.limits import BodyLimit, RateLimit
from factiongraph.web.routes import documents, entities, events, graph, ingest, overview, review, search
from factiongraph.web.security import HostCheck, SecurityHeaders
from factiongraph.web.stores import StoreConnections

HERE = Path(__file__).resolve().parent


class FactiongraphApp(FastAPI):
    """FastAPI with the security headers outside every other layer.

    Middleware added with ``add_middleware`` sits inside Starlette's error handler, so its 500
    answer would go out without the headers; wrapping the whole stack puts them on every response.
    """

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())


def create_app(settings: Settings, store: StoreConnections | None = None, *, token: str | None = None,
               vendor: Path = assets.VENDOR) -> FastAPI:
    """Return the web app over ``store`` (default: the store at ``settings.db``).

    Args:
        settings: the settings (``db`` names the store; ``kb_paths`` the user's KB files;
            ``max_request_bytes``, ``rate_limit_per_minute`` and ``allowed_hosts`` the limits).
        store: the pool of connections to the store; opened from ``settings.db`` when None.
        token: bearer token that allows writes; without one the server is read-only.
        vendor: the npm ``node_modules`` folder the front-end libraries are served from.

    Raises:
        StoreError: when there is no store file to serve.
    """
    app = FactiongraphApp(title="factiongraph", version=__version__, docs_url=None, redoc_url=None,
                          openapi_url="/api/openapi.json",
                          description="Read a factiongraph store: entities, relations, events, quotes and their "
                                      "evidence.")
    app.state.settings = settings
    app.state.stores = store or StoreConnections(settings.db)
    app.state.token = token or None
    app.state.vendor = vendor
    app.state.assets = assets.available(vendor)
    app.state.graph_cache = {}
    app.state.kb = _kb_loader(settings)
    app.state.templates = Environment(loader=FileSystemLoader(HERE / "templates"),
                                      autoescape=select_autoescape(default=True, default_for_string=True))
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    app.add_middleware(RateLimit, per_minute=settings.rate_limit_per_minute)
    app.add_middleware(HostCheck, allowed=settings.allowed_hosts)  # added last: runs first
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (overview, search, entities, graph, events, documents, review, ingest):
        app.include_router(module.api, prefix="/api")
        app.include_router(module.pages)
    _add_fixed_routes(app)
    _add_error_handlers(app)
    return app


def _kb_loader(settings: Settings) -> Callable[[], KnowledgeBase]:
    """Return a function that loads the knowledge base on first call (place containment)."""
    loaded: list[KnowledgeBase] = []

    def kb() -> KnowledgeBase:
        if not loaded:
            loaded.append(load_kb(settings.kb_paths))
        return loaded[0]

    return kb


def _add_fixed_routes(app: FastAPI) -> None:
    @app.get("/vendor/{name}", include_in_schema=False)
    def vendor_file(name: str) -> FileResponse:
        found = assets.vendor_file(name, app.state.vendor)
        if found is None:
            raise HTTPException(404, f"front-end asset {name!r} is not installed (run 'make web-assets')")
        return FileResponse(found[0], media_type=found[1], headers={"Cache-Control": "max-age=3600"})

    @app.get("/api/docs", include_in_schema=False)
    def api_docs(request: Request) -> Response:
        return render(request, "api_docs.html", title="API", schema=app.openapi())

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)  # also the router's 404/405 and the body limit's 413
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, exc.status_code, "Error", str(exc.detail), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        reasons = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return error_response(request, 422, "Bad request", reasons)

    @app.exception_handler(FactiongraphError)
    async def library_error(request: Request, exc: FactiongraphError) -> Response:
        return error_response(request, 400, "Error", str(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        # The exception itself goes to the server log; the client learns nothing about the code.
        return error_response(request, 500, "Server error", "internal server error (the server log has the details)")
