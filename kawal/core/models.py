"""The audit log: append-only, hash-chained."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One write that happened. Rows are never updated or deleted by the application.

    ``hash`` covers every other column and the previous row's hash, so changing any
    stored row breaks the chain from that row on (``manage.py verify_audit``).
    """

    created_at = models.DateTimeField(_("time"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("actor")
    )
    actor_label = models.CharField(_("actor name"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=80, db_index=True)
    target_type = models.CharField(_("target type"), max_length=80, blank=True)
    target_id = models.CharField(_("target id"), max_length=64, blank=True)
    region_code = models.CharField(_("region"), max_length=32, blank=True, db_index=True)
    data = models.JSONField(_("data"), default=dict, blank=True)
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.action} {self.target_type}:{self.target_id}"


class AuditHead(models.Model):
    """A single row holding the newest hash; locking it serialises appends."""

    last_hash = models.CharField(max_length=64)
    last_event_id = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("audit chain head")

    def __str__(self) -> str:
        return f"audit head #{self.last_event_id}"


class EvidenceKind(models.TextChoices):
    IMAGE = "image", _("Photo/image")
    VIDEO = "video", _("Video")
    AUDIO = "audio", _("Audio recording")
    PDF = "pdf", _("PDF document")
    DOCUMENT = "document", _("Office document")


class EvidenceFile(models.Model):
    """A file stored once under its SHA-256; never edited or deleted through the app.

    Domain objects link to it through their own tables (a case's evidence, a
    commitment's proof of completion, a TPS report's C.Hasil photo).
    """

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    content_type = models.CharField(_("content type"), max_length=120)
    kind = models.CharField(_("kind"), max_length=10, choices=EvidenceKind.choices)
    original_name = models.CharField(_("original file name"), max_length=255, blank=True)
    file = models.FileField(_("file"), max_length=255)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("uploaded by")
    )

    class Meta:
        verbose_name = _("evidence file (barang bukti)")
        verbose_name_plural = _("evidence files (barang bukti)")

    def __str__(self) -> str:
        return f"{self.original_name or self.sha256[:12]} ({self.get_kind_display()})"

    @property
    def short_hash(self) -> str:
        return self.sha256[:16]
