"""The web app's pages and safety, through HTTP as a browser sends it (no browser needed)."""

from __future__ import annotations

import io
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import docx
import pytest
from starlette.testclient import TestClient

from tests.conftest import KIRKLEES, ROOT
from tests.web_server import free_port, sample_drafts

if TYPE_CHECKING:  # mypy sees the source folder; at run time it is installed as drafting.web
    from web import create_app
else:
    from drafting.web import create_app


class NoOffice:
    """No kept LibreOffice for these tests (the browser tests start the real one)."""

    installed = False

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    return sample_drafts(tmp_path / "drafts")


@pytest.fixture
def client(drafts: Path) -> Iterator[TestClient]:
    app = create_app(drafts, NoOffice())  # type: ignore[arg-type]
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def token(client: TestClient) -> str:
    page = client.get("/")
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert found, "the start page has no CSRF field"
    return found.group(1)


def test_start_page_lists_the_drafts_with_council_and_documents(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.text))
    assert "Kirklees Council Direction" in text
    assert "Northamptonshire County Council Letter" in text
    assert 'href="/drafts/kirklees"' in page.text
    assert "Start a new direction" in text and "Start from a previous direction" in text


def test_unknown_and_malformed_draft_ids_are_404_pages(client: TestClient) -> None:
    for url in [
        "/drafts/nobody/preview",
        "/drafts/..%2F..%2Fetc%2Fpasswd/preview",
        "/drafts/Kirklees/preview",
        "/drafts/kirklees.yaml/preview",
        "/no-such-page",
    ]:
        page = client.get(url)
        assert page.status_code == 404, url
        assert "Page not found" in page.text
        assert "Traceback" not in page.text


def test_posts_without_the_csrf_token_are_refused(client: TestClient, drafts: Path) -> None:
    before = sorted(drafts.iterdir())
    page = client.post("/drafts", data={"csrf_token": "forged"})
    assert page.status_code == 403
    assert "This form was not accepted" in page.text
    page = client.post(
        "/drafts", data={"csrf_token": token(client)}, headers={"origin": "http://evil.example"}
    )
    assert page.status_code == 403
    assert sorted(drafts.iterdir()) == before


def test_a_new_draft_is_an_answers_file_in_the_folder(client: TestClient, drafts: Path) -> None:
    page = client.post("/drafts", data={"csrf_token": token(client)}, follow_redirects=False)
    assert page.status_code == 303
    draft_id = page.headers["location"].rsplit("/", 1)[1]
    assert (drafts / f"{draft_id}.yaml").is_file()


def test_an_upload_over_the_limit_is_refused(client: TestClient, drafts: Path) -> None:
    big = io.BytesIO(b"x" * (11 * 1024 * 1024))
    page = client.post(
        "/previous", data={"csrf_token": token(client)}, files={"file": ("big.yaml", big)}
    )
    assert page.status_code == 413
    assert "The file is too large" in page.text
    assert len(list(drafts.iterdir())) == 2


def test_a_bad_form_is_a_400_page_with_the_message(client: TestClient) -> None:
    page = client.post("/previous", data={"csrf_token": token(client)})
    assert page.status_code == 400
    assert "Choose a draft, or choose a file to upload" in page.text
    assert "govuk-error-summary" in page.text
    page = client.post(
        "/previous",
        data={"csrf_token": token(client)},
        files={"file": ("notes.exe", io.BytesIO(b"MZ"))},
    )
    assert page.status_code == 400
    assert (
        "The file must be a PDF or a Word document (.docx) or a spec (.yaml) or a text file"
        in page.text
    )


def test_what_the_user_typed_is_escaped(client: TestClient, drafts: Path) -> None:
    spec = KIRKLEES.read_text(encoding="utf-8").replace(
        "name: Kirklees Council", "name: <script>alert(1)</script> Council"
    )
    (drafts / "kirklees.yaml").write_text(spec, encoding="utf-8")
    page = client.get("/")
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_preview_numbers_paragraphs_as_word_does(client: TestClient) -> None:
    page = client.get("/drafts/kirklees/preview")
    assert page.status_code == 200
    labels = re.findall(r'app-document__label">([^<]+)<', page.text)
    assert labels[:3] == ["1.", "2.", "3."]
    assert "a." in labels and "i." in labels
    assert "Terms of Reference" in page.text


def test_docx_download_is_the_direction(client: TestClient) -> None:
    page = client.get("/drafts/kirklees/download/direction.docx")
    assert page.status_code == 200
    assert page.headers["content-disposition"] == 'attachment; filename="kirklees.docx"'
    document = docx.Document(io.BytesIO(page.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Kirklees Council" in text
    assert client.get("/drafts/kirklees/download/letter.docx").status_code == 404
    assert client.get("/drafts/kirklees/download/direction.exe").status_code == 404


def test_an_unfinished_draft_is_a_400_page_not_a_traceback(
    client: TestClient, drafts: Path
) -> None:
    (drafts / "half.yaml").write_text("council: {name: 5\n", encoding="utf-8")
    page = client.get("/drafts/half/download/direction.docx")
    assert page.status_code == 400
    assert "half.yaml" in page.text
    assert "Traceback" not in page.text


def test_redline_against_an_earlier_draft(client: TestClient, drafts: Path) -> None:
    earlier = KIRKLEES.read_text(encoding="utf-8").replace("Eleanor Brazil", "Jane Smith")
    (drafts / "earlier.yaml").write_text(earlier, encoding="utf-8")
    page = client.post(
        "/drafts/kirklees/redline", data={"csrf_token": token(client), "earlier": "earlier"}
    )
    assert page.status_code == 200
    assert page.headers["content-disposition"] == 'attachment; filename="kirklees-redline.docx"'
    body = zipfile.ZipFile(io.BytesIO(page.content)).read("word/document.xml").decode()
    assert "<w:del " in body and "<w:ins " in body
    assert "Jane Smith" in body and "Eleanor Brazil" in body


def test_import_drafting_does_not_import_the_web_framework() -> None:
    code = "import sys, drafting; print(any(m.split('.')[0] in ('starlette', 'uvicorn', "
    code += "'govuk_frontend_jinja', 'multipart') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False"


def test_serve_warns_when_listening_beyond_this_computer(drafts: Path) -> None:
    port = free_port()
    command = [sys.executable, "-m", "drafting.cli", "serve", str(drafts), "--host", "0.0.0.0"]
    process = subprocess.Popen(
        [*command, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).close()
                break
            except OSError:
                time.sleep(0.1)
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0
    assert f"Drafting is running at http://0.0.0.0:{port}/" in out
    assert "drafting: warning: listening on 0.0.0.0, not only this computer" in err


def test_serve_on_a_port_in_use_is_a_one_line_error(drafts: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "drafting.cli", "serve", str(drafts), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert (
        result.stderr
        == f"drafting: error: cannot listen on 127.0.0.1:{port}: Address already in use\n"
    )


def test_a_published_direction_is_imported_as_the_starting_point(
    client: TestClient, drafts: Path
) -> None:
    published = ROOT / "samples" / "published" / "kirklees-2018-01-25-direction.txt"
    page = client.post(
        "/previous",
        data={"csrf_token": token(client)},
        files={"file": ("kirklees-2018.txt", published.read_bytes())},
        follow_redirects=False,
    )
    assert page.status_code == 303
    draft_id = page.headers["location"].rsplit("/", 1)[1]
    assert draft_id.startswith("kirklees-2018-")
    answers = (drafts / f"{draft_id}.yaml").read_text(encoding="utf-8")
    assert "Kirklees Council" in answers and "Eleanor Brazil" in answers
    assert "Your direction" in client.get(page.headers["location"]).text
