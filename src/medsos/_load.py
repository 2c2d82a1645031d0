"""Reading the bundled JSON data: once, lazily, behind a lock, through importlib.resources.

cattrs is imported here and only here, and only when the platform records are needed, so ``import medsos`` and
the first :func:`medsos.classify` of a name stay cheap.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Mapping, Sequence
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from medsos._errors import DatasetError
from medsos._models import Platform, PlatformType, Status, Subtype
from medsos._normalize import exact_index, find_by_host, folded_text, parse_reference

if TYPE_CHECKING:
    import cattrs

    from medsos._registry import Registry

__all__ = ["dataset_version", "default_registry", "load_taxonomy", "quick_index", "structure_platforms"]

_lock = threading.RLock()
_taxonomy: tuple[PlatformType, ...] | None = None
_registry: Registry | None = None
_version: str | None = None
_raw: Any = None
_quick: QuickIndex | None = None


def _read_json(name: str) -> Any:
    return json.loads(files("medsos").joinpath("data").joinpath(name).read_text(encoding="utf-8"))


def _converter(taxonomy: Sequence[PlatformType]) -> cattrs.Converter:
    import cattrs

    converter = cattrs.Converter(forbid_extra_keys=True)
    types_by_id = {platform_type.id: platform_type for platform_type in taxonomy}
    subtypes_by_id = {subtype.id: subtype for platform_type in taxonomy for subtype in platform_type.subtypes}

    def structure_type(value: object, _: object) -> PlatformType:
        if not isinstance(value, str) or value not in types_by_id:
            raise ValueError(f"unknown type {value!r}")
        return types_by_id[value]

    def structure_subtype(value: object, _: object) -> Subtype:
        if not isinstance(value, str) or value not in subtypes_by_id:
            raise ValueError(f"unknown subtype {value!r}")
        return subtypes_by_id[value]

    def structure_strings(value: object, _: object) -> tuple[str, ...]:
        # cattrs' generic tuple hook checks nothing here that Platform's validators do not check again.
        if not isinstance(value, list):
            raise ValueError(f"expected a list of strings, got {value!r}")
        return tuple(value)

    def structure_passthrough(value: object, _: object) -> object:
        return value  # Platform's validators check the type and the value

    converter.register_structure_hook(PlatformType, structure_type)
    converter.register_structure_hook(Subtype, structure_subtype)
    converter.register_structure_hook_func(lambda cl: cl == tuple[str, ...], structure_strings)
    converter.register_structure_hook_func(
        lambda cl: cl in (str | None, int | None, Status), structure_passthrough
    )
    converter.register_unstructure_hook(PlatformType, lambda platform_type: platform_type.id)
    converter.register_unstructure_hook(Subtype, lambda subtype: subtype.id)
    return converter


def structure_taxonomy(data: Mapping[str, Any]) -> tuple[PlatformType, ...]:
    """Turn the parsed ``taxonomy.json`` into :class:`PlatformType` records.

    Six types and their subtypes are built by their own classes, without cattrs: the attrs converters and
    validators check every field, and a missing or unknown key is refused by the constructor just as strictly.
    That keeps cattrs off the road to the first :func:`medsos.classify`, which needs the types but no platform
    record.
    """
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
    return tuple(types)


def structure_platforms(records: Iterable[object], taxonomy: Sequence[PlatformType]) -> list[Platform]:
    """Turn plain dicts into :class:`Platform` records, strictly: an unknown key is an error."""
    import cattrs

    converter = _converter(taxonomy)
    platforms = []
    for record in records:
        if not isinstance(record, Mapping):
            raise DatasetError(
                f"each platform record must be a mapping (a dict), not {type(record).__name__}"
            )
        try:
            platforms.append(converter.structure(record, Platform))
        except (cattrs.BaseValidationError, TypeError, ValueError) as error:
            where = record.get("id", "?")
            raise DatasetError(_explain(error, f"platform {where}")) from error
    return platforms


def unstructure_platform(platform: Platform) -> dict[str, Any]:
    """The plain-dict form of a platform, as stored in ``platforms.json``."""
    result: dict[str, Any] = _converter(load_taxonomy()).unstructure(platform)
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
        return f"invalid {what}: " + "; ".join(cattrs.transform_error(error, format_exception=describe))
    return f"invalid {what}: {_first_sentence(error)}"


def _first_sentence(error: BaseException) -> str:
    # attrs validators raise (message, attribute, expected, value): the message alone says it all.
    if len(error.args) > 1 and isinstance(error.args[0], str):
        return error.args[0]
    return str(error)


def load_taxonomy() -> tuple[PlatformType, ...]:
    """The six bundled :class:`PlatformType` records, read on first use."""
    global _taxonomy
    if _taxonomy is None:
        with _lock:
            if _taxonomy is None:
                _taxonomy = structure_taxonomy(_read_json("taxonomy.json"))
    return _taxonomy


def _platform_data() -> Any:
    """The parsed ``platforms.json``, read once and kept until the registry is built from it."""
    global _raw
    if _raw is None:
        with _lock:
            if _raw is None:
                _raw = _read_json("platforms.json")
    return _raw


class QuickIndex:
    """The type of every platform by its exact names, hosts and app ids, built straight from the JSON.

    Until something needs the platform records, this answers :func:`medsos.classify` for text that names a
    platform exactly: a name, a hostname, a URL or an Android app id.  Where it finds nothing, the full
    registry loads and decides (a typo, a name written with other punctuation, or text that is unknown), so
    its answers are always the registry's.
    """

    __slots__ = ("apps", "exact", "hosts", "names")

    def __init__(self, records: Iterable[Mapping[str, Any]], taxonomy: Iterable[PlatformType]) -> None:
        types = {platform_type.id: platform_type for platform_type in taxonomy}
        claims = []
        self.hosts: dict[str, PlatformType] = {}
        self.apps: dict[str, PlatformType] = {}
        for record in records:
            owner, platform_type = record["id"], types[record["type"]]
            labels = [record["name"], *record["aliases"], *record["former_names"]]
            claims += [(folded_text(label), owner, platform_type) for label in labels]
            for host in (*record["domains"], *record["short_domains"]):
                self.hosts[host.lower()] = platform_type
                claims.append((host.lower(), owner, platform_type))
            for app_id in record["app_ids"]:
                self.apps[app_id.casefold()] = platform_type
                claims.append((app_id.casefold(), owner, platform_type))
        #: Folded names, hosts and app ids, like the registry's ready answers (a test checks that they agree).
        self.exact = exact_index(claims)
        #: The keys of ``exact`` beyond ASCII, which only names have: what text that is not ASCII may match.
        self.names = {key: value for key, value in self.exact.items() if not key.isascii()}

    def classify(self, text: str) -> PlatformType | None:
        """The type of the platform whose host or app id ``text`` names, found as the registry finds it."""
        host, app_id, _ = parse_reference(text)
        if app_id is not None and (found := self.apps.get(app_id.casefold())) is not None:
            return found
        return None if host is None else find_by_host(self.hosts, host)


def quick_index() -> QuickIndex:
    """The :class:`QuickIndex` of the bundled data, built on first use until the registry loads."""
    global _quick
    if _quick is None:
        with _lock:
            if _quick is None:
                _quick = QuickIndex(_platform_data()["platforms"], load_taxonomy())
    return _quick


def default_registry() -> Registry:
    """The registry over the bundled dataset, built on first use and shared afterwards."""
    global _registry, _version, _raw, _quick
    if _registry is None:
        with _lock:
            if _registry is None:
                from medsos._registry import Registry

                taxonomy = load_taxonomy()
                data = _platform_data()
                registry = Registry(structure_platforms(data["platforms"], taxonomy), types=taxonomy)
                _version = str(data["dataset_version"])
                _registry = registry
                _raw = _quick = None  # the registry has it all now
    return _registry


def dataset_version() -> str:
    """The version of the bundled dataset, such as ``"2026.11.26"``."""
    default_registry()
    assert _version is not None
    return _version
