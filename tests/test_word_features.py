"""Word documents that behave as a drafter expects in Word: cross-references that renumber, List
Number styles that number, a letter's first page without a number, and valid packages of every
kind (the redline included)."""

from __future__ import annotations

import copy
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from openxml_audit import OpenXmlValidator

from drafting import Draft
from drafting.render._pdf import libreoffice
from drafting.render._word import render_docx
from tests.conftest import KIRKLEES, ROOT, Result, load_sample

LETTER = ROOT / "samples" / "northamptonshire-2018-11-13-letter.yaml"
NORFOLK = ROOT / "samples" / "norfolk-2016-08-05-direction.yaml"


def updated_by_libreoffice(path: Path, folder: Path) -> Path:
    """The document opened in LibreOffice (which recomputes its fields) and saved as .docx."""
    command = libreoffice()
    assert command is not None
    profile = (folder / "profile").as_uri()
    arguments = [command, f"-env:UserInstallation={profile}", "--headless", "--convert-to"]
    subprocess.run(
        [*arguments, "docx", "--outdir", str(folder / "updated"), str(path)],
        capture_output=True,
        check=True,
        timeout=300,
    )
    return folder / "updated" / path.name


def test_a_cross_reference_is_a_field_with_the_label_as_its_result(tmp_path: Path) -> None:
    path = tmp_path / "kirklees.docx"
    path.write_bytes(render_docx(Draft.from_file(KIRKLEES)))
    paragraphs = docx.Document(str(path)).paragraphs
    (reference,) = [p for p in paragraphs if "paragraph a. above" in p.text]
    assert " REF _Ref" in reference._p.xml and "fldChar" in reference._p.xml
    name = reference._p.xml.split(" REF ", 1)[1].split()[0]
    (target,) = [p for p in paragraphs if f'w:name="{name}"' in p._p.xml]
    assert target.text.startswith("social services functions, as defined")


@pytest.mark.slow
def test_inserting_a_paragraph_renumbers_the_reference(tmp_path: Path, soffice: None) -> None:
    path = tmp_path / "kirklees.docx"
    path.write_bytes(render_docx(Draft.from_file(KIRKLEES)))
    document = docx.Document(str(path))
    referred = next(p for p in document.paragraphs if "bookmarkStart" in p._p.xml)
    inserted = referred.insert_paragraph_before("the functions inserted by the drafter;")
    assert referred._p.pPr is not None
    inserted._p.insert(0, copy.deepcopy(referred._p.pPr))  # the same list and level: now "a."
    edited = tmp_path / "edited.docx"
    document.save(str(edited))
    texts = [
        p.text for p in docx.Document(str(updated_by_libreoffice(edited, tmp_path))).paragraphs
    ]
    assert any("(so far as not falling within paragraph b. above)" in text for text in texts)
    assert not any("paragraph a. above" in text for text in texts)


def test_list_number_styles_are_linked_to_the_numbering(tmp_path: Path) -> None:
    path = tmp_path / "kirklees.docx"
    path.write_bytes(render_docx(Draft.from_file(KIRKLEES)))
    styles = docx.Document(str(path)).styles
    with zipfile.ZipFile(path) as archive:
        numbering = archive.read("word/numbering.xml").decode("utf-8")
    for level, name in enumerate(["List Number", "List Number 2", "List Number 3"]):
        properties = styles[name].element.pPr
        assert properties is not None and properties.numPr is not None
        assert properties.numPr.ilvl.val == level
        assert properties.numPr.numId.val == 1  # "Direction paragraphs 1. a. i."
        assert f'<w:pStyle w:val="{styles[name].style_id}"/>' in numbering
    for name in ["Title", "heading 1", "heading 2"]:
        fonts = styles[name].element.rPr.rFonts
        assert fonts is not None and fonts.get(qn("w:ascii")) == "Arial"


def test_a_letters_first_page_has_a_footer_without_a_number(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    path.write_bytes(render_docx(Draft.from_file(LETTER)))
    section = docx.Document(str(path)).sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" not in section.first_page_footer._element.xml
    assert "PAGE" in section.footer._element.xml


@pytest.mark.parametrize(
    "spec", [KIRKLEES, NORFOLK, LETTER], ids=["direction", "blank-date", "letter"]
)
def test_every_kind_of_document_is_valid(spec: Path, tmp_path: Path) -> None:
    path = tmp_path / "document.docx"
    path.write_bytes(render_docx(Draft.from_file(spec)))
    assert OpenXmlValidator().validate(str(path)).errors == []


def test_the_redline_is_valid(run: Callable[..., Result], tmp_path: Path) -> None:
    older = tmp_path / "older.txt"
    older.write_text("1. A short direction.\n2. With a second paragraph.\n", "utf-8")
    redline = tmp_path / "redline.docx"
    run("diff", older, KIRKLEES, "--redline", redline)
    assert OpenXmlValidator().validate(str(redline)).errors == []


def test_the_redline_is_signed_by_its_author_on_the_newer_documents_date(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    older = tmp_path / "older.txt"
    older.write_text(Draft.from_file(KIRKLEES).text.replace("Kirklees", "Calderdale", 1), "utf-8")
    redline = tmp_path / "redline.docx"
    run("diff", older, KIRKLEES, "--redline", redline, "--author", "Legal Adviser")
    with zipfile.ZipFile(redline) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert 'w:author="Legal Adviser" w:date="2018-01-25T00:00:00Z"' in xml
    first = docx.Document(str(redline)).paragraphs[0]
    assert first.style is not None and first.style.name == "Title"


def test_the_redline_is_the_newer_direction_in_house_style_with_real_numbering(
    run: Callable[..., Result], write_spec: Callable[..., Path], tmp_path: Path
) -> None:
    data = load_sample()
    del data["recitals"][4]  # the older direction has no appointment recital ...
    items = data["operative"]["paragraphs"][0]["items"]
    items[1], items[3] = items[3], items[1]  # ... and two of its items the other way round
    older = write_spec(data, "older.yaml")
    redline = tmp_path / "redline.docx"
    assert run("diff", older, KIRKLEES, "--redline", redline).code == 1
    document = docx.Document(str(redline))
    with zipfile.ZipFile(redline) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    styles = [p.style.name for p in document.paragraphs if p.style is not None]
    assert styles[:2] == ["Title", "Heading 1"]
    assert {"List Number", "List Number 2", "List Number 3"} <= set(styles)
    assert xml.count("<w:numPr>") > 30  # real numbering: no label is typed ...
    assert "7.\t" not in xml and "6.\t" not in xml  # ... so a renumbered one needs no change
    assert "<w:moveFrom " in xml and "<w:moveTo " in xml and "moveFromRangeStart" in xml
    assert OpenXmlValidator().validate(str(redline)).errors == []
    # Accept all: the newer direction, labels as Word numbers them; reject all: the older.
    assert run("diff", redline, KIRKLEES).code == 0
    assert run("diff", redline, older, "--before-changes").code == 0
