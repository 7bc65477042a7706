"""Stage 2, assembly: a `Spec` and the `ClauseLibrary` made into document trees.

In: a `Spec`.  Out: a `Draft` — the direction (with its annex) and the letter as `Document`
trees, laid out and as text (`_draft`); `_assemble` renders each clause and free text into
paragraphs at their levels.
"""
