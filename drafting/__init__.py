"""Drafting toolkit for statutory directions under section 497A(4B) of the Education Act 1996.

The public surface:

    Draft.from_file(path)        load a spec, assemble it from the clause library, lay it out
    draft.text                   the direction as plain text, labels as Word shows them
    write_docx(draft, path)      the direction as a Word document with real numbering
    read_docx(path)              paragraphs of a .docx with the labels Word would show
    load_library()               the clause library
    import_document(path)        a published direction or letter (.pdf, .docx, .txt) as a spec
    spec_from_document(path)     ... its spec as data (for `wizard --from` and the web front end)
    spec_yaml, report_lines, report_json, candidate_clauses   ... as YAML, report, clauses

Errors (all `DraftingError`; `str()` is the one-line message for the user):

    DraftingError
    ├── SpecError            the spec is unreadable, malformed or invalid (file:line: field: ...)
    ├── ClauseLibraryError   a clause file is malformed or a clause cannot render
    ├── TemplateError        a Word template cannot be used
    └── OutputError          an output cannot be written
"""

from typing import TYPE_CHECKING, Any

from drafting._errors import (
    ClauseLibraryError,
    DraftingError,
    OutputError,
    SpecError,
    TemplateError,
)
from drafting.assembly._draft import Draft
from drafting.library._clauses import Clause, ClauseLibrary, describe, load_library
from drafting.spec._model import Spec, load_spec

if TYPE_CHECKING:
    from drafting.importing import (
        Imported,
        candidate_clauses,
        import_document,
        report_json,
        report_lines,
        spec_from_document,
        spec_yaml,
    )


def __getattr__(name: str) -> Any:
    """The importer's names, loaded when first used: a build does not pay for the importer.

    (Every other public name is defined above, so a public name not found is the importer's.)
    """
    if name in __all__:
        import drafting.importing

        return getattr(drafting.importing, name)
    raise AttributeError(f"module 'drafting' has no attribute {name!r}")


__all__ = [
    "Clause",
    "ClauseLibrary",
    "ClauseLibraryError",
    "Draft",
    "DraftingError",
    "Imported",
    "OutputError",
    "Spec",
    "SpecError",
    "TemplateError",
    "candidate_clauses",
    "describe",
    "import_document",
    "load_library",
    "load_spec",
    "report_json",
    "report_lines",
    "spec_from_document",
    "spec_yaml",
]
