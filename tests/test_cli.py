"""The command line, in process and as a real subprocess."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

import medsos
from medsos._cli import main


def run(*argv: str, stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out, stdin=io.StringIO(stdin))
    return status, out.getvalue()


def test_classify_prints_one_line_per_input() -> None:
    status, output = run("classify", "Quora", "kaskus.co.id")
    assert status == 0
    lines = output.splitlines()
    assert len(lines) == 2
    assert lines[0].split("\t")[:3] == ["Quora", "Quora", "forum"]
    assert lines[1].split("\t")[:3] == ["kaskus.co.id", "Kaskus", "forum"]


def test_classify_in_indonesian() -> None:
    _, output = run("classify", "--lang", "id", "Facebook")
    assert output.strip().endswith("Jejaring sosial")


def test_unknown_input_gives_exit_status_1() -> None:
    status, output = run("classify", "Quora", "qwzxv")
    assert status == 1
    assert output.splitlines()[1] == "qwzxv\tunknown"


def test_json_output() -> None:
    status, output = run("classify", "--json", "https://youtu.be/x", "qwzxv")
    assert status == 1
    first, second = (json.loads(line) for line in output.splitlines())
    assert first["platform"] == "youtube"
    assert first["type"] == "media_sharing"
    assert first["matched_by"] == "short_domain"
    assert second == {"input": "qwzxv", "platform": None}


def test_reads_stdin_when_no_inputs_one_row_per_line() -> None:
    status, output = run("classify", stdin="Quora\n\nfb\n  \n")
    assert status == 1
    assert [line.split("\t")[1] for line in output.splitlines()] == [
        "Quora",
        "unknown",
        "Facebook",
        "unknown",
    ]


def test_tabs_in_input_do_not_break_columns() -> None:
    _, output = run("classify", "Quora\tnope")
    assert output.splitlines() == ["Quora\\tnope\tunknown"]


def test_search_limit_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        run("search", "fb", "--limit", "-1")
    assert info.value.code == 2
    assert "at least 1" in capsys.readouterr().err


def test_no_fuzzy_flag() -> None:
    assert run("classify", "Instagarm")[0] == 0
    assert run("classify", "--no-fuzzy", "Instagarm")[0] == 1


def test_search_and_types() -> None:
    status, output = run("search", "Instagarm")
    assert status == 0
    assert output.splitlines()[0].split("\t")[1] == "Instagram"
    status, output = run("types")
    assert status == 0
    assert [line.split("\t")[0] for line in output.splitlines() if not line.startswith(" ")] == [
        t.id for t in medsos.types
    ]


def test_version_names_the_dataset() -> None:
    status, output = run("--version")
    assert status == 0
    assert medsos.__version__ in output
    assert medsos.DATASET_VERSION in output


def test_no_command_prints_help() -> None:
    status, output = run()
    assert status == 2
    assert "classify" in output


@pytest.mark.parametrize("module", [True, False])
def test_real_process_survives_unprintable_input(module: bool) -> None:
    command = (
        [sys.executable, "-m", "medsos"]
        if module
        else [sys.executable, "-c", "import medsos._cli as c, sys; sys.exit(c.main())"]
    )
    result = subprocess.run(
        [*command, "classify", "Quora", "\udcff bad"],
        capture_output=True,
        text=True,
        errors="backslashreplace",
        check=False,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[0].split("\t")[2] == "forum"
    assert "Traceback" not in result.stderr


def run_process(*argv: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "medsos", *argv]
    return subprocess.run(command, input=stdin, capture_output=True, env=env, timeout=120, check=False)


def test_invalid_utf8_on_stdin_gives_unknown_rows_not_a_crash() -> None:
    result = run_process("classify", stdin=b"fb\n\xff\nig\n")
    assert b"Traceback" not in result.stderr
    rows = [line.split(b"\t") for line in result.stdout.splitlines()]
    assert [row[1] for row in rows] == [b"Facebook", b"unknown", b"Instagram"]
    assert result.returncode == 1


def test_a_closed_pipe_ends_quietly() -> None:
    # Far more output than a pipe buffers, so that the writer meets the closed pipe.
    command = f"yes fb | head -100000 | {sys.executable} -m medsos classify | head -1"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=120, check=False)
    assert result.stdout == "fb\tFacebook\tsocial_network\tSocial network\n"
    assert "Traceback" not in result.stderr


def test_control_characters_are_escaped() -> None:
    _, output = run("classify", "a\x1b[31mb\u2028c")
    assert output == "a\\u001b[31mb\\u2028c\tunknown\n"


def shell(command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command.replace("MEDSOS", f"{sys.executable} -m medsos")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("command", "said"),
    [
        ("MEDSOS classify <&-", "no input"),
        ("MEDSOS classify fb >&-", "standard output is closed"),
        ("MEDSOS --help >&-", "standard output is closed"),
        ("exec 3>/dev/null; MEDSOS classify <&3", "cannot read the input"),
        ("MEDSOS classify --lang xx 2>&-", ""),
        pytest.param(
            "MEDSOS --help > /dev/full",
            "No space left",
            marks=pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full"),
        ),
        pytest.param(
            "MEDSOS classify fb > /dev/full",
            "No space left",
            marks=pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full"),
        ),
    ],
)
def test_closed_or_full_streams_give_a_clear_error(command: str, said: str) -> None:
    result = shell(command)
    assert result.returncode == 2
    assert said in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_closed_pipe_keeps_the_status_of_what_was_read() -> None:
    result = shell(
        "{ echo qwzxv; yes fb | head -100000; } | MEDSOS classify | head -1; exit ${PIPESTATUS[1]}"
    )
    assert result.stdout == "qwzxv\tunknown\n"
    assert result.returncode == 1, result.stderr


def test_undecodable_bytes_are_shown_unmistakably() -> None:
    result = run_process("classify", "--json", stdin=b"a\xffb\na\\xffb\n")
    # JSON holds text only: a byte that was not UTF-8 is U+FFFD there, so it cannot pass for the text "\xff".
    assert [json.loads(line)["input"] for line in result.stdout.splitlines()] == ["a\ufffdb", "a\\xffb"]
    result = run_process("classify", stdin=b"a\xffb\n")
    assert result.stdout == b"a\\xffb\tunknown\n"


def test_lines_ending_in_a_lone_cr_are_rows() -> None:
    result = run_process("classify", stdin=b"fb\rig\ryt")
    assert [row.split(b"\t")[1] for row in result.stdout.splitlines()] == [
        b"Facebook",
        b"Instagram",
        b"YouTube",
    ]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_status_2_even_when_standard_error_is_full() -> None:
    assert shell("MEDSOS classify facebook > /dev/full 2> /dev/full").returncode == 2


def test_help_to_a_reader_that_has_gone_ends_quietly() -> None:
    result = shell("(sleep 0.5; MEDSOS --help; echo $? >&2) | true")
    assert result.stderr.strip() == "0"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("buffering", ["env -u PYTHONUNBUFFERED", "env PYTHONUNBUFFERED=1"])
@pytest.mark.parametrize("command", ["MEDSOS bogus", "MEDSOS classify --lang xx Quora"])
def test_usage_errors_give_status_2_even_when_standard_error_is_full(buffering: str, command: str) -> None:
    assert shell(f"{buffering} {command} 2> /dev/full").returncode == 2


def test_no_command_gives_status_2_even_to_a_reader_that_has_gone() -> None:
    result = shell("(sleep 0.5; MEDSOS; echo $? >&2) | true")
    assert result.stderr.strip() == "2"


def test_json_rows_hold_no_raw_line_separators() -> None:
    status, output = run("classify", "--json", "a\u2028b\u2029c\x85d")
    assert status == 1
    assert output.splitlines() == [output.rstrip("\n")]
    assert json.loads(output)["input"] == "a\u2028b\u2029c\x85d"
