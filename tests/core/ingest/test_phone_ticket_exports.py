"""Real phone and ticket exports imported with no flag, every figure SOURCES.md gives
(../shared/data, §5 and §8) checked against the KPIs; skipped when the files are absent."""

from __future__ import annotations

import pytest

from kpidesk.core.ingest import import_file
from tests.helpers.files import kpis as _kpis
from tests.helpers.paths import SHARED_DATA

MASTER = SHARED_DATA / "asterisk-cdr-master-csv" / "Master.csv"
FRESHDESK = SHARED_DATA / "freshdesk-export-sample" / "freshdesk_tickets.csv"


@pytest.mark.skipif(not MASTER.exists(), reason="shared sample data not available")
def test_asterisk_master_csv(store):
    """§5: 84 headerless rows, not UTF-8, one call over several rows (grouped by
    linkedid: 36 calls, the 48 other legs counted once), 2024-01-27 15:07 … 01-28 12:36,
    the uniqueid prefix changing mid-file. Worked out from the rows: 24 calls bridged to
    a phone; 5 never answered by any leg (waits 40, 23, 8, 8 and 0 s: the 0 s one a
    short abandon), 7 answered by the system alone (not offered to an agent). Offered
    24 + 4 = 28, answer rate 24/28, abandon 4/28, time to abandon (40+23+8+8)/4 = 19.75 s."""
    report = import_file(store, MASTER)
    assert report.ok and report.profile == "asterisk_cdr", report.summary()
    assert (report.rows_read, report.loaded, report.ignored) == (84, 36, 48)
    cur = store.cursor()
    first, last = cur.execute("SELECT min(arrived_at), max(arrived_at) FROM contacts").fetchone()
    assert (str(first), str(last)) == ("2024-01-27 15:07:24", "2024-01-28 12:36:51")
    assert cur.execute("SELECT count(*) FROM contacts WHERE source_key LIKE 'mainserverdss-%'").fetchone()[0] > 0
    k = _kpis(
        store, "volume", "offered", "answered", "answer_rate", "abandon_rate", "avg_abandon_wait", "short_abandons"
    )
    assert (k["volume"].value, k["offered"].value, k["answered"].value) == (36, 28, 24)
    assert k["answer_rate"].value == pytest.approx(24 / 28)
    assert k["abandon_rate"].value == pytest.approx(4 / 28)
    assert k["avg_abandon_wait"].value == pytest.approx(19.75)
    assert k["short_abandons"].value == 1


@pytest.mark.skipif(not FRESHDESK.exists(), reason="shared sample data not available")
def test_freshdesk_export(store):
    """§8: 45 tickets (ids skip 4), one status 'OpenPending', 'Resolved time' always
    empty, every ticket open, pending or waiting: none resolved, all 45 in the backlog;
    created 2025-12-03/04."""
    report = import_file(store, FRESHDESK)
    assert report.ok and report.profile == "freshdesk_tickets" and report.loaded == 45, report.summary()
    cur = store.cursor()
    assert cur.execute("SELECT count(*) FROM contacts WHERE source_key = '4'").fetchone()[0] == 0
    assert cur.execute("SELECT count(solved_at) FROM contacts").fetchone()[0] == 0
    days = cur.execute("SELECT list(DISTINCT CAST(arrived_at AS DATE) ORDER BY 1) FROM contacts").fetchone()[0]
    assert [str(d) for d in days] == ["2025-12-03", "2025-12-04"]
    k = _kpis(store, "volume", "resolution_rate", "backlog")
    assert (k["volume"].value, k["resolution_rate"].value, k["backlog"].value) == (45, 0.0, 45)
