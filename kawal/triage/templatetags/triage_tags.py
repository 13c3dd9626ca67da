from django import template

from kawal.triage.explain import describe

register = template.Library()


@register.filter
def explain_rule(rule: str) -> str:
    """Show an engine rule text as a sentence in the active language."""
    return describe(str(rule))
