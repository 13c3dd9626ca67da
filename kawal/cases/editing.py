"""Corrections to a case's event details (terlapor, place, dates, narrative) by its handlers.

A correction needs a reason and leaves a timeline entry and an audit record naming the
fields changed (not their values: they may name people). Two limits keep the statutory
record honest:

* once a case is closed or converted, nothing changes;
* the dates decide the 7-day filing limit (syarat formil), so after the formal check is
  over (registered or not, stopped, and every later state) they stay as they were judged.
  Before that, a corrected date re-runs the check and the clocks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kawal.core import audit

from .models import Case
from .services import EVENT_FIELDS, check_filing, record_event, refresh_due, require_role, roles_on
from .workflow import FINAL, HANDLERS, State, TransitionRefused

DATE_FIELDS = ("happened_on", "known_on")
BEFORE_FORMAL_CHECK = frozenset({State.RECEIVED, State.INITIAL_REVIEW, State.COMPLETENESS_REQUESTED})


def may_edit(case: Case) -> bool:
    return case.state not in FINAL


def dates_editable(case: Case) -> bool:
    return case.state in BEFORE_FORMAL_CHECK


def edit_case(case: Case, fields: Mapping[str, Any], *, by: Any, reason: str) -> list[str]:
    """Apply the changed event fields; returns their names (empty when nothing changed).

    The row is locked and only the corrected columns are written, so a decision taken on
    the case meanwhile (a state change, a handler) is neither lost nor overwritten.
    """
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise ValueError(f"not an event field: {sorted(unknown)}")
    with transaction.atomic():
        current = Case.objects.select_for_update().get(pk=case.pk)
        require_role(by, current, HANDLERS, _("Your role may not correct this case."))
        if not may_edit(current):
            raise TransitionRefused(_("A closed case can no longer be corrected."))
        changed = [name for name in EVENT_FIELDS if name in fields and getattr(current, name) != fields[name]]
        if not changed:
            return []
        if not reason.strip():
            raise TransitionRefused(_("Give the reason for the correction."))
        if "region" in changed and not roles_on(by, fields["region"].code) & HANDLERS:
            raise TransitionRefused(_("You do not handle cases in the new area."))
        if set(changed) & set(DATE_FIELDS) and not dates_editable(current):
            raise TransitionRefused(
                _("The dates cannot be changed after the formal check: the filing limit was judged on them.")
            )
        for name in changed:
            setattr(current, name, fields[name])
        written = list(changed)
        if set(changed) & set(DATE_FIELDS):
            check_filing(current)
            written += ["filed_late", "formal_issues"]
        current.save(update_fields=written)
        now = timezone.now()
        record_event(current, "edited", by=by, at=now, reason=reason.strip()[:2000], data={"fields": changed})
        refresh_due(current)
        audit.record("cases.edited", actor=by, target=current, region_code=current.region_code,
                     data={"fields": changed}, at=now)
    return changed
