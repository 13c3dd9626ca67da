"""services.transition: the table enforced on real cases, with scope, audit and the event log."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kawal.cases import services
from kawal.cases.models import Case, CaseEvent
from kawal.cases.workflow import TABLE, Action, Kind, State, Transition, TransitionRefused
from kawal.core.models import AuditEvent
from tests.conftest import Personas

PERSONA_NAMES = ["member", "staff", "panwascam_kebomas", "panwascam_dukun", "pkd", "ptps", "stakeholder", "admin"]
ROLE_OF = {
    "member": "bawaslu_member", "staff": "secretariat", "panwascam_kebomas": "panwascam",
    "panwascam_dukun": "panwascam", "pkd": "pkd", "ptps": "ptps", "stakeholder": "stakeholder", "admin": "admin",
}


@pytest.mark.parametrize("step", TABLE, ids=lambda t: t.action.value)
@pytest.mark.parametrize("who", PERSONA_NAMES)
def test_each_transition_succeeds_exactly_for_roles_the_table_names_in_scope(
    step: Transition, who: str, personas: Personas, make_case: Callable[..., Case]
) -> None:
    kind = sorted(step.kinds)[0]
    source = sorted(step.sources)[0]
    case = make_case(kind=kind, state=source)  # in Randuagung, Kebomas
    user = getattr(personas, who)
    in_scope = who != "panwascam_dukun"
    expected = in_scope and ROLE_OF[who] in step.roles
    events_before = CaseEvent.objects.filter(case=case).count()
    try:
        services.transition(case, step.action, by=user, reason="alasan uji")
    except TransitionRefused:
        assert not expected
        case.refresh_from_db()
        assert case.state == source
        assert CaseEvent.objects.filter(case=case).count() == events_before
    else:
        assert expected, f"{who} should not be able to {step.action}"
        case.refresh_from_db()
        assert case.state == (step.target or source)
        event = CaseEvent.objects.filter(case=case, action=step.action).get()
        assert (event.action, event.from_state, event.actor) == (step.action, source, user)


def test_wrong_state_is_refused_and_nothing_changes(personas: Personas, make_case: Callable[..., Case]) -> None:
    case = make_case()
    with pytest.raises(TransitionRefused):
        services.transition(case, Action.REGISTER, by=personas.member)
    case.refresh_from_db()
    assert case.state == State.RECEIVED


def test_reason_is_required_where_the_table_says_so(personas: Personas, make_case: Callable[..., Case]) -> None:
    case = make_case(state=State.INITIAL_REVIEW)
    with pytest.raises(TransitionRefused):
        services.transition(case, Action.NOT_REGISTER, by=personas.member, reason="  ")
    services.transition(case, Action.NOT_REGISTER, by=personas.member, reason="Bukan kewenangan Bawaslu")
    assert case.state == State.NOT_REGISTERED


def test_a_stale_second_actor_is_refused(personas: Personas, make_case: Callable[..., Case]) -> None:
    case = make_case(state=State.INITIAL_REVIEW)
    stale = Case.objects.get(pk=case.pk)
    services.transition(case, Action.REGISTER, by=personas.member)
    with pytest.raises(TransitionRefused):
        services.transition(stale, Action.NOT_REGISTER, by=personas.admin, reason="terlambat")
    assert CaseEvent.objects.filter(case=case, action__in=["register", "not_register"]).count() == 1


def test_registration_gives_a_bawaslu_style_number_and_is_audited(
    personas: Personas, make_case: Callable[..., Case]
) -> None:
    case = make_case(state=State.INITIAL_REVIEW)
    services.transition(case, Action.REGISTER, by=personas.member)
    case.refresh_from_db()
    assert case.registration_number.startswith(f"{case.pk:03d}/Reg/LP/PW/Kab/35.25/")
    audit = AuditEvent.objects.filter(action="cases.register").get()
    assert audit.target_id == str(case.pk) and audit.region_code == case.region_id


def test_referral_records_where_it_went(personas: Personas, make_case: Callable[..., Case]) -> None:
    case = make_case(state=State.OTHER_LAW)
    services.transition(case, Action.REFER_BKN, by=personas.member)
    case.refresh_from_db()
    assert (case.state, case.referred_to) == (State.REFERRED, "BKN")


def test_handling_can_be_extended_only_once(personas: Personas, make_case: Callable[..., Case]) -> None:
    case = make_case(state=State.ASSESSMENT)
    services.transition(case, Action.EXTEND_HANDLING, by=personas.member, reason="perlu keterangan tambahan")
    with pytest.raises(TransitionRefused):
        services.transition(case, Action.EXTEND_HANDLING, by=personas.member, reason="lagi")


def test_information_converts_into_a_linked_finding(personas: Personas, make_case: Callable[..., Case]) -> None:
    info = make_case(kind=Kind.INFORMATION)
    services.transition(info, Action.CONVERT_TO_FINDING, by=personas.pkd)
    finding = Case.objects.get(source=info)
    assert info.state == State.CONVERTED
    assert (finding.kind, finding.state, finding.region_id, finding.created_by) == (
        Kind.FINDING, State.RECEIVED, info.region_id, personas.pkd,
    )


def test_full_path_to_bkn_and_closing(personas: Personas, make_case: Callable[..., Case]) -> None:
    case = make_case()
    for action in ["start_review", "register", "start_clarification", "start_assessment", "decide_other_law",
                   "refer_bkn", "record_follow_up", "close"]:
        services.transition(case, action, by=personas.member, reason="uji")
    assert case.state == State.CLOSED
    assert case.next_due_at is None
    states = list(case.events.exclude(to_state="").values_list("to_state", flat=True))
    assert states[-3:] == ["referred", "follow_up_received", "closed"]


def test_an_action_is_not_applied_to_a_state_the_user_did_not_see(
    personas: Personas, make_case: Callable[..., Case]
) -> None:
    case = make_case(state=State.REGISTERED)
    services.transition(case, Action.START_CLARIFICATION, by=personas.staff)
    # Someone who still saw "registered" chose "start assessment" (valid from clarification too).
    with pytest.raises(TransitionRefused):
        services.transition(case, Action.START_ASSESSMENT, by=personas.member, seen_state=State.REGISTERED)
    case.refresh_from_db()
    assert case.state == State.CLARIFICATION


def test_the_case_page_sends_the_state_it_showed(
    personas: Personas, client_for: Any, make_case: Callable[..., Case]
) -> None:
    case = make_case(state=State.REGISTERED)
    services.transition(case, Action.START_CLARIFICATION, by=personas.staff)
    response = client_for(personas.member).post(
        f"/kasus/{case.pk}/aksi/", {"action": "start_assessment", "state": "registered"}, follow=True
    )
    assert "baru saja diubah orang lain" in response.content.decode()
    case.refresh_from_db()
    assert case.state == State.CLARIFICATION
