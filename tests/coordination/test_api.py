import datetime as dt

import pytest
from django.utils import timezone

from kawal.coordination.commitments import CommitmentData, add_commitment
from tests.conftest import KEBOMAS, Personas
from tests.coordination.conftest import MakeMeeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(personas: Personas, make_meeting: MakeMeeting, stakeholders: dict) -> None:
    regency = make_meeting(title="Rakor Kabupaten")
    kebomas = make_meeting(title="Rakor Kebomas", by=personas.panwascam_kebomas, region_code=KEBOMAS)
    past = timezone.localdate() - dt.timedelta(days=1)
    add_commitment(
        regency, CommitmentData(owner_id=stakeholders["polres"].pk, description="A", due_date=past), by=personas.staff
    )
    add_commitment(
        kebomas,
        CommitmentData(owner_id=stakeholders["polsek_kebomas"].pk, description="B", due_date=timezone.localdate()),
        by=personas.panwascam_kebomas,
    )


def test_meetings_are_scoped(client_for, personas: Personas, data: None) -> None:  # type: ignore[no-untyped-def]
    titles = [m["title"] for m in client_for(personas.staff).get("/api/v1/koordinasi/rapat/").json()["results"]]
    assert sorted(titles) == ["Rakor Kabupaten", "Rakor Kebomas"]
    titles = [
        m["title"] for m in client_for(personas.panwascam_dukun).get("/api/v1/koordinasi/rapat/").json()["results"]
    ]
    assert titles == []


def test_overdue_filter(client_for, personas: Personas, data: None) -> None:  # type: ignore[no-untyped-def]
    rows = client_for(personas.staff).get("/api/v1/koordinasi/komitmen/?overdue=1").json()["results"]
    assert [(r["description"], r["state"]) for r in rows] == [("A", "overdue")]


def test_non_staff_and_anonymous_are_refused(client_for, client, personas: Personas, data: None) -> None:  # type: ignore[no-untyped-def]
    assert client_for(personas.stakeholder).get("/api/v1/koordinasi/komitmen/").status_code == 403
    assert client.get("/api/v1/koordinasi/komitmen/").status_code in (401, 403)
