"""Kawal text triage engine: pure Python, offline, explainable.

    from kawal.triage.engine import Triage, RegionEntry, Suggestion
    t = Triage(regions, home_code="35.25")
    s = t.suggest(text); s.to_dict()
    groups = t.group(texts)
"""

from .core import Triage
from .jsonl import triage_jsonl
from .regions import load_regions_csv
from .types import CATEGORIES, SUBJECTS, Evidence, RegionEntry, Suggestion

__all__ = [
    "CATEGORIES",
    "SUBJECTS",
    "Evidence",
    "RegionEntry",
    "Suggestion",
    "Triage",
    "load_regions_csv",
    "triage_jsonl",
]
