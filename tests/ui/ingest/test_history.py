"""File › Import history…: past imports with their counts, and for the selected one
the rejected rows (line, reason, raw text)."""

import pytest

from kpidesk.core.ingest import history, import_file

CSV = (
    "Call ID,Date,Agent,Queue,Wait Time,Talk Time\n"
    "c1,2024-04-03 09:00:00,Ana,Sales,10,100\n"
    "c2,not a date,Ana,Sales,10,100\n"
    "c3,2024-04-03 09:10:00,Bob,Sales,x,100\n"
    "c1,2024-04-03 09:00:00,Ana,Sales,10,100\n"
)


@pytest.fixture
def imported(store, tmp_path):
    path = tmp_path / "calls.csv"
    path.write_text(CSV, encoding="utf-8")
    return import_file(store, path)


def test_history_queries(store, imported):
    [entry] = [e for e in history.imports(store.cursor()) if e.import_id == imported.import_id]
    assert (entry.file_name, entry.rows_read, entry.loaded, entry.duplicate, entry.rejected, entry.ignored) == (
        "calls.csv",
        4,
        1,
        1,
        2,
        0,
    )
    total, rows = history.rejects(store.cursor(), imported.import_id)
    assert total == 2 and [r.line for r in rows] == [3, 4]
    assert "date" in rows[0].reason and rows[0].raw.startswith("c2,not a date")


def test_every_column_is_kept_with_the_import(store, imported):
    acc = history.accounting(store.cursor(), imported.import_id)
    assert [(c.position, c.column, c.field) for c in acc.columns] == [
        (1, "Call ID", "source_key"),
        (2, "Date", "arrived_at"),
        (3, "Agent", "agent_id"),
        (4, "Queue", "queue"),
        (5, "Wait Time", "wait_s"),
        (6, "Talk Time", "talk_s"),
    ]
    assert [c.rule for c in acc.columns][4:] == ["duration in seconds", "duration in seconds"]
    assert acc.ignored == [] and acc.key == "Call ID"


EVENTS = (
    "Case ID,Timestamp,Activity,Resource,Channel note\n"
    "T1,2024-03-01 09:00:00,Create ticket,system,web\n"
    "T1,2024-03-01 10:00:00,Reply to customer,ann,\n"
    "T1,2024-03-01 12:00:00,Resolve,ann,\n"
    "T2,2024-03-01 10:00:00,Create ticket,system,mail\n"
    "T2,2024-03-02 11:00:00,Close,bob,\n"
)


def test_history_shows_every_column_and_the_ignored_rows(qtbot, store, tmp_path, make_window):
    path = tmp_path / "events.csv"
    path.write_text(EVENTS, encoding="utf-8")
    report = import_file(store, path)
    assert (report.loaded, report.ignored) == (2, 3)
    window = make_window(store)
    window.actions_.import_history.trigger()
    dialog = window.import_history
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 1, timeout=10000)
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "events.csv")
    with qtbot.waitSignal(dialog.accounting_listed, timeout=10000):
        dialog.table.selectRow(row)
    columns = [[dialog.columns.item(r, c).text() for c in range(4)] for r in range(dialog.columns.rowCount())]
    assert [c[0] for c in columns] == ["Case ID", "Timestamp", "Activity", "Resource", "Channel note"]
    assert {c[3] for c in columns} == {"read by the event_log format"}
    ignored = [
        (dialog.ignored.item(r, 0).text(), dialog.ignored.item(r, 1).text()) for r in range(dialog.ignored.rowCount())
    ]
    assert ignored == [("event folded into its ticket (the ticket is rebuilt from its events)", "3")]
    assert [dialog.tabs.tabText(i) for i in range(3)] == [
        "Rejected rows",
        "Columns of the file (5)",
        "Ignored rows (3)",
    ]
    assert dialog.key_label.text() == "Records told apart by: as the format defines it"


def test_dialog_lists_imports_and_rejects(qtbot, store, imported, make_window):
    window = make_window(store)
    window.actions_.import_history.trigger()
    dialog = window.import_history
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 1, timeout=10000)
    heads = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "calls.csv")
    got = {h: dialog.table.item(row, c).text() for c, h in enumerate(heads)}
    assert (got["Read"], got["Loaded"], got["Duplicates"], got["Rejected"], got["Ignored"]) == ("4", "1", "1", "2", "0")
    with qtbot.waitSignal(dialog.rejects_listed, timeout=10000):
        dialog.table.selectRow(row)
    assert dialog.rejects.rowCount() == 2
    assert [dialog.rejects.item(r, 0).text() for r in range(2)] == ["3", "4"]
    assert dialog.rejects.item(0, 2).text().startswith("c2,not a date")
    assert dialog.rejects_label.text() == "2 rejected rows"
    # every column of the file: the field it fed, how sure, how it was read
    qtbot.waitUntil(lambda: dialog.columns.rowCount() == 6, timeout=10000)
    said = [[dialog.columns.item(r, c).text() for c in range(4)] for r in range(6)]
    assert said[0] == ["Call ID", "Record ID", "100%", "text"]
    assert said[4] == ["Wait Time", "Wait time", "100%", "duration in seconds"]
    assert dialog.key_label.text() == "Records told apart by: Call ID"


def test_privacy_mode_hides_names_and_phones_in_the_history(qtbot, store, tmp_path, make_window):
    path = tmp_path / "calls.csv"
    path.write_text(
        "Call ID,Date,Agent,Queue,Caller,Wait Time,Talk Time\n"
        "c1,2024-04-03 09:00:00,Alice Martin,Sales,06 12 34 56 78,10,100\n"
        "c2,not a date,Bruno Petit,Sales,+33 7 72 43 94 21,10,100\n",
        encoding="utf-8",
    )
    import_file(store, path)
    window = make_window(store)
    window.set_privacy(True)
    window.actions_.import_history.trigger()
    dialog = window.import_history
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 1, timeout=10000)
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "calls.csv")
    with qtbot.waitSignal(dialog.rejects_listed, timeout=10000):
        dialog.table.selectRow(row)
    shown = " ".join(dialog.rejects.item(r, c).text() for r in range(dialog.rejects.rowCount()) for c in range(3))
    assert "Bruno" not in shown and "94 21" not in shown and "(hidden in privacy mode)" in shown
    window.set_privacy(False)  # back: the raw line again
    shown = " ".join(dialog.rejects.item(r, 2).text() for r in range(dialog.rejects.rowCount()))
    assert "Bruno Petit" in shown
