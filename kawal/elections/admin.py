from django.contrib import admin

from kawal.elections.models import CandidatePair, Cycle, Election, Stage


class StageInline(admin.TabularInline[Stage, Cycle]):
    model = Stage
    extra = 0


class PairInline(admin.TabularInline[CandidatePair, Election]):
    model = CandidatePair
    extra = 0


@admin.register(Cycle)
class CycleAdmin(admin.ModelAdmin[Cycle]):
    inlines = [StageInline]


@admin.register(Election)
class ElectionAdmin(admin.ModelAdmin[Election]):
    inlines = [PairInline]
    list_display = ["name", "kind", "region"]
    raw_id_fields = ["region"]
