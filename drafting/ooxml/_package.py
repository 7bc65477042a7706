"""Word packages: the namespace, a template prepared for writing, and zips with fixed times.

The lowest layer of the OOXML code, shared by the writer (`_write`) and the reader (`_read`):
a `Template` flows in from `_read.prepare_template` and out to `_write` and the Word renderer;
`zip_parts` turns parts (name → bytes) into the bytes of a package.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: The fixed time stamp of every zip entry, so the same document gives the same bytes.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
#: Where a part's new content goes, marked by a comment when it is split for writing.
INSERT_MARK = "drafting: insert here"


@dataclass(frozen=True)
class Template:
    """A Word template prepared for writing documents on it.

    `document` and `numbering` are their parts' XML split where new content goes; `originals`
    are those two parts and the core properties as the template has them; `unchanged` is a zip
    of every other part, to which each document adds its own three.
    """

    document_name: str
    document: tuple[bytes, bytes]
    style_ids: frozenset[str]
    numbering_name: str | None
    numbering: tuple[bytes, bytes] | None
    abstract_formats: dict[int, list[str]]
    next_num_id: int
    core_name: str | None
    originals: dict[str, bytes]
    unchanged: bytes
    #: Whether its body, headers or footers hold docxtpl placeholders (`{{ council.name }}`).
    placeholders: bool = False

    def document_part(self, blocks: Iterable[str]) -> bytes:
        """The main document with `blocks` (XML text) as its body, before its section properties."""
        before, after = self.document
        return before + "".join(blocks).encode("utf-8") + after

    def numbering_part(self, nums: Iterable[str]) -> bytes | None:
        """The numbering part with list instances `nums` (XML text) added; None if it has none."""
        if self.numbering is None:
            return None
        before, after = self.numbering
        return before + "".join(nums).encode("utf-8") + after

    def abstract_num(self, wanted: Sequence[str]) -> int | None:
        """The first abstractNum whose levels begin with the formats `wanted`, or None."""
        for abstract_id, formats in self.abstract_formats.items():
            if formats[: len(wanted)] == list(wanted):
                return abstract_id
        return None

    def package(self, changed: dict[str, bytes]) -> bytes:
        """The template's parts with `changed` ones replaced, zipped with fixed entry times."""
        output = io.BytesIO(self.unchanged)
        with zipfile.ZipFile(output, "a") as archive:
            for name, original in self.originals.items():
                _write_entry(archive, name, changed.get(name, original))
        return output.getvalue()


def zip_parts(parts: dict[str, bytes]) -> bytes:
    """Parts zipped in order, compressed, with fixed entry times."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, data in parts.items():
            _write_entry(archive, name, data)
    return output.getvalue()


def _write_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    entry = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    # The quickest deflate: parts a few per cent larger, written in two thirds of the time.
    archive.writestr(entry, data, compresslevel=1)
