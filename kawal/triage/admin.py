from django.contrib import admin
from django.http import HttpRequest

from .models import CaseCategory, Suggestion


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin[Suggestion]):
    list_display = ("case", "field", "value", "rank", "status", "decided_by", "decided_at")
    list_filter = ("field", "rank", "status")
    readonly_fields = (
        "case", "field", "value", "rank", "other_case", "explanation", "status", "decided_by", "decided_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # suggestions come from triage; decisions go through the services


@admin.register(CaseCategory)
class CaseCategoryAdmin(admin.ModelAdmin[CaseCategory]):
    list_display = ("case", "category", "decided_by", "decided_at")
    list_filter = ("category",)
    readonly_fields = ("case", "category", "suggestion", "decided_by", "decided_at")
