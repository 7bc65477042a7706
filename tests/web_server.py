"""The real `drafting serve` in a child process, for the browser tests and the benchmark."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DRAFTS = {
    "kirklees": ROOT / "samples" / "kirklees-2018-01-25-direction.yaml",
    "northants": ROOT / "samples" / "northamptonshire-2018-11-13-letter.yaml",
}


def sample_drafts(folder: Path) -> Path:
    """A drafts folder holding two samples: `kirklees` (a direction), `northants` (a letter)."""
    folder.mkdir(parents=True)
    for draft_id, sample in SAMPLE_DRAFTS.items():
        shutil.copyfile(sample, folder / f"{draft_id}.yaml")
    return folder


class Server:
    """`drafting serve FOLDER --port N`, started and waited for; `stop` is Ctrl-C."""

    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.folder = folder
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "drafting.cli", "serve", str(folder)]
        self.process = subprocess.Popen(
            [*command, "--port", str(self.port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                _, err = self.process.communicate()
                raise RuntimeError(f"drafting serve stopped: {err}")
            try:
                with urllib.request.urlopen(self.url + "/", timeout=2):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
        raise RuntimeError("drafting serve did not answer in 30 seconds")

    def stop(self) -> tuple[int, str, str]:
        """Stop it as Ctrl-C does; its exit status and what it printed."""
        self.process.send_signal(signal.SIGINT)
        out, err = self.process.communicate(timeout=30)
        return self.process.returncode, out, err


def free_port() -> int:
    """A port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
