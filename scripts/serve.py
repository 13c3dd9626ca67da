"""Serve Kawal for the demo: the web server and the huey worker, stopped together."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    port = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("PORT", "8000")
    python = sys.executable
    worker = subprocess.Popen([python, "manage.py", "run_huey", "--quiet"], cwd=ROOT)
    # A plain `kill` of this script must stop the worker too, not only Ctrl+C.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    try:
        print(f"\nKawal is running at http://127.0.0.1:{port}/ (Ctrl+C to stop)\n", flush=True)
        return subprocess.call([python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"], cwd=ROOT)
    except KeyboardInterrupt:
        return 0
    finally:
        worker.terminate()
        worker.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
