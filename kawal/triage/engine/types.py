"""Plain data types shared by the engine and its callers (no Django)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CATEGORIES: tuple[str, ...] = (
    "politik_uang",
    "netralitas",
    "penyalahgunaan_wewenang",
    "kampanye",
    "penyelenggara",
    "pemungutan_suara",
    "lainnya",
)

SUBJECTS: tuple[str, ...] = (
    "asn",
    "tni",
    "polri",
    "kepala_desa",
    "perangkat_desa",
    "pejabat",
    "penyelenggara",
    "peserta",
    "warga",
    "tidak_diketahui",
)

LEVELS: tuple[str, ...] = ("provinsi", "kabupaten", "kecamatan", "desa")


@dataclass(frozen=True, slots=True)
class RegionEntry:
    """One row of the region table (Kemendagri code)."""

    code: str
    name: str
    level: str  # provinsi | kabupaten | kecamatan | desa
    parent_code: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason behind a suggestion: which field, which rule, which words."""

    field: str
    rule: str
    evidence: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "rule": self.rule, "evidence": self.evidence}


@dataclass(slots=True)
class Suggestion:
    """What triage suggests for one text; a person decides."""

    category: str = "lainnya"
    subject: str = "tidak_diketahui"
    places: list[RegionEntry] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    amounts: list[int] = field(default_factory=list)
    explanation: list[Evidence] = field(default_factory=list)
    category_scores: dict[str, float] = field(default_factory=dict)
    subject_scores: dict[str, float] = field(default_factory=dict)
    # the blend's next label per field ("category", "subject"); empty with the rules alone
    second_choices: dict[str, str] = field(default_factory=dict)
    second_explanation: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "subject": self.subject,
            "places": [{"code": p.code, "name": p.name, "level": p.level} for p in self.places],
            "dates": list(self.dates),
            "amounts": list(self.amounts),
            "explanation": [e.to_dict() for e in self.explanation],
        }
