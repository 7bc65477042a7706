"""What clause text can say about the facts of a spec: parties, defined terms, pronouns, dates.

Clauses are written once; the variation between directions comes from these helpers.  A defined
term is rendered in full with its definition at its first mention (`Kirklees Council ("the
Council")`) and as the term afterwards, so the order of clauses can change without a term being
used before it is defined.  Pronouns come from one field per party, so "she" cannot become
"they" halfway through a direction.

Everything here is exposed to sandboxed Jinja2 templates: public attributes only, no side
effects beyond the per-document record of which terms have been defined.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from jinja2 import StrictUndefined

from drafting.library._ofsted import Framework
from drafting.spec._dates import PartialDate

PRONOUN_FORMS = {
    # subject, object, possessive
    "she": ("she", "her", "her"),
    "he": ("he", "him", "his"),
    "it": ("it", "it", "its"),
    "they": ("they", "them", "their"),
}


def capfirst(text: str) -> str:
    """Capitalise the first letter only: `the 2016 Ofsted report` → `The 2016 Ofsted report`."""
    return text[:1].upper() + text[1:]


def possessive(text: str) -> str:
    """`the Council` → `the Council's`; `the advisers` → `the advisers'`."""
    return f"{text}'" if text.endswith("s") and not text.endswith("'s") else f"{text}'s"


def indefinite(text: str) -> str:
    """With its indefinite article: `a Children's Services Commissioner`, `an adviser`."""
    return f"{'an' if text[:1].lower() in 'aeiou' else 'a'} {text}"


def join_and(items: Iterable[str], separator: str = ", ", last: str = " and ") -> str:
    """`a, b and c`; with `separator="; ", last="; and "` the list style of members clauses."""
    words = list(items)
    if len(words) < 2:
        return "".join(words)
    return separator.join(words[:-1]) + last + words[-1]


def missing(hint: str) -> StrictUndefined:
    """A value that fails with `hint` as soon as a clause uses it (for facts a spec left out)."""
    return StrictUndefined(hint=hint)


class Pronouns:
    """Pronoun forms for a party: `they`, `them`, `their`, and `plural` for verb agreement."""

    def __init__(self, pronoun: str) -> None:
        self.they, self.them, self.their = PRONOUN_FORMS[pronoun]
        self.plural = pronoun == "they"


#: What a defined term names.  Terms are keyed by (kind, id), so that a user's report or
#: direction id ("secretary_of_state", "council") can never be taken for a term of the toolkit's.
TermKind = Literal[
    "council",
    "secretary_of_state",
    "act",
    "terms_of_reference",
    "functions",
    "improvement_board",
    "report",
    "direction",
]
TermKey = tuple[TermKind, str]


class Term:
    """Something with a long form and perhaps a defined term (`the 2016 Ofsted report`)."""

    def __init__(
        self, key: TermKey, long: str, term: str | None = None, define_at_mention: bool = True
    ) -> None:
        self.key = key
        self.id = key[1]  # the spec's id of a report or direction ("ofsted-2016")
        self.long = long
        self.term = term
        #: False for a term only its defining clause defines (`functions|define`): mentions
        #: elsewhere use the term as it is, and the checks catch a use before the definition.
        self.define_at_mention = define_at_mention


@dataclass
class DefinedTerms:
    """Which terms the document has defined so far, in reading order."""

    defined: set[TermKey] = field(default_factory=set)
    all_defined: bool = False

    def mention(self, term: Term) -> str:
        """The long form with its definition the first time, the term afterwards."""
        if term.term is None:
            return term.long
        if not term.define_at_mention:
            return term.term
        if self.all_defined or term.key in self.defined:
            return term.term
        self.defined.add(term.key)
        return f'{term.long} ("{term.term}")'

    def define(self, term: Term) -> str:
        """Only the definition (` ("the first direction")`) after a long form the clause wrote."""
        if term.term is None or self.all_defined or term.key in self.defined:
            return ""
        self.defined.add(term.key)
        return f' ("{term.term}")'


class Council(Term):
    """The council directed: `council|mention`, `council.name`, `council.area`."""

    def __init__(self, name: str, term: str, area: str | None) -> None:
        super().__init__(("council", "council"), name, term)
        self.name = name
        self.area: str | StrictUndefined = area or missing("the spec gives no council.area")


class SecretaryOfState(Term, Pronouns):
    """The Secretary of State: `sos|mention`, `sos.title`, `sos.their` ("his powers")."""

    def __init__(self, title: str, term: str | None, pronoun: str) -> None:
        Term.__init__(self, ("secretary_of_state", "secretary_of_state"), f"the {title}", term)
        Pronouns.__init__(self, pronoun)
        self.title = title


class Appointee(Pronouns):
    """The appointee: `.reference`, `.short`, `.name`, `.role`, `.appointed_as`, `.who`, pronouns.

    An organisation or a person named throughout (`reference: Hampshire County Council`) has
    its name where another direction has its role; `appointed_as` is how the appointment
    recital describes the role ("as the Council's improvement advisers").
    """

    def __init__(
        self,
        name: str | None,
        role: str,
        reference: str | None,
        short: str | None,
        pronoun: str,
        appointed_as: str | None = None,
        kind: str = "person",
    ) -> None:
        super().__init__(pronoun)
        self.kind = kind
        self.name: str | StrictUndefined = name or missing("the spec gives no appointee.name")
        self.role = role
        self.reference = reference or f"the {role}"
        self.short = short or self.reference
        # Named in full throughout, the appointee is still appointed as its role: "Alex Morgan
        # as the Children's Services Commissioner", never "Alex Morgan as Alex Morgan".
        named_in_full = self.reference == name
        self.appointed_as = appointed_as or (f"the {role}" if named_in_full else self.reference)

    @property
    def several(self) -> bool:
        """Several advisers, who take plural verbs ("the advisers are").

        A person who is "they" takes singular ones ("Alex Morgan continues").
        """
        return self.kind == "advisers"

    @property
    def who(self) -> str:
        """The relative pronoun: an organisation is "which", a person or advisers "who"."""
        return "which" if self.kind == "organisation" else "who"

    @property
    def indefinite(self) -> str:
        """Who would be appointed, as a letter proposes it.

        `a Children's Services Commissioner`, `improvement advisers`, `Hampshire County Council
        as an improvement adviser`.
        """
        if self.kind == "advisers":
            return self.role
        if self.kind == "organisation" and isinstance(self.name, str):
            return f"{self.name} as {indefinite(self.role)}"
        return indefinite(self.role)


class Voice:
    """Who speaks in a letter, and how: `voice.we hope{{ voice.s }}`, `voice.am`, `voice.our`.

    `first`: the Secretary of State signs alone ("I am minded to appoint"); `we`: two ministers
    sign ("We hope"); `third`: an official signs on the Secretary of State's behalf ("The
    Secretary of State is minded to appoint").  `first_person` tells clauses about the Secretary
    of State's own decisions whether to speak of them as "I".
    """

    def __init__(self, voice: str, sos: SecretaryOfState) -> None:
        self.voice = voice
        self.first_person = voice == "first"
        if voice == "first":
            self.we, self.am, self.have, self.s, self.our = "I", "am", "have", "", "my"
        elif voice == "we":
            self.we, self.am, self.have, self.s, self.our = "We", "are", "have", "", "our"
        else:  # "The Secretary of State hopes", whichever pronoun the Secretary of State has
            self.we, self.am, self.have, self.s = f"The {sos.title}", "is", "has", "s"
            self.our = sos.their


class Report(Term):
    """A report or inspection: `report|mention`, `.date`, `.subject`, `.judgement`, `.summary`."""

    def __init__(
        self,
        key: str,
        long: str,
        term: str | None,
        date: PartialDate,
        subject: str | None,
        judgement: str | None,
        summary: str | None,
    ) -> None:
        super().__init__(("report", key), long, term)
        self.date = date
        self.subject: str | StrictUndefined = subject or missing(f"report '{key}' has no subject")
        self.judgement: str | StrictUndefined = judgement or missing(
            f"report '{key}' has no judgement"
        )
        self.summary: str | StrictUndefined = summary or missing(f"report '{key}' has no summary")
        self.framework: Framework | None = None
        self.grades: dict[str, str] = {}

    def judged(self, grade: str) -> list[str]:
        """Key judgements (not overall effectiveness) given `grade`, named as its framework does."""
        if self.framework is None:
            return []
        return [
            name
            for key, name in self.framework.judgements.items()
            if key != "overall" and self.grades.get(key) == grade
        ]

    @property
    def sub_grades(self) -> list[tuple[str, str]]:
        """(name, grade) of each sub-judgement the report grades, in the framework's order."""
        if self.framework is None:
            return []
        subs = self.framework.sub_judgements
        return [(name, self.grades[key]) for key, name in subs.items() if key in self.grades]


class EarlierDirection(Term):
    """An earlier direction: `direction|mention`, `direction|define`, `.date`, `.required`."""

    def __init__(
        self, key: str, long: str, term: str | None, date: PartialDate, required: str | None
    ) -> None:
        super().__init__(("direction", key), long, term)
        self.date = date
        self.required: str | StrictUndefined = required or missing(
            f"direction '{key}' has no 'required'"
        )
