from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kawal.core.navigation import NavItem


class ElectionsConfig(AppConfig):
    name = "kawal.elections"
    label = "elections"
    verbose_name = _("Elections")
    nav_items = [NavItem(_("Elections & stages"), "elections:index", order=90)]
