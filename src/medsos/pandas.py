"""pandas helpers: the ``.medsos`` Series accessor and the dataset as data frames.

Install them with ``pip install "medsos[pandas]"``.  ``import medsos`` never imports pandas; importing this
module does, and registers the accessor:

>>> import pandas as pd
>>> import medsos.pandas
>>> referrers = pd.Series(["https://t.co/x", "fb", None, "google.com"], index=[10, 20, 30, 40])
>>> referrers.medsos.classify().tolist()
['microblog', 'social_network', nan, nan]
>>> referrers.medsos.lookup().tolist()
['x', 'facebook', nan, nan]

Every method matches each distinct value of the Series once, with :func:`medsos.lookup_many`, and maps the
answers back onto the rows, so a column of a million rows holding a thousand distinct referrers costs a thousand
lookups.  Results keep the Series' index and name.  Missing input (``None``, NaN, ``pd.NA``) and text that names
no platform give a missing value.  A value that is neither text nor missing (a number, say) raises
:class:`TypeError` naming its type, as :func:`medsos.lookup` does: a column of mixed types is usually a parsing
mistake worth seeing, and ``s.astype("str")`` or ``s.where(s.map(type) == str)`` says what to do instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

import medsos

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy.typing as npt

    from medsos import Platform, Registry, TypeCollection

__all__ = ["MedsosAccessor", "keys_frame", "platforms_frame"]


def _text_dtype() -> Any:
    """The dtype pandas gives a column of text by default: ``str`` in pandas 3 (or with pandas 2's
    ``future.infer_string`` option), ``object`` before.  Asked on every call, since the option may change."""
    return pd.Series(["text"]).dtype


#: How list fields (aliases, domains, secondary types) are joined in :func:`platforms_frame`.
LIST_SEPARATOR = "|"


def _types_of(registry: Registry | None) -> TypeCollection:
    return medsos.types if registry is None else registry.types


def _type_dtype(registry: Registry | None) -> pd.CategoricalDtype:
    """The six type ids, in the source article's order, as an ordered categorical dtype."""
    return pd.CategoricalDtype([str(t) for t in _types_of(registry)], ordered=True)


def _subtype_dtype(registry: Registry | None) -> pd.CategoricalDtype:
    subtypes = [subtype.id for platform_type in _types_of(registry) for subtype in platform_type.subtypes]
    return pd.CategoricalDtype(subtypes, ordered=True)


def _text_array(values: Sequence[str | None], codes: npt.NDArray[np.intp]) -> Any:
    """``values[code]`` for every code, missing where the code is -1, in pandas' default text dtype."""
    return pd.array(list(values), dtype=_text_dtype()).take(codes, allow_fill=True)


def _categorical(
    positions: Sequence[int], codes: npt.NDArray[np.intp], dtype: pd.CategoricalDtype
) -> pd.Categorical:
    """A categorical whose row ``i`` is category ``positions[codes[i]]``; -1 in either means missing."""
    # One extra slot at the end, so that the -1 of a missing row picks "missing" too.
    table = np.array([*positions, -1], dtype=np.int16 if len(dtype.categories) < 32_000 else np.int32)
    return pd.Categorical.from_codes(table.take(codes), dtype=dtype)


@pd.api.extensions.register_series_accessor("medsos")
class MedsosAccessor:
    """``series.medsos``: classify and look up a column of names, URLs, hosts, app ids or campaign sources.

    Each method takes ``fuzzy`` (forgive small typos in names, as :func:`medsos.lookup` does) and ``registry``
    (match against your own :class:`medsos.Registry` instead of the bundled platforms).
    """

    def __init__(self, series: pd.Series[Any]) -> None:
        self._series = series

    def _match(
        self, fuzzy: bool, registry: Registry | None
    ) -> tuple[npt.NDArray[np.intp], list[Platform | None]]:
        """The codes of the Series' rows into its distinct values (-1 for missing), and their platforms."""
        series = self._series
        if isinstance(series.dtype, pd.CategoricalDtype):
            # Already factorized: match each category once, used or not.
            codes = np.asarray(series.cat.codes, dtype=np.intp)
            uniques: Any = series.cat.categories
        else:
            codes, uniques = pd.factorize(series, use_na_sentinel=True)
            codes = np.asarray(codes, dtype=np.intp)
        lookup_many = medsos.lookup_many if registry is None else registry.lookup_many
        return codes, lookup_many(list(uniques), default=None, fuzzy=fuzzy)

    def _result(self, values: Any) -> pd.Series[Any]:
        result: pd.Series[Any] = pd.Series(values, index=self._series.index, name=self._series.name)
        return result

    def classify(self, *, fuzzy: bool = True, registry: Registry | None = None) -> pd.Series[Any]:
        """The type id of every row, as an ordered categorical of the six types in the source article's order.

        Missing where the row names no platform or is missing.  The categories are always all six types, so
        ``value_counts()`` and ``groupby(..., observed=False)`` list every type, and sorting follows the article.
        """
        codes, platforms = self._match(fuzzy, registry)
        dtype = _type_dtype(registry)
        position = {type_id: i for i, type_id in enumerate(dtype.categories)}
        positions = [-1 if p is None else position[p.type.id] for p in platforms]
        return self._result(_categorical(positions, codes, dtype))

    def lookup(self, *, fuzzy: bool = True, registry: Registry | None = None) -> pd.Series[Any]:
        """The platform id of every row (``"facebook"``, ``"x"``), missing where there is none.

        The ids come in pandas' default text dtype (``str`` in pandas 3), like a text column read from a CSV
        file, so that they merge, concatenate and compare with the platform ids of other tables (such as
        :func:`platforms_frame`) without the surprises of categoricals whose categories differ.  Call
        ``.astype("category")`` to save memory on a large result.
        """
        codes, platforms = self._match(fuzzy, registry)
        return self._result(_text_array([None if p is None else p.id for p in platforms], codes))

    def frame(
        self, *, fuzzy: bool = True, lang: str = "en", registry: Registry | None = None
    ) -> pd.DataFrame:
        """Several answers at once, one row per row of the Series, with the same index.

        Columns: ``platform_id`` and ``platform`` (its name) as text, ``type`` and ``subtype`` (dotted id, such
        as ``"forum.qna"``) as ordered categoricals in the taxonomy's order, and ``type_label``, the type's name
        in ``lang`` (a code of ``types.languages``: ``"en"``, ``"id"``, ``"ja"``, ...), ordered like ``type``.
        Missing where a row names no platform.
        """
        types = _types_of(registry)
        if lang not in types.languages:
            raise medsos.UnknownIdError("language", lang, types.languages)
        codes, platforms = self._match(fuzzy, registry)
        type_dtype = _type_dtype(registry)
        subtype_dtype = _subtype_dtype(registry)
        label_dtype = pd.CategoricalDtype([t.label(lang) for t in types], ordered=True)
        type_position = {type_id: i for i, type_id in enumerate(type_dtype.categories)}
        subtype_position = {subtype_id: i for i, subtype_id in enumerate(subtype_dtype.categories)}
        type_positions = [-1 if p is None else type_position[p.type.id] for p in platforms]
        columns = {
            "platform_id": _text_array([None if p is None else p.id for p in platforms], codes),
            "platform": _text_array([None if p is None else p.name for p in platforms], codes),
            "type": _categorical(type_positions, codes, type_dtype),
            "subtype": _categorical(
                [-1 if p is None else subtype_position[p.subtype.id] for p in platforms], codes, subtype_dtype
            ),
            "type_label": _categorical(type_positions, codes, label_dtype),
        }
        frame: pd.DataFrame = pd.DataFrame(columns, index=self._series.index)
        return frame


def _joined(values: Sequence[object]) -> str:
    return LIST_SEPARATOR.join(str(value) for value in values)


def platforms_frame(registry: Registry | None = None) -> pd.DataFrame:
    """The platforms as a data frame, one row per platform, ordered by id.

    Columns: ``id``, ``name``, ``type`` and ``subtype`` (ordered categoricals, as in
    :meth:`MedsosAccessor.frame`), ``secondary_types``, ``aliases``, ``former_names``, ``domains``,
    ``short_domains`` and ``app_ids`` (joined with ``"|"``, empty when there are none), ``country``,
    ``launched`` (a nullable integer year), ``status`` (``"active"`` or ``"defunct"``) and ``closed``.  A fact
    medsos does not know is missing.

    >>> import medsos.pandas
    >>> frame = medsos.pandas.platforms_frame()
    >>> frame.set_index("id").loc["kaskus", ["name", "type", "country"]].tolist()
    ['Kaskus', 'forum', 'ID']
    """
    platforms = list(medsos.platforms if registry is None else registry.platforms)
    text_dtype = _text_dtype()
    text = {
        "id": [p.id for p in platforms],
        "name": [p.name for p in platforms],
    }
    joined = {
        "secondary_types": [_joined(p.secondary_types) for p in platforms],
        "aliases": [_joined(p.aliases) for p in platforms],
        "former_names": [_joined(p.former_names) for p in platforms],
        "domains": [_joined(p.domains) for p in platforms],
        "short_domains": [_joined(p.short_domains) for p in platforms],
        "app_ids": [_joined(p.app_ids) for p in platforms],
    }
    columns: dict[str, Any] = {name: pd.array(values, dtype=text_dtype) for name, values in text.items()}
    columns["type"] = pd.Categorical([p.type.id for p in platforms], dtype=_type_dtype(registry))
    columns["subtype"] = pd.Categorical([p.subtype.id for p in platforms], dtype=_subtype_dtype(registry))
    columns.update((name, pd.array(values, dtype=text_dtype)) for name, values in joined.items())
    columns["country"] = pd.array([p.country for p in platforms], dtype=text_dtype)
    columns["launched"] = pd.array([p.launched for p in platforms], dtype="Int64")
    columns["status"] = pd.array([p.status for p in platforms], dtype=text_dtype)
    columns["closed"] = pd.array([p.closed for p in platforms], dtype="Int64")
    frame: pd.DataFrame = pd.DataFrame(columns)
    return frame


#: The kinds of key in :func:`keys_frame`.
KEY_KINDS = ("name", "alias", "former_name", "domain", "short_domain", "app_id")
#: Which kind a key that one platform claims several ways is listed as: hosts and app ids first, since only
#: they may be joined on the parent domains of a host.
_KIND_PRECEDENCE = ("domain", "short_domain", "app_id", "name", "alias", "former_name")


def keys_frame(registry: Registry | None = None) -> pd.DataFrame:
    """Every exact key that names a platform, for joins in SQL where Python cannot run.

    One row per key, with columns ``key``, ``kind`` (one of ``name``, ``alias``, ``former_name``, ``domain``,
    ``short_domain``, ``app_id``), ``platform_id`` and ``type``.  Names, aliases, former names and app ids are
    case-folded (:meth:`str.casefold`); domains are lower-case already.  A key that two platforms claim (a name
    of one that is an alias of another, say) is left out, since it names neither for sure.  A key that one
    platform claims several ways (``academia.edu``, its name and its domain) is listed once, as a domain
    before an app id before a name, alias or former name.

    The table does what an exact join can: no typos are forgiven, URLs must be reduced to their host, and a
    subdomain (``id.quora.com``) must be joined on its parent domains too, longest first; see
    ``docs/notebooks.md`` for the SQL.

    >>> import medsos.pandas
    >>> keys = medsos.pandas.keys_frame().set_index("key")
    >>> keys.loc["kaskus.co.id", ["kind", "platform_id"]].tolist()
    ['domain', 'kaskus']
    """
    platforms = medsos.platforms if registry is None else registry.platforms
    text_dtype = _text_dtype()
    owners: dict[str, tuple[str, str, str]] = {}
    ambiguous: set[str] = set()
    for platform in platforms:
        claims = {
            "domain": platform.domains,
            "short_domain": platform.short_domains,
            "app_id": platform.app_ids,
            "name": (platform.name,),
            "alias": platform.aliases,
            "former_name": platform.former_names,
        }
        for kind in _KIND_PRECEDENCE:
            for text in claims[kind]:
                key = text.casefold()
                owner = owners.setdefault(key, (kind, platform.id, platform.type.id))
                if owner[1] != platform.id:
                    ambiguous.add(key)
    rows = [(key, *owner) for key, owner in owners.items() if key not in ambiguous]
    rows.sort(key=lambda row: (row[2], KEY_KINDS.index(row[1]), row[0]))
    frame: pd.DataFrame = pd.DataFrame(
        {
            "key": pd.array([row[0] for row in rows], dtype=text_dtype),
            "kind": pd.Categorical([row[1] for row in rows], categories=KEY_KINDS),
            "platform_id": pd.array([row[2] for row in rows], dtype=text_dtype),
            "type": pd.Categorical([row[3] for row in rows], dtype=_type_dtype(registry)),
        }
    )
    return frame
