"""Editing an election's voting-day checklist (the questions on the PTPS form).

Answers are stored by key, and phones may hold reports filled in offline against the
form they cached: so once an election has reports, a question can be reworded, made
optional or mandatory and moved, but not removed and not given another answer type
(both would make those waiting reports, or the stored answers, meaningless).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kawal.accounts.models import Role
from kawal.core import audit
from kawal.core.scope import code_covers, scope_codes
from kawal.elections.models import Election
from kawal.supervision.models import ChecklistItem, TpsReport

EDITORS = (Role.BAWASLU_MEMBER, Role.SECRETARIAT, Role.ADMIN)


@dataclass(frozen=True)
class ItemSpec:
    """One row of the editor: an existing question (``pk``) or a new one."""

    label: str
    kind: str
    required: bool
    order: int
    pk: int | None = None
    key: str = ""
    delete: bool = False


def may_edit(user: Any, election: Election) -> bool:
    codes = scope_codes(user, EDITORS)
    if codes is None:
        return True
    return any(code_covers(code, election.region_id) for code in codes)


def key_for(label: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9_]", "_", slugify(label).replace("-", "_"))[:36].strip("_") or "pertanyaan"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


def save_checklist(election: Election, specs: list[ItemSpec], *, by: Any) -> int:
    """Apply the editor's rows; returns how many questions changed. Raises ValidationError."""
    with transaction.atomic():
        existing = {item.pk: item for item in ChecklistItem.objects.select_for_update().filter(election=election)}
        answered = TpsReport.objects.filter(election=election).exists()
        changes: list[dict[str, Any]] = []
        taken = {item.key for item in existing.values()}
        for spec in specs:
            item = existing.get(spec.pk) if spec.pk is not None else None
            if spec.pk is not None and item is None:
                raise ValidationError(_("A question was changed by someone else; reload the page."))
            if item is None:
                if spec.delete or not spec.label.strip():
                    continue
                key = spec.key or key_for(spec.label, taken)
                if key in taken:
                    raise ValidationError(_("The key %(key)s is already used by another question.") % {"key": key})
                taken.add(key)
                created = ChecklistItem.objects.create(
                    election=election, key=key, label=spec.label.strip(), kind=spec.kind, required=spec.required,
                    order=spec.order,
                )
                changes.append({"key": created.key, "change": "added"})
                continue
            if answered and spec.delete:
                message = _(
                    "“%(label)s” cannot be removed: reports for this election already exist. Make it optional instead."
                )
                raise ValidationError(message % {"label": item.label})
            if answered and spec.kind != item.kind:
                raise ValidationError(
                    _("The answer type of “%(label)s” cannot change: reports for this election already exist.")
                    % {"label": item.label}
                )
            if spec.delete:
                item.delete()
                changes.append({"key": item.key, "change": "removed"})
                continue
            new = (spec.label.strip(), spec.kind, spec.required, spec.order)
            if new != (item.label, item.kind, item.required, item.order):
                item.label, item.kind, item.required, item.order = new
                item.save()
                changes.append({"key": item.key, "change": "edited"})
        if changes:
            audit.record("supervision.checklist_edited", actor=by, target=election, region_code=election.region_id,
                         data={"changes": changes})  # fmt: skip
    return len(changes)
