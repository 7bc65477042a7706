"""Every finding names the document part and the full label, and a text file's line.

The checks read a generated document's tree, so the annex is the annex whatever its heading
says; an outside document is located from its text.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from drafting.checks import check_file
from tests.conftest import KIRKLEES, ROOT, Result, load_sample

PUBLISHED = ROOT / "samples" / "published"


def _located(path: Path) -> list[tuple[str, str, str]]:
    return [
        (f.code, f.where, reason)
        for report in check_file(path)
        for f, reason in [*((f, "") for f in report.findings), *report.accepted]
    ]


def test_a_schedule_heading_gives_the_samples_findings(
    write_spec: Callable[..., Path],
) -> None:
    data = load_sample()
    data["annex"]["heading"] = "SCHEDULE"
    schedule = write_spec(data)
    found = _located(schedule)
    assert found == _located(KIRKLEES)
    # The real slip of the annex (it dates the direction December 2017) is still found there,
    # and no paragraph of the annex is mistaken for the direction's (TERM004).
    assert [(code, where) for code, where, _ in found] == [
        ("TERM002", "recital 2"),
        ("TERM006", "annex 2"),  # the published annex's variant of the functions term
        ("DATE003", "annex 3"),
    ]


def test_a_renamed_annex_heading_in_a_published_text_is_still_the_annex(tmp_path: Path) -> None:
    text = (PUBLISHED / "kirklees-2018-01-25-direction.txt").read_text(encoding="utf-8")
    schedule = tmp_path / "schedule.txt"
    schedule.write_text(text.replace("\nANNEX\n", "\nSCHEDULE\n"), encoding="utf-8")
    original = check_file(PUBLISHED / "kirklees-2018-01-25-direction.txt")[0].findings
    renamed = check_file(schedule)[0].findings
    assert [(f.code, f.where) for f in renamed] == [(f.code, f.where) for f in original]
    assert ("DATE003", "annex 3") in [(f.code, f.where) for f in renamed]


def test_recital_and_annex_paragraphs_of_one_label_are_told_apart() -> None:
    [report] = check_file(PUBLISHED / "kirklees-2018-01-25-direction.txt")
    wheres = {f.where for f in report.findings if f.path == "3.a"}
    assert wheres == {"recital 3.a", "annex 3.a"}


def test_text_findings_name_the_file_line_for_editors(run: Callable[..., Result]) -> None:
    text = PUBLISHED / "kirklees-2018-01-25-direction.txt"
    result = run("check", text)
    lines = text.read_text(encoding="utf-8").splitlines()
    first = result.out.splitlines()[0]
    found = json.loads(run("check", text, "--format", "json").out)[0]["findings"]
    column = found[0]["column"]
    assert first.startswith(f"{text}:8:{column}: recital 2: error TERM002:")
    assert lines[8 - 1].startswith("2. The Council's failure")
    excerpt = found[0]["excerpt"].strip("…")
    assert lines[8 - 1][column - 1 :].startswith(excerpt)
    annex = next(f for f in found if f["code"] == "DATE003")
    assert (annex["where"], annex["part"], annex["label"]) == ("annex 3", "annex", "3")
    assert lines[annex["line"] - 1].startswith("3. The Commissioner is expected")


def test_a_generated_letters_paragraphs_are_named_in_the_letter(
    run: Callable[..., Result], write_spec: Callable[..., Path]
) -> None:
    letter = ROOT / "samples" / "northamptonshire-2018-11-13-letter.yaml"
    data = load_sample(letter)
    data["letter"]["paragraphs"].append(
        {"text": "We act under section 497(4B) of the Education Act 1996."}
    )
    result = run("check", write_spec(data))
    assert result.code == 1
    assert ": letter paragraph " in result.out and "error CITE001" in result.out


@pytest.mark.slow
def test_pdf_findings_name_their_page(
    run: Callable[..., Result], tmp_path: Path, soffice: None
) -> None:
    assert run("build", KIRKLEES, "-o", tmp_path, "--pdf").code == 0
    pdf = tmp_path / f"{KIRKLEES.stem}.pdf"
    found = json.loads(run("check", pdf, "--format", "json").out)[0]["findings"]
    pages = {f["where"]: f["page"] for f in found}
    assert pages["recital 2"] == 1  # TERM002, which the spec accepts
    assert pages["annex 3"] > pages["recital 2"]  # DATE003: the annex follows a page break
    assert f"{pdf}: page 1: recital 2: error TERM002" in run("check", pdf).out
    with_spec = run("check", pdf, "--spec", KIRKLEES)
    assert with_spec.code == 0 and "accepted DATE003" in with_spec.out
