"""`python -m briefing_app.cli`: the same as the `briefing` command."""

import sys

from . import main

sys.exit(main())
