"""A throwaway PostgreSQL server on 127.0.0.1 in a temporary folder (tests and the benchmark use it).

Uses the machine's PostgreSQL binaries (``initdb`` on PATH, else Debian's
``/usr/lib/postgresql/<version>/bin``; ``make test`` installs Debian's ``postgresql`` when
neither exists). PostgreSQL refuses to run as root, so under root the server runs as the
``postgres`` user (``runuser``), which Debian's package creates.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def find_binary(name: str) -> str | None:
    """Return the path of a PostgreSQL server program, or None when none is installed."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class TempPostgres:
    """One server: ``start()``, ``create_database(name)`` -> URL, ``stop()`` (also removes its folder).

    Args:
        durable: keep fsync and synchronous commit on (the benchmark measures real writes);
            tests turn them off.
        settings: more ``postgresql.conf`` lines (they win over the ones set here).
    """

    def __init__(self, durable: bool = False, settings: list[str] | None = None) -> None:
        self.durable = durable
        self.settings = list(settings or [])
        # Under root the server runs as another user, who must reach the folder: /tmp, not a TMPDIR in /root.
        where = "/tmp" if os.geteuid() == 0 and os.path.isdir("/tmp") else None
        self.root = Path(tempfile.mkdtemp(prefix="factiongraph-pg-", dir=where))
        self.port = 0
        self.user: str | None = None
        self._dbs = 0

    def _run(self, *args: str) -> None:
        command = list(args)
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.root)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:2])} failed: {done.stdout}\n{done.stderr}")

    def start(self) -> str:
        """Create the cluster and start the server; return the URL of its ``postgres`` database."""
        initdb, pg_ctl = find_binary("initdb"), find_binary("pg_ctl")
        if initdb is None or pg_ctl is None:
            raise RuntimeError("PostgreSQL is not installed (make test installs Debian's postgresql)")
        if os.geteuid() == 0:
            self.user = "postgres"
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        data = self.root / "data"
        self._run(initdb, "-D", str(data), "-U", "factiongraph", "--auth=trust", "--encoding=UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        self.port = _free_port()
        settings = [
            "listen_addresses = '127.0.0.1'", f"port = {self.port}", "unix_socket_directories = ''",
            "max_connections = 40", "shared_buffers = 128MB",
        ]
        if not self.durable:
            settings += ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]
        settings += self.settings
        conf = data / "postgresql.conf"
        with conf.open("a", encoding="utf-8") as fh:
            fh.write("\n" + "\n".join(settings) + "\n")
        self._run(pg_ctl, "-D", str(data), "-l", str(self.root / "server.log"), "-w", "-t", "60", "start")
        return self.url("postgres")

    def url(self, dbname: str) -> str:
        """Return the URL of one database on this server."""
        return f"postgresql://factiongraph@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str | None = None) -> str:
        """Create an empty database; return its URL."""
        import psycopg

        self._dbs += 1
        name = name or f"store_{self._dbs}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        pg_ctl = find_binary("pg_ctl")
        if pg_ctl is not None and (self.root / "data" / "postmaster.pid").exists():
            try:
                self._run(pg_ctl, "-D", str(self.root / "data"), "-m", "fast", "-w", "stop")
            except RuntimeError:
                pass
        shutil.rmtree(self.root, ignore_errors=True)
