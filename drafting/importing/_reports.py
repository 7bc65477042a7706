"""Reports and earlier directions as a published direction cites them.

In: the direction's text and the `Facts` found so far (the date style decides whether a report's
own wording must be kept as its description).  Out: `reports` (kind, date, defined term,
description, subject) and `earlier_directions` (date, term, revoked) added to the facts, each
noted with how it was found.  What a report found and what a direction required are read later,
by the clause matcher.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from drafting.importing._dates import DATE, parse_date

if TYPE_CHECKING:
    from drafting.importing._facts import Facts


#: How each kind of report is first described (the library's reference clauses say the same).
_REPORTS = {
    "ofsted-inspection": r"Ofsted's inspection report of (?P<date>{date})",
    "ofsted-monitoring-letter": r"Ofsted's letter of (?P<date>{date}) to the Council",
    "ofsted-focused-visit-letter": r"Ofsted's focused visit letter of (?P<date>{date})",
    "commissioner-report": r"the Children's Services Commissioner's report of (?P<date>{date})",
}
_TERM = r'(?: \("(?P<term>[^"]+)"\))?'
_JUDGEMENT = re.compile(r"'(inadequate|requires improvement(?: to be good)?|good|outstanding)'")


#: Reports described in words of their own: kind, pattern (with `description` when the words
#: are the description), and whether the subject is what the pattern captures.
_DESCRIBED = (
    (
        "commissioner-report",
        r"(?P<description>the report of (?P<date>{date}) submitted by the Children's Services "
        r"Commissioner)",
    ),
    (
        "commissioner-report",
        r"(?P<description>the Commissioner's report of (?P<date>{date}))",
    ),
    (
        "ofsted-inspection",
        r"(?P<description>the Ofsted (?:inspection|report) (?:of|on|into) [^,;]+?), published "
        r"(?P<date>{date})",
    ),
)
#: Earlier inspections listed by subject: "judgements for arrangements for ... (February 2013)".
_BY_SUBJECT = re.compile(rf"(?:judgements |and )for (?P<subject>[a-z][^()]*?) \((?P<date>{DATE})\)")


def reports_and_directions(facts: Facts, text: str) -> None:
    reports: list[dict[str, Any]] = []
    ordinal = facts.data.get("style", {}).get("dates") == "ordinal"
    for kind, pattern in [*_REPORTS.items(), *_DESCRIBED]:
        regex = re.compile(pattern.format(date=DATE) + _TERM, re.IGNORECASE)
        for match in regex.finditer(text):
            parsed = parse_date(match.group("date"))
            if parsed is None or any(r["date"] == str(parsed[0]) for r in reports):
                continue
            report = _report(kind, str(parsed[0]), match.groupdict())
            if parsed[1] != ordinal and "description" not in report:
                # dated in the other style from the document's: described as written
                report["description"] = _lower_article(match.group(0).split(' ("')[0])
            reports.append(report)
            facts.note(f"report {report['id']}", match.group(0), f"a {kind.replace('-', ' ')}")
    for match in _BY_SUBJECT.finditer(text):
        parsed = parse_date(match.group("date"))
        if parsed is None or any(r["date"] == str(parsed[0]) for r in reports):
            continue
        report = _report("ofsted-inspection", str(parsed[0]), {"subject": match.group("subject")})
        report["judgement"] = "inadequate"
        reports.append(report)
        facts.note(f"report {report['id']}", match.group(0), "an earlier inspection, by subject")
    reports.sort(key=lambda r: r["date"])
    facts.data["reports"] = reports
    directions: list[dict[str, Any]] = []
    issued = re.compile(
        rf"(?:statutory direction (?:on|in)|the direction issued to the Council dated) "
        rf"(?P<date>{DATE}){_TERM}"
    )
    for match in issued.finditer(text):
        parsed = parse_date(match.group("date"))
        if parsed is None or any(d["date"] == str(parsed[0]) for d in directions):
            continue
        direction: dict[str, Any] = {"id": f"direction-{parsed[0]}", "date": str(parsed[0])}
        term = match.group("term")
        if term:
            direction["term"] = term
        revoked = [f"revokes {term}"] if term else []
        revoked.append(f"revokes the direction issued to the Council dated {match.group('date')}")
        if any(words in text for words in revoked):
            direction["revoked"] = True
        directions.append(direction)
        facts.note(
            f"earlier direction {direction['id']}",
            match.group(0),
            "revoked" if direction.get("revoked") else "not revoked",
        )
    facts.data["earlier_directions"] = directions


def _report(kind: str, date: str, found: dict[str, Any]) -> dict[str, Any]:
    report: dict[str, Any] = {"id": f"{kind.split('-')[-1]}-{date}", "kind": kind, "date": date}
    for key in ("term", "description", "subject"):
        if found.get(key):
            report[key] = _lower_article(found[key]) if key == "description" else found[key]
    return report


def _lower_article(text: str) -> str:
    """`The 2016 report` as it reads mid-sentence (clauses capitalise it where it begins one)."""
    return "t" + text[1:] if text.startswith("The ") else text
