"""The ``medsos`` command: classify names, URLs and app ids from the shell."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from typing import TYPE_CHECKING, NoReturn, TextIO

import medsos

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from _typeshed import SupportsWrite

    from medsos._registry import Match

__all__ = ["main"]


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
        help="print the platform and type of each input",
        description="Print one line per input: the input, the platform it names and the platform's type. "
        "Exits with status 1 when any input is unknown.",
    )
    classify.add_argument(
        "inputs", nargs="*", metavar="TEXT", help="names, URLs, hostnames or app ids; '-' or none reads stdin"
    )
    classify.add_argument("--json", action="store_true", help="print one JSON object per line")
    classify.add_argument("--lang", default="en", choices=("en", "id"), help="language of type labels")
    classify.add_argument("--no-fuzzy", action="store_true", help="do not forgive typos in names")

    search = commands.add_parser("search", help="print ranked candidates for a text")
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--limit", type=_limit, default=5, help="how many candidates at most (default 5)")
    search.add_argument("--json", action="store_true", help="print one JSON object per line")

    types = commands.add_parser("types", help="list the six types of social media and their subtypes")
    types.add_argument("--lang", default="en", choices=("en", "id"), help="language of labels")
    return parser


class _InputError(Exception):
    """Standard input could not be read (it is closed, or open for writing only)."""


def _inputs(arguments: Sequence[str], stdin: TextIO) -> Iterable[str]:
    if not arguments or list(arguments) == ["-"]:
        return _lines(stdin)
    return arguments


def _lines(stdin: TextIO) -> Iterator[str]:
    # Every line gives one line of output, blank ones too, so that output rows match input rows.
    try:
        for line in stdin:
            yield line.rstrip("\r\n")
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


def _classify(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    registry = medsos.load()
    args.status = 0  # kept on args, so that a reader who stops early still gets the status of what was read
    for text in _inputs(args.inputs, stdin):
        match = registry.match(text, fuzzy=not args.no_fuzzy)
        if match is None:
            args.status = 1
        if args.json:
            print(_json_line(_match_record(_as_json_text(text), match)), file=out)
        elif match is None:
            print(f"{_cell(text)}\tunknown", file=out)
        else:
            found = match.platform
            print(f"{_cell(text)}\t{found.name}\t{found.type.id}\t{found.type.label(args.lang)}", file=out)
    return int(args.status)


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
    for platform_type in medsos.types:
        print(f"{platform_type.id}\t{platform_type.label(args.lang)}", file=out)
        for subtype in platform_type.subtypes:
            print(f"  {subtype.id}\t{subtype.label(args.lang)}", file=out)
    return 0


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, stdin: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit status."""
    out = out or sys.stdout
    stdin = stdin or sys.stdin
    if out is None:  # started with standard output closed
        return _fail("standard output is closed")
    parser = _parser()
    try:
        args = parser.parse_args(argv)
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
    except OSError as error:  # a full disk, a closed descriptor
        return _cannot_write(error)


def _cannot_write(error: OSError) -> int:
    _drop_unwritten_output()
    return _fail(f"cannot write the output: {error.strerror or error}")


def _drop_unwritten_output() -> None:
    # What is still buffered cannot be written either: point standard output at the null device, so that the
    # interpreter's last flush does not fail again with a traceback.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _fail(message: str) -> int:
    if sys.stderr is not None:
        with contextlib.suppress(OSError):
            print(f"medsos: {message}", file=sys.stderr)
        _flush_errors()
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
        if stdin is None and (not args.inputs or args.inputs == ["-"]):
            return _fail("no input: give TEXT arguments, or pipe lines to standard input")
        return _classify(args, out, stdin)
    if args.command == "search":
        return _search(args, out)
    if args.command == "types":
        return _types(args, out)
    args.status = 2  # no command: the help, and status 2 even if the reader has gone
    parser.print_help(out)
    return 2
