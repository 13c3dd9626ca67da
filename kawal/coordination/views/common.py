"""Helpers shared by the coordination views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.forms import Form
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from kawal.accounts.models import STAFF_ROLES

View = Callable[..., HttpResponseBase]


def staff_view(view: View) -> View:
    """Logged in and holding a staff role (Bawaslu, secretariat, Panwascam, admin)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        user: Any = request.user
        if not (user.is_superuser or user.has_role(*STAFF_ROLES)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(wrapper)


PAGE_SIZE = 50


def page_of(request: HttpRequest, items: Any) -> Page[Any]:
    """One page of a list (``?halaman=N``); a bad number shows the first or last page."""
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("halaman"))


def add_errors(form: Form, error: ValidationError) -> None:
    """Show a service's refusal on the form, keeping what the user typed."""
    for message in error.messages:
        form.add_error(None, message)
