"""Facts first: what a published direction or letter says about its parties, dates and reports.

In: a document's `Shape` and its whole text.  Out: `Facts` — the spec's fact sections as plain
data (council, secretary_of_state, appointee, reports, earlier_directions, date, signature,
duration, style, terms, operative numbering, annex heading, letter parts) and, for the report,
each fact with how sure the importer is ("pronoun she, from 3 mentions").  Reports' summaries and
judgements, and what earlier directions required, are filled in later by the clause matcher,
which reads them out of the paragraphs that cite them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from drafting._errors import DocumentError
from drafting.importing._dates import parse_date, parse_day_of
from drafting.importing._reports import reports_and_directions
from drafting.importing._shape import Shape
from drafting.spec._yaml import load_yaml
from drafting.support._resources import council_area, package_file
from drafting.support._resources import councils as listed_councils

_ORGANISATION = re.compile(r"\b(?:Council|Limited|Ltd|Trust|LLP|plc|Partnership)$")
_APPOINTED = re.compile(
    r"has (re-)?appointed (?P<name>.+?),? as (?P<ref>.+?),? in accordance with", re.IGNORECASE
)
#: The access clause names the appointee in full and then in short, whoever appointed them.
_CO_OPERATE = re.compile(
    r"To co-operate with (?P<ref>the [^,]+?), including on request allowing (?P<short>[^,]+?) at "
    r"all reasonable times"
)
_BOARD = re.compile(r"([A-Z][\w']+(?: [A-Z][\w']+)* Improvement Board) \(['\"](the [\w ]+?)['\"]\)")
_SIGNED = re.compile(r"^Signed (on behalf of|by authority of) the (.+)$")
_DURATION = re.compile(r"remain in force for a period of (.+?) from the date")


_POSTNOMINALS = frozenset({"OBE", "CBE", "MBE", "DBE", "KBE", "MP", "KC", "QC", "CB"})


@dataclass
class Fact:
    """One fact found, for the report: what it is, its value and how sure the importer is."""

    name: str
    value: str
    how: str


@dataclass
class Facts:
    """The spec's facts as found, and the notes saying how each was found."""

    data: dict[str, Any]
    notes: list[Fact] = field(default_factory=list)

    def note(self, name: str, value: object, how: str) -> None:
        """Record how a fact was found."""
        self.notes.append(Fact(name, str(value), how))


def find_facts(shape: Shape, text: str) -> Facts:
    """Every fact the document states, with how it was found."""
    facts = Facts({})
    _council(facts, text)
    _secretary_of_state(facts, text)
    _appointee(facts, shape, text)
    if shape.kind == "direction":
        _dates_and_signature(facts, shape, text)
        reports_and_directions(facts, text)
        _numbering_and_annex(facts, shape, text)
    else:
        _letter(facts, shape)
    return facts


# --- parties -----------------------------------------------------------------------------------


def councils() -> list[str]:
    """The English children's services authorities, longest name first."""
    return sorted(listed_councils(), key=len, reverse=True)


def _council(facts: Facts, text: str) -> None:
    defined = re.search(r"([A-Z][\w'&,. -]*?Council) \(\"([^\"()]+)\"?\)", text)
    listed = councils()
    if defined:
        name, term = _known(defined.group(1), listed) or defined.group(1), defined.group(2)
        how = f'defined as "{term}" at its first mention; ' + _listed(name, listed)
    else:
        counted = Counter({name: text.count(name) for name in listed if name in text})
        title = re.search(r"TO ([A-Z][A-Z' ]+COUNCIL)", text)
        term = "the Council"
        if counted:
            name, count = counted.most_common(1)[0]
            how = f"in the list of children's services authorities, named {count} times"
        elif title:
            name = title.group(1).title()
            how = "from the title; " + _listed(name, listed)
        else:
            name, how = "the Council", "not found"
    area = council_area(name)
    facts.data["council"] = {"name": name, "term": term, "area": area}
    facts.note("council", name, how)
    facts.note(
        "council area", area, f"the council's name less its kind; {text.count(area)} mentions"
    )


def _listed(name: str, listed: list[str]) -> str:
    """Whether the list of authorities has the name, or which listed name is nearest."""
    if name in listed:
        return "in the list of children's services authorities"
    nearest = process.extractOne(name, listed, scorer=fuzz.WRatio)
    near = f" (nearest: {nearest[0]})" if nearest else ""
    return f"not in the list of children's services authorities{near}"


def _known(name: str, listed: list[str]) -> str | None:
    """The listed council a defined name ends with ("of Kirklees Council" → Kirklees Council)."""
    return next((k for k in listed if name.endswith(f" {k}") or name == k), None)


def _secretary_of_state(facts: Facts, text: str) -> None:
    sos: dict[str, Any] = {}
    defined = re.search(r'[Tt]he (Secretary of State for [A-Z][\w ,&]+?) \("([^"]+)"\)', text)
    if defined:
        sos["title"], sos["term"] = defined.group(1), defined.group(2)
    else:
        # never defined: the spec defines it at its first mention if the short form prevails
        long = len(re.findall(r"Secretary of State for ", text))
        short = len(re.findall(r"Secretary of State\b(?! for )", text))
        if long >= short:
            sos["term"] = None
        facts.note("Secretary of State's term", "never defined", f"{short} short, {long} long")
    counts = Counter(m.lower() for m in re.findall(r"\b(his|her|their) powers\b", text, re.I))
    pronoun = {"his": "he", "her": "she", "their": "they"}
    if counts:
        word, count = counts.most_common(1)[0]
        sos["pronoun"] = pronoun[word]
        facts.note("Secretary of State's pronoun", pronoun[word], f'from {count} "{word} powers"')
    else:
        sos["pronoun"] = "he"
        facts.note("Secretary of State's pronoun", "he", "assumed: no pronoun found")
    facts.data["secretary_of_state"] = sos


def _appointee(facts: Facts, shape: Shape, text: str) -> None:
    found = _APPOINTED.search(text)
    if found:
        name, reference = found.group("name"), found.group("ref")
        how = f'"{found.group(0)[:60]}..."'
    elif _CO_OPERATE.search(text):
        found = _CO_OPERATE.search(text)
        assert found is not None
        name, reference = None, found.group("ref")
        how = f'"{found.group(0)[:60]}..."'
    else:
        role = re.search(r"minded to appoint an? ([A-Z][\w' ]+?)[,.]", text)
        person = re.search(r"consider that (.+?) is an excellent candidate", text)
        if not role:
            facts.note("appointee", "none", "no appointment found")
            return
        name = person.group(1) if person else None
        reference = f"the {role.group(1)}"
        how = '"minded to appoint ..."'
    role_name = re.sub(r"^(?:the )?(?:Secretary of State's |Council's )?", "", reference)
    appointee: dict[str, Any] = {"name": name, "role": role_name}
    if name and (_ORGANISATION.search(name) or name in councils()):
        # an organisation is referred to by its name, and appointed as its role
        appointee["kind"] = "organisation"
        appointee["appointed_as"], reference = reference, name
        appointee["reference"] = name
    elif name is None and role_name.endswith("s"):
        appointee["kind"] = "advisers"
    if reference != f"the {role_name}":
        appointee["reference"] = reference
    short = _short(role_name, reference, text)
    if short:
        appointee["short"] = short
    appointee["pronoun"] = _appointee_pronoun(facts, appointee, shape, text)
    facts.data["appointee"] = {k: v for k, v in appointee.items() if v is not None}
    facts.note("appointee", name or "(no name)", how)
    facts.note("appointee's role", role_name, f"referred to as {reference}")
    if "kind" in appointee:
        facts.note("appointee is", "an organisation", f"{name} is an organisation's name")


def _short(role: str, reference: str, text: str) -> str | None:
    last = role.split()[-1]
    short = f"the {last}"
    count = len(re.findall(rf"\b{re.escape(short)}\b", text, re.IGNORECASE))
    return short if short != reference and count > 0 else None


#: Phrases in which a pronoun can only stand for the appointee (the words clauses use).
_APPOINTEE_PRONOUNS = (
    r"appears to (?P<p>her|him|them|it) to be necessary",
    r"as (?P<p>she|he|they|it) may reasonably require",
    r"\b(?P<p>her|his|their|its) responsibilities",
)
_PRONOUN = {
    "she": "she",
    "her": "she",
    "he": "he",
    "him": "he",
    "his": "he",
    "they": "they",
    "them": "they",
    "their": "they",
    "it": "it",
    "its": "it",
}


def _appointee_pronoun(facts: Facts, appointee: dict[str, Any], shape: Shape, text: str) -> str:
    """The appointee's pronoun, from phrases that refer to it, else sentences that name it."""
    counts: Counter[str] = Counter()
    for pattern in _APPOINTEE_PRONOUNS:
        counts.update(_PRONOUN[m.group("p").lower()] for m in re.finditer(pattern, text))
    if not counts:
        counts = _pronouns_near(appointee, text)
    if not counts:
        guess = "they" if appointee.get("kind") or appointee["role"].endswith("s") else "she"
        facts.note("appointee's pronoun", guess, "assumed: no pronoun refers to the appointee")
        return guess
    pronoun, count = counts.most_common(1)[0]
    facts.note("appointee's pronoun", pronoun, f"from {count} mentions")
    return pronoun


def _pronouns_near(appointee: dict[str, Any], text: str) -> Counter[str]:
    """Pronouns in the sentences that name the appointee (not the Secretary of State's powers)."""
    names = [appointee.get(key) for key in ("name", "short", "reference")]
    mentions = [name for name in [*names, f"the {appointee['role']}"] if name]
    counts: Counter[str] = Counter()
    for sentence in re.split(r"\n|(?<=[.;:])\s", text):
        if not any(m in sentence for m in mentions):
            continue
        cleaned = re.sub(r"\b(?:his|her|their) powers\b", "", sentence)
        for word in re.findall(r"\b(?:she|her|he|him|his|they|them|their)\b", cleaned, re.I):
            counts[_PRONOUN[word.lower()]] += 1
    return counts


# --- a direction's dates, signature and numbering ----------------------------------------------


def _dates_and_signature(facts: Facts, shape: Shape, text: str) -> None:
    signature: dict[str, Any] = {}
    lines = list(shape.signature)
    signed = _SIGNED.match(lines[0]) if lines else None
    if signed:
        signature["capacity"] = signed.group(1)
        facts.note("signatory's capacity", signed.group(1), f'"{lines[0]}"')
    dated = next((line for line in lines if line.startswith("Dated")), "")
    rest = [line for line in lines[1:] if line != dated]
    if rest and set(rest[0]) <= {".", "_"}:
        signature["signature_line"] = True
        rest = rest[1:]
    if rest and rest[0].isupper():
        signature["name"] = _title_case(rest[0])
        facts.note("signatory", signature["name"], f'the capitalised name "{rest[0]}"')
        rest = rest[1:]
    signature["role"] = rest[0] if rest else None
    date: Any = "blank"
    if dated.startswith("Dated this"):
        signature["dated"] = "this-day-of"
        day = parse_day_of(dated)
        date = str(day) if day else "blank"
    else:
        parsed = parse_date(dated.removeprefix("Dated").lstrip(": "))
        date = str(parsed[0]) if parsed else "blank"
    facts.data["date"] = date
    facts.note("date", date, f'"{dated}"' if dated else "no 'Dated' line: left blank")
    facts.data["signature"] = signature
    facts.data["style"] = {"dates": _date_style(facts, dated, text)}
    period = _DURATION.search(text)
    facts.data["duration"] = {"period": period.group(1)} if period else {}
    facts.note("duration", period.group(1) if period else "until revoked", "the last paragraph")


def _date_style(facts: Facts, dated: str, text: str) -> str:
    """Ordinal ("25th November 2016") or plain, as the signature's date, else as most dates."""
    ordinal = re.search(r"\d(?:st|nd|rd|th) ", dated)
    # "Dated this 23rd day of" is ordinal whatever the style: the dates in the text decide
    if re.search(r"\d", dated) and "day of" not in dated:
        style = "ordinal" if ordinal else "plain"
        facts.note("date style", style, f'as "{dated}"')
        return style
    ordinals = len(re.findall(r"\b\d{1,2}(?:st|nd|rd|th) [A-Z][a-z]+ \d{4}", text))
    plain = len(re.findall(r"\b\d{1,2} [A-Z][a-z]+ \d{4}", text))
    style = "ordinal" if ordinals > plain else "plain"
    facts.note("date style", style, f"{ordinals} dates ordinal, {plain} plain")
    return style


def _title_case(name: str) -> str:
    return " ".join(w if w in _POSTNOMINALS else w.title() for w in name.split())


def _numbering_and_annex(facts: Facts, shape: Shape, text: str) -> None:
    labels = shape.operative_labels
    restart = bool(labels) and labels[0] == "1"
    operative: dict[str, Any] = {"numbering": "restart" if restart else "continue"}
    if restart and any(label == "i" for label in labels[1:2]):
        operative["sub_items"] = "roman"
    if shape.operative_heading != "NOW THEREFORE:":
        operative["heading"] = shape.operative_heading
    facts.data["operative"] = operative
    facts.note("operative numbering", operative["numbering"], f"first label {labels[:1]}")
    facts.note("sub-items", operative.get("sub_items", "letters"), "the operative part's labels")
    style = facts.data.setdefault("style", {})
    if shape.recitals_heading != "WHEREAS:":
        style["recitals_heading"] = shape.recitals_heading
    if len(re.findall(r"\b[Tt]his Direction", text)) > len(
        re.findall(r"\b[Tt]his direction", text)
    ):
        style["capitalise_direction"] = True
    act = re.search(r'Education Act 1996 \("([^"]+)"\)', text)
    functions = re.search(r'Children Act 2004 \("([^"]+)"\)', text)
    facts.data["terms"] = {
        "education_act": act.group(1) if act else None,
        "functions": functions.group(1) if functions else None,
    }
    board = _BOARD.search(text)
    if board:
        facts.data["improvement_board"] = {"name": board.group(1), "term": board.group(2)}
        facts.note("improvement board", board.group(1), f'defined as "{board.group(2)}"')
    elif "the Improvement Board" in text:  # named so throughout, never defined
        facts.data["improvement_board"] = {"name": "the Improvement Board", "term": None}
        facts.note("improvement board", "the Improvement Board", "named so, with no term")
    if shape.annex_heading:
        lettered = re.fullmatch(r"ANNEX ([A-Z0-9]{1,3})", shape.annex_heading)
        annex: dict[str, Any] = {"title_lines": shape.annex_titles}
        if lettered:
            annex["name"] = f"Annex {lettered.group(1)}"
        elif shape.annex_heading != "ANNEX":
            annex["heading"] = shape.annex_heading
        facts.data["annex"] = annex
        facts.note("annex", shape.annex_heading, f"title lines {shape.annex_titles}")


# --- a letter ----------------------------------------------------------------------------------


def _letter(facts: Facts, shape: Shape) -> None:
    before = list(shape.before)
    heads, _ = load_yaml(package_file("departments.yaml"), DocumentError)
    departments = []
    joined = " | ".join(before)
    for head in (heads or {}).values():
        address = " | ".join(head.get("address", []))
        if address and address in joined:
            departments.append((joined.index(address), dict(head)))
    departments.sort(key=lambda d: d[0])
    letter: dict[str, Any] = {"departments": [d for _, d in departments]}
    facts.note(
        "letterheads", [" ".join(d["name_lines"]) for _, d in departments], "addresses matched"
    )
    leader = next((i for i, line in enumerate(before) if line.startswith("Councillor ")), None)
    date_index = next((i for i, line in enumerate(before) if parse_date(line)), None)
    if date_index is not None:
        parsed = parse_date(before[date_index])
        assert parsed is not None
        letter["date"] = str(parsed[0])
        facts.note("letter's date", letter["date"], f'"{before[date_index]}"')
    council = facts.data["council"]
    if leader is not None:
        name = before[leader].removeprefix("Councillor ")
        salutation = shape.salutation.removeprefix("Dear ").rstrip(",")
        council["leader"] = {
            "name": name,
            **({"salutation": salutation} if salutation != name else {}),
        }
        end = date_index if date_index is not None and date_index > leader else len(before)
        block = before[leader + 1 : end]
        if block and block[0] != "Leader":
            council["leader"]["role"] = block[0]
        council["address"] = [line for line in block[1:] if line != council["name"]]
        facts.note("addressee", f"Councillor {name}", f"salutation {shape.salutation!r}")
    letter["signatories"] = _signatories(shape.after)
    facts.note(
        "signatories", [s["name"] for s in letter["signatories"]], "after the last paragraph"
    )
    facts.data["letter"] = letter


def _signatories(lines: list[str]) -> list[dict[str, Any]]:
    signatories: list[dict[str, Any]] = []
    for line in lines:
        if line.startswith(("Rt Hon", "The Rt Hon")) or line.endswith(" MP") or not signatories:
            signatories.append({"name": line, "title_lines": []})
        else:
            signatories[-1]["title_lines"].append(line)
    return signatories
