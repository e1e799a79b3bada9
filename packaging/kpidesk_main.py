"""Entry point of the frozen app: the same ``kpidesk`` command as ``pip install`` gives."""

import multiprocessing
import sys

from kpidesk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
