"""The paragraph styles of the bundled templates, by role and level of the document tree.

The Word writer (`render`) puts each laid-out paragraph in its style; the .docx reader (`read`)
turns a style back into a role and level.  Both take the names from here.
"""

from __future__ import annotations

from drafting.document._tree import Role

LINE_STYLES: dict[Role, str] = {
    "title": "Title",
    "heading": "Heading1",
    "subheading": "Heading2",
    "plain": "BodyText",
    "letterhead": "LetterheadName",
    "letterhead-address": "LetterheadAddress",
    "address": "Address",
    "date": "LetterDate",
    "salutation": "Salutation",
    "signatory": "SignatoryName",
    "signatory-title": "SignatoryTitle",
    "signature": "Signature",
    "signature-line": "SignatureLine",
    "signature-name": "SignatureName",
    "signature-role": "SignatureRole",
    "signature-date": "SignatureDate",
}
#: Roles that begin a block of signatures: the paragraph before one is kept on its page.
SIGNATURE_STARTS = frozenset({"signature", "signatory"})
NUMBERED_STYLES = ("ListNumber", "ListNumber2", "ListNumber3")
CONTINUATION_STYLES = ("ListContinue", "ListContinue2", "ListContinue3")
BULLET_STYLES = ("ListBullet", "ListBullet2", "ListBullet3", "ListBullet4")
