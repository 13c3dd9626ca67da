"""Voting-day supervision (Siwaslih): TPS reports, their running totals, official recap.

A PTPS report is append-only: every submission is a new :class:`TpsReport` row (a
version), and :class:`CurrentReport` points at the newest one per TPS and election.
:class:`AreaTotal` keeps per-pair totals and coverage counters for every area level,
moved in bulk from the pending current-report rows (see ``totals.py``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kawal.core.scope import RegionScopedQuerySet
from kawal.elections.models import Election
from kawal.regions.models import Region, Tps


class ItemKind(models.TextChoices):
    YES_NO = "yesno", _("Yes/no")
    NUMBER = "number", _("Number")
    TIME = "time", _("Time")
    TEXT = "text", _("Text")


class ChecklistItem(models.Model):
    """One question of an election's voting-day checklist (configurable per election)."""

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="checklist_items", verbose_name=_("election")
    )
    key = models.SlugField(_("key"), max_length=40)
    label = models.CharField(_("question"), max_length=200)
    kind = models.CharField(_("answer type"), max_length=8, choices=ItemKind.choices)
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["election", "order", "key"]
        constraints = [models.UniqueConstraint(fields=["election", "key"], name="unique_checklist_key")]

    def __str__(self) -> str:
        return self.label


class Channel(models.TextChoices):
    WEB = "web", _("Web form")
    OFFLINE = "offline", _("Web form (offline outbox)")
    API = "api", _("API")
    IMPORT = "import", _("Import")


class TpsReportQuerySet(RegionScopedQuerySet["TpsReport"]):
    region_path = "desa"


class TpsReport(models.Model):
    """One version of a PTPS voting-day report with its copy of the tally (salinan C.Hasil)."""

    submission_id = models.UUIDField(
        _("submission id"), unique=True, help_text=_("Made by the client; retries reuse it.")
    )
    # Voting day writes hundreds of these a second, so every index and database-level
    # foreign-key check is paid for by each report. No index of their own for election,
    # TPS and author: (tps, election, version) covers the lookups. No foreign-key
    # constraint in the database either: each check locks the parent row (the same
    # election row for a whole regency), which costs more than the insert itself. The
    # intake stores only ids it has just looked up, and the parents are PROTECTed in
    # Django; ``manage.py seal_intake --verify`` looks for orphans.
    election = models.ForeignKey(
        Election, on_delete=models.PROTECT, related_name="+", verbose_name=_("election"), db_index=False,
        db_constraint=False,
    )  # fmt: skip
    tps = models.ForeignKey(
        Tps, on_delete=models.PROTECT, related_name="+", verbose_name=_("TPS"), db_index=False, db_constraint=False
    )
    desa = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("desa/kelurahan"), db_constraint=False
    )
    version = models.PositiveIntegerField(_("version"))
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices, default=Channel.WEB)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", db_index=False,
        db_constraint=False,
    )  # fmt: skip
    submitted_at = models.DateTimeField(_("filled in at"), null=True, blank=True)
    received_at = models.DateTimeField(_("received at"))
    checklist = models.JSONField(_("checklist answers"), default=dict, blank=True)
    dpt = models.PositiveIntegerField(_("voters on the DPT"))
    dptb = models.PositiveIntegerField(_("transfer voters (DPTb)"), default=0)
    dpk = models.PositiveIntegerField(_("additional voters (DPK)"), default=0)
    voters_male = models.PositiveIntegerField(_("voters who voted, male"), default=0)
    voters_female = models.PositiveIntegerField(_("voters who voted, female"), default=0)
    ballots_received = models.PositiveIntegerField(_("ballots received"), default=0)
    ballots_used = models.PositiveIntegerField(_("ballots used"), default=0)
    ballots_damaged = models.PositiveIntegerField(_("ballots damaged or mis-marked"), default=0)
    ballots_unused = models.PositiveIntegerField(_("ballots unused"), default=0)
    votes = models.JSONField(_("votes per pair"), help_text=_('{"ballot number": votes}'))
    valid = models.PositiveIntegerField(_("valid votes"))
    invalid = models.PositiveIntegerField(_("invalid votes"))
    cast = models.PositiveIntegerField(_("votes cast (valid + invalid)"))
    flags = models.JSONField(_("quality flags"), default=list, blank=True)
    note = models.TextField(_("note"), blank=True)

    objects = TpsReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("TPS report (PTPS, salinan C.Hasil)")
        verbose_name_plural = _("TPS reports (PTPS)")
        ordering = ["tps_id", "election_id", "version"]
        constraints = [
            models.UniqueConstraint(fields=["tps", "election", "version"], name="unique_report_version"),
        ]

    def __str__(self) -> str:
        return f"{self.tps_id}/{self.election_id} v{self.version}"

    @property
    def flagged(self) -> bool:
        return bool(self.flags)


class CurrentReportQuerySet(RegionScopedQuerySet["CurrentReport"]):
    region_path = "desa"


class CurrentReport(models.Model):
    """The newest version per TPS and election, with the figures the totals are built from.

    ``pending`` rows hold figures not yet added to the area totals; ``applied_*`` is what
    the totals hold for this TPS (``applied_votes`` is null until it is first counted).
    Only the indexes the intake and the pages need, and no database-level foreign keys,
    for the reasons given on :class:`TpsReport`.
    """

    election = models.ForeignKey(
        Election, on_delete=models.PROTECT, related_name="+", db_index=False, db_constraint=False
    )
    tps = models.ForeignKey(Tps, on_delete=models.PROTECT, related_name="+", db_index=False, db_constraint=False)
    desa = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", db_index=False, db_constraint=False)
    report = models.ForeignKey(
        TpsReport, on_delete=models.PROTECT, related_name="+", db_index=False, db_constraint=False
    )
    version = models.PositiveIntegerField()
    votes = models.JSONField()
    valid = models.PositiveIntegerField()
    invalid = models.PositiveIntegerField()
    cast = models.PositiveIntegerField()
    flagged = models.BooleanField(default=False)
    received_at = models.DateTimeField()
    pending = models.BooleanField(default=True, db_default=True)
    applied_votes = models.JSONField(null=True, blank=True)
    applied_valid = models.PositiveIntegerField(default=0, db_default=0)
    applied_invalid = models.PositiveIntegerField(default=0, db_default=0)
    applied_cast = models.PositiveIntegerField(default=0, db_default=0)
    applied_flagged = models.BooleanField(default=False, db_default=False)

    objects = CurrentReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("current TPS report")
        verbose_name_plural = _("current TPS reports")
        constraints = [models.UniqueConstraint(fields=["tps", "election"], name="unique_current_report")]
        indexes = [
            models.Index(fields=["election", "desa"], name="sup_current_desa"),
            models.Index(fields=["id"], condition=models.Q(pending=True), name="sup_current_pending"),
        ]

    def __str__(self) -> str:
        return f"{self.tps_id}/{self.election_id} v{self.version}"


class AreaTotal(models.Model):
    """Running totals of one area (TPS, desa, kecamatan, regency, province) for an election.

    ``pair_number`` 0 is the summary row (reported, flagged, valid, invalid, cast); other
    rows hold one pair's votes. Kept for desa and above; a TPS's own figures are its
    :class:`CurrentReport`.
    """

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="+")
    area_code = models.CharField(max_length=24)
    pair_number = models.PositiveSmallIntegerField(default=0)
    votes = models.BigIntegerField(default=0)
    reported = models.IntegerField(default=0)
    flagged = models.IntegerField(default=0)
    valid = models.BigIntegerField(default=0)
    invalid = models.BigIntegerField(default=0)
    cast = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("area total")
        verbose_name_plural = _("area totals")
        constraints = [
            models.UniqueConstraint(fields=["election", "area_code", "pair_number"], name="unique_area_total")
        ]

    def __str__(self) -> str:
        return f"{self.area_code} #{self.pair_number}"


class TallyPhoto(models.Model):
    """A photograph of the C.Hasil attached to a report version (evidence)."""

    report = models.ForeignKey(TpsReport, on_delete=models.PROTECT, related_name="photos", verbose_name=_("report"))
    evidence = models.ForeignKey("core.EvidenceFile", on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("C.Hasil photo")
        verbose_name_plural = _("C.Hasil photos")
        constraints = [models.UniqueConstraint(fields=["report", "evidence"], name="unique_tally_photo")]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.evidence_id}"


class OfficialResult(models.Model):
    """KPU's official figure for one TPS or kecamatan, imported from a recap CSV."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="+", verbose_name=_("election"))
    area_code = models.CharField(_("area code"), max_length=24)
    votes = models.JSONField(_("votes per pair"))
    invalid = models.PositiveIntegerField(_("invalid votes"))
    source = models.CharField(_("source"), max_length=200, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("official result (KPU recap)")
        verbose_name_plural = _("official results (KPU recap)")
        constraints = [models.UniqueConstraint(fields=["election", "area_code"], name="unique_official_result")]

    def __str__(self) -> str:
        return f"{self.election_id} {self.area_code}"


class IntakeToken(models.Model):
    """An API token for report intake; only its SHA-256 is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key_hash = models.CharField(max_length=64, unique=True)
    label = models.CharField(_("label"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("intake token")
        verbose_name_plural = _("intake tokens")

    def __str__(self) -> str:
        return self.label or f"token {self.pk}"


class AssignmentQuerySet(RegionScopedQuerySet["Assignment"]):
    region_path = "region"


class Assignment(models.Model):
    """Roster: a supervisor (PTPS, PKD, Panwascam) assigned to a TPS, desa or kecamatan."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("supervisor")
    )
    role = models.CharField(_("role"), max_length=20)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("area"))
    tps = models.ForeignKey(Tps, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    letter_number = models.CharField(_("assignment letter number"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment (roster)")
        verbose_name_plural = _("assignments (roster)")
        constraints = [models.UniqueConstraint(fields=["user", "role", "region", "tps"], name="unique_assignment")]

    def __str__(self) -> str:
        return f"{self.role} {self.region_id} {self.tps_id or ''}".strip()


class IntakeSeal(models.Model):
    """A digest of the report versions received since the previous seal, chained into the audit log."""

    first_report_id = models.BigIntegerField()
    last_report_id = models.BigIntegerField()
    count = models.IntegerField()
    digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-last_report_id"]

    def __str__(self) -> str:
        return f"{self.first_report_id}-{self.last_report_id}"


# --- Stage supervision (pengawasan tahapan) ------------------------------------------------


class TaskQuerySet(RegionScopedQuerySet["SupervisionTask"]):
    region_path = "region"


class SupervisionTask(models.Model):
    """What to supervise in a stage, assigned to the Panwascam or PKD of an area."""

    stage = models.ForeignKey("elections.Stage", on_delete=models.PROTECT, related_name="+", verbose_name=_("stage"))
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("area"))
    assigned_role = models.CharField(_("assigned to"), max_length=20)
    title = models.CharField(_("what to supervise"), max_length=200)
    instructions = models.TextField(_("instructions"), blank=True)
    due_date = models.DateField(_("due"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("supervision task")
        verbose_name_plural = _("supervision tasks")
        ordering = ["stage__start_date", "region_id", "title"]

    def __str__(self) -> str:
        return self.title


class SupervisionForm(models.TextChoices):
    DIRECT = "langsung", _("Direct supervision")
    PREVENTION = "pencegahan", _("Prevention")
    ANALYSIS = "analisis", _("Analysis")
    ELEMENTS = "unsur", _("Determining the elements of a violation")
    ENFORCEMENT = "penindakan", _("Enforcement")
    DISPUTE = "sengketa", _("Dispute resolution")


class FormAQuerySet(RegionScopedQuerySet["SupervisionReport"]):
    region_path = "region"


class SupervisionReport(models.Model):
    """Laporan Hasil Pengawasan (Form A), Perbawaslu 5/2022 model (DOMAIN.md §7)."""

    number = models.CharField(_("number"), max_length=80, unique=True)
    task = models.ForeignKey(SupervisionTask, null=True, blank=True, on_delete=models.PROTECT, related_name="reports")
    stage = models.ForeignKey("elections.Stage", on_delete=models.PROTECT, related_name="+", verbose_name=_("stage"))
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("area"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # I. Supervisor
    supervisor_name = models.CharField(_("name of the supervisor"), max_length=150)
    position = models.CharField(_("position"), max_length=150)
    assignment_letter = models.CharField(_("assignment letter number"), max_length=100, blank=True)
    office_address = models.CharField(_("address"), max_length=255, blank=True)
    # II. Activity
    form = models.CharField(_("form of supervision"), max_length=12, choices=SupervisionForm.choices)
    purpose = models.CharField(_("purpose"), max_length=255)
    target = models.CharField(_("target"), max_length=255)
    held_at = models.DateTimeField(_("time"))
    place = models.CharField(_("place"), max_length=255)
    # III. Narrative
    narrative = models.TextField(_("short chronological description"))
    # IV. Alleged violation
    violation_found = models.BooleanField(_("an alleged violation was found"), default=False)
    violation_event = models.CharField(_("event"), max_length=200, blank=True)
    violation_place = models.CharField(_("place of the event"), max_length=255, blank=True)
    violation_date = models.DateField(_("date of the event"), null=True, blank=True)
    violation_actor = models.CharField(_("actor"), max_length=200, blank=True)
    violation_actor_address = models.CharField(_("actor's address"), max_length=255, blank=True)
    violation_witnesses = models.TextField(_("witnesses"), blank=True)
    violation_evidence = models.TextField(_("evidence"), blank=True)
    violation_facts = models.TextField(_("facts and description"), blank=True)
    violation_analysis = models.TextField(_("analysis"), blank=True)
    # V. Alleged dispute
    dispute_information = models.TextField(_("information on an alleged dispute"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The temuan this report became (cases app); kept as a plain reference.
    finding_id = models.PositiveIntegerField(_("finding"), null=True, blank=True)
    finding_tracking_code = models.CharField(_("finding tracking code"), max_length=20, blank=True)

    objects = FormAQuerySet.as_manager()

    class Meta:
        verbose_name = _("supervision report (Form A)")
        verbose_name_plural = _("supervision reports (Form A)")
        ordering = ["-held_at"]

    def __str__(self) -> str:
        return self.number
