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
from typing import TYPE_CHECKING, NoReturn, TextIO

from drafting import ChecksFailed, DraftingError, PdfFailed

if TYPE_CHECKING:
    from drafting import Finding, Report

DOCUMENT_HELP = "for a spec: its direction or its letter (default: the direction if it has one)"
EXIT_OK = 0
# What `drafting serve` needs beyond the library: the `web` extra.
WEB_MODULES = {"starlette", "uvicorn", "multipart", "python_multipart", "govuk_frontend_jinja"}
EXIT_DIFFERENT = 1
EXIT_INPUT = 2
#: What a shell reports for a process ended by SIGPIPE (128 + 13).
EXIT_PIPE = 141


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
        if command is _wizard:
            print(
                f"drafting: stopped; your answers are saved in {arguments.answers}: carry on "
                f"with `drafting wizard {arguments.answers} --resume`",
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
        help="begin from a previous spec, or a published direction (.pdf, .docx, .txt) imported",
    )
    wizard.add_argument("-o", "--output", type=Path, help="folder for the documents")
    wizard.add_argument("--force", action="store_true", help="overwrite answers and documents")
    wizard.set_defaults(command=_wizard)

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


def _build(arguments: argparse.Namespace) -> int:
    from drafting import build

    built = build(
        arguments.spec,
        arguments.output,
        arguments.force,
        not arguments.no_check,
        arguments.pdf,
        arguments.template,
        arguments.library,
    )
    for report in built.reports:
        _print_findings(report, sys.stderr, accepted=False)
    for path in built.paths:
        print(path)
    return EXIT_OK


def _check(arguments: argparse.Namespace) -> int:
    import json

    from drafting import check_file

    final = True if arguments.final else False if arguments.draft else None
    reports: list[Report] = []
    unreadable = False
    for path in arguments.files:
        try:
            reports += check_file(path, final, arguments.spec)
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
        if reports or not unreadable:  # a file that could not be read is not "0 errors"
            print(
                f"{errors} errors, {warnings} warnings, {accepted} accepted "
                f"in {len(reports)} document{'s' * (len(reports) != 1)}"
            )
    if unreadable:
        return EXIT_INPUT
    return EXIT_DIFFERENT if any(r.errors for r in reports) else EXIT_OK


def _print_findings(report: Report, stream: TextIO, accepted: bool = True) -> None:
    from drafting import format_finding, place_of

    for finding in report.findings:
        print(format_finding(report.name, finding), file=stream)
    if accepted:
        for finding, reason in report.accepted:
            place = place_of(report.name, finding)
            print(f"{place} {finding.where}: accepted {finding.code}: {reason}", file=stream)


def _report_json(report: Report) -> dict[str, object]:
    def finding(f: Finding) -> dict[str, object]:
        located: dict[str, object] = {"where": f.where, "part": f.part or None, "label": f.path}
        if f.line is not None:
            located["line"] = f.line
        if f.column is not None:
            located["column"] = f.column
        if f.page is not None:
            located["page"] = f.page
        return {"code": f.code, "severity": f.severity, **located, "excerpt": f.excerpt,
                "message": f.message}  # fmt: skip

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
    from drafting import (
        compare_files,
        comparison_html,
        comparison_json,
        explain_normalisation,
        print_comparison,
        render_redline,
        write_outputs,
    )

    if arguments.explain_normalisation:
        print(explain_normalisation())
        return EXIT_OK
    if arguments.left is None or arguments.right is None:
        raise DraftingError("diff needs two documents: drafting diff LEFT RIGHT")
    comparison = compare_files(
        arguments.left,
        arguments.right,
        arguments.waivers,
        not arguments.before_changes,
        arguments.document,
        arguments.published,
    )
    outputs: dict[Path, bytes] = {}
    if arguments.html:
        outputs[arguments.html] = comparison_html(comparison).encode("utf-8")
    if arguments.redline:
        outputs[arguments.redline] = render_redline(
            comparison, author=arguments.author, newer=arguments.right
        )
    inputs = [arguments.left, arguments.right, *([arguments.waivers] if arguments.waivers else [])]
    write_outputs(outputs, arguments.force, inputs)
    if arguments.format == "json":
        print(comparison_json(comparison))
    else:
        print_comparison(comparison, verbose=arguments.verbose)
    return EXIT_DIFFERENT if comparison.unwaived else EXIT_OK


def _wizard(arguments: argparse.Namespace) -> int:
    import tempfile

    from ._wizard import run

    with tempfile.TemporaryDirectory() as folder:
        previous = _previous_spec(arguments.previous, Path(folder))
        paths = run(
            arguments.answers, arguments.resume, previous, arguments.output, arguments.force
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


def _serve(arguments: argparse.Namespace) -> int:
    try:
        if TYPE_CHECKING:  # mypy sees the source folder; installed, it is drafting.web
            from web import serve
        else:
            from drafting.web import serve
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in WEB_MODULES:
            raise
        raise DraftingError(
            f"the web app needs the web extra ({exc.name} is missing): pip install 'drafting[web]'"
        ) from None
    if not 0 < arguments.port < 65536:
        raise DraftingError(f"--port must be between 1 and 65535, not {arguments.port}")
    serve(arguments.drafts, arguments.host, arguments.port)
    return EXIT_OK


def _import(arguments: argparse.Namespace) -> int:
    import json

    from drafting import (
        candidate_clauses,
        import_document,
        import_report_json,
        import_report_lines,
        spec_yaml,
        write_outputs,
    )

    imported = import_document(arguments.file)
    # printed, the spec names its published text as seen from here
    spec = spec_yaml(imported, arguments.output or Path("imported.yaml"))
    outputs: dict[Path, bytes] = {}
    if arguments.output:
        outputs[arguments.output] = spec.encode("utf-8")
    if arguments.suggest_clauses:
        outputs[arguments.suggest_clauses] = candidate_clauses(imported).encode("utf-8")
    write_outputs(outputs, arguments.force, [arguments.file])
    if arguments.format == "json":
        print(
            json.dumps(import_report_json(imported), indent=2, ensure_ascii=False), file=sys.stderr
        )
    else:
        for line in import_report_lines(imported):
            print(line, file=sys.stderr)
    if not arguments.output:
        sys.stdout.write(spec)
    for path in outputs:
        print(path)
    return EXIT_OK


def _previous_spec(previous: Path | None, folder: Path) -> Path | None:
    """`--from` a published direction (.pdf, .docx, .txt): imported first, as a spec."""
    if previous is None or previous.suffix.lower() in (".yaml", ".yml"):
        return previous
    from drafting import import_document, spec_yaml

    spec = folder / f"{previous.stem}.yaml"
    spec.write_text(spec_yaml(import_document(previous)), encoding="utf-8")
    return spec


def _clauses_list(arguments: argparse.Namespace) -> int:
    from drafting import load_library

    library = load_library()
    clauses = [c for c in library if arguments.family in (None, c.family)]
    if not clauses:
        families = sorted({c.family for c in library})
        raise DraftingError(f"no family '{arguments.family}'; families: {', '.join(families)}")
    width = max(len(c.id) for c in clauses)
    family_width = max(len(c.family) for c in clauses)
    for clause in clauses:
        print(f"{clause.id:<{width}}  {clause.family:<{family_width}}  {clause.spec.title}")
    return EXIT_OK


def _clauses_show(arguments: argparse.Namespace) -> int:
    from drafting import describe, find_clause, load_library

    print(describe(find_clause(load_library(), arguments.id)))
    return EXIT_OK


def _schema(arguments: argparse.Namespace) -> int:
    import json

    from drafting import SpecError, load_yaml, spec_reference, spec_schema

    if not arguments.markdown:
        print(json.dumps(spec_schema(), indent=2, ensure_ascii=False))
        return EXIT_OK
    examples = [load_yaml(path, SpecError)[0] for path in arguments.examples]
    sys.stdout.write(spec_reference(examples))
    return EXIT_OK
