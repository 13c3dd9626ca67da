"""Concurrent reports for one TPS (PostgreSQL): every one is stored once, as its own version."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from kawal.elections.models import Election
from kawal.supervision.intake import reporter_for
from kawal.supervision.models import CurrentReport, TpsReport
from kawal.supervision.services import receive
from kawal.supervision.tabulation import area_total, direct_count
from tests.conftest import GRESIK, Personas
from tests.supervision.conftest import payload, tps

pytestmark = pytest.mark.django_db(transaction=True)


def test_racing_submissions_for_one_tps_become_distinct_versions_and_totals_follow(
    personas: Personas, pilbup: Election
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    reporter = reporter_for(personas.admin)
    station = tps()
    payloads = [payload(pilbup, station, votes={"1": 100 + i, "2": 100}) for i in range(6)]
    errors: list[BaseException] = []

    def send(data: dict[str, object]) -> None:
        try:
            receive([data], reporter=reporter, channel="api", audit_batch=False)
            receive([data], reporter=reporter, channel="api", audit_batch=False)  # and its retry
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(data,)) for data in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    versions = sorted(TpsReport.objects.filter(tps=station).values_list("version", flat=True))
    assert versions == [1, 2, 3, 4, 5, 6]
    assert CurrentReport.objects.get(tps=station).version == 6
    assert area_total(pilbup, GRESIK).key() == direct_count(pilbup, GRESIK).key()
    assert area_total(pilbup, GRESIK).reported == 1
