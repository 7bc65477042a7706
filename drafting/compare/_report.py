"""How a comparison is shown: a terminal report, JSON for scripts, a side-by-side HTML page.

Every report names each difference by the paragraph's part and full label (`direction 7.c.ii`,
`annex 3.a`, `letter paragraph 4`), begins a row with `file:line:` where a side is a text file
(for editors to jump to), and shows changed words as `[-old-]{+new+}` (coloured on a terminal),
and ends with a summary line of counts and the word-level similarity.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from typing import IO, Any

from drafting.compare._diff import Comparison, Difference, Row, WordChange
from drafting.read._normalise import RULES, TextParagraph

CONTEXT_WORDS = 6


def name(paragraph: TextParagraph | None) -> str:
    """How a report names a paragraph: its part and full label (`annex 3.a`)."""
    if paragraph is None:
        return "-"
    return paragraph.where


def jump(comparison: Comparison, difference: Difference) -> str:
    """`file:line:` of the difference in a side that is a text file (the right one first)."""
    if comparison.right_lines and difference.right is not None:
        return f"{comparison.right_name}:{difference.right.line}:"
    if comparison.left_lines and difference.left is not None:
        return f"{comparison.left_name}:{difference.left.line}:"
    for side, name in (
        (difference.right, comparison.right_name),
        (difference.left, comparison.left_name),
    ):
        if side is not None and side.page is not None:
            return f"{name}: page {side.page}:"
    return ""


def summary(comparison: Comparison) -> str:
    """The closing line: counts by kind and the word similarity."""
    counts = ", ".join(f"{n} {kind}" for kind, n in comparison.counts().items())
    return f"{counts}; word similarity {comparison.similarity:.1%}"


def word_pieces(words: Iterable[WordChange]) -> list[tuple[str, str]]:
    """(kind, text) pieces of a changed paragraph: marked changes and a little shared context."""
    changes = list(words)
    pieces = []
    for index, change in enumerate(changes):
        if change.kind == "deleted":
            pieces.append(("deleted", f"[-{change.text}-]"))
        elif change.kind == "inserted":
            pieces.append(("inserted", f"{{+{change.text}+}}"))
        else:
            pieces.append(("equal", _context(change.text, index, len(changes), CONTEXT_WORDS)))
    return pieces


def marked_words(words: Iterable[WordChange]) -> str:
    """Changed words in plain marks, `[-old-]{+new+}`, with a little shared context around them."""
    return " ".join(text for _, text in word_pieces(words))


def _context(text: str, index: int, count: int, context: int) -> str:
    words = text.split()
    if len(words) <= 2 * context:
        return text
    if index == 0:
        return "… " + " ".join(words[-context:])
    if index == count - 1:
        return " ".join(words[:context]) + " …"
    return " ".join(words[:context]) + " … " + " ".join(words[-context:])


def describe(difference: Difference) -> tuple[str, str]:
    """(where, what) for one difference, in plain text."""
    left, right = difference.left, difference.right
    if difference.kind == "renumbered":
        pairs = difference.renumbered
        shown = ", ".join(f"{a}. → {b}." for a, b in pairs[:4])
        more = f", … ({len(pairs)} paragraphs)" if len(pairs) > 4 else ""
        return "", f"{shown}{more}"
    if difference.kind == "changed":
        return f"{name(left)} ↔ {name(right)}", marked_words(difference.words)
    if difference.kind == "inserted":
        return f"→ {name(right)}", right.text if right else ""
    if difference.kind == "deleted":
        return f"{name(left)} →", left.text if left else ""
    if difference.kind == "moved":
        return f"{name(left)} → {name(right)}", left.text if left else ""
    return f"{name(left)} ↔ {name(right)}", "; ".join(difference.reasons)


# --- terminal ----------------------------------------------------------------------------------

_STYLE = {
    "changed": "yellow",
    "inserted": "green",
    "deleted": "red",
    "moved": "cyan",
    "renumbered": "blue",
    "waived": "dim",
}


def print_report(
    comparison: Comparison, stream: IO[str] | None = None, verbose: bool = False
) -> None:
    """The report for a person: colour on a terminal, plain text when piped.

    `verbose` adds the waivers that were given but found nothing to waive.
    """
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, highlight=False, soft_wrap=True)
    console.print(Text(f"Comparing {comparison.left_name} with {comparison.right_name}"))
    for note in comparison.notes:
        console.print(Text(f"note: {note}", style="dim"))
    for difference in comparison.differences:
        where, what = describe(difference)
        place = jump(comparison, difference)
        line = Text(f"{place} " if place else "")
        line.append(f"{difference.kind:<10} ", style=_STYLE[difference.kind])
        line.append(f"{where}  " if where else "")
        if difference.kind == "changed":
            for index, (kind, text) in enumerate(word_pieces(difference.words)):
                line.append(" " if index else "")
                line.append(text, style=_STYLE.get(kind, ""))
        else:
            line.append(what)
        console.print(line)
    for waiver in comparison.unused_waivers if verbose else ():
        console.print(
            Text(
                f"unused waiver: {waiver.right!r} is not in {comparison.right_name} exactly once",
                style="dim",
            )
        )
    console.print(Text(summary(comparison)))


def explain_normalisation() -> str:
    """The normalisation rules, one a line, as `--explain-normalisation` prints them."""
    return "\n".join(f"{rule.name}: {rule.explanation}" for rule in RULES)


# --- JSON --------------------------------------------------------------------------------------


def as_json(comparison: Comparison) -> str:
    """The comparison for scripts."""
    return json.dumps(
        {
            "left": comparison.left_name,
            "right": comparison.right_name,
            "differences": [_difference_json(comparison, d) for d in comparison.differences],
            "unused_waivers": [w.__dict__ for w in comparison.unused_waivers],
            "notes": comparison.notes,
            "counts": comparison.counts(),
            "similarity": round(comparison.similarity, 4),
            "differ": bool(comparison.unwaived),
        },
        indent=2,
        ensure_ascii=False,
    )


def _paragraph_json(paragraph: TextParagraph | None, lines: bool) -> dict[str, Any] | None:
    if paragraph is None:
        return None
    located: dict[str, Any] = {
        "where": paragraph.where,
        "part": paragraph.part or None,
        "label": paragraph.path,
    }
    if lines:
        located["line"] = paragraph.line
    if paragraph.page is not None:
        located["page"] = paragraph.page
    return {**located, "text": paragraph.text}


def _difference_json(comparison: Comparison, difference: Difference) -> dict[str, Any]:
    return {
        "kind": difference.kind,
        "left": _paragraph_json(difference.left, comparison.left_lines),
        "right": _paragraph_json(difference.right, comparison.right_lines),
        "words": [{"kind": w.kind, "text": w.text} for w in difference.words],
        "reasons": list(difference.reasons),
        "renumbered": [list(pair) for pair in difference.renumbered],
    }


# --- HTML --------------------------------------------------------------------------------------

_CSS = """
body { font-family: Arial, sans-serif; margin: 2em; color: #0b0c0c; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
td, th { border-bottom: 1px solid #b1b4b6; padding: .4em .6em; vertical-align: top; }
th { text-align: left; } td.label { width: 3em; color: #505a5f; }
tr.changed td { background: #fff7bf; } tr.inserted td.right { background: #e5f3eb; }
tr.deleted td.left { background: #f6d7d2; } tr.waived td { color: #505a5f; }
del { background: #f6d7d2; } ins { background: #cce2d8; text-decoration: none; }
p.reason { font-size: .9em; color: #505a5f; margin: .2em 0 0; }
"""


def as_html(comparison: Comparison) -> str:
    """A self-contained side-by-side page (no scripts, no external files)."""
    body = "".join(_html_row(row) for row in comparison.rows)
    title = f"{comparison.left_name} compared with {comparison.right_name}"
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p>{html.escape(summary(comparison))}</p>"
        '<table><thead><tr><th class="label"></th>'
        f'<th>{html.escape(comparison.left_name)}</th><th class="label"></th>'
        f"<th>{html.escape(comparison.right_name)}</th></tr></thead>"
        f"<tbody>{body}</tbody></table></body></html>\n"
    )


def _html_row(row: Row) -> str:
    kind = "waived" if row.waivers and row.kind == "equal" else row.kind
    if row.words:
        left = "".join(_html_words(row.words, "deleted"))
        right = "".join(_html_words(row.words, "inserted"))
    else:
        left = html.escape(row.left.text) if row.left else ""
        right = html.escape(row.right.text) if row.right else ""
    for waiver in row.waivers:
        right += f'<p class="reason">Waived: {html.escape(waiver.reason)}</p>'
    return (
        f'<tr class="{kind}"><td class="label">{html.escape(_label(row.left))}</td>'
        f'<td class="left">{left}</td><td class="label">{html.escape(_label(row.right))}</td>'
        f'<td class="right">{right}</td></tr>'
    )


def _label(paragraph: TextParagraph | None) -> str:
    return f"{paragraph.label}." if paragraph and paragraph.label else ""


def _html_words(words: Iterable[WordChange], side: str) -> Iterable[str]:
    tag = {"deleted": "del", "inserted": "ins"}[side]
    for change in words:
        if change.kind == "equal":
            yield html.escape(change.text) + " "
        elif change.kind == side:
            yield f"<{tag}>{html.escape(change.text)}</{tag}> "
