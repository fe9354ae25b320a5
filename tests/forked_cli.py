"""A fork server for the kill test: ``python forked_cli.py`` imports argmap (and spaCy, by
extracting a sentence once), then runs ``argmap`` command lines in forked children, each
sent a signal after a given delay, so that a run killed at a random moment costs tenths of a
second instead of a fresh interpreter loading spaCy.

Protocol, one JSON line each way: ``{"args": [...], "delay": 0.3, "signal": 9, "log": PATH}``
(``delay`` null: let it finish) → ``{"status": N, "seconds": S}``, where ``status`` is the
exit code, or minus the signal that ended the child. The child's stdout and stderr go to
``log``. Every ``fsync`` takes :data:`FSYNC_DELAY` seconds longer, so that a run spends
a good share of its time writing.
"""

from __future__ import annotations

import json
import os
import sys
import time

FSYNC_DELAY = 0.03


def _child(args: list[str], log: str) -> None:
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    from argmap.cli import main

    code = main(args)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def serve() -> None:
    from argmap.extraction import extract_text

    # every fsync a little slower, so that the writing phase is a good share of a run and
    # random kill moments land in it
    real_fsync = os.fsync
    os.fsync = lambda fd: (time.sleep(FSYNC_DELAY), real_fsync(fd))[1]

    extract_text("Tolls cut traffic. Critics say they hurt the poor.")  # spaCy loaded before any fork
    import argmap.commands.extract  # noqa: F401  the verbs' modules too
    import argmap.commands.render  # noqa: F401
    import argmap.commands.report  # noqa: F401
    import argmap.reports  # noqa: F401

    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        job = json.loads(line)
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:
            _child(job["args"], job["log"])
        if job["delay"] is not None:
            time.sleep(job["delay"])
            try:
                os.kill(pid, job["signal"])
            except ProcessLookupError:
                pass
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        print(json.dumps({"status": code, "seconds": time.monotonic() - start}), flush=True)


if __name__ == "__main__":
    serve()
