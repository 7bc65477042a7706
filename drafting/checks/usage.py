"""TERM005-006: defined terms used without a definition, or in a variant form.

TERM005 warning  a term that directions define ("the Commissioner", "the Improvement Board", "the
Terms of Reference") used with no definition, and not the short form of a name the text gives
("the Children's Services Commissioner" … "the Commissioner") nor introduced as "an
Improvement Board"
TERM006 warning  a defined term used in a variant form: a word left out ("the Ofsted report"
for "the 2018 Ofsted report") or "services" put in ("children's social care services
functions" for "children's social care functions")

In: a `Subject`.  Out: findings.  Letters are not checked for TERM005: they name the council
and the Commissioner as a letter does, without definitions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafting.checks._model import Finding, Para, Subject, excerpt_around
from drafting.checks.terms import _definitions

#: Terms directions define before they use them; each is "the" and a capitalised name.
DEFINED_IN_DIRECTIONS = (
    "the Commissioner",
    "the Improvement Board",
    "the Terms of Reference",
    "the 1996 Act",
)


def check_usage(subject: Subject) -> Iterator[Finding]:
    """Terms are defined before use, and used in the form defined."""
    terms = {d.term for d in _definitions(subject)}
    if subject.kind != "letter" and not subject.containing("dear "):
        yield from _undefined(subject, terms)
    for term in sorted(terms):
        yield from _variants(subject, term, terms)


def _undefined(subject: Subject, terms: set[str]) -> Iterator[Finding]:
    for term in DEFINED_IN_DIRECTIONS:
        if term in terms:
            continue
        name = term.removeprefix("the ")
        use = re.compile(rf"\b[Tt]he {re.escape(name)}\b")
        longer = re.compile(rf"(?:[A-Z][\w']*\s+)+{re.escape(name)}\b")
        introduced = re.compile(rf"\b(?:[Aa]n?|[Tt]he (?:new|proposed)) {re.escape(name)}\b")
        for para in subject.containing(name.lower()):
            if longer.search(para.text) or introduced.search(para.text):
                break  # named in full, or introduced: the short form refers to it from here
            match = use.search(para.text)
            if match:
                yield subject.finding(
                    "TERM005",
                    "warning",
                    para,
                    excerpt_around(para.text, match.start(), match.end()),
                    f'"{term}" is used but never defined',
                )
                break


def _variants(subject: Subject, term: str, terms: set[str]) -> Iterator[Finding]:
    for variant in _variant_forms(term):
        if variant in terms:
            continue
        pattern = re.compile(rf"(?<![\w-]){re.escape(variant)}(?![\w-])", re.IGNORECASE)
        whole = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.IGNORECASE)
        for para in subject.containing(variant.lower()):
            inside = [(m.start(), m.end()) for m in whole.finditer(para.text)]
            for match in pattern.finditer(para.text):
                if any(s <= match.start() and match.end() <= e for s, e in inside):
                    continue
                if _quoted(para, match.start()):
                    continue
                yield subject.finding(
                    "TERM006",
                    "warning",
                    para,
                    excerpt_around(para.text, match.start(), match.end()),
                    f'"{match.group()}" is a variant of the defined term "{term}"',
                )


def _quoted(para: Para, position: int) -> bool:
    """Inside quotation marks: the words of another document, not the direction's own."""
    return para.text.count('"', 0, position) % 2 == 1


def _variant_forms(term: str) -> list[str]:
    """The term with an inner word left out (three words or more kept), or "services" put in."""
    words = term.split()
    forms = [" ".join(words[:i] + words[i + 1 :]) for i in range(1, len(words) - 1)]
    if "services" in words:
        forms.append(" ".join(w for w in words if w != "services"))
    elif len(words) >= 3:
        forms.append(" ".join([*words[:-1], "services", words[-1]]))
    return [f for f in dict.fromkeys(forms) if len(f.split()) >= 3 and f != term]
