"""A drafter at a real terminal (80×24): the `drafting` program driven through a pseudo-terminal.

`Terminal.run` waits until the screen is quiet, reads the last question asked, and answers it
with the keys given for its label (the next of them, for a label asked more than once), or Enter.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import pexpect

UP, DOWN, SPACE, ENTER, CLEAR = "\x1b[A", "\x1b[B", " ", "\r", "\x15"  # CLEAR: Ctrl-U
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]")
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f]")  # all but the line feed
_START = re.compile(r"^\? [A-Z«]", re.MULTILINE)  # a question's first line
_QUESTION = re.compile(r"\? ([A-Z«][^\n\r]*?)(?:  |\(Use|$)", re.MULTILINE)


def screen_text(raw: str) -> str:
    """What was shown, without the terminal's control codes."""
    return _CONTROLS.sub("", _ESCAPES.sub("", raw))


class Terminal:
    """The `drafting` command at an 80×24 terminal."""

    def __init__(self, args: Sequence[str | Path], cwd: Path) -> None:
        command = Path(sys.executable).with_name("drafting")
        self.child = pexpect.spawn(
            str(command),
            [str(a) for a in args],
            cwd=str(cwd),
            env={**os.environ, "TERM": "xterm", "COLUMNS": "80", "LINES": "24"},
            encoding="utf-8",
            timeout=30,
            dimensions=(24, 80),
        )
        self.shown = ""  # everything shown so far, control codes removed
        self.asked: list[str] = []  # each question's label, as answered

    def quiet(self, wait: float = 0.3) -> str:
        """Read until nothing more is shown for `wait` seconds; what was shown (codes removed,
        backspaces kept: a prompt still being drawn ends with one)."""
        text = ""
        while True:
            index = self.child.expect([r"[\s\S]+", pexpect.TIMEOUT, pexpect.EOF], timeout=wait)
            if index != 0:
                break
            text += str(self.child.after)
        self.shown += screen_text(text)
        return _ESCAPES.sub("", text).replace("\r", "")

    def question(self) -> str | None:
        """The label of the question on screen now (None once the program has ended)."""
        text = ""
        for _ in range(100):
            text += self.quiet()
            starts = [m.start() for m in _START.finditer(text)]
            start = starts[-1] if starts else -1
            rest = text[start:]
            # A question still waiting for its answer: a choice (its hint shown), or a line
            # being typed (not ended).  An answered one is echoed as a line of its own.
            live = start >= 0 and ("(Use arrow keys" in rest or not rest.endswith("\n"))
            labels = _QUESTION.findall(rest)
            if live and labels:
                return str(labels[-1]).strip()
            if not self.child.isalive():
                return None
        raise AssertionError(f"no question shown; last shown:\n{self.shown[-2000:]}")

    def run(self, keys: dict[str, list[str]], until: str | None = None, limit: int = 400) -> None:
        """Answer questions: `keys[label]` (by the start of the label) in turn, else Enter."""
        for _ in range(limit):
            label = self.question()
            if label is None or (until is not None and label.startswith(until)):
                return
            self.asked.append(label)
            for start, answers in keys.items():
                if label.startswith(start) and answers:
                    self.child.send(answers.pop(0))
                    break
            else:
                self.child.send(ENTER)
        raise AssertionError(f"still asking after {limit} answers: {self.asked[-5:]}")

    def send(self, keys: str) -> None:
        """Type keys."""
        self.child.send(keys)

    def end(self) -> int:
        """Wait for the program to end; its exit status."""
        self.child.expect(pexpect.EOF, timeout=60)
        self.shown += screen_text(str(self.child.before))
        self.child.close()
        return int(self.child.exitstatus if self.child.exitstatus is not None else -1)
