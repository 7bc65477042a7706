"""PRON: one set of pronouns for the appointee, and one for the Secretary of State.

    PRON001 error  the appointee is "her" in one place and "them" in another
    PRON002 error  the Secretary of State is "his" in one place and "her" in another
    PRON003 error  (specs) a pronoun that is not the one the spec gives the party

The phrases recognised are the ones directions use of each party ("which appears to her to be
necessary", "as they may reasonably require", "in accordance with his powers"); with a spec, any
sentence naming the appointee is also read for pronouns of another set.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from drafting.checks._model import Finding, Para, Subject, excerpt_around
from drafting.library._language import PRONOUN_FORMS

_SET_OF = {form: subject for subject, forms in PRONOUN_FORMS.items() for form in forms}
_SET_OF["hers"] = "she"
# Each phrase with the words it cannot be written without (see Subject.containing).
_APPOINTEE = [
    ("to be necessary", re.compile(r"\bappears? to (him|her|them|it) to be necessary", re.I)),
    ("may reasonably require", re.compile(r"\bas (he|she|they|it) may reasonably require", re.I)),
    # "instructions of Hampshire County Council ... such assistance as it may require".
    (
        "may require",
        re.compile(
            r"\binstructions of (?!the Secretary of State\b(?!'s))[^;]*?\bassistance as "
            r"(he|she|they|it) may require",
            re.I,
        ),
    ),
    (
        "responsibilities",
        re.compile(r"\bcarrying out of (his|her|their|its) responsibilities", re.I),
    ),
]
_SECRETARY = [
    ("powers", re.compile(r"\b(his|her|their) powers\b", re.I)),
    (
        "may require",
        re.compile(
            r"\binstructions of the Secretary of State\b(?!'s)[^;]*?\bassistance as (he|she|they) "
            r"may require",
            re.I,
        ),
    ),
    ("advisers", re.compile(r"\bSecretary of State and (his|her|their) advisers", re.I)),
]
_PRONOUN = re.compile(r"\b(she|her|hers|he|him|his|it|its|they|them|their)\b", re.IGNORECASE)
_OTHER_ANTECEDENTS = re.compile(
    r"Secretary of State|Council|Minister|Director|Chair|Leader|Board|partner", re.IGNORECASE
)
_SENTENCE = re.compile(r"[^.;:]+[.;:]?")


def check_pronouns(subject: Subject) -> Iterator[Finding]:
    """The appointee and the Secretary of State each keep one set of pronouns."""
    spec = subject.spec
    yield from _consistent(
        subject,
        _APPOINTEE,
        "PRON001",
        "the appointee",
        spec.appointee.pronoun if spec and spec.appointee else None,
    )
    yield from _consistent(
        subject,
        _SECRETARY,
        "PRON002",
        "the Secretary of State",
        spec.secretary_of_state.pronoun if spec else None,
    )
    if spec and spec.appointee:
        yield from _sentences_naming_appointee(subject)


def _consistent(
    subject: Subject,
    phrases: list[tuple[str, re.Pattern[str]]],
    code: str,
    party: str,
    declared: str | None,
) -> Iterator[Finding]:
    found: list[tuple[int, str, Para, re.Match[str]]] = []
    for order, (words, pattern) in enumerate(phrases):
        for para in subject.containing(words):
            found += [(order, _SET_OF[m[1].lower()], para, m) for m in pattern.finditer(para.text)]
    # In reading order, phrase by phrase within a paragraph: the first of equal counts wins.
    found.sort(key=lambda use: (use[2].index, use[0]))
    uses = [(pronoun_set, para, match) for _, pronoun_set, para, match in found]
    if not uses:
        return
    expected = declared or Counter(u[0] for u in uses).most_common(1)[0][0]
    for pronoun_set, para, match in uses:
        if pronoun_set != expected:
            reason = "the spec gives" if declared else "elsewhere the document uses"
            yield subject.finding(
                "PRON003" if declared else code,
                "error",
                para,
                excerpt_around(para.text, match.start(), match.end()),
                f"{party} is '{match.group(1)}' here, but {reason} '{expected}'",
            )


def _sentences_naming_appointee(subject: Subject) -> Iterator[Finding]:
    assert subject.spec is not None and subject.spec.appointee is not None
    appointee = subject.spec.appointee
    names = [
        name.lower()
        for name in (appointee.short, appointee.reference, appointee.name, appointee.role)
        if name
    ]
    expected = appointee.pronoun
    for para in subject.containing(*names):
        for sentence in _SENTENCE.finditer(para.text):
            text = sentence.group(0)
            lower = text.lower()
            mentions = [lower.find(name) for name in names if name in lower]
            if not mentions:
                continue
            if _OTHER_ANTECEDENTS.search(text.replace(appointee.reference or "", "")):
                continue
            # A pronoun refers back: only those after the appointee is named can mean them.
            for pronoun in _PRONOUN.finditer(text, min(mentions)):
                if _SET_OF[pronoun.group(1).lower()] != expected:
                    yield subject.finding(
                        "PRON003",
                        "error",
                        para,
                        excerpt_around(text, pronoun.start(), pronoun.end()),
                        f"the appointee is '{pronoun.group(1)}' here, but the spec gives "
                        f"'{expected}'",
                    )
