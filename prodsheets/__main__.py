"""``prodsheets …`` and ``python -m prodsheets …``: the command line, started and ended quickly.

Each click on the Excel button starts Python afresh, so start-up and exit count:

- While click and prodsheets load, the cycle collector would walk thousands of new,
  long-lived objects (classes, functions, the catalogue) for nothing; it is paused until
  they are loaded.
- When the command is done, everything it wrote is closed (outputs are written to a
  temporary file and renamed into place) and only stdout and stderr may still hold
  buffered text. Python's own exit would then free every object one by one: 12 ms after
  a check of an example production, far more after a million bookings. The process
  flushes both streams and leaves without that (as mypy does by default).

Only this entry point leaves that way: ``prodsheets.cli.main`` called from Python (the
tests, a script) returns or raises ``SystemExit`` as usual.
"""

import contextlib
import gc
import os
import sys


def run() -> None:
    gc.disable()
    from prodsheets.cli import main

    gc.enable()
    try:
        main()
    except SystemExit as done:
        leave(done.code)
    leave(0)


def leave(code: object) -> None:
    """Flush stdout and stderr, then end the process with ``code`` at once."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): Python prints it and exits with 1
        print(code, file=sys.stderr)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # `… | head` stopped reading; closed
            stream.flush()
    os._exit(status)


if __name__ == "__main__":
    run()
