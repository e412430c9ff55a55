"""The default install stays light: psycopg and Ray are imported only where their extras are needed."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "factiongraph"
ALLOWED = {"psycopg": {"store/postgres.py"}, "ray": {"engine/ray_engine.py"}}


def test_optional_packages_are_imported_in_one_module_each() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        for package, modules in ALLOWED.items():
            if package in names:
                assert str(path.relative_to(PACKAGE)) in modules, f"{path} imports {package}"


def test_the_cli_and_sqlite_store_load_without_them() -> None:
    code = ("import sys, factiongraph.cli, factiongraph.pipeline, factiongraph.store;"
            "print(sorted(m for m in ('psycopg', 'ray') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
