"""The interview's pages: task list, questions, check your answers (on `drafting`'s engine).

In: the answers file of a draft.  Out: its pages.  Waits for the interview engine.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from starlette.routing import BaseRoute


def routes() -> list[BaseRoute]:
    """The interview's routes."""
    return []


def begin(path: Path, source: Path | None) -> None:
    """Start the answers file at `path`: empty, or from a previous spec."""
    if source is None:
        path.write_text("{}\n", encoding="utf-8")
    else:
        shutil.copyfile(source, path)
