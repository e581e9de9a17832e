"""The layout keeps its promises: one-way imports, no circles, no private names across modules, short modules.

Data flows one way (README, "How the code is laid out"):

    model <- readwrite <- analysis <- risk <- events / extract / backtesting <- draw / report <- cli

A module may import from its own layer and the layers below it, never above. Every
import counts: at the top of a file, inside a function, and under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "alliances"
MAX_LINES = 700

# layer of each top-level part of the package; the model is the package's own top-level modules
LAYERS = {
    "model": 0,
    "readwrite": 1,
    "analysis": 2,
    "risk": 3,
    "events": 4,
    "extract": 4,
    "backtesting": 4,
    "draw": 5,
    "report": 5,
    "cli": 6,
}


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _layer(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1 or (len(parts) == 2 and parts[1] not in LAYERS):
        return LAYERS["model"]
    return LAYERS[parts[1]]


def _imports(module: str, path: Path | None = None) -> list[tuple[str, str, int]]:
    """(imported module, imported name or '', line) for every import in ``module``."""
    path = path or MODULES[module]
    is_pkg = path.name == "__init__.py"
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, "", node.lineno) for a in node.names if a.name.split(".")[0] == "alliances"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".") if is_pkg else module.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "alliances":
                continue
            for a in node.names:
                sub = f"{target}.{a.name}"
                if sub in MODULES:
                    out.append((sub, "", node.lineno))
                else:
                    out.append((target, a.name, node.lineno))
    return out


def _related(a: str, b: str) -> bool:
    """A package and its own submodules (an ``__init__`` re-exporting its modules is not a circle)."""
    return a.startswith(b + ".") or b.startswith(a + ".")


def test_no_upward_import():
    bad = []
    for module in MODULES:
        for target, name, line in _imports(module):
            if target in MODULES and _layer(target) > _layer(module):
                bad.append(f"{module}:{line} imports {target}{'.' + name if name else ''} from a layer above")
    assert bad == []


def test_no_private_name_from_another_module():
    bad = []
    for module in MODULES:
        for target, name, line in _imports(module):
            if name.startswith("_") and not name.startswith("__") and target != module:
                bad.append(f"{module}:{line} imports the private name {name} from {target}")
            if target == "alliances" and name.startswith("_") and name != "__version__":
                bad.append(f"{module}:{line} reaches into the package's private {name}")
    assert bad == []


def test_no_import_circle():
    graph = {m: {t for t, _, _ in _imports(m) if t in MODULES and t != m and not _related(t, m)} for m in MODULES}
    circles = []
    # Tarjan's strongly connected components, iteratively
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on: set[str] = set()
    stack: list[str] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph.get(w, ())))))
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    if len(comp) > 1:
                        circles.append(" <-> ".join(sorted(comp)))
    assert circles == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_is_short(module):
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines (at most {MAX_LINES})"


def test_every_module_declares_its_public_names():
    missing = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defines_public = any(
            isinstance(n, ast.FunctionDef | ast.ClassDef) and not n.name.startswith("_") for n in tree.body
        )
        has_all = any(
            isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in n.targets)
            for n in tree.body
        )
        if defines_public and not has_all:
            missing.append(module)
    assert missing == []


def test_no_module_named_like_a_public_function():
    import alliances

    public = set(alliances.__all__)
    clashes = [m for m in MODULES if m.split(".")[-1] in public]
    assert clashes == []


def test_the_check_can_fail(tmp_path):
    """The walk sees an upward import inside a function, under TYPE_CHECKING, and a private name."""
    planted = tmp_path / "planted.py"
    planted.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from .draw import draw_network\n"
        "def f():\n    from .cli._common import _x\n",
        encoding="utf-8",
    )
    found = _imports("alliances.planted", planted)
    assert ("alliances.cli._common", "_x", 5) in found
    assert ("alliances.draw", "draw_network", 3) in found
    assert _layer("alliances.cli._common") > _layer("alliances.planted")


def _unshipped(package: Path, globs: list[str]) -> list[str]:
    """Files inside the package that no package-data glob names (they would be missing from a wheel)."""
    from fnmatch import fnmatch

    files = (p.relative_to(package).as_posix() for p in package.rglob("*")
             if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts)
    return sorted(f for f in files if not any(fnmatch(f, g) for g in globs))


def test_every_data_file_is_shipped():
    """A data file the code reads (the cue lexicon, the risk model, the schema...) is in the wheel."""
    import tomllib

    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text("utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["alliances"]
    assert _unshipped(PACKAGE, globs) == []
    assert _unshipped(PACKAGE, [g for g in globs if not g.startswith("extract/")]) == ["extract/cues.yaml"]
