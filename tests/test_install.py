"""`pip install .` (not editable) gives a working `drafting` anywhere, data included.

Slow (a fresh virtual environment), so it runs once; it guards the packaging that maps the
repository's `cli/`, `clauses/` and `templates/` into the `drafting` package.
"""

from __future__ import annotations

import subprocess
import venv
from pathlib import Path

import pytest

from tests.conftest import KIRKLEES, ROOT


@pytest.mark.slow
def test_wheel_install_builds_from_outside_the_repository(tmp_path: Path) -> None:
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(ROOT)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    spec = elsewhere / "direction.yaml"
    spec.write_bytes(KIRKLEES.read_bytes())
    built = subprocess.run(
        [environment / "bin" / "drafting", "build", spec.name],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    assert (elsewhere / "direction.docx").exists()
    probe = subprocess.run(
        [
            python,
            "-c",
            "import importlib.util as u, drafting; "
            "print(u.find_spec('cli') is None, drafting.__file__)",
        ],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    no_cli, location = probe.stdout.split()
    assert no_cli == "True"
    package = Path(location).parent
    assert str(package).startswith(str(environment)), "the wheel, not the checkout, was imported"
    assert (package / "clauses" / "access.yaml").exists()
    assert (package / "templates" / "direction.docx").exists()
    # The web app travels in the wheel; without the `web` extra, `serve` says what to install.
    assert (package / "web" / "templates" / "question.html").exists()
    assert (package / "web" / "static" / "govuk-frontend.min.css").exists()
    served = subprocess.run(
        [environment / "bin" / "drafting", "serve"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert served.returncode == 2
    assert "pip install 'drafting[web]'" in served.stderr
