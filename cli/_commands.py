"""The commands of the `drafting` command line, each a function of its parsed arguments.

In: the `argparse.Namespace` the parser (`cli/__init__.py`) made.  Out: the exit status, after
calling the public API `drafting` and printing what it returned.  Errors propagate as
`DraftingError`s, which `cli.main` turns into one line and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from drafting import DraftingError

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


def _run_wizard(arguments: argparse.Namespace) -> int:
    import tempfile

    from ._wizard import data_given, run

    unattended = arguments.defaults or arguments.data or arguments.data_file
    if arguments.restart and arguments.resume:
        raise DraftingError("--restart starts afresh and --resume carries on: give one of them")
    with tempfile.TemporaryDirectory() as folder:
        paths = run(
            arguments.answers,
            resume=arguments.resume,
            previous=_previous_spec(arguments.previous, Path(folder)),
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
