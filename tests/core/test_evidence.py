import hashlib

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from kawal.core.evidence import EvidenceRejected, evidence_response, store_evidence
from kawal.core.models import AuditEvent, EvidenceFile, EvidenceKind
from tests.core import files

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path


def test_a_photo_is_stored_under_its_sha256() -> None:
    upload = files.png()
    evidence = store_evidence(upload)
    expected = hashlib.sha256(files.PNG_BYTES).hexdigest()
    assert evidence.sha256 == expected and evidence.kind == EvidenceKind.IMAGE
    with default_storage.open(evidence.file.name, "rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == expected
    assert AuditEvent.objects.filter(action="evidence.stored", target_id=str(evidence.pk)).exists()


def test_the_same_content_is_stored_once() -> None:
    first = store_evidence(files.png("a.png"))
    second = store_evidence(files.png("b.png"))
    assert first.pk == second.pk and EvidenceFile.objects.count() == 1


def test_an_exe_renamed_jpg_is_refused_with_a_clear_message() -> None:
    with pytest.raises(EvidenceRejected) as caught:
        store_evidence(files.exe_as_jpg())
    assert "program" in caught.value.messages[0]
    assert EvidenceFile.objects.count() == 0


def test_a_script_is_refused() -> None:
    with pytest.raises(EvidenceRejected):
        store_evidence(SimpleUploadedFile("bukti.pdf", b"#!/bin/sh\nrm -rf /\n"))


def test_unknown_content_is_refused_whatever_its_name() -> None:
    with pytest.raises(EvidenceRejected, match=r"tidak termasuk|not an accepted"):
        store_evidence(SimpleUploadedFile("bukti.pdf", b"just some text, not a pdf"))


def test_an_empty_file_is_refused() -> None:
    with pytest.raises(EvidenceRejected):
        store_evidence(SimpleUploadedFile("kosong.jpg", b""))


def test_kinds_can_be_narrowed() -> None:
    with pytest.raises(EvidenceRejected):
        store_evidence(files.pdf(), kinds=frozenset({EvidenceKind.IMAGE}))


def test_office_documents_and_pdfs_are_accepted() -> None:
    assert store_evidence(files.pdf()).kind == EvidenceKind.PDF
    assert store_evidence(files.docx()).kind == EvidenceKind.DOCUMENT


def test_size_limit_is_enforced(settings) -> None:  # type: ignore[no-untyped-def]
    settings.KAWAL_EVIDENCE_MAX_BYTES = {**settings.KAWAL_EVIDENCE_MAX_BYTES, "image": 100}
    with pytest.raises(EvidenceRejected, match="100"):
        store_evidence(files.png(extra=b"\x00" * 200))


def test_downloads_are_audited(personas) -> None:  # type: ignore[no-untyped-def]
    evidence = store_evidence(files.png())
    response = evidence_response(evidence, by=personas.staff)
    assert b"".join(response.streaming_content) == files.PNG_BYTES  # type: ignore[arg-type]
    assert response["X-Content-Type-Options"] == "nosniff"
    event = AuditEvent.objects.get(action="evidence.downloaded")
    assert event.actor == personas.staff
