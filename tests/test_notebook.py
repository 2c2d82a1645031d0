"""The example notebook runs from top to bottom and shows what it says, and its data is reproducible."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import medsos

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
NOTEBOOK = EXAMPLES / "referrer_analysis.ipynb"
EXPORT = EXAMPLES / "referrers.csv"

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The notebook executed in a fresh kernel of the running interpreter, its cells by id.

    ``python3`` is the kernel that ipykernel installs into the environment; jupyter_client starts it with the
    running interpreter.  A ``python3`` kernel of a user's own (in their home folder) would win over it, so the
    test puts one first on ``JUPYTER_PATH`` that names ``sys.executable``: nothing needs installing.
    """
    kernels = tmp_path_factory.mktemp("jupyter")
    spec = kernels / "kernels" / "python3"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "Python 3", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", str(kernels))
        client = nbclient.NotebookClient(
            notebook, kernel_name="python3", timeout=300, resources={"metadata": {"path": str(EXAMPLES)}}
        )
        client.execute()
    return {cell["id"]: cell for cell in notebook.cells}


def text_of(cell: Any) -> str:
    parts: list[str] = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(output["text"])
        elif "data" in output:
            parts.append(output["data"].get("text/plain", ""))
    return "".join(parts)


def html_of(cell: Any) -> str:
    return "".join(output.get("data", {}).get("text/html", "") for output in cell.get("outputs", []))


def export_rows() -> list[dict[str, str]]:
    with EXPORT.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_notebook_is_stored_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == []
            assert cell.execution_count is None


def test_sessions_by_type(executed: dict[str, Any]) -> None:
    expected: Counter[str] = Counter()
    for row in export_rows():
        platform_type = medsos.classify(row["referrer"], default=None)
        if platform_type is not None:
            expected[platform_type.id] += int(row["sessions"])
    shown = text_of(executed["by-type"])
    assert "social_network" in shown
    for type_id in (str(t) for t in medsos.types):
        match = re.search(rf"^{type_id}\s+(\d+)$", shown, re.MULTILINE)
        assert match is not None, type_id
        assert int(match.group(1)) == expected[type_id], type_id
    labels = text_of(executed["by-type-id"])
    assert all(t.label("id") in labels for t in medsos.types)


def test_top_platforms_and_unknown_share(executed: dict[str, Any]) -> None:
    sessions: Counter[str] = Counter()
    unknown = 0
    total = 0
    for row in export_rows():
        platform = medsos.lookup(row["referrer"], default=None)
        total += int(row["sessions"])
        if platform is None:
            unknown += int(row["sessions"])
        else:
            sessions[platform.name] += int(row["sessions"])
    top = text_of(executed["top"])
    (best, count), *_ = sessions.most_common(1)
    assert re.search(rf"^{re.escape(best)}\s+{count}$", top, re.MULTILINE), top
    assert f"{unknown / total:.1%} of sessions" in text_of(executed["unknown"])
    assert "google.com" in text_of(executed["unknown"])
    lookalike = text_of(executed["lookalike"])
    assert "promo-login" in lookalike
    assert "NaN" in lookalike


def test_typos_are_shown(executed: dict[str, Any]) -> None:
    shown = text_of(executed["typos"])
    assert "Instagarm" in shown
    assert "Instagram" in shown


def test_the_chart_is_an_image(executed: dict[str, Any]) -> None:
    outputs = executed["chart"]["outputs"]
    assert any("image/png" in output.get("data", {}) for output in outputs)


def test_records_display_as_html(executed: dict[str, Any]) -> None:
    assert "Kaskus" in html_of(executed["display-platform"])
    assert "forum.qna" in html_of(executed["display-type"])
    assert "more" in html_of(executed["display-collection"])
    assert "Instagram" in html_of(executed["display-search"])


def test_the_export_is_what_its_script_writes(script: Any, tmp_path: Path) -> None:
    maker = script("examples/make_referrer_export.py")
    out = io.StringIO()
    maker.write(out)
    assert out.getvalue() == EXPORT.read_text(encoding="utf-8")
    # And as a command, to a file.
    target = tmp_path / "export.csv"
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "make_referrer_export.py"), str(target)],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8") == out.getvalue()
