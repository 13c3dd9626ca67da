from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get(mapping: Any, key: Any) -> Any:
    """``{{ values|get:name }}``: a dict item by a variable key ('' when missing)."""
    if not hasattr(mapping, "get"):
        return ""
    value = mapping.get(str(key), "")
    return "" if value is None else value


@register.filter
def fields(form: Any, names: str) -> list[Any]:
    """``{{ form|fields:"a,b" }}``: the bound fields named, in that order."""
    return [form[name] for name in names.split(",")]
