"""The frozen app's entry point: the ``annotator`` command, the window when no
command is given (a double-click, or a project file handed over by the desktop)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # First of all: import's worker processes start this same executable, and
    # freeze_support() turns them into workers before anything else runs.
    multiprocessing.freeze_support()
    from annotator.cli import main

    sys.exit(main())
