"""The public surface: what `import alliances` offers and what it does not load."""

import subprocess
import sys

import alliances


def test_all_is_sorted_and_every_name_resolves():
    assert alliances.__all__ == sorted(alliances.__all__)
    for name in alliances.__all__:
        assert getattr(alliances, name) is not None, name


def test_import_is_light():
    code = "import sys, alliances; alliances.load; print(sorted(m for m in ('pgmpy', 'matplotlib', 'pandas') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_version_matches_metadata():
    from importlib.metadata import version

    assert alliances.__version__ == version("alliances")


def test_public_functions_are_not_shadowed_by_submodules():
    """Importing every submodule first must not turn a public function into a module.

    Python sets ``package.child = module`` when a submodule is imported, so a public
    name equal to a submodule's name (``alliances.export`` once was) breaks as soon as
    anything imports that submodule.
    """
    code = """
import importlib, pkgutil, types, alliances
for info in pkgutil.walk_packages(alliances.__path__, "alliances."):
    importlib.import_module(info.name)
bad = [n for n in alliances.__all__ if isinstance(getattr(alliances, n), types.ModuleType)]
print(bad)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
