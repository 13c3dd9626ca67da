import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from kawal.coordination.attendance import CheckInData, public_check_in
from kawal.coordination.commitments import CommitmentData, add_commitment, complete_commitment
from kawal.coordination.services import invite
from tests.conftest import Personas
from tests.coordination.conftest import JAKARTA, MakeMeeting, at

pytestmark = pytest.mark.django_db
PERIOD = {"start": "2024-09-01", "end": "2024-11-30"}


@pytest.fixture
def season(personas: Personas, make_meeting: MakeMeeting, stakeholders: dict) -> None:
    polres, satpol = stakeholders["polres"], stakeholders["satpol"]
    for day in (25, 26):
        m = make_meeting(title=f"Rakor {day} Sep", starts_at=at(2024, 9, day))
        invite(m, [polres.pk, satpol.pk], by=personas.staff)
        public_check_in(m, CheckInData(name="Andi", stakeholder_id=polres.pk))
    m = make_meeting(title="Rakor lama", starts_at=at(2024, 8, 1))
    invite(m, [polres.pk], by=personas.staff)
    on_time = add_commitment(
        m, CommitmentData(owner_id=satpol.pk, description="APK", due_date=dt.date(2024, 10, 1)), by=personas.staff
    )
    complete_commitment(
        on_time, by=personas.staff, note="ok", completed_at=dt.datetime(2024, 10, 1, 20, tzinfo=JAKARTA)
    )


def test_summary_counts_meetings_in_the_period_and_attendance_rates(
    client_for, personas: Personas, season: None
) -> None:  # type: ignore[no-untyped-def]
    response = client_for(personas.staff).get("/koordinasi/rekap/", PERIOD)
    summary = response.context["summary"]
    assert [m.title for m in summary.meetings] == ["Rakor 25 Sep", "Rakor 26 Sep"]
    rates = {s.name: r.attendance_rate for s, r in summary.rows}
    assert rates == {"Polres Gresik": 100, "Satpol PP Gresik": 0}
    assert "<svg" in response.content.decode()


def test_summary_rejects_a_reversed_period_in_indonesian(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    response = client_for(personas.staff).get("/koordinasi/rekap/", {"start": "2024-11-30", "end": "2024-09-01"})
    assert response.status_code == 200
    assert "Akhir periode tidak boleh sebelum awalnya." in response.content.decode()


def test_summary_xlsx_has_a_row_per_stakeholder(client_for, personas: Personas, season: None) -> None:  # type: ignore[no-untyped-def]
    response = client_for(personas.staff).get("/koordinasi/rekap.xlsx", PERIOD)
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "Stakeholder" and rows[0][3] == "Tingkat kehadiran (%)"
    assert rows[1][:4] == ("Polres Gresik", 2, 2, 100)
    assert len(list(book.worksheets[1].iter_rows())) == 3


def test_summary_pdf_renders(client_for, personas: Personas, season: None) -> None:  # type: ignore[no-untyped-def]
    from tests.coordination.test_documents import pdf_text

    text = pdf_text(client_for(personas.staff).get("/koordinasi/rekap.pdf", PERIOD).content)
    assert "REKAP KOORDINASI" in text and "Polres Gresik" in text


def test_a_commitment_counts_in_the_period_of_its_meeting(client_for, personas: Personas, season: None) -> None:  # type: ignore[no-untyped-def]
    summary = (
        client_for(personas.staff)
        .get("/koordinasi/rekap/", {"start": "2024-08-01", "end": "2024-08-31"})
        .context["summary"]
    )
    assert summary.totals.done_on_time == 1
