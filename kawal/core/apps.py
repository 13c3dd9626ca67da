from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kawal.core.navigation import NavItem


class CoreConfig(AppConfig):
    name = "kawal.core"
    label = "core"
    verbose_name = _("Core")
    nav_items = [NavItem(_("Home"), "core:home", order=0)]
