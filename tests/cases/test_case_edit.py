"""Handlers correct a case's event details: with a reason, on the timeline, within the statutory limits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from kawal.cases.editing import edit_case
from kawal.cases.models import Case
from kawal.cases.workflow import State, TransitionRefused
from kawal.core.models import AuditEvent
from kawal.regions.models import Region
from tests.conftest import DUKUN, SAWO, Personas

pytestmark = pytest.mark.django_db


def test_a_correction_is_saved_with_its_reason_on_the_timeline(make_case: Callable[..., Case],
                                                               personas: Personas) -> None:
    case = make_case()
    changed = edit_case(case, {"title": "Judul yang dibetulkan", "reported_position": "Camat (fiktif)"},
                        by=personas.member, reason="Salah ketik saat penerimaan")
    case.refresh_from_db()
    assert changed == ["title", "reported_position"] and case.title == "Judul yang dibetulkan"
    event = case.events.get(action="edited")
    assert event.reason == "Salah ketik saat penerimaan" and event.data == {"fields": changed}
    audit = AuditEvent.objects.get(action="cases.edited")
    assert audit.data == {"fields": changed}  # names only: the values may name people
    assert "Camat" not in str(audit.data) and "Budi" not in str(audit.data)


def test_nothing_changed_writes_nothing(make_case: Callable[..., Case], personas: Personas) -> None:
    case = make_case()
    assert edit_case(case, {"title": case.title}, by=personas.member, reason="") == []
    assert not case.events.filter(action="edited").exists()


def test_a_reason_is_required(make_case: Callable[..., Case], personas: Personas) -> None:
    case = make_case()
    with pytest.raises(TransitionRefused):
        edit_case(case, {"title": "Baru"}, by=personas.member, reason="  ")


def test_a_corrected_date_reruns_the_filing_check_before_registration(make_case: Callable[..., Case],
                                                                      personas: Personas) -> None:
    case = make_case()
    assert not case.filed_late
    long_ago = case.received_at.date() - dt.timedelta(days=30)
    edit_case(case, {"happened_on": long_ago, "known_on": long_ago}, by=personas.member, reason="Tanggal keliru")
    case.refresh_from_db()
    assert case.filed_late and case.formal_issues


@pytest.mark.parametrize("state", [State.REGISTERED, State.NOT_REGISTERED, State.ASSESSMENT])
def test_dates_are_fixed_after_the_formal_check(make_case: Callable[..., Case], personas: Personas,
                                                 state: str) -> None:
    case = make_case(state=state)
    with pytest.raises(TransitionRefused):
        edit_case(case, {"known_on": case.known_on - dt.timedelta(days=1)}, by=personas.member, reason="x")
    assert edit_case(case, {"place_detail": "Pasar desa"}, by=personas.member, reason="Tempat lebih tepat")


@pytest.mark.parametrize("state", [State.CLOSED, State.CONVERTED])
def test_a_closed_case_is_not_corrected(make_case: Callable[..., Case], personas: Personas, state: str) -> None:
    case = make_case(state=state)
    with pytest.raises(TransitionRefused):
        edit_case(case, {"title": "Baru"}, by=personas.member, reason="x")


def test_only_handlers_of_the_area_may_correct(make_case: Callable[..., Case], personas: Personas) -> None:
    case = make_case()  # in Kebomas
    for outsider in (personas.pkd, personas.panwascam_dukun, personas.stakeholder):
        with pytest.raises(TransitionRefused):
            edit_case(case, {"title": "Baru"}, by=outsider, reason="x")


def test_the_page_corrects_the_place_and_keeps_input_on_errors(make_case: Callable[..., Case], personas: Personas,
                                                             client_for: Any) -> None:
    case = make_case()
    client = client_for(personas.member)
    page = client.get(f"/kasus/{case.pk}/ubah/")
    assert page.status_code == 200 and "Alasan koreksi" in page.content.decode()
    # The date inputs (type="date") come filled in the only format browsers read there.
    assert f'value="{case.happened_on.isoformat()}"' in page.content.decode()
    form = {
        "title": case.title, "reported_name": case.reported_name, "reported_type": case.reported_type,
        "reported_position": case.reported_position, "region": SAWO, "tps_number": "", "place_detail": "Lapangan",
        "happened_on": case.happened_on.isoformat(), "known_on": case.known_on.isoformat(),
        "narrative": case.narrative, "witnesses": case.witnesses,
    }
    missing_reason = client.post(f"/kasus/{case.pk}/ubah/", form)
    assert missing_reason.status_code == 200 and 'value="Lapangan"' in missing_reason.content.decode()
    assert Case.objects.get(pk=case.pk).place_detail == "Balai desa"
    done = client.post(f"/kasus/{case.pk}/ubah/", {**form, "reason": "Lokasi sebenarnya di Sawo"}, follow=True)
    case.refresh_from_db()
    assert case.region == Region.objects.get(code=SAWO) and case.place_detail == "Lapangan"
    html = done.content.decode()
    assert "Rincian dikoreksi" in html and "Lokasi sebenarnya di Sawo" in html


def test_the_page_is_not_there_for_those_who_do_not_handle_the_case(make_case: Callable[..., Case],
                                                                   personas: Personas, client_for: Any) -> None:
    case = make_case(region=DUKUN)
    assert client_for(personas.panwascam_kebomas).get(f"/kasus/{case.pk}/ubah/").status_code == 404
    assert client_for(personas.pkd).get(f"/kasus/{case.pk}/ubah/").status_code == 404
    assert client_for(personas.panwascam_dukun).get(f"/kasus/{case.pk}/ubah/").status_code == 200


def test_a_decision_taken_meanwhile_is_not_overwritten(make_case: Callable[..., Case], personas: Personas) -> None:
    case = make_case(state=State.INITIAL_REVIEW)
    stale = Case.objects.get(pk=case.pk)  # what the handler's page was built from
    Case.objects.filter(pk=case.pk).update(state=State.REGISTERED)  # someone registers it meanwhile
    edit_case(stale, {"place_detail": "Pasar desa"}, by=personas.member, reason="Tempat lebih tepat")
    case.refresh_from_db()
    assert case.state == State.REGISTERED and case.place_detail == "Pasar desa"


def test_the_dates_rule_looks_at_the_stored_state(make_case: Callable[..., Case], personas: Personas) -> None:
    case = make_case(state=State.INITIAL_REVIEW)
    stale = Case.objects.get(pk=case.pk)
    Case.objects.filter(pk=case.pk).update(state=State.REGISTERED)
    with pytest.raises(TransitionRefused):
        edit_case(stale, {"known_on": stale.known_on - dt.timedelta(days=1)}, by=personas.member, reason="x")


def test_a_case_is_not_moved_out_of_the_handlers_area(make_case: Callable[..., Case], personas: Personas) -> None:
    case = make_case()  # Randuagung, Kebomas
    with pytest.raises(TransitionRefused):
        edit_case(case, {"region": Region.objects.get(code=SAWO)}, by=personas.panwascam_kebomas, reason="x")
    assert edit_case(case, {"region": Region.objects.get(code=SAWO)}, by=personas.member, reason="Lokasi benar")
