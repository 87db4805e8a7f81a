"""The cyclic garbage collector of an ``extract`` process: off for one letter, on for a batch.

Start-up creates ~57,000 tracked objects that live until exit (pydantic's schemas, the regex
cache's table, word lists); the collector visits each about twice as they age, 82 collections
and ~15-40 ms of CPU in a cold one-letter run, and finds next to nothing: an extraction makes no
reference cycles (tests/test_cli_lean.py measures it). A letter that fails does leave a few (its
error's traceback), so a batch of more than one letter turns the collector back on, with what
start-up made frozen out of its reach.
"""

from __future__ import annotations

import gc

__all__ = ["collector_for", "turn_off"]

_off = False
"""Whether :func:`turn_off` turned the collector off for this process."""


def turn_off() -> None:
    """Run without the cyclic collector (only for the process's own command line)."""
    global _off
    gc.disable()
    _off = True


def collector_for(letters: int) -> None:
    """A batch (more than one letter) runs with the collector back on: bad letters leave cycles
    (about a dozen objects each) and a batch may hold thousands. What start-up made is frozen
    first, so that the collector never walks it again."""
    global _off
    if _off and letters > 1:
        gc.freeze()
        gc.enable()
        _off = False
