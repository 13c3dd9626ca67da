"""WSGI entry for the bench: loads the intake lookups once in the gunicorn master (``--preload``).

``application`` is what production serves (``kawal.wsgi``: the intake fast path in front
of Django); ``django_application`` is Django alone, to compare within one run.
"""

from __future__ import annotations

from kawal.wsgi import application, django_application


def _warm() -> None:
    from django.db import connections

    from kawal.supervision.lookups import lookups

    lookups.expected("00")  # the TPS map and the per-area TPS counts
    lookups.election(0)  # elections, pairs and checklists
    connections.close_all()  # never share a database connection with the forked workers


_warm()

__all__ = ["application", "django_application"]
