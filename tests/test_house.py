"""A department's own house: its Word template (a letterhead with its crest and placeholders)
and its own clauses beside the bundled library, without touching the installed package."""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.shared import Cm
from openxml_audit import OpenXmlValidator

from drafting.render._word import template_for
from tests.conftest import KIRKLEES, Result, load_sample

OVERRIDE = """\
family: duration
clauses:
  duration.until-revoked:
    title: In force until revoked (the department's wording)
    text: >-
      This {{ direction_word }} remains in force until {{ sos|mention }} revokes it.
"""
OWN_CLAUSES = """\
family: local
clauses:
  local.review:
    title: A review after six months
    text: >-
      This {{ direction_word }} will be reviewed by {{ sos|mention }} six months after it is made.
"""


def crest_png() -> bytes:
    """A small PNG image (a blue square), as a department's crest."""
    width = height = 8
    rows = b"".join(b"\x00" + b"\x1d\x70\xb8" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def letterhead_template(folder: Path) -> Path:
    """The bundled direction template with a letterhead: a crest, placeholders, a header."""
    crest = folder / "crest.png"
    crest.write_bytes(crest_png())
    document = docx.Document(str(template_for("direction")))
    document.add_picture(str(crest), width=Cm(2))
    document.add_paragraph("Direction to {{ council.name }}")
    document.sections[0].header.paragraphs[0].text = "Our reference: {{ reference }}"
    path = folder / "house.docx"
    document.save(str(path))
    return path


def parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".xml")
        }


def test_a_template_with_a_crest_and_placeholders(
    run: Callable[..., Result], write_spec: Callable[..., Path], tmp_path: Path
) -> None:
    template = letterhead_template(tmp_path)
    data = load_sample()
    data["council"]["name"] = "Kirklees Council & {{ 7*7 }}"  # data, never a template
    spec = write_spec(data, "kirklees.yaml")
    out = tmp_path / "out"
    out.mkdir()
    result = run("build", spec, "-o", out, "--template", template, "--no-check")
    assert result.code == 0, result.err
    built = out / "kirklees.docx"
    xml = parts(built)
    body = xml["word/document.xml"]
    assert "<w:drawing" in body.split("Direction to", 1)[0]  # the crest heads the letterhead
    assert "Direction to Kirklees Council &amp; {{ 7*7 }}" in body
    assert "{{ council.name }}" not in body
    header = next(text for name, text in xml.items() if name.startswith("word/header"))
    assert "Our reference: kirklees" in header
    paragraphs = [p.text for p in docx.Document(str(built)).paragraphs]
    assert paragraphs[1] == "Direction to Kirklees Council & {{ 7*7 }}"
    assert paragraphs[2].startswith("STATUTORY DIRECTION TO KIRKLEES COUNCIL")
    with zipfile.ZipFile(built) as archive:
        assert any(name.startswith("word/media/") for name in archive.namelist())
    assert not OpenXmlValidator().validate(str(built)).errors


def test_a_misspelt_placeholder_is_an_error_naming_the_template(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    document = docx.Document(str(template_for("direction")))
    document.add_paragraph("{{ councill.name }}")
    template = tmp_path / "house.docx"
    document.save(str(template))
    result = run("build", KIRKLEES, "-o", tmp_path, "--template", template)
    assert result.code == 2
    assert result.err.startswith(f"drafting: error: {template}: a placeholder cannot be filled")
    assert "councill" in result.err
    assert not list(tmp_path.glob("*.docx")) or [p.name for p in tmp_path.glob("*.docx")] == [
        "house.docx"
    ]


def test_a_templates_folder_from_the_environment(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    document = docx.Document(str(template_for("direction")))
    document.add_paragraph("DEPARTMENT FOR EDUCATION")
    document.save(str(folder / "direction.docx"))
    monkeypatch.setenv("DRAFTING_TEMPLATES", str(folder))
    out = tmp_path / "out"
    out.mkdir()
    assert run("build", KIRKLEES, "-o", out).code == 0
    first = docx.Document(str(out / f"{KIRKLEES.stem}.docx")).paragraphs[0]
    assert first.text == "DEPARTMENT FOR EDUCATION"


def test_own_clauses_add_to_and_replace_the_bundled_ones(
    run: Callable[..., Result], write_spec: Callable[..., Path], tmp_path: Path
) -> None:
    library = tmp_path / "clauses"
    library.mkdir()
    (library / "local.yaml").write_text(OWN_CLAUSES, "utf-8")
    (library / "duration.yaml").write_text(OVERRIDE, "utf-8")
    data = load_sample()
    data["operative"]["paragraphs"].append({"clause": "local.review"})
    spec = write_spec(data, "kirklees.yaml")
    result = run("build", spec, "-o", tmp_path, "--library", library, "--no-check")
    assert result.code == 0, result.err
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "kirklees.docx")).paragraphs)
    assert "This direction will be reviewed by the Secretary of State six months after" in text
    assert "This direction remains in force until the Secretary of State revokes it." in text
    assert "will remain in force until it is revoked" not in text


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("family: local\nclauses:\n  local.review: {title: x}\n", "local.yaml:3: "),
        (OWN_CLAUSES, "also defined in"),
    ],
    ids=["malformed", "conflicting"],
)
def test_a_bad_own_clause_is_a_one_line_error(
    extra: str,
    message: str,
    run: Callable[..., Result],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    library = tmp_path / "clauses"
    library.mkdir()
    if "also defined" in message:  # the same id in two of the department's files
        (library / "local.yaml").write_text(OWN_CLAUSES, "utf-8")
        (library / "more.yaml").write_text(OWN_CLAUSES, "utf-8")
    else:
        (library / "local.yaml").write_text(extra, "utf-8")
    monkeypatch.setenv("DRAFTING_LIBRARY", str(library))
    result = run("build", KIRKLEES, "-o", tmp_path)
    assert result.code == 2
    assert result.err.count("\n") == 1
    assert message in result.err
    assert not list(tmp_path.glob("*.docx"))
