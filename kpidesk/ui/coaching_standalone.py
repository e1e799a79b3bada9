"""Open the coaching view alone on a database:
``python -m kpidesk.ui.coaching_view --db demo.duckdb --agent A07 [--lang fr] [--privacy]``.
With ``--screenshot PNG`` it waits for the figures, saves the window and quits
(how the view is checked by eye without a display)."""

from __future__ import annotations

import argparse
import sys
import time


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m kpidesk.ui.coaching_view")
    parser.add_argument("--db")
    parser.add_argument("--agent", default="A07")
    parser.add_argument("--lang", choices=("en", "fr"))
    parser.add_argument("--privacy", action="store_true")
    parser.add_argument("--screenshot", help="save the view to this PNG and quit")
    parser.add_argument("--kpi", help="the KPI to open (e.g. aht)")
    args = parser.parse_args(argv)

    from kpidesk.core.kpi.engine import Engine
    from kpidesk.core.store import Store
    from kpidesk.ui import i18n, privacy_state, tasks
    from kpidesk.ui.app import demo_path, make_app
    from kpidesk.ui.coaching_view import CoachingView
    from kpidesk.ui.desk import Desk, load_prefs
    from kpidesk.ui.filter_bar import anchor_for
    from kpidesk.ui.view_state import ViewState

    app = make_app()
    if args.db is None:
        from kpidesk.ui.window_actions import demo_job

        store, engine, prefs = demo_job(demo_path())
    else:
        store = Store(args.db)
        engine, prefs = Engine(store), load_prefs(store)
    language = i18n.Language(app, args.lang or prefs.language)
    engine.lang = language.code
    desk = Desk(store, engine, prefs, language)
    privacy_state.of(desk).set_enabled(args.privacy)
    view = CoachingView(desk, args.agent, ViewState().filters(anchor_for(prefs.extent)))
    view.show()
    if not args.screenshot:
        code = app.exec()
        tasks.shutdown()
        sys.exit(code)
    deadline = time.monotonic() + 60
    while view.data is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if args.kpi:
        view.show_kpi(args.kpi)
    view.detail = None
    while view.detail is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    content = view.findChild(type(view.standings_card).__mro__[0]).parentWidget()
    view.resize(1360, max(900, content.sizeHint().height() + 60))
    for _ in range(10):
        app.processEvents()
    view.grab().save(args.screenshot, "PNG")
    tasks.shutdown()
