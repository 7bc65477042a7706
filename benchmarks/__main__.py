"""`python -m benchmarks`: speed and memory of the toolkit against baselines run alongside.

Each figure is measured in this run, next to a baseline measured in the same run on the same
machine (in turn with it, where both are timed), and reported as a ratio; nothing here asserts a
wall-clock limit.  Prints a table and writes `benchmarks/results.json`.

    cold build       whole `drafting build` process (direction + annex + letter) vs the import
                     floor `python -c "import docx, jinja2, pydantic, yaml"`; median of 15 after a
                     warm-up (which fills the toolkit's cache, as a user's first build does);
                     the first build after an edit (empty cache); and peak memory (max RSS)
    warm build       documents built per second over 200 specs (council and clauses varied) vs
                     a plain docxtpl template loop rendering the same paragraphs
    diff             a sample against its published text; synthetic pairs of ~10 and ~50 pages;
                     two .docx of 10k and 100k paragraphs with 1% changed (targets 1 s, 10 s)
    check            `drafting check` over every published text, over one 100 KB line, and over
                     a 100 KB paragraph naming councils and dating the direction
    wizard           time from an answer to the next question (the answer checked and saved,
                     and at a section's end the spec so far assembled and checked), median and
                     95th percentile over the Kirklees interview, vs the wizard before the
                     interview engine (benchmarks/baseline_wizard) answering the same spec
    PDF              LibreOffice export of a build's documents in one run vs one run per document
    import           `drafting import` of each published text vs `drafting build` of its spec
"""

from __future__ import annotations

import io
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from benchmarks.baseline_wizard._answers import Answers
from benchmarks.baseline_wizard._prompts import Question
from benchmarks.baseline_wizard._wizard import SECTIONS
from benchmarks.baseline_wizard._wizard import Interview as BaselineInterview

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
KIRKLEES = SAMPLES / "kirklees-2018-01-25-direction.yaml"
RUNS = 7
#: Whole processes vary more from run to run on a shared machine than work within one does.
PROCESS_RUNS = 15


#: The clocks a figure can be measured on: wall time, or this process's processor time.
WALL, CPU = time.perf_counter, time.process_time


def median_seconds(
    action: Callable[[], object],
    runs: int = RUNS,
    warm_up: int = 1,
    clock: Callable[[], float] = WALL,
) -> float:
    """Median time of `action` over `runs` on `clock`, after `warm_up` unmeasured runs."""
    for _ in range(warm_up):
        action()
    return statistics.median(_timed(action, clock) for _ in range(runs))


def paired_medians(
    measured: Callable[[], object], baseline: Callable[[], object], runs: int = RUNS
) -> tuple[float, float]:
    """Median wall times of two actions run in turn, one unmeasured run of each first.

    Taking turns, a busy spell on a shared machine weighs on both alike.
    """
    measured()
    baseline()
    times = [(_timed(measured), _timed(baseline)) for _ in range(runs)]
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def _timed(action: Callable[[], object], clock: Callable[[], float] = WALL) -> float:
    start = clock()
    action()
    return clock() - start


# The process reports its own peak memory as it exits (see peak_memory for how it is started).
_REPORT_PEAK = (
    "import atexit, resource, runpy, sys; atexit.register(lambda: sys.stderr.write("
    "'PEAK %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)); "
)


def process(arguments: list[str]) -> float:
    """Wall seconds of one process."""
    start = time.perf_counter()
    completed = subprocess.run(arguments, capture_output=True, check=False)
    if completed.returncode != 0:
        raise SystemExit(f"benchmark process failed: {' '.join(arguments)}")
    return time.perf_counter() - start


def peak_memory(code: str) -> float:
    """Peak memory (MB) of a Python process running `code`, as it reports itself."""
    # Linux keeps a process's peak across exec, and a child forked from this benchmark starts
    # with its memory; a shell forks a fresh process for Python (not `exec`: the command is not
    # its last), so the peak is Python's own.
    completed = subprocess.run(
        ["/bin/sh", "-c", '"$0" "$@"; exit $?', sys.executable, "-c", _REPORT_PEAK + code],
        capture_output=True,
        text=True,
        check=False,
    )
    peak = [line for line in completed.stderr.splitlines() if line.startswith("PEAK ")]
    return int(peak[-1].split()[1]) / 1024


def byte_compile_the_toolkit() -> None:
    """Byte-compile the installed toolkit, as pip does when it installs a package.

    An editable install compiles on first import instead, unless PYTHONDONTWRITEBYTECODE is set
    (as it is on our CI machines): then every process would compile the toolkit afresh, and the
    figure would measure Python's compiler rather than a build.
    """
    import compileall
    import importlib.util

    for package in ("drafting", "drafting.cli"):
        found = importlib.util.find_spec(package)
        if found is not None and found.origin is not None:
            compileall.compile_dir(Path(found.origin).parent, quiet=2)


# --- the spec measured: the Kirklees direction with its annex, plus a letter of intent ---------


def spec_with_letter(council: str = "Kirklees Council", seed: int | None = None) -> dict[str, Any]:
    """The Kirklees sample with a letter; `seed` varies which optional clauses it keeps."""
    data: dict[str, Any] = yaml.safe_load(KIRKLEES.read_text("utf-8"))
    data["council"].update(
        name=council,
        leader={"name": "Sam Smith"},
        address=["Civic Centre", "High Street"],
    )
    data["letter"] = {
        "date": "2017-12-13",
        "departments": [
            {
                "name_lines": ["Department", "for Education"],
                "address": ["Department for Education", "Sanctuary Buildings"],
            }
        ],
        "paragraphs": [
            {"clause": "letter.keeping-children-safe"},
            {
                "clause": "letter.minded-to",
                "with": {"considered": "Ofsted's findings", "purpose": "provide support"},
            },
            {"clause": "letter.remit"},
            {"clause": "letter.welcome-and-representations"},
            {"clause": "letter.proposed-appointee"},
        ],
        "signatories": [
            {"name": "Rt Hon A Minister MP", "title_lines": ["Secretary of State for Education"]}
        ],
    }
    if seed is not None:
        chooser = random.Random(seed)
        items = data["operative"]["paragraphs"][0]["items"]
        keep = [items[0], *(item for item in items[1:] if chooser.random() < 0.7)]
        data["operative"]["paragraphs"][0]["items"] = keep
    data.pop("published_differences", None)
    return data


@contextmanager
def spec_file(data: dict[str, Any]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="drafting-bench-") as folder:
        path = Path(folder) / "kirklees.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
        yield path


# --- the measurements ---------------------------------------------------------------------------


def cold_build() -> list[dict[str, Any]]:
    floor = [sys.executable, "-c", "import docx, jinja2, pydantic, yaml"]
    byte_compile_the_toolkit()
    with spec_file(spec_with_letter()) as spec, tempfile.TemporaryDirectory() as cache:
        arguments = ["build", str(spec), "-o", str(spec.parent), "--force"]
        command = [sys.executable, "-m", "drafting.cli", *arguments]
        # The toolkit's own cache (the compiled clause library, the prepared templates) lives
        # here: the first, unmeasured build fills it, as a user's first build does.
        os.environ["DRAFTING_CACHE_DIR"] = cache
        build_seconds, floor_seconds = paired_medians(
            partial(process, command), partial(process, floor), PROCESS_RUNS
        )
        first_seconds = statistics.median(
            _first_build(command, Path(cache) / f"empty-{run}") for run in range(RUNS)
        )
        build_peak = peak_memory(
            f"sys.argv = ['drafting', *{arguments!r}]; "
            "runpy.run_module('drafting.cli', run_name='__main__')"
        )
        del os.environ["DRAFTING_CACHE_DIR"]
    floor_peak = peak_memory(floor[-1])
    return [
        row(
            "cold build, whole process (direction, annex, letter)",
            build_seconds,
            "import floor",
            floor_seconds,
            "s",
            target="<= 1.5x",
        ),
        row(
            "cold build, first after an edit of clauses or templates",
            first_seconds,
            "import floor",
            floor_seconds,
            "s",
        ),
        row(
            "cold build, peak memory (max RSS)",
            build_peak,
            "import floor",
            floor_peak,
            "MB",
            target="< 150 MB",
            absolute=build_peak < 150,
        ),
    ]


def _first_build(command: list[str], cache: Path) -> float:
    """A build with an empty cache: it compiles the clause library and prepares the templates."""
    os.environ["DRAFTING_CACHE_DIR"] = str(cache)
    return process(command)


def warm_build() -> list[dict[str, Any]]:
    from docxtpl import DocxTemplate

    from drafting import Draft, Spec
    from drafting.checks import check_draft
    from drafting.render._word import render_docx, template_for
    from drafting.spec._yaml import LineMap

    councils = [
        line
        for line in (ROOT / "drafting" / "councils.txt").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    specs = [
        Spec.model_validate(spec_with_letter(councils[i % len(councils)], seed=i))
        for i in range(200)
    ]
    drafts = [Draft.from_spec(spec, LineMap(Path("bench.yaml"))) for spec in specs[:1]]

    def ours(check: bool = True) -> int:
        count = 0
        for spec in specs:
            draft = Draft.from_spec(spec, LineMap(Path("bench.yaml")))
            if check:
                check_draft(draft)
            for kind in draft.documents:
                render_docx(draft, kind)
                count += 1
        return count

    template = baseline_template(template_for("direction"))
    texts = [[item.text for item in d.get(k).laid_out] for d in drafts for k in d.documents]

    def baseline() -> int:
        count = 0
        for _ in specs:
            for paragraphs in texts:
                document = DocxTemplate(io.BytesIO(template))
                document.render({"paragraphs": paragraphs})
                document.save(io.BytesIO())
                count += 1
        return count

    documents = ours()
    with_checks, baseline_seconds = paired_medians(ours, baseline, runs=3)
    without_checks = median_seconds(partial(ours, check=False), runs=3)
    return [
        row(
            "warm build, documents per second (200 specs, with checks)",
            documents / with_checks,
            "docxtpl loop",
            documents / baseline_seconds,
            "docs/s",
            target=">= 2x",
            higher_is_better=True,
        ),
        row(
            "warm build, documents per second (assembly and Word only)",
            documents / without_checks,
            "docxtpl loop",
            documents / baseline_seconds,
            "docs/s",
            target=">= 2x",
            higher_is_better=True,
        ),
    ]


def baseline_template(direction: Path) -> bytes:
    """A docxtpl template on our own template: one paragraph repeated for each text."""
    import docx

    document = docx.Document(str(direction))
    body = document.element.body
    for child in list(body)[:-1]:
        body.remove(child)
    for text in ("{%p for text in paragraphs %}", "{{ text }}", "{%p endfor %}"):
        document.add_paragraph(text, style="Body Text")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def line_diff_of(left: str, right: str) -> list[str]:
    """The baseline: a plain line-by-line diff of the raw texts."""
    import difflib

    return list(difflib.unified_diff(left.splitlines(), right.splitlines()))


def diffs() -> list[dict[str, Any]]:
    from drafting.compare._compare import compare_files
    from drafting.compare._diff import compare
    from drafting.read._normalise import read_paragraphs

    sample = SAMPLES / "norfolk-2016-08-05-direction.yaml"
    published = SAMPLES / "published" / "norfolk-2016-08-05-direction.txt"
    rows = []
    ours = median_seconds(lambda: compare_files(sample, published))
    text = published.read_text("utf-8")
    plain = median_seconds(partial(line_diff_of, text, text))
    rows.append(
        row(
            "diff, sample vs published text (warm, per pair)",
            ours * 1000,
            "difflib line diff",
            plain * 1000,
            "ms",
            target="< 50 ms",
            absolute=ours < 0.05,
        )
    )
    for pages in (10, 50):
        left, right = synthetic_pair(pages)
        a, b = read_paragraphs(left), read_paragraphs(right)
        seconds = median_seconds(partial(compare, a, b), runs=3)
        line_diff = median_seconds(partial(line_diff_of, left, right), runs=3)
        rows.append(
            row(
                f"diff, synthetic pair of ~{pages} pages",
                seconds * 1000,
                "difflib line diff",
                line_diff * 1000,
                "ms",
                target="< 1 s" if pages == 10 else "",
                absolute=seconds < 1,
            )
        )
    return rows + long_documents()


def long_documents() -> list[dict[str, Any]]:
    """Two .docx of 10k and 100k paragraphs, 1% of them changed, compared from the files."""
    from drafting.compare._compare import compare_files

    rows = []
    with tempfile.TemporaryDirectory() as work:
        for count, target in ((10_000, 1.0), (100_000, 10.0)):
            left_text, right_text = long_pair(count)
            left, right = Path(work) / f"left-{count}.docx", Path(work) / f"right-{count}.docx"
            left.write_bytes(plain_docx(left_text))
            right.write_bytes(plain_docx(right_text))
            # Processor time: the work is one thread's, and the machine is shared, so wall time
            # would measure the other users too (the ratio is to a baseline timed alike).
            seconds = median_seconds(partial(compare_files, left, right), runs=3, clock=CPU)
            line_diff = median_seconds(
                partial(line_diff_of, left_text, right_text), runs=3, clock=CPU
            )
            rows.append(
                row(
                    f"diff, two .docx of {count} paragraphs, 1% changed (CPU)",
                    seconds,
                    "difflib line diff of their text",
                    line_diff,
                    "s",
                    target=f"< {target:g} s",
                    absolute=seconds < target,
                )
            )
    return rows


def long_pair(count: int) -> tuple[str, str]:
    """Two texts of `count` distinct paragraphs, one in a hundred changed in the second."""
    words = KIRKLEES.read_text("utf-8").split()
    chooser = random.Random(count)
    paragraphs = [
        f"Paragraph {index}: " + " ".join(chooser.choices(words, k=chooser.randint(8, 40)))
        for index in range(count)
    ]
    changed = list(paragraphs)
    for index in chooser.sample(range(count), count // 100):
        changed[index] = changed[index].replace(" ", " changed ", 1)
    return "\n".join(paragraphs), "\n".join(changed)


def plain_docx(text: str) -> bytes:
    """A minimal .docx of one paragraph a line (only the main part a reader needs)."""
    from xml.sax.saxutils import escape

    from drafting.ooxml._package import W_NS, zip_parts

    body = "".join(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>" for line in text.splitlines())
    document = f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    return zip_parts({"word/document.xml": document.encode("utf-8")})


def synthetic_pair(pages: int) -> tuple[str, str]:
    """Two texts of about `pages` pages (~350 words each), differing here and there."""
    words = (KIRKLEES.read_text("utf-8") * 3).split()
    chooser = random.Random(pages)
    paragraphs = []
    for index in range(pages * 8):
        start = chooser.randrange(len(words) - 50)
        paragraphs.append(f"{index + 1}. " + " ".join(words[start : start + 45]))
    changed = list(paragraphs)
    for index in chooser.sample(range(len(changed)), max(2, pages)):
        changed[index] = changed[index].replace(" the ", " a ", 1) + " Added words."
    changed.insert(3, "4. A paragraph inserted early.")
    return "\n".join(paragraphs), "\n".join(changed)


def checks() -> list[dict[str, Any]]:
    from drafting.checks import check_file
    from drafting.read._normalise import read_paragraphs

    texts = sorted((SAMPLES / "published").glob("*.txt"))
    ours = median_seconds(lambda: [check_file(path) for path in texts])
    reading = median_seconds(lambda: [read_paragraphs(p.read_text()) for p in texts])
    with tempfile.TemporaryDirectory() as work:
        line = Path(work) / "line.txt"
        # One 100 KB line: words, and runs of asterisks that once made a rule backtrack.
        line.write_text(("Council * shall ** act *" * 5000)[:100_000], encoding="utf-8")
        long_line = median_seconds(lambda: check_file(line), runs=3)
        read_line = median_seconds(lambda: read_paragraphs(line.read_text("utf-8")), runs=3)
        # One 100 KB paragraph naming councils (PLACE001) and dating the direction (DATE006).
        named = Path(work) / "named.txt"
        sentence = "Eastshire County Council acts under the direction of 3 March 2019; "
        named.write_text("Dated: 4 July 2022\n" + (sentence * 1500)[:100_000], encoding="utf-8")
        long_named = median_seconds(lambda: check_file(named), runs=3)
        read_named = median_seconds(lambda: read_paragraphs(named.read_text("utf-8")), runs=3)
    return [
        row("check, every published text", ours * 1000, "reading them only", reading * 1000, "ms"),
        row(
            "check, a 100 KB single line",
            long_line * 1000,
            "reading it only",
            read_line * 1000,
            "ms",
        ),
        row(
            "check, a 100 KB paragraph of councils and dates",
            long_named * 1000,
            "reading it only",
            read_named * 1000,
            "ms",
        ),
    ]


def wizard() -> list[dict[str, Any]]:
    baseline = baseline_wizard_gaps()
    engine = engine_gaps()
    rows = []
    for name, share in (("median", 0.5), ("95th percentile", 0.95)):
        value, before = percentile(engine, share) * 1000, percentile(baseline, share) * 1000
        rows.append(
            row(
                f"wizard, answer to next question, {name} (of {len(engine)})",
                value,
                "wizard before",
                before,
                "ms",
                target="< 30 ms" if share == 0.5 else "",
                absolute=value < 30 if share == 0.5 else None,
            )
        )
    return rows


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def engine_gaps() -> list[float]:
    """Seconds from each answer to the next question, every default of Kirklees taken."""
    from drafting import Interview

    gaps: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        interview = Interview.start(Path(folder) / "answers.yaml", from_spec=KIRKLEES)
        question = interview.question
        while question is not None:
            start = time.perf_counter()
            step = interview.answer(question.default, confirm=True)
            question = step.question
            gaps.append(time.perf_counter() - start)
    return gaps[1:]  # the first answer loads what the rest share (as the baseline's first)


def baseline_wizard_gaps() -> list[float]:
    """The same, for the wizard before the engine (its own questions, every default taken)."""
    from drafting import load_library

    gaps: list[float] = []

    class Timed:
        last = time.perf_counter()

        def ask(self, question: Question) -> Any:
            gaps.append(time.perf_counter() - self.last)
            if question.kind == "checkbox":
                answer: Any = [c.value for c in question.choices if c.checked]
            elif question.kind == "select":
                answer = question.default or question.choices[0].value
            elif question.kind == "confirm":
                answer = bool(question.default)
            else:
                answer = question.default
            self.last = time.perf_counter()
            return answer

    with tempfile.TemporaryDirectory() as folder:
        answers = Answers.start(Path(folder) / "answers.yaml")
        answers.spec = yaml.safe_load(KIRKLEES.read_text("utf-8"))
        defaults = {"wizard": {"documents": ["direction"]}}
        interview = BaselineInterview(Timed(), answers, defaults, load_library())
        for _, section, _ in SECTIONS:
            section(interview)
    return gaps[1:]  # the first gap is the wait before the interview starts


def pdf_export() -> list[dict[str, Any]]:
    from drafting import Draft
    from drafting.render._pdf import libreoffice, render_pdfs
    from drafting.render._word import render_docx

    if libreoffice() is None:
        return [row("PDF export (LibreOffice not installed)", 0, "", 0, "s")]
    with spec_file(spec_with_letter()) as spec:
        draft = Draft.from_file(spec)
        documents: dict[str, bytes] = {kind: render_docx(draft, kind) for kind in draft.documents}
    one_run = median_seconds(lambda: render_pdfs(documents), runs=3)
    per_file = median_seconds(
        lambda: [render_pdfs({name: data}) for name, data in documents.items()], runs=3
    )
    count = len(documents)
    return [
        row(
            f"PDF export per document ({count} in one LibreOffice run)",
            one_run / count,
            "one run per document",
            per_file / count,
            "s",
            higher_is_better=False,
        )
    ]


# --- the table ----------------------------------------------------------------------------------


def row(
    name: str,
    value: float,
    baseline_name: str,
    baseline: float,
    unit: str,
    target: str = "",
    higher_is_better: bool = False,
    absolute: bool | None = None,
) -> dict[str, Any]:
    ratio = value / baseline if baseline else 0.0
    met: bool | None = absolute
    if absolute is None and target.startswith("<="):
        met = ratio <= float(target.split()[1].rstrip("x"))
    elif absolute is None and target.startswith(">="):
        met = ratio >= float(target.split()[1].rstrip("x"))
    return {
        "benchmark": name,
        "value": round(value, 4),
        "unit": unit,
        "baseline": baseline_name,
        "baseline_value": round(baseline, 4),
        "ratio": round(ratio, 2),
        "target": target,
        "met": met,
    }


def main() -> None:
    """Run every measure, or those named (`python -m benchmarks cold_build diffs`).

    A run of some measures updates their rows of `results.json` and keeps the others'.
    """
    import argparse

    from benchmarks.importing import import_vs_build

    measures = (cold_build, warm_build, diffs, checks, wizard, pdf_export, import_vs_build)
    by_name = {m.__name__: m for m in measures}
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description="speed and memory against same-run baselines"
    )
    parser.add_argument(
        "measures",
        nargs="*",
        metavar="MEASURE",
        help=f"run only these ({', '.join(by_name)}); all when none is named",
    )
    named = parser.parse_args().measures
    for name in named:
        if name not in by_name:
            parser.error(f"no measure {name!r} (there are: {', '.join(by_name)})")
    chosen = [by_name[name] for name in named] or list(measures)
    rows: list[dict[str, Any]] = []
    for measure in chosen:
        rows += measure()
    width = max(len(r["benchmark"]) for r in rows)
    print(f"{'benchmark':<{width}}  {'value':>10}  {'baseline':>10}  {'ratio':>6}  target")
    for r in rows:
        met = {True: "met", False: "MISSED", None: ""}[r["met"]]
        print(
            f"{r['benchmark']:<{width}}  {r['value']:>8.3f} {r['unit']:<4} "
            f"{r['baseline_value']:>8.3f}  {r['ratio']:>5.2f}x  {r['target']} {met}".rstrip()
        )
    machine = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
    }
    output = Path(__file__).with_name("results.json")
    if len(chosen) < len(measures) and output.exists():  # keep the rows not measured this time
        kept = json.loads(output.read_text())["results"]
        fresh = {r["benchmark"]: r for r in rows}
        rows = [fresh.get(r["benchmark"], r) for r in kept] + [
            r for r in rows if r["benchmark"] not in {k["benchmark"] for k in kept}
        ]
    output.write_text(json.dumps({"machine": machine, "results": rows}, indent=2) + "\n")
    print(f"\nwritten to {output.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
