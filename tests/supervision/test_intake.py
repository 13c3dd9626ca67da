"""Storing TPS reports: versions, idempotent retries, scope, and the running totals."""

from __future__ import annotations

import random
import uuid

import pytest

from kawal.elections.models import Election
from kawal.regions.models import Tps
from kawal.supervision.intake import reporter_for
from kawal.supervision.models import CurrentReport, TpsReport
from kawal.supervision.services import receive
from kawal.supervision.tabulation import area_total, direct_count
from tests.conftest import DUKUN, GRESIK, KEBOMAS, RANDUAGUNG, SAWO, Personas
from tests.supervision.conftest import payload, tps

pytestmark = pytest.mark.django_db


def test_a_consistent_report_is_stored_as_version_one_and_counted_at_every_level(
    personas: Personas, pilbup: Election
) -> None:
    data = payload(pilbup, tps(), votes={"1": 200, "2": 100})
    result = receive([data], reporter=reporter_for(personas.ptps), channel="api")
    [outcome] = result.as_list()
    assert outcome["status"] == "created" and outcome["version"] == 1 and outcome["flags"] == []
    for code in (f"{RANDUAGUNG}.001", RANDUAGUNG, KEBOMAS, GRESIK):
        total = area_total(pilbup, code)
        assert (total.reported, total.valid, total.invalid, total.cast) == (1, 300, 10, 310)
        assert total.votes == {1: 200, 2: 100}
    assert area_total(pilbup, "35").reported == 0  # above the election's region: not kept


def test_the_same_submission_sent_again_is_a_duplicate_and_changes_nothing(
    personas: Personas, pilbup: Election
) -> None:
    data = payload(pilbup, tps())
    reporter = reporter_for(personas.ptps)
    receive([data], reporter=reporter, channel="api")
    again = receive([data, data], reporter=reporter, channel="offline").as_list()
    assert [item["status"] for item in again] == ["duplicate", "duplicate"]
    assert again[0]["version"] == 1
    assert TpsReport.objects.count() == 1
    assert area_total(pilbup, GRESIK).reported == 1
    assert area_total(pilbup, GRESIK).cast == 310


def test_a_correction_is_a_new_version_the_history_is_kept_and_totals_follow_the_newest(
    personas: Personas, pilbup: Election
) -> None:
    reporter = reporter_for(personas.ptps)
    receive([payload(pilbup, tps(), votes={"1": 200, "2": 100})], reporter=reporter, channel="api")
    [second] = receive([payload(pilbup, tps(), votes={"1": 180, "2": 120})], reporter=reporter, channel="api").as_list()
    assert second["version"] == 2
    assert "tally_changed" in second["flags"]
    assert list(TpsReport.objects.order_by("version").values_list("version", flat=True)) == [1, 2]
    assert CurrentReport.objects.get().version == 2
    total = area_total(pilbup, KEBOMAS)
    assert total.votes == {1: 180, 2: 120}
    assert (total.reported, total.flagged) == (1, 1)


def test_a_ptps_cannot_report_for_a_tps_outside_their_desa(personas: Personas, pilbup: Election) -> None:
    [item] = receive([payload(pilbup, tps(SAWO, 1))], reporter=reporter_for(personas.ptps), channel="api").as_list()
    assert item["status"] == "not_found"
    assert not TpsReport.objects.exists()


def test_a_stakeholder_cannot_report_at_all(personas: Personas, pilbup: Election) -> None:
    [item] = receive([payload(pilbup, tps())], reporter=reporter_for(personas.stakeholder), channel="api").as_list()
    assert item["status"] == "not_found"


def test_a_bad_item_in_a_batch_is_named_and_the_good_ones_are_kept(personas: Personas, pilbup: Election) -> None:
    good = payload(pilbup, tps(RANDUAGUNG, 2))
    bad = payload(pilbup, tps(RANDUAGUNG, 3), dpt="banyak", votes={"1": 5, "7": 3})
    result = receive([bad, good], reporter=reporter_for(personas.pkd), channel="api").as_list()
    assert result[0]["status"] == "invalid"
    assert set(result[0]["errors"]) == {"dpt", "votes.2", "votes.7"}  # 2 missing, 7 unknown
    assert result[1]["status"] == "created"
    assert TpsReport.objects.count() == 1


def test_checklist_answers_are_checked_against_the_elections_checklist(personas: Personas, pilbup: Election) -> None:
    data = payload(pilbup, tps(), checklist={"opened_at": "7 pagi", "unknown_question": True})
    [item] = receive([data], reporter=reporter_for(personas.ptps), channel="api").as_list()
    assert item["status"] == "invalid"
    assert set(item["errors"]) == {"checklist.opened_at", "checklist.unknown_question"}


def test_running_totals_agree_with_a_direct_count_after_many_reports_and_corrections(
    personas: Personas, pilbup: Election, pilgub: Election
) -> None:
    rng = random.Random(5)
    reporter = reporter_for(personas.admin)
    stations = list(Tps.objects.all())
    for _round in range(3):
        batch = []
        for station in stations:
            for election in (pilbup, pilgub):
                if rng.random() < 0.6:
                    numbers = [str(p.number) for p in election.pairs.all()]
                    votes = {n: rng.randint(0, 150) for n in numbers}
                    batch.append(payload(election, station, votes=votes, invalid=rng.randint(0, 20)))
        receive(batch, reporter=reporter, channel="api")
    for election, codes in ((pilbup, [GRESIK, KEBOMAS, DUKUN, RANDUAGUNG, SAWO]), (pilgub, ["35", GRESIK, KEBOMAS])):
        for code in codes:
            assert area_total(election, code).key() == direct_count(election, code).key(), code


def test_a_malformed_submission_id_is_refused(personas: Personas, pilbup: Election) -> None:
    data = payload(pilbup, tps(), submission_id="abc")
    [item] = receive([data], reporter=reporter_for(personas.ptps), channel="api").as_list()
    assert item["errors"]["submission_id"]
    assert uuid.UUID(payload(pilbup, tps())["submission_id"])
