"""The PDF coaching sheet, read back as text (pdftotext, from poppler-utils)."""

import re
import shutil
import subprocess
from datetime import date

import pytest

from kpidesk.cli import main
from kpidesk.core.coaching import goals
from kpidesk.core.coaching import notes as coaching_notes
from kpidesk.core.db.startup import open_database
from kpidesk.pdf.coaching_sheet import build_report
from kpidesk.pdf.style import safe
from tests.helpers.coaching_fixtures import AGENTS, CUSTOMERS, build_store

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
OTHERS = [name for aid, name, _ in AGENTS if aid != "A2"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "team.kpidesk"
    store = build_store(path)
    coaching_notes.add_note(
        store,
        "A2",
        date(2024, 3, 11),
        "Écoute active. Alice Martin l'a aidé ; rappeler la cliente au 06 12 34 56 78.",
        ["aht"],
    )
    goals.add_goal(store, "A2", "aht", 180, date(2024, 3, 11), date(2024, 3, 25), "DMT sous 3 min")
    store.close()
    return path


def text_of(pdf) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True)
    return out.stdout


def test_build_report_pages(db, tmp_path):
    with open_database(db) as store:
        result = build_report(store, "A2", tmp_path / "a2.pdf", lang="en", today=date(2024, 3, 18))
    assert result.pages == 3 and result.agent_name == "Bruno Petit"
    assert (tmp_path / "a2.pdf").read_bytes()[:5] == b"%PDF-"


@needs_pdftotext
def test_cli_report_english(db, tmp_path):
    out = tmp_path / "bruno.pdf"
    assert (
        main(
            [
                "report",
                "--db",
                str(db),
                "--agent",
                "Bruno Petit",
                "--from",
                "2024-03-04",
                "--to",
                "2024-03-17",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    text = text_of(out)
    for expected in (
        "Coaching sheet — Bruno Petit",
        "2024-03-04 – 2024-03-17",
        "Lyon",
        "Avg handle time",
        "3 min 20 s",
        "5 min",
        "Strengths",
        "To work on",
        "Goals",
        "Latest coaching notes",
        "KPI definitions used",
        "Alice Martin",
        "06 12 34 56 78",
    ):
        assert expected in text, expected
    # the KPI cell says the figure pools every channel (wrapped on two lines in its column)
    assert re.search(r"Avg handle time \(all\s+3 min 20 s\s+5 min\s+3 min 20 s – 6 min 40 s\s+2\s*/\s*5", text)
    assert re.search(r"Avg handle time \(all\s.*\n\s*channels\)", text)
    assert "Privacy mode" not in text


@needs_pdftotext
def test_cli_report_french_privacy(db, tmp_path):
    out = tmp_path / "bruno_fr.pdf"
    assert main(["report", "--db", str(db), "--agent", "A2", "--lang", "fr", "--privacy", "--out", str(out)]) == 0
    text = text_of(out)
    assert "Fiche de coaching — Bruno Petit" in text
    assert "Mode confidentialité" in text
    assert "Durée moyenne de traitement" in text and "04/03/2024 – 17/03/2024" in text
    assert "Agent A" in text  # Alice Martin in the note, by her alias
    for name in OTHERS:
        assert name not in text and name.split()[0] not in text, name
    for _cid, name, email, phone in CUSTOMERS:
        for secret in (name, email, phone, phone.replace(" ", "")):
            assert secret not in text, secret
    assert "06 12 34 56 78" not in text and "[téléphone]" in text


@needs_pdftotext
def test_no_missing_glyphs(db, tmp_path):
    """Every character of the French sheet is drawn: pdftotext gives back the accents and
    the narrow no-break space of '33,3 %', not '?' or boxes."""
    out = tmp_path / "fr.pdf"
    assert main(["report", "--db", str(db), "--agent", "A2", "--lang", "fr", "--out", str(out)]) == 0
    text = text_of(out)
    # pdftotext gives the narrow no-break space back as a space
    assert re.search(r"33,3\s%", text) and "Équipe" in text and "?" not in text and "\ufffd" not in text
    assert safe("89,5\u202f%") == "89,5\u202f%"


def test_cli_errors(db, tmp_path, capsys):
    assert main(["report", "--db", str(db), "--agent", "Nobody", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "No agent called 'Nobody'" in capsys.readouterr().err
    assert main(["report", "--db", str(db), "--out", str(tmp_path / "x.pdf")]) == 2
    assert "name one agent" in capsys.readouterr().err
    assert main(["report", "--db", str(db), "--agent", "A2", "--out", str(tmp_path / "x.txt")]) == 2


@pytest.mark.parametrize(
    ("value", "target", "warning", "colour"),
    [(0.95, 0.9, 0.85, "green"), (0.87, 0.9, 0.85, "amber"), (0.80, 0.9, 0.85, "red"), (0.80, 0.9, None, "red")],
)
def test_the_sheet_colours_a_figure_as_the_app_does(value, target, warning, colour):
    from kpidesk.core.kpi import targets
    from kpidesk.pdf.style import AMBER, GREEN, RED
    from kpidesk.pdf.tables import _TARGET_COLOUR

    assert targets.status(value, "higher", target, warning) == colour
    assert (
        _TARGET_COLOUR[targets.status(value, "higher", target, warning)]
        == {"green": GREEN, "amber": AMBER, "red": RED}[colour]
    )


def test_qa_criteria_in_the_readers_language(tmp_path):
    """A QA grid imported with English criteria: the French sheet says them in French, the
    English one as imported; a criterion the project does not know stays as imported."""
    from kpidesk.core.db import derive
    from tests.helpers.coaching_fixtures import FIRST_DAY
    from tests.helpers.pdf_text import drawn_text

    path = tmp_path / "qa.kpidesk"
    store = build_store(path)
    with store.write() as cur:
        cur.execute("DELETE FROM evaluations")
        for crit in ("tone", "empathy", "Active listening", "resolution", "accuracy", "Upsell"):
            for aid, cid in (("A2", 200), ("A1", 100)):
                cur.execute(
                    "INSERT INTO evaluations (source, source_key, contact_ref, evaluated_at, criterion, score) "
                    "VALUES ('test', ?, ?, ?, ?, 75)",
                    [f"E{cid}{crit}", f"{aid}-{cid}", FIRST_DAY, crit],
                )
        derive.refresh(cur)
    store.close()
    cells = {}
    for lang in ("en", "fr"):
        with drawn_text() as drawn:
            assert (
                main(["report", "--db", str(path), "--agent", "A2", "--lang", lang, "--out", str(tmp_path / "x.pdf")])
                == 0
            )
        lines = drawn.text.splitlines()
        head = lines.index("QA criterion" if lang == "en" else "Critère qualité")
        cells[lang] = lines[head + 4 : head + 4 + 6 * 4 : 4]  # the first cell of each of the six rows
    assert cells["en"] == ["Active listening", "Upsell", "accuracy", "empathy", "resolution", "tone"]
    assert cells["fr"] == ["écoute active", "Upsell", "exactitude", "empathie", "résolution", "ton"]
