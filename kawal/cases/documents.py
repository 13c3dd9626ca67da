"""What goes into the case PDFs: receipt, status notice, referral letter, assessment summary.

Public documents (receipt, status notice) go to the reporter; they carry the reporter's
own name but never reach a public page.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from . import deadlines
from .models import Case
from .workflow import PUBLIC_STATUS, Action


def public_history(case: Case) -> list[dict[str, Any]]:
    """Status changes in the public's words (diterima, diregistrasi, diteruskan kepada BKN, …)."""
    rows: list[dict[str, Any]] = []
    for event in case.events.exclude(to_state="").order_by("at", "id"):
        text = str(PUBLIC_STATUS[event.to_state])
        if event.data.get("referral_to"):
            text = _("%(status)s to %(whom)s") % {"status": text, "whom": event.data["referral_to"]}
        if not rows or rows[-1]["status"] != text:
            rows.append({"at": event.at, "status": text})
    return rows


def _base(case: Case) -> dict[str, Any]:
    return {"case": case, "printed_at": timezone.now(), "region": case.region}


def receipt_context(case: Case) -> dict[str, Any]:
    return {
        **_base(case),
        "evidence": [item.evidence for item in case.evidence.select_related("evidence")],
        "filing_deadline": deadlines.filing_deadline(case.known_on) if case.kind != "informasi" else None,
        "counted_from": _counted_from(case),
    }


def _counted_from(case: Case) -> Any:
    received = case.events.filter(action="received").first()
    if received is None or not received.data.get("counted_from"):
        return None
    return deadlines.counted_from(received)


def status_context(case: Case) -> dict[str, Any]:
    last = case.events.exclude(to_state="").order_by("-at", "-id").first()
    clocks = [c for c in deadlines.clocks_for(case) if c.rule.code == "completeness"]
    return {
        **_base(case),
        "status": PUBLIC_STATUS[case.state],
        "history": public_history(case),
        "reason": last.reason if last else "",
        "complete_by": clocks[0].due if clocks else None,
    }


def referral_context(case: Case) -> dict[str, Any]:
    referral = case.events.filter(action__startswith="refer_").order_by("-at", "-id").first()
    decision = case.events.filter(action__startswith="decide_").order_by("-at", "-id").first()
    return {**_base(case), "referral": referral, "decision": decision}


def assessment_context(case: Case) -> dict[str, Any]:
    decision = case.events.filter(action__startswith="decide_").order_by("-at", "-id").first()
    return {
        **_base(case),
        "decision": decision,
        "decision_label": Action(decision.action).label if decision else "",
        "events": list(case.events.order_by("at", "id").select_related("actor")),
        "evidence": [item.evidence for item in case.evidence.select_related("evidence")],
    }
