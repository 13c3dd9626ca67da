"""Import of the national region file (91,219 rows) into a fresh SQLite database, twice."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(env: dict[str, str], *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3"}
        run(env, "migrate", "--noinput")
        first = run(env, "import_regions", "--no-progress")
        second = run(env, "import_regions", "--no-progress")
    print("| run | what | seconds | target |")
    print("|---|---|---:|---:|")
    print(f"| 1 | national region file into empty SQLite | {first:.1f} | < 60 |")
    print(f"| 2 | same file again (all unchanged) | {second:.1f} | < 60 |")


if __name__ == "__main__":
    main()
