"""Election cycles, their stage timeline, elections and candidate pairs."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from kawal.core.scope import RegionScopedQuerySet
from kawal.regions.models import Region


class Cycle(models.Model):
    """A round of simultaneous elections (Pemilihan Serentak 2024) with one stage timeline."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    voting_date = models.DateField(_("voting day"))

    class Meta:
        verbose_name = _("election cycle (pemilihan serentak)")
        verbose_name_plural = _("election cycles")
        ordering = ["-voting_date"]

    def __str__(self) -> str:
        return self.name


class StageQuerySet(models.QuerySet["Stage"]):
    def current(self, on: dt.date) -> StageQuerySet:
        return self.filter(start_date__lte=on, end_date__gte=on)


class Stage(models.Model):
    """A stage of the timeline (tahapan), PKPU 2/2024."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="stages", verbose_name=_("cycle"))
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=150)
    start_date = models.DateField(_("starts"))
    end_date = models.DateField(_("ends"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = StageQuerySet.as_manager()

    class Meta:
        verbose_name = _("stage (tahapan)")
        verbose_name_plural = _("stages (tahapan)")
        ordering = ["cycle", "start_date", "order"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "code"], name="unique_stage_code"),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="stage_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def is_current(self, on: dt.date) -> bool:
        return self.start_date <= on <= self.end_date


class ElectionKind(models.TextChoices):
    GOVERNOR = "gubernur", _("Governor (Pilgub)")
    REGENT = "bupati", _("Regent (Pilbup)")
    MAYOR = "walikota", _("Mayor (Pilwali)")


class ElectionQuerySet(RegionScopedQuerySet["Election"]):
    region_path = "region"

    def covering(self, region_code: str) -> ElectionQuerySet:
        """Elections held in the given region (an election of the province covers its regencies)."""
        parts = region_code.split(".")
        return self.filter(region_id__in=[".".join(parts[:i]) for i in range(1, len(parts) + 1)])


class Election(models.Model):
    cycle = models.ForeignKey(Cycle, on_delete=models.PROTECT, related_name="elections", verbose_name=_("cycle"))
    kind = models.CharField(_("kind"), max_length=10, choices=ElectionKind.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("region"))
    name = models.CharField(_("name"), max_length=150)

    objects = ElectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("election (pemilihan)")
        verbose_name_plural = _("elections (pemilihan)")
        ordering = ["region_id"]
        constraints = [models.UniqueConstraint(fields=["cycle", "kind", "region"], name="unique_election")]

    def __str__(self) -> str:
        return self.name

    @property
    def has_empty_box(self) -> bool:
        return any(p.is_empty_box for p in self.pairs.all())


class CandidatePair(models.Model):
    """A pair on the ballot (pasangan calon), or the empty box (kotak kosong)."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="pairs", verbose_name=_("election"))
    number = models.PositiveSmallIntegerField(_("ballot number"))
    head_name = models.CharField(_("candidate for head"), max_length=150, blank=True)
    deputy_name = models.CharField(_("candidate for deputy"), max_length=150, blank=True)
    is_empty_box = models.BooleanField(_("empty box (kotak kosong)"), default=False)

    class Meta:
        verbose_name = _("candidate pair (paslon)")
        verbose_name_plural = _("candidate pairs (paslon)")
        ordering = ["election", "number"]
        constraints = [
            models.UniqueConstraint(fields=["election", "number"], name="unique_ballot_number"),
            models.CheckConstraint(
                condition=models.Q(is_empty_box=True) | ~models.Q(head_name=""),
                name="pair_has_candidate_or_is_empty_box",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number:02d}. {self.label}"

    @property
    def label(self) -> str:
        if self.is_empty_box:
            return str(_("Empty box (kotak kosong)"))
        return f"{self.head_name} – {self.deputy_name}".strip(" –")
