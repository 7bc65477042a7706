"""The public API, the layers, the command line's own edges, and the spec's schema and reference.

- `drafting/__init__.py` exports what front ends need; its docstring names every export and
  draws the error tree as the classes are; `cli/` imports from `drafting` alone.
- The modules of `drafting/` import one another without a cycle.
- `--version`, help on every argument, `clauses list` as its help says, `check --spec`.
- `drafting schema` is the checked-in schema; `docs/spec.md` is what the models generate; every
  sample names the schema on its first line.
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pydantic import ValidationError

import drafting
from drafting import DraftingError, Spec, validation_message
from tests.conftest import KIRKLEES, ROOT, SAMPLES, Result, load_sample

if TYPE_CHECKING:  # mypy sees the source folder; at run time it is installed as drafting.cli
    from cli import _parser
else:
    from drafting.cli import _parser


# --- the public API -----------------------------------------------------------------------------


def test_every_export_is_importable_and_documented() -> None:
    doc = drafting.__doc__ or ""
    for name in drafting.__all__:
        assert getattr(drafting, name) is not None, name
        assert re.search(rf"\b{re.escape(name)}\b", doc), f"{name} is not in the docstring"


def test_every_name_the_docstring_lists_is_exported() -> None:
    doc = drafting.__doc__ or ""
    listed = set(re.findall(r"^    ([A-Za-z_]+)[(. ]", doc, re.MULTILINE))
    listed |= set(re.findall(r"^    (?:[│ ]   )*[├└]── (\w+)", doc, re.MULTILINE))
    listed -= {"draft"}  # `draft.get(kind).text`: a method of an exported class
    assert listed - set(drafting.__all__) == set()


_TREE_LINE = re.compile(r"^    ((?:[│ ]   )*)(?:[├└]── )?(\w+Error|\w+Failed)\b")


def _tree(doc: str) -> dict[str, str]:
    """Each class of the docstring's error tree, with its parent (by indentation)."""
    parents: dict[str, str] = {}
    stack: list[str] = []
    for line in doc.splitlines():
        match = re.match(
            r"^    ((?:[│ ]   )*)(?:[├└]── )?(\w+Error|\w+Failed|DraftingError)\b", line
        )
        if not match:
            continue
        depth = len(match.group(1)) // 4 + (0 if line.strip().startswith("DraftingError") else 1)
        del stack[depth:]
        if stack:
            parents[match.group(2)] = stack[-1]
        stack.append(match.group(2))
    return parents


FRONT_ENDS = ("drafting.cli", "drafting.web", "cli", "web")


def _subclasses(cls: type) -> Iterator[type]:
    sub: type
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_the_docstrings_error_tree_is_the_error_classes() -> None:
    drawn = _tree(drafting.__doc__ or "")
    # the library's own errors: a front end may subclass DraftingError for its own (web's 404)
    library = [c for c in _subclasses(DraftingError) if not c.__module__.startswith(FRONT_ENDS)]
    actual = {c.__name__: c.__mro__[1].__name__ for c in library}
    assert drawn == actual
    assert all(name in drafting.__all__ for name in actual)


def _imports(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def test_the_command_line_imports_only_the_public_api() -> None:
    # cli/_wizard.py is being rewritten around the interview engine (its own issue).
    for path in sorted((ROOT / "cli").glob("*.py")):
        if path.name == "_wizard.py":
            continue
        # the front ends themselves (installed as drafting.cli and drafting.web) are not the library
        front_ends = ("drafting.cli", "drafting.web")
        private = [m for m in _imports(path) if m.startswith("drafting.") and m not in front_ends]
        assert private == [], f"{path.name} imports {private}"


def test_the_web_app_imports_only_the_public_api() -> None:
    for path in sorted((ROOT / "web").glob("*.py")):
        private = [m for m in _imports(path) if m.startswith("drafting.") and m != "drafting.web"]
        assert private == [], f"web/{path.name} imports {private}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path, package: str) -> set[str]:
    """Modules of `drafting` imported when `path` is imported (not inside functions, not typing)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for inner in ast.walk(node) if not isinstance(node, ast.FunctionDef) else ():
            if isinstance(inner, ast.FunctionDef | ast.AsyncFunctionDef):
                break
            if isinstance(inner, ast.ImportFrom) and inner.module:
                module = inner.module
                if inner.level:
                    base = package.rsplit(".", inner.level - 1)[0] if inner.level > 1 else package
                    module = f"{base}.{module}"
                found.add(module)
            elif isinstance(inner, ast.Import):
                found |= {alias.name for alias in inner.names}
    return {m for m in found if m == "drafting" or m.startswith("drafting.")}


def test_the_modules_of_drafting_import_one_another_without_a_cycle() -> None:
    modules = {_module_name(p): p for p in (ROOT / "drafting").rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        graph[name] = {m for m in _top_level_imports(path, package) if m in modules and m != name}
    # No module of the package imports the package's own front door (it imports them).
    assert [name for name, targets in graph.items() if "drafting" in targets] == []
    visiting: list[str] = []
    done: set[str] = set()

    def visit(name: str) -> None:
        if name in done:
            return
        assert name not in visiting, " → ".join([*visiting[visiting.index(name) :], name])
        visiting.append(name)
        for target in sorted(graph[name]):
            visit(target)
        visiting.pop()
        done.add(name)

    for name in sorted(graph):
        visit(name)


def test_validation_errors_become_one_message() -> None:
    with pytest.raises(ValidationError) as caught:
        Spec.model_validate({**load_sample(), "councl": {}})
    assert validation_message(caught.value, Spec) == (
        "unknown field 'councl' (did you mean 'council'?)"
    )


# --- the command line's own edges --------------------------------------------------------------


def _command(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "drafting.cli", *args], capture_output=True, text=True
    )


def test_version() -> None:
    result = _command("--version")
    assert result.returncode == 0
    assert re.fullmatch(rf"drafting {re.escape(drafting.version())}\n", result.stdout)
    assert drafting.version()[0].isdigit()


def _parsers(
    parser: argparse.ArgumentParser, name: str
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from _parsers(sub, f"{name} {sub_name}")


def test_every_argument_has_help() -> None:
    for name, parser in _parsers(_parser(), "drafting"):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help, f"{name}: {action.dest} has no help"


def test_clauses_list_prints_what_its_help_says(run: Callable[..., Result]) -> None:
    help_text = _command("clauses", "--help").stdout
    assert "every clause: id, family and title" in help_text
    rows = run("clauses", "list").out.splitlines()
    assert rows and all(len(row.split(None, 2)) == 3 for row in rows)
    identifier, family, _ = rows[0].split(None, 2)
    assert identifier.startswith(f"{family}.")
    only = run("clauses", "list", "--family", "tor").out.splitlines()
    assert only and all(row.split(None, 2)[1] == "tor" for row in only)


def test_check_a_built_docx_against_its_spec(run: Callable[..., Result], tmp_path: Path) -> None:
    assert run("build", KIRKLEES, "-o", tmp_path).code == 0
    built = tmp_path / f"{KIRKLEES.stem}.docx"
    alone = run("check", built)
    assert alone.code == 1 and "error TERM002" in alone.out  # the finding the spec accepts
    with_spec = run("check", built, "--spec", KIRKLEES)
    assert with_spec.code == 0, with_spec.out
    assert "recital 2: accepted TERM002:" in with_spec.out
    assert re.match(r"0 errors, 0 warnings, [1-9]\d* accepted", with_spec.out.splitlines()[-1])


def test_check_against_a_spec_takes_its_draft_state(
    run: Callable[..., Result], write_spec: Callable[..., Path], tmp_path: Path
) -> None:
    data = load_sample(ROOT / "samples" / "norfolk-2016-08-05-direction.yaml")  # date: blank
    assert data["date"] == "blank"
    spec = write_spec(data, "norfolk.yaml")
    assert run("build", spec, "-o", tmp_path / "out").code == 0
    built = tmp_path / "out" / "norfolk.docx"
    assert "error BLANK001" in run("check", built).out  # a .docx alone is final
    assert "BLANK001" not in run("check", built, "--spec", spec).out


# --- the spec's schema and reference -----------------------------------------------------------


def test_the_checked_in_schema_is_the_models(run: Callable[..., Result]) -> None:
    printed = json.loads(run("schema").out)
    assert printed == json.loads((ROOT / "schema" / "spec.schema.json").read_text("utf-8"))
    assert {"annex", "terms", "published", "accepted_findings"} <= set(printed["properties"])


def test_every_sample_names_the_schema_on_its_first_line() -> None:
    for sample in SAMPLES:
        first = sample.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/spec.schema.json", sample


def test_the_field_reference_is_in_step_with_the_models(run: Callable[..., Result]) -> None:
    from drafting.spec._reference import undescribed_fields

    assert undescribed_fields() == []
    generated = run("schema", "--markdown", *SAMPLES).out
    assert generated == (ROOT / "docs" / "spec.md").read_text(encoding="utf-8"), (
        "docs/spec.md is stale: drafting schema --markdown samples/*.yaml > docs/spec.md"
    )
    for field in ("`heading`", "`reference`", "`description`", "## Terms"):
        assert field in generated


@pytest.mark.slow
def test_a_changed_module_gives_a_new_cache_entry(tmp_path: Path) -> None:
    """The cache key covers the source of every module: an edit is never served stale."""
    package = tmp_path / "drafting"
    shutil.copytree(ROOT / "drafting", package, ignore=shutil.ignore_patterns("__pycache__"))
    for data in ("clauses", "templates"):
        shutil.copytree(ROOT / data, package / data)
    cache = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "DRAFTING_CACHE_DIR": str(cache)}
    load = [sys.executable, "-c", "import drafting; drafting.load_library()"]

    def entries() -> list[str]:
        subprocess.run(load, env=env, check=True, cwd=tmp_path)
        return sorted(p.name for p in cache.glob("clauses-*.pickle"))

    first = entries()
    assert len(first) == 1 and entries() == first
    loader = package / "spec" / "_yaml.py"
    loader.write_text(loader.read_text("utf-8") + "\n# an edit to the loader\n", "utf-8")
    second = entries()
    assert len(second) == 1 and second != first


def test_other_libraries_errors_become_ours_in_one_place(tmp_path: Path) -> None:
    import zipfile

    from drafting.support._foreign import translated

    where = drafting.Where(tmp_path / "broken.docx")
    reading = translated(drafting.DocumentError, "not a readable .docx", where)
    with pytest.raises(drafting.DocumentError) as caught, reading:
        zipfile.ZipFile(io.BytesIO(b"PK not a zip"))
    assert str(caught.value) == f"{where}: not a readable .docx (File is not a zip file)"
    # A bug of ours is not passed off as a damaged file.
    reading = translated(drafting.DocumentError, "not a readable .docx", where)
    with pytest.raises(TypeError), reading:
        raise TypeError("a bug")
    template = tmp_path / "template.docx"
    template.write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(drafting.TemplateError, match="not a usable Word template"):
        drafting.render_docx(drafting.Draft.from_file(KIRKLEES), template=template)


def test_an_unknown_key_that_looks_like_a_path_is_named() -> None:
    # Pydantic names union members `function-after[...]`; a user's key "[" is not one of them.
    with pytest.raises(ValidationError) as caught:
        Spec.model_validate({**load_sample(), "[": None})
    assert validation_message(caught.value, Spec) == "unknown field '['"
