"""``manage.py train_triage_model``: retrain the triage word model from the labelled sets.

Run it after a change to the labelled sets, the lexicon, the slang list or the stemmer
(the model's features are the engine's stems); ``--check`` only says whether the committed
model is the one the current sets and rules give. Needs scikit-learn (``.[dev]``).
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kawal.triage.engine import Triage
from kawal.triage.training import differs_from_committed, train, write


class Command(BaseCommand):
    help = "Retrain the triage word model (kawal/triage/data/wordmodel.json) from the labelled sets."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--check", action="store_true", help="compare with the committed model, write nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            import sklearn  # noqa: F401
        except ImportError as exc:
            raise CommandError(_("scikit-learn is needed to train: install the development dependencies")) from exc
        triage = Triage(word_model=False)
        model = train(triage)
        if options["check"]:
            problem = differs_from_committed(model)
            if problem:
                raise CommandError(
                    _("The committed word model is not what the labelled sets give: %(detail)s") % {"detail": problem}
                )
            self.stdout.write(_("The committed word model matches the labelled sets."))
            return
        path = write(model)
        self.stdout.write(_("Word model written to %(path)s") % {"path": path})
