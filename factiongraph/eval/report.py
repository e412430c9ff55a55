"""Render scores as a plain-text table, optionally beside a baseline run's scores."""

from __future__ import annotations

from typing import Any

_SKIP = frozenset({"detail"})
_SKIP_TOP = frozenset({"schema", "gold"})
Row = tuple[str, Any]


def flatten_scores(scores: dict[str, Any], prefix: str = "") -> list[Row]:
    """Return ``(dotted key, value)`` for every number or None leaf, skipping details and lists."""
    rows: list[Row] = []
    for key, value in scores.items():
        if key in _SKIP or not prefix and key in _SKIP_TOP:
            continue
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            rows.extend(flatten_scores(value, f"{name}."))
        elif value is None or isinstance(value, int | float) and not isinstance(value, bool):
            rows.append((name, value))
    return rows


def format_value(value: Any) -> str:
    """Return a score cell: ratios with three decimals, counts as integers, None as n/a."""
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def format_diff(value: Any, base: Any) -> str:
    """Return ``value - base`` with a sign, or an empty cell when either is missing."""
    if not isinstance(value, int | float) or not isinstance(base, int | float):
        return ""
    diff = value - base
    if isinstance(diff, float):
        return f"{diff:+.3f}"
    return f"{diff:+d}"


def format_report(scores: dict[str, Any], baseline: dict[str, Any] | None = None) -> str:
    """Return the scores as a table, one section per aspect.

    Args:
        scores: the result of ``score``.
        baseline: another run's scores (the spaCy baseline); if given, its column and the
            difference (factiongraph minus baseline) are shown beside each metric.

    Returns:
        The table as text, ending with a newline.
    """
    rows = flatten_scores(scores)
    base = dict(flatten_scores(baseline)) if baseline is not None else None
    width = max([len(name.split(".", 1)[-1]) + 2 for name, _ in rows] + [24])
    header = f"{'metric':<{width}}{'factiongraph':>14}"
    if base is not None:
        header += f"{'spacy baseline':>16}{'diff':>9}"
    lines = [f"gold: {scores.get('gold', '?')}", header, "-" * len(header)]
    section = None
    for name, value in rows:
        head, _, rest = name.partition(".")
        if head != section:
            section = head
            lines.append(f"[{section}]")
        label = f"  {rest or head}"
        line = f"{label:<{width}}{format_value(value):>14}"
        if base is not None:
            other = base.get(name)
            line += f"{format_value(other):>16}{format_diff(value, other):>9}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def format_columns(columns: list[tuple[str, dict[str, Any]]], title: str = "") -> str:
    """Return several runs' (or parts') scores side by side, one column each.

    Args:
        columns: ``(heading, scores)`` pairs, in display order (e.g. ``tune``, ``check``).
        title: a first line (e.g. the gold file and the manifest used).

    Returns:
        The table as text, ending with a newline. A metric one column lacks shows ``n/a``.
    """
    values = [dict(flatten_scores(scores)) for _, scores in columns]
    names: list[str] = []
    seen: set[str] = set()
    for _, scores in columns:
        for name, _value in flatten_scores(scores):
            if name not in seen:
                seen.add(name)
                names.append(name)
    width = max([len(name.split(".", 1)[-1]) + 2 for name in names] + [24])
    cell = max([len(heading) + 2 for heading, _ in columns] + [10])
    header = f"{'metric':<{width}}" + "".join(f"{heading:>{cell}}" for heading, _ in columns)
    lines = [title] if title else []
    lines += [header, "-" * len(header)]
    section = None
    for name in names:
        head, _, rest = name.partition(".")
        if head != section:
            section = head
            lines.append(f"[{section}]")
        label = f"  {rest or head}"
        lines.append(f"{label:<{width}}" + "".join(f"{format_value(v.get(name)):>{cell}}" for v in values))
    return "\n".join(lines) + "\n"
