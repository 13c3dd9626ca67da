"""A horizontal bar chart as inline SVG (no JavaScript, no CDN)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Bar:
    label: str
    value: int  # a percentage 0-100
    note: str = ""


def shorten(label: str, limit: int = 38) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def bar_chart(bars: Sequence[Bar], *, title: str, colour: str = "#1565c0") -> SafeString:
    row, label_w, bar_w = 26, 260, 300
    height = row * len(bars) + 30
    parts = [
        f'<svg role="img" aria-label="{escape(title)}" viewBox="0 0 {label_w + bar_w + 110} {height}" '
        f'xmlns="http://www.w3.org/2000/svg" class="chart" font-family="sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
    ]
    for i, bar in enumerate(bars):
        y = 10 + i * row
        width = round(bar_w * max(0, min(bar.value, 100)) / 100)
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{escape(shorten(bar.label))}</text>'
            f'<rect x="{label_w}" y="{y}" width="{bar_w}" height="18" fill="#eceff1"/>'
            f'<rect x="{label_w}" y="{y}" width="{width}" height="18" fill="{colour}"/>'
            f'<text x="{label_w + bar_w + 6}" y="{y + 14}">{bar.value}%{escape(bar.note)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
