"""The same analysis in-process, in a local process pool and on a real (local) Dask cluster."""

from flashpoint.model import Article, InputError
from flashpoint.scale.runner import analyze_all

TEXTS = [
    "Russia accused Ukraine of shelling Donetsk on Monday. \"We will respond,\" the Kremlin said.",
    "NATO foreign ministers met in Brussels on Tuesday and urged Moscow to pull back its troops.",
    "Ukrainian officials said 12 soldiers were killed and 30 wounded in fighting near Kharkiv.",
]


def _items() -> list[Article | InputError]:
    items: list[Article | InputError] = [
        Article(id=f"s{i}", source=f"mem:{i}", body=t, published="2022-02-23") for i, t in enumerate(TEXTS)
    ]
    items.append(InputError(source="bad.bin", message="binary input"))
    return items


def _records(results: list) -> list:
    return [r.model_dump() for r in results]


def test_pool_and_dask_match_in_process() -> None:
    serial = list(analyze_all(_items(), engine="local", workers=1))
    pooled = list(analyze_all(_items(), engine="local", workers=2, chunk=2))
    dasked = list(analyze_all(_items(), engine="dask", workers=1, chunk=2))
    assert [type(r).__name__ for r in serial] == ["AnalyzedArticle"] * 3 + ["InputError"]
    assert _records(pooled) == _records(serial)
    assert _records(dasked) == _records(serial)


def test_unknown_engine_is_refused() -> None:
    import pytest

    with pytest.raises(ValueError, match="unknown engine"):
        list(analyze_all(_items(), engine="spark"))
