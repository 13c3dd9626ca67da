"""The htmx panel, its standalone page and the accept/reject buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from kawal.cases.models import Case
from kawal.triage.models import Field, Status, Suggestion
from kawal.triage.services import suggest_for_case
from tests.conftest import KEBOMAS, Personas


@pytest.fixture
def case(personas: Personas, make_case: Callable[..., Any]) -> Case:
    case = make_case(personas.panwascam_kebomas, KEBOMAS)
    suggest_for_case(case)
    return case


def test_panel_lists_suggestions_with_their_explanation(
    case: Case, personas: Personas, client_for: Callable[..., Client]
) -> None:
    response = client_for(personas.panwascam_kebomas).get(reverse("triage:case_panel", args=[case.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="triage-panel"' in html and "<html" not in html  # a partial
    assert "amplop" in html  # a word that fired
    assert "Terima" in html and "Tolak" in html  # Indonesian buttons
    first = Suggestion.objects.get(case=case, field=Field.CATEGORY, rank=1)
    assert reverse("triage:accept", args=[case.pk, first.pk]) in html
    # the second choice sits under the first, with its own button and reason
    second = Suggestion.objects.get(case=case, field=Field.CATEGORY, rank=2)
    assert 'data-testid="suggestion-category-second"' in html and "atau, pilihan kedua" in html
    assert reverse("triage:accept", args=[case.pk, second.pk]) in html
    assert "paling mungkin berikutnya" in html


def test_a_choice_the_second_came_close_to_is_marked_not_sure(
    case: Case, personas: Personas, client_for: Callable[..., Client]
) -> None:
    first = Suggestion.objects.get(case=case, field=Field.SUBJECT, rank=1)
    close = {"field": "subject", "rule": f"close call: {first.value} leads warga by 0.12", "evidence": ""}
    first.explanation = [*first.explanation, close]
    first.save(update_fields=["explanation"])
    html = client_for(personas.panwascam_kebomas).get(reverse("triage:case_panel", args=[case.pk])).content.decode()
    assert 'data-testid="close-call-subject"' in html
    assert "belum pasti" in html and "periksa keduanya" in html
    assert 'data-testid="close-call-category"' not in html  # envelopes of money: a sure category


def test_standalone_page_shows_the_same_panel(
    case: Case, personas: Personas, client_for: Callable[..., Client]
) -> None:
    response = client_for(personas.member).get(reverse("triage:case_page", args=[case.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html and 'data-testid="triage-panel"' in html and case.tracking_code in html


@pytest.mark.parametrize("name", ["triage:case_panel", "triage:case_page"])
def test_panwascam_of_dukun_gets_404_on_a_kebomas_case(
    case: Case, personas: Personas, client_for: Callable[..., Client], name: str
) -> None:
    assert client_for(personas.panwascam_dukun).get(reverse(name, args=[case.pk])).status_code == 404


def test_panwascam_of_dukun_cannot_accept_on_a_kebomas_case(
    case: Case, personas: Personas, client_for: Callable[..., Client]
) -> None:
    suggestion = Suggestion.objects.get(case=case, field=Field.CATEGORY, rank=1)
    url = reverse("triage:accept", args=[case.pk, suggestion.pk])
    assert client_for(personas.panwascam_dukun).post(url).status_code == 404
    suggestion.refresh_from_db()
    assert suggestion.status == Status.PENDING


def test_anonymous_visitor_is_sent_to_log_in(case: Case, client: Client) -> None:
    response = client.get(reverse("triage:case_panel", args=[case.pk]))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_accept_with_htmx_returns_the_updated_panel(
    case: Case, personas: Personas, client_for: Callable[..., Client]
) -> None:
    suggestion = Suggestion.objects.get(case=case, field=Field.SUBJECT, rank=1)
    response = client_for(personas.panwascam_kebomas).post(
        reverse("triage:accept", args=[case.pk, suggestion.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'data-testid="triage-panel"' in response.content.decode()
    case.refresh_from_db()
    assert case.reported_type == "kepala_desa"


def test_reject_without_htmx_redirects_to_the_page(
    case: Case, personas: Personas, client_for: Callable[..., Client]
) -> None:
    suggestion = Suggestion.objects.get(case=case, field=Field.CATEGORY, rank=1)
    response = client_for(personas.member).post(reverse("triage:reject", args=[case.pk, suggestion.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("triage:case_page", args=[case.pk])
    suggestion.refresh_from_db()
    assert suggestion.status == Status.REJECTED


def test_deciding_twice_shows_an_indonesian_message_not_an_error(
    case: Case, personas: Personas, client_for: Callable[..., Client]
) -> None:
    suggestion = Suggestion.objects.get(case=case, field=Field.CATEGORY, rank=1)
    client = client_for(personas.member)
    url = reverse("triage:accept", args=[case.pk, suggestion.pk])
    client.post(url, HTTP_HX_REQUEST="true")
    response = client.post(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "sudah diputuskan" in response.content.decode()


def test_posting_without_a_csrf_token_is_refused(case: Case, personas: Personas) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.member)
    suggestion = Suggestion.objects.get(case=case, field=Field.CATEGORY, rank=1)
    assert client.post(reverse("triage:accept", args=[case.pk, suggestion.pk])).status_code == 403
    suggestion.refresh_from_db()
    assert suggestion.status == Status.PENDING


def test_accept_is_post_only(case: Case, personas: Personas, client_for: Callable[..., Client]) -> None:
    suggestion = Suggestion.objects.get(case=case, field=Field.CATEGORY, rank=1)
    url = reverse("triage:accept", args=[case.pk, suggestion.pk])
    assert client_for(personas.member).get(url).status_code == 405


def test_read_again_creates_suggestions_for_an_older_case(
    personas: Personas, make_case: Callable[..., Any], client_for: Callable[..., Client]
) -> None:
    case = make_case(personas.member, KEBOMAS)  # no on-commit job ran here
    assert not Suggestion.objects.filter(case=case).exists()
    response = client_for(personas.member).post(reverse("triage:analyse", args=[case.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert Suggestion.objects.filter(case=case, field=Field.CATEGORY).exists()


def test_case_page_loads_the_panel(case: Case, personas: Personas, client_for: Callable[..., Client]) -> None:
    html = client_for(personas.panwascam_kebomas).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert f'hx-get="{reverse("triage:case_panel", args=[case.pk])}"' in html


def test_a_second_choice_without_a_first_says_the_first_was_unknown(
    case: Case, personas: Personas, client_for: Callable[..., Client]
) -> None:
    # triage's first choice of reported party was "unknown": not offered (it is the case's value)
    Suggestion.objects.filter(case=case, field=Field.SUBJECT).delete()
    Suggestion.objects.create(case=case, field=Field.SUBJECT, value="asn", rank=2, explanation=[])
    html = client_for(personas.panwascam_kebomas).get(reverse("triage:case_panel", args=[case.pk])).content.decode()
    row = html.split('data-testid="suggestion-subject-second"')[1].split("</tr>")[0]
    assert "Jenis terlapor" in row and "pilihan kedua; pilihan pertama triase: tidak diketahui" in row
    category_row = html.split('data-testid="suggestion-category-second"')[1].split("</tr>")[0]
    assert "atau, pilihan kedua" in category_row  # a second choice under its first stays as it was
