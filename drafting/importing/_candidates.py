"""Candidate clauses: the paragraphs no clause matched, written as clauses for the library.

In: an `Imported`.  Out: a clause file (YAML text in the format of `clauses/*.yaml`) holding one
clause per free-text paragraph, its facts turned into template variables — the council and its
area, the Secretary of State, the appointee and the appointee's pronouns, the direction's date,
a report's defined term — ready for review before it joins the library.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from drafting.importing._document import Imported
from drafting.library._language import capfirst
from drafting.spec._dates import PartialDate


def candidate_clauses(imported: Imported) -> str:
    """The clause file of candidate clauses (empty `clauses:` when every paragraph matched)."""
    replacements = _replacements(imported.spec)
    clauses: dict[str, Any] = {}
    for part, top in imported.entries:
        for matched in top.walk():
            if matched.clause is not None:
                continue
            text, params = _templated(matched.entry["text"], replacements)
            number = len(clauses) + 1
            clause: dict[str, Any] = {
                "title": " ".join(matched.entry["text"].split()[:10]) + " ...",
                "source": f"{imported.path.name}, {part} {number}",
            }
            if params:
                clause["params"] = params
            clause["text"] = text
            if matched.nearest:
                clause["source"] += f" (nearest clause {matched.nearest})"
            clauses[f"imported.{part}-{number}"] = clause
    header = (
        f"# Candidate clauses from {imported.path.name}: the paragraphs no clause matched, with\n"
        "# their facts made template variables. Review each before adding it to clauses/.\n"
    )
    body = yaml.safe_dump(
        {"family": "imported", "clauses": clauses}, sort_keys=False, width=96, allow_unicode=True
    )
    return header + body


def _replacements(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(published words, template text, parameters it needs), longest words first."""
    found: list[tuple[str, str, dict[str, Any]]] = []
    council = spec.get("council", {})
    if council.get("name"):
        term = council.get("term", "the Council")
        found.append((f'{council["name"]} ("{term}")', "{{ council|mention }}", {}))
        found.append((council["name"], "{{ council.name }}", {}))
        found.append((term, "{{ council|mention }}", {}))
        found.append((term[:1].upper() + term[1:], "{{ council|mention|capfirst }}", {}))
        if council.get("area"):
            found.append((council["area"], "{{ council.area }}", {}))
    sos = spec.get("secretary_of_state", {})
    title, sos_term = sos.get("title", "Secretary of State for Education"), "the Secretary of State"
    for article, template in (("the", "{{ sos|mention }}"), ("The", "{{ sos|mention|capfirst }}")):
        found.append((f'{article} {title} ("{sos_term}")', template, {}))
        found.append((f"{article} {title}", template, {}))
        found.append((f"{article} Secretary of State", template, {}))
    if council.get("name"):
        term = council.get("term", "the Council")
        found.append((f'{council["name"]} ("{term})', "{{ council|mention }}", {}))
        found.append((f"{term}'s", "{{ council|mention|possessive }}", {}))
    appointee = spec.get("appointee", {})
    for key in ("name", "reference", "short"):
        if appointee.get(key):
            found.append((appointee[key], f"{{{{ appointee.{key} }}}}", {}))
    if appointee.get("role"):
        found.append((f"the {appointee['role']}", "{{ appointee.reference }}", {}))
    for report in spec.get("reports", []):
        if report.get("term"):
            param = {"report": {"type": "report"}}
            for long in _long_forms(report):
                defined = f'{long} ("{report["term"]}")'
                found.append((defined, "{{ report|mention }}", param))
                found.append((capfirst(defined), "{{ report|mention|capfirst }}", param))
            found.append((report["term"], "{{ report|mention }}", param))
    return sorted(found, key=lambda r: len(r[0]), reverse=True)


#: How the library's reference clauses first describe each kind of report.
_DESCRIBED = {
    "ofsted-inspection": "Ofsted's inspection report of {}",
    "ofsted-monitoring-letter": "Ofsted's letter of {} to the Council",
    "ofsted-focused-visit-letter": "Ofsted's focused visit letter of {}",
    "commissioner-report": "the Children's Services Commissioner's report of {}",
}


def _long_forms(report: dict[str, Any]) -> list[str]:
    """The ways a report may be described before its defined term, in either date style."""
    if report.get("description"):
        return [report["description"]]
    date = PartialDate.parse(report["date"])
    form = _DESCRIBED.get(report["kind"], "")
    return [form.format(date.format(style)) for style in ("ordinal", "plain")] if form else []


def _templated(
    text: str, replacements: list[tuple[str, str, dict[str, Any]]]
) -> tuple[str, dict[str, Any]]:
    params: dict[str, Any] = {}
    # Text and variables alternate (even places: published words still to search), so each
    # piece of wording is replaced once, longest first, and never inside a variable.
    pieces: list[str] = [text]
    for words, template, needs in replacements:
        pattern = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")
        index = 0
        while index < len(pieces):
            parts = pattern.split(pieces[index])
            if len(parts) > 1:
                params.update(needs)
                spliced = [p for part in parts for p in (part, template)][:-1]
                pieces[index : index + 1] = spliced
                index += len(spliced) - 1
            index += 2
    return "".join(pieces), params
