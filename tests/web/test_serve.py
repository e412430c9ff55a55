"""``factiongraph serve``: a real server process on loopback; a missing store is a one-line error."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

import pytest

from factiongraph.cli import main


def test_serve_refuses_a_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(tmp_path / "none.db"), "serve", "--port", "0"])
    assert exit_info.value.code != 0
    assert "no store at" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists(), "serving never creates a store"


@pytest.mark.slow
def test_serve_answers_on_loopback(web_db: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "factiongraph", "--db", str(web_db), "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urlopen(f"http://127.0.0.1:{port}/api/overview", timeout=2) as response:  # noqa: S310
                    data = json.load(response)
                    headers = response.headers
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        assert data["counts"]["documents"] == 13
        assert headers["X-Content-Type-Options"] == "nosniff"
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in err and "read-only" in err
