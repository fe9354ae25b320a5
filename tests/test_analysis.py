"""The critical-reading analysis: vague actors in an essay written for the test with its
answers marked, the other findings on small maps, and a run over ../shared/dev."""

from __future__ import annotations

import re

import pytest

from argmap.analysis import Lexicon, analyze, analyze_text
from argmap.model import ArgumentMap, Document

# [[...]] marks a vague actor, {{...}} an agentless passive; the rest must not be flagged as either.
MARKED_ESSAY = """\
Should the city keep its night buses?

[[Critics]] argue that the night buses run almost empty after one o'clock. [[Some]] say the money
would do more good on daytime routes. Dr. Amara Osei, who studies transport at the university,
found that two in five night passengers are shift workers. {{It is often argued}} that cheaper taxis
could fill the gap, but taxis cost a shift worker far more than a bus fare.

[[Supporters]], for their part, insist that a city that works at night needs buses at night.
[[Many experts]] believe that cutting the service would push people back into cars. Some buses
could be smaller, and many routes might be merged. The transport office counted 1,200 riders a
night last winter. [[Opponents]] have long claimed that the figures are inflated, while
[[some residents]] complain about the noise on quiet streets.

According to [[critics]], the timetable is a mess. {{It has been suggested}} that a trial year would
settle the matter. The council was told by its auditors that the budget is sound. Many people ride
the late buses home from hospitals, and some of them have no other way back. The mayor said the
service will stay. [[Several drivers]] worry that the depot is too small. [[Others]] fear that {{it is widely believed}} without evidence that night
routes are safe.
"""

# More essays marked the same way. Each was first run as it was written, before any rule was
# changed for it; the misses they showed (wrapped lines, verbs ending in -ly such as "reply",
# long asides between commas, groups the lexicon does not list) are what they now guard.
PHONES = """\
Should schools ban phones in class?

[[Some teachers]] say that phones break the thread of a lesson every few minutes. According to
[[many parents]], the ban would also calm the playground. [[Experts]] have long warned that
constant alerts fragment attention. Researchers at Tallinn University counted the alerts in
forty classrooms and found a median of eleven an hour. The head of Northfield School, Ruth
Adeyemi, reported that detentions fell by a third after her school's ban.

[[Opponents]], however, argue that phones are a learning tool. [[Many]] believe that a ban
punishes the careful majority for the habits of a few. [[A growing number of people]] claim
that pupils need to learn self-control, not obedience. Some phones are used for translation,
and many pupils rely on them for timetables. [[Critics]] also point out that the rule is hard
to enforce, while [[others]] insist that lockers solve the problem.

The union's survey asked 3,000 members. [[Several observers]] suggest that the survey was
too small. [[Supporters]] counter that no survey is needed to see a distracted class. Most
pupils, the survey found, check their phones between lessons. [[Skeptics]] fear that a ban
only moves the scrolling to the corridor, and [[some]] worry that it widens the gap with
homes that have no rules. The minister said the guidance will follow in spring.
"""

STADIUM = """\
A new stadium for the river district?

The council's plan would put a 30,000-seat stadium on the old gasworks site. [[Many residents]]
fear that match days will bring traffic to streets that already jam at rush hour. [[Supporters]]
reply that the club will pay for a new tram stop. Professor Ines Varga, an urban economist at
the polytechnic, estimates that the stadium would add about 400 jobs.

[[Some economists]] argue that stadiums rarely pay back their public money. The club's
finance director, Tom Ekwueme, said that the loan will be repaid within twelve years.
[[Critics]] say that the figures leave out the cost of policing. Many fans travel from
other towns, and some of them already use the trains. [[Opponents]], in a letter to the
paper, warned that the site floods every few winters.

{{It is claimed}} that the flood defences will be raised. [[Others]] contend that the money
would be better spent on schools. According to [[experts]], the soil needs two years of
cleaning before anything can be built. The mayor insisted that the vote will go ahead. [[Various commentators]] suggest a smaller ground. [[Advocates]] counter that a small ground would not
attract the concerts that keep the stadium busy between matches, and [[several analysts]]
believe the concerts are the real business.
"""

SUGAR_TAX = """\
Is a sugar tax worth it?

Since 2018 the country has taxed sweet drinks by their sugar content. [[Health campaigners]]
argue that the tax has already cut the sugar children drink. [[Some manufacturers]] complain
that the rules changed too fast for them to reformulate. The national statistics office
reported a fall of 28 percent in sugar sold through soft drinks.

[[Economists]] have warned that such taxes weigh most on poorer households. [[Others]] note
that poorer households also gain most from fewer dental visits. Dr. Hana Sato, a dentist in
the capital, says she now sees fewer children with rotten teeth. Many shops, meanwhile, have
moved the sweet drinks to the back. [[Critics]], writing in the trade press last spring,
claimed that the tax simply moved spending to sweets. {{It is often said}} that people just
switch to other treats.

[[Most experts]] agree that one tax cannot fix a diet. According to [[some]], the money
raised should go to school sport. The finance ministry said that the revenue goes to the
general budget. [[Many parents]] welcome the change, while [[detractors]] insist that adults
should choose for themselves. Some drinks now carry less sugar than before, and several
brands dropped it altogether.
"""

STREET_LIGHTS = """\
Should the town light its streets all night?

To save money the town now switches off half its street lights after midnight. [[Some residents]] say they no longer feel safe walking home from the late shift.
The police chief, Maria Lindqvist, told the council that reported crime at night has not risen since the change.
[[Local campaigners]] insist that the figures hide the people who simply stay at home.

[[Astronomers]] welcome the darker sky, and [[environmental groups]] point out that insects and bats suffer under bright lamps.
Many streets, however, have no pavement, and some lamps light only the road.
[[Opponents]] of the scheme claim that the savings are small. The town's energy report puts them at 90,000 a year.
{{It has been argued}} that motion sensors would give the best of both.

[[Several councillors]] believe that the trial should end in spring. According to [[some]], older people have stopped going to evening classes.
Engineers from the regional utility tested sensor lamps on two streets and found they cut use by two thirds.
[[Skeptics]] doubt that sensors will last a winter, while [[supporters]] reply that the utility offers a ten-year warranty.
[[Many people]], it seems, have not noticed the change at all.
"""

FREE_TRANSPORT = """\
Free public transport: a good idea?

The city of Tallinn made its buses free for residents in 2013. [[Many commuters]] say the change saved them a month's rent every year.
The transport authority counted 14 percent more trips in the first year. [[Critics]] respond that most new riders were walkers, not drivers.
Professor Jonas Berg of the university's planning school found that car traffic fell by only three percent.

[[Some planners]] argue that free fares matter less than frequent buses. [[Bus drivers]] report that crowding got worse at rush hour.
Shops along the main routes saw more customers, and several bakeries opened near the new stops.
[[Business owners]] in the centre welcome the extra footfall, while [[taxi firms]] complain that they lost a fifth of their trade.
{{It is widely believed}} that free buses help the poorest most.

According to [[researchers]], the poorest already paid reduced fares before the change. The mayor said the scheme will stay.
[[Skeptics]], looking at the budget, warn that the city cannot afford it forever. Most buses now run every ten minutes.
[[Others]] suggest a middle way: free travel for pupils and pensioners only. [[Residents]] of the suburbs, however, feel forgotten.
"""

MARKED_ESSAYS = [MARKED_ESSAY, PHONES, STADIUM, SUGAR_TAX, STREET_LIGHTS, FREE_TRANSPORT]


def unmark(marked: str) -> tuple[str, set[tuple[int, int]], set[tuple[int, int]]]:
    text, actors, passives = "", set(), set()
    pos = 0
    for m in re.finditer(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}", marked):
        text += marked[pos:m.start()]
        words = m.group(1) or m.group(2)
        (actors if m.group(1) else passives).add((len(text), len(text) + len(words)))
        text += words
        pos = m.end()
    return text + marked[pos:], actors, passives


def precision_recall(found: set[tuple[int, int]], gold: set[tuple[int, int]]) -> tuple[float, float]:
    right = len(found & gold)
    return (right / len(found) if found else 1.0), (right / len(gold) if gold else 1.0)


@pytest.mark.parametrize("marked", MARKED_ESSAYS, ids=["night-buses", *(n.lower() for n in
                                                            ("PHONES", "STADIUM", "SUGAR_TAX", "STREET_LIGHTS",
                                                             "FREE_TRANSPORT"))])
def test_vague_actors_in_the_marked_essays(marked):
    text, actors, _ = unmark(marked)
    assert "[[" not in text and "]]" not in text and len(actors) >= 9
    found = {f.span for f in analyze_text(text) if f.code == "vague-actor"}
    precision, recall = precision_recall(found, actors)
    assert precision >= 0.9 and recall >= 0.9, (precision, recall, sorted(found ^ actors))


def test_vague_actors_in_all_the_marked_essays_together():
    right = found_all = gold_all = 0
    for marked in MARKED_ESSAYS:
        text, actors, _ = unmark(marked)
        found = {f.span for f in analyze_text(text) if f.code == "vague-actor"}
        right, found_all, gold_all = right + len(found & actors), found_all + len(found), gold_all + len(actors)
    assert right / found_all >= 0.9 and right / gold_all >= 0.9, (right, found_all, gold_all)


def test_agentless_passives_in_the_marked_essay():
    text, _, passives = unmark(MARKED_ESSAY)
    found = {f.span for f in analyze_text(text) if f.code == "agentless-passive"}
    # the marked span is the whole phrase ("It is often argued"); the finding covers the verb group
    hits = {g for g in passives if any(g[0] <= s and e <= g[1] for s, e in found)}
    assert hits == passives and len(found) == len(passives), (sorted(found), sorted(passives))


def test_each_finding_points_at_its_text():
    text, _, _ = unmark(MARKED_ESSAY)
    findings = analyze_text(text)
    assert {f.code for f in findings} >= {"vague-actor", "agentless-passive", "hedge"}
    for f in findings:
        assert text[f.span[0]:f.span[1]] == f.text


def test_the_lexicon_can_be_extended():
    text = "Everyone claims the plan is a travesty in the making."
    assert [f.code for f in analyze_text(text)] == []
    lexicon = Lexicon.load({"vague_actors": ["Everyone"], "loaded_words": ["travesty"]})
    assert [f.code for f in analyze_text(text, lexicon)] == ["vague-actor", "loaded-word"]
    with pytest.raises(ValueError, match="unknown lexicon keys"):
        Lexicon.load({"weasels": ["x"]})


def test_map_findings_use_document_offsets_and_balance():
    text = "Tolls cut traffic. Critics warn that tolls may hurt the poor. Rebates fix it."
    m = ArgumentMap(documents=[Document(id="d1", text=text)])
    t = m.add_topic("Tolls", document="d1")
    c = m.add_claim(t, "Tolls cut traffic.", span=(0, 18), document="d1")
    k = m.add_critique(c, "Critics warn that tolls may hurt the poor.", span=(19, 61), actor="Critics", document="d1")
    m.add_rebuttal(k, "Rebates fix it.", span=(62, 77), document="d1")
    a = analyze(m)
    vague = a.by_code("vague-actor")
    assert [(f.document, text[f.span[0]:f.span[1]]) for f in vague] == [("d1", "Critics")]
    assert [f.text for f in a.by_code("hedge")] == ["may"]
    assert a.by_code("unanswered-critique") == [] and [f.node for f in a.by_code("anonymous-source")] == ["n2"]
    b = a.balance[0]
    assert b.statements == {"pro": 2, "con": 1} and b.words == {"pro": 6, "con": 8}
    assert (b.last_word, b.last_node, b.more_space) == ("pro", "n3", "con")


@pytest.mark.shared
def test_runs_on_every_shared_dev_text(shared_dir):
    from argmap.extraction import extract_files

    texts = sorted((shared_dir / "dev").glob("*.txt"))
    assert texts
    amap = extract_files([str(p) for p in texts])
    a = analyze(amap)
    docs = {d.id: d.text for d in amap.documents}
    for f in a.findings:
        if f.document:
            assert docs[f.document][f.span[0]:f.span[1]] == f.text
    assert len(a.balance) == len(amap.topics)
    for p in texts:
        analyze_text(p.read_text(encoding="utf-8"))
