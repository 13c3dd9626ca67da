import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kawal.elections.models import Cycle, ElectionKind
from kawal.elections.services import ensure_cycle, ensure_election, set_stage
from tests.conftest import Personas

pytestmark = pytest.mark.django_db


def test_a_single_pair_election_gets_the_empty_box(gresik) -> None:  # type: ignore[no-untyped-def]
    cycle = ensure_cycle("2024", dt.date(2024, 11, 27))
    election = ensure_election(
        cycle, kind=ElectionKind.REGENT, region_code="35.25", name="Pilbup", pairs=[("Calon A", "Wakil A")]
    )
    assert [p.label for p in election.pairs.all()][1] == "Kotak kosong" or election.pairs.get(number=2).is_empty_box
    assert election.has_empty_box


def test_several_pairs_have_no_empty_box(gresik) -> None:  # type: ignore[no-untyped-def]
    cycle = ensure_cycle("2024", dt.date(2024, 11, 27))
    election = ensure_election(
        cycle, kind=ElectionKind.GOVERNOR, region_code="35", name="Pilgub", pairs=[("A", "B"), ("C", "D"), ("E", "F")]
    )
    assert election.pairs.count() == 3 and not election.has_empty_box


def test_stage_cannot_end_before_it_starts(db: None) -> None:
    cycle = Cycle.objects.create(name="x", voting_date=dt.date(2024, 11, 27))
    with pytest.raises(ValidationError):
        set_stage(cycle, code="a", name="A", start=dt.date(2024, 9, 2), end=dt.date(2024, 9, 1), order=1)


def test_elections_page_lists_stages_and_pairs(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    from kawal.core.demo import DemoContext
    from kawal.elections import demo

    demo.load(DemoContext(out=None))
    html = client_for(personas.ptps).get("/pemilihan/").content.decode()
    assert "Masa tenang" in html and "Fandi Akhmad Yani" in html and "Kotak kosong" in html
