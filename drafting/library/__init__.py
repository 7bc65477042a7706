"""The clause library: clauses written once in `clauses/*.yaml`, parameterised by a spec's facts.

In: the clause files.  Out: a `ClauseLibrary` whose clauses render text in a sandboxed Jinja2
environment (`_clauses`), with the language that keeps wording consistent — defined terms at
their first mention, pronouns, lists, possessives (`_language`).
"""
