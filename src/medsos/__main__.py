"""``python -m medsos``: the same as the ``medsos`` command."""

import sys

from medsos._cli import main

if __name__ == "__main__":
    sys.exit(main())
