"""The read-only collections a registry hands out: its types and its platforms."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, overload

from medsos._errors import UnknownIdError
from medsos._models import Immutable, Platform, PlatformType, Subtype
from medsos._text import name_key

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["PlatformCollection", "TypeCollection"]

T = TypeVar("T")


class TypeCollection(Immutable):
    """The six social media types, in the source article's order: iterable, sized, read-only.

    ``types["forum"]`` finds a type by id; ``types.get("Jejaring Sosial")`` by id or by its label in any of
    :attr:`languages`.
    """

    __slots__ = ("_by_id", "_by_key", "_languages", "_order")

    def __init__(self, types: Iterable[PlatformType], *, languages: Iterable[str] | None = None) -> None:
        self._order = tuple(types)
        self._by_id = {platform_type.id: platform_type for platform_type in self._order}
        if languages is None:
            # The languages every type and subtype has a label in, in the order the first type gives them.
            records: list[PlatformType | Subtype] = [
                *self._order,
                *(s for t in self._order for s in t.subtypes),
            ]
            languages = [
                lang
                for lang in (self._order[0].labels if self._order else ())
                if all(lang in r.labels for r in records)
            ]
        self._languages = tuple(languages)
        self._by_key: dict[str, PlatformType] | None = None  # built by the first get()

    def _labels(self) -> dict[str, PlatformType]:
        if self._by_key is None:
            by_key: dict[str, PlatformType] = {}
            for platform_type in self._order:
                keys = {platform_type.id, *platform_type.labels.values()}
                keys |= {f"layanan {label}" for label in platform_type.labels.values()}
                for key in keys:
                    by_key.setdefault(name_key(key), platform_type)
            self._by_key = by_key  # built whole before it is shared: another thread sees all of it or none
        return self._by_key

    @property
    def languages(self) -> tuple[str, ...]:
        """The codes of the languages every type and subtype has a label and description in (``en`` first)."""
        return self._languages

    def __getitem__(self, type_id: str) -> PlatformType:
        try:
            return self._by_id[type_id]
        except (KeyError, TypeError):
            raise UnknownIdError("type", type_id, self._by_id) from None

    def __iter__(self) -> Iterator[PlatformType]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, PlatformType):
            return self._by_id.get(item.id) == item
        return isinstance(item, str) and item in self._by_id

    @overload
    def get(self, label: str) -> PlatformType | None: ...
    @overload
    def get(self, label: str, default: T) -> PlatformType | T: ...
    def get(self, label: str, default: object = None) -> object:
        """The type whose id or label (in any language, any case) is ``label``, else ``default``."""
        if not isinstance(label, str):
            raise TypeError(f"a type label must be a str, not {type(label).__name__}")
        return self._labels().get(name_key(label), default)

    def subtype(self, subtype_id: str) -> Subtype:
        """The subtype with this dotted id, such as ``"media_sharing.photo"``."""
        checked: object = subtype_id
        type_id = subtype_id.partition(".")[0] if isinstance(checked, str) else ""
        if type_id not in self._by_id:
            raise UnknownIdError("subtype", subtype_id)
        return self._by_id[type_id].subtype(subtype_id)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TypeCollection):
            return self._order == other._order and self._languages == other._languages
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._order)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_types, (self._order, self._languages))

    def __repr__(self) -> str:
        return f"<TypeCollection: {', '.join(self._by_id)}>"

    def _repr_html_(self) -> str:
        from medsos._html import types_html

        return types_html(self)


def _rebuild_types(order: tuple[PlatformType, ...], languages: tuple[str, ...]) -> TypeCollection:
    return TypeCollection(order, languages=languages)


class PlatformCollection(Immutable):
    """Platforms ordered by id: iterable, sized, read-only.

    ``platforms["quora"]`` finds a platform by id (and ``platforms[0]`` by position), ``platforms.get("quora")``
    too but returns ``None`` when there is none, and ``platforms.of_type("forum")`` gives the platforms of a
    type as another collection.
    """

    __slots__ = ("_by_id", "_order", "_subtype_ids")

    def __init__(self, platforms: Iterable[Platform], *, subtype_ids: Iterable[str] = ()) -> None:
        self._order = tuple(sorted(platforms, key=lambda platform: platform.id))
        self._by_id = {platform.id: platform for platform in self._order}
        self._subtype_ids = frozenset(subtype_ids)

    @overload
    def __getitem__(self, key: str | int) -> Platform: ...
    @overload
    def __getitem__(self, key: slice) -> PlatformCollection: ...
    def __getitem__(self, key: str | int | slice) -> Platform | PlatformCollection:
        if isinstance(key, str):
            try:
                return self._by_id[key]
            except KeyError:
                raise UnknownIdError("platform", key) from None
        if isinstance(key, slice):
            return self._subset(self._order[key])
        checked: object = key
        if isinstance(checked, int) and not isinstance(checked, bool):
            return self._order[checked]
        raise TypeError(f"platforms are found by id (str) or position (int), not {type(key).__name__}")

    @overload
    def get(self, platform_id: str) -> Platform | None: ...
    @overload
    def get(self, platform_id: str, default: T) -> Platform | T: ...
    def get(self, platform_id: str, default: object = None) -> object:
        checked: object = platform_id
        return self._by_id.get(platform_id, default) if isinstance(checked, str) else default

    def __iter__(self) -> Iterator[Platform]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Platform):
            return self._by_id.get(item.id) == item
        return isinstance(item, str) and item in self._by_id

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PlatformCollection):
            return self._order == other._order
        if isinstance(other, tuple):
            return self._order == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._order)

    def _subset(self, platforms: Iterable[Platform]) -> PlatformCollection:
        return PlatformCollection(platforms, subtype_ids=self._subtype_ids)

    def of_type(
        self, platform_type: PlatformType | str, *, include_secondary: bool = False
    ) -> PlatformCollection:
        """The platforms of a type (a :class:`PlatformType` or its id), by primary type unless
        ``include_secondary``.  An unknown type id raises :class:`~medsos.UnknownIdError`."""
        wanted = str(platform_type)
        return self._subset(p for p in self if p.is_a(wanted, include_secondary=include_secondary))

    def of_subtype(self, subtype: Subtype | str) -> PlatformCollection:
        """The platforms whose primary subtype is ``subtype`` (a :class:`Subtype` or its dotted id).

        An unknown subtype id raises :class:`~medsos.UnknownIdError`.
        """
        wanted = str(subtype)
        if self._subtype_ids and wanted not in self._subtype_ids:
            raise UnknownIdError("subtype", wanted)
        return self._subset(p for p in self if p.subtype.id == wanted)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_platforms, (self._order, tuple(sorted(self._subtype_ids))))

    def __repr__(self) -> str:
        return f"<PlatformCollection of {len(self)} platforms>"

    def _repr_html_(self) -> str:
        from medsos._html import platforms_html

        return platforms_html(self)


def _rebuild_platforms(order: tuple[Platform, ...], subtype_ids: tuple[str, ...]) -> PlatformCollection:
    return PlatformCollection(order, subtype_ids=subtype_ids)
