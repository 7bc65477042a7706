"""The document tree: parts, paragraphs and levels, never labels; laid out and as text.

In: `Document` trees built by assembly (or paragraphs read from a .docx).  Out: `LaidOut`
paragraphs with their numbers as Word shows them (`layout`), and plain text (`render_text`).
Knows nothing of clauses, Jinja or Word.
"""
