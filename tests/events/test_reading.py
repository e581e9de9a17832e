"""alliances.events._reading: opening event files without reading them."""

from __future__ import annotations

import pytest

from alliances.errors import EventDataError
from alliances.events import DuckDBEngine, EventFiles, read_events
from tests.events._helpers import EVENTS


def test_read_events_opens_without_loading():
    ev = read_events(EVENTS / "ged_sample.csv")
    assert isinstance(ev, EventFiles)
    assert ev.format == "ged" and ev.files == [str(EVENTS / "ged_sample.csv")] and not ev.parquet
    assert ev.count() == 9
    assert read_events(ev) is ev  # already open: returned as it is


def test_to_pandas_is_sorted_and_limited():
    ev = read_events(EVENTS / "ged_sample.csv")
    head = ev.to_pandas(limit=3)
    assert head["event_id"].tolist() == ["1001", "1002", "1003"]
    assert len(ev.to_pandas(limit=None)) == 9


def test_missing_files_and_mixed_kinds(tmp_path):
    with pytest.raises(EventDataError, match="no such file"):
        read_events(tmp_path / "missing.csv")
    (tmp_path / "a.csv").write_text("x\n")
    (tmp_path / "b.parquet").write_bytes(b"PAR1")
    with pytest.raises(EventDataError, match="Parquet files and text files in separate runs"):
        read_events(tmp_path)


def test_engine_given_by_name_or_object():
    mine = DuckDBEngine(threads=1)
    ev = read_events(EVENTS / "ged_sample.csv", engine=mine)
    assert ev.engine is mine and ev.count() == 9
    with pytest.raises(EventDataError, match="unknown engine"):
        read_events(EVENTS / "ged_sample.csv", engine="sqlite")
    mine.close()


def test_progress_is_kept_for_later_queries():
    seen = []
    ev = read_events(EVENTS / "ged_sample.csv", progress=lambda done, total: seen.append((done, total)))
    assert callable(ev.progress) and seen == []  # nothing read yet
