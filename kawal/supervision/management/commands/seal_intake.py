from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kawal.supervision.services import orphan_reports, seal_intake, verify_seals


class Command(BaseCommand):
    help = (
        "Chain the TPS report versions received since the last seal into the audit log; "
        "--verify checks old seals and looks for reports whose election, TPS, desa or author is gone."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--verify", action="store_true", help="check every seal against its report versions")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verify"]:
            broken = verify_seals()
            for bad in broken:
                self.stderr.write(f"seal {bad.pk} (reports {bad.first_report_id}-{bad.last_report_id}) does not match")
            self.stdout.write("all seals match" if not broken else f"{len(broken)} seal(s) broken")
            orphans = orphan_reports()
            for orphan in orphans:
                self.stderr.write(f"{orphan}: its election, TPS, desa or author no longer exists")
            self.stdout.write("no orphaned reports" if not orphans else f"{len(orphans)} orphaned report row(s)")
            return
        seal = seal_intake(by="seal_intake")
        self.stdout.write(f"sealed {seal.count} report version(s)" if seal else "nothing new to seal")
