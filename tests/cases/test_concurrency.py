"""Two people acting on the same case at the same moment: exactly one wins."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection

from kawal.cases import services
from kawal.cases.models import Case, CaseEvent
from kawal.cases.workflow import Action, State, TransitionRefused
from tests.conftest import Personas

pytestmark = pytest.mark.django_db(transaction=True)


def test_register_and_not_register_at_once_leave_one_decision(
    personas: Personas, make_case: Callable[..., Case]
) -> None:
    if connection.vendor == "sqlite":
        pytest.skip("the in-memory SQLite test database locks tables instead of waiting; run on PostgreSQL")
    case = make_case(state=State.INITIAL_REVIEW)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def act(action: str, user: object) -> None:
        stale = Case.objects.get(pk=case.pk)
        barrier.wait()
        try:
            services.transition(stale, action, by=user, reason="keputusan")
            outcomes.append("ok")
        except TransitionRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=act, args=(Action.REGISTER, personas.member)),
        threading.Thread(target=act, args=(Action.NOT_REGISTER, personas.admin)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "refused"]
    assert CaseEvent.objects.filter(case=case, action__in=["register", "not_register"]).count() == 1
    case.refresh_from_db()
    assert case.state in (State.REGISTERED, State.NOT_REGISTERED)
