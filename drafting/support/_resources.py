"""Where the clause library and the Word templates are.

In an installed wheel they sit inside the package (`drafting/clauses`, `drafting/templates`); in a
source checkout they are the top-level `clauses/` and `templates/` folders beside `drafting/`.
"""

from __future__ import annotations

import re
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


#: A council's kind, written after its area ("Kirklees Council", "Barnsley Metropolitan Borough
#: Council") or before it ("London Borough of Barnet", "City of Westshire Council").
_KIND_AFTER = re.compile(
    r"\s+(?:(?:Metropolitan|Royal|London|County|City|Borough|District)\s+)*Council$"
)
_KIND_BEFORE = re.compile(
    r"^(?:(?:London|Royal) Borough of|Council of the|City of(?=.* Council$))\s+"
)


def council_area(name: str) -> str:
    """The area of a council named in full: "Leeds City Council" -> "Leeds".

    "London Borough of Barnet" -> "Barnet"; "Council of the Isles of Scilly" -> "Isles of
    Scilly"; a name of another shape ("City of London Corporation") less " Corporation".
    """
    area = _KIND_AFTER.sub("", _KIND_BEFORE.sub("", name))
    return area.removesuffix(" Corporation")
