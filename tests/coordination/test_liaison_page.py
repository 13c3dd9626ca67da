import datetime as dt

import pytest

from kawal.coordination.commitments import CommitmentData, add_commitment
from kawal.coordination.models import Stakeholder
from tests.conftest import Personas
from tests.coordination.conftest import MakeMeeting, at

pytestmark = pytest.mark.django_db


def test_liaison_sees_only_their_organisations_commitments(  # type: ignore[no-untyped-def]
    client_for, personas: Personas, make_meeting: MakeMeeting, stakeholders: dict
) -> None:
    Stakeholder.objects.filter(pk=stakeholders["polres"].pk).update(liaison=personas.stakeholder)
    meeting = make_meeting(starts_at=at(2024, 9, 25))
    for key, text in [("polres", "Patroli masa tenang"), ("satpol", "Tertibkan APK")]:
        add_commitment(
            meeting,
            CommitmentData(owner_id=stakeholders[key].pk, description=text, due_date=dt.date(2024, 11, 26)),
            by=personas.staff,
        )
    html = client_for(personas.stakeholder).get("/koordinasi/mitra/").content.decode()
    assert "Patroli masa tenang" in html and "Tertibkan APK" not in html
    assert "Budi Santoso" not in html  # contact details are not shown here


def test_unlinked_user_sees_nothing(client_for, personas: Personas, stakeholders: dict) -> None:  # type: ignore[no-untyped-def]
    html = client_for(personas.ptps).get("/koordinasi/mitra/").content.decode()
    assert "belum terhubung" in html
