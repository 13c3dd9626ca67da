"""Report versions are chained into the audit log by seals; a changed version is detected."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from kawal.core.audit import verify_chain
from kawal.core.models import AuditEvent
from kawal.elections.models import Election
from kawal.supervision.intake import reporter_for
from kawal.supervision.models import TpsReport
from kawal.supervision.services import receive, seal_intake, verify_seals
from kawal.supervision.tasks import seal_received_reports
from tests.conftest import RANDUAGUNG, Personas
from tests.supervision.conftest import payload, tps

pytestmark = pytest.mark.django_db


def test_a_seal_covers_every_new_version_once_and_detects_a_later_change(personas: Personas, pilbup: Election) -> None:
    reporter = reporter_for(personas.admin)
    receive([payload(pilbup, tps(RANDUAGUNG, n)) for n in (1, 2)], reporter=reporter, channel="api", audit_batch=False)
    seal = seal_intake()
    assert seal is not None and seal.count == 2
    assert seal_intake() is None  # nothing new
    receive([payload(pilbup, tps(RANDUAGUNG, 3))], reporter=reporter, channel="api", audit_batch=False)
    assert seal_received_reports.call_local() == 1
    assert AuditEvent.objects.filter(action="supervision.intake_sealed").count() == 2
    assert verify_chain()[1] is None and verify_seals() == []
    TpsReport.objects.filter(tps=tps(RANDUAGUNG, 1)).update(invalid=0)  # tampering in the database
    assert [s.pk for s in verify_seals()] == [seal.pk]


def test_the_command_seals_and_verifies(
    personas: Personas, pilbup: Election, capsys: pytest.CaptureFixture[str]
) -> None:
    receive([payload(pilbup, tps())], reporter=reporter_for(personas.admin), channel="api")
    call_command("seal_intake")
    call_command("seal_intake", "--verify")
    out = capsys.readouterr().out
    assert "sealed 1 report version" in out and "all seals match" in out


def test_verify_names_reports_whose_tps_was_removed_behind_djangos_back(
    personas: Personas, pilbup: Election, capsys: pytest.CaptureFixture[str]
) -> None:
    from django.db import connection

    from kawal.supervision.services import orphan_reports

    station = tps(RANDUAGUNG, 2)
    receive([payload(pilbup, station)], reporter=reporter_for(personas.admin), channel="api")
    assert orphan_reports() == []
    with connection.cursor() as cursor:  # the report tables have no database-level foreign keys
        cursor.execute("DELETE FROM regions_tps WHERE id = %s", [station.pk])
    report = TpsReport.objects.get()
    assert f"TPS report {report.pk}" in orphan_reports()
    call_command("seal_intake", "--verify")
    captured = capsys.readouterr()
    assert "orphaned report" in captured.out and f"TPS report {report.pk}" in captured.err
