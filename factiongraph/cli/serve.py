"""``factiongraph serve``: the web pages and JSON API over a store (extra ``web``)."""

from __future__ import annotations

from dataclasses import replace

import click

from factiongraph.cli.context import AppContext, db_option
from factiongraph.errors import ConfigError

LOOPBACK = ("127.0.0.1", "::1", "localhost")
ANY_ADDRESS = ("0.0.0.0", "::", "")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes the store to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--token", envvar="FACTIONGRAPH_TOKEN", metavar="SECRET",
              help="Allow write endpoints (upload, review judgements) to requests sending "
                   "'Authorization: Bearer SECRET' (or set FACTIONGRAPH_TOKEN). Without it the server is read-only.")
@db_option
@click.pass_obj
def serve_cmd(app: AppContext, host: str, port: int, token: str | None) -> None:
    """Serve the store in the browser: overview, search, profiles, network, events, documents, API.

    Pages, scripts and map data are served by the app itself (no CDN, no map tiles), so it works
    on a closed network. The API is described at /api/docs and /api/openapi.json.
    """
    try:
        import uvicorn

        from factiongraph.web import create_app
    except ImportError as exc:
        raise ConfigError(f"the web extra is not installed ({exc.name}): pip install 'factiongraph[web]'") from exc
    settings = app.settings
    if host not in ANY_ADDRESS and host not in settings.allowed_hosts:
        settings = replace(settings, allowed_hosts=(*settings.allowed_hosts, host))
    web = create_app(settings, token=token)
    shown = f"[{host}]" if ":" in host else host
    if host not in LOOPBACK:
        click.echo(f"warning: listening on {host}, reachable from other machines", err=True)
    if host in ANY_ADDRESS and "*" not in settings.allowed_hosts:
        click.echo("note: only requests for the host names in the setting allowed_hosts are answered "
                   f"({', '.join(settings.allowed_hosts)}); add the names clients use", err=True)
    click.echo(f"factiongraph: serving {app.settings.db} at http://{shown}:{port}/ "
               f"({'writes need the token' if token else 'read-only'}); Ctrl-C stops", err=True)
    # No proxy headers: the rate limit counts the address that connected, which a client cannot forge.
    uvicorn.run(web, host=host, port=port, log_level="warning", server_header=False, proxy_headers=False)
