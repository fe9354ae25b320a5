"""Stage 3: linking. Within one topic, statements in reading order get a stance, a kind and
an edge.

Stance is tracked the way a reader tracks it:

- a stance actor ("critics", "defenders of the scheme") names its side; a speaker seen
  before (a name, a citation) keeps the side it took; "they" / "she" continue the last
  speaker and "others" take the other side;
- a response ("In response", "countered", "This claim was challenged by") and a contrast
  connective before an attributed clause turn to the other side; elaboration ("also", "extend
  this finding") stays on it; a conceded point ("Granted, …", "conceded that …") belongs to
  the other side of whoever concedes it;
- the author's own sentences in an argued text are the thesis side, and an uncued sentence
  follows the side of the one before it.

A pro statement is a **claim** supporting the topic, or a **rebuttal** attacking the con
statement it answers; a con statement is a **critique** attacking the claim it replies to in
the same paragraph, the rebuttal it answers, or else the topic.

Example:
    >>> from argmap.extraction.statements import Statement
    >>> links = link_topic([Statement((0, 1), "con"), Statement((2, 3), "pro", response=True)])
    >>> [(l.kind, l.target) for l in links]
    [('critique', None), ('rebuttal', 0)]
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.extraction.overlap import wording
from argmap.extraction.statements import Statement

_FLIP = {"pro": "con", "con": "pro"}


@dataclass
class Link:
    """Kind and edge of one statement: ``target`` is the index of the statement it attacks
    or supports within the topic, ``None`` for the topic itself."""

    statement: Statement
    stance: str
    kind: str
    relation: str
    target: int | None


def _opening_side(statements: list[Statement], section_stance: str | None) -> str:
    """The side of statements that open a topic without a side of their own: the section's,
    else the side opposite the first statement that names one (a stance actor, or a speaker
    whose verb takes a side: "Student groups object that …")."""
    if section_stance:
        return section_stance
    for s in statements:
        if s.answers_previous:
            continue
        if s.actor_role in ("pro", "con"):
            side = s.actor_role
        elif s.actor_role == "group" and s.verb_class in ("con", "praise") and not s.actor_key:
            side = "con" if s.verb_class == "con" else "pro"
        else:
            continue
        return side if s.conceded else _FLIP[side]
    return "pro"


class _Tracker:
    """Sides of speakers seen so far in a topic."""

    def __init__(self, opening: str, section: str | None = None) -> None:
        self.opening = opening
        # the side a heading gives its section ("Views against"): its speakers' unless they reply
        self.section = section
        self.sides: dict[str, str] = {}
        # when each name was last given a side (a count of statements), so the most recent of
        # a speaker's names is found among its own names, not by a scan of every name seen
        self.named_at: dict[str, int] = {}
        # the side each group speaker's head noun took ("respondents", "the council")
        self.heads: dict[str, str] = {}
        self.seen = 0
        self.previous: Statement | None = None
        self.previous_side: str | None = None
        self.last_speaker_side: str | None = None
        self.previous_speaker_side: str | None = None
        # the side the author's own sentences argue: the thesis, unless the author rejects it
        self.author_side = "pro"

    def known(self, stmt: Statement) -> str | None:
        # the name given a side most recently wins: "Cllr Lund" after "Cllr Iqbal" is known by
        # "lund", not by the shared "cllr" (the key is a set, so its order cannot decide)
        named_at = self.named_at
        latest = max((name for name in stmt.actor_key if name in named_at), key=named_at.__getitem__, default=None)
        return None if latest is None else self.sides[latest]

    def _bears_out(self, stmt: Statement) -> bool:
        """Whether ``stmt`` reports a finding ("Others have reported that …") right after a
        group's objection in the same paragraph: more evidence for it. (A named study's finding
        after an objection — "A study commissioned by the developer found that …" — may as well
        answer it, so only "others" are read so.)"""
        before = self.previous
        return stmt.finding and not stmt.statistic and before is not None and self.previous_side is not None \
            and before.paragraph == stmt.paragraph and before.verb_class == "con" and before.actor_head is not None

    def side(self, stmt: Statement, forced: str | None = None) -> str:
        """The side of ``stmt``; ``forced`` is the speaker's side when the statement itself
        says whom it answers ("answered Moss", "In reply to concerns about …")."""
        prev = self.previous_side
        role = stmt.actor_role
        turn = stmt.response or stmt.connective in ("contrast", "response")
        speaker_side: str | None
        if forced is not None:
            speaker_side = forced
        elif stmt.self_contrast and prev is not None:
            speaker_side = _FLIP[prev]  # "admired the playing but felt …": the speaker's real point
        elif role == "con" and stmt.verb_class == "praise" and stmt.actor is not None and not stmt.answers_previous:
            speaker_side = "pro"  # "Several critics praised the staging": critics as reviewers
        elif role in ("pro", "con") and not stmt.answers_previous:
            speaker_side = role
            if stmt.response and role == "con" and stmt.cue and stmt.actor is None:
                speaker_side = role
        elif stmt.answers_previous:
            speaker_side = _FLIP[prev] if prev else "pro"
        elif role == "same" and stmt.verb_class == "praise":
            speaker_side = "pro"  # "…, though it admired the production": a critic's praise is for
        elif role == "same":
            speaker_side = self.known(stmt) or self.last_speaker_side or prev or self.opening
        elif role == "opposite" and prev is not None and not turn and stmt.verb_class in ("neutral", "elaboration") \
                and self.previous is not None and self.previous.paragraph == stmt.paragraph \
                and self.previous.group_head is not None and self.previous.verb_class == "con":
            # "A number of respondents questioned X. Others argued that …": more objections
            # listed; after praise ("Some praised X. Others argued …") "others" still turn
            speaker_side = prev
        elif role == "opposite" and not turn and prev is not None and self.previous is not None \
                and self.previous.subset and self.previous.paragraph == stmt.paragraph:
            speaker_side = prev  # "A minority objected … Some of them argued … Others felt …": the rest of them
        elif role == "opposite" and not turn and self._bears_out(stmt):
            speaker_side = prev  # "Shopkeepers warned … Others have reported that …": more evidence
        elif role == "opposite" and self.section is not None and not turn:
            speaker_side = self.section  # "Views against": "Some felt … Others argued …", all against
        elif role == "opposite":
            speaker_side = _FLIP[prev] if prev else self.opening
        elif role == "group":
            known = self.known(stmt)
            if known is None and stmt.actor_head and self.previous is not None and \
                    self.previous.actor_head == stmt.actor_head and self.previous.marked:
                known = self.previous_speaker_side  # "criticised by residents … 400 residents said"
            if known is not None and not (turn and known == prev):
                speaker_side = known
            elif stmt.verb_class == "con":
                speaker_side = "con"
            elif stmt.verb_class == "praise" or stmt.defends:
                speaker_side = "pro"  # "The trustees defended the charge": for the thing defended
            elif stmt.group_head in self.heads:
                speaker_side = self.heads[stmt.group_head]  # "Some respondents felt …" after "respondents opposed"
            elif stmt.elliptical and not turn and self.previous is not None and self.previous.group_head is not None \
                    and self.previous.paragraph == stmt.paragraph and prev is not None:
                speaker_side = prev  # "Most residents opposed it. Several said …": some of them
            elif prev is None:
                speaker_side = self.opening
            elif turn:
                speaker_side = _FLIP[prev]
            elif self.section is not None:
                speaker_side = self.section  # "Views against": "Many felt …", "Shop owners warned …"
            elif stmt.verb_class == "elaboration" or stmt.connective in ("elaboration", "cause"):
                speaker_side = prev
            elif prev == "con" and self.previous is not None and not self.previous.announces and not (
                    self.previous.paragraph == stmt.paragraph and self.previous.verb_class == "con"
                    and len(self.previous.actor_key) > 1 and len(stmt.actor_key) > 1):
                # a new voice after an objection answers it, unless a named person's complaint
                # is joined by the next named person in the same paragraph (reception prose)
                speaker_side = "pro"
            else:
                speaker_side = prev
        elif role == "author":
            own = self.author_side
            if stmt.verb_class == "con" and not stmt.conceded and prev is not None \
                    and self.previous is not None and self.previous.marked:
                # "We reject that argument.": the author answers the speaker before, and
                # argues that side from then on (a court dismissing an appeal)
                speaker_side = self.author_side = _FLIP[prev]
            elif stmt.conceded:
                speaker_side = own
            elif prev == _FLIP[own] and turn:
                speaker_side = own
            elif prev is None:
                speaker_side = own
            elif stmt.connective in ("elaboration", "cause", None) and self.previous is not None \
                    and self.previous.paragraph == stmt.paragraph \
                    and not (prev == _FLIP[own] and self.previous.marked and not self.previous.conceded):
                # the author goes on with a point of their own or one they conceded; after
                # an objection voiced by others ("There is the worry that …") they answer it
                speaker_side = prev
            else:
                speaker_side = own
        else:  # an unmarked opener
            speaker_side = self.opening if prev is None else (_FLIP[prev] if turn else prev)
        # a speaker conceding a point voices the other side's point
        side = _FLIP[speaker_side] if stmt.conceded else speaker_side
        if stmt.actor_key and role in ("group", "same", "con", "pro") and not stmt.answers_previous:
            for name in sorted(stmt.actor_key):
                self.sides[name] = speaker_side
                self.named_at[name] = self.seen  # names of one statement tie, with one side
        if stmt.group_head is not None and not stmt.answers_previous:
            self.heads[stmt.group_head] = speaker_side
        if role not in (None, "author"):
            self.last_speaker_side = speaker_side
        self.previous, self.previous_side = stmt, side
        self.previous_speaker_side = speaker_side
        self.seen += 1
        return side


def link_topic(statements: list[Statement], section_stance: str | None = None, text: str | None = None,
               one_sided: str | None = None) -> list[Link]:
    """Kinds and edges for one topic's statements (see the module docstring).

    ``section_stance`` is the stance the topic's heading gives unmarked openers; ``one_sided``
    the side of a heading naming one side's list ("Views against"), for which every speaker
    who does not reply speaks. With the
    ``text``, an answer to one of several recent statements of the other side attacks the
    one it shares most words with ("crews in Westbury …" answers the point about crews).
    """
    links: list[Link] = []
    # the index of the last link of each kind ("rebuttal", …; "open rebuttal": not conceded)
    last: dict[str, int] = {}
    tracker = _Tracker(_opening_side(statements, section_stance), one_sided)
    for i, stmt in enumerate(statements):
        before = links[-1] if links else None
        nxt = statements[i + 1] if i + 1 < len(statements) else None
        answered = nxt is not None and nxt.actor_role == "author" and (
            nxt.connective == "contrast" or nxt.conceded and nxt.paragraph == stmt.paragraph)
        if stmt.actor_role == "group" and stmt.verb_class == "neutral" and answered and not stmt.answers_previous:
            # "The member for X has said that A. I understand that, but …", "Some have
            # suggested A. We do not doubt that B. However, …": a speaker the author answers
            # with a contrast, or concedes a point to, spoke for the other side
            stmt = _copy_with(stmt, verb_class="con")
        answered = _answered(stmt, links)
        forced = _FLIP[links[answered].stance] if answered is not None else (
            _FLIP[stmt.answers_side] if stmt.answers_side in _FLIP and stmt.response else None)
        side = tracker.side(stmt, forced)
        if answered is not None and side != links[answered].stance:
            # the reply names whom it answers: it attacks that speaker's point
            link = Link(stmt, side, "rebuttal" if side == "pro" else "critique", "attacks", answered)
        elif side == "pro":
            link = _pro_link(i, stmt, links, before, last)
        else:
            link = _con_link(i, stmt, links, before, last)
        if text is not None and link.relation == "attacks" and link.target is not None and answered is None:
            # a reply that names the point it takes up ("In reply to concerns about older
            # residents") may answer any earlier point of the topic, not only a recent one
            link.target = _by_wording(text, stmt, links, link.target, reach=len(links) if forced else _RECENT)
        last[link.kind] = i
        if not stmt.conceded:
            last["open " + link.kind] = i
        links.append(link)
    return links


def _answered(stmt: Statement, links: list[Link]) -> int | None:
    """The latest statement of a speaker the reply names ("answered Moss", "Moss's reading",
    "In reply to the campaigners"): by a name or the head noun of the speaker phrase."""
    if not stmt.answers and stmt.answers_head is None:
        return None
    for n in range(len(links) - 1, -1, -1):
        earlier = links[n].statement
        if earlier.conceded:
            continue
        if stmt.answers_head is not None and earlier.actor_head == stmt.answers_head \
                or not stmt.answers.isdisjoint(earlier.actor_key):
            return n
    return None


def _copy_with(stmt: Statement, **changes: object) -> Statement:
    from dataclasses import replace

    return replace(stmt, **changes)


_RECENT = 6  # how far back an answer may reach for the point it takes up
_SHARED = 2  # content words an answer must share with a point to be paired with it


def _by_wording(text: str, stmt: Statement, links: list[Link], target: int, reach: int = _RECENT) -> int:
    """Among the recent statements (``reach`` back) of the kind the default target has, the
    one whose wording the answer shares most with; the default target when none shares enough."""
    kind = links[target].kind
    recent = [n for n in range(len(links) - 1, max(-1, len(links) - 1 - reach), -1)
              if links[n].kind == kind and not links[n].statement.conceded]
    if len(recent) < 2:
        return target  # nothing to choose between
    best = wording(text).closest(stmt.span, [(n, links[n].statement.span) for n in recent], at_least=_SHARED)
    return target if best is None else best


def _pro_link(i: int, stmt: Statement, links: list[Link], before: Link | None, last: dict[str, int]) -> Link:
    fresh = stmt.verb_class == "praise" and not stmt.response or stmt.self_contrast or (
        # "Second, it is said that …" in a new paragraph: the party's next ground
        stmt.connective == "enumeration" and not stmt.response and before is not None
        and before.statement.paragraph != stmt.paragraph)
    if before is not None and before.stance == "con" and not fresh:
        return Link(stmt, "pro", "rebuttal", "attacks", i - 1 if before.kind == "critique" else before.target)
    if before is not None and before.kind == "rebuttal" and not fresh and \
            before.statement.paragraph == stmt.paragraph:
        return Link(stmt, "pro", "rebuttal", "attacks", before.target)  # the answer goes on
    if not fresh and stmt.response and "critique" in last:
        return Link(stmt, "pro", "rebuttal", "attacks", last["critique"])
    return Link(stmt, "pro", "claim", "supports", None)


def _con_link(i: int, stmt: Statement, links: list[Link], before: Link | None, last: dict[str, int]) -> Link:
    if stmt.self_contrast:
        # "X admired the playing but felt the songs blurred": X's objection is to the thing
        # reviewed, not to X's own praise
        return Link(stmt, "con", "critique", "attacks", None)
    if before is not None and before.statement.conceded and before.stance == "pro":
        # "conceded X but maintained Y": Y answers what the concession was about
        return Link(stmt, "con", "critique", "attacks", last.get("open rebuttal"))
    replies = stmt.response or stmt.answers_previous or stmt.connective in ("contrast", "response")
    # a speaker who goes on after a rebuttal answers it in the same paragraph; a new
    # paragraph without a reply word raises a new objection ("X has also objected that …")
    goes_on = stmt.actor_role in ("same", "group") and not stmt.conceded and \
        before is not None and before.statement.paragraph == stmt.paragraph
    if before is not None and before.kind == "rebuttal" and (replies or goes_on):
        return Link(stmt, "con", "critique", "attacks", i - 1)
    if before is not None and before.stance == "pro" and before.kind == "claim" and not stmt.conceded and \
            (before.statement.paragraph == stmt.paragraph or stmt.answers_previous):
        return Link(stmt, "con", "critique", "attacks", i - 1)
    if before is not None and before.stance == "pro" and stmt.response and "rebuttal" in last:
        return Link(stmt, "con", "critique", "attacks", last["rebuttal"])
    if before is not None and before.stance == "con" and before.kind == "critique" and \
            before.target is not None and links[before.target].kind == "rebuttal" and \
            before.statement.paragraph == stmt.paragraph and not stmt.conceded:
        return Link(stmt, "con", "critique", "attacks", before.target)
    return Link(stmt, "con", "critique", "attacks", None)
