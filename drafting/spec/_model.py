"""The spec: everything a drafter decides about one direction, as validated pydantic models.

A spec is a YAML answers file.  Facts are given once (the council, the Secretary of State, the
reports and earlier directions, the appointee) and clauses refer to them; paragraphs are chosen
from the clause library by id, or written as free text where no clause fits.  `load_spec` reads
a file and turns any problem into a `SpecError` naming the file, the line and the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from drafting._errors import SpecError
from drafting.spec._dates import DateStyle, PartialDate
from drafting.spec._validation import validation_error
from drafting.spec._yaml import LineMap, load_yaml

Pronoun = Literal["she", "he", "it", "they"]
ReportKind = Literal[
    "ofsted-inspection",
    "ofsted-monitoring-letter",
    "ofsted-focused-visit-letter",
    "commissioner-report",
    "joint-area-send-inspection",
    "other",
]


class Model(BaseModel):
    """Base for spec models: unknown fields are errors, values are immutable once validated.

    Validators are built when first used rather than at import: a command that never reads a
    spec does not pay for them, and a build pays for the one the whole spec needs.  Empty lists
    are plain defaults (pydantic copies them), not factories, whose signatures it inspects.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class Leader(Model):
    """The council's leader, to whom a letter of intent is addressed."""

    name: str = Field(description='e.g. "Matt Golby": "Councillor Matt Golby"')
    title: str = Field("Councillor", description="Written before the name")
    role: str = Field("Leader", description="The leader's office, as the letter names it")
    salutation: str | None = Field(None, description='e.g. "Matt" for "Dear Matt,"')


class Council(Model):
    """The children's services authority directed."""

    name: str = Field(min_length=1, description='Full name, e.g. "Kirklees Council"')
    term: str = Field("the Council", description="The defined term used after first mention")
    area: str | None = Field(None, description='The area, e.g. "Kirklees"')
    leader: Leader | None = Field(None, description="Who a letter of intent is addressed to")
    address: list[str] = Field([], description="The council's address, line by line (letters)")


class SecretaryOfState(Model):
    """The Secretary of State making the direction, as at its date."""

    title: str = Field("Secretary of State for Education", description="The full title")
    term: str | None = Field("the Secretary of State", description="null: never defined")
    pronoun: Pronoun = Field(description="she / he / they: drives every pronoun for them")


class Report(Model):
    """An inspection, monitoring letter or report that the direction recites or considers."""

    id: str = Field(description="How clauses and `with:` refer to it, e.g. ofsted-2016")
    kind: ReportKind = Field(description="What kind of report it is")
    date: PartialDate = Field(description="When it was published (a day, a month or a year)")
    description: str | None = Field(
        None,
        description='How it is first described ("Ofsted\'s inspection report of ..."); derived '
        "from the kind when absent, required for kind 'other'",
    )
    term: str | None = Field(None, description='Defined term, e.g. "the 2016 Ofsted report"')
    subject: str | None = Field(None, description="What was inspected, for lists of judgements")
    judgement: str | None = Field(None, description='The overall judgement, e.g. "inadequate"')
    summary: str | None = Field(None, description='What it found: "which found ..."')
    framework: Literal["sif", "ilacs"] | None = Field(
        None, description="Ofsted's framework (drafting/ofsted.yaml); default: by the report's date"
    )
    grades: dict[str, str] = Field(
        {},
        description="grade of each judgement by id (help-and-protection: inadequate), named "
        "as the report's framework names them",
    )

    @model_validator(mode="after")
    def _other_needs_description(self) -> Self:
        if self.kind == "other" and not self.description:
            raise ValueError("a report of kind 'other' needs a description")
        return self


class EarlierDirection(Model):
    """A direction given before this one."""

    id: str = Field(description="How clauses refer to it, e.g. first")
    date: PartialDate = Field(description="The date it was given")
    description: str | None = Field(None, description="Long form; derived when absent")
    term: str | None = Field(None, description='Defined term, e.g. "the first direction"')
    required: str | None = Field(None, description='What it required: "to comply with ..."')
    revoked: bool = Field(False, description="This direction revokes it")


class Appointee(Model):
    """The person or organisation appointed: a Commissioner, advisers, an improvement adviser."""

    kind: Literal["person", "advisers", "organisation"] = Field(
        "person", description="a person, several advisers, or an organisation (a council)"
    )
    name: str | None = Field(None, description='e.g. "Eleanor Brazil OBE"')
    pronoun: Pronoun = Field(description="she / he / it / they: every pronoun for them follows it")
    role: str = Field(description='e.g. "Children\'s Services Commissioner"')
    reference: str | None = Field(
        None, description="How clauses refer to the appointee; default 'the ' + role"
    )
    short: str | None = Field(None, description='Shorter reference, e.g. "the Commissioner"')
    appointed_as: str | None = Field(
        None,
        description="How the appointment recital gives the role (\"the Council's improvement "
        'advisers"); default: the reference, or "the " + role when the reference is the name',
    )


class Entry(Model):
    """One paragraph: a clause from the library with its parameters, or free text.

    `items` are its sub-paragraphs (numbered one level down), `bullets` unnumbered bullet points,
    `then` text that continues the paragraph after its sub-paragraphs, `add` sentences appended
    to a clause's text, and `end` replaces the paragraph's closing punctuation (";", "; and", ".").
    """

    clause: str | None = Field(None, description="A clause id from the library (`clauses list`)")
    with_: dict[str, Any] = Field(
        {}, alias="with", description="The clause's parameters (`clauses show ID` lists them)"
    )
    text: str | None = Field(None, description="Free text, used exactly as written")
    add: str | None = Field(None, description="Sentences appended to the clause's text")
    end: str | None = Field(None, description='Closing punctuation instead of the usual: "; and"')
    items: list[Entry] = Field([], description="Sub-paragraphs, numbered one level down")
    bullets: list[Entry] = Field([], description="Unnumbered bullet points")
    then: str | None = Field(None, description="Text continuing after the sub-paragraphs")

    @field_validator("text", "add", "then")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("the text is empty")
        return value

    @model_validator(mode="after")
    def _clause_or_text(self) -> Self:
        if (self.clause is None) == (self.text is None):
            raise ValueError("give either 'clause' (an id from the library) or 'text', not both")
        if self.with_ and self.clause is None:
            raise ValueError("'with' gives clause parameters; free text takes none")
        return self


class Operative(Model):
    """The NOW THEREFORE part."""

    numbering: Literal["continue", "restart"] = Field(
        "continue", description="continue from the recitals (7, 8, 9) or restart at 1"
    )
    sub_items: Literal["letters", "roman"] = Field(
        "letters", description="label sub-paragraphs a. b. c. or i. ii. iii."
    )
    heading: str = Field("NOW THEREFORE:", description="The heading of the operative part")
    paragraphs: list[Entry] = Field(description="The operative paragraphs")

    @field_validator("sub_items")
    @classmethod
    def _roman_needs_restart(cls, value: str, info: ValidationInfo) -> str:
        if value == "roman" and info.data.get("numbering") == "continue":
            raise ValueError("roman sub-items need 'numbering: restart' (one list, one style)")
        return value


class Duration(Model):
    """How long the direction lasts: until revoked, or a fixed period from the date it is made."""

    period: str | None = Field(None, description='e.g. "2 years"; absent: until revoked')


class Signature(Model):
    """The signature block."""

    capacity: Literal["on behalf of", "by authority of"] = Field(
        "on behalf of", description='"Signed on behalf of the Secretary of State ..."'
    )
    name: str | None = Field(None, description="Who signs; absent: a line left to sign")
    role: str | None = Field(
        "A Senior Civil Servant in the Department for Education",
        description="The signer's role, under the name",
    )
    signature_line: bool = Field(False, description="print a dotted line to sign on")
    dated: Literal["colon", "this-day-of"] = Field(
        "colon", description='"Dated: 25th January 2018" or "Dated this 25th day of January 2018"'
    )


class Annex(Model):
    """The Terms of Reference annex, and how the direction refers to it."""

    name: str = Field(
        "the Annex",
        description='How the direction refers to it: "the Annex", "Annex A" (no article), '
        '"the Schedule"',
    )
    heading: str | None = Field(None, description="Its heading; default: its name in capitals")

    @field_validator("name")
    @classmethod
    def _annex_name(cls, value: str) -> str:
        if value.lower().startswith("the ") and value[4:].lower().startswith("annex "):
            raise ValueError(f'"{value}": an annex with a letter takes no article ("Annex A")')
        return value

    @property
    def heading_text(self) -> str:
        """The heading: `ANNEX`, `ANNEX A`, `SCHEDULE`."""
        return self.heading or self.name.removeprefix("the ").upper()

    title_lines: list[str] = Field(
        [], description='Lines under the heading: ["Terms of Reference"]'
    )
    paragraphs: list[Entry] = Field(description="The annex's numbered paragraphs")


class Style(Model):
    """House style choices that vary between directions."""

    dates: DateStyle = Field(
        "plain", description='ordinal: "25th November 2016"; plain: "25 November 2016"'
    )
    capitalise_direction: bool = Field(
        False, description='"this Direction" rather than "this direction"'
    )
    recitals_heading: str = Field("WHEREAS:", description="The heading of the recitals")


class Terms(Model):
    """Defined terms for things every direction mentions."""

    education_act: str | None = Field("the 1996 Act", description="null: never defined")
    terms_of_reference: str = Field(
        "the Terms of Reference", description="The defined term for the annex"
    )
    functions: str | None = Field(
        "children's social care functions",
        description="The term defined for the functions s.50 brings in (null: never defined)",
    )


class ImprovementBoard(Model):
    """The council's improvement board, named in full at first mention, then by its term."""

    name: str = Field(description="e.g. Buckinghamshire's Children's Services Improvement Board")
    term: str | None = Field("the Improvement Board", description="null: named in full each time")


class PublishedDifference(Model):
    """A known difference between this spec's output and the published text it reproduces."""

    published: str = Field(description="The words as the published text has them")
    generated: str = Field(description="The words as this spec generates them")
    reason: str = Field(description="Why they differ (every waiver gives one)")
    document: Literal["direction", "letter"] | None = Field(
        None, description="the document it is in; absent: the direction, or the letter if alone"
    )


class Department(Model):
    """A department whose letterhead heads a letter."""

    name_lines: list[str] = Field(description="The name as set in the letterhead, line by line")
    address: list[str] = Field([], description="The department's address, line by line")


class Signatory(Model):
    """Someone who signs a letter."""

    name: str = Field(description='e.g. "Rt Hon Damian Hinds MP"')
    title_lines: list[str] = Field(description='e.g. ["Secretary of State for Education"]')


class Letter(Model):
    """The letter of intent ("minded to" letter) to the council's leader."""

    date: PartialDate = Field(description="The date of the letter")
    title: str | None = Field(None, description="Document title; default from the council")
    departments: list[Department] = Field(
        min_length=1, max_length=2, description="One or two letterheads"
    )
    paragraphs: list[Entry] = Field(description="Body paragraphs: letter clauses or free text")
    copies: list[str] = Field([], description="Who the letter is copied to")
    copies_also: str | None = Field(None, description='e.g. "local MPs"')
    signatories: list[Signatory] = Field(
        min_length=1, max_length=2, description='One or two; with two, the letter says "We"'
    )
    voice: Literal["first", "we", "third"] | None = Field(
        None,
        description='"I" (the Secretary of State signs alone), "we" (two sign) or the third '
        "person (an official signs on their behalf); default from the signatories",
    )

    @property
    def speaks_as(self) -> Literal["first", "we", "third"]:
        """The letter's voice, from its signatories unless the spec says."""
        if self.voice:
            return self.voice
        if len(self.signatories) > 1:
            return "we"
        titles = " ".join(self.signatories[0].title_lines)
        return "first" if "Secretary of State" in titles else "third"


class AcceptedFinding(Model):
    """A drafting check finding that the spec keeps on purpose, and why."""

    code: str = Field(description='e.g. "TERM002"')
    where: str | None = Field(
        None, description='Where, as the finding names it, e.g. "recital 2"; absent: anywhere'
    )
    reason: str = Field(description="Why the finding is kept")


class InterviewAnswers(Model):
    """What only the interview (`drafting wizard`, the browser) was told; the build ignores it.

    Which documents and what kind of intervention steer which questions are asked; `at` is the
    question to carry on from (`review` at the review), `then: review` that the drafter is
    changing one answer from the review (`review:SECTION`: a whole section); `typed` what was
    typed at a question before going back from it; `confirmed` lists answers the drafter
    confirmed though they looked wrong (a council not on the list); `started_from` the spec an
    interview began from (`--from`), whose blanks are kept rather than filled with derived
    suggestions.
    """

    documents: list[Literal["direction", "letter"]] = Field(
        [], description="The documents the drafter asked for"
    )
    intervention: str | None = Field(
        None, description="The kind of intervention, which decides the clauses offered ticked"
    )
    at: str | None = Field(None, description="The question to carry on from (`review`: the review)")
    then: str | None = Field(
        None,
        description="`review` while one answer is being changed from the review; "
        "`review:SECTION` while a whole section is",
        pattern=r"^review(:[a-z_]+)?$",
    )
    confirmed: list[str] = Field(
        [], description="Answers confirmed although they looked wrong (a council not on the list)"
    )
    started_from: str | None = Field(None, description="The spec the interview began from")
    typed: dict[str, Any] = Field(
        {}, description="What was typed at a question before going back, by question id"
    )


class Spec(Model):
    """A whole direction."""

    date: PartialDate | Literal["blank"] | None = Field(
        None, description="The date the direction is made, or 'blank' to leave it for signing"
    )
    # Defaults are made when a spec is validated: a model made here would be built at import.
    title: Entry = Field(
        default_factory=lambda: Entry(clause="title.statutory-direction"),
        description="The title: a title clause (default title.statutory-direction) or text",
    )
    council: Council = Field(description="The council directed")
    secretary_of_state: SecretaryOfState = Field(description="Who makes the direction")
    appointee: Appointee | None = Field(None, description="Who is appointed; omit if nobody")
    reports: list[Report] = Field([], description="Inspections, letters and reports referred to")
    earlier_directions: list[EarlierDirection] = Field(
        [], description="Directions given before this one"
    )
    improvement_board: ImprovementBoard | None = Field(
        None, description="The council's improvement board, if clauses name it"
    )
    recitals: list[Entry] | None = Field(None, description="The WHEREAS paragraphs")
    operative: Operative | None = Field(None, description="The NOW THEREFORE part")
    duration: Duration = Field(default_factory=Duration, description="How long it lasts")
    signature: Signature = Field(default_factory=Signature, description="The signature block")
    annex: Annex | None = Field(None, description="The Terms of Reference annex, if any")
    letter: Letter | None = Field(None, description="The letter of intent, if any")
    style: Style = Field(default_factory=Style, description="House style choices")
    terms: Terms = Field(default_factory=Terms, description="Defined terms every direction uses")
    published: str | dict[Literal["direction", "letter"], str] | None = Field(
        None,
        description="The published text this spec reproduces (.txt, .pdf or .docx), a path "
        "relative to the spec; or one for each document: {direction: ..., letter: ...}. "
        "`published_differences` apply only when the spec is compared with it",
    )
    published_differences: list[PublishedDifference] = Field(
        [], description="Known differences from the published text, each with its reason"
    )
    accepted_findings: list[AcceptedFinding] = Field(
        [], description="Findings of `drafting check` kept on purpose, each with its reason"
    )
    interview: InterviewAnswers | None = Field(
        None, description="The interview's own answers (drafting wizard); the build ignores them"
    )

    @model_validator(mode="after")
    def _a_direction_or_a_letter(self) -> Self:
        if (self.recitals is None) != (self.operative is None):
            raise ValueError("a direction needs both 'recitals' and 'operative'")
        if self.recitals is None and self.letter is None:
            raise ValueError("the spec has neither a direction (recitals, operative) nor a letter")
        if self.recitals is not None and self.date is None:
            raise ValueError("a direction needs its 'date' (or 'date: blank' to sign by hand)")
        return self

    @model_validator(mode="after")
    def _ids_unique_and_one_revoked(self) -> Self:
        ids = [r.id for r in self.reports] + [d.id for d in self.earlier_directions]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"ids must be unique across reports and directions: {repeated}")
        if sum(d.revoked for d in self.earlier_directions) > 1:
            raise ValueError("at most one earlier direction can be revoked by this one")
        return self

    @property
    def dated(self) -> PartialDate | None:
        """The date the direction is made, or None when left blank for signing."""
        return self.date if isinstance(self.date, PartialDate) else None

    @property
    def has_direction(self) -> bool:
        """Whether the spec describes a direction (and not only a letter)."""
        return self.recitals is not None


def load_spec(path: Path) -> tuple[Spec, LineMap]:
    """Read and validate a spec file; raise `SpecError` naming file, line and field."""
    data, lines = load_yaml(path, SpecError)
    if not isinstance(data, dict):
        raise SpecError(
            "a spec must be a mapping of fields (council:, recitals: ...)", lines.where(())
        )
    try:
        return Spec.model_validate(data), lines
    except ValidationError as exc:
        raise validation_error(exc, lines, SpecError, Spec) from None
