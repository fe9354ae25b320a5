"""Dung semantics against a brute-force oracle written here, plus the map view and limits."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import LimitExceeded
from argmap.model import ArgumentMap, Edge, Node, Topic
from argmap.semantics import (
    Framework,
    complete_extensions,
    extensions,
    framework_from_map,
    grounded_extension,
    grounded_labelling,
    preferred_extensions,
    stable_extensions,
)

# ----- the oracle: definitions applied to every subset ----------------------------------


class Oracle:
    def __init__(self, af: Framework) -> None:
        self.args = list(af.arguments)
        self.att = set(af.attacks)

    def attacks_set(self, s: frozenset[str], a: str) -> bool:
        return any((b, a) in self.att for b in s)

    def conflict_free(self, s: frozenset[str]) -> bool:
        return not any((a, b) in self.att for a in s for b in s)

    def defended(self, s: frozenset[str]) -> frozenset[str]:
        return frozenset(a for a in self.args
                         if all(self.attacks_set(s, b) for b in self.args if (b, a) in self.att))

    def subsets(self) -> list[frozenset[str]]:
        return [frozenset(c) for k in range(len(self.args) + 1) for c in combinations(self.args, k)]

    def admissible(self, s: frozenset[str]) -> bool:
        return self.conflict_free(s) and s <= self.defended(s)

    def complete(self) -> set[frozenset[str]]:
        return {s for s in self.subsets() if self.conflict_free(s) and self.defended(s) == s}

    def preferred(self) -> set[frozenset[str]]:
        adm = [s for s in self.subsets() if self.admissible(s)]
        return {s for s in adm if not any(s < t for t in adm)}

    def stable(self) -> set[frozenset[str]]:
        return {s for s in self.subsets() if self.conflict_free(s)
                and all(self.attacks_set(s, a) for a in self.args if a not in s)}

    def grounded(self) -> frozenset[str]:
        s: frozenset[str] = frozenset()
        while (nxt := self.defended(s)) != s:
            s = nxt
        return s


@st.composite
def frameworks(draw: st.DrawFn, max_args: int = 7) -> Framework:
    n = draw(st.integers(0, max_args))
    names = [f"a{i}" for i in range(n)]
    pairs = draw(st.lists(st.tuples(st.sampled_from(names), st.sampled_from(names)), max_size=3 * n)) if n else []
    return Framework(names, pairs)


@settings(max_examples=300, deadline=None)
@given(frameworks())
def test_extensions_match_the_oracle(af: Framework) -> None:
    oracle = Oracle(af)
    assert grounded_extension(af) == oracle.grounded()
    assert set(complete_extensions(af)) == oracle.complete()
    assert set(preferred_extensions(af)) == oracle.preferred()
    assert set(stable_extensions(af)) == oracle.stable()


@settings(max_examples=200, deadline=None)
@given(frameworks())
def test_semantic_properties(af: Framework) -> None:
    oracle = Oracle(af)
    complete = complete_extensions(af)
    preferred = preferred_extensions(af)
    stable = stable_extensions(af)
    for ext in complete + preferred + stable:
        assert oracle.conflict_free(ext) and oracle.admissible(ext)
    assert len(set(complete)) == len(complete) and len(set(preferred)) == len(preferred)
    grounded = grounded_extension(af)
    assert grounded in complete and all(grounded <= e for e in complete), "grounded = least complete"
    assert set(stable) <= set(preferred) <= set(complete)
    for p in preferred:
        assert not any(p < e for e in complete), "each preferred extension is maximal"
    assert preferred, "every framework has a preferred extension"


@settings(max_examples=200, deadline=None)
@given(frameworks(max_args=12))
def test_grounded_labelling_is_a_legal_labelling(af: Framework) -> None:
    lab = grounded_labelling(af)
    assert list(lab) == list(af.arguments)
    attackers = {a: [s for s, t in af.attacks if t == a] for a in af.arguments}
    for a, label in lab.items():
        if label == "IN":
            assert all(lab[s] == "OUT" for s in attackers[a])
        elif label == "OUT":
            assert any(lab[s] == "IN" for s in attackers[a])
        else:
            assert not any(lab[s] == "IN" for s in attackers[a])
            assert not all(lab[s] == "OUT" for s in attackers[a])


def test_long_chain_alternates_without_recursion_limits() -> None:
    n = 20_000
    af = Framework.from_indices(n, [(i, i + 1) for i in range(n - 1)])
    lab = grounded_labelling(af)
    assert lab["1"] == "IN" and lab["2"] == "OUT" and lab[str(n)] == ("IN" if n % 2 else "OUT")
    assert len(grounded_extension(af)) == (n + 1) // 2


def test_framework_dedupes_and_rejects_unknown_arguments() -> None:
    af = Framework(["a", "b", "a"], [("a", "b"), ("a", "b")])
    assert af.arguments == ("a", "b") and af.attacks == (("a", "b"),)
    with pytest.raises(ValueError, match="unknown argument 'z'"):
        Framework(["a"], [("a", "z")])
    with pytest.raises(ValueError):
        Framework.from_indices(2, [(0, 2)])


def test_framework_from_map_uses_attacks_and_topics_only() -> None:
    m = ArgumentMap(
        topics=[Topic(id="t", title="T")],
        nodes=[Node(id="c", kind="critique", topic="t", text="x"),
               Node(id="r", kind="rebuttal", topic="t", text="y"),
               Node(id="k", kind="claim", topic="t", text="z")],
        edges=[Edge(source="c", target="t", relation="attacks"),
               Edge(source="r", target="c", relation="attacks"),
               Edge(source="k", target="t", relation="supports")],
    )
    af = framework_from_map(m)
    assert af.arguments == ("t", "c", "r", "k")
    assert af.attacks == (("c", "t"), ("r", "c"))
    assert Framework.from_map(m).attacks == af.attacks
    assert grounded_labelling(m) == {"t": "IN", "c": "OUT", "r": "IN", "k": "IN"}
    assert stable_extensions(m) == [frozenset({"t", "r", "k"})]


@pytest.mark.parametrize("solver", [complete_extensions, preferred_extensions, stable_extensions])
def test_search_limit_raises_clearly(solver) -> None:  # type: ignore[no-untyped-def]
    # 12 independent two-cycles: 3^12 complete labellings, far past a 50-step limit.
    names = [f"x{i}" for i in range(24)]
    af = Framework(names, [(names[i], names[i ^ 1]) for i in range(24)])
    with pytest.raises(LimitExceeded, match="search passed 50 steps on 24 arguments; raise the limit"):
        solver(af, limit=50)
    assert len(stable_extensions(af, limit=None)) == 2 ** 12


def test_time_limit_raises_clearly() -> None:
    names = [f"x{i}" for i in range(40)]
    af = Framework(names, [(names[i], names[i ^ 1]) for i in range(40)])
    with pytest.raises(LimitExceeded, match="time limit"):
        complete_extensions(af, limit=None, time_limit=0.0)


def test_extensions_dispatch() -> None:
    af = Framework(["a", "b"], [("a", "b"), ("b", "a")])
    assert extensions(af, "grounded") == [frozenset()]
    assert set(extensions(af, "stable")) == {frozenset({"a"}), frozenset({"b"})}
    with pytest.raises(ValueError, match="unknown semantics"):
        extensions(af, "ideal")
