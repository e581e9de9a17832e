"""``alliances events``, ``timeline`` and ``diff``: the library's results as JSON, checks before any work."""

from __future__ import annotations

import json

import pytest

import alliances
from alliances.cli import main
from alliances.report import relations_json
from tests._paths import SEED, SEED_2016, UCDP
from tests.cli._run import SPARK_OPTION_CASES, run
from tests.events._helpers import EVENTS
from tests.events._hostile import (
    files_under,
    ged_rows,
    hostile_names,
    hostile_parquet,
    write_csv,
    write_parquet,
)


def test_events_json_is_the_library_result(capsys):
    assert main(["events", str(UCDP), "--actors", str(SEED_2016), "--window", "quarter", "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    rel = alliances.relations_over_time(UCDP, alliances.load(SEED_2016), window="quarter")
    assert json.loads(out) == json.loads(json.dumps(relations_json(rel)))


@pytest.mark.parametrize(("name", "message"), [
    ("x.xlsx", "unknown extension '.xlsx' (use .csv, .csv.gz, .parquet or .pq)"),
    ("missing/x.csv", "does not exist"),
])
def test_bad_table_path_fails_before_reading_events(name, message, tmp_path, capsys):
    # the event file does not exist either: the output path is checked first
    code = main(["events", str(tmp_path / "nowhere.csv"), "--actors", str(SEED), "-o", str(tmp_path / name)])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "nowhere" not in err
    assert list(tmp_path.iterdir()) == []


def test_timeline_needs_snapshots_and_a_figure_path(tmp_path, capsys):
    assert main(["timeline", str(tmp_path), "-o", str(tmp_path / "t.svg")]) == 2
    assert "no snapshot files given" in capsys.readouterr().err
    assert main(["timeline", str(SEED), "-o", str(tmp_path / "t.gif")]) == 2
    assert "unknown extension '.gif'" in capsys.readouterr().err
    assert main(["timeline", str(SEED), str(SEED_2016), "-o", str(tmp_path / "t.svg"), "--panels", "2"]) == 0
    assert (tmp_path / "t.svg").read_bytes().startswith(b"<?xml")


def test_diff_says_when_nothing_changed(capsys):
    assert main(["diff", str(SEED), str(SEED)]) == 0
    assert capsys.readouterr().out == f"no change in relations from {SEED} to {SEED}\n"
    assert main(["diff", str(SEED), str(SEED), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"from": str(SEED), "to": str(SEED), "changes": [], "no_events_in": None}


# ---------------------------------------------------------------- hostile and careless event files


def test_a_hostile_column_name_writes_nothing(tmp_path, monkeypatch, capsys):
    """The old code ran the COPY ... TO a column name of this Parquet file smuggled into its SQL."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "pwned.csv"
    pq = hostile_parquet(tmp_path, target)
    before = files_under(tmp_path)
    code, out, _ = run(capsys, "events", pq, "--actors", EVENTS / "scenario.yaml", "--json")
    assert code == 0 and json.loads(out)["stats"]["rows"] == 9
    assert not target.exists() and files_under(tmp_path) == before


def test_a_hostile_file_that_cannot_be_used_is_named(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "pwned.csv"
    header, rows = ged_rows()
    keep = [i for i, c in enumerate(header) if c != "best"]
    names = hostile_names(target)
    pq = write_parquet(tmp_path / "hostile.parquet", [*names, *(header[i] for i in keep)],
                       [[*("x" for _ in names), *(r[i] for i in keep)] for r in rows])
    before = files_under(tmp_path)
    code, _, err = run(capsys, "events", pq, "--actors", EVENTS / "scenario.yaml")
    assert code == 2 and err == f"alliances: {pq}:1: UCDP GED file lacks the column(s) best\n"
    assert not target.exists() and files_under(tmp_path) == before


def _bad_files(folder):
    header, rows = ged_rows()
    broken = folder / "broken.parquet"
    broken.write_bytes(b"PAR1" + b"\x00" * 64 + b"PAR1")
    latin = folder / "latin.csv"
    latin.write_bytes(",".join(header).encode() + b"\n" + ",".join(rows[0]).replace("Syria", "Syr\xefa").encode("latin-1"))
    return {
        "broken.parquet": (broken, "cannot read: "),
        "extra.csv": (write_csv(folder / "extra.csv", header, [*rows[:2], [*rows[2], "x"]]),
                      "4: Expected Number of Columns: 29 Found: 30"),
        "latin.csv": (latin, "2: Invalid unicode"),
        "dup.csv": (write_csv(folder / "dup.csv", [*header, "Side A"], [[*r, "x"] for r in rows]),
                    "1: columns 9 ('side_a') and 30 ('Side A') both read as 'side_a'"),
    }


@pytest.mark.parametrize("name", ["broken.parquet", "extra.csv", "latin.csv", "dup.csv"])
def test_a_file_that_cannot_be_read_is_exit_2_naming_it(name, tmp_path, capsys):
    path, message = _bad_files(tmp_path)[name]
    code, out, err = run(capsys, "events", path, "--actors", EVENTS / "scenario.yaml", "-o", tmp_path / "out.csv")
    assert code == 2 and out == "" and err.startswith(f"alliances: {path}:{'' if message[0].isdigit() else ' '}")
    assert message in err and not (tmp_path / "out.csv").exists()


def test_far_dates_and_absurd_numbers_are_noted_not_fatal(tmp_path, capsys):
    """Year 0 was an internal error (exit 1), best=1e19 rejected the whole file (exit 2)."""
    header, rows = ged_rows()
    day, best = header.index("date_start"), header.index("best")
    rows[0][day], rows[1][day], rows[2][day], rows[3][best] = "0000-01-05", "9999-12-31", "-001-06-01", "1e19"
    path = write_csv(tmp_path / "odd.csv", header, rows)
    code, out, err = run(capsys, "events", path, "--actors", EVENTS / "scenario.yaml", "--json")
    data = json.loads(out)
    assert code == 0 and data["stats"]["out_of_range"] == 3 and data["stats"]["bad_value"] == 1
    assert data["date_range"] == ["1900-01-01", "2100-12-31"] and len(data["notes"]) == 2
    assert err.splitlines() == [f"alliances: note: {n}" for n in data["notes"]]
    assert "the latest 9999-12-31" in data["notes"][0]


def test_date_range_option_narrows_the_windows(capsys):
    code, out, err = run(capsys, "events", UCDP, "--actors", SEED_2016, "--date-range", "2017:2017", "--json")
    data = json.loads(out)
    assert code == 0 and {r["window_start"][:4] for r in data["relations"]} == {"2017"}
    assert data["date_range"] == ["2017-01-01", "2017-12-31"] and data["stats"]["out_of_range"] > 10000
    assert "dated outside 2017-01-01 to 2017-12-31 were left out (the earliest 2016-" in err


@pytest.mark.parametrize(("args", "message"), [
    (["--window", "99999999999d"], "window '99999999999d': a window lasts at most 3653 days (ten years)"),
    (["--window", "0d"], "window '0d': a window lasts at least 1 day"),
    (["--min-events", "-1"], "min_events must be a whole number of events, 0 or more, not -1"),
    (["--snapshots", ""], "cannot write snapshots into '': give a folder"),
    (["--date-range", "2100:1900"], "date range '2100:1900': it ends (1900-12-31) before it starts (2100-01-01)"),
    (["--date-range", "0:2000"], "the year 0 is outside the years 1000 to 8999"),
    (["--max-windows", "0"], "max_windows must be a whole number of at least 1, not 0"),
    (["--half-life", "nan"], "half_life must be a positive number of windows, not nan"),
    (["--engine", "sqlite"], "unknown engine 'sqlite' (expected duckdb or spark)"),
    *SPARK_OPTION_CASES,
    (["--engine", "spark", "--snapshots", "hdfs://nn/snaps"], "snapshots (YAML scenarios) go into a local folder"),
    (["--engine", "spark", "-o", "hdfs://nn/out/rel.csv"], "a URI is written as Parquet: end it in .parquet or .pq"),
    (["-o", "s3a://bucket/rel.parquet"], "a URI is written by the Spark engine (--engine spark)"),
])
def test_options_are_checked_before_any_file_is_read(args, message, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SPARK_MASTER", raising=False)
    code, out, err = run(capsys, "events", tmp_path / "nowhere.csv", "--actors", tmp_path / "none.yaml", *args)
    assert code == 2 and out == "" and err.startswith("alliances: ") and message in err
    assert len(err.splitlines()) == 1 and "nowhere" not in err and "none.yaml" not in err  # nothing read yet
    assert list(tmp_path.iterdir()) == []  # nothing written (an empty --snapshots was the current folder)


def test_decay_over_too_many_windows_says_what_to_do(capsys):
    code, _, err = run(capsys, "events", UCDP, "--actors", SEED_2016, "--window", "day", "--half-life", "2",
                       "--max-windows", "100")
    assert code == 2 and err.startswith("alliances: the events span 1430 day windows (2016-01-01 to 2019-11-30), "
                                        "more than the limit of 100 (max_windows)")
    assert "raise max_windows (--max-windows)" in err


def test_a_bad_spark_master_in_the_environment_is_named(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SPARK_MASTER", "spark//typo:7077")
    args = ["events", tmp_path / "nowhere.csv", "--actors", tmp_path / "none.yaml"]
    code, out, err = run(capsys, *args, "--engine", "spark")
    assert code == 2 and err == ("alliances: SPARK_MASTER: Spark master 'spark//typo:7077': expected local[*], "
                                 "local[N], spark://HOST:PORT, yarn or k8s://URL\n")
    # DuckDB runs leave the variable alone
    code, out, err = run(capsys, *args)
    assert code == 2 and "SPARK_MASTER" not in err and "no such file" in err


def test_duckdb_names_the_spark_engine_for_a_uri(capsys):
    code, out, err = run(capsys, "events", "hdfs://namenode:8020/gdelt/", "--actors", SEED_2016)
    assert code == 2 and out == ""
    assert err == ("alliances: hdfs://namenode:8020/gdelt/: the DuckDB engine reads local files only: "
                   "use --engine spark (engine='spark') for hdfs:// URIs\n")
