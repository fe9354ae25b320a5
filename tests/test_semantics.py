"""Dung semantics against a brute-force oracle written here, plus the map view and limits."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import LimitExceeded
from argmap.model import ArgumentMap, Edge, Node, Topic
from argmap.semantics import (
    SEMANTICS,
    Framework,
    count_extensions,
    credulously_accepted,
    extensions,
    framework_from_map,
    grounded_extension,
    grounded_labelling,
    skeptically_accepted,
    some_extension,
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

    def range(self, s: frozenset[str]) -> frozenset[str]:
        return s | {a for a in self.args if self.attacks_set(s, a)}

    def semi_stable(self) -> set[frozenset[str]]:
        complete = self.complete()
        return {s for s in complete if not any(self.range(s) < self.range(t) for t in complete)}

    def ideal(self) -> frozenset[str]:
        preferred = self.preferred()
        inside = frozenset.intersection(*preferred)
        candidates = [s for s in self.subsets() if s <= inside and self.admissible(s)]
        return max(candidates, key=len)

    def extensions(self, semantics: str) -> set[frozenset[str]]:
        unique = {"grounded": self.grounded, "ideal": self.ideal}
        if semantics in unique:
            return {unique[semantics]()}
        return {"complete": self.complete, "preferred": self.preferred, "stable": self.stable,
                "semi-stable": self.semi_stable}[semantics]()


@st.composite
def frameworks(draw: st.DrawFn, max_args: int = 7) -> Framework:
    n = draw(st.integers(0, max_args))
    names = [f"a{i}" for i in range(n)]
    pairs = draw(st.lists(st.tuples(st.sampled_from(names), st.sampled_from(names)), max_size=3 * n)) if n else []
    return Framework(names, pairs)


@settings(max_examples=150, deadline=None)
@given(frameworks(), st.sampled_from(SEMANTICS))
def test_every_task_matches_the_oracle(af: Framework, semantics: str) -> None:
    expected = Oracle(af).extensions(semantics)
    listed = extensions(af, semantics)
    assert len(listed) == len(set(listed)) and set(listed) == expected  # EE
    assert count_extensions(af, semantics) == len(expected)  # CE
    one = some_extension(af, semantics)  # SE
    assert (one in expected) if expected else one is None
    for a in af.arguments:
        yes, witness = credulously_accepted(af, a, semantics)  # DC
        assert yes == any(a in e for e in expected)
        assert (witness in expected and a in witness) if yes else witness is None
        yes, counter = skeptically_accepted(af, a, semantics)  # DS
        assert yes == all(a in e for e in expected)
        assert counter is None if yes else (counter in expected and a not in counter)


@settings(max_examples=100, deadline=None)
@given(frameworks())
def test_semantic_properties(af: Framework) -> None:
    oracle = Oracle(af)
    complete = extensions(af, "complete")
    preferred = extensions(af, "preferred")
    stable = extensions(af, "stable")
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
    assert extensions(m, "stable") == [frozenset({"t", "r", "k"})]


@pytest.mark.parametrize("semantics", ["complete", "preferred", "stable", "semi-stable"])
def test_the_extension_limit_refuses_before_listing(semantics: str) -> None:
    # 12 unconnected two-cycles: 2^12 preferred / stable extensions, 3^12 complete ones
    names = [f"x{i}" for i in range(24)]
    af = Framework(names, [(names[i], names[i ^ 1]) for i in range(24)])
    with pytest.raises(LimitExceeded, match="more than 50 .*unconnected parts.*raise the limit"):
        extensions(af, semantics, limit=50)
    assert len(extensions(af, "stable", limit=None)) == 2 ** 12
    assert count_extensions(af, "complete") == 3 ** 12


def test_counts_of_unconnected_parts_multiply_without_listing() -> None:
    af = Framework.from_indices(2000, [(i, i ^ 1) for i in range(2000)])
    assert count_extensions(af, "preferred") == 2 ** 1000


def test_time_limit_raises_clearly() -> None:
    # 40 separate two-cycles have 3^40 complete extensions: no machine lists them within the
    # limit, however fast (a random tangle could finish in time on an idle machine)
    af = Framework.from_indices(80, [e for i in range(0, 80, 2) for e in ((i, i + 1), (i + 1, i))])
    with pytest.raises(LimitExceeded, match="time limit"):
        extensions(af, "complete", limit=None, time_limit=0.01)


def test_extensions_dispatch() -> None:
    af = Framework(["a", "b"], [("a", "b"), ("b", "a")])
    assert extensions(af, "grounded") == [frozenset()]
    assert set(extensions(af, "stable")) == {frozenset({"a"}), frozenset({"b"})}
    with pytest.raises(ValueError, match="unknown semantics"):
        extensions(af, "naive")
    with pytest.raises(ValueError, match="no argument 'z'"):
        credulously_accepted(af, "z", "preferred")
