from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kawal.core.navigation import NavItem

WATCHERS = ("bawaslu_member", "secretariat", "panwascam", "pkd", "admin")
EDITORS = ("bawaslu_member", "secretariat", "admin")  # as checklists.EDITORS (models are not loaded yet here)


class SupervisionConfig(AppConfig):
    name = "kawal.supervision"
    label = "supervision"
    verbose_name = _("Supervision")
    nav_items = [
        NavItem(_("TPS report"), "supervision:report_form", roles=("ptps", "pkd", "admin"), order=30),
        NavItem(_("Voting-day coverage"), "supervision:coverage_index", roles=WATCHERS, order=31),
        NavItem(_("Recap cross-check"), "supervision:recap_index", roles=WATCHERS, order=32),
        NavItem(_("Stage supervision"), "supervision:tasks", roles=(*WATCHERS, "ptps"), order=33),
        NavItem(_("Supervisors"), "supervision:roster", roles=WATCHERS, order=34),
        NavItem(_("Voting-day checklist"), "supervision:checklist_index", roles=EDITORS, order=35),
    ]

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from kawal.elections.models import CandidatePair, Election
        from kawal.regions.models import Tps
        from kawal.supervision.lookups import lookups
        from kawal.supervision.models import ChecklistItem

        def clear(**_kwargs: object) -> None:
            lookups.clear()

        for model in (Tps, CandidatePair, Election, ChecklistItem):
            post_save.connect(clear, sender=model, dispatch_uid=f"supervision-lookups-save-{model.__name__}")
            post_delete.connect(clear, sender=model, dispatch_uid=f"supervision-lookups-delete-{model.__name__}")
