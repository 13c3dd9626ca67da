"""The transition table, exhaustively: every (state, kind, action, role) is allowed or refused."""

from __future__ import annotations

import itertools

import pytest

from kawal.accounts.models import Role
from kawal.cases.workflow import (
    BY_ACTION,
    TABLE,
    Action,
    Kind,
    State,
    TransitionRefused,
    allowed_actions,
    check,
)

M, SEC, PWC, PKD, PTPS, STK, ADM = (
    Role.BAWASLU_MEMBER, Role.SECRETARIAT, Role.PANWASCAM, Role.PKD, Role.PTPS, Role.STAKEHOLDER, Role.ADMIN,
)
DECIDE = {M, ADM}
HANDLE = {M, SEC, PWC, ADM}
OFFICE = {M, SEC, ADM}
SUPERVISE = {M, PWC, PKD, PTPS, ADM}
R, F, INFO = Kind.REPORT, Kind.FINDING, Kind.INFORMATION

# Written out by hand, independently of the table: action -> (from states, roles, kinds).
EXPECTED: dict[str, tuple[set[str], set[str], set[str]]] = {
    "start_review": ({"received"}, HANDLE, {R, F}),
    "request_completeness": ({"initial_review"}, HANDLE, {R}),
    "mark_completed": ({"completeness_requested"}, HANDLE, {R}),
    "mark_not_completed": ({"completeness_requested"}, HANDLE, {R}),
    "register": ({"initial_review"}, DECIDE, {R, F}),
    "not_register": ({"initial_review"}, DECIDE, {R, F}),
    "start_clarification": ({"registered"}, HANDLE, {R, F}),
    "start_assessment": ({"registered", "clarification"}, HANDLE, {R, F}),
    "extend_handling": ({"registered", "clarification", "assessment"}, DECIDE, {R, F}),
    "decide_administrative": ({"assessment"}, DECIDE, {R, F}),
    "decide_crime": ({"assessment"}, DECIDE, {R, F}),
    "decide_ethics": ({"assessment"}, DECIDE, {R, F}),
    "decide_other_law": ({"assessment"}, DECIDE, {R, F}),
    "decide_tsm": ({"assessment"}, DECIDE, {R, F}),
    "decide_not_violation": ({"assessment"}, DECIDE, {R, F}),
    "refer_kpu": ({"administrative", "ethics"}, DECIDE, {R, F}),
    "refer_dkpp": ({"ethics"}, DECIDE, {R, F}),
    "refer_bkn": ({"other_law"}, DECIDE, {R, F}),
    "refer_bupati": ({"other_law"}, DECIDE, {R, F}),
    "refer_institution": ({"other_law"}, DECIDE, {R, F}),
    "refer_province": ({"tsm"}, DECIDE, {R, F}),
    "refer_gakkumdu": ({"crime"}, DECIDE, {R, F}),
    "gakkumdu_second": ({"gakkumdu_1"}, OFFICE, {R, F}),
    "start_investigation": ({"gakkumdu_2"}, OFFICE, {R, F}),
    "gakkumdu_third": ({"investigation"}, OFFICE, {R, F}),
    "file_to_prosecutor": ({"gakkumdu_3"}, OFFICE, {R, F}),
    "return_file": ({"prosecution"}, OFFICE, {R, F}),
    "resubmit_file": ({"file_returned"}, OFFICE, {R, F}),
    "file_to_court": ({"prosecution"}, OFFICE, {R, F}),
    "record_court_decision": ({"trial"}, OFFICE, {R, F}),
    "file_appeal": ({"court_decided"}, OFFICE, {R, F}),
    "record_appeal_decision": ({"appeal"}, OFFICE, {R, F}),
    "stop_gakkumdu": ({"gakkumdu_1", "gakkumdu_2", "investigation", "gakkumdu_3"}, DECIDE, {R, F}),
    "record_follow_up": ({"referred"}, OFFICE, {R, F}),
    "close": ({"follow_up_received", "not_registered", "not_violation", "stopped", "court_decided"}, DECIDE, {R, F}),
    "convert_to_finding": ({"received"}, SUPERVISE, {INFO}),
    "dismiss": ({"received"}, SUPERVISE, {INFO}),
}
ROLES = [M, SEC, PWC, PKD, PTPS, STK, ADM]


def test_the_expectation_covers_every_action_of_the_table() -> None:
    assert set(EXPECTED) == {a.value for a in Action} == set(BY_ACTION)


@pytest.mark.parametrize("action", [a.value for a in Action])
def test_every_state_kind_and_role_is_allowed_or_refused_as_expected(action: str) -> None:
    sources, roles, kinds = EXPECTED[action]
    for state, kind, role in itertools.product(State.values, Kind.values, ROLES):
        expected = state in sources and kind in kinds and role in roles
        try:
            check(action, state=state, kind=kind, roles={role})
        except TransitionRefused as refused:
            assert not expected, f"{action} refused for {role} on {kind} in {state}: {refused}"
            assert str(refused.message)
        else:
            assert expected, f"{action} wrongly allowed for {role} on {kind} in {state}"


def test_stakeholders_and_strangers_can_do_nothing() -> None:
    for state, kind in itertools.product(State.values, Kind.values):
        assert allowed_actions(state=state, kind=kind, roles={STK}) == []
        assert allowed_actions(state=state, kind=kind, roles=set()) == []


def test_final_states_offer_nothing() -> None:
    for kind in Kind.values:
        for state in (State.CLOSED, State.CONVERTED):
            assert allowed_actions(state=state, kind=kind, roles=set(ROLES)) == []


def test_every_non_final_state_has_a_way_forward() -> None:
    reachable_targets = {t.target for t in TABLE if t.target}
    for state in State.values:
        if state in (State.CLOSED, State.CONVERTED):
            continue
        assert any(state in t.sources for t in TABLE), f"{state} is a dead end"
        if state != State.RECEIVED:
            assert state in reachable_targets, f"{state} can never be reached"


def test_unknown_action_is_refused_in_plain_words() -> None:
    with pytest.raises(TransitionRefused, match=r"Unknown|Tindakan"):
        check("delete_everything", state=State.RECEIVED, kind=R, roles={ADM})


def test_refusal_names_the_action_and_the_state() -> None:
    with pytest.raises(TransitionRefused) as refused:
        check(Action.REGISTER, state=State.RECEIVED, kind=R, roles={M})
    assert "Register" in str(refused.value) or "Registrasi" in str(refused.value)
