"""The service report as PDF and XLSX, through the CLI, as a team lead runs it."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest

from kpidesk.cli import main
from kpidesk.core import comments
from kpidesk.core.db.startup import open_database
from kpidesk.core.demo.generate import build_demo
from tests.helpers.explain_fixtures import abandon_spike

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


def _text(pdf) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_pdf_in_both_languages(demo_db, tmp_path, lang):
    out = tmp_path / f"service_{lang}.pdf"
    assert main(["report", "--service", "--db", demo_db, *RANGE, "--lang", lang, "--out", str(out)]) == 0
    text = _text(out)
    first_page = text.split("\f")[0]
    if lang == "en":
        assert "Service report" in first_page and "Headline" in first_page
        assert first_page.index("CSAT") < first_page.index("Service level") < first_page.index("Answer rate")
        assert "Channel: Phone" in text and "Sites side by side" in text and "Customers' words" in text
        assert "IVR outage" in text and "lea@example.com" in text
    else:
        assert "Rapport de service" in first_page and "L'essentiel" in first_page
        assert "Canal : Téléphone" in text and "La parole des clients" in text and "Définitions utilisées" in text


def test_privacy_masks_agents_customers_and_free_text(demo_db, tmp_path):
    plain, masked = tmp_path / "plain.pdf", tmp_path / "masked.pdf"
    assert main(["report", "--service", "--db", demo_db, *RANGE, "--out", str(plain)]) == 0
    assert main(["report", "--service", "--db", demo_db, *RANGE, "--privacy", "--out", str(masked)]) == 0
    text = _text(masked)
    assert "lea@example.com" not in text and "IVR outage" in text
    assert "Privacy mode" in text
    with open_database(demo_db, read_only=True) as store:
        names = [r[0] for r in store.cursor().execute("SELECT name FROM agents WHERE name IS NOT NULL").fetchall()]
    assert any(n in _text(plain) for n in names)  # the plain report names agents (customers' words)…
    assert not any(n in text for n in names)  # … the masked one never does


def test_a_call_log_alone_still_renders_and_says_what_is_missing(calls_db, tmp_path):
    out = tmp_path / "calls.pdf"
    assert main(["report", "--service", "--db", calls_db, *RANGE, "--out", str(out)]) == 0
    text = _text(out)
    assert "What this report cannot show" in text
    assert "no surveys" in text.lower() or "survey" in text.lower()
    assert "No survey comments in this period." in text
    assert "queue Billing" in text  # what changed: the answer rate fell in Billing
    flat = " ".join(text.split())
    assert (
        "queue Billing: Answer rate from 95.0% to 85.0% — mix ±0.0 pts, rate −3.2 pts — [1] Two billing agents off sick"
        in flat
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
    csat, sl, volume = labels["CSAT"], labels["Service level"], labels["Contacts"]
    assert head.cell(csat, 2).number_format == "0.0%" and 0.5 < head.cell(csat, 2).value < 1  # 82.9 % as 0.829
    assert head.cell(sl, 2).number_format == "0.0%" and head.cell(sl, 3).value == 0.8
    assert head.cell(volume, 2).number_format == "#,##0" and head.cell(volume, 2).value == 5167
    phone = wb["Phone"]
    aht = next(r for r in range(7, phone.max_row + 1) if phone.cell(r, 1).value == "Avg handle time")
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
