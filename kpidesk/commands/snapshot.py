"""``kpidesk snapshot``: render one tab of the desk offscreen to a PNG.

For slides and daily reports, and for tests: the same window the team lead sees,
drawn without a display, once every figure of the tab has loaded. Scheduled runs use
``--period`` (yesterday, last-week…); exit codes as ``report --service``: 0 written,
1 failed, 2 a mistake in the command, 3 the database holds no data yet.
"""

from __future__ import annotations

import os
import tempfile
import time

from kpidesk.commands.common import CommandError, add_filter_arguments, fail, filters_from_args, open_store
from kpidesk.commands.periods import add_period_argument, apply_period
from kpidesk.core.dashboard.view_state import ViewState
from kpidesk.core.kpi.engine import Engine
from kpidesk.core.workspace import load_prefs

TABS = ("overview", "phone", "email", "chat", "agents")


def add_parser(sub) -> None:
    p = sub.add_parser("snapshot", help="render a tab of the app to a PNG image, offscreen")
    p.add_argument("--tab", required=True, choices=TABS)
    add_filter_arguments(p)
    add_period_argument(p)
    p.add_argument("--out", required=True, help="PNG file to write")
    p.add_argument("--lang", choices=("en", "fr"), help="language (default: the database's setting)")
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    p.add_argument("--size", default="1600x1000", help="window size, WIDTHxHEIGHT (default 1600x1000)")
    p.add_argument("--privacy", action="store_true", help="mask other agents' names and customer data")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for the figures")


def state_from_filters(filters):
    """The window's view state for the command's filters; the app's filter bar holds
    one weekday and one hour (a heatmap cell), so does a snapshot."""
    if len(filters.weekdays) > 1 or len(filters.hours) > 1:
        raise CommandError(
            "a snapshot shows what the app can show: one --weekday and one --hour at most (a heatmap cell)."
        )
    state = ViewState(
        channels=filters.channels,
        queues=filters.queues,
        teams=filters.teams,
        sites=filters.sites,
        topics=filters.topics,
        agents=filters.agents,
        weekday=filters.weekdays[0] - 1 if filters.weekdays else None,  # the view state counts from 0 = Monday
        hour=filters.hours[0] if filters.hours else None,
    )
    if filters.date_from or filters.date_to:
        first = filters.date_from or filters.date_to
        state = state.changed(preset="custom", custom_from=first, custom_to=filters.date_to or first)
    return state


def run(args) -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
        apply_period(args)
        store = open_store(args.db)
    except (CommandError, ValueError) as exc:
        return fail(str(exc))
    try:
        filters = filters_from_args(store, args)
        state_from_filters(filters)  # a filter the window cannot show: said before Qt loads
    except CommandError as exc:
        store.close()
        return fail(str(exc))
    try:
        return _render(store, args, filters, (width, height))
    finally:
        store.close()


def _render(store, args, filters, size) -> int:
    # Qt loads here, after run() chose the offscreen platform, and only for this command
    from PySide6.QtCore import QSettings

    from kpidesk.ui import i18n, tasks, theme
    from kpidesk.ui.app import make_app, release
    from kpidesk.ui.main_window import MainWindow

    app = make_app()
    prefs = load_prefs(store)
    prefs.theme = args.theme
    theme.apply(app, theme.choose(args.theme))
    language = i18n.Language(app, args.lang or prefs.language)
    if args.lang:
        prefs.language = args.lang
    with tempfile.TemporaryDirectory() as tmp:  # a fresh window: no persisted filters
        window = MainWindow(language, QSettings(os.path.join(tmp, "snapshot.ini"), QSettings.Format.IniFormat))
        try:
            ok, problem = _grab(app, window, store, args, filters, size, prefs, language)
        finally:
            window.close()
            tasks.shutdown()
            release(window)
    if problem:
        return fail(problem, 3 if prefs.extent.empty else 1)  # 3: nothing imported yet
    if not ok:
        return fail(f"could not write {args.out}", 1)
    print(args.out)
    return 0


def _grab(app, window, store, args, filters, size, prefs, language) -> tuple[bool, str | None]:
    """Open the tab, wait until every figure is on screen (or one failed), grab it."""
    from kpidesk.ui.desk import Desk

    failures: list[str] = []
    window.set_privacy(args.privacy)
    window.resize(*size)
    window.attach(Desk(store, Engine(store, lang=language.code), prefs, language, window))
    if prefs.extent.empty:
        return False, "the database holds no contacts yet: import some files first."
    view = window.views[args.tab]
    view.load_failed.connect(failures.append)
    window.state = state_from_filters(filters)
    window.show_tab(args.tab)
    window.refresh()
    deadline = time.monotonic() + args.timeout
    while (window.busy or view.data is None) and not failures and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if failures:
        return False, "the figures could not be loaded: " + " ".join(failures[0].split())
    if view.data is None or window.busy:
        return False, f"the figures did not load within {args.timeout:g} s."
    broken = view.data.failures()
    if broken:
        return False, "some figures could not be computed: " + " ".join(broken[0].split())
    window.show()
    app.processEvents()
    extra = window.height() - view.height()  # menus, filter bar, tabs, status bar
    window.resize(size[0], max(size[1], view.content.sizeHint().height() + extra))
    for _ in range(5):
        app.processEvents()
    if window.busy:  # the resize must not start a load: never grab "Loading figures…"
        return False, "the figures were still loading when the picture was to be taken."
    return window.grab().save(args.out, "PNG"), None
