"""Load generator for the supervision intake bench: N clients over raw HTTP/1.1 on loopback.

Each client takes the next report, POSTs it, and on any connection error sends the very
same bytes again (same submission_id) until it gets an answer. A share of accepted
reports is sent a second time on purpose (a retry after a lost answer); halfway through,
one server worker can be killed. Run as ``python -m bench.supervision_load CONFIG.json``;
prints one JSON line with the counts and latencies.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import sys
import time
from pathlib import Path
from typing import Any


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


class Load:
    def __init__(self, config: dict[str, Any]) -> None:
        self.host, self.port = config["host"], int(config["port"])
        self.path, self.token = config["path"], config["token"]
        self.bodies: list[bytes] = [line.encode() for line in Path(config["payloads"]).read_text().splitlines()]
        self.retry_share = float(config.get("retry_share", 0.03))
        self.kill_pid = int(config.get("kill_master_pid") or 0)
        self.next = 0
        self.replays: list[int] = []
        self.latencies: list[float] = []
        self.status: dict[str, int] = {}
        self.connection_errors = 0
        self.killed: int | None = None
        self.rng = random.Random(5)

    def request(self, body: bytes) -> bytes:
        head = (
            f"POST {self.path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAuthorization: Token {self.token}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        return head.encode() + body

    async def send(self, conn: list[Any], body: bytes) -> tuple[int, bool]:
        reader, writer = conn
        writer.write(self.request(body))
        await writer.drain()
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        await reader.readexactly(int(headers.get("content-length", "0")))
        return status, headers.get("connection", "").lower() == "close"

    async def client(self) -> None:
        conn: list[Any] | None = None
        while True:
            if self.replays and self.rng.random() < 0.5:
                index, replay = self.replays.pop(), True
            elif self.next < len(self.bodies):
                index, replay = self.next, False
                self.next += 1
                if self.kill_pid and self.killed is None and self.next >= len(self.bodies) // 2:
                    self.kill_one()
            elif self.replays:
                index, replay = self.replays.pop(), True
            else:
                break
            body = self.bodies[index]
            started = time.perf_counter()  # retries count in the latency
            while True:
                try:
                    if conn is None:
                        conn = list(await asyncio.open_connection(self.host, self.port))
                    status, close = await self.send(conn, body)
                except (TimeoutError, OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
                    self.connection_errors += 1
                    conn = None
                    await asyncio.sleep(0.05)
                    continue  # the same bytes again: same submission_id
                if close:
                    conn[1].close()
                    conn = None
                if status >= 500:
                    self.connection_errors += 1
                    await asyncio.sleep(0.05)
                    continue
                break
            if not replay:
                self.latencies.append(time.perf_counter() - started)
            key = f"{'replay' if replay else 'first'}_{status}"
            self.status[key] = self.status.get(key, 0) + 1
            if not replay and status == 201 and self.rng.random() < self.retry_share:
                self.replays.append(index)

    def kill_one(self) -> None:
        workers = children(self.kill_pid)
        if workers:
            self.killed = workers[0]
            os.kill(self.killed, signal.SIGKILL)

    async def run(self, clients: int) -> dict[str, Any]:
        started = time.perf_counter()
        await asyncio.gather(*(self.client() for _ in range(clients)))
        elapsed = time.perf_counter() - started
        lat = sorted(self.latencies)

        def pct(p: float) -> float:
            return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000 if lat else 0.0

        return {
            "sent": len(self.bodies),
            "seconds": elapsed,
            "rate": len(self.bodies) / elapsed if elapsed else 0.0,
            "p50_ms": pct(0.50),
            "p99_ms": pct(0.99),
            "status": self.status,
            "connection_errors": self.connection_errors,
            "killed_worker": self.killed,
        }


def main() -> None:
    config = json.loads(Path(sys.argv[1]).read_text())
    result = asyncio.run(Load(config).run(int(config.get("clients", 32))))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
