"""The pandas helpers: the ``.medsos`` Series accessor, platforms_frame and keys_frame (with a SQL join)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from contextlib import closing
from typing import Any, cast
from urllib.parse import urlsplit

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import medsos
import medsos.pandas
from medsos.pandas import MedsosAccessor

TYPE_IDS = [str(t) for t in medsos.types]
Values = Sequence[object]


def on(series: pd.Series[Any]) -> MedsosAccessor:
    """``series.medsos``, typed: pandas' type stubs do not know accessors registered at run time."""
    return cast(MedsosAccessor, series.medsos)


VALUES = ["https://t.co/x", "fb", None, "google.com", np.nan, pd.NA, "Quora", "fb", "Lindkein", "qwzxv"]


def expected_ids(values: Values, fuzzy: bool = True) -> list[str | None]:
    """What medsos.lookup answers for each value; the values that are not text are the missing ones."""
    found = [medsos.lookup(v, default=None, fuzzy=fuzzy) if isinstance(v, str) else None for v in values]
    return [None if p is None else p.id for p in found]


def categorical(series: pd.Series[Any]) -> pd.CategoricalDtype:
    assert isinstance(series.dtype, pd.CategoricalDtype)
    return series.dtype


def as_list(series: pd.Series[Any]) -> list[object]:
    """The values with every kind of missing value as None, so that lists compare."""
    return [None if pd.isna(v) else v for v in series.astype(object)]


@pytest.fixture
def referrers() -> pd.Series[Any]:
    return pd.Series(
        VALUES, index=[f"row{i}" for i in range(len(VALUES))][::-1], name="referrer", dtype=object
    )


def test_classify_is_index_aligned_and_an_ordered_categorical(referrers: pd.Series[Any]) -> None:
    result = on(referrers).classify()
    assert result.index.equals(referrers.index)
    assert result.name == "referrer"
    assert categorical(result).ordered
    assert list(categorical(result).categories) == TYPE_IDS
    ids = expected_ids(VALUES)
    expected = [None if i is None else str(medsos.platforms[i].type) for i in ids]
    assert as_list(result) == expected
    # Aligned by label: assigning into a frame with the index in another order keeps rows together.
    frame = pd.DataFrame({"referrer": referrers}).sample(frac=1, random_state=1)
    frame["type"] = on(referrers).classify()
    for referrer, platform_type in frame.itertuples(index=False):
        if isinstance(referrer, str) and (platform := medsos.lookup(referrer, default=None)) is not None:
            assert platform_type == platform.type.id


def test_missing_and_unknown_values_are_missing(referrers: pd.Series[Any]) -> None:
    result = on(referrers).classify()
    assert result.isna().tolist() == [i is None for i in expected_ids(VALUES)]
    assert result.loc["row7"] != result.loc["row7"] or pd.isna(result.loc["row7"])  # None, the third value
    assert pd.isna(on(referrers).lookup().iloc[-1])  # "qwzxv"


def test_fuzzy_false_refuses_typos(referrers: pd.Series[Any]) -> None:
    fuzzy = on(referrers).lookup()
    exact = on(referrers).lookup(fuzzy=False)
    assert fuzzy.loc["row1"] == "linkedin"  # "Lindkein"
    assert pd.isna(exact.loc["row1"])
    assert as_list(exact) == expected_ids(VALUES, fuzzy=False)


def test_lookup_gives_platform_ids_as_text(referrers: pd.Series[Any]) -> None:
    result = on(referrers).lookup()
    assert result.index.equals(referrers.index)
    assert as_list(result) == expected_ids(VALUES)
    assert result.dtype == pd.Series(["some text"]).dtype  # pandas' default text dtype
    # Ids merge with the dataset's own table.
    merged = result.to_frame("id").merge(medsos.pandas.platforms_frame(), on="id", how="left")
    assert merged["name"].dropna().tolist() == [medsos.platforms[i].name for i in result.dropna()]


def test_groupby_and_sort_follow_the_article_order(referrers: pd.Series[Any]) -> None:
    frame = pd.DataFrame({"referrer": referrers, "type": on(referrers).classify()})
    counts = frame.groupby("type", observed=False).size()
    assert list(counts.index) == TYPE_IDS
    assert counts.sum() == frame["type"].notna().sum()
    assert counts["social_network"] == sum(
        1 for i in expected_ids(VALUES) if i is not None and medsos.platforms[i].type.id == "social_network"
    )
    ordered = frame["type"].dropna().sort_values().tolist()
    assert ordered == sorted(ordered, key=TYPE_IDS.index)
    assert (frame["type"] >= "microblog").sum() == sum(1 for t in ordered if TYPE_IDS.index(t) >= 2)


def test_categorical_input_matches_each_category_once() -> None:
    series = pd.Series(["fb", "Quora", "fb", None, "nope"], dtype="category", index=[5, 4, 3, 2, 1])
    assert as_list(on(series).classify()) == ["social_network", "forum", "social_network", None, None]
    assert as_list(on(series).lookup()) == ["facebook", "quora", "facebook", None, None]


def test_text_dtypes_agree() -> None:
    values = ["fb", None, "https://www.kaskus.co.id/thread/1", "nope"]
    results = [as_list(on(pd.Series(values, dtype=dtype)).lookup()) for dtype in (object, "string", "str")]
    assert results[0] == results[1] == results[2] == expected_ids(values)


def test_empty_series() -> None:
    empty = pd.Series([], dtype=object)
    assert on(empty).classify().empty
    assert list(on(empty).frame().columns) == ["platform_id", "platform", "type", "subtype", "type_label"]


def test_values_that_are_not_text_raise_type_error() -> None:
    with pytest.raises(TypeError, match="int"):
        on(pd.Series(["fb", 3])).classify()


def test_frame(referrers: pd.Series[Any]) -> None:
    frame = on(referrers).frame(lang="id")
    assert list(frame.columns) == ["platform_id", "platform", "type", "subtype", "type_label"]
    assert frame.index.equals(referrers.index)
    for value, row in zip(VALUES, frame.itertuples(index=False), strict=True):
        platform = medsos.lookup(value, default=None) if isinstance(value, str) else None
        if platform is None:
            assert all(pd.isna(cell) for cell in row)
        else:
            assert tuple(row) == (
                platform.id, platform.name, platform.type.id, platform.subtype.id, platform.type.label("id")
            )  # fmt: skip
    assert list(categorical(frame["type_label"]).categories) == [t.label("id") for t in medsos.types]
    assert categorical(frame["subtype"]).categories[0].startswith("blog.")
    with pytest.raises(ValueError, match="'xx'"):
        on(referrers).frame(lang="xx")


def test_a_registry_of_ones_own() -> None:
    registry = medsos.Registry.from_records(
        [{"id": "intranet_forum", "name": "Intranet Forum", "type": "forum", "subtype": "forum.discussion_board",
          "domains": ["forum.corp.example"]}]
    )  # fmt: skip
    series = pd.Series(["https://forum.corp.example/t/1", "fb"])
    assert as_list(on(series).lookup(registry=registry)) == ["intranet_forum", None]
    assert as_list(on(series).classify(registry=registry)) == ["forum", None]
    assert medsos.pandas.platforms_frame(registry)["id"].tolist() == ["intranet_forum"]
    assert set(medsos.pandas.keys_frame(registry)["key"]) == {"intranet forum", "forum.corp.example"}


@given(st.lists(st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["fb", "Quora", "t.co/x", "ig"]))))
def test_accessor_agrees_with_lookup(values: list[str | None]) -> None:
    series = pd.Series(values, dtype=object)
    assert as_list(on(series).lookup()) == expected_ids(list(values))
    types = on(series).classify()
    assert as_list(types) == [
        None if i is None else medsos.platforms[i].type.id for i in expected_ids(list(values))
    ]


def test_platforms_frame() -> None:
    frame = medsos.pandas.platforms_frame()
    assert len(frame) == len(medsos.platforms)
    assert frame["id"].is_unique
    assert list(categorical(frame["type"]).categories) == TYPE_IDS
    assert categorical(frame["type"]).ordered
    by_id = frame.set_index("id")
    for platform in medsos.platforms:
        row = by_id.loc[platform.id]
        assert row["name"] == platform.name
        assert row["type"] == platform.type.id
        assert row["subtype"] == platform.subtype.id
        assert row["domains"].split("|") == list(platform.domains) or (
            row["domains"] == "" and not platform.domains
        )
        assert row["secondary_types"] == "|".join(t.id for t in platform.secondary_types)
        assert (None if pd.isna(row["launched"]) else row["launched"]) == platform.launched
        assert (None if pd.isna(row["country"]) else row["country"]) == platform.country
        assert row["status"] == platform.status
    assert frame["launched"].dtype == "Int64"
    counts = frame.groupby("type", observed=False).size()
    assert counts.to_dict() == {t.id: len(medsos.platforms.of_type(t)) for t in medsos.types}


def test_keys_frame_names_each_platform_by_its_keys() -> None:
    keys = medsos.pandas.keys_frame()
    assert list(keys.columns) == ["key", "kind", "platform_id", "type"]
    assert keys["key"].is_unique
    assert (keys["key"] == keys["key"].str.casefold()).all()
    for row in keys.itertuples(index=False):
        assert medsos.lookup(str(row.key), fuzzy=False).id == row.platform_id
        assert row.type == medsos.platforms[str(row.platform_id)].type.id
    # Every domain is a key, of its platform.
    domains = {d: p.id for p in medsos.platforms for d in p.domains}
    by_key = keys.set_index("key")["platform_id"]
    assert all(by_key[d] == pid for d, pid in domains.items())


def test_keys_frame_drops_keys_two_platforms_claim() -> None:
    registry = medsos.Registry.from_records(
        [
            # A name of one that reads as a host of the other: the registry allows it, the exact key is unsure.
            {"id": "alpha", "name": "Alpha", "aliases": ["Beta.example"], "type": "forum", "subtype": "forum.qna"},
            {"id": "beta", "name": "Beta", "domains": ["beta.example"], "type": "blog", "subtype": "blog.newsletter"},
        ]
    )  # fmt: skip
    keys = medsos.pandas.keys_frame(registry).set_index("key")
    assert "beta.example" not in keys.index
    assert keys.loc["alpha", "platform_id"] == "alpha"
    assert keys.loc["beta", "platform_id"] == "beta"


#: The longest key that is the host itself or one of its parent domains names the platform.
HOSTS_SQL = """
WITH candidates AS (
    SELECT h.host, k.platform_id, k.type, length(k.key) AS key_length
    FROM hosts AS h
    JOIN keys AS k
      ON k.key = h.host
      OR (k.kind IN ('domain', 'short_domain') AND substr(h.host, -length(k.key) - 1) = '.' || k.key)
)
SELECT h.host, c.platform_id, c.type
FROM hosts AS h
LEFT JOIN candidates AS c
  ON c.host = h.host
 AND c.key_length = (SELECT max(key_length) FROM candidates AS d WHERE d.host = h.host)
"""

REFERRERS = [
    "https://www.facebook.com/",
    "https://l.facebook.com/l.php?u=x",
    "https://m.facebook.com/groups/1",
    "https://t.co/AbC",
    "https://id.quora.com/Apa-itu",
    "https://www.kaskus.co.id/thread/123",
    "https://someone.blogspot.com/2024/01/x.html",
    "https://youtu.be/dQw4w9WgXcQ",
    "https://lnkd.in/abc",
    "https://www.google.com/search?q=x",
    "https://facebook.com.attacker.example/",
    "https://notfacebook.com/",
    "https://my.mail.ru/community",
    "https://go.mail.ru/search",
    "https://www.reddit.com/r/python",
    "https://old.reddit.com/r/python",
]


def referrer_hosts() -> list[str]:
    hosts = {urlsplit(url).hostname or "" for url in REFERRERS}
    for platform in list(medsos.platforms)[::7]:  # a spread of the dataset: its hosts and their subdomains
        for domain in (*platform.domains, *platform.short_domains):
            hosts |= {domain, f"m.{domain}", f"a.b.{domain}", f"{domain}.evil.example", f"x{domain}"}
    return sorted({host.lower().removeprefix("www.") for host in hosts})


def test_keys_frame_joined_in_sql_agrees_with_lookup() -> None:
    hosts = referrer_hosts()
    with closing(sqlite3.connect(":memory:")) as connection:
        medsos.pandas.keys_frame().to_sql("keys", connection, index=False)
        pd.DataFrame({"host": hosts}).to_sql("hosts", connection, index=False)
        rows = connection.execute(HOSTS_SQL).fetchall()
    assert len(rows) == len(hosts)  # never two answers for one host
    answers = {host: (platform_id, platform_type) for host, platform_id, platform_type in rows}
    for host in hosts:
        platform = medsos.lookup(host, default=None)
        assert answers[host] == ((platform.id, platform.type.id) if platform else (None, None)), host
    assert answers["id.quora.com"][0] == "quora"
    assert answers["kaskus.co.id"][0] == "kaskus"
    assert answers["facebook.com.attacker.example"] == (None, None)


def test_keys_frame_joined_on_campaign_sources() -> None:
    sources = ["facebook", "IG", "linkedin", "newsletter", "Kaskus", "com.linkedin.android"]
    with closing(sqlite3.connect(":memory:")) as connection:
        medsos.pandas.keys_frame().to_sql("keys", connection, index=False)
        pd.DataFrame({"source": sources}).to_sql("sources", connection, index=False)
        rows = connection.execute(
            "SELECT s.source, k.platform_id FROM sources AS s LEFT JOIN keys AS k ON k.key = lower(s.source)"
        ).fetchall()
    assert len(rows) == len(sources)
    for source, platform_id in rows:
        platform = medsos.lookup(source, default=None, fuzzy=False)
        assert platform_id == (platform.id if platform else None), source


def test_import_medsos_does_not_import_pandas() -> None:
    code = "import sys, medsos\nmedsos.classify('Quora')\nmedsos.lookup('fb')\nprint('pandas' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.stdout.split() == ["False"], result.stderr
