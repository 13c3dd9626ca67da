from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kawal.elections.models import Cycle


@login_required
def index(request: HttpRequest) -> HttpResponse:
    cycles = Cycle.objects.prefetch_related("stages", "elections__pairs", "elections__region")
    return render(request, "elections/index.html", {"cycles": cycles, "today": timezone.localdate()})
