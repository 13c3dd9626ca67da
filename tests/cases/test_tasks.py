"""Background jobs: the morning digest and the warning before a clock runs out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from kawal.cases import tasks
from kawal.cases.models import Case, CaseEvent
from kawal.cases.workflow import State
from tests.conftest import DUKUN, Personas

pytestmark = pytest.mark.django_db


def test_digest_goes_to_the_handlers_of_each_area(personas: Personas, make_case: Callable[..., Case]) -> None:
    kebomas, dukun = make_case(), make_case(region=DUKUN)
    Case.objects.filter(pk=kebomas.pk).update(next_due_at=timezone.now() - dt.timedelta(hours=2))
    Case.objects.filter(pk=dukun.pk).update(next_due_at=timezone.now() + dt.timedelta(hours=3))
    mail.outbox.clear()
    tasks.digest()
    by_person = {message.to[0]: message.body for message in mail.outbox}
    assert kebomas.tracking_code in by_person["pwc.kebomas@example.test"]
    assert dukun.tracking_code not in by_person["pwc.kebomas@example.test"]
    assert dukun.tracking_code in by_person["pwc.dukun@example.test"]
    member = by_person["anggota@example.test"]
    assert kebomas.tracking_code in member and "LEWAT BATAS" in member
    assert "pkd.randuagung@example.test" not in by_person and "mitra@example.test" not in by_person


def test_an_assigned_case_goes_to_its_handler_only(personas: Personas, make_case: Callable[..., Case]) -> None:
    case = make_case()
    Case.objects.filter(pk=case.pk).update(next_due_at=timezone.now() + dt.timedelta(hours=1),
                                           assigned_to=personas.staff)
    mail.outbox.clear()
    tasks.digest()
    assert [m.to for m in mail.outbox] == [["staf@example.test"]]


def test_warning_is_sent_once_per_clock(personas: Personas, make_case: Callable[..., Case]) -> None:
    case = make_case()  # the initial review clock: due at the end of the day after tomorrow
    now = case.next_due_at - dt.timedelta(hours=5) if case.next_due_at else timezone.now()
    mail.outbox.clear()
    assert tasks.warn_expiring(now) == 1
    assert tasks.warn_expiring(now + dt.timedelta(minutes=15)) == 0
    assert "Kajian awal" in mail.outbox[0].body and case.tracking_code in mail.outbox[0].subject
    assert CaseEvent.objects.filter(case=case, action=tasks.WARNING_EVENT).count() == 1


def test_no_warning_for_clocks_far_away_or_closed_cases(personas: Personas, make_case: Callable[..., Case]) -> None:
    case = make_case()
    assert tasks.warn_expiring(timezone.now() - dt.timedelta(days=3)) == 0
    Case.objects.filter(pk=case.pk).update(state=State.CLOSED)
    assert tasks.warn_expiring(case.next_due_at or timezone.now()) == 0


def test_status_notice_is_emailed_to_the_reporter(
    personas: Personas, make_case: Callable[..., Case], django_capture_on_commit_callbacks: Any
) -> None:
    from kawal.cases import services

    case = make_case()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(case, "start_review", by=personas.member)
    assert len(mail.outbox) == 1 and "dalam kajian awal" in mail.outbox[0].body
    assert mail.outbox[0].attachments[0][2] == "application/pdf"


def test_completeness_request_tells_the_reporter_what_and_by_when(
    personas: Personas, make_case: Callable[..., Case], django_capture_on_commit_callbacks: Any
) -> None:
    from kawal.cases import services

    case = make_case(state=State.INITIAL_REVIEW)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(case, "request_completeness", by=personas.staff, reason="Lampirkan foto KTP.")
    body = mail.outbox[0].body
    assert "Lampirkan foto KTP." in body and "2 x 24 jam" in body


def test_receipt_links_to_the_public_site_when_configured(
    make_case: Callable[..., Case], settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.KAWAL_PUBLIC_URL = "https://kawal.contoh.go.id/"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case()
    assert "https://kawal.contoh.go.id/kasus/lacak/" in mail.outbox[0].body
    assert case.tracking_code in mail.outbox[0].body
