"""The ``factiongraph`` command line: parse input, call the library, format output.

Data goes to stdout, logs and progress to stderr. One handler turns FactiongraphError into a
one-line message and a non-zero exit code (tracebacks only with ``--debug``).
"""

from __future__ import annotations

import logging
import os
import sys

import click

from factiongraph import __version__
from factiongraph.cli.context import AppContext
from factiongraph.cli.documents import doc_cmd, docs_cmd, search_cmd
from factiongraph.cli.entities import entities_cmd, show_cmd
from factiongraph.cli.evaluate import eval_cmd
from factiongraph.cli.events import events_cmd, quotes_cmd
from factiongraph.cli.export import export_cmd, import_cmd
from factiongraph.cli.graph import graph_cmd
from factiongraph.cli.ingest import ingest_cmd
from factiongraph.cli.serve import serve_cmd
from factiongraph.errors import FactiongraphError
from factiongraph.settings import load_settings


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="factiongraph")
@click.option("--db", "db", metavar="PATH|URL", help="Store to use (default: setting 'db', else ./factiongraph.db).")
@click.option("--settings", "settings_file", type=click.Path(dir_okay=False), help="A TOML settings file.")
@click.option("--kb", "kb_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Your own knowledge-base YAML file (repeatable); its records override bundled ones by id.")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-v info, -vv debug).")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, db: str | None, settings_file: str | None, kb_files: tuple[str, ...], verbose: int,
        debug: bool) -> None:
    """Turn news reports about armed groups into a sourced, time-aware knowledge graph."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    settings = load_settings(settings_file, environ=os.environ, overrides={"db": db, "kb_paths": kb_files or None})
    ctx.obj = AppContext(settings=settings, debug=debug)
    ctx.call_on_close(ctx.obj.close)


for command in (ingest_cmd, docs_cmd, doc_cmd, search_cmd, entities_cmd, show_cmd, events_cmd, quotes_cmd,
                graph_cmd, export_cmd, import_cmd, eval_cmd, serve_cmd):
    cli.add_command(command)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; the single place where errors become messages and exit codes."""
    debug = "--debug" in (argv if argv is not None else sys.argv)
    try:
        cli.main(args=argv, prog_name="factiongraph", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except FactiongraphError as exc:
        if debug:
            raise
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
