"""The analysis library is pure: importing every module of it loads no Django."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import kerne.analysis

ROOT = Path(__file__).resolve().parents[3]


def test_no_analysis_module_imports_django() -> None:
    modules = [
        m.name
        for m in pkgutil.walk_packages(kerne.analysis.__path__, "kerne.analysis.")
        if ".tests" not in m.name
    ]
    assert len(modules) > 10
    program = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "assert not loaded, loaded[:5]\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
