"""``kpidesk --smoke-test``: check that this installation works, then exit.

Meant for the frozen app (installers, CI) as much as for a source checkout. It opens
a temporary database, imports the two tiny fixtures shipped in
``kpidesk/resources/smoke/`` (a call-log CSV and a ticket-list XLSX), computes every
KPI of the catalog, loads every tab of the desk (and again on a database holding
the call log alone, a team lead's usual first database), checks the resources a bundle could lose (KPI files, profiles,
translations, PDF fonts, Qt plugins) and renders one chart offscreen. It prints one
line per check and returns 0, or 1 with the reason of the first failure; a watchdog
ends it with code 3 if it takes longer than ``KPIDESK_SMOKE_TIMEOUT`` seconds (60).
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import threading
import time
import traceback
from datetime import datetime
from importlib import resources
from pathlib import Path

from kpidesk import __version__
from kpidesk.core.formatting import number

FIXTURES = (("calls.csv", "generic_call_log"), ("tickets.xlsx", "generic_ticket_list"))
# KPIs the fixtures must give a value for (the others may lack input, with a reason).
EXPECTED = ("offered", "answered", "answer_rate", "abandon_rate", "asa", "aht", "volume", "first_response_time")


class SmokeFailure(Exception):
    pass


def _say(check: str, detail: str) -> None:
    print(f"ok  {check:<12} {detail}", flush=True)


def _watchdog(seconds: float) -> threading.Timer:
    def expire() -> None:
        print(f"FAIL timeout: the smoke test took more than {seconds:.0f} s", file=sys.stderr, flush=True)
        os._exit(3)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    return timer


def fixture_folder() -> Path:
    return Path(str(resources.files("kpidesk") / "resources" / "smoke"))


def run_smoke_test() -> int:
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and no_display and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    timer = _watchdog(float(os.environ.get("KPIDESK_SMOKE_TIMEOUT", "60")))
    t0 = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="kpidesk-smoke-") as tmp:
            _run(Path(tmp))
    except SmokeFailure as exc:
        print(f"FAIL {exc}", file=sys.stderr, flush=True)
        return 1
    except Exception as exc:
        traceback.print_exc()
        print(f"FAIL {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        return 1
    finally:
        timer.cancel()
    print(f"smoke test passed in {time.perf_counter() - t0:.1f} s", flush=True)
    return 0


def _run(tmp: Path) -> None:
    frozen = " (frozen)" if getattr(sys, "frozen", False) else ""
    _say("version", f"kpidesk {__version__}{frozen}, Python {sys.version.split()[0]}, {sys.platform}")
    store = _check_core(tmp)
    try:
        trend = _check_kpis(store)
        _check_tabs(store, "calls and tickets")
    finally:
        store.close()
    _check_call_log_alone(tmp)
    _check_pdf_fonts()
    _check_qt(tmp, trend)


def _check_core(tmp: Path):
    # Each check imports what it checks: a bundle that lost a part fails that check, by name.
    import duckdb

    from kpidesk.core.db.startup import open_database
    from kpidesk.core.ingest import all_profiles, import_file

    profiles = all_profiles()
    if not profiles:
        raise SmokeFailure("no import profile found (resources/profiles missing from the bundle?)")
    store = open_database(tmp / "smoke.duckdb")
    _say("database", f"DuckDB {duckdb.__version__}, temporary file {store.path}")
    _say("profiles", f"{len(profiles)} built-in import profiles")
    folder = fixture_folder()
    for name, profile in FIXTURES:
        path = folder / name
        if not path.is_file():
            raise SmokeFailure(f"fixture {path} is missing")
        report = import_file(store, path, profile=profile)
        if not report.ok or report.loaded == 0 or report.rejected:
            raise SmokeFailure(f"import of {name} with {profile}: {report.summary()} {report.message}".strip())
        _say("import", f"{name} ({profile}): {report.summary()}")
    return store


def _check_kpis(store):
    from kpidesk.core.kpi.engine import Engine

    engine = Engine(store)
    ids = [k.id for k in engine.registry]
    if len(ids) < 40:
        raise SmokeFailure(f"only {len(ids)} KPI definitions loaded (resources/kpis incomplete?)")
    values = {v.kpi: v for v in engine.compute(ids)}
    missing = [k for k in EXPECTED if values.get(k) is None or values[k].value is None]
    if missing:
        reasons = "; ".join(f"{k}: {values[k].reason if k in values else 'not computed'}" for k in missing)
        raise SmokeFailure(f"KPIs without a value on the fixtures: {reasons}")
    with_value = sum(1 for v in values.values() if v.value is not None)
    _say(
        "kpis",
        f"{len(ids)} KPIs computed, {with_value} with a value "
        f"(answer rate {values['answer_rate'].value:.1%}, AHT {values['aht'].value:.0f} s)",
    )
    trend = engine.compute(["answered"], by=("day",))
    if not trend:
        raise SmokeFailure("the daily trend of answered calls is empty")
    return trend


def _check_tabs(store, what: str) -> None:
    """Every tab of the desk loads its figures (as the window would, without Qt)."""
    from kpidesk.core.dashboard.tabs import TABS, TabRequest, load_tab
    from kpidesk.core.kpi.engine import Engine, Filters

    engine = Engine(store)
    for key in TABS:
        try:
            data = load_tab((engine, TabRequest(key, Filters())))
        except Exception as exc:
            raise SmokeFailure(f"the {key} tab cannot load on {what}: {type(exc).__name__}: {exc}") from None
        broken = data.failures()
        if broken:
            raise SmokeFailure(f"the {key} tab cannot compute on {what}: {broken[0]}")
    _say("tabs", f"{len(TABS)} tabs load on {what}")


def _check_call_log_alone(tmp: Path) -> None:
    """A team lead's first database holds one call log: no survey, no ticket."""
    from kpidesk.core.db.startup import open_database
    from kpidesk.core.ingest import import_file

    name, profile = FIXTURES[0]
    with open_database(tmp / "calls-only.duckdb") as store:
        report = import_file(store, fixture_folder() / name, profile=profile)
        if not report.ok or report.loaded == 0:
            raise SmokeFailure(f"import of {name} alone: {report.summary()} {report.message}".strip())
        _check_tabs(store, "a call log alone")


def _check_pdf_fonts() -> None:
    from reportlab.pdfgen import canvas

    from kpidesk.pdf.style import register_fonts

    regular, _bold = register_fonts()
    if regular == "Helvetica":
        raise SmokeFailure("no TrueType font found for PDF reports (reportlab/fonts missing from the bundle?)")
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    pdf.setFont(regular, 11)
    pdf.drawString(72, 720, "Taux de décroché — 92 %")
    pdf.save()
    _say("pdf", f"reportlab font {regular}, a one-page PDF of {len(buf.getvalue())} bytes")


def _check_qt(tmp: Path, trend) -> None:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QLibraryInfo, QTranslator, qVersion
    from PySide6.QtGui import QImageWriter

    from kpidesk.ui.app import make_app

    app = make_app()
    _say("qt", f"PySide6 {pyside_version}, Qt {qVersion()}, platform {app.platformName()}")
    formats = {bytes(f).decode() for f in QImageWriter.supportedImageFormats()}
    if "png" not in formats:
        raise SmokeFailure("Qt cannot write PNG images (image format plugins missing?)")
    folder = Path(str(resources.files("kpidesk") / "resources" / "i18n"))
    ours = sorted(folder.glob("*.qm")) if folder.is_dir() else []  # every catalogue, one per feature
    for qm in ours:
        if not QTranslator().load(str(qm)):
            raise SmokeFailure(f"the translation {qm.name} cannot be loaded")
    qt_ok = QTranslator().load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not qt_ok:
        raise SmokeFailure("Qt's own French translation qtbase_fr.qm is missing (Qt translations not bundled?)")
    names = ", ".join(qm.name for qm in ours) or "no kpidesk .qm file shipped (English only)"
    _say("translations", f"{names} loaded; qtbase_fr.qm loaded")

    from kpidesk.ui.charts import TrendChart

    days = [
        datetime.combine(v.group["day"], datetime.min.time())
        if not isinstance(v.group["day"], datetime)
        else v.group["day"]
        for v in trend
    ]
    chart = TrendChart()
    chart.resize(640, 320)
    chart.set_series(days, [v.value for v in trend], None, None, lambda x: number(x, 0, "en"), "en", False)
    image = chart.grab().toImage()
    app.processEvents()
    out = tmp / "chart.png"
    if not image.save(str(out)) or out.stat().st_size < 1000:
        raise SmokeFailure("the chart could not be rendered to a PNG")
    colours = {image.pixel(x, y) for x in range(0, image.width(), 8) for y in range(0, image.height(), 8)}
    if len(colours) < 3:
        raise SmokeFailure("the rendered chart is blank")
    _say(
        "chart",
        f"pyqtgraph trend of {len(trend)} days rendered to {image.width()}x{image.height()} PNG "
        f"({out.stat().st_size} bytes, {len(colours)} colours sampled)",
    )
    chart.deleteLater()
    app.processEvents()
