from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kawal.core.audit import verify_chain


class Command(BaseCommand):
    help = "Verify the audit log's hash chain and name the first broken row."

    def handle(self, *args: Any, **options: Any) -> None:
        checked, broken = verify_chain()
        if broken is not None:
            raise CommandError(
                f"Audit chain broken at event #{broken.event_id}: {broken.reason} "
                f"({checked} rows before it are intact)."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {checked} events verified."))
