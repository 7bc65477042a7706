"""Small use cases of the public API that belong to no one stage.

The version, a clause by id, the spec's JSON Schema.

In: a clause id, or nothing.  Out: a `Clause` (or a `DraftingError` suggesting the nearest id),
the version string, the schema as a dict.
"""

from __future__ import annotations

import importlib.metadata
from typing import Any

from drafting._errors import DraftingError
from drafting.library._clauses import Clause, ClauseLibrary
from drafting.spec._model import Spec
from drafting.spec._validation import did_you_mean

#: Where the checked-in schema says it lives, for editors that fetch it by address.
SCHEMA_ID = "https://github.com/dfe/drafting/schema/spec.schema.json"


def version() -> str:
    """The installed toolkit's version ("unknown" for a checkout that is not installed)."""
    try:
        return importlib.metadata.version("drafting")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def find_clause(library: ClauseLibrary, clause_id: str) -> Clause:
    """The clause with that id, or a `DraftingError` suggesting the nearest id."""
    clause = library.get(clause_id)
    if clause is None:
        raise DraftingError(f"unknown clause '{clause_id}'{did_you_mean(clause_id, library.ids)}")
    return clause


def spec_schema() -> dict[str, Any]:
    """The JSON Schema of a spec, with every field's description (what `drafting schema` prints)."""
    schema = Spec.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
