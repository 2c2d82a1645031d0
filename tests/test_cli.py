"""The command line, in process and as a real subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# --- Long input: de-duplication, exit statuses, CSV files, progress, Ctrl-C -------------------------------------

ADDED = ["platform_id", "platform", "type", "subtype"]


def expected_cells(value: str) -> list[str]:
    """The cells --csv adds for ``value``, from what medsos.lookup says of it."""
    platform = medsos.lookup(value, default=None) if value else None
    if platform is None:
        return ["", "", "", ""]
    return [platform.id, platform.name, platform.type.id, platform.subtype.id]


def run_csv(data: str, *argv: str) -> tuple[int, str]:
    return run("classify", "--csv", "-", *argv, stdin=data)


def test_each_distinct_value_is_matched_once(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    original = medsos.Registry.match

    def counting(self: medsos.Registry, text: str, *, fuzzy: bool = True) -> medsos.Match | None:
        seen.append(text)
        return original(self, text, fuzzy=fuzzy)

    monkeypatch.setattr(medsos.Registry, "match", counting)
    lines = ["fb", "Quora", "qwzxv", "fb", "", "Quora", "fb", "qwzxv", ""] * 50
    status, output = run("classify", stdin="".join(line + "\n" for line in lines))
    assert status == 1
    assert len(output.splitlines()) == len(lines)
    assert sorted(seen) == sorted(set(lines))
    seen.clear()
    table = "n,site\n" + "".join(f"{i},{line}\n" for i, line in enumerate(lines))
    status, output = run_csv(table, "--column", "site")
    assert len(list(csv.reader(io.StringIO(output)))) == len(lines) + 1
    assert sorted(seen) == sorted(set(lines) - {""})  # an empty cell is unknown without asking


def test_repeated_values_give_the_same_rows_as_single_ones() -> None:
    _, once = run("classify", "--json", stdin="fb\nqwzxv\nInstagarm\n")
    _, repeated = run("classify", "--json", stdin="fb\nqwzxv\nInstagarm\n" * 3)
    assert repeated == once * 3


@pytest.mark.parametrize("mode", ["lines", "arguments", "csv"])
def test_allow_unknown_gives_status_0_for_unknown_input(mode: str) -> None:
    def status(*flags: str) -> int:
        if mode == "lines":
            return run("classify", *flags, stdin="fb\nqwzxv\n")[0]
        if mode == "arguments":
            return run("classify", *flags, "fb", "qwzxv")[0]
        return run_csv("site\nfb\nqwzxv\n\n", "--column", "site", *flags)[0]

    assert status() == 1
    assert status("--allow-unknown") == 0
    assert run("classify", "--allow-unknown", "fb")[0] == 0


def test_csv_round_trip_keeps_every_cell_and_adds_columns() -> None:
    rows = [
        ["date", "referrer", "note"],
        ["2026-12-01", "https://l.facebook.com/l.php?u=x", 'has, a comma and "quotes"'],
        ["2026-12-02", "qwzxv", "two\nlines"],
        ["2026-12-03", "", "empty referrer"],
        ["2026-12-04", "IG", "tab\tand\r\ncrlf"],
    ]
    source = io.StringIO()
    csv.writer(source).writerows(rows)
    status, output = run_csv(source.getvalue(), "--column", "referrer")
    assert status == 1  # qwzxv and the empty cell are unknown
    got = list(csv.reader(io.StringIO(output)))
    assert got[0] == [*rows[0], *ADDED]
    assert got[1:] == [[*row, *expected_cells(row[1])] for row in rows[1:]]
    assert got[1][3] == "facebook"
    assert got[3][3:] == ["", "", "", ""]
    # Each record's text is kept as it was, quotes and line endings included.
    records = source.getvalue().split("\r\n")
    assert output.startswith(records[0] + ",")
    assert records[1] + "," in output


def test_csv_header_with_a_byte_order_mark() -> None:
    status, output = run_csv("\ufeffsite,n\r\nfb,1\r\n", "--column", "site")
    assert status == 0
    fb = ",".join(expected_cells("fb"))
    assert output == f"\ufeffsite,n,platform_id,platform,type,subtype\r\nfb,1,{fb}\r\n"


def test_csv_a_missing_column_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, output = run_csv("date,site\n1,fb\n", "--column", "referrer")
    assert status == 2
    assert output == ""
    error = capsys.readouterr().err
    assert len(error.splitlines()) == 1
    assert "'referrer'" in error
    assert "'date', 'site'" in error


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--column", "x", "fb"], "--column goes with --csv"),
        (["--csv", "-"], "needs --column"),
        (["--csv", "-", "--column", "x", "fb"], "not both"),
        (["--csv", "-", "--column", "x", "--json"], "--json"),
        (["--csv", "-", "--column", "x", "--delimiter", ";;"], "one character"),
    ],
)
def test_csv_option_mistakes_are_usage_errors(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        run("classify", *argv)
    assert info.value.code == 2
    assert said in capsys.readouterr().err


def test_csv_added_columns_that_clash_need_a_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    table = "type,site\nvisit,fb\n"
    assert run_csv(table, "--column", "site") == (2, "")
    assert "--prefix" in capsys.readouterr().err
    status, output = run_csv(table, "--column", "site", "--prefix", "medsos_")
    assert status == 0
    assert next(csv.reader(io.StringIO(output))) == ["type", "site", *("medsos_" + name for name in ADDED)]


def test_csv_labels_in_a_language() -> None:
    _, output = run_csv("site\nfb\n", "--column", "site", "--lang", "id")
    header, row = csv.reader(io.StringIO(output))
    facebook = medsos.lookup("fb")
    assert header[-2:] == ["type_label", "subtype_label"]
    assert row[-2:] == [facebook.type.label("id"), facebook.subtype.label("id")]


def test_csv_delimiter_is_guessed_from_the_header_or_given() -> None:
    _, output = run_csv("n;site\n1;fb\n", "--column", "site")
    assert output.splitlines()[1].split(";")[:3] == ["1", "fb", "facebook"]
    _, output = run_csv("n\tsite\n1\tfb\n", "--column", "site", "--delimiter", "tab")
    assert output.splitlines()[1].split("\t")[:3] == ["1", "fb", "facebook"]


def test_csv_short_rows_are_padded_and_long_rows_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status, output = run_csv("a,site,b\n1,fb\n\n2\n", "--column", "site")
    assert status == 1
    rows = list(csv.reader(io.StringIO(output)))
    assert rows[1] == ["1", "fb", "", *expected_cells("fb")]
    assert rows[2] == []  # a blank line stays a blank line
    assert rows[3] == ["2", "", "", "", "", "", ""]
    status, output = run_csv("a,site\n1,fb\n2,fb,extra\n", "--column", "site")
    assert status == 2
    assert output.splitlines()[1].startswith("1,fb,facebook")  # the rows before it are written
    assert "line 3" in capsys.readouterr().err


def test_csv_a_quote_left_open_at_the_end_of_the_file() -> None:
    _, output = run_csv('site,note\nfb,"never closed\nfb', "--column", "site")
    rows = list(csv.reader(io.StringIO(output)))
    assert rows[1] == ["fb", "never closed\nfb", *expected_cells("fb")]


def test_csv_empty_input_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_csv("", "--column", "site") == (2, "")
    assert "empty" in capsys.readouterr().err


def test_csv_file_and_stdin_give_the_same_bytes(tmp_path: Path) -> None:
    # Line endings (LF, CRLF, a lone CR, inside quotes too) and bytes that are not UTF-8 pass unchanged.
    data = b'site,note\r\nfb,"caf\xe9\r\nx"\nqwzxv,\xff\rIG,\xc3\xa9\r\n'
    path = tmp_path / "log.csv"
    path.write_bytes(data)
    from_file = run_process("classify", "--csv", str(path), "--column", "site")
    from_stdin = run_process("classify", "--csv", "-", "--column", "site", stdin=data)
    assert from_file.returncode == from_stdin.returncode == 1
    assert from_file.stdout == from_stdin.stdout
    assert from_file.stderr == b""
    fb, ig = (",".join(expected_cells(v)).encode() for v in ("fb", "IG"))
    assert from_file.stdout == (
        b"site,note,platform_id,platform,type,subtype\r\n"
        b'fb,"caf\xe9\r\nx",' + fb + b"\nqwzxv,\xff,,,,\rIG,\xc3\xa9," + ig + b"\r\n"
    )


def test_csv_file_that_cannot_be_read(tmp_path: Path) -> None:
    result = run_process("classify", "--csv", str(tmp_path / "nope.csv"), "--column", "site")
    assert result.returncode == 2
    assert b"cannot read" in result.stderr
    assert b"Traceback" not in result.stderr


def test_lang_is_checked_against_the_data(capsys: pytest.CaptureFixture[str]) -> None:
    known = tuple(next(iter(medsos.types)).labels)
    for command in ("classify", "types"):
        with pytest.raises(SystemExit) as info:
            run(command, "--lang", "xx")
        assert info.value.code == 2
        error = capsys.readouterr().err
        assert "'xx'" in error
        assert all(code in error for code in known)
    for code in known:
        status, output = run("classify", "--lang", code, "Facebook")
        assert status == 0
        assert output.rstrip("\n").endswith(medsos.lookup("Facebook").type.label(code))


lines_without_breaks = st.lists(st.text(st.characters(blacklist_characters="\r\n"), max_size=30), max_size=20)


@settings(max_examples=60, deadline=None)
@given(lines_without_breaks)
def test_any_lines_give_one_row_each_in_order_as_lookup_says(lines: list[str]) -> None:
    _, output = run("classify", "--json", stdin="".join(line + "\n" for line in lines))
    rows = [json.loads(row) for row in output.split("\n")[:-1]]
    # JSON holds text only: lone surrogates (bytes that were not UTF-8, on real input) are U+FFFD there.
    as_text = ["".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in line) for line in lines]
    assert [row["input"] for row in rows] == as_text
    expected = [medsos.lookup(line, default=None) for line in lines]
    assert [row["platform"] for row in rows] == [p.id if p else None for p in expected]
    _, output = run("classify", stdin="".join(line + "\n" for line in lines))
    names = [row.split("\t")[1] for row in output.split("\n")[:-1]]
    assert names == [p.name if p else "unknown" for p in expected]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=12), st.text(max_size=30)), max_size=15))
def test_any_csv_round_trips_with_cells_as_lookup_says(rows: list[tuple[str, str]]) -> None:
    source = io.StringIO()
    csv.writer(source).writerows([("note", "site"), *rows])
    _, output = run_csv(source.getvalue(), "--column", "site")
    got = list(csv.reader(io.StringIO(output)))
    assert got[0] == ["note", "site", *ADDED]
    # A row of one empty cell is written as "" by the csv module, and read back as such.
    assert got[1:] == [[note, site, *expected_cells(site)] for note, site in rows]


def test_ctrl_c_in_process_gives_status_130(capsys: pytest.CaptureFixture[str]) -> None:
    class Interrupted(io.StringIO):
        # Ctrl-C while waiting for the next line.
        def __iter__(self) -> Interrupted:  # type: ignore[override]
            return self

        def __next__(self) -> str:  # type: ignore[override]
            raise KeyboardInterrupt

    for argv in (["classify"], ["classify", "--csv", "-", "--column", "site"]):
        out = io.StringIO()
        assert main(argv, out=out, stdin=Interrupted()) == 130
        assert capsys.readouterr().err == "medsos: interrupted\n"


def interruptible(*argv: str, **options: Any) -> subprocess.Popen[bytes]:
    # Started with the default SIGINT disposition whatever the test runner's, so that Python turns it into
    # KeyboardInterrupt.
    def default_sigint() -> None:
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    return subprocess.Popen(
        [sys.executable, "-m", "medsos", *argv],
        stderr=subprocess.PIPE,
        preexec_fn=default_sigint,  # noqa: PLW1509
        **options,
    )


def wait_readable(stream: IO[bytes]) -> None:
    assert select.select([stream], [], [], 60)[0], "no output within 60 s"


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="needs POSIX signals")
@pytest.mark.parametrize("argv", [["classify"], ["classify", "--csv", "-", "--column", "site"]])
def test_ctrl_c_while_reading_a_pipe_that_stays_open(argv: list[str]) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = interruptible(*argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    assert process.stdin is not None
    assert process.stdout is not None
    assert process.stderr is not None
    try:
        process.stdin.write(b"site\nfb\n")
        process.stdin.flush()
        wait_readable(process.stdout)
        first = process.stdout.readline()  # it has classified what it was given, and waits for more
        assert first.startswith(b"site" if "--csv" in argv else b"site\tunknown")
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 130
        assert process.stderr.read() == b"medsos: interrupted\n"
    finally:
        process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            stream.close()


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="needs POSIX signals")
def test_ctrl_c_while_writing_to_a_reader_that_does_not_read(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_text("fb\n" * 200_000, encoding="utf-8")
    with path.open("rb") as source:
        process = interruptible("classify", stdin=source, stdout=subprocess.PIPE)
        assert process.stdout is not None
        assert process.stderr is not None
        wait_readable(process.stdout)
        time.sleep(0.5)  # far more output than a pipe holds: it is blocked writing
        process.send_signal(signal.SIGINT)
        written, errors = process.communicate(timeout=60)
    assert process.returncode == 130
    assert errors == b"medsos: interrupted\n"
    assert len(written) < len(b"fb\tFacebook\tsocial_network\tSocial network\n") * 200_000


LONG_INPUT = b"fb\nqwzxv\nhttps://youtu.be/x\n" * 5000


def test_no_progress_bar_when_standard_error_is_not_a_terminal() -> None:
    result = run_process("classify", stdin=LONG_INPUT)
    assert result.returncode == 1
    assert result.stderr == b""
    assert result.stdout.count(b"\n") == 15000


def test_progress_can_be_asked_for_and_does_not_touch_the_output() -> None:
    plain = run_process("classify", "--no-progress", stdin=LONG_INPUT)
    shown = run_process("classify", "--progress", stdin=LONG_INPUT)
    assert shown.stdout == plain.stdout
    assert plain.stderr == b""
    assert b"rows" in shown.stderr


def test_progress_without_tqdm_is_no_error() -> None:
    command = "import sys; sys.modules['tqdm'] = None; import medsos._cli as c; sys.exit(c.main())"
    for flag, said in (("--progress", b"tqdm"), ("--no-progress", b"")):
        result = subprocess.run(
            [sys.executable, "-c", command, "classify", flag],
            input=LONG_INPUT,
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 1
        assert result.stdout.count(b"\n") == 15000
        assert said in result.stderr
        assert b"Traceback" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "openpty") or os.name != "posix", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("argv", [[], ["--csv", "-", "--column", "site"]])
def test_progress_bar_by_default_when_standard_error_is_a_terminal(tmp_path: Path, argv: list[str]) -> None:
    path = tmp_path / "lines.txt"
    path.write_bytes(b"site\n" + LONG_INPUT * 4)
    import fcntl
    import struct
    import termios

    controller, terminal = os.openpty()
    # A terminal of 24 rows and 80 columns: a new pseudo-terminal has no size, where tqdm draws nothing.
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    try:
        with path.open("rb") as source:
            process = subprocess.Popen(
                [sys.executable, "-m", "medsos", "classify", *argv],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=terminal,
            )
            assert process.stdin is not None
            process.stdin.write(source.read(100_000))
            process.stdin.flush()
            time.sleep(1)  # the bar shows once the input has taken longer than a moment
            process.stdin.write(source.read())
            process.stdin.close()
        assert process.wait(timeout=120) == 1
        os.close(terminal)
        terminal = -1
        shown = b""
        while select.select([controller], [], [], 1)[0]:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal's other end is closed
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
        if terminal >= 0:
            os.close(terminal)
    assert b"rows" in shown
    assert b"Traceback" not in shown


def test_progress_of_a_file_counts_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_bytes(b"site\n" + LONG_INPUT)
    result = run_process("classify", "--progress", "--csv", str(path), "--column", "site")
    assert result.returncode == 1
    assert result.stdout.count(b"\n") == 15001
    assert b"100%" in result.stderr  # out of the file's size, read once
    assert b"15,000 rows" in result.stderr


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="needs POSIX signals")
def test_ctrl_c_keeps_every_row_classified_so_far_in_an_output_file(tmp_path: Path) -> None:
    row = b"fb\tFacebook\tsocial_network\tSocial network\n"
    rows = 10_000
    path = tmp_path / "out.tsv"
    with path.open("wb") as output:
        env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
        process = interruptible("classify", stdin=subprocess.PIPE, stdout=output, env=env)
        assert process.stdin is not None
        assert process.stderr is not None
        try:
            process.stdin.write(b"fb\n" * rows)
            process.stdin.flush()
            deadline = time.monotonic() + 60
            # All but the last buffer's worth reach the file while medsos waits for more input.
            while path.stat().st_size < len(row) * rows - 65536 and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(0.3)
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=60) == 130
            assert process.stderr.read() == b"medsos: interrupted\n"
        finally:
            process.kill()
            process.wait()
            process.stdin.close()
            process.stderr.close()
    assert path.read_bytes() == row * rows
