"""One module per ``argmap`` verb (see :mod:`argmap.cli`)."""
