"""Importing each published text in a cold process, as a ratio to building the spec it gives.

`python -m benchmarks.importing` prints the table alone; `python -m benchmarks` includes it.
For each text in the published folder: `drafting import TEXT -o SPEC` timed against
`drafting build SPEC` of the resulting spec, both whole processes, taken in turn (median of 5).
The target is an import at most twice as long as a build.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.__main__ import ROOT, paired_medians, process, row

RUNS = 5
PUBLISHED = Path("/work/shared/published")


def import_vs_build() -> list[dict[str, Any]]:
    """One row per published text: cold import against cold build of its spec."""
    folder = PUBLISHED if PUBLISHED.is_dir() else ROOT / "samples" / "published"
    rows = []
    with tempfile.TemporaryDirectory() as work:
        os.environ["DRAFTING_CACHE_DIR"] = str(Path(work) / "cache")
        for text in sorted(folder.glob("*.txt")):
            spec = Path(work) / f"{text.stem}.yaml"
            importing = [sys.executable, "-m", "drafting.cli", "import", str(text), "-o", str(spec)]
            subprocess.run([*importing, "--force"], capture_output=True, check=True)
            build = [sys.executable, "-m", "drafting.cli", "build", str(spec), "-o", work]
            importing.append("--force")
            import_seconds, build_seconds = paired_medians(
                partial(process, importing), partial(process, [*build, "--force"]), RUNS
            )
            rows.append(
                row(
                    f"import, cold process: {text.stem}",
                    import_seconds,
                    "build of its spec",
                    build_seconds,
                    "s",
                    target="<= 2x",
                )
            )
        del os.environ["DRAFTING_CACHE_DIR"]
    return rows


if __name__ == "__main__":
    for result in import_vs_build():
        print(
            f"{result['benchmark']:<60} {result['value']:.3f} s  {result['baseline_value']:.3f} s"
            f"  {result['ratio']:.2f}x  {result['target']} {'met' if result['met'] else 'MISSED'}"
        )
