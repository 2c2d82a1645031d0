"""The records medsos hands out: social media types, their subtypes, and platforms.

Every record is a frozen, slotted attrs class.  Collections are tuples and text maps are read-only
mappings, so nothing a caller does can change the shared dataset.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, Literal, TypeVar

import attrs
from attrs import Attribute, field, frozen, validators

from medsos._errors import UnknownIdError

__all__ = ["TYPE_IDS", "Platform", "PlatformType", "Status", "Subtype"]

#: The six types of social media, in the order of the source article.
TYPE_IDS: tuple[str, ...] = ("blog", "social_network", "microblog", "media_sharing", "forum", "collaboration")

#: Every text in the taxonomy exists at least in these languages.
REQUIRED_LANGUAGES: tuple[str, ...] = ("en", "id")

Status = Literal["active", "defunct"]
_T = TypeVar("_T")

# Patterns are compiled when first used (re keeps the last few hundred patterns it compiled): the six types need
# only one of them.
_ID_RE = r"[a-z0-9]+(?:_[a-z0-9]+)*"
_SUBTYPE_ID_RE = r"[a-z_]+\.[a-z0-9_]+"
_HOST_RE = r"(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?|xn--[a-z0-9-]+)"
_APP_ID_RE = r"[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)+"
_COUNTRY_RE = r"[A-Z]{2}"


def _matches(pattern: str) -> Callable[[object, Attribute[Any], object], None]:
    """A validator: the value is text that ``pattern`` matches whole."""

    def check(instance: object, attribute: Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or re.fullmatch(pattern, value) is None:
            raise ValueError(f"'{attribute.name}' must match regex {pattern!r} ({value!r} doesn't)")

    return check


def _text_map(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


def _phrases_map(value: Mapping[str, Iterable[str]]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({lang: _as_tuple(phrases) for lang, phrases in value.items()})


def _as_tuple(value: Iterable[_T]) -> tuple[_T, ...]:
    # A bare string is iterable too; splitting it into characters is never what the caller meant.
    # (A function rather than the builtin tuple also spares attrs parsing tuple's text signature at import.)
    if isinstance(value, str):
        raise TypeError(f"expected a sequence, got the string {value!r}")
    return tuple(value)


def _lower_tuple(value: Iterable[str]) -> tuple[str, ...]:
    items = _as_tuple(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"domains and short_domains are lists of hosts (text), not of {item!r}")
    return tuple(item.lower() for item in items)


def _check_text_map(instance: object, attribute: Attribute[Any], value: Mapping[object, object]) -> None:
    for language, text in value.items():
        if not isinstance(language, str) or not isinstance(text, str) or not text:
            raise ValueError(f"{attribute.name}: {language!r} must map to non-empty text")
    _check_languages(instance, attribute, value)


def _check_languages(instance: object, attribute: Attribute[Any], value: Mapping[Any, object]) -> None:
    missing = [lang for lang in REQUIRED_LANGUAGES if not value.get(lang)]
    if missing:
        raise ValueError(f"{attribute.name} lacks text in {', '.join(missing)}")


def _check_labels(instance: object, attribute: Attribute[Any], value: tuple[object, ...]) -> None:
    for label in value:
        if not isinstance(label, str) or not label.strip():
            raise ValueError(f"{attribute.name}: {label!r} is not a non-empty string")


def _check_year(instance: object, attribute: Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"'{attribute.name}' must be a year (an int), not {value!r}")


def _check_name(instance: object, attribute: Attribute[Any], value: object) -> None:
    _check_labels(instance, attribute, (value,))


_Same = TypeVar("_Same", bound="Immutable")


class Immutable:
    """A value that never changes once made, so that a copy of it, shallow or deep, is the value itself."""

    __slots__ = ()

    def __copy__(self: _Same) -> _Same:
        return self

    def __deepcopy__(self: _Same, memo: object) -> _Same:
        return self


class _KnownById(Immutable):
    """Compares equal to its id, hashes as it and prints as it: ``classify(x) == "forum"`` is what users write,
    in a DataFrame filter too.  It is not a ``str`` itself: use ``str()`` or ``.id`` for JSON or sorting."""

    __slots__ = ()
    id: str

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):
            return self.id == other.id
        if isinstance(other, str):
            return self.id == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.id)

    def __str__(self) -> str:
        return self.id

    def _rank(self) -> tuple[int, str]:
        type_id, _, own = self.id.partition(".")
        return (TYPE_IDS.index(type_id) if type_id in TYPE_IDS else len(TYPE_IDS), own)

    # Types sort in the source article's order (blog first, collaboration last), subtypes by their type, then
    # by id: so that a column of them groups and sorts as the taxonomy reads.
    def __lt__(self, other: object) -> bool:
        return self._rank() < other._rank() if isinstance(other, _KnownById) else NotImplemented

    def __le__(self, other: object) -> bool:
        return self._rank() <= other._rank() if isinstance(other, _KnownById) else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self._rank() > other._rank() if isinstance(other, _KnownById) else NotImplemented

    def __ge__(self, other: object) -> bool:
        return self._rank() >= other._rank() if isinstance(other, _KnownById) else NotImplemented


@frozen(eq=False)
class Subtype(_KnownById):
    """A subtype of a social media type, such as ``media_sharing.photo``.

    ``id`` is dotted: the id of its :class:`PlatformType`, a dot, and the subtype's own name.
    """

    id: str = field(validator=_matches(_SUBTYPE_ID_RE))
    labels: Mapping[str, str] = field(converter=_text_map, validator=_check_text_map, repr=False)
    descriptions: Mapping[str, str] = field(converter=_text_map, validator=_check_text_map, repr=False)

    @property
    def type_id(self) -> str:
        """The id of the type this subtype belongs to."""
        return self.id.partition(".")[0]

    def label(self, language: str = "en") -> str:
        """The subtype's name in ``language`` (a code of :attr:`medsos.types.languages <medsos.TypeCollection.languages>`)."""
        return _in_language(self.labels, language, self.id)

    def to_dict(self) -> dict[str, Any]:
        """The subtype as plain data, as ``taxonomy.json`` holds it."""
        return {"id": self.id, "labels": dict(self.labels), "descriptions": dict(self.descriptions)}

    def __reduce__(self) -> tuple[Any, ...]:
        return (Subtype, (self.id, dict(self.labels), dict(self.descriptions)))

    def _repr_html_(self) -> str:
        from medsos._html import subtype_html

        return subtype_html(self)


@frozen(eq=False)
class PlatformType(_KnownById):
    """One of the six types of social media: blog, social network, microblog, media sharing, forum, collaboration.

    ``str()`` of a type is its id, so ``print(medsos.classify("Quora"))`` prints ``forum``.
    """

    id: str = field(validator=validators.in_(TYPE_IDS))
    labels: Mapping[str, str] = field(converter=_text_map, validator=_check_text_map, repr=False)
    descriptions: Mapping[str, str] = field(converter=_text_map, validator=_check_text_map, repr=False)
    marketing_uses: Mapping[str, tuple[str, ...]] = field(
        converter=_phrases_map, validator=_check_languages, repr=False
    )
    subtypes: tuple[Subtype, ...] = field(converter=_as_tuple, repr=False)

    @subtypes.validator
    def _check_subtypes(self, attribute: object, value: tuple[object, ...]) -> None:
        for subtype in value:
            if not isinstance(subtype, Subtype) or subtype.type_id != self.id:
                raise ValueError(f"{subtype!r} is not a subtype of {self.id}")

    def label(self, language: str = "en") -> str:
        """The type's name in ``language`` (a code of :attr:`medsos.types.languages <medsos.TypeCollection.languages>`)."""
        return _in_language(self.labels, language, self.id)

    def to_dict(self) -> dict[str, Any]:
        """The type as plain data, as ``taxonomy.json`` holds it."""
        return {
            "id": self.id,
            "labels": dict(self.labels),
            "descriptions": dict(self.descriptions),
            "marketing_uses": {language: list(uses) for language, uses in self.marketing_uses.items()},
            "subtypes": [subtype.to_dict() for subtype in self.subtypes],
        }

    def __reduce__(self) -> tuple[Any, ...]:
        uses = {language: list(phrases) for language, phrases in self.marketing_uses.items()}
        return (PlatformType, (self.id, dict(self.labels), dict(self.descriptions), uses, self.subtypes))

    def _repr_html_(self) -> str:
        from medsos._html import type_html

        return type_html(self)

    def subtype(self, subtype_id: str) -> Subtype:
        """The subtype with this id, dotted (``"forum.qna"``) or short (``"qna"``)."""
        full_id = subtype_id if "." in subtype_id else f"{self.id}.{subtype_id}"
        for subtype in self.subtypes:
            if subtype.id == full_id:
                return subtype
        raise UnknownIdError("subtype", subtype_id, [subtype.id for subtype in self.subtypes])


def _in_language(texts: Mapping[str, str], language: str, record_id: str) -> str:
    try:
        return texts[language]
    except KeyError:
        raise UnknownIdError("language", language, list(texts), where=record_id) from None


def _check_id(instance: object, attribute: Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not re.fullmatch(_ID_RE, value):
        raise ValueError(f"'id' must be snake_case text such as 'stack_overflow', not {value!r}")


@frozen(kw_only=True, repr=False)
class Platform(Immutable):
    """A social media platform and everything medsos knows about it.

    ``type`` is the primary :class:`PlatformType`; ``secondary_types`` are other types whose features are a
    first-class part of the platform.  ``status`` is ``"defunct"`` for a service known to have shut down, and
    ``"active"`` otherwise.  ``launched`` and ``closed`` are years, ``closed`` only for defunct platforms.
    ``country`` is an ISO 3166-1 alpha-2 code.  A fact medsos could not confirm is ``None``.
    """

    id: str = field(validator=_check_id)
    name: str = field(validator=_check_name)
    type: PlatformType = field(validator=validators.instance_of(PlatformType))
    subtype: Subtype = field(validator=validators.instance_of(Subtype))
    secondary_types: tuple[PlatformType, ...] = field(default=(), converter=_as_tuple)
    aliases: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=_check_labels)
    former_names: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=_check_labels)
    domains: tuple[str, ...] = field(
        default=(),
        converter=_lower_tuple,
        validator=validators.deep_iterable(_matches(_HOST_RE)),
    )
    short_domains: tuple[str, ...] = field(
        default=(),
        converter=_lower_tuple,
        validator=validators.deep_iterable(_matches(_HOST_RE)),
    )
    app_ids: tuple[str, ...] = field(
        default=(),
        converter=_as_tuple,
        validator=validators.deep_iterable(_matches(_APP_ID_RE)),
    )
    country: str | None = field(default=None, validator=validators.optional(_matches(_COUNTRY_RE)))
    launched: int | None = field(default=None, validator=validators.optional(_check_year))
    status: Status = field(default="active", validator=validators.in_(("active", "defunct")))
    closed: int | None = field(default=None, validator=validators.optional(_check_year))

    @subtype.validator
    def _check_subtype(self, attribute: object, value: Subtype) -> None:
        if value not in self.type.subtypes:
            raise ValueError(f"{self.id}: subtype {value.id} is not a subtype of {self.type.id}")

    @secondary_types.validator
    def _check_secondary_types(self, attribute: object, value: tuple[object, ...]) -> None:
        for secondary in value:
            if not isinstance(secondary, PlatformType):
                raise TypeError(f"{self.id}: secondary types must be PlatformType records, got {secondary!r}")
            if secondary.id == self.type.id:
                raise ValueError(f"{self.id}: {secondary.id} is its primary type, not a secondary one")
        if len({str(secondary) for secondary in value}) != len(value):
            raise ValueError(f"{self.id}: a secondary type is listed twice")

    @closed.validator
    def _check_closed(self, attribute: object, value: int | None) -> None:
        if value is not None and self.status != "defunct":
            raise ValueError(f"{self.id}: only a defunct platform has a closing year")
        if value is not None and self.launched is not None and value < self.launched:
            raise ValueError(f"{self.id}: closed in {value}, before it launched in {self.launched}")

    @property
    def types(self) -> tuple[PlatformType, ...]:
        """The primary type followed by the secondary types."""
        return (self.type, *self.secondary_types)

    @property
    def is_active(self) -> bool:
        return self.status == "active"

    def is_a(self, platform_type: PlatformType | str, *, include_secondary: bool = False) -> bool:
        """Whether the platform's type is ``platform_type`` (a type or its id); with ``include_secondary``, also
        whether it is one of its secondary types.  An unknown type id raises :class:`ValueError`."""
        wanted = str(platform_type)
        if wanted not in TYPE_IDS:
            raise UnknownIdError("type", wanted, TYPE_IDS)
        candidates = self.types if include_secondary else (self.type,)
        return any(candidate.id == wanted for candidate in candidates)

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        # One line, whatever the platform holds: the full record is to_dict() or the notebook's table.
        return f"Platform(id={self.id!r}, name={self.name!r}, type={self.type.id!r})"

    def to_dict(self) -> dict[str, Any]:
        """The platform as plain data, shaped as the records of the bundled ``platforms.json``."""
        data = attrs.asdict(self, recurse=False)
        data["type"], data["subtype"] = self.type.id, self.subtype.id
        data["secondary_types"] = [platform_type.id for platform_type in self.secondary_types]
        return {key: list(value) if isinstance(value, tuple) else value for key, value in data.items()}

    # Platforms sort by id, as every collection of them does.
    def __lt__(self, other: object) -> bool:
        return self.id < other.id if isinstance(other, Platform) else NotImplemented

    def __le__(self, other: object) -> bool:
        return self.id <= other.id if isinstance(other, Platform) else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self.id > other.id if isinstance(other, Platform) else NotImplemented

    def __ge__(self, other: object) -> bool:
        return self.id >= other.id if isinstance(other, Platform) else NotImplemented

    def _repr_html_(self) -> str:
        from medsos._html import platform_html

        return platform_html(self)
