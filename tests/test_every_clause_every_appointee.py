"""Every clause of the library reads right for every kind of appointee and every letter voice.

Each clause of the loaded library (so a clause added later is covered without touching this
file) is put into one spec as a paragraph of its own, once for each value of each of its
parameters.  The spec is built for every appointee — a person who is "she", "he" or "they",
several advisers, an organisation, each named by a short name or in full throughout — under a
Secretary of State who is "she", "he" or "they", with a letter signed by the Secretary of State
alone ("I"), by two ministers ("we") or by an official (the third person).  Each clause's
paragraph, as the reader sees it, is then read for:

- pronouns: only the appointee's own, the Secretary of State's (never in a letter the
  Secretary of State speaks in the first person) and the few phrases where a pronoun means
  something else (the council's "its area"), listed with what they mean in
  `tests/every_clause.py` (`OTHER_REFERENTS`);
- agreement: "they require", "it requires", "Jo Bloggs and Sam Patel continue", "We hope";
- names: the appointee only as the spec names it (its name, reference, short name, role),
  never another kind's words ("the Commissioner", "the advisers") or another's name; an
  organisation is "which", never "who"; nobody is appointed "as" their own name;
- the council: the spec's term, never "the authority", "the local authority" or "the council";
- the voice: "I" only in a letter the Secretary of State signs alone, "we" only in one two
  sign, and no Secretary of State in the third person in a letter in the first person.

A library with deliberate slips, loaded as a department's own clauses are (an extra folder),
shows that each reading fails when it should.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from drafting import Draft, SpecError, load_library
from tests.every_clause import (
    APPOINTEES,
    READINGS,
    SIGNATORIES,
    Placed,
    Reading,
    fixture_spec,
    read_clauses,
    slips,
)

# --- the tests ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reading", READINGS, ids=[f"{r.appointee}-sos-{r.sos}-{r.voice}" for r in READINGS]
)
def test_every_clause_reads_right_for_the_appointee_and_the_voice(
    reading: Reading, write_spec: Callable[..., Path]
) -> None:
    found = slips(load_library(), reading, write_spec)
    assert not found, "\n".join(found)


#: The council called by another term than "the Council", in a letter of each voice.
OTHER_TERM = [Reading("she-short", "he", voice, "the County Council") for voice in SIGNATORIES]


@pytest.mark.parametrize("reading", OTHER_TERM, ids=[r.voice for r in OTHER_TERM])
def test_every_clause_calls_the_council_by_the_spec_s_term(
    reading: Reading, write_spec: Callable[..., Path]
) -> None:
    found = slips(load_library(), reading, write_spec)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("appointee", sorted(APPOINTEES))
def test_instructions_of_the_appointee_the_secretary_of_state_or_both(
    appointee: str, write_spec: Callable[..., Path]
) -> None:
    reading = Reading(appointee, "he", "third")
    given = reading.given
    named = given.get("reference", f"the {given['role']}")
    they = {"she": "she", "he": "he", "it": "it", "they": "they"}[given["pronoun"]]
    texts = {
        clause.params["of"]: text
        for clause, _, text in read_clauses(load_library(), reading, write_spec)
        if clause.clause == "compliance.instructions"
    }
    assert texts["appointee"].startswith(f"To comply with any instructions of {named} in ")
    assert texts["appointee"].endswith(f" such assistance as {they} may require;")
    assert texts["secretary-of-state"].startswith(
        "To comply with any instructions of the Secretary of State in "
    )
    assert texts["secretary-of-state"].endswith(" such assistance as he may require;")
    assert f"instructions of the Secretary of State or {named} in " in texts["both"]
    assert texts["both"].endswith(f" as either the Secretary of State or {named} may require;")


@pytest.mark.parametrize("appointee", ["she-short", "he-full", "organisation-short"])
def test_her_advisers_is_refused_unless_the_appointee_is_advisers(
    appointee: str, write_spec: Callable[..., Path]
) -> None:
    reading = Reading(appointee, "she", "first")
    clause = Placed("reporting.reviews-and-reports", {"with": "advisers"})
    parts: dict[str, list[Placed]] = {"recitals": [], "annex": [], "letter": []}
    spec = write_spec(fixture_spec(reading, {**parts, "operative": [clause]}))
    with pytest.raises(SpecError) as refused:
        Draft.from_file(spec)
    message = str(refused.value)
    assert "operative.paragraphs[0]" in message
    assert "clause 'reporting.reviews-and-reports' says \"and her advisers\" only when" in message


# --- the readings catch real slips ------------------------------------------------------------

#: Clauses with the slips of copy-and-edit drafting, each replacing the bundled clause of its
#: id (or added beside them), and what the readings must say of it.
BROKEN = {
    "amenities": """
  amenities.support:
    title: Hard-codes the appointee's pronoun
    text: To provide {{ appointee.reference }} with such support as she may reasonably require.
""",
    "compliance": """
  compliance.instructions:
    title: A singular verb after "they"
    params:
      of: {type: choice, choices: [appointee], default: appointee, label: Whose, help: Whose.}
    text: To comply with any instructions of {{ appointee.reference }} as {{ appointee.they }}
      requires;
""",
    "access": """
  access.co-operate:
    title: Names the appointee by a role the spec does not give
    text: To co-operate with {{ appointee.reference }}, allowing the Commissioner access.
""",
    "letter": """
  letter.minded-to:
    title: Third person whatever the voice, and "who" whoever is appointed
    params:
      purpose: {type: text, label: What, help: What.}
    text: >-
      {{ sos.they|capfirst }} is minded to appoint {{ appointee.indefinite }}, who would
      {{ purpose }}.
  letter.remit:
    title: Calls the council "the authority"
    text: "{{ appointee.reference|capfirst }} would issue instructions to the authority."
  letter.welcome-and-representations:
    title: First person whoever signs
    text: I hope that {{ council.term }} will welcome {{ appointee.reference }}.
""",
    "recital": """
  recital.appointment:
    title: Appoints the appointee as its reference, whatever that is
    text: >-
      {{ sos|mention|capfirst }} has appointed {{ appointee.name }} as {{ appointee.reference }}.
  recital.replaces-earlier:
    title: A singular verb after several advisers
    text: Under this {{ direction_word }} {{ appointee.name }} continues in post.
""",
    "monitoring": """
  monitoring.appointee-findings:
    title: A clause added later, with the council's pronoun for the appointee
    text: "{{ appointee.short|capfirst }} will report on its findings to {{ sos|mention }}."
""",
}
CAUGHT = {
    ("amenities.support", "the pronoun 'she' refers to no one it may"),
    ("compliance.instructions", "'they requires' does not agree"),
    ("access.co-operate", "'the Commissioner' is not how the spec names the appointee"),
    ("letter.minded-to", "'They is' does not agree"),
    ("letter.minded-to", "the Secretary of State's 'she' in a letter in the first person"),
    ("letter.minded-to", "an organisation is 'which'"),
    ("letter.remit", "'the authority': the council is 'the Council'"),
    ("letter.welcome-and-representations", "'I' outside a letter the Secretary of State signs"),
    ("recital.appointment", "'Chris Lee as Chris Lee': appointed as itself"),
    ("recital.replaces-earlier", "'Jo Bloggs and Sam Patel continues' does not agree"),
    ("monitoring.appointee-findings", "the pronoun 'its' refers to no one it may"),
}
BROKEN_READINGS = [
    Reading("she-short", "they", "first"),
    Reading("organisation-short", "she", "third"),
    Reading("advisers-short", "he", "we"),
    Reading("he-full", "she", "first"),
]


def test_the_readings_catch_each_slip_of_a_broken_library(
    tmp_path: Path, write_spec: Callable[..., Path]
) -> None:
    for family, clauses in BROKEN.items():
        text = f"family: {family}\nclauses:{clauses}"
        (tmp_path / f"{family}.yaml").write_text(text, encoding="utf-8")
    library = load_library(extra=[tmp_path])
    found = [slip for r in BROKEN_READINGS for slip in slips(library, r, write_spec)]
    for clause_id, slip in sorted(CAUGHT):
        assert any(f.startswith(f"{clause_id} with") and slip in f for f in found), (
            clause_id,
            slip,
        )
    # The slips are the broken clauses' own: every bundled clause still reads right.
    assert {f.split(" with ")[0] for f in found} == {clause_id for clause_id, _ in CAUGHT}
