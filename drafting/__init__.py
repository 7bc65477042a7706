"""Drafting toolkit for statutory directions under section 497A(4B) of the Education Act 1996.

The public surface:

    Draft.from_file(path)        load a spec, assemble it from the clause library, lay it out
    draft.text                   the direction as plain text, labels as Word shows them
    write_docx(draft, path)      the direction as a Word document with real numbering
    read_docx(path)              paragraphs of a .docx with the labels Word would show
    load_library()               the clause library
    Interview                    the drafting interview (questions → spec → documents), shared by
                                 the terminal wizard and the browser; see `drafting.interview`

Errors (all `DraftingError`; `str()` is the one-line message for the user):

    DraftingError
    ├── SpecError            the spec is unreadable, malformed or invalid (file:line: field: ...)
    ├── ClauseLibraryError   a clause file is malformed or a clause cannot render
    ├── TemplateError        a Word template cannot be used
    └── OutputError          an output cannot be written
"""

from drafting._errors import (
    ClauseLibraryError,
    DraftingError,
    OutputError,
    SpecError,
    TemplateError,
)
from drafting.assembly._draft import Draft
from drafting.interview import (
    Choice,
    Interview,
    Problem,
    Question,
    Review,
    Section,
    Step,
    answer_unattended,
)
from drafting.library._clauses import Clause, ClauseLibrary, describe, load_library
from drafting.spec._model import Spec, load_spec

__all__ = [
    "Choice",
    "Clause",
    "ClauseLibrary",
    "ClauseLibraryError",
    "Draft",
    "DraftingError",
    "Interview",
    "OutputError",
    "Problem",
    "Question",
    "Review",
    "Section",
    "Spec",
    "SpecError",
    "Step",
    "TemplateError",
    "answer_unattended",
    "describe",
    "load_library",
    "load_spec",
]
