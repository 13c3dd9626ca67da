"""The running-totals job as production runs it, beside the bench's intake load.

Started as its own process for the length of an HTTP load: it calls the huey job
``apply_running_totals`` (in-process, no queue) back to back until told to stop, then
prints one JSON line: rows applied, passes, and the longest pass in milliseconds.
"""

from __future__ import annotations

import json
import signal
import time
from typing import Any


def main() -> None:
    from bench.supervision_bench import setup_django

    setup_django()
    from kawal.supervision.tasks import PAUSE, apply_running_totals

    stopping = False

    def stop(signum: int, frame: Any) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    applied, passes, longest = 0, 0, 0.0
    while not stopping:
        started = time.perf_counter()
        found = apply_running_totals.call_local(seconds=0)  # one pass per call: timed one by one
        passes += 1
        longest = max(longest, time.perf_counter() - started)
        applied += found
        time.sleep(PAUSE)
    print(json.dumps({"applied": applied, "passes": passes, "longest_ms": longest * 1000}), flush=True)


if __name__ == "__main__":
    main()
