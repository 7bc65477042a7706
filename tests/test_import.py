"""`drafting import`: published texts and generated documents back to specs that rebuild them."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

from drafting import Draft, Spec
from drafting.importing import import_document, report_json
from drafting.spec._model import Entry

from .conftest import ROOT, SAMPLE_IDS, SAMPLES, Result, load_sample

PUBLISHED = sorted(Path("/work/shared/published").glob("*.txt")) or sorted(
    (ROOT / "samples" / "published").glob("*.txt")
)


def _import_and_diff(run: Callable[..., Result], source: Path, tmp_path: Path) -> Path:
    tmp_path.mkdir(exist_ok=True)
    spec = tmp_path / "imported.yaml"
    imported = run("import", source, "-o", spec)
    assert imported.code == 0, imported.err
    built = run("build", spec, "-o", tmp_path, "--force")
    assert built.code == 0, built.err
    diff = run("diff", spec, source)
    assert diff.code == 0, diff.out
    return spec


@pytest.mark.parametrize("source", PUBLISHED, ids=[p.stem for p in PUBLISHED])
def test_published_text_round_trip(
    run: Callable[..., Result], source: Path, tmp_path: Path
) -> None:
    spec = _import_and_diff(run, source, tmp_path)
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    for difference in data.get("published_differences", []):
        assert difference["reason"].strip()


def _clauses(entries: list[Entry] | None) -> list[str]:
    found: list[str] = []
    for entry in entries or []:
        found += [entry.clause] if entry.clause else []
        found += _clauses(entry.items) + _clauses(entry.bullets)
    return found


def _chosen(spec: Spec) -> Counter[str]:
    parts = [spec.recitals, spec.operative.paragraphs if spec.operative else None]
    parts += [spec.annex.paragraphs if spec.annex else None]
    parts += [spec.letter.paragraphs if spec.letter else None]
    return Counter(clause for part in parts for clause in _clauses(part))


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
def test_sample_docx_and_pdf_round_trip_with_facts_and_clauses(
    run: Callable[..., Result], sample: Path, tmp_path: Path
) -> None:
    built = run("build", sample, "-o", tmp_path, "--pdf")
    assert built.code == 0, built.err
    docx = tmp_path / f"{sample.stem}.docx"
    _import_and_diff(run, docx, tmp_path / "from-docx")
    _import_and_diff(run, tmp_path / f"{sample.stem}.pdf", tmp_path / "from-pdf")
    original = Draft.from_file(sample).spec
    imported = import_document(docx)
    wanted = _chosen(original)
    got = Counter(m.clause for m in imported.matched if m.clause)
    assert sum((wanted & got).values()) >= 0.9 * sum(wanted.values()), wanted - got
    council = imported.spec["council"]
    assert council["name"] == original.council.name
    if original.appointee is not None and original.appointee.name:  # a named appointee
        assert imported.spec["appointee"]["pronoun"] == original.appointee.pronoun
        assert imported.spec["appointee"].get("name") == original.appointee.name
    if original.has_direction:
        assert imported.spec["date"] == (str(original.dated) if original.dated else "blank")
        assert imported.spec["secretary_of_state"]["pronoun"] == (
            original.secretary_of_state.pronoun
        )


def test_kirklees_docx_gives_back_its_facts_and_clauses(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    sample = ROOT / "samples" / "kirklees-2018-01-25-direction.yaml"
    run("build", sample, "-o", tmp_path)
    imported = import_document(tmp_path / f"{sample.stem}.docx")
    reports = {(r["kind"], r["date"], r.get("term")) for r in imported.spec["reports"]}
    assert ("ofsted-inspection", "2016-11-25", "the 2016 Ofsted report") in reports
    assert imported.spec["earlier_directions"][0]["term"] == "the first direction"
    assert imported.spec["earlier_directions"][0]["revoked"] is True
    assert imported.spec["signature"]["name"] == "Suzanne Lunn"
    chosen = [m.clause for m in imported.matched if m.clause]
    for clause in ("recital.noted-inadequate", "recital.appointment", "compliance.instructions"):
        assert clause in chosen


def _changed_text(tmp_path: Path, replacements: dict[str, str]) -> Path:
    text = (ROOT / "samples" / "published" / "kirklees-2018-01-25-direction.txt").read_text(
        encoding="utf-8"
    )
    for old, new in replacements.items():
        text = text.replace(old, new)
    path = tmp_path / "changed.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_changed_council_appointee_signatory_and_date_are_recovered(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    source = _changed_text(
        tmp_path,
        {
            "Kirklees Council": "Leeds City Council",
            "Kirklees": "Leeds",
            "KIRKLEES COUNCIL": "LEEDS CITY COUNCIL",
            "Eleanor Brazil OBE": "John Smith CBE",
            "appears to her": "appears to him",
            "as she may": "as he may",
            "of her responsibilities": "of his responsibilities",
            "SUZANNE LUNN": "JANE DOE",
            "Dated: 25th January 2018": "Dated: 3rd February 2019",
        },
    )
    _import_and_diff(run, source, tmp_path)
    spec = import_document(source).spec
    assert spec["council"]["name"] == "Leeds City Council"
    assert spec["council"]["area"] == "Leeds"
    assert spec["appointee"]["name"] == "John Smith CBE"
    assert spec["appointee"]["pronoun"] == "he"
    assert spec["signature"]["name"] == "Jane Doe"
    assert spec["date"] == "2019-02-03"


def test_a_sample_changed_in_every_fact_and_reordered_gives_the_changes_back(
    run: Callable[..., Result], write_spec: Callable[..., Path], tmp_path: Path
) -> None:
    data = load_sample()
    data["council"] = {"name": "Calderdale Council", "area": "Calderdale"}
    data["appointee"] = {
        "kind": "organisation",
        "name": "Hampshire County Council",
        "pronoun": "they",
        "role": "Children's Services Commissioner",
        "short": "the Commissioner",
    }
    data["signature"]["name"] = "Jane Doe"
    data["date"] = "2019-02-03"
    data["reports"][0]["date"] = "2016-10-14"
    items = data["operative"]["paragraphs"][0]["items"]
    items[2], items[3] = items[3], items[2]  # amenities after the partnership
    spec = write_spec(data)
    text = tmp_path / "changed.txt"
    shown = run("text", spec)
    assert shown.code == 0, shown.err
    text.write_text(shown.out, encoding="utf-8")
    _import_and_diff(run, text, tmp_path / "imported")
    imported = import_document(text)
    assert imported.spec["council"]["name"] == "Calderdale Council"
    assert imported.spec["council"]["area"] == "Calderdale"
    appointee = imported.spec["appointee"]
    assert (appointee["name"], appointee["kind"], appointee["pronoun"]) == (
        "Hampshire County Council",
        "organisation",
        "they",
    )
    assert imported.spec["signature"]["name"] == "Jane Doe"
    assert imported.spec["date"] == "2019-02-03"
    assert "2016-10-14" in [r["date"] for r in imported.spec["reports"]]
    directs = imported.spec["operative"]["paragraphs"][0]["items"]
    order = [item.get("clause") for item in directs[:4]]
    assert order == [item["clause"] for item in items[:4]]


def test_report_as_json_counts_matches_and_facts(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    source = ROOT / "samples" / "published" / "kirklees-2018-01-25-direction.txt"
    result = run("import", source, "-o", tmp_path / "k.yaml", "--format", "json")
    report = json.loads(result.err)
    assert report["matched"] > 0 and report["paragraphs"] >= report["matched"]
    facts = {f["fact"]: f for f in report["facts"]}
    assert facts["appointee's pronoun"]["value"] == "she"
    assert "mentions" in facts["appointee's pronoun"]["how"]
    assert report["round_trip"]["clean"] is True


def test_suggested_clauses_use_template_variables(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    source = ROOT / "samples" / "published" / "kirklees-2018-01-25-direction.txt"
    clauses = tmp_path / "candidates.yaml"
    result = run("import", source, "-o", tmp_path / "k.yaml", "--suggest-clauses", clauses)
    assert result.code == 0, result.err
    data = yaml.safe_load(clauses.read_text(encoding="utf-8"))
    texts = [c["text"] for c in data["clauses"].values()]
    assert texts and any("{{ council" in t for t in texts)
    assert not any("Kirklees Council" in t for t in texts)


def test_not_a_direction_is_one_line_and_writes_nothing(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    source = tmp_path / "shopping.txt"
    source.write_text("Eggs\nMilk\nBread\n", encoding="utf-8")
    result = run("import", source, "-o", tmp_path / "out.yaml")
    assert result.code == 2
    assert "not a direction or a letter" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert not (tmp_path / "out.yaml").exists()


def test_a_spec_is_not_imported(run: Callable[..., Result], tmp_path: Path) -> None:
    result = run("import", ROOT / "samples" / "kirklees-2018-01-25-direction.yaml")
    assert result.code == 2
    assert "is a spec already" in result.err and result.out == ""


def test_pdf_without_text_is_one_line(run: Callable[..., Result], tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    source = tmp_path / "scanned.pdf"
    with source.open("wb") as stream:
        writer.write(stream)
    result = run("import", source, "-o", tmp_path / "out.yaml")
    assert result.code == 2
    assert "no text" in result.err
    assert not (tmp_path / "out.yaml").exists()


def test_most_paragraph_entries_of_the_published_texts_are_clauses() -> None:
    reports = [report_json(import_document(text)) for text in PUBLISHED]
    matched = sum(r["matched"] for r in reports)
    total = sum(r["paragraphs"] for r in reports)
    assert matched >= 0.8 * total, [(r["file"], r["matched"], r["paragraphs"]) for r in reports]


def test_wizard_from_a_published_text_offers_what_was_imported(tmp_path: Path) -> None:
    if TYPE_CHECKING:
        from cli._commands import _previous_spec
        from cli._wizard import run as wizard
    else:
        from drafting.cli._commands import _previous_spec
        from drafting.cli._wizard import run as wizard

    source = ROOT / "samples" / "published" / "kirklees-2018-01-25-direction.txt"
    previous = _previous_spec(source, tmp_path)
    assert previous is not None
    answers = tmp_path / "answers.yaml"
    # every answer the imported text gave, taken as the default (`drafting wizard --defaults`)
    wizard(answers, previous=previous, output=tmp_path / "out", given={})
    text = Draft.from_file(answers).text
    assert text.startswith("STATUTORY DIRECTION TO KIRKLEES COUNCIL")
    assert "re-appointed Eleanor Brazil OBE as the Children's Services Commissioner" in text
