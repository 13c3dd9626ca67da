"""PDF documents rendered from Django templates with WeasyPrint.

Templates extend ``pdf/base.html`` (A4, the Bawaslu letterhead). Static files are read
from disk, never fetched over the network.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string


def render_pdf(template_name: str, context: dict[str, Any]) -> bytes:
    from weasyprint import HTML  # imported late: it loads Pango

    context = {"letterhead": settings.KAWAL_LETTERHEAD, **context}
    html = render_to_string(template_name, context)
    pdf = HTML(string=html, base_url=str(settings.BASE_DIR / "kawal" / "static")).write_pdf()
    assert pdf is not None
    return pdf


def pdf_response(template_name: str, context: dict[str, Any], filename: str, *, inline: bool = True) -> HttpResponse:
    response = HttpResponse(render_pdf(template_name, context), content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
