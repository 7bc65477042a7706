"""The one place the wizard asks anything at the terminal: an `Ask` in, what was typed out.

questionary is imported only when the wizard asks (prompt_toolkit is slow to import and `build`
must not pay for it).  Tests of the whole program drive it in a real terminal (pexpect); tests
of the presenter give it a scripted `Prompter` instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

Kind = Literal["text", "select", "checkbox"]


@dataclass(frozen=True)
class Option:
    """One option of a select or checkbox prompt."""

    title: str
    value: Any
    checked: bool = False


@dataclass(frozen=True)
class Ask:
    """A prompt: its kind, what it says, its default, options, and completions for text."""

    kind: Kind
    message: str
    default: Any = None
    options: Sequence[Option] = ()
    completions: Sequence[str] = ()


class Prompter(Protocol):
    """Something that answers prompts: a person at a terminal, or a test script."""

    def ask(self, prompt: Ask) -> Any:
        """The answer; KeyboardInterrupt if the person stops (Ctrl-C)."""
        ...


class TerminalPrompter:
    """Prompts at the terminal with questionary."""

    def ask(self, prompt: Ask) -> Any:
        """Ask once; Ctrl-C or Ctrl-D raise KeyboardInterrupt (the answers so far are saved)."""
        import questionary

        if prompt.kind == "select":
            options = [questionary.Choice(o.title, o.value) for o in prompt.options]
            default = next((o for o in options if o.value == prompt.default), None)
            question = questionary.select(prompt.message, choices=options, default=default)
        elif prompt.kind == "checkbox":
            options = [
                questionary.Choice(o.title, o.value, checked=o.checked) for o in prompt.options
            ]
            question = questionary.checkbox(prompt.message, choices=options)
        elif prompt.completions:
            question = questionary.autocomplete(
                prompt.message,
                choices=list(prompt.completions),
                default=str(prompt.default or ""),
                match_middle=True,
            )
        else:
            question = questionary.text(prompt.message, default=str(prompt.default or ""))
        try:
            return question.unsafe_ask()
        except EOFError:
            raise KeyboardInterrupt from None
