"""The project's other checks, run by the same test command: types, lint, formatting, docs, examples."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str, cwd: Path = ROOT, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: install the test extra, pip install -e '.[test]'")
    return found


def test_mypy_strict() -> None:
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_lint() -> None:
    result = run(tool("ruff"), "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = run(tool("ruff"), "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_docs_build_without_warnings(tmp_path: Path) -> None:
    result = run(
        sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", "docs", str(tmp_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "taxonomy.html").exists()


@pytest.mark.parametrize("script", sorted((ROOT / "examples").glob("*.py")), ids=lambda p: p.name)
def test_example_runs(script: Path, tmp_path: Path) -> None:
    result = run(sys.executable, str(script), cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def test_import_reads_no_data_and_imports_nothing_heavy(tmp_path: Path) -> None:
    code = (
        "import sys, medsos\n"
        "heavy = [m for m in ('attrs', 'cattrs', 'json', 'typing', 'medsos._dataset') if m in sys.modules]\n"
        "print(heavy)\n"
        "medsos.classify('Quora')\n"
        "print('cattrs' in sys.modules)\n"
        "medsos.lookup('Quora')\n"
        "print('cattrs' in sys.modules)\n"
    )
    result = run(sys.executable, "-c", code, cwd=tmp_path)
    # The first classify of a name needs the types but no platform record, so cattrs waits for lookup().
    assert result.stdout.split() == ["[]", "False", "True"], result.stderr


def test_submodule_imports_do_not_shadow_the_shared_registry(tmp_path: Path) -> None:
    code = "import medsos._registry, medsos._dataset, medsos._text, medsos\nprint(len(medsos.platforms) > 0, medsos.classify('Quora'))"
    result = run(sys.executable, "-c", code, cwd=tmp_path)
    assert result.stdout.split() == ["True", "forum"], result.stderr


def test_wheel_works_zipped(tmp_path: Path) -> None:
    # The data is read through the package's own loader, so medsos runs from a zip file too.
    result = run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), "."
    )
    if result.returncode != 0:
        result = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), ".")
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = tmp_path.glob("medsos-*.whl")
    env = {**os.environ, "PYTHONPATH": str(wheel)}
    code = "import medsos; print(medsos.__file__.endswith('.py'), medsos.classify('Quora'), len(medsos.platforms))"
    check = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(wheel)!r}); {code}"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr
    assert check.stdout.split()[:2] == ["True", "forum"]


def test_version_is_written_once() -> None:
    import medsos

    assert "0.1.0" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    from importlib.metadata import version

    assert version("medsos") == medsos.__version__
    assert f"## [{medsos.__version__}]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
