from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from kawal.regions.services import default_region_file, import_regions, read_csv


class Command(BaseCommand):
    help = "Import the Kemendagri region file (code,name rows). Re-running updates in place."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("csv", nargs="?", help="region CSV (default: kawal/regions/data/wilayah.csv)")
        parser.add_argument("--prefix", default="", help="only this subtree, e.g. 35 for Jawa Timur")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["csv"]) if options["csv"] else default_region_file()
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        with tqdm(desc="regions", unit=" rows", disable=options["no_progress"], file=self.stderr) as bar:
            result = import_regions(read_csv(path), prefix=options["prefix"], progress=bar.update)
        for error in result.errors:
            self.stderr.write(f"{path.name}: {error}")
        self.stdout.write(
            f"Regions: {result.created} created, {result.updated} updated, {result.unchanged} unchanged, "
            f"{len(result.errors)} rejected."
        )
