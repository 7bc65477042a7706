"""The .docx is valid OOXML, numbered by Word itself, styled and described for accessibility."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree
from openxml_audit import OpenXmlValidator

from drafting import Draft
from drafting.render._word import render_docx
from tests.conftest import KIRKLEES, ROOT, SAMPLE_IDS, SAMPLES

NORTHAMPTONSHIRE = ROOT / "samples" / "northamptonshire-2013-10-23-direction.yaml"
NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def xpath(element: Any, expression: str) -> list[Any]:
    """XPath with the w: prefix, on any element (python-docx's own xpath takes no namespaces)."""
    result = etree.XPath(expression, namespaces=NS)(element)
    assert isinstance(result, list)
    return result


TYPED_LABEL = re.compile(r"^\(?([0-9]+|[a-z]|[ivx]+)[.)]\s")


def build(spec: Path, tmp_path: Path) -> docx.document.Document:
    path = tmp_path / f"{spec.stem}.docx"
    path.write_bytes(render_docx(Draft.from_file(spec)))
    return docx.Document(str(path))


def numbering_of(document: docx.document.Document, paragraph_start: str) -> tuple[int, int, str]:
    """(numId, ilvl, numFmt) of the first paragraph starting with `paragraph_start`."""
    numbering = document.part.numbering_part.element
    for paragraph in document.paragraphs:
        if paragraph.text.startswith(paragraph_start):
            num_id = int(xpath(paragraph._p, "w:pPr/w:numPr/w:numId/@w:val")[0])
            level = int(xpath(paragraph._p, "w:pPr/w:numPr/w:ilvl/@w:val")[0])
            num = xpath(numbering, f'w:num[@w:numId="{num_id}"]')[0]
            abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
            abstract = xpath(numbering, f'w:abstractNum[@w:abstractNumId="{abstract_id}"]')[0]
            lvl = xpath(abstract, f'w:lvl[@w:ilvl="{level}"]')[0]
            return num_id, level, lvl.find(qn("w:numFmt")).get(qn("w:val"))
    raise AssertionError(f"no paragraph starts with {paragraph_start!r}")


@pytest.mark.parametrize("spec", SAMPLES, ids=SAMPLE_IDS)
def test_docx_is_valid_ooxml(spec: Path, tmp_path: Path) -> None:
    path = tmp_path / "direction.docx"
    path.write_bytes(render_docx(Draft.from_file(spec)))
    result = OpenXmlValidator().validate(str(path))
    assert result.is_valid, [str(error) for error in result.errors]


def test_levels_are_real_word_numbering(tmp_path: Path) -> None:
    document = build(KIRKLEES, tmp_path)
    assert numbering_of(document, "The Secretary of State for Education")[1:] == (0, "decimal")
    assert numbering_of(document, "social services functions")[1:] == (1, "lowerLetter")
    assert numbering_of(document, "to any premises of the Council")[1:] == (2, "lowerRoman")
    assert not [p.text for p in document.paragraphs if TYPED_LABEL.match(p.text)]


def test_operative_numbering_continues_from_the_recitals(tmp_path: Path) -> None:
    document = build(KIRKLEES, tmp_path)
    recitals = numbering_of(document, "The Secretary of State for Education")[0]
    assert numbering_of(document, "Pursuant to his powers")[0] == recitals
    annex = numbering_of(document, "Kirklees Council has systemically failed")[0]
    assert annex != recitals


def test_operative_numbering_can_restart_with_roman_sub_paragraphs(tmp_path: Path) -> None:
    document = build(NORTHAMPTONSHIRE, tmp_path)
    recitals = numbering_of(document, "Northamptonshire County Council")[0]
    operative, level, number_format = numbering_of(document, "Pursuant to section 497A(4B)")
    assert (level, number_format) == (0, "decimal") and operative != recitals
    num = xpath(document.part.numbering_part.element, f'w:num[@w:numId="{operative}"]')[0]
    assert xpath(num, "w:lvlOverride/w:startOverride/@w:val") == ["1"]
    assert numbering_of(document, "Submit the Council's plans")[1:] == (1, "lowerRoman")


def test_styles_headings_and_annex_page_break(tmp_path: Path) -> None:
    document = build(KIRKLEES, tmp_path)
    style_of = {p.text: p.style.name if p.style else None for p in document.paragraphs}
    assert style_of["WHEREAS:"] == "Heading 1"
    assert style_of["NOW THEREFORE:"] == "Heading 1"
    assert style_of["Terms of Reference"] == "Heading 2"
    assert style_of["ANNEX"] == "Heading 1"
    annex = next(p for p in document.paragraphs if p.text == "ANNEX")
    assert xpath(annex._p, "w:pPr/w:pageBreakBefore")
    assert next(p for p in document.paragraphs if style_of[p.text] == "Title").text.startswith(
        "STATUTORY DIRECTION TO KIRKLEES COUNCIL"
    )


def test_footer_has_a_page_number_field(tmp_path: Path) -> None:
    document = build(KIRKLEES, tmp_path)
    footer = document.sections[0].footer._element
    assert any("PAGE" in (f.get(qn("w:instr")) or "") for f in footer.iter(qn("w:fldSimple")))


def test_document_properties(tmp_path: Path) -> None:
    properties = build(KIRKLEES, tmp_path).core_properties
    assert properties.title.startswith("STATUTORY DIRECTION TO KIRKLEES COUNCIL")
    assert properties.author == "Department for Education"
    assert properties.language == "en-GB"
    assert properties.created is not None and properties.created.date().isoformat() == "2018-01-25"


def test_same_spec_gives_byte_identical_docx() -> None:
    first = render_docx(Draft.from_file(KIRKLEES))
    second = render_docx(Draft.from_file(KIRKLEES))
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()


def test_edited_template_is_used(tmp_path: Path) -> None:
    """A drafter's change to the template (here, the body font) shows in the next build."""
    template = docx.Document(str(ROOT / "templates" / "direction.docx"))
    template.styles["Normal"].font.name = "Georgia"
    edited = tmp_path / "edited.docx"
    template.save(str(edited))
    output = tmp_path / "out.docx"
    output.write_bytes(render_docx(Draft.from_file(KIRKLEES), template=edited))
    assert docx.Document(str(output)).styles["Normal"].font.name == "Georgia"
