"""The service report as PDF and XLSX, through the CLI, as a team lead runs it.

The PDF's text is read as reportlab draws it (``tests.helpers.pdf_text``), so these
tests run wherever the suite does; where poppler's ``pdftotext`` is installed, one
test checks that it reads the same words from the file.
"""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from datetime import date

import pytest

from kpidesk.cli import main
from kpidesk.core import comments
from kpidesk.core.db.startup import open_database
from kpidesk.core.demo.generate import build_demo
from tests.helpers.explain_fixtures import abandon_spike
from tests.helpers.pdf_text import drawn_text

openpyxl = pytest.importorskip("openpyxl")
RANGE = ["--from", "2026-11-09", "--to", "2026-11-15"]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("service") / "demo.duckdb"
    with open_database(path) as store:
        build_demo(store, seed=7)
        comments.add(
            store,
            "service_level",
            date(2026, 11, 12),
            None,
            "IVR outage, call Léa at lea@example.com",
            action="Ticket with the telco",
            owner="Marc",
            channel="phone",
        )
    return str(path)


@pytest.fixture(scope="module")
def calls_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("service") / "calls.duckdb"
    with open_database(path) as store:
        abandon_spike(store)
        comments.add(store, "answer_rate", date(2026, 11, 10), None, "Two billing agents off sick", queue="Billing")
    return str(path)


def render(*args: str) -> str:
    """Write the report through the CLI; the text its PDF holds, pages split by form feeds."""
    with drawn_text() as drawn:
        assert main(["report", "--service", *args]) == 0
    return drawn.text


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_pdf_in_both_languages(demo_db, tmp_path, lang):
    out = tmp_path / f"service_{lang}.pdf"
    text = render("--db", demo_db, *RANGE, "--lang", lang, "--out", str(out))
    first_page = text.split("\f")[0]
    if lang == "en":
        assert "Service report" in first_page and "Headline" in first_page
        assert first_page.index("CSAT") < first_page.index("Service level") < first_page.index("Answer rate")
        assert "Channel: Phone" in text and "Sites side by side" in text and "Customers' words" in text
        assert "Channel: Email / Tickets" in text  # every ticket, as the app's tab
        assert "IVR outage" in text and "lea@example.com" in text
    else:
        assert "Rapport de service" in first_page and "L'essentiel" in first_page
        assert "Canal : Téléphone" in text and "La parole des clients" in text and "Définitions utilisées" in text
        assert "Canal : E-mail / Tickets" in text


def test_privacy_masks_agents_customers_and_free_text(demo_db, tmp_path):
    plain, masked = tmp_path / "plain.pdf", tmp_path / "masked.pdf"
    plain_text = render("--db", demo_db, *RANGE, "--out", str(plain))
    text = render("--db", demo_db, *RANGE, "--privacy", "--out", str(masked))
    assert "lea@example.com" not in text and "IVR outage" in text
    assert "Privacy mode" in text
    with open_database(demo_db, read_only=True) as store:
        names = [r[0] for r in store.cursor().execute("SELECT name FROM agents WHERE name IS NOT NULL").fetchall()]
    assert any(n in plain_text for n in names)  # the plain report names agents (customers' words)…
    assert not any(n in text for n in names)  # … the masked one never does


def test_a_call_log_alone_still_renders_and_says_what_is_missing(calls_db, tmp_path):
    out = tmp_path / "calls.pdf"
    text = render("--db", calls_db, *RANGE, "--out", str(out))
    assert "What this report cannot show" in text
    assert "no surveys" in text.lower() or "survey" in text.lower()
    assert "No survey comments in this period." in text
    assert "queue Billing" in text  # what changed: the answer rate fell in Billing
    assert (
        "queue Billing: Answer rate from 95.0% to 85.0% — mix ±0.0 pts, rate −3.2 pts — [1] Two billing agents off sick"
        in flat(text)
    )


def test_the_workbook_has_sheets_formats_and_no_formulas(demo_db, tmp_path):
    out = tmp_path / "service.xlsx"
    assert main(["report", "--service", "--db", demo_db, *RANGE, "--out", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:3] == ["Headline", "What changed and why", "Phone"]
    assert {
        "Sites side by side",
        "Contact reasons",
        "Customers' words",
        "Comments and actions",
        "Definitions used",
    } <= set(wb.sheetnames)
    for ws in wb.worksheets:
        assert "2026-11-09 – 2026-11-15" in ws["A2"].value  # the period in every header
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"formula in {ws.title}!{cell.coordinate}"
    head = wb["Headline"]
    labels = {head.cell(r, 1).value: r for r in range(7, head.max_row + 1)}
    # KPIs of several channels say which, as the tiles do: every channel in the headline
    csat, sl, volume = labels["CSAT (all channels)"], labels["Service level"], labels["Contacts (all channels)"]
    assert head.cell(csat, 2).number_format == "0.0%" and 0.5 < head.cell(csat, 2).value < 1  # 82.9 % as 0.829
    assert head.cell(sl, 2).number_format == "0.0%" and head.cell(sl, 3).value == 0.8
    assert head.cell(volume, 2).number_format == "#,##0" and head.cell(volume, 2).value == 5167
    phone = wb["Phone"]
    aht = next(r for r in range(7, phone.max_row + 1) if phone.cell(r, 1).value == "Avg handle time (phone)")
    assert phone.cell(aht, 2).number_format == "[h]:mm:ss"
    assert 200 < phone.cell(aht, 2).value.total_seconds() < 600  # stored in days: openpyxl reads a duration


def test_exit_codes_a_scheduler_understands(calls_db, tmp_path, capsys):
    out = str(tmp_path / "r.pdf")
    assert main(["report", "--service", "--db", calls_db, *RANGE, "--out", str(tmp_path / "r.txt")]) == 2
    assert main(["report", "--service", "--db", calls_db, "--period", "yesterday", *RANGE, "--out", out]) == 2
    assert main(["report", "--service", "--db", calls_db, "--out", out]) == 2  # no period at all
    assert (
        main(["report", "--service", "--db", calls_db, "--from", "2025-01-06", "--to", "2025-01-12", "--out", out]) == 3
    )
    assert "no data" in capsys.readouterr().err
    assert main(["report", "--service", "--db", calls_db, *RANGE, "--vs", "last-year", "--out", out]) == 0


def test_channel_sections_draw_their_key_kpis_and_the_reasons_their_trend(demo_db, tmp_path):
    text = render("--db", demo_db, *RANGE, "--out", str(tmp_path / "r.pdf"))
    phone = next(p for p in text.split("\f") if "Channel: Phone" in p)
    for title in (
        "Service level by day",
        "Abandon rate by day",
        "Contacts (phone) by day",
        "Avg handle time (phone) by day",
    ):
        assert title in phone
    bot = next(p for p in text.split("\f") if "Channel: Bot" in p)
    assert "Self-service rate by day" in bot and "Hand-off rate by day" in bot
    assert "Top 5 contact reasons: contacts by day" in text
    assert "No contacts on" not in text  # every channel has its section


def test_a_call_log_alone_says_which_channels_have_no_section(calls_db, tmp_path):
    text = render("--db", calls_db, *RANGE, "--lang", "en", "--out", str(tmp_path / "r.pdf"))
    assert "No contacts on Email, Chat, Bot in this period: no section for them." in flat(text)
    assert "Channel: Phone" in text and "Channel: Email" not in text and "Channel: Chat" not in text
    assert "The data holds no contact reason." in text and "contact reasons: contacts by" not in text
    fr = render("--db", calls_db, *RANGE, "--lang", "fr", "--out", str(tmp_path / "r_fr.pdf"))
    assert "Aucun contact sur E-mail, Chat, Bot pendant la période" in flat(fr)


def test_trend_markers_carry_the_comment_numbers():
    from reportlab.graphics.shapes import String

    from kpidesk.pdf.service_charts import trend_chart

    d = trend_chart(["a", "b", "c"], [0.9, 0.95, 1.0], 0.8, "rate", "en", "SL", [(1, 3)], None, 240, 122)
    texts = [x.text for x in d.contents if isinstance(x, String)]
    assert texts[0] == "SL" and "3" in texts  # the comment's number on its bucket
    # the axis: from below the 80 % target to exactly 100 % (a rate never goes above)
    assert texts[1:6] == ["77.6%", "83.2%", "88.8%", "94.4%", "100.0%"]


def test_the_drawn_text_is_what_pdftotext_reads(demo_db, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = tmp_path / "r.pdf"
    drawn = render("--db", demo_db, *RANGE, "--out", str(out))
    read = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert drawn.count("\f") == read.rstrip("\f").count("\f")  # the same pages
    # the same characters (pdftotext joins or splits words by their gaps: compare without spaces)
    assert Counter("".join(drawn.split())) == Counter("".join(read.split()))


def test_the_workbook_draws_trends_as_native_charts(demo_db, tmp_path):
    out = tmp_path / "service.xlsx"
    assert main(["report", "--service", "--db", demo_db, *RANGE, "--out", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    charts = {ws.title: ws._charts for ws in wb.worksheets}
    assert len(charts["Headline"]) == 6  # one per headline KPI
    assert len(charts["Phone"]) == 4 and len(charts["Bot"]) == 3 and len(charts["Contact reasons"]) == 1
    head = wb["Headline"]
    top = next(r for r in range(1, head.max_row + 1) if head.cell(r, 1).value == "Trends by day")
    assert [head.cell(top + 1, c).value for c in (1, 2, 3)] == [
        "Day",
        "CSAT (all channels) (%)",
        "CSAT (all channels) — Target (%)",
    ]
    days = [head.cell(top + 2 + i, 1).value.date() for i in range(7)]
    assert days == [date(2026, 11, 9 + i) for i in range(7)]
    assert head.cell(top + 2, 2).number_format == "0.0%" and 0 < head.cell(top + 2, 2).value <= 1
    assert head.cell(top + 2, 3).value == 0.8  # the CSAT target, the chart's dashed line
    csat = charts["Headline"][0]
    refs = [s.val.numRef.f for s in csat.series]
    assert refs == [f"Headline!$B${top + 2}:$B${top + 8}", f"Headline!$C${top + 2}:$C${top + 8}"]
    # the top reasons per day add up to each reason's contacts in the table above them
    reasons = wb["Contact reasons"]
    volume = {reasons.cell(r, 1).value: reasons.cell(r, 2).value for r in range(7, 17)}
    top = next(r for r in range(1, reasons.max_row + 1) if str(reasons.cell(r, 1).value).startswith("Top 5"))
    for c in range(2, 7):
        name = reasons.cell(top + 1, c).value.removesuffix(" (count)")
        assert sum(reasons.cell(top + 2 + i, c).value for i in range(7)) == volume[name]
        assert reasons.cell(top + 2, c).number_format == "#,##0"
    for ws in wb.worksheets:  # still no formula anywhere: the charts read plain numbers
        assert all(cell.data_type != "f" for row in ws.iter_rows() for cell in row)


def test_the_workbook_of_a_call_log_alone(calls_db, tmp_path):
    out = tmp_path / "calls.xlsx"
    assert main(["report", "--service", "--db", calls_db, *RANGE, "--lang", "fr", "--out", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert "Téléphone" in wb.sheetnames and "E-mail" not in wb.sheetnames and "Chat" not in wb.sheetnames
    head = wb["L'essentiel"]
    said = [head.cell(r, 1).value for r in range(1, head.max_row + 1)]
    assert "Aucun contact sur E-mail, Chat, Bot pendant la période : pas de section pour ces canaux." in said
    assert len(head._charts) == 3 and len(wb["Téléphone"]._charts) == 4  # service level, answer rate, volume
    assert wb["Motifs de contact"]._charts == []  # no contact reason: no empty chart
