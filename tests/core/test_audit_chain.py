import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kawal.core import audit
from kawal.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def append_three() -> list[AuditEvent]:
    return [audit.record("test.happened", data={"n": n}) for n in range(3)]


def test_each_event_links_to_the_previous_one() -> None:
    first, second, third = append_three()
    assert first.prev_hash == audit.GENESIS_HASH
    assert second.prev_hash == first.hash
    assert third.prev_hash == second.hash
    assert audit.verify_chain() == (3, None)


def test_verify_audit_passes_on_an_intact_chain(capsys: pytest.CaptureFixture[str]) -> None:
    append_three()
    call_command("verify_audit")
    assert "3 events verified" in capsys.readouterr().out


def test_changing_a_row_by_hand_breaks_the_chain_at_that_row() -> None:
    _first, second, _third = append_three()
    AuditEvent.objects.filter(pk=second.pk).update(data={"n": 99})
    with pytest.raises(CommandError, match=f"#{second.pk}"):
        call_command("verify_audit")


def test_deleting_a_row_breaks_the_chain_at_the_next_row() -> None:
    _first, second, third = append_three()
    AuditEvent.objects.filter(pk=second.pk).delete()
    checked, broken = audit.verify_chain()
    assert broken is not None and broken.event_id == third.pk
    assert checked == 1


def test_deleting_the_newest_row_is_detected() -> None:
    append_three()
    AuditEvent.objects.order_by("-id").first().delete()  # type: ignore[union-attr]
    _checked, broken = audit.verify_chain()
    assert broken is not None


def test_secrets_and_personal_data_are_masked() -> None:
    event = audit.record(
        "test.secret",
        data={
            "password": "x",
            "nik": "3525010101010001",
            "reporter": {"phone": "0812", "name": "Budi"},
            "api_token": "t",
        },
    )
    assert event.data == {
        "password": "***",
        "nik": "***",
        "reporter": {"phone": "***", "name": "Budi"},
        "api_token": "***",
    }
