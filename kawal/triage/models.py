"""Triage suggestions for a case (saran triase) and the accepted violation category."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kawal.accounts.models import SUPERVISOR_ROLES
from kawal.core.scope import RegionScopedQuerySet


class Field(models.TextChoices):
    CATEGORY = "category", _("Violation category")
    SUBJECT = "subject", _("Type of reported party")
    PLACE = "place", _("Place")
    DUPLICATE = "duplicate", _("Possible duplicate")


class Status(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class Category(models.TextChoices):
    """The engine's categories (``kawal.triage.engine.CATEGORIES``), with their legal wording."""

    MONEY_POLITICS = "politik_uang", _("Money politics (politik uang)")
    NEUTRALITY = "netralitas", _("Neutrality of ASN, TNI, POLRI or village officials")
    ABUSE_OF_AUTHORITY = "penyalahgunaan_wewenang", _("Abuse of authority, programmes or state facilities")
    CAMPAIGN = "kampanye", _("Campaign rules")
    ORGANISER = "penyelenggara", _("Conduct of election organisers")
    VOTING = "pemungutan_suara", _("Voting, counting or recapitulation")
    OTHER = "lainnya", _("Other")


FIRST_CHOICE, SECOND_CHOICE = 1, 2
# fields that hold one value: accepting one suggestion settles the other pending ones
SINGLE_VALUE_FIELDS = ("category", "subject")


class SuggestionQuerySet(RegionScopedQuerySet["Suggestion"]):
    region_path = "case__region"
    visible_roles = tuple(SUPERVISOR_ROLES)

    def pending(self) -> SuggestionQuerySet:
        return self.filter(status=Status.PENDING)


class Suggestion(models.Model):
    """One suggestion for one field of a case; a person accepts or rejects it."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="triage_suggestions", verbose_name=_("case")
    )
    field = models.CharField(_("field"), max_length=12, choices=Field.choices)
    value = models.CharField(
        _("suggested value"), max_length=40,
        help_text=_("A category, a type of reported party, a region code or the id of another case."),
    )
    other_case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
        verbose_name=_("possible duplicate of"),
    )
    explanation = models.JSONField(_("explanation"), default=list, blank=True)
    rank = models.PositiveSmallIntegerField(
        _("rank"), default=FIRST_CHOICE,
        help_text=_("1: triage's choice; 2: its second choice for the same field, offered beside it."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("suggested at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("triage suggestion (saran triase)")
        verbose_name_plural = _("triage suggestions")
        ordering = ["case_id", "field", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "field", "value"], name="unique_triage_suggestion"),
        ]
        indexes = [models.Index(fields=["field", "status"], name="triage_field_status")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.field}={self.value} ({self.status})"


class CaseCategory(models.Model):
    """The violation category a handler accepted for a case (jenis dugaan pelanggaran)."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="triage_category", verbose_name=_("case")
    )
    category = models.CharField(_("violation category"), max_length=30, choices=Category.choices)
    suggestion = models.ForeignKey(
        Suggestion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("from suggestion"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided at"))

    class Meta:
        verbose_name = _("case category (jenis dugaan pelanggaran)")
        verbose_name_plural = _("case categories")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.category}"
