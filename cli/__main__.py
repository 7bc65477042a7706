"""`python -m drafting.cli`: the same as the `drafting` command."""

import sys

from . import main

sys.exit(main())
