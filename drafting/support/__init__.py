"""Support for every stage: files in and out, the cache, the package's own data.

In: paths.  Out: a user's file read as text or bytes with one set of messages (`_files`),
documents written atomically (`_output`), prepared artefacts kept between runs (`_cache`), the
folders of the clause library and templates (`_resources`), characters no document can hold
(`_characters`).  Imports nothing from the pipeline above it.
"""
