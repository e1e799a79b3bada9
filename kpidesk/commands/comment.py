"""``kpidesk comment``: comments on the figures (why a KPI moved, what is done about it).

    kpidesk comment add --db centre.kpidesk --kpi abandon_rate --from 2026-11-09 --to 2026-11-15 \
        --queue Billing --text "Two agents off sick" --action "Overflow to Sales" --owner Léa
    kpidesk comment list --db centre.kpidesk --format json
"""

from __future__ import annotations

import argparse
import json
import sys

from kpidesk.commands.common import CommandError, fail, open_store, parse_day, resolve_agents
from kpidesk.core import comments, formatting
from kpidesk.core.kpi.definitions import load_registry


def add_parser(sub) -> None:
    p = sub.add_parser("comment", help="add, list, edit or delete comments on the figures")
    actions = p.add_subparsers(dest="action_name", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="comment a KPI over a period")
    add.add_argument("--db", help="database file")
    add.add_argument("--kpi", required=True, help="the KPI id (see `kpidesk kpis --list`)")
    add.add_argument("--from", dest="date_from", type=parse_day, required=True, help="first day (YYYY-MM-DD)")
    add.add_argument("--to", dest="date_to", type=parse_day, help="last day, included (default: --from)")
    for name in ("channel", "queue", "site", "agent"):
        add.add_argument(f"--{name}", help=f"only this {name} (optional)")
    add.add_argument("--text", required=True, help="what happened: the why of the figure")
    add.add_argument("--action", dest="todo", help="what is done about it")
    add.add_argument("--owner", help="who carries the action")

    lst = actions.add_parser("list", help="list the comments")
    lst.add_argument("--db", help="database file")
    lst.add_argument("--kpi", help="only this KPI")
    lst.add_argument("--from", dest="date_from", type=parse_day, help="comments on periods ending on or after")
    lst.add_argument("--to", dest="date_to", type=parse_day, help="comments on periods starting on or before")
    lst.add_argument("--format", choices=("table", "json"), default="table")

    edit = actions.add_parser("edit", help="change a comment")
    edit.add_argument("--db", help="database file")
    edit.add_argument("id", type=int, help="the comment number (see `comment list`)")
    edit.add_argument("--text")
    edit.add_argument("--action", dest="todo")
    edit.add_argument("--owner")

    delete = actions.add_parser("delete", help="delete a comment")
    delete.add_argument("--db", help="database file")
    delete.add_argument("id", type=int, help="the comment number (see `comment list`)")


def run(args) -> int:
    try:
        store = open_store(args.db, read_only=args.action_name == "list")
    except CommandError as exc:
        return fail(str(exc))
    try:
        if args.action_name == "add":
            return _add(store, args)
        if args.action_name == "list":
            return _list(store, args)
        if args.action_name == "edit":
            changes = {
                k: v for k, v in (("text", args.text), ("action", args.todo), ("owner", args.owner)) if v is not None
            }
            comments.update(store, args.id, **changes)
            print(f"Comment {args.id} changed.")
            return 0
        if comments.get(store, args.id) is None:
            raise CommandError(f"No comment {args.id}.")
        comments.delete(store, args.id)
        print(f"Comment {args.id} deleted.")
        return 0
    except (CommandError, comments.CommentError, argparse.ArgumentTypeError) as exc:
        return fail(str(exc))
    finally:
        store.close()


def _add(store, args) -> int:
    if args.kpi not in load_registry(store.path):
        raise CommandError(f"Unknown KPI {args.kpi!r} (see `kpidesk kpis --list`).")
    agent = resolve_agents(store, (args.agent,))[0] if args.agent else None
    comment_id = comments.add(
        store,
        args.kpi,
        args.date_from,
        args.date_to,
        args.text,
        action=args.todo,
        owner=args.owner,
        channel=args.channel,
        queue=args.queue,
        site=args.site,
        agent_id=agent,
    )
    print(f"Comment {comment_id} added.")
    return 0


def _list(store, args) -> int:
    found = comments.find(store, args.kpi, args.date_from, args.date_to)
    if args.format == "json":
        json.dump([c.to_json() for c in found], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if not found:
        print("No comments.")
    for c in found:
        period = formatting.day(c.date_from, "en")
        if c.date_to != c.date_from:
            period += f" – {formatting.day(c.date_to, 'en')}"
        scope = " ".join(f"{k}={v}" for k, v in c.scope.items())
        line = f"#{c.comment_id} {c.kpi} {period}{' ' + scope if scope else ''}: {c.text}"
        if c.action:
            line += f" → {c.action}" + (f" ({c.owner})" if c.owner else "")
        print(line)
    return 0
