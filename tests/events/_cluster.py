"""A real Spark standalone cluster for the tests: one master and one worker on 127.0.0.1.

Both are separate JVMs started from the installed pyspark with its own launcher
(``bin/spark-class org.apache.spark.deploy.master.Master`` and ``...worker.Worker``), on
free ports, with their logs, the worker's folder and an empty Spark configuration folder
in a temporary folder. :func:`standalone_cluster` waits until the worker has registered
with the master (the master's JSON at ``http://127.0.0.1:<web UI port>/json/``), and
stops both by their process ids when the block ends, whether the test passed or failed:
SIGTERM (the worker then stops its executors), SIGKILL after a grace period, and any
executor the worker left behind, by its id too. Every wait is bounded.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

START_SECONDS = 240.0  # a JVM starts in seconds, but the test machine may be shared and slow
STOP_SECONDS = 30.0


@dataclass
class StandaloneCluster:
    """A running master and worker: the master URL to give ``--spark-master``, and where to look."""

    master: str
    web_ui: str
    folder: Path
    pids: dict[str, int]

    def state(self) -> dict[str, Any]:
        """The master's JSON: workers, applications (active and completed), cores."""
        with urllib.request.urlopen(f"{self.web_ui}/json/", timeout=5) as answer:
            state: dict[str, Any] = json.load(answer)
            return state

    def executor_logs(self) -> list[Path]:
        """The stderr of every executor the worker has run (``work/<app>/<executor>/stderr``)."""
        return sorted((self.folder / "work").glob("app-*/*/stderr"))

    def log(self, name: str) -> str:
        """The last lines of the master's or the worker's log (for failure messages)."""
        path = self.folder / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-15:]) if path.exists() else ""


def free_ports(n: int) -> list[int]:
    """``n`` distinct TCP ports free on 127.0.0.1 now."""
    socks = []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def spark_home() -> Path:
    """The Spark that the installed pyspark carries (``bin/spark-class``, ``jars/``)."""
    import pyspark

    return Path(pyspark.__file__).resolve().parent


@contextlib.contextmanager
def standalone_cluster(folder: Path, *, cores: int = 2, memory: str = "1g") -> Iterator[StandaloneCluster]:
    """Start a master and one worker (``cores``, ``memory``) on 127.0.0.1; stop both when done."""
    home = spark_home()
    spark_class = str(home / "bin" / "spark-class")
    port, ui, worker_port, worker_ui = free_ports(4)
    (folder / "conf").mkdir(parents=True, exist_ok=True)  # empty: no spark-defaults.conf of the machine's
    (folder / "work").mkdir(exist_ok=True)
    env = {
        **os.environ,
        "SPARK_HOME": str(home),
        "SPARK_CONF_DIR": str(folder / "conf"),
        "SPARK_LOCAL_IP": "127.0.0.1",
        "SPARK_LOG_DIR": str(folder),
        "SPARK_WORKER_DIR": str(folder / "work"),
        # no REST submission server: it would take the fixed port 6066, which another run may hold
        "SPARK_MASTER_OPTS": "-Dspark.master.rest.enabled=false",
    }
    env.pop("SPARK_MASTER", None)
    cluster = StandaloneCluster(f"spark://127.0.0.1:{port}", f"http://127.0.0.1:{ui}", folder, {})
    procs: dict[str, subprocess.Popen[bytes]] = {}
    try:
        procs["master"] = _start(folder / "master.log", env, [
            spark_class, "org.apache.spark.deploy.master.Master",
            "--host", "127.0.0.1", "--port", str(port), "--webui-port", str(ui)])
        cluster.pids["master"] = procs["master"].pid
        _wait(lambda: cluster.state().get("status") == "ALIVE", procs, cluster, "the master to start")
        procs["worker"] = _start(folder / "worker.log", env, [
            spark_class, "org.apache.spark.deploy.worker.Worker", cluster.master,
            "--host", "127.0.0.1", "--port", str(worker_port), "--webui-port", str(worker_ui),
            "--cores", str(cores), "--memory", memory, "--work-dir", str(folder / "work")])
        cluster.pids["worker"] = procs["worker"].pid
        _wait(lambda: cluster.state().get("aliveworkers", 0) >= 1, procs, cluster, "the worker to register")
        yield cluster
    finally:
        if "worker" in procs:
            executors = _children(procs["worker"].pid)
            _stop(procs["worker"])
            for pid in executors:  # normally gone with the worker: else stopped here, by id
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        if "master" in procs:
            _stop(procs["master"])


def _start(log: Path, env: dict[str, str], command: list[str]) -> subprocess.Popen[bytes]:
    with open(log, "ab") as sink:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)


def _wait(ready: Any, procs: dict[str, subprocess.Popen[bytes]], cluster: StandaloneCluster, what: str) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        for name, proc in procs.items():
            if proc.poll() is not None:
                raise RuntimeError(f"the Spark {name} exited ({proc.returncode}) while waiting for {what}:\n"
                                   f"{cluster.log(name)}")
        with contextlib.suppress(OSError, ValueError):
            if ready():
                return
        time.sleep(0.5)
    raise RuntimeError(f"waited {START_SECONDS:g} s for {what}:\n{cluster.log('master')}\n{cluster.log('worker')}")


def _children(pid: int) -> list[int]:
    """The processes ``pid`` started (the worker's executors), from /proc."""
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            out += [int(c) for c in (task / "children").read_text().split()]
    return out


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM by id, SIGKILL after STOP_SECONDS."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(STOP_SECONDS)
