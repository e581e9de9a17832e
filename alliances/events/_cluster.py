"""Starting Spark: master URLs and settings checked, the session started, a cluster waited for.

:func:`start_session` gives :class:`~alliances.events.SparkEngine` its session: Spark's
shared one when it runs already (for the same master), else one started here with the
engine's settings (then the user's, which win). For a cluster, waiting is bounded: a
standalone master that refuses connections fails at once; a context that does not start,
or a cluster that gives no executor, fails within the timeout, and the JVM started for it
is stopped, so that a later attempt starts afresh. The driver's JVM writes its output into
a log file in a temporary folder: a JVM that does not start is reported with its last words.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from .._checks import check_instance
from ..errors import EventDataError
from ._engines import BackgroundCall

if TYPE_CHECKING:
    from .._progress import ProgressCallback

__all__ = [
    "DEFAULT_SPARK_TIMEOUT",
    "PANDAS_WARNING",
    "SparkCluster",
    "check_spark_config",
    "check_spark_master",
    "check_spark_timeout",
    "parse_spark_conf",
    "start_session",
    "within",
]

_T = TypeVar("_T")

DEFAULT_SPARK_TIMEOUT = 60.0
"""Seconds to wait for a cluster (its master to answer, a first executor to start) and for
each answer of a file system while the inputs are listed and opened."""

PANDAS_WARNING = ".*PySpark does not yet fully support pandas.*"
"""PySpark warns that it does not fully support pandas 3: the engine passes it plain rows only."""

_MASTER = re.compile(
    r"^(?:local(?:\[(?:\*|[1-9]\d*)(?:,[1-9]\d*)?\])?"           # local, local[4], local[*], local[*,3]
    r"|local-cluster\[[1-9]\d*,\s*[1-9]\d*,\s*[1-9]\d*\]"        # local-cluster[workers,cores,MiB]
    r"|spark://[^\s/,:]+:\d{1,5}(?:,[^\s/,:]+:\d{1,5})*"          # standalone, with standby masters
    r"|yarn"
    r"|k8s://\S+)$"
)
_CONF_KEY = re.compile(r"^spark\.[A-Za-z0-9_.\-]+$")


def check_spark_master(master: str) -> str:
    """A Spark master URL, checked before anything starts: returned as given.

    Parameters
    ----------
    master : str
        ``local``, ``local[N]``, ``local[*]`` (this machine), ``spark://HOST:PORT`` (a
        standalone cluster; ``spark://H1:P1,H2:P2`` with standby masters), ``yarn`` or
        ``k8s://URL``.

    Raises
    ------
    EventDataError
        For anything else.

    Examples
    --------
    >>> check_spark_master("spark://10.0.0.5:7077")
    'spark://10.0.0.5:7077'
    >>> check_spark_master("spark://10.0.0.5")
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: Spark master 'spark://10.0.0.5': expected local[*], local[N], spark://HOST:PORT, yarn or k8s://URL
    """
    check_instance(master, str, "master", "a Spark master URL (text)")
    if not _MASTER.match(master.strip()) or master != master.strip():
        raise EventDataError(f"Spark master {master!r}: expected local[*], local[N], spark://HOST:PORT, yarn or k8s://URL")
    for port in re.findall(r":(\d+)(?=,|$)", master) if master.startswith("spark://") else ():
        if not 0 < int(port) < 65536:
            raise EventDataError(f"Spark master {master!r}: port {port} is not between 1 and 65535")
    return master


def check_spark_config(config: Mapping[str, Any] | None) -> dict[str, str]:
    """Spark settings checked before anything starts: keys ``spark.*``, values as text.

    Raises
    ------
    EventDataError
        Naming every bad key at once: one that is not ``spark.`` followed by letters,
        digits, ``.``, ``_`` or ``-``; ``spark.master`` (the master is a parameter of its own).

    Examples
    --------
    >>> check_spark_config({"spark.executor.memory": "4g", "spark.executor.cores": 2})
    {'spark.executor.memory': '4g', 'spark.executor.cores': '2'}
    >>> check_spark_config({"executor.memory": "4g"})
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: Spark setting 'executor.memory': a key is spark.<name> (letters, digits, '.', '_', '-')
    """
    check_instance(config, (Mapping, type(None)), "config", "a mapping of Spark setting -> value")
    out: dict[str, str] = {}
    problems = []
    for key, value in (config or {}).items():
        if not isinstance(key, str) or not _CONF_KEY.match(key):
            problems.append(f"Spark setting {key!r}: a key is spark.<name> (letters, digits, '.', '_', '-')")
        elif key == "spark.master":
            problems.append("Spark setting 'spark.master': give the master as the master (--spark-master), "
                            "not as a setting")
        elif value is None:
            problems.append(f"Spark setting {key!r}: no value")
        else:
            out[key] = value if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)
    if problems:
        raise EventDataError("; ".join(problems))
    return out


def parse_spark_conf(pairs: Sequence[str]) -> dict[str, str]:
    """Spark settings given as ``KEY=VALUE`` texts (``--spark-conf``), checked; every problem at once.

    The value is everything after the first ``=`` (it may hold ``=`` itself, or be empty);
    a key given twice with different values is refused.

    Raises
    ------
    EventDataError
        One message naming every malformed pair (see :func:`check_spark_config`).

    Examples
    --------
    >>> parse_spark_conf(["spark.executor.memory=4g", "spark.driver.extraJavaOptions=-Da=b"])
    {'spark.executor.memory': '4g', 'spark.driver.extraJavaOptions': '-Da=b'}
    >>> parse_spark_conf(["spark.executor.memory", "=2"])
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: --spark-conf 'spark.executor.memory': expected KEY=VALUE; --spark-conf '=2': expected KEY=VALUE
    """
    if isinstance(pairs, str) or not isinstance(pairs, Sequence):
        check_instance(pairs, (list, tuple), "pairs", "a list of KEY=VALUE texts")
    for pair in pairs:
        check_instance(pair, str, "pairs", "a list of KEY=VALUE texts")
    out: dict[str, str] = {}
    problems = []
    for pair in pairs:
        key, eq, value = pair.partition("=")
        if not eq or not key.strip():
            problems.append(f"--spark-conf {pair!r}: expected KEY=VALUE")
            continue
        key = key.strip()
        if key in out and out[key] != value:
            problems.append(f"--spark-conf {key}: given twice with different values")
            continue
        try:
            out.update(check_spark_config({key: value}))
        except EventDataError as exc:
            problems.append(f"--spark-conf {pair!r}: {str(exc).split(': ', 1)[1]}")
    if problems:
        raise EventDataError("; ".join(problems))
    return out


def check_spark_timeout(timeout: float) -> float:
    """The engine's ``timeout`` checked: a number of seconds, more than 0 and at most a day.

    Examples
    --------
    >>> check_spark_timeout(30)
    30.0
    >>> check_spark_timeout(0)
    Traceback (most recent call last):
    ...
    alliances.errors.EventDataError: the Spark timeout must be a number of seconds above 0 and at most 86400, not 0
    """
    ok = isinstance(timeout, (int, float)) and not isinstance(timeout, bool) and 0 < timeout <= 86400
    if not ok:
        raise EventDataError(f"the Spark timeout must be a number of seconds above 0 and at most 86400, not {timeout!r}")
    return float(timeout)


@dataclass(frozen=True)
class SparkCluster:
    """Where a session runs, as the user is told: the master, the executors, their cores."""

    master: str
    executors: int
    cores: int

    def __str__(self) -> str:
        if self.master.startswith("local"):
            return f"Spark {self.master} (this machine, {self.cores} cores)"
        plural = "" if self.executors == 1 else "s"
        return f"Spark {self.master} ({self.executors} executor{plural}, {self.cores} cores)"


def start_session(master: str | None, settings: dict[str, str], timeout: float,
             report: ProgressCallback | None) -> Any:
    """Spark's shared session: the running one (for the same master), else one started here."""
    import warnings

    with warnings.catch_warnings():
        # PySpark warns that it does not fully support pandas 3; we pass it plain rows only.
        warnings.filterwarnings("ignore", message=PANDAS_WARNING)
        from pyspark import SparkContext
        from pyspark.sql import SparkSession

    running = SparkContext._active_spark_context  # the process's one context, if any
    if running is not None:
        if master is not None and running.master != master:
            raise EventDataError(f"a Spark session with master {running.master} is already running in this "
                                 f"process: stop it (spark.stop()) to use {master}")
        return SparkSession.builder.getOrCreate()
    master = master or "local[*]"
    if master.startswith("spark://"):
        _reach_master(master, timeout)
    conf = _conf(master, settings)
    log = os.path.join(conf.get("spark.sql.warehouse.dir"), "jvm.log")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=PANDAS_WARNING)
        gateway = _launch(conf, log)
        started = time.monotonic()
        try:
            if master.startswith("local"):
                context = SparkContext(conf=conf, gateway=gateway)
            else:
                context = within(lambda: SparkContext(conf=conf, gateway=gateway), timeout,
                                  f"{master}: Spark did not connect within {timeout:g} s")
            if not master.startswith("local"):
                _wait_for_executors(context, master, timeout - (time.monotonic() - started), timeout, report)
        except EventDataError:
            _abandon(gateway)
            raise
        except Exception as exc:  # a setting Spark refuses as the context starts
            _abandon(gateway)
            raise EventDataError(f"cannot start Spark ({master}): {_reason(exc, log, jvm_first=False)}") from None
        return SparkSession.builder.getOrCreate()


def _conf(master: str, settings: dict[str, str]) -> Any:
    """The session's settings: the engine's own, then the user's (which win)."""
    from pyspark import SparkConf

    here = os.path.dirname(os.path.abspath(__file__))
    own = {
        "spark.master": master,
        "spark.app.name": "alliances-events",
        # ANSI mode would make a malformed cell fail the whole query; TRY_CAST handles them.
        "spark.sql.ansi.enabled": "false",
        "spark.sql.session.timeZone": "UTC",
        "spark.ui.enabled": "false",
        # progress goes through the callback of materialize(), drawn by the caller
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.shuffle.partitions": "8",
        # Spark makes its warehouse folder as it starts: not in the user's current folder
        "spark.sql.warehouse.dir": _spark_warehouse(),
    }
    # every failure comes back as an exception, reported as file: reason; the driver's log
    # (a stack trace per unreadable file, start-up chatter) would only repeat it
    quiet = f"-Dlog4j2.configurationFile={os.path.join(here, 'spark-log4j2.properties')}"
    user_java = settings.get("spark.driver.extraJavaOptions", "")
    merged = {**own, **settings}
    if "log4j2.configurationFile" not in user_java:
        merged["spark.driver.extraJavaOptions"] = f"{quiet} {user_java}".strip()
    conf = SparkConf(loadDefaults=False)
    for key, value in merged.items():
        conf.set(key, value)
    return conf


def _launch(conf: Any, log: str) -> Any:
    """Start the driver's JVM, its output into ``log``; a JVM that does not start is an error with its last words."""
    from pyspark.java_gateway import launch_gateway

    with open(log, "ab") as sink:
        try:
            return launch_gateway(conf, popen_kwargs={"stdout": sink, "stderr": sink})
        except Exception as exc:  # pyspark's own error when the JVM exits early
            raise EventDataError(f"cannot start Spark's JVM: {_reason(exc, log, jvm_first=True)}") from None


_JVM_NOISE = ("WARNING: Using incubator", "Error: Could not create the Java Virtual Machine",
              "Error: A fatal exception has occurred", "at ", "...")


def _reason(exc: BaseException, log: str, *, jvm_first: bool) -> str:
    """Why Spark did not start, in one line: the JVM's last words (from its log) or the exception's.

    Java's stack lines, its generic "could not create the Java Virtual Machine" and the
    class names before a message are left out.
    """
    try:
        with open(log, encoding="utf-8", errors="replace") as fh:
            said = [ln.strip() for ln in fh if ln.strip() and not ln.strip().startswith(_JVM_NOISE)]
    except OSError:
        said = []
    text = [ln.strip() for ln in str(exc).splitlines() if ln.strip() and not ln.strip().startswith(_JVM_NOISE)]
    text = [ln for ln in text if not ln.startswith(("An error occurred while calling", "Traceback"))]
    first, second = (said[-1:], text[:1]) if jvm_first else (text[:1], said[-1:])
    reason = (first or second or [type(exc).__name__])[0]
    reason = re.sub(r'^(?:Caused by:\s*|Exception in thread "[^"]*"\s*)', "", reason)
    return re.sub(r"^[:\s]*(?:(?:[a-z]\w*\.)+\w+(?:Exception|Error):\s*)*", "", reason).strip()


def _reach_master(master: str, timeout: float) -> None:
    """Fail at once, in one line, when no master of a standalone cluster accepts a connection."""
    reasons = []
    for hostport in master[len("spark://"):].split(","):
        host, _, port = hostport.rpartition(":")
        try:
            socket.create_connection((host, int(port)), timeout=timeout).close()
            return
        except (OSError, ValueError) as exc:  # refused, unreachable, timed out, no such host
            reasons.append(f"{hostport}: {getattr(exc, 'strerror', None) or exc}")
    raise EventDataError(f"cannot reach the Spark master {master} ({'; '.join(reasons)}): is it running, "
                         f"and is this machine allowed to connect? (waited up to {timeout:g} s)")


def _wait_for_executors(context: Any, master: str, left: float, timeout: float,
                        report: ProgressCallback | None) -> None:
    """Wait until at least one executor has registered (the driver is listed too), at most ``left`` seconds."""
    start = time.monotonic()
    while True:
        if len(context.statusTracker().getExecutorInfos()) > 1:
            return
        waited = time.monotonic() - start
        if report is not None:
            report(int(timeout - left + waited), int(timeout))
        if waited >= left:
            raise EventDataError(
                f"{master}: the master answered, but no executor started within {timeout:g} s: has a worker "
                "the free cores and memory asked for (spark.executor.cores, spark.executor.memory)?")
        time.sleep(0.25)


def _abandon(gateway: Any) -> None:
    """Stop a JVM that did not give a working session, so that a later engine starts afresh."""
    from pyspark import SparkContext

    proc = getattr(gateway, "proc", None)
    try:
        gateway.shutdown()
    except Exception:  # already gone
        pass
    if proc is not None:
        proc.kill()
        proc.wait(10)
    # pyspark keeps the gateway and the context as class attributes: forget the dead ones
    SparkContext._active_spark_context = None
    SparkContext._gateway = None
    SparkContext._jvm = None


def within(work: Callable[[], _T], seconds: float, message: str) -> _T:
    """``work()`` in a daemon thread; its result, its exception, or EventDataError(message) after ``seconds``."""
    call = BackgroundCall(work)
    if not call.wait(seconds):
        raise EventDataError(message)
    return call.result()


def _spark_warehouse() -> str:
    """A temporary folder for Spark's (unused) warehouse and the JVM's log, removed when the process ends."""
    import atexit
    import tempfile

    folder = tempfile.mkdtemp(prefix="alliances-spark-")
    atexit.register(shutil.rmtree, folder, True)
    return folder


