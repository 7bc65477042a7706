"""Drafting toolkit for statutory directions under section 497A(4B) of the Education Act 1996.

The public surface:

    Draft.from_file(path)        load a spec, assemble it from the clause library, lay it out
    draft.text                   the direction as plain text, labels as Word shows them
    write_docx(draft, path)      the direction as a Word document with real numbering
    read_docx(path)              paragraphs of a .docx with the labels Word would show
    load_library()               the clause library
    Interview                    the drafting interview (questions → spec → documents), shared by
                                 the terminal wizard and the browser; see `drafting.interview`

For front ends that serve documents rather than write them (the web app):

    render_docx(draft, kind)     a document of the draft as .docx bytes (named by output_names)
    render_pdfs({name: docx})    PDF bytes of .docx bytes, in one LibreOffice run (libreoffice())
    check_draft(draft)           the drafting checks' `Report`s of `Finding`s for each document
    compare_files(left, right)   two documents compared paragraph by paragraph; render_redline(c)
                                 the comparison as a .docx with tracked changes

Errors (all `DraftingError`; `str()` is the one-line message for the user):

    DraftingError
    ├── SpecError            the spec is unreadable, malformed or invalid (file:line: field: ...)
    ├── ClauseLibraryError   a clause file is malformed or a clause cannot render
    ├── TemplateError        a Word template cannot be used
    └── OutputError          an output cannot be written
"""

from drafting._build import output_names
from drafting._errors import (
    ClauseLibraryError,
    DraftingError,
    OutputError,
    SpecError,
    TemplateError,
)
from drafting.assembly._draft import Draft
from drafting.checks import Report, check_draft
from drafting.checks._model import Finding
from drafting.compare._compare import compare_files
from drafting.compare._redline import render_redline
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
from drafting.render._pdf import libreoffice, render_pdfs
from drafting.render._word import render_docx
from drafting.spec._model import Spec, load_spec

__all__ = [
    "Choice",
    "Clause",
    "ClauseLibrary",
    "ClauseLibraryError",
    "Draft",
    "DraftingError",
    "Finding",
    "Interview",
    "OutputError",
    "Problem",
    "Question",
    "Report",
    "Review",
    "Section",
    "Spec",
    "SpecError",
    "Step",
    "TemplateError",
    "answer_unattended",
    "check_draft",
    "compare_files",
    "describe",
    "libreoffice",
    "load_library",
    "load_spec",
    "output_names",
    "render_docx",
    "render_pdfs",
    "render_redline",
]
