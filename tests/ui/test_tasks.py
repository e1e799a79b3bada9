"""A job that finishes after its database was closed is dropped without a word."""

from __future__ import annotations

from kpidesk.core.db.startup import open_database
from kpidesk.ui import tasks


def test_a_late_job_on_a_closed_database_prints_no_traceback(qtbot, capfd):
    store = open_database(":memory:")
    store.close()  # the window closed its database while the job waited for a thread
    runner = tasks.TaskRunner()
    finished, failed = [], []
    runner.task_finished.connect(finished.append)
    runner.task_failed.connect(failed.append)
    runner.start(lambda s, _state: s.cursor().execute("SELECT 1").fetchall(), store)
    runner.wait()
    qtbot.wait(50)  # queued results, had there been any
    assert finished == [] and failed == []
    assert "Traceback" not in capfd.readouterr().err


def test_a_real_failure_is_still_reported(qtbot, capfd):
    store = open_database(":memory:")
    runner = tasks.TaskRunner()
    with qtbot.waitSignal(runner.task_failed, timeout=5000) as failed:
        runner.start(lambda s, _state: s.cursor().execute("SELECT * FROM no_such_table").fetchall(), store)
    assert "no_such_table" in failed.args[0]
    assert "Traceback" in capfd.readouterr().err  # a bug: its details for the report
    runner.wait()
    store.close()
