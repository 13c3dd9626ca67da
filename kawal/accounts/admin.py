from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from kawal.accounts.models import Membership, User


class MembershipInline(admin.TabularInline[Membership, User]):
    model = Membership
    raw_id_fields = ["region"]
    extra = 0


@admin.register(User)
class KawalUserAdmin(UserAdmin):
    inlines = [MembershipInline]
    fieldsets = (*UserAdmin.fieldsets, ("Kawal", {"fields": ("full_name", "phone")}))  # type: ignore[misc]
    list_display = ["username", "full_name", "email", "is_active"]
