"""``prodsheets …`` and ``python -m prodsheets …``: the command line, started quickly.

Each click on the Excel button starts Python afresh, so start-up counts. While click and
prodsheets load, the cycle collector would walk thousands of new, long-lived objects
(classes, functions, the catalogue) for nothing; it is paused until they are loaded.
"""

import gc


def run() -> None:
    gc.disable()
    from prodsheets.cli import main

    gc.enable()
    main()


if __name__ == "__main__":
    run()
