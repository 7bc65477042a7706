"""Raw WordprocessingML: the one layer that knows OOXML.

In: paragraphs as styles, text and list numbers (writing), or .docx bytes (reading).  Out:
package bytes on a prepared `Template` (`_package`, `_write`), or Word paragraphs with their
styles and list membership (`_read`).  `_styles` names the templates' styles by role and level.
Everything above speaks of paragraphs, levels and clauses.
"""
