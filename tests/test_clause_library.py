"""The clause library: data, not code; parameterised, not copied; strict about typos."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest

import drafting
from drafting import ClauseLibraryError, Draft, load_library
from drafting.read._docx import read_docx
from drafting.render._word import render_docx
from tests.conftest import ROOT, Result, load_sample

WESTSHIRE = Path(__file__).parent / "specs" / "westshire-improvement-adviser.yaml"
FAMILIES = {
    "recital",
    "send",
    "trust",
    "access",
    "amenities",
    "appointment",
    "compliance",
    "duration",
    "improvement-board",
    "improvement-plan",
    "monitoring",
    "operative",
    "partnership",
    "reporting",
    "revocation",
    "signature",
    "title",
    "tor",
    "reference",
    "letter",
}


def test_library_has_every_family_with_sourced_clauses() -> None:
    library = load_library()
    assert {clause.family for clause in library} == FAMILIES
    assert len(library.ids) >= 40
    for clause in library:
        assert clause.spec.title, clause.id


def test_every_parameter_has_a_plain_label_and_a_line_of_help() -> None:
    # The interview asks for a parameter by its label and explains it with its help; a bare
    # parameter name ("or_at_all") is what a drafter must never be shown.
    for clause in load_library():
        for name, param in clause.spec.params.items():
            where = f"{clause.id}: {name}"
            assert param.label.strip() and param.label != name, where
            assert param.label[0].isupper(), where
            assert param.help.strip() and "\n" not in param.help, where
            assert "_" not in param.label, where


def test_interview_steps_offer_only_clauses_a_drafter_picks() -> None:
    library = load_library()
    steps = {clause.id: clause.step for clause in library}
    assert steps["recital.noted-inadequate"] == "recitals"
    assert steps["access.co-operate"] == "operative"
    assert steps["tor.duties"] == "annex"
    assert steps["letter.minded-to"] == "letter"
    # Added by the build, by another clause, or offered under their lead-in: never in a list.
    for never in ("operative.directs", "recital.considered-item", "letter.addressee"):
        assert steps[never] is None, never
    assert steps["tor.chair-improvement-board"] is None  # an item under tor.duties
    assert all(steps[c.id] is None for c in library if c.family in ("reference", "title"))


def test_a_new_council_and_appointee_build_without_code_change(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    result = run("build", WESTSHIRE, "-o", tmp_path)
    assert result.code == 0, result.err
    text = Draft.from_file(WESTSHIRE).text
    assert text.startswith("STATUTORY DIRECTION TO WESTSHIRE COUNTY COUNCIL")
    assert (
        '1. Westshire County Council ("the Council") is the children\'s services authority' in text
    )
    assert (
        "such amenities, services and administrative support as it may reasonably require" in text
    )
    assert "for the carrying out of its responsibilities" in text
    assert "will remain in force for a period of 18 months" in text
    assert "revokes the 2017 direction." in text


def test_free_text_is_never_a_template_and_special_characters_survive(tmp_path: Path) -> None:
    draft = Draft.from_file(WESTSHIRE)
    sentence = 'The Council\'s own plan for "Westshire {{ 7*7 }} & <Partners>" was not approved.'
    assert sentence in draft.text
    path = tmp_path / "direction.docx"
    path.write_bytes(render_docx(draft))
    assert any(p.text == sentence for p in docx.Document(str(path)).paragraphs)


def test_spec_values_are_data_even_inside_clauses(
    write_spec: Callable[..., Path], run: Callable[..., Result]
) -> None:
    data = load_sample()
    data["council"]["name"] = "Kirklees {{ 7*7 }} {% if true %}Council{% endif %}"
    result = run("text", write_spec(data))
    assert result.code == 0
    assert 'Kirklees {{ 7*7 }} {% if true %}Council{% endif %} ("the Council")' in result.out
    assert "Kirklees 49" not in result.out and "{% IF TRUE %}" in result.out


def test_bullets_are_real_word_bullets_nested_under_duties(tmp_path: Path) -> None:
    path = tmp_path / "direction.docx"
    path.write_bytes(render_docx(Draft.from_file(WESTSHIRE)))
    bullets = [(p.level, p.text) for p in read_docx(path) if p.role == "bullet"]
    assert bullets == [
        (2, "early help and the front door;"),
        # the item's last words: it ends as the item does, next to last in its list ("; and")
        (2, "the quality of social work practice; and"),
        (2, "on practice in the front door,"),
        (3, "including the multi-agency safeguarding hub;"),
        (2, "and on the recruitment of social workers."),
    ]


def test_one_pronoun_field_changes_every_pronoun(write_spec: Callable[..., Path]) -> None:
    data = load_sample()
    data["appointee"]["pronoun"] = "they"
    text = Draft.from_file(write_spec(data)).text
    assert "which appears to them to be necessary" in text
    assert "as they may reasonably require" in text
    assert "for the carrying out of their responsibilities" in text
    assert " her " not in text and " she " not in text


def test_changing_the_council_changes_it_everywhere(write_spec: Callable[..., Path]) -> None:
    data = load_sample()
    data["council"]["name"] = "Calderdale Council"
    text = Draft.from_file(write_spec(data)).text
    assert text.startswith("STATUTORY DIRECTION TO CALDERDALE COUNCIL")
    assert 'Calderdale Council ("the Council")' in text


def _library_with(tmp_path: Path, clause_text: str) -> Path:
    folder = tmp_path / "clauses"
    folder.mkdir()
    (folder / "recital.yaml").write_text(
        "family: recital\nclauses:\n  recital.broken:\n    title: A broken clause\n"
        f"    text: {clause_text}\n",
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize(
    ("clause_text", "message"),
    [
        ('"{{ councl|mention }} is failing."', "uses councl, which is neither a parameter"),
        ('"{{ council|mention }"', "recital.broken"),
    ],
    ids=["misspelt variable", "template syntax"],
)
def test_a_broken_clause_is_an_error_naming_it(
    clause_text: str, message: str, tmp_path: Path
) -> None:
    with pytest.raises(ClauseLibraryError) as raised:
        load_library(_library_with(tmp_path, clause_text))
    assert message in str(raised.value)
    assert "recital.yaml:" in str(raised.value)


def test_an_item_under_a_lead_in_that_is_not_there_is_an_error(tmp_path: Path) -> None:
    folder = _library_with(tmp_path, "To act;")
    text = (folder / "recital.yaml").read_text("utf-8")
    (folder / "recital.yaml").write_text(text + "    under: recital.lead-in\n", "utf-8")
    with pytest.raises(ClauseLibraryError, match=r"'recital\.lead-in', which is not a clause"):
        load_library(folder)


def test_duties_are_items_under_their_lead_in(run: Callable[..., Result]) -> None:
    shown = run("clauses", "show", "tor.chair-improvement-board")
    assert "An item under: tor.duties" in shown.out
    duties = {c.id for c in load_library() if c.spec.under == "tor.duties"}
    assert {"tor.chair-improvement-board", "tor.ministerial-updates"} <= duties


def test_bundled_library_travels_with_the_package() -> None:
    assert load_library().folder.resolve() in {
        (ROOT / "clauses").resolve(),
        (Path(str(drafting.__file__)).parent / "clauses").resolve(),
    }
