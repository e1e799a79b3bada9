"""Open one view on its own against a database, the way Orange3 widgets open with
sample data — the one launcher for every view::

    python -m kpidesk.ui.preview phone --db demo.duckdb [--lang fr] [--privacy]
    python -m kpidesk.ui.preview coaching --agent A07 --screenshot coaching.png \
        [--size 1366x768] [--theme dark] [--from 2026-11-01 --to 2026-11-20] [--channel email]

Without ``--db`` the demo database in the user data folder is built if needed. With
``--screenshot PNG`` it waits for the figures, saves the view and quits (how a view
is checked by eye without a display; ``--size`` sets the width of the picture,
which grows taller to hold the whole view, as ``kpidesk snapshot`` does). Views never import this module: it sits above
them, so launching one creates no import cycle.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date

from kpidesk.core.dashboard.tabs import TABS, TabRequest
from kpidesk.core.dashboard.view_state import ViewState
from kpidesk.core.workspace import demo_job, open_job
from kpidesk.ui import i18n, privacy_state, tasks, theme
from kpidesk.ui.app import demo_path, make_app
from kpidesk.ui.coaching.view import CoachingView
from kpidesk.ui.dashboard.agents_view import AgentsView
from kpidesk.ui.dashboard.channel_view import ChannelView
from kpidesk.ui.dashboard.filter_bar import anchor_for
from kpidesk.ui.dashboard.overview_view import OverviewView
from kpidesk.ui.desk import Desk
from kpidesk.ui.ingest.history_dialog import ImportHistoryDialog


def _overview(desk, args):
    return OverviewView(desk)


def _channel(tab: str):
    def make(desk, args):
        return ChannelView(desk, tab)

    return make


def _agents(desk, args):
    return AgentsView(desk)


def _coaching(desk, args):
    return CoachingView(desk, args.agent, _state(args).filters(anchor_for(desk.prefs.extent)))


def _state(args) -> ViewState:
    """The desk's state the view opens on: its default, or ``--from``/``--to`` and
    ``--channel`` (an agent outside their days, a phone agent on e-mail)."""
    state = ViewState(channels=tuple(getattr(args, "channel", None) or ()))
    first, last = getattr(args, "date_from", None), getattr(args, "date_to", None)
    if first or last:
        state = state.changed(preset="custom", custom_from=first or last, custom_to=last or first)
    return state


def _history(desk, args):
    return ImportHistoryDialog(desk.store, lang=desk.lang)


TAB_VIEWS = {
    "overview": _overview,
    "agents": _agents,
    **{key: _channel(key) for key in TABS if key not in ("overview", "agents")},
}
VIEWS: dict[str, Callable] = {**TAB_VIEWS, "coaching": _coaching, "history": _history}


def open_desk(db: str | None, lang: str | None):
    """The app object and a desk on ``db`` (the demo database when ``None``)."""
    app = make_app()
    store, engine, prefs = demo_job(demo_path()) if db is None else open_job(db)
    language = i18n.Language(app, lang or prefs.language)
    engine.lang = language.code
    return app, Desk(store, engine, prefs, language)


def show(name: str, desk, args):
    """Build view ``name`` on ``desk``, start loading its figures and show it."""
    view = VIEWS[name](desk, args)
    if name in TAB_VIEWS:
        state, anchor = _state(args), anchor_for(desk.prefs.extent)
        # the grain the desk draws: the one that fits the period, never finer than the data
        view.load(
            TabRequest(view.key, state.filters(anchor), state.compare_filters(anchor), state.granularity_for(anchor))
        )
        view.resize(*args.size)
    view.show()
    return view


def _wait(app, ready: Callable[[], bool], deadline: float) -> bool:
    while not ready() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    return ready()


def _screenshot(app, name: str, view, args) -> int:
    deadline = time.monotonic() + 60
    if name == "coaching":
        ok = _wait(app, lambda: view.loaded or view.error is not None, deadline) and view.error is None
        if ok and args.kpi and args.kpi != view.kpi:
            view.show_kpi(args.kpi)
            ok = _wait(app, lambda: view.loaded or view.error is not None, deadline) and view.error is None
        content = view.standings_card.parentWidget()
        content.layout().activate()  # the cards the figures hid (an agent without contacts) leave no room
        width, height = args.size
        view.resize(width, max(height, content.sizeHint().height() + 60))
    elif name in TAB_VIEWS:
        # the figures loaded and painted (a tab paints in steps: a grab in between has black charts)
        ok = _wait(app, lambda: getattr(view, "data", None) is not None and not view.busy, deadline)
    else:
        ok = True
    for _ in range(10):
        app.processEvents()
    view.grab().save(args.screenshot, "PNG")
    if not ok:
        error = getattr(view, "error", None)
        print(f"kpidesk: {error or f'the figures of {name} did not load within a minute'}", file=sys.stderr)
    return 0 if ok else 1


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size WIDTHxHEIGHT: {text!r}") from None
    return width, height


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kpidesk.ui.preview", description=__doc__.split("\n")[0])
    parser.add_argument("view", choices=sorted(VIEWS))
    parser.add_argument("--db")
    parser.add_argument("--lang", choices=("en", "fr"))
    parser.add_argument("--agent", default="A07", help="the agent of the coaching view")
    parser.add_argument("--kpi", help="the KPI the coaching view opens on (e.g. aht)")
    parser.add_argument(
        "--from", dest="date_from", type=date.fromisoformat, help="first day of the period (YYYY-MM-DD)"
    )
    parser.add_argument("--to", dest="date_to", type=date.fromisoformat, help="last day of the period (YYYY-MM-DD)")
    parser.add_argument("--channel", action="append", help="only this channel's records (repeat for more)")
    parser.add_argument("--privacy", action="store_true")
    parser.add_argument("--screenshot", help="save the view to this PNG and quit")
    parser.add_argument("--size", type=_size, default=(1366, 768), help="window size, WIDTHxHEIGHT (default 1366x768)")
    parser.add_argument("--theme", choices=("light", "dark", "system"), default="system")
    args = parser.parse_args(argv)
    app, desk = open_desk(args.db, args.lang)
    if args.theme != "system":
        desk.prefs.theme = args.theme
        theme.apply(app, theme.choose(args.theme))
    privacy_state.of(desk).set_enabled(args.privacy)
    view = show(args.view, desk, args)
    code = _screenshot(app, args.view, view, args) if args.screenshot else app.exec()
    tasks.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
