"""Draw docs/img/displacy-spans.png: displaCy's span view of argmap's statements on a short
text written for it (run from the repository root; needs Chromium).

    python docs/make_displacy_image.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import spacy
from spacy import displacy

OUT = Path(__file__).resolve().parent / "img" / "displacy-spans.png"
CHROMIUM = "/usr/bin/chromium"

TEXT = """Gardens on vacant lots

Supporters argue that a garden turns an empty lot into a place where neighbours meet. \
Critics warn that the city may sell the land once it has gained value. \
Organisers reply that a ten-year lease protects the beds. \
Some residents also object that volunteers drift away after the first summer.
"""

COLORS = {"claim": "#56B4E9", "rebuttal": "#009E73", "critique": "#E69F00"}  # Okabe-Ito


def main() -> int:
    nlp = spacy.blank("en")
    nlp.add_pipe("argmap_sentences")
    nlp.add_pipe("argmap_debates")
    doc = nlp(TEXT)
    html = displacy.render(doc, style="span", page=True,
                           options={"spans_key": "argmap", "colors": COLORS})
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "spans.html"
        page.write_text(html, encoding="utf-8")
        OUT.parent.mkdir(exist_ok=True)
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        f"--user-data-dir={tmp}/profile", f"--screenshot={OUT}", "--window-size=1000,500",
                        page.as_uri()], check=True, capture_output=True, timeout=120)
    for span in doc.spans["argmap"]:
        print(f"{span.label_:<9} {span._.argmap_actor!s:<18} {span._.argmap_cue!s:<14} -> {span._.argmap_target}")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
