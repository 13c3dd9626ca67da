"""Stakeholders, coordination meetings (rapat koordinasi), attendance, minutes and commitments."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kawal.accounts.models import STAFF_ROLES
from kawal.core.crypto import EncryptedTextField
from kawal.core.scope import ALL_REGIONS, RegionScopedQuerySet, region_q, scope_codes
from kawal.elections.models import Stage
from kawal.regions.models import Region


def ancestor_codes(codes: list[str]) -> set[str]:
    """Every region code above the given ones (``35.25.14`` → ``35``, ``35.25``)."""
    found: set[str] = set()
    for code in codes:
        parts = code.split(".")
        found |= {".".join(parts[:i]) for i in range(1, len(parts))}
    return found


class StakeholderKind(models.TextChoices):
    GOVERNMENT = "government", _("Government agency")
    POLICE = "police", _("Police (Polres/Polsek)")
    PROSECUTOR = "prosecutor", _("Prosecutor (Kejaksaan)")
    MILITARY = "tni", _("TNI (Kodim/Koramil)")
    SATPOL_PP = "satpol_pp", _("Satpol PP")
    KOMINFO = "kominfo", _("Kominfo")
    DISHUB = "dishub", _("Dishub (transport)")
    DLH = "dlh", _("DLH (environment)")
    BAKESBANGPOL = "bakesbangpol", _("Bakesbangpol")
    BKPSDM = "bkpsdm", _("BKPSDM (civil service)")
    PARTY = "party", _("Political party")
    CAMPAIGN_TEAM = "campaign_team", _("Campaign team")
    MONITOR = "monitor", _("Election monitor (pemantau)")
    MEDIA = "media", _("Media")
    COMMUNITY = "community", _("Community group")


class StakeholderQuerySet(RegionScopedQuerySet["Stakeholder"]):
    """Staff see the stakeholders of their area and those above it (a kecamatan invites Polres too)."""

    region_path = "region"
    visible_roles = tuple(STAFF_ROLES)

    def visible_to(self, user: Any) -> StakeholderQuerySet:
        codes = scope_codes(user, self.visible_roles)
        if codes is ALL_REGIONS:
            return self
        if not codes:
            return self.none()
        return self.filter(region_q("region", codes) | Q(region_id__in=ancestor_codes(codes)))


class Stakeholder(models.Model):
    """An organisation Bawaslu coordinates with (mitra / pemangku kepentingan)."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=StakeholderKind.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("region"))
    liaison = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="liaison_for",
        verbose_name=_("liaison user"),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = StakeholderQuerySet.as_manager()

    class Meta:
        verbose_name = _("stakeholder (mitra)")
        verbose_name_plural = _("stakeholders (mitra)")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "region"], name="unique_stakeholder_per_region")]

    def __str__(self) -> str:
        return self.name


class Contact(models.Model):
    """A person at a stakeholder. Phone and e-mail are personal data: encrypted, staff only."""

    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("stakeholder")
    )
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position"), max_length=150, blank=True)
    phone = EncryptedTextField(_("phone"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["stakeholder_id", "name"]

    def __str__(self) -> str:
        return self.name


class CheckIn(models.TextChoices):
    OPEN = "open", _("Open for check-in")
    CLOSED = "closed", _("Closed")


class MeetingQuerySet(RegionScopedQuerySet["Meeting"]):
    region_path = "region"
    visible_roles = tuple(STAFF_ROLES)


CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: easy to read out and type


def new_checkin_token() -> str:
    """The short code in a meeting's check-in link (8 characters, about 40 bits)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _position in range(8))


class Meeting(models.Model):
    """A coordination meeting (rapat koordinasi) organised by a supervisory body of a region."""

    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    stage = models.ForeignKey(
        Stage, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("election stage")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=200)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("region"))
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("organiser")
    )
    checkin = models.CharField(_("check-in"), max_length=10, choices=CheckIn.choices, default=CheckIn.OPEN)
    checkin_token = models.CharField(_("check-in code"), max_length=16, unique=True, default=new_checkin_token)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("coordination meeting (rapat koordinasi)")
        verbose_name_plural = _("coordination meetings (rapat koordinasi)")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="meeting_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open_for_checkin(self) -> bool:
        return self.checkin == CheckIn.OPEN

    @property
    def local_date(self) -> dt.date:
        return timezone.localtime(self.starts_at).date()


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda", verbose_name=_("meeting"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("agenda item"), max_length=250)

    class Meta:
        verbose_name = _("agenda item (acara)")
        verbose_name_plural = _("agenda items (acara)")
        ordering = ["meeting_id", "order"]

    def __str__(self) -> str:
        return self.title


class Invitation(models.Model):
    """A stakeholder invited to a meeting (undangan)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("meeting")
    )
    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.PROTECT, related_name="invitations", verbose_name=_("stakeholder")
    )
    invited_at = models.DateTimeField(_("invited at"), default=timezone.now)
    emailed_to = models.PositiveSmallIntegerField(_("e-mails sent"), default=0)

    class Meta:
        verbose_name = _("invitation (undangan)")
        verbose_name_plural = _("invitations (undangan)")
        ordering = ["meeting_id", "stakeholder__name"]
        constraints = [models.UniqueConstraint(fields=["meeting", "stakeholder"], name="unique_invitation")]

    def __str__(self) -> str:
        return f"{self.meeting} · {self.stakeholder}"

    @property
    def addressee(self) -> str:
        return self.stakeholder.name


class GuestInvitation(models.Model):
    """A person invited in their own right (e.g. a camat or community figure), not through a stakeholder.

    The e-mail address is personal data: encrypted, shown to staff only, never audited.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="guests", verbose_name=_("meeting"))
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    invited_at = models.DateTimeField(_("invited at"), default=timezone.now)
    emailed = models.BooleanField(_("e-mail sent"), default=False)

    class Meta:
        verbose_name = _("personal invitation (undangan perorangan)")
        verbose_name_plural = _("personal invitations (undangan perorangan)")
        ordering = ["meeting_id", "name"]

    def __str__(self) -> str:
        return f"{self.meeting} · {self.name}"

    @property
    def addressee(self) -> str:
        return f"{self.name}, {self.position}" if self.position else self.name


class CheckInMethod(models.TextChoices):
    QR = "qr", _("QR code / link")
    STAFF = "staff", _("Ticked in by staff")


class Attendance(models.Model):
    """One person on the attendance list (daftar hadir) of a meeting."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("meeting")
    )
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200)
    position = models.CharField(_("position"), max_length=150, blank=True)
    stakeholder = models.ForeignKey(
        Stakeholder,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attendances",
        verbose_name=_("stakeholder"),
    )
    checked_in_at = models.DateTimeField(_("check-in time"), default=timezone.now)
    method = models.CharField(_("method"), max_length=10, choices=CheckInMethod.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("attendance (daftar hadir)")
        verbose_name_plural = _("attendance (daftar hadir)")
        ordering = ["meeting_id", "checked_in_at", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


class Minutes(models.Model):
    """The minutes (notulen) of a meeting: summary and decisions; statements are rows of their own."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes", verbose_name=_("meeting"))
    summary = models.TextField(_("summary"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True, help_text=_("One decision per line."))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("minute taker")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("minutes (notulen)")
        verbose_name_plural = _("minutes (notulen)")

    def __str__(self) -> str:
        return str(self.meeting)

    @property
    def decision_list(self) -> list[str]:
        return [line.strip() for line in self.decisions.splitlines() if line.strip()]


class Statement(models.Model):
    """What one speaker said at the meeting, as recorded in the minutes."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="statements", verbose_name=_("meeting"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    speaker = models.CharField(_("speaker"), max_length=150)
    speaker_role = models.CharField(_("speaker's position"), max_length=200, blank=True)
    content = models.TextField(_("statement"))

    class Meta:
        verbose_name = _("statement (pokok bahasan)")
        verbose_name_plural = _("statements (pokok bahasan)")
        ordering = ["meeting_id", "order"]

    def __str__(self) -> str:
        return f"{self.speaker}: {self.content[:40]}"


class CommitmentStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("commitment status", "Open")
    IN_PROGRESS = "in_progress", pgettext_lazy("commitment status", "In progress")
    DONE = "done", pgettext_lazy("commitment status", "Done")
    MISSED = "missed", pgettext_lazy("commitment status", "Missed")


PENDING_STATUSES = (CommitmentStatus.OPEN, CommitmentStatus.IN_PROGRESS)


class CommitmentQuerySet(RegionScopedQuerySet["Commitment"]):
    region_path = "meeting__region"
    visible_roles = tuple(STAFF_ROLES)

    def pending(self) -> CommitmentQuerySet:
        return self.filter(status__in=PENDING_STATUSES)

    def overdue(self, today: dt.date | None = None) -> CommitmentQuerySet:
        return self.pending().filter(due_date__lt=today or timezone.localdate())


class Commitment(models.Model):
    """A commitment a stakeholder takes on at a meeting (komitmen/tindak lanjut), followed until done."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="commitments", verbose_name=_("meeting")
    )
    owner = models.ForeignKey(
        Stakeholder, on_delete=models.PROTECT, related_name="commitments", verbose_name=_("responsible stakeholder")
    )
    description = models.TextField(_("commitment"))
    due_date = models.DateField(_("due date"))
    stage = models.ForeignKey(
        Stage, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("election stage")
    )
    area = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("area")
    )
    risk = models.CharField(_("risk addressed"), max_length=250, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=CommitmentStatus.choices, default=CommitmentStatus.OPEN
    )
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    completion_note = models.TextField(_("evidence of completion"), blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("commitment (komitmen/tindak lanjut)")
        verbose_name_plural = _("commitments (komitmen/tindak lanjut)")
        ordering = ["due_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="done") | Q(completed_at__isnull=False), name="done_commitment_has_completion"
            )
        ]

    def __str__(self) -> str:
        return self.description[:60]

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.status in PENDING_STATUSES and self.due_date < (today or timezone.localdate())

    @property
    def completed_on_time(self) -> bool | None:
        """True/False once done (on time = completed on or before the due date, Jakarta time)."""
        if self.status != CommitmentStatus.DONE or self.completed_at is None:
            return None
        return timezone.localtime(self.completed_at).date() <= self.due_date

    def follow_up_state(self, today: dt.date | None = None) -> str:
        """One word for lists: overdue, pending, done_on_time, done_late or missed."""
        if self.status == CommitmentStatus.DONE:
            return "done_on_time" if self.completed_on_time else "done_late"
        if self.status == CommitmentStatus.MISSED:
            return "missed"
        return "overdue" if self.is_overdue(today) else "pending"


class CommitmentEvidence(models.Model):
    """A file proving a commitment was carried out (stored once in the shared evidence store)."""

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="evidence_links", verbose_name=_("commitment")
    )
    evidence = models.ForeignKey(
        "core.EvidenceFile", on_delete=models.PROTECT, related_name="+", verbose_name=_("evidence file")
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("added by")
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence of completion (bukti tindak lanjut)")
        verbose_name_plural = _("evidence of completion (bukti tindak lanjut)")
        ordering = ["commitment_id", "added_at"]

    def __str__(self) -> str:
        return f"{self.commitment_id} · {self.evidence_id}"
