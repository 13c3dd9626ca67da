"""Users and their region-scoped memberships."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from kawal.regions.models import Region


class Role(models.TextChoices):
    BAWASLU_MEMBER = "bawaslu_member", _("Bawaslu member")
    SECRETARIAT = "secretariat", _("Secretariat staff")
    PANWASCAM = "panwascam", _("Panwascam")
    PKD = "pkd", _("PKD (desa supervisor)")
    PTPS = "ptps", _("PTPS (polling station supervisor)")
    STAKEHOLDER = "stakeholder", _("Stakeholder liaison")
    ADMIN = "admin", _("Administrator")


class Division(models.TextChoices):
    PREVENTION = "pencegahan", _("Prevention, public participation & public relations")
    ENFORCEMENT = "penanganan", _("Violation handling & data and information")
    HUMAN_RESOURCES = "sdm", _("Human resources, organisation & training")
    LAW = "hukum", _("Law & dispute resolution")


# Roles of the supervisory body itself (as opposed to outside stakeholders).
SUPERVISOR_ROLES = (Role.BAWASLU_MEMBER, Role.SECRETARIAT, Role.PANWASCAM, Role.PKD, Role.PTPS, Role.ADMIN)
# Roles that work at the office and see staff pages of their whole region.
STAFF_ROLES = (Role.BAWASLU_MEMBER, Role.SECRETARIAT, Role.PANWASCAM, Role.ADMIN)


class User(AbstractUser):
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.username

    def active_memberships(self) -> list[Membership]:
        cached: list[Membership] | None = getattr(self, "_memberships_cache", None)
        if cached is None:
            cached = list(self.memberships.filter(active=True).select_related("region"))
            self._memberships_cache = cached
        return cached

    def region_codes(self, roles: Iterable[str] | None = None) -> list[str] | None:
        """Region codes of active memberships (optionally only of ``roles``); None = all."""
        memberships = self.active_memberships()
        if any(m.role == Role.ADMIN for m in memberships):
            return None
        wanted = set(roles) if roles is not None else None
        return sorted({m.region_id for m in memberships if wanted is None or m.role in wanted})

    def roles(self) -> set[str]:
        if self.is_superuser:
            return {Role.ADMIN}
        return {m.role for m in self.active_memberships()}

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles() & set(roles))

    @property
    def is_staff_member(self) -> bool:
        """Works at the office (Bawaslu, secretariat, Panwascam, admin)."""
        return self.is_superuser or self.has_role(*STAFF_ROLES)

    @property
    def primary_membership(self) -> Membership | None:
        memberships = self.active_memberships()
        return memberships[0] if memberships else None


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("region"))
    division = models.CharField(_("division"), max_length=20, choices=Division.choices, blank=True)
    position = models.CharField(
        _("position"), max_length=150, blank=True, help_text=_("e.g. Ketua, Anggota, Kordiv, Pengawas TPS 01")
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["user_id", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "region"], name="unique_membership"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} · {self.region.name}"
