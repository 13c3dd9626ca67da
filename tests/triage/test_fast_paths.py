"""The shortcuts taken for ``manage.py triage``'s speed give the same answers as the plain forms."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from kawal.triage.engine import Triage, load_regions_csv
from kawal.triage.engine.lexicon import Rule
from kawal.triage.engine.matcher import WINDOW, Matcher
from kawal.triage.engine.places import level_of_code, parent_of_code
from kawal.triage.engine.quantities import _BARE, _DATE_WORDS, _RP, _run_starts, _scan, _word_starts
from kawal.triage.engine.types import RegionEntry
from kawal.triage.management.commands.triage import Command

from .conftest import _base_csv


def _plain_load(path: Path, prefixes: list[str]) -> list[RegionEntry]:
    import csv

    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) < 2 or not row[0] or not row[0][0].isdigit():
                continue
            code = row[0].strip()
            if prefixes and not any(
                code == p or code.startswith(p + ".") or p.startswith(code + ".") for p in prefixes
            ):
                continue
            out.append(RegionEntry(code, row[1].strip(), level_of_code(code), parent_of_code(code)))
    return out


@pytest.mark.parametrize("prefixes", [["35.25"], ["35.25", "32.01.01"], ["35.25.01.2001"], ["11"]])
def test_region_loading_keeps_the_prefixes_and_their_ancestors(prefixes: list[str]) -> None:
    assert load_regions_csv(_base_csv(), prefixes) == _plain_load(_base_csv(), prefixes)


TEXTS = [
    "x5-12 mei 2024 dan 12-13 mei, lalu 2024 november; 7 nov.",
    "amplop rp rp50.000, rp 20 ribu, rp.1,5 juta dan rprp5.000",
    "uang 1.000 rupiah, a1.000 rupiah, .5 juta, 2,5 juta rupiah, 100.000rupiah",
    "tanggal 26/11/2024 pukul 09.00, nomor 1, sebesar 300 ribu",
]


@pytest.mark.parametrize("text", TEXTS)
def test_scanning_at_digit_runs_finds_what_finditer_finds(text: str) -> None:
    def spans(it: object) -> list[tuple[int, int, tuple[str | None, ...]]]:
        return [(m.start(), m.end(), m.groups()) for m in it]  # type: ignore[attr-defined]

    for pattern, starts in ((_DATE_WORDS, _run_starts(text)), (_BARE, _run_starts(text)),
                            (_RP, _word_starts(text, "rp"))):
        assert spans(_scan(pattern, text, starts)) == spans(pattern.finditer(text)), pattern.pattern


def _plain_window_spans(rule: Rule, stems: list[str]) -> list[tuple[int, int]]:
    def occ(part: tuple[str, ...]) -> list[int]:
        return [i for i in range(len(stems)) if tuple(stems[i : i + len(part)]) == part]

    occs = [occ(p) for p in rule.parts]
    if any(not o for o in occs):
        return []
    spans = []
    for i in occs[0]:
        start, end = i, i + len(rule.parts[0])
        ok = True
        for part, o in zip(rule.parts[1:], occs[1:], strict=True):
            near = [j for j in o if abs(j - i) <= WINDOW and j != i]
            if not near:
                ok = False
                break
            j = min(near, key=lambda j: abs(j - i))
            start, end = min(start, j), max(end, j + len(part))
        if ok:
            spans.append((start, end))
    return spans


def test_window_rules_pick_the_nearest_occurrence_as_before() -> None:
    rng = random.Random(3)
    rule = Rule("cat", "politik_uang", 1.0, (("a",), ("b", "c"), ("a",)), "a ~ b c ~ a")
    for _ in range(300):
        stems = [rng.choice("abcx") for _ in range(rng.randint(1, 60))]
        pos: dict[str, list[int]] = {}
        for i, s in enumerate(stems):
            pos.setdefault(s, []).append(i)
        assert Matcher._window_spans(rule, stems, pos) == _plain_window_spans(rule, stems)


def test_the_batch_command_skips_the_web_system_checks() -> None:
    # the checks import every URLconf and view (DRF, drf-spectacular): half the start-up
    assert Command.requires_system_checks == []


def test_long_repetitive_texts_score_as_their_best_occurrence(triage: Triage) -> None:
    once = "Kepala desa membagikan amplop berisi uang kepada warga."
    text = " ".join([once] * 40)
    s = triage.suggest(text)
    assert (s.category, s.subject) == ("politik_uang", "kepala_desa")
    assert re.search(r"\+\d", " ".join(e.rule for e in s.explanation))
