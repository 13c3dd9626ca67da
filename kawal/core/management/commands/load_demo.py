"""Load the Gresik demo: every app that has a ``demo`` module contributes, in order.

Each app's ``demo.load(ctx)`` must be idempotent: running this twice adds nothing.
"""

from importlib import import_module
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kawal.core.demo import DemoContext

# Foundations first; domain apps after, each using what came before.
ORDER = ["regions", "elections", "accounts", "coordination", "cases", "supervision", "risk", "triage", "portal"]


class Command(BaseCommand):
    help = "Load the Gresik demo data (idempotent). Refuses to run in production unless --force."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="allow in KAWAL_ENV=production")
        parser.add_argument("--quiet-logins", action="store_true", help="do not print the demo logins")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION and not options["force"]:
            raise CommandError("Refusing to load demo data in production (use --force if you really mean it).")
        ctx = DemoContext(out=self.stdout)
        for app in ORDER:
            if f"kawal.{app}" not in settings.INSTALLED_APPS:
                continue
            try:
                module = import_module(f"kawal.{app}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"kawal.{app}.demo":
                    raise
                continue
            module.load(ctx)
        if not options["quiet_logins"]:
            self.stdout.write(ctx.logins_table())
