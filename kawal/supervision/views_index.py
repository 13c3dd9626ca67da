from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect

from kawal.accounts.models import Role
from kawal.core.http import AuthedHttpRequest


@login_required
def index(request: AuthedHttpRequest) -> HttpResponse:
    """``/pengawasan/``: a TPS supervisor lands on the voting-day form, everyone else on coverage."""
    user = request.user
    if user.has_role(Role.PTPS) and not user.is_staff_member:
        return redirect("supervision:report_form")
    return redirect("supervision:coverage_index")
