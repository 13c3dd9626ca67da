"""Forms check the shape of input; the rules live in the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kawal.coordination.commitments import CommitmentData
from kawal.coordination.models import Stakeholder, StakeholderKind
from kawal.elections.models import Stage
from kawal.regions.models import Level, Region

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def region_choices(user: Any) -> list[tuple[str, str]]:
    """Regency and kecamatan regions the user may work in."""
    regions = Region.objects.visible_to(user).filter(level__in=[Level.REGENCY, Level.KECAMATAN]).order_by("code")
    return [(r.code, r.display_name) for r in regions]


class StakeholderForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=StakeholderKind.choices)
    region = forms.ChoiceField(label=_("Region"))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = region_choices(user)  # type: ignore[attr-defined]


class StakeholderEditForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=StakeholderKind.choices)
    active = forms.BooleanField(
        label=_("Active"), required=False, help_text=_("Inactive stakeholders are no longer offered for invitations.")
    )


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    position = forms.CharField(label=_("Position"), max_length=150, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=32, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    purpose = forms.CharField(label=_("Purpose"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    stage = forms.ModelChoiceField(
        label=_("Election stage"), queryset=Stage.objects.none(), required=False, empty_label="—"
    )
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DATETIME_WIDGET)
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DATETIME_WIDGET, required=False)
    venue = forms.CharField(label=_("Venue"), max_length=200)
    region = forms.ChoiceField(label=_("Region"))
    agenda = forms.CharField(
        label=_("Agenda"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One agenda item per line."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = region_choices(user)  # type: ignore[attr-defined]
        self.fields["stage"].queryset = Stage.objects.order_by("start_date", "order")  # type: ignore[attr-defined]


class InviteForm(forms.Form):
    stakeholders = forms.ModelMultipleChoiceField(
        label=_("Stakeholders"), queryset=Stakeholder.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, user: Any, exclude: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["stakeholders"]
        field.queryset = Stakeholder.objects.visible_to(user).filter(active=True).exclude(pk__in=exclude)  # type: ignore[attr-defined]
        field.error_messages["invalid_choice"] = _("Unknown stakeholder: %(value)s.")


class GuestForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False, help_text=_("The letter and calendar file go here."))


class CheckInForm(forms.Form):
    """The phone check-in form and the staff tick-in form."""

    name = forms.CharField(label=_("Name"), max_length=150)
    stakeholder = forms.TypedChoiceField(label=_("Organisation"), coerce=int, required=False, empty_value=None)
    organisation = forms.CharField(
        label=_("Other organisation"),
        max_length=200,
        required=False,
        help_text=_("Fill in if your organisation is not in the list."),
    )
    position = forms.CharField(label=_("Position"), max_length=150, required=False)

    def __init__(self, *args: Any, stakeholders: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["stakeholder"]
        field.choices = [("", _("— other —")), *[(s.pk, s.name) for s in stakeholders]]  # type: ignore[attr-defined]
        field.error_messages["invalid_choice"] = _(
            "Unknown stakeholder: choose one from the list or write your organisation."
        )


class MinutesForm(forms.Form):
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    decisions = forms.CharField(
        label=_("Decisions"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One decision per line."),
    )


class StatementForm(forms.Form):
    speaker = forms.CharField(label=_("Speaker"), max_length=150, required=False)
    speaker_role = forms.CharField(label=_("Speaker's position"), max_length=200, required=False)
    content = forms.CharField(label=_("What they said"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


StatementFormSet = formset_factory(StatementForm, extra=2, max_num=60)


class CommitmentForm(forms.Form):
    owner = forms.TypedChoiceField(label=_("Responsible stakeholder"), coerce=int)
    description = forms.CharField(label=_("Commitment"), widget=forms.Textarea(attrs={"rows": 2}))
    due_date = forms.DateField(label=_("Due date"), widget=DATE_WIDGET)
    stage = forms.ModelChoiceField(
        label=_("Election stage"), queryset=Stage.objects.none(), required=False, empty_label="—"
    )
    area = forms.ChoiceField(label=_("Area"), required=False)
    risk = forms.CharField(label=_("Risk addressed"), max_length=250, required=False)

    def __init__(self, *args: Any, user: Any, owners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        owner.choices = [("", "—"), *[(s.pk, s.name) for s in owners]]  # type: ignore[attr-defined]
        owner.error_messages["invalid_choice"] = _(
            "Unknown stakeholder: choose the stakeholder who takes on the commitment."
        )
        self.fields["stage"].queryset = Stage.objects.order_by("start_date", "order")  # type: ignore[attr-defined]
        self.fields["area"].choices = [("", "—"), *region_choices(user)]  # type: ignore[attr-defined]

    def to_data(self) -> CommitmentData:
        data = self.cleaned_data
        return CommitmentData(
            owner_id=data["owner"],
            description=data["description"],
            due_date=data["due_date"],
            stage=data["stage"],
            area_code=data["area"],
            risk=data["risk"],
        )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class CompleteForm(forms.Form):
    note = forms.CharField(label=_("Evidence of completion"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    completed_on = forms.DateField(label=_("Completed on"), widget=DATE_WIDGET, required=False)
    attachments = MultipleFileField(label=_("Files (photo, document, video)"), required=False)


class PeriodForm(forms.Form):
    start = forms.DateField(label=pgettext_lazy("period", "From"), widget=DATE_WIDGET)
    end = forms.DateField(label=pgettext_lazy("period", "To"), widget=DATE_WIDGET)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start: dt.date | None = data.get("start")
        end: dt.date | None = data.get("end")
        if start and end and end < start:
            raise forms.ValidationError(_("The end of the period cannot be before its start."))
        return data
