"""Cases (laporan, temuan, informasi awal), their event log, notes, links and clock rules."""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kawal.accounts.models import SUPERVISOR_ROLES
from kawal.core.clocks import Unit
from kawal.core.crypto import EncryptedTextField
from kawal.core.scope import RegionScopedQuerySet
from kawal.regions.models import Region, Tps

from .workflow import FINAL, PUBLIC_STATUS, Action, Kind, State

# Crockford-style alphabet without look-alikes (0/O, 1/I/L): codes read out over the phone.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_GROUPS, CODE_GROUP_LEN = 3, 4  # 31**12 ≈ 2**59 possible codes


def new_tracking_code() -> str:
    groups = ["".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LEN)) for _ in range(CODE_GROUPS)]
    return "KWL-" + "-".join(groups)


def normalise_tracking_code(value: str) -> str:
    """Accept codes typed with spaces, lower case or without dashes."""
    raw = "".join(ch for ch in value.upper() if ch.isalnum())
    if raw.startswith("KWL"):
        raw = raw[3:]
    if len(raw) != CODE_GROUPS * CODE_GROUP_LEN:
        return ""
    return "KWL-" + "-".join(raw[i : i + CODE_GROUP_LEN] for i in range(0, len(raw), CODE_GROUP_LEN))


class PartyType(models.TextChoices):
    ASN = "asn", _("Civil servant (ASN)")
    TNI = "tni", _("TNI")
    POLRI = "polri", _("POLRI")
    VILLAGE_HEAD = "kepala_desa", _("Village head (kepala desa/lurah)")
    VILLAGE_OFFICIAL = "perangkat_desa", _("Village official (perangkat desa)")
    OFFICIAL = "pejabat", _("State or regional official")
    ORGANISER = "penyelenggara", _("Election organiser (KPU, Bawaslu, PPK, PPS, KPPS)")
    PARTICIPANT = "peserta", _("Candidate or campaign team")
    CITIZEN = "warga", _("Citizen")
    UNKNOWN = "tidak_diketahui", _("Unknown")


class ReporterStatus(models.TextChoices):
    VOTER = "pemilih", _("Voter")
    MONITOR = "pemantau", _("Accredited election monitor")
    PARTICIPANT = "peserta", _("Election participant")


class Channel(models.TextChoices):
    ONLINE = "online", _("Online form")
    IN_PERSON = "in_person", _("In person at the office")
    API = "api", _("API")
    SUPERVISOR = "supervisor", _("Recorded by a supervisor")


class Sex(models.TextChoices):
    MALE = "L", _("Male")
    FEMALE = "P", _("Female")


class CaseQuerySet(RegionScopedQuerySet["Case"]):
    region_path = "region"
    visible_roles = tuple(SUPERVISOR_ROLES)

    def open(self) -> CaseQuerySet:
        return self.exclude(state__in=FINAL)

    def public(self) -> CaseQuerySet:
        """Registered reports and findings, as Bawaslu announces them."""
        return self.exclude(registration_number="").exclude(kind=Kind.INFORMATION)


class Case(models.Model):
    """A laporan, temuan or informasi awal under handling (penanganan pelanggaran)."""

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    tracking_code = models.CharField(_("tracking code"), max_length=20, unique=True, default=new_tracking_code)
    registration_number = models.CharField(_("registration number"), max_length=60, blank=True, db_index=True)
    state = models.CharField(_("status"), max_length=30, choices=State.choices, default=State.RECEIVED, db_index=True)
    state_changed_at = models.DateTimeField(_("status since"), default=timezone.now)
    channel = models.CharField(_("received through"), max_length=12, choices=Channel.choices)
    received_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)

    # Reporter (pelapor) — identity encrypted at rest, blank for temuan and informasi awal.
    reporter_status = models.CharField(_("reporter is a"), max_length=10, choices=ReporterStatus.choices, blank=True)
    reporter_name = EncryptedTextField(_("reporter's name"), blank=True)
    reporter_nik = EncryptedTextField(_("reporter's NIK"), blank=True)
    reporter_birth_place = EncryptedTextField(_("place of birth"), blank=True)
    reporter_birth_date = EncryptedTextField(_("date of birth"), blank=True)
    reporter_sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    reporter_occupation = EncryptedTextField(_("occupation"), blank=True)
    reporter_citizenship = models.CharField(_("citizenship"), max_length=40, blank=True, default="WNI")
    reporter_address = EncryptedTextField(_("reporter's address"), blank=True)
    reporter_phone = EncryptedTextField(_("reporter's phone"), blank=True)
    reporter_email = EncryptedTextField(_("reporter's e-mail"), blank=True)

    # Reported party (terlapor) and the event (peristiwa).
    reported_name = models.CharField(_("reported party"), max_length=200)
    reported_type = models.CharField(
        _("type of reported party"), max_length=20, choices=PartyType.choices, default=PartyType.UNKNOWN
    )
    reported_position = models.CharField(_("position or description"), max_length=200, blank=True)
    title = models.CharField(_("short description"), max_length=200)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("place (kecamatan or desa)")
    )
    tps = models.ForeignKey(
        Tps, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("TPS")
    )
    place_detail = models.CharField(_("place details"), max_length=255, blank=True)
    happened_on = models.DateField(_("date it happened"))
    known_on = models.DateField(_("date it became known"))
    narrative = models.TextField(_("what happened"))
    witnesses = models.TextField(_("witnesses"), blank=True)

    # Formal requirements (syarat formil) checked at intake.
    filed_late = models.BooleanField(_("filed after the deadline"), default=False)
    formal_issues = models.TextField(_("formal requirement problems"), blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("entered by"),
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="assigned_cases",
        verbose_name=_("handler"),
    )
    source = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="derived",
        verbose_name=_("from initial information"),
    )
    next_due_at = models.DateTimeField(_("next due"), null=True, blank=True, db_index=True)
    referred_to = models.CharField(_("referred to"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case (laporan/temuan)")
        verbose_name_plural = _("cases (laporan/temuan)")
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["kind", "state"], name="case_kind_state")]

    def __str__(self) -> str:
        return f"{self.tracking_code} · {self.title}"

    @classmethod
    def label_of(cls, name: str) -> str:
        field = cls._meta.get_field(name)
        return str(getattr(field, "verbose_name", name))

    @property
    def public_status(self) -> str:
        return str(PUBLIC_STATUS[self.state])

    @property
    def is_open(self) -> bool:
        return self.state not in FINAL

    @property
    def region_code(self) -> str:
        return str(self.region_id)


class CaseEvent(models.Model):
    """One thing that happened to a case (append-only): the timeline and the clocks' source."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events", verbose_name=_("case"))
    action = models.CharField(_("action"), max_length=40)
    from_state = models.CharField(_("from status"), max_length=30, choices=State.choices, blank=True)
    to_state = models.CharField(_("to status"), max_length=30, choices=State.choices, blank=True)
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("by"),
    )
    actor_label = models.CharField(_("by (name)"), max_length=150, blank=True)
    reason = models.TextField(_("reason or note"), blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)

    class Meta:
        verbose_name = _("case event (riwayat penanganan)")
        verbose_name_plural = _("case events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.action} @ {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValueError("case events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("case events are append-only")

    @property
    def action_label(self) -> str:
        try:
            return str(Action(self.action).label)
        except ValueError:
            return str(EVENT_LABELS.get(self.action, self.action))


# Events that are not workflow actions.
EVENT_LABELS: dict[str, Any] = {
    "received": _("Received"),
    "assigned": _("Handler assigned"),
    "evidence_added": _("Evidence added"),
    "linked": _("Linked to another case"),
    "clock_warning": _("Deadline warning sent to handlers"),
    "reporter_completed": _("The reporter sent the missing information"),
    "edited": _("Details corrected"),
}


class CaseNote(models.Model):
    """An internal note (catatan internal): never shown to the public."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="notes", verbose_name=_("case"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        verbose_name = _("internal note (catatan internal)")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.body[:40]}"


class LinkKind(models.TextChoices):
    RELATED = "related", _("Related")
    DUPLICATE = "duplicate", _("Duplicate")


class CaseLink(models.Model):
    """Two cases linked as related or duplicate; both stay. Stored once, lower id first."""

    first = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="+")
    second = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("link"), max_length=10, choices=LinkKind.choices)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("case link (laporan terkait)")
        verbose_name_plural = _("case links")
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="unique_case_link"),
            models.CheckConstraint(condition=models.Q(first__lt=models.F("second")), name="case_link_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.first_id} ~ {self.second_id} ({self.kind})"


class ClockRule(models.Model):
    """A statutory clock as data (batas waktu penanganan): change the row, every due date follows."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=150)
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    amount = models.PositiveIntegerField(_("duration"))
    unit = models.CharField(
        _("unit"),
        max_length=15,
        choices=[
            (Unit.CALENDAR_DAY, _("calendar days")),
            (Unit.WORKING_DAY, _("working days")),
            (Unit.HOUR, _("hours")),
        ],
    )
    start_actions = models.JSONField(_("started by"), default=list, help_text=_("Case events that start the clock."))
    stop_actions = models.JSONField(_("stopped by"), default=list, help_text=_("Case events that stop the clock."))
    pause_actions = models.JSONField(
        _("paused by"), default=list, blank=True, help_text=_("Case events that pause the clock (time stands still).")
    )
    resume_actions = models.JSONField(
        _("resumed by"), default=list, blank=True, help_text=_("Case events that let a paused clock run again.")
    )
    anchor_action = models.CharField(
        _("counted from"), max_length=40, blank=True,
        help_text=_("Count from the latest time of this event instead of the start (e.g. 3+2 days from registration)."),
    )
    kinds = models.JSONField(_("applies to"), default=list, blank=True, help_text=_("Empty: every kind of case."))
    warn_hours = models.PositiveIntegerField(_("warn this many hours before"), default=24)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("clock rule (batas waktu)")
        verbose_name_plural = _("clock rules (batas waktu)")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.amount} {self.get_unit_display()})"


class DayOff(models.Model):
    """An extra day off for working-day clocks (beyond national holidays and cuti bersama)."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=150)

    class Meta:
        verbose_name = _("extra day off (hari libur tambahan)")
        verbose_name_plural = _("extra days off")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"


class CaseEvidence(models.Model):
    """A piece of evidence (alat bukti) attached to a case; the file itself is stored once by hash."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="evidence", verbose_name=_("case"))
    evidence = models.ForeignKey(
        "core.EvidenceFile", on_delete=models.PROTECT, related_name="+", verbose_name=_("evidence file")
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        verbose_name = _("case evidence (alat bukti)")
        verbose_name_plural = _("case evidence")
        ordering = ["added_at", "id"]
        constraints = [models.UniqueConstraint(fields=["case", "evidence"], name="unique_case_evidence")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.evidence_id}"


class IntakePeriod(models.Model):
    """Days when reports are received around the clock (masa tenang and voting day), not office hours only."""

    name = models.CharField(_("name"), max_length=150)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"))

    class Meta:
        verbose_name = _("24-hour intake period (layanan 24 jam)")
        verbose_name_plural = _("24-hour intake periods")
        ordering = ["start_date"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end_date__gte=models.F("start_date")), name="intake_period_order")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.start_date:%d-%m-%Y} – {self.end_date:%d-%m-%Y})"
