"""Evidence on a case: checked by content, stored once by hash, downloads audited and scoped."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import pytest

from kawal.cases.models import Case, CaseEvidence
from kawal.core.models import AuditEvent, EvidenceFile
from tests.cases.test_public_intake import photo, program_named_jpg
from tests.conftest import Personas

pytestmark = pytest.mark.django_db


def test_a_supervisor_adds_a_photo_and_the_download_is_audited(
    personas: Personas, client_for: Any, make_case: Callable[..., Case]
) -> None:
    case = make_case()
    upload = photo(colour="green")
    content = upload.read()
    upload.seek(0)
    client = client_for(personas.pkd)
    client.post(f"/kasus/{case.pk}/bukti/", {"evidence": [upload]})
    item = CaseEvidence.objects.get(case=case)
    assert item.evidence.sha256 == hashlib.sha256(content).hexdigest()
    response = client.get(f"/kasus/{case.pk}/bukti/{item.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == content
    assert AuditEvent.objects.filter(action="evidence.downloaded", actor=personas.pkd).count() == 1
    assert client_for(personas.panwascam_dukun).get(f"/kasus/{case.pk}/bukti/{item.pk}/").status_code == 404


def test_a_renamed_program_is_refused_on_the_case_page_too(
    personas: Personas, client_for: Any, make_case: Callable[..., Case]
) -> None:
    case = make_case()
    response = client_for(personas.member).post(f"/kasus/{case.pk}/bukti/", {"evidence": [program_named_jpg()]},
                                                follow=True)
    assert "program" in response.content.decode()
    assert not CaseEvidence.objects.filter(case=case).exists() and not EvidenceFile.objects.exists()


def test_the_same_photo_on_two_cases_is_stored_once(
    personas: Personas, client_for: Any, make_case: Callable[..., Case]
) -> None:
    first, second = make_case(), make_case()
    client = client_for(personas.member)
    client.post(f"/kasus/{first.pk}/bukti/", {"evidence": [photo()]})
    client.post(f"/kasus/{second.pk}/bukti/", {"evidence": [photo()]})
    assert EvidenceFile.objects.count() == 1 and CaseEvidence.objects.count() == 2


def test_stakeholder_cannot_add_evidence(personas: Personas, client_for: Any, make_case: Callable[..., Case]) -> None:
    case = make_case()
    assert client_for(personas.stakeholder).post(f"/kasus/{case.pk}/bukti/", {"evidence": [photo()]}).status_code == 404
    assert not CaseEvidence.objects.exists()
