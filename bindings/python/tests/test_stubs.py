"""The type stubs match the module: stubtest (mypy) compares every stub with what the module
has at run time, the generated register stub is fresh, and the package type-checks strictly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=PACKAGE, capture_output=True, text=True, check=False
    )


def test_stubs_match_the_module() -> None:
    done = run("-m", "mypy.stubtest", "klantinteracties")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_register_stub_is_fresh() -> None:
    done = run("tools/generate_stubs.py", "--check")
    assert done.returncode == 0, done.stderr


def test_the_package_type_checks_strictly() -> None:
    done = run("-m", "mypy", "--strict", "python/klantinteracties", "tools")
    assert done.returncode == 0, done.stdout + done.stderr
