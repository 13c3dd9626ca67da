from django.contrib import admin

from kawal.regions.models import Region, Tps


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin[Region]):
    list_display = ["code", "name", "level"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    raw_id_fields = ["parent"]


@admin.register(Tps)
class TpsAdmin(admin.ModelAdmin[Tps]):
    list_display = ["desa", "number", "dpt", "is_synthetic"]
    search_fields = ["desa__name", "desa__code"]
    raw_id_fields = ["desa"]
