"""PDFs fit to sign and publish: signature blocks on the page of the paragraph before them, with
room to sign above each name; tagged PDF/UA with its language, title and bookmarks.

The samples are rendered by LibreOffice once for the module and read back from their text
positions, as they would print.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pypdf import PdfReader

from drafting import Draft
from drafting.compare._diff import compare
from drafting.read._normalise import read_paragraphs
from drafting.read._readers import _page_lines, pdf_text
from drafting.render._pdf import render_pdfs
from drafting.render._word import render_docx, template_for
from tests.conftest import KIRKLEES, ROOT

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("soffice")]

NORFOLK = ROOT / "samples" / "norfolk-2016-08-05-direction.yaml"  # dated blank
LETTER = ROOT / "samples" / "northamptonshire-2018-11-13-letter.yaml"
#: Each sample and the names signed above.
SIGNERS = {
    KIRKLEES: ["SUZANNE LUNN"],
    NORFOLK: ["GRAHAM ARCHER"],
    LETTER: ["Rt Hon James Brokenshire MP", "Rt Hon Damian Hinds MP"],
}
POINTS_PER_CM = 72 / 2.54


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    """Each sample's PDF, all made in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("pdfs")
    documents = {spec.stem: render_docx(Draft.from_file(spec)) for spec in SIGNERS}
    written = {}
    for name, data in render_pdfs(documents).items():
        written[ROOT / "samples" / f"{name}.yaml"] = folder / f"{name}.pdf"
        (folder / f"{name}.pdf").write_bytes(data)
    return written


def lines(pdf: Path) -> Iterator[tuple[int, Any]]:
    """(page number, line) for every line of the PDF, top to bottom."""
    for number, page in enumerate(PdfReader(pdf).pages, start=1):
        for line in _page_lines(page):
            yield number, line


@pytest.mark.parametrize("spec", list(SIGNERS), ids=lambda p: p.stem)
def test_signature_block_shares_its_page_and_has_room_to_sign(
    spec: Path, pdfs: dict[Path, Path]
) -> None:
    found = list(lines(pdfs[spec]))
    for name in SIGNERS[spec]:
        index = next(i for i, (_, line) in enumerate(found) if line.text == name)
        page, line = found[index]
        before_page, before = found[index - 1]
        assert before_page == page, f"{name} begins page {page}"
        room = before.y - line.y - line.size  # from the line above down to the name's top
        assert room >= 1.5 * POINTS_PER_CM, f"only {room / POINTS_PER_CM:.2f} cm above {name}"
        # The block begins right after body text on the same page: find that paragraph's line.
        start = index - 1
        while found[start][1].text.startswith(("Signed", "Rt Hon", "Secretary of State", "Comm")):
            start -= 1
        assert found[start][0] == page, f"the paragraph before {name}'s block is on another page"
        assert found[start][1].text.endswith((".", ":")), found[start][1].text


def test_a_blank_date_is_a_form_to_fill(pdfs: dict[Path, Path]) -> None:
    texts = [line.text for _, line in lines(pdfs[NORFOLK])]
    assert "Dated this ____ day of ____________ 20__" in texts


def test_the_letter_has_no_page_number_on_its_first_page(pdfs: dict[Path, Path]) -> None:
    pages = PdfReader(pdfs[LETTER]).pages
    assert len(pages) >= 2
    bottoms = [_page_lines(page)[-1].text for page in pages]
    assert not bottoms[0].isdigit()
    assert bottoms[1:] == [str(n) for n in range(2, len(pages) + 1)]


def test_the_title_keeps_the_act_on_one_line(pdfs: dict[Path, Path]) -> None:
    first = [line.text for line in _page_lines(PdfReader(pdfs[KIRKLEES]).pages[0])]
    title_lines = first[: first.index("WHEREAS:")]
    assert title_lines[-1].endswith("EDUCATION ACT 1996"), title_lines


@pytest.mark.parametrize("spec", list(SIGNERS), ids=lambda p: p.stem)
def test_pdf_is_tagged_pdf_ua_in_english_with_its_title(spec: Path, pdfs: dict[Path, Path]) -> None:
    with pikepdf.open(pdfs[spec]) as pdf:
        root = pdf.Root
        assert bool(root.MarkInfo.Marked)
        assert "/StructTreeRoot" in root
        assert str(root.Lang) == "en-GB"
        assert bool(root.ViewerPreferences.DisplayDocTitle)
        title = str(pdf.docinfo.Title)
        assert title == Draft.from_file(spec).get().document.title
        with pdf.open_metadata() as metadata:
            assert metadata.get("pdfuaid:part") == "1"
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                descriptor = descendant.FontDescriptor
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        if spec != LETTER:  # a direction's headings are its bookmarks
            assert "/Outlines" in root and root.Outlines.Count != 0


def restyled(template: Path, folder: Path, font: str, half_points: int) -> Path:
    """The template with its body font and size changed, as a drafter might in Word."""
    with zipfile.ZipFile(template) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    styles = parts["word/styles.xml"].decode("utf-8")
    styles = styles.replace('"Arial"', f'"{font}"')
    size = f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
    styles = styles.replace('<w:sz w:val="24"/><w:szCs w:val="24"/>', size, 1)  # the defaults
    parts["word/styles.xml"] = styles.encode("utf-8")
    path = folder / f"restyled-{template.name}"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_a_restyled_template_reads_back_as_the_text(tmp_path: Path) -> None:
    specs = [KIRKLEES, NORFOLK, LETTER]
    drafts = [Draft.from_file(spec) for spec in specs]
    documents = {
        spec.stem: render_docx(
            draft,
            template=restyled(template_for(draft.get().kind), tmp_path, "Times New Roman", 26),
        )
        for spec, draft in zip(specs, drafts, strict=True)
    }
    with zipfile.ZipFile(io.BytesIO(documents[KIRKLEES.stem])) as archive:
        assert '<w:sz w:val="26"/>' in archive.read("word/styles.xml").decode("utf-8")
    for (name, data), draft in zip(render_pdfs(documents).items(), drafts, strict=True):
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(data)
        comparison = compare(read_paragraphs(draft.text), read_paragraphs(pdf_text(pdf)))
        assert comparison.differences == [], name
