"""Drafting toolkit for statutory directions under section 497A(4B) of the Education Act 1996.

The public surface, what every front end (`cli/`, a web page) uses; nothing else is promised:

Specs and drafts
    load_spec(path)                      read and validate a spec: (Spec, LineMap of its lines)
    Spec                                 a validated spec (pydantic model)
    spec_schema()                        the JSON Schema of a spec, as a dict
    spec_reference(specs)                the field reference (docs/spec.md), examples from specs
    Draft.from_file(path)                load a spec, assemble its documents, lay them out
    draft.get(kind).text                 a document (direction or letter) as plain text
    DocumentKind                         "direction" or "letter"
    PartialDate                          a date as a spec gives it (day, month or year known)
    validation_message(error, model)     a pydantic validation error as a one-line message
    parse_yaml(text, path, error)        YAML text as data, with the line of every field
    load_yaml(path, error)               ... read from a file (errors name the file)
    dump_yaml(data)                      data as YAML a person would write

The clause library
    load_library()                       the clause library (compiled, cached between runs)
    find_clause(library, id)             one clause, or an error suggesting the nearest id
    Clause, ClauseLibrary                a clause; the library
    describe(clause)                     a clause's parameters and wording, for people

Use cases
    build(spec_path, output_dir, ...)    check a spec's documents and write them
    Built                                what a build wrote, and the checks' reports
    check_file(path, final, spec)        the drafting checks on a spec, .docx, .pdf or .txt
    check_draft(draft)                   ... on a draft's documents
    Report                               one document's findings, and those its spec accepts
    Finding                              code, severity, where (`annex 3.a`), line, message
    format_finding(name, finding)        one finding on one line, `file:line:` first for a .txt
    place_of(name, finding)              that `file:line:` (`file: page N:` for a PDF)
    compare_files(left, right, ...)      the regression diff of two documents
    Comparison                           its rows, differences, similarity and notes
    print_comparison(comparison)         the diff report for a terminal
    comparison_json(comparison)          ... for scripts
    comparison_html(comparison)          ... as a side-by-side page
    render_redline(comparison)           ... as a Word document of tracked changes
    explain_normalisation()              what the diff treats as noise, one rule a line
    render_docx(draft, kind)             a document of a draft as .docx bytes
    render_pdfs(documents)               .docx bytes converted to PDF bytes in one LibreOffice run
    libreoffice()                        the LibreOffice program, or None when it is not installed
    output_names(spec_path)              the file name of each document a spec's build writes
    read_docx(path)                      a .docx's paragraphs with the labels Word would show
    write_outputs(files, force)          write files all or nothing (never half a file)
    write_atomic(path, data)             write one file by temporary file and rename
    version()                            the toolkit's version

The interview (shared by the terminal wizard and the browser; see `drafting.interview`)
    Interview                            questions → answers file (the spec) → documents
    Section, Step, Question, Choice      its sections, steps and questions, as data
    Problem, Review                      a problem at its question; the review before writing
    answer_unattended(...)               answer every question from defaults and given data

Import (a published direction or letter back into a spec; see `drafting.importing`)
    import_document(path)                a .pdf, .docx or .txt as an `Imported` spec and report
    spec_from_document(path)             ... its spec as data (`wizard --from`, the browser)
    spec_yaml(imported)                  the imported spec as YAML, comments on free text
    import_report_lines(imported)        what was found and how sure, for a terminal
    import_report_json(imported)         ... for scripts
    candidate_clauses(imported)          unmatched paragraphs as clauses for the library

Errors (all `DraftingError`; `str()` is the one-line message for the user, which names the
place, a `Where(file, line, field)`, when it has one):

    DraftingError
    ├── SpecError            the spec is unreadable, malformed or invalid (file:line: field: ...)
    ├── ClauseLibraryError   a clause file is malformed or a clause cannot render
    ├── TemplateError        a Word template cannot be used
    ├── DocumentError        a document given to read (.docx, .pdf, .txt) cannot be read
    ├── ChecksFailed         a generated document has drafting errors, so nothing was written
    └── OutputError          an output cannot be written
        └── PdfFailed        the Word documents were written, but PDF export failed

A build needs only the first few of these: the rest are imported when first used, so that
`drafting build` loads no diff, PDF or report code.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from drafting._errors import (
    ChecksFailed,
    ClauseLibraryError,
    DocumentError,
    DraftingError,
    OutputError,
    PdfFailed,
    SpecError,
    TemplateError,
    Where,
)
from drafting.assembly._draft import Draft
from drafting.document._tree import DocumentKind
from drafting.library._clauses import Clause, ClauseLibrary, describe, load_library
from drafting.spec._dates import PartialDate
from drafting.spec._model import Spec, load_spec

if TYPE_CHECKING:
    from drafting._api import find_clause, spec_schema, version
    from drafting._build import Built, build, output_names
    from drafting.checks import (
        Finding,
        Report,
        check_draft,
        check_file,
        format_finding,
        place_of,
    )
    from drafting.compare._compare import compare_files
    from drafting.compare._diff import Comparison
    from drafting.compare._redline import render_redline
    from drafting.compare._report import as_html as comparison_html
    from drafting.compare._report import as_json as comparison_json
    from drafting.compare._report import explain_normalisation
    from drafting.compare._report import print_report as print_comparison
    from drafting.importing import (
        Imported,
        candidate_clauses,
        import_document,
        spec_from_document,
        spec_yaml,
    )
    from drafting.importing import report_json as import_report_json
    from drafting.importing import report_lines as import_report_lines
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
    from drafting.read._docx import read_docx
    from drafting.render._pdf import libreoffice, render_pdfs
    from drafting.render._word import render_docx
    from drafting.spec._reference import spec_reference
    from drafting.spec._validation import validation_message
    from drafting.spec._yaml import dump_yaml, load_yaml, parse_yaml
    from drafting.support._output import write_all as write_outputs
    from drafting.support._output import write_atomic

#: Where each name imported on first use lives: (module, name there).
_LAZY = {
    "Built": ("drafting._build", "Built"),
    "build": ("drafting._build", "build"),
    "output_names": ("drafting._build", "output_names"),
    "libreoffice": ("drafting.render._pdf", "libreoffice"),
    "find_clause": ("drafting._api", "find_clause"),
    "spec_schema": ("drafting._api", "spec_schema"),
    "version": ("drafting._api", "version"),
    "import_report_json": ("drafting.importing", "report_json"),
    "import_report_lines": ("drafting.importing", "report_lines"),
    **{
        name: ("drafting.importing", name)
        for name in (
            "Imported",
            "candidate_clauses",
            "import_document",
            "spec_from_document",
            "spec_yaml",
        )
    },
    **{
        name: ("drafting.interview", name)
        for name in (
            "Choice",
            "Interview",
            "Problem",
            "Question",
            "Review",
            "Section",
            "Step",
            "answer_unattended",
        )
    },
    "Finding": ("drafting.checks", "Finding"),
    "Report": ("drafting.checks", "Report"),
    "check_draft": ("drafting.checks", "check_draft"),
    "check_file": ("drafting.checks", "check_file"),
    "format_finding": ("drafting.checks", "format_finding"),
    "place_of": ("drafting.checks", "place_of"),
    "compare_files": ("drafting.compare._compare", "compare_files"),
    "Comparison": ("drafting.compare._diff", "Comparison"),
    "render_redline": ("drafting.compare._redline", "render_redline"),
    "comparison_html": ("drafting.compare._report", "as_html"),
    "comparison_json": ("drafting.compare._report", "as_json"),
    "explain_normalisation": ("drafting.compare._report", "explain_normalisation"),
    "print_comparison": ("drafting.compare._report", "print_report"),
    "read_docx": ("drafting.read._docx", "read_docx"),
    "render_pdfs": ("drafting.render._pdf", "render_pdfs"),
    "render_docx": ("drafting.render._word", "render_docx"),
    "validation_message": ("drafting.spec._validation", "validation_message"),
    "spec_reference": ("drafting.spec._reference", "spec_reference"),
    "dump_yaml": ("drafting.spec._yaml", "dump_yaml"),
    "parse_yaml": ("drafting.spec._yaml", "parse_yaml"),
    "load_yaml": ("drafting.spec._yaml", "load_yaml"),
    "write_outputs": ("drafting.support._output", "write_all"),
    "write_atomic": ("drafting.support._output", "write_atomic"),
}


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562)."""
    if name not in _LAZY:
        raise AttributeError(f"module 'drafting' has no attribute '{name}'")
    module, attribute = _LAZY[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


__all__ = [
    "Built",
    "ChecksFailed",
    "Choice",
    "Clause",
    "ClauseLibrary",
    "ClauseLibraryError",
    "Comparison",
    "DocumentError",
    "DocumentKind",
    "Draft",
    "DraftingError",
    "Finding",
    "Imported",
    "Interview",
    "OutputError",
    "PartialDate",
    "PdfFailed",
    "Problem",
    "Question",
    "Report",
    "Review",
    "Section",
    "Spec",
    "SpecError",
    "Step",
    "TemplateError",
    "Where",
    "answer_unattended",
    "build",
    "candidate_clauses",
    "check_draft",
    "check_file",
    "compare_files",
    "comparison_html",
    "comparison_json",
    "describe",
    "dump_yaml",
    "explain_normalisation",
    "find_clause",
    "format_finding",
    "import_document",
    "import_report_json",
    "import_report_lines",
    "libreoffice",
    "load_library",
    "load_spec",
    "load_yaml",
    "output_names",
    "parse_yaml",
    "place_of",
    "print_comparison",
    "read_docx",
    "render_docx",
    "render_pdfs",
    "render_redline",
    "spec_from_document",
    "spec_reference",
    "spec_schema",
    "spec_yaml",
    "validation_message",
    "version",
    "write_atomic",
    "write_outputs",
]
