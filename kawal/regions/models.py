"""Province → regency/city → kecamatan → desa/kelurahan → TPS, keyed by Kemendagri codes."""

from __future__ import annotations

from typing import Any

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kawal.core.scope import RegionScopedQuerySet


class Level(models.TextChoices):
    PROVINCE = "province", _("Province")
    REGENCY = "regency", _("Regency/City")
    KECAMATAN = "kecamatan", _("Kecamatan")
    DESA = "desa", _("Desa/Kelurahan")


LEVEL_BY_DEPTH = {1: Level.PROVINCE, 2: Level.REGENCY, 3: Level.KECAMATAN, 4: Level.DESA}
CHILD_LEVEL = {Level.PROVINCE: Level.REGENCY, Level.REGENCY: Level.KECAMATAN, Level.KECAMATAN: Level.DESA}


class RegionQuerySet(RegionScopedQuerySet["Region"]):
    region_path = ""

    def visible_to(self, user: Any) -> RegionQuerySet:
        # Regions are scoped on their own code; a region above the user's scope stays
        # visible as a heading but browsing starts at the scope.
        from kawal.core.scope import ALL_REGIONS, scope_codes

        codes = scope_codes(user)
        if codes is ALL_REGIONS:
            return self
        q = models.Q(pk__in=[])
        for code in codes or []:
            q |= models.Q(pk=code) | models.Q(pk__startswith=code + ".")
        return self.filter(q)


class Region(models.Model):
    code = models.CharField(_("Kemendagri code"), max_length=16, primary_key=True)
    name = models.CharField(_("name"), max_length=120, db_index=True)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices, db_index=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", verbose_name=_("parent")
    )

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = _("region (wilayah)")
        verbose_name_plural = _("regions (wilayah)")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.code})"

    @property
    def display_name(self) -> str:
        prefix = {Level.KECAMATAN: "Kec. ", Level.DESA: ""}.get(Level(self.level), "")
        return f"{prefix}{self.name}"

    @property
    def child_level(self) -> str | None:
        return CHILD_LEVEL.get(Level(self.level))

    def ancestors(self) -> list[Region]:
        """Regions above this one, top first, by code (no queries past one IN lookup)."""
        parts = self.code.split(".")
        codes = [".".join(parts[:i]) for i in range(1, len(parts))]
        found = {r.code: r for r in Region.objects.filter(code__in=codes)}
        return [found[c] for c in codes if c in found]


class TpsQuerySet(RegionScopedQuerySet["Tps"]):
    region_path = "desa"


class Tps(models.Model):
    """A polling station (tempat pemungutan suara) in one desa/kelurahan."""

    desa = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="tps_set",
        verbose_name=_("desa/kelurahan"),
        limit_choices_to={"level": Level.DESA},
    )
    number = models.PositiveSmallIntegerField(_("TPS number"), validators=[MinValueValidator(1)])
    address = models.CharField(_("address"), max_length=255, blank=True)
    dpt = models.PositiveIntegerField(_("registered voters (DPT)"), default=0)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    is_synthetic = models.BooleanField(
        _("synthetic (demo)"), default=False, help_text=_("Generated for the demo, not official data.")
    )

    objects = TpsQuerySet.as_manager()

    class Meta:
        verbose_name = _("TPS (polling station)")
        verbose_name_plural = _("TPS (polling stations)")
        ordering = ["desa_id", "number"]
        constraints = [models.UniqueConstraint(fields=["desa", "number"], name="unique_tps_number_per_desa")]

    def __str__(self) -> str:
        return f"TPS {self.number:03d} {self.desa.name}"

    @property
    def code(self) -> str:
        return f"{self.desa_id}.{self.number:03d}"
