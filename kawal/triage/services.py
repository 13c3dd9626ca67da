"""Every write the triage app allows: making suggestions, accepting and rejecting them.

Suggestions are made by the system (after a case is created, or when a handler asks
again); only supervisors who can see the case decide them. Each write appends one audit
event. No reporter identity is read: triage works on the event fields of a case.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kawal.cases.models import Case, LinkKind, PartyType
from kawal.cases.services import link_cases
from kawal.cases.workflow import TransitionRefused
from kawal.core import audit
from kawal.core.scope import code_covers
from kawal.regions.models import Region

from .engine import Triage
from .engine.grouping import feature_weights, pair_score
from .engine.wordmodel import CLOSE_CALL_PREFIX
from .models import (
    FIRST_CHOICE,
    SECOND_CHOICE,
    SINGLE_VALUE_FIELDS,
    CaseCategory,
    Category,
    Field,
    Status,
    Suggestion,
)
from .runtime import get_triage, regency_code

MAX_PLACES = 3  # place suggestions per case
MAX_DUPLICATE_CANDIDATES = 300  # most recent open cases compared for duplicates
MAX_SHARED_WORDS = 8
MAX_DUPLICATES = 5  # possible duplicates offered per case
TEXT_FIELDS = ("title", "reported_position", "place_detail", "narrative")  # never the reporter's identity


class TriageRefused(Exception):
    """The decision is not allowed; ``message`` says why, in the user's language."""

    def __init__(self, message: Any) -> None:
        super().__init__(str(message))
        self.message = message


def case_text(case: Case) -> str:
    """The words triage reads: what happened, where, and who was reported (by position)."""
    return "\n".join(str(getattr(case, name) or "") for name in TEXT_FIELDS)


def _evidence(items: Iterable[Any], wanted: str) -> list[dict[str, str]]:
    return [e.to_dict() for e in items if e.field == wanted]


def _case_features(engine: Triage, case: Case) -> frozenset[str]:
    """The text's incident features plus the case's own place and date."""
    return engine.features(case_text(case)) | {f"P:{case.region_id}", f"D:{case.happened_on.isoformat()}"}


def _why_duplicate(engine: Triage, shared: frozenset[str], score: float) -> list[dict[str, str]]:
    """Why two cases look like one incident: shared places, dates, amounts, TPS and known words."""
    names = {e.code: e.name for e in engine.places.by_code.values()}
    labels = {"P": "same place", "D": "same date", "A": "same amount", "T": "same TPS number"}
    out = [{"field": "duplicate", "rule": f"similarity {score:.2f}", "evidence": ""}]
    # names and other numbers make the score but are not listed: they may name people
    for feature in sorted(f for f in shared if f[1:2] == ":" and f[0] in labels):
        kind, value = feature.split(":", 1)
        out.append({"field": "duplicate", "rule": labels.get(kind, kind), "evidence": names.get(value, value)})
    roots = engine.lexicon.stemmer.roots  # known vocabulary only: no names of people
    words = sorted(f for f in shared if f[1:2] != ":" and f in roots)[:MAX_SHARED_WORDS]
    if words:
        out.append({"field": "duplicate", "rule": "shared words", "evidence": ", ".join(words)})
    return out


def _duplicates(engine: Triage, case: Case) -> list[tuple[Case, list[dict[str, str]]]]:
    """Open cases of the regency that look like the same incident, most similar first.

    Offered only when this case itself is similar enough to the other one (not merely
    chained through a third) and the two share a place, a date, an amount or a TPS.
    """
    others = _duplicate_candidates(case)
    if not others:
        return []
    feats = [_case_features(engine, c) for c in [case, *others]]
    weights, df = feature_weights(feats)
    found: list[tuple[float, Case, frozenset[str]]] = []
    for other, theirs in zip(others, feats[1:], strict=True):
        shared = feats[0] & theirs
        if not any(f[1:2] == ":" and f[0] in "PDAT" for f in shared):
            continue
        score = pair_score(feats[0], theirs, weights, df, engine.pair_weights)
        if score >= engine.group_threshold:
            found.append((score, other, shared))
    found.sort(key=lambda t: -t[0])
    return [(other, _why_duplicate(engine, shared, score)) for score, other, shared in found[:MAX_DUPLICATES]]


def _duplicate_candidates(case: Case) -> list[Case]:
    regency = ".".join(case.region_code.split(".")[:2])
    return list(
        Case.objects.open()
        .filter(region__code__startswith=regency + ".")
        .exclude(pk=case.pk)
        .only("pk", "region", "happened_on", *TEXT_FIELDS)
        .order_by("-received_at", "-id")[:MAX_DUPLICATE_CANDIDATES]
    )


@dataclass
class _Planned:
    field: str
    value: str
    explanation: list[dict[str, str]]
    other_case: Case | None = None
    rank: int = FIRST_CHOICE


def _plan(case: Case, engine: Triage) -> list[_Planned]:
    text = case_text(case)
    result = engine.suggest(text)
    planned = [_Planned(Field.CATEGORY, result.category, _evidence(result.explanation, "category"))]
    if result.subject != PartyType.UNKNOWN:
        planned.append(_Planned(Field.SUBJECT, result.subject, _evidence(result.explanation, "subject")))
    planned += _second_choices(result)
    home = regency_code()
    places = [p for p in result.places if p.level in ("kecamatan", "desa") and code_covers(home, p.code)]
    for place in places[:MAX_PLACES]:
        why = [e.to_dict() for e in result.explanation if e.field == "places" and e.rule.endswith(" " + place.code)]
        planned.append(_Planned(Field.PLACE, place.code, why))
    for other, why in _duplicates(engine, case):
        planned.append(_Planned(Field.DUPLICATE, str(other.pk), why, other_case=other))
    return planned


def _second_choices(result: Any) -> list[_Planned]:
    """The blend's next label for the category and the reported party, offered beside the first.

    On the last two unseen sets the first two held the labelled subject 0.85-0.89 of the time
    (the first alone 0.73-0.82; data/README.md, "Twelfth round"). "Unknown" is not offered:
    it is what a case has without a choice.
    """
    out = []
    for field in (Field.CATEGORY, Field.SUBJECT):
        value = result.second_choices.get(field)
        if value and value != PartyType.UNKNOWN:
            out.append(_Planned(field, value, _evidence(result.second_explanation, field), rank=SECOND_CHOICE))
    return out


def suggest_for_case(case: Case, *, by: Any = None) -> list[Suggestion]:
    """Create the pending suggestions for ``case`` (those it does not have yet)."""
    engine = get_triage()
    planned = _plan(case, engine)
    created: list[Suggestion] = []
    with transaction.atomic():
        for item in planned:
            suggestion, is_new = Suggestion.objects.get_or_create(
                case=case, field=item.field, value=item.value,
                defaults={"explanation": item.explanation, "other_case": item.other_case, "rank": item.rank},
            )
            if is_new:
                created.append(suggestion)
        if created:
            audit.record(
                "triage.suggested", actor=by or "triage", target=case, region_code=case.region_code,
                data={"suggestions": [
                    {"id": s.pk, "field": s.field, "value": s.value, "rank": s.rank} for s in created
                ]},
            )
    return created


def _require_sight(case: Case, by: Any) -> None:
    if not Case.objects.visible_to(by).filter(pk=case.pk).exists():
        raise TriageRefused(_("Only supervisors of this case's area may use its triage suggestions."))


def analyse(case: Case, *, by: Any) -> list[Suggestion]:
    """A handler asks triage to read the case (again), e.g. after its narrative changed."""
    _require_sight(case, by)
    return suggest_for_case(case, by=by)


def _apply(suggestion: Suggestion, *, by: Any, at: Any) -> dict[str, Any]:
    """Carry an accepted suggestion into the case; return what changed for the audit event."""
    case = suggestion.case
    value = suggestion.value
    if suggestion.field == Field.CATEGORY:
        if value not in Category.values:
            raise TriageRefused(_("Unknown violation category."))
        old = CaseCategory.objects.filter(case=case).values_list("category", flat=True).first() or ""
        CaseCategory.objects.update_or_create(
            case=case, defaults={"category": value, "suggestion": suggestion, "decided_by": by, "decided_at": at}
        )
        return {"old": old, "new": value}
    if suggestion.field == Field.SUBJECT:
        if value not in PartyType.values:
            raise TriageRefused(_("Unknown type of reported party."))
        old = case.reported_type
        Case.objects.filter(pk=case.pk).update(reported_type=value, updated_at=at)
        case.reported_type = value
        return {"old": old, "new": value}
    if suggestion.field == Field.PLACE:
        old = case.region_code
        inside = Region.objects.filter(pk=value).exists() and code_covers(old, value) and value != old
        if inside:
            Case.objects.filter(pk=case.pk).update(region_id=value, updated_at=at)
            case.region_id = value
        return {"old": old, "new": case.region_code, "applied": inside}
    other = suggestion.other_case
    if other is None or not Case.objects.visible_to(by).filter(pk=other.pk).exists():
        raise TriageRefused(_("The other case is no longer available to you."))
    try:
        link_cases(case, other, LinkKind.DUPLICATE, by=by)
    except TransitionRefused as exc:
        raise TriageRefused(exc.message) from exc
    return {"other": other.pk}


def _decide(suggestion: Suggestion, status: str, *, by: Any) -> Suggestion:
    _require_sight(suggestion.case, by)
    now = timezone.now()
    with transaction.atomic():
        updated = Suggestion.objects.filter(pk=suggestion.pk, status=Status.PENDING).update(
            status=status, decided_by=by, decided_at=now
        )
        if not updated:
            raise TriageRefused(_("This suggestion has already been decided."))
        data: dict[str, Any] = {
            "suggestion": suggestion.pk, "field": suggestion.field, "value": suggestion.value, "rank": suggestion.rank,
        }
        if status == Status.ACCEPTED:
            data.update(_apply(suggestion, by=by, at=now))
            if suggestion.field in SINGLE_VALUE_FIELDS:
                data["superseded"] = _settle_others(suggestion, by=by, at=now)
        audit.record(
            f"triage.suggestion_{status}", actor=by, target=suggestion.case,
            region_code=suggestion.case.region_code, data=data, at=now,
        )
    suggestion.status, suggestion.decided_by, suggestion.decided_at = status, by, now
    return suggestion


def _settle_others(suggestion: Suggestion, *, by: Any, at: Any) -> list[int]:
    """A field holds one value: the other pending suggestions for it are rejected with this decision."""
    others = Suggestion.objects.filter(
        case=suggestion.case, field=suggestion.field, status=Status.PENDING
    ).exclude(pk=suggestion.pk)
    ids = list(others.values_list("pk", flat=True))
    others.update(status=Status.REJECTED, decided_by=by, decided_at=at)
    return ids


def accept(suggestion: Suggestion, *, by: Any) -> Suggestion:
    """Accept: the category, reported party type, place or duplicate link goes into the case."""
    return _decide(suggestion, Status.ACCEPTED, by=by)


def reject(suggestion: Suggestion, *, by: Any) -> Suggestion:
    """Reject: nothing changes in the case; the rejection counts against triage's accuracy."""
    return _decide(suggestion, Status.REJECTED, by=by)


@dataclass(frozen=True)
class Tally:
    """Decisions on one field (or one suggested value): how often triage was right."""

    key: str
    label: str
    accepted: int
    rejected: int
    pending: int

    @property
    def decided(self) -> int:
        return self.accepted + self.rejected

    @property
    def accuracy(self) -> float | None:
        return self.accepted / self.decided if self.decided else None


def is_close_call(explanation: Iterable[Any]) -> bool:
    """Whether a stored explanation says triage was not sure of its choice ("belum pasti")."""
    return any(isinstance(e, dict) and str(e.get("rule", "")).startswith(CLOSE_CALL_PREFIX) for e in explanation)


def _close_call_tallies(first_choices: QuerySet[Suggestion]) -> list[Tally]:
    """Category and party choices marked "belum pasti", then the rest: whether the mark holds on real use."""
    counts: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    rows = first_choices.filter(field__in=SINGLE_VALUE_FIELDS).values_list("status", "explanation")
    for status, explanation in rows:
        counts[is_close_call(explanation or [])][status] += 1
    labels = {
        True: ("close_call", _("Category and type of reported party marked “not sure”")),
        False: ("sure_choice", _("Category and type of reported party not marked")),
    }
    return [
        Tally(key, str(label), counts[close][Status.ACCEPTED], counts[close][Status.REJECTED],
              counts[close][Status.PENDING])
        for close, (key, label) in labels.items()
    ]


def accuracy_tables(user: Any) -> tuple[list[Tally], list[Tally]]:
    """Per field, and per suggested category, for the suggestions the user can see.

    Triage's first choices only, so that the numbers say how often its choice was right;
    second choices are counted on their own line.
    """
    every = Suggestion.objects.visible_to(user)
    visible = every.filter(rank=FIRST_CHOICE)
    counts: dict[tuple[str, str], int] = {}
    for row in visible.values("field", "status").annotate(n=Count("id")):
        counts[(row["field"], row["status"])] = row["n"]
    fields = [
        Tally(str(key), str(label), counts.get((key, Status.ACCEPTED), 0), counts.get((key, Status.REJECTED), 0),
              counts.get((key, Status.PENDING), 0))
        for key, label in Field.choices
    ]
    second: dict[str, int] = {
        row["status"]: row["n"] for row in every.filter(rank=SECOND_CHOICE).values("status").annotate(n=Count("id"))
    }
    fields.append(Tally(
        "second_choice", str(_("Second choices (category, type of reported party)")),
        second.get(Status.ACCEPTED, 0), second.get(Status.REJECTED, 0), second.get(Status.PENDING, 0),
    ))
    fields += _close_call_tallies(visible)
    by_value: dict[tuple[str, str], int] = {}
    for row in visible.filter(field=Field.CATEGORY).values("value", "status").annotate(n=Count("id")):
        by_value[(row["value"], row["status"])] = row["n"]
    categories = [
        Tally(str(key), str(label), by_value.get((key, Status.ACCEPTED), 0), by_value.get((key, Status.REJECTED), 0),
              by_value.get((key, Status.PENDING), 0))
        for key, label in Category.choices
    ]
    return fields, categories
