"""The bundled dataset: read once, lazily, behind one lock, through the import system.

Everything read from ``data/`` is read here: the taxonomy, the platforms and the words that typo matching
leaves alone; :func:`medsos._registry.bundled` builds the one default registry from them, behind this module's
lock.  cattrs is imported here and only here, and only
when a platform record is first structured, so that ``import medsos`` and the first :func:`medsos.classify`
stay cheap.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from medsos._errors import DatasetError
from medsos._models import Platform, PlatformType, Status, Subtype

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "bundled_not_typos",
    "lock",
    "read_not_typos",
    "read_platforms",
    "structure_platform",
    "structure_platforms",
    "structure_taxonomy",
    "taxonomy",
]

# One lock for everything this module builds: the default registry, the taxonomy and the converters.
_lock: threading.RLock = threading.RLock()
_taxonomy: tuple[tuple[PlatformType, ...], tuple[str, ...]] | None = None
_not_typos: frozenset[str] | None = None
_bundled_converter: cattrs.BaseConverter | None = None


def _read_json(name: str) -> Any:
    # The package's own loader reads its data, from a folder, a wheel or a zip alike: it is what
    # importlib.resources reads through for packages on disk, without the ~8 ms of modules that importing
    # importlib.resources adds to the first lookup (tempfile, shutil, bz2, lzma, random).
    path = os.path.join(os.path.dirname(__file__), "data", name)
    get_data = getattr(__spec__.loader, "get_data", None)
    data: bytes = get_data(path) if get_data is not None else _read_file(path)
    return json.loads(data)  # bytes: json reads UTF-8 itself


def _read_file(path: str) -> bytes:
    with open(path, "rb") as file:
        return file.read()


def _converter(types: Sequence[PlatformType]) -> cattrs.BaseConverter:
    """The converter from plain data to platform records of this taxonomy: built once for the bundled one, anew
    for any other (types compare by id, so only the very same records may share a converter).

    The other way, :meth:`Platform.to_dict`, needs no converter: attrs lists the fields.
    """
    global _bundled_converter
    bundled = _taxonomy[0] if _taxonomy is not None else ()
    if len(types) != len(bundled) or any(
        mine is not theirs for mine, theirs in zip(types, bundled, strict=True)
    ):
        return _make_converter(types)
    if _bundled_converter is None:
        with _lock:
            if _bundled_converter is None:
                _bundled_converter = _make_converter(bundled)
    return _bundled_converter


def _make_converter(types: Sequence[PlatformType]) -> cattrs.BaseConverter:
    import attrs
    import cattrs

    # A BaseConverter structures a record at once, where cattrs' generating Converter first compiles a function
    # for the class (some 4 ms, the first lookup's largest cost) to be a third quicker on each record after;
    # unknown keys are refused by structure_platform().
    converter = cattrs.BaseConverter()
    attrs.resolve_types(
        Platform
    )  # the annotations are text (PEP 563); the generating Converter resolves them itself
    types_by_id = {platform_type.id: platform_type for platform_type in types}
    subtypes_by_id = {subtype.id: subtype for platform_type in types for subtype in platform_type.subtypes}

    def structure_type(value: object, _: object) -> PlatformType:
        if not isinstance(value, str) or value not in types_by_id:
            raise ValueError(f"unknown type {value!r}")
        return types_by_id[value]

    def structure_subtype(value: object, _: object) -> Subtype:
        if not isinstance(value, str) or value not in subtypes_by_id:
            raise ValueError(f"unknown subtype {value!r}")
        return subtypes_by_id[value]

    def structure_strings(value: object, _: object) -> tuple[str, ...]:
        if not isinstance(value, (list, tuple)):
            raise ValueError(f"expected a list of strings, got {value!r}")
        return tuple(value)

    def structure_types(value: object, _: object) -> tuple[PlatformType, ...]:
        if not isinstance(value, (list, tuple)):
            raise ValueError(f"expected a list of type ids, got {value!r}")
        return tuple(structure_type(item, None) for item in value)

    def structure_passthrough(value: object, _: object) -> object:
        # Platform's validators check type and value; cattrs' own str hook would turn None into "None".
        return value

    converter.register_structure_hook(str, structure_passthrough)
    converter.register_structure_hook(PlatformType, structure_type)
    converter.register_structure_hook(Subtype, structure_subtype)
    converter.register_structure_hook_func(lambda cl: cl == tuple[str, ...], structure_strings)
    converter.register_structure_hook_func(lambda cl: cl == tuple[PlatformType, ...], structure_types)
    converter.register_structure_hook_func(
        lambda cl: cl in (str | None, int | None, Status), structure_passthrough
    )
    return converter


def structure_taxonomy(data: object) -> tuple[tuple[PlatformType, ...], tuple[str, ...]]:
    """The :class:`PlatformType` records of parsed ``taxonomy.json``, and the languages it is complete in.

    The six types and their subtypes are built by their own classes, without cattrs: the attrs converters and
    validators check every field, and a missing or unknown key is refused by the constructor just as strictly.
    That keeps cattrs off the road to the first :func:`medsos.classify`.
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("types"), list):
        raise DatasetError("a taxonomy is a mapping with a list of 'types'")
    types = []
    for record in data["types"]:
        where = record.get("id", "?") if isinstance(record, Mapping) else "?"
        try:
            subtypes = tuple(Subtype(**subtype) for subtype in record["subtypes"])
            types.append(PlatformType(**{**record, "subtypes": subtypes}))
        except KeyError as error:
            raise DatasetError(f"invalid type {where}: it lacks {error.args[0]!r}") from error
        except (TypeError, ValueError) as error:
            raise DatasetError(f"invalid type {where}: {_first_sentence(error)}") from error
    languages = tuple(data.get("languages", ("en", "id")))
    for platform_type in types:
        records: list[PlatformType | Subtype] = [platform_type, *platform_type.subtypes]
        for record in records:
            missing = [
                lang for lang in languages if lang not in record.labels or lang not in record.descriptions
            ]
            if missing:
                raise DatasetError(
                    f"invalid type {record.id}: it lacks a label or description in {', '.join(missing)}"
                )
    return tuple(types), languages


_PLATFORM_FIELDS = frozenset(field.name for field in Platform.__attrs_attrs__)


def structure_platform(
    record: object, types: Sequence[PlatformType], converter: cattrs.BaseConverter | None = None
) -> Platform:
    """One plain dict as a :class:`Platform`, strictly: an unknown key or a wrong type is a DatasetError."""
    import cattrs

    if not isinstance(record, Mapping):
        raise DatasetError(f"each platform record must be a mapping (a dict), not {type(record).__name__}")
    unknown = [key for key in record if key not in _PLATFORM_FIELDS]
    if unknown:
        where = record.get("id", "?")
        raise DatasetError(
            f"invalid platform {where}: unknown {'keys' if len(unknown) > 1 else 'key'} {', '.join(map(repr, unknown))}"
        )
    try:
        platform: Platform = (converter or _converter(types)).structure(record, Platform)
    except (cattrs.BaseValidationError, TypeError, ValueError) as error:
        raise DatasetError(_explain(error, f"platform {record.get('id', '?')}")) from error
    return platform


def structure_platforms(records: Iterable[object], types: Sequence[PlatformType]) -> list[Platform]:
    """Plain dicts as :class:`Platform` records (see :func:`structure_platform`), with one converter."""
    converter = _converter(types)
    return [structure_platform(record, types, converter) for record in records]


def _explain(error: BaseException, what: str) -> str:
    import cattrs
    from cattrs.v import format_exception

    def describe(exception: BaseException, type_: Any) -> str:
        # Our own hooks and the attrs validators say precisely what is wrong: keep their words.
        if isinstance(exception, (TypeError, ValueError)) and str(exception):
            return _first_sentence(exception)
        return format_exception(exception, type_)

    if isinstance(error, cattrs.BaseValidationError):
        # " @ $" names the record itself: the message already names the field.
        messages = [m.removesuffix(" @ $") for m in cattrs.transform_error(error, format_exception=describe)]
        return f"invalid {what}: " + "; ".join(messages)
    return f"invalid {what}: {_first_sentence(error)}"


def _first_sentence(error: BaseException) -> str:
    # attrs validators raise (message, attribute, expected, value): the message alone says it all.
    if len(error.args) > 1 and isinstance(error.args[0], str):
        return error.args[0]
    return str(error)


def taxonomy() -> tuple[tuple[PlatformType, ...], tuple[str, ...]]:
    """The bundled types and the languages they are written in, read on first use."""
    global _taxonomy
    if _taxonomy is None:
        with _lock:
            if _taxonomy is None:
                _taxonomy = structure_taxonomy(_read_json("taxonomy.json"))
    return _taxonomy


def read_not_typos(*, dictionary: bool = True) -> frozenset[str]:
    """The bundled words that typo matching leaves unknown, as name keys.

    ``data/not_typos.json`` holds a hand-made list (brands and words next to platform names: "google" is one
    edit from "google+", "kasus" from "kaskus") and, with ``dictionary``, the English dictionary words that the
    typo rules would take for a typo of a bundled platform ("video" for Viadeo), written by
    ``scripts/build_not_typos.py``.
    """
    from medsos._text import name_key

    data = _read_json("not_typos.json")
    words = data["curated"] + (data["dictionary"] if dictionary else [])
    return frozenset(name_key(word) for word in words)


def bundled_not_typos() -> frozenset[str]:
    """:func:`read_not_typos`, read once and shared by every registry that uses the bundled list."""
    global _not_typos
    if _not_typos is None:
        with _lock:
            if _not_typos is None:
                _not_typos = read_not_typos()
    return _not_typos


def read_platforms() -> tuple[str, list[dict[str, Any]]]:
    """The bundled dataset's version and its platform records, as plain dicts."""
    data = _read_json("platforms.json")
    return str(data["dataset_version"]), data["platforms"]


def lock() -> threading.RLock:
    """The one lock behind which everything built from the bundled data is built once."""
    return _lock
