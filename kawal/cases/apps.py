from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kawal.core.navigation import NavItem

SUPERVISORS = ("bawaslu_member", "secretariat", "panwascam", "pkd", "ptps", "admin")


class CasesConfig(AppConfig):
    name = "kawal.cases"
    label = "cases"
    verbose_name = _("Violation handling")
    nav_items = [NavItem(_("Cases"), "cases:list", roles=SUPERVISORS, order=20)]
