"""The bundled dataset: read once, lazily, behind one lock, through the import system.

This module owns the one default :class:`~medsos.Registry` and everything read from ``data/``: the taxonomy,
the platforms and the words that typo matching leaves alone.  cattrs is imported here and only here, and only
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

    from medsos._registry import Registry

__all__ = [
    "bundled_not_typos",
    "dataset_version",
    "default_registry",
    "is_default",
    "read_not_typos",
    "structure_platform",
    "structure_platforms",
    "structure_taxonomy",
    "taxonomy",
    "unstructure_platform",
]

# One lock for everything this module builds: the default registry, the taxonomy and the converters.
_lock = threading.RLock()
_taxonomy: tuple[tuple[PlatformType, ...], tuple[str, ...]] | None = None
_registry: Registry | None = None
_version: str | None = None
_not_typos: frozenset[str] | None = None
_converters: dict[tuple[PlatformType, ...], cattrs.Converter] = {}


def _read_json(name: str) -> Any:
    # The package's own loader reads its data, from a folder, a wheel or a zip alike: it is what
    # importlib.resources reads through for packages on disk, without the ~8 ms of modules that importing
    # importlib.resources adds to the first lookup (tempfile, shutil, bz2, lzma, random).
    path = os.path.join(os.path.dirname(__file__), "data", name)
    get_data = getattr(__spec__.loader, "get_data", None)
    data: bytes = get_data(path) if get_data is not None else _read_file(path)
    return json.loads(data.decode("utf-8"))


def _read_file(path: str) -> bytes:
    with open(path, "rb") as file:
        return file.read()


def _converter(types: Sequence[PlatformType]) -> cattrs.Converter:
    """The one converter between platform records and plain data, for this taxonomy (built once)."""
    key = tuple(types)
    converter = _converters.get(key)
    if converter is not None:
        return converter
    with _lock:
        if key not in _converters:
            _converters[key] = _make_converter(key)
    return _converters[key]


def _make_converter(types: Sequence[PlatformType]) -> cattrs.Converter:
    import cattrs

    converter = cattrs.Converter(forbid_extra_keys=True)
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

    def structure_passthrough(value: object, _: object) -> object:
        # Platform's validators check type and value; cattrs' own str hook would turn None into "None".
        return value

    converter.register_structure_hook(str, structure_passthrough)
    converter.register_structure_hook(PlatformType, structure_type)
    converter.register_structure_hook(Subtype, structure_subtype)
    converter.register_structure_hook_func(lambda cl: cl == tuple[str, ...], structure_strings)
    converter.register_structure_hook_func(
        lambda cl: cl in (str | None, int | None, Status), structure_passthrough
    )
    converter.register_unstructure_hook(PlatformType, lambda platform_type: platform_type.id)
    converter.register_unstructure_hook(Subtype, lambda subtype: subtype.id)
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


def structure_platform(record: object, types: Sequence[PlatformType]) -> Platform:
    """One plain dict as a :class:`Platform`, strictly: an unknown key or a wrong type is a DatasetError."""
    import cattrs

    if not isinstance(record, Mapping):
        raise DatasetError(f"each platform record must be a mapping (a dict), not {type(record).__name__}")
    try:
        platform: Platform = _converter(types).structure(record, Platform)
    except (cattrs.BaseValidationError, TypeError, ValueError) as error:
        raise DatasetError(_explain(error, f"platform {record.get('id', '?')}")) from error
    return platform


def structure_platforms(records: Iterable[object], types: Sequence[PlatformType]) -> list[Platform]:
    """Plain dicts as :class:`Platform` records (see :func:`structure_platform`)."""
    return [structure_platform(record, types) for record in records]


def unstructure_platform(platform: Platform) -> dict[str, Any]:
    """The plain-dict form of a platform, as stored in ``platforms.json``."""
    # Unstructuring needs no taxonomy: any converter will do, and the bundled one is built once.
    result: dict[str, Any] = _converter(taxonomy()[0]).unstructure(platform)
    return result


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


def is_default(registry: Registry) -> bool:
    """Whether ``registry`` is the default registry (without loading it)."""
    return registry is _registry


def default_registry() -> Registry:
    """The registry over the bundled dataset, built on first use and shared afterwards."""
    global _registry, _version
    if _registry is None:
        with _lock:
            if _registry is None:
                from medsos._registry import Registry

                types, languages = taxonomy()
                data = _read_json("platforms.json")
                _version = str(data["dataset_version"])
                _registry = Registry._bundled(data["platforms"], types, languages, bundled_not_typos)
    return _registry


def dataset_version() -> str:
    """The version of the bundled dataset, such as ``"2026.11.26"``."""
    default_registry()
    assert _version is not None
    return _version
