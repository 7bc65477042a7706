"""Where the clause library and the Word templates are.

In an installed wheel they sit inside the package (`drafting/clauses`, `drafting/templates`); in a
source checkout they are the top-level `clauses/` and `templates/` folders beside `drafting/`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


@cache
def data_dir(name: str) -> Path:
    """The folder `name` (`clauses` or `templates`), installed or in the source checkout."""
    installed = _PACKAGE / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def package_file(name: str) -> Path:
    """A data file shipped inside the `drafting` package itself (e.g. `statutes.yaml`)."""
    return _PACKAGE / name


@cache
def councils() -> tuple[str, ...]:
    """The English children's services authorities listed in `councils.txt`, in its order."""
    lines = package_file("councils.txt").read_text(encoding="utf-8").splitlines()
    return tuple(name for line in lines if (name := line.strip()) and not name.startswith("#"))
