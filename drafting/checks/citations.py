"""CITE: statutory citations, parsed and resolved against the provisions directions cite.

CITE001 error    a section or subsection that does not exist, or is repealed
CITE002 error    a malformed citation: "section 497(A)", "SECTIONS 497(4B)" for one section,
"section 10, 12 and 17A", "497a (4b)", "the Education Act 1996 Act"
CITE003 warning  a section the table does not list, to be checked by hand
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from drafting._errors import DraftingError
from drafting.checks._model import Finding, Para, Severity, Subject, excerpt_around
from drafting.spec._yaml import load_yaml
from drafting.support._resources import package_file

_REF = r"\d+[A-Za-z]*(?:\s?\([0-9A-Za-z]+\))*"
_CITATION = re.compile(
    rf"\b(?P<word>sections?|ss?\.)\s+(?P<refs>{_REF}(?:\s*(?:,|\band\b|\bor\b|\bto\b)\s*{_REF})*)"
    r"\s+of\s+(?:the\s+)?(?P<act>(?:[\w']+\s+){1,5}?Act\s+\d{4}|\d{4}\s+Act)(?P<after>\s+Act\b)?",
    re.IGNORECASE,
)
_ONE_REF = re.compile(r"(?P<section>\d+[A-Za-z]*)(?P<space>\s?)(?P<subs>(?:\([0-9A-Za-z]+\))*)")
_SEPARATORS = re.compile(r"\s*(?:,|\band\b|\bor\b|\bto\b)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class _Provision:
    subsections: frozenset[str] | None
    repealed: frozenset[str]
    absent: frozenset[str]


@dataclass(frozen=True)
class _Act:
    name: str
    complete: bool
    sections: dict[str, _Provision]


@lru_cache(maxsize=1)
def _table() -> dict[str, _Act]:
    """Acts by lower-case name and by lower-case short form ("1996 act")."""
    data: dict[str, Any] = load_yaml(package_file("statutes.yaml"), DraftingError)[0]
    acts: dict[str, _Act] = {}
    for name, act in data["acts"].items():
        sections = {
            str(number): _Provision(
                frozenset(map(str, spec["subsections"])) if "subsections" in spec else None,
                frozenset(map(str, spec.get("repealed", []))),
                frozenset(map(str, spec.get("absent", []))),
            )
            for number, spec in act["sections"].items()
        }
        entry = _Act(name, bool(act.get("complete")), sections)
        acts[name.lower()] = entry
        acts[act["short"].lower().removeprefix("the ")] = entry
    return acts


def check_citations(subject: Subject) -> Iterator[Finding]:
    """Every citation of a section of an Act in the table resolves, in a proper form."""
    for para in subject.containing("section", "s."):
        for match in _CITATION.finditer(para.text):
            yield from _check_match(subject, para, match)


def _check_match(subject: Subject, para: Para, match: re.Match[str]) -> Iterator[Finding]:
    excerpt = excerpt_around(para.text, match.start(), match.end(), 10)
    refs = [r for r in _SEPARATORS.split(match["refs"]) if r]
    word = match["word"].lower()
    if word.startswith("section") and (word == "sections") != (len(refs) > 1):
        expected = "sections" if len(refs) > 1 else "section"
        yield subject.finding(
            "CITE002",
            "error",
            para,
            excerpt,
            f"write '{expected}' for {len(refs)} section{'s' * (len(refs) > 1)}",
        )
    if match["after"]:
        yield subject.finding(
            "CITE002", "error", para, excerpt, f"'Act' is repeated after '{match['act']}'"
        )
    act = _table().get(" ".join(match["act"].lower().split()))
    shouting = match.group(0).isupper()
    for ref in refs:
        yield from _check_ref(subject, para, excerpt, ref, act, shouting)


def _check_ref(
    subject: Subject, para: Para, excerpt: str, ref: str, act: _Act | None, shouting: bool
) -> Iterator[Finding]:
    parts = _ONE_REF.fullmatch(ref)
    if parts is None:
        return
    section, subs = parts["section"], re.findall(r"\(([0-9A-Za-z]+)\)", parts["subs"])
    if subs and re.fullmatch(r"[A-Za-z]", subs[0]):
        yield subject.finding(
            "CITE002",
            "error",
            para,
            excerpt,
            f"there is no 'section {section}({subs[0]})': write section {section}{subs[0].upper()}",
        )
        return
    if not shouting and (section != section.upper() or (subs and subs[0] != subs[0].upper())):
        yield subject.finding(
            "CITE002",
            "error",
            para,
            excerpt,
            f"write section {section.upper()}"
            + "".join(f"({s.upper()})" for s in subs[:1])
            + " in capitals",
        )
    if parts["space"]:
        yield subject.finding(
            "CITE002", "error", para, excerpt, "no space between a section and its subsection"
        )
    if act is None:
        return
    yield from _resolve(subject, para, excerpt, act, section.upper(), [s.upper() for s in subs[:1]])


def _resolve(
    subject: Subject, para: Para, excerpt: str, act: _Act, section: str, subs: list[str]
) -> Iterator[Finding]:
    provision = act.sections.get(section)
    if provision is None:
        severity: Severity = "error" if act.complete else "warning"
        code = "CITE001" if act.complete else "CITE003"
        yield subject.finding(
            code,
            severity,
            para,
            excerpt,
            f"section {section} of the {act.name} is not in the table of "
            "provisions directions cite; check it",
        )
        return
    for sub in subs:
        cited = f"section {section}({sub}) of the {act.name}"
        if sub in provision.absent or (
            provision.subsections is not None and sub not in provision.subsections
        ):
            yield subject.finding("CITE001", "error", para, excerpt, f"there is no {cited}")
        elif sub in provision.repealed:
            yield subject.finding("CITE001", "error", para, excerpt, f"{cited} is repealed")
