"""The web app in a real browser (headless Chromium from Debian), and axe's accessibility rules."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.conftest import KIRKLEES, ROOT
from tests.web_server import CHROMIUM, Server

LETTER = ROOT / "samples" / "northamptonshire-2018-11-13-letter.yaml"
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
    folder = tmp_path / "drafts"
    folder.mkdir()
    shutil.copyfile(KIRKLEES, folder / "kirklees.yaml")
    shutil.copyfile(LETTER, folder / "northants.yaml")
    return folder


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
