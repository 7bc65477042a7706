"""`drafting diff`: paragraphs then words, renumbering once, waivers shown, four outputs."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from drafting import Draft
from drafting.compare._diff import compare
from drafting.read._docx import docx_text
from drafting.read._normalise import RULES, read_paragraphs
from drafting.read._readers import _reading_blocks, _running_lines, pdf_text
from drafting.render._pdf import render_pdfs
from drafting.render._word import render_docx
from tests.conftest import KIRKLEES, ROOT, SAMPLE_IDS, SAMPLES, Result

PUBLISHED = ROOT / "samples" / "published"


def published_with(tmp_path: Path, old: str, new: str) -> Path:
    """The published Kirklees text with one change, as a file."""
    text = (PUBLISHED / f"{KIRKLEES.stem}.txt").read_text(encoding="utf-8")
    assert old in text
    changed = tmp_path / "changed.txt"
    changed.write_text(text.replace(old, new), "utf-8")
    return changed


def diff_texts(left: str, right: str) -> list[tuple[str, str, str]]:
    """(kind, left label, right label) of each difference between two texts."""
    comparison = compare(read_paragraphs(left), read_paragraphs(right))
    return [
        (d.kind, d.left.label or "" if d.left else "", d.right.label or "" if d.right else "")
        for d in comparison.differences
    ]


@pytest.mark.parametrize("spec", SAMPLES, ids=SAMPLE_IDS)
def test_each_sample_diffs_clean_against_its_published_text(
    spec: Path, run: Callable[..., Result]
) -> None:
    result = run("diff", spec, PUBLISHED / f"{spec.stem}.txt", "--format", "json")
    assert result.code == 0, result.out
    report = json.loads(result.out)
    waived = [d for d in report["differences"] if d["kind"] == "waived"]
    assert waived and all(d["reasons"] and all(d["reasons"]) for d in waived)
    assert report["differ"] is False and report["unused_waivers"] == []


def test_a_changed_word_is_named_with_its_paragraph(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    changed = published_with(tmp_path, "at all reasonable times", "at any reasonable time")
    result = run("diff", KIRKLEES, changed, "--published")
    assert result.code == 1
    lines = [line for line in result.out.splitlines() if " changed " in line]
    at = (
        changed.read_text(encoding="utf-8")
        .splitlines()
        .index(
            " - b. To co-operate with the Children's Services Commissioner, including on request "
            "allowing the Commissioner at any reasonable time access:"
        )
    )
    assert lines == [
        f"{changed}:{at + 1}: changed    direction 7.b ↔ direction 7.b  … on request allowing "
        "the Commissioner at [-all-] {+any+} reasonable [-times-] {+time+} access:"
    ]
    assert "\x1b[" not in result.out  # plain when not on a terminal
    assert result.out.splitlines()[-1].startswith("1 changed, 0 inserted, 0 deleted")


def test_an_early_insertion_is_one_insertion_and_one_renumbering() -> None:
    left = "1. One.\n2. Two.\n   a. Two a.\n3. Three.\n4. Four.\n"
    right = "1. One.\n2. New.\n3. Two.\n   a. Two a.\n4. Three.\n5. Four.\n"
    assert diff_texts(left, right) == [("inserted", "", "2"), ("renumbered", "", "")]
    renumbering = compare(read_paragraphs(left), read_paragraphs(right)).differences[1]
    assert renumbering.renumbered == (("2", "3"), ("3", "4"), ("4", "5"))


def test_moved_deleted_and_inserted_paragraphs() -> None:
    left = "Alpha paragraph here.\nBeta paragraph here.\nGamma paragraph here.\n"
    right = "Beta paragraph here.\nGamma paragraph here.\nAlpha paragraph here.\n"
    assert [kind for kind, _, _ in diff_texts(left, right)] == ["moved"]
    deleted = diff_texts("Keep this one.\nDrop this one entirely.\n", "Keep this one.\n")
    assert deleted == [("deleted", "", "")]
    inserted = diff_texts("Keep this one.\n", "Keep this one.\nA wholly new paragraph.\n")
    assert inserted == [("inserted", "", "")]


def test_unrelated_paragraphs_are_not_paired_as_changed() -> None:
    kinds = [k for k, _, _ in diff_texts("1. The Council shall act.\n", "1. Nothing alike here.\n")]
    assert kinds == ["deleted", "inserted"]


def test_normalisation_removes_noise_but_not_wording() -> None:
    noisy = (
        "Published: 5 August 2016\n- 1) The Council’s “plan” – approved\n"
        "is *final*.\n© Crown copyright 2016\n12\n"
    )
    assert diff_texts('1. The Council\'s "plan" - approved is final.\n', noisy) == []
    assert [
        k for k, _, _ in diff_texts("1. The Council shall act.\n", "1. The Council must act.\n")
    ] == ["changed"]


def test_explain_normalisation_lists_every_rule(run: Callable[..., Result]) -> None:
    result = run("diff", "--explain-normalisation")
    assert result.code == 0
    assert [line.split(":")[0] for line in result.out.splitlines()] == [r.name for r in RULES]


def test_html_report_is_self_contained(run: Callable[..., Result], tmp_path: Path) -> None:
    changed = published_with(tmp_path, "at all reasonable", "at <any> reasonable")
    page = tmp_path / "report.html"
    assert run("diff", KIRKLEES, changed, "--html", page, "--published").code == 1
    html = page.read_text(encoding="utf-8")
    assert "<del>all</del>" in html and "<ins>&lt;any&gt;</ins>" in html
    assert "Waived:" in html and "<script" not in html and "http" not in html.split("<body>")[1]


def test_redline_has_tracked_changes_that_accept_to_the_right_text(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    changed = published_with(tmp_path, "at all reasonable times", "at any reasonable time")
    redline = tmp_path / "redline.docx"
    assert run("diff", KIRKLEES, changed, "--redline", redline, "--published").code == 1
    xml = zipfile.ZipFile(redline).read("word/document.xml").decode("utf-8")
    assert (
        '<w:ins w:id="' in xml
        and 'w:author="Department for Education"' in xml
        and "<w:delText" in xml
    )
    accepted = read_paragraphs(docx_text(redline))
    rejected = read_paragraphs(docx_text(redline, accept_changes=False))
    assert [p.text for p in accepted] == [p.text for p in read_paragraphs(changed.read_text())]
    assert [p.text for p in rejected] == [
        p.text for p in read_paragraphs(Draft.from_file(KIRKLEES).text)
    ]
    # Tracked changes read as accepted by default: the redline diffs clean against the right side.
    assert run("diff", redline, changed).code == 0
    assert run("diff", redline, KIRKLEES, "--before-changes").code == 0


@pytest.mark.slow
def test_redline_opens_in_libreoffice(
    run: Callable[..., Result], tmp_path: Path, soffice: None
) -> None:
    changed = tmp_path / "changed.txt"
    changed.write_text("1. A short direction.\n2. With a second paragraph.\n", "utf-8")
    original = tmp_path / "original.txt"
    original.write_text("1. A short direction.\n2. With another paragraph.\n", "utf-8")
    redline = tmp_path / "redline.docx"
    run("diff", original, changed, "--redline", redline)
    pdf = render_pdfs({"redline": redline.read_bytes()})["redline"]
    assert pdf.startswith(b"%PDF")


# The letter's two letterheads stand side by side: read column by column, as a reader does.
@pytest.mark.slow
@pytest.mark.parametrize("spec", SAMPLES, ids=SAMPLE_IDS)
def test_a_pdf_of_a_sample_reads_back_as_its_text(
    spec: Path, tmp_path: Path, soffice: None
) -> None:
    draft = Draft.from_file(spec)
    pdf = tmp_path / "document.pdf"
    pdf.write_bytes(render_pdfs({"document": render_docx(draft)})["document"])
    comparison = compare(read_paragraphs(draft.text), read_paragraphs(pdf_text(pdf)))
    assert comparison.differences == []


def test_running_headers_are_page_furniture() -> None:
    pages = [["OFFICIAL", f"Line {n} of the body", "Page footer text"] for n in range(4)]
    assert _running_lines(pages) == {"OFFICIAL", "Page footer text"}


def test_waiver_file(run: Callable[..., Result], tmp_path: Path) -> None:
    left = tmp_path / "left.txt"
    left.write_text("1. The Council shall act.\n", "utf-8")
    right = tmp_path / "right.txt"
    right.write_text("1. The Council shal act.\n", "utf-8")
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n  - left: shall act\n    right: shal act\n    reason: a typing slip\n", "utf-8"
    )
    # Waivers stand for differences from a published text: only against one are they applied.
    result = run("diff", left, right, "--waivers", waivers)
    assert result.code == 1 and f"note: the waivers in {waivers} were not applied" in result.out
    result = run("diff", left, right, "--waivers", waivers, "--published")
    assert result.code == 0
    assert f"{right}:1: waived     paragraph 1 ↔ paragraph 1  a typing slip" in result.out
    waivers.write_text("waivers:\n  - left: shall act\n    right: shal act\n", "utf-8")
    missing = run("diff", left, right, "--waivers", waivers)
    assert (
        missing.code == 2
        and f"{waivers}:2: waivers[0].reason: this field is required" in missing.err
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.odt", b"anything", "unknown format '.odt'"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "not a readable .docx"),
        ("broken.pdf", b"%PDF-1.4 garbage", "not a readable PDF"),
        ("binary.txt", b"\xff\xfe\xfa", "not UTF-8 text"),
    ],
)
def test_unreadable_documents_exit_2_with_one_line(
    name: str, content: bytes, message: str, run: Callable[..., Result], tmp_path: Path
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    result = run("diff", KIRKLEES, bad)
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1 and message in result.err and str(bad) in result.err


def test_diff_needs_two_documents(run: Callable[..., Result]) -> None:
    result = run("diff", KIRKLEES)
    assert result.code == 2 and "diff needs two documents" in result.err


def test_similarity_figure(run: Callable[..., Result], tmp_path: Path) -> None:
    left = tmp_path / "a.txt"
    left.write_text("one two three four\n", "utf-8")
    right = tmp_path / "b.txt"
    right.write_text("one two three five\n", "utf-8")
    result = run("diff", left, right, "--format", "json")
    assert json.loads(result.out)["similarity"] == 0.75


def test_text_in_two_columns_is_read_column_by_column() -> None:
    # (baseline height, start, type size, text): two letterheads side by side, then the body.
    chunks = [
        (750.0, 72.0, 14.0, "Ministry of Housing,"),
        (750.0, 300.0, 14.0, "Department"),
        (732.0, 72.0, 14.0, "Communities &"),
        (732.0, 300.0, 14.0, "for Education"),
        (718.0, 300.0, 9.0, "Sanctuary Buildings"),
        (712.0, 72.0, 9.0, "Fry Building"),
        (700.0, 72.0, 9.0, "London SW1P 4DF"),
        (600.0, 72.0, 12.0, "Dear Matt, this line of the body runs right across both columns."),
    ]
    blocks = _reading_blocks(chunks)
    assert [[text for *_, text in block] for block in blocks] == [
        ["Ministry of Housing,", "Communities &", "Fry Building", "London SW1P 4DF"],
        ["Department", "for Education", "Sanctuary Buildings"],
        ["Dear Matt, this line of the body runs right across both columns."],
    ]
    assert _reading_blocks(chunks[-1:]) == [chunks[-1:]]


def test_a_list_label_and_its_text_are_not_two_columns() -> None:
    # A hanging indent leaves a wide gap between "a." and its text, near the margin.
    chunks = [
        (700.0, 72.0, 12.0, "7. The Council shall, within the time the Secretary of State sets:"),
        (684.0, 108.0, 12.0, "a."),
        (684.0, 180.0, 12.0, "prepare an improvement plan and submit it"),
        (668.0, 180.0, 12.0, "for approval;"),
        (652.0, 108.0, 12.0, "b."),
        (652.0, 180.0, 12.0, "report on its progress."),
    ]
    assert _reading_blocks(chunks) == [chunks]
