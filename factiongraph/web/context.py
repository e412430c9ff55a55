"""What every route shares: this thread's store, paging parameters and page rendering."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from jinja2 import Environment

from factiongraph import __version__
from factiongraph.store import SQLiteStore
from factiongraph.store.views import get_entity
from factiongraph.model import Entity


def store_of(request: Request) -> Iterator[SQLiteStore]:
    """Lend the request a connection to the served store, for as long as it runs (FastAPI dependency)."""
    with request.app.state.stores.borrow() as store:
        yield store


Store = Annotated[SQLiteStore, Depends(store_of)]
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip (the previous page's next_offset).")]


def entity_or_404(store: SQLiteStore, entity_id: str) -> Entity:
    """Return the entity or raise a 404."""
    entity = get_entity(store, entity_id)
    if entity is None:
        raise HTTPException(404, f"no entity with id {entity_id!r}")
    return entity


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    """Render a page template with the app-wide context (asset availability, read-only flag)."""
    env: Environment = request.app.state.templates
    html = env.get_template(template).render(request=request, assets=request.app.state.assets,
                                             writable=bool(request.app.state.token), version=__version__, **context)
    return Response(html, status_code=status_code, media_type="text/html; charset=utf-8")


def error_response(request: Request, status_code: int, title: str, message: str,
                   headers: Mapping[str, str] | None = None) -> Response:
    """Return an error: ``{"error": message}`` under ``/api/``, else the error page."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status_code, headers=headers)
    response = render(request, "error.html", status_code=status_code, title=title, message=message)
    response.headers.update(headers or {})
    return response
