"""The ``medsos`` command: classify names, URLs and app ids from the shell, one per line or a CSV column."""

from __future__ import annotations

import argparse
import contextlib
import csv
import importlib
import io
import json
import os
import re
import stat
import sys
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

import medsos

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from _typeshed import SupportsWrite

    from medsos._registry import Registry
    from medsos._results import Match

__all__ = ["main"]

#: The exit status after Ctrl-C (SIGINT), as shells report a command that SIGINT ended: 128 + 2.
_INTERRUPTED = 130
#: The de-duplication cache is cleared when it holds this many distinct values, or this many characters, so that
#: input of any size runs in bounded memory.
_CACHE_ENTRIES = 100_000
_CACHE_CHARS = 64_000_000
#: The columns ``--csv`` adds, before any ``--prefix``; the label columns only with ``--lang``.
_CSV_COLUMNS = ("platform_id", "platform", "type", "subtype")
_CSV_LABEL_COLUMNS = ("type_label", "subtype_label")
#: The delimiters a CSV header is checked for when ``--delimiter`` is not given.
_DELIMITERS = (",", ";", "\t", "|")
#: How many rows go by between two updates of the progress bar.
_PROGRESS_EVERY = 1024


class _Parser(argparse.ArgumentParser):
    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        # argparse drops write errors; a full disk must be reported, not end in silence with status 0.
        (file or sys.stdout).write(self.format_help())

    def error(self, message: str) -> NoReturn:
        if sys.stderr is None:  # argparse would write the usage to standard output, among the data
            raise SystemExit(2)
        super().error(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="medsos",
        description="Which social media platform is this, and what type of social media is it?",
    )
    parser.add_argument("--version", action="store_true", help="print the package and dataset versions")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    classify = commands.add_parser(
        "classify",
        help="print the platform and type of each input, or of each row of a CSV column",
        description="Print one line per input: the input, the platform it names and the platform's type; or, "
        "with --csv, write the CSV back with the platform and type of one column's cells added. Exits with "
        "status 1 when any input is unknown, unless --allow-unknown is given.",
    )
    classify.add_argument(
        "inputs", nargs="*", metavar="TEXT", help="names, URLs, hostnames or app ids; '-' or none reads stdin"
    )
    classify.add_argument("--json", action="store_true", help="print one JSON object per line")
    classify.add_argument(
        "--lang",
        metavar="LANG",
        help="language of type labels: a language code such as en or id (default en)",
    )
    classify.add_argument("--no-fuzzy", action="store_true", help="do not forgive typos in names")
    classify.add_argument(
        "--allow-unknown", action="store_true", help="exit with status 0 even when some input is unknown"
    )
    classify.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        help="show a progress bar on standard error (needs tqdm: pip install 'medsos[progress]'); by default "
        "shown when standard error is a terminal and standard output is not",
    )
    files = classify.add_argument_group("CSV files")
    files.add_argument(
        "--csv", metavar="FILE", help="classify a column of this CSV file ('-' reads stdin) and write it back"
    )
    files.add_argument("--column", metavar="NAME", help="the column to classify, by its name in the header")
    files.add_argument(
        "--delimiter",
        metavar="CHAR",
        help="the cell delimiter, one character ('tab' or '\\t' for a tab); by default whichever of , ; tab | "
        "the header line holds most often",
    )
    files.add_argument(
        "--prefix", metavar="TEXT", help="a prefix for the names of the added columns, such as medsos_"
    )
    classify.set_defaults(command_parser=classify)

    search = commands.add_parser("search", help="print ranked candidates for a text")
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--limit", type=_limit, default=5, help="how many candidates at most (default 5)")
    search.add_argument("--json", action="store_true", help="print one JSON object per line")

    types = commands.add_parser("types", help="list the six types of social media and their subtypes")
    types.add_argument("--lang", metavar="LANG", help="language of labels: a language code such as en or id")
    types.set_defaults(command_parser=types)
    return parser


def _languages() -> tuple[str, ...]:
    """The language codes that every type and subtype has labels in, as the dataset says."""
    return medsos.types.languages


def _check(args: argparse.Namespace) -> None:
    """Usage errors that argparse cannot see: combinations of options, and languages the data does not have."""
    parser: argparse.ArgumentParser | None = getattr(args, "command_parser", None)
    if parser is None:
        return
    if args.lang is not None:
        known = _languages()
        if args.lang not in known:
            parser.error(f"unknown language {args.lang!r} for --lang; known: {', '.join(known)}")
    if args.command != "classify":
        return
    if args.csv is None:
        for option in ("column", "delimiter", "prefix"):
            if getattr(args, option) is not None:
                parser.error(f"--{option} goes with --csv FILE")
        return
    if args.inputs:
        parser.error("give TEXT arguments or --csv FILE, not both")
    if args.json:
        parser.error("--json does not go with --csv: the output is the CSV")
    if args.column is None:
        parser.error("--csv needs --column NAME, the column to classify")
    if args.delimiter is not None:
        args.delimiter = {"tab": "\t", "\\t": "\t"}.get(args.delimiter, args.delimiter)
        if len(args.delimiter) != 1 or args.delimiter in '"\r\n':
            parser.error(f"--delimiter must be one character, not a quote or line break: {args.delimiter!r}")


class _InputError(Exception):
    """Standard input could not be read (it is closed, or open for writing only)."""


def _lines(stdin: TextIO) -> Iterator[str]:
    # Every line gives one line of output, blank ones too, so that output rows match input rows.
    try:
        yield from stdin
    except OSError as error:
        raise _InputError(error.strerror or str(error)) from error


_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _undecodable_as_hex(text: str) -> str:
    """``text`` with each byte that was not UTF-8 (read as a lone surrogate) written as ``\\xNN``."""
    if text.isascii() or not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    return "".join(f"\\x{ord(ch) - 0xDC00:02x}" if "\udc80" <= ch <= "\udcff" else ch for ch in text)


def _json_line(record: dict[str, object]) -> str:
    # Valid JSON may hold U+2028, U+2029 and NEL raw, but readers that split lines on them would cut a row.
    line = json.dumps(record, ensure_ascii=False)
    return line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


def _as_json_text(text: str) -> str:
    """``text`` with each byte that was not UTF-8 replaced by U+FFFD, as JSON readers do: JSON holds text only."""
    if text.isascii():
        return text
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


def _cell(text: str) -> str:
    """``text`` made safe for one tab-separated column of a terminal: no tabs, line breaks or control codes."""
    if text.isprintable() and "\\" not in text:
        return text
    return "".join(_escaped(ch) for ch in text)


def _escaped(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if ch.isprintable():
        return ch
    if "\udc80" <= ch <= "\udcff":  # a byte that was not UTF-8
        return _undecodable_as_hex(ch)
    # Characters are written \uXXXX (never \xNN, which stands for a byte that was not text).
    return f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}"


def _limit(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _match_record(text: str, match: Match | None) -> dict[str, object]:
    if match is None:
        return {"input": text, "platform": None}
    platform = match.platform
    return {
        "input": text,
        "platform": platform.id,
        "name": platform.name,
        "type": platform.type.id,
        "subtype": platform.subtype.id,
        "matched_by": match.matched_by,
        "score": match.score,
    }


class _Cache:
    """What each distinct value gave, so that each is matched once; cleared when it grows past its bounds."""

    def __init__(self, compute: Callable[[str], str]) -> None:
        self.rows: dict[str, str] = {}
        self._compute = compute
        self._chars = 0

    def miss(self, key: str) -> str:
        row = self._compute(key)
        self._chars += len(key) + len(row)
        if len(self.rows) >= _CACHE_ENTRIES or self._chars > _CACHE_CHARS:
            self.rows.clear()
            self._chars = len(key) + len(row)
        self.rows[key] = row
        return row


class _Progress:
    """A tqdm bar on standard error: rows, and bytes out of the file's size when the input is a file."""

    def __init__(self, bar: Any, position: Callable[[], int] | None) -> None:
        self._bar = bar
        self._position = position
        self._shown = 0
        self.rows = 0

    def counted(self, rows: Iterable[Any]) -> Iterator[Any]:
        count = 0
        for count, row in enumerate(rows, 1):
            yield row
            if not count % _PROGRESS_EVERY:
                self.show(count)
        self.show(count)

    def show(self, rows: int) -> None:
        self.rows = rows
        shown = rows
        if self._position is not None:
            with contextlib.suppress(OSError, ValueError):
                shown = self._position()
            self._bar.set_postfix_str(f"{rows:,} rows", refresh=False)
        if shown > self._shown:
            self._bar.update(shown - self._shown)
            self._shown = shown

    def close(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._bar.close()


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream is not None and stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def _byte_progress(stream: object) -> tuple[int, Callable[[], int]] | None:
    """The size of the file ``stream`` reads and a way to tell how much of it has been read, if it is a file."""
    buffer: Any = getattr(stream, "buffer", None)
    try:
        info = os.fstat(stream.fileno())  # type: ignore[attr-defined]
        if buffer is None or not stat.S_ISREG(info.st_mode):
            return None
        start = int(buffer.tell())
    except (AttributeError, OSError, ValueError):
        return None
    return max(info.st_size - start, 0), lambda: int(buffer.tell()) - start


def _progress(wanted: bool | None, out: TextIO, source: object) -> _Progress | None:
    """A progress bar when ``--progress`` asks for one, or by default when only standard error is a terminal."""
    asked = wanted is not None
    if wanted is None:
        wanted = _is_terminal(sys.stderr) and not _is_terminal(out)
    if not wanted or sys.stderr is None:
        return None
    try:
        tqdm = importlib.import_module("tqdm").tqdm
    except ImportError:
        if asked:  # by default, no tqdm means no bar and nothing said
            _say("--progress needs tqdm: pip install 'medsos[progress]'")
        return None
    sized = _byte_progress(source)
    # Unasked, the bar waits a moment, so that short input shows none.
    delay = 0 if asked else 0.5
    common: dict[str, Any] = {"file": sys.stderr, "desc": "medsos", "dynamic_ncols": True, "delay": delay}
    if sized is None:
        return _Progress(tqdm(unit=" rows", unit_scale=True, **common), None)
    total, position = sized
    return _Progress(tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, **common), position)


def _classify(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    registry = medsos.load()
    args.status = 0  # kept on args, so that a reader who stops early still gets the status of what was read
    if args.csv is not None:
        return _classify_csv(args, registry, out, stdin)
    fuzzy = not args.no_fuzzy
    lang = args.lang or "en"
    from_stdin = not args.inputs or list(args.inputs) == ["-"]

    def row(line: str) -> str:
        text = line.rstrip("\r\n") if from_stdin else line
        match = registry.match(text, fuzzy=fuzzy)
        if match is None and not args.allow_unknown:
            args.status = 1
        if args.json:
            return _json_line(_match_record(_as_json_text(text), match)) + "\n"
        if match is None:
            return f"{_cell(text)}\tunknown\n"
        found = match.platform
        return f"{_cell(text)}\t{found.name}\t{found.type.id}\t{found.type.label(lang)}\n"

    cache = _Cache(row)
    get, miss, write = cache.rows.get, cache.miss, out.write
    progress = _progress(args.progress, out, stdin) if from_stdin else None
    lines: Iterable[str] = _lines(stdin) if from_stdin else args.inputs
    try:
        # One write per row, as soon as it is known: rows reach a reader that follows a log line by line.
        for line in lines if progress is None else progress.counted(lines):
            text = get(line)
            write(miss(line) if text is None else text)
    finally:
        if progress is not None:
            progress.close()
    return int(args.status)


def _guess_delimiter(header: str) -> str:
    """Whichever of the usual delimiters the header line holds most often outside quotes (a comma if none)."""
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = [(unquoted.count(d), -i, d) for i, d in enumerate(_DELIMITERS)]
    return max(counts)[2] if max(counts)[0] else ","


def _split_ending(raw: str) -> tuple[str, str]:
    """A record's text and the line ending after it (``""`` at the end of a file that ends without one)."""
    if raw.endswith("\n"):
        return (raw[:-2], "\r\n") if raw.endswith("\r\n") else (raw[:-1], "\n")
    if raw.endswith("\r"):
        return raw[:-1], "\r"
    return raw, ""


def _csv_source(path: str, stdin: TextIO | None) -> tuple[TextIO, str]:
    """The text stream to read the CSV from, and how to name it in messages."""
    if path == "-":
        if stdin is None:
            raise _InputError("standard input is closed")
        if stdin is sys.stdin and isinstance(stdin, io.TextIOWrapper):
            # Cells are written back as read: UTF-8, bytes that are not UTF-8 kept as they are, and line
            # endings, including those inside quoted cells, untouched.
            stdin.reconfigure(encoding="utf-8", errors="surrogateescape", newline="")
        return stdin, "standard input"
    try:
        return open(path, encoding="utf-8", errors="surrogateescape", newline=""), _cell(path)
    except OSError as error:
        raise _InputError(f"{_cell(path)}: {error.strerror or error}") from error


class _CsvError(Exception):
    """The CSV cannot be classified: no header, no such column, a clash of column names, a malformed row."""


def _classify_csv(args: argparse.Namespace, registry: Registry, out: TextIO, stdin: TextIO) -> int:
    source, where = _csv_source(args.csv, stdin)
    try:
        if out is sys.stdout and isinstance(out, io.TextIOWrapper):
            out.reconfigure(encoding="utf-8", errors="surrogateescape", newline="")
        return _CsvCopy(args, registry, source, where).copy(out)
    finally:
        if source is not stdin:
            source.close()


class _CsvCopy:
    """One CSV written back with added cells: each record as it was read, byte for byte, the added cells before
    its line ending.  The csv module says where a record ends and what the classified cell holds, and quotes the
    added cells where they must be."""

    def __init__(self, args: argparse.Namespace, registry: Registry, source: TextIO, where: str) -> None:
        self.args, self.registry, self.source, self.where = args, registry, source, where
        self.pending: list[str] = []  # the physical lines of the record being read
        self.ended = False  # the reader asked for more lines than the file has
        self._buffer = io.StringIO()
        self._writer: Any = None

    def physical_lines(self, first: str) -> Iterator[str]:
        pending = self.pending
        pending.append(first)
        yield first
        try:
            for line in self.source:
                pending.append(line)
                yield line
        except OSError as error:
            raise _InputError(error.strerror or str(error)) from error
        self.ended = True  # the record being read runs to the end of the file

    def cells(self, values: Sequence[str], *, after_delimiter: bool = True) -> str:
        """``values`` as CSV cells, each after a delimiter unless ``after_delimiter`` is false."""
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow(["", *values] if after_delimiter else values)
        return self._buffer.getvalue()[:-2]

    def record(self, raw: str, values: Sequence[str], extra: str, default_ending: str) -> str:
        if self.ended:
            # A quoted cell still open at the end of the file: the added cells would fall inside it, so this
            # row alone is written as the csv module writes it, its quote closed.
            return self.cells(values, after_delimiter=False) + extra + default_ending
        text, ending = _split_ending(raw)
        return text + extra + ending

    def read_header(self) -> tuple[list[str], str, str]:
        """The header, the byte-order mark if any, and the header's line ending."""
        args, where = self.args, self.where
        try:
            first = next(iter(self.source), None)
        except OSError as error:
            raise _InputError(error.strerror or str(error)) from error
        if first is None:
            raise _CsvError(f"{where} is empty: it has no header with a column {args.column!r}")
        bom = (
            "\ufeff" if first.startswith("\ufeff") else ""
        )  # as Excel writes UTF-8: kept, not part of a name
        first = first[len(bom) :]
        self.delimiter = args.delimiter or _guess_delimiter(first)
        self.reader = csv.reader(self.physical_lines(first), delimiter=self.delimiter)
        # The line terminator is cut off each row, but the csv module quotes only the line breaks it holds.
        self._writer = csv.writer(self._buffer, delimiter=self.delimiter, lineterminator="\r\n")
        try:
            header = next(self.reader, [])
        except csv.Error as error:
            raise _CsvError(f"{where}, line {self.reader.line_num}: {error}") from error
        if args.column not in header:
            names = ", ".join(repr(name) for name in header) or "none"
            raise _CsvError(f"{where} has no column {args.column!r}; its columns: {names}")
        return header, bom, _split_ending(first)[1] or "\n"

    def added_columns(self, header: Sequence[str]) -> list[str]:
        prefix = self.args.prefix or ""
        added = [prefix + name for name in _CSV_COLUMNS + (_CSV_LABEL_COLUMNS if self.args.lang else ())]
        for name in added:
            if name in header:
                raise _CsvError(
                    f"{self.where} already has a column {name!r}; name the added columns with --prefix, "
                    "such as --prefix medsos_"
                )
        return added

    def suffix_of(self, empty: str) -> Callable[[str], str]:
        """What to add after a row whose cell holds a value: the delimited cells of its platform."""
        args, match, cells = self.args, self.registry.match, self.cells
        fuzzy, lang = not args.no_fuzzy, args.lang

        def suffix(value: str) -> str:
            found = match(value, fuzzy=fuzzy) if value else None  # an empty cell is unknown
            if found is None:
                if not args.allow_unknown:
                    args.status = 1
                return empty
            platform = found.platform
            values = [platform.id, platform.name, platform.type.id, platform.subtype.id]
            if lang:
                values += [platform.type.label(lang), platform.subtype.label(lang)]
            return cells(values)

        return suffix

    def copy(self, out: TextIO) -> int:
        header, bom, header_ending = self.read_header()
        reader = self.reader
        added = self.added_columns(header)
        pending, record, write, where = self.pending, self.record, out.write, self.where
        write(bom + record("".join(pending), header, self.cells(added), header_ending))
        pending.clear()
        cache = _Cache(self.suffix_of(self.cells([""] * len(added))))
        get, miss = cache.rows.get, cache.miss
        delimiter, index, width = self.delimiter, header.index(self.args.column), len(header)
        progress = _progress(self.args.progress, out, self.source)
        rows: Iterable[list[str]] = reader if progress is None else progress.counted(reader)
        try:
            for row in rows:
                raw = pending[0] if len(pending) == 1 else "".join(pending)
                pending.clear()
                size = len(row)
                if size == width:
                    value, pad = row[index], ""
                elif not size:  # a blank line: no record, kept as it is
                    write(raw)
                    continue
                elif size < width:  # short rows get empty cells, so that the added cells line up
                    value, pad = (row[index] if index < size else ""), delimiter * (width - size)
                else:
                    raise _CsvError(
                        f"{where}, line {reader.line_num}: {size} cells where the header has {width}, "
                        "so the added cells would not line up"
                    )
                found = get(value)
                write(record(raw, row, pad + (miss(value) if found is None else found), header_ending))
        except csv.Error as error:
            raise _CsvError(f"{where}, line {reader.line_num}: {error}") from error
        finally:
            if progress is not None:
                progress.close()
        return int(self.args.status)


def _search(args: argparse.Namespace, out: TextIO) -> int:
    matches = medsos.search(args.text, limit=args.limit)
    for match in matches:
        if args.json:
            print(_json_line(_match_record(_as_json_text(args.text), match)), file=out)
        else:
            platform = match.platform
            print(f"{match.score:5.1f}\t{platform.name}\t{platform.type.id}\t{match.matched_by}", file=out)
    return 0 if matches else 1


def _types(args: argparse.Namespace, out: TextIO) -> int:
    lang = args.lang or "en"
    for platform_type in medsos.types:
        print(f"{platform_type.id}\t{platform_type.label(lang)}", file=out)
        for subtype in platform_type.subtypes:
            print(f"  {subtype.id}\t{subtype.label(lang)}", file=out)
    return 0


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, stdin: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit status."""
    out = out or sys.stdout
    try:
        return _main(argv, out, stdin or sys.stdin)
    except KeyboardInterrupt:
        # Ctrl-C: one line and status 130, never a traceback, whether reading, matching or writing.
        return _interrupted(out)


def _main(argv: Sequence[str] | None, out: TextIO | None, stdin: TextIO) -> int:
    if out is None:  # started with standard output closed
        return _fail("standard output is closed")
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        _check(args)
    except SystemExit:
        # --help, or a usage error argparse has explained: what it printed must still get out.
        _flush_errors()
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _drop_unwritten_output()
        except OSError as error:
            raise SystemExit(_cannot_write(error)) from None
        raise
    except BrokenPipeError:  # --help to a reader that has gone: stop quietly
        _drop_unwritten_output()
        raise SystemExit(0) from None
    except OSError as error:  # --help written straight to a full disk
        raise SystemExit(_cannot_write(error)) from None
    if out is sys.stdout and isinstance(sys.stdout, io.TextIOWrapper):
        # Input may hold lone surrogates or characters the terminal cannot show: escape, never crash.
        sys.stdout.reconfigure(errors="backslashreplace")
    if stdin is sys.stdin and isinstance(sys.stdin, io.TextIOWrapper):
        # Bytes that are not UTF-8 become unknown input rows, not a crash that loses every row; old Mac files
        # end their lines with a lone CR.
        sys.stdin.reconfigure(errors="surrogateescape", newline=None)
    try:
        status = _run(parser, args, out, stdin)
        out.flush()
        return status
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as Unix tools do, with the status of what was read.
        _drop_unwritten_output()
        return int(getattr(args, "status", 0))
    except _InputError as error:
        return _fail(f"cannot read the input: {error}")
    except _CsvError as error:
        with contextlib.suppress(OSError):
            out.flush()  # the rows before a malformed one are good
        return _fail(str(error))
    except OSError as error:  # a full disk, a closed descriptor
        return _cannot_write(error)


def _interrupted(out: TextIO | None) -> int:
    if out is not None and out is sys.stdout:
        if _is_regular_file(out):  # every row classified so far reaches the file, whole
            with contextlib.suppress(OSError, ValueError):
                out.flush()
        # What is still buffered for a pipe or terminal is dropped: writing it could block for ever.
        _drop_unwritten_output()
    with contextlib.suppress(KeyboardInterrupt):
        _say("interrupted")
    return _INTERRUPTED


def _is_regular_file(stream: TextIO) -> bool:
    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, ValueError):
        return False


def _cannot_write(error: OSError) -> int:
    _drop_unwritten_output()
    return _fail(f"cannot write the output: {error.strerror or error}")


def _drop_unwritten_output() -> None:
    # What is still buffered cannot be written either: point standard output at the null device, so that the
    # interpreter's last flush does not fail again with a traceback.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _say(message: str) -> None:
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            print(f"medsos: {message}", file=sys.stderr)
        _flush_errors()


def _fail(message: str) -> int:
    _say(message)
    return 2


def _flush_errors() -> None:
    # Standard error may be full or gone too; the exit status still says what happened, so what cannot be
    # written is dropped rather than left for the interpreter to fail on (with status 120) at exit.
    if sys.stderr is None:
        return
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stderr.fileno())


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    if args.version:
        print(f"medsos {medsos.__version__} (dataset {medsos.DATASET_VERSION})", file=out)
        return 0
    if args.command == "classify":
        if stdin is None and args.csv is None and (not args.inputs or args.inputs == ["-"]):
            return _fail("no input: give TEXT arguments, or pipe lines to standard input")
        return _classify(args, out, stdin)
    if args.command == "search":
        return _search(args, out)
    if args.command == "types":
        return _types(args, out)
    args.status = 2  # no command: the help, and status 2 even if the reader has gone
    parser.print_help(out)
    return 2
