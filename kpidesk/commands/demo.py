"""``kpidesk demo``: write the generated demo database to a file.

The demo goes into a file of its own: it refuses to touch an existing database
(the team lead's notes and settings live there) unless ``--force`` says to replace
it. ``--db`` is required rather than defaulting to the user's database for the
same reason.
"""

from __future__ import annotations

import time
from pathlib import Path

from kpidesk.commands.common import fail, parse_day


def add_parser(sub) -> None:
    p = sub.add_parser("demo", help="write a demo database (8 weeks of generated contacts)")
    p.add_argument("--db", help="file to write (required), e.g. demo.duckdb")
    p.add_argument("--seed", type=int, default=7, help="random seed; the same seed gives the same data (default 7)")
    p.add_argument("--days", type=int, default=56, help="days of data (default 56)")
    p.add_argument("--agents", type=int, default=25, help="number of agents (default 25)")
    p.add_argument("--end", type=parse_day, default=None, help="last day of the data (default: the demo's own)")
    p.add_argument("--force", action="store_true", help="replace the file if it exists")


def run(args) -> int:
    # the generator is imported here, not when the parser is built (`kpidesk kpis` never needs it)
    from kpidesk.core.db.startup import open_database
    from kpidesk.core.db.store import StoreError
    from kpidesk.core.demo.generate import DEFAULT_END, DemoError, build_demo, check_size

    args.end = args.end or DEFAULT_END
    if not args.db:
        return fail("give the file to write with --db PATH (the demo never goes into your own database).")
    try:
        check_size(args.days, args.agents)
    except DemoError as exc:
        return fail(str(exc))
    path = Path(args.db)
    if path.exists() and path.stat().st_size > 0:
        if not args.force:
            return fail(f"{path} already exists; choose another file or add --force to replace it.")
    for old in (path, path.with_name(path.name + ".wal")):
        if args.force and old.exists():
            old.unlink()
    started = time.perf_counter()
    try:
        with open_database(path) as store:
            counts = build_demo(store, seed=args.seed, days=args.days, agents=args.agents, end=args.end)
            by_channel = dict(
                store.cursor().execute("SELECT channel, count(*) FROM contacts GROUP BY channel").fetchall()
            )
    except (DemoError, StoreError) as exc:
        return fail(str(exc))
    channels = ", ".join(
        f"{by_channel.get(c, 0):,} {label}"
        for c, label in (("phone", "calls"), ("email", "tickets"), ("chat", "chats"), ("bot", "bot conversations"))
    )
    print(
        f"Demo database written to {path}: {counts['contacts']:,} contacts ({channels}), "
        f"{counts['agents']} agents, {args.days} days to {args.end.isoformat()}, seed {args.seed} "
        f"({time.perf_counter() - started:.1f} s)."
    )
    return 0
