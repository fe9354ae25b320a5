"""``argmap extract FILE... [-o OUT]``: texts in, one merged map out, or one map per document
streamed as JSONL, or the corpus's tables as Parquet."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import click

from argmap.commands._options import files_argument

if TYPE_CHECKING:
    from argmap.corpus import Result, Source

FORMATS = ("json", "jsonl", "parquet")


@click.command(short_help="extract the argument maps of essays (text files, folders, JSONL)")
@files_argument
@click.option("-o", "--output", default="-", metavar="OUT",
              help="write here: a file (json, jsonl; default: -, standard output) or a folder (parquet)")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="json: one merged map; jsonl: one map per document and line, written as it goes; "
                   "parquet: documents, topics, nodes and edges tables in the folder -o")
@click.option("--input-format", type=click.Choice(["auto", "text", "jsonl"]), default="auto", show_default=True,
              help='text: each FILE is one document; jsonl: each line of FILE is {"id": …, "text": …}; '
                   "auto: FILE ending in .jsonl is JSONL")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True, metavar="N",
              help="worker processes (0: one per core)")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, metavar="N",
              help="documents per batch handed to a worker (default: 32)")
@click.option("--resume", is_flag=True,
              help="jsonl: keep the maps already in -o and extract only the documents missing there")
@click.option("--dask", "use_dask", is_flag=True, help="run on a local Dask cluster of --jobs workers")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="run on this Dask cluster (dask.distributed)")
@click.option("--progress/--no-progress", default=None,
              help="draw a progress bar on stderr (default: when stderr is a terminal)")
@click.option("--lexicon", "lexicons", multiple=True, metavar="JSON",
              help="extra cue lexicon (same shape as the bundled one); repeatable")
@click.pass_context
def command(ctx: click.Context, files: tuple[str, ...], output: str, fmt: str, input_format: str, jobs: int,
            batch_size: int | None, resume: bool, use_dask: bool, scheduler: str | None, progress: bool | None,
            lexicons: tuple[str, ...]) -> None:
    """Extract the argument maps of FILE...: text files (UTF-8), folders (their .txt and .md
    files, recursively), glob patterns ('essays/**/*.txt', quoted), or JSONL files of
    {"id": …, "text": …} records; '-' reads standard input (a text, or JSONL with
    --input-format jsonl).

    With --format json (the default) the texts give one map with a document each, written
    atomically. With jsonl the maps are appended one per line in input order as they are
    made, so a corpus of any size runs in bounded memory, and --resume after a killed run
    carries on where it stopped. A document that fails is reported on one line (ID: reason)
    and the run goes on; the exit status is then 1. A map JSON is refused: check, render,
    report and export take it as it is.
    """
    import os

    from argmap.commands._inputs import is_map_json
    from argmap.commands._streams import STDIO, display_name, read_input
    from argmap.corpus import BATCH_SIZE, expand_inputs
    from argmap.errors import InputError

    if resume and (fmt != "jsonl" or output == STDIO):
        raise InputError(output, "--resume continues a JSONL file: give --format jsonl and -o FILE")
    if fmt == "parquet" and output == STDIO:
        raise InputError(STDIO, "parquet tables go into a folder: give -o DIR")
    if use_dask and scheduler:
        raise InputError("--scheduler", "give --dask (a local cluster) or --scheduler (an existing one), not both")
    if lexicons:
        from argmap.extraction.lexicon import Lexicon

        Lexicon.load(*lexicons)  # fail early, naming the bad file
    inputs = expand_inputs(files, input_format)
    jobs = jobs or os.cpu_count() or 1
    options = {"jobs": jobs, "batch_size": batch_size or BATCH_SIZE, "lexicons": lexicons,
               "dask": scheduler or (True if use_dask else None)}
    if fmt == "json":
        texts = [name for kind, name in inputs if kind == "text"]
        for path in texts:
            if is_map_json(read_input(path)):
                raise InputError(display_name(path), "is an argmap map JSON, not a text to extract "
                                 "(check, render, report and export take it as it is)")
        # standard input, read above, is one text: the single-process path reads it again
        if len(texts) == len(inputs) and ((jobs == 1 and not options["dask"]) or STDIO in texts):
            _write_merged_texts(texts, output, lexicons)
        else:
            _write_merged(inputs, output, progress, options)
        return
    failed, total = _stream(inputs, output, fmt, resume, progress, options)
    if failed:
        click.echo(f"argmap extract: {failed} of {total} documents failed (the others were written)", err=True)
        ctx.exit(1)


def _write_merged_texts(paths: Sequence[str], output: str, lexicons: tuple[str, ...]) -> None:
    """The single-map path: text files extracted together, written atomically."""
    from argmap.commands._inputs import extract_texts
    from argmap.commands._streams import write_output

    nlp = None
    if lexicons:
        from argmap.extraction.pipeline import make_nlp

        nlp = make_nlp(lexicons)
    write_output(output, extract_texts(paths, nlp=nlp).to_json() + "\n")


def _results(inputs: Sequence[tuple[str, str]], skip: set[str], progress: bool | None,
             options: dict[str, object], unique: bool = False) -> Iterator[list[Result]]:
    """The results batch by batch, in input order, under a progress bar; ``skip``: ids to
    leave out, ``unique``: a repeated id is a failure."""
    from argmap.corpus import extract_stream, iter_sources, unique_sources
    from argmap.progress import progress_bar

    known = all(kind == "text" for kind, _ in inputs)
    total = len([n for _, n in inputs if n not in skip]) if known else None
    sources: Iterator[Source] = unique_sources(iter_sources(inputs)) if unique else iter_sources(inputs)
    sources = (s for s in sources if s.error is not None or s.id not in skip)
    dask = options.pop("dask", None)
    with progress_bar(total, "documents", show=progress, min_total=1) as bar:
        if dask:
            from argmap.dask import extract_stream_on_cluster

            stream = extract_stream_on_cluster(sources, None if dask is True else str(dask), **options)  # type: ignore[arg-type]
        else:
            stream = extract_stream(sources, **options)  # type: ignore[arg-type]
        for batch in stream:
            for result in batch:
                if result.error is not None:
                    bar.write(f"argmap extract: {result.id}: {result.error}", file=sys.stderr)
            yield batch
            bar.update(len(batch))


def _write_merged(inputs: Sequence[tuple[str, str]], output: str, progress: bool | None,
                  options: dict[str, object]) -> None:
    """One merged map from the streamed results; a failed document fails the whole map."""
    from argmap.commands._streams import write_output
    from argmap.corpus import merge_results

    amap = merge_results(r for batch in _results(inputs, set(), progress, options) for r in batch)
    write_output(output, amap.to_json() + "\n")


def _stream(inputs: Sequence[tuple[str, str]], output: str, fmt: str, resume: bool, progress: bool | None,
            options: dict[str, object]) -> tuple[int, int]:
    """Write the results as they come; returns (documents failed, documents seen)."""
    from argmap.corpus import JsonlWriter, completed_ids

    failed = total = 0
    if fmt == "parquet":
        from argmap.commands._streams import output_folder
        from argmap.tables import ParquetWriter

        with ParquetWriter(output_folder(output)) as writer:
            for batch in _results(inputs, set(), progress, {**options, "tables": True}):
                for result in batch:
                    total += 1
                    if result.tables is None:
                        failed += 1
                    else:
                        writer.write_columns(result.tables)
        return failed, total
    skip = completed_ids(output, repair=True) if resume else set()
    with JsonlWriter(output, append=resume) as writer:
        for batch in _results(inputs, skip, progress, options, unique=True):
            total += len(batch)
            failed += sum(result.error is not None for result in batch)
            writer.write_batch(batch)
            writer.checkpoint()
    return failed, total
