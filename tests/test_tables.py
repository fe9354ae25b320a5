"""Tables (pandas, Parquet) and ``argmap stats``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from argmap.cli import main
from argmap.corpus import read_jsonl
from argmap.extraction import extract_files
from argmap.stats import corpus_stats
from argmap.tables import COLUMNS, ParquetWriter, map_rows, read_parquet, to_pandas
from strategies import argument_maps

pytest.importorskip("pyarrow", reason="the tables extra (pandas, pyarrow) is not installed")

ROOT = Path(__file__).resolve().parent.parent
ESSAYS = sorted((ROOT / "examples").glob("*.txt"))


@settings(max_examples=40, deadline=None)
@given(amap=argument_maps())
def test_rows_cover_every_item_with_its_columns(amap) -> None:  # type: ignore[no-untyped-def]
    rows = map_rows(amap)
    assert [len(rows[t]) for t in ("documents", "topics", "nodes", "edges")] == [
        len(amap.documents), len(amap.topics), len(amap.nodes), len(amap.edges)]
    for table, table_rows in rows.items():
        assert all(list(r) == list(COLUMNS[table]) for r in table_rows)
    attacked = [e.target for e in amap.edges if e.relation == "attacks"]
    assert [r["attackers"] for r in rows["nodes"]] == [attacked.count(n.id) for n in amap.nodes]


def test_to_pandas_keeps_documents_apart_in_a_merged_map() -> None:
    amap = extract_files([str(p) for p in ESSAYS[:3]])
    tables = amap.to_pandas()
    assert list(tables.nodes.columns) == list(COLUMNS["nodes"])
    assert sorted(tables.nodes.document.unique()) == sorted(str(p) for p in ESSAYS[:3])
    per_doc = tables.nodes.groupby("document").size().to_dict()
    assert per_doc == {d.source: sum(n.document == d.id for n in amap.nodes) for d in amap.documents}


def test_parquet_from_the_cli_equals_the_pandas_tables_of_each_map(tmp_path: Path) -> None:
    import pandas

    out = tmp_path / "tables"
    assert main(["extract", "--format", "parquet", *map(str, ESSAYS), "-o", str(out)]) == 0
    got = read_parquet(out)
    maps = [extract_files([str(p)]) for p in ESSAYS]
    for i, table in enumerate(("documents", "topics", "nodes", "edges")):
        want = pandas.concat([to_pandas(m)[i] for m in maps], ignore_index=True)
        pandas.testing.assert_frame_equal(got[i].astype(want.dtypes.to_dict()), want)


def test_parquet_rows_made_in_the_workers_equal_the_tables_of_the_jsonl_maps(tmp_path: Path) -> None:
    """Workers send table rows, not maps: the files are byte for byte those written from the
    maps parsed back from the JSONL output (what the writing process used to do)."""
    from argmap.tables import write_parquet

    files = [str(p) for p in ESSAYS[:6]]
    jsonl, pooled, single = tmp_path / "maps.jsonl", tmp_path / "pooled", tmp_path / "single"
    assert main(["extract", "--format", "jsonl", *files, "-o", str(jsonl)]) == 0
    assert main(["extract", "--format", "parquet", "--jobs", "2", "--batch-size", "2", *files, "-o", str(pooled)]) == 0
    assert main(["extract", "--format", "parquet", *files, "-o", str(single)]) == 0
    want = write_parquet(read_jsonl(jsonl), tmp_path / "from-jsonl")
    for table in ("documents", "topics", "nodes", "edges"):
        expected = (want / f"{table}.parquet").read_bytes()
        assert (pooled / f"{table}.parquet").read_bytes() == expected, table
        assert (single / f"{table}.parquet").read_bytes() == expected, table


def test_parquet_row_groups_stream(tmp_path: Path) -> None:
    import pyarrow.parquet

    with ParquetWriter(tmp_path, row_group_rows=10) as writer:
        for p in ESSAYS:
            writer.write(extract_files([str(p)]))
    nodes = pyarrow.parquet.ParquetFile(tmp_path / "nodes.parquet")
    assert nodes.metadata.num_row_groups > 3
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_failed_parquet_run_leaves_no_tables(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), ParquetWriter(tmp_path) as writer:
        writer.write(extract_files([str(ESSAYS[0])]))
        raise RuntimeError("killed")
    assert list(tmp_path.iterdir()) == []


def test_stats_agree_across_map_jsonl_and_parquet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jsonl, folder, merged = tmp_path / "maps.jsonl", tmp_path / "tables", tmp_path / "map.json"
    files = [str(p) for p in ESSAYS]
    assert main(["extract", "--format", "jsonl", *files, "-o", str(jsonl)]) == 0
    assert main(["extract", "--format", "parquet", *files, "-o", str(folder)]) == 0
    assert main(["extract", *files, "-o", str(merged)]) == 0
    figures = [corpus_stats([p]) for p in (jsonl, folder, merged)]
    assert figures[0] == figures[1] == figures[2]
    assert figures[0]["documents"] == len(ESSAYS)
    critiques = [n for m in read_jsonl(jsonl) for n in m.nodes if n.kind == "critique"]
    attacked = {(m.documents[0].source, e.target) for m in read_jsonl(jsonl) for e in m.edges
                if e.relation == "attacks"}
    lone = [n for m in read_jsonl(jsonl) for n in m.nodes
            if n.kind == "critique" and (m.documents[0].source, n.id) not in attacked]
    assert figures[0]["unanswered_critiques"] == round(len(lone) / len(critiques), 4)
    assert main(["stats", "--json", str(jsonl)]) == 0
    assert json.loads(capsys.readouterr().out) == figures[0]
    assert main(["stats", str(folder)]) == 0
    assert capsys.readouterr().out.startswith(f"documents              {len(ESSAYS)}\n")


def test_stats_of_a_folder_without_tables_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip().endswith("folder has no documents.parquet (a folder of argmap "
                                                    "extract --format parquet?)")
