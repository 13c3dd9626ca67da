"""Staff screens: the list (scope, filters, due soon/overdue, query count) and the case page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kawal.cases import services
from kawal.cases.models import Case, CaseLink, CaseNote
from kawal.cases.workflow import Action, State
from tests.cases.conftest import EMAIL, NIK, PHONE
from tests.conftest import DUKUN, Personas

pytestmark = pytest.mark.django_db


def test_panwascam_sees_only_cases_in_its_kecamatan(
    personas: Personas, client_for: Any, make_case: Callable[..., Case]
) -> None:
    kebomas, dukun = make_case(), make_case(region=DUKUN)
    page = client_for(personas.panwascam_kebomas).get("/kasus/").content.decode()
    assert kebomas.tracking_code in page and dukun.tracking_code not in page
    assert client_for(personas.panwascam_kebomas).get(f"/kasus/{dukun.pk}/").status_code == 404
    assert client_for(personas.panwascam_dukun).get(f"/kasus/{dukun.pk}/").status_code == 200


def test_stakeholders_and_visitors_see_no_cases(
    personas: Personas, client_for: Any, client: Any, make_case: Callable[..., Case]
) -> None:
    case = make_case()
    assert client_for(personas.stakeholder).get(f"/kasus/{case.pk}/").status_code == 404
    assert case.tracking_code not in client_for(personas.stakeholder).get("/kasus/").content.decode()
    assert client.get("/kasus/").status_code == 302


def test_list_query_count_does_not_grow_with_cases(
    personas: Personas, client_for: Any, make_case: Callable[..., Case]
) -> None:
    client = client_for(personas.member)
    make_case()
    client.get("/kasus/")
    with CaptureQueriesContext(connection) as few:
        client.get("/kasus/")
    for _ in range(6):
        case = make_case(region=DUKUN)
        services.assign(case, personas.staff, by=personas.member)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/kasus/")
    assert response.status_code == 200
    assert len(many) == len(few) <= 12


def test_due_within_24h_and_overdue_filters(
    personas: Personas, client_for: Any, make_case: Callable[..., Case]
) -> None:
    now = timezone.now()
    soon, late, calm = make_case(), make_case(), make_case()
    Case.objects.filter(pk=soon.pk).update(next_due_at=now + dt.timedelta(hours=5))
    Case.objects.filter(pk=late.pk).update(next_due_at=now - dt.timedelta(hours=1))
    Case.objects.filter(pk=calm.pk).update(next_due_at=now + dt.timedelta(days=3))
    client = client_for(personas.member)
    due_page = client.get("/kasus/?tenggat=24jam").content.decode()
    assert soon.tracking_code in due_page and late.tracking_code not in due_page and calm.tracking_code not in due_page
    late_page = client.get("/kasus/?tenggat=lewat").content.decode()
    assert late.tracking_code in late_page and soon.tracking_code not in late_page
    overview = client.get("/kasus/").content.decode()
    assert "1 berakhir dalam 24 jam" in overview and "1 lewat batas waktu" in overview


def test_case_page_shows_clock_with_due_date_and_only_allowed_buttons(
    personas: Personas, client_for: Any, make_case: Callable[..., Case]
) -> None:
    case = make_case(state=State.INITIAL_REVIEW)
    member_page = client_for(personas.member).get(f"/kasus/{case.pk}/").content.decode()
    assert "Kajian awal" in member_page and "Sisa waktu" in member_page
    clock_row = member_page.split('data-testid="clocks"')[1].split("</table>")[0]
    assert "hari" in clock_row and "0 menit" not in clock_row  # days away, counted from the next opening
    assert 'data-action="register"' in member_page and 'data-action="request_completeness"' in member_page
    assert 'data-action="decide_other_law"' not in member_page
    staff_page = client_for(personas.staff).get(f"/kasus/{case.pk}/").content.decode()
    assert 'data-action="register"' not in staff_page and 'data-action="request_completeness"' in staff_page


def test_posting_an_action_moves_the_case_and_a_refusal_is_explained(
    personas: Personas, client_for: Any, make_case: Callable[..., Case]
) -> None:
    case = make_case(state=State.INITIAL_REVIEW)
    refused = client_for(personas.staff).post(f"/kasus/{case.pk}/aksi/", {"action": "register"}, follow=True)
    assert "Peran Anda tidak dapat melakukan" in refused.content.decode()
    case.refresh_from_db()
    assert case.state == State.INITIAL_REVIEW
    done = client_for(personas.member).post(f"/kasus/{case.pk}/aksi/", {"action": "register"}, follow=True)
    assert "Diregistrasi" in done.content.decode()
    case.refresh_from_db()
    assert case.state == State.REGISTERED


def test_actions_need_csrf(personas: Personas, make_case: Callable[..., Case]) -> None:
    from django.test import Client

    case = make_case(state=State.INITIAL_REVIEW)
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.member)
    assert client.post(f"/kasus/{case.pk}/aksi/", {"action": "register"}).status_code == 403


def test_identity_is_shown_to_handlers_and_masked_for_pkd(
    personas: Personas, client_for: Any, make_case: Callable[..., Case]
) -> None:
    case = make_case()
    handler_page = client_for(personas.panwascam_kebomas).get(f"/kasus/{case.pk}/").content.decode()
    assert NIK in handler_page and PHONE in handler_page and EMAIL in handler_page
    pkd_page = client_for(personas.pkd).get(f"/kasus/{case.pk}/").content.decode()
    assert NIK not in pkd_page and PHONE not in pkd_page and EMAIL not in pkd_page
    assert NIK[-2:] in pkd_page and "disamarkan" in pkd_page


def test_assign_note_and_link(personas: Personas, client_for: Any, make_case: Callable[..., Case]) -> None:
    case, other = make_case(), make_case()
    client = client_for(personas.member)
    client.post(f"/kasus/{case.pk}/penanganan/", {"handler": personas.panwascam_kebomas.pk})
    client.post(f"/kasus/{case.pk}/catatan/", {"body": "Hubungi saksi besok pagi."})
    client.post(f"/kasus/{case.pk}/tautan/", {"code": other.tracking_code.lower(), "kind": "duplicate"})
    case.refresh_from_db()
    assert case.assigned_to == personas.panwascam_kebomas
    assert CaseNote.objects.get(case=case).body == "Hubungi saksi besok pagi."
    assert CaseLink.objects.get().kind == "duplicate"
    other_page = client.get(f"/kasus/{other.pk}/").content.decode()
    assert case.tracking_code in other_page  # both stay, linked both ways
    timeline = client.get(f"/kasus/{case.pk}/").content.decode()
    assert "Penanggung jawab ditetapkan" in timeline and "Ditautkan dengan kasus lain" in timeline


def test_assigning_someone_from_another_kecamatan_is_refused(
    personas: Personas, client_for: Any, make_case: Callable[..., Case]
) -> None:
    case = make_case()
    response = client_for(personas.member).post(
        f"/kasus/{case.pk}/penanganan/", {"handler": personas.panwascam_dukun.pk}, follow=True
    )
    assert "tidak menangani kasus di wilayah ini" in response.content.decode()
    case.refresh_from_db()
    assert case.assigned_to is None


def test_staff_pdfs_render(personas: Personas, client_for: Any, make_case: Callable[..., Case]) -> None:
    case = make_case(state=State.ASSESSMENT)
    services.transition(case, Action.DECIDE_OTHER_LAW, by=personas.member, reason="ASN tidak netral")
    services.transition(case, Action.REFER_BKN, by=personas.member)
    client = client_for(personas.member)
    for doc in ("tanda-terima", "pemberitahuan-status", "penerusan", "kajian"):
        response = client.get(f"/kasus/{case.pk}/dokumen/{doc}.pdf")
        assert response.status_code == 200 and response.content.startswith(b"%PDF"), doc
    assert client.get(f"/kasus/{case.pk}/dokumen/lain.pdf").status_code == 404


def test_panwascam_records_a_finding_in_its_area_only(personas: Personas, client_for: Any, gresik: Any) -> None:
    from tests.cases.test_public_intake import form_data

    data = {k: v for k, v in form_data().items() if not k.startswith("reporter_") and k != "agree"}
    client = client_for(personas.panwascam_kebomas)
    response = client.post("/kasus/baru/temuan/", data)
    assert response.status_code == 302
    assert Case.objects.get().kind == "temuan"
    outside = client.post("/kasus/baru/temuan/", {**data, "region": DUKUN, "tps_number": ""})
    assert outside.status_code == 200 and Case.objects.count() == 1


def test_staff_enter_a_report_received_in_person(personas: Personas, client_for: Any, gresik: Any) -> None:
    from tests.cases.test_public_intake import form_data

    response = client_for(personas.staff).post("/kasus/baru/laporan/", form_data())
    case = Case.objects.get()
    assert response.status_code == 302 and case.channel == "in_person" and case.created_by == personas.staff


def test_initial_information_is_kept_apart_from_reports(
    personas: Personas, client_for: Any, make_case: Callable[..., Case]
) -> None:
    report, info = make_case(), make_case(kind="informasi")
    client = client_for(personas.member)
    default = client.get("/kasus/").content.decode()
    assert report.tracking_code in default and info.tracking_code not in default
    assert "1 informasi awal terbuka" in default
    apart = client.get("/kasus/?jenis=informasi").content.decode()
    assert info.tracking_code in apart and report.tracking_code not in apart


def test_a_supervisor_turns_information_into_a_finding_from_the_page(
    personas: Personas, client_for: Any, make_case: Callable[..., Case]
) -> None:
    info = make_case(kind="informasi")
    client = client_for(personas.panwascam_kebomas)
    assert 'data-action="convert_to_finding"' in client.get(f"/kasus/{info.pk}/").content.decode()
    client.post(f"/kasus/{info.pk}/aksi/", {"action": "convert_to_finding"})
    finding = Case.objects.get(source=info)
    assert finding.kind == "temuan"
    assert info.tracking_code in client.get(f"/kasus/{finding.pk}/").content.decode()  # linked both ways


def test_case_page_query_count_does_not_grow_with_history(
    personas: Personas, client_for: Any, make_case: Callable[..., Case]
) -> None:
    case = make_case()
    client = client_for(personas.member)
    client.get(f"/kasus/{case.pk}/")
    with CaptureQueriesContext(connection) as few:
        client.get(f"/kasus/{case.pk}/")
    for action in ["start_review", "register", "start_clarification", "start_assessment"]:
        services.transition(case, action, by=personas.member)
    for text in ("satu", "dua", "tiga"):
        services.add_note(case, text, by=personas.staff)
    services.link_cases(case, make_case(), "related", by=personas.member)
    with CaptureQueriesContext(connection) as many:
        client.get(f"/kasus/{case.pk}/")
    assert len(many) == len(few)


def test_intake_forms_are_only_for_those_who_may_use_them(personas: Personas, client_for: Any) -> None:
    assert client_for(personas.stakeholder).get("/kasus/baru/temuan/").status_code == 404
    assert client_for(personas.stakeholder).get("/kasus/baru/laporan/").status_code == 404
    assert client_for(personas.ptps).get("/kasus/baru/laporan/").status_code == 200  # PTPS receive reports too
    assert client_for(personas.ptps).get("/kasus/baru/temuan/").status_code == 200


def test_list_filters_by_kecamatan(personas: Personas, client_for: Any, make_case: Callable[..., Case]) -> None:
    kebomas, dukun = make_case(), make_case(region=DUKUN)
    page = client_for(personas.member).get("/kasus/", {"wilayah": DUKUN}).content.decode()
    assert dukun.tracking_code in page and kebomas.tracking_code not in page
    assert 'name="wilayah"' not in client_for(personas.panwascam_kebomas).get("/kasus/").content.decode()


def test_the_assigned_handler_is_told_by_email(
    personas: Personas, make_case: Callable[..., Case], django_capture_on_commit_callbacks: Any
) -> None:
    from django.core import mail

    case = make_case()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.assign(case, personas.panwascam_kebomas, by=personas.member)
    assert [m.to for m in mail.outbox] == [[personas.panwascam_kebomas.email]]
    assert case.tracking_code in mail.outbox[0].subject and NIK not in mail.outbox[0].body


def test_a_ptps_enters_a_report_in_its_desa_but_not_elsewhere(personas: Personas, client_for: Any, gresik: Any) -> None:
    from tests.cases.test_public_intake import form_data

    client = client_for(personas.ptps)
    assert client.post("/kasus/baru/laporan/", form_data()).status_code == 302
    outside = client.post("/kasus/baru/laporan/", form_data(region=DUKUN, tps_number=""))
    assert outside.status_code == 200 and Case.objects.count() == 1
