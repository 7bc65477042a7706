"""Ofsted's frameworks and their judgement names by date, from `drafting/ofsted.yaml`.

In: a report's date (and, if the spec gives it, the framework's id).  Out: the `Framework`
whose judgement names clauses use, and, for the checks, which names belong to which framework
and the dates of the reports each covers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from drafting._errors import DraftingError
from drafting.spec._dates import PartialDate
from drafting.spec._yaml import load_yaml
from drafting.support._resources import package_file


@dataclass(frozen=True)
class Framework:
    """One inspection framework: its judgements (id → name) and the reports it was used for."""

    id: str
    name: str
    reports_from: PartialDate
    reports_until: PartialDate | None
    default_until: PartialDate | None
    judgements: dict[str, str]
    sub_judgements: dict[str, str]
    children: tuple[str, ...]  # whom its key judgements are about, as directions name them

    def covers(self, when: PartialDate) -> bool:
        """Whether a report of this date (to its precision) may be under this framework."""
        start = PartialDate(self.reports_from.year, self.reports_from.month)
        if _month(when) < _month(start):
            return False
        return self.reports_until is None or _month(when) <= _month(self.reports_until)

    @property
    def names(self) -> set[str]:
        """Every judgement and sub-judgement name, in lower case.

        Not `children`: "children in need of help and protection" is also plain English (a
        letter's "thresholds for children in need of help and protection").
        """
        return {n.lower() for n in (*self.judgements.values(), *self.sub_judgements.values())}


def _month(when: PartialDate) -> tuple[int, int]:
    return (when.year, when.month or 1)


@cache
def frameworks() -> dict[str, Framework]:
    """Every framework, by id, in the order of their dates."""
    data: dict[str, Any] = load_yaml(package_file("ofsted.yaml"), DraftingError)[0]
    return {
        key: Framework(
            key,
            value["name"],
            PartialDate.parse(value["reports_from"]),
            PartialDate.parse(value["reports_until"]) if value.get("reports_until") else None,
            PartialDate.parse(value["default_until"]) if value.get("default_until") else None,
            dict(value["judgements"]),
            dict(value.get("sub_judgements") or {}),
            tuple(value["children"]),
        )
        for key, value in data["frameworks"].items()
    }


def framework_for(when: PartialDate, named: str | None = None) -> Framework:
    """The framework of a report of this date: the one named, else the one its date falls in."""
    known = frameworks()
    if named is not None:
        return known[named]
    for framework in known.values():
        until = framework.default_until or framework.reports_until
        if framework.covers(when) and (until is None or _month(when) <= _month(until)):
            return framework
    return next(iter(known.values()))  # before 2013: the earliest framework's names
