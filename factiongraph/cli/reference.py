"""Render the CLI reference (docs/cli.md) from the commands' own --help text.

``python -m factiongraph.cli.reference > docs/cli.md`` regenerates it; a test fails when the
file is out of date, so the reference cannot drift from the code.
"""

from __future__ import annotations

import click

from factiongraph.settings import SETTING_HELP, Settings


def _help(command: click.Command, name: str) -> str:
    ctx = click.Context(command, info_name=name, terminal_width=100, max_content_width=100,
                        help_option_names=["-h", "--help"])
    return command.get_help(ctx)


def render_reference() -> str:
    """Return docs/cli.md: every command's help, the exit codes and the settings."""
    from factiongraph.cli import cli

    parts = [
        "# CLI reference",
        "",
        "Generated from `--help` by `python -m factiongraph.cli.reference`; do not edit by hand.",
        "",
        "## factiongraph",
        "",
        "```",
        _help(cli, "factiongraph"),
        "```",
    ]
    for name in sorted(cli.commands):
        parts += ["", f"## factiongraph {name}", "", "```", _help(cli.commands[name], f"factiongraph {name}"), "```"]
    parts += [
        "",
        "## Exit codes",
        "",
        "| code | meaning |",
        "|---|---|",
        "| 0 | success |",
        "| 1 | an error factiongraph reports (the message says what and how to fix it) |",
        "| 2 | bad settings, knowledge-base file, gold file or command-line usage |",
        "| 3 | an input could not be read at all |",
        "| 4 | the store cannot be opened, migrated or written |",
        "| 5 | `ingest` finished but rejected at least one input (named on stderr, counted in the summary) |",
        "",
        "## Settings",
        "",
        "Set in a TOML file (`--settings FILE`), as `FACTIONGRAPH_<NAME>` environment variables, or",
        "by the flags that share their names.",
        "",
        "| setting | default | meaning |",
        "|---|---|---|",
    ]
    defaults = Settings()
    for name, text in SETTING_HELP.items():
        parts.append(f"| `{name}` | `{getattr(defaults, name)!r}` | {text} |")
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    print(render_reference(), end="")
