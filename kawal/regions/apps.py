from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kawal.core.navigation import NavItem

STAFF = ("bawaslu_member", "secretariat", "panwascam", "pkd", "admin")


class RegionsConfig(AppConfig):
    name = "kawal.regions"
    label = "regions"
    verbose_name = _("Regions")
    nav_items = [NavItem(_("Regions & TPS"), "regions:index", roles=STAFF, order=80)]
