"""Values as exports write them: decimal comma, day/month order, zones, durations…"""

from __future__ import annotations

from datetime import datetime

from kpidesk.core import settings
from kpidesk.core.ingest import import_file


def _load(store, tmp_path, text, profile="generic_call_log", name="calls.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_file(store, path, profile=profile)


def _col(store, expr, table="contacts"):
    return [r[0] for r in store.cursor().execute(f"SELECT {expr} FROM {table} ORDER BY source_key").fetchall()]


def test_day_first_decided_from_values(store, tmp_path):
    _load(store, tmp_path, "Call ID;Date\nA;03/04/2024 10:00\nB;25/04/2024 10:00\n")
    assert _col(store, "arrived_at") == [datetime(2024, 4, 3, 10), datetime(2024, 4, 25, 10)]


def test_month_first_decided_from_values(store, tmp_path):
    _load(store, tmp_path, "Call ID;Date\nA;03/04/2024 10:00 AM\nB;04/25/2024 1:30 PM\n")
    assert _col(store, "arrived_at") == [datetime(2024, 3, 4, 10), datetime(2024, 4, 25, 13, 30)]


def test_comma_between_date_and_time(store, tmp_path):
    _load(store, tmp_path, 'Call ID,Date\nA,"01/03/2024, 08:15"\n')
    assert _col(store, "arrived_at") == [datetime(2024, 3, 1, 8, 15)]


def test_zoned_iso_converted_to_data_timezone(store, tmp_path):
    settings.set_value(store, "data_timezone", "Europe/Paris")
    _load(store, tmp_path, "Call ID,Date\nA,2024-01-15T09:00:00Z\nB,2024-07-01T10:00:00+02:00\nC,2024-07-01 10:00:00\n")
    # January: UTC+1; July +02:00 is already Paris time; naive values are kept as they are.
    assert _col(store, "arrived_at") == [datetime(2024, 1, 15, 10), datetime(2024, 7, 1, 10), datetime(2024, 7, 1, 10)]


def test_excel_serial_dates(store, tmp_path):
    # 45352 = 2024-03-01; .5 = noon
    _load(store, tmp_path, "Call ID;Date\nA;45352,5\nB;45353\n")
    assert _col(store, "arrived_at") == [datetime(2024, 3, 1, 12), datetime(2024, 3, 2)]


def test_durations_decimal_comma_clock_and_missing(store, tmp_path):
    _load(
        store,
        tmp_path,
        "Call ID;Date;Wait Time;Talk Time;Hold Time;Transferred\n"
        "A;01/03/2024 08:00;12,5;00:03:20;NULL;Oui\n"
        "B;01/03/2024 08:01;-;02:30;;Non\n"
        "C;01/03/2024 08:02;1 234,5;1:00:00;n/a;Y\n",
    )
    assert _col(store, "wait_s") == [12.5, None, 1234.5]
    assert _col(store, "talk_s") == [200.0, 150.0, 3600.0]
    assert _col(store, "hold_s") == [None, None, None]
    assert _col(store, "transferred") == [True, False, True]


def test_duration_unit_from_profile(store, tmp_path):
    path = tmp_path / "minutes.toml"
    path.write_text(
        'name = "minutes"\ntable = "contacts"\n[parse]\nduration_unit = "minutes"\n'
        '[fields]\nsource_key = "ID"\narrived_at = "Date"\nchannel = { value = "phone" }\n'
        'talk_s = "Talk"\nwait_s = { column = "Wait", unit = "hours" }\n',
        encoding="utf-8",
    )
    _load(store, tmp_path, "ID,Date,Talk,Wait\nA,2024-03-01 08:00:00,1.5,0.25\n", profile=str(path))
    assert _col(store, "talk_s") == [90.0] and _col(store, "wait_s") == [900.0]


def test_survey_labels_and_percent(store, tmp_path):
    _load(
        store,
        tmp_path,
        "Response ID,Date,Satisfaction\nR1,2024-03-01,5 - Very Satisfied\n"
        "R2,2024-03-01,1 - Very Dissatisfied\nR3,2024-03-01,-\n",
        profile="generic_survey_csat",
    )
    assert _col(store, "score", "surveys") == [5.0, 1.0, None]
    assert _col(store, "survey_type || scale_min || '-' || scale_max", "surveys") == ["csat1.0-5.0"] * 3


def test_nps_label_with_symbol(store, tmp_path):
    _load(
        store,
        tmp_path,
        "id,surveyed_at,NPS\n1,2024-03-01T10:00:00Z,0 - < Very Unlikely\n2,2024-03-01T10:00:00Z,10\n",
        profile="generic_survey_nps",
    )
    assert _col(store, "score", "surveys") == [0.0, 10.0]


def test_a_format_is_tried_only_on_values_with_its_marks():
    """decide tries a format only on the values whose marks (/ - : , …) are its own:
    every value a format writes has them, whatever the day, hour or case."""
    from kpidesk.core.ingest import decide

    formats = [f for order in ("dmy", "mdy", "ymd") for f in decide.formats_for(order)]
    moments = [datetime(2024, 3, 5, 8, 4, 2, 7), datetime(1999, 12, 31, 23, 59, 59, 999999)]
    for fmt in formats:
        for moment in moments:
            for text in (moment.strftime(fmt), moment.strftime(fmt).upper(), moment.strftime(fmt).replace(" 0", "  ")):
                if decide._parses(text, fmt):
                    assert decide._marks(text) == decide._format_marks(fmt), (fmt, text)
    assert decide._marks("15/03/2024 08:00") == ("/", "/", ":")
    assert decide._format_marks("%d/%m/%Y à %H:%M") == ("/", "/", ":")


def test_the_timestamp_rule_counts_what_every_format_reads():
    """The formats ranked by how many sample values each reads, duplicates counted:
    the same as trying every value with every format."""
    from kpidesk.core.ingest import decide

    vals = ["05/03/2024 08:00"] * 3 + [
        "2024-03-05 08:00:00",
        "5.3.2024",
        "5/3/24",
        "C0001",
        "45123",
        "13/03/2024 9:05 PM",
    ]
    rule, share = decide.timestamp_rule(vals)
    dmy = decide.formats_for("dmy")
    every = {f: sum(decide._parses(v, f) for v in vals) for f in dmy + decide.formats_for("ymd")}
    read = [f for f in dmy if every[f]]
    assert rule.formats[: len(read)] == sorted(read, key=lambda f: -every[f])
    assert rule.formats[0] == "%d/%m/%Y %H:%M" and rule.serial and not rule.zoned
    # 3 + 1 (5.3.2024) + 1 (5/3/24) + 1 (PM) day-first, and the serial number; not C0001 nor the ISO date
    assert share == 7 / 9
