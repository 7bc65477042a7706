"""The `drafting` command line: parse arguments, call the library, print, exit.

Exit status: 0 success; 1 differences found (`diff`) or drafting errors (`check`, `build`);
2 bad input or output (one line on stderr, no traceback unless `--debug`).  Nothing here knows
how documents are made.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import gc
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from drafting import ChecksFailed, DraftingError, PdfFailed

from ._commands import (
    DOCUMENT_HELP,
    EXIT_DIFFERENT,
    EXIT_INPUT,
    EXIT_PIPE,
    _build,
    _check,
    _clauses_list,
    _clauses_show,
    _diff,
    _import,
    _print_findings,
    _run_wizard,
    _schema,
    _serve,
    _text,
)


def _discard_stdout() -> None:
    """Point standard output at /dev/null, so that nothing more fails writing to it at exit."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def run() -> NoReturn:
    """The `drafting` console script: run the command line and exit with its status."""
    try:
        status = main()
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as Unix tools do
        _discard_stdout()
        status = EXIT_PIPE
    except OSError as exc:  # standard output on a full disk (or a fault the library missed)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO):
            _discard_stdout()
            print(f"drafting: error: cannot write the output: {exc.strerror}", file=sys.stderr)
        else:
            print(f"drafting: error: {exc.strerror or exc}", file=sys.stderr)
        status = EXIT_INPUT
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
    if arguments.debug:  # what is done silently (an ignored cache entry) is told
        logging.basicConfig(level=logging.DEBUG, format="drafting: debug: %(message)s")
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
    parser.add_argument(
        "--version", action=_Version, nargs=0, help="print the toolkit's version and exit"
    )
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
    build.add_argument("--template", type=Path, help="a Word template, or a folder of them")
    build.add_argument("--library", type=Path, metavar="DIR", help="clauses to add or replace")
    build.set_defaults(command=_build)

    check = commands.add_parser(
        "check",
        help="find drafting slips in specs, .docx, .pdf or .txt files",
        description="Exit status 0: no errors; 1: errors found; 2: a file cannot be read.",
    )
    check.add_argument(
        "files",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="a spec (its generated documents), or a .docx, .pdf or .txt to check",
    )
    check.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text: one finding a line, `file:line:` first for a .txt; json: for scripts",
    )
    check.add_argument(
        "--spec",
        type=Path,
        metavar="SPEC",
        help="check the files as this spec's documents: its accepted_findings are set aside, "
        "and they are final when it is dated",
    )
    status = check.add_mutually_exclusive_group()
    status.add_argument("--draft", action="store_true", help="blanks left for signing are expected")
    status.add_argument("--final", action="store_true", help="blanks are errors")
    check.set_defaults(command=_check)

    text = commands.add_parser("text", help="print a spec's direction or letter as plain text")
    text.add_argument("spec", type=Path, help="the spec (YAML answers file)")
    text.add_argument("--document", choices=["direction", "letter"], help=DOCUMENT_HELP)
    text.set_defaults(command=_text)

    diff = commands.add_parser(
        "diff",
        help="compare two documents (spec, .docx, .pdf or .txt) paragraph by paragraph",
        description="Exit status 0: no unwaived difference; 1: differences; 2: error.",
    )
    diff.add_argument("left", type=Path, nargs="?", help="the first document (the base)")
    diff.add_argument("right", type=Path, nargs="?", help="the second document")
    diff.add_argument(
        "--waivers",
        type=Path,
        metavar="FILE",
        help="YAML file of known differences, with reasons (applied against a published text)",
    )
    diff.add_argument(
        "--published",
        action="store_true",
        help="the document that is not a spec is the spec's published text (as if named in its "
        "`published:` field): the spec's published_differences and --waivers apply",
    )
    diff.add_argument(
        "--verbose", action="store_true", help="also list waivers that found nothing to waive"
    )
    diff.add_argument("--document", choices=["direction", "letter"], help=DOCUMENT_HELP)
    diff.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text: the report for people; json: for scripts",
    )
    diff.add_argument("--html", type=Path, metavar="FILE", help="also write a side-by-side page")
    diff.add_argument("--redline", type=Path, metavar="FILE", help="also write tracked changes")
    diff.add_argument("--force", action="store_true", help="overwrite --html/--redline files")
    diff.add_argument("--author", default="Department for Education", help="of the redline")
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
        help="begin from a spec, or a published direction (.pdf, .docx, .txt) imported: "
        "every answer, its order and wording kept",
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

    serve = commands.add_parser(
        "serve", help="draft in the browser: a local web app (needs drafting[web])"
    )
    serve.add_argument(
        "drafts",
        type=Path,
        nargs="?",
        default=Path("drafts"),
        help="folder of the drafts' answers files (default: drafts/)",
    )
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="interface to listen on (default: 127.0.0.1, this computer only)",
    )
    serve.set_defaults(command=_serve)

    importing = commands.add_parser(
        "import",
        help="turn a published direction or letter (.pdf, .docx, .txt) into a spec",
        description="Exit status 0: imported; 2: not a direction or letter, or unreadable.",
    )
    importing.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help="a published direction or letter: .pdf, .docx or .txt",
    )
    importing.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="SPEC.yaml",
        help="write the spec here (default: stdout)",
    )
    importing.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="how the report on stderr is printed",
    )
    importing.add_argument(
        "--suggest-clauses",
        type=Path,
        metavar="FILE.yaml",
        help="write the unmatched paragraphs as candidate clauses",
    )
    importing.add_argument("--force", action="store_true", help="overwrite files that exist")
    importing.set_defaults(command=_import)

    clauses = commands.add_parser("clauses", help="list or show the clause library")
    clause_commands = clauses.add_subparsers(required=True, metavar="ACTION")
    listing = clause_commands.add_parser("list", help="every clause: id, family and title")
    listing.add_argument("--family", help="only this family (recital, access, tor ...)")
    listing.set_defaults(command=_clauses_list)
    show = clause_commands.add_parser("show", help="one clause: parameters and text")
    show.add_argument("id", help="the clause's id (access.co-operate); see `clauses list`")
    show.set_defaults(command=_clauses_show)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of a spec (for editors to check and complete specs)",
    )
    schema.add_argument(
        "--markdown",
        action="store_true",
        help="print the field reference (docs/spec.md) instead, with examples from SPECs",
    )
    schema.add_argument(
        "examples", type=Path, nargs="*", metavar="SPEC", help="specs to take examples from"
    )
    schema.set_defaults(command=_schema)
    return parser


class _Version(argparse.Action):
    """`--version`: the version is looked up only when asked for, not at every start."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from drafting import version

        print(f"drafting {version()}")
        parser.exit()
