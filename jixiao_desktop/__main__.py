"""``python -m jixiao_desktop`` and the ``jixiao-desktop`` command."""

from __future__ import annotations

import sys


def main() -> int:
    from jixiao_desktop.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
