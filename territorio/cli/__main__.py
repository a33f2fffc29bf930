"""`python -m territorio.cli`: the same command as the installed `territorio`."""

import sys

from territorio.cli.main import main

sys.exit(main())
