"""The letter of intent, built from the same spec as the direction, and PDF export."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader

from drafting import Draft
from tests.conftest import KIRKLEES, ROOT, Result, load_sample

LETTER = ROOT / "samples" / "northamptonshire-2018-11-13-letter.yaml"


def with_letter(council: str = "Kirklees Council") -> dict[str, Any]:
    """The Kirklees direction with the letter section of the Northamptonshire letter.

    Its letter recites events of November 2018, after the direction's date, so the drafting
    checks object to it; tests of build mechanics build it with --no-check.
    """
    data = load_sample(KIRKLEES)
    letter = load_sample(LETTER)
    data["letter"] = letter["letter"]
    data["letter"]["date"] = "2017-12-13"
    data["council"].update(
        name=council, leader=letter["council"]["leader"], address=letter["council"]["address"]
    )
    data["appointee"]["name"] = "Malcolm Newsam CBE"
    return data


def test_letter_only_spec_builds_only_the_letter(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    result = run("build", LETTER, "-o", tmp_path)
    assert result.code == 0, result.err
    assert [p.name for p in tmp_path.iterdir()] == [f"{LETTER.stem}.docx"]
    text = [p.text for p in docx.Document(str(tmp_path / f"{LETTER.stem}.docx")).paragraphs]
    assert "Dear Matt," in text and "Rt Hon Damian Hinds MP" in text


def test_a_spec_with_both_builds_direction_and_letter(
    run: Callable[..., Result], write_spec: Callable[..., Path], tmp_path: Path
) -> None:
    spec = write_spec(with_letter(), "kirklees.yaml")
    out = tmp_path / "out"
    out.mkdir()
    result = run("build", spec, "-o", out, "--no-check")
    assert result.code == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == ["kirklees-letter.docx", "kirklees.docx"]
    letter = run("text", spec, "--document", "letter").out
    assert letter.startswith("Ministry of Housing,\nCommunities &\n")
    assert "Councillor Matt Golby\nLeader\nKirklees Council\nOne Angel Square" in letter


def test_changing_the_council_changes_direction_annex_and_letter(
    write_spec: Callable[..., Path],
) -> None:
    draft = Draft.from_file(write_spec(with_letter("Calderdale Council")))
    direction, annex = draft.get("direction").text.split("\nANNEX\n")
    letter = draft.get("letter").text
    assert 'Calderdale Council ("the Council")' in direction
    assert "Calderdale Council has systemically failed" in annex
    assert "Leader\nCalderdale Council\n" in letter
    # Free text is the drafter's own words and stays as written (annex paragraph 3 names
    # Kirklees); everything drawn from the council fact follows it.
    assert "Kirklees Council" not in direction + letter
    assert "Kirklees Council" not in annex.split("\n3. ")[0]


def test_one_signatory_writes_in_the_first_person_singular(
    write_spec: Callable[..., Path],
) -> None:
    data = load_sample(LETTER)
    data["letter"]["signatories"] = data["letter"]["signatories"][1:]
    text = Draft.from_file(write_spec(data)).text
    assert "I consider that Malcolm Newsam CBE is an excellent candidate" in text
    assert "I am copying this letter to" in text
    assert "I hope that the Council will welcome" in text
    assert "Rt Hon James Brokenshire MP" not in text


def test_letter_dated_after_its_direction_stops_the_build(
    run: Callable[..., Result], write_spec: Callable[..., Path], tmp_path: Path
) -> None:
    data = with_letter()
    data["letter"]["date"] = "2018-02-01"
    out = tmp_path / "out"
    out.mkdir()
    result = run("build", write_spec(data), "-o", out)
    assert result.code == 1
    assert "(letter): letter paragraph 19: error DATE005: the letter of intent is dated after" in (
        result.err
    )
    assert list(out.iterdir()) == []


@pytest.mark.slow
def test_pdf_shows_real_numbering_and_the_letterhead(
    run: Callable[..., Result], write_spec: Callable[..., Path], tmp_path: Path, soffice: None
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    spec = write_spec(with_letter(), "both.yaml")
    result = run("build", spec, "-o", out, "--pdf", "--no-check")
    assert result.code == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == [
        "both-letter.docx",
        "both-letter.pdf",
        "both.docx",
        "both.pdf",
    ]
    direction = "\n".join(page.extract_text() for page in PdfReader(out / "both.pdf").pages)
    assert "1.\tThe Secretary of State for Education" in direction.replace(" \t", "\t") or (
        "1. The Secretary of State for Education" in " ".join(direction.split())
    )
    flat = " ".join(direction.split())
    assert "a. To comply with any instructions" in flat and "i. to any premises" in flat
    letter = " ".join(
        " ".join(page.extract_text() for page in PdfReader(out / "both-letter.pdf").pages).split()
    )
    assert "Department for Education Sanctuary Buildings London SW1P 3BT" in letter


def test_pdf_without_libreoffice_says_how_to_install_and_keeps_the_docx(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("drafting.render._pdf.libreoffice", lambda: None)
    result = run("build", LETTER, "-o", tmp_path, "--pdf")
    assert result.code == 2
    assert result.err.count("\n") == 1
    assert "LibreOffice is not installed; install it with: sudo apt-get install" in result.err
    assert "the Word documents were written" in result.err
    assert result.out == f"{tmp_path / LETTER.stem}.docx\n"
    assert [p.name for p in tmp_path.iterdir()] == [f"{LETTER.stem}.docx"]


@pytest.mark.parametrize("spec", [KIRKLEES, LETTER], ids=["direction", "letter"])
def test_accessible_output(spec: Path, run: Callable[..., Result], tmp_path: Path) -> None:
    assert run("build", spec, "-o", tmp_path).code == 0
    path = tmp_path / f"{spec.stem}.docx"
    properties = docx.Document(str(path)).core_properties
    assert properties.language == "en-GB" and properties.title
    with zipfile.ZipFile(path) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        styles = archive.read("word/styles.xml").decode("utf-8")
    assert "<w:drawing" not in body and "<w:pict" not in body  # no text in images
    assert '<w:lang w:val="en-GB"' in styles


def _letter_text(signatories: list[dict[str, object]], tmp_path: Path) -> str:
    import yaml

    data = yaml.safe_load(LETTER.read_text(encoding="utf-8"))
    data["letter"]["signatories"] = signatories
    data.pop("published_differences", None)
    path = tmp_path / "letter.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return Draft.from_file(path).text


def test_a_letter_speaks_in_the_voice_of_who_signs(tmp_path: Path) -> None:
    minister: dict[str, object] = {
        "name": "Rt Hon Damian Hinds MP",
        "title_lines": ["Secretary of State for Education"],
    }
    official: dict[str, object] = {
        "name": "A N Official",
        "title_lines": ["Director, Department for Education"],
    }
    alone = _letter_text([minister], tmp_path)
    assert "I have carefully considered" in alone and "I am minded to appoint" in alone
    assert "I hope that the Council will welcome" in alone
    assert "The Secretary of State for Education has carefully" not in alone
    on_behalf = _letter_text([official], tmp_path)
    assert "The Secretary of State for Education has carefully considered" in on_behalf
    assert "The Secretary of State for Education hopes that the Council" in on_behalf
    assert " I " not in on_behalf


@pytest.mark.parametrize(
    ("appointee", "expected"),
    [
        (
            {
                "kind": "advisers",
                "name": "Jo Bloggs and Sam Patel",
                "pronoun": "they",
                "role": "improvement advisers",
                "short": "the advisers",
            },
            [
                "minded to appoint improvement advisers, who",
                "Jo Bloggs and Sam Patel are excellent candidates",
                "appointment of improvement advisers,",
            ],
        ),
        (
            {
                "kind": "organisation",
                "name": "Eastshire County Council",
                "pronoun": "it",
                "role": "improvement adviser",
                "reference": "Eastshire County Council",
            },
            [
                "minded to appoint Eastshire County Council as an improvement adviser, which would",
                "Eastshire County Council is an excellent candidate",
                "work closely with Eastshire County Council",
            ],
        ),
        (
            {
                "kind": "person",
                "name": "Alex Morgan",
                "pronoun": "they",
                "role": "Children's Services Commissioner",
                "short": "the Commissioner",
            },
            [
                "minded to appoint a Children's Services Commissioner",
                "Alex Morgan is an excellent candidate",
            ],
        ),
    ],
    ids=["advisers", "organisation", "person-they"],
)
def test_a_letter_names_every_kind_of_appointee(
    appointee: dict[str, object], expected: list[str], tmp_path: Path
) -> None:
    import yaml

    data = yaml.safe_load(LETTER.read_text(encoding="utf-8"))
    data["appointee"] = appointee
    data.pop("published_differences", None)
    path = tmp_path / "letter.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    text = " ".join(Draft.from_file(path).text.split())
    for phrase in expected:
        assert phrase in text
