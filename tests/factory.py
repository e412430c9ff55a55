"""Builders shared by the whole-system tests (and bench/crash.py): generated corpora, real CLI runs.

Documents are made by recombining the content paragraphs of the bundled sample articles, so they
read like news and give the pipeline entities, events, relations and quotes to extract, while
every file has its own bytes. Ingest and export run as real ``factiongraph`` processes.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from factiongraph.clean import Cleaner
from factiongraph.ingest import IngestOptions, iter_inputs
from factiongraph.model import Document, RawDocument

SAMPLE = Path(__file__).resolve().parents[1] / "factiongraph" / "data" / "sample"


@lru_cache(maxsize=1)
def sample_paragraphs() -> tuple[tuple[str, ...], ...]:
    """Return the content paragraphs of each sample article (cleaned, chrome removed), title first."""
    cleaner = Cleaner()
    articles = []
    for item in iter_inputs([str(SAMPLE)], IngestOptions()):
        if isinstance(item, RawDocument):
            doc = cleaner.clean(item)
            if isinstance(doc, Document):
                articles.append(tuple(doc.text[b.start:b.end] for b in doc.content_spans()))
    assert len(articles) >= 2, f"no sample articles in {SAMPLE}"
    return tuple(articles)


def write_recombined(folder: Path, count: int, seed: int, paragraphs: int = 2) -> list[Path]:
    """Write ``count`` distinct .txt articles: a sample title, then paragraphs of two samples.

    The first paragraph after the title comes from the title's own article (its dateline and
    lead), the others from any sample; order and choice follow ``seed``.
    """
    rng = random.Random(seed)
    articles = sample_paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    paths: list[Path] = []
    while len(paths) < count:
        first, other = rng.sample(articles, 2)
        pool = list(first[2:]) + list(other[1:])
        body = [first[1], *rng.sample(pool, k=min(paragraphs, len(pool)))]
        text = "\n\n".join([first[0], *body]) + "\n"
        if text in seen:
            continue
        seen.add(text)
        path = folder / f"doc_{len(paths):04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def factiongraph_cmd(db: Path, *args: str) -> list[str]:
    """Return the argv of a ``factiongraph`` run on store ``db`` (the installed entry point's module)."""
    return [sys.executable, "-m", "factiongraph", "--db", str(db), *args]


def ingest(db: Path, *specs: str) -> subprocess.CompletedProcess[str]:
    """Run ``factiongraph ingest`` to the end and return the finished process."""
    return subprocess.run(factiongraph_cmd(db, "ingest", "--no-progress", *specs), capture_output=True,
                          text=True, timeout=600, check=False)


def export_lines(db: Path) -> list[str]:
    """Return the store's JSONL export (``factiongraph export --format jsonl``), lines sorted.

    Sorted because documents are listed in ingest order, which a resumed run changes; each line
    is one whole record, so equal sorted lines mean equal stores.
    """
    done = subprocess.run(factiongraph_cmd(db, "export", "--format", "jsonl"), capture_output=True, text=True,
                          timeout=600, check=True)
    return sorted(done.stdout.splitlines())


def stored_documents(db: Path) -> int:
    """Return how many documents a running ingest has committed so far (0 before the schema exists)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet, or mid-migration
        return 0


@dataclass(slots=True)
class KillLog:
    """Where each SIGKILL landed: documents committed when it was sent, and whether it cut a run."""

    at_documents: list[int] = field(default_factory=list)
    cut_short: int = 0


def ingest_with_kills(db: Path, folder: Path, total: int, kills: int, rng: random.Random) -> KillLog:
    """Start ``factiongraph ingest folder``, SIGKILL it ``kills`` times at random points, restarting each time.

    A kill is sent once the store holds a random number of documents (drawn between none and
    nine tenths of ``total``, in increasing order), after a further random delay of up to a
    second, so it lands anywhere: in start-up, mid-analysis or mid-commit. The caller then runs
    the ingest once more to the end.
    """
    log = KillLog()
    thresholds = sorted(rng.randrange(0, int(total * 0.9)) for _ in range(kills))
    for threshold in thresholds:
        proc = subprocess.Popen(factiongraph_cmd(db, "ingest", "--no-progress", str(folder)),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while proc.poll() is None and stored_documents(db) < threshold:
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 1.0))
        alive = proc.poll() is None
        if alive:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        log.at_documents.append(stored_documents(db))
        log.cut_short += int(alive and log.at_documents[-1] < total)
    return log


# -- hostile input ------------------------------------------------------------------------------
# Built by the tests at run time (nothing large is committed). Each builder names what it tests.

ARABIC = "اعتقلت قوات مكافحة الإرهاب عناصر من كتائب حزب الله في بغداد"  # "counter-terror forces arrested KH members in Baghdad"
LEAD = "Gunmen attacked a police checkpoint in Baghdad on Monday, killing two officers, officials said."
SECRET = "FILE-ON-THE-ANALYST-DISK-7731"
"""Written to a local file that hostile XML names as an external entity: it must never be read."""
DRIP_INTERVAL, DRIP_BYTES = 0.1, 100
"""The stalling server sends one byte every DRIP_INTERVAL seconds, DRIP_BYTES in all, then hangs up."""


def deep_html(depth: int) -> str:
    """Return a page whose one article paragraph sits ``depth`` <div>s deep."""
    return ("<html><body>" + "<div>" * depth + f"<p>{LEAD}</p>" + "</div>" * depth
            + "<p>The interior ministry said an investigation had been opened.</p></body></html>")


def active_html() -> str:
    """Return a page full of things that are not article text: scripts, frames, forms, handlers, entities."""
    return (
        "<html><head><title>Raid in Baghdad &amp; arrests</title><script>var leak = 'SCRIPT-TEXT';</script>"
        "<style>p { color: red } /* STYLE-TEXT */</style></head><body>"
        "<iframe src='http://127.0.0.1:9/frame'>IFRAME-TEXT</iframe>"
        "<form action='/steal'><input name='q' value='FORM-VALUE'><button>FORM-BUTTON</button></form>"
        "<p onclick=\"alert('HANDLER')\">Counter-terrorism forces arrested 14 members of Kata&#39;ib Hizballah "
        "in al-Dora on June 25, 2020 &mdash; officials said &lt;script&gt;alert(1)&lt;/script&gt;.</p>"
        "<script>document.write('<p>WRITTEN-BY-SCRIPT</p>')</script>"
        "<p>The group&rsquo;s spokesman called the raid &quot;illegal&quot;&nbsp;&#0;&#xD800;&#99999999;.</p>"
        "<noscript><p>NOSCRIPT-TEXT: please enable JavaScript</p></noscript>"
        "<svg onload=\"alert('SVG')\"><text>SVG-TEXT</text></svg><template><p>TEMPLATE-TEXT</p></template>"
        "<a href='javascript:alert(1)'>JS-LINK</a></body></html>"
    )


def xxe_feed(secret_path: Path, probe_url: str) -> str:
    """Return an RSS feed whose DOCTYPE names a local file, a URL and an external DTD as entities."""
    return (
        "<?xml version=\"1.0\"?>\n"
        f"<!DOCTYPE rss SYSTEM \"{probe_url}/dtd\" [\n"
        f"  <!ENTITY file SYSTEM \"file://{secret_path}\">\n"
        f"  <!ENTITY web SYSTEM \"{probe_url}/entity\">\n"
        f"  <!ENTITY % remote SYSTEM \"{probe_url}/parameter\"> %remote;\n"
        "]>\n<rss version=\"2.0\"><channel><title>t</title><item><title>Leak &file;</title>"
        f"<description>&lt;p&gt;{LEAD} &file; &web;&lt;/p&gt;</description></item></channel></rss>"
    )


def laughs_feed(levels: int = 9) -> str:
    """Return an RSS feed with nested entity definitions that expand tenfold per level."""
    defs = ["<!ENTITY l0 \"ha\">"] + [f"<!ENTITY l{i} \"{('&l' + str(i - 1) + ';') * 10}\">" for i in range(1, levels + 1)]
    return (f"<?xml version=\"1.0\"?>\n<!DOCTYPE rss [{''.join(defs)}]>\n<rss version=\"2.0\"><channel><title>t</title>"
            f"<item><title>&l{levels};</title><description>{LEAD} &l{levels};</description></item></channel></rss>")


def many_item_feed(items: int) -> str:
    """Return a well-formed RSS feed of ``items`` items, each with its own short HTML summary."""
    body = "".join(f"<item><title>Report {n}</title><description>&lt;b&gt;Report {n}:&lt;/b&gt; {LEAD}"
                   "</description></item>" for n in range(items))
    return f"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>many</title>{body}</channel></rss>"


MALFORMED_FEED = ("<?xml version='1.0'?><rss version='2.0'><channel><title>x</title><item><title>Raid & arrests"
                  f"</title><description>&lt;p&gt;{LEAD}</description></item><item><title>Cut off <b>mid")


def write_hostile_files(folder: Path) -> dict[str, str | None]:
    """Write the hostile local files; return file name -> expected rejection reason (None: stored)."""
    folder.mkdir(parents=True, exist_ok=True)
    line = (LEAD + " ") * 20 + "\n\n"
    with open(folder / "fifty-megabytes.txt", "w", encoding="utf-8") as out:
        for _ in range(50_000_000 // len(line) + 1):
            out.write(line)
    (folder / "utf16-bom.txt").write_bytes(("\ufeff" + LEAD + "\n\nKataib Hezbollah denied any role.\n").encode("utf-16-le"))
    (folder / "arabic-1256-undeclared.txt").write_bytes((ARABIC + "\n").encode("cp1256"))
    (folder / "arabic-1256.html").write_bytes(
        (f"<html><head><meta charset='windows-1256'></head><body><p>{ARABIC}.</p><p>{LEAD}</p></body></html>").encode("cp1256"))
    (folder / "rtl-ltr.txt").write_text(
        f"{LEAD}\n\nThe group, known as \u202bكتائب حزب الله\u202c (Kataib Hezbollah), \u2067denied\u2069 it.\u200f\n",
        encoding="utf-8")
    (folder / "emoji.txt").write_text(
        f"\U0001F6A8 BREAKING \U0001F6A8 {LEAD} \U0001F4A5\U0001F525\n\nThe Popular Mobilisation Forces "
        "\U0001F64F\U0001F3FD denied any role \U0001F1EE\U0001F1F6 \U0001F468\u200d\U0001F469\u200d\U0001F467.\n",
        encoding="utf-8")
    (folder / "deep-10000.html").write_text(deep_html(10_000), encoding="utf-8")
    (folder / "active.html").write_text(active_html(), encoding="utf-8")
    (folder / "malformed.rss").write_text(MALFORMED_FEED, encoding="utf-8")
    (folder / "laughs.rss").write_text(laughs_feed(), encoding="utf-8")
    (folder / "many-items.rss").write_text(many_item_feed(200), encoding="utf-8")
    return {
        "fifty-megabytes.txt": "too-large", "utf16-bom.txt": None, "arabic-1256-undeclared.txt": "undecodable",
        "arabic-1256.html": None, "rtl-ltr.txt": None, "emoji.txt": None, "deep-10000.html": "malformed",
        "active.html": None,
    }


BOMB_FACTOR = 1000
"""The gzip bomb expands to this many times its transferred size."""


class HostileHandler(BaseHTTPRequestHandler):
    """A loopback server that misbehaves on purpose; ``server.hits`` records every path asked for."""

    server: HostileServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        """Keep test output quiet."""

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        """Answer one GET by its path."""
        path = self.path.split("?")[0]
        self.server.hits.append(path)
        base = f"http://127.0.0.1:{self.server.server_port}"
        if path == "/bomb.html":  # a 1000-fold gzip transfer that inflates past the size limit
            self._send(200, "text/html", self.server.bomb(), {"Content-Encoding": "gzip"})
        elif path == "/drip.html":  # promises a page, then trickles it out a byte at a time
            self._drip()
        elif path == "/stall.html":  # says nothing at all for longer than the client waits
            time.sleep(self.server.stall_seconds)
            self._send(200, "text/html", f"<p>{LEAD}</p>".encode())
        elif path.startswith("/hop/"):  # redirects to a new address, forever
            self._send(302, None, b"", {"Location": f"/hop/{int(path.rsplit('/', 1)[1]) + 1}"})
        elif path == "/loop":
            self._send(302, None, b"", {"Location": "/loop"})
        elif path == "/to-file":
            self._send(302, None, b"", {"Location": f"file://{self.server.secret_path}"})
        elif path == "/xxe.rss":
            self._send(200, "application/rss+xml", xxe_feed(self.server.secret_path, base + "/probe").encode())
        elif path.startswith("/probe/"):  # an external entity or DTD being fetched: must never happen
            self._send(200, "application/xml-dtd", f"<!ENTITY leaked \"{SECRET}\">".encode())
        elif path == "/huge.rss":
            self._send(200, "application/rss+xml", many_item_feed(60_000).encode())
        elif path == "/page.html":
            self._send(200, "text/html; charset=utf-8", f"<html><body><p>{LEAD}</p></body></html>".encode())
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, status: int, ctype: str | None, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def _drip(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "1000000")
        self.end_headers()
        sent = 0
        with contextlib.suppress(OSError):  # the client hanging up
            for _ in range(DRIP_BYTES):
                self.wfile.write(b" ")
                self.wfile.flush()
                sent += 1
                time.sleep(DRIP_INTERVAL)
        self.server.drips.append(sent)  # bytes written before the client hung up (or all of them)


class HostileServer(ThreadingHTTPServer):
    """The server behind :class:`HostileHandler`, with what its routes need."""

    daemon_threads = True

    def __init__(self, secret_path: Path, limit: int, stall_seconds: float) -> None:
        super().__init__(("127.0.0.1", 0), HostileHandler)
        self.secret_path, self.limit, self.stall_seconds = secret_path, limit, stall_seconds
        self.hits: list[str] = []
        self.drips: list[int] = []
        self._bomb = _gzip_bomb(limit * 20)  # built before any request, so serving it is instant

    def bomb(self) -> bytes:
        """Return gzip data that inflates BOMB_FACTOR-fold, to twenty times ``limit``."""
        return self._bomb


def _gzip_bomb(inflated_size: int) -> bytes:
    """Return gzip data of a page that inflates to ``inflated_size`` bytes (about 1000-fold)."""
    chunks, size = [], 0
    block = b"<p>" + b"A" * (1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    while size < inflated_size:
        chunks.append(compressor.compress(block))
        size += len(block)
    return b"".join(chunks) + compressor.flush()


@contextlib.contextmanager
def hostile_server(secret_path: Path, limit: int, stall_seconds: float = 3.0) -> Iterator[HostileServer]:
    """Run a :class:`HostileServer` on a free loopback port for the block."""
    secret_path.write_text(SECRET, encoding="utf-8")
    server = HostileServer(secret_path, limit, stall_seconds)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def base_url(server: HostileServer) -> str:
    """Return ``http://127.0.0.1:<port>`` of a running server."""
    return f"http://127.0.0.1:{server.server_port}"
