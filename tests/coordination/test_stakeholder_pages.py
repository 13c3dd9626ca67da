import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kawal.coordination.attendance import CheckInData, public_check_in
from kawal.coordination.models import Contact, Stakeholder
from kawal.coordination.services import create_stakeholder, invite
from tests.conftest import DUKUN, GRESIK, KEBOMAS, Personas
from tests.coordination.conftest import MakeMeeting

pytestmark = pytest.mark.django_db


def test_stakeholder_page_shows_its_meeting_history(  # type: ignore[no-untyped-def]
    client_for, personas: Personas, make_meeting: MakeMeeting, stakeholders: dict
) -> None:
    polres = stakeholders["polres"]
    attended, missed = make_meeting(title="Rakor Kampanye"), make_meeting(title="Rakor Masa Tenang")
    invite(attended, [polres.pk], by=personas.staff)
    invite(missed, [polres.pk], by=personas.staff)
    public_check_in(attended, CheckInData(name="Andi", stakeholder_id=polres.pk))
    response = client_for(personas.member).get(f"/koordinasi/stakeholder/{polres.pk}/")
    record = response.context["record"]
    assert (record.invited, record.attended, record.attendance_rate) == (2, 1, 50)
    html = response.content.decode()
    assert "Rakor Kampanye" in html and "Rakor Masa Tenang" in html and "diundang, tidak hadir" in html


def test_contact_details_are_masked_until_asked_for_and_encrypted_at_rest(  # type: ignore[no-untyped-def]
    client_for, personas: Personas, stakeholders: dict
) -> None:
    client = client_for(personas.staff)
    url = f"/koordinasi/stakeholder/{stakeholders['polres'].pk}/"
    html = client.get(url).content.decode()
    assert "Budi Santoso" in html and "081234567890" not in html and "••••90" in html
    assert "081234567890" in client.get(url + "?tampilkan=kontak").content.decode()
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone, email FROM coordination_contact")
        phone, email = cursor.fetchone()
    assert "0812" not in phone and "polres.example" not in email
    assert Contact.objects.get().phone == "081234567890"


def test_staff_add_a_contact_and_the_audit_log_has_no_personal_data(  # type: ignore[no-untyped-def]
    client_for, personas: Personas, stakeholders: dict
) -> None:
    from kawal.core.models import AuditEvent

    client_for(personas.staff).post(
        f"/koordinasi/stakeholder/{stakeholders['kominfo'].pk}/",
        {"name": "Rina", "position": "Kabid", "phone": "0899111222", "email": "rina@kominfo.example"},
    )
    assert stakeholders["kominfo"].contacts.get().email == "rina@kominfo.example"
    event = AuditEvent.objects.filter(action="coordination.contact_added").last()
    assert event is not None and "0899" not in str(event.data) and "rina@" not in str(event.data)


def test_panwascam_sees_its_kecamatan_and_regency_stakeholders_only(personas: Personas, stakeholders: dict) -> None:
    names = set(Stakeholder.objects.visible_to(personas.panwascam_kebomas).values_list("name", flat=True))
    assert names == {"Polres Gresik", "Satpol PP Gresik", "Dinas Kominfo Gresik", "Polsek Kebomas"}
    assert not Stakeholder.objects.visible_to(personas.stakeholder).exists()


def test_stakeholder_of_another_kecamatan_is_a_404(client_for, personas: Personas, stakeholders: dict) -> None:  # type: ignore[no-untyped-def]
    url = f"/koordinasi/stakeholder/{stakeholders['polsek_dukun'].pk}/"
    assert client_for(personas.panwascam_kebomas).get(url).status_code == 404


def test_register_a_stakeholder_and_refuse_a_duplicate(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    client = client_for(personas.staff)
    response = client.post(
        "/koordinasi/stakeholder/", {"name": "Bakesbangpol Gresik", "kind": "bakesbangpol", "region": GRESIK}
    )
    assert response.status_code == 302
    response = client.post(
        "/koordinasi/stakeholder/", {"name": "bakesbangpol  gresik", "kind": "bakesbangpol", "region": GRESIK}
    )
    assert "sudah terdaftar di wilayah ini" in response.content.decode()
    assert Stakeholder.objects.count() == 1


def test_panwascam_cannot_register_a_stakeholder_in_another_kecamatan(personas: Personas) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        create_stakeholder(by=personas.panwascam_kebomas, name="Koramil Dukun", kind="tni", region_code=DUKUN)
    assert create_stakeholder(by=personas.panwascam_kebomas, name="Koramil Kebomas", kind="tni", region_code=KEBOMAS)


def test_stakeholder_list_query_count_does_not_grow(  # type: ignore[no-untyped-def]
    client_for, personas: Personas, stakeholders: dict, make_meeting: MakeMeeting
) -> None:
    client = client_for(personas.staff)
    client.get("/koordinasi/stakeholder/")
    with CaptureQueriesContext(connection) as few:
        client.get("/koordinasi/stakeholder/")
    meeting = make_meeting()
    for i in range(10):
        s = create_stakeholder(by=personas.staff, name=f"Partai {i}", kind="party", region_code=GRESIK)
        invite(meeting, [s.pk], by=personas.staff)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/koordinasi/stakeholder/")
    assert len(response.context["rows"]) == 15
    assert len(many) == len(few), [q["sql"] for q in many]


def test_showing_contacts_in_full_is_audited_and_limited_to_the_stakeholders_area(  # type: ignore[no-untyped-def]
    client_for, personas: Personas, stakeholders: dict
) -> None:
    from kawal.core.models import AuditEvent

    url = f"/koordinasi/stakeholder/{stakeholders['polres'].pk}/?tampilkan=kontak"
    client_for(personas.staff).get(url)
    assert AuditEvent.objects.filter(action="coordination.contacts_viewed", actor=personas.staff).count() == 1
    html = client_for(personas.panwascam_kebomas).get(url).content.decode()
    assert "081234567890" not in html and "Budi Santoso" in html


def test_rename_and_deactivate_a_stakeholder(client_for, personas: Personas, stakeholders: dict) -> None:  # type: ignore[no-untyped-def]
    polres = stakeholders["polres"]
    client = client_for(personas.staff)
    client.post(f"/koordinasi/stakeholder/{polres.pk}/ubah/", {"name": "Polres Gresik (Polri)", "kind": "police"})
    polres.refresh_from_db()
    assert (polres.name, polres.active) == ("Polres Gresik (Polri)", False)
    response = client.post(
        f"/koordinasi/stakeholder/{polres.pk}/ubah/", {"name": "Satpol PP Gresik", "kind": "police"}, follow=True
    )
    assert "sudah terdaftar di wilayah ini" in response.content.decode()
    assert (
        client_for(personas.panwascam_kebomas)
        .post(f"/koordinasi/stakeholder/{polres.pk}/ubah/", {"name": "X", "kind": "police", "active": "on"})
        .status_code
        == 403
    )
