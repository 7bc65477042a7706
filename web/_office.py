"""PDFs from a LibreOffice kept running while the server runs.

In: the .docx bytes of a document.  Out: its PDF bytes.  Starting LibreOffice is most of the cost
of a conversion (seconds), so the server starts one LibreOffice at start-up, through `unoserver`
(an XML-RPC front to LibreOffice's UNO interface), and sends it every conversion; it is stopped
with the server.  `unoserver`'s server half runs under the Python that has LibreOffice's `uno`
module (Debian's `python3-uno`), which is the system Python, not this one: it is started as a
child process with only the `unoserver` package put on its path.  When any of this is missing,
or the kept LibreOffice fails, a conversion falls back to `drafting`'s own one-off LibreOffice
run, which is slower but gives the same PDF.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import xmlrpc.client
from pathlib import Path
from typing import Any

from drafting import DraftingError, render_pdfs

READY_SECONDS = 60
STOP_GRACE_SECONDS = 2
CONVERT_SECONDS = 120
SERVER_SCRIPT = "import sys; from unoserver.server import main; sys.exit(main())"


class Office:
    """A kept LibreOffice (when it can be had) and the conversions sent to it."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._port = 0
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self._path_folder: tempfile.TemporaryDirectory[str] | None = None

    @property
    def installed(self) -> bool:
        """Whether LibreOffice is installed at all (PDF downloads are offered only then)."""
        return any(shutil.which(name) for name in ("soffice", "libreoffice"))

    @property
    def kept(self) -> bool:
        """Whether a kept LibreOffice is running and has answered."""
        return self._ready.is_set() and self._process is not None and self._process.poll() is None

    def start(self) -> None:
        """Start the kept LibreOffice in the background, if LibreOffice and `uno` are here."""
        python = _python_with_uno()
        package = _unoserver_folder()
        if not self.installed or python is None or package is None:
            return
        self._path_folder = tempfile.TemporaryDirectory(prefix="drafting-unoserver-")
        path = Path(self._path_folder.name)
        for item in package:
            (path / item.name).symlink_to(item)
        self._port, uno_port = _free_port(), _free_port()
        profile = path / "profile"
        arguments = [python, "-c", SERVER_SCRIPT, "--interface", "127.0.0.1"]
        arguments += ["--port", str(self._port), "--uno-port", str(uno_port)]
        arguments += ["--user-installation", str(profile), "--quiet"]
        self._process = subprocess.Popen(
            arguments,
            env={**os.environ, "PYTHONPATH": str(path)},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: stopped as one with its LibreOffice
        )
        threading.Thread(target=self._wait_until_ready, daemon=True).start()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline and self._process and self._process.poll() is None:
            with contextlib.suppress(OSError, xmlrpc.client.Error):
                self._proxy().info()
                self._ready.set()
                return
            time.sleep(0.2)

    def _proxy(self) -> xmlrpc.client.ServerProxy:
        return xmlrpc.client.ServerProxy(
            f"http://127.0.0.1:{self._port}", transport=_TimedTransport(), allow_none=True
        )

    def wait_until_ready(self, seconds: float = READY_SECONDS) -> bool:
        """Wait for the kept LibreOffice to answer; whether it did."""
        return self._process is not None and self._ready.wait(seconds)

    def pdf(self, docx: bytes) -> bytes:
        """The PDF of a .docx: by the kept LibreOffice, else by a one-off LibreOffice run."""
        if self._process is not None and self.wait_until_ready() and self.kept:
            with self._lock, contextlib.suppress(OSError, xmlrpc.client.Error):
                result = self._proxy().convert(None, docx, None, "pdf")
                if isinstance(result, xmlrpc.client.Binary) and result.data.startswith(b"%PDF"):
                    return result.data
        return cold_pdf(docx)

    def stop(self) -> None:
        """Stop the kept LibreOffice and everything it started."""
        process, self._process = self._process, None
        self._ready.clear()
        if process is not None and process.poll() is None:
            _stop_group(process)
        if self._path_folder is not None:
            self._path_folder.cleanup()
            self._path_folder = None


class _TimedTransport(xmlrpc.client.Transport):
    """XML-RPC over HTTP that gives up after `CONVERT_SECONDS`.

    A LibreOffice that hangs then costs one request a slow PDF (by the one-off run), not a page
    that never comes.
    """

    def make_connection(self, host: Any) -> http.client.HTTPConnection:
        connection = super().make_connection(host)
        connection.timeout = CONVERT_SECONDS
        return connection


def cold_pdf(docx: bytes) -> bytes:
    """The PDF of a .docx by a LibreOffice started for it (the slow way)."""
    try:
        return render_pdfs({"document": docx})["document"]
    except DraftingError:
        raise
    except OSError as exc:
        raise DraftingError(f"cannot make the PDF: {exc.strerror or exc}") from None


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    # LibreOffice holds nothing worth saving (conversions are in memory, its profile is
    # temporary) and its launcher may start it again when it is only asked to stop: after a
    # short grace the whole group is killed, so Ctrl-C is quick and leaves no LibreOffice behind.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(STOP_GRACE_SECONDS)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _python_with_uno() -> str | None:
    """A Python that can import LibreOffice's `uno` module (Debian: /usr/bin/python3)."""
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and Path(candidate).exists():
            check = subprocess.run(
                [candidate, "-c", "import uno"], capture_output=True, timeout=30, check=False
            )
            if check.returncode == 0:
                return candidate
    return None


def _unoserver_folder() -> list[Path] | None:
    """The `unoserver` package and its metadata folder, to put on the other Python's path."""
    try:
        import unoserver
    except ImportError:
        return None
    package = Path(unoserver.__file__).parent
    metadata = sorted(package.parent.glob("unoserver-*.dist-info"))
    return [package, *metadata[:1]]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
