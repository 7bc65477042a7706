"""Reading documents back: specs, .docx, .pdf and .txt as normalised paragraphs.

In: a path.  Out: a `Source` of `TextParagraph`s with labels as Word shows them (`_readers`);
`_docx` reads Word documents through the OOXML layer, `_normalise` turns text into paragraphs
and lists what counts as noise.  Imports no writer.
"""
