"""Stage 1, the spec: a YAML answers file read, validated and turned into a `Spec`.

In: a spec file (YAML).  Out: a `Spec` (pydantic, `extra="forbid"`) and a `LineMap` from field
paths to lines, so every error names file, line and field.  `_yaml` reads YAML keeping lines,
`_dates` holds the dates a spec may give, `_model` the models and `load_spec`.
"""
