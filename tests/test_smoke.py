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
