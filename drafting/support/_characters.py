"""Characters that no document can hold.

XML 1.0, so Word, cannot hold these: specs refuse them (`spec._yaml`), the Word writer drops them
(`ooxml._write`), and PDF text may carry them (`read`).
"""

from __future__ import annotations

import re

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

#: Unicode's private-use characters: the toolkit keeps some for its own marks (cross-references
#: are written `\ue000...\ue001` until numbering is known), and no reader can tell what one
#: means, so specs refuse them.
PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
