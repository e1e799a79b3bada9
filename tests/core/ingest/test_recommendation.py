"""A "would you recommend us" column on 0–10 is NPS, not CSAT, in English and French,
whether it is a survey file of its own or a column of a call log (#12). Each file is
written here; the NPS is worked out by hand from its rows."""

from __future__ import annotations

import pytest

from kpidesk.core.ingest import import_file
from kpidesk.core.ingest.headers import survey_question
from kpidesk.core.ingest.linked import survey_kind
from kpidesk.core.kpi.engine import Engine

# Ten answers: 9, 10, 10, 9 promoters (4); 7, 8 passives; 0, 3, 5, 6 detractors (4):
# NPS = (4 − 4) / 10 = 0. Then a second week, 10, 10, 9, 2: (3 − 1) / 4 = +50.
# All 14: (7 − 5) / 14 × 100 = +14.29.
SCORES = [9, 10, 10, 9, 7, 8, 0, 3, 5, 6, 10, 10, 9, 2]


def _survey_file(tmp_path, header: str, fr: bool):
    sep = ";" if fr else ","
    head = ["N° réponse", "Date de réponse", header] if fr else ["Response ID", "Response date", header]
    lines = [sep.join(head)]
    for i, s in enumerate(SCORES):
        day = f"{2 + i:02d}/11/2026" if fr else f"2026-11-{2 + i:02d}"
        lines.append(sep.join([f"A{i}", day, str(s)]))
    path = tmp_path / "answers.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "header",
    [
        "Recommandation",
        "Probabilité de recommander",
        "Note de recommandation (0-10)",
        "Recommanderiez-vous notre service ?",
    ],
)
def test_french_recommendation_answers_are_nps(store, tmp_path, header):
    report = import_file(store, _survey_file(tmp_path, header, fr=True))
    assert report.ok and report.loaded == 14, report.summary()
    kinds = store.cursor().execute("SELECT DISTINCT survey_type, scale_min, scale_max FROM surveys").fetchall()
    assert kinds == [("nps", 0.0, 10.0)]
    nps = Engine(store).compute(["nps"])[0]
    assert nps.value == pytest.approx(100 * 2 / 14) and nps.n == 14
    assert Engine(store).compute(["csat"])[0].value is None


@pytest.mark.parametrize(
    "header", ["Likelihood to recommend", "How likely are you to recommend us? (0-10)", "Recommendation score"]
)
def test_english_recommendation_answers_are_nps(store, tmp_path, header):
    report = import_file(store, _survey_file(tmp_path, header, fr=False))
    assert report.ok and report.loaded == 14, report.summary()
    assert store.cursor().execute("SELECT DISTINCT survey_type FROM surveys").fetchall() == [("nps",)]
    assert Engine(store).compute(["nps"])[0].value == pytest.approx(100 * 2 / 14)


def test_the_header_decides_before_the_values():
    """Answers that happen to stop at 7 are still NPS answers when the column says so;
    a satisfaction column on 1–10 stays CSAT."""
    assert survey_kind("Recommandation", ["0", "3", "7"]) == ("nps", 0.0, 10.0)
    assert survey_kind("Probabilité de recommander", ["5", "6"]) == ("nps", 0.0, 10.0)
    assert survey_kind("Satisfaction", ["1", "9", "10"]) == ("csat", 1.0, 10.0)
    assert survey_kind("Note", ["1", "4"]) == ("csat", 1.0, 5.0)
    assert [survey_question(h) for h in ("NPS score", "Customer effort (1-7)", "CSAT_Score", "Note")] == [
        "nps",
        "ces",
        "csat",
        None,
    ]


def test_a_french_call_log_with_a_recommendation_column_yields_nps_answers_linked_to_its_calls(store, tmp_path):
    """Five calls; the three answered ones rated 10, 9 and 4: NPS (2 − 1) / 3 = +33.3,
    on the Phone tab's channel; no CSAT."""
    text = (
        "N° appel;Date/heure d'arrivée;Conseiller;Attente (s);Durée de conversation (s);Statut;Recommandation\n"
        "A1;02/11/2026 09:00;Alice;10;100;Répondu;10\n"
        "A2;02/11/2026 09:05;Bruno;20;110;Répondu;9\n"
        "A3;02/11/2026 09:10;Alice;30;120;Répondu;4\n"
        "A4;02/11/2026 09:15;Bruno;40;;Abandonné;\n"
        "A5;02/11/2026 09:20;Alice;15;90;Répondu;\n"
    )
    path = tmp_path / "appels.csv"
    path.write_text(text, encoding="utf-8")
    report = import_file(store, path)
    assert report.ok and report.profile == "generic_call_log", report.summary()
    rows = store.cursor().execute("SELECT survey_type, count(*), count(contact_id) FROM surveys GROUP BY 1").fetchall()
    assert rows == [("nps", 3, 3)]
    engine = Engine(store)
    from kpidesk.core.kpi.engine import Filters

    nps = engine.compute(["nps"], Filters(channels=("phone",)))[0]
    assert nps.value == pytest.approx(100 / 3) and nps.n == 3


# -- one file, two questions: a satisfaction score and a recommendation per contact ---------
# Four contacts; three answered both questions, one only the satisfaction one, one none:
#   satisfaction 5, 4, 2, 3        → CSAT (4–5 of 1–5): 2 of 4 = 50 %, mean 14 / 4 = 3.5
#   recommendation 10, 9, 3 (of 3) → NPS (2 promoters − 1 detractor) / 3 = +33.3
# Every answer linked to its own contact: 7 answers, 7 linked.
def _both(fr: bool) -> str:
    if fr:
        return (
            "N° appel;Date/heure d'arrivée;Conseiller;Attente (s);Durée de conversation (s);Statut;"
            "Satisfaction;Recommandation (0-10)\n"
            "A1;02/11/2026 09:00;Alice;10;100;Répondu;5;10\n"
            "A2;02/11/2026 09:05;Bruno;20;110;Répondu;4;9\n"
            "A3;02/11/2026 09:10;Alice;30;120;Répondu;2;3\n"
            "A4;02/11/2026 09:15;Bruno;25;130;Répondu;3;\n"
            "A5;02/11/2026 09:20;Alice;40;;Abandonné;;\n"
        )
    return (
        "Ticket ID,Created,Status,Agent,First response (h),CSAT score,Likelihood to recommend\n"
        "T1,2026-11-02 09:00,Solved,ann,1,5,10\n"
        "T2,2026-11-02 10:00,Solved,bob,2,4,9\n"
        "T3,2026-11-02 11:00,Solved,ann,3,2,3\n"
        "T4,2026-11-02 12:00,Solved,bob,4,3,\n"
        "T5,2026-11-02 13:00,Open,ann,,,\n"
    )


@pytest.mark.parametrize("fr", [True, False], ids=["fr-call-log", "en-ticket-list"])
def test_a_file_with_satisfaction_and_recommendation_yields_csat_and_nps_answers(store, tmp_path, fr):
    path = tmp_path / ("appels.csv" if fr else "tickets.csv")
    path.write_text(_both(fr), encoding="utf-8")
    report = import_file(store, path)
    assert report.ok and report.loaded == 5, report.summary()
    assert report.profile == ("generic_call_log" if fr else "generic_ticket_list")
    assert report.tables["surveys"] == 7
    rows = (
        store.cursor()
        .execute(
            "SELECT s.survey_type, s.score, c.source_key FROM surveys s JOIN contacts c USING (contact_id) "
            "ORDER BY 1, 3"
        )
        .fetchall()
    )
    ids = ["A1", "A2", "A3", "A4"] if fr else ["T1", "T2", "T3", "T4"]
    assert rows == [
        ("csat", 5.0, ids[0]),
        ("csat", 4.0, ids[1]),
        ("csat", 2.0, ids[2]),
        ("csat", 3.0, ids[3]),
        ("nps", 10.0, ids[0]),
        ("nps", 9.0, ids[1]),
        ("nps", 3.0, ids[2]),
    ]
    v = {x.kpi: x for x in Engine(store).compute(["csat", "csat_mean", "nps"])}
    assert v["csat"].value == pytest.approx(50.0) and v["csat"].n == 4
    assert v["csat_mean"].value == pytest.approx(3.5)
    assert v["nps"].value == pytest.approx(100 / 3) and v["nps"].n == 3
    said = {c["column"]: c["field"] for c in report.to_dict()["columns"]}
    satisfaction, recommendation = (
        ("Satisfaction", "Recommandation (0-10)") if fr else ("CSAT score", "Likelihood to recommend")
    )
    assert said[satisfaction] == "surveys.score (csat)" and said[recommendation] == "surveys.score (nps)"
    again = import_file(store, path)  # the same file again: every answer a duplicate, none twice
    assert again.loaded == 0
    assert store.cursor().execute("SELECT count(*) FROM surveys").fetchone()[0] == 7


# -- the scales a linked score column may be on (the mapping dialog offers them) ----------
@pytest.mark.parametrize(
    ("survey_type", "values", "scales", "found"),
    [
        # 2..5: every CSAT scale holds them, the smallest first; 1–5 is taken
        ("csat", ["5", "4", "2"], [(1.0, 5.0), (0.0, 5.0), (1.0, 10.0), (0.0, 10.0), (0.0, 100.0)], (1.0, 5.0)),
        ("csat", ["0", "8", ""], [(0.0, 10.0), (0.0, 100.0)], (0.0, 10.0)),
        ("nps", ["10", "0", "7"], [(0.0, 10.0)], (0.0, 10.0)),
        ("nps", ["45", "80"], [], None),  # no 0–10 answers: no NPS, rather than a wrong one
        ("ces", ["6", "2"], [(1.0, 7.0)], (1.0, 7.0)),
        ("ces", ["4", "2"], [(1.0, 5.0), (1.0, 7.0)], (1.0, 5.0)),
        ("csat", ["very good"], [], None),
    ],
)
def test_the_scales_a_score_column_fits(survey_type, values, scales, found):
    from kpidesk.core.ingest.linked import scale_of, scales_for

    assert scales_for(survey_type, values) == scales
    assert scale_of(survey_type, values) == found
