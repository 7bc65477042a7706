"""How every clause of the library is read for every kind of appointee and every letter voice.

In: the clause library and a `Reading` (who is appointed, the Secretary of State's pronoun, who
signs the letter).  Out: each clause's paragraph as the built documents show it
(`read_clauses`), and the slips a reader would see in it (`slips`).  Used by
`tests/test_every_clause_every_appointee.py`, which says what is read and why.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafting import Draft
from drafting.document._tree import ANCHOR_PATTERN, Line, NumberedList, Paragraph
from drafting.library._clauses import Clause, ClauseLibrary
from tests.conftest import FIXTURE_REPORT

# --- who is appointed, who speaks ----------------------------------------------------------------

PERSON = {"kind": "person", "role": "Children's Services Commissioner"}
ADVISERS = {
    "kind": "advisers",
    "name": "Jo Bloggs and Sam Patel",
    "pronoun": "they",
    "role": "improvement advisers",
}
ORGANISATION = {
    "kind": "organisation",
    "name": "Eastshire County Council",
    "pronoun": "it",
    "role": "improvement adviser",
}
#: Each kind of appointee named by a short name, and named in full throughout.
APPOINTEES: dict[str, dict[str, str]] = {
    "she-short": {**PERSON, "name": "Alex Morgan", "pronoun": "she", "short": "the Commissioner"},
    "she-full": {**PERSON, "name": "Alex Morgan", "pronoun": "she", "reference": "Alex Morgan"},
    "he-short": {**PERSON, "name": "Chris Lee", "pronoun": "he", "short": "the Commissioner"},
    "he-full": {**PERSON, "name": "Chris Lee", "pronoun": "he", "reference": "Chris Lee"},
    "they-short": {**PERSON, "name": "Sam Rivera", "pronoun": "they", "short": "the Commissioner"},
    "they-full": {**PERSON, "name": "Sam Rivera", "pronoun": "they", "reference": "Sam Rivera"},
    "advisers-short": {
        **ADVISERS,
        "reference": "the Secretary of State's advisers",
        "short": "the advisers",
    },
    "advisers-full": {**ADVISERS, "reference": "Jo Bloggs and Sam Patel"},
    "organisation-short": {
        **ORGANISATION,
        "reference": "Eastshire County Council",
        "short": "Eastshire",
    },
    "organisation-full": {**ORGANISATION, "reference": "Eastshire County Council"},
    # The interview offers an organisation "they" too; its name still takes a singular verb.
    "organisation-they": {
        **ORGANISATION,
        "pronoun": "they",
        "reference": "Eastshire County Council",
    },
}
#: Who signs the letter, for each voice (the spec's `voice` is left to follow from them).
SECRETARY = {"name": "Rt Hon A Minister MP", "title_lines": ["Secretary of State for Education"]}
SIGNATORIES: dict[str, list[dict[str, Any]]] = {
    "first": [SECRETARY],
    "we": [
        {"name": "Rt Hon B Minister MP", "title_lines": ["Secretary of State for Housing"]},
        SECRETARY,
    ],
    "third": [{"name": "C Official", "title_lines": ["Director, Children's Services"]}],
}
SOS_PRONOUNS = ("she", "he", "they")
#: Every name any appointee of this test has, and the words of their roles: an appointee's text
#: may show only its own.
APPOINTEE_WORDS = re.compile(
    r"\b(?:[Tt]he )?(?:Commissioner|advisers?|Alex Morgan|Chris Lee|Sam Rivera|Jo Bloggs|Sam Patel|"
    r"Eastshire(?: County Council)?)\b"
)

# --- what the reader may see --------------------------------------------------------------------

PRONOUN_FORMS = {
    "she": {"she", "her", "hers", "herself"},
    "he": {"he", "him", "his", "himself"},
    "it": {"it", "its", "itself"},
    "they": {"they", "them", "their", "theirs", "themselves"},
}
ALL_PRONOUNS = sorted(set().union(*PRONOUN_FORMS.values()))
PRONOUN = re.compile(r"\b(?:" + "|".join(ALL_PRONOUNS) + r")\b", re.I)
#: Phrases whose pronoun refers to someone or something other than the appointee or the
#: Secretary of State.  A new clause whose pronoun means the council, a board or the direction
#: adds its phrase here.
OTHER_REFERENTS = [
    r"exercise of its\b",  # the council's exercise of its functions
    r"\bits area\b",  # the council's
    r"\bto discharge its\b",  # a council's
    r"\bfailed as its\b",  # the council's services
    r"\bin its delivery\b",  # the council's
    r"\bstandard its functions\b",  # the council's SEND functions
    r"\bdeliver all of its\b",  # the council's functions
    r"\bas it sees fit\b",  # the council adds members to the board
    r"\battend(?:ing)? its meetings\b",  # the improvement board's
    r"\bon its readiness\b",  # the children's services trust's
    r"\bthose functions to it\b",  # the trust
    r"\bchanges to it\b",  # the partnership agreement
    r"\buntil it is revoked\b",  # the direction
    r"\bon which it is made\b",  # the direction
    r"\bconsiders? it expedient\b",  # "it" that stands for what follows
    r"\bthe Minister requires it\b",  # more frequent updates
    r"\bthe progress they show\b",  # the board's papers
    r"\bbuild on their capabilities\b",  # the senior team's
]
#: Wording of another party that uses an appointee's words: a Commissioner's report is named by
#: who wrote it, whoever the appointee is.
NOT_THE_APPOINTEE = [r"Children's Services Commissioner's report of"]
#: After a subject that takes a plural verb, a verb that is singular ("they requires"); after
#: a singular subject, a plural one ("it require").
SINGULAR_VERB = r"(?!(?:as|always|perhaps|thus)\b)(?:[a-z]*[^\W\dsu']s)\b"
PLURAL_VERB = r"(?:are|were|have|do|hope|consider|continue|require|remain|agree|wish|need)\b"
FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine)\b")
WE = re.compile(r"\b(?:we|We|us|our|Our|ours)\b")
#: Another name for the council (not the Local Authority Social Services Act 1970).
NOT_THE_COUNCIL = re.compile(r"\b(?i:the (?:local )?authority)\b(?! Social)|\bthe council\b")


@dataclass(frozen=True)
class Reading:
    """One build of the fixture spec: who is appointed, the Secretary of State, the voice."""

    appointee: str
    sos: str
    voice: str
    council_term: str = "the Council"

    @property
    def given(self) -> dict[str, str]:
        """The appointee as the spec gives it."""
        return APPOINTEES[self.appointee]

    @property
    def plural(self) -> bool:
        """Whether the appointee's name takes a plural verb (several advisers do)."""
        return self.given["kind"] == "advisers"

    def names(self) -> list[str]:
        """How the spec names the appointee: its name, its reference and its short name."""
        given = self.given
        names = [given["name"], given.get("reference", f"the {given['role']}"), given.get("short")]
        return sorted({n for n in names if n}, key=len, reverse=True)

    def own(self) -> str:
        """A pattern of every way the reader may see the appointee named.

        By its names; by its role only as appointed ("appointed Alex Morgan as the Children's
        Services Commissioner") or proposed ("minded to appoint a Children's Services
        Commissioner"), never "the Children's Services Commissioner" when named in full.
        """
        given, role = self.given, self.given["role"]
        named_in_full = given.get("reference") == given["name"]
        appointed = given.get("appointed_as") or (f"the {role}" if named_in_full else None)
        article = "" if self.plural else ("an " if role[0] in "aeiou" else "a ")
        patterns = [_names_pattern(self.names()), rf"(?<![Tt]he ){article}{re.escape(role)}"]
        if appointed:
            patterns.append(rf"(?<=\bas ){re.escape(appointed)}")
        return "|".join(patterns)


READINGS = [
    Reading(appointee, sos, voice)
    for appointee in APPOINTEES
    for sos in SOS_PRONOUNS
    for voice in SIGNATORIES
]

# --- the fixture spec ----------------------------------------------------------------------------

#: A parameter value the clause may refuse for some appointees, and which appointees take it:
#: "the Secretary of State and her advisers" names the appointee only when it is her advisers.
ONLY_FOR: dict[tuple[str, str, Any], Callable[[Reading], bool]] = {
    ("reporting.reviews-and-reports", "with", "advisers"): lambda reading: reading.plural,
}
STAND_INS: dict[str, Any] = {
    "text": "TEXT",
    "texts": ["TEXT ONE", "TEXT TWO"],
    "bool": True,
    "report": "ofsted",
    "reports": ["ofsted"],
    "direction": "first",
}


def parameter_sets(clause: Clause) -> list[dict[str, Any]]:
    """The clause's defaults (a stand-in where there is none), then each other value in turn."""
    base: dict[str, Any] = {}
    others: list[tuple[str, Any]] = []
    for name, param in clause.spec.params.items():
        stand_in = param.choices[0] if param.choices else STAND_INS[param.type]
        given = "default" in param.model_fields_set
        base[name] = param.default if given else stand_in
        if param.type == "bool":
            others.append((name, not base[name]))
        elif param.choices:
            others += [(name, choice) for choice in param.choices if choice != base[name]]
        elif given and not param.default:  # an optional report, text or list: give one
            others.append((name, stand_in))
    return [base] + [{**base, name: value} for name, value in others]


def part_of(clause: Clause, library: ClauseLibrary) -> str:
    """Where the clause's paragraph goes: recitals, operative paragraphs, annex or letter."""
    lead_in = library.get(clause.spec.under) if clause.spec.under else None
    step = clause.step or (lead_in.step if lead_in else None)
    if step is None:
        return "letter" if clause.family == "letter" else "operative"
    return step


@dataclass(frozen=True)
class Placed:
    """One clause with one set of parameters, as a paragraph of the fixture spec."""

    clause: str
    params: dict[str, Any]
    lead_in: bool = False  # it introduces a list: it is given an item of free text

    def entry(self) -> dict[str, Any]:
        """The paragraph as a spec gives it."""
        entry = {"clause": self.clause, "with": copy.deepcopy(self.params)}
        return {**entry, "items": [{"text": "an item"}]} if self.lead_in else entry

    def __str__(self) -> str:
        return f"{self.clause} with {self.params}"


def placed(library: ClauseLibrary, reading: Reading) -> dict[str, list[Placed]]:
    """Every clause of the library, once for each set of its parameters, by part."""
    parts: dict[str, list[Placed]] = {"recitals": [], "operative": [], "annex": [], "letter": []}
    for clause in library:
        for params in parameter_sets(clause):
            if any(
                not takes(reading)
                for (clause_id, name, value), takes in ONLY_FOR.items()
                if clause_id == clause.id and params.get(name) == value
            ):
                continue
            lead_in = clause.spec.closes_list
            parts[part_of(clause, library)].append(Placed(clause.id, params, lead_in))
    return parts


def fixture_spec(reading: Reading, parts: dict[str, list[Placed]]) -> dict[str, Any]:
    """A spec with a direction, its annex and a letter, whose paragraphs are the placed clauses."""

    def entries(part: str) -> list[dict[str, Any]]:
        return [p.entry() for p in parts[part]]

    return {
        "date": "2019-09-02",
        "council": {
            "name": "Westshire County Council",
            "term": reading.council_term,
            "area": "Westshire",
            "leader": {"name": "Pat Leader", "salutation": "Pat"},
            "address": ["County Hall", "Westshire WS1 1AA"],
        },
        "secretary_of_state": {"pronoun": reading.sos},
        "appointee": reading.given,
        "improvement_board": {"name": "the Westshire Improvement Board", "term": "the Board"},
        "reports": [FIXTURE_REPORT],
        "earlier_directions": [
            {
                "id": "first",
                "date": "2018-03-05",
                "required": "REQUIRED",
                "term": "the first direction",
                "revoked": True,
            }
        ],
        "recitals": entries("recitals"),
        "operative": {"paragraphs": entries("operative")},
        "annex": {"name": "Annex A", "paragraphs": entries("annex")},
        "letter": {
            "date": "2019-08-01",
            "departments": [{"name_lines": ["Department for Education"], "address": ["London"]}],
            "paragraphs": entries("letter"),
            "signatories": SIGNATORIES[reading.voice],
        },
    }


def _flat(paragraph: Paragraph) -> str:
    texts = [paragraph.text, *map(_flat, paragraph.children), *paragraph.then]
    return ANCHOR_PATTERN.sub("a.", " ".join(texts))


def read_clauses(
    library: ClauseLibrary, reading: Reading, write_spec: Callable[..., Path]
) -> list[tuple[Placed, str, str]]:
    """Each placed clause, its part and its paragraph as the built documents show it."""
    parts = placed(library, reading)
    path = write_spec(fixture_spec(reading, parts), "every-clause.yaml")
    draft = Draft.from_file(path, library=library)
    read: list[tuple[Placed, str, str]] = []
    for block in draft.get("direction").document.blocks:
        if isinstance(block, NumberedList) and block.key in parts:
            # Revocation and duration follow the spec's own paragraphs: zip stops before them.
            for clause, paragraph in zip(parts[block.key], block.paragraphs, strict=False):
                read.append((clause, block.key, _flat(paragraph)))
    letter = draft.get("letter").document.blocks
    body = [block for block in letter if isinstance(block, Line) and block.role == "plain"]
    read += [
        (clause, "letter", line.text) for clause, line in zip(parts["letter"], body, strict=True)
    ]
    # Every clause of the library was read, each as a paragraph of its own.
    assert [c for c, _, _ in read] == [c for part in parts.values() for c in part]
    assert {c.clause for c, _, _ in read} == set(library.ids)
    return read


# --- the readings --------------------------------------------------------------------------------


def _without(text: str, patterns: list[str]) -> str:
    for pattern in patterns:
        text = re.sub(pattern, " ", text)
    return text


def _names_pattern(names: list[str]) -> str:
    """The names, with a capital first letter as a sentence starts them."""
    return "|".join(f"[{n[0].upper()}{n[0].lower()}]{re.escape(n[1:])}" for n in names)


def pronoun_slips(text: str, reading: Reading, part: str) -> list[str]:
    own = PRONOUN_FORMS[reading.given["pronoun"]]
    secretary = PRONOUN_FORMS[reading.sos]
    speaking = part == "letter" and reading.voice == "first"
    if reading.plural:  # "the Secretary of State and her advisers" are the appointee
        text = re.sub(r"\b(?:her|his|their) advisers\b", " ", text)
    found = {m.group().lower() for m in PRONOUN.finditer(_without(text, OTHER_REFERENTS))}
    slips = []
    for pronoun in sorted(found - own):
        if pronoun not in secretary:
            slips.append(f"the pronoun {pronoun!r} refers to no one it may")
        elif speaking:
            slips.append(f"the Secretary of State's {pronoun!r} in a letter in the first person")
    return slips


def agreement_slips(text: str, reading: Reading, part: str) -> list[str]:
    plural = ["they", "They", "We", "we"] + (reading.names() if reading.plural else [])
    singular = ["she", "She", "he", "He", "it", "It", "The Secretary of State(?: for Education)?"]
    singular += [] if reading.plural else reading.names()
    slips = []
    for subjects, verb in ((plural, SINGULAR_VERB), (singular, PLURAL_VERB)):
        pattern = rf"\b(?:{_names_pattern(subjects)}) {verb}"
        slips += [f"{m.group()!r} does not agree" for m in re.finditer(pattern, text)]
    first = rf"\bI (?:is|are|was|were|{SINGULAR_VERB})"
    slips += [f"{m.group()!r} does not agree" for m in re.finditer(first, text)]
    return slips


def name_slips(text: str, reading: Reading, part: str) -> list[str]:
    own = reading.own()
    slips = []
    if reading.given["kind"] == "organisation":
        slips += [
            f"{m.group()!r}: an organisation is 'which'"
            for m in re.finditer(rf"\b(?:{own})[^.;,]*, who\b", text)
        ]
    name = re.escape(reading.given["name"])
    itself = rf"\b{name} as {name}\b"
    slips += [f"{m.group()!r}: appointed as itself" for m in re.finditer(itself, text)]
    if reading.plural:
        text = re.sub(r"\b(?:her|his|their) advisers\b", " ", text)
    rest = re.sub(own, " ", _without(text, NOT_THE_APPOINTEE))
    slips += [
        f"{m.group()!r} is not how the spec names the appointee"
        for m in APPOINTEE_WORDS.finditer(rest)
    ]
    return slips


def council_slips(text: str, reading: Reading, part: str) -> list[str]:
    slips = [
        f"{m.group()!r}: the council is {reading.council_term!r}"
        for m in NOT_THE_COUNCIL.finditer(text)
    ]
    if reading.council_term != "the Council":
        slips += [
            f"'the Council' where the spec's term is {reading.council_term!r}"
            for _ in re.finditer(r"\bthe Council\b", text)
        ]
    return slips


def voice_slips(text: str, reading: Reading, part: str) -> list[str]:
    voice = reading.voice if part == "letter" else "third"
    slips = []
    if voice != "first":
        slips += [
            f"{m.group()!r} outside a letter the Secretary of State signs alone"
            for m in FIRST_PERSON.finditer(text)
        ]
    if voice != "we":
        slips += [f"{m.group()!r} outside a letter two ministers sign" for m in WE.finditer(text)]
    if voice == "first":
        rest = re.sub(reading.own(), " ", text)
        slips += [
            f"{m.group()!r} in the third person in a letter in the first person"
            for m in re.finditer(r"\bSecretary of State\b", rest)
        ]
    return slips


READINGS_OF_A_CLAUSE = (pronoun_slips, agreement_slips, name_slips, council_slips, voice_slips)


def slips(library: ClauseLibrary, reading: Reading, write_spec: Callable[..., Path]) -> list[str]:
    """Every slip in every clause's paragraph, as `clause with params: slip: text`."""
    found = []
    for clause, part, text in read_clauses(library, reading, write_spec):
        for reader in READINGS_OF_A_CLAUSE:
            found += [f"{clause}: {slip}:\n    {text}" for slip in reader(text, reading, part)]
    return found
