"""`python -m drafting.cli`: the same as the `drafting` command."""

from . import run

run()
