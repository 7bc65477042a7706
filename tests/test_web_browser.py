"""The web app in a real browser (headless Chromium from Debian), and axe's accessibility rules."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from drafting.read._docx import read_docx
from tests.conftest import ROOT
from tests.web_server import CHROMIUM, Server, sample_drafts
from tests.web_walk import (
    Answers,
    Turns,
    mouse_answer,
    press_enter_to_go,
    tab_to,
    walk_to_check,
)

#: Each walk starts the server and a browser: seconds each.
pytestmark = pytest.mark.slow

SCREENSHOT = ROOT / "docs" / "web-check-your-answers.png"
#: A new direction: a Commissioner, the Terms of Reference annex and the letter of intent; every
#: other question keeps what the interview fills in.
NEW_DIRECTION: dict[str, Any] = {
    "interview.documents": ["direction", "letter"],
    "council.name": "Kirklees Council",
    "council.leader.name": "Shabir Pandor",
    "secretary_of_state.pronoun": "he",
    "reports.add": Turns([True, False]),
    "reports.0.date": "25 November 2016",
    "reports.0.judgement": "inadequate",
    "reports.0.summary": "which found services for children in need of help to be inadequate",
    "date": "25 January 2018",
    "appointee.name": "Eleanor Brazil",
    "appointee.pronoun": "she",
    "annex.wanted": True,
    "signature.name": "Suzanne Lunn",
    "letter.date": "10 January 2018",
    "letter.paragraphs.1.with.considered": "the recent Ofsted report",
    "letter.paragraphs.1.with.purpose": "review the Council's children's services",
    "letter.signatories.0.name": "Rt Hon Damian Hinds MP",
}
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Chromium is not installed (make setup installs it)"
)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Debian's Chromium: browsers cannot be downloaded on these machines."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM}


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    return sample_drafts(tmp_path / "drafts")


@pytest.fixture
def server(drafts: Path) -> Iterator[Server]:
    running = Server(drafts)
    yield running
    if running.process.poll() is None:
        running.stop()


def assert_accessible(page: Page) -> None:
    """axe finds no WCAG 2.2 A or AA violation on the page as it is."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_A_AA}})
    assert results.violations_count == 0, results.generate_report()


def test_start_page_lists_drafts_and_is_accessible(page: Page, server: Server) -> None:
    page.goto(server.url)
    expect(page).to_have_title("Your drafts – Draft a statutory direction")
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(page.get_by_role("row", name="Kirklees Council Direction")).to_be_visible()
    expect(page.get_by_role("button", name="Start a new direction")).to_be_visible()
    expect(page.get_by_role("link", name="Start from a previous direction")).to_be_visible()
    font = page.locator("h1").evaluate("heading => getComputedStyle(heading).fontFamily")
    assert font == "arial, sans-serif"
    assert page.locator(".govuk-header__crown, .govuk-logo").count() == 0
    assert_accessible(page)


def test_preview_shows_word_numbering_and_is_accessible(page: Page, server: Server) -> None:
    page.goto(f"{server.url}/drafts/kirklees/preview")
    document = page.get_by_role("region", name="Preview of the direction")
    first = document.locator(".app-document__para").first
    expect(first.locator(".app-document__label")).to_have_text("1.")
    expect(document.get_by_text("Terms of Reference").first).to_be_visible()
    assert_accessible(page)


def test_error_pages_are_pages_and_accessible(page: Page, server: Server) -> None:
    response = page.goto(f"{server.url}/drafts/no-such-draft/preview")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    assert_accessible(page)


def test_docx_download_opens_in_python_docx(page: Page, server: Server) -> None:
    with page.expect_download() as download_info:
        page.evaluate(
            "url => { const a = document.createElement('a'); a.href = url; a.download = '';"
            " document.body.append(a); a.click(); }",
            f"{server.url}/drafts/kirklees/download/direction.docx",
        )
    download = download_info.value
    assert download.suggested_filename == "kirklees.docx"
    document = docx.Document(io.BytesIO(Path(download.path()).read_bytes()))
    assert any("Kirklees Council" in p.text for p in document.paragraphs)


def test_server_stops_cleanly_on_ctrl_c(server: Server) -> None:
    status, out, err = server.stop()
    assert status == 0
    assert "Drafting is running at http://127.0.0.1:" in out
    assert "Drafting has stopped" in out
    assert "Traceback" not in err


def start_new_direction(page: Page, server: Server) -> str:
    """From the start page, a new direction's task list; its draft id."""
    page.goto(server.url)
    page.get_by_role("button", name="Start a new direction").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your direction")
    return page.url.rsplit("/", 1)[1]


def download(page: Page, name: str) -> Path:
    """Click the download link called `name`; the file saved."""
    with page.expect_download() as download_info:
        page.get_by_role("link", name=name).click()
    return Path(download_info.value.path())


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def preview_labels(page: Page, kind: str) -> list[str]:
    preview = page.get_by_role("region", name=f"Preview of the {kind}")
    return preview.locator(".app-document__label").all_inner_texts()


def test_new_direction_from_start_page_to_docx(page: Page, server: Server, tmp_path: Path) -> None:
    start_new_direction(page, server)
    assert_accessible(page)  # the task list
    page.locator("a.govuk-task-list__link").first.click()
    assert_accessible(page)  # a question
    walk_to_check(page, Answers(NEW_DIRECTION))
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    assert_accessible(page)  # check your answers, with the preview
    page.set_viewport_size({"width": 1280, "height": 1400})
    page.screenshot(path=str(tmp_path / "check.png"), full_page=False)
    if os.environ.get("DRAFTING_UPDATE_SCREENSHOT"):
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(tmp_path / "check.png", SCREENSHOT)
    shown = preview_labels(page, "direction")

    direction = download(page, "Download the direction (Word)")
    text = docx_text(direction)
    assert "Kirklees Council" in text and "Eleanor Brazil" in text
    assert "as she may reasonably require" in text and "appears to her" in text
    assert " he may reasonably require" not in text and "appears to him" not in text
    assert "Terms of Reference" in text
    # The preview's numbering is Word's: the labels Word shows, read back from the .docx.
    assert [p.label for p in read_docx(direction) if p.role == "numbered"] == shown
    assert shown[0] == "1." and {"2.", "3.", "a.", "b."} <= set(shown)

    letter = docx_text(download(page, "Download the letter (Word)"))
    assert "Kirklees Council" in letter and "Dear" in letter
    assert "Rt Hon Damian Hinds MP" in letter


def test_new_direction_with_the_keyboard_only(page: Page, server: Server) -> None:
    page.goto(server.url)
    tab_to(page, page.get_by_role("button", name="Start a new direction"))
    press_enter_to_go(page)
    walk_to_check(page, Answers(NEW_DIRECTION), keyboard=True)
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    with page.expect_download() as download_info:
        tab_to(page, page.get_by_role("link", name="Download the direction (Word)"))
        page.keyboard.press("Enter")
    text = docx_text(Path(download_info.value.path()))
    assert "Kirklees Council" in text and "as she may reasonably require" in text


def test_an_error_is_shown_in_the_summary_and_corrected(page: Page, server: Server) -> None:
    draft_id = start_new_direction(page, server)
    walk_to_check(page, Answers({"interview.documents": ["direction"]}), stop_at="council.name")
    mouse_answer(page, "")  # the council left blank
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("There is a problem")
    expect(summary.get_by_role("link")).to_have_text("This needs an answer")
    expect(page.locator("#answer-error")).to_contain_text("This needs an answer")
    assert page.title().startswith("Error: ")
    assert_accessible(page)  # the error page
    summary.get_by_role("link").click()
    expect(page.locator("#answer")).to_be_focused()
    mouse_answer(page, "Kirklees Council")
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    saved = (server.folder / f"{draft_id}.yaml").read_text(encoding="utf-8")
    assert "Kirklees Council" in saved


def test_a_draft_resumed_after_the_server_restarts(page: Page, drafts: Path) -> None:
    first = Server(drafts)
    try:
        draft_id = start_new_direction(page, first)
        answers = Answers(NEW_DIRECTION)
        stopped_at = "council.leader.name"  # in the middle of the council's section
        walk_to_check(page, answers, stop_at=stopped_at)
    finally:
        status, _, _ = first.stop()
    assert status == 0
    second = Server(drafts)
    try:
        page.goto(second.url)
        page.get_by_role("link", name=re.compile(f"Continue .*{draft_id}")).click()
        tasks = page.locator(".govuk-task-list__item")
        expect(tasks.first).to_contain_text("Completed")
        expect(tasks.nth(1)).to_contain_text("In progress")
        tasks.nth(1).get_by_role("link").click()
        assert _question(page) == stopped_at
        walk_to_check(page, answers)
        expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    finally:
        second.stop()


def test_previous_direction_as_starting_point_and_an_answer_changed(
    page: Page, server: Server
) -> None:
    page.goto(server.url)
    page.get_by_role("link", name="Start from a previous direction").click()
    page.get_by_label(re.compile("Kirklees Council")).check()
    page.get_by_role("button", name="Continue").click()
    page.locator("a.govuk-task-list__link").first.click()
    walk_to_check(page, Answers({}))
    assert "Eleanor Brazil" in " ".join(preview_labels_text(page))
    row = page.locator(".govuk-summary-list__row", has_text="The appointee's name")
    row.get_by_role("link", name=re.compile("Change")).click()
    expect(page.locator("#answer")).to_have_value("Eleanor Brazil OBE")
    mouse_answer(page, "Jane Smith")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    expect(row.locator("dd").first).to_have_text("Jane Smith")
    preview = " ".join(preview_labels_text(page))
    assert "Jane Smith" in preview and "Eleanor Brazil" not in preview
    assert "Jane Smith" in docx_text(download(page, "Download the direction (Word)"))


def preview_labels_text(page: Page) -> list[str]:
    return page.locator(".app-document").all_inner_texts()


def _question(page: Page) -> str:
    found = page.locator("form[data-question]").get_attribute("data-question")
    assert found is not None
    return found


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_download_comes_from_the_kept_libreoffice(page: Page, server: Server) -> None:
    page.goto(f"{server.url}/drafts/kirklees/check")
    with page.expect_download(timeout=120_000) as download_info:
        page.get_by_role("link", name="as PDF").first.click()
    download = download_info.value
    assert download.suggested_filename == "kirklees.pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(download.path()).pages)
    assert "Kirklees Council" in text
    # The server keeps its LibreOffice (unoserver) running between conversions.
    assert server.process.poll() is None
    assert "unoserver" in _children(server.process.pid)


def _children(pid: int) -> str:
    listing = subprocess.run(["ps", "-eo", "pid,ppid,args"], capture_output=True, text=True)
    return "\n".join(line for line in listing.stdout.splitlines() if f" {pid} " in f" {line} ")
