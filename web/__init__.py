"""`drafting serve`: the drafting interview in the browser, on this machine.

In: a drafts folder (answers files, one per draft) and where to listen.  Out: a web app, GOV.UK
style, that lists the drafts, asks the interview's questions, previews the documents and
downloads them; it runs until Ctrl-C.  The questions, their checks and the documents all come
from `drafting`'s public API: this package only presents them.  It needs the `web` extra
(`pip install 'drafting[web]'`); `import drafting` never imports it.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import sys
from pathlib import Path

from drafting import DraftingError

from ._app import create_app

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}

__all__ = ["create_app", "serve"]


def serve(folder: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the drafts in `folder` at http://host:port/ until Ctrl-C."""
    import uvicorn

    listening = _listen(host, port)
    shown = f"[{host}]" if ":" in host else host
    if host not in LOCAL_HOSTS:
        print(
            f"drafting: warning: listening on {host}, not only this computer: anyone who can "
            "reach it can read and change the drafts, with no password",
            file=sys.stderr,
        )
    print(f"Drafting is running at http://{shown}:{listening.getsockname()[1]}/")
    print(f"Drafts are saved in {folder.resolve()}. Press Ctrl-C to stop.", flush=True)
    config = uvicorn.Config(create_app(folder), log_level="warning", lifespan="on")
    # uvicorn stops gracefully on Ctrl-C, then raises it again for the caller: here it is the
    # ordinary way to stop, not an interruption.
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.Server(config).run(sockets=[listening])
    print("Drafting has stopped; your answers are saved.")


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, or a one-line error saying why not."""
    try:
        family = socket.AF_INET6 if ipaddress.ip_address(host).version == 6 else socket.AF_INET
    except ValueError:
        family = socket.AF_INET
    listening = socket.socket(family, socket.SOCK_STREAM)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((host, port))
    except OSError as exc:
        listening.close()
        raise DraftingError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    listening.listen(128)
    return listening
