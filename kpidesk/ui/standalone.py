"""Open one view on its own against a database, the way Orange3 widgets open with
sample data: ``python -m kpidesk.ui.channel_view --tab phone --db demo.duckdb``.
Without ``--db`` the demo database in the user data folder is built if needed."""

from __future__ import annotations

import argparse
import sys

from kpidesk.core.kpi.engine import Engine
from kpidesk.core.store import Store
from kpidesk.ui import i18n
from kpidesk.ui.app import demo_path, make_app
from kpidesk.ui.desk import Desk, load_prefs
from kpidesk.ui.filter_bar import anchor_for
from kpidesk.ui.view_state import ViewState
from kpidesk.core.dashboard import TabRequest


def open_alone(factory) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    parser.add_argument("--tab", default="phone")
    parser.add_argument("--lang", choices=("en", "fr"))
    args = parser.parse_args()
    app = make_app()
    if args.db is None:
        from kpidesk.ui.window_actions import demo_job

        store, engine, prefs = demo_job(demo_path())
    else:
        store = Store(args.db)
        engine, prefs = Engine(store), load_prefs(store)
    language = i18n.Language(app, args.lang or prefs.language)
    desk = Desk(store, engine, prefs, language)
    view = factory(desk, args)
    state, anchor = ViewState(), anchor_for(prefs.extent)
    view.load(TabRequest(view.key, state.filters(anchor), state.compare_filters(anchor), state.granularity))
    view.resize(1280, 860)
    view.show()
    sys.exit(app.exec())
