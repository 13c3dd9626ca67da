"""Intake and handling forms. Validation messages are Indonesian through gettext."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kawal.core.evidence import EvidenceRejected, inspect
from kawal.regions.models import Level, Region, Tps

from .models import Case, LinkKind, normalise_tracking_code
from .services import EVENT_FIELDS, REPORTER_FIELDS

MAX_FILES = 10


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Several files at once, each checked by content (a renamed program is refused)."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("At most %(n)d files at once.") % {"n": MAX_FILES})
        if self.required and not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        errors = []
        for upload in files:
            try:
                inspect(upload)
            except EvidenceRejected as error:
                errors.extend(error.messages)
        if errors:
            raise forms.ValidationError(errors)
        return files


class PlaceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        if obj.level == Level.DESA:
            return f"\u2003{obj.name}"
        return f"Kec. {obj.name}"


def place_queryset(user: Any = None) -> Any:
    regions = Region.objects.filter(code__startswith=settings.KAWAL_REGENCY_CODE + ".").order_by("code")
    if user is not None:
        regions = regions.visible_to(user)
    return regions.filter(level__in=[Level.KECAMATAN, Level.DESA])


def grouped_places(places: Any) -> list[Any]:
    """Desa grouped under their kecamatan, the kecamatan itself first (when the desa is not known)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    names: dict[str, str] = {}
    for code, name, level in places.values_list("code", "name", "level"):
        kecamatan = code if level == Level.KECAMATAN else code.rsplit(".", 1)[0]
        groups.setdefault(kecamatan, [])
        if level == Level.KECAMATAN:
            names[code] = name
            groups[kecamatan].insert(0, (code, str(_("Kec. %(name)s (desa not known)") % {"name": name})))
        else:
            groups[kecamatan].append((code, name))
    missing = set(groups) - set(names)  # a desa-level user sees the desa, not its kecamatan
    names.update(dict(Region.objects.filter(code__in=missing).values_list("code", "name")))
    choices: list[Any] = [("", "---------")]
    for kecamatan, options in groups.items():
        choices.append((f"Kec. {names.get(kecamatan, kecamatan)}", options))
    return choices


class CaseForm(forms.ModelForm):
    region = PlaceChoiceField(queryset=Region.objects.none(), label=_("Kecamatan or desa/kelurahan"))
    tps_number = forms.IntegerField(
        label=_("TPS number (if at a polling station)"), required=False, min_value=1, max_value=999
    )
    evidence = EvidenceField(
        label=_("Evidence (photos, video, recordings, documents)"), required=False,
        help_text=_("Files are checked by their content; programs are refused."),
    )

    class Meta:
        model = Case
        fields = [f for f in EVENT_FIELDS if f != "tps"]
        widgets = {
            "happened_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "known_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "narrative": forms.Textarea(attrs={"rows": 6}),
            "witnesses": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        places = place_queryset(user)
        self.fields["region"].queryset = places  # type: ignore[attr-defined]
        self.fields["region"].widget.choices = grouped_places(places)
        self.fields["witnesses"].help_text = _("Names and how to reach them, if any.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        today = timezone.localdate()
        happened, known = data.get("happened_on"), data.get("known_on")
        for name in ("happened_on", "known_on"):
            value = data.get(name)
            if isinstance(value, dt.date) and value > today:
                self.add_error(name, _("This date is in the future."))
        if isinstance(happened, dt.date) and isinstance(known, dt.date) and known < happened:
            self.add_error("known_on", _("It cannot have become known before it happened."))
        number, region = data.get("tps_number"), data.get("region")
        if number and region is not None:
            if region.level != Level.DESA:
                self.add_error("tps_number", _("Choose the desa/kelurahan of the TPS above."))
            else:
                tps = Tps.objects.filter(desa=region, number=number).first()
                if tps is None:
                    self.add_error("tps_number", _("There is no TPS %(n)d in %(desa)s.") % {"n": number,
                                                                                          "desa": region.name})
                data["tps"] = tps
        return data

    def case_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        names = [f for f in EVENT_FIELDS if f != "tps"]
        fields = {name: data[name] for name in names if name in data}
        fields["tps"] = data.get("tps")
        return fields


class CaseEditForm(CaseForm):
    """A handler's correction of the event details, with the reason (files are added on the case page)."""

    reason = forms.CharField(
        label=_("Reason for the correction"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Shown on the case's timeline."),
    )

    def __init__(self, *args: Any, dates_editable: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["evidence"]
        if self.instance.tps_id is not None and not self.is_bound:
            self.initial["tps_number"] = self.instance.tps.number
        if not dates_editable:
            for name in ("happened_on", "known_on"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Fixed after the formal check: the filing limit was judged on it.")


class ReportForm(CaseForm):
    """The laporan form (Perbawaslu 9/2024 appendix): reporter identity, reported party, event."""

    agree = forms.BooleanField(
        label=_("I declare that this report is true and I am prepared to be asked for clarification."),
    )

    class Meta(CaseForm.Meta):
        fields = list(REPORTER_FIELDS) + [f for f in EVENT_FIELDS if f != "tps"]
        widgets = {
            **CaseForm.Meta.widgets,
            "reporter_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "reporter_nik": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 16}),
            "reporter_birth_place": forms.TextInput(),
            "reporter_birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "reporter_occupation": forms.TextInput(),
            "reporter_address": forms.Textarea(attrs={"rows": 2}),
            "reporter_phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "reporter_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("reporter_status", "reporter_name", "reporter_nik", "reporter_address", "reporter_phone"):
            self.fields[name].required = True
        self.fields["reporter_nik"].help_text = _("16 digits, as on the KTP.")
        self.fields["reporter_email"].help_text = _("The receipt is sent here if you give one.")

    def clean_reporter_nik(self) -> str:
        nik = "".join(ch for ch in self.cleaned_data.get("reporter_nik", "") if not ch.isspace())
        if not (nik.isdigit() and len(nik) == 16):
            raise forms.ValidationError(_("The NIK has 16 digits."))
        return nik

    def clean_reporter_birth_date(self) -> str:
        value = (self.cleaned_data.get("reporter_birth_date") or "").strip()
        if not value:
            return ""
        try:
            born = dt.date.fromisoformat(value)
        except ValueError:
            raise forms.ValidationError(_("Enter a valid date.")) from None
        if born > timezone.localdate() or born.year < 1900:
            raise forms.ValidationError(_("Enter a valid date."))
        return born.isoformat()

    def clean_reporter_email(self) -> str:
        value = (self.cleaned_data.get("reporter_email") or "").strip()
        if value:
            forms.EmailField().clean(value)
        return value

    def clean_reporter_phone(self) -> str:
        phone = "".join(ch for ch in self.cleaned_data.get("reporter_phone", "") if ch.isdigit() or ch == "+")
        if len(phone) < 8:
            raise forms.ValidationError(_("Give a phone number we can reach you on."))
        return phone

    def case_fields(self) -> dict[str, Any]:
        fields = super().case_fields()
        fields.update({name: self.cleaned_data.get(name, "") for name in REPORTER_FIELDS})
        return fields


class TrackForm(forms.Form):
    code = forms.CharField(label=_("Tracking code"), max_length=30)

    def clean_code(self) -> str:
        code = normalise_tracking_code(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(_("A tracking code looks like KWL-ABCD-EFGH-JKMN."))
        return code


class CompletionForm(forms.Form):
    note = forms.CharField(label=_("What you are adding"), required=False, max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 4}))
    evidence = EvidenceField(label=_("Files (e.g. a photo of your KTP, more evidence)"), required=False)


class ActionForm(forms.Form):
    action = forms.CharField(max_length=40)
    state = forms.CharField(max_length=30, required=False)  # the state the user saw
    reason = forms.CharField(label=_("Reason or note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Internal note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class LinkForm(forms.Form):
    code = forms.CharField(label=_("Tracking code of the other case"), max_length=30)
    kind = forms.ChoiceField(label=_("Link"), choices=LinkKind.choices)

    def clean_code(self) -> str:
        code = normalise_tracking_code(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(_("A tracking code looks like KWL-ABCD-EFGH-JKMN."))
        return code


class EvidenceForm(forms.Form):
    evidence = EvidenceField(label=_("Evidence files"))
