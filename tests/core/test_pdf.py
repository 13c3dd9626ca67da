import pytest
from django.template import engines

from kawal.core.pdf import pdf_response, render_pdf


@pytest.fixture
def template(tmp_path, settings):  # type: ignore[no-untyped-def]
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "sample.html").write_text(
        '{% extends "pdf/base.html" %}{% block content %}<h1>Tanda Terima</h1><p>{{ code }}</p>{% endblock %}'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [folder, *settings.TEMPLATES[0]["DIRS"]]}]
    engines._engines = {}  # type: ignore[attr-defined]
    engines.__dict__.pop("templates", None)
    return "sample.html"


def test_render_pdf_produces_a_pdf_with_the_letterhead(template: str) -> None:
    import io

    from pypdf import PdfReader

    data = render_pdf(template, {"code": "KWL-ABC123"})
    assert data.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "KWL-ABC123" in text and "Kabupaten Gresik".upper() in text.upper()


def test_pdf_response_sets_type_and_name(template: str) -> None:
    response = pdf_response(template, {"code": "X"}, "tanda-terima.pdf", inline=False)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="tanda-terima.pdf"'
