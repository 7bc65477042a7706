"""A drafter walking the web app's interview in the browser, by mouse or by keyboard alone.

The walk answers whatever question page it is on from a table of answers by question id (the
id is the last part of the page's address), accepts what is filled in for any other question,
and goes on from the task list to the next section until it reaches check your answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Page, expect

Answer = str | bool | list[str] | None
MAX_PAGES = 400
KEEP: Any = object()  # an answer that accepts what the page has filled in


@dataclass
class Answers:
    """Answers by question id; a question asked several times takes its answers in turn."""

    given: Mapping[str, Any]
    asked: dict[str, int] = field(default_factory=dict)

    def next(self, question_id: str) -> Any:
        """The answer to give to the question (`KEEP` when the table has none)."""
        if question_id not in self.given:
            return KEEP
        value = self.given[question_id]
        if isinstance(value, Turns):
            index = self.asked.get(question_id, 0)
            self.asked[question_id] = index + 1
            return value[min(index, len(value) - 1)]
        return value


class Turns(list[Answer]):
    """The answers to a question asked more than once (e.g. "add another report?")."""


def question_id(page: Page) -> str | None:
    """The id of the question on the page open, or None for any other page."""
    form = page.locator("form[data-question]")
    return form.get_attribute("data-question") if form.count() else None


def walk_to_check(
    page: Page, answers: Answers, keyboard: bool = False, stop_at: str | None = None
) -> list[str]:
    """Answer questions until check your answers (or question `stop_at`); the ids answered."""
    seen: list[str] = []
    for _ in range(MAX_PAGES):
        if page.url.split("?")[0].endswith("/check"):
            return seen
        asked = question_id(page)
        if asked is not None and asked == stop_at:
            return seen
        if asked is None:
            _next_section(page, keyboard)
            continue
        value = answers.next(asked)
        if keyboard:
            keyboard_answer(page, value)
        else:
            mouse_answer(page, value)
        page.wait_for_load_state()
        if page.locator(".govuk-error-summary").count():
            summary = page.locator(".govuk-error-summary").inner_text()
            raise AssertionError(f"{asked}: the answer {value!r} was refused: {summary}")
        seen.append(asked)
    raise AssertionError(f"check your answers was not reached: {seen[-12:]}")


def _next_section(page: Page, keyboard: bool) -> None:
    links = page.locator("a.govuk-task-list__link[href*='/questions/']")
    target = links.first if links.count() else page.get_by_role("link", name="Check your answers")
    if target.count() == 0:
        target = page.get_by_role("button", name="Check your answers")
    if keyboard:
        tab_to(page, target)
        press_enter_to_go(page)
    else:
        target.first.click()
    page.wait_for_load_state()


def mouse_answer(page: Page, value: Any) -> None:
    """Answer the question on the page by pointing and clicking, then save."""
    if value is not KEEP:
        field_kind = _kind(page)
        if field_kind in ("text", "textarea"):
            text = "\n".join(value) if isinstance(value, list) else str(value or "")
            page.locator("#answer").fill(text)
        elif field_kind == "radio":
            page.locator(f"input[name=answer][value='{_choice(value)}']").check()
        elif field_kind == "checkbox":
            for box in page.locator("input[name=answer]").all():
                box.set_checked(box.get_attribute("value") in value)
    if page.locator("input[name=confirm]").count():
        page.locator("input[name=confirm]").check()
    page.get_by_role("button", name="Save and continue").click()


def keyboard_answer(page: Page, value: Any) -> None:
    """Answer the question on the page with the keyboard alone, then save."""
    if value is not KEEP:
        field_kind = _kind(page)
        if field_kind in ("text", "textarea"):
            tab_to(page, page.locator("#answer"))
            page.keyboard.press("Control+A")
            page.keyboard.press("Delete")
            text = "\n".join(value) if isinstance(value, list) else str(value or "")
            page.keyboard.type(text)
        elif field_kind == "radio":
            _keyboard_radio(page, _choice(value))
        elif field_kind == "checkbox":
            for box in page.locator("input[name=answer]").all():
                if box.is_checked() != (box.get_attribute("value") in value):
                    tab_to(page, box)
                    page.keyboard.press("Space")
    if page.locator("input[name=confirm]").count():
        tab_to(page, page.locator("input[name=confirm]"))
        page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Save and continue"))
    press_enter_to_go(page)


def _keyboard_radio(page: Page, wanted: str) -> None:
    radios = page.locator("input[name=answer]")
    tab_to(page, radios)
    if not radios.evaluate_all("rs => rs.some(r => r.checked)"):
        page.keyboard.press("Space")  # the first, focused, becomes chosen; arrows move on
    for _ in range(radios.count()):
        if page.evaluate("document.activeElement.value") == wanted:
            break
        page.keyboard.press("ArrowDown")
    expect(page.locator(f"input[name=answer][value='{wanted}']")).to_be_checked()


def press_enter_to_go(page: Page) -> None:
    """Press Enter on a link or button, and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def tab_to(page: Page, target: Any, presses: int = 300) -> None:
    """Press Tab until the focus is on `target` (any element the locator matches)."""
    for _ in range(presses):
        if target.evaluate_all("els => els.includes(document.activeElement)"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target}")


def _kind(page: Page) -> str:
    field_element = page.locator("[name=answer]").first
    tag = field_element.evaluate("el => el.tagName.toLowerCase()")
    if tag == "textarea":
        return "textarea"
    kind = field_element.get_attribute("type") or "text"
    return kind if kind in ("radio", "checkbox") else "text"


def _choice(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
