"""A department's own house style: the Word template chosen, its placeholders filled in.

In: the kind of document, a template or folder chosen by the user (`--template`) or named by
`$DRAFTING_TEMPLATES`, and the facts of the draft.  Out: the path of the template to use, and
for a template with docxtpl placeholders (`{{ council.name }}`, `{{ date }}`, `{{ reference }}`,
`{{ title }}`) the `Template` prepared from it with those filled in.

The placeholders are filled in the template before the document's paragraphs are written into
it, so the spec's own words are never read as a template.  The values are escaped for XML and
the placeholders run in a sandbox where a misspelt name is an error naming the template.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

from drafting._errors import TemplateError, Where
from drafting.assembly._draft import Draft, Rendered
from drafting.ooxml._package import Template
from drafting.support._resources import data_dir


def template_for(kind: str, chosen: Path | None = None) -> Path:
    """The template for a kind of document (`direction` or `letter`).

    `chosen` is a .docx (used as it is) or a folder holding `direction.docx` and/or
    `letter.docx`; without it, `$DRAFTING_TEMPLATES` names such a folder.  A kind the folder
    has no template for uses the bundled one.
    """
    if chosen is not None and not chosen.is_dir():
        if not chosen.is_file():
            raise TemplateError("template not found", Where(chosen))
        return chosen
    configured = os.environ.get("DRAFTING_TEMPLATES")
    if chosen is None and configured and not Path(configured).is_dir():
        raise TemplateError("DRAFTING_TEMPLATES names no folder", Where(configured))
    folder = chosen or Path(configured or data_dir("templates"))
    own = folder / f"{kind}.docx"
    return own if own.is_file() else data_dir("templates") / f"{kind}.docx"


def placeholder_values(draft: Draft, rendered: Rendered) -> dict[str, Any]:
    """What a template's placeholders may name."""
    council = draft.spec.council
    return {
        "council": {"name": council.name, "area": council.area or ""},
        "date": rendered.dated.format("plain") if rendered.dated is not None else "",
        "reference": draft.path.stem,
        "title": rendered.document.title,
    }


def filled_template(path: Path, values: dict[str, Any]) -> Template:
    """The template at `path` with its placeholders filled in, prepared for writing."""
    import jinja2
    from docxtpl import DocxTemplate
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from drafting.ooxml._read import prepare_template

    environment = ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined)
    try:
        document = DocxTemplate(str(path))
        document.render(values, jinja_env=environment, autoescape=True)
        output = io.BytesIO()
        document.save(output)
    except jinja2.TemplateError as exc:
        raise TemplateError(f"a placeholder cannot be filled in ({exc})", Where(path)) from None
    with tempfile.TemporaryDirectory(prefix="drafting-template-") as work:
        filled = Path(work) / path.name
        filled.write_bytes(output.getvalue())
        try:
            return prepare_template(filled)
        except TemplateError as exc:  # it names the filled copy; the user knows the template
            raise TemplateError(exc.message, Where(path)) from None
