"""Typing help for views behind ``login_required``."""

from django.http import HttpRequest

from kawal.accounts.models import User


class AuthedHttpRequest(HttpRequest):
    user: User
