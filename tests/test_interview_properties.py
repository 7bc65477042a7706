"""Properties of the interview: any sample varied round-trips; any answers leave it sound.

Hypothesis varies the samples (council, pronouns, names, dates, house style) and checks that
every default from such a spec writes it back unchanged; and drives the engine with random
answers (defaults, blanks, impossible dates, stray text, back, stopping and resuming) checking
that nothing escapes, the answers file stays valid after every step, resuming carries on at the
same question, and a review that may write builds with no check errors.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting import DraftingError, Interview, answer_unattended
from drafting.interview._state import read_answers
from drafting.support._resources import councils
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow
SETTINGS = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NAMES = st.sampled_from(["Alex Jones", "Sam Patel OBE", "Dr Chris Lee", "Jo Brown CBE"])
PRONOUNS = st.sampled_from(["she", "he", "they"])


@st.composite
def varied_specs(draw: st.DrawFn) -> dict[str, Any]:
    """A sample with its facts varied: a different council, people, pronouns, date, style."""
    data, _ = read_answers(draw(st.sampled_from(SAMPLES)))
    spec = copy.deepcopy(data)
    council = draw(st.sampled_from(councils()))
    spec["council"] = {**spec["council"], "name": council}
    spec["secretary_of_state"]["pronoun"] = draw(PRONOUNS)
    if isinstance(spec.get("appointee"), dict):
        spec["appointee"]["pronoun"] = draw(PRONOUNS)
        if spec["appointee"].get("name"):
            spec["appointee"]["name"] = draw(NAMES)
    if spec.get("date") not in (None, "blank"):
        day = draw(st.integers(1, 28))
        spec["date"] = f"{str(spec['date'])[:7]}-{day:02d}"
    spec["style"] = {**spec.get("style", {}), "dates": draw(st.sampled_from(["plain", "ordinal"]))}
    spec.pop("accepted_findings", None)  # the findings they accept may not occur once varied
    spec.pop("published_differences", None)
    return spec


@SETTINGS
@given(spec=varied_specs())
def test_every_default_from_any_varied_spec_writes_it_back(
    spec: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    from drafting.interview._state import dump

    folder = tmp_path_factory.mktemp("spec")
    source = folder / "source.yaml"
    source.write_text(dump(spec), "utf-8")
    interview = Interview.start(folder / "answers.yaml", from_spec=source)
    answer_unattended(interview, {"council.name": spec["council"]["name"]})
    written, _ = read_answers(folder / "answers.yaml")
    written.pop("interview")
    assert written == read_answers(source)[0]


ACTIONS = st.lists(
    st.one_of(
        st.just(("default", None)),
        st.just(("default", None)),
        st.just(("default", None)),
        st.just(("blank", "")),
        st.just(("bad date", "31/02/2018")),
        st.just(("text", "Narnia")),
        st.just(("back", None)),
        st.just(("stop", None)),
        st.just(("yes", True)),
    ),
    min_size=5,
    max_size=60,
)


def step(interview: Interview, path: Path, action: tuple[str, Any]) -> Interview:
    """One thing a drafter might do; returns the interview (a new one after stopping)."""
    kind, value = action
    question = interview.question
    if question is None:
        return interview
    if kind == "back":
        interview.back()
    elif kind == "stop":
        resumed = Interview.resume(path)
        assert resumed.question is not None and resumed.question.id == question.id
        return resumed
    elif kind == "default":
        interview.answer(question.default, confirm=True)
    else:
        interview.answer(value)
    return interview


@SETTINGS
@given(actions=ACTIONS, start=st.sampled_from([None, *SAMPLES]))
def test_random_answers_never_break_the_interview(
    actions: list[tuple[str, Any]], start: Path | None, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("interview") / "answers.yaml"
    interview = Interview.start(path, from_spec=start)
    for action in actions:
        interview = step(interview, path, action)
        read_answers(path)  # valid, and of the spec's shape, after every step
    try:  # the rest: every default, then the review
        answer_unattended(interview, {"council.name": "Kirklees Council"})
    except DraftingError:
        return  # a question the random answers left without an answer, named
    review = interview.review()
    if review.can_write:
        built = interview.write(path.parent)
        assert built.paths and not any(report.errors for report in built.reports)
