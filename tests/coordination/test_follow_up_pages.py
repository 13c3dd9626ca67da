"""Scenario 2: a commitment past its due date is overdue on the stakeholder's page and in the
follow-up list; marking it done with evidence moves it to done on time or late."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kawal.coordination.commitments import CommitmentData, add_commitment
from kawal.coordination.models import Commitment, CommitmentStatus
from tests.conftest import KEBOMAS, Personas
from tests.coordination.conftest import MakeMeeting
from tests.coordination.test_commitment_services import PNG

pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue(personas: Personas, make_meeting: MakeMeeting, stakeholders: dict) -> Commitment:
    meeting = make_meeting(starts_at=timezone.now() - dt.timedelta(days=20))
    data = CommitmentData(
        owner_id=stakeholders["satpol"].pk,
        description="Menertibkan APK di tempat terlarang",
        due_date=timezone.localdate() - dt.timedelta(days=3),
    )
    return add_commitment(meeting, data, by=personas.staff)


def test_overdue_commitment_shows_on_the_stakeholder_page(client_for, personas: Personas, overdue: Commitment) -> None:  # type: ignore[no-untyped-def]
    response = client_for(personas.staff).get(f"/koordinasi/stakeholder/{overdue.owner_id}/")
    html = response.content.decode()
    assert 'data-state="overdue"' in html and "Lewat tenggat" in html
    assert response.context["record"].overdue == 1


def test_overdue_commitment_leads_the_follow_up_list(client_for, personas: Personas, overdue: Commitment) -> None:  # type: ignore[no-untyped-def]
    response = client_for(personas.staff).get("/koordinasi/tindak-lanjut/")
    groups = response.context["groups"]
    assert groups[0]["owner"] == overdue.owner and groups[0]["overdue"] == 1
    assert response.context["n_overdue"] == 1
    assert "Menertibkan APK" in response.content.decode()


def test_marking_done_today_with_a_photo_is_done_late(client_for, personas: Personas, overdue: Commitment) -> None:  # type: ignore[no-untyped-def]
    client = client_for(personas.staff)
    photo = SimpleUploadedFile("penertiban.png", PNG, content_type="image/png")
    response = client.post(f"/koordinasi/komitmen/{overdue.pk}/", {"note": "23 APK diturunkan", "attachments": [photo]})
    assert response.status_code == 302
    overdue.refresh_from_db()
    assert overdue.status == CommitmentStatus.DONE and overdue.follow_up_state() == "done_late"
    assert overdue.evidence_links.count() == 1
    assert 'data-state="done_late"' in client.get(f"/koordinasi/stakeholder/{overdue.owner_id}/").content.decode()
    assert client.get("/koordinasi/tindak-lanjut/").context["groups"] == []


def test_marking_done_on_the_due_date_is_done_on_time(client_for, personas: Personas, overdue: Commitment) -> None:  # type: ignore[no-untyped-def]
    response = client_for(personas.staff).post(
        f"/koordinasi/komitmen/{overdue.pk}/", {"note": "Surat perintah penertiban", "completed_on": overdue.due_date}
    )
    assert response.status_code == 302
    overdue.refresh_from_db()
    assert overdue.follow_up_state() == "done_on_time"


def test_evidence_download_is_audited_and_scoped(client_for, personas: Personas, overdue: Commitment) -> None:  # type: ignore[no-untyped-def]
    client = client_for(personas.staff)
    client.post(
        f"/koordinasi/komitmen/{overdue.pk}/",
        {"note": "", "attachments": [SimpleUploadedFile("foto.png", PNG, content_type="image/png")]},
    )
    link = overdue.evidence_links.get()
    url = f"/koordinasi/komitmen/{overdue.pk}/bukti/{link.pk}/"
    assert b"".join(client.get(url).streaming_content) == PNG  # type: ignore[attr-defined]
    assert client_for(personas.panwascam_dukun).get(url).status_code == 404


def test_done_without_evidence_is_refused_in_indonesian(client_for, personas: Personas, overdue: Commitment) -> None:  # type: ignore[no-untyped-def]
    response = client_for(personas.staff).post(f"/koordinasi/komitmen/{overdue.pk}/", {"note": ""})
    assert response.status_code == 400
    assert "Uraikan atau lampirkan bukti" in response.content.decode()
    overdue.refresh_from_db()
    assert overdue.status == CommitmentStatus.OPEN


def test_a_disguised_program_is_refused_with_a_message(client_for, personas: Personas, overdue: Commitment) -> None:  # type: ignore[no-untyped-def]
    program = SimpleUploadedFile("foto.jpg", b"MZ\x90\x00" + b"\x00" * 300, content_type="image/jpeg")
    response = client_for(personas.staff).post(
        f"/koordinasi/komitmen/{overdue.pk}/", {"note": "bukti", "attachments": [program]}
    )
    assert response.status_code == 400
    assert "program" in response.content.decode()
    overdue.refresh_from_db()
    assert overdue.status == CommitmentStatus.OPEN


def test_mark_missed_from_the_page(client_for, personas: Personas, overdue: Commitment) -> None:  # type: ignore[no-untyped-def]
    client_for(personas.staff).post(f"/koordinasi/komitmen/{overdue.pk}/tidak-terpenuhi/")
    overdue.refresh_from_db()
    assert overdue.status == CommitmentStatus.MISSED


def test_follow_up_list_query_count_does_not_grow(  # type: ignore[no-untyped-def]
    client_for, personas: Personas, make_meeting: MakeMeeting, stakeholders: dict, overdue: Commitment
) -> None:
    client = client_for(personas.staff)
    client.get("/koordinasi/tindak-lanjut/")
    with CaptureQueriesContext(connection) as few:
        client.get("/koordinasi/tindak-lanjut/")
    meeting = make_meeting()
    for key in ("polres", "kominfo", "polsek_kebomas"):
        for i in range(3):
            add_commitment(
                meeting,
                CommitmentData(owner_id=stakeholders[key].pk, description=f"Tugas {i}", due_date=timezone.localdate()),
                by=personas.staff,
            )
    with CaptureQueriesContext(connection) as many:
        response = client.get("/koordinasi/tindak-lanjut/")
    assert len(response.context["groups"]) == 4
    assert len(many) == len(few), [q["sql"] for q in many]


def test_panwascam_sees_only_its_own_kecamatans_commitments(  # type: ignore[no-untyped-def]
    client_for, personas: Personas, make_meeting: MakeMeeting, stakeholders: dict, overdue: Commitment
) -> None:
    meeting = make_meeting(by=personas.panwascam_kebomas, region_code=KEBOMAS)
    add_commitment(
        meeting,
        CommitmentData(
            owner_id=stakeholders["polsek_kebomas"].pk, description="Patroli", due_date=timezone.localdate()
        ),
        by=personas.panwascam_kebomas,
    )
    groups = client_for(personas.panwascam_kebomas).get("/koordinasi/tindak-lanjut/").context["groups"]
    assert [g["owner"].name for g in groups] == ["Polsek Kebomas"]
    assert client_for(personas.panwascam_kebomas).get(f"/koordinasi/komitmen/{overdue.pk}/").status_code == 404


def test_moving_a_due_date_before_the_meeting_is_refused_and_nothing_changes(  # type: ignore[no-untyped-def]
    client_for, personas: Personas, overdue: Commitment
) -> None:
    client = client_for(personas.staff)
    url = f"/koordinasi/komitmen/{overdue.pk}/ubah/"
    form = {"c-owner": overdue.owner_id, "c-description": "Diubah"}
    before = overdue.meeting.local_date - dt.timedelta(days=1)
    response = client.post(url, {**form, "c-due_date": before.isoformat()})
    assert response.status_code == 400 and "Tenggat tidak boleh sebelum rapat" in response.content.decode()
    later = timezone.localdate() + dt.timedelta(days=7)
    assert client.post(url, {**form, "c-due_date": later.isoformat()}).status_code == 302
    overdue.refresh_from_db()
    assert (overdue.description, overdue.due_date, overdue.is_overdue()) == ("Diubah", later, False)
