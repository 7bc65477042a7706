"""The drafts folder: answers files named by draft id, listed for the start page.

In: the folder given to `drafting serve` and draft ids taken from URLs.  Out: the answers file of
a draft (`<id>.yaml` in the folder) and a summary of each draft for the start page.  A draft id is
a short lower-case name (`kirklees-2018`); an id of any other shape is refused before it comes
near a path, and a draft is found only among the files the folder holds, so a URL can never name
a file outside it.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml
from starlette.exceptions import HTTPException

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
SUFFIX = ".yaml"


@dataclass(frozen=True)
class DraftSummary:
    """What the start page shows of a draft."""

    id: str
    council: str
    kind: str
    changed: datetime


def valid_id(draft_id: str) -> bool:
    """Whether `draft_id` has the shape of a draft id."""
    return ID_PATTERN.fullmatch(draft_id) is not None


class DraftsFolder:
    """The answers files in one folder (created when the first draft is started)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # Summaries by draft, kept while the answers file is unchanged: the start page lists
        # every draft, and reading every answers file for each visit would cost the most.
        self._summaries: dict[str, tuple[tuple[int, int], DraftSummary]] = {}

    def ids(self) -> list[str]:
        """The ids of the drafts in the folder, most recently changed first."""
        if not self.folder.is_dir():
            return []
        files = [
            path
            for path in self.folder.glob(f"*{SUFFIX}")
            if path.is_file() and valid_id(path.stem)
        ]
        files.sort(key=lambda path: path.stat().st_mtime, reverse=True)
        return [path.stem for path in files]

    def path(self, draft_id: str) -> Path:
        """The answers file of an existing draft; a 404 `HTTPException` for any other id."""
        if not valid_id(draft_id):
            raise HTTPException(404, f"There is no draft called '{draft_id}'.")
        path = self.folder / f"{draft_id}{SUFFIX}"
        if not path.is_file():
            raise HTTPException(404, f"There is no draft called '{draft_id}'.")
        return path

    def new_path(self, stem: str = "direction") -> tuple[str, Path]:
        """A fresh id and answers path for a new draft (the file is not created here)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        base = re.sub(r"[^a-z0-9-]+", "-", stem.lower()).strip("-")[:40] or "direction"
        while True:
            draft_id = f"{base}-{datetime.now():%Y%m%d}-{secrets.token_hex(2)}"
            path = self.folder / f"{draft_id}{SUFFIX}"
            if not path.exists():
                return draft_id, path

    def summaries(self) -> list[DraftSummary]:
        """A summary of every draft, most recently changed first."""
        return [self.summary(draft_id) for draft_id in self.ids()]

    def summary(self, draft_id: str) -> DraftSummary:
        """The council, the documents and the time of last change of a draft."""
        path = self.path(draft_id)
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        kept = self._summaries.get(draft_id)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        answers = _read_answers(path)
        council = answers.get("council")
        name = council.get("name") if isinstance(council, dict) else None
        summary = DraftSummary(
            draft_id,
            name if isinstance(name, str) and name.strip() else "Council not chosen yet",
            _documents(answers),
            datetime.fromtimestamp(stat.st_mtime),
        )
        self._summaries[draft_id] = (stamp, summary)
        return summary


def _read_answers(path: Path) -> dict[str, object]:
    # The start page must list a draft even when its answers are half given or hand-edited
    # into the wrong shape: the interview reports such problems when the draft is opened.
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _documents(answers: dict[str, object]) -> str:
    # The interview notes the documents chosen in its own section of the answers file; a spec
    # written by hand shows them by its parts.
    interview = answers.get("interview")
    chosen = interview.get("documents") if isinstance(interview, dict) else None
    if isinstance(chosen, list) and chosen:
        direction, letter = "direction" in chosen, "letter" in chosen
    else:
        direction = any(key in answers for key in ("recitals", "operative"))
        letter = "letter" in answers
    if direction and letter:
        return "Direction and letter"
    if letter:
        return "Letter"
    return "Direction"
