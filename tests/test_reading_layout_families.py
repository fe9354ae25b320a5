"""Layout families real pages and documents use that the tuning texts did not show: paragraph
labels ending in a full stop or a dash, Markdown tables of labelled pairs, MediaWiki source,
numbered outlines of every numbering, referee reports with author responses, interview
transcripts, and Kialo exports given as text. Each family is tested in several spellings.

Every text here is written for these tests (fictional subjects).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from argmap.extraction import extract_text
from argmap.extraction.markup import is_wiki, reading_text


def _read(text: str) -> list[tuple[str, str, str]]:
    """(kind, first words, first words of the target or "topic") per node, in text order."""
    m = extract_text(text)
    by_id = {n.id: n for n in m.nodes}
    targets = {e.source: e.target for e in m.edges}
    relations = {e.source: e.relation for e in m.edges}
    out = []
    for n in m.nodes:
        assert text[n.span[0] : n.span[1]] == n.text
        t = targets[n.id]
        out.append((n.kind, " ".join(n.text.split()[:2]), relations[n.id] + ":" +
                    (" ".join(by_id[t].text.split()[:2]) if t in by_id else "topic")))
    return out


# ----- paragraph labels ending in a full stop or a dash ----------------------------------------

OBJECTIONS = """Should the town pedestrianise Mill Street?

Thesis. The town should close Mill Street to cars.

Objection 1. Deliveries to the shops would have nowhere to stop.

Reply. Loading bays at both ends of the street can serve every shop before ten.

Objection 2 — Disabled drivers would lose the parking outside the surgery.

Reply to Objection 2. Four blue-badge bays stay open on the side road next to it.

Counter-argument: Footfall falls when drivers cannot park near the shops.

Response — Footfall rose in each of the three towns nearby that closed their high streets.
"""


def test_labels_ending_in_a_full_stop_or_a_dash() -> None:
    assert _read(OBJECTIONS) == [
        ("claim", "The town", "supports:topic"),
        ("critique", "Deliveries to", "attacks:The town"),
        ("rebuttal", "Loading bays", "attacks:Deliveries to"),
        ("critique", "Disabled drivers", "attacks:The town"),  # "Objection 2" answers what "Objection 1" did
        ("rebuttal", "Four blue-badge", "attacks:Disabled drivers"),
        ("critique", "Footfall falls", "attacks:Four blue-badge"),
        ("rebuttal", "Footfall rose", "attacks:Footfall falls"),
    ]


def test_claim_and_rebuttal_and_q_a_with_full_stops() -> None:
    text = ("Harbour lights\n\nClaim. New harbour lights would cut the number of night-time groundings.\n\n"
            "Rebuttal. Groundings at night are already rare, since every boat now carries a plotter.\n\n"
            "Q. Won't the new lights spoil the view from the promenade?\n\n"
            "A. The lamps are shielded, so they light the water and not the sky.\n")
    assert _read(text) == [
        ("claim", "New harbour", "supports:topic"),
        ("critique", "Groundings at", "attacks:New harbour"),
        ("critique", "Won't the", "attacks:topic"),
        ("rebuttal", "The lamps", "attacks:Won't the"),
    ]


def test_a_lone_full_stop_after_a_label_word_is_a_sentence() -> None:
    # one "Reply." line does not make a layout, and "No." answers a question in a FAQ
    text = ("Ferry timetable\n\nWill the last ferry be cut?\n\nNo. The last sailing stays at 23:10 all year.\n\n"
            "Will fares rise?\n\nNo. Fares are frozen until the spring.\n")
    kinds = [k for k, _, _ in _read(text)]
    assert kinds == ["critique", "rebuttal", "critique", "rebuttal"]
    m = extract_text("Notes\n\nReply. We met on Tuesday and the minutes went round.\n")
    assert not m.nodes


# ----- Markdown tables ------------------------------------------------------------------------

def _table(header: str) -> str:
    return (f"# Should the library open on Sundays?\n\n{header}\n|---|---|\n"
            "| Sunday opening costs too much in overtime. | Volunteers would staff two of the four hours. |\n"
            "| Nobody would come on a Sunday morning. | The pilot drew 180 visitors a week. |\n")


@pytest.mark.parametrize("header, left, right", [
    ("| Concern | Our response |", "critique", "rebuttal"),
    ("| Objection | Reply |", "critique", "rebuttal"),
    ("| Claim | Response |", "claim", "critique"),
    ("| Argument | Counter-argument |", "claim", "critique"),
])
def test_a_table_of_labelled_pairs_pairs_each_row(header: str, left: str, right: str) -> None:
    read = _read(_table(header))
    assert read == [
        (left, "Sunday opening", "supports:topic" if left == "claim" else "attacks:topic"),
        (right, "Volunteers would", "attacks:Sunday opening"),
        (left, "Nobody would", "supports:topic" if left == "claim" else "attacks:topic"),
        (right, "The pilot", "attacks:Nobody would"),
    ]  # the header row is no statement


def test_a_myth_fact_table_after_a_pros_cons_table() -> None:
    text = ("# Heat pumps\n\n## Pros and cons\n\n| Pros | Cons |\n|---|---|\n"
            "| Running costs fall by a third. | Fitting one takes a week. |\n\n"
            "## Myths\n\n| Myth | Fact |\n| --- | --- |\n"
            "| Heat pumps do not work in old houses. | Most houses built before 1930 need only bigger radiators. |\n")
    m = extract_text(text)
    kinds = [(n.kind, n.text.split()[0]) for n in m.nodes]
    assert kinds == [("claim", "Running"), ("critique", "Fitting"), ("critique", "Heat"), ("rebuttal", "Most")]
    myth = next(n for n in m.nodes if n.text.startswith("Heat"))
    assert next(t.title for t in m.topics if t.id == myth.topic) == myth.text  # a myth is its own topic


# ----- wiki source ----------------------------------------------------------------------------

WIKI = """The '''Kestrel Bridge''' is a footbridge over the [[River Lune|Lune]].<ref>{{cite web |title=Bridges |year=2020}}</ref>

== History ==
It opened in 1998.<ref name="opening"/>

== Criticism ==
=== Cost ===
The '''Civic Trust''' has argued that the repairs cost far more than a new crossing would.<ref>{{cite news |title=Bridge "a money pit" |date=3 May 2022}}</ref> The council has responded that a new crossing would need a planning inquiry.{{citation needed|date=May 2022}}

=== Safety ===
Cyclists warn that the deck is slippery in frost.

== See also ==
* [[List of bridges]]
"""


def test_wiki_source_is_read_as_the_page_it_renders() -> None:
    assert is_wiki(WIKI) and not is_wiki("A plain text with a == sign in it.")
    reading = reading_text(WIKI)
    assert len(reading) == len(WIKI) and "## Criticism" in reading and "### Cost" in reading
    assert "cite" not in reading and "'''" not in reading and "Lune" in reading and "River" not in reading
    m = extract_text(WIKI)
    assert [(n.kind, n.text) for n in m.nodes] == [
        ("critique", "The '''Civic Trust''' has argued that the repairs cost far more than a new crossing would."),
        ("rebuttal", "The council has responded that a new crossing would need a planning inquiry."),
        ("critique", "Cyclists warn that the deck is slippery in frost."),
    ]  # spans point at the source, markup and all; references and templates are no part of them
    titles = {t.id: t.title for t in m.topics}
    assert [titles[n.topic] for n in m.nodes] == ["Cost", "Cost", "Safety"]


def test_wiki_lists_and_entities_keep_offsets() -> None:
    text = "== Criticism ==\n# Critics argue that the toll of 5&nbsp;euros is too high.\n## Others reply that it is fair.\n"
    reading = reading_text(text)
    assert len(reading) == len(text) and "5 " in reading and "- Critics" in reading
    for n in extract_text(text).nodes:
        assert text[n.span[0] : n.span[1]] == n.text


# ----- numbered outlines ----------------------------------------------------------------------

@pytest.mark.parametrize("top, mid, low, indent", [
    ("I.", "1.", "a)", "   "),
    ("1.", "1.1", "1.1.1", ""),
    ("1)", "(a)", "(i)", "    "),
    ("IV)", "(ii)", "-", "  "),
])
def test_outline_numbering_at_any_depth(top: str, mid: str, low: str, indent: str) -> None:
    text = (f"Congestion charge\n\n{top} Argument for: The charge would pay for more buses.\n"
            f"{indent}{mid} Objection: Bus use has fallen for a decade whatever the fares.\n"
            f"{indent * 2}{low} Response: Use rose on every route that got more frequent buses.\n")
    assert _read(text) == [
        ("claim", "The charge", "supports:topic"),
        ("critique", "Bus use", "attacks:The charge"),
        ("rebuttal", "Use rose", "attacks:Bus use"),
    ]


def test_decimal_numbers_nest_without_indentation_and_figures_are_no_items() -> None:
    text = ("Congestion charge\n\n1. Argument against: The charge hits night-shift workers hardest.\n"
            "1.1 Response: Night hours would be free of charge.\n"
            "1.1.1 Objection: Early shifts start before the free hours end.\n"
            "2. Argument against: Traders would lose passing trade.\n\n"
            "1.5 million people drive into the centre each year.\n")
    assert _read(text) == [
        ("critique", "The charge", "attacks:topic"),
        ("rebuttal", "Night hours", "attacks:The charge"),
        ("critique", "Early shifts", "attacks:Night hours"),
        ("critique", "Traders would", "attacks:topic"),
    ]


# ----- referee reports ------------------------------------------------------------------------

REVIEW = """Manuscript 2026-88: "Reading aloud and vocabulary growth"

Reviewer 1

Major comments

1. The authors argue that reading aloud at home doubles vocabulary growth. However, the families who volunteered already read more than most.

2. The vocabulary test was given by the parents themselves.

Response to reviewers

Response to comment 2. Every test was given by a trained assistant, as the revised methods now state.

Response to comment 1. We thank the reviewer. We now compare the volunteers with matched families who read as often.
"""


def test_a_referee_report_and_the_response_to_it() -> None:
    assert _read(REVIEW) == [
        ("claim", "The authors", "supports:topic"),  # what the reviewer reports is the thesis side
        ("critique", "However, the", "attacks:The authors"),
        ("critique", "The vocabulary", "attacks:topic"),
        ("rebuttal", "Every test", "attacks:The vocabulary"),
        ("rebuttal", "We thank", "attacks:However, the"),
        ("rebuttal", "We now", "attacks:However, the"),  # "Response to comment 1." answers comment 1
    ]


# ----- interviews -----------------------------------------------------------------------------

@pytest.mark.parametrize("host, guest", [("INTERVIEWER", "OKONJO"), ("Q", "A"), ("HOST", "Dr Okonjo")])
def test_an_interviewer_voices_the_other_side(host: str, guest: str) -> None:
    text = (f"Interview: the head of Fenwick school on the new homework rule\n\n"
            f"{host}: Why did the school drop homework for the youngest pupils?\n\n"
            f"{guest}: Children under nine learn more from reading for pleasure than from worksheets.\n\n"
            f"{host}: Some parents argue that pupils will fall behind in maths. How do you respond?\n\n"
            f"{guest}: Our maths results rose in the year the pilot classes stopped homework.\n\n"
            f"{host}: When does the rule start?\n\n"
            f"{guest}: It starts in September.\n")
    read = _read(text)
    challenge = [
        ("critique", "Some parents", "attacks:topic"),  # the host's neutral questions are no statements
        ("rebuttal", "Our maths", "attacks:Some parents"),
    ]
    if host == "Q":
        # a "Q:" asking for information is a plain FAQ question: its answer states no side
        assert read == challenge
    else:
        assert read[:3] == [("claim", "Children under", "supports:topic")] + challenge
    assert all(not k.startswith("How") for _, k, _ in read)


# ----- Kialo exports given as text ------------------------------------------------------------

KIALO = """Discussion Title: Should parks ban barbecues?

1. Parks should ban disposable barbecues.
1.1. Pro: Disposable barbecues scorch the grass and have started several heath fires.
1.1.1. Con: Most fires start from cigarettes, not barbecues.
1.1.2. Pro: The scorched patches take a whole season to grow back.
1.2. Con: A ban would be impossible to enforce on busy summer evenings.
"""


def test_a_kialo_export_read_as_text_keeps_its_structure_and_spans() -> None:
    m = extract_text(KIALO)
    assert [t.title for t in m.topics] == ["Should parks ban barbecues?"]
    assert _read(KIALO) == [
        ("claim", "Disposable barbecues", "supports:topic"),  # the thesis line is the title's claim
        ("critique", "Most fires", "attacks:Disposable barbecues"),
        ("claim", "The scorched", "supports:Disposable barbecues"),  # a nested Pro backs its parent
        ("critique", "A ban", "attacks:topic"),
    ]


def test_the_cli_extracts_and_reports_a_kialo_text(tmp_path) -> None:  # noqa: ANN001 - pytest fixture
    path = tmp_path / "barbecues.txt"
    path.write_text(KIALO, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "argmap.cli", "extract", str(path)],
                         capture_output=True, text=True, check=True)
    nodes = json.loads(out.stdout)["nodes"]
    assert len(nodes) == 4 and all(n["span"] for n in nodes)
    subprocess.run([sys.executable, "-m", "argmap.cli", "report", str(path), "-o", str(tmp_path / "report")],
                   capture_output=True, text=True, check=True)
    assert any((tmp_path / "report").rglob("*.html"))
    # among other texts (a demo over examples/*.txt) the export is one more text, not a map to refuse
    essay = tmp_path / "essay.txt"
    essay.write_text("Barbecues\n\nCritics warn that barbecues scorch the grass.\n", encoding="utf-8")
    both = subprocess.run([sys.executable, "-m", "argmap.cli", "report", str(path), str(essay), "-o",
                           str(tmp_path / "both")], capture_output=True, text=True)
    assert both.returncode == 0, both.stderr
    assert any((tmp_path / "both").rglob("*.html"))
