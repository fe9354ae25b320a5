"""argmap.dask on a 2-worker LocalCluster (worker processes): the same maps as one process."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the dask extra (dask[distributed]) is not installed")

from argmap.cli import main  # noqa: E402
from argmap.corpus import Source, extract_results  # noqa: E402
from test_corpus import BENCH  # noqa: E402

DOCS = 50


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    import logging

    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def essays() -> list[tuple[str, str]]:
    return list(BENCH.generate_essays(DOCS, seed=5))  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def single_process(essays: list[tuple[str, str]]) -> list[str]:
    return [r.line.decode() for r in extract_results(Source(i, text=t) for i, t in essays)]  # type: ignore[union-attr]


def test_bag_gives_the_single_process_maps_document_for_document(client: object, essays: list[tuple[str, str]],
                                                                 single_process: list[str]) -> None:
    import dask.bag as db

    from argmap.dask import extract_bag, extract_lines

    bag = db.from_sequence([{"id": i, "text": t} for i, t in essays], npartitions=6)
    assert extract_lines(bag).compute() == single_process
    maps = extract_bag(bag).compute()
    assert [m.to_json(indent=None) for m in maps] == single_process
    assert [m.documents[0].source for m in maps] == [i for i, _ in essays]


def test_each_worker_builds_its_pipeline_once(client: object, essays: list[tuple[str, str]]) -> None:
    import dask.bag as db

    from argmap.dask import extract_lines

    extract_lines(db.from_sequence(essays, npartitions=8)).compute()

    def builds() -> int:
        from argmap.corpus import worker_nlp

        return worker_nlp.cache_info().misses

    assert set(client.run(builds).values()) == {1}  # type: ignore[attr-defined]


def test_dataframes_match_the_pandas_tables(client: object, essays: list[tuple[str, str]],
                                            single_process: list[str]) -> None:
    import dask.bag as db
    import pandas

    from argmap.dask import extract_bag, to_dataframes
    from argmap.model import ArgumentMap
    from argmap.tables import to_pandas

    tables = to_dataframes(extract_bag(db.from_sequence(essays[:12], npartitions=3)))
    want = pandas.concat([to_pandas(ArgumentMap.from_json(x)).nodes for x in single_process[:12]], ignore_index=True)
    pandas.testing.assert_frame_equal(tables.nodes.compute().reset_index(drop=True), want)
    critiques = tables.nodes[tables.nodes.kind == "critique"].groupby("actor").size().compute()
    assert critiques.to_dict() == want[want.kind == "critique"].groupby("actor").size().to_dict()


def test_cli_on_a_scheduler_writes_the_single_process_jsonl(client: object, essays: list[tuple[str, str]],
                                                            single_process: list[str], tmp_path: Path) -> None:
    feed = tmp_path / "essays.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in essays), encoding="utf-8")
    out = tmp_path / "maps.jsonl"
    address = client.scheduler.address  # type: ignore[attr-defined]
    assert main(["extract", "--format", "jsonl", "--scheduler", address, "--batch-size", "4", str(feed),
                 "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").splitlines() == single_process


def test_cli_dask_starts_its_own_local_cluster(tmp_path: Path) -> None:
    essay = tmp_path / "e.txt"
    essay.write_text("Critics warn that tolls hurt. Supporters reply that rebates help.", encoding="utf-8")
    missing = tmp_path / "bad.txt"
    missing.write_bytes(b"\x00")
    out = tmp_path / "maps.jsonl"
    assert main(["extract", "--format", "jsonl", "--dask", "--jobs", "2", str(essay), str(missing), "-o", str(out)]) == 1
    assert [json.loads(x)["documents"][0]["source"] for x in out.read_text().splitlines()] == [str(essay)]


def test_cli_parquet_on_a_scheduler_writes_the_single_process_tables(client: object, essays: list[tuple[str, str]],
                                                                     tmp_path: Path) -> None:
    """Dask workers send table rows too: the same files as one process."""
    pytest.importorskip("pyarrow", reason="the tables extra (pandas, pyarrow) is not installed")
    feed = tmp_path / "essays.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in essays[:12]), encoding="utf-8")
    address = client.scheduler.address  # type: ignore[attr-defined]
    assert main(["extract", "--format", "parquet", "--scheduler", address, "--batch-size", "3", str(feed),
                 "-o", str(tmp_path / "dask")]) == 0
    assert main(["extract", "--format", "parquet", str(feed), "-o", str(tmp_path / "one")]) == 0
    for table in ("documents", "topics", "nodes", "edges"):
        name = f"{table}.parquet"
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), table
