from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kawal.core.navigation import NavItem

STAFF = ("bawaslu_member", "secretariat", "panwascam", "admin")


class CoordinationConfig(AppConfig):
    name = "kawal.coordination"
    label = "coordination"
    verbose_name = _("Stakeholder coordination")
    nav_items = [
        NavItem(_("Meetings"), "coordination:meeting_list", roles=STAFF, order=30),
        NavItem(_("Stakeholders"), "coordination:stakeholder_list", roles=STAFF, order=31),
        NavItem(_("Follow-up"), "coordination:follow_up", roles=STAFF, order=32),
        NavItem(_("Period summary"), "coordination:summary", roles=STAFF, order=33),
        NavItem(_("My organisation's commitments"), "coordination:my_commitments", roles=("stakeholder",), order=34),
    ]
