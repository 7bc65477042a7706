"""Matching each published paragraph to the clause whose rendering, with the facts, is closest.

In: the nested paragraphs of a document part (`Node`s), the clause library, the rendering facts
and the defined terms so far.  Out: a `Matched` per paragraph — a spec entry (a clause with its
parameters, `add` and `end`, or free text), the published words it stands for and, for free
text, the nearest clause with the words that differ.  Clauses are ranked by a fuzzy score
(rapidfuzz) between the paragraph and each clause's wording, and the best few tried exactly
(`_patterns`); defined terms are followed in reading order, as the assembler does.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from typing import Any

from rapidfuzz import fuzz, process

from drafting.assembly._assemble import list_endings
from drafting.importing._patterns import _PLACEHOLDER as _PLACEHOLDERS
from drafting.importing._patterns import OPEN, Attempt, Facts, attempt, placeholder
from drafting.importing._shape import Node
from drafting.library._clauses import Clause, ClauseLibrary, ClauseRenderError
from drafting.library._language import DefinedTerms, Term

#: Clauses the assembler adds from the facts, or that describe things rather than paragraphs.
_NOT_PARAGRAPHS = ("reference.", "signature.", "title.", "revocation.", "duration.")
_NOT_PARAGRAPH_IDS = {"letter.addressee", "letter.salutation", "letter.copy-list"}
_TRIED = 3
#: Clauses this near (fuzzy score) are tried allowing a few words the published text has wrong.
_NEAR_SCORE = 70
_NEAR_TRIED = 2
_ENDING = re.compile(r"\s*(?:[;:.,]\s*(?:and|or)?)?\s*$")
_COVERED = 0.9


@dataclass
class Matched:
    """One paragraph entry as imported, and the published words it stands for."""

    entry: dict[str, Any]
    texts: list[str]
    clause: str | None = None
    nearest: str | None = None
    score: float = 0.0
    differing: str = ""
    items: list[Matched] = field(default_factory=list)
    bullets: list[Matched] = field(default_factory=list)
    differences: list[tuple[str, str]] = field(default_factory=list)  # (published, generated)

    def walk(self) -> list[Matched]:
        """It and every entry under it."""
        found = [self]
        for child in self.items + self.bullets:
            found += child.walk()
        return found

    def spec_entry(self) -> dict[str, Any]:
        """The entry as the spec writes it."""
        entry = dict(self.entry)
        if self.items:
            entry["items"] = [m.spec_entry() for m in self.items]
        if self.bullets:
            entry["bullets"] = [m.spec_entry() for m in self.bullets]
        return entry


class Matcher:
    """Matches paragraphs in reading order, keeping the defined terms as the assembler will."""

    def __init__(
        self, library: ClauseLibrary, facts: Facts, report_data: dict[str, dict[str, Any]]
    ) -> None:
        self.library = library
        self.facts = facts
        self.report_data = report_data
        self.terms = DefinedTerms()
        self.plain_text: set[int] = set()  # ids of nodes to import as free text whatever matches
        self.cache: dict[tuple[Any, ...], Attempt | None] = {}
        self.wordings = _wordings(library, facts)
        self.literals = {key: _literals(text) for key, text in self.wordings.items()}

    def entries(self, nodes: list[Node]) -> list[Matched]:
        """Each node matched, in order."""
        return [self.node(node) for node in nodes]

    def node(self, node: Node) -> Matched:
        """One paragraph with everything under it."""
        ranked = self.ranked(node.text)
        if id(node) not in self.plain_text:
            found = []
            for clause_id in self._candidates(node.text, ranked):
                clause = self.library.get(clause_id)
                assert clause is not None
                tried = self._attempt(clause, node.flat(), bool(node.children), near=False)
                if tried is not None and _fits(tried, clause, node):
                    found.append((clause, tried))
            # the clause that says most in its own words: least read from the text into values
            for clause, tried in sorted(found, key=lambda pair: _captured(pair[1])):
                if self._learn(tried):
                    return self._clause_entry(node, clause, tried)
            for clause_id in self._near_candidates(node.text, ranked):
                clause = self.library.get(clause_id)
                if clause is None:
                    continue
                flat, children = node.flat(), bool(node.children)
                near = self._attempt(clause, flat, children, near=True)
                if near is not None and _fits(near, clause, node) and self._learn(near):
                    return self._clause_entry(node, clause, near)
        return self._text_entry(node, ranked)

    def ranked(self, text: str) -> list[tuple[str, float]]:
        """Clause ids by how near their wording is to `text`, nearest first."""
        found = process.extract(text, self.wordings, scorer=_score, limit=_TRIED + 2)
        return [(key, score) for _, score, key in found]

    def _attempt(
        self, clause: Clause, texts: list[str], extra_items: bool, near: bool
    ) -> Attempt | None:
        """`attempt`, remembered across the rounds of one import (the same facts each round)."""
        known = tuple(
            (key, name, value)
            for key, thing in [*self.facts.reports.items(), *self.facts.directions.items()]
            for name, value in vars(thing).items()
            if isinstance(value, str) and OPEN not in value
        )
        key = (clause.id, tuple(texts), extra_items, near, frozenset(self.terms.defined), known)
        if key not in self.cache:
            self.cache[key] = attempt(clause, self.facts, self.terms, texts, extra_items, near)
        found = self.cache[key]
        if found is None:
            return None
        return replace(found, terms=DefinedTerms(set(found.terms.defined)))

    def _candidates(self, text: str, ranked: list[tuple[str, float]]) -> list[str]:
        """The nearest clauses, then any whose own words all appear in the paragraph."""
        ids = [clause_id for clause_id, _ in ranked[:_TRIED]]
        lower = text.lower()
        for clause_id, chunks in self.literals.items():
            if clause_id not in ids and all(chunk in lower for chunk in chunks):
                ids.append(clause_id)
        return ids

    def _near_candidates(self, text: str, ranked: list[tuple[str, float]]) -> list[str]:
        """The nearest clauses, and those whose own words nearly all appear in the paragraph."""
        ids = [clause_id for clause_id, score in ranked[:_NEAR_TRIED] if score >= _NEAR_SCORE]
        covered = sorted(
            ((_coverage(text, chunks), key) for key, chunks in self.literals.items() if chunks),
            reverse=True,
        )
        ids += [key for share, key in covered[:_NEAR_TRIED] if share >= _COVERED and key not in ids]
        return ids

    def defined_in(self, text: str) -> None:
        """Note the terms a published paragraph defines (as the assembler does for free text)."""
        terms = [value for value in self.facts.context.values() if isinstance(value, Term)]
        terms += [*self.facts.reports.values(), *self.facts.directions.values()]
        for term in terms:
            # an unclosed quotation mark ("the Council) defines the term all the same
            if term.term and re.search(rf'\("{re.escape(term.term)}"?\)', text):
                self.terms.defined.add(term.key)

    def _learn(self, found: Attempt) -> bool:
        """Take the report and direction fields a match read; False if they contradict."""
        for key, value in found.fields.items():
            thing_id, name = key.rsplit(".", 1)
            thing = self.facts.reports.get(thing_id) or self.facts.directions.get(thing_id)
            if thing is None:
                return False
            known = getattr(thing, name, None)
            if isinstance(known, str) and OPEN not in known and known != value:
                return False
        for key, value in found.fields.items():
            thing_id, name = key.rsplit(".", 1)
            thing = self.facts.reports.get(thing_id) or self.facts.directions[thing_id]
            setattr(thing, name, value)
            self.report_data[thing_id][name] = value
        self.terms = found.terms
        return True

    def _clause_entry(self, node: Node, clause: Clause, found: Attempt) -> Matched:
        entry: dict[str, Any] = {"clause": clause.id}
        if found.with_:
            entry["with"] = found.with_
        if found.add:
            entry["add"] = found.add
        if found.end is not None:
            entry["end"] = found.end
        own = len(clause.spec.items)
        texts = [node.text] + [t for child in node.children[:own] for t in child.flat()]
        texts += node.then if clause.spec.then else []
        matched = Matched(entry, texts, clause=clause.id, differences=found.differences)
        matched.items = self.entries(node.children[own:])
        matched.bullets = self.entries(node.bullets)
        if node.then and not clause.spec.then:
            entry["then"] = " ".join(node.then)
        if clause.spec.closes_list:
            _keep_endings(matched.items or matched.bullets)
        return matched

    def _text_entry(self, node: Node, ranked: list[tuple[str, float]]) -> Matched:
        self.defined_in(node.text)
        entry: dict[str, Any] = {"text": node.text}
        matched = Matched(entry, node.flat())
        if ranked:
            matched.nearest, matched.score = ranked[0]
            matched.differing = differing_words(self.wordings[ranked[0][0]], node.text)
        matched.items = self.entries(node.children)
        matched.bullets = self.entries(node.bullets)
        if node.then:
            entry["then"] = " ".join(node.then)
        return matched


def _fits(found: Attempt, clause: Clause, node: Node) -> bool:
    """`end` closes a whole entry: a paragraph's own ending can differ only if nothing follows."""
    follows = node.children[len(clause.spec.items) :] or node.bullets or node.then
    return found.end is None or not follows


def _keep_endings(items: list[Matched]) -> None:
    """Under a lead-in that closes its list (";", "; and", "."), keep the endings as published."""
    for item, ending in zip(items, list_endings(len(items)), strict=True):
        if item.items or item.bullets or "end" in item.entry:
            continue
        published = _ENDING.search(item.texts[-1])
        written = published.group(0).strip() if published else ""
        if written != ending.strip():
            item.entry["end"] = written and (" " + written if written[0].isalpha() else written)


def _coverage(text: str, chunks: list[str]) -> float:
    """The share of a clause's own words found, nearly as written, in a paragraph."""
    lower = text.lower()
    total = sum(len(chunk) for chunk in chunks)
    found = sum(len(c) * fuzz.partial_ratio(c, lower) / 100 for c in chunks)
    return found / total if total else 0.0


def _captured(found: Attempt) -> int:
    """How much of a paragraph a match read into parameters, fields and added sentences."""
    values = [v for v in found.with_.values() if isinstance(v, str)]
    values += [*found.fields.values(), found.add or ""]
    return sum(len(value) for value in values)


def _score(text: str, wording: str, **_: Any) -> float:
    """How near a paragraph is to a clause's wording: shared words, and the same order."""
    return (fuzz.token_set_ratio(text, wording) + fuzz.ratio(text, wording)) / 2


class _Blank(Term):
    """A report or direction standing for any: every value it gives is a placeholder."""

    def __init__(self, name: str) -> None:
        super().__init__(("report", name), placeholder(name), None)
        self.date = self

    def __getattr__(self, name: str) -> str:
        return placeholder(name)

    def format(self, style: str) -> str:
        """Any date."""
        return placeholder("date")

    def on(self, style: str) -> str:
        """Any date, with its preposition."""
        return placeholder("date")


def differing_words(clause_text: str, text: str, limit: int = 4) -> str:
    """The runs of words where a paragraph and a clause's wording part: `-clause +text`."""
    a, b = clause_text.split(), text.split()
    runs = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        removed = " ".join(a[i1:i2])
        added = " ".join(b[j1:j2])
        runs.append(f"-[{_short(removed)}] +[{_short(added)}]")
    more = f" (and {len(runs) - limit} more)" if len(runs) > limit else ""
    return "; ".join(runs[:limit]) + more


def _short(text: str, words: int = 8) -> str:
    split = text.split()
    return text if len(split) <= words else " ".join(split[:words]) + " ..."


def _literals(wording: str) -> list[str]:
    """A clause's own words between its values, in lower case (runs of 3 words or more)."""
    chunks = [" ".join(chunk.split()).lower() for chunk in wording.split("...")]
    return [chunk for chunk in chunks if len(chunk.split()) >= 3]


def _wordings(library: ClauseLibrary, facts: Facts) -> dict[str, str]:
    """Each paragraph clause's wording with its defaults, all terms defined, blanks for values."""
    wordings: dict[str, str] = {}
    for clause in library:
        if clause.id.startswith(_NOT_PARAGRAPHS) or clause.id in _NOT_PARAGRAPH_IDS:
            continue
        text = _wording(clause, facts)
        if text is not None:
            wordings[clause.id] = text
    return wordings


def _wording(clause: Clause, facts: Facts, blank_reports: bool = True) -> str | None:
    """A clause's wording with blanks for its values.

    A clause that cannot word an optional report's fields with a blank report
    (`report.framework.children`) is worded without it, as its default says.
    """
    values: dict[str, Any] = {}
    optional: list[str] = []
    for name, param in clause.spec.params.items():
        has_default = "default" in param.model_fields_set
        if param.type in ("report", "direction"):
            if has_default and param.default is None:
                optional.append(name)
            values[name] = _Blank(name) if blank_reports or name not in optional else None
        elif param.type == "reports":
            values[name] = [_Blank(name)]
        elif param.type in ("text", "texts") and not (has_default and param.default):
            values[name] = placeholder(name) if param.type == "text" else ["..."]
        else:
            values[name] = param.default
        if values[name] is None and not has_default:
            return None
    context = {
        **facts.context,
        **values,
        "defined_terms": DefinedTerms(all_defined=True),
        "anchor": "x",
        "has_items": bool(clause.spec.items),
    }
    try:
        text = clause.render(clause.spec.text, context)
    except (ClauseRenderError, TypeError, AttributeError):
        return _wording(clause, facts, blank_reports=False) if optional and blank_reports else None
    return _PLACEHOLDERS.sub("...", text)
