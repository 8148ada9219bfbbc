"""`kerne analyse …`: the analysis library's command line.

It never imports Django, so it runs on a laptop with only the analysis
dependencies. Each subcommand lives in `kerne/analysis/commands/<name>.py`
and exposes `HELP`, `add_arguments(parser)` and `run(args) -> int`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

SUBCOMMANDS = ("themes", "approach", "names", "opinions")


def build_parser(
    prog: str = "kerne analyse", only: str | None = None
) -> argparse.ArgumentParser:
    """Build the parser; with `only`, import just that subcommand (the others cost a second of imports)."""
    parser = argparse.ArgumentParser(
        prog=prog, description="Analyse answers and votes offline."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name in SUBCOMMANDS if only is None else (only,):
        try:
            module = importlib.import_module(f"kerne.analysis.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"kerne.analysis.commands.{name}":
                raise
            continue
        sub_parser = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(sub_parser)
        sub_parser.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    only = argv[0] if argv and argv[0] in SUBCOMMANDS else None
    args = build_parser(only=only).parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
