"""The import report: what matched, what stayed free text, how sure each fact is, the checks.

In: an `Imported`.  Out: the report as lines of text (for stderr) or as a JSON-ready dict
(`--format json`): counts of paragraph entries matched to clauses, each free-text paragraph with
its nearest clause and the differing words, each fact with how it was found, the drafting
checks' findings on the published text, and whether the round trip is clean.
"""

from __future__ import annotations

from typing import Any

from drafting.importing._document import Imported


def report_json(imported: Imported) -> dict[str, Any]:
    """The report as data."""
    matched = imported.matched
    clauses = sum(m.clause is not None for m in matched)
    comparison = imported.differences
    return {
        "file": str(imported.path),
        "kind": imported.kind,
        "paragraphs": len(matched),
        "matched": clauses,
        "share_matched": round(clauses / len(matched), 3) if matched else 1.0,
        "clauses": [m.clause for m in matched if m.clause],
        "free_text": [
            {
                "text": m.entry["text"],
                "nearest": m.nearest,
                "score": round(m.score, 1),
                "differing": m.differing,
            }
            for m in matched
            if m.clause is None
        ],
        "facts": [{"fact": f.name, "value": f.value, "how": f.how} for f in imported.facts],
        "findings": [
            {"code": f.code, "severity": f.severity, "where": f.where, "message": f.message}
            for f in imported.findings
        ],
        "round_trip": {
            "clean": comparison is not None and not comparison.unwaived,
            "differences": [
                {
                    "kind": d.kind,
                    "spec": str(d.left) if d.left else None,
                    "published": str(d.right) if d.right else None,
                }
                for d in (comparison.unwaived if comparison else [])
            ],
        },
    }


def report_lines(imported: Imported) -> list[str]:
    """The report as text, one finding a line."""
    data = report_json(imported)
    share = f"{data['share_matched']:.0%}"
    lines = [
        f"{data['file']}: {data['kind']}: {data['matched']} of {data['paragraphs']} paragraph "
        f"entries match clauses ({share})"
    ]
    lines += [f"  fact: {f['fact']}: {f['value']} ({f['how']})" for f in data["facts"]]
    for free in data["free_text"]:
        start = " ".join(free["text"].split()[:8])
        nearest = f"nearest {free['nearest']} ({free['score']:.0f}%)" if free["nearest"] else ""
        lines.append(f'  free text: "{start} ..." {nearest}: {free["differing"]}')
    for finding in data["findings"]:
        lines.append(
            f"  check: {finding['where']}: {finding['severity']} {finding['code']}: "
            f"{finding['message']}"
        )
    trip = data["round_trip"]
    if trip["clean"]:
        lines.append("  round trip: the spec builds the published text (no unwaived difference)")
    else:
        lines.append(f"  round trip: {len(trip['differences'])} differences remain")
        for difference in trip["differences"]:
            lines.append(
                f"    {difference['kind']}: spec {difference['spec']!r} / "
                f"published {difference['published']!r}"
            )
    return lines
