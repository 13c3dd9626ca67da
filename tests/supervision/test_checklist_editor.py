"""Editing the voting-day checklist: who may, what may change once reports exist, audited."""

from __future__ import annotations

from typing import Any

import pytest

from kawal.core.models import AuditEvent
from kawal.elections.models import Election
from kawal.supervision.intake import reporter_for
from kawal.supervision.models import ChecklistItem
from kawal.supervision.services import receive
from tests.conftest import Personas
from tests.supervision.conftest import payload, tps

pytestmark = pytest.mark.django_db


def url(election: Election) -> str:
    return f"/pengawasan/daftar-periksa/{election.pk}/"


def post_data(
    election: Election, changes: dict[str, dict[str, Any]], new: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The formset as the page sends it: every existing question, with changes, then new rows."""
    items = list(ChecklistItem.objects.filter(election=election).order_by("order", "key"))
    rows = [{"id": item.pk, "label": item.label, "kind": item.kind, "required": item.required, "order": item.order,
             **changes.get(item.key, {})} for item in items]  # fmt: skip
    rows += new or []
    rows += [{"label": "", "kind": "", "order": "0"}] * 2  # the empty rows, as the browser sends them
    data: dict[str, Any] = {"form-TOTAL_FORMS": str(len(rows)), "form-INITIAL_FORMS": str(len(items)),
                            "form-MIN_NUM_FORMS": "0", "form-MAX_NUM_FORMS": "1000"}  # fmt: skip
    for i, row in enumerate(rows):
        for name, value in row.items():
            if name == "required" and not value:
                continue
            if name == "DELETE" and not value:
                continue
            data[f"form-{i}-{name}"] = "on" if value is True else value
    return data


def test_staff_reword_add_and_reorder_questions_and_the_ptps_form_asks_them(
    personas: Personas, pilbup: Election, client_for: Any
) -> None:
    client = client_for(personas.staff)
    assert "Daftar periksa" in client.get(url(pilbup)).content.decode()
    new = [{"label": "Kotak suara tersegel saat dibuka", "kind": "yesno", "required": True, "order": 5}]
    data = post_data(pilbup, {"witnesses_present": {"label": "Saksi pasangan calon hadir", "order": 9}}, new)
    response = client.post(url(pilbup), data)
    assert response.status_code == 302
    added = ChecklistItem.objects.get(election=pilbup, label="Kotak suara tersegel saat dibuka")
    assert added.key == "kotak_suara_tersegel_saat_dibuka" and added.required
    assert ChecklistItem.objects.get(election=pilbup, key="witnesses_present").label == "Saksi pasangan calon hadir"
    event = AuditEvent.objects.get(action="supervision.checklist_edited")
    assert {c["change"] for c in event.data["changes"]} == {"added", "edited"}
    form = client_for(personas.ptps).get(f"/pengawasan/lapor/{pilbup.pk}/").content.decode()
    assert "Kotak suara tersegel saat dibuka" in form
    assert form.index("Jam TPS dibuka") < form.index("Kotak suara tersegel") < form.index("Saksi pasangan calon hadir")


def test_before_any_report_a_question_can_be_removed(personas: Personas, pilbup: Election, client_for: Any) -> None:
    client_for(personas.member).post(url(pilbup), post_data(pilbup, {"witnesses_present": {"DELETE": True}}))
    assert not ChecklistItem.objects.filter(election=pilbup, key="witnesses_present").exists()


def test_once_reports_exist_removing_or_retyping_is_refused_in_indonesian_and_nothing_changes(
    personas: Personas, pilbup: Election, client_for: Any
) -> None:
    receive([payload(pilbup, tps())], reporter=reporter_for(personas.ptps), channel="api")
    client = client_for(personas.staff)
    data = post_data(pilbup, {"witnesses_present": {"DELETE": True}, "opened_at": {"label": "Jam buka"}})
    response = client.post(url(pilbup), data)
    html = response.content.decode()
    assert response.status_code == 200 and "tidak dapat dihapus" in html
    assert 'value="Jam buka"' in html  # what was typed is kept on the page
    assert ChecklistItem.objects.filter(election=pilbup).count() == 2
    assert ChecklistItem.objects.get(election=pilbup, key="opened_at").label == "Jam TPS dibuka"
    response = client.post(url(pilbup), post_data(pilbup, {"opened_at": {"kind": "text"}}))
    assert "jenis jawaban" in response.content.decode().lower()
    assert ChecklistItem.objects.get(election=pilbup, key="opened_at").kind == "time"
    assert not AuditEvent.objects.filter(action="supervision.checklist_edited").exists()


def test_supervisors_and_other_areas_cannot_open_the_editor(
    personas: Personas, pilbup: Election, client_for: Any
) -> None:
    for persona in (personas.ptps, personas.pkd, personas.panwascam_kebomas, personas.stakeholder):
        assert client_for(persona).get(url(pilbup)).status_code == 404
        assert client_for(persona).post(url(pilbup), post_data(pilbup, {})).status_code == 404
