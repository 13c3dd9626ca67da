from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kawal.regions.services import import_tps, read_csv


class Command(BaseCommand):
    help = "Import TPS from CSV: desa code, TPS number, DPT, address, lat, lon (header row optional)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("csv")
        parser.add_argument("--skip-invalid", action="store_true", help="import the valid rows even if some are not")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["csv"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        first = path.read_text(encoding="utf-8-sig").split("\n", 1)[0].lower()
        result = import_tps(read_csv(path, skip_header="desa" in first), skip_invalid=options["skip_invalid"])
        for error in result.errors:
            self.stderr.write(f"{path.name}: {error}")
        if result.errors and not options["skip_invalid"]:
            raise CommandError(
                f"{len(result.errors)} invalid row(s); nothing imported. Fix them or use --skip-invalid."
            )
        self.stdout.write(
            f"TPS: {result.created} created, {result.updated} updated, {result.unchanged} unchanged, "
            f"{len(result.errors)} skipped."
        )
