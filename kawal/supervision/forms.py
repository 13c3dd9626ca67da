"""Forms for stage supervision (tasks, Form A) and the roster upload."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kawal.elections.models import Stage
from kawal.regions.models import Level, Region
from kawal.supervision.models import ChecklistItem, SupervisionReport, SupervisionTask


def area_choices(user: Any) -> Any:
    """Kecamatan and desa the user may act in (within the configured regency for administrators)."""
    regions = Region.objects.visible_to(user).filter(level__in=[Level.KECAMATAN, Level.DESA])
    if user.is_superuser or user.region_codes() is None:
        code = settings.KAWAL_REGENCY_CODE
        regions = regions.filter(Q(code=code) | Q(code__startswith=code + "."))
    return regions.order_by("code")


class TaskForm(forms.ModelForm):
    class Meta:
        model = SupervisionTask
        fields = ["stage", "region", "assigned_role", "title", "instructions", "due_date"]
        widgets = {
            "assigned_role": forms.Select(choices=[("panwascam", "Panwascam"), ("pkd", "PKD")]),
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = area_choices(user)  # type: ignore[attr-defined]
        self.fields["stage"].queryset = Stage.objects.order_by("start_date")  # type: ignore[attr-defined]


class FormAForm(forms.ModelForm):
    class Meta:
        model = SupervisionReport
        fields = [
            "stage", "region", "supervisor_name", "position", "assignment_letter", "office_address",
            "form", "purpose", "target", "held_at", "place", "narrative",
            "violation_found", "violation_event", "violation_place", "violation_date", "violation_actor",
            "violation_actor_address", "violation_witnesses", "violation_evidence", "violation_facts",
            "violation_analysis", "dispute_information",
        ]  # fmt: skip
        widgets = {
            "held_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "violation_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "narrative": forms.Textarea(attrs={"rows": 5}),
            **{name: forms.Textarea(attrs={"rows": 2}) for name in (
                "violation_witnesses", "violation_evidence", "violation_facts", "violation_analysis",
                "dispute_information")},
        }  # fmt: skip

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = area_choices(user)  # type: ignore[attr-defined]
        self.fields["stage"].queryset = Stage.objects.order_by("start_date")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("violation_found") and not (data.get("violation_event") and data.get("violation_facts")):
            raise forms.ValidationError(_("For an alleged violation, describe at least the event and the facts."))
        return data


class CsvUploadForm(forms.Form):
    csv = forms.FileField(label=_("CSV file"))


class ChecklistItemForm(forms.ModelForm):
    """A question of the checklist; the key (how answers are stored) is set once, when added."""

    class Meta:
        model = ChecklistItem
        fields = ["label", "kind", "required", "order"]
        widgets = {"order": forms.NumberInput(attrs={"min": 0, "max": 999})}


ChecklistFormSet = forms.modelformset_factory(ChecklistItem, form=ChecklistItemForm, extra=2, can_delete=True)
