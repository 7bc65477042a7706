"""A bad spec gets one line naming the file, the line and the field; exit 2; nothing written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import KIRKLEES, Result

SAMPLE = KIRKLEES.read_text(encoding="utf-8")

# (name, edit of the Kirklees sample as (old, new), text of the line the message must name,
#  fragment the message contains)
CASES = [
    (
        "misspelt field",
        ("  name: Kirklees Council", "  nme: Kirklees Council"),
        "  nme: Kirklees",
        "council.nme: unknown field 'nme' (did you mean 'name'?)",
    ),
    (
        "misspelt section",
        ("council:\n", "councl:\n"),
        "councl:",
        "councl: unknown field 'councl' (did you mean 'council'?)",
    ),
    (
        "pronoun not allowed",
        ("pronoun: she", "pronoun: shee"),
        "pronoun: shee",
        "appointee.pronoun: 'shee' is not allowed",
    ),
    (
        "impossible date",
        ("date: 2018-01-25", "date: 2018-02-30"),
        "date: 2018-02-30",
        "date: '2018-02-30' is not a date in the calendar",
    ),
    (
        "not a date",
        ("id: first\n    date: 2016-11-25", "id: first\n    date: last November"),
        "date: last November",
        "earlier_directions[0].date: expected a date",
    ),
    (
        "unknown clause",
        ("clause: recital.expedient\n", "clause: recital.expedent\n"),
        "clause: recital.expedent",
        "unknown clause 'recital.expedent' (did you mean 'recital.expedient'?)",
    ),
    (
        "unknown parameter",
        ("{reappointed: true}", "{reapointed: true}"),
        "reapointed",
        "recitals[4].with.reapointed: clause 'recital.appointment' has no parameter 'reapointed' "
        "(did you mean 'reappointed'?)",
    ),
    (
        "wrong parameter type",
        ("{therefore: true, still: true}", "{therefore: yes please, still: true}"),
        "yes please",
        "must be true or false, not 'yes please'",
    ),
    (
        "unknown report id",
        ("{report: ofsted-2016}}", "{report: ofsted-2061}}"),
        "ofsted-2061",
        "no report with id 'ofsted-2061' (did you mean 'ofsted-2016'?)",
    ),
    (
        "missing parameter",
        (
            "{clause: partnership.co-operate, with: {partner: Leeds City Council}, end: .}",
            "{clause: partnership.co-operate, end: .}",
        ),
        "{clause: partnership.co-operate, end: .}",
        "clause 'partnership.co-operate' needs parameter 'partner'",
    ),
    (
        "clause and text",
        ("  - clause: recital.expedient\n", "  - clause: recital.expedient\n    text: x\n"),
        "  - clause: recital.expedient",
        "give either 'clause'",
    ),
    (
        "YAML syntax",
        ("recitals:\n", "recitals: [\n"),
        "  - clause: recital.noted-inadequate",
        "YAML syntax error, column 3",
    ),
    (
        "roman sub-items need restart",
        ("  numbering: continue\n", "  numbering: continue\n  sub_items: roman\n"),
        "  sub_items: roman",
        "roman sub-items need 'numbering: restart'",
    ),
    (
        "nested too deep",
        (
            "          with: {assess: the progress of service improvements}\n",
            "          with: {assess: the progress of service improvements}\n"
            "          items: [{text: x, items: [{text: y}]}]\n",
        ),
        "items: [{text: x",
        "paragraphs nest at most three levels deep",
    ),
]


def line_of(text: str, anchor: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if anchor in line)


@pytest.mark.parametrize(
    ("edit", "anchor", "fragment"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_spec_is_one_line_exit_2_and_writes_nothing(
    edit: tuple[str, str],
    anchor: str,
    fragment: str,
    write_spec: Callable[..., Path],
    run: Callable[..., Result],
    tmp_path: Path,
) -> None:
    old, new = edit
    assert SAMPLE.count(old) == 1, f"the edit {old!r} must match the sample once"
    text = SAMPLE.replace(old, new)
    spec = write_spec(text)
    out = tmp_path / "out"
    out.mkdir()
    result = run("build", spec, "-o", out)
    assert result.code == 2
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert result.err.startswith(f"drafting: error: {spec}:{line_of(text, anchor)}: ")
    assert fragment in result.err
    assert list(out.iterdir()) == []


def test_missing_appointee_is_named_at_the_clause(
    write_spec: Callable[..., Path], run: Callable[..., Result]
) -> None:
    text = SAMPLE.replace(
        "appointee:\n  name: Eleanor Brazil OBE\n  pronoun: she\n"
        "  role: Children's Services Commissioner\n  short: the Commissioner\n",
        "",
    )
    result = run("text", write_spec(text))
    assert result.code == 2
    assert "recitals[4]: clause 'recital.appointment': the spec has no appointee" in result.err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\xff\xfe\x00bad", "not UTF-8 text"),
        (b"- just\n- a list\n", "a spec must be a mapping of fields"),
    ],
    ids=["empty", "not UTF-8", "not a mapping"],
)
def test_unreadable_spec(
    content: bytes, message: str, tmp_path: Path, run: Callable[..., Result]
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_bytes(content)
    result = run("text", spec)
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith(f"drafting: error: {spec}") and message in result.err


def test_directory_and_missing_file(tmp_path: Path, run: Callable[..., Result]) -> None:
    assert "is a directory, not a file" in run("text", tmp_path).err
    missing = run("build", tmp_path / "nope.yaml")
    assert missing.code == 2 and "nope.yaml: no such file" in missing.err


def test_debug_shows_the_traceback(
    write_spec: Callable[..., Path], run: Callable[..., Result]
) -> None:
    result = run("--debug", "text", write_spec(SAMPLE.replace("pronoun: she", "pronoun: shee")))
    assert result.code == 2 and "Traceback" in result.err
