"""Shared pieces of the demo loader."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TextIO

from django.conf import settings

DEMO_ACTOR = "demo-loader"  # how the demo loader appears in the audit log


@dataclass
class DemoContext:
    out: TextIO | Any
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # username, persona, area

    def say(self, message: str) -> None:
        self.out.write(message)

    def add_login(self, username: str, persona: str, area: str) -> None:
        self.logins.append((username, persona, area))

    def logins_table(self) -> str:
        width = max((len(u) for u, _p, _a in self.logins), default=8)
        lines = [f"\nLogin demo (kata sandi semua akun: {settings.KAWAL_DEMO_PASSWORD}):"]
        lines += [f"  {u.ljust(width)}  {p} — {a}" for u, p, a in self.logins]
        return "\n".join(lines) + "\n"
