"""Extraction throughput: argmap's pipeline vs a bare spaCy baseline, in the same run.

The corpus is the bundled examples/*.txt repeated to about 1 MB. The baseline is
``spacy.blank("en")`` with the rule-based ``sentencizer``, run over the same texts with
``nlp.pipe``; argmap runs its own ``nlp.pipe`` (its tokenizer, sentence component, debate
extraction up to a validated ArgumentMap per text). Reported: words/s of each (CPU time, best of
several interleaved runs) and the ratio of times (target ≤ 2.0).

Run: python benchmarks/extract_throughput.py [--mb 1.0] [--repeat 5]

Measured 2 Dec 2026, 18:40 UTC (2 cores shared with three other jobs, load average 5.0-7.8;
1 MB = 525 texts, 171,645 words; best of 7, three runs interleaved with the code before this
change): ratio 1.77-1.88, baseline 0.52-0.56 s, argmap 0.92-1.02 s; the code before measured
2.64-2.73 in the same runs. Most of the difference is the tokenizer: argmap's
(``pipeline.CachingTokenizer``) keeps spaCy's chunk cache filled, which spaCy leaves unfilled
after a Doc's first special case such as "it's", and tokenizes this corpus in 0.09 s where the
baseline's takes 0.47 s (a separate in-process run, load 6, where argmap with a plain spaCy
tokenizer measured 2.57). The corpus repeats the bundled examples, so after the first pass every
chunk is cached; texts that share fewer chunks gain less (one pass over 421 short distinct
texts was 7% slower, the cache being filled). Load inflates the ratio (Python code suffers more
from a shared core than the tokenizer), so run it on an idle machine for the real figure.

Measured 4 Dec 2026, 02:09–02:13 UTC (load average 4.1–5.7, best of 5, two rounds alternating
with the code before the speed changes of that session on the same examples): ratio 1.99 and
1.96 against 2.02 and 2.03 (argmap 2.20 and 2.14 s against 2.22 and 2.27 s, baseline
1.09–1.12 s). With that day's larger set of examples merged in, 2.07 and 2.00 under the same
load: at the bar, so measure reading changes against main in the same minutes. spaCy's own
tokenizer leaves more chunks uncached on this corpus than on the recombined essays of
``benchmarks/corpus.py``, so the baseline is slower here and the ratio lower than there
(docs/corpus.md says why).

Measured 4 Dec 2026 on an idle machine (load average under 1), best of 5: at 00:50 UTC, before
that day's work, 1.91, 1.94 and 1.93 (46 examples); at 03:08 UTC, after it, 2.20, 2.21 and 2.19
(73 examples; baseline 0.96 s, argmap 2.10–2.12 s). Swapping the example sets between the two
trees in the same minutes: old code on the old examples 1.96, old code on the new examples
1.93, new code on the old examples 2.03. The day's reading work costs about 4 % on the old
texts and more on the new ones, whose layouts (wiki source read twice, tables, labelled
speeches) take the new paths. The bar (≤ 2.0) is missed.

Measured 4 Dec 2026, 20:57–20:58 UTC (load average 2.5–3.2, other jobs on the 2 cores; best of
5, three rounds alternating with main 76b04b3 on the same 82 examples, 656 texts) after the
token table's form look-ups were made cheaper: ratio 2.33, 2.35, 2.46 against main's 2.59,
2.32, 2.64 (argmap 1.035–1.105 s against 1.011–1.163 s; baseline 0.436–0.450 s), which is
within this machine's noise. The deterministic figure: callgrind counts 5,751.7 M instructions
for argmap's second run over this corpus against main's 5,797.1 M (−0.8 %). Callgrind's
per-function counts over 60 examples put about 9 % of a pass in spaCy's tokenizer, 5 % in
``Doc.to_array`` (spaCy's build checks the GIL state for every token attribute it exports)
and 3 % in regular expressions; the rest is spread thinly over argmap's Python.

Measured 4 Dec 2026, 21:16–21:18 UTC (load average 5.7–6.5, 609 texts, 172,620 words, best of 5,
three rounds alternating with main 4e53f3f): ratio 2.64, 2.69, 2.56 against main's 2.65, 2.56,
2.73 (argmap 1.03–1.07 s, baseline 0.39–0.41 s). That change (extracted maps drop the index their
validation built, fewer pattern searches in the layout) saves 1.5 % of the instructions of 60
examples piped after warm-up (callgrind: 521.9 M → 513.9 M against main 76b04b3), well inside the
run-to-run spread under that load. The bar (≤ 2.0) is missed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import spacy

from argmap.extraction.pipeline import make_nlp
from timing import interleaved_best

ROOT = Path(__file__).resolve().parent.parent


def corpus(target_bytes: int) -> list[str]:
    essays = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    if not essays:
        sys.exit("benchmarks/extract_throughput.py: examples/*.txt not found")
    texts, size = [], 0
    while size < target_bytes:
        for essay in essays:
            texts.append(essay)
            size += len(essay.encode("utf-8"))
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="corpus size in MB (default 1)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per pipeline; the best counts")
    args = parser.parse_args()

    texts = corpus(int(args.mb * 1_000_000))
    words = sum(len(t.split()) for t in texts)
    baseline = spacy.blank("en")
    baseline.add_pipe("sentencizer")
    argmap_nlp = make_nlp()
    # warm both up (lexeme caches, regex compilation) before timing
    list(baseline.pipe(texts[:5]))
    list(argmap_nlp.pipe(texts[:5]))

    maps: list[object] = []

    def run_argmap() -> None:
        # only the last run's maps are kept (for the node count): keeping every run's would
        # make each later run pay the garbage collector for the maps of the runs before it
        maps[:] = [d._.argmap for d in argmap_nlp.pipe(texts)]

    best = interleaved_best({
        "baseline": lambda: [d for d in baseline.pipe(texts)],
        "argmap": run_argmap,
    }, args.repeat, clock=time.process_time)  # CPU time: load elsewhere on the machine skews wall time
    t_base, t_argmap = best["baseline"], best["argmap"]
    nodes = sum(len(m.nodes) for m in maps)  # type: ignore[attr-defined]

    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"corpus: {len(texts)} texts, {mb:.2f} MB, {words} words; argmap found {nodes} statements")
    print(f"spacy.blank + sentencizer : {t_base:7.3f} s  {words / t_base:10,.0f} words/s")
    print(f"argmap extraction         : {t_argmap:7.3f} s  {words / t_argmap:10,.0f} words/s")
    print(f"ratio of times (argmap / baseline): {t_argmap / t_base:.2f}  (target <= 2.0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
