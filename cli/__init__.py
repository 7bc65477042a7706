"""The `drafting` command line: parse arguments, call the library, print, exit.

Exit status: 0 success; 1 differences found (`diff`) or drafting errors (`check`, `build`);
2 bad input or output (one line on stderr, no traceback unless `--debug`).  Nothing here knows
how documents are made.
"""

from __future__ import annotations

import argparse
import gc
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from drafting import DraftingError
from drafting._errors import ChecksFailed, PdfFailed

if TYPE_CHECKING:
    from drafting.checks import Finding, Report

DOCUMENT_HELP = "for a spec: its direction or its letter (default: the direction if it has one)"
EXIT_OK = 0
EXIT_DIFFERENT = 1
EXIT_INPUT = 2


def run() -> NoReturn:
    """The `drafting` console script: run the command line and exit with its status."""
    status = main()
    # The process ends here and its objects need no collecting, but the interpreter's shutdown
    # runs full garbage collections over all of them: ~40 ms once pydantic, Jinja and lxml are
    # loaded, a sixth of a build.  Frozen objects are left out of those collections.
    gc.freeze()
    sys.exit(status)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    command: Callable[[argparse.Namespace], int] = arguments.command
    try:
        return command(arguments)
    except ChecksFailed as exc:
        for report in exc.reports:
            _print_findings(report, sys.stderr)
        print(f"drafting: error: {exc}", file=sys.stderr)
        return EXIT_DIFFERENT
    except PdfFailed as exc:
        for path in exc.written:
            print(path)
        print(f"drafting: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except DraftingError as exc:
        if arguments.debug:
            traceback.print_exc()
        print(f"drafting: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        answers = getattr(arguments, "answers", None)
        if command is _run_wizard and answers is not None and answers.exists():
            print(
                f"\nAnswers saved in {answers}; carry on with: drafting wizard {answers} --resume",
                file=sys.stderr,
            )
        else:
            print("drafting: interrupted; nothing was written", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="drafting",
        description="Draft statutory directions under section 497A(4B) of the Education Act 1996.",
    )
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="write the Word documents of a spec")
    build.add_argument("spec", type=Path, help="the spec (YAML answers file)")
    build.add_argument(
        "-o", "--output", type=Path, help="folder for the documents (default: beside the spec)"
    )
    build.add_argument("--force", action="store_true", help="overwrite documents that exist")
    build.add_argument(
        "--no-check", action="store_true", help="skip the drafting checks (for a draft)"
    )
    build.add_argument(
        "--pdf", action="store_true", help="also write a PDF of each document (LibreOffice)"
    )
    build.set_defaults(command=_build)

    check = commands.add_parser(
        "check",
        help="find drafting slips in specs, .docx, .pdf or .txt files",
        description="Exit status 0: no errors; 1: errors found; 2: a file cannot be read.",
    )
    check.add_argument("files", type=Path, nargs="+", metavar="FILE")
    check.add_argument("--format", choices=["text", "json"], default="text")
    status = check.add_mutually_exclusive_group()
    status.add_argument("--draft", action="store_true", help="blanks left for signing are expected")
    status.add_argument("--final", action="store_true", help="blanks are errors")
    check.set_defaults(command=_check)

    text = commands.add_parser("text", help="print a spec's direction or letter as plain text")
    text.add_argument("spec", type=Path)
    text.add_argument("--document", choices=["direction", "letter"], help=DOCUMENT_HELP)
    text.set_defaults(command=_text)

    diff = commands.add_parser(
        "diff",
        help="compare two documents (spec, .docx, .pdf or .txt) paragraph by paragraph",
        description="Exit status 0: no unwaived difference; 1: differences; 2: error.",
    )
    diff.add_argument("left", type=Path, nargs="?", help="the first document (the base)")
    diff.add_argument("right", type=Path, nargs="?", help="the second document")
    diff.add_argument("--waivers", type=Path, help="YAML file of known differences, with reasons")
    diff.add_argument("--document", choices=["direction", "letter"], help=DOCUMENT_HELP)
    diff.add_argument("--format", choices=["text", "json"], default="text")
    diff.add_argument("--html", type=Path, metavar="FILE", help="also write a side-by-side page")
    diff.add_argument("--redline", type=Path, metavar="FILE", help="also write tracked changes")
    diff.add_argument("--force", action="store_true", help="overwrite --html/--redline files")
    diff.add_argument(
        "--before-changes",
        action="store_true",
        help="read .docx files as they were before their tracked changes",
    )
    diff.add_argument(
        "--explain-normalisation", action="store_true", help="list what is normalised, and exit"
    )
    diff.set_defaults(command=_diff)

    wizard = commands.add_parser(
        "wizard", help="answer questions to write a spec and build its documents"
    )
    wizard.add_argument(
        "answers",
        type=Path,
        nargs="?",
        default=Path("answers.yaml"),
        help="where to save the answers (a spec; default: answers.yaml)",
    )
    start = wizard.add_mutually_exclusive_group()
    start.add_argument("--resume", action="store_true", help="carry on a stopped interview")
    start.add_argument(
        "--from",
        dest="previous",
        type=Path,
        metavar="SPEC",
        help="begin from a spec: every answer, its order and wording kept",
    )
    wizard.add_argument(
        "--restart",
        action="store_true",
        help="start afresh over an existing answers file (asks to confirm)",
    )
    wizard.add_argument("-o", "--output", type=Path, help="folder for the documents")
    wizard.add_argument("--force", action="store_true", help="overwrite existing documents")
    wizard.add_argument(
        "--defaults", action="store_true", help="no questions: take every default, then write"
    )
    wizard.add_argument(
        "--data",
        action="append",
        default=[],
        metavar="QUESTION=ANSWER",
        help="answer a question without asking (implies --defaults for the rest)",
    )
    wizard.add_argument(
        "--data-file",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="answers by question id in a YAML file (implies --defaults for the rest)",
    )
    wizard.set_defaults(command=_run_wizard)

    clauses = commands.add_parser("clauses", help="list or show the clause library")
    clause_commands = clauses.add_subparsers(required=True, metavar="ACTION")
    listing = clause_commands.add_parser("list", help="every clause: id, family and title")
    listing.add_argument("--family", help="only this family (recital, access, tor ...)")
    listing.set_defaults(command=_clauses_list)
    show = clause_commands.add_parser("show", help="one clause: parameters and text")
    show.add_argument("id")
    show.set_defaults(command=_clauses_show)
    return parser


def _build(arguments: argparse.Namespace) -> int:
    from drafting._build import build

    built = build(
        arguments.spec, arguments.output, arguments.force, not arguments.no_check, arguments.pdf
    )
    for report in built.reports:
        _print_findings(report, sys.stderr, accepted=False)
    for path in built.paths:
        print(path)
    return EXIT_OK


def _check(arguments: argparse.Namespace) -> int:
    import json

    from drafting.checks import check_file

    final = True if arguments.final else False if arguments.draft else None
    reports: list[Report] = []
    unreadable = False
    for path in arguments.files:
        try:
            reports += check_file(path, final)
        except DraftingError as exc:
            print(f"drafting: error: {exc}", file=sys.stderr)
            unreadable = True
    if arguments.format == "json":
        print(json.dumps([_report_json(r) for r in reports], indent=2, ensure_ascii=False))
    else:
        for report in reports:
            _print_findings(report, sys.stdout)
        errors = sum(len(r.errors) for r in reports)
        warnings = sum(len(r.findings) for r in reports) - errors
        accepted = sum(len(r.accepted) for r in reports)
        print(
            f"{errors} errors, {warnings} warnings, {accepted} accepted "
            f"in {len(reports)} document{'s' * (len(reports) != 1)}"
        )
    if unreadable:
        return EXIT_INPUT
    return EXIT_DIFFERENT if any(r.errors for r in reports) else EXIT_OK


def _print_findings(report: Report, stream: TextIO, accepted: bool = True) -> None:
    from drafting.checks import format_finding

    for finding in report.findings:
        print(format_finding(report.name, finding), file=stream)
    if accepted:
        for finding, reason in report.accepted:
            print(f"{report.name}: {finding.where}: accepted {finding.code}: {reason}", file=stream)


def _report_json(report: Report) -> dict[str, object]:
    def finding(f: Finding) -> dict[str, str]:
        return {
            "code": f.code,
            "severity": f.severity,
            "where": f.where,
            "excerpt": f.excerpt,
            "message": f.message,
        }

    return {
        "file": report.name,
        "findings": [finding(f) for f in report.findings],
        "accepted": [{**finding(f), "reason": reason} for f, reason in report.accepted],
    }


def _text(arguments: argparse.Namespace) -> int:
    from drafting import Draft

    sys.stdout.write(Draft.from_file(arguments.spec).get(arguments.document).text)
    return EXIT_OK


def _diff(arguments: argparse.Namespace) -> int:
    from drafting.compare import _report as report
    from drafting.compare._compare import compare_files
    from drafting.support._output import write_all

    if arguments.explain_normalisation:
        print(report.explain_normalisation())
        return EXIT_OK
    if arguments.left is None or arguments.right is None:
        raise DraftingError("diff needs two documents: drafting diff LEFT RIGHT")
    comparison = compare_files(
        arguments.left,
        arguments.right,
        arguments.waivers,
        not arguments.before_changes,
        arguments.document,
    )
    outputs: dict[Path, bytes] = {}
    if arguments.html:
        outputs[arguments.html] = report.as_html(comparison).encode("utf-8")
    if arguments.redline:
        from drafting.compare._redline import render_redline

        outputs[arguments.redline] = render_redline(comparison)
    write_all(outputs, arguments.force)
    if arguments.format == "json":
        print(report.as_json(comparison))
    else:
        report.print_report(comparison)
    return EXIT_DIFFERENT if comparison.unwaived else EXIT_OK


def _run_wizard(arguments: argparse.Namespace) -> int:
    from ._wizard import data_given, run

    unattended = arguments.defaults or arguments.data or arguments.data_file
    if arguments.restart and arguments.resume:
        raise DraftingError("--restart starts afresh and --resume carries on: give one of them")
    paths = run(
        arguments.answers,
        resume=arguments.resume,
        previous=arguments.previous,
        restart=arguments.restart,
        output=arguments.output,
        force=arguments.force,
        given=data_given(arguments.data, arguments.data_file) if unattended else None,
    )
    if not paths:
        print(
            f"Answers saved in {arguments.answers}; carry on with: drafting wizard "
            f"{arguments.answers} --resume",
            file=sys.stderr,
        )
    for path in paths:
        print(path)
    return EXIT_OK


def _clauses_list(arguments: argparse.Namespace) -> int:
    from drafting import load_library

    library = load_library()
    clauses = [c for c in library if arguments.family in (None, c.family)]
    if not clauses:
        families = sorted({c.family for c in library})
        raise DraftingError(f"no family '{arguments.family}'; families: {', '.join(families)}")
    width = max(len(c.id) for c in clauses)
    for clause in clauses:
        print(f"{clause.id:<{width}}  {clause.spec.title}")
    return EXIT_OK


def _clauses_show(arguments: argparse.Namespace) -> int:
    from drafting import describe, load_library
    from drafting.spec._model import did_you_mean

    library = load_library()
    clause = library.get(arguments.id)
    if clause is None:
        raise DraftingError(
            f"unknown clause '{arguments.id}'{did_you_mean(arguments.id, library.ids)}"
        )
    print(describe(clause))
    return EXIT_OK
