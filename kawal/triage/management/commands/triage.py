"""``manage.py triage --input IN.jsonl --output OUT.jsonl``: triage a batch of texts.

Each input line ``{"id": ..., "text": ...}`` gives one output line with the category,
subject, places, dates, amounts, duplicate group and explanation. Regions come from the
database (the home regency and its province); with an empty region table the regions
shipped with Kawal (``kawal/regions/data/wilayah.csv``) are used. A malformed line is reported on
stderr by its number and the other lines are processed. ``-`` means stdin/stdout.
"""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from contextlib import ExitStack
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connections
from django.utils.translation import gettext as _

from kawal.triage.engine import Triage, triage_jsonl
from kawal.triage.engine.parallel import default_jobs
from kawal.triage.runtime import csv_region_entries, get_triage, regency_code


def reason(error: str) -> str:
    """The engine's fixed English reason for a malformed line, in the active language."""
    if error.startswith("invalid JSON: "):
        return _("not valid JSON (%(detail)s)") % {"detail": error.removeprefix("invalid JSON: ")}
    return {"not a JSON object": _("not a JSON object"), "missing 'id'": _("the \"id\" field is missing")}.get(
        error, error
    )


class Command(BaseCommand):
    help = "Suggest category, reported party, places, dates, amounts and duplicate groups for a JSONL file."
    # The system checks import every URLconf and view (DRF, drf-spectacular ...), which
    # this offline batch command never uses: about half of its start-up time.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--input", required=True, help="JSONL file, one {\"id\", \"text\"} per line ('-': stdin)")
        parser.add_argument("--output", required=True, help="JSONL file to write ('-': stdout)")
        parser.add_argument("--jobs", type=int, default=default_jobs(),
                            help="processes for a large batch (default: the cores available, at most 4)")

    def _engine(self) -> Triage:
        try:
            engine = get_triage()
        except DatabaseError:
            engine = None  # no database yet (not migrated): the shipped regions still work
        if engine is not None and engine.places.by_code:
            return engine
        self.stderr.write(
            _("The region table is empty: using the region file shipped with Kawal.")
        )
        return Triage(csv_region_entries(), home_code=regency_code())

    def handle(self, *args: Any, **options: Any) -> None:
        engine = self._engine()
        connections.close_all()  # nothing below needs the database; forked workers must not share it
        with ExitStack() as stack:
            try:
                source: TextIO = (
                    sys.stdin if options["input"] == "-"
                    else stack.enter_context(open(options["input"], encoding="utf-8", errors="replace"))
                )
                sink: TextIO = (
                    sys.stdout if options["output"] == "-"
                    else stack.enter_context(open(options["output"], "w", encoding="utf-8"))
                )
            except OSError as exc:
                raise CommandError(_("Cannot open the file: %(error)s") % {"error": exc}) from exc
            written = errors = 0
            for record in triage_jsonl(source, engine, jobs=max(1, options["jobs"])):
                if "error" in record:
                    errors += 1
                    self.stderr.write(
                        _("line %(line)d: %(error)s") % {"line": record["line"], "error": reason(record["error"])}
                    )
                    continue
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
        summary = _("%(written)d line(s) triaged, %(errors)d malformed.")
        self.stderr.write(summary % {"written": written, "errors": errors})
