"""The one place the wizard asks anything: a `Question` in, an answer out.

The real `Prompter` uses questionary (imported only when the wizard runs: prompt_toolkit is slow
to import and `build` must not pay for it).  Tests give the wizard a scripted prompter instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

Kind = Literal["text", "select", "checkbox", "confirm"]


@dataclass(frozen=True)
class Choice:
    """One option of a select or checkbox question."""

    title: str
    value: Any
    checked: bool = False


@dataclass(frozen=True)
class Question:
    """A question: the key of its answer, its kind, what it says, its default and its rules."""

    key: str
    kind: Kind
    message: str
    default: Any = None
    choices: Sequence[Choice] = ()
    validate: Callable[[str], str | None] | None = None
    completions: Sequence[str] = field(default_factory=tuple)


class Prompter(Protocol):
    """Something that answers questions: a person at a terminal, or a test script."""

    def ask(self, question: Question) -> Any:
        """The answer to `question`; KeyboardInterrupt if the person stops."""
        ...


class TerminalPrompter:
    """Questions asked at the terminal with questionary."""

    def ask(self, question: Question) -> Any:
        """Ask one question; Ctrl-C raises KeyboardInterrupt (the answers so far are saved)."""
        import questionary

        validate = question.validate

        def check(text: str) -> bool | str:
            error = validate(text) if validate else None
            return True if error is None else error

        if question.kind == "confirm":
            prompt = questionary.confirm(question.message, default=bool(question.default))
        elif question.kind == "select":
            choices = [questionary.Choice(c.title, c.value) for c in question.choices]
            default = next((c for c in choices if c.value == question.default), None)
            prompt = questionary.select(question.message, choices=choices, default=default)
        elif question.kind == "checkbox":
            choices = [
                questionary.Choice(c.title, c.value, checked=c.checked) for c in question.choices
            ]
            prompt = questionary.checkbox(question.message, choices=choices)
        elif question.completions:
            prompt = questionary.autocomplete(
                question.message,
                choices=list(question.completions),
                default=str(question.default or ""),
                validate=check,
                match_middle=True,
            )
        else:
            prompt = questionary.text(
                question.message, default=str(question.default or ""), validate=check
            )
        return prompt.unsafe_ask()
