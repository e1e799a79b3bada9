"""The ``kpidesk`` command: open the app, or run one of the subcommands.

Each subcommand lives in ``kpidesk/commands/<name>.py`` with ``add_parser`` and
``run``; this module only dispatches, so ``kpidesk --help`` stays cheap (no Qt
import unless the app is opened).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from kpidesk import __version__

COMMANDS = {
    "demo": "kpidesk.commands.demo",
    "import": "kpidesk.commands.import_",
    "kpis": "kpidesk.commands.kpis",
    "staffing": "kpidesk.commands.staffing",
    "report": "kpidesk.commands.report",
    "snapshot": "kpidesk.commands.snapshot",
    "explain": "kpidesk.commands.explain",
    "comment": "kpidesk.commands.comment",
}


def _wanted(argv: list[str] | None) -> str | None:
    """The subcommand named on the command line, if any (its parser alone is built)."""
    if argv is None:
        return None
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--db":
            skip = True
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser; with ``argv`` naming a subcommand, only that one's module is
    imported (``kpidesk kpis`` does not load the import pipeline or the demo)."""
    parser = argparse.ArgumentParser(
        prog="kpidesk", description="Customer-service KPIs from your own exports, offline."
    )
    parser.add_argument("--version", action="version", version=f"kpidesk {__version__}")
    parser.add_argument("--db", dest="global_db", help="database file (default: in your user data folder)")
    parser.add_argument("--demo", action="store_true", help="open the app on generated demo data")
    parser.add_argument("--smoke-test", action="store_true", help="check the installation and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = _wanted(argv)
    for name, module in COMMANDS.items():
        if wanted is not None and name != wanted:
            continue
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue  # a command not shipped in this build
        mod.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if getattr(args, "db", None) is None:
        args.db = args.global_db  # `kpidesk --db X kpis` and `kpidesk kpis --db X` alike
    if args.command is None:
        if args.smoke_test:
            from kpidesk.smoke import run_smoke_test  # its checks import what they check

            return run_smoke_test()
        from kpidesk.ui.app import run_app  # Qt loads only for the window, not for a command

        return run_app(db=args.db, demo=args.demo)
    module = importlib.import_module(COMMANDS[args.command])
    try:
        return module.run(args)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `kpidesk kpis | head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
