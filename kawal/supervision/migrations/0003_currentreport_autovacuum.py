"""Vacuum and analyse the current-report table early (PostgreSQL).

Every report marks its row pending and every totals pass marks it applied again, so on
voting day the table and its partial index of pending rows churn far faster than the
default thresholds (20 % of the table) assume: dead index entries and stale statistics
would slow every look for pending rows.
"""

from django.db import migrations

SETTINGS = (
    "autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000, "
    "autovacuum_analyze_scale_factor = 0.01, autovacuum_analyze_threshold = 1000"
)


def tune(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE supervision_currentreport SET ({SETTINGS})")


def untune(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE supervision_currentreport RESET (autovacuum_vacuum_scale_factor, "
            "autovacuum_vacuum_threshold, autovacuum_analyze_scale_factor, autovacuum_analyze_threshold)"
        )


class Migration(migrations.Migration):
    dependencies = [("supervision", "0002_deferred_totals")]

    operations = [migrations.RunPython(tune, untune)]
