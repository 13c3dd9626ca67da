"""The JSONL contract of ``manage.py triage`` as a pure function."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .core import Triage
from .parallel import suggest_and_group
from .types import RegionEntry


def triage_jsonl(
    in_lines: Iterable[str],
    regions: Iterable[RegionEntry] | Triage,
    *,
    home_code: str | None = None,
    jobs: int = 1,
) -> Iterator[dict[str, Any]]:
    """One output record per non-blank input line, in input order.

    Good lines ``{"id": ..., "text": ...}`` give ``{"id", "category", "subject",
    "places", "dates", "amounts", "group", "explanation"}``; a missing or non-string
    ``text`` counts as empty (``lainnya``/``tidak_diketahui``). A line that is not a
    JSON object gives ``{"line": n, "error": "..."}`` (1-based line number) and the
    rest are processed. Groups need the whole batch, so records come after all lines
    are read. ``jobs`` > 1 spreads the analysis of a large batch over processes; the
    output is the same.
    """
    triage = regions if isinstance(regions, Triage) else Triage(regions, home_code=home_code)
    slots: list[dict[str, Any]] = []
    ids: list[Any] = []
    texts: list[str] = []
    positions: list[int] = []
    for lineno, raw in enumerate(in_lines, start=1):
        line = raw.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            slots.append({"line": lineno, "error": f"invalid JSON: {exc}"})
            continue
        if not isinstance(obj, dict):
            slots.append({"line": lineno, "error": "not a JSON object"})
            continue
        if "id" not in obj:
            slots.append({"line": lineno, "error": "missing 'id'"})
            continue
        text = obj.get("text")
        positions.append(len(slots))
        slots.append({})
        ids.append(obj["id"])
        texts.append(text if isinstance(text, str) else "")
    suggestions, groups = suggest_and_group(triage, texts, jobs=jobs)
    for pos, ident, sugg, grp in zip(positions, ids, suggestions, groups, strict=True):
        d = sugg.to_dict()
        slots[pos] = {
            "id": ident,
            "category": d["category"],
            "subject": d["subject"],
            "places": d["places"],
            "dates": d["dates"],
            "amounts": d["amounts"],
            "group": grp,
            "explanation": d["explanation"],
        }
    yield from slots
