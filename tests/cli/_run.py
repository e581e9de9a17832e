"""Running a command as the tests do: in this process, its output captured, never a traceback."""

from __future__ import annotations

from typing import Any

from alliances.cli import main


def run(capsys: Any, *args: Any) -> tuple[int, str, str]:
    """``alliances ARGS...``: the exit code, stdout and stderr (which must hold no traceback)."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


# the Spark options of `events` and `backtest`, refused before any file is read or a JVM starts
SPARK_OPTION_CASES = [
    (["--spark-master", "local[2]"], "a Spark master, settings and timeout are for the Spark engine "
                                     "(--engine spark), not duckdb"),
    (["--spark-timeout", "10"], "a Spark master, settings and timeout are for the Spark engine "
                                "(--engine spark), not duckdb"),
    (["--engine", "spark", "--spark-master", "spark://10.0.0.5"],
     "Spark master 'spark://10.0.0.5': expected local[*], local[N], spark://HOST:PORT, yarn or k8s://URL"),
    (["--engine", "spark", "--spark-conf", "spark.executor.memory", "--spark-conf", "memory=4g"],
     "--spark-conf 'spark.executor.memory': expected KEY=VALUE; --spark-conf 'memory=4g': a key is spark.<name>"),
    (["--engine", "spark", "--spark-conf", "spark.master=yarn"],
     "--spark-conf 'spark.master=yarn': give the master as the master (--spark-master), not as a setting"),
    (["--engine", "spark", "--spark-timeout", "0"], "the Spark timeout must be a number of seconds above 0"),
]
