"""Stage 3, rendering: a `Draft` written out as Word documents and PDFs.

In: a `Draft`.  Out: .docx bytes with real numbering on the bundled or a given template
(`_word`), and PDFs converted by LibreOffice (`_pdf`).
"""
