from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kawal.supervision.services import seal_intake, verify_seals


class Command(BaseCommand):
    help = "Chain the TPS report versions received since the last seal into the audit log; --verify checks old seals."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--verify", action="store_true", help="check every seal against its report versions")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verify"]:
            broken = verify_seals()
            for bad in broken:
                self.stderr.write(f"seal {bad.pk} (reports {bad.first_report_id}-{bad.last_report_id}) does not match")
            self.stdout.write("all seals match" if not broken else f"{len(broken)} seal(s) broken")
            return
        seal = seal_intake(by="seal_intake")
        self.stdout.write(f"sealed {seal.count} report version(s)" if seal else "nothing new to seal")
