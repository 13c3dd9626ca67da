"""Running totals moved in bulk after intake: pending rows, corrections, chunks, the background job."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection, connections

from kawal.elections.models import Election
from kawal.regions.models import Tps
from kawal.supervision.intake import reporter_for
from kawal.supervision.models import AreaTotal, CurrentReport
from kawal.supervision.services import receive
from kawal.supervision.tabulation import area_total, direct_count
from kawal.supervision.tasks import apply_running_totals
from kawal.supervision.totals import apply_pending, pending_count
from tests.conftest import GRESIK, KEBOMAS, RANDUAGUNG, Personas
from tests.supervision.conftest import payload, tps


def _send(personas: Personas, data: dict[str, object]) -> None:
    receive([data], reporter=reporter_for(personas.admin), channel="api", audit_batch=False)


def _sums() -> tuple[int, int]:
    rows = AreaTotal.objects.filter(area_code=GRESIK, pair_number=0)
    return sum(r.reported for r in rows), sum(r.cast for r in rows)


@pytest.mark.django_db
def test_the_intake_leaves_totals_alone_and_the_pass_adds_the_report_at_every_level(
    personas: Personas, pilbup: Election
) -> None:
    _send(personas, payload(pilbup, tps(), votes={"1": 200, "2": 100}))
    assert not AreaTotal.objects.exists()
    assert pending_count() == 1
    assert apply_pending() == 1
    assert pending_count() == 0
    assert _sums() == (1, 310)
    for code in (f"{RANDUAGUNG}.001", RANDUAGUNG, KEBOMAS, GRESIK):
        assert area_total(pilbup, code).key() == direct_count(pilbup, code).key()
    assert apply_pending() == 0  # nothing counted twice


@pytest.mark.django_db
def test_two_versions_before_a_pass_count_once_with_the_newest_figures(personas: Personas, pilbup: Election) -> None:
    _send(personas, payload(pilbup, tps(), votes={"1": 200, "2": 100}))
    _send(personas, payload(pilbup, tps(), votes={"1": 150, "2": 150}, invalid=20))
    apply_pending()
    total = area_total(pilbup, GRESIK)
    assert (total.reported, total.flagged, total.votes) == (1, 1, {1: 150, 2: 150})  # tally_changed flags it


@pytest.mark.django_db
def test_a_correction_after_a_pass_moves_totals_by_the_difference(personas: Personas, pilbup: Election) -> None:
    _send(personas, payload(pilbup, tps(), votes={"1": 200, "2": 100}))
    apply_pending()
    _send(personas, payload(pilbup, tps(), votes={"1": 100, "2": 200}))
    assert CurrentReport.objects.get().pending
    apply_pending()
    total = area_total(pilbup, KEBOMAS)
    assert (total.reported, total.votes) == (1, {1: 100, 2: 200})
    assert total.key() == direct_count(pilbup, KEBOMAS).key()


@pytest.mark.django_db
def test_reading_a_total_applies_what_is_pending_first(personas: Personas, pilbup: Election) -> None:
    _send(personas, payload(pilbup, tps()))
    assert area_total(pilbup, GRESIK).reported == 1
    assert pending_count() == 0


@pytest.mark.django_db
def test_max_rows_bounds_one_call_and_the_rest_waits_for_the_next(personas: Personas, pilbup: Election) -> None:
    stations = list(Tps.objects.filter(desa__code__startswith=KEBOMAS + ".").order_by("id")[:5])
    for station in stations:
        _send(personas, payload(pilbup, station))
    assert apply_pending(max_rows=2) == 2
    assert pending_count() == 3
    assert apply_pending() == 3
    assert area_total(pilbup, GRESIK).key() == direct_count(pilbup, GRESIK).key()


@pytest.mark.django_db
def test_the_background_job_applies_pending_reports(personas: Personas, pilbup: Election) -> None:
    _send(personas, payload(pilbup, tps()))
    assert apply_running_totals.call_local(seconds=0) == 1
    assert _sums() == (1, 310)
    assert apply_running_totals.call_local(seconds=0) == 0


@pytest.mark.django_db(transaction=True)
def test_passes_racing_each_other_and_the_intake_still_count_every_report_once(
    personas: Personas, pilbup: Election
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    stations = list(Tps.objects.filter(desa__code__startswith=GRESIK + ".").order_by("id")[:12])
    reporter = reporter_for(personas.admin)
    errors: list[BaseException] = []
    stop = threading.Event()

    def intake() -> None:
        try:
            for round_ in range(3):  # first reports, then two corrections each
                for station in stations:
                    votes = {"1": 100 + round_ * 10, "2": 200 - round_ * 10}
                    receive([payload(pilbup, station, votes=votes)], reporter=reporter, channel="api",
                            audit_batch=False)  # fmt: skip
        except BaseException as error:
            errors.append(error)
        finally:
            stop.set()
            connections.close_all()

    def applier() -> None:
        try:
            while not stop.is_set():
                apply_pending(max_rows=3)
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=intake)] + [threading.Thread(target=applier) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    apply_pending()
    for code in (GRESIK, KEBOMAS):
        assert area_total(pilbup, code).key() == direct_count(pilbup, code).key()
    assert area_total(pilbup, GRESIK).reported == len(stations)


@pytest.mark.django_db
def test_a_read_adds_at_most_one_chunk_and_the_page_says_what_is_not_counted_yet(
    personas: Personas, pilbup: Election, client_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kawal.supervision import tabulation

    monkeypatch.setattr(tabulation, "READ_APPLY_LIMIT", 1)
    stations = list(Tps.objects.filter(desa__code__startswith=KEBOMAS + ".").order_by("id")[:3])
    for station in stations:
        _send(personas, payload(pilbup, station))
    html = client_for(personas.member).get(f"/pengawasan/cakupan/{pilbup.pk}/{GRESIK}/").content.decode()
    assert 'data-testid="not-counted">2 laporan' in html
    api = client_for(personas.member).get(f"/api/v1/pengawasan/total/{pilbup.pk}/{GRESIK}/").json()
    assert (api["reported"], api["not_counted"]) == (2, 1)
    apply_pending()
    html = client_for(personas.member).get(f"/pengawasan/cakupan/{pilbup.pk}/{GRESIK}/").content.decode()
    assert 'data-testid="not-counted"' not in html
