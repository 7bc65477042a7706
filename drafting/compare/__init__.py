"""Comparing documents: paragraph then word alignment, waivers, reports and redlines.

In: two `Source`s.  Out: a `Comparison` (`_diff`), printed as text, JSON or HTML (`_report`)
or written as a Word redline (`_redline`); `_compare` reads both sides and applies waivers.
"""
