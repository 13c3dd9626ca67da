from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kawal.core.navigation import NavItem

STAFF = ("bawaslu_member", "secretariat", "panwascam", "admin")


class TriageConfig(AppConfig):
    name = "kawal.triage"
    label = "triage"
    verbose_name = _("Triage")
    nav_items = [NavItem(_("Triage accuracy"), "triage:accuracy", roles=STAFF, order=25)]

    def ready(self) -> None:
        from . import signals

        signals.connect()
