"""Hypothesis strategies for valid argument maps, shared by the property tests."""

from __future__ import annotations

from hypothesis import strategies as st

from argmap.model import KINDS, RELATIONS, ArgumentMap, Document, Edge, Node, Topic

# characters XML 1.0 can carry (GraphML and GEXF files are XML): no controls, no surrogates
XML_SAFE = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff") | st.sampled_from("\n\t")


@st.composite
def argument_maps(draw: st.DrawFn, max_topics: int = 4, max_nodes: int = 10, max_edges: int = 14,
                  alphabet: st.SearchStrategy[str] | None = None) -> ArgumentMap:
    """Valid maps: unique ids, edges between existing ids, spans inside the document text
    (every string drawn from ``alphabet`` when given)."""
    def text(**size: int) -> st.SearchStrategy[str]:
        return st.text(alphabet, **size) if alphabet is not None else st.text(**size)

    texts = text(min_size=0, max_size=40)
    optional_texts = st.none() | texts
    doc_text = draw(text(max_size=200))
    with_text = draw(st.booleans())
    documents = [Document(id="d1", title=draw(optional_texts), source=draw(optional_texts),
                          text=doc_text if with_text else None)]
    n_topics = draw(st.integers(1, max_topics))
    n_nodes = draw(st.integers(0, max_nodes))
    ids = draw(st.lists(text(min_size=1, max_size=8), min_size=n_topics + n_nodes,
                        max_size=n_topics + n_nodes, unique=True))
    topic_ids, node_ids = ids[:n_topics], ids[n_topics:]

    def span() -> tuple[int, int] | None:
        if not draw(st.booleans()):
            return None
        limit = len(doc_text)
        start = draw(st.integers(0, limit))
        return (start, draw(st.integers(start, limit)))

    topics = [Topic(id=t, title=draw(texts), document="d1", section=draw(optional_texts), span=span())
              for t in topic_ids]
    nodes = []
    for n in node_ids:
        sp = span()
        text = doc_text[sp[0]:sp[1]] if sp and with_text else draw(texts)
        nodes.append(Node(id=n, kind=draw(st.sampled_from(KINDS)), topic=draw(st.sampled_from(topic_ids)),
                          text=text, document=draw(st.sampled_from([None, "d1"])), span=sp,
                          actor=draw(optional_texts), cue=draw(optional_texts),
                          confidence=draw(st.none() | st.floats(0, 1))))
    edges = []
    if node_ids:
        for _ in range(draw(st.integers(0, max_edges))):
            edges.append(Edge(source=draw(st.sampled_from(node_ids)), target=draw(st.sampled_from(ids)),
                              relation=draw(st.sampled_from(RELATIONS))))
    return ArgumentMap(documents=documents, topics=topics, nodes=nodes, edges=edges)
