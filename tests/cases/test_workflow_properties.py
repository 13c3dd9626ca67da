"""Property: any sequence of attempted actions by any persona keeps the event log and the state consistent."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kawal.cases import services
from kawal.cases.models import Case
from kawal.cases.workflow import FINAL, Action, Kind, TransitionRefused, allowed_actions
from tests.cases.test_transition_service import PERSONA_NAMES
from tests.conftest import Personas

pytestmark = pytest.mark.django_db
ACTIONS = [a.value for a in Action]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from([Kind.REPORT, Kind.FINDING, Kind.INFORMATION]), data=st.data())
def test_the_log_explains_the_state_whatever_people_try(
    kind: str, data: st.DataObject, personas: Personas, make_case: Callable[..., Case]
) -> None:
    case = make_case(kind=kind)
    accepted = 0
    for _ in range(data.draw(st.integers(min_value=1, max_value=25), label="steps")):
        who = data.draw(st.sampled_from(PERSONA_NAMES), label="who")
        user = getattr(personas, who)
        roles = services.roles_on(user, case.region_code)
        offered = sorted(t.action.value for t in allowed_actions(state=case.state, kind=case.kind, roles=roles))
        pick_offered = offered and data.draw(st.booleans(), label="pick an offered action")
        action = data.draw(st.sampled_from(offered if pick_offered else ACTIONS), label="action")
        try:
            services.transition(case, action, by=user, reason="uji")
        except TransitionRefused:
            assert action not in offered or action == Action.EXTEND_HANDLING  # extension: only once
        else:
            assert action in offered
            accepted += 1
    case.refresh_from_db()
    moves = list(case.events.exclude(to_state="").order_by("at", "id"))
    assert len(moves) == accepted + 1  # plus "received"
    assert moves[-1].to_state == case.state
    for before, after in itertools.pairwise(moves):
        assert after.from_state == before.to_state
    assert (case.next_due_at is None) or case.state not in FINAL
