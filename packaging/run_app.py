"""PyInstaller entry point: the same program as ``python -m jixiao_desktop``."""

import multiprocessing
import sys

from jixiao_desktop.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
