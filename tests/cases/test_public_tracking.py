"""Tracking by code and the announcement list: plain Indonesian status, never personal data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from kawal.cases import services
from kawal.cases.models import Case
from tests.cases.conftest import ADDRESS, EMAIL, NIK, PHONE
from tests.conftest import Personas

pytestmark = pytest.mark.django_db


def handled_to_bkn(case: Case, personas: Personas) -> None:
    for action in ["start_review", "register", "start_assessment", "decide_other_law", "refer_bkn"]:
        services.transition(case, action, by=personas.member, reason="Netralitas ASN")


def assert_no_personal_data(html: str) -> None:
    for secret in (NIK, PHONE, EMAIL, ADDRESS, "Siti Pelapor"):
        assert secret not in html


def test_tracking_by_code_shows_each_step_in_plain_indonesian(
    client: Client, personas: Personas, make_case: Callable[..., Case]
) -> None:
    case = make_case()
    handled_to_bkn(case, personas)
    html = client.get(f"/kasus/lacak/{case.tracking_code}/").content.decode()
    assert "diteruskan" in html and "BKN" in html
    steps = [
        "diterima", "diterima, dalam kajian awal", "diregistrasi", "diregistrasi, masih dalam proses",
        "pelanggaran", "diteruskan kepada BKN",
    ]
    history = html.split('data-testid="public-history">')[1].split("</ol>")[0]
    assert [line.split("— ", 1)[1].strip() for line in history.split("</li>") if "— " in line] == steps
    assert_no_personal_data(html)


def test_the_code_may_be_typed_loosely(client: Client, make_case: Callable[..., Case]) -> None:
    case = make_case()
    typed = case.tracking_code.lower().replace("-", " ")
    response = client.get("/kasus/lacak/", {"code": typed})
    assert response.status_code == 302 and response["Location"].endswith(f"/lacak/{case.tracking_code}/")


def test_a_wrong_code_gets_a_clear_message(client: Client, gresik: Any) -> None:
    html = client.get("/kasus/lacak/", {"code": "KWL-AAAA-BBBB-CCCC"}).content.decode()
    assert "Tidak ada laporan dengan kode ini" in html
    assert client.get("/kasus/lacak/KWL-AAAA-BBBB-CCCC/").status_code == 404
    assert "KWL-ABCD-EFGH-JKMN" in client.get("/kasus/lacak/", {"code": "x"}).content.decode()


def test_tracking_codes_are_long_and_differ(make_case: Callable[..., Case]) -> None:
    codes = {make_case().tracking_code for _ in range(20)}
    assert len(codes) == 20
    assert all(len(code) == len("KWL-ABCD-EFGH-JKMN") for code in codes)


def test_announcements_list_registered_cases_only_without_personal_data(
    client: Client, personas: Personas, make_case: Callable[..., Case]
) -> None:
    registered, fresh = make_case(), make_case()
    handled_to_bkn(registered, personas)
    html = client.get("/kasus/pengumuman/").content.decode()
    assert registered.registration_number in html and "diteruskan" in html
    assert fresh.tracking_code not in html and registered.tracking_code not in html
    assert_no_personal_data(html)


def test_no_public_page_ever_carries_the_reporters_identity(
    client: Client, personas: Personas, make_case: Callable[..., Case]
) -> None:
    case = make_case()
    handled_to_bkn(case, personas)
    for url in (
        "/kasus/lapor/", "/kasus/informasi/", "/kasus/lacak/", "/kasus/pengumuman/",
        f"/kasus/lacak/{case.tracking_code}/", f"/kasus/tanda-terima/{case.tracking_code}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_personal_data(response.content.decode())


def test_receipt_document_has_no_identity(client: Client, make_case: Callable[..., Case]) -> None:
    from django.template.loader import render_to_string

    from kawal.cases import documents

    case = make_case()
    html = render_to_string("cases/pdf/receipt.html", {"letterhead": {}, **documents.receipt_context(case)})
    assert case.tracking_code in html
    assert_no_personal_data(html)
    assert client.get(f"/kasus/tanda-terima/{case.tracking_code}/pdf/").content.startswith(b"%PDF")


def test_announcement_list_query_count_is_flat(
    client: Client, personas: Personas, make_case: Callable[..., Case]
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    handled_to_bkn(make_case(), personas)
    with CaptureQueriesContext(connection) as few:
        client.get("/kasus/pengumuman/")
    for _ in range(5):
        handled_to_bkn(make_case(), personas)
    with CaptureQueriesContext(connection) as many:
        client.get("/kasus/pengumuman/")
    assert len(many) == len(few) <= 6


def test_information_is_never_announced(client: Client, personas: Personas, make_case: Callable[..., Case]) -> None:
    info = make_case(kind="informasi")
    assert info.tracking_code not in client.get("/kasus/pengumuman/").content.decode()


def test_the_reporter_completes_the_report_by_code_while_asked(
    client: Client, personas: Personas, make_case: Callable[..., Case]
) -> None:
    from kawal.cases.models import CaseEvidence
    from tests.cases.test_public_intake import photo

    case = make_case(state="initial_review")
    url = f"/kasus/lacak/{case.tracking_code}/"
    assert 'data-testid="completion"' not in client.get(url).content.decode()
    services.transition(case, "request_completeness", by=personas.staff, reason="Lampirkan foto KTP.")
    page = client.get(url).content.decode()
    assert 'data-testid="completion"' in page and "Lampirkan foto KTP." in page
    response = client.post(url, {"note": "Foto KTP terlampir.", "evidence": [photo()]}, follow=True)
    assert "telah ditambahkan" in response.content.decode()
    assert CaseEvidence.objects.filter(case=case).count() == 1
    assert case.events.filter(action="reporter_completed", reason="Foto KTP terlampir.").exists()
    staff_page = Client()
    staff_page.force_login(personas.staff)
    assert "Pelapor telah mengirim kekurangan" in staff_page.get(f"/kasus/{case.pk}/").content.decode()


def test_nothing_can_be_added_when_nothing_was_asked(client: Client, make_case: Callable[..., Case]) -> None:
    case = make_case()
    response = client.post(f"/kasus/lacak/{case.tracking_code}/", {"note": "tambahan"}, follow=True)
    assert "tidak sedang menunggu" in response.content.decode()
    assert not case.events.filter(action="reporter_completed").exists()


def test_status_notice_pdf_by_code_for_reports_only(client: Client, make_case: Callable[..., Case]) -> None:
    from django.template.loader import render_to_string

    from kawal.cases import documents

    report, finding = make_case(), make_case(kind="temuan")
    response = client.get(f"/kasus/lacak/{report.tracking_code}/pemberitahuan.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert client.get(f"/kasus/lacak/{finding.tracking_code}/pemberitahuan.pdf").status_code == 404
    assert_no_personal_data(render_to_string("cases/pdf/status_notice.html", documents.status_context(report)))
