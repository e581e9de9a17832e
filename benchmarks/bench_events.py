"""Event aggregation: DuckDB vs plain pandas vs Spark (local and a standalone cluster) on a GDELT-shaped file.

Generates once a headerless, tab-separated GDELT 2.0 file (61 columns) of N rows into
/tmp (never into the repository), then aggregates it to pair-month scores several ways,
each in a fresh process so that peak memory (max RSS) is that run's alone:

* ``duckdb``: :func:`alliances.relations_over_time` on embedded DuckDB (memory limit 768 MB,
  2 threads);
* ``pandas``: the same aggregation written in plain pandas (read only the needed columns
  as text, coerce the numbers with ``errors="coerce"`` as the library's ``TRY_CAST`` does,
  map actors, group by pair and month, counting rows as the library does for GDELT);
* ``pandas-typed``: the same with numeric dtypes in ``read_csv`` (faster, but one malformed
  cell fails the whole read, which the library tolerates): the strongest plain-pandas figure;
* ``spark-local``: :func:`alliances.relations_over_time` with the Spark engine in local mode,
  ``local[2]`` (the executor runs inside the driver's JVM);
* ``spark-cluster``: the same on a Spark standalone cluster started for the run on this
  machine (a master and one worker with two cores, separate JVMs, the input given as a
  ``file://`` URI), as ``tests/events/test_cluster.py`` starts it.

For each: wall time, rows per second per core (rows / seconds / cores: DuckDB and Spark
use two here, pandas one), and the driver's peak memory: the Python process, plus for Spark the driver's JVM
(its peak resident memory, VmHWM, read before it exits); for the cluster also the
executor's. Every run is a cold, separate process (nothing is cached between runs but the
operating system's file cache, which serves every engine alike).

Run: ``python benchmarks/bench_events.py [--rows 10000000] [--no-spark] [--no-cluster] [--no-pandas]``
(``--no-pandas`` keeps DuckDB and Spark only, for a loaded machine).
Targets: DuckDB >= 5x faster than pandas, < 1 GB peak.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODES = ["SYRGOV", "SYRMIL", "SYRREB", "RUSGOV", "RUSMIL", "USAGOV", "USAMIL", "TURGOV", "TURMIL", "IRNGOV",
         "IRNMIL", "ISRGOV", "ISRMIL", "LBNHEZ", "IMGMOSSUN", "FRAGOV", "GBRGOV", "DEUGOV", "CHNGOV", "EGYGOV"]
SCENARIO = """
scenario: Benchmark
actors:
  - {id: assad, name: Assad government, kind: state}
  - {id: russia, name: Russia, kind: state}
  - {id: usa, name: United States, kind: state}
  - {id: turkey, name: Turkey, kind: state}
  - {id: iran, name: Iran, kind: state}
  - {id: israel, name: Israel, kind: state}
  - {id: hezbollah, name: Hezbollah, kind: militia}
  - {id: rebels, name: Rebels, kind: armed_group}
"""
MAPPING = {"SYRGOV": "assad", "SYRMIL": "assad", "SYRREB": "rebels", "RUS": "russia", "USA": "usa",
           "TUR": "turkey", "IRN": "iran", "ISR": "israel", "LBNHEZ": "hezbollah"}


def generate(path: Path, rows: int) -> None:
    """A GDELT 2.0-shaped file: codes from CODES, days 2015-2019, CAMEO codes as text."""
    import duckdb

    codes = "[" + ", ".join(f"'{c}'" for c in CODES) + "]"
    n = len(CODES)
    empty = ", ".join("''" for _ in range(7))
    geo = ", ".join("''" for _ in range(24))
    con = duckdb.connect()
    con.execute("SET threads = 2")
    con.execute(f"""
    COPY (
      SELECT
        CAST(500000000 + i AS VARCHAR), strftime(d, '%Y%m%d'), strftime(d, '%Y%m'), strftime(d, '%Y'), '2017.0',
        c1, c1, substr(c1, 1, 3), {empty},
        c2, c2, substr(c2, 1, 3), {empty},
        '1', lpad(CAST(root AS VARCHAR), 2, '0') || '0', lpad(CAST(root AS VARCHAR), 2, '0') || '0',
        lpad(CAST(root AS VARCHAR), 2, '0'),
        CAST(CASE WHEN root <= 5 THEN 1 WHEN root <= 8 THEN 2 WHEN root <= 13 THEN 3 ELSE 4 END AS VARCHAR),
        CAST(round((hash(i * 7) % 200) / 10.0 - 10, 1) AS VARCHAR), '10', CAST(1 + hash(i * 11) % 5 AS VARCHAR),
        '10', '-2.5', {geo}, strftime(d, '%Y%m%d') || '120000', 'https://example.org/' || CAST(i AS VARCHAR)
      FROM (
        SELECT i, DATE '2015-01-01' + CAST(hash(i) % 1826 AS INTEGER) AS d,
          {codes}[1 + CAST(hash(i * 3) % {n} AS INTEGER)] AS c1,
          {codes}[1 + CAST(hash(i * 5) % {n} AS INTEGER)] AS c2,
          1 + CAST(hash(i * 13) % 20 AS INTEGER) AS root
        FROM range({rows}) t(i)
      )
    ) TO '{path}' (FORMAT csv, DELIMITER '\t', HEADER false, QUOTE '')
    """)


def run_duckdb(path: str) -> dict:
    import alliances
    from alliances.events import ActorMapper, DuckDBEngine

    net = alliances.loads(SCENARIO)
    mapper = ActorMapper(codes=MAPPING)
    rel = alliances.relations_over_time(path, net, window="month", mapping=mapper, format="gdelt",
                                        engine=DuckDBEngine(memory_limit="768MB", threads=2))
    return {"rows": len(rel.table), "events": int(rel.table["events"].sum())}


def run_spark(path: str, master: str = "local[2]", worker: int | None = None) -> dict:
    import alliances
    from alliances.events import ActorMapper, SparkEngine

    net = alliances.loads(SCENARIO)
    loopback = {"spark.driver.host": "127.0.0.1", "spark.driver.bindAddress": "127.0.0.1"}
    eng = SparkEngine(master=master, config=loopback if master.startswith("spark://") else None, timeout=300)
    events = path if master.startswith("local") else f"file://{path}"
    rel = alliances.relations_over_time(events, net, window="month", mapping=ActorMapper(codes=MAPPING),
                                        format="gdelt", engine=eng)
    from pyspark import SparkContext

    out = {"rows": len(rel.table), "events": int(rel.table["events"].sum()), "to_driver": eng.rows_to_driver,
           "cluster": str(eng.cluster()), "jvm_mb": peak_mb(SparkContext._gateway.proc.pid)}
    if worker is not None:  # the executors are the worker's children
        out["executor_mb"] = sum(peak_mb(pid) for pid in children(worker))
    return out


def peak_mb(pid: int) -> float:
    """A process's peak resident memory (VmHWM), in MB; 0 for one that holds none (spark-class leaves a zombie shell)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children(pid: int) -> list[int]:
    return [int(c) for task in Path(f"/proc/{pid}/task").glob("*") for c in (task / "children").read_text().split()]


def run_pandas(path: str, *, typed: bool = False) -> dict:
    """The same pair-month aggregation in plain pandas (net cooperation score)."""
    import numpy as np
    import pandas as pd

    cols = {0: "id", 1: "day", 5: "code1", 15: "code2", 29: "quad", 30: "goldstein", 32: "sources"}
    if typed:
        dtypes = {0: "int64", 1: str, 5: str, 15: str, 29: "float64", 30: "float64", 32: "float64"}
        df = pd.read_csv(path, sep="\t", header=None, usecols=list(cols), dtype=dtypes, quoting=3)
    else:
        df = pd.read_csv(path, sep="\t", header=None, usecols=list(cols), dtype=str, keep_default_na=False,
                         quoting=3)
    df = df.rename(columns=cols)

    def actor(codes: pd.Series) -> pd.Series:
        out = pd.Series(np.full(len(codes), None, dtype=object), index=codes.index)
        for prefix, a in sorted(MAPPING.items(), key=lambda kv: len(kv[0])):
            out[codes.str.startswith(prefix)] = a
        return out

    df["a1"], df["a2"] = actor(df["code1"]), actor(df["code2"])
    df = df[df["a1"].notna() & df["a2"].notna() & (df["a1"] != df["a2"])]
    df["a"] = np.where(df["a1"] < df["a2"], df["a1"], df["a2"])
    df["b"] = np.where(df["a1"] < df["a2"], df["a2"], df["a1"])
    day = pd.to_datetime(df["day"], format="%Y%m%d", errors="coerce")
    df["month"] = day.dt.year * 12 + day.dt.month - 1
    q = pd.to_numeric(df["quad"], errors="coerce")
    df["coop"] = q.isin([1, 2]).astype(int)
    df["host"] = q.isin([3, 4]).astype(int)
    df["gold"] = pd.to_numeric(df["goldstein"], errors="coerce")
    # GDELT has one row per event: events are rows, as in the library (no distinct count needed).
    g = df.groupby(["a", "b", "month"]).agg(events=("id", "size"), coop=("coop", "sum"), host=("host", "sum"),
                                            gold=("gold", "mean"))
    g["score"] = ((g["coop"] - g["host"]) / g["events"]).round(6)
    return {"rows": len(g), "events": int(g["events"].sum())}


def child(engine: str, path: str, master: str, worker: str) -> None:
    t0 = time.perf_counter()
    runs = {"duckdb": run_duckdb, "pandas": run_pandas, "pandas-typed": lambda p: run_pandas(p, typed=True),
            "spark-local": run_spark, "spark-cluster": lambda p: run_spark(p, master, int(worker))}
    result = runs[engine](path)
    result["seconds"] = time.perf_counter() - t0
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(engine: str, path: Path, rows: int, master: str = "", worker: int = 0) -> dict | None:
    out = subprocess.run([sys.executable, __file__, "--child", engine, str(path), master, str(worker)],
                         capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        print(f"{engine}: failed\n{out.stderr[-2000:]}")
        return None
    r = json.loads(out.stdout.strip().splitlines()[-1])
    driver = r["peak_mb"] + r.get("jvm_mb", 0)
    memory = f"driver {driver:6.0f} MB" + (f" (Python {r['peak_mb']:.0f} + JVM {r['jvm_mb']:.0f})" if "jvm_mb" in r else "")
    if "executor_mb" in r:
        memory += f", executor {r['executor_mb']:.0f} MB"
    per_core = rows / r["seconds"] / (1 if engine.startswith("pandas") else 2)
    back = f", {r['to_driver']:,} rows back to the driver" if "to_driver" in r else ""
    # the machine may be shared: its load beside every figure (1-minute average, as the run ends)
    print(f"{engine:13s} {r['seconds']:7.1f} s  {per_core / 1e3:7.0f}k rows/s/core  {memory}  -> {r['rows']} "
          f"pair-months, {r['events']:,} events{back}" + (f"  [{r['cluster']}]" if "cluster" in r else "") +
          f"  (load {os.getloadavg()[0]:.1f})")
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--file", default=None, help="GDELT-shaped file to use (default /tmp/alliances_bench_gdelt_<rows>.CSV)")
    ap.add_argument("--no-spark", action="store_true", help="no Spark run at all")
    ap.add_argument("--no-cluster", action="store_true", help="no Spark standalone cluster run")
    ap.add_argument("--no-pandas", action="store_true", help="no plain-pandas runs (DuckDB and Spark only)")
    ap.add_argument("--child", nargs=4, metavar=("ENGINE", "FILE", "MASTER", "WORKER"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    path = Path(args.file or f"/tmp/alliances_bench_gdelt_{args.rows}.CSV")
    if not path.exists():
        t0 = time.perf_counter()
        generate(path, args.rows)
        print(f"generated {path} ({path.stat().st_size / 1e9:.2f} GB) in {time.perf_counter() - t0:.1f} s")
    print(f"file: {path} ({path.stat().st_size / 1e9:.2f} GB, {args.rows:,} rows); machine: {os.cpu_count()} cores "
          "(DuckDB and Spark use 2, pandas 1)")
    results = {}
    pandas = [] if args.no_pandas else ["pandas", "pandas-typed"]
    for engine in ["duckdb", *pandas] + ([] if args.no_spark else ["spark-local"]):
        results[engine] = measure(engine, path, args.rows)
    if not (args.no_spark or args.no_cluster):
        import tempfile

        sys.path.insert(0, str(ROOT))
        from tests.events._cluster import standalone_cluster

        with tempfile.TemporaryDirectory(prefix="alliances-bench-cluster-") as folder, \
                standalone_cluster(Path(folder), cores=2, memory="2g") as cluster:
            results["spark-cluster"] = measure("spark-cluster", path, args.rows, cluster.master, cluster.pids["worker"])
    for name in ("pandas", "pandas-typed", "spark-local", "spark-cluster"):
        d, p = results.get("duckdb"), results.get(name)
        if d and p:
            print(f"DuckDB is {p['seconds'] / d['seconds']:.1f}x faster than {name}" +
                  (" (target >= 5x)" if name.startswith("pandas") else "") +
                  f"; Python peak {d['peak_mb']:.0f} MB vs {p['peak_mb']:.0f} MB")
            if d["events"] != p["events"] or d["rows"] != p["rows"]:
                print(f"WARNING: results differ: duckdb {d['rows']} rows/{d['events']} events, "
                      f"{name} {p['rows']} rows/{p['events']} events")


if __name__ == "__main__":
    main()
